//! BD101: one metric, two values. Reads claims: the metric (reworded or
//! not), time, modality, place and section scope must agree before two values
//! are compared; pairs are found through an index of the metrics' character
//! pairs, so the rule is linear in practice.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::super::claims::{ClaimId, Modality, family};
use super::super::identity::{Verdict, identity};
use super::super::words::is_han;
use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use super::{figure, finding_at, interval, section_name, text, with};
use crate::figures::Kind;
use crate::model::{Role, Severity};

mod recount;
mod slip;

pub struct SameMetricDifferentValues;

static DOC: RuleDoc = RuleDoc {
    id: "BD101",
    name: "same-metric-different-values",
    severity: Severity::Error,
    title_zh: "同一指标前后数值不一致",
    title_en: "The same metric with different values",
    what_zh: "比较描述同一指标的两处数字：数字前的谓语和数字后的名词相同（允许换一种说法，如“投入帮扶资金500万元”与“帮扶资金投入达0.05亿元”），单位相同，时间（年份、上半年、累计）、性质（实际数、目标、预计）和范围（全市、某县、某镇）都一致，且折算万、亿并考虑约数词后取值不可能相同的，即报错。说不清是否可比时不报。说法略有不同（多一个动词、少一个“总”字、主语挪到指标前）而两数只差一处笔误（相邻数字颠倒、小数点错位、多写或漏写一位）的，按同一数字给出警告，并写明这一假定。",
    what_en: "Compares two figures that describe the same metric: the same predicate before and noun after (rewordings meet: 投入帮扶资金500万元 and 帮扶资金投入达0.05亿元), the same unit, and the same time (year, half-year, cumulative), modality (actual, target, forecast) and scope (the city, one county, one town). Values that cannot agree once 万/亿 and approximation markers are taken into account are an error. When it cannot tell whether two figures are comparable, it says nothing. Two mentions worded a little differently (a verb added, 总 dropped, the subject moved before the metric) whose values differ only by a slip of the pen (neighbouring digits swapped, the point moved, a digit dropped or doubled) draw a warning that says it read them as one figure.",
    why_zh: "内容提要和正文数字不一致，是简报中代价最高的错误：领导往往只读提要。",
    why_en: "A summary that disagrees with the body is the costliest mistake in a brief: leaders often read only the summary.",
    example: "内容提要：全年培训贫困劳动力3200人次。\n技能扶贫：全年共培训贫困劳动力2800人次。",
    corrected: "内容提要：全年培训贫困劳动力3200人次。\n技能扶贫：全年共培训贫困劳动力3200人次。",
    fix_zh: "核对原始数据，把各处改为同一数值。",
    fix_en: "Check the source and make every mention give the same value.",
};

/// Titles of sections that sum up the rest.
const OVERVIEW_TITLES: &[&str] = &["提要", "摘要", "概况", "基本情况", "总体", "概述", "综述", "成效", "总结", "结语"];

/// Words before a figure that make it a change, not a value of the metric. (An
/// average is a value: 人均纯收入 said twice is one figure; its metric keeps 人均,
/// so it never meets a total.)
const NOT_VALUES: &[&str] = &["增长", "增加", "提高", "下降", "减少", "降低", "增幅", "上升", "同比", "比上年"];

/// [`NOT_VALUES`] as a set, built once.
static NOT_VALUE: std::sync::LazyLock<crate::figures::WordSet> =
    std::sync::LazyLock::new(|| crate::figures::WordSet::new(NOT_VALUES));

impl SameMetricDifferentValues {
    /// The finding that claim `b` gives claim `a`'s metric another value, pointing at `a`.
    fn mention(
        &self,
        cx: &Context,
        a: ClaimId,
        b: ClaimId,
        assumed: Vec<crate::checks::identity::Assumption>,
    ) -> Diagnostic {
        let claims = &cx.claims;
        let finding = Finding::SameMetric {
            metric: claims.all[b].words.written.clone(),
            here: text(cx, b).to_string(),
            there: text(cx, a).to_string(),
            there_section: section_name(cx, claims.all[a].section),
            assumed,
        };
        with(finding_at(self, cx, b, finding), cx, a, RelatedRole::OtherMention)
    }

    /// Whether a claim may be a mention of its metric's value. A change (增长4.1%,
    /// 增加200万元) is not; the value a change came to (由A增加到2015年的B: B is the
    /// metric's value in 2015) is, and `start` names A when the claim is such a B.
    /// The end of a share's change (…占生产总值的比重由10.1%下降到2.6%) is left
    /// alone: its words name the whole, not the part.
    fn eligible(cx: &Context, id: ClaimId, start: Option<ClaimId>) -> bool {
        let c = &cx.claims.all[id];
        let f = figure(cx, id);
        let lead = &cx.sections[c.section].body[c.lead.clone()];
        // A 占 of a share, not of 占地 (the land a thing takes).
        let share_in = |lead: &str| {
            lead.match_indices('占')
                .map(|(i, _)| i)
                .find(|&i| !crate::checks::lexicon::relations::OCCUPY_WORDS.iter().any(|w| lead[i..].starts_with(w)))
        };
        if let Some(a) = start {
            let ca = &cx.claims.all[a];
            if share_in(&cx.sections[ca.section].body[ca.lead.clone()]).is_some() {
                return false;
            }
        }
        // A share needs the name of its part before 占 (占总数的59.4% says nothing of what).
        let share_at = share_in(lead);
        let share_words = share_at.map_or(0, |i| lead[..i].chars().filter(|c| is_han(*c)).count());
        matches!(f.kind, Kind::Quantity | Kind::Percent)
            && c.modality != Modality::Standard
            && !f.unit.is_empty()
            && c.depth == 0
            && c.words.is_specific()
            && !(c.words.generic && c.subject().is_none())
            && !(share_at.is_some() && share_words < 2)
            && (start.is_some() || !crate::checks::claims::relations::holds_a_word(&NOT_VALUE, lead))
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

    /// Whether a claim is said as a part (其中 before it in its sentence: 其中，市总工会举办
    /// 专场招聘会25场): it is not a mention of the whole said elsewhere, though two parts
    /// said so may be mentions of one part.
    fn said_as_part(cx: &Context, id: ClaimId) -> bool {
        static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("其中"));
        let c = &cx.claims.all[id];
        let s = &cx.sections[c.section];
        FINDER.find(&s.body.as_bytes()[s.sentences[c.sentence].span.start..figure(cx, id).span.start]).is_some()
    }

    /// Whether two claims stand where they may be mentions of one value: related
    /// sections, and not one paragraph (within one, two values of a metric are
    /// two things listed side by side).
    fn placed_to_compare(cx: &Context, overview: &[bool], a: ClaimId, b: ClaimId) -> bool {
        let (ca, cb) = (&cx.claims.all[a], &cx.claims.all[b]);
        !(ca.section == cb.section && ca.paragraph == cb.paragraph)
            && Self::related_sections(cx, overview, ca.section, cb.section)
    }
}

/// What two claims must share to be compared at all: the metric's words, the
/// unit's family, the kind of figure, the modality, and whether they are said
/// as parts. Claims of one bucket are then put to the identity test.
#[derive(Hash, PartialEq, Eq)]
struct Bucket<'a> {
    metric: &'a [String],
    family: &'a str,
    kind: Kind,
    modality: Modality,
    part: bool,
}

/// Claims that say the same thing the same way (one value, time, place,
/// subject, total): a text that repeats a sentence a thousand times has one
/// class to compare, not a thousand claims.
/// It borrows the claims' words rather than copying them: one key per claim.
#[derive(Hash, PartialEq, Eq)]
struct ClassKey<'a> {
    lo: u64,
    hi: u64,
    time: crate::checks::claims::Time,
    place: &'a crate::checks::claims::Place,
    subject: Option<&'a str>,
    adjunct: Option<&'a str>,
    total: Option<ClaimId>,
}

/// How many earlier values of a bucket each claim is compared with: enough for
/// every brief (a metric said with more than eight values is a table, not
/// mentions of one figure), and it keeps the rule linear.
const ANCHORS: usize = 8;

impl Rule for SameMetricDifferentValues {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let claims = &cx.claims;
        let n = claims.all.len();
        // The growth figures' old values are other years of a metric, not other mentions.
        let mut skip = vec![false; n];
        for g in &claims.relations.growth {
            // A base taken from another section is still a mention of its metric there.
            if g.assumed != crate::checks::claims::relations::Assumed::Base {
                skip[g.from] = true;
            }
            skip[g.change] = true;
        }
        // The value a change came to is a value of its metric (由A增加到B: B).
        let mut end: Vec<Option<ClaimId>> = vec![None; n];
        for g in &claims.relations.growth {
            end[g.to] = Some(g.from);
        }
        for d in &claims.relations.directions {
            skip[d.from] = true;
            end[d.to] = Some(d.from);
        }
        // A part and its total, and parts of two totals, are not mentions of one metric.
        let mut total_of: Vec<Option<ClaimId>> = vec![None; n];
        for b in &claims.relations.breakdowns {
            for &p in &b.parts {
                total_of[p] = Some(b.total);
            }
        }
        let overview: Vec<bool> = (0..cx.sections.len()).map(|i| Self::overview(cx, i)).collect();
        // Claims by bucket, in document order; within a bucket, the first claim of each class.
        let mut bucket_of: HashMap<Bucket, usize> = HashMap::default();
        let mut buckets: Vec<Vec<ClaimId>> = Vec::new();
        // The classes of the paragraph being read: claims come in document order, so a
        // paragraph's classes are all seen before the next paragraph's (the set stays
        // the size of a paragraph, not of the text).
        let mut classes: HashSet<(usize, ClassKey)> = HashSet::default();
        let mut paragraph = None;
        let mut intervals = vec![(0.0, 0.0); n];
        for id in (0..n).filter(|i| !skip[*i] && Self::eligible(cx, *i, end[*i])) {
            let c = &claims.all[id];
            let f = figure(cx, id);
            intervals[id] = interval(cx, id);
            let bucket = Bucket {
                metric: &c.words.metric,
                family: family(f.unit),
                kind: f.kind,
                modality: c.modality,
                part: Self::said_as_part(cx, id),
            };
            let b = *bucket_of.entry(bucket).or_insert_with(|| {
                buckets.push(Vec::new());
                buckets.len() - 1
            });
            let (lo, hi) = intervals[id];
            let key = ClassKey {
                lo: lo.to_bits(),
                hi: hi.to_bits(),
                time: c.time,
                place: &c.place,
                subject: c.subject().map(|s| s.text.as_str()),
                adjunct: c.words.adjunct.as_deref(),
                total: total_of[id],
            };
            // One claim per class and paragraph: the same sentence pasted in ten paragraphs
            // is ten places, and the same value twice in a paragraph is one.
            if paragraph != Some((c.section, c.paragraph)) {
                debug_assert!(paragraph < Some((c.section, c.paragraph)), "claims in document order");
                paragraph = Some((c.section, c.paragraph));
                // A set grown by one long paragraph is let go rather than cleared
                // (clearing costs its capacity, and the paragraphs after it are short).
                if classes.capacity() > 256 {
                    classes = HashSet::default();
                } else {
                    classes.clear();
                }
            }
            if classes.insert((b, key)) {
                buckets[b].push(id);
            }
        }
        let mut reported = vec![false; n];
        for list in buckets.iter().filter(|l| l.len() > 1) {
            // Each claim against the first claims of other values before it.
            let mut anchors: Vec<ClaimId> = Vec::with_capacity(ANCHORS);
            for &b in list {
                let (blo, bhi) = intervals[b];
                let mut agrees_with_one = false;
                for &a in &anchors {
                    let (alo, ahi) = intervals[a];
                    let part_of_other = match (total_of[a], total_of[b]) {
                        (Some(ta), Some(tb)) => ta != tb,
                        (Some(t), None) => t == b,
                        (None, Some(t)) => t == a,
                        (None, None) => false,
                    };
                    if part_of_other {
                        continue;
                    }
                    if alo <= bhi && blo <= ahi {
                        agrees_with_one = true;
                        continue;
                    }
                    if reported[b] || !Self::placed_to_compare(cx, &overview, a, b) {
                        continue;
                    }
                    let Verdict::Same(assumed) = identity(cx, a, b) else { continue };
                    reported[b] = true;
                    let mut d = self.mention(cx, a, b, assumed.clone());
                    if !assumed.is_empty() && d.severity == Severity::Error {
                        d.severity = Severity::Warning;
                    }
                    out.push(d);
                }
                if !agrees_with_one && anchors.len() < ANCHORS {
                    anchors.push(b);
                }
            }
        }
        let eligible: Vec<ClaimId> = (0..n).filter(|i| !skip[*i] && Self::eligible(cx, *i, end[*i])).collect();
        self.restated_with_a_slip(cx, &eligible, &total_of, &mut reported, out);
        recount::recounted(self, cx, out);
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
    fn the_value_a_change_came_to_is_a_value_of_its_year() {
        // 由A增加到2022年的B: B is the metric's 2022 value, said again in the year's review.
        let review = "2022年，全县农村居民人均可支配收入完成14260元。";
        assert_eq!(across(review, "全县农村居民人均可支配收入由2017年的9100元增加到2022年的14620元。"), 1);
        assert_eq!(across(review, "全县农村居民人均可支配收入由2017年的9100元增加到2022年的14260元。"), 0);
        // 从…提高至, and a fall.
        assert_eq!(
            across("2021年，全镇集体经济收入达到162万元。", "全镇集体经济收入从2018年的45万元提高至2021年的126万元。"),
            1
        );
        assert_eq!(across("2019年，全乡贫困人口还有460人。", "全乡贫困人口由2016年的3120人减少到2019年的640人。"), 1);
        // Clean look-alikes: the end of another year; the ends of two shares of one whole.
        assert_eq!(
            across("2021年，全镇集体经济收入达到162万元。", "全镇集体经济收入从2017年的45万元提高至2020年的126万元。"),
            0
        );
        assert_eq!(
            across(
                "研发经费支出占生产总值的比重由2017年的1.2%提高到2022年的1.8%。",
                "农业增加值占生产总值的比重由2017年的12.5%下降到2022年的8.1%。"
            ),
            0
        );
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

    fn warned(summary: &str, body: &str) -> usize {
        check(&two_sections(summary, body), &Env::default())
            .iter()
            .filter(|d| d.rule == "BD101" && d.severity == crate::model::Severity::Warning)
            .count()
    }

    #[test]
    fn a_figure_restated_in_other_words_with_a_slip_is_a_warning() {
        // The review's count taken up by the plan, with two digits swapped.
        let review = "全镇已建成标准化养蜂场47个。";
        assert_eq!(warned(review, "明年完成74个标准化养蜂场的配套提升。"), 1);
        assert_eq!(warned(review, "明年完成47个标准化养蜂场的配套提升。"), 0);
        // 总 dropped before the measure, and the decimal point with it.
        assert_eq!(warned("全镇蔬菜大棚总面积3.2万亩。", "全镇现有蔬菜大棚面积32万亩，带动农户增收。"), 1);
        // Another stage verb, a digit doubled.
        assert_eq!(warned("谋划建设135个高标准农田片区。", "加快推进1335个高标准农田片区建设。"), 1);
        // 占地 is the land a thing takes, not a share: the area is compared.
        assert_eq!(warned("全县冷链物流园占地326亩。", "建成占地362亩的冷链物流园。"), 1);
        // 幅原 is 幅员 miswritten: the area of the town, said again with its digits swapped.
        assert_eq!(warned("全镇幅员面积136.4平方公里。", "全镇幅原面积163.4平方公里，耕地5200公顷。"), 1);
        // The households and people the poor came down to, taken up again by the plan.
        assert_eq!(warned("全乡贫困人口减少到52户137人。", "紧盯剩余52户173人贫困人口的脱贫任务。"), 1);
        assert_eq!(warned("全乡贫困人口减少到52户137人。", "紧盯剩余52户137人贫困人口的脱贫任务。"), 0);
        assert_eq!(warned("全县未脱贫人口下降到96户318人。", "确保剩余96户381人贫困人口如期脱贫。"), 1);
        // Clean look-alikes: another digit (two counts), two crops, two named years.
        assert_eq!(warned(review, "明年完成52个标准化养蜂场的配套提升。"), 0);
        assert_eq!(warned("全县烤烟种植面积1560亩。", "全县黄芪种植面积1650亩。"), 0);
        assert_eq!(warned("2019年新建村级光伏电站12个。", "2020年新建村级光伏电站21个。"), 0);
        // Five years' count and one year's said with no time.
        assert_eq!(warned("2016年至2020年，全市共救助困难职工2360户。", "走访困难职工家庭360户。"), 0);
    }

    #[test]
    fn the_land_a_named_thing_takes_has_no_time_of_its_own() {
        // The five-year review and a note on the park: the note's figure has no stretch.
        let review = "五年来，建成占地2465亩的食用菌产业园〔3〕，带动就业1200人。";
        let note = "〔3〕食用菌产业园：项目占地2645亩，总投资4.2亿元。";
        assert_eq!(warned(review, note), 1);
        assert_eq!(warned(review, "〔3〕食用菌产业园：项目占地2465亩，总投资4.2亿元。"), 0);
        assert_eq!(
            warned("三年来，建成占地318亩的冷链物流园〔5〕。", "〔5〕冷链物流园：项目占地381亩，年吞吐量20万吨。"),
            1
        );
        assert_eq!(warned("五年来，新建占地96亩的光伏产业园〔2〕。", "〔2〕光伏产业园：项目占地69亩。"), 1);
        // Clean look-alike: the land of two parks.
        assert_eq!(warned(review, "〔4〕中药材产业园：项目占地2645亩，总投资3.1亿元。"), 0);
    }

    #[test]
    fn a_text_with_no_headings_names_the_other_mention_as_earlier() {
        let mut b = crate::model::Brief::default();
        b.meta.heading_numbers = false;
        let body = "2022年，全县农村居民人均可支配收入完成14260元。\n全县农村居民人均可支配收入由2017年的9100元增加到2022年的14620元。";
        let s = b.new_section(crate::model::Role::Custom, "", body);
        b.sections.push(s);
        let said: Vec<String> = check(&b, &Env::default())
            .iter()
            .filter(|d| d.rule == "BD101")
            .map(|d| d.message(crate::lang::Lang::Zh))
            .collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("前文为14260元") && !said[0].contains("“”"), "{}", said[0]);
    }

    /// A work report: last year's review, then this year's work.
    fn report(review: &str, plan: &str) -> usize {
        let mut b = crate::model::Brief::default();
        b.meta.heading_numbers = false;
        for (title, body) in [("一、2022年工作回顾", review), ("二、2023年重点工作", plan)] {
            let s = b.new_section(crate::model::Role::Custom, title, body);
            b.sections.push(s);
        }
        check(&b, &Env::default())
            .iter()
            .filter(|d| d.rule == "BD101" && d.severity == crate::model::Severity::Warning)
            .count()
    }

    #[test]
    fn a_plan_section_dates_what_was_done_by_its_own_year() {
        // In this year's work, a figure of last year (去年, or a year before the plan's) is
        // what was done, not a target; the rest of the section is the plan.
        let mut b = crate::model::Brief::default();
        b.meta.heading_numbers = false;
        let plan = "去年，区人大票决的8项民生实事全部完成。2022年建成口袋公园12个。\
                    今年新建口袋公园20个。";
        for (title, body) in [("一、2022年工作回顾", "全年建成口袋公园12个。"), ("二、2023年重点工作", plan)]
        {
            let s = b.new_section(crate::model::Role::Custom, title, body);
            b.sections.push(s);
        }
        let env = Env::default();
        let cx = crate::checks::Context::new(&b, &env);
        let modality = |value: &str| {
            cx.claims
                .all
                .iter()
                .enumerate()
                .find(|(id, c)| c.section == 1 && crate::checks::rules::text(&cx, *id) == value)
                .map(|(_, c)| c.modality)
        };
        assert_eq!(modality("8项"), Some(crate::checks::claims::Modality::Actual));
        assert_eq!(modality("12个"), Some(crate::checks::claims::Modality::Actual));
        assert_eq!(modality("20个"), Some(crate::checks::claims::Modality::Target));
    }

    #[test]
    fn this_years_work_takes_up_the_things_last_years_review_begun() {
        // Begun last year, to be finished this year: one set of things, a slip in the plan.
        let review = "全年改造老旧小区46个，16个口袋公园陆续开工建设。";
        assert_eq!(report(review, "完成61个口袋公园建设，打造城市休闲空间。"), 1);
        assert_eq!(report(review, "完成16个口袋公园建设，打造城市休闲空间。"), 0);
        assert_eq!(report("启动建设美丽乡村示范村23个。", "全面完成32个美丽乡村示范村建设。"), 1);
        assert_eq!(report("建成村级光伏电站135座。", "推进1335座村级光伏电站提质增效。"), 1);
        // Clean look-alike: two named years of one act are two counts.
        assert_eq!(report("2022年新建村级光伏电站12座。", "2023年新建村级光伏电站21座。"), 0);
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
