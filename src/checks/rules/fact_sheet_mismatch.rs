//! BD102: a figure that names a fact-sheet entry with another value. The
//! entry's label is matched against each claim's metric, as BD101 matches two
//! claims; targets and forecasts are not held to the fact sheet.

use super::super::claims::{Metric, Modality, Period, family};
use super::super::{Context, Diagnostic, Finding, Rule, RuleDoc};
use super::{figure, finding_at, interval, text};
use crate::figures::Qualifier;
use crate::model::{FactEntry, Severity};

pub struct FactSheetMismatch;

static DOC: RuleDoc = RuleDoc {
    id: "BD102",
    name: "fact-sheet-mismatch",
    severity: Severity::Error,
    title_zh: "与事实表核定数字不符",
    title_en: "A mention of a fact-sheet entry with another value",
    what_zh: "对事实表中的每一项（如“投入帮扶资金 1.26亿元”），找出正文中说的是同一指标（说法可以不同）、单位相同的实际数，取值与核定值不符即报错；目标数、预计数和其他年份的数字不比较。",
    what_en: "For each fact-sheet entry (投入帮扶资金 1.26亿元), finds the actual figures in the text that state the same metric (in any wording) in the same unit, and reports those whose value cannot be the verified one. Targets, forecasts and other years are not compared.",
    why_zh: "事实表是编辑核实过的数字，正文应以它为准。",
    why_en: "The fact sheet holds the figures the editor verified; the text should follow it.",
    example: "累计投入帮扶资金1.5亿元。",
    corrected: "累计投入帮扶资金1.26亿元。",
    fix_zh: "把正文数字改为事实表中的核定值，或更新事实表。",
    fix_en: "Change the text to the verified value, or update the fact sheet.",
};

fn fact_interval(f: &FactEntry) -> (f64, f64) {
    let v = f.value;
    match f.qualifier {
        Qualifier::Exact => (v, v),
        Qualifier::Range => (v, f.value_max.unwrap_or(v)),
        Qualifier::Approx => (v * 0.9, v * 1.1),
        Qualifier::Over | Qualifier::AtLeast => (v, f64::INFINITY),
        Qualifier::Nearly => (v * 0.8, v),
        Qualifier::Under | Qualifier::AtMost => (0.0, v),
    }
}

impl Rule for FactSheetMismatch {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for (index, fact) in cx.brief.facts.iter().enumerate() {
            let label = Metric::from_text(fact.label.trim().to_string());
            if !label.is_specific() {
                continue;
            }
            let (lo, hi) = fact_interval(fact);
            let year = fact.as_of.map(|d| chrono::Datelike::year(&d));
            for (id, c) in cx.claims.all.iter().enumerate() {
                let f = figure(cx, id);
                if family(f.unit) != family(&fact.unit) || c.modality != Modality::Actual || c.depth > 0 {
                    continue;
                }
                // A fact is as of a date; a claim in a named year is held to it. A
                // cumulative claim (2021年以来累计) names where it starts, not its date;
                // a stretch of years (2021年至2023年) ends in its last year.
                let as_of = match c.time.period {
                    Period::Since(_) | Period::Past(_) => None,
                    Period::Years(_, last) => Some(last),
                    _ => c.time.year,
                };
                if let (Some(a), Some(b)) = (year, as_of)
                    && a != b
                {
                    continue;
                }
                if !label.within(&c.metric) {
                    continue;
                }
                let (flo, fhi) = interval(cx, id);
                if flo <= hi && lo <= fhi {
                    continue;
                }
                let finding = Finding::FactSheet {
                    fact: index,
                    label: fact.label.trim().to_string(),
                    value: fact.value,
                    unit: fact.unit.clone(),
                    here: text(cx, id).to_string(),
                };
                out.push(finding_at(self, cx, id, finding));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::{Env, Finding, check};
    use crate::figures::Qualifier;
    use crate::model::{Brief, FactEntry, Role};

    fn fired(text: &str) -> usize {
        fired_as_of(text, None)
    }

    fn fired_as_of(text: &str, as_of: Option<&str>) -> usize {
        let mut b = Brief::default();
        let s = b.new_section(Role::Summary, "内容提要", text);
        b.sections.push(s);
        b.facts.push(FactEntry {
            label: "投入帮扶资金".into(),
            value: 126_000_000.0,
            value_max: None,
            unit: "元".into(),
            qualifier: Qualifier::Exact,
            source: "财务决算".into(),
            as_of: as_of.map(|d| d.parse().expect("a date")),
        });
        let diags = check(&b, &Env::default());
        for d in &diags {
            if let Finding::FactSheet { fact, .. } = d.finding {
                assert_eq!(fact, 0, "the finding names its entry by index");
            }
        }
        diags.iter().filter(|d| d.rule == "BD102").count()
    }

    #[test]
    fn fires_on_another_value() {
        assert_eq!(fired("累计投入帮扶资金1.5亿元。"), 1);
        // 1.3亿 is 1.26亿 rounded: no contradiction.
        assert_eq!(fired("累计投入帮扶资金约1.3亿元。"), 0);
        assert_eq!(fired("全市工会累计投入帮扶资金12800万元。"), 1);
        // Reworded: the noun before the verb.
        assert_eq!(fired("全市工会帮扶资金投入达1.5亿元。"), 1);
    }

    #[test]
    fn a_dated_fact_holds_claims_of_its_year_and_cumulative_ones() {
        let end_2023 = Some("2023-12-31");
        assert_eq!(fired_as_of("2021年以来，累计投入帮扶资金1.5亿元。", end_2023), 1);
        assert_eq!(fired_as_of("2021年至2023年，累计投入帮扶资金1.5亿元。", end_2023), 1);
        assert_eq!(fired_as_of("2023年，投入帮扶资金1.5亿元。", end_2023), 1);
        // Another year's figure is not the fact's.
        assert_eq!(fired_as_of("2022年，投入帮扶资金1.5亿元。", end_2023), 0);
        assert_eq!(fired_as_of("2020年至2022年，累计投入帮扶资金1.5亿元。", end_2023), 0);
    }

    #[test]
    fn silent_on_the_same_value_another_metric_or_a_target() {
        assert_eq!(fired("累计投入帮扶资金1.26亿元，即12600万元。"), 0);
        assert_eq!(fired("各级工会投入产业帮扶资金3650万元。"), 0);
        assert_eq!(fired("力争明年投入帮扶资金1.5亿元。"), 0);
    }
}
