use serde::Serialize;

use super::{FileArgs, Format, Outcome, print};
use crate::checks::{Context, Diagnostic, Env, check_in, counts};
use crate::format::{LoadOptions, Part, SourceMap};
use crate::lang::Lang;
use crate::model::{SectionId, Severity};

#[derive(Serialize)]
struct RelatedOut {
    start: usize,
    end: usize,
    message: String,
}

#[derive(Serialize)]
struct DiagOut<'a> {
    rule: &'a str,
    severity: &'static str,
    message: String,
    message_en: String,
    /// What was found, as data: the figures and the arithmetic.
    finding: &'a crate::checks::Finding,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    section: String,
    related: Vec<RelatedOut>,
    fix: Option<&'a str>,
    /// Replacements made with `fix` in other places (character offsets in the file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes_elsewhere: Vec<FixOut<'a>>,
    /// With --explain: the claims behind the finding and the identity test between them.
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<crate::checks::explain::Explanation>,
}

#[derive(Serialize)]
struct FixOut<'a> {
    start: usize,
    end: usize,
    with: &'a str,
}

#[derive(Serialize)]
struct Report<'a> {
    diagnostics: Vec<DiagOut<'a>>,
    /// With sources: the figures a source gives with the same value (已核对).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    checked: Vec<CheckedOut>,
}

/// A figure of the text that a source gives with the same value.
#[derive(Serialize)]
struct CheckedOut {
    figure: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    /// The source's file name, where it stands in it, and its figure.
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_page: Option<usize>,
    source_line: usize,
    there: String,
}

/// The figures the sources check, in the order of the text.
fn checked(cx: &Context, env: &Env, file: &Located) -> Vec<CheckedOut> {
    let mut out = Vec::new();
    for v in crate::sources::verify(cx, &env.sources) {
        let crate::sources::Status::Checked { by } = v.status else { continue };
        let c = &cx.claims.all[v.claim];
        let s = &cx.sections[c.section];
        let f = &s.figures[c.figure];
        let span = file.span(s.id, &f.span);
        let at = file.source.position(span.start);
        let source = &env.sources[by.source];
        let sc = &source.claims[by.claim];
        out.push(CheckedOut {
            figure: s.text(f).to_string(),
            start: at.char,
            end: file.source.position(span.end).char,
            line: at.line,
            column: at.column,
            source: source.name.clone(),
            source_page: sc.at.page,
            source_line: sc.at.line,
            there: sc.text.clone(),
        });
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: FileArgs,
    /// Write the Word draft (.docx, .doc, .wps) to this .docx with each finding as a comment (批注) by 简报台
    /// on its words; the draft's text, styles, tables, notes and tracked changes are kept as they are.
    #[arg(long, value_name = "OUT.docx")]
    pub annotate: Option<std::path::PathBuf>,
    /// Replace the --annotate file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Under each finding, the claims it read (subject, metric, time, modality, place) and the identity test
    /// between its figures: one quantity and on what assumptions, or why not.
    #[arg(long)]
    pub explain: bool,
    /// Hold the figures to this source (.txt, .md, .docx, .doc, .wps, .pdf); repeat for more. The brief's
    /// own sources (the 来源 panel) are read too.
    #[arg(long = "source", value_name = "FILE")]
    pub sources: Vec<std::path::PathBuf>,
}

pub fn run(args: CheckArgs, env: &Env) -> anyhow::Result<Outcome> {
    let outcome = report(args.input.clone(), &args.sources, env, args.explain)?;
    if let Some(out) = &args.annotate {
        super::check_overwrite(out, args.force)?;
        let done = crate::export::annotated_draft(&args.input.file, env, Some(chrono::Utc::now()))?;
        crate::store::write_atomic(out, &done.bytes, false)?;
        let mut note = format!("briefdesk: wrote {} comments to {}\n", done.findings, out.display());
        if done.unplaced > 0 {
            note.push_str(&format!(
                "briefdesk: {} of them could not be placed on their words and stand at the start of the document\n",
                done.unplaced
            ));
        }
        eprint!("{note}");
    }
    Ok(outcome)
}

/// The sources of a check: those given on the command line (one that cannot be
/// read is an error) and the brief's own (one that cannot be read, or that
/// changed since it was added, is told on stderr).
fn sources(
    given: &[std::path::PathBuf],
    brief: &crate::model::Brief,
    file: &std::path::Path,
) -> anyhow::Result<Vec<std::sync::Arc<crate::sources::SourceIndex>>> {
    let mut cache = crate::sources::Cache::default();
    let mut out = Vec::new();
    for path in given {
        out.push(cache.get(path)?);
    }
    let dir = file.parent();
    for (s, loaded) in brief.sources.iter().zip(cache.load_all(&brief.sources, dir)) {
        match loaded {
            crate::sources::Loaded::Read { index, changed } => {
                if changed {
                    eprintln!(
                        "briefdesk: 来源已更改 / the source changed since it was added; check it again: {}",
                        s.path.display()
                    );
                }
                if !out.iter().any(|o| o.path == index.path) {
                    out.push(index);
                }
            }
            crate::sources::Loaded::Failed(e) => eprintln!("briefdesk: 来源无法读取 / a source cannot be read: {e}"),
        }
    }
    Ok(out)
}

fn report(args: FileArgs, given: &[std::path::PathBuf], env: &Env, explain: bool) -> anyhow::Result<Outcome> {
    // The dictionaries load on a thread of their own while the file is read and
    // imported (about a tenth of checking 1 M characters, on the other core).
    crate::checks::words::preload();
    // The same loader as the window: a draft is imported into sections, so the cross-section rules see what the window sees.
    let mut loaded = crate::format::load(&args.file, &LoadOptions::default())?;
    let mut env = env.clone();
    env.sources = sources(given, &loaded.brief, &args.file)?;
    // Only the text format shows the file's lines; the others need its positions
    // alone, and the brief holds the words: the file's text is not kept twice.
    if !matches!(args.format, Format::Text) {
        loaded.source.forget_text();
    }
    let env = &env;
    // One reading of the claims serves the checks, the explanations and the checked figures.
    let cx = Context::new(&loaded.brief, env);
    let diags = check_in(&cx);
    let explained = |d: &Diagnostic| explain.then(|| crate::checks::explain::explain(&cx, d));
    let file = Located { text: loaded.text(), source: &loaded.source };
    let titles: std::collections::HashMap<_, _> = loaded.brief.heading_numbers().into_iter().collect();
    let by_id: std::collections::HashMap<SectionId, &str> =
        loaded.brief.walk().map(|(s, _)| (s.id, s.title.as_str())).collect();
    let section_name = |id: SectionId| {
        format!("{}{}", titles.get(&id).map(String::as_str).unwrap_or(""), by_id.get(&id).copied().unwrap_or(""))
    };
    let name = args.file.display().to_string();
    let checked = if env.sources.is_empty() { Vec::new() } else { checked(&cx, env, &file) };
    match args.format {
        Format::Json => {
            let mut out = Vec::new();
            for d in &diags {
                let span = file.place(d);
                let at = file.source.position(span.start);
                let related = d
                    .related
                    .iter()
                    .map(|r| {
                        let (start, end) = file.chars(r.section, &r.span);
                        RelatedOut { start, end, message: r.label(Lang::Zh) }
                    })
                    .collect();
                out.push(DiagOut {
                    rule: d.rule,
                    severity: d.severity.as_str(),
                    message: d.message(Lang::Zh),
                    message_en: d.message(Lang::En),
                    finding: &d.finding,
                    start: at.char,
                    end: file.source.position(span.end).char,
                    line: at.line,
                    column: at.column,
                    section: section_name(d.section),
                    related,
                    fix: d.fix.as_deref(),
                    fixes_elsewhere: d
                        .fixes_elsewhere
                        .iter()
                        .map(|f| {
                            let (start, end) = file.chars(f.section, &f.span);
                            FixOut { start, end, with: &f.with }
                        })
                        .collect(),
                    explain: explained(d),
                });
            }
            let mut json = serde_json::to_string_pretty(&Report { diagnostics: out, checked })?;
            json.push('\n');
            print(&json)?;
        }
        Format::Text => {
            let mut out = String::new();
            for d in &diags {
                render(&mut out, &name, &file, d);
                if let Some(e) = explained(d) {
                    for l in e.lines() {
                        out.push_str(&format!("    ~ {l}\n"));
                    }
                }
            }
            let (e, w) = counts(&diags);
            if !env.sources.is_empty() {
                for c in &checked {
                    let at = crate::sources::Locator { page: c.source_page, line: c.source_line };
                    out.push_str(&format!(
                        "{name}:{}:{}  已核对 checked  {}：来源《{}》{}写作{}\n",
                        c.line,
                        c.column,
                        c.figure,
                        c.source,
                        at.words(Lang::Zh),
                        c.there
                    ));
                }
                let unsourced =
                    diags.iter().filter(|d| matches!(d.finding, crate::checks::Finding::Unsourced { .. })).count();
                let checked = checked.len();
                out.push_str(&format!(
                    "{checked} 已核对 · {unsourced} 无来源 ({checked} checked against the sources, {unsourced} with no source)\n"
                ));
            }
            let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
            out.push_str(&format!("{e} 错误 · {w} 警告 ({}, {})\n", plural(e, "error"), plural(w, "warning")));
            print(&out)?;
        }
        Format::Html => print(&crate::export::report_html(&loaded.brief, &diags))?,
    }
    Ok(if diags.iter().any(|d| d.severity == Severity::Error) { Outcome::Findings } else { Outcome::Clean })
}

/// The file's text (empty but for the text format) and where the brief's sections stand in it.
struct Located<'a> {
    text: &'a str,
    source: &'a SourceMap,
}

impl Located<'_> {
    /// The byte span in the file of a span of a section's body (the file's start if it has no place there).
    fn span(&self, section: SectionId, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.source.span(section, Part::Body, span).unwrap_or(0..0)
    }

    /// Where a finding stands in the file: at its section's title when it is about the
    /// title (a heading's number), else at its span of the body.
    fn place(&self, d: &Diagnostic) -> std::ops::Range<usize> {
        if d.on_title
            && let Some(at) = self.source.span(d.section, Part::Title, &(0..0))
        {
            return at;
        }
        self.span(d.section, &d.span)
    }

    /// The same span in characters from the file's start, as the JSON gives it.
    fn chars(&self, section: SectionId, span: &std::ops::Range<usize>) -> (usize, usize) {
        let span = self.span(section, span);
        (self.source.position(span.start).char, self.source.position(span.end).char)
    }
}

/// Display width of text in a terminal (CJK characters take two columns).
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

fn render(out: &mut String, name: &str, file: &Located, d: &Diagnostic) {
    let text = file.text;
    let std::ops::Range { start, end } = file.place(d);
    let at = file.source.position(start);
    out.push_str(&format!(
        "{name}:{}:{}  {} {}  {}\n",
        at.line,
        at.column,
        d.rule,
        d.severity.as_str(),
        d.message(Lang::Zh)
    ));
    // A window of the line around the span: long paragraphs are shown in part.
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let from = text[line_start..start].char_indices().rev().nth(29).map_or(line_start, |(i, _)| line_start + i);
    let to = text[start..line_end].char_indices().nth(60).map_or(line_end, |(i, _)| start + i);
    let (open, close) = (if from > line_start { "…" } else { "" }, if to < line_end { "…" } else { "" });
    let underline_end = end.clamp(start, to);
    out.push_str(&format!("    {open}{}{close}\n", &text[from..to]));
    out.push_str(&format!(
        "    {}{}\n",
        " ".repeat(width(open) + width(&text[from..start])),
        "^".repeat(width(&text[start..underline_end]).max(1))
    ));
    for r in &d.related {
        let p = file.source.position(file.span(r.section, &r.span).start);
        out.push_str(&format!("    = {} ({name}:{}:{})\n", r.label(Lang::Zh), p.line, p.column));
    }
    if let Some(fix) = &d.fix {
        // A fix that reaches other sections is too long to print; its extent is told.
        let mut others: Vec<_> = d.fixes_elsewhere.iter().map(|f| f.section).filter(|s| *s != d.section).collect();
        others.sort_by_key(|s| s.0);
        others.dedup();
        let n = others.len();
        if fix.is_empty() {
            out.push_str("    修改为 / fix: 删除 / delete it\n");
        } else if n > 0 {
            out.push_str(&format!("    一次修改全文{} 节 / one fix for all {} sections\n", n + 1, n + 1));
        } else {
            out.push_str(&format!("    修改为 / fix: {fix}\n"));
        }
    }
}
