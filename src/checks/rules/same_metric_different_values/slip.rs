//! BD101's second tier: a figure said twice in other words, once with a slip
//! of the pen (see `claims::relations::restated`). A child of the rule's
//! module, so it shares its private readings (`said_as_part`).

use rustc_hash::FxHashMap as HashMap;

use super::super::super::claims::relations::restated::{dropped_keys, near_metric, slip, slip_key, written_digits};
use super::super::super::claims::{ClaimId, ClaimWords};
use super::super::super::{Context, Diagnostic};
use super::super::{figure, text};
use super::SameMetricDifferentValues;
use crate::figures::Kind;
use crate::model::Severity;

/// How many earlier figures of one key a figure is compared with in the
/// restated-figure tier.
const SLIP_CANDIDATES: usize = 16;

impl SameMetricDifferentValues {
    /// The second tier: a figure said twice in other words (已建成分散养殖场86个 …
    /// 宝迪养猪分散养殖场68个), paired by the shape of the difference
    /// (`relations::restated`: digits swapped, a point moved, a digit dropped) and
    /// metrics that share most of their words. A warning: it rests on that reading.
    pub(super) fn restated_with_a_slip(
        &self,
        cx: &Context,
        eligible: &[ClaimId],
        total_of: &[Option<ClaimId>],
        reported: &mut [bool],
        out: &mut Vec<Diagnostic>,
    ) {
        let claims = &cx.claims;
        // Earlier figures by (unit, key of their digits), and by the keys with a digit left out.
        let mut whole: HashMap<(&str, String), Vec<ClaimId>> = HashMap::default();
        let mut dropped: HashMap<(&str, String), Vec<ClaimId>> = HashMap::default();
        let mut digits: HashMap<ClaimId, (String, Option<char>)> = HashMap::default();
        for &b in eligible {
            let f = figure(cx, b);
            if f.qualifier != crate::figures::Qualifier::Exact || f.value_max.is_some() {
                continue;
            }
            let Some(db) = written_digits(text(cx, b)) else { continue };
            let key = slip_key(&db.0);
            let drops = dropped_keys(&db.0);
            let mut candidates: Vec<ClaimId> = Vec::new();
            for list in [whole.get(&(f.unit, key.clone())), dropped.get(&(f.unit, key.clone()))].into_iter().flatten() {
                candidates.extend(list);
            }
            for k in &drops {
                if let Some(list) = whole.get(&(f.unit, k.clone())) {
                    candidates.extend(list);
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &a in &candidates {
                if reported[b] {
                    break;
                }
                if slip(&digits[&a], &db).is_none() || !Self::restated(cx, total_of, a, b) {
                    continue;
                }
                reported[b] = true;
                let assumed =
                    vec![crate::checks::identity::Assumption::Slip { there: claims.all[a].words.written.clone() }];
                let mut d = self.mention(cx, a, b, assumed);
                d.severity = Severity::Warning;
                out.push(d);
            }
            let entry = whole.entry((f.unit, key)).or_default();
            if entry.len() < SLIP_CANDIDATES {
                entry.push(b);
            }
            for k in drops {
                let entry = dropped.entry((f.unit, k)).or_default();
                if entry.len() < SLIP_CANDIDATES {
                    entry.push(b);
                }
            }
            digits.insert(b, db);
        }
    }

    /// Whether two claims give the land one named thing takes (占地, `OCCUPY_WORDS`):
    /// the land a park takes is the park's, whatever stretch of work it is told
    /// in (五年来…占地1669亩的产业园〔7〕 and the note 〔7〕产业园：项目占地1669亩), so
    /// the two need not agree on time. Two things' land (two parks), or land
    /// said of no named thing, is left to the time test.
    fn land_of_one_thing(wa: &ClaimWords, wb: &ClaimWords) -> bool {
        let occupies = |w: &ClaimWords| {
            w.metric.iter().any(|m| crate::checks::lexicon::relations::OCCUPY_WORDS.contains(&m.as_str()))
        };
        matches!((&wa.subject, &wb.subject), (Some(x), Some(y)) if !x.text.is_empty() && x.text == y.text)
            && occupies(wa)
            && occupies(wb)
    }

    /// Whether a claim's sentence names a year before it (2023年新建…21座): its
    /// time is its own, not its section's.
    fn names_a_year(cx: &Context, id: ClaimId) -> bool {
        let c = &cx.claims.all[id];
        let s = &cx.sections[c.section];
        let at = figure(cx, id).span.start;
        s.figures[s.sentences[c.sentence].figures.clone()]
            .iter()
            .any(|f| f.kind == Kind::Date && f.span.end <= at && f.date.as_ref().is_some_and(|d| d.year.is_some()))
    }

    /// Whether two figures whose values differ by a slip may be one figure said
    /// twice: the same kind, scope and place, not a part (其中…) beside a whole or its total, not two
    /// actual values of two times that cannot agree (five years' 1450户 and a
    /// year's 450户 said with no time), not two named subjects or adjuncts, not
    /// one sentence, and metrics that share most of their words. A plan may take
    /// up a count its review gave for another time (16个口袋公园陆续开工 in last
    /// year's review, 完成16个口袋公园建设 in this year's work), unless each names
    /// its own year (2022年新建12座, 2023年新建21座: two years' counts).
    fn restated(cx: &Context, total_of: &[Option<ClaimId>], a: ClaimId, b: ClaimId) -> bool {
        let (ca, cb) = (&cx.claims.all[a], &cx.claims.all[b]);
        let (wa, wb) = (&ca.words, &cb.words);
        let differ = |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if x != y);
        let subjects_differ = matches!((&wa.subject, &wb.subject), (Some(x), Some(y)) if x.text != y.text);
        figure(cx, a).kind == figure(cx, b).kind
            && ca.scope == cb.scope
            && !(ca.section == cb.section && ca.sentence == cb.sentence)
            && Self::said_as_part(cx, a) == Self::said_as_part(cx, b)
            && total_of[a] != Some(b)
            && total_of[b] != Some(a)
            && !matches!((total_of[a], total_of[b]), (Some(x), Some(y)) if x != y)
            && ca.place.agrees(&cb.place)
            && (ca.time.agrees(&cb.time)
                || (ca.modality != cb.modality && !(Self::names_a_year(cx, a) && Self::names_a_year(cx, b)))
                || Self::land_of_one_thing(wa, wb))
            && !subjects_differ
            && !differ(&wa.adjunct, &wb.adjunct)
            && wa.purpose == wb.purpose
            && near_metric(wa, wb)
    }
}
