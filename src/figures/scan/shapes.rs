//! Numbers that are not quantities: identifiers (phone, ICP, codes, URLs),
//! page numbers alone on a line, list and heading numbers, times of day.

use super::super::date;
use super::super::lexicon::{ID_CONTEXT, LATIN_UNITS, RANGE_CONNECTORS};
use super::super::number::{Num, read_arabic};
use super::super::text::{Cursor, is_space};
use super::super::{Figure, Kind};
use super::tail::tail;
use super::{Scanner, date_figure};

impl Scanner<'_> {
    /// What an Arabic number is when it is not a plain quantity: a slash
    /// fraction (2/3), a time of day, an identifier, a date that lost its
    /// 年月日, a page number, a list number. `Some(end)` is where scanning goes
    /// on (`Some(None)`: not a figure); `None` reads the number on as a quantity.
    pub(super) fn arabic_shape(&mut self, num: &Num, after: &Cursor) -> Option<Option<usize>> {
        let text = self.text;
        if num.int_digits <= 2
            && !num.has_decimal
            && !num.has_unit
            && after.pos == num.end
            && (after.starts_with("/") || after.starts_with("／"))
        {
            let mut d = after.clone();
            d.bump();
            if let Some(den) = read_arabic(&d)
                && den.int_digits <= 2
                && !den.has_unit
                && !den.has_decimal
                && !Cursor::at(text, den.end).rest().starts_with(['/', '／'])
                && !den.value.is_zero()
            {
                let v = num.value.to_f64() / den.value.to_f64();
                let mut f = Figure::new(num.start..den.end, Kind::Fraction, v, "");
                self.prefix(&mut f);
                return Some(Some(self.push(f)));
            }
        }
        // A time of day (10:00) is no figure.
        if let Some(end) = clock_end(text, num) {
            return Some(Some(end));
        }
        if let Some(end) = self.identifier(num) {
            return Some(Some(end));
        }
        if let Some((parts, end)) = date::read_compact(text, num) {
            return Some(Some(self.push(date_figure(num.start, end, parts, ""))));
        }
        if self.alone_on_line(num) {
            return Some(Some(self.push(Figure::new(num.start..num.end, Kind::Identifier, num.value.to_f64(), ""))));
        }
        if self.is_list_number(num, after) {
            return Some(None);
        }
        None
    }

    /// Phone, licence and ICP numbers, codes, numbers in e-mail addresses and URLs.
    pub(super) fn identifier(&mut self, num: &Num) -> Option<usize> {
        let text = self.text;
        let is_tok = |c: char| {
            c.is_ascii_alphanumeric()
                || matches!(c, '@' | '.' | '_' | ':' | '/' | '-' | '#' | '=' | '?' | '&' | '+' | '%' | '~')
        };
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
        let latin_unit = || LATIN_UNITS.iter().any(|u| text[num.end..].starts_with(u));
        let web = token.contains('@') || token.contains("://") || token.contains("www.");
        // A long run of digits with no unit after it is a code (202403073), not a quantity.
        let long = num.int_digits >= 9
            && !num.has_separator
            && !num.has_decimal
            && !num.has_unit
            && tail(&Cursor::at(text, num.end), num).unit.is_empty();
        let dashed = token.matches('-').count() >= 1
            && token.chars().filter(|c| c.is_ascii_digit()).count() >= 9
            && token.split('-').all(|p| p.chars().all(|c| c.is_ascii_digit()));
        // The words that name a number as an identifier (电话, 编号), in the eight characters before it.
        static CONTEXT: std::sync::LazyLock<super::super::text::WordSet> =
            std::sync::LazyLock::new(|| super::super::text::WordSet::new(ID_CONTEXT));
        let context = || {
            let ctx_start = text[..start].char_indices().rev().nth(7).map_or(0, |(i, _)| i);
            num.int_digits >= 3 && CONTEXT.is_match(&text[ctx_start..start])
        };
        let id = web || long || dashed || context() || (letters && !latin_unit());
        if !id || digits_only.is_empty() {
            return None;
        }
        let value = num.value.to_f64();
        Some(self.push(Figure::new(start..end.max(num.end), Kind::Identifier, value, "")))
    }

    /// A number that is all of its line: a page or issue number, not a quantity.
    pub(super) fn alone_on_line(&self, num: &Num) -> bool {
        let text = self.text;
        // Both walks stop at the first character that is not a space, so they stay short.
        let blank_before = text[..num.start].chars().rev().take_while(|c| *c != '\n').all(is_space);
        let blank_after = text[num.end..].chars().take_while(|c| *c != '\n').all(is_space);
        !num.has_unit && blank_before && blank_after
    }

    /// A heading or list number: 1针对… or 3、 at the start of a line, （1）,
    /// and 2. or 3、 after a clause inside a line (；2. 加强…).
    pub(super) fn is_list_number(&self, num: &Num, after: &Cursor) -> bool {
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
        let marked = matches!(next, Some('、' | '.' | '．' | ')' | '）'));
        let after_clause = text[..num.start].trim_end_matches(is_space).ends_with(['；', '。', '：', ';', '！', '？']);
        if after_clause && marked {
            return true;
        }
        if !line_start {
            return false;
        }
        if marked {
            return true;
        }
        // A digit glued to the first word of a paragraph (1针对…), not to a unit or date.
        let t = tail(after, num);
        t.unit.is_empty()
            && !after.starts_with("年")
            && !after.starts_with("月")
            && !after.starts_with("日")
            && !RANGE_CONNECTORS.iter().any(|k| after.starts_with(k))
            && !after.starts_with("分之")
            && next.is_some_and(|c| !c.is_ascii() && !is_space(c))
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
