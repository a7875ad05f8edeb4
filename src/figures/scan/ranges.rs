//! Ranges: two numbers joined by a connector (2至4个月, 两到三万港元), and
//! year ranges (2013年至2020年, 2018-2020).

use super::super::Qualifier;
use super::super::date::{self, DateParts};
use super::super::lexicon::RANGE_CONNECTORS;
use super::super::number::{Form, Num, read_number};
use super::super::text::Cursor;
use super::tail::{accept, quantity, scale_tail, set_marker, tail, unit_at};
use super::{Scanner, date_figure};

impl Scanner<'_> {
    /// A date, or a year range (2013年至2020年, 2018-2020), with an
    /// approximation after it (2020年3月左右, 8点11分许).
    pub(super) fn date_or_range(&mut self, start: usize, end: usize, parts: DateParts, unit: &'static str) -> usize {
        let mut f = date_figure(start, end, parts.clone(), unit);
        if parts.month.is_none()
            && parts.day.is_none()
            && parts.period.is_none()
            && parts.year.is_some()
            && let Some((hi, stop, conn)) = year_range_end(self.text, end, unit == "年")
            && hi > parts.value()
        {
            f.span.end = stop;
            f.value_max = Some(hi);
            f.qualifier = Qualifier::Range;
            f.marker = conn.to_string();
        }
        let mut after = Cursor::at(self.text, f.span.end);
        after.skip_ws_inline();
        if f.qualifier == Qualifier::Exact
            && let Some((m, end)) = ["左右", "前后", "许"].into_iter().find_map(|m| after.eat(m).map(|e| (m, e)))
        {
            f.span.end = end;
            f.qualifier = Qualifier::Approx;
            f.marker = m.to_string();
        }
        self.push(f)
    }

    /// Two numbers joined by a connector (2至4个月, 1万元--5万元, 从8500到3万港元),
    /// or by 与/和 before 之间 (10000与20000之间).
    pub(super) fn connector_range(&mut self, lo: &Num) -> Option<usize> {
        let text = self.text;
        if lo.inner_marker.is_some() || lo.value_max.is_some() {
            return None;
        }
        let mut c = Cursor::at(text, lo.end);
        c.skip_ws();
        // The low end may carry its own unit: 3天——8天, 1万元--5万元.
        let mut lo_unit = None;
        if let Some((u, end)) = unit_at(&c) {
            let mut after = Cursor::at(text, end);
            after.skip_ws();
            if RANGE_CONNECTORS.iter().any(|k| after.starts_with(k)) {
                lo_unit = Some(u.unit);
                c = after;
            }
        }
        for inc in ["（含）", "(含)"] {
            if c.starts_with(inc) {
                c.advance(inc.len());
                c.skip_ws();
            }
        }
        let (conn, between) = match RANGE_CONNECTORS.iter().find(|k| c.starts_with(k)) {
            Some(k) => (*k, false),
            None if lo_unit.is_none() && (c.starts_with("与") || c.starts_with("和")) => (&c.rest()[..3], true),
            None => return None,
        };
        let mut d = Cursor::at(text, c.pos + conn.len());
        d.skip_ws();
        let hi = read_number(&d)?;
        if hi.value_max.is_some() || (hi.form == Form::Chinese && lo.form == Form::Arabic && !hi.has_unit) {
            return None;
        }
        // 4—8月份, 1-9月: a range of months is a date.
        let mut at_month = Cursor::at(text, hi.end);
        at_month.skip_ws();
        if lo_unit.is_none()
            && at_month.starts_with("月")
            && [lo.value.to_f64(), hi.value.to_f64()].iter().all(|v| v.fract() == 0.0 && (1.0..=12.0).contains(v))
            && lo.value.to_f64() < hi.value.to_f64()
        {
            let mut end = at_month.pos + "月".len();
            if Cursor::at(text, end).starts_with("份") {
                end += "份".len();
            }
            let parts = DateParts { month: Some(lo.value.to_f64() as u32), valid: true, ..DateParts::default() };
            let mut f = date_figure(lo.start, end, parts, "月");
            f.value_max = Some(hi.value.to_f64());
            f.qualifier = Qualifier::Range;
            f.marker = conn.to_string();
            return Some(self.push(f));
        }
        let mut t = tail(&Cursor::at(text, hi.end), &hi);
        if lo_unit.is_some_and(|u| u != t.unit) {
            return None;
        }
        let mut end = t.end.max(hi.end);
        if between {
            // 10000与20000间: the 间 that closes the range is no unit.
            if t.unit == "间" {
                t.unit = "";
                end = t.end;
            } else {
                let mut e = Cursor::at(text, end);
                e.skip_ws_inline();
                end = e.eat("之间").or_else(|| e.eat("间"))?;
            }
        }
        // The low end takes the high end's magnitude if it has none (两到三万,
        // 八到九百亿, 10～20万), unless that makes it the larger (从8500到3万).
        let mut lo_v = lo.value;
        if !lo.has_large && hi.tail_power > 0 && lo_unit.is_none() {
            let single_cn = lo.form == Form::Chinese && lo.chars == 1;
            let k = if single_cn { hi.tail_power } else { hi.tail_large };
            let shifted = lo_v.shift(k)?;
            if scale_tail(shifted, &t) < scale_tail(hi.value, &t) {
                lo_v = shifted;
            }
        }
        let (lo_f, hi_f) = (scale_tail(lo_v, &t), scale_tail(hi.value, &t));
        if lo_f >= hi_f {
            return None;
        }
        if lo.form == Form::Chinese && !accept(lo, &t, false) && !hi.has_unit && t.unit.is_empty() {
            return None;
        }
        let mut f = quantity(lo, &t);
        f.value = lo_f;
        f.value_max = Some(hi_f);
        f.qualifier = Qualifier::Range;
        f.marker = conn.to_string();
        f.span = lo.start..end;
        if let Some((m, q)) = t.postfix {
            set_marker(&mut f, q, m);
        }
        self.prefix(&mut f);
        Some(self.push(f))
    }
}

/// After a year ending at `end`: a connector and a second year (with 年 when
/// the first had it; 2020至2025年 writes it on the second only) and no unit
/// after it. Returns (year, end, connector).
pub(super) fn year_range_end(text: &str, end: usize, with_nian: bool) -> Option<(f64, usize, &'static str)> {
    let mut c = Cursor::at(text, end);
    c.skip_ws();
    let conn = RANGE_CONNECTORS.iter().find(|k| c.starts_with(k))?;
    let mut d = Cursor::at(text, c.pos + conn.len());
    d.skip_ws();
    let n = read_number(&d)?;
    if !date::is_year_number(&n) {
        return None;
    }
    let mut e = Cursor::at(text, n.end);
    e.skip_ws();
    let has_nian = e.starts_with("年") && !e.starts_with("年级");
    if with_nian && !has_nian {
        return None;
    }
    let stop = if has_nian { e.pos + "年".len() } else { n.end };
    if !has_nian && unit_at(&Cursor::at(text, stop)).is_some() {
        return None;
    }
    Some((n.value.to_f64(), stop, conn))
}
