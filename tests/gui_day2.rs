//! The window, day two: what changed or lost work, the signature block,
//! print, help and the polish items, driven headless with egui_kittest by
//! label and role.
#![cfg(feature = "gui")]

mod support;

use std::path::Path;

use briefdesk::app::{BriefdeskApp, State, install_fonts};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::here;

type H = Harness<'static, BriefdeskApp>;

fn harness(state: State) -> H {
    harness_app(BriefdeskApp::new(state))
}

fn harness_app(app: BriefdeskApp) -> H {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.frame(ui), app)
}

fn click_all(h: &mut H, labels: &[&str]) {
    for label in labels {
        h.get_by_label(label).click();
        h.run();
    }
}

/// The example brief, opened from a copy in `dir`.
fn example_in(dir: &Path) -> State {
    let path = dir.join("brief.ron");
    std::fs::copy(here("examples/brief.ron"), &path).expect("copy");
    State::new(briefdesk::format::load_brief(&path).expect("example"), Some(path))
}

fn example() -> State {
    let path = here("examples/brief.ron");
    State::new(briefdesk::format::load_brief(&path).expect("example"), Some(path))
}

/// Types text one character per frame, as a user does.
fn type_keys(h: &mut H, label: &str, text: &str) {
    for c in text.chars() {
        h.get_all_by_label(label).next().expect(label).type_text(&c.to_string());
        h.run();
    }
}

/// Puts the cursor in the first field with this label, its text selected and deleted.
fn clear_field(h: &mut H, label: &str) {
    h.get_all_by_label(label).next().expect(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.key_press(Key::Backspace);
    h.run();
}

fn field_value(h: &H, label: &str) -> String {
    h.get_all_by_label(label).next().and_then(|n| n.value()).unwrap_or_default()
}

#[test]
fn the_fact_sheet_takes_dates_and_values_key_by_key() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["事实"]);
    let fact = |h: &H| h.state().state.doc.brief().facts[0].clone();
    clear_field(&mut h, "截至日期");
    type_keys(&mut h, "截至日期", "2020-12-31");
    assert_eq!(fact(&h).as_of, chrono::NaiveDate::from_ymd_opt(2020, 12, 31), "typed key by key");
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(fact(&h).as_of, chrono::NaiveDate::from_ymd_opt(2020, 12, 31), "half a date is not stored");
    assert_eq!(field_value(&h, "截至日期"), "2020-12-3", "the field shows what was typed");
    type_keys(&mut h, "截至日期", "0");
    assert_eq!(fact(&h).as_of, chrono::NaiveDate::from_ymd_opt(2020, 12, 30));

    // Plain numbers are values: the hint's own 3850, and 38000.
    for (typed, value) in [("3850", 3850.0), ("38000", 38000.0), ("3.85万", 38500.0)] {
        clear_field(&mut h, "数值");
        type_keys(&mut h, "数值", typed);
        assert_eq!(fact(&h).value, value, "{typed}");
    }
    // What cannot be read stays as typed, with a word, and is never put back silently.
    clear_field(&mut h, "数值");
    type_keys(&mut h, "数值", "约x");
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(fact(&h).value, 38500.0, "the stored value is unchanged");
    assert_eq!(field_value(&h, "数值"), "约x", "not restored on Tab");
    assert!(h.query_by_label_contains("读不出这个数值").is_some());
}

#[test]
fn a_file_prompt_closes_when_another_brief_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(example_in(dir.path()));
    h.state_mut().settings.recent = vec![here("examples/feature.md")];
    h.run();
    click_all(&mut h, &["文件", "另存为…"]);
    let typed = dir.path().join("typed-for-the-first.ron");
    clear_field(&mut h, "文件路径");
    h.get_by_label("文件路径").type_text(&typed.display().to_string());
    h.run();
    // Not confirmed: another brief is opened from 最近打开.
    click_all(&mut h, &["文件", "最近打开"]);
    h.get_by_label_contains("feature.md").click();
    h.run();
    assert!(h.state().state.doc.path.as_ref().is_some_and(|p| p.ends_with("feature.md")), "the other brief is open");
    assert!(h.query_by_label("文件路径").is_none(), "the prompt for the first brief is gone");
    assert!(h.query_by_label("确定").is_none());
    assert!(!typed.exists(), "nothing was saved there");
}
