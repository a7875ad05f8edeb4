//! Word file → its content: the document's paragraphs and tables in order, what
//! their styles make them, and what stands beside the body (comments, notes,
//! text boxes, headers and footers, tracked deletions) for the import report.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use docx_rs::{Docx, Paragraph, ParagraphChild, Run, RunChild, Table, TableCellContent, TableChild, TableRowChild};

use super::{APPENDIX, SIGNATURE};
use crate::import::boilerplate::Reason;
use crate::import::text::Removed;

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
    #[error(
        "the file is damaged or is not a Word document (.docx) ({0}); open it in Word or WPS and save it again as .docx"
    )]
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
            D::Table(t) => self.table(t),
            D::StructuredDataTag(sdt) => self.sdt(sdt),
            D::TableOfContents(_) | D::BookmarkStart(_) | D::BookmarkEnd(_) | D::CommentStart(_) | D::CommentEnd(_) => {
            }
            D::Section(s) => {
                use docx_rs::SectionChild as C;
                for c in s.children() {
                    match c {
                        C::Paragraph(p) => self.paragraph(p),
                        C::Table(t) => self.table(t),
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
                S::Table(t) => self.table(t),
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

    /// A table of the body, a section or a content control, as one block; an empty one is left out.
    fn table(&mut self, t: &Table) {
        let rows = self.table_rows(t);
        if rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty())) {
            self.out.blocks.push(Block::Table(rows));
        }
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

pub(super) fn table_text(rows: &[Vec<String>]) -> String {
    rows.iter().map(|r| r.join(" | ")).collect::<Vec<_>>().join("\n")
}

/// A paragraph as a body paragraph: the indent of spaces Chinese documents
/// type before a paragraph taken off, blank lines inside it closed up.
fn trim_paragraph(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end()).collect();
    let joined = lines.join("\n");
    joined.trim().to_string()
}
