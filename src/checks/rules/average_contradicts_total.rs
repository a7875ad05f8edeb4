//! BD106: an average that its total and count contradict. Reads the
//! averages the claims layer found: the count in the unit the average divides
//! by (户均 by 户, 亩均 by 亩, 平均每场 by 场) and the total in the average's
//! unit, in its sentence or, named by the same words, earlier in the brief.

use super::super::context::half_ulp;
use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use super::{figure, finding_at, interval, text, with};
use crate::figures::Qualifier;
use crate::model::Severity;

pub struct AverageContradictsTotal;

static DOC: RuleDoc = RuleDoc {
    id: "BD106",
    name: "average-contradicts-total",
    severity: Severity::Error,
    title_zh: "平均数与总数和数量不符",
    title_en: "An average contradicted by its total and count",
    what_zh: "对“户均、人均、亩均、每户、每人、平均每场”等平均数，找出它的总数（与平均数同单位）和数量（户、人、亩、场），先在同一句中找，再在前文中找说法相同的数字；用总数除以数量，与所写平均数比较，不符即报错。人均收入、户均增收等不是总数的平均，不作比较。",
    what_en: "For an average (户均, 人均, 亩均, 每户, 每人, 平均每场), finds its total (in the average's unit) and its count (households, people, mu, events) in the same sentence, else earlier in the brief under the same words; divides and compares with the stated average. Per-capita income and other averages that are not a total's share are not compared.",
    why_zh: "平均数由总数和数量算出，三者写在一起却对不上，读者一算便知。",
    why_en: "An average, its total and its count written together are checked by any reader with a calculator.",
    example: "慰问困难职工450户，发放慰问金135万元，户均3500元。",
    corrected: "慰问困难职工450户，发放慰问金135万元，户均3000元。",
    fix_zh: "用总数除以数量重新计算平均数，或核对总数和数量。",
    fix_en: "Recompute the average as total ÷ count, or check the total and the count.",
};

impl Rule for AverageContradictsTotal {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for a in &cx.claims.relations.averages {
            let (avg, total, count) = (figure(cx, a.average), figure(cx, a.total), figure(cx, a.count));
            if [total, count].iter().any(|f| f.qualifier != Qualifier::Exact) {
                continue;
            }
            let (t_lo, t_hi) = interval(cx, a.total);
            let (c_lo, c_hi) = interval(cx, a.count);
            let (q_lo, q_hi) = (t_lo / c_hi.max(1e-12), t_hi / c_lo.max(1e-12));
            let (mut lo, mut hi) = interval(cx, a.average);
            if avg.qualifier == Qualifier::Approx {
                let half = half_ulp(text(cx, a.average), avg.value);
                lo = lo.min(avg.value * 0.98 - half);
                hi = hi.max(avg.value * 1.02 + half);
            }
            if q_lo <= hi && lo <= q_hi {
                continue;
            }
            let finding = Finding::Average {
                total: total.value,
                count: count.value,
                count_unit: count.unit.to_string(),
                actual: total.value / count.value,
                unit: avg.unit.to_string(),
                stated: text(cx, a.average).to_string(),
            };
            let d = finding_at(self, cx, a.average, finding);
            out.push(with(with(d, cx, a.total, RelatedRole::Total), cx, a.count, RelatedRole::Count));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn fires_on_a_wrong_average() {
        assert_eq!(fired("慰问困难职工450户，发放慰问金135万元，户均3500元。", "BD106"), 1);
        assert_eq!(fired("资助学生2600名，发放助学金780万元，每名学生3500元。", "BD106"), 1);
        assert_eq!(fired("举办招聘会36场，提供就业岗位1.08万个，平均每场提供岗位350个。", "BD106"), 1);
        assert_eq!(fired("种植蔬菜650亩，实现总产值390万元，亩均产值5500元。", "BD106"), 1);
        assert_eq!(fired("帮扶的86户贫困户户均增收4200元，合计增收34.12万元。", "BD106"), 1);
    }

    #[test]
    fn two_counts_of_one_value_give_one_average() {
        // 526 pupils, 526 aided: whichever is the count, the average is the same.
        let text = "全镇贫困家庭学生526人，享受各类资助526人，资助金额98.5万元，人均2873元。";
        assert_eq!(fired(text, "BD106"), 1);
        let d = run_text(text);
        let d = d.iter().find(|d| d.rule == "BD106").expect("BD106");
        assert!(d.message(crate::checks::Lang::Zh).contains("=1872.62元"), "{}", d.message(crate::checks::Lang::Zh));
        assert_eq!(fired("全镇贫困家庭学生526人，享受各类资助526人，资助金额98.5万元，人均1873元。", "BD106"), 0);
        // Two counts of two values: no telling which one the average is over.
        assert_eq!(fired("全镇贫困家庭学生526人，享受各类资助480人，资助金额98.5万元，人均2873元。", "BD106"), 0);
    }

    #[test]
    fn silent_when_it_adds_up_or_measures_something_else() {
        assert_eq!(fired("慰问困难职工450户，发放慰问金135万元，户均3000元。", "BD106"), 0);
        assert_eq!(fired("投入培训资金1260万元，培训9450人次，人均培训费用约1333元。", "BD106"), 0);
        assert_eq!(fired("投入资金300万元，帮扶1000户，户均增收5000元。", "BD106"), 0);
        assert_eq!(fired("举办招聘会36场，提供就业岗位1.08万个，平均每场有45家企业参会。", "BD106"), 0);
        assert_eq!(fired("慰问困难职工家庭520户、1680人，发放慰问金156万元，户均3000元。", "BD106"), 0);
        // A monthly average against a year's total: 2300 × 1200 × 12 = 3312万.
        assert_eq!(fired("安置就业困难人员2300人，人均月补贴1200元，全年发放岗位补贴3312万元。", "BD106"), 0);
        assert_eq!(fired("安置就业困难人员2300人，人均月补贴1200元，全年发放岗位补贴2760万元。", "BD106"), 0);
    }

    #[test]
    fn a_yield_per_mu_is_an_average() {
        assert_eq!(fired("全县种植蔬菜3.2万亩，总产量9.6万吨，亩产3.5吨。", "BD106"), 1);
        assert_eq!(fired("全县种植蔬菜3.2万亩，总产量9.6万吨，亩产3吨。", "BD106"), 0);
    }

    #[test]
    fn an_average_over_named_things_finds_their_count() {
        // 平均每馆: the count is the one whose noun is 馆.
        assert_eq!(fired("全县5个专馆年销售额共计6500万元，平均每馆1500万元。", "BD106"), 1);
        assert_eq!(fired("全县5个专馆年销售额共计6500万元，平均每馆1300万元。", "BD106"), 0);
        assert_eq!(fired("42个专区共带动就业1260人，平均每个专区带动就业35人。", "BD106"), 1);
        assert_eq!(fired("42个专区共带动就业1260人，平均每个专区带动就业30人。", "BD106"), 0);
        // No count of the thing named: nothing to divide by.
        assert_eq!(fired("全县年销售额共计6500万元，平均每馆1500万元。", "BD106"), 0);
        // 平均每月 is an average over time.
        assert_eq!(fired("全年接待游客12万人次，平均每月1.5万人次。", "BD106"), 0);
    }
}
