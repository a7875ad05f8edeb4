use std::path::Path;

use serde::Serialize;

use super::{FileArgs, Format, Outcome, print};
use crate::figures::{Figure, extract};
use crate::format::{FileKind, LoadOptions, Part, Position, TextIndex};

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
    /// How the numeral was damaged in typing or extraction (spaced_digits,
    /// letter_for_digit, zero_among_chinese, run_on_year), when it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    damage: Option<crate::figures::Damage>,
}

/// The figures of a file, with byte spans into the file's text as read. A
/// project file (.ron) contributes only its section titles and bodies, mapped
/// back to where they stand in the file; other files are read whole, less the
/// briefdesk comments of a Markdown brief.
pub fn file_figures(path: &Path) -> anyhow::Result<(TextIndex, Vec<Figure>)> {
    if FileKind::of(path)? != FileKind::Ron {
        let text = crate::format::read_decoded(path)?.text;
        let skip = crate::format::markdown::comment_ranges(&text);
        let figures = extract(&text).into_iter().filter(|f| !skip.iter().any(|r| r.contains(&f.span.start))).collect();
        return Ok((TextIndex::new(&text), figures));
    }
    let loaded = crate::format::load(path, &LoadOptions::default())?;
    let mut out = Vec::new();
    for (s, _) in loaded.brief.walk() {
        for (part, text) in [(Part::Title, &s.title), (Part::Body, &s.body)] {
            out.extend(extract(text).into_iter().filter_map(|mut f| {
                f.span = loaded.source.span(s.id, part, &f.span)?;
                Some(f)
            }));
        }
    }
    Ok((TextIndex::new(loaded.text()), out))
}

pub fn run(args: FileArgs) -> anyhow::Result<Outcome> {
    let (index, figures) = file_figures(&args.file)?;
    let text = index.text();
    match args.format {
        Format::Json => {
            let list: Vec<FigureOut> = figures
                .iter()
                .map(|f| FigureOut {
                    text: &text[f.span.clone()],
                    start: index.char_offset(f.span.start),
                    end: index.char_offset(f.span.end),
                    kind: f.kind.as_str(),
                    value: f.value,
                    value_max: f.value_max,
                    unit: f.unit,
                    qualifier: f.qualifier.as_str(),
                    marker: &f.marker,
                    valid: f.date.as_ref().map(|d| d.valid),
                    damage: f.damage,
                })
                .collect();
            let mut json = serde_json::to_string_pretty(&list)?;
            json.push('\n');
            print(&json)?;
        }
        Format::Html => anyhow::bail!("`figures` writes text or json; for a page use `export --to html --appendix`"),
        Format::Text => {
            let mut out = String::new();
            for f in &figures {
                let Position { line, column: col, .. } = index.position(f.span.start);
                let shown: String = text[f.span.clone()].chars().map(|c| if c == '\n' { '⏎' } else { c }).collect();
                let value = crate::model::value::show_range(f.value, f.value_max);
                let valid = match (&f.date, f.damage) {
                    (_, Some(d)) => d.label(),
                    (Some(d), _) if d.compact => "  ✗ 日期缺“年”“月” (lost its 年 and 月)",
                    (Some(d), _) if !d.valid => "  ✗ 不存在的日期 (no such date)",
                    _ => "",
                };
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
