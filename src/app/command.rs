//! Panels push commands; the app applies them once per frame.

use std::path::PathBuf;

use super::state::State;
use crate::model::SectionId;

#[derive(Debug, Clone)]
pub enum Command {
    Select(SectionId),
    SetTitle(SectionId, String),
    SetBody(SectionId, String),
    SetBriefTitle(String),
    Save,
    SaveAs(PathBuf),
    Open(PathBuf),
}

/// Applies one command to the state.
pub fn apply(state: &mut State, cmd: Command) {
    match cmd {
        Command::Select(id) => state.selected = Some(id),
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
            None => state.notice = Some("请用“另存为”选择保存位置".into()),
        },
        Command::SaveAs(path) => save_to(state, path),
        Command::Open(path) => match crate::import::load_path(&path) {
            Ok(brief) => *state = State::new(brief, Some(path)),
            Err(e) => state.notice = Some(e.to_string()),
        },
    }
}

fn save_to(state: &mut State, path: PathBuf) {
    let result = crate::import::OutputKind::for_path(&path)
        .map_err(|e| e.to_string())
        .and_then(|kind| kind.save(&path, &state.doc.brief).map_err(|e| e.to_string()));
    match result {
        Ok(()) => {
            state.doc.saved_revision = state.doc.revision;
            state.notice = Some(format!("{}", path.display()));
            state.doc.path = Some(path);
        }
        Err(e) => state.notice = Some(e),
    }
}
