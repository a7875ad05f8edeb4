use crate::app::command::{Command, Edit};
use crate::app::i18n::{Label, Lang, T};
use crate::app::state::State;
use crate::checks::Finding;
use crate::figures::Qualifier;
use crate::model::FactEntry;

const QUALIFIERS: [Qualifier; 8] = [
    Qualifier::Exact,
    Qualifier::Approx,
    Qualifier::Over,
    Qualifier::Nearly,
    Qualifier::Under,
    Qualifier::AtLeast,
    Qualifier::AtMost,
    Qualifier::Range,
];

/// 事实: the verified figures the draft is held to, with the draft's mismatches inline.
#[derive(Default)]
pub struct FactsPanel;

/// A text field with a visible, accessible label.
fn field(ui: &mut egui::Ui, label: &str, text: &mut String, width: f32) -> bool {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).desired_width(width)).labelled_by(l.id).changed()
    })
    .inner
}

impl FactsPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let facts = &state.doc.brief().facts;
        if facts.is_empty() {
            ui.weak(T::NoFacts.get(lang));
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for (i, fact) in facts.iter().enumerate() {
                ui.push_id(i, |ui| self.entry(ui, state, lang, i, fact, out));
                ui.separator();
            }
            if ui.button(T::AddFact.get(lang)).clicked() {
                out.push(
                    Edit::AddFact(FactEntry {
                        label: String::new(),
                        value: 0.0,
                        value_max: None,
                        unit: String::new(),
                        qualifier: Qualifier::Exact,
                        source: String::new(),
                        as_of: None,
                    })
                    .into(),
                );
            }
        });
    }

    fn entry(
        &mut self,
        ui: &mut egui::Ui,
        state: &State,
        lang: Lang,
        i: usize,
        fact: &FactEntry,
        out: &mut Vec<Command>,
    ) {
        let mut f = fact.clone();
        let mut changed = field(ui, T::FactLabel.get(lang), &mut f.label, 200.0);
        ui.horizontal(|ui| {
            let l = ui.label(T::FactValue.get(lang));
            changed |= ui.add(egui::DragValue::new(&mut f.value).speed(1.0)).labelled_by(l.id).changed();
            let mut unit = f.unit.clone();
            if field(ui, T::FactUnit.get(lang), &mut unit, 48.0) {
                f.unit = unit;
                changed = true;
            }
        });
        egui::ComboBox::new(("qualifier", i), T::FactQualifier.get(lang))
            .selected_text(f.qualifier.label().get(lang))
            .show_ui(ui, |ui| {
                for q in QUALIFIERS {
                    changed |= ui.selectable_value(&mut f.qualifier, q, q.label().get(lang)).changed();
                }
            });
        changed |= field(ui, T::FactSource.get(lang), &mut f.source, 200.0);
        let mut as_of = f.as_of.map(|d| d.to_string()).unwrap_or_default();
        if field(ui, T::FactAsOf.get(lang), &mut as_of, 100.0) {
            // Kept only when it is a date; a half-typed date leaves the old one.
            if let Ok(d) = chrono::NaiveDate::parse_from_str(as_of.trim(), "%Y-%m-%d") {
                f.as_of = Some(d);
                changed = true;
            } else if as_of.trim().is_empty() {
                f.as_of = None;
                changed = true;
            }
        }
        // Where the draft disagrees with this entry (BD102), say so here: findings name their entry by index.
        let about_this =
            |d: &&crate::checks::Diagnostic| matches!(d.finding, Finding::FactSheet { fact, .. } if fact == i);
        for d in state.derived.diagnostics.iter().filter(about_this) {
            ui.colored_label(ui.visuals().error_fg_color, d.message(lang));
        }
        if changed {
            out.push(Edit::SetFact(i, f).into());
        }
        if ui.small_button(T::Remove.get(lang)).clicked() {
            out.push(Edit::RemoveFact(i).into());
        }
    }
}
