//! Word files (.docx): read through docx-rs's reader (`read`, then
//! `structure` makes the brief), written through its builder (`write`), in the GB/T 9704-2012 layout for official
//! documents or plainly.
//!
//! Import keeps what the document shows: heading styles (标题 1–3, Heading
//! 1–3, or an outline level) become sections; without them the numbering the
//! text import knows (一、（一）1.（1）) decides. Tables become Markdown table
//! rows in their section. Tracked insertions are kept and deletions dropped;
//! both are counted, and the deleted text, comments, footnotes, endnotes,
//! text boxes, headers and footers are listed in the import report with
//! their text. Nothing of the body is dropped unseen.
//!
//! docx-rs has no setter for the core properties (title, author) and no
//! mirror margins; the writer adds them to the packed file through the zip
//! crate docx-rs itself uses.

mod read;
mod structure;
mod write;

pub use read::{Block, DocxError, DocxText, ParaKind, read_docx};
pub use structure::{blocks_text, to_brief};
pub use write::{Appendix, DocxLayout, DocxOptions, to_docx};

/// Style ids written and recognised on import.
pub(super) const TITLE: &str = "Title";
pub(super) const SUBTITLE: &str = "Subtitle";
pub(super) const SIGNATURE: &str = "BriefdeskSignature";
pub(super) const APPENDIX: &str = "BriefdeskAppendix";

/// The rows of a paragraph that is a whole GFM table (header, delimiter row,
/// rows), or None.
pub(super) fn markdown_table(para: &str) -> Option<Vec<Vec<String>>> {
    let lines: Vec<&str> = para.lines().collect();
    if lines.len() < 2 || !lines.iter().all(|l| l.starts_with('|') && l.ends_with('|') && l.len() > 1) {
        return None;
    }
    let cells =
        |l: &str| -> Vec<String> { l[1..l.len() - 1].split('|').map(|c| c.trim().replace("\\|", "|")).collect() };
    let delimiter = cells(lines[1]);
    if !delimiter.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':'))) {
        return None;
    }
    let mut rows = vec![cells(lines[0])];
    rows.extend(lines[2..].iter().map(|l| cells(l)));
    Some(rows)
}

/// Writes a table's rows as a GFM table: the first row is the header.
pub(super) fn markdown_rows(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let line = |r: &Vec<String>| {
        let mut s = String::from("|");
        for i in 0..cols {
            let c = r.get(i).map(String::as_str).unwrap_or("");
            s.push(' ');
            s.push_str(&c.replace('|', "\\|").replace('\n', " "));
            s.push_str(" |");
        }
        s
    };
    let mut out = vec![line(&rows[0]), format!("|{}", " --- |".repeat(cols))];
    out.extend(rows[1..].iter().map(line));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_tables_go_both_ways() {
        let rows = vec![vec!["项目".to_string(), "金额".into()], vec!["消费扶贫".into(), "6000余万元".into()]];
        let md = markdown_rows(&rows);
        assert_eq!(markdown_table(&md), Some(rows));
        assert_eq!(markdown_table("| 只有一行 |"), None);
    }
}
