//! Word file content → brief: with heading styles, the styles decide the
//! sections; without, the text import's numbering rules do. Title, subtitle
//! and 落款 go back into the metadata; an appendix an export added is reported.

use super::markdown_rows;
use super::read::{Block, DocxText, ParaKind, table_text};
use crate::import::boilerplate::Reason;
use crate::import::text::Removed;
use crate::model::{Brief, Role, Section, Taxonomy};

/// The text the blocks make, paragraphs separated by blank lines, tables as
/// Markdown tables: what the text import reads when the file has no heading
/// styles, and what the source map points into.
pub fn blocks_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { text, .. } => text.clone(),
            Block::Table(rows) => markdown_rows(rows),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Builds a brief from a Word file's blocks. With heading styles, they decide
/// the sections; without, the text import's numbering rules do. Returns the
/// brief and what it took out (an appendix Briefdesk wrote).
pub fn to_brief(text: &DocxText, taxonomy: Taxonomy) -> (Brief, Vec<Removed>) {
    let styled = text.blocks.iter().any(|b| matches!(b, Block::Paragraph { kind: ParaKind::Heading(_), .. }));
    let mut removed = Vec::new();
    // An appendix Briefdesk wrote is no part of the brief; it is reported.
    let end = text
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { kind: ParaKind::Appendix, .. }))
        .unwrap_or(text.blocks.len());
    for (i, b) in text.blocks[end..].iter().enumerate() {
        let t = match b {
            Block::Paragraph { text, .. } => text.clone(),
            Block::Table(rows) => table_text(rows),
        };
        removed.push(Removed { line: end + i + 1, text: t, reason: Reason::Appendix });
    }
    let blocks = &text.blocks[..end];
    if !styled {
        let mut meta_lines = Vec::new();
        let body: Vec<Block> = blocks
            .iter()
            .filter(|b| match b {
                Block::Paragraph { kind: ParaKind::Signature | ParaKind::Title | ParaKind::Subtitle, .. } => {
                    meta_lines.push((*b).clone());
                    false
                }
                _ => true,
            })
            .cloned()
            .collect();
        let imported = crate::import::text::import_text(&blocks_text(&body), taxonomy);
        let mut brief = imported.brief;
        apply_meta(&mut brief, &meta_lines);
        removed.extend(imported.removed);
        return (brief, removed);
    }
    let mut brief = Brief {
        meta: crate::model::Meta { heading_numbers: false, ..Default::default() },
        taxonomy,
        ..Brief::default()
    };
    // Many authors style the document's title as Heading 1: a first paragraph
    // that is the only heading of its level, above all the others, is the title.
    let mut blocks = blocks.to_vec();
    let levels: Vec<usize> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { kind: ParaKind::Heading(n), .. } => Some(*n),
            _ => None,
        })
        .collect();
    let no_title = !blocks.iter().any(|b| matches!(b, Block::Paragraph { kind: ParaKind::Title, .. }));
    if let Some(Block::Paragraph { text, kind }) = blocks.first_mut()
        && let ParaKind::Heading(n) = *kind
        && no_title
        && levels.len() >= 2
        && levels[1..].iter().all(|l| *l > n)
        && text.chars().count() <= 40
        && !text.contains('。')
    {
        *kind = ParaKind::Title;
    }
    let blocks = &blocks[..];
    let top = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { kind: ParaKind::Heading(n), .. } => Some(*n),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let first_heading = blocks.iter().position(|b| matches!(b, Block::Paragraph { kind: ParaKind::Heading(_), .. }));
    let has_title = blocks.iter().any(|b| matches!(b, Block::Paragraph { kind: ParaKind::Title, .. }));
    let mut flat: Vec<(usize, Section)> = Vec::new();
    let mut current: Option<(usize, Section)> = None;
    let mut body: Vec<String> = Vec::new();
    let mut meta_lines = Vec::new();
    let flush = |current: &mut Option<(usize, Section)>,
                 body: &mut Vec<String>,
                 flat: &mut Vec<(usize, Section)>,
                 brief: &mut Brief| {
        // One paragraph per line (model::body).
        let text = std::mem::take(body).join("\n");
        match current.take() {
            Some((level, mut s)) => {
                s.body = text;
                flat.push((level, s));
            }
            None if !text.is_empty() => flat.push((1, brief.new_section(Role::Summary, "", text))),
            None => {}
        }
    };
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Paragraph { text, kind: ParaKind::Heading(n) } => {
                flush(&mut current, &mut body, &mut flat, &mut brief);
                let title = text.replace('\n', " ").trim().to_string();
                let role = Role::infer(crate::model::strip_heading_number(&title), &brief.taxonomy);
                let s = brief.new_section(role, title, "");
                current = Some((n - top + 1, s));
            }
            Block::Paragraph { kind: ParaKind::Title | ParaKind::Subtitle | ParaKind::Signature, .. } => {
                meta_lines.push(b.clone());
            }
            Block::Paragraph { text, .. }
                if !has_title
                    && i == 0
                    && first_heading.is_some_and(|h| h > 0)
                    && text.chars().count() <= 40
                    && !text.contains('。') =>
            {
                brief.meta.title = text.clone();
            }
            Block::Paragraph { text, .. } => body.push(text.clone()),
            Block::Table(rows) => body.push(markdown_rows(rows)),
        }
    }
    flush(&mut current, &mut body, &mut flat, &mut brief);
    brief.sections = crate::format::markdown::nest(flat);
    // Numbers typed into the headings are numbering where they are the outline's.
    crate::import::text::adopt_numbering(&mut brief);
    // Headings Word numbers itself (a numbered outline): the brief numbers them.
    let headings = brief.walk().filter(|(s, _)| !s.title.is_empty()).count();
    if !brief.meta.heading_numbers && headings > 0 && text.numbered_headings * 2 >= headings {
        brief.meta.heading_numbers = true;
    }
    apply_meta(&mut brief, &meta_lines);
    (brief, removed)
}

/// A title broken into lines (as the official layout breaks a long one) as
/// one line: lines of Chinese join with nothing between them, others with a space.
fn join_lines(text: &str) -> String {
    let mut out = String::new();
    for line in text.split('\n').map(str::trim) {
        let cjk_join = out.chars().next_back().is_some_and(|c| !c.is_ascii())
            && line.chars().next().is_some_and(|c| !c.is_ascii());
        if !out.is_empty() && !cjk_join {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Title, subtitle, and the 落款 (unit and date) into the brief's metadata.
fn apply_meta(brief: &mut Brief, lines: &[Block]) {
    for b in lines {
        let Block::Paragraph { text, kind } = b else { continue };
        match kind {
            ParaKind::Title if brief.meta.title.is_empty() => brief.meta.title = join_lines(text),
            ParaKind::Subtitle if brief.meta.subtitle.is_empty() => brief.meta.subtitle = text.clone(),
            ParaKind::Signature => match chrono::NaiveDate::parse_from_str(text.trim(), "%Y年%m月%d日") {
                Ok(d) => brief.meta.date = Some(d),
                Err(_) if brief.meta.author.is_empty() => brief.meta.author = text.clone(),
                Err(_) => brief.meta.author = format!("{}\n{text}", brief.meta.author),
            },
            // A second title paragraph: kept in the subtitle so it is not lost.
            ParaKind::Title | ParaKind::Subtitle => {
                brief.meta.subtitle = if brief.meta.subtitle.is_empty() {
                    text.clone()
                } else {
                    format!("{}\n{text}", brief.meta.subtitle)
                }
            }
            _ => {}
        }
    }
}
