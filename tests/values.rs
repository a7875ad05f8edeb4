//! One value formatter for every output: the HTML and Word appendices, the
//! CLI's figure list and the checks' messages write 4.2万人 as 4.2万 and
//! 126000000 as 1.26亿, as the window does.

use std::io::Read;
use std::process::Command;

use briefdesk::checks::{Env, check};
use briefdesk::export::{HtmlOptions, WordOptions, to_html, to_word};
use briefdesk::format::docx::DocxLayout;
use briefdesk::lang::Lang;
use briefdesk::model::{Brief, Role};

const BODY: &str =
    "全市共有脱贫人口4.2万人，投入帮扶资金1.26亿元。共帮扶困难职工4.2万户，其中城镇职工3万户，农民工1.5万户。";

fn brief() -> Brief {
    let mut b = Brief::default();
    let s = b.new_section(Role::Background, "基本情况", BODY);
    b.sections.push(s);
    b
}

#[test]
fn appendices_write_values_as_an_editor_reads_them() {
    let b = brief();
    let diags = check(&b, &Env::default());
    let html = to_html(&b, HtmlOptions { appendix: true, diagnostics: Some(&diags) });
    assert!(html.contains("<td>4.2万</td>") && html.contains("<td>1.26亿</td>"), "{html}");
    assert!(!html.contains("<td>42000</td>") && !html.contains("126000000"));
    let bytes = to_word(
        &b,
        &WordOptions {
            layout: DocxLayout::Official,
            appendix: true,
            diagnostics: Some(&diags),
            ..WordOptions::default()
        },
    )
    .expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document").read_to_string(&mut xml).expect("read");
    assert!(xml.contains(">4.2万<") && xml.contains(">1.26亿<"), "the Word appendix too");
    assert!(!xml.contains(">42000<"));
}

#[test]
fn messages_write_values_and_units_as_the_window_does() {
    let mut b = Brief::default();
    let s = b.new_section(Role::Background, "基本情况", "共帮扶困难职工42000户，其中城镇职工30000户，农民工15000户。");
    b.sections.push(s);
    let diags = check(&b, &Env::default());
    let d = diags.iter().find(|d| d.rule == "BD103").expect("the parts exceed the total");
    assert!(d.message(Lang::Zh).contains("分项合计4.5万户，超过总数4.2万户"), "{}", d.message(Lang::Zh));
    let en = d.message(Lang::En);
    assert!(en.contains("4.5万户") && en.contains("4.2万户"), "no space before a Chinese unit: {en}");
}

#[test]
fn the_cli_lists_values_with_the_same_formatter() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("d.txt"), BODY).expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(["figures", "d.txt"])
        .current_dir(dir.path())
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\t4.2万\t") && out.contains("\t1.26亿\t"), "{out}");
    std::fs::write(dir.path().join("r.txt"), "培训2至3万人次。").expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(["figures", "r.txt"])
        .current_dir(dir.path())
        .output()
        .expect("run");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("2万–3万"), "a range as the window shows it: {out}");
}
