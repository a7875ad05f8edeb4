//! The desktop app (feature `gui`): panels draw and push commands; the app
//! applies them once per frame ([`command`]), which is the only place the
//! document changes ([`document`]).
//!
//! Here: the layout of the window and the eframe hooks. `App::logic` does the
//! periodic work (polling the background checker, autosave, the screenshot
//! run); `App::ui` draws. The menus and shortcuts come from one list
//! ([`actions`]); every string from one table ([`i18n`]). This module and
//! everything below it may use egui and the core; the core never uses it.

mod actions;
mod command;
mod document;
mod files;
mod fonts;
mod help;
mod i18n;
mod panels;
mod recovery;
mod screenshot;
mod settings;
mod state;
mod view;
mod windows;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use command::{AppCmd, Command, Edit, FileCmd, Nav};
pub use document::{Document, EditKey};
pub use i18n::{Lang, T};
pub use panels::editor::{body_id, char_range as editor_char_range, title_id};
pub use recovery::DELAY as AUTOSAVE_DELAY;
pub use settings::{Settings, Theme};
pub use state::{SOURCES_LOOK_AGAIN, State};

/// Opens a file with the system's program for it (the browser for a page).
pub type Opener = Box<dyn Fn(&std::path::Path) -> Result<(), String>>;

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
    sources: panels::sources::SourcesPanel,
    compare: panels::compare::ComparePanel,
    right_tab: RightTab,
    import_report: panels::import_report::ImportReportWindow,
    prompt: Option<files::PathPrompt>,
    windows: windows::Windows,
    screenshot: Option<screenshot::Screenshot>,
    /// The user agreed to close with unsaved changes.
    allow_close: bool,
    /// A command waiting for 另存为 to finish (保存 in the unsaved-changes
    /// question, for a brief that has no file yet).
    after_save: Option<Command>,
    /// The window title last sent, to send it again only when it changes.
    title_sent: String,
    /// Whether the window had the keyboard focus at the last frame.
    focused: Option<bool>,
    /// Whether a frame has been drawn (the dictionaries load after the first).
    shown: bool,
    help: help::Help,
    /// A PDF export under way: where it goes, and its result when done.
    pdf: Option<(PathBuf, std::sync::mpsc::Receiver<Result<(), String>>)>,
    /// Opens a file in the system's browser (打印预览); tests put a recorder here.
    pub browser: Opener,
}

/// The tabs of the right-hand panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RightTab {
    Problems,
    Figures,
    Facts,
    Sources,
    /// Shown while a comparison with another version is open.
    Compare,
}

impl BriefdeskApp {
    /// The app over a state, with default settings and no autosave. Fonts are
    /// installed on the first frame.
    pub fn new(state: State) -> Self {
        BriefdeskApp {
            state,
            settings: Settings::default(),
            applied: None,
            autosave: recovery::Autosave::off(),
            outline: Default::default(),
            editor: Default::default(),
            find: Default::default(),
            status: Default::default(),
            problems: Default::default(),
            figures: Default::default(),
            facts: Default::default(),
            sources: Default::default(),
            compare: Default::default(),
            right_tab: RightTab::Problems,
            import_report: Default::default(),
            prompt: None,
            windows: Default::default(),
            screenshot: None,
            allow_close: false,
            after_save: None,
            title_sent: String::new(),
            focused: None,
            shown: false,
            help: Default::default(),
            pdf: None,
            browser: Box::new(|p| open::that_detached(p).map_err(|e| format!("{e}: {}", p.display()))),
        }
    }

    /// Waits up to `timeout` until the recovery file holds what was last sent
    /// to it (tests; the app itself never waits). False if it did not finish.
    pub fn wait_for_autosave(&self, timeout: Duration) -> bool {
        self.autosave.flush(timeout)
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

    /// One whole frame, as eframe runs it: the periodic work, then drawing
    /// into `ui` and applying the commands it produced (headless tests and benches).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.tick(&ctx);
        self.draw(ui);
    }

    /// The periodic work of a frame: take the background checker's results
    /// and write the recovery file when it is due.
    fn tick(&mut self, ctx: &egui::Context) {
        self.state.refresh();
        if self.state.checking() {
            // A large brief is being checked in the background: look again shortly.
            ctx.request_repaint_after(Duration::from_millis(15));
        }
        if !self.state.doc.brief().sources.is_empty() {
            // A source saved again in its own program is noticed without a keystroke here.
            ctx.request_repaint_after(state::SOURCES_LOOK_AGAIN);
        }
        self.compare.poll();
        if self.compare.running() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
        // Losing the focus (the user goes to another program) or a request to
        // close writes the recovery file at once.
        let (focused, closing) = ctx.input(|i| (i.viewport().focused, i.viewport().close_requested()));
        let left = focused == Some(false) && self.focused != Some(false);
        self.focused = focused;
        if let Some(e) = self.autosave.tick(&self.state.doc, Instant::now(), left || closing) {
            self.state.notice = Some(state::Notice::new(T::AutosaveFailed, e));
        }
        if let Some((path, rx)) = &self.pdf {
            match rx.try_recv() {
                Ok(result) => {
                    let errors = self.state.derived.errors;
                    self.state.notice = Some(match result {
                        Ok(()) => state::Notice::new(T::ExportedTo, path.display().to_string()).warn(errors),
                        Err(e) => state::Notice::new(T::ExportFailed, e),
                    });
                    self.pdf = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(100)),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.pdf = None,
            }
        }
        if self.state.doc.is_dirty() {
            // Wake up for the autosave even if the user stops touching anything.
            ctx.request_repaint_after(self.autosave.delay + Duration::from_millis(20));
        }
    }

    /// The find bar's match highlighted in the editor, if the bar is open.
    pub fn find_highlight(&self) -> Option<crate::model::Found> {
        self.find.highlight().cloned()
    }

    /// Whether a PDF export is still running (tests wait for it).
    pub fn exporting_pdf(&self) -> bool {
        self.pdf.is_some()
    }

    /// The window title: an unsaved mark, the file name (or the brief's
    /// title while it has no file), and the app's name.
    pub fn window_title(&self) -> String {
        let lang = self.settings.lang;
        let doc = &self.state.doc;
        let name = match &doc.path {
            Some(p) => p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()),
            None if !doc.brief().meta.title.is_empty() => doc.brief().meta.title.clone(),
            None => T::Untitled.get(lang).to_string(),
        };
        let mark = if doc.is_dirty() || doc.path.is_none() { "● " } else { "" };
        format!("{mark}{name} — {}", T::AppName.get(lang))
    }

    /// Draws the window and applies the commands of this frame.
    fn draw(&mut self, ui: &mut egui::Ui) {
        self.apply_settings(ui.ctx());
        let title = self.window_title();
        if title != self.title_sent {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
        let mut out = Vec::new();
        // Closing the window with unsaved work asks first.
        if ui.input(|i| i.viewport().close_requested()) && self.state.doc.is_dirty() && !self.allow_close {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
            out.push(AppCmd::Quit.into());
        }
        let lang = self.settings.lang;
        actions::pressed(ui, &mut out);
        self.dropped_files(ui, &mut out);
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus(ui, &mut out));
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status.ui(ui, &self.state, lang));
        // The side panels together never take more than half the width: the
        // editor keeps the other half at any window size (and all of it when
        // the 视图 menu hides them). Their widths are kept as shares of the
        // window, so a window made small and large again gets them back.
        let width = ui.available_width();
        if self.settings.show_outline {
            let range = 100.0..=(width * 0.22).max(100.0);
            let id = ui.scope_id().with("outline");
            let set = panel_width(ui.ctx(), id, self.settings.outline_share * width, &range);
            let r = egui::Panel::left("outline")
                .resizable(true)
                .size_range(range)
                .show(ui, |ui| self.outline.ui(ui, &self.state, lang, &mut out));
            if (r.response.rect.width() - set).abs() > 1.0 {
                self.settings.outline_share = r.response.rect.width() / width;
            }
        }
        if self.settings.show_checks {
            let range = 140.0..=(width * 0.27).max(140.0);
            let id = ui.scope_id().with("problems");
            let set = panel_width(ui.ctx(), id, self.settings.checks_share * width, &range);
            let r = egui::Panel::right("problems").resizable(true).size_range(range).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for (tab, t) in [
                        (RightTab::Problems, T::Problems),
                        (RightTab::Figures, T::Figures),
                        (RightTab::Facts, T::Facts),
                        (RightTab::Sources, T::Sources),
                    ] {
                        ui.selectable_value(&mut self.right_tab, tab, t.get(lang));
                    }
                    if self.compare.is_open() {
                        ui.selectable_value(&mut self.right_tab, RightTab::Compare, T::Compare.get(lang));
                    }
                });
                ui.separator();
                match self.right_tab {
                    RightTab::Problems => self.problems.ui(ui, &self.state, lang, &mut out),
                    RightTab::Figures => self.figures.ui(ui, &self.state, lang, &mut out),
                    RightTab::Facts => self.facts.ui(ui, &self.state, lang, &mut out),
                    RightTab::Sources => self.sources.ui(ui, &self.state, lang, &mut out),
                    RightTab::Compare => self.compare.ui(ui, &self.state, lang, &mut out),
                }
            });
            if (r.response.rect.width() - set).abs() > 1.0 {
                self.settings.checks_share = r.response.rect.width() / width;
            }
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            self.find.ui(ui, &self.state, lang, &mut out);
            self.editor.ui(ui, &self.state, lang, self.find.highlight(), &mut out);
        });
        let ctx = ui.ctx().clone();
        if let Some(prompt) = &mut self.prompt
            && !prompt.ui(&ctx, lang, &mut out)
        {
            // Cancelled: a command waiting for 另存为 (保存 in the unsaved-changes question) is dropped.
            if !out.iter().any(|c| matches!(c, Command::File(FileCmd::SaveAs(_)))) {
                self.after_save = None;
            }
            self.prompt = None;
        }
        self.import_report.ui(&ctx, &self.state, lang, &mut out);
        self.windows.ui(&ctx, &self.settings, &self.state, lang, &mut out);
        self.help.ui(&ctx, lang);
        for cmd in out {
            self.apply(&ctx, cmd);
        }
        // A small brief is checked at once, so the findings of this frame's edit show in the next.
        self.state.refresh();
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
            out.push(FileCmd::Open(path).into());
        }
    }

    fn menus(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let lang = self.settings.lang;
        ui.menu_button(T::MenuFile.get(lang), |ui| {
            actions::menu_entries(ui, actions::FILE_MENU_TOP, &self.state, &self.settings, lang, out);
            ui.add_enabled_ui(!self.settings.recent.is_empty(), |ui| {
                ui.menu_button(T::MenuRecent.get(lang), |ui| {
                    // The name, then its folder, so two briefs of one name are told apart.
                    for path in &self.settings.recent {
                        let name =
                            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
                        let folder = path.parent().map(|d| d.display().to_string()).unwrap_or_default();
                        let button = egui::Button::new(name).shortcut_text(folder);
                        if ui.add(button).on_hover_text(path.display().to_string()).clicked() {
                            out.push(FileCmd::Open(path.clone()).into());
                        }
                    }
                    ui.separator();
                    if ui.button(T::ClearRecent.get(lang)).clicked() {
                        out.push(AppCmd::ClearRecent.into());
                    }
                });
            });
            actions::menu_entries(ui, actions::FILE_MENU_REST, &self.state, &self.settings, lang, out);
        });
        ui.menu_button(T::MenuEdit.get(lang), |ui| {
            actions::menu_entries(ui, actions::EDIT_MENU, &self.state, &self.settings, lang, out);
        });
        ui.menu_button(T::MenuView.get(lang), |ui| {
            actions::menu_entries(ui, actions::VIEW_MENU, &self.state, &self.settings, lang, out);
            ui.label(T::Language.get(lang));
            for (choice, name) in [(Lang::Zh, "中文"), (Lang::En, "English")] {
                if ui.radio(lang == choice, name).clicked() {
                    out.push(AppCmd::SetLang(choice).into());
                }
            }
            ui.separator();
            actions::menu_entries(ui, &[Some(actions::Action::Settings)], &self.state, &self.settings, lang, out);
        });
        ui.menu_button(T::MenuHelp.get(lang), |ui| {
            actions::menu_entries(ui, actions::HELP_MENU, &self.state, &self.settings, lang, out);
        });
    }

    /// Applies theme, text size and font when they change.
    fn apply_settings(&mut self, ctx: &egui::Context) {
        if self.applied.as_ref() == Some(&self.settings) {
            return;
        }
        let font_changed = self.applied.as_ref().is_none_or(|a| a.font != self.settings.font);
        // Ctrl+= / Ctrl+- / Ctrl+0 size the text through the app's own actions.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
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
}

impl eframe::App for BriefdeskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // After the first frame, the dictionaries start loading and the first check
        // goes out (`words::defer_preload`); the next frame is asked for so that it
        // happens without input.
        if crate::checks::words::deferred() {
            if self.shown {
                crate::checks::words::preload();
            }
            ctx.request_repaint();
        }
        self.tick(ctx);
        let settled = self.state.settled();
        if let Some(shot) = &mut self.screenshot
            && shot.tick(ctx, settled)
        {
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        self.shown = true;
    }

    /// Panel widths, window positions and the like are not carried to the next
    /// run from egui's memory: the panels take their shares of the window
    /// (kept in [`Settings`]) at whatever size the window opens.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A recovery write under way is finished before the process ends.
        self.autosave.flush(Duration::from_secs(2));
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return; // a screenshot run must not overwrite the user's settings
        }
        eframe::set_value(storage, settings::KEY, &self.settings);
    }
}

/// Sets a side panel's width for this frame (clamped to its range) unless the
/// user is dragging it; returns the width set.
fn panel_width(ctx: &egui::Context, id: egui::Id, want: f32, range: &std::ops::RangeInclusive<f32>) -> f32 {
    let width = want.clamp(*range.start(), *range.end());
    let dragging = ctx.dragged_id().is_some() || ctx.input(|i| i.pointer.any_down());
    let current = egui::containers::panel::PanelState::load(ctx, id).map(|p| p.size().x);
    if dragging && current.is_some() {
        return current.unwrap_or(width);
    }
    let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, 1.0));
    ctx.data_mut(|d| d.insert_persisted(id, egui::containers::panel::PanelState { outer_rect: rect }));
    width
}

/// Opens the window on `file`, or on a new brief; the checks take today's date from `env`.
pub fn run(file: Option<PathBuf>, screenshot: Option<PathBuf>, env: crate::checks::Env) -> anyhow::Result<()> {
    // The segmenter's dictionaries and the list of divisions load, each on a thread of
    // its own, once the first frame is shown (see `logic`): the first frame neither waits
    // for them nor shares the CPU with their loading.
    crate::checks::words::defer_preload();
    let started = Instant::now();
    let state = match &file {
        Some(path) => {
            let loaded = crate::format::load(path, &crate::format::LoadOptions::default())?;
            // A brief opens as it is; a draft is imported as a new, unsaved brief.
            let doc = if loaded.kind.is_brief() {
                Document::new(loaded.brief, Some(path.clone()))
            } else {
                Document::unsaved(loaded.brief)
            };
            State::with_env(doc, env)
        }
        None => State::with_env(Document::new(Template::ResearchBrief.build(Taxonomy::default()), None), env),
    };
    let mut state = state;
    state.libreoffice = crate::export::pdf::libreoffice().is_some();
    let result = Arc::new(Mutex::new(None));
    let shot = screenshot.map(|out| screenshot::Screenshot::new(out, started, result.clone()));
    // The same icon as the desktop entry's.
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/linux/briefdesk.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1280.0, 800.0])
        .with_title("简报台 Briefdesk")
        .with_app_id("briefdesk")
        .with_drag_and_drop(true);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
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
