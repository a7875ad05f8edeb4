//! Reading one number: Arabic digits (with separators, decimals, full-width
//! forms), Chinese numerals (with 零, 两, colloquial abbreviations, financial
//! capitals and traditional forms), and mixtures such as 3.1千万.
//!
//! Values are kept as exact decimals ([`Dec`]) until the end, so that
//! 47.264287亿 is exactly 4726428700.
use super::dec::Dec;
use super::lexicon::INNER_MARKERS;
use super::text::Cursor;

/// The value of a Chinese digit character, or of an Arabic one.
pub fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        '０'..='９' => c as u32 - '０' as u32,
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
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
    loop {
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
                let strong = sep == ',' || matches!(la.peek(), Some('.' | '．' | '，' | ','));
                if ok && strong {
                    has_sep = true;
                    c.bump();
                } else {
                    break;
                }
            }
            Some('.' | '．' | '点') if !has_dec && int_digits > 0 => {
                let mut la = c.clone();
                la.bump();
                if la.peek().is_some_and(is_arabic_digit) {
                    has_dec = true;
                    c.bump();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ar(s: &str) -> f64 {
        read_arabic(&Cursor::new(s)).map(|n| n.value.to_f64()).unwrap_or(f64::NAN)
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(ar("78.645万"), 786450.0);
        assert_eq!(ar("47.264287亿"), 4726428700.0);
        assert_eq!(ar("601,293.11"), 601293.11);
        assert_eq!(ar("82，225.00"), 82225.0);
        assert_eq!(ar("3.1千万"), 31000000.0);
        assert_eq!(ar("１２３"), 123.0);
        assert_eq!(ar("11766,24284"), 11766.0);
    }
}
