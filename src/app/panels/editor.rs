use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, CCursorRange, LayoutJob, TextFormat};

use crate::app::command::{Command, Edit};
use crate::app::i18n::{Lang, T};
use crate::app::state::{Shift, State};
use crate::model::{SectionId, Severity};

/// The body editor's widget id for a section, stable across frames, so that a
/// selection can be set from outside (the 问题 panel, the ledger, find).
pub fn body_id(section: SectionId) -> egui::Id {
    egui::Id::unique(("briefdesk-body", section.0))
}

/// The section-title field's widget id, so that 重命名 in the outline can focus it.
pub fn title_id(section: SectionId) -> egui::Id {
    egui::Id::unique(("briefdesk-title", section.0))
}

/// The selected section's title and body. Figures are underlined; spans with a
/// diagnostic get a wavy underline in the severity colour and a tooltip.
#[derive(Default)]
pub struct EditorPanel {
    /// The last reveal request handled, so each is applied once.
    revealed: u64,
    /// The findings under the pointer when the context menu opened.
    menu_findings: Vec<usize>,
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
        found: Option<&crate::model::Found>,
        out: &mut Vec<Command>,
    ) {
        let title_match = found.filter(|f| f.field == crate::model::Field::Title);
        let found = found.filter(|f| f.field == crate::model::Field::Body).map(|f| (f.section, f.span.clone()));
        let found = found.as_ref();
        let mut brief_title = state.doc.brief().meta.title.clone();
        ui.horizontal(|ui| {
            let label = ui.label(T::BriefTitle.get(lang));
            let r =
                ui.add(egui::TextEdit::singleline(&mut brief_title).desired_width(f32::INFINITY)).labelled_by(label.id);
            if r.changed() {
                out.push(Edit::SetBriefTitle(brief_title.clone()).into());
            }
        });
        // The rest of the title page and the 落款, as every export prints them; 文档信息 edits them.
        let meta = &state.doc.brief().meta;
        ui.horizontal_wrapped(|ui| {
            let none = T::MetaNone.get(lang);
            let or_none = |s: &str| if s.trim().is_empty() { none.to_string() } else { s.replace('\n', " ") };
            ui.weak(format!("{}：{}", T::MetaSubtitle.get(lang), or_none(&meta.subtitle)));
            ui.weak(format!("{}：{}", T::MetaAuthor.get(lang), or_none(&meta.author)));
            ui.weak(format!("{}：{}", T::MetaDate.get(lang), meta.date_text().unwrap_or_else(|| none.to_string())));
            if ui.small_button(T::EditMeta.get(lang)).clicked() {
                out.push(crate::app::command::AppCmd::DocInfoWindow.into());
            }
        });
        ui.separator();
        let Some(section) = state.selected.and_then(|id| state.doc.brief().section(id)) else {
            ui.label(T::NoSection.get(lang));
            return;
        };
        let id = section.id;
        let mut title = section.title.clone();
        // A new section's title asked for (＋小节, ＋下级): the keyboard goes there, the title selected.
        if let Some(r) = &state.reveal
            && r.seq != self.revealed
            && r.section == id
            && r.field == crate::model::Field::Title
            && r.focus
        {
            self.revealed = r.seq;
            if let Some(chars) = char_range(&title, &r.span) {
                let mut st = egui::TextEdit::load_state(ui.ctx(), title_id(id)).unwrap_or_default();
                st.cursor.set_char_range(Some(CCursorRange::two(CCursor::new(chars.start), CCursor::new(chars.end))));
                st.store(ui.ctx(), title_id(id));
                ui.memory_mut(|m| m.request_focus(title_id(id)));
            }
        }
        ui.horizontal(|ui| {
            let label = ui.label(T::SectionTitle.get(lang));
            let unchanged = title.clone();
            let output = egui::TextEdit::singleline(&mut title).id(title_id(id)).desired_width(f32::INFINITY).show(ui);
            let r = output.response.response.clone().labelled_by(label.id);
            if r.changed() {
                out.push(Edit::SetTitle(id, title.clone()).into());
            }
            // Find's match in the title, highlighted as in the body.
            if title == unchanged
                && let Some(found) = title_match.filter(|f| f.section == id)
                && let Some(map) = Some(TextMap::new(&output.galley, &title))
            {
                let origin = output.galley_pos - egui::vec2(output.galley.rect.left(), 0.0);
                let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
                for rect in map.rects(&found.span, egui::Rect::EVERYTHING) {
                    ui.painter().rect_filled(rect.translate(origin.to_vec2()), 2.0, fill);
                }
            }
        });
        let label = ui.label(T::SectionBody.get(lang));
        let edit_id = body_id(id);
        // A selection asked for by another panel: set it before the widget reads its state.
        let mut reveal_at = None;
        // (A match in the title is highlighted there, above; the body keeps its selection.)
        if let Some(r) = &state.reveal
            && r.seq != self.revealed
            && r.section == id
            && r.field == crate::model::Field::Body
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
        // The text the findings and figures were computed on; while a large brief
        // is re-checked in the background it runs a step behind the body.
        let original = state.checked_body(id).unwrap_or("");
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
            // Wavy underlines over the text: spans are carried from the checked text
            // to the text on screen; the ones the last edit touched wait for the next check.
            // Every finding under the pointer: two may overlap (a figure in two relations).
            let mut hovered: Vec<usize> = Vec::new();
            let wavy_marks = marks.iter().filter(|m| m.severity.is_some());
            let unchanged = body == section.body;
            let map = (found.is_some() || wavy_marks.clone().next().is_some())
                .then(|| (TextMap::new(&output.galley, &body), Shift::new(original, &body)));
            let visible = ui.clip_rect().translate(-origin.to_vec2());
            // Find's match is in the coordinates of the body before this frame's edit.
            if let Some((map, _)) = &map
                && unchanged
                && let Some((_, span)) = found.filter(|(s, _)| *s == id)
            {
                let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
                for rect in map.rects(span, visible) {
                    ui.painter().rect_filled(rect.translate(origin.to_vec2()), 2.0, fill);
                }
            }
            if let Some((map, shift)) = &map {
                let pointer = ui.input(|i| i.pointer.hover_pos());
                for m in wavy_marks {
                    let color = severity_color(ui.visuals(), m.severity);
                    let Some(span) = shift.map(&m.span) else { continue };
                    for rect in map.rects(&span, visible) {
                        let rect = rect.translate(origin.to_vec2());
                        wavy(ui.painter(), rect, color);
                        if pointer.is_some_and(|p| rect.contains(p))
                            && let Some(d) = m.diagnostic
                            && !hovered.contains(&d)
                        {
                            hovered.push(d);
                        }
                    }
                }
            }
            let response = output.response.response.labelled_by(label.id);
            if response.secondary_clicked() {
                self.menu_findings = hovered.clone();
            }
            // Right click: cut, copy, paste, select all; on a finding, its fix and 忽略.
            response.context_menu(|ui| {
                let request = |ui: &egui::Ui, cmd: egui::ViewportCommand| {
                    ui.memory_mut(|m| m.request_focus(edit_id));
                    ui.ctx().send_viewport_cmd(cmd);
                    ui.close();
                };
                if ui.button(T::Cut.get(lang)).clicked() {
                    request(ui, egui::ViewportCommand::RequestCut);
                }
                if ui.button(T::Copy.get(lang)).clicked() {
                    request(ui, egui::ViewportCommand::RequestCopy);
                }
                if ui.button(T::Paste.get(lang)).clicked() {
                    request(ui, egui::ViewportCommand::RequestPaste);
                }
                if ui.button(T::SelectAll.get(lang)).clicked() {
                    super::focus_select_all(ui.ctx(), edit_id, &body);
                    ui.close();
                }
                for (n, d) in self.menu_findings.iter().filter_map(|&i| state.derived.diagnostics.get(i)).enumerate() {
                    ui.separator();
                    ui.weak(format!("{} {}", d.rule, d.message(lang)));
                    if let Some((label, cmd)) = super::problems::fix_command(state, d, lang)
                        && ui.button(label).clicked()
                    {
                        out.push(cmd);
                        ui.close();
                    }
                    if ui.push_id(n, |ui| ui.button(T::Ignore.get(lang))).inner.clicked() {
                        out.push(super::problems::ignore_command(state, d));
                        ui.close();
                    }
                }
            });
            let shown: Vec<&crate::checks::Diagnostic> =
                hovered.iter().filter_map(|&i| state.derived.diagnostics.get(i)).collect();
            if !shown.is_empty() {
                // Short, in the chosen language: what is wrong and how to fix it, for
                // each finding under the pointer. The rule's full doc is in 问题 and `briefdesk rules`.
                response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.set_max_width(300.0);
                    for (i, d) in shown.iter().enumerate() {
                        if i > 0 {
                            ui.separator();
                        }
                        ui.strong(format!("{} {}", d.rule, d.message(lang)));
                        if let Some(rule) = crate::checks::rule(d.rule) {
                            let doc = rule.doc();
                            let fix = match lang {
                                Lang::Zh => doc.fix_zh,
                                Lang::En => doc.fix_en,
                            };
                            ui.weak(format!("{}{fix}", T::FixLabel.get(lang)));
                        }
                    }
                });
            }
            if response.changed() {
                out.push(Edit::SetBody(id, body.clone()).into());
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

/// A byte range of `text` as a char range, if it lies on char boundaries.
pub fn char_range(text: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let head = text.get(..span.start)?;
    let inner = text.get(span.clone())?;
    let start = head.chars().count();
    Some(start..start + inner.chars().count())
}

/// Where the characters of a galley are: byte offsets to chars, chars to rows.
/// Built once per frame, so that each span costs two binary searches, not a
/// walk over the text.
struct TextMap<'a> {
    galley: &'a egui::Galley,
    /// Byte offset of each char, then the text's length.
    char_starts: Vec<usize>,
    /// Char index at which each row starts.
    row_starts: Vec<usize>,
}

impl<'a> TextMap<'a> {
    fn new(galley: &'a egui::Galley, text: &str) -> TextMap<'a> {
        let mut char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        char_starts.push(text.len());
        let mut row_starts = Vec::with_capacity(galley.rows.len());
        let mut at = 0;
        for row in &galley.rows {
            row_starts.push(at);
            at += row.char_count_including_newline().0;
        }
        TextMap { galley, char_starts, row_starts }
    }

    /// The rectangles (one per row, galley coordinates) a byte span covers,
    /// skipping rows outside `visible` (galley coordinates).
    fn rects(&self, span: &Range<usize>, visible: egui::Rect) -> Vec<egui::Rect> {
        let (Ok(start), Ok(end)) =
            (self.char_starts.binary_search(&span.start), self.char_starts.binary_search(&span.end))
        else {
            return Vec::new(); // not on char boundaries: the text moved on
        };
        let first = self.row_starts.partition_point(|&r| r <= start).saturating_sub(1);
        let mut out = Vec::new();
        for (i, row) in self.galley.rows.iter().enumerate().skip(first) {
            let row_start = self.row_starts[i];
            if row_start >= end || row.min_y() > visible.bottom() {
                break;
            }
            if row.max_y() < visible.top() {
                continue;
            }
            let glyphs = row.char_count_excluding_newline().0;
            let lo = start.max(row_start) - row_start;
            let hi = end.min(row_start + glyphs).saturating_sub(row_start);
            if lo < hi {
                let x0 = row.x_offset(egui::text::CharIndex(lo)) + row.pos.x;
                let x1 = row.x_offset(egui::text::CharIndex(hi)) + row.pos.x;
                out.push(egui::Rect::from_min_max(egui::pos2(x0, row.min_y()), egui::pos2(x1, row.max_y())));
            }
        }
        out
    }
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
    fn byte_spans_become_char_ranges() {
        assert_eq!(char_range("共计1450户", &(6..10)), Some(2..6));
        assert_eq!(char_range("共计", &(1..3)), None);
    }

    #[test]
    fn span_rectangles_follow_rows_and_agree_with_egui_cursors() {
        let ctx = egui::Context::default();
        let text = "第一行共计1450户。\n第二行，其中城镇职工860户，农民工640户，另有若干户尚在核实之中。";
        let mut out = ctx.run_ui(Default::default(), |ui| {
            let font = egui::FontId::proportional(14.0);
            let galley = ui.painter().layout(text.to_string(), font, egui::Color32::BLACK, 120.0);
            assert!(galley.rows.len() > 2, "the second paragraph wraps");
            let map = TextMap::new(&galley, text);
            let everything = egui::Rect::EVERYTHING;
            // A span on one row: from its first char's cursor to its last.
            let span = text.find("1450户").map(|a| a..a + "1450户".len()).unwrap();
            let rects = map.rects(&span, everything);
            assert_eq!(rects.len(), 1);
            let chars = char_range(text, &span).unwrap();
            let a = galley.pos_from_cursor(CCursor::new(chars.start));
            let b = galley.pos_from_cursor(CCursor::new(chars.end));
            assert_eq!((rects[0].left(), rects[0].right(), rects[0].top()), (a.left(), b.left(), a.top()));
            // The whole second paragraph covers every row after the first.
            let second = text.find('\n').unwrap() + 1..text.len();
            assert_eq!(map.rects(&second, everything).len(), galley.rows.len() - 1);
            // Rows out of view are skipped; a span off char boundaries gives nothing.
            let above = egui::Rect::from_min_max(egui::pos2(0.0, -100.0), egui::pos2(500.0, -50.0));
            assert!(map.rects(&second, above).is_empty());
            assert!(map.rects(&(1..2), everything).is_empty());
        });
        out.textures_delta.clear();
    }
}
