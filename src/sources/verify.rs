//! A draft held to its sources: each of its figures checked against the
//! sources' claims of the same quantity.
//!
//! A figure of the draft that can be compared (a count, an amount or a share,
//! no change, no standard) is looked up in every source by what it measures,
//! and each candidate is put to the identity test
//! ([`crate::checks::identity::identity_across`]): subject, metric, time,
//! modality and place must agree. Then:
//!
//! - a candidate whose interval meets the figure's (rounding, 万 and 亿, 约,
//!   近 and 余 within their meaning) makes the figure **checked** (已核对);
//! - candidates that are the same quantity but none agreeing make a
//!   **mismatch**, cited with the nearest of them (the fewest assumptions);
//! - no candidate at all leaves it **unsourced** (无来源).
//!
//! Two documents that date themselves in different years (a work report of
//! 2020 and one of 2021) share only times both say: not one that either
//! leaves unsaid, nor their 今年 and 上年: a figure the later report gives for 年内 is not its
//! predecessor's figure for 年内.

use serde::Serialize;

use super::index::{Key, SourceClaim, SourceIndex, changes, comparable, said_as_part};
use crate::checks::Context;
use crate::checks::claims::{ClaimId, Time};
use crate::checks::identity::{Assumption, Verdict, identity_across};

/// A source's claim, named: which source (index in the list given) and which claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cited {
    pub source: usize,
    pub claim: usize,
}

/// What the sources say of one figure of the draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// A source gives the same quantity with a value that agrees.
    Checked { by: Cited },
    /// The sources give the same quantity, and no value of theirs agrees.
    Mismatch { by: Cited, assumed: Vec<Assumption> },
    /// No source gives this quantity.
    Unsourced,
}

/// One figure of the draft with what the sources say of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verified {
    pub claim: ClaimId,
    pub status: Status,
}

/// Holds every comparable figure of the draft to the sources.
pub fn verify(cx: &Context, sources: &[std::sync::Arc<SourceIndex>]) -> Vec<Verified> {
    if sources.is_empty() {
        return Vec::new();
    }
    let changes = changes(cx);
    let mut out = Vec::new();
    for (id, c) in cx.claims.all.iter().enumerate() {
        let s = &cx.sections[c.section];
        let f = &s.figures[c.figure];
        if !comparable(cx, c, f, &changes, id) {
            continue;
        }
        let key = Key::of(c, f);
        let part = said_as_part(cx, c, f);
        let (lo, hi) = crate::checks::interval(f, s.text(f));
        // The same quantity in the sources: agreeing or not, with what it assumed.
        let mut agreeing: Option<(usize, Cited)> = None;
        let mut differing: Option<(Vec<Assumption>, Cited)> = None;
        for (si, source) in sources.iter().enumerate() {
            use chrono::Datelike;
            let years_differ = matches!((cx.dated, source.dated), (Some(a), Some(b)) if a.year() != b.year());
            for k in source.candidates(&key, c.time.year) {
                let sc: &SourceClaim = &source.claims[k];
                if sc.part != part {
                    continue;
                }
                let Verdict::Same(assumed) = identity_across((c, f), (&sc.claim, &sc.figure)) else { continue };
                let silent = Time::default();
                if years_differ
                    && (assumed.iter().any(|a| matches!(a, Assumption::Time { .. }))
                        || c.time == silent
                        || sc.claim.time == silent
                        || c.time.relative.is_some()
                        || sc.claim.time.relative.is_some())
                {
                    continue;
                }
                let cited = Cited { source: si, claim: k };
                let (slo, shi) = sc.interval;
                if slo <= hi && lo <= shi {
                    if agreeing.as_ref().is_none_or(|(n, _)| assumed.len() < *n) {
                        agreeing = Some((assumed.len(), cited));
                    }
                    // One that agrees on nothing assumed settles it.
                    if assumed.is_empty() {
                        break;
                    }
                } else if differing.as_ref().is_none_or(|(a, _)| assumed.len() < a.len()) {
                    differing = Some((assumed, cited));
                }
            }
        }
        let status = match (agreeing, differing) {
            (Some((_, by)), _) => Status::Checked { by },
            (None, Some((assumed, by))) => Status::Mismatch { by, assumed },
            (None, None) => Status::Unsourced,
        };
        out.push(Verified { claim: id, status });
    }
    out
}
