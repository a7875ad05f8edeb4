//! The scanner: one pass over the text, reading a figure wherever a number
//! starts, with its markers, unit, range and kind.

use super::date::{self, DateParts};
use super::lexicon::{
    ID_CONTEXT, IDIOMS, INNER_MARKERS, LATIN_UNITS, ORDINAL_UNITS, POSTFIX_MARKERS, PREFIX_BLOCKERS, PREFIX_MARKERS,
    RANGE_CONNECTORS, UNIT_BLOCKERS, UNITS, UnitDef,
};
use super::number::{Dec, Form, Num, digit_value, is_arabic_digit, is_cn_numeral, read_arabic, read_chinese};
use super::text::{Cursor, is_space};
use super::{Figure, Kind, Qualifier};

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

/// The longest unit that starts `rest`, looked up by its first character.
fn units_at(rest: &str) -> Option<&'static UnitDef> {
    static BY_FIRST: std::sync::LazyLock<std::collections::HashMap<char, Vec<&'static UnitDef>>> =
        std::sync::LazyLock::new(|| {
            let mut m: std::collections::HashMap<char, Vec<&'static UnitDef>> = std::collections::HashMap::new();
            for u in UNITS {
                if let Some(c) = u.written.chars().next() {
                    m.entry(c).or_default().push(u);
                }
            }
            m
        });
    let c = rest.chars().next()?;
    BY_FIRST.get(&c)?.iter().copied().filter(|u| rest.starts_with(u.written)).max_by_key(|u| u.written.len())
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

/// What follows a number: its unit and markers.
struct Tail {
    end: usize,
    unit: &'static str,
    money: bool,
    inner: Option<&'static str>,
    postfix: Option<(&'static str, Qualifier)>,
    /// Added by 角/分 after 元, or 半 after a unit.
    extra: Dec,
    percent_cheng: bool,
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
            && num.int_digits <= 2
            && !num.has_decimal
            && !num.has_unit
            && after.pos == num.end
            && after.starts_with("/")
        {
            let mut d = after.clone();
            d.bump();
            if let Some(den) = read_arabic(&d)
                && den.int_digits <= 2
                && !den.has_unit
                && !den.has_decimal
                && !Cursor::at(text, den.end).starts_with("/")
                && !den.value.is_zero()
            {
                let v = num.value.to_f64() / den.value.to_f64();
                let mut f = Figure::new(num.start..den.end, Kind::Fraction, v, "");
                self.prefix(&mut f);
                return Some(self.push(f));
            }
        }

        if num.form == Form::Arabic {
            // A time of day (10:00) is no figure.
            if let Some(end) = clock_end(text, &num) {
                return Some(end);
            }
            if let Some(end) = self.identifier(&num) {
                return Some(end);
            }
            if let Some((parts, end)) = date::read_compact(text, &num) {
                return Some(self.push(date_figure(num.start, end, parts, "")));
            }
            if self.alone_on_line(&num) {
                return Some(self.push(Figure::new(num.start..num.end, Kind::Identifier, num.value.to_f64(), "")));
            }
            if self.is_list_number(&num, &after) {
                return None;
            }
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

    /// Phone, licence and ICP numbers, codes, numbers in e-mail addresses and URLs.
    fn identifier(&mut self, num: &Num) -> Option<usize> {
        let text = self.text;
        let is_tok = |c: char| c.is_ascii_alphanumeric() || "@._:/-#=?&+%~".contains(c);
        let start =
            text[..num.start].char_indices().rev().take_while(|(_, c)| is_tok(*c)).last().map_or(num.start, |(i, _)| i);
        let start = start.max(self.floor);
        let end = num.start
            + text[num.start..]
                .char_indices()
                .take_while(|(_, c)| is_tok(*c))
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
        let token = &text[start..end];
        let token = token.trim_end_matches(['.', ':', '/', '-', ',']);
        let end = start + token.len();
        let letters = token.chars().any(|c| c.is_ascii_alphabetic());
        let digits_only = &text[num.start..num.end];
        let latin_unit = LATIN_UNITS.iter().any(|u| text[num.end..].starts_with(u));
        let web = token.contains('@') || token.contains("://") || token.contains("www.");
        let long = num.int_digits >= 11 && !num.has_separator && !num.has_decimal;
        let dashed = token.matches('-').count() >= 1
            && token.chars().filter(|c| c.is_ascii_digit()).count() >= 9
            && token.split('-').all(|p| p.chars().all(|c| c.is_ascii_digit()));
        let ctx_start = text[..start].char_indices().rev().nth(7).map_or(0, |(i, _)| i);
        let context = ID_CONTEXT.iter().any(|w| text[ctx_start..start].contains(w)) && num.int_digits >= 3;
        let id = web || long || dashed || context || (letters && !latin_unit);
        if !id || digits_only.is_empty() {
            return None;
        }
        let value = num.value.to_f64();
        Some(self.push(Figure::new(start..end.max(num.end), Kind::Identifier, value, "")))
    }

    /// A number that is all of its line: a page or issue number, not a quantity.
    fn alone_on_line(&self, num: &Num) -> bool {
        let text = self.text;
        // Both walks stop at the first character that is not a space, so they stay short.
        let blank_before = text[..num.start].chars().rev().take_while(|c| *c != '\n').all(is_space);
        let blank_after = text[num.end..].chars().take_while(|c| *c != '\n').all(is_space);
        !num.has_unit && blank_before && blank_after
    }

    /// A heading or list number: 1针对… or 3、 at the start of a line, （1）.
    fn is_list_number(&self, num: &Num, after: &Cursor) -> bool {
        if num.int_digits > 2 || num.has_decimal || num.has_unit {
            return false;
        }
        let text = self.text;
        let line_start = text[..num.start].chars().rev().take_while(|c| *c != '\n').all(is_space);
        let next = text[num.end..].chars().next();
        let bracketed =
            matches!(Cursor::at(text, num.start).prev_char(), Some('（' | '(')) && matches!(next, Some('）' | ')'));
        if bracketed {
            return true;
        }
        if !line_start {
            return false;
        }
        if matches!(next, Some('、' | '.' | '．' | ')' | '）')) {
            return true;
        }
        // A digit glued to the first word of a paragraph (1针对…), not to a unit or date.
        let t = tail(after, true);
        t.unit.is_empty()
            && !after.starts_with("年")
            && !after.starts_with("月")
            && !after.starts_with("日")
            && !RANGE_CONNECTORS.iter().any(|k| after.starts_with(k))
            && !after.starts_with("分之")
            && next.is_some_and(|c| !c.is_ascii() && !is_space(c))
    }

    /// A date, or a year range (2013年至2020年, 2018-2020).
    fn date_or_range(&mut self, start: usize, end: usize, parts: DateParts, unit: &'static str) -> usize {
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
    fn connector_range(&mut self, lo: &Num) -> Option<usize> {
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

fn postfix(c: &Cursor) -> Option<(&'static str, Qualifier)> {
    let (m, q) = POSTFIX_MARKERS.iter().find(|(m, _)| c.starts_with(m))?;
    // 上下 after a figure only when no word goes on (全市上下一心 is no marker).
    if *m == "上下" && c.rest()[m.len()..].chars().next().is_some_and(|n| n as u32 >= 0x4e00 && n as u32 <= 0x9fff) {
        return None;
    }
    Some((m, *q))
}

/// The longest unit at the cursor (after figure-internal spaces), if not part of a longer word.
fn unit_at(c: &Cursor) -> Option<(&'static UnitDef, usize)> {
    let mut c = c.clone();
    c.skip_ws();
    let best = units_at(c.rest())?;
    let next = c.rest()[best.written.len()..].chars().next();
    if let Some((_, blockers)) = UNIT_BLOCKERS.iter().find(|(w, _)| *w == best.written)
        && next.is_some_and(|n| blockers.contains(&n))
    {
        return None;
    }
    Some((best, c.pos + best.written.len()))
}

/// Reads what follows a number: inner marker, unit, money subunits, 半, postfix marker.
fn tail(c: &Cursor, arabic: bool) -> Tail {
    let text = c.text();
    let mut t =
        Tail { end: c.pos, unit: "", money: false, inner: None, postfix: None, extra: Dec::ZERO, percent_cheng: false };
    let mut cur = c.clone();
    cur.skip_ws();
    if let Some(m) = INNER_MARKERS.iter().find(|m| cur.starts_with(m)) {
        let mut la = cur.clone();
        la.advance(m.len());
        // 多 before 元 in 多元化 has no number before it; after a number it is a marker.
        t.inner = Some(m);
        t.end = la.pos;
        cur = la;
    }
    // 一个半月.
    let mut half = false;
    if cur.starts_with("个半") {
        let mut la = cur.clone();
        la.advance("个半".len());
        if la.starts_with("月") || la.starts_with("小时") {
            half = true;
            let w = if la.starts_with("月") { "月" } else { "小时" };
            t.unit = if w == "月" { "个月" } else { "小时" };
            t.end = la.pos + w.len();
            t.extra = Dec { mant: 5, scale: -1 };
            cur = Cursor::at(text, t.end);
        }
    }
    if !half {
        if let Some((u, end)) = unit_at(&cur) {
            t.unit = u.unit;
            t.money = u.money;
            t.end = end;
            cur = Cursor::at(text, end);
        } else if arabic && let Some(u) = LATIN_UNITS.iter().find(|u| cur.starts_with(u)) {
            let next = cur.rest()[u.len()..].chars().next();
            if !next.is_some_and(|n| n.is_ascii_alphabetic()) {
                t.unit = u;
                t.end = cur.pos + u.len();
                cur = Cursor::at(text, t.end);
            }
        } else if cur.starts_with("成") {
            let next = cur.rest()["成".len()..].chars().next();
            let blocked = next.is_some_and(|n| "员本为功果绩就立熟长交都效品型年人份分不".contains(n));
            if !blocked && t.inner.is_none() {
                t.unit = "%";
                t.percent_cheng = true;
                t.end = cur.pos + "成".len();
                cur = Cursor::at(text, t.end);
            }
        }
    }
    if t.inner.is_some() && t.unit.is_empty() {
        // 余/多/几 with no unit: keep it only before a word (1000多农户), not before punctuation.
        let next = cur.peek();
        if !next.is_some_and(|n| n as u32 >= 0x4e00 && n as u32 <= 0x9fff) || t.inner == Some("几") {
            t.inner = None;
            t.end = c.pos;
            return t;
        }
    }
    if t.money {
        // 角 and 分 after 元: 一百三十五块六角七分钱.
        let mut la = cur.clone();
        for (sub, scale) in [("角", -1), ("毛", -1), ("分", -2)] {
            la.skip_ws_inline();
            if let Some(d) = la.peek().and_then(digit_value)
                && la.peek2().is_some_and(|n| sub.starts_with(n))
            {
                la.bump();
                la.advance(sub.len());
                t.extra = t.extra.add(Dec { mant: d as i128, scale }).unwrap_or(t.extra);
                t.end = la.pos;
            }
        }
        cur = Cursor::at(text, t.end);
        for w in ["钱", "整"] {
            if cur.starts_with(w) {
                t.end = cur.pos + w.len();
                cur = Cursor::at(text, t.end);
            }
        }
    }
    if matches!(t.unit, "年" | "天" | "小时" | "个月" | "斤" | "公斤" | "亩") && cur.starts_with("半") {
        t.extra = t.extra.add(Dec { mant: 5, scale: -1 }).unwrap_or(t.extra);
        t.end = cur.pos + "半".len();
        cur = Cursor::at(text, t.end);
    }
    let mut p = cur.clone();
    p.skip_ws_inline();
    if let Some((m, q)) = postfix(&p) {
        t.postfix = Some((m, q));
        t.end = p.pos + m.len();
    }
    t
}

/// Applies 成 (×10) and subunits to a value.
fn scale_tail(v: Dec, t: &Tail) -> f64 {
    let v = if t.percent_cheng { v.mul_int(10).unwrap_or(v) } else { v };
    v.add(t.extra).unwrap_or(v).to_f64()
}

/// Whether a number with this tail is a figure a reader would see.
fn accept(n: &Num, t: &Tail, has_prefix: bool) -> bool {
    if n.form == Form::Arabic {
        return true;
    }
    let marked = has_prefix || n.inner_marker.is_some() || n.shu.is_some() || t.inner.is_some() || t.postfix.is_some();
    let has_unit = !t.unit.is_empty();
    let lone_one = n.chars == 1 && n.value == Dec::int(1);
    if n.bare_unit {
        // 百余家, 近千名, 数十亿元: a bare multiplier needs a marker and a unit or magnitude.
        return marked && (has_unit || n.has_large);
    }
    if lone_one {
        return has_unit && matches!(t.unit, "倍" | "%") || t.extra != Dec::ZERO;
    }
    if has_unit {
        return true;
    }
    if n.value_max.is_some() {
        return n.has_unit;
    }
    n.has_large || n.has_decimal || (n.chars >= 3 && n.has_unit) || (marked && n.has_unit)
}

fn quantity(n: &Num, t: &Tail) -> Figure {
    let kind = match t.unit {
        "%" | "‰" | "‱" | "百分点" => Kind::Percent,
        "届" => Kind::Ordinal,
        _ => Kind::Quantity,
    };
    Figure::new(n.start..t.end.max(n.end), kind, scale_tail(n.value, t), t.unit)
}

fn set_marker(f: &mut Figure, q: Qualifier, m: &str) {
    if f.marker.is_empty() || f.qualifier == Qualifier::Range && !RANGE_CONNECTORS.contains(&f.marker.as_str()) {
        if f.qualifier != Qualifier::Range {
            f.qualifier = q;
        }
        f.marker = m.to_string();
    } else if f.qualifier == Qualifier::Range {
        // A range keeps its qualifier; the connector stays the marker.
    } else {
        f.marker = format!("{}+{m}", f.marker);
    }
}

/// H:MM right after the number: returns the end of the time of day.
fn clock_end(text: &str, num: &Num) -> Option<usize> {
    if num.int_digits > 2 || num.has_decimal || num.has_unit {
        return None;
    }
    let rest = &text[num.end..];
    let after = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 2).then(|| num.end + (rest.len() - after.len()) + 2)
}

/// After a year ending at `end`: a connector and a second year (with 年 when
/// the first had it) and no unit after it. Returns (year, end, connector).
fn year_range_end(text: &str, end: usize, with_nian: bool) -> Option<(f64, usize, &'static str)> {
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

fn date_figure(start: usize, end: usize, parts: DateParts, unit: &'static str) -> Figure {
    let mut f = Figure::new(start..end, Kind::Date, parts.value(), unit);
    f.date = Some(parts);
    f
}
