//! Comments (批注) written into a Word draft as it is: the original package
//! with its styles, tables, notes and tracked changes, its document part
//! changed only by insertions (comment marks, and a run split where a comment
//! starts or ends inside one), a comments part added or extended.
//!
//! Where a comment goes is found from the text the import read ([`Block`]s,
//! as [`super::blocks_text`] joins them): each block is matched to the
//! paragraph (or table) of document.xml that shows the same characters, and
//! a span to the characters it covers, counting only characters that are not
//! whitespace (the import trims paragraphs and joins cells with spaces).

use std::io::{Cursor, Write};
use std::ops::Range;

use quick_xml::events::Event;

use super::ooxml::{self, CommentXml};
use super::package::Package;
use super::read::{Block, DocxError};
use super::{BRIEFDESK_AUTHOR, blocks_text, markdown_rows};

/// A comment to write: where it goes in the import's text (byte range in
/// [`blocks_text`]), and its paragraphs.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub range: Range<usize>,
    pub paragraphs: Vec<String>,
}

/// The annotated file, and how many comments could not be placed on their
/// words (they stand at the document's first words instead).
#[derive(Debug)]
pub struct Annotated {
    pub bytes: Vec<u8>,
    pub unplaced: usize,
}

/// A character of shown text in document.xml: its bytes there, and the w:t it is in.
#[derive(Debug, Clone, Copy)]
struct Chr {
    at: usize,
    end: usize,
    t: usize,
}

/// A w:t element: its run, where its tag and text stand, and whether it is
/// the run's first or last content.
#[derive(Debug, Clone)]
struct TextEl {
    run: usize,
    tag: usize,
    content: Range<usize>,
    tag_end: usize,
    first: bool,
    last: bool,
}

#[derive(Debug, Clone)]
struct RunEl {
    start: usize,
    end: usize,
    rpr: Range<usize>,
    contents: usize,
}

/// Where a paragraph stands: in the body, or in a cell of a top-level table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Body,
    Cell { table: usize, row: usize, col: usize },
}

#[derive(Debug)]
struct Para {
    place: Place,
    chars: Vec<Chr>,
}

/// document.xml read for its shown characters.
#[derive(Debug, Default)]
struct Index {
    paras: Vec<Para>,
    texts: Vec<TextEl>,
    runs: Vec<RunEl>,
    tables: usize,
    max_id: usize,
}

fn index(xml: &[u8]) -> Result<Index, DocxError> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut ix = Index::default();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let (mut hidden, mut boxes, mut tbl_depth) = (0usize, 0usize, 0usize);
    let (mut row, mut col) = (0usize, 0usize);
    let mut run: Option<usize> = None;
    let mut text: Option<usize> = None;
    let mut para: Option<Para> = None;
    loop {
        let before = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| DocxError::Damaged(format!("word/document.xml: {e}")))?;
        let after = r.buffer_position() as usize;
        let (opened, empty) = match &ev {
            Event::Start(e) => (Some(e.name().as_ref().to_vec()), false),
            Event::Empty(e) => (Some(e.name().as_ref().to_vec()), true),
            _ => (None, false),
        };
        if let (Some(name), Event::Start(e) | Event::Empty(e)) = (opened, &ev) {
            {
                for a in e.attributes().flatten() {
                    if a.key.as_ref() == b"w:id"
                        && let Some(n) = std::str::from_utf8(&a.value).ok().and_then(|v| v.parse::<usize>().ok())
                    {
                        ix.max_id = ix.max_id.max(n);
                    }
                }
                if let Some(ri) = run
                    && stack.last().is_some_and(|p| p == b"w:r")
                {
                    if name == b"w:rPr" {
                        ix.runs[ri].rpr = before..if empty { after } else { before };
                    } else {
                        ix.runs[ri].contents += 1;
                    }
                }
                match name.as_slice() {
                    b"w:del" | b"w:moveFrom" if !empty => hidden += 1,
                    b"w:txbxContent" if !empty => boxes += 1,
                    b"w:tbl" if !empty => {
                        tbl_depth += 1;
                        if tbl_depth == 1 {
                            row = 0;
                        }
                    }
                    b"w:tr" if !empty && tbl_depth == 1 => col = 0,
                    b"w:p" if !empty && boxes == 0 => {
                        let place =
                            if tbl_depth == 0 { Place::Body } else { Place::Cell { table: ix.tables, row, col } };
                        para = Some(Para { place, chars: Vec::new() });
                    }
                    b"w:r" if !empty => {
                        ix.runs.push(RunEl { start: before, end: after, rpr: 0..0, contents: 0 });
                        run = Some(ix.runs.len() - 1);
                    }
                    b"w:t" if !empty && hidden == 0 && boxes == 0 => {
                        if let Some(ri) = run {
                            let n = ix.runs[ri].contents;
                            ix.texts.push(TextEl {
                                run: ri,
                                tag: before,
                                content: after..after,
                                tag_end: after,
                                first: n == 1,
                                last: false,
                            });
                            text = Some(ix.texts.len() - 1);
                        }
                    }
                    _ => {}
                }
                if !empty {
                    stack.push(name);
                }
            }
            continue;
        }
        match ev {
            Event::End(e) => {
                let name = e.name().as_ref().to_vec();
                stack.pop();
                match name.as_slice() {
                    b"w:del" | b"w:moveFrom" => hidden = hidden.saturating_sub(1),
                    b"w:txbxContent" => boxes = boxes.saturating_sub(1),
                    b"w:tbl" => {
                        tbl_depth = tbl_depth.saturating_sub(1);
                        if tbl_depth == 0 {
                            ix.tables += 1;
                        }
                    }
                    b"w:tr" if tbl_depth == 1 => row += 1,
                    b"w:tc" if tbl_depth == 1 => col += 1,
                    b"w:p" if boxes == 0 => ix.paras.extend(para.take()),
                    b"w:rPr" => {
                        if let Some(ri) = run
                            && stack.last().is_some_and(|p| p == b"w:r")
                        {
                            ix.runs[ri].rpr.end = after;
                        }
                    }
                    b"w:r" => {
                        if let Some(ri) = run.take() {
                            ix.runs[ri].end = after;
                        }
                    }
                    b"w:t" => {
                        if let Some(ti) = text.take() {
                            ix.texts[ti].content.end = before;
                            ix.texts[ti].tag_end = after;
                            ix.texts[ti].last = is_last_content(xml, after);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if text.is_some() => {
                if let (Some(ti), Some(p)) = (text, para.as_mut()) {
                    let raw = std::str::from_utf8(&t).unwrap_or("");
                    for (i, c) in raw.char_indices() {
                        if !c.is_whitespace() {
                            p.chars.push(Chr { at: before + i, end: before + i + c.len_utf8(), t: ti });
                        }
                    }
                }
            }
            Event::GeneralRef(g) if text.is_some() => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => Some('&'),
                };
                if let (Some(ti), Some(p), Some(c)) = (text, para.as_mut(), c)
                    && !c.is_whitespace()
                {
                    p.chars.push(Chr { at: before, end: after, t: ti });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(ix)
}

/// Whether only whitespace stands between a w:t's end and its run's end.
fn is_last_content(xml: &[u8], from: usize) -> bool {
    let rest = &xml[from.min(xml.len())..];
    let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    rest[skip..].starts_with(b"</w:r>")
}

fn squeeze(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Characters that are not whitespace in `s[..at]`.
fn count_before(s: &str, at: usize) -> usize {
    s[..at.min(s.len())].chars().filter(|c| !c.is_whitespace()).count()
}

/// Where each block stands in the index: the paragraphs whose characters it
/// shows, and the number of its leading characters they do not (a list
/// number the import wrote in), per block.
fn align(blocks: &[Block], ix: &Index, doc: &[u8]) -> Vec<Option<(Vec<usize>, usize)>> {
    let text_of = |ps: &[usize]| -> Vec<char> {
        ps.iter().flat_map(|&p| ix.paras[p].chars.iter()).map(|c| char_at(doc, c)).collect()
    };
    let body: Vec<usize> = (0..ix.paras.len()).filter(|&i| ix.paras[i].place == Place::Body).collect();
    let mut next_body = 0;
    let mut next_table = 0;
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph { text, .. } => {
                let want = squeeze(text);
                let found = body[next_body.min(body.len())..].iter().position(|&p| {
                    let have = text_of(&[p]);
                    !have.is_empty() && want.ends_with(&have)
                });
                match found {
                    Some(k) => {
                        let p = body[next_body + k];
                        next_body += k + 1;
                        let have = ix.paras[p].chars.len();
                        out.push(Some((vec![p], want.len() - have)));
                    }
                    None => out.push(None),
                }
            }
            Block::Table(rows) => {
                let want: Vec<char> = rows.iter().flatten().flat_map(|c| squeeze(c)).collect();
                let found = (next_table..ix.tables).find(|&t| {
                    let ps: Vec<usize> = (0..ix.paras.len())
                        .filter(|&p| matches!(ix.paras[p].place, Place::Cell { table, .. } if table == t))
                        .collect();
                    text_of(&ps) == want
                });
                match found {
                    Some(t) => {
                        next_table = t + 1;
                        let ps = (0..ix.paras.len())
                            .filter(|&p| matches!(ix.paras[p].place, Place::Cell { table, .. } if table == t))
                            .collect();
                        out.push(Some((ps, 0)));
                    }
                    None => out.push(None),
                }
            }
        }
    }
    out
}

/// The character a [`Chr`] stands for (a reference counts as one character).
fn char_at(doc: &[u8], c: &Chr) -> char {
    let s = std::str::from_utf8(&doc[c.at..c.end]).unwrap_or("");
    match s.chars().next() {
        Some('&') => decode_ref(s),
        Some(ch) => ch,
        None => '\u{fffd}',
    }
}

fn decode_ref(s: &str) -> char {
    match s {
        "&amp;" => '&',
        "&lt;" => '<',
        "&gt;" => '>',
        "&quot;" => '"',
        "&apos;" => '\'',
        _ => s
            .strip_prefix("&#x")
            .and_then(|h| u32::from_str_radix(h.trim_end_matches(';'), 16).ok())
            .or_else(|| s.strip_prefix("&#").and_then(|d| d.trim_end_matches(';').parse().ok()))
            .and_then(char::from_u32)
            .unwrap_or('&'),
    }
}

/// An insertion into document.xml.
struct Insert {
    at: usize,
    /// Order at one place: ends (0) before starts (1).
    order: u8,
    text: String,
}

/// Writes `anchors` as comments into the Word file `original`, whose import
/// read `blocks`. Comments are by 简报台, dated `now`.
pub fn annotate(
    original: &[u8],
    blocks: &[Block],
    anchors: &[Anchor],
    now: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<Annotated, DocxError> {
    let pkg = Package::open(original)?;
    let doc = pkg.part("word/document.xml").ok_or_else(|| DocxError::Damaged("no word/document.xml".into()))?;
    let ix = index(doc)?;
    let aligned = align(blocks, &ix, doc);
    // Each block's start in the joined text.
    let mut starts = Vec::new();
    let mut at = 0;
    for b in blocks {
        starts.push(at);
        at += match b {
            Block::Paragraph { text, .. } => text.len(),
            Block::Table(rows) => markdown_rows(rows).len(),
        } + 2;
    }
    let joined = blocks_text(blocks);
    let existing = pkg.part("word/comments.xml");
    let mut max_id = ix.max_id;
    if let Some(c) = existing {
        max_id = max_id.max(index(c).map(|i| i.max_id).unwrap_or(0));
    }
    let mut inserts = Vec::new();
    let mut comments = Vec::new();
    let mut unplaced = 0;
    for (n, a) in anchors.iter().enumerate() {
        let id = max_id + 1 + n;
        let span = locate(a, blocks, &starts, &joined, &aligned, &ix);
        let span = match span {
            Some(s) => s,
            None => {
                unplaced += 1;
                match ix.paras.iter().find(|p| !p.chars.is_empty()) {
                    Some(p) => (p.chars[0], p.chars[p.chars.len() - 1]),
                    None => continue,
                }
            }
        };
        inserts.extend(marks(&ix, doc, span, id));
        comments.push((id, a.paragraphs.clone()));
    }
    inserts.sort_by_key(|i| (i.at, i.order));
    let mut xml = Vec::with_capacity(doc.len() + inserts.iter().map(|i| i.text.len()).sum::<usize>());
    let mut from = 0;
    for i in &inserts {
        xml.extend_from_slice(&doc[from..i.at]);
        xml.extend_from_slice(i.text.as_bytes());
        from = i.at;
    }
    xml.extend_from_slice(&doc[from..]);

    let date = now.map(ooxml::w3cdtf);
    let mut new_comments = String::new();
    for (id, paragraphs) in &comments {
        new_comments.push_str(&ooxml::comment(
            &CommentXml { id: *id, paragraphs },
            BRIEFDESK_AUTHOR,
            "简报",
            date.as_deref(),
        ));
    }
    let comments_xml = match existing.map(String::from_utf8_lossy) {
        Some(old) => match old.rfind("</w:comments>") {
            Some(end) => format!("{}{new_comments}{}", &old[..end], &old[end..]),
            None => return Err(DocxError::Damaged("word/comments.xml has no end".into())),
        },
        None => format!("{}{new_comments}</w:comments>", ooxml::comments_open()),
    };
    let mut replaced: Vec<(String, Vec<u8>)> =
        vec![("word/document.xml".into(), xml), ("word/comments.xml".into(), comments_xml.into_bytes())];
    if existing.is_none() {
        let types = String::from_utf8_lossy(pkg.part("[Content_Types].xml").unwrap_or_default()).into_owned();
        let over = "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>";
        let types = types.replacen("</Types>", &format!("{over}</Types>"), 1);
        replaced.push(("[Content_Types].xml".into(), types.into_bytes()));
        let rels = pkg.part("word/_rels/document.xml.rels").map(|r| String::from_utf8_lossy(r).into_owned());
        let rel = "<Relationship Id=\"rIdBriefdeskComments\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>";
        let rels = match rels {
            Some(r) => r.replacen("</Relationships>", &format!("{rel}</Relationships>"), 1),
            None => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rel}</Relationships>"
            ),
        };
        replaced.push(("word/_rels/document.xml.rels".into(), rels.into_bytes()));
    }
    let bytes = repack(original, &replaced).map_err(DocxError::Damaged)?;
    Ok(Annotated { bytes, unplaced })
}

/// The first and last character a comment covers, or None when its block
/// was not found in the file.
fn locate(
    a: &Anchor,
    blocks: &[Block],
    starts: &[usize],
    joined: &str,
    aligned: &[Option<(Vec<usize>, usize)>],
    ix: &Index,
) -> Option<(Chr, Chr)> {
    let b = starts.iter().rposition(|s| *s <= a.range.start)?;
    let (paras, prefix) = aligned.get(b)?.as_ref()?;
    let local = a.range.start - starts[b]..a.range.end.max(a.range.start) - starts[b];
    let block_text = match &blocks[b] {
        Block::Paragraph { text, .. } => text.clone(),
        Block::Table(_) => joined[starts[b]..].split("\n\n").next().unwrap_or("").to_string(),
    };
    let chars: Vec<Chr> = paras.iter().flat_map(|&p| ix.paras[p].chars.iter().copied()).collect();
    if chars.is_empty() {
        return None;
    }
    let (k0, k1) = match &blocks[b] {
        Block::Paragraph { .. } => (count_before(&block_text, local.start), count_before(&block_text, local.end)),
        // A table's Markdown has pipes and the delimiter row, which no cell shows.
        Block::Table(_) => {
            let shown = |at: usize| {
                let before = &block_text[..at.min(block_text.len())];
                let mut n = 0;
                for (i, line) in before.split('\n').enumerate() {
                    if i != 1 {
                        n += line.chars().filter(|c| !c.is_whitespace() && *c != '|' && *c != '\\').count();
                    }
                }
                n
            };
            (shown(local.start), shown(local.end))
        }
    };
    let k0 = k0.saturating_sub(*prefix).min(chars.len() - 1);
    let k1 = k1.saturating_sub(*prefix).clamp(k0 + 1, chars.len());
    Some((chars[k0], chars[k1 - 1]))
}

/// The insertions that mark a comment from the first to the last character.
fn marks(ix: &Index, doc: &[u8], (first, last): (Chr, Chr), id: usize) -> Vec<Insert> {
    let start_mark = format!("<w:commentRangeStart w:id=\"{id}\"/>");
    let end_mark = format!("<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>");
    let rpr = |t: &TextEl| -> String { String::from_utf8_lossy(&doc[ix.runs[t.run].rpr.clone()]).into_owned() };
    let mut out = Vec::new();
    let t = &ix.texts[first.t];
    if first.at == t.content.start && t.first {
        out.push(Insert { at: ix.runs[t.run].start, order: 1, text: start_mark });
    } else if first.at == t.content.start {
        out.push(Insert { at: t.tag, order: 1, text: format!("</w:r>{start_mark}<w:r>{}", rpr(t)) });
    } else {
        out.push(Insert {
            at: first.at,
            order: 1,
            text: format!("</w:t></w:r>{start_mark}<w:r>{}<w:t xml:space=\"preserve\">", rpr(t)),
        });
    }
    let t = &ix.texts[last.t];
    if last.end == t.content.end && t.last {
        out.push(Insert { at: ix.runs[t.run].end, order: 0, text: end_mark });
    } else if last.end == t.content.end {
        out.push(Insert { at: t.tag_end, order: 0, text: format!("</w:r>{end_mark}<w:r>{}", rpr(t)) });
    } else {
        out.push(Insert {
            at: last.end,
            order: 0,
            text: format!("</w:t></w:r>{end_mark}<w:r>{}<w:t xml:space=\"preserve\">", rpr(t)),
        });
    }
    out
}

/// The original zip with some parts replaced or added; every other entry is
/// copied as it is, compressed bytes and all.
fn repack(original: &[u8], replaced: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut zin = zip::ZipArchive::new(Cursor::new(original)).map_err(|e| e.to_string())?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(original.len() + 64 * 1024)));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut written = std::collections::HashSet::new();
    for i in 0..zin.len() {
        let f = zin.by_index_raw(i).map_err(|e| e.to_string())?;
        let name = f.name().to_string();
        let normal = name.replace('\\', "/").trim_start_matches('/').to_string();
        if let Some((_, data)) = replaced.iter().find(|(n, _)| *n == normal) {
            drop(f);
            out.start_file(name, opts).map_err(|e| e.to_string())?;
            out.write_all(data).map_err(|e| e.to_string())?;
            written.insert(normal);
        } else {
            out.raw_copy_file(f).map_err(|e| e.to_string())?;
        }
    }
    for (name, data) in replaced.iter().filter(|(n, _)| !written.contains(n)) {
        out.start_file(name.as_str(), opts).map_err(|e| e.to_string())?;
        out.write_all(data).map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}
