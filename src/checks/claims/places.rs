//! The places a sentence names, and the part each plays. A place is a whole
//! name: a division of the national list (和田地区, 阜平), a name of the
//! pattern of one that the list does not hold (梅坳镇, 宁屿市), or a whole unit
//! (全县, 我县, 县域, 镇内, 中国, 市总工会). Only some of them are where a figure
//! is said of:
//!
//! - the place of an adjunct is whom an act was for or where it went (向柘岭县
//!   捐赠, 投入柘岭县资金, 到东滨市就业), not the actor's;
//! - the place after 位于, 地处 or 距 is where the subject lies (亨通镇地处吉林省
//!   东南部…总人口13340人: the figure is 亨通镇's);
//! - a member of an enumeration of places (齐村镇店上、孝墓镇柳树沟、燕赵镇东沟南4个村)
//!   is one of the things counted, not where all of them are;
//! - a short form inside a name (贵阳优质蔬菜保供基地, 唐山轨道交通, 沈阳局集团) names
//!   the thing, not where the figure is.
//!
//! The claim's place is the last place of the first kind before it.

use std::ops::Range;

use super::scope::Place;
use crate::checks::lexicon::claims::{ADJUNCT_PREPOSITIONS, PURPOSE_WORDS};
use crate::checks::lexicon::lookup;
use crate::checks::lexicon::places::{
    AGENT_PREPOSITIONS, LOCATION_WORDS, MANNER_PREPOSITIONS, NATION_WORDS, RANK_NOUNS, RANKING_AFTER, RANKING_BEFORE,
    REGION_NAMES, SLOGAN_VERBS, WHOLE_UNIT_WORDS,
};
use crate::checks::words::{Pos, Word, divisions, is_han};
use crate::figures::WordSet;

/// What a place named in a sentence is to the figures after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Where the figures after it are said of.
    Claim,
    /// Whom or where an act went (向柘岭县, 投入柘岭县, 到东滨市).
    Adjunct,
    /// Where a subject lies (地处吉林省, 位于阜平县王林口镇, 距县城).
    Location,
    /// One of several places listed (齐村镇店上、孝墓镇柳树沟).
    Listed,
    /// A short form inside a name (贵阳优质蔬菜保供基地).
    InName,
    /// What a figure is ranked or compared against (居全国第3位, 重返全省第一方阵,
    /// 国内先进水平, 快于城镇): not where the figure is.
    Base,
}

/// A place named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    pub place: Place,
    pub role: Role,
    /// Written as a short form (阜平, 贵阳).
    pub short: bool,
}

/// The characters that name a level of place at the end of a name.
const NAME_LEVELS: &[char] = &['省', '市', '县', '区', '镇', '乡', '州', '旗', '盟'];

/// The characters that name a level of place after 全 (全县) or before 总/委 (市总工会).
const WHOLE_LEVELS: &[char] = &['国', '省', '市', '县', '区', '镇', '乡', '村', '州', '旗', '盟'];

/// Characters that never begin a place name: prepositions, conjunctions,
/// pronouns and verbs of motion that the segmenter may glue to the name after
/// them (向柘岭 / 县, 赴岚县).
pub(super) const NOT_NAME_START: &[char] = &[
    '向', '在', '和', '与', '及', '的', '对', '为', '从', '到', '给', '由', '全', '各', '每', '该', '本', '我', '其',
    '等', '、', '赴', '去', '往', '来', '抵', '驻', '进', '入', '出', '回', '返', '援', '离', '经', '至', '于', '是',
    '有',
];

/// The level word a place name ends with, as a character (县, 市, 区, 镇 …).
pub(super) fn level_char(name: &str) -> char {
    if name.ends_with("街道") {
        return '街';
    }
    name.chars().next_back().unwrap_or('区')
}

/// The places `words` (a sentence's, in `body`) name, by start, with their roles.
/// `frame` says whether a word names nothing a place could be (a word of grammar).
pub(super) fn mentions(body: &str, span: Range<usize>, words: &[Word], frame: &dyn Fn(&str) -> bool) -> Vec<Mention> {
    let mut out = named(body, span, words, frame);
    out.extend(wholes(body, words));
    // By start; a name of the list wins over a pattern or a whole it overlaps.
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end), matches!(m.place, Place::Whole(_))));
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        if kept.last().is_some_and(|k| m.span.start < k.span.end) {
            continue;
        }
        kept.push(m);
    }
    for i in 0..kept.len() {
        kept[i].role = role(body, words, &kept, i);
    }
    // A place written right before a place inside it (北京市西城区, 阜平县平阳镇) is
    // part of one name: it plays the part the inner place plays.
    for i in (0..kept.len().saturating_sub(1)).rev() {
        if kept[i].span.end == kept[i + 1].span.start && kept[i + 1].role != Role::Claim {
            kept[i].role = kept[i + 1].role;
        }
    }
    kept
}

/// Names of places: divisions of the list, and names of the pattern of one.
fn named(body: &str, span: Range<usize>, words: &[Word], frame: &dyn Fn(&str) -> bool) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut slogans = Vec::new();
    for k in 0..words.len() {
        match pattern_place(body, words, k) {
            Some((span, Some(place))) => out.push(Mention { span, place, role: Role::Claim, short: false }),
            Some((span, None)) => slogans.push(span),
            None => {}
        }
    }
    let d = divisions();
    for hit in d.find_in_words(body, span.clone(), words) {
        let Some(first) = hit.divisions.first().and_then(|i| d.get(*i)) else { continue };
        // A name of the list right after a lone character that can begin a name (松 / 岚县)
        // is the end of a longer name the list does not hold (松岚县): the pattern reads it.
        let k = words.partition_point(|w| w.span.end <= hit.span.start);
        let lone_before = k.checked_sub(1).map(|p| &words[p]).is_some_and(|p| {
            let t = &body[p.span.clone()];
            p.span.end == hit.span.start
                && t.chars().count() == 1
                && t.chars().all(is_han)
                && !t.starts_with(NOT_NAME_START)
                && !frame(t)
                && matches!(p.pos, Pos::Unknown | Pos::Noun | Pos::PlaceName | Pos::PersonName | Pos::Other | Pos::Verb)
        });
        if lone_before {
            continue;
        }
        // A name of the list that a word of grammar opens, the rest of it a word of
        // its own (快于城镇: 于 / 城镇, not the township 于城镇): the word, no name.
        let hit_text = &body[hit.span.clone()];
        let opened = hit_text.chars().next().is_some_and(|c| NOT_NAME_START.contains(&c));
        if opened
            && let Some(rest) = hit_text.char_indices().nth(1).map(|(i, _)| &hit_text[i..])
            && rest.chars().count() >= 2
            && crate::checks::words::segmenter().knows(rest)
        {
            continue;
        }
        // A name inside a slogan (文旅兴县: 兴县 of 山西) is none.
        if slogans.iter().any(|r| r.start < hit.span.end && hit.span.start < r.end) {
            continue;
        }
        let place = Place::Named(first.name.to_string(), level_char(first.name));
        out.push(Mention { span: hit.span, place, role: Role::Claim, short: hit.short });
    }
    // The regions of the country (东中部地区, 西部地区).
    let text = body.get(span.clone()).unwrap_or("");
    for (at, region) in region_names_in(text) {
        let start = span.start + at;
        out.push(Mention {
            span: start..start + region.len(),
            place: Place::Named(region.to_string(), '域'),
            role: Role::Claim,
            short: false,
        });
    }
    out
}

/// The regions of [`REGION_NAMES`] in `text`, with their byte offsets: each
/// name wherever it stands and does not overlap an earlier match of itself (as
/// `str::match_indices` finds it), by start. A character that starts no name is
/// passed over at its bit ([`WordSet`]), so a sentence is read once, not once a name.
fn region_names_in(text: &str) -> Vec<(usize, &'static str)> {
    static REGIONS: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| WordSet::new(REGION_NAMES));
    let mut out = Vec::new();
    // Where the last match of each name ended.
    let mut ended = [0usize; REGION_NAMES.len()];
    for (at, c) in text.char_indices() {
        if !REGIONS.may_start(c) {
            continue;
        }
        for (region, ()) in REGIONS.starting_with(c) {
            let k = REGION_NAMES.iter().position(|r| r == region).unwrap_or(0);
            if at >= ended[k] && text.as_bytes()[at..].starts_with(region.as_bytes()) {
                out.push((at, *region));
                ended[k] = at + region.len();
            }
        }
    }
    out
}

/// Whole units: 全县, 我县, 县域, 镇内, 中国, and the unit of a whole place before
/// its organs (市总工会, 县直机关; not 省级, a rank).
fn wholes(body: &str, words: &[Word]) -> Vec<Mention> {
    let mut out = Vec::new();
    let whole = |span: Range<usize>, l: char| Mention { span, place: Place::Whole(l), role: Role::Claim, short: false };
    for (k, w) in words.iter().enumerate() {
        let t = &body[w.span.clone()];
        let next = words.get(k + 1).filter(|n| n.span.start == w.span.end).map_or("", |n| &body[n.span.clone()]);
        let mut cs = t.chars();
        let (first, second, third) = (cs.next(), cs.next(), cs.next());
        // 全县, 我县: the whole unit (我县 is the reporting county).
        if let (Some('全' | '我'), Some(l), None) = (first, second, third)
            && WHOLE_LEVELS.contains(&l)
        {
            out.push(whole(w.span.clone(), l));
            continue;
        }
        // 我 / 县, 我 / 镇: the same, cut in two.
        if t == "我"
            && let Some(l) = next.chars().next().filter(|c| WHOLE_LEVELS.contains(c))
            && next.chars().count() == 1
        {
            out.push(whole(w.span.start..w.span.end + next.len(), l));
            continue;
        }
        // 县域, 镇内, 市内 (and a level char cut from its 内 or 域).
        if let Some(l) = first.filter(|c| WHOLE_LEVELS.contains(c)) {
            let rest = &t[l.len_utf8()..];
            let tail = if rest.is_empty() { next } else { rest };
            if WHOLE_UNIT_WORDS.contains(&tail) && !(l == '区' && tail == "域") {
                let end = if rest.is_empty() { w.span.end + next.len() } else { w.span.end };
                out.push(whole(w.span.start..end, l));
                continue;
            }
        }
        // 中国, 中华人民共和国: the whole country.
        if NATION_WORDS.contains(&t) {
            out.push(whole(w.span.clone(), '国'));
            continue;
        }
        // 市总工会, 县直机关, 市 + 总工会: the unit of the whole place.
        if let Some(l) = first.filter(|c| WHOLE_LEVELS.contains(c) && *c != '国' && *c != '村') {
            let rest = &t[l.len_utf8()..];
            let after = if rest.is_empty() { next } else { rest };
            // A name before it (宁屿 / 市委, 柘 / 县委) makes it that place's, not the
            // whole unit's: a word the dictionary does not know, or a lone character.
            // A word it knows ends no name (落实 / 省委, 深入贯彻 / 县委).
            let prev_han = words.get(k.wrapping_sub(1)).filter(|p| p.span.end == w.span.start).is_some_and(|p| {
                let pt = &body[p.span.clone()];
                pt.chars().next_back().is_some_and(is_han)
                    && (matches!(p.pos, Pos::Unknown | Pos::PlaceName | Pos::PersonName) || pt.chars().count() == 1)
            });
            if !prev_han && ["总", "委", "政府", "直", "属", "财政"].iter().any(|o| after.starts_with(o)) {
                out.push(whole(w.span.start..w.span.start + l.len_utf8(), l));
            }
        }
    }
    out
}

/// The part the `i`th place of `all` plays (see [`Role`]).
fn role(body: &str, words: &[Word], all: &[Mention], i: usize) -> Role {
    let m = &all[i];
    if is_base(body, words, m) {
        return Role::Base;
    }
    // Every place of a clause that a word of location opens is where the subject
    // lies (位于阜平县王林口镇瓦泉沟村, 位于中国吉林省通化市梅集铁路柳河镇区域).
    if let Some(p) = i.checked_sub(1).map(|j| &all[j])
        && p.role == Role::Location
        && !body.get(p.span.end..m.span.start).unwrap_or("，").contains(CLAUSE_MARKS)
    {
        return Role::Location;
    }
    let k = words.partition_point(|w| w.span.end <= m.span.start);
    // A preposition glued to the place's first word (向柘岭 / 县).
    if let Some(w) = words.get(k)
        && w.span.start < m.span.start
    {
        let glued = &body[w.span.start..m.span.start];
        if ADJUNCT_PREPOSITIONS.contains(&glued) {
            return Role::Adjunct;
        }
    }
    if let Some(p) = k.checked_sub(1).map(|p| &words[p]) {
        let t = &body[p.span.clone()];
        if LOCATION_WORDS.contains(&t) {
            return Role::Location;
        }
        // After a preposition, or after an act when it names a place (投入柘岭县资金: the
        // recipient's); a whole unit after an act is the scope (实现县域全覆盖).
        let named = matches!(m.place, Place::Named(..));
        if ADJUNCT_PREPOSITIONS.contains(&t)
            || PURPOSE_WORDS.contains(&t)
            || AGENT_PREPOSITIONS.contains(&t)
            || MANNER_PREPOSITIONS.contains(&t)
            || (named && p.pos == Pos::Verb)
        {
            return Role::Adjunct;
        }
    }
    // Listed: another place right before or after, joined by 、 or a conjunction
    // (or a name of what it holds between: 齐村镇店上、孝墓镇柳树沟).
    let joined = |a: &Mention, b: &Mention| {
        let between = body.get(a.span.end..b.span.start).unwrap_or("");
        between.chars().count() <= 6
            && between.contains(['、', '和', '及', '与', '至'])
            && !between.contains(['，', '。', '；', '：'])
    };
    let before = i.checked_sub(1).map(|j| &all[j]).is_some_and(|p| joined(p, m));
    let after = all.get(i + 1).is_some_and(|n| joined(m, n));
    if before || after {
        return Role::Listed;
    }
    // A place alone in brackets inside a name (玖兴农牧(阜平)有限公司, 中溢集团（吉林）
    // 新能源科技有限公司) is the seat of the company the name names.
    let open = body[..m.span.start].chars().next_back();
    let close = body[m.span.end..].chars().next();
    if matches!((open, close), (Some('(' | '（'), Some(')' | '）')))
        && body[..m.span.start].chars().nth_back(1).is_some_and(is_han)
        && body[m.span.end..].chars().nth(1).is_some_and(is_han)
    {
        return Role::InName;
    }
    // A short form right before the ending of a name (柳河站, 阜平医院) names the thing.
    if m.short
        && let Some(n) = words.iter().find(|w| w.span.start >= m.span.end)
        && n.span.start == m.span.end
        && lookup::KIND_OF_THING.contains(&body[n.span.clone()])
    {
        return Role::InName;
    }
    // A place after an act, before words that run to the ending of a name, is the seat of
    // a thing acted on (完成城东、城西和三坡镇雅净污水处理厂提标扩容…): not where the
    // figures of the clauses after it are.
    if after_act(body, words, m) && names_thing_after(body, words, m) {
        return Role::InName;
    }
    // A short form (or the country's name) right before a noun that is no level word
    // names the thing after it (贵阳优质蔬菜, 唐山轨道交通, 中国铁路): a modifier inside a name.
    if m.short {
        let next = words.iter().find(|w| w.span.start >= m.span.end);
        if next.is_some_and(|n| {
            n.span.start == m.span.end
                && matches!(n.pos, Pos::Noun | Pos::Unknown | Pos::VerbNoun | Pos::Other)
                && !body[n.span.clone()].starts_with(NAME_LEVELS)
        }) {
            return Role::InName;
        }
    }
    // The country's name at the start of an organisation's (中国铁路沈阳局集团有限公司,
    // 中国共产党): nouns after it run to the ending of a name.
    if matches!(m.place, Place::Whole('国')) && body[m.span.clone()].starts_with('中') {
        let k = words.partition_point(|w| w.span.start < m.span.end);
        let run: Vec<&Word> = words[k..]
            .iter()
            .take_while(|w| matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::VerbNoun | Pos::Other | Pos::PlaceName))
            .take(6)
            .collect();
        let ends = |t: &str| lookup::NAME_ENDING.ends(t) || t.ends_with('党');
        if run.iter().any(|w| ends(&body[w.span.clone()])) {
            return Role::InName;
        }
    }
    Role::Claim
}

/// The place a table's label cell names, where the whole cell is one: a name of
/// the list of divisions (长寨街道, 阜平), or a name of the pattern of one down to
/// a village (朱场村, 石板村: two to four characters before 村, 镇, 乡, 社区 or a
/// county's level) that the dictionary does not know as a word (贫困村, 城镇).
pub(super) fn cell_place(cell: &str) -> Option<Place> {
    if let Some((ids, _)) = divisions().named(cell)
        && let Some(d) = ids.first().and_then(|i| divisions().get(*i))
    {
        return Some(Place::Named(d.name.to_string(), level_char(d.name)));
    }
    let level_len = ["社区", "街道", "村", "屯"]
        .iter()
        .find(|l| cell.ends_with(*l))
        .map(|l| l.len())
        .or_else(|| cell.chars().next_back().filter(|c| NAME_LEVELS.contains(c)).map(char::len_utf8))?;
    let stem = &cell[..cell.len() - level_len];
    if !(2..=4).contains(&stem.chars().count())
        || !cell.chars().all(is_han)
        || crate::checks::words::segmenter().knows(cell)
    {
        return None;
    }
    Some(Place::Named(cell.to_string(), level_char(cell)))
}

/// Whether an act comes before a place in its clause (完成…三坡镇, 建设…梅坳镇).
fn after_act(body: &str, words: &[Word], m: &Mention) -> bool {
    let k = words.partition_point(|w| w.span.end <= m.span.start);
    words[..k].iter().rev().take_while(|w| !body[w.span.clone()].contains(CLAUSE_MARKS)).any(|w| w.pos == Pos::Verb)
}

/// Whether the words right after a place run, with no mark and no act, to the
/// ending of an organisation's or a project's name (三坡镇 / 雅净 / 污水 / 处理厂).
fn names_thing_after(body: &str, words: &[Word], m: &Mention) -> bool {
    let k = words.partition_point(|w| w.span.start < m.span.end);
    let mut at = m.span.end;
    for w in words[k..].iter().take(5) {
        if w.span.start != at || !matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::Other | Pos::VerbNoun) {
            return false;
        }
        let t = &body[w.span.clone()];
        if lookup::NAME_ENDING.ends(t) {
            return true;
        }
        at = w.span.end;
    }
    false
}

/// The marks that end a clause.
const CLAUSE_MARKS: &[char] = &['，', '。', '；', '：', ',', ';', ':', '\n', '！', '？'];

/// Whether a place is a base a figure is ranked or compared against, not where
/// it is: after a word of ranking or comparison (居全国第3位, 位列全市第一, 高于全省,
/// 快于城镇, 占全县), or before a rank or a level (全省第一方阵, 全国前列, 国内先进水平).
/// A place before an ordinal that counts an event is still where it is (全省第七次人口普查).
fn is_base(body: &str, words: &[Word], m: &Mention) -> bool {
    let k = words.partition_point(|w| w.span.end <= m.span.start);
    let before = k.checked_sub(1).map_or("", |p| &body[words[p].span.clone()]);
    if RANKING_BEFORE.contains(&before) {
        return true;
    }
    let after = &body[m.span.end..];
    if RANKING_AFTER.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    // 全省第一方阵, 全国第3位: an ordinal followed by a word of rank.
    if let Some(rest) = after.strip_prefix('第') {
        let rest = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十百".contains(c)
        });
        return RANK_NOUNS.iter().any(|w| rest.starts_with(w));
    }
    false
}

/// A place name of the pattern of one ending at word `k`: the word ends with a
/// level character, and the two to four characters before it (in this word
/// and the unknown or name words before) are no word the dictionary knows.
/// A slogan of that shape (文旅兴县, 工业强县, 科教兴市: three characters or more
/// before the level, the last a verb of making) comes back with no place, so
/// that no name of the list inside it (兴县) is read either.
fn pattern_place(body: &str, words: &[Word], k: usize) -> Option<(Range<usize>, Option<Place>)> {
    let w = &words[k];
    let t = &body[w.span.clone()];
    let level = t.chars().next_back().filter(|c| NAME_LEVELS.contains(c))?;
    let level_len = level.len_utf8();
    // The word itself is a known word that is not the level alone (城镇, 社区, 县城): no name.
    if t.chars().count() > 1 && !matches!(w.pos, Pos::Unknown | Pos::PlaceName | Pos::PersonName) {
        return None;
    }
    // The name's characters: this word's own before the level, then whole unknown
    // or name words before it, up to four characters.
    let mut start = w.span.start;
    let mut j = k;
    while j > 0 {
        let name_chars = body[start..w.span.end - level_len].chars().count();
        let p = &words[j - 1];
        let p_chars = body[p.span.clone()].chars().count();
        // Names the dictionary does not know come as unknown words, or cut into
        // single characters (柘 / 岭 / 县).
        let fragment = match p_chars {
            1 => {
                matches!(p.pos, Pos::Unknown | Pos::PersonName | Pos::PlaceName | Pos::Noun | Pos::Other | Pos::Verb)
                    && !body[p.span.clone()].starts_with(NOT_NAME_START)
            }
            _ => matches!(p.pos, Pos::Unknown | Pos::PersonName | Pos::PlaceName),
        };
        if name_chars >= 4 || p.span.end != start || !fragment || name_chars + p_chars > 5 {
            break;
        }
        start = p.span.start;
        j -= 1;
    }
    let mut name = &body[start..w.span.end - level_len];
    // Leading words of grammar the segmenter glued on (向柘岭 / 县).
    while let Some(c) = name.chars().next().filter(|c| NOT_NAME_START.contains(c)) {
        name = &name[c.len_utf8()..];
        start += c.len_utf8();
    }
    let n = name.chars().count();
    if !(2..=4).contains(&n) || !name.chars().all(is_han) {
        return None;
    }
    let full = &body[start..w.span.end];
    if name.chars().count() >= 3 && name.chars().next_back().is_some_and(|c| SLOGAN_VERBS.contains(&c)) {
        return Some((start..w.span.end, None));
    }
    // A word the dictionary knows whole (城镇, 城乡, 山区) is no name.
    if crate::checks::words::segmenter().knows(full) && divisions().named(full).is_none() {
        return None;
    }
    Some((start..w.span.end, Some(Place::Named(full.to_string(), level_char(full)))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_names_are_found_as_a_search_for_each_finds_them() {
        for text in ["东中部地区和中西部地区", "西部地区西部地区", "东部沿海地区的东部地区", "地区", "", "东北"]
        {
            let mut by_search: Vec<(usize, &str)> =
                REGION_NAMES.iter().flat_map(|r| text.match_indices(r).map(|(at, _)| (at, *r))).collect();
            by_search.sort_by_key(|(at, r)| (*at, r.len()));
            let mut found = region_names_in(text);
            found.sort_by_key(|(at, r)| (*at, r.len()));
            assert_eq!(found, by_search, "{text}");
        }
    }

    fn places(text: &str) -> Vec<(String, Role)> {
        let mut words = Vec::new();
        crate::checks::words::segmenter().words(text, 0..text.len(), &[], &mut words);
        mentions(text, 0..text.len(), &words, &|_| false)
            .into_iter()
            .map(|m| {
                let name = match m.place {
                    Place::Named(n, _) => n,
                    Place::Whole(l) => format!("全{l}"),
                    Place::Unnamed => "-".into(),
                };
                (name, m.role)
            })
            .collect()
    }

    fn claim_places(text: &str) -> Vec<String> {
        places(text).into_iter().filter(|(_, r)| *r == Role::Claim).map(|(n, _)| n).collect()
    }

    #[test]
    fn whole_units_said_many_ways() {
        assert_eq!(claim_places("我县共有标准化规模养殖场180户"), ["全县"]);
        assert_eq!(claim_places("我镇区域内人工养殖林蛙户39户"), ["全镇"]);
        assert_eq!(claim_places("镇内流经三条大河"), ["全镇"]);
        assert_eq!(claim_places("实现县域环卫市场化保洁全覆盖"), ["全县"]);
        assert_eq!(claim_places("这是中国社会结构的一个历史性变化"), ["全国"]);
        assert_eq!(claim_places("市总工会投入帮扶资金"), ["全市"]);
        // A rank is no place; 区域 is any area.
        assert!(claim_places("省级美丽乡村达到29个").is_empty());
        assert!(claim_places("区域内共有企业12家").is_empty());
    }

    #[test]
    fn a_place_where_a_subject_lies_is_not_the_figures() {
        let p = places("亨通镇地处吉林省东南部，位于柳河县东部，总人口13340人");
        assert_eq!(p[0], ("亨通镇".to_string(), Role::Claim));
        assert_eq!(p[1].1, Role::Location);
        assert_eq!(p[2].1, Role::Location);
    }

    #[test]
    fn places_listed_together_are_things_counted() {
        let p = claim_places("齐村镇店上、孝墓镇柳树沟、燕赵镇东沟南4个村被评为示范村");
        assert!(p.is_empty(), "{p:?}");
        let p = claim_places("安口镇至向阳镇、亨通镇至圣水镇两个区域符合条件");
        assert!(p.is_empty(), "{p:?}");
        // One place alone is where the figure is.
        assert_eq!(claim_places("燕赵镇建成示范村4个"), ["燕赵镇"]);
    }

    #[test]
    fn a_base_of_ranking_or_comparison_is_not_the_place() {
        assert!(claim_places("粮食单产居全省第2位").is_empty());
        assert!(claim_places("人均收入增速快于城镇居民").is_empty());
        assert!(claim_places("加工设备达到国内先进水平").is_empty());
        assert!(claim_places("综合考核重返全市第一方阵").is_empty());
        // An ordinal that numbers an event is no rank: the census is the province's.
        assert_eq!(claim_places("全省第七次人口普查登记人口7400万人"), ["全省"]);
    }

    #[test]
    fn every_place_after_a_word_of_location_locates_the_subject() {
        let p = places("冷库项目位于阜平县龙泉关镇，总投资1.2亿元");
        assert!(p.iter().all(|(_, r)| *r == Role::Location), "{p:?}");
        let p = places("该站位于河北省保定市铁路沿线平阳镇区域，距县城18公里");
        assert!(p.iter().all(|(_, r)| *r != Role::Claim), "{p:?}");
        // A place of its own clause before the word of location is still the claim's.
        assert_eq!(claim_places("平阳镇位于阜平县东部，总人口1.8万人"), ["平阳镇"]);
    }

    #[test]
    fn a_place_in_a_name_or_a_slogan_is_none() {
        assert!(claim_places("由梅坳农牧(阜平)有限公司承建，占地120亩").is_empty());
        assert!(claim_places("实施工业强县、文旅兴县两大战略").is_empty());
        assert!(claim_places("完成桐溪和柘水镇清源污水处理厂扩容，改造管网12公里").is_empty());
        assert!(claim_places("建设以阜平县为主的蔬菜基地").is_empty());
        // The same place before the act is where the figures are.
        assert_eq!(claim_places("柘水镇清源污水处理厂日处理污水3000吨"), ["柘水镇"]);
    }

    #[test]
    fn regions_and_whole_units_after_an_organ() {
        assert_eq!(claim_places("西部地区于2025年完成改造"), ["西部地区"]);
        assert_eq!(claim_places("深入落实省委全会精神"), ["全省"]);
        // A name before 县委 makes it that county's, never the whole of another.
        assert!(!claim_places("柘岭县委召开全会").contains(&"全县".to_string()));
        // 中国特色 names a kind.
        assert!(claim_places("走出一条中国特色的发展道路").is_empty());
    }

    #[test]
    fn a_short_form_inside_a_name_names_the_thing() {
        let p = places("建设贵阳优质蔬菜保供基地，建成蔬菜基地24个");
        assert!(p.iter().all(|(_, r)| *r != Role::Claim), "{p:?}");
        let p = places("加快建设唐山轨道交通等30个示范基地");
        assert!(p.iter().all(|(_, r)| *r != Role::Claim), "{p:?}");
        // A short form standing alone is a place.
        assert_eq!(claim_places("阜平的群众收入增长"), ["阜平县"]);
    }
}
