//! Word files (.docx): read through docx-rs's reader, written through its
//! builder, in the GB/T 9704-2012 layout for official documents or plainly.
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
//! mirror margins; [`patch_parts`] adds them to the packed file through the
//! zip crate docx-rs itself uses.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, ParagraphChild, Run, RunChild, RunFonts, Style, StyleType, Table,
    TableCell, TableCellContent, TableChild, TableRow, TableRowChild,
};

use crate::import::boilerplate::Reason;
use crate::import::text::Removed;
use crate::model::{Brief, Role, Section, Taxonomy};

/// The page layout of an exported Word file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocxLayout {
    /// GB/T 9704-2012: A4, 仿宋 三号 at 22 lines of 28 characters, 小标宋 title,
    /// 黑体 and 楷体 headings, page numbers "— 1 —" at the outer edge.
    #[default]
    Official,
    /// The reader's default styles: only the heading styles are named.
    Plain,
}

/// What goes into an exported Word file besides the brief.
#[derive(Debug, Clone, Default)]
pub struct DocxOptions {
    pub layout: DocxLayout,
    /// Appendix tables: the figures ledger and, when non-empty, the check
    /// report (one row per finding: section, rule, message).
    pub appendix: Option<Appendix>,
}

/// The appendix of an exported file, as rows of text.
#[derive(Debug, Clone, Default)]
pub struct Appendix {
    pub ledger: Vec<[String; 5]>,
    pub report: Vec<[String; 3]>,
}

/// Fonts of the official layout. 仿宋_GB2312 and 楷体_GB2312 are the names
/// government machines carry; Word and WPS fall back to 仿宋 and 楷体 where
/// they are missing, which every Chinese Windows has.
const FANGSONG: &str = "仿宋_GB2312";
const KAITI: &str = "楷体_GB2312";
const HEITI: &str = "黑体";
const XIAOBIAOSONG: &str = "方正小标宋简体";
const LATIN: &str = "Times New Roman";

/// Twips (1/20 pt) per millimetre.
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

/// A4 in twips, and the GB/T 9704 margins.
const A4: (u32, u32) = (11906, 16838);
/// Top 37 mm, bottom 35 mm, inside 28 mm, outside 26 mm.
const MARGINS_MM: (f64, f64, f64, f64) = (37.0, 35.0, 28.0, 26.0);

/// The line pitch that puts 22 lines in the type area, in twips.
fn line_pitch() -> i32 {
    let area = A4.1 as i32 - mm(MARGINS_MM.0) - mm(MARGINS_MM.1);
    area / 22
}

/// The letter spacing (in twips) that puts 28 characters of 16 pt in the
/// type area's width: 156 mm holds 27.6 of them at their natural width.
fn char_spacing() -> i32 {
    let width = f64::from(A4.0 as i32 - mm(MARGINS_MM.2) - mm(MARGINS_MM.3));
    (width / 28.0 - 320.0).floor() as i32
}

/// Style ids written and recognised on import.
const TITLE: &str = "Title";
const SUBTITLE: &str = "Subtitle";
const SIGNATURE: &str = "BriefdeskSignature";
const APPENDIX: &str = "BriefdeskAppendix";

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new().east_asia(east_asia).ascii(LATIN).hi_ansi(LATIN).cs(LATIN)
}

fn heading_style(level: usize, layout: DocxLayout) -> Style {
    let id = format!("Heading{level}");
    let mut s = Style::new(&id, StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(level - 1);
    if layout == DocxLayout::Official {
        let face = match level {
            1 => HEITI,
            2 => KAITI,
            _ => FANGSONG,
        };
        s = s.fonts(fonts(face)).size(32);
    } else {
        s = s.bold();
    }
    s
}

/// Builds the Word file of a brief.
pub fn to_docx(brief: &Brief, options: &DocxOptions) -> Result<Vec<u8>, String> {
    let layout = options.layout;
    let official = layout == DocxLayout::Official;
    let mut doc = Docx::new();
    for level in 1..=4 {
        doc = doc.add_style(heading_style(level, layout));
    }
    let mut title = Style::new(TITLE, StyleType::Paragraph).name("Title").based_on("Normal").q_format(true);
    let mut subtitle = Style::new(SUBTITLE, StyleType::Paragraph).name("Subtitle").based_on("Normal").q_format(true);
    let mut signature = Style::new(SIGNATURE, StyleType::Paragraph).name("Briefdesk 落款").based_on("Normal");
    let mut appendix = Style::new(APPENDIX, StyleType::Paragraph).name("Briefdesk 附录").based_on("Normal");
    title = title.align(AlignmentType::Center);
    subtitle = subtitle.align(AlignmentType::Center);
    signature = signature.align(AlignmentType::Right);
    appendix = appendix.align(AlignmentType::Center);
    if official {
        // Off the line grid, or each line of a two-line title takes two grid lines.
        title = title
            .fonts(fonts(XIAOBIAOSONG))
            .size(44)
            .snap_to_grid(false)
            .line_spacing(LineSpacing::new().line(700).line_rule(LineSpacingType::Exact).after(579));
        subtitle = subtitle.fonts(fonts(KAITI)).size(32);
        appendix = appendix.fonts(fonts(HEITI)).size(32);
        let pitch = line_pitch();
        doc = doc
            .page_size(A4.0, A4.1)
            .page_margin(
                PageMargin::new()
                    .top(mm(MARGINS_MM.0))
                    .bottom(mm(MARGINS_MM.1))
                    .left(mm(MARGINS_MM.2))
                    .right(mm(MARGINS_MM.3))
                    .header(mm(15.0))
                    .footer(mm(28.0) - pitch),
            )
            .default_fonts(fonts(FANGSONG))
            .default_size(32)
            .default_spacing(char_spacing())
            .default_line_spacing(LineSpacing::new().line(pitch).line_rule(LineSpacingType::Exact))
            .footer(page_number_footer(AlignmentType::Right))
            .even_footer(page_number_footer(AlignmentType::Left));
        doc.document.section_property = doc
            .document
            .section_property
            .clone()
            .doc_grid(DocGrid::with_empty().grid_type(DocGridType::Lines).line_pitch(pitch as usize));
    }
    doc = doc.add_style(title).add_style(subtitle).add_style(signature).add_style(appendix);

    if !brief.meta.title.is_empty() {
        doc = doc.add_paragraph(styled(TITLE, &brief.meta.title));
    }
    if !brief.meta.subtitle.is_empty() {
        doc = doc.add_paragraph(styled(SUBTITLE, &brief.meta.subtitle));
    }
    let numbers: HashMap<_, _> = brief.heading_numbers().into_iter().collect();
    for (s, depth) in brief.walk() {
        if !s.title.is_empty() || depth > 0 {
            let number = numbers.get(&s.id).map(String::as_str).unwrap_or("");
            let p = styled(&format!("Heading{}", (depth + 1).min(4)), &format!("{number}{}", s.title));
            doc = doc.add_paragraph(if official { indent_two(p) } else { p });
        }
        for para in body_paragraphs(&s.body) {
            doc = match para {
                BodyBlock::Text(text) => {
                    let p = text_paragraph(text);
                    doc.add_paragraph(if official { indent_two(p) } else { p })
                }
                BodyBlock::Table(rows) => doc.add_table(table(&rows)),
            };
        }
    }
    // 落款: the issuing unit and the date, right-aligned at the end.
    let date = brief.meta.date.map(|d| d.format("%Y年%-m月%-d日").to_string());
    for line in [Some(brief.meta.author.clone()).filter(|a| !a.is_empty()), date].into_iter().flatten() {
        doc = doc.add_paragraph(styled(SIGNATURE, &line));
    }
    if let Some(a) = &options.appendix {
        doc = doc.add_paragraph(styled(APPENDIX, "附录一 数字清单").page_break_before(true));
        let mut rows = vec![["章节", "原文", "数值", "单位", "类别"].map(String::from).to_vec()];
        rows.extend(a.ledger.iter().map(|r| r.to_vec()));
        doc = doc.add_table(table(&rows));
        if !a.report.is_empty() {
            doc = doc.add_paragraph(styled(APPENDIX, "附录二 检查报告").page_break_before(true));
            let mut rows = vec![["章节", "规则", "问题"].map(String::from).to_vec()];
            rows.extend(a.report.iter().map(|r| r.to_vec()));
            doc = doc.add_table(table(&rows));
        }
    }
    let mut buf = Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    patch_parts(
        buf.into_inner(),
        &brief.meta.title,
        &brief.meta.author,
        official, // mirror margins: inside and outside alternate on double-sided pages
    )
}

/// The first line indented by two characters of 16 pt, as official documents are.
fn indent_two(p: Paragraph) -> Paragraph {
    p.indent(None, Some(docx_rs::SpecialIndentType::FirstLine(640)), None, None)
}

/// A paragraph of one style holding `text`.
fn styled(style: &str, text: &str) -> Paragraph {
    text_paragraph(text).style(style)
}

/// A paragraph whose line breaks are Word line breaks, tabs Word tabs and a
/// form feed a page break. Other control characters cannot stand in XML (Word
/// and LibreOffice refuse such a file): they are left out of the export.
fn text_paragraph(text: &str) -> Paragraph {
    let mut run = Run::new();
    let mut buf = String::new();
    let flush = |run: Run, buf: &mut String| if buf.is_empty() { run } else { run.add_text(std::mem::take(buf)) };
    for c in text.chars() {
        match c {
            '\n' => run = flush(run, &mut buf).add_break(BreakType::TextWrapping),
            '\t' => run = flush(run, &mut buf).add_tab(),
            '\u{c}' => run = flush(run, &mut buf).add_break(BreakType::Page),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => buf.push(c),
        }
    }
    Paragraph::new().add_run(flush(run, &mut buf))
}

fn table(rows: &[Vec<String>]) -> Table {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let width = (A4.0 as usize - 3061) / cols;
    Table::new(
        rows.iter()
            .map(|r| {
                TableRow::new(
                    (0..cols)
                        .map(|i| {
                            let text = r.get(i).map(String::as_str).unwrap_or("");
                            TableCell::new().add_paragraph(text_paragraph(text)).width(width, docx_rs::WidthType::Dxa)
                        })
                        .collect(),
                )
            })
            .collect(),
    )
    .set_grid(vec![width; cols])
}

/// "— N —", 四号, at the outer edge (one character in from it).
fn page_number_footer(align: AlignmentType) -> Footer {
    let run = || Run::new().fonts(fonts(FANGSONG)).size(28);
    let p = Paragraph::new()
        .align(align)
        .add_run(run().add_text("— "))
        .add_run(run().add_field_char(FieldCharType::Begin, false))
        .add_run(run().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(run().add_field_char(FieldCharType::Separate, false))
        .add_run(run().add_text("1"))
        .add_run(run().add_field_char(FieldCharType::End, false))
        .add_run(run().add_text(" —"));
    let p = match align {
        AlignmentType::Right => p.indent(None, None, Some(320), None),
        _ => p.indent(Some(320), None, None, None),
    };
    Footer::new().add_paragraph(p)
}

/// A body as Word blocks: paragraphs split at blank lines; a run of lines
/// that form a Markdown table (as import writes them) becomes a table.
enum BodyBlock<'a> {
    Text(&'a str),
    Table(Vec<Vec<String>>),
}

fn body_paragraphs(body: &str) -> Vec<BodyBlock<'_>> {
    let mut out = Vec::new();
    for para in body.split("\n\n") {
        let para = para.trim_matches('\n');
        if para.is_empty() {
            continue;
        }
        match markdown_table(para) {
            Some(rows) => out.push(BodyBlock::Table(rows)),
            None => out.push(BodyBlock::Text(para)),
        }
    }
    out
}

/// The rows of a paragraph that is a whole GFM table (header, delimiter row,
/// rows), or None.
fn markdown_table(para: &str) -> Option<Vec<Vec<String>>> {
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
fn markdown_rows(rows: &[Vec<String>]) -> String {
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

/// Adds what docx-rs cannot write to the packed file: the title and author
/// in the core properties, and mirror margins in the settings.
fn patch_parts(packed: Vec<u8>, title: &str, author: &str, mirror: bool) -> Result<Vec<u8>, String> {
    let mut zin = zip::ZipArchive::new(Cursor::new(packed)).map_err(|e| e.to_string())?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).map_err(|e| e.to_string())?;
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| e.to_string())?;
        if name == "docProps/core.xml"
            && let Ok(xml) = String::from_utf8(data.clone())
        {
            let props =
                format!("<dc:title>{}</dc:title><dc:creator>{}</dc:creator>", xml_escape(title), xml_escape(author));
            let xml = xml.replace("<dc:title></dc:title>", "").replace("<dc:creator></dc:creator>", "");
            let xml = xml.replace("<dc:title />", "").replace("<dc:creator />", "");
            if let Some(at) = xml.rfind("</cp:coreProperties>") {
                data = format!("{}{props}{}", &xml[..at], &xml[at..]).into_bytes();
            }
        }
        if mirror
            && name == "word/settings.xml"
            && let Ok(xml) = String::from_utf8(data.clone())
            // The schema puts mirrorMargins before defaultTabStop.
            && let Some(at) = xml
                .find("<w:defaultTabStop")
                .or_else(|| xml.find("<w:settings").and_then(|s| xml[s..].find('>').map(|e| s + e + 1)))
        {
            data = format!("{}<w:mirrorMargins />{}", &xml[..at], &xml[at..]).into_bytes();
        }
        out.start_file(name, opts).map_err(|e| e.to_string())?;
        out.write_all(&data).map_err(|e| e.to_string())?;
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

// ---------------------------------------------------------------- import

/// What a Word file holds, read in document order.
#[derive(Debug, Default)]
pub struct DocxText {
    pub blocks: Vec<Block>,
    /// Deleted text, comments, notes, text boxes, headers and footers.
    pub asides: Vec<Removed>,
    /// Tracked insertions kept and deletions dropped.
    pub insertions: usize,
    pub deletions: usize,
    /// Headings numbered by Word's own list numbering (numPr on the paragraph
    /// or its style), whose numbers are not in the text.
    pub numbered_headings: usize,
}

/// A paragraph or a table of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph { text: String, kind: ParaKind },
    Table(Vec<Vec<String>>),
}

/// What a paragraph's style makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    Body,
    Title,
    Subtitle,
    /// A heading of level 1 and down.
    Heading(usize),
    Signature,
    Appendix,
}

/// Why a Word file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("the file is damaged or is not a Word document (.docx): {0}")]
    Damaged(String),
}

/// Reads a .docx file's content. It never panics: a reader panic on a damaged
/// file is reported as damage.
pub fn read_docx(bytes: &[u8]) -> Result<DocxText, DocxError> {
    let docx = std::panic::catch_unwind(|| docx_rs::read_docx(bytes))
        .map_err(|_| DocxError::Damaged("the reader could not parse it".into()))?
        .map_err(|e| DocxError::Damaged(e.to_string()))?;
    let styles = StyleKinds::new(&docx);
    let mut r = Reader { styles: &styles, out: DocxText::default() };
    for child in &docx.document.children {
        r.document_child(child);
    }
    // Comments, with the paragraph they are anchored near unknown: line 0.
    for c in docx.comments.inner() {
        let text = c
            .children
            .iter()
            .map(|ch| match ch {
                docx_rs::CommentChild::Paragraph(p) => r.paragraph_text(p).0,
                docx_rs::CommentChild::Table(t) => table_text(&r.table_rows(t)),
            })
            .collect::<Vec<_>>()
            .join("\n");
        if !text.trim().is_empty() {
            r.aside(Reason::Comment, format!("{}：{}", c.author, text.trim()));
        }
    }
    // Headers and footers: their paragraphs and tables, in that order.
    let sp = &docx.document.section_property;
    let headers = [&sp.header, &sp.first_header, &sp.even_header].into_iter().flatten().flat_map(|(_, h)| {
        h.children.iter().map(|c| match c {
            docx_rs::HeaderChild::Paragraph(p) => Some(Ok(&**p)),
            docx_rs::HeaderChild::Table(t) => Some(Err(&**t)),
            docx_rs::HeaderChild::StructuredDataTag(_) => None,
        })
    });
    let footers = [&sp.footer, &sp.first_footer, &sp.even_footer].into_iter().flatten().flat_map(|(_, f)| {
        f.children.iter().map(|c| match c {
            docx_rs::FooterChild::Paragraph(p) => Some(Ok(&**p)),
            docx_rs::FooterChild::Table(t) => Some(Err(&**t)),
            docx_rs::FooterChild::StructuredDataTag(_) => None,
        })
    });
    for part in headers.chain(footers).flatten() {
        let text = match part {
            Ok(p) => r.paragraph_text(p).0,
            Err(t) => table_text(&r.table_rows(t)),
        };
        r.aside(Reason::HeaderFooter, text);
    }
    let mut out = r.out;
    // docx-rs does not read the notes: their parts are read here.
    for (part, reason) in [("word/footnotes.xml", Reason::Footnote), ("word/endnotes.xml", Reason::Footnote)] {
        for note in notes(bytes, part) {
            if !note.trim().is_empty() {
                out.asides.push(Removed { line: 0, text: note.trim().to_string(), reason });
            }
        }
    }
    Ok(out)
}

/// The text of each real note (not the separators) of a notes part.
fn notes(bytes: &[u8], part: &str) -> Vec<String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Vec::new() };
    let Ok(mut f) = zip.by_name(part) else { return Vec::new() };
    let mut xml = String::new();
    if f.read_to_string(&mut xml).is_err() {
        return Vec::new();
    }
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:footnote" | b"w:endnote" => {
                    let separator =
                        e.attributes().flatten().any(|a| a.key.as_ref() == b"w:type" && a.value.as_ref() != b"normal");
                    current = (!separator).then(String::new);
                }
                b"w:t" => in_text = true,
                _ => {}
            },
            Ok(Event::Empty(e)) => {
                if let (Some(c), b"w:tab") = (current.as_mut(), e.name().as_ref()) {
                    c.push('\t');
                }
            }
            Ok(Event::Text(t)) if in_text => {
                if let (Some(c), Ok(s)) = (current.as_mut(), t.decode()) {
                    c.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Some(c) = current.as_mut() {
                    if let Ok(Some(ch)) = r.resolve_char_ref() {
                        c.push(ch);
                    }
                    let name: &[u8] = &r;
                    match name {
                        b"amp" => c.push('&'),
                        b"lt" => c.push('<'),
                        b"gt" => c.push('>'),
                        b"quot" => c.push('"'),
                        b"apos" => c.push('\''),
                        _ => {}
                    }
                }
            }
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    if let Some(c) = current.as_mut() {
                        c.push('\n');
                    }
                }
                b"w:footnote" | b"w:endnote" => out.extend(current.take()),
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// Paragraph style ids → what they make a paragraph, following `basedOn`.
struct StyleKinds {
    kinds: HashMap<String, ParaKind>,
    /// Styles that carry list numbering (a heading style of a numbered outline).
    numbered: std::collections::HashSet<String>,
}

impl StyleKinds {
    fn new(docx: &Docx) -> StyleKinds {
        let mut raw: HashMap<String, (String, Option<usize>, Option<String>)> = HashMap::new();
        for s in &docx.styles.styles {
            let name =
                serde_json::to_value(&s.name).ok().and_then(|v| v.as_str().map(str::to_lowercase)).unwrap_or_default();
            let based = s
                .based_on
                .as_ref()
                .and_then(|b| serde_json::to_value(b).ok())
                .and_then(|v| v.as_str().map(String::from));
            raw.insert(s.style_id.clone(), (name, s.paragraph_property.outline_lvl.as_ref().map(|o| o.v), based));
        }
        let kind_of = |id: &str| -> ParaKind {
            let mut id = id.to_string();
            for _ in 0..8 {
                let Some((name, outline, based)) = raw.get(&id) else { break };
                let lower_id = id.to_lowercase();
                if id == SIGNATURE {
                    return ParaKind::Signature;
                }
                if id == APPENDIX {
                    return ParaKind::Appendix;
                }
                if name == "title" || name == "标题" || lower_id == "title" {
                    return ParaKind::Title;
                }
                if name == "subtitle" || name == "副标题" || lower_id == "subtitle" {
                    return ParaKind::Subtitle;
                }
                for prefix in ["heading ", "标题 ", "heading", "标题"] {
                    if let Some(n) = name.strip_prefix(prefix).and_then(|n| n.trim().parse::<usize>().ok())
                        && (1..=9).contains(&n)
                    {
                        return ParaKind::Heading(n);
                    }
                }
                if let Some(v) = outline.filter(|v| *v < 9) {
                    return ParaKind::Heading(v + 1);
                }
                match based {
                    Some(b) => id = b.clone(),
                    None => break,
                }
            }
            ParaKind::Body
        };
        let kinds = raw.keys().map(|id| (id.clone(), kind_of(id))).collect();
        let numbered = docx
            .styles
            .styles
            .iter()
            .filter(|s| s.paragraph_property.numbering_property.is_some())
            .map(|s| s.style_id.clone())
            .collect();
        StyleKinds { kinds, numbered }
    }

    /// Whether Word numbers the paragraph itself (numPr on it or its style).
    fn numbered(&self, p: &Paragraph) -> bool {
        p.property.numbering_property.is_some()
            || p.property.style.as_ref().is_some_and(|s| self.numbered.contains(&s.val))
    }

    fn of(&self, p: &Paragraph) -> ParaKind {
        if let Some(v) = p.property.outline_lvl.as_ref().map(|o| o.v).filter(|v| *v < 9) {
            return ParaKind::Heading(v + 1);
        }
        p.property.style.as_ref().and_then(|s| self.kinds.get(&s.val)).copied().unwrap_or(ParaKind::Body)
    }
}

struct Reader<'a> {
    styles: &'a StyleKinds,
    out: DocxText,
}

impl Reader<'_> {
    /// The paragraph number (1-based) the next body block will have.
    fn line(&self) -> usize {
        self.out.blocks.len() + 1
    }

    fn aside(&mut self, reason: Reason, text: String) {
        let text = text.trim();
        // Odd, even and first-page footers often say the same: listed once.
        let again = reason == Reason::HeaderFooter
            && self.out.asides.iter().any(|a| a.reason == Reason::HeaderFooter && a.text == text);
        if !text.is_empty() && !again {
            let line = if matches!(reason, Reason::HeaderFooter | Reason::Comment) { 0 } else { self.line() };
            self.out.asides.push(Removed { line, text: text.to_string(), reason });
        }
    }

    fn document_child(&mut self, child: &docx_rs::DocumentChild) {
        use docx_rs::DocumentChild as D;
        match child {
            D::Paragraph(p) => self.paragraph(p),
            D::Table(t) => {
                let rows = self.table_rows(t);
                if rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty())) {
                    self.out.blocks.push(Block::Table(rows));
                }
            }
            D::StructuredDataTag(sdt) => self.sdt(sdt),
            D::TableOfContents(_) | D::BookmarkStart(_) | D::BookmarkEnd(_) | D::CommentStart(_) | D::CommentEnd(_) => {
            }
            D::Section(s) => {
                use docx_rs::SectionChild as C;
                for c in s.children() {
                    match c {
                        C::Paragraph(p) => self.paragraph(p),
                        C::Table(t) => {
                            let rows = self.table_rows(t);
                            self.out.blocks.push(Block::Table(rows));
                        }
                        C::StructuredDataTag(sdt) => self.sdt(sdt),
                        _ => {}
                    }
                }
            }
        }
    }

    fn sdt(&mut self, sdt: &docx_rs::StructuredDataTag) {
        use docx_rs::StructuredDataTagChild as S;
        let mut loose = String::new();
        for c in &sdt.children {
            match c {
                S::Paragraph(p) => self.paragraph(p),
                S::Table(t) => {
                    let rows = self.table_rows(t);
                    self.out.blocks.push(Block::Table(rows));
                }
                S::StructuredDataTag(inner) => self.sdt(inner),
                S::Run(run) => loose.push_str(&self.run_text(run)),
                _ => {}
            }
        }
        if !loose.trim().is_empty() {
            self.out.blocks.push(Block::Paragraph { text: loose.trim().to_string(), kind: ParaKind::Body });
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        let kind = self.styles.of(p);
        let (text, boxes) = self.paragraph_text(p);
        let text = trim_paragraph(&text);
        if matches!(kind, ParaKind::Heading(_)) && !text.is_empty() && self.styles.numbered(p) {
            self.out.numbered_headings += 1;
        }
        if !text.is_empty() {
            self.out.blocks.push(Block::Paragraph { text, kind });
        }
        for b in boxes {
            self.aside(Reason::TextBox, b);
        }
    }

    /// The paragraph's text as shown, and the text of any text boxes in it.
    fn paragraph_text(&mut self, p: &Paragraph) -> (String, Vec<String>) {
        let mut text = String::new();
        let mut boxes = Vec::new();
        self.children_text(&p.children, &mut text, &mut boxes);
        (text, boxes)
    }

    fn children_text(&mut self, children: &[ParagraphChild], text: &mut String, boxes: &mut Vec<String>) {
        for c in children {
            match c {
                ParagraphChild::Run(run) => {
                    text.push_str(&self.run_text(run));
                    boxes.extend(self.run_boxes(run));
                }
                ParagraphChild::Insert(ins) => {
                    self.out.insertions += 1;
                    for ic in &ins.children {
                        match ic {
                            docx_rs::InsertChild::Run(run) => text.push_str(&self.run_text(run)),
                            docx_rs::InsertChild::Delete(d) => self.deleted(&d.children),
                            _ => {}
                        }
                    }
                }
                ParagraphChild::Delete(d) => self.deleted(&d.children),
                ParagraphChild::MoveFrom(m) => {
                    self.out.deletions += 1;
                    let gone: String = m
                        .children
                        .iter()
                        .filter_map(|c| match c {
                            docx_rs::MoveFromChild::Run(r) => Some(self.run_text(r)),
                            _ => None,
                        })
                        .collect();
                    self.aside(Reason::TrackedDeletion, gone);
                }
                ParagraphChild::MoveTo(m) => {
                    self.out.insertions += 1;
                    for mc in &m.children {
                        if let docx_rs::MoveToChild::Run(run) = mc {
                            text.push_str(&self.run_text(run));
                        }
                    }
                }
                ParagraphChild::Hyperlink(h) => self.children_text(&h.children, text, boxes),
                ParagraphChild::StructuredDataTag(sdt) => {
                    for sc in &sdt.children {
                        match sc {
                            docx_rs::StructuredDataTagChild::Run(run) => text.push_str(&self.run_text(run)),
                            docx_rs::StructuredDataTagChild::Paragraph(p) => {
                                let (t, b) = self.paragraph_text(p);
                                text.push_str(&t);
                                boxes.extend(b);
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn deleted(&mut self, children: &[docx_rs::DeleteChild]) {
        self.out.deletions += 1;
        let mut gone = String::new();
        for c in children {
            if let docx_rs::DeleteChild::Run(run) = c {
                for rc in &run.children {
                    match rc {
                        RunChild::DeleteText(t) => gone.push_str(&delete_text(t)),
                        RunChild::Text(t) => gone.push_str(&t.text),
                        _ => {}
                    }
                }
            }
        }
        self.aside(Reason::TrackedDeletion, gone);
    }

    fn run_text(&self, run: &Run) -> String {
        let mut s = String::new();
        for c in &run.children {
            match c {
                RunChild::Text(t) => s.push_str(&t.text),
                RunChild::Tab(_) | RunChild::PTab(_) => s.push('\t'),
                RunChild::Break(_) | RunChild::CarriageReturn(_) => s.push('\n'),
                RunChild::Sym(sym) => {
                    if let Some(ch) =
                        u32::from_str_radix(sym.char.trim_start_matches("F0"), 16).ok().and_then(char::from_u32)
                    {
                        s.push(ch);
                    }
                }
                // Field codes (PAGE, TOC) are no text; their results are.
                _ => {}
            }
        }
        s
    }

    fn run_boxes(&mut self, run: &Run) -> Vec<String> {
        let mut out = Vec::new();
        for c in &run.children {
            if let RunChild::Drawing(d) = c
                && let Some(docx_rs::DrawingData::TextBox(tb)) = &d.data
            {
                let mut text = Vec::new();
                for ch in &tb.children {
                    match ch {
                        docx_rs::TextBoxContentChild::Paragraph(p) => text.push(self.paragraph_text(p).0),
                        docx_rs::TextBoxContentChild::Table(t) => text.push(table_text(&self.table_rows(t))),
                    }
                }
                out.push(text.join("\n"));
            }
        }
        out
    }

    fn table_rows(&mut self, t: &Table) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        for TableChild::TableRow(row) in &t.rows {
            let mut cells = Vec::new();
            for TableRowChild::TableCell(cell) in &row.cells {
                let mut parts = Vec::new();
                for c in &cell.children {
                    match c {
                        TableCellContent::Paragraph(p) => {
                            let (text, boxes) = self.paragraph_text(p);
                            parts.push(trim_paragraph(&text));
                            for b in boxes {
                                self.aside(Reason::TextBox, b);
                            }
                        }
                        TableCellContent::Table(inner) => parts.push(table_text(&self.table_rows(inner))),
                        _ => {}
                    }
                }
                parts.retain(|p| !p.is_empty());
                cells.push(parts.join(" "));
            }
            rows.push(cells);
        }
        rows
    }
}

fn delete_text(t: &docx_rs::DeleteText) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.get("text").and_then(|t| t.as_str().map(String::from)))
        .unwrap_or_default()
}

fn table_text(rows: &[Vec<String>]) -> String {
    rows.iter().map(|r| r.join(" | ")).collect::<Vec<_>>().join("\n")
}

/// A paragraph as a body paragraph: the indent of spaces Chinese documents
/// type before a paragraph taken off, blank lines inside it closed up.
fn trim_paragraph(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end()).collect();
    let joined = lines.join("\n");
    joined.trim().to_string()
}

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
        let text = std::mem::take(body).join("\n\n");
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

/// Title, subtitle, and the 落款 (unit and date) into the brief's metadata.
fn apply_meta(brief: &mut Brief, lines: &[Block]) {
    for b in lines {
        let Block::Paragraph { text, kind } = b else { continue };
        match kind {
            ParaKind::Title if brief.meta.title.is_empty() => brief.meta.title = text.replace('\n', " "),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_official_grid_is_22_lines_of_28_characters() {
        let pitch = line_pitch();
        let area = A4.1 as i32 - mm(37.0) - mm(35.0);
        assert_eq!(area / pitch, 22);
        // 28 characters of 16 pt (320 twips) and their spacing fit the width; 29 do not.
        let width = A4.0 as i32 - mm(28.0) - mm(26.0);
        let per_char = 320 + char_spacing();
        assert!(per_char * 28 <= width && per_char * 29 > width, "{per_char} twips per character, width {width}");
    }

    #[test]
    fn markdown_tables_go_both_ways() {
        let rows = vec![vec!["项目".to_string(), "金额".into()], vec!["消费扶贫".into(), "6000余万元".into()]];
        let md = markdown_rows(&rows);
        assert_eq!(markdown_table(&md), Some(rows));
        assert_eq!(markdown_table("| 只有一行 |"), None);
    }
}
