//! Words remembered by the text they were cut from, so that a check after a
//! keystroke re-reads only the sentence that changed. The window keeps one
//! [`WordCache`] across checks (through [`crate::checks::Env`]); the command
//! line, which checks once, keeps none.

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHasher};

use super::{Pos, Word, segmenter};

/// A sentence's words, offsets relative to its start.
type Cut = Arc<[(u32, u32, Pos)]>;

/// The words of sentences already cut, by their text and figures. Bounded: past
/// [`WordCache::CAPACITY`] sentences it starts again empty, which costs one
/// full segmentation and keeps memory flat whatever is typed or pasted.
#[derive(Debug)]
pub struct WordCache {
    cuts: Mutex<FxHashMap<u64, Cut>>,
    capacity: usize,
}

impl Default for WordCache {
    fn default() -> WordCache {
        WordCache::with_capacity(WordCache::CAPACITY)
    }
}

impl WordCache {
    /// Sentences kept at most: a 100,000-character brief has about 3,000.
    pub const CAPACITY: usize = 50_000;

    pub fn new() -> WordCache {
        WordCache::default()
    }

    /// A cache that holds at most `capacity` sentences.
    pub fn with_capacity(capacity: usize) -> WordCache {
        WordCache { cuts: Mutex::default(), capacity: capacity.max(1) }
    }

    /// How many sentences it holds.
    pub fn len(&self) -> usize {
        self.cuts.lock().map_or(0, |c| c.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn key(text: &str, figures: &[Range<usize>], start: usize) -> u64 {
        let mut h = FxHasher::default();
        text.hash(&mut h);
        for f in figures {
            (f.start - start, f.end - start).hash(&mut h);
        }
        h.finish()
    }
}

/// The words of `text[range]` (see [`super::Segmenter::words`]), through the
/// cache when one is given.
pub fn words_of(
    cache: Option<&WordCache>,
    text: &str,
    range: Range<usize>,
    figures: &[Range<usize>],
    out: &mut Vec<Word>,
) {
    let Some(cache) = cache else {
        segmenter().words(text, range, figures, out);
        return;
    };
    let from = figures.partition_point(|f| f.end <= range.start);
    let to = figures.partition_point(|f| f.start < range.end);
    let inside = &figures[from..to.max(from)];
    let Some(piece) = text.get(range.clone()) else { return };
    let key = WordCache::key(piece, inside, range.start);
    let hit = cache.cuts.lock().ok().and_then(|c| c.get(&key).cloned());
    let cut = match hit {
        Some(cut) => cut,
        None => {
            let mut fresh = Vec::new();
            segmenter().words(text, range.clone(), inside, &mut fresh);
            let cut: Cut = fresh
                .iter()
                .map(|w| ((w.span.start - range.start) as u32, (w.span.end - range.start) as u32, w.pos))
                .collect();
            if let Ok(mut c) = cache.cuts.lock() {
                if c.len() >= cache.capacity {
                    c.clear();
                }
                c.insert(key, cut.clone());
            }
            cut
        }
    };
    out.extend(cut.iter().map(|&(a, b, pos)| Word { span: range.start + a as usize..range.start + b as usize, pos }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_words_are_the_segmenters() {
        let cache = WordCache::new();
        let text = "前言。全县帮扶车间吸纳就业1860人，带动脱贫户增收。";
        let start = text.find('全').unwrap_or(0);
        let fig = text.find("1860").unwrap_or(0);
        let figures = std::slice::from_ref(&(fig..fig + "1860人".len())).to_vec();
        let (mut direct, mut first, mut second) = (Vec::new(), Vec::new(), Vec::new());
        segmenter().words(text, start..text.len(), &figures, &mut direct);
        words_of(Some(&cache), text, start..text.len(), &figures, &mut first);
        words_of(Some(&cache), text, start..text.len(), &figures, &mut second);
        assert_eq!(direct, first);
        assert_eq!(direct, second);
        assert_eq!(cache.len(), 1);
        // The same sentence elsewhere in a text is found again, at its own offsets.
        let moved = format!("另一段文字。{}", &text[start..]);
        let at = moved.find('全').unwrap_or(0);
        let fig = moved.find("1860").unwrap_or(0);
        let mut third = Vec::new();
        let moved_figures = std::slice::from_ref(&(fig..fig + "1860人".len())).to_vec();
        words_of(Some(&cache), &moved, at..moved.len(), &moved_figures, &mut third);
        assert_eq!(cache.len(), 1);
        let words = |t: &str, ws: &[Word]| ws.iter().map(|w| t[w.span.clone()].to_string()).collect::<Vec<_>>();
        assert_eq!(words(&moved, &third), words(text, &direct));
    }

    #[test]
    fn the_cache_stays_bounded() {
        let cache = WordCache::with_capacity(50);
        for i in 0..120 {
            let text = format!("第{i}句");
            let mut out = Vec::new();
            words_of(Some(&cache), &text, 0..text.len(), &[], &mut out);
        }
        assert!((1..=50).contains(&cache.len()), "{}", cache.len());
    }
}
