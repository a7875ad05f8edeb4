//! A later step of the same things counted after an earlier one: of the
//! projects signed, some have started; of those built, some produce. The
//! later count cannot be larger.

use super::*;
use crate::checks::lexicon::claims::LEVEL_WORDS;
use crate::checks::lexicon::relations::{ADDED_WORDS, FIRST_BATCH, PERIOD_FLOW_MARKS, STEP_ADVERBS, STEPS};

/// A count of things at a later step (or a first batch) and the count of the
/// same things at an earlier one.
#[derive(Debug, Clone)]
pub struct Succession {
    pub earlier: ClaimId,
    pub later: ClaimId,
    /// The step words as written (建成, 投产; 首批 for a first batch).
    pub words: (String, String),
    /// The later count names the earlier one's things itself (76个项目开工65个,
    /// 35件实事已完成31件): no reading is assumed. Otherwise the two are taken
    /// as the same things by their unit and their order, and a finding warns.
    pub stated: bool,
}

/// The step a stretch of text names: its index in [`STEPS`] and the word.
/// `latest`: the latest step named (签约入驻 is at 入驻), else the earliest.
fn step_of(text: &str, latest: bool) -> Option<(usize, &'static str)> {
    let found = STEPS.iter().enumerate().flat_map(|(i, words)| words.iter().map(move |w| (i, *w)));
    let hits = found.filter(|(_, w)| text.contains(w));
    if latest { hits.max_by_key(|(i, _)| *i) } else { hits.min_by_key(|(i, _)| *i) }
}

/// Whether the figure's unit ends its clause: nothing is named after it (投产59个，).
fn unit_ends_clause(doc: &Doc, id: ClaimId) -> bool {
    let end = doc.figure(id).span.end;
    doc.body(id)[end..].chars().next().is_none_or(|c| !crate::model::is_cjk(c))
}

/// The words of a level a count comes to, where they are all its lead says
/// (达到79.1万家, 总数达到116家, 累计达到): the level word as written.
fn reached(lead: &str) -> Option<&str> {
    let lead = lead.trim_matches(|c: char| !crate::model::is_cjk(c));
    let word = LEVEL_WORDS.iter().filter(|w| w.chars().count() > 1).find(|w| lead.ends_with(*w))?;
    let rest = lead[..lead.len() - word.len()].trim_end_matches('已');
    ["", "总数", "总量", "累计", "总计", "共"].contains(&rest).then_some(&lead[rest.len()..])
}

/// Counts of the same things at two steps, in one sentence (`ids`):
///
/// - One clause, the later count naming the earlier's things: 76个冬奥项目开工65个,
///   35件惠民实事已完成31件 (N个X + a step + M个: M of the N).
/// - Two clauses, the later one's count bare or a first batch: 20家企业签约、15家入驻;
///   分散养殖场已建成86个，投产59个; 115家企业签约入驻，32家建成投产;
///   推进46个村改造，首批17个村完成征迁.
///
/// - What was added, then the level it came to: 科技企业新增29家，总数达到116家
///   (the added at most the level; a warning, since some may have closed).
///
/// Left alone: counts of a period's flow (全年新开工120个，竣工150个: what is
/// finished may have begun the year before); a later clause that names things
/// of its own (已建成服务站86个，投产光伏电站59个); two units (签约20家，投产5个项目).
pub(super) fn successions(doc: &Doc, ids: &[ClaimId], out: &mut Vec<Succession>) {
    // Where the sentence first says a period's flow: found once per sentence.
    let Some(&last) = ids.last() else { return };
    let sentence = doc.sentence_before(last);
    let start = doc.figure(last).span.start - sentence.len();
    let flow = PERIOD_FLOW_MARKS.iter().filter_map(|w| sentence.find(w)).min().map(|i| start + i);
    for (k, &a) in ids.iter().enumerate() {
        if !is_count(doc.unit(a)) || !super::forms::plain(doc, a) {
            continue;
        }
        // The next count of the same unit in the sentence.
        let Some(&b) = ids[k + 1..].iter().find(|&&b| doc.unit(b) == doc.unit(a)) else { continue };
        if !super::forms::plain(doc, b) {
            continue;
        }
        let (ca, cb) = (&doc.claims.all[a], &doc.claims.all[b]);
        let body = doc.body(a);
        if ca.clause == cb.clause {
            // N个X + a step + M个: the words between are the things, then the step.
            let between = doc.between(a, b);
            let Some((_, word)) = step_of(between, false) else { continue };
            let Some(at) = between.find(word) else { continue };
            let things = &between[..at];
            let rest = STEP_ADVERBS.iter().fold(between[at + word.len()..].to_string(), |t, w| t.replace(w, ""));
            let named = things.chars().count() >= 1 && things.chars().all(crate::model::is_cjk);
            if named && rest.is_empty() && unit_ends_clause(doc, b) && !things.contains(['比', '较']) {
                out.push(Succession {
                    earlier: a,
                    later: b,
                    words: (things.to_string(), word.to_string()),
                    stated: true,
                });
            }
            continue;
        }
        // 新增29家，总数达到116家: what was added, and the level it came to.
        if let Some(added) = ADDED_WORDS.iter().find(|w| doc.clause_before(a).contains(*w))
            && let Some(level) = reached(doc.lead(b))
        {
            let words = (level.to_string(), added.to_string());
            out.push(Succession { earlier: b, later: a, words, stated: false });
            continue;
        }
        let (ta, tb) = (&body[ca.clause.clone()], &body[cb.clause.clone()]);
        if flow.is_some_and(|at| at < doc.figure(b).span.start) {
            continue;
        }
        let batch = FIRST_BATCH.iter().find(|w| tb.contains(*w));
        let (earlier, later) = match (step_of(ta, true), step_of(tb, false), batch) {
            // A first batch of a set named without a step: the set is the whole (总数).
            (_, _, Some(w)) => (step_of(ta, true).map_or("总数", |s| s.1), *w),
            (Some((i, x)), Some((j, y)), None) if j > i => (x, y),
            _ => continue,
        };
        // The later clause names nothing of its own: its figure, its step and adverbs only.
        let own = [later]
            .iter()
            .chain(STEPS.iter().flat_map(|s| s.iter()))
            .chain(STEP_ADVERBS)
            .fold(tb.replace(&body[doc.figure(b).span.clone()], ""), |t, w| t.replace(w, ""));
        let own: String = own.chars().filter(|c| crate::model::is_cjk(*c)).collect();
        if !own.is_empty() && batch.is_none() {
            continue;
        }
        out.push(Succession { earlier: a, later: b, words: (earlier.to_string(), later.to_string()), stated: false });
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn a_later_step_named_in_one_clause() {
        assert_eq!(fired("全县42个产业项目开工45个。", "BD103"), 1);
        assert_eq!(fired("今年确定的28件民生实事已完成30件。", "BD103"), 1);
        assert_eq!(fired("园区引进的16家企业投产18家。", "BD103"), 1);
        // Look-alike: the later count within the earlier.
        assert_eq!(fired("全县42个产业项目开工38个。", "BD103"), 0);
    }

    #[test]
    fn a_later_step_in_the_next_clause_warns() {
        let warns = |t: &str| run_text(t).iter().filter(|d| d.rule == "BD103").map(|d| d.severity).collect::<Vec<_>>();
        assert_eq!(warns("冷链仓储点已建成24个，投入使用31个。"), vec![crate::model::Severity::Warning]);
        assert_eq!(fired("18家食品企业签约、22家入驻。", "BD103"), 1);
        assert_eq!(fired("推动35个老旧小区改造，首批40个小区完成验收。", "BD103"), 1);
        // Look-alikes: within; a period's flows; a clause with things of its own; two units.
        assert_eq!(fired("冷链仓储点已建成24个，投入使用19个。", "BD103"), 0);
        assert_eq!(fired("全年新开工项目30个，竣工项目36个。", "BD103"), 0);
        assert_eq!(fired("已建成村级服务站24个，投产光伏电站31个。", "BD103"), 0);
        assert_eq!(fired("18家企业签约，投产项目22个。", "BD103"), 0);
    }

    #[test]
    fn what_was_added_within_the_level_it_came_to() {
        assert_eq!(fired("全县家庭农场新增46家，总数达到38家。", "BD103"), 1);
        assert_eq!(fired("五年来规上工业企业新培育27家、达到19家。", "BD103"), 1);
        assert_eq!(fired("专业合作社新注册120个，累计达到96个。", "BD103"), 1);
        // Look-alikes: the level above what was added; a level of another thing.
        assert_eq!(fired("全县家庭农场新增46家，总数达到138家。", "BD103"), 0);
        assert_eq!(fired("家庭农场新增46家，带动农户达到38家。", "BD103"), 0);
    }
}
