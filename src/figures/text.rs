//! A cursor over text that steps over the breaks PDF extraction leaves inside
//! figures: spaces between characters and single hard line breaks.

/// Whitespace that may stand inside a figure.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\r' | '\n')
}

#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    text: &'a str,
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    #[cfg(test)]
    pub fn new(text: &'a str) -> Self {
        Cursor { text, pos: 0 }
    }

    pub fn at(text: &'a str, pos: usize) -> Self {
        Cursor { text, pos: pos.min(text.len()) }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub fn peek2(&self) -> Option<char> {
        let mut it = self.rest().chars();
        it.next();
        it.next()
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Moves on by `n` bytes; `n` must end on a character boundary of the rest.
    pub fn advance(&mut self, n: usize) {
        let target = (self.pos + n).min(self.text.len());
        if self.text.is_char_boundary(target) {
            self.pos = target;
        }
    }

    pub fn starts_with(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    /// Skips whitespace that may break a figure: at most 8 characters with at
    /// most two line breaks (a PDF hard wrap, possibly with a blank line).
    pub fn skip_ws(&mut self) {
        let mut n = 0;
        let mut newlines = 0;
        let mut end = self.pos;
        for (i, c) in self.rest().char_indices() {
            if !is_space(c) {
                end = self.pos + i;
                break;
            }
            n += 1;
            if c == '\n' {
                newlines += 1;
            }
            if n > 8 || newlines > 2 {
                return;
            }
            end = self.pos + i + c.len_utf8();
        }
        self.pos = end;
    }

    /// Skips spaces within a line only.
    pub fn skip_ws_inline(&mut self) {
        while let Some(c) = self.peek() {
            if matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}') {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    /// The character before the cursor.
    pub fn prev_char(&self) -> Option<char> {
        self.text[..self.pos].chars().next_back()
    }
}
