//! Ratios stated by their name alone (存贷比), and rates of completion of a
//! plan (完成…任务的111.89%): the two figures each divides are found by the
//! words they are said with, not by 占 or 率.

use super::rate::pair_mate;
use super::*;
use crate::checks::lexicon::shares::{COMPLETION_WORDS, NAMED_RATIOS, PLAN_WORDS};

/// How many sentences before a named ratio its figures are looked for.
const SENTENCES_BACK: usize = 3;

/// A ratio said by its name from [`NAMED_RATIOS`], after the two figures it divides:
///
/// - 年末各项存款余额86.4亿元，各项贷款余额51.2亿元，存贷比为59.3%。
/// - 存款余额240亿元；贷款余额180亿元；存贷比75%。
/// - 全行存款余额12亿元，比年初增加1.5亿元，贷款余额9亿元，存贷比达到75%.
///
/// Each figure is the nearest before the ratio, in its sentence or the
/// [`SENTENCES_BACK`] before it in its paragraph with no 。 between, whose
/// clause names the word (贷款, 存款) and no word of change (比年初增加1.5亿元
/// is no balance); the two in one unit. Left alone: a ratio whose two figures
/// are not both said (存贷比提高到75%, a change; 贷款余额51.2亿元，存贷比59.3% with no
/// deposits).
pub(super) fn named_ratio(doc: &Doc, id: ClaimId) -> Option<Rate> {
    if !doc.is_share(id) || doc.figure(id).value_max.is_some() {
        return None;
    }
    let lead = doc.lead(id);
    if says_change(lead) || lead.contains("同比") || said_of_each(lead) {
        return None;
    }
    let (_, top, bottom) = NAMED_RATIOS.iter().find(|(name, _, _)| {
        lead.trim_end_matches(['为', '是', '达', '到', '约', '：', ':']).trim_end_matches("达到").ends_with(name)
    })?;
    let part = said_before(doc, id, top, bottom)?;
    let whole = said_before(doc, id, bottom, top)?;
    (part != whole && doc.unit(part) == doc.unit(whole)).then_some(Rate {
        rate: id,
        part,
        whole,
        whole_assumed: false,
        whole_named: None,
        alt_part: None,
        alt_pair: None,
    })
}

/// The nearest amount before `id` in its paragraph, past no 。 and at most
/// [`SENTENCES_BACK`] sentences back, whose clause names `word` and not `other`
/// and says no change.
fn said_before(doc: &Doc, id: ClaimId, word: &str, other: &str) -> Option<ClaimId> {
    let c = &doc.claims.all[id];
    let first = doc.claims.by_section[c.section].start;
    (first..id)
        .rev()
        .take_while(|x| {
            let o = &doc.claims.all[*x];
            o.paragraph == c.paragraph
                && c.sentence - o.sentence <= SENTENCES_BACK
                && !doc.between(*x, id).contains('。')
        })
        .find(|x| {
            let before = doc.clause_before(*x);
            // A figure right after × is the power of a number split by extraction (3.6×108).
            doc.is_amount(*x)
                && !before.ends_with('×')
                && doc.claims.all[*x].modality == doc.claims.all[id].modality
                && before.contains(word)
                && !before.contains(other)
                && !says_change(before)
        })
}

/// A rate of completion of a plan: 完成…任务的111.89% right after what was
/// done, the plan stated before in the paragraph:
///
/// - 全年计划改造农村公路320公里。…实际完成改造352公里，完成年度计划的110%。
/// - 计划搬迁1297户5600人。…已搬迁入住1300户5800人，完成下达任务的103.6%。
/// - 今年目标新增就业岗位2000个。截至年底新增2180个，完成目标任务的109%。
///
/// The part is the amount right before the rate in its sentence; the whole the
/// nearest planned amount (said with a word of [`PLAN_WORDS`]) of its
/// unit before it in the paragraph that is no part of a list (计划搬迁…7000人，
/// 其中建档立卡人口5572人: the 5572 is a part). Households and people
/// (1469户7832人 against 1297户7000人) give two readings; the rate holds if
/// either gives it. The plan is found by its word, so the finding is a warning
/// that says so. Left alone: a completion rate with no planned amount of the
/// part's unit before it (完成全年任务的98% after counts of another unit).
pub(super) fn completion(doc: &Doc, id: ClaimId, breakdowns: &[Breakdown]) -> Option<Rate> {
    if !doc.is_share(id) || doc.figure(id).value_max.is_some() {
        return None;
    }
    let clause = doc.clause_before(id);
    let at = COMPLETION_WORDS.iter().filter_map(|w| clause.rfind(w)).min()?;
    let rest = &clause[at..];
    if !PLAN_WORDS.iter().any(|w| rest.contains(w)) || clause.contains('占') || says_change(clause) {
        return None;
    }
    let c = &doc.claims.all[id];
    let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
    let k = sentence.iter().position(|x| *x == id)?;
    let part = sentence[..k].iter().rev().copied().find(|x| doc.is_amount(*x))?;
    // What was done is said with no word of a plan (a section titled 目标 makes its figures targets).
    if PLAN_WORDS.iter().any(|w| doc.clause_before(part).contains(w))
        || doc.claims.all[part].clause.end + 3 < c.clause.start
    {
        return None;
    }
    let parts: Vec<ClaimId> = breakdowns.iter().flat_map(|b| b.parts.iter().copied()).collect();
    let plan = |unit: &str, before: ClaimId| {
        let first = doc.claims.by_section[c.section].start;
        (first..before).rev().take_while(|x| doc.claims.all[*x].paragraph == c.paragraph).find(|x| {
            let o = &doc.claims.all[*x];
            o.time.agrees(&doc.claims.all[part].time)
                && doc.unit(*x) == unit
                && !parts.contains(x)
                && PLAN_WORDS.iter().any(|w| doc.clause_before(*x).contains(w))
        })
    };
    let whole = plan(doc.unit(part), part)?;
    // The same done and planned, counted in the other unit of a 户/人 pair.
    let alt_pair = ["户", "人"].iter().find(|u| **u != doc.unit(part)).and_then(|u| {
        let (p, w) = (pair_mate(doc, part, u), pair_mate(doc, whole, u));
        (p != part && w != whole).then_some((p, w))
    });
    Some(Rate {
        rate: id,
        part,
        whole,
        whole_assumed: true,
        whole_named: Some(PLAN_WORDS.iter().find(|w| rest.contains(*w)).copied().unwrap_or("任务").to_string()),
        alt_part: None,
        alt_pair,
    })
}
