//! A review's stretch against the years of its comparisons (part of BD108).
//!
//! A paragraph that looks back over a stretch of years (五年来, 这五年, 过去五年,
//! 经过七年努力) states its results as comparisons of the stretch's first year
//! with its last: 由2010年的162.4亿元增加到2015年的287.9亿元, 从2017年的3.06万亿元
//! 增长到2022年的4.2万亿元, 2005年与2000年相比. The comparison that reaches the
//! paragraph's latest year (in a text that dates itself, the report's year or
//! the one before) spans the stretch: its years are N apart, or N counted
//! with both ends (由2011年…到2015年 for 五年来). A warning: it rests on reading
//! the comparison as the review's.
//!
//! Left alone: a comparison inside the stretch (由2018年…到2019年 where 2020 is
//! named later in the paragraph), a comparison before the stretch is named,
//! a comparison that ends before the report's last year, a paragraph with no
//! stretch.

use chrono::Datelike;

use super::super::super::context::lines;
use super::super::super::{Context, Diagnostic, Finding, RelatedRole, SectionView};
use super::{YearSpanMismatch, ends_with_any, figures_in, whole_years, year_of};
use crate::checks::lexicon::numerals::{
    COMPARED_END, COMPARED_WITH, COMPARISON_FROM, COMPARISON_TO, REVIEW_SPAN_AFTER, REVIEW_SPAN_BEFORE,
};
use crate::figures::{Figure, is_space};
use crate::model::Severity;

/// Two years a comparison runs from and to, with the figures that name them.
struct Comparison<'a> {
    from: i32,
    to: i32,
    first: &'a Figure,
    last: &'a Figure,
}

/// A stretch a review looks back over, as written (五年来, 这五年), with its length.
fn stretch(s: &SectionView, f: &Figure) -> Option<(i64, String)> {
    let n = whole_years(f).filter(|n| (2..=50).contains(n))?;
    let before = s.body[..f.span.start].trim_end_matches(is_space);
    let text = s.text(f);
    if let Some(w) = REVIEW_SPAN_BEFORE.iter().find(|w| before.ends_with(**w)) {
        return Some((n, format!("{w}{text}")));
    }
    let after = &s.body[f.span.end..];
    REVIEW_SPAN_AFTER.iter().find(|w| after.starts_with(**w)).map(|w| (n, format!("{text}{w}")))
}

/// The farthest the second year of a comparison stands from the first, in
/// bytes (about 120 characters: 由2010年的162.4亿元增加到2015年的287.9亿元 is 34).
const MAX_COMPARISON_BYTES: usize = 360;

/// Whether the text between two figures stays in one sentence.
fn one_sentence(between: &str) -> bool {
    !between.contains(['。', '；', '！', '？', ';', '\n'])
}

/// The comparisons of two years among a paragraph's figures: 由A年…到B年
/// (从A年…增长到B年, 由A年…增至B年), and B年与A年相比 (B年比A年, B年同A年相比).
fn comparisons<'a>(s: &SectionView, figs: &'a [Figure]) -> Vec<Comparison<'a>> {
    let mut out = Vec::new();
    for (i, a) in figs.iter().enumerate() {
        let Some(from) = year_of(a) else { continue };
        let before = s.body[..a.span.start].trim_end_matches(is_space);
        if ends_with_any(before, COMPARISON_FROM) {
            // The second year follows within the clause's reach (a comparison is short),
            // so a long line with no sentence end is not read again for each year.
            let reach = a.span.end + MAX_COMPARISON_BYTES;
            let later = figs[i + 1..]
                .iter()
                .take_while(|b| b.span.start <= reach && one_sentence(&s.body[a.span.end..b.span.start]));
            let to = later.filter_map(|b| Some((year_of(b)?, b))).find(|(y, b)| {
                *y > from && ends_with_any(s.body[..b.span.start].trim_end_matches(is_space), COMPARISON_TO)
            });
            if let Some((to, last)) = to {
                out.push(Comparison { from, to, first: a, last });
            }
        }
        // 2005年与2000年相比: the later year first.
        if let Some(b) = figs.get(i + 1)
            && let Some(earlier) = year_of(b).filter(|y| *y < from)
            && COMPARED_WITH.contains(&s.body[a.span.end..b.span.start].trim_matches(is_space))
        {
            let after = s.body[b.span.end..].trim_start_matches(is_space);
            let with = s.body[a.span.end..b.span.start].trim_matches(is_space);
            if with == "比" || with == "较" || COMPARED_END.iter().any(|w| after.starts_with(w)) {
                out.push(Comparison { from: earlier, to: from, first: b, last: a });
            }
        }
    }
    out
}

pub(super) fn check(rule: &YearSpanMismatch, cx: &Context, s: &SectionView, out: &mut Vec<Diagnostic>) {
    for (at, line) in lines(s.body) {
        let figs = figures_in(s, &(at..at + line.len()));
        if figs.len() < 3 {
            continue;
        }
        let stretches: Vec<(&Figure, i64, String)> =
            figs.iter().filter_map(|f| stretch(s, f).map(|(n, w)| (f, n, w))).collect();
        if stretches.is_empty() {
            continue;
        }
        let Some(latest) = figs.iter().filter_map(year_of).max() else { continue };
        if cx.dated.is_some_and(|d| latest != d.year() && latest != d.year() - 1) {
            continue;
        }
        let review: Vec<Comparison> = comparisons(s, figs).into_iter().filter(|c| c.to == latest).collect();
        for (f, n, phrase) in stretches {
            let wrong = review.iter().filter(|c| c.first.span.start > f.span.start).find(|c| {
                let apart = i64::from(c.to - c.from);
                apart != n && apart + 1 != n
            });
            let Some(c) = wrong else { continue };
            let finding = Finding::ReviewSpan { stated: phrase, from: c.from, to: c.to };
            let mut d = Diagnostic::new(rule, s.id, f.span.clone(), finding)
                .related(s.id, c.first.span.clone(), RelatedRole::Start, s.text(c.first))
                .related(s.id, c.last.span.clone(), RelatedRole::End, s.text(c.last));
            d.severity = Severity::Warning;
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::bd108;
    use crate::model::Severity;

    #[test]
    fn a_review_stretch_spans_the_years_of_its_comparison() {
        // The test brief is dated 2024-03-15: the review's comparisons reach 2023.
        let d = bd108("五年来，全县经济稳步增长。地区生产总值由2016年的82亿元增加到2023年的131亿元。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Warning);
        assert!(d[0].1.contains("五年来") && d[0].1.contains("2016年至2023年"), "{}", d[0].1);
        assert_eq!(bd108("这五年，是全县发展最快的五年。财政收入从2020年的4亿元增长到2023年的6亿元。").len(), 1);
        assert_eq!(bd108("过去三年，全县农民收入增长较快。2023年与2018年相比，人均纯收入增长48%。").len(), 1);
        // Both ends counted, or by difference, and a comparison inside the stretch.
        for clean in [
            "五年来，全县经济稳步增长。地区生产总值由2018年的82亿元增加到2023年的131亿元。",
            "五年来，全县经济稳步增长。地区生产总值由2019年的82亿元增加到2023年的131亿元。",
            "五年来，全县经济稳步增长。工业产值由2021年的12亿元增加到2022年的15亿元，2023年达到18亿元。",
            "七年来，全县道路由2012年的120公里增加到2019年的460公里。",
        ] {
            assert!(bd108(clean).is_empty(), "{clean}: {:?}", bd108(clean));
        }
    }
}
