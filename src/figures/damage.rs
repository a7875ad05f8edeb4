//! Numerals damaged in typing or in extraction. A reader takes them for what
//! they were meant to be, so the engine does too, and marks each figure so
//! that BD113 can say what is wrong with its form:
//!
//! - digits a PDF spaced apart: `3 .4 6 万户` is one figure, 3.46万户, not
//!   three (read by [`super::number::read_arabic`]);
//! - a Latin letter typed for the digit it looks like: 2O23年, 38O万元, l2个
//!   ([`letters_as_digits`]);
//! - an Arabic zero or a letter O among the Chinese digits of a year:
//!   二0二一年 is 二〇二一年 ([`stray_zero_year`]);
//! - a year with extra digits: 201920年 is no year and no number of years
//!   ([`is_run_on_year`]).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::dec::Dec;
use super::lexicon::UNITS;
use super::number::{Form, Num, digit_value, is_cn_digit};
use super::text::Cursor;
use super::{Figure, Kind};
use crate::checks::lexicon::numerals::{LETTERS_FOR_DIGITS, MAX_RUN_ON_YEAR_DIGITS, ZEROS_AMONG_CHINESE};

/// How a numeral was damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Damage {
    /// Digits spaced apart, as PDF extraction leaves them: `3 .4 6 万户`.
    SpacedDigits,
    /// A Latin letter typed for a digit: 2O23年, l2个.
    LetterForDigit,
    /// An Arabic zero or a letter O among Chinese digits: 二0二一年.
    ZeroAmongChinese,
    /// A year with extra digits: 201920年.
    RunOnYear,
}

impl Damage {
    /// A note for the figure list: what is wrong with the numeral, in both languages.
    pub fn label(self) -> &'static str {
        match self {
            Damage::SpacedDigits => "  ⚠ 数字被空格断开 (digits spaced apart)",
            Damage::LetterForDigit => "  ⚠ 字母误作数字 (a letter for a digit)",
            Damage::ZeroAmongChinese => "  ⚠ 汉字数字中夹阿拉伯数字0 (an Arabic 0 among Chinese digits)",
            Damage::RunOnYear => "  ✗ 年份位数有误 (a year with extra digits)",
        }
    }
}

impl Damage {
    /// The figure as it should be written, where that is certain: the spaces
    /// out of `3 .4 6 万户`, the digit for the letter in 2O23年, 〇 for the
    /// zero in 二0二一年. A year with extra digits has no certain fix.
    pub fn fixed(self, written: &str) -> Option<String> {
        let chars: Vec<char> = written.chars().collect();
        let near = |i: usize, test: &dyn Fn(char) -> bool| {
            i.checked_sub(1).and_then(|k| chars.get(k)).is_some_and(|c| test(*c))
                || chars.get(i + 1).is_some_and(|c| test(*c))
        };
        let out: String = match self {
            Damage::SpacedDigits => chars.iter().filter(|c| !matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t')).collect(),
            Damage::LetterForDigit => (0..chars.len())
                .map(|i| {
                    let digit = LETTERS_FOR_DIGITS.iter().find(|(l, _)| *l == chars[i]).map(|(_, d)| *d);
                    match digit {
                        Some(d)
                            if near(i, &|c: char| {
                                c.is_ascii_digit() || LETTERS_FOR_DIGITS.iter().any(|(l, _)| *l == c)
                            }) =>
                        {
                            d
                        }
                        _ => chars[i],
                    }
                })
                .collect(),
            Damage::ZeroAmongChinese => (0..chars.len())
                .map(|i| if ZEROS_AMONG_CHINESE.contains(&chars[i]) && near(i, &is_cn_digit) { '〇' } else { chars[i] })
                .collect(),
            Damage::RunOnYear => return None,
        };
        (out != written).then_some(out)
    }
}

fn letter_digit(b: u8) -> Option<u8> {
    LETTERS_FOR_DIGITS.iter().find(|(l, _)| *l as u32 == u32::from(b)).map(|(_, d)| *d as u8)
}

/// Whether a unit, a multiplier, a date word or a percent sign stands at the
/// start of `rest` (after spaces within the line): what closes a figure.
pub(super) fn closes_a_figure(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\u{3000}', '\u{a0}', '\t']);
    rest.starts_with(['万', '亿', '千', '百', '年', '月', '日', '号', '%', '％'])
        || UNITS.iter().any(|u| rest.starts_with(u.written))
}

/// The text with each Latin letter that stands for a digit replaced by that
/// digit, byte for byte, so that every offset holds: 2O23年 → 2023年, 38O万元
/// → 380万元, l2个 → 12个. A letter is read as a digit only inside a run of
/// ASCII digits and such letters that has at least as many digits as letters,
/// is no part of a code (no letter other than these, nothing of `. / - _ @ :
/// #` before it), and that a unit, a multiplier, a date word or % closes.
/// Left alone: O2O模式 (more letters than digits), ISO9001 (other letters),
/// 型号l2 (nothing closes it).
pub fn letters_as_digits(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let is_letter = |b: u8| letter_digit(b).is_some();
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    let hits = memchr::memchr3_iter(b'O', b'o', b'l', bytes).chain(memchr::memchr_iter(b'I', bytes));
    for i in hits {
        let next_to_digit =
            (i > 0 && bytes[i - 1].is_ascii_digit()) || bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !next_to_digit || fixes.iter().any(|(s, e)| (*s..*e).contains(&i)) {
            continue;
        }
        let start = bytes[..i].iter().rposition(|b| !b.is_ascii_alphanumeric()).map_or(0, |p| p + 1);
        let end = bytes[i..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |p| i + p);
        let run = &bytes[start..end];
        let digits = run.iter().filter(|b| b.is_ascii_digit()).count();
        let letters = run.iter().filter(|b| is_letter(**b)).count();
        if digits + letters != run.len() || letters > digits {
            continue;
        }
        let before_code = start > 0 && matches!(bytes[start - 1], b'.' | b'/' | b'-' | b'_' | b'@' | b':' | b'#');
        if before_code || !text.is_char_boundary(end) || !closes_a_figure(&text[end..]) {
            continue;
        }
        fixes.push((start, end));
    }
    if fixes.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for (s, e) in fixes {
        for b in &mut out[s..e] {
            if let Some(d) = letter_digit(*b) {
                *b = d;
            }
        }
    }
    // Only ASCII letters became ASCII digits: the text is as valid as it was.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// A year of four digits written in Chinese numerals with an Arabic zero or
/// a letter O for 〇 (二0二一年, 二O二三年十二月), read as that year: a number
/// of four characters, each a Chinese digit (not 两) or such a zero, with at
/// least one of each, and 年 after it. 二〇二一年 is no damage and is read as
/// the scanner reads any year; 二0 with no 年 is left alone.
pub fn stray_zero_year(cur: &Cursor) -> Option<Num> {
    // Nearly every numeral has no such zero in its first four characters (12 bytes).
    let head = &cur.rest().as_bytes()[..cur.rest().len().min(12)];
    if !head.iter().any(|b| matches!(b, b'0' | b'O' | b'o' | 0xEF)) {
        return None;
    }
    let mut c = cur.clone();
    let mut value: i128 = 0;
    let (mut stray, mut chinese) = (0, 0);
    for _ in 0..4 {
        let ch = c.peek()?;
        let v = if ZEROS_AMONG_CHINESE.contains(&ch) {
            stray += 1;
            0
        } else if is_cn_digit(ch) && !matches!(ch, '两' | '兩' | '俩') {
            chinese += 1;
            digit_value(ch)?
        } else {
            return None;
        };
        value = value * 10 + i128::from(v);
        c.bump();
    }
    let end = c.pos;
    c.skip_ws();
    if stray == 0 || chinese == 0 || !c.starts_with("年") || c.starts_with("年级") || c.starts_with("年代") {
        return None;
    }
    Some(Num {
        value: Dec { mant: value, scale: 0 },
        value_max: None,
        start: cur.pos,
        end,
        form: Form::Chinese,
        chars: 4,
        has_large: false,
        has_unit: false,
        bare_unit: false,
        has_decimal: false,
        has_separator: false,
        int_digits: 0,
        positional: true,
        tail_power: 0,
        tail_large: 0,
        inner_marker: None,
        shu: None,
        capital: false,
    })
}

/// Whether Arabic digits before 年 make a year with extra digits: five to
/// [`MAX_RUN_ON_YEAR_DIGITS`] plain digits whose first four are a year from
/// 1900 to 2099 (201920年, 20192020年, 20119年). No count of years is
/// written so, but a round number is (距今10000年, 20000年前), so a multiple
/// of 1000 is left alone, as is a run that 前, 来, 间 or 之久 follows (a span).
pub fn is_run_on_year(text: &str, n: &Num) -> bool {
    let plain = n.form == Form::Arabic
        && !n.has_decimal
        && !n.has_separator
        && !n.has_unit
        && n.value_max.is_none()
        && n.inner_marker.is_none();
    if !plain || !(5..=MAX_RUN_ON_YEAR_DIGITS).contains(&n.int_digits) {
        return false;
    }
    let digits = &text[n.start..n.end];
    let year: u32 = digits.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let round = digits.ends_with("000");
    let mut c = Cursor::at(text, n.end);
    c.skip_ws();
    let Some(after) = c.eat("年") else { return false };
    let rest = &text[after..];
    let span = ["前", "来", "间", "之久", "以来", "级", "代"].iter().any(|w| rest.starts_with(w));
    (1900..=2099).contains(&year) && !round && !span
}

/// The damage a figure's text shows, where `read` is the text the scanner
/// read (with letters made digits) and `written` the text as written.
pub fn classify(written: &str, read: &str, f: &Figure) -> Option<Damage> {
    let (w, r) = (written.get(f.span.clone())?, read.get(f.span.clone())?);
    let run = w.bytes().take_while(u8::is_ascii_digit).count();
    if f.kind == Kind::Date && run >= 5 && w[run..].trim_start().starts_with('年') {
        return Some(Damage::RunOnYear);
    }
    // Most figures hold no letter, no space and no Arabic zero beside other
    // characters: told from their bytes, without decoding.
    let suspect = |b: &u8| b.is_ascii_alphabetic() || matches!(b, b' ' | b'\t' | b'0' | 0xC2 | 0xE3 | 0xEF);
    if !w.as_bytes().iter().any(suspect) {
        return None;
    }
    if w.bytes().zip(r.bytes()).any(|(a, b)| a.is_ascii_alphabetic() && b.is_ascii_digit()) {
        return Some(Damage::LetterForDigit);
    }
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '.' | '．');
    let is_gap = |c: char| matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t');
    let mut prev = None;
    for (i, c) in w.char_indices() {
        let rest = &w[i + c.len_utf8()..];
        let next = rest.chars().next();
        if ZEROS_AMONG_CHINESE.contains(&c) && (prev.is_some_and(is_cn_digit) || next.is_some_and(is_cn_digit)) {
            return Some(Damage::ZeroAmongChinese);
        }
        if is_digit(c) && next.is_some_and(is_gap) && rest.chars().find(|n| !is_gap(*n)).is_some_and(is_digit) {
            return Some(Damage::SpacedDigits);
        }
        prev = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_damage_has_its_fix() {
        assert_eq!(Damage::SpacedDigits.fixed("3 .4 6 万户").as_deref(), Some("3.46万户"));
        assert_eq!(Damage::LetterForDigit.fixed("2O23年").as_deref(), Some("2023年"));
        assert_eq!(Damage::LetterForDigit.fixed("l2个").as_deref(), Some("12个"));
        assert_eq!(Damage::ZeroAmongChinese.fixed("二0二一年").as_deref(), Some("二〇二一年"));
        assert_eq!(Damage::ZeroAmongChinese.fixed("二O二O年十月").as_deref(), Some("二〇二〇年十月"));
        assert_eq!(Damage::RunOnYear.fixed("201920年"), None);
    }

    #[test]
    fn letters_are_read_as_digits_only_in_a_figure() {
        assert_eq!(letters_as_digits("2O23年，全县"), "2023年，全县");
        assert_eq!(letters_as_digits("投入资金38O万元"), "投入资金380万元");
        assert_eq!(letters_as_digits("新建车间l2个"), "新建车间12个");
        assert_eq!(letters_as_digits("于1O月召开"), "于10月召开");
        // Offsets hold: the text has the same length.
        assert_eq!(letters_as_digits("共培训2l0人次").len(), "共培训2l0人次".len());
        // Codes, words and runs that nothing closes stay as written.
        for s in ["推广O2O模式", "通过ISO9001认证", "型号l2，", "网址a.b/2O23年", "Windows10系统"] {
            assert_eq!(letters_as_digits(s), s, "{s}");
        }
    }

    #[test]
    fn a_stray_zero_among_chinese_digits_is_read_as_a_year() {
        let year = |s: &str| stray_zero_year(&Cursor::at(s, 0)).map(|n| n.value.to_f64());
        assert_eq!(year("二0二一年"), Some(2021.0));
        assert_eq!(year("二O二三年十二月"), Some(2023.0));
        assert_eq!(year("二０一九 年"), Some(2019.0));
        // A year written right, a numeral with no 年, and 两 are no such year.
        assert_eq!(year("二〇二一年"), None);
        assert_eq!(year("二0二一"), None);
        assert_eq!(year("两0二一年"), None);
    }

    #[test]
    fn run_on_years_are_years_with_extra_digits() {
        let num = |s: &str| super::super::number::read_arabic(&Cursor::at(s, 0)).expect("a number");
        for s in ["201920年，全县", "20192020年", "20119年底"] {
            assert!(is_run_on_year(s, &num(s)), "{s}");
        }
        for s in ["2019年", "10000年前", "20000年", "12000年", "201920年来", "2019.5年"] {
            assert!(!is_run_on_year(s, &num(s)), "{s}");
        }
    }
}
