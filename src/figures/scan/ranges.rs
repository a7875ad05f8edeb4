//! Ranges: two numbers joined by a connector (2至4个月, 两到三万港元), and
//! year ranges (2013年至2020年, 2018-2020).

use super::super::Qualifier;
use super::super::chinese::read_chinese;
use super::super::date::{self, DateParts};
use super::super::lexicon::RANGE_CONNECTORS;
use super::super::number::{Form, Num, read_arabic};
use super::super::text::Cursor;
use super::tail::{accept, quantity, scale_tail, set_marker, tail, unit_at};
use super::{Scanner, date_figure};

impl Scanner<'_> {
    /// A date, or a year range (2013年至2020年, 2018-2020).
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
        self.push(f)
    }

    /// Two numbers joined by a connector.
    pub(super) fn connector_range(&mut self, lo: &Num) -> Option<usize> {
        let text = self.text;
        if lo.inner_marker.is_some() || lo.value_max.is_some() {
            return None;
        }
        let mut c = Cursor::at(text, lo.end);
        c.skip_ws();
        for inc in ["（含）", "(含)"] {
            if c.starts_with(inc) {
                c.advance(inc.len());
                c.skip_ws();
            }
        }
        let conn = RANGE_CONNECTORS.iter().find(|k| c.starts_with(k))?;
        let mut d = Cursor::at(text, c.pos + conn.len());
        d.skip_ws();
        let hi = read_arabic(&d).or_else(|| read_chinese(&d))?;
        if hi.value_max.is_some() || (hi.form == Form::Chinese && lo.form == Form::Arabic && !hi.has_unit) {
            return None;
        }
        let t = tail(&Cursor::at(text, hi.end), hi.form == Form::Arabic);
        // The low end takes the high end's magnitude if it has none (两到三万, 八到九百亿, 10～20万).
        let mut lo_v = lo.value;
        if !lo.has_large && hi.tail_power > 0 {
            let single_cn = lo.form == Form::Chinese && lo.chars == 1;
            let k = if single_cn { hi.tail_power } else { hi.tail_large };
            lo_v = lo_v.shift(k)?;
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
        f.marker = (*conn).to_string();
        f.span = lo.start..t.end.max(hi.end);
        if let Some((m, q)) = t.postfix {
            set_marker(&mut f, q, m);
        }
        self.prefix(&mut f);
        Some(self.push(f))
    }
}

/// After a year ending at `end`: a connector and a second year (with 年 when
/// the first had it) and no unit after it. Returns (year, end, connector).
pub(super) fn year_range_end(text: &str, end: usize, with_nian: bool) -> Option<(f64, usize, &'static str)> {
    let mut c = Cursor::at(text, end);
    c.skip_ws();
    let conn = RANGE_CONNECTORS.iter().find(|k| c.starts_with(k))?;
    let mut d = Cursor::at(text, c.pos + conn.len());
    d.skip_ws();
    let n = read_arabic(&d).or_else(|| read_chinese(&d))?;
    if !date::is_year_number(&n) {
        return None;
    }
    let mut e = Cursor::at(text, n.end);
    e.skip_ws();
    let has_nian = e.starts_with("年") && !e.starts_with("年级");
    if has_nian != with_nian {
        return None;
    }
    let stop = if has_nian { e.pos + "年".len() } else { n.end };
    if !has_nian && unit_at(&Cursor::at(text, stop)).is_some() {
        return None;
    }
    Some((n.value.to_f64(), stop, conn))
}
