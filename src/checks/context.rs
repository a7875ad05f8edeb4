//! What every rule reads: the brief's sections with their figures and sentences.

use std::ops::Range;

use chrono::NaiveDate;

use super::Env;
use super::claims::Claims;
use crate::figures::{Figure, Qualifier, extract};
use crate::model::{Brief, Role, SectionId};

/// A sentence of a section body: a byte range ending at 。！？； or a line break.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Indexes into the section's figures.
    pub figures: Range<usize>,
}

/// One section as the rules see it.
#[derive(Debug)]
pub struct SectionView<'a> {
    pub id: SectionId,
    pub role: &'a Role,
    pub title: &'a str,
    pub body: &'a str,
    pub depth: usize,
    /// The heading number the section is exported with (一、), or empty.
    pub number: String,
    /// The heading number as written in the draft it came from, if any.
    pub written_number: Option<&'a str>,
    pub figures: Vec<Figure>,
    pub sentences: Vec<Sentence>,
    /// Where each line break and each byte E3 or EF stands (the lead bytes of
    /// 。、 and of ，：；（）！？): found once, read by the sentence and clause splitters.
    /// 32 bits each (a brief holds at most [`crate::model::MAX_CHARS`] characters):
    /// a long text has one every few characters.
    pub wide_marks: Vec<u32>,
}

impl SectionView<'_> {
    pub fn text(&self, f: &Figure) -> &str {
        &self.body[f.span.clone()]
    }

    /// The sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<&Sentence> {
        // The sentences are in order and do not overlap: a binary search.
        let i = self.sentences.partition_point(|s| s.span.end.max(s.span.start + 1) <= at);
        self.sentences.get(i).filter(|s| s.span.start <= at)
    }

    pub fn sentence_figures(&self, s: &Sentence) -> &[Figure] {
        &self.figures[s.figures.clone()]
    }
}

/// Everything the rules read, computed once per check.
#[derive(Debug)]
pub struct Context<'a> {
    pub brief: &'a Brief,
    pub sections: Vec<SectionView<'a>>,
    /// The parent of each section, by index.
    pub parents: Vec<Option<usize>>,
    /// Every figure that counts or measures, with what it measures and how it relates.
    pub claims: Claims,
    /// The brief's report date, else today.
    pub report_date: Option<NaiveDate>,
    /// The date the text gives itself: the brief's date, else the dateline at
    /// its head ([`dateline`]). Never the clock: what is counted from it (days
    /// still to go, years since) is only counted when the text dates itself.
    pub dated: Option<NaiveDate>,
    /// The brief's sources, indexed, from [`Env::sources`].
    pub sources: Vec<std::sync::Arc<crate::sources::SourceIndex>>,
}

/// The dateline at the head of a text: the date a report or a speech gives
/// itself on a line of its own before the body, as published reports carry it
/// under the title: `2021年2月5日在阜平县第十七届人民代表大会第五次会议上`,
/// `——2020年1月11日在…`, `（2023年1月13日）`. Read from the first lines of the
/// first sections with text: a line that opens with a full date (after ——, （
/// or spaces) and then ends, or goes on with 在. Left alone: a date that opens
/// a sentence of the body (`2020年2月，省政府正式宣布…`), which a comma follows.
pub fn dateline(sections: &[SectionView]) -> Option<NaiveDate> {
    let head = sections.iter().filter(|s| !s.body.trim().is_empty()).take(2);
    for s in head {
        for (at, line) in lines(s.body).take(12) {
            let lead =
                line.trim_start_matches(|c: char| crate::figures::is_space(c) || matches!(c, '—' | '-' | '（' | '('));
            let from = at + (line.len() - lead.len());
            let Some(f) = s.figures.iter().find(|f| f.span.start == from) else { continue };
            let Some(d) = f.date.as_ref().filter(|d| d.valid && !d.lunar) else { continue };
            let rest = s.body[f.span.end..at + line.len()]
                .trim_matches(|c: char| crate::figures::is_space(c) || matches!(c, '）' | ')'));
            if rest.is_empty() || rest.starts_with('在') {
                return NaiveDate::from_ymd_opt(d.year?, d.month?, d.day?);
            }
        }
    }
    None
}

/// The sentence end that starts at byte `i`, with its length in bytes:
/// 。！？； (E3 80 82, EF BC 81/9F/9B), ! ? ; and line breaks.
fn end_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'!' | b'?' | b';' | b'\n' => Some(1),
        0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => Some(3),
        0xEF if bytes.get(i + 1) == Some(&0xBC) && matches!(bytes.get(i + 2), Some(0x81 | 0x9F | 0x9B)) => Some(3),
        _ => None,
    }
}

/// The byte offsets where a sentence may end, found with memchr's SIMD search:
/// the line breaks and lead bytes E3 and EF, merged with the rare ASCII ! ? ;.
fn memchr_ends<'b>(bytes: &'b [u8], wide_marks: &'b [u32]) -> impl Iterator<Item = usize> + 'b {
    merge_sorted(wide_marks.iter().map(|&m| m as usize), memchr::memchr3_iter(b'!', b'?', b';', bytes))
}

/// The lines of `body` with the byte offset each starts at, as `body.split('\n')`
/// gives them, the line breaks found with memchr's SIMD search.
pub fn lines(body: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', body.as_bytes()).chain([body.len()]).map(move |end| {
        let line = (start, &body[start..end]);
        start = end + 1;
        line
    })
}

/// Two ascending sequences of offsets as one.
pub(super) fn merge_sorted(
    a: impl Iterator<Item = usize>,
    b: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// The most characters one sentence is read as holding. A stretch with no
/// sentence end that runs longer (a text whose full stops were lost in
/// extraction, a list run together) is read as sentences of at most this many
/// characters, each cut after the last clause mark (，、：, and the ASCII , :) of
/// its second half where it has one, else at the limit. Published sentences are
/// shorter: the longest of the 35 texts of the corpus, a work report's 指导思想,
/// has 434 characters.
pub const MAX_SENTENCE_CHARS: usize = 512;

/// The most characters a sentence runs with no clause mark. Past that, the run is
/// no clause of prose (a table row run together, a word repeated, 百分之百分之…)
/// and the sentence is cut: before the run where a clause mark opens it, else at
/// the limit. The longest clause of the corpus has 87 characters (a chain of
/// steps joined by →).
pub const MAX_CLAUSE_CHARS: usize = 128;

/// Whether `c` ends a clause for [`sentence_cuts`].
fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '、' | '：' | ',' | ':')
}

/// Where a stretch `start..end` of `body` with no sentence end is cut into
/// sentences within [`MAX_SENTENCE_CHARS`] and [`MAX_CLAUSE_CHARS`]: the end of
/// each piece, in order, the last one `end`. Never inside a figure (`figures`
/// are the section's, sorted): a figure the cut would split goes whole into the
/// piece it starts in, or, when it opens the piece, ends it. Linear: each
/// character is read at most twice.
fn sentence_cuts(body: &str, start: usize, end: usize, figures: &[Figure]) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut piece = start;
    while piece < end {
        // The end of the last clause mark read, and where the second half begins.
        let (mut mark_end, mut half) = (piece, end);
        let (mut chars, mut run) = (0, 0);
        let mut cut = end;
        for (i, c) in body[piece..end].char_indices() {
            let at = piece + i;
            if chars == MAX_SENTENCE_CHARS {
                cut = if mark_end > half { mark_end } else { at };
                break;
            }
            if run == MAX_CLAUSE_CHARS {
                cut = if mark_end > piece { mark_end } else { at };
                break;
            }
            if chars == MAX_SENTENCE_CHARS / 2 {
                half = at;
            }
            chars += 1;
            run += 1;
            if is_clause_mark(c) {
                mark_end = at + c.len_utf8();
                run = 0;
            }
        }
        if cut < end {
            let k = figures.partition_point(|f| f.span.end <= cut);
            if let Some(f) = figures.get(k).filter(|f| f.span.start < cut) {
                cut = if f.span.start > piece { f.span.start } else { f.span.end.min(end) };
            }
        }
        cuts.push(cut);
        piece = cut;
    }
    cuts
}

fn sentences(body: &str, figures: &[Figure], wide_marks: &[u32]) -> Vec<Sentence> {
    // A sentence ends at one of the marks (a 。, ！, ？ or line break) out of every few.
    let mut out = Vec::with_capacity(wide_marks.len() / 4);
    let mut start = 0;
    let mut fi = 0;
    // The figure at or after the current position, moved forward as the text is read: linear.
    let mut inside = 0;
    let mut push = |start: usize, end: usize, out: &mut Vec<Sentence>| {
        let first = fi;
        while fi < figures.len() && figures[fi].span.start < end {
            fi += 1;
        }
        if body[start..end].trim().is_empty() {
            return;
        }
        out.push(Sentence { span: start..end, figures: first..fi });
    };
    // A stretch too long for one sentence is read as several (see MAX_SENTENCE_CHARS
    // and MAX_CLAUSE_CHARS).
    let mut push = |start: usize, end: usize, out: &mut Vec<Sentence>| {
        // Fewer bytes than the clause bound: fewer characters too.
        if end - start <= MAX_CLAUSE_CHARS {
            return push(start, end, out);
        }
        let mut at = start;
        for cut in sentence_cuts(body, start, end, figures) {
            push(at, cut, out);
            at = cut;
        }
    };
    // Only the bytes that can end a sentence are looked at: ! ? ; and line
    // breaks, and the lead bytes E3 (。) and EF (！？；).
    let bytes = body.as_bytes();
    for i in memchr_ends(bytes, wide_marks) {
        let Some(len) = end_at(bytes, i) else { continue };
        // A line break inside a figure (a PDF wrap) does not end the sentence.
        if bytes[i] == b'\n' {
            while inside < figures.len() && figures[inside].span.end <= i {
                inside += 1;
            }
            if figures.get(inside).is_some_and(|f| f.span.start <= i) {
                continue;
            }
        }
        let end = i + len;
        push(start, end, &mut out);
        start = end;
    }
    if start < body.len() {
        push(start, body.len(), &mut out);
    }
    out
}

impl<'a> Context<'a> {
    pub fn new(brief: &'a Brief, env: &Env) -> Context<'a> {
        let numbers: std::collections::HashMap<_, _> = brief.heading_numbers().into_iter().collect();
        let view = |(s, depth): (&'a crate::model::Section, usize)| {
            let figures = extract(&s.body);
            // Prose has such a byte every ten to forty: sized so the list rarely grows.
            let mut wide_marks: Vec<u32> = Vec::with_capacity(s.body.len() / 24);
            wide_marks.extend(
                memchr::memchr3_iter(b'\n', 0xE3, 0xEF, s.body.as_bytes())
                    .map(|i| u32::try_from(i).unwrap_or(u32::MAX)),
            );
            wide_marks.shrink_to_fit();
            let sentences = sentences(&s.body, &figures, &wide_marks);
            SectionView {
                id: s.id,
                role: &s.role,
                title: &s.title,
                body: &s.body,
                depth,
                number: numbers.get(&s.id).cloned().unwrap_or_default(),
                written_number: s.written_number.as_deref(),
                figures,
                sentences,
                wide_marks,
            }
        };
        // The sections' figures and sentences, read on two threads for a long text
        // (`SharedOut`): each section's depend on its body alone.
        let walked: Vec<(&crate::model::Section, usize)> = brief.walk().collect();
        let shared = crate::checks::shared_out::SharedOut::of_lengths(walked.iter().map(|(s, _)| s.body.len()));
        let runs = shared.map(|| (), |_, range| walked[range].iter().copied().map(view).collect::<Vec<_>>());
        let mut sections: Vec<SectionView> = Vec::with_capacity(walked.len());
        for run in runs {
            sections.extend(run);
        }
        // Parents from the walk's depths: the last section one level up.
        let mut parents = Vec::with_capacity(sections.len());
        let mut stack: Vec<usize> = Vec::new();
        for (i, s) in sections.iter().enumerate() {
            stack.truncate(s.depth);
            parents.push(stack.last().copied());
            stack.push(i);
        }
        let claims = Claims::build(&sections, &parents, env.words.as_deref(), env.claims.as_deref());
        let dated = brief.meta.date.or_else(|| dateline(&sections));
        Context {
            brief,
            sections,
            parents,
            claims,
            report_date: brief.meta.date.or(env.today),
            dated,
            sources: env.sources.clone(),
        }
    }
}

/// Markers after which a figure has no upper bound (超过3000人, 突破10万户);
/// 余, 多, 几, 数 stay below the next unit of the last digit written that is
/// not zero ([`odd_unit`]: 3000多 is under 4000, 1030多 under 1040).
const OPEN_ABOVE: &[&str] = &["超过", "超", "逾", "突破", "高于", "多于", "大于"];

/// The interval of values a figure allows, given its qualifier and the
/// precision it is written with.
pub fn interval(f: &Figure, text: &str) -> (f64, f64) {
    let v = f.value;
    // A count written out in full (17项, 1450户) is exact; 1.26亿 and 12% are rounded.
    let whole_count = f.kind == crate::figures::Kind::Quantity
        && !text.contains(['.', '．', '万', '亿', '千', '百'])
        && v.fract() == 0.0;
    let half = if whole_count { 0.0 } else { half_ulp(text, v) };
    match f.qualifier {
        Qualifier::Exact => (v - half, v + half),
        Qualifier::Approx => (v * 0.9 - half, v * 1.1 + half),
        Qualifier::Over if OPEN_ABOVE.iter().any(|m| f.marker.starts_with(m)) => (v - half, f64::INFINITY),
        Qualifier::Over => (v - half, v + odd_unit(v)),
        Qualifier::Nearly => (v * 0.8, v + half),
        Qualifier::Under => (v.min(0.0), v + half),
        Qualifier::AtLeast => (v - half, f64::INFINITY),
        Qualifier::AtMost => (0.0, v + half),
        Qualifier::Range => (v - half, f.value_max.unwrap_or(v) + half),
    }
}

/// The values a figure allows ([`interval`]), and whether its upper end is
/// left out: a figure rounded (四舍五入) stands for values up to, not
/// including, the upper end of its rounding.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub lo: f64,
    pub hi: f64,
    pub open_top: bool,
}

impl Bounds {
    pub fn of(f: &Figure, text: &str) -> Bounds {
        let (lo, hi) = interval(f, text);
        Bounds { lo, hi, open_top: f.qualifier == Qualifier::Exact && hi > lo }
    }

    /// Whether two figures can stand for one value: 5.37万 is 53650 to below
    /// 53750, so it cannot be the 5.38万 that starts at 53750, while a count of
    /// 53750 written out is 5.38万.
    pub fn meet(&self, other: &Bounds) -> bool {
        let lo = self.lo.max(other.lo);
        let (hi, open) = if self.hi < other.hi {
            (self.hi, self.open_top)
        } else if other.hi < self.hi {
            (other.hi, other.open_top)
        } else {
            (self.hi, self.open_top || other.open_top)
        };
        lo < hi || (lo == hi && !open)
    }
}

/// The place value of the leading digit: 6000 → 1000.
/// How much 多, 余 or 几 may add to a figure: less than one unit of the place
/// of its last digit that is not zero, the place the odd amount stands below.
///
/// - 30多人 is 31 to 39 (a unit of ten); 1030多亿元 is 1030亿 to 1040亿, not 2000亿;
/// - 300多户 is 301 to 399; 6000余万元 is 6000万 to 7000万; 10余万人 is 10万 to 20万.
///
/// A value with a fraction (0.5多) falls back on its leading place.
pub fn odd_unit(v: f64) -> f64 {
    if v < 1.0 || v.fract() != 0.0 {
        return magnitude(v);
    }
    let mut unit = 1.0;
    while unit * 10.0 <= v && (v / (unit * 10.0)).fract() == 0.0 {
        unit *= 10.0;
    }
    unit
}

pub fn magnitude(v: f64) -> f64 {
    if v <= 0.0 { 1.0 } else { 10f64.powi(v.log10().floor() as i32) }
}

/// Half a unit of the last digit written: 1.26亿 → 0.005亿 = 500000; 3200 → 0.5;
/// 三成 → half a 成, 5 points; 七成六 → 0.5 points.
pub fn half_ulp(text: &str, value: f64) -> f64 {
    // Full-width digits (１５７８１, ６．１３) count as their ASCII forms. The first
    // run of digits and points, borrowed when it is ASCII (nearly always).
    let ascii = |c: char| match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        c => c,
    };
    let is_digit = |c: char| ascii(c).is_ascii_digit();
    let digits: std::borrow::Cow<str> = match text.find(is_digit) {
        None => "".into(),
        Some(a) => {
            let rest = &text[a..];
            // Thousands separators (2,310万元) are no end of the digits.
            let run = &rest[..rest.find(|c: char| !is_digit(c) && ascii(c) != '.' && c != ',').unwrap_or(rest.len())];
            let run = run.trim_end_matches(',');
            if run.is_ascii() && !run.contains(',') {
                run.into()
            } else {
                run.chars().filter(|c| *c != ',').map(ascii).collect::<String>().into()
            }
        }
    };
    if digits.is_empty() && text.contains('成') {
        let tenths =
            text.split('成').nth(1).is_some_and(|t| t.starts_with(|c: char| "一二三四五六七八九半".contains(c)));
        return if tenths { 0.5 } else { 5.0 };
    }
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let written: f64 = digits.parse().unwrap_or(0.0);
    if written == 0.0 || digits.is_empty() {
        return 0.0;
    }
    // The factor 万/亿 folded into the value.
    let factor = value / written;
    0.5 * 10f64.powi(-decimals) * factor
}

#[cfg(test)]
mod tests {
    fn dated(head: &str) -> Option<chrono::NaiveDate> {
        let mut b = crate::model::Brief::default();
        let s = b.new_section(crate::model::Role::Custom, "正文", head);
        b.sections.push(s);
        super::Context::new(&b, &crate::checks::Env::default()).dated
    }

    #[test]
    fn rounded_figures_meet_below_the_upper_end_of_their_rounding() {
        let fig = |t: &str| {
            let f = crate::figures::extract(t).into_iter().next().expect(t);
            (f.clone(), t[f.span.clone()].to_string())
        };
        let meet = |a: &str, b: &str| {
            let ((fa, ta), (fb, tb)) = (fig(a), fig(b));
            super::Bounds::of(&fa, &ta).meet(&super::Bounds::of(&fb, &tb))
        };
        assert!(!meet("5.37万人", "5.38万人"));
        assert!(meet("53750人", "5.38万人"));
        assert!(!meet("53750人", "5.37万人"));
        assert!(meet("12563万元", "1.26亿元"));
        assert!(meet("5.4万人", "5.38万人"));
        assert!(meet("约5万人", "5.38万人"));
        assert!(meet("41个", "41个"));
        assert!(!meet("39个", "41个"));
    }

    #[test]
    fn an_odd_amount_stays_below_the_next_unit_of_its_last_digit() {
        let bounds = |t: &str| {
            let f = crate::figures::extract(t).into_iter().next().expect(t);
            super::interval(&f, &t[f.span.clone()])
        };
        assert_eq!(bounds("1030多亿元").1, 1040e8);
        assert_eq!(bounds("260余名").1, 270.0);
        assert_eq!(bounds("6000余万元").1, 7000e4);
        assert_eq!(bounds("10余万人").1, 20e4);
        // Look-alike: a figure with no nonzero digit past its first keeps its leading place.
        assert_eq!(bounds("3000多人").1, 4000.0);
        // Open above: 超过 has no upper bound.
        assert_eq!(bounds("超过1030亿元").1, f64::INFINITY);
    }

    #[test]
    fn a_text_is_dated_by_the_dateline_under_its_title() {
        let day = chrono::NaiveDate::from_ymd_opt;
        assert_eq!(
            dated("政府工作报告\n2021年2月5日在阜平县第十七届人民代表大会第五次会议上\n各位代表："),
            day(2021, 2, 5)
        );
        assert_eq!(dated("工作报告\n——2020年1月11日在全县工作会议上的讲话\n同志们："), day(2020, 1, 11));
        assert_eq!(dated("在全县干部大会上的讲话\n（2023年3月6日）\n同志们："), day(2023, 3, 6));
        // A date that opens a sentence of the body, and a month alone, are no dateline.
        assert_eq!(dated("2020年2月3日，省政府正式宣布全县脱贫摘帽。"), None);
        assert_eq!(dated("工作报告\n2021年2月在全县大会上\n各位代表："), None);
    }

    #[test]
    fn lines_are_those_split_gives() {
        for body in ["", "\n", "一\n\n二", "第一段。\n第二段。\n", "\n\n三\n", "a\r\nb"] {
            let mut at = 0;
            let split: Vec<(usize, &str)> = body
                .split('\n')
                .map(|l| {
                    let line = (at, l);
                    at += l.len() + 1;
                    line
                })
                .collect();
            assert_eq!(super::lines(body).collect::<Vec<_>>(), split, "{body:?}");
        }
    }

    fn view_sentences(body: &str) -> (Vec<crate::figures::Figure>, Vec<super::Sentence>) {
        let figures = crate::figures::extract(body);
        let wide: Vec<u32> = memchr::memchr3_iter(b'\n', 0xE3, 0xEF, body.as_bytes()).map(|i| i as u32).collect();
        let sentences = super::sentences(body, &figures, &wide);
        (figures, sentences)
    }

    #[test]
    fn a_stretch_with_no_sentence_end_is_read_as_bounded_sentences() {
        use super::MAX_SENTENCE_CHARS as MAX;
        // A table pasted as one line, a run of one word, and a long run of clauses.
        let table: String = (0..400).map(|i| format!("第{i}村 {}户 {}人 ", 100 + i, 300 + i)).collect();
        let run = "百分之".repeat(2_000);
        let clauses = "全镇新建村级道路12公里，".repeat(300);
        for body in [table.as_str(), run.as_str(), clauses.as_str()] {
            let (figures, sentences) = view_sentences(body);
            assert!(sentences.len() > body.chars().count() / MAX, "{}", sentences.len());
            let mut at = 0;
            for s in &sentences {
                // They tile the text, each within the bound, none splitting a figure.
                assert_eq!(s.span.start, at);
                at = s.span.end;
                let text = &body[s.span.clone()];
                assert!(text.chars().count() <= MAX);
                let longest_run = text.split(super::is_clause_mark).map(|r| r.chars().count()).max();
                assert!(longest_run <= Some(super::MAX_CLAUSE_CHARS + 4), "{text}");
                assert!(!figures.iter().any(|f| f.span.start < s.span.end && s.span.end < f.span.end));
                let inside = &figures[s.figures.clone()];
                assert!(inside.iter().all(|f| s.span.start <= f.span.start && f.span.start < s.span.end));
            }
            assert_eq!(at, body.len());
            assert_eq!(sentences.iter().map(|s| s.figures.len()).sum::<usize>(), figures.len());
        }
        // Clauses are kept whole: each piece of the run of clauses ends after its comma.
        let (_, sentences) = view_sentences(&clauses);
        assert!(sentences.iter().all(|s| clauses[s.span.clone()].ends_with('，')));
        // A long sentence of a published kind (about 430 characters) stays one sentence.
        let long = format!("{}。", "坚持以人民为中心的发展思想，统筹推进各项工作，".repeat(18));
        assert!(long.chars().count() > 400 && long.chars().count() <= MAX);
        assert_eq!(view_sentences(&long).1.len(), 1);
    }

    #[test]
    fn the_sentence_at_a_byte_is_the_one_holding_it() {
        let body = "第一句有3人。第二句有5人！\n\n第三句8户";
        let b = {
            let mut b = crate::model::Brief::default();
            let s = b.new_section(crate::model::Role::Custom, "正文", body);
            b.sections.push(s);
            b
        };
        let cx = super::Context::new(&b, &crate::checks::Env::default());
        let s = &cx.sections[0];
        for at in 0..=body.len() {
            let linear = s.sentences.iter().find(|x| x.span.start <= at && at < x.span.end.max(x.span.start + 1));
            assert_eq!(s.sentence_at(at).map(|x| x.span.clone()), linear.map(|x| x.span.clone()), "{at}");
        }
    }

    #[test]
    fn thousands_separators_are_digits_of_the_rounding() {
        // 2,310万元 is rounded to the 万, as 2310万元 is.
        assert_eq!(super::half_ulp("2,310万元", 23_100_000.0), 5_000.0);
        assert_eq!(super::half_ulp("2310万元", 23_100_000.0), 5_000.0);
        assert_eq!(super::half_ulp("1,260.5万元", 12_605_000.0), 500.0);
    }
}
