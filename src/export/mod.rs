//! Exporters. Each reads the model; none parses text again.

pub mod markdown;

pub use markdown::to_markdown;
