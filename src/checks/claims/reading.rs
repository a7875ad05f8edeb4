//! A claim read from its words: who or what it is about (its subject), what
//! is measured (its metric), to whom or with whom (its adjunct), and where
//! (its place). A sentence is cut into words once ([`SentenceWords`]); each of
//! its figures then reads the words before it in its clause (the lead) and the
//! noun after its classifier (the trail).
//!
//! - **Subject**: an organisation, a project or a named thing in the topic
//!   position, before the act: 县总工会 in 县总工会今年投入帮扶资金760万元,
//!   梅坳镇冷链物流园项目 in 冷链物流园项目总投资5600万元, “柘岭山珍”区域公用品牌
//!   in “柘岭山珍”区域公用品牌今年销售额1.26亿元. A claim whose lead names none
//!   takes its sentence's, then its paragraph's (a note 〔n〕, a run-in
//!   heading that names a thing).
//! - **Metric**: the other words that name something, as a set, so that a
//!   qualifier moved or a verb added does not make a new metric (转移就业农村劳动力
//!   / 农村劳动力转移就业; 帮助…实现转移就业 / 转移就业), less the words of grammar,
//!   scope, time and modality of the lexicon. A measure of an act is the act
//!   (销售额 / 销售), and the lexicon's short table of equivalents maps one
//!   word onto the other (带动就业 / 吸纳就业); both are noted as rewordings.
//! - **Adjunct**: what a preposition opens (向柘岭县捐赠, 与脱贫村结对, 选派…
//!   到柘岭县): kept apart from the metric.
//! - **Place**: the last place named before the figure in its sentence: a
//!   division of the national list (和田地区, 阜平), a name the pattern of one
//!   (梅坳镇, 宁屿市: two to four characters before a level word, where no word
//!   of the dictionary is cut), or a whole unit (全县, 市总工会).

use std::ops::Range;

use super::places::{Mention, Role};
use super::scope::Place;
use crate::checks::lexicon::claims::{
    ADJUNCT_PREPOSITIONS, EQUIVALENTS, MEASURE_ENDINGS, MISWRITTEN_WORDS, ORGANISATION_ENDINGS, PURPOSE_WORDS,
};
use crate::checks::lexicon::lookup;
use crate::checks::words::{Pos, Word, WordCache};

/// What kind of thing a subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubjectKind {
    /// 县总工会, 梅坳镇服装帮扶车间.
    Organisation,
    /// 冷链物流园项目, 一期工程.
    Project,
    /// A name in quotation marks or title marks: “柘岭山珍”区域公用品牌.
    Quoted,
    /// The thing a note describes: 〔7〕装配式建筑产业园.
    Note,
    /// The thing a run-in heading names: 2.“组组通”公路。
    Heading,
}

/// Who or what a claim is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Subject {
    pub text: String,
    pub kind: SubjectKind,
}

/// A claim's words: what it is about and what it measures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimWords {
    pub subject: Option<Subject>,
    /// The subject was read from the claim's own clause, not inherited.
    pub subject_own: bool,
    /// The metric's words, normalised, sorted and unique.
    pub metric: Vec<String>,
    /// The metric's words as written (for messages and explanations).
    pub written: String,
    /// Words mapped onto others to normalise the metric (销售额→销售), as "from→to".
    pub rewordings: Vec<String>,
    /// What a preposition opens (向柘岭县: 柘岭县).
    pub adjunct: Option<String>,
    /// What the figure is spent on (用于“三农”: “三农”).
    pub purpose: Option<String>,
    /// Every metric word is a generic one (总投资, 建筑面积, 实施项目).
    pub generic: bool,
    /// The figure counts the things the name before it names (企业新增29家): the
    /// claim is about no one thing, and takes no subject from its context.
    pub counts_kind: bool,
}

impl ClaimWords {
    /// The metric as one string (its words joined by a middle dot).
    pub fn metric_key(&self) -> String {
        self.metric.join("·")
    }

    /// Whether the metric says enough to compare: a word of two characters or more.
    pub fn is_specific(&self) -> bool {
        self.metric.iter().map(|w| w.chars().count()).sum::<usize>() >= 2
    }
}

/// A subject's name as compared: 各级 before an organisation and 系统 after
/// it name the organisation as a whole (全省各级工会, 全省工会系统: 工会); a
/// 系统 that is a thing (信息系统) is no organisation and keeps its name.
pub fn normalise_subject(name: &str) -> String {
    let name = name.strip_prefix("各级").unwrap_or(name);
    let name =
        name.strip_suffix("系统").filter(|n| is_in(ORGANISATION_ENDINGS, n) || n.ends_with('会')).unwrap_or(name);
    name.to_string()
}

/// Whether a subject is only a kind of thing (学校, 该项目, 本公司): it refers
/// back to the thing its sentence or paragraph named before (柳河县长青小学
/// …，学校占地面积12568平方米 is the school's area), not to a thing of its own.
pub fn is_anaphor(subject: &str) -> bool {
    let bare = subject.trim_start_matches(['该', '本', '此', '全']);
    lookup::KIND_OF_THING.contains(bare)
}

pub(super) fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Whether a word names nothing the metric keeps.
pub(super) fn is_frame_word(w: &str) -> bool {
    lookup::FRAME_WORDS.contains(w)
}

/// A metric word as the metric keeps it: a measure of an act as the act
/// (销售额 → 销售), a word of the table of equivalents as the first of its pair,
/// a word miswritten with a character of the same sound as the right word
/// (幅原 → 幅员, `MISWRITTEN_WORDS`).
fn normalise(w: &str) -> (String, Option<String>) {
    if let Some((a, _)) = EQUIVALENTS.iter().chain(MISWRITTEN_WORDS).find(|(_, b)| *b == w) {
        return (a.to_string(), Some(format!("{w}→{a}")));
    }
    for e in MEASURE_ENDINGS {
        if let Some(stem) = w.strip_suffix(e)
            && stem.chars().count() >= 2
        {
            return (stem.to_string(), Some(format!("{w}→{stem}")));
        }
    }
    (w.to_string(), None)
}

/// One sentence cut into words, with the places it names.
pub struct SentenceWords {
    pub words: Vec<Word>,
    /// Places named, by start, with the part each plays (see [`super::places`]).
    pub(super) places: Vec<Mention>,
}

impl SentenceWords {
    /// Cuts `body[span]` into words (through the cache, if any) and finds its places.
    pub fn new(body: &str, span: Range<usize>, figures: &[Range<usize>], cache: Option<&WordCache>) -> SentenceWords {
        let mut words = Vec::new();
        crate::checks::words::cache::words_of(cache, body, span.clone(), figures, &mut words);
        let places = super::places::mentions(body, span, &words, &is_frame_word);
        SentenceWords { words, places }
    }

    /// The words that lie within `range`.
    pub(super) fn within(&self, range: &Range<usize>) -> &[Word] {
        let a = self.words.partition_point(|w| w.span.start < range.start);
        let b = self.words.partition_point(|w| w.span.start < range.end);
        &self.words[a..b.max(a)]
    }

    /// The last place named before byte `at`.
    pub fn place_before(&self, at: usize) -> Place {
        self.places
            .iter()
            .rev()
            .find(|m| m.span.end <= at && m.role == Role::Claim)
            .map(|m| m.place.clone())
            .unwrap_or_default()
    }

    /// The first place named within `range` where figures are said of.
    pub fn place_in(&self, range: &Range<usize>) -> Option<Place> {
        self.places
            .iter()
            .find(|m| m.role == Role::Claim && range.start <= m.span.start && m.span.end <= range.end)
            .map(|m| m.place.clone())
    }

    /// Whether a place where figures are said of is named within `range`.
    pub fn names_place_in(&self, range: &Range<usize>) -> bool {
        self.places.iter().any(|m| m.role == Role::Claim && range.start <= m.span.start && m.span.end <= range.end)
    }

    /// The place a word holds after a preposition glued to it (向柘岭 / 县: 柘岭县).
    fn glued_adjunct(&self, body: &str, w: &Word) -> Option<String> {
        let c = body[w.span.clone()].chars().next()?;
        let after = w.span.start + c.len_utf8();
        if !ADJUNCT_PREPOSITIONS.iter().any(|p| p.chars().eq([c])) {
            return None;
        }
        match &self.places.iter().find(|m| m.span.start == after)?.place {
            Place::Named(name, _) => Some(name.clone()),
            _ => None,
        }
    }

    /// Whether a byte range is (part of) a place name.
    pub(super) fn in_place(&self, r: &Range<usize>) -> bool {
        self.places.iter().any(|m| m.span.start < r.end && r.start < m.span.end)
    }

    /// Whether a figure counts the things a name before it names, rather than
    /// saying something of one of them: its unit counts organisations or sites
    /// (家, 所, 座), nothing but acts stand between the name and the figure, and no
    /// noun follows the figure (科技型企业新增29家, 合作社达到60家, “小散乱”作坊近
    /// 800个). The name is then a kind, what is counted, and no subject.
    ///
    /// Left alone: a name and a counted noun of its own (公司拥有冷库12座, 公司新开
    /// 12家门店).
    fn counts_name(&self, body: &str, name: &Range<usize>, figure: &Range<usize>, trail_end: usize) -> bool {
        use crate::checks::lexicon::claims::KIND_COUNTING_UNITS;
        let unit = crate::figures::extract(&body[figure.clone()]).first().map_or("", |f| f.unit);
        if !KIND_COUNTING_UNITS.contains(&unit) {
            return false;
        }
        let nouns = |r: Range<usize>| {
            self.within(&r).iter().any(|w| {
                matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::Other | Pos::PersonName)
                    && !is_frame_word(&body[w.span.clone()])
                    && !self.in_place(&w.span)
            })
        };
        let trail = self.within(&(figure.end..trail_end));
        let after = trail.iter().take_while(|w| w.pos != Pos::Punctuation).map(|w| w.span.end).last();
        !nouns(name.end..figure.start) && !after.is_some_and(|e| nouns(figure.end..e))
    }

    /// The name an item of a list is, where the figure measures it: a name right
    /// before the figure, with no act before the name in its clause, and a figure
    /// that measures (公顷, 万元) rather than counts things of a kind (家, 个): 其中：
    /// 甲林场1.8万公顷，乙林场9000公顷 gives each farm its area. A figure that counts
    /// (企业2家) counts the kind, and a member after 、 is one of many.
    fn item_name(&self, body: &str, lead: &Range<usize>, figure: &Range<usize>) -> Option<(Subject, Range<usize>)> {
        use crate::checks::lexicon::claims::COUNTING_UNITS;
        let words = self.within(lead);
        let (last, before) = words.split_last()?;
        let text = |w: &Word| &body[w.span.clone()];
        if last.span.end != figure.start || matches!(last.pos, Pos::Verb | Pos::Figure) {
            return None;
        }
        let kind = super::subjects::ending_kind(text(last))?;
        let unit = crate::figures::extract(&body[figure.clone()]).first().map_or("", |f| f.unit);
        if unit.is_empty() || COUNTING_UNITS.contains(&unit) || before.iter().any(|w| super::subjects::acts(w, text(w)))
        {
            return None;
        }
        let k = words.len() - 1;
        let start = self.name_start(body, words, k);
        let listed = start.checked_sub(1).is_some_and(|p| text(&words[p]) == "、");
        let span = words[start].span.start..last.span.end;
        let name = normalise_subject(&body[span.clone()]);
        (!is_anaphor(&name) && !listed && start < k).then_some((Subject { text: name, kind }, span))
    }

    /// Reads the claim whose figure spans `figure`: its lead is `lead`, its trail
    /// runs to `trail_end` (the next figure or its clause's end).
    pub fn read(&self, body: &str, lead: Range<usize>, figure: Range<usize>, trail_end: usize) -> ClaimWords {
        // A name right before the figure, with what is said of it after the figure
        // (谢尔塔拉墓地二次发掘, 宝迪养猪能繁基地五条生产线均已完工, 水厂两台机组已投用):
        // the figure is said of that thing, the topic of its clause. Where the figure
        // counts the name's kind instead (铁矿企业2家正在生产, 村级光伏电站20座全部建成),
        // it is about no one thing, and the kind's words stay words of its metric.
        let mut counted_topic = false;
        let found = match self.subject_with_span(body, lead.clone()) {
            Some(found) => Some(found),
            None => match self
                .subject_with_span(body, lead.start..trail_end.max(figure.end))
                .filter(|(_, span)| span.end == figure.start && span.start >= lead.start)
            {
                Some((_, span)) if self.counts_name(body, &span, &figure, trail_end) => {
                    counted_topic = true;
                    None
                }
                Some(found) => Some(found),
                None => self.item_name(body, &lead, &figure),
            },
        };
        let (mut subject, subject_span) = match found {
            Some((s, span)) => (Some(s), Some(span)),
            None => (None, None),
        };
        let counts_kind =
            counted_topic || subject_span.as_ref().is_some_and(|span| self.counts_name(body, span, &figure, trail_end));
        if counts_kind {
            subject = None;
        }
        let mut metric: Vec<String> = Vec::new();
        let mut written = String::new();
        let mut rewordings = Vec::new();
        let mut adjunct: Option<String> = None;
        let mut purpose: Option<String> = None;
        let mut keep = |w: &str, metric: &mut Vec<String>, written: &mut String| {
            let (n, rewording) = normalise(w);
            written.push_str(w);
            metric.push(n);
            if let Some(r) = rewording {
                rewordings.push(r);
            }
        };
        // The lead, back from the figure to a stop word. A change word right before
        // 到 or 至 (贫困人口减少到444户) says where the metric came to, a level of it:
        // it stops nothing and is no word of the metric.
        let lead_words = self.within(&lead);
        let came_to = |k: usize| {
            lead_words.get(k + 1).is_some_and(|n| matches!(&body[n.span.clone()], "到" | "至"))
                && lookup::METRIC_STOP.contains(&body[lead_words[k].span.clone()])
        };
        let from = (0..lead_words.len())
            .rev()
            .find(|&k| lookup::METRIC_STOP.contains(&body[lead_words[k].span.clone()]) && !came_to(k))
            .map_or(0, |k| k + 1);
        let mut k = from;
        while k < lead_words.len() {
            let w = &lead_words[k];
            let t = &body[w.span.clone()];
            k += 1;
            if came_to(k - 1) {
                continue;
            }
            if adjunct.is_none()
                && let Some(place) = self.glued_adjunct(body, w)
            {
                adjunct = Some(place);
                continue;
            }
            if is_in(PURPOSE_WORDS, t) && purpose.is_none() {
                let (text, next) = purpose_from(body, lead_words, k);
                if !text.is_empty() {
                    purpose = Some(text);
                    k = next;
                    continue;
                }
            }
            if subject_span.as_ref().is_some_and(|s| s.start <= w.span.start && w.span.end <= s.end)
                || self.in_place(&w.span)
                || !w.pos.is_content()
                || is_frame_word(t)
                || w.pos == Pos::Time
            {
                if is_in(ADJUNCT_PREPOSITIONS, t) && adjunct.is_none() {
                    let (text, next) = adjunct_from(body, lead_words, k, self);
                    if !text.is_empty() {
                        adjunct = Some(text);
                        k = next;
                    }
                }
                continue;
            }
            keep(t, &mut metric, &mut written);
        }
        // The trail: the noun after the classifier, up to a stop, a figure or six words.
        let trail = self.within(&(figure.end..trail_end));
        let mut taken = 0;
        let mut k = 0;
        while k < trail.len() && taken < 6 {
            let w = &trail[k];
            let t = &body[w.span.clone()];
            k += 1;
            if matches!(t, "“" | "”" | "《" | "》" | "\"") {
                continue;
            }
            if w.pos == Pos::Figure || w.pos == Pos::Punctuation || lookup::METRIC_STOP.contains(t) {
                break;
            }
            if adjunct.is_none()
                && let Some(place) = self.glued_adjunct(body, w)
            {
                adjunct = Some(place);
                continue;
            }
            if is_in(ADJUNCT_PREPOSITIONS, t) && adjunct.is_none() {
                let (text, next) = adjunct_from(body, trail, k, self);
                if !text.is_empty() {
                    adjunct = Some(text);
                    k = next;
                    continue;
                }
            }
            if self.in_place(&w.span) || !w.pos.is_content() || is_frame_word(t) || w.pos == Pos::Time {
                continue;
            }
            keep(t, &mut metric, &mut written);
            taken += 1;
        }
        metric.sort();
        metric.dedup();
        let generic = metric.iter().all(|w| lookup::GENERIC_METRIC.contains(w));
        // Kept at their length: a long text keeps the words of each of its claims.
        metric.shrink_to_fit();
        written.shrink_to_fit();
        ClaimWords { subject, subject_own: false, metric, written, rewordings, adjunct, purpose, generic, counts_kind }
    }
}

/// The adjunct a preposition opens at `words[k..]`: the place right after it
/// (as its canonical name), or else up to two nouns; and where reading goes on.
/// 向柘岭县选派 gives 柘岭县, 与脱贫村结对 gives 脱贫村.
fn adjunct_from(body: &str, words: &[Word], mut k: usize, sentence: &SentenceWords) -> (String, usize) {
    let Some(first) = words.get(k) else { return (String::new(), k) };
    if let Some(m) = sentence.places.iter().find(|m| m.span.start <= first.span.start && first.span.start < m.span.end)
    {
        while k < words.len() && words[k].span.start < m.span.end {
            k += 1;
        }
        let name = match &m.place {
            Place::Named(name, _) => name.clone(),
            Place::Whole(l) => format!("全{l}"),
            Place::Unnamed => String::new(),
        };
        return (name, k);
    }
    let mut text = String::new();
    let mut taken = 0;
    while k < words.len() && taken < 2 {
        let w = &words[k];
        let t = &body[w.span.clone()];
        if !matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::PersonName | Pos::PlaceName) || is_frame_word(t) {
            break;
        }
        text.push_str(t);
        taken += 1;
        k += 1;
    }
    (text, k)
}

/// The purpose a word of purpose opens at `words[k..]` (用于“三农”的: “三农”):
/// its words up to 的, an act or a mark; and where reading goes on.
fn purpose_from(body: &str, words: &[Word], mut k: usize) -> (String, usize) {
    let mut text = String::new();
    while k < words.len() {
        let w = &words[k];
        let t = &body[w.span.clone()];
        if t == "的" {
            k += 1;
            break;
        }
        if matches!(w.pos, Pos::Verb | Pos::Figure)
            || (w.pos == Pos::Punctuation && !matches!(t, "“" | "”" | "《" | "》"))
        {
            break;
        }
        text.push_str(t);
        k += 1;
    }
    (text, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> SentenceWords {
        let figures: Vec<Range<usize>> = crate::figures::extract(text).into_iter().map(|f| f.span).collect();
        SentenceWords::new(text, 0..text.len(), &figures, None)
    }

    fn places(text: &str) -> Vec<String> {
        let s = sentence(text);
        s.places
            .iter()
            .map(|m| match &m.place {
                Place::Named(n, _) => n.clone(),
                Place::Whole(l) => format!("全{l}"),
                Place::Unnamed => "-".into(),
            })
            .collect()
    }

    /// The words of the claim of the figure that starts with `figure`, its lead from
    /// the clause start.
    pub(super) fn claim(text: &str, figure: &str) -> ClaimWords {
        let figures = crate::figures::extract(text);
        let f = figures.iter().find(|f| text[f.span.clone()].starts_with(figure)).expect("the figure");
        let clause_start = text[..f.span.start].rfind(['，', '。', '；', '：']).map_or(0, |i| i + '，'.len_utf8());
        let prev_end = figures
            .iter()
            .filter(|g| !text[g.span.clone()].starts_with('第'))
            .map(|g| g.span.end)
            .filter(|e| *e <= f.span.start && *e > clause_start)
            .max();
        let lead = prev_end.unwrap_or(clause_start)..f.span.start;
        let next = figures.iter().map(|g| g.span.start).filter(|s| *s > f.span.start).min();
        let clause_end = text[f.span.end..].find(['，', '。', '；']).map_or(text.len(), |i| f.span.end + i);
        let trail_end = next.unwrap_or(clause_end).min(clause_end);
        sentence(text).read(text, lead, f.span.clone(), trail_end)
    }

    #[test]
    fn places_of_the_list_of_the_pattern_and_whole_units() {
        assert_eq!(
            places("市总工会为新疆和田地区皮山农场职工书屋捐赠图书1.48万余册"),
            ["全市", "新疆维吾尔自治区", "和田地区"]
        );
        assert_eq!(places("今年全县新建帮扶车间，梅坳镇7家、桐溪镇5家"), ["全县", "梅坳镇", "桐溪镇"]);
        assert_eq!(places("宁屿市3个结对区今年向柘岭县捐赠帮扶资金"), ["宁屿市", "柘岭县"]);
        assert_eq!(places("青峪县向东滨市输送务工人员"), ["青峪县", "东滨市"]);
        assert_eq!(places("全市城镇居民人均可支配收入"), ["全市"]);
        assert_eq!(places("带动返乡创业，其中柘水县建成扶贫车间"), ["柘水县"]);
    }

    #[test]
    fn a_qualifier_moved_or_a_verb_added_makes_no_new_metric() {
        let a = claim("2023年，全县转移就业农村劳动力3.2万人。", "3.2万");
        let b = claim("2023年，全县农村劳动力转移就业3.4万人，其中到东滨市就业1.1万人。", "3.4万");
        assert_eq!(a.metric, b.metric);
        let a = claim("今年，全县帮助2860名脱贫劳动力实现转移就业。", "2860");
        let b = claim("今年全县脱贫劳动力转移就业2680人。", "2680");
        assert_eq!(a.metric, b.metric, "{} / {}", a.written, b.written);
        let a = claim("今年全县举办专场招聘会38场。", "38");
        let b = claim("今年全县专场招聘会共举办36场，提供就业岗位1.2万个。", "36");
        assert_eq!(a.metric, b.metric);
        // A measure of an act is the act, noted as a rewording.
        let a = claim("全年销售消费帮扶产品1.36亿元。", "1.36");
        let b = claim("全年全县消费帮扶产品销售额达1.46亿元。", "1.46");
        assert_eq!(a.metric, b.metric);
        assert!(b.rewordings.iter().any(|r| r.starts_with("销售额")), "{:?}", b.rewordings);
    }

    #[test]
    fn other_words_make_another_metric() {
        let a = claim("全县帮扶车间带动脱贫劳动力就业1860人，带动脱贫人口增收5200人。", "1860");
        let b = claim("全县帮扶车间带动脱贫劳动力就业1860人，带动脱贫人口增收5200人。", "5200");
        assert_ne!(a.metric, b.metric);
        let a = claim("今年全县培训脱贫劳动力4200人次。", "4200");
        let b = claim("今年全县培训乡村工匠和致富带头人860人次。", "860");
        assert_ne!(a.metric, b.metric);
        let a = claim("全年培训贫困劳动力3200人次。", "3200");
        let b = claim("全年技能培训贫困劳动力2800人次。", "2800");
        assert_ne!(a.metric, b.metric, "an inserted qualifier narrows the metric");
    }

    #[test]
    fn subjects_stand_before_the_act() {
        let c = claim("县总工会今年投入帮扶资金760万元。", "760");
        assert_eq!(c.subject.map(|s| s.text), Some("总工会".to_string()));
        let c = claim("桐溪镇冷链物流园项目总投资5600万元。", "5600");
        assert_eq!(c.subject.as_ref().map(|s| s.kind), Some(SubjectKind::Project), "{:?}", c.subject);
        assert!(c.generic, "总投资 alone says too little: {:?}", c.metric);
        let c = claim("“柘岭山珍”区域公用品牌今年销售额1.26亿元。", "1.26");
        assert_eq!(c.subject.map(|s| s.text), Some("“柘岭山珍”区域公用品牌".to_string()));
        // What is counted is no subject: 实施项目169个.
        let c = claim("全年实施项目169个。", "169");
        assert!(c.subject.is_none(), "{:?}", c.subject);
        assert!(c.generic);
    }

    #[test]
    fn an_ordinal_numbers_the_name_it_opens() {
        for (text, figure, name) in [
            ("城关第二小学今年在校学生1320人。", "1320", "第二小学"),
            ("第三人民医院去年接诊患者8.6万人次。", "8.6", "第三人民医院"),
            ("宁屿市第九中学今年招收新生640名。", "640", "第九中学"),
        ] {
            let c = claim(text, figure);
            assert_eq!(c.subject.map(|s| s.text), Some(name.to_string()), "{text}");
        }
        // A place before the name is its place, not its name (城关: 第二小学).
        // An ordinal that counts a batch is no name: 第二批 is when, not who.
        let c = claim("第二批共确定示范村45个。", "45");
        assert!(c.subject.is_none(), "{:?}", c.subject);
    }

    #[test]
    fn a_word_miswritten_with_a_same_sounding_character_is_read_as_the_right_word() {
        let right = claim("全乡幅员面积86.5平方公里。", "86.5");
        for text in
            ["全乡幅原面积86.5平方公里。", "该村幅原面积为86.5平方公里。", "全镇现有幅原面积86.5平方公里，耕地3万亩。"]
        {
            let miswritten = claim(text, "86.5");
            assert_eq!(miswritten.metric, right.metric, "{text}");
            assert!(miswritten.rewordings.iter().any(|r| r == "幅原→幅员"), "{text}");
        }
        // Clean look-alike: 原 in another word (原有) is no 幅员.
        assert!(!claim("全乡原有耕地面积86.5公顷。", "86.5").metric.iter().any(|m| m.contains("幅员")));
    }

    #[test]
    fn a_change_word_before_to_says_where_the_metric_came_to() {
        assert_eq!(claim("全镇贫困人口减少到86户。", "86").metric, ["贫困人口"]);
        assert_eq!(claim("今年，全村贫困发生率下降至0.8%。", "0.8").metric, ["贫困发生率"]);
        let w = claim("全区农村低保对象增加到1200人。", "1200");
        assert!(w.metric.iter().any(|m| m.contains("低保")) && !w.metric.iter().any(|m| m == "增加"), "{}", w.written);
        // Clean look-alike: a change without 到 is the change; its words stop there.
        assert!(claim("全镇贫困人口比上年减少86户。", "86").metric.is_empty());
    }

    #[test]
    fn adjuncts_are_kept_apart() {
        let a = claim("今年宁屿市选派124名支教教师到柘岭县。", "124");
        let b = claim("今年，宁屿市向柘岭县选派支教教师142名，覆盖中小学38所。", "142");
        assert_eq!(a.metric, b.metric, "{} / {}", a.written, b.written);
        assert_eq!(a.adjunct.as_deref(), Some("柘岭县"));
        assert_eq!(b.adjunct.as_deref(), Some("柘岭县"));
    }
}
