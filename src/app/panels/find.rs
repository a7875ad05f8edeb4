use crate::app::command::{Command, Edit, Nav};
use crate::app::i18n::{Lang, T};
use crate::app::state::State;
use crate::model::Found;

/// Find and replace across the whole brief (Ctrl+F, Ctrl+H), above the editor.
#[derive(Default)]
pub struct FindBar {
    pub open: bool,
    replace: bool,
    needle: String,
    with: String,
    /// Index of the current match among all matches.
    current: usize,
    /// Focus the find field (or, for Ctrl+H with a text to find, the
    /// replace field) on the next frame, its text selected.
    focus: bool,
    /// The matches of `needle`, and the (revision, needle) they were found for:
    /// the brief is searched again only when one of them changes.
    matches: Vec<Found>,
    searched: Option<(u64, String)>,
    /// The match shown in the editor, highlighted there while the bar is open.
    shown: Option<Found>,
    /// 替换 was clicked: once the brief is searched again, show the match that follows.
    show_next: bool,
}

impl FindBar {
    /// Opens the bar (with the replace row for Ctrl+H) and focuses the find field.
    pub fn show(&mut self, replace: bool) {
        self.open = true;
        self.replace = replace;
        self.focus = true;
    }

    /// Another document is open: the matches of the last one are dropped
    /// (the bar stays, and searches the new one).
    pub fn forget_matches(&mut self) {
        self.matches.clear();
        self.searched = None;
        self.shown = None;
        self.current = 0;
    }

    /// The match to highlight in the editor (in the section title or the body).
    pub fn highlight(&self) -> Option<&Found> {
        self.shown_match()
    }

    fn shown_match(&self) -> Option<&Found> {
        self.shown.as_ref().filter(|_| self.open)
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        // Escape closes the bar wherever the keyboard is (its fields, its buttons, the editor).
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.open = false;
            return;
        }
        if self.searched.as_ref().is_none_or(|(rev, needle)| *rev != state.doc.revision() || *needle != self.needle) {
            self.matches = state.doc.brief().find_all(&self.needle);
            self.searched = Some((state.doc.revision(), self.needle.clone()));
            // The match highlighted stays the current one when the text changed
            // under it (an undo, an edit elsewhere).
            if let Some(at) = self.shown.as_ref().and_then(|s| self.matches.iter().position(|m| m == s)) {
                self.current = at;
            }
        }
        let matches = std::mem::take(&mut self.matches);
        if self.current >= matches.len() {
            self.current = 0;
        }
        let mut go: Option<isize> = None;
        if std::mem::take(&mut self.show_next) && !matches.is_empty() {
            // After 替换: the match that took the replaced one's place is shown.
            self.shown = None;
            go = Some(0);
        }
        // The fields shrink with a narrow editor and the buttons wrap to the
        // next line, so none hides under the right panel.
        let field_width = (ui.available_width() - 150.0).clamp(80.0, 220.0);
        ui.horizontal(|ui| {
            let label = ui.label(T::Find.get(lang));
            let r =
                ui.add(egui::TextEdit::singleline(&mut self.needle).desired_width(field_width)).labelled_by(label.id);
            if self.focus && (!self.replace || self.needle.is_empty()) {
                super::focus_select_all(ui.ctx(), r.id, &self.needle);
                self.focus = false;
            }
            if r.changed() {
                self.current = 0;
                self.shown = None;
            }
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                go = Some(if ui.input(|i| i.modifiers.shift) { -1 } else { 1 });
                r.request_focus();
            }
            let count = if self.needle.is_empty() {
                String::new()
            } else if matches.is_empty() {
                T::NoMatches.get(lang).to_string()
            } else {
                format!("{}/{}", self.current + 1, matches.len())
            };
            ui.weak(count);
        });
        ui.horizontal_wrapped(|ui| {
            if ui.add_enabled(!matches.is_empty(), egui::Button::new(T::FindPrev.get(lang))).clicked() {
                go = Some(-1);
            }
            if ui.add_enabled(!matches.is_empty(), egui::Button::new(T::FindNext.get(lang))).clicked() {
                go = Some(1);
            }
            ui.toggle_value(&mut self.replace, T::ReplaceToggle.get(lang));
            if ui.button(T::Close.get(lang)).clicked() {
                self.open = false;
            }
        });
        if self.replace {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(T::ReplaceWith.get(lang));
                let r =
                    ui.add(egui::TextEdit::singleline(&mut self.with).desired_width(field_width)).labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    super::focus_select_all(ui.ctx(), r.id, &self.with);
                }
                // The match highlighted in the editor is the one replaced.
                let target = self.shown.as_ref().filter(|s| matches.contains(s)).or(matches.get(self.current));
                if let Some(found) = target
                    && ui.button(T::Replace.get(lang)).clicked()
                {
                    self.show_next = true;
                    out.push(
                        Edit::Replace {
                            section: found.section,
                            field: found.field,
                            span: found.span.clone(),
                            expected: self.needle.clone(),
                            with: self.with.clone(),
                        }
                        .into(),
                    );
                }
                if ui.add_enabled(!matches.is_empty(), egui::Button::new(T::ReplaceAll.get(lang))).clicked() {
                    out.push(Edit::ReplaceAll { find: self.needle.clone(), with: self.with.clone() }.into());
                }
            });
        }
        ui.separator();
        if let Some(step) = go
            && !matches.is_empty()
        {
            let n = matches.len() as isize;
            // The first Enter shows the current match; later ones step.
            if step != 0 && self.shown.as_ref() == matches.get(self.current) {
                self.current = (self.current as isize + step).rem_euclid(n) as usize;
            }
            let found = matches[self.current].clone();
            self.shown = Some(found.clone());
            out.push(Nav::ShowMatch(found).into());
        }
        self.matches = matches;
    }
}
