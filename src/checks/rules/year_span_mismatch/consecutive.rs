//! 连续N年 against the years listed with it (part of BD108).
//!
//! Years listed right before 连续N年 are those N years, one after another:
//! 2019、2020连续两年被评为…, 2018年、2019年连续两年位列“好”的档次. Years listed
//! after 继 and before 之后 are the earlier times of an event that is held
//! again now: 继2018年召开…、2019年召开…之后，连续三年… lists two years, and
//! this one makes the third. Either way the years must follow one another,
//! and their count (with this one) must be N. An error: the text lists the
//! years and the count itself.
//!
//! Left alone: 连续三年 with no years listed, 2018—2020年连续三年 (a span,
//! counted next to its length), 2018年、2020年两个年度 (no 连续).

use super::super::super::{Diagnostic, Finding, RelatedRole, SectionView};
use super::{YearSpanMismatch, bare_year, whole_years, year_of};
use crate::checks::lexicon::numerals::{
    BEFORE_CONSECUTIVE, CONSECUTIVE_WORDS, FOLLOWING_CLOSE, FOLLOWING_OPEN, YEAR_LIST_SEPARATORS,
};
use crate::figures::{Figure, is_space};

/// The years listed right before byte `at` (where 连续 stands), in order.
fn list_before<'a>(s: &SectionView, figs: &'a [Figure], at: usize) -> Vec<&'a Figure> {
    let mut list = Vec::new();
    let mut end = at;
    for g in figs.iter().rev() {
        if bare_year(g).is_none() {
            break;
        }
        let Some(between) = s.body.get(g.span.end..end).map(|b| b.trim_matches(is_space)) else { break };
        let joined = if list.is_empty() {
            between.is_empty() || BEFORE_CONSECUTIVE.contains(&between)
        } else {
            YEAR_LIST_SEPARATORS.contains(&between)
        };
        if !joined {
            break;
        }
        list.push(g);
        end = g.span.start;
    }
    list.reverse();
    list
}

/// The years listed between 继 and 之后 in the sentence before byte `at`,
/// where only a comma stands between 之后 and 连续.
fn earlier_times<'a>(s: &SectionView, figs: &'a [Figure], from: usize, at: usize) -> Option<Vec<&'a Figure>> {
    let head = &s.body[from..at];
    let (close_at, close) = FOLLOWING_CLOSE.iter().filter_map(|w| head.rfind(w).map(|k| (k, *w))).max()?;
    let gap = head[close_at + close.len()..].trim_matches(|c: char| is_space(c) || matches!(c, '，' | ','));
    if !gap.is_empty() {
        return None;
    }
    let open_at = FOLLOWING_OPEN.iter().filter_map(|w| head[..close_at].rfind(w).map(|k| k + w.len())).max()?;
    let (open_at, close_at) = (from + open_at, from + close_at);
    let years: Vec<&Figure> =
        figs.iter().filter(|g| g.span.start >= open_at && g.span.end <= close_at && year_of(g).is_some()).collect();
    (!years.is_empty() && years.iter().all(|g| bare_year(g).is_some())).then_some(years)
}

/// Where a list of earlier times may open: the sentence's start, or at most
/// 200 characters (600 bytes) before 连续, so that a long line with no
/// sentence end is not searched again for each 连续.
fn list_start(s: &SectionView, sentence: usize, at: usize) -> usize {
    let mut from = at.saturating_sub(600).max(sentence);
    while !s.body.is_char_boundary(from) {
        from += 1;
    }
    from
}

pub(super) fn check(rule: &YearSpanMismatch, s: &SectionView, out: &mut Vec<Diagnostic>) {
    for sent in &s.sentences {
        let figs = s.sentence_figures(sent);
        for (k, f) in figs.iter().enumerate() {
            let Some(n) = whole_years(f) else { continue };
            let before = &s.body[sent.span.start..f.span.start];
            let Some(word) = CONSECUTIVE_WORDS.iter().find(|w| before.ends_with(**w)) else { continue };
            let at = f.span.start - word.len();
            let listed = list_before(s, &figs[..k], at);
            let (listed, this_one) = if listed.len() >= 2 {
                (listed, false)
            } else if let Some(earlier) = earlier_times(s, &figs[..k], list_start(s, sent.span.start, at), at) {
                (earlier, true)
            } else {
                continue;
            };
            let years: Vec<i32> = listed.iter().filter_map(|g| year_of(g)).collect();
            let running = years.windows(2).all(|w| w[1] == w[0] + 1);
            let count = years.len();
            if running && count + usize::from(this_one) == n as usize {
                continue;
            }
            let (first, last) = (listed[0], listed[listed.len() - 1]);
            let finding = Finding::ConsecutiveYears {
                listed: years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、"),
                stated: format!("{word}{}", s.text(f)),
                count,
                running,
                this_one,
            };
            out.push(
                Diagnostic::new(rule, s.id, f.span.clone(), finding)
                    .related(s.id, first.span.clone(), RelatedRole::Start, s.text(first))
                    .related(s.id, last.span.clone(), RelatedRole::End, s.text(last)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::bd108;
    use crate::model::Severity;

    #[test]
    fn years_listed_with_consecutive_follow_one_another() {
        let d = bd108("2017、2019连续两年荣获全省“四好农村路”示范县称号。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Error);
        assert!(d[0].1.contains("并不相连"), "{}", d[0].1);
        assert_eq!(bd108("2021年、2022年连续三年被评为全市综治先进单位。").len(), 1);
        assert_eq!(bd108("县里继2016年举办首届采摘节、2018年举办第二届之后，连续三年举办农民丰收节。").len(), 1);
        for clean in [
            "2021、2022连续两年荣获全省“四好农村路”示范县称号。",
            "2020年、2021年和2022年连续三年被评为全市综治先进单位。",
            "县里继2021年举办首届采摘节、2022年举办第二届之后，连续三年举办农民丰收节。",
            "县里连续三年被评为全市综治先进单位。",
            "2018年、2020年两个年度，县里均被评为先进单位。",
        ] {
            assert!(bd108(clean).is_empty(), "{clean}: {:?}", bd108(clean));
        }
    }
}
