//! Brief → GitHub-flavoured Markdown, with headings numbered as in the brief.
//!
//! The title is the level-1 heading, top-level sections are level 2, their
//! children level 3 and so on. What a reader need not see (kind, author,
//! taxonomy, fact sheet, check settings) travels in one HTML comment at the
//! top, which renderers hide and [`crate::import::markdown`] reads back. A
//! section whose role cannot be told from its title carries a one-line
//! comment under its heading.

use serde::Serialize;

use crate::model::{Brief, Section};

/// Opens the metadata comment at the top of a Markdown brief.
pub const META_OPEN: &str = "<!-- briefdesk:meta";
/// Opens a section's role comment under its heading.
pub const ROLE_OPEN: &str = "<!-- briefdesk:role";

/// The metadata carried in the comment at the top.
#[derive(Serialize)]
pub(crate) struct MetaOut<'a> {
    pub kind: crate::model::BriefKind,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub subtitle: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub author: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
    pub heading_numbers: bool,
    /// Left out when it is the default taxonomy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<&'a crate::model::Taxonomy>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub facts: &'a [crate::model::FactEntry],
    /// Left out when nothing is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checks: Option<&'a crate::model::CheckSettings>,
}

/// JSON that is safe inside an HTML comment: `>` appears only inside JSON
/// strings, where `\u003e` means the same, so `-->` can never occur.
pub(crate) fn comment_json<T: Serialize>(value: &T, pretty: bool) -> String {
    let json = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    // Serialising plain data to a String cannot fail; keep the comment valid regardless.
    json.unwrap_or_else(|_| "{}".into()).replace('>', "\\u003e")
}

/// Renders a brief as Markdown.
pub fn to_markdown(brief: &Brief) -> String {
    let mut out = String::new();
    let meta = MetaOut {
        kind: brief.meta.kind,
        subtitle: &brief.meta.subtitle,
        author: &brief.meta.author,
        date: brief.meta.date,
        heading_numbers: brief.meta.heading_numbers,
        taxonomy: Some(&brief.taxonomy).filter(|t| **t != crate::model::Taxonomy::default()),
        facts: &brief.facts,
        checks: Some(&brief.checks).filter(|c| **c != crate::model::CheckSettings::default()),
    };
    out.push_str(META_OPEN);
    out.push('\n');
    out.push_str(&comment_json(&meta, true));
    out.push_str("\n-->\n\n");
    if !brief.meta.title.is_empty() {
        out.push_str("# ");
        out.push_str(&one_line(&brief.meta.title));
        out.push_str("\n\n");
    }
    out.push_str(&sections_markdown(brief, true));
    out
}

/// The sections alone, as Markdown: headings numbered as in the brief, bodies
/// escaped so they keep their place. With `roles`, the role comments that let
/// import restore what titles do not tell.
pub fn sections_markdown(brief: &Brief, roles: bool) -> String {
    let mut out = String::new();
    let numbers: std::collections::HashMap<_, _> = brief.heading_numbers().into_iter().collect();
    let mut first = true;
    write_sections(brief, &brief.sections, 2, &numbers, roles, &mut first, &mut out);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_sections(
    brief: &Brief,
    sections: &[Section],
    level: usize,
    numbers: &std::collections::HashMap<crate::model::SectionId, String>,
    roles: bool,
    first: &mut bool,
    out: &mut String,
) {
    for s in sections {
        // An untitled first section is the preface: body text before any heading.
        let preface = *first && s.title.is_empty() && s.children.is_empty();
        *first = false;
        if !preface {
            out.push_str(&"#".repeat(level.min(6)));
            out.push(' ');
            out.push_str(numbers.get(&s.id).map(String::as_str).unwrap_or(""));
            out.push_str(&one_line(&s.title));
            out.push('\n');
        }
        if roles && (preface || crate::model::Role::infer(&s.title, &brief.taxonomy) != s.role) {
            out.push_str(ROLE_OPEN);
            out.push(' ');
            out.push_str(&comment_json(&s.role, false));
            out.push_str(" -->\n");
        }
        out.push('\n');
        let body = escape_body(&s.body);
        if !body.trim().is_empty() {
            out.push_str(body.trim_matches('\n'));
            out.push_str("\n\n");
        }
        write_sections(brief, &s.children, level + 1, numbers, roles, first, out);
    }
}

fn one_line(title: &str) -> String {
    title.split(['\n', '\r']).map(str::trim).collect::<Vec<_>>().join(" ")
}

/// True for a line that Markdown would read as a setext underline (=== or ---).
pub(crate) fn is_underline(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

/// True for a line that Markdown would read as an ATX heading.
pub(crate) fn is_atx(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    indent <= 3 && (1..=6).contains(&hashes) && rest[hashes..].chars().next().is_none_or(|c| c == ' ' || c == '\t')
}

/// True for a body line that must be escaped so that import does not read a
/// heading into it: a heading-like line with any leading backslashes removed.
pub(crate) fn needs_escape(line: &str) -> bool {
    let bare = line.trim_start_matches('\\');
    is_atx(bare) || is_underline(bare)
}

/// A body's own heading-like lines would split the section on import, so each
/// gets one more leading backslash; import takes exactly one away again.
fn escape_body(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if needs_escape(line) {
            out.push('\\');
        }
        out.push_str(line);
    }
    out
}
