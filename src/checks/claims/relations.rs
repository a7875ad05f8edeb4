//! How claims relate, found by the words that tie them, not by distance:
//! a total and its parts (其中, 分别为, 合计), shares of one whole (占),
//! a rate with its part and whole (占…的, 覆盖率), growth between two values
//! (由A增至B, 比上年, 是…的N倍, 翻一番), and an average with its total and
//! count (户均, 人均, 平均每场).

use std::ops::Range;

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
}

/// A rate or share with the two figures it is the quotient of.
#[derive(Debug, Clone)]
pub struct Rate {
    pub rate: ClaimId,
    pub part: ClaimId,
    pub whole: ClaimId,
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
    /// 比上年增加1637亿元，增长37.9%: `from` is the change, and the base is
    /// to − from: from ÷ (to − from).
    RelativeToChange,
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
}

/// An average with its total and its count.
#[derive(Debug, Clone)]
pub struct Average {
    pub average: ClaimId,
    pub total: ClaimId,
    pub count: ClaimId,
}

/// Every relation found in a brief.
#[derive(Debug, Default)]
pub struct Relations {
    pub breakdowns: Vec<Breakdown>,
    pub shares: Vec<ShareList>,
    pub rates: Vec<Rate>,
    pub growth: Vec<Growth>,
    pub averages: Vec<Average>,
}

/// Words before a figure that make it a change, not a value.
const CHANGE_WORDS: &[&str] = &[
    "增长", "增加", "提高", "提升", "上升", "下降", "减少", "降低", "增幅", "降幅", "增速", "扩大", "缩小", "回落",
    "翻",
];
/// [`CHANGE_WORDS`] in one automaton.
static CHANGE: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(CHANGE_WORDS).expect("the change words build an automaton")
});

/// Whether the text holds a word of change ([`CHANGE_WORDS`]).
fn says_change(text: &str) -> bool {
    CHANGE.is_match(text)
}

/// Words that say a change is a fall.
const DOWN_WORDS: &[&str] = &["下降", "减少", "降低", "降幅", "回落", "缩小", "降至", "降到", "减至"];
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
    /// The actual, exactly stated claims of each year, built when first needed.
    by_year: std::cell::OnceCell<rustc_hash::FxHashMap<i32, Vec<ClaimId>>>,
}

/// How many pairs of characters are looked up by searching the clauses
/// before the index of all pairs is built.
const SCANNED_PAIRS: usize = 16;

/// The bits of an index entry that number its clause (see `Doc::clause_pairs`);
/// a pair's key takes the 42 above them.
const GROUP_BITS: u32 = 22;

/// Two characters as one key.
fn pair_key(x: char, y: char) -> u64 {
    (u64::from(x) << 21) | u64::from(y)
}

impl<'a> Doc<'a> {
    fn new(sections: &'a [SectionView<'a>], claims: &'a Claims) -> Doc<'a> {
        Doc {
            sections,
            claims,
            pairs: Default::default(),
            scanned: Default::default(),
            stocks: Default::default(),
            by_year: Default::default(),
        }
    }

    /// The claims of opening sections (基本情况, 内容提要) that state a stock: 共有, 总数, 总计, 共计.
    fn stocks(&self) -> &[ClaimId] {
        self.stocks.get_or_init(|| {
            (0..self.claims.all.len())
                .filter(|x| {
                    let s = &self.sections[self.claims.all[*x].section];
                    matches!(s.role, crate::model::Role::Background | crate::model::Role::Summary)
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

/// Finds every relation.
pub fn find(sections: &[SectionView], claims: &Claims) -> Relations {
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
            breakdowns(&doc, sentence, s.sentences[ni].span.start, &ids, &mut r.breakdowns);
            // 其中 that opens a sentence lists the parts of the previous sentence's total.
            if sentence.trim_start().starts_with("其中") && ni > 0 {
                let mut both: Vec<ClaimId> = claims.in_sentence(si, ni - 1).collect();
                both.extend(&ids);
                let at = s.sentences[ni].span.start + (sentence.len() - sentence.trim_start().len());
                if let Some(b) = list_after(&doc, &both, at, "其中") {
                    r.breakdowns.push(b);
                }
            }
            growth(&doc, &ids, &mut r.growth);
            shares(&doc, &ids, &mut r.shares);
        }
    }
    // Rates and averages look for their figures by meaning, past the sentence.
    for id in 0..claims.all.len() {
        if let Some(rate) = rate(&doc, id, &r.breakdowns, &r.growth) {
            r.rates.push(rate);
        }
        if let Some(avg) = average(&doc, id) {
            r.averages.push(avg);
        }
    }
    r.growth.extend(year_on_year(&doc, &r.growth));
    r
}

/// The dimensions a part's words name.
fn dimensions(words: &str) -> u32 {
    let named = DIMENSIONS
        .iter()
        .enumerate()
        .filter(|(_, ws)| ws.iter().any(|w| words.contains(w)))
        .fold(0, |acc, (i, _)| acc | (1 << i));
    // 女劳动力, 男职工: a part named by sex first.
    let han = words.trim_start_matches(|c: char| !('\u{4e00}'..='\u{9fff}').contains(&c));
    let han = han.strip_prefix("其中").unwrap_or(han);
    if han.starts_with(['女', '男']) { named | 1 } else { named }
}

/// Whether parts named by these words may overlap: they differ by two or more dimensions.
pub fn overlap(words: &[&str]) -> bool {
    let dims: Vec<u32> = words.iter().map(|w| dimensions(w)).collect();
    let all = dims.iter().fold(u32::MAX, |a, d| a & d);
    let any = dims.iter().fold(0, |a, d| a | d);
    (any & !all).count_ones() >= 2
}

/// A number of items said before a total (三类共46个, 三项合计): the count.
fn stated_count(doc: &Doc, total: ClaimId, ids: &[ClaimId]) -> Option<usize> {
    let f = doc.figure(total);
    ids.iter()
        .copied()
        .take_while(|id| doc.figure(*id).span.start < f.span.start)
        .filter(|id| {
            let c = doc.figure(*id);
            matches!(c.unit, "类" | "项" | "种" | "个" | "部分" | "方面")
                && c.value.fract() == 0.0
                && doc.between(*id, total).chars().count() <= 6
        })
        .last()
        .map(|id| doc.figure(id).value as usize)
}

fn breakdowns(doc: &Doc, sentence: &str, offset: usize, ids: &[ClaimId], out: &mut Vec<Breakdown>) {
    // Total first: 总数，其中 / 包括 / 分别为 parts. Each opener starts with 其, 分, 主
    // or 包: a sentence with none of them (most) is passed over in one scan.
    let openers: &[&str] = if sentence.contains(['其', '分', '主', '包']) {
        &["其中", "分别为", "分别是", "主要包括", "包括", "主要有"]
    } else {
        &[]
    };
    for &opener in openers {
        let mut from = 0;
        while let Some(i) = sentence[from..].find(opener) {
            let at = offset + from + i;
            from += i + opener.len();
            // 分别为 inside 其中 … 分别为 is read with the 其中.
            if opener == "包括" && sentence[..from - opener.len()].ends_with("主要") {
                continue;
            }
            if let Some(b) = list_after(doc, ids, at, opener) {
                out.push(b);
            }
        }
    }
    // Parts first: A 820万元、B 430万元、C 310万元，三项合计1500万元.
    for (k, &id) in ids.iter().enumerate() {
        let lead = doc.clause_before(id);
        let Some(word) = ["合计", "共计", "总计", "一共", "总共"].into_iter().find(|w| lead.contains(w))
        else {
            continue;
        };
        let _ = word;
        if !doc.is_amount(id) || k < 2 {
            continue;
        }
        let fam = family(doc.unit(id));
        // The count of items said with the total (三项合计) stands between it and the parts.
        let counted = |p: &ClaimId| {
            matches!(doc.unit(*p), "项" | "类" | "种" | "个" | "部分" | "方面")
                && doc.claims.all[*p].clause == doc.claims.all[id].clause
        };
        let mut parts: Vec<ClaimId> = ids[..k]
            .iter()
            .copied()
            .rev()
            .skip_while(|p| counted(p) && family(doc.unit(*p)) != fam)
            .take_while(|p| doc.is_amount(*p) && family(doc.unit(*p)) == fam)
            .collect();
        parts.reverse();
        parts.retain(|p| doc.claims.all[*p].depth == doc.claims.all[id].depth);
        if parts.len() < 2 || out.iter().any(|b| b.total == parts[0] || b.parts.contains(&id)) {
            continue;
        }
        let words: Vec<&str> = parts.iter().map(|p| doc.lead(*p)).collect();
        let stated = stated_count(doc, id, ids);
        out.push(Breakdown {
            total: id,
            overlapping: overlap(&words),
            complete: stated.is_none_or(|n| n == parts.len()),
            parts,
        });
    }
}

/// Words in a part that make it a new total, not one more part (负债总额为1727万元).
const NEW_TOTALS: &[&str] =
    &["总额", "总数", "总量", "总面积", "总人口", "总产值", "总收入", "总规模", "总投资", "还有", "另有", "此外"];

/// Whether a claim is a change between two values (比去年增加2700亿元, 同比增长5%),
/// not a value (增加到2.5万公里 is the new value).
fn is_change(doc: &Doc, id: ClaimId) -> bool {
    let lead = doc.lead(id);
    (says_change(lead) || lead.contains("同比"))
        && !TO_WORDS.iter().any(|w| w.chars().count() > 1 && lead.ends_with(w))
        && !lead.ends_with(['到', '至'])
}

/// Whether two figures are named together as two things (8个机位和2个除冰坪).
fn joined(doc: &Doc, a: ClaimId, b: ClaimId) -> bool {
    let (ca, cb) = (&doc.claims.all[a], &doc.claims.all[b]);
    if ca.section != cb.section {
        return false;
    }
    let between = doc.between(a, b);
    between.chars().count() <= 15
        && ['和', '、', '及', '与'].iter().any(|w| between.contains(*w))
        && !between.contains(['，', '。', '；'])
}

/// The noun right after a figure, to the next break (8个C类机位和… → C类机位).
fn noun_after<'a>(doc: &Doc<'a>, id: ClaimId) -> &'a str {
    let body = doc.body(id);
    let rest = &body[doc.figure(id).span.end.min(body.len())..];
    let end = rest
        .char_indices()
        .find(|(_, c)| "，。；、和及与（(：:".contains(*c) || c.is_ascii_digit())
        .map_or(rest.len(), |(i, _)| i);
    let end = rest[..end].char_indices().nth(12).map_or(end, |(i, _)| i);
    &rest[..end]
}

/// How many character pairs two short texts share.
fn shared_pairs(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    a.windows(2).filter(|w| b.windows(2).any(|v| v == *w)).count()
}

/// Whether words between two parts name a whole of their own (在有林地面积中): a list
/// inside the list begins.
fn names_a_whole(between: &str) -> bool {
    between.find('在').is_some_and(|i| between[i..].chars().take(14).any(|c| c == '中'))
}

/// Whether parts are stages one passes through (查明 ⊇ 列入数据库 ⊇ 已开发利用,
/// 已建成 ⊇ 已投产): each holds the next, so they do not add up. Two parts or
/// more said with a word of state, and none negated (已脱贫 / 未脱贫 is a split).
fn stages(words: &[&str]) -> bool {
    const STATES: &[&str] = &["已", "列入", "纳入", "查明", "探明", "认定"];
    let negated = words.iter().any(|w| w.contains('未') || w.contains("没有") || w.contains("尚"));
    !negated && words.iter().filter(|w| STATES.iter().any(|s| w.contains(s))).count() >= 2
}

/// The list of parts after an opener at byte `at`, with its total before it.
fn list_after(doc: &Doc, ids: &[ClaimId], at: usize, opener: &str) -> Option<Breakdown> {
    let pos = ids.partition_point(|id| doc.figure(*id).span.start < at);
    let first = *ids.get(pos)?;
    if !doc.is_amount(first) {
        return None;
    }
    let fam = family(doc.unit(first));
    let depth = doc.claims.all[first].depth;
    // The total: the nearest amount of the parts' family before the opener (其中
    // after a growth figure belongs to the amount before the growth).
    let candidates: Vec<ClaimId> = ids[..pos]
        .iter()
        .copied()
        .rev()
        .filter(|id| doc.is_amount(*id) && family(doc.unit(*id)) == fam && doc.claims.all[*id].depth == depth)
        .collect();
    // A change (比去年增加4000亿元) is never the total: 其中 lists the parts of the value.
    let candidates: Vec<ClaimId> = candidates.into_iter().filter(|id| !is_change(doc, *id)).collect();
    // The total whose metric the first part refines (林地面积 for 有林地面积), else the nearest.
    let first_metric = &doc.claims.all[first].metric;
    let refined = candidates.iter().copied().take(3).find(|t| {
        let m = &doc.claims.all[*t].metric;
        m.text.chars().count() >= 2 && m.within(first_metric)
    });
    let total = match refined {
        Some(t) => t,
        None => {
            let nearest = *candidates.first()?;
            // 8个C类机位和2个C类除冰坪，其中5个廊桥机位: the nearest is one of two things
            // named together; the total is the one the part names, or none.
            match candidates.get(1) {
                Some(&other) if joined(doc, other, nearest) => {
                    let named = noun_after(doc, first);
                    let score = |t: ClaimId| shared_pairs(noun_after(doc, t), named);
                    match (score(nearest), score(other)) {
                        (a, b) if a > b => nearest,
                        (a, b) if b > a => other,
                        _ => return None,
                    }
                }
                _ => nearest,
            }
        }
    };
    if doc.figure(total).value <= 0.0 {
        return None;
    }
    let mut parts: Vec<ClaimId> = Vec::new();
    for &id in &ids[pos..] {
        let c = &doc.claims.all[id];
        if c.depth > depth {
            continue; // （含今年新建9个）: a part of a part
        }
        if c.depth < depth || !doc.is_amount(id) || family(doc.unit(id)) != fam {
            break;
        }
        let lead = doc.lead(id);
        if let Some(&prev) = parts.last() {
            let between = doc.between(prev, id);
            // The list ends at another metric, at a nested list (在有林地面积中纯林…),
            // at a new total (负债总额), or at a bracket it did not open (旱田6518亩）、果园).
            if LIST_BREAKS.iter().any(|w| lead.contains(w))
                || lead.contains("其中")
                || names_a_whole(between)
                || NEW_TOTALS.iter().any(|w| lead.contains(w))
                || between.contains(['）', ')'])
            {
                break;
            }
        }
        parts.push(id);
    }
    if parts.is_empty() {
        return None;
    }
    // Parts that already make up the total exactly end the list (水库塘坝202座，其中…
    // 个人塘坝130座，电灌站8座): what follows is beside it.
    let tv = doc.figure(total).value;
    let mut sum = 0.0;
    for k in 0..parts.len() {
        sum += doc.figure(parts[k]).value;
        if k >= 1 && k + 1 < parts.len() && (sum - tv).abs() <= tv.abs() * 1e-9 {
            parts.truncate(k + 1);
            break;
        }
    }
    let last = *parts.last()?;
    let end = doc.figure(last).span.end;
    let after: String = doc.body(last)[end..].chars().take(8).collect();
    let open = opener.starts_with("主要")
        || after.split(['，', '。', '；', '、']).next().is_some_and(|a| a.contains('等'))
        || doc.body(first)[..at].ends_with("主要");
    let words: Vec<&str> = parts.iter().map(|p| doc.lead(*p)).collect();
    let stated = stated_count(doc, total, ids);
    let complete = !open && (opener.starts_with("分别") || stated == Some(parts.len()));
    Some(Breakdown { total, parts, complete, overlapping: overlap(&words) || stages(&words) })
}

fn shares(doc: &Doc, ids: &[ClaimId], out: &mut Vec<ShareList>) {
    let mut list = Vec::new();
    let mut stated = None;
    for (k, &id) in ids.iter().enumerate() {
        if !doc.is_share(id) || doc.figure(id).value_max.is_some() {
            continue;
        }
        let lead = doc.lead(id);
        let clause = doc.clause_before(id);
        let body = doc.body(id);
        let after: String = body[doc.figure(id).span.end..].chars().take(3).collect();
        if ["合计", "共计", "总计"].iter().any(|w| lead.contains(w)) && doc.figure(id).value == 100.0 {
            stated = Some(id);
            continue;
        }
        // 占比由38%提高到52%: the 38% is a former value, not a share beside the 52%.
        let is_from = (clause.contains('由') || clause.contains('从'))
            && ids.get(k + 1).is_some_and(|n| TO_WORDS.iter().any(|t| doc.between(id, *n).contains(t)));
        if is_from {
            continue;
        }
        // 分别占45%、35%和30%: a share right after a share, with only 、 or 和 between.
        let listed = list.last().is_some_and(|l| *l + 1 == id || ids.get(k.wrapping_sub(1)) == Some(l))
            && lead.chars().count() <= 2
            && lead.chars().all(|c| "、和及与，,".contains(c));
        let share = clause.contains('占')
            || clause.contains("比重")
            || after.starts_with("用于")
            || lead.ends_with("其余")
            || listed;
        let change = says_change(lead) && !lead.contains("降至") && !lead.contains("提高到");
        if share && !change && !lead.contains('率') {
            list.push(id);
        }
    }
    if list.len() >= 2 || list.len() == 1 && stated.is_some() {
        out.push(ShareList { shares: list, stated });
    }
}

/// Units of time: a span (三年, 6个月) is never the part or whole of a rate.
fn is_duration(unit: &str) -> bool {
    matches!(unit, "年" | "个月" | "月" | "天" | "日" | "周" | "小时" | "分钟" | "秒" | "岁" | "周岁")
}

/// Whether a rate is said of each of several things (均达100%, 分别达到96.4%和50.2%):
/// then it is no one quotient.
fn said_of_each(lead: &str) -> bool {
    if lead.contains("分别") {
        return true;
    }
    let mut prev = ' ';
    for c in lead.chars() {
        if c == '均' && !matches!(prev, '人' | '户' | '年' | '平' | '日' | '月' | '亩' | '场' | '次') {
            return true;
        }
        prev = c;
    }
    false
}

/// The name of a rate before a figure (岗位利用率为 → 岗位利用), without 率.
fn rate_stem(lead: &str) -> Option<&str> {
    let i = lead.rfind('率')?;
    let head = &lead[..i];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(6)
        .last()
        .map(|(j, _)| j)?;
    Some(&head[start..])
}

/// Whether a rate's part and whole speak of what its name measures: the act
/// it counts (the name's last two characters: 合格率 and 考核合格, 就业率 and
/// 实现就业的) is in one of their clauses, or the thing it is a rate of (the
/// rest of the name: 岗位利用率 and 公益性岗位) is in the whole's.
fn speaks_of(part: &str, whole: &str, stem: &str) -> bool {
    let chars: Vec<char> = stem.chars().collect();
    if chars.len() < 2 {
        return false;
    }
    let act: String = chars[chars.len() - 2..].iter().collect();
    let thing: String = chars[..chars.len() - 2].iter().collect();
    part.contains(&act) || whole.contains(&act) || thing.chars().count() >= 2 && whole.contains(&thing)
}

/// A rate or share and the two figures it divides.
fn rate(doc: &Doc, id: ClaimId, breakdowns: &[Breakdown], growth: &[Growth]) -> Option<Rate> {
    if !doc.is_share(id) || doc.figure(id).value_max.is_some() {
        return None;
    }
    let lead = doc.lead(id);
    let clause = doc.clause_before(id);
    let named_rate = lead.contains('率') || lead.contains("比例") || lead.contains("比重");
    if !(named_rate || clause.contains('占')) || says_change(lead) || lead.contains("同比") || said_of_each(lead) {
        return None;
    }
    let c = &doc.claims.all[id];
    let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
    let k = sentence.iter().position(|x| *x == id)?;
    // A value of another time (去年的2.1%, 上年末) or a change (比去年增加2700亿元)
    // is not a count of this rate.
    let changes: Vec<ClaimId> = growth.iter().map(|g| g.change).collect();
    let amount = |x: &ClaimId| {
        let o = &doc.claims.all[*x];
        doc.is_amount(*x)
            && !is_duration(doc.unit(*x))
            && o.depth == c.depth
            && o.time.agrees(&c.time)
            && !changes.contains(x)
    };
    // The whole named: 占覆盖职工总数的39.5%, 上岗人员中…占72%, 占世界三分之二.
    let named_whole = whole_name(clause).or_else(|| whole_name(doc.sentence_before(id)));
    // The part: the amount right after it (占40%，共198人), else right before it (in this clause or the one before).
    let after = sentence[k + 1..].iter().find(|x| amount(x)).copied().filter(|p| {
        let between = doc.between(id, *p);
        between.chars().count() <= 4 && ["共", "计", "为", "达"].iter().any(|w| between.contains(w))
    });
    // 其中朝鲜族占42%: a share of a group named before 占, whose count, if
    // given, follows (占40%，共198人); a figure before it counts something else.
    let subject_named = clause.rfind('占').is_some_and(|i| {
        let before = clause[..i].trim_start_matches("其中").trim_end_matches(['约', '均', '已']);
        before.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count() >= 2
    });
    let part = after.or_else(|| {
        if subject_named {
            return None;
        }
        sentence[..k]
            .iter()
            .rev()
            .find(|x| amount(x))
            .copied()
            .filter(|p| doc.claims.all[*p].clause.end + 3 >= c.clause.start)
    })?;
    // 全县186个贫困村中: the whole is the figure the name holds.
    let named_figure = named_whole.and_then(|name| {
        let name_at = name.as_ptr() as usize - doc.body(id).as_ptr() as usize;
        sentence[..k].iter().copied().find(|x| {
            let f = doc.figure(*x);
            name_at <= f.span.start && f.span.end <= name_at + name.len()
        })
    });
    let mut explicit = true;
    let whole = if let Some(w) = named_figure.filter(|w| *w != part) {
        w
    } else if let Some(name) = named_whole {
        let name = super::Metric::from_text(name.to_string());
        let found: Vec<ClaimId> = sentence[..k]
            .iter()
            .copied()
            .filter(|x| amount(x) && *x != part && name.within(&doc.claims.all[*x].metric))
            .collect();
        match found.as_slice() {
            [w] => *w,
            _ => return None,
        }
    } else if let Some(b) = breakdowns.iter().find(|b| b.parts.contains(&part)) {
        b.total
    } else {
        explicit = false;
        let fam = family(doc.unit(part));
        let others: Vec<ClaimId> = sentence
            .iter()
            .copied()
            .filter(|x| {
                *x != part && amount(x) && (family(doc.unit(*x)) == fam || is_count(doc.unit(*x)) && is_count(fam))
            })
            .filter(|x| doc.figure(*x).span.start < doc.figure(id).span.start)
            .collect();
        // The whole may follow in the next clause when it says it is the total
        // (签约率达到98%，脱贫人口总数为3.5万人).
        let total_after = || {
            sentence[k + 1..].iter().copied().find(|x| {
                let o = &doc.claims.all[*x];
                let lead = doc.lead(*x);
                *x != part
                    && amount(x)
                    && o.clause.start <= c.clause.end + 3
                    && (family(doc.unit(*x)) == fam || is_count(doc.unit(*x)) && is_count(fam))
                    && ["总数", "总人数", "总户数", "总量", "总计", "合计"].iter().any(|w| lead.contains(w))
            })
        };
        match others.as_slice() {
            [w] => *w,
            [] if named_rate && total_after().is_some() => total_after()?,
            [] if named_rate && lead.ends_with(['率', '为', '达']) => stock_whole(doc, part)?,
            _ => return None,
        }
    };
    let (pf, wf) = (doc.figure(part), doc.figure(whole));
    if wf.value <= 0.0 || pf.value <= 0.0 || pf.value_max.is_some() || wf.value_max.is_some() {
        return None;
    }
    // One group counted two ways (4321户16870人) is not a part and its whole.
    let (first, second) = if wf.span.start < pf.span.start { (whole, part) } else { (part, whole) };
    let same_section = doc.claims.all[part].section == doc.claims.all[whole].section;
    if same_section && doc.between(first, second).trim().is_empty() {
        return None;
    }
    // Two values of one thing at two times (从9000公里增加到2.5万公里) are not a part and its whole.
    if growth.iter().any(|g| (g.from, g.to) == (whole, part) || (g.from, g.to) == (part, whole)) {
        return None;
    }
    let target =
        doc.claims.all[part].modality == Modality::Target && doc.claims.all[whole].modality != Modality::Target;
    if !explicit && !target {
        // Two items of one list (建议68件、提案118件) are neither's part.
        let between = doc.between(first, second);
        if same_section
            && between.chars().count() <= 12
            && ['、', '和', '及', '与'].iter().any(|w| between.contains(*w))
        {
            return None;
        }
        // A named rate divides counts of what it names (合格率: 考核合格296人):
        // one of its two figures must speak of it, else the counts near it are
        // of something else (再就业2529人 beside 城镇登记失业率).
        if let Some(stem) = rate_stem(lead) {
            let clause_of = |x: ClaimId| &doc.body(x)[doc.claims.all[x].clause.clone()];
            if !speaks_of(clause_of(part), clause_of(whole), stem) {
                return None;
            }
        }
    }
    // A target is the whole of a rate of achievement (目标1200户，实际完成1260户，达成率105%).
    let (part, whole) = if target { (whole, part) } else { (part, whole) };
    Some(Rate { rate: id, part, whole })
}

/// The whole a share names: 占覆盖职工总数的 → 覆盖职工总数; 上岗人员中… → 上岗人员.
fn whole_name(text: &str) -> Option<&str> {
    if let Some(i) = text.rfind('占') {
        let rest = &text[i + '占'.len_utf8()..];
        if let Some(j) = rest.rfind('的') {
            let name = rest[..j].trim_end_matches("总数").trim_end_matches("总量");
            return (name.chars().count() >= 2).then_some(name);
        }
        // 占世界三分之二, 占全国总量: a whole named without 的.
        let name = rest
            .trim_end_matches(['到', '了', '约', '达', '为', '比'])
            .trim_end_matches("总数")
            .trim_end_matches("总量");
        if name.chars().count() >= 2 && name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            return Some(name);
        }
    }
    let head = text.trim_start_matches(|c: char| !('\u{4e00}'..='\u{9fff}').contains(&c));
    let i = head.find('中')?;
    let name = &head[..i];
    (name.chars().count() >= 2 && name.chars().count() <= 10 && !name.contains('，')).then_some(name)
}

/// For a named rate with its part alone in the sentence (2700户实现解困脱困，
/// 解困脱困率达80%): the one stock of that unit stated in an opening section
/// (基本情况: 全市共有困难职工档案户3600户).
fn stock_whole(doc: &Doc, part: ClaimId) -> Option<ClaimId> {
    let unit = doc.unit(part);
    let pv = doc.figure(part).value;
    let found: Vec<ClaimId> =
        doc.stocks().iter().copied().filter(|x| doc.unit(*x) == unit && doc.figure(*x).value > pv).collect();
    match found.as_slice() {
        [w] => Some(*w),
        _ => None,
    }
}

/// Words that make an amount an average, and the unit they divide by.
const AVERAGE_WORDS: &[(&str, &str)] = &[
    ("户均", "户"),
    ("每户", "户"),
    ("人均", "人"),
    ("每人", "人"),
    ("每名", "人"),
    ("亩均", "亩"),
    ("每亩", "亩"),
    ("场均", "场"),
    ("每场", "场"),
    ("村均", "个"),
    ("每村", "个"),
    ("家均", "家"),
    ("每家", "家"),
    ("每期", "期"),
    ("每所", "所"),
];

/// The first of [`AVERAGE_WORDS`] that `lead` holds, with its unit.
fn average_unit(lead: &str) -> Option<(&'static str, &'static str)> {
    // Every word has 均 or 每: most leads have neither, and are answered in one pass.
    if !lead.contains(['均', '每']) {
        return None;
    }
    AVERAGE_WORDS.iter().find(|(w, _)| lead.contains(w)).map(|(w, u)| (*w, *u))
}

/// Words that make an average one of income or of change, not of a total spent.
const OTHER_MEASURES: &[&str] = &["增收", "收入", "增加", "提高", "减少", "节省", "纯收入", "可支配"];

fn average(doc: &Doc, id: ClaimId) -> Option<Average> {
    let f = doc.figure(id);
    if f.kind != Kind::Quantity || f.unit.is_empty() {
        return None;
    }
    let clause = doc.clause_before(id);
    let (word, count_unit) = average_unit(clause)?;
    // A monthly average (人均月收入) is not a share of a year's total.
    if ["月收入", "月均", "每月", "月工资"].iter().any(|w| clause.contains(w)) {
        return None;
    }
    let word_at = clause.find(word).unwrap_or(0);
    let after_word = &clause[(word_at + word.len()).min(clause.len())..];
    let measure = OTHER_MEASURES.iter().find(|m| after_word.contains(*m));
    // The group the average is over, where the text names it (农村居民人均纯收入,
    // 会员人均认购金额): its count must be a count of that group.
    let subject: String = clause[..word_at]
        .trim_end_matches("平均")
        .trim_end_matches('的')
        .chars()
        .rev()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(6)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let subject = (subject.chars().count() >= 2).then_some(subject);
    let c = &doc.claims.all[id];
    // An average (人均可支配收入15781元, 每人每年320元) or a change is no total or count.
    let plain = |x: ClaimId| {
        let before = doc.clause_before(x);
        average_unit(before).is_none() && !before.contains("平均") && !is_change(doc, x)
    };
    let is_count_of = |x: ClaimId| {
        family(doc.unit(x)) == family(count_unit)
            && doc.figure(x).kind == Kind::Quantity
            && plain(x)
            && subject.as_ref().is_none_or(|s| {
                let cl = &doc.claims.all[x];
                doc.body(x)[cl.clause.clone()].contains(s.as_str())
            })
    };
    let is_total_of = |x: ClaimId| {
        x != id
            && doc.claims.all[x].time.agrees(&c.time)
            && doc.unit(x) == f.unit
            && doc.figure(x).value > f.value
            && plain(x)
            && measure.is_none_or(|m| doc.clause_before(x).contains(m) || doc.lead(x).contains(m))
    };
    // Past its sentence, a total must name what is averaged (认购金额 and 认购扶贫产品总额).
    let head: String = after_word.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).take(2).collect();
    let names_measure =
        |x: ClaimId| head.chars().count() == 2 && doc.body(x)[doc.claims.all[x].clause.clone()].contains(head.as_str());
    let is_named_total = |x: ClaimId| is_total_of(x) && names_measure(x);
    // First the sentence, then the paragraph's earlier sentences, then the brief.
    let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
    let pick = |pool: &[ClaimId], test: &dyn Fn(ClaimId) -> bool| -> Result<Option<ClaimId>, ()> {
        let found: Vec<ClaimId> = pool.iter().copied().filter(|x| *x != id && test(*x)).collect();
        match found.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            many => {
                // Several: the one whose words the average's context names (外出务工人员 → 外出务工2100人).
                let named: Vec<ClaimId> = many
                    .iter()
                    .copied()
                    .filter(|x| {
                        let m = &doc.claims.all[*x].metric;
                        m.is_specific()
                            && m.text.chars().count() >= 2
                            && doc.sentence_before(id).contains(m.text.as_str())
                    })
                    .collect();
                if let [one] = named.as_slice() { Ok(Some(*one)) } else { Err(()) }
            }
        }
    };
    let mut total = pick(&sentence, &is_total_of).ok()?;
    let mut count = pick(&sentence, &is_count_of).ok()?;
    // Past the sentence only a group named by the average is looked for, and
    // then in its paragraph, else the brief (活动中，会员人均认购金额1600元 and
    // 全市1680名工会会员…认购扶贫产品总额302.4万元 in another section).
    if (total.is_none() || count.is_none()) && subject.is_some() {
        let first = doc.claims.by_section[c.section].start;
        let paragraph: Vec<ClaimId> =
            (first..id).rev().take_while(|x| doc.claims.all[*x].paragraph == c.paragraph).collect();
        // The brief: the claims whose clause names the group or the measure, from
        // an index of the clauses' character pairs; a name in hundreds of clauses
        // cannot single one out.
        let mut everywhere: Vec<ClaimId> = Vec::new();
        for key in [subject.as_deref(), Some(head.as_str())].into_iter().flatten() {
            let pair: Vec<char> = key.chars().take(2).collect();
            if let [x, y] = pair[..] {
                everywhere.extend(doc.claims_with_pair(x, y));
            }
        }
        everywhere.sort_unstable();
        everywhere.dedup();
        everywhere.retain(|x| *x != id);
        if everywhere.len() > 400 {
            everywhere.clear();
        }
        for pool in [&paragraph, &everywhere] {
            if total.is_none() {
                total = pick(pool, &is_named_total).ok()?;
            }
            if count.is_none() {
                count = pick(pool, &is_count_of).ok()?;
            }
        }
    }
    let (total, count) = (total?, count?);
    if [total, count].iter().any(|x| doc.figure(*x).value_max.is_some()) || doc.figure(count).value <= 0.0 {
        return None;
    }
    Some(Average { average: id, total, count })
}

fn growth(doc: &Doc, ids: &[ClaimId], out: &mut Vec<Growth>) {
    for (k, &change) in ids.iter().enumerate() {
        let lead = doc.lead(change);
        let f = doc.figure(change);
        let times_of = doc.clause_before(change).contains('是') && f.unit == "倍";
        let doubling = f.unit == "番";
        if !(says_change(lead) || times_of || doubling) {
            continue;
        }
        // 提高到1060元 is a new value, not a change.
        if f.unit != "倍" && TO_WORDS.iter().filter(|t| t.chars().count() > 1).any(|t| lead.ends_with(t)) {
            continue;
        }
        // The change is said of the value before it (增长37.9%, 比上年增加200户), not of
        // something the clause names anew (中央财政为此将增加支出42亿元).
        if !times_of && !doubling && names_another(lead) {
            continue;
        }
        let down = DOWN_WORDS.iter().any(|w| lead.contains(w));
        let prior = &ids[..k];
        // 由A增至B，增长C / 从A提高到B，提高C个百分点.
        let pair = prior.windows(2).rev().find(|w| {
            let (a, b) = (w[0], w[1]);
            let between = doc.between(a, b);
            let from_word = doc.sentence_before(a).rfind(['由', '从']).is_some_and(|i| {
                let s = doc.sentence_before(a);
                s[i..].chars().count() <= 14
            });
            from_word
                && TO_WORDS.iter().any(|t| between.contains(t))
                && between.chars().count() <= 14
                && doc.unit(a) == doc.unit(b)
        });
        let (from, to) = if let Some(w) = pair {
            (w[0], w[1])
        } else if let Some((from, to)) = compared_pair(doc, prior, change) {
            // 5955亿元，比上年增加1637亿元，增长37.9%: the base is the value less the change.
            if is_change(doc, from) {
                if f.unit == "%" && doc.unit(from) == doc.unit(to) && !doc.unit(to).is_empty() {
                    out.push(Growth { from, to, change, kind: GrowthKind::RelativeToChange, down });
                }
                continue;
            }
            (from, to)
        } else if let Some((from, to)) = base_after(doc, ids, k) {
            (from, to)
        } else {
            continue;
        };
        // Nothing but other changes between the two values and this change.
        let last_value = ids.iter().position(|x| *x == to.max(from)).unwrap_or(k);
        let tail = ids.get(last_value + 1..k).unwrap_or(&[]);
        if tail.iter().any(|x| !CHANGE_WORDS.iter().any(|w| doc.lead(*x).contains(w))) {
            continue;
        }
        let kind = match f.unit {
            "%" if doc.unit(from) == "%" && lead.contains('率') => GrowthKind::Relative,
            "%" => {
                if doc.clause_before(change).contains("年均") {
                    match years_between(doc, from, to) {
                        Some(n) => GrowthKind::AnnualAverage(n),
                        None => continue,
                    }
                } else {
                    GrowthKind::Relative
                }
            }
            "百分点" => GrowthKind::Points,
            "倍" if times_of || ["增至", "增加到", "增长到", "提高到"].iter().any(|w| lead.contains(w)) => {
                GrowthKind::ToTimes
            }
            "倍" => GrowthKind::Times,
            "番" => GrowthKind::Doublings,
            u if u == doc.unit(from) && !u.is_empty() => GrowthKind::Absolute,
            _ => continue,
        };
        out.push(Growth { from, to, change, kind, down });
    }
}

/// Whether the words before a change name a new subject or object, so that the
/// change is not of the value before it: more than four characters once the
/// change word, the base (比上年, 同比) and particles are set aside.
fn names_another(lead: &str) -> bool {
    let mut rest = lead.to_string();
    for w in CHANGE_WORDS.iter().chain(&[
        "比上年",
        "较上年",
        "比去年",
        "较去年",
        "同比",
        "实际",
        "相对",
        "分别",
        "累计",
        "年均",
        "预计数",
    ]) {
        rest = rest.replace(w, "");
    }
    rest.chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c) && !"了为达约共比较和幅速均以上下左右".contains(*c))
        .count()
        > 4
}

/// A value and its base: 1430万元，比上年的1100万元增长30%; 1560万元，是上年520万元的3倍.
fn compared_pair(doc: &Doc, prior: &[ClaimId], change: ClaimId) -> Option<(ClaimId, ClaimId)> {
    let [.., to, base] = prior else { return None };
    let between = doc.between(*to, *base);
    let word = ["比", "较", "是"].iter().any(|w| between.contains(w));
    let units = doc.unit(*to) == doc.unit(*base) && !doc.unit(*to).is_empty();
    (word && units && between.chars().count() <= 10 && doc.between(*base, change).chars().count() <= 8)
        .then_some((*base, *to))
}

/// 8600元，比上年增长一倍，上年为5000元: the base stated right after the
/// change, as last year's value of the amount right before it.
fn base_after(doc: &Doc, ids: &[ClaimId], k: usize) -> Option<(ClaimId, ClaimId)> {
    let (change, to, base) = (ids[k], *ids.get(k.checked_sub(1)?)?, *ids.get(k + 1)?);
    let lead = doc.lead(base);
    let last_year = ["上年", "去年", "上一年"].iter().any(|w| lead.contains(w));
    let units = doc.unit(to) == doc.unit(base) && !doc.unit(to).is_empty();
    let same_claim = doc.claims.all[to].section == doc.claims.all[base].section
        && doc.claims.all[to].sentence == doc.claims.all[base].sentence;
    (last_year
        && units
        && same_claim
        && doc.between(to, change).chars().count() <= 10
        && doc.between(change, base).chars().count() <= 8)
        .then_some((base, to))
}

/// The years between the two values of a growth, from the years named before each.
fn years_between(doc: &Doc, from: ClaimId, to: ClaimId) -> Option<u8> {
    let (a, b) = (doc.claims.all[from].time.year?, doc.claims.all[to].time.year?);
    (b > a && b - a <= 50).then(|| (b - a) as u8)
}

/// 同比增长20% with no base in its sentence: the same metric a year earlier,
/// wherever the brief states it (培训农民工4.2万人次，同比增长20% / 2019年培训农民工3.8万人次).
fn year_on_year(doc: &Doc, found: &[Growth]) -> Vec<Growth> {
    let mut out = Vec::new();
    for (change, c) in doc.claims.all.iter().enumerate() {
        let f = doc.figure(change);
        let lead = doc.lead(change);
        if f.unit != "%" || !(lead.contains("同比") || lead.contains("比上年") || lead.contains("较上年")) {
            continue;
        }
        if !says_change(lead) || found.iter().any(|g| g.change == change) {
            continue;
        }
        // The value: the amount right before, in the same sentence.
        let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
        let Some(&to) = sentence.iter().rev().find(|x| **x < change && doc.is_amount(**x)) else { continue };
        let tc = &doc.claims.all[to];
        let Some(year) = tc.time.year else { continue };
        let bases: Vec<ClaimId> = doc
            .by_year()
            .get(&(year - 1))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|x| {
                let b = &doc.claims.all[*x];
                *x != to
                    && b.scope == tc.scope
                    && b.place.agrees(&tc.place)
                    && doc.unit(*x) == doc.unit(to)
                    && b.metric.same_as(&tc.metric)
            })
            .collect();
        if let [from] = bases.as_slice() {
            let down = DOWN_WORDS.iter().any(|w| lead.contains(w));
            out.push(Growth { from: *from, to, change, kind: GrowthKind::Relative, down });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Context, Env};

    #[test]
    fn every_average_word_has_jun_or_mei() {
        // `average_unit` answers leads without 均 or 每 at once.
        assert!(AVERAGE_WORDS.iter().all(|(w, _)| w.contains(['均', '每'])));
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
