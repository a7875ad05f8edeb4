//! What a figure measures: the predicate before it and the counted noun after
//! its classifier, cleaned of the words that say when, where and how sure,
//! and kept as characters and character pairs so that rewordings of one
//! metric meet (投入帮扶资金500万元 / 500万元帮扶资金 / 帮扶资金投入达0.05亿元).

/// Words at the edges of a figure's context that carry no metric: time,
/// scope, aspect and the verbs of stating.
const EDGE_WORDS: &[&str] = &[
    "据统计",
    "今年以来",
    "去年以来",
    "截至目前",
    "上半年",
    "下半年",
    "前三季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "全年",
    "今年",
    "去年",
    "当年",
    "年内",
    "本年",
    "同期",
    "目前",
    "现有",
    "已经",
    "累计",
    "共计",
    "总计",
    "合计",
    "一共",
    "总共",
    "分别为",
    "分别是",
    "分别",
    "达到了",
    "达到",
    "实现了",
    "实现",
    "完成了",
    "完成",
    "超过",
    "突破",
    "不低于",
    "不少于",
    "不到",
    "不足",
    "大约",
    "接近",
    "将近",
    "其中",
    "以来",
    "共有",
    "先后",
    "全市",
    "全县",
    "全省",
    "全区",
    "全镇",
    "全乡",
    "全国",
    "全村",
    "共",
    "已",
    "达",
    "约",
    "近",
    "超",
    "逾",
    "为",
    "是",
    "有",
    "了",
    "又",
    "再",
    "还",
    "均",
    "并",
    "都",
    "也",
    "就",
    "可",
    "将",
    "计",
    "由",
    "从",
];

/// Verbs of what was done to what is counted: the same noun under two of them is two metrics.
const ACTION_VERBS: &[&str] = &[
    "带动", "帮助", "培训", "吸纳", "安置", "资助", "慰问", "投入", "采购", "销售", "建成", "新建", "扶持", "发放",
    "救助", "走访", "组织", "举办", "开展", "输出", "转移", "解决", "覆盖", "惠及", "受益", "认购", "实施", "签订",
    "动员", "参与", "新增", "减少", "脱贫", "退出", "上岗", "就业", "参保", "领取", "办理", "引进", "招商", "完成",
    "购买",
];

/// Verbs that make someone do something (动员企业参与): before another verb,
/// the other verb is what is counted.
const CAUSATIVES: &[&str] = &["动员", "组织", "引导", "吸引", "发动", "鼓励"];

const _: () = assert!(ACTION_VERBS.len() <= 64, "a metric keeps its verbs as bits of a u64");

/// Two characters as one key (21 bits each): a metric's character pairs, and
/// the pairs the relations index clauses by.
pub(super) fn pair_key(x: char, y: char) -> u64 {
    (u64::from(x) << 21) | u64::from(y)
}

/// The action verbs by their two characters, sorted, each with its bit (see [`verbs_in`]).
static VERB_PAIRS: std::sync::LazyLock<Vec<(u64, u64)>> = std::sync::LazyLock::new(|| {
    let mut pairs: Vec<(u64, u64)> = Vec::new();
    for (i, v) in ACTION_VERBS.iter().enumerate() {
        let mut cs = v.chars();
        if let (Some(a), Some(b), None) = (cs.next(), cs.next(), cs.next()) {
            let key = pair_key(a, b);
            match pairs.iter_mut().find(|(k, _)| *k == key) {
                Some((_, bits)) => *bits |= 1 << i,
                None => pairs.push((key, 1 << i)),
            }
        }
    }
    pairs.sort_unstable();
    pairs
});

/// The [`ACTION_VERBS`] `text` holds, one bit each. Every verb is two characters
/// (a test holds them to it), so each pair of neighbouring characters is looked
/// up in a sorted table: what an overlapping search for the verbs would find.
fn verbs_in(text: &str) -> u64 {
    let pairs = &*VERB_PAIRS;
    let mut bits = 0;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            let key = pair_key(p, c);
            if let Ok(i) = pairs.binary_search_by_key(&key, |(k, _)| *k) {
                bits |= pairs[i].1;
            }
        }
        prev = Some(c);
    }
    bits
}

/// The bits of the [`ACTION_VERBS`] that are [`CAUSATIVES`].
static CAUSATIVE_BITS: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| {
    ACTION_VERBS.iter().enumerate().filter(|(_, v)| CAUSATIVES.contains(v)).fold(0, |m, (i, _)| m | 1 << i)
});

/// One-character edge words that may also be stripped at the start.
const SAFE_OPENERS: &[&str] = &["已", "约", "近", "逾"];

/// Characters that two wordings of one metric may have on one side only.
/// A match, which compiles to a few comparisons: it is asked of every character of every metric.
#[rustfmt::skip]
fn is_filler(c: char) -> bool {
    matches!(c,
        '的' | '了' | '达' | '共' | '为' | '是' | '有' | '已' | '约' | '近' | '超' | '过' | '余' | '多' | '等' |
        '和' | '及' | '与' | '并' | '在' | '中' | '其' | '累' | '计' | '全' | '各' | '级' | '实' | '现' | '完' |
        '成' | '到' | '至' | '又' | '再' | '还' | '均' | '都' | '也' | '就' | '将' | '可' | '内' | '以' | '来' |
        '经' | '据' | '统' | '之' | '所' | '被' | '对' | '向' | '从' | '由' | '把' | '给' | '让'
    )
}

/// What a figure measures, as written around it: its words and what is
/// derived from them, shared. Figures of one text that say the same words
/// share one (a long text says 贫困人口 or 投入资金 many times): a claim holds
/// a pointer, and [`MetricSet`] hands out the one already read.
#[derive(Clone, Default, PartialEq)]
pub struct Metric(std::sync::Arc<MetricWords>);

impl std::ops::Deref for Metric {
    type Target = MetricWords;
    fn deref(&self) -> &MetricWords {
        &self.0
    }
}

impl std::fmt::Debug for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metric")
            .field("text", &self.text)
            .field("grams", &self.grams)
            .field("chars", &self.chars)
            .field("verbs", &self.verbs)
            .finish()
    }
}

/// Everything else of a metric follows from its words: two metrics with the
/// same words are equal, and hash as their words do (so that a set of them is
/// searched by the words alone).
impl Eq for Metric {}

impl std::hash::Hash for Metric {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.as_str().hash(state);
    }
}

impl std::borrow::Borrow<str> for Metric {
    fn borrow(&self) -> &str {
        &self.text
    }
}

/// The metrics read so far, by their words: the claims of a brief are built
/// with one, so that each metric's words are read and kept once.
#[derive(Debug, Default)]
pub struct MetricSet(rustc_hash::FxHashSet<Metric>);

impl MetricSet {
    /// [`Metric::new`], or the equal metric read before.
    pub fn metric(&mut self, lead: &str, trail: &str) -> Metric {
        let text = Metric::text_of(lead, trail);
        if let Some(m) = self.0.get(text.as_str()) {
            return m.clone();
        }
        let m = Metric::from_text(text);
        self.0.insert(m.clone());
        m
    }
}

/// A metric's words, with the character pairs and characters its comparisons read.
#[derive(Debug, Default, PartialEq)]
pub struct MetricWords {
    /// The metric's words: the cleaned words before the figure, then the
    /// cleaned noun after it (培训贫困劳动力, 贫困人口增收).
    pub text: String,
    /// Its character pairs, sorted and unique. The lists are boxed at their
    /// length: a long text holds one metric for each of its claims.
    grams: Box<[u64]>,
    /// Its characters that are no filler, sorted and unique.
    chars: Box<[char]>,
    /// The [`ACTION_VERBS`] it holds, one bit each.
    verbs: u64,
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Three bytes as one number, to compare a character's UTF-8 form in one step.
fn three(b: &[u8]) -> u32 {
    b.iter().take(3).fold(0, |n, b| (n << 8) | u32::from(*b))
}

/// The first and last characters of each of [`EDGE_WORDS`], as [`three`] gives them.
static EDGE_ENDS: std::sync::LazyLock<Vec<(u32, u32)>> = std::sync::LazyLock::new(|| {
    EDGE_WORDS.iter().map(|w| (three(&w.as_bytes()[..3]), three(&w.as_bytes()[w.len() - 3..]))).collect()
});

/// The indexes of [`EDGE_WORDS`] by their first character, and by their last.
type EdgeIndex = (rustc_hash::FxHashMap<u32, Vec<usize>>, rustc_hash::FxHashMap<u32, Vec<usize>>);

static EDGE_INDEX: std::sync::LazyLock<EdgeIndex> = std::sync::LazyLock::new(|| {
    let mut index = EdgeIndex::default();
    for (j, (first, last)) in EDGE_ENDS.iter().enumerate() {
        index.0.entry(*first).or_default().push(j);
        index.1.entry(*last).or_default().push(j);
    }
    index
});

/// Strips edge words from both ends, and a place name from the start.
fn clean(mut s: &str) -> &str {
    loop {
        let before = s;
        s = s.trim_matches(|c: char| !is_han(c) && !c.is_ascii_alphanumeric() && c != '.');
        // The words in list order, visiting only those that share an end character with
        // the text as it stands (looked up again after each strip): as if every word
        // were tried in turn, since the others cannot match.
        let (ends, index) = (&*EDGE_ENDS, &*EDGE_INDEX);
        let mut k = 0;
        while s.len() >= 3 {
            let next = |list: Option<&Vec<usize>>| {
                list.and_then(|l| l.get(l.partition_point(|j| *j < k)).copied()).unwrap_or(usize::MAX)
            };
            let first = next(index.0.get(&three(&s.as_bytes()[..3])));
            let last = next(index.1.get(&three(&s.as_bytes()[s.len() - 3..])));
            let j = first.min(last);
            let (Some(w), Some((wb, we))) = (EDGE_WORDS.get(j), ends.get(j)) else { break };
            if three(&s.as_bytes()[..3]) == *wb {
                // One character opens many words (就业, 计划, 共享): strip it from the end only.
                if (w.len() > 3 || SAFE_OPENERS.contains(w))
                    && let Some(rest) = s.strip_prefix(w)
                {
                    s = rest;
                }
            }
            if s.len() >= 3
                && three(&s.as_bytes()[s.len() - 3..]) == *we
                && let Some(rest) = s.strip_suffix(w)
            {
                s = rest;
            }
            k = j + 1;
        }
        if let Some(rest) = strip_place(s) {
            s = rest;
        }
        if s == before {
            return s;
        }
    }
}

/// A place name at the start (松岚县, 北屿市, 柘水县) is scope, not metric.
fn strip_place(s: &str) -> Option<&str> {
    for (i, c) in s.char_indices().take(6).skip(2) {
        if matches!(c, '省' | '市' | '县' | '区' | '镇' | '乡') {
            let rest = &s[i + c.len_utf8()..];
            // 市总工会, 县职工学校: the unit of that place; keep the words after the place.
            return (!rest.is_empty()).then_some(rest);
        }
    }
    None
}

/// The noun after a figure's classifier: up to a clause boundary, a verb of
/// relation or another figure, at most eight characters.
fn noun_after(s: &str) -> &str {
    // One pass: the first stop, and ten words before it, with a name in
    // quotation marks (“百企帮百村”) as one word.
    const WORD_STOPS: &[&str] = &["其中", "同比", "比上年", "较上年", "占", "分别", "共计", "合计"];
    let mut words = 0;
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        if matches!(c, '，' | '。' | '；' | '、' | '（' | '(' | '：') {
            return &s[..i];
        }
        if matches!(c, '其' | '同' | '比' | '较' | '占' | '分' | '共' | '合')
            && WORD_STOPS.iter().any(|w| s[i..].starts_with(w))
        {
            return &s[..i];
        }
        match c {
            '“' | '《' => {
                quoted = true;
                words += 1;
            }
            '”' | '》' => quoted = false,
            c if is_han(c) && !quoted => words += 1,
            _ => {}
        }
        if words > 10 {
            return &s[..i];
        }
    }
    s
}

/// 系统 after the name of an organisation (工会系统, 教育系统, 民政系统) is the
/// organisation as a whole, as 各级 is (全市工会系统采购 and 全市各级工会采购 are one
/// metric): it is dropped. A system that is a thing (信息系统, 灌溉系统) stays.
fn drop_organisation_system(text: &mut String) {
    const ORGANISATION_ENDS: &[char] = &['会', '联', '政', '育', '生', '健', '保', '局', '委', '门', '业'];
    // memchr's search, built once: this is asked of every metric, and few hold 系统.
    static SYSTEM: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("系统"));
    while let Some(i) = SYSTEM.find(text.as_bytes()) {
        let organisation = text[..i].chars().next_back().is_some_and(|c| ORGANISATION_ENDS.contains(&c));
        if !organisation {
            return;
        }
        text.replace_range(i..i + "系统".len(), "");
    }
}

impl Metric {
    /// The metric of a figure, from the words before it in its clause (`lead`)
    /// and after it up to the next figure or the clause's end (`trail`).
    pub fn new(lead: &str, trail: &str) -> Metric {
        Metric::from_text(Metric::text_of(lead, trail))
    }

    /// The words of [`Metric::new`].
    fn text_of(lead: &str, trail: &str) -> String {
        let lead = clean(lead);
        // The last sixteen characters before the figure: the predicate, its object and their modifiers.
        let from = lead.char_indices().rev().nth(15).map_or(0, |(i, _)| i);
        let lead = &lead[from..];
        let after = clean(noun_after(trail.trim_start()));
        let mut text = String::with_capacity(lead.len() + after.len());
        text.push_str(lead);
        text.push_str(after);
        // 动员186家企业参与…: the metric is who took part, not who was moved to
        // (参与…的企业168家). A causative verb before another verb is dropped.
        let may_cause = text.contains(['动', '组', '引', '吸', '发', '鼓']);
        for c in CAUSATIVES.iter().filter(|_| may_cause) {
            if let Some(i) = text.find(c) {
                // An action verb after it that is not itself causative.
                let rest = &text[i + c.len()..];
                if verbs_in(rest) & !*CAUSATIVE_BITS != 0 {
                    text.replace_range(i..i + c.len(), "");
                }
            }
        }
        drop_organisation_system(&mut text);
        text
    }

    /// A metric from its words as given (a fact sheet's label).
    pub fn from_text(mut text: String) -> Metric {
        // The text is decoded once: its characters give the pairs, then become the character list.
        // Sized for the characters there can be (a Chinese character is three bytes), so it never grows.
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        chars.extend(text.chars().filter(|c| is_han(*c) || c.is_ascii_alphanumeric()));
        let mut grams: Vec<u64> = Vec::with_capacity(chars.len().saturating_sub(1));
        grams.extend(chars.windows(2).map(|p| pair_key(p[0], p[1])));
        grams.sort_unstable();
        grams.dedup();
        chars.retain(|c| !is_filler(*c));
        chars.sort_unstable();
        chars.dedup();
        let verbs = verbs_in(&text);
        text.shrink_to_fit();
        Metric(std::sync::Arc::new(MetricWords {
            text,
            grams: grams.into_boxed_slice(),
            chars: chars.into_boxed_slice(),
            verbs,
        }))
    }

    /// Whether the metric says enough to be compared: three characters or more.
    pub fn is_specific(&self) -> bool {
        self.grams.len() >= 2
    }

    /// The character pairs, for indexing.
    pub fn grams(&self) -> &[u64] {
        &self.grams
    }

    /// Whether two metrics name the same thing: most of the shorter one's
    /// character pairs stand in the longer, and they do not each have words
    /// the other lacks (城镇…收入 and 农村…收入 are two metrics).
    pub fn same_as(&self, other: &Metric) -> bool {
        if !self.is_specific() || !other.is_specific() {
            return false;
        }
        // The same words: the tests below all pass (and a rule compares many such pairs).
        if self.text == other.text {
            return true;
        }
        // A verb on one side only makes another metric: 带动脱贫户 is not 共有脱贫户.
        if self.verbs != other.verbs {
            return false;
        }
        let shared = intersect(&self.grams, &other.grams);
        let small = self.grams.len().min(other.grams.len());
        if shared * 5 < small * 4 {
            return false;
        }
        let only_a = self.chars.iter().any(|c| other.chars.binary_search(c).is_err());
        let only_b = other.chars.iter().any(|c| self.chars.binary_search(c).is_err());
        if only_a && only_b {
            return false;
        }
        let (long, short) =
            if self.text.chars().count() >= other.text.chars().count() { (self, other) } else { (other, self) };
        !inserted(&long.text, &short.chars)
    }

    /// Whether this metric's words stand, nearly all, in `other`: a fact
    /// sheet's label (投入帮扶资金) in a figure's context.
    pub fn within(&self, other: &Metric) -> bool {
        if self.grams.is_empty() {
            return false;
        }
        let shared = intersect(&self.grams, &other.grams);
        shared * 5 >= self.grams.len() * 4
            && self.chars.iter().all(|c| other.chars.binary_search(c).is_ok())
            && !inserted(&other.text, &self.chars)
    }

    /// How many of the given characters the metric's words hold.
    pub fn mentions(&self, words: &str) -> bool {
        words.chars().all(|c| self.text.contains(c))
    }
}

/// Whether `long` has words the shorter metric lacks inside the words they
/// share: 投入[产业]帮扶资金 is a part of 投入帮扶资金, not a rewording of it.
/// Extra words before or after the shared ones (a subject, a verb moved to
/// the end) are no insertion.
fn inserted(long: &str, short_chars: &[char]) -> bool {
    // One pass: the streak of shared characters, and whether a run of other
    // characters just ended with two shared ones or more before it.
    let mut streak = 0;
    let mut run_before: Option<usize> = None;
    let mut pending = false;
    let mut prev = ' ';
    for c in long.chars().filter(|c| is_han(*c) || c.is_ascii_alphanumeric()) {
        // 各类, 各种, 各项 say "of every kind", as 各级 says "at every level": no kind
        // is named (举办各类专场招聘会 is 举办专场招聘会), and nothing is inserted.
        let every_kind = prev == '各' && matches!(c, '类' | '种' | '项');
        prev = c;
        let shared = is_filler(c) || every_kind || short_chars.binary_search(&c).is_ok();
        if shared {
            if let Some(before) = run_before.take() {
                pending = before >= 2;
                streak = 0;
            }
            streak += 1;
            if pending && streak >= 2 {
                return true;
            }
        } else if run_before.is_none() {
            run_before = Some(streak);
            pending = false;
        }
    }
    false
}

fn intersect(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The words a figure stands for, for a fact sheet label: its metric's words,
/// or failing that its clause.
pub fn label_of(lead: &str, trail: &str) -> String {
    Metric::text_of(lead, trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_are_found_as_an_overlapping_automaton_finds_them() {
        assert!(ACTION_VERBS.iter().all(|v| v.chars().count() == 2), "every verb is two characters");
        let automaton = aho_corasick::AhoCorasick::new(ACTION_VERBS).unwrap();
        let reference = |t: &str| automaton.find_overlapping_iter(t).fold(0u64, |m, v| m | 1 << v.pattern().as_usize());
        // Every verb after every other, run together, apart and inside words.
        let mut texts = vec![ACTION_VERBS.concat(), ACTION_VERBS.join("的"), "带带动动员".to_string()];
        for a in ACTION_VERBS {
            for b in ACTION_VERBS {
                texts.push(format!("{a}{b}"));
                texts.push(format!("市总工会{a}贫困户{b}资金1.2亿元"));
            }
        }
        for t in &texts {
            assert_eq!(verbs_in(t), reference(t), "{t}");
        }
    }

    #[test]
    fn every_kind_names_no_kind() {
        let every = Metric::new("全年市总工会共举办各类", "专场招聘会");
        assert!(every.same_as(&Metric::new("全年共举办", "专场招聘会")), "{}", every.text);
        // A kind that is named stays: 技能 narrows 培训.
        let skills = Metric::new("举办各类技能培训", "");
        assert!(skills.same_as(&Metric::new("举办技能培训", "")), "{}", skills.text);
        assert!(!skills.same_as(&Metric::new("举办培训", "")), "{}", skills.text);
    }

    #[test]
    fn an_organisations_system_is_the_organisation() {
        let system = Metric::new("全市工会系统采购", "扶贫产品");
        assert!(system.same_as(&Metric::new("全市各级工会共采购", "扶贫产品")), "{}", system.text);
        // A system that is a thing keeps its name.
        assert!(Metric::new("建成信息系统", "").text.contains("系统"));
        assert!(Metric::new("新建灌溉系统", "").text.contains("系统"));
    }

    #[test]
    fn causatives_open_with_the_characters_looked_for() {
        // `Metric::new` looks for these characters before it looks for the verbs.
        assert!(CAUSATIVES.iter().all(|c| c.starts_with(['动', '组', '引', '吸', '发', '鼓'])));
    }

    /// `clean` as it was written first: every edge word tried in turn.
    fn clean_reference(mut s: &str) -> &str {
        loop {
            let before = s;
            s = s.trim_matches(|c: char| !is_han(c) && !c.is_ascii_alphanumeric() && c != '.');
            for w in EDGE_WORDS {
                if (w.len() > 3 || SAFE_OPENERS.contains(w))
                    && let Some(rest) = s.strip_prefix(w)
                {
                    s = rest;
                }
                if let Some(rest) = s.strip_suffix(w) {
                    s = rest;
                }
            }
            if let Some(rest) = strip_place(s) {
                s = rest;
            }
            if s == before {
                return s;
            }
        }
    }

    #[test]
    fn clean_strips_as_trying_every_word_in_turn() {
        let cores = ["帮扶资金", "贫困人口增收", "就业", "计划", "培训贫困劳动力", "其", "", "农产品销售额"];
        let mut n = 0;
        for (i, a) in EDGE_WORDS.iter().enumerate() {
            for b in EDGE_WORDS.iter().skip(i % 7).step_by(7) {
                for core in cores {
                    for text in [
                        format!("{a}{core}{b}"),
                        format!("{a}{b}{core}"),
                        format!("{core}{a}{b}"),
                        format!("北屿市{a}{core}"),
                    ] {
                        assert_eq!(clean(&text), clean_reference(&text), "{text}");
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 10_000, "{n} texts");
    }

    #[test]
    fn edge_words_are_chinese_characters() {
        // `clean` compares their first and last three bytes with the text's.
        assert!(EDGE_WORDS.iter().all(|w| w.chars().all(|c| c.len_utf8() == 3)));
    }

    fn m(lead: &str, trail: &str) -> Metric {
        Metric::new(lead, trail)
    }

    #[test]
    fn a_set_of_metrics_gives_what_new_gives_and_shares_equal_words() {
        let mut set = MetricSet::default();
        let cases = [
            ("全年培训贫困劳动力", "人次"),
            ("动员企业参与帮扶", "家"),
            ("市总工会系统投入资金", "万元，"),
            ("全年培训贫困劳动力", "人次"),
            ("", "户贫困户"),
        ];
        let got: Vec<Metric> = cases.iter().map(|(l, t)| set.metric(l, t)).collect();
        for ((l, t), m) in cases.iter().zip(&got) {
            assert_eq!(*m, Metric::new(l, t), "{l} {t}");
            assert_eq!(format!("{m:?}"), format!("{:?}", Metric::new(l, t)));
        }
        assert!(std::sync::Arc::ptr_eq(&got[0].0, &got[3].0), "the same words, one metric");
        assert!(!std::sync::Arc::ptr_eq(&got[0].0, &got[1].0));
    }

    #[test]
    fn rewordings_meet() {
        let a = m("北屿市总工会投入消费扶贫资金", "。");
        let b = m("市总工会消费扶贫资金投入达", "，共采购");
        assert!(a.same_as(&b), "{a:?} {b:?}");
        let a = m("依托特色产业累计带动", "名贫困人口增收。");
        let b = m("依托特色产业累计带动", "名贫困人口增收，全县大力发展种养业。");
        assert!(a.same_as(&b), "{a:?} {b:?}");
        let a = m("全县共有建档立卡贫困户", "。");
        let b = m("全县", "户建档立卡贫困户中");
        assert!(a.same_as(&b), "{a:?} {b:?}");
    }

    #[test]
    fn who_was_moved_to_take_part_is_who_took_part() {
        let a = m("全市共动员", "企业参与“百企帮百村”行动。");
        let b = m("全市参与“百企帮百村”行动的企业共", "，结对帮扶贫困村");
        assert!(a.same_as(&b), "{a:?} {b:?}");
        assert!(!m("动员企业", "").same_as(&m("企业参与", "")), "too little said to tell");
    }

    #[test]
    fn other_metrics_do_not() {
        assert!(!m("投入资金", "").same_as(&m("投入培训资金", "")));
        assert!(!m("投入帮扶资金", "").same_as(&m("投入产业帮扶资金", "")));
        assert!(!m("林地面积", "").same_as(&m("耕地面积", "")));
        assert!(!m("城镇困难职工家庭人均月收入由", "").same_as(&m("农村困难职工家庭人均月收入由", "")));
        assert!(!m("培训", "").same_as(&m("培训", "")), "too short to tell");
    }

    #[test]
    fn a_label_stands_within_a_context() {
        let label = Metric::from_text("投入帮扶资金".into());
        assert!(label.within(&m("全市工会累计投入帮扶资金", "")));
        assert!(!label.within(&m("各级工会投入产业帮扶资金", "")));
    }
}
