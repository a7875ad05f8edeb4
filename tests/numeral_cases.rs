//! The 90 cases of ../shared/eval/numeral-cases.tsv: each a string and the
//! figure a careful reader takes from it. At least 87 must pass, and every
//! approximation, range, PDF-break and negative row.

mod support;

use briefdesk::figures::{Figure, Kind, Qualifier, extract};

struct Case {
    input: String,
    expected: String,
    unit: String,
    qualifier: String,
    category: String,
}

fn cases() -> Option<Vec<Case>> {
    let text = support::shared_text("eval/numeral-cases.tsv")?;
    let cases = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 5, "bad row: {l}");
            Case {
                input: cols[0].replace("\\n", "\n"),
                expected: cols[1].to_string(),
                unit: cols[2].to_string(),
                qualifier: cols[3].to_string(),
                category: cols[4].to_string(),
            }
        })
        .collect();
    Some(cases)
}

/// The qualifier name the README maps each marker to.
fn qualifier_of(marker: &str) -> Qualifier {
    match marker {
        "" => Qualifier::Exact,
        "余" | "多" | "几" | "数" | "超" | "超过" | "逾" => Qualifier::Over,
        "近" | "接近" | "将近" => Qualifier::Nearly,
        "不到" | "不足" => Qualifier::Under,
        "约" | "大约" | "左右" | "上下" => Qualifier::Approx,
        "不低于" | "不少于" | "至少" | "以上" | "以上(含)" | "至少+以上" => Qualifier::AtLeast,
        "不超过" | "不高于" | "最多" | "以内" | "以下" => Qualifier::AtMost,
        other => panic!("unknown marker {other}"),
    }
}

fn parse_value(s: &str) -> f64 {
    match s.split_once('/') {
        Some((p, q)) => p.parse::<f64>().expect("p") / q.parse::<f64>().expect("q"),
        None => s.parse().unwrap_or_else(|_| panic!("value {s}")),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// Why a case fails, or None when it passes.
fn judge(c: &Case, figs: &[Figure]) -> Option<String> {
    if c.expected == "NONE" {
        let bad: Vec<_> =
            figs.iter().filter(|f| matches!(f.kind, Kind::Quantity | Kind::Percent | Kind::Fraction)).collect();
        return (!bad.is_empty()).then(|| format!("reported {bad:?}"));
    }
    if figs.len() != 1 {
        return Some(format!("expected one figure, got {}: {figs:?}", figs.len()));
    }
    let f = &figs[0];
    let (lo, hi) = match c.expected.split_once("..") {
        Some((a, b)) => (parse_value(a), Some(parse_value(b))),
        None => (parse_value(&c.expected), None),
    };
    if !close(f.value, lo) {
        return Some(format!("value {} != {lo}", f.value));
    }
    match (hi, f.value_max) {
        (Some(h), Some(m)) if close(m, h) => {}
        (None, None) => {}
        (h, m) => return Some(format!("value_max {m:?} != {h:?}")),
    }
    if f.unit != c.unit {
        return Some(format!("unit {:?} != {:?}", f.unit, c.unit));
    }
    let want = if hi.is_some() && c.qualifier.is_empty() { Qualifier::Range } else { qualifier_of(&c.qualifier) };
    if f.qualifier != want {
        return Some(format!("qualifier {:?} != {want:?} (marker {:?})", f.qualifier, f.marker));
    }
    None
}

#[test]
fn numeral_cases() {
    let Some(cases) = cases() else { return };
    assert_eq!(cases.len(), 90, "the eval file has 90 cases");
    let mut failed = Vec::new();
    for c in &cases {
        let figs = extract(&c.input);
        if let Some(why) = judge(c, &figs) {
            failed.push((c, why));
        }
    }
    for (c, why) in &failed {
        eprintln!("FAIL {:?} [{}]: {why}", c.input, c.category);
    }
    let passed = cases.len() - failed.len();
    eprintln!("numeral cases: {passed} of {} pass", cases.len());
    let must = |cat: &str| ["approx", "range", "pdf", "negative"].iter().any(|p| cat.starts_with(p));
    let required: Vec<_> = failed.iter().filter(|(c, _)| must(&c.category)).map(|(c, _)| &c.input).collect();
    assert!(required.is_empty(), "approximation, range, PDF-break and negative rows must all pass: {required:?}");
    assert!(passed >= 87, "{passed} of 90 pass; at least 87 must");
}
