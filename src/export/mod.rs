//! Exporters. Each reads the model; none parses text again.

pub mod html;
pub mod markdown;
pub mod report;

pub use html::{HtmlOptions, to_html};
pub use markdown::to_markdown;
pub use report::report_html;
