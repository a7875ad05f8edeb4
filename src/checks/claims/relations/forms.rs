//! Parts said without 其中: in brackets after their total, under 分…看 after a
//! total in the sentence before, under 一是…二是 in one sentence, and a total in
//! the sentence after its parts. None of these proves the list complete: each
//! yields a breakdown whose parts may not exceed the total.

use super::*;
use crate::checks::lexicon::relations::{
    ALONE_MARKS, CUT_ENDS, CUT_OPENERS, ITEM_MARKERS, NOT_TOTAL_GONG, TOTAL_WORDS,
};

/// Whether a claim can stand as a total or a part: an amount, not a change
/// (比上年增加120户), an average, or the base of a comparison.
pub(super) fn plain(doc: &Doc, id: ClaimId) -> bool {
    let before = doc.clause_before(id);
    doc.is_amount(id)
        && !is_change(doc, id)
        && !doc.lead(id).contains(['比', '较'])
        && !is_base(before)
        && super::average::average_unit(before).is_none()
        && !before.contains("平均")
        && !doc.lead(id).contains('每')
}

/// A breakdown of `parts` under `total`, open (the parts may not exceed it), or
/// none when fewer than two parts are left.
fn open_list(doc: &Doc, total: ClaimId, parts: Vec<ClaimId>) -> Option<Breakdown> {
    if parts.len() < 2 || doc.figure(total).value <= 0.0 {
        return None;
    }
    let words: Vec<&str> = parts.iter().map(|p| doc.lead(*p)).collect();
    let overlapping = overlap(&words) || stages(&words) || funnel(&words);
    Some(Breakdown { total, parts, complete: false, overlapping })
}

/// The parts that follow one another from `ids[0]`: plain amounts of `fam`,
/// until another metric (a word of [`LIST_BREAKS`]), a new total or a nested
/// list begins.
fn run_of_parts(doc: &Doc, ids: &[ClaimId], fam: &str, depth: u8) -> Vec<ClaimId> {
    let mut parts: Vec<ClaimId> = Vec::new();
    for &id in ids {
        let c = &doc.claims.all[id];
        if c.depth > depth {
            continue;
        }
        if c.depth < depth {
            break;
        }
        if !plain(doc, id) || family(doc.unit(id)) != fam {
            // Another unit beside a part (760户、2300人) is passed over; a change ends the list.
            if is_change(doc, id) || doc.figure(id).kind == Kind::Percent {
                break;
            }
            continue;
        }
        let lead = doc.lead(id);
        if let Some(&prev) = parts.last()
            && (holds_a_word(&LIST_BREAK, lead)
                || ALONE_MARKS.iter().any(|w| lead.trim_end().ends_with(w))
                || lead.contains("其中")
                || names_a_whole(doc.between(prev, id))
                || NEW_TOTALS.iter().any(|w| lead.contains(w)))
        {
            break;
        }
        parts.push(id);
    }
    parts
}

/// Parts in brackets right after their total, with or without 其中 or 含:
///
/// - 今年共培训2860人次（其中电商直播1040人次、家政服务960人次）
/// - 共帮扶困难职工家庭1380户（城镇职工家庭760户、农民工家庭620户）
///
/// The bracket opens right after the total's figure and holds two amounts or
/// more of its family one level deeper (one is enough after 其中 or 含). Left
/// alone: 1380户（比上年增加120户） (a change), 1380户（4200人） (another
/// unit), 860户（2022年420户、2023年510户） (other years' values).
pub(super) fn bracketed(doc: &Doc, ids: &[ClaimId], out: &mut Vec<Breakdown>) {
    for (k, &total) in ids.iter().enumerate() {
        let body = doc.body(total);
        let end = doc.figure(total).span.end;
        if !body[end.min(body.len())..].starts_with(['（', '(']) || !plain(doc, total) {
            continue;
        }
        let depth = doc.claims.all[total].depth;
        let inside: Vec<ClaimId> =
            ids[k + 1..].iter().copied().take_while(|x| doc.claims.all[*x].depth > depth).collect();
        let Some(&first) = inside.first() else { continue };
        if doc.claims.all[first].depth != depth + 1 {
            continue;
        }
        let year = doc.claims.all[total].time.year;
        let fam = family(doc.unit(total));
        let parts: Vec<ClaimId> = run_of_parts(doc, &inside, fam, depth + 1)
            .into_iter()
            .take_while(|p| doc.claims.all[*p].time.year.is_none_or(|y| Some(y) == year))
            .collect();
        let said = doc.body(first)[end..doc.figure(first).span.start].contains(['其', '含']);
        if out.iter().any(|b| b.total == total || parts.iter().any(|p| b.parts.contains(p))) {
            continue;
        }
        if parts.len() == 1 && said {
            out.push(Breakdown { total, parts, complete: false, overlapping: false });
        } else if let Some(b) = open_list(doc, total, parts) {
            out.push(b);
        }
    }
}

/// Whether a sentence opens with a cut of the total before it: 分产业看，…,
/// 从就业地域看，…, 按资金来源分，…. Gives the byte where its parts begin.
fn cut_opening(sentence: &str) -> Option<usize> {
    let s = sentence.trim_start();
    let skipped = sentence.len() - s.len();
    let first = s.find(['，', ',', '：', ':'])?;
    let head = &s[..first];
    let n = head.chars().count();
    let opens = CUT_OPENERS.iter().any(|w| head.starts_with(w));
    (opens && (2..=12).contains(&n) && CUT_ENDS.iter().any(|w| head.ends_with(w))).then_some(skipped + first)
}

/// Parts under 分…看 / 从…看 / 按…分, their total the one amount of their
/// family in the sentence before (the first sentence before a run of cuts):
///
/// - 全县产业帮扶资金6500万元。分产业看，种植业2860万元，养殖业1940万元……
/// - 全县务工就业4.6万人。从就业地域看，县内1.9万人，县外2.7万人；从就业形式看，……
///
/// Left alone: a sentence before with two amounts of the family (which is the
/// total is a guess), and 从2018年到2023年 (no 看 ends the clause).
pub(super) fn cuts(doc: &Doc, si: usize, out: &mut Vec<Breakdown>) {
    let s = &doc.sections[si];
    let mut base: Option<usize> = None;
    for (ni, sentence) in s.sentences.iter().enumerate() {
        let text = &s.body[sentence.span.clone()];
        let Some(at) = cut_opening(text) else {
            base = Some(ni);
            continue;
        };
        let Some(b) = base else { continue };
        let ids: Vec<ClaimId> = doc.claims.in_sentence(si, ni).collect();
        let at = sentence.span.start + at;
        let ids: Vec<ClaimId> = ids.into_iter().filter(|x| doc.figure(*x).span.start > at).collect();
        let Some(&first) = ids.iter().find(|x| plain(doc, **x)) else { continue };
        let fam = family(doc.unit(first));
        let depth = doc.claims.all[first].depth;
        let totals: Vec<ClaimId> = doc
            .claims
            .in_sentence(si, b)
            .filter(|x| plain(doc, *x) && family(doc.unit(*x)) == fam && doc.claims.all[*x].depth == depth)
            .collect();
        let [total] = totals[..] else { continue };
        let start = ids.iter().position(|x| *x == first).unwrap_or(0);
        let parts = run_of_parts(doc, &ids[start..], fam, depth);
        // The cut names the one dimension its parts split along: they do not
        // overlap, whatever words they share with other cuts (农产品加工业, 乡村旅游).
        if let Some(b) = open_list(doc, total, parts) {
            out.push(Breakdown { overlapping: false, ..b });
        }
    }
}

/// Items under 一是…二是…三是 in one sentence, each giving one part, their
/// total the one amount of their family before 一是:
///
/// - 投入资金1260万元，主要用在三个方面：一是救助560万元，二是医疗380万元，三是助学320万元。
///
/// Each item gives its first amount of the total's family. Left alone: a
/// sentence with two such amounts before 一是, and items with no amount.
pub(super) fn enumerated(doc: &Doc, sentence: &str, offset: usize, ids: &[ClaimId], out: &mut Vec<Breakdown>) {
    // The markers in order, each after the one before: 一是…二是…三是.
    let mut marks: Vec<usize> = Vec::new();
    for m in ITEM_MARKERS {
        let from = marks.last().map_or(0, |l| l + m.len());
        match sentence[from..].find(m) {
            Some(i) => marks.push(from + i),
            None => break,
        }
    }
    if marks.len() < 2 {
        return;
    }
    let at = |i: usize| offset + i;
    let before: Vec<ClaimId> = ids.iter().copied().filter(|x| doc.figure(*x).span.start < at(marks[0])).collect();
    // The total: an amount alone of its family before 一是 whose family each item
    // gives (三个方面 before 一是 counts the items, and no item is in 个).
    for &total in before.iter().rev().filter(|x| plain(doc, **x)) {
        let fam = family(doc.unit(total));
        let depth = doc.claims.all[total].depth;
        if before.iter().filter(|x| plain(doc, **x) && family(doc.unit(**x)) == fam).count() != 1 {
            continue;
        }
        let mut parts = Vec::new();
        for (j, &m) in marks.iter().enumerate() {
            let end = marks.get(j + 1).map_or(usize::MAX, |n| at(*n));
            let part = ids.iter().copied().find(|x| {
                let f = doc.figure(*x);
                f.span.start > at(m)
                    && f.span.start < end
                    && plain(doc, *x)
                    && family(doc.unit(*x)) == fam
                    && doc.claims.all[*x].depth == depth
            });
            parts.extend(part);
        }
        if parts.len() == marks.len() {
            out.extend(open_list(doc, total, parts));
            return;
        }
    }
}

/// Items under 一是…二是…三是 that open paragraphs of their own, each giving
/// one part, their total the one amount of their family in the paragraph
/// right before 一是:
///
/// - 全年发放稳岗补贴960万元。¶一是吸纳就业补贴。发放补贴410万元。¶二是社保补贴。发放330万元。¶三是培训补贴。发放220万元。
/// - 今年新建村级服务站86个。¶一是电商服务站，建成38个。¶二是快递服务站，建成30个。
///
/// Each item gives its first plain amount of the total's family (惠及1.2万人次
/// before 发放补贴720万元 is another measure). Left alone: a paragraph before
/// with two amounts of the family, items with no such amount, and items that
/// do not follow one another in order.
pub(super) fn enumerated_paragraphs(doc: &Doc, si: usize, out: &mut Vec<Breakdown>) {
    let s = &doc.sections[si];
    let mut paragraphs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    for line in s.body.split_inclusive('\n') {
        let text = line.trim_matches(|c: char| c.is_whitespace());
        if !text.is_empty() {
            let lead = line.len() - line.trim_start_matches(|c: char| c.is_whitespace()).len();
            paragraphs.push(at + lead..at + lead + text.len());
        }
        at += line.len();
    }
    let opens = |p: &std::ops::Range<usize>, m: &str| s.body[p.clone()].starts_with(m);
    let ids: Vec<ClaimId> = doc.claims.by_section[si].clone().collect();
    let within = |r: &std::ops::Range<usize>| -> Vec<ClaimId> {
        ids.iter().copied().filter(|x| r.contains(&doc.figure(*x).span.start)).collect()
    };
    for k in 1..paragraphs.len() {
        if !opens(&paragraphs[k], ITEM_MARKERS[0]) {
            continue;
        }
        let items: Vec<&std::ops::Range<usize>> =
            paragraphs[k..].iter().zip(ITEM_MARKERS).take_while(|(p, m)| opens(p, m)).map(|(p, _)| p).collect();
        if items.len() < 2 {
            continue;
        }
        let before = within(&paragraphs[k - 1]);
        for &total in before.iter().rev().filter(|x| plain(doc, **x)) {
            let fam = family(doc.unit(total));
            let depth = doc.claims.all[total].depth;
            if before.iter().filter(|x| plain(doc, **x) && family(doc.unit(**x)) == fam).count() != 1 {
                continue;
            }
            let parts: Vec<ClaimId> = items
                .iter()
                .filter_map(|r| {
                    within(r)
                        .into_iter()
                        .find(|x| plain(doc, *x) && family(doc.unit(*x)) == fam && doc.claims.all[*x].depth == depth)
                })
                .collect();
            if parts.len() == items.len() {
                out.extend(open_list(doc, total, parts));
            }
            break;
        }
    }
}

/// Whether a clause's words make its figure the total of parts said before:
/// 合计, 共计, 总计 anywhere, or 共 opening the clause (共开发公益性岗位960个)
/// but not 共同 or 共享.
pub(super) fn says_total(clause_before: &str) -> bool {
    if TOTAL_WORDS.iter().any(|w| clause_before.contains(w)) {
        return true;
    }
    // 与京津共建5家: 共 after 与 or 同 is doing together, not a total.
    clause_before.char_indices().any(|(i, c)| {
        let rest = &clause_before[i..];
        c == '共'
            && !clause_before[..i].ends_with('公')
            && !clause_before[..i].contains(['与', '同', '和'])
            && (rest.starts_with("共建成") || !NOT_TOTAL_GONG.iter().any(|w| rest.starts_with(w)))
    })
}

/// Whether a clause sums, with 累计, the period its parts' sentence opens with:
///
/// - 上半年，全县输送务工人员：1至2月1260人，3月980人，4至6月1540人。上半年累计输送3780人。
/// - 今年1至4月，全县新增市场主体：1月320户，2月280户，3至4月610户。1至4月累计新增1210户。
/// - 2023年，全镇发放补贴：春耕前86万元，夏收后54万元。2023年累计发放140万元。
///
/// 累计 alone sums to date from any start (2016年以来累计), so it is a total of
/// the parts only when the words before it name the period that the first
/// clause of the sentence of parts names. Left alone: 上半年…。五年来累计输送2.1万人.
fn period_total(parts_sentence: &str, clause_before: &str) -> bool {
    let Some(i) = clause_before.find("累计") else { return false };
    let period = clause_before[..i].trim_matches(|c: char| !crate::model::is_cjk(c) && !c.is_ascii_digit());
    let opening = parts_sentence.split(['，', '：', ':', ',']).next().unwrap_or("");
    let n = period.chars().count();
    (2..=8).contains(&n) && opening.contains(period)
}

/// A total in the sentence after its parts: the parts end the sentence before,
/// two or more amounts of one family listed with 、 or ，, and the next
/// sentence opens its first clause with a total of their family:
///
/// - 有护林员420个、保洁员365个、水管员110个。全县共开发公益性岗位960个。
/// - 发展辣椒3200亩、茶叶1800亩、中药材1500亩。全镇特色种植面积总计6300亩。
///
/// Left alone: a total that names one of the parts (全县共发展辣椒2500亩 after
/// 辣椒3200亩、茶叶1800亩 is one crop, not the sum), parts already under a
/// total of their own sentence, and a sentence after that opens with 其中.
pub(super) fn total_next(doc: &Doc, si: usize, taken: &[Breakdown], out: &mut Vec<Breakdown>) {
    let s = &doc.sections[si];
    for ni in 1..s.sentences.len() {
        let prev: Vec<ClaimId> = doc.claims.in_sentence(si, ni - 1).collect();
        let next: Vec<ClaimId> = doc.claims.in_sentence(si, ni).collect();
        let (Some(&last), Some(&total)) = (prev.last(), next.first()) else { continue };
        if doc.claims.all[last].paragraph != doc.claims.all[total].paragraph || !plain(doc, total) {
            continue;
        }
        let text = &s.body[s.sentences[ni].span.clone()];
        let before = &s.body[s.sentences[ni - 1].span.clone()];
        let said = doc.clause_before(total);
        if text.trim_start().starts_with("其中") || !(says_total(said) || period_total(before, said)) {
            continue;
        }
        let fam = family(doc.unit(total));
        let depth = doc.claims.all[total].depth;
        let mut parts: Vec<ClaimId> = Vec::new();
        for &p in prev.iter().rev() {
            let c = &doc.claims.all[p];
            if c.depth > depth {
                continue;
            }
            // 力争…达到8000家 is a target reached, not one item of a list.
            let reached = TO_WORDS.iter().any(|w| w.chars().count() > 1 && doc.lead(p).contains(w));
            if c.depth < depth || !plain(doc, p) || family(doc.unit(p)) != fam || reached {
                break;
            }
            if let Some(&after) = parts.last() {
                let between = doc.between(p, after);
                if !between.contains(['、', '，', ',']) || holds_a_word(&LIST_BREAK, doc.lead(after)) {
                    break;
                }
            }
            parts.push(p);
        }
        parts.reverse();
        if taken.iter().chain(out.iter()).any(|b| parts.iter().any(|p| b.parts.contains(p) || b.total == *p)) {
            continue;
        }
        // A total naming a part is one part's total, not theirs: the words that
        // tell the parts apart (香菇 of 香菇大棚 beside 木耳大棚) are not in it.
        let said = doc.clause_before(total);
        let named = distinctions(&parts.iter().map(|p| doc.lead(*p)).collect::<Vec<_>>())
            .iter()
            .any(|w| said.contains(w.as_str()));
        if !named && let Some(b) = open_list(doc, total, parts) {
            out.push(b);
        }
    }
}

/// The last two characters of each part's words once the ending all parts
/// share is set aside: 香菇 and 木耳 of 新建香菇大棚 and 木耳大棚.
fn distinctions(leads: &[&str]) -> Vec<String> {
    let han: Vec<Vec<char>> = leads.iter().map(|w| w.chars().filter(|c| crate::model::is_cjk(*c)).collect()).collect();
    let shortest = han.iter().map(Vec::len).min().unwrap_or(0);
    let common =
        (0..shortest).take_while(|i| han.iter().all(|h| h[h.len() - 1 - i] == han[0][han[0].len() - 1 - i])).count();
    han.iter()
        .filter_map(|h| {
            let rest = &h[..h.len() - common];
            (rest.len() >= 2).then(|| rest[rest.len() - 2..].iter().collect())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::fired;

    #[test]
    fn parts_in_brackets_after_their_total() {
        assert_eq!(fired("全年培训农村电商学员1500人次（其中直播带货820人次、网店运营760人次）。", "BD103"), 1);
        assert_eq!(fired("全县共帮扶低收入家庭920户（种植户510户、养殖户450户）。", "BD103"), 1);
        assert_eq!(fired("新修机耕道86公里（含硬化路面91公里）。", "BD103"), 1);
        // Look-alikes: a change, another unit, parts that fit.
        assert_eq!(fired("全县共帮扶低收入家庭920户（比上年增加130户、比前年增加210户）。", "BD103"), 0);
        assert_eq!(fired("全县共帮扶低收入家庭920户（3100人）。", "BD103"), 0);
        assert_eq!(fired("全县共帮扶低收入家庭920户（种植户510户、养殖户410户）。", "BD103"), 0);
    }

    #[test]
    fn parts_under_a_cut_after_their_total() {
        let text = |x: &str| format!("全区转移就业3.2万人。从务工地点看，区内就业1.5万人，区外就业{x}万人。");
        assert_eq!(fired(&text("1.9"), "BD103"), 1);
        assert_eq!(fired(&text("1.7"), "BD103"), 0);
        assert_eq!(fired("村集体经济收入820万元。分来源看，租赁收入460万元，入股分红410万元。", "BD103"), 1);
        // Parts of one cut never overlap, though their words name other cuts.
        let sectors = "帮扶资金5000万元。分产业看，种植业2100万元，农产品加工业1800万元，乡村旅游1300万元。";
        assert_eq!(fired(sectors, "BD103"), 1);
        assert_eq!(
            fired("全年接待游客90万人次。按季度分，一季度31万人次，二季度28万人次，三季度35万人次。", "BD103"),
            1
        );
        // Two totals before the cut: which one is split is a guess.
        let two = "村集体经济收入820万元，支出310万元。分来源看，租赁收入460万元，入股分红410万元。";
        assert_eq!(fired(two, "BD103"), 0);
    }

    #[test]
    fn items_under_ordinals() {
        let text = |x: &str| {
            format!(
                "全年统筹衔接资金3400万元，重点投向三个方面：一是产业发展1800万元，二是基础设施{x}万元，三是公益岗位500万元。"
            )
        };
        assert_eq!(fired(&text("1300"), "BD103"), 1);
        assert_eq!(fired(&text("1100"), "BD103"), 0);
        assert_eq!(fired("共排查隐患290处，一是道路210处，二是桥梁95处。", "BD103"), 1);
        // Two amounts before 一是: the total is a guess.
        let two = "投入资金3400万元、撬动社会资本5200万元，一是产业发展1800万元，二是基础设施1700万元。";
        assert_eq!(fired(two, "BD103"), 0);
    }

    #[test]
    fn items_in_paragraphs_of_their_own() {
        let text = |x: &str| {
            format!(
                "全年发放稳岗补贴960万元。\n\n一是吸纳就业补贴。惠及企业120家，发放补贴410万元。\n\n二是社保补贴。发放{x}万元。\n\n三是培训补贴。向培训机构发放220万元。"
            )
        };
        assert_eq!(fired(&text("380"), "BD103"), 1);
        assert_eq!(fired(&text("330"), "BD103"), 0);
        assert_eq!(
            fired("今年新建村级服务站86个。\n一是电商服务站，建成48个。\n二是快递服务站，建成45个。", "BD103"),
            1
        );
        assert_eq!(fired("全县改造危房1200户。\n一是整体重建，完成700户。\n二是加固维修，完成560户。", "BD103"), 1);
        // Look-alike: two amounts of the family in the paragraph before.
        let two = "今年新建村级服务站86个、改造文化站40个。\n一是电商服务站，建成48个。\n二是快递服务站，建成45个。";
        assert_eq!(fired(two, "BD103"), 0);
    }

    #[test]
    fn a_total_of_the_period_its_parts_open_with() {
        let s = "上半年，全县输送务工人员：1至2月1300人，3月950人，4至6月1600人。上半年累计输送3700人。";
        assert_eq!(fired(s, "BD103"), 1);
        let s = "今年1至4月，全县新增市场主体：1月320户，2月280户，3至4月690户。1至4月累计新增1210户。";
        assert_eq!(fired(s, "BD103"), 1);
        assert_eq!(fired("2023年，全镇发放补贴：春耕前86万元，夏收后64万元。2023年累计发放140万元。", "BD103"), 1);
        // Look-alikes: a sum to date from another start, and a total that fits.
        let s = "上半年，全县输送务工人员：1至2月1300人，3月950人，4至6月1600人。五年来累计输送3700人。";
        assert_eq!(fired(s, "BD103"), 0);
        assert_eq!(fired("2023年，全镇发放补贴：春耕前86万元，夏收后54万元。2023年累计发放140万元。", "BD103"), 0);
    }

    #[test]
    fn a_total_in_the_sentence_after_its_parts() {
        assert_eq!(fired("新建香菇大棚140个、木耳大棚95个。全镇共建成食用菌大棚220个。", "BD103"), 1);
        assert_eq!(fired("全乡种植玉米5200亩、大豆3100亩、马铃薯900亩。全乡粮食作物合计8800亩。", "BD103"), 1);
        assert_eq!(fired("向企业输送技工310人、普工480人。以上共计输送760人。", "BD103"), 1);
        // A total of one part, and a total that fits.
        assert_eq!(fired("新建香菇大棚140个、木耳大棚95个。全县共建成香菇大棚120个。", "BD103"), 0);
        assert_eq!(fired("新建香菇大棚140个、木耳大棚95个。全镇共建成食用菌大棚260个。", "BD103"), 0);
        assert_eq!(fired("新建香菇大棚140个、木耳大棚95个。共同建设示范基地2个。", "BD103"), 0);
        assert_eq!(fired("新建香菇大棚140个、木耳大棚95个。与邻县共建示范基地2个。", "BD103"), 0);
    }
}
