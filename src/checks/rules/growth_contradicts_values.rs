use super::super::context::{half_ulp, show};
use super::super::{Context, Diagnostic, Rule, RuleDoc};
use crate::figures::{Kind, Qualifier};
use crate::model::Severity;

pub struct GrowthContradictsValues;

static DOC: RuleDoc = RuleDoc {
    id: "BD107",
    name: "growth-contradicts-values",
    severity: Severity::Error,
    title_zh: "增幅与前后两个数值不符",
    title_en: "Growth contradicted by its two values",
    what_zh: "对“由A增至B，增长X%”一类句子，用(B−A)÷A计算增幅并与X比较；区分“增长N倍”（B=A×(N+1)）与“增至N倍”（B=A×N）；两个比率之差应写作“个百分点”。",
    what_en: "For 由A增至B，增长X%, computes (B−A)÷A and compares with X; tells 增长N倍 (B = A×(N+1)) from 增至N倍 (B = A×N); and flags a percentage used where the difference of two rates in 百分点 is meant.",
    why_zh: "增幅、倍数和百分点是最常被写错的三种说法，写错会把成绩说大或说小。",
    why_en: "Growth rates, multiples and percentage points are the three most often confused forms, and each error over- or understates the result.",
    example: "销售额由860万元增至1204万元，增长50%。",
    fix_zh: "按(B−A)÷A重新计算增幅；“增长N倍”改为“增至N倍”或相应改数；比率之差改用“个百分点”。",
    fix_en: "Recompute (B−A)÷A; write 增至N倍 where B is N times A; use 个百分点 for a difference of two rates.",
};

const FROM: &[&str] = &["由", "从"];
const TO: &[&str] = &[
    "增至",
    "增加到",
    "增长到",
    "提高到",
    "提升到",
    "上升到",
    "增加至",
    "提高至",
    "上升至",
    "降至",
    "下降到",
    "减少到",
    "降到",
    "下降至",
    "减少至",
    "到",
];
const CHANGE: &[&str] = &["增长", "增加", "提高", "提升", "上升", "下降", "减少", "降低", "增幅", "降幅"];

impl Rule for GrowthContradictsValues {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for s in &cx.sections {
            for sent in &s.sentences {
                // Dates are the when, not the values: 由2021年的1250万元增至2023年的1875万元.
                let figs: Vec<&crate::figures::Figure> =
                    s.sentence_figures(sent).iter().filter(|f| f.kind != Kind::Date).collect();
                for w in 0..figs.len().saturating_sub(2) {
                    let (a, b) = (figs[w], figs[w + 1]);
                    // 由A … 增至B (a date may stand between 由 and A: 由2021年的1250万元).
                    let a_lead = super::before(s.body, a.span.start, sent.span.start, 14);
                    let gap = &s.body[a.span.end..b.span.start];
                    if !FROM.iter().any(|f| a_lead.contains(f))
                        || !TO.iter().any(|t| gap.contains(t))
                        || gap.chars().count() > 14
                    {
                        continue;
                    }
                    if a.unit != b.unit || a.kind != b.kind || a.value <= 0.0 {
                        continue;
                    }
                    if [a, b].iter().any(|f| f.qualifier != Qualifier::Exact) {
                        continue;
                    }
                    let Some(c) = figs[w + 2..].iter().copied().find(|c| {
                        let lead = super::before(s.body, c.span.start, b.span.end, 6);
                        CHANGE.iter().any(|k| lead.contains(k)) && c.kind != Kind::Date
                    }) else {
                        continue;
                    };
                    let down = b.value < a.value;
                    let ct = s.text(c);
                    let tol =
                        half_ulp(ct, c.value) + if c.qualifier == Qualifier::Exact { 1e-9 } else { c.value * 0.05 };
                    let rel = (b.value - a.value).abs() / a.value * 100.0;
                    let points = (b.value - a.value).abs();
                    let verdict: Option<(String, String, Option<String>)> = match c.unit {
                        "%" if a.unit == "%" && (rel - c.value).abs() > tol && (points - c.value).abs() <= tol => {
                            Some((
                                format!("两个比率相差{}个百分点，不宜写作“{ct}”", show(points)),
                                format!(
                                    "the two rates differ by {} percentage points; {ct} reads as a relative change",
                                    show(points)
                                ),
                                Some(format!("{}个百分点", show(points))),
                            ))
                        }
                        "%" if (rel - c.value).abs() > tol => Some((
                            format!(
                                "由{}{u}到{}{u}，实际{}{}%，与所写{ct}不符",
                                show(a.value),
                                show(b.value),
                                if down { "下降" } else { "增长" },
                                show(rel),
                                u = a.unit
                            ),
                            format!(
                                "from {} to {} {u} is a change of {}%, not {ct}",
                                show(a.value),
                                show(b.value),
                                show(rel),
                                u = a.unit
                            ),
                            None,
                        )),
                        "百分点" if (points - c.value).abs() > tol => Some((
                            format!("两个比率相差{}个百分点，与所写{ct}不符", show(points)),
                            format!("the rates differ by {} points, not {ct}", show(points)),
                            None,
                        )),
                        "倍" => {
                            let ratio = b.value / a.value;
                            let lead = super::before(s.body, c.span.start, b.span.end, 6);
                            let to_times = lead.contains("增至") || lead.contains("增加到") || lead.contains("是");
                            let expected = if to_times { ratio } else { ratio - 1.0 };
                            if (expected - c.value).abs() <= tol.max(0.05) {
                                None
                            } else if !to_times && (ratio - c.value).abs() <= tol.max(0.05) {
                                Some((
                                    format!(
                                        "{}是{}的{}倍，应写“增至{ct}”或“增长{}倍”",
                                        show(b.value),
                                        show(a.value),
                                        show(ratio),
                                        show(ratio - 1.0)
                                    ),
                                    format!(
                                        "{} is {} times {}: write 增至{ct}, or 增长{}倍",
                                        show(b.value),
                                        show(ratio),
                                        show(a.value),
                                        show(ratio - 1.0)
                                    ),
                                    None,
                                ))
                            } else {
                                Some((
                                    format!(
                                        "由{}到{}，实为{}倍，与所写{ct}不符",
                                        show(a.value),
                                        show(b.value),
                                        show(ratio)
                                    ),
                                    format!(
                                        "from {} to {} is {} times, not {ct}",
                                        show(a.value),
                                        show(b.value),
                                        show(ratio)
                                    ),
                                    None,
                                ))
                            }
                        }
                        _ => None,
                    };
                    if let Some((zh, en, fix)) = verdict {
                        let mut d = Diagnostic::new(self, s.id, c.span.clone(), zh, en)
                            .related(s.id, a.span.clone(), format!("起始值 {}", s.text(a)))
                            .related(s.id, b.span.clone(), format!("结束值 {}", s.text(b)));
                        if let Some(f) = fix {
                            d = d.fix(f);
                        }
                        out.push(d);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn fires_on_wrong_growth() {
        assert_eq!(fired("销售额由860万元增至1204万元，增长50%。", "BD107"), 1);
        assert_eq!(fired("产值由500万元增至1700万元，增长3.4倍。", "BD107"), 1);
        assert_eq!(fired("线上销售额由2021年的1250万元增至2023年的1875万元，增长40%。", "BD107"), 1);
        let d = run_text("就业率由60%提高到72%，提高了12%。");
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD107").collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fix.as_deref(), Some("12个百分点"));
    }

    #[test]
    fn silent_when_growth_matches() {
        assert_eq!(fired("线上销售额由2021年的1250万元增至2023年的1875万元，增长50%。", "BD107"), 0);
        assert_eq!(fired("销售额由860万元增至1204万元，增长40%。", "BD107"), 0);
        assert_eq!(fired("产值由500万元增至1700万元，增长2.4倍。", "BD107"), 0);
        assert_eq!(fired("产值由500万元增至1700万元，增至3.4倍。", "BD107"), 0);
        assert_eq!(fired("就业率由60%提高到72%，提高了12个百分点。", "BD107"), 0);
        assert_eq!(fired("就业率由60%提高到72%，提高了20%。", "BD107"), 0);
    }
}
