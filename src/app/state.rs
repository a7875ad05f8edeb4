//! What the window edits: the document, where it lives, and what is selected.

use std::path::PathBuf;

use crate::checks::{Context, Diagnostic, Env, check_in, counts};
use crate::figures::Figure;
use crate::model::{Brief, SectionId};

/// The open brief. `revision` goes up on every change; derived data (figures,
/// diagnostics, layouts) is recomputed only when it moves.
pub struct Document {
    pub brief: Brief,
    pub path: Option<PathBuf>,
    pub revision: u64,
    pub saved_revision: u64,
}

impl Document {
    pub fn new(brief: Brief, path: Option<PathBuf>) -> Self {
        Document { brief, path, revision: 0, saved_revision: 0 }
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }
}

/// What is computed from the document, kept until the revision moves.
#[derive(Default)]
pub struct Derived {
    /// The revision these results belong to; None before the first check.
    pub revision: Option<u64>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every figure, by section, in document order.
    pub figures: Vec<(SectionId, Figure)>,
    pub errors: usize,
    pub warnings: usize,
    /// How long the last check took.
    pub check_ms: f64,
}

/// Which field an edit changed, so that typing in one field is one undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKey {
    Title(SectionId),
    Body(SectionId),
    BriefTitle,
    Fact(usize),
    /// A structural change: always its own step.
    Structure,
}

/// Undo and redo over whole-brief snapshots, taken where commands are applied.
#[derive(Default)]
pub struct History {
    undo: Vec<Brief>,
    redo: Vec<Brief>,
    /// The field and time of the last recorded edit.
    last: Option<(EditKey, std::time::Instant)>,
}

/// How many steps are kept.
const HISTORY_DEPTH: usize = 200;
/// Typing in one field within this pause is one step.
const COALESCE: std::time::Duration = std::time::Duration::from_millis(1500);

impl History {
    /// Records the brief as it is before an edit.
    pub fn before_edit(&mut self, current: &Brief, key: EditKey, now: std::time::Instant) {
        let same_run =
            key != EditKey::Structure && self.last.is_some_and(|(k, t)| k == key && now.duration_since(t) < COALESCE);
        self.last = Some((key, now));
        if same_run {
            return;
        }
        self.undo.push(current.clone());
        if self.undo.len() > HISTORY_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps back; returns whether there was a step.
    pub fn undo(&mut self, current: &mut Brief) -> bool {
        let Some(prev) = self.undo.pop() else { return false };
        self.redo.push(std::mem::replace(current, prev));
        self.last = None;
        true
    }

    /// Steps forward again; returns whether there was a step.
    pub fn redo(&mut self, current: &mut Brief) -> bool {
        let Some(next) = self.redo.pop() else { return false };
        self.undo.push(std::mem::replace(current, next));
        self.last = None;
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// What an import took out of the text, shown until the user closes it.
pub struct ImportReport {
    pub source: PathBuf,
    pub removed: Vec<crate::import::text::Removed>,
    /// The text is Traditional: offer conversion.
    pub traditional: bool,
}

/// A request to show a span of a section's body selected in the editor.
#[derive(Debug, Clone)]
pub struct Reveal {
    /// Goes up with every request, so the editor applies each once.
    pub seq: u64,
    pub section: SectionId,
    /// Byte range in the body.
    pub span: std::ops::Range<usize>,
    /// Move the keyboard focus to the editor (not while the find bar is typed in).
    pub focus: bool,
}

/// A line for the status bar: a string of the table, and a detail (a path, a count, an error).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: super::i18n::T,
    pub detail: String,
}

impl Notice {
    pub fn new(text: super::i18n::T, detail: impl Into<String>) -> Notice {
        Notice { text, detail: detail.into() }
    }

    pub fn render(&self, lang: super::i18n::Lang) -> String {
        if self.detail.is_empty() {
            self.text.get(lang).to_string()
        } else {
            format!("{} {}", self.text.get(lang), self.detail)
        }
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
    pub history: History,
    pub reveal: Option<Reveal>,
}

impl State {
    pub fn new(brief: Brief, path: Option<PathBuf>) -> Self {
        let selected = brief.walk().next().map(|(s, _)| s.id);
        let mut state = State {
            doc: Document::new(brief, path),
            selected,
            notice: None,
            derived: Derived::default(),
            env: Env::now(),
            import_report: None,
            history: History::default(),
            reveal: None,
        };
        state.refresh();
        state
    }

    /// Re-checks the brief if it changed since the last check.
    pub fn refresh(&mut self) {
        if self.derived.revision == Some(self.doc.revision) {
            return;
        }
        let started = std::time::Instant::now();
        let cx = Context::new(&self.doc.brief, &self.env);
        let mut diagnostics = check_in(&cx);
        // Grouped by section in document order, then by position.
        let order: std::collections::HashMap<SectionId, usize> =
            cx.sections.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        diagnostics.sort_by_key(|d| (order.get(&d.section).copied().unwrap_or(usize::MAX), d.span.start, d.span.end));
        let figures = cx.sections.into_iter().flat_map(|s| s.figures.into_iter().map(move |f| (s.id, f))).collect();
        let (errors, warnings) = counts(&diagnostics);
        self.derived = Derived {
            revision: Some(self.doc.revision),
            diagnostics,
            figures,
            errors,
            warnings,
            check_ms: started.elapsed().as_secs_f64() * 1000.0,
        };
    }

    /// Selects a section and asks the editor to select a span of its body.
    pub fn reveal(&mut self, section: SectionId, span: std::ops::Range<usize>, focus: bool) {
        // One counter for the process: a new State (after Open) must not reuse a number.
        static SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let seq = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.selected = Some(section);
        self.reveal = Some(Reveal { seq, section, span, focus });
    }

    /// Diagnostics of one section.
    pub fn section_diagnostics(&self, id: SectionId) -> impl Iterator<Item = &Diagnostic> {
        self.derived.diagnostics.iter().filter(move |d| d.section == id)
    }
}
