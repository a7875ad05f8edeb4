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

/// The app with an opener that records the files it is asked to open (the
/// system's browser or program is not started).
fn recording_opener(state: State) -> (BriefdeskApp, std::sync::Arc<std::sync::Mutex<Vec<std::path::PathBuf>>>) {
    let opened = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut app = BriefdeskApp::new(state);
    let seen = opened.clone();
    app.browser = Box::new(move |p| {
        seen.lock().expect("lock").push(p.to_path_buf());
        Ok(())
    });
    (app, opened)
}

#[test]
fn print_preview_opens_the_print_ready_page_in_the_browser() {
    let (app, opened) = recording_opener(example());
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

/// A brief with findings in two sections, for the 问题 list.
fn with_findings() -> State {
    let mut b = briefdesk::format::load_brief(&here("examples/brief.ron")).expect("example");
    b.sections[2].children[3].body.push_str("\n共帮扶困难职工1450户，其中城镇职工860户，农民工640户。");
    b.sections[2].children[4].body.push_str("\n共资助学生3000名，其中初中生1800名，高中生1500名。");
    State::new(b, None)
}

#[test]
fn the_problems_list_stays_still_under_the_pointer() {
    let mut h = harness(with_findings());
    h.run();
    // The list's rows: the rule, then the message (the detail above shows the rule alone).
    let rows = |h: &H| -> Vec<egui::Rect> { h.query_all_by_label_contains("● BD103 ").map(|n| n.rect()).collect() };
    let before = rows(&h);
    assert!(before.len() >= 2, "two findings are listed");
    h.query_all_by_label_contains("● BD103 ").next().expect("a row").click();
    h.run();
    assert!(h.query_all_by_label_contains("分项合计").count() >= 3, "the finding is shown in full too");
    assert_eq!(rows(&h), before, "clicking a finding shows it above without moving the list");
}

#[test]
fn ctrl_s_proposes_the_title_in_the_drafts_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let draft = dir.path().join("草稿.txt");
    std::fs::write(&draft, "关于职工帮扶的调研\n\n一、基本情况\n\n全市共帮扶困难职工1450户。\n").expect("write");
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["文件", "导入文稿…"]);
    choose_path(&mut h, &draft);
    click_all(&mut h, &["关闭"]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(field_value(&h, "文件路径"), dir.path().join("关于职工帮扶的调研.ron").display().to_string());
    // A brief made new in the window goes to the documents folder, named by its title.
    let mut h = harness(State::new(briefdesk::model::Template::ResearchBrief.build(Default::default()), None));
    h.run();
    clear_field(&mut h, "标题");
    h.get_by_label("标题").type_text("青川调研");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let documents = dirs::document_dir().or_else(dirs::home_dir).expect("a home");
    assert_eq!(field_value(&h, "文件路径"), documents.join("青川调研.ron").display().to_string());
}

#[test]
fn panel_widths_follow_the_window_back_up() {
    let mut h = harness(example());
    h.run();
    let outline_width = |h: &H| h.get_by_label("大纲").rect().width();
    let _ = outline_width(&h);
    let panel = |h: &H| h.state().settings.outline_share;
    let share = panel(&h);
    h.set_size(egui::vec2(800.0, 600.0));
    h.run();
    h.set_size(egui::vec2(1280.0, 800.0));
    h.run();
    assert_eq!(panel(&h), share, "a small window does not shrink the share for good");
    // Nor does a restart carry egui's own memory of absolute widths.
    assert!(!eframe::App::persist_egui_memory(h.state()), "panel sizes come from the shares");
}

#[test]
fn a_small_drag_moves_the_text_size_a_little() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["视图", "设置…"]);
    let size = h.state().settings.text_size;
    let at = h.get_by_label("字号").rect().center();
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    for dx in [5.0, 10.0, 20.0] {
        h.hover_at(at + egui::vec2(dx, 0.0));
        h.run();
    }
    h.drop_at(at + egui::vec2(20.0, 0.0));
    h.run();
    let after = h.state().settings.text_size;
    assert!(after > size && after <= size + 2.0, "a 20-pixel drag: {size} → {after}");
}

#[test]
fn converting_an_import_to_simplified_asks_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let draft = dir.path().join("繁體.txt");
    std::fs::write(
        &draft,
        "工會調研報告\n\n一、基本情況\n\n參與精準脫貧攻堅是工會組織的重要政治任務，全市幫扶困難職工1450戶。\n",
    )
    .expect("write");
    // The bundled font is GB2312: Traditional characters are drawn by the system's fonts in the app.
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(install_fonts)
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.frame(ui), BriefdeskApp::new(example()));
    h.run();
    click_all(&mut h, &["文件", "导入文稿…"]);
    choose_path(&mut h, &draft);
    click_all(&mut h, &["转换为简体"]);
    assert!(h.query_by_label("未保存的修改").is_none(), "nothing of the user's to lose");
    let text: String = h.state().state.doc.brief().walk().map(|(s, _)| s.body.clone()).collect();
    assert!(text.contains("参与精准脱贫攻坚"), "{text}");
}

#[test]
fn a_new_section_takes_the_keyboard() {
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["一、基本情况", "＋小节"]);
    h.get_by_label("小标题").type_text("新写的小节");
    h.run();
    let selected = h.state().state.selected.and_then(|id| h.state().state.doc.brief().section(id).cloned());
    assert_eq!(selected.map(|s| s.title), Some("新写的小节".to_string()), "typing names the new section");
    click_all(&mut h, &["＋下级"]);
    h.get_by_label("小标题").type_text("下级小节");
    h.run();
    let selected = h.state().state.selected.and_then(|id| h.state().state.doc.brief().section(id).cloned());
    assert_eq!(selected.map(|s| s.title), Some("下级小节".to_string()));
}

#[test]
fn escape_closes_the_find_bar_from_any_of_its_parts() {
    let mut h = harness(example());
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    h.get_by_label("查找").type_text("扶贫");
    h.run();
    h.get_by_label("下一个").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("替换为").is_none() && h.query_by_label("下一个").is_none(), "closed after a button");
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    h.get_by_label("替换为").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("替换为").is_none(), "closed from the replace field");
}

#[test]
fn replace_after_an_undo_replaces_the_highlighted_match() {
    let mut h = harness(example());
    h.run();
    let needle = "脱贫劳动力";
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    h.get_by_label("查找").type_text(needle);
    h.run();
    h.get_by_label("替换为").click();
    h.run();
    h.get_by_label("替换为").type_text("脱贫群众");
    h.run();
    for _ in 0..2 {
        h.get_by_label("下一个").click();
        h.run();
    }
    click_all(&mut h, &["替换"]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let highlighted = h.state().find_highlight().expect("a match is highlighted");
    let before = h.state().state.doc.brief().clone();
    click_all(&mut h, &["替换"]);
    let after = h.state().state.doc.brief();
    let section =
        |b: &briefdesk::model::Brief| b.section(highlighted.section).map(|s| s.body.clone()).unwrap_or_default();
    let was = section(&before);
    assert_eq!(&was[highlighted.span.clone()], needle);
    let mut want = was.clone();
    want.replace_range(highlighted.span.clone(), "脱贫群众");
    assert_eq!(section(after), want, "the highlighted match, not the first, was replaced");
}

#[test]
fn every_finding_under_the_pointer_is_in_the_tooltip() {
    // The total is wrong against its parts and against the summary: two findings on one figure.
    let mut b = briefdesk::model::Brief::default();
    let summary = b.new_section(briefdesk::model::Role::Summary, "内容提要", "全市共帮扶困难职工1500户。");
    let body = b.new_section(
        briefdesk::model::Role::Background,
        "基本情况",
        "共帮扶困难职工1450户，其中城镇职工860户，农民工640户。",
    );
    let body_id = body.id;
    b.sections.extend([summary, body]);
    let mut state = State::new(b, None);
    state.selected = Some(body_id);
    let on_figure: Vec<&'static str> = state
        .derived
        .diagnostics
        .iter()
        .filter(|d| d.section == body_id && state.doc.brief().sections[1].body[d.span.clone()].contains("1450"))
        .map(|d| d.rule)
        .collect();
    assert!(on_figure.len() >= 2, "two findings on 1450户: {on_figure:?}");
    let mut h = harness(state);
    h.run();
    let rect = h.get_by_label("正文").rect();
    // The rules' lines without a tooltip (the 问题 list), then a sweep of the first line.
    let count = |h: &H, r: &str| h.query_all_by_label_contains(&format!("{r} ")).count();
    let baseline: Vec<usize> = on_figure.iter().map(|r| count(&h, r)).collect();
    let mut seen = Vec::new();
    for x in (0..400).step_by(4) {
        h.hover_at(egui::pos2(rect.left() + x as f32, rect.top() + 12.0));
        h.run();
        let found: Vec<&str> =
            on_figure.iter().zip(&baseline).filter(|(r, n)| count(&h, r) > **n).map(|(r, _)| *r).collect();
        if found.len() > seen.len() {
            seen = found;
        }
    }
    assert_eq!(seen.len(), on_figure.len(), "all of {on_figure:?} in the tooltip, saw {seen:?}");
}

#[test]
fn english_counts_and_chinese_units_read_right() {
    let mut h = harness(with_findings());
    h.state_mut().settings.lang = briefdesk::app::Lang::En;
    h.run();
    assert!(h.query_by_label_contains("2 errors · 0 warnings").is_some());
    let mut one = with_findings();
    one.doc.edit(briefdesk::app::EditKey::Structure, |b| {
        b.sections[2].children[4].body = "资助学生。".into();
        true
    });
    one.check_now();
    let mut h = harness(one);
    h.state_mut().settings.lang = briefdesk::app::Lang::En;
    h.run();
    assert!(h.query_by_label_contains("1 error · 0 warnings").is_some(), "1 error, not 1 errors");
}

#[test]
fn recent_files_show_their_folders() {
    let mut h = harness(example());
    h.state_mut().settings.recent = vec![here("examples/feature.md")];
    h.run();
    click_all(&mut h, &["文件", "最近打开"]);
    let folder = here("examples").display().to_string();
    assert!(h.query_by_label_contains(&folder).is_some(), "the folder is shown: {folder}");
}

#[test]
fn the_import_report_gives_no_line_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A Word file with a footnote-free comment: built by the Word export, then a comment added is too much;
    // a header is simpler: the Word export's page-number footer is listed as an aside.
    let docx = dir.path().join("b.docx");
    std::fs::write(
        &docx,
        briefdesk::export::to_word(h_brief(), &briefdesk::export::WordOptions::default()).expect("docx"),
    )
    .expect("write");
    let mut h = harness(example());
    h.run();
    click_all(&mut h, &["文件", "导入文稿…"]);
    choose_path(&mut h, &docx);
    assert!(h.query_by_label_contains("页眉或页脚").is_some(), "the footer is listed");
    assert!(h.query_by_label_contains("第0行").is_none(), "no line 0");
    assert!(h.query_by_label_contains("正文外").is_some());
}

fn h_brief() -> &'static briefdesk::model::Brief {
    static BRIEF: std::sync::OnceLock<briefdesk::model::Brief> = std::sync::OnceLock::new();
    BRIEF.get_or_init(|| briefdesk::format::load_brief(&here("examples/brief.ron")).expect("example"))
}

/// A brief of one section quoting three figures of a communiqué of our own:
/// one as the source gives it, one altered, one the source does not give.
fn quoting(dir: &Path) -> (State, std::path::PathBuf) {
    let source = dir.join("公报.txt");
    std::fs::write(&source, "青川县2023年统计公报\n\n2023年，全县实现地区生产总值126.35亿元。全县共有行政村183个。\n")
        .expect("write the source");
    let mut brief = briefdesk::model::Brief::default();
    brief.meta.title = "青川县情".into();
    let body = "2023年，全县实现地区生产总值126.35亿元。全县共有行政村138个。全县新建村级光伏电站58座。";
    let s = brief.new_section(briefdesk::model::Role::Custom, "基本情况".to_string(), body.to_string());
    brief.sections.push(s);
    let path = dir.join("brief.ron");
    briefdesk::format::save(&path, &brief).expect("save");
    (State::new(brief, Some(path)), source)
}

#[test]
fn sources_are_added_read_and_held_to_and_removed_with_undo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, source) = quoting(dir.path());
    let (app, opened) = recording_opener(state);
    let mut h = harness_app(app);
    h.run();
    h.get_by_label("来源").click();
    h.run();
    assert!(h.query_by_label_contains("尚未添加来源").is_some(), "an empty list says what sources are for");
    // 添加来源… asks for the file, as every file action does.
    h.get_by_label("添加来源…").click();
    h.run();
    choose_path(&mut h, &source);
    h.state_mut().state.wait_for_checks();
    h.run();
    let brief = h.state().state.doc.brief().clone();
    assert_eq!(brief.sources.len(), 1, "the source is in the brief");
    assert_eq!(brief.sources[0].fingerprint.len(), 64, "with the SHA-256 of its content");
    // The altered figure is an error naming the source; the one it agrees with is checked.
    let findings = &h.state().state.derived.diagnostics;
    let mismatch = findings.iter().find(|d| d.rule == "BD114" && d.severity == briefdesk::model::Severity::Error);
    let mismatch = mismatch.unwrap_or_else(|| panic!("a source mismatch: {findings:#?}"));
    assert!(mismatch.message(briefdesk::checks::Lang::Zh).contains("公报.txt"), "it names the source");
    assert!(h.query_by_label("已核对 1 · 不符 1").is_some(), "the source's line counts what it backs and contradicts");
    assert!(h.query_by_label("全文：已核对 1 · 不符 1 · 无来源 1").is_some(), "and the panel what no source gives");
    // The ledger says it per figure.
    h.get_by_label("数字").click();
    h.run();
    assert!(h.query_by_label("已核对").is_some() && h.query_by_label("不符").is_some());
    assert!(h.query_by_label("无来源").is_some());
    // 打开 opens the file with the system's program.
    h.get_by_label("来源").click();
    h.run();
    h.get_by_label("打开").click();
    h.run();
    assert_eq!(opened.lock().expect("lock").as_slice(), std::slice::from_ref(&source));
    // The file changes: the panel says so, and 确认是新版本 records the new content.
    std::fs::write(&source, "青川县2023年统计公报\n\n2023年，全县共有行政村138个。\n").expect("rewrite");
    // The window looks at the files every two seconds.
    std::thread::sleep(briefdesk::app::SOURCES_LOOK_AGAIN + std::time::Duration::from_millis(100));
    h.run();
    h.state_mut().state.wait_for_checks();
    h.run();
    assert!(
        !h.state()
            .state
            .derived
            .diagnostics
            .iter()
            .any(|d| d.rule == "BD114" && d.severity == briefdesk::model::Severity::Error),
        "the source read again now gives 138个 too"
    );
    assert!(h.query_by_label_contains("文件内容与添加时不同").is_some(), "a changed source is told");
    h.get_by_label("确认是新版本").click();
    h.run();
    assert!(h.query_by_label_contains("文件内容与添加时不同").is_none());
    // 移除 takes it off the sources; undo brings it back.
    h.get_by_label("移除").click();
    h.state_mut().state.wait_for_checks();
    h.run();
    assert!(h.state().state.doc.brief().sources.is_empty());
    assert!(!h.state().state.derived.diagnostics.iter().any(|d| d.rule == "BD114"), "no source, no BD114");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.state_mut().state.wait_for_checks();
    h.run();
    assert_eq!(h.state().state.doc.brief().sources.len(), 1);
}

#[test]
fn another_version_is_compared_beside_the_draft_and_each_line_jumps_to_its_figure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (state, _) = quoting(dir.path());
    // The older version: one figure another value, one wording changed, one figure more.
    let old = dir.path().join("旧稿.md");
    std::fs::write(
        &old,
        "# 青川县情\n\n## 基本情况\n\n2023年，全县实现地区生产总值126.35亿元。全县共有行政村183个。全县建成村级光伏电站58座。全县有农民专业合作社426家。\n",
    )
    .expect("write");
    let mut h = harness(state);
    h.run();
    click_all(&mut h, &["文件", "与其他版本比较…"]);
    choose_path(&mut h, &old);
    for _ in 0..600 {
        h.run();
        if h.query_by_label_contains("数字：改").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(h.query_by_label_contains("数字：改 1 · 增 0 · 删 1").is_some(), "the counts of the comparison");
    assert!(h.query_by_label_contains("旧：2023年，全县实现").is_none(), "a figure that did not change is not listed");
    // 183个 → 138个 jumps to 138个 in the editor.
    h.get_by_label("183个 → 138个").click();
    h.run();
    let reveal = h.state().state.reveal.clone().expect("a jump");
    let body = &h.state().state.doc.brief().sections[0].body;
    assert_eq!(&body[reveal.span], "138个");
    // 关闭比较 closes the tab.
    h.get_by_label("关闭比较").click();
    h.run();
    assert!(h.query_by_label("比较").is_none());
}
