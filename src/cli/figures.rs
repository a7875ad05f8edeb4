use std::path::Path;

use serde::Serialize;

use super::{FileArgs, Format, Outcome, print};
use crate::figures::{Figure, extract};

/// One figure as `briefdesk figures --format json` reports it. This is a
/// contract: other tools read it.
#[derive(Serialize)]
struct FigureOut<'a> {
    text: &'a str,
    /// Offset in Unicode scalar values into the file's text as read.
    start: usize,
    /// Exclusive.
    end: usize,
    kind: &'static str,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_max: Option<f64>,
    unit: &'static str,
    qualifier: &'static str,
    marker: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid: Option<bool>,
}

/// The figures of a file's text, with byte spans into that text. A project
/// file (.ron) contributes only its section titles and bodies, found where
/// they stand in the file; other files are read whole.
pub fn file_figures(path: &Path, text: &str) -> anyhow::Result<Vec<Figure>> {
    let is_ron = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if !is_ron {
        let skip = crate::import::markdown::comment_ranges(text);
        return Ok(extract(text).into_iter().filter(|f| !skip.iter().any(|r| r.contains(&f.span.start))).collect());
    }
    let brief = crate::store::from_ron(text, path)?;
    let mut out = Vec::new();
    let mut cursor = 0;
    for (s, _) in brief.walk() {
        for part in [&s.title, &s.body] {
            if part.is_empty() {
                continue;
            }
            if let Some(at) = text[cursor..].find(part.as_str()) {
                let base = cursor + at;
                out.extend(extract(part).into_iter().map(|mut f| {
                    f.span = f.span.start + base..f.span.end + base;
                    f
                }));
                cursor = base + part.len();
            }
        }
    }
    Ok(out)
}

/// Maps byte offsets to offsets in Unicode scalar values, for sorted queries.
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        CharOffsets { text, byte: 0, chars: 0 }
    }

    /// The char offset of byte `b`. Queries must not go backwards by much; going back restarts.
    pub fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

pub fn run(args: FileArgs) -> anyhow::Result<Outcome> {
    let text = crate::import::read_decoded(&args.file)?.text;
    let figures = file_figures(&args.file, &text)?;
    let mut offsets = CharOffsets::new(&text);
    match args.format {
        Format::Json => {
            let list: Vec<FigureOut> = figures
                .iter()
                .map(|f| FigureOut {
                    text: &text[f.span.clone()],
                    start: offsets.at(f.span.start),
                    end: offsets.at(f.span.end),
                    kind: f.kind.as_str(),
                    value: f.value,
                    value_max: f.value_max,
                    unit: f.unit,
                    qualifier: f.qualifier.as_str(),
                    marker: &f.marker,
                    valid: f.date.as_ref().map(|d| d.valid),
                })
                .collect();
            let mut json = serde_json::to_string_pretty(&list)?;
            json.push('\n');
            print(&json)?;
        }
        Format::Html => anyhow::bail!("`figures` writes text or json; for a page use `export --to html --appendix`"),
        Format::Text => {
            let mut out = String::new();
            let lines = crate::cli::LineIndex::new(&text);
            for f in &figures {
                let (line, col) = lines.line_col(f.span.start);
                let shown: String = text[f.span.clone()].chars().map(|c| if c == '\n' { '⏎' } else { c }).collect();
                let value = match f.value_max {
                    Some(hi) => {
                        format!("{}..{}", crate::figures::format_value(f.value), crate::figures::format_value(hi))
                    }
                    None => crate::figures::format_value(f.value),
                };
                let valid = if f.is_invalid_date() { "  ✗ 不存在的日期 (no such date)" } else { "" };
                out.push_str(&format!(
                    "{line}:{col}\t{:<10}\t{shown}\t{value}\t{}\t{}{}{valid}\n",
                    f.kind.as_str(),
                    if f.unit.is_empty() { "-" } else { f.unit },
                    f.qualifier.as_str(),
                    if f.marker.is_empty() { String::new() } else { format!("({})", f.marker) },
                ));
            }
            out.push_str(&format!("{} figures\n", figures.len()));
            print(&out)?;
        }
    }
    Ok(Outcome::Clean)
}
