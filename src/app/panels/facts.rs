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
    /// What is being typed into a value or date field, by (fact, field): kept
    /// as typed while the field has the focus, and after it as long as it
    /// cannot be read (never put back silently to the value stored).
    drafts: std::collections::HashMap<(usize, Typed), String>,
}

/// The fields of an entry that are typed as text and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Typed {
    Value,
    AsOf,
}

/// A value as typed (3850, 38000, 3,850, 3.85万, 1.26亿元, 85%), read the way
/// the checks read figures: the value, the upper end of a range, and the unit.
/// A plain number is a value too, whatever its digits look like (3850 is no year here).
pub fn parse_value(text: &str) -> Option<(f64, Option<f64>, String)> {
    let t = text.trim();
    let plain = t.replace([',', '，', '_'], "");
    if let Ok(v) = plain.parse::<f64>()
        && v.is_finite()
    {
        return Some((v, None, String::new()));
    }
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

/// A date as typed: 2020-12-31, 2020/12/31, 2020.12.31 or 2020年12月31日.
/// `complete` asks for two-digit months and days (what is stored while the
/// field is still being typed in: 2020-12-3 is half of 2020-12-31).
pub fn parse_date(text: &str, complete: bool) -> Option<chrono::NaiveDate> {
    let t = text.trim();
    let t = t.strip_suffix('日').unwrap_or(t);
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else { return None };
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let short = if complete { 2..=2 } else { 1..=2 };
    if !digits(y, 4..=4) || !digits(m, short.clone()) || !digits(d, short) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A fact's value as a Chinese editor reads it: 1.26亿, 4.2万, 85.5.
fn shown(f: &FactEntry) -> String {
    crate::model::value::show_range(f.value, f.value_max)
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
            // A text field, not a drag widget: a stray drag must not change a verified figure.
            let (text, r) = self.typed(ui, i, Typed::Value, T::FactValue.get(lang), shown(&f), 110.0);
            match parse_value(&text) {
                Some((value, value_max, unit)) if r.changed() => {
                    f.value = value;
                    f.value_max = value_max;
                    if !unit.is_empty() && f.unit.is_empty() {
                        f.unit = unit;
                    }
                    changed = true;
                }
                Some(_) => {}
                None => unreadable = !text.trim().is_empty(),
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
        let stored = f.as_of.map(|d| d.to_string()).unwrap_or_default();
        let (as_of, r) = ui.horizontal(|ui| self.typed(ui, i, Typed::AsOf, T::FactAsOf.get(lang), stored, 100.0)).inner;
        // A whole date is stored as it is typed; one typed with a one-digit day
        // (2020-12-3) only when the field is left, as the user may be typing on.
        let finished = r.lost_focus() || !r.has_focus();
        let date = parse_date(&as_of, !finished);
        if as_of.trim().is_empty() {
            if f.as_of.is_some() && r.changed() {
                f.as_of = None;
                changed = true;
            }
        } else if let Some(d) = date {
            if f.as_of != Some(d) && (r.changed() || finished) {
                f.as_of = Some(d);
                changed = true;
            }
        } else if finished || as_of.chars().filter(char::is_ascii_digit).count() >= 8 {
            ui.colored_label(ui.visuals().warn_fg_color, T::FactDateUnreadable.get(lang));
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

    /// A field typed as text: what the user typed while it has the focus, or
    /// while what they typed cannot be read; else the stored value.
    fn typed(
        &mut self,
        ui: &mut egui::Ui,
        i: usize,
        which: Typed,
        label: &str,
        stored: String,
        width: f32,
    ) -> (String, egui::Response) {
        let key = (i, which);
        let mut text = self.drafts.get(&key).cloned().unwrap_or_else(|| stored.clone());
        let l = ui.label(label);
        let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(width)).labelled_by(l.id);
        let readable = match which {
            Typed::Value => text.trim().is_empty() || parse_value(&text).is_some(),
            Typed::AsOf => text.trim().is_empty() || parse_date(&text, false).is_some(),
        };
        if r.has_focus() || r.changed() || !readable {
            self.drafts.insert(key, text.clone());
        } else {
            self.drafts.remove(&key);
        }
        (text, r)
    }
}
