//! BD114: a figure that its source gives with another value. Reads the
//! brief's sources ([`crate::sources`]): each figure of the draft is held to
//! the sources' claims of the same quantity by the identity test, and values
//! are compared with their rounding, 万 and 亿, and 约/近/余 as
//! [`crate::checks::interval`] reads them (1.26亿元 agrees with 12,563万元).
//! A figure that no source gives is listed as 无来源 at the lowest severity.

use super::super::{Context, Diagnostic, Finding, Rule, RuleDoc};
use super::{finding_at, text};
use crate::model::Severity;
use crate::sources::{Status, verify};

pub struct SourceMismatch;

static DOC: RuleDoc = RuleDoc {
    id: "BD114",
    name: "source-mismatch",
    severity: Severity::Error,
    title_zh: "与来源文件数字不符",
    title_en: "A figure its source gives with another value",
    what_zh: "把正文数字与简报所列来源文件（统计公报、政府工作报告、台账、此前的简报等）逐一核对：来源中说的是同一数量（对象、指标、时间、性质、地方都一致）而数值在四舍五入、万与亿折算、约/近/余的含义之内仍不相符的，报错，并注明来源、页码或行号和原句；相符的在数字表中标为“已核对”；所列来源中都没有的，以最低级别列为“无来源”。",
    what_en: "Holds each figure of the text to the brief's sources (a statistical communiqué, a work report, a ledger, an earlier brief): where a source states the same quantity (subject, metric, time, modality and place agree) with a value that cannot agree once rounding, 万/亿 and 约/近/余 are taken into account, it reports an error naming the source, its page or line, and quoting its sentence. A figure that agrees is marked 已核对 (checked) in the figure list; one that no source gives is listed as 无来源 (no source) at the lowest severity.",
    why_zh: "抄错来源中的数字是简报中代价最高的错误之一，而编辑往往只能把两份文件并排逐字比对。",
    why_en: "A figure copied wrong from its source is among the costliest slips in a brief, and editors otherwise hold the two documents side by side and read.",
    example: "2023年，全县投入帮扶资金1.62亿元。",
    corrected: "2023年，全县投入帮扶资金1.26亿元。",
    fix_zh: "按来源文件改正数字；若来源已更新，重新核对后更新来源。",
    fix_en: "Correct the figure from the source; if the source was updated, check it again and update the source.",
};

impl Rule for SourceMismatch {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for v in verify(cx, &cx.sources) {
            match v.status {
                Status::Checked { .. } => {}
                Status::Mismatch { by, assumed } => {
                    let source = &cx.sources[by.source];
                    let sc = &source.claims[by.claim];
                    let warn = !assumed.is_empty();
                    let finding = Finding::SourceMismatch {
                        source: source.name.clone(),
                        page: sc.at.page,
                        line: sc.at.line,
                        here: text(cx, v.claim).to_string(),
                        there: sc.text.clone(),
                        sentence: sc.sentence.clone(),
                        assumed,
                    };
                    let mut d = finding_at(self, cx, v.claim, finding);
                    if warn {
                        d.severity = Severity::Warning;
                    }
                    out.push(d);
                }
                Status::Unsourced => {
                    let finding = Finding::Unsourced { here: text(cx, v.claim).to_string() };
                    let mut d = finding_at(self, cx, v.claim, finding);
                    d.severity = Severity::Info;
                    out.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::{Diagnostic, Env, Finding, check};
    use crate::model::{Brief, Role, Severity};
    use crate::sources::SourceIndex;

    /// A source of four figures, read from text as a .txt source is.
    const SOURCE: &str = "2023年统计公报\n2023年，全县投入帮扶资金12,563万元，转移就业农村劳动力2.84万人。\n全县建成易地搬迁安置点41个，全年接待游客152万人次。\n";

    fn run(draft: &str) -> Vec<Diagnostic> {
        let mut b = Brief::default();
        let s = b.new_section(Role::Custom, "正文", draft);
        b.sections.push(s);
        let env =
            Env { sources: vec![std::sync::Arc::new(SourceIndex::from_text("公报.txt", SOURCE))], ..Env::default() };
        check(&b, &env).into_iter().filter(|d| d.rule == "BD114").collect()
    }

    fn errors(draft: &str) -> usize {
        run(draft).iter().filter(|d| d.severity != Severity::Info).count()
    }

    #[test]
    fn a_figure_copied_wrong_is_an_error_citing_the_source() {
        // A transposed digit, 万 for 亿, another value of a count.
        assert_eq!(errors("2023年，全县投入帮扶资金1.62亿元。"), 1);
        assert_eq!(errors("2023年，全县转移就业农村劳动力2.84亿人。"), 1);
        assert_eq!(errors("全县建成易地搬迁安置点39个。"), 1);
        let d = run("全县建成易地搬迁安置点39个。");
        let Finding::SourceMismatch { source, line, there, sentence, .. } = &d[0].finding else { panic!("{d:?}") };
        assert_eq!((source.as_str(), *line, there.as_str()), ("公报.txt", 3, "41个"));
        assert!(sentence.contains("安置点41个"), "{sentence}");
    }

    #[test]
    fn rounding_and_approximation_agree_with_the_source() {
        // 1.26亿元 is 12,563万元 rounded; 约150万 and 近3万 are within their meaning.
        assert_eq!(run("2023年，全县投入帮扶资金1.26亿元。"), vec![]);
        assert_eq!(run("全年接待游客约150万人次。"), vec![]);
        assert_eq!(run("2023年，全县转移就业农村劳动力近3万人。"), vec![]);
        // A rounded figure that no longer rounds to the source's.
        assert_eq!(errors("2023年，全县投入帮扶资金1.27亿元。"), 1);
    }

    #[test]
    fn a_figure_no_source_gives_is_listed_as_unsourced() {
        let d = run("全县新建村级光伏电站18座。");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
        assert!(d[0].message(crate::lang::Lang::Zh).starts_with("无来源"));
        // Another year is another quantity: no source gives 2022's.
        assert_eq!(errors("2022年，全县投入帮扶资金1.62亿元。"), 0);
    }
}
