//! 比较 (文件 → 与其他版本比较…): the figures that changed from another
//! version of the draft to this one, beside the draft, grouped by section as
//! `briefdesk diff` lists them. Each line jumps to its figure in the editor.
//!
//! The other file is read and compared on a thread of its own (a PDF or a
//! Word file through LibreOffice takes seconds); the list belongs to the
//! draft as it was compared, and says so when the draft has been edited
//! since. Jumps carry the figure's span over to the text as it is now.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::app::command::{AppCmd, Command, Nav};
use crate::app::i18n::{Lang, T, fill};
use crate::app::state::{Shift, State};
use crate::diff::{Change, ChangeKind};
use crate::model::Brief;

/// What a comparison's thread sends back: the other version as read, and the changes.
type Outcome = Result<(Arc<Brief>, Vec<Change>), String>;

/// One comparison: the other file, the draft as compared, and the list.
struct Comparison {
    other: PathBuf,
    /// The other version, once read: comparing again does not read it again.
    old: Option<Arc<Brief>>,
    /// The draft as it was compared, and its revision.
    draft: Arc<Brief>,
    revision: u64,
    running: Option<Receiver<Outcome>>,
    result: Option<Result<Vec<Change>, String>>,
}

#[derive(Default)]
pub struct ComparePanel {
    job: Option<Comparison>,
}

impl ComparePanel {
    /// Compares the draft (as it is now) with another file.
    pub fn start(&mut self, other: PathBuf, draft: Brief, revision: u64) {
        let mut job = Comparison { other, old: None, draft: Arc::new(draft), revision, running: None, result: None };
        job.run();
        self.job = Some(job);
    }

    /// Compares again, with the draft as it is now.
    pub fn again(&mut self, draft: Brief, revision: u64) {
        if let Some(job) = &mut self.job {
            job.draft = Arc::new(draft);
            job.revision = revision;
            job.result = None;
            job.run();
        }
    }

    /// Whether there is a comparison to show (its tab is shown).
    pub fn is_open(&self) -> bool {
        self.job.is_some()
    }

    /// Whether the comparison is still running (tests wait for it; the window looks again soon).
    pub fn running(&self) -> bool {
        self.job.as_ref().is_some_and(|j| j.running.is_some())
    }

    /// Takes the thread's result when it is done.
    pub fn poll(&mut self) {
        let Some(job) = &mut self.job else { return };
        let Some(rx) = &job.running else { return };
        match rx.try_recv() {
            Ok(Ok((old, changes))) => {
                job.old = Some(old);
                job.result = Some(Ok(changes));
                job.running = None;
            }
            Ok(Err(e)) => {
                job.result = Some(Err(e));
                job.running = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                job.result = Some(Err("the comparison stopped unexpectedly".into()));
                job.running = None;
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        self.poll();
        let Some(job) = &self.job else { return };
        let name =
            job.other.file_name().map_or_else(|| job.other.display().to_string(), |n| n.to_string_lossy().into_owned());
        ui.label(T::CompareHeader.get(lang).replace("{}", &name)).on_hover_text(job.other.display().to_string());
        ui.horizontal_wrapped(|ui| {
            if ui.add_enabled(job.running.is_none(), egui::Button::new(T::CompareAgain.get(lang))).clicked() {
                out.push(AppCmd::CompareAgain.into());
            }
            if ui.button(T::CompareClose.get(lang)).clicked() {
                out.push(AppCmd::CloseCompare.into());
            }
        });
        if job.running.is_some() {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak(T::Comparing.get(lang));
            });
            return;
        }
        let changes = match &job.result {
            Some(Ok(changes)) => changes,
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("{} {e}", T::CompareFailed.get(lang)));
                return;
            }
            None => return,
        };
        if job.revision != state.doc.revision() {
            ui.colored_label(ui.visuals().warn_fg_color, T::CompareStale.get(lang));
        }
        let count = |k: ChangeKind| changes.iter().filter(|c| c.kind == k).count();
        let kinds = [count(ChangeKind::Changed), count(ChangeKind::Added), count(ChangeKind::Removed)];
        ui.strong(fill(T::CompareCounts.get(lang), &kinds));
        ui.separator();
        if changes.is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(T::CompareNone.get(lang)).weak()).wrap());
            return;
        }
        let colour = |k: ChangeKind, v: &egui::Visuals| match k {
            ChangeKind::Changed => v.warn_fg_color,
            ChangeKind::Added => egui::Color32::from_rgb(0x2e, 0x8b, 0x57),
            ChangeKind::Removed => v.error_fg_color,
        };
        let visuals = ui.visuals().clone();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for (i, (section, list)) in crate::diff::by_section(changes).into_iter().enumerate() {
                ui.push_id(("compare-section", i), |ui| {
                    ui.strong(section);
                    for (j, c) in list.into_iter().enumerate() {
                        ui.push_id(j, |ui| {
                            ui.horizontal_wrapped(|ui| {
                                ui.colored_label(colour(c.kind, &visuals), c.kind.word(lang));
                                let what = match (&c.old, &c.new) {
                                    (Some(o), Some(n)) => format!("{} → {}", o.text, n.text),
                                    (None, Some(n)) => n.text.clone(),
                                    (Some(o), None) => o.text.clone(),
                                    (None, None) => String::new(),
                                };
                                match &c.new {
                                    Some(new) => {
                                        if ui.link(what).clicked() {
                                            out.push(Nav::Reveal(new.section_id, jump(state, &job.draft, new)).into());
                                        }
                                    }
                                    None => {
                                        ui.label(what);
                                        ui.weak(T::CompareGone.get(lang));
                                    }
                                }
                            });
                            if let Some(o) = &c.old {
                                let line = format!("{}{}", T::CompareOld.get(lang), o.sentence);
                                ui.add(egui::Label::new(egui::RichText::new(line).weak().small()).wrap());
                            }
                            if let Some(n) = &c.new {
                                let line = format!("{}{}", T::CompareNew.get(lang), n.sentence);
                                ui.add(egui::Label::new(egui::RichText::new(line).small()).wrap());
                            }
                        });
                        ui.add_space(4.0);
                    }
                    ui.separator();
                });
            }
        });
    }
}

/// Where a figure of the draft as compared is in the text now: its span
/// carried over the edits since; the section's start if it was edited away.
fn jump(state: &State, draft: &Brief, side: &crate::diff::Side) -> std::ops::Range<usize> {
    let then = draft.section(side.section_id).map(|s| s.body.as_str());
    let now = state.doc.brief().section(side.section_id).map(|s| s.body.as_str());
    match (then, now) {
        (Some(then), Some(now)) => Shift::new(then, now).map(&side.span).unwrap_or(0..0),
        _ => 0..0,
    }
}

impl Comparison {
    /// Reads the other file (unless read already) and compares, on a thread.
    fn run(&mut self) {
        let (tx, rx) = channel();
        let other = self.other.clone();
        let old = self.old.clone();
        let draft = self.draft.clone();
        let spawned = std::thread::Builder::new().name("compare".into()).spawn(move || {
            let old = match old {
                Some(old) => old,
                None => match crate::format::load(&other, &crate::format::LoadOptions::default()) {
                    Ok(loaded) => Arc::new(loaded.brief),
                    Err(e) => {
                        let _ = tx.send(Err(e.to_string()));
                        return;
                    }
                },
            };
            let changes = crate::diff::diff(&old, &draft);
            let _ = tx.send(Ok((old, changes)));
        });
        match spawned {
            Ok(_) => self.running = Some(rx),
            Err(e) => self.result = Some(Err(e.to_string())),
        }
    }
}
