//! The public check cases of ../shared/eval/check-cases.tsv: 172 passages in
//! the phrasings real briefs use, 83 with one inconsistency and 89 that look
//! alike but are fine. A `flag` row is right when a finding of its family's
//! rule is drawn; a `clean` row when no error and no warning is. At least 164
//! must be right; every row that is not is printed.

mod support;

use briefdesk::checks::{Diagnostic, Env, check};
use briefdesk::model::{Brief, Role, Severity, Taxonomy};

struct Case {
    id: String,
    family: String,
    flag: bool,
    text: String,
}

fn cases_of(file: &str) -> Option<Vec<Case>> {
    let text = support::shared_text(file)?;
    let cases = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 4, "bad row: {l}");
            // ` ⏎ ` is a line break inside a paragraph (the rows of a table).
            Case { id: c[0].into(), family: c[1].into(), flag: c[2] == "flag", text: c[3].replace(" ⏎ ", "\n") }
        })
        .collect();
    Some(cases)
}

/// The rule each family belongs to (the README beside the file).
fn rule_of(family: &str) -> &'static str {
    match family {
        "same-metric" => "BD101",
        "breakdown-total" => "BD103",
        "shares-sum" => "BD104",
        "rate-counts" => "BD105",
        "average-total" => "BD106",
        "growth-values" => "BD107",
        "year-span" => "BD108",
        "date-valid" | "weekday" => "BD109",
        "numbering" => "BD110",
        "duplicate" => "BD111",
        "approximation" => "BD112",
        "numeral-form" => "BD113",
        other => panic!("unknown family {other}"),
    }
}

/// The passage as a brief: a paragraph that opens with [标题] is a section of
/// its own with that title; the other paragraphs are the paragraphs of one section.
pub fn brief_of(text: &str) -> Brief {
    let mut b = Brief::default();
    b.meta.heading_numbers = false;
    let taxonomy = Taxonomy::default();
    let mut loose: Vec<&str> = Vec::new();
    for para in text.split(" ¶ ").map(str::trim) {
        match para.strip_prefix('[').and_then(|p| p.split_once(']')) {
            Some((title, body)) => {
                let s = b.new_section(Role::infer(title, &taxonomy), title, body.trim());
                b.sections.push(s);
            }
            None => loose.push(para),
        }
    }
    if !loose.is_empty() {
        let s = b.new_section(Role::Custom, "正文", loose.join("\n"));
        b.sections.push(s);
    }
    b
}

fn env() -> Env {
    Env { today: chrono::NaiveDate::from_ymd_opt(2025, 1, 1), ..Env::default() }
}

fn verdict(c: &Case, diags: &[Diagnostic]) -> Option<String> {
    let rule = rule_of(&c.family);
    let shown = || {
        diags
            .iter()
            .map(|d| format!("{} {}", d.rule, d.message(briefdesk::lang::Lang::Zh)))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    if c.flag {
        (!diags.iter().any(|d| d.rule == rule)).then(|| format!("missed: wanted {rule}; drew [{}]", shown()))
    } else {
        let noisy = diags.iter().any(|d| matches!(d.severity, Severity::Error | Severity::Warning));
        noisy.then(|| format!("false alarm: [{}]", shown()))
    }
}

fn cases() -> Option<Vec<Case>> {
    cases_of("eval/check-cases.tsv")
}

#[test]
fn public_check_cases() {
    let Some(cases) = cases() else { return };
    assert_eq!(cases.len(), 172, "the eval file has 172 rows");
    let mut wrong = Vec::new();
    for c in &cases {
        let diags = check(&brief_of(&c.text), &env());
        if let Some(why) = verdict(c, &diags) {
            wrong.push(format!("{} ({}): {why}", c.id, c.family));
        }
    }
    for w in &wrong {
        eprintln!("WRONG {w}");
    }
    let right = cases.len() - wrong.len();
    let (flags, cleans) = (cases.iter().filter(|c| c.flag).count(), cases.iter().filter(|c| !c.flag).count());
    let missed = wrong.iter().filter(|w| w.contains("missed")).count();
    eprintln!(
        "check cases: {right} of {} right ({} of {flags} errors caught, {} of {cleans} clean passages silent)",
        cases.len(),
        flags - missed,
        cleans - (wrong.len() - missed)
    );
    assert!(right >= 164, "{right} of 172 right; at least 164 must be");
}

/// The second set (check-cases-2.tsv): every row that is not right, by id, is
/// kept in a snapshot, so that a row that flips either way shows in review.
#[test]
fn public_check_cases_2() {
    let Some(cases) = cases_of("eval/check-cases-2.tsv") else { return };
    assert_eq!(cases.len(), 260, "the eval file has 260 rows");
    let mut wrong = Vec::new();
    let (mut flagged, mut flags, mut noisy) = (0, 0, 0);
    for c in &cases {
        let diags = check(&brief_of(&c.text), &env());
        let why = verdict(c, &diags);
        if c.flag {
            flags += 1;
            flagged += usize::from(why.is_none());
        } else {
            noisy += usize::from(why.is_some());
        }
        if let Some(why) = why {
            eprintln!("WRONG {} ({}): {why}", c.id, c.family);
            wrong.push(c.id.clone());
        }
    }
    eprintln!("check cases 2: {flagged} of {flags} flag rows flagged, {noisy} clean rows noisy");
    insta::assert_snapshot!("check_cases_2_wrong", wrong.join("\n"));
}
