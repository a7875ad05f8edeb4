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
pub struct FactsPanel {
    /// A value being typed (by fact), kept as typed until the field is left;
    /// the fact takes each value the figure engine can read.
    drafts: std::collections::HashMap<usize, String>,
}

/// A value as typed (3850, 3.85万, 1.26亿元, 85%), read the way the checks
/// read figures: the value, the upper end of a range, and the unit.
pub fn parse_value(text: &str) -> Option<(f64, Option<f64>, String)> {
    let t = text.trim();
    let figures = crate::figures::extract(t);
    let f = figures.iter().find(|f| {
        matches!(
            f.kind,
            crate::figures::Kind::Quantity | crate::figures::Kind::Percent | crate::figures::Kind::Fraction
        ) && t[..f.span.start].trim().is_empty()
            && t[f.span.end..].trim().is_empty()
    })?;
    Some((f.value, f.value_max, f.unit.to_string()))
}

/// A fact's value as a Chinese editor reads it: 1.26亿, 12600万, 85.5.
fn shown(f: &FactEntry) -> String {
    match f.value_max {
        Some(hi) => format!("{}–{}", crate::checks::show(f.value), crate::checks::show(hi)),
        None => crate::checks::show(f.value),
    }
}

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
        let wide = (ui.available_width() - 60.0).max(80.0);
        let mut changed = field(ui, T::FactLabel.get(lang), &mut f.label, wide);
        let mut unreadable = false;
        ui.horizontal(|ui| {
            let l = ui.label(T::FactValue.get(lang));
            // A text field, not a drag widget: a stray drag must not change a verified figure.
            let mut text = self.drafts.get(&i).cloned().unwrap_or_else(|| shown(&f));
            let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(110.0)).labelled_by(l.id);
            if r.changed() {
                match parse_value(&text) {
                    Some((value, value_max, unit)) => {
                        f.value = value;
                        f.value_max = value_max;
                        if !unit.is_empty() && f.unit.is_empty() {
                            f.unit = unit;
                        }
                        changed = true;
                    }
                    None => unreadable = !text.trim().is_empty(),
                }
                self.drafts.insert(i, text);
            } else if !r.has_focus() {
                self.drafts.remove(&i);
            } else {
                unreadable = parse_value(&text).is_none() && !text.trim().is_empty();
            }
            let mut unit = f.unit.clone();
            if field(ui, T::FactUnit.get(lang), &mut unit, 48.0) {
                f.unit = unit;
                changed = true;
            }
        });
        if unreadable {
            ui.colored_label(ui.visuals().warn_fg_color, T::FactValueUnreadable.get(lang));
        }
        egui::ComboBox::new(("qualifier", i), T::FactQualifier.get(lang))
            .selected_text(f.qualifier.label().get(lang))
            .show_ui(ui, |ui| {
                for q in QUALIFIERS {
                    changed |= ui.selectable_value(&mut f.qualifier, q, q.label().get(lang)).changed();
                }
            });
        changed |= field(ui, T::FactSource.get(lang), &mut f.source, wide);
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
            self.drafts.clear();
            out.push(Edit::RemoveFact(i).into());
        }
    }
}
