//! Brief → Word file: the official layout (GB/T 9704-2012) or the reader's
//! default styles, written part by part ([`super::ooxml`]) into the zip as the
//! brief is walked, so a brief of any size takes little more memory than its
//! text and the compressed file.

use std::collections::HashMap;
use std::io::{Cursor, Write};
use std::ops::Range;

use super::layout::{Place, break_title, column_widths, signature_places, width};
use super::ooxml::{self, PPr, Parts, RPr, StyleDef, run};
use super::{APPENDIX, BRIEFDESK_AUTHOR, SIGNATURE, SUBTITLE, TITLE};
use crate::model::{Brief, SectionId};

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
    /// Comments (批注) anchored on spans of the text: the findings, as an
    /// editor's notes in Word, instead of (or besides) the appendix.
    pub notes: Vec<Note>,
    /// The time written into the document properties and comments; None
    /// leaves them out (tests pass a fixed time).
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

/// The appendix of an exported file, as rows of text.
#[derive(Debug, Clone, Default)]
pub struct Appendix {
    pub ledger: Vec<[String; 5]>,
    pub report: Vec<[String; 3]>,
}

/// A comment on the brief's text.
#[derive(Debug, Clone)]
pub struct Note {
    pub section: SectionId,
    /// Byte range in the section's body; with `on_title`, the heading is meant.
    pub span: Range<usize>,
    pub on_title: bool,
    /// The comment's paragraphs.
    pub text: Vec<String>,
}

/// Fonts of the official layout. 仿宋_GB2312 and 楷体_GB2312 are the names
/// government machines carry; the font table names 仿宋 and 楷体 as their
/// substitutes, which every Chinese Windows has.
const FANGSONG: &str = "仿宋_GB2312";
const KAITI: &str = "楷体_GB2312";
const HEITI: &str = "黑体";
const XIAOBIAOSONG: &str = "方正小标宋简体";
const SONGTI: &str = "宋体";
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
    (type_width() as f64 / 28.0 - 320.0).floor() as i32
}

fn type_width() -> i32 {
    A4.0 as i32 - mm(MARGINS_MM.2) - mm(MARGINS_MM.3)
}

/// One character of body text (三号 and its spacing), in twips.
fn body_char() -> i32 {
    320 + char_spacing()
}

/// The page number's line: 四号 (14 pt) exactly, off the grid.
const FOOTER_LINE: i32 = 280;

/// The footer's distance from the page's bottom edge that puts the page
/// number's dashes (一字线, at the middle of the line) 7 mm below the type
/// area (GB/T 9704 7.5).
fn footer_distance() -> i32 {
    mm(MARGINS_MM.1 - 7.0) - FOOTER_LINE / 2
}

fn fonts(east: &'static str) -> Option<(&'static str, &'static str)> {
    Some((east, LATIN))
}

/// The styles of a layout.
fn style_defs(official: bool) -> Vec<StyleDef<'static>> {
    let mut defs = Vec::new();
    for level in 1..=4usize {
        let (id, name) = match level {
            1 => ("Heading1", "heading 1"),
            2 => ("Heading2", "heading 2"),
            3 => ("Heading3", "heading 3"),
            _ => ("Heading4", "heading 4"),
        };
        // A heading is never left alone at the foot of a page.
        let ppr = PPr { keep_next: true, keep_lines: true, outline: Some(level - 1), ..PPr::default() };
        let rpr = if official {
            let face = match level {
                1 => HEITI,
                2 => KAITI,
                _ => FANGSONG,
            };
            RPr { fonts: fonts(face), size: Some(32), ..RPr::default() }
        } else {
            RPr { bold: true, ..RPr::default() }
        };
        defs.push(StyleDef { id, name, ppr, rpr });
    }
    let centred = PPr { jc: Some("center"), ..PPr::default() };
    let (title_ppr, title_rpr, subtitle_rpr, appendix_rpr) = if official {
        (
            // Off the line grid, or each line of a two-line title takes two grid lines.
            PPr { snap_to_grid: Some(false), spacing: Some((0, 579, Some(700))), ..centred.clone() },
            RPr { fonts: fonts(XIAOBIAOSONG), size: Some(44), ..RPr::default() },
            RPr { fonts: fonts(KAITI), size: Some(32), ..RPr::default() },
            RPr { fonts: fonts(HEITI), size: Some(32), ..RPr::default() },
        )
    } else {
        (centred.clone(), RPr::default(), RPr::default(), RPr::default())
    };
    defs.push(StyleDef { id: TITLE, name: "Title", ppr: title_ppr, rpr: title_rpr });
    defs.push(StyleDef { id: SUBTITLE, name: "Subtitle", ppr: centred.clone(), rpr: subtitle_rpr });
    defs.push(StyleDef {
        id: SIGNATURE,
        name: "Briefdesk 落款",
        ppr: PPr { jc: Some("right"), keep_lines: true, ..PPr::default() },
        rpr: RPr::default(),
    });
    defs.push(StyleDef { id: APPENDIX, name: "Briefdesk 附录", ppr: centred, rpr: appendix_rpr });
    defs
}

/// The zip being written.
struct Package {
    zip: zip::ZipWriter<Cursor<Vec<u8>>>,
}

impl Package {
    fn part(&mut self, name: &str, text: &str) -> Result<(), String> {
        self.start(name)?;
        self.zip.write_all(text.as_bytes()).map_err(|e| e.to_string())
    }

    fn start(&mut self, name: &str) -> Result<(), String> {
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        self.zip.start_file(name, opts).map_err(|e| e.to_string())
    }
}

/// The document part, streamed into the zip: paragraphs are built in a
/// buffer that is written out every 64 KB.
struct Body<'a> {
    pkg: &'a mut Package,
    buf: String,
    official: bool,
    /// Comments written so far: (id, paragraphs).
    comments: Vec<(usize, Vec<String>)>,
}

impl Body<'_> {
    fn flush(&mut self, force: bool) -> Result<(), String> {
        if force || self.buf.len() >= 64 * 1024 {
            self.pkg.zip.write_all(self.buf.as_bytes()).map_err(|e| e.to_string())?;
            self.buf.clear();
        }
        Ok(())
    }

    /// A paragraph of `text` with properties `ppr`, the notes' spans (byte
    /// ranges in `text`) marked as comments.
    fn paragraph(&mut self, ppr: &PPr, text: &str, notes: &[(Range<usize>, &Note)]) -> Result<(), String> {
        self.buf.push_str("<w:p>");
        self.buf.push_str(&ppr.xml());
        self.runs(text, notes);
        self.buf.push_str("</w:p>");
        self.flush(false)
    }

    /// The runs of `text`, split where a comment starts or ends.
    fn runs(&mut self, text: &str, notes: &[(Range<usize>, &Note)]) {
        let mut marks: Vec<(usize, bool, usize)> = Vec::new(); // (at, is_end, comment id)
        for (span, note) in notes {
            let id = self.comments.len();
            self.comments.push((id, note.text.clone()));
            let start = span.start.min(text.len());
            let end = span.end.clamp(start, text.len());
            marks.push((start, false, id));
            marks.push((end, true, id));
        }
        // Ends before starts at one place, so that ranges do not overlap needlessly.
        marks.sort_by_key(|&(at, is_end, id)| (at, !is_end, id));
        let mut at = 0;
        for (pos, is_end, id) in marks {
            let pos = floor_char(text, pos);
            if pos > at {
                run(&mut self.buf, "", &text[at..pos]);
                at = pos;
            }
            if is_end {
                use std::fmt::Write as _;
                let _ = write!(
                    self.buf,
                    "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
                );
            } else {
                use std::fmt::Write as _;
                let _ = write!(self.buf, "<w:commentRangeStart w:id=\"{id}\"/>");
            }
        }
        run(&mut self.buf, "", &text[at..]);
    }

    /// A table; `notes` are placed on the cells their spans start in (spans
    /// are byte ranges in the Markdown text of the table, `source`).
    fn table(&mut self, rows: &[Vec<String>], notes: &[(Range<usize>, &Note)], source: &str) -> Result<(), String> {
        use std::fmt::Write as _;
        let total = type_width() as usize;
        let widths = column_widths(rows, total, body_char() as usize);
        let cells_at = cell_offsets(source);
        self.buf.push_str("<w:tbl><w:tblPr>");
        let _ = write!(self.buf, "<w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>");
        self.buf.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            let _ = write!(self.buf, "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
        }
        self.buf.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for w in &widths {
            let _ = write!(self.buf, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.buf.push_str("</w:tblGrid>");
        for (r, row) in rows.iter().enumerate() {
            // Rows do not break across pages; the header row repeats on each page.
            self.buf.push_str("<w:tr><w:trPr><w:cantSplit/>");
            if r == 0 && rows.len() > 1 {
                self.buf.push_str("<w:tblHeader/>");
            }
            self.buf.push_str("</w:trPr>");
            for (i, w) in widths.iter().enumerate() {
                let text = row.get(i).map(String::as_str).unwrap_or("");
                let _ = write!(self.buf, "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>");
                // A figure stays on one line.
                if width(text) * (body_char() as f64) <= *w as f64 && !text.contains(' ') {
                    self.buf.push_str("<w:noWrap/>");
                }
                self.buf.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
                let here: Vec<(Range<usize>, &Note)> = match cells_at.get(r).and_then(|c| c.get(i)) {
                    Some(cell) => notes
                        .iter()
                        .filter(|(s, _)| cell.contains(&s.start) || (s.start == cell.end && cell.is_empty()))
                        .map(|(s, n)| {
                            let start = s.start.saturating_sub(cell.start).min(text.len());
                            let end = s.end.saturating_sub(cell.start).clamp(start, text.len());
                            (start..end, *n)
                        })
                        .collect(),
                    None => Vec::new(),
                };
                let jc = if r == 0 { Some("center") } else { None };
                let ppr = PPr { snap_to_grid: self.official.then_some(false), jc, ..PPr::default() };
                self.paragraph(&ppr, text, &here)?;
                self.buf.push_str("</w:tc>");
            }
            self.buf.push_str("</w:tr>");
            self.flush(false)?;
        }
        self.buf.push_str("</w:tbl>");
        Ok(())
    }
}

/// The largest char boundary at or before `at`.
fn floor_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The byte ranges of each cell's text in a table's lines (rows as
/// [`crate::model::body::table_rows`] reads them: the header, then the rows
/// after the delimiter).
fn cell_offsets(source: &str) -> Vec<Vec<Range<usize>>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (n, line) in source.split('\n').enumerate() {
        if n != 1 {
            let mut cells = Vec::new();
            let bytes = line.as_bytes();
            let mut start = 1;
            for (i, &b) in bytes.iter().enumerate().skip(1) {
                if b == b'|' && bytes[i - 1] != b'\\' {
                    let cell = &line[start..i];
                    let lead = cell.len() - cell.trim_start().len();
                    let trail = cell.len() - cell.trim_end().len();
                    cells.push(at + start + lead..at + i - trail.min(cell.len() - lead));
                    start = i + 1;
                }
            }
            out.push(cells);
        }
        at += line.len() + 1;
    }
    out
}

/// Builds the Word file of a brief.
pub fn to_docx(brief: &Brief, options: &DocxOptions) -> Result<Vec<u8>, String> {
    let official = options.layout == DocxLayout::Official;
    let mut pkg = Package { zip: zip::ZipWriter::new(Cursor::new(Vec::new())) };
    pkg.start("word/document.xml")?;
    let mut body = Body { pkg: &mut pkg, buf: String::new(), official, comments: Vec::new() };
    body.buf.push_str(&format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>",
        ooxml::W_NS,
        ooxml::R_NS
    ));
    let styled = |id: &str| PPr { style: Some(id.to_string()), ..PPr::default() };
    if !brief.meta.title.is_empty() {
        // A long title breaks by meaning into a balanced shape (二号: 20 characters a line).
        let per_line = (type_width() as f64 / 440.0).floor();
        let lines = if official { break_title(&brief.meta.title, per_line) } else { vec![brief.meta.title.clone()] };
        body.paragraph(&styled(TITLE), &lines.join("\n"), &[])?;
    }
    if !brief.meta.subtitle.is_empty() {
        body.paragraph(&styled(SUBTITLE), &brief.meta.subtitle, &[])?;
    }
    let numbers: HashMap<_, _> = brief.heading_numbers().into_iter().collect();
    let mut by_section: HashMap<SectionId, Vec<&Note>> = HashMap::new();
    for n in &options.notes {
        by_section.entry(n.section).or_default().push(n);
    }
    let indent = |mut p: PPr| {
        if official {
            p.ind = Some((0, 0, 640));
        }
        p
    };
    for (s, depth) in brief.walk() {
        let notes = by_section.get(&s.id).map(Vec::as_slice).unwrap_or_default();
        if !s.title.is_empty() || depth > 0 {
            let number = numbers.get(&s.id).map(String::as_str).unwrap_or("");
            let text = format!("{number}{}", s.title);
            let on_title: Vec<(Range<usize>, &Note)> =
                notes.iter().filter(|n| n.on_title).map(|n| (number.len()..text.len(), *n)).collect();
            body.paragraph(&indent(styled(&format!("Heading{}", (depth + 1).min(4)))), &text, &on_title)?;
        }
        for (range, block) in body_blocks(&s.body) {
            let here: Vec<(Range<usize>, &Note)> = notes
                .iter()
                .filter(|n| !n.on_title && n.span.start >= range.start && n.span.start <= range.end)
                .map(|n| (n.span.start - range.start..n.span.end.min(range.end) - range.start, *n))
                .collect();
            match block {
                Block::Text(text) => body.paragraph(&indent(PPr::default()), text, &here)?,
                Block::Table(rows) => body.table(&rows, &here, &s.body[range.clone()])?,
            }
        }
        // Notes in no paragraph (a span past the body's end) go on the last one's place: none are lost.
    }
    // 落款: the issuing unit and the date, with a blank line above; officially
    // the unit 右空二字 and the date two characters right of its start.
    let date = brief.meta.date.map(|d| d.format("%Y年%-m月%-d日").to_string()).unwrap_or_default();
    let author = brief.meta.author.trim();
    let line_chars = type_width() as f64 / body_char() as f64;
    let (unit_at, date_at) = signature_places(author.lines().last().unwrap_or("").trim(), &date, line_chars);
    let chars = |n: f64| (n * body_char() as f64).round() as i32;
    let lines: Vec<(&str, Place)> = author
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| (l.trim(), unit_at))
        .chain((!date.is_empty()).then_some((date.as_str(), date_at)))
        .collect();
    for (i, (line, place)) in lines.into_iter().enumerate() {
        let mut p = styled(SIGNATURE);
        if official {
            p.no_auto_space = true;
            match place {
                Place::Right(n) => p.ind = Some((0, chars(n), 0)),
                Place::Left(n) => {
                    p.ind = Some((chars(n), 0, 0));
                    p.jc = Some("left");
                }
            }
            if i == 0 {
                p.spacing = Some((line_pitch() as u32, 0, None));
            }
        }
        body.paragraph(&p, line, &[])?;
    }
    if let Some(a) = &options.appendix {
        let heading = PPr { page_break_before: true, ..styled(APPENDIX) };
        body.paragraph(&heading, "附录一 数字清单", &[])?;
        let mut rows = vec![["章节", "原文", "数值", "单位", "类别"].map(String::from).to_vec()];
        rows.extend(a.ledger.iter().map(|r| r.to_vec()));
        body.table(&rows, &[], "")?;
        if !a.report.is_empty() {
            body.paragraph(&heading, "附录二 检查报告", &[])?;
            let mut rows = vec![["章节", "规则", "问题"].map(String::from).to_vec()];
            rows.extend(a.report.iter().map(|r| r.to_vec()));
            body.table(&rows, &[], "")?;
        }
    }
    body.buf.push_str(&section_properties(official));
    body.buf.push_str("</w:body></w:document>");
    body.flush(true)?;
    let comments = std::mem::take(&mut body.comments);
    let parts = Parts { footers: if official { 2 } else { 0 }, comments: !comments.is_empty() };
    if official {
        pkg.part("word/footer1.xml", &ooxml::footer(&page_number("right")))?;
        pkg.part("word/footer2.xml", &ooxml::footer(&page_number("left")))?;
    }
    let date = options.now.map(ooxml::w3cdtf);
    if parts.comments {
        pkg.start("word/comments.xml")?;
        let mut xml = ooxml::comments_open();
        for (id, paragraphs) in &comments {
            let c = ooxml::CommentXml { id: *id, paragraphs };
            xml.push_str(&ooxml::comment(&c, BRIEFDESK_AUTHOR, "简报", date.as_deref()));
        }
        xml.push_str("</w:comments>");
        pkg.zip.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
    }
    let (default_rpr, default_ppr) = if official {
        (
            RPr { fonts: fonts(FANGSONG), spacing: Some(char_spacing()), size: Some(32), lang: true, ..RPr::default() },
            // Lines set flush at both edges (两端对齐), as Chinese documents are.
            PPr { spacing: Some((0, 0, Some(line_pitch()))), jc: Some("both"), ..PPr::default() },
        )
    } else {
        (RPr { lang: true, ..RPr::default() }, PPr::default())
    };
    pkg.part("word/styles.xml", &ooxml::styles(&default_rpr, &default_ppr, &style_defs(official)))?;
    pkg.part("word/settings.xml", &ooxml::settings(official))?;
    let font_list: &[(&str, Option<&str>)] = if official {
        &[
            (FANGSONG, Some("仿宋")),
            (KAITI, Some("楷体")),
            (HEITI, None),
            (XIAOBIAOSONG, Some("宋体")),
            (SONGTI, None),
            (LATIN, None),
        ]
    } else {
        &[(LATIN, None)]
    };
    pkg.part("word/fontTable.xml", &ooxml::font_table(font_list))?;
    pkg.part("word/_rels/document.xml.rels", &ooxml::document_rels(&parts))?;
    pkg.part("[Content_Types].xml", &ooxml::content_types(&parts))?;
    pkg.part("_rels/.rels", &ooxml::package_rels())?;
    pkg.part("docProps/core.xml", &ooxml::core(&brief.meta.title, &brief.meta.author, options.now))?;
    pkg.part("docProps/app.xml", &ooxml::app())?;
    Ok(pkg.zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// The section's properties: footers first, then page size, margins and grid.
fn section_properties(official: bool) -> String {
    if !official {
        return "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>".into();
    }
    format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/><w:footerReference w:type=\"even\" r:id=\"rIdFooter2\"/><w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/><w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"{}\"/></w:sectPr>",
        A4.0,
        A4.1,
        mm(MARGINS_MM.0),
        mm(MARGINS_MM.3),
        mm(MARGINS_MM.1),
        mm(MARGINS_MM.2),
        mm(15.0),
        footer_distance(),
        line_pitch()
    )
}

/// "— N —": 四号 宋体 digits between two 一字线, one character in from the
/// outer edge, the dashes 7 mm below the type area.
fn page_number(align: &str) -> String {
    let rpr = RPr { fonts: Some((SONGTI, SONGTI)), size: Some(28), ..RPr::default() }.xml();
    let ind = if align == "right" { (0, 280, 0) } else { (280, 0, 0) };
    let ppr = PPr {
        snap_to_grid: Some(false),
        spacing: Some((0, 0, Some(FOOTER_LINE))),
        ind: Some(ind),
        jc: Some(if align == "right" { "right" } else { "left" }),
        ..PPr::default()
    };
    let mut p = String::from("<w:p>");
    p.push_str(&ppr.xml());
    run(&mut p, &rpr, "— ");
    p.push_str(&format!("<w:r>{rpr}<w:fldChar w:fldCharType=\"begin\"/></w:r>"));
    p.push_str(&format!("<w:r>{rpr}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"));
    p.push_str(&format!("<w:r>{rpr}<w:fldChar w:fldCharType=\"separate\"/></w:r>"));
    run(&mut p, &rpr, "1");
    p.push_str(&format!("<w:r>{rpr}<w:fldChar w:fldCharType=\"end\"/></w:r>"));
    run(&mut p, &rpr, " —");
    p.push_str("</w:p>");
    p
}

/// A body's blocks with their byte ranges, read as the model reads a body
/// ([`crate::model::body`]): each line a paragraph (trimmed of the indent the
/// layout gives it), a run of lines that make a table a table, a line that
/// only tells the checks something left out.
enum Block<'a> {
    Text(&'a str),
    Table(Vec<Vec<String>>),
}

fn body_blocks(body: &str) -> Vec<(Range<usize>, Block<'_>)> {
    use crate::model::body::{is_directive, table_rows};
    // Each line with where it starts, without its line break (or a CR before it).
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in body.split('\n') {
        lines.push((at, line.strip_suffix('\r').unwrap_or(line)));
        at += line.len() + 1;
    }
    let table_line = |l: &str| {
        let t = l.trim();
        t.len() > 1 && t.starts_with('|') && t.ends_with('|')
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let run = lines[i..].iter().take_while(|(_, l)| table_line(l)).count();
        if run >= 2 {
            let texts: Vec<&str> = lines[i..i + run].iter().map(|(_, l)| *l).collect();
            if let Some(rows) = table_rows(&texts) {
                let (first, (last_at, last)) = (lines[i].0, lines[i + run - 1]);
                out.push((first..last_at + last.len(), Block::Table(rows)));
                i += run;
                continue;
            }
        }
        let (start, line) = lines[i];
        let text = line.trim();
        if !text.is_empty() && !is_directive(line) {
            let lead = line.len() - line.trim_start().len();
            out.push((start + lead..start + lead + text.len(), Block::Text(text)));
        }
        i += 1;
    }
    out
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
    fn the_page_number_dashes_stand_7_mm_below_the_type_area() {
        let middle = footer_distance() + FOOTER_LINE / 2;
        assert!((middle - mm(35.0 - 7.0)).abs() <= 1, "{middle}");
    }

    #[test]
    fn each_line_is_a_paragraph_and_table_lines_a_table() {
        let body = "　　第一段。\n第二段。\n\n| 项目 | 金额 |\n| --- | --- |\n| 消费扶贫 | 4820万元 |\n<!-- briefdesk-disable BD103 -->\n末段。";
        let blocks = body_blocks(body);
        let texts: Vec<&str> = blocks.iter().map(|(r, _)| &body[r.clone()]).collect();
        assert_eq!(texts[0], "第一段。", "the typed indent is the layout's");
        assert_eq!(texts[1], "第二段。");
        assert!(matches!(&blocks[2].1, Block::Table(rows) if rows.len() == 2), "one table");
        assert!(texts[2].starts_with("| 项目") && texts[2].ends_with("4820万元 |"));
        assert_eq!(texts[3], "末段。", "the directive is left out");
        assert_eq!(blocks.len(), 4);
    }

    #[test]
    fn cells_are_found_in_the_markdown_text() {
        let md = "| 项目 | 金额 |\n| --- | --- |\n| 消费扶贫 | 4820万元 |";
        let cells = cell_offsets(md);
        assert_eq!(&md[cells[1][1].clone()], "4820万元");
        assert_eq!(&md[cells[0][0].clone()], "项目");
    }
}
