//! Subjects said once for many figures: the thing a paragraph opens with
//! (柳河县第一中学。…), a run-in heading that names a thing (2.“组组通”公路。…),
//! a note 〔n〕 that describes one project, a label before a colon (住宅：…).
//! A claim whose own words name no subject takes the nearest of these.

use std::ops::Range;

use super::reading::{SentenceWords, Subject, SubjectKind, is_anaphor, is_frame_word, is_in, normalise_subject};
use super::scope;
use crate::checks::lexicon::claims::{ADJUNCT_PREPOSITIONS, LIGHT_VERBS, PLACE_ENDINGS, PURPOSE_WORDS, SCOPE_WORDS};
use crate::checks::lexicon::lookup;
use crate::checks::words::{Pos, Word};

/// Whether a word ends as the name of an organisation or a project does, and which.
pub(super) fn ending_kind(t: &str) -> Option<SubjectKind> {
    if lookup::ORGANISATION_ENDING.ends(t) {
        Some(SubjectKind::Organisation)
    } else if lookup::PROJECT_ENDING.ends(t) {
        Some(SubjectKind::Project)
    } else {
        None
    }
}

/// Whether a word acts: a verb, a verb used as a noun (带动就业), a preposition, a
/// word of purpose. A name before it is who acts; a name after it is acted on.
pub(super) fn acts(w: &Word, t: &str) -> bool {
    matches!(w.pos, Pos::Verb | Pos::Preposition) || is_in(ADJUNCT_PREPOSITIONS, t) || is_in(PURPOSE_WORDS, t)
}

/// Whether a word says something of the thing before it: an act, or a measure
/// (总投资, 面积, 产值, 销售额, 覆盖率). Only then is the thing a subject:
/// 政协提案1053件 counts proposals (政协 owns them), 项目总投资 measures the project.
pub(super) fn says_of(w: &Word, t: &str) -> bool {
    acts(w, t)
        || w.pos == Pos::VerbNoun
        || lookup::GENERIC_METRIC.contains(t)
        || lookup::MEASURE_ENDING.ends(t)
        || t.ends_with(['率', '量', '额'])
}

/// Whether a word is a count of things (多家, 3所, 十余个): a numeral or a figure
/// that ends with a counting unit (`COUNTING_UNITS`). 五道 of 五道沟 counts nothing
/// a name is made of, so a count is what is read, not a numeral alone.
fn is_count(w: &Word, t: &str) -> bool {
    use crate::checks::lexicon::claims::COUNTING_UNITS;
    matches!(w.pos, Pos::Numeral | Pos::Figure) && !t.starts_with('第') && COUNTING_UNITS.iter().any(|u| t.ends_with(u))
}

/// Whether a word right after the ending of a name is a noun the name qualifies
/// (企业 / 职工, 学校 / 教师): a plain noun that is no measure, no act and no word
/// of frame. Such a kind names no thing a later bare kind refers back to.
fn qualifies(w: &Word, t: &str) -> bool {
    matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::Other) && !says_of(w, t) && !is_frame_word(t)
}

impl SentenceWords {
    /// The subject the words of `range` name in topic position: an organisation
    /// or a project named before what is said of it, or a name in quotation marks
    /// before any act.
    ///
    /// - 县总工会今年投入帮扶资金760万元: 总工会 (in 全县), acting.
    /// - 桐溪镇冷链物流园项目总投资5600万元: 冷链物流园项目, measured.
    /// - “柘岭山珍”区域公用品牌今年销售额1.26亿元: the brand.
    ///
    /// Left alone: what is counted (实施项目169个, 政协提案1053件), a name after an act
    /// (参与“百企帮百村”行动的企业), a member of a list (中南大学、北京林业大学等高校),
    /// a five-year plan in quotation marks (“十二五”期间: a time), a verb and a noun
    /// the segmenter ran together (办理人大建议).
    pub fn subject_in(&self, body: &str, range: Range<usize>) -> Option<Subject> {
        self.subject_with_span(body, range).map(|(s, _)| s)
    }

    /// The subject, with the bytes its name spans.
    pub(super) fn subject_with_span(&self, body: &str, range: Range<usize>) -> Option<(Subject, Range<usize>)> {
        let words = self.within(&range);
        let text = |w: &Word| &body[w.span.clone()];
        // What stands before a colon is a label (住宅：, 〔7〕某某工作思路：), read as
        // such by `label_before`; a name inside it says nothing of the clauses after.
        let words = match words.iter().rposition(|w| matches!(text(w), "：" | ":")) {
            Some(c) => &words[c + 1..],
            None => words,
        };
        let after_short = |w: &Word| self.places.iter().any(|m| m.short && m.span.end == w.span.start);
        let first_act = words
            .iter()
            .position(|w| {
                acts(w, text(w)) && w.pos != Pos::Figure && !(after_short(w) && ending_kind(text(w)).is_some())
            })
            .unwrap_or(words.len());
        // An owner right before the figure, with 的 (把中央财政的400亿元资金用好,
        // 公司的200名员工): the figure is the owner's, whatever act came before.
        if let [.., owner, de] = words
            && text(de) == "的"
            && owner.pos != Pos::Verb
            && let Some(kind) = ending_kind(text(owner))
        {
            let k = words.len() - 2;
            let start = self.name_start(body, words, k);
            let span = words[start].span.start..owner.span.end;
            let name = normalise_subject(&body[span.clone()]);
            if !is_anaphor(&name) {
                return Some((Subject { text: name, kind }, span));
            }
        }
        // An owner right before a measure of it and the figure (关停甲水泥有限公司日产
        // 500吨熟料生产线, 引进乙公司投资5亿元): the figure measures the owner, whatever
        // act came before.
        if let [.., owner, measure] = words
            && !matches!(owner.pos, Pos::Verb | Pos::Figure)
            && measure.pos != Pos::Verb
            && lookup::GENERIC_METRIC.contains(text(measure))
            && self.words.iter().any(|w| w.span.start == measure.span.end && w.pos == Pos::Figure)
            && let Some(kind) = ending_kind(text(owner))
        {
            let k = words.len() - 2;
            let start = self.name_start(body, words, k);
            let span = words[start].span.start..owner.span.end;
            let name = normalise_subject(&body[span.clone()]);
            let listed = start.checked_sub(1).is_some_and(|p| text(&words[p]) == "、");
            if !is_anaphor(&name) && !listed {
                return Some((Subject { text: name, kind }, span));
            }
        }
        // A quoted name before any act: “柘岭山珍”区域公用品牌.
        let mut i = 0;
        while i < first_act.min(words.len()) {
            let w = &words[i];
            let close = match text(w) {
                "“" => "”",
                "《" => "》",
                "\"" => "\"",
                _ => {
                    i += 1;
                    continue;
                }
            };
            let Some(j) = words[i + 1..].iter().position(|x| text(x) == close) else { break };
            let end = i + 1 + j;
            let inner = &body[w.span.end..words[end].span.start];
            // “十二五”, “2020”: a time in quotation marks, no thing.
            if !scope::plans(inner).is_empty() || scope::is_time_clause(inner) {
                i = end + 1;
                continue;
            }
            // The name and the nouns after it, up to an act or a figure.
            let mut k = end + 1;
            while k < words.len()
                && matches!(words[k].pos, Pos::Noun | Pos::Unknown | Pos::VerbNoun | Pos::Other)
                && !is_frame_word(text(&words[k]))
            {
                k += 1;
            }
            let last = words.get(k.saturating_sub(1)).map_or(w.span.end, |x| x.span.end);
            let name = body[w.span.start..last].to_string();
            return Some((Subject { text: name, kind: SubjectKind::Quoted }, w.span.start..last));
        }
        // The last name of an organisation or a project before any act, with something
        // said of it after it.
        for k in (0..first_act.min(words.len())).rev() {
            let w = &words[k];
            // The segmenter may tag a one-character kind after a place's short form
            // as a verb (柳河 / 站): right after the place, it ends a name.
            if (w.pos == Pos::Verb && !after_short(w))
                || matches!(w.pos, Pos::Figure | Pos::Punctuation)
                || is_frame_word(text(w))
            {
                continue;
            }
            let Some(kind) = ending_kind(text(w)) else { continue };
            if !words[k + 1..].iter().any(|x| says_of(x, text(x))) {
                continue;
            }
            // A member of a list (中南大学、北京林业大学等十余所高校) is one of many.
            let next = words.get(k + 1).map_or("", text);
            let prev = k.checked_sub(1).map_or("", |p| text(&words[p]));
            if matches!(next, "、" | "等" | "和" | "及") || prev == "、" {
                continue;
            }
            let start = self.name_start(body, words, k);
            // A kind after 等 or after a count (甲、乙等企业; 多家大型企业) is the class
            // of what is listed or counted, no one thing.
            if start.checked_sub(1).is_some_and(|p| text(&words[p]) == "等" || is_count(&words[p], text(&words[p]))) {
                continue;
            }
            let span = words[start].span.start..w.span.end;
            return Some((Subject { text: normalise_subject(&body[span.clone()]), kind }, span));
        }
        None
    }

    /// Where the name that ends at word `k` starts: back over the nouns, names,
    /// numbers and ordinals before it (第九中学, 亘富200万吨褐煤提质项目), and a verb
    /// inside the name right before its ending (城东污水处理厂改造项目, not 完善景区),
    /// never over a place, a word of grammar or a mark.
    ///
    /// A name is built of nouns, and of words that act elsewhere once a noun of
    /// the name stands before them: a light verb used as a noun (农业发展有限公司,
    /// 城乡建设投资集团; 发展 and 建设 are frame words of metrics, not of names) and a
    /// word the segmenter does not know that opens with a verb (宝迪养猪能繁基地:
    /// 能繁, of breeding sows). With no noun before it, such a word is the act
    /// (做响品牌, 完善景区).
    pub(super) fn name_start(&self, body: &str, words: &[Word], k: usize) -> usize {
        let mut start = k;
        while start > 0 {
            let p = &words[start - 1];
            let pt = &body[p.span.clone()];
            let noun = matches!(
                p.pos,
                Pos::Noun
                    | Pos::Unknown
                    | Pos::VerbNoun
                    | Pos::Adjective
                    | Pos::Other
                    | Pos::Numeral
                    | Pos::PersonName
                    | Pos::PlaceName
            );
            let verb_inside = p.pos == Pos::Verb
                && start == k
                && start >= 2
                && matches!(words[start - 2].pos, Pos::Noun | Pos::Unknown | Pos::VerbNoun | Pos::Other)
                && !is_frame_word(&body[words[start - 2].span.clone()]);
            // A figure inside a name (亘富200万吨褐煤提质项目): a noun after it and before it.
            let nounish = |w: &Word| matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::VerbNoun | Pos::Other);
            let figure_inside = p.pos == Pos::Figure
                && words.get(start).is_some_and(|n| n.pos != Pos::Figure)
                && start >= 2
                && nounish(&words[start - 2]);
            // An ordinal that numbers the name (第一中学, 第三人民医院): the figure
            // engine reads 第一 as a figure, yet it is part of the name.
            // It opens the name: nothing before it belongs to the name but a place.
            if p.pos == Pos::Figure && pt.starts_with('第') {
                start -= 1;
                break;
            }
            // A word that acts elsewhere, with a noun of the name before it (see above).
            let inside = start >= 2 && {
                let before = &words[start - 2];
                nounish(before) && !is_frame_word(&body[before.span.clone()]) && !self.in_place(&before.span)
            };
            let light_inside = inside && p.pos == Pos::VerbNoun && is_in(LIGHT_VERBS, pt);
            // A count before a kind counts it (多家大型企业, 十余所高校): no part of a name.
            if is_count(p, pt) {
                break;
            }
            // An item's marker (二是) glued by the segmenter opens the item, not the name.
            let marker = crate::checks::lexicon::relations::ITEM_MARKERS.contains(&pt);
            // An unknown word that opens with a verb (抓牢, 做响) is an act, not a name's part.
            // (A verb the segmenter knows is weighed by `verb_inside` above.)
            // Nor is one right after a verb: it opens the verb's object (关停蒙西水泥有限公司).
            let after_verb = start >= 2 && words[start - 2].pos == Pos::Verb;
            let marker =
                marker || (p.pos == Pos::Unknown && super::names::opens_with_verb(pt, p.pos) && !inside && !after_verb);
            if (noun || verb_inside || figure_inside)
                && (!is_frame_word(pt) || light_inside)
                && !self.in_place(&p.span)
                && !marker
            {
                start -= 1;
            } else {
                break;
            }
        }
        self.short_place_in_name(body, words, start, k)
    }

    /// The name a figure stands inside, where it does: 亘富200万吨褐煤提质项目,
    /// 安全生产专项整治三年行动, 和平共处五项原则: the nouns right before the figure and
    /// right after it run, with no mark, to the ending of a name.
    pub(super) fn name_around(&self, body: &str, figure: &Range<usize>) -> Option<Subject> {
        let k = self.words.iter().position(|w| w.span.start == figure.start && w.pos == Pos::Figure)?;
        let naming = |w: &Word| {
            matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::VerbNoun | Pos::Other | Pos::PersonName)
                && !is_frame_word(&body[w.span.clone()])
        };
        let mut end = k;
        while end + 1 < self.words.len() && naming(&self.words[end + 1]) {
            end += 1;
        }
        // The name ends at the last word of the run that ends a name: the nouns after
        // it say what of the thing is meant (亘富200万吨褐煤提质项目主体完工: 项目).
        while end > k && ending_kind(&body[self.words[end].span.clone()]).is_none() {
            end -= 1;
        }
        if end == k {
            return None;
        }
        let last = &self.words[end];
        let kind = ending_kind(&body[last.span.clone()])?;
        // A count of things (41个安置区, 3个中转站) counts them: no name.
        let unit = crate::figures::extract(&body[figure.clone()]).first().map_or("", |f| f.unit);
        if crate::checks::lexicon::claims::COUNTING_UNITS.contains(&unit) {
            return None;
        }
        let start = self.name_start(body, &self.words, k);
        if start == k {
            return None;
        }
        let text = normalise_subject(&body[self.words[start].span.start..last.span.end]);
        Some(Subject { text, kind })
    }

    /// Every thing `range` names by the ending of an organisation's or a
    /// project's name (中溢集团新能源科技有限公司, 烟田园区), in order: what a bare
    /// kind after it (公司, 园区) may refer back to. A kind alone or one that only
    /// qualifies the noun after it (企业 / 职工) names no thing.
    pub(super) fn names_in(&self, body: &str, range: Range<usize>) -> Vec<Subject> {
        let words = self.within(&range);
        let text = |w: &Word| &body[w.span.clone()];
        let mut out = Vec::new();
        for (k, w) in words.iter().enumerate() {
            let Some(kind) = ending_kind(text(w)) else { continue };
            if matches!(w.pos, Pos::Verb | Pos::Figure) || words.get(k + 1).is_some_and(|x| qualifies(x, text(x))) {
                continue;
            }
            let start = self.name_start(body, words, k);
            let name = normalise_subject(&body[words[start].span.start..w.span.end]);
            if !is_anaphor(&name) {
                out.push(Subject { text: name, kind });
            }
        }
        out
    }

    /// Whether a clause opens with an act, so that it goes on speaking of the
    /// subject an earlier clause named (县总工会投入…，组织…): its first word that is no
    /// time, place or word of scope acts. A clause that opens with a thing of its
    /// own (41个安置区…, 矿泉水企业1家…) or a word of stock (现有…) speaks of that.
    pub(super) fn opens_with_act(&self, body: &str, clause: &Range<usize>) -> bool {
        let first = self.within(clause).iter().find(|w| {
            let t = &body[w.span.clone()];
            w.pos != Pos::Punctuation && w.pos != Pos::Time && !self.in_place(&w.span) && !is_frame_word(t)
                || is_in(SCOPE_WORDS, t) && matches!(t, "现有" | "共有" | "拥有" | "有")
        });
        first.is_some_and(|w| {
            let t = &body[w.span.clone()];
            (matches!(w.pos, Pos::Verb | Pos::Adverb | Pos::VerbNoun) || acts(w, t)) && !is_in(SCOPE_WORDS, t)
        })
    }

    /// A clause that is nothing but a name (京东商城项目，项目位于…): the thing its
    /// paragraph is about. Every word names (no act), and the last ends as the name
    /// of an organisation or a project does.
    pub fn name_clause(&self, body: &str, range: Range<usize>) -> Option<Subject> {
        let words = self.within(&range);
        let content: Vec<&Word> = words.iter().filter(|w| w.pos != Pos::Punctuation).collect();
        let last = content.last()?;
        let kind = ending_kind(&body[last.span.clone()])?;
        let naming = |w: &&Word| {
            matches!(
                w.pos,
                Pos::Noun | Pos::Unknown | Pos::VerbNoun | Pos::PlaceName | Pos::PersonName | Pos::Other | Pos::Numeral
            ) || (w.pos == Pos::Figure && body[w.span.clone()].starts_with('第'))
                || self.in_place(&w.span)
        };
        // A name does not open with an act (做响特色品牌 is a task).
        let first = content.first()?;
        if !content.iter().all(naming) || super::names::opens_with_verb(&body[first.span.clone()], first.pos) {
            return None;
        }
        // The name without the place it opens with (柳河县第一中学: 第一中学, in 柳河县).
        let start = content.iter().find(|w| !self.in_place(&w.span))?.span.start;
        let text = normalise_subject(&body[start..last.span.end]);
        (!is_anaphor(&text)).then_some(Subject { text, kind })
    }
}

/// The subject a bare kind of thing refers back to (该公司, 项目, 园区): the last
/// thing of that kind named before it in its paragraph (正通药业有限公司 for 该公司,
/// 烟田园区 for 园区). With none of its kind named, it refers to nothing of its
/// own (人大 of 人大建议 is no organisation named before): the claim then takes
/// its paragraph's subject, if any.
pub(super) fn antecedent<'a>(anaphor: &str, named: &'a [Subject]) -> Option<&'a Subject> {
    let kind = anaphor.trim_start_matches(['该', '本', '此', '全']);
    named.iter().rev().find(|s| s.text.ends_with(kind) && s.text != kind)
}

/// The thing a run-in heading names, where it names one (2.“组组通”公路。…,
/// 3.柳河县第一中学。…): what its paragraph is about. One that names a kind of
/// work (（三）资金投入。, 二、走访慰问。) is a topic of the whole brief, and no subject.
/// A heading names a thing when it is quoted, or ends as the name of an
/// organisation, a project or a place does (the lexicon's endings).
pub(super) fn heading_subject(paragraph: &str) -> Option<Subject> {
    let (_, _, len) = crate::model::heading_marker(paragraph)?;
    let rest = &paragraph[len..];
    let end = rest.find(['。', '：', ':'])?;
    let head = rest[..end].trim();
    if !(2..=14).contains(&head.chars().count()) || head.contains(['，', ',']) {
        return None;
    }
    // A name (“组组通”公路, 柳河县第一中学), not an act (做响特色品牌, 抓园区建设招商).
    let words = SentenceWords::new(head, 0..head.len(), &[], None);
    if words.words.first().is_some_and(|w| super::names::opens_with_verb(&head[w.span.clone()], w.pos)) {
        return None;
    }
    let quoted = head.starts_with(['“', '《']);
    let place = PLACE_ENDINGS.iter().any(|e| head.ends_with(e)) && !words.words.iter().any(|w| w.pos == Pos::Verb);
    (quoted || place || words.name_clause(head, 0..head.len()).is_some())
        .then(|| Subject { text: head.to_string(), kind: SubjectKind::Heading })
}

/// Where a paragraph's first clause that is not a time alone lies (bytes in the
/// section body): the place a paragraph names what it is about (柳河县第一中学成立于…).
pub(super) fn opening_clause(body: &str, para_start: usize, marks: &[usize]) -> std::ops::Range<usize> {
    let paragraph_end = body[para_start..].find('\n').map_or(body.len(), |i| para_start + i);
    let mut start = para_start;
    for &m in &marks[marks.partition_point(|m| *m < para_start)..] {
        if m > paragraph_end {
            break;
        }
        if !scope::is_time_clause(&body[start..m]) {
            return start..m;
        }
        start = m + body[m..].chars().next().map_or(1, char::len_utf8);
    }
    start..paragraph_end
}

/// The brackets a note's number stands in: 〔7〕, [7], ［7］, 【7】.
pub(crate) const NOTE_BRACKETS: &[(char, char)] = &[('〔', '〕'), ('[', ']'), ('［', '］'), ('【', '】')];

/// The number of the note that `paragraph` is (it opens with its number in
/// brackets, 〔7〕 or [7]: up to three digits), and the text after the mark.
pub(crate) fn note_opening(paragraph: &str) -> Option<(&str, &str)> {
    let p = paragraph.trim_start();
    let (open, close) = NOTE_BRACKETS.iter().copied().find(|(o, _)| p.starts_with(*o))?;
    let inner_end = p.find(close)?;
    let number = &p[open.len_utf8()..inner_end];
    let digits = !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit());
    digits.then(|| (number, &p[inner_end + close.len_utf8()..]))
}

/// The thing a note describes, where the paragraph is a note: it opens with
/// its number in brackets (〔7〕装配式建筑产业园：项目占地1669亩…). Every figure
/// of the note is about that thing, not about the report's place as a whole,
/// so two notes' 总投资 are two projects'. The subject is the thing's name
/// (装配式建筑产业园), so that the body's mention of it meets the note's.
pub(super) fn note_subject(paragraph: &str) -> Option<Subject> {
    let (_, rest) = note_opening(paragraph)?;
    let rest = rest.trim_start();
    // The name: up to the colon, or the first mark.
    let end = rest.find(['：', ':', '，', '。', '；']).unwrap_or(rest.len());
    let name: String = rest[..end].chars().take(20).collect();
    // A note that opens with a count of a kind of thing (〔7〕3个垃圾转运站：…)
    // describes several things, not one: no subject. A count that opens a slogan
    // (〔9〕“四个最严”, 四个全面) is part of the name of one idea.
    let counts = crate::figures::extract(&name)
        .first()
        .is_some_and(|f| f.span.start == 0 && crate::checks::lexicon::claims::COUNTING_UNITS.contains(&f.unit))
        && ending_kind(&name).is_some();
    if name.is_empty() || counts {
        return None;
    }
    // The body that owns the noted thing (省委“一二三”工作思路: 省委) names where
    // it applies, not the thing: the note's subject is the thing.
    let words = SentenceWords::new(&name, 0..name.len(), &[], None);
    let owner = |w: &Word| {
        words.places.iter().any(|m| {
            matches!(m.place, super::scope::Place::Whole(_)) && m.span.start < w.span.end && w.span.start < m.span.end
        })
    };
    let start = words.words.iter().find(|w| !owner(w)).map_or(0, |w| w.span.start);
    let text = if start < name.len() { name[start..].to_string() } else { name };
    Some(Subject { text, kind: SubjectKind::Note })
}

/// A label that heads the clauses after it in a sentence (住宅：28元/平方米,
/// 第二阶梯：…): the figures after it are about that label. `head` is the
/// sentence up to its last colon before the figure.
pub(super) fn label_before(head: &str) -> Option<String> {
    let start = head
        .rfind(['，', '；', '。', ',', ';', '\n'])
        .map_or(0, |j| j + head[j..].chars().next().map_or(1, char::len_utf8));
    let label = head[start..].trim();
    let n = label.chars().count();
    let generic = ["其中", "具体", "主要", "包括", "如下", "分别", "一是", "目前"].iter().any(|w| label.ends_with(w));
    ((1..=16).contains(&n) && !generic && !label.contains(|c: char| c.is_ascii_digit())).then(|| label.to_string())
}

/// What a claim's subject may come from, nearest first.
pub(super) struct Sources<'a> {
    pub body: &'a str,
    /// Named in the claim's own lead.
    pub own: Option<Subject>,
    /// The name the figure stands inside (安全生产专项整治三年行动).
    pub around: Option<Subject>,
    /// The label before a colon that heads the clause.
    pub labelled: Option<String>,
    /// The claim's clause up to its figure.
    pub clause: Range<usize>,
    /// The subject an earlier clause of the sentence named.
    pub earlier: Option<&'a Subject>,
    /// The paragraph's (or the section title's).
    pub paragraph: Option<&'a Subject>,
    /// Everything named so far in the paragraph.
    pub named: &'a [Subject],
    pub words: &'a SentenceWords,
}

/// A claim's subject: its own (a bare kind of thing, 该公司, refers back to the
/// last thing of its kind named), else the name it stands inside, else, when its
/// clause names no place of its own, a label naming a thing, an earlier clause's
/// subject when the clause goes on acting (县总工会投入…，组织…), or its paragraph's.
pub(super) fn resolve(src: Sources) -> Option<Subject> {
    if let Some(own) = src.own {
        if !is_anaphor(&own.text) {
            return Some(own);
        }
        return antecedent(&own.text, src.named).cloned().or_else(|| src.paragraph.cloned());
    }
    if let Some(around) = src.around {
        return Some(around);
    }
    if src.words.names_place_in(&src.clause) {
        return None;
    }
    let label = src.labelled.filter(|l| names_label(l));
    if let Some(l) = label {
        return Some(Subject { text: normalise_subject(&l), kind: SubjectKind::Heading });
    }
    // A clause right after a closing bracket goes on the clause the bracket stands
    // in ((草案) in 国务院提出了…修正案（草案）等7部法律议案 is an aside).
    let after_bracket = src.body[..src.clause.start].ends_with(['）', ')']);
    if let Some(e) = src.earlier
        && (after_bracket || src.words.opens_with_act(src.body, &src.clause))
    {
        return Some(e.clone());
    }
    src.paragraph.cloned()
}

/// Whether a label before a colon names the thing its clauses speak of (煤炭：,
/// 住宅：, 第二阶梯：, （三）“组组通”公路：), not a lead-in to what follows (主要预期目标是：,
/// 要求：, 建设标准：, 累计查明：): a short name whose last word is no act and no word
/// of the lexicon's lead-ins.
fn names_label(label: &str) -> bool {
    use crate::checks::lexicon::claims::LEAD_IN_WORDS;
    let l = label.trim();
    // A label cut inside brackets (基本情况（火车站) is a heading's tail, not a name.
    let opens = l.matches(['（', '(']).count();
    if l.is_empty() || l.chars().count() > 10 || opens > l.matches(['）', ')']).count() {
        return false;
    }
    let words = SentenceWords::new(l, 0..l.len(), &[], None);
    let Some(last) = words.words.iter().rev().find(|w| w.pos != Pos::Punctuation) else { return false };
    let t = &l[last.span.clone()];
    last.pos != Pos::Verb && !LEAD_IN_WORDS.iter().any(|w| t.ends_with(w))
}

/// The thing a section's title names, where it names one: the title less its
/// number and the place it opens with ((四)柳河正通药业有限公司: 正通药业有限公司).
pub(super) fn title_subject(title: &str) -> Option<Subject> {
    let t = title.trim();
    let t = match crate::model::heading_marker(t) {
        Some((_, _, len)) => t[len..].trim(),
        None => t,
    };
    if t.is_empty() || t.chars().count() > 24 || t.contains(['，', '、', '：']) {
        return None;
    }
    let words = SentenceWords::new(t, 0..t.len(), &[], None);
    words.name_clause(t, 0..t.len())
}

/// Whether the figure at `span` is a note's number: digits alone inside the
/// brackets notes are marked with (严格落实河湖长制〔8〕, 双千工程[19], a note's own
/// 〔7〕 at its start). A reference, not a figure of the text.
pub fn is_note_mark(body: &str, span: &Range<usize>) -> bool {
    let inner = &body[span.clone()];
    if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return false;
    }
    let before = body[..span.start].chars().next_back();
    let after = body[span.end..].chars().next();
    NOTE_BRACKETS.iter().any(|(o, c)| before == Some(*o) && after == Some(*c))
}

#[cfg(test)]
mod anaphor_tests {
    use super::*;

    fn named(text: &str) -> Vec<Subject> {
        SentenceWords::new(text, 0..text.len(), &[], None).names_in(text, 0..text.len())
    }

    #[test]
    fn a_bare_kind_refers_back_to_the_last_thing_of_its_kind() {
        let mut all = named("宁屿鑫源农业发展有限公司成立于2019年，主营冷链仓储。");
        all.extend(named("桐溪冷链物流园项目于去年开工。"));
        all.extend(named("梅坳生态产业园区位于县城东侧。"));
        let find = |a: &str| antecedent(a, &all).map(|s| s.text.clone()).unwrap_or_default();
        assert!(find("该公司").ends_with("有限公司"), "{all:?}");
        assert!(find("项目").ends_with("冷链物流园项目"), "{all:?}");
        assert!(find("园区").ends_with("产业园区"), "{all:?}");
        // A kind of which nothing was named refers to nothing (人大 of 人大建议).
        assert!(antecedent("人大", &all).is_none());
    }
}
