//! The desktop app (feature `gui`): panels draw and push commands; the app
//! applies them once per frame.

mod command;
mod files;
mod fonts;
mod i18n;
mod panels;
mod state;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use command::Command;
pub use i18n::{Lang, T};
pub use panels::editor::{body_id, char_range as editor_char_range};
pub use state::State;

/// Installs the bundled Chinese font (and the system fallback) in a context.
pub fn install_fonts(ctx: &egui::Context) {
    fonts::install(ctx);
}

use crate::model::{Taxonomy, Template};

/// The app: state, panels and the commands of this frame.
pub struct BriefdeskApp {
    pub state: State,
    pub lang: Lang,
    outline: panels::outline::OutlinePanel,
    editor: panels::editor::EditorPanel,
    find: panels::find::FindBar,
    status: panels::status::StatusBar,
    problems: panels::problems::ProblemsPanel,
    figures: panels::figures::FiguresPanel,
    facts: panels::facts::FactsPanel,
    right_tab: RightTab,
    import_report: panels::import_report::ImportReportWindow,
    prompt: Option<files::PathPrompt>,
    pending: Vec<Command>,
    screenshot: Option<Screenshot>,
}

/// The tabs of the right-hand panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RightTab {
    Problems,
    Figures,
    Facts,
}

/// `--screenshot`: render a few frames, capture one, save it and close.
struct Screenshot {
    out: PathBuf,
    frames: u32,
    result: Arc<Mutex<Option<Result<(), String>>>>,
}

impl BriefdeskApp {
    /// The app over a state. Fonts are the context's business: see [`install_fonts`].
    pub fn new(state: State) -> Self {
        BriefdeskApp {
            state,
            lang: Lang::Zh,
            outline: Default::default(),
            editor: Default::default(),
            find: Default::default(),
            status: Default::default(),
            problems: Default::default(),
            figures: Default::default(),
            facts: Default::default(),
            right_tab: RightTab::Problems,
            import_report: Default::default(),
            prompt: None,
            pending: Vec::new(),
            screenshot: None,
        }
    }

    /// Draws one frame into `ui` and applies the commands it produced.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let mut out = std::mem::take(&mut self.pending);
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
            out.push(Command::Save);
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            self.find.show(false);
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::H)) {
            self.find.show(true);
        }
        // Redo first: Ctrl+Shift+Z also matches a plain Ctrl+Z check.
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z)) {
            out.push(Command::Redo);
        } else if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z)) {
            out.push(Command::Undo);
        }
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(T::MenuFile.get(lang), |ui| {
                    let mut chosen = None;
                    if ui.button(T::MenuOpen.get(lang)).clicked() {
                        chosen = Some(files::FileAction::Open);
                    }
                    if ui.button(T::MenuImport.get(lang)).clicked() {
                        chosen = Some(files::FileAction::Import);
                    }
                    ui.separator();
                    if ui.button(T::MenuSave.get(lang)).clicked() {
                        out.push(Command::Save);
                    }
                    if ui.button(T::MenuSaveAs.get(lang)).clicked() {
                        chosen = Some(files::FileAction::SaveAs);
                    }
                    ui.separator();
                    if ui.button(T::MenuExportMd.get(lang)).clicked() {
                        chosen = Some(files::FileAction::ExportMarkdown);
                    }
                    if ui.button(T::MenuExportHtml.get(lang)).clicked() {
                        chosen = Some(files::FileAction::ExportHtml);
                    }
                    if let Some(action) = chosen {
                        self.prompt = Some(files::PathPrompt::new(action, self.suggest(action)));
                    }
                });
                ui.menu_button(T::MenuEdit.get(lang), |ui| {
                    let undo = egui::Button::new(T::Undo.get(lang)).shortcut_text("Ctrl+Z");
                    if ui.add_enabled(self.state.history.can_undo(), undo).clicked() {
                        out.push(Command::Undo);
                    }
                    let redo = egui::Button::new(T::Redo.get(lang)).shortcut_text("Ctrl+Shift+Z");
                    if ui.add_enabled(self.state.history.can_redo(), redo).clicked() {
                        out.push(Command::Redo);
                    }
                    ui.separator();
                    if ui.add(egui::Button::new(T::MenuFind.get(lang)).shortcut_text("Ctrl+F")).clicked() {
                        self.find.show(false);
                    }
                    if ui.add(egui::Button::new(T::MenuReplace.get(lang)).shortcut_text("Ctrl+H")).clicked() {
                        self.find.show(true);
                    }
                });
                ui.menu_button(T::MenuView.get(lang), |ui| {
                    ui.label(T::Language.get(lang));
                    ui.radio_value(&mut self.lang, Lang::Zh, "中文");
                    ui.radio_value(&mut self.lang, Lang::En, "English");
                });
            });
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status.ui(ui, &self.state, lang));
        egui::Panel::left("outline")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| self.outline.ui(ui, &self.state, lang, &mut out));
        egui::Panel::right("problems").resizable(true).default_size(340.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                for (tab, t) in
                    [(RightTab::Problems, T::Problems), (RightTab::Figures, T::Figures), (RightTab::Facts, T::Facts)]
                {
                    ui.selectable_value(&mut self.right_tab, tab, t.get(lang));
                }
            });
            ui.separator();
            match self.right_tab {
                RightTab::Problems => self.problems.ui(ui, &self.state, lang, &mut out),
                RightTab::Figures => self.figures.ui(ui, &self.state, lang, &mut out),
                RightTab::Facts => self.facts.ui(ui, &self.state, lang, &mut out),
            }
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            self.find.ui(ui, &self.state, lang, &mut out);
            self.editor.ui(ui, &self.state, lang, self.find.highlight(), &mut out);
        });
        let ctx = ui.ctx().clone();
        if let Some(prompt) = &mut self.prompt
            && !prompt.ui(&ctx, lang, &mut out)
        {
            self.prompt = None;
        }
        self.import_report.ui(&ctx, &self.state, lang, &mut out);
        for cmd in out {
            command::apply(&mut self.state, cmd);
        }
        self.state.refresh();
    }
}

impl BriefdeskApp {
    /// A path to offer for an action: beside the current file, with the action's extension.
    fn suggest(&self, action: files::FileAction) -> String {
        let ext = match action {
            files::FileAction::Open | files::FileAction::Import => return String::new(),
            files::FileAction::SaveAs => "ron",
            files::FileAction::ExportMarkdown => "md",
            files::FileAction::ExportHtml => "html",
        };
        match &self.state.doc.path {
            Some(p) => p.with_extension(ext).display().to_string(),
            None => format!("简报.{ext}"),
        }
    }
}

impl eframe::App for BriefdeskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let Some(shot) = &mut self.screenshot else {
            return;
        };
        shot.frames += 1;
        if shot.frames == 3 {
            let out = shot.out.clone();
            let result = shot.result.clone();
            ctx.request_screenshot(move |image| {
                let saved = save_png(&image, &out);
                if let Ok(mut r) = result.lock() {
                    *r = Some(saved);
                }
            });
        }
        let done = shot.result.lock().map(|r| r.is_some()).unwrap_or(true);
        if done {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
}

fn save_png(image: &egui::ColorImage, out: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or("the screenshot has a wrong size")?;
    buffer.save(out).map_err(|e| format!("cannot write the screenshot ({e}): {}", out.display()))
}

/// Opens the window on `file`, or on a new brief.
pub fn run(file: Option<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    let state = match &file {
        Some(path) => State::new(crate::import::load_path(path)?, Some(path.clone())),
        None => State::new(Template::ResearchBrief.build(Taxonomy::default()), None),
    };
    let result = Arc::new(Mutex::new(None));
    let shot = screenshot.map(|out| Screenshot { out, frames: 0, result: result.clone() });
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1280.0, 800.0]).with_title("简报台 Briefdesk"),
        ..Default::default()
    };
    eframe::run_native(
        "briefdesk",
        options,
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            let mut app = BriefdeskApp::new(state);
            app.screenshot = shot;
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window ({e}); on a machine without a display use a subcommand such as `briefdesk check FILE`"))?;
    if let Ok(mut r) = result.lock()
        && let Some(Err(e)) = r.take()
    {
        anyhow::bail!(e);
    }
    Ok(())
}
