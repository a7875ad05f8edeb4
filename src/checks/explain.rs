//! What stands behind a finding, for `briefdesk check --explain`: the claims
//! of the figures it names (each with its subject, metric, time, modality and
//! place, as `briefdesk claims` reads them) and, between the figure found and
//! each figure it is compared with, the identity test's verdict: one quantity
//! (and on what assumptions) or not, and why not.
//!
//! A finding of arithmetic within one statement (BD103's parts and total) shows
//! its claims only: its figures are different quantities by design (a total and
//! its parts), so no identity verdict is printed. The verdict is printed for the
//! rules that pair figures as one quantity ([`IDENTITY_RULES`]): a warning there
//! rests on the assumptions listed.

/// The rules that pair two figures as one quantity by the identity test.
pub const IDENTITY_RULES: &[&str] = &["BD101"];

use serde::Serialize;

use super::claims::ClaimId;
use super::identity::{Verdict, identity, place_words, time_words};
use super::{Context, Diagnostic};
use crate::lang::Lang;

/// One claim as an explanation shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimLine {
    pub figure: String,
    pub subject: Option<String>,
    /// The metric's words as compared, joined by ·.
    pub metric: String,
    pub time: String,
    pub modality: &'static str,
    pub place: String,
    pub adjunct: Option<String>,
}

/// The identity test between the figure found and one related figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pairing {
    pub with: String,
    /// One quantity by the identity test.
    pub same: bool,
    /// What the identity assumed (one quantity), or why the two are not one (empty when one).
    pub reasons: Vec<String>,
    pub reasons_en: Vec<String>,
}

/// Everything an explanation of one finding prints.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// The figure found first, then each related figure that is a claim.
    pub claims: Vec<ClaimLine>,
    pub pairings: Vec<Pairing>,
}

/// A claim's modality as the claims and the explanations print it.
pub fn modality_name(m: super::claims::Modality) -> &'static str {
    use super::claims::Modality::*;
    match m {
        Actual => "实际",
        Target => "目标",
        Forecast => "预计",
        Standard => "标准",
    }
}

/// The claim whose figure lies within or over `span` in section `index`.
fn claim_at(cx: &Context, index: usize, span: &std::ops::Range<usize>) -> Option<ClaimId> {
    cx.claims.all.iter().position(|c| {
        c.section == index && {
            let f = &cx.sections[index].figures[c.figure].span;
            f.start < span.end.max(span.start + 1) && span.start < f.end
        }
    })
}

fn line(cx: &Context, id: ClaimId) -> ClaimLine {
    let c = &cx.claims.all[id];
    let s = &cx.sections[c.section];
    ClaimLine {
        figure: s.text(&s.figures[c.figure]).to_string(),
        subject: c.subject().map(|x| x.text.clone()),
        metric: c.words.metric.join("·"),
        time: time_words(&c.time),
        modality: modality_name(c.modality),
        place: place_words(&c.place),
        adjunct: c.words.adjunct.clone(),
    }
}

/// The claims behind a finding and the identity test between them.
pub fn explain(cx: &Context, d: &Diagnostic) -> Explanation {
    let index_of = |id| cx.sections.iter().position(|s| s.id == id);
    let Some(found) = index_of(d.section).and_then(|i| claim_at(cx, i, &d.span)) else {
        return Explanation::default();
    };
    let mut out = Explanation { claims: vec![line(cx, found)], pairings: Vec::new() };
    let mut seen = vec![found];
    for r in &d.related {
        let Some(other) = index_of(r.section).and_then(|i| claim_at(cx, i, &r.span)) else { continue };
        if seen.contains(&other) {
            continue;
        }
        seen.push(other);
        out.claims.push(line(cx, other));
        if !IDENTITY_RULES.contains(&d.rule) {
            continue;
        }
        let (same, reasons, reasons_en) = match identity(cx, found, other) {
            Verdict::Same(assumed) => (
                true,
                assumed.iter().map(|a| a.message(Lang::Zh)).collect(),
                assumed.iter().map(|a| a.message(Lang::En)).collect(),
            ),
            Verdict::Different(why) => {
                (false, vec![why.message(Lang::Zh).to_string()], vec![why.message(Lang::En).to_string()])
            }
        };
        out.pairings.push(Pairing { with: r.text.clone(), same, reasons, reasons_en });
    }
    out
}

impl Explanation {
    /// The explanation as lines of text, indented under a finding.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for c in &self.claims {
            let or_dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
            out.push(format!(
                "读作 / read as: {}  主体 {} · 指标 {} · 时间 {} · {} · 地方 {}{}",
                c.figure,
                c.subject.as_deref().unwrap_or("-"),
                or_dash(&c.metric),
                or_dash(&c.time),
                c.modality,
                or_dash(&c.place),
                c.adjunct.as_deref().map(|a| format!(" · 对象 {a}")).unwrap_or_default()
            ));
        }
        let first = self.claims.first().map_or("", |c| c.figure.as_str());
        for p in &self.pairings {
            let verdict = match (p.same, p.reasons.is_empty()) {
                (true, true) => "同一数量，文中可证 / one quantity, as the text proves".to_string(),
                (true, false) => format!(
                    "同一数量，假设{} / one quantity, assuming {}",
                    p.reasons.join("；"),
                    p.reasons_en.join("; ")
                ),
                (false, _) => {
                    format!("不是同一数量：{} / not one quantity: {}", p.reasons.join("；"), p.reasons_en.join("; "))
                }
            };
            out.push(format!("{first} 与 {}: {verdict}", p.with));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Env, check};
    use crate::model::{Brief, Role};

    fn brief(sections: &[(Role, &str, &str)]) -> Brief {
        let mut b = Brief::default();
        for (role, title, body) in sections {
            let s = b.new_section(role.clone(), *title, *body);
            b.sections.push(s);
        }
        b
    }

    fn explained(b: &Brief, rule: &str) -> Vec<Explanation> {
        let env = Env::default();
        let cx = Context::new(b, &env);
        check(b, &env).iter().filter(|d| d.rule == rule).map(|d| explain(&cx, d)).collect()
    }

    #[test]
    fn a_warning_shows_what_the_identity_assumed() {
        let b = brief(&[
            (Role::Summary, "内容提要", "2023年，全县全年培训农村实用人才4200人次。"),
            (Role::Custom, "技能培训", "全年共培训农村实用人才3900人次，多数已返岗。"),
        ]);
        let e = explained(&b, "BD101");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].claims.len(), 2);
        assert!(e[0].pairings[0].same);
        assert!(!e[0].pairings[0].reasons.is_empty(), "a warning rests on assumptions: {:?}", e[0]);
        assert!(e[0].lines().iter().any(|l| l.contains("假设")), "{:?}", e[0].lines());
    }

    #[test]
    fn a_breakdown_shows_its_claims_and_no_identity() {
        let b = brief(&[(Role::Custom, "正文", "全镇共有合作社30家，其中种植合作社18家，养殖合作社16家。")]);
        let e = explained(&b, "BD103");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].claims.len(), 3, "{e:?}");
        assert!(e[0].pairings.is_empty(), "{e:?}");
    }

    #[test]
    fn a_finding_on_no_claim_explains_nothing() {
        let b = brief(&[(Role::Custom, "正文", "会议于2023年2月30日召开。")]);
        let env = Env::default();
        let cx = Context::new(&b, &env);
        let d = check(&b, &env);
        let bd109: Vec<_> = d.iter().filter(|d| d.rule == "BD109").collect();
        assert_eq!(bd109.len(), 1);
        assert!(explain(&cx, bd109[0]).pairings.is_empty());
    }
}
