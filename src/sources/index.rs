//! A source read into claims and indexed by what they measure.
//!
//! A source is read by the same layer as the brief: [`crate::format::load`]
//! turns the file into a brief (a PDF through [`crate::format::pdf`]), and
//! [`Context::new`] reads its claims. Each claim that can be held against a
//! draft's figure is kept with its figure, its sentence, the interval its
//! value allows, and where it stands in the file (page and line). Claims are
//! found by a key of what two claims must share to be one quantity at all
//! (the metric's words, the unit's family, the kind of figure, the
//! modality); the identity test then decides.

use std::ops::Range;
use std::path::PathBuf;

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::checks::claims::relations::restated::metric_chars;
use crate::checks::claims::{Claim, Modality, Place, family};
use crate::checks::lexicon::claims::{BEGUN_VERBS, LEVEL_WORDS, STAGE_VERBS, WHOLE_PREFIXES};
use crate::checks::lexicon::tables::NOT_ADDED_HEADERS;
use crate::checks::{Context, Env};
use crate::figures::{Figure, Kind};
use crate::format::{Loaded, Part};

/// Where a source's sentence stands: its page (PDF) and its line, counted
/// from the page's top for a PDF and from the file's top otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Locator {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    pub line: usize,
}

impl Locator {
    /// 第3页第12行 / page 3, line 12.
    pub fn words(&self, lang: crate::lang::Lang) -> String {
        match (self.page, lang) {
            (Some(p), crate::lang::Lang::Zh) => format!("第{p}页第{}行", self.line),
            (Some(p), crate::lang::Lang::En) => format!("page {p}, line {}", self.line),
            (None, crate::lang::Lang::Zh) => format!("第{}行", self.line),
            (None, crate::lang::Lang::En) => format!("line {}", self.line),
        }
    }
}

/// One figure of a source with what it measures.
#[derive(Debug, Clone)]
pub struct SourceClaim {
    pub claim: Claim,
    pub figure: Figure,
    /// The figure as written.
    pub text: String,
    /// Its sentence, trimmed.
    pub sentence: String,
    /// The values the figure allows (rounding, 约, 余).
    pub bounds: crate::checks::Bounds,
    pub at: Locator,
    /// Said as a part (其中 before it in its sentence).
    pub part: bool,
    /// A total that only grows over the years, of no year named alone (see
    /// [`total_over_years`]): it may be held to another document's of another year.
    pub total: bool,
    /// What kind of total it states ([`Stands::of`]).
    pub stands: Stands,
    /// Of a total, its metric's characters, sorted
    /// ([`crate::checks::claims::relations::restated::metric_chars`]); else none.
    pub chars: Vec<char>,
}

/// What a total states besides its value: a level that takes in all there
/// was before ([`LEVEL_WORDS`]: 发展到, 现有, 总面积), or works begun and not
/// done ([`BEGUN_VERBS`]: 启动, 开工).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stands {
    pub level: bool,
    pub begun: bool,
}

impl Stands {
    /// Read from a claim's metric and the words before its figure in its clause.
    pub fn of(c: &Claim, lead: &str) -> Stands {
        let said =
            |words: &[&str]| words.iter().any(|w| lead.contains(w) || c.words.metric.iter().any(|m| m.contains(w)));
        let whole = c.words.metric.iter().any(|m| WHOLE_PREFIXES.iter().any(|p| m.starts_with(p) && m.len() > p.len()));
        Stands { level: whole || said(LEVEL_WORDS), begun: said(BEGUN_VERBS) }
    }
}

/// What two claims must share to be compared at all.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    metric: Vec<String>,
    family: String,
    kind: Kind,
    modality: Modality,
}

impl Key {
    pub(crate) fn of(c: &Claim, f: &Figure) -> Key {
        Key { metric: c.words.metric.clone(), family: family(f.unit).to_string(), kind: f.kind, modality: c.modality }
    }
}

/// A source document read and indexed.
#[derive(Debug, Clone)]
pub struct SourceIndex {
    pub path: PathBuf,
    /// The name findings cite: the file name.
    pub name: String,
    /// SHA-256 of the bytes read, hex.
    pub fingerprint: String,
    /// How many pages (PDF), or none.
    pub pages: Option<usize>,
    /// The date the source gives itself (its dateline, or a brief's report date).
    pub dated: Option<chrono::NaiveDate>,
    pub claims: Vec<SourceClaim>,
    keys: HashMap<Key, Vec<usize>>,
    /// The same by key and year (none: the claim says no year): a compilation
    /// that gives one metric for every year of every town is not read whole
    /// for each figure.
    years: HashMap<(Key, Option<i32>), Vec<usize>>,
    /// The claims that are totals over years ([`SourceClaim::total`]) by the
    /// family of their unit and each word of their metric but the verbs of a
    /// stage of work: held to a draft of another year by their words, and two
    /// metrics near each other share a word nearly always (安置区, 学校, 台地).
    totals: HashMap<(&'static str, String), Vec<usize>>,
    /// The same, by the place each names too (a named place by its name, 全县
    /// by its level, none by nothing): a claim of a named place meets only
    /// claims of that place, of the whole of its level, or of no place.
    totals_at: HashMap<(&'static str, String, String), Vec<usize>>,
}

/// A place as [`SourceIndex::totals_at`] files it.
fn place_key(p: &Place) -> String {
    match p {
        Place::Unnamed => String::new(),
        Place::Whole(level) => format!("全{level}"),
        Place::Named(name, _) => name.clone(),
    }
}

/// Whether a claim can be a total that only grows over the years, of no one
/// year: a count or an amount (no share), actual, said as a total to date
/// (nothing said of its time, or 累计 since a year) or over a stretch of years
/// (五年来, 2016年至2020年), and of nothing that is no sum (人均, 单价, 标准:
/// [`NOT_ADDED_HEADERS`]). Two documents of different years are held to each
/// other only through such totals ([`crate::sources::verify`]).
pub(crate) fn total_over_years(c: &Claim, f: &Figure) -> bool {
    use crate::checks::claims::Period;
    f.kind == Kind::Quantity
        && c.modality == Modality::Actual
        && c.time.relative.is_none()
        && match c.time.period {
            Period::Whole => c.time.year.is_none(),
            Period::Since(_) | Period::Past(_) | Period::Years(..) => true,
            Period::Months(..) | Period::ToDate | Period::AnnualAverage => false,
        }
        // 人均收入, 单价: a word that starts with one (高标准 is a quality, not a standard).
        && !c.words.metric.iter().any(|w| NOT_ADDED_HEADERS.iter().any(|n| w.starts_with(n)))
}

/// Whether a claim can be held against another document's: a count, an
/// amount or a share with a unit, that is no standard or threshold, and no
/// change (增长6.2%, 提高3个百分点: the change of a value, not the value).
pub fn comparable(cx: &Context, c: &Claim, f: &Figure, changes: &[bool], id: usize) -> bool {
    let lead = &cx.sections[c.section].body[c.lead.clone()];
    matches!(f.kind, Kind::Quantity | Kind::Percent)
        && !f.unit.is_empty()
        && c.modality != Modality::Standard
        && !changes[id]
        && !crate::checks::claims::relations::says_change(lead)
}

/// Which claims are changes: the change of a growth relation.
pub(crate) fn changes(cx: &Context) -> Vec<bool> {
    let mut out = vec![false; cx.claims.all.len()];
    for g in &cx.claims.relations.growth {
        out[g.change] = true;
    }
    out
}

/// Whether a claim is said as a part: 其中 before it in its sentence.
pub(crate) fn said_as_part(cx: &Context, c: &Claim, f: &Figure) -> bool {
    let s = &cx.sections[c.section];
    s.body[s.sentences[c.sentence].span.start..f.span.start].contains("其中")
}

/// A sentence as quoted: trimmed, at most 160 characters.
pub fn quote(text: &str) -> String {
    let t = text.trim();
    match t.char_indices().nth(160) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t.to_string(),
    }
}

impl SourceIndex {
    /// Reads the claims of a loaded file. `fingerprint` is the hash of its bytes.
    pub fn build(path: PathBuf, fingerprint: String, loaded: &Loaded) -> SourceIndex {
        let cx = Context::new(&loaded.brief, &Env::default());
        let changes = changes(&cx);
        let page_of = |byte: usize| loaded.pages.partition_point(|p| *p <= byte);
        let mut claims = Vec::new();
        let mut keys: HashMap<Key, Vec<usize>> = HashMap::default();
        let mut years: HashMap<(Key, Option<i32>), Vec<usize>> = HashMap::default();
        let mut totals: HashMap<(&'static str, String), Vec<usize>> = HashMap::default();
        let mut totals_at: HashMap<(&'static str, String, String), Vec<usize>> = HashMap::default();
        for (id, c) in cx.claims.all.iter().enumerate() {
            let s = &cx.sections[c.section];
            let f = &s.figures[c.figure];
            if !comparable(&cx, c, f, &changes, id) || !c.words.is_specific() {
                continue;
            }
            let sentence: Range<usize> = s.sentences[c.sentence].span.clone();
            let at = match loaded.source.span(s.id, Part::Body, &f.span) {
                Some(file) => {
                    let line = loaded.source.position(file.start).line;
                    if loaded.pages.is_empty() {
                        Locator { page: None, line }
                    } else {
                        let page = page_of(file.start).max(1);
                        let top = loaded.source.position(loaded.pages[page - 1]).line;
                        Locator { page: Some(page), line: line + 1 - top }
                    }
                }
                None => Locator { page: None, line: 0 },
            };
            let key = Key::of(c, f);
            let total = total_over_years(c, f);
            if total {
                let at = place_key(&c.place);
                for w in c.words.metric.iter().filter(|w| !STAGE_VERBS.contains(&w.as_str())) {
                    totals.entry((family(f.unit), w.clone())).or_default().push(claims.len());
                    totals_at.entry((family(f.unit), w.clone(), at.clone())).or_default().push(claims.len());
                }
            }
            years.entry((key.clone(), c.time.year)).or_default().push(claims.len());
            keys.entry(key).or_default().push(claims.len());
            claims.push(SourceClaim {
                claim: c.clone(),
                figure: f.clone(),
                text: s.text(f).to_string(),
                sentence: quote(&s.body[sentence]),
                bounds: crate::checks::Bounds::of(f, s.text(f)),
                at,
                part: said_as_part(&cx, c, f),
                total,
                stands: Stands::of(c, &s.body[c.lead.clone()]),
                chars: if total { metric_chars(&c.words) } else { Vec::new() },
            });
        }
        let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let pages = (!loaded.pages.is_empty()).then_some(loaded.pages.len());
        SourceIndex { path, name, fingerprint, pages, dated: cx.dated, claims, keys, years, totals, totals_at }
    }

    /// Reads the claims of a text as a .txt source is read (tests, pasted sources).
    pub fn from_text(name: &str, text: &str) -> SourceIndex {
        let imported = crate::import::text::import_text(text, crate::model::Taxonomy::default());
        let source = crate::format::SourceMap::align_owned(text.to_string(), &imported.brief);
        let loaded = Loaded {
            kind: crate::format::FileKind::Text,
            brief: imported.brief,
            report: crate::format::ImportReport::default(),
            source,
            pages: Vec::new(),
        };
        SourceIndex::build(PathBuf::from(name), super::fingerprint(text.as_bytes()), &loaded)
    }

    /// The claims that may be the same quantity as one of this key.
    /// Of a year, only the claims of that year and those that say none can be
    /// the same quantity (the identity test's time); without a year, any.
    pub(crate) fn candidates(&self, key: &Key, year: Option<i32>) -> impl Iterator<Item = usize> + '_ {
        fn slice(v: Option<&Vec<usize>>) -> &[usize] {
            v.map_or(&[], Vec::as_slice)
        }
        let (first, second) = match year {
            None => (slice(self.keys.get(key)), &[][..]),
            Some(y) => (slice(self.years.get(&(key.clone(), Some(y)))), slice(self.years.get(&(key.clone(), None)))),
        };
        first.iter().chain(second).copied()
    }

    /// The claims that are totals over years in a unit of this family, share
    /// a word of their metric with `metric` (stage verbs aside) and may be of
    /// the same place, each once.
    pub(crate) fn totals(&self, family: &'static str, metric: &[String], place: &Place) -> Vec<usize> {
        let words = metric.iter().filter(|w| !STAGE_VERBS.contains(&w.as_str()));
        let mut out: Vec<usize> = match place {
            Place::Named(name, level) => {
                let keys = [name.clone(), format!("全{level}"), String::new()];
                words
                    .flat_map(|w| keys.iter().filter_map(|k| self.totals_at.get(&(family, w.clone(), k.clone()))))
                    .flatten()
                    .copied()
                    .collect()
            }
            Place::Unnamed | Place::Whole(_) => {
                words.filter_map(|w| self.totals.get(&(family, w.clone()))).flatten().copied().collect()
            }
        };
        out.sort_unstable();
        out.dedup();
        out
    }
}
