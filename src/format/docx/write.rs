//! Brief → Word file: the official layout (GB/T 9704-2012) or the reader's
//! default styles.

use std::collections::HashMap;
use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, Run, RunFonts, Style, StyleType, Table, TableCell, TableRow,
};

use super::{APPENDIX, SIGNATURE, SUBTITLE, TITLE};
use crate::model::Brief;

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
    for line in brief.meta.signature() {
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

/// A body as Word blocks: one paragraph per line (the model's
/// [`crate::model::body`]), a table per table; directives for the checks left out.
enum BodyBlock<'a> {
    Text(&'a str),
    Table(Vec<Vec<String>>),
}

fn body_paragraphs(body: &str) -> Vec<BodyBlock<'_>> {
    use crate::model::body::Block;
    crate::model::body::blocks(body)
        .into_iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(BodyBlock::Text(p.trim())),
            Block::Table(rows) => Some(BodyBlock::Table(rows)),
            Block::Directive(_) => None,
        })
        .collect()
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
}
