//! Reading files as the user expects, through the built binary: Big5 read as
//! Big5, invisible characters taken out of figures and listed, a brief with
//! two sections of one id read without a panic.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefdesk")).args(args).current_dir(dir).output().expect("run briefdesk")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn body_text(path: &Path) -> String {
    let b = briefdesk::store::load(path).expect("load");
    b.walk().map(|(s, _)| format!("{}\n{}\n", s.title, s.body)).collect()
}

#[test]
fn big5_is_read_as_big5_and_said() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "香港工會聯合會調研報告\n\n一、基本情況\n\n參與精準脫貧攻堅是工會組織的重要政治任務。全市工會累計投入幫扶資金1.26億元，帶動約2.3萬戶脫貧戶穩定增收。\n";
    let (bytes, _, _) = encoding_rs::BIG5.encode(text);
    fs::write(dir.path().join("hk.txt"), &bytes).expect("write");
    let o = run(&["import", "hk.txt", "-o", "hk.ron"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let body = body_text(&dir.path().join("hk.ron"));
    assert!(body.contains("參與精準脫貧攻堅是工會組織的重要政治任務"), "{body}");
    assert!(stderr(&o).contains("Big5"), "the encoding is said: {}", stderr(&o));
    assert!(stderr(&o).contains("Traditional"), "{}", stderr(&o));
}

#[test]
fn invisible_characters_leave_figures_and_are_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "调研报告\n\n一、基本情况\n\n全市投入帮扶资金1\u{200B}260万元，带动5\u{202E}00\u{202C}户脱贫户增收。\n";
    fs::write(dir.path().join("draft.txt"), text).expect("write");
    let o = run(&["import", "draft.txt", "-o", "b.ron"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let body = body_text(&dir.path().join("b.ron"));
    assert!(body.contains("1260万元") && body.contains("500户"), "{body}");
    assert!(!body.contains('\u{200B}') && !body.contains('\u{202E}'));
    let err = stderr(&o);
    assert!(err.contains("removed line 5") && err.contains("U+200B") && err.contains("U+202E"), "{err}");
    // The figures are read whole, as they show.
    let o = run(&["figures", "b.ron", "--format", "json"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let figures: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let values: Vec<f64> = figures.as_array().expect("list").iter().filter_map(|f| f["value"].as_f64()).collect();
    assert!(values.contains(&12_600_000.0) && values.contains(&500.0), "{values:?}");
}

#[test]
fn two_sections_with_one_id_are_read_without_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let example = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/brief.ron")).expect("read");
    // A section copied in a text editor: the same id twice.
    let start = example.find("            (\n                id: 2,").expect("section 2");
    let end = start + example[start..].find("            ),\n").expect("its end") + "            ),\n".len();
    // The copy then edited: another body under the same id.
    let copy = example[start..end].replacen("body: \"", "body: \"另一段，投入资金50万元。", 1);
    let copied = format!("{}{copy}{}", &example[..end], &example[end..]);
    fs::write(dir.path().join("copied.ron"), copied).expect("write");
    for sub in ["figures", "check", "claims"] {
        let o = run(&[sub, "copied.ron"], dir.path());
        assert!(matches!(o.status.code(), Some(0 | 1)), "{sub}: {:?} {}", o.status, stderr(&o));
    }
    let b = briefdesk::store::load(&dir.path().join("copied.ron")).expect("load");
    let ids: std::collections::HashSet<_> = b.walk().map(|(s, _)| s.id).collect();
    assert_eq!(ids.len(), b.walk().count(), "ids are unique once loaded");
    let o = run(&["figures", "copied.ron"], dir.path());
    assert!(stdout(&o).contains("figures"));
}
