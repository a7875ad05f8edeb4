//! Near-duplicates (part of BD111): a passage pasted twice with a word or two
//! changed in one copy.
//!
//! Two passages are one passage pasted twice when, read as a reader reads
//! them, they say the same thing in the same words:
//! - figures are compared by what they say, so 1.2万名 and 12000名 are one
//!   figure, and punctuation by what it is, so a full-width comma and a
//!   half-width one are one mark (the copy is then the same passage written
//!   differently: an error for a paragraph, as an exact copy is);
//! - the words may differ by a swap of words that mean the same
//!   ([`SAME_MEANING`]: 今年/全年, 与/和, 扶贫车间/帮扶车间), by a word of one or
//!   two characters added or dropped (建立/建立了, 吸纳/共吸纳), or by an opener
//!   or adverb ([`ADDED_WITHOUT_A_NEW_FACT`]: 同时，…): at most three such
//!   changes, a few characters in all (a warning, which names them).
//!
//! Different facts in the same frame are no paste, and are left alone: other
//! figures or years (2022年…42次 / 2023年…56次), another subject (沧川区 /
//! 临澜区, other words swapped), another place or a negation
//! ([`FACT_CHANGING`]: 县总工会 / 市总工会, 达到 / 未达到).
//!
//! Speed: passages are indexed by their clauses and by their first and last
//! characters ([`NearIndex`]); a passage is compared only with the last few
//! that share such a key and hold the same figures, in a band around the
//! diagonal ([`super::align`]). Linear in the length of the text, however
//! often a passage is repeated.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};

use super::Passage;
use super::align::{Op, align};
use crate::checks::context::merge_sorted;
use crate::checks::lexicon::numerals::{ADDED_WITHOUT_A_NEW_FACT, FACT_CHANGING, SAME_MEANING};
use crate::checks::{Context, SectionView};
use crate::figures::{Figure, is_space};

/// The longest passage compared word by word, in characters: a longer one is
/// only ever an exact copy.
const MAX_CHARS: usize = 3000;

/// The shortest passage taken for a near copy, in characters. Short
/// formulaic sentences recur with a word changed in parallel steps of a
/// procedure (同时在系统中标识 / 同时在系统中标识确认), so a near copy needs a
/// passage long enough that two writers would not word two facts alike by
/// chance. (A shorter passage is still found when it stands twice exactly.)
const MIN_CHARS: usize = 24;

/// A passage that nearly repeats an earlier one.
pub(super) struct Near {
    /// Indexes into the passages.
    pub copy: usize,
    pub original: usize,
    /// What differs, as written in the original and in the copy; empty when
    /// only the form of figures or punctuation does.
    pub changes: Vec<(String, String)>,
}

/// Passages by their keys: for each key, the last few passages that have it.
/// Bounded, so that a passage standing a thousand times is compared with a
/// few of its copies, not with all; a key's passages sit in a small array,
/// so that indexing a passage allocates nothing.
#[derive(Default)]
pub(super) struct NearIndex {
    by_key: FxHashMap<u64, [u32; NearIndex::KEEP]>,
}

impl NearIndex {
    fn with_capacity(keys: usize) -> NearIndex {
        let mut by_key = FxHashMap::default();
        by_key.reserve(keys);
        NearIndex { by_key }
    }

    /// How many passages a key keeps.
    const KEEP: usize = 4;
    /// No passage.
    const NONE: u32 = u32::MAX;

    /// The passages that share a key with `keys`, the latest first, each
    /// once; then `id` is filed under the keys.
    pub fn candidates_then_insert(&mut self, keys: &[u64], id: u32, out: &mut Vec<u32>) {
        out.clear();
        for k in keys {
            let slots = self.by_key.entry(*k).or_insert([Self::NONE; Self::KEEP]);
            for &p in slots.iter().rev() {
                if p != Self::NONE && !out.contains(&p) {
                    out.push(p);
                }
            }
            if slots[Self::KEEP - 1] == id {
                continue;
            }
            // Oldest first: shift one out at the front, the new one in at the back.
            for k in 1..Self::KEEP {
                slots[k - 1] = slots[k];
            }
            slots[Self::KEEP - 1] = id;
        }
    }
}

/// Punctuation of either width.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}')
        || matches!(c, '\u{FF5B}'..='\u{FF65}' | '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '–')
}

/// A mark as what it is: the half-width forms and the full-width ones are one.
fn fold_punct(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '.' => '。',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        ')' => '）',
        '"' | '\'' | '”' | '‘' | '’' => '“',
        c => c,
    }
}

fn hash_bytes(bytes: &[u8], seed: u64) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish() ^ seed
}

/// The byte length of the mark at `i` (a line break, `,` `;`, or a character of three bytes).
fn mark_len(bytes: &[u8], i: usize) -> usize {
    if bytes[i] < 0x80 { 1 } else { 3 }
}

/// The clauses of a section that lie within `span`, in order, as byte ranges
/// of its body. A clause is the text between two marks (the full-width marks
/// and line breaks the section's [`SectionView::wide_marks`] holds, and the
/// half-width , and ;), kept when it has five characters or more (15 bytes);
/// a clause starts at the body's start or right after a mark, so a clause
/// that starts before the span, or ends after it, is none of its clauses.
/// Found from the marks around the span alone, when a passage is indexed:
/// the clauses of a long text are not kept (they were a tenth of a check's
/// memory), and each passage costs its own length.
fn clauses_in(s: &SectionView, span: &Range<usize>, mut each: impl FnMut(Range<usize>)) {
    let bytes = s.body.as_bytes();
    let end = span.end.min(bytes.len());
    // A mark is at most three bytes: one that ends where the span starts stands at most three before it.
    let from = span.start.saturating_sub(3).min(end);
    let first = s.wide_marks.partition_point(|&m| (m as usize) < from);
    let wide = s.wide_marks[first..].iter().map(|&m| m as usize).take_while(|&m| m <= end);
    let ascii = memchr::memchr2_iter(b',', b';', &bytes[from..(end + 1).min(bytes.len())]).map(|i| i + from);
    let mut start = (span.start == 0).then_some(0);
    for m in merge_sorted(wide, ascii).chain([bytes.len()]) {
        let Some(at) = start else {
            // Before the span's first clause: it starts right after a mark, at the span's start or later.
            if m < bytes.len() && m + mark_len(bytes, m) >= span.start {
                start = Some(m + mark_len(bytes, m));
            }
            continue;
        };
        if m < at {
            continue;
        }
        if m > span.end {
            break;
        }
        if m - at >= 15 {
            each(at..m);
        }
        if m >= bytes.len() {
            break;
        }
        start = Some(m + mark_len(bytes, m));
    }
}

/// The keys a near copy shares with its original: the four of its clauses
/// whose hashes are least, and its first and last six characters (18 bytes).
/// A copy with at most three clauses changed keeps the least of the unchanged
/// ones among its four, and so does the original: they share a key however
/// many clauses they have, with few keys to file.
fn clause_keys(s: &SectionView, span: &Range<usize>, out: &mut Vec<u64>) {
    out.clear();
    let bytes = s.body.as_bytes();
    clauses_in(s, span, |c| out.push(hash_bytes(&bytes[c], 0)));
    if out.len() > 4 {
        out.select_nth_unstable(3);
        out.truncate(4);
    }
    let b = s.body[span.clone()].trim().as_bytes();
    if b.len() >= 36 {
        out.push(hash_bytes(&b[..18], 0x5EED));
        out.push(hash_bytes(&b[b.len() - 18..], 0xE4D));
    }
    out.sort_unstable();
    out.dedup();
}

/// The most characters a near copy may change, for the longest passages (two,
/// and one more for each fifteen characters).
const MAX_EDITS: usize = 6;
/// Edits of punctuation allowed beyond those, in the alignment.
const SLACK: usize = 4;

/// The first token of a figure: figures are numbered past the last character.
const FIGURE: u32 = 0x11_0000;

/// A passage read as tokens: characters without spaces, marks folded, and
/// each figure one token that stands for what it says.
struct Tokens {
    toks: Vec<u32>,
    histogram: [u16; 64],
    /// Byte range of each token in its section's body.
    spans: Vec<Range<usize>>,
}

/// Numbers the figures by what they say: 1.2万名 and 12000名 get one number.
#[derive(Default)]
struct FigureIds {
    ids: FxHashMap<(u8, u64, u64, &'static str, u8), u32>,
}

impl FigureIds {
    fn of(&mut self, f: &Figure) -> u32 {
        let key =
            (f.kind as u8, f.value.to_bits(), f.value_max.unwrap_or(f64::NAN).to_bits(), f.unit, f.qualifier as u8);
        let next = FIGURE + self.ids.len() as u32;
        *self.ids.entry(key).or_insert(next)
    }
}

/// The figures of a section inside a span.
fn figures_in<'a>(s: &'a SectionView, span: &Range<usize>) -> &'a [Figure] {
    let from = s.figures.partition_point(|f| f.span.start < span.start);
    let to = s.figures.partition_point(|f| f.span.start < span.end);
    &s.figures[from..to.max(from)]
}

fn tokens(s: &SectionView, span: &Range<usize>, ids: &mut FigureIds) -> Tokens {
    let mut t = Tokens { toks: Vec::new(), histogram: [0; 64], spans: Vec::new() };
    let figs = figures_in(s, span);
    let mut next = 0;
    let mut at = span.start;
    while at < span.end {
        if let Some(f) = figs.get(next).filter(|f| f.span.start <= at) {
            t.toks.push(ids.of(f));
            t.spans.push(f.span.clone());
            at = f.span.end.max(at + 1);
            next += 1;
            continue;
        }
        let Some(c) = s.body[at..].chars().next() else { break };
        let len = c.len_utf8();
        if !is_space(c) {
            t.toks.push(fold_punct(c) as u32);
            t.spans.push(at..at + len);
        }
        at += len;
    }
    t.histogram = histogram(&t.toks);
    t
}

fn is_punct_tok(t: u32) -> bool {
    t < FIGURE && char::from_u32(t).is_some_and(is_punct)
}

/// Whether the tokens spell `word`.
fn spells(toks: &[u32], word: &str) -> bool {
    toks.iter().copied().eq(word.chars().map(u32::from))
}

/// Whether the changed tokens `a[i0..i1]` and `b[j0..j1]`, with up to two
/// tokens of what both share on either side, are two words of one group of
/// [`SAME_MEANING`] (今年/全年: 今 and 全 with 年 after them). Returns the
/// shared tokens taken on the left and on the right.
fn same_meaning(a: &[u32], (i0, i1): (usize, usize), b: &[u32], (j0, j1): (usize, usize)) -> Option<(usize, usize)> {
    for l in 0..=2.min(i0).min(j0) {
        if a[i0 - l..i0] != b[j0 - l..j0] {
            break;
        }
        for r in 0..=2.min(a.len() - i1).min(b.len() - j1) {
            if a[i1..i1 + r] != b[j1..j1 + r] {
                break;
            }
            let (x, y) = (&a[i0 - l..i1 + r], &b[j0 - l..j1 + r]);
            let in_group = |g: &[&str]| g.iter().any(|w| spells(x, w)) && g.iter().any(|w| spells(y, w));
            if SAME_MEANING.iter().any(|g| in_group(g)) {
                return Some((l, r));
            }
        }
    }
    None
}

/// What tells the copy `b` from the original `a` (the parts of both that
/// differ, see [`differing`]), if it is a near copy with at most `budget`
/// characters changed: the changes as written, empty when only the form of
/// figures or marks differs.
fn judge(sa: &SectionView, a: &Tokens, sb: &SectionView, b: &Tokens, budget: usize) -> Option<Vec<(String, String)>> {
    let ops = align(&a.toks, &b.toks, budget + SLACK)?;
    let (mut i, mut j, mut k) = (0, 0, 0);
    let mut changes = Vec::new();
    let mut changed = 0;
    while k < ops.len() {
        if ops[k] == Op::Same {
            (i, j, k) = (i + 1, j + 1, k + 1);
            continue;
        }
        let (i0, j0) = (i, j);
        while k < ops.len() && ops[k] != Op::Same {
            match ops[k] {
                Op::Sub => (i, j) = (i + 1, j + 1),
                Op::Del => i += 1,
                _ => j += 1,
            }
            k += 1;
        }
        let words = |t: &[u32]| -> Vec<u32> { t.iter().copied().filter(|t| !is_punct_tok(*t)).collect() };
        let (del, ins) = (words(&a.toks[i0..i]), words(&b.toks[j0..j]));
        if del.is_empty() && ins.is_empty() {
            continue;
        }
        let fact = |t: &u32| *t >= FIGURE || char::from_u32(*t).is_some_and(|c| FACT_CHANGING.contains(&c));
        if del.iter().chain(&ins).any(fact) {
            return None;
        }
        // The words that changed, with the shared characters that make them words.
        let context = match (del.is_empty(), ins.is_empty()) {
            (true, _) | (_, true) => {
                let side = if del.is_empty() { &ins } else { &del };
                (side.len() <= 2 || ADDED_WITHOUT_A_NEW_FACT.iter().any(|w| spells(side, w))).then_some((0, 0))
            }
            _ => same_meaning(&a.toks, (i0, i), &b.toks, (j0, j)),
        };
        let (l, r) = context?;
        changed += del.len().max(ins.len());
        changes.push((text(sa, a, i0 - l..i + r), text(sb, b, j0 - l..j + r)));
    }
    (changes.len() <= 3 && changed <= budget).then_some(changes)
}

/// Tokens as written.
fn text(s: &SectionView, t: &Tokens, range: Range<usize>) -> String {
    if range.is_empty() {
        String::new()
    } else {
        s.body[t.spans[range.start].start..t.spans[range.end - 1].end].to_string()
    }
}

/// How many tokens of each kind a passage holds, in 64 buckets: two passages
/// within `d` edits of each other differ by at most `2·d` in these counts, so
/// most passages that share a clause and nothing more are told apart before
/// they are aligned.
fn histogram(toks: &[u32]) -> [u16; 64] {
    let mut h = [0u16; 64];
    for t in toks {
        let b = (t.wrapping_mul(0x9E37_79B1) >> 26) as usize;
        h[b] = h[b].saturating_add(1);
    }
    h
}

fn histogram_distance(a: &[u16; 64], b: &[u16; 64]) -> usize {
    a.iter().zip(b).map(|(x, y)| usize::from(x.abs_diff(*y))).sum()
}

/// What a passage's figures say, in order, as one number: two passages that
/// hold the same figures (1.2万名 and 12000名 alike) have the same signature.
fn figure_signature(cx: &Context, p: &Passage) -> u64 {
    let mut h = FxHasher::default();
    for f in figures_in(&cx.sections[p.section], &p.span) {
        h.write_u8(f.kind as u8);
        h.write_u64(f.value.to_bits());
        h.write_u64(f.value_max.unwrap_or(f64::NAN).to_bits());
        h.write(f.unit.as_bytes());
        h.write_u8(f.qualifier as u8);
    }
    h.finish()
}

/// The near copies among `passages`, each paired with the earliest earlier
/// passage it nearly repeats. `skip` marks passages reported already (exact
/// copies); `exempt` says whether a pair is parallel text and no paste.
pub(super) fn find(
    cx: &Context,
    passages: &[Passage],
    skip: &[bool],
    exempt: impl Fn(&Passage, &Passage) -> bool,
) -> Vec<Near> {
    // Sized for a key a passage: it grows where the passages' keys are more (a text
    // with copies in it shares keys, and holds fewer).
    let mut index = NearIndex::with_capacity(passages.len());
    let mut ids = FigureIds::default();
    let (mut ks, mut cands) = (Vec::new(), Vec::new());
    let mut out = Vec::new();
    // Worked out for a passage when it is first compared.
    let mut signatures: Vec<Option<u64>> = vec![None; passages.len()];
    let mut signature = |k: usize| *signatures[k].get_or_insert_with(|| figure_signature(cx, &passages[k]));
    for (i, p) in passages.iter().enumerate() {
        if skip[i] || !(MIN_CHARS..=MAX_CHARS).contains(&p.key.0) {
            continue;
        }
        let s = &cx.sections[p.section];
        clause_keys(s, &p.span, &mut ks);
        index.candidates_then_insert(&ks, i as u32, &mut cands);
        // The latest candidates first; only a few are compared.
        for &o in cands.iter().take(8) {
            let q = &passages[o as usize];
            let qs = &cx.sections[q.section];
            // Cheap tests first: the length, an exact copy (its fingerprint), the figures.
            if q.key.0.abs_diff(p.key.0) > 12 || q.key == p.key || signature(o as usize) != signature(i) || exempt(q, p)
            {
                continue;
            }
            let (ra, rb) = differing(qs, &q.span, s, &p.span);
            let (ta, tb) = (tokens(qs, &ra, &mut ids), tokens(s, &rb, &mut ids));
            if histogram_distance(&ta.histogram, &tb.histogram) > 2 * (MAX_EDITS + SLACK) {
                continue;
            }
            let budget = (2 + p.key.0 / 15).min(MAX_EDITS);
            if let Some(changes) = judge(qs, &ta, s, &tb, budget) {
                out.push(Near { copy: i, original: o as usize, changes });
                break;
            }
        }
    }
    out
}

/// The part of two passages that differs, with a few characters of what they
/// share on either side (what a swap of words needs to be read as one) and
/// widened to whole figures: what both open and close with, byte for byte,
/// needs no reading. The ranges are byte ranges of each section's body.
fn differing(sa: &SectionView, a: &Range<usize>, sb: &SectionView, b: &Range<usize>) -> (Range<usize>, Range<usize>) {
    let (x, y) = (&sa.body.as_bytes()[a.clone()], &sb.body.as_bytes()[b.clone()]);
    let head = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let tail = x[head..].iter().rev().zip(y[head..].iter().rev()).take_while(|(p, q)| p == q).count();
    let widen = |s: &SectionView, span: &Range<usize>, head: usize, tail: usize| -> Range<usize> {
        let body = s.body;
        let mut from = span.start + head;
        let mut to = span.end - tail;
        // Back to a character boundary, then three characters of context.
        while !body.is_char_boundary(from) {
            from -= 1;
        }
        for _ in 0..3 {
            from = body[..from].char_indices().next_back().map_or(span.start, |(k, _)| k).max(span.start);
        }
        while !body.is_char_boundary(to) {
            to += 1;
        }
        for _ in 0..3 {
            to = body[to..].chars().next().map_or(to, |c| to + c.len_utf8()).min(span.end);
        }
        // Whole figures at either end.
        for f in figures_in(s, &(span.start..span.end)) {
            if f.span.start < from && from < f.span.end {
                from = f.span.start;
            }
            if f.span.start < to && to < f.span.end {
                to = f.span.end.min(span.end);
            }
        }
        from..to.max(from)
    };
    (widen(sa, a, head, tail), widen(sb, b, head, tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_keeps_only_its_last_few_passages() {
        let mut index = NearIndex::default();
        let mut out = Vec::new();
        for id in 0..100 {
            index.candidates_then_insert(&[7, 8], id, &mut out);
        }
        index.candidates_then_insert(&[7, 8, 9], 100, &mut out);
        assert_eq!(out, [99, 98, 97, 96]);
    }

    /// The keys of a text as one section's one passage.
    fn keys_of(text: &str) -> Vec<u64> {
        let mut b = crate::model::Brief::default();
        let sec = b.new_section(crate::model::Role::Custom, "正文", text);
        b.sections.push(sec);
        let cx = Context::new(&b, &crate::checks::Env::default());
        let mut out = Vec::new();
        clause_keys(&cx.sections[0], &(0..text.len()), &mut out);
        out
    }

    /// The clauses of a text split the plain way: at every mark, character by character.
    fn plain_clauses(text: &str) -> Vec<&str> {
        text.split(|c: char| {
            c == '\n'
                || c == ','
                || c == ';'
                || (c.len_utf8() == 3 && matches!(c.to_string().as_bytes()[0], 0xE3 | 0xEF))
        })
        .filter(|c| c.len() >= 15)
        .collect()
    }

    #[test]
    fn clauses_are_those_a_plain_split_gives() {
        for text in [
            "今年，县总工会组织劳模工匠下乡服务56次，解决技术难题120余个。",
            "今年,县总工会组织劳模工匠下乡服务56次;解决技术难题120余个\n第二段的文字在这里",
            "（一）贫困人口“脱贫”程序：村民小组提名、核实、公示",
            "",
            "短句。",
        ] {
            let mut b = crate::model::Brief::default();
            let sec = b.new_section(crate::model::Role::Custom, "正文", text);
            b.sections.push(sec);
            let cx = Context::new(&b, &crate::checks::Env::default());
            let mut ours = Vec::new();
            clauses_in(&cx.sections[0], &(0..text.len()), |c| ours.push(&text[c]));
            assert_eq!(ours, plain_clauses(text), "{text}");
        }
    }

    /// The clauses of a whole section as one pass over its marks finds them.
    fn whole_section(s: &SectionView) -> Vec<Range<usize>> {
        let bytes = s.body.as_bytes();
        let marks = merge_sorted(s.wide_marks.iter().map(|&m| m as usize), memchr::memchr2_iter(b',', b';', bytes));
        let (mut out, mut start) = (Vec::new(), 0);
        for m in marks.chain([bytes.len()]) {
            if m < start {
                continue;
            }
            if m - start >= 15 {
                out.push(start..m);
            }
            start = if m < bytes.len() { m + mark_len(bytes, m) } else { m };
        }
        out
    }

    #[test]
    fn the_clauses_of_a_span_are_the_sections_clauses_inside_it() {
        let text = "今年,县总工会组织劳模工匠下乡服务56次;解决技术难题120余个。\n\
                    第二段：全县新建扶贫车间十二个，吸纳贫困劳动力就业三百余人，人均月增收一千二百元\n\
                    （一）贫困人口“脱贫”程序：村民小组提名、核实、公示,再报乡镇审核。末句没有标点的长长文字";
        let mut b = crate::model::Brief::default();
        let sec = b.new_section(crate::model::Role::Custom, "正文", text);
        b.sections.push(sec);
        let cx = Context::new(&b, &crate::checks::Env::default());
        let s = &cx.sections[0];
        let all = whole_section(s);
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &z in &bounds[k..] {
                let mut ours = Vec::new();
                clauses_in(s, &(a..z), |c| ours.push(c));
                let from = all.partition_point(|c| c.start < a);
                let theirs: Vec<Range<usize>> = all[from..].iter().take_while(|c| c.end <= z).cloned().collect();
                assert_eq!(ours, theirs, "span {a}..{z}");
            }
        }
    }

    #[test]
    fn a_copy_with_other_marks_or_a_word_more_shares_a_key() {
        let a = keys_of("今年，县总工会组织劳模工匠下乡服务56次，解决技术难题120余个。");
        let b = keys_of("今年,县总工会组织劳模工匠下乡服务56次,解决技术难题120余个。");
        assert!(a.iter().any(|k| b.contains(k)), "{a:?} {b:?}");
        // A copy with a word added in its only clause shares its opening or its close.
        let a = keys_of("全年共帮扶困难职工家庭1200户");
        let b = keys_of("全年帮扶困难职工家庭1200户");
        assert!(a.iter().any(|k| b.contains(k)), "{a:?} {b:?}");
        // Different passages share none.
        let a = keys_of("县里新建冷库六座，新增冷藏能力一万吨。");
        let b = keys_of("乡里修通公路九条，惠及群众三千余人。");
        assert!(!a.iter().any(|k| b.contains(k)));
    }
}
