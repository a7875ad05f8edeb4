//! Plain text → Brief: a draft pasted from a PDF or a web page, or saved as
//! text from Word.
//!
//! 1. Boilerplate lines (copyright, editor lines, navigation) are moved to the
//!    removed list; pinyin annotations too.
//! 2. Hard wraps are joined and spaced-out characters closed up.
//! 3. Headings are found: Markdown `#`, the GB/T 9704 markers 一、 （一） 1. （1）
//!    on short lines, bracketed headings such as 【工作动态】, and short lines
//!    naming an aid mode or a role (内容提要, 存在的问题 …).
//! 4. Everything else is body text. Text before the first heading becomes an
//!    untitled first section. Headings keep their numbers as written.
//!
//! No text is lost: every non-whitespace character of the input is in the
//! brief or in the removed list.

use serde::Serialize;

use super::boilerplate::{Reason, classify};
use super::clean::{clean_paste, remove_pinyin};
use crate::format::markdown::nest;
use crate::model::{Brief, BriefKind, Meta, Role, Section, SectionId, Taxonomy, heading_marker};

/// A line or annotation taken out of the text, shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// 1-based line of the input.
    pub line: usize,
    pub text: String,
    pub reason: Reason,
}

/// The result of importing text.
#[derive(Debug, Clone)]
pub struct Imported {
    pub brief: Brief,
    pub removed: Vec<Removed>,
    /// Whether the text looks like Traditional Chinese (so conversion can be offered).
    pub traditional: bool,
}

/// Words that open a summary and may run straight into its text (内容提要本文分析了…).
const SUMMARY_OPENERS: &[&str] = &["内容提要", "内容摘要", "摘要", "提要", "导语"];
/// Short lines that name a part of a brief.
const ROLE_LINES: &[&str] =
    &["基本情况", "主要做法", "存在的问题", "主要问题", "对策建议", "几点建议", "意见建议", "结语", "结束语"];
const TERMINAL: &[char] = &['。', '！', '？', '；', '.', '!', '?', ';', '，', ','];

/// A heading found in a paragraph: its level (1 = top), title, and any body text after it.
struct Heading {
    level: usize,
    title: String,
    rest: String,
}

fn short_heading_line(p: &str, max: usize) -> bool {
    let n = p.chars().count();
    n <= max && !p.trim_end().ends_with(TERMINAL) && !p.contains('。')
}

fn detect(p: &str, taxonomy: &Taxonomy, under_measures: bool) -> Option<Heading> {
    let t = p.trim();
    if let Some(rest) = t.strip_prefix('#') {
        let hashes = 1 + rest.len() - rest.trim_start_matches('#').len();
        let title = rest.trim_start_matches('#').trim();
        if hashes <= 6 && (rest.starts_with([' ', '#']) || rest.is_empty()) {
            return Some(Heading { level: hashes.max(1), title: title.to_string(), rest: String::new() });
        }
    }
    if let Some((level, _, _)) = heading_marker(t) {
        let max = if level <= 1 { 40 } else { 30 };
        if short_heading_line(t, max) {
            return Some(Heading { level: level + 1, title: t.to_string(), rest: String::new() });
        }
        return None;
    }
    if t.starts_with('【')
        && let Some(end) = t.find('】')
    {
        let head = &t[..end + '】'.len_utf8()];
        if head.chars().count() <= 20 {
            return Some(Heading { level: 1, title: head.to_string(), rest: t[head.len()..].trim().to_string() });
        }
    }
    for opener in SUMMARY_OPENERS {
        if let Some(rest) = t.strip_prefix(opener) {
            let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
            return Some(Heading { level: 1, title: opener.to_string(), rest: rest.to_string() });
        }
    }
    if short_heading_line(t, 20) {
        let bare = t.trim_end_matches([':', '：']);
        if ROLE_LINES.contains(&bare) {
            return Some(Heading { level: 1, title: t.to_string(), rest: String::new() });
        }
        if taxonomy.modes.iter().any(|m| t.starts_with(m.name.as_str())) {
            let level = if under_measures { 2 } else { 1 };
            return Some(Heading { level, title: t.to_string(), rest: String::new() });
        }
    }
    None
}

/// The paragraphs that title a part: a short line without a number or
/// sentence punctuation, after which (past at most one paragraph) the top
/// level of numbering starts again at 一、. Two or more make a compilation.
fn part_titles(paragraphs: &[&str], taxonomy: &Taxonomy) -> std::collections::HashSet<usize> {
    let mut out = std::collections::HashSet::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let t = p.trim();
        if t.chars().count() > 16 || !short_heading_line(t, 16) || heading_marker(t).is_some() {
            continue;
        }
        if detect(t, taxonomy, false).is_some() {
            continue;
        }
        let next_top = paragraphs[i + 1..]
            .iter()
            .take(2)
            .position(|q| heading_marker(q.trim()).is_some_and(|(level, _, _)| level == 0));
        if let Some(k) = next_top
            && heading_marker(paragraphs[i + 1 + k].trim()).is_some_and(|(_, n, _)| n == 1)
        {
            out.insert(i);
        }
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

/// Characters common in Traditional text whose Simplified forms differ.
const TRADITIONAL: &str = "們會個這來對時說國經與為發關業產務組織協區縣貧脫戰堅幫護鄉鎮農強體線設應當實現動勞點開學習書導過還進業費資濟術專醫療";
const SIMPLIFIED: &str = "们会个这来对时说国经与为发关业产务组织协区县贫脱战坚帮护乡镇农强体线设应当实现动劳点开学习书导过还进业费资济术专医疗";

/// Whether text reads as Traditional Chinese.
pub fn looks_traditional(text: &str) -> bool {
    let (mut trad, mut simp) = (0usize, 0usize);
    // A text is set in one script throughout: its first 50,000 characters tell.
    for c in text.chars().take(50_000) {
        if TRADITIONAL.contains(c) {
            trad += 1;
        } else if SIMPLIFIED.contains(c) {
            simp += 1;
        }
    }
    trad >= 5 && trad > simp * 3
}

/// Imports plain text (already decoded) as a brief.
pub fn import_text(text: &str, taxonomy: Taxonomy) -> Imported {
    let mut removed = Vec::new();
    // 1. Boilerplate and pinyin, line by line.
    // One more byte: a text without a final line break gets one.
    let mut kept = String::with_capacity(text.len() + 1);
    for (i, line) in text.lines().enumerate() {
        if let Some(reason) = classify(line) {
            removed.push(Removed { line: i + 1, text: line.trim().to_string(), reason });
            kept.push('\n');
            continue;
        }
        let (line, notes) = remove_pinyin(line);
        if !notes.is_empty() {
            removed.push(Removed { line: i + 1, text: notes.concat(), reason: Reason::Pinyin });
        }
        kept.push_str(&line);
        kept.push('\n');
    }
    // 2. Joined wraps, closed-up spaces.
    let clean = clean_paste(&kept);
    drop(kept);
    let paragraphs: Vec<&str> = clean.split('\n').map(str::trim).filter(|p| !p.is_empty()).collect();

    // A compilation of parts (the towns of a county profile, the chapters of a
    // guide): short unnumbered lines after which numbering starts again at 一、.
    let parts = part_titles(&paragraphs, &taxonomy);

    // 3. Title, subtitle and author from the lines before the first heading.
    let mut brief = Brief {
        meta: Meta { kind: BriefKind::ResearchBrief, heading_numbers: false, ..Meta::default() },
        taxonomy,
        ..Brief::default()
    };
    let first_heading =
        paragraphs.iter().position(|p| detect(p, &brief.taxonomy, false).is_some()).unwrap_or(paragraphs.len());
    // Paragraphs that went into the metadata, not into a section.
    let mut consumed = std::collections::HashSet::new();
    if first_heading > 0 && !parts.contains(&0) {
        // A web page or a printed issue opens with its masthead, series and
        // issue lines; the title is the first run of title-like lines after them.
        let mut t = 0;
        while t < first_heading && is_masthead_line(paragraphs[t]) {
            t += 1;
        }
        let start = t;
        // Under a masthead a title may run over two or three lines (a printed
        // issue breaks it); a subtitle (——…), a byline or a dateline with its
        // figures ends it. A title at the very top is one line.
        let continues =
            |p: &str| start > 0 && p.chars().count() >= 5 && !is_byline(p) && !p.chars().any(|c| c.is_numeric());
        while t < first_heading
            && t - start < 3
            && is_title_line(paragraphs[t])
            && (t == start || continues(paragraphs[t]))
            && paragraphs[start..=t].iter().map(|p| p.chars().count() + 1).sum::<usize>() <= 41
        {
            t += 1;
        }
        let title = paragraphs[start..t].join(" ");
        if t > start {
            brief.meta.title = title;
            consumed.extend(start..t);
            // The series line (青川市情研究2024年第3期) is the subtitle.
            if let Some(i) = (0..start).find(|&i| is_series_line(paragraphs[i])) {
                brief.meta.subtitle = paragraphs[i].to_string();
                consumed.insert(i);
            }
            while t < first_heading {
                let p = paragraphs[t];
                if brief.meta.subtitle.is_empty() && (p.starts_with("——") || p.starts_with('—')) {
                    brief.meta.subtitle = p.to_string();
                } else if brief.meta.author.is_empty() && p.chars().count() <= 40 && is_byline(p) {
                    brief.meta.author = p.to_string();
                } else {
                    break;
                }
                consumed.insert(t);
                t += 1;
            }
        }
    }

    // 4. Sections.
    let mut flat: Vec<(usize, Section)> = Vec::new();
    let mut body: Vec<String> = Vec::new();
    let mut current: Option<(usize, String, Role)> = None;
    let mut under_measures = false;
    let flush = |brief: &mut Brief,
                 current: &mut Option<(usize, String, Role)>,
                 body: &mut Vec<String>,
                 flat: &mut Vec<(usize, Section)>| {
        // One paragraph per line, as the user writes them (model::body).
        let text = body.join("\n");
        body.clear();
        match current.take() {
            Some((level, title, role)) => flat.push((level + 1, brief.new_section(role, title, text))),
            None if !text.is_empty() => flat.push((2, brief.new_section(Role::Summary, "", text))),
            None => {}
        }
    };
    for (i, p) in paragraphs.iter().enumerate().filter(|(i, _)| !consumed.contains(i)) {
        let heading = if parts.contains(&i) {
            Some(Heading { level: 1, title: p.to_string(), rest: String::new() })
        } else {
            detect(p, &brief.taxonomy, under_measures).map(|mut h| {
                // Under a part, the numbered headings go one level down.
                if !parts.is_empty() && heading_marker(&h.title).is_some() {
                    h.level += 1;
                }
                h
            })
        };
        match heading {
            Some(h) => {
                flush(&mut brief, &mut current, &mut body, &mut flat);
                let bare = crate::model::strip_heading_number(&h.title);
                let role = Role::infer(bare, &brief.taxonomy);
                if h.level == 1 {
                    under_measures = role == Role::Measures;
                }
                if !h.rest.is_empty() {
                    body.push(h.rest);
                }
                current = Some((h.level, h.title, role));
            }
            None => body.push(p.to_string()),
        }
    }
    flush(&mut brief, &mut current, &mut body, &mut flat);
    brief.sections = nest(flat);
    adopt_numbering(&mut brief);
    let traditional = looks_traditional(text);
    Imported { brief, removed, traditional }
}

/// A line of a masthead, series or issue block above a title: the issuing
/// institutions set apart by runs of spaces, the series and issue number, the
/// signer, a bare number.
fn is_masthead_line(p: &str) -> bool {
    let t = p.trim();
    if t.contains('。') || t.chars().count() > 60 {
        return false;
    }
    // Two blanks in a row (spaces, no-break spaces, ideographic spaces) set the names apart.
    let chars: Vec<char> = t.chars().collect();
    let spaced = chars.windows(2).any(|w| w[0].is_whitespace() && w[1].is_whitespace()) || t.contains('\u{3000}');
    let bare = t.chars().all(|c| c.is_ascii_digit() || "()（）第总期号 ".contains(c));
    spaced || bare || is_series_line(t) || t.contains("签发")
}

/// 青川市情研究2024年第3期, 第19期 总第194期: a series and issue line.
fn is_series_line(p: &str) -> bool {
    let t = p.trim();
    !t.contains('。')
        && t.chars().count() <= 40
        && t.char_indices().any(|(i, c)| {
            c == '期'
                && t[..i].ends_with(|d: char| d.is_ascii_digit() || "一二三四五六七八九十".contains(d))
                && t[..i].contains('第')
        })
}

/// A subtitle (——…) or a byline (□本报记者…, 作者…) under a title.
fn is_byline(p: &str) -> bool {
    p.starts_with('—') || p.starts_with('□') || p.contains("记者") || p.contains("作者")
}

/// A line that can be (part of) a title: short, no sentence end, not a label
/// ending in a colon, with Chinese in it.
fn is_title_line(p: &str) -> bool {
    let t = p.trim();
    t.chars().count() <= 30
        && !t.contains('。')
        && !t.ends_with([':', '：'])
        && t.chars().filter(|&c| crate::model::is_cjk(c)).count() >= 2
        && !is_masthead_line(t)
}

/// A heading number as a brief writes it: （一） for (一), 1. for 1、 and 1．.
fn normal_number(n: &str) -> String {
    let n = n.trim().replace('(', "（").replace(')', "）");
    match n.strip_suffix(['、', '．']) {
        Some(digits) if digits.chars().all(|c| c.is_ascii_digit()) => format!("{digits}."),
        _ => n,
    }
}

/// Where the numbers typed into a draft's headings are the numbers the outline
/// gives (一、 then （一） under it, in order), they become the brief's
/// numbering: the titles lose them, and they follow the outline when sections
/// move. Where any disagrees (a skipped number, parts numbered afresh), the
/// titles keep them as written, so the numbering check can report the draft.
pub fn adopt_numbering(brief: &mut Brief) {
    let split: Vec<(SectionId, Option<(String, String)>)> = brief
        .walk()
        .map(|(s, _)| {
            let bare = crate::model::strip_heading_number(&s.title);
            let number = s.title.trim()[..s.title.trim().len() - bare.len()].trim();
            let split = (!number.is_empty() && !bare.is_empty() && heading_marker(s.title.trim()).is_some())
                .then(|| (normal_number(number), bare.to_string()));
            (s.id, split)
        })
        .collect();
    if split.iter().all(|(_, n)| n.is_none()) {
        return;
    }
    // The trial needs the outline, not the text: the bodies stay where they are.
    let mut bodies = Vec::new();
    brief.for_each_mut(|s| bodies.push(std::mem::take(&mut s.body)));
    let mut trial = brief.clone();
    trial.meta.heading_numbers = true;
    // `split` is in document order, as `for_each_mut` visits: one pass, not a search per section.
    let mut next = split.iter();
    trial.for_each_mut(|s| {
        if let Some((id, Some((_, bare)))) = next.next() {
            debug_assert_eq!(*id, s.id);
            s.title = bare.clone();
        }
    });
    let computed: std::collections::HashMap<SectionId, String> = trial.heading_numbers().into_iter().collect();
    let agrees = split.iter().all(|(id, n)| {
        let given = computed.get(id).map(String::as_str).unwrap_or("");
        match n {
            Some((number, _)) => number == given,
            // An unnumbered heading where the outline would number it: not the draft's scheme.
            None => given.is_empty(),
        }
    });
    if agrees {
        trial.for_each_mut(|s| s.written_number = None);
        *brief = trial;
    }
    let mut bodies = bodies.into_iter();
    brief.for_each_mut(|s| s.body = bodies.next().unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_structure_in_a_pasted_brief() {
        let text = "关于消费扶贫的调研\n\n内容提要：本文总结了全市消费扶贫的做法。\n\n一、基本情况\n\n全市共有脱贫户4.6万户。\n\n二、主要做法\n\n消费扶贫\n\n职工采购扶贫产品6800余万元。\n\n三、存在的问题\n\n（一）产品同质化\n\n部分产品缺乏品牌。\n\n责任编辑：王某\n";
        let imp = import_text(text, Taxonomy::default());
        let b = &imp.brief;
        assert_eq!(b.meta.title, "关于消费扶贫的调研");
        let titles: Vec<(String, usize)> = b.walk().map(|(s, d)| (s.title.clone(), d)).collect();
        assert_eq!(
            titles,
            [
                ("内容提要".to_string(), 0),
                ("一、基本情况".into(), 0),
                ("二、主要做法".into(), 0),
                ("消费扶贫".into(), 1),
                ("三、存在的问题".into(), 0),
                ("（一）产品同质化".into(), 1),
            ]
        );
        assert_eq!(b.sections[0].role, Role::Summary);
        assert_eq!(b.sections[0].body, "本文总结了全市消费扶贫的做法。");
        assert_eq!(b.sections[2].children[0].role, Role::AidMode("consumption".into()));
        assert_eq!(imp.removed.len(), 1);
        assert_eq!(imp.removed[0].reason, Reason::Editor);
    }

    #[test]
    fn long_numbered_paragraphs_stay_body() {
        let text = "（一）务工受阻\n\n1针对贫困人口复工难问题，在保证防疫措施到位的前提下，分期分批组织外出返岗。";
        let b = import_text(text, Taxonomy::default()).brief;
        assert_eq!(b.walk().count(), 1);
        assert!(b.sections[0].body.starts_with("1针对"));
    }

    #[test]
    fn a_compilation_of_parts_gets_a_section_per_part() {
        let text = "柳河镇\n一、基本情况\n全镇面积244平方公里。\n二、资源情况\n林地面积12075公顷。\n柳南乡\n一、基本情况\n全乡面积150平方公里。";
        let b = import_text(text, Taxonomy::default()).brief;
        let titles: Vec<(String, usize)> = b.walk().map(|(s, d)| (s.title.clone(), d)).collect();
        assert_eq!(
            titles,
            [
                ("柳河镇".to_string(), 0),
                ("一、基本情况".into(), 1),
                ("二、资源情况".into(), 1),
                ("柳南乡".into(), 0),
                ("一、基本情况".into(), 1),
            ]
        );
    }

    #[test]
    fn typed_numbers_become_the_outline_numbering_where_they_agree() {
        let text = "调研报告\n\n一、基本情况\n\n全市共有脱贫户4.6万户。\n\n(一)农民工外出务工受阻\n\n返岗人数下降。\n\n(二)产品滞销\n\n销售额下降。\n\n二、对策建议\n\n多措并举。";
        let b = import_text(text, Taxonomy::default()).brief;
        assert!(b.meta.heading_numbers);
        let titles: Vec<(&str, String)> =
            b.walk().map(|(s, _)| s.title.as_str()).zip(b.heading_numbers().into_iter().map(|(_, n)| n)).collect();
        assert_eq!(
            titles,
            [
                ("基本情况", "一、".to_string()),
                ("农民工外出务工受阻", "（一）".into()),
                ("产品滞销", "（二）".into()),
                ("对策建议", "二、".into())
            ]
        );
        // A skipped number is the draft's to fix: the titles keep what was written.
        let skipped = text.replace("(二)产品滞销", "(三)产品滞销");
        let b = import_text(&skipped, Taxonomy::default()).brief;
        assert!(!b.meta.heading_numbers);
        assert!(b.walk().any(|(s, _)| s.title == "(三)产品滞销"));
    }

    #[test]
    fn a_masthead_is_no_title() {
        let text = "青川市委党校\u{a0}\u{a0} 青川市行政学院\n\n青川市情研究2024年第3期 总第57期\n\n3\n\n(总第57期)\n\n签发人：张某\n\n稳住就业基本盘\n\n扎实推进消费帮扶\n\n内容提要\n\n本文分析了全市帮扶工作。\n\n一、基本情况\n\n全市共有脱贫户4.6万户。";
        let imp = import_text(text, Taxonomy::default());
        let b = &imp.brief;
        assert_eq!(b.meta.title, "稳住就业基本盘 扎实推进消费帮扶");
        assert_eq!(b.meta.subtitle, "青川市情研究2024年第3期 总第57期");
        // The masthead stays in the brief, in an untitled first section.
        assert!(b.sections[0].title.is_empty() && b.sections[0].body.contains("青川市行政学院"));
        // A title at the top of a plain draft stays one line.
        let plain = import_text(
            "关于消费扶贫的调研\n\n职工帮扶中心\n\n本文总结了全市的做法。\n\n一、基本情况\n\n正文。",
            Taxonomy::default(),
        );
        assert_eq!(plain.brief.meta.title, "关于消费扶贫的调研");
    }

    #[test]
    fn detects_traditional() {
        assert!(looks_traditional("參與精準脫貧攻堅是工會組織的重要政治任務，各級各地工會發揮了組織優勢。"));
        assert!(!looks_traditional("参与精准脱贫攻坚是工会组织的重要政治任务，各级各地工会发挥了组织优势。"));
    }
}
