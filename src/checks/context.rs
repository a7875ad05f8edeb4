//! What every rule reads: the brief's sections with their figures and sentences.

use std::ops::Range;

use chrono::NaiveDate;

use super::Env;
use crate::figures::{Figure, Kind, Qualifier, extract};
use crate::model::{Brief, Role, SectionId};

/// A sentence of a section body: a byte range ending at 。！？； or a line break.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Indexes into the section's figures.
    pub figures: Range<usize>,
}

/// One section as the rules see it.
#[derive(Debug)]
pub struct SectionView<'a> {
    pub id: SectionId,
    pub role: &'a Role,
    pub title: &'a str,
    pub body: &'a str,
    pub depth: usize,
    /// The heading number the section is exported with (一、), or empty.
    pub number: String,
    pub figures: Vec<Figure>,
    pub sentences: Vec<Sentence>,
}

impl SectionView<'_> {
    pub fn text(&self, f: &Figure) -> &str {
        &self.body[f.span.clone()]
    }

    /// The sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<&Sentence> {
        self.sentences.iter().find(|s| s.span.start <= at && at < s.span.end.max(s.span.start + 1))
    }

    pub fn sentence_figures(&self, s: &Sentence) -> &[Figure] {
        &self.figures[s.figures.clone()]
    }
}

/// Everything the rules read, computed once per check.
#[derive(Debug)]
pub struct Context<'a> {
    pub brief: &'a Brief,
    pub sections: Vec<SectionView<'a>>,
    /// The brief's report date, else today.
    pub report_date: Option<NaiveDate>,
}

const SENTENCE_END: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];

fn sentences(body: &str, figures: &[Figure]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut fi = 0;
    let mut push = |start: usize, end: usize, out: &mut Vec<Sentence>| {
        let first = fi;
        while fi < figures.len() && figures[fi].span.start < end {
            fi += 1;
        }
        if body[start..end].trim().is_empty() {
            return;
        }
        out.push(Sentence { span: start..end, figures: first..fi });
    };
    for (i, c) in body.char_indices() {
        // A line break inside a figure (a PDF wrap) does not end the sentence.
        if SENTENCE_END.contains(&c) && !(c == '\n' && figures.iter().any(|f| f.span.contains(&i))) {
            let end = i + c.len_utf8();
            push(start, end, &mut out);
            start = end;
        }
    }
    if start < body.len() {
        push(start, body.len(), &mut out);
    }
    out
}

impl<'a> Context<'a> {
    pub fn new(brief: &'a Brief, env: &Env) -> Context<'a> {
        let numbers: std::collections::HashMap<_, _> = brief.heading_numbers().into_iter().collect();
        let sections = brief
            .walk()
            .map(|(s, depth)| {
                let figures = extract(&s.body);
                let sentences = sentences(&s.body, &figures);
                SectionView {
                    id: s.id,
                    role: &s.role,
                    title: &s.title,
                    body: &s.body,
                    depth,
                    number: numbers.get(&s.id).cloned().unwrap_or_default(),
                    figures,
                    sentences,
                }
            })
            .collect();
        Context { brief, sections, report_date: brief.meta.date.or(env.today) }
    }
}

/// The interval of values a figure allows, given its qualifier and the
/// precision it is written with.
pub fn interval(f: &Figure, text: &str) -> (f64, f64) {
    let v = f.value;
    let half = half_ulp(text, v);
    match f.qualifier {
        Qualifier::Exact => (v - half, v + half),
        Qualifier::Approx => (v * 0.9 - half, v * 1.1 + half),
        Qualifier::Over => (v - half, v + magnitude(v)),
        Qualifier::Nearly => (v * 0.8, v + half),
        Qualifier::Under => (0.0, v + half),
        Qualifier::AtLeast => (v - half, f64::INFINITY),
        Qualifier::AtMost => (0.0, v + half),
        Qualifier::Range => (v - half, f.value_max.unwrap_or(v) + half),
    }
}

/// The place value of the leading digit: 6000 → 1000.
pub fn magnitude(v: f64) -> f64 {
    if v <= 0.0 { 1.0 } else { 10f64.powi(v.log10().floor() as i32) }
}

/// Half a unit of the last digit written: 1.26亿 → 0.005亿 = 500000; 3200 → 0.5.
pub fn half_ulp(text: &str, value: f64) -> f64 {
    let digits: String =
        text.chars().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let written: f64 = digits.parse().unwrap_or(0.0);
    if written == 0.0 || digits.is_empty() {
        return 0.0;
    }
    // The factor 万/亿 folded into the value.
    let factor = value / written;
    0.5 * 10f64.powi(-decimals) * factor
}

/// Whether a figure counts things (people, households, items), as opposed to money or measures.
pub fn is_count(f: &Figure) -> bool {
    f.kind == Kind::Quantity
        && matches!(
            f.unit,
            "人" | "名"
                | "户"
                | "个"
                | "家"
                | "所"
                | "项"
                | "人次"
                | "户次"
                | "场"
                | "期"
                | "次"
                | "位"
                | "支"
                | "批"
        )
}

pub fn is_money(f: &Figure) -> bool {
    f.kind == Kind::Quantity
        && matches!(
            f.unit,
            "元" | "美元"
                | "港元"
                | "欧元"
                | "日元"
                | "英镑"
                | "新台币"
                | "卢布"
                | "泰铢"
                | "韩元"
                | "澳元"
                | "加元"
        )
}

/// Formats a value for a message: 1500, 1350000 as 135万, 85.5.
pub fn show(v: f64) -> String {
    let fmt = |x: f64| {
        let s = format!("{x:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if v.abs() >= 1e8 && (v / 1e8 * 1e4).fract().abs() < 1e-6 {
        format!("{}亿", fmt(v / 1e8))
    } else if v.abs() >= 1e5 && (v / 1e4 * 1e4).fract().abs() < 1e-6 {
        format!("{}万", fmt(v / 1e4))
    } else {
        fmt(v)
    }
}
