//! Totals and their parts (其中, 分别为, 包括, 合计), and shares of one whole (占).

use super::*;
use crate::checks::lexicon::relations::{
    ALONE_MARKS, COMPLEMENTS, MASS_UNITS, NOT_TOTAL_GONG, RIDER_BREAKS, STRETCH_UNITS, TOTAL_OPENERS, TOTAL_WORDS,
};

/// [`RIDER_BREAKS`] as a set, built once.
static RIDER_BREAK: std::sync::LazyLock<crate::figures::WordSet> =
    std::sync::LazyLock::new(|| crate::figures::WordSet::new(RIDER_BREAKS));

/// The dimensions a part's words name.
pub(super) fn dimensions(words: &str) -> u32 {
    let named = DIMENSIONS
        .iter()
        .enumerate()
        .filter(|(_, ws)| ws.iter().any(|w| words.contains(w)))
        .fold(0, |acc, (i, _)| acc | (1 << i));
    // 女劳动力, 男职工: a part named by sex first.
    let han = words.trim_start_matches(|c: char| !crate::model::is_cjk(c));
    let han = han.strip_prefix("其中").unwrap_or(han);
    if han.starts_with(['女', '男']) { named | 1 } else { named }
}

/// Whether parts named by these words may overlap: they differ by two or more dimensions.
pub fn overlap(words: &[&str]) -> bool {
    // One part has nothing to overlap with (and its dimensions are not looked up).
    if words.len() < 2 {
        return false;
    }
    let dims: Vec<u32> = words.iter().map(|w| dimensions(w)).collect();
    let all = dims.iter().fold(u32::MAX, |a, d| a & d);
    let any = dims.iter().fold(0, |a, d| a | d);
    (any & !all).count_ones() >= 2
}

/// A number of items said before a total (三类共46个, 三项合计): the count.
pub(super) fn stated_count(doc: &Doc, total: ClaimId, ids: &[ClaimId]) -> Option<usize> {
    let f = doc.figure(total);
    ids.iter()
        .copied()
        .take_while(|id| doc.figure(*id).span.start < f.span.start)
        .filter(|id| {
            let c = doc.figure(*id);
            matches!(c.unit, "类" | "项" | "种" | "个" | "部分" | "方面")
                && c.value.fract() == 0.0
                && doc.between(*id, total).chars().count() <= 6
        })
        .last()
        .map(|id| doc.figure(id).value as usize)
}

/// A unit's measure: its family (人 for 名), masses all as 千克 (茶叶86吨 and
/// 菌菇4.2万千克 add up once turned into one unit; see [`scale`]).
pub(crate) fn measure(unit: &str) -> &str {
    if MASS_UNITS.iter().any(|(u, _)| *u == unit) { "千克" } else { family(unit) }
}

/// What one of a unit is in its measure's unit: 吨 is 1000 千克; 1 for the rest.
pub fn scale(unit: &str) -> f64 {
    MASS_UNITS.iter().find(|(u, _)| *u == unit).map_or(1.0, |(_, k)| *k)
}

/// Whether two parts split their total into two sides with nothing left over
/// (男性人口 / 女性人口, 城镇职工 / 农村职工; see [`COMPLEMENTS`]): the two
/// sides of one pair, the rest of their words alike, and that rest the total's
/// measure (named in the total's clause, or 人口 for a count of people).
///
/// - 户籍人口12498人，其中男性6584人，女性5914人: 男/女, nothing else named.
/// - 劳动力48659人，其中：男性劳动力26005人，女性劳动力22654人.
///
/// Left alone: 全村1200人，其中男性劳动力300人，女性劳动力280人 (the sides
/// split the 劳动力, a part of the 1200), 中央财政赤字 / 代发地方债 (the rest differs).
pub(super) fn complementary(doc: &Doc, total: ClaimId, parts: &[ClaimId]) -> bool {
    let [a, b] = parts else { return false };
    let han = |id: ClaimId| -> String {
        let lead = doc.lead(id).trim_start_matches(|c: char| !crate::model::is_cjk(c));
        let lead = lead.strip_prefix("其中").unwrap_or(lead);
        lead.chars().filter(|c| crate::model::is_cjk(*c)).collect()
    };
    let (wa, wb) = (han(*a), han(*b));
    COMPLEMENTS.iter().any(|(x, y)| {
        let sides = |p: &str, q: &str| p.starts_with(x) && q.starts_with(y);
        if !(sides(&wa, &wb) || sides(&wb, &wa)) {
            return false;
        }
        let rest = |w: &str| -> String {
            let w = w.strip_prefix(x).or_else(|| w.strip_prefix(y)).unwrap_or(w);
            w.strip_prefix('性').unwrap_or(w).to_string()
        };
        let (ra, rb) = (rest(&wa), rest(&wb));
        let said = doc.clause_before(total);
        ra == rb && (ra.is_empty() || said.contains(ra.as_str()) || family(doc.unit(total)) == "人" && ra == "人口")
    })
}

pub(super) fn breakdowns(doc: &Doc, sentence: &str, offset: usize, ids: &[ClaimId], out: &mut Vec<Breakdown>) {
    // Total first: 总数，其中 / 包括 / 分别为 parts. Each opener is looked for with
    // memchr's SIMD search, its searcher built once.
    static OPENERS: std::sync::LazyLock<Vec<(&'static str, memchr::memmem::Finder<'static>)>> =
        std::sync::LazyLock::new(|| {
            ["其中", "分别为", "分别是", "主要包括", "包括", "主要有", "具体为", "具体是", "即："]
                .into_iter()
                .map(|o| (o, memchr::memmem::Finder::new(o)))
                .collect()
        });
    for (opener, finder) in OPENERS.iter() {
        for i in finder.find_iter(sentence.as_bytes()) {
            let at = offset + i;
            // 分别为 inside 其中 … 分别为 is read with the 其中.
            if *opener == "包括" && sentence[..i].ends_with("主要") {
                continue;
            }
            if let Some(found) = list_after(doc, ids, at, opener) {
                out.extend(found);
            }
        }
    }
    // Parts first: A 820万元、B 430万元、C 310万元，三项合计1500万元.
    for (k, &id) in ids.iter().enumerate() {
        let lead = doc.clause_before(id);
        // Each word holds 合, 共 or 总: most leads are passed over in one scan.
        // …，共有24家 / …，以上共采购3290万元: a word of total opening the clause.
        let total_word = lead.contains(['合', '共', '总'])
            && (TOTAL_WORDS.iter().any(|w| lead.contains(w))
                || TOTAL_OPENERS.iter().any(|w| lead.trim_start().starts_with(w))
                    && !NOT_TOTAL_GONG.iter().any(|w| lead.contains(w)));
        if !total_word || !doc.is_amount(id) || k < 2 || !stretch_part(doc, ids[k - 1]) {
            continue;
        }
        let fam = measure(doc.unit(id));
        // The count of items said with the total (三项合计) stands between it and the parts.
        let counted = |p: &ClaimId| {
            matches!(doc.unit(*p), "项" | "类" | "种" | "个" | "部分" | "方面")
                && doc.claims.all[*p].clause == doc.claims.all[id].clause
        };
        let mut parts: Vec<ClaimId> = ids[..k]
            .iter()
            .copied()
            .rev()
            .skip_while(|p| counted(p) && measure(doc.unit(*p)) != fam)
            .take_while(|p| doc.is_amount(*p) && measure(doc.unit(*p)) == fam && !doc.lead(*p).contains('每'))
            .collect();
        parts.reverse();
        parts.retain(|p| doc.claims.all[*p].depth == doc.claims.all[id].depth);
        if parts.len() < 2 || out.iter().any(|b| b.total == parts[0] || b.parts.contains(&id)) {
            continue;
        }
        let words: Vec<&str> = parts.iter().map(|p| doc.lead(*p)).collect();
        let stated = stated_count(doc, id, ids);
        out.push(Breakdown {
            total: id,
            overlapping: overlap(&words) || funnel(&words),
            complete: stated.is_none_or(|n| n == parts.len()),
            parts,
        });
    }
}

/// Whether a claim can be a part of a list: a stretch of time (28年, 6个月) is one
/// only as a stretch of a longer one (给予五年奖励，其中前三年…后两年…): its clause
/// says which end (前, 后, 头, 最后, 第). 28年如一日 after 其中 is no part of 五年.
pub(super) fn stretch_part(doc: &Doc, id: ClaimId) -> bool {
    use crate::checks::lexicon::relations::{STRETCH_ENDS, STRETCH_UNITS};
    if !STRETCH_UNITS.contains(&doc.unit(id)) {
        return true;
    }
    let lead = doc.lead(id).trim_end_matches(|c: char| !c.is_alphanumeric());
    STRETCH_ENDS.iter().any(|w| lead.ends_with(w))
}

/// Words in a part that make it a new total, not one more part (负债总额为1727万元).
pub(super) const NEW_TOTALS: &[&str] =
    &["总额", "总数", "总量", "总面积", "总人口", "总产值", "总收入", "总规模", "总投资", "还有", "另有", "此外"];

/// Whether a claim is a change between two values (比去年增加2700亿元, 同比增长5%),
/// not a value (增加到2.5万公里 is the new value).
pub(super) fn is_change(doc: &Doc, id: ClaimId) -> bool {
    let lead = doc.lead(id);
    (says_change(lead) || lead.contains("同比"))
        && !TO_WORDS.iter().any(|w| w.chars().count() > 1 && lead.ends_with(w))
        && !lead.ends_with(['到', '至'])
}

/// Whether two figures are named together as two things (8个机位和2个除冰坪).
pub(super) fn joined(doc: &Doc, a: ClaimId, b: ClaimId) -> bool {
    let (ca, cb) = (&doc.claims.all[a], &doc.claims.all[b]);
    if ca.section != cb.section {
        return false;
    }
    let between = doc.between(a, b);
    between.chars().count() <= 15
        && ['和', '、', '及', '与'].iter().any(|w| between.contains(*w))
        && !between.contains(['，', '。', '；'])
}

/// The noun right after a figure, to the next break (8个C类机位和… → C类机位).
pub(super) fn noun_after<'a>(doc: &Doc<'a>, id: ClaimId) -> &'a str {
    let body = doc.body(id);
    let rest = &body[doc.figure(id).span.end.min(body.len())..];
    let end = rest
        .char_indices()
        .find(|(_, c)| "，。；、和及与（(：:".contains(*c) || c.is_ascii_digit())
        .map_or(rest.len(), |(i, _)| i);
    let end = rest[..end].char_indices().nth(12).map_or(end, |(i, _)| i);
    &rest[..end]
}

/// How many character pairs two short texts share.
pub(super) fn shared_pairs(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    a.windows(2).filter(|w| b.windows(2).any(|v| v == *w)).count()
}

/// Whether words between two parts name a whole of their own (在有林地面积中): a list
/// inside the list begins.
pub(super) fn names_a_whole(between: &str) -> bool {
    between.find('在').is_some_and(|i| between[i..].chars().take(14).any(|c| c == '中'))
}

/// Whether parts are stages one passes through (查明 ⊇ 列入数据库 ⊇ 已开发利用,
/// 已建成 ⊇ 已投产): each holds the next, so they do not add up. Two parts or
/// more said with a word of state, and none negated (已脱贫 / 未脱贫 is a split).
pub(super) fn stages(words: &[&str]) -> bool {
    const STATES: &[&str] = &["已", "列入", "纳入", "查明", "探明", "认定"];
    if words.len() < 2 {
        return false;
    }
    let negated = words.iter().any(|w| w.contains('未') || w.contains("没有") || w.contains("尚"));
    !negated && words.iter().filter(|w| STATES.iter().any(|s| w.contains(s))).count() >= 2
}

/// Whether parts are steps of one process, each a result of one before it
/// (参加考核 ⊇ 考核合格, 参加鉴定 ⊇ 鉴定通过): a later part names a result of
/// what an earlier one names. A split by result (合格 / 不合格) is no funnel.
pub(super) fn funnel(words: &[&str]) -> bool {
    const RESULTS: &[&str] = &["合格", "通过", "达标", "获证", "取证", "结业", "毕业", "成功"];
    if words.len() < 2 || words.iter().any(|w| w.contains(['未', '不', '没', '尚'])) {
        return false;
    }
    let han = |w: &str| w.chars().filter(|c| crate::model::is_cjk(*c)).collect::<Vec<char>>();
    words.iter().enumerate().any(|(j, later)| {
        RESULTS.iter().any(|r| later.contains(r))
            && words[..j].iter().any(|earlier| {
                let rest: String = RESULTS.iter().fold(later.to_string(), |w, r| w.replace(r, "、"));
                han(earlier).windows(2).any(|p| rest.contains(&p.iter().collect::<String>()))
            })
    })
}

/// Whether the clause before a figure makes it the base of a comparison: it ends
/// with 比 or 较 and a time (较2020年的, 比上年同期的), the figure another time's value.
pub(super) fn is_base(clause_before: &str) -> bool {
    clause_before.rfind(['比', '较']).is_some_and(|i| {
        let time = &clause_before[i + '比'.len_utf8()..];
        time.chars().count() <= 10
            && time.chars().all(|c| c.is_ascii_digit() || "年月日上去前同期度末底初的".contains(c))
    })
}

/// The list of parts after an opener at byte `at`, with its total before it.
/// Two lists when its parts are things counted two ways (其中：整组搬迁1783户7378人，
/// 零星搬迁3303户13024人): one per measure.
pub(super) fn list_after(doc: &Doc, ids: &[ClaimId], at: usize, opener: &str) -> Option<Vec<Breakdown>> {
    let pos = ids.partition_point(|id| doc.figure(*id).span.start < at);
    let first = *ids.get(pos)?;
    if !doc.is_amount(first) || !stretch_part(doc, first) {
        return None;
    }
    let fam = family(doc.unit(first));
    let depth = doc.claims.all[first].depth;
    // The total: the nearest amount of the parts' family before the opener (其中
    // after a growth figure belongs to the amount before the growth).
    // A change (比去年增加4000亿元) is never the total: 其中 lists the parts of the value;
    // nor is the base of a comparison (较2020年的1.8亿元增长35%，其中…), another year's value.
    // Only the three nearest are read below, so no more are looked for.
    let compared = |id: ClaimId| doc.lead(id).contains(['比', '较']) || is_base(doc.clause_before(id));
    let candidates: Vec<ClaimId> = ids[..pos]
        .iter()
        .copied()
        .rev()
        .filter(|id| doc.is_amount(*id) && family(doc.unit(*id)) == fam && doc.claims.all[*id].depth == depth)
        .filter(|id| !is_change(doc, *id) && !compared(*id))
        .take(3)
        .collect();
    // The total whose metric the first part refines (林地面积 for 有林地面积), else the nearest.
    let first_metric = &doc.claims.all[first].metric;
    let refined = candidates.iter().copied().find(|t| {
        let m = &doc.claims.all[*t].metric;
        m.text.chars().count() >= 2 && m.within(first_metric)
    });
    let total = match refined {
        Some(t) => t,
        None => {
            let nearest = *candidates.first()?;
            // 8个C类机位和2个C类除冰坪，其中5个廊桥机位: the nearest is one of two things
            // named together; the total is the one the part names, or none.
            match candidates.get(1) {
                Some(&other) if joined(doc, other, nearest) => {
                    let named = noun_after(doc, first);
                    let score = |t: ClaimId| shared_pairs(noun_after(doc, t), named);
                    match (score(nearest), score(other)) {
                        (a, b) if a > b => nearest,
                        (a, b) if b > a => other,
                        _ => return None,
                    }
                }
                _ => nearest,
            }
        }
    };
    if doc.figure(total).value <= 0.0 {
        return None;
    }
    // Averages do not add up (人均可支配收入…，其中贫困户人均纯收入), and the base of a
    // comparison (比2014年的2860元) is another time's value, not a part.
    let average = |id: ClaimId| {
        super::average::average_unit(doc.clause_before(id)).is_some() || doc.clause_before(id).contains("平均")
    };
    if average(total) {
        return None;
    }
    let mut parts: Vec<ClaimId> = Vec::new();
    // Each part's figure of another measure, when parts are things counted two ways
    // (one entry per part).
    let mut riders: Vec<Option<ClaimId>> = Vec::new();
    for (k, &id) in ids.iter().enumerate().skip(pos) {
        let c = &doc.claims.all[id];
        if c.depth > depth {
            continue; // （含今年新建9个）: a part of a part
        }
        if let (Some(&prev), Some(rider @ None)) = (parts.last(), riders.last_mut())
            && rides_with(doc, prev, id)
        {
            *rider = Some(id);
            continue;
        }
        // A part's own growth (第一产业增加值26.3亿元，增长4.1%；第二产业…) is said of it: the
        // list goes on past it when the next amount names a part in parallel with the first.
        // So is a stretch's own rate (五年奖励，其中前三年给予80%的奖励，后两年给予50%): the
        // list goes on to the next end of the stretch.
        let stretch = |x: ClaimId| STRETCH_UNITS.contains(&doc.unit(x)) && stretch_part(doc, x);
        if let Some(&first_part) = parts.first()
            && doc.figure(id).kind == Kind::Percent
            && (is_change(doc, id) || stretch(first_part))
        {
            let next = ids[k + 1..].iter().copied().find(|x| doc.is_amount(*x));
            let goes_on = next.is_some_and(|n| {
                parallel(first_amount_lead(doc, &[first_part]), first_amount_lead(doc, &[n]))
                    || stretch(first_part) && stretch(n)
            });
            if goes_on {
                continue;
            }
            break;
        }
        if c.depth < depth || !doc.is_amount(id) || family(doc.unit(id)) != fam || average(id) || compared(id) {
            break;
        }
        let lead = doc.lead(id);
        if let Some(&prev) = parts.last() {
            let between = doc.between(prev, id);
            // The list ends at another metric, at a nested list (在有林地面积中纯林…),
            // at a new total (负债总额), or at a bracket it did not open (旱田6518亩）、果园).
            if holds_a_word(&LIST_BREAK, lead)
                || ALONE_MARKS.iter().any(|w| lead.trim_end().ends_with(w))
                || lead.contains("其中")
                || names_a_whole(between)
                || NEW_TOTALS.iter().any(|w| lead.contains(w))
                || between.contains(['）', ')'])
            {
                break;
            }
        }
        parts.push(id);
        riders.push(None);
    }
    if parts.is_empty() {
        return None;
    }
    // Parts counted two ways are a list of pairs: a part without its second figure
    // ends the list before it (其中劳动力500人，耕地3000亩，外出务工300人: the 300人
    // is no part of a list of pairs).
    if riders[0].is_some()
        && let Some(k) = riders.iter().position(Option::is_none)
    {
        parts.truncate(k);
        riders.truncate(k);
    }
    // Parts counted two ways: their total is the one they make up exactly in either
    // measure (任务5086户20402人，…建档立卡贫困户4321户16870人，占…，其中：整组搬迁
    // 1783户7378人，零星搬迁3303户13024人 lists the 5086户's parts, not the 4321户's),
    // and a measure whose parts make up its total exactly proves the list names every
    // part, so the other measure's parts must make up theirs.
    let rides: Option<Vec<ClaimId>> = riders.iter().copied().collect();
    let mut total = total;
    let mut proven = false;
    if let Some(rides) = &rides {
        let rider_of = |t: ClaimId| {
            let r = *ids.get(ids.iter().position(|x| *x == t)? + 1)?;
            (family(doc.unit(r)) == family(doc.unit(rides[0])) && rides_with(doc, t, r)).then_some(r)
        };
        let exact = |list: &[ClaimId], t: ClaimId| {
            let v = doc.figure(t).value;
            (list.iter().map(|p| doc.figure(*p).value).sum::<f64>() - v).abs() <= v.abs() * 1e-9
        };
        let fits = |t: ClaimId| exact(&parts, t) || rider_of(t).is_some_and(|r| exact(rides, r));
        if let Some(t) = std::iter::once(total).chain(candidates.iter().copied()).find(|t| fits(*t)) {
            total = t;
            proven = true;
        } else if candidates.iter().filter(|t| rider_of(**t).is_some()).count() > 1 {
            // 蔬菜96公顷，产量3106吨；水果25.3公顷，产量158吨。其中：… may list the parts
            // of either: when they fit neither, which one is not known.
            return None;
        }
    }
    // Parts that already make up the total exactly end the list (水库塘坝202座，其中…
    // 个人塘坝130座，电灌站8座): what follows is beside it.
    let tv = doc.figure(total).value;
    let mut sum = 0.0;
    for k in 0..parts.len() {
        sum += doc.figure(parts[k]).value;
        if k >= 1 && k + 1 < parts.len() && (sum - tv).abs() <= tv.abs() * 1e-9 {
            parts.truncate(k + 1);
            riders.truncate(k + 1);
            break;
        }
    }
    let last = *parts.last()?;
    let end = doc.figure(last).span.end;
    let after: String = doc.body(last)[end..].chars().take(8).collect();
    let open = opener.starts_with("主要")
        || after.split(['，', '。', '；', '、']).next().is_some_and(|a| a.contains('等'))
        || doc.body(first)[..at].ends_with("主要");
    let words: Vec<&str> = parts.iter().map(|p| doc.lead(*p)).collect();
    let stated = stated_count(doc, total, ids);
    let complete = proven
        || !open && (opener.starts_with("分别") || stated == Some(parts.len()) || complementary(doc, total, &parts));
    let overlapping = overlap(&words) || stages(&words) || funnel(&words);
    // The total counted the second way, with the parts' second figures as its parts.
    let second =
        riders.iter().copied().collect::<Option<Vec<ClaimId>>>().and_then(|rides| {
            let after = ids.iter().position(|x| *x == total)? + 1;
            let rider = *ids.get(after)?;
            (family(doc.unit(rider)) == family(doc.unit(rides[0])) && rides_with(doc, total, rider))
                .then_some(Breakdown { total: rider, parts: rides, complete, overlapping })
        });
    let first = Breakdown { total, parts, complete, overlapping };
    Some(match second {
        Some(b) => vec![first, b],
        None => vec![first],
    })
}

/// Whether a figure of another measure rides with the figure before it: one
/// thing counted two ways, its second figure right after the first, with at
/// most the noun it counts, a comma and a name of the measure of up to four
/// characters between (1783户7378人; 村民1242户，人口4050人; 苹果梨面积5181亩，年产
/// 11848吨; 44个重点项目，完成投资42.1亿元). Its parts are then
/// pairs, and the second figures make up the total's second figure.
///
/// Left alone: a figure after a longer clause (500人，新建易地搬迁住房3000平方米), after
/// 其中 or a conjunction (30户和120亩), a change (1200户，增长5%), and a figure of
/// the same measure (that is the next part).
pub(super) fn rides_with(doc: &Doc, first: ClaimId, id: ClaimId) -> bool {
    let (a, b) = (&doc.claims.all[first], &doc.claims.all[id]);
    if a.section != b.section || !doc.is_amount(id) || family(doc.unit(id)) == family(doc.unit(first)) {
        return false;
    }
    // The noun the first figure counts may stand between (44个重点项目，完成投资42.1亿元).
    let between = doc.between(first, id);
    let (noun, name) = between.split_once(['，', ',']).unwrap_or(("", between.trim_start_matches('、')));
    let han = |s: &str, most: usize| s.chars().count() <= most && s.chars().all(crate::checks::words::is_han);
    han(noun, 8)
        && han(name, 4)
        && !RIDER_BREAK.is_match(between)
        && !is_change(doc, id)
        && doc.figure(id).kind == Kind::Quantity
}

pub(super) fn shares(doc: &Doc, ids: &[ClaimId], out: &mut Vec<ShareList>) {
    let mut list = Vec::new();
    let mut stated = None;
    for (k, &id) in ids.iter().enumerate() {
        if !doc.is_share(id) || doc.figure(id).value_max.is_some() {
            continue;
        }
        let lead = doc.lead(id);
        let clause = doc.clause_before(id);
        let body = doc.body(id);
        let after: String = body[doc.figure(id).span.end..].chars().take(3).collect();
        if ["合计", "共计", "总计"].iter().any(|w| lead.contains(w)) && doc.figure(id).value == 100.0 {
            stated = Some(id);
            continue;
        }
        // 占比由38%提高到52%: the 38% is a former value, not a share beside the 52%.
        let is_from = (clause.contains('由') || clause.contains('从'))
            && ids.get(k + 1).is_some_and(|n| TO_WORDS.iter().any(|t| doc.between(id, *n).contains(t)));
        if is_from {
            continue;
        }
        // 分别占45%、35%和30%: a share right after a share, with only 、 or 和 between.
        let listed = list.last().is_some_and(|l| *l + 1 == id || ids.get(k.wrapping_sub(1)) == Some(l))
            && lead.chars().count() <= 2
            && lead.chars().all(|c| "、和及与，,".contains(c));
        let share = clause.contains('占')
            || clause.contains("比重")
            || after.starts_with("用于")
            || lead.ends_with("其余")
            || listed;
        let change = says_change(lead) && !lead.contains("降至") && !lead.contains("提高到");
        if share && !change && !lead.contains('率') {
            list.push(id);
        }
    }
    if list.len() >= 2 || list.len() == 1 && stated.is_some() {
        out.push(ShareList { shares: list, stated, complete: false });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_base_of_comparison_is_told_from_its_clause() {
        assert!(super::is_base("较2020年的"));
        assert!(super::is_base("比上年同期的"));
        assert!(super::is_base("全年销售额比"));
        assert!(!super::is_base("全年销售额"));
        assert!(!super::is_base("较好地完成了"));
    }
}
