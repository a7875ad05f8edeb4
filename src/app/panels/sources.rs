//! 来源: the documents the brief's figures are held to (BD114). Adds, removes
//! and opens them; says for each whether it was read, how many of the
//! brief's figures it backs or contradicts, and whether its file changed
//! since it was added.

use crate::app::command::{AppCmd, Command, Edit};
use crate::app::files::FileAction;
use crate::app::i18n::{Lang, T, fill};
use crate::app::state::{SourceMark, State};
use crate::sources::Loaded;

/// The figures of the last check that each source backs and contradicts, and
/// those that no source gives.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// By the source's place in `Derived::source_paths`: (checked, at odds).
    pub by_source: Vec<(usize, usize)>,
    pub checked: usize,
    pub mismatched: usize,
    pub unsourced: usize,
}

impl Tally {
    pub fn of(state: &State) -> Tally {
        let derived = &state.derived;
        let mut t = Tally { by_source: vec![(0, 0); derived.source_paths.len()], ..Tally::default() };
        for mark in derived.marks.iter().flatten() {
            match *mark {
                SourceMark::Checked(k) => {
                    t.checked += 1;
                    if let Some(slot) = t.by_source.get_mut(k) {
                        slot.0 += 1;
                    }
                }
                SourceMark::Mismatch(k) => {
                    t.mismatched += 1;
                    if let Some(slot) = t.by_source.get_mut(k) {
                        slot.1 += 1;
                    }
                }
                SourceMark::Unsourced => t.unsourced += 1,
            }
        }
        t
    }
}

#[derive(Default)]
pub struct SourcesPanel;

impl SourcesPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let add = ui.button(T::MenuAddSource.get(lang)).on_hover_text(T::AddSourceHint.get(lang));
        if add.clicked() {
            out.push(AppCmd::Prompt(FileAction::AddSource).into());
        }
        let sources = &state.doc.brief().sources;
        if sources.is_empty() {
            ui.add_space(6.0);
            ui.add(egui::Label::new(egui::RichText::new(T::NoSources.get(lang)).weak()).wrap());
            return;
        }
        let tally = Tally::of(state);
        ui.add_space(4.0);
        ui.label(fill(T::SourcesSummary.get(lang), &[tally.checked, tally.mismatched, tally.unsourced]));
        ui.separator();
        let visuals = ui.visuals().clone();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for (i, source) in sources.iter().enumerate() {
                ui.push_id(("source", i), |ui| {
                    let name = source.name();
                    ui.strong(&name).on_hover_text(source.path.display().to_string());
                    ui.add(
                        egui::Label::new(egui::RichText::new(source.path.display().to_string()).weak().small())
                            .truncate(),
                    );
                    let read = state.sources.loaded.iter().find(|(s, _)| s.path == source.path).map(|(_, l)| l);
                    let mut opens = None;
                    match read {
                        // Not read yet: the reading is under way.
                        None => {
                            ui.weak(T::SourceReading.get(lang));
                        }
                        Some(Loaded::Read { index, changed }) => {
                            opens = Some(index.path.clone());
                            let mut line = fill(T::SourceFigures.get(lang), &[index.claims.len()]);
                            if let Some(pages) = index.pages {
                                line.push_str(" · ");
                                line.push_str(&fill(T::SourcePages.get(lang), &[pages]));
                            }
                            ui.label(line);
                            let at = state.derived.source_paths.iter().position(|p| *p == index.path);
                            let (checked, odds) = at.and_then(|k| tally.by_source.get(k).copied()).unwrap_or((0, 0));
                            let counts = fill(T::SourceCounts.get(lang), &[checked, odds]);
                            if odds > 0 {
                                ui.colored_label(visuals.error_fg_color, counts);
                            } else {
                                ui.label(counts);
                            }
                            if *changed {
                                ui.colored_label(visuals.warn_fg_color, T::SourceChanged.get(lang));
                                let confirm = ui.button(T::SourceConfirm.get(lang));
                                if confirm.on_hover_text(T::SourceConfirmHint.get(lang)).clicked() {
                                    out.push(Edit::ConfirmSource(i, index.fingerprint.clone()).into());
                                }
                            }
                        }
                        Some(Loaded::Failed(e)) => {
                            ui.colored_label(visuals.error_fg_color, format!("{} {e}", T::SourceFailed.get(lang)));
                        }
                    }
                    ui.horizontal(|ui| {
                        let path = opens.unwrap_or_else(|| {
                            let dir = state.doc.path.as_deref().and_then(std::path::Path::parent);
                            crate::sources::resolve(source, dir)
                        });
                        let open = ui.button(T::SourceOpen.get(lang)).on_hover_text(T::SourceOpenHint.get(lang));
                        if open.clicked() {
                            out.push(AppCmd::OpenExternal(path).into());
                        }
                        let remove = ui.button(T::SourceRemove.get(lang)).on_hover_text(T::SourceRemoveHint.get(lang));
                        if remove.clicked() {
                            out.push(Edit::RemoveSource(i).into());
                        }
                    });
                    ui.separator();
                });
            }
        });
    }
}
