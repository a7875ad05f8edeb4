//! Import: bring files into the model, whatever their format.

pub mod clean;
pub mod markdown;

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
    #[error("cannot open this kind of file; Briefdesk reads .ron and .md briefs: {}", path.display())]
    UnknownKind { path: PathBuf },
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
            _ => Err(LoadError::UnknownKind {
                path: path.to_path_buf(),
            }),
        }
    }

    /// Writes a brief in this format, atomically.
    pub fn save(self, path: &Path, brief: &Brief) -> Result<(), StoreError> {
        match self {
            OutputKind::Ron => store::save(path, brief),
            OutputKind::Markdown => {
                store::write_atomic(path, crate::export::to_markdown(brief).as_bytes(), true)
            }
        }
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Opens a brief from a project file (.ron) or a Markdown file (.md). It never writes.
pub fn load_path(path: &Path) -> Result<Brief, LoadError> {
    match OutputKind::for_path(path)? {
        OutputKind::Ron => Ok(store::load(path)?),
        OutputKind::Markdown => {
            let text = store::read_text(path)?;
            from_markdown(&text).map_err(|cause| LoadError::Markdown {
                path: path.to_path_buf(),
                cause,
            })
        }
    }
}
