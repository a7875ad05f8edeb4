use super::super::context::interval;
use super::super::{Context, Diagnostic, Rule, RuleDoc, SectionView};
use super::{metric_key, same_key};
use crate::figures::{Figure, Kind};
use crate::model::{Role, Severity};

pub struct SameMetricDifferentValues;

static DOC: RuleDoc = RuleDoc {
    id: "BD101",
    name: "same-metric-different-values",
    severity: Severity::Error,
    title_zh: "同一指标前后数值不一致",
    title_en: "The same metric with different values in different sections",
    what_zh: "比较不同章节（特别是内容提要与正文）中描述同一指标的数字：单位相同、紧挨数字之前的说法相同（如“培训贫困劳动力”），且折算万、亿并考虑约数词后取值不可能相同的，即报错。",
    what_en: "Compares figures that describe the same metric in different sections, above all the summary and the body: same unit, the same words right before the figure (培训贫困劳动力), and values that cannot agree once 万/亿 and approximation markers are taken into account.",
    why_zh: "内容提要和正文数字不一致，是简报中代价最高的错误：领导往往只读提要。",
    why_en: "A summary that disagrees with the body is the costliest mistake in a brief: leaders often read only the summary.",
    example: "内容提要：全年培训贫困劳动力3200人次。\n技能扶贫：全年共培训贫困劳动力2800人次。",
    fix_zh: "核对原始数据，把各处改为同一数值。",
    fix_en: "Check the source and make every mention give the same value.",
};

/// Keys this short only count across a summary and the body; longer keys anywhere.
const MIN_KEY_SUMMARY: usize = 4;
const MIN_KEY_ANY: usize = 6;

fn years(s: &SectionView, f: &Figure) -> Vec<i64> {
    let Some(sent) = s.sentence_at(f.span.start) else {
        return Vec::new();
    };
    s.sentence_figures(sent).iter().filter(|g| g.kind == Kind::Date).map(|g| g.value as i64).collect()
}

fn overview(role: &Role) -> bool {
    matches!(role, Role::Summary | Role::Background | Role::Conclusion)
}

impl Rule for SameMetricDifferentValues {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // (section index, figure, key) for every quantity or percentage worth comparing.
        let mut items: Vec<(usize, &Figure, String)> = Vec::new();
        for (si, s) in cx.sections.iter().enumerate() {
            for (fi, f) in s.figures.iter().enumerate() {
                if !matches!(f.kind, Kind::Quantity | Kind::Percent) || f.unit.is_empty() {
                    continue;
                }
                let floor = fi.checked_sub(1).map_or(0, |k| s.figures[k].span.end);
                let key = metric_key(s.body, f, floor);
                if key.chars().count() >= MIN_KEY_SUMMARY {
                    items.push((si, f, key));
                }
            }
        }
        // Two keys can only match if they end in the same characters, so compare
        // within buckets of (unit, last characters of the key), in document order.
        let mut buckets: std::collections::HashMap<(&str, String), Vec<usize>> = std::collections::HashMap::new();
        for (i, (_, f, k)) in items.iter().enumerate() {
            let tail: String = k.chars().rev().take(MIN_KEY_SUMMARY).collect();
            buckets.entry((f.unit, tail)).or_default().push(i);
        }
        let mut groups: Vec<&Vec<usize>> = buckets.values().collect();
        groups.sort_by_key(|g| g[0]);
        for group in groups {
            for (n, &i) in group.iter().enumerate() {
                let (sa, fa, ka) = &items[i];
                for &j in &group[n + 1..] {
                    let (sb, fb, kb) = &items[j];
                    self.compare(cx, (*sa, fa, ka), (*sb, fb, kb), out);
                }
            }
        }
    }
}

impl SameMetricDifferentValues {
    fn compare(
        &self,
        cx: &Context,
        (sa, fa, ka): (usize, &Figure, &str),
        (sb, fb, kb): (usize, &Figure, &str),
        out: &mut Vec<Diagnostic>,
    ) {
        if sa == sb || fa.unit != fb.unit || fa.kind != fb.kind {
            return;
        }
        let (a, b) = (&cx.sections[sa], &cx.sections[sb]);
        let min = if overview(a.role) || overview(b.role) { MIN_KEY_SUMMARY } else { MIN_KEY_ANY };
        if !same_key(ka, kb, min) {
            return;
        }
        let (ya, yb) = (years(a, fa), years(b, fb));
        if !ya.is_empty() && !yb.is_empty() && ya != yb {
            return;
        }
        let (alo, ahi) = interval(fa, a.text(fa));
        let (blo, bhi) = interval(fb, b.text(fb));
        if alo <= bhi && blo <= ahi {
            return;
        }
        let (ta, tb) = (a.text(fa), b.text(fb));
        let name = |s: &SectionView| format!("{}{}", s.number, s.title);
        let zh = format!("“{kb}”在“{}”中为{tb}，在“{}”中为{ta}，前后不一致", name(b), name(a));
        let en = format!("{kb} is {tb} in “{}” but {ta} in “{}”", name(b), name(a));
        out.push(Diagnostic::new(self, b.id, fb.span.clone(), zh, en).related(
            a.id,
            fa.span.clone(),
            format!("另一处：{ta}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::two_sections;
    use crate::checks::{Env, check};

    fn fired(summary: &str, body: &str) -> usize {
        check(&two_sections(summary, body), &Env::default()).iter().filter(|d| d.rule == "BD101").count()
    }

    #[test]
    fn fires_when_summary_and_body_disagree() {
        assert_eq!(fired("全年培训贫困劳动力3200人次。", "全年共培训贫困劳动力2800人次。"), 1);
        assert_eq!(fired("累计投入帮扶资金1.26亿元。", "全市工会累计投入帮扶资金12900万元。"), 1);
    }

    #[test]
    fn silent_when_they_agree_or_measure_different_things() {
        assert_eq!(fired("累计投入帮扶资金1.26亿元。", "全市工会累计投入帮扶资金12600万元。"), 0);
        assert_eq!(fired("全年培训贫困劳动力约3000人次。", "共培训贫困劳动力2980人次。"), 0);
        assert_eq!(fired("2019年培训贫困劳动力3200人次。", "2020年培训贫困劳动力2800人次。"), 0);
        assert_eq!(fired("投入资金7200万元。", "投入培训资金1260万元。"), 0);
    }
}
