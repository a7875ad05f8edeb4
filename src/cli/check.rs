use std::path::Path;

use serde::Serialize;

use super::figures::CharOffsets;
use super::{FileArgs, Format, LineIndex, Outcome, print};
use crate::checks::{Diagnostic, Env, check, counts};
use crate::model::{Brief, Role, SectionId, Severity};

/// A brief read from any file the checks take, with where each section's body
/// starts in the file's text (byte offset), so spans map back to the file.
pub struct Loaded {
    pub text: String,
    pub brief: Brief,
    pub body_starts: Vec<(SectionId, usize)>,
}

/// Reads a .ron, .md or .txt file for checking. A .txt file is checked as one
/// section holding the text as read.
pub fn load(path: &Path) -> anyhow::Result<Loaded> {
    let text = crate::import::read_decoded(path)?.text;
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let brief = match ext.as_str() {
        "ron" => crate::store::from_ron(&text, path)?,
        "md" | "markdown" => crate::import::from_markdown(&text)
            .map_err(|cause| crate::import::LoadError::Markdown { path: path.to_path_buf(), cause })?,
        "txt" | "text" => {
            let mut b = Brief::default();
            b.meta.heading_numbers = false;
            let s = b.new_section(Role::Custom, "", text.as_str());
            b.sections.push(s);
            b
        }
        _ => anyhow::bail!(
            "cannot check this kind of file; Briefdesk checks .ron, .md and .txt files: {}",
            path.display()
        ),
    };
    let mut body_starts = Vec::new();
    let mut cursor = 0;
    for (s, _) in brief.walk() {
        if s.body.is_empty() {
            continue;
        }
        let found = text[cursor..].find(s.body.as_str()).map(|at| cursor + at).or_else(|| text.find(s.body.as_str()));
        if let Some(at) = found {
            body_starts.push((s.id, at));
            cursor = at + s.body.len();
        }
    }
    Ok(Loaded { text, brief, body_starts })
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    start: usize,
    end: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct DiagOut<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    section: String,
    related: Vec<RelatedOut<'a>>,
    fix: Option<&'a str>,
}

#[derive(Serialize)]
struct Report<'a> {
    diagnostics: Vec<DiagOut<'a>>,
}

pub fn run(args: FileArgs) -> anyhow::Result<Outcome> {
    let loaded = load(&args.file)?;
    let diags = check(&loaded.brief, &Env::now());
    let base = |id: SectionId| loaded.body_starts.iter().find(|(s, _)| *s == id).map(|(_, b)| *b);
    let text = &loaded.text;
    let lines = LineIndex::new(text);
    let titles: std::collections::HashMap<_, _> = loaded.brief.heading_numbers().into_iter().collect();
    let section_name = |id: SectionId| {
        let s = loaded.brief.section(id);
        format!("{}{}", titles.get(&id).map(String::as_str).unwrap_or(""), s.map_or("", |s| s.title.as_str()))
    };
    let name = args.file.display().to_string();
    match args.format {
        Format::Json => {
            let mut offsets = CharOffsets::new(text);
            let mut out = Vec::new();
            for d in &diags {
                let b = base(d.section).unwrap_or(0);
                let (line, column) = lines.line_col(b + d.span.start);
                let (start, end) = (offsets.at(b + d.span.start), offsets.at(b + d.span.end));
                let related = d
                    .related
                    .iter()
                    .map(|r| {
                        let rb = base(r.section).unwrap_or(0);
                        RelatedOut {
                            start: offsets.at(rb + r.span.start),
                            end: offsets.at(rb + r.span.end),
                            message: &r.label,
                        }
                    })
                    .collect();
                out.push(DiagOut {
                    rule: d.rule,
                    severity: d.severity.as_str(),
                    message: &d.message,
                    start,
                    end,
                    line,
                    column,
                    section: section_name(d.section),
                    related,
                    fix: d.fix.as_deref(),
                });
            }
            let mut json = serde_json::to_string_pretty(&Report { diagnostics: out })?;
            json.push('\n');
            print(&json)?;
        }
        Format::Text => {
            let mut out = String::new();
            for d in &diags {
                render(&mut out, &name, text, &lines, d, &base);
            }
            let (e, w) = counts(&diags);
            out.push_str(&format!("{e} 错误 · {w} 警告 ({e} errors, {w} warnings)\n"));
            print(&out)?;
        }
        Format::Html => print(&crate::export::report_html(&loaded.brief, &diags))?,
    }
    Ok(if diags.iter().any(|d| d.severity == Severity::Error) { Outcome::Findings } else { Outcome::Clean })
}

/// Display width of text in a terminal: CJK characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

fn render(
    out: &mut String,
    name: &str,
    text: &str,
    lines: &LineIndex,
    d: &Diagnostic,
    base: &dyn Fn(SectionId) -> Option<usize>,
) {
    let b = base(d.section).unwrap_or(0);
    let (start, end) = (b + d.span.start, b + d.span.end);
    let (line, col) = lines.line_col(start);
    out.push_str(&format!("{name}:{line}:{col}  {} {}  {}\n", d.rule, d.severity.as_str(), d.message));
    // A window of the line around the span: long paragraphs are shown in part.
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let from = text[line_start..start].char_indices().rev().nth(29).map_or(line_start, |(i, _)| line_start + i);
    let to = text[start..line_end].char_indices().nth(60).map_or(line_end, |(i, _)| start + i);
    let (open, close) = (if from > line_start { "…" } else { "" }, if to < line_end { "…" } else { "" });
    let underline_end = end.min(to);
    out.push_str(&format!("    {open}{}{close}\n", &text[from..to]));
    out.push_str(&format!(
        "    {}{}\n",
        " ".repeat(width(open) + width(&text[from..start])),
        "^".repeat(width(&text[start..underline_end]).max(1))
    ));
    for r in &d.related {
        let rb = base(r.section).unwrap_or(0);
        let (l, c) = lines.line_col(rb + r.span.start);
        out.push_str(&format!("    = {} ({name}:{l}:{c})\n", r.label));
    }
    if let Some(fix) = &d.fix {
        out.push_str(&format!("    修改为 / fix: {fix}\n"));
    }
}
