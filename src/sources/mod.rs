//! Sources: the documents a brief's figures are held to (issue 24).
//!
//! A brief lists its sources ([`crate::model::SourceRef`]: a path and a
//! fingerprint of the content). Each is read by the one loader
//! ([`crate::format::load`]: .txt, .md, .docx, .doc/.wps through LibreOffice,
//! .pdf, .html saved from a web page) into a brief, and its claims are read by
//! the same layer as the draft's ([`index`]). [`verify`] holds the draft's
//! figures to them; the rule BD114 (`source-mismatch`) reports what disagrees
//! and what nothing backs, and the figure ledger marks what agrees (已核对).
//!
//! Indexes are cached by path, size and modification time ([`Cache`]), so a
//! brief is checked against its sources without reading them again.

pub mod index;
pub mod verify;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use index::{Locator, SourceClaim, SourceIndex};
pub use verify::{Cited, Status, Verified, verify};

use crate::format::{LoadError, LoadOptions};
use crate::model::SourceRef;

/// SHA-256 of bytes, in hex: a source's fingerprint.
pub fn fingerprint(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The fingerprint of a file's content, read in blocks.
pub fn fingerprint_file(path: &Path) -> std::io::Result<String> {
    use sha2::Digest;
    use std::io::Read;
    let mut hasher = sha2::Sha256::new();
    let mut file = std::fs::File::open(path)?;
    let mut block = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut block)?;
        if n == 0 {
            break;
        }
        hasher.update(&block[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Reads a source file and indexes its claims.
pub fn read(path: &Path) -> Result<SourceIndex, LoadError> {
    let loaded = crate::format::load(path, &LoadOptions::default())?;
    let fingerprint =
        fingerprint_file(path).map_err(|cause| crate::store::StoreError::Read { path: path.to_path_buf(), cause })?;
    Ok(SourceIndex::build(path.to_path_buf(), fingerprint, &loaded))
}

/// A source entry for a brief: the file's path and its fingerprint now.
pub fn reference(path: &Path) -> Result<SourceRef, LoadError> {
    let fingerprint =
        fingerprint_file(path).map_err(|cause| crate::store::StoreError::Read { path: path.to_path_buf(), cause })?;
    Ok(SourceRef { path: path.to_path_buf(), fingerprint })
}

/// Where a brief's source stands: relative paths are taken from the brief's folder.
pub fn resolve(source: &SourceRef, brief_dir: Option<&Path>) -> PathBuf {
    match brief_dir {
        Some(dir) if source.path.is_relative() => dir.join(&source.path),
        _ => source.path.clone(),
    }
}

/// What the file's metadata says of its content, to tell when to read it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    /// The file's size and modification time now; None if it cannot be looked at.
    pub fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp { len: m.len(), modified: m.modified().ok() })
    }
}

/// Source indexes kept between checks: a source is read again only when its
/// file's size or modification time changed.
#[derive(Debug, Default)]
pub struct Cache {
    entries: rustc_hash::FxHashMap<PathBuf, (Option<Stamp>, Arc<SourceIndex>)>,
}

/// A brief's source as read for a check.
#[derive(Debug, Clone)]
pub enum Loaded {
    Read {
        index: Arc<SourceIndex>,
        /// The content is not what it was when the source was added.
        changed: bool,
    },
    Failed(String),
}

impl Cache {
    /// The index of a file, from the cache when the file did not change.
    pub fn get(&mut self, path: &Path) -> Result<Arc<SourceIndex>, LoadError> {
        let stamp = Stamp::of(path);
        if let Some((s, index)) = self.entries.get(path)
            && stamp.is_some()
            && *s == stamp
        {
            return Ok(index.clone());
        }
        let index = Arc::new(read(path)?);
        self.entries.insert(path.to_path_buf(), (stamp, index.clone()));
        Ok(index)
    }

    /// Every source of a brief, read or with the reason it could not be.
    pub fn load_all(&mut self, sources: &[SourceRef], brief_dir: Option<&Path>) -> Vec<Loaded> {
        sources
            .iter()
            .map(|s| match self.get(&resolve(s, brief_dir)) {
                Ok(index) => {
                    let changed = !s.fingerprint.is_empty() && s.fingerprint != index.fingerprint;
                    Loaded::Read { index, changed }
                }
                Err(e) => Loaded::Failed(e.to_string()),
            })
            .collect()
    }
}

/// The indexes of the sources that could be read.
pub fn indexes(loaded: &[Loaded]) -> Vec<Arc<SourceIndex>> {
    loaded
        .iter()
        .filter_map(|l| match l {
            Loaded::Read { index, .. } => Some(index.clone()),
            Loaded::Failed(_) => None,
        })
        .collect()
}
