use super::super::context::{interval, is_count, is_money, show};
use super::super::{Context, Diagnostic, Rule, RuleDoc};
use crate::figures::Figure;
use crate::model::Severity;

pub struct BreakdownExceedsTotal;

static DOC: RuleDoc = RuleDoc {
    id: "BD103",
    name: "breakdown-exceeds-total",
    severity: Severity::Error,
    title_zh: "分项合计与总数不符",
    title_en: "Breakdown exceeds or misses its total",
    what_zh: "找出“总数，其中/包括 分项”和“分别……共计”的句子，把分项加起来与总数比较；分项之和超过总数，或某一分项大于总数，即报错；用“分别”列全的分项之和少于总数也报错。",
    what_en: "Finds a total followed by its parts (其中, 包括) or parts listed with 分别 and a stated total (共计, 合计), adds the parts up and compares. Parts that add up to more than the total, a part larger than the total, or a complete 分别 list that falls short of its total is an error.",
    why_zh: "分项之和大于总数是最容易被读者发现、也最损害可信度的数字错误，多因改稿时只改了总数或只改了分项。",
    why_en: "Parts that add up to more than their total are the error readers spot first and trust least; it usually comes from editing the total or a part but not both.",
    example: "共帮扶困难职工1450户，其中城镇职工860户，农民工640户。",
    fix_zh: "核对原始数据，改正总数或分项，使分项之和不超过总数。",
    fix_en: "Check the source and correct the total or the parts so that the parts do not exceed the total.",
};

fn same_family(a: &Figure, b: &Figure) -> bool {
    a.unit == b.unit && (is_count(a) || is_money(a) || a.kind == b.kind)
}

const TOTAL_WORDS: &[&str] = &["共计", "合计", "总计", "累计", "共", "总共", "一共"];

impl Rule for BreakdownExceedsTotal {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for s in &cx.sections {
            for sent in &s.sentences {
                let figs = s.sentence_figures(sent);
                let text = &s.body[sent.span.clone()];
                for (i, total) in figs.iter().enumerate() {
                    if total.kind != crate::figures::Kind::Quantity || total.value <= 0.0 {
                        continue;
                    }
                    // Total, then 其中 or 包括 right after it.
                    let next = figs.get(i + 1).map_or(sent.span.end, |f| f.span.start);
                    let gap = &s.body[total.span.end..next];
                    let opener =
                        ["其中", "包括"].iter().find(|w| gap.contains(*w) && gap.find(*w).is_some_and(|p| p <= 9));
                    let parts: Vec<&Figure> = if opener.is_some() {
                        figs[i + 1..].iter().filter(|f| same_family(total, f)).collect()
                    } else {
                        // Parts listed with 分别, total after a 共计-like word.
                        let lead = super::before(s.body, total.span.start, sent.span.start, 4);
                        if !text.contains("分别") || !TOTAL_WORDS.iter().any(|w| lead.contains(w)) {
                            continue;
                        }
                        figs.iter().filter(|f| f.span != total.span && same_family(total, f)).collect()
                    };
                    if parts.is_empty() {
                        continue;
                    }
                    let (t_lo, t_hi) = interval(total, s.text(total));
                    let (mut lo, mut hi) = (0.0, 0.0);
                    for p in &parts {
                        let (a, b) = interval(p, s.text(p));
                        lo += a;
                        hi += b;
                    }
                    let sum: f64 = parts.iter().map(|p| p.value).sum();
                    let unit = total.unit;
                    let biggest = parts.iter().find(|p| interval(p, s.text(p)).0 > t_hi);
                    let complete = opener.is_none();
                    let (zh, en) = if let Some(p) = biggest {
                        (
                            format!("分项{}{unit}大于总数{}{unit}", show(p.value), show(total.value)),
                            format!(
                                "the part {} {unit} is larger than the total {} {unit}",
                                show(p.value),
                                show(total.value)
                            ),
                        )
                    } else if lo > t_hi {
                        (
                            format!("分项合计{}{unit}，超过总数{}{unit}", show(sum), show(total.value)),
                            format!(
                                "the parts add up to {} {unit}, more than the total {} {unit}",
                                show(sum),
                                show(total.value)
                            ),
                        )
                    } else if complete && hi < t_lo {
                        (
                            format!("分项合计{}{unit}，少于总数{}{unit}", show(sum), show(total.value)),
                            format!(
                                "the parts add up to {} {unit}, less than the total {} {unit}",
                                show(sum),
                                show(total.value)
                            ),
                        )
                    } else {
                        continue;
                    };
                    let mut d = Diagnostic::new(self, s.id, total.span.clone(), zh, en);
                    for p in &parts {
                        d = d.related(s.id, p.span.clone(), format!("分项 {}", s.text(p)));
                    }
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
    fn fires_when_parts_exceed_the_total() {
        let d = run_text("共帮扶困难职工1450户，其中城镇职工860户，农民工640户。");
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD103").collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message, "分项合计1500户，超过总数1450户");
        assert_eq!(d[0].related.len(), 2);
        assert_eq!(fired("全市投入帮扶资金1200万元，其中产业项目1500万元。", "BD103"), 1);
        assert_eq!(fired("三个县分别投入300万元、450万元和200万元，共计900万元。", "BD103"), 1);
    }

    #[test]
    fn silent_when_parts_fit() {
        assert_eq!(fired("共帮扶困难职工1450户，其中城镇职工810户，农民工640户。", "BD103"), 0);
        assert_eq!(fired("吸纳就业近2000人，其中建档立卡贫困人口1460人。", "BD103"), 0);
        assert_eq!(
            fired("带动脱贫户8600余户，其中食用菌基地带动3200户，中药材带动2900户，肉牛养殖带动2600户。", "BD103"),
            0
        );
        assert_eq!(fired("三个县分别投入300万元、450万元和150万元，共计900万元。", "BD103"), 0);
        // A part of another unit is no part: 户均 is money per household.
        assert_eq!(fired("共带动脱贫户860户，其中户均增收3200元。", "BD103"), 0);
    }
}
