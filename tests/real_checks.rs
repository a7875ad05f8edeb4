//! The checks on the 35 published texts of ../shared/corpus/real/ (twenty)
//! and ../shared/corpus/real2/ (fifteen work reports).
//!
//! These are correct documents for the most part, so they show what the
//! checks must leave alone. Every finding of every file is kept as an insta
//! snapshot (rule, place and message; no text of the file beyond the figures
//! and titles a message names), reviewed by hand. Every error-level finding is
//! also listed in `tests/corpus/real-verdicts.tsv` with a verdict, `real` (a
//! slip in the published text) or `false` (the checker is wrong): an error that
//! is not listed fails the test, and so does a real slip no longer found, or
//! more than one false error per 100,000 characters.

mod support;

use std::collections::BTreeMap;

use briefdesk::checks::{Env, Lang, check};
use briefdesk::format::{LoadOptions, load};
use briefdesk::model::Severity;

/// The findings of one file, one line each: line:column rule severity message,
/// then the related places by line.
fn report(path: &std::path::Path) -> (String, Vec<(usize, String)>) {
    let loaded = load(path, &LoadOptions::default()).expect("load");
    let diags = check(&loaded.brief, &Env { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23), ..Env::default() });
    let at = |section, span: &std::ops::Range<usize>| {
        let span = loaded.source.span(section, briefdesk::format::Part::Body, span).unwrap_or(0..0);
        loaded.source.position(span.start)
    };
    let mut out = String::new();
    let mut errors = Vec::new();
    for d in &diags {
        let p = at(d.section, &d.span);
        out.push_str(&format!("{}:{} {} {} {}\n", p.line, p.column, d.rule, d.severity.as_str(), d.message(Lang::Zh)));
        for r in &d.related {
            let q = at(r.section, &r.span);
            // A figure is named; a passage (the first copy of a repeat) only placed.
            let label =
                if r.text.chars().count() <= 12 { r.label(Lang::Zh) } else { r.role.name(Lang::Zh).to_string() };
            out.push_str(&format!("    = {label} ({}:{})\n", q.line, q.column));
        }
        if d.severity == Severity::Error {
            errors.push((p.line, d.rule.to_string()));
        }
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    (out, errors)
}

#[test]
fn findings_on_published_texts_are_reviewed() {
    let Some(real) = support::shared("corpus/real") else { return };
    let Some(real2) = support::shared("corpus/real2") else { return };
    let verdicts = std::fs::read_to_string(support::here("tests/corpus/real-verdicts.tsv")).expect("verdicts");
    // (file, line, rule) → verdict; a file of real2/ is named with its folder.
    let mut listed: BTreeMap<(String, usize, String), String> = BTreeMap::new();
    for row in verdicts.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert!(cols.len() >= 5, "file, line, rule, verdict, reason: {row}");
        assert!(matches!(cols[3], "real" | "false"), "verdict is real or false: {row}");
        listed.insert((cols[0].into(), cols[1].parse().expect("line"), cols[2].into()), cols[3].into());
    }
    let texts = |dir: &std::path::Path| {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("read")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        names.sort();
        names
    };
    let (first, second) = (texts(&real), texts(&real2));
    assert_eq!(first.len(), 20, "the twenty published texts of real/");
    assert_eq!(second.len(), 15, "the fifteen published texts of real2/");
    let mut unlisted = Vec::new();
    let mut found_real = Vec::new();
    let (mut false_errors, mut errors, mut chars) = (0, 0, 0);
    for (folder, path) in first.iter().map(|p| ("", p)).chain(second.iter().map(|p| ("real2/", p))) {
        let name = format!("{folder}{}", path.file_name().expect("name").to_string_lossy());
        chars += std::fs::read_to_string(path).expect("text").chars().count();
        let (text, found) = report(path);
        insta::assert_snapshot!(format!("real__{}", name.replace('/', "__")), text);
        for (line, rule) in found {
            errors += 1;
            let key = (name.clone(), line, rule.clone());
            match listed.get(&key).map(String::as_str) {
                Some("false") => false_errors += 1,
                Some(_) => found_real.push(key),
                None => unlisted.push(format!("{name}\t{line}\t{rule}")),
            }
        }
    }
    eprintln!("published texts ({chars} characters): {errors} error findings, {false_errors} judged false");
    assert!(
        unlisted.is_empty(),
        "error findings without a verdict in tests/corpus/real-verdicts.tsv:\n{}",
        unlisted.join("\n")
    );
    // Every slip judged real is still found.
    let lost: Vec<_> = listed.iter().filter(|(k, v)| *v == "real" && !found_real.contains(k)).map(|(k, _)| k).collect();
    assert!(lost.is_empty(), "real slips no longer found: {lost:?}");
    // At most one false error per 100,000 characters.
    assert!(
        false_errors * 100_000 <= chars,
        "{false_errors} false errors in {chars} characters (at most one per 100,000)"
    );
}
