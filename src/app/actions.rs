//! The app's menu commands in one list: each action's label, its keyboard
//! shortcut and the command it sends. The menus and the key handling both
//! read it, so a menu never shows a shortcut that does something else.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{AppCmd, Command, Edit, FileCmd};
use super::files::FileAction;
use super::i18n::T;
use super::state::State;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    New,
    Open,
    Import,
    Save,
    SaveAs,
    ExportMarkdown,
    ExportHtml,
    ExportWord,
    ExportPdf,
    PrintPreview,
    DocInfo,
    ExportAnnotated,
    AddSource,
    Compare,
    Quit,
    Undo,
    Redo,
    Find,
    Replace,
    Settings,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ShowOutline,
    ShowChecks,
    About,
    Shortcuts,
    RulesHelp,
}

/// The entries of a menu: an action, or a separator (None).
pub const FILE_MENU_TOP: &[Option<Action>] = &[Some(Action::New), Some(Action::Open)];
pub const FILE_MENU_REST: &[Option<Action>] = &[
    Some(Action::Import),
    None,
    Some(Action::Save),
    Some(Action::SaveAs),
    Some(Action::DocInfo),
    None,
    Some(Action::AddSource),
    Some(Action::Compare),
    None,
    Some(Action::PrintPreview),
    Some(Action::ExportPdf),
    None,
    Some(Action::ExportMarkdown),
    Some(Action::ExportHtml),
    Some(Action::ExportWord),
    Some(Action::ExportAnnotated),
    None,
    Some(Action::Quit),
];
pub const HELP_MENU: &[Option<Action>] = &[Some(Action::Shortcuts), Some(Action::RulesHelp), None, Some(Action::About)];
pub const VIEW_MENU: &[Option<Action>] = &[
    Some(Action::ShowOutline),
    Some(Action::ShowChecks),
    None,
    Some(Action::ZoomIn),
    Some(Action::ZoomOut),
    Some(Action::ZoomReset),
    None,
];
pub const EDIT_MENU: &[Option<Action>] =
    &[Some(Action::Undo), Some(Action::Redo), None, Some(Action::Find), Some(Action::Replace)];

impl Action {
    /// Every action, those with more modifier keys first, so that Ctrl+Shift+Z is taken before Ctrl+Z.
    pub const ALL: [Action; 28] = [
        Action::Redo,
        Action::New,
        Action::Open,
        Action::Import,
        Action::Save,
        Action::SaveAs,
        Action::ExportMarkdown,
        Action::ExportHtml,
        Action::ExportWord,
        Action::ExportPdf,
        Action::PrintPreview,
        Action::DocInfo,
        Action::ExportAnnotated,
        Action::AddSource,
        Action::Compare,
        Action::Quit,
        Action::Undo,
        Action::Find,
        Action::Replace,
        Action::Settings,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::ShowOutline,
        Action::ShowChecks,
        Action::About,
        Action::Shortcuts,
        Action::RulesHelp,
    ];

    pub fn label(self) -> T {
        match self {
            Action::New => T::MenuNew,
            Action::Open => T::MenuOpen,
            Action::Import => T::MenuImport,
            Action::Save => T::MenuSave,
            Action::SaveAs => T::MenuSaveAs,
            Action::ExportMarkdown => T::MenuExportMd,
            Action::ExportHtml => T::MenuExportHtml,
            Action::ExportWord => T::MenuExportWord,
            Action::ExportPdf => T::MenuExportPdf,
            Action::PrintPreview => T::MenuPrintPreview,
            Action::DocInfo => T::MenuDocInfo,
            Action::ExportAnnotated => T::MenuExportAnnotated,
            Action::AddSource => T::MenuAddSource,
            Action::Compare => T::MenuCompare,
            Action::Quit => T::MenuQuit,
            Action::Undo => T::Undo,
            Action::Redo => T::Redo,
            Action::Find => T::MenuFind,
            Action::Replace => T::MenuReplace,
            Action::Settings => T::MenuSettings,
            Action::ZoomIn => T::ZoomIn,
            Action::ZoomOut => T::ZoomOut,
            Action::ZoomReset => T::ZoomReset,
            Action::ShowOutline => T::ShowOutline,
            Action::ShowChecks => T::ShowChecks,
            Action::About => T::MenuAbout,
            Action::Shortcuts => T::MenuShortcuts,
            Action::RulesHelp => T::MenuRules,
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Action::New => command(Key::N),
            Action::Open => command(Key::O),
            Action::Save => command(Key::S),
            Action::Undo => command(Key::Z),
            Action::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)),
            Action::Find => command(Key::F),
            Action::Replace => command(Key::H),
            Action::ZoomIn => command(Key::Equals),
            Action::ZoomOut => command(Key::Minus),
            Action::ZoomReset => command(Key::Num0),
            Action::PrintPreview => command(Key::P),
            Action::ExportPdf | Action::DocInfo | Action::About | Action::Shortcuts | Action::RulesHelp => None,
            Action::Import
            | Action::SaveAs
            | Action::ExportMarkdown
            | Action::ExportHtml
            | Action::ExportWord
            | Action::ExportAnnotated
            | Action::AddSource
            | Action::Compare
            | Action::Quit
            | Action::Settings
            | Action::ShowOutline
            | Action::ShowChecks => None,
        }
    }

    pub fn command(self) -> Command {
        match self {
            Action::New => AppCmd::NewBriefWindow.into(),
            Action::Open => AppCmd::Prompt(FileAction::Open).into(),
            Action::Import => AppCmd::Prompt(FileAction::Import).into(),
            Action::Save => FileCmd::Save.into(),
            Action::SaveAs => AppCmd::Prompt(FileAction::SaveAs).into(),
            Action::ExportMarkdown => AppCmd::Prompt(FileAction::ExportMarkdown).into(),
            Action::ExportHtml => AppCmd::Prompt(FileAction::ExportHtml).into(),
            Action::ExportWord => AppCmd::Prompt(FileAction::ExportWord).into(),
            Action::ExportPdf => AppCmd::Prompt(FileAction::ExportPdf).into(),
            Action::PrintPreview => FileCmd::PrintPreview.into(),
            Action::DocInfo => AppCmd::DocInfoWindow.into(),
            Action::ExportAnnotated => AppCmd::Prompt(FileAction::ExportAnnotated).into(),
            Action::AddSource => AppCmd::Prompt(FileAction::AddSource).into(),
            Action::Compare => AppCmd::Prompt(FileAction::Compare).into(),
            Action::Quit => AppCmd::Quit.into(),
            Action::Undo => Edit::Undo.into(),
            Action::Redo => Edit::Redo.into(),
            Action::Find => AppCmd::ShowFind { replace: false }.into(),
            Action::Replace => AppCmd::ShowFind { replace: true }.into(),
            Action::Settings => AppCmd::SettingsWindow.into(),
            Action::ZoomIn => AppCmd::Zoom(1).into(),
            Action::ZoomOut => AppCmd::Zoom(-1).into(),
            Action::ZoomReset => AppCmd::Zoom(0).into(),
            Action::ShowOutline => AppCmd::TogglePanel(super::settings::Panel::Outline).into(),
            Action::ShowChecks => AppCmd::TogglePanel(super::settings::Panel::Checks).into(),
            Action::About => AppCmd::Help(super::help::HelpPage::About).into(),
            Action::Shortcuts => AppCmd::Help(super::help::HelpPage::Shortcuts).into(),
            Action::RulesHelp => AppCmd::Help(super::help::HelpPage::Rules).into(),
        }
    }

    pub fn enabled(self, state: &State) -> bool {
        match self {
            Action::Undo => state.doc.can_undo(),
            Action::Redo => state.doc.can_redo(),
            // PDF goes through LibreOffice: without it the entry says what to install.
            Action::ExportPdf => state.libreoffice,
            _ => true,
        }
    }

    /// Why the entry is greyed out, for its tooltip.
    pub fn disabled_hint(self) -> Option<T> {
        match self {
            Action::ExportPdf => Some(T::NeedsLibreOffice),
            _ => None,
        }
    }

    /// The shortcut as the menus show it: Ctrl+= and Ctrl+-, not the key names.
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        let shortcut = self.shortcut()?;
        let key = match shortcut.logical_key {
            Key::Equals => "=",
            Key::Minus => "-",
            _ => return Some(ctx.format_shortcut(&shortcut)),
        };
        let plain = KeyboardShortcut::new(shortcut.modifiers, Key::A);
        Some(ctx.format_shortcut(&plain).trim_end_matches('A').to_string() + key)
    }
}

/// The commands of the shortcuts pressed this frame (each key press is taken once).
pub fn pressed(ui: &egui::Ui, out: &mut Vec<Command>) {
    for action in Action::ALL {
        if let Some(shortcut) = action.shortcut()
            && ui.input_mut(|i| i.consume_shortcut(&shortcut))
        {
            out.push(action.command());
        }
    }
}

/// A menu's entries, each with its shortcut shown as the key handling reads it;
/// a panel's entry shows whether the panel is shown.
pub fn menu_entries(
    ui: &mut egui::Ui,
    entries: &[Option<Action>],
    state: &State,
    settings: &super::Settings,
    lang: super::Lang,
    out: &mut Vec<Command>,
) {
    for entry in entries {
        let Some(action) = entry else {
            ui.separator();
            continue;
        };
        let shown = match action {
            Action::ShowOutline => Some(settings.show_outline),
            Action::ShowChecks => Some(settings.show_checks),
            _ => None,
        };
        if let Some(mut on) = shown {
            // A panel's entry is a checkbox: it shows whether the panel is shown.
            if ui.checkbox(&mut on, action.label().get(lang)).changed() {
                out.push(action.command());
            }
            continue;
        }
        let mut button = egui::Button::new(action.label().get(lang));
        if let Some(text) = action.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(text);
        }
        let enabled = action.enabled(state);
        let mut r = ui.add_enabled(enabled, button);
        if !enabled && let Some(hint) = action.disabled_hint() {
            r = r.on_disabled_hover_text(hint.get(lang));
        }
        if r.clicked() {
            out.push(action.command());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique_and_the_more_specific_come_first() {
        let shortcuts: Vec<KeyboardShortcut> = Action::ALL.iter().filter_map(|a| a.shortcut()).collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} is bound twice");
            for b in &shortcuts[i + 1..] {
                let more = |s: &KeyboardShortcut| {
                    [s.modifiers.shift, s.modifiers.alt, s.modifiers.command, s.modifiers.ctrl]
                        .iter()
                        .filter(|&&m| m)
                        .count()
                };
                assert!(a.logical_key != b.logical_key || more(a) >= more(b), "{a:?} must come before {b:?}");
            }
        }
    }
}
