//! Subjects said once for many figures: the thing a paragraph opens with
//! (柳河县第一中学。…), a run-in heading that names a thing (2.“组组通”公路。…),
//! a note 〔n〕 that describes one project, a label before a colon (住宅：…).
//! A claim whose own words name no subject takes the nearest of these.

use super::reading::{Subject, SubjectKind};
use super::scope;
use crate::checks::lexicon::claims::{ORGANISATION_ENDINGS, PLACE_ENDINGS, PROJECT_ENDINGS};

/// The thing a run-in heading names, where it names one (2.“组组通”公路。…,
/// 3.柳河县第一中学。…): what its paragraph is about. One that names a kind of
/// work (（三）资金投入。, 二、走访慰问。) is a topic of the whole brief, and no subject.
/// A heading names a thing when it is quoted, or ends as the name of an
/// organisation, a project or a place does (the lexicon's endings).
pub(super) fn heading_subject(paragraph: &str) -> Option<Subject> {
    let (_, _, len) = crate::model::heading_marker(paragraph)?;
    let rest = &paragraph[len..];
    let end = rest.find(['。', '：', ':'])?;
    let written = &rest[..end];
    let head = written.trim_matches(['“', '”', ' ']);
    let ends = |list: &[&str]| list.iter().any(|e| head.ends_with(e));
    let names_a_thing =
        written.contains(['“', '《']) || ends(ORGANISATION_ENDINGS) || ends(PROJECT_ENDINGS) || ends(PLACE_ENDINGS);
    (names_a_thing && (2..=14).contains(&head.chars().count()) && !head.contains(['，', ',']))
        .then(|| Subject { text: head.to_string(), kind: SubjectKind::Heading })
}

/// Where a paragraph's first clause that is not a time alone lies (bytes in the
/// section body): the place a paragraph names what it is about (柳河县第一中学成立于…).
pub(super) fn opening_clause(body: &str, para_start: usize, marks: &[usize]) -> std::ops::Range<usize> {
    let paragraph_end = body[para_start..].find('\n').map_or(body.len(), |i| para_start + i);
    let mut start = para_start;
    for &m in &marks[marks.partition_point(|m| *m < para_start)..] {
        if m > paragraph_end {
            break;
        }
        if !scope::is_time_clause(&body[start..m]) {
            return start..m;
        }
        start = m + body[m..].chars().next().map_or(1, char::len_utf8);
    }
    start..paragraph_end
}

/// The brackets a note's number stands in: 〔7〕, [7], ［7］, 【7】.
const NOTE_BRACKETS: &[(char, char)] = &[('〔', '〕'), ('[', ']'), ('［', '］'), ('【', '】')];

/// The thing a note describes, where the paragraph is a note: it opens with
/// its number in brackets (〔7〕装配式建筑产业园：项目占地1669亩…). Every figure
/// of the note is about that thing, not about the report's place as a whole,
/// so two notes' 总投资 are two projects' (a note's number names it apart
/// from another note that gives the same name).
pub(super) fn note_subject(paragraph: &str) -> Option<Subject> {
    let p = paragraph.trim_start();
    let (open, close) = NOTE_BRACKETS.iter().copied().find(|(o, _)| p.starts_with(*o))?;
    let inner_end = p.find(close)?;
    let number = &p[open.len_utf8()..inner_end];
    if number.is_empty() || number.chars().count() > 3 || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = &p[inner_end + close.len_utf8()..];
    // The name: up to the colon, or the first mark.
    let end = rest.find(['：', ':', '，', '。', '；']).unwrap_or(rest.len());
    let name: String = rest[..end].chars().take(20).collect();
    Some(Subject { text: format!("{open}{number}{close}{name}"), kind: SubjectKind::Note })
}

/// A label that heads the clauses after it in a sentence (住宅：28元/平方米,
/// 第二阶梯：…): the figures after it are about that label. `head` is the
/// sentence up to its last colon before the figure.
pub(super) fn label_before(head: &str) -> Option<String> {
    let start = head
        .rfind(['，', '；', '。', ',', ';', '\n'])
        .map_or(0, |j| j + head[j..].chars().next().map_or(1, char::len_utf8));
    let label = head[start..].trim();
    let n = label.chars().count();
    let generic = ["其中", "具体", "主要", "包括", "如下", "分别", "一是", "目前"].iter().any(|w| label.ends_with(w));
    ((1..=16).contains(&n) && !generic && !label.contains(|c: char| c.is_ascii_digit())).then(|| label.to_string())
}
