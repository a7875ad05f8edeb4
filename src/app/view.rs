//! What the panels show that changes only with the document or its checks,
//! built once per revision instead of once per frame: the outline's heading
//! numbers, lengths and badges, and the ledger's formatted rows.

use std::collections::HashMap;

use super::state::Derived;
use crate::figures::Kind;
use crate::model::{Brief, SectionId, Severity};

/// The outline's numbers and lengths, for one document revision.
#[derive(Default)]
pub struct OutlineView {
    revision: Option<u64>,
    /// Heading numbers as exported (一、 （一）).
    pub numbers: HashMap<SectionId, String>,
    /// Characters of each section's body.
    pub chars: HashMap<SectionId, usize>,
    /// Characters of every body: the whole brief's length.
    pub total_chars: usize,
}

impl OutlineView {
    /// Rebuilds when the document moved on.
    pub fn update(&mut self, brief: &Brief, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.numbers = brief.heading_numbers().into_iter().collect();
        self.chars = brief.walk().map(|(s, _)| (s.id, s.body.chars().count())).collect();
        self.total_chars = brief.char_count();
    }
}

/// One figure of the ledger, formatted.
pub struct LedgerRow {
    /// Index into [`Derived::figures`].
    pub figure: usize,
    /// The figure as written.
    pub text: String,
    pub value: String,
    /// The words right before it: its context, and a label for the fact sheet.
    pub context: String,
    pub section_title: String,
}

/// Badges and the ledger, for one checked revision.
#[derive(Default)]
pub struct ChecksView {
    /// The check these rows were built from ([`Derived::generation`]).
    generation: u64,
    /// Errors and other findings per section.
    pub badges: HashMap<SectionId, (usize, usize)>,
    /// Every figure but identifiers, in document order.
    pub ledger: Vec<LedgerRow>,
}

impl ChecksView {
    /// Which check the view was built from: panels that cache their own lines key them on it.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

impl ChecksView {
    /// Rebuilds when new findings arrived.
    pub fn update(&mut self, derived: &Derived) {
        if self.generation == derived.generation {
            return;
        }
        self.generation = derived.generation;
        self.badges.clear();
        for d in &derived.diagnostics {
            // 无来源 marks a figure no source gives: the ledger's business, not a
            // problem of the section (with sources, nearly every section has some).
            if matches!(d.finding, crate::checks::Finding::Unsourced { .. }) {
                continue;
            }
            let entry = self.badges.entry(d.section).or_default();
            if d.severity == Severity::Error {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
        self.ledger = derived
            .figures
            .iter()
            .enumerate()
            .filter(|(_, (_, f))| f.kind != Kind::Identifier)
            .filter_map(|(i, (id, f))| {
                // Spans index the text as it was checked.
                let section = derived.brief.section(*id)?;
                // As a Chinese editor reads a value: 1.26亿, 12600万; a date as written.
                let value = match (f.kind, f.value_max) {
                    (Kind::Date | Kind::Ordinal, _) => section.body.get(f.span.clone()).unwrap_or("").to_string(),
                    (_, hi) => crate::model::value::show_range(f.value, hi),
                };
                Some(LedgerRow {
                    figure: i,
                    text: section.body.get(f.span.clone()).unwrap_or("").to_string(),
                    value,
                    context: lead_in(&section.body, f.span.start, 10),
                    section_title: section.title.clone(),
                })
            })
            .collect();
    }
}

/// The words right before a figure, back to the last clause break.
fn lead_in(body: &str, start: usize, chars: usize) -> String {
    let before: String = body[..start].chars().rev().take(chars).collect::<Vec<_>>().into_iter().rev().collect();
    let clause = before.rsplit(['，', '。', '、', '；', '：', '\n']).next().unwrap_or("");
    clause.trim().to_string()
}
