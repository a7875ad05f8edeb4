use crate::app::i18n::{Lang, T};
use crate::app::state::State;

/// The bottom line: section, its length, saved state, last notice.
#[derive(Default)]
pub struct StatusBar;

impl StatusBar {
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang) {
        ui.horizontal(|ui| {
            if let Some(s) = state.selected.and_then(|id| state.doc.brief().section(id)) {
                ui.label(&s.title);
                ui.label(format!("{} {}", s.body.chars().count(), T::Chars.get(lang)));
                ui.separator();
            }
            // The whole brief, as Word's status bar counts it (counted once per revision).
            ui.label(format!("{} {} {}", T::WholeBrief.get(lang), state.outline.total_chars, T::Chars.get(lang)));
            ui.separator();
            let d = &state.derived;
            ui.label(format!(
                "{} · {} {:.1} ms",
                crate::app::i18n::errors_and_warnings(d.errors, d.warnings, lang),
                T::CheckTime.get(lang),
                d.check_ms
            ));
            ui.separator();
            // A brief that has never been saved is not 已保存, edited or not.
            let saved = if state.doc.is_dirty() || state.doc.path.is_none() { T::Unsaved } else { T::Saved };
            ui.label(saved.get(lang));
            if let Some(n) = &state.notice {
                ui.separator();
                ui.label(n.render(lang));
            }
        });
    }
}
