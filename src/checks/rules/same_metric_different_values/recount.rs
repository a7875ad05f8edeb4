//! BD101's tier of sets counted twice: a report names a set of things by their
//! kind and a count (全县共有8个国有林场), and when it names the same set again it
//! gives the same count (全县8个国有林场资产总额 …). A slip there changes a small
//! count to another (8 → 6) that no pen-slip shape explains, so this tier pairs
//! two counts by what they count, not by their digits.
//!
//! What it reads, per count: a numeral (digits or Chinese: 两个 = 2个, 五大 = 5大)
//! with a measure word of things ([`SET_MEASURES`]), the kind named after it (the
//! Han characters up to a word that ends the name, [`KIND_ENDS`]), and the words
//! before it in its clause (its lead). Two counts are of one kind when their kinds
//! share a name of whole words and at least four characters (two characters after
//! 大: 五大片区) and their measures count alike (个 meets any; 件 meets 项).
//!
//! A kind alone does not make one set: reports count the same kind in review and
//! plan (建成3个 last year, 建设5个 this year). Two counts are read as one set only
//! when one of the following ties them, each a way reports point back at a set
//! they have named:
//! - a census and a bare mention: 全县共有8个国有林场 … 全县8个国有林场资产总额
//!   (the other count said as a noun phrase, with no act of its own, or another census);
//! - a set named by its members: 取缔平阳、北水峪2个煤炭经营园区 … 取缔两个煤炭经营园区
//!   (the other bare or under the same verb);
//! - a set the report calls its big ones, said twice with 大: 五大片区 … 5大片区;
//! - a set named by the body that decided it: 县人大票决的6项民生实事 … 去年，县人大
//!   票决的6项民生实事 (县定 before the kind is such a clause: 19件县定民生实事 …
//!   县人代会确定的19项民生实事), at the same level (县, 市);
//! - a set carried on each year: 连续实施20项民生工程 … 20项民生工程全部完成;
//! - a set planned and then carried on: 谋划建设6个产业园区 … 推进6个产业园区建设;
//! - one subject's streak of honours, in one section: 开发区…，曾连续五年被评为省级
//!   先进 … 开发区曾连续五年被评为省级先进 (sentences that open with one name);
//! - a note's term and the note's own words: [12] 三年行动期：…设立3年行动期 (a
//!   stretch of years, 年, is read in notes only; the kind may be two characters).
//!
//! And nothing may make them two sets: no word of another set before either count
//! ([`OTHER_SET_WORDS`]: 新建, 再, 另, 其中, 增加 …), not one sentence, the same
//! section scope and place, times that can be one (a year and a stretch only for a
//! set carried on each year or planned and carried on), the same modality (a plan
//! and its carrying on excepted), and no two steps of work (建成 against 开工).
//! The finding is a warning that names the set both were read as.
//!
//! Clean look-alikes it leaves alone: 去年建成3个冷链仓库 … 今年新建5个冷链仓库
//! (another set), 全县有12个产业园区 … 推进5个产业园区建设 (a census and an act on some
//! of them), 2019年县定的8项实事 … 2020年县定的9项实事 (two years).
//!
//! Linear: counts are indexed by their measure kind and the first two characters of
//! their kind, and each is compared with at most [`CANDIDATES`] earlier ones.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use crate::checks::claims::{ClaimId, Modality, Period, Time};
use crate::checks::identity::Assumption;
use crate::checks::lexicon::relations::STEPS;
use crate::checks::lexicon::sets::{
    CARRYING_VERBS, DECIDED_BY, DECIDING_VERBS, EACH_YEAR_WORDS, HONOUR_VERBS, KIND_ENDS, NOT_KINDS, OTHER_SET_WORDS,
    PLANNING_VERBS, SAME_MEASURES, SET_MEASURES, STOCK_VERBS, WHOLE_SET_WORDS,
};
use crate::checks::rules::section_name;
use crate::checks::words::{is_han, segmenter};
use crate::checks::{Context, Diagnostic, Finding, RelatedRole, Rule};
use crate::model::Severity;

/// How many earlier counts of one key a count is compared with.
const CANDIDATES: usize = 16;

/// How much of a sentence's opening names whose streak of honours it tells.
const OPENING_CHARS: usize = 8;

/// How far back a count's note is looked for, in characters.
const NOTE_CHARS: usize = 120;

/// How far a count's clause is read either side of it, in characters.
const CLAUSE_CHARS: usize = 60;

/// The longest name of a kind read after a count, in characters.
const KIND_CHARS: usize = 16;

/// Levels of the bodies and places that own a set (县人大, 全县).
const LEVELS: &[char] = &['省', '市', '县', '区', '镇', '乡'];

/// One count of things of a kind.
#[derive(Debug)]
struct Count {
    section: usize,
    sentence: usize,
    /// The numeral and its measure word.
    span: Range<usize>,
    value: u32,
    measure: char,
    /// The kind's name as written (after a 县定 that names its owner).
    kind: Range<usize>,
    /// Byte offsets, from the kind's start, where its words end.
    word_ends: Vec<usize>,
    /// The words before the numeral back to its clause start, a 、 or the count before.
    lead: Range<usize>,
    /// The words before the numeral back to its clause start.
    clause_lead: Range<usize>,
    claim: Option<ClaimId>,
    /// Who decided the set, by level (县人大票决的, 县定), where the text says.
    decided: Option<char>,
    /// The whole place it is counted in (全县), where the lead says.
    whole: Option<char>,
    census: bool,
    named: bool,
    big: bool,
    bare: bool,
    each_year: bool,
    /// Words after the kind speak of the whole set (全部完成, 分别是).
    whole_after: bool,
    planning: bool,
    carrying: bool,
    /// The step of work its clause names (`STEPS`), if any.
    step: Option<usize>,
    /// Where its note starts, when it stands in a note ([32] 五年过渡期：…).
    note: Option<usize>,
    /// It stands in its note's head, the term the note explains (before the first ：).
    note_head: bool,
    /// A streak of honours (连续五年被评为…): the opening of its sentence, which names
    /// whose streak it is.
    honour: Option<String>,
}

fn holds(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Clause marks that end a count's lead.
fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '\n' | '（' | '）' | '(' | ')')
}

/// The numerals of a stretch of text that may count things: their spans and values.
fn numerals(body: &str, range: Range<usize>) -> Vec<(Range<usize>, u32)> {
    let text = &body[range.clone()];
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = it.next() {
        let chinese = "一二两三四五六七八九十".contains(c);
        if !(c.is_ascii_digit() || chinese) {
            prev = Some(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let same = if chinese { "一二两三四五六七八九十".contains(d) } else { d.is_ascii_digit() };
            if !same {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        let before_ok = match prev {
            None => true,
            Some(p) => {
                !(p.is_ascii_digit()
                    || matches!(
                        p,
                        '.' | '．'
                            | ','
                            | '“'
                            | '‘'
                            | '「'
                            | '《'
                            | '第'
                            | '初'
                            | '周'
                            | '百'
                            | '千'
                            | '万'
                            | '亿'
                            | '零'
                            | '〇'
                            | '几'
                            | '数'
                            | '期'
                    ))
            }
        };
        let after = text[end..].chars().next();
        let after_ok = !matches!(after, Some('.' | '．' | ',' | '%' | '％'));
        // Chinese numerals of up to three characters (两, 十二, 二十五) and digits.
        let value = crate::checks::claims::relations::count_value(&text[i..end]).and_then(|v| u32::try_from(v).ok());
        if before_ok
            && after_ok
            && let Some(v) = value.filter(|v| (2..=9999).contains(v))
        {
            out.push((range.start + i..range.start + end, v));
        }
        prev = text[..end].chars().next_back();
    }
    out
}

/// Reads the counts of things of a kind in every section.
fn counts(cx: &Context) -> Vec<Count> {
    // Claims by where their figure starts, to take a count's time, modality and place.
    let mut claim_at: HashMap<(usize, usize), ClaimId> = HashMap::default();
    for (id, c) in cx.claims.all.iter().enumerate() {
        claim_at.insert((c.section, cx.sections[c.section].figures[c.figure].span.start), id);
    }
    let mut out = Vec::new();
    let mut words = Vec::new();
    for (si, s) in cx.sections.iter().enumerate() {
        let body = s.body;
        for (ni, sentence) in s.sentences.iter().enumerate() {
            let mut prev_end = sentence.span.start;
            for (num, value) in numerals(body, sentence.span.clone()) {
                let Some(measure) = body[num.end..].chars().next() else { continue };
                let mut m = [0u8; 4];
                let (note, note_head) = note_of(body, num.start);
                let stretch = measure == '年' && note.is_some();
                // 连续五年被评为…: a streak of honours, its years counted.
                let honour = measure == '年'
                    && body[..num.start].ends_with("连续")
                    && holds_start(&body[num.end + measure.len_utf8()..], HONOUR_VERBS);
                if !(SET_MEASURES.contains(&&*measure.encode_utf8(&mut m)) || stretch || honour) {
                    continue;
                }
                let span = num.start..num.end + measure.len_utf8();
                // At most a clause's length either side: a sentence with no
                // punctuation and many counts is read in linear time.
                let after = &body[span.end..sentence.span.end.max(span.end)];
                let after = &after[..after.char_indices().nth(CLAUSE_CHARS).map_or(after.len(), |(i, _)| i)];
                if after.starts_with(['多', '余', '左']) || after.starts_with("以上") || holds_start(after, NOT_KINDS)
                {
                    continue;
                }
                // The clause around the count.
                let window = crate::checks::rules::before(body, num.start, sentence.span.start, CLAUSE_CHARS);
                let window_start = num.start - window.len();
                let clause_start = window
                    .char_indices()
                    .rev()
                    .find(|(_, c)| is_clause_mark(*c))
                    .map_or(window_start, |(i, c)| window_start + i + c.len_utf8());
                let clause_end = after.char_indices().find(|(_, c)| is_clause_mark(*c)).map_or(after.len(), |(i, _)| i);
                let after = &after[..clause_end];
                // The lead: back to the clause start, a 、, or the kind of the count before.
                let lead_floor = clause_start.max(prev_end).min(num.start);
                let lead_start = body[lead_floor..num.start]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| *c == '、')
                    .map_or(lead_floor, |(i, _)| lead_floor + i + '、'.len_utf8());
                let lead = body[lead_start..num.start].trim_start_matches(['和', '及', '与']);
                let lead_range = num.start - lead.len()..num.start;
                // The kind: Han characters up to a word that ends a name.
                let mut kind_start = span.end;
                let mut decided = None;
                if let Some(w) = DECIDED_BY.iter().find(|w| after.starts_with(*w)) {
                    decided = w.chars().next();
                    kind_start += w.len();
                }
                let mut kind_end = kind_start;
                for (n, (i, c)) in body[kind_start..span.end + after.len()].char_indices().enumerate() {
                    let ends = !honour && i > 0 && holds_start(&body[kind_start + i..], KIND_ENDS);
                    if n >= KIND_CHARS || !is_han(c) || ends {
                        break;
                    }
                    kind_end = kind_start + i + c.len_utf8();
                }
                prev_end = kind_end.max(span.end);
                let clause_lead = &body[clause_start..num.start];
                if kind_end == kind_start || holds(lead, OTHER_SET_WORDS) || holds(clause_lead, &["其中"]) {
                    continue;
                }
                words.clear();
                segmenter().words(body, kind_start..kind_end, &[], &mut words);
                let word_ends = words.iter().map(|w| w.span.end - kind_start).collect();
                let whole = whole_place(clause_lead);
                if decided.is_none() && lead.contains('的') && holds(lead, DECIDING_VERBS) {
                    decided = lead.chars().find(|c| LEVELS.contains(c));
                }
                let named = {
                    let before = clause_lead;
                    let last = before.chars().next_back();
                    before.contains('、')
                        && !before.chars().any(|c| c.is_ascii_digit())
                        && last.is_some_and(|c| is_han(c) && c != '、')
                };
                let stripped = strip_places(lead);
                let census = whole.is_some() && STOCK_VERBS.iter().any(|v| stripped.ends_with(v));
                let step_text = format!("{lead}{after}");
                let step = STEPS.iter().position(|g| holds(&step_text, g));
                out.push(Count {
                    section: si,
                    sentence: ni,
                    span: span.clone(),
                    value,
                    measure,
                    kind: kind_start..kind_end,
                    word_ends,
                    lead: lead_range,
                    claim: claim_at.get(&(si, num.start)).copied(),
                    decided,
                    whole,
                    census,
                    named,
                    big: measure == '大',
                    note,
                    note_head,
                    honour: honour.then(|| body[sentence.span.clone()].chars().take(OPENING_CHARS).collect()),
                    bare: stripped.is_empty(),
                    each_year: holds(lead, EACH_YEAR_WORDS),
                    whole_after: holds(&body[kind_end..span.end + after.len()], WHOLE_SET_WORDS),
                    clause_lead: clause_start..num.start,
                    planning: holds(lead, PLANNING_VERBS),
                    carrying: holds(lead, CARRYING_VERBS),
                    step,
                });
            }
        }
    }
    out
}

/// The note a count stands in, if any: where the note's line starts, and whether
/// the count is in its head (the term before the first ：). A note's line opens
/// with its number in brackets ([32], 〔6〕, ［3］); only the 120 characters before the
/// count are searched for it.
fn note_of(body: &str, at: usize) -> (Option<usize>, bool) {
    let window = crate::checks::rules::before(body, at, 0, NOTE_CHARS);
    let from = at - window.len();
    let Some(nl) = window.rfind('\n') else { return (None, false) };
    let line_start = from + nl + 1;
    let line = &body[line_start..at];
    let Some(rest) = line.trim_start().strip_prefix(['[', '〔', '［']) else { return (None, false) };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || !rest[digits..].starts_with([']', '〕', '］']) {
        return (None, false);
    }
    (Some(line_start), !line.contains(['：', ':']))
}

fn holds_start(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.starts_with(w))
}

/// The whole place a lead names (全县, 全市): its level.
fn whole_place(lead: &str) -> Option<char> {
    lead.match_indices('全')
        .find_map(|(i, _)| lead[i + '全'.len_utf8()..].chars().next().filter(|c| LEVELS.contains(c)))
}

/// A lead without its whole place (全县) and the words that join it to the count
/// before (和): what is left is an act or an owner of the count's own.
fn strip_places(lead: &str) -> &str {
    let mut s = lead.trim_start_matches(['和', '及', '与']);
    if let Some(rest) = s.strip_prefix('全')
        && let Some(c) = rest.chars().next()
        && LEVELS.contains(&c)
    {
        s = &rest[c.len_utf8()..];
    }
    s
}

/// Whether two measure words count alike.
fn measures_meet(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    if a == '大' || b == '大' || a == '年' || b == '年' {
        return false;
    }
    if a == '个' || b == '个' {
        return true;
    }
    let (mut x, mut y) = ([0u8; 4], [0u8; 4]);
    let (a, b) = (&*a.encode_utf8(&mut x), &*b.encode_utf8(&mut y));
    SAME_MEASURES.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// The name two counts share: the longest common beginning of their kinds that
/// ends where a word ends in both, if it is specific enough.
fn shared_kind<'a>(cx: &'a Context, a: &Count, b: &Count) -> Option<&'a str> {
    let ka = &cx.sections[a.section].body[a.kind.clone()];
    let kb = &cx.sections[b.section].body[b.kind.clone()];
    let common: usize = ka.chars().zip(kb.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    // The longest length that ends a word in both.
    let end = a.word_ends.iter().copied().filter(|e| *e <= common && b.word_ends.contains(e)).max()?;
    let name = &ka[..end];
    let chars = name.chars().count();
    let in_note = a.note.is_some() && a.note == b.note;
    let specific = chars >= if (a.big && b.big) || in_note { 2 } else { 4 };
    specific.then_some(name)
}

/// The year the text speaks from: its date, else the date its subtitle opens with
/// (——2021年2月5日在…县人民代表大会上, a line the import keeps as the subtitle).
fn report_year(cx: &Context) -> Option<i32> {
    use chrono::Datelike;
    if let Some(d) = cx.dated {
        return Some(d.year());
    }
    let line =
        cx.brief.meta.subtitle.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '-' | '（' | '('));
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    let rest = &line[digits.len()..];
    let dated = digits.len() == 4 && rest.starts_with('年') && rest.contains('月') && rest.contains('日');
    dated.then(|| digits.parse().ok()).flatten()
}

/// A claim's time with a relative year made absolute by the text's own date.
fn year_of(year: Option<i32>, t: &Time) -> (Option<i32>, bool) {
    match (t.year, t.relative) {
        (Some(y), _) => (Some(y), true),
        (None, Some(r)) => (year.map(|y| y + i32::from(r)), true),
        (None, None) => (None, false),
    }
}

fn is_stretch(p: Period) -> bool {
    matches!(p, Period::Past(_) | Period::Years(..) | Period::Since(_) | Period::AnnualAverage)
}

/// Whether two counts may be of one time and modality, and one place.
fn may_be_one(cx: &Context, a: &Count, b: &Count, across_years: bool) -> bool {
    if cx.claims.scopes.get(a.section) != cx.claims.scopes.get(b.section) {
        return false;
    }
    let (Some(ia), Some(ib)) = (a.claim, b.claim) else { return true };
    let (ca, cb) = (&cx.claims.all[ia], &cx.claims.all[ib]);
    if !ca.place.agrees(&cb.place) {
        return false;
    }
    let modal = |m: Modality| matches!(m, Modality::Forecast | Modality::Standard);
    if modal(ca.modality) || modal(cb.modality) || (ca.modality != cb.modality && !across_years) {
        return false;
    }
    let (ta, tb) = (ca.time, cb.time);
    if is_stretch(ta.period) || is_stretch(tb.period) {
        return across_years || (ta.period == tb.period && ta.agrees(&tb));
    }
    if ta.period != tb.period && !ta.agrees(&tb) && !across_years {
        return false;
    }
    let year = report_year(cx);
    match (year_of(year, &ta), year_of(year, &tb)) {
        ((Some(x), _), (Some(y), _)) => x == y || across_years,
        // A relative year the text's date cannot place, against a named one.
        ((None, true), (_, true)) | ((_, true), (None, true)) => across_years,
        _ => true,
    }
}

/// What ties two counts of one kind into one set, if anything (see the module doc).
/// The second value says whether the tie reaches across years.
fn tie(a: &Count, b: &Count) -> Option<bool> {
    let either = |f: &dyn Fn(&Count, &Count) -> bool| f(a, b) || f(b, a);
    // A note explains its head's term: a count of its kind in the note is the term's.
    if a.note.is_some() && a.note == b.note && (a.note_head || b.note_head) {
        return Some(false);
    }
    // One subject's streak of honours: two sentences that open with one name (柳河
    // 开发区组建于… and 柳河开发区曾连续…) in one section.
    if let (Some(x), Some(y)) = (&a.honour, &b.honour) {
        let shared = x.chars().zip(y.chars()).take_while(|(p, q)| p == q && is_han(*p)).count();
        // The streak is its own stretch of years: the time its sentence names is not its.
        return (a.section == b.section && shared >= 4).then_some(true);
    }
    // Stretches of years (5年过渡期) are read in notes and streaks only.
    if a.measure == '年' || b.measure == '年' {
        return None;
    }
    if either(&|x, y| x.census && (y.bare || y.census)) {
        return Some(false);
    }
    // Two lists of members name their sets by the members, not by the count.
    // A set named by its members meets a bare count (五大片区 … 5大片区亮化), not another
    // count with words of its own before it (“…、…”四大产业板块).
    if a.big && b.big && ((a.named && b.bare) || (b.named && a.bare) || (a.bare && b.bare)) {
        return Some(false);
    }
    if let (Some(x), Some(y)) = (a.decided, b.decided) {
        return (x == y).then_some(false);
    }
    if either(&|x, y| x.each_year && (y.bare || y.whole_after)) {
        return Some(true);
    }
    if either(&|x, y| x.planning && y.carrying) {
        return Some(true);
    }
    None
}

/// Two counts, one named by its members, under one verb: 取缔平阳、北水峪2个 … 取缔两个
/// (the last word before the other count, a verb of two characters or more, is in
/// the named count's clause).
fn named_under_one_verb(cx: &Context, a: &Count, b: &Count) -> bool {
    let one_way = |named: &Count, other: &Count| {
        if !named.named {
            return false;
        }
        let body = cx.sections[other.section].body;
        let mut words = Vec::new();
        segmenter().words(body, other.lead.clone(), &[], &mut words);
        let Some(w) = words.last().filter(|w| w.pos == crate::checks::words::Pos::Verb) else { return false };
        let verb = &body[w.span.clone()];
        verb.chars().count() >= 2 && cx.sections[named.section].body[named.clause_lead.clone()].contains(verb)
    };
    one_way(a, b) || one_way(b, a)
}

/// The set as the finding names it: its owner or whole place, and its kind.
fn set_name(cx: &Context, a: &Count, b: &Count, kind: &str) -> String {
    for c in [a, b] {
        if c.decided.is_some() {
            let lead = &cx.sections[c.section].body[c.lead.clone()];
            if let Some(i) = lead.char_indices().find(|(_, ch)| LEVELS.contains(ch)).map(|(i, _)| i)
                && lead.ends_with('的')
            {
                return format!("{}{kind}", &lead[i..]);
            }
        }
    }
    match a.whole.or(b.whole) {
        Some(level) => format!("全{level}{kind}"),
        None => kind.to_string(),
    }
}

/// The tier: each count against the earlier counts of its kind.
pub(super) fn recounted(rule: &dyn Rule, cx: &Context, out: &mut Vec<Diagnostic>) {
    let counts = counts(cx);
    let said: rustc_hash::FxHashSet<_> =
        out.iter().filter(|d| d.rule == rule.doc().id).map(|d| (d.section, d.span.start)).collect();
    let mut by_key: HashMap<(bool, &str), Vec<usize>> = HashMap::default();
    for (bi, b) in counts.iter().enumerate() {
        let body = cx.sections[b.section].body;
        let kind = &body[b.kind.clone()];
        let key_end = kind.char_indices().nth(2).map_or(kind.len(), |(i, _)| i);
        let key = (b.big, &kind[..key_end]);
        let list = by_key.entry(key).or_default();
        let mut found: Option<(usize, &str, bool)> = None;
        let mut agrees = false;
        for &ai in list.iter() {
            let a = &counts[ai];
            let one_note = a.note.is_some() && a.note == b.note;
            if ((a.section, a.sentence) == (b.section, b.sentence) && !one_note) || !measures_meet(a.measure, b.measure)
            {
                continue;
            }
            let Some(name) = shared_kind(cx, a, b) else { continue };
            let tied = tie(a, b).or_else(|| named_under_one_verb(cx, a, b).then_some(false));
            let Some(across_years) = tied else { continue };
            if matches!((a.step, b.step), (Some(x), Some(y)) if x != y) || !may_be_one(cx, a, b, across_years) {
                continue;
            }
            if a.value == b.value {
                agrees = true;
            } else if found.is_none() {
                found = Some((ai, name, across_years));
            }
        }
        if list.len() < CANDIDATES {
            list.push(bi);
        }
        let Some((ai, name, _)) = found.filter(|_| !agrees) else { continue };
        let a = &counts[ai];
        // The first tiers' findings start where the figure does: one look-up.
        if said.contains(&(cx.sections[b.section].id, b.span.start)) {
            continue;
        }
        let a_body = cx.sections[a.section].body;
        let finding = Finding::SameMetric {
            metric: name.to_string(),
            here: body[b.span.clone()].to_string(),
            there: a_body[a.span.clone()].to_string(),
            there_section: section_name(cx, a.section),
            assumed: vec![Assumption::SameSet { set: set_name(cx, a, b, name) }],
        };
        let mut d = Diagnostic::new(rule, cx.sections[b.section].id, b.span.clone(), finding).related(
            cx.sections[a.section].id,
            a.span.clone(),
            RelatedRole::OtherMention,
            &a_body[a.span.clone()],
        );
        d.severity = Severity::Warning;
        out.push(d);
    }
}

#[cfg(test)]
mod tests;
