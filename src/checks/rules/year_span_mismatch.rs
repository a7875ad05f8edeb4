//! BD108: a stretch of years that does not match the years it names. Each way
//! a report states a stretch is one function, in this file or beside it:
//! - a span of years next to its length ([`adjacent`]: 2013年至2020年的8年间,
//!   三年行动计划（2018-2020）);
//! - a review's stretch against the years of its comparisons
//!   ([`review`]: 五年来 … 由2010年的…到2015年的…);
//! - 连续N年 against the years listed with it ([`consecutive`]);
//! - a stretch since a starting year against the text's own date ([`since`]:
//!   自1993年…以来，28年如一日);
//! - a five-year plan against its years ([`plans`]: “十三五”期间（2016—2020年）).

mod consecutive;
mod plans;
mod review;
mod since;

use std::ops::Range;

use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc, SectionView};
use crate::figures::{Damage, Figure, Kind, Qualifier};
use crate::model::Severity;

pub struct YearSpanMismatch;

static DOC: RuleDoc = RuleDoc {
    id: "BD108",
    name: "year-span-mismatch",
    severity: Severity::Error,
    title_zh: "年份区间与所写年数不符",
    title_en: "A year span that does not match its number of years",
    what_zh: "对“2013年至2020年的5年间”“三年行动计划（2018-2020）”一类写法，按首尾两年计算年数（含首尾），与紧挨着写出的年数比较；“连续N年”与一并列出的年份比较（2019、2020连续两年；继2018年…、2019年…之后，连续三年）；“十三五”等五年规划与所注年份比较（“十三五”期间（2016—2020年）、“十三五”前三年）。以下写法按推断报提示：“五年来”“这五年”与同段中“由2010年的…到2015年的…”“2005年与2000年相比”一类比较的起止年份比较；“自1993年…以来，28年如一日”与报告日期比较。",
    what_en: "For 2013年至2020年的5年间 or 三年行动计划（2018-2020）, counts the years of the span (both ends included) and compares with the number of years written next to it; compares 连续N年 with the years listed with it (2019、2020连续两年; 继2018年…、2019年…之后，连续三年), and a five-year plan with the years given for it (“十三五”期间（2016—2020年）, “十三五”前三年). As warnings, since they rest on a reading: a review's stretch (五年来, 这五年) against the years of a comparison in its paragraph (由2010年的…到2015年的…, 2005年与2000年相比), and a stretch since a starting year (自1993年…以来，28年如一日) against the report's date.",
    why_zh: "起止年份和年数一起出现时，读者会自然地去数；对不上说明其中一个写错了。",
    why_en: "When a span and its length stand together readers count; a mismatch means one of them is wrong.",
    example: "2013年至2020年的5年间，全市累计减贫18万人。",
    corrected: "2013年至2020年的8年间，全市累计减贫18万人。",
    fix_zh: "按起止年份改正年数（含首尾两年），或改正起止年份。",
    fix_en: "Correct the number of years (both ends included) or the span.",
};

impl Rule for YearSpanMismatch {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for s in &cx.sections {
            adjacent(self, s, out);
            review::check(self, cx, s, out);
            consecutive::check(self, s, out);
            since::check(self, cx, s, out);
            plans::check(self, s, out);
        }
    }
}

/// The year a figure names: a year, or a date with its year (2019年, 2019,
/// 2019年10月), not a span of years, not a damaged numeral.
fn year_of(f: &Figure) -> Option<i32> {
    if f.kind != Kind::Date || f.value_max.is_some() || f.damage == Some(Damage::RunOnYear) {
        return None;
    }
    f.date.as_ref()?.year
}

/// A year named alone (2019年, 2019), not a month or a day of it.
fn bare_year(f: &Figure) -> Option<i32> {
    let d = f.date.as_ref()?;
    if d.month.is_some() || d.day.is_some() || d.period.is_some() {
        return None;
    }
    year_of(f)
}

/// A number of whole years, written exactly (五年, 28年).
fn whole_years(f: &Figure) -> Option<i64> {
    let exact = f.kind == Kind::Quantity
        && f.unit == "年"
        && f.value_max.is_none()
        && f.value.fract() == 0.0
        && matches!(f.qualifier, Qualifier::Exact);
    (exact && (1.0..=200.0).contains(&f.value)).then_some(f.value as i64)
}

/// The figures of a section that start inside `span`, found by binary search.
fn figures_in<'a>(s: &'a SectionView, span: &Range<usize>) -> &'a [Figure] {
    let from = s.figures.partition_point(|f| f.span.start < span.start);
    let to = s.figures.partition_point(|f| f.span.start < span.end);
    &s.figures[from..to.max(from)]
}

/// Whether `text` ends with one of `words`.
fn ends_with_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.ends_with(w))
}

/// A span of years next to its length, both ends counted: 2013年至2020年的8年间,
/// 三年行动计划（2018-2020）, 第七个五年规划（2016-2020年）, 通过2018至2020年
/// 三年时间. The length stands right before or after the span, at most eight
/// characters away with no punctuation between. Left alone: 2013年至2020年，
/// 全市用5年时间… (a comma between), 2018年、2020年两个年度 (a list, not a span).
fn adjacent(rule: &YearSpanMismatch, s: &SectionView, out: &mut Vec<Diagnostic>) {
    for (i, r) in s.figures.iter().enumerate() {
        let (Kind::Date, Some(hi)) = (r.kind, r.value_max) else {
            continue;
        };
        let span_years = (hi - r.value).round() as i64;
        // The neighbouring figure, if it is a count of years with little in between.
        let near = [i.checked_sub(1), Some(i + 1)].into_iter().flatten().filter_map(|k| s.figures.get(k)).find(|n| {
            let between = if n.span.start >= r.span.end {
                &s.body[r.span.end..n.span.start]
            } else {
                &s.body[n.span.end..r.span.start]
            };
            n.kind == Kind::Quantity
                && n.unit == "年"
                && n.value_max.is_none()
                && between.chars().count() <= 8
                && !between.contains(['。', '，', '；', '、', ',', ';'])
        });
        let Some(n) = near else { continue };
        let stated = n.value;
        if stated.fract() != 0.0 {
            continue;
        }
        let stated = stated as i64;
        // Both ends are counted: 2013–2020 is 8 years, a three-year plan runs 2018–2020.
        if stated == span_years + 1 {
            continue;
        }
        let finding =
            Finding::YearSpan { span: s.text(r).to_string(), years: span_years + 1, stated: s.text(n).to_string() };
        out.push(Diagnostic::new(rule, s.id, n.span.clone(), finding).related(
            s.id,
            r.span.clone(),
            RelatedRole::Years,
            s.text(r),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};
    use crate::model::Severity;

    /// BD108's findings on a text: (severity, message).
    pub(super) fn bd108(text: &str) -> Vec<(Severity, String)> {
        run_text(text)
            .into_iter()
            .filter(|d| d.rule == "BD108")
            .map(|d| (d.severity, d.message(crate::checks::Lang::Zh)))
            .collect()
    }

    #[test]
    fn fires_on_a_wrong_span() {
        assert_eq!(fired("2013年至2020年的5年间，全市累计减贫18万人。", "BD108"), 1);
        assert_eq!(fired("制定了三年行动计划（2018-2021）。", "BD108"), 1);
    }

    #[test]
    fn silent_on_a_right_span() {
        assert_eq!(fired("2013年至2020年的8年间，全市累计减贫18万人。", "BD108"), 0);
        assert_eq!(fired("制定了三年行动计划（2018-2020）。", "BD108"), 0);
        assert_eq!(fired("2024年至2026年的3年间，每年安排资金。", "BD108"), 0);
        assert_eq!(fired("2013年至2020年，全市用5年时间建成了12个园区。", "BD108"), 0);
    }
}
