//! The whole of a share stated before the share's sentence: by the name the
//! share gives it (占总人口的), or as the total of the list the share's part
//! goes on (其中：女性2923人，占总数的59.4%；党员1794人，占总数的36.5%).

use super::*;
use crate::checks::lexicon::shares::{GENERIC_WHOLES, POPULATION_WHOLES, STOCK_WORDS};

/// How many sections before the share's own a whole named by its word is looked for.
const SECTIONS_BACK: usize = 4;
/// How many claims back the whole is looked for at most: the nearest earlier
/// figure is near, and the bound keeps a long section linear.
const CLAIMS_BACK: usize = 400;

/// Whether a share names its whole only as "the total" (占总数的, 占总量的36.5%).
pub(super) fn names_generic_whole(clause: &str) -> bool {
    clause.rfind('占').is_some_and(|i| {
        let rest = clause[i + '占'.len_utf8()..].trim_end_matches(['的', '约', '达', '为', '了']);
        GENERIC_WHOLES.contains(&rest)
    })
}

/// The whole of a share that names it only as the total (占总数的), in a list
/// that goes on past ；:
///
/// - 全县有乡村医生860人，其中：女性301人，占总数的35%；大专以上学历215人，占总数的25%。
/// - 全市新建农家书屋420个，其中：村级352个，占总数的83.8%；社区级68个，占总数的16.2%。
/// - 全区认定家庭农场1500家，其中种植类900家，占总量的60%。
///
/// The whole is the total of the nearest list (其中, 分别为) before the part in
/// its paragraph, with no 。 between, of the part's unit and larger than it.
/// Left alone: 占总数的 with no list before it in the sentence (全年接待游客
/// 12万人次。其中外地游客占总数的六成 has no count of its part).
pub(super) fn list_total(doc: &Doc, part: ClaimId, breakdowns: &[Breakdown]) -> Option<ClaimId> {
    let p = &doc.claims.all[part];
    let pf = doc.figure(part);
    breakdowns
        .iter()
        .filter(|b| {
            let t = &doc.claims.all[b.total];
            let tf = doc.figure(b.total);
            t.section == p.section
                && t.paragraph == p.paragraph
                && tf.span.end <= pf.span.start
                && !doc.between(b.total, part).contains('。')
                && family(doc.unit(b.total)) == family(doc.unit(part))
                && tf.value > pf.value
        })
        .map(|b| b.total)
        .max_by_key(|t| doc.figure(*t).span.start)
}

/// The whole a share names (占总人口的16%), stated before the share's
/// sentence: the nearest earlier figure of the part's unit, of its time and
/// larger than it, that is
///
/// - said with the name itself: 现辖4个村，总人口5200户16800人。…(two sections on)
///   务工人员4600人，占总人口的27%;
/// - or, for a name of everyone of a place (总人口, 总户数: [`POPULATION_WHOLES`]),
///   the place's stock in the same paragraph, said with a word of
///   [`STOCK_WORDS`] and naming nothing else: 全乡共有3100户、9800人。其中回族
///   2900人，占总人口的29.6%.
///
/// A name of three characters or more is looked for as written (搬迁 alone
/// would be said of many figures). Looked for over the share's section and the [`SECTIONS_BACK`] before it,
/// at most [`CLAIMS_BACK`] claims back.
/// This is a reading, so the finding warns and says which figure it took.
/// Left alone: a stock that names a group (全村共有党员45人) for 总人口, and a
/// name that no earlier figure is said with.
///
/// A part that closes a list (劳动力4600人，其中外出务工3100人、在家1500人，占总人口的
/// 27%) may be the list's or its last part's share: the list's total is read
/// first and the last part as another reading (returned second).
pub(super) fn earlier_whole(
    doc: &Doc,
    part: ClaimId,
    name: &str,
    breakdowns: &[Breakdown],
) -> Option<(ClaimId, ClaimId, Option<ClaimId>)> {
    let p = &doc.claims.all[part];
    let fam = family(doc.unit(part));
    let population = POPULATION_WHOLES.iter().find(|(w, _)| *w == name).map(|(_, u)| *u);
    let first_section = p.section.saturating_sub(SECTIONS_BACK);
    let start = doc.claims.by_section[first_section].start;
    let (part, alt) = match breakdowns.iter().find(|b| b.parts.last() == Some(&part) && !b.overlapping) {
        Some(b) if doc.claims.all[b.total].sentence == p.sentence && doc.claims.all[b.total].section == p.section => {
            (b.total, Some(part))
        }
        _ => (part, None),
    };
    let smallest = doc.figure(part).value.min(alt.map_or(f64::INFINITY, |a| doc.figure(a).value));
    let whole = (start..part).rev().take(CLAIMS_BACK).find(|x| {
        let o = &doc.claims.all[*x];
        if (o.section, o.sentence) == (p.section, p.sentence)
            || !doc.is_amount(*x)
            || family(doc.unit(*x)) != fam
            || o.modality != Modality::Actual
            || !o.time.agrees(&p.time)
            || doc.figure(*x).value <= doc.figure(part).value.max(smallest)
            || doc.figure(*x).value_max.is_some()
        {
            return false;
        }
        let before = doc.clause_before(*x);
        name.chars().count() >= 3 && before.contains(name)
            || population == Some(fam)
                && o.section == p.section
                && o.paragraph == p.paragraph
                && o.metric.grams().is_empty()
                && STOCK_WORDS.iter().any(|w| doc.sentence_before(*x).contains(w))
    })?;
    Some((whole, part, alt))
}
