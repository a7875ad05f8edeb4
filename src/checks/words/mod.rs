//! Chinese text as words: the segmenter the checks read claims with, and the
//! places of the national list of administrative divisions.
//!
//! Text is cut into words by `jieba-rs`, the Rust port of the standard
//! Chinese segmenter, with a dictionary of our field (`assets/lexicon/field.dict`:
//! aid modes, union and statistical terms, metric names) on top of a trimmed
//! copy of jieba's own (`assets/lexicon/jieba-base.dict`; see the script beside
//! it). The figure engine stays the reader of numbers: a figure's span is one
//! word, [`Pos::Figure`], that the segmenter never sees, so 1.48万余册 is never
//! cut into 1.48 / 万余册.
//!
//! The dictionaries load once per process, on first use; the window calls
//! [`preload`] at start so that its first frame does not wait for them.

pub mod cache;
pub mod places;
mod trie;

use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;

pub use cache::WordCache;
pub use places::{Division, Divisions, Level, divisions};

/// What kind of word a word is, as far as the checks care. Read from jieba's
/// tags, which are a guide and not a grammar: the checks decide by the
/// lexicon's word lists, and use these only to tell content from punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Noun,
    /// A place name as jieba tags it (ns). Places are read from the list of
    /// divisions, not from this tag: jieba tags 新建 (a county) ns too.
    PlaceName,
    PersonName,
    Verb,
    /// A verb used as a noun (服务, 建设: vn).
    VerbNoun,
    Adjective,
    Adverb,
    Preposition,
    Conjunction,
    Particle,
    Pronoun,
    Numeral,
    Measure,
    Time,
    /// A word the dictionary does not know (a name, most often).
    Unknown,
    Punctuation,
    /// A figure found by the figure engine, kept whole.
    Figure,
    Other,
}

/// `char::is_alphanumeric`, with the common CJK ideographs (U+4E00–U+9FFF, all
/// letters) answered first: the standard library looks every character past
/// ASCII up in its tables, and a check asks this of each word of the text.
fn is_letter_or_digit(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_alphanumeric()
}

impl Pos {
    fn of_tag(word: &str, tag: &str) -> Pos {
        if word.chars().all(|c| !is_letter_or_digit(c)) {
            return Pos::Punctuation;
        }
        match tag.as_bytes().first() {
            Some(b'n') if tag == "ns" => Pos::PlaceName,
            Some(b'n') if tag == "nr" => Pos::PersonName,
            Some(b'n') => Pos::Noun,
            Some(b'v') if tag == "vn" => Pos::VerbNoun,
            Some(b'v') => Pos::Verb,
            Some(b'a') => Pos::Adjective,
            Some(b'd') => Pos::Adverb,
            Some(b'p') => Pos::Preposition,
            Some(b'c') => Pos::Conjunction,
            Some(b'u') => Pos::Particle,
            Some(b'r') => Pos::Pronoun,
            Some(b'm') => Pos::Numeral,
            Some(b'q') => Pos::Measure,
            Some(b't') => Pos::Time,
            Some(b'x') | Some(b'e') => Pos::Unknown,
            _ => Pos::Other,
        }
    }

    /// Whether the word carries meaning of its own (a noun, verb, adjective or name).
    pub fn is_content(self) -> bool {
        matches!(
            self,
            Pos::Noun
                | Pos::PlaceName
                | Pos::PersonName
                | Pos::Verb
                | Pos::VerbNoun
                | Pos::Adjective
                | Pos::Unknown
                | Pos::Other
                | Pos::Time
        )
    }
}

/// A word of a text: where it stands (bytes) and what kind it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Range<usize>,
    pub pos: Pos,
}

/// The segmenter with its dictionaries.
pub struct Segmenter {
    jieba: Jieba,
}

pub(super) const BASE_DICT: &str = include_str!("../../../assets/lexicon/jieba-base.dict");
const FIELD_DICT: &str = include_str!("../../../assets/lexicon/field.dict");

static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();

/// How often a division's full name counts as seen, for the segmenter: enough
/// to keep it whole against splits through a common word (县长, 市长).
const PLACE_NAME_FREQUENCY: usize = 1000;

/// The segmenter, loaded on first use (about 70 ms).
pub fn segmenter() -> &'static Segmenter {
    SEGMENTER.get_or_init(Segmenter::load)
}

/// Whether a check would wait for the dictionaries: [`preload`] started loading
/// them and they are not ready yet. (Without a preload, as in tests and on the
/// command line, the first check loads them itself.)
pub fn loading() -> bool {
    PRELOADING.load(std::sync::atomic::Ordering::Relaxed) && !(SEGMENTER.get().is_some() && places::loaded())
}

static PRELOADING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The window asked for the dictionaries after its first frame (see [`defer_preload`]).
static DEFERRED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Loads the dictionaries, each on a thread of its own, so that whoever asks first
/// (the window's first check) finds them ready or nearly so.
pub fn preload() {
    DEFERRED.store(false, std::sync::atomic::Ordering::Relaxed);
    PRELOADING.store(true, std::sync::atomic::Ordering::Relaxed);
    // Two threads: neither dictionary waits for the other.
    let _ = std::thread::Builder::new().name("segmenter".into()).spawn(|| {
        segmenter();
    });
    let _ = std::thread::Builder::new().name("divisions".into()).spawn(|| {
        divisions();
    });
}

/// The window's start: the dictionaries are wanted, but only once its first frame
/// is shown, so that loading them (about 0.1 s of CPU) takes nothing from the
/// opening of the window on a busy machine. Until [`preload`] is called, checks
/// wait ([`deferred`]); after it they run in the background until the
/// dictionaries are loaded ([`loading`]).
pub fn defer_preload() {
    PRELOADING.store(true, std::sync::atomic::Ordering::Relaxed);
    DEFERRED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether checks wait for the window's first frame (see [`defer_preload`]).
pub fn deferred() -> bool {
    DEFERRED.load(std::sync::atomic::Ordering::Relaxed)
}

/// The lines of a dictionary in jieba's format (`word freq tag`), comments and
/// blank lines left out.
fn dictionary_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The words the segmenter knows beyond jieba's base dictionary, with their
/// frequencies and tags: our field's (`field.dict`), then the full names of
/// counties and cities. Read by [`Segmenter::load`], and by the list of
/// divisions, which asks whether a short form is a word without waiting for
/// the segmenter to load.
///
/// The full names of counties and cities are words: 柳河县长青小学 is 柳河县 / 长青 /
/// 小学, not 柳河 / 县长 / 青 / 小学 (县长 and 市长 are common words of reports). Only
/// names ending in 县 or 市 are added: a name ending in 区 would cut ordinary text
/// (新增城区 is no 增城区), and townships' names end in words the segmenter keeps.
pub(super) fn added_words() -> impl Iterator<Item = (&'static str, Option<usize>, Option<&'static str>)> {
    let field = dictionary_lines(FIELD_DICT).filter_map(|line| {
        let mut parts = line.split_whitespace();
        let word = parts.next()?;
        let freq = parts.next().and_then(|f| f.parse().ok());
        Some((word, freq, parts.next()))
    });
    let places = places::DIVISIONS.lines().filter(|l| !l.starts_with('#')).filter_map(|line| {
        let (code, name) = line.split_once('\t')?;
        (code.len() <= 6
            && name.ends_with(['县', '市'])
            && !crate::checks::lexicon::places::DIVISION_NAMES_THAT_ARE_WORDS.contains(&name))
        .then_some((name, Some(PLACE_NAME_FREQUENCY), Some("ns")))
    });
    field.chain(places)
}

impl Segmenter {
    fn load() -> Segmenter {
        // Both dictionaries are compiled in and checked by a test; a line jieba cannot
        // read would fail that test, so a failure here leaves an empty segmenter that
        // cuts text into single characters rather than ending the program.
        let mut jieba = Jieba::with_dict(&mut BASE_DICT.as_bytes()).unwrap_or_else(|_| Jieba::empty());
        for (word, freq, tag) in added_words() {
            jieba.add_word(word, freq, tag);
        }
        Segmenter { jieba }
    }

    /// Whether the dictionaries hold `word` as one word.
    pub fn knows(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// The part of speech the dictionaries give `word` when they cut it as one word.
    pub fn pos_of(&self, word: &str) -> Option<Pos> {
        let tags = self.jieba.tag(word, false);
        match tags.as_slice() {
            [t] if t.word == word && self.knows(word) => Some(Pos::of_tag(t.word, t.tag)),
            _ => None,
        }
    }

    /// The words of `text[range]`, in order, appended to `out`. `figures` are the
    /// byte ranges of figures, sorted; each becomes one [`Pos::Figure`] word and
    /// the segmenter reads only the text between them. Offsets are in `text`.
    pub fn words(&self, text: &str, range: Range<usize>, figures: &[Range<usize>], out: &mut Vec<Word>) {
        let mut at = range.start;
        let from = figures.partition_point(|f| f.end <= range.start);
        for f in figures[from..].iter().take_while(|f| f.start < range.end) {
            let (start, end) = (f.start.max(range.start), f.end.min(range.end));
            if at < start {
                self.cut(text, at..start, out);
            }
            out.push(Word { span: start..end, pos: Pos::Figure });
            at = at.max(end);
        }
        if at < range.end {
            self.cut(text, at..range.end, out);
        }
    }

    /// Segments a stretch of text with no figure in it.
    fn cut(&self, text: &str, range: Range<usize>, out: &mut Vec<Word>) {
        let Some(piece) = text.get(range.clone()) else { return };
        for t in self.jieba.tag(piece, true) {
            if t.word.trim().is_empty() {
                continue;
            }
            let start = range.start + t.byte_start;
            out.push(Word { span: start..start + t.word.len(), pos: Pos::of_tag(t.word, t.tag) });
        }
    }
}

/// Whether a character is a Chinese character: the model's one test
/// ([`crate::model::is_cjk`]), under the name the words layer reads.
pub fn is_han(c: char) -> bool {
    crate::model::is_cjk(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        segmenter().words(text, 0..text.len(), &[], &mut out);
        out.iter().map(|w| &text[w.span.clone()]).collect()
    }

    #[test]
    fn letters_and_digits_as_the_standard_library_tells_them() {
        for c in '\0'..='\u{2ffff}' {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn both_dictionaries_load_and_every_line_is_read() {
        let s = segmenter();
        assert!(s.knows("劳动力") && s.knows("我们"), "the base dictionary");
        for line in dictionary_lines(FIELD_DICT) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert!((1..=3).contains(&fields.len()), "field.dict: {line}");
            if let Some(f) = fields.get(1) {
                assert!(f.parse::<usize>().is_ok(), "field.dict frequency: {line}");
            }
            assert!(s.knows(fields[0]), "field.dict word not loaded: {line}");
        }
    }

    #[test]
    fn every_line_of_the_base_dictionary_has_its_word_frequency_and_tag() {
        // The list of divisions reads the base dictionary's words with their
        // frequency and tag (`Divisions::load`) and takes a word it does not find
        // there as one the segmenter adds: a line without a tag would be missed.
        for line in dictionary_lines(BASE_DICT) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(fields.len(), 3, "jieba-base.dict: {line}");
            assert!(fields[1].parse::<usize>().is_ok(), "jieba-base.dict frequency: {line}");
        }
    }

    #[test]
    fn the_list_of_divisions_reads_the_words_the_segmenter_adds() {
        // The divisions ask `added_words` whether a short form is a word rather than
        // the segmenter: both must know the same words.
        let s = segmenter();
        let added: Vec<&str> = added_words().map(|(w, _, _)| w).collect();
        assert!(added.contains(&"帮扶车间") && added.contains(&"柳河县"), "field words and county names");
        assert!(!added.contains(&"和平区"), "a district's name is no added word");
        for w in added {
            assert!(s.knows(w), "{w}");
        }
    }

    #[test]
    fn the_words_of_our_field_stay_whole() {
        assert!(cut("全县帮扶车间吸纳就业").contains(&"帮扶车间"));
        assert!(cut("农村居民人均可支配收入增长").contains(&"人均可支配收入"));
        assert!(cut("一般公共预算收入完成").contains(&"一般公共预算收入"));
        assert!(cut("建成易地扶贫搬迁安置区").contains(&"易地扶贫搬迁"));
    }

    #[test]
    fn figures_are_words_the_segmenter_never_cuts() {
        let text = "捐赠图书1.48万余册，资助学生10万元";
        let at = |w: &str| text.find(w).map_or(0..0, |i| i..i + w.len());
        let figures = [at("1.48万余册"), at("10万元")];
        assert_eq!(&text[figures[0].clone()], "1.48万余册");
        assert_eq!(&text[figures[1].clone()], "10万元");
        let mut out = Vec::new();
        segmenter().words(text, 0..text.len(), &figures, &mut out);
        let figs: Vec<&str> = out.iter().filter(|w| w.pos == Pos::Figure).map(|w| &text[w.span.clone()]).collect();
        assert_eq!(figs, ["1.48万余册", "10万元"]);
        // The words tile the text but for spaces, in order.
        let joined: String = out.iter().map(|w| &text[w.span.clone()]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn han_characters() {
        assert!(is_han('中') && is_han('㐀') && !is_han('a') && !is_han('，') && !is_han('１'));
    }
}
