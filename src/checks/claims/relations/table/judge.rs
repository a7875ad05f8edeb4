//! What a table relation says when it fails: the arithmetic, within the
//! rounding of every figure, as a finding at the cell it concerns, with the
//! cells it rests on. A relation the checker assumed gives a warning. Read
//! by BD103 (sums, subsets, totals in the text), BD104 (shares), BD105
//! (rates) and BD107 (growth).

use super::{TableCell, TableGrowth, TableRate, TableShares, TableSubset, TableSum, TextTotal, fits};
use crate::checks::finding::Finding;
use crate::checks::lexicon::tables::MAGNITUDES;
use crate::checks::{Context, Diagnostic, RelatedRole, Rule};
use crate::model::Severity;

/// The most related cells a table finding lists (a 合计 of 2,000 rows names
/// its first ones).
pub const MAX_RELATED: usize = 24;

/// Powers of ten a unit slips by: 元 for 万元 and 万元 for 亿元, 亿 for 元, 千.
const SLIPS: &[f64] = &[1e4, 1e8, 1e3];

impl TableCell {
    /// A finding at this cell.
    fn diagnostic(&self, rule: &dyn Rule, cx: &Context, finding: Finding) -> Diagnostic {
        Diagnostic::new(rule, cx.sections[self.section].id, self.span.clone(), finding)
    }

    /// Points a finding at this cell.
    fn relate(&self, d: Diagnostic, cx: &Context, role: RelatedRole) -> Diagnostic {
        d.related(cx.sections[self.section].id, self.span.clone(), role, self.text.clone())
    }

    fn interval(&self) -> (f64, f64) {
        (self.lo, self.hi)
    }
}

fn relate_all(mut d: Diagnostic, cx: &Context, cells: &[TableCell], role: RelatedRole) -> Diagnostic {
    for c in cells.iter().take(MAX_RELATED) {
        d = c.relate(d, cx, role);
    }
    d
}

fn eps(v: f64) -> f64 {
    1e-9 * (1.0 + v.abs())
}

/// The unit a figure is in when it is `factor` times what its header's unit
/// (`written`, of magnitude `scale`) makes it: 亿元 over 1e4 is 万元.
fn slipped_unit(written: &str, scale: f64, factor: f64) -> String {
    let base = MAGNITUDES.iter().find_map(|(m, _)| written.strip_prefix(m)).unwrap_or(written);
    let want = scale / factor;
    MAGNITUDES.iter().find(|(_, v)| (v / want - 1.0).abs() < 1e-9).map_or_else(
        || if (want - 1.0).abs() < 1e-9 { base.to_string() } else { String::new() },
        |(m, _)| format!("{m}{base}"),
    )
}

impl TableSum {
    /// The total does not add up: a slip of the header's unit where the two
    /// differ by a power of ten, else the sum that it should be.
    pub fn finding(&self) -> Option<Finding> {
        let parts = || self.parts.iter().map(TableCell::interval);
        if fits(self.total.interval(), parts(), self.open) {
            return None;
        }
        let sum: f64 = self.parts.iter().map(|p| p.value).sum();
        let (lo, hi) = parts().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
        let (t_lo, t_hi) = self.total.interval();
        if let Some((written, scale)) = &self.header {
            for &k in SLIPS {
                let rows_larger = t_lo * k <= hi && lo <= t_hi * k;
                let total_larger = lo * k <= t_hi && t_lo <= hi * k;
                if rows_larger || total_larger {
                    let likely = slipped_unit(written, *scale, k);
                    if likely.is_empty() {
                        continue;
                    }
                    return Some(Finding::TableUnitSlip {
                        cell: self.total.at.clone(),
                        stated: self.total.value,
                        sum,
                        parts: self.of,
                        factor: k,
                        header: written.clone(),
                        likely,
                    });
                }
            }
        }
        Some(Finding::TableTotal {
            cell: self.total.at.clone(),
            stated: self.total.value,
            sum,
            unit: self.unit.clone(),
            parts: self.of,
            open: self.open,
        })
    }

    pub fn diagnostic(&self, rule: &dyn Rule, cx: &Context) -> Option<Diagnostic> {
        let d = self.total.diagnostic(rule, cx, self.finding()?);
        Some(relate_all(d, cx, &self.parts, RelatedRole::Part))
    }
}

impl TableSubset {
    /// The part is larger than what it is part of.
    pub fn finding(&self) -> Option<Finding> {
        (self.part.lo > self.whole.hi + eps(self.whole.hi)).then(|| Finding::TableSubsetOver {
            cell: self.part.at.clone(),
            part: self.part.value,
            whole: self.whole.value,
            of: self.whole.at.clone(),
            by_row: self.by_row,
            unit: self.unit.clone(),
        })
    }

    pub fn diagnostic(&self, rule: &dyn Rule, cx: &Context) -> Option<Diagnostic> {
        let d = self.part.diagnostic(rule, cx, self.finding()?);
        Some(self.whole.relate(d, cx, RelatedRole::Total))
    }
}

impl TableShares {
    /// The shares do not make the 100 their 合计 row states, or pass 100, or
    /// (along a row the table proves makes 100) fall short of it.
    pub fn finding(&self) -> Option<Finding> {
        let scale = if self.fraction { 100.0 } else { 1.0 };
        let shares = || self.shares.iter().map(|c| (c.lo * scale, c.hi * scale));
        let (lo, hi) = shares().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
        let sum: f64 = self.shares.iter().map(|c| c.value * scale).sum();
        let wrong = match &self.stated {
            Some(t) => !fits((t.lo * scale, t.hi * scale), shares(), false),
            None => lo > 100.0 + eps(100.0) || (self.row.is_some() && hi < 100.0 - eps(100.0)),
        };
        wrong.then(|| Finding::TableShares {
            row: self.row.clone(),
            column: self.column.clone(),
            sum: (sum * 100.0).round() / 100.0,
            stated: self.stated.as_ref().map(|t| t.value * scale),
            assumed: self.assumed,
        })
    }

    pub fn diagnostic(&self, rule: &dyn Rule, cx: &Context) -> Option<Diagnostic> {
        let f = self.finding()?;
        let at = self.stated.as_ref().unwrap_or(&self.shares[0]);
        let mut d = relate_all(at.diagnostic(rule, cx, f), cx, &self.shares, RelatedRole::Share);
        if self.assumed {
            d.severity = Severity::Warning;
        }
        Some(d)
    }
}

impl TableGrowth {
    /// The growth is not what its two values make it.
    pub fn finding(&self) -> Option<Finding> {
        let (a, b, c) = (&self.from, &self.to, &self.change);
        if a.lo <= 0.0 {
            return None;
        }
        let (lo, hi) = if self.points {
            (b.lo - a.hi, b.hi - a.lo)
        } else {
            ((b.lo / a.hi - 1.0) * 100.0, (b.hi / a.lo - 1.0) * 100.0)
        };
        if lo <= c.hi + eps(c.hi) && c.lo - eps(c.lo) <= hi {
            return None;
        }
        let actual = if self.points { b.value - a.value } else { (b.value / a.value - 1.0) * 100.0 };
        Some(Finding::TableGrowth {
            cell: c.at.clone(),
            from: a.value,
            to: b.value,
            actual,
            stated: c.text.clone(),
            points: self.points,
        })
    }

    pub fn diagnostic(&self, rule: &dyn Rule, cx: &Context) -> Option<Diagnostic> {
        let d = self.change.diagnostic(rule, cx, self.finding()?);
        Some(self.to.relate(self.from.relate(d, cx, RelatedRole::Start), cx, RelatedRole::End))
    }
}

impl TableRate {
    /// The rate is not the quotient its table works it out as.
    pub fn finding(&self) -> Option<Finding> {
        let (p, w, r) = (&self.part, &self.whole, &self.rate);
        if w.lo <= 0.0 {
            return None;
        }
        let scale = if self.fraction { 1.0 } else { 100.0 };
        let (lo, hi) = (p.lo / w.hi * scale, p.hi / w.lo * scale);
        if lo <= r.hi + eps(r.hi) && r.lo - eps(r.lo) <= hi {
            return None;
        }
        Some(Finding::TableRate {
            cell: r.at.clone(),
            part: p.value,
            whole: w.value,
            part_name: self.part_name.clone(),
            whole_name: self.whole_name.clone(),
            actual: p.value / w.value * 100.0,
            stated: r.text.clone(),
        })
    }

    pub fn diagnostic(&self, rule: &dyn Rule, cx: &Context) -> Option<Diagnostic> {
        let d = self.rate.diagnostic(rule, cx, self.finding()?);
        Some(self.whole.relate(self.part.relate(d, cx, RelatedRole::Part), cx, RelatedRole::Whole))
    }
}

impl TextTotal {
    /// The table's 合计 is not the text's total, or its rows pass it, or (when
    /// they name every part) fall short of it.
    pub fn finding(&self) -> Option<Finding> {
        let stated = (self.lo, self.hi);
        let (table, total_row) = match &self.total {
            Some(t) => {
                let overlap = t.lo <= self.hi + eps(self.hi) && self.lo - eps(self.lo) <= t.hi;
                if overlap {
                    return None;
                }
                (t.value, true)
            }
            None => {
                if fits(stated, self.parts.iter().map(TableCell::interval), !self.complete) {
                    return None;
                }
                (self.parts.iter().map(|p| p.value).sum(), false)
            }
        };
        Some(Finding::TableTextTotal {
            stated: self.text.clone(),
            table,
            unit: self.unit.clone(),
            column: self.column.clone(),
            total_row,
            assumed: self.assumed,
        })
    }

    pub fn diagnostic(&self, rule: &dyn Rule, cx: &Context) -> Option<Diagnostic> {
        let f = self.finding()?;
        let mut d = Diagnostic::new(rule, cx.sections[self.section].id, self.span.clone(), f);
        d = match &self.total {
            Some(t) => t.relate(d, cx, RelatedRole::Total),
            None => relate_all(d, cx, &self.parts, RelatedRole::Part),
        };
        if self.assumed {
            d.severity = Severity::Warning;
        }
        Some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slipped_unit_is_named_by_its_magnitude() {
        assert_eq!(slipped_unit("亿元", 1e8, 1e4), "万元");
        assert_eq!(slipped_unit("万元", 1e4, 1e4), "元");
        assert_eq!(slipped_unit("万亩", 1e4, 1e4), "亩");
        assert_eq!(slipped_unit("元", 1.0, 1e4), "");
    }
}
