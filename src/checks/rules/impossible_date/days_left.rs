//! Days still to go, counted from the report's date (part of BD109).
//!
//! A report that says how many days are left counts them from the day it is
//! given to a day it names (距离2021年6月30日还有90天), or, when it names none
//! and speaks of the year's end, to 31 December of its year: a work report of
//! 2021年7月28日 that says 屈指156天 … 以全年工作的圆满收官 counts 3 days of July
//! and the 153 of August to December. The count may take in the report's own
//! day or not (156 or 157 here). Counted only where the text dates itself
//! ([`Context::dated`]: the brief's date or the dateline under its title),
//! never from the clock; a warning, since it rests on reading the count as
//! running from the report's day.
//!
//! Left alone: 还有20天 with no year's end and no date in its sentence, a
//! number of days a marker qualifies (还有近200天), and a text with no date of
//! its own.

use chrono::{Datelike, NaiveDate};

use super::super::super::{Context, Diagnostic, Finding, RelatedRole};
use super::{ImpossibleDate, last_day};
use crate::checks::lexicon::numerals::{DAYS_LEFT_WORDS, DAYS_UNTIL_WORDS, YEAR_END_WORDS};
use crate::figures::{DateParts, Figure, Kind, Qualifier, is_space};
use crate::model::Severity;

/// The day the count runs to: a date named after 距, 距离 or 离 before it in
/// its sentence (a full date, or a year's 年底), else the report year's
/// 31 December where a word of the year's end stands in the sentence.
fn counted_to(body: &str, sentence: &str, before: &[Figure], from: NaiveDate) -> Option<(NaiveDate, Option<usize>)> {
    let named = before.iter().rposition(|g| {
        g.kind == Kind::Date
            && DAYS_UNTIL_WORDS.iter().any(|w| body[..g.span.start].trim_end_matches(is_space).ends_with(w))
    });
    if let Some(i) = named {
        let d = before[i].date.as_ref()?;
        let whole = d.day.is_some() || matches!(d.period, Some("年底" | "年末"));
        let d = DateParts { year: d.year.or(Some(from.year())), ..(**d).clone() };
        return whole.then(|| last_day(&d)).flatten().map(|to| (to, Some(i)));
    }
    YEAR_END_WORDS
        .iter()
        .any(|w| sentence.contains(w))
        .then(|| NaiveDate::from_ymd_opt(from.year(), 12, 31))
        .flatten()
        .map(|to| (to, None))
}

pub(super) fn check(rule: &ImpossibleDate, cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(from) = cx.dated else { return };
    for s in &cx.sections {
        for sent in &s.sentences {
            let figs = s.sentence_figures(sent);
            for (k, f) in figs.iter().enumerate() {
                let whole_days = f.kind == Kind::Quantity
                    && matches!(f.unit, "天" | "日")
                    && f.qualifier == Qualifier::Exact
                    && f.value_max.is_none()
                    && f.value.fract() == 0.0;
                if !whole_days {
                    continue;
                }
                let lead = s.body[sent.span.start..f.span.start].trim_end_matches(is_space);
                if !DAYS_LEFT_WORDS.iter().any(|w| lead.ends_with(w)) {
                    continue;
                }
                let sentence = &s.body[sent.span.clone()];
                let Some((to, named)) = counted_to(s.body, sentence, &figs[..k], from) else { continue };
                let days = (to - from).num_days();
                let stated = f.value as i64;
                if days < 0 || stated == days || stated == days + 1 {
                    continue;
                }
                let finding = Finding::DaysLeft { stated: s.text(f).to_string(), from, to, days };
                let mut d = Diagnostic::new(rule, s.id, f.span.clone(), finding);
                if let Some(i) = named {
                    d = d.related(s.id, figs[i].span.clone(), RelatedRole::Date, s.text(&figs[i]));
                }
                d.severity = Severity::Warning;
                out.push(d);
            }
        }
    }
}
