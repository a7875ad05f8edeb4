//! The lexicon's lists as the claims' readers look words up in them. The
//! lists stay what they are (slices of words, in the files beside this one,
//! which say who reads them); the types here answer the same two questions a
//! scan of a slice answers — is this word in the list, does this word end
//! with one of its words — in one step instead of one comparison per word of
//! the list. The readers ask these for every word of every sentence with a
//! figure, and the lists hold up to 130 words each.
//!
//! Each lookup is built once, on first use, from the lists it names; the
//! tests compare every lookup with the scan it stands for.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::claims::{
    FUNCTION_WORDS, GENERIC_METRIC_WORDS, LIGHT_VERBS, MEASURE_ENDINGS, METRIC_STOPS, ORGANISATION_ENDINGS,
    PROJECT_ENDINGS, SCOPE_WORDS, TIME_AND_MODALITY_WORDS,
};

/// Whole words of one or more lists, hashed: `contains(w)` is
/// `lists.iter().any(|l| l.contains(&w))`.
pub struct WordLookup {
    words: FxHashSet<&'static str>,
}

impl WordLookup {
    pub fn new(lists: &[&[&'static str]]) -> WordLookup {
        WordLookup { words: lists.iter().flat_map(|l| l.iter().copied()).collect() }
    }

    /// Whether `w` is a word of the lists.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.words.contains(w)
    }
}

/// Endings of names of one or more lists, grouped by their last character:
/// `ends(t)` is `lists.iter().flatten().any(|e| t.ends_with(e))`, but only
/// the endings that share `t`'s last character are compared (most words'
/// last character ends none).
pub struct EndingLookup {
    by_last: FxHashMap<char, Vec<&'static str>>,
}

impl EndingLookup {
    pub fn new(lists: &[&[&'static str]]) -> EndingLookup {
        let mut by_last: FxHashMap<char, Vec<&'static str>> = FxHashMap::default();
        for e in lists.iter().flat_map(|l| l.iter().copied()) {
            // An empty ending would end every word; the lexicon has none (a test says so).
            if let Some(c) = e.chars().next_back() {
                by_last.entry(c).or_default().push(e);
            }
        }
        EndingLookup { by_last }
    }

    /// Whether `t` ends with one of the endings.
    #[inline]
    pub fn ends(&self, t: &str) -> bool {
        t.chars()
            .next_back()
            .and_then(|c| self.by_last.get(&c))
            .is_some_and(|endings| endings.iter().any(|e| t.ends_with(e)))
    }
}

/// Words that name nothing a metric keeps: words of grammar, scope, light
/// verbs, time and modality (`claims::reading::is_frame_word`).
pub static FRAME_WORDS: LazyLock<WordLookup> =
    LazyLock::new(|| WordLookup::new(&[FUNCTION_WORDS, SCOPE_WORDS, LIGHT_VERBS, TIME_AND_MODALITY_WORDS]));

/// [`GENERIC_METRIC_WORDS`], whole.
pub static GENERIC_METRIC: LazyLock<WordLookup> = LazyLock::new(|| WordLookup::new(&[GENERIC_METRIC_WORDS]));

/// [`METRIC_STOPS`], whole.
pub static METRIC_STOP: LazyLock<WordLookup> = LazyLock::new(|| WordLookup::new(&[METRIC_STOPS]));

/// [`ORGANISATION_ENDINGS`] and [`PROJECT_ENDINGS`] as whole words: a bare kind
/// of thing (学校, 项目).
pub static KIND_OF_THING: LazyLock<WordLookup> =
    LazyLock::new(|| WordLookup::new(&[ORGANISATION_ENDINGS, PROJECT_ENDINGS]));

/// [`ORGANISATION_ENDINGS`] as endings.
pub static ORGANISATION_ENDING: LazyLock<EndingLookup> = LazyLock::new(|| EndingLookup::new(&[ORGANISATION_ENDINGS]));

/// [`PROJECT_ENDINGS`] as endings.
pub static PROJECT_ENDING: LazyLock<EndingLookup> = LazyLock::new(|| EndingLookup::new(&[PROJECT_ENDINGS]));

/// [`ORGANISATION_ENDINGS`] or [`PROJECT_ENDINGS`] as endings: the end of the name of a thing.
pub static NAME_ENDING: LazyLock<EndingLookup> =
    LazyLock::new(|| EndingLookup::new(&[ORGANISATION_ENDINGS, PROJECT_ENDINGS]));

/// [`MEASURE_ENDINGS`] as endings.
pub static MEASURE_ENDING: LazyLock<EndingLookup> = LazyLock::new(|| EndingLookup::new(&[MEASURE_ENDINGS]));

#[cfg(test)]
mod tests {
    use super::*;

    /// Words to try: every word of the lists, each with a character before it
    /// and cut short, and words of none.
    fn trials() -> Vec<String> {
        let lists = [
            FUNCTION_WORDS,
            SCOPE_WORDS,
            LIGHT_VERBS,
            TIME_AND_MODALITY_WORDS,
            GENERIC_METRIC_WORDS,
            METRIC_STOPS,
            ORGANISATION_ENDINGS,
            PROJECT_ENDINGS,
            MEASURE_ENDINGS,
        ];
        let mut out: Vec<String> =
            vec![String::new(), "脱贫".into(), "a".into(), "县总工会".into(), "产业园项目".into()];
        for w in lists.iter().flat_map(|l| l.iter()) {
            out.push(w.to_string());
            out.push(format!("柘岭{w}"));
            out.push(format!("{w}们"));
            let mut cut = w.chars();
            cut.next_back();
            out.push(cut.as_str().to_string());
        }
        out
    }

    #[test]
    fn every_lookup_answers_as_a_scan_of_its_lists() {
        let whole: [(&WordLookup, &[&[&str]]); 4] = [
            (&FRAME_WORDS, &[FUNCTION_WORDS, SCOPE_WORDS, LIGHT_VERBS, TIME_AND_MODALITY_WORDS]),
            (&GENERIC_METRIC, &[GENERIC_METRIC_WORDS]),
            (&METRIC_STOP, &[METRIC_STOPS]),
            (&KIND_OF_THING, &[ORGANISATION_ENDINGS, PROJECT_ENDINGS]),
        ];
        let endings: [(&EndingLookup, &[&[&str]]); 4] = [
            (&ORGANISATION_ENDING, &[ORGANISATION_ENDINGS]),
            (&PROJECT_ENDING, &[PROJECT_ENDINGS]),
            (&NAME_ENDING, &[ORGANISATION_ENDINGS, PROJECT_ENDINGS]),
            (&MEASURE_ENDING, &[MEASURE_ENDINGS]),
        ];
        for t in trials() {
            for (lookup, lists) in &whole {
                assert_eq!(lookup.contains(&t), lists.iter().any(|l| l.contains(&t.as_str())), "{t}");
            }
            for (lookup, lists) in &endings {
                assert_eq!(lookup.ends(&t), lists.iter().flat_map(|l| l.iter()).any(|e| t.ends_with(e)), "{t}");
            }
        }
    }

    #[test]
    fn no_ending_is_empty() {
        for e in ORGANISATION_ENDINGS.iter().chain(PROJECT_ENDINGS).chain(MEASURE_ENDINGS) {
            assert!(!e.is_empty());
        }
    }

    #[test]
    fn lookups_read_as_their_lists() {
        assert!(FRAME_WORDS.contains("的") && !FRAME_WORDS.contains("脱贫"));
        assert!(NAME_ENDING.ends("县总工会") && NAME_ENDING.ends("冷链物流园项目") && !NAME_ENDING.ends("增收"));
        assert!(MEASURE_ENDING.ends("销售额") && !MEASURE_ENDING.ends("销售"));
    }
}
