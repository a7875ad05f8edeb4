//! One Enter is one paragraph: the model, every export (HTML, Word,
//! Markdown) and every import (text, Word, Markdown) agree, and no export
//! reads a body's characters as Markdown.

use std::io::Read;

use briefdesk::export::{HtmlOptions, WordOptions, to_html, to_markdown, to_word};
use briefdesk::format::docx::DocxLayout;
use briefdesk::format::{LoadOptions, from_markdown, load};
use briefdesk::import::text::import_text;
use briefdesk::model::{Brief, Role, Taxonomy};

const FIRST: &str = "全市工会累计投入帮扶资金1.26亿元，带动约2.3万户脱贫户稳定增收。";
const SECOND: &str = "过渡期开始后，市总工会把巩固脱贫成果列为重点任务。";

fn brief_with(body: &str) -> Brief {
    let mut b = Brief::default();
    b.meta.title = "段落测试".into();
    let s = b.new_section(Role::Background, "基本情况", body);
    b.sections.push(s);
    b
}

/// The text of `word/document.xml` of a Word file.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document.xml").read_to_string(&mut xml).expect("read");
    xml
}

#[test]
fn one_enter_is_one_paragraph_in_every_export() {
    let b = brief_with(&format!("{FIRST}\n{SECOND}"));
    // HTML: a <p> per line, no stray space, no joining.
    let html = to_html(&b, HtmlOptions::default());
    assert!(html.contains(&format!("<p>{FIRST}</p>\n<p>{SECOND}</p>")), "{html}");
    // Markdown: two paragraphs, and back to the same body.
    let md = to_markdown(&b);
    assert!(md.contains(&format!("{FIRST}\n\n{SECOND}")), "{md}");
    assert_eq!(from_markdown(&md).expect("md").sections[0].body, b.sections[0].body);
    // Word: two paragraphs, each with its first line indented two characters, no line break.
    let xml = document_xml(
        &to_word(&b, &WordOptions { layout: DocxLayout::Official, ..WordOptions::default() }).expect("docx"),
    );
    for text in [FIRST, SECOND] {
        let paras: Vec<&str> = xml.split("</w:p>").filter(|p| p.contains(text)).collect();
        assert_eq!(paras.len(), 1, "one Word paragraph holds {text}");
        assert!(paras[0].contains("w:firstLine=\"640\""), "first line indented two characters: {}", paras[0]);
        assert!(!paras[0].contains("<w:br"), "no line break inside: {}", paras[0]);
        let last = paras[0].rsplit("<w:p").next().unwrap_or("");
        assert!(!(last.contains(FIRST) && last.contains(SECOND)), "the two lines are two paragraphs");
    }
}

#[test]
fn every_import_gives_one_line_per_paragraph() {
    let dir = tempfile::tempdir().expect("tempdir");
    let b = brief_with(&format!("{FIRST}\n{SECOND}"));
    let want = format!("{FIRST}\n{SECOND}");
    // A text draft, as Word saves it (one line per paragraph) and as a PDF gives it (blank lines between).
    for draft in [format!("基本情况\n{FIRST}\n{SECOND}\n"), format!("基本情况\n\n{FIRST}\n\n{SECOND}\n")] {
        let imported = import_text(&draft, Taxonomy::default());
        let body = imported.brief.walk().find(|(s, _)| s.body.contains(FIRST)).map(|(s, _)| s.body.clone());
        assert_eq!(body.as_deref(), Some(want.as_str()), "{draft:?}");
    }
    // A Word file exported by Briefdesk.
    let docx = dir.path().join("b.docx");
    std::fs::write(
        &docx,
        to_word(&b, &WordOptions { layout: DocxLayout::Official, ..WordOptions::default() }).expect("docx"),
    )
    .expect("write");
    let loaded = load(&docx, &LoadOptions::default()).expect("docx import");
    assert_eq!(
        loaded.brief.walk().find(|(s, _)| s.title == "基本情况").map(|(s, _)| s.body.clone()),
        Some(want.clone())
    );
    // A Markdown draft: a paragraph wrapped over two lines is one paragraph.
    let md = format!("# 标题\n\n## 基本情况\n\n{}\n{}\n\n{SECOND}\n", &FIRST[..24], &FIRST[24..]);
    let from_md = from_markdown(&md).expect("md");
    assert_eq!(from_md.sections[0].body, want);
}

#[test]
fn no_export_reads_body_text_as_markup() {
    let lines = [
        "5*3*2=30，{{7*7}}，a_b_c，~~不删~~，`代码`",
        "<b>不加粗</b> &amp; [不是链接](http://example.com) \\* 反斜杠",
        "# 不是标题",
        "- 不是列表",
        "1. 不是编号",
        "> 不是引用",
        "---",
        "| 单独一行的竖线 |",
    ];
    let body = lines.join("\n");
    let b = brief_with(&body);
    // HTML: every line escaped as it is, in its own <p>.
    let html = to_html(&b, HtmlOptions::default());
    for line in lines {
        assert!(html.contains(&format!("<p>{}</p>", briefdesk::export::html::escape(line))), "{line}");
    }
    // Markdown: read back exactly, and any Markdown reader shows the characters typed.
    let md = to_markdown(&b);
    assert_eq!(from_markdown(&md).expect("md").sections[0].body, body);
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    let rendered = comrak::markdown_to_html(&md, &options);
    for line in lines {
        let shown = briefdesk::export::html::escape(line);
        assert!(rendered.contains(&format!("<p>{shown}</p>")), "{line} renders as typed:\n{rendered}");
    }
}

#[test]
fn a_table_stays_a_table() {
    let body = format!("{FIRST}\n| 项目 | 金额 |\n| --- | --- |\n| 消费扶贫 | 4820万元 |\n{SECOND}");
    let b = brief_with(&body);
    let html = to_html(&b, HtmlOptions::default());
    assert!(html.contains("<table>\n<tr><th>项目</th><th>金额</th></tr>\n<tr><td>消费扶贫</td><td>4820万元</td></tr>"));
    assert_eq!(from_markdown(&to_markdown(&b)).expect("md").sections[0].body, body);
    let xml = document_xml(
        &to_word(&b, &WordOptions { layout: DocxLayout::Official, ..WordOptions::default() }).expect("docx"),
    );
    assert!(xml.contains("<w:tbl>"), "a Word table");
}

/// Applies a finding's fix and the replacements it makes elsewhere in the same section.
fn apply_fix(body: &str, d: &briefdesk::checks::Diagnostic) -> String {
    let mut edits: Vec<(std::ops::Range<usize>, String)> = vec![(d.span.clone(), d.fix.clone().expect("a fix"))];
    edits.extend(d.fixes_elsewhere.iter().map(|f| (f.span.clone(), f.with.clone())));
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = body.to_string();
    for (r, with) in edits {
        out.replace_range(r, &with);
    }
    out
}

#[test]
fn a_paragraph_pasted_twice_after_one_enter_gets_the_delete_fix() {
    let para = "落实任务，人是关键。多年来，市总工会高度重视受援地区干部人才的培养，选派挂职干部六十余人次，组织培训班二十多期，受训人员遍及各个县区。";
    for body in [format!("{para}\n{SECOND}\n{para}"), format!("{para}\n{para}\n{SECOND}")] {
        let b = brief_with(&body);
        let diags = briefdesk::checks::check(&b, &briefdesk::checks::Env::default());
        let d = diags.iter().find(|d| d.rule == "BD111").expect("BD111 finds the copy");
        let fixed = apply_fix(&body, d);
        assert_eq!(fixed.matches(para).count(), 1, "the copy goes: {fixed}");
        assert!(!fixed.contains("\n\n") && !fixed.starts_with('\n') && !fixed.ends_with('\n'), "{fixed:?}");
        assert!(fixed.contains(SECOND));
    }
}
