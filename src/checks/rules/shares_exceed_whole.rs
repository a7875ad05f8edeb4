//! BD104: shares of one whole over 100%. Reads the share lists the claims
//! layer found in each sentence (占, 占比, 用于, 其余); shares named on
//! different dimensions (女生, 少数民族学生, 建档立卡家庭学生) may overlap and
//! are not added up.

use super::super::claims::relations::overlap;
use super::super::context::half_ulp;
use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use super::{figure, finding_at, text, with};
use crate::figures::{Kind, Qualifier};
use crate::model::Severity;

pub struct SharesExceedWhole;

static DOC: RuleDoc = RuleDoc {
    id: "BD104",
    name: "shares-exceed-whole",
    severity: Severity::Error,
    title_zh: "各部分占比之和超过100%",
    title_en: "Shares of one whole add up to more than 100%",
    what_zh: "在同一句中找出同一整体的各部分比例（“占52%、占31%……”“分别占45%、30%和25%”“二分之一用于……三分之一用于……”“其余15%”），相加超过100%（允许四舍五入误差）即报错；写明合计100%而各部分之和不足的也报错。按不同维度划分、可能重叠的比例不相加。产业结构等比例（如“三次产业结构为12.1：38.6：49.3”）各项之和须为100。",
    what_en: "Finds the shares of one whole listed in one sentence (占52%、占31% …, 分别占45%、30%和25%, 二分之一用于… 三分之一用于…, 其余15%) and adds them: more than 100% beyond rounding is an error, and so are shares that fall short of a stated total of 100%. Shares on different dimensions, which may overlap, are not added. A structure said as a ratio (三次产业结构为12.1：38.6：49.3) must make 100.",
    why_zh: "同一整体的各部分占比相加不可能超过100%，出现这种情况说明至少有一个比例写错。",
    why_en: "Shares of one whole cannot add up to more than 100%; when they do, at least one of them is wrong.",
    example: "资金投向中产业项目占52%、基础设施占31%、公益岗位占24%。",
    corrected: "资金投向中产业项目占52%、基础设施占31%、公益岗位占17%。",
    fix_zh: "核对各部分比例，使其合计不超过100%。",
    fix_en: "Check each share so that together they do not exceed 100%.",
};

impl Rule for SharesExceedWhole {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for list in &cx.claims.relations.shares {
            // Each share in points: a fraction of one is a hundred times it.
            let points = |id| {
                let f = figure(cx, id);
                if f.kind == Kind::Fraction { f.value * 100.0 } else { f.value }
            };
            let words: Vec<&str> = list
                .shares
                .iter()
                .map(|id| {
                    let c = &cx.claims.all[*id];
                    &cx.sections[c.section].body[c.clause.clone()]
                })
                .collect();
            if overlap(&words) {
                continue;
            }
            let sum: f64 = list.shares.iter().map(|id| points(*id)).sum();
            let slack: f64 = list
                .shares
                .iter()
                .map(|id| {
                    let f = figure(cx, *id);
                    // Shares in 成 are whole tenths: 三成 and 五成 make eight.
                    if f.kind == Kind::Fraction || text(cx, *id).contains('成') {
                        0.0
                    } else {
                        half_ulp(text(cx, *id), f.value)
                    }
                })
                .sum::<f64>()
                + 1e-9;
            let approx = list.shares.iter().any(|id| figure(cx, *id).qualifier != Qualifier::Exact);
            let finding = if sum > 100.0 + slack && !(approx && sum <= 101.0) {
                Finding::SharesOver { sum }
            } else if list.stated.is_some() && sum < 100.0 - slack && !approx {
                Finding::SharesUnderStated { sum }
            } else if list.complete && sum < 100.0 - slack && !approx {
                Finding::SharesUnderComplete { sum, parts: list.shares.len() }
            } else {
                continue;
            };
            let (first, last) = (list.shares[0], list.shares[list.shares.len() - 1]);
            let c = &cx.claims.all[first];
            let span = figure(cx, first).span.start..figure(cx, last).span.end;
            let mut d = Diagnostic::new(self, cx.sections[c.section].id, span, finding);
            if cx.claims.all[last].section != c.section {
                d = finding_at(self, cx, first, d.finding.clone());
            }
            for &p in &list.shares {
                d = with(d, cx, p, RelatedRole::Share);
            }
            out.push(d);
        }
        // Share columns of tables (占比（%）), and shares along a row.
        // A ratio that shares out one whole (三次产业结构12.1：38.6：49.3) makes 100.
        for r in &cx.claims.relations.ratios {
            let sum: f64 = r.terms.iter().sum();
            if (sum - 100.0).abs() > r.slack {
                let s = &cx.sections[r.section];
                let ratio = s.body[r.span.clone()].to_string();
                out.push(Diagnostic::new(self, s.id, r.span.clone(), Finding::RatioNot100 { ratio, sum }));
            }
        }
        out.extend(cx.claims.relations.tables.shares.iter().filter_map(|t| t.diagnostic(self, cx)));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::fired;

    #[test]
    fn fires_over_100() {
        assert_eq!(fired("资金投向中产业项目占52%、基础设施占31%、公益岗位占24%。", "BD104"), 1);
        assert_eq!(fired("三类支出分别占45%、35%和30%。", "BD104"), 1);
        assert_eq!(fired("受助学生中女生占38%，男生占52%，合计100%。", "BD104"), 1);
        assert_eq!(fired("将帮扶资金的二分之一用于产业项目，三分之一用于技能培训，四分之一用于助学。", "BD104"), 1);
        assert_eq!(fired("粮油类占41%，肉禽蛋类占27%，果蔬类占22%，其余15%为手工艺品等。", "BD104"), 1);
    }

    #[test]
    fn silent_when_shares_fit_or_are_not_shares() {
        assert_eq!(fired("资金投向中产业项目占52%、基础设施占31%、公益岗位占17%。", "BD104"), 0);
        assert_eq!(fired("三项分别占33.3%、33.3%和33.4%。", "BD104"), 0);
        assert_eq!(fired("销售额增长50%，就业率达72%，取证率为75%。", "BD104"), 0);
        assert_eq!(fired("受助学生中有女生1248名，占48%。", "BD104"), 0);
        assert_eq!(fired("受助学生中，女生占54%，少数民族学生占38%，建档立卡家庭学生占67%。", "BD104"), 0);
        assert_eq!(fired("线上销售占比由38%提高到52%，线下销售占比相应降至48%。", "BD104"), 0);
    }

    #[test]
    fn shares_sent_each_one_way_cannot_pass_100() {
        assert_eq!(fired("合作社的蜂蜜70%销往省外，40%销往本地超市。", "BD104"), 1);
        assert_eq!(fired("合作社的蜂蜜70%销往省外，30%销往本地超市。", "BD104"), 0);
        assert_eq!(fired("今年60%的帮扶资金用于产业项目，50%的帮扶资金用于基础设施。", "BD104"), 1);
        assert_eq!(fired("新增电力45%供给园区企业，65%供给城乡居民。", "BD104"), 1);
        // A list need not be complete: short of 100% is left alone.
        assert_eq!(fired("新增电力45%供给园区企业，35%供给城乡居民。", "BD104"), 0);
        // Clean look-alike: people may do two things (种植 sends nothing one way).
        assert_eq!(fired("全村60%的农户种植玉米，50%的农户养殖肉牛。", "BD104"), 0);
    }

    #[test]
    fn the_steps_of_one_amount_make_100() {
        assert_eq!(fired("补贴分2期拨付，分别按补贴总额的60%和50%拨付到户。", "BD104"), 1);
        assert_eq!(fired("补贴分2期拨付，分别按补贴总额的60%和40%拨付到户。", "BD104"), 0);
        let s = "工程款按开工、主体完工和竣工验收3个阶段，分别按合同价的30%、40%和20%支付。";
        assert_eq!(fired(s, "BD104"), 1, "short of 100% when every step is named");
        let s = "工程款按开工、主体完工和竣工验收3个阶段，分别按合同价的30%、40%和30%支付。";
        assert_eq!(fired(s, "BD104"), 0);
        assert_eq!(fired("奖补资金分3批下达，分别按年度资金的50%、30%和30%下达。", "BD104"), 1);
        // Clean look-alike: rates said 分别 of kinds, not steps of one amount.
        assert_eq!(fired("对一、二、三类企业分别按销售额的30%、50%和80%奖励。", "BD104"), 0);
    }

    #[test]
    fn the_kinds_a_whole_is_made_of_make_100() {
        let s =
            "全县耕地由水田、旱地和水浇地3类构成。水田占耕地总面积42%。旱地占耕地总面积51%。水浇地占耕地总面积17%。";
        assert_eq!(fired(s, "BD104"), 1);
        let s = "全县耕地由水田、旱地和水浇地3类构成。水田占耕地总面积42%。旱地占耕地总面积51%。水浇地占耕地总面积7%。";
        assert_eq!(fired(s, "BD104"), 0);
        let s = "全县耕地由水田、旱地和水浇地3类构成。水田占耕地总面积42%。旱地占耕地总面积41%。水浇地占耕地总面积7%。";
        let d = crate::checks::rules::testing::run_text(s);
        let d = d.iter().find(|d| d.rule == "BD104").expect("BD104 on shares short of 100%");
        assert!(
            d.message(crate::lang::Lang::Zh).contains("3个部分的占比合计90%"),
            "{}",
            d.message(crate::lang::Lang::Zh)
        );
        let s = "辖区企业由国有、集体、民营和外资4种类型组成，国有占企业总数的5%，集体占企业总数的10%，民营占企业总数的80%，外资占企业总数的15%。";
        assert_eq!(fired(s, "BD104"), 1);
        // Clean look-alike: a count of kinds unlike the number of shares.
        let s = "全县耕地由水田、旱地和水浇地3类构成。水田占耕地总面积42%。旱地占耕地总面积41%。";
        assert_eq!(fired(s, "BD104"), 0);
    }
}
