//! Reading one number: Arabic digits (with separators, decimals, full-width
//! forms), Chinese numerals (with 零, 两, colloquial abbreviations, financial
//! capitals and traditional forms), and mixtures such as 3.1千万.
//!
//! Values are kept as exact decimals ([`Dec`]) until the end, so that
//! 47.264287亿 is exactly 4726428700.
use super::dec::Dec;
use super::lexicon::{INNER_MARKERS, PREFIXED_UNITS};
use super::text::Cursor;

/// The value of a Chinese digit character, or of an Arabic one.
pub fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        '０'..='９' => c as u32 - '０' as u32,
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '俩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

pub fn is_arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub fn is_cn_digit(c: char) -> bool {
    !is_arabic_digit(c) && digit_value(c).is_some()
}

/// Small multipliers: 十 百 千 as powers of ten.
pub fn small_unit(c: char) -> Option<i32> {
    Some(match c {
        '十' | '拾' | '什' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// Large multipliers: 万 亿 as powers of ten.
pub fn large_unit(c: char) -> Option<i32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

pub fn is_cn_numeral(c: char) -> bool {
    is_cn_digit(c) || small_unit(c).is_some() || large_unit(c).is_some()
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Arabic,
    Chinese,
}

/// One number as read.
#[derive(Debug, Clone)]
pub struct Num {
    pub value: Dec,
    /// For adjacent digits (两三个, 三四十): the upper end.
    pub value_max: Option<Dec>,
    pub start: usize,
    pub end: usize,
    pub form: Form,
    /// Characters of numeral text read (digits and multipliers), for judging bare numerals.
    pub chars: usize,
    /// Whether a 万 or 亿 was read.
    pub has_large: bool,
    /// Whether any multiplier (十百千万亿) was read.
    pub has_unit: bool,
    /// Whether the number starts with a multiplier and no digit (百余家, 千名).
    pub bare_unit: bool,
    /// Whether a decimal point was read.
    pub has_decimal: bool,
    /// Whether Arabic thousands separators were read.
    pub has_separator: bool,
    /// Number of Arabic digits before any decimal point or multiplier.
    pub int_digits: usize,
    /// Whether it was read digit by digit (二〇〇二).
    pub positional: bool,
    /// Power of ten of the multipliers after the last digit (八到九百亿: 10 for 百亿).
    pub tail_power: i32,
    /// The 万/亿 part of `tail_power` (十八至三十万: 4).
    pub tail_large: i32,
    /// 余/多/几 read inside the number (6000余万), with its byte position.
    pub inner_marker: Option<(&'static str, usize)>,
    /// The 数 or 几 the number opened with (数十亿, 几百人).
    pub shu: Option<&'static str>,
    /// Written in financial capitals (壹, 贰, 拾, 佰): a figure even when it is one.
    pub capital: bool,
}

/// Reads an Arabic number at the cursor: digits with optional separators and
/// decimal part. Then any Chinese multipliers (万, 千万, 亿). Returns None if
/// no digit stands at the cursor.
pub fn read_arabic(cur: &Cursor) -> Option<Num> {
    let start = cur.pos;
    let mut c = cur.clone();
    let mut mant: i128 = 0;
    let mut scale = 0i32;
    let mut int_digits = 0usize;
    let mut has_sep = false;
    let mut has_dec = false;
    let mut end = start;
    let mut overflow = false;
    // Full-width digits take the full-width comma as their thousands separator (４，５６５).
    let mut fullwidth = false;
    // A run such as 2222.2222.22222 is dotted groups, not a decimal.
    let in_chain = {
        let before = &cur.text()[..start];
        before.ends_with('.') && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
    };
    // Digits a PDF spaced apart: a space (or an ideographic or no-break one)
    // within the three bytes after the first digit (3 .4, 6. 5, 3.4 6).
    let near = &cur.rest().as_bytes()[1.min(cur.rest().len())..cur.rest().len().min(4)];
    let gap_next = near.iter().any(|b| matches!(b, b' ' | 0xE3 | 0xC2));
    let spaced = if gap_next { spaced_digits(cur) } else { None };
    if let Some(run) = &spaced {
        (mant, scale, int_digits, has_dec, end) = (run.mant, run.scale, run.int_digits, run.has_decimal, run.end);
        c = Cursor::at(cur.text(), end);
    }
    while spaced.is_none() {
        match c.peek() {
            Some(ch) if is_arabic_digit(ch) => {
                let d = digit_value(ch)? as i128;
                match mant.checked_mul(10).and_then(|m| m.checked_add(d)) {
                    Some(m) => mant = m,
                    None => overflow = true,
                }
                if has_dec {
                    scale -= 1;
                } else {
                    int_digits += 1;
                }
                fullwidth |= !ch.is_ascii_digit();
                c.bump();
                end = c.pos;
            }
            Some(',' | '，') if !has_dec && int_digits > 0 && int_digits <= 3 || has_sep && !has_dec => {
                // A thousands separator: exactly three digits follow, then no digit.
                let sep = c.peek().unwrap_or(',');
                let mut la = c.clone();
                la.bump();
                let ok = (0..3).all(|_| la.peek().is_some_and(is_arabic_digit) && la.bump().is_some())
                    && !la.peek().is_some_and(is_arabic_digit);
                // A full-width comma is also the clause comma: accept it only before a decimal part or another group.
                let strong = sep == ',' || fullwidth || matches!(la.peek(), Some('.' | '．' | '，' | ','));
                if ok && strong {
                    has_sep = true;
                    c.bump();
                } else {
                    break;
                }
            }
            Some('.' | '．' | '点') if !has_dec && int_digits > 0 && !in_chain => {
                let mut la = c.clone();
                la.bump();
                let mut run = la.clone();
                while run.peek().is_some_and(is_arabic_digit) {
                    run.bump();
                }
                if run.peek() == Some('.') && run.peek2().is_some_and(|d| d.is_ascii_digit()) {
                    break;
                }
                if la.peek().is_some_and(is_arabic_digit) {
                    has_dec = true;
                    c.bump();
                } else if c.peek() == Some('点') && la.peek().is_some_and(|d| is_cn_digit(d) && d != '两') {
                    // 10点五度: Chinese digits after an Arabic whole part.
                    while let Some(v) = la.peek().filter(|d| is_cn_digit(*d) && *d != '两').and_then(digit_value) {
                        mant = mant.checked_mul(10)?.checked_add(v as i128)?;
                        scale -= 1;
                        la.bump();
                    }
                    has_dec = true;
                    end = la.pos;
                    c = la;
                    break;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    if int_digits == 0 || overflow {
        return None;
    }
    let mut num = Num {
        value: Dec { mant, scale },
        value_max: None,
        start,
        end,
        form: Form::Arabic,
        chars: int_digits,
        has_large: false,
        has_unit: false,
        bare_unit: false,
        has_decimal: has_dec,
        has_separator: has_sep,
        int_digits,
        positional: false,
        tail_power: 0,
        tail_large: 0,
        inner_marker: None,
        shu: None,
        capital: false,
    };
    // Multipliers after Arabic digits: 3.1千万, 1.2万, 500多亿, 6000余万.
    c.skip_ws();
    let mut marker_at = None;
    for m in INNER_MARKERS {
        if c.starts_with(m) {
            let mut la = c.clone();
            la.advance(m.len());
            la.skip_ws();
            if la.peek().is_some_and(|ch| large_unit(ch).is_some() || small_unit(ch).is_some()) {
                marker_at = Some((*m, c.pos));
                c = la;
            }
            break;
        }
    }
    let mut power = 0;
    let mut last_end = None;
    while let Some(ch) = c.peek() {
        // 220千伏, 12千米: the 千 belongs to the unit.
        if PREFIXED_UNITS.iter().any(|u| c.starts_with(u)) {
            break;
        }
        // 4万多亿, 500万余亿: a marker between two multipliers.
        if num.has_large
            && marker_at.is_none()
            && let Some(m) = INNER_MARKERS.iter().find(|m| c.starts_with(m))
        {
            let mut la = c.clone();
            la.advance(m.len());
            if la.peek().is_some_and(|n| large_unit(n).is_some_and(|q| q > power.min(8))) {
                marker_at = Some((*m, c.pos));
                c = la;
                continue;
            }
        }
        let p = match (small_unit(ch), large_unit(ch)) {
            (Some(p), _) if !num.has_large && power < 4 => p,
            (_, Some(p)) => p,
            _ => break,
        };
        // 十 after digits is rare and odd (3十); accept only 百 千 万 亿 after Arabic digits.
        if p == 1 {
            break;
        }
        power += p;
        num.has_unit = true;
        if p >= 4 {
            num.has_large = true;
        }
        c.bump();
        last_end = Some(c.pos);
        c.skip_ws_inline();
    }
    if let Some(e) = last_end {
        num.value = num.value.shift(power)?;
        num.tail_power = power;
        num.tail_large = if power >= 8 {
            8 + (power - 8).min(4) / 4 * 4
        } else if power >= 4 {
            4
        } else {
            0
        };
        num.end = e;
        num.inner_marker = marker_at;
    }
    Some(num)
}

/// Digits read through the spaces a PDF put between them.
struct SpacedRun {
    mant: i128,
    scale: i32,
    int_digits: usize,
    has_decimal: bool,
    end: usize,
}

/// Whether `c` is a space that may stand between the characters of a line.
fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

fn is_point(c: char) -> bool {
    matches!(c, '.' | '．')
}

/// Digits a PDF spaced apart, read whole: `3 .4 6 万户` is 3.46万户, `2 0 2 3 年`
/// is 2023年, `1 0 月` is 10月. Chinese prose sets no space between the
/// characters of a word, so digits that each stand alone, one space between
/// them (a decimal point glued to either side of one), are one number that
/// extraction letter-spaced, when the run holds its point or a unit, a
/// multiplier or a date word closes it. Left alone: `8 155` (a group of
/// digits is a number of its own: table cells), a run that opens right after
/// another number and a space (`12 3 4`, a row of cells), two points
/// (`3.4 6.2`), and single digits nothing closes (`3 4 6`).
fn spaced_digits(cur: &Cursor) -> Option<SpacedRun> {
    let text = cur.text();
    let mut back = text[..cur.pos].chars().rev();
    let number_before = |c: char| is_arabic_digit(c) || is_point(c);
    match back.next() {
        Some(p) if number_before(p) => return None,
        Some(p) if is_gap(p) && back.next().is_some_and(number_before) => return None,
        _ => {}
    }
    let mut c = cur.clone();
    let (mut mant, mut scale, mut int_digits, mut digits, mut gaps) = (0i128, 0i32, 0usize, 0usize, 0usize);
    let mut has_decimal = false;
    // What the last character read was: a digit, a point or a space.
    let mut last_digit = false;
    let mut end = c.pos;
    while let Some(ch) = c.peek() {
        if is_arabic_digit(ch) {
            if last_digit {
                return None;
            }
            mant = mant.checked_mul(10)?.checked_add(i128::from(digit_value(ch)?))?;
            if has_decimal {
                scale -= 1;
            } else {
                int_digits += 1;
            }
            digits += 1;
            last_digit = true;
            c.bump();
            end = c.pos;
        } else if is_point(ch) && c.peek2().is_some_and(|n| is_arabic_digit(n) || is_gap(n)) && digits > 0 {
            if has_decimal {
                return None;
            }
            has_decimal = true;
            last_digit = false;
            c.bump();
        } else if is_gap(ch) {
            // One space, then a digit or a point that a digit follows.
            let mut la = c.clone();
            la.bump();
            let go_on = match la.peek() {
                Some(n) if is_arabic_digit(n) => true,
                Some(n) if is_point(n) => la.peek2().is_some_and(is_arabic_digit),
                _ => false,
            };
            if !go_on {
                break;
            }
            gaps += 1;
            last_digit = false;
            c = la;
        } else {
            break;
        }
    }
    if gaps == 0 || digits < 2 || !(has_decimal || super::damage::closes_a_figure(&text[end..])) {
        return None;
    }
    Some(SpacedRun { mant, scale, int_digits, has_decimal, end })
}

/// Reads a number at the cursor, Arabic or Chinese, and the mixed compounds
/// that join them: 3万4000, 5万4千6百, 1千零1, 100万三千, 2千零30万.
pub fn read_number(cur: &Cursor) -> Option<Num> {
    let first = match cur.peek() {
        Some(c) if is_arabic_digit(c) => read_arabic(cur)?,
        _ => super::chinese::read_chinese(cur)?,
    };
    Some(compound(first, cur.text()))
}

/// A number that ends on a multiplier, continued by a lower part written
/// right after it (no space): 3万|4000, 1千零|1, 2千零|30万.
fn compound(first: Num, text: &str) -> Num {
    if first.value_max.is_some()
        || first.inner_marker.is_some()
        || first.has_decimal
        || first.shu.is_some()
        || first.tail_power < 2
    {
        return first;
    }
    let mut c = Cursor::at(text, first.end);
    // 零 may be read already, as the last character of a Chinese numeral (二千零|30万).
    let mut zero = c.prev_char().is_some_and(|p| matches!(p, '零' | '〇'));
    if matches!(c.peek(), Some('零' | '〇')) {
        c.bump();
        zero = true;
    }
    let Some(next) = c.peek() else { return first };
    // A Chinese numeral has read every Chinese character already: only Arabic digits go on it.
    let goes_on = is_arabic_digit(next) || first.form == Form::Arabic && is_cn_digit(next) && next != '两';
    if !goes_on {
        return first;
    }
    let Some(rest) = read_number(&c) else { return first };
    if rest.value_max.is_some() || rest.shu.is_some() || rest.has_separator {
        return first;
    }
    // 5万2020年: a date after a figure is no part of it.
    let mut after = Cursor::at(text, rest.end);
    after.skip_ws_inline();
    if after.peek().is_some_and(|a| matches!(a, '年' | '月' | '日' | '号' | '.' | '/' | '-')) {
        return first;
    }
    let tp = first.tail_power;
    let Some(cap) = Dec::int(1).shift(tp) else { return first };
    let single = !zero && !rest.has_unit && !rest.has_decimal && rest.chars == 1 && rest.int_digits <= 1;
    let value = if lt(rest.value, cap) {
        // 1万6 is 16000, as 三万五 is 35000; 1万零6 is 10006.
        let part = if single { rest.value.shift(tp - 1) } else { Some(rest.value) };
        part.and_then(|p| first.value.add(p))
    } else if rest.tail_large > tp {
        // 2千零30万, 3千5百万: the large multiplier applies to the whole.
        rest.value
            .shift(-rest.tail_large)
            .filter(|base| lt(*base, cap))
            .and_then(|base| first.value.add(base))
            .and_then(|v| v.shift(rest.tail_large))
    } else {
        None
    };
    let Some(value) = value else { return first };
    Num {
        value,
        end: rest.end,
        chars: first.chars + rest.chars,
        has_large: first.has_large || rest.has_large,
        has_unit: true,
        tail_power: rest.tail_power,
        tail_large: rest.tail_large,
        inner_marker: rest.inner_marker,
        capital: first.capital || rest.capital,
        ..first
    }
}

/// a < b for exact decimals.
fn lt(a: Dec, b: Dec) -> bool {
    a.to_f64() < b.to_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ar(s: &str) -> f64 {
        read_arabic(&Cursor::new(s)).map(|n| n.value.to_f64()).unwrap_or(f64::NAN)
    }

    fn num(s: &str) -> f64 {
        read_number(&Cursor::new(s)).map(|n| n.value.to_f64()).unwrap_or(f64::NAN)
    }

    #[test]
    fn mixed_compounds() {
        assert_eq!(num("3万4000"), 34000.0);
        assert_eq!(num("5万4千6百"), 54600.0);
        assert_eq!(num("1千零1"), 1001.0);
        assert_eq!(num("1百01"), 101.0);
        assert_eq!(num("100万三千"), 1003000.0);
        assert_eq!(num("200亿零四千230"), 20000004230.0);
        assert_eq!(num("2千零30万"), 20300000.0);
        assert_eq!(num("3千5百万"), 35000000.0);
        assert_eq!(num("4万多亿"), 4e12);
        assert_eq!(num("25万6千"), 256000.0);
        // A year after a figure is not part of it.
        assert_eq!(num("5万2020年"), 50000.0);
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(ar("４，５６５"), 4565.0);
        assert_eq!(ar("2222.2222.22222"), 2222.0);
        assert_eq!(ar("220千伏"), 220.0);
        assert_eq!(ar("78.645万"), 786450.0);
        assert_eq!(ar("47.264287亿"), 4726428700.0);
        assert_eq!(ar("601,293.11"), 601293.11);
        assert_eq!(ar("82，225.00"), 82225.0);
        assert_eq!(ar("3.1千万"), 31000000.0);
        assert_eq!(ar("１２３"), 123.0);
        assert_eq!(ar("11766,24284"), 11766.0);
    }

    #[test]
    fn digits_spaced_apart_read_whole() {
        assert_eq!(ar("3 .4 6 万户"), 34600.0);
        assert_eq!(ar("2 0 2 3 年"), 2023.0);
        assert_eq!(ar("1 0 月"), 10.0);
        assert_eq!(ar("6. 5 %"), 6.5);
        // Groups of digits, two points, nothing to close a run: each number stands alone.
        assert_eq!(ar("8 155"), 8.0);
        assert_eq!(ar("3.4 6.2 万"), 3.4);
        assert_eq!(ar("3 4 6"), 3.0);
        // A run right after another number and a space is a row of cells.
        let row = "12 3 4 户";
        assert_eq!(read_arabic(&Cursor::at(row, 3)).map(|n| n.value.to_f64()), Some(3.0));
    }
}
