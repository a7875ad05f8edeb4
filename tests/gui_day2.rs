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

/// Chooses a path in the open path window and confirms.
fn choose_path(h: &mut H, path: &Path) {
    clear_field(h, "文件路径");
    h.get_by_label("文件路径").type_text(&path.display().to_string());
    h.run();
    h.get_by_label("确定").click();
    h.run();
}

#[test]
fn document_info_sets_the_signature_block_every_export_prints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(example_in(dir.path()));
    h.run();
    assert!(h.query_by_label_contains("副标题：青川市情研究 2024年第3期").is_some(), "the subtitle is shown");
    click_all(&mut h, &["文件", "文档信息…"]);
    clear_field(&mut h, "副标题");
    h.get_by_label("副标题").type_text("2024年第4期");
    clear_field(&mut h, "署名/发文单位");
    h.get_by_label("署名/发文单位").type_text("青川市总工会");
    clear_field(&mut h, "成文日期");
    h.get_by_label("成文日期").type_text("2024-04-30");
    h.run();
    h.get_by_label("确定").click();
    h.run();
    let meta = h.state().state.doc.brief().meta.clone();
    assert_eq!((meta.subtitle.as_str(), meta.author.as_str()), ("2024年第4期", "青川市总工会"));
    assert_eq!(meta.date, chrono::NaiveDate::from_ymd_opt(2024, 4, 30));
    let html = briefdesk::export::to_html(h.state().state.doc.brief(), Default::default());
    assert!(html.contains("<p class=\"subtitle\">2024年第4期</p>"));
    assert!(html.contains("<footer class=\"signature\">\n<p>青川市总工会</p>\n<p>2024年4月30日</p>"), "the 落款");
    // One undo step brings the old ones back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.doc.brief().meta.author, "中共青川市委党校 课题组");
}

#[test]
fn print_preview_opens_the_print_ready_page_in_the_browser() {
    let opened = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut app = BriefdeskApp::new(example());
    let seen = opened.clone();
    app.browser = Box::new(move |p| {
        seen.lock().expect("lock").push(p.to_path_buf());
        Ok(())
    });
    let mut h = harness_app(app);
    h.run();
    click_all(&mut h, &["文件"]);
    h.get_by_label_contains("打印预览").click();
    h.run();
    let pages = opened.lock().expect("lock").clone();
    assert_eq!(pages.len(), 1, "the browser was asked to open one page");
    let html = std::fs::read_to_string(&pages[0]).expect("the page is written");
    assert!(html.contains("<h1 class=\"title\">以工会之力巩固拓展脱贫攻坚成果的实践与思考</h1>"));
    assert!(html.contains("size: A4"), "with the GB/T 9704 print style");
    assert!(!html.contains("附录一"), "no internal appendix in a printout");
    // Ctrl+P does the same.
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    assert_eq!(opened.lock().expect("lock").len(), 2);
}

#[test]
fn pdf_export_goes_through_libreoffice_where_it_is_installed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut state = example();
    // Without LibreOffice the entry is there, greyed out.
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["文件", "导出 PDF…"]);
    assert!(h.query_by_label("文件路径").is_none(), "nothing to choose without LibreOffice");
    if briefdesk::export::pdf::libreoffice().is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI installs LibreOffice for this test");
        eprintln!("skipped the PDF itself: LibreOffice (soffice) is not installed");
        return;
    }
    state.libreoffice = true;
    let mut h = harness(state);
    h.run();
    click_all(&mut h, &["文件", "导出 PDF…"]);
    let pdf = dir.path().join("青川.pdf");
    choose_path(&mut h, &pdf);
    let started = std::time::Instant::now();
    while h.state().exporting_pdf() && started.elapsed() < std::time::Duration::from_secs(120) {
        std::thread::sleep(std::time::Duration::from_millis(100));
        h.run();
    }
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    assert!(h.state().state.notice.as_ref().is_some_and(|n| n.render(briefdesk::app::Lang::Zh).contains("已导出到")));
}

#[test]
fn the_check_report_is_exported_from_problems() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(example_in(dir.path()));
    h.run();
    click_all(&mut h, &["（四）技能扶贫", "正文"]);
    h.get_by_label("正文").type_text("共帮扶困难职工1450户，其中城镇职工860户，农民工640户。");
    h.run();
    click_all(&mut h, &["导出检查报告…"]);
    let suggested = field_value(&h, "文件路径");
    assert!(suggested.ends_with("brief-检查报告.html"), "{suggested}");
    let report = dir.path().join("报告.html");
    choose_path(&mut h, &report);
    let html = std::fs::read_to_string(&report).expect("written");
    assert!(html.contains("检查报告") && html.contains("BD103") && html.contains("分项合计1500户"), "{html}");
    // An export of a brief with errors says so.
    let notice = h.state().state.notice.as_ref().map(|n| n.render(briefdesk::app::Lang::Zh)).unwrap_or_default();
    assert!(notice.contains("还有1个错误"), "{notice}");
}

#[test]
fn help_shows_about_shortcuts_and_the_rules() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["帮助", "关于简报台"]);
    assert!(h.query_by_label_contains(env!("CARGO_PKG_VERSION")).is_some(), "the version");
    click_all(&mut h, &["帮助", "快捷键"]);
    assert!(h.query_by_label("Ctrl+S").is_some(), "{:?}", "the save shortcut is listed");
    assert!(h.query_by_label("Ctrl+=").is_some(), "written as typed, not Ctrl+Equals");
    assert!(h.query_by_label("Ctrl+Equals").is_none());
    click_all(&mut h, &["帮助", "检查规则"]);
    h.run();
    h.get_by_label_contains("BD107").click();
    h.run();
    // The text `briefdesk rules BD107` prints.
    let doc = briefdesk::checks::rule("BD107").expect("BD107").doc().render();
    let first = doc.lines().find(|l| !l.trim().is_empty()).expect("a doc");
    let why = doc.lines().find(|l| l.starts_with("为什么")).expect("a why line");
    assert!(h.query_by_label_contains(first.trim()).is_some(), "the rule's own documentation is shown: {first}");
    assert!(h.query_by_label_contains(why).is_some(), "{why}");
}

#[test]
fn the_view_menu_writes_shortcuts_as_typed() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["视图"]);
    assert!(h.query_by_label_contains("Ctrl+=").is_some());
    assert!(h.query_by_label_contains("Equals").is_none());
}
