//! Word interop: export → import keeps sections, titles and bodies; imports of
//! Word files built here (with and without heading styles, a table, tracked
//! changes, comments, a footnote) put every character of the body into the
//! brief or the import report; a damaged file is a clear error that writes
//! nothing. With LibreOffice installed (CI installs it), the exported example
//! is rendered to PDF and checked with poppler's tools.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use briefdesk::export::{WordOptions, to_word};
use briefdesk::format::docx::DocxLayout;
use briefdesk::format::{ImportReport, LoadError, LoadOptions, load, load_brief};
use briefdesk::model::{Brief, Role, Taxonomy, Template};
use docx_rs::{
    AlignmentType, Comment, Delete, Docx, Footnote, Insert, Paragraph, Run, Style, StyleType, Table, TableCell,
    TableRow,
};
use proptest::prelude::*;

/// A brief exported to Word in a layout, with a fixed time.
fn word(b: &Brief, layout: DocxLayout) -> Result<Vec<u8>, String> {
    to_word(b, &WordOptions { layout, now: Some(fixed_time()), ..WordOptions::default() })
}

fn fixed_time() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_710_460_800, 0).expect("a time")
}

fn examples() -> Vec<Brief> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    ["brief.ron", "feature.md"].iter().map(|f| load_brief(&dir.join(f)).expect(f)).collect()
}

/// (depth, title, paragraphs) of every section: a body's paragraphs are its
/// lines (model::body), so a Word file gives back the same paragraphs.
fn outline(b: &Brief) -> Vec<(usize, String, String)> {
    let paragraphs = |body: &str| briefdesk::model::body::paragraphs(body).collect::<Vec<_>>().join("\n");
    b.walk().map(|(s, d)| (d, s.title.clone(), paragraphs(&s.body))).collect()
}

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn round_trip(b: &Brief, layout: DocxLayout) -> Brief {
    let bytes = word(b, layout).expect("export");
    let dir = tempfile::tempdir().expect("temp dir");
    let p = write_temp(dir.path(), "brief.docx", &bytes);
    let loaded = load(&p, &LoadOptions { taxonomy: b.taxonomy.clone(), ..LoadOptions::default() }).expect("import");
    // Nothing is left over but the page-number footer, which is listed.
    let left: Vec<_> = loaded.report.removed.iter().filter(|r| r.text != "— 1 —").collect();
    assert!(left.is_empty(), "an export imports with nothing left over: {left:?}");
    loaded.brief
}

#[test]
fn examples_round_trip_through_word() {
    for b in examples() {
        for layout in [DocxLayout::Official, DocxLayout::Plain] {
            let back = round_trip(&b, layout);
            assert_eq!(outline(&back), outline(&b), "{} ({layout:?})", b.meta.title);
            assert_eq!(back.meta.title, b.meta.title);
            assert_eq!(back.meta.subtitle, b.meta.subtitle);
            assert_eq!(back.meta.author, b.meta.author);
            assert_eq!(back.meta.date, b.meta.date);
            assert_eq!(back.meta.heading_numbers, b.meta.heading_numbers);
            let roles = |b: &Brief| b.walk().map(|(s, _)| s.role.clone()).collect::<Vec<_>>();
            assert_eq!(roles(&back), roles(&b), "roles follow from the titles again");
        }
    }
}

fn title() -> impl Strategy<Value = String> {
    "[消费产业劳务技能教育扶贫协作工会帮扶机制问题建议情况做法]{2,12}"
}

/// A paragraph: Chinese, figures, punctuation and Latin, with an inner line
/// break now and then; never blank at either end.
fn paragraph() -> impl Strategy<Value = String> {
    (
        "[全市工会累计投入帮扶资金带动脱贫户增收万元亿名个%，。、；：“”（）]{1,30}",
        "[0-9]{0,5}",
        "[a-zA-Z .]{0,6}",
        "[其中消费扶贫占比达到余近约]{1,20}",
        any::<bool>(),
    )
        .prop_map(|(a, n, latin, b, br)| {
            let p = format!("{a}{n}{}{}{b}", latin.trim(), if br { "\n" } else { "" });
            p.trim().to_string()
        })
        .prop_filter("not blank", |p| !p.is_empty() && !p.starts_with('|'))
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(paragraph(), 0..4).prop_map(|ps| ps.join("\n\n"))
}

/// A tree of up to three levels: (title, body, children of (title, body, grandchildren)).
type Tree = Vec<(String, String, Vec<(String, String, Vec<(String, String)>)>)>;

fn tree() -> impl Strategy<Value = Tree> {
    prop::collection::vec(
        (
            title(),
            body(),
            prop::collection::vec((title(), body(), prop::collection::vec((title(), body()), 0..3)), 0..3),
        ),
        1..5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_briefs_round_trip_through_word(t in tree(), numbers in any::<bool>(), official in any::<bool>()) {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        b.sections.clear();
        b.meta.heading_numbers = numbers;
        for (title, body, children) in t {
            let mut s = b.new_section(Role::Custom, title, body);
            for (title, body, grand) in children {
                let mut c = b.new_section(Role::Custom, title, body);
                for (title, body) in grand {
                    c.children.push(b.new_section(Role::Custom, title, body));
                }
                s.children.push(c);
            }
            b.sections.push(s);
        }
        let layout = if official { DocxLayout::Official } else { DocxLayout::Plain };
        let back = round_trip(&b, layout);
        prop_assert_eq!(outline(&back), outline(&b));
        prop_assert_eq!(back.meta.title, b.meta.title);
    }
}

// ------------------------------------------------------------ imports of files built here

fn heading_styles(doc: Docx) -> Docx {
    // As Chinese Word writes them: ids "1", "2", named "heading 1", "heading 2".
    doc.add_style(Style::new("1", StyleType::Paragraph).name("heading 1").outline_lvl(0))
        .add_style(Style::new("2", StyleType::Paragraph).name("heading 2").outline_lvl(1))
        .add_style(Style::new("a3", StyleType::Paragraph).name("Title"))
}

fn text(t: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(t))
}

fn pack(doc: Docx) -> Vec<u8> {
    let mut buf = Cursor::new(Vec::new());
    doc.build().pack(&mut buf).expect("pack");
    buf.into_inner()
}

struct Imported {
    brief: Brief,
    report: ImportReport,
    bytes: Vec<u8>,
}

fn import(bytes: Vec<u8>) -> Imported {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = write_temp(dir.path(), "draft.docx", &bytes);
    let loaded = load(&p, &LoadOptions::default()).expect("import");
    let imported = Imported { brief: loaded.brief, report: loaded.report, bytes };
    every_character_is_placed(&imported);
    imported
}

/// The text of every `w:t` and `w:delText` in the file's parts: what the
/// document holds, read straight from its XML.
fn xml_text(bytes: &[u8]) -> String {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    let mut out = String::new();
    for name in names.iter().filter(|n| n.starts_with("word/") && n.ends_with(".xml")) {
        let mut xml = String::new();
        zip.by_name(name).expect("part").read_to_string(&mut xml).expect("utf-8");
        let mut r = quick_xml::Reader::from_str(&xml);
        let mut inside = false;
        loop {
            match r.read_event() {
                Ok(Event::Start(e)) if matches!(e.name().as_ref(), b"w:t" | b"w:delText") => inside = true,
                Ok(Event::End(e)) if matches!(e.name().as_ref(), b"w:t" | b"w:delText") => inside = false,
                Ok(Event::Text(t)) if inside => out.push_str(&t.decode().expect("text")),
                Ok(Event::Eof) => break,
                Err(e) => panic!("{name}: {e}"),
                _ => {}
            }
        }
    }
    out
}

/// Counts of the characters that are not whitespace.
fn chars(s: &str) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        *m.entry(c).or_default() += 1;
    }
    m
}

/// Every character of `source` is in the brief or the report, as often.
fn placed(source: &str, im: &Imported) -> Result<(), String> {
    let mut kept = format!("{}{}{}", im.brief.meta.title, im.brief.meta.subtitle, im.brief.meta.author);
    if let Some(d) = im.brief.meta.date {
        kept.push_str(&d.format("%Y年%-m月%-d日").to_string());
    }
    let numbers: HashMap<_, _> = im.brief.heading_numbers().into_iter().collect();
    for (s, _) in im.brief.walk() {
        kept.push_str(s.written_number.as_deref().unwrap_or(""));
        kept.push_str(numbers.get(&s.id).map(String::as_str).unwrap_or(""));
        kept.push_str(&s.title);
        kept.push_str(&s.body);
    }
    for r in &im.report.removed {
        kept.push_str(&r.text);
    }
    let have = chars(&kept);
    let missing: Vec<String> = chars(source)
        .into_iter()
        .filter(|(c, n)| have.get(c).copied().unwrap_or(0) < *n && *c != '|')
        .map(|(c, n)| format!("{c}×{n}"))
        .collect();
    if missing.is_empty() { Ok(()) } else { Err(format!("not in the brief or the report: {missing:?}")) }
}

fn every_character_is_placed(im: &Imported) {
    placed(&xml_text(&im.bytes), im).expect("the document's XML text");
}

#[test]
fn heading_styles_make_the_sections_and_typed_numbers_are_numbering() {
    let doc = heading_styles(Docx::new())
        .add_paragraph(text("关于职工帮扶的调研").style("a3"))
        .add_paragraph(text("内容提要"))
        .add_paragraph(text("　　全市工会累计投入帮扶资金1.26亿元。"))
        .add_paragraph(text("一、基本情况").style("1"))
        .add_paragraph(text("全市共有脱贫户4.6万户。"))
        .add_paragraph(text("二、主要做法").style("1"))
        .add_paragraph(text("（一）消费扶贫").style("2"))
        .add_paragraph(text("采购农副产品4820万元。"))
        .add_paragraph(text("（二）产业扶贫").style("2"))
        .add_paragraph(text("扶持产业项目126个。"));
    let im = import(pack(doc));
    let b = &im.brief;
    assert_eq!(b.meta.title, "关于职工帮扶的调研");
    assert!(b.meta.heading_numbers, "typed numbers become the brief's numbering");
    let titles: Vec<(usize, &str)> = b.walk().map(|(s, d)| (d, s.title.as_str())).collect();
    assert_eq!(titles, [(0, ""), (0, "基本情况"), (0, "主要做法"), (1, "消费扶贫"), (1, "产业扶贫")]);
    assert_eq!(b.sections[0].body, "内容提要\n全市工会累计投入帮扶资金1.26亿元。", "the typed indent is taken off");
    assert_eq!(b.sections[2].children[0].role, Role::AidMode("consumption".into()));
}

#[test]
fn outline_levels_alone_make_headings() {
    let doc = Docx::new()
        .add_paragraph(text("一、基本情况").outline_lvl(0))
        .add_paragraph(text("全镇面积244平方公里。"))
        .add_paragraph(text("二、主要做法").outline_lvl(0))
        .add_paragraph(text("培训脱贫劳动力9450人次。"));
    let b = import(pack(doc)).brief;
    let titles: Vec<&str> = b.walk().map(|(s, _)| s.title.as_str()).collect();
    assert_eq!(titles, ["基本情况", "主要做法"]);
}

#[test]
fn without_styles_the_numbering_decides() {
    let doc = Docx::new()
        .add_paragraph(text("关于消费扶贫的调研"))
        .add_paragraph(text("一、基本情况"))
        .add_paragraph(text("全市共有脱贫户4.6万户。"))
        .add_paragraph(text("二、主要做法"))
        .add_paragraph(text("（一）消费扶贫"))
        .add_paragraph(text("职工采购扶贫产品6800余万元。"));
    let b = import(pack(doc)).brief;
    assert_eq!(b.meta.title, "关于消费扶贫的调研");
    let titles: Vec<(usize, String)> = b.walk().map(|(s, d)| (d, s.title.clone())).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert_eq!(titles[2].0, 1, "（一） is a sub-section: {titles:?}");
}

#[test]
fn tables_become_rows_with_whole_figures() {
    let row = |cells: &[&str]| TableRow::new(cells.iter().map(|c| TableCell::new().add_paragraph(text(c))).collect());
    let doc = heading_styles(Docx::new())
        .add_paragraph(text("一、帮扶资金").style("1"))
        .add_paragraph(text("各方式投入如下。"))
        .add_table(Table::new(vec![
            row(&["帮扶方式", "投入资金"]),
            row(&["消费扶贫", "4820万元"]),
            row(&["产业扶贫", "3650万元"]),
        ]));
    let im = import(pack(doc));
    let body = &im.brief.sections[0].body;
    assert!(body.contains("| 消费扶贫 | 4820万元 |"), "{body}");
    let figures: Vec<String> =
        briefdesk::figures::extract(body).iter().map(|f| body[f.span.clone()].to_string()).collect();
    assert!(figures.contains(&"4820万元".to_string()) && figures.contains(&"3650万元".to_string()), "{figures:?}");
    // And back: the table is a Word table again.
    let back = round_trip(&im.brief, DocxLayout::Official);
    assert_eq!(outline(&back), outline(&im.brief));
}

#[test]
fn tracked_changes_read_as_shown_comments_and_notes_are_reported() {
    let doc = heading_styles(Docx::new())
        .add_paragraph(text("一、基本情况").style("1"))
        .add_paragraph(
            Paragraph::new()
                .add_comment_start(Comment::new(1).author("王编辑").add_paragraph(text("此数请与财务核对")))
                .add_run(Run::new().add_text("全市投入帮扶资金"))
                .add_delete(Delete::new().add_run(Run::new().add_delete_text("1.2亿元")))
                .add_insert(Insert::new(Run::new().add_text("1.26亿元")))
                .add_run(Run::new().add_text("。"))
                .add_comment_end(1),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("数据来自台账"))
                .add_run(Run::new().add_footnote_reference(Footnote::new().add_content(text("市总工会2023年度决算")))),
        );
    let im = import(pack(doc));
    let body = &im.brief.sections[0].body;
    assert!(body.contains("全市投入帮扶资金1.26亿元。"), "{body}");
    assert!(!body.contains("1.2亿元"), "deleted text is dropped from the body: {body}");
    assert_eq!((im.report.insertions, im.report.deletions), (1, 1));
    let reported: Vec<(String, &str)> =
        im.report.removed.iter().map(|r| (format!("{:?}", r.reason), r.text.as_str())).collect();
    assert!(reported.iter().any(|(r, t)| r == "TrackedDeletion" && *t == "1.2亿元"), "{reported:?}");
    assert!(reported.iter().any(|(r, t)| r == "Comment" && t.contains("此数请与财务核对")), "{reported:?}");
    assert!(reported.iter().any(|(r, t)| r == "Footnote" && t.contains("市总工会2023年度决算")), "{reported:?}");
}

#[test]
fn headers_and_footers_with_text_are_reported() {
    let doc = Docx::new()
        .header(docx_rs::Header::new().add_paragraph(text("内部资料 注意保存")))
        .footer(docx_rs::Footer::new().add_paragraph(text("— 1 —").align(AlignmentType::Right)))
        .add_paragraph(text("正文一段。"));
    let im = import(pack(doc));
    let texts: Vec<&str> = im.report.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["内部资料 注意保存", "— 1 —"]);
}

#[test]
fn a_damaged_file_is_a_clear_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = pack(Docx::new().add_paragraph(text("正文。")));
    let mut not_word = zip::ZipWriter::new(Cursor::new(Vec::new()));
    not_word.start_file("hello.txt", zip::write::SimpleFileOptions::default()).expect("zip");
    std::io::Write::write_all(&mut not_word, b"hello").expect("zip");
    let not_word = not_word.finish().expect("zip").into_inner();
    for (name, bytes) in [
        ("garbage.docx", b"this is not a zip file at all".to_vec()),
        ("truncated.docx", good[..good.len() / 2].to_vec()),
        ("other-zip.docx", not_word),
    ] {
        let p = write_temp(dir.path(), name, &bytes);
        let err = load(&p, &LoadOptions::default()).expect_err(name);
        assert!(matches!(err, LoadError::Docx { .. }), "{name}: {err}");
        assert!(err.to_string().contains(name), "the message names the file: {err}");
        // The CLI writes nothing.
        let out = dir.path().join(format!("{name}.ron"));
        let status = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
            .args(["import", p.to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8")])
            .output()
            .expect("run");
        assert_eq!(status.status.code(), Some(2), "{name}: {}", String::from_utf8_lossy(&status.stderr));
        assert!(!out.exists(), "{name}: nothing written");
    }
}

#[test]
fn the_cli_checks_and_exports_word_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/brief.ron");
    let out = dir.path().join("brief.docx");
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_briefdesk")).args(args).output().expect("run");
    let o = run(&["export", example.to_str().expect("utf-8"), "--to", "docx", "-o", out.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&["check", out.to_str().expect("utf-8"), "--format", "json"]);
    let from_word: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let o = run(&["check", example.to_str().expect("utf-8"), "--format", "json"]);
    let from_ron: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let rules = |v: &serde_json::Value| {
        let mut r: Vec<String> = v["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| format!("{} {}", d["rule"], d["message"]))
            .collect();
        r.sort();
        r
    };
    assert_eq!(rules(&from_word), rules(&from_ron), "the Word file checks as the brief does");
}

// ------------------------------------------------------------ a real renderer

/// A tool of LibreOffice or poppler, or None (then the test skips, or fails under CI).
fn tool(name: &str) -> Option<&str> {
    if Command::new(name).arg("--version").output().is_ok() {
        return Some(name);
    }
    if std::env::var_os("CI").is_some() {
        panic!("{name} is not installed; .ci/run installs libreoffice-writer-nogui and poppler-utils");
    }
    eprintln!("skipped: {name} is not installed (apt-get install libreoffice-writer-nogui poppler-utils)");
    None
}

fn soffice_convert(input: &Path, to: &str, dir: &Path) -> PathBuf {
    let profile = dir.join("profile");
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(input)
        .output()
        .expect("soffice");
    let ext = to.split(':').next().expect("ext");
    let out = dir.join(input.with_extension(ext).file_name().expect("name"));
    assert!(out.exists(), "soffice made no {ext}: {}", String::from_utf8_lossy(&o.stderr));
    out
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn libreoffice_renders_the_official_layout() {
    let (Some(_), Some(_)) = (tool("soffice"), tool("pdfinfo")) else { return };
    let b = &examples()[0];
    let dir = tempfile::tempdir().expect("temp dir");
    let docx = write_temp(dir.path(), "brief.docx", &word(b, DocxLayout::Official).expect("export"));
    let pdf = soffice_convert(&docx, "pdf", dir.path());
    let info = String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo").stdout).expect("utf-8");
    assert!(info.contains("(A4)"), "{info}");
    let pages: usize =
        info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).expect("page count");
    // Expected: 22 lines of 28 characters; Latin letters and digits are half as wide.
    let lines = |t: &str| {
        let w: f64 = t.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum();
        ((w + 2.0) / 28.0).ceil() as usize
    };
    let mut total = 2; // title and subtitle
    for (s, _) in b.walk() {
        total += usize::from(!s.title.is_empty());
        total += s.body.split("\n\n").map(lines).sum::<usize>();
    }
    total += 2; // 落款
    let expected = total.div_ceil(22);
    assert!(pages.abs_diff(expected) <= 1, "{pages} pages, expected about {expected} ({total} lines)");
    let text = String::from_utf8(Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext").stdout)
        .expect("utf-8");
    // Page numbers ("— 3 —") interrupt the flow; take them out.
    let flow: String = text.lines().filter(|l| !l.trim().starts_with('—')).collect();
    let flow = squeeze(&flow);
    for (s, _) in b.walk() {
        assert!(flow.contains(&squeeze(&s.title)), "title {} is in the PDF", s.title);
        for p in s.body.split("\n\n") {
            assert!(flow.contains(&squeeze(p)), "body paragraph is in the PDF: {p}");
        }
    }
    assert!(squeeze(&text).contains("—1—"), "page numbers as — 1 —");
}

#[test]
fn libreoffice_text_of_an_imported_file_is_all_placed() {
    let Some(_) = tool("soffice") else { return };
    let doc = heading_styles(Docx::new())
        .add_paragraph(text("一、基本情况").style("1"))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("全市投入帮扶资金"))
                .add_delete(Delete::new().add_run(Run::new().add_delete_text("1.2亿元")))
                .add_insert(Insert::new(Run::new().add_text("1.26亿元"))),
        )
        .add_table(Table::new(vec![TableRow::new(vec![
            TableCell::new().add_paragraph(text("消费扶贫")),
            TableCell::new().add_paragraph(text("4820万元")),
        ])]));
    let im = import(pack(doc));
    let dir = tempfile::tempdir().expect("temp dir");
    let p = write_temp(dir.path(), "draft.docx", &im.bytes);
    let txt = soffice_convert(&p, "txt:Text (encoded):UTF8", dir.path());
    let shown = std::fs::read_to_string(txt).expect("txt");
    let shown = shown.trim_start_matches('\u{feff}');
    placed(shown, &im).expect("LibreOffice's text of the file");
}

#[test]
fn an_old_word_file_is_read_through_libreoffice() {
    let Some(_) = tool("soffice") else { return };
    let b = &examples()[1];
    let dir = tempfile::tempdir().expect("temp dir");
    let docx = write_temp(dir.path(), "feature.docx", &word(b, DocxLayout::Plain).expect("export"));
    let doc = soffice_convert(&docx, "doc", dir.path());
    let back = load(&doc, &LoadOptions::default()).expect("a .doc imports");
    let titles = |b: &Brief| b.walk().map(|(s, d)| (d, s.title.clone())).collect::<Vec<_>>();
    assert_eq!(titles(&back.brief), titles(b), "sections survive the old format");
}

#[test]
fn without_libreoffice_an_old_word_file_gets_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let doc = write_temp(dir.path(), "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an OLE2 file");
    let out = dir.path().join("old.ron");
    let o = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .env("PATH", dir.path())
        .args(["import", doc.to_str().expect("utf-8"), "-o", out.to_str().expect("utf-8")])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("save the file as .docx") && err.contains("old.doc"), "{err}");
    assert!(!out.exists());
}

#[test]
fn a_title_styled_as_heading_1_is_the_title() {
    let doc = heading_styles(Docx::new())
        .add_style(Style::new("3", StyleType::Paragraph).name("heading 3").outline_lvl(2))
        .add_paragraph(text("关于职工帮扶的调研报告").style("1"))
        .add_paragraph(text("一、基本情况").style("2"))
        .add_paragraph(text("全市共有脱贫户4.6万户。"))
        .add_paragraph(text("二、主要做法").style("2"))
        .add_paragraph(text("（一）消费扶贫").style("3"))
        .add_paragraph(text("采购农副产品4820万元。"));
    let b = import(pack(doc)).brief;
    assert_eq!(b.meta.title, "关于职工帮扶的调研报告");
    let titles: Vec<(usize, &str)> = b.walk().map(|(s, d)| (d, s.title.as_str())).collect();
    assert_eq!(titles, [(0, "基本情况"), (0, "主要做法"), (1, "消费扶贫")]);
}

/// A file Word did not write: LibreOffice's .docx of an HTML page with
/// headings, an image, a table and a superscript note mark.
#[test]
fn a_file_from_another_writer_imports() {
    let Some(_) = tool("soffice") else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let png =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/screenshots/word-page1.png")).expect("png");
    let img: String = png.iter().map(|b| format!("%{b:02X}")).collect();
    let html = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><h1>关于职工帮扶的调研报告</h1>\
         <p>内容提要：全市工会累计投入帮扶资金1.26亿元。</p><h2>一、基本情况</h2><p>全市共有脱贫户4.6万户。</p>\
         <p><img src=\"data:image/png,{img}\" width=\"100\"></p><h2>二、主要做法</h2><h3>（一）消费扶贫</h3>\
         <p>采购农副产品4820万元。<sup>1</sup></p><table border=\"1\"><tr><td>方式</td><td>金额</td></tr>\
         <tr><td>消费扶贫</td><td>4820万元</td></tr></table></body></html>"
    );
    let page = write_temp(dir.path(), "page.html", html.as_bytes());
    let docx = soffice_convert(&page, "docx:MS Word 2007 XML", dir.path());
    let im = import(std::fs::read(&docx).expect("docx"));
    assert_eq!(im.brief.meta.title, "关于职工帮扶的调研报告");
    let titles: Vec<&str> = im.brief.walk().map(|(s, _)| s.title.as_str()).collect();
    assert_eq!(titles, ["", "基本情况", "主要做法", "消费扶贫"]);
    assert!(im.brief.walk().any(|(s, _)| s.body.contains("| 消费扶贫 | 4820万元 |")));
}

/// Control characters a paste can leave (a PDF's form feed, stray \u{1}) cannot
/// stand in XML: Word and LibreOffice refuse such a file. The export leaves them
/// out (a form feed becomes a page break, a tab a Word tab).
#[test]
fn control_characters_never_reach_the_xml() {
    let mut b = Template::ResearchBrief.build(Taxonomy::default());
    b.sections[0].body = "正文\u{c}第二页\u{1}控制字符\t制表。\r".into();
    b.sections[0].title = "标\u{7}题".into();
    let bytes = word(&b, DocxLayout::Official).expect("export");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("document").read_to_string(&mut xml).expect("utf-8");
    let bad: Vec<char> = xml.chars().filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')).collect();
    assert!(bad.is_empty(), "control characters in the XML: {bad:?}");
    assert!(xml.contains("w:br w:type=\"page\""), "the form feed is a page break");
    let back = round_trip(&b, DocxLayout::Official);
    assert!(back.sections[0].body.contains("控制字符\t制表"), "{:?}", back.sections[0].body);
}

/// Headings numbered by Word's own list numbering carry no number in their
/// text: the brief numbers its headings, so the export shows them again.
#[test]
fn headings_word_numbers_itself_are_numbered_by_the_outline() {
    use docx_rs::{IndentLevel, NumberingId};
    let numbered = |t: &str, style: &str, level: usize| {
        text(t).style(style).numbering(NumberingId::new(1), IndentLevel::new(level))
    };
    let doc = heading_styles(Docx::new())
        .add_paragraph(numbered("基本情况", "1", 0))
        .add_paragraph(text("全市共有脱贫户4.6万户。"))
        .add_paragraph(numbered("主要做法", "1", 0))
        .add_paragraph(numbered("消费扶贫", "2", 1))
        .add_paragraph(text("采购农副产品4820万元。"));
    let b = import(pack(doc)).brief;
    assert!(b.meta.heading_numbers);
    let numbers: Vec<String> = b.heading_numbers().into_iter().map(|(_, n)| n).collect();
    assert_eq!(numbers, ["一、", "二、", "（一）"]);
}
