use super::super::context::{half_ulp, show};
use super::super::{Context, Diagnostic, Rule, RuleDoc};
use crate::figures::{Figure, Kind};
use crate::model::Severity;

pub struct SharesExceedWhole;

static DOC: RuleDoc = RuleDoc {
    id: "BD104",
    name: "shares-exceed-whole",
    severity: Severity::Error,
    title_zh: "各部分占比之和超过100%",
    title_en: "Shares of one whole add up to more than 100%",
    what_zh: "在同一句中找出用“占”列举的各部分比例（占52%、占31%……，或“分别占45%、30%和25%”），相加超过100%（允许四舍五入误差）即报错；写明合计100%而各部分之和不足的也报错。",
    what_en: "Finds the shares listed with 占 in one sentence (占52%、占31% …, or 分别占45%、30%和25%) and adds them; more than 100% beyond rounding is an error, and so are shares that fall short of a stated total of 100%.",
    why_zh: "同一整体的各部分占比相加不可能超过100%，出现这种情况说明至少有一个比例写错。",
    why_en: "Shares of one whole cannot add up to more than 100%; when they do, at least one of them is wrong.",
    example: "资金投向中产业项目占52%、基础设施占31%、公益岗位占24%。",
    fix_zh: "核对各部分比例，使其合计不超过100%。",
    fix_en: "Check each share so that together they do not exceed 100%.",
};

/// The shares of a sentence: percentages after 占, and those listed right after one.
fn shares<'f>(body: &str, floor: usize, figs: &'f [Figure]) -> Vec<&'f Figure> {
    let mut out: Vec<&Figure> = Vec::new();
    let mut prev_end = floor;
    for f in figs {
        let is_pct = f.kind == Kind::Percent && f.unit == "%";
        if is_pct {
            let lead = &body[prev_end.max(floor)..f.span.start];
            let after_share = out.last().is_some_and(|l| l.span.end == prev_end);
            let short_sep = lead.chars().count() <= 2 && lead.chars().all(|c| "、和及与，,".contains(c));
            if super::before(body, f.span.start, prev_end, 8).contains('占') || (after_share && short_sep) {
                out.push(f);
            }
        }
        prev_end = f.span.end;
    }
    out
}

impl Rule for SharesExceedWhole {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for s in &cx.sections {
            for sent in &s.sentences {
                let figs = s.sentence_figures(sent);
                // A stated whole: 合计100%.
                let stated = figs.iter().find(|f| {
                    f.kind == Kind::Percent
                        && f.value == 100.0
                        && ["合计", "共计", "总计"]
                            .iter()
                            .any(|w| super::before(s.body, f.span.start, sent.span.start, 4).contains(w))
                });
                let parts: Vec<&Figure> =
                    shares(s.body, sent.span.start, figs).into_iter().filter(|f| Some(*f) != stated).collect();
                if parts.len() < 2 || parts.iter().any(|f| f.value_max.is_some()) {
                    continue;
                }
                let sum: f64 = parts.iter().map(|f| f.value).sum();
                let slack: f64 = parts.iter().map(|f| half_ulp(s.text(f), f.value)).sum::<f64>() + 1e-9;
                let approx = parts.iter().any(|f| f.qualifier != crate::figures::Qualifier::Exact);
                let (zh, en) = if sum > 100.0 + slack && !(approx && sum <= 101.0) {
                    (
                        format!("各部分占比合计{}%，超过100%", show(sum)),
                        format!("the shares add up to {}%, more than 100%", show(sum)),
                    )
                } else if stated.is_some() && sum < 100.0 - slack && !approx {
                    (
                        format!("各部分占比合计{}%，不足所写的100%", show(sum)),
                        format!("the shares add up to {}%, short of the stated 100%", show(sum)),
                    )
                } else {
                    continue;
                };
                let mut d = Diagnostic::new(self, s.id, parts[0].span.start..parts[parts.len() - 1].span.end, zh, en);
                for p in &parts {
                    d = d.related(s.id, p.span.clone(), format!("占比 {}", s.text(p)));
                }
                out.push(d);
            }
        }
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
    }

    #[test]
    fn silent_when_shares_fit_or_are_not_shares() {
        assert_eq!(fired("资金投向中产业项目占52%、基础设施占31%、公益岗位占17%。", "BD104"), 0);
        assert_eq!(fired("三项分别占33.3%、33.3%和33.4%。", "BD104"), 0);
        assert_eq!(fired("销售额增长50%，就业率达72%，取证率为75%。", "BD104"), 0);
        assert_eq!(fired("受助学生中有女生1248名，占48%。", "BD104"), 0);
    }
}
