//! Word files Word accepts: every export (both layouts, with and without the
//! appendix, with findings as comments) validated against the ISO/IEC 29500
//! schemas by `../shared/tools/validate_docx.py` (which also opens it with
//! python-docx and counts the core properties); the core properties name the
//! author once, with the times given; a 5 MB table exports under a memory
//! limit; the findings exported as comments read back as Briefdesk's, not as
//! the author's.

mod support;

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use briefdesk::checks::{Env, check};
use briefdesk::export::{WordOptions, to_word};
use briefdesk::format::docx::DocxLayout;
use briefdesk::format::{LoadOptions, load, load_brief};
use briefdesk::import::boilerplate::Reason;
use briefdesk::model::{Brief, Taxonomy, Template};

fn here(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn fixed_time() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_710_460_800, 0).expect("a time")
}

/// The validator and a Python that can run it (lxml and python-docx), or None
/// (the test skips; under CI it fails).
fn validator() -> Option<(String, PathBuf, PathBuf)> {
    let shared = here("../shared");
    let script = shared.join("tools/validate_docx.py");
    let schemas = shared.join("schemas/ooxml");
    let python = ["python3", "/usr/bin/python3"]
        .into_iter()
        .find(|p| Command::new(p).args(["-c", "import lxml, docx"]).output().is_ok_and(|o| o.status.success()));
    match (script.exists() && schemas.exists(), python) {
        (true, Some(py)) => Some((py.to_string(), script, schemas)),
        (exists, py) => {
            let why = if !exists {
                format!("{} is missing", script.display())
            } else {
                format!("no python3 with lxml and python-docx ({py:?}); apt-get install python3-lxml python3-docx")
            };
            assert!(std::env::var_os("CI").is_none(), "{why}");
            eprintln!("skipped: {why}");
            None
        }
    }
}

fn validate(files: &[PathBuf]) {
    let Some((python, script, schemas)) = validator() else { return };
    let o = Command::new(python).arg(script).arg(schemas).args(files).output().expect("run the validator");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "validate_docx.py failed:\n{out}{}", String::from_utf8_lossy(&o.stderr));
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut s = String::new();
    zip.by_name(name).expect(name).read_to_string(&mut s).expect("utf-8");
    s
}

fn briefs() -> Vec<Brief> {
    ["examples/brief.ron", "examples/feature.md", "tests/fixtures/planted.md"]
        .iter()
        .map(|p| load_brief(&here(p)).expect(p))
        .collect()
}

#[test]
fn every_export_passes_the_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for (i, b) in briefs().iter().enumerate() {
        let diags = check(b, &Env::default());
        for layout in [DocxLayout::Official, DocxLayout::Plain] {
            for (appendix, comments) in [(false, false), (true, false), (false, true), (true, true)] {
                let options =
                    WordOptions { layout, appendix, comments, diagnostics: Some(&diags), now: Some(fixed_time()) };
                let bytes = to_word(b, &options).expect("export");
                let p = dir.path().join(format!("{i}-{layout:?}-{appendix}-{comments}.docx"));
                std::fs::write(&p, bytes).expect("write");
                files.push(p);
            }
        }
    }
    validate(&files);
}

#[test]
fn core_properties_name_the_author_once_with_the_times_given() {
    let mut b = Template::ResearchBrief.build(Taxonomy::default());
    // A line break (Shift+Enter copied from Word) and a vertical tab in the title and author.
    b.meta.title = "关于职工帮扶\u{b}的调研".into();
    b.meta.author = "市总工会\n研究室\u{1}".into();
    let bytes = to_word(&b, &WordOptions { now: Some(fixed_time()), ..WordOptions::default() }).expect("export");
    let core = part(&bytes, "docProps/core.xml");
    assert_eq!(core.matches("<dc:creator>").count(), 1, "{core}");
    assert!(core.contains("<dc:creator>市总工会 研究室</dc:creator>"), "{core}");
    assert!(core.contains("<cp:lastModifiedBy>市总工会 研究室</cp:lastModifiedBy>"), "{core}");
    assert!(core.contains("<dc:title>关于职工帮扶 的调研</dc:title>"), "{core}");
    assert!(core.contains(">2024-03-15T00:00:00Z</dcterms:created>"), "{core}");
    assert!(core.contains(">2024-03-15T00:00:00Z</dcterms:modified>"), "{core}");
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().join("core.docx");
    std::fs::write(&p, &bytes).expect("write");
    validate(&[p]);
}

#[test]
fn a_5_mb_table_exports_in_bounded_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut md = String::from(
        "# 大表\n\n## 一、情况\n\n| 地区 | 项目 | 金额 | 人数 | 备注 |\n| --- | --- | --- | --- | --- |\n",
    );
    let mut i = 0;
    while md.len() < 5_000_000 {
        i += 1;
        md.push_str(&format!("| 第{i}村 | 消费扶贫项目{i} | {}万元 | {}人 | 已完成验收{i} |\n", i * 13, i % 500));
    }
    let input = dir.path().join("big.md");
    std::fs::write(&input, &md).expect("write");
    let out = dir.path().join("big.docx");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefdesk"));
    cmd.args(["export", input.to_str().expect("utf-8"), "--to", "docx", "-o", out.to_str().expect("utf-8")]);
    support::limit_memory(&mut cmd, 600 * 1024 * 1024);
    let o = cmd.output().expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = part(&std::fs::read(&out).expect("docx"), "word/document.xml");
    assert_eq!(doc.matches("<w:tr>").count(), i + 1, "every row is in the table");
}

#[test]
fn findings_exported_as_comments_read_back_as_briefdesks() {
    let b = load_brief(&here("tests/fixtures/planted.md")).expect("planted");
    let diags = check(&b, &Env::default());
    assert!(diags.len() >= 5, "the planted brief has findings");
    let options =
        WordOptions { comments: true, diagnostics: Some(&diags), now: Some(fixed_time()), ..WordOptions::default() };
    let bytes = to_word(&b, &options).expect("export");
    let comments = part(&bytes, "word/comments.xml");
    assert_eq!(comments.matches("<w:comment ").count(), diags.len());
    assert_eq!(comments.matches("w:author=\"简报台\"").count(), diags.len());
    let doc = part(&bytes, "word/document.xml");
    assert_eq!(doc.matches("<w:commentRangeStart").count(), diags.len());
    assert_eq!(doc.matches("<w:commentReference").count(), diags.len());
    for d in &diags {
        assert!(comments.contains(d.rule), "{} is named in its comment", d.rule);
    }
    // Read back: the findings are Briefdesk's, not the author's comments.
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().join("checked.docx");
    std::fs::write(&p, &bytes).expect("write");
    let loaded = load(&p, &LoadOptions::default()).expect("import");
    let reasons: Vec<Reason> = loaded.report.removed.iter().map(|r| r.reason).collect();
    assert!(!reasons.contains(&Reason::Comment), "{reasons:?}");
    assert_eq!(reasons.iter().filter(|r| **r == Reason::BriefdeskComment).count(), diags.len());
    // The text is unchanged by the comments: the same findings again (but for
    // BD102's, whose fact sheet a Word file does not carry).
    let again = check(&loaded.brief, &Env::default());
    let rules = |d: &[briefdesk::checks::Diagnostic]| {
        let mut r: Vec<&str> = d.iter().map(|d| d.rule).filter(|r| *r != "BD102").collect();
        r.sort();
        r
    };
    assert_eq!(rules(&again), rules(&diags));
}
