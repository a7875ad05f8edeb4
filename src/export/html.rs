//! Brief → one standalone HTML page for print: our Markdown rendered through
//! comrak (raw HTML escaped, dangerous links dropped), the GB/T 9704 print
//! style embedded, and a Content-Security-Policy that allows no script and no
//! outside request. An optional appendix holds the figures ledger and the
//! check report.

use crate::checks::Diagnostic;
use crate::figures::extract;
use crate::model::Brief;

const CSS: &str = include_str!("../../assets/print.css");

/// What goes into the page besides the brief.
#[derive(Debug, Default, Clone, Copy)]
pub struct HtmlOptions<'a> {
    /// Adds the figures ledger and, when given, the check report as an appendix.
    pub appendix: bool,
    pub diagnostics: Option<&'a [Diagnostic]>,
}

/// Escapes text for HTML element content and double-quoted attribute values
/// (comrak's escaping, the same the Markdown body goes through).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Writing into a String cannot fail.
    let _ = comrak::html::escape(&mut out, s);
    out
}

/// Renders Markdown the way every Briefdesk page does: GFM tables and
/// strikethrough, CJK-friendly emphasis, raw HTML shown as text.
pub fn markdown_to_html(md: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.cjk_friendly_emphasis = true;
    options.render.escape = true;
    comrak::markdown_to_html(md, &options)
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

/// Renders a brief as a print-ready page.
pub fn to_html(brief: &Brief, options: HtmlOptions) -> String {
    let mut body = String::from("<article>\n<header>\n");
    if !brief.meta.title.is_empty() {
        body.push_str(&format!("<h1 class=\"title\">{}</h1>\n", escape(&brief.meta.title)));
    }
    for (class, text) in [("subtitle", &brief.meta.subtitle), ("author", &brief.meta.author)] {
        if !text.is_empty() {
            body.push_str(&format!("<p class=\"{class}\">{}</p>\n", escape(text)));
        }
    }
    body.push_str("</header>\n");
    body.push_str(&markdown_to_html(&crate::format::markdown::sections_markdown(brief, false)));
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
            let value = match f.value_max {
                Some(hi) => format!("{}–{}", crate::figures::format_value(f.value), crate::figures::format_value(hi)),
                None => crate::figures::format_value(f.value),
            };
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
