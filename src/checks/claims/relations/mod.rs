//! How claims relate, found by the words that tie them, not by distance:
//! a total and its parts (其中, 分别为, 合计), shares of one whole (占),
//! a rate with its part and whole (占…的, 覆盖率), growth between two values
//! (由A增至B, 比上年, 是…的N倍, 翻一番), and an average with its total and
//! count (户均, 人均, 平均每场).

mod average;
mod breakdown;
mod direction;
mod earlier;
mod forms;
mod growth;
mod listed;
mod monthly;
mod named_ratio;
mod rate;
pub mod restated;
mod share_lists;
mod succession;
pub mod table;
mod target;

use std::ops::Range;

use crate::checks::lexicon::relations::{FALL_WORDS, RISE_WORDS};
use average::*;
use breakdown::*;
pub use breakdown::{overlap, scale};
pub use direction::Direction;
use direction::directions;
use earlier::*;
use forms::*;
use growth::*;
pub use listed::{NamedList, NoteCount, Ratio, count_value};
pub use monthly::Monthly;
use monthly::monthly;
use named_ratio::*;
use rate::*;
use share_lists::*;
pub use succession::Succession;
use target::*;

use super::metric::pair_key;
use super::{ClaimId, Claims, Modality, family, is_count, is_money};
use crate::checks::context::SectionView;
use crate::figures::{Figure, Kind, Qualifier};

/// A total and the parts listed under it.
#[derive(Debug, Clone)]
pub struct Breakdown {
    pub total: ClaimId,
    pub parts: Vec<ClaimId>,
    /// The list names every part (分别为, 三项合计, 三类共46个): the parts
    /// must make up the total, not only stay under it.
    pub complete: bool,
    /// The parts may overlap (女生…, 建档立卡家庭子女…): only each part is
    /// compared with the total, not their sum.
    pub overlapping: bool,
}

/// Shares of one whole in one sentence (占52%、占31%, 二分之一用于…).
#[derive(Debug, Clone)]
pub struct ShareList {
    pub shares: Vec<ClaimId>,
    /// A total written with them (合计100%).
    pub stated: Option<ClaimId>,
    /// The text names every part (分3个阶段，分别按…的30%、30%和40%; 由4种类型构成):
    /// the shares must make 100%, not only stay under it.
    pub complete: bool,
}

/// A rate or share with the two figures it is the quotient of.
#[derive(Debug, Clone)]
pub struct Rate {
    pub rate: ClaimId,
    pub part: ClaimId,
    pub whole: ClaimId,
    /// The whole was taken from the sentence before by its kind alone (占比
    /// with no whole of its own): a reading, so BD105 warns and says so.
    pub whole_assumed: bool,
    /// The whole was taken from earlier text by the name the share gives it
    /// (占总人口的 and 总人口15944户38943人 three sections before): the name, for
    /// the warning to say what it assumed.
    pub whole_named: Option<String>,
    /// Another figure the share may be of, when the text allows two readings
    /// (劳动人口10926人，其中城区9895人、乡村1031人，占总人口的28%: the list's total
    /// or its last part): the rate holds when either reading gives it.
    pub alt_part: Option<ClaimId>,
    /// Another part and whole, for a count given as households and people
    /// (完成搬迁1469户7832人，完成任务的111.89%, against 计划1297户7000人): the
    /// rate holds when either unit's pair gives it.
    pub alt_pair: Option<(ClaimId, ClaimId)>,
}

/// What a growth figure says about its two values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrowthKind {
    /// 增长15%: (to − from) ÷ from.
    Relative,
    /// 提高2.4个百分点: to − from, for two rates.
    Points,
    /// 增长2倍: to ÷ from − 1.
    Times,
    /// 增至3倍, 是上年的3倍: to ÷ from.
    ToTimes,
    /// 翻一番, 翻两番: to ÷ from = 2, 4.
    Doublings,
    /// 增加200户: to − from in the values' unit.
    Absolute,
    /// 年均增长12% over n years: (to ÷ from)^(1/n) − 1.
    AnnualAverage(u8),
    /// 年均增长13.14亿元 over n years: (to − from) ÷ n.
    AnnualAmount(u8),
    /// 比上年增加1637亿元，增长37.9%: `from` is the change, and the base is
    /// to − from: from ÷ (to − from).
    RelativeToChange,
    /// 比2010年增加13480元，年均递增12.2% over n years: `from` is the change,
    /// the base is to − from, and the rate is (to ÷ base)^(1/n) − 1.
    AnnualToChange(u8),
    /// 由46个增长了12个，增幅为26.1%: `to` is the change said by how much, and
    /// the percentage is to ÷ from.
    RelativeOfChange,
}

/// A change between two values of one metric.
#[derive(Debug, Clone)]
pub struct Growth {
    pub from: ClaimId,
    pub to: ClaimId,
    pub change: ClaimId,
    pub kind: GrowthKind,
    /// 下降, 减少, 降至: the change is a fall.
    pub down: bool,
    /// What the growth took from beyond its own words (see [`Assumed`]).
    pub assumed: Assumed,
}

/// What a growth took from beyond its own words: a reading, so BD107 only
/// warns and says what it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Assumed {
    /// Nothing: the growth's words name both values and the years.
    #[default]
    Nothing,
    /// The base is the same metric's value stated in another part of the brief
    /// (a plan's 增长11%，达到282亿元 over the review's 完成253.7亿元).
    Base,
    /// The years of a yearly average are those of the stretch named around it
    /// (五年来, “十三五”时期), not of the two values.
    Span,
}

/// An average with its total and its count.
#[derive(Debug, Clone)]
pub struct Average {
    pub average: ClaimId,
    pub total: ClaimId,
    pub count: ClaimId,
    /// The count is not in the average's sentence but in an opening section
    /// (内容提要), found by the act the total is of: taking it as the count is
    /// an assumption.
    pub count_elsewhere: bool,
    /// Each counted thing got the average (42所学校各配备一套价值18万元的设备):
    /// the total is their product, and a finding says so.
    pub each: bool,
}

/// Every relation found in a brief.
#[derive(Debug, Default)]
pub struct Relations {
    pub breakdowns: Vec<Breakdown>,
    pub shares: Vec<ShareList>,
    pub rates: Vec<Rate>,
    pub growth: Vec<Growth>,
    pub averages: Vec<Average>,
    /// Figures for a year said again by the month (年平均工资…，月平均…).
    pub monthly: Vec<Monthly>,
    /// Changes said to go one way between two values (由A增加到B).
    pub directions: Vec<Direction>,
    /// Ratios that share out one whole (三次产业结构12.1：38.6：49.3).
    pub ratios: Vec<Ratio>,
    /// Counts said of the items just named (甲、乙、丙等3个项目).
    pub named_lists: Vec<NamedList>,
    /// Counts in the text that a note opens with again (等6所幼儿园〔26〕 and 〔26〕6所幼儿园：…).
    pub note_counts: Vec<NoteCount>,
    /// Counts of the same things at two steps (已建成86个，投产59个; 76个项目开工65个).
    pub successions: Vec<Succession>,
    /// What the tables state by their layout (合计, 小计, 其中, 占比, 增长).
    pub tables: table::Tables,
}

/// Words before a figure that make it a change, not a value.
const CHANGE_WORDS: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "下降", "减少", "降低", "增幅", "降幅", "增速", "扩大", "缩小", "回落",
    "翻", "递增", "递减",
];
/// [`CHANGE_WORDS`] as a set, built once.
static CHANGE: std::sync::LazyLock<crate::figures::WordSet> =
    std::sync::LazyLock::new(|| crate::figures::WordSet::new(CHANGE_WORDS));

/// Whether the text holds a word of change ([`CHANGE_WORDS`]). 增加值 (value
/// added: 第一产业增加值) is a measure, not an increase.
pub(crate) fn says_change(text: &str) -> bool {
    holds_a_word(&CHANGE, text)
}

/// Whether `text` holds one of `words`, 增加值 (value added, a measure: 第一产业增加值)
/// read as no 增加 (an increase). The lists of change words all hold 增加.
pub(crate) fn holds_a_word(words: &crate::figures::WordSet, text: &str) -> bool {
    words.is_match(text) && (!text.contains("增加值") || words.is_match(&text.replace("增加值", "附加值")))
}

/// Words that say a change is a fall.
const DOWN_WORDS: &[&str] = &["下降", "减少", "降低", "降幅", "回落", "缩小", "降至", "降到", "减至", "递减"];
/// Words between 由A and B that say B is the new value.
const TO_WORDS: &[&str] = &[
    "增至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "上升到",
    "上升至",
    "扩大到",
    "扩大至",
    "达到",
    "降至",
    "降到",
    "下降到",
    "下降至",
    "减少到",
    "减少至",
    "减至",
    "缩小到",
    "回落到",
    "到",
    "至",
];
/// How many sentences a list of parts may run through, joined by ；: a list
/// has a few dozen parts at most, and the bound keeps a long run of ；-joined
/// lists linear.
const MAX_JOINED: usize = 32;

/// Words that break a list of parts: the figure after them is another metric.
const LIST_BREAKS: &[&str] = &[
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "占",
    "人均",
    "户均",
    "平均",
    "带动",
    "吸纳",
    "增长",
    "增加",
    "提高",
    "下降",
    "减少",
    "惠及",
    "覆盖",
    "受益",
    "辐射",
    "涉及",
];
/// [`LIST_BREAKS`] as a set, built once.
static LIST_BREAK: std::sync::LazyLock<crate::figures::WordSet> =
    std::sync::LazyLock::new(|| crate::figures::WordSet::new(LIST_BREAKS));
/// Dimensions that cut across one another: parts named by different ones overlap.
const DIMENSIONS: &[&[&str]] = &[
    &["女生", "女性", "女职工", "妇女", "女童", "女工", "男生", "男性", "男职工", "男童"],
    &["少数民族", "汉族", "民族"],
    &["建档立卡", "贫困", "低保", "脱贫", "困难", "特困"],
    &["党员", "团员"],
    &["残疾"],
    &["留守", "孤儿"],
    &["大学", "大专", "本科", "高中", "初中", "中职", "研究生"],
    &["岁", "老年", "青年", "儿童"],
    &["城镇", "农村", "城市", "乡村"],
    &["农业", "工业", "服务业", "第一产业", "第二产业", "第三产业", "建筑业"],
];

struct Doc<'a> {
    sections: &'a [SectionView<'a>],
    claims: &'a Claims,
    /// The claims whose clause holds each pair of characters, built when first needed.
    pairs: std::cell::OnceCell<(Vec<u64>, Vec<Range<ClaimId>>)>,
    /// The pairs looked up by searching the clauses, with their claims.
    scanned: std::cell::RefCell<Vec<(u64, Vec<ClaimId>)>>,
    /// The stocks stated in opening sections (全市共有困难职工档案户3600户), built when first needed.
    stocks: std::cell::OnceCell<Vec<ClaimId>>,
    /// The actual claims of opening sections that state an amount, built when first needed.
    opening_amounts: std::cell::OnceCell<Vec<ClaimId>>,
    /// The actual, exactly stated claims of each year, built when first needed.
    by_year: std::cell::OnceCell<rustc_hash::FxHashMap<i32, Vec<ClaimId>>>,
}

/// How many pairs of characters are looked up by searching the clauses
/// before the index of all pairs is built.
const SCANNED_PAIRS: usize = 16;

/// The bits of an index entry that number its clause (see `Doc::clause_pairs`);
/// a pair's key takes the 42 above them.
const GROUP_BITS: u32 = 22;

impl<'a> Doc<'a> {
    fn new(sections: &'a [SectionView<'a>], claims: &'a Claims) -> Doc<'a> {
        Doc {
            sections,
            claims,
            pairs: Default::default(),
            scanned: Default::default(),
            stocks: Default::default(),
            opening_amounts: Default::default(),
            by_year: Default::default(),
        }
    }

    /// Whether a claim stands in an opening section (基本情况, 内容提要).
    fn in_opening(&self, x: ClaimId) -> bool {
        let role = &self.sections[self.claims.all[x].section].role;
        matches!(role, crate::model::Role::Background | crate::model::Role::Summary)
    }

    /// The actual amounts stated in opening sections.
    fn opening_amounts(&self) -> &[ClaimId] {
        self.opening_amounts.get_or_init(|| {
            (0..self.claims.all.len())
                .filter(|x| {
                    self.in_opening(*x) && self.claims.all[*x].modality == Modality::Actual && self.is_amount(*x)
                })
                .collect()
        })
    }

    /// The claims of opening sections (基本情况, 内容提要) that state a stock: 共有, 总数, 总计, 共计.
    fn stocks(&self) -> &[ClaimId] {
        self.stocks.get_or_init(|| {
            (0..self.claims.all.len())
                .filter(|x| {
                    self.in_opening(*x)
                        && ["共有", "总数", "总计", "共计"].iter().any(|w| self.clause_before(*x).contains(w))
                })
                .collect()
        })
    }

    /// The actual claims stated exactly, by their year.
    fn by_year(&self) -> &rustc_hash::FxHashMap<i32, Vec<ClaimId>> {
        self.by_year.get_or_init(|| {
            let mut map: rustc_hash::FxHashMap<i32, Vec<ClaimId>> = Default::default();
            for (x, c) in self.claims.all.iter().enumerate() {
                if let Some(y) = c.time.year
                    && c.modality == Modality::Actual
                    && self.figure(x).qualifier == Qualifier::Exact
                {
                    map.entry(y).or_default().push(x);
                }
            }
            map
        })
    }

    /// An index from a pair of characters to the clauses that hold it: each
    /// entry is the pair's key above [`GROUP_BITS`] bits of the clause's number,
    /// sorted; with the claims of each clause (consecutive claims share one).
    fn clause_pairs(&self) -> &(Vec<u64>, Vec<Range<ClaimId>>) {
        self.pairs.get_or_init(|| {
            let mut groups: Vec<Range<ClaimId>> = Vec::new();
            for (id, c) in self.claims.all.iter().enumerate() {
                match groups.last_mut() {
                    Some(g)
                        if {
                            let first = &self.claims.all[g.start];
                            (first.section, &first.clause) == (c.section, &c.clause)
                        } =>
                    {
                        g.end = id + 1;
                    }
                    _ => groups.push(id..id + 1),
                }
            }
            // A brief of more than four million clauses has its first ones indexed.
            groups.truncate(1 << GROUP_BITS);
            let mut index: Vec<u64> = Vec::new();
            let mut seen: Vec<u64> = Vec::new();
            for (g, ids) in groups.iter().enumerate() {
                let c = &self.claims.all[ids.start];
                let clause = &self.body(ids.start)[c.clause.clone()];
                seen.clear();
                seen.extend(clause.chars().zip(clause.chars().skip(1)).map(|(x, y)| pair_key(x, y)));
                seen.sort_unstable();
                seen.dedup();
                index.extend(seen.iter().map(|p| (p << GROUP_BITS) | g as u64));
            }
            index.sort_unstable();
            (index, groups)
        })
    }

    /// The claims whose clause holds the pair, from the index.
    fn indexed_pair(&self, key: u64) -> Vec<ClaimId> {
        let (index, groups) = self.clause_pairs();
        let from = index.partition_point(|e| e >> GROUP_BITS < key);
        index[from..]
            .iter()
            .take_while(|e| *e >> GROUP_BITS == key)
            .flat_map(|e| groups[(e & ((1 << GROUP_BITS) - 1)) as usize].clone())
            .collect()
    }

    /// The claims whose clause holds the pair of characters, in order. A brief
    /// asks for a few pairs: each is found by searching the clauses, and kept;
    /// past [`SCANNED_PAIRS`] pairs the whole index is built once instead.
    fn claims_with_pair(&self, x: char, y: char) -> Vec<ClaimId> {
        let key = pair_key(x, y);
        if self.pairs.get().is_some() {
            return self.indexed_pair(key);
        }
        if let Some((_, ids)) = self.scanned.borrow().iter().find(|(k, _)| *k == key) {
            return ids.clone();
        }
        if self.scanned.borrow().len() >= SCANNED_PAIRS {
            return self.indexed_pair(key);
        }
        let mut word = String::with_capacity(8);
        word.push(x);
        word.push(y);
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let mut ids = Vec::new();
        let mut last: Option<(usize, &Range<usize>, bool)> = None;
        for (id, c) in self.claims.all.iter().enumerate() {
            let holds = match last {
                Some((s, r, holds)) if (s, r) == (c.section, &c.clause) => holds,
                _ => finder.find(self.body(id)[c.clause.clone()].as_bytes()).is_some(),
            };
            last = Some((c.section, &c.clause, holds));
            if holds {
                ids.push(id);
            }
        }
        self.scanned.borrow_mut().push((key, ids.clone()));
        ids
    }

    fn figure(&self, id: ClaimId) -> &'a Figure {
        let c = &self.claims.all[id];
        &self.sections[c.section].figures[c.figure]
    }

    fn body(&self, id: ClaimId) -> &'a str {
        self.sections[self.claims.all[id].section].body
    }

    /// The words before the claim in its clause.
    fn lead(&self, id: ClaimId) -> &'a str {
        let c = &self.claims.all[id];
        &self.body(id)[c.lead.clone()]
    }

    /// The words of its clause before it, from the clause's start.
    fn clause_before(&self, id: ClaimId) -> &'a str {
        let c = &self.claims.all[id];
        &self.body(id)[c.clause.start..self.figure(id).span.start]
    }

    /// Its sentence up to it.
    fn sentence_before(&self, id: ClaimId) -> &'a str {
        let c = &self.claims.all[id];
        let s = &self.sections[c.section];
        &s.body[s.sentences[c.sentence].span.start..self.figure(id).span.start]
    }

    fn unit(&self, id: ClaimId) -> &'static str {
        self.figure(id).unit
    }

    fn is_amount(&self, id: ClaimId) -> bool {
        let f = self.figure(id);
        f.kind == Kind::Quantity && (is_count(f.unit) || is_money(f.unit) || !f.unit.is_empty())
    }

    fn is_share(&self, id: ClaimId) -> bool {
        let f = self.figure(id);
        f.kind == Kind::Fraction || f.kind == Kind::Percent && f.unit == "%"
    }

    /// The text between two claims of one section.
    fn between(&self, a: ClaimId, b: ClaimId) -> &'a str {
        let (fa, fb) = (self.figure(a), self.figure(b));
        self.body(a).get(fa.span.end..fb.span.start).unwrap_or("")
    }
}

/// The Chinese words before the first amount among `ids` (其中 left out).
fn first_amount_lead<'a>(doc: &Doc<'a>, ids: &[ClaimId]) -> Option<&'a str> {
    let id = ids.iter().copied().find(|id| doc.is_amount(*id))?;
    let lead = doc.lead(id).trim_matches(|c: char| !crate::model::is_cjk(c));
    Some(lead.strip_prefix("其中").unwrap_or(lead))
}

/// Whether two clauses each name a thing counted two ways, in the same two
/// measures (村民1242户，人口4050人；社区居民13510户，人口30665人): parts in
/// parallel whatever their names (see [`breakdown::rides_with`]).
fn paired_alike(doc: &Doc, a: &[ClaimId], b: &[ClaimId]) -> bool {
    let pair = |ids: &[ClaimId]| {
        let amounts: Vec<ClaimId> = ids.iter().copied().filter(|x| doc.is_amount(*x)).collect();
        match amounts[..] {
            [x, y, ..] if breakdown::rides_with(doc, x, y) => Some((family(doc.unit(x)), family(doc.unit(y)))),
            _ => None,
        }
    };
    pair(a).is_some() && pair(a) == pair(b)
}

/// Whether two parts are named in parallel (第一产业增加值 and 第二产业增加值, 种植业产值 and
/// 养殖业产值, 旱田 and 水田): as many characters, two or more, the last two the
/// same (the last one for names of two characters).
fn parallel(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let tail = if ca.len() == 2 { 1 } else { 2 };
    ca.len() >= 2 && ca.len() == cb.len() && ca[ca.len() - tail..] == cb[cb.len() - tail..]
}

/// Adds the share lists that hold no share of a list already found.
fn add_shares(lists: &mut Vec<ShareList>, more: Vec<ShareList>) {
    for l in more {
        if !lists.iter().any(|o| o.shares.iter().any(|x| l.shares.contains(x))) {
            lists.push(l);
        }
    }
}

/// Finds every relation.
pub fn find(sections: &[SectionView], claims: &Claims) -> Relations {
    // The forms read from the text alone, with no claim (ratios, counted lists,
    // notes, tables), are read on a second thread while the claims' are read here
    // (for a text that is not short: `shared_out::beside`).
    let bytes = sections.iter().map(|s| s.body.len()).sum();
    let ((ratios, named_lists, note_counts, tables), mut r) =
        crate::checks::shared_out::beside(bytes, || text_forms(sections), || claim_forms(sections, claims));
    (r.ratios, r.named_lists, r.note_counts, r.tables) = (ratios, named_lists, note_counts, tables);
    r
}

/// The relations of [`find`] that read the text alone.
fn text_forms(sections: &[SectionView]) -> (Vec<Ratio>, Vec<NamedList>, Vec<NoteCount>, table::Tables) {
    let mut ratios = Vec::new();
    let mut named_lists = Vec::new();
    for (si, s) in sections.iter().enumerate() {
        ratios.extend(listed::ratios(si, s.body));
        named_lists.extend(listed::named_lists(si, s.body));
    }
    (ratios, named_lists, listed::note_counts(sections), table::find(sections))
}

/// The relations of [`find`] between claims.
fn claim_forms(sections: &[SectionView], claims: &Claims) -> Relations {
    let doc = Doc::new(sections, claims);
    let mut r = Relations::default();
    for (si, s) in sections.iter().enumerate() {
        // The section's claims come in sentence order: each sentence that has claims, once.
        let range = claims.by_section[si].clone();
        let mut next = range.start;
        while next < range.end {
            let ni = claims.all[next].sentence;
            let first = next;
            while next < range.end && claims.all[next].sentence == ni {
                next += 1;
            }
            let ids: Vec<ClaimId> = (first..next).collect();
            let sentence = &s.body[s.sentences[ni].span.clone()];
            let before = r.breakdowns.len();
            breakdowns(&doc, sentence, s.sentences[ni].span.start, &ids, &mut r.breakdowns);
            // 其中 inside a sentence that ends with ；: its list goes on through the
            // sentences the ； joins while they name parallel parts or are a bare part,
            // a name of two to four characters and one figure in the first part's unit
            // (耕地4208公顷，其中旱田2618公顷；水田1590公顷。), and the longer list stands
            // for the shorter. 其中…；当年新造林2600亩 is no part: its name says more.
            if let Some(i) = sentence.find("其中").filter(|i| *i > 0)
                && sentence.trim_end().ends_with(['；', ';'])
            {
                let mut all = ids.clone();
                let after = &ids[ids.partition_point(|&c| doc.figure(c).span.start < s.sentences[ni].span.start + i)..];
                let first_lead = first_amount_lead(&doc, after);
                let first_unit = after.first().map(|&c| doc.unit(c));
                let bare = |next: &[ClaimId], j: usize| {
                    let [c] = next else { return false };
                    let text = s.body[s.sentences[j].span.clone()].trim().trim_end_matches(['；', ';', '。']);
                    let f = doc.figure(*c);
                    let name = &s.body[s.sentences[j].span.start..f.span.start].trim_start();
                    let n = name.chars().count();
                    Some(doc.unit(*c)) == first_unit
                        && (2..=4).contains(&n)
                        && name.chars().all(crate::model::is_cjk)
                        && text.ends_with(&s.body[f.span.clone()])
                };
                let mut j = ni;
                while j + 1 < s.sentences.len().min(ni + MAX_JOINED)
                    && s.body[..s.sentences[j].span.end].trim_end().ends_with(['；', ';'])
                {
                    j += 1;
                    let next: Vec<ClaimId> = claims.in_sentence(si, j).collect();
                    // A sentence with a 其中 of its own opens its own list.
                    let own_list = s.body[s.sentences[j].span.clone()].contains("其中");
                    if next.is_empty()
                        || own_list
                        || !(parallel(first_lead, first_amount_lead(&doc, &next))
                            || bare(&next, j)
                            || paired_alike(&doc, after, &next))
                    {
                        break;
                    }
                    all.extend(next);
                }
                if all.len() > ids.len()
                    && let Some(found) = list_after(&doc, &all, s.sentences[ni].span.start + i, "其中")
                {
                    for b in found {
                        match r.breakdowns[before..].iter().position(|x| x.total == b.total) {
                            Some(k) => r.breakdowns[before + k] = b,
                            None => r.breakdowns.push(b),
                        }
                    }
                }
            }
            // 其中 that opens a sentence lists the parts of the previous sentence's total.
            if sentence.trim_start().starts_with("其中") && ni > 0 {
                let mut both: Vec<ClaimId> = claims.in_sentence(si, ni - 1).collect();
                // Totals counted two ways in a series joined by ； (蔬菜96公顷，产量3106吨；
                // 水果25.3公顷，产量158吨。其中：…): the list may be of any of them, so all are
                // candidates (`breakdown::list_after` then reads it only if it fits one).
                if ni > 1 && s.body[..s.sentences[ni - 2].span.end].trim_end().ends_with(['；', ';']) {
                    let series: Vec<ClaimId> = claims.in_sentence(si, ni - 2).collect();
                    if paired_alike(&doc, &series, &both) {
                        both.splice(0..0, series);
                    }
                }
                both.extend(&ids);
                // The list goes on through the sentences its ； joins (其中，第一产业增加值…，
                // 增长4.1%；第二产业增加值…；第三产业…。) while they name parallel parts: the
                // same number of characters before the figure, the last two the same. 工业增加值…；
                // 规模以上工业增加值… is a part of a part, 乡村旅游接待游客…；过夜游客… another cut.
                let first_lead = first_amount_lead(&doc, &ids);
                let mut j = ni;
                while j + 1 < s.sentences.len().min(ni + MAX_JOINED)
                    && s.body[..s.sentences[j].span.end].trim_end().ends_with(['；', ';'])
                {
                    j += 1;
                    let next: Vec<ClaimId> = claims.in_sentence(si, j).collect();
                    if !(parallel(first_lead, first_amount_lead(&doc, &next)) || paired_alike(&doc, &ids, &next)) {
                        break;
                    }
                    both.extend(next);
                }
                let at = s.sentences[ni].span.start + (sentence.len() - sentence.trim_start().len());
                if let Some(found) = list_after(&doc, &both, at, "其中") {
                    r.breakdowns.extend(found);
                }
            }
            enumerated(&doc, sentence, s.sentences[ni].span.start, &ids, &mut r.breakdowns);
            growth(&doc, &ids, &mut r.growth);
            directions(&doc, &ids, &mut r.directions);
            shares(&doc, &ids, &mut r.shares);
            succession::successions(&doc, &ids, &mut r.successions);
            let mut more = Vec::new();
            monthly(&doc, &ids, &mut r.monthly);
            allocations(&doc, &ids, &mut more);
            steps(&doc, &ids, &mut more);
            add_shares(&mut r.shares, more);
        }
    }
    // Forms that reach past one sentence, or read the brackets of one.
    for si in 0..sections.len() {
        let ids: Vec<ClaimId> = claims.by_section[si].clone().collect();
        bracketed(&doc, &ids, &mut r.breakdowns);
        cuts(&doc, si, &mut r.breakdowns);
        enumerated_paragraphs(&doc, si, &mut r.breakdowns);
        let mut after = Vec::new();
        total_next(&doc, si, &r.breakdowns, &mut after);
        r.breakdowns.extend(after);
        let mut more = Vec::new();
        kinds(&doc, si, &mut more);
        add_shares(&mut r.shares, more);
    }
    // Rates and averages look for their figures by meaning, past the sentence.
    for id in 0..claims.all.len() {
        let rate = rate(&doc, id, &r.breakdowns, &r.growth)
            .or_else(|| named_ratio(&doc, id))
            .or_else(|| completion(&doc, id, &r.breakdowns));
        if let Some(rate) = rate {
            r.rates.push(rate);
        }
        if let Some(avg) = average(&doc, id).or_else(|| each(&doc, id)) {
            r.averages.push(avg);
        }
    }
    r.growth.extend(year_on_year(&doc, &r.growth));
    r.growth.extend(over_review(&doc, &r.directions, &r.growth));
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Context, Env};

    #[test]
    fn a_highlight_of_a_part_is_no_part() {
        use crate::checks::rules::testing::fired;
        assert_eq!(fired("全镇果树8500余亩，其中苹果6000余亩，东村一村种植面积就达3500亩。", "BD103"), 0);
        assert_eq!(fired("全县养殖肉牛1.2万头，其中西乡8000头，仅北坡村就有5000头。", "BD103"), 0);
        assert_eq!(fired("全市培训3000人次，其中电商培训1800人次，县城一地就超过1500人次。", "BD103"), 0);
        // Look-alike: two parts side by side that pass their total.
        assert_eq!(fired("全镇果树8500余亩，其中苹果6000余亩，梨3500亩。", "BD103"), 1);
    }

    #[test]
    fn a_list_after_qizhong_goes_on_past_a_semicolon() {
        assert_eq!(
            crate::checks::rules::testing::fired("全镇林地面积5200亩，其中公益林3100亩；商品林2600亩。", "BD103"),
            1
        );
        assert_eq!(crate::checks::rules::testing::fired("全村常住人口1320人，其中男性700人；女性680人。", "BD103"), 1);
        assert_eq!(crate::checks::rules::testing::fired("全县耕地3.6万亩，其中水田2.1万亩；旱地1.9万亩。", "BD103"), 1);
        // Look-alikes: parts within; a clause after ； that is no parallel part.
        assert_eq!(
            crate::checks::rules::testing::fired("全镇林地面积5200亩，其中公益林3100亩；商品林2100亩。", "BD103"),
            0
        );
        assert_eq!(
            crate::checks::rules::testing::fired(
                "全镇林地面积5200亩，其中公益林3100亩；当年新造林面积2600亩。",
                "BD103"
            ),
            0
        );
    }

    #[test]
    fn every_average_word_has_jun_or_mei() {
        // `average_unit` answers leads without 均, 每 or 亩 at once.
        assert!(AVERAGE_WORDS.iter().all(|(w, _)| w.contains(['均', '每', '亩'])));
    }

    #[test]
    fn pairs_found_by_search_are_the_index_s() {
        let brief =
            crate::format::load_brief(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/brief.ron")))
                .expect("the example brief");
        let cx = Context::new(&brief, &Env::default());
        // One doc searches (then falls back to its index); the other's index is the reference.
        let doc = Doc::new(&cx.sections, &cx.claims);
        let reference = Doc::new(&cx.sections, &cx.claims);
        let mut asked = 0;
        for (id, c) in cx.claims.all.iter().enumerate().step_by(3) {
            let clause: Vec<char> = doc.body(id)[c.clause.clone()].chars().collect();
            for w in clause.windows(2).step_by(4) {
                let searched = doc.claims_with_pair(w[0], w[1]);
                let indexed = reference.indexed_pair(pair_key(w[0], w[1]));
                assert_eq!(searched, indexed, "{}{}", w[0], w[1]);
                assert!(searched.contains(&id), "a clause holds its own pairs");
                asked += 1;
            }
        }
        assert!(asked > SCANNED_PAIRS, "both ways were asked: {asked}");
        assert_eq!(doc.scanned.borrow().len(), SCANNED_PAIRS, "the first pairs were searched");
    }
}
