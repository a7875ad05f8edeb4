use crate::app::command::{AppCmd, Command, Edit, Nav};
use crate::app::i18n::{Lang, T};
use crate::app::state::State;
use crate::model::Section;

/// The section tree, with heading numbers as they will be exported.
#[derive(Default)]
pub struct OutlinePanel {
    /// The section waiting for the user to confirm its deletion.
    confirm_delete: Option<crate::model::SectionId>,
    /// 重命名 was clicked for this section.
    rename: Option<crate::model::SectionId>,
}

impl OutlinePanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        ui.heading(T::Outline.get(lang));
        self.actions(ui, state, lang, out);
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for (section, depth) in state.doc.brief().walk() {
                Self::row(ui, state, section, depth, lang, out);
            }
        });
    }

    /// Add, move and delete, acting on the selected section.
    fn actions(&mut self, ui: &mut egui::Ui, state: &State, lang: Lang, out: &mut Vec<Command>) {
        let selected = state.selected;
        if let Some(id) = self.rename.take() {
            let title = state.doc.brief().section(id).map(|s| s.title.clone()).unwrap_or_default();
            super::focus_select_all(ui.ctx(), super::editor::title_id(id), &title);
        }
        ui.horizontal_wrapped(|ui| {
            if ui.small_button(T::NewBriefButton.get(lang)).on_hover_text(T::NewBrief.get(lang)).clicked() {
                out.push(AppCmd::NewBriefWindow.into());
            }
            if ui.small_button(T::AddSection.get(lang)).clicked() {
                out.push(
                    Edit::AddSection {
                        after: selected,
                        role: crate::model::Role::Custom,
                        title: T::NewSection.get(lang).to_string(),
                    }
                    .into(),
                );
            }
            if let Some(id) = selected
                && ui.small_button(T::AddSubsection.get(lang)).on_hover_text(T::AddSubsectionHint.get(lang)).clicked()
            {
                out.push(
                    Edit::AddChild {
                        parent: id,
                        role: crate::model::Role::Custom,
                        title: T::NewSection.get(lang).to_string(),
                    }
                    .into(),
                );
            }
            ui.menu_button(T::AddAidMode.get(lang), |ui| {
                let brief = state.doc.brief();
                for mode in &brief.taxonomy.modes {
                    // A mode the brief has already is marked; choosing it selects it.
                    let role = crate::model::Role::AidMode(mode.id.clone());
                    let present = brief.walk().any(|(s, _)| s.role == role);
                    let name = if present {
                        format!("{}{}", mode.name, T::AlreadyInBrief.get(lang))
                    } else {
                        mode.name.clone()
                    };
                    if ui.button(name).on_hover_text(&mode.description).clicked() {
                        out.push(
                            Edit::AddAidMode { after: selected, mode: mode.id.clone(), title: mode.name.clone() }
                                .into(),
                        );
                    }
                }
            });
            if let Some(id) = selected {
                if ui.small_button(T::MoveUp.get(lang)).clicked() {
                    out.push(Edit::MoveSection(id, -1).into());
                }
                if ui.small_button(T::MoveDown.get(lang)).clicked() {
                    out.push(Edit::MoveSection(id, 1).into());
                }
                if ui.small_button(T::Outdent.get(lang)).on_hover_text(T::OutdentHint.get(lang)).clicked() {
                    out.push(Edit::Outdent(id).into());
                }
                if ui.small_button(T::Indent.get(lang)).on_hover_text(T::IndentHint.get(lang)).clicked() {
                    out.push(Edit::Indent(id).into());
                }
                if ui.small_button(T::Rename.get(lang)).on_hover_text(T::RenameHint.get(lang)).clicked() {
                    // The title is edited above the body: put the cursor there on the next
                    // frame (this frame's click would take the focus away again).
                    self.rename = Some(id);
                }
                if ui.small_button(T::Delete.get(lang)).clicked() {
                    self.confirm_delete = Some(id);
                }
            }
        });
        if let Some(id) = self.confirm_delete {
            let section = state.doc.brief().section(id);
            let title = section.map_or(String::new(), |s| s.title.clone());
            // What goes: the sub-sections and the characters, counted.
            let (subsections, chars) = section.map_or((0, 0), |s| {
                let mut stack = vec![s];
                let (mut n, mut c) = (0, 0);
                while let Some(x) = stack.pop() {
                    n += 1;
                    c += x.body.chars().count();
                    stack.extend(x.children.iter());
                }
                (n - 1, c)
            });
            let mut keep_open = true;
            crate::app::dialog(T::Delete.get(lang), "confirm-delete", ui.ctx()).show(ui.ctx(), |ui| {
                let what = crate::app::i18n::fill(T::ConfirmDeleteCounts.get(lang), &[subsections, chars]);
                ui.label(format!("“{title}”：{what}"));
                ui.horizontal(|ui| {
                    if ui.button(T::Delete.get(lang)).clicked() {
                        out.push(Edit::DeleteSection(id).into());
                        keep_open = false;
                    }
                    if ui.button(T::Cancel.get(lang)).clicked() {
                        keep_open = false;
                    }
                });
            });
            if !keep_open {
                self.confirm_delete = None;
            }
        }
    }

    fn row(ui: &mut egui::Ui, state: &State, s: &Section, depth: usize, lang: Lang, out: &mut Vec<Command>) {
        let number = state.outline.numbers.get(&s.id).map(String::as_str).unwrap_or("");
        let label = if s.title.is_empty() {
            format!("（{}）", T::Untitled.get(lang))
        } else {
            format!("{number}{}", s.title)
        };
        let chars = state.outline.chars.get(&s.id).copied().unwrap_or(0);
        ui.horizontal(|ui| {
            ui.add_space(depth as f32 * 14.0);
            // The count and the badge first, from the right, so a long title is cut, not overlapped.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(chars.to_string());
                let (errors, others) = state.checks.badges.get(&s.id).copied().unwrap_or_default();
                if errors + others > 0 {
                    let color = if errors > 0 { ui.visuals().error_fg_color } else { ui.visuals().warn_fg_color };
                    ui.colored_label(color, format!("● {}", errors + others))
                        .on_hover_text(crate::app::i18n::errors_and_warnings(errors, others, lang));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    let selected = state.selected == Some(s.id);
                    let button = egui::Button::selectable(selected, label.as_str())
                        .truncate()
                        .sense(egui::Sense::click_and_drag());
                    let r = ui.add(button).on_hover_text(&label);
                    if r.clicked() {
                        out.push(Nav::Select(s.id).into());
                    }
                    // Drag a row onto another to move it before (upper half) or after (lower half) that one.
                    r.dnd_set_drag_payload(s.id);
                    let before = |r: &egui::Response| {
                        ui.input(|i| i.pointer.interact_pos()).is_some_and(|p| p.y < r.rect.center().y)
                    };
                    if let Some(dragged) = r.dnd_hover_payload::<crate::model::SectionId>()
                        && *dragged != s.id
                    {
                        let y = if before(&r) { r.rect.top() } else { r.rect.bottom() };
                        let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
                        ui.painter().hline(r.rect.x_range(), y, stroke);
                    }
                    if let Some(dragged) = r.dnd_release_payload::<crate::model::SectionId>()
                        && *dragged != s.id
                    {
                        out.push(Edit::MoveNextTo { id: *dragged, target: s.id, before: before(&r) }.into());
                    }
                });
            });
        });
    }
}
