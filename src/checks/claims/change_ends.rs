//! The two ends of a change said in one clause: 地区生产总值由2010年的162.4亿元
//! 增加到2015年的287.9亿元 gives two values of one metric, each with its year.
//!
//! - **A year right before a figure is its time, not a figure that ends its
//!   lead.** In 由2010年的162.4亿元 and 2015年287.9亿元 the year (with 的 or
//!   nothing between) says when the value held; the words before the year
//!   (地区生产总值由) still name what the value measures. A year with other
//!   words after it (2019年新建12个) bounds the lead as any figure does.
//! - **The end of a change shares its start's words.** After 由A / 从A, a rise
//!   or fall word and 到 or 至 (增加到, 下降至, 提高到), with at most a year and
//!   的 before the figure, opens the value the change came to: it measures
//!   what A measures (农民人均收入从3100元提高到2021年的5600元: both are
//!   农民人均收入). A value the change word gives without 到 (增加1200万元) is
//!   the change, not the end: it keeps its own (empty) words.
//!
//! Read while claims are built (`claims::section_claims`).

use crate::checks::lexicon::relations::{FALL_WORDS, RISE_WORDS};
use crate::figures::{Figure, Kind};

/// Whether `date`, a figure before `figure` in its sentence, is the time of
/// `figure`: a date with nothing or only 的 between them.
pub(super) fn is_time_of(body: &str, date: &Figure, figure: &Figure) -> bool {
    date.kind == Kind::Date
        && date.span.end <= figure.span.start
        && matches!(body[date.span.end..figure.span.start].trim(), "" | "的")
}

/// Whether the text from the end of one figure to the start of the
/// next, makes the next figure the end of a change from the first: a rise or
/// fall word, then 到 or 至 (unless the word holds it: 增至, 降至), then at most
/// a date and 的. `at..end` is that text in `body`; `dates` are the date
/// figures of the sentence.
pub(super) fn is_change_end(body: &str, at: usize, end: usize, dates: &[&Figure]) -> bool {
    let between = &body[at..end];
    let Some(word) = RISE_WORDS.iter().chain(FALL_WORDS).filter(|w| between.starts_with(*w)).max_by_key(|w| w.len())
    else {
        return false;
    };
    let mut rest = &between[word.len()..];
    let held = word.ends_with('至') || word.ends_with('到');
    if !held {
        match rest.strip_prefix('到').or_else(|| rest.strip_prefix('至')) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    // What is left: nothing, 的, or a date and then 的 or nothing.
    let from = end - rest.len();
    let rest = match dates.iter().find(|d| d.span.start == from && d.span.end <= end) {
        Some(d) => &body[d.span.end..end],
        None => rest,
    };
    matches!(rest.trim(), "" | "的")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<Figure> {
        crate::figures::extract(text)
    }

    /// Whether the figure starting with `b` is the end of a change from the one starting with `a`.
    fn end_of(text: &str, a: &str, b: &str) -> bool {
        let figs = figures(text);
        let fa = figs.iter().find(|f| text[f.span.clone()].starts_with(a)).expect("a");
        let fb = figs.iter().find(|f| text[f.span.clone()].starts_with(b)).expect("b");
        let dates: Vec<&Figure> = figs.iter().filter(|f| f.kind == Kind::Date).collect();
        is_change_end(text, fa.span.end, fb.span.start, &dates)
    }

    #[test]
    fn the_value_a_change_came_to_is_its_end() {
        assert!(end_of("全乡蔬菜产值由2016年的3100万元增加到2022年的5600万元。", "3100", "5600"));
        assert!(end_of("贫困发生率从12.4%下降至0.8%。", "12.4", "0.8"));
        assert!(end_of("村集体收入由8万元增至2023年15万元。", "8万", "15万"));
        // Clean look-alike: the change itself, not where it came to.
        assert!(!end_of("村集体收入8万元，比上年增加3万元。", "8万", "3万"));
        assert!(!end_of("村集体收入由8万元增加3万元。", "8万", "3万"));
    }

    #[test]
    fn a_year_right_before_a_figure_is_its_time() {
        let text = "全乡蔬菜产值由2016年的3100万元增加到2022年的5600万元，2019年新建大棚12个。";
        let figs = figures(text);
        let at = |s: &str| figs.iter().find(|f| text[f.span.clone()].starts_with(s)).expect("figure");
        assert!(is_time_of(text, at("2016年"), at("3100")));
        assert!(is_time_of(text, at("2022年"), at("5600")));
        // A year with a verb after it bounds the lead as any figure does.
        assert!(!is_time_of(text, at("2019年"), at("12个")));
    }
}
