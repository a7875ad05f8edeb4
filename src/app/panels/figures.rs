use crate::app::command::Command;
use crate::app::i18n::{Lang, T};
use crate::app::state::State;
use crate::figures::{Kind, format_value};
use crate::model::FactEntry;

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
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            egui::Grid::new("ledger").striped(true).num_columns(6).show(ui, |ui| {
                for t in [T::ColText, T::ColValue, T::ColUnit, T::ColQualifier, T::ColContext, T::ColSection] {
                    ui.strong(t.get(lang));
                }
                ui.end_row();
                for i in rows {
                    let (id, f) = &figures[i];
                    let Some(section) = state.doc.brief.section(*id) else { continue };
                    let text = &section.body[f.span.clone()];
                    let value = match f.value_max {
                        Some(hi) => format!("{}–{}", format_value(f.value), format_value(hi)),
                        None => format_value(f.value),
                    };
                    if ui.link(text).on_hover_text(crate::app::i18n::kind(f.kind).get(lang)).clicked() {
                        out.push(Command::Reveal(*id, f.span.clone()));
                    }
                    ui.label(value);
                    ui.label(f.unit);
                    ui.label(if f.marker.is_empty() {
                        crate::app::i18n::qualifier(f.qualifier).get(lang).to_string()
                    } else {
                        f.marker.clone()
                    });
                    let context = lead_in(&section.body, f.span.start, 10);
                    ui.weak(&context);
                    ui.horizontal(|ui| {
                        ui.weak(&section.title);
                        if matches!(f.kind, Kind::Quantity | Kind::Percent)
                            && ui.small_button("＋").on_hover_text(T::AddToFacts.get(lang)).clicked()
                        {
                            out.push(Command::AddFact(FactEntry {
                                label: context,
                                value: f.value,
                                value_max: f.value_max,
                                unit: f.unit.to_string(),
                                qualifier: f.qualifier,
                                source: String::new(),
                                as_of: state.doc.brief.meta.date,
                            }));
                        }
                    });
                    ui.end_row();
                }
            });
        });
    }
}
