//! Reading a Chinese numeral: 零, 两, colloquial abbreviations (三万五),
//! adjacent digits as ranges (两三, 三四十), digit-by-digit numbers (二〇〇二),
//! 点 decimals, financial capitals and inner 余/多/几.

use super::dec::Dec;
use super::lexicon::{INNER_MARKERS, PREFIXED_UNITS};
use super::number::{Form, Num, digit_value, is_cn_digit, is_cn_numeral, large_unit, small_unit};
use super::text::Cursor;

/// The longest Chinese numeral read, in characters.
const MAX_CHARS: usize = 40;

/// The characters of one numeral, on the stack (no allocation per numeral).
struct Chars {
    buf: [char; MAX_CHARS],
    len: usize,
}

impl Default for Chars {
    fn default() -> Self {
        Chars { buf: ['\0'; MAX_CHARS], len: 0 }
    }
}

impl Chars {
    /// Appends a character; None when the numeral is too long to be a figure.
    fn push(&mut self, c: char) -> Option<()> {
        *self.buf.get_mut(self.len)? = c;
        self.len += 1;
        Some(())
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn last(&self) -> Option<char> {
        self.as_slice().last().copied()
    }

    fn as_slice(&self) -> &[char] {
        &self.buf[..self.len]
    }
}

/// Reads a Chinese numeral at the cursor. Handles 零, 两, colloquial
/// abbreviations (三万五 = 35000), adjacent digits as ranges (两三, 三四十),
/// digit-by-digit numbers (二〇〇二), 点 decimals and inner 余/多/几.
pub fn read_chinese(cur: &Cursor) -> Option<Num> {
    let start = cur.pos;
    let mut c = cur.clone();
    let mut shu = None;
    if matches!(c.peek(), Some('数' | '几')) {
        let mut la = c.clone();
        la.bump();
        if la.peek().is_some_and(|ch| small_unit(ch).is_some() || large_unit(ch).is_some()) {
            shu = Some(if c.peek() == Some('数') { "数" } else { "几" });
            c = la;
        } else {
            return None;
        }
    }

    // Collect the numeral's characters (digits, multipliers, 个 before 万/亿, inner markers),
    // on the stack: a numeral longer than MAX_CHARS is no figure.
    let mut toks = Chars::default();
    // Where the numeral ends after each character read, for reading a shorter prefix.
    let mut ends = [0usize; MAX_CHARS];
    let mut inner_marker = None;
    let mut end = c.pos;
    let mut look = c.clone();
    while let Some(ch) = look.peek() {
        if is_cn_numeral(ch) {
            // Two digits with a space or a line break between are two numbers
            // (…共三\n四户), and a blank line ends a numeral.
            let gap = &cur.text()[end..look.pos];
            if !gap.is_empty()
                && (is_cn_digit(ch) && toks.last().is_some_and(is_cn_digit) || gap.matches('\n').count() > 1)
            {
                break;
            }
            // 一百千瓦: the 千 belongs to the unit.
            if PREFIXED_UNITS.iter().any(|u| look.starts_with(u)) {
                break;
            }
            // 三十两, 两万两: a final 两 after a numeral is the tael (一两个, 一两天 are ranges).
            if ch == '两' && !toks.is_empty() && toks.last() != Some('两') && is_tael(&look) {
                break;
            }
            toks.push(ch)?;
            look.bump();
            end = look.pos;
            ends[toks.len - 1] = end;
            look.skip_ws();
            continue;
        }
        // 两个亿: a 个 between a digit and a large multiplier.
        if ch == '个' && toks.last().is_some_and(is_cn_digit) {
            let mut la = look.clone();
            la.bump();
            if la.peek().is_some_and(|n| large_unit(n).is_some()) {
                look = la;
                continue;
            }
        }
        if inner_marker.is_none()
            && !toks.is_empty()
            && let Some(m) = INNER_MARKERS.iter().find(|m| look.starts_with(m))
        {
            let mut la = look.clone();
            la.advance(m.len());
            la.skip_ws();
            if la.peek().is_some_and(|n| large_unit(n).is_some() || small_unit(n).is_some()) {
                inner_marker = Some((*m, look.pos));
                toks.push('\u{0}')?;
                ends[toks.len - 1] = look.pos + m.len();
                look = la;
                continue;
            }
        }
        break;
    }
    if toks.is_empty() {
        return None;
    }
    // A numeral that does not read whole (七十百分位) reads as its longest
    // well-formed start, by at most three characters less.
    let whole = toks.len;
    // A shorter reading never ends on an inner marker (十零几|十一).
    let (mut num, n) = (0..=3.min(whole - 1))
        .map(|drop| whole - drop)
        .filter(|n| *n == whole || toks.as_slice()[n - 1] != '\u{0}')
        .find_map(|n| evaluate(&toks.as_slice()[..n]).map(|v| (v, n)))?;
    let end = if n < whole { ends[n - 1] } else { end };
    if end <= start {
        return None;
    }
    if n < whole {
        inner_marker = inner_marker.filter(|(_, at)| *at < end);
    }
    num.start = start;
    num.end = end;
    num.inner_marker = inner_marker;
    num.shu = shu;
    if shu.is_some() {
        num.bare_unit = true;
    }
    // 点 decimals: 三百四十点零零三四.
    let mut la = Cursor::at(cur.text(), end);
    la.skip_ws();
    if la.peek() == Some('点') && num.value_max.is_none() && inner_marker.is_none() {
        let mut d = la.clone();
        d.bump();
        d.skip_ws();
        let mut value = num.value;
        let mut places = 0;
        let mut dec_end = None;
        while let Some(ch) = d.peek() {
            match digit_value(ch) {
                Some(v) if ch != '两' && ch != '兩' => {
                    places += 1;
                    value = value.add(Dec { mant: v as i128, scale: -places })?;
                    d.bump();
                    dec_end = Some(d.pos);
                    d.skip_ws();
                }
                _ => break,
            }
        }
        if let Some(e) = dec_end {
            num.value = value;
            num.has_decimal = true;
            num.end = e;
            num.chars += places as usize + 1;
            decimal_multipliers(&mut num, cur.text());
        }
    }
    Some(num)
}

/// Whether the 两 at the cursor ends the numeral as a unit of weight: no
/// numeral and no measure word follows it.
fn is_tael(at: &Cursor) -> bool {
    let mut la = at.clone();
    la.bump();
    let next = la.rest();
    !next.starts_with(|c: char| is_cn_numeral(c) || c.is_ascii_digit())
        && !super::lexicon::UNITS.iter().any(|u| next.starts_with(u.written))
}

/// Multipliers after 点 decimals: 三点五万 is 35000, 二点三亿 230000000.
fn decimal_multipliers(num: &mut Num, text: &str) {
    let mut c = Cursor::at(text, num.end);
    c.skip_ws_inline();
    let mut power = 0;
    let mut end = None;
    while let Some(p) = c.peek().and_then(|ch| large_unit(ch).or(small_unit(ch).filter(|p| *p >= 2))) {
        if PREFIXED_UNITS.iter().any(|u| c.starts_with(u)) || (power > 0 && p < 4) {
            break;
        }
        power += p;
        c.bump();
        end = Some(c.pos);
    }
    let (Some(e), Some(v)) = (end, num.value.shift(power)) else { return };
    num.value = v;
    num.end = e;
    num.has_unit = true;
    num.has_large |= power >= 4;
    num.tail_power = power;
    num.tail_large = if power >= 8 {
        8
    } else if power >= 4 {
        4
    } else {
        0
    };
}

/// Evaluates the characters of a Chinese numeral. `'\0'` stands for an inner
/// marker (余/多/几), which ends the digits but not the multipliers.
fn evaluate(chars: &[char]) -> Option<Num> {
    let digit_count = chars.iter().filter(|c| is_cn_digit(**c)).count();
    let unit_count = chars.iter().filter(|c| small_unit(**c).is_some() || large_unit(**c).is_some()).count();
    let mut num = Num {
        value: Dec::ZERO,
        value_max: None,
        start: 0,
        end: 0,
        form: Form::Chinese,
        chars: chars.len(),
        has_large: chars.iter().any(|c| large_unit(*c).is_some()),
        has_unit: unit_count > 0,
        bare_unit: chars.first().is_some_and(|c| small_unit(*c).is_some_and(|p| p >= 2) || large_unit(*c).is_some()),
        has_decimal: false,
        has_separator: false,
        int_digits: 0,
        positional: false,
        tail_power: 0,
        tail_large: 0,
        inner_marker: None,
        shu: None,
        capital: chars.iter().any(|c| "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(*c)),
    };
    // Digit by digit: 二〇〇二, 一九九八 (no multipliers, three or more digits, or any 〇).
    if unit_count == 0
        && !chars.contains(&'\u{0}')
        && (digit_count >= 3 || chars.iter().any(|c| matches!(c, '〇' | '○')))
    {
        if chars.iter().any(|c| matches!(c, '两' | '兩')) {
            return None;
        }
        let mut v: i128 = 0;
        for c in chars {
            v = v.checked_mul(10)?.checked_add(digit_value(*c)? as i128)?;
        }
        num.value = Dec::int(v);
        num.positional = true;
        return Some(num);
    }
    // Two digits that are no range (九七, 零七, 三三) read digit by digit: a
    // two-digit year before 年 (九七年); on their own they are no quantity.
    if unit_count == 0 && digit_count == 2 && chars.len() == 2 {
        let (a, b) = (digit_value(chars[0])?, digit_value(chars[1])?);
        let range = a > 0 && (b == a + 1 || (a, b) == (3, 5));
        // 一一 is "one by one" (一一落实), never 11.
        if !range && (a, b) != (1, 1) && !chars.iter().any(|c| matches!(c, '两' | '兩' | '俩')) {
            num.value = Dec::int((a * 10 + b) as i128);
            num.positional = true;
            return Some(num);
        }
    }
    // Adjacent digits as a range: 两三, 三四十, 三五百, 八九亿, 十一二.
    let mut i = 0;
    let mut lo_chars = Chars::default();
    let mut hi_chars = Chars::default();
    let mut is_range = false;
    while i < chars.len() {
        let c = chars[i];
        if !is_range
            && i + 1 < chars.len()
            && is_cn_digit(c)
            && is_cn_digit(chars[i + 1])
            && let (Some(a), Some(b)) = (digit_value(c), digit_value(chars[i + 1]))
            && a > 0
            && (b == a + 1 || (a, b) == (3, 5))
        {
            lo_chars.push(c)?;
            hi_chars.push(chars[i + 1])?;
            is_range = true;
            i += 2;
            continue;
        }
        lo_chars.push(c)?;
        hi_chars.push(c)?;
        i += 1;
    }
    let (lo, tail, tail_large) = structured(lo_chars.as_slice())?;
    num.value = lo;
    num.tail_power = tail;
    num.tail_large = tail_large;
    if is_range {
        let (hi, _, _) = structured(hi_chars.as_slice())?;
        num.value_max = Some(hi);
    }
    Some(num)
}

/// Evaluates a well-formed Chinese numeral with multipliers. Returns the value
/// and the power of ten of the multipliers after the last digit. None for a
/// malformed sequence (千千, 一一, 万万).
fn structured(chars: &[char]) -> Option<(Dec, i32, i32)> {
    let mut total = Dec::ZERO; // groups of 亿
    let mut wan = Dec::ZERO; // below 亿
    let mut section = Dec::ZERO; // below 万
    let mut digit: Option<i128> = None;
    let mut last_unit: Option<i32> = None; // the power of the last multiplier
    let mut zero_seen = false;
    let mut prev_was_unit = false;
    let mut tail = 0;
    let mut tail_large = 0;
    let mut marker_seen = false;
    let mut last_small: Option<i32> = None;
    for &c in chars {
        if c == '\u{0}' {
            marker_seen = true;
            continue;
        }
        if let Some(d) = digit_value(c) {
            if marker_seen {
                return None;
            }
            if d == 0 {
                if digit.is_some() {
                    return None;
                }
                zero_seen = true;
                prev_was_unit = false;
                continue;
            }
            if digit.is_some() {
                return None; // two digits in a row that are not a range
            }
            digit = Some(d as i128);
            prev_was_unit = false;
            tail = 0;
            tail_large = 0;
            continue;
        }
        if let Some(p) = small_unit(c) {
            if prev_was_unit && last_unit.is_some_and(|u| u <= 3) {
                return None; // 千千, 百十
            }
            if last_small.is_some_and(|s| s <= p) && digit.is_none() {
                return None;
            }
            let d = digit.take().unwrap_or(1);
            section = section.add(Dec::int(d).shift(p)?)?;
            last_unit = Some(p);
            last_small = Some(p);
            prev_was_unit = true;
            zero_seen = false;
            tail += p;
            continue;
        }
        if let Some(p) = large_unit(c) {
            if prev_was_unit && last_unit == Some(4) && p == 4 && digit.is_none() {
                // 四万万: 万万 is 亿.
                total = total.add(wan.shift(4)?)?;
                wan = Dec::ZERO;
                last_unit = Some(8);
                tail += p;
                tail_large += p;
                continue;
            }
            if prev_was_unit && last_unit == Some(p) {
                return None; // 亿亿
            }
            let d = digit.take().map(Dec::int).unwrap_or(Dec::ZERO);
            let mut group = section.add(d)?;
            if group.is_zero() {
                if p == 8 && !wan.is_zero() {
                    // 万亿: 3万亿.
                    total = total.add(wan.shift(8)?)?;
                    wan = Dec::ZERO;
                    last_unit = Some(p);
                    prev_was_unit = true;
                    tail += p;
                    tail_large += p;
                    continue;
                }
                group = Dec::int(1);
            }
            if p == 8 {
                total = total.add(wan.add(group)?.shift(8)?)?;
                wan = Dec::ZERO;
            } else {
                wan = wan.add(group.shift(4)?)?;
            }
            section = Dec::ZERO;
            last_unit = Some(p);
            last_small = None;
            prev_was_unit = true;
            zero_seen = false;
            tail += p;
            tail_large += p;
            continue;
        }
        return None;
    }
    // A trailing digit right after a multiplier is one place lower (三万五, 一百二十万三, 二百五).
    if let Some(d) = digit {
        let place = match last_unit {
            Some(u) if !zero_seen && u >= 2 => u - 1,
            _ => 0,
        };
        section = section.add(Dec::int(d).shift(place)?)?;
    }
    Some((total.add(wan)?.add(section)?, tail, tail_large))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> f64 {
        read_chinese(&Cursor::new(s)).map(|n| n.value.to_f64()).unwrap_or(f64::NAN)
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn("一亿五千万零六千三百五十五"), 150006355.0);
        assert_eq!(cn("三万五"), 35000.0);
        assert_eq!(cn("一百二十万三"), 1203000.0);
        assert_eq!(cn("一百九十万零三千九百七十一"), 1903971.0);
        assert_eq!(cn("壹拾万零叁仟肆佰伍拾叁"), 103453.0);
        assert_eq!(cn("伍亿柒仟万拾柒"), 570000017.0);
        assert_eq!(cn("十万"), 100000.0);
        assert_eq!(cn("二〇〇二"), 2002.0);
        assert_eq!(cn("三百四十点零零三四"), 340.0034);
        assert_eq!(cn("十五"), 15.0);
        assert_eq!(cn("二百五"), 250.0);
        assert_eq!(cn("三万亿"), 3e12);
        assert_eq!(cn("四万万"), 4e8);
        assert_eq!(cn("三点五万"), 35000.0);
        assert_eq!(cn("二点三亿"), 2.3e8);
        // 一一 is "one by one", never 11: it reads as the first 一 alone.
        let n = read_chinese(&Cursor::new("一一")).expect("reads");
        assert_eq!((n.value.to_f64(), n.end), (1.0, "一".len()));
        // A numeral that does not read whole reads as its longest well-formed start.
        let n = read_chinese(&Cursor::new("七十百分位")).expect("reads");
        assert_eq!((n.value.to_f64(), n.end), (70.0, "七十".len()));
        let n = read_chinese(&Cursor::new("千千")).expect("reads");
        assert_eq!((n.value.to_f64(), n.end), (1000.0, "千".len()));
    }

    #[test]
    fn a_final_liang_is_the_tael() {
        let n = read_chinese(&Cursor::new("三十两")).expect("reads");
        assert_eq!((n.value.to_f64(), n.end), (30.0, "三十".len()));
        let n = read_chinese(&Cursor::new("一两个")).expect("reads");
        assert_eq!((n.value.to_f64(), n.value_max.map(Dec::to_f64)), (1.0, Some(2.0)));
    }

    #[test]
    fn two_digits_apart_are_two_numbers() {
        let n = read_chinese(&Cursor::new("三\n四户")).expect("reads");
        assert_eq!((n.value.to_f64(), n.value_max, n.end), (3.0, None, "三".len()));
        let n = read_chinese(&Cursor::new("三千 八百 九十六")).expect("reads");
        assert_eq!(n.value.to_f64(), 3896.0);
    }

    #[test]
    fn adjacent_digits_are_ranges() {
        let n = read_chinese(&Cursor::new("三四十")).expect("reads");
        assert_eq!((n.value.to_f64(), n.value_max.map(Dec::to_f64)), (30.0, Some(40.0)));
        let n = read_chinese(&Cursor::new("八九亿")).expect("reads");
        assert_eq!((n.value.to_f64(), n.value_max.map(Dec::to_f64)), (8e8, Some(9e8)));
    }
}
