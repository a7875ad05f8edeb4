//! A draft held to its sources: each of its figures checked against the
//! sources' claims of the same quantity.
//!
//! A figure of the draft that can be compared (a count, an amount or a share,
//! no change, no standard) is looked up in every source by what it measures,
//! and each candidate is put to the identity test
//! ([`crate::checks::identity::identity_across`]): subject, metric, time,
//! modality and place must agree. Then:
//!
//! - a candidate whose interval meets the figure's (rounding, 万 and 亿, 约,
//!   近 and 余 within their meaning) makes the figure **checked** (已核对);
//! - candidates that are the same quantity but none agreeing make a
//!   **mismatch**, cited with the nearest of them (the fewest assumptions);
//! - no candidate at all leaves it **unsourced** (无来源).
//!
//! Two documents that date themselves in different years (a work report of
//! 2020 and one of 2021) share only times both name ([`absolute`]): not one
//! that either leaves unsaid, nor their 今年, 上年 or 近五年: a figure the later
//! report gives for 年内 is not its predecessor's figure for 年内, and its five
//! years are not the earlier report's five. What they share besides is totals that only
//! grow ([`held_over_years`]): the later document's total over years that take
//! in the earlier one's cannot be smaller than the earlier one's total to date.

use serde::Serialize;

use chrono::Datelike;

use super::index::{Key, SourceClaim, SourceIndex, Stands, changes, comparable, said_as_part, total_over_years};
use crate::checks::claims::relations::restated::{chars_within, metric_chars};
use crate::checks::claims::{Claim, ClaimId, Period, Time, family};
use crate::checks::identity::{Assumption, Verdict, identity_across};
use crate::checks::{Bounds, Context};

/// A source's claim, named: which source (index in the list given) and which claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cited {
    pub source: usize,
    pub claim: usize,
}

/// What the sources say of one figure of the draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// A source gives the same quantity with a value that agrees.
    Checked { by: Cited },
    /// The sources give the same quantity, and no value of theirs agrees.
    Mismatch { by: Cited, assumed: Vec<Assumption> },
    /// No source gives this quantity.
    Unsourced,
}

/// One figure of the draft with what the sources say of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verified {
    pub claim: ClaimId,
    pub status: Status,
}

/// Holds every comparable figure of the draft to the sources.
pub fn verify(cx: &Context, sources: &[std::sync::Arc<SourceIndex>]) -> Vec<Verified> {
    if sources.is_empty() {
        return Vec::new();
    }
    let changes = changes(cx);
    let mut out = Vec::new();
    for (id, c) in cx.claims.all.iter().enumerate() {
        let s = &cx.sections[c.section];
        let f = &s.figures[c.figure];
        if !comparable(cx, c, f, &changes, id) {
            continue;
        }
        let key = Key::of(c, f);
        let part = said_as_part(cx, c, f);
        let here = Bounds::of(f, s.text(f));
        // The same quantity in the sources: agreeing or not, with what it assumed.
        let mut agreeing: Option<(usize, Cited)> = None;
        let mut differing: Option<(Vec<Assumption>, Cited)> = None;
        for (si, source) in sources.iter().enumerate() {
            let years_differ = matches!((cx.dated, source.dated), (Some(a), Some(b)) if a.year() != b.year());
            // Documents of different years share only times both name.
            if years_differ && !absolute(&c.time) {
                continue;
            }
            for k in source.candidates(&key, c.time.year) {
                let sc: &SourceClaim = &source.claims[k];
                if sc.part != part || (years_differ && !absolute(&sc.claim.time)) {
                    continue;
                }
                let Verdict::Same(assumed) = identity_across((c, f), (&sc.claim, &sc.figure)) else { continue };
                if years_differ && assumed.iter().any(|a| matches!(a, Assumption::Time { .. })) {
                    continue;
                }
                let cited = Cited { source: si, claim: k };
                if here.meet(&sc.bounds) {
                    if agreeing.as_ref().is_none_or(|(n, _)| assumed.len() < *n) {
                        agreeing = Some((assumed.len(), cited));
                    }
                    // One that agrees on nothing assumed settles it.
                    if assumed.is_empty() {
                        break;
                    }
                } else if differing.as_ref().is_none_or(|(a, _)| assumed.len() < a.len()) {
                    differing = Some((assumed, cited));
                }
            }
        }
        // Two documents of different years: totals over years, by their words.
        if agreeing.is_none() && differing.is_none() && total_over_years(c, f) {
            let mut read: Option<(Stands, Vec<char>)> = None;
            for (si, source) in sources.iter().enumerate() {
                let (Some(dated), Some(theirs_dated)) = (cx.dated, source.dated) else { continue };
                if agreeing.is_some() {
                    break;
                }
                let (mine, theirs) = (dated.year(), theirs_dated.year());
                let later = mine > theirs;
                // The draft's claim must be what its side of the pair needs: over years
                // that take in the earlier year when it is the later document, a total
                // to date when it is the earlier one.
                let fits = if later { covers(&c.time, mine, theirs) } else { mine < theirs && to_date(&c.time) };
                if !fits {
                    continue;
                }
                let (stands, chars) =
                    read.get_or_insert_with(|| (Stands::of(c, &s.body[c.lead.clone()]), metric_chars(&c.words)));
                let draft = Side { claim: c, stands: *stands, chars };
                for k in source.totals(family(f.unit), &c.words.metric, &c.place) {
                    let sc = &source.claims[k];
                    if sc.part != part {
                        continue;
                    }
                    let side = Side { claim: &sc.claim, stands: sc.stands, chars: &sc.chars };
                    let Some(held) = held_over_years((&draft, mine), (&side, theirs)) else { continue };
                    let cited = Cited { source: si, claim: k };
                    if here.meet(&sc.bounds) {
                        // One that agrees settles it.
                        agreeing = Some((held.assumed.len(), cited));
                        break;
                    } else if held.same_thing
                        && ((later && here.hi < sc.bounds.lo) || (!later && sc.bounds.hi < here.lo))
                    {
                        differing.get_or_insert((held.assumed, cited));
                    }
                }
            }
        }
        let status = match (agreeing, differing) {
            (Some((_, by)), _) => Status::Checked { by },
            (None, Some((assumed, by))) => Status::Mismatch { by, assumed },
            (None, None) => Status::Unsourced,
        };
        out.push(Verified { claim: id, status });
    }
    out
}

/// A pair of totals over years across two documents, and what pairing them assumed.
struct Held {
    assumed: Vec<Assumption>,
    /// The two metrics name the same thing, each within the other
    /// ([`chars_within`]): the later total cannot be the smaller.
    same_thing: bool,
}

/// A total restated across two documents of different years.
///
/// A report looks back over years (五年来, 过去五年, “十三五”期间, 2016年以来累计)
/// and gives totals that take in what an earlier report of the same place
/// gave as its total to date. The later total cannot be smaller than the
/// earlier one when it counts the same thing:
///
/// - 2021: 过去五年…建成39个易地搬迁安置区; 2020: 41个易地扶贫搬迁安置区全部建成投用 —
///   39 cannot be right if 41 were built by the end of 2019;
/// - 2023: 三年来累计建成村级光伏电站18座; 2022: 全县村级光伏电站20座全部并网;
/// - 2022: 2016年以来累计培训致富带头人850人; 2021: 已培训致富带头人920人.
///
/// Equal values (within rounding) make the figure checked, where one metric
/// is within the other. A later total that is larger is left alone (more
/// were built since), and so is a smaller one unless the two metrics name the
/// same thing, each within the other: 五年来新建农村寄宿制学校13所 against
/// 建成学校20所 counts something narrower, 3所城区学校 against
/// 城区9所学校扩建项目 another act.
///
/// So the pair needs: one document's claim over a stretch of years that takes
/// in the year the other looks back on, the other's claim a total to date (no
/// time said, or 累计); both totals that grow ([`total_over_years`]); metrics
/// near each other, one within the other ([`chars_within`]); the same place,
/// and no two different subjects, adjuncts or purposes; no level on either
/// side (林果种植总面积发展到33万亩 takes in what was planted before the later
/// report's years), and works begun on both sides or neither (启动了9所学校
/// 新扩建 is no count of schools built). All of it rests on reading the
/// earlier figure as a total to date, so a smaller later total is a warning
/// that says so ([`Assumption::Stock`]), never an error.
fn held_over_years((a, ay): (&Side, i32), (b, by): (&Side, i32)) -> Option<Held> {
    if ay == by || a.stands.level || b.stands.level || a.stands.begun != b.stands.begun {
        return None;
    }
    let ((later, ly), (earlier, ey)) = if ay > by { ((a, ay), (b, by)) } else { ((b, by), (a, ay)) };
    if !to_date(&earlier.claim.time) || !covers(&later.claim.time, ly, ey) {
        return None;
    }
    let (wl, we) = (&later.claim.words, &earlier.claim.words);
    if !earlier.claim.place.agrees(&later.claim.place) {
        return None;
    }
    let mut assumed = vec![Assumption::Stock { earlier: ey, later: ly }];
    match (&wl.subject, &we.subject) {
        (Some(x), Some(y)) if x.text != y.text => return None,
        (Some(s), None) | (None, Some(s)) => assumed.push(Assumption::Subject { named: s.text.clone() }),
        _ => {}
    }
    match (&wl.adjunct, &we.adjunct) {
        (Some(x), Some(y)) if x != y => return None,
        _ => {}
    }
    if wl.purpose != we.purpose {
        return None;
    }
    let (l, e) = ((later.chars, wl), (earlier.chars, we));
    let (within, holds) = (chars_within(l, e), chars_within(e, l));
    if !within && !holds {
        return None;
    }
    Some(Held { assumed, same_thing: within && holds })
}

/// A claim on one side of a pair of totals held across documents: its stance
/// and its metric's characters ([`metric_chars`]), read once.
struct Side<'a> {
    claim: &'a Claim,
    stands: Stands,
    chars: &'a [char],
}

/// Whether a time names its years, so that it means the same in documents of
/// different dates: 2020年, 2020年上半年, 2016年至2020年. Not one said from
/// the document's date: nothing said, 今年, 近五年, 今年以来, 上半年 of no year,
/// 2016年以来累计 (to each document's date).
fn absolute(t: &Time) -> bool {
    t.relative.is_none()
        && match t.period {
            Period::Years(..) => true,
            Period::Since(_) | Period::Past(_) | Period::ToDate => false,
            Period::Whole | Period::Months(..) | Period::AnnualAverage => t.year.is_some(),
        }
}

/// Whether a claim is a total to its document's date: no time said, or 累计.
fn to_date(t: &Time) -> bool {
    matches!(t.period, Period::Whole | Period::Since(_)) && t.year.is_none() && t.relative.is_none()
}

/// Whether a total over years, in a document of year `later`, takes in the
/// year that a document of year `earlier` looks back on (the year before it).
fn covers(t: &Time, later: i32, earlier: i32) -> bool {
    let looked_back = earlier - 1;
    match t.period {
        Period::Past(n) => later - i32::from(n) <= looked_back && looked_back <= later,
        Period::Years(a, b) => a <= looked_back && looked_back <= b,
        Period::Since(Some(y)) => y <= looked_back,
        Period::Since(None) => true,
        Period::Whole | Period::Months(..) | Period::ToDate | Period::AnnualAverage => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::{Diagnostic, Env, check};
    use crate::model::{Brief, Role, Severity};
    use crate::sources::SourceIndex;

    /// An earlier document, dated 2022 by its dateline.
    fn source(body: &str) -> SourceIndex {
        SourceIndex::from_text(
            "2022年报告.txt",
            &format!("县政府工作报告\n2022年1月12日在县人民代表大会上\n各位代表：\n{body}\n"),
        )
    }

    /// BD114 on a draft dated `date`, held to `src`.
    fn run(src: &SourceIndex, date: (i32, u32, u32), draft: &str) -> Vec<Diagnostic> {
        let mut b = Brief::default();
        b.meta.date = chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2);
        let s = b.new_section(Role::Custom, "正文", draft);
        b.sections.push(s);
        let env = Env { sources: vec![std::sync::Arc::new(src.clone())], ..Env::default() };
        check(&b, &env).into_iter().filter(|d| d.rule == "BD114" && d.severity != Severity::Info).collect()
    }

    fn warned(src: &str, draft: &str) -> usize {
        let s = source(src);
        let d = run(&s, (2023, 2, 1), draft);
        assert!(d.iter().all(|d| d.severity == Severity::Warning), "{d:?}");
        d.len()
    }

    #[test]
    fn a_later_total_over_years_smaller_than_the_earlier_total_to_date_is_a_warning() {
        assert_eq!(warned("全县易地搬迁安置点41个全部建成投用。", "五年来，全县建成易地搬迁安置点39个。"), 1);
        assert_eq!(warned("全县村级光伏电站20座全部建成并网。", "三年来，累计建成村级光伏电站18座。"), 1);
        assert_eq!(warned("全县已培训致富带头人920人。", "2016年以来，累计培训致富带头人850人。"), 1);
        let d =
            run(&source("全县易地搬迁安置点41个全部建成投用。"), (2023, 2, 1), "五年来，全县建成易地搬迁安置点39个。");
        let m = d[0].message(crate::lang::Lang::Zh);
        assert!(m.contains("41个") && m.contains("累计数"), "{m}");
    }

    #[test]
    fn an_equal_total_is_checked_and_look_alikes_are_left_alone() {
        // The same total: checked, no finding.
        assert_eq!(warned("全县易地搬迁安置点41个全部建成投用。", "五年来，全县建成易地搬迁安置点41个。"), 0);
        // More since: a later total that is larger.
        assert_eq!(warned("全县易地搬迁安置点41个全部建成投用。", "五年来，全县建成易地搬迁安置点45个。"), 0);
        // A level takes in what came before the later report's years.
        assert_eq!(warned("全县林果种植总面积发展到33万亩。", "五年来，全县种植林果9.7万亩。"), 0);
        // Works begun are no works done.
        assert_eq!(warned("启动了城区学校9所新扩建。", "五年来，新建城区学校3所。"), 0);
        // A narrower thing may be fewer.
        assert_eq!(warned("全县建成学校20所。", "五年来，全县新建农村寄宿制学校13所。"), 0);
        // A single year of the later report is no total over years.
        assert_eq!(warned("全县易地搬迁安置点41个全部建成投用。", "2022年，全县建成易地搬迁安置点39个。"), 0);
        // Each document's 近五年 is its own five years: no error between them.
        assert_eq!(warned("近五年，全县建成易地搬迁安置点41个。", "近五年，全县建成易地搬迁安置点45个。"), 0);
        // Two documents of one year: a figure with no time is not held this way.
        assert!(
            run(&source("全县易地搬迁安置点41个全部建成投用。"), (2022, 6, 1), "五年来，全县建成易地搬迁安置点39个。")
                .is_empty()
        );
    }
}
