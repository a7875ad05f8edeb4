use crate::app::command::{AppCmd, Command, FileCmd};
use crate::app::i18n::{Label, Lang, T};
use crate::app::state::State;

/// After an import: what was taken out (boilerplate, pinyin), and an offer to
/// convert Traditional text. Nothing an import removes goes unseen.
#[derive(Default)]
pub struct ImportReportWindow;

impl ImportReportWindow {
    pub fn ui(&mut self, ctx: &egui::Context, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let Some(report) = &state.import_report else { return };
        let mut open = true;
        crate::app::dialog(T::ImportReport.get(lang), "import-report", ctx).resizable(true).open(&mut open).show(
            ctx,
            |ui| {
                ui.weak(report.source.display().to_string());
                if report.report.encoding != "UTF-8" {
                    ui.label(format!("{} {}", T::Encoding.get(lang), report.report.encoding));
                }
                if report.report.traditional {
                    ui.horizontal(|ui| {
                        ui.label(T::TraditionalFound.get(lang));
                        if ui.button(T::ConvertSimplified.get(lang)).clicked() {
                            out.push(FileCmd::ImportSimplified.into());
                        }
                    });
                }
                if report.report.removed.is_empty() {
                    ui.label(T::ImportRemovedNone.get(lang));
                }
                egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                    for r in &report.report.removed {
                        // A Word file's asides have no line of their own.
                        let line = match r.line {
                            0 => T::ImportNoLine.get(lang).to_string(),
                            n => T::ImportLine.get(lang).replace("{}", &n.to_string()),
                        };
                        let reason = r.reason.label().get(lang);
                        ui.label(format!("{line} · {reason} · {}", r.text));
                    }
                });
                if ui.button(T::Close.get(lang)).clicked() {
                    out.push(AppCmd::CloseImportReport.into());
                }
            },
        );
        if !open {
            out.push(AppCmd::CloseImportReport.into());
        }
    }
}
