//! `briefdesk check draft.docx --annotate checked.docx` on a draft built
//! here with styles, a table, a footnote, a tracked change and an editor's
//! comment: each finding becomes a comment by 简报台 on its words; the
//! document part differs from the original only by the comment marks (and
//! the run seams they need); every other part but the comments, content types
//! and relationships is unchanged; the file passes validate_docx.py; the
//! import lists the comments as Briefdesk's; LibreOffice shows each on its
//! figure.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use std::process::Command;

use briefdesk::format::{LoadOptions, load};
use briefdesk::import::boilerplate::Reason;
use docx_rs::{Comment, Delete, Docx, Footnote, Insert, Paragraph, Run, Style, StyleType, Table, TableCell, TableRow};

fn text(t: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(t))
}

fn draft() -> Vec<u8> {
    let row = |cells: &[&str]| TableRow::new(cells.iter().map(|c| TableCell::new().add_paragraph(text(c))).collect());
    let doc = Docx::new()
        .add_style(Style::new("1", StyleType::Paragraph).name("heading 1").outline_lvl(0))
        .add_paragraph(text("一、基本情况").style("1"))
        .add_paragraph(
            Paragraph::new()
                .add_comment_start(Comment::new(1).author("王编辑").add_paragraph(text("请核对")))
                .add_run(Run::new().add_text("全市共帮扶困难职工1450户，其中城镇职工860户，"))
                .add_run(Run::new().bold().add_text("农民工640户"))
                .add_run(Run::new().add_text("。"))
                .add_comment_end(1),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("组织约2000余名劳模参与帮扶"))
                .add_delete(Delete::new().add_run(Run::new().add_delete_text("（初稿）")))
                .add_insert(Insert::new(Run::new().add_text("，成效明显")))
                .add_run(Run::new().add_text("。"))
                .add_run(Run::new().add_footnote_reference(Footnote::new().add_content(text("据市总工会统计")))),
        )
        .add_paragraph(text("二、主要做法").style("1"))
        .add_paragraph(text("日期为2021年2月29日的推进会确定了任务。"))
        .add_table(Table::new(vec![row(&["项目", "金额"]), row(&["消费扶贫", "4820万元"])]));
    let mut buf = Cursor::new(Vec::new());
    doc.build().pack(&mut buf).expect("pack");
    buf.into_inner()
}

fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("read");
            (f.name().to_string(), data)
        })
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    let p = parts(bytes).into_iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(p.1).expect("utf-8")
}

/// document.xml with Briefdesk's comment marks (ids from `first`) taken out.
fn without_marks(xml: &str, first: usize) -> String {
    let mut s = xml.to_string();
    let mut id = first;
    while s.contains(&format!("<w:commentRangeStart w:id=\"{id}\"/>")) {
        s = s.replace(&format!("<w:commentRangeStart w:id=\"{id}\"/>"), "");
        s = s.replace(&format!("<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"), "");
        id += 1;
    }
    s
}

/// Adjacent runs of one formatting joined: a run split in two (as a comment
/// boundary inside it needs) reads as the one it was.
fn joined_runs(xml: &str) -> String {
    let mut s = xml.to_string();
    let seam = "</w:t></w:r><w:r>";
    let mut from = 0;
    while let Some(i) = s[from..].find(seam).map(|i| from + i) {
        let run_start = s[..i].rfind("<w:r>").unwrap_or(0) + 5;
        let rpr_end =
            if s[run_start..].starts_with("<w:rPr") { s[run_start..].find("<w:t").map_or(0, |e| e) } else { 0 };
        let rpr = s[run_start..run_start + rpr_end].to_string();
        let next = format!("{rpr}<w:t xml:space=\"preserve\">");
        if s[i + seam.len()..].starts_with(&next) {
            s.replace_range(i..i + seam.len() + next.len(), "");
            from = i;
        } else {
            from = i + seam.len();
        }
    }
    s
}

fn run_check(input: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(["check", input.to_str().expect("utf-8"), "--annotate", out.to_str().expect("utf-8")])
        .output()
        .expect("run")
}

fn annotated() -> (tempfile::TempDir, Vec<u8>, Vec<u8>, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = draft();
    let input = dir.path().join("draft.docx");
    std::fs::write(&input, &original).expect("write");
    let out = dir.path().join("checked.docx");
    let o = run_check(&input, &out);
    assert_eq!(o.status.code(), Some(1), "findings: {}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).expect("annotated file written");
    (dir, original, bytes, out)
}

#[test]
fn findings_become_comments_and_nothing_else_changes() {
    let (_dir, original, bytes, _) = annotated();
    let comments = part(&bytes, "word/comments.xml");
    assert!(comments.contains("w:author=\"王编辑\""), "the editor's comment is kept");
    let ours = comments.matches("w:author=\"简报台\"").count();
    assert!(ours >= 3, "{comments}");
    for rule in ["BD103", "BD112", "BD109"] {
        assert!(comments.contains(rule), "{rule} is in a comment: {comments}");
    }
    // The document part is the original plus the marks.
    let before = part(&original, "word/document.xml");
    let after = part(&bytes, "word/document.xml");
    let first =
        (0..).find(|i| after.contains(&format!("<w:commentRangeStart w:id=\"{i}\"/>")) && *i > 1).expect("ours");
    assert_eq!(
        joined_runs(&without_marks(&after, first)),
        joined_runs(&before),
        "document.xml minus the comment marks is the original, once runs split at a mark are joined"
    );
    assert!(without_marks(&after, first).len() > before.len() || after == before);
    // Every other part is unchanged, byte for byte.
    let changed = ["word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"];
    let after_parts = parts(&bytes);
    for (name, data) in parts(&original) {
        if changed.contains(&name.as_str()) {
            continue;
        }
        let now = after_parts.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("{name} kept"));
        assert!(now.1 == data, "{name} is unchanged");
    }
}

#[test]
fn the_import_reads_them_as_briefdesks_and_the_text_as_before() {
    let (dir, original, bytes, out) = annotated();
    let before = load(&dir.path().join("draft.docx"), &LoadOptions::default()).expect("original");
    let after = load(&out, &LoadOptions::default()).expect("annotated");
    assert_eq!(after.text(), before.text(), "the text reads as before");
    let count = |l: &briefdesk::format::Loaded, r: Reason| l.report.removed.iter().filter(|x| x.reason == r).count();
    assert_eq!(count(&after, Reason::Comment), count(&before, Reason::Comment), "the editor's comments only");
    assert_eq!(count(&after, Reason::BriefdeskComment), part(&bytes, "word/comments.xml").matches("简报台").count());
    assert_eq!(count(&before, Reason::BriefdeskComment), 0);
    let _ = original;
}

#[test]
fn the_annotated_draft_passes_the_schema() {
    // A draft that is valid itself (docx-rs's writer is not): the planted brief exported.
    let dir = tempfile::tempdir().expect("temp dir");
    let planted = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/planted.md");
    let input = dir.path().join("planted.docx");
    let o = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(["export", planted.to_str().expect("utf-8"), "--to", "docx", "-o", input.to_str().expect("utf-8")])
        .output()
        .expect("export");
    assert!(o.status.success());
    let out = dir.path().join("checked.docx");
    assert_eq!(run_check(&input, &out).status.code(), Some(1));
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let python = ["python3", "/usr/bin/python3"]
        .into_iter()
        .find(|p| Command::new(p).args(["-c", "import lxml, docx"]).output().is_ok_and(|o| o.status.success()));
    let Some(python) = python.filter(|_| shared.join("tools/validate_docx.py").exists()) else {
        assert!(std::env::var_os("CI").is_none(), "validate_docx.py or python3-lxml/python3-docx missing");
        eprintln!("skipped: ../shared/tools/validate_docx.py or python3 with lxml and python-docx is missing");
        return;
    };
    let o = Command::new(python)
        .arg(shared.join("tools/validate_docx.py"))
        .arg(shared.join("schemas/ooxml"))
        .arg(&out)
        .output()
        .expect("validator");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
}

/// The text each annotation of an .odt covers, with the annotation's text.
fn odt_ranges(content: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(content);
    let mut open: Vec<(String, String, String)> = Vec::new(); // name, body, span
    let mut in_body: Option<String> = None;
    let mut depth = 0;
    let mut out = Vec::new();
    loop {
        match r.read_event().expect("odt xml") {
            Event::Start(e) if e.name().as_ref() == b"office:annotation" => {
                let name = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"office:name")
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
                in_body = Some(name);
                depth = 1;
                open.push((in_body.clone().unwrap_or_default(), String::new(), String::new()));
            }
            Event::Start(_) if in_body.is_some() => depth += 1,
            Event::End(_) if in_body.is_some() => {
                depth -= 1;
                if depth == 0 {
                    in_body = None;
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"office:annotation-end" => {
                let name = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"office:name")
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
                if let Some(i) = open.iter().position(|o| o.0 == name) {
                    let (_, body, span) = open.remove(i);
                    out.push((span, body));
                }
            }
            Event::Text(t) => {
                let t = t.decode().expect("text").into_owned();
                match &in_body {
                    Some(_) => {
                        if let Some(last) = open.last_mut() {
                            last.1.push_str(&t);
                        }
                    }
                    None => {
                        for o in open.iter_mut() {
                            o.2.push_str(&t);
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn libreoffice_shows_each_comment_on_its_figure() {
    if Command::new("soffice").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "soffice is not installed");
        eprintln!("skipped: soffice is not installed (apt-get install libreoffice-writer-nogui)");
        return;
    }
    let (dir, _, _, out) = annotated();
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()))
        .args(["--headless", "--convert-to", "odt", "--outdir"])
        .arg(dir.path())
        .arg(&out)
        .output()
        .expect("soffice");
    let odt = dir.path().join("checked.odt");
    assert!(odt.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&odt).expect("odt")).expect("zip");
    let mut content = String::new();
    zip.by_name("content.xml").expect("content").read_to_string(&mut content).expect("utf-8");
    let ranges = odt_ranges(&content);
    let on = |rule: &str| ranges.iter().find(|(_, body)| body.contains(rule)).map(|(span, _)| span.as_str());
    assert_eq!(on("BD112"), Some("约2000余名"), "{ranges:?}");
    assert_eq!(on("BD109"), Some("2021年2月29日"), "{ranges:?}");
    assert_eq!(on("BD103"), Some("1450户"), "{ranges:?}");
    assert!(ranges.iter().any(|(_, b)| b.contains("请核对")), "the editor's comment is there too");
}
