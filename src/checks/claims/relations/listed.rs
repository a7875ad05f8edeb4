//! Relations read from the words alone: a ratio a：b：c that shares out one
//! whole, and a count said of the items just named (甲、乙、丙等3个项目).

use std::ops::Range;

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
fn count_value(s: &str) -> Option<usize> {
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

/// Whether a character could be part of a count (一…十, 两, a digit).
fn numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二两三四五六七八九十".contains(c)
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
        // “双创”“双服”“三品”等3项: quoted items side by side.
        let whole = stretch.trim_start_matches(|c: char| c != '“');
        let bare = whole.split(['“', '”']).filter(|s| !s.is_empty()).count();
        return (quotes >= 2 && bare == quotes && whole.ends_with('”')).then_some((quotes, quotes));
    }
    let (last, rest) = parts.split_last()?;
    // 城镇、农业、生态空间划定的城镇开发边界、永久基本农田…: an item past the
    // first that holds 的 joins two lists.
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
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        // A count: a run of numerals not inside a longer number, then a unit, then a noun.
        if !numeral(c) || k > 0 && numeral(chars[k - 1].1) {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < chars.len() && numeral(chars[e].1) {
            e += 1;
        }
        let end = chars.get(e).map_or(body.len(), |x| x.0);
        let value = count_value(&body[at..end]);
        let unit = LIST_COUNT_UNITS.iter().filter(|u| body[end..].starts_with(*u)).max_by_key(|u| u.len());
        k = e;
        let (Some(said), Some(unit)) = (value, unit) else { continue };
        let after_unit = end + unit.len();
        let noun = body[after_unit..].chars().next().is_some_and(crate::model::is_cjk);
        // 第二批 is an ordinal, not a count.
        if !(2..=30).contains(&said) || !noun || body[..at].ends_with('第') {
            continue;
        }
        let span = at..after_unit;
        // The items before: back over 等 or 共 to the clause's start or a figure.
        let head = &body[..at];
        let head = head.strip_suffix('等').or_else(|| head.strip_suffix("共")).unwrap_or(head);
        let from = head
            .char_indices()
            .rev()
            .scan(0i32, |depth, (i, c)| {
                match c {
                    '）' | ')' => *depth += 1,
                    '（' | '(' if *depth > 0 => *depth -= 1,
                    _ => {}
                }
                Some((i, c, *depth))
            })
            .find(|(_, c, depth)| *depth == 0 && ("，。；：！？\n,;:（(".contains(*c) || numeral(*c)))
            .map_or(0, |(i, c, _)| i + c.len_utf8());
        let stretch = &head[from..];
        let last = stretch.chars().next_back();
        let verb_or_figure =
            last.is_none_or(|c| "建设成造修增有是为了到达约近超余个".contains(c) || !c.is_alphabetic());
        let before = if stretch.contains('、') || stretch.contains('“') { items(stretch) } else { None };
        let named = match before {
            Some(n) if !verb_or_figure || last == Some('”') => Some(n),
            _ => {
                // 三大产业（医药、汽车、电子）: the items in brackets after the count's noun.
                let rest = &body[after_unit..];
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
}
