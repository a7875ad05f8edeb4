use super::super::context::{half_ulp, is_count, is_money, show};
use super::super::{Context, Diagnostic, Rule, RuleDoc};
use crate::figures::{Figure, Qualifier};
use crate::model::Severity;

pub struct AverageContradictsTotal;

static DOC: RuleDoc = RuleDoc {
    id: "BD106",
    name: "average-contradicts-total",
    severity: Severity::Error,
    title_zh: "人均、户均数与总数和人数不符",
    title_en: "A per-capita or per-household average contradicted by its total and count",
    what_zh: "对“户均、人均、每户、每人、每名”后的金额，找出同一句中的总金额和对应的户数或人数，用总额除以人数，与所写平均数比较，不符即报错。",
    what_en: "For an amount after 户均, 人均, 每户, 每人 or 每名, takes the total and the matching count of households or people in the same sentence, divides, and compares with the stated average.",
    why_zh: "平均数由总数和人数算出，三者写在一句里却对不上，读者一算便知。",
    why_en: "An average, its total and its count in one sentence are checked by any reader with a calculator.",
    example: "慰问困难职工450户，发放慰问金135万元，户均3500元。",
    fix_zh: "用总额除以人数（户数）重新计算平均数，或核对总额和人数。",
    fix_en: "Recompute the average as total ÷ count, or check the total and the count.",
};

/// Words that mark an average, and the count units each refers to.
const AVERAGE_WORDS: &[(&str, &[&str])] = &[
    ("户均", &["户"]),
    ("每户", &["户"]),
    ("人均", &["人", "名", "人次"]),
    ("每人", &["人", "名", "人次"]),
    ("每名", &["名", "人"]),
    ("平均每", &["户", "人", "名", "人次", "个", "家"]),
];

/// Words that make an average one of income, not of the total spent.
const OTHER_MEASURES: &[&str] = &["增收", "收入", "增加", "提高", "减少", "节省"];

impl Rule for AverageContradictsTotal {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for s in &cx.sections {
            for sent in &s.sentences {
                let figs = s.sentence_figures(sent);
                for (i, avg) in figs.iter().enumerate() {
                    if !is_money(avg) {
                        continue;
                    }
                    let floor = i.checked_sub(1).map_or(sent.span.start, |k| figs[k].span.end);
                    let lead = super::before(s.body, avg.span.start, floor, 10);
                    let Some((word, units)) = AVERAGE_WORDS.iter().find(|(w, _)| lead.contains(w)) else {
                        continue;
                    };
                    let after_word = &lead[lead.find(word).map_or(0, |p| p + word.len())..];
                    let totals: Vec<&Figure> = figs
                        .iter()
                        .filter(|f| f.span != avg.span && f.unit == avg.unit && f.value > avg.value)
                        .collect();
                    let counts: Vec<&Figure> = figs.iter().filter(|f| is_count(f) && units.contains(&f.unit)).collect();
                    if totals.len() != 1 || counts.len() != 1 {
                        continue;
                    }
                    let (total, count) = (totals[0], counts[0]);
                    if let Some(m) = OTHER_MEASURES.iter().find(|m| after_word.contains(*m))
                        && !super::before(s.body, total.span.start, sent.span.start, 8).contains(m)
                    {
                        continue;
                    }
                    if [total, count].iter().any(|f| f.qualifier != Qualifier::Exact) || count.value <= 0.0 {
                        continue;
                    }
                    let actual = total.value / count.value;
                    let approx = avg.qualifier != Qualifier::Exact;
                    let tol = half_ulp(s.text(avg), avg.value) + if approx { avg.value * 0.02 } else { 1e-9 };
                    if (actual - avg.value).abs() <= tol {
                        continue;
                    }
                    let unit = avg.unit;
                    let zh = format!(
                        "{}{unit}÷{}{}={}{unit}，与所写{word}{}不符",
                        show(total.value),
                        show(count.value),
                        count.unit,
                        show(actual),
                        s.text(avg)
                    );
                    let en = format!(
                        "{} {unit} ÷ {} {} = {} {unit}, not the stated {}",
                        show(total.value),
                        show(count.value),
                        count.unit,
                        show(actual),
                        s.text(avg)
                    );
                    out.push(
                        Diagnostic::new(self, s.id, avg.span.clone(), zh, en)
                            .related(s.id, total.span.clone(), format!("总额 {}", s.text(total)))
                            .related(s.id, count.span.clone(), format!("数量 {}", s.text(count))),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::fired;

    #[test]
    fn fires_on_a_wrong_average() {
        assert_eq!(fired("慰问困难职工450户，发放慰问金135万元，户均3500元。", "BD106"), 1);
        assert_eq!(fired("资助学生2600名，发放助学金780万元，每名学生3500元。", "BD106"), 1);
    }

    #[test]
    fn silent_when_it_adds_up_or_measures_something_else() {
        assert_eq!(fired("慰问困难职工450户，发放慰问金135万元，户均3000元。", "BD106"), 0);
        assert_eq!(fired("投入培训资金1260万元，培训9450人次，人均培训费用约1333元。", "BD106"), 0);
        assert_eq!(fired("投入资金300万元，帮扶1000户，户均增收5000元。", "BD106"), 0);
    }
}
