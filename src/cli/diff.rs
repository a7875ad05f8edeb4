//! `briefdesk diff OLD NEW`: the figures that changed between two drafts.

use std::path::PathBuf;

use super::{Format, Outcome, print};
use crate::diff::{Change, ChangeKind, by_section, diff};
use crate::export::html::escape;
use crate::format::LoadOptions;
use crate::lang::Lang;

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier version (.ron, .md, .txt, .docx, .doc, .wps, .pdf).
    pub old: PathBuf,
    /// The later version.
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Exit 0 when no figure changed, 1 when some did.
pub fn run(args: DiffArgs) -> anyhow::Result<Outcome> {
    let old = crate::format::load(&args.old, &LoadOptions::default())?;
    let new = crate::format::load(&args.new, &LoadOptions::default())?;
    let changes = diff(&old.brief, &new.brief);
    let out = match args.format {
        Format::Text => text(&changes),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&serde_json::json!({ "changes": changes }))?;
            json.push('\n');
            json
        }
        Format::Html => html(&changes, &args.old.display().to_string(), &args.new.display().to_string()),
    };
    print(&out)?;
    Ok(if changes.is_empty() { Outcome::Clean } else { Outcome::Findings })
}

/// Counts of changed, added and removed figures.
fn counts(changes: &[Change]) -> [usize; 3] {
    let n = |k| changes.iter().filter(|c| c.kind == k).count();
    [n(ChangeKind::Changed), n(ChangeKind::Added), n(ChangeKind::Removed)]
}

/// The list as text, section by section.
pub fn text(changes: &[Change]) -> String {
    let mut out = String::new();
    for (section, list) in by_section(changes) {
        out.push_str(&format!("== {} ==\n", if section.is_empty() { "（无标题）" } else { section }));
        for c in list {
            let old = c.old.as_ref().map_or("", |s| s.text.as_str());
            let new = c.new.as_ref().map_or("", |s| s.text.as_str());
            let figures = match c.kind {
                ChangeKind::Changed => format!("{old} → {new}"),
                ChangeKind::Added => new.to_string(),
                ChangeKind::Removed => old.to_string(),
            };
            out.push_str(&format!("  {} {figures}\n", c.kind.word(Lang::Zh)));
            if let Some(s) = &c.old {
                out.push_str(&format!("    旧：{}\n", s.sentence));
            }
            if let Some(s) = &c.new {
                out.push_str(&format!("    新：{}\n", s.sentence));
            }
        }
    }
    let [changed, added, removed] = counts(changes);
    out.push_str(&format!(
        "{changed} 处改动 · {added} 处新增 · {removed} 处删除 ({changed} changed, {added} added, {removed} removed)\n"
    ));
    out
}

/// The list as an HTML page.
pub fn html(changes: &[Change], old: &str, new: &str) -> String {
    let mut body = format!("<h1>数字对比</h1>\n<p>{} → {}</p>\n", escape(old), escape(new));
    for (section, list) in by_section(changes) {
        body.push_str(&format!("<h2>{}</h2>\n<table>\n", escape(section)));
        for c in list {
            let side = |s: &Option<crate::diff::Side>| {
                s.as_ref().map_or(String::new(), |s| format!("<b>{}</b><br>{}", escape(&s.text), escape(&s.sentence)))
            };
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                c.kind.word(Lang::Zh),
                side(&c.old),
                side(&c.new)
            ));
        }
        body.push_str("</table>\n");
    }
    let [changed, added, removed] = counts(changes);
    body.push_str(&format!("<p>{changed} 处改动 · {added} 处新增 · {removed} 处删除</p>\n"));
    crate::export::html::page("数字对比", &body)
}
