//! Autosave: a few seconds after an edit, the brief is written to a recovery
//! file (beside its file, or in the app's data folder while it has none);
//! while typing goes on without a pause, it is written anyway once the oldest
//! unwritten edit is [`Autosave::max_age`] old, so a crash mid-burst loses at
//! most that. A save removes it. If the app dies first, the next start finds
//! the file and offers to restore it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::document::Document;
use crate::model::Brief;

/// How long after the last edit the recovery file is written.
pub const DELAY: Duration = Duration::from_secs(3);

/// The recovery file of a brief without a file of its own.
const UNTITLED: &str = "untitled.ron.recovery";

pub struct Autosave {
    /// Where untitled briefs are kept; None: untitled briefs are not autosaved.
    pub dir: Option<PathBuf>,
    pub delay: Duration,
    /// The revision last seen changing, and when.
    changed: Option<(u64, Instant)>,
    /// When the oldest edit not yet in the recovery file was seen.
    pending_since: Option<Instant>,
    /// The revision in the recovery file, and the file.
    written: Option<(u64, PathBuf)>,
}

impl Autosave {
    pub fn new(dir: Option<PathBuf>, delay: Duration) -> Autosave {
        Autosave { dir, delay, changed: None, pending_since: None, written: None }
    }

    /// The longest an edit waits for the recovery file while typing never
    /// pauses: a third more than the pause (4 s for the 3 s default).
    pub fn max_age(&self) -> Duration {
        self.delay + self.delay / 3
    }

    /// The recovery file for a document.
    pub fn file_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        match path {
            Some(p) => Some(crate::store::recovery_path(p)),
            None => self.dir.as_ref().map(|d| d.join(UNTITLED)),
        }
    }

    /// Called every frame: writes the recovery file once edits have paused,
    /// removes it once the document is saved. Returns an error to show.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> Option<String> {
        if !doc.is_dirty() {
            self.changed = None;
            self.pending_since = None;
            if let Some((_, file)) = self.written.take() {
                let _ = std::fs::remove_file(file);
            }
            return None;
        }
        if self.written.as_ref().is_some_and(|(rev, _)| *rev == doc.revision()) {
            self.pending_since = None;
            return None;
        }
        let pending_since = *self.pending_since.get_or_insert(now);
        let overdue = now.duration_since(pending_since) >= self.max_age();
        match self.changed {
            Some((rev, at)) if rev == doc.revision() => {
                if now.duration_since(at) < self.delay && !overdue {
                    return None;
                }
            }
            _ => {
                self.changed = Some((doc.revision(), now));
                if !self.delay.is_zero() && !overdue {
                    return None;
                }
            }
        }
        self.pending_since = None;
        let file = self.file_for(doc.path.as_deref())?;
        let result = write(&file, doc.brief());
        // Whatever happened, do not retry this revision every frame.
        if let Some((_, old)) = self.written.replace((doc.revision(), file.clone()))
            && old != file
        {
            let _ = std::fs::remove_file(old);
        }
        result.err()
    }

    /// The user chose to drop the unsaved work: its recovery file goes too.
    pub fn discard(&mut self, path: Option<&Path>) {
        if let Some(file) = self.file_for(path) {
            let _ = std::fs::remove_file(file);
        }
        self.written = None;
        self.changed = None;
        self.pending_since = None;
    }

    /// Forgets what was written, for a new document (the old file stays if it was unsaved).
    pub fn reset(&mut self) {
        self.written = None;
        self.changed = None;
        self.pending_since = None;
    }
}

fn write(file: &Path, brief: &Brief) -> Result<(), String> {
    if let Some(dir) = file.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| format!("{e}: {}", dir.display()))?;
    }
    let text = crate::store::to_ron(brief).map_err(|e| e.to_string())?;
    crate::store::write_atomic(file, text.as_bytes(), false).map_err(|e| e.to_string())
}

/// A recovery file found at start.
pub struct Found {
    pub file: PathBuf,
    pub brief: Brief,
    pub modified: Option<std::time::SystemTime>,
}

/// Looks for a recovery file for the document about to be shown.
pub fn find(file: &Path) -> Option<Result<Found, String>> {
    if !file.exists() {
        return None;
    }
    let modified = std::fs::metadata(file).and_then(|m| m.modified()).ok();
    Some(
        crate::store::load(file)
            .map(|brief| Found { file: file.to_path_buf(), brief, modified })
            .map_err(|e| e.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Taxonomy, Template};

    fn doc(path: Option<PathBuf>) -> Document {
        Document::new(Template::ResearchBrief.build(Taxonomy::default()), path)
    }

    #[test]
    fn recovery_is_written_after_the_pause_and_removed_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let mut a = Autosave::new(None, Duration::from_secs(3));
        let mut d = doc(Some(path.clone()));
        let t0 = Instant::now();
        assert_eq!(a.tick(&d, t0), None);
        let file = crate::store::recovery_path(&path);
        d.edit(crate::app::EditKey::Structure, |b| {
            b.sections[0].body = "新写的一段。".into();
            true
        });
        a.tick(&d, t0);
        a.tick(&d, t0 + Duration::from_secs(1));
        assert!(!file.exists(), "not while the user is still typing");
        assert_eq!(a.tick(&d, t0 + Duration::from_secs(4)), None);
        let found = find(&file).expect("found").expect("loads");
        assert_eq!(&found.brief, d.brief());
        d.mark_saved(path.clone());
        a.tick(&d, t0 + Duration::from_secs(5));
        assert!(!file.exists(), "a save removes the recovery file");
    }

    #[test]
    fn typing_without_a_pause_is_written_within_the_maximum_age() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let mut a = Autosave::new(None, Duration::from_secs(3));
        let mut d = doc(Some(path.clone()));
        let file = crate::store::recovery_path(&path);
        let t0 = Instant::now();
        // A keystroke every 200 ms for 10 s: never a 3 s pause.
        let mut last_write = t0;
        for i in 1..=50u32 {
            let now = t0 + Duration::from_millis(200) * i;
            d.edit(crate::app::EditKey::Structure, |b| {
                b.sections[0].body.push('字');
                true
            });
            a.tick(&d, now);
            if file.exists() && find(&file).and_then(Result::ok).is_some_and(|f| f.brief == *d.brief()) {
                last_write = now;
            }
            assert!(
                now.duration_since(last_write) <= Duration::from_secs(5),
                "at {:?} the file is older than 5 s",
                now - t0
            );
        }
        assert!(last_write > t0, "written while typing");
    }

    #[test]
    fn untitled_briefs_go_to_the_data_folder_and_discard_removes_them() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut a = Autosave::new(Some(data.clone()), Duration::ZERO);
        let d = Document::unsaved(Template::ResearchBrief.build(Taxonomy::default()));
        assert_eq!(a.tick(&d, Instant::now()), None);
        let file = data.join(UNTITLED);
        assert!(file.exists());
        a.discard(None);
        assert!(!file.exists());
    }

    #[test]
    fn a_failed_write_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").unwrap();
        // The data folder is a file: the write must fail, with a message.
        let mut a = Autosave::new(Some(blocker.join("sub")), Duration::ZERO);
        let d = Document::unsaved(Template::ResearchBrief.build(Taxonomy::default()));
        assert!(a.tick(&d, Instant::now()).is_some());
        assert!(a.tick(&d, Instant::now()).is_none(), "not retried every frame");
    }
}
