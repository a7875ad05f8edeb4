//! Briefdesk (简报台): write poverty-alleviation briefs and check their figures.
//!
//! The pipeline, parse once and render many:
//!
//! ```text
//! file ──store / import──▶ model::Brief ──figures::extract──▶ Vec<Figure>
//!                               │                                 │
//!                               │                         checks::run ──▶ Vec<Diagnostic>
//!                               └──export──▶ Markdown / HTML / check report
//! ```
//!
//! * [`model`]: plain serde data: the brief, its sections, taxonomy and fact sheet.
//! * [`figures`]: finds and normalises the figures in Chinese prose.
//! * [`format`](mod@format): which files are read and written, and the one loader that
//!   the CLI and the window share ([`format::load`]), with a source map back
//!   into the file.
//! * [`store`]: RON project files, saved atomically with a backup.
//! * [`import`]: decoding and the clean-up of pasted drafts.
//! * [`export`]: HTML and the check report (Markdown lives in [`format`](mod@format)).
//!
//! The core never imports egui; the desktop app lives in `app`, behind the
//! default `gui` feature.

pub mod checks;
pub mod cli;
pub mod diff;
pub mod export;
pub mod figures;
pub mod format;
pub mod import;
pub mod lang;
pub mod model;
pub mod sources;
pub mod store;

#[cfg(feature = "gui")]
pub mod app;
