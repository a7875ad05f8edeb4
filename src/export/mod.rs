//! Exporters. Each reads the model; none parses text again.

pub mod html;
pub mod pdf;
pub mod report;
pub mod word;

pub use crate::format::to_markdown;
pub use html::{HtmlOptions, to_html};
pub use report::report_html;
pub use word::{AnnotatedDraft, WordOptions, annotated_draft, comment_text, to_word};
