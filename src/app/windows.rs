//! The app's small windows: new brief from a template, settings, the question
//! asked before unsaved work would be dropped, and the offer to restore
//! autosaved work.

use super::command::{AppCmd, Command, FileCmd};
use super::files::{FileAction, PathPrompt};
use super::i18n::{Label, Lang, T};
use super::recovery::Found;
use super::settings::{Settings, Theme};
use super::state::State;
use crate::model::{Taxonomy, Template};

#[derive(Default)]
pub struct Windows {
    pub settings_open: bool,
    /// The template chooser, while open: the template and taxonomy preset chosen.
    new_brief: Option<(Template, String)>,
    /// A command waiting for the user's answer about unsaved work.
    pub guard: Option<Command>,
    /// Autosaved work found at start.
    pub recovery: Option<Found>,
    font_prompt: Option<PathPrompt>,
}

impl Windows {
    pub fn open_new_brief(&mut self) {
        let key = Taxonomy::preset_keys().next().unwrap_or_default().to_string();
        self.new_brief = Some((Template::ResearchBrief, key));
    }

    /// Another document is open: the question about the last one's unsaved
    /// work and the template chooser close.
    pub fn forget_pending(&mut self) {
        self.guard = None;
        self.new_brief = None;
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        settings: &mut Settings,
        state: &State,
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        self.new_brief_window(ctx, lang, out);
        self.settings_window(ctx, settings, lang, out);
        self.guard_window(ctx, state, lang, out);
        self.recovery_window(ctx, lang, out);
    }

    fn new_brief_window(&mut self, ctx: &egui::Context, lang: Lang, out: &mut Vec<Command>) {
        let Some((template, taxonomy)) = &mut self.new_brief else { return };
        let mut open = true;
        let mut done = false;
        crate::app::dialog(T::NewBrief.get(lang), "new-brief", ctx).open(&mut open).show(ctx, |ui| {
            ui.strong(T::Template.get(lang));
            for t in Template::ALL {
                ui.radio_value(template, t, t.label().get(lang));
            }
            ui.add_space(6.0);
            ui.strong(T::Taxonomy.get(lang));
            for key in Taxonomy::preset_keys() {
                let Ok(tax) = Taxonomy::preset(key) else { continue };
                let modes: Vec<&str> = tax.modes.iter().map(|m| m.name.as_str()).collect();
                ui.radio_value(taxonomy, key.to_string(), &tax.name).on_hover_text(modes.join("、"));
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(T::Create.get(lang)).clicked() {
                    let tax = Taxonomy::preset(taxonomy).unwrap_or_default();
                    out.push(FileCmd::New(*template, tax).into());
                    done = true;
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    done = true;
                }
            });
        });
        if !open || done {
            self.new_brief = None;
        }
    }

    fn settings_window(&mut self, ctx: &egui::Context, settings: &mut Settings, lang: Lang, out: &mut Vec<Command>) {
        if let Some(prompt) = &mut self.font_prompt
            && !prompt.ui(ctx, lang, out)
        {
            self.font_prompt = None;
        }
        if !self.settings_open {
            return;
        }
        let mut open = true;
        crate::app::dialog(T::Settings.get(lang), "settings", ctx).open(&mut open).show(ctx, |ui| {
            egui::Grid::new("settings-grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                ui.label(T::Language.get(lang));
                ui.horizontal(|ui| {
                    ui.radio_value(&mut settings.lang, Lang::Zh, "中文");
                    ui.radio_value(&mut settings.lang, Lang::En, "English");
                });
                ui.end_row();
                ui.label(T::Theme.get(lang));
                ui.horizontal(|ui| {
                    ui.radio_value(&mut settings.theme, Theme::Light, T::ThemeLight.get(lang));
                    ui.radio_value(&mut settings.theme, Theme::Dark, T::ThemeDark.get(lang));
                    ui.radio_value(&mut settings.theme, Theme::System, T::ThemeSystem.get(lang));
                });
                ui.end_row();
                let label = ui.label(T::TextSize.get(lang));
                ui.add(egui::Slider::new(&mut settings.text_size, Settings::TEXT_SIZES).step_by(1.0).suffix(" pt"))
                    .labelled_by(label.id);
                ui.end_row();
                ui.label(T::Font.get(lang));
                ui.vertical(|ui| {
                    let current = match &settings.font {
                        Some(p) => p.display().to_string(),
                        None => T::FontBundledName.get(lang).to_string(),
                    };
                    ui.label(format!("{} {current}", T::FontCurrent.get(lang)));
                    ui.horizontal(|ui| {
                        if ui.button(T::ChooseFont.get(lang)).clicked() {
                            self.font_prompt = Some(PathPrompt::new(FileAction::Font, String::new()));
                        }
                        if ui
                            .add_enabled(settings.font.is_some(), egui::Button::new(T::FontBundled.get(lang)))
                            .clicked()
                        {
                            out.push(AppCmd::SetFont(None).into());
                        }
                    });
                });
                ui.end_row();
            });
        });
        if !open {
            self.settings_open = false;
        }
    }

    fn guard_window(&mut self, ctx: &egui::Context, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let Some(cmd) = &self.guard else { return };
        let mut answered = false;
        egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading(T::UnsavedTitle.get(lang));
            ui.label(T::UnsavedBody.get(lang));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                // A brief without a file is saved through 另存为, then the command runs.
                let save = ui.button(T::SaveFirst.get(lang));
                if state.doc.path.is_none() {
                    save.clone().on_hover_text(T::SaveAsHint.get(lang));
                }
                if save.clicked() {
                    out.push(AppCmd::SaveThen(Box::new(cmd.clone())).into());
                    answered = true;
                }
                if ui.button(T::DontSave.get(lang)).clicked() {
                    out.push(AppCmd::Discard(Box::new(cmd.clone())).into());
                    answered = true;
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    answered = true;
                }
            });
        });
        if answered {
            self.guard = None;
        }
    }

    fn recovery_window(&mut self, ctx: &egui::Context, lang: Lang, out: &mut Vec<Command>) {
        let Some(found) = &self.recovery else { return };
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.heading(T::RecoveryTitle.get(lang));
            ui.label(T::RecoveryBody.get(lang));
            if let Some(t) = found.modified {
                let t: chrono::DateTime<chrono::Local> = t.into();
                ui.weak(format!("{} {}", T::AutosavedAt.get(lang), t.format("%Y-%m-%d %H:%M:%S")));
            }
            ui.weak(found.file.display().to_string());
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(T::Restore.get(lang)).clicked() {
                    out.push(AppCmd::RestoreRecovery.into());
                }
                if ui.button(T::DropRecoveryButton.get(lang)).clicked() {
                    out.push(AppCmd::DropRecovery.into());
                }
            });
        });
    }
}
