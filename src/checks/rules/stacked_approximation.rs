use super::super::{Context, Diagnostic, Finding, Rule, RuleDoc};
use crate::figures::Qualifier;
use crate::model::Severity;

pub struct StackedApproximation;

/// Markers that compare with a value rather than round it.
const COMPARISONS: &[&str] = &["低于", "高于", "超过", "不低于", "不高于", "不超过", "少于", "多于"];

static DOC: RuleDoc = RuleDoc {
    id: "BD112",
    name: "stacked-approximation",
    severity: Severity::Warning,
    title_zh: "约数词叠用或矛盾",
    title_en: "Stacked or contradictory approximation markers",
    what_zh: "找出一个数字前后同时带有两个约数词的写法，如“约2000余名”“大约300人左右”“近800多人”。",
    what_en: "Finds a figure with two approximation markers at once, such as 约2000余名, 大约300人左右 or 近800多人.",
    why_zh: "“约”“左右”重复啰嗦；“近”（不到）与“多”（超过）意思相反，读者无法判断实际数值。",
    why_en: "约 with 左右 says the same thing twice; 近 (just under) with 多 (over) contradict each other, so the reader cannot tell the value.",
    example: "全市约2000余名职工参加了培训。",
    corrected: "全市2000余名职工参加了培训。",
    fix_zh: "只保留一个约数词，如“约2000名”或“2000余名”。",
    fix_en: "Keep one marker: 约2000名 or 2000余名.",
};

impl Rule for StackedApproximation {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for s in &cx.sections {
            for f in &s.figures {
                if f.qualifier == Qualifier::Range || !f.marker.contains('+') {
                    continue;
                }
                let markers: Vec<String> = f.marker.split('+').map(str::to_string).collect();
                // 低于13%左右的预期目标: the comparison is with a target that is itself
                // approximate; 左右 belongs to the noun after 的, not to the figure.
                let comparison = markers.iter().any(|m| COMPARISONS.contains(&m.as_str()));
                if comparison && s.body[f.span.end..].starts_with('的') {
                    continue;
                }
                let finding = Finding::StackedMarkers { figure: s.text(f).to_string(), markers };
                out.push(Diagnostic::new(self, s.id, f.span.clone(), finding));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::fired;

    #[test]
    fn fires_on_stacked_markers() {
        assert_eq!(fired("约2000余名职工参加。", "BD112"), 1);
        assert_eq!(fired("大约300人左右参加。", "BD112"), 1);
        assert_eq!(fired("近800多人参加。", "BD112"), 1);
        // Two approximation words before one figure.
        assert_eq!(fired("其中脱贫劳动力约近800人。", "BD112"), 1);
        assert_eq!(fired("节约近800万元。", "BD112"), 0);
    }

    #[test]
    fn silent_on_a_comparison_with_an_approximate_target() {
        assert_eq!(fired("广义货币增长11.3%，低于13%左右的预期目标。", "BD112"), 0);
        assert_eq!(fired("广义货币增长低于13%左右。", "BD112"), 1);
    }

    #[test]
    fn silent_on_one_marker() {
        assert_eq!(fired("约2000名职工、2000余名农民工和300人左右的志愿者参加，近800人获奖。", "BD112"), 0);
    }
}
