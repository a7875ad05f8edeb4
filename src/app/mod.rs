//! The desktop app (feature `gui`): panels draw and push commands; the app
//! applies them once per frame.

mod command;
mod files;
mod fonts;
mod i18n;
mod panels;
mod recovery;
mod settings;
mod state;
mod windows;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use command::Command;
pub use i18n::{Lang, T};
pub use panels::editor::{body_id, char_range as editor_char_range};
pub use settings::{Settings, Theme};
pub use state::State;

/// A small window of the app: centred, not collapsible, fixed size.
pub(crate) fn dialog<'a>(title: &'a str, id: &str, ctx: &egui::Context) -> egui::Window<'a> {
    egui::Window::new(title)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .id(egui::Id::unique(id))
        .collapsible(false)
        .resizable(false)
}

/// Installs the bundled Chinese font (and the system fallback) in a context.
pub fn install_fonts(ctx: &egui::Context) {
    fonts::install(ctx, None);
}

use crate::model::{Taxonomy, Template};

/// The app: state, panels and the commands of this frame.
pub struct BriefdeskApp {
    pub state: State,
    pub settings: Settings,
    /// The settings last applied to the context (style and font), to apply changes once.
    applied: Option<Settings>,
    autosave: recovery::Autosave,
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
    windows: windows::Windows,
    pending: Vec<Command>,
    screenshot: Option<Screenshot>,
    /// When the process started, for the start-up figure of `--screenshot`.
    started: Option<Instant>,
    /// The user agreed to close with unsaved changes.
    allow_close: bool,
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
    /// The app over a state, with default settings and no autosave. Fonts are
    /// installed on the first frame.
    pub fn new(state: State) -> Self {
        BriefdeskApp {
            state,
            settings: Settings::default(),
            applied: None,
            autosave: recovery::Autosave::new(None, recovery::DELAY),
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
            windows: Default::default(),
            pending: Vec::new(),
            screenshot: None,
            started: None,
            allow_close: false,
        }
    }

    /// Turns on autosave: untitled briefs go to `dir`; a brief with a file
    /// gets a recovery file beside it. Offers to restore a recovery file left
    /// by an earlier run.
    pub fn with_autosave(mut self, dir: Option<PathBuf>, delay: Duration) -> Self {
        self.autosave = recovery::Autosave::new(dir, delay);
        if let Some(file) = self.autosave.file_for(self.state.doc.path.as_deref()) {
            match recovery::find(&file) {
                Some(Ok(found)) => self.windows.recovery = Some(found),
                Some(Err(e)) => self.state.notice = Some(state::Notice::new(T::RecoveryUnreadable, e)),
                None => {}
            }
        }
        self
    }

    /// Takes the settings kept by an earlier run (defaults if there are none or they cannot be read).
    pub fn load_settings(&mut self, storage: &dyn eframe::Storage) {
        self.settings = eframe::get_value(storage, settings::KEY).unwrap_or_default();
    }

    /// Draws one frame into `ui` and applies the commands it produced.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.apply_settings(ui.ctx());
        // Closing the window with unsaved work asks first.
        if ui.input(|i| i.viewport().close_requested()) && self.state.doc.is_dirty() && !self.allow_close {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.windows.guard = Some(Command::Quit);
        }
        let lang = self.settings.lang;
        let mut out = std::mem::take(&mut self.pending);
        self.shortcuts(ui, &mut out);
        self.dropped_files(ui, &mut out);
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus(ui, &mut out));
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status.ui(ui, &self.state, lang));
        egui::Panel::left("outline")
            .resizable(true)
            .default_size(270.0)
            .show(ui, |ui| self.outline.ui(ui, &self.state, lang, &mut out));
        egui::Panel::right("problems").resizable(true).default_size(360.0).show(ui, |ui| {
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
        self.windows.ui(&ctx, &mut self.settings, &self.state, lang, &mut out);
        if self.outline.new_brief_requested() {
            self.windows.open_new_brief();
        }
        for cmd in out {
            self.apply(&ctx, cmd);
        }
        self.state.refresh();
        if self.state.checking() {
            // A large brief is being checked in the background: look again shortly.
            ctx.request_repaint_after(Duration::from_millis(15));
        }
        if let Some(e) = self.autosave.tick(&self.state.doc, Instant::now()) {
            self.state.notice = Some(state::Notice::new(T::AutosaveFailed, e));
        }
        if self.state.doc.is_dirty() {
            // Wake up for the autosave even if the user stops touching anything.
            ctx.request_repaint_after(self.autosave.delay + Duration::from_millis(100));
        }
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        use egui::{Key, Modifiers};
        let pressed = |mods, key| ui.input_mut(|i| i.consume_key(mods, key));
        if pressed(Modifiers::COMMAND, Key::S) {
            out.push(Command::Save);
        }
        if pressed(Modifiers::COMMAND, Key::F) {
            self.find.show(false);
        }
        if pressed(Modifiers::COMMAND, Key::H) {
            self.find.show(true);
        }
        if pressed(Modifiers::COMMAND, Key::N) {
            self.windows.open_new_brief();
        }
        if pressed(Modifiers::COMMAND, Key::O) {
            self.prompt = Some(files::PathPrompt::new(files::FileAction::Open, String::new()));
        }
        // Redo first: Ctrl+Shift+Z also matches a plain Ctrl+Z check.
        if pressed(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z) {
            out.push(Command::Redo);
        } else if pressed(Modifiers::COMMAND, Key::Z) {
            out.push(Command::Undo);
        }
    }

    /// A file dropped onto the window: a brief opens, a draft is imported.
    fn dropped_files(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let (hovering, dropped) = ui.input(|i| {
            (
                !i.raw.hovered_files.is_empty(),
                i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).find(|p| !p.as_os_str().is_empty()),
            )
        });
        if hovering {
            let painter = ui.ctx().layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop")));
            let rect = ui.ctx().content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(150));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                T::DropHint.get(self.settings.lang),
                egui::TextStyle::Heading.resolve(ui.style()),
                egui::Color32::WHITE,
            );
        }
        if let Some(path) = dropped {
            out.push(command::open_or_import(path));
        }
    }

    fn menus(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let lang = self.settings.lang;
        ui.menu_button(T::MenuFile.get(lang), |ui| {
            let mut chosen = None;
            if ui.add(egui::Button::new(T::MenuNew.get(lang)).shortcut_text("Ctrl+N")).clicked() {
                self.windows.open_new_brief();
            }
            if ui.add(egui::Button::new(T::MenuOpen.get(lang)).shortcut_text("Ctrl+O")).clicked() {
                chosen = Some(files::FileAction::Open);
            }
            ui.add_enabled_ui(!self.settings.recent.is_empty(), |ui| {
                ui.menu_button(T::MenuRecent.get(lang), |ui| {
                    for path in self.settings.recent.clone() {
                        let name =
                            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
                        if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                            out.push(command::open_or_import(path));
                        }
                    }
                    ui.separator();
                    if ui.button(T::ClearRecent.get(lang)).clicked() {
                        self.settings.recent.clear();
                    }
                });
            });
            if ui.button(T::MenuImport.get(lang)).clicked() {
                chosen = Some(files::FileAction::Import);
            }
            ui.separator();
            if ui.add(egui::Button::new(T::MenuSave.get(lang)).shortcut_text("Ctrl+S")).clicked() {
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
            ui.separator();
            if ui.button(T::MenuQuit.get(lang)).clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
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
            ui.radio_value(&mut self.settings.lang, Lang::Zh, "中文");
            ui.radio_value(&mut self.settings.lang, Lang::En, "English");
            ui.separator();
            if ui.button(T::MenuSettings.get(lang)).clicked() {
                self.windows.settings_open = true;
            }
        });
    }

    /// Applies one command. Commands that would replace unsaved work wait for
    /// the user's answer; font changes belong to the app, not the document.
    fn apply(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::SetFont(path) => {
                self.settings.font = path;
            }
            Command::Discard(inner) => {
                self.autosave.discard(self.state.doc.path.as_deref());
                match *inner {
                    Command::Quit => {
                        self.allow_close = true;
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                    other => self.apply_now(other),
                }
            }
            Command::Quit => {
                if self.state.doc.is_dirty() && !self.allow_close {
                    self.windows.guard = Some(Command::Quit);
                } else {
                    self.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::SaveThen(inner) => {
                self.apply_now(Command::Save);
                if !self.state.doc.is_dirty() {
                    self.apply(ctx, Command::Discard(inner));
                }
            }
            Command::RestoreRecovery => {
                if let Some(found) = self.windows.recovery.take() {
                    self.state.history.before_edit(&self.state.doc.brief, state::EditKey::Structure, Instant::now());
                    self.state.doc.brief = found.brief;
                    self.state.doc.revision += 1;
                    if self.state.selected.is_none_or(|id| self.state.doc.brief.section(id).is_none()) {
                        self.state.selected = self.state.doc.brief.walk().next().map(|(s, _)| s.id);
                    }
                }
            }
            Command::DropRecovery => {
                if let Some(found) = self.windows.recovery.take() {
                    let _ = std::fs::remove_file(found.file);
                }
            }
            cmd if cmd.replaces_document() && self.state.doc.is_dirty() => self.windows.guard = Some(cmd),
            cmd => self.apply_now(cmd),
        }
    }

    fn apply_now(&mut self, cmd: Command) {
        let before = self.state.doc.path.clone();
        let replaces = cmd.replaces_document();
        command::apply(&mut self.state, cmd);
        if replaces {
            self.autosave.reset();
        }
        if let Some(path) = &self.state.doc.path
            && before.as_ref() != Some(path)
        {
            self.settings.remember(path);
        }
    }

    /// Applies theme, text size and font when they change.
    fn apply_settings(&mut self, ctx: &egui::Context) {
        if self.applied.as_ref() == Some(&self.settings) {
            return;
        }
        let font_changed = self.applied.as_ref().is_none_or(|a| a.font != self.settings.font);
        self.settings.apply_style(ctx);
        if font_changed {
            let user = self.settings.font.as_deref().map(settings::read_font);
            match user {
                Some(Ok(bytes)) => fonts::install(ctx, Some(bytes)),
                Some(Err(e)) => {
                    // Back to the bundled font, and forget the file: it would fail again at every start.
                    fonts::install(ctx, None);
                    self.settings.font = None;
                    self.state.notice = Some(state::Notice::new(T::FontFailed, e.to_string()));
                }
                None => fonts::install(ctx, None),
            }
        }
        self.applied = Some(self.settings.clone());
    }

    /// A path to offer for an action: beside the current file, with the action's extension.
    fn suggest(&self, action: files::FileAction) -> String {
        let ext = match action {
            files::FileAction::Open | files::FileAction::Import | files::FileAction::Font => return String::new(),
            files::FileAction::SaveAs => "ron",
            files::FileAction::ExportMarkdown => "md",
            files::FileAction::ExportHtml => "html",
        };
        match &self.state.doc.path {
            Some(p) => p.with_extension(ext).display().to_string(),
            None => format!("{}.{ext}", T::DefaultFileName.get(self.settings.lang)),
        }
    }
}

impl eframe::App for BriefdeskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let Some(shot) = &mut self.screenshot else {
            return;
        };
        shot.frames += 1;
        if shot.frames == 1
            && let Some(started) = self.started
        {
            // The Unix time too, so that a script can measure from before the process started.
            let unix = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            eprintln!(
                "first frame {:.0} ms after start (unix time {:.3} s)",
                started.elapsed().as_secs_f64() * 1000.0,
                unix.as_secs_f64()
            );
        }
        if shot.frames == 3 {
            let out = shot.out.clone();
            let result = shot.result.clone();
            ctx.request_screenshot(move |image| {
                let saved = save_png(&image, &out);
                if let Some(rss) = resident_mb() {
                    eprintln!("resident memory {rss:.0} MB");
                }
                if let Ok(mut r) = result.lock() {
                    *r = Some(saved);
                }
            });
        }
        let done = shot.result.lock().map(|r| r.is_some()).unwrap_or(true);
        if done {
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return; // a screenshot run must not overwrite the user's settings
        }
        eframe::set_value(storage, settings::KEY, &self.settings);
    }
}

/// Resident memory of this process, from /proc (Linux only).
fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn save_png(image: &egui::ColorImage, out: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or("the screenshot has a wrong size")?;
    buffer.save(out).map_err(|e| format!("cannot write the screenshot ({e}): {}", out.display()))
}

/// Opens the window on `file`, or on a new brief.
pub fn run(file: Option<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    let started = Instant::now();
    let state = match &file {
        Some(path) => State::new(crate::import::load_path(path)?, Some(path.clone())),
        None => State::new(Template::ResearchBrief.build(Taxonomy::default()), None),
    };
    let result = Arc::new(Mutex::new(None));
    let shot = screenshot.map(|out| Screenshot { out, frames: 0, result: result.clone() });
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title("简报台 Briefdesk")
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "briefdesk",
        options,
        Box::new(move |cc| {
            let screenshot_mode = shot.is_some();
            let mut app = BriefdeskApp::new(state);
            // Screenshots show the defaults, whatever this machine's user chose.
            if !screenshot_mode && let Some(storage) = cc.storage {
                app.load_settings(storage);
            }
            if !screenshot_mode {
                app = app.with_autosave(eframe::storage_dir("briefdesk"), recovery::DELAY);
            }
            app.apply_settings(&cc.egui_ctx);
            app.screenshot = shot;
            app.started = Some(started);
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
