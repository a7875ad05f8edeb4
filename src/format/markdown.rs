//! The Markdown brief, both ways: Brief → GitHub-flavoured Markdown and back.
//!
//! Writing: the title is the level-1 heading, top-level sections are level 2,
//! their children level 3 and so on, numbered as in the brief. Each line of a
//! body (a paragraph, model::body) is a Markdown paragraph of its own, with a
//! blank line between, and its ASCII punctuation that Markdown would read
//! (`* _ [ < | ~ &`, a `#` or `-` opening the line …) escaped with a
//! backslash, so that any Markdown reader shows the characters typed; a table
//! is written as a table. What a reader
//! need not see (kind, author, taxonomy, fact sheet, check settings) travels in
//! one HTML comment at the top, which renderers hide and reading takes back. A
//! section whose role cannot be told from its title carries a one-line comment
//! under its heading.
//!
//! Reading: comrak finds the top-level headings; everything between two
//! headings is the earlier section's body. Each Markdown paragraph becomes
//! one line of the body (a draft's wrapped lines are joined, as a renderer
//! joins them) and backslash escapes are undone; a file Briefdesk wrote
//! (with its metadata comment) gives back the very body it was written from. A
//! level-1 heading before any other is the title. Text before the first
//! section heading becomes an untitled first section, so nothing is dropped.
//! As in any Markdown renderer, a body that leaves a code fence or an HTML
//! comment open swallows the headings after it; their text then stays in that
//! body, so it is moved, never lost.

use comrak::nodes::NodeValue;
use serde::{Deserialize, Serialize};

use crate::model::{Brief, CheckSettings, FactEntry, Meta, Role, Section, Taxonomy, strip_heading_number};

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
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub sources: &'a [crate::model::SourceRef],
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
        sources: &brief.sources,
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
        let body = body_markdown(&s.body);
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

/// A body as Markdown: each line its own paragraph (a blank line between; an
/// empty line of the body takes two more, so that reading gives it back), each
/// escaped; a table's lines as they are.
pub(crate) fn body_markdown(body: &str) -> String {
    let lines: Vec<&str> = body.split('\n').collect();
    let mut pieces: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let run = lines[i..].iter().take_while(|l| is_table_line(l)).count();
        if run >= 2 && crate::model::body::table_rows(&lines[i..i + run]).is_some() {
            pieces.push(lines[i..i + run].join("\n"));
            i += run;
            continue;
        }
        pieces.push(escape_line(lines[i]));
        i += 1;
    }
    pieces.join("\n\n")
}

fn is_table_line(line: &str) -> bool {
    let t = line.trim();
    t.len() > 1 && t.starts_with('|') && t.ends_with('|')
}

/// ASCII punctuation a Markdown reader may take for markup anywhere in a line.
const MARKUP: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&'];

/// One body line as a Markdown paragraph that shows exactly its characters.
/// A line of spaces alone is an empty line (Markdown has no way to keep it).
pub(crate) fn escape_line(line: &str) -> String {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.trim().is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let rest = &line[indent..];
    out.push_str(&line[..indent]);
    // What opens a block at the start of a line: a heading, a list item, a
    // quote, a rule or underline, a numbered item (1. or 1)).
    if rest.starts_with(['#', '+', '-', '=']) {
        out.push('\\');
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && rest[digits..].starts_with(['.', ')']);
    for (at, c) in rest.char_indices() {
        if MARKUP.contains(&c) || (numbered && at == digits) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Undoes Markdown's backslash escapes: `\` before ASCII punctuation is that character.
pub(crate) fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether a draft's line opens a block of its own rather than going on with
/// the paragraph above it: a list item, a quote, a fence, a table row, an
/// indented code line, a heading.
fn opens_block(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    indent >= 4
        || t.starts_with(['>', '|', '#'])
        || t.starts_with("```")
        || t.starts_with("~~~")
        || ["- ", "* ", "+ "].iter().any(|m| t.starts_with(m))
        || (digits > 0 && t[digits..].starts_with(['.', ')']))
}

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
    sources: Vec<crate::model::SourceRef>,
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
        sources: meta.sources,
        ..Brief::default()
    };
    // A brief that says whether it numbers its headings (one Briefdesk wrote) is read so. A
    // draft keeps the numbers typed into its headings in its titles at first; they become the
    // brief's numbering below only where they are the numbers its outline gives, so that a
    // skip in the draft is reported by the numbering check, not renumbered away.
    let numbering_said = meta.heading_numbers;
    brief.meta.heading_numbers = numbering_said.unwrap_or(false);

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
    let ours = meta_end > 0;
    let (preface_role, preface_body) = section_body(&lines[title_end.max(meta_end)..preface_end], ours);
    let mut flat: Vec<(usize, Section)> = Vec::new();
    if !preface_body.trim().is_empty() || preface_role.is_some() {
        let role = preface_role.unwrap_or(Role::Summary);
        let s = brief.new_section(role, "", preface_body);
        flat.push((2, s));
    }
    for (i, h) in rest.iter().enumerate() {
        let end = rest.get(i + 1).map_or(lines.len(), |n| n.first);
        let (role, body) = section_body(&lines[h.last + 1..end], ours);
        let title = if brief.meta.heading_numbers { strip_heading_number(&h.title) } else { h.title.trim() };
        let role = role.unwrap_or_else(|| Role::infer(strip_heading_number(title), &brief.taxonomy));
        let s = brief.new_section(role, title, body);
        flat.push((h.level.max(2), s));
    }
    brief.sections = nest(flat);
    if numbering_said.is_none() {
        crate::import::text::adopt_numbering(&mut brief);
    }
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

/// A section's body from its lines, with the role comment (if any) taken
/// out: one line per Markdown paragraph, escapes undone. In a file Briefdesk
/// wrote (`ours`) every paragraph is one line already, and each further pair
/// of blank lines is an empty line of the body; in a draft a paragraph's
/// wrapped lines are joined, as a renderer joins them.
fn section_body(lines: &[&str], ours: bool) -> (Option<Role>, String) {
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
    // Paragraphs: runs of lines between blank lines, with the blank lines before each.
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut blanks = 0;
    for line in body_lines {
        if line.trim().is_empty() {
            blanks += 1;
            continue;
        }
        match blocks.last_mut() {
            Some((_, block)) if blanks == 0 => block.push(line),
            _ => blocks.push((blanks, vec![line])),
        }
        blanks = 0;
    }
    let mut body = String::new();
    for (i, (blanks, block)) in blocks.iter().enumerate() {
        if i > 0 {
            body.push('\n');
            if ours {
                for _ in 0..blanks.saturating_sub(1) / 2 {
                    body.push('\n');
                }
            }
        }
        if crate::model::body::table_rows(block).is_some() {
            body.push_str(&block.join("\n"));
            continue;
        }
        let mut paragraph = String::new();
        for (j, line) in block.iter().enumerate() {
            let line = unescape(line);
            if j > 0 {
                if ours || opens_block(block[j]) {
                    paragraph.push('\n');
                } else {
                    // A wrapped line: Chinese runs on; words keep a space.
                    let joined = paragraph.trim_end_matches([' ', '\t']).to_string();
                    paragraph = joined;
                    let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
                    if !(wide(paragraph.chars().next_back()) && wide(line.trim_start().chars().next())) {
                        paragraph.push(' ');
                    }
                    paragraph.push_str(line.trim_start());
                    continue;
                }
            }
            paragraph.push_str(&line);
        }
        body.push_str(&paragraph);
    }
    (role, body)
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
