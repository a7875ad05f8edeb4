//! Panels, menus and shortcuts push commands; [`BriefdeskApp::apply`] applies
//! them once per frame, and is the only place that changes the app.
//!
//! Commands are grouped by what they touch: [`Edit`] the brief (through
//! [`Document::edit`](super::document::Document::edit), so every one is an
//! undo step), [`Nav`] the selection, [`FileCmd`] files, and [`AppCmd`] the
//! app's own state (settings, windows, the find bar).

use std::ops::Range;
use std::path::PathBuf;

use super::BriefdeskApp;
use super::document::{Document, EditKey};
use super::files::{FileAction, PathPrompt};
use super::i18n::{Lang, T};
use super::state::{ImportReport, Notice, State};
use crate::format::{FileKind, LoadOptions};
use crate::model::{FactEntry, Role, SectionId, Suppression, Taxonomy, Template};

#[derive(Debug, Clone)]
pub enum Command {
    Edit(Edit),
    Nav(Nav),
    File(FileCmd),
    App(AppCmd),
}

/// Changes to the brief. Each is one undo step (typing in one field coalesces).
#[derive(Debug, Clone)]
pub enum Edit {
    SetTitle(SectionId, String),
    SetBody(SectionId, String),
    SetBriefTitle(String),
    /// The brief's 文档信息: subtitle, 署名/发文单位 and 成文日期.
    SetMeta {
        subtitle: String,
        author: String,
        date: Option<chrono::NaiveDate>,
    },
    /// Adds a section after another (or at the end) and selects it.
    AddSection {
        after: Option<SectionId>,
        role: Role,
        title: String,
    },
    /// Adds a section as the last child of another and selects it.
    AddChild {
        parent: SectionId,
        role: Role,
        title: String,
    },
    /// Adds an aid mode under the section that holds the aid modes (主要做法),
    /// or after the selection when there is none; an aid mode the brief has
    /// already is selected instead, with a word.
    AddAidMode {
        after: Option<SectionId>,
        mode: String,
        title: String,
    },
    /// One level down (under the sibling before) or up (after the parent).
    Indent(SectionId),
    Outdent(SectionId),
    DeleteSection(SectionId),
    MoveSection(SectionId, isize),
    /// Moves a section before or after another (drag and drop in the outline).
    MoveNextTo {
        id: SectionId,
        target: SectionId,
        before: bool,
    },
    AddFact(FactEntry),
    SetFact(usize, FactEntry),
    RemoveFact(usize),
    /// Adds a source (a path with the fingerprint of its content) to the brief.
    AddSource(crate::model::SourceRef),
    RemoveSource(usize),
    /// Records a source's content as it is now: its new fingerprint.
    ConfirmSource(usize, String),
    /// Replaces a span of a body, if it still holds `expected` (a fix, or one find-and-replace).
    Replace {
        section: SectionId,
        field: crate::model::Field,
        span: Range<usize>,
        expected: String,
        with: String,
    },
    /// Replaces spans of several bodies, as one undo step, if each still holds
    /// what it held (a fix that reaches every section).
    ReplaceSpans(Vec<SpanEdit>),
    /// Replaces every occurrence in every title and body, as one undo step.
    ReplaceAll {
        find: String,
        with: String,
    },
    /// Stores a suppression in the brief.
    Ignore(Suppression),
    ClearSuppressions,
    Undo,
    Redo,
}

/// One replacement of [`Edit::ReplaceSpans`].
#[derive(Debug, Clone, PartialEq)]
pub struct SpanEdit {
    pub section: SectionId,
    pub span: Range<usize>,
    pub expected: String,
    pub with: String,
}

/// What is selected and shown.
#[derive(Debug, Clone)]
pub enum Nav {
    Select(SectionId),
    /// Selects a section and a byte span of its body in the editor.
    Reveal(SectionId, Range<usize>),
    /// Like Reveal, but leaves the keyboard focus where it is (find).
    ShowMatch(crate::model::Found),
}

/// Files: the open brief's, drafts, exports.
#[derive(Debug, Clone)]
pub enum FileCmd {
    Save,
    SaveAs(PathBuf),
    /// Opens a brief (.ron, .md) as it is, or imports a draft (.txt) as a new, unsaved brief.
    Open(PathBuf),
    /// Imports a file as a new, unsaved brief.
    Import(PathBuf),
    /// Imports the last imported file again, converted to Simplified characters.
    ImportSimplified,
    ExportMarkdown(PathBuf),
    /// HTML for print; `appendix` adds the figures ledger and the check
    /// report (for review, not for circulation).
    ExportHtml {
        path: PathBuf,
        appendix: bool,
    },
    /// Word, in the official-document layout; `appendix` as for HTML.
    ExportWord {
        path: PathBuf,
        appendix: bool,
    },
    /// PDF through the Word export and LibreOffice, on a thread of its own.
    ExportPdf(PathBuf),
    /// The check report (the findings as HTML), as `briefdesk check --format html` writes it.
    ExportReport(PathBuf),
    /// 打印预览: the print-ready page opened in the system browser, whose print dialog users know.
    PrintPreview,
    /// Word with each finding as a comment (批注): the Word `draft` itself,
    /// checked again and annotated with every character kept, or (None) the
    /// brief exported in the official layout.
    ExportAnnotated {
        path: PathBuf,
        draft: Option<PathBuf>,
    },
    /// A new, unsaved brief from a template.
    New(Template, Taxonomy),
    /// Adds a file to the brief's sources (来源), with its fingerprint now.
    AddSource(PathBuf),
    /// 与其他版本比较: the figures that changed from that file to this draft.
    Compare(PathBuf),
}

/// The app's own state: settings, windows, prompts, the find bar.
#[derive(Debug, Clone)]
pub enum AppCmd {
    /// Use this font file (None: the bundled font).
    SetFont(Option<PathBuf>),
    SetLang(Lang),
    ClearRecent,
    /// Run a command that drops unsaved work, after the user agreed.
    Discard(Box<Command>),
    /// Save, then run a command that would have dropped the unsaved work.
    SaveThen(Box<Command>),
    /// Close the window (asks first if there is unsaved work).
    Quit,
    /// Load the recovery file found at start.
    RestoreRecovery,
    /// Delete the recovery file found at start.
    DropRecovery,
    CloseImportReport,
    /// Ask for a path for a file action.
    Prompt(FileAction),
    ShowFind {
        replace: bool,
    },
    NewBriefWindow,
    SettingsWindow,
    /// 文档信息: the brief's subtitle, 署名 and 成文日期.
    DocInfoWindow,
    /// 帮助: 关于, 快捷键, 检查规则.
    Help(super::help::HelpPage),
    SetTheme(super::settings::Theme),
    SetTextSize(f32),
    /// Text size one step up (1), down (-1), or back to the default (0).
    Zoom(i8),
    TogglePanel(super::settings::Panel),
    /// Opens a file (a source) with the system's program for it.
    OpenExternal(PathBuf),
    /// Runs the comparison again on the draft as it is now.
    CompareAgain,
    CloseCompare,
}

macro_rules! into_command {
    ($($group:ident => $variant:ident),*) => {$(
        impl From<$group> for Command {
            fn from(c: $group) -> Command {
                Command::$variant(c)
            }
        }
    )*};
}
into_command!(Edit => Edit, Nav => Nav, FileCmd => File, AppCmd => App);

impl Command {
    /// Whether the command replaces the open brief (and so would drop unsaved work).
    pub fn replaces_document(&self) -> bool {
        matches!(
            self,
            Command::File(FileCmd::Open(_) | FileCmd::Import(_) | FileCmd::ImportSimplified | FileCmd::New(..))
                | Command::App(AppCmd::Quit)
        )
    }
}

impl BriefdeskApp {
    /// Applies one command. Commands that would replace unsaved work wait for the user's answer.
    pub(super) fn apply(&mut self, ctx: &egui::Context, cmd: Command) {
        // 转换为简体 right after an import replaces nothing the user did: no question.
        let untouched_import = matches!(cmd, Command::File(FileCmd::ImportSimplified))
            && self.state.imported_at == Some(self.state.doc.revision());
        if cmd.replaces_document() && self.state.doc.is_dirty() && !self.allow_close && !untouched_import {
            self.windows.guard = Some(cmd);
            return;
        }
        self.apply_now(ctx, cmd);
    }

    /// Applies a command without asking about unsaved work.
    fn apply_now(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::Edit(edit) => apply_edit(&mut self.state, edit),
            Command::Nav(nav) => apply_nav(&mut self.state, nav),
            Command::File(FileCmd::Save) if self.state.doc.path.is_none() => {
                // Ctrl+S on a new or imported brief: choose where, as Word does.
                self.apply_app(ctx, AppCmd::Prompt(FileAction::SaveAs));
            }
            Command::File(file) => {
                let save_as = matches!(file, FileCmd::SaveAs(_));
                self.apply_file(file);
                // The command that waited for this 另存为 runs only if the save succeeded;
                // either way it no longer waits.
                if save_as
                    && let Some(next) = self.after_save.take()
                    && !self.state.doc.is_dirty()
                {
                    self.apply_app(ctx, AppCmd::Discard(Box::new(next)));
                }
            }
            Command::App(app) => self.apply_app(ctx, app),
        }
    }

    fn apply_file(&mut self, cmd: FileCmd) {
        let before = self.state.doc.path.clone();
        let document = self.state.document_seq;
        let replaces = Command::File(cmd.clone()).replaces_document();
        let state = &mut self.state;
        match cmd {
            FileCmd::Save => match state.doc.path.clone() {
                Some(path) => save_to(state, path),
                None => state.notice = Some(Notice::new(T::SaveAsFirst, "")),
            },
            FileCmd::SaveAs(path) => save_to(state, path),
            FileCmd::Open(path) => open(state, path, false),
            FileCmd::Import(path) => open(state, path, true),
            FileCmd::ImportSimplified => {
                if let Some(path) = state.import_report.as_ref().map(|r| r.source.clone()) {
                    import(state, path, true);
                }
            }
            FileCmd::ExportMarkdown(path) => {
                let text = crate::format::to_markdown(state.doc.brief());
                export(state, &path, text.into_bytes());
            }
            FileCmd::ExportHtml { path, appendix } => {
                // The findings of the text as it is now, not of a check still catching up.
                let diags = appendix.then(|| crate::checks::check(state.doc.brief(), &state.env));
                let options = crate::export::HtmlOptions { appendix, diagnostics: diags.as_deref() };
                let text = crate::export::to_html(state.doc.brief(), options);
                export(state, &path, text.into_bytes());
            }
            FileCmd::ExportWord { path, appendix } => {
                let diags = appendix.then(|| crate::checks::check(state.doc.brief(), &state.env));
                let options = crate::export::WordOptions {
                    appendix,
                    diagnostics: diags.as_deref(),
                    now: Some(chrono::Utc::now()),
                    ..Default::default()
                };
                match crate::export::to_word(state.doc.brief(), &options) {
                    Ok(bytes) => export(state, &path, bytes),
                    Err(e) => state.notice = Some(Notice::new(T::ExportFailed, e)),
                }
            }
            FileCmd::ExportAnnotated { path, draft: Some(draft) } => {
                match crate::export::annotated_draft(&draft, &state.env, Some(chrono::Utc::now())) {
                    Ok(annotated) => export(state, &path, annotated.bytes),
                    Err(e) => state.notice = Some(Notice::new(T::ExportFailed, e.to_string())),
                }
            }
            FileCmd::ExportAnnotated { path, draft: None } => {
                let diags = crate::checks::check(state.doc.brief(), &state.env);
                let options = crate::export::WordOptions {
                    comments: true,
                    diagnostics: Some(&diags),
                    now: Some(chrono::Utc::now()),
                    ..Default::default()
                };
                match crate::export::to_word(state.doc.brief(), &options) {
                    Ok(bytes) => export(state, &path, bytes),
                    Err(e) => state.notice = Some(Notice::new(T::ExportFailed, e)),
                }
            }
            FileCmd::ExportReport(path) => {
                let diags = crate::checks::check(state.doc.brief(), &state.env);
                let text = crate::export::report_html(state.doc.brief(), &diags);
                export(state, &path, text.into_bytes());
            }
            FileCmd::ExportPdf(path) => self.export_pdf(path),
            FileCmd::PrintPreview => self.print_preview(),
            FileCmd::New(template, taxonomy) => state.replace(Document::new(template.build(taxonomy), None)),
            FileCmd::AddSource(path) => add_source(state, path),
            FileCmd::Compare(path) => {
                self.compare.start(path, state.doc.brief().clone(), state.doc.revision());
                self.right_tab = super::RightTab::Compare;
                self.settings.show_checks = true;
            }
        }
        if replaces {
            self.autosave.reset();
        }
        if self.state.document_seq != document {
            self.forget_pending();
        }
        if let Some(path) = &self.state.doc.path
            && before.as_ref() != Some(path)
        {
            self.settings.remember(path);
        }
    }

    fn apply_app(&mut self, ctx: &egui::Context, cmd: AppCmd) {
        match cmd {
            AppCmd::SetFont(path) => self.settings.font = path,
            AppCmd::SetLang(lang) => self.settings.lang = lang,
            AppCmd::SetTheme(theme) => self.settings.theme = theme,
            AppCmd::SetTextSize(size) => self.settings.set_text_size(size),
            AppCmd::DocInfoWindow => self.windows.open_doc_info(&self.state.doc.brief().meta),
            AppCmd::Help(page) => self.help.open(page),
            AppCmd::Zoom(step) => self.settings.zoom(step),
            AppCmd::TogglePanel(super::settings::Panel::Outline) => {
                self.settings.show_outline = !self.settings.show_outline
            }
            AppCmd::TogglePanel(super::settings::Panel::Checks) => {
                self.settings.show_checks = !self.settings.show_checks
            }
            AppCmd::ClearRecent => self.settings.recent.clear(),
            AppCmd::Discard(inner) => {
                self.autosave.discard(self.state.doc.path.as_deref());
                self.apply_now(ctx, *inner);
            }
            AppCmd::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AppCmd::SaveThen(inner) if self.state.doc.path.is_none() => {
                self.after_save = Some(*inner);
                self.apply_app(ctx, AppCmd::Prompt(FileAction::SaveAs));
            }
            AppCmd::SaveThen(inner) => {
                self.apply_file(FileCmd::Save);
                if !self.state.doc.is_dirty() {
                    self.apply_app(ctx, AppCmd::Discard(inner));
                }
            }
            AppCmd::RestoreRecovery => {
                if let Some(found) = self.windows.recovery.take() {
                    self.state.doc.edit(EditKey::Structure, |b| {
                        *b = found.brief;
                        true
                    });
                    self.state.keep_selection();
                }
            }
            AppCmd::DropRecovery => {
                if let Some(found) = self.windows.recovery.take() {
                    let _ = std::fs::remove_file(found.file);
                }
            }
            AppCmd::CloseImportReport => self.state.import_report = None,
            AppCmd::Prompt(action) => {
                let mut prompt = PathPrompt::new(action, self.suggest(action));
                prompt.current = self.state.doc.path.clone();
                if action == FileAction::ExportAnnotated {
                    let revision = self.state.doc.revision();
                    prompt.draft = word_draft(&self.state).map(|p| (p, self.state.imported_at != Some(revision)));
                }
                self.prompt = Some(prompt);
            }
            AppCmd::ShowFind { replace } => self.find.show(replace),
            AppCmd::NewBriefWindow => self.windows.open_new_brief(),
            AppCmd::SettingsWindow => self.windows.settings_open = true,
            AppCmd::OpenExternal(path) => {
                if let Err(e) = (self.browser)(&path) {
                    self.state.notice = Some(Notice::new(T::OpenFailed, e));
                }
            }
            AppCmd::CompareAgain => self.compare.again(self.state.doc.brief().clone(), self.state.doc.revision()),
            AppCmd::CloseCompare => {
                self.compare = Default::default();
                if self.right_tab == super::RightTab::Compare {
                    self.right_tab = super::RightTab::Problems;
                }
            }
        }
    }

    /// Another document is open: every prompt and question that waited on the
    /// last one closes, so none of them acts on the new one (a 另存为 path
    /// typed for the old brief must not save the new one there).
    fn forget_pending(&mut self) {
        self.prompt = None;
        self.after_save = None;
        self.windows.forget_pending();
        self.outline = Default::default();
        self.facts = Default::default();
        // A comparison belongs to the draft it was made for.
        self.compare = Default::default();
        if self.right_tab == super::RightTab::Compare {
            self.right_tab = super::RightTab::Problems;
        }
        self.problems.forget_current();
        self.find.forget_matches();
    }

    /// A path to offer for an action: beside the brief's file, with the
    /// action's extension; for a brief without a file, its title in the
    /// folder of the draft it was imported from, else the documents folder.
    fn suggest(&self, action: FileAction) -> String {
        let (ext, tail) = match action {
            FileAction::Open | FileAction::Import | FileAction::Font | FileAction::AddSource | FileAction::Compare => {
                return String::new();
            }
            FileAction::SaveAs => ("ron", ""),
            FileAction::ExportMarkdown => ("md", ""),
            FileAction::ExportHtml => ("html", ""),
            FileAction::ExportWord => ("docx", ""),
            FileAction::ExportAnnotated => ("docx", ""),
            FileAction::ExportPdf => ("pdf", ""),
            FileAction::ExportReport => ("html", T::ReportFileSuffix.get(self.settings.lang)),
        };
        // Comments on a Word draft: beside it, named after it.
        if action == FileAction::ExportAnnotated
            && let Some(draft) = word_draft(&self.state)
            && let Some(stem) = draft.file_stem()
        {
            let suffix = T::AnnotatedSuffix.get(self.settings.lang);
            return draft.with_file_name(format!("{}{suffix}.docx", stem.to_string_lossy())).display().to_string();
        }
        let (dir, stem) = match &self.state.doc.path {
            Some(p) => (
                p.parent().map(std::path::Path::to_path_buf).unwrap_or_default(),
                p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
            ),
            None => {
                let dir = self
                    .state
                    .origin
                    .as_ref()
                    .and_then(|p| p.parent())
                    .map(std::path::Path::to_path_buf)
                    .or_else(dirs::document_dir)
                    .or_else(dirs::home_dir)
                    .unwrap_or_default();
                let title = file_name_for(&self.state.doc.brief().meta.title);
                (dir, if title.is_empty() { T::DefaultFileName.get(self.settings.lang).to_string() } else { title })
            }
        };
        dir.join(format!("{stem}{tail}.{ext}")).display().to_string()
    }

    /// 导出 PDF: the Word export converted by LibreOffice on a thread of its own
    /// (it takes seconds); the status bar says when it is done.
    fn export_pdf(&mut self, path: PathBuf) {
        let brief = self.state.doc.brief().clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let target = path.clone();
        let spawned = std::thread::Builder::new().name("pdf".into()).spawn(move || {
            let _ = tx.send(crate::export::pdf::write_pdf(&brief, &target));
        });
        self.state.notice = Some(match spawned {
            Ok(_) => {
                self.pdf = Some((path.clone(), rx));
                Notice::new(T::ExportingPdf, path.display().to_string())
            }
            Err(e) => Notice::new(T::ExportFailed, e.to_string()),
        });
    }

    /// 打印预览: the print-ready page, written to a temporary file, opened in the system browser.
    fn print_preview(&mut self) {
        let brief = self.state.doc.brief();
        let html = crate::export::to_html(brief, crate::export::HtmlOptions::default());
        let dir = std::env::temp_dir().join(format!("briefdesk-preview-{}", std::process::id()));
        let name = match file_name_for(&brief.meta.title) {
            t if t.is_empty() => T::DefaultFileName.get(self.settings.lang).to_string(),
            t => t,
        };
        let file = dir.join(format!("{name}.html"));
        let shown = std::fs::create_dir_all(&dir)
            .map_err(|e| format!("{e}: {}", dir.display()))
            .and_then(|()| crate::store::write_atomic(&file, html.as_bytes(), false).map_err(|e| e.to_string()))
            .and_then(|()| (self.browser)(&file));
        self.state.notice = Some(match shown {
            Ok(()) => Notice::new(T::PreviewOpened, file.display().to_string()),
            Err(e) => Notice::new(T::PreviewFailed, e),
        });
    }
}

/// A file name from a brief's title: characters no file system takes
/// replaced, cut to 60 characters.
pub fn file_name_for(title: &str) -> String {
    let name: String = title
        .trim()
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .take(60)
        .collect();
    name.trim_matches(['.', ' ']).to_string()
}

/// The undo key of an edit: typing in one field coalesces, everything else is its own step.
/// 添加来源: the file, with the fingerprint of its content now. A file that
/// cannot be read is not added, and the status bar says why; one listed
/// already is said so.
fn add_source(state: &mut State, path: PathBuf) {
    if state.doc.brief().sources.iter().any(|s| s.path == path) {
        state.notice = Some(Notice::new(T::SourceListed, path.display().to_string()));
        return;
    }
    if let Err(e) = FileKind::of(&path) {
        state.notice = Some(Notice::new(T::SourceUnreadable, e.to_string()));
        return;
    }
    match crate::sources::reference(&path) {
        Ok(source) => {
            apply_edit(state, Edit::AddSource(source));
            state.notice = Some(Notice::new(T::SourceAdded, path.display().to_string()));
        }
        Err(e) => state.notice = Some(Notice::new(T::SourceUnreadable, e.to_string())),
    }
}

fn edit_key(edit: &Edit) -> EditKey {
    match edit {
        Edit::SetTitle(id, _) => EditKey::Title(*id),
        Edit::SetBody(id, _) => EditKey::Body(*id),
        Edit::SetBriefTitle(_) => EditKey::BriefTitle,
        Edit::SetMeta { .. } => EditKey::Structure,
        Edit::SetFact(i, _) => EditKey::Fact(*i),
        _ => EditKey::Structure,
    }
}

fn apply_edit(state: &mut State, edit: Edit) {
    let key = edit_key(&edit);
    let doc = &mut state.doc;
    match edit {
        Edit::Undo => {
            let before: std::collections::HashSet<SectionId> = doc.brief().walk().map(|(s, _)| s.id).collect();
            if doc.undo() {
                // A section the undo brought back (a deletion undone) is selected.
                let back = doc.brief().walk().map(|(s, _)| s.id).find(|id| !before.contains(id));
                match back {
                    Some(id) => state.selected = Some(id),
                    None => state.keep_selection(),
                }
            }
        }
        Edit::Redo => {
            if doc.redo() {
                state.keep_selection();
            }
        }
        Edit::SetTitle(id, title) => {
            doc.edit(key, |b| b.section_mut(id).map(|s| s.title = title).is_some());
        }
        Edit::SetBody(id, body) => {
            // The one limit on size: a paste that would take the brief past it is
            // not made, and the notice says so (the clipboard still holds the text).
            // Bytes bound characters from above, and the sum of lengths is cheap: the
            // characters are counted only for a brief whose bytes pass the limit.
            let brief = doc.brief();
            let old = brief.section(id).map_or("", |s| s.body.as_str());
            let bytes: usize =
                brief.meta.title.len() + brief.walk().map(|(s, _)| s.title.len() + s.body.len()).sum::<usize>();
            let over = bytes - old.len() + body.len() > crate::model::MAX_CHARS;
            let after = if over { brief.text_chars() - old.chars().count() + body.chars().count() } else { 0 };
            if after > crate::model::MAX_CHARS {
                let detail = format!("{after} / {}", crate::model::MAX_CHARS);
                state.notice = Some(Notice::new(T::TooManyChars, detail));
                return;
            }
            doc.edit(key, |b| b.section_mut(id).map(|s| s.body = body).is_some());
        }
        Edit::SetBriefTitle(title) => {
            doc.edit(key, |b| {
                b.meta.title = title;
                true
            });
        }
        Edit::SetMeta { subtitle, author, date } => {
            doc.edit(key, |b| {
                let changed = b.meta.subtitle != subtitle || b.meta.author != author || b.meta.date != date;
                b.meta.subtitle = subtitle;
                b.meta.author = author;
                b.meta.date = date;
                changed
            });
        }
        Edit::AddSection { after, role, title } => {
            let mut added = None;
            doc.edit(key, |b| {
                let section = b.new_section(role, title, "");
                added = Some((section.id, section.title.len()));
                b.insert_after(after, section);
                true
            });
            // The new section takes the keyboard: its title, selected, so typing names it.
            if let Some((id, len)) = added {
                state.reveal_in(id, crate::model::Field::Title, 0..len, true);
            }
        }
        Edit::AddChild { parent, role, title } => {
            let mut added = None;
            doc.edit(key, |b| {
                let section = b.new_section(role, title, "");
                added = Some((section.id, section.title.len()));
                b.add_child(parent, section)
            });
            if let Some((id, len)) = added {
                state.reveal_in(id, crate::model::Field::Title, 0..len, true);
            }
        }
        Edit::AddAidMode { after, mode, title } => {
            let brief = doc.brief();
            if let Some((s, _)) = brief.walk().find(|(s, _)| s.role == Role::AidMode(mode.clone())) {
                state.selected = Some(s.id);
                state.notice = Some(Notice::new(T::AidModeExists, title));
                return;
            }
            let measures = brief.walk().find(|(s, _)| s.role == Role::Measures).map(|(s, _)| s.id);
            let mut added = None;
            doc.edit(key, |b| {
                let section = b.new_section(Role::AidMode(mode), title, "");
                added = Some(section.id);
                match measures {
                    Some(parent) => b.add_child(parent, section),
                    None => {
                        b.insert_after(after, section);
                        true
                    }
                }
            });
            state.selected = added;
        }
        Edit::Indent(id) => {
            if !doc.edit(key, |b| b.indent(id)) {
                state.notice = Some(Notice::new(T::CannotIndent, ""));
            }
        }
        Edit::Outdent(id) => {
            if !doc.edit(key, |b| b.outdent(id)) {
                state.notice = Some(Notice::new(T::CannotOutdent, ""));
            }
        }
        Edit::DeleteSection(id) => {
            if doc.edit(key, |b| b.remove_section(id).is_some()) {
                state.keep_selection();
            }
        }
        Edit::MoveSection(id, delta) => {
            if !doc.edit(key, |b| b.move_section(id, delta)) {
                // The first or last of its level: say so rather than do nothing.
                let t = if delta < 0 { T::AlreadyFirst } else { T::AlreadyLast };
                state.notice = Some(Notice::new(t, ""));
            }
        }
        Edit::MoveNextTo { id, target, before } => {
            doc.edit(key, |b| b.move_next_to(id, target, before));
        }
        Edit::AddFact(fact) => {
            doc.edit(key, |b| {
                b.facts.push(fact);
                true
            });
        }
        Edit::SetFact(i, fact) => {
            doc.edit(key, |b| b.facts.get_mut(i).map(|slot| *slot = fact).is_some());
        }
        Edit::RemoveFact(i) => {
            doc.edit(key, |b| (i < b.facts.len()).then(|| b.facts.remove(i)).is_some());
        }
        Edit::AddSource(source) => {
            doc.edit(key, |b| {
                let new = !b.sources.iter().any(|s| s.path == source.path);
                if new {
                    b.sources.push(source);
                }
                new
            });
        }
        Edit::RemoveSource(i) => {
            doc.edit(key, |b| (i < b.sources.len()).then(|| b.sources.remove(i)).is_some());
        }
        Edit::ConfirmSource(i, fingerprint) => {
            doc.edit(key, |b| b.sources.get_mut(i).map(|s| s.fingerprint = fingerprint).is_some());
        }
        Edit::Replace { section, field, span, expected, with } => {
            let replaced = doc.edit(key, |b| {
                b.section_mut(section).is_some_and(|s| {
                    let text = match field {
                        crate::model::Field::Title => &mut s.title,
                        crate::model::Field::Body => &mut s.body,
                    };
                    if text.get(span.clone()) != Some(expected.as_str()) {
                        return false;
                    }
                    text.replace_range(span.clone(), &with);
                    true
                })
            });
            if replaced {
                state.reveal_in(section, field, span.start..span.start + with.len(), false);
            } else {
                state.notice = Some(Notice::new(T::NotReplaced, ""));
            }
        }
        Edit::ReplaceSpans(mut edits) => {
            // Later spans first, so earlier offsets stay true.
            edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
            let replaced = doc.edit(key, |b| {
                let holds = edits.iter().all(|e| {
                    b.section(e.section).and_then(|s| s.body.get(e.span.clone())) == Some(e.expected.as_str())
                });
                if !holds {
                    return false;
                }
                for e in &edits {
                    if let Some(s) = b.section_mut(e.section) {
                        s.body.replace_range(e.span.clone(), &e.with);
                    }
                }
                true
            });
            if !replaced {
                state.notice = Some(Notice::new(T::NotReplaced, ""));
            }
        }
        Edit::ReplaceAll { find, with } => {
            let mut n = 0;
            doc.edit(key, |b| {
                n = b.replace_all(&find, &with);
                n > 0
            });
            state.notice = Some(Notice::new(T::ReplacedCount, n.to_string()));
        }
        Edit::Ignore(suppression) => {
            doc.edit(key, |b| {
                let new = !b.checks.suppressed.contains(&suppression);
                if new {
                    b.checks.suppressed.push(suppression);
                }
                new
            });
        }
        Edit::ClearSuppressions => {
            doc.edit(key, |b| {
                let any = !b.checks.suppressed.is_empty();
                b.checks.suppressed.clear();
                any
            });
        }
    }
}

fn apply_nav(state: &mut State, nav: Nav) {
    match nav {
        Nav::Select(id) => state.selected = Some(id),
        Nav::Reveal(id, span) => state.reveal(id, span, true),
        Nav::ShowMatch(found) => state.reveal_in(found.section, found.field, found.span, false),
    }
}

/// The Word draft (.docx, .doc, .wps) the brief was imported from, if it was:
/// 带批注的 Word 文档 can comment the draft itself.
fn word_draft(state: &State) -> Option<PathBuf> {
    state.origin.clone().filter(|p| matches!(FileKind::of(p), Ok(FileKind::Docx | FileKind::LegacyWord)))
}

/// Opens a file: a brief as it is; a draft (or anything with `as_draft`) as a new, unsaved brief.
fn open(state: &mut State, path: PathBuf, as_draft: bool) {
    match FileKind::of(&path) {
        Ok(kind) if kind.is_brief() && !as_draft => match crate::format::load_brief(&path) {
            Ok(brief) => state.replace(Document::new(brief, Some(path))),
            Err(e) => state.notice = Some(Notice::new(T::OpenFailed, e.to_string())),
        },
        Ok(_) => import(state, path, false),
        Err(e) => state.notice = Some(Notice::new(T::OpenFailed, e.to_string())),
    }
}

/// Imports a file as a new brief; what the import took out is shown to the user.
fn import(state: &mut State, path: PathBuf, to_simplified: bool) {
    let options = LoadOptions { taxonomy: state.doc.brief().taxonomy.clone(), to_simplified };
    match crate::format::load(&path, &options) {
        Ok(loaded) => {
            state.replace(Document::unsaved(loaded.brief));
            state.origin = Some(path.clone());
            state.imported_at = Some(state.doc.revision());
            state.import_report = Some(ImportReport { source: path, report: loaded.report });
        }
        Err(e) => state.notice = Some(Notice::new(T::OpenFailed, e.to_string())),
    }
}

/// Writes an export; the status bar says where, and warns when the brief still has errors.
fn export(state: &mut State, path: &std::path::Path, bytes: Vec<u8>) {
    let errors = state.derived.errors;
    state.notice = Some(match crate::store::write_atomic(path, &bytes, false) {
        Ok(()) if errors > 0 => Notice::new(T::ExportedTo, path.display().to_string()).warn(errors),
        Ok(()) => Notice::new(T::ExportedTo, path.display().to_string()),
        Err(e) => Notice::new(T::ExportFailed, e.to_string()),
    });
}

/// Saves to `path`: the brief's own file, or a file the user agreed to
/// replace, is replaced; any other is created new, so a file that appeared
/// meanwhile is never overwritten unasked.
fn save_to(state: &mut State, path: PathBuf) {
    let own = state.doc.path.as_ref() == Some(&path);
    let there = std::fs::symlink_metadata(&path).is_ok();
    let saved = if own || there {
        crate::format::save(&path, state.doc.brief())
    } else {
        crate::format::save_new(&path, state.doc.brief())
    };
    match saved {
        Ok(()) => {
            state.notice = Some(Notice::new(T::SavedTo, path.display().to_string()));
            state.doc.mark_saved(path);
        }
        Err(e) => state.notice = Some(Notice::new(T::SaveFailed, e.to_string())),
    }
}
