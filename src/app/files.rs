//! Choosing a file. A small window always lets the user type a path; its
//! 浏览… button opens the system dialog on another thread (rfd's dialogs block
//! the thread that opens them, and may not open at all without a desktop
//! portal), so the window never freezes and a failed dialog is no dead end.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::command::{AppCmd, Command, FileCmd};
use super::i18n::{Lang, T};

/// What the chosen path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    Open,
    Import,
    SaveAs,
    ExportMarkdown,
    ExportHtml,
    ExportWord,
    ExportPdf,
    /// The check report of the 问题 panel.
    ExportReport,
    /// Word with the findings as comments: on the Word draft the brief was
    /// imported from, or an export of the brief.
    ExportAnnotated,
    /// A font file for Settings.
    Font,
    /// A file for the brief's sources (来源).
    AddSource,
    /// Another version of the draft to compare with (与其他版本比较).
    Compare,
}

impl FileAction {
    fn title(self) -> T {
        match self {
            FileAction::Open => T::MenuOpen,
            FileAction::Import => T::MenuImport,
            FileAction::SaveAs => T::MenuSaveAs,
            FileAction::ExportMarkdown => T::MenuExportMd,
            FileAction::ExportHtml => T::MenuExportHtml,
            FileAction::ExportWord => T::MenuExportWord,
            FileAction::ExportPdf => T::MenuExportPdf,
            FileAction::ExportReport => T::ExportReport,
            FileAction::ExportAnnotated => T::MenuExportAnnotated,
            FileAction::Font => T::ChooseFont,
            FileAction::AddSource => T::MenuAddSource,
            FileAction::Compare => T::MenuCompare,
        }
    }

    fn saves(self) -> bool {
        matches!(
            self,
            FileAction::SaveAs
                | FileAction::ExportMarkdown
                | FileAction::ExportHtml
                | FileAction::ExportWord
                | FileAction::ExportPdf
                | FileAction::ExportReport
                | FileAction::ExportAnnotated
        )
    }

    fn filter(self, lang: Lang) -> (&'static str, &'static [&'static str]) {
        match self {
            FileAction::Open => {
                (T::FilterBrief.get(lang), &["ron", "md", "txt", "docx", "doc", "wps", "pdf", "html", "htm"])
            }
            FileAction::Import => {
                (T::FilterDraft.get(lang), &["txt", "md", "docx", "doc", "wps", "pdf", "html", "htm"])
            }
            FileAction::AddSource => {
                (T::FilterSource.get(lang), &["pdf", "docx", "doc", "wps", "txt", "md", "html", "htm"])
            }
            FileAction::Compare => {
                (T::FilterBrief.get(lang), &["ron", "md", "txt", "docx", "doc", "wps", "pdf", "html", "htm"])
            }
            FileAction::SaveAs => (T::FilterBrief.get(lang), &["ron"]),
            FileAction::ExportMarkdown => ("Markdown", &["md"]),
            FileAction::ExportHtml => ("HTML", &["html"]),
            FileAction::ExportWord | FileAction::ExportAnnotated => ("Word", &["docx"]),
            FileAction::ExportPdf => ("PDF", &["pdf"]),
            FileAction::ExportReport => ("HTML", &["html"]),
            FileAction::Font => (T::FilterFont.get(lang), &["otf", "ttf", "ttc", "otc"]),
        }
    }

    fn command(self, path: PathBuf, appendix: bool, draft: Option<PathBuf>) -> Command {
        match self {
            FileAction::Open => FileCmd::Open(path).into(),
            FileAction::Import => FileCmd::Import(path).into(),
            FileAction::SaveAs => FileCmd::SaveAs(path).into(),
            FileAction::ExportMarkdown => FileCmd::ExportMarkdown(path).into(),
            FileAction::ExportHtml => FileCmd::ExportHtml { path, appendix }.into(),
            FileAction::ExportWord => FileCmd::ExportWord { path, appendix }.into(),
            FileAction::ExportPdf => FileCmd::ExportPdf(path).into(),
            FileAction::ExportReport => FileCmd::ExportReport(path).into(),
            FileAction::ExportAnnotated => FileCmd::ExportAnnotated { path, draft }.into(),
            FileAction::Font => AppCmd::SetFont(Some(path)).into(),
            FileAction::AddSource => FileCmd::AddSource(path).into(),
            FileAction::Compare => FileCmd::Compare(path).into(),
        }
    }
}

/// The path window for one action.
pub struct PathPrompt {
    pub action: FileAction,
    pub path: String,
    /// The open brief's own file: saving onto it asks nothing.
    pub current: Option<PathBuf>,
    browsing: Option<Receiver<Option<PathBuf>>>,
    note: Option<T>,
    /// The chosen file exists: replace it only when the user says so.
    confirm: Option<PathBuf>,
    /// Exports: add the figures ledger and the check report (off: a brief
    /// printed for circulation carries no internal QA report).
    appendix: bool,
    /// Put the keyboard focus in the path field on the first frame.
    focus: bool,
    /// The Word draft the brief was imported from, and whether the brief was
    /// edited since: 带批注的 Word 文档 offers to comment the draft itself.
    pub draft: Option<(PathBuf, bool)>,
    /// Comment the draft (not an export of the brief).
    on_draft: bool,
}

impl PathPrompt {
    pub fn new(action: FileAction, suggested: String) -> Self {
        PathPrompt {
            action,
            path: suggested,
            current: None,
            browsing: None,
            note: None,
            confirm: None,
            appendix: false,
            focus: true,
            draft: None,
            on_draft: true,
        }
    }

    /// The path chosen: the command to run, or a question first when it
    /// would replace another file.
    fn choose(&mut self, out: &mut Vec<Command>) -> bool {
        let path = PathBuf::from(self.path.trim());
        if self.action.saves() && path.exists() && self.current.as_ref() != Some(&path) && self.confirm.is_none() {
            self.confirm = Some(path);
            self.focus = true;
            return false;
        }
        let draft = self.draft.as_ref().filter(|_| self.on_draft).map(|(d, _)| d.clone());
        out.push(self.action.command(path, self.appendix, draft));
        true
    }

    /// Opens the system dialog on its own thread.
    fn browse(&mut self, lang: Lang) {
        let (tx, rx) = channel();
        let (name, exts) = self.action.filter(lang);
        let saves = self.action.saves();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let dialog = rfd::FileDialog::new().add_filter(name, exts);
            let picked = if saves { dialog.save_file() } else { dialog.pick_file() };
            let _ = tx.send(picked);
        });
        match spawned {
            Ok(_) => {
                self.browsing = Some(rx);
                self.note = None;
            }
            Err(_) => self.note = Some(T::DialogFailed),
        }
    }

    /// Draws the window. Returns false when it is done (chosen or cancelled).
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang, out: &mut Vec<Command>) -> bool {
        if let Some(rx) = &self.browsing {
            match rx.try_recv() {
                Ok(Some(p)) => {
                    self.path = p.display().to_string();
                    self.browsing = None;
                }
                Ok(None) | Err(TryRecvError::Disconnected) => {
                    // Cancelled, or no dialog could be shown (no desktop portal): typing still works.
                    self.browsing = None;
                    self.note = Some(T::DialogFailed);
                }
                Err(TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            }
        }
        let mut open = true;
        let mut done = false;
        crate::app::dialog(self.action.title().get(lang), "path-prompt", ctx).open(&mut open).show(ctx, |ui| {
            if let Some(path) = self.confirm.clone() {
                // 另存为 or an export onto a file that exists: ask, as Word does.
                ui.label(T::ReplaceFileQuestion.get(lang));
                ui.weak(path.display().to_string());
                ui.horizontal(|ui| {
                    let replace = ui.button(T::ReplaceFile.get(lang));
                    if std::mem::take(&mut self.focus) {
                        replace.request_focus();
                    }
                    if replace.clicked() {
                        done = self.choose(out);
                    }
                    if ui.button(T::Cancel.get(lang)).clicked() {
                        self.confirm = None;
                        self.focus = true;
                    }
                });
                return;
            }
            ui.horizontal(|ui| {
                let label = ui.label(T::PathPrompt.get(lang));
                let r = ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(360.0)).labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    // Typing goes into the field, after the suggested path.
                    r.request_focus();
                    let mut st = egui::TextEdit::load_state(ui.ctx(), r.id).unwrap_or_default();
                    let end = egui::text::CCursor::new(self.path.chars().count());
                    st.cursor.set_char_range(Some(egui::text::CCursorRange::one(end)));
                    st.store(ui.ctx(), r.id);
                }
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !self.path.trim().is_empty() {
                    done = self.choose(out);
                }
                let browse = ui.add_enabled(self.browsing.is_none(), egui::Button::new(T::Browse.get(lang)));
                if browse.clicked() {
                    self.browse(lang);
                }
            });
            if matches!(self.action, FileAction::ExportHtml | FileAction::ExportWord) {
                ui.checkbox(&mut self.appendix, T::ExportAppendix.get(lang));
            }
            if self.action == FileAction::ExportAnnotated
                && let Some((_, edited)) = self.draft
            {
                ui.radio_value(&mut self.on_draft, true, T::AnnotateDraft.get(lang));
                ui.radio_value(&mut self.on_draft, false, T::AnnotateBrief.get(lang));
                if self.on_draft && edited {
                    ui.weak(T::AnnotateEdited.get(lang));
                }
            }
            if let Some(note) = self.note {
                ui.weak(note.get(lang));
            }
            ui.horizontal(|ui| {
                if ui.add_enabled(!self.path.trim().is_empty(), egui::Button::new(T::Ok.get(lang))).clicked() {
                    done = self.choose(out);
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    done = true;
                }
            });
        });
        open && !done
    }
}
