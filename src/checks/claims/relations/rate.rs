//! Rates with their part and whole (占…的, 就业率, 覆盖率), found by their nouns.

use super::*;
use crate::checks::lexicon::shares::WHOLE_ALL_PREFIXES;

/// Units of time: a span (三年, 6个月) is never the part or whole of a rate.
pub(super) fn is_duration(unit: &str) -> bool {
    matches!(unit, "年" | "个月" | "月" | "天" | "日" | "周" | "小时" | "分钟" | "秒" | "岁" | "周岁")
}

/// Whether a rate is said of each of several things (均达100%, 分别达到96.4%和50.2%):
/// then it is no one quotient.
pub(super) fn said_of_each(lead: &str) -> bool {
    if lead.contains("分别") {
        return true;
    }
    let mut prev = ' ';
    for c in lead.chars() {
        if c == '均' && !matches!(prev, '人' | '户' | '年' | '平' | '日' | '月' | '亩' | '场' | '次') {
            return true;
        }
        prev = c;
    }
    false
}

/// The name of a rate before a figure (岗位利用率为 → 岗位利用), without 率.
pub(super) fn rate_stem(lead: &str) -> Option<&str> {
    let i = lead.rfind('率')?;
    let head = &lead[..i];
    let start =
        head.char_indices().rev().take_while(|(_, c)| crate::model::is_cjk(*c)).take(6).last().map(|(j, _)| j)?;
    Some(&head[start..])
}

/// Whether a rate's part and whole speak of what its name measures: the act
/// it counts (the name's last two characters: 合格率 and 考核合格, 就业率 and
/// 实现就业的) is in one of their clauses, or the thing it is a rate of (the
/// rest of the name: 岗位利用率 and 公益性岗位) is in the whole's.
pub(super) fn speaks_of(part: &str, whole: &str, stem: &str) -> bool {
    let chars: Vec<char> = stem.chars().collect();
    if chars.len() < 2 {
        return false;
    }
    let act: String = chars[chars.len() - 2..].iter().collect();
    let thing: String = chars[..chars.len() - 2].iter().collect();
    part.contains(&act) || whole.contains(&act) || thing.chars().count() >= 2 && whole.contains(&thing)
}

/// A rate or share and the two figures it divides.
pub(super) fn rate(doc: &Doc, id: ClaimId, breakdowns: &[Breakdown], growth: &[Growth]) -> Option<Rate> {
    if !doc.is_share(id) || doc.figure(id).value_max.is_some() {
        return None;
    }
    let lead = doc.lead(id);
    let clause = doc.clause_before(id);
    let named_rate = lead.contains('率') || lead.contains("比例") || lead.contains("比重");
    let bare = bare_share(doc, id, clause);
    let subject = crate::checks::lexicon::relations::SHARE_SUBJECT_LEADS
        .contains(&clause.trim_matches(|c: char| !crate::model::is_cjk(c)));
    if !(named_rate || clause.contains('占') || bare || subject)
        || says_change(lead)
        || lead.contains("同比")
        || said_of_each(lead)
    {
        return None;
    }
    let c = &doc.claims.all[id];
    let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
    let k = sentence.iter().position(|x| *x == id)?;
    // A value of another time (去年的2.1%, 上年末) or a change (比去年增加2700亿元)
    // is not a count of this rate.
    let changes: Vec<ClaimId> = growth.iter().map(|g| g.change).collect();
    let amount = |x: &ClaimId| {
        let o = &doc.claims.all[*x];
        doc.is_amount(*x)
            && !is_duration(doc.unit(*x))
            && o.depth == c.depth
            && o.time.agrees(&c.time)
            && !changes.contains(x)
    };
    // The whole named: 占覆盖职工总数的39.5%, 上岗人员中…占72%, 占世界三分之二.
    let named_whole = whole_name(clause).or_else(|| whole_name(doc.sentence_before(id)));
    // The part: the amount right after it (占40%，共198人), else right before it (in this clause or the one before).
    let after = sentence[k + 1..].iter().find(|x| amount(x)).copied().filter(|p| {
        let between = doc.between(id, *p);
        between.chars().count() <= 4 && ["共", "计", "为", "达"].iter().any(|w| between.contains(w))
            || restates_part(doc, id, *p)
    });
    // 其中朝鲜族占42%: a share of a group named before 占, whose count, if
    // given, follows (占40%，共198人); a figure before it counts something else.
    let subject_named = clause.rfind('占').is_some_and(|i| {
        let before = clause[..i].trim_start_matches("其中").trim_end_matches(['约', '均', '已']);
        before.chars().filter(|c| crate::model::is_cjk(*c)).count() >= 2
    });
    // 到外省务工人员占转移就业总数的42.5%: the named group's count and the
    // whole may stand in the sentence before, as a total and its part.
    if subject_named && after.is_none() {
        return part_before(doc, id, clause, named_whole?, breakdowns);
    }
    let mut part = after.or_else(|| {
        if subject_named {
            return None;
        }
        sentence[..k]
            .iter()
            .rev()
            .find(|x| amount(x))
            .copied()
            .filter(|p| doc.claims.all[*p].clause.end + 3 >= c.clause.start)
    })?;
    // 全县186个贫困村中: the whole is the figure the name holds.
    let named_figure = named_whole.and_then(|name| {
        let name_at = name.as_ptr() as usize - doc.body(id).as_ptr() as usize;
        sentence[..k].iter().copied().find(|x| {
            let f = doc.figure(*x);
            name_at <= f.span.start && f.span.end <= name_at + name.len()
        })
    });
    // A share alone in its clause (…，接近三分之一) divides by the whole the
    // sentence names with …中, and by nothing else.
    if (bare || subject) && !named_rate && !clause.contains('占') && named_figure.is_none() {
        return None;
    }
    // 有42%参加了认定: the share's part is only the count said after it (…，共计530人).
    if subject && !bare && !named_rate && !clause.contains('占') && after != Some(part) {
        return None;
    }
    let mut explicit = true;
    let mut whole_assumed = false;
    let mut whole_named = None;
    let mut alt_part = None;
    let whole = if let Some(w) = named_figure.filter(|w| *w != part) {
        w
    } else if let Some(name) = named_whole {
        let name = crate::checks::claims::Metric::from_text(name.to_string());
        let found: Vec<ClaimId> = sentence[..k]
            .iter()
            .copied()
            .filter(|x| amount(x) && *x != part && name.within(&doc.claims.all[*x].metric))
            .collect();
        // One group counted as households and people (任务5086户20402人): the
        // figure in the part's unit is the whole of a part in people.
        // One group counted as households and people (任务5086户20402人): the
        // figure of the pair in the part's unit is the whole of a part in people.
        let fam = family(doc.unit(part));
        let found = if matches!(fam, "人" | "户") && found.iter().any(|x| family(doc.unit(*x)) != fam) {
            let mut like: Vec<ClaimId> = found.iter().map(|x| pair_mate(doc, *x, doc.unit(part))).collect();
            like.retain(|x| family(doc.unit(*x)) == fam && *x != part);
            like.dedup();
            like
        } else {
            found
        };
        match found.as_slice() {
            [w] => *w,
            // 占贫困户总数的71.7%, the whole stated in the background section alone
            // (识别建档立卡贫困户1.2万户): the one figure there that counts it.
            [] => match background_whole(doc, part, &name) {
                Some(w) => w,
                // 占总人口的28%, the whole stated sections before (总人口15944户38943人).
                None => {
                    let (w, p, alt) = earlier_whole(doc, part, &name.text, breakdowns)?;
                    whole_assumed = true;
                    whole_named = Some(name.text.clone());
                    alt_part = alt;
                    part = p;
                    w
                }
            },
            _ => return None,
        }
    } else if let Some(b) = breakdowns.iter().find(|b| b.parts.contains(&part) && !b.overlapping) {
        // (Parts that may overlap, or are steps of one process, are no share of their total.)
        b.total
    } else if let Some(total) = names_generic_whole(clause).then(|| list_total(doc, part, breakdowns)).flatten() {
        // 占总数的36.5% in a list after 其中 that goes on past ；.
        total
    } else {
        explicit = false;
        let fam = family(doc.unit(part));
        let others: Vec<ClaimId> = sentence
            .iter()
            .copied()
            .filter(|x| {
                *x != part && amount(x) && (family(doc.unit(*x)) == fam || is_count(doc.unit(*x)) && is_count(fam))
            })
            .filter(|x| doc.figure(*x).span.start < doc.figure(id).span.start)
            .collect();
        // The whole may follow in the next clause when it says it is the total
        // (签约率达到98%，脱贫人口总数为3.5万人).
        let total_after = || {
            sentence[k + 1..].iter().copied().find(|x| {
                let o = &doc.claims.all[*x];
                let lead = doc.lead(*x);
                *x != part
                    && amount(x)
                    && o.clause.start <= c.clause.end + 3
                    && (family(doc.unit(*x)) == fam || is_count(doc.unit(*x)) && is_count(fam))
                    && ["总数", "总人数", "总户数", "总量", "总计", "合计"].iter().any(|w| lead.contains(w))
            })
        };
        match others.as_slice() {
            [w] => *w,
            [] if clause.contains("占比") => {
                whole_assumed = true;
                whole_before(doc, id, part)?
            }
            [] if named_rate => match total_after() {
                Some(total) => total,
                None if lead.ends_with(['率', '为', '达']) => stock_whole(doc, part)?,
                None => return None,
            },
            _ => return None,
        }
    };
    let (pf, wf) = (doc.figure(part), doc.figure(whole));
    if wf.value <= 0.0 || pf.value <= 0.0 || pf.value_max.is_some() || wf.value_max.is_some() {
        return None;
    }
    // One group counted two ways (4321户16870人) is not a part and its whole.
    let (first, second) = if wf.span.start < pf.span.start { (whole, part) } else { (part, whole) };
    let same_section = doc.claims.all[part].section == doc.claims.all[whole].section;
    if same_section && doc.between(first, second).trim().is_empty() {
        return None;
    }
    // Two values of one thing at two times (从9000公里增加到2.5万公里) are not a part and its whole.
    if growth.iter().any(|g| (g.from, g.to) == (whole, part) || (g.from, g.to) == (part, whole)) {
        return None;
    }
    let target =
        doc.claims.all[part].modality == Modality::Target && doc.claims.all[whole].modality != Modality::Target;
    if !explicit && !target {
        // Two items of one list (建议68件、提案118件) are neither's part.
        let between = doc.between(first, second);
        if same_section
            && between.chars().count() <= 12
            && ['、', '和', '及', '与'].iter().any(|w| between.contains(*w))
        {
            return None;
        }
        // A named rate divides counts of what it names (合格率: 考核合格296人):
        // one of its two figures must speak of it, else the counts near it are
        // of something else (再就业2529人 beside 城镇登记失业率).
        if let Some(stem) = rate_stem(lead) {
            let clause_of = |x: ClaimId| &doc.body(x)[doc.claims.all[x].clause.clone()];
            if !speaks_of(clause_of(part), clause_of(whole), stem) {
                return None;
            }
        }
    }
    // A target is the whole of a rate of achievement (目标1200户，实际完成1260户，达成率105%).
    let (part, whole) = if target { (whole, part) } else { (part, whole) };
    Some(Rate { rate: id, part, whole, whole_assumed, whole_named, alt_part, alt_pair: None })
}

/// The figure counting the same group in `unit`, when `x` is one of a pair said
/// as households and people with nothing between (5086户20402人, 1469户、7832人);
/// else `x`.
pub(super) fn pair_mate(doc: &Doc, x: ClaimId, unit: &str) -> ClaimId {
    if doc.unit(x) == unit {
        return x;
    }
    let c = &doc.claims.all[x];
    let mate = |y: ClaimId| {
        let o = doc.claims.all.get(y)?;
        let (a, b) = if y > x { (x, y) } else { (y, x) };
        (o.section == c.section
            && doc.unit(y) == unit
            && doc.between(a, b).trim_matches(|ch: char| ch.is_whitespace() || ch == '、').is_empty())
        .then_some(y)
    };
    mate(x + 1).or_else(|| x.checked_sub(1).and_then(mate)).unwrap_or(x)
}

/// Words that end the name of a whole and say only that it is a total or an
/// amount (总销售额, 培训总人数), longest first.
/// (人口 says the whole is counted in people: 占搬迁人口的 is of the 搬迁 in 人.)
const TOTAL_SUFFIXES: &[&str] = &["总人数", "总户数", "总金额", "总额", "人数", "户数", "人口", "金额", "额"];

/// The whole a share names: 占覆盖职工总数的 → 覆盖职工总数; 上岗人员中… → 上岗人员.
pub(super) fn whole_name(text: &str) -> Option<&str> {
    if let Some(i) = text.rfind('占') {
        let rest = &text[i + '占'.len_utf8()..];
        if let Some(j) = rest.rfind('的') {
            // 占总销售额的, 占培训总人数的: the words for a total or an amount are no part
            // of what is counted (销售, 培训), which the whole's own figure names.
            let mut name = rest[..j].trim_end_matches("总数").trim_end_matches("总量");
            // 占全部进驻项目的: 全部 says "all of it" and names nothing.
            if let Some(n) = WHOLE_ALL_PREFIXES.iter().find_map(|w| name.strip_prefix(w)) {
                name = n;
            }
            if let Some(stem) = TOTAL_SUFFIXES.iter().find_map(|w| name.strip_suffix(w)) {
                let stem = stem.strip_prefix('总').unwrap_or(stem);
                if stem.chars().count() >= 2 {
                    name = stem;
                }
            }
            return (name.chars().count() >= 2).then_some(name);
        }
        // 占世界三分之二, 占全国总量: a whole named without 的.
        let name = rest
            .trim_end_matches(['到', '了', '约', '达', '为', '比'])
            .trim_end_matches("总数")
            .trim_end_matches("总量");
        if name.chars().count() >= 2 && name.chars().all(crate::model::is_cjk) {
            return Some(name);
        }
    }
    let head = text.trim_start_matches(|c: char| !crate::model::is_cjk(c));
    let i = head.find('中')?;
    let name = &head[..i];
    // Ten words at most, a figure in the name (全县1260名乡村工匠) counting as none.
    let words = name.chars().filter(|c| crate::model::is_cjk(*c)).count();
    (name.chars().count() >= 2 && words <= 10 && !name.contains('，')).then_some(name)
}

/// The whole a share names, stated in the background or the summary: the one
/// actual amount there of the part's unit family and time (a count of 2014 is
/// no whole of a part of 2020), larger than the part, whose metric holds the name.
fn background_whole(doc: &Doc, part: ClaimId, name: &crate::checks::claims::Metric) -> Option<ClaimId> {
    let fam = family(doc.unit(part));
    let pv = doc.figure(part).value;
    let time = doc.claims.all[part].time;
    let found: Vec<ClaimId> = doc
        .opening_amounts()
        .iter()
        .copied()
        .filter(|x| {
            *x != part
                && family(doc.unit(*x)) == fam
                && doc.figure(*x).value > pv
                && doc.claims.all[*x].time.agrees(&time)
                && name.within(&doc.claims.all[*x].metric)
        })
        .collect();
    match found.as_slice() {
        [w] => Some(*w),
        _ => None,
    }
}

/// For a named rate with its part alone in the sentence (2700户实现解困脱困，
/// 解困脱困率达80%): the one stock of that unit stated in an opening section
/// (基本情况: 全市共有困难职工档案户3600户).
pub(super) fn stock_whole(doc: &Doc, part: ClaimId) -> Option<ClaimId> {
    let unit = doc.unit(part);
    let pv = doc.figure(part).value;
    let found: Vec<ClaimId> =
        doc.stocks().iter().copied().filter(|x| doc.unit(*x) == unit && doc.figure(*x).value > pv).collect();
    match found.as_slice() {
        [w] => Some(*w),
        _ => None,
    }
}

/// A share alone in its clause, right after the count it divides, with at most
/// a word of [`BARE_SHARE_LEADS`] before it and nothing after it:
///
/// - 全县368个行政村中，已有150个村建成电商服务站，超过四成。
/// - 全镇240名护林员中，有72人是女性，已达三成。
/// - 全乡412户种植户中，有230户加入了合作社，占比过半 (过半 is read by the 占 pattern).
///
/// The share is of the whole the sentence opens with (…中); without one it is
/// left alone. Left alone too: 42%的农户 (the share opens a clause that names its part).
fn bare_share(doc: &Doc, id: ClaimId, clause: &str) -> bool {
    use crate::checks::lexicon::relations::BARE_SHARE_LEADS;
    let not_cjk = |c: char| !crate::model::is_cjk(c);
    let mut rest = clause.trim_matches(not_cjk);
    while let Some(r) = BARE_SHARE_LEADS.iter().find_map(|w| rest.strip_prefix(w)) {
        rest = r;
    }
    let c = &doc.claims.all[id];
    let tail = doc.body(id).get(doc.figure(id).span.end..c.clause.end).unwrap_or("");
    rest.is_empty() && tail.trim_matches(not_cjk).is_empty()
}

/// Whether `p` restates, in the clause after a share, how many its part is:
/// 全县1260名乡村工匠中，有42%参加了技能认定，共计530人 (530人 is the 42%).
/// The clause opens with a word of [`PART_RESTATED`] and nothing else before
/// the figure; the share and the count are one clause apart. Left alone:
/// …，有42%参加了培训，培训合格500人 (another count).
fn restates_part(doc: &Doc, id: ClaimId, p: ClaimId) -> bool {
    use crate::checks::lexicon::relations::PART_RESTATED;
    let between = doc.between(id, p);
    let lead = doc.clause_before(p).trim_matches(|c: char| !crate::model::is_cjk(c));
    between.matches(['，', ',']).count() == 1 && !between.contains(['。', '；', ';']) && PART_RESTATED.contains(&lead)
}

/// A share whose group is named before 占 and whose whole is named after it,
/// in a sentence of its own after the count of both (a total and its part):
///
/// - 今年转移就业2.4万人，其中到外省务工0.9万人。到外省务工人员占转移就业总数的37.5%。
/// - 全县有合作社320家，其中由村集体领办的96家。村集体领办的合作社占合作社总数的30%。
///
/// The whole is the total of a breakdown in the sentence before whose metric
/// holds the name; the part, the one part of it whose words the group's name
/// holds. Left alone: a share sentence with counts of its own, and a group that
/// no part names (女性占转移就业总数的40%, after a part of 外省务工).
fn part_before(doc: &Doc, id: ClaimId, clause: &str, name: &str, breakdowns: &[Breakdown]) -> Option<Rate> {
    let c = &doc.claims.all[id];
    if doc.claims.in_sentence(c.section, c.sentence).any(|x| x != id && doc.is_amount(x)) {
        return None;
    }
    let prev: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence.checked_sub(1)?).collect();
    let group = clause[..clause.rfind('占')?].trim_start_matches("其中");
    let name = crate::checks::claims::Metric::from_text(name.to_string());
    let totals: Vec<&Breakdown> = breakdowns
        .iter()
        .filter(|b| {
            prev.contains(&b.total)
                && !b.overlapping
                && doc.claims.all[b.total].paragraph == c.paragraph
                && name.within(&doc.claims.all[b.total].metric)
        })
        .collect();
    let [b] = totals.as_slice() else { return None };
    let named: Vec<ClaimId> = b
        .parts
        .iter()
        .copied()
        .filter(|p| {
            let words = doc.lead(*p).trim_matches(|c: char| !crate::model::is_cjk(c));
            let words = words.strip_prefix("其中").unwrap_or(words).trim_start_matches('由').trim_end_matches('的');
            words.chars().count() >= 2 && group.contains(words)
        })
        .collect();
    let [part] = named.as_slice() else { return None };
    let (pf, wf) = (doc.figure(*part), doc.figure(b.total));
    (pf.value > 0.0 && wf.value > pf.value && pf.value_max.is_none() && wf.value_max.is_none()).then_some(Rate {
        rate: id,
        part: *part,
        whole: b.total,
        whole_assumed: false,
        whole_named: None,
        alt_part: None,
        alt_pair: None,
    })
}

/// The whole of 占比 said with no whole in its sentence: the one amount of the
/// part's family in the sentence before, in the same paragraph, of the same
/// time and depth, larger than the part:
///
/// - 全县共有脱贫人口5.6万人。目前已有2.1万人参加产业合作，占比达到37.5%。
/// - 全镇建成日间照料中心40个。其中由村集体运营的有24个，占比六成。
///
/// Left alone: a sentence before with two such amounts (which is the whole is a
/// guess), or one no larger than the part.
fn whole_before(doc: &Doc, id: ClaimId, part: ClaimId) -> Option<ClaimId> {
    let c = &doc.claims.all[id];
    let p = &doc.claims.all[part];
    let fam = family(doc.unit(part));
    let found: Vec<ClaimId> = doc
        .claims
        .in_sentence(c.section, p.sentence.checked_sub(1)?)
        .filter(|x| doc.is_amount(*x) && family(doc.unit(*x)) == fam)
        .collect();
    let [w] = found.as_slice() else { return None };
    let o = &doc.claims.all[*w];
    (o.paragraph == p.paragraph
        && o.depth == p.depth
        && o.time.agrees(&p.time)
        && doc.figure(*w).value > doc.figure(part).value)
        .then_some(*w)
}
