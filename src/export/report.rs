//! The check report: the diagnostics per section, each with the text around it.

use super::html::{escape, page};
use crate::checks::Diagnostic;
use crate::model::Brief;

/// The text around a span: its sentence-ish neighbourhood, with the span marked.
fn context(body: &str, span: &std::ops::Range<usize>) -> String {
    let start = body[..span.start].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let end = body[span.end..].char_indices().nth(30).map_or(body.len(), |(i, _)| span.end + i);
    format!(
        "{}{}<mark>{}</mark>{}{}",
        if start > 0 { "…" } else { "" },
        escape(&body[start..span.start]),
        escape(&body[span.clone()]),
        escape(&body[span.end..end]),
        if end < body.len() { "…" } else { "" }
    )
}

/// The diagnostics as HTML, grouped by section in document order.
pub fn diagnostics_html(brief: &Brief, diags: &[Diagnostic]) -> String {
    if diags.is_empty() {
        return "<p>未发现问题。</p>\n".into();
    }
    let mut out = String::new();
    let numbers: std::collections::HashMap<_, _> = brief.heading_numbers().into_iter().collect();
    for (s, _) in brief.walk() {
        let here: Vec<&Diagnostic> = diags.iter().filter(|d| d.section == s.id).collect();
        if here.is_empty() {
            continue;
        }
        let name = format!("{}{}", numbers.get(&s.id).map(String::as_str).unwrap_or(""), s.title);
        out.push_str(&format!("<h3>{}</h3>\n<ul>\n", escape(if name.is_empty() { "（正文）" } else { &name })));
        for d in here {
            let span = d.span.start.min(s.body.len())..d.span.end.min(s.body.len());
            out.push_str(&format!(
                "<li class=\"{sev}\"><strong>{rule} {sev}</strong> {msg}<br><span>{ctx}</span>{fix}</li>\n",
                sev = d.severity.as_str(),
                rule = d.rule,
                msg = escape(&d.message(crate::lang::Lang::Zh)),
                ctx = context(&s.body, &span),
                fix = d.fix.as_ref().map(|f| format!("<br>修改为：{}", escape(f))).unwrap_or_default()
            ));
        }
        out.push_str("</ul>\n");
    }
    out
}

/// A standalone check-report page.
pub fn report_html(brief: &Brief, diags: &[Diagnostic]) -> String {
    let (e, w) = crate::checks::counts(diags);
    let title = format!("检查报告：{}", brief.meta.title);
    let body = format!(
        "<article>\n<header>\n<h1 class=\"title\">{}</h1>\n<p class=\"subtitle\">{e} 个错误，{w} 个警告</p>\n</header>\n{}</article>\n",
        escape(&title),
        diagnostics_html(brief, diags)
    );
    page(&title, &body)
}
