//! Figures across documents (issue 24): a draft held to its sources, and two
//! drafts compared. The sources are texts of our own with known figures,
//! turned into .docx and .pdf by LibreOffice in the test.
//!
//! Needs LibreOffice (soffice): without it the tests that convert skip with a
//! line naming the missing tool; with `CI` set they fail instead (.ci/run
//! installs libreoffice-writer-nogui).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use briefdesk::checks::{Env, Finding, check};
use briefdesk::diff::{ChangeKind, diff};
use briefdesk::format::{LoadOptions, load};
use briefdesk::model::Severity;
use briefdesk::sources::{SourceIndex, Status};

/// Whether LibreOffice is installed; if not, a line naming it (or a failure under CI).
fn soffice() -> bool {
    if Command::new("soffice").arg("--version").output().is_ok() {
        return true;
    }
    let why = "soffice is not installed (apt-get install libreoffice-writer-nogui)";
    assert!(std::env::var_os("CI").is_none(), "CI is set but {why}");
    eprintln!("skipped: {why}");
    false
}

/// Converts a text file with LibreOffice to `to` (pdf, docx), with `filter` options if any.
fn convert(src: &Path, to: &str, outdir: &Path) -> PathBuf {
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", outdir.join("profile").display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(src)
        .output()
        .expect("soffice");
    let ext = to.split(':').next().unwrap_or(to);
    let out = outdir.join(src.with_extension(ext).file_name().expect("a name"));
    assert!(out.exists(), "soffice made no {ext}: {}", String::from_utf8_lossy(&o.stderr));
    out
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// The statistical communiqué: twelve figures the draft quotes. Lines of
/// filler push its third part onto the second page of its PDF.
fn communique() -> String {
    let mut s = String::from("青川县2023年国民经济和社会发展统计公报（测试样本）\n\n一、综合\n\n");
    s.push_str("2023年，全县实现地区生产总值126.35亿元。年末全县户籍人口41.27万人。\n\n");
    s.push_str("2022年，全县接待游客131万人次。2023年，全县接待游客152万人次。\n\n");
    s.push_str("2023年，全县实现旅游收入12,563万元。\n\n");
    s.push_str("二、农业\n\n");
    s.push_str("2023年，全县粮食种植面积38.6万亩，粮食总产量13.42万吨。全县新建高标准农田2.5万亩。全县有农民专业合作社426家。\n\n");
    for _ in 0..40 {
        s.push_str("各乡镇按照全县统一部署，扎实推进各项工作。\n\n");
    }
    s.push_str("三、帮扶\n\n");
    s.push_str("全县共有行政村183个。2023年，全县转移就业农村劳动力2.84万人，开展职业技能培训3260人次。全县易地搬迁群众1.15万人。\n");
    s
}

/// The aid office's ledger: eight figures the draft quotes.
fn ledger() -> String {
    let mut s = String::from("青川县乡村振兴局2023年工作台账（测试样本）\n\n一、资金\n\n");
    s.push_str(
        "2023年，全县统筹整合财政涉农资金3.86亿元。全县发放小额信贷资金9,870万元。全县投入东西部协作资金4520万元。\n\n",
    );
    s.push_str("二、产业\n\n");
    s.push_str("全县建成村级光伏电站58座，发展食用菌大棚1,240个。全县培育致富带头人312名。\n\n");
    s.push_str("三、就业\n\n");
    s.push_str("全县开发公益性岗位1,860个，安置脱贫劳动力就业1,736人。\n");
    s
}

/// The draft: twenty figures from the two sources, four of them altered, and
/// two that no source gives.
const DRAFT: &str = "青川县2023年经济社会发展情况（测试样本）

一、总体情况

2023年，全县实现地区生产总值126.4亿元。年末全县户籍人口41.27万人。全县共有行政村138个。

2023年，全县接待游客131万人次。2023年，全县实现旅游收入1.27亿元。

二、农业和产业

2023年，全县粮食种植面积38.6万亩，粮食总产量13.42万吨。全县新建高标准农田2.5万亩。全县有农民专业合作社426家。

全县建成村级光伏电站58座，发展食用菌大棚1240个。全县培育致富带头人312名。全县新建村级卫生室24个。

三、资金和就业

2023年，全县统筹整合财政涉农资金3.86万元。全县发放小额信贷资金9870万元。全县投入东西部协作资金4520万元。

2023年，全县转移就业农村劳动力近3万人，开展职业技能培训3260人次。全县易地搬迁群众1.15万人。全县开发公益性岗位1,860个，安置脱贫劳动力就业1,736人。全县改造农村危房530户。
";

/// The draft's figures that were altered: a transposed digit (183 → 138), 万
/// for 亿, a rounded figure that no longer rounds (12,563万元 is not 1.27亿元),
/// and another year's figure (2022's 131万人次 given for 2023).
const ALTERED: [&str; 4] = ["138个", "131万人次", "1.27亿元", "3.86万元"];

#[test]
fn a_draft_held_to_a_pdf_and_a_docx_source_draws_exactly_its_four_slips() {
    if !soffice() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let pdf = convert(&write(dir.path(), "公报.txt", &communique()), "pdf", dir.path());
    let docx = convert(&write(dir.path(), "台账.txt", &ledger()), "docx", dir.path());
    let draft = write(dir.path(), "draft.txt", DRAFT);

    let a = Arc::new(briefdesk::sources::read(&pdf).expect("the PDF source"));
    let b = Arc::new(briefdesk::sources::read(&docx).expect("the Word source"));
    assert_eq!(a.pages, Some(2), "the communiqué's PDF has two pages");
    let brief = load(&draft, &LoadOptions::default()).expect("the draft").brief;
    let env = Env { sources: vec![a.clone(), b.clone()], ..Env::default() };
    let diags: Vec<_> = check(&brief, &env).into_iter().filter(|d| d.rule == "BD114").collect();

    let mut slips: Vec<&str> = diags
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| match &d.finding {
            Finding::SourceMismatch { here, .. } => here.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    slips.sort_unstable();
    let mut expected = ALTERED.to_vec();
    expected.sort_unstable();
    assert_eq!(slips, expected, "{diags:#?}");

    // Each names its source, its page or line, and quotes its sentence.
    let village = diags.iter().find(|d| matches!(&d.finding, Finding::SourceMismatch { here, .. } if here == "138个"));
    let Some(Finding::SourceMismatch { source, page, sentence, there, .. }) = village.map(|d| &d.finding) else {
        panic!("no finding on 138个")
    };
    assert_eq!((source.as_str(), *page, there.as_str()), ("公报.pdf", Some(2), "183个"));
    assert!(sentence.contains("行政村183个"), "{sentence}");
    let money = diags.iter().find(|d| matches!(&d.finding, Finding::SourceMismatch { here, .. } if here == "3.86万元"));
    let Some(Finding::SourceMismatch { source, page, line, .. }) = money.map(|d| &d.finding) else {
        panic!("no finding on 3.86万元")
    };
    assert_eq!((source.as_str(), *page), ("台账.docx", None));
    assert!(*line > 0);

    // Every other figure is checked, or 无来源 where no source holds it.
    let unsourced: Vec<&str> = diags
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .map(|d| match &d.finding {
            Finding::Unsourced { here } => here.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(unsourced, ["24个", "530户"], "{diags:#?}");
    let cx = briefdesk::checks::Context::new(&brief, &env);
    let checked = briefdesk::sources::verify(&cx, &env.sources)
        .into_iter()
        .filter(|v| matches!(v.status, Status::Checked { .. }))
        .count();
    assert_eq!(checked, 16);
}

#[test]
fn check_with_source_names_the_source_on_the_command_line() {
    if !soffice() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let pdf = convert(&write(dir.path(), "公报.txt", &communique()), "pdf", dir.path());
    let draft = write(dir.path(), "draft.txt", DRAFT);
    let out = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .arg("check")
        .arg(&draft)
        .arg("--source")
        .arg(&pdf)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // 行政村 is said with no year in the source and under 2023年 in the draft: a warning that says so.
    assert!(text.contains("BD114 warning  来源《公报.pdf》第2页第"), "{text}");
    assert!(text.contains("BD114 error  来源《公报.pdf》第1页第"), "{text}");
    // Each checked figure is listed with the source's line and figure, in the text and the JSON.
    assert!(text.contains("已核对 checked  41.27万人：来源《公报.pdf》第1页第"), "{text}");
    let json = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .arg("check")
        .arg(&draft)
        .args(["--format", "json", "--source"])
        .arg(&pdf)
        .output()
        .expect("run");
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let checked = report["checked"].as_array().expect("a list of checked figures");
    assert!(
        checked.iter().any(|c| c["figure"] == "41.27万人" && c["source"] == "公报.pdf" && c["source_page"] == 1),
        "{checked:#?}"
    );
}

const BASE: &str = "青川县产业帮扶工作简报（测试样本）

一、基本情况

2023年，全县投入产业帮扶资金1.26亿元，覆盖脱贫户8,420户。全县建成扶贫车间37个，吸纳就业1,215人。全县共有家庭农场265家。

二、主要做法

（一）发展特色产业

全县新发展茶园面积2.3万亩，新建食用菌大棚860个。全县培育农民专业合作社126家，带动脱贫户3,260户增收。

（二）促进稳定就业

全年开展技能培训54期，培训脱贫劳动力2,730人次。全县开发公益性岗位1,520个。

三、下一步打算

2024年，计划新建高标准农田3万亩，力争脱贫人口人均纯收入达到1.5万元。
";

/// Six figures changed, and ten changes of wording that move no figure
/// (1.26亿元 written as 12,600万元 among them).
const REVISED: &str = "青川县产业帮扶工作简报（测试样本）

一、基本情况

2023年，全县投入产业帮扶资金12,600万元，惠及脱贫户8,240户。全县建成扶贫车间39个，吸纳就业1,215人。全县家庭农场达到265家。

二、主要做法

（一）发展特色产业

全县新发展茶园面积2.5万亩，新建成食用菌大棚860个。全县培育壮大农民专业合作社126家，带动3,260户脱贫户增收。

（二）促进稳岗就业

全年开展技能培训56期，培训脱贫群众2,730人次。全县开发公益性岗位1,650个。各乡镇积极落实各项就业政策。

三、下一步打算

2024年，计划再建高标准农田3万亩，力争脱贫人口人均纯收入达到1.6万元。
";

const SIX: [(&str, &str); 6] = [
    ("8,420户", "8,240户"),
    ("37个", "39个"),
    ("2.3万亩", "2.5万亩"),
    ("54期", "56期"),
    ("1,520个", "1,650个"),
    ("1.5万元", "1.6万元"),
];

fn changed_pairs(changes: &[briefdesk::diff::Change]) -> Vec<(String, String)> {
    changes
        .iter()
        .map(|c| {
            let side = |s: &Option<briefdesk::diff::Side>| s.as_ref().map_or(String::new(), |s| s.text.clone());
            assert_eq!(c.kind, ChangeKind::Changed, "{c:?}");
            (side(&c.old), side(&c.new))
        })
        .collect()
}

#[test]
fn diff_lists_exactly_the_six_figures_that_changed() {
    let old = briefdesk::import::text::import_text(BASE, Default::default()).brief;
    let new = briefdesk::import::text::import_text(REVISED, Default::default()).brief;
    let changes = diff(&old, &new);
    let expected: Vec<(String, String)> = SIX.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(changed_pairs(&changes), expected);
    // A version against itself: nothing.
    assert!(diff(&old, &old).is_empty());
}

#[test]
fn diff_through_word_files_lists_the_same_six_and_exits_one() {
    if !soffice() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let old = convert(&write(dir.path(), "v1.txt", BASE), "docx", dir.path());
    let new = convert(&write(dir.path(), "v2.txt", REVISED), "docx", dir.path());
    let run = |a: &Path, b: &Path, format: &str| {
        Command::new(env!("CARGO_BIN_EXE_briefdesk"))
            .args(["diff", "--format", format])
            .arg(a)
            .arg(b)
            .output()
            .expect("run")
    };
    let out = run(&old, &new, "json");
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let got: Vec<(String, String)> = json["changes"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| {
            assert_eq!(c["kind"], "changed");
            (c["old"]["text"].as_str().unwrap_or("").to_string(), c["new"]["text"].as_str().unwrap_or("").to_string())
        })
        .collect();
    let expected: Vec<(String, String)> = SIX.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, expected);
    // The text lists them by section; a version against itself exits 0.
    let text = String::from_utf8_lossy(&run(&old, &new, "text").stdout).to_string();
    assert!(text.contains("== （二）促进稳岗就业 ==\n  改 54期 → 56期"), "{text}");
    assert_eq!(run(&old, &old, "text").status.code(), Some(0));
    let html = String::from_utf8_lossy(&run(&old, &new, "html").stdout).to_string();
    assert!(html.contains("<td>改</td>") && html.contains("8,240户"), "{html}");
}

/// A PDF of one page with no text: a drawn box where a scan's image would be.
fn scan_only_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_string(),
        "<< /Length 24 >>\nstream\n50 50 400 600 re f\nQ q \nendstream".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes());
    out
}

#[test]
fn a_scan_an_encrypted_and_a_damaged_pdf_each_get_a_clear_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut cases = vec![(write_bytes(dir.path(), "scan.pdf", &scan_only_pdf()), "no text layer")];
    let mut damaged = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_vec();
    damaged.extend(std::iter::repeat_n(0xA5u8, 4096));
    cases.push((write_bytes(dir.path(), "damaged.pdf", &damaged), "damaged"));
    if soffice() {
        let src = write(dir.path(), "secret.txt", "2023年，全县接待游客152万人次。\n");
        let filter = r#"pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}"#;
        cases.push((convert(&src, filter, dir.path()), "encrypted"));
    }
    for (pdf, said) in cases {
        let out_ron = dir.path().join("out.ron");
        let import: Vec<PathBuf> = vec!["import".into(), pdf.clone(), "--output".into(), out_ron.clone()];
        for args in [vec!["check".into(), pdf.clone()], import] {
            let out = Command::new(env!("CARGO_BIN_EXE_briefdesk")).args(&args).output().expect("run");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{}: {err}", pdf.display());
            assert!(err.contains(said), "{}: {err}", pdf.display());
            assert!(!out_ron.exists(), "nothing is written");
        }
        let err = briefdesk::sources::read(&pdf).expect_err("no source");
        assert!(err.to_string().contains(said), "{err}");
    }
}

fn write_bytes(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn pages_read_on_several_threads_are_those_read_on_one_in_order() {
    if !soffice() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    // About fifty pages: each paragraph names its number, so a page out of order shows.
    let text: String = (1..=1400)
        .map(|i| {
            format!("第{i}段：本段记载全县第{i}个村的情况，共有农户{}户，常住人口{}人。\n\n", 100 + i, 300 + 2 * i)
        })
        .collect();
    let pdf = convert(&write(dir.path(), "long.txt", &text), "pdf", dir.path());
    let bytes = std::fs::read(&pdf).expect("read");
    let one = briefdesk::format::pdf::pages_on(bytes.clone(), 1).expect("one thread");
    let four = briefdesk::format::pdf::pages_on(bytes, 4).expect("four threads");
    assert!(one.len() > 32, "pages enough for three threads or more: {}", one.len());
    assert_eq!(one, four, "the same pages in the same order");
    let last = one.iter().rposition(|p| p.contains("第1400段")).expect("the last paragraph");
    assert_eq!(last, one.len() - 1, "and the last paragraph on the last page");
}

#[test]
fn a_pdf_draft_imports_with_its_figures_whole() {
    if !soffice() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let pdf = convert(&write(dir.path(), "公报.txt", &communique()), "pdf", dir.path());
    let loaded = load(&pdf, &LoadOptions::default()).expect("the PDF");
    assert_eq!(loaded.pages.len(), 2);
    let body: String = loaded.brief.walk().map(|(s, _)| format!("{}\n{}\n", s.title, s.body)).collect();
    for figure in ["126.35亿元", "12,563万元", "行政村183个", "2.84万人"] {
        assert!(body.contains(figure), "{figure} in {body}");
    }
}

/// 阜平's 2020 work report as the source of its 2021 report: the figures the
/// later report repeats are found, and the disagreements listed are the ones
/// judged real in the note of issue 24.
#[test]
fn fuping_2021_held_to_its_2020_report() {
    let (Some(old), Some(new)) = (
        support::shared("corpus/real2/gov-report-fuping-county-2020.txt"),
        support::shared("corpus/real2/gov-report-fuping-county-2021.txt"),
    ) else {
        return;
    };
    let source = Arc::new(briefdesk::sources::read(&old).expect("2020"));
    let brief = load(&new, &LoadOptions::default()).expect("2021").brief;
    let env = Env { sources: vec![source.clone()], ..Env::default() };
    let cx = briefdesk::checks::Context::new(&brief, &env);
    let verified = briefdesk::sources::verify(&cx, &env.sources);
    let mut checked = Vec::new();
    let mut listed = Vec::new();
    for v in &verified {
        let c = &cx.claims.all[v.claim];
        let s = &cx.sections[c.section];
        let here = s.text(&s.figures[c.figure]);
        match &v.status {
            Status::Checked { by } => checked.push(format!("{here} = {}", source.claims[by.claim].sentence)),
            Status::Mismatch { by, .. } => listed.push(format!("{here} ≠ {}", source.claims[by.claim].sentence)),
            Status::Unsourced => {}
        }
    }
    eprintln!("checked: {checked:#?}\nmismatches: {listed:#?}");
    assert!(checked.len() >= 3, "the 2021 report repeats figures of 2020: {checked:#?}");
    // The real difference between the two: 41 resettlement sites built by the end of
    // 2019, 39 built over the five years to 2020.
    assert!(
        listed.iter().any(|l| l.starts_with("39个 ≠") && l.contains("41个易地搬迁安置区")),
        "the 41 and 39 resettlement sites: {listed:#?}"
    );
    let _ = SourceIndex::from_text;
    insta::assert_debug_snapshot!("fuping_checked", checked);
    insta::assert_debug_snapshot!(listed);
}
