use std::ops::Range;

use super::super::{Context, Diagnostic, Rule, RuleDoc};
use crate::model::{SectionId, Severity, heading_marker as marker};

pub struct HeadingNumbering;

static DOC: RuleDoc = RuleDoc {
    id: "BD110",
    name: "heading-numbering",
    severity: Severity::Warning,
    title_zh: "标题序号跳号、重复或跳级",
    title_en: "Heading numbers that skip, repeat or jump a level",
    what_zh: "按GB/T 9704-2012，结构层次序数依次为“一、”“（一）”“1.”“（1）”。检查正文和标题中的序号：同级序号须连续，不得重复，下级序号不得越过中间层级。",
    what_en: "Following GB/T 9704-2012, heading levels go 一、 → （一） → 1. → （1）. Checks the numbers at the start of headings and paragraphs: each level counts on without gaps or repeats, and no level is skipped.",
    why_zh: "序号错乱多因增删段落后未重新编号，会让读者误以为内容缺失。",
    why_en: "Broken numbering usually follows an edit that added or removed a part, and makes readers think something is missing.",
    example: "一、基本情况\n二、主要做法\n四、存在的问题",
    fix_zh: "按层级重新编排序号。",
    fix_en: "Renumber the headings level by level.",
};

impl Rule for HeadingNumbering {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Section headings form one sequence through the brief.
        let titles: Vec<_> = cx
            .sections
            .iter()
            .filter_map(|s| marker(&s.number).or_else(|| marker(s.title)).map(|(l, n, _)| (l, n, s.id, None)))
            .collect();
        run(self, &titles, None, out);
        // Numbers at the start of paragraphs form one sequence per section, below the section's own level.
        for s in &cx.sections {
            let mut marks = Vec::new();
            let mut at = 0;
            for line in s.body.split('\n') {
                let trimmed = line.trim_start();
                let lead = line.len() - trimmed.len();
                if let Some((level, n, len)) = marker(trimmed) {
                    marks.push((level, n, s.id, Some(at + lead..at + lead + len)));
                }
                at += line.len() + 1;
            }
            let base = marker(&s.number).or_else(|| marker(s.title)).map(|(l, _, _)| l);
            run(self, &marks, base, out);
        }
    }
}

type Mark = (usize, u32, SectionId, Option<Range<usize>>);

/// Walks one sequence of numbers and reports skips, repeats and level jumps.
fn run(rule: &HeadingNumbering, marks: &[Mark], base: Option<usize>, out: &mut Vec<Diagnostic>) {
    let mut last: [u32; 4] = [0; 4];
    let mut deepest: Option<usize> = base;
    for (level, n, section, span) in marks.iter().cloned() {
        let expected = last[level] + 1;
        let jump = level > deepest.map_or(0, |d| d + 1);
        let name = ["一、", "（一）", "1.", "（1）"][level];
        let msg = if jump && n == 1 {
            Some((
                format!("序号“{name}”的上一级序号缺失（层级应为一、→（一）→1.→（1））"),
                format!("the {name} level comes without the level above it"),
            ))
        } else if n == last[level] && n > 0 {
            Some((format!("序号{n}与上一个同级序号重复"), format!("number {n} repeats the previous one at this level")))
        } else if n != expected {
            Some((format!("序号应为{expected}，写作{n}"), format!("expected number {expected} here, found {n}")))
        } else {
            None
        };
        if let (Some((zh, en)), Some(span)) = (msg, span) {
            out.push(Diagnostic::new(rule, section, span, zh, en));
        }
        last[level] = n;
        for l in &mut last[level + 1..] {
            *l = 0;
        }
        deepest = Some(level);
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::fired;
    use crate::model::heading_marker as marker;

    #[test]
    fn reads_markers() {
        assert_eq!(marker("一、基本情况").map(|m| (m.0, m.1)), Some((0, 1)));
        assert_eq!(marker("（十二）其他").map(|m| (m.0, m.1)), Some((1, 12)));
        assert_eq!(marker("3. 严格考核").map(|m| (m.0, m.1)), Some((2, 3)));
        assert_eq!(marker("(2)加强培训").map(|m| (m.0, m.1)), Some((3, 2)));
        assert_eq!(marker("1针对贫困人口").map(|m| (m.0, m.1)), Some((2, 1)));
        assert_eq!(marker("1多措并举巩固成果").map(|m| (m.0, m.1)), Some((2, 1)));
        assert_eq!(marker("2020年是决胜之年"), None);
        assert_eq!(marker("3.5万人脱贫"), None);
        assert_eq!(marker("18个乡村"), None);
    }

    #[test]
    fn fires_on_skips_repeats_and_jumps() {
        assert_eq!(fired("一、基本情况\n二、主要做法\n四、存在的问题", "BD110"), 1);
        assert_eq!(fired("一、基本情况\n二、主要做法\n二、存在的问题", "BD110"), 1);
        assert_eq!(fired("一、基本情况\n1. 人口\n2. 产业", "BD110"), 1);
    }

    #[test]
    fn silent_on_good_numbering() {
        assert_eq!(
            fired(
                "一、困境\n（一）务工受阻\n（二）销售困难\n二、建议\n（一）复工\n1. 返岗\n2. 销售\n（二）机制\n1. 巩固",
                "BD110"
            ),
            0
        );
    }
}
