//! What the user sets once and expects to find again: language, theme, text
//! size, font, recent files. Kept by eframe's persistence between runs.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// The key under which eframe stores the settings.
pub const KEY: &str = "briefdesk-settings";
/// How many recent files the 文件 menu lists.
const RECENT: usize = 10;
/// A font file larger than this is refused (a CJK collection is about 20–30 MB).
const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follow the system.
    System,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    /// Body text size in points.
    pub text_size: f32,
    /// A font file put before the bundled one; None uses the bundled font.
    pub font: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    /// The outline on the left and the checks (问题, 数字, 事实) on the right.
    pub show_outline: bool,
    pub show_checks: bool,
    /// The side panels' widths, as shares of the window's.
    pub outline_share: f32,
    pub checks_share: f32,
}

/// A side panel the 视图 menu shows or hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Outline,
    Checks,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Zh,
            theme: Theme::Light,
            text_size: Settings::DEFAULT_TEXT_SIZE,
            font: None,
            recent: Vec::new(),
            show_outline: true,
            show_checks: true,
            outline_share: 0.2,
            checks_share: 0.27,
        }
    }
}

impl Settings {
    pub const TEXT_SIZES: std::ops::RangeInclusive<f32> = 11.0..=28.0;
    pub const DEFAULT_TEXT_SIZE: f32 = 15.0;

    /// Ctrl+= and Ctrl+- step the text size by one point; Ctrl+0 resets it.
    pub fn zoom(&mut self, step: i8) {
        self.text_size = match step {
            0 => Settings::DEFAULT_TEXT_SIZE,
            s => (self.text_size + f32::from(s)).clamp(*Settings::TEXT_SIZES.start(), *Settings::TEXT_SIZES.end()),
        };
    }

    /// Sets the text size, kept within [`Settings::TEXT_SIZES`] and to whole points.
    pub fn set_text_size(&mut self, size: f32) {
        if size.is_finite() {
            self.text_size = size.round().clamp(*Settings::TEXT_SIZES.start(), *Settings::TEXT_SIZES.end());
        }
    }

    /// Puts a path first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT);
    }

    /// Applies theme and text size to a context.
    pub fn apply_style(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.theme {
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
            Theme::System => egui::ThemePreference::System,
        });
        let size = self.text_size.clamp(*Self::TEXT_SIZES.start(), *Self::TEXT_SIZES.end());
        ctx.all_styles_mut(|style| {
            use egui::{FontFamily, FontId, TextStyle};
            style.text_styles = [
                (TextStyle::Small, FontId::new(size * 0.75, FontFamily::Proportional)),
                (TextStyle::Body, FontId::new(size, FontFamily::Proportional)),
                (TextStyle::Button, FontId::new(size, FontFamily::Proportional)),
                (TextStyle::Heading, FontId::new(size * 1.35, FontFamily::Proportional)),
                (TextStyle::Monospace, FontId::new(size * 0.95, FontFamily::Monospace)),
            ]
            .into();
        });
    }
}

/// Why a font file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("cannot read the font file ({0}): {1}")]
    Read(std::io::Error, PathBuf),
    #[error("the font file is larger than 64 MB: {0}")]
    TooLarge(PathBuf),
    #[error("not a font file that can be read (OpenType or TrueType): {0}")]
    NotAFont(PathBuf),
    #[error("the font has no Chinese characters (中文): {0}")]
    NoChinese(PathBuf),
}

/// Reads a font file and checks that it parses and draws Chinese.
pub fn read_font(path: &Path) -> Result<Vec<u8>, FontError> {
    use skrifa::MetadataProvider;
    let meta = std::fs::metadata(path).map_err(|e| FontError::Read(e, path.to_path_buf()))?;
    if meta.len() > MAX_FONT_BYTES {
        return Err(FontError::TooLarge(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|e| FontError::Read(e, path.to_path_buf()))?;
    let font = skrifa::FontRef::from_index(&bytes, 0).map_err(|_| FontError::NotAFont(path.to_path_buf()))?;
    let charmap = font.charmap();
    if "中文简报".chars().any(|c| charmap.map(c).is_none()) {
        return Err(FontError::NoChinese(path.to_path_buf()));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..15 {
            s.remember(Path::new(&format!("/tmp/b{i}.ron")));
        }
        s.remember(Path::new("/tmp/b3.ron"));
        assert_eq!(s.recent.len(), RECENT);
        assert_eq!(s.recent[0], Path::new("/tmp/b3.ron"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("b3.ron")).count(), 1);
    }

    #[test]
    fn settings_survive_a_round_trip_and_old_files_get_defaults() {
        let mut s = Settings { theme: Theme::Dark, text_size: 18.0, lang: Lang::En, ..Default::default() };
        s.remember(Path::new("/tmp/a.ron"));
        let text = ron::to_string(&s).unwrap();
        assert_eq!(ron::from_str::<Settings>(&text).unwrap(), s);
        let old: Settings = ron::from_str("(lang: En)").unwrap();
        assert_eq!(old.text_size, Settings::default().text_size);
    }

    #[test]
    fn a_font_file_is_checked_before_use() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk.ttf");
        std::fs::write(&junk, b"not a font").unwrap();
        assert!(matches!(read_font(&junk), Err(FontError::NotAFont(_))));
        assert!(matches!(read_font(&dir.path().join("missing.ttf")), Err(FontError::Read(..))));
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts/NotoSansSC-GB2312.otf");
        assert!(read_font(&bundled).is_ok());
    }
}
