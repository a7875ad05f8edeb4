//! Shares of one whole said without 占 in one sentence, or across the
//! sentences of a paragraph: shares sent each one way (80%销往国内，20%销往国外),
//! the steps of one amount (分3个阶段，分别按应奖励额的30%、30%和40%), and the
//! kinds a whole is said to be made of (由4种类型构成 … 占总面积70% …).

use super::*;
use crate::checks::lexicon::shares::{ALLOCATION_VERBS, KIND_WORDS, MADE_OF_WORDS, STEP_WORDS};

/// The most characters of a noun between a share's 的 and its verb (60%的产品供…).
const NOUN_CHARS: usize = 4;

/// The noun a share is of and that a verb of [`ALLOCATION_VERBS`] follows,
/// right after the figure: 80%销往… gives "", 60%的产品供… gives "产品".
fn allocated_noun<'a>(doc: &Doc<'a>, id: ClaimId) -> Option<&'a str> {
    let body = doc.body(id);
    let after = body.get(doc.figure(id).span.end..)?;
    let starts_verb = |s: &str| ALLOCATION_VERBS.iter().any(|v| s.starts_with(v));
    if starts_verb(after) {
        return Some("");
    }
    let rest = after.strip_prefix('的')?;
    rest.char_indices()
        .take(NOUN_CHARS + 1)
        .take_while(|(_, c)| crate::model::is_cjk(*c))
        .find(|(i, _)| *i > 0 && starts_verb(&rest[*i..]))
        .map(|(i, _)| &rest[..i])
}

/// Shares in one sentence that each send a part of one whole one way, said by
/// a verb of [`ALLOCATION_VERBS`] right after each (or after 的 and one noun,
/// the same for all):
///
/// - 合作社的蜂蜜70%销往省外，30%销往本地超市。
/// - 今年60%的帮扶资金用于产业项目，40%的帮扶资金用于基础设施。
/// - 新增电力45%供给园区企业，55%供给城乡居民。
///
/// What goes one way does not go another, so the shares cannot add up past
/// 100% (BD104). A list need not be complete: shares short of 100% are left
/// alone. Left alone too: shares said of people who may do two things
/// (60%的农户种植玉米，50%的农户养殖肉牛: 种植 sends nothing), and a share after
/// 其中 (a part of a part).
pub(super) fn allocations(doc: &Doc, ids: &[ClaimId], out: &mut Vec<ShareList>) {
    let mut list: Vec<ClaimId> = Vec::new();
    let mut noun = None;
    for &id in ids {
        if !doc.is_share(id) || doc.figure(id).value_max.is_some() {
            continue;
        }
        let lead = doc.lead(id);
        if lead.contains("其中") || lead.contains('占') || lead.contains('率') || says_change(lead) {
            continue;
        }
        let Some(n) = allocated_noun(doc, id) else { continue };
        if noun.is_some_and(|m| m != n) {
            return;
        }
        noun = Some(n);
        list.push(id);
    }
    if list.len() >= 2 {
        out.push(ShareList { shares: list, stated: None, complete: false });
    }
}

/// The shares of the steps one amount is paid or done in: a count of steps
/// (a word of [`STEP_WORDS`] right after it), then 分别 and as many shares of
/// one whole (按…的) in the clause after it:
///
/// - 补贴分2期拨付，分别按补贴总额的60%和40%拨付到户。
/// - 工程款按开工、主体完工和竣工验收3个阶段，分别按合同价的30%、40%和30%支付。
/// - 奖补资金分三批下达，分别按年度资金的50%、30%和20%下达。
///
/// The steps make up the amount, so the shares make 100% (BD104 either way).
/// Left alone: rates said 分别 of things that are not steps (对一、二、三类企业分别按
/// 销售额的3%、5%和8%奖励), and a count of steps unlike the shares' number.
pub(super) fn steps(doc: &Doc, ids: &[ClaimId], out: &mut Vec<ShareList>) {
    let Some(&first) = ids.iter().find(|x| doc.is_share(**x) && doc.clause_before(**x).contains("分别")) else {
        return;
    };
    let clause = doc.clause_before(first);
    let Some(fenbie) = clause.find("分别") else { return };
    if !clause[fenbie..].contains('的') {
        return;
    }
    let count = ids.iter().copied().take_while(|x| *x < first).find(|x| {
        let f = doc.figure(*x);
        let after = format!("{}{}", f.unit, doc.body(*x).get(f.span.end..).unwrap_or(""));
        f.value.fract() == 0.0 && f.value >= 2.0 && STEP_WORDS.iter().any(|w| after.starts_with(w))
    });
    let Some(count) = count else { return };
    // 30%、30%和40%: the shares right after one another, only 、 or 和 between.
    let mut shares = vec![first];
    for &x in ids.iter().filter(|x| **x > first) {
        let between = doc.between(*shares.last().unwrap_or(&first), x);
        if !doc.is_share(x) || between.chars().count() > 2 || !between.chars().all(|c| "、和及与".contains(c)) {
            break;
        }
        shares.push(x);
    }
    if shares.len() as f64 == doc.figure(count).value {
        out.push(ShareList { shares, stated: None, complete: true });
    }
}

/// The shares of the kinds a whole is said to be made of: a count of kinds (a
/// word of [`KIND_WORDS`] then [`MADE_OF_WORDS`] right after it), then as many
/// shares of one named whole (占总面积) in the sentences after it in the paragraph:
///
/// - 全县耕地由水田、旱地和水浇地3类构成。水田占耕地总面积42%。旱地占耕地总面积51%。水浇地占耕地总面积7%。
/// - 辖区企业由国有、集体、民营和外资4种类型组成，国有企业占企业总数的5%，…
///
/// The kinds make up the whole, so the shares make 100% (BD104 either way).
/// Left alone: a count of kinds unlike the number of shares, and shares of
/// different wholes.
pub(super) fn kinds(doc: &Doc, section: usize, out: &mut Vec<ShareList>) {
    let ids: Vec<ClaimId> = doc.claims.by_section[section].clone().collect();
    for (k, &n) in ids.iter().enumerate() {
        let f = doc.figure(n);
        // The kind word may begin with the figure's unit (4种类型: the unit 种):
        // matched against the unit and the text after it, without copying the text.
        let after = doc.body(n).get(f.span.end..).unwrap_or("");
        let Some(rest) = KIND_WORDS.iter().find_map(|w| w.strip_prefix(f.unit).and_then(|t| after.strip_prefix(t)))
        else {
            continue;
        };
        if !MADE_OF_WORDS.iter().any(|w| rest.starts_with(w)) || f.value.fract() != 0.0 || f.value < 2.0 {
            continue;
        }
        let para = doc.claims.all[n].paragraph;
        let mut name = None;
        let mut shares = Vec::new();
        for &x in ids[k + 1..].iter().take_while(|x| doc.claims.all[**x].paragraph == para) {
            if !doc.is_share(x) {
                continue;
            }
            let clause = doc.clause_before(x);
            let Some(i) = clause.rfind('占') else { break };
            let whole = clause[i..].trim_end_matches('的');
            if name.is_some_and(|m| m != whole) {
                break;
            }
            name = Some(whole);
            shares.push(x);
        }
        if shares.len() >= 2 && shares.len() as f64 == f.value {
            out.push(ShareList { shares, stated: None, complete: true });
        }
    }
}
