//! Autosave: half a second after the first edit not yet written, the brief
//! is written to a recovery file (beside its file, or in the app's data
//! folder while it has none), also while typing goes on; and at once when the
//! window loses the focus or is asked to close. A crash then loses at most
//! that half second and the write's own time. The writing happens on a
//! thread of its own, so the window never waits for the disk. A save removes
//! the file. If the app dies first, the next start finds the file and offers
//! to restore it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::document::Document;
use crate::model::Brief;

/// How long the first unwritten edit waits for the recovery file.
pub const DELAY: Duration = Duration::from_millis(500);

/// The recovery file of a brief without a file of its own.
const UNTITLED: &str = "untitled.ron.recovery";

/// What the writer thread is asked to do, in order.
enum Job {
    Write(PathBuf, Box<Brief>),
    Remove(PathBuf),
    /// Answer when everything sent before is done (tests, and before the app exits).
    Flush(Sender<()>),
}

pub struct Autosave {
    /// Whether anything is written (an app made without autosave, as in tests, writes nothing).
    on: bool,
    /// Where untitled briefs are kept; None: untitled briefs are not autosaved.
    pub dir: Option<PathBuf>,
    pub delay: Duration,
    /// When the oldest edit not yet sent to the writer was seen.
    pending_since: Option<Instant>,
    /// The revision last sent to the writer, and its file.
    written: Option<(u64, PathBuf)>,
    writer: Option<(Sender<Job>, Receiver<String>)>,
    /// An error of a job done without the writer thread, to show.
    failed: Option<String>,
}

impl Autosave {
    pub fn new(dir: Option<PathBuf>, delay: Duration) -> Autosave {
        Autosave { on: true, dir, delay, pending_since: None, written: None, writer: None, failed: None }
    }

    /// No autosave at all: no recovery file is written, beside a brief or anywhere.
    pub fn off() -> Autosave {
        Autosave { on: false, ..Autosave::new(None, DELAY) }
    }

    /// The recovery file for a document.
    pub fn file_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        if !self.on {
            return None;
        }
        match path {
            Some(p) => Some(crate::store::recovery_path(p)),
            None => self.dir.as_ref().map(|d| d.join(UNTITLED)),
        }
    }

    /// Hands a job to the writer thread, starting it the first time; a job that
    /// cannot be handed over is done here.
    fn send(&mut self, job: Job) {
        if self.writer.is_none() {
            let (jobs, job_rx) = channel::<Job>();
            let (err_tx, errors) = channel();
            let spawned = std::thread::Builder::new().name("autosave".into()).spawn(move || writer(job_rx, err_tx));
            if spawned.is_ok() {
                self.writer = Some((jobs, errors));
            }
        }
        let job = match &self.writer {
            Some((jobs, _)) => match jobs.send(job) {
                Ok(()) => return,
                Err(e) => e.0,
            },
            None => job,
        };
        // No thread could be started: the job is done here, its error shown at the next tick.
        self.writer = None;
        if let Some(e) = run(job) {
            self.failed = Some(e);
        }
    }

    /// Called every frame: sends the brief to the writer once its oldest
    /// unwritten edit is [`Autosave::delay`] old, or at once when `now_please`
    /// (the window lost the focus or is closing); removes the file once the
    /// document is saved. Returns an error of an earlier write, to show.
    pub fn tick(&mut self, doc: &Document, now: Instant, now_please: bool) -> Option<String> {
        let error = self.failed.take().or_else(|| self.writer.as_ref().and_then(|(_, errors)| errors.try_recv().ok()));
        if !doc.is_dirty() {
            self.pending_since = None;
            if let Some((_, file)) = self.written.take() {
                self.send(Job::Remove(file));
            }
            return error;
        }
        if self.written.as_ref().is_some_and(|(rev, _)| *rev == doc.revision()) {
            self.pending_since = None;
            return error;
        }
        let since = *self.pending_since.get_or_insert(now);
        if !now_please && now.duration_since(since) < self.delay {
            return error;
        }
        self.pending_since = None;
        let Some(file) = self.file_for(doc.path.as_deref()) else { return error };
        self.send(Job::Write(file.clone(), Box::new(doc.brief().clone())));
        if let Some((_, old)) = self.written.replace((doc.revision(), file.clone()))
            && old != file
        {
            self.send(Job::Remove(old));
        }
        error
    }

    /// Waits up to `timeout` for the writer to finish what it was sent; false if it did not.
    pub fn flush(&self, timeout: Duration) -> bool {
        let Some((jobs, _)) = &self.writer else { return true };
        let (tx, rx) = channel();
        jobs.send(Job::Flush(tx)).is_err() || rx.recv_timeout(timeout).is_ok()
    }

    /// The user chose to drop the unsaved work: its recovery file goes too.
    pub fn discard(&mut self, path: Option<&Path>) {
        if let Some(file) = self.file_for(path) {
            self.send(Job::Remove(file));
        }
        self.written = None;
        self.pending_since = None;
    }

    /// Forgets what was written, for a new document (the old file stays if it was unsaved).
    pub fn reset(&mut self) {
        self.written = None;
        self.pending_since = None;
    }
}

/// The writer thread: does the jobs in order; of several writes of one file
/// waiting, only the newest is written.
fn writer(jobs: Receiver<Job>, errors: Sender<String>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        batch.extend(jobs.try_iter());
        let superseded = |i: usize, file: &Path| {
            batch[i + 1..].iter().any(|j| matches!(j, Job::Write(f, _) | Job::Remove(f) if f == file))
        };
        let keep: Vec<bool> = (0..batch.len())
            .map(|i| match &batch[i] {
                Job::Write(file, _) => !superseded(i, file),
                _ => true,
            })
            .collect();
        for (job, keep) in batch.into_iter().zip(keep) {
            if keep && let Some(e) = run(job) {
                let _ = errors.send(e);
            }
        }
    }
}

/// Does one job; an error comes back as the message to show.
fn run(job: Job) -> Option<String> {
    match job {
        Job::Write(file, brief) => write(&file, &brief).err(),
        Job::Remove(file) => {
            let _ = std::fs::remove_file(file);
            None
        }
        Job::Flush(done) => {
            let _ = done.send(());
            None
        }
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

    const WAIT: Duration = Duration::from_secs(10);

    #[test]
    fn recovery_is_written_half_a_second_after_an_edit_and_removed_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let mut a = Autosave::new(None, DELAY);
        let mut d = doc(Some(path.clone()));
        let t0 = Instant::now();
        assert_eq!(a.tick(&d, t0, false), None);
        let file = crate::store::recovery_path(&path);
        d.edit(crate::app::EditKey::Structure, |b| {
            b.sections[0].body = "新写的一段。".into();
            true
        });
        a.tick(&d, t0, false);
        a.tick(&d, t0 + Duration::from_millis(300), false);
        assert!(a.flush(WAIT));
        assert!(!file.exists(), "not before the delay");
        assert_eq!(a.tick(&d, t0 + Duration::from_millis(500), false), None);
        assert!(a.flush(WAIT));
        let found = find(&file).expect("found").expect("loads");
        assert_eq!(&found.brief, d.brief());
        d.mark_saved(path.clone());
        a.tick(&d, t0 + Duration::from_secs(1), false);
        assert!(a.flush(WAIT));
        assert!(!file.exists(), "a save removes the recovery file");
    }

    #[test]
    fn typing_without_a_pause_is_written_every_half_second() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let mut a = Autosave::new(None, DELAY);
        let mut d = doc(Some(path.clone()));
        let file = crate::store::recovery_path(&path);
        let t0 = Instant::now();
        // A keystroke every 100 ms for 5 s.
        let mut last_write = t0;
        for i in 1..=50u32 {
            let now = t0 + Duration::from_millis(100) * i;
            d.edit(crate::app::EditKey::Structure, |b| {
                b.sections[0].body.push('字');
                true
            });
            a.tick(&d, now, false);
            assert!(a.flush(WAIT));
            if find(&file).and_then(Result::ok).is_some_and(|f| f.brief == *d.brief()) {
                last_write = now;
            }
            assert!(now.duration_since(last_write) <= DELAY, "at {:?} the file is older than {DELAY:?}", now - t0);
        }
    }

    #[test]
    fn losing_the_focus_writes_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let mut a = Autosave::new(None, DELAY);
        let mut d = doc(Some(path.clone()));
        d.edit(crate::app::EditKey::Structure, |b| {
            b.sections[0].body = "切到别的窗口之前。".into();
            true
        });
        let t0 = Instant::now();
        a.tick(&d, t0, true);
        assert!(a.flush(WAIT));
        assert!(crate::store::recovery_path(&path).exists());
    }

    #[test]
    fn untitled_briefs_go_to_the_data_folder_and_discard_removes_them() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut a = Autosave::new(Some(data.clone()), Duration::ZERO);
        let d = Document::unsaved(Template::ResearchBrief.build(Taxonomy::default()));
        assert_eq!(a.tick(&d, Instant::now(), false), None);
        assert!(a.flush(WAIT));
        let file = data.join(UNTITLED);
        assert!(file.exists());
        a.discard(None);
        assert!(a.flush(WAIT));
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
        assert!(a.tick(&d, Instant::now(), false).is_none(), "written on the writer's thread");
        assert!(a.flush(WAIT));
        assert!(a.tick(&d, Instant::now(), false).is_some(), "its error comes back");
        assert!(a.flush(WAIT));
        assert!(a.tick(&d, Instant::now(), false).is_none(), "not retried every frame");
    }
}
