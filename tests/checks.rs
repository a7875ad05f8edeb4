//! The checks on whole briefs: a brief with one planted error per rule and
//! its corrected twin, the examples, and the real texts of ../shared/corpus/.

mod support;

use std::collections::BTreeSet;
use std::process::Command;

use support::{here, shared};

use briefdesk::checks::{Env, check, rules::ALL};
use briefdesk::format::load_brief;
use briefdesk::model::Severity;

fn env() -> Env {
    Env { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23), ..Env::default() }
}

#[test]
fn every_planted_error_is_caught_and_the_twin_is_clean() {
    let planted = load_brief(&here("tests/fixtures/planted.md")).expect("planted");
    let fixed = load_brief(&here("tests/fixtures/planted-fixed.md")).expect("fixed");
    // BD114's source: the money the brief quotes (1.26亿元 rounds 12,563万元; 1.5亿元 does not).
    let source =
        briefdesk::sources::SourceIndex::from_text("决算.txt", "2023年，全市工会累计投入帮扶资金12,563万元。\n");
    let with_source = Env { sources: vec![std::sync::Arc::new(source)], ..env() };
    let found: BTreeSet<&str> = check(&planted, &with_source).iter().map(|d| d.rule).collect();
    let all: BTreeSet<&str> = ALL.iter().map(|r| r.doc().id).collect();
    assert_eq!(found, all, "every rule catches its planted error");
    // With a source, the figures it does not give are listed as 无来源 (info), and nothing else.
    let left: Vec<_> = check(&fixed, &with_source)
        .into_iter()
        .filter(|d| !matches!(d.finding, briefdesk::checks::Finding::Unsourced { .. }))
        .collect();
    assert!(left.is_empty(), "the corrected twin draws nothing: {left:#?}");
    let left = check(&fixed, &env());
    assert!(left.is_empty(), "the corrected twin draws nothing without sources: {left:#?}");
}

#[test]
fn examples_check_clean() {
    for f in ["examples/brief.ron", "examples/feature.md"] {
        let b = load_brief(&here(f)).expect(f);
        let d = check(&b, &env());
        assert!(d.is_empty(), "{f}: {d:#?}");
    }
}

#[test]
fn settings_change_severity_turn_rules_off_and_suppress_one_finding() {
    let mut b = load_brief(&here("tests/fixtures/planted.md")).expect("planted");
    b.checks.severities.insert("BD103".into(), briefdesk::model::SeveritySetting::Warning);
    b.checks.severities.insert("BD104".into(), briefdesk::model::SeveritySetting::Off);
    let d = check(&b, &env());
    assert_eq!(d.iter().find(|d| d.rule == "BD103").map(|d| d.severity), Some(Severity::Warning));
    assert!(!d.iter().any(|d| d.rule == "BD104"));
    // Suppress the BD105 finding; it stays suppressed after an edit elsewhere.
    let target = d.iter().find(|d| d.rule == "BD105").expect("BD105").clone();
    let text = b.section(target.section).expect("section").body[target.span.clone()].to_string();
    b.checks.suppressed.push(briefdesk::model::Suppression { rule: "BD105".into(), section: target.section, text });
    let section = b.section_mut(target.section).expect("section");
    section.body.insert_str(0, "新加的一句话。");
    assert!(!check(&b, &env()).iter().any(|d| d.rule == "BD105"));
}

#[test]
fn a_markdown_comment_disables_a_rule_for_one_paragraph() {
    let text = std::fs::read_to_string(here("tests/fixtures/planted.md")).expect("read");
    let text = text.replace("开发公益岗位1200个", "<!-- briefdesk-disable BD105 -->\n开发公益岗位1200个");
    let b = briefdesk::format::from_markdown(&text).expect("md");
    let d = check(&b, &env());
    assert!(!d.iter().any(|d| d.rule == "BD105"));
    assert!(d.iter().any(|d| d.rule == "BD104"), "other rules still run");
}

/// What `briefdesk check` prints for a corpus text, as the user sees it.
fn cli_report(dir: &std::path::Path, name: &str) -> String {
    let out =
        Command::new(env!("CARGO_BIN_EXE_briefdesk")).args(["check", name]).current_dir(dir).output().expect("run");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn corpus_findings() {
    let Some(dir) = shared("corpus") else { return };
    for name in ["union-aid-feature.txt", "party-school-brief.txt", "union-aid-commentary-traditional.txt"] {
        insta::assert_snapshot!(name, cli_report(&dir, name));
    }
}

#[test]
fn check_json_is_the_contract() {
    let out = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(["check", "planted.md", "--format", "json"])
        .current_dir(here("tests/fixtures"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "errors exit 1");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let diags = v["diagnostics"].as_array().expect("array");
    let text: Vec<char> = std::fs::read_to_string(here("tests/fixtures/planted.md")).expect("read").chars().collect();
    for d in diags {
        for f in ["rule", "severity", "message", "start", "end", "line", "column", "section", "related", "fix"] {
            assert!(d.get(f).is_some(), "{f} missing: {d}");
        }
    }
    let bd103 = diags.iter().find(|d| d["rule"] == "BD103").expect("BD103");
    let (s, e) = (bd103["start"].as_u64().unwrap() as usize, bd103["end"].as_u64().unwrap() as usize);
    assert_eq!(text[s..e].iter().collect::<String>(), "1450户");
    assert_eq!(bd103["related"].as_array().map(Vec::len), Some(2));
    let clean = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(["check", "planted-fixed.md"])
        .current_dir(here("tests/fixtures"))
        .output()
        .expect("run");
    assert_eq!(clean.status.code(), Some(0));
}
