//! Where each section's title and body stand in the file they were read from,
//! and line, column and character positions in that file.
//!
//! The loaders do not track offsets through their clean-up (joined hard wraps,
//! closed-up spaces, RON escapes, pinyin and boilerplate taken out), so the map
//! is found afterwards: each part is aligned with the file, character by
//! character, in document order. Import only takes characters out, so every
//! character of a part stands in the file in the same order; the alignment
//! skips what the import dropped. It is linear in the file's length.

use std::ops::Range;

use crate::model::{Brief, SectionId};

/// Which text of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Title,
    Body,
}

/// A stretch where the part's bytes and the file's bytes run in step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    part: usize,
    file: usize,
    len: usize,
}

/// The runs of one part, sorted by `part` offset.
#[derive(Debug, Clone, Default)]
struct Runs(Vec<Run>);

impl Runs {
    fn push(&mut self, part: usize, file: usize, len: usize) {
        if let Some(last) = self.0.last_mut()
            && last.part + last.len == part
            && last.file + last.len == file
        {
            last.len += len;
            return;
        }
        self.0.push(Run { part, file, len });
    }

    /// The file offset of a part offset: exact inside a run, else just after
    /// the run before it (the text the import put there has no place in the file).
    fn start(&self, at: usize) -> Option<usize> {
        let i = self.0.partition_point(|r| r.part <= at);
        if i == 0 {
            return self.0.first().map(|r| r.file);
        }
        let r = self.0[i - 1];
        Some(r.file + (at - r.part).min(r.len))
    }

    /// The file offset that ends a span ending at `at` (exclusive).
    fn end(&self, at: usize) -> Option<usize> {
        let i = self.0.partition_point(|r| r.part < at);
        if i == 0 {
            return self.0.first().map(|r| r.file);
        }
        let r = self.0[i - 1];
        Some(r.file + (at - r.part).min(r.len))
    }
}

/// Maps spans of a brief's titles and bodies back to the file they came from.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    parts: std::collections::HashMap<(SectionId, Part), Runs>,
    index: TextIndex,
}

/// How far ahead of the cursor a paragraph's opening is looked for (bytes):
/// past a block of boilerplate an import took out, or a RON section's fields.
const SEEK: usize = 64 * 1024;
/// How many characters the alignment may skip inside a paragraph before it
/// gives up on a character (a pinyin annotation, a RON escape, a line break).
const SKIP: usize = 24;
/// Characters of a paragraph's opening that must match as a whole to place it.
const SEED: usize = 6;

impl SourceMap {
    /// Aligns every title and body of `brief` with `file`, in document order.
    pub fn align(file: &str, brief: &Brief) -> SourceMap {
        SourceMap::align_owned(file.to_string(), brief)
    }

    /// [`SourceMap::align`], keeping `file` itself rather than a copy of it.
    pub fn align_owned(file: String, brief: &Brief) -> SourceMap {
        let mut parts = std::collections::HashMap::new();
        let mut cursor = 0;
        for (s, _) in brief.walk() {
            for (part, text) in [(Part::Title, &s.title), (Part::Body, &s.body)] {
                if text.is_empty() {
                    continue;
                }
                let mut runs = Runs::default();
                cursor = align_part(&file, cursor, text, &mut runs);
                parts.insert((s.id, part), runs);
            }
        }
        SourceMap { parts, index: TextIndex::owning(file) }
    }

    /// The file's text the map points into.
    pub fn text(&self) -> &str {
        self.index.text()
    }

    /// The byte span in the file of a byte span of a section's title or body.
    pub fn span(&self, section: SectionId, part: Part, span: &Range<usize>) -> Option<Range<usize>> {
        let runs = self.parts.get(&(section, part))?;
        let start = runs.start(span.start)?;
        let end = runs.end(span.end)?.max(start);
        Some(start..end)
    }

    /// Lets the file's text go where nothing shows its lines (`check --format
    /// json`): spans and positions stay as they were, and [`SourceMap::text`]
    /// is empty from then on.
    pub fn forget_text(&mut self) {
        self.index.forget_text();
    }

    /// Line, column and character offset of a byte offset in the file.
    pub fn position(&self, byte: usize) -> Position {
        self.index.position(byte)
    }
}

/// Aligns one part starting at `cursor`; returns the cursor after it.
fn align_part(file: &str, mut cursor: usize, text: &str, runs: &mut Runs) -> usize {
    for (line_start, line) in lines_with_offsets(text) {
        if line.trim().is_empty() {
            continue;
        }
        // The paragraph most often opens right after the blank that ends the one before.
        let trimmed = line.trim_start();
        let next = cursor + file.get(cursor..).map_or(0, |f| f.len() - f.trim_start().len());
        let seed_len = trimmed.char_indices().nth(SEED).map_or(trimmed.len(), |(i, _)| i);
        let seed = &trimmed[..seed_len];
        if file.get(next..).is_some_and(|f| f.starts_with(seed) || spaced_out(f, seed)) {
            cursor = next;
        } else if let Some(at) = seek_seed(file, cursor, line) {
            cursor = at;
        }
        let mut i = 0;
        while i < line.len() {
            // As far as the paragraph and the file agree (most of it, most often): one run.
            let same = common_prefix(&line.as_bytes()[i..], file.as_bytes().get(cursor..).unwrap_or(&[]));
            let mut same = same.min(line.len() - i);
            while !line.is_char_boundary(i + same) || !file.is_char_boundary(cursor + same) {
                same -= 1;
            }
            if same > 0 {
                runs.push(line_start + i, cursor, same);
                i += same;
                cursor += same;
                continue;
            }
            // Where they part (a line break the import joined, a space it took out): one character at a time.
            let Some(c) = line[i..].chars().next() else { break };
            // Most often the file has a space or a line break here that the import took out.
            if !c.is_whitespace()
                && let Some(at) = after_spaces(file, cursor, c).or_else(|| find_near(file, cursor, c))
            {
                runs.push(line_start + i, at, c.len_utf8());
                cursor = at + c.len_utf8();
            }
            i += c.len_utf8();
        }
    }
    cursor
}

/// How many bytes two slices share at their start.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    // Eight bytes at a time: the first differing byte is the lowest set byte of the XOR.
    let mut n = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let word = |c: &[u8]| c.iter().rev().fold(0u64, |w, b| (w << 8) | u64::from(*b));
        let diff = word(x) ^ word(y);
        if diff != 0 {
            return n + (diff.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + a[n..].iter().zip(&b[n..]).take_while(|(x, y)| x == y).count()
}

fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split('\n').map(move |l| {
        let at = start;
        start += l.len() + 1;
        (at, l)
    })
}

/// Where a paragraph opens in the file: its first characters as written, looked for ahead.
fn seek_seed(file: &str, cursor: usize, line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let end = trimmed.char_indices().nth(SEED).map_or(trimmed.len(), |(i, _)| i);
    let seed = &trimmed[..end];
    if seed.chars().count() < 2 {
        return None;
    }
    // Near the cursor first: most paragraphs follow right on; the wide window is for what the import took out.
    let mut from = cursor;
    for reach in [2 * 1024, SEEK] {
        let mut limit = (cursor + reach).min(file.len());
        while !file.is_char_boundary(limit) {
            limit -= 1;
        }
        // memchr's SIMD search: a paragraph the import changed is looked for over 64 KB.
        if let Some(at) = memchr::memmem::find(file.get(from..limit)?.as_bytes(), seed.as_bytes()) {
            return Some(from + at);
        }
        // Near the cursor, the seed spaced out (a title set 政 府 工 作 报 告, which the
        // import closed up): found before the search goes further and lands on a later
        // place that has the words unspaced.
        if reach < SEEK
            && let Some(at) = seek_spaced_out(file, from, limit, seed)
        {
            return Some(at);
        }
        // The next window starts where this one could still have held the seed's start.
        from = limit.saturating_sub(seed.len()).max(cursor);
        while !file.is_char_boundary(from) {
            from -= 1;
        }
        if limit == file.len() {
            return None;
        }
    }
    None
}

/// Whether `f` opens with the characters of `seed`, whitespace allowed between them.
fn spaced_out(f: &str, seed: &str) -> bool {
    let mut file = f.chars();
    seed.chars().filter(|c| !c.is_whitespace()).all(|want| file.by_ref().find(|c| !c.is_whitespace()) == Some(want))
}

/// Where `seed` stands spaced out in `file[from..limit]`: its first character
/// found with memchr's search, the rest compared with whitespace skipped.
fn seek_spaced_out(file: &str, from: usize, limit: usize, seed: &str) -> Option<usize> {
    let first = seed.chars().find(|c| !c.is_whitespace())?;
    let mut buf = [0u8; 4];
    let window = file.get(from..limit)?.as_bytes();
    memchr::memmem::find_iter(window, first.encode_utf8(&mut buf).as_bytes())
        .map(|i| from + i)
        .find(|at| spaced_out(&file[*at..], seed))
}

/// Where `c` stands right after fewer than [`SKIP`] whitespace characters at
/// the cursor: what [`find_near`] finds there, without searching.
fn after_spaces(file: &str, cursor: usize, c: char) -> Option<usize> {
    let rest = file.get(cursor..)?;
    let (at, f) = rest.char_indices().take(SKIP).find(|(_, f)| !f.is_whitespace())?;
    (f == c).then_some(cursor + at)
}

/// The next occurrence of `c` within a few characters of the cursor.
fn find_near(file: &str, cursor: usize, c: char) -> Option<usize> {
    // The first occurrence of the character's bytes in the next SKIP characters
    // (at most four bytes each); a UTF-8 sequence matches only where a character starts.
    let rest = file.get(cursor..)?.as_bytes();
    let window = &rest[..rest.len().min(SKIP * 4)];
    let mut buf = [0u8; 4];
    let bytes = c.encode_utf8(&mut buf).as_bytes();
    let at = memchr::memchr_iter(bytes[0], window).find(|i| window[*i..].starts_with(bytes))?;
    let before = window[..at].iter().filter(|b| **b & 0xC0 != 0x80).count();
    (before < SKIP).then_some(cursor + at)
}

/// Line and column (1-based; the column in characters) and the character offset of a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    /// Offset in Unicode scalar values from the start of the file.
    pub char: usize,
}

/// Byte → line, column and character offset in a text, each in O(log n) plus
/// a short count: line starts, a character count every 256 bytes (`BLOCK`),
/// and one bit a byte for the bytes that start a character. The positions
/// need no more than that: the text itself can be let go
/// ([`TextIndex::forget_text`]) where nothing shows its lines, so that a long
/// file is not kept beside the brief made of it.
#[derive(Debug, Clone, Default)]
pub struct TextIndex {
    /// The text, or nothing once it is let go.
    text: String,
    /// The text's length in bytes.
    len: usize,
    line_starts: Vec<usize>,
    /// Characters before each block of BLOCK bytes, and after the last.
    block_chars: Vec<usize>,
    /// Bit `i % 64` of word `i / 64`: byte `i` starts a character.
    starts: Vec<u64>,
}

const BLOCK: usize = 256;

impl TextIndex {
    pub fn new(text: &str) -> TextIndex {
        TextIndex::owning(text.to_string())
    }

    /// An index that keeps `text` itself.
    pub fn owning(text: String) -> TextIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut block_chars = Vec::with_capacity(text.len() / BLOCK + 2);
        let mut starts = Vec::with_capacity(text.len().div_ceil(64));
        let mut chars = 0;
        for (i, word) in text.as_bytes().chunks(64).enumerate() {
            if i % (BLOCK / 64) == 0 {
                block_chars.push(chars);
            }
            // Every byte that does not continue a UTF-8 sequence starts a character.
            let bits = word.iter().enumerate().fold(0u64, |m, (k, b)| m | u64::from(b & 0xC0 != 0x80) << k);
            chars += bits.count_ones() as usize;
            starts.push(bits);
        }
        if text.len().is_multiple_of(BLOCK) {
            block_chars.push(chars);
        }
        TextIndex { len: text.len(), text, line_starts, block_chars, starts }
    }

    /// The character offset of a byte offset (clamped to the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let block = byte / BLOCK;
        let Some(&before) = self.block_chars.get(block) else {
            return 0;
        };
        let (first, last) = (block * BLOCK / 64, byte / 64);
        let whole: usize = self.starts[first..last].iter().map(|w| w.count_ones() as usize).sum();
        let part = match self.starts.get(last) {
            Some(w) if !byte.is_multiple_of(64) => (w & ((1u64 << (byte % 64)) - 1)).count_ones() as usize,
            _ => 0,
        };
        before + whole + part
    }

    pub fn position(&self, byte: usize) -> Position {
        let line = self.line_starts.partition_point(|&s| s <= byte).max(1);
        let start = self.line_starts[line - 1];
        let char = self.char_offset(byte);
        Position { line, column: char - self.char_offset(start) + 1, char }
    }

    /// The text, or an empty one once it is let go.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Lets the text go; positions stay as they were.
    pub fn forget_text(&mut self) {
        self.text = String::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn brief(parts: &[(&str, &str)]) -> Brief {
        let mut b = Brief::default();
        for (title, body) in parts {
            let s = b.new_section(Role::Custom, *title, *body);
            b.sections.push(s);
        }
        b
    }

    #[test]
    fn bodies_map_back_through_joined_wraps_and_escapes() {
        let file = "一、基本情况\n全市共帮扶困难\n职工1450户。\n\n二、主要做法\n投入资金(zī)200万元。";
        let b = brief(&[("一、基本情况", "全市共帮扶困难职工1450户。"), ("二、主要做法", "投入资金200万元。")]);
        let map = SourceMap::align(file, &b);
        let (one, two) = (b.sections[0].id, b.sections[1].id);
        let body = &b.sections[0].body;
        let at = body.find("1450户").unwrap();
        let span = map.span(one, Part::Body, &(at..at + "1450户".len())).unwrap();
        assert_eq!(&file[span.clone()], "1450户");
        assert_eq!(map.position(span.start).line, 3);
        let body = &b.sections[1].body;
        let at = body.find("200万元").unwrap();
        let span = map.span(two, Part::Body, &(at..at + "200万元".len())).unwrap();
        assert_eq!(&file[span], "200万元");
        // A span across the dropped annotation covers it in the file.
        let span = map.span(two, Part::Body, &(0..body.find("万").unwrap())).unwrap();
        assert_eq!(&file[span], "投入资金(zī)200");
    }

    #[test]
    fn a_spaced_out_title_is_placed_where_it_stands_not_at_a_later_copy() {
        // The import closes up 政 府 工 作 报 告; the same title unspaced stands
        // further on (a second report in one file): the first must not land there.
        let first =
            format!("政 府 工 作 报 告\n\n各位代表：\n过去一年，全区新增就业1310人。\n{}", "其他内容。".repeat(40));
        let file = format!("{first}\n政府工作报告\n\n各位代表：\n今年新增就业1500人。\n");
        let b = brief(&[
            ("政府工作报告", "各位代表：\n过去一年，全区新增就业1310人。"),
            ("政府工作报告", "各位代表：\n今年新增就业1500人。"),
        ]);
        let map = SourceMap::align(&file, &b);
        let body = &b.sections[0].body;
        let at = body.find("1310人").unwrap();
        let span = map.span(b.sections[0].id, Part::Body, &(at..at + "1310人".len())).unwrap();
        assert_eq!(&file[span.clone()], "1310人");
        assert_eq!(map.position(span.start).line, 4);
        let title = map.span(b.sections[0].id, Part::Title, &(0.."政府".len())).unwrap();
        assert_eq!(map.position(title.start).line, 1);
        let body = &b.sections[1].body;
        let at = body.find("1500人").unwrap();
        let span = map.span(b.sections[1].id, Part::Body, &(at..at + "1500人".len())).unwrap();
        assert_eq!(&file[span], "1500人");
    }

    #[test]
    fn ron_escapes_are_skipped() {
        let b = brief(&[("标题", "第一段\n第二段有\"引号\"和200户")]);
        let file = crate::store::to_ron(&b).unwrap();
        let map = SourceMap::align(&file, &b);
        let body = &b.sections[0].body;
        let at = body.find("200户").unwrap();
        let span = map.span(b.sections[0].id, Part::Body, &(at..at + "200户".len())).unwrap();
        assert_eq!(&file[span], "200户");
    }

    #[test]
    fn positions_count_characters() {
        let idx = TextIndex::new("一二三\nabc四五");
        assert_eq!(idx.position(0), Position { line: 1, column: 1, char: 0 });
        let at = "一二三\nabc".len();
        assert_eq!(idx.position(at), Position { line: 2, column: 4, char: 7 });
        let long = "字".repeat(1000);
        let idx = TextIndex::new(&long);
        assert_eq!(idx.position(long.len()).column, 1001);
    }

    /// Positions as a plain count from the start gives them.
    fn plain(text: &str, byte: usize) -> Position {
        let byte = byte.min(text.len());
        let before = &text.as_bytes()[..byte];
        let count = |b: &[u8]| b.iter().filter(|b| **b & 0xC0 != 0x80).count();
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        Position { line, column: count(&before[line_start..]) + 1, char: count(before) }
    }

    #[test]
    fn positions_are_a_plain_count_at_every_byte_with_or_without_the_text() {
        // Lengths around the block and word sizes, mixed widths, line breaks.
        for n in [0, 1, 63, 64, 65, 255, 256, 257, 300, 512, 700] {
            let text: String = "甲a\n乙bc丙😀\n\nd"
                .chars()
                .cycle()
                .scan(0, |len, c| {
                    *len += c.len_utf8();
                    (*len <= n).then_some(c)
                })
                .collect();
            let mut idx = TextIndex::new(&text);
            let at: Vec<Position> = (0..=text.len() + 2).map(|b| idx.position(b)).collect();
            for (b, p) in at.iter().enumerate() {
                assert_eq!(*p, plain(&text, b), "{n} bytes, at {b}");
            }
            idx.forget_text();
            assert_eq!(idx.text(), "");
            for (b, p) in at.iter().enumerate() {
                assert_eq!(idx.position(b), *p, "{n} bytes, at {b}, text let go");
            }
        }
    }
}
