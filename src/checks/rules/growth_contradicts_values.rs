//! BD107: a change that its two values contradict. Reads the growth the
//! claims layer found (由A增至B, 比上年的B, 是…的N倍, 同比 with last year's
//! value stated elsewhere) and checks the change as it is meant: relative,
//! in points, in times, in doublings, absolute, or per year on average.

use super::super::claims::relations::Assumed;
use super::super::claims::{Growth, GrowthKind};
use super::super::context::half_ulp;
use super::super::finding::ChangeKind;
use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use super::{figure, finding_at, interval, text, with};
use crate::figures::Qualifier;
use crate::model::Severity;

pub struct GrowthContradictsValues;

static DOC: RuleDoc = RuleDoc {
    id: "BD107",
    name: "growth-contradicts-values",
    severity: Severity::Error,
    title_zh: "增幅与前后两个数值不符",
    title_en: "Growth contradicted by its two values",
    what_zh: "对“由A增至B，增长X%”“B，比上年的A增长X%”“B是A的N倍”“同比增长X%”（上年数写在别处）一类句子，按增幅的写法核算：百分比按(B−A)÷A；“增长N倍”为B=A×(N+1)，“增至N倍”“是…的N倍”为B=A×N；“翻一番”“翻两番”为2倍、4倍；“个百分点”为两比率之差；“增加200户”为两数之差；“年均增长”按首尾年份复合计算。两个比率之差写成百分比的也报错。",
    what_en: "For 由A增至B，增长X%, B，比上年的A增长X%, B是A的N倍 and 同比增长X% (with last year's value stated elsewhere), checks the change as written: a percentage is (B−A)÷A; 增长N倍 means B = A×(N+1) and 增至N倍 or 是…的N倍 B = A×N; 翻一番 and 翻两番 are ×2 and ×4; 个百分点 is the difference of two rates; 增加200户 the difference of two counts; 年均增长 is compounded over the years between the two values. A percentage written for a difference of two rates is also flagged.",
    why_zh: "增幅、倍数和百分点是最常被写错的三种说法，写错会把成绩说大或说小。",
    why_en: "Growth rates, multiples and percentage points are the three most often confused forms, and each error over- or understates the result.",
    example: "销售额由860万元增至1204万元，增长50%。",
    corrected: "销售额由860万元增至1204万元，增长40%。",
    fix_zh: "按(B−A)÷A重新计算增幅；“增长N倍”改为“增至N倍”或相应改数；比率之差改用“个百分点”。",
    fix_en: "Recompute (B−A)÷A; write 增至N倍 where B is N times A; use 个百分点 for a difference of two rates.",
};

impl Rule for GrowthContradictsValues {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        self.directions(cx, out);
        for g in &cx.claims.relations.growth {
            if matches!(g.kind, GrowthKind::RelativeToChange | GrowthKind::AnnualToChange(_)) {
                self.relative_to_change(cx, g, out);
                continue;
            }
            if g.kind == GrowthKind::RelativeOfChange {
                self.relative_of_change(cx, g, out);
                continue;
            }
            // A base taken from another section is a reading: the arithmetic below says
            // which way the values go, in a warning.
            if g.assumed != Assumed::Base
                && let Some(d) = self.against_values(cx, g)
            {
                out.push(d);
                continue;
            }
            let (a, b, c) = (figure(cx, g.from), figure(cx, g.to), figure(cx, g.change));
            if a.value <= 0.0 || [a, b].iter().any(|f| f.qualifier != Qualifier::Exact) {
                continue;
            }
            let stated = text(cx, g.change).to_string();
            let ct = text(cx, g.change);
            let tol = half_ulp(ct, c.value) + if c.qualifier == Qualifier::Exact { 1e-9 } else { c.value * 0.05 };
            let at_least = matches!(c.qualifier, Qualifier::AtLeast | Qualifier::Over);
            // GDP and value added grow at comparable prices (按可比价): their growth is no
            // arithmetic of the nominal values written beside it.
            let prices = comparable_prices(cx, g);
            if prices == Prices::Said && !matches!(g.kind, GrowthKind::Absolute | GrowthKind::AnnualAmount(_)) {
                continue;
            }
            // A review's yearly average of such a measure over a stretch it only names
            // (五年来，全县生产总值从68亿元增长到91.8亿元，年均增长5.4%) is at comparable
            // prices, as statistics give it: with the years a reading too, nothing is
            // left to check. A plan's level (增长7.5%，达到326.4亿元) is the planner's
            // arithmetic of its rate, and is checked.
            if prices == Prices::Usually && g.assumed == Assumed::Span && !matches!(g.kind, GrowthKind::AnnualAmount(_))
            {
                continue;
            }
            let ratio = b.value / a.value;
            let rel = (b.value - a.value).abs() / a.value * 100.0;
            // The values are rounded as written (3.2亿 is 3.15–3.25亿): what they allow of
            // a derived figure is the range over their intervals' corners.
            let ((alo, ahi), (blo, bhi)) = (interval(cx, g.from), interval(cx, g.to));
            let (alo, blo) = (alo.max(f64::MIN_POSITIVE), blo.max(0.0));
            let span = |f: &dyn Fn(f64, f64) -> f64| {
                let v = [f(alo, blo), f(alo, bhi), f(ahi, blo), f(ahi, bhi)];
                (v.iter().copied().fold(f64::INFINITY, f64::min), v.iter().copied().fold(f64::NEG_INFINITY, f64::max))
            };
            let outside = |(lo, hi): (f64, f64)| {
                if at_least { hi + tol < c.value } else { hi + tol < c.value || lo - tol > c.value }
            };
            let unit = a.unit.to_string();
            let growth = |kind, actual| Finding::Growth {
                from: a.value,
                to: b.value,
                unit: unit.clone(),
                kind,
                actual,
                stated: stated.clone(),
                down: g.down,
            };
            let mut at_edge = false;
            let (finding, fix) = match g.kind {
                GrowthKind::Relative
                    if a.unit == "%"
                        && outside(span(&|x, y| (y - x).abs() / x * 100.0))
                        && (b.value - a.value).abs() - c.value <= tol =>
                {
                    let points = (b.value - a.value).abs();
                    (
                        Finding::PointsAsPercent { points, stated: stated.clone(), relative: None },
                        Some(format!("{}个百分点", crate::checks::finding::show(points))),
                    )
                }
                // 由90%提高到96%，提高了6%: 6% is the difference in points, and the relative
                // change as written (6.67%) is not 6%; it fits only at the far end of the
                // rates' rounding (89.5% to 95.5%), so the slip is likely, not proven: a warning.
                GrowthKind::Relative
                    if a.unit == "%"
                        && ((b.value - a.value).abs() - c.value).abs() <= tol
                        && (rel - c.value).abs() > tol =>
                {
                    at_edge = true;
                    let points = (b.value - a.value).abs();
                    (
                        Finding::PointsAsPercent { points, stated: stated.clone(), relative: Some(rel) },
                        Some(format!("{}个百分点", crate::checks::finding::show(points))),
                    )
                }
                GrowthKind::Relative if outside(span(&|x, y| (y - x).abs() / x * 100.0)) => {
                    (growth(ChangeKind::Relative, rel), None)
                }
                GrowthKind::Points if outside(span(&|x, y| (y - x).abs())) => {
                    (growth(ChangeKind::Points, (b.value - a.value).abs()), None)
                }
                GrowthKind::Absolute if outside(span(&|x, y| (y - x).abs())) => {
                    (growth(ChangeKind::Absolute, (b.value - a.value).abs()), None)
                }
                GrowthKind::AnnualAmount(n) if outside(span(&|x, y| (y - x).abs() / f64::from(n))) => {
                    (growth(ChangeKind::AnnualAmount, (b.value - a.value).abs() / f64::from(n)), None)
                }
                GrowthKind::ToTimes if (ratio - c.value).abs() > tol.max(0.05) && outside(span(&|x, y| y / x)) => {
                    (growth(ChangeKind::ToTimes, ratio), None)
                }
                GrowthKind::Times
                    if (ratio - 1.0 - c.value).abs() > tol.max(0.05) && outside(span(&|x, y| y / x - 1.0)) =>
                {
                    if (ratio - c.value).abs() <= tol.max(0.05) {
                        (Finding::TimesAsTimesOver { from: a.value, to: b.value, ratio, stated: stated.clone() }, None)
                    } else {
                        (growth(ChangeKind::Times, ratio), None)
                    }
                }
                GrowthKind::Doublings if ratio < 2f64.powf(c.value) * 0.98 => {
                    (growth(ChangeKind::Doublings, ratio), None)
                }
                GrowthKind::AnnualAverage(n) => {
                    let yearly = (ratio.powf(1.0 / f64::from(n)) - 1.0).abs() * 100.0;
                    let n = f64::from(n);
                    if !outside(span(&|x, y| ((y / x).powf(1.0 / n) - 1.0).abs() * 100.0)) {
                        continue;
                    }
                    (growth(ChangeKind::AnnualAverage, yearly), None)
                }
                _ => continue,
            };
            // Where the two values are exact the right figure is known: the fix
            // writes it in place of the stated one, at the precision written.
            let fix = fix.or_else(|| match &finding {
                Finding::Growth { kind: ChangeKind::Doublings, .. } => None,
                Finding::Growth { kind: ChangeKind::Times, actual, .. } => restated(ct, actual - 1.0),
                Finding::Growth { actual, .. } => restated(ct, *actual),
                // 增长3.4倍 where the value went to 3.4 times: it grew by 2.4 times.
                Finding::TimesAsTimesOver { ratio, .. } => restated(ct, ratio - 1.0),
                _ => None,
            });
            let (finding, fix) = match (g.assumed, finding) {
                (Assumed::Nothing, f) => (f, fix),
                (assumed, Finding::Growth { from, to, unit, kind, actual, stated, .. }) => (
                    Finding::GrowthAssumed {
                        from,
                        to,
                        unit,
                        kind,
                        actual,
                        stated,
                        years: match g.kind {
                            GrowthKind::AnnualAverage(n) | GrowthKind::AnnualAmount(n) => Some(n),
                            _ => None,
                        },
                        base_at: (assumed == Assumed::Base).then(|| base_section(cx, g.from)),
                    },
                    None,
                ),
                _ => continue,
            };
            let mut d = finding_at(self, cx, g.change, finding);
            if g.assumed != Assumed::Nothing {
                d.severity = Severity::Warning;
            }
            // 生产总值 and 增加值 grow at comparable prices unless the text says otherwise:
            // the nominal arithmetic is a guess, and the finding a warning.
            if (at_edge || prices == Prices::Usually) && d.severity == Severity::Error {
                d.severity = Severity::Warning;
            }
            d = with(with(d, cx, g.from, RelatedRole::Start), cx, g.to, RelatedRole::End);
            if let Some(f) = fix {
                d = d.fix(f);
            }
            out.push(d);
        }
        // Growth columns of tables (增长（%）beside 2022年 and 2023年).
        out.extend(cx.claims.relations.tables.growth.iter().filter_map(|t| t.diagnostic(self, cx)));
    }
}

/// The name of the section a base taken from elsewhere stands in; an untitled
/// part of a section (the text under a heading, before its subsections) is
/// named by the section it is in.
fn base_section(cx: &Context, base: crate::checks::claims::ClaimId) -> String {
    let mut at = cx.claims.all[base].section;
    while cx.sections[at].title.is_empty() && at > 0 {
        at = cx.parents[at].unwrap_or(at - 1);
    }
    super::section_name(cx, at)
}

/// What a growth's sentence says of prices.
#[derive(PartialEq)]
enum Prices {
    /// Nothing: the values' arithmetic is the growth.
    Nominal,
    /// A measure that statistics usually give at comparable prices (生产总值, 增加值):
    /// the arithmetic of the nominal values may not be the growth; a finding warns.
    Usually,
    /// The sentence says so (按可比价): the arithmetic is not the growth; no finding.
    Said,
}

/// Whether a growth is of a measure that statistics give at comparable prices
/// (the lexicon's list), or its sentence says so (按可比价).
fn comparable_prices(cx: &Context, g: &Growth) -> Prices {
    use crate::checks::lexicon::relations::{COMPARABLE_PRICE_MEASURES, COMPARABLE_PRICE_WORDS};
    let sentence = |id: crate::checks::claims::ClaimId| {
        let c = &cx.claims.all[id];
        let s = &cx.sections[c.section];
        &s.body[s.sentences[c.sentence].span.clone()]
    };
    let has = |words: &[&str]| [g.change, g.to].iter().any(|id| words.iter().any(|w| sentence(*id).contains(w)));
    if has(COMPARABLE_PRICE_WORDS) {
        Prices::Said
    } else if has(COMPARABLE_PRICE_MEASURES) {
        Prices::Usually
    } else {
        Prices::Nominal
    }
}

/// The stated figure with its number replaced by `actual`, written with as
/// many decimals as the stated one (45% → 50%, 3.4倍 → 2.4倍); None where the
/// stated number is not in Arabic digits or the value would read the same.
fn restated(stated: &str, actual: f64) -> Option<String> {
    let number_len = stated.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let number = &stated[..number_len];
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) || !actual.is_finite() {
        return None;
    }
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
    let written = format!("{actual:.decimals$}");
    (written != number).then(|| format!("{written}{}", &stated[number_len..]))
}

/// The word of rise or fall a change is said with (增长, 下降, 多, 少), unless
/// the lead says a change either way or a negative rise ([`TWO_WAY_CHANGE_WORDS`]).
fn change_word(lead: &str) -> Option<(&'static str, bool)> {
    use crate::checks::lexicon::relations::{FALL_WORDS, LESS_WORDS, MORE_WORDS, RISE_WORDS, TWO_WAY_CHANGE_WORDS};
    if TWO_WAY_CHANGE_WORDS.iter().any(|w| lead.contains(w)) {
        return None;
    }
    let rise = RISE_WORDS.iter().chain(&["增幅", "增速"]).find(|w| lead.contains(*w));
    let fall = FALL_WORDS.iter().chain(&["降幅"]).find(|w| lead.contains(*w));
    match (rise, fall) {
        (Some(w), None) => Some((w, false)),
        (None, Some(w)) => Some((w, true)),
        (None, None) => {
            let t = lead.trim();
            MORE_WORDS
                .iter()
                .map(|w| (w, false))
                .chain(LESS_WORDS.iter().map(|w| (w, true)))
                .find(|(w, _)| **w == t)
                .map(|(w, d)| (*w, d))
        }
        _ => None,
    }
}

impl GrowthContradictsValues {
    /// A change said to go one way between two values that go the other:
    /// 由420户减少到378户，增长10% (the values fell; 增长 says a rise), 由1560人
    /// 增加到1716人，下降10%, 680户，比上年的760户多80户. The values must differ
    /// beyond their rounding and the change be written as a positive figure
    /// with one word of rise or fall; 负增长, 增减 and 变化 say no way.
    /// Left alone: a multiple (是…的3倍) and 翻一番, which say no way the
    /// values could go against, and a growth at comparable prices.
    fn against_values(&self, cx: &Context, g: &Growth) -> Option<Diagnostic> {
        use GrowthKind::*;
        if !matches!(g.kind, Relative | Points | Absolute | AnnualAverage(_) | AnnualAmount(_)) {
            return None;
        }
        let (c, ct) = (figure(cx, g.change), text(cx, g.change));
        if c.value <= 0.0 || ct.starts_with(['-', '－', '负']) || comparable_prices(cx, g) == Prices::Said {
            return None;
        }
        let lead = {
            let cl = &cx.claims.all[g.change];
            &cx.sections[cl.section].body[cl.lead.clone()]
        };
        let (word, said_fall) = change_word(lead)?;
        let ((alo, ahi), (blo, bhi)) = (interval(cx, g.from), interval(cx, g.to));
        let fell = bhi < alo;
        let rose = blo > ahi;
        if !(fell && !said_fall || rose && said_fall) {
            return None;
        }
        let finding = Finding::ChangeAgainstValues {
            from: text(cx, g.from).to_string(),
            to: text(cx, g.to).to_string(),
            word: word.to_string(),
            stated: ct.to_string(),
            fell,
        };
        let d = finding_at(self, cx, g.change, finding);
        Some(with(with(d, cx, g.from, RelatedRole::Start), cx, g.to, RelatedRole::End))
    }

    /// 由46个增长了12个，增幅为26.1%: the percentage is the change over the first
    /// value, within the rounding of the three figures.
    fn relative_of_change(&self, cx: &Context, g: &Growth, out: &mut Vec<Diagnostic>) {
        let (a, d, c) = (figure(cx, g.from), figure(cx, g.to), figure(cx, g.change));
        if [a, d, c].iter().any(|f| f.qualifier != Qualifier::Exact) || a.value <= 0.0 {
            return;
        }
        let ((alo, ahi), (dlo, dhi)) = (interval(cx, g.from), interval(cx, g.to));
        let alo = alo.max(f64::MIN_POSITIVE);
        let (lo, hi) = (dlo / ahi * 100.0, dhi / alo * 100.0);
        let tol = half_ulp(text(cx, g.change), c.value) + 1e-9;
        if c.value + tol >= lo && c.value - tol <= hi {
            return;
        }
        let to = if g.down { a.value - d.value } else { a.value + d.value };
        let finding = Finding::Growth {
            from: a.value,
            to,
            unit: a.unit.to_string(),
            kind: ChangeKind::Relative,
            actual: d.value / a.value * 100.0,
            stated: text(cx, g.change).to_string(),
            down: g.down,
        };
        let diag = finding_at(self, cx, g.change, finding);
        out.push(with(with(diag, cx, g.from, RelatedRole::Start), cx, g.to, RelatedRole::Change));
    }

    /// 由A增加到B with B below A, or 由A下降到B with B above it, beyond the
    /// rounding of both values.
    fn directions(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for d in &cx.claims.relations.directions {
            let ((alo, ahi), (blo, bhi)) = (interval(cx, d.from), interval(cx, d.to));
            let wrong = if d.down { blo > ahi } else { bhi < alo };
            if !wrong {
                continue;
            }
            let finding = Finding::Direction {
                from: text(cx, d.from).to_string(),
                to: text(cx, d.to).to_string(),
                word: d.word.clone(),
                down: d.down,
            };
            let diag = finding_at(self, cx, d.to, finding);
            out.push(with(diag, cx, d.from, RelatedRole::Start));
        }
    }

    /// 5955亿元，比上年增加1637亿元，增长37.9%: the base is 5955 − 1637, and the
    /// percentage must be 1637 ÷ 4318 within the rounding of all three figures.
    /// Said as a yearly average from a named year (18600元，比2018年增加6200元，
    /// 年均递增8.4%), the rate is (18600 ÷ 12400)^(1/5) − 1.
    fn relative_to_change(&self, cx: &Context, g: &Growth, out: &mut Vec<Diagnostic>) {
        let (d, b, c) = (figure(cx, g.from), figure(cx, g.to), figure(cx, g.change));
        if [d, b, c].iter().any(|f| f.qualifier != Qualifier::Exact) || d.value <= 0.0 {
            return;
        }
        let (hd, hb) = (half_ulp(text(cx, g.from), d.value), half_ulp(text(cx, g.to), b.value));
        let base = |delta: f64, to: f64| if g.down { to + delta } else { to - delta };
        if base(d.value, b.value) <= hd + hb {
            return;
        }
        // The smallest and largest percentage the written figures allow: of the whole
        // change, or a year's, compounded over the years (比2010年增加…，年均递增12.2%).
        let years = match g.kind {
            GrowthKind::AnnualToChange(n) => Some(f64::from(n)),
            _ => None,
        };
        let pct = |delta: f64, to: f64| match years {
            Some(n) => ((to / base(delta, to)).powf(1.0 / n) - 1.0).abs() * 100.0,
            None => delta / base(delta, to) * 100.0,
        };
        let corners = [
            pct(d.value - hd, b.value - hb),
            pct(d.value - hd, b.value + hb),
            pct(d.value + hd, b.value - hb),
            pct(d.value + hd, b.value + hb),
        ];
        let lo = corners.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = corners.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let tol = half_ulp(text(cx, g.change), c.value) + 1e-9;
        if c.value + tol >= lo && c.value - tol <= hi {
            return;
        }
        let from = base(d.value, b.value);
        let actual = pct(d.value, b.value);
        let finding = Finding::Growth {
            from,
            to: b.value,
            unit: b.unit.to_string(),
            kind: if years.is_some() { ChangeKind::AnnualAverage } else { ChangeKind::Relative },
            actual,
            stated: text(cx, g.change).to_string(),
            down: g.down,
        };
        let diag = finding_at(self, cx, g.change, finding);
        out.push(with(with(diag, cx, g.from, RelatedRole::Change), cx, g.to, RelatedRole::End));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn a_change_said_between_the_two_values_is_no_value() {
        // 增长了80户 is by how much, 达到560户 the new value: 80÷480 = 16.7%.
        let text = "全村合作社社员由2022年的480户增长了80户，达到560户，增幅为16.7%。";
        assert_eq!(fired(text, "BD107"), 0);
        let text = "全镇电商网点由去年的25个增加了10个，达到35个，增长40%。";
        assert_eq!(fired(text, "BD107"), 0);
        let text = "全镇电商网点由去年的25个增加到35个，增长50%。";
        assert_eq!(fired(text, "BD107"), 1);
    }

    #[test]
    fn the_base_may_follow_the_change() {
        assert_eq!(fired("农民人均可支配收入8600元，比上年增长一倍，上年为5000元。", "BD107"), 1);
        assert_eq!(fired("农民人均可支配收入8600元，比上年增长72%，上年为5000元。", "BD107"), 0);
        assert_eq!(fired("农民人均可支配收入1万元，比上年增长一倍，上年为5000元。", "BD107"), 0);
    }

    #[test]
    fn fires_on_wrong_growth() {
        assert_eq!(fired("销售额由860万元增至1204万元，增长50%。", "BD107"), 1);
        assert_eq!(fired("产值由500万元增至1700万元，增长3.4倍。", "BD107"), 1);
        assert_eq!(fired("线上销售额由2021年的1250万元增至2023年的1875万元，增长40%。", "BD107"), 1);
        let d = run_text("就业率由60%提高到72%，提高了12%。");
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD107").collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fix.as_deref(), Some("12个百分点"));
        assert_eq!(fired("采购扶贫产品1430万元，比上年的1100万元增长33%。", "BD107"), 1);
        assert_eq!(fired("今年销售扶贫产品1560万元，是上年520万元的2.4倍。", "BD107"), 1);
        assert_eq!(fired("2020年帮扶困难职工1460户，较2019年的1280户增加200户。", "BD107"), 1);
        assert_eq!(fired("人均纯收入由2016年的3200元增加到2020年的5800元，实现翻一番。", "BD107"), 1);
        // The base is the value less the change: 1637 ÷ (5955 − 1637) = 37.9%.
        assert_eq!(fired("全年投入５９５５亿元，比上年增加１６３７亿元，增长４２．５％。", "BD107"), 1);
        assert_eq!(fired("困难职工户数336户，比上年减少84户，下降25%。", "BD107"), 1);
    }

    #[test]
    fn the_fix_writes_the_right_figure_where_it_is_known() {
        let fix = |text: &str| run_text(text).into_iter().find(|d| d.rule == "BD107").and_then(|d| d.fix);
        assert_eq!(fix("销售额由860万元增至1204万元，增长50%。").as_deref(), Some("40%"));
        assert_eq!(fix("线上销售额由2021年的1250万元增至2023年的1875万元，增长40%。").as_deref(), Some("50%"));
        assert_eq!(fix("产值由500万元增至1700万元，增长3.4倍。").as_deref(), Some("2.4倍"));
        assert_eq!(fix("2018年贫困发生率为5.2%，2020年下降到0.8%，下降3.4个百分点。").as_deref(), Some("4.4个百分点"));
        // Chinese numerals are not rewritten; an approximate value gives no fix.
        assert_eq!(fix("人均纯收入由2016年的3200元增加到2020年的5800元，实现翻一番。"), None);
        assert_eq!(fix("销售额由约860万元增至1204万元，增长50%。"), None);
    }

    #[test]
    fn two_years_named_instead_of_from_and_to() {
        // 2019年为A，2020年增长到B: the years say which value came first.
        let wrong = "2019年全县消费扶贫销售额为9000万元，2020年增长到1.4亿元，增幅为35%。";
        assert_eq!(fired(wrong, "BD107"), 1);
        assert_eq!(fired("2019年全县消费扶贫销售额为9000万元，2020年增长到1.4亿元，增幅为55.6%。", "BD107"), 0);
        assert_eq!(fired("2018年贫困发生率为5.2%，2020年下降到0.8%，下降4.4个百分点。", "BD107"), 0);
        assert_eq!(fired("2018年贫困发生率为5.2%，2020年下降到0.8%，下降3.4个百分点。", "BD107"), 1);
        // Years that do not run forward name no growth from the first to the second.
        assert_eq!(fired("2021年销售额为1.4亿元，2020年达到9000万元，增长35%。", "BD107"), 0);
    }

    #[test]
    fn silent_when_the_change_and_its_percentage_agree() {
        assert_eq!(fired("全年投入５９５５亿元，比上年增加１６３７亿元，增长３７．９％。", "BD107"), 0);
        assert_eq!(fired("中央财政拟投入社会保障资金2930亿元，比上年预计数增加439亿元，增长17.6%。", "BD107"), 0);
        assert_eq!(fired("困难职工户数336户，比上年减少84户，下降20%。", "BD107"), 0);
        // A change of something the clause names anew is not this value's.
        assert_eq!(fired("补助标准由20元提高到40元，中央财政为此将增加支出42亿元。", "BD107"), 0);
    }

    #[test]
    fn silent_when_growth_matches() {
        assert_eq!(fired("线上销售额由2021年的1250万元增至2023年的1875万元，增长50%。", "BD107"), 0);
        assert_eq!(fired("销售额由860万元增至1204万元，增长40%。", "BD107"), 0);
        assert_eq!(fired("产值由500万元增至1700万元，增长2.4倍。", "BD107"), 0);
        assert_eq!(fired("产值由500万元增至1700万元，增至3.4倍。", "BD107"), 0);
        assert_eq!(fired("就业率由60%提高到72%，提高了12个百分点。", "BD107"), 0);
        assert_eq!(fired("就业率由60%提高到72%，提高了20%。", "BD107"), 0);
        assert_eq!(fired("就业率由80%提高到88%，提高8个百分点，相对增幅为10%。", "BD107"), 0);
        assert_eq!(fired("人均纯收入由2016年的3200元增加到2020年的6500元，实现翻一番。", "BD107"), 0);
        // Average yearly growth is compounded over the years between the values.
        assert_eq!(fired("销售额由2015年的1000万元增加到2020年的1762万元，年均增长12%。", "BD107"), 0);
        assert_eq!(fired("销售额由2015年的1000万元增加到2020年的1762万元，年均增长15%。", "BD107"), 1);
    }

    #[test]
    fn a_change_said_against_its_values_is_flagged() {
        // The values fell, the change says a rise (and the other way round); the size is right.
        assert_eq!(fired("全镇低保户由去年的250户减少到200户，增长20%。", "BD107"), 1);
        assert_eq!(fired("订单农业面积从2021年的800亩扩大到2023年的1000亩，减少25%。", "BD107"), 1);
        assert_eq!(fired("村集体经济收入45万元，比上年的36万元下降9万元。", "BD107"), 1);
        // The right word, a negative rise and a change either way are no slip.
        assert_eq!(fired("全镇低保户由去年的250户减少到200户，下降20%。", "BD107"), 0);
        assert_eq!(fired("全镇低保户由去年的250户减少到200户，负增长20%。", "BD107"), 0);
    }

    #[test]
    fn more_and_less_after_a_base_are_the_gap() {
        assert_eq!(fired("今年培训学员1260人，比上年的1100人多180人。", "BD107"), 1);
        assert_eq!(fired("村集体收入38万元，较去年的45万元少了5万元。", "BD107"), 1);
        assert_eq!(fired("全县光伏收益3.2亿元，比上年的2.9亿元多出6000万元。", "BD107"), 1);
        // The gap right; and 多 that is no gap (1000多人).
        assert_eq!(fired("今年培训学员1260人，比上年的1100人多160人。", "BD107"), 0);
        assert_eq!(fired("今年培训学员1260人，比上年的1100人多，共有1000多人结业。", "BD107"), 0);
    }

    #[test]
    fn last_year_s_value_in_a_clause_of_its_own_is_the_base() {
        assert_eq!(fired("2023年全镇义务教育巩固率为98.2%，上年为96.5%，提高2.7个百分点。", "BD107"), 1);
        assert_eq!(fired("今年合作社分红金额52万元，去年同期为40万元，同比增长35%。", "BD107"), 1);
        assert_eq!(fired("全县电商企业达到126家，去年为105家，增加了31家。", "BD107"), 1);
        assert_eq!(fired("2023年全镇义务教育巩固率为98.2%，上年为96.5%，提高1.7个百分点。", "BD107"), 0);
        // 上年为 before another noun names no base.
        assert_eq!(fired("今年合作社分红金额52万元，上年为全村提供岗位40个，增长35%。", "BD107"), 0);
    }

    #[test]
    fn a_change_said_by_how_much_and_its_percentage() {
        assert_eq!(fired("全县家庭农场由2020年的80家增加了20家，增幅为20%。", "BD107"), 1);
        assert_eq!(fired("参保人数从2400人减少了360人，降幅为12%。", "BD107"), 1);
        assert_eq!(fired("电商网点由25个增加了10个，达到35个，增长25%。", "BD107"), 1);
        assert_eq!(fired("全县家庭农场由2020年的80家增加了20家，增幅为25%。", "BD107"), 0);
        // 增长到 makes the second figure the new value: 58 ÷ 46 − 1 = 26.1%.
        assert_eq!(fired("全县帮扶车间由2021年的46个增长到58个，增幅为26.1%。", "BD107"), 0);
    }

    #[test]
    fn points_written_as_percent_within_the_rounding_warn() {
        use crate::model::Severity;
        let warned =
            |text: &str| run_text(text).iter().filter(|d| d.rule == "BD107" && d.severity == Severity::Warning).count();
        // 6 points, and 6 ÷ 88 = 6.8%: 6% fits only if 88% and 94% are near 88.5% and 93.5%.
        assert_eq!(warned("全镇适龄儿童入园率由88%提高到94%，提高了6%。"), 1);
        assert_eq!(warned("农村自来水普及率从2020年的90%提升到2023年的96%，提升6%。"), 1);
        assert_eq!(warned("村级卫生室达标率由90%降至84%，下降6%。"), 1);
        // The relative change written right: no finding.
        assert_eq!(fired("全镇适龄儿童入园率由88%提高到94%，提高了6.8%。", "BD107"), 0);
    }

    #[test]
    fn a_yearly_average_from_the_value_less_its_change_since_a_named_year() {
        // 18600 − 6200 = 12400; (18600 ÷ 12400)^(1/5) − 1 = 8.4%.
        assert_eq!(fired("2023年农民人均可支配收入18600元，比2018年增加6200元，年均递增12%。", "BD107"), 1);
        // 4.2 − 1.2 = 3; 1.4^(1/3) − 1 = 11.9%.
        assert_eq!(fired("2023年全镇旅游收入4.2亿元，比2020年增加1.2亿元，年均增长15%。", "BD107"), 1);
        // A fall: 9.6 + 1.4 = 11; a yearly fall of 2.7%.
        assert_eq!(fired("2023年粮食总产量9.6万吨，比2018年减少1.4万吨，年均递减5%。", "BD107"), 1);
        // Right: 64 − 39 = 25, 2.56^(1/5) − 1 = 20.7%.
        assert_eq!(fired("2022年村集体经济收入64万元，比2017年增加39万元，年均增长20.7%。", "BD107"), 0);
        // No year named in the comparison: the years are unknown.
        assert_eq!(fired("今年农民人均可支配收入18600元，比上年增加6200元，年均递增12%。", "BD107"), 0);
    }
}
