use crate::app::command::{Command, Edit, Nav};
use crate::app::i18n::{Label, Lang, T};
use crate::app::state::State;
use crate::figures::{Kind, format_value};
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
}

/// The words right before a figure: its context, and a label for the fact sheet.
fn lead_in(body: &str, start: usize, chars: usize) -> String {
    let before: String = body[..start].chars().rev().take(chars).collect::<Vec<_>>().into_iter().rev().collect();
    let clause = before.rsplit(['，', '。', '、', '；', '：', '\n']).next().unwrap_or("");
    clause.trim().to_string()
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
        let mut rows: Vec<usize> = (0..figures.len()).filter(|&i| figures[i].1.kind != Kind::Identifier).collect();
        match self.sort {
            SortBy::Position => {}
            SortBy::Value => rows.sort_by(|&a, &b| figures[a].1.value.total_cmp(&figures[b].1.value)),
            SortBy::Unit => rows.sort_by_key(|&i| figures[i].1.unit),
            SortBy::Qualifier => rows.sort_by_key(|&i| figures[i].1.qualifier.as_str()),
        }
        // One line per figure, fixed columns; only the lines in view are drawn,
        // so a long brief's thousands of figures cost nothing off screen.
        const WIDTHS: [f32; 6] = [120.0, 96.0, 40.0, 64.0, 150.0, 150.0];
        let height = row_height(ui);
        // The ＋ column comes first, so that it is in view without scrolling sideways.
        let plus_width = height + 4.0;
        ui.horizontal(|ui| {
            ui.add_space(plus_width + ui.spacing().item_spacing.x);
            for (t, w) in [T::ColText, T::ColValue, T::ColUnit, T::ColQualifier, T::ColContext, T::ColSection]
                .into_iter()
                .zip(WIDTHS)
            {
                cell(ui, w, height, |ui| ui.strong(t.get(lang)));
            }
        });
        egui::ScrollArea::both().auto_shrink([false, false]).show_rows(ui, height, rows.len(), |ui, range| {
            for &i in &rows[range] {
                let (id, f) = &figures[i];
                // Spans index the text as it was checked.
                let (Some(section), Some(body)) = (state.doc.brief().section(*id), state.checked_body(*id)) else {
                    continue;
                };
                let text = body.get(f.span.clone()).unwrap_or("");
                let value = match f.value_max {
                    Some(hi) => format!("{}–{}", format_value(f.value), format_value(hi)),
                    None => format_value(f.value),
                };
                let context = lead_in(body, f.span.start, 10);
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
                    let link = cell(ui, WIDTHS[0], height, |ui| ui.add(egui::Link::new(text)));
                    if link.on_hover_text(f.kind.label().get(lang)).clicked()
                        && let Some(span) = state.current_span(*id, &f.span)
                    {
                        out.push(Nav::Reveal(*id, span).into());
                    }
                    cell(ui, WIDTHS[1], height, |ui| ui.label(value));
                    cell(ui, WIDTHS[2], height, |ui| ui.label(f.unit));
                    let qualifier =
                        if f.marker.is_empty() { f.qualifier.label().get(lang).to_string() } else { f.marker.clone() };
                    cell(ui, WIDTHS[3], height, |ui| ui.label(qualifier));
                    cell(ui, WIDTHS[4], height, |ui| {
                        ui.add(egui::Label::new(egui::RichText::new(&context).weak()).truncate())
                    });
                    cell(ui, WIDTHS[5], height, |ui| {
                        ui.add(egui::Label::new(egui::RichText::new(&section.title).weak()).truncate())
                    });
                });
            }
        });
    }
}
