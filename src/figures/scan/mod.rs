//! The scanner: one pass over the text, reading a figure wherever a number
//! starts, with its markers, unit, range and kind.
//!
//! `tail` reads what follows a number (unit, markers), `shapes` tells
//! numbers that are not quantities (identifiers, list numbers, times of day),
//! and `ranges` joins two numbers into a range.

mod ranges;
mod shapes;
mod tail;

use super::chinese::read_chinese;
use super::date::{self, DateParts};
use super::lexicon::{IDIOMS, ORDINAL_UNITS};
use super::lexicon::{PREFIX_BLOCKERS, PREFIX_MARKERS};
use super::number::{Form, Num, is_arabic_digit, is_cn_numeral, read_arabic};
use super::text::{Cursor, is_space};
use super::{Figure, Kind, Qualifier};
use ranges::year_range_end;
use tail::{accept, postfix, quantity, scale_tail, set_marker, tail, unit_at};

/// Finds every figure in `text`, in order, without overlaps.
pub fn extract(text: &str) -> Vec<Figure> {
    let mut s = Scanner { text, out: Vec::new(), floor: 0 };
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b < 0x80 {
            if b.is_ascii_digit() {
                pos = s.scan_at(pos);
            } else {
                pos += 1;
            }
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if is_trigger(c) {
            pos = s.scan_at(pos);
        } else {
            pos += c.len_utf8();
        }
    }
    s.out
}

/// The idiom that starts `rest`, looked up by its first character.
fn idioms_at(rest: &str) -> Option<&'static str> {
    static BY_FIRST: std::sync::LazyLock<std::collections::HashMap<char, Vec<&'static str>>> =
        std::sync::LazyLock::new(|| {
            let mut m: std::collections::HashMap<char, Vec<&'static str>> = std::collections::HashMap::new();
            for i in IDIOMS {
                if let Some(c) = i.chars().next() {
                    m.entry(c).or_default().push(i);
                }
            }
            m
        });
    let c = rest.chars().next()?;
    BY_FIRST.get(&c)?.iter().copied().find(|i| rest.starts_with(i))
}

fn is_trigger(c: char) -> bool {
    is_arabic_digit(c) || is_cn_numeral(c) || matches!(c, '第' | '半' | '数' | '几')
}

struct Scanner<'a> {
    text: &'a str,
    out: Vec<Figure>,
    /// No figure may start before this: the end of the last one.
    floor: usize,
}

impl<'a> Scanner<'a> {
    fn push(&mut self, f: Figure) -> usize {
        let end = f.span.end;
        self.floor = end;
        self.out.push(f);
        end
    }

    /// Reads at `pos` and returns where scanning goes on.
    fn scan_at(&mut self, pos: usize) -> usize {
        let text = self.text;
        let rest = &text[pos..];
        let first = rest.chars().next().map_or(1, char::len_utf8);
        if let Some(idiom) = idioms_at(rest) {
            return pos + idiom.len();
        }
        if rest.starts_with('第') {
            return self.ordinal(pos).unwrap_or(pos + first);
        }
        for (prefix, unit) in [("百分之", "%"), ("千分之", "‰"), ("万分之", "‱")] {
            if rest.starts_with(prefix) {
                return self.percent_words(pos, prefix.len(), unit).unwrap_or(pos + prefix.len());
            }
        }
        if rest.starts_with('半') {
            return self.half(pos).unwrap_or(pos + first);
        }
        if rest.starts_with(|c: char| c.is_ascii_digit())
            && let Some((parts, end)) = date::read_numeric(text, pos)
        {
            let f = date_figure(pos, end, parts, "");
            return self.push(f);
        }
        let cur = Cursor::at(text, pos);
        let num =
            if is_arabic_digit(rest.chars().next().unwrap_or(' ')) { read_arabic(&cur) } else { read_chinese(&cur) };
        let Some(num) = num else {
            // Skip the whole run of numeral characters, so a failed read is never repeated.
            let run: usize =
                rest.chars().take_while(|c| is_cn_numeral(*c) || is_arabic_digit(*c)).map(char::len_utf8).sum();
            return pos + run.max(first);
        };
        match self.number(num) {
            Some(end) => end,
            None => {
                let run: usize =
                    rest.chars().take_while(|c| is_cn_numeral(*c) || is_arabic_digit(*c)).map(char::len_utf8).sum();
                pos + run.max(first)
            }
        }
    }

    /// 第三, 第十四师, 第七次.
    fn ordinal(&mut self, pos: usize) -> Option<usize> {
        let mut c = Cursor::at(self.text, pos + '第'.len_utf8());
        c.skip_ws();
        let num = read_arabic(&c).or_else(|| read_chinese(&c))?;
        if num.value_max.is_some() || num.inner_marker.is_some() {
            return None;
        }
        let mut end = num.end;
        let mut after = Cursor::at(self.text, end);
        after.skip_ws();
        let unit = ORDINAL_UNITS.iter().find(|u| after.starts_with(u)).copied().unwrap_or("");
        if !unit.is_empty() {
            end = after.pos + unit.len();
        }
        Some(self.push(Figure::new(pos..end, Kind::Ordinal, num.value.to_f64(), unit)))
    }

    /// 百分之六十, 千分之五, 万分之三.
    fn percent_words(&mut self, pos: usize, prefix_len: usize, unit: &'static str) -> Option<usize> {
        let mut c = Cursor::at(self.text, pos + prefix_len);
        c.skip_ws();
        let num = read_arabic(&c).or_else(|| read_chinese(&c))?;
        let mut f = Figure::new(pos..num.end, Kind::Percent, num.value.to_f64(), unit);
        if let Some(hi) = num.value_max {
            f.value_max = Some(hi.to_f64());
            f.qualifier = Qualifier::Range;
        }
        Some(self.finish(f))
    }

    /// Takes in a marker after the figure (左右, 以上) and one before it (约, 近), and records it.
    fn finish(&mut self, mut f: Figure) -> usize {
        let mut after = Cursor::at(self.text, f.span.end);
        after.skip_ws();
        if let Some((m, q)) = postfix(&after) {
            f.span.end = after.pos + m.len();
            set_marker(&mut f, q, m);
        }
        self.prefix(&mut f);
        self.push(f)
    }

    /// 半斤, 半年, 半个月: half a unit. 上半年 and 一半 are not.
    fn half(&mut self, pos: usize) -> Option<usize> {
        let prev = Cursor::at(self.text, pos).prev_char();
        if prev.is_some_and(|p| "上下一大多过后前减折另北南泰".contains(p)) {
            return None;
        }
        let c = Cursor::at(self.text, pos + '半'.len_utf8());
        let (u, end) = unit_at(&c)?;
        if !matches!(u.unit, "斤" | "公斤" | "吨" | "年" | "个月" | "天" | "小时" | "亩" | "周" | "分钟" | "倍")
        {
            return None;
        }
        let mut f = Figure::new(pos..end, Kind::Quantity, 0.5, u.unit);
        self.prefix(&mut f);
        Some(self.push(f))
    }

    /// Everything after a number has been read.
    fn number(&mut self, num: Num) -> Option<usize> {
        let text = self.text;
        let mut after = Cursor::at(text, num.end);
        after.skip_ws();

        // Fractions: 三分之二, 2/3.
        if after.starts_with("分之") {
            return self.fraction(num, after.pos + "分之".len());
        }
        if num.form == Form::Arabic
            && let Some(done) = self.arabic_shape(&num, &after)
        {
            return done;
        }

        // Dates: 2020年, 2020年10月14日, 3月7日, 37日, 2019年底.
        if num.value_max.is_none()
            && num.inner_marker.is_none()
            && !num.bare_unit
            && let Some((parts, end, unit)) = date::read(text, &num)
        {
            return Some(self.date_or_range(num.start, end, parts, unit));
        }

        // A bare year range: （2018-2020）.
        let year_like =
            num.form == Form::Arabic && date::is_year_number(&num) && (1900.0..=2100.0).contains(&num.value.to_f64());
        if year_like
            && let Some((hi, _, _)) = year_range_end(text, num.end, false)
            && hi > num.value.to_f64()
        {
            let parts = DateParts { year: Some(num.value.to_f64() as i32), valid: true, ..DateParts::default() };
            return Some(self.date_or_range(num.start, num.end, parts, ""));
        }

        // Ranges with a connector: 2至4个月, 1万-5万元, 两到三万港元.
        if let Some(end) = self.connector_range(&num) {
            return Some(end);
        }

        let tail = tail(&Cursor::at(text, num.end), num.form == Form::Arabic);
        let bare_year = num.form == Form::Arabic
            && date::is_year_number(&num)
            && tail.unit.is_empty()
            && tail.inner.is_none()
            && (1900.0..=2100.0).contains(&num.value.to_f64());
        if bare_year {
            let parts = DateParts { year: Some(num.value.to_f64() as i32), valid: true, ..DateParts::default() };
            return Some(self.date_or_range(num.start, num.end, parts, ""));
        }
        if !accept(&num, &tail, self.has_prefix(num.start)) {
            return None;
        }
        let mut f = quantity(&num, &tail);
        if let Some(hi) = num.value_max {
            f.value_max = Some(scale_tail(hi, &tail));
            f.qualifier = Qualifier::Range;
        }
        if let Some(m) = num.shu {
            set_marker(&mut f, Qualifier::Over, m);
        }
        if let Some((m, _)) = num.inner_marker {
            set_marker(&mut f, Qualifier::Over, m);
        }
        if let Some(m) = tail.inner {
            set_marker(&mut f, Qualifier::Over, m);
        }
        if let Some((m, q)) = tail.postfix {
            set_marker(&mut f, q, m);
        }
        self.prefix(&mut f);
        Some(self.push(f))
    }

    fn fraction(&mut self, den: Num, at: usize) -> Option<usize> {
        let mut c = Cursor::at(self.text, at);
        c.skip_ws();
        let numer = read_chinese(&c).or_else(|| read_arabic(&c))?;
        if den.value.is_zero() || numer.value_max.is_some() {
            return None;
        }
        let v = numer.value.to_f64() / den.value.to_f64();
        Some(self.finish(Figure::new(den.start..numer.end, Kind::Fraction, v, "")))
    }

    fn has_prefix(&self, start: usize) -> bool {
        prefix_before(self.text, start, self.floor).is_some()
    }

    /// Takes in an approximation marker before the figure (约, 近, 不低于 …).
    fn prefix(&self, f: &mut Figure) {
        if let Some((m, q, at)) = prefix_before(self.text, f.span.start, self.floor) {
            f.span.start = at;
            if f.qualifier == Qualifier::Exact || f.qualifier == Qualifier::Range && f.marker.is_empty() {
                f.qualifier = q;
                f.marker = m.to_string();
            } else if !f.marker.is_empty() {
                if f.qualifier != Qualifier::Range {
                    // Stacked markers keep the first one's meaning: 至少…以上, 约…余.
                    f.qualifier = q;
                }
                f.marker = format!("{m}+{}", f.marker);
            }
        }
    }
}

/// A marker that ends right before `start` (after skipping spaces), not before `floor`.
fn prefix_before(text: &str, start: usize, floor: usize) -> Option<(&'static str, Qualifier, usize)> {
    let before = text[floor.min(start)..start].trim_end_matches(is_space);
    for (m, q) in PREFIX_MARKERS {
        if let Some(head) = before.strip_suffix(m) {
            if let Some((_, blockers)) = PREFIX_BLOCKERS.iter().find(|(b, _)| b == m)
                && head.chars().next_back().is_some_and(|c| blockers.contains(&c))
            {
                return None;
            }
            let bare = text[start..].starts_with(['百', '千', '万', '亿']);
            if *m == "上" && !bare {
                return None;
            }
            return Some((m, *q, floor.min(start) + head.len()));
        }
    }
    None
}

fn date_figure(start: usize, end: usize, parts: DateParts, unit: &'static str) -> Figure {
    let mut f = Figure::new(start..end, Kind::Date, parts.value(), unit);
    f.date = Some(parts);
    f
}
