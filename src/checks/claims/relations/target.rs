//! Changes whose base stands outside their sentence: a plan's target said as a
//! change from this year's actual value, stated in the review; and the years a
//! yearly average runs over, read from the stretch the text names.

use super::*;
use crate::checks::claims::metric::Metric;
use crate::checks::claims::{Modality, Period};
use crate::checks::lexicon::growth::{PLAN_PERIODS, REACH_WORDS, STRETCH_OPENERS, TARGET_RISE_WORDS};

/// A plan's target said as a rise and the level it leads to, whose base is the
/// same metric's actual value stated in the review: a work report reviews the
/// year just ended (全年实现地区生产总值303.6亿元) and then sets the targets of
/// the next (地区生产总值增长7.5%，达到326.4亿元). The two are tied only by the
/// metric's words, so the growth is [`Assumed::Base`] and BD107 warns, naming
/// the base it took.
///
/// Reads, in a target's sentence: the metric, a word of rise
/// ([`TARGET_RISE_WORDS`]) and a percentage, then a word of reach
/// ([`REACH_WORDS`]) and the level; the base is the one value of the same
/// metric, unit, place and scope stated as actual for the year before the
/// level's (one rise), or for the latest year the brief states it (a yearly
/// average over the stretch the plan names: 未来五年, “十四五”).
///
/// - 今年主要预期目标：农业总产值增长6%，达到31.8亿元 (上年实现农业总产值30亿元): holds.
/// - 今后五年，旅游收入年均增长10%，达到24.2亿元 (去年旅游收入15亿元): 15 × 1.1⁵ = 24.2.
/// - 税收收入增长8%，达到9.7亿元 (上年税收收入完成9.9亿元): a fall; flagged.
///
/// Left alone: a target with no level (社会消费品零售总额增长9%), a metric
/// the review does not state or states twice with two values, and a fall.
pub(super) fn over_review(doc: &Doc, directions: &[Direction], found: &[Growth]) -> Vec<Growth> {
    let mut out = Vec::new();
    for (change, c) in doc.claims.all.iter().enumerate() {
        if !matches!(c.modality, Modality::Target | Modality::Forecast) || doc.unit(change) != "%" {
            continue;
        }
        if found.iter().any(|g| g.change == change || g.from == change || g.to == change) {
            continue;
        }
        let lead = doc.lead(change).trim_start_matches(['，', ',', '；', ';', '：', ':', ' ', '\u{3000}']);
        let Some(word) = TARGET_RISE_WORDS.iter().find(|w| lead.ends_with(*w)) else { continue };
        let annual = word.contains('均') || doc.clause_before(change).contains("年均");
        let named = &lead[..lead.len() - word.len()];
        // 增长7.5%，达到326.4亿元: the level after the rate.
        let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
        let Some(&level) = sentence.iter().find(|x| **x > change) else { continue };
        let reach = doc.between(change, level).trim_matches(['，', ',', ' ']);
        if !REACH_WORDS.contains(&reach) || !doc.is_amount(level) || doc.unit(level) == "%" {
            continue;
        }
        if doc.figure(level).qualifier != Qualifier::Exact {
            continue;
        }
        let metric = Metric::new(named, "");
        if !metric.is_specific() {
            continue;
        }
        let lc = &doc.claims.all[level];
        let bases: Vec<ClaimId> = (0..doc.claims.all.len())
            .filter(|x| {
                let b = &doc.claims.all[*x];
                b.modality == Modality::Actual
                    && b.scope == lc.scope
                    && b.place.agrees(&lc.place)
                    && b.time.year.is_some()
                    && (b.time.period == Period::Whole || directions.iter().any(|d| d.to == *x))
                    && doc.unit(*x) == doc.unit(level)
                    && doc.figure(*x).qualifier == Qualifier::Exact
                    && (b.metric.same_as(&metric)
                        || Metric::new(named_before(doc, *x, directions), "").same_as(&metric))
            })
            .collect();
        // Where the metric's words stand whole before some of them (城镇常住居民人均可支配收入
        // beside 农村常住居民人均可支配收入), those are the base.
        let named = named.trim_matches(|c: char| !crate::model::is_cjk(c));
        let bases = {
            let whole: Vec<ClaimId> =
                bases.iter().copied().filter(|x| named_before(doc, *x, directions).contains(named)).collect();
            if whole.is_empty() { bases } else { whole }
        };
        // A target of this year (今年, or no year) or of years to come: the base
        // is the latest year the brief states the metric as actual.
        let latest = || bases.iter().filter_map(|x| doc.claims.all[*x].time.year).max();
        let base_year = match (lc.time.year, lc.time.period) {
            (Some(y), Period::Whole) if !annual => Some(y - 1),
            (None, Period::Whole) if !annual && lc.time.relative == Some(0) => latest(),
            _ if annual => latest(),
            _ => None,
        };
        let Some(base_year) = base_year else { continue };
        let at: Vec<ClaimId> =
            bases.iter().copied().filter(|x| doc.claims.all[*x].time.year == Some(base_year)).collect();
        // One value, however often it is said.
        let Some(&base) = at.first() else { continue };
        if at.iter().any(|x| doc.figure(*x).value != doc.figure(base).value) {
            continue;
        }
        let kind = if annual {
            let s = &doc.sections[c.section];
            let span = stretch_in(&s.body[s.sentences[c.sentence].span.clone()])
                .or_else(|| stretch_in(&s.body[c.paragraph..s.sentences[c.sentence].span.start]))
                .or_else(|| stretch_in(s.title));
            match span {
                Some(n) => GrowthKind::AnnualAverage(n),
                None => continue,
            }
        } else {
            GrowthKind::Relative
        };
        out.push(Growth { from: base, to: level, change, kind, down: false, assumed: Assumed::Base });
    }
    out
}

/// The words that name what a value measures: its clause up to it, or for the
/// value a change goes to (由2015年的56.1亿元增长到2020年的77.2亿元) the clause up to
/// the value it comes from; before 由 or 从 where they open it.
fn named_before<'a>(doc: &Doc<'a>, x: ClaimId, directions: &[Direction]) -> &'a str {
    let opened = directions.iter().find(|d| d.to == x).map_or(x, |d| d.from);
    let clause = doc.clause_before(opened);
    match clause.rfind(['由', '从']) {
        Some(i) if super::direction::opened_from(clause) => &clause[..i],
        _ => clause,
    }
}

/// The years a yearly average runs over when its two values name none
/// (公共预算支出由11.66亿元增加到29.33亿元，年均增长20.26%): the two years its
/// sentence names before it (由2010年的…增加到2015年的…；…), else the stretch
/// its sentence or the opening of its paragraph names ([`stretch_in`]: 五年来,
/// “十三五”时期). A reading, so the growth is [`Assumed::Span`].
///
/// - 五年来，……粮食产量由8.2万吨增加到10.5万吨，年均增长5.1%: five years.
/// - 2016年至2021年，……;村集体收入由12万元增加到31万元，年均增长21%: five years.
/// - “十三五”时期，……。森林覆盖率由……，年均……: five years.
///
/// Left alone: a sentence naming three or more years, or stretches of two lengths.
pub(super) fn stretch_around(doc: &Doc, change: ClaimId) -> Option<u8> {
    let sentence = doc.sentence_before(change);
    let mut years: Vec<i32> = named_years(sentence);
    years.sort_unstable();
    years.dedup();
    if let [a, b] = years.as_slice() {
        return u8::try_from(b - a).ok().filter(|n| (2..=20).contains(n));
    }
    if !years.is_empty() {
        return None;
    }
    let c = &doc.claims.all[change];
    let s = &doc.sections[c.section];
    let opening = s.body.get(c.paragraph..s.sentences[c.sentence].span.start).unwrap_or("");
    stretch_in(sentence).or_else(|| stretch_in(opening))
}

/// The years (four digits before 年) a text names.
pub(super) fn named_years(text: &str) -> Vec<i32> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices('年') {
        if i >= 4
            && b[i - 4..i].iter().all(u8::is_ascii_digit)
            && (i == 4 || !b[i - 5].is_ascii_digit())
            && let Ok(y) = text[i - 4..i].parse::<i32>()
            && (1900..2100).contains(&y)
        {
            out.push(y);
        }
    }
    out
}

/// The years of the one stretch a text names: a five-year plan ([`PLAN_PERIODS`]:
/// “十四五”时期 is five years), or a count of years after a word of stretch
/// ([`STRETCH_OPENERS`]: 未来五年, 近三年) or before 来 (五年来). Two stretches of
/// different lengths name none. Left alone: a count of years that is no
/// stretch of the report's (用三年时间, 连续五年).
pub(super) fn stretch_in(text: &str) -> Option<u8> {
    let mut found: Option<u8> = None;
    let mut add = |n: u8| -> bool {
        match found {
            Some(m) if m != n => false,
            _ => {
                found = Some(n);
                true
            }
        }
    };
    // “十二五”末 is a point, the plan's end, not a stretch.
    for p in PLAN_PERIODS {
        let stretch = text.match_indices(p).any(|(i, _)| {
            let after = text[i + p.len()..].trim_start_matches(['”', '"', '’']);
            !after.starts_with(['末', '初'])
        });
        if stretch && !add(5) {
            return None;
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for (i, w) in chars.windows(2).enumerate() {
        if w[1] != '年' {
            continue;
        }
        let Some(n) = "一两三四五六七八九十".find(w[0]).map(|b| b / '一'.len_utf8() + 1) else { continue };
        let before: String = chars[i.saturating_sub(2)..i].iter().collect();
        let opened = STRETCH_OPENERS.iter().any(|o| before.ends_with(o));
        let since = chars.get(i + 2) == Some(&'来');
        if (opened || since) && !add(n as u8) {
            return None;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::stretch_in;
    use crate::model::Severity;

    /// The BD107 findings of a draft with headings (一、…), imported as a brief.
    fn bd107(text: &str) -> Vec<Severity> {
        let brief = crate::import::text::import_text(text, crate::model::Taxonomy::default()).brief;
        let env = crate::checks::Env::default();
        crate::checks::check(&brief, &env).into_iter().filter(|d| d.rule == "BD107").map(|d| d.severity).collect()
    }

    fn warned(text: &str) -> usize {
        bd107(text).iter().filter(|s| **s == Severity::Warning).count()
    }

    fn fired(text: &str, _: &str) -> usize {
        bd107(text).len()
    }

    #[test]
    fn stretches_of_years() {
        assert_eq!(stretch_in("未来五年，全县发展的主要目标是"), Some(5));
        assert_eq!(stretch_in("“十四五”时期经济社会发展目标"), Some(5));
        assert_eq!(stretch_in("近三年来，我们"), Some(3));
        assert_eq!(stretch_in("用三年时间完成改造"), None);
        assert_eq!(stretch_in("未来五年和近三年"), None);
        assert_eq!(stretch_in("由“十二五”末的29亿元"), None);
    }

    #[test]
    fn a_target_over_the_review_s_value_is_checked_and_warns() {
        let review = "一、2022年工作回顾\n\n全年实现农业总产值30亿元，税收收入完成9.9亿元，旅游收入15亿元。\n\n二、2023年工作安排\n\n";
        // 30 × 1.16 = 34.8, not 31.8.
        assert_eq!(warned(&format!("{review}主要预期目标是：农业总产值增长16%，达到31.8亿元。")), 1);
        // A rise said, a lower level written.
        assert_eq!(warned(&format!("{review}主要预期目标是：税收收入增长8%，达到9.7亿元。")), 1);
        // The rate right, the level slipped: 15 × 1.12 = 16.8.
        assert_eq!(warned(&format!("{review}今年力争旅游收入增长12%，达到18.6亿元。")), 1);
        // Right within rounding: 30 × 1.06 = 31.8; and a target with no level.
        assert_eq!(fired(&format!("{review}主要预期目标是：农业总产值增长6%，达到31.8亿元。"), "BD107"), 0);
        assert_eq!(fired(&format!("{review}主要预期目标是：农业总产值增长6%，旅游收入增长12%。"), "BD107"), 0);
    }

    #[test]
    fn a_five_year_target_compounds_over_the_plan() {
        let review = "一、工作回顾\n\n2020年，全县旅游收入15亿元。\n\n二、发展目标\n\n";
        // 15 × 1.1⁵ = 24.2.
        assert_eq!(fired(&format!("{review}未来五年，旅游收入年均增长10%，达到24.2亿元。"), "BD107"), 0);
        assert_eq!(warned(&format!("{review}未来五年，旅游收入年均增长16%，达到24.2亿元。")), 1);
        // No stretch named: the years are unknown.
        assert_eq!(fired(&format!("{review}旅游收入年均增长16%，达到24.2亿元。"), "BD107"), 0);
    }

    #[test]
    fn a_metric_stated_with_two_values_or_not_at_all_is_no_base() {
        let review = "一、2022年工作回顾\n\n全年实现农业总产值30亿元，其中一季度农业总产值5亿元。全县农业总产值32亿元。\n\n二、2023年工作安排\n\n";
        assert_eq!(fired(&format!("{review}主要预期目标是：农业总产值增长16%，达到31.8亿元。"), "BD107"), 0);
        assert_eq!(fired(&format!("{review}主要预期目标是：工业总产值增长16%，达到31.8亿元。"), "BD107"), 0);
    }

    #[test]
    fn a_yearly_average_runs_over_the_stretch_named_around_it() {
        // 8.2 → 10.5 over five years is 5.1% a year.
        assert_eq!(warned("五年来，我们狠抓粮食生产，全县粮食产量由8.2万吨增加到10.5万吨，年均增长9%。"), 1);
        // Two years named before it in its sentence: 12 → 31 over five years is 20.9% a year.
        assert_eq!(warned("全镇2016年和2021年相比，村集体收入由12万元增加到31万元，年均增长12%。"), 1);
        // An amount a year: (300 − 120) ÷ 5 = 36.
        assert_eq!(warned("“十三五”时期，全县合作社蓬勃发展。农民专业合作社由120家增加到300家，年均增加50家。"), 1);
        assert_eq!(fired("五年来，我们狠抓粮食生产，全县粮食产量由8.2万吨增加到10.5万吨，年均增长5.1%。", "BD107"), 0);
        // The end of a plan is a point, no stretch: the years are unknown.
        assert_eq!(fired("全县粮食产量由“十二五”末的8.2万吨增加到10.5万吨，年均增长9%。", "BD107"), 0);
    }
}
