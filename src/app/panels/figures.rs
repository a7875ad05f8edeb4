use crate::app::command::{Command, Edit, Nav};
use crate::app::i18n::{Label, Lang, T};
use crate::app::state::State;
use crate::figures::Kind;
use crate::model::FactEntry;

use super::{cell, row_height};

/// Columns the ledger sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum SortBy {
    #[default]
    Position,
    Value,
    Unit,
    Qualifier,
}

/// 数字: every figure of the brief in a sortable table.
#[derive(Default)]
pub struct FiguresPanel {
    sort: SortBy,
    /// The ledger's rows in the chosen order, for one check and one order.
    order: Option<((u64, SortBy), Vec<usize>)>,
    /// How far the rows are scrolled sideways, for the header.
    scroll_x: f32,
}

impl FiguresPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let figures = &state.derived.figures;
        if figures.is_empty() {
            ui.weak(T::NoFigures.get(lang));
            return;
        }
        ui.horizontal_wrapped(|ui| {
            for (by, t) in [
                (SortBy::Position, T::ColSection),
                (SortBy::Value, T::ColValue),
                (SortBy::Unit, T::ColUnit),
                (SortBy::Qualifier, T::ColQualifier),
            ] {
                ui.selectable_value(&mut self.sort, by, t.get(lang));
            }
        });
        let ledger = &state.checks.ledger;
        let key = (state.checks.generation(), self.sort);
        if self.order.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut rows: Vec<usize> = (0..ledger.len()).collect();
            let fig = |i: usize| &figures[ledger[i].figure].1;
            match self.sort {
                SortBy::Position => {}
                SortBy::Value => rows.sort_by(|&a, &b| fig(a).value.total_cmp(&fig(b).value)),
                SortBy::Unit => rows.sort_by_key(|&i| fig(i).unit),
                SortBy::Qualifier => rows.sort_by_key(|&i| fig(i).qualifier.as_str()),
            }
            self.order = Some((key, rows));
        }
        let Some((_, rows)) = &self.order else { return };
        // One line per figure, fixed columns; only the lines in view are drawn,
        // so a long brief's thousands of figures cost nothing off screen.
        const WIDTHS: [f32; 6] = [120.0, 96.0, 40.0, 64.0, 150.0, 150.0];
        // With sources, a column says what they say of each figure (已核对, 不符, 无来源).
        const SOURCE_WIDTH: f32 = 64.0;
        let sourced = !state.derived.marks.is_empty();
        let height = row_height(ui);
        // The ＋ column comes first, so that it is in view without scrolling sideways.
        let plus_width = height + 4.0;
        // The header scrolls sideways with the rows (and never widens the panel).
        egui::ScrollArea::horizontal()
            .id_salt("ledger-header")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
            .horizontal_scroll_offset(self.scroll_x)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.add_space(plus_width + ui.spacing().item_spacing.x);
                    if sourced {
                        cell(ui, SOURCE_WIDTH, height, |ui| ui.strong(T::ColSource.get(lang)));
                    }
                    for (t, w) in [T::ColText, T::ColValue, T::ColUnit, T::ColQualifier, T::ColContext, T::ColSection]
                        .into_iter()
                        .zip(WIDTHS)
                    {
                        cell(ui, w, height, |ui| ui.strong(t.get(lang)));
                    }
                });
            });
        let body =
            egui::ScrollArea::both().auto_shrink([false, false]).show_rows(ui, height, rows.len(), |ui, range| {
                for &i in &rows[range] {
                    let row = &ledger[i];
                    let (id, f) = &figures[row.figure];
                    let (text, context) = (row.text.as_str(), &row.context);
                    ui.horizontal(|ui| {
                        cell(ui, plus_width, height, |ui| {
                            let r = ui.add_visible(
                                matches!(f.kind, Kind::Quantity | Kind::Percent),
                                egui::Button::new("＋").small(),
                            );
                            if r.clone().on_hover_text(T::AddToFacts.get(lang)).clicked() {
                                out.push(
                                    Edit::AddFact(FactEntry {
                                        label: context.clone(),
                                        value: f.value,
                                        value_max: f.value_max,
                                        unit: f.unit.to_string(),
                                        qualifier: f.qualifier,
                                        source: String::new(),
                                        as_of: state.doc.brief().meta.date,
                                    })
                                    .into(),
                                );
                            }
                            r
                        });
                        if sourced {
                            let mark = state.derived.marks.get(row.figure).copied().flatten();
                            cell(ui, SOURCE_WIDTH, height, |ui| source_cell(ui, state, mark, lang));
                        }
                        let link = cell(ui, WIDTHS[0], height, |ui| ui.add(egui::Link::new(text)));
                        if link.on_hover_text(f.kind.label().get(lang)).clicked()
                            && let Some(span) = state.current_span(*id, &f.span)
                        {
                            out.push(Nav::Reveal(*id, span).into());
                        }
                        cell(ui, WIDTHS[1], height, |ui| ui.label(&row.value));
                        // A date's 年 or 日 is no unit: the value column shows it as written.
                        let unit = if matches!(f.kind, Kind::Date | Kind::Ordinal) { "" } else { f.unit };
                        cell(ui, WIDTHS[2], height, |ui| ui.label(unit));
                        let qualifier = if f.marker.is_empty() {
                            f.qualifier.label().get(lang).to_string()
                        } else {
                            f.marker.clone()
                        };
                        cell(ui, WIDTHS[3], height, |ui| ui.label(qualifier));
                        cell(ui, WIDTHS[4], height, |ui| {
                            ui.add(egui::Label::new(egui::RichText::new(context).weak()).truncate())
                        });
                        cell(ui, WIDTHS[5], height, |ui| {
                            ui.add(egui::Label::new(egui::RichText::new(&row.section_title).weak()).truncate())
                        });
                    });
                }
            });
        self.scroll_x = body.state.clamped_offset().x;
    }
}

/// What the sources say of a figure: 已核对 (with the source on hover), 不符
/// (in the error colour), 无来源 (weak); nothing for a figure that is no
/// quantity to hold to a source (a date, a change, a standard).
fn source_cell(
    ui: &mut egui::Ui,
    state: &State,
    mark: Option<crate::app::state::SourceMark>,
    lang: Lang,
) -> egui::Response {
    use crate::app::state::SourceMark;
    let name = |k: usize| {
        state.derived.source_paths.get(k).and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned())
    };
    match mark {
        Some(SourceMark::Checked(k)) => {
            let r = ui.label(T::MarkChecked.get(lang));
            match name(k) {
                Some(n) => r.on_hover_text(n),
                None => r,
            }
        }
        Some(SourceMark::Mismatch(k)) => {
            let r = ui.colored_label(ui.visuals().error_fg_color, T::MarkMismatch.get(lang));
            match name(k) {
                Some(n) => r.on_hover_text(n),
                None => r,
            }
        }
        Some(SourceMark::Unsourced) => ui.weak(T::MarkUnsourced.get(lang)),
        None => ui.label(""),
    }
}
