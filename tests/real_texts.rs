//! The figure engine on the twenty published texts of ../shared/corpus/real/.
//!
//! * A sample of 200 figures, drawn at random once and checked by hand, is
//!   kept in `tests/corpus/real-sample.tsv`: each must still be read with the
//!   same text, kind, value, unit and qualifier.
//! * A scan lists every numeral that no figure covers: Arabic digits, and
//!   Chinese numerals before a measure word. Each one found is listed in
//!   `tests/corpus/real-unread.tsv` with the reason it is no figure; a numeral
//!   that is not listed fails the test.
//!
//! `BRIEFDESK_DRAW_SAMPLE=1` prints a fresh random sample to standard error
//! (for checking by hand), `BRIEFDESK_PRINT_UNREAD=1` the scan's findings.

mod support;

use std::collections::BTreeSet;

use briefdesk::figures::{Figure, extract, format_value};

fn texts() -> Option<Vec<(String, String)>> {
    let dir = support::shared("corpus/real")?;
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).expect("read corpus/real") {
        let path = e.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            let name = path.file_name().expect("name").to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&path).expect("utf-8 text")));
        }
    }
    out.sort();
    assert_eq!(out.len(), 20, "the twenty published texts");
    Some(out)
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// How the sample file writes a figure: text (whitespace shown as ⏎ and ␣), kind, value, unit, qualifier.
fn describe(text: &str, f: &Figure) -> String {
    let shown: String = text[f.span.clone()]
        .chars()
        .map(|c| match c {
            '\n' => '⏎',
            c if c.is_whitespace() => '␣',
            c => c,
        })
        .collect();
    let value = match f.value_max {
        Some(hi) => format!("{}..{}", format_value(f.value), format_value(hi)),
        None => format_value(f.value),
    };
    format!("{shown}\t{}\t{value}\t{}\t{}", f.kind.as_str(), f.unit, f.qualifier.as_str())
}

#[test]
fn the_hand_checked_sample_still_reads_the_same() {
    let Some(texts) = texts() else { return };
    if std::env::var_os("BRIEFDESK_DRAW_SAMPLE").is_some() {
        draw_sample(&texts);
    }
    let sample = std::fs::read_to_string(support::here("tests/corpus/real-sample.tsv")).expect("the sample file");
    let mut failed = Vec::new();
    let mut rows = 0;
    for line in sample.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        rows += 1;
        let cols: Vec<&str> = line.splitn(3, '\t').collect();
        let [file, at, want] = cols[..] else { panic!("bad row: {line}") };
        let at: usize = at.parse().expect("offset");
        let (_, text) = texts.iter().find(|(n, _)| n == file).unwrap_or_else(|| panic!("no file {file}"));
        let got = extract(text)
            .into_iter()
            .find(|f| char_offset(text, f.span.start) == at)
            .map(|f| describe(text, &f))
            .unwrap_or_else(|| "(no figure)".into());
        if got != want {
            failed.push(format!("{file}:{at}\n  want {want}\n  got  {got}"));
        }
    }
    assert_eq!(rows, 200, "the sample holds 200 figures");
    assert!(failed.is_empty(), "{} of 200 sampled figures read differently:\n{}", failed.len(), failed.join("\n"));
}

/// Prints 200 figures drawn at random (a fixed-seed generator over all figures of the twenty texts).
fn draw_sample(texts: &[(String, String)]) {
    let mut all = Vec::new();
    for (name, text) in texts {
        for f in extract(text) {
            all.push(format!("{name}\t{}\t{}", char_offset(text, f.span.start), describe(text, &f)));
        }
    }
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut picked = BTreeSet::new();
    while picked.len() < 200.min(all.len()) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        picked.insert((state % all.len() as u64) as usize);
    }
    eprintln!("# {} figures in all", all.len());
    for i in picked {
        eprintln!("{}", all[i]);
    }
}

/// Measure words that make a Chinese numeral before them a quantity.
const MEASURES: &str = "个人名户家项元亿万千百年次所座条倍场期批位件台辆套种类处间张本吨亩斤米天周岁届轮成";

/// Numerals that no figure covers, as (file, the numeral and the two characters after it).
fn unread(name: &str, text: &str) -> Vec<(String, String)> {
    let figs = extract(text);
    let covered = |i: usize| figs.iter().any(|f| f.span.contains(&i));
    let cn = |c: char| "一二三四五六七八九十两零〇壹贰叁肆伍陆柒捌玖拾".contains(c);
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let arabic = c.is_ascii_digit() || ('０'..='９').contains(&c);
        if !(arabic || cn(c)) || covered(i) {
            k += 1;
            continue;
        }
        let mut run = chars[k..]
            .iter()
            .take_while(|(_, d)| {
                d.is_ascii_digit() || ('０'..='９').contains(d) || cn(*d) || "百千万亿.．".contains(*d)
            })
            .count();
        while run > 1 && matches!(chars[k + run - 1].1, '.' | '．') {
            run -= 1;
        }
        let next = chars.get(k + run).map(|(_, d)| *d);
        let after = chars.get(k + run + 1).map(|(_, d)| *d);
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let numeral: String = chars[k..k + run].iter().map(|(_, d)| *d).collect();
        // Conventions the README lists: 一 alone before a measure word is "a"
        // (一批, 一年来); list and heading numbers (1. 2、 （3）) number, they do not count.
        let article = numeral == "一";
        let list = matches!(next, Some('、' | '）' | ')'))
            || matches!(prev, Some('（' | '('))
            || matches!(next, Some('.' | '．')) && after.is_some_and(|a| !a.is_ascii_digit());
        if article || list {
            k += run.max(1);
            continue;
        }
        if arabic || next.is_some_and(|n| MEASURES.contains(n)) {
            let shown: String = chars[k..(k + run + 2).min(chars.len())].iter().map(|(_, d)| *d).collect();
            out.push((name.to_string(), shown.replace(['\n', '\t'], "⏎")));
        }
        k += run.max(1);
    }
    out
}

#[test]
fn every_numeral_outside_a_figure_is_listed_with_a_reason() {
    let Some(texts) = texts() else { return };
    let found: Vec<(String, String)> = texts.iter().flat_map(|(n, t)| unread(n, t)).collect();
    if std::env::var_os("BRIEFDESK_PRINT_UNREAD").is_some() {
        for (f, s) in &found {
            eprintln!("{f}\t{s}");
        }
    }
    let listed = std::fs::read_to_string(support::here("tests/corpus/real-unread.tsv")).expect("the unread list");
    let known: BTreeSet<(String, String)> = listed
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 3 && !c[2].trim().is_empty(), "a row needs a file, a numeral and a reason: {l}");
            (c[0].to_string(), c[1].to_string())
        })
        .collect();
    let missing: Vec<String> = found.iter().filter(|k| !known.contains(*k)).map(|(f, s)| format!("{f}\t{s}")).collect();
    eprintln!("real texts: {} numerals outside figures, all listed with a reason", found.len() - missing.len());
    assert!(missing.is_empty(), "numerals outside any figure and not listed:\n{}", missing.join("\n"));
}
