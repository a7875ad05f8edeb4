//! The open brief, where it lives, and its undo history. Every change to the
//! brief goes through [`Document::edit`] (or undo and redo), which takes the
//! undo snapshot and moves the revision: the revision is private, so no
//! caller can forget either.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::model::{Brief, SectionId};

/// The open brief. `revision` goes up on every change; derived data (figures,
/// diagnostics, layouts) is recomputed only when it moves.
pub struct Document {
    brief: Brief,
    pub path: Option<PathBuf>,
    revision: u64,
    saved_revision: u64,
    history: History,
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

impl Document {
    /// A document as it is on disk (or a new brief, clean until edited).
    pub fn new(brief: Brief, path: Option<PathBuf>) -> Self {
        Document { brief, path, revision: 0, saved_revision: 0, history: History::default() }
    }

    /// A document that is unsaved work from the start (an import, restored autosave).
    pub fn unsaved(brief: Brief) -> Self {
        let mut doc = Document::new(brief, None);
        doc.revision = 1;
        doc
    }

    pub fn brief(&self) -> &Brief {
        &self.brief
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// The brief as it is now has been written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved_revision = self.revision;
        self.path = Some(path);
    }

    /// Changes the brief. `change` returns whether it changed anything; only
    /// then is an undo step recorded and the revision moved. Edits of one
    /// field in quick succession (typing) are one undo step.
    pub fn edit(&mut self, key: EditKey, change: impl FnOnce(&mut Brief) -> bool) -> bool {
        self.edit_at(key, Instant::now(), change)
    }

    fn edit_at(&mut self, key: EditKey, now: Instant, change: impl FnOnce(&mut Brief) -> bool) -> bool {
        let snapshot = (!self.history.continues(key, now)).then(|| self.brief.clone());
        if !change(&mut self.brief) {
            return false;
        }
        self.history.record(snapshot, key, now);
        self.revision += 1;
        true
    }

    /// Steps back; returns whether there was a step.
    pub fn undo(&mut self) -> bool {
        let stepped = self.history.undo(&mut self.brief);
        if stepped {
            self.revision += 1;
        }
        stepped
    }

    /// Steps forward again; returns whether there was a step.
    pub fn redo(&mut self) -> bool {
        let stepped = self.history.redo(&mut self.brief);
        if stepped {
            self.revision += 1;
        }
        stepped
    }

    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }
}

/// Undo and redo over whole-brief snapshots.
#[derive(Default)]
struct History {
    undo: Vec<Brief>,
    redo: Vec<Brief>,
    /// The field and time of the last recorded edit.
    last: Option<(EditKey, Instant)>,
}

/// How many steps are kept.
const HISTORY_DEPTH: usize = 200;
/// Typing in one field within this pause is one step.
const COALESCE: Duration = Duration::from_millis(1500);

impl History {
    /// Whether an edit of `key` now continues the last step (no new snapshot).
    fn continues(&self, key: EditKey, now: Instant) -> bool {
        key != EditKey::Structure && self.last.is_some_and(|(k, t)| k == key && now.duration_since(t) < COALESCE)
    }

    /// Records an edit; `before` is the brief before it, or None when the edit continues the last step.
    fn record(&mut self, before: Option<Brief>, key: EditKey, now: Instant) {
        self.last = Some((key, now));
        let Some(before) = before else { return };
        self.undo.push(before);
        if self.undo.len() > HISTORY_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn undo(&mut self, current: &mut Brief) -> bool {
        let Some(prev) = self.undo.pop() else { return false };
        self.redo.push(std::mem::replace(current, prev));
        self.last = None;
        true
    }

    fn redo(&mut self, current: &mut Brief) -> bool {
        let Some(next) = self.redo.pop() else { return false };
        self.undo.push(std::mem::replace(current, next));
        self.last = None;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Taxonomy, Template};

    fn doc() -> Document {
        Document::new(Template::ResearchBrief.build(Taxonomy::default()), None)
    }

    #[test]
    fn an_edit_moves_the_revision_and_can_be_undone() {
        let mut d = doc();
        assert!(!d.is_dirty());
        let id = d.brief().sections[0].id;
        assert!(d.edit(EditKey::Body(id), |b| {
            b.sections[0].body = "一".into();
            true
        }));
        assert_eq!(d.revision(), 1);
        assert!(d.is_dirty() && d.can_undo());
        assert!(d.undo());
        assert_eq!(d.brief().sections[0].body, "");
        assert_eq!(d.revision(), 2, "undo is a change too");
        assert!(d.redo());
        assert_eq!(d.brief().sections[0].body, "一");
    }

    #[test]
    fn an_edit_that_changes_nothing_leaves_no_trace() {
        let mut d = doc();
        assert!(!d.edit(EditKey::Structure, |_| false));
        assert_eq!(d.revision(), 0);
        assert!(!d.can_undo());
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_a_pause() {
        let mut d = doc();
        let id = d.brief().sections[0].id;
        let t0 = Instant::now();
        for (i, c) in ["一", "一二", "一二三"].into_iter().enumerate() {
            d.edit_at(EditKey::Body(id), t0 + Duration::from_millis(100 * i as u64), |b| {
                b.sections[0].body = c.into();
                true
            });
        }
        d.edit_at(EditKey::Body(id), t0 + Duration::from_secs(5), |b| {
            b.sections[0].body = "一二三四".into();
            true
        });
        assert!(d.undo());
        assert_eq!(d.brief().sections[0].body, "一二三");
        assert!(d.undo());
        assert_eq!(d.brief().sections[0].body, "");
        assert!(!d.undo());
    }
}
