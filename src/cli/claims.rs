//! `briefdesk claims FILE`: what the checks read. Every figure that counts or
//! measures, with its metric, time, modality and place, then the relations
//! found between them (totals and parts, shares, rates, growth, averages).

use std::fmt::Write as _;

use super::{FileArgs, Format, Outcome, print};
use crate::checks::claims::{Claim, ClaimId, Modality, Period, Place};
use crate::checks::{Context, Env};
use crate::format::LoadOptions;

fn describe(cx: &Context, id: ClaimId) -> String {
    let c: &Claim = &cx.claims.all[id];
    let s = &cx.sections[c.section];
    s.text(&s.figures[c.figure]).to_string()
}

fn time(c: &Claim) -> String {
    let mut t = String::new();
    if let Some(y) = c.time.year
        && !matches!(c.time.period, Period::Since(Some(_)) | Period::Years(..))
    {
        let _ = write!(t, "{y}年");
    }
    if let Some(r) = c.time.relative {
        t.push_str(match r {
            0 => "今年",
            -1 => "上年",
            _ => "明年",
        });
    }
    match c.time.period {
        Period::Whole => {}
        Period::Months(a, b) => {
            let _ = write!(t, "{a}–{b}月");
        }
        Period::ToDate => t.push_str("以来"),
        Period::Since(Some(y)) => {
            let _ = write!(t, "{y}年以来累计");
        }
        Period::Since(None) => t.push_str("累计"),
        Period::AnnualAverage => t.push_str("年均"),
        Period::Past(n) => {
            let _ = write!(t, "近{n}年");
        }
        Period::Years(a, b) => {
            let _ = write!(t, "{a}–{b}年");
        }
    }
    if t.is_empty() { "-".into() } else { t }
}

pub fn run(args: FileArgs, env: &Env) -> anyhow::Result<Outcome> {
    if args.format != Format::Text {
        anyhow::bail!("`claims` writes text");
    }
    let loaded = crate::format::load(&args.file, &LoadOptions::default())?;
    let cx = Context::new(&loaded.brief, env);
    let mut out = String::new();
    for (id, c) in cx.claims.all.iter().enumerate() {
        let modality = match c.modality {
            Modality::Actual => "实际",
            Modality::Target => "目标",
            Modality::Forecast => "预计",
            Modality::Standard => "标准",
        };
        let place = match &c.place {
            Place::Unnamed => "-".to_string(),
            Place::Whole(l) => format!("全{l}"),
            Place::Named(n, _) => n.clone(),
        };
        let _ = writeln!(
            out,
            "#{id}\t{}\t{}\t{}\t{modality}\t{place}\t§{}",
            describe(&cx, id),
            if c.metric.text.is_empty() { "-" } else { &c.metric.text },
            time(c),
            cx.sections[c.section].title
        );
    }
    let r = &cx.claims.relations;
    for b in &r.breakdowns {
        let parts: Vec<String> = b.parts.iter().map(|p| describe(&cx, *p)).collect();
        let _ = writeln!(
            out,
            "总数 {} = {}{}{}",
            describe(&cx, b.total),
            parts.join(" + "),
            if b.complete { "（列全）" } else { "" },
            if b.overlapping { "（可能重叠）" } else { "" }
        );
    }
    for s in &r.shares {
        let shares: Vec<String> = s.shares.iter().map(|p| describe(&cx, *p)).collect();
        let _ = writeln!(out, "占比 {}", shares.join(" + "));
    }
    for x in &r.rates {
        let _ =
            writeln!(out, "比率 {} = {} ÷ {}", describe(&cx, x.rate), describe(&cx, x.part), describe(&cx, x.whole));
    }
    for g in &r.growth {
        let _ = writeln!(
            out,
            "增幅 {} 由 {} 到 {}（{:?}）",
            describe(&cx, g.change),
            describe(&cx, g.from),
            describe(&cx, g.to),
            g.kind
        );
    }
    for a in &r.averages {
        let _ = writeln!(
            out,
            "平均 {} = {} ÷ {}",
            describe(&cx, a.average),
            describe(&cx, a.total),
            describe(&cx, a.count)
        );
    }
    print(&out)?;
    Ok(Outcome::Clean)
}
