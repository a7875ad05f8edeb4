//! Import: bring files into the model, whatever their format.

pub mod boilerplate;
pub mod clean;
pub mod decode;
pub mod markdown;
pub mod text;

use std::path::{Path, PathBuf};

pub use markdown::{MarkdownError, from_markdown};

use crate::model::Brief;
use crate::store::{self, StoreError};

/// Why a file could not be opened as a brief.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot read the Markdown brief: {cause}: {}", path.display())]
    Markdown { path: PathBuf, cause: MarkdownError },
    #[error("cannot open this kind of file; Briefdesk reads .ron and .md briefs and imports .txt drafts: {}", path.display())]
    UnknownKind { path: PathBuf },
    #[error("cannot read the text: {cause}: {}", path.display())]
    Decode { path: PathBuf, cause: decode::DecodeError },
}

/// The file formats a brief can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    Ron,
    Markdown,
}

impl OutputKind {
    /// The kind named by a path's extension.
    pub fn for_path(path: &Path) -> Result<OutputKind, LoadError> {
        match extension(path).as_deref() {
            Some("ron") => Ok(OutputKind::Ron),
            Some("md" | "markdown") => Ok(OutputKind::Markdown),
            _ => Err(LoadError::UnknownKind { path: path.to_path_buf() }),
        }
    }

    /// Writes a brief in this format, atomically.
    pub fn save(self, path: &Path, brief: &Brief) -> Result<(), StoreError> {
        match self {
            OutputKind::Ron => store::save(path, brief),
            OutputKind::Markdown => store::write_atomic(path, crate::export::to_markdown(brief).as_bytes(), true),
        }
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Reads a text file and decodes it (UTF-8, UTF-16 with a BOM, GB18030/GBK).
pub fn read_decoded(path: &Path) -> Result<decode::Decoded, LoadError> {
    let bytes = store::read_bytes(path)?;
    decode::decode(&bytes).map_err(|cause| match cause {
        decode::DecodeError::Empty => LoadError::Store(StoreError::Empty { path: path.to_path_buf() }),
        cause => LoadError::Decode { path: path.to_path_buf(), cause },
    })
}

/// Opens a file as a brief: a project file (.ron), a Markdown brief (.md) or a
/// text draft (.txt), with what a text import took out. It never writes.
pub fn import_path(path: &Path, taxonomy: &crate::model::Taxonomy) -> Result<text::Imported, LoadError> {
    let plain = |brief| text::Imported { brief, removed: Vec::new(), traditional: false };
    match extension(path).as_deref() {
        Some("ron") => Ok(plain(store::load(path)?)),
        Some("md" | "markdown") => {
            let decoded = read_decoded(path)?;
            let brief = from_markdown(&decoded.text)
                .map_err(|cause| LoadError::Markdown { path: path.to_path_buf(), cause })?;
            Ok(plain(brief))
        }
        Some("txt" | "text") => {
            let decoded = read_decoded(path)?;
            Ok(text::import_text(&decoded.text, taxonomy.clone()))
        }
        _ => Err(LoadError::UnknownKind { path: path.to_path_buf() }),
    }
}

/// Opens a file as a brief (.ron, .md or .txt). It never writes.
pub fn load_path(path: &Path) -> Result<Brief, LoadError> {
    import_path(path, &crate::model::Taxonomy::default()).map(|i| i.brief)
}
