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

/// egui's default fonts with the bundled Chinese font first.
pub fn definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(BUNDLED.to_owned(), Arc::new(egui::FontData::from_static(BUNDLED_BYTES)));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family.clone()).or_default();
        // Monospace keeps its Latin face first so code still lines up.
        let at = if family == egui::FontFamily::Monospace { list.len().min(1) } else { 0 };
        list.insert(at, BUNDLED.to_owned());
    }
    fonts
}

/// Installs the fonts the window uses.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
