use crate::app::command::Command;
use crate::app::i18n::{Lang, T};
use crate::app::state::State;
use crate::model::Severity;

/// 问题: the diagnostics, grouped by section in document order.
#[derive(Default)]
pub struct ProblemsPanel;

impl ProblemsPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let diags = &state.derived.diagnostics;
        if diags.is_empty() {
            ui.weak(T::NoProblems.get(lang));
            return;
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            let mut current = None;
            for d in diags {
                if current != Some(d.section) {
                    current = Some(d.section);
                    let title = state.doc.brief.section(d.section).map_or("", |s| s.title.as_str());
                    let title = if title.is_empty() { T::Untitled.get(lang) } else { title };
                    ui.add_space(4.0);
                    ui.strong(title);
                }
                let color = match d.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                    Severity::Info => ui.visuals().weak_text_color(),
                };
                let message = if lang == Lang::Zh { &d.message } else { &d.message_en };
                // The severity shows in the marker's colour; the message keeps the text colour, readable when selected.
                let mut job = egui::text::LayoutJob::default();
                let font = egui::TextStyle::Body.resolve(ui.style());
                job.append(&format!("● {} ", d.rule), 0.0, egui::TextFormat::simple(font.clone(), color));
                job.append(message, 0.0, egui::TextFormat::simple(font, ui.visuals().text_color()));
                let r = ui.add(egui::Button::selectable(state.selected == Some(d.section), job)).on_hover_ui(|ui| {
                    // The rule's doc is rendered only while the pointer is on the row.
                    if let Some(rule) = crate::checks::rule(d.rule) {
                        ui.label(rule.doc().render());
                    }
                });
                if r.clicked() {
                    out.push(Command::Select(d.section));
                }
            }
        });
    }
}
