//! Averages (户均, 人均, 平均每场) with their total and count.

use super::*;

/// Words that make an amount an average, and the unit they divide by.
pub(super) const AVERAGE_WORDS: &[(&str, &str)] = &[
    ("户均", "户"),
    ("每户", "户"),
    ("人均", "人"),
    ("每人", "人"),
    ("每名", "人"),
    ("亩均", "亩"),
    ("每亩", "亩"),
    ("亩产", "亩"),
    ("场均", "场"),
    ("每场", "场"),
    ("村均", "个"),
    ("每村", "个"),
    ("家均", "家"),
    ("每家", "家"),
    ("每期", "期"),
    ("每所", "所"),
];

/// The first of [`AVERAGE_WORDS`] that `lead` holds, with its unit.
pub(super) fn average_unit(lead: &str) -> Option<(&'static str, &'static str)> {
    // Every word has 均, 每 or 亩: most leads have none of them, and are answered in one pass.
    if !lead.contains(['均', '每', '亩']) {
        return None;
    }
    AVERAGE_WORDS.iter().find(|(w, _)| lead.contains(w)).map(|(w, u)| (*w, *u))
}

/// Words that make an average one of income or of change, not of a total spent.
pub(super) const OTHER_MEASURES: &[&str] = &["增收", "收入", "增加", "提高", "减少", "节省", "纯收入", "可支配"];

pub(super) fn average(doc: &Doc, id: ClaimId) -> Option<Average> {
    let f = doc.figure(id);
    if f.kind != Kind::Quantity || f.unit.is_empty() {
        return None;
    }
    let clause = doc.clause_before(id);
    // The average's word and the unit its count is in (人均 → 人), or, for 平均每
    // and a noun (平均每馆, 平均每个专区), the noun's first character, which the
    // count's noun must hold (5个专馆, 42个专区).
    let (word, count_unit, noun) = match average_unit(clause) {
        Some((w, u)) => (w, Some(u), None),
        None => {
            let at = clause.find("平均每")?;
            let rest = clause[at + "平均每".len()..].trim_start_matches('个');
            let x = rest.chars().next().filter(|c| crate::model::is_cjk(*c))?;
            // 平均每月, 平均每年: an average over time, not over things counted.
            if matches!(x, '年' | '月' | '日' | '天' | '周' | '次') {
                return None;
            }
            ("平均每", None, Some(x))
        }
    };
    let word_at = clause.find(word).unwrap_or(0);
    let after_word = &clause[(word_at + word.len()).min(clause.len())..];
    // An average per month, day or week (人均月收入, 人均月补贴, 日均) is not a share of a year's total.
    let per_period =
        ["月收入", "月均", "每月", "月工资", "日均", "每日", "每天", "周均", "每周"].iter().any(|w| clause.contains(w))
            || after_word.starts_with(['月', '日', '天', '周']);
    if per_period {
        return None;
    }
    let measure = OTHER_MEASURES.iter().find(|m| after_word.contains(*m));
    // The group the average is over, where the text names it (农村居民人均纯收入,
    // 会员人均认购金额): its count must be a count of that group.
    let subject: String = clause[..word_at]
        .trim_end_matches("平均")
        .trim_end_matches('的')
        .chars()
        .rev()
        .take_while(|c| crate::model::is_cjk(*c))
        .take(6)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let subject = (subject.chars().count() >= 2).then_some(subject);
    let c = &doc.claims.all[id];
    // An average (人均可支配收入15781元, 每人每年320元) or a change is no total or count.
    let plain = |x: ClaimId| {
        let before = doc.clause_before(x);
        average_unit(before).is_none() && !before.contains("平均") && !is_change(doc, x)
    };
    let is_count_of = |x: ClaimId| {
        let counts = match (count_unit, noun) {
            (Some(u), _) => family(doc.unit(x)) == family(u),
            (None, Some(n)) => {
                is_count(doc.unit(x)) && super::breakdown::noun_after(doc, x).chars().take(4).any(|c| c == n)
            }
            (None, None) => false,
        };
        counts
            && doc.figure(x).kind == Kind::Quantity
            && plain(x)
            && subject.as_ref().is_none_or(|s| {
                let cl = &doc.claims.all[x];
                doc.body(x)[cl.clause.clone()].contains(s.as_str())
            })
    };
    let is_total_of = |x: ClaimId| {
        x != id
            && doc.claims.all[x].time.agrees(&c.time)
            && doc.unit(x) == f.unit
            && doc.figure(x).value > f.value
            && plain(x)
            && measure.is_none_or(|m| doc.clause_before(x).contains(m) || doc.lead(x).contains(m))
    };
    // Past its sentence, a total must name what is averaged (认购金额 and 认购扶贫产品总额).
    let head: String = after_word.chars().filter(|c| crate::model::is_cjk(*c)).take(2).collect();
    let names_measure =
        |x: ClaimId| head.chars().count() == 2 && doc.body(x)[doc.claims.all[x].clause.clone()].contains(head.as_str());
    let is_named_total = |x: ClaimId| is_total_of(x) && names_measure(x);
    // First the sentence, then the paragraph's earlier sentences, then the brief.
    let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
    let pick = |pool: &[ClaimId], test: &dyn Fn(ClaimId) -> bool| -> Result<Option<ClaimId>, ()> {
        let found: Vec<ClaimId> = pool.iter().copied().filter(|x| *x != id && test(*x)).collect();
        match found.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            // Several of one value (学生526人，享受资助526人): whichever it is, the
            // arithmetic is the same.
            [one, rest @ ..]
                if rest
                    .iter()
                    .all(|x| doc.figure(*x).value == doc.figure(*one).value && doc.unit(*x) == doc.unit(*one)) =>
            {
                Ok(Some(*one))
            }
            many => {
                // Several: the one whose words the average's context names (外出务工人员 → 外出务工2100人).
                let named: Vec<ClaimId> = many
                    .iter()
                    .copied()
                    .filter(|x| {
                        let m = &doc.claims.all[*x].metric;
                        m.is_specific()
                            && m.text.chars().count() >= 2
                            && doc.sentence_before(id).contains(m.text.as_str())
                    })
                    .collect();
                if let [one] = named.as_slice() { Ok(Some(*one)) } else { Err(()) }
            }
        }
    };
    // The count first; the total is another figure (10名导师每人培养3名，共30名: the
    // total is the 30, not the 10 counted).
    let mut count = pick(&sentence, &is_count_of).ok()?;
    let counted = count;
    let is_total_of = |x: ClaimId| is_total_of(x) && Some(x) != counted;
    let is_named_total = |x: ClaimId| is_named_total(x) && Some(x) != counted;
    let mut total = pick(&sentence, &is_total_of).ok()?;
    // Past the sentence only a group named by the average is looked for, and
    // then in its paragraph, else the brief (活动中，会员人均认购金额1600元 and
    // 全市1680名工会会员…认购扶贫产品总额302.4万元 in another section).
    if (total.is_none() || count.is_none()) && subject.is_some() {
        let first = doc.claims.by_section[c.section].start;
        let paragraph: Vec<ClaimId> =
            (first..id).rev().take_while(|x| doc.claims.all[*x].paragraph == c.paragraph).collect();
        // The brief: the claims whose clause names the group or the measure, from
        // an index of the clauses' character pairs; a name in hundreds of clauses
        // cannot single one out.
        let mut everywhere: Vec<ClaimId> = Vec::new();
        for key in [subject.as_deref(), Some(head.as_str())].into_iter().flatten() {
            let pair: Vec<char> = key.chars().take(2).collect();
            if let [x, y] = pair[..] {
                everywhere.extend(doc.claims_with_pair(x, y));
            }
        }
        everywhere.sort_unstable();
        everywhere.dedup();
        everywhere.retain(|x| *x != id);
        if everywhere.len() > 400 {
            everywhere.clear();
        }
        for pool in [&paragraph, &everywhere] {
            if total.is_none() {
                total = pick(pool, &is_named_total).ok()?;
            }
            if count.is_none() {
                count = pick(pool, &is_count_of).ok()?;
            }
        }
    }
    // The count said once in an opening section (内容提要: 慰问困难职工家庭860户)
    // and the total and average in the body (发放慰问金258万元，户均3200元).
    let mut elsewhere = false;
    if let (Some(t), None, Some(_)) = (total, count, count_unit)
        && !doc.in_opening(id)
        && let Some(act) = act_of(doc, t)
    {
        let pool: Vec<ClaimId> = doc
            .opening_amounts()
            .iter()
            .copied()
            .filter(|x| {
                let o = &doc.claims.all[*x];
                o.section != c.section && o.time.agrees(&c.time) && doc.body(*x)[o.clause.clone()].contains(act)
            })
            .collect();
        count = pick(&pool, &is_count_of).ok()?;
        elsewhere = count.is_some();
    }
    let (total, count) = (total?, count?);
    if total == count {
        return None;
    }
    if [total, count].iter().any(|x| doc.figure(*x).value_max.is_some()) || doc.figure(count).value <= 0.0 {
        return None;
    }
    Some(Average { average: id, total, count, count_elsewhere: elsewhere, each: false })
}

/// Words that end the name of a sum of money and say only that it is money
/// (慰问金, 补助资金, 奖励经费): what is left names the act the money is for.
const MONEY_NOUN_ENDS: &[&str] = &["资金", "经费", "金额", "金", "款", "费"];

/// The act a total of money is for, from the words right before it: 发放慰问金
/// → 慰问, 发放助学补助资金 → 补助. The two characters before a word of money
/// ([`MONEY_NOUN_ENDS`]); none where the total is not named so.
fn act_of<'a>(doc: &Doc<'a>, total: ClaimId) -> Option<&'a str> {
    if !is_money(doc.unit(total)) {
        return None;
    }
    let before = doc.clause_before(total).trim_end_matches(['为', '达', '共', '计', '约']);
    let stem = MONEY_NOUN_ENDS.iter().find_map(|w| before.strip_suffix(w))?;
    let start = stem.char_indices().rev().nth(1).map(|(i, _)| i)?;
    let act = &stem[start..];
    act.chars().all(crate::model::is_cjk).then_some(act)
}

/// Characters after 各 that make it a determiner (各级, 各类, 各地), not "each".
const NOT_EACH: &str = "级类项种地界部族方自个位有处";

/// A count of things that each get one amount (各): 42所学校各配备一套价值18万元
/// 的设备，设备总价值756万元. 各 right after the counted things and before a
/// verb shares what follows to each of them; with one item each (一套, 一台, or
/// no number), the total of what they got is the count times the amount.
///
/// Reads: a count, a noun (or none: 120户各), 各, at most fourteen characters with no number but
/// 一, then an amount of money; and in the sentence one larger amount in that
/// unit whose words say it is a total (总, 共, 合计) and that names the verb
/// after 各 or the thing given (设备 after the amount, 奖补资金 before it).
///
/// - 为15个村各安装一套价值2万元的净水设备，设备共计30万元.
/// - 8家合作社各获得奖补资金5万元，奖补资金合计40万元.
/// - 给120户各发放价值300元的慰问品，慰问品总价值3.6万元.
///
/// Left alone: 各级, 各类 (no one each), 各配备两套 (more than one item each),
/// and a total of something else (全县教育总投入820万元).
pub(super) fn each(doc: &Doc, id: ClaimId) -> Option<Average> {
    let f = doc.figure(id);
    if f.kind != Kind::Quantity || !is_money(f.unit) || f.qualifier != Qualifier::Exact {
        return None;
    }
    let c = &doc.claims.all[id];
    let sentence: Vec<ClaimId> = doc.claims.in_sentence(c.section, c.sentence).collect();
    let k = sentence.iter().position(|x| *x == id)?;
    let count = *sentence[..k].last()?;
    if !is_count(doc.unit(count))
        || doc.figure(count).kind != Kind::Quantity
        || doc.claims.all[count].clause != c.clause
    {
        return None;
    }
    let between = doc.between(count, id);
    let at = between.find('各')?;
    let (noun, rest) = (&between[..at], &between[at + '各'.len_utf8()..]);
    let noun_ok = noun.chars().count() <= 6 && noun.chars().all(crate::model::is_cjk);
    let rest_ok = rest.chars().next().is_some_and(|x| crate::model::is_cjk(x) && !NOT_EACH.contains(x))
        && rest.chars().count() <= 14
        && !rest.chars().any(|x| x.is_ascii_digit() || "二两三四五六七八九十百千万双".contains(x));
    if !(noun_ok && rest_ok) {
        return None;
    }
    let verb: String = rest.chars().take(2).collect();
    let given: Vec<char> = super::breakdown::noun_after(doc, id).chars().filter(|x| crate::model::is_cjk(*x)).collect();
    let thing: String = given[given.len().saturating_sub(2)..].iter().collect();
    // 各获得奖补资金5万元: the thing named before the amount.
    let named: Vec<char> = rest.chars().collect();
    let named: String = named[named.len().saturating_sub(2)..].iter().collect();
    let totals: Vec<ClaimId> = sentence
        .iter()
        .copied()
        .filter(|x| {
            let o = &doc.claims.all[*x];
            let clause = &doc.body(*x)[o.clause.clone()];
            *x != id
                && doc.unit(*x) == f.unit
                && doc.figure(*x).value > f.value
                && ["总", "共", "合计"].iter().any(|w| doc.lead(*x).contains(w))
                && [&verb, &thing, &named].iter().any(|w| w.chars().count() == 2 && clause.contains(w.as_str()))
        })
        .collect();
    let [total] = totals.as_slice() else { return None };
    Some(Average { average: id, total: *total, count, count_elsewhere: false, each: true })
}
