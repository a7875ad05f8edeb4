//! What users read, kept as reviewed snapshots: the findings of the planted
//! brief (`tests/fixtures/planted.md`, one slip per rule) as JSON, whose every
//! finding carries its Chinese and its English message; the same findings as
//! text with `--explain` (the claims behind each and the identity test); and
//! `claims` on it. A change to any message, any claim or any explanation shows
//! in review.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(args)
        .args(["--today", "2024-06-30"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run briefdesk");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

const PLANTED: &str = "tests/fixtures/planted.md";

#[test]
fn planted_findings_in_chinese_and_english() {
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).join(PLANTED).exists());
    let json = run(&["check", PLANTED, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let diags = v["diagnostics"].as_array().expect("diagnostics");
    assert!(diags.len() >= 13, "one slip per rule, at least: {}", diags.len());
    for d in diags {
        let (zh, en) = (d["message"].as_str().unwrap_or(""), d["message_en"].as_str().unwrap_or(""));
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "a Chinese message: {d}");
        // English, quoting the text's own words where it names them.
        assert!(
            en.split_whitespace().filter(|w| w.chars().all(|c| c.is_ascii_alphabetic())).count() >= 2,
            "English: {en}"
        );
    }
    // Per finding: rule, severity and both messages (offsets are in the JSON too, and in the text below).
    let mut lines = String::new();
    for d in diags {
        lines.push_str(&format!(
            "{} {} {}:{}\n  zh: {}\n  en: {}\n",
            d["rule"].as_str().unwrap_or(""),
            d["severity"].as_str().unwrap_or(""),
            d["line"],
            d["column"],
            d["message"].as_str().unwrap_or(""),
            d["message_en"].as_str().unwrap_or("")
        ));
    }
    insta::assert_snapshot!("planted_messages", lines);
}

#[test]
fn planted_findings_explained() {
    let text = run(&["check", PLANTED, "--explain"]);
    assert!(text.contains("读作 / read as:"), "claims under the findings");
    assert!(text.contains("同一数量，假设"), "the BD101 warning says what it assumed");
    insta::assert_snapshot!("planted_explained", text);
}

#[test]
fn planted_claims() {
    let text = run(&["claims", PLANTED]);
    assert!(text.lines().count() > 20, "every figure of the brief is a claim or a relation");
    insta::assert_snapshot!("planted_claims", text);
}

#[test]
fn the_fixed_twin_draws_nothing_to_explain() {
    let text = run(&["check", "tests/fixtures/planted-fixed.md", "--explain"]);
    assert!(!text.contains("读作"), "{text}");
}
