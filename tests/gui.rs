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

    // Undo takes the typing back as one step, and the finding goes with it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().state.derived.errors, 0);
    assert!(h.query_by_label("未发现问题").is_some());
    let skills = h.state().state.selected.and_then(|id| h.state().state.doc.brief.section(id)).map(|s| s.body.clone());
    assert!(skills.is_some_and(|b| !b.contains("1450户")));
    // And redo brings it back.
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    h.run();
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

#[test]
fn ledger_adds_to_the_fact_sheet_and_the_fact_sheet_shows_mismatches() {
    let mut state = example();
    // The editor verified a different total than the draft gives.
    state.doc.brief.facts[0].value = 136_000_000.0;
    state.refresh();
    let facts_before = state.doc.brief.facts.len();
    let mut h = harness(state);
    h.run();
    h.get_by_label("数字").click();
    h.run();
    assert!(h.query_by_label("12600万元").is_some(), "the ledger lists the figures");
    h.get_all_by_label("＋").next().expect("an add button").click();
    h.run();
    assert_eq!(h.state().state.doc.brief.facts.len(), facts_before + 1, "a row went to the fact sheet");
    h.get_by_label("事实").click();
    h.run();
    // Both mentions of the total (1.26亿元 in the summary, 12600万元 in the body) disagree, inline.
    assert_eq!(h.query_all_by_label_contains("事实表中“投入帮扶资金”为1.36亿元").count(), 2);
    // Adding a fact is one undo step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().state.doc.brief.facts.len(), facts_before);
}

#[test]
fn outline_moves_adds_and_deletes_sections_with_confirmation_and_undo() {
    let mut h = harness(example());
    h.run();
    let titles = |h: &Harness<'static, BriefdeskApp>| -> Vec<String> {
        h.state().state.doc.brief.sections[2].children.iter().map(|s| s.title.clone()).collect()
    };
    h.get_by_label("（四）技能扶贫").click();
    h.run();
    h.get_by_label("上移").click();
    h.run();
    assert_eq!(titles(&h)[2], "技能扶贫", "moved up one place");
    h.get_by_label("＋帮扶方式").click();
    h.run();
    h.get_by_label("劳模扶贫").click();
    h.run();
    assert_eq!(titles(&h).len(), 7, "an aid-mode section was added");
    assert_eq!(titles(&h)[3], "劳模扶贫", "right after the selected one");
    // Delete asks first; the confirming button is the window's.
    h.get_by_label("删除").click();
    h.run();
    assert!(h.query_by_label_contains("删除这一节及其下级小节").is_some());
    assert_eq!(titles(&h).len(), 7, "nothing is deleted before the user confirms");
    h.get_all_by_label("删除").last().expect("confirm").click();
    h.run();
    assert_eq!(titles(&h).len(), 6);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(titles(&h).len(), 7, "undo brings the section back");
}
