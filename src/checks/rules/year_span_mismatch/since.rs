//! A stretch since a starting year against the text's own date (part of BD108).
//!
//! 自1993年定点帮扶以来，28年如一日 in a report of 2021: the years since the
//! start are the report's year less the starting year, 2021 − 1993 = 28. The
//! stretch follows the clause that opens it (自/从 A年…以来/起, then a comma),
//! and is written N年如一日 or N年来. It may be counted to the year before a
//! report given early in its year, or with both ends: N within one year of the
//! difference is right. Only where the text dates itself (the brief's date, or
//! the dateline under its title), never from the clock; a warning, since it
//! rests on reading the stretch as running up to the report.
//!
//! Left alone: 自2013年至2020年 (a closed span), a stretch further on in the
//! sentence (自2013年以来，全县…，近三年来…), a text with no date of its own.

use chrono::Datelike;

use super::super::super::{Context, Diagnostic, Finding, RelatedRole, SectionView};
use super::{YearSpanMismatch, bare_year, ends_with_any, whole_years};
use crate::checks::lexicon::numerals::{SINCE_CLOSE, SINCE_OPEN, SINCE_SPAN_AFTER};
use crate::figures::is_space;
use crate::model::Severity;

pub(super) fn check(rule: &YearSpanMismatch, cx: &Context, s: &SectionView, out: &mut Vec<Diagnostic>) {
    let Some(dated) = cx.dated else { return };
    let now = dated.year();
    for sent in &s.sentences {
        let figs = s.sentence_figures(sent);
        for (i, a) in figs.iter().enumerate() {
            let Some(start) = bare_year(a).filter(|y| *y < now) else { continue };
            if !ends_with_any(s.body[sent.span.start..a.span.start].trim_end_matches(is_space), SINCE_OPEN) {
                continue;
            }
            // The clause stays open (以来, 起): no other year before its close.
            // The clause that opens the stretch is short (自1993年定点帮扶以来): 60 characters at most.
            let reach = (a.span.end + 180).min(sent.span.end);
            let reach = (reach..=sent.span.end).find(|k| s.body.is_char_boundary(*k)).unwrap_or(sent.span.end);
            let rest = &s.body[a.span.end..reach];
            let Some((close, word)) = SINCE_CLOSE.iter().filter_map(|w| rest.find(w).map(|k| (k, *w))).min() else {
                continue;
            };
            let closed = a.span.end + close + word.len();
            let Some(n_fig) = figs[i + 1..].iter().find(|g| g.span.start >= closed) else { continue };
            if figs[i + 1..].iter().any(|g| g.span.start < closed) {
                continue;
            }
            // Right after the clause: only a comma between.
            let between =
                s.body[closed..n_fig.span.start].trim_matches(|c: char| is_space(c) || matches!(c, '，' | ','));
            let after = &s.body[n_fig.span.end..];
            let Some(n) = whole_years(n_fig) else { continue };
            let Some(tail) = SINCE_SPAN_AFTER.iter().find(|w| after.starts_with(**w)) else { continue };
            if !between.is_empty() || (n - i64::from(now - start)).abs() <= 1 {
                continue;
            }
            let stated = format!("{}{tail}", s.text(n_fig));
            let mut d =
                Diagnostic::new(rule, s.id, n_fig.span.clone(), Finding::YearsSince { since: start, to: now, stated })
                    .related(s.id, a.span.clone(), RelatedRole::Start, s.text(a));
            d.severity = Severity::Warning;
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::bd108;

    #[test]
    fn a_stretch_since_a_year_runs_up_to_the_report() {
        // The test brief is dated 2024-03-15.
        assert_eq!(bd108("市农科院自2004年结对帮扶以来，10年如一日，先后派出专家86人次。").len(), 1);
        assert_eq!(bd108("从2014年起，30年来，县里坚持每年组织义诊。").len(), 1);
        assert_eq!(bd108("老党员张明自1990年回村任职以来，24年如一日扎根山乡。").len(), 1);
        for clean in [
            "市农科院自2004年结对帮扶以来，20年如一日，先后派出专家86人次。",
            "市农科院自2004年结对帮扶以来，19年如一日，先后派出专家86人次。",
            "自2004年至2014年，10年如一日，专家坚持下乡。",
            "自2004年以来，全县修路86公里，近三年来新增12公里。",
        ] {
            assert!(bd108(clean).is_empty(), "{clean}: {:?}", bd108(clean));
        }
    }
}
