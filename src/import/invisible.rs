//! Characters a reader cannot see: zero-width spaces and joiners, soft
//! hyphens, and the bidirectional controls that reorder what is shown. In a
//! draft they come from web pages, chat apps and, now and then, from someone
//! who wants a figure to read otherwise than it shows: a zero-width space
//! splits 1260 into 1 and 260 for the checks while the page shows 1260, and
//! a right-to-left override shows 500 where 5 and 00 stand. An import takes
//! them all out, so that what the checks read is what the reader sees, and
//! lists each line where it took one out.

use super::boilerplate::Reason;
use super::text::Removed;

/// The characters taken out, with the name the report gives them.
const INVISIBLE: &[(char, &str)] = &[
    ('\u{00AD}', "软连字符 soft hyphen"),
    ('\u{061C}', "阿拉伯字母标记 arabic letter mark"),
    ('\u{180E}', "蒙古文元音分隔符 mongolian vowel separator"),
    ('\u{200B}', "零宽空格 zero width space"),
    ('\u{200C}', "零宽不连字 zero width non-joiner"),
    ('\u{200D}', "零宽连字 zero width joiner"),
    ('\u{200E}', "从左至右标记 left-to-right mark"),
    ('\u{200F}', "从右至左标记 right-to-left mark"),
    ('\u{202A}', "从左至右嵌入 left-to-right embedding"),
    ('\u{202B}', "从右至左嵌入 right-to-left embedding"),
    ('\u{202C}', "方向格式结束 pop directional formatting"),
    ('\u{202D}', "从左至右覆盖 left-to-right override"),
    ('\u{202E}', "从右至左覆盖 right-to-left override"),
    ('\u{2060}', "字连接符 word joiner"),
    ('\u{2061}', "不可见函数应用 function application"),
    ('\u{2062}', "不可见乘号 invisible times"),
    ('\u{2063}', "不可见分隔符 invisible separator"),
    ('\u{2064}', "不可见加号 invisible plus"),
    ('\u{2066}', "从左至右隔离 left-to-right isolate"),
    ('\u{2067}', "从右至左隔离 right-to-left isolate"),
    ('\u{2068}', "首强字符隔离 first strong isolate"),
    ('\u{2069}', "方向隔离结束 pop directional isolate"),
    ('\u{FEFF}', "零宽不换行空格 zero width no-break space"),
];

/// The report's name of an invisible character, or None for any other.
fn name(c: char) -> Option<&'static str> {
    INVISIBLE.binary_search_by_key(&c, |(ch, _)| *ch).ok().map(|i| INVISIBLE[i].1)
}

/// Whether `c` is one of the characters an import takes out.
pub fn is_invisible(c: char) -> bool {
    name(c).is_some()
}

/// `text` without its invisible characters, and one report entry per line
/// that held any (`first_line` is the number of the text's first line; 0
/// when lines mean nothing, as in a Word file). A leading byte-order mark is
/// no part of the text and is not reported.
/// A text with nothing to take out is borrowed, not copied (a long draft is
/// not held twice while it is imported).
pub fn strip(text: &str, first_line: usize) -> (std::borrow::Cow<'_, str>, Vec<Removed>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.chars().any(is_invisible) {
        return (std::borrow::Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let mut found: Vec<(char, usize)> = Vec::new();
        let mut shown = String::new();
        for c in line.chars() {
            if is_invisible(c) {
                match found.iter_mut().find(|(f, _)| *f == c) {
                    Some((_, n)) => *n += 1,
                    None => found.push((c, 1)),
                }
                shown.push_str(&format!("⟦U+{:04X}⟧", c as u32));
            } else {
                out.push(c);
                shown.push(c);
            }
        }
        if !found.is_empty() {
            let what: Vec<String> = found
                .iter()
                .map(|(c, n)| {
                    format!(
                        "U+{:04X} {}{}",
                        *c as u32,
                        name(*c).unwrap_or(""),
                        if *n > 1 { format!(" ×{n}") } else { String::new() }
                    )
                })
                .collect();
            removed.push(Removed {
                line: if first_line == 0 { 0 } else { first_line + i },
                text: format!("{}：{}", what.join("、"), shown.trim()),
                reason: Reason::Invisible,
            });
        }
    }
    (std::borrow::Cow::Owned(out), removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_for_its_search() {
        assert!(INVISIBLE.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn figures_read_as_shown_and_each_line_is_listed() {
        let text = "投入资金1\u{200B}260万元。\n带动5\u{202E}00\u{202C}户。\n无事。";
        let (clean, removed) = strip(text, 1);
        assert_eq!(clean, "投入资金1260万元。\n带动500户。\n无事。");
        assert_eq!(removed.len(), 2);
        assert_eq!(removed[0].line, 1);
        assert!(removed[0].text.contains("U+200B") && removed[0].text.contains("1⟦U+200B⟧260"), "{}", removed[0].text);
        assert_eq!(removed[1].line, 2);
        assert!(removed[1].text.contains("U+202E") && removed[1].text.contains("U+202C"));
        let figures = crate::figures::extract(&clean);
        assert!(figures.iter().any(|f| f.value == 12_600_000.0), "{figures:?}");
        let (clean, removed) = strip("\u{feff}正文", 1);
        assert!(clean == "正文" && removed.is_empty(), "a BOM is no finding");
        assert!(matches!(strip("正文", 1).0, std::borrow::Cow::Borrowed(_)), "nothing to take out: no copy");
    }
}
