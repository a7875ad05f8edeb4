//! Growth between two values (比上年, 由A增至B, 是…的N倍, 翻一番, 年均).

use super::*;

pub(super) fn growth(doc: &Doc, ids: &[ClaimId], out: &mut Vec<Growth>) {
    for (k, &change) in ids.iter().enumerate() {
        let lead = doc.lead(change);
        let f = doc.figure(change);
        let times_of = doc.clause_before(change).contains('是') && f.unit == "倍";
        let doubling = f.unit == "番";
        if !(says_change(lead) || times_of || doubling) {
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
        let down = DOWN_WORDS.iter().any(|w| lead.contains(w));
        let prior = &ids[..k];
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
        } else if let Some((from, to)) = compared_pair(doc, prior, change) {
            // 5955亿元，比上年增加1637亿元，增长37.9%: the base is the value less the change.
            if is_change(doc, from) {
                if f.unit == "%" && doc.unit(from) == doc.unit(to) && !doc.unit(to).is_empty() {
                    out.push(Growth { from, to, change, kind: GrowthKind::RelativeToChange, down });
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
        let kind = match f.unit {
            "%" if doc.unit(from) == "%" && lead.contains('率') => GrowthKind::Relative,
            "%" => {
                if doc.clause_before(change).contains("年均") {
                    match years_between(doc, from, to) {
                        Some(n) => GrowthKind::AnnualAverage(n),
                        None => continue,
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
                    None => continue,
                }
            }
            u if u == doc.unit(from) && !u.is_empty() => GrowthKind::Absolute,
            _ => continue,
        };
        out.push(Growth { from, to, change, kind, down });
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

/// A value and its base: 1430万元，比上年的1100万元增长30%; 1560万元，是上年520万元的3倍.
pub(super) fn compared_pair(doc: &Doc, prior: &[ClaimId], change: ClaimId) -> Option<(ClaimId, ClaimId)> {
    let [.., to, base] = prior else { return None };
    let between = doc.between(*to, *base);
    let word = ["比", "较", "是"].iter().any(|w| between.contains(w));
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
            out.push(Growth { from: *from, to, change, kind: GrowthKind::Relative, down });
        }
    }
    out
}
