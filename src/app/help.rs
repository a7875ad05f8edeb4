//! 帮助: 关于 (what the program is, its version and licence), 快捷键 (every
//! shortcut, read from the one list of actions the menus and keys use), and
//! 检查规则 (each rule's documentation, the text `briefdesk rules ID` prints),
//! in the chosen language.

use super::actions::Action;
use super::i18n::{Lang, T};

/// The pages of the 帮助 menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpPage {
    About,
    Shortcuts,
    Rules,
}

/// The help window (one page at a time, so pages never pile up on each
/// other), and the rule shown in 检查规则.
#[derive(Default)]
pub struct Help {
    page: Option<HelpPage>,
    rule: usize,
}

impl Help {
    pub fn open(&mut self, page: HelpPage) {
        self.page = Some(page);
    }

    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) {
        match self.page {
            Some(HelpPage::About) => self.about_window(ctx, lang),
            Some(HelpPage::Shortcuts) => self.shortcuts_window(ctx, lang),
            Some(HelpPage::Rules) => self.rules_window(ctx, lang),
            None => {}
        }
    }

    fn about_window(&mut self, ctx: &egui::Context, lang: Lang) {
        let mut open = true;
        crate::app::dialog(T::MenuAbout.get(lang), "help-about", ctx).open(&mut open).show(ctx, |ui| {
            ui.heading(format!("{} {}", T::AppName.get(lang), env!("CARGO_PKG_VERSION")));
            ui.label(T::AboutText.get(lang));
            ui.weak(format!("{} {}", T::AboutLicense.get(lang), env!("CARGO_PKG_LICENSE")));
            ui.weak(T::AboutFont.get(lang));
        });
        self.close_unless(open);
    }

    fn close_unless(&mut self, open: bool) {
        if !open {
            self.page = None;
        }
    }

    fn shortcuts_window(&mut self, ctx: &egui::Context, lang: Lang) {
        let mut open = true;
        crate::app::dialog(T::MenuShortcuts.get(lang), "help-shortcuts", ctx).open(&mut open).show(ctx, |ui| {
            egui::Grid::new("shortcuts").num_columns(2).striped(true).show(ui, |ui| {
                for action in Action::ALL {
                    if let Some(keys) = action.shortcut_text(ctx) {
                        ui.label(action.label().get(lang).trim_end_matches('…'));
                        ui.monospace(keys);
                        ui.end_row();
                    }
                }
                // Keys of the editor itself, not of a menu.
                for (what, keys) in [
                    (T::KeyParagraph, "Enter"),
                    (T::KeyFindNext, "Enter / Shift+Enter"),
                    (T::KeyCloseFind, "Esc"),
                    (T::KeyContextMenu, T::KeyRightClick.get(lang)),
                ] {
                    ui.label(what.get(lang));
                    ui.monospace(keys);
                    ui.end_row();
                }
            });
        });
        self.close_unless(open);
    }

    fn rules_window(&mut self, ctx: &egui::Context, lang: Lang) {
        let rules = crate::checks::rules::ALL;
        let mut open = true;
        crate::app::dialog(T::MenuRules.get(lang), "help-rules", ctx).open(&mut open).show(ctx, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(220.0);
                    egui::ScrollArea::vertical().id_salt("rule-list").max_height(400.0).show(ui, |ui| {
                        for (i, r) in rules.iter().enumerate() {
                            let d = r.doc();
                            let title = if lang == Lang::Zh { d.title_zh } else { d.title_en };
                            if ui.selectable_label(self.rule == i, format!("{} {title}", d.id)).clicked() {
                                self.rule = i;
                            }
                        }
                    });
                });
                ui.separator();
                // The doc wraps in a column of its own: the window never grows past the screen.
                ui.vertical(|ui| {
                    ui.set_width(440.0);
                    egui::ScrollArea::vertical().id_salt("rule-doc").max_height(400.0).show(ui, |ui| {
                        if let Some(r) = rules.get(self.rule) {
                            ui.add(egui::Label::new(r.doc().render()).wrap());
                        }
                    });
                });
            });
        });
        self.close_unless(open);
    }
}
