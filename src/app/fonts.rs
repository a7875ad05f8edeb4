//! Fonts: Chinese must render the same way on every machine.
//!
//! egui's own fonts have no CJK glyphs, and a system CJK collection often puts
//! its Japanese face first. So a Simplified Chinese subset of Noto Sans CJK SC
//! (GB2312 and common punctuation, OFL-1.1, made by
//! `assets/fonts/make-subset.py`) is compiled in and put first in both
//! families. Characters outside it fall back to egui's fonts, then to the
//! system fonts through eframe's `system_fonts` provider.

use std::sync::Arc;

/// The bundled font's name in egui's font table.
pub const BUNDLED: &str = "NotoSansSC-GB2312";
const BUNDLED_BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-GB2312.otf");

/// The user's font's name in egui's font table.
const USER: &str = "user-font";

/// egui's default fonts with the bundled Chinese font first, and before it the
/// font the user chose in Settings (already checked by `settings::read_font`).
pub fn definitions(user: Option<Vec<u8>>) -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(BUNDLED.to_owned(), Arc::new(egui::FontData::from_static(BUNDLED_BYTES)));
    let mut first = vec![BUNDLED.to_owned()];
    if let Some(bytes) = user {
        fonts.font_data.insert(USER.to_owned(), Arc::new(egui::FontData::from_owned(bytes)));
        first.insert(0, USER.to_owned());
    }
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family.clone()).or_default();
        // Monospace keeps its Latin face first so code still lines up.
        let at = if family == egui::FontFamily::Monospace { list.len().min(1) } else { 0 };
        for (i, name) in first.iter().enumerate() {
            list.insert(at + i, name.clone());
        }
    }
    fonts
}

/// Installs the fonts the window uses.
pub fn install(ctx: &egui::Context, user: Option<Vec<u8>>) {
    ctx.set_fonts(definitions(user));
}
