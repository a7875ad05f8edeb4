//! When, how sure, and where a claim speaks: its time scope (a year, a
//! period, a cumulative total), its modality (actual, target, forecast) and
//! the place or group it is about, read from the words before it in its
//! sentence, from the opening of its paragraph, and from section titles.

use crate::figures::Figure;

/// The part of a year, or the stretch of years, a claim covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Period {
    /// Nothing said: the whole of its year, as a brief reads.
    #[default]
    Whole,
    /// Months a to b of the year (上半年 1–6, 一季度 1–3, 1至9月, 截至9月底).
    Months(u8, u8),
    /// Since the start of the year, to the report date (今年以来).
    ToDate,
    /// A cumulative total, since a year when one is named (2016年以来累计).
    Since(Option<i32>),
    /// Per year on average (年均).
    AnnualAverage,
    /// Over the past n years (近五年, 五年来).
    Past(u8),
    /// Over a stretch of named years (2021年至2023年), both ends included.
    Years(i32, i32),
}

/// When a claim speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Time {
    pub year: Option<i32>,
    /// A year named relative to the report: 今年 0, 去年 −1, 明年 +1.
    pub relative: Option<i8>,
    pub period: Period,
}

impl Time {
    /// Whether two times can be the same: named years agree, and so do periods.
    /// A named year and a relative one cannot be told apart: not compatible.
    pub fn agrees(&self, other: &Time) -> bool {
        if self.period != other.period {
            // 三年来 in one place and 2018年至2020年 in the other: one stretch of years, said two ways.
            if let (Period::Past(n), Period::Years(a, b)) | (Period::Years(a, b), Period::Past(n)) =
                (self.period, other.period)
            {
                return i32::from(n) == b - a + 1;
            }
            // 今年以来 in one place and nothing said in the other: a brief's figures
            // speak of its own year to date unless they say otherwise.
            let silent = |t: &Time| t.year.is_none() && t.relative.is_none() && t.period == Period::Whole;
            let to_date =
                |t: &Time| t.period == Period::ToDate && t.year.is_none() && t.relative.is_none_or(|r| r == 0);
            return (to_date(self) && silent(other)) || (silent(self) && to_date(other));
        }
        match (self.year, other.year, self.relative, other.relative) {
            (Some(a), Some(b), _, _) => a == b,
            (_, _, Some(a), Some(b)) => a == b,
            (Some(_), None, None, Some(_)) | (None, Some(_), Some(_), None) => false,
            _ => true,
        }
    }
}

/// How sure a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Modality {
    #[default]
    Actual,
    /// 力争, 目标, 计划, 确保, 到2025年 …
    Target,
    /// 预计, 有望 …
    Forecast,
    /// A rule of a policy or a price list: 对…的，给予企业50万元奖励; 5.95元/吨.
    /// It holds under its condition, not as a fact of the brief.
    Standard,
}

/// The place a claim is about, where the text names one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Place {
    #[default]
    Unnamed,
    /// 全县, 市总工会: the whole unit at a level (县).
    Whole(char),
    /// 柘水县: a named place at a level.
    Named(String, char),
}

impl Place {
    /// Whether two places can be the same: levels agree, and names where both are named.
    pub fn agrees(&self, other: &Place) -> bool {
        match (self, other) {
            (Place::Unnamed, _) | (_, Place::Unnamed) => true,
            (Place::Whole(a), Place::Whole(b)) => a == b,
            (Place::Whole(a), Place::Named(_, b)) | (Place::Named(_, b), Place::Whole(a)) => a == b,
            (Place::Named(a, _), Place::Named(b, _)) => a == b,
        }
    }
}

pub(super) const TARGET_WORDS: &[&str] =
    &["力争", "争取", "目标", "确保", "计划", "拟", "预期", "力求", "规划", "任务是", "要求", "将达到", "将实现"];
pub(super) const FORECAST_WORDS: &[&str] = &["预计", "预测", "估计", "有望", "可望", "可达", "可实现"];

/// Words in a section title that make its figures plans (2019年工作安排, 下一步打算).
const PLAN_TITLES: &[&str] =
    &["安排", "计划", "打算", "下一步", "目标", "任务", "展望", "设想", "思路", "建议", "方向"];

/// Months of a period word.
pub(super) const PERIODS: &[(&str, u8, u8)] = &[
    ("前三季度", 1, 9),
    ("上半年", 1, 6),
    ("下半年", 7, 12),
    ("第一季度", 1, 3),
    ("第二季度", 4, 6),
    ("第三季度", 7, 9),
    ("第四季度", 10, 12),
    ("一季度", 1, 3),
    ("二季度", 4, 6),
    ("三季度", 7, 9),
    ("四季度", 10, 12),
];

/// Years named relative to the report: 今年 0, 去年 −1, 明年 +1.
pub(super) const RELATIVE_YEARS: &[(&str, i8)] =
    &[("今年", 0), ("本年", 0), ("当年", 0), ("去年", -1), ("上年", -1), ("明年", 1), ("下一年", 1)];

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether a time word at byte `at` of `text` is a base of comparison (比上年, 较去年, 同比), not the claim's time.
pub(super) fn compared(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(['“', '"']);
    ["比", "较", "同", "与", "和", "于"].iter().any(|w| before.ends_with(w))
}

/// The time the dates before the claim give: the last year named, and its
/// month or period. `text` is the sentence up to the claim, at `offset` in its body.
pub(super) fn time_from_dates(text: &str, offset: usize, dates: &[&Figure]) -> Time {
    let mut t = Time::default();
    // Dates before the claim: the last year named, and its month or period.
    for d in dates {
        let Some(parts) = &d.date else { continue };
        if d.span.start < offset || d.span.end > offset + text.len() {
            continue;
        }
        let local = d.span.start - offset;
        if compared(text, local) {
            continue;
        }
        if let Some(y) = parts.year {
            t.year = Some(y);
            t.period = match d.value_max {
                Some(hi) if parts.month.is_none() && hi >= y as f64 => Period::Years(y, hi as i32),
                _ => Period::Whole,
            };
        }
        if let Some(p) = parts.period
            && let Some((_, a, b)) = PERIODS.iter().find(|(w, _, _)| *w == p)
        {
            t.period = Period::Months(*a, *b);
        }
        if let Some(m) = parts.month {
            let m = m as u8;
            // 1至9月 and 截至9月底 both cover January to September; 10月 is October.
            let to_date = text[..local].ends_with("截至") || text[..local].ends_with("截止");
            t.period = match d.value_max {
                Some(hi) => Period::Months(m, hi as u8),
                None if to_date => Period::Months(1, m),
                None => Period::Months(m, m),
            };
        }
        let after = &text[(d.span.end - offset).min(text.len())..];
        if after.starts_with("以来") || after.starts_with("年以来") {
            t.period = Period::Since(parts.year);
        }
    }
    t
}

/// The time said in `text` (a sentence up to the claim), using the dates among
/// `dates`. 累计 and 年均 speak for their own clause only: `clause` is where the
/// claim's clause starts in `text`.
pub fn time_in(text: &str, offset: usize, dates: &[&Figure]) -> Time {
    time_in_clause(text, offset, dates, 0)
}

pub fn time_in_clause(text: &str, offset: usize, dates: &[&Figure], clause: usize) -> Time {
    let clause_text = text.get(clause..).unwrap_or(text);
    let mut t = time_from_dates(text, offset, dates);
    // Every period word holds 季度 or 半年, and every relative year 年: a text
    // without them holds none of those words, and the searches are skipped.
    let periods = if text.contains("季度") || text.contains("半年") { PERIODS } else { &[] };
    let relative = if text.contains('年') { RELATIVE_YEARS } else { &[] };
    for (w, a, b) in periods {
        if let Some(i) = text.rfind(w)
            && !compared(text, i)
        {
            t.period = Period::Months(*a, *b);
        }
    }
    for (w, rel) in relative {
        if let Some(i) = text.rfind(w)
            && !compared(text, i)
        {
            t.relative = Some(*rel);
        }
    }
    if text.contains("以来") && !matches!(t.period, Period::Since(_)) {
        t.period = Period::Since(None);
    }
    if text.contains("今年以来") || text.contains("截至目前") {
        t.period = Period::ToDate;
    }
    if clause_text.contains("累计") && !matches!(t.period, Period::Since(_) | Period::Years(..)) {
        t.period = Period::Since(None);
    }
    if clause_text.contains("年均") {
        t.period = Period::AnnualAverage;
    }
    if let Some(n) = past_years(text) {
        t.period = Period::Past(n);
    }
    if let Some(plan) = plans(text).into_iter().rev().find(|(_, _, base)| !base).map(|(_, t, _)| t) {
        t.year = plan.year;
        t.period = plan.period;
    }
    t
}

/// The five-year plans named in `text` (“十三五”, 十二五时期, “十四五”末), each with
/// where its words end and the years it means: from the sixth plan on, the
/// Nth runs from 1981 + 5(N − 6) for five years (十三五: 2016–2020). Its end
/// (“十二五”末) is its last year alone. 十五 alone is the number fifteen and is
/// not read.
/// The third of each is whether the plan is a base of comparison (比“十二五”末).
pub fn plans(text: &str) -> Vec<(usize, Time, bool)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('十') {
        let rest = &text[i + '十'.len_utf8()..];
        let mut cs = rest.chars();
        let n = match cs.next() {
            Some('一') => 11,
            Some('二') => 12,
            Some('三') => 13,
            Some('四') => 14,
            Some('五') if cs.clone().next() == Some('五') => 15,
            _ => continue,
        };
        if cs.next() != Some('五') {
            continue;
        }
        let mut end = i + '十'.len_utf8() * 3;
        // 十三五 inside a longer numeral (二十三五) is no plan.
        if text[..i].chars().next_back().is_some_and(|c| "一二三四五六七八九十百千万零〇两".contains(c))
        {
            continue;
        }
        let start_year = 1981 + 5 * (n - 6);
        let after = text[end..].trim_start_matches(['”', '"', '’']);
        end = text.len() - after.len();
        let time = if after.starts_with('末') {
            end += '末'.len_utf8();
            Time { year: Some(start_year + 4), relative: None, period: Period::Whole }
        } else {
            Time { year: Some(start_year), relative: None, period: Period::Years(start_year, start_year + 4) }
        };
        out.push((end, time, compared(text, i)));
    }
    out
}

/// A stretch of past years named in `text`: 五年来, 过去五年, 近三年, 这五年, “十二五”时期.
pub fn past_years(text: &str) -> Option<u8> {
    past_year_match(text).map(|(_, n)| n)
}

/// The first stretch of past years `text` names, and the byte offset by which
/// the words that say so have been read (so that a reader of a longer text can
/// tell whether a prefix says it too).
pub(super) fn past_year_match(text: &str) -> Option<(usize, u8)> {
    let value = |c: char| match c {
        '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '十' => Some(10),
        _ => None,
    };
    // One pass over the 年 of the text: the numeral before it, and what stands around.
    // 年 is E5 B9 B4: its last byte found with memchr (a searcher costs more to set up
    // than these short texts take to read), the two before it checked.
    let bytes = text.as_bytes();
    let years = memchr::memchr_iter(0xB4, bytes).filter(|&j| j >= 2 && bytes[j - 2] == 0xE5 && bytes[j - 1] == 0xB9);
    for i in years.map(|j| j - 2) {
        let before = &text[..i];
        let Some(n) = before.chars().next_back() else { continue };
        let Some(v) = value(n) else { continue };
        let pre = &before[..before.len() - n.len_utf8()];
        // 二十年, 十五年: a longer numeral, not this one.
        if pre.chars().next_back().is_some_and(|c| "一二三四五六七八九十两百".contains(c)) {
            continue;
        }
        let year_end = i + '年'.len_utf8();
        let after = &text[year_end..];
        // 过去五年, 近五年, 这五年: said before the 年.
        if pre.ends_with("过去") || pre.ends_with('近') || pre.ends_with('这') {
            return Some((year_end, v));
        }
        // 五年来, 五年间, 五年累计.
        let word = ["来", "间", "中", "共", "累计"].iter().find(|w| after.starts_with(**w));
        // A clause that opens with 五年 (五年新增就业3.25万人).
        let next = after.chars().next();
        let opening = pre.chars().next_back().is_none_or(|c| "，。；：、".contains(c))
            && next.is_some_and(|c| !"级代度前后底末初内以".contains(c));
        let read = match (word, opening) {
            (_, true) => next.map(|c| year_end + c.len_utf8()),
            (Some(w), false) => Some(year_end + w.len()),
            (None, false) => None,
        };
        if let Some(read) = read {
            return Some((read, v));
        }
    }
    None
}

/// Whether nothing but a time stands in a clause (2020年， 今年以来，): it then
/// sets the time of its paragraph.
pub fn is_time_clause(clause: &str) -> bool {
    let c = clause.trim_matches(|ch: char| !is_han(ch) && !ch.is_ascii_digit());
    let c = ["截至", "截止", "截止到", "到", "自", "从"].iter().find_map(|w| c.strip_prefix(w)).unwrap_or(c);
    #[rustfmt::skip]
    let rest = c.trim_start_matches(|ch: char| {
        ch.is_ascii_digit() || matches!(ch,
            '年' | '月' | '日' | '底' | '末' | '初' | '上' | '下' | '半' | '季' | '度' | '前' | '后' | '以' | '来' |
            '今' | '去' | '明' | '当' | '全' | '本' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' |
            '十' | '两' | '过' | '近' | '间' | '中' | '“' | '”'
        )
    });
    // The short test first: twelve characters are at most 48 bytes.
    !c.is_empty() && rest.is_empty() || c.len() <= 48 && c.chars().count() <= 12 && past_years(c).is_some()
}

/// The modality said in `text` (a sentence up to the claim).
pub fn modality_in(text: &str) -> Option<Modality> {
    let target = TARGET_WORDS.iter().filter_map(|w| text.rfind(w)).max();
    let forecast = FORECAST_WORDS.iter().filter_map(|w| text.rfind(w)).max();
    // 到2025年: a year ahead named with 到.
    let ahead = year_ahead(text).map(|(i, _)| i);
    let target = target.max(ahead);
    match (target, forecast) {
        (None, None) => None,
        (Some(a), Some(b)) if b > a => Some(Modality::Forecast),
        (Some(_), _) => Some(Modality::Target),
        (None, Some(_)) => Some(Modality::Forecast),
    }
}

/// The first 到20…年 of `text` that names a year ahead (计划到2025年): where 到
/// stands and where its 年 ends. Not the end of a stretch: 到 after a verb of
/// change (增加到2021年的…), after a year (2016年到2020年), or in a clause that
/// opened it with 从 or 由.
pub(super) fn year_ahead(text: &str) -> Option<(usize, usize)> {
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("到20"));
    FINDER.find_iter(text.as_bytes()).find_map(|i| {
        let digits = i + "到".len();
        let (j, c) = text[digits..].char_indices().nth(4)?;
        if c != '年' {
            return None;
        }
        let before = &text[..i];
        let after_change = before.chars().next_back().is_some_and(|p| "增加长高升降减少低大小年".contains(p));
        let clause = before.rsplit(['，', '；', '。', ',', ';']).next().unwrap_or(before);
        let spanned = clause.contains(['从', '由']);
        (!after_change && !spanned).then_some((i, digits + j + c.len_utf8()))
    })
}

/// Words of a capacity: the figure after them is what can be, not what was.
pub(super) const CAPACITY_WORDS: &[&str] = &["可满足", "可容纳", "设计", "能力", "可供"];

/// Words of a policy's benefit: the figure after them is a standard.
pub(super) const BENEFIT_WORDS: &[&str] =
    &["给予", "奖励", "补贴", "补助", "资助", "奖补", "收取", "收费", "价格", "标准"];

/// Whether a claim states a rule rather than a fact: a benefit under a
/// condition (对在主板上市企业，给予企业500万元奖励; 达到50万元以上，给予20万元),
/// or a price per unit (5.95元/吨, 28元/平方米).
pub fn is_standard(sentence_before: &str, after: &str) -> bool {
    if after.starts_with('/') || after.starts_with('／') {
        return true;
    }
    // A capacity, not an output: 可满足年旅客吞吐量19.4万人次, 日加工能力200吨.
    let clause = sentence_before.rsplit(['，', '；']).next().unwrap_or("");
    if CAPACITY_WORDS.iter().any(|w| clause.match_indices(w).any(|(i, _)| is_capacity_at(clause, i, w))) {
        return true;
    }
    let next: String = after.chars().take(8).collect();
    let benefit = BENEFIT_WORDS.iter().any(|w| sentence_before.contains(w) || next.contains(w));
    let start = sentence_before.trim_start();
    let conditional = CONDITIONAL_OPENERS.iter().any(|w| start.starts_with(w))
        || CONDITIONAL_WORDS.iter().any(|w| sentence_before.contains(w));
    benefit && conditional
}

/// Whether the capacity word `w` at byte `at` of `text` speaks of a capacity: 能力
/// after 劳动, 自理, 生活 or 行为 is what a person can do (有劳动能力的8200人), a group, not
/// a capacity.
pub(super) fn is_capacity_at(text: &str, at: usize, w: &str) -> bool {
    w != "能力" || !["劳动", "自理", "生活", "行为"].iter().any(|p| text[..at].ends_with(p))
}

/// Words a sentence of a condition opens with (对在主板上市企业，…).
pub(super) const CONDITIONAL_OPENERS: &[&str] = &["对", "凡", "按照", "符合", "对于", "鼓励"];
/// Words that end a condition (达到50万元以上的，…).
pub(super) const CONDITIONAL_WORDS: &[&str] = &["的，", "以上，", "以上的"];

/// Words in a section title that make it a review of past work (2019年工作回顾,
/// “十三五”时期发展成就).
const REVIEW_TITLES: &[&str] = &["回顾", "总结", "成就", "成绩"];

/// The last year a review title speaks of (2019年工作回顾: 2019; “十三五”时期经济
/// 社会发展回顾: 2020), as `Some(None)` when it names no year (过去五年工作回顾),
/// and `None` when the title is no review.
pub fn reviewed_until(title: &str) -> Option<Option<i32>> {
    if !REVIEW_TITLES.iter().any(|w| title.contains(w)) {
        return None;
    }
    let named = crate::figures::extract(title).into_iter().filter_map(|f| f.date.and_then(|d| d.year));
    let plan_ends = plans(title).into_iter().filter_map(|(_, t, _)| match t.period {
        Period::Years(_, b) => Some(b),
        _ => t.year,
    });
    Some(named.chain(plan_ends).max())
}

/// The year whose work a title names, when it names nothing else: 2021年重点工作,
/// 2020年主要工作, 2020年工作 (a year, then at most 重点, 主要 or 下半年 and
/// 工作). After a review of earlier years (see [`reviewed_until`]), it is the
/// plan of that year: a government work report reviews last year, then says
/// what this year's work will be. A title with a word of review (2019年工作回顾)
/// or anything more (2020年工作开展情况) names no plan.
pub fn year_of_work(title: &str) -> Option<i32> {
    let at = title.find(|c: char| c.is_ascii_digit())?;
    let dates = crate::figures::extract(&title[at..]);
    let first = dates.first().filter(|f| f.kind == crate::figures::Kind::Date && f.span.start == 0)?;
    let rest = &title[at + first.span.end..];
    let rest = ["重点", "主要", "下半年", "上半年"].iter().fold(rest, |r, w| r.strip_prefix(w).unwrap_or(r));
    (rest.trim_end_matches(['。', ' ']) == "工作").then_some(())?;
    first.date.as_ref().and_then(|d| d.year)
}

/// The modality a section title gives its figures.
pub fn title_modality(title: &str) -> Option<Modality> {
    // The words as a set, built once: a title is read once, not once per word.
    static WORDS: std::sync::LazyLock<crate::figures::WordSet> =
        std::sync::LazyLock::new(|| crate::figures::WordSet::new(PLAN_TITLES));
    WORDS.is_match(title).then_some(Modality::Target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_of_work_after_a_review_is_a_plan() {
        assert_eq!(reviewed_until("一、2022年工作回顾"), Some(Some(2022)));
        assert_eq!(reviewed_until("一、“十三五”时期发展回顾"), Some(Some(2020)));
        assert_eq!(reviewed_until("一、过去五年工作回顾"), Some(None));
        assert_eq!(reviewed_until("二、2023年重点工作"), None);
        assert_eq!(year_of_work("三、2023年重点工作"), Some(2023));
        assert_eq!(year_of_work("二、2024年工作"), Some(2024));
        assert_eq!(year_of_work("三、2021年下半年重点工作"), Some(2021));
        // Clean look-alikes: a review, and a year's work said with more.
        assert_eq!(year_of_work("一、2022年工作回顾"), None);
        assert_eq!(year_of_work("二、2022年工作开展情况"), None);
    }

    #[test]
    fn year_to_date_meets_a_figure_that_says_no_time() {
        let silent = Time::default();
        let to_date = Time { year: None, relative: Some(0), period: Period::ToDate };
        assert!(to_date.agrees(&silent) && silent.agrees(&to_date));
        // A named part of the year is another figure.
        let first_half = Time { period: Period::Months(1, 6), ..Time::default() };
        assert!(!to_date.agrees(&first_half));
        // So is a cumulative total, or last year's year to date.
        assert!(!Time { period: Period::Since(None), ..Time::default() }.agrees(&to_date));
        let last_year = Time { year: None, relative: Some(-1), period: Period::ToDate };
        assert!(!last_year.agrees(&silent));
        // Three years back and three named years are one stretch; four named years are another.
        let past_three = Time { period: Period::Past(3), ..Time::default() };
        let named = |a, b| Time { year: Some(a), relative: None, period: Period::Years(a, b) };
        assert!(past_three.agrees(&named(2018, 2020)) && named(2018, 2020).agrees(&past_three));
        assert!(!past_three.agrees(&named(2017, 2020)));
    }

    #[test]
    fn an_ability_to_work_is_no_capacity() {
        // 有劳动能力的8200人 is a group of people; 日加工能力200吨 a capacity.
        assert!(!is_standard("建档立卡贫困户中有劳动能力的", "人，已就业"));
        assert!(!is_standard("无生活自理能力的", "人"));
        assert!(is_standard("新建加工厂，日加工能力", "吨"));
    }

    #[test]
    fn past_years_read_the_numeral_before_each_year() {
        assert_eq!(past_years("五年来，全县累计投入"), Some(5));
        assert_eq!(past_years("过去五年"), Some(5));
        assert_eq!(past_years("2020年，近三年"), Some(3));
        assert_eq!(past_years("，两年间"), Some(2));
        assert_eq!(past_years("二十年来"), None);
        assert_eq!(past_years("2020年以来"), None);
        assert_eq!(past_years("全区五年级学生"), None);
    }

    #[test]
    fn period_words_hold_what_their_search_is_skipped_without() {
        // time_in_clause skips the period words where 季度 and 半年 are not found, and the relative years where 年 is not.
        assert!(PERIODS.iter().all(|(w, _, _)| w.contains("季度") || w.contains("半年")));
        assert!(RELATIVE_YEARS.iter().all(|(w, _)| w.contains('年')));
    }

    #[test]
    fn modalities() {
        assert_eq!(modality_in("下一步，力争2021年全市工会系统消费扶贫规模突破"), Some(Modality::Target));
        assert_eq!(modality_in("截至9月底，全市已采购扶贫产品980万元，预计全年可突破"), Some(Modality::Forecast));
        assert_eq!(modality_in("计划到2025年，全县农村居民人均可支配收入达到"), Some(Modality::Target));
        assert_eq!(modality_in("全年培训贫困劳动力"), None);
        // The end of a stretch of years is no target.
        assert_eq!(modality_in("人均可支配收入由2016年的8920元增加到2021年的"), None);
        assert_eq!(modality_in("从2016年到2020年，全县累计减贫"), None);
        assert_eq!(modality_in("2016年到2020年，全县累计减贫"), None);
        assert_eq!(modality_in("全县贫困人口减少到2020年底的"), None);
    }

    #[test]
    fn time_clauses() {
        assert!(is_time_clause("2020年"));
        assert!(is_time_clause("今年以来"));
        assert!(!is_time_clause("2020年全县"));
    }
}
