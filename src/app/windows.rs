//! The app's small windows: new brief from a template, settings, 文档信息,
//! the question asked before unsaved work would be dropped, and the offer to
//! restore autosaved work. Like the panels they push commands; none changes
//! the settings or the brief itself.

use super::command::{AppCmd, Command, Edit, FileCmd};
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
    /// 文档信息 while open: the fields as typed.
    doc_info: Option<DocInfo>,
}

/// The brief's metadata as typed in 文档信息.
struct DocInfo {
    subtitle: String,
    author: String,
    date: String,
}

impl Windows {
    /// Opens 文档信息 on the brief's metadata.
    pub fn open_doc_info(&mut self, meta: &crate::model::Meta) {
        self.doc_info = Some(DocInfo {
            subtitle: meta.subtitle.clone(),
            author: meta.author.clone(),
            date: meta.date.map(|d| d.to_string()).unwrap_or_default(),
        });
    }

    pub fn open_new_brief(&mut self) {
        let key = Taxonomy::preset_keys().next().unwrap_or_default().to_string();
        self.new_brief = Some((Template::ResearchBrief, key));
    }

    /// Another document is open: the question about the last one's unsaved
    /// work and the template chooser close.
    pub fn forget_pending(&mut self) {
        self.guard = None;
        self.new_brief = None;
        self.doc_info = None;
    }

    pub fn ui(&mut self, ctx: &egui::Context, settings: &Settings, state: &State, lang: Lang, out: &mut Vec<Command>) {
        self.new_brief_window(ctx, lang, out);
        self.settings_window(ctx, settings, lang, out);
        self.doc_info_window(ctx, lang, out);
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

    fn settings_window(&mut self, ctx: &egui::Context, settings: &Settings, lang: Lang, out: &mut Vec<Command>) {
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
                    for (choice, name) in [(Lang::Zh, "中文"), (Lang::En, "English")] {
                        if ui.radio(settings.lang == choice, name).clicked() {
                            out.push(AppCmd::SetLang(choice).into());
                        }
                    }
                });
                ui.end_row();
                ui.label(T::Theme.get(lang));
                ui.horizontal(|ui| {
                    for (theme, t) in
                        [(Theme::Light, T::ThemeLight), (Theme::Dark, T::ThemeDark), (Theme::System, T::ThemeSystem)]
                    {
                        if ui.radio(settings.theme == theme, t.get(lang)).clicked() {
                            out.push(AppCmd::SetTheme(theme).into());
                        }
                    }
                });
                ui.end_row();
                // A value dragged slowly or typed, with steps of one point: a small
                // drag moves it a point or two, never to the end of the range.
                let label = ui.label(T::TextSize.get(lang));
                ui.horizontal(|ui| {
                    let mut size = settings.text_size;
                    let r = ui
                        .add(
                            egui::DragValue::new(&mut size)
                                .range(Settings::TEXT_SIZES)
                                .speed(0.05)
                                .fixed_decimals(0)
                                .suffix(" pt"),
                        )
                        .labelled_by(label.id);
                    if r.changed() {
                        out.push(AppCmd::SetTextSize(size).into());
                    }
                    if ui.small_button("－").on_hover_text(T::ZoomOut.get(lang)).clicked() {
                        out.push(AppCmd::Zoom(-1).into());
                    }
                    if ui.small_button("＋").on_hover_text(T::ZoomIn.get(lang)).clicked() {
                        out.push(AppCmd::Zoom(1).into());
                    }
                });
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

    /// 文档信息: the subtitle, 署名/发文单位 and 成文日期 every export prints.
    fn doc_info_window(&mut self, ctx: &egui::Context, lang: Lang, out: &mut Vec<Command>) {
        let Some(info) = &mut self.doc_info else { return };
        let mut open = true;
        let mut done = false;
        let date = super::panels::facts::parse_date(&info.date, false);
        let date_ok = info.date.trim().is_empty() || date.is_some();
        crate::app::dialog(T::MenuDocInfo.get(lang).trim_end_matches('…'), "doc-info", ctx).open(&mut open).show(
            ctx,
            |ui| {
                egui::Grid::new("doc-info-grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                    let l = ui.label(T::MetaSubtitle.get(lang));
                    ui.add(egui::TextEdit::singleline(&mut info.subtitle).desired_width(320.0)).labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(T::MetaAuthor.get(lang));
                    ui.add(egui::TextEdit::multiline(&mut info.author).desired_rows(2).desired_width(320.0))
                        .labelled_by(l.id)
                        .on_hover_text(T::MetaAuthorHint.get(lang));
                    ui.end_row();
                    let l = ui.label(T::MetaDate.get(lang));
                    ui.add(egui::TextEdit::singleline(&mut info.date).desired_width(120.0).hint_text("2024-03-15"))
                        .labelled_by(l.id);
                    ui.end_row();
                });
                if !date_ok {
                    ui.colored_label(ui.visuals().warn_fg_color, T::FactDateUnreadable.get(lang));
                }
                ui.weak(T::MetaUsedBy.get(lang));
                ui.horizontal(|ui| {
                    if ui.add_enabled(date_ok, egui::Button::new(T::Ok.get(lang))).clicked() {
                        out.push(
                            Edit::SetMeta {
                                subtitle: info.subtitle.trim().to_string(),
                                author: info.author.trim().to_string(),
                                date,
                            }
                            .into(),
                        );
                        done = true;
                    }
                    if ui.button(T::Cancel.get(lang)).clicked() {
                        done = true;
                    }
                });
            },
        );
        if !open || done {
            self.doc_info = None;
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
