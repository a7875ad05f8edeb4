//! BD110: heading numbers that skip, repeat or jump a level (GB/T 9704).
//! Section titles form one sequence per parent, so the towns of a county
//! profile each start again at 一、; the numbers at the start of paragraphs
//! form one sequence per section that starts again after an unnumbered
//! title line. A list inside a paragraph (；2. …；3. …) is no heading level.

use std::ops::Range;

use super::super::finding::Numbering;
use super::super::{Context, Diagnostic, Finding, Rule, RuleDoc};
use crate::model::{SectionId, Severity, heading_marker as marker};

pub struct HeadingNumbering;

static DOC: RuleDoc = RuleDoc {
    id: "BD110",
    name: "heading-numbering",
    severity: Severity::Warning,
    title_zh: "标题序号跳号、重复或跳级",
    title_en: "Heading numbers that skip, repeat or jump a level",
    what_zh: "按GB/T 9704-2012，结构层次序数依次为“一、”“（一）”“1.”“（1）”。检查标题和段首的序号：同一上级之下的同级序号须连续、不得重复；段首序号不得越过中间层级。无序号的标题（如另一个乡镇的名称）之后序号重新开始；段落中间的列举（“；2.……；3.……”）不算层级。",
    what_en: "Following GB/T 9704-2012, heading levels go 一、 → （一） → 1. → （1）. Checks the numbers of titles and at the start of paragraphs: under one parent each level counts on without gaps or repeats, and a paragraph's number does not skip a level. Numbering starts again after an unnumbered title (the name of another town); a list inside a paragraph (；2. …；3. …) is no level.",
    why_zh: "序号错乱多因增删段落后未重新编号，会让读者误以为内容缺失。",
    why_en: "Broken numbering usually follows an edit that added or removed a part, and makes readers think something is missing.",
    example: "一、基本情况\n二、主要做法\n四、存在的问题",
    corrected: "一、基本情况\n二、主要做法\n三、存在的问题",
    fix_zh: "按层级重新编排序号。",
    fix_en: "Renumber the headings level by level.",
};

/// One number: level (0 for 一、 … 3 for （1）), value, section, span (None for a title).
type Mark = (usize, u32, SectionId, Option<Range<usize>>);

impl Rule for HeadingNumbering {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Titles: one sequence per parent, as written where the file gave numbers.
        let mut by_parent: std::collections::BTreeMap<Option<usize>, Vec<Mark>> = Default::default();
        for (i, s) in cx.sections.iter().enumerate() {
            let written = s.written_number.unwrap_or(&s.number);
            if let Some((l, n, _)) = marker(written).or_else(|| marker(s.title)) {
                by_parent.entry(cx.parents[i]).or_default().push((l, n, s.id, None));
            }
        }
        for marks in by_parent.values() {
            run(self, marks, None, false, out);
        }
        // Paragraph numbers: one sequence per section, started again by an unnumbered title line.
        for s in &cx.sections {
            let base = marker(s.written_number.unwrap_or(&s.number)).or_else(|| marker(s.title)).map(|(l, _, _)| l);
            let mut marks = Vec::new();
            let mut at = 0;
            for line in s.body.split('\n') {
                let trimmed = line.trim_start();
                let lead = line.len() - trimmed.len();
                match marker(trimmed) {
                    Some((level, n, len)) => marks.push((level, n, s.id, Some(at + lead..at + lead + len))),
                    None if is_title_line(trimmed) && !marks.is_empty() => {
                        run(self, &marks, base, true, out);
                        marks.clear();
                    }
                    None => {}
                }
                at += line.len() + 1;
            }
            run(self, &marks, base, true, out);
        }
    }
}

/// A short line with no sentence punctuation: a title of its own.
fn is_title_line(line: &str) -> bool {
    let n = line.chars().count();
    (2..=15).contains(&n) && !line.contains(['。', '，', '；', '：', ',', ';'])
}

/// Walks one sequence of numbers and reports skips, repeats and (for paragraphs) level jumps.
fn run(rule: &HeadingNumbering, marks: &[Mark], base: Option<usize>, paragraphs: bool, out: &mut Vec<Diagnostic>) {
    let mut last: [u32; 4] = [0; 4];
    let mut deepest: Option<usize> = base;
    for (level, n, section, span) in marks.iter().cloned() {
        let expected = last[level] + 1;
        let jump = paragraphs && level > deepest.map_or(0, |d| d + 1);
        let name = ["一、", "（一）", "1.", "（1）"][level];
        let problem = if jump && n == 1 {
            Some(Numbering::MissingLevel { marker: name.to_string() })
        } else if n == last[level] && n > 0 {
            Some(Numbering::Repeated { number: n })
        } else if n != expected && !(jump && n == 1) {
            Some(Numbering::Skipped { expected, found: n })
        } else {
            None
        };
        if let Some(p) = problem {
            let span = span.unwrap_or(0..0);
            out.push(Diagnostic::new(rule, section, span, Finding::Numbering(p)));
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
        assert_eq!(marker("1至9月，全市各级工会"), None);
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
        // Numbering starts again under another town's name.
        assert_eq!(fired("一、基本情况\n二、资源情况\n圣水镇\n一、基本情况\n二、资源情况", "BD110"), 0);
        // A list inside a paragraph is no level.
        assert_eq!(fired("一是健全机制；2. 加强培训；3. 完善考核。", "BD110"), 0);
    }
}
