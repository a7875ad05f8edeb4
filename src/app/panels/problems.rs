use crate::app::command::{AppCmd, Command, Edit, Nav, SpanEdit};
use crate::app::files::FileAction;
use crate::app::i18n::{Lang, T};
use crate::app::state::State;
use crate::checks::Diagnostic;
use crate::model::{SectionId, Severity, Suppression};

/// 问题: the diagnostics, grouped by section in document order, filtered by
/// severity. The list has one line per finding and draws only the lines in
/// view, so a draft with a thousand findings stays fast; the finding clicked
/// is shown in full above the list, with its actions.
pub struct ProblemsPanel {
    show_errors: bool,
    show_warnings: bool,
    show_info: bool,
    /// The diagnostic last clicked (rule, section, span start).
    current: Option<(&'static str, SectionId, usize)>,
    /// The list's lines, for one check and one choice of severities.
    lines: Option<(LinesKey, Vec<Line>)>,
}

/// What the lines depend on: the check and the three severity filters.
type LinesKey = (u64, [bool; 3]);

impl Default for ProblemsPanel {
    fn default() -> Self {
        ProblemsPanel { show_errors: true, show_warnings: true, show_info: true, current: None, lines: None }
    }
}

/// A line of the list: a section's heading, or a finding (its index in the diagnostics).
#[derive(Clone, Copy)]
enum Line {
    Section(SectionId),
    Finding(usize),
}

fn key(d: &Diagnostic) -> (&'static str, SectionId, usize) {
    (d.rule, d.section, d.span.start)
}

impl ProblemsPanel {
    /// Another document is open: no finding of the last one stays clicked.
    pub fn forget_current(&mut self) {
        self.current = None;
        self.lines = None;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let diags = &state.derived.diagnostics;
        let infos = diags.iter().filter(|d| d.severity == Severity::Info).count();
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.show_errors, format!("{} {}", T::FilterErrors.get(lang), state.derived.errors));
            ui.checkbox(&mut self.show_warnings, format!("{} {}", T::FilterWarnings.get(lang), state.derived.warnings));
            ui.checkbox(&mut self.show_info, format!("{} {infos}", T::FilterInfos.get(lang)));
        });
        let ignored = state.doc.brief().checks.suppressed.len();
        ui.horizontal_wrapped(|ui| {
            if ui.small_button(T::ExportReport.get(lang)).on_hover_text(T::ExportReportHint.get(lang)).clicked() {
                out.push(AppCmd::Prompt(FileAction::ExportReport).into());
            }
            if ignored > 0 {
                ui.weak(format!("{} {ignored}", T::IgnoredCount.get(lang)));
                if ui.small_button(T::RestoreIgnored.get(lang)).clicked() {
                    out.push(Edit::ClearSuppressions.into());
                }
            }
        });
        ui.separator();
        if diags.is_empty() {
            ui.weak(T::NoProblems.get(lang));
            return;
        }
        // The clicked finding in full, in a box of one height whether a finding
        // is shown or not and however long its message: the list below never
        // moves under the pointer.
        let height = super::row_height(ui) * 4.0 + ui.spacing().item_spacing.y * 3.0;
        let width = ui.available_width();
        ui.allocate_ui_with_layout(egui::vec2(width, height), egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.set_min_size(egui::vec2(width, height));
            ui.set_max_height(height);
            egui::ScrollArea::vertical().id_salt("finding-detail").max_height(height).auto_shrink([false, true]).show(
                ui,
                |ui| match self.current.and_then(|k| diags.iter().find(|d| key(d) == k)) {
                    Some(d) => self.detail(ui, state, d, lang, out),
                    None => {
                        ui.weak(T::ClickAFinding.get(lang));
                    }
                },
            );
        });
        ui.separator();
        let key = (state.checks.generation(), [self.show_errors, self.show_warnings, self.show_info]);
        if self.lines.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut lines = Vec::with_capacity(diags.len() + 16);
            for (i, d) in diags.iter().enumerate().filter(|(_, d)| self.shown(d.severity)) {
                if !matches!(lines.last(), Some(Line::Finding(p)) if diags[*p].section == d.section) {
                    lines.push(Line::Section(d.section));
                }
                lines.push(Line::Finding(i));
            }
            self.lines = Some((key, lines));
        }
        // Taken out while the rows draw (a row updates the current finding), and put back after.
        let Some((key, lines)) = self.lines.take() else { return };
        let height = super::row_height(ui);
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, height, lines.len(), |ui, range| {
            for line in &lines[range] {
                match line {
                    Line::Section(id) => {
                        let title = state.doc.brief().section(*id).map_or("", |s| s.title.as_str());
                        let title = if title.is_empty() { T::Untitled.get(lang) } else { title };
                        // A section's heading line, left-aligned: clicking it shows the section.
                        let size = egui::vec2(ui.available_width(), height);
                        let (rect, r) = ui.allocate_exact_size(size, egui::Sense::click());
                        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
                        let font = egui::TextStyle::Body.resolve(ui.style());
                        let color = ui.visuals().strong_text_color();
                        ui.painter().with_clip_rect(rect).text(
                            rect.left_center(),
                            egui::Align2::LEFT_CENTER,
                            title,
                            font,
                            color,
                        );
                        if r.clicked() {
                            out.push(Nav::Select(*id).into());
                        }
                    }
                    Line::Finding(i) => self.row(ui, state, &diags[*i], height, lang, out),
                }
            }
        });
        self.lines = Some((key, lines));
    }

    fn shown(&self, severity: Severity) -> bool {
        match severity {
            Severity::Error => self.show_errors,
            Severity::Warning => self.show_warnings,
            Severity::Info => self.show_info,
        }
    }

    /// One line: the severity marker, the rule and the message, cut to the width.
    fn row(
        &mut self,
        ui: &mut egui::Ui,
        state: &State,
        d: &Diagnostic,
        height: f32,
        lang: Lang,
        out: &mut Vec<Command>,
    ) {
        let color = super::editor::severity_color(ui.visuals(), Some(d.severity));
        let message = d.message(lang);
        // The severity shows in the marker's colour; the message keeps the text colour, readable when selected.
        let mut job = egui::text::LayoutJob::default();
        let font = egui::TextStyle::Body.resolve(ui.style());
        job.append(&format!("● {} ", d.rule), 0.0, egui::TextFormat::simple(font.clone(), color));
        job.append(&message, 0.0, egui::TextFormat::simple(font, ui.visuals().text_color()));
        let button = egui::Button::selectable(self.current == Some(key(d)), job).truncate();
        let r = super::cell(ui, ui.available_width(), height, |ui| ui.add(button)).on_hover_ui(|ui| {
            ui.set_max_width(420.0);
            ui.label(&message);
            // The rule's doc is rendered only while the pointer is on the row.
            if let Some(rule) = crate::checks::rule(d.rule) {
                ui.separator();
                ui.label(rule.doc().render_in(lang));
            }
        });
        if r.clicked() {
            self.current = Some(key(d));
            match state.current_span(d.section, &d.span) {
                Some(span) => out.push(Nav::Reveal(d.section, span).into()),
                None => out.push(Nav::Select(d.section).into()),
            }
        }
    }

    /// The clicked finding in full, with Apply fix and Ignore.
    fn detail(&self, ui: &mut egui::Ui, state: &State, d: &Diagnostic, lang: Lang, out: &mut Vec<Command>) {
        let color = super::editor::severity_color(ui.visuals(), Some(d.severity));
        let message = d.message(lang);
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(color, format!("● {}", d.rule));
            if let Some(rule) = crate::checks::rule(d.rule) {
                ui.weak(if lang == Lang::Zh { rule.doc().title_zh } else { rule.doc().title_en });
            }
        });
        ui.label(message);
        ui.horizontal(|ui| {
            if let Some((label, cmd)) = fix_command(state, d, lang)
                && ui.button(label).on_hover_text(fix_hover(state, d)).clicked()
            {
                out.push(cmd);
            }
            if ui.button(T::Ignore.get(lang)).on_hover_text(T::IgnoreHint.get(lang)).clicked() {
                out.push(ignore_command(state, d));
            }
        });
    }
}

/// The flagged text as the checks saw it.
fn flagged<'a>(state: &'a State, d: &Diagnostic) -> &'a str {
    state.checked_body(d.section).and_then(|b| b.get(d.span.clone())).unwrap_or("")
}

fn fix_hover(state: &State, d: &Diagnostic) -> String {
    format!("{} → {}", flagged(state, d), d.fix.as_deref().unwrap_or(""))
}

/// A finding's fix as a command, with the button's label saying what it
/// writes; None when there is none or the text it was for has been edited.
pub fn fix_command(state: &State, d: &Diagnostic, lang: Lang) -> Option<(String, Command)> {
    let fix = d.fix.as_ref()?;
    let flagged = flagged(state, d);
    let span = state.current_span(d.section, &d.span)?;
    // A fix that reaches other sections too: every place as it was checked and where it is now.
    let mut elsewhere: Vec<SpanEdit> = d
        .fixes_elsewhere
        .iter()
        .map(|f| {
            let expected = state.checked_body(f.section)?.get(f.span.clone())?.to_string();
            let span = state.current_span(f.section, &f.span)?;
            Some(SpanEdit { section: f.section, span, expected, with: f.with.clone() })
        })
        .collect::<Option<_>>()?;
    let cmd = if elsewhere.is_empty() {
        Edit::Replace {
            section: d.section,
            field: crate::model::Field::Body,
            span,
            expected: flagged.to_string(),
            with: fix.clone(),
        }
        .into()
    } else {
        elsewhere.push(SpanEdit { section: d.section, span, expected: flagged.to_string(), with: fix.clone() });
        Edit::ReplaceSpans(elsewhere).into()
    };
    Some((fix_label(fix, lang), cmd))
}

/// Ignoring a finding: stored in the brief, for this rule, section and text.
pub fn ignore_command(state: &State, d: &Diagnostic) -> Command {
    Edit::Ignore(Suppression { rule: d.rule.to_string(), section: d.section, text: flagged(state, d).to_string() })
        .into()
}

/// What 应用修改 writes, on its button: 改为“三分之二” or 删除这处重复.
fn fix_label(fix: &str, lang: Lang) -> String {
    if fix.is_empty() {
        return T::ApplyFixDelete.get(lang).to_string();
    }
    let short: String = fix.chars().take(16).collect();
    let short = if fix.chars().count() > 16 { format!("{short}…") } else { short };
    T::ApplyFixTo.get(lang).replace("{}", &short)
}
