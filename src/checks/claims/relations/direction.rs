//! The direction of a change between two values: 由A增加到B, 从A下降至B,
//! 由A减至B, 从A压减至B. A word of rise says B is above A; a word of fall
//! says B is below it. A slip in either value (103.75 written 13.75), a
//! unit slip (万亿 written 亿) or a word turned round (增长 written 下降)
//! breaks it, and the text itself proves it.
//!
//! Reads: a value opened by 由 or 从 (by the time words and 的 between:
//! 由2015年的2.6万亿元; or what it is stated per: 由每人每年240元), then at most fourteen characters holding one word of
//! direction and 到 or 至 (or a word that holds it: 增至, 降至, 减至), then the
//! second value, in the same unit family.
//!
//! - 全省生产总值从2015年的2.6万亿元增长到2020年的3.62万亿元: a rise; holds.
//! - 钢铁产能由2.39亿吨减至1.9亿多吨: a fall; holds.
//! - 审批时限从120个工作日压减至150个工作日: a fall said, a rise written: flagged.
//!
//! Left alone: 由A调整为B and 由A变为B say no direction; 从A到B with no
//! word of change; two values of other units (由3个增加到120人); and values
//! that agree within their rounding (由9.5万增加到9.5万余).

use super::*;
use crate::checks::lexicon::growth::PER_BASIS_WORDS;
use crate::checks::lexicon::relations::{FALL_WORDS, RISE_WORDS};

/// A change said to go one way between two values.
#[derive(Debug, Clone)]
pub struct Direction {
    pub from: ClaimId,
    pub to: ClaimId,
    /// The word of direction as written (增加, 下降).
    pub word: String,
    /// The word says a fall.
    pub down: bool,
}

/// Whether `text` (the start of a clause up to a value) opens the value with 由 or
/// 从: the word stands within the last few characters, with only a time and 的
/// between it and the value (由2015年的, 从“十二五”末的), and what the value is
/// stated per ([`PER_BASIS_WORDS`]: 由每人每年240元, 从人均9.6万元, 由户均3.2亩).
/// Left alone: a noun between them (由合作社带动300户), which makes the value
/// another thing's.
pub(super) fn opened_from(text: &str) -> bool {
    let Some(i) = text.rfind(['由', '从']) else { return false };
    let mut rest = &text[i + '由'.len_utf8()..];
    if let Some(w) = PER_BASIS_WORDS.iter().find(|w| rest.starts_with(*w)) {
        rest = &rest[w.len()..];
    }
    rest.chars().count() <= 12
        && rest.chars().all(|c| {
            c.is_ascii_digit() || "年月底末初的“”‘’十一二三四五六七八九上去本同期度季半前后".contains(c) || c == ' '
        })
}

/// The word of direction between two values, with whether it says a fall: the
/// text must hold one word of rise or fall and 到 or 至 after it (or a word that
/// holds one: 降至). Neither or both: no direction.
fn direction_between(between: &str) -> Option<(&'static str, bool)> {
    if between.chars().count() > 14 || between.contains(['，', '。', '；', '、', ',', ';']) {
        return None;
    }
    let rise = RISE_WORDS.iter().copied().find(|w| between.contains(w));
    let fall = FALL_WORDS.iter().copied().find(|w| between.contains(w));
    let (word, down) = match (rise, fall) {
        (Some(w), None) => (w, false),
        (None, Some(w)) => (w, true),
        _ => return None,
    };
    let after = &between[between.find(word)? + word.len()..];
    let to = word.ends_with(['至', '到']) || after.contains(['到', '至']);
    to.then_some((word, down))
}

/// Every 由A…到B of a sentence's claims (`ids`, in order) with a word of direction.
pub(super) fn directions(doc: &Doc, ids: &[ClaimId], out: &mut Vec<Direction>) {
    for w in ids.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !doc.is_amount(a) && !doc.is_share(a) {
            continue;
        }
        if family(doc.unit(a)) != family(doc.unit(b)) || doc.figure(a).kind != doc.figure(b).kind {
            continue;
        }
        if !opened_from(doc.clause_before(a)) {
            continue;
        }
        let Some((word, down)) = direction_between(doc.between(a, b)) else { continue };
        out.push(Direction { from: a, to: b, word: word.to_string(), down });
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::fired;

    #[test]
    fn a_rise_whose_second_value_is_lower_is_flagged() {
        assert_eq!(fired("全县粮食产量从2018年的12.6万吨增加到2022年的1.36万吨。", "BD107"), 1);
        assert_eq!(fired("合作社社员由860户发展壮大，由860户增长到680户。", "BD107"), 1);
        assert_eq!(fired("农村居民人均可支配收入由2016年的9820元提高到8960元。", "BD107"), 1);
        // The same values the right way round.
        assert_eq!(fired("全县粮食产量从2018年的12.6万吨增加到2022年的13.6万吨。", "BD107"), 0);
    }

    #[test]
    fn a_fall_whose_second_value_is_higher_is_flagged() {
        assert_eq!(fired("办理时限从15个工作日压减至25个工作日。", "BD107"), 1);
        assert_eq!(fired("贫困发生率由8.6%下降到11.2%。", "BD107"), 1);
        assert_eq!(fired("建档立卡贫困人口由3.2万人减至4.1万人。", "BD107"), 1);
        assert_eq!(fired("贫困发生率由8.6%下降到1.2%。", "BD107"), 0);
    }

    #[test]
    fn what_a_standard_is_stated_per_stands_between_from_and_its_value() {
        assert_eq!(fired("村医补助标准由每人每月800元提高到650元。", "BD107"), 1);
        assert_eq!(fired("困难群众取暖补贴从每户每年1200元增加到1020元。", "BD107"), 1);
        assert_eq!(fired("乡村教师生活补助由人均500元提高到450元。", "BD107"), 1);
        assert_eq!(fired("公益岗位工资从人均1500元降低到1800元。", "BD107"), 1);
        // The right way round; and a noun between 由 and the figure opens no change of it.
        assert_eq!(fired("村医补助标准由每人每月800元提高到950元。", "BD107"), 0);
        assert_eq!(fired("由合作社每年带动300户增加到带动260户务工。", "BD107"), 0);
    }

    #[test]
    fn no_direction_is_no_finding() {
        // 调整为 and 变为 say no direction; other units are other things.
        assert_eq!(fired("三次产业占比由12.5%调整为9.8%。", "BD107"), 0);
        assert_eq!(fired("从3个村到120人，帮扶不断扩大。", "BD107"), 0);
        // Values equal within their rounding.
        assert_eq!(fired("参保人数由9.5万人增加到9.5万余人。", "BD107"), 0);
    }
}
