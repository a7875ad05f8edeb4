//! Bringing drafts in: decoding a file's bytes, taking web boilerplate and
//! pinyin out, joining PDF hard wraps, and finding the structure of plain
//! text. Which files are read, and how, is decided in [`crate::format`].
//!
//! Uses the model only; no UI, no file formats.

pub mod boilerplate;
pub mod clean;
pub mod decode;
pub mod invisible;
pub mod text;
