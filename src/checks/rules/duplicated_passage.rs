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

/// A passage's identity with whitespace ignored: (characters, FNV-1a hash of
/// the bytes), computed in one pass over the bytes without allocating.
fn fingerprint(s: &str) -> (usize, u64) {
    let bytes = s.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII whitespace and the ideographic space U+3000 (E3 80 80) do not count.
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b == 0xE3 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x80) {
            i += 3;
            continue;
        }
        if b & 0xC0 != 0x80 {
            n += 1;
        }
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    (n, hash)
}

/// Whether two passages are equal with whitespace ignored (guards against hash collisions).
fn same_text(a: &str, b: &str) -> bool {
    let keep = |c: &char| !c.is_whitespace();
    a.chars().filter(keep).eq(b.chars().filter(keep))
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
        let mut seen_para: HashMap<(usize, u64), (SectionId, Range<usize>)> = HashMap::new();
        let mut seen_sent: HashMap<(usize, u64), (SectionId, Range<usize>)> = HashMap::new();
        let text_of = |id: SectionId, r: &Range<usize>| {
            cx.sections.iter().find(|s| s.id == id).map_or("", |s| &s.body[r.clone()])
        };
        for s in &cx.sections {
            let mut dup_paras: Vec<Range<usize>> = Vec::new();
            for p in paragraphs(s.body) {
                let key = fingerprint(&s.body[p.clone()]);
                if key.0 < MIN_CHARS {
                    continue;
                }
                match seen_para.get(&key) {
                    Some((sec, first)) if same_text(text_of(*sec, first), &s.body[p.clone()]) => {
                        let zh = "这一段与前文重复，可能粘贴了两次".to_string();
                        let en = "this paragraph repeats an earlier one; it may have been pasted twice".to_string();
                        out.push(Diagnostic::new(self, s.id, p.clone(), zh, en).related(
                            *sec,
                            first.clone(),
                            "首次出现",
                        ));
                        dup_paras.push(p);
                    }
                    Some(_) => {}
                    None => {
                        seen_para.insert(key, (s.id, p));
                    }
                }
            }
            for sent in &s.sentences {
                let key = fingerprint(&s.body[sent.span.clone()]);
                if key.0 < MIN_CHARS {
                    continue;
                }
                let in_dup = dup_paras.iter().any(|p| p.contains(&sent.span.start));
                match seen_sent.get(&key) {
                    Some((sec, first)) if !in_dup && same_text(text_of(*sec, first), &s.body[sent.span.clone()]) => {
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
        assert_eq!(fired("市总工会投入资金用于技能培训。市总工会投入资金用于教育扶贫。", "BD111"), 0);
    }
}
