use super::super::context::{half_ulp, is_count, show};
use super::super::{Context, Diagnostic, Rule, RuleDoc};
use crate::figures::{Figure, Kind, Qualifier};
use crate::model::Severity;

pub struct RateContradictsCounts;

static DOC: RuleDoc = RuleDoc {
    id: "BD105",
    name: "rate-contradicts-counts",
    severity: Severity::Error,
    title_zh: "比率与其分子分母不符",
    title_en: "A rate or share contradicted by its own counts",
    what_zh: "对“××率为X%”“占X%”“占三分之一”这类比率，找出同一句（或前一句）中的两个计数，用部分除以整体，与所写比率按其写法的精度比较，不符即报错。",
    what_en: "For a rate (上岗率为85.5%), a share (占48%) or a fraction (占三分之一), takes the two counts in the same sentence (or the whole from the sentence before), divides part by whole and compares with the stated rate at the precision it is written with.",
    why_zh: "比率是读者最常拿来复核的数字，与计数对不上会让整段数据失去可信度。",
    why_en: "Rates are what readers recompute first; one that disagrees with its own counts discredits the paragraph.",
    example: "开发公益岗位1200个，已上岗930人，上岗率为85.5%。",
    fix_zh: "重新计算比率（部分÷整体），或核对两个计数。",
    fix_en: "Recompute the rate (part ÷ whole), or check the two counts.",
};

/// The stated rate as a fraction of one, and its tolerance.
fn stated(body: &str, f: &Figure) -> Option<(f64, f64)> {
    let text = &body[f.span.clone()];
    let approx = !matches!(f.qualifier, Qualifier::Exact);
    match f.kind {
        Kind::Percent if f.unit == "%" && f.value_max.is_none() => {
            let tol = half_ulp(text, f.value) / 100.0 + if approx { 0.01 } else { 1e-9 };
            Some((f.value / 100.0, tol))
        }
        Kind::Fraction => Some((f.value, if approx { 0.02 } else { 0.005 })),
        _ => None,
    }
}

impl Rule for RateContradictsCounts {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for s in &cx.sections {
            for (si, sent) in s.sentences.iter().enumerate() {
                let figs = s.sentence_figures(sent);
                for (i, rate) in figs.iter().enumerate() {
                    let lead = super::before(
                        s.body,
                        rate.span.start,
                        i.checked_sub(1).map_or(sent.span.start, |k| figs[k].span.end),
                        8,
                    );
                    if !(lead.contains('率') || lead.contains('占')) {
                        continue;
                    }
                    let Some((r, tol)) = stated(s.body, rate) else {
                        continue;
                    };
                    let mut counts: Vec<&Figure> = figs[..i].iter().filter(|f| is_count(f)).collect();
                    if counts.len() == 1
                        && let Some(prev) = si.checked_sub(1).map(|k| &s.sentences[k])
                        && let Some(whole) =
                            s.sentence_figures(prev).iter().rev().find(|f| is_count(f) && f.unit == counts[0].unit)
                    {
                        counts.insert(0, whole);
                    }
                    if counts.len() != 2 || counts.iter().any(|f| f.qualifier != Qualifier::Exact || f.value <= 0.0) {
                        continue;
                    }
                    let (whole, part) = if counts[0].value >= counts[1].value {
                        (counts[0], counts[1])
                    } else {
                        (counts[1], counts[0])
                    };
                    let actual = part.value / whole.value;
                    if (actual - r).abs() <= tol {
                        continue;
                    }
                    let rt = s.text(rate);
                    let zh = format!(
                        "{}÷{}={}%，与所写的{}不符",
                        show(part.value),
                        show(whole.value),
                        show(actual * 100.0),
                        rt
                    );
                    let en = format!(
                        "{} ÷ {} = {}%, not the stated {}",
                        show(part.value),
                        show(whole.value),
                        show(actual * 100.0),
                        rt
                    );
                    let d = Diagnostic::new(self, s.id, rate.span.clone(), zh, en)
                        .related(s.id, whole.span.clone(), format!("整体 {}", s.text(whole)))
                        .related(s.id, part.span.clone(), format!("部分 {}", s.text(part)));
                    out.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn fires_on_a_wrong_rate() {
        let d = run_text("开发公益岗位1200个，已上岗930人，上岗率为85.5%。");
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD105").collect();
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("77.5%"), "{}", d[0].message);
        assert_eq!(fired("扶持合作社126家，有52家尚未盈利，约占三分之一。", "BD105"), 1);
        assert_eq!(fired("资助学生2600名。其中女生1048名，占48%。", "BD105"), 1);
    }

    #[test]
    fn silent_when_the_rate_matches_its_precision() {
        assert_eq!(fired("开发公益岗位1200个，已上岗1080人，上岗率为90%。", "BD105"), 0);
        assert_eq!(fired("培训9450人次，实现就业6800人次，就业率达72%。", "BD105"), 0);
        assert_eq!(fired("资助学生2600名。受助学生中有女生1248名，占48%。", "BD105"), 0);
        assert_eq!(fired("扶持合作社126家，有42家尚未盈利，约占三分之一。", "BD105"), 0);
        // With three counts it is not clear which two the rate is about.
        assert_eq!(fired("共有职工500人，其中女职工200人、党员120人，党员占比24%。", "BD105"), 0);
    }
}
