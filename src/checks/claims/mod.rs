//! Claims: each figure with what it measures, and how figures relate.
//!
//! One pass per section turns its figures into [`Claim`]s: the figure, its
//! [`Metric`] (the predicate before it and the counted noun after it), its
//! [`Time`] (a year, a period, a cumulative total), its [`Modality`] (actual,
//! target, forecast), the [`Place`] it names, and the scope of its section
//! (the town of a county profile that describes many towns). Then
//! [`relations`] finds how claims relate: totals and parts, shares of one
//! whole, rates with their numerator and denominator, growth between two
//! values, averages with their total and count. Every rule reads claims and
//! relations; the window's figure ledger labels a figure with its metric.
//!
//! Uses the figures of [`super::Context`]; no I/O.

mod cache;
mod change_ends;
pub mod metric;
#[cfg(test)]
mod name_tests;
mod names;
pub mod places;
pub mod reading;
pub mod relations;
pub mod scope;
mod sentence;
mod subjects;

use sentence::SentenceScope;
use subjects::{heading_subject, label_before, note_subject, opening_clause};

use std::ops::Range;

pub use cache::ClaimCache;
pub use metric::Metric;
pub use reading::{ClaimWords, SentenceWords, Subject, SubjectKind};
pub use relations::{Average, Breakdown, Growth, GrowthKind, Rate, Relations, ShareList};
pub use scope::{Modality, Period, Place, Time};

use super::context::SectionView;
use super::shared_out::{self, SharedOut};
use super::words::WordCache;
use crate::figures::{Figure, Kind};

/// An index into [`Claims::all`].
pub type ClaimId = usize;

/// A figure and what it measures.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Index of its section in the context.
    pub section: usize,
    /// Index of its figure in the section's figures.
    pub figure: usize,
    /// Index of its sentence in the section's sentences.
    pub sentence: usize,
    /// Where its paragraph starts in the section's body (a byte offset).
    pub paragraph: usize,
    /// Its clause: the stretch between punctuation (，：、（）) around it.
    pub clause: Range<usize>,
    /// The words before it in its clause, back to the previous figure.
    pub lead: Range<usize>,
    pub metric: Metric,
    pub time: Time,
    pub modality: Modality,
    pub place: Place,
    /// The scope of its section: sections about different towns of one
    /// county profile have different scopes.
    pub scope: usize,
    /// Its time is read from nothing of its own, under a title that names a
    /// year and a stretch at once: which of the two it is, is a guess.
    pub time_unsure: bool,
    /// How deep in brackets it stands (含今年新建9个 inside （）).
    pub depth: u8,
    /// What it is about and what it measures, read from its words: its subject
    /// (its own, or its sentence's, or its paragraph's), metric and adjunct.
    pub words: ClaimWords,
}

impl Claim {
    /// Who or what the claim is about, where the text names it.
    pub fn subject(&self) -> Option<&Subject> {
        self.words.subject.as_ref()
    }
}

/// Every claim of a brief, with the relations between them.
#[derive(Debug, Default)]
pub struct Claims {
    pub all: Vec<Claim>,
    /// The claims of each section, in order.
    pub by_section: Vec<Range<ClaimId>>,
    /// The scope of each section (see [`Claim::scope`]).
    pub scopes: Vec<usize>,
    pub relations: Relations,
}

/// Whether a figure becomes a claim: a count, an amount, a measure or a share.
pub fn is_claim(f: &Figure) -> bool {
    matches!(f.kind, Kind::Quantity | Kind::Percent | Kind::Fraction)
}

/// Where clauses end: punctuation that is not inside a figure.
fn clause_marks(body: &str, figures: &[Figure], wide_marks: &[u32]) -> Vec<usize> {
    // The candidates: line breaks and the lead bytes E3 (、。) and EF (，：（）；！？),
    // found once for the section, and ASCII , : ; ( ) from memchr's SIMD search.
    let bytes = body.as_bytes();
    let wide = wide_marks.iter().map(|&m| m as usize);
    let ascii = super::context::merge_sorted(
        memchr::memchr3_iter(b',', b':', b';', bytes),
        memchr::memchr2_iter(b'(', b')', bytes),
    );
    let mut marks = Vec::with_capacity(wide_marks.len());
    let mut fi = 0;
    for i in super::context::merge_sorted(wide, ascii) {
        let mark = match bytes[i] {
            0xE3 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x81 | 0x82)),
            0xEF => {
                bytes.get(i + 1) == Some(&0xBC)
                    && matches!(bytes.get(i + 2), Some(0x8C | 0x9A | 0x88 | 0x89 | 0x9B | 0x81 | 0x9F))
            }
            _ => true,
        };
        if !mark {
            continue;
        }
        while fi < figures.len() && figures[fi].span.end <= i {
            fi += 1;
        }
        if figures.get(fi).is_some_and(|f| f.span.start <= i && i < f.span.end) {
            continue;
        }
        marks.push(i);
    }
    marks
}

/// The time and modality the titles of a section and its ancestors give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TitleScope {
    pub time: Time,
    pub modality: Option<Modality>,
    /// The title names a year and a stretch at once (2020年和“十三五”工作回顾): a
    /// figure under it that says no time of its own may be of either.
    pub mixed: bool,
}

impl Claims {
    /// Builds the claims of every section. `parents[i]` is the index of the
    /// parent of section i, if it has one. With a [`ClaimCache`], a section
    /// whose claims it keeps is not read again.
    pub fn build(
        sections: &[SectionView],
        parents: &[Option<usize>],
        cache: Option<&WordCache>,
        kept: Option<&ClaimCache>,
    ) -> Claims {
        let shared = SharedOut::of_lengths(sections.iter().map(|s| s.body.len()));
        Claims::build_shared(sections, parents, cache, kept, &shared)
    }

    /// [`Claims::build`], with the sections shared out between threads as `shared`
    /// says (without a [`ClaimCache`]; with one, they are read in order here).
    fn build_shared(
        sections: &[SectionView],
        parents: &[Option<usize>],
        cache: Option<&WordCache>,
        kept: Option<&ClaimCache>,
        shared: &SharedOut,
    ) -> Claims {
        let scopes = section_scopes(sections, parents);
        let titles = title_scopes(sections, parents);
        let mut all = Vec::new();
        let mut by_section = Vec::with_capacity(sections.len());
        match kept {
            Some(kept) => {
                // Sized for the figures that can become claims (a date or an ordinal never does).
                all.reserve(sections.iter().map(|s| s.figures.iter().filter(|f| is_claim(f)).count()).sum());
                // The metrics read, shared by the claims that say the same words; let go
                // with the loop (the claims keep what they point at).
                let mut metrics = metric::MetricSet::default();
                for (si, s) in sections.iter().enumerate() {
                    let start = all.len();
                    let read = || {
                        let mut fresh = Vec::new();
                        let ahead = shared.reads_ahead(s.body.len());
                        section_claims(si, s, scopes[si], &titles[si], cache, ahead, &mut metrics, &mut fresh);
                        fresh
                    };
                    kept.section(si, s, scopes[si], &titles[si], read, &mut all);
                    by_section.push(start..all.len());
                }
                kept.check_done();
            }
            None => {
                // Each run of sections read into lists of its own, on the thread that takes it;
                // the metrics read are shared by the claims of one thread that say the same words.
                let runs = shared.map(metric::MetricSet::default, |metrics, range| {
                    let (mut claims, mut ranges) = (Vec::new(), Vec::with_capacity(range.len()));
                    for si in range {
                        let start = claims.len();
                        let ahead = shared.reads_ahead(sections[si].body.len());
                        section_claims(si, &sections[si], scopes[si], &titles[si], cache, ahead, metrics, &mut claims);
                        ranges.push(start..claims.len());
                    }
                    (claims, ranges)
                });
                // Joined in order, each run let go once moved.
                all.reserve_exact(runs.iter().map(|(c, _)| c.len()).sum());
                for (claims, ranges) in runs {
                    let offset = all.len();
                    by_section.extend(ranges.into_iter().map(|r| r.start + offset..r.end + offset));
                    all.extend(claims);
                }
            }
        }
        // Sized for every figure that could be a claim, or for the claims read: kept at the claims there are.
        all.shrink_to_fit();
        let mut claims = Claims { all, by_section, scopes, relations: Relations::default() };
        claims.relations = relations::find(sections, &claims);
        claims
    }

    /// The claims of a section.
    pub fn of_section(&self, section: usize) -> &[Claim] {
        &self.all[self.by_section[section].clone()]
    }

    /// The claims of one sentence of a section, as ids.
    pub fn in_sentence(&self, section: usize, sentence: usize) -> Range<ClaimId> {
        let range = self.by_section[section].clone();
        let all = &self.all[range.clone()];
        let a = all.partition_point(|c| c.sentence < sentence);
        let b = all.partition_point(|c| c.sentence <= sentence);
        range.start + a..range.start + b
    }
}

/// The claims of section `si`, in the order of its figures, into `out`. With
/// `ahead` (a long section read with a second core free), each sentence's words
/// are cut on that core while this thread reads the claims.
#[allow(clippy::too_many_arguments)]
fn section_claims(
    si: usize,
    s: &SectionView,
    scope: usize,
    title: &TitleScope,
    cache: Option<&WordCache>,
    ahead: bool,
    metrics: &mut metric::MetricSet,
    out: &mut Vec<Claim>,
) {
    let body = s.body;
    let marks = clause_marks(body, &s.figures, &s.wide_marks);
    let mut paragraph_time: Option<(usize, Time)> = None;
    let (mut para_start, mut scanned) = (0, 0);
    let mut paragraph_subject: Option<(usize, Option<Subject>)> = None;
    let figure_spans: Vec<Range<usize>> = s.figures.iter().map(|f| f.span.clone()).collect();
    // The thing the section's title names, if it names one ((四)柳河正通药业有限公司).
    let title_subject = subjects::title_subject(s.title);
    // The things named so far in the paragraph, for a bare kind of thing (该公司) to refer back to.
    let mut named: Vec<Subject> = Vec::new();
    let mut named_in: Option<usize> = None;
    // The place of the sentences a ； joins, for a sentence after one that names none.
    let mut carried_place: Option<Place> = None;
    // The time and modality of the last sentence, for the sentences after a ；.
    let mut carried: Option<(Time, Option<Modality>)> = None;
    // The topic a sentence named in its first clause, kept over the sentences a ； joins.
    let mut topic_carried: Option<Subject> = None;
    // Each sentence's words depend on that sentence alone: in a long section they are
    // cut on a second thread, ahead of the reading below, which carries state from
    // sentence to sentence (`shared_out::ahead`).
    let words_of = |ni: usize| SentenceWords::new(body, s.sentences[ni].span.clone(), &figure_spans, cache);
    shared_out::ahead(ahead, s.sentences.len(), words_of, |next_words| {
        for (ni, sent) in s.sentences.iter().enumerate() {
            // The sentence's words, cut once: its places, subjects and every claim's metric.
            let sentence_words = next_words();
            let figs = &s.figures[sent.figures.clone()];
            let dates: Vec<&Figure> = figs.iter().filter(|f| f.kind == Kind::Date).collect();
            // A paragraph that opens with a time alone (2020年，…) sets the time of its sentences.
            // The paragraph's start is found from the last one's, so a text with no line break stays linear.
            if let Some(i) = memchr::memrchr(b'\n', &body.as_bytes()[scanned..sent.span.start]) {
                para_start = scanned + i + 1;
            }
            scanned = sent.span.start;
            if paragraph_time.is_none_or(|(p, _)| p != para_start) {
                let first_mark = marks.get(marks.partition_point(|m| *m < para_start)).copied().unwrap_or(body.len());
                let opening = &body[para_start..first_mark];
                let t = if scope::is_time_clause(opening) {
                    let from = s.figures.partition_point(|f| f.span.start < para_start);
                    let para_dates: Vec<&Figure> = s.figures[from..]
                        .iter()
                        .take_while(|f| f.span.end <= first_mark)
                        .filter(|f| f.kind == Kind::Date)
                        .collect();
                    scope::time_in(opening, para_start, &para_dates)
                } else {
                    Time::default()
                };
                paragraph_time = Some((para_start, t));
            }
            // A later sentence that opens with a time alone (过去五年，…; 2016年以来，…)
            // sets the time of the rest of its paragraph.
            if sent.span.start > para_start {
                let first_mark =
                    marks.get(marks.partition_point(|m| *m < sent.span.start)).copied().unwrap_or(body.len());
                let opening = &body[sent.span.start..first_mark.min(sent.span.end)];
                if first_mark < sent.span.end && scope::is_time_clause(opening) {
                    let t = scope::time_in(opening, sent.span.start, &dates);
                    if t != Time::default() {
                        paragraph_time = Some((para_start, t));
                    }
                }
            }
            let para_time = paragraph_time.map(|(_, t)| t).unwrap_or_default();
            // A sentence after a ； goes on the one before: it keeps its time and modality.
            let continues = ni > 0 && body[..sent.span.start].ends_with(['；', ';']);
            if !continues {
                carried = None;
                topic_carried = None;
            }
            // The things named so far in the paragraph start again with each paragraph.
            if named_in != Some(para_start) {
                named_in = Some(para_start);
                named.clear();
                named.extend(title_subject.iter().cloned());
            }
            // The rest reads claims: a sentence without one only names things a bare kind
            // after it may refer back to (中溢集团…有限公司成立于2019年。…公司投资…).
            let has_claim = figs.iter().any(|f| is_claim(f) && !subjects::is_note_mark(body, &f.span));
            if !has_claim {
                named.extend(sentence_words.names_in(body, sent.span.clone()));
                continue;
            }
            if paragraph_subject.as_ref().is_none_or(|(p, _)| *p != para_start) {
                let paragraph = &body[para_start..];
                let subject = note_subject(paragraph).or_else(|| heading_subject(paragraph)).or_else(|| {
                    // The thing the paragraph's first clause opens with (柳河县第一中学成立于…).
                    let clause = opening_clause(body, para_start, &marks);
                    let words = SentenceWords::new(body, clause.clone(), &figure_spans, cache);
                    words
                        .subject_in(body, clause.clone())
                        .filter(|x| !reading::is_anaphor(&x.text))
                        .or_else(|| words.name_clause(body, clause))
                });
                named.extend(subject.iter().cloned());
                paragraph_subject = Some((para_start, subject));
            }
            let paragraph_subject_now =
                paragraph_subject.as_ref().and_then(|(_, s)| s.as_ref()).or(title_subject.as_ref());
            // The subject each clause of the sentence opens with, in order (a bare kind of
            // thing, 学校占地…, speaks of its paragraph's and names none of its own).
            let sentence_marks: Vec<usize> = marks[marks.partition_point(|m| *m < sent.span.start)..]
                .iter()
                .copied()
                .take_while(|m| *m < sent.span.end)
                .collect();
            // A sentence whose first clause is a name alone (梅坳水库，设计库容…) is about
            // that thing; a sentence a ； joins to it goes on being about it.
            let first_clause = sent.span.start..sentence_marks.first().copied().unwrap_or(sent.span.end);
            let topic = (!sentence_marks.is_empty())
                .then(|| names::sentence_topic(body, &sentence_words, first_clause))
                .flatten();
            if topic.is_some() {
                topic_carried = topic;
            }
            let paragraph_subject_now = topic_carried.as_ref().or(paragraph_subject_now);
            let mut clause_subjects: Vec<(usize, Subject)> = Vec::new();
            let mut clause_at = sent.span.start;
            for end in sentence_marks.iter().copied().chain([sent.span.end]) {
                // A 、 joins the members of a list inside one clause (我县与甲公司、乙公司等
                // 企业签约…): what stands after it is no clause of its own with a subject.
                if body[end..].starts_with('、') {
                    continue;
                }
                // A clause a colon ends is a label (〔4〕市委“一三五”工作布局：): a name in it
                // owns the label, and the clauses after speak of the label's thing.
                let label = body[end..].starts_with(['：', ':']);
                if !label && let Some(x) = sentence_words.subject_in(body, clause_at..end) {
                    let x = if reading::is_anaphor(&x.text) {
                        subjects::antecedent(&x.text, &named).cloned()
                    } else {
                        Some(x)
                    };
                    if let Some(x) = x {
                        clause_subjects.push((clause_at, x));
                    }
                }
                clause_at = end + body[end..].chars().next().map_or(1, char::len_utf8);
            }
            // The sentence goes on one a ； ended: it keeps its place where it names none.
            if !(ni > 0 && body[..sent.span.start].ends_with(['；', ';'])) {
                carried_place = None;
            }
            let sentence_place = sentence_words.place_before(sent.span.end);
            let names_here = sentence_words.names_in(body, sent.span.clone());
            let mut previous: Option<(usize, ClaimWords)> = None;
            // The sentence's scope words, read once when it has a claim.
            let mut words: Option<SentenceScope> = None;
            for (k, f) in figs.iter().enumerate() {
                if !is_claim(f) || subjects::is_note_mark(body, &f.span) {
                    continue;
                }
                let fi = sent.figures.start + k;
                let m = marks.partition_point(|m| *m < f.span.start);
                let after_mark = |at: usize| at + body[at..].chars().next().map_or(1, char::len_utf8);
                let clause_start =
                    m.checked_sub(1).map_or(sent.span.start, |p| after_mark(marks[p])).max(sent.span.start);
                let clause_end = marks.get(m).copied().unwrap_or(body.len()).min(sent.span.end);
                // The figure before bounds the lead, unless it is an ordinal (第二小学, 第三批):
                // that numbers a name or a batch and belongs to the lead.
                // A year right before it (由2010年的162.4亿元) is its time (see `change_ends`).
                let prev_end = figs[..k]
                    .iter()
                    .rev()
                    .find(|p| !body[p.span.clone()].starts_with('第') && !change_ends::is_time_of(body, p, f))
                    .map(|p| p.span.end)
                    .filter(|e| *e > clause_start);
                let lead_start = prev_end.unwrap_or(clause_start).min(f.span.start);
                let next_start = figs.get(k + 1).map(|n| n.span.start).filter(|st| *st < clause_end);
                let trail_end = next_start.unwrap_or(clause_end).max(f.span.end);
                // A measure right before, in the same clause, qualifies the metric: 220千伏变电站, 30吨供热机组.
                let modifier = k
                    .checked_sub(1)
                    .map(|p| &figs[p])
                    .filter(|p| p.span.end > clause_start && p.kind == Kind::Quantity && !p.unit.is_empty())
                    .filter(|p| !is_count(p.unit) && !is_money(p.unit))
                    .map_or("", |p| &body[p.span.clone()]);
                let lead: std::borrow::Cow<str> = if modifier.is_empty() {
                    body[lead_start..f.span.start].into()
                } else {
                    format!("{modifier}{}", &body[lead_start..f.span.start]).into()
                };
                let metric = metrics.metric(&lead, &body[f.span.end..trail_end]);
                let words = words.get_or_insert_with(|| SentenceScope::new(body, sent.span.clone()));
                let mut time = words.time(f.span.start, &dates, clause_start);
                let own_time = time != Time::default();
                if !own_time {
                    time = carried.map_or(para_time, |(t, _)| if t == Time::default() { para_time } else { t });
                }
                if time.year.is_none() && time.relative.is_none() {
                    time.year = title.time.year;
                }
                let time_unsure = title.mixed && time == Time::default();
                let after_figure = &body[f.span.end..];
                // 流域面积20平方公里以下的河流: a threshold that names a class, not a value.
                let threshold =
                    matches!(f.qualifier, crate::figures::Qualifier::AtLeast | crate::figures::Qualifier::AtMost)
                        && after_figure.starts_with('的');
                let said = words.modality(f.span.start).or(carried.and_then(|(_, m)| m));
                // A plan's section speaks of the year to come; a figure it dates before that
                // year (去年县人大票决的6项民生实事, 2020年完成…) is what was done.
                let past = time.relative.is_some_and(|r| r < 0)
                    || matches!((time.year, title.time.year), (Some(y), Some(t)) if y < t);
                let from_title = title.modality.filter(|m| !(past && *m == Modality::Target));
                let modality = if threshold || words.is_standard(f.span.start, after_figure) {
                    Modality::Standard
                } else {
                    said.or(from_title).unwrap_or_default()
                };
                let depth = words.depth(f.span.start);
                // A figure of a time that opens its sentence (五年来，我区公共服务体系…) is the
                // time of the clause after it, and takes that clause's place.
                let opening_time = clause_start == sent.span.start
                    && scope::is_time_clause(&body[clause_start..clause_end])
                    && clause_end < sent.span.end;
                let next_clause = {
                    let from = clause_end + body[clause_end..].chars().next().map_or(1, char::len_utf8);
                    from..marks.get(m + 1).copied().unwrap_or(sent.span.end).min(sent.span.end)
                };
                // What it is about, from its words. A figure right after another, with
                // nothing between (1.77万户5.38万人, 444户832人), shares the other's words.
                let mut claim_words = sentence_words.read(body, lead_start..f.span.start, f.span.clone(), trail_end);
                // So does the end of a change from the figure before (由A增加到B, see `change_ends`).
                if claim_words.metric.is_empty()
                    && let Some((end, prev)) = &previous
                    && (body[*end..f.span.start].trim().is_empty()
                        || (*end >= clause_start && change_ends::is_change_end(body, *end, f.span.start, &dates)))
                {
                    claim_words = prev.clone();
                }
                let labelled = words.before_colon(f.span.start).and_then(label_before);
                let own_named = claim_words.subject.as_ref().is_some_and(|x| !reading::is_anaphor(&x.text));
                claim_words.subject = (!claim_words.counts_kind)
                    .then(|| {
                        subjects::resolve(subjects::Sources {
                            body,
                            own: claim_words.subject.take(),
                            around: sentence_words
                                .name_around(body, &f.span)
                                .or_else(|| sentence_words.quoted_around(body, &f.span))
                                .or_else(|| sentence_words.modified_name(body, &f.span))
                                .or_else(|| sentence_words.anniversary_of(body, &f.span)),
                            labelled,
                            clause: clause_start..f.span.start,
                            earlier: clause_subjects.iter().rev().find(|(at, _)| *at < clause_start).map(|(_, x)| x),
                            paragraph: paragraph_subject_now,
                            named: &named,
                            words: &sentence_words,
                        })
                    })
                    .flatten();
                claim_words.subject_own = own_named;
                if let Some(x) = &claim_words.subject
                    && named.last() != Some(x)
                {
                    named.push(x.clone());
                }
                previous = Some((f.span.end, claim_words.clone()));
                out.push(Claim {
                    section: si,
                    figure: fi,
                    sentence: ni,
                    paragraph: para_start,
                    clause: clause_start..clause_end,
                    lead: lead_start..f.span.start,
                    metric,
                    time,
                    modality,
                    place: row_place(body, sent.span.clone(), f.span.start).unwrap_or_else(|| {
                        match sentence_words.place_before(f.span.start) {
                            Place::Unnamed => opening_time
                                .then(|| sentence_words.place_in(&next_clause))
                                .flatten()
                                .or_else(|| carried_place.clone())
                                .unwrap_or_default(),
                            named => named,
                        }
                    }),
                    scope,
                    time_unsure,
                    depth: depth.clamp(0, 9) as u8,
                    words: claim_words,
                });
                if own_time {
                    carried = Some((time, said));
                } else if said.is_some() {
                    carried = Some((carried.map_or(time, |(t, _)| t), said));
                }
            }
            named.extend(names_here);
            if sentence_place != Place::Unnamed {
                carried_place = Some(sentence_place);
            }
        }
    });
}

/// The place a table row names in its label cell, for the figures of that row:
/// a row cut by tabs whose last cell of words before the figure is a place
/// (朱场村 | 2331 | 757, or 代化镇 | 朱场村 | 2331 with a tab at each bar: the
/// village's figures, the town only groups the rows). A cell of words that is
/// no place (合计, 交通) names none.
fn row_place(body: &str, sentence: Range<usize>, at: usize) -> Option<Place> {
    let line_start = body[sentence.start..at].rfind('\n').map_or(sentence.start, |i| sentence.start + i + 1);
    let before = &body[line_start..at];
    if !before.contains('\t') {
        return None;
    }
    let label = before
        .split('\t')
        .rev()
        .map(str::trim)
        .find(|c| !c.is_empty() && !c.contains(|ch: char| ch.is_ascii_digit()))?;
    places::cell_place(label)
}

/// Levels of places and the words that end an entity's name: a section
/// titled with one (柳河镇, 圣水镇) is about that entity alone.
const ENTITY_ENDINGS: &[&str] = &[
    "镇",
    "乡",
    "县",
    "市",
    "区",
    "村",
    "街道",
    "社区",
    "州",
    "旗",
    "盟",
    "公司",
    "集团",
    "学校",
    "中学",
    "小学",
    "医院",
    "合作社",
    "基地",
    "园区",
    "开发区",
    "公园",
    "景区",
    "项目",
    "中心",
    "机场",
    "站",
    "院",
];

fn strip_number(title: &str) -> &str {
    let t = title.trim();
    match crate::model::heading_marker(t) {
        Some((_, _, len)) => t[len..].trim_start(),
        None => t,
    }
}

/// The scope of each section: the nearest section at or above it that names
/// an entity (a town, a company) or repeats the outline of a sibling (the
/// towns of a county profile, each with 一、基本情况 二、资源情况).
fn section_scopes(sections: &[SectionView], parents: &[Option<usize>]) -> Vec<usize> {
    let n = sections.len();
    let mut entity = vec![false; n];
    for (i, s) in sections.iter().enumerate() {
        let t = strip_number(s.title).trim_end_matches(['：', ':']);
        // 三仙夹国家森林公园简介: the introduction of an entity.
        let t = t.strip_suffix("简介").or_else(|| t.strip_suffix("概况")).unwrap_or(t);
        entity[i] = t.chars().count() <= 14 && ENTITY_ENDINGS.iter().any(|e| t.ends_with(e));
    }
    // Siblings that share two or more child titles are parallel entities.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, p) in parents.iter().enumerate() {
        match p {
            Some(p) => children[*p].push(i),
            None => roots.push(i),
        }
    }
    // Each section's child titles, sorted, computed once.
    let child_titles: Vec<Vec<&str>> = children
        .iter()
        .map(|kids| {
            let mut v: Vec<&str> =
                kids.iter().map(|c| strip_number(sections[*c].title).trim_end_matches(['：', ':'])).collect();
            v.sort_unstable();
            v
        })
        .collect();
    for group in children.iter().chain(std::iter::once(&roots)) {
        for (a_i, a) in group.iter().enumerate() {
            let ta = &child_titles[*a];
            if ta.len() < 2 {
                continue;
            }
            for b in &group[a_i + 1..] {
                let tb = &child_titles[*b];
                let shared = ta.iter().filter(|t| tb.binary_search(t).is_ok()).count();
                if shared >= 2 {
                    entity[*a] = true;
                    entity[*b] = true;
                }
            }
        }
    }
    let mut scope = vec![usize::MAX; n];
    for i in 0..n {
        scope[i] = if entity[i] { i } else { parents[i].map_or(usize::MAX, |p| scope[p]) };
    }
    scope
}

/// The time and modality each section's titles give (its own and its ancestors').
fn title_scopes(sections: &[SectionView], parents: &[Option<usize>]) -> Vec<TitleScope> {
    let mut out: Vec<TitleScope> = Vec::with_capacity(sections.len());
    // The last year the reviews so far speak of (`Some(None)`: a review that names none).
    let mut reviewed: Option<Option<i32>> = None;
    for (i, s) in sections.iter().enumerate() {
        let mut t = parents[i].map(|p| out[p]).unwrap_or_default();
        // This year's work after last year's review is a plan (see `scope::year_of_work`).
        if let (Some(until), Some(y)) = (reviewed, scope::year_of_work(s.title))
            && until.is_none_or(|u| y > u)
        {
            t.modality = Some(Modality::Target);
        }
        if let Some(until) = scope::reviewed_until(s.title) {
            reviewed = Some(until.max(reviewed.flatten()));
        }
        let dates: Vec<Figure> =
            crate::figures::extract(s.title).into_iter().filter(|f| f.kind == Kind::Date).collect();
        // A title that names a five-year plan or a stretch of years (2020年和“十三五”工作回顾,
        // 五年来的工作) speaks of a year and of a stretch at once: it dates none of its figures.
        if !scope::plans(s.title).is_empty() || scope::past_years(s.title).is_some() {
            t.mixed = !dates.is_empty();
            t.time = Time::default();
        } else if let Some(y) = dates.iter().rev().find_map(|d| d.date.as_ref().and_then(|p| p.year)) {
            t.time.year = Some(y);
        }
        if let Some(m) = scope::title_modality(s.title) {
            t.modality = Some(m);
        }
        out.push(t);
    }
    out
}

/// The unit of a claim for comparing it with others: people counted as 人,
/// 名 or 位 are one family; every other unit is its own.
pub fn family(unit: &str) -> &str {
    match unit {
        "人" | "名" | "位" | "口人" => "人",
        u => u,
    }
}

/// Whether a unit counts things (people, households, items).
pub fn is_count(unit: &str) -> bool {
    matches!(
        unit,
        "人" | "名"
            | "户"
            | "个"
            | "家"
            | "所"
            | "项"
            | "人次"
            | "户次"
            | "场"
            | "期"
            | "次"
            | "位"
            | "支"
            | "批"
            | "座"
            | "条"
            | "件"
            | "套"
            | "处"
            | "间"
            | "台"
            | "辆"
            | "头"
            | "只"
            | "株"
            | "棵"
            | "栋"
            | "口人"
            | "类"
            | "种"
    )
}

/// Whether a unit is money.
pub fn is_money(unit: &str) -> bool {
    matches!(
        unit,
        "元" | "美元" | "港元" | "欧元" | "日元" | "英镑" | "新台币" | "卢布" | "泰铢" | "韩元" | "澳元" | "加元"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example brief and the planted fixture, the two briefs the tests read both ways.
    fn example_and_planted() -> [crate::model::Brief; 2] {
        let example =
            crate::store::from_ron(include_str!("../../../examples/brief.ron"), std::path::Path::new("brief.ron"))
                .expect("the example brief");
        let planted = crate::format::markdown::from_markdown(include_str!("../../../tests/fixtures/planted.md"))
            .expect("the planted fixture");
        [example, planted]
    }

    #[test]
    fn claims_read_on_two_threads_are_the_claims_read_on_one() {
        for brief in example_and_planted() {
            let env = crate::checks::Env::default();
            let cx = super::super::context::Context::new(&brief, &env);
            let n = cx.sections.len();
            assert!(n >= 2, "the brief has sections to cut between");
            let read = |shared: SharedOut| Claims::build_shared(&cx.sections, &cx.parents, None, None, &shared);
            let whole = read(SharedOut::one_run(n));
            assert!(!whole.all.is_empty() && !whole.relations.breakdowns.is_empty());
            let whole = format!("{whole:?}");
            // Every cut in two, and runs of one section each.
            for at in 1..n {
                let parts = read(SharedOut::with_runs(vec![0..at, at..n], 2));
                assert_eq!(format!("{parts:?}"), whole, "cut before section {at}");
            }
            let singles = read(SharedOut::with_runs((0..n).map(|i| i..i + 1).collect(), 2));
            assert_eq!(format!("{singles:?}"), whole);
        }
    }

    #[test]
    fn claims_read_with_words_cut_ahead_are_the_claims_read_in_turn() {
        // One long section: the bodies of the example brief and the planted fixture,
        // repeated past the length from which a section's words are cut ahead.
        let briefs = example_and_planted();
        let bodies: Vec<&str> = briefs.iter().flat_map(|b| b.walk()).map(|(s, _)| s.body.as_str()).collect();
        let once = bodies.join("\n");
        let body = once.repeat(shared_out::BESIDE_FROM_BYTES / once.len() + 1);
        let mut brief = crate::model::Brief::default();
        let section = brief.new_section(crate::model::Role::Custom, "正文", body.clone());
        brief.sections.push(section);
        let env = crate::checks::Env::default();
        let cx = super::super::context::Context::new(&brief, &env);
        let read = |shared: SharedOut| Claims::build_shared(&cx.sections, &cx.parents, None, None, &shared);
        let ahead = SharedOut::one_run(1).with_spare_core();
        assert!(ahead.reads_ahead(body.len()) && !SharedOut::one_run(1).reads_ahead(body.len()));
        let (in_turn, cut_ahead) = (read(SharedOut::one_run(1)), read(ahead));
        assert!(in_turn.all.len() > 500 && !in_turn.relations.breakdowns.is_empty());
        assert_eq!(format!("{cut_ahead:?}"), format!("{in_turn:?}"));
    }

    #[test]
    fn a_table_row_names_its_place_in_its_label_cell() {
        let place = |row: &str, at: &str| row_place(row, 0..row.len(), row.find(at).unwrap_or(0));
        assert_eq!(place("梅坳镇\t柘溪村\t2410\t615", "615"), Some(Place::Named("柘溪村".into(), '村')));
        assert_eq!(place("青禾村\t1320\t288\t21.8", "288"), Some(Place::Named("青禾村".into(), '村')));
        assert_eq!(place("桐溪镇\t3560\t902", "902"), Some(Place::Named("桐溪镇".into(), '镇')));
        // A label that is no place (合计, 交通), or prose without cells, names none.
        assert_eq!(place("合计\t191\t10.58", "191"), None);
        assert_eq!(place("贫困村\t12\t3", "12"), None);
        assert_eq!(place("青禾村有1320人", "1320"), None);
    }
}
