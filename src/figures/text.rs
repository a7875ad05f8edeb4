//! A cursor over text that steps over the breaks PDF extraction leaves inside
//! figures: spaces between characters and single hard line breaks.

/// Whitespace that may stand inside a figure.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\r' | '\n')
}

/// Whether `bytes` start with a character [`is_space`] accepts, read from its bytes.
fn starts_with_space(bytes: &[u8]) -> bool {
    matches!(bytes, [b' ' | b'\t' | b'\r' | b'\n', ..] | [0xC2, 0xA0, ..] | [0xE3, 0x80, 0x80, ..])
}

/// Whether `hay` starts with `needle`, compared byte by byte. The scanner
/// asks this of short words (a unit, a marker: three to nine bytes) a hundred
/// thousand times in a long text; a loop that stops at the first difference
/// beats a call to memcmp, which `str::starts_with` makes for every word.
#[inline]
pub fn begins_with(hay: &[u8], needle: &[u8]) -> bool {
    needle.len() <= hay.len() && {
        let mut i = 0;
        while i < needle.len() {
            if hay[i] != needle[i] {
                return false;
            }
            i += 1;
        }
        true
    }
}

/// Whether `hay` ends with `needle`, compared as [`begins_with`] compares.
#[inline]
pub fn finishes_with(hay: &[u8], needle: &[u8]) -> bool {
    needle.len() <= hay.len() && begins_with(&hay[hay.len() - needle.len()..], needle)
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

    #[inline]
    pub fn starts_with(&self, s: &str) -> bool {
        begins_with(self.rest().as_bytes(), s.as_bytes())
    }

    /// Skips whitespace that may break a figure: at most 8 characters with at
    /// most two line breaks (a PDF hard wrap, possibly with a blank line).
    pub fn skip_ws(&mut self) {
        // Most often no space stands here: told from the bytes, without decoding.
        if !starts_with_space(self.rest().as_bytes()) {
            return;
        }
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

    /// Where `word` ends if it stands at the cursor, allowing the spaces and
    /// the single line break that PDF extraction leaves between characters
    /// (百 分 之, 个百分 点). At most four spaces between two characters.
    pub fn eat(&self, word: &str) -> Option<usize> {
        if word.is_empty() {
            return None;
        }
        let rest = self.rest();
        // The bytes the rest and the word share. All of the word: it stands here.
        let (r, w) = (rest.as_bytes(), word.as_bytes());
        let common = r.iter().zip(w).take_while(|(a, b)| a == b).count();
        if common == w.len() {
            return Some(self.pos + word.len());
        }
        // Else the characters shared, whole: none, or no space where they stop,
        // and the word cannot stand here spaced out either.
        let mut k = common;
        while !word.is_char_boundary(k) {
            k -= 1;
        }
        if k == 0 || !starts_with_space(&r[k..]) {
            return None;
        }
        let mut chars = word.chars();
        let first = chars.next()?;
        let mut pos = self.pos + first.len_utf8();
        for wc in chars {
            let mut gap = 0;
            let mut newlines = 0;
            let mut c = Cursor::at(self.text, pos);
            while let Some(ch) = c.peek().filter(|ch| is_space(*ch)) {
                gap += 1;
                newlines += usize::from(ch == '\n');
                if gap > 4 || newlines > 1 {
                    return None;
                }
                c.bump();
            }
            if c.peek() != Some(wc) {
                return None;
            }
            pos = c.pos + wc.len_utf8();
        }
        Some(pos)
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

/// Traditional characters the figure engine reads as their Simplified forms:
/// numerals, units, markers and the words around them. Each pair has the same
/// UTF-8 length, so a folded text has the same byte offsets as the original.
const FOLDS: &[(char, char)] = &[
    ('萬', '万'),
    ('億', '亿'),
    ('點', '点'),
    ('個', '个'),
    ('幾', '几'),
    ('兩', '两'),
    ('倆', '俩'),
    ('負', '负'),
    ('圓', '圆'),
    ('塊', '块'),
    ('錢', '钱'),
    ('數', '数'),
    ('餘', '余'),
    ('約', '约'),
    ('與', '与'),
    ('從', '从'),
    ('達', '达'),
    ('過', '过'),
    ('將', '将'),
    ('內', '内'),
    ('後', '后'),
    ('歲', '岁'),
    ('週', '周'),
    ('畝', '亩'),
    ('噸', '吨'),
    ('裡', '里'),
    ('釐', '厘'),
    ('鐘', '钟'),
    ('頭', '头'),
    ('項', '项'),
    ('戶', '户'),
    ('場', '场'),
    ('幣', '币'),
    ('歐', '欧'),
    ('臺', '台'),
    ('灣', '湾'),
    ('韓', '韩'),
    ('鎊', '镑'),
    ('盧', '卢'),
    ('對', '对'),
    ('級', '级'),
    ('計', '计'),
    ('門', '门'),
    ('種', '种'),
    ('類', '类'),
    ('輛', '辆'),
    ('隻', '只'),
    ('條', '条'),
    ('張', '张'),
    ('間', '间'),
    ('處', '处'),
    ('筆', '笔'),
    ('價', '价'),
    ('華', '华'),
    ('溫', '温'),
    ('攝', '摄'),
    ('時', '时'),
    ('節', '节'),
    ('屆', '届'),
    ('輪', '轮'),
    ('棟', '栋'),
    ('單', '单'),
    ('雙', '双'),
    ('總', '总'),
    ('區', '区'),
    ('縣', '县'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('號', '号'),
    ('禮', '礼'),
    ('夠', '够'),
    ('僅', '仅'),
    ('減', '减'),
    ('長', '长'),
    ('實', '实'),
    ('現', '现'),
    ('農', '农'),
    ('貧', '贫'),
    ('資', '资'),
    ('於', '于'),
    ('帶', '带'),
    ('動', '动'),
    ('勞', '劳'),
    ('職', '职'),
    ('會', '会'),
    ('員', '员'),
    ('東', '东'),
    ('劃', '划'),
];

/// The first CJK code point and the size of the block [`fold_char`] covers.
const CJK_START: u32 = 0x4e00;
const CJK_LEN: usize = 0x5200;

/// The folds, sorted by the Traditional character, and a bit per CJK code
/// point telling whether it has a fold: most characters cost one bit test.
struct FoldTable {
    bits: Vec<u64>,
    sorted: Vec<(char, char)>,
}

static FOLD_TABLE: std::sync::LazyLock<FoldTable> = std::sync::LazyLock::new(|| {
    let mut sorted: Vec<(char, char)> = FOLDS.iter().copied().filter(|(t, s)| t != s).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut bits = vec![0u64; CJK_LEN / 64 + 1];
    for (t, _) in &sorted {
        let i = (*t as u32 - CJK_START) as usize;
        bits[i / 64] |= 1 << (i % 64);
    }
    FoldTable { bits, sorted }
});

/// The Simplified form of a Traditional character the engine knows.
fn fold_char(table: &FoldTable, c: char) -> Option<char> {
    let i = (c as u32).checked_sub(CJK_START)? as usize;
    if i >= CJK_LEN {
        return None;
    }
    if table.bits[i / 64] & (1 << (i % 64)) == 0 {
        return None;
    }
    table.sorted.binary_search_by_key(&c, |(t, _)| *t).ok().map(|k| table.sorted[k].1)
}

/// Entries looked up by their first character: a sorted list searched in
/// O(log n), built once from a table of the lexicon.
pub struct ByFirst<T: 'static> {
    keys: Vec<(char, Vec<&'static T>)>,
}

impl<T> ByFirst<T> {
    pub fn new(items: &'static [T], key: impl Fn(&T) -> Option<char>) -> ByFirst<T> {
        let mut keys: Vec<(char, Vec<&'static T>)> = Vec::new();
        for item in items {
            let Some(c) = key(item) else { continue };
            match keys.iter_mut().find(|(k, _)| *k == c) {
                Some((_, v)) => v.push(item),
                None => keys.push((c, vec![item])),
            }
        }
        keys.sort_by_key(|(k, _)| *k);
        ByFirst { keys }
    }

    /// The entries whose first character is `c`.
    pub fn get(&self, c: char) -> &[&'static T] {
        match self.keys.binary_search_by_key(&c, |(k, _)| *k) {
            Ok(i) => &self.keys[i].1,
            Err(_) => &[],
        }
    }
}

/// Words to find in text, each with what it says (`T`; nothing for a plain set):
/// a bitmap of their first characters, and the words that start with each. A
/// character that starts no word, nearly all of them, is passed over at its
/// bit; an automaton costs more to start on a text of ten characters than this
/// takes to read it, and a reader that walks a text itself asks [`Self::may_start`]
/// and [`Self::starting_with`] as it goes.
pub struct WordSet<T: 'static = ()> {
    /// One bit per character of the Basic Multilingual Plane.
    starts: Vec<u64>,
    /// The words by first character, sorted by it; words in list order.
    by_first: Vec<(char, Vec<(&'static str, T)>)>,
}

impl WordSet<()> {
    pub fn new(words: &[&'static str]) -> WordSet {
        WordSet::with(words.iter().map(|w| (*w, ())))
    }
}

impl<T> WordSet<T> {
    /// A set of words, each with what it says, in list order.
    pub fn with(words: impl IntoIterator<Item = (&'static str, T)>) -> WordSet<T> {
        let mut starts = vec![0u64; 0x10000 / 64];
        let mut by_first: Vec<(char, Vec<(&'static str, T)>)> = Vec::new();
        for (w, said) in words {
            let Some(first) = w.chars().next() else { continue };
            if let Some(bits) = starts.get_mut(first as usize / 64) {
                *bits |= 1 << (first as u32 % 64);
            }
            match by_first.iter_mut().find(|(c, _)| *c == first) {
                Some((_, list)) => list.push((w, said)),
                None => by_first.push((first, vec![(w, said)])),
            }
        }
        by_first.sort_by_key(|(c, _)| *c);
        WordSet { starts, by_first }
    }

    /// Whether a word may start with `c` (its bit; a character past the plane is looked up).
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        self.starts.get(c as usize / 64).is_none_or(|bits| bits & (1 << (c as u32 % 64)) != 0)
    }

    /// The words that start with `c`, in list order, with what each says.
    pub fn starting_with(&self, c: char) -> &[(&'static str, T)] {
        match self.by_first.binary_search_by_key(&c, |(f, _)| *f) {
            Ok(k) => &self.by_first[k].1,
            Err(_) => &[],
        }
    }

    /// Whether any of the words stands in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        text.char_indices().any(|(i, c)| {
            self.may_start(c) && self.starting_with(c).iter().any(|(w, _)| begins_with(&bytes[i..], w.as_bytes()))
        })
    }
}

/// The text with [`FOLDS`] applied. Byte offsets are unchanged, so spans
/// found in the folded text index the original. One pass over the bytes: a
/// character is decoded only where a three-byte CJK sequence starts.
pub fn fold(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let table = &*FOLD_TABLE;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i + 2 < bytes.len() {
        let b = bytes[i];
        if !(0xE4..=0xE9).contains(&b) {
            i += 1;
            continue;
        }
        let c =
            ((u32::from(b) & 0x0F) << 12) | ((u32::from(bytes[i + 1]) & 0x3F) << 6) | (u32::from(bytes[i + 2]) & 0x3F);
        // The bit test inline: nearly every character stops here.
        let k = c.wrapping_sub(CJK_START) as usize;
        if k >= CJK_LEN || table.bits[k / 64] & (1 << (k % 64)) == 0 {
            i += 3;
            continue;
        }
        if let Some(to) = char::from_u32(c).and_then(|c| fold_char(table, c)) {
            let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
            buf.push_str(&text[copied..i]);
            buf.push(to);
            copied = i + 3;
        }
        i += 3;
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            std::borrow::Cow::Owned(buf)
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_matches_as_an_automaton_does() {
        let words = ["增长", "增加", "翻", "ICP", "QQ", "以上的", "𠀀字", "的，"];
        let set = WordSet::new(&words);
        let automaton = aho_corasick::AhoCorasick::new(words).expect("the words build an automaton");
        let pieces = ["增", "长", "加", "翻", "I", "CP", "Q", "以上", "的", "，", "𠀀", "字", "a", " "];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(set.is_match(&text), automaton.is_match(&text), "{text}");
                }
            }
        }
        assert!(!WordSet::new(&[]).is_match("增长"));
    }

    #[test]
    fn a_space_is_told_from_its_bytes_as_is_space_tells_it() {
        for c in (0..0x11000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            assert_eq!(starts_with_space(c.encode_utf8(&mut buf).as_bytes()), is_space(c), "{c:?}");
        }
    }

    /// `Cursor::eat` character by character, as the fast path must give it.
    fn eat_reference(text: &str, at: usize, word: &str) -> Option<usize> {
        let mut chars = word.chars();
        let first = chars.next()?;
        if !text[at..].starts_with(first) {
            return None;
        }
        let mut pos = at + first.len_utf8();
        for wc in chars {
            let (mut gap, mut newlines) = (0, 0);
            let mut c = Cursor::at(text, pos);
            while let Some(ch) = c.peek().filter(|ch| is_space(*ch)) {
                gap += 1;
                newlines += usize::from(ch == '\n');
                if gap > 4 || newlines > 1 {
                    return None;
                }
                c.bump();
            }
            if c.peek() != Some(wc) {
                return None;
            }
            pos = c.pos + wc.len_utf8();
        }
        Some(pos)
    }

    #[test]
    fn eating_a_word_reads_as_character_by_character() {
        let words = ["", "个", "个月", "个百分点", "百分之", "万元", "〇", "人次", "km"];
        let gaps = ["", " ", "\u{3000}", "\u{a0}", "\n", "\n\n", "  \t ", "     ", "\r\n"];
        let mut texts = Vec::new();
        for w in words {
            let cs: Vec<char> = w.chars().collect();
            for g in gaps {
                for cut in 0..=cs.len() {
                    let (a, b): (String, String) = (cs[..cut].iter().collect(), cs[cut..].iter().collect());
                    texts.push(format!("{a}{g}{b}，"));
                    texts.push(format!("{a}{g}{b}"));
                }
            }
        }
        texts
            .extend(["个人", "个 人", "百分点", "〇\u{3000}", "\u{3000}个", "万 元", "万\u{3000}亿"].map(String::from));
        for t in &texts {
            for w in words {
                assert_eq!(Cursor::at(t, 0).eat(w), eat_reference(t, 0, w), "{w:?} at the start of {t:?}");
            }
        }
    }

    #[test]
    fn folds_keep_byte_lengths() {
        for (t, s) in FOLDS {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t} → {s}");
        }
        assert_eq!(fold("壹千兩百三十四萬個"), "壹千两百三十四万个");
        assert!(matches!(fold("一千两百"), std::borrow::Cow::Borrowed(_)));
    }
}
