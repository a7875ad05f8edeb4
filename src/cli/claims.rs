//! `briefdesk claims FILE`: what the checks read. Every figure that counts or
//! measures, with its subject, metric, unit, time, modality, place and scope,
//! then the relations found between them (totals and parts, shares, rates,
//! growth, averages). As text (one claim a line), JSON or an HTML table.

use std::fmt::Write as _;

use serde::Serialize;

use super::{FileArgs, Format, Outcome, print};
use crate::checks::claims::{Claim, ClaimId};
use crate::checks::identity::{place_words, time_words};
use crate::checks::{Context, Env};
use crate::format::LoadOptions;

/// One claim as the command prints it.
#[derive(Debug, Serialize)]
pub struct ClaimRow {
    pub id: ClaimId,
    /// The section's index in document order, and its name.
    pub section_index: usize,
    pub section: String,
    /// Byte range of the figure in its section's body.
    pub span: std::ops::Range<usize>,
    pub figure: String,
    pub value: f64,
    pub unit: String,
    pub subject: Option<String>,
    pub subject_kind: Option<String>,
    /// The subject was read in the claim's own clause (not its sentence's or paragraph's).
    pub subject_own: bool,
    /// The metric's words as written.
    pub metric: String,
    /// The metric's words as compared (normalised, sorted).
    pub metric_words: Vec<String>,
    pub generic: bool,
    pub adjunct: Option<String>,
    pub time: String,
    pub modality: &'static str,
    pub place: String,
    /// total, part or plain.
    pub scope: &'static str,
    /// The sentence it stands in.
    pub sentence: String,
}

pub use crate::checks::explain::modality_name;

/// Whether a claim is said as a total, a part or neither.
fn scope_of(cx: &Context, id: ClaimId) -> &'static str {
    let r = &cx.claims.relations;
    if r.breakdowns.iter().any(|b| b.total == id) {
        "total"
    } else if r.breakdowns.iter().any(|b| b.parts.contains(&id)) {
        "part"
    } else {
        "plain"
    }
}

/// The row of one claim.
pub fn row(cx: &Context, id: ClaimId) -> ClaimRow {
    let c: &Claim = &cx.claims.all[id];
    let s = &cx.sections[c.section];
    let f = &s.figures[c.figure];
    ClaimRow {
        id,
        section_index: c.section,
        section: crate::checks::rules::section_name(cx, c.section),
        span: f.span.clone(),
        figure: s.text(f).to_string(),
        value: f.value,
        unit: f.unit.to_string(),
        subject: c.subject().map(|x| x.text.clone()),
        subject_kind: c.subject().map(|x| format!("{:?}", x.kind).to_lowercase()),
        subject_own: c.words.subject_own,
        metric: c.words.written.clone(),
        metric_words: c.words.metric.clone(),
        generic: c.words.generic,
        adjunct: c.words.adjunct.clone(),
        time: time_words(&c.time),
        modality: modality_name(c.modality),
        place: place_words(&c.place),
        scope: scope_of(cx, id),
        sentence: s.body[s.sentences[c.sentence].span.clone()].trim().to_string(),
    }
}

fn describe(cx: &Context, id: ClaimId) -> String {
    let c: &Claim = &cx.claims.all[id];
    let s = &cx.sections[c.section];
    s.text(&s.figures[c.figure]).to_string()
}

/// The relations, one a line.
fn relations(cx: &Context) -> Vec<String> {
    let mut out = Vec::new();
    let r = &cx.claims.relations;
    for b in &r.breakdowns {
        let parts: Vec<String> = b.parts.iter().map(|p| describe(cx, *p)).collect();
        out.push(format!(
            "总数 {} = {}{}{}",
            describe(cx, b.total),
            parts.join(" + "),
            if b.complete { "（列全）" } else { "" },
            if b.overlapping { "（可能重叠）" } else { "" }
        ));
    }
    for s in &r.shares {
        let shares: Vec<String> = s.shares.iter().map(|p| describe(cx, *p)).collect();
        out.push(format!("占比 {}", shares.join(" + ")));
    }
    for x in &r.rates {
        out.push(format!("比率 {} = {} ÷ {}", describe(cx, x.rate), describe(cx, x.part), describe(cx, x.whole)));
    }
    for g in &r.growth {
        out.push(format!(
            "增幅 {} 由 {} 到 {}（{:?}）",
            describe(cx, g.change),
            describe(cx, g.from),
            describe(cx, g.to),
            g.kind
        ));
    }
    for a in &r.averages {
        out.push(format!("平均 {} = {} ÷ {}", describe(cx, a.average), describe(cx, a.total), describe(cx, a.count)));
    }
    out
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}

fn text(cx: &Context, rows: &[ClaimRow]) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = writeln!(
            out,
            "#{}\t{}\t主体:{}\t指标:{}\t{}\t{}\t{}\t{}\t§{}",
            r.id,
            r.figure,
            r.subject.as_deref().unwrap_or("-"),
            or_dash(&r.metric_words.join("·")),
            or_dash(&r.time),
            r.modality,
            or_dash(&r.place),
            r.adjunct.as_deref().map_or(String::from("-"), |a| format!("对象:{a}")),
            r.section
        );
    }
    for line in relations(cx) {
        let _ = writeln!(out, "{line}");
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn html(cx: &Context, rows: &[ClaimRow], title: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font-family:sans-serif}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 6px}}</style>\
         </head><body><h1>{}</h1><table><tr><th>#</th><th>数字</th><th>主体</th><th>指标</th><th>时间</th><th>性质</th><th>地方</th><th>对象</th><th>章节</th></tr>\n",
        escape(title),
        escape(title)
    );
    for r in rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            r.id,
            escape(&r.figure),
            escape(r.subject.as_deref().unwrap_or("")),
            escape(&r.metric_words.join("·")),
            escape(&r.time),
            r.modality,
            escape(&r.place),
            escape(r.adjunct.as_deref().unwrap_or("")),
            escape(&r.section)
        );
    }
    out.push_str("</table><h2>关系</h2><ul>\n");
    for line in relations(cx) {
        let _ = writeln!(out, "<li>{}</li>", escape(&line));
    }
    out.push_str("</ul></body></html>\n");
    out
}

#[derive(Serialize)]
struct Json<'a> {
    claims: &'a [ClaimRow],
    relations: Vec<String>,
}

pub fn run(args: FileArgs, env: &Env) -> anyhow::Result<Outcome> {
    // The dictionaries load on their own thread while the file is read (see check).
    crate::checks::words::preload();
    let loaded = crate::format::load(&args.file, &LoadOptions::default())?;
    let cx = Context::new(&loaded.brief, env);
    let rows: Vec<ClaimRow> = (0..cx.claims.all.len()).map(|id| row(&cx, id)).collect();
    let out = match args.format {
        Format::Text => text(&cx, &rows),
        Format::Json => serde_json::to_string_pretty(&Json { claims: &rows, relations: relations(&cx) })? + "\n",
        Format::Html => html(&cx, &rows, &loaded.brief.meta.title),
    };
    print(&out)?;
    Ok(Outcome::Clean)
}
