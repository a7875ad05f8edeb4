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
        // Every number in document order, titles and paragraph openings alike: a
        // draft often makes some items of one level titles (（三）基本原则) and others
        // paragraphs that open with their number (（二）目标任务。按照…). An
        // unnumbered title (another town's name) starts the numbering again.
        // A title and a few numbered paragraphs a section, most often: sized so the list rarely grows.
        let mut marks: Vec<Option<Mark>> = Vec::with_capacity(cx.sections.len() * 4);
        for s in &cx.sections {
            let written = s.written_number.unwrap_or(&s.number);
            match marker(written).or_else(|| marker(s.title)) {
                Some((l, n, _)) => marks.push(Some((l, n, s.id, None))),
                None => marks.push(None),
            }
            for (at, line) in super::super::context::lines(s.body) {
                let trimmed = line.trim_start();
                let lead = line.len() - trimmed.len();
                match marker(trimmed) {
                    // 1.合理确定目标；2.加大投入；3.…: a list run into one paragraph is no level.
                    Some((_, n, len)) if runs_on(&trimmed[len..], n) => {}
                    Some((level, n, len)) => marks.push(Some((level, n, s.id, Some(at + lead..at + lead + len)))),
                    None if is_title_line(trimmed) => marks.push(None),
                    None => {}
                }
            }
        }
        // The last number of each level, kept across new parents and titles:
        // articles numbered on through the parts (一、… 1. 2. 二、… 3. 4.) continue it.
        let mut through: [u32; 4] = [0; 4];
        let convention = conventions(&marks);
        let articles = articles(&marks);
        for run_marks in marks.split(Option::is_none) {
            let run_marks: Vec<Mark> = run_marks.iter().flatten().cloned().collect();
            let used: [bool; 4] = std::array::from_fn(|l| run_marks.iter().any(|m| m.0 == l));
            run(self, &run_marks, &Levels { used, convention, articles }, &mut through, out);
        }
    }
}

/// Whether a numbered paragraph goes on to its next number inside itself
/// (1.合理确定目标；2.加大投入): a list, not a heading.
fn runs_on(rest: &str, n: u32) -> bool {
    let next = (n + 1).to_string();
    // After a stop: the next number, closed by . ． 、 or in brackets.
    let numbered_next = |after: &str| {
        let after = after.trim_start();
        let closed = |s: &str| s.strip_prefix(next.as_str()).is_some_and(|r| r.starts_with(['.', '．', '、']));
        let bracketed = |open: char, close: char| {
            after.strip_prefix(open).and_then(|r| r.strip_prefix(next.as_str())).is_some_and(|r| r.starts_with(close))
        };
        closed(after) || bracketed('（', '）') || bracketed('(', ')')
    };
    rest.match_indices(['；', '。', ';', '，']).any(|(i, p)| numbered_next(&rest[i + p.len()..]))
}

/// A short line with no sentence punctuation: a title of its own (not 各位代表！).
fn is_title_line(line: &str) -> bool {
    // Over 120 bytes is over 30 characters (four bytes at most each): long paragraphs are not counted.
    let n = if line.len() > 120 { usize::MAX } else { line.chars().count() };
    (2..=30).contains(&n) && !line.contains(['。', '，', '；', '：', ',', ';', '！', '？', '!', '?'])
}

/// What a sequence and its document say about levels.
struct Levels {
    /// The levels used in this sequence.
    used: [bool; 4],
    /// Jumps the document makes three times or more, and more often than it
    /// opens the level between: its own convention (town pages go 一、 → 1.).
    /// Indexed [from][to].
    convention: [[bool; 4]; 4],
    /// Levels numbered on through the parts (一、… 1. 2. 二、… 3. 4.): articles,
    /// which stand under any level.
    articles: [bool; 4],
}

/// The levels whose numbers go on under a new parent (see [`Levels::articles`]).
fn articles(marks: &[Option<Mark>]) -> [bool; 4] {
    let mut out = [false; 4];
    let mut last = [0u32; 4];
    let mut through = [0u32; 4];
    for (level, n, _, _) in marks.iter().flatten() {
        if last[*level] == 0 && *n > 1 && *n == through[*level] + 1 {
            out[*level] = true;
        }
        last[*level] = *n;
        through[*level] = *n;
        for l in &mut last[level + 1..] {
            *l = 0;
        }
    }
    out
}

/// The level jumps that are a document's convention (see [`Levels::convention`]).
fn conventions(marks: &[Option<Mark>]) -> [[bool; 4]; 4] {
    // How often each level opens the one below it ([d][d + 1]) or one further down.
    let mut count = [[0u32; 4]; 4];
    let mut deepest: Option<usize> = None;
    for m in marks {
        match m {
            Some((level, n, _, _)) => {
                if let Some(d) = deepest
                    && *level > d
                    && *n == 1
                {
                    count[d][*level] += 1;
                }
                deepest = Some(*level);
            }
            None => deepest = None,
        }
    }
    std::array::from_fn(|from| {
        std::array::from_fn(|to| {
            let proper = count[from].get(from + 1).copied().unwrap_or(0);
            to > from + 1 && count[from][to] >= 3 && count[from][to] > proper
        })
    })
}

/// Walks one sequence of numbers and reports skips, repeats and level jumps. A
/// jump (一、 straight to 1.) is not reported where it is the document's
/// convention, unless this sequence uses the skipped level elsewhere.
fn run(rule: &HeadingNumbering, marks: &[Mark], levels: &Levels, through: &mut [u32; 4], out: &mut Vec<Diagnostic>) {
    let mut last: [u32; 4] = [0; 4];
    let mut deepest: Option<usize> = None;
    for (level, n, section, span) in marks.iter().cloned() {
        // A number other than 1 under a new parent goes on from the last of its level.
        let expected =
            if last[level] == 0 && n > 1 && through[level] > 0 { through[level] + 1 } else { last[level] + 1 };
        // The level a number may open at: one below the deepest level in force.
        let jump = deepest.is_some_and(|d| level > d + 1);
        let skipped_used = deepest.is_some_and(|d| (d + 1..level).any(|l| levels.used[l]));
        let convention = deepest.is_some_and(|d| levels.convention[d][level]) || levels.articles[level];
        let name = ["一、", "（一）", "1.", "（1）"][level];
        let problem = if jump && n == 1 {
            (skipped_used || !convention).then(|| Numbering::MissingLevel { marker: name.to_string() })
        } else if n == last[level] && n > 0 {
            Some(Numbering::Repeated { number: n })
        } else if n != expected && n != 1 {
            Some(Numbering::Skipped { expected, found: n })
        } else {
            None
        };
        if let Some(p) = problem {
            // A number in a paragraph has its place in the body; a section's number is its title's.
            let on_title = span.is_none();
            let mut d = Diagnostic::new(rule, section, span.unwrap_or(0..0), Finding::Numbering(p));
            d.on_title = on_title;
            out.push(d);
        }
        last[level] = n;
        through[level] = n;
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
        // 一、 straight to 1., once, or where the document uses （一） elsewhere.
        assert_eq!(fired("一、基本情况\n1. 人口\n2. 产业", "BD110"), 1);
        assert_eq!(fired("一、基本情况\n（一）人口\n二、产业\n1. 农业\n2. 工业", "BD110"), 1);
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
        // Articles numbered on through the parts.
        assert_eq!(fired("一、景区建设\n1. 项目\n2. 审批\n二、设施建设\n3. 酒店\n4. 民宿", "BD110"), 0);
        // Numbering starts again under another town's name.
        assert_eq!(fired("一、基本情况\n二、资源情况\n圣水镇\n一、基本情况\n二、资源情况", "BD110"), 0);
        // A document that goes 一、 → 1. throughout.
        assert_eq!(fired("一、基本情况\n1. 人口\n二、做法\n1. 培训\n三、问题\n1. 资金\n四、建议\n1. 机制", "BD110"), 0);
        // Some items of a level are titles, others paragraphs that open with their number.
        assert_eq!(
            fired(
                "一、总体要求\n（一）重大意义。略。\n（二）目标任务。略。\n（三）基本原则\n坚持农业农村优先发展。",
                "BD110"
            ),
            0
        );
        // A list inside a paragraph is no level, even one that opens the paragraph.
        assert_eq!(fired("一、要求\n1.合理确定目标；2.加大投入；3.强化考核。\n二、特征", "BD110"), 0);
        // A list inside a paragraph is no level.
        assert_eq!(fired("一是健全机制；2. 加强培训；3. 完善考核。", "BD110"), 0);
    }
}
