//! Brief → one standalone HTML page for print: each line of a body is a
//! `<p>` (the print style indents its first line by two characters), a table
//! a `<table>`; every character is the user's, escaped, never read as
//! Markdown or HTML. The GB/T 9704 print style is embedded, with a
//! Content-Security-Policy that allows no script and no outside request. The
//! 落款 (issuing unit or author, and the date) closes the brief. An optional
//! appendix holds the figures ledger and the check report.

use crate::checks::Diagnostic;
use crate::figures::extract;
use crate::model::Brief;
use crate::model::body::{Block, blocks};

const CSS: &str = include_str!("../../assets/print.css");

/// What goes into the page besides the brief.
#[derive(Debug, Default, Clone, Copy)]
pub struct HtmlOptions<'a> {
    /// Adds the figures ledger and, when given, the check report as an appendix.
    pub appendix: bool,
    pub diagnostics: Option<&'a [Diagnostic]>,
}

/// Escapes text for HTML element content and double-quoted attribute values
/// (comrak's escaping: `& < > "`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Writing into a String cannot fail.
    let _ = comrak::html::escape(&mut out, s);
    out
}

/// The page's frame around `body` (already HTML).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Briefdesk\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

/// A body as HTML: a `<p>` per line, a `<table>` per table; directives for the checks left out.
pub fn body_html(body: &str) -> String {
    let mut out = String::new();
    for block in blocks(body) {
        match block {
            Block::Paragraph(p) => {
                out.push_str("<p>");
                out.push_str(&escape(p.trim()));
                out.push_str("</p>\n");
            }
            Block::Table(rows) => out.push_str(&table_html(&rows)),
            Block::Directive(_) => {}
        }
    }
    out
}

/// A table: the first row is the header.
fn table_html(rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table>\n");
    for (i, row) in rows.iter().enumerate() {
        let cell = if i == 0 { "th" } else { "td" };
        out.push_str("<tr>");
        for c in row {
            out.push_str(&format!("<{cell}>{}</{cell}>", escape(c)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

/// The sections: headings numbered as exported (一、 （一）), bodies as [`body_html`].
fn sections_html(brief: &Brief) -> String {
    let numbers: std::collections::HashMap<_, _> = brief.heading_numbers().into_iter().collect();
    let mut out = String::new();
    for (i, (s, depth)) in brief.walk().enumerate() {
        // An untitled first section is the preface: text before any heading.
        let preface = i == 0 && s.title.is_empty() && s.children.is_empty();
        if !preface {
            let level = (depth + 2).min(6);
            let number = numbers.get(&s.id).map(String::as_str).unwrap_or("");
            out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(&format!("{number}{}", s.title))));
        }
        out.push_str(&body_html(&s.body));
    }
    out
}

/// Renders a brief as a print-ready page.
pub fn to_html(brief: &Brief, options: HtmlOptions) -> String {
    let mut body = String::from("<article>\n<header>\n");
    if !brief.meta.title.is_empty() {
        body.push_str(&format!("<h1 class=\"title\">{}</h1>\n", escape(&brief.meta.title)));
    }
    if !brief.meta.subtitle.is_empty() {
        body.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(&brief.meta.subtitle)));
    }
    body.push_str("</header>\n");
    body.push_str(&sections_html(brief));
    let signature = brief.meta.signature();
    if !signature.is_empty() {
        body.push_str("<footer class=\"signature\">\n");
        for line in signature {
            body.push_str(&format!("<p>{}</p>\n", escape(&line)));
        }
        body.push_str("</footer>\n");
    }
    body.push_str("</article>\n");
    if options.appendix {
        body.push_str(&appendix(brief, options.diagnostics));
    }
    page(&brief.meta.title, &body)
}

fn appendix(brief: &Brief, diagnostics: Option<&[Diagnostic]>) -> String {
    let mut out = String::from("<article>\n<section class=\"appendix\">\n<h2>附录一 数字清单</h2>\n<table>\n");
    out.push_str("<thead><tr><th>章节</th><th>原文</th><th>数值</th><th>单位</th><th>类别</th><th>约数</th></tr></thead>\n<tbody>\n");
    for (s, _) in brief.walk() {
        for f in extract(&s.body) {
            let value = crate::model::value::show_range(f.value, f.value_max);
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(&s.title),
                escape(&s.body[f.span.clone()]),
                value,
                escape(f.unit),
                f.kind.name(crate::lang::Lang::Zh),
                escape(&f.marker)
            ));
        }
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    if let Some(diags) = diagnostics {
        out.push_str("<section class=\"appendix\">\n<h2>附录二 检查报告</h2>\n");
        out.push_str(&super::report::diagnostics_html(brief, diags));
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}
