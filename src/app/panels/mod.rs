//! Each panel reads the state and pushes commands; none changes the document.

pub mod compare;
pub mod editor;
pub mod facts;
pub mod figures;
pub mod find;
pub mod import_report;
pub mod outline;
pub mod problems;
pub mod sources;
pub mod status;

/// The height of one line of a list that draws only the lines in view (问题, 数字).
pub fn row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Button) + ui.spacing().button_padding.y * 2.0
}

/// A cell of such a line: fixed width, left-aligned; the widget in it is cut if too long.
pub fn cell(
    ui: &mut egui::Ui,
    width: f32,
    height: f32,
    add: impl FnOnce(&mut egui::Ui) -> egui::Response,
) -> egui::Response {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(egui::vec2(width, height), layout, |ui| {
        ui.set_min_width(width);
        ui.set_max_width(width);
        add(ui)
    })
    .inner
}

/// Puts the keyboard focus in a text field with all of its text selected, so
/// that typing replaces it (as Word does for a field it opens).
pub fn focus_select_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    ctx.memory_mut(|m| m.request_focus(id));
    let mut st = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let all =
        egui::text::CCursorRange::two(egui::text::CCursor::new(0), egui::text::CCursor::new(text.chars().count()));
    st.cursor.set_char_range(Some(all));
    st.store(ctx, id);
}
