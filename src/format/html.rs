//! Web pages saved as .html (a work report or a communiqué saved from a
//! government site): their text as a reader sees it, for a source or a draft.
//!
//! The page is parsed by [html2text](https://crates.io/crates/html2text)
//! (html5ever, the browsers' parsing algorithm): scripts, styles and markup go,
//! block elements become lines, a table row becomes one line with its cells
//! side by side (so 合计 and its figures stay together), and no decoration or
//! link footnotes are added. The text then goes through the same import as a
//! pasted text. Lines cited from such a source are lines of this text, not
//! of the HTML file.
//!
//! Bounds: the file's size is that of any text draft (the loader reads it).
//! HTML parsing slows with the square of how deeply elements nest (each new
//! element looks through the open ones), so a page nested deeper than
//! [`MAX_DEPTH`] is refused before parsing ([`depth`]: real pages nest a few
//! dozen levels). The crate runs under `catch_unwind` on a thread of its own
//! with a large stack and [`TIME_LIMIT`], so a page that trips it is an
//! error, never a crash or a hang.

/// Why a web page's text could not be had.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error(
        "the web page could not be read as HTML ({0}); open it in a browser and save it again, or copy its text into a .txt file"
    )]
    Unreadable(String),
    #[error("the web page has no text; check that this is the right file")]
    NoText,
    #[error(
        "the web page nests its elements more than {MAX_DEPTH} levels deep, which no saved page does; open it in a browser and save it again, or copy its text into a .txt file"
    )]
    TooDeep,
    #[error("reading the web page took more than {} s and was stopped; copy its text into a .txt file", TIME_LIMIT.as_secs())]
    TooSlow,
}

/// How deeply elements may nest.
pub const MAX_DEPTH: usize = 1_000;

/// How long the crate may take over one page.
pub const TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Elements that hold nothing (no end tag) or whose end tag HTML lets a page
/// leave out: they do not deepen the nesting [`depth`] counts.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li",
    "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt",
    "rp", "html", "head", "body",
];

/// How deeply a page's elements nest, counted from its tags alone: each
/// start tag of an element that nests opens a level and each end tag closes
/// one. Comments, self-closed tags (`<x/>`) and the elements of
/// [`NOT_NESTING`] do not count. An estimate that is quick and never low for
/// markup nested by start and end tags.
pub fn depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut at, mut now, mut max) = (0, 0usize, 0);
    while let Some(off) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + off + 1;
        let Some(len) = memchr::memchr(b'>', &bytes[start..]) else { break };
        let tag = &html[start..start + len];
        at = start + len + 1;
        if tag.starts_with('!') || tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        let (closing, rest) = match tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let name: String =
            rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            now = now.saturating_sub(1);
        } else {
            now += 1;
            max = max.max(now);
        }
    }
    max
}

/// Columns a line may take before html2text wraps it: wide enough that no
/// paragraph of a report is cut (a Chinese character takes two).
const WIDTH: usize = 20_000;

/// The stack of the thread that parses and lays out the page.
const STACK_BYTES: usize = 64 * 1024 * 1024;

/// The text of a web page, one block per line.
pub fn to_text(html: &str) -> Result<String, HtmlError> {
    if depth(html) > MAX_DEPTH {
        return Err(HtmlError::TooDeep);
    }
    let html = html.to_string();
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("html-text".into()).stack_size(STACK_BYTES).spawn(move || {
        let result = std::panic::catch_unwind(|| {
            html2text::config::with_decorator(html2text::render::TrivialDecorator::new())
                .no_table_borders()
                .allow_width_overflow()
                .string_from_read(html.as_bytes(), WIDTH)
        });
        let _ = tx.send(result);
    });
    spawned.map_err(|e| HtmlError::Unreadable(e.to_string()))?;
    // A thread past the limit is left to finish on its own: its result is dropped.
    let text = match rx.recv_timeout(TIME_LIMIT) {
        Ok(Ok(Ok(text))) => text,
        Ok(Ok(Err(e))) => return Err(HtmlError::Unreadable(e.to_string())),
        Ok(Err(_)) => return Err(HtmlError::Unreadable("the HTML reader failed on it".into())),
        Err(_) => return Err(HtmlError::TooSlow),
    };
    // html2text pads lines of a laid-out block with spaces: they carry nothing.
    let text: String = text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    if text.chars().filter(|c| !c.is_whitespace()).count() < 2 {
        return Err(HtmlError::NoText);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines_and_markup_goes() {
        let page = "<html><head><title>县情</title><style>p{color:red}</style><script>var n = 999;</script></head>\
            <body><h1>二〇二五年工作报告</h1><p>全年完成投资<b>12.6</b>亿元，同比增长<span>8.2%</span>。</p>\
            <p>新建村级道路<a href=\"x.html\">46公里</a>。</p></body></html>";
        let text = to_text(page).unwrap();
        assert!(text.contains("全年完成投资12.6亿元，同比增长8.2%。"), "{text}");
        assert!(text.contains("新建村级道路46公里。"), "{text}");
        assert!(!text.contains("999") && !text.contains("color"), "scripts and styles are no text: {text}");
        assert!(!text.contains("x.html"), "no link footnotes: {text}");
    }

    #[test]
    fn a_table_row_stays_on_one_line() {
        let page = "<table><tr><td>种植业</td><td>1200户</td></tr><tr><td>合计</td><td>2000户</td></tr></table>";
        let text = to_text(page).unwrap();
        let row = text.lines().find(|l| l.contains("合计")).unwrap();
        assert!(row.contains("2000户"), "{text}");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing_and_an_empty_page_is_told() {
        let deep = "<div>".repeat(100_000) + "共有行政村183个" + &"</div>".repeat(100_000);
        assert!(matches!(to_text(&deep), Err(HtmlError::TooDeep)));
        assert!(matches!(to_text("<html><body>  </body></html>"), Err(HtmlError::NoText)));
    }

    #[test]
    fn depth_counts_nesting_not_tags() {
        // Siblings do not deepen; void elements and left-open <p>, <li> do not either.
        assert_eq!(depth("<div><span>a</span><span>b</span></div>"), 2);
        assert_eq!(depth(&"<p>一段<br><img src=x>".repeat(5_000)), 0);
        assert_eq!(depth("<ul><li>一<li>二</ul><!-- <div><div> --><x/>"), 1);
        assert_eq!(depth(&("<div>".repeat(40) + &"</div>".repeat(40)).repeat(100)), 40);
    }
}
