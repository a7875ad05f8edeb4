//! Project files: a brief saved as readable RON with a `format_version`.
//!
//! Saves are atomic: the new text goes to a temp file in the same folder, is
//! fsynced, the previous file is kept as `NAME.ron.bak`, and only then is the
//! temp file renamed over the original. A crash at any point leaves the old
//! file intact. Saves keep the file's permissions, owner, group, symlinks and
//! hard links ([`write`]). Loading never writes anything, and reads only
//! regular files (a FIFO or a device would block or never end).

mod write;

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use write::{Staged, backup, create_new, resolve, write_atomic};

use serde::{Deserialize, Serialize};

use crate::model::Brief;

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The most bytes a brief file or a draft may have, refused before it is
/// read: room for [`crate::model::MAX_CHARS`] characters at up to four bytes
/// each, and 4 MB for a brief file's structure. A file within it is then held
/// to the limit in characters once read.
pub const MAX_FILE_BYTES: u64 = crate::model::MAX_CHARS as u64 * 4 + 4 * 1024 * 1024;

/// Why a project file could not be loaded or saved. Each message says what
/// failed and what to do, with the path last.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read the file ({cause}); check that it exists and that you may read it: {}", path.display())]
    Read { path: PathBuf, cause: io::Error },
    #[error("the file is empty, so it holds no brief; open its backup (.bak) or recovery file instead: {}", path.display())]
    Empty { path: PathBuf },
    #[error(
        "the file is {:.1} MB, more than the {} MB a brief can be; check that this is the right file: {}",
        *size as f64 / 1_048_576.0, MAX_FILE_BYTES / 1_048_576, path.display()
    )]
    TooLarge { path: PathBuf, size: u64 },
    #[error("the file is not text (it holds binary data at byte {offset}); a brief is a .ron, .md or .txt file: {}", path.display())]
    NotText { path: PathBuf, offset: usize },
    #[error(
        "the file is not a valid brief: line {line}, column {column}: {message}; fix it in a text editor or open its backup (.bak): {}",
        path.display()
    )]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    #[error(
        "the file was written by a newer Briefdesk (format version {found}, this one reads up to {FORMAT_VERSION}); update Briefdesk to open it: {}",
        path.display()
    )]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("cannot save ({cause}); check free space and that the folder is writable; the previous file is unchanged: {}", path.display())]
    Write { path: PathBuf, cause: io::Error },
    #[error("cannot encode the brief as RON ({message}); nothing was written: {}", path.display())]
    Encode { path: PathBuf, message: String },
    #[error("the file exists already (another program or save may have just created it); nothing was replaced: {}", path.display())]
    Exists { path: PathBuf },
    #[error("this is not a regular file (a folder, a pipe or a device); choose a file: {}", path.display())]
    NotAFile { path: PathBuf },
    #[error("the path goes through too many symbolic links (a loop?); fix the links: {}", path.display())]
    LinkLoop { path: PathBuf },
}

#[derive(Serialize)]
struct FileOut<'a> {
    format_version: u32,
    brief: &'a Brief,
}

#[derive(Deserialize)]
struct FileIn {
    format_version: u32,
    brief: Brief,
}

/// Reads only the version, ignoring the rest, so that a newer file is reported
/// as newer rather than as malformed.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Serialises a brief to the RON text of a project file.
pub fn to_ron(brief: &Brief) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().escape_strings(false).struct_names(false);
    let mut text = ron::ser::to_string_pretty(&FileOut { format_version: FORMAT_VERSION, brief }, config)?;
    text.push('\n');
    Ok(text)
}

/// Parses the RON text of a project file. `path` only labels errors.
pub fn from_ron(text: &str, path: &Path) -> Result<Brief, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(StoreError::Empty { path: path.to_path_buf() });
    }
    if let Ok(probe) = ron::from_str::<VersionProbe>(text)
        && probe.format_version > FORMAT_VERSION
    {
        return Err(StoreError::NewerVersion { path: path.to_path_buf(), found: probe.format_version });
    }
    match ron::from_str::<FileIn>(text) {
        Ok(file) if file.format_version > FORMAT_VERSION => {
            Err(StoreError::NewerVersion { path: path.to_path_buf(), found: file.format_version })
        }
        Ok(mut file) => {
            // Two sections with one id (one copied in a text editor): the copy gets a new id.
            file.brief.renumber_duplicate_ids();
            Ok(file.brief)
        }
        Err(e) => Err(StoreError::Parse {
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        }),
    }
}

/// Reads a file as UTF-8 text with the size and binary checks every loader
/// shares. It only reads.
pub fn read_text(path: &Path) -> Result<String, StoreError> {
    let bytes = read_bytes(path)?;
    if bytes.is_empty() {
        return Err(StoreError::Empty { path: path.to_path_buf() });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(StoreError::NotText { path: path.to_path_buf(), offset });
    }
    String::from_utf8(bytes)
        .map_err(|e| StoreError::NotText { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() })
}

/// Reads a file's bytes, refusing files over [`MAX_FILE_BYTES`] before reading them.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, StoreError> {
    let read_err = |cause| StoreError::Read { path: path.to_path_buf(), cause };
    // Only a regular file: opening a FIFO waits for a writer, and a device never ends.
    if !std::fs::metadata(path).map_err(read_err)?.is_file() {
        return Err(StoreError::NotAFile { path: path.to_path_buf() });
    }
    let file = File::open(path).map_err(read_err)?;
    let size = file.metadata().map_err(read_err)?.len();
    if size > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge { path: path.to_path_buf(), size });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows while we read it.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(read_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::TooLarge { path: path.to_path_buf(), size: bytes.len() as u64 });
    }
    Ok(bytes)
}

/// Loads a brief from a RON project file. It never writes anything.
pub fn load(path: &Path) -> Result<Brief, StoreError> {
    let text = read_text(path)?;
    from_ron(&text, path)
}

/// Saves a brief atomically, keeping the previous version as `NAME.ron.bak`.
pub fn save(path: &Path, brief: &Brief) -> Result<(), StoreError> {
    let text = to_ron(brief).map_err(|e| StoreError::Encode { path: path.to_path_buf(), message: e.to_string() })?;
    write_atomic(path, text.as_bytes(), true)
}

/// `NAME.ron` → `NAME.ron.bak` (the name cut to fit, for a very long one).
pub fn backup_path(path: &Path) -> PathBuf {
    write::with_suffix(path, ".bak")
}

/// `NAME.ron` → `NAME.ron.recovery`: where autosave writes between saves.
pub fn recovery_path(path: &Path) -> PathBuf {
    write::with_suffix(path, ".recovery")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Taxonomy, Template};
    use std::fs;

    #[cfg(unix)]
    #[test]
    fn saves_keep_the_file_permissions_and_new_files_get_0644() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let mode = |p: &Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        let new = dir.path().join("new.md");
        write_atomic(&new, b"a", false).expect("write");
        assert_eq!(mode(&new), 0o644);
        let shared = dir.path().join("shared.ron");
        fs::write(&shared, b"old").expect("write");
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o664)).expect("chmod");
        write_atomic(&shared, b"new", true).expect("save");
        assert_eq!(mode(&shared), 0o664, "the saved file keeps its mode");
        assert_eq!(mode(&backup_path(&shared)), 0o664, "the backup takes the original's mode");
    }

    #[test]
    fn ron_is_readable_chinese_with_a_version() {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        b.sections[0].body = "第一段\n\n第二段含\"引号\"".into();
        let text = to_ron(&b).expect("encode");
        assert!(text.starts_with("(\n    format_version: 1,"), "{text}");
        assert!(text.contains("消费扶贫"), "Chinese is written as is, not escaped");
        assert!(text.contains("第一段\n\n第二段"), "bodies keep their line breaks");
        assert_eq!(from_ron(&text, Path::new("x.ron")).expect("decode"), b);
    }

    #[test]
    fn parse_errors_carry_line_and_column() {
        let err = from_ron("(\n  format_version: 1,\n  brief: (meta: 5),\n)", Path::new("a.ron")).unwrap_err();
        match err {
            StoreError::Parse { line, column, .. } => assert_eq!((line, column > 1), (3, true)),
            other => panic!("expected a parse error, got {other}"),
        }
    }
}
