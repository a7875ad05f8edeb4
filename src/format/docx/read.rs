//! Word file → its content: the document's paragraphs and tables in order, what
//! their styles make them, and what stands beside the body (comments, notes,
//! text boxes, headers and footers, tracked deletions) for the import report.
//!
//! The package is opened within bounds first ([`Package`]); docx-rs reads
//! what it kept on a thread with a large stack, so that no file can end the
//! app. Notes, headers and footers are read by [`super::parts`].

use docx_rs::{Docx, Paragraph, ParagraphChild, Run, RunChild, Table, TableCellContent, TableChild, TableRowChild};

use super::BRIEFDESK_AUTHOR;
use super::package::Package;
use super::parts::{self, Numbering};
use super::styles::StyleKinds;
use super::tidy::{finish, unreadable};
use crate::import::boilerplate::Reason;
use crate::import::text::Removed;

/// What a Word file holds, read in document order.
#[derive(Debug, Default)]
pub struct DocxText {
    pub blocks: Vec<Block>,
    /// Deleted text, comments, notes, text boxes, headers and footers.
    pub asides: Vec<Removed>,
    /// Tracked insertions kept and deletions dropped (a change written as
    /// several runs in a row counts once).
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
    /// A table of contents' heading or entry: left out and reported.
    Contents,
}

/// Why a Word file could not be read. Each says what to do.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error(
        "the file is damaged or is not a Word document (.docx) ({0}); open it in Word or WPS and save it again as .docx"
    )]
    Damaged(String),
    #[error(
        "the file is protected with a password, so its text cannot be read; open it in Word or WPS, remove the password (文件 → 信息 → 保护文档) and save it again"
    )]
    Encrypted,
    #[error("the file is an old-format Word or WPS file (.doc or .wps) with a .docx name")]
    OldFormat,
    #[error(
        "the file unpacks to more than {} MB ({part}), far more than a brief's Word file; it was not read (it may be a zip bomb)",
        limit / 1_048_576
    )]
    TooLarge { part: String, limit: u64 },
    #[error("the file's zip claims {entries} entries, more than the {limit} a Word file can have; it was not read")]
    TooManyEntries { entries: u64, limit: u64 },
    #[error(
        "the file's XML is nested more than {limit} levels deep ({part}); Word never writes that, so it was not read"
    )]
    TooDeep { part: String, limit: usize },
    #[error("the file holds more than {limit} {what}, more than a brief can be; split it into smaller files")]
    TooMany { what: &'static str, limit: usize },
    #[error(
        "the file holds {:.1} MB of text, more than a brief can hold ({:.1} MB); split it into smaller files",
        *bytes as f64 / 1_048_576.0, *limit as f64 / 1_048_576.0
    )]
    TooMuchText { bytes: usize, limit: u64 },
}

/// The stack docx-rs reads on: its table reader recurses once per nested
/// table (about 40 KB a level in a debug build); [`super::package::MAX_DEPTH`]
/// allows about 40 levels.
const READER_STACK: usize = 32 * 1024 * 1024;

/// Reads a .docx file's content. It never panics, and no file makes it take
/// unbounded memory, time or stack.
pub fn read_docx(bytes: &[u8]) -> Result<DocxText, DocxError> {
    let pkg = Package::open(bytes)?;
    let zip = pkg.repacked()?;
    let numbering = pkg.part("word/numbering.xml").map(Numbering::read).unwrap_or_default();
    let read = std::thread::scope(|s| {
        let reader = std::thread::Builder::new().name("docx-reader".into()).stack_size(READER_STACK);
        let handle = reader
            .spawn_scoped(s, || {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let docx = docx_rs::read_docx(&zip).map_err(|e| DocxError::Damaged(e.to_string()))?;
                    Ok(body(&docx, numbering))
                }))
            })
            .map_err(|e| DocxError::Damaged(format!("no thread to read it on: {e}")))?;
        handle
            .join()
            .map_err(|_| DocxError::Damaged("the reader could not parse it".into()))?
            .unwrap_or_else(|_| Err(DocxError::Damaged("the reader could not parse it".into())))
    })?;
    let mut out = read;
    // Headers and footers of every section, in the order the document lists them.
    let mut seen = Vec::new();
    for name in parts::headers_and_footers(&pkg) {
        let Some(xml) = pkg.part(&name) else { continue };
        let text = parts::part_text(xml, false);
        for p in text.items {
            let p = p.trim().to_string();
            // Odd, even and first-page footers often say the same: listed once.
            if !p.is_empty() && !seen.contains(&p) {
                seen.push(p.clone());
                out.asides.push(Removed { line: 0, text: p, reason: Reason::HeaderFooter });
            }
        }
        if let Some(why) = text.error {
            out.asides.push(unreadable(&name, &why));
        }
    }
    // Notes: read here, reported with the reason when their part does not parse.
    for name in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = pkg.part(name) {
            let text = parts::part_text(xml, true);
            for note in text.items.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
                out.asides.push(Removed { line: 0, text: note.to_string(), reason: Reason::Footnote });
            }
            if let Some(why) = text.error {
                out.asides.push(unreadable(name, &why));
            }
        }
    }
    for (name, why) in &pkg.unreadable {
        out.asides.push(unreadable(name, why));
    }
    finish(&mut out)?;
    Ok(out)
}

/// The document body, comments included, read from docx-rs's model.
fn body(docx: &Docx, numbering: Numbering) -> DocxText {
    let styles = StyleKinds::new(docx);
    let mut r = Reader { styles: &styles, numbering, out: DocxText::default(), toc_field: 0, pending_deletion: None };
    for child in &docx.document.children {
        r.document_child(child);
    }
    // Comments, with the paragraph they are anchored near unknown: line 0.
    // Briefdesk's own (an annotated draft read back) are no author's comments.
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
            let reason = if c.author == BRIEFDESK_AUTHOR { Reason::BriefdeskComment } else { Reason::Comment };
            r.aside(reason, format!("{}：{}", c.author, text.trim()));
        }
    }
    r.out
}

struct Reader<'a> {
    styles: &'a StyleKinds,
    numbering: Numbering,
    out: DocxText,
    /// Inside a TOC field: the depth of field nesting since its start.
    toc_field: usize,
    /// A deletion whose runs are still being read (a change written as
    /// several runs in a row is one change).
    pending_deletion: Option<String>,
}

impl Reader<'_> {
    /// The paragraph number (1-based) the next body block will have.
    fn line(&self) -> usize {
        self.out.blocks.len() + 1
    }

    fn aside(&mut self, reason: Reason, text: String) {
        let text = text.trim();
        if !text.is_empty() {
            let line = if matches!(reason, Reason::Comment | Reason::BriefdeskComment) { 0 } else { self.line() };
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
        let mut kind = self.styles.of(p);
        // A heading style ends a TOC field left open (a damaged file).
        if matches!(kind, ParaKind::Heading(_)) {
            self.toc_field = 0;
        }
        let in_toc = (self.toc_field > 0 || self.starts_toc(p)) && matches!(kind, ParaKind::Body | ParaKind::Contents);
        let (text, boxes) = self.paragraph_text(p);
        let mut text = trim_paragraph(&text);
        if in_toc {
            kind = ParaKind::Contents;
        }
        if let Some((id, level)) = self.styles.numbering(p) {
            // Counted even when empty: Word numbers an empty paragraph too.
            let shown = self.numbering.next(&id.to_string(), level);
            match kind {
                _ if text.is_empty() => {}
                ParaKind::Heading(_) => self.out.numbered_headings += 1,
                // A list paragraph numbered 一、（一）1.（1）: its number is written
                // into the text (Word shows it), and a heading-like one is a heading
                // of the level its number says.
                ParaKind::Body => {
                    if let Some(number) = shown.filter(|n| crate::model::heading_marker(n).is_some()) {
                        let level = crate::model::heading_marker(&number).map_or(0, |m| m.0);
                        if looks_like_heading(&text) {
                            kind = ParaKind::Heading(level + 1);
                        }
                        text = format!("{number}{text}");
                    }
                }
                _ => {}
            }
        }
        if kind == ParaKind::Contents {
            // A table of contents is the headings again, with page numbers: reported, not kept.
            self.aside(Reason::TableOfContents, text.replace('\t', " "));
        } else if !text.is_empty() {
            self.out.blocks.push(Block::Paragraph { text, kind });
        }
        for b in boxes {
            self.aside(Reason::TextBox, b);
        }
    }

    /// Whether the paragraph opens a TOC field (Word's table of contents
    /// without a content control, or LibreOffice's).
    fn starts_toc(&self, p: &Paragraph) -> bool {
        p.children.iter().any(|c| match c {
            ParagraphChild::Run(r) => r.children.iter().any(is_toc_instr),
            _ => false,
        })
    }

    /// The paragraph's text as shown, and the text of any text boxes in it.
    fn paragraph_text(&mut self, p: &Paragraph) -> (String, Vec<String>) {
        let mut text = String::new();
        let mut boxes = Vec::new();
        self.children_text(&p.children, &mut text, &mut boxes);
        self.flush_deletion();
        (text, boxes)
    }

    fn children_text(&mut self, children: &[ParagraphChild], text: &mut String, boxes: &mut Vec<String>) {
        let mut inserting = false;
        for c in children {
            // Runs of one change in a row are one change: a deletion is reported
            // once, an insertion counted once.
            if !matches!(c, ParagraphChild::Delete(_)) {
                self.flush_deletion();
            }
            let insert = matches!(c, ParagraphChild::Insert(_));
            match c {
                ParagraphChild::Run(run) => {
                    self.track_fields(run);
                    text.push_str(&self.run_text(run));
                    boxes.extend(self.run_boxes(run));
                }
                ParagraphChild::Insert(ins) => {
                    if !inserting {
                        self.out.insertions += 1;
                    }
                    for ic in &ins.children {
                        match ic {
                            docx_rs::InsertChild::Run(run) => text.push_str(&self.run_text(run)),
                            docx_rs::InsertChild::Delete(d) => {
                                self.deleted(&d.children);
                                self.flush_deletion();
                            }
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
            // Comment and bookmark marks between the runs of a change do not end it.
            let mark = matches!(
                c,
                ParagraphChild::CommentStart(_)
                    | ParagraphChild::CommentEnd(_)
                    | ParagraphChild::BookmarkStart(_)
                    | ParagraphChild::BookmarkEnd(_)
            );
            if !mark {
                inserting = insert;
            }
        }
    }

    /// Follows field nesting through a run, for a TOC field's extent.
    fn track_fields(&mut self, run: &Run) {
        for c in &run.children {
            match c {
                c if is_toc_instr(c) && self.toc_field == 0 => self.toc_field = 1,
                RunChild::FieldChar(f) if self.toc_field > 0 => match f.field_char_type {
                    docx_rs::FieldCharType::Begin => self.toc_field += 1,
                    docx_rs::FieldCharType::End => self.toc_field -= 1,
                    _ => {}
                },
                _ => {}
            }
        }
    }

    fn deleted(&mut self, children: &[docx_rs::DeleteChild]) {
        let gone = self.pending_deletion.get_or_insert_with(String::new);
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
    }

    /// Reports the deletion being read, as one change.
    fn flush_deletion(&mut self) {
        if let Some(gone) = self.pending_deletion.take() {
            self.out.deletions += 1;
            self.aside(Reason::TrackedDeletion, gone);
        }
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

    /// A table's rows of cell texts. A cell merged across columns is padded
    /// with empty cells to its span, so the cells below stay in their columns.
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
                let span = serde_json::to_value(&cell.property)
                    .ok()
                    .and_then(|v| v.get("gridSpan").and_then(serde_json::Value::as_u64))
                    .unwrap_or(1)
                    .clamp(1, 64);
                cells.extend((1..span).map(|_| String::new()));
            }
            rows.push(cells);
        }
        rows
    }
}

/// A field instruction that makes a table of contents.
fn is_toc_instr(c: &RunChild) -> bool {
    match c {
        RunChild::InstrTextString(s) => s.trim_start().starts_with("TOC"),
        RunChild::InstrText(i) => matches!(**i, docx_rs::InstrText::TOC(_)),
        _ => false,
    }
}

/// A numbered list paragraph that reads as a heading: short, with no
/// sentence ending in it.
fn looks_like_heading(text: &str) -> bool {
    text.chars().count() <= 40 && !text.contains(['。', '；', ';', '！', '？']) && !text.contains('\n')
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
