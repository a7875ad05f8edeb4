//! Snapshot tests of the main views: the window rendered headless with wgpu
//! (lavapipe or llvmpipe, no GPU) and compared with the PNGs in
//! `tests/snapshots/gui/`. After a deliberate change to the look, run
//! `UPDATE_SNAPSHOTS=1 cargo test --test gui_snapshots` and review the new PNGs.
#![cfg(feature = "gui")]

mod support;

use briefdesk::app::{BriefdeskApp, State, install_fonts};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use support::here;

fn open(p: &str) -> State {
    let path = here(p);
    State::new(briefdesk::format::load_brief(&path).expect("example"), Some(path))
}

fn harness(state: State) -> Harness<'static, BriefdeskApp> {
    harness_sized(state, [1280.0, 800.0])
}

fn harness_sized(state: State, size: [f32; 2]) -> Harness<'static, BriefdeskApp> {
    let mut app = BriefdeskApp::new(state);
    // A fixed date, so that checks relative to today look the same every day.
    app.state.env.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23);
    app.state.check_now();
    Harness::builder()
        .with_size(size)
        .with_context_setup(install_fonts)
        .wgpu()
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.frame(ui), app)
}

fn snapshot(h: &mut Harness<'static, BriefdeskApp>, name: &str) {
    let needle = match h.state().settings.lang {
        briefdesk::app::Lang::Zh => "检查用时",
        briefdesk::app::Lang::En => "checked in",
    };
    // The timing changes from run to run, and so does its width: mask it and
    // the rest of the status bar after it, which moves with it.
    let timing = h.get_by_label_contains(needle).rect();
    let timing = egui::Rect::from_min_max(timing.min, egui::pos2(h.ctx.content_rect().right(), timing.max.y));
    h.remove_cursor();
    h.run();
    h.mask(timing);
    h.snapshot_options(name, &SnapshotOptions::default().output_path(here("tests/snapshots/gui")));
}

#[test]
fn the_example_brief_open_in_the_editor() {
    let mut h = harness(open("examples/brief.ron"));
    h.run();
    h.get_by_label("（四）技能扶贫").click();
    h.run();
    snapshot(&mut h, "example-editor");
}

#[test]
fn findings_in_problems_and_underlined_in_the_editor() {
    let mut h = harness(open("tests/fixtures/planted.md"));
    h.run();
    h.get_by_label_contains("分项合计1500户").click();
    h.run();
    snapshot(&mut h, "planted-problems");
}

#[test]
fn the_figures_ledger() {
    let mut h = harness(open("examples/brief.ron"));
    h.run();
    h.get_by_label("数字").click();
    h.run();
    snapshot(&mut h, "example-ledger");
}

#[test]
fn the_fact_sheet_in_english_and_dark() {
    let mut h = harness(open("examples/brief.ron"));
    h.state_mut().settings.lang = briefdesk::app::Lang::En;
    h.state_mut().settings.theme = briefdesk::app::Theme::Dark;
    h.run();
    h.get_by_label("Facts").click();
    h.run();
    snapshot(&mut h, "example-facts-en-dark");
}

#[test]
fn the_settings_window() {
    let mut h = harness(open("examples/brief.ron"));
    h.run();
    h.get_by_label("视图").click();
    h.run();
    h.get_by_label("设置…").click();
    h.run();
    snapshot(&mut h, "settings-window");
}

/// A smaller window: the editor keeps at least half the width, the find bar
/// wraps rather than hiding its buttons under the right panel.
fn small_window(size: [f32; 2], name: &str) {
    let mut h = harness_sized(open("examples/brief.ron"), size);
    h.run();
    h.get_by_label("（四）技能扶贫").click();
    h.run();
    h.get_by_label("数字").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    h.run();
    snapshot(&mut h, name);
}

#[test]
fn the_window_at_1024_by_640() {
    small_window([1024.0, 640.0], "small-1024x640");
}

#[test]
fn the_window_at_800_by_600() {
    small_window([800.0, 600.0], "small-800x600");
}

#[test]
fn the_sources_panel_with_a_ledger_of_our_own() {
    let mut state = open("examples/brief.ron");
    let source = briefdesk::model::SourceRef {
        path: "sources/青川市总工会帮扶工作台账.md".into(),
        fingerprint: briefdesk::sources::fingerprint_file(&here("examples/sources/青川市总工会帮扶工作台账.md"))
            .expect("the example source"),
    };
    state.doc.edit(briefdesk::app::EditKey::Structure, |b| {
        b.sources.push(source);
        true
    });
    state.wait_for_checks();
    let mut h = harness(state);
    h.run();
    h.get_by_label("来源").click();
    h.run();
    assert!(
        h.query_by_label("已核对 5 · 不符 1").is_some(),
        "the example source backs five figures and contradicts one"
    );
    snapshot(&mut h, "example-sources");
}
