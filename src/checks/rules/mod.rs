//! The registry: one explicit list of rules, one file per rule, and what the
//! rules share (reading a claim's figure, its text and its interval).

mod average_contradicts_total;
mod breakdown_exceeds_total;
mod duplicated_passage;
mod fact_sheet_mismatch;
mod growth_contradicts_values;
mod heading_numbering;
mod impossible_date;
mod numeral_form;
mod rate_contradicts_counts;
mod same_metric_different_values;
mod shares_exceed_whole;
mod source_mismatch;
mod stacked_approximation;
mod year_span_mismatch;

use super::claims::ClaimId;
use super::{Context, Diagnostic, Finding, RelatedRole, Rule};
use crate::figures::Figure;

/// Every rule, in id order.
pub static ALL: &[&dyn Rule] = &[
    &same_metric_different_values::SameMetricDifferentValues,
    &fact_sheet_mismatch::FactSheetMismatch,
    &breakdown_exceeds_total::BreakdownExceedsTotal,
    &shares_exceed_whole::SharesExceedWhole,
    &rate_contradicts_counts::RateContradictsCounts,
    &average_contradicts_total::AverageContradictsTotal,
    &growth_contradicts_values::GrowthContradictsValues,
    &year_span_mismatch::YearSpanMismatch,
    &impossible_date::ImpossibleDate,
    &heading_numbering::HeadingNumbering,
    &duplicated_passage::DuplicatedPassage,
    &stacked_approximation::StackedApproximation,
    &numeral_form::NumeralForm,
    &source_mismatch::SourceMismatch,
];

/// The text right before byte `at`, at most `n` characters, not crossing `floor`.
pub(crate) fn before(body: &str, at: usize, floor: usize, n: usize) -> &str {
    let floor = floor.min(at);
    let start = body[floor..at].char_indices().rev().nth(n.saturating_sub(1)).map_or(floor, |(i, _)| floor + i);
    &body[start..at]
}

/// A claim's figure.
pub(crate) fn figure<'a>(cx: &'a Context, id: ClaimId) -> &'a Figure {
    let c = &cx.claims.all[id];
    &cx.sections[c.section].figures[c.figure]
}

/// A claim's figure as written.
pub(crate) fn text<'a>(cx: &'a Context, id: ClaimId) -> &'a str {
    let c = &cx.claims.all[id];
    cx.sections[c.section].text(figure(cx, id))
}

/// The interval of values a claim allows.
pub(crate) fn interval(cx: &Context, id: ClaimId) -> (f64, f64) {
    super::context::interval(figure(cx, id), text(cx, id))
}

/// A finding on a claim's figure.
pub(crate) fn finding_at(rule: &dyn Rule, cx: &Context, id: ClaimId, finding: Finding) -> Diagnostic {
    let c = &cx.claims.all[id];
    Diagnostic::new(rule, cx.sections[c.section].id, figure(cx, id).span.clone(), finding)
}

/// Points a finding at another claim.
pub(crate) fn with(d: Diagnostic, cx: &Context, id: ClaimId, role: RelatedRole) -> Diagnostic {
    let c = &cx.claims.all[id];
    d.related(cx.sections[c.section].id, figure(cx, id).span.clone(), role, text(cx, id))
}

/// A section's name as printed: its heading number and title.
pub fn section_name(cx: &Context, section: usize) -> String {
    let s = &cx.sections[section];
    let own = format!("{}{}", s.number, s.title);
    // A title that several sections share (2.农业资源 under each town) is named
    // with its top-level section: 柳河镇 › 2.农业资源.
    let shared = cx.sections.iter().enumerate().any(|(i, o)| i != section && o.title == s.title);
    let mut top = section;
    while let Some(p) = cx.parents[top] {
        top = p;
    }
    if shared && top != section {
        let t = &cx.sections[top];
        format!("{}{} › {own}", t.number, t.title)
    } else {
        own
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_ids_are_unique_and_docs_complete() {
        let mut ids = std::collections::HashSet::new();
        for r in ALL {
            let d = r.doc();
            assert!(ids.insert(d.id), "duplicate id {}", d.id);
            assert!(
                d.id.len() == 5 && d.id.starts_with("BD") && d.id[2..].chars().all(|c| c.is_ascii_digit()),
                "{}",
                d.id
            );
            assert!(!d.name.is_empty() && d.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", d.name);
            for (field, text) in [
                ("title_zh", d.title_zh),
                ("title_en", d.title_en),
                ("what_zh", d.what_zh),
                ("what_en", d.what_en),
                ("why_zh", d.why_zh),
                ("why_en", d.why_en),
                ("example", d.example),
                ("corrected", d.corrected),
                ("fix_zh", d.fix_zh),
                ("fix_en", d.fix_en),
            ] {
                assert!(text.chars().count() >= 4, "{} has no {field}", d.id);
            }
        }
        let mut sorted: Vec<_> = ALL.iter().map(|r| r.doc().id).collect();
        sorted.sort();
        assert_eq!(sorted, ALL.iter().map(|r| r.doc().id).collect::<Vec<_>>(), "the registry is in id order");
    }

    #[test]
    fn every_rule_fires_on_its_own_example() {
        for r in ALL {
            let d = r.doc();
            let diags = crate::checks::rules::testing::run_example_for(d.id, d.example);
            assert!(
                diags.iter().any(|x| x.rule == d.id),
                "{} does not fire on its example {:?}: {diags:?}",
                d.id,
                d.example
            );
        }
    }

    #[test]
    fn every_corrected_example_draws_nothing() {
        for r in ALL {
            let d = r.doc();
            let diags = crate::checks::rules::testing::run_example_for(d.id, d.corrected);
            assert!(diags.is_empty(), "{}'s corrected example {:?} draws {diags:?}", d.id, d.corrected);
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::checks::{Diagnostic, Env, check};
    use crate::model::{Brief, Role, Taxonomy, Template};

    /// Checks a rule's doc example: BD114's against its one source, which
    /// gives 2023年全县投入帮扶资金12,563万元; every other rule's with no source.
    pub fn run_example_for(id: &str, text: &str) -> Vec<Diagnostic> {
        let mut env = Env::default();
        if id == "BD114" {
            let source = "2023年，全县投入帮扶资金12,563万元。\n";
            env.sources = vec![std::sync::Arc::new(crate::sources::SourceIndex::from_text("公报.txt", source))];
        }
        run_example_in(text, &env)
    }

    /// Checks a rule's doc example. Lines that open with 内容提要： or 技能扶贫：
    /// become those sections; the brief carries one fact, 投入帮扶资金 1.26亿元.
    fn run_example_in(text: &str, env: &Env) -> Vec<Diagnostic> {
        if let Some((summary, body)) = text.split_once('\n')
            && let (Some(s), Some(b)) = (summary.strip_prefix("内容提要："), body.strip_prefix("技能扶贫："))
        {
            return check(&two_sections(s, b), env);
        }
        let mut b = one_section(text);
        b.facts.push(crate::model::FactEntry {
            label: "投入帮扶资金".into(),
            value: 126_000_000.0,
            value_max: None,
            unit: "元".into(),
            qualifier: crate::figures::Qualifier::Exact,
            source: String::new(),
            as_of: None,
        });
        check(&b, env)
    }

    fn one_section(text: &str) -> Brief {
        let mut b = Brief::default();
        b.meta.heading_numbers = false;
        let s = b.new_section(Role::Custom, "正文", text);
        b.sections.push(s);
        b.meta.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 15);
        b
    }

    /// Checks text as the body of the one, unnumbered section of a brief dated 2024-03-15.
    pub fn run_text(text: &str) -> Vec<Diagnostic> {
        check(&one_section(text), &Env::default())
    }

    /// The ids of the rules that fire on text.
    pub fn fired(text: &str, id: &str) -> usize {
        run_text(text).iter().filter(|d| d.rule == id).count()
    }

    /// A brief with a summary and a 技能扶贫 section.
    pub fn two_sections(summary: &str, body: &str) -> Brief {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        b.meta.date = chrono::NaiveDate::from_ymd_opt(2024, 3, 15);
        b.sections[0].body = summary.into();
        b.sections[2].children[3].body = body.into();
        b
    }
}
