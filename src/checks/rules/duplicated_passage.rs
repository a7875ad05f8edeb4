use std::collections::HashMap;
use std::ops::Range;

use super::super::{Context, Diagnostic, Rule, RuleDoc};
use crate::model::{SectionId, Severity};

pub struct DuplicatedPassage;

static DOC: RuleDoc = RuleDoc {
    id: "BD111",
    name: "duplicated-passage",
    severity: Severity::Error,
    title_zh: "段落或句子重复",
    title_en: "A paragraph or sentence that appears twice",
    what_zh: "找出全文中出现两次的段落，以及15个字以上、出现两次的句子（忽略空白）。重复的段落报错，重复的句子报警告。",
    what_en: "Finds paragraphs that appear twice in the brief, and sentences of 15 or more characters that appear twice (whitespace ignored). A repeated paragraph is an error, a repeated sentence a warning.",
    why_zh: "整段重复几乎总是粘贴错误，在已刊发的稿件中也屡见不鲜。",
    why_en: "A paragraph that appears twice is almost always a paste error; published pieces show it often.",
    example: "落实任务，人是关键。市总工会推进各区总工会选派干部赴受援地区开展协作工作。\n落实任务，人是关键。市总工会推进各区总工会选派干部赴受援地区开展协作工作。",
    fix_zh: "删去重复的一处。",
    fix_en: "Delete one of the two.",
};

const MIN_CHARS: usize = 15;

fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in body.split('\n') {
        if !line.trim().is_empty() {
            out.push(at..at + line.len());
        }
        at += line.len() + 1;
    }
    out
}

impl Rule for DuplicatedPassage {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut seen_para: HashMap<String, (SectionId, Range<usize>)> = HashMap::new();
        let mut seen_sent: HashMap<String, (SectionId, Range<usize>)> = HashMap::new();
        for s in &cx.sections {
            let mut dup_paras: Vec<Range<usize>> = Vec::new();
            for p in paragraphs(s.body) {
                let key = norm(&s.body[p.clone()]);
                if key.chars().count() < MIN_CHARS {
                    continue;
                }
                match seen_para.get(&key) {
                    Some((sec, first)) => {
                        let zh = "这一段与前文重复，可能粘贴了两次".to_string();
                        let en =
                            "this paragraph repeats an earlier one; it may have been pasted twice"
                                .to_string();
                        out.push(Diagnostic::new(self, s.id, p.clone(), zh, en).related(
                            *sec,
                            first.clone(),
                            "首次出现",
                        ));
                        dup_paras.push(p);
                    }
                    None => {
                        seen_para.insert(key, (s.id, p));
                    }
                }
            }
            for sent in &s.sentences {
                let key = norm(&s.body[sent.span.clone()]);
                if key.chars().count() < MIN_CHARS {
                    continue;
                }
                let in_dup = dup_paras.iter().any(|p| p.contains(&sent.span.start));
                match seen_sent.get(&key) {
                    Some((sec, first)) if !in_dup => {
                        let zh = "这句话与前文重复".to_string();
                        let en = "this sentence repeats an earlier one".to_string();
                        let mut d = Diagnostic::new(self, s.id, sent.span.clone(), zh, en).related(
                            *sec,
                            first.clone(),
                            "首次出现",
                        );
                        d.severity = Severity::Warning;
                        out.push(d);
                    }
                    Some(_) => {}
                    None => {
                        seen_sent.insert(key, (s.id, sent.span.clone()));
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
    fn fires_on_repeats() {
        let d = run_text(
            "落实任务，人是关键。市总工会推进各区选派干部赴受援地区开展协作。\n其他内容。\n落实任务，人是关键。市总工会推进各区选派干部赴受援地区开展协作。",
        );
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD111").collect();
        assert_eq!(d.len(), 1, "one paragraph, not its sentences again: {d:?}");
        assert_eq!(
            fired(
                "全市各级工会把强化技能培训作为关键一招。另一段。\n再说一遍。全市各级工会把强化技能培训作为关键一招。",
                "BD111"
            ),
            1
        );
    }

    #[test]
    fn silent_on_short_or_different_text() {
        assert_eq!(fired("一是加强领导。二是加强领导。", "BD111"), 0);
        assert_eq!(
            fired(
                "市总工会投入资金用于技能培训。市总工会投入资金用于教育扶贫。",
                "BD111"
            ),
            0
        );
    }
}
