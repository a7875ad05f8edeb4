//! The scanner: one pass over the text, reading a figure wherever a number
//! starts, with its markers, unit, range and kind.
//!
//! `tail` reads what follows a number (unit, markers), `shapes` tells
//! numbers that are not quantities (identifiers, list numbers, times of day),
//! and `ranges` joins two numbers into a range.

mod half;
mod ranges;
mod shapes;
mod tail;

use super::date::{self, DateParts};
use super::lexicon::{
    CURRENCY_PREFIXES, IDIOMS, MARKER_PARTICLES, ORDINAL_AFTER_CI, ORDINAL_UNITS, PHASE_NOUNS, PREFIX_BLOCKERS,
    PREFIX_MARKERS,
};
use super::number::{Form, Num, digit_value, is_arabic_digit, is_cn_numeral, read_number};
use super::text::{ByFirst, Cursor, begins_with, finishes_with, fold, is_space};
use super::{Figure, Kind, Qualifier};
use crate::checks::lexicon::numerals::IDIOMS_WITH_A_LEAD;
use ranges::year_range_end;
use tail::{accept, postfix, quantity, scale_tail, set_marker, tail, unit_at};

/// Finds every figure in `text`, in order, without overlaps. Traditional
/// numerals and unit words are read through [`fold`], which keeps offsets.
pub fn extract(written: &str) -> Vec<Figure> {
    let folded = fold(written);
    // Latin letters typed for digits (2O23年) are read as the digits, byte for byte.
    let repaired = super::damage::letters_as_digits(&folded);
    let text: &str = &repaired;
    // About one figure to every 300 bytes of prose: sized so the list rarely grows.
    let mut s = Scanner { text, out: Vec::with_capacity(text.len() / 256), floor: 0 };
    let bytes = text.as_bytes();
    let triggers = &*TRIGGER_BITS;
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b < 0x80 {
            if b.is_ascii_digit() {
                let next = s.scan_at(pos);
                debug_assert!(next > pos, "scan stalled at {pos} in {text:?}");
                pos = next.max(pos + 1);
            } else if b == b'.'
                && let Some(end) = s.leading_point(pos)
            {
                pos = end;
            } else {
                pos += 1;
            }
            continue;
        }
        // Common CJK characters (lead bytes E4 to E9) are decoded here and
        // looked up in the bitmap; the rest through `chars`.
        let c = if (0xE4..=0xE9).contains(&b) && pos + 2 < bytes.len() {
            let code = ((u32::from(b) & 0x0F) << 12)
                | ((u32::from(bytes[pos + 1]) & 0x3F) << 6)
                | (u32::from(bytes[pos + 2]) & 0x3F);
            let i = code.wrapping_sub(TRIGGER_START) as usize;
            if i < TRIGGER_LEN && triggers[i / 64] & (1 << (i % 64)) == 0 {
                pos += 3;
                continue;
            }
            char::from_u32(code)
        } else {
            text[pos..].chars().next()
        };
        let Some(c) = c else {
            break;
        };
        if is_trigger(c) {
            let next = s.scan_at(pos);
            debug_assert!(next > pos, "scan stalled at {pos} in {text:?}");
            // Always move on, so no input can hold the scan in place.
            pos = next.max(pos + c.len_utf8());
        } else {
            pos += c.len_utf8();
        }
    }
    for f in &mut s.out {
        f.damage = super::damage::classify(written, text, f);
    }
    s.out
}

/// The idiom that starts `rest`, looked up by its first character.
fn idioms_at(rest: &str) -> Option<&'static str> {
    static BY_FIRST: std::sync::LazyLock<ByFirst<&'static str>> =
        std::sync::LazyLock::new(|| ByFirst::new(IDIOMS, |i| i.chars().next()));
    let c = rest.chars().next()?;
    BY_FIRST.get(c).iter().map(|i| **i).find(|i| begins_with(rest.as_bytes(), i.as_bytes()))
}

/// The length of the numeral part of a set phrase that opens before the
/// numeral at `pos` (如|一日 of 三十年如一日), if one stands there.
fn idiom_with_lead(text: &str, pos: usize) -> Option<usize> {
    // Each phrase split where its first numeral opens it: 如|一日.
    static SPLIT: std::sync::LazyLock<Vec<(&'static str, &'static str)>> = std::sync::LazyLock::new(|| {
        IDIOMS_WITH_A_LEAD
            .iter()
            .filter_map(|w| w.char_indices().find(|(_, c)| is_cn_numeral(*c)).map(|(k, _)| w.split_at(k)))
            .filter(|(lead, _)| !lead.is_empty())
            .collect()
    });
    let (before, rest) = (text.as_bytes()[..pos].as_ref(), &text.as_bytes()[pos..]);
    SPLIT
        .iter()
        .find(|(lead, tail)| begins_with(rest, tail.as_bytes()) && finishes_with(before, lead.as_bytes()))
        .map(|(_, tail)| tail.len())
}

#[inline]
fn trigger_char(c: char) -> bool {
    is_arabic_digit(c) || is_cn_numeral(c) || matches!(c, '第' | '半' | '数' | '几' | '廿' | '卅')
}

const TRIGGER_START: u32 = 0x4e00;
const TRIGGER_LEN: usize = 0x5200;

/// The CJK characters a figure may start at, one bit each, built once.
static TRIGGER_BITS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut bits = vec![0u64; TRIGGER_LEN / 64 + 1];
    for i in 0..TRIGGER_LEN {
        if char::from_u32(TRIGGER_START + i as u32).is_some_and(trigger_char) {
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

/// Whether a figure may start at `c`. The main loop asks this of every
/// character, so the CJK block is looked up in a bitmap built once.
fn is_trigger(c: char) -> bool {
    match (c as u32).checked_sub(TRIGGER_START) {
        Some(i) if (i as usize) < TRIGGER_LEN => TRIGGER_BITS[i as usize / 64] & (1 << (i % 64)) != 0,
        _ => trigger_char(c),
    }
}

struct Scanner<'a> {
    text: &'a str,
    out: Vec<Figure>,
    /// No figure may start before this: the end of the last one.
    floor: usize,
}

/// Opening quotation marks, and the mark that closes each.
const QUOTES: &[(char, char)] = &[('“', '”'), ('「', '」'), ('『', '』'), ('‘', '’'), ('"', '"')];

impl<'a> Scanner<'a> {
    fn push(&mut self, f: Figure) -> usize {
        let end = f.span.end;
        self.floor = end;
        self.out.push(f);
        end
    }

    /// Reads at `pos` and returns where scanning goes on.
    fn scan_at(&mut self, pos: usize) -> usize {
        let before = self.out.len();
        let next = self.read_at(pos);
        // A short quotation that opens with a number and is more than that
        // number is a slogan or a name: “十个全覆盖”, “三个1亿人”, “百企帮百村”.
        if let Some(close) = self.quote_close(pos)
            && self.out.get(before).is_none_or(|f| f.span.end < close || self.out.len() > before + 1)
        {
            self.out.truncate(before);
            let end = close + self.text[close..].chars().next().map_or(0, char::len_utf8);
            self.floor = self.floor.max(end);
            return end.max(next);
        }
        next
    }

    /// Where the quotation that opens right before `pos` closes, if it is short and on one line.
    fn quote_close(&self, pos: usize) -> Option<usize> {
        let open = Cursor::at(self.text, pos).prev_char()?;
        let (_, close) = QUOTES.iter().find(|(o, _)| *o == open)?;
        let rest = &self.text[pos..];
        let (i, _) = rest.char_indices().take(14).find(|(_, c)| c == close || matches!(c, '\n' | '。' | '；'))?;
        rest[i..].starts_with(*close).then_some(pos + i)
    }

    fn read_at(&mut self, pos: usize) -> usize {
        let text = self.text;
        let rest = &text[pos..];
        let first = rest.chars().next().map_or(1, char::len_utf8);
        if let Some(idiom) = idioms_at(rest) {
            return pos + idiom.len();
        }
        if let Some(len) = idiom_with_lead(text, pos) {
            return pos + len;
        }
        if rest.starts_with('第') {
            return self.ordinal(pos).unwrap_or(pos + first);
        }
        let cur = Cursor::at(text, pos);
        let percent = match rest.chars().next() {
            Some('百') => Some(("百分之", "%")),
            Some('佰') => Some(("佰分之", "%")),
            Some('千') => Some(("千分之", "‰")),
            Some('仟') => Some(("仟分之", "‰")),
            Some('万') => Some(("万分之", "‱")),
            _ => None,
        };
        if let Some((prefix, unit)) = percent
            && let Some(end) = cur.eat(prefix)
        {
            return self.percent_words(pos, end, unit).unwrap_or(end);
        }
        if rest.starts_with('半')
            && let Some(end) = self.half_share(pos)
        {
            return end;
        }
        if rest.starts_with('半') {
            return self.half(pos).unwrap_or(pos + first);
        }
        if rest.starts_with("一半") {
            return self.finish(Figure::new(pos..pos + "一半".len(), Kind::Fraction, 0.5, ""));
        }
        if let Some(end) = self.score(pos) {
            return end;
        }
        if rest.starts_with(|c: char| c.is_ascii_digit())
            && let Some((parts, end)) = date::read_numeric(text, pos).or_else(|| date::read_month_day(text, pos))
        {
            let f = date_figure(pos, end, parts, "");
            return self.push(f);
        }
        let skip = || {
            // Skip the whole run of numeral characters, so a failed read is never repeated.
            let run: usize =
                rest.chars().take_while(|c| is_cn_numeral(*c) || is_arabic_digit(*c)).map(char::len_utf8).sum();
            pos + run.max(first)
        };
        // 二0二一年: a year in Chinese digits with an Arabic zero for 〇.
        if let Some(num) = super::damage::stray_zero_year(&cur) {
            return self.number(num).unwrap_or_else(skip);
        }
        let Some(num) = read_number(&cur) else {
            return skip();
        };
        self.number(num).unwrap_or_else(skip)
    }

    /// A decimal written without its leading zero: .5, -.34%.
    fn leading_point(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let prev = Cursor::at(text, pos).prev_char();
        if prev.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, '.' | '/' | '_' | ':' | '%' | '=')) {
            return None;
        }
        let digits = text[pos + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || text[pos + 1 + digits..].starts_with('.') {
            return None;
        }
        let frac: f64 = text[pos + 1..pos + 1 + digits].parse().ok()?;
        let v = frac / 10f64.powi(digits as i32);
        let end = pos + 1 + digits;
        let after = Cursor::at(text, end);
        let (unit, kind, end) = if after.starts_with("%") || after.starts_with("％") {
            ("%", Kind::Percent, end + after.peek().map_or(0, char::len_utf8))
        } else {
            ("", Kind::Quantity, end)
        };
        let mut f = Figure::new(pos..end, kind, v, unit);
        self.prefix(&mut f);
        Some(self.push(f))
    }

    /// 廿二, 卅五: old forms of 二十 and 三十, as days of a month.
    fn score(&mut self, pos: usize) -> Option<usize> {
        let c = Cursor::at(self.text, pos);
        let tens = match c.peek()? {
            '廿' => 20,
            '卅' => 30,
            _ => return None,
        };
        let mut d = c.clone();
        d.bump();
        let ones = d.peek().and_then(digit_value).filter(|v| (1..=9).contains(v));
        if ones.is_some() {
            d.bump();
        }
        let day = tens + ones.unwrap_or(0);
        if !d.starts_with("日") && !d.starts_with("号") {
            return Some(d.pos);
        }
        let end = d.pos + "日".len();
        let parts = DateParts { day: Some(day), valid: day <= 31, ..DateParts::default() };
        Some(self.push(date_figure(pos, end, parts, "日")))
    }

    /// 第三, 第十四师, 第七次.
    fn ordinal(&mut self, pos: usize) -> Option<usize> {
        let mut c = Cursor::at(self.text, pos + '第'.len_utf8());
        c.skip_ws();
        let num = read_number(&c)?;
        if num.value_max.is_some() || num.inner_marker.is_some() {
            return None;
        }
        let mut value = num.value.to_f64();
        let mut end = num.end;
        let mut after = Cursor::at(self.text, end);
        after.skip_ws();
        // 第1 7条: digits that a PDF space split, closed by the ordinal's unit.
        if num.form == Form::Arabic
            && after.pos > end
            && !self.text[end..after.pos].contains('\n')
            && let Some(more) = read_number(&after).filter(|m| m.form == Form::Arabic && !m.has_unit && !m.has_decimal)
        {
            let mut unit_after = Cursor::at(self.text, more.end);
            unit_after.skip_ws_inline();
            if ORDINAL_UNITS.iter().any(|u| unit_after.starts_with(u)) {
                let digits = format!("{}{}", &self.text[num.start..num.end], &self.text[more.start..more.end]);
                value = digits.parse().unwrap_or(value);
                end = more.end;
                after = unit_after;
            }
        }
        let unit = ORDINAL_UNITS.iter().find(|u| after.starts_with(u)).copied().unwrap_or("");
        if !unit.is_empty() {
            end = after.pos + unit.len();
        }
        Some(self.push(Figure::new(pos..end, Kind::Ordinal, value, unit)))
    }

    /// 百分之六十, 千分之五, 万分之三, 百分之负十; `at` is where the number starts.
    fn percent_words(&mut self, pos: usize, at: usize, unit: &'static str) -> Option<usize> {
        let mut c = Cursor::at(self.text, at);
        c.skip_ws();
        let negative = c.starts_with("负");
        if negative {
            c.advance("负".len());
        }
        let num = read_number(&c)?;
        let sign = if negative { -1.0 } else { 1.0 };
        let mut f = Figure::new(pos..num.end, Kind::Percent, sign * num.value.to_f64(), unit);
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
        if let Some((m, q, end)) = postfix(&after) {
            f.span.end = end;
            set_marker(&mut f, q, m);
        }
        self.prefix(&mut f);
        self.push(f)
    }

    /// 半斤, 半年, 半个月: half a unit; 半成 is 5%. 上半年 and 一半 are not.
    fn half(&mut self, pos: usize) -> Option<usize> {
        let prev = Cursor::at(self.text, pos).prev_char();
        if prev.is_some_and(|p| "上下一大多过后前减折另北南泰".contains(p)) {
            return None;
        }
        let c = Cursor::at(self.text, pos + '半'.len_utf8());
        if c.starts_with("成")
            && !Cursor::at(self.text, c.pos + "成".len()).peek().is_some_and(|n| "品功为熟".contains(n))
        {
            return Some(self.finish(Figure::new(pos..c.pos + "成".len(), Kind::Percent, 5.0, "%")));
        }
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

        // Fractions: 三分之二, 2/3, and mixed numbers: 三又三分之一.
        if let Some(at) = after.eat("分之") {
            return self.fraction(num, at, None);
        }
        if after.starts_with("又") {
            let mut c = Cursor::at(text, after.pos + "又".len());
            c.skip_ws();
            if let Some(den) = read_number(&c) {
                let mut d = Cursor::at(text, den.end);
                d.skip_ws();
                if let Some(at) = d.eat("分之") {
                    return self.fraction(den, at, Some(num));
                }
            }
        }
        // 201920年: a year with extra digits, no year and no count of years.
        if super::damage::is_run_on_year(text, &num)
            && let Some(end) = after.eat("年")
        {
            let parts = DateParts { valid: false, ..DateParts::default() };
            return Some(self.push(date_figure(num.start, end, parts, "年")));
        }
        if num.form == Form::Arabic
            && let Some(done) = self.arabic_shape(&num, &after)
        {
            return done;
        }

        // Dates: 2020年, 2020年10月14日, 3月7日, 37日, 2019年底, 九七年.
        if num.value_max.is_none()
            && num.inner_marker.is_none()
            && !num.bare_unit
            && let Some((parts, end, unit)) = date::read(text, &num)
        {
            return Some(self.date_or_range(num.start, end, parts, unit));
        }

        // A decade: 80年代, 1990年代.
        if num.form == Form::Arabic
            && matches!(num.int_digits, 2 | 4)
            && !num.has_decimal
            && !num.has_unit
            && after.starts_with("年代")
        {
            let v = num.value.to_f64() as i32;
            let year = if num.int_digits == 4 {
                v
            } else if v < 30 {
                2000 + v
            } else {
                1900 + v
            };
            let parts = DateParts { year: Some(year), valid: true, ..DateParts::default() };
            return Some(self.push(date_figure(num.start, after.pos + "年代".len(), parts, "年代")));
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

        let tail = tail(&Cursor::at(text, num.end), &num);
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
        if f.unit == "番" {
            // 翻一番, 翻了两番: the number of doublings, with its verb.
            f.span.start = self.doubled(num.start)?;
        }
        if num.positional && f.kind == Kind::Quantity && tail.unit.is_empty() {
            return None;
        }
        if let Some(hi) = num.value_max {
            f.value_max = Some(scale_tail(hi, &tail));
            f.qualifier = Qualifier::Range;
        }
        if f.unit == "次" && ORDINAL_AFTER_CI.iter().any(|w| Cursor::at(text, f.span.end).starts_with(w)) {
            // 七次全委会, 三次全会: the seventh plenary, not seven plenaries.
            f.kind = Kind::Ordinal;
        }
        if f.unit == "期" && self.is_phase(&num, f.span.end) {
            // 二期工程, 纪念园二期: phase two, not two sessions.
            f.kind = Kind::Ordinal;
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

    /// Whether N期 names a phase of a project (二期工程, 纪念园二期) rather than
    /// counting sessions (举办三期培训班).
    fn is_phase(&self, num: &Num, end: usize) -> bool {
        if num.form != Form::Chinese || num.chars != 1 {
            return false;
        }
        let after = Cursor::at(self.text, end);
        if PHASE_NOUNS.iter().any(|w| after.starts_with(w)) {
            return true;
        }
        // Right after a name and before punctuation: 纪念园二期、
        let before = Cursor::at(self.text, num.start).prev_char();
        let named = before.is_some_and(|c| is_han(c) && !"办展训开有共计达第了举组年和及、".contains(c));
        named && after.peek().is_some_and(|c| "、，。；）".contains(c))
    }

    /// 翻一番, 翻了两番: where the 翻 stands before a number of doublings.
    fn doubled(&self, start: usize) -> Option<usize> {
        let floor = self.floor.min(start);
        let before = self.text[floor..start].trim_end_matches(is_space);
        let head = before.strip_suffix('翻').or_else(|| before.strip_suffix("翻了"))?;
        Some(floor + head.len())
    }

    /// 三分之二 (`den` 三, the numerator at `at`), with a whole part before
    /// 又 (三又三分之一) and a sign on the numerator (３分之负一百五十七).
    fn fraction(&mut self, den: Num, at: usize, whole: Option<Num>) -> Option<usize> {
        let mut c = Cursor::at(self.text, at);
        c.skip_ws();
        let negative = c.starts_with("负");
        if negative {
            c.advance("负".len());
        }
        let numer = read_number(&c)?;
        if den.value.is_zero() || numer.value_max.is_some() {
            return None;
        }
        let sign = if negative { -1.0 } else { 1.0 };
        let mut v = sign * numer.value.to_f64() / den.value.to_f64();
        let start = match &whole {
            Some(w) => {
                v += w.value.to_f64();
                w.start
            }
            None => den.start,
        };
        Some(self.finish(Figure::new(start..numer.end, Kind::Fraction, v, "")))
    }

    fn has_prefix(&self, start: usize) -> bool {
        prefix_before(self.text, start, self.floor).is_some()
    }

    /// Takes in what stands before the figure: a currency (￥300, 港币2960元),
    /// a sign (负5, -3.5%, 零下4摄氏度), then an approximation marker (约, 近,
    /// 超过了, 不低于 …).
    fn prefix(&self, f: &mut Figure) {
        self.currency(f);
        self.sign(f);
        if let Some((m, q, at)) = prefix_before(self.text, f.span.start, self.floor) {
            // 高于全省2.1个百分点 is the difference, not a bound.
            if matches!(m, "高于" | "低于") && f.unit == "百分点" {
                return;
            }
            // 近五年来, 近三年: the recent years, not nearly so many.
            if m == "近" && is_recent(self.text, at, f.unit) {
                return;
            }
            f.span.start = at;
            // Two approximation words stacked before one figure (约近800人, 大约近):
            // both are the figure's, so the stacking can be reported.
            const APPROX: &[&str] = &["约", "大约", "近", "将近", "接近"];
            let outer = APPROX
                .contains(&m)
                .then(|| prefix_before(self.text, at, self.floor))
                .flatten()
                .filter(|(m2, _, _)| APPROX.contains(m2));
            let m = match outer {
                Some((m2, q2, at2)) if f.qualifier == Qualifier::Exact => {
                    f.span.start = at2;
                    f.qualifier = q2;
                    f.marker = format!("{m2}+{m}");
                    return;
                }
                _ => m,
            };
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

    /// A currency written before an amount: ￥300, $20, 港币2960元, 人民币 50元.
    fn currency(&self, f: &mut Figure) {
        if f.kind != Kind::Quantity || !(f.unit.is_empty() || f.unit == "元") {
            return;
        }
        let floor = self.floor.min(f.span.start);
        let before = self.text[floor..f.span.start].trim_end_matches([' ', '\u{3000}', '\u{a0}']);
        if let Some((w, unit)) = CURRENCY_PREFIXES.iter().find(|(w, _)| finishes_with(before.as_bytes(), w.as_bytes()))
        {
            f.unit = unit;
            f.span.start = floor + before.len() - w.len();
        }
    }

    /// A minus sign or 负 right before the figure; a hyphen that follows a
    /// figure or a digit is a range connector, not a sign.
    fn sign(&self, f: &mut Figure) {
        if !matches!(f.kind, Kind::Quantity | Kind::Percent | Kind::Fraction) {
            return;
        }
        let floor = self.floor.min(f.span.start);
        let before = &self.text[floor..f.span.start];
        let len = if before.ends_with("零下") {
            "零下".len()
        } else if before.ends_with('负') {
            '负'.len_utf8()
        } else if let Some(dash) = ['-', '－', '−'].into_iter().find(|d| before.ends_with(*d)) {
            let head = &before[..before.len() - dash.len_utf8()];
            let joined = head.is_empty() && floor > 0 && self.floor == f.span.start - dash.len_utf8();
            let glued = head.chars().next_back().is_some_and(|c| c.is_alphanumeric() && !is_han(c) || is_cn_numeral(c));
            if joined || glued {
                return;
            }
            dash.len_utf8()
        } else {
            return;
        };
        f.span.start -= len;
        let (lo, hi) = (f.value, f.value_max);
        match hi {
            Some(hi) => {
                f.value = -hi;
                f.value_max = Some(-lo);
            }
            None => f.value = -lo,
        }
    }
}

/// Units of time after which 近 means "recent" (近五年来), unless a verb of
/// duration stands before it (历时近一年).
fn is_recent(text: &str, marker_at: usize, unit: &str) -> bool {
    if !matches!(unit, "年" | "个月" | "天" | "日" | "周" | "个星期") {
        return false;
    }
    let before = text[..marker_at].trim_end_matches(is_space);
    !["历时", "用了", "花了", "经过", "持续", "长达", "达", "用", "花", "耗时", "为期", "已", "有", "了", "将"]
        .iter()
        .any(|w| finishes_with(before.as_bytes(), w.as_bytes()))
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A marker that ends right before `start` (after skipping spaces and a
/// particle: 超过了, 至少有, 约为), not before `floor`.
fn prefix_before<'a>(text: &'a str, start: usize, floor: usize) -> Option<(&'static str, Qualifier, usize)> {
    let before = text[floor.min(start)..start].trim_end_matches(is_space);
    // Most numbers have no marker: rule them out by the last character.
    static LAST: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<char> = PREFIX_MARKERS
            .iter()
            .map(|(m, _)| *m)
            .chain(MARKER_PARTICLES.iter().copied())
            .filter_map(|m| m.chars().next_back())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    if before.chars().next_back().is_none_or(|c| LAST.binary_search(&c).is_err()) {
        return None;
    }
    let strip = |s: &'a str, w: &str| finishes_with(s.as_bytes(), w.as_bytes()).then(|| &s[..s.len() - w.len()]);
    let particle = MARKER_PARTICLES.iter().find_map(|p| strip(before, p).filter(|h| ends_with_marker(h)));
    let before = particle.unwrap_or(before);
    for (m, q) in PREFIX_MARKERS {
        if let Some(head) = strip(before, m) {
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

/// Whether a marker word (not 上, which needs a bare multiplier) ends `s`.
fn ends_with_marker(s: &str) -> bool {
    PREFIX_MARKERS.iter().any(|(m, _)| *m != "上" && finishes_with(s.as_bytes(), m.as_bytes()))
}

fn date_figure(start: usize, end: usize, parts: DateParts, unit: &'static str) -> Figure {
    let mut f = Figure::new(start..end, Kind::Date, parts.value(), unit);
    f.date = Some(Box::new(parts));
    f
}
