//! The XML of an exported Word file, written directly in the order the
//! ISO/IEC 29500 schema gives each element's children (docx-rs's writer puts
//! `rPr` before `pStyle`, footer references after the page size and `zoom`
//! after `mirrorMargins`, which Word may offer to repair, and keeps about
//! 5 KB per table cell in memory). Parts other than the body are small and
//! fixed here; the body streams through [`Xml`].

use std::fmt::Write as _;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Whether a character can stand in XML 1.0 (tab, line feed and carriage
/// return are the only control characters it allows).
pub fn xml_char(c: char) -> bool {
    (!c.is_control() || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// Escapes text for an element's content or an attribute, leaving out what
/// XML cannot hold.
pub fn esc(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// Run properties, written in schema order (rFonts, b, bCs, spacing, sz, szCs).
#[derive(Debug, Clone, Default)]
pub struct RPr {
    /// East Asian font, and the font of Latin letters and digits.
    pub fonts: Option<(&'static str, &'static str)>,
    pub bold: bool,
    /// Letter spacing in twips.
    pub spacing: Option<i32>,
    /// Size in half points.
    pub size: Option<u32>,
    pub lang: bool,
}

impl RPr {
    pub fn xml(&self) -> String {
        let mut s = String::new();
        if let Some((east, latin)) = self.fonts {
            let _ =
                write!(s, "<w:rFonts w:ascii=\"{latin}\" w:eastAsia=\"{east}\" w:hAnsi=\"{latin}\" w:cs=\"{latin}\"/>");
        }
        if self.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if let Some(v) = self.spacing {
            let _ = write!(s, "<w:spacing w:val=\"{v}\"/>");
        }
        if let Some(v) = self.size {
            let _ = write!(s, "<w:sz w:val=\"{v}\"/><w:szCs w:val=\"{v}\"/>");
        }
        if self.lang {
            s.push_str("<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>");
        }
        if s.is_empty() { s } else { format!("<w:rPr>{s}</w:rPr>") }
    }
}

/// Paragraph properties, written in schema order.
#[derive(Debug, Clone, Default)]
pub struct PPr {
    pub style: Option<String>,
    pub keep_next: bool,
    pub keep_lines: bool,
    pub page_break_before: bool,
    /// No extra space between CJK and Latin text or digits (autoSpaceDE and
    /// autoSpaceDN off): the line is as wide as its characters.
    pub no_auto_space: bool,
    /// Some(false): off the document grid.
    pub snap_to_grid: Option<bool>,
    /// (before, after, line, exact) in twips.
    pub spacing: Option<(u32, u32, Option<i32>)>,
    /// (left, right, first line) in twips.
    pub ind: Option<(i32, i32, i32)>,
    pub jc: Option<&'static str>,
    pub outline: Option<usize>,
}

impl PPr {
    pub fn xml(&self) -> String {
        let mut s = String::new();
        if let Some(st) = &self.style {
            s.push_str("<w:pStyle w:val=\"");
            esc(st, &mut s);
            s.push_str("\"/>");
        }
        if self.keep_next {
            s.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            s.push_str("<w:keepLines/>");
        }
        if self.page_break_before {
            s.push_str("<w:pageBreakBefore/>");
        }
        if self.no_auto_space {
            s.push_str("<w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>");
        }
        if let Some(snap) = self.snap_to_grid {
            let _ = write!(s, "<w:snapToGrid w:val=\"{}\"/>", u8::from(snap));
        }
        if let Some((before, after, line)) = self.spacing {
            let _ = write!(s, "<w:spacing w:before=\"{before}\" w:after=\"{after}\"");
            if let Some(l) = line {
                let _ = write!(s, " w:line=\"{l}\" w:lineRule=\"exact\"");
            }
            s.push_str("/>");
        }
        if let Some((left, right, first)) = self.ind {
            let _ = write!(s, "<w:ind w:left=\"{left}\" w:right=\"{right}\"");
            if first != 0 {
                let _ = write!(s, " w:firstLine=\"{first}\"");
            }
            s.push_str("/>");
        }
        if let Some(jc) = self.jc {
            let _ = write!(s, "<w:jc w:val=\"{jc}\"/>");
        }
        if let Some(o) = self.outline {
            let _ = write!(s, "<w:outlineLvl w:val=\"{o}\"/>");
        }
        if s.is_empty() { s } else { format!("<w:pPr>{s}</w:pPr>") }
    }
}

/// Appends a run of text: line breaks become Word line breaks, tabs Word
/// tabs, a form feed a page break; other control characters are left out.
pub fn run(out: &mut String, rpr: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    out.push_str(rpr);
    let mut open = false;
    for c in text.chars() {
        let special = match c {
            '\n' => Some("<w:br/>"),
            '\t' => Some("<w:tab/>"),
            '\u{c}' => Some("<w:br w:type=\"page\"/>"),
            '\r' => Some(""),
            _ => None,
        };
        match special {
            Some(tag) => {
                if open {
                    out.push_str("</w:t>");
                    open = false;
                }
                out.push_str(tag);
            }
            None if xml_char(c) => {
                if !open {
                    out.push_str("<w:t xml:space=\"preserve\">");
                    open = true;
                }
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    c => out.push(c),
                }
            }
            None => {}
        }
    }
    if open {
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

/// A paragraph style.
pub struct StyleDef<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub ppr: PPr,
    pub rpr: RPr,
}

/// word/styles.xml: the document defaults, Normal, and the given styles.
pub fn styles(default_rpr: &RPr, default_ppr: &PPr, defs: &[StyleDef]) -> String {
    let mut s = format!("{DECL}<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault>");
    s.push_str(&default_rpr.xml());
    s.push_str("</w:rPrDefault><w:pPrDefault>");
    s.push_str(&default_ppr.xml());
    s.push_str("</w:pPrDefault></w:docDefaults>");
    s.push_str(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>",
    );
    s.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    for d in defs {
        s.push_str("<w:style w:type=\"paragraph\" w:styleId=\"");
        esc(d.id, &mut s);
        s.push_str("\"><w:name w:val=\"");
        esc(d.name, &mut s);
        s.push_str("\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>");
        s.push_str(&d.ppr.xml());
        s.push_str(&d.rpr.xml());
        s.push_str("</w:style>");
    }
    s.push_str("</w:styles>");
    s
}

/// word/settings.xml: mirror margins and separate even-page footers for
/// double-sided printing (official layout), Chinese punctuation compression.
pub fn settings(official: bool) -> String {
    let mut s = format!("{DECL}<w:settings xmlns:w=\"{W_NS}\"><w:zoom w:percent=\"100\"/>");
    if official {
        s.push_str("<w:mirrorMargins/>");
    }
    s.push_str("<w:defaultTabStop w:val=\"420\"/>");
    if official {
        s.push_str("<w:evenAndOddHeaders/>");
    }
    s.push_str("<w:characterSpacingControl w:val=\"compressPunctuation\"/>");
    s.push_str("<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>");
    s.push_str("</w:settings>");
    s
}

/// word/fontTable.xml: each Chinese font with the name Word substitutes when
/// it is missing (仿宋_GB2312 → 仿宋).
pub fn font_table(fonts: &[(&str, Option<&str>)]) -> String {
    let mut s = format!("{DECL}<w:fonts xmlns:w=\"{W_NS}\">");
    for (name, alt) in fonts {
        s.push_str("<w:font w:name=\"");
        esc(name, &mut s);
        s.push_str("\">");
        if let Some(a) = alt {
            s.push_str("<w:altName w:val=\"");
            esc(a, &mut s);
            s.push_str("\"/>");
        }
        s.push_str("<w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>");
    }
    s.push_str("</w:fonts>");
    s
}

/// A footer part holding one paragraph.
pub fn footer(paragraph: &str) -> String {
    format!("{DECL}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{paragraph}</w:ftr>")
}

/// The parts of the package, for [Content_Types].xml and the relationships.
pub struct Parts {
    pub footers: usize,
    pub comments: bool,
}

pub fn content_types(parts: &Parts) -> String {
    let mut s = format!(
        "{DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    let over = |s: &mut String, part: &str, kind: &str| {
        let _ = write!(s, "<Override PartName=\"{part}\" ContentType=\"{kind}\"/>");
    };
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    over(&mut s, "/word/document.xml", &format!("{wml}.document.main+xml"));
    over(&mut s, "/word/styles.xml", &format!("{wml}.styles+xml"));
    over(&mut s, "/word/settings.xml", &format!("{wml}.settings+xml"));
    over(&mut s, "/word/fontTable.xml", &format!("{wml}.fontTable+xml"));
    for i in 1..=parts.footers {
        over(&mut s, &format!("/word/footer{i}.xml"), &format!("{wml}.footer+xml"));
    }
    if parts.comments {
        over(&mut s, "/word/comments.xml", &format!("{wml}.comments+xml"));
    }
    over(&mut s, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    over(&mut s, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    s.push_str("</Types>");
    s
}

pub fn package_rels() -> String {
    format!(
        "{DECL}<Relationships xmlns=\"{PKG_REL}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
    )
}

/// word/_rels/document.xml.rels; footers are rIdFooter1…, comments rIdComments.
pub fn document_rels(parts: &Parts) -> String {
    let mut s = format!(
        "{DECL}<Relationships xmlns=\"{PKG_REL}\"><Relationship Id=\"rIdStyles\" Type=\"{REL}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"{REL}/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdFonts\" Type=\"{REL}/fontTable\" Target=\"fontTable.xml\"/>"
    );
    for i in 1..=parts.footers {
        let _ = write!(s, "<Relationship Id=\"rIdFooter{i}\" Type=\"{REL}/footer\" Target=\"footer{i}.xml\"/>");
    }
    if parts.comments {
        let _ = write!(s, "<Relationship Id=\"rIdComments\" Type=\"{REL}/comments\" Target=\"comments.xml\"/>");
    }
    s.push_str("</Relationships>");
    s
}

/// A time as the core properties write it (W3CDTF, UTC).
pub fn w3cdtf(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// docProps/core.xml: one title, one creator (the brief's author), the last
/// editor, and the times. Line breaks in the title or author (a Shift+Enter
/// copied from Word) become spaces; other control characters are left out.
pub fn core(title: &str, author: &str, now: Option<chrono::DateTime<chrono::Utc>>) -> String {
    let one_line = |s: &str| {
        let mut out = String::new();
        esc(&s.split(['\n', '\r', '\u{b}', '\u{c}']).map(str::trim).collect::<Vec<_>>().join(" "), &mut out);
        out.replace('\t', " ")
    };
    let mut s = format!(
        "{DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
    );
    if !title.trim().is_empty() {
        let _ = write!(s, "<dc:title>{}</dc:title>", one_line(title));
    }
    if !author.trim().is_empty() {
        let a = one_line(author);
        let _ = write!(s, "<dc:creator>{a}</dc:creator><cp:lastModifiedBy>{a}</cp:lastModifiedBy>");
    }
    s.push_str("<cp:revision>1</cp:revision>");
    if let Some(t) = now {
        let t = w3cdtf(t);
        let _ = write!(
            s,
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{t}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{t}</dcterms:modified>"
        );
    }
    s.push_str("</cp:coreProperties>");
    s
}

pub fn app() -> String {
    format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Briefdesk</Application></Properties>"
    )
}

/// One comment of comments.xml: its id, and its paragraphs.
pub struct CommentXml<'a> {
    pub id: usize,
    pub paragraphs: &'a [String],
}

/// The opening of word/comments.xml (the namespace declarations).
pub fn comments_open() -> String {
    format!("{DECL}<w:comments xmlns:w=\"{W_NS}\">")
}

/// One w:comment element, by `author` at `date` (W3CDTF, or none).
pub fn comment(c: &CommentXml, author: &str, initials: &str, date: Option<&str>) -> String {
    let mut s = format!("<w:comment w:id=\"{}\" w:author=\"", c.id);
    esc(author, &mut s);
    s.push('"');
    if let Some(d) = date {
        let _ = write!(s, " w:date=\"{d}\"");
    }
    s.push_str(" w:initials=\"");
    esc(initials, &mut s);
    s.push_str("\">");
    for (i, p) in c.paragraphs.iter().enumerate() {
        s.push_str("<w:p>");
        if i == 0 {
            // The mark that ties the comment's text to its reference in the document.
            s.push_str("<w:r><w:annotationRef/></w:r>");
        }
        run(&mut s, "", p);
        s.push_str("</w:p>");
    }
    s.push_str("</w:comment>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_stay_out_of_the_xml() {
        let core = core("标题\u{b}第二行\u{1}", "作者\n单位", None);
        assert!(core.contains("<dc:title>标题 第二行</dc:title>"), "{core}");
        assert!(core.contains("<dc:creator>作者 单位</dc:creator>"), "{core}");
        assert_eq!(core.matches("<dc:creator>").count(), 1);
        let mut r = String::new();
        run(&mut r, "", "a\u{0}b\u{7}<c>");
        assert_eq!(r, "<w:r><w:t xml:space=\"preserve\">ab&lt;c&gt;</w:t></w:r>");
    }

    #[test]
    fn properties_are_in_schema_order() {
        let p = PPr {
            style: Some("Heading1".into()),
            keep_next: true,
            no_auto_space: true,
            snap_to_grid: Some(false),
            spacing: Some((0, 0, Some(280))),
            ind: Some((0, 640, 0)),
            jc: Some("right"),
            outline: Some(0),
            ..PPr::default()
        }
        .xml();
        let order =
            ["pStyle", "keepNext", "autoSpaceDE", "autoSpaceDN", "snapToGrid", "spacing", "ind", "jc", "outlineLvl"];
        let at: Vec<usize> = order.iter().map(|t| p.find(&format!("<w:{t}")).expect(t)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{p}");
    }
}
