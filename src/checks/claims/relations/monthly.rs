//! A yearly figure said again by the month (年平均工资26000元，月平均2160元): the
//! month's is the year's ÷ 12.

use super::*;
use crate::checks::lexicon::shares::{MONTHLY_AVERAGE_WORDS, YEARLY_WORDS};

/// A figure for a year and the same said per month.
#[derive(Debug, Clone)]
pub struct Monthly {
    pub year: ClaimId,
    pub month: ClaimId,
}

/// A monthly average in a clause of its own (nothing before the figure but a
/// word of [`MONTHLY_AVERAGE_WORDS`]), right after a figure of the same unit
/// whose clause says it is for a year ([`YEARLY_WORDS`]):
///
/// - 护林员年均劳务收入9600元，月均800元。
/// - 合作社社员全年人均分红3000元，月平均250元。
/// - 保洁员年工资18000元，平均每月1500元。
///
/// Left alone: a monthly figure after one that is no year's (年末存款余额…，月均…
/// has no word of a year's amount), and one with words of its own before it
/// (月平均接待游客…: another metric).
pub(super) fn monthly(doc: &Doc, ids: &[ClaimId], out: &mut Vec<Monthly>) {
    for w in ids.windows(2) {
        let (year, month) = (w[0], w[1]);
        let lead = doc.clause_before(month).trim_matches(|c: char| !crate::model::is_cjk(c));
        let lead = lead.trim_end_matches(['为', '约', '达']);
        if !MONTHLY_AVERAGE_WORDS.contains(&lead)
            || doc.unit(year) != doc.unit(month)
            || !doc.is_amount(year)
            || doc.figure(year).value_max.is_some()
            || doc.figure(month).value_max.is_some()
        {
            continue;
        }
        let between = doc.between(year, month);
        if between.matches(['，', ',']).count() != 1 || between.contains(['。', '；', ';']) {
            continue;
        }
        if YEARLY_WORDS.iter().any(|w| doc.clause_before(year).contains(w)) {
            out.push(Monthly { year, month });
        }
    }
}
