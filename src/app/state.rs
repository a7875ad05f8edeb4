//! What the window edits: the document, where it lives, and what is selected.

use std::path::PathBuf;

use crate::checks::{Diagnostic, Env, check, counts};
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
    pub errors: usize,
    pub warnings: usize,
    /// How long the last check took.
    pub check_ms: f64,
}

/// What an import took out of the text, shown until the user closes it.
pub struct ImportReport {
    pub source: PathBuf,
    pub removed: Vec<crate::import::text::Removed>,
    /// The text is Traditional: offer conversion.
    pub traditional: bool,
}

/// UI state that is not part of the document.
pub struct State {
    pub doc: Document,
    pub selected: Option<SectionId>,
    /// A message for the status bar (the last save, or an error).
    pub notice: Option<String>,
    pub derived: Derived,
    pub env: Env,
    pub import_report: Option<ImportReport>,
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
        let diagnostics = check(&self.doc.brief, &self.env);
        let (errors, warnings) = counts(&diagnostics);
        self.derived = Derived {
            revision: Some(self.doc.revision),
            diagnostics,
            errors,
            warnings,
            check_ms: started.elapsed().as_secs_f64() * 1000.0,
        };
    }

    /// Diagnostics of one section.
    pub fn section_diagnostics(&self, id: SectionId) -> impl Iterator<Item = &Diagnostic> {
        self.derived.diagnostics.iter().filter(move |d| d.section == id)
    }
}
