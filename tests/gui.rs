//! The window, driven headless with egui_kittest by label and role, with the
//! bundled font loaded (a character it cannot draw fails the test).
#![cfg(feature = "gui")]

mod support;

use std::path::Path;

use briefdesk::app::{BriefdeskApp, State, install_fonts};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::here;

fn harness(state: State) -> Harness<'static, BriefdeskApp> {
    harness_app(BriefdeskApp::new(state))
}

fn harness_app(app: BriefdeskApp) -> Harness<'static, BriefdeskApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.frame(ui), app)
}

/// Clicks widgets by label, one after the other, letting the app run after each.
fn click_all(h: &mut Harness<'static, BriefdeskApp>, labels: &[&str]) {
    for label in labels {
        h.get_by_label(label).click();
        h.run();
    }
}

/// Selects a section in the outline and types at the end of its body.
fn type_into(h: &mut Harness<'static, BriefdeskApp>, section: &str, text: &str) {
    h.get_by_label(section).click();
    h.run();
    h.get_by_label("正文").click();
    h.run();
    h.get_by_label("正文").type_text(text);
    h.run();
}

fn example() -> State {
    let path = here("examples/brief.ron");
    State::new(briefdesk::format::load_brief(&path).expect("example"), Some(path))
}

#[test]
fn a_breakdown_error_typed_in_shows_in_problems_and_outline() {
    let mut h = harness(example());
    h.run();
    assert!(h.query_by_label("未发现问题").is_some(), "the example starts clean");
    h.get_by_label("（四）技能扶贫").click();
    h.run();
    assert_eq!(
        h.state().state.doc.brief().section(h.state().state.selected.expect("selected")).map(|s| s.title.as_str()),
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
    let skills =
        h.state().state.selected.and_then(|id| h.state().state.doc.brief().section(id)).map(|s| s.body.clone());
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
    click_all(&mut h, &["文件", "导入文稿…"]);
    let Some(draft) = support::shared("corpus/party-school-brief.txt") else { return };
    h.get_by_label("文件路径").click();
    h.run();
    h.get_by_label("文件路径").type_text(&draft.display().to_string());
    h.run();
    h.get_by_label("确定").click();
    h.run();
    let state = &h.state().state;
    assert!(state.doc.path.is_none(), "an import is a new, unsaved brief");
    assert!(state.doc.is_dirty());
    let titles: Vec<String> = state.doc.brief().walk().map(|(s, _)| s.title.clone()).collect();
    // The heading numbers are the outline's now: the titles are bare, and the
    // real title is the brief's, not the site's masthead.
    assert!(titles.iter().any(|t| t.starts_with("克服疫情影响,确保")), "{titles:?}");
    assert!(state.doc.brief().meta.heading_numbers);
    assert_eq!(state.doc.brief().meta.title, "克服疫情影响 坚决打赢我市脱贫攻坚战");
    assert!(h.query_by_label("导入时移出的内容").is_some(), "the removed list is shown");
    assert!(h.query_by_label_contains("浏览量").is_some(), "a removed line is listed");
    // The real problems of this text are found at once.
    assert!(h.query_by_label_contains("日期“37日”不存在").is_some());
}

#[test]
fn ledger_adds_to_the_fact_sheet_and_the_fact_sheet_shows_mismatches() {
    let mut brief = briefdesk::format::load_brief(&here("examples/brief.ron")).expect("example");
    // The editor verified a different total than the draft gives.
    brief.facts[0].value = 136_000_000.0;
    let state = State::new(brief, None);
    let facts_before = state.doc.brief().facts.len();
    let mut h = harness(state);
    h.run();
    h.get_by_label("数字").click();
    h.run();
    assert!(h.query_by_label("12600万元").is_some(), "the ledger lists the figures");
    h.get_all_by_label("＋").next().expect("an add button").click();
    h.run();
    assert_eq!(h.state().state.doc.brief().facts.len(), facts_before + 1, "a row went to the fact sheet");
    h.get_by_label("事实").click();
    h.run();
    // Both mentions of the total (1.26亿元 in the summary, 12600万元 in the body) disagree, inline.
    assert_eq!(h.query_all_by_label_contains("事实表中“投入帮扶资金”为1.36亿元").count(), 2);
    // Adding a fact is one undo step.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().state.doc.brief().facts.len(), facts_before);
}

#[test]
fn outline_moves_adds_and_deletes_sections_with_confirmation_and_undo() {
    let mut h = harness(example());
    h.run();
    let titles = |h: &Harness<'static, BriefdeskApp>| -> Vec<String> {
        h.state().state.doc.brief().sections[2].children.iter().map(|s| s.title.clone()).collect()
    };
    let notice = |h: &Harness<'static, BriefdeskApp>| {
        h.state().state.notice.as_ref().map(|n| n.render(briefdesk::app::Lang::Zh)).unwrap_or_default()
    };
    click_all(&mut h, &["（四）技能扶贫", "上移"]);
    assert_eq!(titles(&h)[2], "技能扶贫", "moved up one place");
    // An aid mode the brief has already is not added twice: it is selected, with a word.
    click_all(&mut h, &["＋帮扶方式", "劳模扶贫（已有）"]);
    assert_eq!(titles(&h).len(), 6, "no second 劳模扶贫");
    assert!(notice(&h).contains("已有"), "{}", notice(&h));
    let selected = h.state().state.selected.and_then(|id| h.state().state.doc.brief().section(id).cloned());
    assert_eq!(selected.map(|s| s.title), Some("劳模扶贫".to_string()));
    // 下移 on the last of its level says so.
    click_all(&mut h, &["下移"]);
    assert!(notice(&h).contains("最后"), "{}", notice(&h));
    // Delete asks first, saying what goes; the confirming button is the window's.
    click_all(&mut h, &["（三）技能扶贫"]);
    h.get_by_label("删除").click();
    h.run();
    assert!(h.query_by_label_contains("连同0个下级小节").is_some(), "the question counts what goes");
    assert_eq!(titles(&h).len(), 6, "nothing is deleted before the user confirms");
    h.get_all_by_label("删除").last().expect("confirm").click();
    h.run();
    assert_eq!(titles(&h).len(), 5);
    // A mode added from elsewhere goes under 主要做法, not to the top level.
    click_all(&mut h, &["一、基本情况", "＋帮扶方式", "技能扶贫"]);
    assert_eq!(titles(&h).len(), 6, "added under 主要做法");
    assert_eq!(titles(&h)[5], "技能扶贫");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(titles(&h).len(), 6, "undo brings the deleted section back");
    let selected = h.state().state.selected.and_then(|id| h.state().state.doc.brief().section(id).cloned());
    assert_eq!(selected.map(|s| s.title), Some("技能扶贫".to_string()), "and selects it");
}

/// ＋下级 adds a sub-section; 降级 and 升级 move a section down and up a level.
#[test]
fn sections_go_down_and_up_a_level() {
    let mut h = harness(example());
    h.run();
    let depth_of = |h: &Harness<'static, BriefdeskApp>, title: &str| {
        h.state().state.doc.brief().walk().find(|(s, _)| s.title == title).map(|(_, d)| d)
    };
    click_all(&mut h, &["（一）消费扶贫", "＋下级"]);
    let new = h.state().state.selected.expect("the new sub-section is selected");
    let brief = h.state().state.doc.brief();
    let parent = brief.parent_of(new).and_then(|p| brief.section(p)).map(|s| s.title.clone());
    assert_eq!(parent.as_deref(), Some("消费扶贫"), "a child of the selected section");
    click_all(&mut h, &["（二）产业扶贫", "降级"]);
    assert_eq!(depth_of(&h, "产业扶贫"), Some(2), "under 消费扶贫 now");
    click_all(&mut h, &["升级"]);
    assert_eq!(depth_of(&h, "产业扶贫"), Some(1), "and back");
    click_all(&mut h, &["一、基本情况", "升级"]);
    assert!(
        h.state().state.notice.as_ref().is_some_and(|n| n.render(briefdesk::app::Lang::Zh).contains("最高一级")),
        "a top-level section says it cannot go up"
    );
}

/// Chooses a file through a 文件 menu entry and the path window.
fn through_file_menu(h: &mut Harness<'static, BriefdeskApp>, entry: &str, path: &Path) {
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label_contains(entry).click();
    h.run();
    let field = h.get_by_label("文件路径");
    field.click();
    h.run();
    // Replace whatever path was suggested.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("文件路径").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("确定").click();
    h.run();
}

/// 文件 → 导出 → Word writes the official layout; 导入文稿 reads it back into
/// the same sections, and lists the page-number footer it did not place.
#[test]
fn word_files_export_and_import_from_the_file_menu() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(example());
    h.run();
    let before = h.state().state.doc.brief().clone();
    let docx = dir.path().join("青川.docx");
    through_file_menu(&mut h, "导出 Word (.docx)…", &docx);
    assert!(docx.exists(), "{:?}", h.state().state.notice);
    through_file_menu(&mut h, "导入文稿…", &docx);
    let state = &h.state().state;
    assert!(state.doc.path.is_none(), "an import is a new, unsaved brief");
    let outline =
        |b: &briefdesk::model::Brief| b.walk().map(|(s, d)| (d, s.title.clone(), s.body.clone())).collect::<Vec<_>>();
    assert_eq!(outline(state.doc.brief()), outline(&before));
    assert!(h.query_by_label("导入时移出的内容").is_some(), "the import report is shown");
    assert!(h.query_by_label_contains("页眉或页脚").is_some(), "the footer is listed, not dropped");
}

/// The whole flow of the issue, by label and role.
#[test]
fn open_type_click_undo_save_reopen_and_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(State::new(
        briefdesk::model::Template::ResearchBrief.build(briefdesk::model::Taxonomy::default()),
        None,
    ));
    h.run();
    // 1. Open an example.
    through_file_menu(&mut h, "打开…", &here("examples/brief.ron"));
    assert_eq!(
        h.state().state.doc.brief().meta.title,
        briefdesk::format::load_brief(&here("examples/brief.ron")).unwrap().meta.title
    );
    // 2. Select 技能扶贫.
    h.get_by_label("（四）技能扶贫").click();
    h.run();
    // 3. Type a sentence whose breakdown exceeds its total.
    h.get_by_label("正文").click();
    h.run();
    h.get_by_label("正文").type_text("全年帮扶困难职工1450户，其中城镇职工860户，农民工640户。");
    h.run();
    // 4. The diagnostic is in 问题 and the badge in the outline.
    assert!(h.query_by_label_contains("BD103").is_some());
    assert!(h.query_by_label_contains("● 1").is_some(), "the outline shows a badge");
    // 5. Clicking it selects its span in the editor.
    h.get_by_label_contains("分项合计1500户").click();
    h.run();
    let state = &h.state().state;
    let d = state.derived.diagnostics.iter().find(|d| d.rule == "BD103").expect("BD103").clone();
    let body = state.doc.brief().section(d.section).expect("section").body.clone();
    let want = briefdesk::app::editor_char_range(&body, &d.span).expect("span on char boundaries");
    let edit = egui::TextEdit::load_state(&h.ctx, briefdesk::app::body_id(d.section)).expect("editor state");
    let got = edit.cursor.char_range().expect("a selection");
    let (a, b) = (got.primary.index.0, got.secondary.index.0);
    assert_eq!((a.min(b), a.max(b)), (want.start, want.end));
    assert!(body[d.span.clone()].contains("1450户"), "the span is the sentence's figures: {:?}", &body[d.span.clone()]);
    // 6. Undo.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().state.derived.errors, 0);
    assert!(h.query_by_label("未发现问题").is_some());
    // 7. Save and re-open.
    let saved = dir.path().join("青川.ron");
    through_file_menu(&mut h, "另存为…", &saved);
    assert!(!h.state().state.doc.is_dirty(), "{:?}", h.state().state.notice);
    let before = h.state().state.doc.brief().clone();
    through_file_menu(&mut h, "打开…", &saved);
    assert_eq!(h.state().state.doc.brief(), &before);
    assert_eq!(h.state().state.doc.path.as_deref(), Some(saved.as_path()));
    // 8. Export HTML.
    let html = dir.path().join("青川.html");
    through_file_menu(&mut h, "导出 HTML…", &html);
    let page = std::fs::read_to_string(&html).expect("exported");
    assert!(page.contains(&before.meta.title));
    assert!(page.contains("技能扶贫"));
}

#[test]
fn a_fix_is_applied_and_a_finding_ignored_from_problems() {
    let mut brief = briefdesk::model::Template::ResearchBrief.build(briefdesk::model::Taxonomy::default());
    brief.sections[0].body = "2020年10月14日（星期一），市总工会召开推进会。".into();
    brief.sections[1].body = "共帮扶困难职工1450户，其中城镇职工860户，农民工640户。".into();
    let mut h = harness(State::new(brief, None));
    h.run();
    assert_eq!(h.state().state.derived.diagnostics.len(), 2);
    // The weekday finding offers a fix once it is clicked.
    h.get_by_label_contains("BD109").click();
    h.run();
    h.get_by_label_contains("改为“").click();
    h.run();
    let summary = h.state().state.doc.brief().sections[0].body.clone();
    assert!(summary.contains("2020年10月14日（星期三）"), "{summary}");
    assert!(h.query_by_label_contains("BD109").is_none());
    // Ignoring is stored in the brief, and can be taken back.
    h.get_by_label_contains("BD103").click();
    h.run();
    h.get_by_label("忽略").click();
    h.run();
    assert_eq!(h.state().state.doc.brief().checks.suppressed.len(), 1);
    assert!(h.query_by_label("未发现问题").is_some());
    h.get_by_label("全部恢复").click();
    h.run();
    assert!(h.query_all_by_label_contains("BD103").next().is_some());
    // The fix is one undo step, after the two suppression steps.
    for _ in 0..3 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    assert!(h.state().state.doc.brief().sections[0].body.contains("星期一"));
}

#[test]
fn a_fix_for_a_text_set_in_full_width_changes_every_section_in_one_step() {
    let mut brief = briefdesk::model::Template::ResearchBrief.build(briefdesk::model::Taxonomy::default());
    brief.sections[0].body = "全年投入５９５５万元，增长３７．９％，惠及１２００人。".into();
    brief.sections[1].body = "今年安排２９３０万元，占比１７．６％。".into();
    let mut h = harness(State::new(brief, None));
    h.run();
    h.get_by_label_contains("BD113").click();
    h.run();
    h.get_by_label_contains("改为“").click();
    h.run();
    let bodies: Vec<String> = h.state().state.doc.brief().sections[..2].iter().map(|s| s.body.clone()).collect();
    assert_eq!(bodies, ["全年投入5955万元，增长37.9%，惠及1200人。", "今年安排2930万元，占比17.6%。"]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.state().state.doc.brief().sections[1].body.contains("２９３０"), "one undo step takes both back");
}

/// A paragraph pasted twice offers to delete the copy, and the button says so.
#[test]
fn a_paragraph_pasted_twice_is_deleted_by_its_fix() {
    let mut brief = briefdesk::model::Template::ResearchBrief.build(briefdesk::model::Taxonomy::default());
    let p = "市总工会组织脱贫劳动力参加焊工、电工和家政服务培训，结业后由合作企业择优录用，当年实现就业六百余人。";
    brief.sections[1].body = format!("{p}\n\n{p}\n\n另起一段说明后续安排。");
    let mut h = harness(State::new(brief, None));
    h.run();
    h.get_by_label_contains("BD111").click();
    h.run();
    h.get_by_label("删除这处重复").click();
    h.run();
    assert_eq!(h.state().state.doc.brief().sections[1].body, format!("{p}\n\n另起一段说明后续安排。"));
}

#[test]
fn severity_filter_hides_and_shows_rows() {
    let mut h =
        harness(State::new(briefdesk::format::load_brief(&here("tests/fixtures/planted.md")).expect("planted"), None));
    h.run();
    assert!(h.query_by_label_contains("BD112").is_some(), "a warning is listed");
    let warnings = h.state().state.derived.warnings;
    h.get_by_label(&format!("警告 {warnings}")).click();
    h.run();
    assert!(h.query_by_label_contains("BD112").is_none(), "warnings are filtered out");
    assert!(h.query_by_label_contains("BD103").is_some(), "errors stay");
}

#[test]
fn find_steps_through_the_brief_and_replace_all_is_one_undo_step() {
    let mut h = harness(example());
    h.run();
    let brief = h.state().state.doc.brief().clone();
    let needle = "脱贫劳动力";
    let total = brief.find_all(needle).len();
    assert!(total >= 2, "the example mentions {needle} in several places");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_label("查找").type_text(needle);
    h.run();
    h.get_by_label("下一个").click();
    h.run();
    assert!(h.query_by_label(&format!("1/{total}")).is_some());
    let first = brief.find_all(needle)[0].section;
    assert_eq!(h.state().state.selected, Some(first), "the first match's section is shown");
    h.get_by_label("下一个").click();
    h.run();
    assert!(h.query_by_label(&format!("2/{total}")).is_some());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    h.run();
    h.get_by_label("替换为").click();
    h.run();
    h.get_by_label("替换为").type_text("脱贫群众");
    h.run();
    h.get_by_label("全部替换").click();
    h.run();
    assert!(h.state().state.doc.brief().find_all(needle).is_empty());
    assert!(h.query_by_label("无结果").is_some());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().state.doc.brief(), &brief, "one undo step takes the whole replacement back");
}

/// Find counts the matches in section titles as well as bodies, steps onto a
/// title match by selecting it in the title field, and Replace All replaces
/// exactly what the counter counted.
#[test]
fn find_covers_titles_as_replace_all_does() {
    let mut h = harness(example());
    h.run();
    let brief = h.state().state.doc.brief().clone();
    let needle = "技能扶贫";
    let in_titles = brief.walk().filter(|(s, _)| s.title.contains(needle)).count();
    let in_bodies: usize = brief.walk().map(|(s, _)| s.body.matches(needle).count()).sum();
    assert!(in_titles >= 1 && in_bodies >= 1, "the example has {needle} in a title and in bodies");
    let total = in_titles + in_bodies;
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    h.run();
    h.get_by_label("查找").type_text(needle);
    h.run();
    // Stepping through every match shows the section whose title matches.
    let title_section = brief.walk().find(|(s, _)| s.title.contains(needle)).map(|(s, _)| s.id).expect("section");
    let mut shown = Vec::new();
    for _ in 0..total {
        h.get_by_label("下一个").click();
        h.run();
        shown.push(h.state().state.selected);
    }
    assert!(shown.contains(&Some(title_section)), "{shown:?}");
    assert!(h.query_by_label_contains(&format!("/{total}")).is_some(), "the counter counts titles too");
    h.get_by_label("替换为").click();
    h.run();
    h.get_by_label("替换为").type_text("技能帮扶");
    h.run();
    h.get_by_label("全部替换").click();
    h.run();
    let notice = h.state().state.notice.as_ref().map(|n| n.render(briefdesk::app::Lang::Zh)).unwrap_or_default();
    assert!(notice.contains(&total.to_string()), "Replace All reports what the counter said: {notice}");
    assert!(h.state().state.doc.brief().find_all(needle).is_empty());
}

#[test]
fn a_new_brief_starts_from_the_chosen_template() {
    let mut h = harness(example());
    h.run();
    h.get_by_label("新建…").click();
    h.run();
    h.get_by_label_contains("新闻综述").click();
    h.run();
    h.get_by_label("创建").click();
    h.run();
    let state = &h.state().state;
    assert_eq!(state.doc.brief().meta.kind, briefdesk::model::Template::Feature.kind());
    assert!(state.doc.path.is_none());
    assert!(state.doc.brief().walk().any(|(s, _)| s.title == "技能扶贫"), "one part per aid mode");
}

#[test]
fn unsaved_work_is_not_dropped_without_asking() {
    let mut h = harness(example());
    h.run();
    type_into(&mut h, "（一）消费扶贫", "补记一句。");
    assert!(h.state().state.doc.is_dirty());
    let edited = h.state().state.doc.brief().clone();
    let other = here("examples/feature.md");
    through_file_menu(&mut h, "打开…", &other);
    assert!(h.query_by_label("未保存的修改").is_some(), "the app asks first");
    assert_eq!(h.state().state.doc.brief(), &edited, "nothing replaced yet");
    h.get_by_label("取消").click();
    h.run();
    assert_eq!(h.state().state.doc.brief(), &edited);
    through_file_menu(&mut h, "打开…", &other);
    h.get_by_label("不保存").click();
    h.run();
    assert_eq!(h.state().state.doc.path.as_deref(), Some(other.as_path()));
    assert!(h.state().settings.recent.iter().any(|p| p.ends_with("examples/feature.md")), "remembered as recent");
}

/// Typing that never pauses still reaches the recovery file: with a 300 ms
/// pause (so at most 400 ms for the oldest unsaved edit), a key every 50 ms
/// for two seconds rewrites it again and again, the gaps bounded by that
/// maximum age plus the slowest frame (the bound follows the machine's speed,
/// so a loaded machine does not fail it; the old autosave wrote nothing).
#[test]
fn autosave_writes_during_continuous_typing() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.ron");
    std::fs::copy(here("examples/brief.ron"), &path).expect("copy");
    let state = State::new(briefdesk::format::load_brief(&path).expect("load"), Some(path.clone()));
    let app = BriefdeskApp::new(state).with_autosave(None, Duration::from_millis(300));
    let mut h = harness_app(app);
    h.run();
    h.get_by_label("（一）消费扶贫").click();
    h.run();
    h.get_by_label("正文").click();
    h.run();
    let recovery = briefdesk::store::recovery_path(&path);
    let start = Instant::now();
    let mut seen: Option<std::time::SystemTime> = None;
    let mut writes: Vec<Instant> = Vec::new();
    let mut slowest = Duration::ZERO;
    while start.elapsed() < Duration::from_millis(2000) {
        let frame = Instant::now();
        h.get_by_label("正文").type_text("字");
        h.run();
        slowest = slowest.max(frame.elapsed());
        if let Ok(m) = std::fs::metadata(&recovery).and_then(|m| m.modified())
            && seen != Some(m)
        {
            seen = Some(m);
            writes.push(Instant::now());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(writes.len() >= 2, "the recovery file was written {} times in two seconds of typing", writes.len());
    let bound = Duration::from_millis(400) + 2 * (slowest + Duration::from_millis(50)) + Duration::from_millis(100);
    let first_gap = writes[0] - start;
    let widest = writes.windows(2).map(|w| w[1] - w[0]).chain([first_gap]).max().unwrap_or_default();
    assert!(widest <= bound, "a gap of {widest:?} between writes (bound {bound:?}, slowest frame {slowest:?})");
}

#[test]
fn settings_switch_language_and_theme() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["视图", "设置…", "深色"]);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    h.get_by_label("English").click();
    h.run();
    assert!(h.query_by_label("File").is_some(), "the menu is in English");
    assert!(h.query_by_label("Outline").is_some());
    assert!(h.query_by_label("文件").is_none());
    assert_eq!(h.state().settings.lang, briefdesk::app::Lang::En);
}

#[test]
fn autosaved_work_is_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("brief.ron");
    std::fs::copy(here("examples/brief.ron"), &file).expect("copy");
    let open = || State::new(briefdesk::format::load_brief(&file).expect("load"), Some(file.clone()));
    let mut h = harness_app(BriefdeskApp::new(open()).with_autosave(None, std::time::Duration::ZERO));
    h.run();
    type_into(&mut h, "（一）消费扶贫", "崩溃前写下的一句。");
    let recovery = briefdesk::store::recovery_path(&file);
    assert!(h.state().wait_for_autosave(std::time::Duration::from_secs(10)));
    assert!(recovery.exists(), "autosave wrote the recovery file");
    let edited = h.state().state.doc.brief().clone();
    drop(h); // the app dies without saving

    let mut h = harness_app(BriefdeskApp::new(open()).with_autosave(None, std::time::Duration::ZERO));
    h.run();
    assert!(h.query_by_label("恢复未保存的修改").is_some(), "the next start offers it");
    h.get_by_label("恢复").click();
    h.run();
    assert_eq!(h.state().state.doc.brief(), &edited);
    assert!(h.state().state.doc.is_dirty(), "restored work is unsaved until saved");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(h.state().wait_for_autosave(std::time::Duration::from_secs(10)));
    assert!(!recovery.exists(), "saving removes the recovery file");
    assert_eq!(briefdesk::format::load_brief(&file).expect("saved"), edited);
}

#[test]
fn dragging_an_outline_row_moves_its_section() {
    let mut h = harness(example());
    h.run();
    let titles = |h: &Harness<'static, BriefdeskApp>| -> Vec<String> {
        h.state().state.doc.brief().sections[2].children.iter().map(|s| s.title.clone()).collect()
    };
    let from = h.get_by_label("（四）技能扶贫").rect().center();
    let onto = h.get_by_label("（一）消费扶贫").rect();
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=4 {
        h.hover_at(from + (onto.left_top() + egui::vec2(20.0, 3.0) - from) * (step as f32 / 4.0));
        h.run();
    }
    h.drop_at(onto.left_top() + egui::vec2(20.0, 3.0));
    h.run();
    assert_eq!(titles(&h)[0], "技能扶贫", "dropped on the upper half: moved before it");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(titles(&h)[3], "技能扶贫", "one undo step");
}

#[test]
fn a_chinese_input_method_composes_into_the_body() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["（四）技能扶贫", "正文"]);
    let before = h.state().state.doc.brief().sections[2].children[3].body.clone();
    // Pinyin being composed is shown but not yet part of the text; the commit is.
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit { text: "peixun".into(), active_range_chars: None }));
    h.run();
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit { text: "培训".into(), active_range_chars: None }));
    h.run();
    h.event(egui::Event::Ime(egui::ImeEvent::Commit("培训".into())));
    h.run();
    let after = h.state().state.doc.brief().sections[2].children[3].body.clone();
    assert_eq!(after.chars().count(), before.chars().count() + 2, "{after}");
    assert_eq!(after.matches("培训").count(), before.matches("培训").count() + 1, "the committed text went in");
    assert!(!after.contains("peixun"), "the pinyin being composed did not");
}

#[test]
fn rename_from_the_outline_edits_the_section_title() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["（四）技能扶贫", "重命名"]);
    assert!(h.get_by_label("小标题").is_focused(), "the title field takes the cursor");
    // The old title is selected: typing replaces it.
    h.get_by_label("小标题").type_text("职业技能培训");
    h.run();
    assert!(h.query_by_label("（四）职业技能培训").is_some(), "the outline shows the new name");
}

#[test]
fn a_font_file_chosen_in_settings_is_used_or_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let junk = dir.path().join("junk.ttf");
    std::fs::write(&junk, b"not a font").expect("write");
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["视图", "设置…"]);
    let choose = |h: &mut Harness<'static, BriefdeskApp>, path: &Path| {
        h.get_by_label("选择字体文件").click();
        h.run();
        h.get_by_label("文件路径").click();
        h.run();
        h.get_by_label("文件路径").type_text(&path.display().to_string());
        h.run();
        h.get_by_label("确定").click();
        h.run();
        h.run();
    };
    choose(&mut h, &junk);
    assert_eq!(h.state().settings.font, None, "a file that is not a font is not kept");
    assert!(h.query_by_label_contains("字体无法使用").is_some(), "and the user is told why");
    let font = here("assets/fonts/NotoSansSC-GB2312.otf");
    choose(&mut h, &font);
    assert_eq!(h.state().settings.font.as_deref(), Some(font.as_path()));
    assert!(h.query_by_label_contains(&font.display().to_string()).is_some(), "settings name the font in use");
}

#[test]
fn closing_the_window_with_unsaved_work_asks_first() {
    let mut h = harness(example());
    h.run();
    type_into(&mut h, "（一）消费扶贫", "还没保存的一句。");
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    h.run();
    assert!(h.query_by_label("未保存的修改").is_some(), "the app asks before closing");
    assert!(h.query_by_label("不保存").is_some());
    h.get_by_label("取消").click();
    h.run();
    assert!(h.query_by_label("未保存的修改").is_none());
    assert!(h.state().state.doc.brief().walk().any(|(s, _)| s.body.contains("还没保存的一句。")), "nothing was lost");
}

/// eframe's storage, in memory.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn settings_and_recent_files_are_kept_between_runs() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["视图", "设置…", "深色", "English"]);
    open_by_keyboard_en(&mut h, &here("examples/feature.md"));
    let mut storage = Memory::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let kept = h.state().settings.clone();
    assert!(kept.recent.iter().any(|p| p.ends_with("examples/feature.md")));

    // The next run.
    let mut next = BriefdeskApp::new(example());
    next.load_settings(&storage);
    assert_eq!(next.settings, kept);
    let mut h = harness_app(next);
    h.run();
    assert!(h.query_by_label("File").is_some(), "the window opens in English");
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    // Unreadable stored settings fall back to the defaults.
    let mut broken = Memory::default();
    eframe::Storage::set_string(&mut broken, "briefdesk-settings", "(lang: Klingon".into());
    let mut app = BriefdeskApp::new(example());
    app.load_settings(&broken);
    assert_eq!(app.settings, briefdesk::app::Settings::default());
}

/// Ctrl+O and the path window, in English.
fn open_by_keyboard_en(h: &mut Harness<'static, BriefdeskApp>, path: &Path) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_label("File path").click();
    h.run();
    h.get_by_label("File path").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

fn harness_sized(state: State, size: [f32; 2]) -> Harness<'static, BriefdeskApp> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.frame(ui), BriefdeskApp::new(state))
}

/// The editor's width: the body field's rectangle.
fn editor_width(h: &Harness<'static, BriefdeskApp>) -> f32 {
    h.get_by_label("正文").rect().width()
}

/// At 1280×800, 1024×640 and 800×600 the editor keeps at least half the
/// window, also after the wide 数字 tab was shown; hiding both panels in 视图
/// gives it (nearly) all of it.
#[test]
fn the_editor_keeps_half_the_width_at_every_size() {
    for size in [[1280.0, 800.0], [1024.0, 640.0], [800.0, 600.0]] {
        let mut h = harness_sized(example(), size);
        h.run();
        h.get_by_label("（一）消费扶贫").click();
        h.run();
        let before = editor_width(&h);
        assert!(before >= size[0] / 2.0 - 40.0, "{size:?}: editor {before} px");
        h.get_by_label("数字").click();
        h.run();
        h.get_by_label("问题").click();
        h.run();
        let after = editor_width(&h);
        assert!(after >= size[0] / 2.0 - 40.0, "{size:?}: after 数字 the editor is {after} px");
        assert!((after - before).abs() < 2.0, "{size:?}: the panel goes back to its width ({before} → {after})");
        click_all(&mut h, &["视图", "显示大纲"]);
        click_all(&mut h, &["视图", "显示检查面板"]);
        assert!(h.query_by_label("大纲").is_none(), "the outline is hidden");
        assert!(editor_width(&h) > size[0] - 80.0, "{size:?}: the editor takes the window");
        click_all(&mut h, &["视图", "显示大纲"]);
        assert!(h.query_by_label("大纲").is_some(), "and shown again");
    }
}

/// 另存为 onto an existing file asks before replacing it; 取消 keeps the file.
#[test]
fn save_as_onto_an_existing_file_asks_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("other.ron");
    std::fs::write(&other, "not yours to overwrite").expect("write");
    let mut h = harness(example());
    h.run();
    through_file_menu(&mut h, "另存为…", &other);
    assert!(h.query_by_label("文件已存在。要替换它吗？").is_some(), "the app asks");
    assert_eq!(std::fs::read_to_string(&other).expect("read"), "not yours to overwrite");
    h.get_by_label("取消").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&other).expect("read"), "not yours to overwrite", "取消 keeps the file");
    h.get_by_label("确定").click();
    h.run();
    h.get_by_label("替换原文件").click();
    h.run();
    assert!(std::fs::read_to_string(&other).expect("read").contains("format_version"), "replaced when asked to");
    assert_eq!(h.state().state.doc.path.as_deref(), Some(other.as_path()));
}

/// Saving keeps the file's permissions (a shared 0664 stays 0664).
#[cfg(unix)]
#[test]
fn saving_keeps_the_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("b.ron");
    std::fs::copy(here("examples/brief.ron"), &path).expect("copy");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let mut h = harness(State::new(briefdesk::format::load_brief(&path).expect("load"), Some(path.clone())));
    h.run();
    type_into(&mut h, "（一）消费扶贫", "补记一句。");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(!h.state().state.doc.is_dirty(), "{:?}", h.state().state.notice);
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o664);
    assert_eq!(mode(&briefdesk::store::backup_path(&path)), 0o664);
}

/// Ctrl+S on a brief without a file opens 另存为, with the keyboard in the
/// path field; the window title shows the unsaved state, then the file name.
#[test]
fn ctrl_s_on_an_untitled_brief_asks_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state =
        State::new(briefdesk::model::Template::ResearchBrief.build(briefdesk::model::Taxonomy::default()), None);
    let mut h = harness(state);
    h.run();
    assert!(h.query_by_label("未保存").is_some(), "a new brief is not 已保存");
    assert!(h.state().window_title().starts_with("● "), "{}", h.state().window_title());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert!(h.query_by_label("另存为…").is_some() || h.query_by_label("文件路径").is_some(), "另存为 opens");
    // The keyboard is in the path field: select all and type replace the suggestion.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    let path = dir.path().join("新简报.ron");
    h.get_by_label("文件路径").type_text(&path.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(path.exists(), "saved where typed: {:?}", h.state().state.notice);
    assert_eq!(h.state().window_title(), "新简报.ron — 简报台");
}

/// A new brief without a file, with a sentence typed into it.
fn untitled_with_a_sentence() -> Harness<'static, BriefdeskApp> {
    let mut h = harness(State::new(
        briefdesk::model::Template::ResearchBrief.build(briefdesk::model::Taxonomy::default()),
        None,
    ));
    h.run();
    h.get_by_label("正文").click();
    h.run();
    h.get_by_label("正文").type_text("先写一句。");
    h.run();
    h
}

/// 保存 in the unsaved-changes question works for a brief without a file:
/// it asks where, saves, then does what was asked (here: open another brief).
#[test]
fn save_first_works_for_an_untitled_brief() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = untitled_with_a_sentence();
    let other = here("examples/feature.md");
    through_file_menu(&mut h, "打开…", &other);
    h.get_by_label("保存").click();
    h.run();
    let path = dir.path().join("先存.ron");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("文件路径").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("确定").click();
    h.run();
    assert!(std::fs::read_to_string(&path).expect("saved").contains("先写一句。"));
    assert_eq!(h.state().state.doc.path.as_deref(), Some(other.as_path()), "then the other brief opens");
}

/// HTML export leaves the internal appendix out unless asked for it.
#[test]
fn html_export_adds_the_appendix_only_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(example());
    h.run();
    let plain = dir.path().join("plain.html");
    through_file_menu(&mut h, "导出 HTML…", &plain);
    let page = std::fs::read_to_string(&plain).expect("exported");
    assert!(!page.contains("数字清单"), "no appendix by default");
    let full = dir.path().join("full.html");
    h.get_by_label("文件").click();
    h.run();
    h.get_by_label_contains("导出 HTML").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("文件路径").type_text(&full.display().to_string());
    h.run();
    h.get_by_label_contains("附加数字清单和检查报告").click();
    h.run();
    h.get_by_label("确定").click();
    h.run();
    assert!(std::fs::read_to_string(&full).expect("exported").contains("数字清单"), "the appendix when asked");
}

/// Ctrl+= and Ctrl+- size the text, Ctrl+0 resets it.
#[test]
fn zoom_keys_size_the_text() {
    let mut h = harness(example());
    h.run();
    let base = h.state().settings.text_size;
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    h.run();
    assert_eq!(h.state().settings.text_size, base + 1.0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run();
    assert_eq!(h.state().settings.text_size, base - 1.0);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    h.run();
    assert_eq!(h.state().settings.text_size, base);
}

/// Ctrl+H with a text to find puts the cursor in the replace field, its old
/// text selected; Ctrl+F puts it in the find field.
#[test]
fn find_and_replace_fields_take_the_keyboard() {
    let mut h = harness(example());
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    assert!(h.get_by_label("查找").is_focused());
    h.get_by_label("查找").type_text("脱贫");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    h.run();
    assert!(h.get_by_label("替换为").is_focused(), "the replace field takes the cursor");
    h.get_by_label("替换为").type_text("脱贫群众");
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::H);
    h.run();
    h.get_by_label("替换为").type_text("稳定脱贫");
    h.run();
    assert_eq!(h.get_by_label("替换为").value().as_deref(), Some("稳定脱贫"), "the old text was selected and replaced");
}

/// Fact values are text fields read like the figures of the text (3.85万 is
/// 38500), shown as an editor reads them; the ledger shows 1.26亿, not 126000000.
#[test]
fn fact_values_are_typed_and_read_like_figures() {
    let mut h = harness(example());
    h.run();
    h.get_by_label("数字").click();
    h.run();
    assert!(h.query_all_by_label("1.26亿").count() >= 1, "the ledger shows 1.26亿");
    assert!(h.query_by_label("126000000").is_none());
    h.get_by_label("事实").click();
    h.run();
    let first = h.state().state.doc.brief().facts[0].clone();
    assert!(
        h.query_all_by_label("数值").any(|n| n.value().as_deref() == Some("1.26亿")),
        "the fact's value as an editor reads it"
    );
    let field = h.get_all_by_label("数值").find(|n| n.value().is_some()).expect("a value field");
    field.click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_label("数值").find(|n| n.value().is_some()).expect("field").type_text("3.85万");
    h.run();
    let fact = h.state().state.doc.brief().facts[0].clone();
    assert_eq!(fact.value, 38500.0);
    assert_eq!(fact.unit, first.unit, "the unit stays");
    h.get_all_by_label("数值").find(|n| n.value().is_some()).expect("field").type_text("？");
    h.run();
    assert!(h.query_by_label_contains("读不出这个数值").is_some(), "an unreadable value says so");
    assert_eq!(h.state().state.doc.brief().facts[0].value, 38500.0, "and changes nothing");
}

/// Right-click in the body: cut, copy, paste, select all; on a finding, its
/// fix and 忽略.
#[test]
fn the_body_has_a_context_menu_with_the_finding_under_the_pointer() {
    let mut brief = briefdesk::model::Template::ResearchBrief.build(briefdesk::model::Taxonomy::default());
    brief.sections[0].body = "2020年10月14日（星期一），市总工会召开推进会。".into();
    let mut h = harness(State::new(brief, None));
    h.run();
    // On the weekday, which the finding underlines (after the ~110 px of the date).
    let at = h.get_by_label("正文").rect().left_top() + egui::vec2(150.0, 12.0);
    for pressed in [true, false] {
        h.event(egui::Event::PointerMoved(at));
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    for entry in ["剪切", "复制", "粘贴", "全选"] {
        assert!(h.query_by_label(entry).is_some(), "{entry} is in the menu");
    }
    h.get_by_label_contains("改为“").click();
    h.run();
    assert!(h.state().state.doc.brief().sections[0].body.contains("星期三"), "the fix from the menu");
}

/// Cancelling the 另存为 that 保存 opened drops the waiting command: a later
/// 另存为 saves and opens nothing else.
#[test]
fn a_cancelled_save_first_forgets_what_waited() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = untitled_with_a_sentence();
    through_file_menu(&mut h, "打开…", &here("examples/feature.md"));
    h.get_by_label("保存").click();
    h.run();
    h.get_by_label("取消").click();
    h.run();
    assert!(h.state().state.doc.path.is_none(), "nothing opened");
    let path = dir.path().join("later.ron");
    through_file_menu(&mut h, "另存为…", &path);
    assert_eq!(h.state().state.doc.path.as_deref(), Some(path.as_path()), "saved, and the other brief did not open");
}

/// The part `name` of a Word file.
fn docx_part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("the file")).expect("a zip");
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut s).expect("utf-8");
    s
}

/// 文件 → 导出带批注的 Word 文档…: a Word draft imported in the window goes back
/// as the draft's own file with each finding as a comment by 简报台 (its styles
/// untouched, so no re-export); edited since, the brief as it is now can be
/// exported with its findings as comments instead; a brief from no Word file
/// offers only that.
#[test]
fn a_word_draft_goes_back_with_the_findings_as_comments() {
    use egui::accesskit::{Role, Toggled};
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().expect("tempdir");
    let planted = here("tests/fixtures/planted.md");
    let brief = briefdesk::format::load_brief(&planted).expect("the planted brief");
    let options =
        briefdesk::export::WordOptions { layout: briefdesk::format::docx::DocxLayout::Plain, ..Default::default() };
    let draft = dir.path().join("稿件.docx");
    std::fs::write(&draft, briefdesk::export::to_word(&brief, &options).expect("export")).expect("write");
    let mut h = harness(example());
    h.run();
    through_file_menu(&mut h, "导入文稿…", &draft);
    let rules: Vec<String> = h.state().state.derived.diagnostics.iter().map(|d| d.rule.to_string()).collect();
    assert!(rules.len() > 5, "the draft's planted findings: {rules:?}");

    let open_entry = |h: &mut Harness<'static, BriefdeskApp>| {
        h.get_by_label("文件").click();
        h.run();
        h.get_by_role_and_label(Role::Button, "导出带批注的 Word 文档…").click();
        h.run();
    };
    open_entry(&mut h);
    // Beside the draft, named after it; the draft itself is what gets the comments.
    let suggested = dir.path().join("稿件（批注）.docx");
    assert_eq!(h.get_by_label("文件路径").value().as_deref(), Some(suggested.to_str().expect("utf-8")));
    let on_draft = h.get_by_role_and_label(Role::RadioButton, "在原稿上加批注（原稿的文字、格式、表格和修订都不变）");
    assert_eq!(on_draft.accesskit_node().toggled(), Some(Toggled::True), "the draft is chosen");
    assert!(h.query_by_label_contains("导入后已作修改").is_none(), "not edited yet");
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.run();
    assert!(suggested.exists(), "{:?}", h.state().state.notice);
    let comments = docx_part(&suggested, "word/comments.xml");
    assert_eq!(comments.matches("w:author=\"简报台\"").count(), rules.len(), "one comment a finding: {comments}");
    for rule in &rules {
        assert!(comments.contains(rule.as_str()), "{rule} is named in its comment");
    }
    assert_eq!(
        docx_part(&suggested, "word/styles.xml"),
        docx_part(&draft, "word/styles.xml"),
        "the draft's own styles"
    );

    // Edited since the import: say so, and offer the brief as it is now.
    h.get_by_role_and_label(Role::Button, "关闭").click();
    h.run();
    type_into(&mut h, "（一）消费扶贫", "补记一句。");
    open_entry(&mut h);
    assert!(h.query_by_label_contains("导入后已作修改").is_some(), "the edit is pointed out");
    h.get_by_role_and_label(Role::RadioButton, "导出当前简报，检查结果作为批注").click();
    h.run();
    let now = dir.path().join("now.docx");
    h.get_by_label("文件路径").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("文件路径").type_text(&now.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.run();
    assert!(docx_part(&now, "word/document.xml").contains("补记一句。"), "the edit is in the export");
    assert!(docx_part(&now, "word/comments.xml").contains("简报台"), "with the findings as comments");

    // A brief from no Word file: no choice to make, an export with comments.
    let mut h = harness(State::new(brief, Some(planted)));
    h.run();
    open_entry(&mut h);
    assert!(h.query_by_role(Role::RadioButton).is_none(), "no draft to comment");
    let plain = dir.path().join("brief.docx");
    h.get_by_label("文件路径").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("文件路径").type_text(&plain.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "确定").click();
    h.run();
    let comments = docx_part(&plain, "word/comments.xml");
    assert_eq!(comments.matches("w:author=\"简报台\"").count(), h.state().state.derived.diagnostics.len());

    // And in English.
    h.state_mut().settings.lang = briefdesk::app::Lang::En;
    h.run();
    h.get_by_label("File").click();
    h.run();
    assert!(h.query_by_role_and_label(Role::Button, "Export Word with comments…").is_some());
}
