//! Dates: years, year and month, full dates, periods (年底, 上半年), and
//! whether a date can exist.

use chrono::{Datelike, NaiveDate};

use super::chinese::read_chinese;
use super::lexicon::YEAR_PERIODS;
use super::number::{Form, Num, read_arabic};
use super::text::Cursor;

/// The parts of a date as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateParts {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// 年底, 上半年, 一季度 …
    pub period: Option<&'static str>,
    /// A weekday written after the date, 1 = Monday … 7 = Sunday (（星期一）).
    pub weekday: Option<u32>,
    /// Byte range of the weekday note, when there is one.
    pub weekday_span: Option<std::ops::Range<usize>>,
    /// False for a date that cannot exist (2月30日, 37日, 13月).
    pub valid: bool,
}

impl DateParts {
    /// The value a date reports: its year, else its month, else its day.
    pub fn value(&self) -> f64 {
        self.year.map(f64::from).or(self.month.map(f64::from)).or(self.day.map(f64::from)).unwrap_or(0.0)
    }

    fn check(&mut self) {
        let month_ok = self.month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (self.month, self.day) {
            (_, None) => true,
            (Some(m), Some(d)) if month_ok => {
                // Without a year, 2月29日 may exist; take a leap year.
                let y = self.year.unwrap_or(2024);
                NaiveDate::from_ymd_opt(y, m, d).is_some()
            }
            (None, Some(d)) => (1..=31).contains(&d),
            _ => false,
        };
        self.valid = month_ok && day_ok;
    }

    /// The weekday the date falls on, 1 = Monday, when year, month and day are known and valid.
    pub fn actual_weekday(&self) -> Option<u32> {
        let d = NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)?;
        Some(d.weekday().number_from_monday())
    }
}

/// A number usable as a month or day: a small integer, Arabic or Chinese.
fn small_int(n: &Num) -> Option<u32> {
    if n.has_decimal || n.value_max.is_some() || n.inner_marker.is_some() || n.has_separator || n.has_large {
        return None;
    }
    let v = n.value.to_f64();
    (v.fract() == 0.0 && (0.0..1000.0).contains(&v)).then_some(v as u32)
}

fn read_num(c: &Cursor) -> Option<Num> {
    read_arabic(c).or_else(|| read_chinese(c))
}

/// Whether the number reads as a four-digit year (2020, 二〇二〇).
pub fn is_year_number(n: &Num) -> bool {
    let v = n.value.to_f64();
    let four = match n.form {
        Form::Arabic => n.int_digits == 4 && !n.has_decimal && !n.has_separator && !n.has_unit,
        Form::Chinese => n.positional && n.chars == 4,
    };
    four && n.inner_marker.is_none() && (1000.0..3000.0).contains(&v)
}

/// Reads month (and day) after `c`: `10月14日`. Returns (month, day, end).
fn month_day(c: &Cursor) -> Option<(u32, Option<u32>, usize)> {
    let mut c = c.clone();
    c.skip_ws();
    let n = read_num(&c)?;
    let month = small_int(&n)?;
    let mut c = Cursor::at(c.text(), n.end);
    c.skip_ws();
    if !c.starts_with("月") {
        return None;
    }
    c.advance("月".len());
    let mut end = c.pos;
    if c.starts_with("份") {
        c.advance("份".len());
        end = c.pos;
    }
    let mut day = None;
    let mut d = c.clone();
    d.skip_ws();
    if let Some(n) = read_num(&d)
        && let Some(v) = small_int(&n)
    {
        let mut after = Cursor::at(d.text(), n.end);
        after.skip_ws();
        if after.starts_with("日") || after.starts_with("号") {
            after.advance(3);
            day = Some(v);
            end = after.pos;
        }
    }
    Some((month, day, end))
}

/// Tries to read a date that starts with the number `n`. Returns the parts,
/// the end of the date, and the unit to report (年, 月, 日).
pub fn read(text: &str, n: &Num) -> Option<(DateParts, usize, &'static str)> {
    let mut c = Cursor::at(text, n.end);
    c.skip_ws();
    let mut parts = DateParts::default();
    let unit;
    let mut end;
    if c.starts_with("年") && !c.starts_with("年级") && !c.starts_with("年代") {
        let v = n.value.to_f64();
        let year_like = is_year_number(n);
        c.advance("年".len());
        end = c.pos;
        match month_day(&c) {
            Some((m, d, e)) if year_like || (n.form == Form::Arabic && n.int_digits == 2) => {
                parts.year = Some(if year_like { v as i32 } else { 2000 + v as i32 });
                parts.month = Some(m);
                parts.day = d;
                end = e;
                unit = if d.is_some() { "日" } else { "月" };
            }
            _ if year_like => {
                parts.year = Some(v as i32);
                unit = "年";
                let mut p = c.clone();
                p.skip_ws_inline();
                if let Some(period) = YEAR_PERIODS.iter().find(|w| p.starts_with(w)) {
                    let blocked = *period == "初"
                        && p.rest()["初".len()..].starts_with(['步', '心', '级', '中', '衷', '创', '始', '次']);
                    if !blocked {
                        parts.period = Some(period);
                        end = p.pos + period.len();
                    }
                }
            }
            _ => return None,
        }
    } else if let Some((m, d, e)) = month_day(&Cursor::at(text, n.start)) {
        parts.month = Some(m);
        parts.day = d;
        end = e;
        unit = if d.is_some() { "日" } else { "月" };
    } else if c.starts_with("日") && small_int(n).is_some() {
        parts.day = small_int(n);
        c.advance("日".len());
        end = c.pos;
        unit = "日";
    } else {
        return None;
    }
    parts.check();
    read_weekday(text, end, &mut parts);
    Some((parts, end, unit))
}

/// Reads an ISO-like date at `start`: 2020-09-03, 2020.9.3, 2020/9/3.
pub fn read_numeric(text: &str, start: usize) -> Option<(DateParts, usize)> {
    let rest = &text[start..];
    let b = rest.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let y = digits(0);
    if y != 4 {
        return None;
    }
    let sep = *b.get(4)?;
    if !matches!(sep, b'-' | b'.' | b'/') {
        return None;
    }
    let m = digits(5);
    if !(1..=2).contains(&m) || b.get(5 + m) != Some(&sep) {
        return None;
    }
    let d = digits(6 + m);
    if !(1..=2).contains(&d) || b.get(6 + m + d).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = rest[..4].parse().ok()?;
    let month: u32 = rest[5..5 + m].parse().ok()?;
    let day: u32 = rest[6 + m..6 + m + d].parse().ok()?;
    let mut parts = DateParts { year: Some(year), month: Some(month), day: Some(day), ..DateParts::default() };
    parts.check();
    let end = start + 6 + m + d;
    read_weekday(text, end, &mut parts);
    Some((parts, end))
}

/// A date written as one run of digits that lost its 年月日: 20200421 or
/// 2020421 (a year from 1900 to 2099, then month and day). Only a split that
/// gives a real date counts.
pub fn read_compact(text: &str, n: &Num) -> Option<(DateParts, usize)> {
    if n.form != Form::Arabic || n.has_decimal || n.has_separator || n.has_unit || !(7..=8).contains(&n.int_digits) {
        return None;
    }
    let digits = &text[n.start..n.end];
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !(digits.starts_with("19") || digits.starts_with("20")) {
        return None;
    }
    // No unit may follow: 2020421元 is money.
    let mut after = Cursor::at(text, n.end);
    after.skip_ws();
    if after.peek().is_some_and(|c| c as u32 >= 0x4e00 && c as u32 <= 0x9fff && "元人名户个万亿".contains(c)) {
        return None;
    }
    let year: i32 = digits[..4].parse().ok()?;
    let rest = &digits[4..];
    let splits: &[usize] = if rest.len() == 4 { &[2] } else { &[1, 2] };
    let found: Vec<(u32, u32)> = splits
        .iter()
        .filter_map(|&k| {
            let m: u32 = rest[..k].parse().ok()?;
            let d: u32 = rest[k..].parse().ok()?;
            NaiveDate::from_ymd_opt(year, m, d).map(|_| (m, d))
        })
        .collect();
    // Ambiguous runs (2020111: 1月11日 or 11月1日) are left alone.
    let [(month, day)] = found.as_slice() else {
        return None;
    };
    let parts =
        DateParts { year: Some(year), month: Some(*month), day: Some(*day), valid: true, ..DateParts::default() };
    Some((parts, n.end))
}

/// A weekday note after a date: （星期一）, (周三), 星期日.
fn read_weekday(text: &str, end: usize, parts: &mut DateParts) {
    let mut c = Cursor::at(text, end);
    c.skip_ws_inline();
    let start = c.pos;
    let bracket = c.peek().filter(|ch| matches!(ch, '（' | '('));
    if bracket.is_some() {
        c.bump();
    }
    let prefix = ["星期", "礼拜", "周"].into_iter().find(|p| c.starts_with(p));
    let Some(prefix) = prefix else { return };
    c.advance(prefix.len());
    let day = match c.peek() {
        Some('一') => 1,
        Some('二') => 2,
        Some('三') => 3,
        Some('四') => 4,
        Some('五') => 5,
        Some('六') => 6,
        Some('日' | '天') => 7,
        _ => return,
    };
    c.bump();
    if bracket.is_some() {
        if !matches!(c.peek(), Some('）' | ')')) {
            return;
        }
        c.bump();
    }
    parts.weekday = Some(day);
    parts.weekday_span = Some(start..c.pos);
}
