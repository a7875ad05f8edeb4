//! Parts Briefdesk reads itself, with a streaming XML reader: notes, headers
//! and footers (of every section, which docx-rs leaves out but for the last),
//! the document's relationships and the list numbering.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::package::Package;

/// The text of a part read as paragraphs, or why it could not be read
/// (with the paragraphs read up to there).
pub struct PartText {
    /// One entry per note (notes parts) or per paragraph (headers, footers).
    pub items: Vec<String>,
    pub error: Option<String>,
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The text of the notes (not the separators) of a notes part, or of each
/// paragraph of a header or footer (`notes` false). What is shown is read:
/// text inside deletions and field instructions is not.
pub fn part_text(xml: &[u8], notes: bool) -> PartText {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut items = Vec::new();
    // Notes: the current note's text (None inside a separator). Headers: the paragraph.
    let mut current: Option<String> = (!notes).then(String::new);
    let mut in_text = false;
    let mut hidden = 0usize; // inside w:del, w:moveFrom
    let mut buf = Vec::new();
    let error = loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:footnote" | b"w:endnote" if notes => {
                    let separator = attr(&e, b"w:type").is_some_and(|t| t != "normal");
                    current = (!separator).then(String::new);
                }
                b"w:t" => in_text = hidden == 0,
                b"w:del" | b"w:moveFrom" => hidden += 1,
                _ => {}
            },
            Ok(Event::Empty(e)) => {
                if let (Some(c), 0) = (current.as_mut(), hidden) {
                    match e.name().as_ref() {
                        b"w:tab" => c.push('\t'),
                        b"w:br" | b"w:cr" => c.push('\n'),
                        _ => {}
                    }
                }
            }
            Ok(Event::Text(t)) if in_text => {
                if let (Some(c), Ok(s)) = (current.as_mut(), t.decode()) {
                    c.push_str(&s);
                }
            }
            Ok(Event::CData(t)) if in_text => {
                if let (Some(c), Ok(s)) = (current.as_mut(), t.decode()) {
                    c.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Some(c) = current.as_mut() {
                    let name: &[u8] = &r;
                    match (r.resolve_char_ref(), name) {
                        (Ok(Some(ch)), _) => c.push(ch),
                        (_, b"amp") => c.push('&'),
                        (_, b"lt") => c.push('<'),
                        (_, b"gt") => c.push('>'),
                        (_, b"quot") => c.push('"'),
                        (_, b"apos") => c.push('\''),
                        // Kept as written: text is never dropped unseen.
                        (_, other) => c.push_str(&format!("&{};", String::from_utf8_lossy(other))),
                    }
                }
            }
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:del" | b"w:moveFrom" => hidden = hidden.saturating_sub(1),
                b"w:p" if notes => {
                    if let Some(c) = current.as_mut() {
                        c.push('\n');
                    }
                }
                b"w:p" => {
                    if let Some(c) = current.as_mut() {
                        items.push(std::mem::take(c));
                    }
                }
                b"w:footnote" | b"w:endnote" if notes => items.extend(current.take()),
                _ => {}
            },
            Ok(Event::DocType(_)) => break Some("it declares a DTD, which no Word file does".to_string()),
            Ok(Event::Eof) => break None,
            Ok(_) => {}
            Err(e) => break Some(format!("its XML is broken at byte {}: {e}", reader.error_position())),
        }
    };
    // A note cut short by an error is kept as far as it was read.
    if let Some(c) = current.filter(|c| notes && !c.trim().is_empty()) {
        items.push(c);
    }
    PartText { items, error }
}

/// The headers and footers the main document refers to, by part name, in the
/// order of its relationships file: those of every section.
pub fn headers_and_footers(pkg: &Package) -> Vec<String> {
    let Some(rels) = pkg.part("word/_rels/document.xml.rels") else { return Vec::new() };
    let mut reader = quick_xml::Reader::from_reader(rels);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let kind = attr(&e, b"Type").unwrap_or_default();
                let external = attr(&e, b"TargetMode").is_some_and(|m| m == "External");
                if let Some(target) = attr(&e, b"Target")
                    && !external
                    && (kind.ends_with("/header") || kind.ends_with("/footer"))
                {
                    let name = match target.strip_prefix('/') {
                        Some(abs) => abs.to_string(),
                        None => format!("word/{target}"),
                    };
                    if !out.contains(&name) {
                        out.push(name);
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// One level of a list: its number format, the text shown (`%1、`) and where it starts.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// Word's list numbering: which list each numbering id uses, and each list's
/// levels, so that the numbers Word shows can be written into the text.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Abstract list id → levels by index.
    lists: HashMap<String, Vec<Level>>,
    /// Numbering id → (abstract list id, start overrides by level).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// Counters by abstract list: the last number of each level.
    counters: HashMap<String, [Option<u32>; 9]>,
}

impl Numbering {
    pub fn read(xml: &[u8]) -> Numbering {
        let mut n = Numbering::default();
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut list: Option<String> = None;
        let mut level: Option<usize> = None;
        let mut num: Option<String> = None;
        let mut override_level: Option<usize> = None;
        loop {
            buf.clear();
            let (e, empty) = match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match e.name().as_ref() {
                        b"w:abstractNum" => list = None,
                        b"w:lvl" => level = None,
                        b"w:num" => num = None,
                        b"w:lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let val = || attr(&e, b"w:val").unwrap_or_default();
            match e.name().as_ref() {
                b"w:abstractNum" if !empty => list = attr(&e, b"w:abstractNumId"),
                b"w:lvl" if !empty => {
                    level = attr(&e, b"w:ilvl").and_then(|l| l.parse().ok()).filter(|l: &usize| *l < 9);
                    if let (Some(l), Some(id)) = (level, &list) {
                        let levels = n.lists.entry(id.clone()).or_default();
                        if levels.len() <= l {
                            levels.resize(l + 1, Level { start: 1, ..Level::default() });
                        }
                    }
                }
                b"w:start" | b"w:numFmt" | b"w:lvlText" => {
                    if let (Some(id), Some(l)) = (&list, level)
                        && let Some(lv) = n.lists.get_mut(id).and_then(|ls| ls.get_mut(l))
                    {
                        match e.name().as_ref() {
                            b"w:start" => lv.start = val().parse().unwrap_or(1),
                            b"w:numFmt" => lv.format = val(),
                            _ => lv.text = val(),
                        }
                    }
                }
                b"w:num" if !empty => {
                    num = attr(&e, b"w:numId");
                }
                b"w:abstractNumId" => {
                    if let Some(id) = &num {
                        n.nums.entry(id.clone()).or_default().0 = val();
                    }
                }
                b"w:lvlOverride" if !empty => override_level = attr(&e, b"w:ilvl").and_then(|l| l.parse().ok()),
                b"w:startOverride" => {
                    if let (Some(id), Some(l)) = (&num, override_level) {
                        n.nums.entry(id.clone()).or_default().1.insert(l, val().parse().unwrap_or(1));
                    }
                }
                _ => {}
            }
        }
        n
    }

    /// The number Word shows before the next paragraph of list `num_id` at
    /// `level`, counting it: "一、", "（二）", "3.". None for a bullet, a
    /// list without text, or an id that is no list.
    pub fn next(&mut self, num_id: &str, level: usize) -> Option<String> {
        let (list, overrides) = self.nums.get(num_id)?;
        let levels = self.lists.get(list)?;
        let lv = levels.get(level)?;
        let counters = self.counters.entry(list.clone()).or_insert([None; 9]);
        let start = overrides.get(&level).copied().unwrap_or(lv.start);
        counters[level] = Some(counters[level].map_or(start, |c| c + 1));
        for c in counters.iter_mut().skip(level + 1) {
            *c = None;
        }
        if lv.format == "bullet" || lv.format == "none" || lv.text.is_empty() {
            return None;
        }
        let mut out = String::new();
        let mut chars = lv.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = counters[l].unwrap_or_else(|| levels.get(l).map_or(1, |lv| lv.start));
                    out.push_str(&format_number(value, levels.get(l).map_or("decimal", |lv| &lv.format)));
                }
                (c, _) => out.push(c),
            }
        }
        Some(out)
    }
}

/// A list number in one of Word's number formats.
fn format_number(n: u32, format: &str) -> String {
    const CN: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let chinese = |n: u32| -> String {
        match n {
            0 => "〇".into(),
            1..=9 => CN[n as usize].to_string(),
            10..=19 => format!("十{}", if n == 10 { String::new() } else { CN[(n - 10) as usize].to_string() }),
            20..=99 => {
                let rest = if n.is_multiple_of(10) { String::new() } else { CN[(n % 10) as usize].to_string() };
                format!("{}十{rest}", CN[(n / 10) as usize])
            }
            _ => n.to_string(),
        }
    };
    let letters = |n: u32, base: u8| -> String {
        let n = n.max(1) - 1;
        let c = char::from(base + (n % 26) as u8);
        c.to_string().repeat((n / 26 + 1) as usize)
    };
    let roman = |mut n: u32| -> String {
        let table = [
            (1000, "m"),
            (900, "cm"),
            (500, "d"),
            (400, "cd"),
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        ];
        let mut s = String::new();
        for (v, r) in table {
            while n >= v {
                s.push_str(r);
                n -= v;
            }
        }
        s
    };
    match format {
        "ideographTraditional" => {
            "甲乙丙丁戊己庚辛壬癸".chars().nth(((n.max(1) - 1) % 10) as usize).map(String::from).unwrap_or_default()
        }
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "ideographDigital" => chinese(n),
        "chineseLegalSimplified" => chinese(n)
            .chars()
            .map(|c| match c {
                '一' => '壹',
                '二' => '贰',
                '三' => '叁',
                '四' => '肆',
                '五' => '伍',
                '六' => '陆',
                '七' => '柒',
                '八' => '捌',
                '九' => '玖',
                '十' => '拾',
                c => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map(String::from).unwrap_or_default()
        }
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().filter_map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10)).collect()
        }
        "lowerLetter" => letters(n, b'a'),
        "upperLetter" => letters(n, b'A'),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_uppercase(),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_text_and_report_what_does_not_parse() {
        let xml = br#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>A&amp;B &nbsp;</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p></w:footnote></w:footnotes>"#;
        let t = part_text(xml, true);
        assert_eq!(t.items, ["A&B &nbsp;\n"]);
        assert!(t.error.is_none());
        let t = part_text(b"<!DOCTYPE x><w:footnotes/>", true);
        assert!(t.error.is_some_and(|e| e.contains("DTD")));
        let t = part_text(b"<w:footnotes><w:footnote w:id=\"1\"><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:x>", true);
        assert_eq!((t.items.len(), t.error.is_some()), (1, true), "{:?}", t.items);
    }

    #[test]
    fn list_numbers_as_word_shows_them() {
        let xml = r#"<w:numbering>
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
            <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::read(xml.as_bytes());
        let shown: Vec<String> =
            [0, 1, 1, 2, 3, 2, 0, 1, 0].iter().map(|l| n.next("5", *l).expect("numbered")).collect();
        assert_eq!(shown, ["一、", "（一）", "（二）", "1.", "（1）", "2.", "二、", "（一）", "三、"]);
        assert_eq!(n.next("9", 0), None, "no such list");
        assert_eq!(format_number(12, "chineseCounting"), "十二");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(4, "upperRoman"), "IV");
    }
}
