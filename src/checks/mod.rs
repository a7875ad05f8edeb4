//! Consistency checks: the rules that catch figures that disagree.
//!
//! [`check`] builds a [`Context`] once (every section's figures, sentences and
//! the report date), runs every rule of the registry over it, then applies the
//! brief's settings: severity overrides, rules turned off, suppressed
//! diagnostics, and `<!-- briefdesk-disable BD101 -->` comments.

pub mod claims;
mod context;
pub mod explain;
pub mod finding;
pub mod identity;
pub mod lexicon;
pub mod rules;
pub mod shared_out;
mod suppress;
pub mod words;

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::lang::Lang;
pub use context::{Bounds, Context, SectionView, Sentence, interval};
pub use finding::{Finding, Role as RelatedRole, show};

use crate::model::{Brief, SectionId, Severity, SeveritySetting};

/// The outside world the checks may see, injected so that they are deterministic.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// Today, for briefs without a report date.
    pub today: Option<NaiveDate>,
    /// Words already cut, kept between checks by the window so that a
    /// keystroke re-reads one sentence; none on the command line.
    pub words: Option<std::sync::Arc<words::WordCache>>,
    /// Claims of sections already read, kept between checks by the window so
    /// that a keystroke re-reads the claims of one section; none on the command line.
    pub claims: Option<std::sync::Arc<claims::ClaimCache>>,
    /// The brief's sources, read and indexed (`check --source`, the 来源 panel):
    /// BD114 holds the figures to them. None: BD114 says nothing.
    pub sources: Vec<std::sync::Arc<crate::sources::SourceIndex>>,
}

impl Env {
    /// The real clock.
    pub fn now() -> Env {
        Env { today: Some(chrono::Local::now().date_naive()), ..Env::default() }
    }
}

/// Another place a diagnostic points at: the other mention, a part of a sum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub section: SectionId,
    /// Byte range in that section's body.
    pub span: Range<usize>,
    pub role: RelatedRole,
    /// The figure as written there.
    pub text: String,
}

impl Related {
    /// The related figure with its role: 分项 860户.
    pub fn label(&self, lang: Lang) -> String {
        format!("{} {}", self.role.name(lang), self.text)
    }
}

/// One finding of one rule, where it is, and what it points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// What was found, as data; [`Diagnostic::message`] renders it.
    pub finding: Finding,
    pub section: SectionId,
    /// Byte range in the section's body.
    pub span: Range<usize>,
    pub related: Vec<Related>,
    /// Replacement text for `span`, only where the fix is certain.
    pub fix: Option<String>,
    /// Replacements in other sections made with `fix`, as one edit (a text set in
    /// full-width digits throughout is fixed in every section at once).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes_elsewhere: Vec<FixElsewhere>,
    /// The finding is about the section's title (its number), not its body: `span`
    /// is then empty, and a file's reader places it at the title.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub on_title: bool,
}

/// A replacement elsewhere (another section, or another place in the same
/// one) that goes with a finding's fix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FixElsewhere {
    pub section: SectionId,
    /// Byte range in that section's body.
    pub span: Range<usize>,
    pub with: String,
}

impl Diagnostic {
    pub fn new(rule: &dyn Rule, section: SectionId, span: Range<usize>, finding: Finding) -> Diagnostic {
        Diagnostic {
            rule: rule.doc().id,
            severity: rule.doc().severity,
            finding,
            section,
            span,
            related: Vec::new(),
            fix: None,
            fixes_elsewhere: Vec::new(),
            on_title: false,
        }
    }

    pub fn related(
        mut self,
        section: SectionId,
        span: Range<usize>,
        role: RelatedRole,
        text: impl Into<String>,
    ) -> Self {
        self.related.push(Related { section, span, role, text: text.into() });
        self
    }

    pub fn fix(mut self, replacement: impl Into<String>) -> Self {
        self.fix = Some(replacement.into());
        self
    }

    /// The message, in the language asked for.
    pub fn message(&self, lang: Lang) -> String {
        self.finding.message(lang)
    }
}

/// A rule's documentation, in Chinese and English. `briefdesk rules ID` and the
/// GUI's tooltip show the same text.
#[derive(Debug)]
pub struct RuleDoc {
    /// BD plus three digits.
    pub id: &'static str,
    /// The bad pattern, in kebab case (breakdown-exceeds-total).
    pub name: &'static str,
    pub severity: Severity,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub what_zh: &'static str,
    pub what_en: &'static str,
    pub why_zh: &'static str,
    pub why_en: &'static str,
    /// A sentence that fires the rule.
    pub example: &'static str,
    /// The example corrected: it draws nothing.
    pub corrected: &'static str,
    pub fix_zh: &'static str,
    pub fix_en: &'static str,
}

impl RuleDoc {
    /// The doc in one language, for a tooltip: what the rule does, and the fix.
    pub fn render_in(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Zh => format!(
                "{} {}\n{}\n示例：{}\n修改：{}",
                self.id, self.title_zh, self.what_zh, self.example, self.fix_zh
            ),
            crate::lang::Lang::En => format!(
                "{} {}\n{}\nExample: {}\nFix: {}",
                self.id, self.title_en, self.what_en, self.example, self.fix_en
            ),
        }
    }

    /// The full doc as text, Chinese first.
    pub fn render(&self) -> String {
        format!(
            "{id} {name} ({sev})\n{tz} / {te}\n\n作用：{wz}\nWhat it does: {we}\n\n为什么：{yz}\nWhy it matters: {ye}\n\n示例 / Example:\n  {ex}\n\n修改后 / Corrected:\n  {co}\n\n修改：{fz}\nFix: {fe}\n",
            id = self.id,
            name = self.name,
            sev = self.severity.as_str(),
            tz = self.title_zh,
            te = self.title_en,
            wz = self.what_zh,
            we = self.what_en,
            yz = self.why_zh,
            ye = self.why_en,
            ex = self.example,
            co = self.corrected,
            fz = self.fix_zh,
            fe = self.fix_en,
        )
    }
}

/// One check.
pub trait Rule: Sync {
    fn doc(&self) -> &'static RuleDoc;
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    rules::ALL.iter().copied().find(|r| r.doc().id.eq_ignore_ascii_case(id))
}

/// Checks a brief: every rule, then the brief's settings and suppressions.
/// Diagnostics come sorted by section (document order) and position.
pub fn check(brief: &Brief, env: &Env) -> Vec<Diagnostic> {
    check_in(&Context::new(brief, env))
}

/// Checks over a context built already (the window keeps the context's
/// figures for its ledger, so they are extracted once).
pub fn check_in(cx: &Context) -> Vec<Diagnostic> {
    let brief = cx.brief;
    let run = |rule: &dyn Rule| {
        let id = rule.doc().id;
        let setting = brief.checks.severities.get(id).copied();
        let mut out = Vec::new();
        if setting == Some(SeveritySetting::Off) {
            return out;
        }
        rule.check(cx, &mut out);
        if let Some(s) = setting {
            let sev = match s {
                SeveritySetting::Info => Severity::Info,
                SeveritySetting::Warning => Severity::Warning,
                SeveritySetting::Error | SeveritySetting::Off => Severity::Error,
            };
            for d in &mut out {
                d.severity = sev;
            }
        }
        out
    };
    // The rules read the context and nothing else: the first (BD101, the longest)
    // runs on a thread of its own while the others run here (for a text that is
    // not short: `shared_out::beside`), and their findings
    // are joined in the rules' order, as one thread would give them.
    let (first, rest) = rules::ALL.split_first().map_or((None, &[][..]), |(f, r)| (Some(*f), r));
    let bytes = cx.sections.iter().map(|s| s.body.len()).sum();
    let (first, rest): (Vec<Diagnostic>, Vec<Vec<Diagnostic>>) = shared_out::beside(
        bytes,
        || first.map(run).unwrap_or_default(),
        || rest.iter().map(|rule| run(*rule)).collect(),
    );
    let mut out = first;
    out.extend(rest.into_iter().flatten());
    suppress::apply(cx, &mut out);
    let order: std::collections::HashMap<SectionId, usize> =
        cx.sections.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    out.sort_by_key(|d| (order.get(&d.section).copied().unwrap_or(usize::MAX), d.span.start, d.rule));
    out.dedup_by(|a, b| a.rule == b.rule && a.section == b.section && a.span == b.span);
    out
}

/// Counts of errors and warnings.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diags.iter().filter(|d| d.severity == Severity::Warning).count();
    (errors, warnings)
}
