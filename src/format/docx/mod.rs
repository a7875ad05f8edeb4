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
//! Export writes the package itself (`ooxml`, `write`): docx-rs's writer
//! orders elements against the schema and keeps the whole document as
//! objects, about 5 KB a table cell. Import reads through docx-rs after the
//! package is opened within bounds (`package`).

mod annotate;
mod layout;
mod ooxml;
pub mod package;
mod parts;
mod read;
mod structure;
mod styles;
mod tidy;
mod write;

pub use annotate::{Anchor, Annotated, annotate};
pub use read::{Block, DocxError, DocxText, ParaKind, read_docx};
pub use structure::{blocks_text, to_brief};
pub use tidy::{MAX_ENTRIES, MAX_ENTRY_CHARS, MAX_TEXT_BYTES};
pub use write::{Appendix, DocxLayout, DocxOptions, Note, to_docx};

/// Style ids written and recognised on import.
pub(super) const TITLE: &str = "Title";
pub(super) const SUBTITLE: &str = "Subtitle";
pub(super) const SIGNATURE: &str = "BriefdeskSignature";
pub(super) const APPENDIX: &str = "BriefdeskAppendix";

/// The author of the comments Briefdesk writes (its findings), by which an
/// import tells them from the author's own.
pub const BRIEFDESK_AUTHOR: &str = "简报台";

/// Writes a table's rows as body lines: the model's table form.
pub(super) fn markdown_rows(rows: &[Vec<String>]) -> String {
    crate::model::body::table_lines(rows)
}
