use super::super::context::{half_ulp, interval, show};
use super::super::{Context, Diagnostic, Rule, RuleDoc};
use super::{metric_key, same_key};
use crate::figures::{Kind, Qualifier};
use crate::model::{FactEntry, Severity};

pub struct FactSheetMismatch;

static DOC: RuleDoc = RuleDoc {
    id: "BD102",
    name: "fact-sheet-mismatch",
    severity: Severity::Error,
    title_zh: "与事实表核定数字不符",
    title_en: "A mention of a fact-sheet entry with another value",
    what_zh: "对事实表中的每一项（如“投入帮扶资金 1.26亿元”），找出正文中紧挨数字之前写着同一说法、单位相同的数字，取值与核定值不符即报错。",
    what_en: "For each fact-sheet entry (投入帮扶资金 1.26亿元), finds the figures in the text written right after the same label with the same unit, and reports those whose value cannot be the verified one.",
    why_zh: "事实表是编辑核实过的数字，正文应以它为准。",
    why_en: "The fact sheet holds the figures the editor verified; the text should follow it.",
    example: "累计投入帮扶资金1.5亿元。",
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
        for fact in &cx.brief.facts {
            let label = fact.label.trim();
            if label.chars().count() < 2 {
                continue;
            }
            let (lo, hi) = fact_interval(fact);
            for s in &cx.sections {
                for (fi, f) in s.figures.iter().enumerate() {
                    if !matches!(f.kind, Kind::Quantity | Kind::Percent) || f.unit != fact.unit {
                        continue;
                    }
                    let floor = fi.checked_sub(1).map_or(0, |k| s.figures[k].span.end);
                    let key = metric_key(s.body, f, floor);
                    if !same_key(&key, label, 2) || !key.ends_with(label) && !label.ends_with(&key) {
                        continue;
                    }
                    let (flo, fhi) = interval(f, s.text(f));
                    let slack = half_ulp(s.text(f), f.value);
                    if flo <= hi + slack && lo - slack <= fhi {
                        continue;
                    }
                    let text = s.text(f);
                    let zh = format!("事实表中“{label}”为{}{}，此处写作{text}", show(fact.value), fact.unit);
                    let en = format!(
                        "the fact sheet gives {label} as {} {}, the text says {text}",
                        show(fact.value),
                        fact.unit
                    );
                    out.push(Diagnostic::new(self, s.id, f.span.clone(), zh, en));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::{Env, check};
    use crate::figures::Qualifier;
    use crate::model::{Brief, FactEntry, Role};

    fn fired(text: &str) -> usize {
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
            as_of: None,
        });
        check(&b, &Env::default()).iter().filter(|d| d.rule == "BD102").count()
    }

    #[test]
    fn fires_on_another_value() {
        assert_eq!(fired("累计投入帮扶资金1.5亿元。"), 1);
        // 1.3亿 is 1.26亿 rounded: no contradiction.
        assert_eq!(fired("累计投入帮扶资金约1.3亿元。"), 0);
        assert_eq!(fired("全市工会累计投入帮扶资金12800万元。"), 1);
    }

    #[test]
    fn silent_on_the_same_value_or_another_metric() {
        assert_eq!(fired("累计投入帮扶资金1.26亿元，即12600万元。"), 0);
        assert_eq!(fired("各级工会投入产业帮扶资金3650万元。"), 0);
    }
}
