//! What the window edits: the document, where it lives, and what is selected.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use super::document::Document;
use crate::checks::{Context, Diagnostic, Env, check_in, counts};
use crate::figures::Figure;
use crate::model::{Brief, SectionId, SourceRef};
use crate::sources::Loaded;

/// What is computed from the document, kept until the revision moves.
/// While a large brief is re-checked in the background, these results belong
/// to an earlier revision: spans index `brief`, the text that was checked,
/// not the text being typed.
#[derive(Default)]
pub struct Derived {
    /// The revision these results belong to; None before the first check.
    pub revision: Option<u64>,
    /// The brief as it was checked.
    pub brief: Arc<Brief>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every figure, by section, in document order.
    pub figures: Vec<(SectionId, Figure)>,
    pub errors: usize,
    pub warnings: usize,
    /// How long the last check took.
    pub check_ms: f64,
    /// Goes up with every check, also of the same revision (a new "today"), so views know to rebuild.
    pub generation: u64,
    /// Which reading of the sources the check held the figures to ([`Sources::generation`]).
    pub sources_generation: u64,
    /// What the sources say of each figure (parallel to `figures`): None where
    /// the figure is not one that can be held to a source (a date, a change,
    /// a standard), or when the brief has no sources.
    pub marks: Vec<Option<SourceMark>>,
    /// The sources the check read, in order: [`SourceMark`] indexes them.
    pub source_paths: Vec<PathBuf>,
}

/// What the sources say of one figure (BD114): checked against a source,
/// at odds with one, or given by none. The number is the source's place in
/// [`Derived::source_paths`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceMark {
    Checked(usize),
    Mismatch(usize),
    Unsourced,
}

/// The brief's sources, read for the checks on a thread of their own (a
/// 300-page PDF takes a second or more, which no frame may wait for). Indexes
/// are kept in a cache, so a source is read again only when its file changed;
/// a list that changed while a reading was under way is read again, and the
/// older reading is dropped when it arrives.
#[derive(Default)]
pub struct Sources {
    cache: Arc<Mutex<crate::sources::Cache>>,
    /// The list and the brief's folder last sent to be read.
    requested: Option<(Vec<SourceRef>, Option<PathBuf>)>,
    reading: Option<Receiver<Reading>>,
    /// Each source of the brief as last read, in the brief's order.
    pub loaded: Vec<(SourceRef, Loaded)>,
    /// Goes up with every reading that arrives: the checks run again.
    pub generation: u64,
    /// Each file's size and time as the last reading found them, and when
    /// they were last looked at: a source saved again from its own program is
    /// read again within [`SOURCES_LOOK_AGAIN`].
    stamps: Vec<(PathBuf, Option<crate::sources::Stamp>)>,
    looked: Option<std::time::Instant>,
}

/// How often the window looks whether a source's file changed on disk
/// (its size and modification time: no reading).
pub const SOURCES_LOOK_AGAIN: std::time::Duration = std::time::Duration::from_secs(2);

/// A finished reading: the list it read, the files' stamps as read, and what each source gave.
type Reading = (Vec<SourceRef>, Option<PathBuf>, Vec<(PathBuf, Option<crate::sources::Stamp>)>, Vec<Loaded>);

impl Sources {
    /// Whether a reading is under way (the panel says 读取中…).
    pub fn reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Takes a finished reading and starts one when the list changed. Returns
    /// the indexes for the checks when they changed.
    fn poll(&mut self, list: &[SourceRef], dir: Option<&Path>) -> Option<Vec<Arc<crate::sources::SourceIndex>>> {
        let mut fresh = None;
        if let Some(rx) = &self.reading {
            match rx.try_recv() {
                Ok((read, read_dir, stamps, loaded)) => {
                    self.reading = None;
                    if self.requested.as_ref() == Some(&(read.clone(), read_dir)) {
                        fresh = Some(crate::sources::indexes(&loaded));
                        self.loaded = read.into_iter().zip(loaded).collect();
                        self.stamps = stamps;
                        self.looked = Some(std::time::Instant::now());
                        self.generation += 1;
                    }
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.reading = None,
            }
        }
        let want = (list.to_vec(), dir.map(Path::to_path_buf));
        if self.requested.as_ref() == Some(&want) && !self.files_changed() {
            return fresh;
        }
        self.requested = Some(want.clone());
        if list.is_empty() {
            // Nothing to read: the checks forget the sources at once.
            self.reading = None;
            let had = !self.loaded.is_empty() || self.generation > 0;
            self.loaded.clear();
            if had {
                self.generation += 1;
                return Some(Vec::new());
            }
            return fresh;
        }
        let (tx, rx) = channel();
        let cache = self.cache.clone();
        let spawned = std::thread::Builder::new().name("sources".into()).spawn(move || {
            let (list, dir) = want;
            let stamps = list
                .iter()
                .map(|s| {
                    let path = crate::sources::resolve(s, dir.as_deref());
                    let stamp = crate::sources::Stamp::of(&path);
                    (path, stamp)
                })
                .collect();
            // A panic while reading (a hostile file) loses only this reading.
            let loaded = match cache.lock() {
                Ok(mut cache) => cache.load_all(&list, dir.as_deref()),
                Err(_) => list.iter().map(|_| Loaded::Failed("the source cache was lost".into())).collect(),
            };
            let _ = tx.send((list, dir, stamps, loaded));
        });
        match spawned {
            Ok(_) => self.reading = Some(rx),
            Err(e) => {
                self.loaded = list.iter().map(|s| (s.clone(), Loaded::Failed(e.to_string()))).collect();
                self.generation += 1;
                return Some(Vec::new());
            }
        }
        fresh
    }

    /// Whether a source's file changed on disk since it was read, looked at
    /// no more often than [`SOURCES_LOOK_AGAIN`] and never during a reading.
    fn files_changed(&mut self) -> bool {
        if self.reading.is_some() || self.looked.is_some_and(|t| t.elapsed() < SOURCES_LOOK_AGAIN) {
            return false;
        }
        self.looked = Some(std::time::Instant::now());
        self.stamps.iter().any(|(path, stamp)| crate::sources::Stamp::of(path) != *stamp)
    }
}

/// What an import took out of the text, shown until the user closes it.
pub struct ImportReport {
    pub source: PathBuf,
    pub report: crate::format::ImportReport,
}

/// A request to show a span of a section's body selected in the editor.
#[derive(Debug, Clone)]
pub struct Reveal {
    /// Goes up with every request, so the editor applies each once.
    pub seq: u64,
    pub section: SectionId,
    /// The section's title or its body.
    pub field: crate::model::Field,
    /// Byte range in that text.
    pub span: std::ops::Range<usize>,
    /// Move the keyboard focus to the editor (not while the find bar is typed in).
    pub focus: bool,
}

/// A line for the status bar: a string of the table, and a detail (a path, a count, an error).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: super::i18n::T,
    pub detail: String,
    /// An export of a brief that still has this many errors: said after the detail.
    pub errors: usize,
}

impl Notice {
    pub fn new(text: super::i18n::T, detail: impl Into<String>) -> Notice {
        Notice { text, detail: detail.into(), errors: 0 }
    }

    /// The same notice, warning that the brief still has `errors` errors.
    pub fn warn(self, errors: usize) -> Notice {
        Notice { errors, ..self }
    }

    pub fn render(&self, lang: super::i18n::Lang) -> String {
        let mut out = self.text.get(lang).to_string();
        if !self.detail.is_empty() {
            out.push(' ');
            out.push_str(&self.detail);
        }
        if self.errors > 0 {
            out.push_str(&super::i18n::T::ExportHasErrors.get(lang).replace("{}", &self.errors.to_string()));
        }
        out
    }
}

/// UI state that is not part of the document.
pub struct State {
    pub doc: Document,
    pub selected: Option<SectionId>,
    /// A message for the status bar (the last save, or an error).
    pub notice: Option<Notice>,
    pub derived: Derived,
    pub env: Env,
    pub import_report: Option<ImportReport>,
    /// The outline's numbers and lengths, rebuilt when the document moves on.
    pub outline: super::view::OutlineView,
    /// Badges and the ledger, rebuilt when new findings arrive.
    pub checks: super::view::ChecksView,
    pub reveal: Option<Reveal>,
    /// Which document this is: a new number for every document the window
    /// opens (open, import, new), so that what waited on the last one (a
    /// file prompt, a question) can tell it is gone.
    pub document_seq: u64,
    /// The draft this brief was imported from: its folder is where a first save goes.
    pub origin: Option<PathBuf>,
    /// The revision right after an import: while the brief is still at it,
    /// converting the import to Simplified drops nothing of the user's.
    pub imported_at: Option<u64>,
    /// LibreOffice is installed: 导出 PDF can go through it.
    pub libreoffice: bool,
    /// The brief's sources as read for the checks (the 来源 panel).
    pub sources: Sources,
    checker: Checker,
}

/// Carries byte spans of `old` over to `new`, where `new` differs from `old` in
/// one edited stretch (typing, a paste, a deletion).
pub struct Shift {
    prefix: usize,
    old_suffix_start: usize,
    delta: isize,
}

impl Shift {
    pub fn new(old: &str, new: &str) -> Shift {
        let mut prefix = old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count();
        while !old.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let max_suffix = old.len().min(new.len()) - prefix;
        let mut suffix = old.bytes().rev().zip(new.bytes().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
        while !old.is_char_boundary(old.len() - suffix) {
            suffix -= 1;
        }
        Shift { prefix, old_suffix_start: old.len() - suffix, delta: new.len() as isize - old.len() as isize }
    }

    pub fn map(&self, r: &Range<usize>) -> Option<Range<usize>> {
        if r.end <= self.prefix {
            Some(r.clone())
        } else if r.start >= self.old_suffix_start {
            let start = (r.start as isize + self.delta) as usize;
            let end = (r.end as isize + self.delta) as usize;
            Some(start..end)
        } else {
            None
        }
    }
}

/// Briefs up to this size (bytes of text, about 2,000 Chinese characters) are
/// checked at once, in the frame; larger ones on a worker thread, so that typing
/// never waits for the checks. Since the checks read words (jieba), a check costs
/// about 0.5 ms per 1,000 characters (the 100k bench brief: about 50 ms), so a
/// check in the frame stays near a millisecond only up to this size.
pub const SYNC_CHECK_BYTES: usize = 6_000;

/// A revision to check, with the reading of the sources it is held to.
type Job = (u64, u64, Arc<Brief>, Env);

/// The background checker: a worker thread that always checks the newest
/// revision it was sent, skipping any it has fallen behind on.
#[derive(Default)]
struct Checker {
    worker: Option<(Sender<Job>, Receiver<Derived>)>,
    /// The revision (and reading of the sources) sent and not yet back.
    pending: Option<(u64, u64)>,
}

impl Checker {
    fn send(&mut self, stamp: (u64, u64), brief: Arc<Brief>, env: Env) -> bool {
        if self.worker.is_none() {
            let (jobs, job_rx) = channel::<Job>();
            let (done_tx, done) = channel();
            let spawned = std::thread::Builder::new().name("checker".into()).spawn(move || {
                while let Ok(mut job) = job_rx.recv() {
                    while let Ok(newer) = job_rx.try_recv() {
                        job = newer;
                    }
                    let (revision, sources, brief, env) = job;
                    if done_tx.send(compute((revision, sources), brief, &env)).is_err() {
                        break;
                    }
                }
            });
            if spawned.is_err() {
                return false;
            }
            self.worker = Some((jobs, done));
        }
        let sent = self.worker.as_ref().is_some_and(|(jobs, _)| jobs.send((stamp.0, stamp.1, brief, env)).is_ok());
        if sent {
            self.pending = Some(stamp);
        } else {
            self.worker = None;
        }
        sent
    }

    /// The newest finished result, if any.
    fn take(&mut self) -> Option<Derived> {
        let (_, done) = self.worker.as_ref()?;
        let mut newest = None;
        loop {
            match done.try_recv() {
                Ok(d) => newest = Some(d),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    // The worker is gone (it panicked): start afresh on the next send.
                    self.worker = None;
                    self.pending = None;
                    break;
                }
            }
        }
        if newest.as_ref().is_some_and(|d| d.revision.map(|r| (r, d.sources_generation)) == self.pending) {
            self.pending = None;
        }
        newest
    }
}

/// Checks a brief: diagnostics in document order, figures, counts.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn compute((revision, sources_generation): (u64, u64), brief: Arc<Brief>, env: &Env) -> Derived {
    let started = std::time::Instant::now();
    let cx = Context::new(&brief, env);
    // Grouped by section in document order, then by position, as the checks return them.
    let diagnostics = check_in(&cx);
    let marks = source_marks(&cx, &env.sources);
    let figures: Vec<_> = cx.sections.into_iter().flat_map(|s| s.figures.into_iter().map(move |f| (s.id, f))).collect();
    let (errors, warnings) = counts(&diagnostics);
    Derived {
        revision: Some(revision),
        brief: brief.clone(),
        diagnostics,
        figures,
        errors,
        warnings,
        check_ms: started.elapsed().as_secs_f64() * 1000.0,
        generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
        sources_generation,
        marks,
        source_paths: env.sources.iter().map(|s| s.path.clone()).collect(),
    }
}

/// What the sources say of each figure, in the order of the flat figure list
/// (section by section): the ledger's 已核对 column and the 来源 panel's counts.
fn source_marks(cx: &Context, sources: &[Arc<crate::sources::SourceIndex>]) -> Vec<Option<SourceMark>> {
    if sources.is_empty() {
        return Vec::new();
    }
    let mut first = Vec::with_capacity(cx.sections.len());
    let mut total = 0;
    for s in &cx.sections {
        first.push(total);
        total += s.figures.len();
    }
    let mut marks = vec![None; total];
    for v in crate::sources::verify(cx, sources) {
        let c = &cx.claims.all[v.claim];
        let mark = match v.status {
            crate::sources::Status::Checked { by } => SourceMark::Checked(by.source),
            crate::sources::Status::Mismatch { by, .. } => SourceMark::Mismatch(by.source),
            crate::sources::Status::Unsourced => SourceMark::Unsourced,
        };
        if let Some(slot) = marks.get_mut(first[c.section] + c.figure) {
            *slot = Some(mark);
        }
    }
    marks
}

impl State {
    /// The window's state over a brief as it is on disk (or a new brief).
    pub fn new(brief: Brief, path: Option<PathBuf>) -> Self {
        State::with(Document::new(brief, path), Env::now())
    }

    /// The window's state over a document.
    pub fn from_document(doc: Document) -> Self {
        State::with(doc, Env::now())
    }

    /// The window's state over a document, with the outside world given (today's date).
    pub fn with_env(doc: Document, env: Env) -> Self {
        State::with(doc, env)
    }

    fn with(doc: Document, mut env: Env) -> Self {
        // The sources are this brief's own, read for it (not those of the brief the window had).
        env.sources = Vec::new();
        // Words cut once are kept between checks: a keystroke re-reads one sentence.
        if env.words.is_none() {
            env.words = Some(Arc::new(crate::checks::words::WordCache::new()));
        }
        // And so are the claims of each section: a keystroke re-reads one section's.
        if env.claims.is_none() {
            env.claims = Some(Arc::new(crate::checks::claims::ClaimCache::new()));
        }
        let selected = doc.brief().walk().next().map(|(s, _)| s.id);
        static DOCUMENTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let document_seq = DOCUMENTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut state = State {
            doc,
            selected,
            notice: None,
            derived: Derived::default(),
            env,
            import_report: None,
            outline: Default::default(),
            checks: Default::default(),
            reveal: None,
            document_seq,
            origin: None,
            imported_at: None,
            libreoffice: false,
            sources: Sources::default(),
            checker: Checker::default(),
        };
        state.poll_sources();
        // The first check is done at once, whatever the size, when the dictionaries are
        // loaded: the window opens with its findings. While they load (the first
        // moments after start) it runs in the background and the window opens at once.
        // When the window opens, the first check waits for its first frame
        // (`words::defer_preload`), and `recheck` sends it then.
        if crate::checks::words::deferred() {
            return state;
        }
        let stamp = (state.doc.revision(), state.sources.generation);
        let sent = crate::checks::words::loading()
            && state.checker.send(stamp, Arc::new(state.doc.brief().clone()), state.env.clone());
        if !sent {
            state.check_now();
        }
        state
    }

    /// Another document in the window (open, import, new): everything else starts afresh.
    pub fn replace(&mut self, doc: Document) {
        let libreoffice = self.libreoffice;
        *self = State::with(doc, self.env.clone());
        self.libreoffice = libreoffice;
    }

    /// After a change that may have removed the selected section: select one that exists.
    pub fn keep_selection(&mut self) {
        if self.selected.is_none_or(|id| self.doc.brief().section(id).is_none()) {
            self.selected = self.doc.brief().walk().next().map(|(s, _)| s.id);
        }
    }

    /// Checks the current revision in this thread.
    pub fn check_now(&mut self) {
        let stamp = (self.doc.revision(), self.sources.generation);
        self.derived = compute(stamp, Arc::new(self.doc.brief().clone()), &self.env);
        self.update_views();
    }

    /// Takes the sources' reading when it is done, and starts one when the
    /// brief's list of sources changed; the checks then run again.
    fn poll_sources(&mut self) {
        let dir = self.doc.path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
        if let Some(indexes) = self.sources.poll(&self.doc.brief().sources, dir.as_deref()) {
            self.env.sources = indexes;
        }
    }

    /// Whether the findings are those of the text and sources as they are now.
    fn current(&self) -> bool {
        self.derived.revision == Some(self.doc.revision()) && self.derived.sources_generation == self.sources.generation
    }

    /// Whether the findings belong to the document as it is, and nothing is
    /// being checked or read (the window's screenshot waits for this).
    pub fn settled(&self) -> bool {
        self.current() && !self.checking() && !crate::checks::words::deferred()
    }

    /// Whether a background check or a reading of the sources is under way
    /// (the window should look again soon).
    pub fn checking(&self) -> bool {
        self.checker.pending.is_some() || self.sources.reading()
    }

    /// Waits until the findings belong to the current revision (tests, benches).
    pub fn wait_for_checks(&mut self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        self.refresh();
        while (!self.current() || self.sources.reading()) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
            self.refresh();
        }
        if !self.current() {
            self.check_now();
        }
    }

    /// Re-checks the brief if it changed since the last check: at once for a
    /// small brief, in the background for a large one (the findings then
    /// follow a frame or two behind the typing).
    pub fn refresh(&mut self) {
        self.recheck();
        self.update_views();
    }

    /// The views the panels read, brought up to the document and its findings.
    fn update_views(&mut self) {
        self.outline.update(self.doc.brief(), self.doc.revision());
        self.checks.update(&self.derived);
    }

    fn recheck(&mut self) {
        self.poll_sources();
        if let Some(done) = self.checker.take()
            && (done.revision, done.sources_generation) > (self.derived.revision, self.derived.sources_generation)
        {
            self.derived = done;
        }
        let stamp = (self.doc.revision(), self.sources.generation);
        if self.current() || self.checker.pending == Some(stamp) || crate::checks::words::deferred() {
            return;
        }
        let bytes: usize = self.doc.brief().walk().map(|(s, _)| s.body.len() + s.title.len()).sum();
        if (bytes <= SYNC_CHECK_BYTES && !crate::checks::words::loading())
            || !self.checker.send(stamp, Arc::new(self.doc.brief().clone()), self.env.clone())
        {
            self.check_now();
        }
    }

    /// A span of the checked text of a section, carried over to its current text.
    pub fn current_span(&self, id: SectionId, span: &std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let now = self.doc.brief().section(id)?;
        let then = self.checked_body(id)?;
        Shift::new(then, &now.body).map(span)
    }

    /// The text of a section as the findings saw it (their spans index it).
    pub fn checked_body(&self, id: SectionId) -> Option<&str> {
        self.derived.brief.section(id).map(|s| s.body.as_str())
    }

    /// Selects a section and asks the editor to select a span of its body.
    pub fn reveal(&mut self, section: SectionId, span: std::ops::Range<usize>, focus: bool) {
        self.reveal_in(section, crate::model::Field::Body, span, focus);
    }

    /// Selects `span` of a section's title or body.
    pub fn reveal_in(
        &mut self,
        section: SectionId,
        field: crate::model::Field,
        span: std::ops::Range<usize>,
        focus: bool,
    ) {
        // One counter for the process: a new State (after Open) must not reuse a number.
        static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.selected = Some(section);
        self.reveal = Some(Reveal { seq, section, field, span, focus });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::EditKey;
    use crate::model::{Role, Taxonomy, Template};

    /// A brief larger than the synchronous limit, with one planted breakdown error.
    fn large() -> Brief {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        let mut n = 0;
        while b.walk().map(|(s, _)| s.body.len()).sum::<usize>() <= SYNC_CHECK_BYTES {
            let body = format!("第{n}批帮扶项目已经完成验收，群众普遍满意，相关经验正在总结推广之中。");
            let s = b.new_section(Role::Custom, format!("第{n}部分"), body.repeat(8));
            b.sections.push(s);
            n += 1;
        }
        b.sections[0].body = "共帮扶困难职工1450户，其中城镇职工860户，农民工640户。".into();
        b
    }

    #[test]
    fn a_large_brief_is_checked_in_the_background_and_catches_up() {
        let mut state = State::new(large(), None);
        assert_eq!(state.derived.revision, Some(0), "the first check is done at once");
        assert_eq!(state.derived.errors, 1);
        let summary = state.doc.brief().sections[0].id;
        // Fix the planted error: the findings follow once the worker is done.
        state.doc.edit(EditKey::Body(summary), |b| {
            b.sections[0].body = "前言：共帮扶困难职工1500户，其中城镇职工860户，农民工640户。".into();
            true
        });
        state.refresh();
        // The job was sent in this call, so its result cannot be back yet.
        assert_eq!(state.derived.revision, Some(0), "the frame did not wait for the check");
        assert!(state.checking(), "a check is under way");
        // Meanwhile spans of the old text are carried over to the new one where they can be.
        let old = state.checked_body(summary).unwrap().to_string();
        let at = old.find("860户").unwrap();
        let now = state.current_span(summary, &(at..at + "860户".len())).unwrap();
        assert_eq!(&state.doc.brief().sections[0].body[now], "860户");
        state.wait_for_checks();
        assert_eq!(state.derived.revision, Some(1));
        assert_eq!(state.derived.errors, 0);
        assert!(!state.checking());
        assert_eq!(state.checked_body(summary), Some(state.doc.brief().sections[0].body.as_str()));
    }

    #[test]
    fn after_a_burst_of_edits_the_findings_end_at_the_newest_revision() {
        let mut state = State::new(large(), None);
        for i in 1..=20 {
            state.doc.edit(EditKey::Structure, |b| {
                b.sections[1].body.push_str(&format!("补记第{i}条。"));
                true
            });
            state.refresh();
        }
        state.wait_for_checks();
        assert_eq!(state.derived.revision, Some(20));
        assert!(state.derived.brief.sections[1].body.ends_with("补记第20条。"));
    }

    #[test]
    fn spans_are_carried_across_an_edit_and_dropped_where_it_touched() {
        let old = "投入资金200万元，培训1000人次。";
        let new = "新增：投入资金200万元，培训1000人次。";
        let s = Shift::new(old, new);
        let money = old.find("200万元").map(|a| a..a + "200万元".len()).unwrap();
        let moved = s.map(&money).unwrap();
        assert_eq!(&new[moved], "200万元");

        // Typing inside a figure drops its span.
        let typed = "投入资金2005万元，培训1000人次。";
        let s = Shift::new(old, typed);
        assert_eq!(s.map(&money), None);
        let people = old.find("1000人次").map(|a| a..a + "1000人次".len()).unwrap();
        assert_eq!(&typed[s.map(&people).unwrap()], "1000人次");
    }

    #[test]
    fn the_shift_stays_on_char_boundaries() {
        // 万 and 亿 share their first UTF-8 byte.
        let s = Shift::new("5万", "5亿");
        assert!(s.prefix <= 1);
        assert_eq!(s.map(&(0..1)), Some(0..1));
        assert_eq!(s.map(&(1..4)), None);
    }
}
