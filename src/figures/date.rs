//! Dates: years, year and month, full dates, periods (年底, 上半年), and
//! whether a date can exist.

use chrono::{Datelike, NaiveDate};

use super::chinese::read_chinese;
use super::lexicon::YEAR_PERIODS;
use super::number::{Form, Num, read_arabic};
use super::text::Cursor;
use crate::checks::lexicon::numerals::{DATE_RANGE_CONNECTORS, LUNAR_MARKERS, WEEKDAY_DAYS, WEEKDAY_WORDS};

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
    /// A range of weekdays written after the last date of a range of dates
    /// (5月20日至24日（周一至周五）): the weekday of the range's first date.
    pub weekday_from: Option<u32>,
    /// A date of the lunar calendar (农历八月十五日): its month lengths and
    /// weekdays are not the Gregorian calendar's.
    pub lunar: bool,
    /// False for a date that cannot exist (2月30日, 37日, 13月).
    pub valid: bool,
    /// Written as one run of digits that lost its 年 and 月 (2020421).
    pub compact: bool,
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

/// Four digits and 日 right after a year (2020年1015日): a month and day that lost
/// their 月, read as the day it is written as, which cannot exist.
fn lost_month(text: &str, n: &Num) -> Option<u32> {
    let after_year = text[..n.start].trim_end_matches(super::text::is_space).ends_with('年');
    let plain = n.form == Form::Arabic && !n.has_decimal && !n.has_separator && !n.has_large && n.value_max.is_none();
    (after_year && plain && n.int_digits == 4).then(|| n.value.to_f64() as u32)
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

/// A two-digit year as written: 19, 九七, 零七. Arabic digits alone are a
/// year only where a month or a period follows; see [`read`].
fn is_two_digit_year(n: &Num) -> bool {
    match n.form {
        Form::Arabic => n.int_digits == 2 && !n.has_decimal && !n.has_separator && !n.has_unit,
        Form::Chinese => n.positional && n.chars == 2,
    }
}

/// The year a two-digit year stands for: 19 → 2019, 98 → 1998, 三三 → 1933.
fn century(v: f64) -> i32 {
    let v = v as i32;
    if v <= 30 { 2000 + v } else { 1900 + v }
}

/// Festivals and seasons that follow a year (零六年端午, 21年春节).
const YEAR_EVENTS: &[&str] = &["春节", "元旦", "端午", "中秋", "国庆", "清明", "春季", "夏季", "秋季", "冬季", "第"];

/// A period right after 年 (2019年底, 2020年上半年), with where it ends.
fn period_at(c: &Cursor) -> Option<(&'static str, usize)> {
    let mut p = c.clone();
    p.skip_ws_inline();
    let period = YEAR_PERIODS.iter().find(|w| p.starts_with(w))?;
    let blocked =
        *period == "初" && p.rest()["初".len()..].starts_with(['步', '心', '级', '中', '衷', '创', '始', '次']);
    (!blocked).then(|| (*period, p.pos + period.len()))
}

/// Words before a number of 日 that make it a number of days, not a day of
/// the month: 为期60日, 连续90日.
const DAYS_BEFORE: &[&str] = &[
    "为期",
    "历时",
    "用时",
    "耗时",
    "持续",
    "连续",
    "长达",
    "需要",
    "用了",
    "花了",
    "提前",
    "延长",
    "缩短",
    "推迟",
    "延期",
    "经过",
    "最长",
    "最短",
    "至少",
    "不超过",
    "不少于",
    "超过",
    "累计",
    "满",
    "共",
    "需",
    "每",
    "近",
    "达",
];

/// Whether N日 counts days (90日内, 两日, 为期60日) rather than naming a day of the month.
fn counts_days(text: &str, n: &Num, after_ri: &Cursor) -> bool {
    if text[n.start..n.end].contains(['两', '俩']) {
        return true;
    }
    if ["内", "以内", "之内", "以上", "以下", "之久"].iter().any(|w| after_ri.starts_with(w)) {
        return true;
    }
    let before = text[..n.start].trim_end_matches(super::text::is_space);
    DAYS_BEFORE.iter().any(|w| before.ends_with(w))
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
        let two = is_two_digit_year(n);
        c.advance("年".len());
        end = c.pos;
        let mut after = c.clone();
        after.skip_ws_inline();
        match month_day(&c) {
            Some((m, d, e)) if year_like || two => {
                parts.year = Some(if year_like { v as i32 } else { century(v) });
                parts.month = Some(m);
                parts.day = d;
                end = e;
                unit = if d.is_some() { "日" } else { "月" };
            }
            _ if year_like
                || two
                    && (n.form == Form::Chinese
                        || period_at(&c).is_some()
                        || YEAR_EVENTS.iter().any(|w| after.starts_with(w))) =>
            {
                parts.year = Some(if year_like { v as i32 } else { century(v) });
                unit = "年";
                if let Some((period, e)) = period_at(&c) {
                    parts.period = Some(period);
                    end = e;
                }
            }
            _ => return None,
        }
    } else if c.starts_with("月")
        && let Some((m, d, e)) = month_day(&Cursor::at(text, n.start))
    {
        // A month reads the number again (without the 3万|4000 compound, which
        // never runs into a 月), so 月 must stand right after this one too.
        parts.month = Some(m);
        parts.day = d;
        end = e;
        unit = if d.is_some() { "日" } else { "月" };
    } else if c.starts_with("日")
        && !c.starts_with("日元")
        && !c.starts_with("日币")
        && n.tail_power < 2
        && let Some(day) = small_int(n).or_else(|| lost_month(text, n))
        && !counts_days(text, n, &Cursor::at(text, c.pos + "日".len()))
    {
        parts.day = Some(day);
        c.advance("日".len());
        end = c.pos;
        unit = "日";
    } else {
        return None;
    }
    parts.check();
    if is_lunar(text, n.start) {
        // A lunar month has 29 or 30 days, and no Gregorian weekday.
        parts.lunar = true;
        parts.valid =
            parts.month.is_none_or(|m| (1..=12).contains(&m)) && parts.day.is_none_or(|d| (1..=30).contains(&d));
    }
    read_weekday(text, n.start, end, &mut parts);
    Some((parts, end, unit))
}

/// Whether the date that starts at `start` is a lunar one: 农历, 阴历 or 夏历
/// stands right before it (农历八月十五日, 2024年农历正月十五).
fn is_lunar(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(super::text::is_space);
    LUNAR_MARKERS.iter().any(|w| before.ends_with(w))
}

/// A month and day in digits with a zero-padded month: 09-01, 06/30.
pub fn read_month_day(text: &str, start: usize) -> Option<(DateParts, usize)> {
    let b = text.as_bytes().get(start..start + 5)?;
    let (m, sep, d) = (&b[..2], b[2], &b[3..5]);
    if m[0] != b'0' || !m.iter().chain(d).all(u8::is_ascii_digit) || !matches!(sep, b'-' | b'/') {
        return None;
    }
    if text.as_bytes().get(start + 5).is_some_and(|c| c.is_ascii_digit() || *c == sep) {
        return None;
    }
    let month = u32::from(m[1] - b'0');
    let day = u32::from(d[0] - b'0') * 10 + u32::from(d[1] - b'0');
    let mut parts = DateParts { month: Some(month), day: Some(day), ..DateParts::default() };
    parts.check();
    parts.valid.then_some((parts, start + 5))
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
    read_weekday(text, start, end, &mut parts);
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
    let parts = DateParts {
        year: Some(year),
        month: Some(*month),
        day: Some(*day),
        // It can exist, but not as written: the 年 and 月 are lost.
        valid: false,
        compact: true,
        ..DateParts::default()
    };
    Some((parts, n.end))
}

/// The weekday a weekday word at the cursor names (星期三, 周日, 礼拜天), and
/// the cursor moved past it.
fn weekday_at(c: &mut Cursor) -> Option<u32> {
    let word = WEEKDAY_WORDS.iter().find(|w| c.starts_with(w))?;
    let mut la = c.clone();
    la.advance(word.len());
    let day = WEEKDAY_DAYS.iter().find(|(ch, _)| la.peek() == Some(*ch)).map(|(_, d)| *d)?;
    la.bump();
    *c = la;
    Some(day)
}

/// A weekday note after a date, which says the weekday of that date:
/// （星期一）, (周三), 星期日 or 周四 right after the date; after a comma when
/// the date itself stands in brackets (（2月24日，星期六）, the Gregorian date
/// beside a lunar one); and a range of weekdays after the last date of a
/// range (5月20日至24日（周一至周五）), whose first weekday is the range's
/// first date's. Left alone: 每周三 after 起 (a recurring day) and a weekday
/// that a bracket does not close.
fn read_weekday(text: &str, start: usize, end: usize, parts: &mut DateParts) {
    let mut c = Cursor::at(text, end);
    c.skip_ws_inline();
    let note = c.pos;
    let bracket = c.peek().filter(|ch| matches!(ch, '（' | '('));
    if bracket.is_some() {
        c.bump();
    } else if text[..start].trim_end_matches(super::text::is_space).ends_with(['（', '(']) {
        // （2月24日，星期六）: the weekday after a comma, inside the date's own brackets.
        if let Some(comma) = ['，', ',', '、'].into_iter().find(|p| c.peek() == Some(*p)) {
            c.advance(comma.len_utf8());
            c.skip_ws_inline();
        }
    }
    let Some(first) = weekday_at(&mut c) else { return };
    let mut day = first;
    let mut from = None;
    let mut la = c.clone();
    if let Some(conn) = DATE_RANGE_CONNECTORS.iter().find(|k| la.starts_with(k)) {
        la.advance(conn.len());
        if let Some(last) = weekday_at(&mut la) {
            from = Some(first);
            day = last;
            c = la;
        }
    }
    if bracket.is_some() {
        if !matches!(c.peek(), Some('）' | ')')) {
            return;
        }
        c.bump();
    }
    parts.weekday = Some(day);
    parts.weekday_from = from;
    parts.weekday_span = Some(note..c.pos);
}
