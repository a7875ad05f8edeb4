use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use crate::figures::Kind;
use crate::model::Severity;

pub struct YearSpanMismatch;

static DOC: RuleDoc = RuleDoc {
    id: "BD108",
    name: "year-span-mismatch",
    severity: Severity::Error,
    title_zh: "年份区间与所写年数不符",
    title_en: "A year span that does not match its number of years",
    what_zh: "对“2013年至2020年的5年间”“三年行动计划（2018-2020）”一类写法，按首尾两年计算年数（含首尾），与紧挨着写出的年数比较。",
    what_en: "For 2013年至2020年的5年间 or 三年行动计划（2018-2020）, counts the years of the span (both ends included) and compares with the number of years written next to it.",
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
            for (i, r) in s.figures.iter().enumerate() {
                let (Kind::Date, Some(hi)) = (r.kind, r.value_max) else {
                    continue;
                };
                let span_years = (hi - r.value).round() as i64;
                // The neighbouring figure, if it is a count of years with little in between.
                let near =
                    [i.checked_sub(1), Some(i + 1)].into_iter().flatten().filter_map(|k| s.figures.get(k)).find(|n| {
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
                let finding = Finding::YearSpan {
                    span: s.text(r).to_string(),
                    years: span_years + 1,
                    stated: s.text(n).to_string(),
                };
                out.push(Diagnostic::new(self, s.id, n.span.clone(), finding).related(
                    s.id,
                    r.span.clone(),
                    RelatedRole::Years,
                    s.text(r),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::fired;

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
