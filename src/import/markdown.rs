//! Markdown → Brief, the inverse of [`crate::export::markdown`].
//!
//! comrak finds the top-level headings; everything between two headings is
//! the earlier section's body, taken from the source as written. A level-1
//! heading before any other is the title. Text before the first section
//! heading becomes an untitled first section, so nothing is dropped.
//!
//! As in any Markdown renderer, a body that leaves a code fence or an HTML
//! comment open swallows the headings after it; their text then stays in that
//! body, so it is moved, never lost.

use comrak::nodes::NodeValue;
use serde::Deserialize;

use crate::export::markdown::{META_OPEN, ROLE_OPEN, needs_escape};
use crate::model::{Brief, CheckSettings, FactEntry, Meta, Role, Section, Taxonomy, strip_heading_number};

#[derive(Debug, thiserror::Error)]
pub enum MarkdownError {
    #[error("the briefdesk:meta comment at line {line} is not valid ({message}); fix or delete that comment")]
    Meta { line: usize, message: String },
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MetaIn {
    kind: crate::model::BriefKind,
    subtitle: String,
    author: String,
    date: Option<chrono::NaiveDate>,
    heading_numbers: Option<bool>,
    taxonomy: Option<Taxonomy>,
    facts: Vec<FactEntry>,
    checks: CheckSettings,
}

/// Byte ranges of the briefdesk comments (metadata and roles) in a Markdown
/// text: machine data, not prose.
pub fn comment_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for open in [META_OPEN, ROLE_OPEN] {
        for (at, _) in text.match_indices(open) {
            let end = text[at..].find("-->").map_or(text.len(), |e| at + e + 3);
            out.push(at..end);
        }
    }
    out
}

/// A heading found at the top level of the document.
struct Heading {
    level: usize,
    /// First and last line of the heading (0-based, inclusive).
    first: usize,
    last: usize,
    title: String,
}

/// Parses a Markdown brief.
pub fn from_markdown(text: &str) -> Result<Brief, MarkdownError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let (meta, meta_end) = read_meta(&lines)?;
    let headings = find_headings(text, &lines);

    let mut brief = Brief {
        meta: Meta {
            subtitle: meta.subtitle,
            author: meta.author,
            date: meta.date,
            kind: meta.kind,
            ..Meta::default()
        },
        taxonomy: meta.taxonomy.unwrap_or_default(),
        facts: meta.facts,
        checks: meta.checks,
        ..Brief::default()
    };
    brief.meta.heading_numbers = meta.heading_numbers.unwrap_or_else(|| {
        headings.iter().any(|h| h.level >= 2 && strip_heading_number(&h.title).len() != h.title.trim().len())
    });

    // The title: a level-1 heading that comes before every other heading.
    let mut rest: &[Heading] = &headings;
    if let Some(h) = headings.first()
        && h.level == 1
    {
        brief.meta.title = h.title.trim().to_string();
        rest = &headings[1..];
    }
    let title_end = if rest.len() < headings.len() { headings[0].last + 1 } else { meta_end };

    // Body text before the first section heading.
    let preface_end = rest.first().map_or(lines.len(), |h| h.first);
    let (preface_role, preface_body) = section_body(&lines[title_end.max(meta_end)..preface_end]);
    let mut flat: Vec<(usize, Section)> = Vec::new();
    if !preface_body.trim().is_empty() || preface_role.is_some() {
        let role = preface_role.unwrap_or(Role::Summary);
        let s = brief.new_section(role, "", preface_body);
        flat.push((2, s));
    }
    for (i, h) in rest.iter().enumerate() {
        let end = rest.get(i + 1).map_or(lines.len(), |n| n.first);
        let (role, body) = section_body(&lines[h.last + 1..end]);
        let title = if brief.meta.heading_numbers { strip_heading_number(&h.title) } else { h.title.trim() };
        let role = role.unwrap_or_else(|| Role::infer(title, &brief.taxonomy));
        let s = brief.new_section(role, title, body);
        flat.push((h.level.max(2), s));
    }
    brief.sections = nest(flat);
    Ok(brief)
}

/// Reads the metadata comment if the document starts with one. Returns the
/// metadata and the line after the comment.
fn read_meta(lines: &[&str]) -> Result<(MetaIn, usize), MarkdownError> {
    let Some(start) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return Ok((MetaIn::default(), 0));
    };
    if !lines[start].trim_start().starts_with(META_OPEN) {
        return Ok((MetaIn::default(), 0));
    }
    let Some(close) = lines[start..].iter().position(|l| l.contains("-->")) else {
        return Err(MarkdownError::Meta { line: start + 1, message: "the comment is never closed with -->".into() });
    };
    let close = start + close;
    let mut json = lines[start..=close].join("\n");
    json = json.trim().trim_start_matches(META_OPEN).to_string();
    if let Some(end) = json.rfind("-->") {
        json.truncate(end);
    }
    let meta = serde_json::from_str(&json)
        .map_err(|e| MarkdownError::Meta { line: start + 1 + e.line().saturating_sub(1), message: e.to_string() })?;
    Ok((meta, close + 1))
}

/// Top-level headings, found by comrak so that `#` in code blocks or lists does not count.
fn find_headings(text: &str, lines: &[&str]) -> Vec<Heading> {
    let arena = comrak::Arena::new();
    let options = comrak::Options::default();
    let root = comrak::parse_document(&arena, text, &options);
    let mut out = Vec::new();
    for node in root.children() {
        let ast = node.data();
        let NodeValue::Heading(h) = &ast.value else {
            continue;
        };
        let first = ast.sourcepos.start.line.saturating_sub(1);
        let last = ast.sourcepos.end.line.saturating_sub(1).min(lines.len().saturating_sub(1)).max(first);
        let title = if h.setext {
            lines[first..last].iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
        } else {
            atx_title(lines[first])
        };
        out.push(Heading { level: h.level as usize, first, last, title });
    }
    out
}

/// The text of an ATX heading line, without the opening and closing hashes.
fn atx_title(line: &str) -> String {
    let t = line.trim().trim_start_matches('#').trim();
    // A closing sequence is hashes preceded by a space (or the whole content).
    let closed = t.trim_end_matches('#');
    if closed.is_empty() {
        return String::new();
    }
    if closed.len() < t.len() && closed.ends_with([' ', '\t']) { closed.trim_end().to_string() } else { t.to_string() }
}

/// A section's body from its lines, with the role comment (if any) taken out
/// and the export's escapes undone.
fn section_body(lines: &[&str]) -> (Option<Role>, String) {
    let mut role = None;
    let mut body_lines = lines;
    if let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) {
        let line = lines[first].trim();
        if let Some(inner) = line.strip_prefix(ROLE_OPEN).and_then(|r| r.strip_suffix("-->"))
            && let Ok(r) = serde_json::from_str::<Role>(inner.trim())
        {
            role = Some(r);
            body_lines = &lines[first + 1..];
        }
    }
    let mut body = String::new();
    for (i, line) in body_lines.iter().enumerate() {
        if i > 0 {
            body.push('\n');
        }
        match line.strip_prefix('\\') {
            Some(rest) if needs_escape(rest) => body.push_str(rest),
            _ => body.push_str(line),
        }
    }
    (role, body.trim_matches('\n').to_string())
}

/// Builds the section tree from (heading level, section) pairs in order. A
/// level jump (## then ####) nests under the nearest shallower section.
pub(crate) fn nest(flat: Vec<(usize, Section)>) -> Vec<Section> {
    let mut stack: Vec<(usize, Section)> = Vec::new();
    let mut top: Vec<Section> = Vec::new();
    fn pop_into(stack: &mut Vec<(usize, Section)>, top: &mut Vec<Section>) {
        if let Some((_, s)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(s),
                None => top.push(s),
            }
        }
    }
    for (level, s) in flat {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            pop_into(&mut stack, &mut top);
        }
        stack.push((level, s));
    }
    while !stack.is_empty() {
        pop_into(&mut stack, &mut top);
    }
    top
}
