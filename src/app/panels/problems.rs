use crate::app::command::Command;
use crate::app::i18n::{Lang, T};
use crate::app::state::State;
use crate::model::{Severity, Suppression};

/// 问题: the diagnostics, grouped by section in document order, filtered by severity.
pub struct ProblemsPanel {
    show_errors: bool,
    show_warnings: bool,
    show_info: bool,
    /// The diagnostic last clicked (rule, section, span start), shown as selected.
    current: Option<(&'static str, crate::model::SectionId, usize)>,
}

impl Default for ProblemsPanel {
    fn default() -> Self {
        ProblemsPanel { show_errors: true, show_warnings: true, show_info: true, current: None }
    }
}

impl ProblemsPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let diags = &state.derived.diagnostics;
        let infos = diags.iter().filter(|d| d.severity == Severity::Info).count();
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.show_errors, format!("{} {}", T::Errors.get(lang), state.derived.errors));
            ui.checkbox(&mut self.show_warnings, format!("{} {}", T::Warnings.get(lang), state.derived.warnings));
            ui.checkbox(&mut self.show_info, format!("{} {infos}", T::Infos.get(lang)));
        });
        let ignored = state.doc.brief.checks.suppressed.len();
        if ignored > 0 {
            ui.horizontal(|ui| {
                ui.weak(format!("{} {ignored}", T::IgnoredCount.get(lang)));
                if ui.small_button(T::RestoreIgnored.get(lang)).clicked() {
                    out.push(Command::ClearSuppressions);
                }
            });
        }
        ui.separator();
        if diags.is_empty() {
            ui.weak(T::NoProblems.get(lang));
            return;
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            let mut current_section = None;
            for d in diags {
                let shown = match d.severity {
                    Severity::Error => self.show_errors,
                    Severity::Warning => self.show_warnings,
                    Severity::Info => self.show_info,
                };
                if !shown {
                    continue;
                }
                let Some(section) = state.doc.brief.section(d.section) else { continue };
                if current_section != Some(d.section) {
                    current_section = Some(d.section);
                    let title = if section.title.is_empty() { T::Untitled.get(lang) } else { &section.title };
                    ui.add_space(4.0);
                    ui.strong(title);
                }
                let color = super::editor::severity_color(ui.visuals(), Some(d.severity));
                let message = if lang == Lang::Zh { &d.message } else { &d.message_en };
                // The severity shows in the marker's colour; the message keeps the text colour, readable when selected.
                let mut job = egui::text::LayoutJob::default();
                let font = egui::TextStyle::Body.resolve(ui.style());
                job.append(&format!("● {} ", d.rule), 0.0, egui::TextFormat::simple(font.clone(), color));
                job.append(message, 0.0, egui::TextFormat::simple(font, ui.visuals().text_color()));
                let key = (d.rule, d.section, d.span.start);
                let r = ui.add(egui::Button::selectable(self.current == Some(key), job)).on_hover_ui(|ui| {
                    // The rule's doc is rendered only while the pointer is on the row.
                    if let Some(rule) = crate::checks::rule(d.rule) {
                        ui.label(rule.doc().render());
                    }
                });
                if r.clicked() {
                    self.current = Some(key);
                    out.push(Command::Reveal(d.section, d.span.clone()));
                }
                let flagged = section.body.get(d.span.clone()).unwrap_or("");
                let actions = |ui: &mut egui::Ui, out: &mut Vec<Command>| {
                    if let Some(fix) = &d.fix
                        && ui.small_button(T::ApplyFix.get(lang)).on_hover_text(format!("{flagged} → {fix}")).clicked()
                    {
                        out.push(Command::Replace {
                            section: d.section,
                            span: d.span.clone(),
                            expected: flagged.to_string(),
                            with: fix.clone(),
                        });
                    }
                    if ui.small_button(T::Ignore.get(lang)).on_hover_text(T::IgnoreHint.get(lang)).clicked() {
                        out.push(Command::Ignore(Suppression {
                            rule: d.rule.to_string(),
                            section: d.section,
                            text: flagged.to_string(),
                        }));
                    }
                };
                // Every row has its actions on right click; the current row shows them.
                r.context_menu(|ui| actions(ui, out));
                if self.current == Some(key) {
                    ui.horizontal(|ui| {
                        ui.add_space(12.0);
                        actions(ui, out);
                    });
                }
            }
        });
    }
}
