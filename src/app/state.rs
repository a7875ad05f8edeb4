//! What the window edits: the document, where it lives, and what is selected.

use std::path::PathBuf;

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
        Document {
            brief,
            path,
            revision: 0,
            saved_revision: 0,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }
}

/// UI state that is not part of the document.
pub struct State {
    pub doc: Document,
    pub selected: Option<SectionId>,
    /// A message for the status bar (the last save, or an error).
    pub notice: Option<String>,
}

impl State {
    pub fn new(brief: Brief, path: Option<PathBuf>) -> Self {
        let selected = brief.walk().next().map(|(s, _)| s.id);
        State {
            doc: Document::new(brief, path),
            selected,
            notice: None,
        }
    }
}
