use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, CCursorRange, LayoutJob, TextFormat};

use crate::app::command::Command;
use crate::app::i18n::{Lang, T};
use crate::app::state::State;
use crate::model::{SectionId, Severity};

/// The body editor's widget id for a section, stable across frames, so that a
/// selection can be set from outside (the 问题 panel, the ledger, find).
pub fn body_id(section: SectionId) -> egui::Id {
    egui::Id::unique(("briefdesk-body", section.0))
}

/// The selected section's title and body. Figures are underlined; spans with a
/// diagnostic get a wavy underline in the severity colour and a tooltip.
#[derive(Default)]
pub struct EditorPanel {
    /// The last reveal request handled, so each is applied once.
    revealed: u64,
}

/// A marked span of the body as the checks last saw it.
struct Mark {
    span: Range<usize>,
    severity: Option<Severity>,
    /// Index into the derived diagnostics, for the tooltip.
    diagnostic: Option<usize>,
}

impl EditorPanel {
    /// `found`: the find bar's current match, highlighted.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &State,
        lang: Lang,
        found: Option<&(SectionId, Range<usize>)>,
        out: &mut Vec<Command>,
    ) {
        let mut brief_title = state.doc.brief.meta.title.clone();
        ui.horizontal(|ui| {
            let label = ui.label(T::BriefTitle.get(lang));
            let r =
                ui.add(egui::TextEdit::singleline(&mut brief_title).desired_width(f32::INFINITY)).labelled_by(label.id);
            if r.changed() {
                out.push(Command::SetBriefTitle(brief_title.clone()));
            }
        });
        ui.separator();
        let Some(section) = state.selected.and_then(|id| state.doc.brief.section(id)) else {
            ui.label(T::NoSection.get(lang));
            return;
        };
        let id = section.id;
        let mut title = section.title.clone();
        ui.horizontal(|ui| {
            let label = ui.label(T::SectionTitle.get(lang));
            let r = ui.add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY)).labelled_by(label.id);
            if r.changed() {
                out.push(Command::SetTitle(id, title.clone()));
            }
        });
        let label = ui.label(T::SectionBody.get(lang));
        let edit_id = body_id(id);
        // A selection asked for by another panel: set it before the widget reads its state.
        let mut reveal_at = None;
        if let Some(r) = &state.reveal
            && r.seq != self.revealed
            && r.section == id
        {
            self.revealed = r.seq;
            if let Some(chars) = char_range(&section.body, &r.span) {
                let mut st = egui::TextEdit::load_state(ui.ctx(), edit_id).unwrap_or_default();
                st.cursor.set_char_range(Some(CCursorRange::two(CCursor::new(chars.start), CCursor::new(chars.end))));
                st.store(ui.ctx(), edit_id);
                if r.focus {
                    ui.memory_mut(|m| m.request_focus(edit_id));
                }
                reveal_at = Some(chars.start);
            }
        }
        let marks = marks(state, id);
        let original = section.body.as_str();
        let mut body = section.body.clone();
        let font = egui::TextStyle::Body.resolve(ui.style());
        let text_color = ui.visuals().text_color();
        let figure_line = egui::Stroke::new(1.0, ui.visuals().weak_text_color());
        let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| -> Arc<egui::Galley> {
            let text = text.as_str();
            let mut job = highlight(text, original, &marks, font.clone(), text_color, figure_line);
            job.wrap.max_width = wrap_width;
            ui.fonts_mut(|f| f.layout_job(job))
        };
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            let output = egui::TextEdit::multiline(&mut body)
                .id(edit_id)
                .desired_width(f32::INFINITY)
                .desired_rows(24)
                .layouter(&mut layouter)
                .show(ui);
            let origin = output.galley_pos - egui::vec2(output.galley.rect.left(), 0.0);
            if let Some(at) = reveal_at {
                let rect = output.galley.pos_from_cursor(CCursor::new(at)).translate(origin.to_vec2());
                ui.scroll_to_rect(rect.expand(40.0), Some(egui::Align::Center));
            }
            // Wavy underlines, drawn over the text, only while the text is what the checks saw.
            let current = body.as_str() == original;
            let mut hovered = None;
            if current && let Some((_, span)) = found.filter(|(s, _)| *s == id) {
                let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
                for rect in span_rects(&output.galley, original, span) {
                    ui.painter().rect_filled(rect.translate(origin.to_vec2()), 2.0, fill);
                }
            }
            if current {
                let pointer = ui.input(|i| i.pointer.hover_pos());
                for m in marks.iter().filter(|m| m.severity.is_some()) {
                    let color = severity_color(ui.visuals(), m.severity);
                    for rect in span_rects(&output.galley, original, &m.span) {
                        let rect = rect.translate(origin.to_vec2());
                        wavy(ui.painter(), rect, color);
                        if pointer.is_some_and(|p| rect.contains(p)) {
                            hovered = m.diagnostic;
                        }
                    }
                }
            }
            let response = output.response.response.labelled_by(label.id);
            if let Some(d) = hovered.and_then(|i| state.derived.diagnostics.get(i)) {
                response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.set_max_width(420.0);
                    let message = if lang == Lang::Zh { &d.message } else { &d.message_en };
                    ui.strong(format!("{} {message}", d.rule));
                    if let Some(rule) = crate::checks::rule(d.rule) {
                        ui.separator();
                        ui.label(rule.doc().render());
                    }
                });
            }
            if response.changed() {
                out.push(Command::SetBody(id, body.clone()));
            }
        });
    }
}

pub fn severity_color(visuals: &egui::Visuals, severity: Option<Severity>) -> egui::Color32 {
    match severity {
        Some(Severity::Error) => visuals.error_fg_color,
        Some(Severity::Warning) => visuals.warn_fg_color,
        _ => visuals.weak_text_color(),
    }
}

/// The figures and the diagnostics of one section, as spans of its body.
fn marks(state: &State, id: SectionId) -> Vec<Mark> {
    let mut marks: Vec<Mark> = state
        .derived
        .figures
        .iter()
        .filter(|(s, _)| *s == id)
        .map(|(_, f)| Mark { span: f.span.clone(), severity: None, diagnostic: None })
        .collect();
    for (i, d) in state.derived.diagnostics.iter().enumerate() {
        if d.section == id && !d.span.is_empty() {
            marks.push(Mark { span: d.span.clone(), severity: Some(d.severity), diagnostic: Some(i) });
        }
    }
    marks
}

/// The layout of the body: figures underlined. While the user types, `text`
/// runs ahead of `original` (what the checks saw); spans are carried across
/// the edit, and spans the edit touched are left plain until the next check.
fn highlight(
    text: &str,
    original: &str,
    marks: &[Mark],
    font: egui::FontId,
    color: egui::Color32,
    figure_line: egui::Stroke,
) -> LayoutJob {
    let shift = Shift::new(original, text);
    let mut spans: Vec<Range<usize>> = marks
        .iter()
        .filter(|m| m.severity.is_none())
        .filter_map(|m| shift.map(&m.span))
        .filter(|r| r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect();
    spans.sort_by_key(|r| r.start);
    let plain = TextFormat::simple(font.clone(), color);
    let underlined = TextFormat { underline: figure_line, ..TextFormat::simple(font, color) };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for r in spans {
        if r.start < at {
            continue; // overlapping figures: the first wins
        }
        job.append(&text[at..r.start], 0.0, plain.clone());
        job.append(&text[r.clone()], 0.0, underlined.clone());
        at = r.end;
    }
    job.append(&text[at..], 0.0, plain);
    job
}

/// Carries byte spans of `old` over to `new`, where `new` differs from `old` in
/// one edited stretch (typing, a paste, a deletion).
struct Shift {
    prefix: usize,
    old_suffix_start: usize,
    delta: isize,
}

impl Shift {
    fn new(old: &str, new: &str) -> Shift {
        let mut prefix = old.bytes().zip(new.bytes()).take_while(|(a, b)| a == b).count();
        while !old.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let max_suffix = old.len().min(new.len()) - prefix;
        let mut suffix = old.bytes().rev().zip(new.bytes().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
        while !old.is_char_boundary(old.len() - suffix) {
            suffix -= 1;
        }
        Shift { prefix, old_suffix_start: old.len() - suffix, delta: new.len() as isize - old.len() as isize }
    }

    fn map(&self, r: &Range<usize>) -> Option<Range<usize>> {
        if r.end <= self.prefix {
            Some(r.clone())
        } else if r.start >= self.old_suffix_start {
            let start = (r.start as isize + self.delta) as usize;
            let end = (r.end as isize + self.delta) as usize;
            Some(start..end)
        } else {
            None
        }
    }
}

/// A byte range of `text` as a char range, if it lies on char boundaries.
pub fn char_range(text: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let head = text.get(..span.start)?;
    let inner = text.get(span.clone())?;
    let start = head.chars().count();
    Some(start..start + inner.chars().count())
}

/// The rectangles (one per row) a byte span covers in a galley of `text`.
fn span_rects(galley: &egui::Galley, text: &str, span: &Range<usize>) -> Vec<egui::Rect> {
    let Some(chars) = char_range(text, span) else { return Vec::new() };
    let mut rects: Vec<egui::Rect> = Vec::new();
    let mut current: Option<egui::Rect> = None;
    for c in chars.start..chars.end {
        let a = galley.pos_from_cursor(CCursor::new(c));
        let b = galley.pos_from_cursor(CCursor::new(c + 1));
        // A glyph's box: from its cursor to the next, on its own row.
        let glyph = if (b.top() - a.top()).abs() < 1.0 { egui::Rect::from_min_max(a.min, b.max) } else { a };
        current = match current {
            Some(r) if (r.top() - glyph.top()).abs() < 1.0 => Some(r.union(glyph)),
            Some(r) => {
                rects.push(r);
                Some(glyph)
            }
            None => Some(glyph),
        };
    }
    rects.extend(current);
    rects
}

/// A wavy line under `rect`.
fn wavy(painter: &egui::Painter, rect: egui::Rect, color: egui::Color32) {
    let y = rect.bottom() - 1.0;
    let (step, amp) = (3.0, 1.5);
    let mut points = Vec::new();
    let mut x = rect.left();
    let mut up = true;
    while x <= rect.right() {
        points.push(egui::pos2(x, if up { y - amp } else { y + amp }));
        up = !up;
        x += step;
    }
    if points.len() >= 2 {
        painter.add(egui::Shape::line(points, egui::Stroke::new(1.2, color)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_carried_across_an_edit_and_dropped_where_it_touched() {
        let old = "投入资金200万元，培训1000人次。";
        let new = "新增：投入资金200万元，培训1000人次。";
        let s = Shift::new(old, new);
        let money = old.find("200万元").map(|a| a..a + "200万元".len()).unwrap();
        let moved = s.map(&money).unwrap();
        assert_eq!(&new[moved], "200万元");

        // Typing inside a figure drops its span.
        let typed = "投入资金2005万元，培训1000人次。";
        let s = Shift::new(old, typed);
        assert_eq!(s.map(&money), None);
        let people = old.find("1000人次").map(|a| a..a + "1000人次".len()).unwrap();
        assert_eq!(&typed[s.map(&people).unwrap()], "1000人次");
    }

    #[test]
    fn the_shift_stays_on_char_boundaries() {
        // 万 and 亿 share their first UTF-8 byte.
        let s = Shift::new("5万", "5亿");
        assert!(s.prefix <= 1);
        assert_eq!(s.map(&(0..1)), Some(0..1));
        assert_eq!(s.map(&(1..4)), None);
    }

    #[test]
    fn byte_spans_become_char_ranges() {
        assert_eq!(char_range("共计1450户", &(6..10)), Some(2..6));
        assert_eq!(char_range("共计", &(1..3)), None);
    }
}
