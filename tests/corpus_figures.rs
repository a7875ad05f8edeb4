//! Figures in the real texts of ../shared/corpus/: the raw file, with its hard
//! wraps and spaces, gives the same figures as a cleaned copy, and both match
//! the hand annotations in tests/corpus/*.tsv.

mod support;

use briefdesk::figures::{Figure, extract};
use briefdesk::import::clean::clean_paste;
use support::{here, shared_text};

/// A figure as a reader compares it: its text without whitespace, value, unit, qualifier, kind.
fn key(text: &str, f: &Figure) -> String {
    let t: String = text[f.span.clone()].chars().filter(|c| !c.is_whitespace()).collect();
    let v = match f.value_max {
        Some(hi) => format!("{}..{}", f.value, hi),
        None => f.value.to_string(),
    };
    format!("{t}\t{}\t{v}\t{}\t{}", f.kind.as_str(), f.unit, f.qualifier.as_str())
}

fn keys(text: &str) -> Vec<String> {
    extract(text).iter().map(|f| key(text, f)).collect()
}

#[test]
fn raw_and_cleaned_texts_give_the_same_figures() {
    for name in ["union-aid-feature.txt", "party-school-brief.txt", "union-aid-commentary-traditional.txt"] {
        let Some(raw) = shared_text(&format!("corpus/{name}")) else { return };
        let clean = clean_paste(&raw);
        if name != "union-aid-commentary-traditional.txt" {
            assert!(raw.len() > clean.len(), "{name}: the clean-up joined wrapped lines");
        }
        assert_eq!(keys(&raw), keys(&clean), "{name}");
    }
}

/// Hand annotations: `line:col<TAB>text<TAB>kind<TAB>value<TAB>unit<TAB>qualifier`,
/// positions in characters (1-based) in the raw file.
fn annotations(name: &str) -> Vec<(usize, usize, String)> {
    let path = here("tests/corpus").join(format!("{name}.tsv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (pos, rest) = l.split_once('\t').expect("tab");
            let (line, col) = pos.split_once(':').expect("line:col");
            (line.parse().expect("line"), col.parse().expect("col"), rest.to_string())
        })
        .collect()
}

fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

#[test]
fn figures_match_the_hand_annotations() {
    for name in ["union-aid-feature.txt", "party-school-brief.txt"] {
        let Some(raw) = shared_text(&format!("corpus/{name}")) else { return };
        let expected = annotations(name);
        let got: Vec<(usize, usize, String)> = extract(&raw)
            .iter()
            .map(|f| {
                let (l, c) = line_col(&raw, f.span.start);
                (l, c, key(&raw, f))
            })
            .collect();
        let missing: Vec<_> = expected.iter().filter(|e| !got.contains(e)).collect();
        let extra: Vec<_> = got.iter().filter(|g| !expected.contains(g)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{name}:\nmissing {missing:#?}\nextra {extra:#?}");
    }
}
