//! Growth between two values (比上年, 由A增至B, 是…的N倍, 翻一番, 年均).

use super::*;
use crate::checks::lexicon::relations::{LAST_YEAR_WORDS, LESS_WORDS, MORE_WORDS};

/// The way a difference after a comparison goes: `Some(true)` for less
/// (比上年的760户少80户), `Some(false)` for more (比上年的1.12亿元多出2400万元).
///
/// A comparison 比/较 + base + 多/少 + figure states the figure as the gap
/// between the value before the comparison and its base: the words of more
/// and less ([`MORE_WORDS`], [`LESS_WORDS`]) must be all that stands between
/// the base and the figure, and the clause must hold 比 or 较.
///
/// - 今年培训学员1260人，比上年的1100人多160人: 1260 − 1100 = 160.
/// - 村集体收入38万元，较去年的45万元少了7万元: 45 − 38 = 7.
/// - 就业率为91.5%，比上年的88%高出3.5个百分点.
///
/// Left alone: 多 and 少 anywhere else (1000多人, 多个村, 少数民族), and a
/// gap with no base figure (比全省平均水平高出2个百分点).
pub(super) fn difference_word(doc: &Doc, change: ClaimId) -> Option<bool> {
    let lead = doc.lead(change).trim();
    let clause = doc.clause_before(change);
    if !clause.contains(['比', '较']) {
        return None;
    }
    if MORE_WORDS.contains(&lead) {
        Some(false)
    } else if LESS_WORDS.contains(&lead) {
        Some(true)
    } else {
        None
    }
}

/// A change said by how much from a value opened by 由 or 从, and its
/// percentage: 由46个增长了12个，增幅为26.1% (12 ÷ 46). A word of change
/// with no 到 or 至 after it (增长了, 增加, 减少了) makes the figure after it
/// the amount of the change, not the new value; the percentage that follows
/// (at once, or after the new value: 由480户增长了80户，达到560户，增幅16.7%)
/// is that amount over the first value.
///
/// - 合作社由30家增加了9家，增长30%: 9 ÷ 30.
/// - 参保人数从2400人减少了360人，降幅为15%: 360 ÷ 2400.
/// - 电商网点由25个增加了10个，达到35个，增长40%: 10 ÷ 25.
///
/// Left alone: 由46个增长到58个 (到 makes 58 the new value: the growth pattern
/// reads it), a change in points of a rate (由60%提高了12个百分点, other units),
/// and a percentage of something the clause names anew.
///
/// Returns the first value, the change and whether it is a fall.
pub(super) fn by_change(doc: &Doc, prior: &[ClaimId], change: ClaimId) -> Option<(ClaimId, ClaimId, bool)> {
    if doc.unit(change) != "%" || doc.clause_before(change).contains("年均") {
        return None;
    }
    // The amount is the last figure, or the one before a new value (达到560户).
    let amount_at = match prior {
        [.., d, v] if is_change(doc, *d) => {
            let to_new = ["达到", "到", "至", "为"].iter().any(|w| doc.lead(*v).trim_end().ends_with(w));
            (to_new && doc.unit(*v) == doc.unit(*d)).then_some(prior.len() - 2)?
        }
        [.., _] => prior.len() - 1,
        [] => return None,
    };
    let (d, a) = (prior[amount_at], *prior.get(amount_at.checked_sub(1)?)?);
    if !is_change(doc, d) {
        return None;
    }
    let word = doc.between(a, d).trim_end_matches('了');
    let rise = RISE_WORDS.contains(&word);
    let fall = FALL_WORDS.contains(&word);
    let units = doc.unit(a) == doc.unit(d) && !doc.unit(a).is_empty() && doc.unit(a) != "%";
    let after = doc.between(prior[prior.len() - 1], change).chars().count() <= 8;
    (units && (rise || fall) && after && direction::opened_from(doc.clause_before(a))).then_some((a, d, fall))
}

pub(super) fn growth(doc: &Doc, ids: &[ClaimId], out: &mut Vec<Growth>) {
    for (k, &change) in ids.iter().enumerate() {
        let lead = doc.lead(change);
        let f = doc.figure(change);
        let times_of = doc.clause_before(change).contains('是') && f.unit == "倍";
        let doubling = f.unit == "番";
        let difference = difference_word(doc, change);
        if !(says_change(lead) || times_of || doubling || difference.is_some()) {
            continue;
        }
        // 提高到1060元 is a new value, not a change.
        if f.unit != "倍" && TO_WORDS.iter().filter(|t| t.chars().count() > 1).any(|t| lead.ends_with(t)) {
            continue;
        }
        // The change is said of the value before it (增长37.9%, 比上年增加200户), not of
        // something the clause names anew (中央财政为此将增加支出42亿元).
        if !times_of && !doubling && names_another(lead) {
            continue;
        }
        let down = DOWN_WORDS.iter().any(|w| lead.contains(w)) || difference == Some(true);
        let prior = &ids[..k];
        // 由46个增长了12个，增幅为26.1%: the percentage of the change said by how much.
        if let Some((from, amount, fall)) = by_change(doc, prior, change) {
            out.push(Growth {
                from,
                to: amount,
                change,
                kind: GrowthKind::RelativeOfChange,
                down: fall,
                assumed: Assumed::Nothing,
            });
            continue;
        }
        // 由A增至B，增长C / 从A提高到B，提高C个百分点.
        let pair = prior.windows(2).rev().find(|w| {
            let (a, b) = (w[0], w[1]);
            let between = doc.between(a, b);
            let from_word = doc.sentence_before(a).rfind(['由', '从']).is_some_and(|i| {
                let s = doc.sentence_before(a);
                s[i..].chars().count() <= 14
            });
            // 2019年为9000万元，2020年增长到1.4亿元: two years named instead of 由…到.
            let (ta, tb) = (doc.claims.all[a].time.year, doc.claims.all[b].time.year);
            let years = matches!((ta, tb), (Some(x), Some(y)) if x < y);
            // 由46个增长了12个，达到58个: 增长了12个 is the change, not the value it starts from.
            (from_word || years)
                && !is_change(doc, a)
                && TO_WORDS.iter().any(|t| between.contains(t))
                && between.chars().count() <= 14
                && doc.unit(a) == doc.unit(b)
        });
        let (from, to) = if let Some(w) = pair {
            (w[0], w[1])
        } else if difference.is_some() {
            // 多 and 少 state a gap to a base figure, and to nothing else.
            match compared_pair(doc, prior, change) {
                Some((from, to)) if !is_change(doc, from) => (from, to),
                _ => continue,
            }
        } else if let Some((from, to)) = compared_pair(doc, prior, change) {
            // 5955亿元，比上年增加1637亿元，增长37.9%: the base is the value less the change.
            if is_change(doc, from) {
                if f.unit == "%" && doc.unit(from) == doc.unit(to) && !doc.unit(to).is_empty() {
                    // 30788元，比2010年增加13480元，年均递增12.2%: compounded from the year
                    // the comparison names to the value's.
                    let kind = if doc.clause_before(change).contains("年均") {
                        let base_year = match target::named_years(doc.between(to, from)).as_slice() {
                            [y] => Some(*y),
                            _ => None,
                        };
                        let years = base_year
                            .zip(doc.claims.all[to].time.year)
                            .and_then(|(a, b)| u8::try_from(b - a).ok())
                            .filter(|n| (2..=50).contains(n));
                        match years {
                            Some(n) => GrowthKind::AnnualToChange(n),
                            None => continue,
                        }
                    } else {
                        GrowthKind::RelativeToChange
                    };
                    out.push(Growth { from, to, change, kind, down, assumed: Assumed::Nothing });
                }
                continue;
            }
            (from, to)
        } else if let Some((from, to)) = base_after(doc, ids, k) {
            (from, to)
        } else {
            continue;
        };
        // Nothing but other changes between the two values and this change.
        let last_value = ids.iter().position(|x| *x == to.max(from)).unwrap_or(k);
        let tail = ids.get(last_value + 1..k).unwrap_or(&[]);
        if tail.iter().any(|x| !CHANGE_WORDS.iter().any(|w| doc.lead(*x).contains(w))) {
            continue;
        }
        let mut assumed = Assumed::Nothing;
        let kind = match f.unit {
            "%" if doc.unit(from) == "%" && lead.contains('率') => GrowthKind::Relative,
            "%" => {
                if doc.clause_before(change).contains("年均") {
                    match years_between(doc, from, to) {
                        Some(n) => GrowthKind::AnnualAverage(n),
                        None => match stretch_around(doc, change) {
                            Some(n) => {
                                assumed = Assumed::Span;
                                GrowthKind::AnnualAverage(n)
                            }
                            None => continue,
                        },
                    }
                } else {
                    GrowthKind::Relative
                }
            }
            "百分点" => GrowthKind::Points,
            "倍" if times_of || ["增至", "增加到", "增长到", "提高到"].iter().any(|w| lead.contains(w)) => {
                GrowthKind::ToTimes
            }
            "倍" => GrowthKind::Times,
            "番" => GrowthKind::Doublings,
            // 年均增长13.14亿元: an amount a year, over the years between the two values.
            u if u == doc.unit(from) && !u.is_empty() && doc.clause_before(change).contains("年均") => {
                match years_between(doc, from, to) {
                    Some(n) => GrowthKind::AnnualAmount(n),
                    None => match stretch_around(doc, change) {
                        Some(n) => {
                            assumed = Assumed::Span;
                            GrowthKind::AnnualAmount(n)
                        }
                        None => continue,
                    },
                }
            }
            u if u == doc.unit(from) && !u.is_empty() => GrowthKind::Absolute,
            _ => continue,
        };
        out.push(Growth { from, to, change, kind, down, assumed });
    }
}

/// Whether the words before a change name a new subject or object, so that the
/// change is not of the value before it: more than four characters once the
/// change word, the base (比上年, 同比) and particles are set aside.
pub(super) fn names_another(lead: &str) -> bool {
    let mut rest = lead.to_string();
    for w in CHANGE_WORDS.iter().chain(&[
        "比上年",
        "较上年",
        "比去年",
        "较去年",
        "同比",
        "实际",
        "相对",
        "分别",
        "累计",
        "年均",
        "预计数",
    ]) {
        rest = rest.replace(w, "");
    }
    rest.chars().filter(|c| crate::model::is_cjk(*c) && !"了为达约共比较和幅速均以上下左右".contains(*c)).count() > 4
}

/// A value and its base: 1430万元，比上年的1100万元增长30%; 1560万元，是上年520万元的3倍;
/// or the base in a clause of its own that names last year ([`LAST_YEAR_WORDS`]
/// and only 为, 是 or 达 after them): 就业率为93.6%，上年为89.8%，同比提高3.8个百分点;
/// 村集体收入52万元，去年同期为40万元，增长30%. Left alone: 上年为 before a figure
/// that follows another noun (上年为全县提供岗位300个).
pub(super) fn compared_pair(doc: &Doc, prior: &[ClaimId], change: ClaimId) -> Option<(ClaimId, ClaimId)> {
    let [.., to, base] = prior else { return None };
    let between = doc.between(*to, *base);
    let last_year = {
        let t = between.trim_start_matches(['，', ',', '；', ';', ' ']);
        LAST_YEAR_WORDS.iter().any(|w| t.strip_prefix(w).is_some_and(|r| ["为", "是", "达", "达到"].contains(&r)))
    };
    let word = ["比", "较", "是"].iter().any(|w| between.contains(w)) || last_year;
    let units = doc.unit(*to) == doc.unit(*base) && !doc.unit(*to).is_empty();
    (word && units && between.chars().count() <= 10 && doc.between(*base, change).chars().count() <= 8)
        .then_some((*base, *to))
}

/// 8600元，比上年增长一倍，上年为5000元: the base stated right after the
/// change, as last year's value of the amount right before it.
pub(super) fn base_after(doc: &Doc, ids: &[ClaimId], k: usize) -> Option<(ClaimId, ClaimId)> {
    let (change, to, base) = (ids[k], *ids.get(k.checked_sub(1)?)?, *ids.get(k + 1)?);
    let lead = doc.lead(base);
    let last_year = ["上年", "去年", "上一年"].iter().any(|w| lead.contains(w));
    let units = doc.unit(to) == doc.unit(base) && !doc.unit(to).is_empty();
    let same_claim = doc.claims.all[to].section == doc.claims.all[base].section
        && doc.claims.all[to].sentence == doc.claims.all[base].sentence;
    (last_year
        && units
        && same_claim
        && doc.between(to, change).chars().count() <= 10
        && doc.between(change, base).chars().count() <= 8)
        .then_some((base, to))
}

/// The years between the two values of a growth, from the years named before each.
pub(super) fn years_between(doc: &Doc, from: ClaimId, to: ClaimId) -> Option<u8> {
    let (a, b) = (doc.claims.all[from].time.year?, doc.claims.all[to].time.year?);
    (b > a && b - a <= 50).then(|| (b - a) as u8)
}

/// 同比增长20% with no base in its sentence: the same metric a year earlier,
/// wherever the brief states it (培训农民工4.2万人次，同比增长20% / 2019年培训农民工3.8万人次).
pub(super) fn year_on_year(doc: &Doc, found: &[Growth]) -> Vec<Growth> {
    let mut out = Vec::new();
    for (change, c) in doc.claims.all.iter().enumerate() {
        let f = doc.figure(change);
        let lead = doc.lead(change);
        if f.unit != "%" || !(lead.contains("同比") || lead.contains("比上年") || lead.contains("较上年")) {
            continue;
        }
        if !says_change(lead) || found.iter().any(|g| g.change == change) {
            continue;
        }
        // The value: the amount right before, in the same sentence.
        let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
        let Some(&to) = sentence.iter().rev().find(|x| **x < change && doc.is_amount(**x)) else { continue };
        let tc = &doc.claims.all[to];
        let Some(year) = tc.time.year else { continue };
        let bases: Vec<ClaimId> = doc
            .by_year()
            .get(&(year - 1))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|x| {
                let b = &doc.claims.all[*x];
                *x != to
                    && b.scope == tc.scope
                    && b.place.agrees(&tc.place)
                    && doc.unit(*x) == doc.unit(to)
                    && b.metric.same_as(&tc.metric)
            })
            .collect();
        if let [from] = bases.as_slice() {
            let down = DOWN_WORDS.iter().any(|w| lead.contains(w));
            out.push(Growth { from: *from, to, change, kind: GrowthKind::Relative, down, assumed: Assumed::Nothing });
        }
    }
    out
}
