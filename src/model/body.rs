//! What a section's body is: plain text, one paragraph per line.
//!
//! The user ends a paragraph with Enter, as in Word: each line of a body is a
//! paragraph (首行缩进二字 when printed), and an empty line is no paragraph.
//! The characters are the user's own: no export reads them as Markdown or
//! HTML. One structure is read out of a body: a run of lines that forms a
//! table (`| a | b |`, a `| --- |` row under the first, as import writes a
//! Word table) is a table. A line that is only a
//! `<!-- briefdesk-disable BD101 -->` comment is a directive for the checks,
//! not text, and print exports leave it out.
//!
//! Every export reads a body through [`blocks`], and every import writes one
//! paragraph per line, so the window, the files and the printouts agree.

/// A block of a body as exports lay it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    /// A paragraph: one line of the body, without its line break.
    Paragraph(&'a str),
    /// A table: rows of cells, the first row the header.
    Table(Vec<Vec<String>>),
    /// A line that only tells the checks something (a disable comment).
    Directive(&'a str),
}

/// Opens a comment that silences rules for the paragraph after it.
pub const DISABLE_OPEN: &str = "<!-- briefdesk-disable";

/// The body's blocks in order: paragraphs (empty lines left out), tables and directives.
pub fn blocks(body: &str) -> Vec<Block<'_>> {
    let lines: Vec<&str> = body.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let run = lines[i..].iter().take_while(|l| is_table_line(l)).count();
        if run >= 2
            && let Some(rows) = table_rows(&lines[i..i + run])
        {
            out.push(Block::Table(rows));
            i += run;
            continue;
        }
        let line = lines[i];
        if is_directive(line) {
            out.push(Block::Directive(line));
        } else if !line.trim().is_empty() {
            out.push(Block::Paragraph(line));
        }
        i += 1;
    }
    out
}

/// The paragraphs of a body (its non-empty lines that are neither table rows
/// nor directives), each trimmed of the spaces a print layout replaces with
/// its own indent.
pub fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    blocks(body).into_iter().filter_map(|b| match b {
        Block::Paragraph(p) => Some(p.trim()),
        _ => None,
    })
}

/// A line that only holds a disable comment for the checks.
pub fn is_directive(line: &str) -> bool {
    let t = line.trim();
    t.starts_with(DISABLE_OPEN) && t.ends_with("-->")
}

/// A line that can be a row of a table: `| … |`.
fn is_table_line(line: &str) -> bool {
    let t = line.trim();
    t.len() > 1 && t.starts_with('|') && t.ends_with('|')
}

/// The rows of lines that make a whole table (header, a `| --- |` row,
/// rows), or None. A `\|` in a cell is a bar of its text.
pub fn table_rows(lines: &[&str]) -> Option<Vec<Vec<String>>> {
    if lines.len() < 2 || !lines.iter().all(|l| is_table_line(l)) {
        return None;
    }
    let cells = |l: &str| -> Vec<String> {
        let t = l.trim();
        let inner = &t[1..t.len() - 1];
        // Split at bars that are not escaped.
        let mut out = vec![String::new()];
        let mut chars = inner.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&'|') => {
                    if let Some(s) = out.last_mut() {
                        s.push('|');
                    }
                    chars.next();
                }
                '|' => out.push(String::new()),
                c => {
                    if let Some(s) = out.last_mut() {
                        s.push(c);
                    }
                }
            }
        }
        out.into_iter().map(|c| c.trim().to_string()).collect()
    };
    let delimiter = cells(lines[1]);
    if !delimiter.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':'))) {
        return None;
    }
    let mut rows = vec![cells(lines[0])];
    rows.extend(lines[2..].iter().map(|l| cells(l)));
    Some(rows)
}

/// A table's rows as body lines (the first row the header), as [`table_rows`] reads them back.
pub fn table_lines(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let line = |r: &Vec<String>| {
        let mut s = String::from("|");
        for i in 0..cols {
            let c = r.get(i).map(String::as_str).unwrap_or("");
            s.push(' ');
            s.push_str(&c.replace('|', "\\|").replace(['\n', '\r'], " "));
            s.push_str(" |");
        }
        s
    };
    let Some(first) = rows.first() else { return String::new() };
    let mut out = vec![line(first), format!("|{}", " --- |".repeat(cols))];
    out.extend(rows[1..].iter().map(line));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_a_paragraph_and_empty_lines_are_none() {
        let body = "第一段。\n第二段。\n\n　　第三段。\r\n";
        assert_eq!(
            blocks(body),
            [Block::Paragraph("第一段。"), Block::Paragraph("第二段。"), Block::Paragraph("　　第三段。")]
        );
        assert_eq!(paragraphs(body).collect::<Vec<_>>(), ["第一段。", "第二段。", "第三段。"]);
        assert!(blocks("").is_empty());
    }

    #[test]
    fn tables_and_directives_are_told_apart_from_text() {
        let body = "前言。\n| 项目 | 金额 |\n| --- | --- |\n| 消费扶贫 | 4820万元 |\n<!-- briefdesk-disable BD103 -->\n| 只有一行 |";
        let b = blocks(body);
        assert_eq!(b.len(), 4, "{b:?}");
        assert_eq!(
            b[1],
            Block::Table(vec![vec!["项目".into(), "金额".into()], vec!["消费扶贫".into(), "4820万元".into()]])
        );
        assert!(matches!(b[2], Block::Directive(_)));
        assert_eq!(b[3], Block::Paragraph("| 只有一行 |"), "one bar line is text");
    }

    #[test]
    fn tables_go_both_ways_with_bars_in_cells() {
        let rows = vec![vec!["项目".to_string(), "a|b".into()], vec!["消费扶贫".into(), "6000余万元".into()]];
        let text = table_lines(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(table_rows(&lines), Some(rows));
    }
}
