use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// A document the brief's figures are held to: a statistical communiqué
/// (统计公报), a work report, an office's ledger, an earlier brief. The brief
/// keeps where it is and a fingerprint of its content, so that a source changed
/// since it was added is noticed; the text itself is read from the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The file as the user added it: absolute, or relative to the brief's folder.
    pub path: PathBuf,
    /// SHA-256 of the file's bytes when it was added or last confirmed, in hex;
    /// empty when it was never read.
    #[serde(default)]
    pub fingerprint: String,
}

impl SourceRef {
    /// The name findings cite: the file name.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }
}
