//! The scope words of one sentence, read once. Every claim's time, modality,
//! place and standing are read from the words before it in its sentence; a
//! sentence with many figures would search the same text again for each of
//! them. One pass over its bytes finds every scope word of the sentence
//! (through a [`WordSet`], a bitmap of the words' first characters), its marks
//! and its places, and each claim then reads the words that end before it:
//! linear in the length of the sentence plus the number of its claims.
//!
//! Each reading gives what the functions of [`super::scope`] give on the text
//! before the claim (`scope_words_read_as_the_text_before_each_claim` checks
//! that on every figure of the examples and the test fixtures).

use std::sync::LazyLock;

use super::scope::{
    BENEFIT_WORDS, CAPACITY_WORDS, CONDITIONAL_OPENERS, CONDITIONAL_WORDS, FORECAST_WORDS, Modality, PERIODS, Period,
    RELATIVE_YEARS, TARGET_WORDS, Time, compared, past_year_match,
};
use crate::figures::{Figure, WordSet};

/// What a scope word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Target,
    Forecast,
    /// The index of a period word in [`PERIODS`].
    Period(u8),
    /// The index of a word in [`RELATIVE_YEARS`].
    Relative(u8),
    /// 以来
    Since,
    /// 今年以来, 截至目前
    ToDate,
    /// 累计
    Cumulative,
    /// 年均
    AnnualAverage,
    Capacity,
    Benefit,
    Conditional,
}

/// Every scope word, with what it says, in list order.
fn scope_words() -> Vec<(&'static str, Tag)> {
    let mut words = Vec::new();
    let mut add = |ws: &[&'static str], tag: &dyn Fn(usize) -> Tag| {
        for (i, w) in ws.iter().enumerate() {
            words.push((*w, tag(i)));
        }
    };
    add(TARGET_WORDS, &|_| Tag::Target);
    add(FORECAST_WORDS, &|_| Tag::Forecast);
    let periods: Vec<&str> = PERIODS.iter().map(|(w, _, _)| *w).collect();
    add(&periods, &|i| Tag::Period(i as u8));
    let relative: Vec<&str> = RELATIVE_YEARS.iter().map(|(w, _)| *w).collect();
    add(&relative, &|i| Tag::Relative(i as u8));
    add(&["以来"], &|_| Tag::Since);
    add(&["今年以来", "截至目前"], &|_| Tag::ToDate);
    add(&["累计"], &|_| Tag::Cumulative);
    add(&["年均"], &|_| Tag::AnnualAverage);
    add(CAPACITY_WORDS, &|_| Tag::Capacity);
    add(BENEFIT_WORDS, &|_| Tag::Benefit);
    add(CONDITIONAL_WORDS, &|_| Tag::Conditional);
    words
}

/// Every scope word and place character in one set, with what each says: one
/// bit tells a character that starts none of them, nearly every one.
static WORDS: LazyLock<WordSet<Tag>> = LazyLock::new(|| WordSet::with(scope_words()));

/// A character of one to three bytes as one number: its UTF-8 bytes, big-endian.
const fn key(c: char) -> u32 {
    let c = c as u32;
    match c {
        0..0x80 => c,
        0x800..0x10000 => (0xE0 | c >> 12) << 16 | (0x80 | (c >> 6 & 0x3F)) << 8 | (0x80 | (c & 0x3F)),
        _ => panic!("only ASCII and three-byte characters"),
    }
}

const K_COMMA: u32 = key('，');
const K_SEMICOLON: u32 = key('；');
const K_COLON: u32 = key('：');
const K_OPEN: u32 = key('（');
const K_CLOSE: u32 = key('）');

/// A scope word found in the sentence (byte offsets in the section body).
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    tag: Tag,
}

/// The scope words of one sentence, and what its characters say of place and brackets.
pub struct SentenceScope<'a> {
    body: &'a str,
    /// Where the sentence starts in the body.
    start: usize,
    /// Every scope word, by end.
    hits: Vec<Hit>,
    /// The first stretch of past years the sentence names, with the offset by
    /// which the words that say so have been read.
    past: Option<(usize, u8)>,
    /// The five-year plans the sentence names that are no base of comparison:
    /// where the words end, and the time they mean.
    plans: Vec<(usize, Time)>,
    /// The first 到20…年 of the sentence that names a year ahead: where 到 stands, and where the 年 ends.
    ahead: Option<(usize, usize)>,
    /// Where each ， and ； stands.
    separators: Vec<usize>,
    /// Where each colon stands.
    colons: Vec<usize>,
    /// Bracket depth after each bracket: (offset after it, depth).
    brackets: Vec<(usize, i32)>,
    /// The sentence opens with a condition (对, 凡, 按照…).
    conditional_opening: bool,
}

impl<'a> SentenceScope<'a> {
    pub fn new(body: &'a str, span: std::ops::Range<usize>) -> SentenceScope<'a> {
        let text = &body[span.clone()];
        let start = span.start;
        let words = &*WORDS;
        let mut hits: Vec<Hit> = Vec::new();
        let mut separators = Vec::new();
        let mut colons = Vec::new();
        let mut brackets = Vec::new();
        let mut depth = 0;
        // Byte by byte: the characters looked for are ASCII or three bytes long, and
        // a three-byte character is matched as one number, not decoded.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII: the colon and the brackets.
            if b < 0x80 {
                match b {
                    b':' => colons.push(start + i),
                    b'(' => {
                        depth += 1;
                        brackets.push((start + i + 1, depth));
                    }
                    b')' => {
                        depth -= 1;
                        brackets.push((start + i + 1, depth));
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            let len = match b {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            let (Some(&x), Some(&y)) = (bytes.get(i + 1), bytes.get(i + 2)) else { break };
            if len != 3 {
                i += len;
                continue;
            }
            let end = start + i + 3;
            if b == 0xEF {
                // Full-width punctuation.
                match (u32::from(b) << 16) | (u32::from(x) << 8) | u32::from(y) {
                    K_COMMA | K_SEMICOLON => separators.push(start + i),
                    K_COLON => colons.push(start + i),
                    K_OPEN => {
                        depth += 1;
                        brackets.push((end, depth));
                    }
                    K_CLOSE => {
                        depth -= 1;
                        brackets.push((end, depth));
                    }
                    _ => {}
                }
            } else if (0xE4..=0xE9).contains(&b)
                && let Some(c) =
                    char::from_u32(((u32::from(b) & 0x0F) << 12) | ((u32::from(x) & 0x3F) << 6) | (u32::from(y) & 0x3F))
                && words.may_start(c)
            {
                // A common CJK character (every scope word and place character is one) that
                // starts a word of the set: every one that stands here, overlapping or not.
                for (w, tag) in words.starting_with(c) {
                    if bytes[i..].starts_with(w.as_bytes())
                        && (*tag != Tag::Capacity || super::scope::is_capacity_at(text, i, w))
                    {
                        hits.push(Hit { start: start + i, end: start + i + w.len(), tag: *tag });
                    }
                }
            }
            i += 3;
        }
        // By where each ends (a stable sort: words never stand twice in the list, so
        // two hits with one start and end are one).
        hits.sort_by_key(|h| (h.end, h.start));
        let past = past_year_match(text).map(|(at, n)| (start + at, n));
        let plans = if text.contains('十') {
            super::scope::plans(text).into_iter().filter(|(_, _, base)| !base).map(|(e, t, _)| (start + e, t)).collect()
        } else {
            Vec::new()
        };
        let ahead = super::scope::year_ahead(text).map(|(i, end)| (start + i, start + end));
        let opening = text.trim_start();
        let conditional_opening = CONDITIONAL_OPENERS.iter().any(|w| opening.starts_with(w));
        SentenceScope { body, start, hits, past, plans, ahead, separators, colons, brackets, conditional_opening }
    }

    /// The scope words that end by `at`.
    fn before(&self, at: usize) -> &[Hit] {
        &self.hits[..self.hits.partition_point(|h| h.end <= at)]
    }

    /// The time said before byte `at` (see [`super::scope::time_in_clause`]): `dates`
    /// are the sentence's dates, `clause` where the claim's clause starts.
    pub fn time(&self, at: usize, dates: &[&Figure], clause: usize) -> Time {
        let text = &self.body[self.start..at];
        let mut t = super::scope::time_from_dates(text, self.start, dates);
        let mut period = [None; PERIODS.len()];
        let mut relative = [None; RELATIVE_YEARS.len()];
        let (mut since, mut to_date, mut cumulative, mut annual) = (false, false, false, false);
        for h in self.before(at) {
            match h.tag {
                Tag::Period(i) => period[i as usize] = Some(h.start),
                Tag::Relative(i) => relative[i as usize] = Some(h.start),
                Tag::Since => since = true,
                Tag::ToDate => to_date = true,
                Tag::Cumulative if h.start >= clause => cumulative = true,
                Tag::AnnualAverage if h.start >= clause => annual = true,
                _ => {}
            }
        }
        // The last of each word; of several words, the later in the list.
        for (i, (_, a, b)) in PERIODS.iter().enumerate() {
            if let Some(p) = period[i]
                && !compared(text, p - self.start)
            {
                t.period = Period::Months(*a, *b);
            }
        }
        for (i, (_, rel)) in RELATIVE_YEARS.iter().enumerate() {
            if let Some(p) = relative[i]
                && !compared(text, p - self.start)
            {
                t.relative = Some(*rel);
            }
        }
        if since && !matches!(t.period, Period::Since(_)) {
            t.period = Period::Since(None);
        }
        if to_date {
            t.period = Period::ToDate;
        }
        if cumulative && !matches!(t.period, Period::Since(_) | Period::Years(..)) {
            t.period = Period::Since(None);
        }
        if annual {
            t.period = Period::AnnualAverage;
        }
        if let Some((read, n)) = self.past
            && read <= at
        {
            t.period = Period::Past(n);
        }
        if let Some((_, plan)) = self.plans.iter().take_while(|(end, _)| *end <= at).last() {
            t.year = plan.year;
            t.period = plan.period;
        }
        t
    }

    /// The modality said before byte `at` (see [`super::scope::modality_in`]).
    pub fn modality(&self, at: usize) -> Option<Modality> {
        let (mut target, mut forecast) = (None, None);
        for h in self.before(at) {
            match h.tag {
                Tag::Target => target = target.max(Some(h.start)),
                Tag::Forecast => forecast = forecast.max(Some(h.start)),
                _ => {}
            }
        }
        // 到2025年: a year ahead named with 到.
        if let Some((i, year_end)) = self.ahead
            && year_end <= at
        {
            target = target.max(Some(i));
        }
        match (target, forecast) {
            (None, None) => None,
            (Some(a), Some(b)) if b > a => Some(Modality::Forecast),
            (Some(_), _) => Some(Modality::Target),
            (None, Some(_)) => Some(Modality::Forecast),
        }
    }

    /// Whether the claim at byte `at` states a rule rather than a fact (see
    /// [`super::scope::is_standard`]); `after` is the text after the figure.
    pub fn is_standard(&self, at: usize, after: &str) -> bool {
        if after.starts_with('/') || after.starts_with('／') {
            return true;
        }
        // The last clause before the claim, after its last ， or ；.
        let clause = self.separators[..self.separators.partition_point(|s| *s < at)]
            .last()
            .map_or(self.start, |s| s + '，'.len_utf8());
        let (mut benefit, mut conditional) = (false, self.conditional_opening);
        for h in self.before(at) {
            match h.tag {
                Tag::Capacity if h.start >= clause => return true,
                Tag::Benefit => benefit = true,
                Tag::Conditional => conditional = true,
                _ => {}
            }
        }
        conditional && {
            let next = &after[..after.char_indices().nth(8).map_or(after.len(), |(i, _)| i)];
            benefit || BENEFIT_WORDS.iter().any(|w| next.contains(w))
        }
    }

    /// How deep in brackets byte `at` stands.
    pub fn depth(&self, at: usize) -> i32 {
        let n = self.brackets.partition_point(|(end, _)| *end <= at);
        n.checked_sub(1).map_or(0, |i| self.brackets[i].1)
    }

    /// The text before byte `at` from the sentence's start up to its last colon, if any.
    pub fn before_colon(&self, at: usize) -> Option<&'a str> {
        let n = self.colons.partition_point(|c| *c < at);
        let colon = *self.colons[..n].last()?;
        Some(&self.body[self.start..colon])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::claims::scope;

    #[test]
    fn a_key_is_the_characters_bytes() {
        for c in ['，', '：', ':', '（', ')', '国', '村', '镇', 'a'] {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(key(c), bytes.iter().fold(0, |n, b| n << 8 | u32::from(*b)), "{c}");
        }
    }

    #[test]
    fn every_word_of_the_set_starts_with_a_common_cjk_character() {
        // `SentenceScope::new` looks words up only at characters with lead bytes E4 to E9.
        let firsts = scope_words().into_iter().map(|(w, _)| w);
        for w in firsts {
            assert!(w.chars().next().is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{w}");
        }
    }

    #[test]
    fn scope_words_are_found_as_an_overlapping_automaton_finds_them() {
        let words = scope_words();
        let texts: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
        let mut unique = texts.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), texts.len(), "a scope word stands twice in the list");
        let automaton = aho_corasick::AhoCorasick::new(&texts).expect("the scope words build an automaton");
        let mut sentence = String::from("，");
        for (w, _) in &words {
            sentence.push_str(w);
            sentence.push('A');
        }
        sentence.push_str("今年以来，第一季度和上半年，截至目前的，以上的，以上，一季度的，");
        for text in [sentence.as_str(), "上半年以来的，今年以来", "国的，县以上，市中央地方"] {
            let scope = SentenceScope::new(text, 0..text.len());
            let mut expected: Vec<(usize, usize, Tag)> = automaton
                .find_overlapping_iter(text)
                .map(|m| (m.start(), m.end(), words[m.pattern().as_usize()].1))
                .collect();
            expected.sort_by_key(|h| (h.1, h.0));
            let found: Vec<(usize, usize, Tag)> = scope.hits.iter().map(|h| (h.start, h.end, h.tag)).collect();
            assert_eq!(found, expected, "{text}");
        }
    }

    /// Every reading of a sentence scope against the functions on the text before each figure.
    fn agree(text: &str) {
        let figures = crate::figures::extract(text);
        let ends: Vec<usize> =
            text.match_indices(['。', '！', '？', '\n']).map(|(i, m)| i + m.len()).chain([text.len()]).collect();
        let mut from = 0;
        for end in ends {
            if end <= from {
                continue;
            }
            let sentence = SentenceScope::new(text, from..end);
            let dates: Vec<&Figure> = figures
                .iter()
                .filter(|f| f.kind == crate::figures::Kind::Date && f.span.start >= from && f.span.end <= end)
                .collect();
            for f in figures.iter().filter(|f| f.span.start >= from && f.span.end <= end) {
                let at = f.span.start;
                let before = &text[from..at];
                let after = &text[f.span.end..];
                let clause = before.rfind('，').map_or(0, |i| i + '，'.len_utf8());
                assert_eq!(
                    sentence.time(at, &dates, from + clause),
                    scope::time_in_clause(before, from, &dates, clause),
                    "time before {at} in {before}"
                );
                assert_eq!(sentence.modality(at), scope::modality_in(before), "modality in {before}");
                assert_eq!(sentence.is_standard(at, after), scope::is_standard(before, after), "standard in {before}");
                let depth = before.chars().filter(|c| matches!(c, '（' | '(')).count() as i32
                    - before.chars().filter(|c| matches!(c, '）' | ')')).count() as i32;
                assert_eq!(sentence.depth(at), depth, "depth in {before}");
            }
            from = end;
        }
    }

    #[test]
    fn scope_words_read_as_the_text_before_each_claim() {
        for path in ["examples/feature.md", "tests/fixtures/planted.md", "tests/fixtures/planted-fixed.md"] {
            let text =
                std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect(path);
            agree(&text);
        }
        // The published texts, where they are beside the repo (as the integration tests find them).
        let real = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
        match std::fs::read_dir(&real) {
            Ok(entries) => {
                for e in entries {
                    let path = e.expect("entry").path();
                    if path.extension().is_some_and(|x| x == "txt") {
                        agree(&std::fs::read_to_string(&path).expect("utf-8"));
                    }
                }
            }
            Err(_) if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) => {
                panic!("CI is set but {} is missing", real.display())
            }
            Err(_) => eprintln!("skipped: {} is absent (a clone without ../shared)", real.display()),
        }
        agree("下一步，力争2021年全市工会系统消费扶贫规模突破1800万元，预计全年可达2000万元。");
        agree("对在主板上市的企业，给予企业500万元奖励；供热价格为28元/平方米。");
        agree("中央财政拟投入社会保障资金2930亿元，地方财政也要加大投入200亿元。");
        agree("过去五年，全县累计投入资金3.2亿元（其中2020年投入8000万元），年均增长12%。");
        agree("柘水县建成扶贫车间37个，市总工会投入资金500万元，县区各投入100万元。");
        agree("今年以来，比上年同期增加200户，截至目前已达1200户；计划到2025年达到3000户。");
    }
}
