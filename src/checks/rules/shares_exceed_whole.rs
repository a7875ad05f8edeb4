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
}
