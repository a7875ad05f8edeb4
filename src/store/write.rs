//! Writing files as an editor does: atomically, keeping what the file was.
//!
//! New contents go to a temp file beside the target and are fsynced; only
//! then do they take the target's place. Along the way:
//!
//! * a symlink is followed to its target, which is what gets written (a
//!   shared file behind a link is updated, the link stays a link);
//! * the file keeps its permissions, owner and group. Where the temp file
//!   cannot be given the owner and group (a user saving another user's
//!   group-shared file), or the file has other hard links, the new contents
//!   are copied into the file itself instead of renamed over it, after a
//!   backup of the old ones, so the inode and all its names stay;
//! * a new file is created exclusively when the caller said it must be new
//!   ([`create_new`]), so two saves racing for one name cannot both win; it
//!   gets the usual 0666 less the umask;
//! * temp files that killed saves left behind are removed by the next save
//!   of the same file; temp names are kept short enough for any file name.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// The most symlinks followed from a path to the file it names (as Linux's ELOOP).
const MAX_LINKS: usize = 40;
/// The longest file name most file systems take, in bytes.
const NAME_MAX: usize = 255;
/// How much of the target's name a temp file's name carries.
const TEMP_NAME_BYTES: usize = 100;
/// A temp file older than this whose process cannot be told is left over.
const STALE_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Writes bytes to `path` atomically, replacing what is there. With
/// `keep_backup`, an existing file is first copied to [`super::backup_path`].
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let staged = Staged::write(path, bytes)?;
    if keep_backup || staged.in_place {
        backup(&staged.target)?;
    }
    staged.commit()
}

/// Writes bytes to a file that must not exist yet: if something took the
/// name meanwhile (another save, another import), nothing is replaced and
/// the error says the file exists.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let exists = || StoreError::Exists { path: path.to_path_buf() };
    if fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let staged = Staged::write(path, bytes)?;
    let target = staged.target.clone();
    match staged.temp.persist_noclobber(&target) {
        Ok(_) => {
            sync_dir(&target);
            Ok(())
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(exists()),
        Err(e) => Err(StoreError::Write { path: target, cause: e.error }),
    }
}

/// Copies the current file at `path`, if there is one, to its backup path,
/// itself atomically, so a crash never leaves a half-written backup.
pub fn backup(path: &Path) -> Result<(), StoreError> {
    let target = resolve(path)?;
    let old = match fs::read(&target) {
        Ok(old) => old,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(cause) => return Err(StoreError::Read { path: target, cause }),
    };
    let staged = Staged::write_like(&super::backup_path(&target), &old, &target)?;
    // A backup of a file with other names is a file of its own: never write through it.
    Staged { in_place: false, ..staged }.commit()
}

/// The file a path names: symlinks followed to their end, also when the
/// end does not exist yet (a new file behind a dangling link).
pub fn resolve(path: &Path) -> Result<PathBuf, StoreError> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&p).map_err(|cause| StoreError::Read { path: p.clone(), cause })?;
                p = match p.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(StoreError::LinkLoop { path: path.to_path_buf() })
}

/// New contents written and fsynced to a temp file beside the target, not yet
/// in place. Dropping it removes the temp file; [`Staged::commit`] puts it in
/// place.
pub struct Staged {
    temp: tempfile::NamedTempFile,
    /// The file written: the path with its symlinks followed.
    target: PathBuf,
    /// The target must keep its inode (other hard links, or an owner the
    /// temp file cannot be given): commit copies into it.
    in_place: bool,
}

impl Staged {
    /// Writes `bytes` to a new temp file in the target's folder and fsyncs it.
    /// The file gets the target's permissions, owner and group, or, when the
    /// target is new, 0666 less the umask.
    pub fn write(target: &Path, bytes: &[u8]) -> Result<Staged, StoreError> {
        let target = resolve(target)?;
        Staged::write_like(&target, bytes, &target)
    }

    /// As [`Staged::write`], with the permissions and owner of `like` (a backup takes the original's).
    fn write_like(target: &Path, bytes: &[u8], like: &Path) -> Result<Staged, StoreError> {
        let write_err = |cause| StoreError::Write { path: target.to_path_buf(), cause };
        let like_meta = match fs::metadata(like) {
            Ok(m) if !m.is_file() => return Err(StoreError::NotAFile { path: like.to_path_buf() }),
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(cause) => return Err(StoreError::Read { path: like.to_path_buf(), cause }),
        };
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let prefix = temp_prefix(&name);
        remove_stale_temps(dir, &prefix);
        let temp_prefix = format!("{prefix}{}.", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&temp_prefix).suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Created with this mode, so the umask applies to a new file as it does for any program's.
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let mut temp = builder.tempfile_in(dir).map_err(write_err)?;
        temp.write_all(bytes).map_err(write_err)?;
        let mut in_place = false;
        #[cfg(unix)]
        if let Some(m) = &like_meta {
            use std::os::unix::fs::{MetadataExt, PermissionsExt};
            let file = temp.as_file();
            let mine = file.metadata().map_err(write_err)?;
            if (mine.uid(), mine.gid()) != (m.uid(), m.gid())
                && std::os::unix::fs::fchown(file, Some(m.uid()), Some(m.gid())).is_err()
            {
                in_place = true;
            }
            // After chown, which may clear set-id bits.
            file.set_permissions(fs::Permissions::from_mode(m.mode() & 0o7777)).map_err(write_err)?;
            in_place |= m.nlink() > 1;
        }
        #[cfg(not(unix))]
        let _ = like_meta;
        temp.as_file().sync_all().map_err(write_err)?;
        Ok(Staged { temp, target: target.to_path_buf(), in_place })
    }

    /// Puts the new contents in place: renames the temp file over the target
    /// and fsyncs the folder, or, for a file that must keep its inode, copies
    /// them into it.
    pub fn commit(self) -> Result<(), StoreError> {
        let target = self.target;
        let write_err = |cause| StoreError::Write { path: target.clone(), cause };
        if self.in_place {
            let mut from = self.temp.reopen().map_err(write_err)?;
            let mut to = fs::OpenOptions::new().write(true).truncate(true).open(&target).map_err(write_err)?;
            io::copy(&mut from, &mut to).map_err(write_err)?;
            to.sync_all().map_err(write_err)?;
            return Ok(());
        }
        self.temp.persist(&target).map_err(|e| StoreError::Write { path: target.clone(), cause: e.error })?;
        sync_dir(&target);
        Ok(())
    }

    /// Leaves the temp file on disk as a crash would, and returns its path.
    /// Tests use it to show that an interrupted save loses nothing.
    pub fn abandon(self) -> io::Result<PathBuf> {
        self.temp.into_temp_path().keep().map_err(|e| e.error)
    }
}

/// `.NAME.`: how the temp files of a target's saves start, with the name cut
/// to [`TEMP_NAME_BYTES`] so that the temp name fits where the target's does.
fn temp_prefix(name: &str) -> String {
    format!(".{}.", cut(name, TEMP_NAME_BYTES))
}

/// The longest start of `s` of at most `max` bytes that ends on a character.
fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `NAME` + `suffix` (a backup, a recovery file), with NAME cut so that the
/// whole stays a valid file name.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = format!("{}{suffix}", cut(&name, NAME_MAX.saturating_sub(suffix.len())));
    path.with_file_name(name)
}

/// Removes temp files of earlier saves of the same file that were killed:
/// those whose process is gone, or (where that cannot be told, or for the
/// older names without a process id) that are more than an hour old.
fn remove_stale_temps(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name.strip_prefix(prefix).and_then(|n| n.strip_suffix(".tmp")) else { continue };
        let pid = middle.split_once('.').and_then(|(pid, _)| pid.parse::<u32>().ok());
        let stale = match pid {
            Some(pid) if pid == me => false,
            Some(pid) if Path::new("/proc/self").exists() => !Path::new(&format!("/proc/{pid}")).exists(),
            _ => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE_AGE),
        };
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes a rename durable. Failure here is not an error for the user: the data
/// is written, only its durability across power loss is weaker.
fn sync_dir(target: &Path) {
    #[cfg(unix)]
    if let Some(dir) = target.parent() {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = target;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cut_on_characters_to_fit() {
        let long = "关于".repeat(41) + ".ron"; // 250 bytes
        assert_eq!(long.len(), 250);
        let p = Path::new("/tmp").join(&long);
        let rec = with_suffix(&p, ".recovery");
        let rec_name = rec.file_name().unwrap().to_str().unwrap();
        assert!(rec_name.len() <= NAME_MAX && rec_name.ends_with(".recovery"), "{rec_name}");
        assert_eq!(with_suffix(Path::new("a/b.ron"), ".bak"), Path::new("a/b.ron.bak"));
        assert!(temp_prefix(&long).len() <= TEMP_NAME_BYTES + 2);
    }
}
