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
        // A year's figure said again by the month: the month's is a twelfth.
        for m in &cx.claims.relations.monthly {
            let (year, month) = (figure(cx, m.year), figure(cx, m.month));
            // A figure said with 约 may be two per cent off, besides its rounding.
            let widen = |id, f: &crate::figures::Figure| {
                let (lo, hi) = interval(cx, id);
                if f.qualifier == Qualifier::Exact {
                    (lo, hi)
                } else {
                    (lo.min(f.value * 0.98), hi.max(f.value * 1.02))
                }
            };
            let (y_lo, y_hi) = widen(m.year, year);
            let (lo, hi) = widen(m.month, month);
            if y_lo / 12.0 <= hi && lo <= y_hi / 12.0 {
                continue;
            }
            let finding = Finding::MonthlyAverage {
                year: year.value,
                actual: year.value / 12.0,
                unit: month.unit.to_string(),
                stated: text(cx, m.month).to_string(),
            };
            out.push(with(finding_at(self, cx, m.month, finding), cx, m.year, RelatedRole::Total));
        }
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
            let (t, n) = (total.value, count.value);
            let (count_unit, unit, stated) =
                (count.unit.to_string(), avg.unit.to_string(), text(cx, a.average).to_string());
            let actual = t / n;
            let finding = if q_lo <= hi && lo <= q_hi {
                // It fits, but only at the far end of the rounding: with the total and the
                // count read within half their rounding of what is written, the quotient
                // misses the average (7.36亿元 ÷ 1.6万人 = 4.6万元 against 4.8万元; it fits
                // only if 1.6万 stands for 1.55万). The text does not prove it: a warning.
                let shrink = |(l, h): (f64, f64), v: f64| (v - (v - l) / 2.0, v + (h - v) / 2.0);
                let ((tl, th), (cl, ch)) = (shrink((t_lo, t_hi), t), shrink((c_lo, c_hi), n));
                let (ql, qh) = (tl / ch.max(1e-12), th / cl.max(1e-12));
                // (A product's total written round, 4万 for 120 × 300, is no slip.)
                if avg.qualifier != Qualifier::Exact || (ql <= hi && lo <= qh) || a.count_elsewhere || a.each {
                    continue;
                }
                // The count it needs, to three significant digits (1.53万, not 15333.33).
                let needed = t / avg.value;
                let step = 10f64.powf((needed.abs().log10().floor() - 2.0).max(0.0));
                let needed = (needed / step).round() * step;
                Finding::AverageAtEdge { total: t, count: n, count_unit, actual, unit, stated, needed }
            } else if a.each {
                Finding::EachTotal {
                    each: stated,
                    count: text(cx, a.count).to_string(),
                    product: avg.value * n,
                    unit,
                    stated: text(cx, a.total).to_string(),
                }
            } else if a.count_elsewhere {
                // An untitled part of a section (the text under a heading, before its
                // subsections) is named by the section it is in.
                let mut at = cx.claims.all[a.count].section;
                while cx.sections[at].title.is_empty() && at > 0 {
                    at = cx.parents[at].unwrap_or(at - 1);
                }
                let section = super::section_name(cx, at);
                Finding::AverageCountElsewhere { total: t, count: n, count_unit, actual, unit, stated, section }
            } else {
                Finding::Average { total: t, count: n, count_unit, actual, unit, stated }
            };
            let warn = !matches!(finding, Finding::Average { .. } | Finding::EachTotal { .. });
            // A product is wrong in its total; an average in itself.
            let at = if a.each { a.total } else { a.average };
            let mut d = finding_at(self, cx, at, finding);
            if warn {
                d.severity = crate::model::Severity::Warning;
            }
            let (other, role) = if a.each { (a.average, RelatedRole::Part) } else { (a.total, RelatedRole::Total) };
            out.push(with(with(d, cx, other, role), cx, a.count, RelatedRole::Count));
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
        // 平均每月 is an average over time: no count is read, only the year's ÷ 12
        // (1.5万 a month would be 18万 a year, and is flagged as such).
        assert_eq!(fired("全年接待游客12万人次，平均每月1万人次。", "BD106"), 0);
        assert_eq!(fired("全年接待游客12万人次，平均每月1.5万人次。", "BD106"), 1);
    }

    #[test]
    fn an_average_that_fits_only_at_the_end_of_the_rounding_warns() {
        use crate::model::Severity;
        let warned =
            |text: &str| run_text(text).iter().filter(|d| d.rule == "BD106" && d.severity == Severity::Warning).count();
        // 5.04亿 ÷ 1.2万 = 4.2万, not 4.4万 (which needs 1.2万 to be 1.15万); 2.16亿 ÷ 2.4万 = 9000;
        // 1.4亿 ÷ 3.5万 = 4000.
        assert_eq!(warned("全县1.2万名转移就业劳动力实现劳务收入5.04亿元，人均4.4万元。"), 1);
        assert_eq!(warned("全镇种植高山蔬菜2.4万亩，实现产值2.16亿元，亩均产值8800元。"), 1);
        assert_eq!(warned("全市3.5万户脱贫户获得分红1.4亿元，户均4180元。"), 1);
        // Inside half the rounding: no finding.
        assert_eq!(fired("全县1.2万名转移就业劳动力实现劳务收入5.04亿元，人均4.2万元。", "BD106"), 0);
        assert_eq!(fired("全市3.5万户脱贫户获得分红1.4亿元，户均4000元。", "BD106"), 0);
    }

    #[test]
    fn the_count_may_be_in_the_summary() {
        use crate::checks::rules::testing::two_sections;
        use crate::checks::{Env, check};
        let found = |summary: &str, body: &str| {
            check(&two_sections(summary, body), &Env::default()).iter().filter(|d| d.rule == "BD106").count()
        };
        assert_eq!(found("今年全县资助困难学生1200人。", "全县共发放资助资金360万元，人均3200元。"), 1);
        assert_eq!(found("今年各级工会救助困难职工家庭500户。", "全年发放救助金175万元，户均3800元。"), 1);
        assert_eq!(found("今年全镇奖补种粮大户40户。", "共兑现奖补资金60万元，户均1.6万元。"), 1);
        assert_eq!(found("今年全县资助困难学生1200人。", "全县共发放资助资金360万元，人均3000元。"), 0);
        // A count of another act is no count of this money.
        assert_eq!(found("今年全县走访困难学生1200人。", "全县共发放资助资金360万元，人均3200元。"), 0);
    }

    #[test]
    fn each_of_the_counted_things_gets_one_amount() {
        assert_eq!(fired("为15个村各安装一套价值2.4万元的净水设备，设备共计30万元。", "BD106"), 1);
        assert_eq!(fired("8家合作社各获得奖补资金5万元，奖补资金合计45万元。", "BD106"), 1);
        assert_eq!(fired("给120户各发放价值300元的慰问品，慰问品总价值4.2万元。", "BD106"), 1);
        assert_eq!(fired("为15个村各安装一套价值2.4万元的净水设备，设备共计36万元。", "BD106"), 0);
        // Two sets each, 各级, or a total of something else: nothing to divide.
        assert_eq!(fired("为15个村各安装两套价值2.4万元的净水设备，设备共计72万元。", "BD106"), 0);
        assert_eq!(fired("为15个村各安装一套价值2.4万元的净水设备，全县教育总投入820万元。", "BD106"), 0);
    }

    #[test]
    fn a_monthly_average_is_its_year_s_figure_over_twelve() {
        assert_eq!(fired("护林员年均劳务收入9600元，月均900元。", "BD106"), 1);
        assert_eq!(fired("护林员年均劳务收入9600元，月均800元。", "BD106"), 0);
        assert_eq!(fired("合作社社员全年人均分红3000元，月平均350元。", "BD106"), 1);
        assert_eq!(fired("合作社社员全年人均分红3000元，月平均250元。", "BD106"), 0);
        assert_eq!(fired("保洁员年工资18000元，平均每月1800元。", "BD106"), 1);
        // 约: two per cent either way.
        assert_eq!(fired("公益岗位人员年平均工资约为14000元，月平均1160元。", "BD106"), 0);
        let d = run_text("护林员年均劳务收入9600元，月均900元。");
        let d = d.iter().find(|d| d.rule == "BD106").expect("BD106");
        assert!(d.message(crate::lang::Lang::Zh).contains("÷12=800元"), "{}", d.message(crate::lang::Lang::Zh));
        // Clean look-alike: the figure before is no year's amount.
        assert_eq!(fired("年末贷款余额9600万元，月均900万元。", "BD106"), 0);
    }
}
