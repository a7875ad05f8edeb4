//! Panels push commands; the app applies them once per frame.

use std::path::PathBuf;

use super::i18n::T;
use super::state::{Notice, State};
use crate::model::SectionId;

#[derive(Debug, Clone)]
pub enum Command {
    Select(SectionId),
    /// Selects a section and a byte span of its body in the editor.
    Reveal(SectionId, std::ops::Range<usize>),
    /// Like Reveal, but leaves the keyboard focus where it is (find).
    ShowMatch(SectionId, std::ops::Range<usize>),
    SetTitle(SectionId, String),
    SetBody(SectionId, String),
    SetBriefTitle(String),
    Save,
    SaveAs(PathBuf),
    Open(PathBuf),
    /// Imports a .txt or .md draft as a new, unsaved brief.
    Import(PathBuf),
    /// Imports the last imported file again, converted to Simplified characters.
    ImportSimplified,
    ExportMarkdown(PathBuf),
    ExportHtml(PathBuf),
    CloseImportReport,
    Undo,
    Redo,
    /// Adds a section after another (or at the end) and selects it.
    AddSection {
        after: Option<SectionId>,
        role: crate::model::Role,
        title: String,
    },
    DeleteSection(SectionId),
    MoveSection(SectionId, isize),
    /// Moves a section before or after another (drag and drop in the outline).
    MoveNextTo {
        id: SectionId,
        target: SectionId,
        before: bool,
    },
    AddFact(crate::model::FactEntry),
    SetFact(usize, crate::model::FactEntry),
    RemoveFact(usize),
    /// Replaces a span of a body, if it still holds `expected` (a fix, or one find-and-replace).
    Replace {
        section: SectionId,
        span: std::ops::Range<usize>,
        expected: String,
        with: String,
    },
    /// Replaces every occurrence in every title and body, as one undo step.
    ReplaceAll {
        find: String,
        with: String,
    },
    /// Stores a suppression in the brief.
    Ignore(crate::model::Suppression),
    ClearSuppressions,
    /// A new, unsaved brief from a template.
    New(crate::model::Template, crate::model::Taxonomy),
    // The commands below belong to the app, not the document.
    /// Use this font file (None: the bundled font).
    SetFont(Option<PathBuf>),
    /// Run a command that drops unsaved work, after the user agreed.
    Discard(Box<Command>),
    /// Save, then run a command that would have dropped the unsaved work.
    SaveThen(Box<Command>),
    /// Close the window (asks first if there is unsaved work).
    Quit,
    /// Load the recovery file found at start.
    RestoreRecovery,
    /// Delete the recovery file found at start.
    DropRecovery,
}

/// Opens a brief (.ron, .md) or imports a draft (.txt and anything else).
pub fn open_or_import(path: PathBuf) -> Command {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("ron" | "md" | "markdown") => Command::Open(path),
        _ => Command::Import(path),
    }
}

impl Command {
    /// Whether the command replaces the open brief (and so would drop unsaved work).
    pub fn replaces_document(&self) -> bool {
        matches!(
            self,
            Command::Open(_) | Command::Import(_) | Command::ImportSimplified | Command::New(..) | Command::Quit
        )
    }

    /// The field a command edits, for undo; None for commands that change no content.
    fn edit_key(&self) -> Option<super::state::EditKey> {
        use super::state::EditKey;
        match self {
            Command::SetTitle(id, _) => Some(EditKey::Title(*id)),
            Command::SetBody(id, _) => Some(EditKey::Body(*id)),
            Command::SetBriefTitle(_) => Some(EditKey::BriefTitle),
            Command::SetFact(i, _) => Some(EditKey::Fact(*i)),
            Command::AddFact(_)
            | Command::RemoveFact(_)
            | Command::AddSection { .. }
            | Command::DeleteSection(_)
            | Command::MoveSection(..)
            | Command::MoveNextTo { .. }
            | Command::Replace { .. }
            | Command::ReplaceAll { .. }
            | Command::Ignore(_)
            | Command::ClearSuppressions => Some(EditKey::Structure),
            _ => None,
        }
    }
}

/// Applies one command to the state, recording an undo step before any edit.
pub fn apply(state: &mut State, cmd: Command) {
    if let Some(key) = cmd.edit_key() {
        state.history.before_edit(&state.doc.brief, key, std::time::Instant::now());
    }
    match cmd {
        Command::Undo => {
            if state.history.undo(&mut state.doc.brief) {
                after_history(state);
            }
        }
        Command::Redo => {
            if state.history.redo(&mut state.doc.brief) {
                after_history(state);
            }
        }
        Command::Select(id) => state.selected = Some(id),
        Command::Reveal(id, span) => state.reveal(id, span, true),
        Command::ShowMatch(id, span) => state.reveal(id, span, false),
        Command::SetTitle(id, title) => {
            if let Some(s) = state.doc.brief.section_mut(id) {
                s.title = title;
                state.doc.revision += 1;
            }
        }
        Command::SetBody(id, body) => {
            if let Some(s) = state.doc.brief.section_mut(id) {
                s.body = body;
                state.doc.revision += 1;
            }
        }
        Command::SetBriefTitle(title) => {
            state.doc.brief.meta.title = title;
            state.doc.revision += 1;
        }
        Command::Save => match state.doc.path.clone() {
            Some(path) => save_to(state, path),
            None => state.notice = Some(Notice::new(T::SaveAsFirst, "")),
        },
        Command::SaveAs(path) => save_to(state, path),
        Command::Open(path) => match crate::import::load_path(&path) {
            Ok(brief) => *state = State::new(brief, Some(path)),
            Err(e) => state.notice = Some(Notice::new(T::OpenFailed, e.to_string())),
        },
        Command::Import(path) => import(state, path, false),
        Command::ImportSimplified => {
            if let Some(path) = state.import_report.as_ref().map(|r| r.source.clone()) {
                import(state, path, true);
            }
        }
        Command::ExportMarkdown(path) => {
            let text = crate::export::to_markdown(&state.doc.brief);
            export(state, &path, text);
        }
        Command::ExportHtml(path) => {
            // The findings of the text as it is now, not of a check still catching up.
            let diags = crate::checks::check(&state.doc.brief, &state.env);
            let options = crate::export::HtmlOptions { appendix: true, diagnostics: Some(&diags) };
            let text = crate::export::to_html(&state.doc.brief, options);
            export(state, &path, text);
        }
        Command::CloseImportReport => state.import_report = None,
        Command::New(template, taxonomy) => *state = State::new(template.build(taxonomy), None),
        // Handled by the app before a command reaches the document.
        Command::SetFont(_)
        | Command::Discard(_)
        | Command::SaveThen(_)
        | Command::Quit
        | Command::RestoreRecovery
        | Command::DropRecovery => {}
        Command::AddSection { after, role, title } => {
            let section = state.doc.brief.new_section(role, title, "");
            let id = section.id;
            state.doc.brief.insert_after(after, section);
            state.selected = Some(id);
            state.doc.revision += 1;
        }
        Command::DeleteSection(id) => {
            if state.doc.brief.remove_section(id).is_some() {
                state.doc.revision += 1;
                if state.selected.is_none_or(|s| state.doc.brief.section(s).is_none()) {
                    state.selected = state.doc.brief.walk().next().map(|(s, _)| s.id);
                }
            }
        }
        Command::MoveSection(id, delta) => {
            if state.doc.brief.move_section(id, delta) {
                state.doc.revision += 1;
            }
        }
        Command::MoveNextTo { id, target, before } => {
            if state.doc.brief.move_next_to(id, target, before) {
                state.doc.revision += 1;
            }
        }
        Command::AddFact(fact) => {
            state.doc.brief.facts.push(fact);
            state.doc.revision += 1;
        }
        Command::SetFact(i, fact) => {
            if let Some(slot) = state.doc.brief.facts.get_mut(i) {
                *slot = fact;
                state.doc.revision += 1;
            }
        }
        Command::Replace { section, span, expected, with } => {
            let replaced = state.doc.brief.section_mut(section).is_some_and(|s| {
                if s.body.get(span.clone()) != Some(expected.as_str()) {
                    return false;
                }
                s.body.replace_range(span.clone(), &with);
                true
            });
            if replaced {
                state.doc.revision += 1;
                state.reveal(section, span.start..span.start + with.len(), false);
            } else {
                state.notice = Some(Notice::new(T::NotReplaced, ""));
            }
        }
        Command::ReplaceAll { find, with } => {
            let n = state.doc.brief.replace_all(&find, &with);
            if n > 0 {
                state.doc.revision += 1;
            }
            state.notice = Some(Notice::new(T::ReplacedCount, n.to_string()));
        }
        Command::Ignore(suppression) => {
            if !state.doc.brief.checks.suppressed.contains(&suppression) {
                state.doc.brief.checks.suppressed.push(suppression);
                state.doc.revision += 1;
            }
        }
        Command::ClearSuppressions => {
            if !state.doc.brief.checks.suppressed.is_empty() {
                state.doc.brief.checks.suppressed.clear();
                state.doc.revision += 1;
            }
        }
        Command::RemoveFact(i) => {
            if i < state.doc.brief.facts.len() {
                state.doc.brief.facts.remove(i);
                state.doc.revision += 1;
            }
        }
    }
}

/// After undo or redo: the document changed; keep the selection on a section that exists.
fn after_history(state: &mut State) {
    state.doc.revision += 1;
    if state.selected.is_none_or(|id| state.doc.brief.section(id).is_none()) {
        state.selected = state.doc.brief.walk().next().map(|(s, _)| s.id);
    }
}

/// Imports a draft as a new brief; what the import took out is shown to the user.
fn import(state: &mut State, path: PathBuf, simplified: bool) {
    let taxonomy = state.doc.brief.taxonomy.clone();
    let result = crate::import::import_path(&path, &taxonomy).map_err(|e| e.to_string()).and_then(|imp| {
        if !simplified {
            return Ok(imp);
        }
        let text = crate::import::read_decoded(&path).map_err(|e| e.to_string())?.text;
        let converted = crate::import::text::to_simplified(&text)?;
        Ok(crate::import::text::import_text(&converted, taxonomy.clone()))
    });
    match result {
        Ok(imp) => {
            let report = super::state::ImportReport {
                source: path,
                removed: imp.removed,
                traditional: imp.traditional && !simplified,
            };
            *state = State::new(imp.brief, None);
            state.doc.revision = 1; // an import is unsaved work
            state.import_report = Some(report);
            state.refresh();
        }
        Err(e) => state.notice = Some(Notice::new(T::OpenFailed, e)),
    }
}

fn export(state: &mut State, path: &std::path::Path, text: String) {
    state.notice = Some(match crate::store::write_atomic(path, text.as_bytes(), false) {
        Ok(()) => Notice::new(T::ExportedTo, path.display().to_string()),
        Err(e) => Notice::new(T::ExportFailed, e.to_string()),
    });
}

fn save_to(state: &mut State, path: PathBuf) {
    let result = crate::import::OutputKind::for_path(&path)
        .map_err(|e| e.to_string())
        .and_then(|kind| kind.save(&path, &state.doc.brief).map_err(|e| e.to_string()));
    match result {
        Ok(()) => {
            state.doc.saved_revision = state.doc.revision;
            state.notice = Some(Notice::new(T::SavedTo, path.display().to_string()));
            state.doc.path = Some(path);
        }
        Err(e) => state.notice = Some(Notice::new(T::SaveFailed, e)),
    }
}
