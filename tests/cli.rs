//! The command line, run as a user runs it: the built binary in a temp folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_briefdesk"))
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().expect("run briefdesk")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn new_writes_each_template_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    for t in ["brief", "feature", "roundup"] {
        let out = format!("{t}.ron");
        let o = run(&["new", "--template", t, "-o", &out], dir.path());
        assert!(o.status.success(), "{t}: {}", stderr(&o));
        let brief = briefdesk::store::load(&dir.path().join(&out)).expect("loads");
        assert!(!brief.sections.is_empty());
    }
    let first = std::fs::read(dir.path().join("brief.ron")).expect("read");
    let o = run(&["new", "--template", "feature", "-o", "brief.ron"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("briefdesk: ") && stderr(&o).trim_end().ends_with("brief.ron"), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.path().join("brief.ron")).expect("read"), first, "nothing was overwritten");
    let o = run(&["new", "--template", "feature", "--taxonomy", "six-areas", "-o", "brief.md", "--force"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(dir.path().join("brief.md")).expect("read");
    assert!(md.contains("## 党建扶贫"), "{md}");
}

#[test]
fn export_and_import_markdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ron = example("brief.ron");
    let o = run(&["export", ron.to_str().unwrap(), "--to", "md", "-o", "brief.md"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["import", "brief.md", "-o", "back.ron"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let a = briefdesk::store::load(&ron).expect("load");
    let b = briefdesk::store::load(&dir.path().join("back.ron")).expect("load");
    assert_eq!(briefdesk::export::to_markdown(&a), briefdesk::export::to_markdown(&b));
    // To stdout.
    let o = run(&["export", ron.to_str().unwrap(), "--to", "md"], dir.path());
    assert!(String::from_utf8_lossy(&o.stdout).contains("## 二、主要做法"));
}

#[test]
fn errors_name_what_failed_and_the_path_and_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("empty.ron"), "").expect("write");
    for (args, path) in [
        (vec!["export", "empty.ron", "--to", "md"], "empty.ron"),
        (vec!["export", "missing.ron", "--to", "md"], "missing.ron"),
        (vec!["import", "notes.docx", "-o", "x.ron"], "notes.docx"),
    ] {
        let o = run(&args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(e.starts_with("briefdesk: "), "{e}");
        assert!(e.trim_end().ends_with(path), "{e}");
    }
    // Usage errors are exit 2 too.
    assert_eq!(run(&["export"], dir.path()).status.code(), Some(2));
}

#[test]
fn rules_list_and_doc() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(&["rules"], dir.path());
    let list = String::from_utf8_lossy(&o.stdout);
    assert_eq!(list.lines().count(), briefdesk::checks::rules::ALL.len());
    assert!(list.contains("BD103  error    breakdown-exceeds-total"), "{list}");
    let o = run(&["rules", "bd103"], dir.path());
    let doc = String::from_utf8_lossy(&o.stdout);
    assert!(doc.contains("分项") && doc.contains("What it does") && doc.contains("共帮扶困难职工1450户"), "{doc}");
    let o = run(&["rules", "BD999"], dir.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn every_subcommand_has_help() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["new", "check", "figures", "export", "import", "rules"] {
        let o = run(&[sub, "--help"], dir.path());
        assert!(o.status.success(), "{sub}");
        assert!(String::from_utf8_lossy(&o.stdout).contains("Usage: briefdesk"), "{sub}");
    }
}

#[test]
fn a_closed_stdout_pipe_is_not_an_error() {
    let mut child = bin()
        .args(["export", example("brief.ron").to_str().unwrap(), "--to", "md"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take()); // the reader goes away, as with `| head -0`
    let o = child.wait_with_output().expect("wait");
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn figures_json_is_the_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Offsets count Unicode scalar values, so a 4-byte character before a figure counts once.
    let text = "𠀀全市共帮扶6000余万\n元，培训2至4个月，2021年2月29日召开。";
    std::fs::write(dir.path().join("a.txt"), text).expect("write");
    let o = run(&["figures", "a.txt", "--format", "json"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 3, "{list:#?}");
    let chars: Vec<char> = text.chars().collect();
    for f in list {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, f["text"].as_str().unwrap());
        for field in ["text", "start", "end", "kind", "value", "unit", "qualifier", "marker"] {
            assert!(f.get(field).is_some(), "{field} missing in {f}");
        }
    }
    assert_eq!(list[0]["value"], 60000000.0);
    assert_eq!(list[0]["qualifier"], "over");
    assert_eq!(list[0]["start"], 6);
    assert!(list[0].get("value_max").is_none() && list[0].get("valid").is_none());
    assert_eq!(list[1]["value_max"], 4.0);
    assert_eq!(list[1]["qualifier"], "range");
    assert_eq!(list[2]["kind"], "date");
    assert_eq!(list[2]["valid"], false);
    // Text output is a table with one row per figure.
    let o = run(&["figures", "a.txt"], dir.path());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("6000余万⏎元") && out.contains("3 figures"), "{out}");
}

#[test]
fn a_skipped_heading_number_is_placed_at_its_heading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = "# 报告\n\n## 一、基本情况\n\n正文一。\n\n## 二、主要做法\n\n正文二。\n\n## 四、存在的问题\n\n正文四。\n";
    std::fs::write(dir.path().join("draft.md"), md).expect("write");
    let o = run(&["check", "draft.md"], dir.path());
    let out = String::from_utf8_lossy(&o.stdout);
    // Line 11 is `## 四、存在的问题`; its title starts in column 4, after `## `.
    assert!(out.starts_with("draft.md:11:4  BD110 warning"), "{out}");
    assert!(out.contains("## 四、存在的问题"), "{out}");
}

/// `--today` stands in for the clock, so a check of a brief without a report
/// date gives the same answer on any day.
#[test]
fn today_is_an_option_not_the_clock() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("d.txt"), "截至2030年6月30日，全市建成扶贫车间38个。\n").expect("write");
    let before = run(&["check", "d.txt", "--today", "2030-01-01"], dir.path());
    assert_eq!(before.status.code(), Some(1), "a 截至 date after today: {}", String::from_utf8_lossy(&before.stdout));
    assert!(String::from_utf8_lossy(&before.stdout).contains("BD109"));
    let after = run(&["check", "d.txt", "--today", "2031-01-01"], dir.path());
    assert_eq!(after.status.code(), Some(0), "{}", String::from_utf8_lossy(&after.stdout));
    // A date that cannot be is an error that names the option.
    let o = run(&["check", "d.txt", "--today", "2030-13-01"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--today"), "{}", stderr(&o));
}

/// The help of the commands that read Word files says so.
#[test]
fn help_names_word_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(&["--help"], dir.path());
    let help = String::from_utf8_lossy(&o.stdout);
    for line in ["import", "check", "export"] {
        let l = help.lines().find(|l| l.trim_start().starts_with(line)).unwrap_or_else(|| panic!("{line} in {help}"));
        assert!(l.contains(".docx") || l.contains("Word"), "{l}");
    }
    for sub in ["import", "check", "export"] {
        let o = run(&[sub, "--help"], dir.path());
        assert!(String::from_utf8_lossy(&o.stdout).contains(".docx"), "{sub} --help names .docx");
    }
}

/// The README says what exit 1 means: an error-level finding, not any finding.
#[test]
fn readme_tells_the_exit_codes_as_they_are() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    let line = readme.lines().find(|l| l.starts_with("Exit codes")).expect("an exit-code line");
    assert!(line.contains("error-level"), "{line}");
    // And so it is: warnings alone exit 0.
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(&["check", example("brief.ron").to_str().unwrap(), "--today", "2024-03-15"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
}

/// `export --to pdf` writes the official layout through LibreOffice, or says what to install.
#[test]
fn pdf_export_goes_through_libreoffice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = run(&["export", example("brief.ron").to_str().unwrap(), "--to", "pdf", "-o", "b.pdf"], dir.path());
    if briefdesk::export::pdf::libreoffice().is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI installs LibreOffice");
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("LibreOffice"), "{}", stderr(&o));
        return;
    }
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(dir.path().join("b.pdf")).expect("pdf").starts_with(b"%PDF"));
}
