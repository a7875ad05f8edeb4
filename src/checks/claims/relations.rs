//! How claims relate, found by the words that tie them, not by distance:
//! a total and its parts (其中, 分别为, 合计), shares of one whole (占),
//! a rate with its part and whole (占…的, 覆盖率), growth between two values
//! (由A增至B, 比上年, 是…的N倍, 翻一番), and an average with its total and
//! count (户均, 人均, 平均每场).

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
];

struct Doc<'a> {
    sections: &'a [SectionView<'a>],
    claims: &'a Claims,
}

impl<'a> Doc<'a> {
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
    let doc = Doc { sections, claims };
    let mut r = Relations::default();
    for (si, s) in sections.iter().enumerate() {
        for ni in 0..s.sentences.len() {
            let ids: Vec<ClaimId> = claims.in_sentence(si, ni).collect();
            if ids.is_empty() {
                continue;
            }
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
        if let Some(rate) = rate(&doc, id, &r.breakdowns) {
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
    DIMENSIONS
        .iter()
        .enumerate()
        .filter(|(_, ws)| ws.iter().any(|w| words.contains(w)))
        .fold(0, |acc, (i, _)| acc | (1 << i))
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
    // Total first: 总数，其中 / 包括 / 分别为 parts.
    for opener in ["其中", "分别为", "分别是", "主要包括", "包括", "主要有"] {
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
    // The total whose metric the first part refines (林地面积 for 有林地面积), else the nearest.
    let first_metric = &doc.claims.all[first].metric;
    let total = candidates
        .iter()
        .copied()
        .take(3)
        .find(|t| {
            let m = &doc.claims.all[*t].metric;
            m.text.chars().count() >= 2 && m.within(first_metric)
        })
        .or_else(|| candidates.first().copied())?;
    if doc.figure(total).value <= 0.0 {
        return None;
    }
    let mut parts = Vec::new();
    for &id in &ids[pos..] {
        let c = &doc.claims.all[id];
        if c.depth > depth {
            continue; // （含今年新建9个）: a part of a part
        }
        if c.depth < depth || !doc.is_amount(id) || family(doc.unit(id)) != fam {
            break;
        }
        let lead = doc.lead(id);
        if !parts.is_empty() && (LIST_BREAKS.iter().any(|w| lead.contains(w)) || lead.contains("其中")) {
            break;
        }
        parts.push(id);
    }
    if parts.is_empty() {
        return None;
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
    Some(Breakdown { total, parts, complete, overlapping: overlap(&words) })
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
        let change =
            CHANGE_WORDS.iter().any(|w| lead.contains(w)) && !lead.contains("降至") && !lead.contains("提高到");
        if share && !change && !lead.contains('率') {
            list.push(id);
        }
    }
    if list.len() >= 2 || list.len() == 1 && stated.is_some() {
        out.push(ShareList { shares: list, stated });
    }
}

/// A rate or share and the two figures it divides.
fn rate(doc: &Doc, id: ClaimId, breakdowns: &[Breakdown]) -> Option<Rate> {
    if !doc.is_share(id) || doc.figure(id).value_max.is_some() {
        return None;
    }
    let lead = doc.lead(id);
    let clause = doc.clause_before(id);
    let named_rate = lead.contains('率') || lead.contains("比例") || lead.contains("比重");
    if !(named_rate || clause.contains('占')) || CHANGE_WORDS.iter().any(|w| lead.contains(w)) || lead.contains("同比")
    {
        return None;
    }
    let c = &doc.claims.all[id];
    let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
    let k = sentence.iter().position(|x| *x == id)?;
    let amount = |x: &ClaimId| doc.is_amount(*x) && doc.claims.all[*x].depth == c.depth;
    // The whole named: 占覆盖职工总数的39.5%, 上岗人员中…占72%.
    let named_whole = whole_name(clause).or_else(|| whole_name(doc.sentence_before(id)));
    // The part: the amount right after it (占40%，共198人), else right before it (in this clause or the one before).
    let after = sentence[k + 1..].iter().find(|x| amount(x)).copied().filter(|p| {
        let between = doc.between(id, *p);
        between.chars().count() <= 4 && ["共", "计", "为", "达"].iter().any(|w| between.contains(w))
    });
    let part = after.or_else(|| {
        sentence[..k]
            .iter()
            .rev()
            .find(|x| amount(x))
            .copied()
            .filter(|p| doc.claims.all[*p].clause.end + 3 >= c.clause.start)
    })?;
    // 全县186个贫困村中: the whole is the figure the name holds.
    let named_figure = named_whole.and_then(|name| {
        sentence[..k].iter().copied().find(|x| {
            let f = doc.figure(*x);
            let start = doc.sentence_before(id).as_ptr() as usize - doc.body(id).as_ptr() as usize;
            let name_at = name.as_ptr() as usize - doc.body(id).as_ptr() as usize;
            let _ = start;
            name_at <= f.span.start && f.span.end <= name_at + name.len()
        })
    });
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
        let fam = family(doc.unit(part));
        let others: Vec<ClaimId> = sentence
            .iter()
            .copied()
            .filter(|x| {
                *x != part && amount(x) && (family(doc.unit(*x)) == fam || is_count(doc.unit(*x)) && is_count(fam))
            })
            .filter(|x| doc.figure(*x).span.start < doc.figure(id).span.start)
            .collect();
        match others.as_slice() {
            [w] => *w,
            [] if named_rate && lead.ends_with(['率', '为', '达']) => stock_whole(doc, part)?,
            _ => return None,
        }
    };
    let (pf, wf) = (doc.figure(part), doc.figure(whole));
    if wf.value <= 0.0 || pf.value <= 0.0 || pf.value_max.is_some() || wf.value_max.is_some() {
        return None;
    }
    // A target is the whole of a rate of achievement (目标1200户，实际完成1260户，达成率105%).
    let (part, whole) =
        if doc.claims.all[part].modality == Modality::Target && doc.claims.all[whole].modality != Modality::Target {
            (whole, part)
        } else {
            (part, whole)
        };
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
    let found: Vec<ClaimId> = (0..doc.claims.all.len())
        .filter(|x| {
            let c = &doc.claims.all[*x];
            let s = &doc.sections[c.section];
            matches!(s.role, crate::model::Role::Background | crate::model::Role::Summary)
                && doc.unit(*x) == unit
                && doc.figure(*x).value > pv
                && ["共有", "总数", "总计", "共计"].iter().any(|w| doc.clause_before(*x).contains(w))
        })
        .collect();
    match found.as_slice() {
        [w] => Some(*w),
        _ => None,
    }
}

/// Words that make an amount an average, and the unit they divide by.
fn average_unit(lead: &str) -> Option<(&'static str, &'static str)> {
    const WORDS: &[(&str, &str)] = &[
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
    WORDS.iter().find(|(w, _)| lead.contains(w)).map(|(w, u)| (*w, *u))
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
    let after_word = &clause[clause.find(word).map_or(0, |p| p + word.len())..];
    let measure = OTHER_MEASURES.iter().find(|m| after_word.contains(*m));
    let c = &doc.claims.all[id];
    let is_count_of = |x: ClaimId| family(doc.unit(x)) == family(count_unit) && doc.figure(x).kind == Kind::Quantity;
    let is_total_of = |x: ClaimId| {
        x != id
            && doc.claims.all[x].time.agrees(&c.time)
            && doc.unit(x) == f.unit
            && doc.figure(x).value > f.value
            && measure.is_none_or(|m| doc.clause_before(x).contains(m) || doc.lead(x).contains(m))
    };
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
    if total.is_none() || count.is_none() {
        let section: Vec<ClaimId> = doc.claims.by_section[c.section].clone().filter(|x| *x < id).collect();
        if total.is_none() {
            total = pick(&section, &is_total_of).ok()?;
        }
        if count.is_none() {
            count = pick(&section, &is_count_of).ok()?;
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
        if !(CHANGE_WORDS.iter().any(|w| lead.contains(w)) || times_of || doubling) {
            continue;
        }
        // 提高到1060元 is a new value, not a change.
        if f.unit != "倍" && TO_WORDS.iter().filter(|t| t.chars().count() > 1).any(|t| lead.ends_with(t)) {
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
            (from, to)
        } else {
            continue;
        };
        // Nothing but other changes between the two values and this change.
        let last_value = ids.iter().position(|x| *x == to.max(from)).unwrap_or(k);
        let tail = &ids[last_value + 1..k];
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

/// A value and its base: 1430万元，比上年的1100万元增长30%; 1560万元，是上年520万元的3倍.
fn compared_pair(doc: &Doc, prior: &[ClaimId], change: ClaimId) -> Option<(ClaimId, ClaimId)> {
    let [.., to, base] = prior else { return None };
    let between = doc.between(*to, *base);
    let word = ["比", "较", "是"].iter().any(|w| between.contains(w));
    let units = doc.unit(*to) == doc.unit(*base) && !doc.unit(*to).is_empty();
    (word && units && between.chars().count() <= 10 && doc.between(*base, change).chars().count() <= 8)
        .then_some((*base, *to))
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
        if !CHANGE_WORDS.iter().any(|w| lead.contains(w)) || found.iter().any(|g| g.change == change) {
            continue;
        }
        // The value: the amount right before, in the same sentence.
        let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
        let Some(&to) = sentence.iter().rev().find(|x| **x < change && doc.is_amount(**x)) else { continue };
        let tc = &doc.claims.all[to];
        let Some(year) = tc.time.year else { continue };
        let bases: Vec<ClaimId> = doc
            .claims
            .all
            .iter()
            .enumerate()
            .filter(|(x, b)| {
                *x != to
                    && b.time.year == Some(year - 1)
                    && b.scope == tc.scope
                    && b.place.agrees(&tc.place)
                    && b.modality == Modality::Actual
                    && doc.unit(*x) == doc.unit(to)
                    && doc.figure(*x).qualifier == Qualifier::Exact
                    && b.metric.same_as(&tc.metric)
            })
            .map(|(x, _)| x)
            .collect();
        if let [from] = bases.as_slice() {
            let down = DOWN_WORDS.iter().any(|w| lead.contains(w));
            out.push(Growth { from: *from, to, change, kind: GrowthKind::Relative, down });
        }
    }
    out
}
