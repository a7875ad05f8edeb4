//! The window, driven headless with egui_kittest by label and role, with the
//! bundled font loaded (a character it cannot draw fails the test).
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};

use briefdesk::app::{BriefdeskApp, State, install_fonts};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn here(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn harness(state: State) -> Harness<'static, BriefdeskApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.frame(ui), BriefdeskApp::new(state))
}

fn example() -> State {
    let path = here("examples/brief.ron");
    State::new(briefdesk::import::load_path(&path).expect("example"), Some(path))
}

#[test]
fn a_breakdown_error_typed_in_shows_in_problems_and_outline() {
    let mut h = harness(example());
    h.run();
    assert!(h.query_by_label("未发现问题").is_some(), "the example starts clean");
    h.get_by_label("（四）技能扶贫").click();
    h.run();
    assert_eq!(
        h.state().state.doc.brief.section(h.state().state.selected.expect("selected")).map(|s| s.title.as_str()),
        Some("技能扶贫")
    );
    let body = h.get_by_label("正文");
    body.click();
    h.run();
    h.get_by_label("正文").type_text("共帮扶困难职工1450户，其中城镇职工860户，农民工640户。");
    h.run();
    assert!(h.query_by_label_contains("BD103").is_some(), "the diagnostic appears in 问题");
    assert!(h.query_by_label_contains("分项合计1500户").is_some());
    assert!(h.query_by_label_contains("● 1").is_some(), "the outline shows a badge");
    assert_eq!(h.state().state.derived.errors, 1);
}

#[test]
fn import_from_the_file_menu_shows_what_was_taken_out() {
    let mut h = harness(example());
    h.run();
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label("导入文稿…").click();
    h.run();
    let draft = here("../shared/corpus/party-school-brief.txt");
    h.get_by_label("文件路径").click();
    h.run();
    h.get_by_label("文件路径").type_text(&draft.display().to_string());
    h.run();
    h.get_by_label("确定").click();
    h.run();
    let state = &h.state().state;
    assert!(state.doc.path.is_none(), "an import is a new, unsaved brief");
    assert!(state.doc.is_dirty());
    let titles: Vec<String> = state.doc.brief.walk().map(|(s, _)| s.title.clone()).collect();
    assert!(titles.iter().any(|t| t.starts_with("二、克服疫情影响")), "{titles:?}");
    assert!(h.query_by_label("导入时移出的内容").is_some(), "the removed list is shown");
    assert!(h.query_by_label_contains("浏览量").is_some(), "a removed line is listed");
    // The real problems of this text are found at once.
    assert!(h.query_by_label_contains("日期“37日”不存在").is_some());
}
