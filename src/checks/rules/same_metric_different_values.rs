//! BD101: one metric, two values. Reads claims: the metric (reworded or
//! not), time, modality, place and section scope must agree before two values
//! are compared; pairs are found through an index of the metrics' character
//! pairs, so the rule is linear in practice.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::super::claims::{Claim, ClaimId, Modality, Place, Time, family};
use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use super::{figure, finding_at, interval, section_name, text, with};
use crate::figures::Kind;
use crate::model::{Role, Severity};

pub struct SameMetricDifferentValues;

static DOC: RuleDoc = RuleDoc {
    id: "BD101",
    name: "same-metric-different-values",
    severity: Severity::Error,
    title_zh: "同一指标前后数值不一致",
    title_en: "The same metric with different values",
    what_zh: "比较描述同一指标的两处数字：数字前的谓语和数字后的名词相同（允许换一种说法，如“投入帮扶资金500万元”与“帮扶资金投入达0.05亿元”），单位相同，时间（年份、上半年、累计）、性质（实际数、目标、预计）和范围（全市、某县、某镇）都一致，且折算万、亿并考虑约数词后取值不可能相同的，即报错。说不清是否可比时不报。",
    what_en: "Compares two figures that describe the same metric: the same predicate before and noun after (rewordings meet: 投入帮扶资金500万元 and 帮扶资金投入达0.05亿元), the same unit, and the same time (year, half-year, cumulative), modality (actual, target, forecast) and scope (the city, one county, one town). Values that cannot agree once 万/亿 and approximation markers are taken into account are an error. When it cannot tell whether two figures are comparable, it says nothing.",
    why_zh: "内容提要和正文数字不一致，是简报中代价最高的错误：领导往往只读提要。",
    why_en: "A summary that disagrees with the body is the costliest mistake in a brief: leaders often read only the summary.",
    example: "内容提要：全年培训贫困劳动力3200人次。\n技能扶贫：全年共培训贫困劳动力2800人次。",
    corrected: "内容提要：全年培训贫困劳动力3200人次。\n技能扶贫：全年共培训贫困劳动力3200人次。",
    fix_zh: "核对原始数据，把各处改为同一数值。",
    fix_en: "Check the source and make every mention give the same value.",
};

/// Titles of sections that sum up the rest.
const OVERVIEW_TITLES: &[&str] = &["提要", "摘要", "概况", "基本情况", "总体", "概述", "综述", "成效", "总结", "结语"];

/// Words before a figure that make it a change or an average, not a value of the metric.
const NOT_VALUES: &[&str] =
    &["增长", "增加", "提高", "下降", "减少", "降低", "增幅", "上升", "同比", "比上年", "人均", "户均", "平均"];

/// [`NOT_VALUES`] as a set, built once.
static NOT_VALUE: std::sync::LazyLock<crate::figures::WordSet> =
    std::sync::LazyLock::new(|| crate::figures::WordSet::new(NOT_VALUES));

impl SameMetricDifferentValues {
    fn eligible(cx: &Context, id: ClaimId) -> bool {
        let c = &cx.claims.all[id];
        let f = figure(cx, id);
        let lead = &cx.sections[c.section].body[c.lead.clone()];
        // A share needs the name of its part before 占 (占总数的59.4% says nothing of what).
        let share_words = c.metric.text.split('占').next().map_or(0, |p| p.chars().count());
        matches!(f.kind, Kind::Quantity | Kind::Percent)
            && c.modality != Modality::Standard
            && !f.unit.is_empty()
            && c.depth == 0
            && c.metric.is_specific()
            && !(lead.contains('占') && share_words < 2)
            && !crate::checks::claims::relations::holds_a_word(&NOT_VALUE, lead)
    }

    /// Whether two sections speak of one thing: the same section, one within the
    /// other, or one of them an overview (内容提要, 基本情况, 成效, 结语). Two
    /// sections side by side (two aid modes, two hospitals) each have their own figures.
    fn overview(cx: &Context, i: usize) -> bool {
        let s = &cx.sections[i];
        // The title words as a set, built once: each title is read once.
        static OVERVIEW: std::sync::LazyLock<crate::figures::WordSet> =
            std::sync::LazyLock::new(|| crate::figures::WordSet::new(OVERVIEW_TITLES));
        matches!(s.role, Role::Summary | Role::Background | Role::Conclusion) || OVERVIEW.is_match(s.title)
    }

    fn related_sections(cx: &Context, overview: &[bool], a: usize, b: usize) -> bool {
        let overview = |i: usize| overview[i];
        let ancestor = |mut child: usize, parent: usize| {
            while let Some(p) = cx.parents[child] {
                if p == parent {
                    return true;
                }
                child = p;
            }
            false
        };
        a == b || overview(a) || overview(b) || ancestor(a, b) || ancestor(b, a)
    }

    /// Subjects agree when both name the same one, or when neither names one. One
    /// entity (a school) and a whole (全县) are a part and its whole.
    fn same_subject(a: &Claim, b: &Claim) -> bool {
        match (&a.subject, &b.subject) {
            (Some(x), Some(y)) => x == y,
            (Some(_), None) => !matches!(b.place, Place::Whole(_)),
            (None, Some(_)) => !matches!(a.place, Place::Whole(_)),
            (None, None) => true,
        }
    }

    /// Whether two claims may be mentions of one value: everything but where they stand.
    fn comparable(cx: &Context, a: ClaimId, b: ClaimId) -> bool {
        let (ca, cb) = (&cx.claims.all[a], &cx.claims.all[b]);
        let (fa, fb) = (figure(cx, a), figure(cx, b));
        fa.kind == fb.kind
            && family(fa.unit) == family(fb.unit)
            && ca.scope == cb.scope
            && Self::same_subject(ca, cb)
            && ca.modality == cb.modality
            && ca.time.agrees(&cb.time)
            && ca.place.agrees(&cb.place)
            && ca.metric.same_as(&cb.metric)
    }

    /// Whether a claim is said as a part (其中 before it in its sentence: 其中，市总工会举办
    /// 专场招聘会25场): it is not a mention of the whole said elsewhere, though two parts
    /// said so may be mentions of one part. Part of a claim's class and bucket, so that
    /// the two kinds never meet.
    fn said_as_part(cx: &Context, id: ClaimId) -> bool {
        static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("其中"));
        let c = &cx.claims.all[id];
        let s = &cx.sections[c.section];
        FINDER.find(&s.body.as_bytes()[s.sentences[c.sentence].span.start..figure(cx, id).span.start]).is_some()
    }

    /// Whether two places may hold mentions of one value: related sections, and
    /// not one paragraph (within one, two values of a metric are two things
    /// listed side by side).
    fn placed_to_compare(cx: &Context, overview: &[bool], a: &Slot, b: &Slot) -> bool {
        !(a.section == b.section && a.paragraph == b.paragraph)
            && Self::related_sections(cx, overview, a.section, b.section)
    }
}

/// Claims that say the same thing the same way: one metric (as written), value,
/// time, modality, place, scope, subject and total. A text that repeats a
/// sentence a thousand times has one class, not a thousand claims to pair.
#[derive(Hash, PartialEq, Eq)]
struct ClassKey<'a> {
    metric: &'a str,
    family: &'a str,
    lo: u64,
    hi: u64,
    time: Time,
    modality: Modality,
    place: &'a Place,
    scope: usize,
    subject: Option<&'a str>,
    total: Option<ClaimId>,
    part: bool,
}

/// What two claims must share to be compared: unit family, kind, scope, modality, and
/// whether they are said as parts.
type Bucket<'a> = (&'a str, Kind, usize, Modality, bool);

/// Where a class's claims stand: one per section and paragraph, with its first claim.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Slot {
    section: usize,
    paragraph: usize,
    first: ClaimId,
}

impl Rule for SameMetricDifferentValues {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let claims = &cx.claims;
        // The growth figures' old values are other years of a metric, not other mentions.
        let mut skip = vec![false; claims.all.len()];
        for g in &claims.relations.growth {
            skip[g.from] = true;
            skip[g.change] = true;
        }
        // A part and its total, and parts of two totals, are not mentions of one metric.
        let mut total_of: Vec<Option<ClaimId>> = vec![None; claims.all.len()];
        for b in &claims.relations.breakdowns {
            for &p in &b.parts {
                total_of[p] = Some(b.total);
            }
        }
        // Classes of claims that say the same thing the same way, each with its places.
        // Sized for every claim, so that the keys (strings among them) are never hashed again to grow.
        let n = claims.all.len();
        let mut class_of: HashMap<ClassKey, usize> = HashMap::with_capacity_and_hasher(n, Default::default());
        let mut classes: Vec<(ClaimId, Vec<Slot>)> = Vec::with_capacity(n);
        let mut slots_seen: HashSet<(usize, usize, usize)> = HashSet::with_capacity_and_hasher(n, Default::default());
        // Each eligible claim's interval, computed once for its class and kept for the pairs.
        let mut intervals = vec![(0.0, 0.0); claims.all.len()];
        let mut part_said = vec![false; claims.all.len()];
        for id in (0..claims.all.len()).filter(|i| !skip[*i] && Self::eligible(cx, *i)) {
            let c = &claims.all[id];
            let (lo, hi) = interval(cx, id);
            intervals[id] = (lo, hi);
            part_said[id] = Self::said_as_part(cx, id);
            let key = ClassKey {
                metric: &c.metric.text,
                family: family(figure(cx, id).unit),
                lo: lo.to_bits(),
                hi: hi.to_bits(),
                time: c.time,
                modality: c.modality,
                place: &c.place,
                scope: c.scope,
                subject: c.subject.as_deref(),
                total: total_of[id],
                part: part_said[id],
            };
            let k = *class_of.entry(key).or_insert_with(|| {
                classes.push((id, Vec::new()));
                classes.len() - 1
            });
            if slots_seen.insert((k, c.section, c.paragraph)) {
                classes[k].1.push(Slot { section: c.section, paragraph: c.paragraph, first: id });
            }
        }
        // An index from (unit family, character pair) to classes; a pair is looked
        // up through the rarest pairs of a metric, enough of them that a match of
        // four fifths of the pairs cannot miss all of them.
        // What `comparable` requires to be equal (kind, unit family, scope, modality)
        // is part of the key, so the lists hold only classes that may compare.
        let bucket = |id: ClaimId| {
            let (c, f) = (&claims.all[id], figure(cx, id));
            (family(f.unit), f.kind, c.scope, c.modality, part_said[id])
        };
        // Each class's bucket, numbered once, so that the index hashes two integers.
        let mut buckets: HashMap<Bucket, u32> = HashMap::default();
        let class_bucket: Vec<u32> = classes
            .iter()
            .map(|(rep, _)| {
                let n = buckets.len() as u32;
                *buckets.entry(bucket(*rep)).or_insert(n)
            })
            .collect();
        // Only classes of one bucket meet, so each bucket is indexed and searched
        // on its own: the index stays small (in cache), and is cleared between buckets.
        // The classes of a bucket keep their order, and every pair lies inside one
        // bucket, so the pairs and what is reported of them are as for one index.
        let mut order: Vec<usize> = (0..classes.len()).collect();
        order.sort_by_key(|k| class_bucket[*k]);
        // The index of a bucket, laid out flat: each pair has a slot, the classes
        // holding it stand in `members[starts[slot]..starts[slot + 1]]`, in the
        // bucket's order. `slot_of` holds the slot of each pair of each class, in turn.
        let mut slot: HashMap<u64, u32> = HashMap::default();
        let (mut starts, mut members, mut slot_of): (Vec<u32>, Vec<usize>, Vec<u32>) = Default::default();
        let mut grams: Vec<(u32, u64, u32)> = Vec::new();
        let mut reported = vec![false; claims.all.len()];
        let mut seen: HashSet<(usize, usize)> = HashSet::default();
        let overview: Vec<bool> = (0..cx.sections.len()).map(|i| Self::overview(cx, i)).collect();
        for group in order.chunk_by(|x, y| class_bucket[*x] == class_bucket[*y]) {
            // A class alone in its bucket has nothing to meet.
            if group.len() < 2 {
                continue;
            }
            slot.clear();
            seen.clear();
            // Each pair's slot and how many classes hold it (counted in `starts`, shifted by one).
            starts.clear();
            starts.push(0);
            slot_of.clear();
            for &k in group {
                for g in claims.all[classes[k].0].metric.grams() {
                    let next = slot.len() as u32;
                    let s = *slot.entry(*g).or_insert(next);
                    if s == next {
                        starts.push(0);
                    }
                    starts[s as usize + 1] += 1;
                    slot_of.push(s);
                }
            }
            let counts: Vec<u32> = starts[1..].to_vec();
            for i in 1..starts.len() {
                starts[i] += starts[i - 1];
            }
            // The classes of each slot, in the bucket's order.
            members.clear();
            members.resize(slot_of.len(), 0);
            let mut fill: Vec<u32> = starts[..starts.len() - 1].to_vec();
            let mut j = 0;
            for &k in group {
                for _ in claims.all[classes[k].0].metric.grams() {
                    let s = slot_of[j] as usize;
                    members[fill[s] as usize] = k;
                    fill[s] += 1;
                    j += 1;
                }
            }
            let mut class_pairs = 0;
            for &ka in group {
                let (a, slots_a) = (classes[ka].0, &classes[ka].1);
                let own = claims.all[a].metric.grams();
                grams.clear();
                grams.extend(own.iter().zip(&slot_of[class_pairs..]).map(|(g, s)| (counts[*s as usize], *g, *s)));
                class_pairs += own.len();
                grams.sort_unstable();
                let probes = grams.len() / 5 + 1;
                for &(_, _, s) in grams.iter().take(probes) {
                    let list = &members[starts[s as usize] as usize..starts[s as usize + 1] as usize];
                    for &kb in list {
                        if kb == ka {
                            continue;
                        }
                        let (b, slots_b) = (classes[kb].0, &classes[kb].1);
                        // Values that may agree, or a part and a total, are never a finding:
                        // those tests are cheap, and come before the pair is noted and compared.
                        let part_of_other = match (total_of[a], total_of[b]) {
                            (Some(ta), Some(tb)) => ta != tb,
                            (Some(t), None) => t == b,
                            (None, Some(t)) => t == a,
                            (None, None) => false,
                        };
                        let ((alo, ahi), (blo, bhi)) = (intervals[a], intervals[b]);
                        if part_of_other || alo <= bhi && blo <= ahi {
                            continue;
                        }
                        if !seen.insert((ka.min(kb), ka.max(kb))) || !Self::comparable(cx, a, b) {
                            continue;
                        }
                        // Each place of one value against the places of the other: the later
                        // mention is the finding, the earlier (a summary, most often) the other place.
                        for sa in slots_a {
                            for sb in slots_b {
                                if !Self::placed_to_compare(cx, &overview, sa, sb) {
                                    continue;
                                }
                                let (first, second) = (sa.first.min(sb.first), sa.first.max(sb.first));
                                if reported[second] {
                                    continue;
                                }
                                reported[second] = true;
                                let finding = Finding::SameMetric {
                                    metric: claims.all[second].metric.text.clone(),
                                    here: text(cx, second).to_string(),
                                    there: text(cx, first).to_string(),
                                    there_section: section_name(cx, claims.all[first].section),
                                };
                                out.push(with(
                                    finding_at(self, cx, second, finding),
                                    cx,
                                    first,
                                    RelatedRole::OtherMention,
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, two_sections};
    use crate::checks::{Env, check};

    fn across(summary: &str, body: &str) -> usize {
        check(&two_sections(summary, body), &Env::default()).iter().filter(|d| d.rule == "BD101").count()
    }

    #[test]
    fn a_summary_year_to_date_meets_a_body_that_names_no_time() {
        assert_eq!(across("今年以来，全区销售农特产品3200万元。", "全区实现农特产品销售2300万元。"), 1);
        assert_eq!(across("今年以来，全区销售农特产品3200万元。", "全区实现农特产品销售3200万元。"), 0);
        // A part of the year named in the body is another figure.
        assert_eq!(across("今年以来，全区销售农特产品3200万元。", "上半年，全区实现农特产品销售2300万元。"), 0);
    }

    #[test]
    fn fires_when_summary_and_body_disagree() {
        assert_eq!(across("全年培训贫困劳动力3200人次。", "全年共培训贫困劳动力2800人次。"), 1);
        assert_eq!(across("累计投入帮扶资金1.26亿元。", "全市工会累计投入帮扶资金12900万元。"), 1);
        // Reworded: the noun before the figure in one place, after the verb in the other.
        assert_eq!(
            across("2020年，市总工会投入消费扶贫资金480万元。", "全年，市总工会消费扶贫资金投入达0.052亿元。"),
            1
        );
        // Who was moved to buy (组织职工购买) is not what is counted: the buying is.
        assert_eq!(across("全年组织职工购买扶贫产品1860万元。", "全年职工购买扶贫产品达1680万元。"), 1);
        assert_eq!(across("全年组织职工购买扶贫产品1860万元。", "全年职工购买扶贫产品达1860万元。"), 0);
    }

    #[test]
    fn a_run_in_heading_names_a_subject_only_when_it_names_a_thing() {
        // A kind of work (三、资金投入。) is a topic of the whole: its figures meet the summary's.
        let summary = "今年以来，市总工会共投入帮扶资金6000余万元。";
        assert_eq!(across(summary, "三、资金投入。今年以来，市总工会共投入帮扶资金5800万元。"), 1);
        assert_eq!(across(summary, "三、资金投入。今年以来，市总工会共投入帮扶资金6200万元。"), 0);
        // Two roads are two things: their lengths are not one value said twice.
        let roads = "1.“组组通”硬化路。新建硬化路全长12公里。\n2.“村村通”硬化路。新建硬化路全长8公里。";
        assert_eq!(across("", roads), 0);
    }

    #[test]
    fn a_part_is_no_mention_of_the_whole() {
        // 其中 before it: the city union's 25 of the year's 52.
        let summary = "全年共举办专场招聘会52场。";
        assert_eq!(across(summary, "其中，市总工会举办专场招聘会25场，各区工会举办27场。"), 0);
        assert_eq!(across(summary, "全年，市总工会共举办各类专场招聘会25场。"), 1);
        // Two parts said so may be mentions of one part.
        assert_eq!(across("其中线上销售1.5亿元。", "全县农产品销售额2.6亿元，其中线上销售1.3亿元。"), 1);
        // The organs under the city (市直机关) are a group of the city, not the whole of it.
        assert_eq!(across("全市1.2万名职工参与消费扶贫。", "市直机关共有2100名职工参与消费扶贫活动。"), 0);
    }

    #[test]
    fn value_added_is_a_value_not_a_change() {
        let summary = "2022年，全县第一产业增加值26.3亿元。";
        assert_eq!(across(summary, "2022年，全县第一产业增加值28.3亿元，增长4.1%。"), 1);
        assert_eq!(across(summary, "2022年，全县第一产业增加值26.3亿元，增长4.1%。"), 0);
    }

    #[test]
    fn past_years_meet_the_named_years_of_the_same_stretch() {
        // 三年来 in the summary, 2018年至2020年 in the body: one stretch, two values.
        let summary = "三年来，全省劳模引进产业项目356个。";
        assert_eq!(across(summary, "2018年至2020年，全省劳模共引进产业项目365个。"), 1);
        assert_eq!(across(summary, "2018年至2020年，全省劳模共引进产业项目356个。"), 0);
        // Four named years are another stretch.
        assert_eq!(across(summary, "2017年至2020年，全省劳模共引进产业项目365个。"), 0);
    }

    #[test]
    fn silent_when_they_agree_or_cannot_be_compared() {
        assert_eq!(across("累计投入帮扶资金1.26亿元。", "全市工会累计投入帮扶资金12600万元。"), 0);
        assert_eq!(across("全年培训贫困劳动力约3000人次。", "共培训贫困劳动力2980人次。"), 0);
        assert_eq!(across("2019年培训贫困劳动力3200人次。", "2020年培训贫困劳动力2800人次。"), 0);
        assert_eq!(across("投入资金7200万元。", "投入培训资金1260万元。"), 0);
        // A target against an actual, a part of the year against the year, a county against the city.
        assert_eq!(across("2020年培训贫困劳动力3200人次。", "力争2020年培训贫困劳动力5000人次。"), 0);
        assert_eq!(across("全年帮助贫困劳动力转移就业3460人。", "上半年帮助贫困劳动力转移就业1520人。"), 0);
        assert_eq!(across("全市建成扶贫车间158个。", "柘水县建成扶贫车间37个。"), 0);
        assert_eq!(fired("城镇困难职工家庭人均月收入1260元，农村困难职工家庭人均月收入1060元。", "BD101"), 0);
    }
}
