//! Relations read from the words alone: a ratio a：b：c that shares out one
//! whole, and a count said of the items just named (甲、乙、丙等3个项目).

use std::ops::Range;

use crate::checks::claims::subjects::{NOTE_BRACKETS, note_opening};
use crate::checks::context::SectionView;
use crate::checks::lexicon::relations::{LIST_COUNT_UNITS, STRUCTURE_WORDS};

/// A ratio of three terms or more that shares out one whole (三次产业结构为
/// 12.1：38.6：49.3): its terms are percentages and make 100.
#[derive(Debug, Clone)]
pub struct Ratio {
    pub section: usize,
    /// The bytes of the ratio in its section's body.
    pub span: Range<usize>,
    pub terms: Vec<f64>,
    /// Half a unit of each term's last digit, added up: how far rounding may take the sum.
    pub slack: f64,
}

/// A count said of the items named right before it (甲、乙、丙、丁等4个项目;
/// 医药、汽车、电子三大产业) or in brackets right after it (三大产业（…、…、…）).
#[derive(Debug, Clone)]
pub struct NamedList {
    pub section: usize,
    /// The bytes of the count in its section's body.
    pub span: Range<usize>,
    pub said: usize,
    /// How many items are named: at least, and at most (a last item may join
    /// two with 和).
    pub named: (usize, usize),
}

/// One number of a ratio at `i`: its value, the bytes it takes and half its last digit.
fn number_at(text: &str, i: usize) -> Option<(f64, usize, f64)> {
    let rest = &text[i..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let digits = &rest[..end];
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    Some((digits.parse().ok()?, end, 0.5 * 10f64.powi(-(decimals as i32))))
}

/// Ratios that share out one whole: three terms or more joined by ：, : or ∶,
/// the sentence before them naming a structure ([`STRUCTURE_WORDS`]):
///
/// - 2023年三次产业结构为14.6：31.2：54.2 (makes 100)
/// - 三次产业结构由21.4：30.5：48.1调整为16.8：29.7：53.5 (two ratios, each 100)
///
/// Terms with decimals are percentages; whole terms only when they come near
/// 100 (1：3：6 is a ratio of tenths). Left alone: 按4：3：2的比例筹集 (a rule
/// of division: no structure), 8:30 (a time).
pub fn ratios(section: usize, body: &str) -> Vec<Ratio> {
    let mut out = Vec::new();
    let mut i = 0;
    let sep = |s: &str| -> Option<usize> {
        let t = s.trim_start_matches(' ');
        let skipped = s.len() - t.len();
        let c = t.chars().next()?;
        matches!(c, '：' | ':' | '∶').then(|| {
            let after = &t[c.len_utf8()..];
            skipped + c.len_utf8() + (after.len() - after.trim_start_matches(' ').len())
        })
    };
    while i < body.len() {
        let Some((v, len, half)) = number_at(body, i) else {
            i += body[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let start = i;
        let (mut terms, mut slack, mut end) = (vec![v], half, i + len);
        while let Some(s) = sep(&body[end..])
            && let Some((v, len, half)) = number_at(body, end + s)
        {
            terms.push(v);
            slack += half;
            end += s + len;
        }
        i = end;
        let before_digit = body[..start].chars().next_back().is_some_and(|c| c.is_ascii_digit() || c == '.');
        if terms.len() < 3 || before_digit {
            continue;
        }
        let sentence_start = body[..start]
            .rfind(['。', '！', '？', '\n', '；'])
            .map_or(0, |k| k + body[k..].chars().next().map_or(1, char::len_utf8));
        let before = &body[sentence_start.min(start)..start];
        if !STRUCTURE_WORDS.iter().any(|w| before.contains(w)) {
            continue;
        }
        let sum: f64 = terms.iter().sum();
        let decimals = body[start..end].contains('.');
        if decimals || (90.0..=110.0).contains(&sum) {
            out.push(Ratio { section, span: start..end, terms, slack: slack + 1e-9 });
        }
    }
    out
}

/// The value of a count written in Chinese numerals (三, 十二, 两) or digits.
pub fn count_value(s: &str) -> Option<usize> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| i / 3).or((c == '两').then_some(2));
    let cs: Vec<char> = s.chars().collect();
    match cs[..] {
        ['十'] => Some(10),
        [a] => digit(a),
        ['十', b] => Some(10 + digit(b)?),
        [a, '十'] => Some(digit(a)? * 10),
        [a, '十', b] => Some(digit(a)? * 10 + digit(b)?),
        _ => None,
    }
}

/// How far back from a count its items may run, in characters: thirty items
/// of the longest length an item may have (16), with their marks.
const MAX_LIST_CHARS: usize = 30 * 17;

/// Whether a character could be part of a count (一…十, 两, a digit).
fn numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二两三四五六七八九十".contains(c)
}

/// Whether a numeral starting `text` is a figure before the items (3个园区和甲、乙
/// 两个…, 年产15万立方米装配式建材、…): digits always are; a Chinese numeral is
/// one only with a measure word after it (两个园区, 三大产业), else it is part
/// of an item's name (星河基地一期, 一村一品、…).
fn counts(text: &str, digit: bool) -> bool {
    let rest = text.trim_start_matches(numeral);
    digit || rest.starts_with('大') || LIST_COUNT_UNITS.iter().any(|u| rest.starts_with(u))
}

/// How many items a stretch names: its 、 outside brackets and quotes, plus
/// one (two for a last item joined by 和); or its quoted items (“甲”“乙”)
/// when it has no 、. None when the count is not clear: an item other than
/// the last holds 和 or 及, or one is long enough to be a clause.
fn items(stretch: &str) -> Option<(usize, usize)> {
    let mut parts: Vec<String> = vec![String::new()];
    let (mut depth, mut quoted) = (0i32, false);
    let mut quotes = 0;
    for c in stretch.chars() {
        match c {
            '（' | '(' | '《' => depth += 1,
            '）' | ')' | '》' => depth -= 1,
            '“' => {
                quoted = true;
                quotes += 1;
            }
            '”' => quoted = false,
            '、' if depth == 0 && !quoted => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    let joined = |p: &str| ["和", "及", "与", "并"].iter().any(|w| p.contains(w));
    if parts.len() == 1 {
        let whole = stretch.trim_start_matches(|c: char| c != '“');
        // “规范、搬迁、产业”三项: one quote whose items the 、 inside it part. The
        // quote marks where the list starts, so an item holding 和 may only
        // name one more.
        if quotes == 1
            && let Some(inner) = whole.strip_prefix('“').and_then(|w| w.strip_suffix('”'))
            && inner.contains('、')
        {
            // 、 inside brackets parts an item's own list (水果（苹果、梨）).
            let mut depth = 0i32;
            let inner: Vec<&str> = inner
                .split(|c: char| {
                    match c {
                        '（' | '(' => depth += 1,
                        '）' | ')' => depth -= 1,
                        _ => {}
                    }
                    c == '、' && depth == 0
                })
                .collect();
            if inner.iter().any(|p| p.is_empty() || p.chars().count() > 16 || p.contains(['，', '“'])) {
                return None;
            }
            let n = inner.len();
            return Some((n, n + inner.iter().filter(|p| joined(p)).count()));
        }
        // “双创”“双服”“三品”等3项: quoted items side by side.
        let bare = whole.split(['“', '”']).filter(|s| !s.is_empty()).count();
        return (quotes >= 2 && bare == quotes && whole.ends_with('”')).then_some((quotes, quotes));
    }
    let (last, rest) = parts.split_last()?;
    // 城镇、农业、生态空间划定的城镇开发边界、永久基本农田…: an item past the
    // first that holds 的 joins two lists. An item before the last that holds a
    // conjunction leaves where the list starts unclear: 京雄高速、荣乌新线和容易、
    // 安大两条通道 counts the two after 和.
    if rest.iter().any(|p| joined(p))
        || parts.iter().any(|p| p.chars().count() > 16 || p.is_empty())
        || parts[1..].iter().any(|p| p.contains('的'))
    {
        return None;
    }
    let n = parts.len();
    Some((n, if joined(last) { n + 1 } else { n }))
}

/// Counts said of the items just named: 甲、乙、丙、丁等4个项目, 涞源、涞水、易县
/// 3个县, “双创”“双服”“三品”等3项行动, 医药、汽车、电子三大产业, and a count
/// with its items in brackets after it (三大产业（医药、汽车、电子）). The items
/// run back from the count to the clause's start (，。；：), or to a figure
/// before them (三大产业和甲、乙两个园区 names two).
///
/// A count right after a verb (新建2个) or a figure is left alone, and so is
/// a stretch whose items other than the last hold 和 or 及 (where the list
/// starts is unclear).
pub fn named_lists(section: usize, body: &str) -> Vec<NamedList> {
    let mut out = Vec::new();
    // The scan's place in the body: past each run of numerals at once.
    let mut next = 0;
    while let Some(c) = body[next..].chars().next() {
        let at = next;
        // A count: a whole run of numerals, then a unit, then a noun.
        if !numeral(c) {
            next += c.len_utf8();
            continue;
        }
        let end = body[at..].char_indices().find(|(_, c)| !numeral(*c)).map_or(body.len(), |(i, _)| at + i);
        next = end;
        let value = count_value(&body[at..end]);
        let unit = LIST_COUNT_UNITS.iter().filter(|u| body[end..].starts_with(*u)).max_by_key(|u| u.len());
        let (Some(said), Some(unit)) = (value, unit) else { continue };
        let after_unit = end + unit.len();
        // The noun may stand in quotes (3处“断头路”).
        let noun = body[after_unit..].trim_start_matches('“').chars().next().is_some_and(crate::model::is_cjk);
        // 第二批 is an ordinal, not a count.
        if !(2..=30).contains(&said) || !noun || body[..at].ends_with('第') {
            continue;
        }
        let span = at..after_unit;
        // The items before: back over 等 or 共 to the clause's start or a figure.
        // A count that opens a quoted name (“四大产业”) counts what follows the quote.
        let head = body[..at].strip_suffix('“').unwrap_or(&body[..at]);
        let closed = head.ends_with('等');
        let head = head.strip_suffix('等').or_else(|| head.strip_suffix("共")).unwrap_or(head);
        // A list runs back a few hundred characters at most: past that (a stray
        // closing quote or bracket) there is no list to read.
        let window = head.char_indices().rev().nth(MAX_LIST_CHARS).map_or(0, |(i, c)| i + c.len_utf8());
        let from = head[window..]
            .char_indices()
            .rev()
            .scan(0i32, |depth, (i, c)| {
                // Scanning backwards: a closing bracket or quote opens a stretch
                // whose marks and numerals (“一窗受理、一网通办”) are the items'.
                match c {
                    '）' | ')' | '”' => *depth += 1,
                    '（' | '(' | '“' if *depth > 0 => *depth -= 1,
                    _ => {}
                }
                Some((i, c, *depth))
            })
            .find(|(i, c, depth)| {
                *depth == 0
                    && ("，。；：！？\n,;:（(".contains(*c)
                        || numeral(*c) && counts(&head[window + i..], c.is_ascii_digit()))
            });
        let from = match from {
            Some((i, c, _)) => window + i + c.len_utf8(),
            None if window == 0 => 0,
            None => continue,
        };
        let stretch = &head[from..];
        let last = stretch.chars().next_back();
        let verb_or_figure =
            last.is_none_or(|c| "建设成造修增有是为了到达约近超余个".contains(c) || !c.is_alphabetic());
        let before = if stretch.contains('、') || stretch.contains('“') { items(stretch) } else { None };
        let named = match before {
            // 等 closes a list: the word before it ends the last item (王林口中学扩建等4个).
            Some(n) if !verb_or_figure || last == Some('”') || closed => Some(n),
            _ => {
                // 三大产业（医药、汽车、电子）: the items in brackets after the count's noun
                // (after a closing quote too: “四大产业”（…）).
                let rest = &body[after_unit..];
                let noun_end =
                    rest.char_indices().find(|(_, c)| !crate::model::is_cjk(*c)).map_or(rest.len(), |(i, _)| i);
                let rest = match rest[noun_end..].strip_prefix('”') {
                    Some(after) => &rest[rest.len() - after.len()..],
                    None => rest,
                };
                let open = rest.char_indices().take(10).find(|(_, c)| !crate::model::is_cjk(*c));
                match open {
                    Some((i, '（' | '(')) => {
                        let inner = &rest[i + rest[i..].chars().next().map_or(1, char::len_utf8)..];
                        inner.find(['）', ')']).map(|j| &inner[..j]).filter(|s| s.contains('、')).and_then(items)
                    }
                    _ => None,
                }
            }
        };
        if let Some(named) = named {
            out.push(NamedList { section, span, said, named });
        }
    }
    out
}

/// A count in the text that a note repeats: the text marks the counted
/// things with the note's number (等6所幼儿园〔26〕, 处理好“十个关系”[29]) and the
/// note opens with its own count of them (〔26〕6所幼儿园：…, [29] 十个关系：…).
#[derive(Debug, Clone)]
pub struct NoteCount {
    pub section: usize,
    /// The bytes of the text's count in its section's body.
    pub span: Range<usize>,
    pub said: usize,
    /// The note's mark as the text writes it (〔26〕).
    pub mark: String,
    /// The count the note opens with.
    pub in_note: usize,
}

/// A count at the start of `text` (6所幼儿园, 十个关系, “七大扶贫工程”): its
/// value, its unit and the noun after it, up to a mark.
fn count_at(text: &str) -> Option<(usize, &'static str, &str)> {
    let text = text.trim_start_matches([' ', '“', '\u{3000}']);
    let end = text.char_indices().find(|(_, c)| !numeral(*c)).map_or(text.len(), |(i, _)| i);
    let said = count_value(&text[..end])?;
    let unit = LIST_COUNT_UNITS.iter().filter(|u| text[end..].starts_with(*u)).max_by_key(|u| u.len())?;
    let rest = &text[end + unit.len()..];
    let noun_end = rest.char_indices().find(|(_, c)| !crate::model::is_cjk(*c)).map_or(rest.len(), |(i, _)| i);
    // A numeral after the unit makes a slogan (三个一, 两个一百年), not a count of things.
    (noun_end > 0 && !rest.starts_with(numeral)).then(|| (said, *unit, &rest[..noun_end]))
}

/// Counts that a note repeats. A note (a paragraph that opens with its number
/// in brackets) that opens with a count of things (〔5〕4个示范园区：…) says how
/// many things the text's mark of it stands for; the text's count right
/// before the mark (建成甲、乙等4个示范园区〔5〕) must be the same count of the
/// same things: same unit and the same noun. A note that opens with a name
/// (〔5〕东岭示范园区：…) or a mark after a noun of another kind is left alone.
pub fn note_counts(sections: &[SectionView]) -> Vec<NoteCount> {
    let mut notes: std::collections::HashMap<&str, (usize, &str, &str)> = std::collections::HashMap::new();
    for s in sections {
        for para in s.body.split('\n') {
            if let Some((number, rest)) = note_opening(para)
                && let Some(count) = count_at(rest)
            {
                notes.entry(number).or_insert(count);
            }
        }
    }
    let mut out = Vec::new();
    if notes.is_empty() {
        return out;
    }
    for (si, s) in sections.iter().enumerate() {
        let mut line_start = 0;
        for para in s.body.split_inclusive('\n') {
            let own = note_opening(para).map(|(n, _)| n);
            for (open, close) in NOTE_BRACKETS {
                for (i, _) in para.match_indices(*open) {
                    let after = &para[i + open.len_utf8()..];
                    let Some(j) = after.find(*close) else { continue };
                    let number = &after[..j];
                    let Some(&(in_note, unit, noun)) = notes.get(number) else { continue };
                    if own == Some(number) {
                        continue;
                    }
                    // The text's count: the clause before the mark ends with it.
                    let head = para[..i].strip_suffix('”').unwrap_or(&para[..i]);
                    let from = head
                        .char_indices()
                        .rev()
                        .find(|(_, c)| "，。；：、\n".contains(*c))
                        .map_or(0, |(k, c)| k + c.len_utf8());
                    let clause = &head[from..];
                    let found = clause.char_indices().filter(|(_, c)| numeral(*c)).find_map(|(k, _)| {
                        let prior = clause[..k].chars().next_back();
                        // Inside a quote the count must open it: “新三个一” is a name.
                        let open = clause[..k].matches('“').count() > clause[..k].matches('”').count();
                        if prior.is_some_and(numeral) || prior == Some('第') || open && prior != Some('“') {
                            return None;
                        }
                        let (said, u, n) = count_at(&clause[k..])?;
                        let digits: usize = clause[k..].chars().take_while(|c| numeral(*c)).map(char::len_utf8).sum();
                        let to_end = k + digits + u.len() + n.len() == clause.len();
                        let same = u == unit && (n.ends_with(noun) || noun.ends_with(n));
                        (to_end && same).then_some((k, digits, said))
                    });
                    if let Some((k, digits, said)) = found
                        && said != in_note
                    {
                        let start = line_start + from + k;
                        let mark = format!("{open}{number}{close}");
                        out.push(NoteCount { section: si, span: start..start + digits, said, mark, in_note });
                    }
                }
            }
            line_start += para.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::rules::testing::fired;

    #[test]
    fn counts_of_chinese_numerals() {
        assert_eq!(count_value("三"), Some(3));
        assert_eq!(count_value("十二"), Some(12));
        assert_eq!(count_value("二十"), Some(20));
        assert_eq!(count_value("两"), Some(2));
        assert_eq!(count_value("15"), Some(15));
    }

    #[test]
    fn a_structure_makes_100() {
        assert_eq!(fired("2022年全市三次产业结构为9.8：35.6：55.1。", "BD104"), 1);
        assert_eq!(fired("三产结构由18.2∶40.1∶41.7优化为15.4∶37.9∶47.9。", "BD104"), 1);
        assert_eq!(fired("全县三次产业比为11:42:49。", "BD104"), 1);
        // Look-alikes: a structure that makes 100, a rule of division, a ratio of tenths.
        assert_eq!(fired("2022年全市三次产业结构为9.8：35.6：54.6。", "BD104"), 0);
        assert_eq!(fired("市、县、乡按5：3：2的比例分担配套资金。", "BD104"), 0);
        assert_eq!(fired("种植结构按1：3：6安排。", "BD104"), 0);
    }

    #[test]
    fn a_count_against_the_items_it_names() {
        assert_eq!(fired("启动东关、西关、南关、北关等3个片区改造。", "BD103"), 1);
        assert_eq!(fired("支持桃源、杏林、梨园、柿子沟3个村发展民宿。", "BD103"), 1);
        assert_eq!(fired("培育文旅、康养、物流、电商、建材四大产业。", "BD103"), 1);
        assert_eq!(fired("打造三大板块（智能制造、食品加工、现代物流、文化旅游）。", "BD103"), 1);
        assert_eq!(fired("开展“清河”“护林”“净土”“蓝天”等3项行动。", "BD103"), 1);
        // Look-alikes: counts that agree, an open list of fewer, a count after a verb.
        assert_eq!(fired("启动东关、西关、南关、北关等4个片区改造。", "BD103"), 0);
        assert_eq!(fired("启动东关、西关等6个片区改造。", "BD103"), 0);
        assert_eq!(fired("改造东关、西关，新建3个片区。", "BD103"), 0);
        assert_eq!(fired("培育文旅、康养和物流三大产业。", "BD103"), 0);
        assert_eq!(fired("做强文旅、康养三大产业和物流、电商两个园区。", "BD103"), 0);
        assert_eq!(fired("完成东关、西关、南关、北关第二批片区改造。", "BD103"), 0);
        assert_eq!(fired("划定东区、西区、北区的林地、耕地两类红线。", "BD103"), 0);
    }

    #[test]
    fn a_count_against_items_in_quotes_or_closed_by_deng() {
        // One quote whose items the 、 inside it part; its numerals are the items'.
        assert_eq!(fired("推行“一窗受理、一网通办、一次办结、一证通用”3项改革。", "BD103"), 1);
        // The noun in quotes, and a count in quotes with its items in brackets after.
        assert_eq!(fired("打通东街、西街、南街2处“断头路”。", "BD103"), 1);
        assert_eq!(fired("做强“两大产业”（高山茶叶、冷水养鱼、中药材）。", "BD103"), 1);
        // 等 closes the list even when the last item ends with a verb.
        assert_eq!(fired("城南小学、北关中学、东关幼儿园扩建等2个项目年内完工。", "BD103"), 1);
        // Look-alikes: counts that agree, and an item's own list in brackets.
        assert_eq!(fired("推行“一窗受理、一网通办、一次办结”3项改革。", "BD103"), 0);
        assert_eq!(fired("打通东街、西街2处“断头路”。", "BD103"), 0);
        assert_eq!(fired("培育“东山茶叶、西山果品（苹果、梨、桃）、南山药材”三大基地。", "BD103"), 0);
        assert_eq!(fired("推行“精准识别和动态管理、精准帮扶”3项机制。", "BD103"), 0);
    }

    #[test]
    fn a_chinese_numeral_inside_an_item_is_part_of_its_name() {
        // 一期, 二号, 一村一品: no measure word after them, so the items run on past them.
        assert_eq!(fired("引进东岭一期、西岭二期、南坡工业园、北坡物流园等3个项目。", "BD103"), 1);
        assert_eq!(fired("建成城东一号、城西二号、城南三号3座泵站。", "BD103"), 0);
        assert_eq!(fired("建成城东一号、城西二号、城南三号、城北四号3座泵站。", "BD103"), 1);
        assert_eq!(fired("推广“一村一品”、电商直播、订单农业、庭院经济等3种模式。", "BD103"), 1);
        assert_eq!(fired("打造年产5万吨果汁、花椒深加工、核桃油、林下菌菇等3个项目。", "BD103"), 1);
        // A Chinese numeral with its measure word is a figure: the list starts after it.
        assert_eq!(fired("新建两个园区和甲基地、乙基地、丙基地3个基地。", "BD103"), 0);
    }

    #[test]
    fn a_count_that_its_note_opens_with_again() {
        assert_eq!(fired("建成甲园、乙园等4个示范园区〔3〕。\n〔3〕3个示范园区：甲园、乙园、丙园。", "BD103"), 1);
        assert_eq!(fired("落实“五个到位”[2]要求。\n[2] 四个到位：人员、资金、责任、措施到位。", "BD103"), 1);
        assert_eq!(fired("新建8所农村学校〔5〕。\n〔5〕7所农村学校：分布在各乡镇。", "BD103"), 1);
        // Look-alikes: the same count; a mark after two names; a note that opens with a name.
        assert_eq!(fired("实施“三大工程”〔1〕。\n〔1〕三大工程：即修路、治水、改厕。", "BD103"), 0);
        assert_eq!(fired("开展“七个一”“新三个一”［2］行动。\n［2］七个一：指七项工作。", "BD103"), 0);
        assert_eq!(fired("建成4个示范园区〔3〕。\n〔3〕东岭示范园区：建有3个分园。", "BD103"), 0);
        assert_eq!(fired("新建8所农村学校〔5〕。\n〔5〕7所幼儿园：分布在各乡镇。", "BD103"), 0);
    }
}
