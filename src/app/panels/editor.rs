use crate::app::command::Command;
use crate::app::i18n::{Lang, T};
use crate::app::state::State;

/// The selected section's title and body.
#[derive(Default)]
pub struct EditorPanel;

impl EditorPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let mut brief_title = state.doc.brief.meta.title.clone();
        ui.horizontal(|ui| {
            let label = ui.label(T::BriefTitle.get(lang));
            let r =
                ui.add(egui::TextEdit::singleline(&mut brief_title).desired_width(f32::INFINITY)).labelled_by(label.id);
            if r.changed() {
                out.push(Command::SetBriefTitle(brief_title.clone()));
            }
        });
        ui.separator();
        let Some(section) = state.selected.and_then(|id| state.doc.brief.section(id)) else {
            ui.label(T::NoSection.get(lang));
            return;
        };
        let id = section.id;
        let mut title = section.title.clone();
        ui.horizontal(|ui| {
            let label = ui.label(T::SectionTitle.get(lang));
            let r = ui.add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY)).labelled_by(label.id);
            if r.changed() {
                out.push(Command::SetTitle(id, title.clone()));
            }
        });
        let label = ui.label(T::SectionBody.get(lang));
        let mut body = section.body.clone();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut body)
                        .desired_width(f32::INFINITY)
                        .desired_rows(24)
                        .id_salt(("body", id.0)),
                )
                .labelled_by(label.id);
            if r.changed() {
                out.push(Command::SetBody(id, body.clone()));
            }
        });
    }
}
