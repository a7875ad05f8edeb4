//! Suppressions: diagnostics the editor chose to ignore (kept in the brief),
//! and `<!-- briefdesk-disable BD101 -->` comments in Markdown, which silence
//! the named rules (all rules if none is named) for the paragraph that follows.

use std::ops::Range;

use super::{Context, Diagnostic};

const DISABLE: &str = "<!-- briefdesk-disable";

/// (rules, paragraph) pairs from the disable comments of a body.
fn disabled(body: &str) -> Vec<(Vec<String>, Range<usize>)> {
    let mut out = Vec::new();
    // memchr's SIMD search, built once: the comment is rare, and str's search
    // would set up its two-way searcher on every section with a finding.
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(DISABLE));
    for at in FINDER.find_iter(body.as_bytes()) {
        let Some(close) = body[at..].find("-->") else {
            continue;
        };
        let ids: Vec<String> = body[at + DISABLE.len()..at + close]
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(str::to_ascii_uppercase)
            .collect();
        let after = at + close + 3;
        // The paragraph that follows: skip blank lines, run to the end of its line
        // (a body holds one paragraph per line, model::body).
        let rest = &body[after..];
        let lead = rest.len() - rest.trim_start().len();
        let start = after + lead;
        let end = body[start..].find('\n').map_or(body.len(), |e| start + e);
        out.push((ids, start..end));
    }
    out
}

pub fn apply(cx: &Context, out: &mut Vec<Diagnostic>) {
    let suppressed = &cx.brief.checks.suppressed;
    // Each section's disable comments, found once (not once per finding).
    let mut comments: std::collections::HashMap<_, Vec<(Vec<String>, Range<usize>)>> = Default::default();
    out.retain(|d| {
        let Some(section) = cx.sections.iter().find(|s| s.id == d.section) else {
            return true;
        };
        let text = section.body.get(d.span.clone()).unwrap_or("");
        if suppressed.iter().any(|s| s.rule == d.rule && s.section == d.section && s.text == text) {
            return false;
        }
        !comments
            .entry(d.section)
            .or_insert_with(|| disabled(section.body))
            .iter()
            .any(|(ids, para)| para.contains(&d.span.start) && (ids.is_empty() || ids.iter().any(|i| i == d.rule)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disable_comment_covers_the_next_paragraph_only() {
        let body = "第一段。\n\n<!-- briefdesk-disable BD103, BD105 -->\n第二段。\n\n第三段。";
        let d = disabled(body);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, ["BD103", "BD105"]);
        assert_eq!(&body[d[0].1.clone()], "第二段。");
        // One Enter ends the paragraph too.
        let body = "<!-- briefdesk-disable -->\n第一段。\n第二段。";
        assert_eq!(&body[disabled(body)[0].1.clone()], "第一段。");
    }
}
