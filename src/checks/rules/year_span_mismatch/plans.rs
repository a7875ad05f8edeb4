//! A five-year plan against the years given for it (part of BD108).
//!
//! The national five-year plans run on a fixed calendar: the eleventh (十一五)
//! 2006–2010, and each after it the next five years (十三五 2016–2020, 十四五
//! 2021–2025). Years given for a plan in brackets beside its short name are
//! those years: “十三五”期间（2016—2020年）, 十四五规划（2021—2025年）; its
//! first or last N years (前三年, 后两年) start with its first year or end
//! with its last, and are at most five. An error: the plan's years are facts.
//!
//! Left alone: plans numbered in full (第七个五年规划 may be a sector's plan,
//! as the seventh 普法 plan runs 2016–2020), plans before the eleventh (十五
//! is also the number fifteen), a plan with no years beside it.

use super::super::super::{Diagnostic, Finding, RelatedRole, SectionView};
use super::{YearSpanMismatch, whole_years};
use crate::checks::lexicon::numerals::PLAN_WORDS_AFTER;
use crate::figures::{Figure, Kind};

/// The first and last years of the national five-year plan numbered `n`,
/// from the eleventh on (十一五 = 2006–2010).
pub(super) fn plan_years(n: u32) -> (i32, i32) {
    let first = 2006 + 5 * (n as i32 - 11);
    (first, first + 4)
}

/// The number of the plan whose short name starts at byte `i` (十三五 → 13), and where the name ends.
fn plan_at(body: &str, i: usize) -> Option<(u32, usize)> {
    let rest = &body[i..];
    let mut chars = rest.chars();
    let (Some('十'), Some(d), Some('五')) = (chars.next(), chars.next(), chars.next()) else { return None };
    let ones = "一二三四五六七八九".chars().position(|c| c == d)? as u32 + 1;
    let before = body[..i].chars().next_back();
    // 二十三五… or 第十三五: part of another numeral.
    if before.is_some_and(|c| "一二三四五六七八九十百第".contains(c)) {
        return None;
    }
    Some((10 + ones, i + '十'.len_utf8() + d.len_utf8() + '五'.len_utf8()))
}

/// A span of years (2016—2020年) starting within a few characters of byte `at`.
fn range_near<'a>(s: &'a SectionView, at: usize) -> Option<&'a Figure> {
    let f = s.figures.iter().find(|f| f.span.start >= at)?;
    let between = &s.body[at..f.span.start];
    let near = between.chars().count() <= 4 && !between.contains(['，', '。', '；', '、']);
    (near && f.kind == Kind::Date && f.value_max.is_some()).then_some(f)
}

pub(super) fn check(rule: &YearSpanMismatch, s: &SectionView, out: &mut Vec<Diagnostic>) {
    // 十 searched for as a whole character: its last byte alone ends many characters.
    static TEN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("十"));
    for i in TEN.find_iter(s.body.as_bytes()) {
        let Some((n, end)) = plan_at(s.body, i) else { continue };
        let (first, last) = plan_years(n);
        let after = s.body[end..].trim_start_matches(['”', '’', '"', '」']);
        let at = s.body.len() - after.len();
        let word = PLAN_WORDS_AFTER.iter().find(|w| after.starts_with(**w)).copied();
        if !(word.is_some() || after.starts_with(['（', '('])) {
            continue;
        }
        let plan = &s.body[i..end];
        // 前三年, 后两年: a part of the plan, at most five years, at its start or end.
        if let Some(side @ ("前" | "后")) = word {
            let Some(part) = s.figures.iter().find(|f| f.span.start == at + side.len()) else { continue };
            let Some(m) = whole_years(part) else { continue };
            let Some(range) = range_near(s, part.span.end) else { continue };
            let (lo, hi) = (range.value as i32, range.value_max.unwrap_or(range.value) as i32);
            let (want_lo, want_hi) =
                if side == "前" { (first, first + m as i32 - 1) } else { (last - m as i32 + 1, last) };
            let anchored = if side == "前" { lo == first } else { hi == last };
            if m <= 5 && anchored {
                continue;
            }
            let finding = Finding::PlanYears {
                plan: plan.to_string(),
                part: format!("{side}{}", s.text(part)),
                years: format!("{want_lo}—{want_hi}年"),
                stated: s.text(range).to_string(),
            };
            out.push(Diagnostic::new(rule, s.id, range.span.clone(), finding).related(
                s.id,
                part.span.clone(),
                RelatedRole::Years,
                s.text(part),
            ));
            continue;
        }
        let from = at + word.filter(|w| matches!(*w, "期间" | "时期" | "规划")).map_or(0, str::len);
        let Some(range) = range_near(s, from) else { continue };
        let (lo, hi) = (range.value as i32, range.value_max.unwrap_or(range.value) as i32);
        if (lo, hi) == (first, last) {
            continue;
        }
        let finding = Finding::PlanYears {
            plan: plan.to_string(),
            part: String::new(),
            years: format!("{first}—{last}年"),
            stated: s.text(range).to_string(),
        };
        out.push(Diagnostic::new(rule, s.id, range.span.clone(), finding));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::bd108;

    #[test]
    fn a_five_year_plan_has_its_years() {
        assert_eq!(super::plan_years(13), (2016, 2020));
        assert_eq!(super::plan_years(14), (2021, 2025));
        assert_eq!(super::plan_years(11), (2006, 2010));
        let d = bd108("“十三五”期间（2015—2020年），全县累计投入扶贫资金12亿元。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].1.contains("2016—2020年"), "{}", d[0].1);
        assert_eq!(bd108("全县编制了十四五规划（2020—2025年）。").len(), 1);
        assert_eq!(bd108("“十三五”前三年（2017—2019年），全县新建公路86公里。").len(), 1);
        assert_eq!(bd108("“十四五”后两年（2023—2024年），全县计划新建公路40公里。").len(), 1);
        for clean in [
            "“十三五”期间（2016—2020年），全县累计投入扶贫资金12亿元。",
            "“十三五”前三年（2016—2018年），全县新建公路86公里。",
            "“十四五”后两年（2024—2025年），全县计划新建公路40公里。",
            "开展第七个五年规划（2016—2020年）普法教育。",
            "“十三五”以来，全县新建公路86公里。",
        ] {
            assert!(bd108(clean).is_empty(), "{clean}: {:?}", bd108(clean));
        }
    }
}
