//! Two drafts compared by their figures: which figures changed (the same
//! quantity, a new value), were added, or were removed, with their sentences,
//! grouped by section. Wording changes that move no figure are not listed.
//!
//! Both files are read by the one loader ([`crate::format::load`]) and their
//! figures by the figure engine. Sentences are aligned first (with `similar`,
//! on the sentences with their figures masked, so a figure that changed does
//! not unalign its sentence); within aligned sentences figures pair up in
//! order, unit by unit. Figures left over are paired as one quantity by the
//! identity test of the claims (a sentence reworded or moved), or by the
//! same value and unit in the same section (a reworded sentence), before
//! what is left is reported as added or removed.

use std::ops::Range;

use serde::Serialize;

use crate::checks::claims::family;
use crate::checks::identity::{Verdict, identity_across};
use crate::checks::{Context, Env};
use crate::figures::{Figure, Kind};
use crate::model::{Brief, SectionId};

/// What happened to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Changed,
    Added,
    Removed,
}

impl ChangeKind {
    pub fn word(self, lang: crate::lang::Lang) -> &'static str {
        use crate::lang::Lang::*;
        match (self, lang) {
            (ChangeKind::Changed, Zh) => "改",
            (ChangeKind::Added, Zh) => "增",
            (ChangeKind::Removed, Zh) => "删",
            (ChangeKind::Changed, En) => "changed",
            (ChangeKind::Added, En) => "added",
            (ChangeKind::Removed, En) => "removed",
        }
    }
}

/// A figure on one side of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The figure as written.
    pub text: String,
    /// Its sentence, trimmed.
    pub sentence: String,
    /// Its section's id and the figure's byte span in the section's body.
    pub section_id: SectionId,
    pub span: Range<usize>,
}

/// One figure that changed, was added or was removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// The section it is in (the new draft's; the old one's for a removal).
    pub section: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Side>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Side>,
}

/// A figure as compared: its value and unit, its place, its claim.
struct Fig {
    section: usize,
    figure: usize,
    sentence: usize,
    value: (u64, Option<u64>),
    family: String,
    kind: Kind,
    claim: Option<usize>,
}

/// One document's figures and sentences.
struct Doc<'a> {
    cx: Context<'a>,
    figs: Vec<Fig>,
    /// Sentences in order: (section, sentence index), their masked text, and their figures.
    sentences: Vec<(usize, usize, String, Vec<usize>)>,
}

/// Whether a figure is compared: a count, an amount, a share or a fraction.
fn compared(f: &Figure) -> bool {
    matches!(f.kind, Kind::Quantity | Kind::Percent | Kind::Fraction)
}

impl<'a> Doc<'a> {
    fn new(brief: &'a Brief) -> Doc<'a> {
        let cx = Context::new(brief, &Env::default());
        let mut claim_of = rustc_hash::FxHashMap::default();
        for (id, c) in cx.claims.all.iter().enumerate() {
            claim_of.insert((c.section, c.figure), id);
        }
        let mut figs = Vec::new();
        let mut sentences = Vec::new();
        for (si, s) in cx.sections.iter().enumerate() {
            for (ni, sent) in s.sentences.iter().enumerate() {
                let mut masked = String::with_capacity(sent.span.len());
                let mut at = sent.span.start;
                let mut own = Vec::new();
                for fi in sent.figures.clone() {
                    let f = &s.figures[fi];
                    if !compared(f) {
                        continue;
                    }
                    masked.push_str(&s.body[at.min(f.span.start)..f.span.start]);
                    masked.push('#');
                    at = f.span.end;
                    own.push(figs.len());
                    figs.push(Fig {
                        section: si,
                        figure: fi,
                        sentence: ni,
                        value: (f.value.to_bits(), f.value_max.map(f64::to_bits)),
                        family: family(f.unit).to_string(),
                        kind: f.kind,
                        claim: claim_of.get(&(si, fi)).copied(),
                    });
                }
                masked.push_str(&s.body[at.min(sent.span.end)..sent.span.end]);
                sentences.push((si, ni, masked.trim().to_string(), own));
            }
        }
        Doc { cx, figs, sentences }
    }

    fn side(&self, i: usize) -> Side {
        let f = &self.figs[i];
        let s = &self.cx.sections[f.section];
        let fig = &s.figures[f.figure];
        Side {
            text: s.text(fig).to_string(),
            sentence: crate::sources::index::quote(&s.body[s.sentences[f.sentence].span.clone()]),
            section_id: s.id,
            span: fig.span.clone(),
        }
    }

    fn section_name(&self, i: usize) -> String {
        let s = &self.cx.sections[self.figs[i].section];
        format!("{}{}", s.number, s.title)
    }

    fn same_quantity(&self, i: usize, other: &Doc, j: usize) -> bool {
        let (a, b) = (&self.figs[i], &other.figs[j]);
        let (Some(ca), Some(cb)) = (a.claim, b.claim) else { return false };
        let (ca, cb) = (&self.cx.claims.all[ca], &other.cx.claims.all[cb]);
        if !ca.words.is_specific() || ca.words.metric != cb.words.metric {
            return false;
        }
        let fa = &self.cx.sections[ca.section].figures[ca.figure];
        let fb = &other.cx.sections[cb.section].figures[cb.figure];
        matches!(identity_across((ca, fa), (cb, fb)), Verdict::Same(_))
    }
}

/// Pairs the figures of two aligned sentences in order, unit by unit.
fn pair_in_order(old: &Doc, new: &Doc, a: &[usize], b: &[usize], pairs: &mut Vec<(usize, usize)>) {
    let mut used = vec![false; b.len()];
    for &i in a {
        let f = &old.figs[i];
        if let Some(k) =
            (0..b.len()).find(|k| !used[*k] && new.figs[b[*k]].family == f.family && new.figs[b[*k]].kind == f.kind)
        {
            used[k] = true;
            pairs.push((i, b[k]));
        }
    }
}

/// How alike two masked sentences are, 0 to 1.
fn likeness(a: &str, b: &str) -> f32 {
    similar::TextDiff::configure().algorithm(similar::Algorithm::Myers).diff_chars(a, b).ratio()
}

/// The figures that changed, were added or were removed from `old` to `new`.
pub fn diff(old: &Brief, new: &Brief) -> Vec<Change> {
    let (old, new) = (Doc::new(old), Doc::new(new));
    let a: Vec<&str> = old.sentences.iter().map(|s| s.2.as_str()).collect();
    let b: Vec<&str> = new.sentences.iter().map(|s| s.2.as_str()).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &a, &b);
    for op in ops {
        let (_, old_range, new_range) = op.as_tag_tuple();
        if op.tag() == similar::DiffTag::Equal {
            for (i, j) in old_range.zip(new_range) {
                pair_in_order(&old, &new, &old.sentences[i].3, &new.sentences[j].3, &mut pairs);
            }
            continue;
        }
        // A replaced stretch: each old sentence with the most alike new one, when alike enough.
        let mut taken = vec![false; new_range.len()];
        for i in old_range {
            let best = new_range
                .clone()
                .enumerate()
                .filter(|(k, _)| !taken[*k])
                .map(|(k, j)| (k, j, likeness(a[i], b[j])))
                .max_by(|x, y| x.2.total_cmp(&y.2));
            if let Some((k, j, r)) = best
                && r >= 0.5
            {
                taken[k] = true;
                pair_in_order(&old, &new, &old.sentences[i].3, &new.sentences[j].3, &mut pairs);
            }
        }
    }
    let mut old_paired = vec![false; old.figs.len()];
    let mut new_paired = vec![false; new.figs.len()];
    for (i, j) in &pairs {
        old_paired[*i] = true;
        new_paired[*j] = true;
    }
    // Figures left over: one quantity by the identity test, or one value in the same section.
    let left_old: Vec<usize> = (0..old.figs.len()).filter(|i| !old_paired[*i]).collect();
    let left_new: Vec<usize> = (0..new.figs.len()).filter(|j| !new_paired[*j]).collect();
    for j in left_new {
        let g = &new.figs[j];
        let same_value = left_old.iter().copied().find(|i| {
            let f = &old.figs[*i];
            !old_paired[*i]
                && f.value == g.value
                && f.family == g.family
                && f.kind == g.kind
                && old.section_name(*i) == new.section_name(j)
        });
        let found =
            same_value.or_else(|| left_old.iter().copied().find(|i| !old_paired[*i] && old.same_quantity(*i, &new, j)));
        if let Some(i) = found {
            old_paired[i] = true;
            new_paired[j] = true;
            pairs.push((i, j));
        }
    }
    let mut out = Vec::new();
    for (i, j) in pairs {
        let (f, g) = (&old.figs[i], &new.figs[j]);
        if f.value != g.value || f.family != g.family {
            out.push((
                new.figs[j].section,
                new.figs[j].figure,
                Change {
                    kind: ChangeKind::Changed,
                    section: new.section_name(j),
                    old: Some(old.side(i)),
                    new: Some(new.side(j)),
                },
            ));
        }
    }
    for j in (0..new.figs.len()).filter(|j| !new_paired[*j]) {
        let c = Change { kind: ChangeKind::Added, section: new.section_name(j), old: None, new: Some(new.side(j)) };
        out.push((new.figs[j].section, new.figs[j].figure, c));
    }
    // A removal stands after the new draft's figures of its section, or at the end.
    for i in (0..old.figs.len()).filter(|i| !old_paired[*i]) {
        let name = old.section_name(i);
        let at = (0..new.cx.sections.len())
            .find(|s| format!("{}{}", new.cx.sections[*s].number, new.cx.sections[*s].title) == name)
            .unwrap_or(usize::MAX);
        let c = Change { kind: ChangeKind::Removed, section: name, old: Some(old.side(i)), new: None };
        out.push((at, usize::MAX, c));
    }
    out.sort_by_key(|(s, f, _)| (*s, *f));
    out.into_iter().map(|(_, _, c)| c).collect()
}

/// The changes grouped by section, in order.
pub fn by_section(changes: &[Change]) -> Vec<(&str, Vec<&Change>)> {
    let mut out: Vec<(&str, Vec<&Change>)> = Vec::new();
    for c in changes {
        match out.last_mut() {
            Some((name, list)) if *name == c.section => list.push(c),
            _ => out.push((&c.section, vec![c])),
        }
    }
    out
}
