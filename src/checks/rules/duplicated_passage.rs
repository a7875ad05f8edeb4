//! BD111: a passage that stands twice. Paragraphs and sentences are keyed by
//! a hash of their characters (whitespace ignored), once each: linear in the
//! length of the text. Passages pasted twice with a word or two changed are
//! found by [`near`]. A run of copies of a run of paragraphs is one finding
//! that names both places; a passage that stands many times is one finding
//! with its count. Titles and table rows, and short passages repeated under
//! parallel headings (each town's page of a county profile), are no paste.

mod align;
mod near;

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::super::{Context, Diagnostic, Finding, FixElsewhere, RelatedRole, Rule, RuleDoc};
use super::section_name;
use crate::model::Severity;

pub struct DuplicatedPassage;

static DOC: RuleDoc = RuleDoc {
    id: "BD111",
    name: "duplicated-passage",
    severity: Severity::Error,
    title_zh: "段落或句子重复",
    title_en: "A paragraph or sentence that appears twice",
    what_zh: "找出全文中出现两次以上的段落，以及15个字以上、出现两次以上的句子（忽略空白）。重复的段落报错，重复的句子报警告；连续几段整体重复只报一次，并指出两处位置。标题、表格行，以及在平行标题下（如县情介绍中各乡镇）重复的短句不算重复粘贴。还找出24个字以上、粘贴后只改了一两处的段落或句子：数字或标点写法不同（1.2万名/12000名，全角/半角逗号）的同一段按重复报错；同义词互换（今年/全年、与/和、扶贫车间/帮扶车间）、增删一两个字（建立/建立了、吸纳/共吸纳）或加了连接语（同时，）的报警告，并指出改动之处。数字、年份不同，主体不同（沧川区/临澜区、县总工会/市总工会）或加了否定词的，是另一件事，不算重复。",
    what_en: "Finds paragraphs that appear more than once in the brief, and sentences of 15 or more characters that do (whitespace ignored). A repeated paragraph is an error, a repeated sentence a warning; a run of paragraphs pasted twice is one finding naming both places. Titles, table rows, and short sentences repeated under parallel headings (each town of a county profile) are not counted as pasted. Also finds paragraphs and sentences of 24 or more characters pasted twice with a word or two changed: the same words with figures or punctuation written another way (1.2万名 / 12000名, full- and half-width commas) are an error for a paragraph, as an exact copy is; a swap of words that mean the same (今年/全年, 与/和, 扶贫车间/帮扶车间), a character or two added or dropped (建立/建立了, 吸纳/共吸纳) or an opener (同时，) is a warning that names the change. Other figures or years, another subject (沧川区/临澜区, 县总工会/市总工会) or a negation make another fact, not a copy.",
    why_zh: "整段重复几乎总是粘贴错误，在已刊发的稿件中也屡见不鲜。",
    why_en: "A paragraph that appears twice is almost always a paste error; published pieces show it often.",
    example: "落实任务，人是关键。市总工会推进各区总工会选派干部赴受援地区开展协作工作。\n落实任务，人是关键。市总工会推进各区总工会选派干部赴受援地区开展协作工作。",
    corrected: "落实任务，人是关键。市总工会推进各区总工会选派干部赴受援地区开展协作工作。",
    fix_zh: "删去重复的一处。",
    fix_en: "Delete one of the two.",
};

const MIN_CHARS: usize = 15;

/// A passage's identity with whitespace ignored: (characters, FNV-1a hash of
/// the bytes), computed in one pass over the bytes without allocating.
fn fingerprint(s: &str) -> (usize, u64) {
    let bytes = s.as_bytes();
    // Eight bytes at a time go into one word, and each full word into the hash.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let (mut word, mut filled) = (0u64, 0u32);
    // The spaces skipped, each one character.
    let mut skipped = 0;
    let mut i = 0;
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while i < bytes.len() {
        // Eight bytes at once where none is whitespace or a byte below 0x21, and
        // none is E3 (which may open U+3000): they go into the hash as the loop
        // below would put them, byte by byte.
        if let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            let x = u64::from_le_bytes(chunk);
            let below_21 = x.wrapping_sub(ONES * 0x21) & !x & HIGH;
            let e3 = x ^ (ONES * 0xE3);
            let has_e3 = e3.wrapping_sub(ONES) & !e3 & HIGH;
            if below_21 == 0 && has_e3 == 0 {
                if filled == 0 {
                    hash = (hash ^ x).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
                } else {
                    word |= x << (filled * 8);
                    hash = (hash ^ word).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
                    word = x >> (64 - filled * 8);
                }
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        // ASCII whitespace and the ideographic space U+3000 (E3 80 80) do not count.
        if b.is_ascii_whitespace() {
            skipped += 1;
            i += 1;
            continue;
        }
        if b == 0xE3 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x80) {
            skipped += 1;
            i += 3;
            continue;
        }
        word |= u64::from(b) << (filled * 8);
        filled += 1;
        if filled == 8 {
            hash = (hash ^ word).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
            (word, filled) = (0, 0);
        }
        i += 1;
    }
    hash = (hash ^ word ^ u64::from(filled) << 56).wrapping_mul(0x0100_0000_01b3);
    // The characters: all of them (std counts them many bytes at a time) but the spaces skipped.
    (s.chars().count() - skipped, hash)
}

/// The key of a run of passages from theirs: characters added, hashes folded in order.
fn combine(keys: &[(usize, u64)]) -> (usize, u64) {
    keys.iter().fold((0, 0x9e37_79b9_7f4a_7c15), |(n, h), (m, k)| {
        (n + m, (h ^ k).wrapping_mul(0x0100_0000_01b3).rotate_left(31))
    })
}

/// Whether two passages are equal with whitespace ignored (guards against hash collisions).
fn same_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let keep = |c: &char| !c.is_whitespace();
    a.chars().filter(keep).eq(b.chars().filter(keep))
}

fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (at, line) in super::super::context::lines(body) {
        if !line.trim().is_empty() {
            out.push(at..at + line.len());
        }
    }
    out
}

/// A line that is a title or a table row, not prose: no sentence punctuation,
/// or cells split by tabs or runs of spaces.
fn is_not_prose(text: &str) -> bool {
    // memchr's SIMD searches: sentence punctuation (，；！？ EF BC 8C/9B/81/9F,
    // 。 E3 80 82, and , ;), then tabs and runs of two spaces.
    let b = text.trim().as_bytes();
    let full_width = memchr::memchr_iter(0xEF, b)
        .any(|i| b.get(i + 1) == Some(&0xBC) && matches!(b.get(i + 2), Some(0x8C | 0x9B | 0x81 | 0x9F)));
    static PERIOD: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("。"));
    let punctuated = full_width || PERIOD.find(b).is_some() || memchr::memchr2(b',', b';', b).is_some();
    // Two pairs of spaces (not overlapping, leftmost first), found with memchr:
    // a searcher for the pair would be built anew for every passage.
    let double_spaces = || {
        let (mut pairs, mut from) = (0, 0);
        for i in memchr::memchr_iter(b' ', b) {
            if i >= from && b.get(i + 1) == Some(&b' ') {
                pairs += 1;
                from = i + 2;
            }
        }
        pairs >= 2
    };
    !punctuated || memchr::memchr_iter(b'\t', b).nth(1).is_some() || double_spaces()
}

/// Whether a line is an item of a numbered list: （1）, (2), 1., ①.
fn is_list_item(text: &str) -> bool {
    let t = text.trim_start();
    let numbered = |rest: &str, close: &[char]| {
        let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        digits.len() < rest.len() && digits.starts_with(close)
    };
    t.strip_prefix(['（', '(']).is_some_and(|r| numbered(r, &['）', ')']))
        || numbered(t, &['.', '．', '、'])
        || t.starts_with(|c: char| ('①'..='⑳').contains(&c))
}

/// One passage: a paragraph or a sentence, where it stands.
#[derive(Clone)]
struct Passage {
    section: usize,
    span: Range<usize>,
    /// Its characters (whitespace not counted) and its hash, from [`fingerprint`].
    key: (usize, u64),
}

/// A short passage under a parallel heading (the same line in each town's
/// page, the same list item under 普通高中 and 中职学校) is no paste.
fn parallel(cx: &Context, a: &Passage, b: &Passage) -> bool {
    let text = &cx.sections[a.section].body[a.span.clone()];
    a.section != b.section && cx.claims.scopes[a.section] != cx.claims.scopes[b.section] && b.key.0 < 40
        || a.section != b.section && is_list_item(text) && b.key.0 < 80
}

impl DuplicatedPassage {
    /// Reports the near copies among passages of one kind (see [`near`]) that
    /// `copies` does not mark as copies already, and marks them. A paragraph
    /// whose words are those of another, figures or marks written another way,
    /// is an error as an exact copy is; a word or two changed, a warning.
    fn near(
        &self,
        cx: &Context,
        passages: &[Passage],
        copies: &mut [bool],
        also_skip: &[bool],
        paragraph: bool,
        out: &mut Vec<Diagnostic>,
    ) {
        let skip: Vec<bool> = copies.iter().zip(also_skip).map(|(a, b)| *a || *b).collect();
        for n in near::find(cx, passages, &skip, |a, b| parallel(cx, a, b)) {
            let (copy, original) = (&passages[n.copy], &passages[n.original]);
            let shown = cx.sections[original.section].body[original.span.clone()].chars().take(20).collect::<String>();
            let exact_words = n.changes.is_empty();
            let finding = Finding::NearDuplicate {
                chars: copy.key.0,
                paragraph,
                other_section: section_name(cx, original.section),
                changes: n.changes,
            };
            let mut d = Diagnostic::new(self, cx.sections[copy.section].id, copy.span.clone(), finding).related(
                cx.sections[original.section].id,
                original.span.clone(),
                RelatedRole::FirstCopy,
                shown,
            );
            if !(paragraph && exact_words) {
                d.severity = Severity::Warning;
            }
            out.push(d);
            copies[n.copy] = true;
        }
    }

    /// Finds the copies among passages of one kind, and reports runs of them.
    fn report(&self, cx: &Context, passages: &[Passage], paragraph: bool, out: &mut Vec<Diagnostic>) -> Vec<bool> {
        let text = |p: &Passage| &cx.sections[p.section].body[p.span.clone()];
        let mut first: HashMap<(usize, u64), usize> = HashMap::default();
        let mut copies: Vec<Option<usize>> = vec![None; passages.len()];
        let mut count: HashMap<usize, usize> = HashMap::default();
        for (i, p) in passages.iter().enumerate() {
            let key = p.key;
            match first.get(&key) {
                Some(&o) if same_text(text(&passages[o]), text(p)) => {
                    if !parallel(cx, &passages[o], p) {
                        copies[i] = Some(o);
                        *count.entry(o).or_insert(1) += 1;
                    }
                }
                Some(_) => {}
                None => {
                    first.insert(key, i);
                }
            }
        }
        // Originals whose copies have been reported: a passage (or a run of them)
        // that stands many times is one finding, at its second place.
        let mut done = vec![false; passages.len()];
        let mut i = 0;
        while i < passages.len() {
            let Some(o) = copies[i].filter(|o| !done[*o]) else {
                i += 1;
                continue;
            };
            let times = count.get(&o).copied().unwrap_or(2);
            // A run: copies of consecutive passages, standing consecutively, across
            // headings too when the original runs across the same number of them
            // (a town's page pasted under another town).
            let mut j = i + 1;
            while j < passages.len()
                && copies[j] == Some(o + (j - i))
                && !done[o + (j - i)]
                && count.get(&(o + (j - i))).copied() == Some(times)
                && (passages[j].section == passages[j - 1].section)
                    == (passages[o + (j - i)].section == passages[o + (j - i) - 1].section)
                && o + (j - i) < i
            {
                j += 1;
            }
            let (start, end) = (&passages[i], &passages[j - 1]);
            let original = &passages[o];
            let last_of_original = &passages[o + (j - i - 1)];
            let chars: usize = (i..j).map(|k| passages[k].key.0).sum();
            let last_section = if end.section != start.section { section_name(cx, end.section) } else { String::new() };
            let finding = Finding::Duplicate {
                chars,
                paragraph,
                other_section: section_name(cx, original.section),
                times,
                passages: j - i,
                last_section,
            };
            // The finding marks the run as far as its first section goes; the rest is named.
            let in_first = (i..j).take_while(|k| passages[*k].section == start.section).last().unwrap_or(i);
            let span = start.span.start..passages[in_first].span.end;
            let original_span = original.span.start..if last_of_original.section == original.section {
                last_of_original.span.end
            } else {
                passages[o + (in_first - i)].span.end
            };
            let mut d = Diagnostic::new(self, cx.sections[start.section].id, span, finding).related(
                cx.sections[original.section].id,
                original_span.clone(),
                RelatedRole::FirstCopy,
                cx.sections[original.section].body[original_span].chars().take(20).collect::<String>(),
            );
            if end.section != start.section {
                let tail = &passages[j - 1];
                d = d.related(
                    cx.sections[tail.section].id,
                    tail.span.clone(),
                    RelatedRole::LastCopied,
                    cx.sections[tail.section].body[tail.span.clone()].chars().take(20).collect::<String>(),
                );
            }
            if !paragraph {
                d.severity = Severity::Warning;
            }
            // Whole paragraphs pasted again within one section: the fix deletes
            // the copy with the line breaks before it (one Enter or several), or,
            // for a copy that opens the body, with the line breaks after it.
            let body = &cx.sections[start.section].body;
            let ends_line = d.span.end == body.len() || body[d.span.end..].starts_with('\n');
            let breaks_before = body[..d.span.start].len() - body[..d.span.start].trim_end_matches('\n').len();
            let breaks_after = body[d.span.end..].len() - body[d.span.end..].trim_start_matches('\n').len();
            let joint = if breaks_before > 0 {
                Some(d.span.start - breaks_before..d.span.start)
            } else if d.span.start == 0 && breaks_after > 0 {
                Some(d.span.end..d.span.end + breaks_after)
            } else {
                None
            };
            if paragraph
                && end.section == start.section
                && ends_line
                && let Some(joint) = joint
            {
                let section = cx.sections[start.section].id;
                d.fixes_elsewhere.push(FixElsewhere { section, span: joint, with: String::new() });
                d = d.fix(String::new());
            }
            out.push(d);
            // A passage that stands many times is reported once, at its second place.
            if times > 2 {
                done[o..o + (j - i)].fill(true);
            }
            i = j;
        }
        copies.iter().map(Option::is_some).collect()
    }
}

impl Rule for DuplicatedPassage {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Each sentence is read once; a paragraph's key is made of its sentences'
        // keys when they make it up exactly (they nearly always do).
        let mut paras = Vec::new();
        let mut sentence_keys: Vec<Vec<(usize, u64)>> = Vec::with_capacity(cx.sections.len());
        for (si, s) in cx.sections.iter().enumerate() {
            let keys: Vec<(usize, u64)> = s.sentences.iter().map(|t| fingerprint(&s.body[t.span.clone()])).collect();
            let mut k = 0;
            for p in paragraphs(s.body) {
                while k < s.sentences.len() && s.sentences[k].span.end <= p.start {
                    k += 1;
                }
                let first = k;
                while k < s.sentences.len() && s.sentences[k].span.end <= p.end + 1 {
                    k += 1;
                }
                let inside = &s.sentences[first..k];
                let exact = inside
                    .first()
                    .is_some_and(|t| s.body.get(p.start..t.span.start).is_some_and(|gap| gap.trim().is_empty()))
                    && inside.last().is_some_and(|t| t.span.end >= p.end)
                    && s.sentences.get(k).is_none_or(|t| t.span.start >= p.end);
                let key = if exact { combine(&keys[first..k]) } else { fingerprint(&s.body[p.clone()]) };
                if key.0 >= MIN_CHARS && !is_not_prose(&s.body[p.clone()]) {
                    paras.push(Passage { section: si, span: p, key });
                }
            }
            sentence_keys.push(keys);
        }
        let mut dup = self.report(cx, &paras, true, out);
        self.near(cx, &paras, &mut dup, &vec![false; paras.len()], true, out);
        // Sentences of a copied paragraph are reported with it. Both lists are in
        // document order, so one pointer walks the copies alongside the sentences.
        let copied: Vec<&Passage> = paras.iter().zip(&dup).filter(|(_, d)| **d).map(|(p, _)| p).collect();
        let mut next = 0;
        let mut sents = Vec::new();
        // Sentences that are all of their paragraph: compared as paragraphs already.
        let mut whole = Vec::new();
        let mut para = 0;
        for (si, s) in cx.sections.iter().enumerate() {
            for (k, sent) in s.sentences.iter().enumerate() {
                while copied.get(next).is_some_and(|p| (p.section, p.span.end) <= (si, sent.span.start)) {
                    next += 1;
                }
                let in_copy = copied.get(next).is_some_and(|p| p.section == si && p.span.contains(&sent.span.start));
                let key = sentence_keys[si][k];
                if in_copy || key.0 < MIN_CHARS {
                    continue;
                }
                if !is_not_prose(&s.body[sent.span.clone()]) {
                    while paras.get(para).is_some_and(|p| (p.section, p.span.end) < (si, sent.span.start)) {
                        para += 1;
                    }
                    let own = paras.get(para).filter(|p| p.section == si && p.span.contains(&sent.span.start));
                    whole.push(own.is_some_and(|p| s.body[p.span.clone()].trim() == s.body[sent.span.clone()].trim()));
                    sents.push(Passage { section: si, span: sent.span.clone(), key });
                }
            }
        }
        // What the paragraphs needed is let go before the sentences are compared
        // (the rule's peak of memory on a long text is in that comparison).
        drop(copied);
        drop((sentence_keys, paras, dup));
        let mut sent_dup = self.report(cx, &sents, false, out);
        self.near(cx, &sents, &mut sent_dup, &whole, false, out);
    }
}

#[cfg(test)]
mod fingerprint_tests {
    use super::fingerprint;

    /// The fingerprint byte by byte, as the fast path must give it.
    fn reference(s: &str) -> (usize, u64) {
        let bytes = s.as_bytes();
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let (mut word, mut filled, mut n, mut i) = (0u64, 0u32, 0, 0);
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if bytes[i..].starts_with(&[0xE3, 0x80, 0x80]) {
                i += 3;
                continue;
            }
            n += usize::from(b & 0xC0 != 0x80);
            word |= u64::from(b) << (filled * 8);
            filled += 1;
            if filled == 8 {
                hash = (hash ^ word).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
                (word, filled) = (0, 0);
            }
            i += 1;
        }
        (n, (hash ^ word ^ u64::from(filled) << 56).wrapping_mul(0x0100_0000_01b3))
    }

    #[test]
    fn the_fast_path_hashes_as_byte_by_byte() {
        let pieces = [
            "全市",
            "共帮扶",
            " ",
            "\n",
            "\u{3000}",
            "1450户",
            "。",
            "、",
            "abc",
            "\t",
            "\u{1}",
            "《扶贫》",
            "ü",
            "\u{2000}",
            "\u{3000}\u{3000}",
        ];
        // Every triple of pieces, in two arrangements and inside a sentence, so that spaces fall at every offset of a chunk.
        let mut texts: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}{a}{c}{b}"));
                    texts.push(format!("市总工会投入{a}资金{b}{c}万元，带动{a}贫困户{c}增收"));
                }
            }
        }
        for t in &texts {
            assert_eq!(fingerprint(t), reference(t), "{t:?}");
        }
        assert_eq!(fingerprint("产 业 扶 贫").0, 4);
        assert_eq!(fingerprint("产业扶贫"), fingerprint("产 业\n扶\u{3000}贫"));
    }

    #[test]
    fn pairs_of_spaces_count_as_a_pair_searcher_counts_them() {
        // Table rows split by runs of spaces, in every mix of one to five spaces.
        let runs = [" ", "  ", "   ", "    ", "     "];
        for a in runs {
            for b in runs {
                for c in ["", " ", "  "] {
                    let row = format!("{c}项目{a}资金，万元{b}户数{c}");
                    let pairs = memchr::memmem::find_iter(row.trim().as_bytes(), b"  ").count();
                    assert_eq!(super::is_not_prose(&row), pairs >= 2, "{row:?}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn fires_on_repeats() {
        let d = run_text(
            "落实任务，人是关键。市总工会推进各区选派干部赴受援地区开展协作。\n其他内容。\n落实任务，人是关键。市总工会推进各区选派干部赴受援地区开展协作。",
        );
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD111").collect();
        assert_eq!(d.len(), 1, "one paragraph, not its sentences again: {d:?}");
        assert_eq!(
            fired(
                "全市各级工会把强化技能培训作为关键一招。另一段。\n再说一遍。全市各级工会把强化技能培训作为关键一招。",
                "BD111"
            ),
            1
        );
    }

    fn markdown(md: &str) -> Vec<crate::checks::Diagnostic> {
        let brief = crate::format::markdown::from_markdown(md).expect("markdown");
        crate::checks::check(&brief, &crate::checks::Env::default()).into_iter().filter(|d| d.rule == "BD111").collect()
    }

    #[test]
    fn a_page_pasted_under_another_heading_is_one_finding_naming_both_places() {
        let page = "### 1.农业资源\n\n本镇农业资源丰富，种植业基础牢固，现有农业合作社一百余个，水稻产业已形成规模，镇内有省级现代农业示范区一处。\n\n\
                    ### 2.林业资源\n\n本镇林业资源分布广泛，东部两村林地面积占比较大，天然林和人工林各占一半左右，森林覆盖率逐年提高。\n\n";
        let md = format!("# 镇情\n\n## 甲镇\n\n{page}## 乙镇\n\n{page}");
        let d = markdown(&md);
        assert_eq!(d.len(), 1, "{d:?}");
        let msg = d[0].message(crate::checks::Lang::Zh);
        // The draft's own numbers (1. under an unnumbered town) stay as written.
        assert!(msg.contains("2段") && msg.contains("甲镇 › 1.农业资源"), "{msg}");
        assert_eq!(d[0].related.len(), 2, "the first copy and the end of the run");
    }

    #[test]
    fn a_block_pasted_three_times_is_one_finding_with_its_count() {
        let block = "本镇农业资源丰富，种植业基础牢固，现有农业合作社一百余个。\n\n\
                     本镇林业资源分布广泛，森林覆盖率逐年提高，天然林保护成效明显。\n\n\
                     本镇水资源充沛，境内河流三条，水库两座，灌溉条件较好。\n\n";
        let md = format!("# 镇情\n\n{block}{block}{block}");
        let d = markdown(&md);
        assert_eq!(d.len(), 1, "one finding for the block, none for its sentences: {d:?}");
        assert!(
            matches!(d[0].finding, crate::checks::Finding::Duplicate { times: 3, passages: 3, .. }),
            "{:?}",
            d[0].finding
        );
    }

    #[test]
    fn list_items_repeated_under_parallel_headings_are_no_paste() {
        let items = "（1）扶贫专项助学金，标准为每生每年1000元；\n\n（2）免教科书费，标准为每生每年400元。\n\n";
        let md = format!("# 资助政策\n\n## 普通高中\n\n{items}## 中职学校\n\n{items}");
        assert_eq!(markdown(&md).len(), 0);
    }

    /// BD111's findings on a text: (severity, message).
    fn bd111(text: &str) -> Vec<(crate::model::Severity, String)> {
        run_text(text)
            .into_iter()
            .filter(|d| d.rule == "BD111")
            .map(|d| (d.severity, d.message(crate::checks::Lang::Zh)))
            .collect()
    }

    #[test]
    fn a_paragraph_with_its_figures_or_marks_written_another_way_is_a_copy() {
        use crate::model::Severity;
        let twice = |a: &str, b: &str| bd111(&format!("{a}\n{b}"));
        for (a, b) in [
            (
                "全乡今年新建蔬菜大棚1.5万座，带动种植户人均增收3200元。",
                "全乡今年新建蔬菜大棚15000座，带动种植户人均增收3200元。",
            ),
            (
                "全乡今年新建蔬菜大棚460座，带动种植户人均增收3200元。",
                "全乡今年新建蔬菜大棚460座,带动种植户人均增收3200元.",
            ),
            ("镇里组织专家进村授课28场，培训果农1300人次。", "镇里组织专家进村授课28场，培训果农1,300人次。"),
        ] {
            let d = twice(a, b);
            assert_eq!(d.len(), 1, "{b}: {d:?}");
            assert_eq!(d[0].0, Severity::Error, "{b}");
        }
    }

    #[test]
    fn a_paragraph_with_a_word_or_two_changed_is_a_near_copy() {
        use crate::model::Severity;
        let twice = |a: &str, b: &str| bd111(&format!("{a}\n{b}"));
        for (a, b, shown) in [
            (
                "今年全乡与省农科院合作建成食用菌示范基地2个，带动脱贫户就业180人。",
                "本年全乡同省农科院合作建成食用菌示范基地2个，带动脱贫户就业180人。",
                "“今年”改为“本年”",
            ),
            (
                "县里为贫困户发放小额信贷1.6亿元，支持发展庭院经济和特色种养业。",
                "县里为脱贫户发放了小额信贷1.6亿元，支持发展庭院经济和特色种养业。",
                "多了“了”",
            ),
            (
                "乡里把技能培训作为就业帮扶的抓手，全年培训果农1300人次，人均增收2000元。",
                "此外，乡里把技能培训作为就业帮扶的抓手，全年共培训果农1300人次，人均增收2000元。",
                "多了“此外，”",
            ),
        ] {
            let d = twice(a, b);
            assert_eq!(d.len(), 1, "{b}: {d:?}");
            assert_eq!(d[0].0, Severity::Warning, "{b}");
            assert!(d[0].1.contains(shown), "{}", d[0].1);
        }
        // A sentence repeated in its paragraph with a word added.
        assert_eq!(
            bd111("全镇今年新建冷库6座，新增冷藏能力1.2万吨，服务农户300户。冷库由合作社管理。全镇今年新建了冷库6座，新增冷藏能力1.2万吨，服务农户300户。").len(),
            1
        );
    }

    #[test]
    fn the_same_frame_for_another_fact_is_no_copy() {
        for text in [
            // Another subject with the same figures.
            "东岭乡今年结对帮扶脱贫村12个，选派农技专家36名下村服务。\n西岭乡今年结对帮扶脱贫村12个，选派农技专家36名下村服务。",
            // Another year and other figures.
            "2022年，县总工会组织劳模工匠下乡服务42次，解决技术难题80余个。\n2023年，县总工会组织劳模工匠下乡服务56次，解决技术难题120余个。",
            // Another level of place, and a negation.
            "县总工会今年为困难职工发放救助金86万元，惠及职工家庭420户。\n市总工会今年为困难职工发放救助金86万元，惠及职工家庭420户。",
            "全县农村自来水普及率今年达到全省平均水平，群众满意度明显提高。\n全县农村自来水普及率今年未达到全省平均水平，群众满意度明显提高。",
            // A short formulaic sentence with a word added.
            "村里核查后公示。同时在系统中标识。\n乡里审核后公告。同时在系统中标识确认。",
        ] {
            assert!(bd111(text).is_empty(), "{text}: {:?}", bd111(text));
        }
    }

    #[test]
    fn a_paragraph_pasted_many_times_in_two_wordings_is_not_reported_pair_by_pair() {
        let base = "全乡今年新建蔬菜大棚460座，带动种植户人均增收3200元，吸纳脱贫劳动力就业120人。";
        let mut text = String::new();
        for k in 0..400 {
            // Every other copy adds 了.
            let copy = if k % 2 == 0 { base.replace("新建", "新建了") } else { base.to_string() };
            text.push_str(&copy);
            text.push('\n');
        }
        let d = bd111(&text);
        // Each wording's exact copies are one finding with their count; the two wordings one near copy.
        assert!(d.len() <= 2, "{}", d.len());
        assert!(!d.is_empty());
    }

    #[test]
    fn silent_on_short_or_different_text() {
        assert_eq!(fired("一是加强领导。二是加强领导。", "BD111"), 0);
        assert_eq!(fired("市总工会投入资金用于技能培训。市总工会投入资金用于教育扶贫。", "BD111"), 0);
    }
}
