use serde::{Deserialize, Serialize};

use super::Taxonomy;

/// A section's stable id. It survives reordering and renaming, so suppressions
/// and the GUI's selection can refer to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SectionId(pub u32);

/// What a section is for. Checks use it: the summary is compared with the body,
/// aid-mode sections are compared with each other.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// 内容提要 / 摘要 / 导语.
    Summary,
    /// 基本情况.
    Background,
    /// 主要做法: the parent of the aid-mode sections.
    Measures,
    /// One aid mode of the brief's taxonomy, by the mode's id.
    AidMode(String),
    /// 存在的问题.
    Problems,
    /// 对策建议.
    Recommendations,
    /// 结语.
    Conclusion,
    /// Anything else.
    Custom,
}

/// Titles that name a role, checked in this order. The first match wins.
const ROLE_WORDS: &[(&str, Role)] = &[
    ("内容提要", Role::Summary),
    ("内容摘要", Role::Summary),
    ("提要", Role::Summary),
    ("摘要", Role::Summary),
    ("导语", Role::Summary),
    ("基本情况", Role::Background),
    ("基本概况", Role::Background),
    ("背景", Role::Background),
    ("主要做法", Role::Measures),
    ("工作举措", Role::Measures),
    ("主要举措", Role::Measures),
    ("存在的问题", Role::Problems),
    ("主要问题", Role::Problems),
    ("问题与不足", Role::Problems),
    ("对策建议", Role::Recommendations),
    ("意见建议", Role::Recommendations),
    ("几点建议", Role::Recommendations),
    ("建议", Role::Recommendations),
    ("结语", Role::Conclusion),
    ("结束语", Role::Conclusion),
];

impl Role {
    /// Infers a role from a heading's title, with any heading number already
    /// stripped. Aid modes are matched against the taxonomy by name.
    pub fn infer(title: &str, taxonomy: &Taxonomy) -> Role {
        let t = title.trim();
        if t.is_empty() {
            return Role::Custom;
        }
        // An aid mode's name wins when the title starts with it (消费扶贫：打开一扇窗).
        if let Some(mode) = taxonomy.modes.iter().find(|m| t.starts_with(m.name.as_str())) {
            return Role::AidMode(mode.id.clone());
        }
        for (word, role) in ROLE_WORDS {
            if t.contains(word) && t.chars().count() <= word.chars().count() + 8 {
                return role.clone();
            }
        }
        if let Some(mode) = taxonomy.modes.iter().find(|m| t.contains(m.name.as_str())) {
            return Role::AidMode(mode.id.clone());
        }
        Role::Custom
    }

    /// Whether sections with this role carry a heading number.
    pub fn is_numbered(&self) -> bool {
        !matches!(self, Role::Summary | Role::Conclusion)
    }
}

/// One section of a brief: a title, a body and child sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: SectionId,
    pub role: Role,
    /// The title without its heading number; numbers are derived from position.
    pub title: String,
    /// Plain text, one paragraph per line (see [`super::body`]).
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub children: Vec<Section>,
    /// The heading number as written in the draft it was imported from (（一）,
    /// 4.), where the draft numbered it: the numbering check reports the draft
    /// as written. Outline edits clear it, since numbers then follow position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_number: Option<String>,
}

const CN_DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

fn chinese_ordinal(n: usize) -> String {
    match n {
        0..=9 => CN_DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { CN_DIGITS[n - 10] }),
        20..=99 => format!("{}十{}", CN_DIGITS[n / 10], if n.is_multiple_of(10) { "" } else { CN_DIGITS[n % 10] }),
        _ => n.to_string(),
    }
}

/// The GB/T 9704 heading number for the n-th (1-based) section at a depth:
/// 一、 at depth 0, （一） at 1, 1. at 2, （1） at 3 and below.
pub fn heading_number(depth: usize, n: usize) -> String {
    match depth {
        0 => format!("{}、", chinese_ordinal(n)),
        1 => format!("（{}）", chinese_ordinal(n)),
        2 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// Splits a leading heading number (一、 （一） (一) 1. 1、 （1） (1)) off a heading and
/// returns the rest, trimmed. Text without a number comes back unchanged.
pub fn strip_heading_number(heading: &str) -> &str {
    let t = heading.trim_start();
    let is_cn = |c: char| "零一二三四五六七八九十百".contains(c);
    fn rest(after: &str) -> &str {
        after.trim_start()
    }
    // 一、
    let cn_len: usize = t.chars().take_while(|&c| is_cn(c)).map(char::len_utf8).sum();
    if cn_len > 0
        && let Some(after) = t[cn_len..].strip_prefix('、')
    {
        return rest(after);
    }
    // 1. 1、 1．
    let d_len: usize = t.chars().take_while(char::is_ascii_digit).map(char::len_utf8).sum();
    if d_len > 0 {
        for sep in ['.', '、', '．'] {
            if let Some(after) = t[d_len..].strip_prefix(sep)
                && !after.starts_with(|c: char| c.is_ascii_digit())
            {
                return rest(after);
            }
        }
    }
    // （一） (一) （1） (1)
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = t.strip_prefix(open)
            && let Some(end) = inner.find(close)
        {
            let num = &inner[..end];
            if !num.is_empty() && (num.chars().all(is_cn) || num.chars().all(|c| c.is_ascii_digit())) {
                return rest(&inner[end + close.len_utf8()..]);
            }
        }
    }
    t.trim_end()
}

/// A CJK ideograph (the basic block, extension A, compatibility, and the supplementary planes).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff)
}

fn cn_value(s: &str) -> Option<u32> {
    let d = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [a] => d(*a),
        ['十', b] => Some(10 + d(*b)?),
        [a, '十'] => Some(d(*a)? * 10),
        [a, '十', b] => Some(d(*a)? * 10 + d(*b)?),
        _ => None,
    }
}

/// A heading number at the start of `line`: (level, number, byte length).
/// Levels follow GB/T 9704: 0 一、, 1 （一）, 2 1., 3 （1）. A number glued to the
/// first word of a paragraph (1针对…, lost in extraction) counts as level 2.
pub fn heading_marker(line: &str) -> Option<(usize, u32, usize)> {
    let cn_len: usize = line.chars().take_while(|c| "零一二三四五六七八九十".contains(*c)).map(char::len_utf8).sum();
    if cn_len > 0 && line[cn_len..].starts_with('、') {
        return Some((0, cn_value(&line[..cn_len])?, cn_len + '、'.len_utf8()));
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = line.strip_prefix(open)
            && let Some(end) = inner.find(close)
        {
            let n = &inner[..end];
            let len = open.len_utf8() + end + close.len_utf8();
            if let Some(v) = cn_value(n) {
                return Some((1, v, len));
            }
            if !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) {
                return Some((3, n.parse().ok()?, len));
            }
        }
    }
    let d_len = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&d_len) {
        let rest = &line[d_len..];
        let v: u32 = line[..d_len].parse().ok()?;
        if let Some(sep) = ['.', '．', '、'].into_iter().find(|s| rest.starts_with(*s))
            && !rest[sep.len_utf8()..].starts_with(|c: char| c.is_ascii_digit())
        {
            return Some((2, v, d_len + sep.len_utf8()));
        }
        // 1针对… : a number glued to the paragraph's first word (lost in extraction).
        let next = rest.chars().next()?;
        let glued = is_cjk(next) && !"年月日号个人名户万亿元千百届次期天岁倍余至到项家所批座条件分成".contains(next);
        if glued {
            return Some((2, v, d_len));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_by_level() {
        assert_eq!(heading_number(0, 1), "一、");
        assert_eq!(heading_number(0, 10), "十、");
        assert_eq!(heading_number(0, 12), "十二、");
        assert_eq!(heading_number(0, 20), "二十、");
        assert_eq!(heading_number(1, 3), "（三）");
        assert_eq!(heading_number(2, 4), "4.");
        assert_eq!(heading_number(3, 2), "（2）");
    }

    #[test]
    fn strips_heading_numbers_but_not_figures() {
        assert_eq!(strip_heading_number("一、基本情况"), "基本情况");
        assert_eq!(strip_heading_number("（二）扶贫产品销售"), "扶贫产品销售");
        assert_eq!(strip_heading_number("(四)帮扶工作受到影响"), "帮扶工作受到影响");
        assert_eq!(strip_heading_number("3. 严格考核"), "严格考核");
        assert_eq!(strip_heading_number("（1）加强培训"), "加强培训");
        assert_eq!(strip_heading_number("2020年工作回顾"), "2020年工作回顾");
        assert_eq!(strip_heading_number("3.5万人脱贫"), "3.5万人脱贫");
        assert_eq!(strip_heading_number("十堰经验"), "十堰经验");
    }

    #[test]
    fn infers_roles_from_titles() {
        let t = Taxonomy::default();
        assert_eq!(Role::infer("内容提要", &t), Role::Summary);
        assert_eq!(Role::infer("存在的问题", &t), Role::Problems);
        assert_eq!(Role::infer("对策建议", &t), Role::Recommendations);
        assert_eq!(Role::infer("消费扶贫：为贫困地区增收打开一扇窗", &t), Role::AidMode("consumption".into()));
        assert_eq!(Role::infer("劳模扶贫", &t), Role::AidMode("model_workers".into()));
        assert_eq!(Role::infer("精准发力 形成工会扶贫有效模式", &t), Role::Custom);
        // A long title that merely mentions a role word is not that role.
        assert_eq!(Role::infer("关于进一步完善困难职工帮扶机制的建议和思考与探索", &t), Role::Custom);
    }
}
