//! Each panel reads the state and pushes commands; none changes the document.

pub mod editor;
pub mod facts;
pub mod figures;
pub mod find;
pub mod import_report;
pub mod outline;
pub mod problems;
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
