//! The official layout in print, measured on LibreOffice's PDF of the
//! exported example (GB/T 9704-2012): the page number's dash 7 mm below the
//! type area (ink rows of the rendered footer at 300 dpi), its digits in 宋体
//! (the fonts LibreOffice reads from the file, through its flat ODF), no
//! heading left alone at a page foot, the 落款 右空二字 with a blank line above
//! and its date two characters right of the unit, a long title broken by
//! meaning into a balanced shape, appendix tables with their figures whole
//! and their header row on every page. The plain layout keeps its headings
//! with their text too.
//!
//! Needs LibreOffice (soffice) and poppler (pdftotext, pdftoppm): without
//! them each test skips with a line naming the missing tool; with `CI` set it
//! fails instead (.ci/run installs libreoffice-writer-nogui and poppler-utils).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use briefdesk::checks::{Env, check};
use briefdesk::export::{WordOptions, to_word};
use briefdesk::format::docx::DocxLayout;
use briefdesk::format::load_brief;
use briefdesk::model::Brief;
use quick_xml::events::Event;
use support::here;

/// Points per millimetre.
const PT: f64 = 72.0 / 25.4;
/// The type area of the official layout, in mm from the page's top and left
/// edge: 37 mm top and 35 mm bottom margins; 28 mm inside, 26 mm outside.
const TOP: f64 = 37.0;
const BOTTOM: f64 = 297.0 - 35.0;
/// One character of body text: 三号 (16 pt) less the letter spacing that
/// fits 28 to a line (5 twips), in points.
const CHAR: f64 = 15.75;
/// The line pitch of 22 lines in the type area, in points (579 twips).
const PITCH: f64 = 28.95;

/// Whether the tools are installed; if not, a line naming the missing one
/// (or a failure under CI).
fn tools() -> bool {
    for (tool, package) in
        [("soffice", "libreoffice-writer-nogui"), ("pdftotext", "poppler-utils"), ("pdftoppm", "poppler-utils")]
    {
        if Command::new(tool).arg("-v").output().is_err() {
            let why = format!("{tool} is not installed (apt-get install {package})");
            assert!(std::env::var_os("CI").is_none(), "CI is set but {why}");
            eprintln!("skipped: {why}");
            return false;
        }
    }
    true
}

fn fixed_time() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_710_460_800, 0).expect("a time")
}

fn example() -> Brief {
    load_brief(&here("examples/brief.ron")).expect("the example")
}

/// Exports a brief to Word and converts it with LibreOffice to `to` (pdf, fodt).
fn rendered(b: &Brief, layout: DocxLayout, appendix: bool, dir: &Path, to: &str) -> PathBuf {
    let diags = check(b, &Env::default());
    let options =
        WordOptions { layout, appendix, diagnostics: Some(&diags), now: Some(fixed_time()), ..WordOptions::default() };
    let docx = dir.join("brief.docx");
    std::fs::write(&docx, to_word(b, &options).expect("export")).expect("write");
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", dir.join("profile").display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(&docx)
        .output()
        .expect("soffice");
    let out = docx.with_extension(to);
    assert!(out.exists(), "soffice made no {to}: {}", String::from_utf8_lossy(&o.stderr));
    out
}

/// A line of text on a page, its box in points from the top left corner.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    words: Vec<String>,
    x0: f64,
    y0: f64,
    x1: f64,
}

struct Page {
    lines: Vec<Line>,
    /// Where the footer begins (points from the top): the type area's bottom.
    bottom: f64,
}

impl Page {
    /// The page-number line: the one below the type area.
    fn footer(&self) -> Option<&Line> {
        self.lines.iter().find(|l| l.y0 > self.bottom)
    }

    /// The rows of text of the type area, top to bottom: lines at one height
    /// (the cells of a table row) joined left to right.
    fn body(&self) -> Vec<Line> {
        let mut lines: Vec<&Line> = self.lines.iter().filter(|l| l.y0 <= self.bottom).collect();
        lines.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
        let mut rows: Vec<Line> = Vec::new();
        for l in lines {
            match rows.last_mut() {
                Some(r) if (r.y0 - l.y0).abs() < 1.0 => {
                    r.text.push_str(&l.text);
                    r.words.extend(l.words.iter().cloned());
                    r.x0 = r.x0.min(l.x0);
                    r.x1 = r.x1.max(l.x1);
                }
                _ => rows.push(l.clone()),
            }
        }
        rows
    }
}

/// The type area's left and right edges (mm) on page `n` (1-based): mirrored margins.
fn edges(n: usize) -> (f64, f64) {
    if n % 2 == 1 { (28.0, 210.0 - 26.0) } else { (26.0, 210.0 - 28.0) }
}

/// The PDF's pages as lines of words, from `pdftotext -bbox-layout`; the
/// official layout's footer starts below its type area, the plain layout has none.
fn pages(pdf: &Path, layout: DocxLayout) -> Vec<Page> {
    let bottom = if layout == DocxLayout::Official { BOTTOM * PT } else { f64::MAX };
    let o = Command::new("pdftotext").arg("-bbox-layout").arg(pdf).arg("-").output().expect("pdftotext");
    let xml = String::from_utf8(o.stdout).expect("utf-8");
    let mut r = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut line: Option<Line> = None;
    let mut in_word = false;
    let num = |e: &quick_xml::events::BytesStart, k: &[u8]| -> f64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == k)
            .and_then(|a| String::from_utf8_lossy(&a.value).parse().ok())
            .unwrap_or(0.0)
    };
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"page" => out.push(Page { lines: Vec::new(), bottom }),
                b"line" => {
                    line = Some(Line {
                        text: String::new(),
                        words: Vec::new(),
                        x0: num(&e, b"xMin"),
                        y0: num(&e, b"yMin"),
                        x1: num(&e, b"xMax"),
                    })
                }
                b"word" => {
                    in_word = true;
                    if let Some(l) = line.as_mut() {
                        l.words.push(String::new());
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_word => {
                if let Some(l) = line.as_mut() {
                    let s = t.decode().expect("text").into_owned();
                    l.text.push_str(&s);
                    if let Some(w) = l.words.last_mut() {
                        w.push_str(&s);
                    }
                }
            }
            Ok(Event::GeneralRef(g)) if in_word => {
                let name: &[u8] = &g;
                let s = match name {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    _ => "?",
                };
                if let Some(l) = line.as_mut() {
                    l.text.push_str(s);
                    if let Some(w) = l.words.last_mut() {
                        w.push_str(s);
                    }
                }
            }
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"word" => in_word = false,
                b"line" => {
                    if let (Some(l), Some(p)) = (line.take(), out.last_mut()) {
                        p.lines.push(l);
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) => break,
            Err(e) => panic!("pdftotext's XML: {e}"),
            _ => {}
        }
    }
    out
}

/// The top of the page number's dash on page `n`, in mm from the page's top:
/// the first pixel row, below the type area, with a dark run at least 3.5 mm
/// long (a dash is about 4.5 mm; no stroke of a digit is that long), in the
/// footer rendered in grey at 300 dpi.
fn dash_top(pdf: &Path, n: usize, dir: &Path) -> Option<f64> {
    const DPI: f64 = 300.0;
    let px = |mm: f64| (mm / 25.4 * DPI).round() as usize;
    let (y0, height) = (px(BOTTOM), px(25.0));
    let prefix = dir.join(format!("footer-{n}"));
    let o = Command::new("pdftoppm")
        .args(["-gray", "-r", "300", "-singlefile", "-f", &n.to_string(), "-l", &n.to_string()])
        .args(["-x", "0", "-y", &y0.to_string(), "-W", &px(210.0).to_string(), "-H", &height.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm");
    assert!(o.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&o.stderr));
    let image = std::fs::read(prefix.with_extension("pgm")).expect("the footer's image");
    let (w, h, pixels) = pgm(&image);
    let long = px(3.5);
    (0..h)
        .find(|&y| {
            let row = &pixels[y * w..(y + 1) * w];
            let mut run = 0;
            row.iter().any(|&v| {
                run = if v < 128 { run + 1 } else { 0 };
                run >= long
            })
        })
        .map(|y| (y0 + y) as f64 / DPI * 25.4)
}

/// A binary greymap (P5): width, height, one byte a pixel.
fn pgm(bytes: &[u8]) -> (usize, usize, &[u8]) {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..at]).expect("header").to_string());
    }
    assert_eq!(fields[0], "P5", "a binary greymap");
    let (w, h): (usize, usize) = (fields[1].parse().expect("width"), fields[2].parse().expect("height"));
    (w, h, &bytes[at + 1..at + 1 + w * h])
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The heading lines of a brief as printed: number and title.
fn headings(b: &Brief) -> Vec<String> {
    let numbers: std::collections::HashMap<_, _> = b.heading_numbers().into_iter().collect();
    b.walk()
        .filter(|(s, _)| !s.title.is_empty())
        .map(|(s, _)| squeeze(&format!("{}{}", numbers.get(&s.id).map(String::as_str).unwrap_or(""), s.title)))
        .collect()
}

/// No page's last line of text is a heading.
fn no_heading_alone_at_a_foot(pages: &[Page], b: &Brief) {
    let heads = headings(b);
    for (i, p) in pages.iter().enumerate() {
        if let Some(last) = p.body().last() {
            assert!(
                !heads.contains(&squeeze(&last.text)),
                "page {}: the heading {} is alone at its foot",
                i + 1,
                last.text
            );
        }
    }
}

#[test]
fn the_page_number_stands_7_mm_below_the_type_area_in_songti() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = rendered(&example(), DocxLayout::Official, true, dir.path(), "pdf");
    let pages = pages(&pdf, DocxLayout::Official);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for (i, p) in pages.iter().enumerate() {
        let n = i + 1;
        let footer = p.footer().unwrap_or_else(|| panic!("page {n} has a page number"));
        assert_eq!(squeeze(&footer.text), format!("—{n}—"), "page {n}");
        // 单页码居右空一字，双页码居左空一字 (a character of 四号, 14 pt).
        let (left, right) = edges(n);
        if n % 2 == 1 {
            assert!((right * PT - 14.0 - footer.x1).abs() < 2.0, "page {n}: the number ends at {:.1} pt", footer.x1);
        } else {
            assert!((footer.x0 - left * PT - 14.0).abs() < 2.0, "page {n}: the number starts at {:.1} pt", footer.x0);
        }
        let dash = dash_top(&pdf, n, dir.path()).unwrap_or_else(|| panic!("page {n}: no dash found"));
        let below = dash - BOTTOM;
        eprintln!("page {n}: the dash's top is {below:.2} mm below the type area");
        assert!((below - 7.0).abs() <= 0.4, "page {n}: the dash is {below:.2} mm below the type area, not 7 mm");
        // And the text keeps to the type area.
        for l in p.body() {
            assert!(l.y0 >= TOP * PT - 1.0, "page {n}: {} above the type area", l.text);
        }
    }
    // The digits are set in 宋体: the font LibreOffice reads for the page-number field.
    let fodt = std::fs::read_to_string(rendered(&example(), DocxLayout::Official, false, dir.path(), "fodt"))
        .expect("flat ODF");
    let fonts = page_number_fonts(&fodt);
    assert!(!fonts.is_empty(), "a page-number field in the footers");
    assert!(fonts.iter().all(|f| f.starts_with("宋体")), "the page number's Latin font: {fonts:?}");
}

/// The Latin font (`style:font-name`) of the text style around every
/// page-number field of a flat ODF document.
fn page_number_fonts(fodt: &str) -> Vec<String> {
    let mut r = quick_xml::Reader::from_str(fodt);
    let mut font_of = std::collections::HashMap::new();
    let mut style: Option<String> = None;
    let mut spans: Vec<String> = Vec::new();
    let mut used = Vec::new();
    let attr = |e: &quick_xml::events::BytesStart, k: &[u8]| {
        e.attributes().flatten().find(|a| a.key.as_ref() == k).map(|a| String::from_utf8_lossy(&a.value).into_owned())
    };
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"style:style" => style = attr(&e, b"style:name"),
                b"style:text-properties" => {
                    if let (Some(s), Some(f)) = (&style, attr(&e, b"style:font-name")) {
                        font_of.insert(s.clone(), f);
                    }
                }
                b"text:span" => spans.push(attr(&e, b"text:style-name").unwrap_or_default()),
                b"text:page-number" => used.extend(spans.last().cloned()),
                _ => {}
            },
            Ok(Event::End(e)) if e.name().as_ref() == b"text:span" => {
                spans.pop();
            }
            Ok(Event::Eof) => break,
            Err(e) => panic!("flat ODF: {e}"),
            _ => {}
        }
    }
    used.iter().map(|s| font_of.get(s).cloned().unwrap_or_else(|| format!("(none for {s})"))).collect()
}

#[test]
fn headings_keep_with_their_text_and_the_signature_stands_two_characters_in() {
    if !tools() {
        return;
    }
    let b = example();
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = pages(&rendered(&b, DocxLayout::Official, false, dir.path(), "pdf"), DocxLayout::Official);
    no_heading_alone_at_a_foot(&pages, &b);
    // The 落款: the last two lines of the last page.
    let n = pages.len();
    let body = pages[n - 1].body();
    let unit = squeeze(&b.meta.author);
    let at = body.iter().position(|l| squeeze(&l.text) == unit).expect("the unit's line");
    let (above, unit_line, date_line) = (&body[at - 1], &body[at], &body[at + 1]);
    assert_eq!(squeeze(&date_line.text), "2024年3月15日");
    let (_, right) = edges(n);
    let right_space = (right * PT - unit_line.x1) / CHAR;
    assert!((right_space - 2.0).abs() <= 0.25, "the unit is {right_space:.2} characters in from the right, not 2");
    let shift = (date_line.x0 - unit_line.x0) / CHAR;
    assert!((shift - 2.0).abs() <= 0.25, "the date starts {shift:.2} characters right of the unit, not 2");
    let gap = (unit_line.y0 - above.y0) / PITCH;
    eprintln!(
        "落款: the unit {right_space:.2} characters in, the date {shift:.2} right of it, {gap:.2} pitches below the text"
    );
    assert!((gap - 2.0).abs() <= 0.1, "one blank line above the unit: {gap:.2} lines from the text");
}

#[test]
fn a_long_title_breaks_by_meaning_into_a_balanced_shape() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // Each title, with words no line may break inside.
    let titles: [(&str, &[&str]); 3] = [
        ("以工会之力巩固拓展脱贫攻坚成果的实践与思考", &["工会", "巩固", "拓展", "脱贫攻坚", "成果", "实践", "思考"]),
        (
            "关于进一步完善困难职工帮扶机制推动全市工会消费扶贫工作高质量发展的调研报告",
            &["进一步", "完善", "困难职工", "帮扶", "机制", "推动", "全市", "消费扶贫", "高质量", "发展", "调研报告"],
        ),
        (
            "青川市2023年度职工帮扶资金使用情况的审计报告",
            &["2023", "年度", "职工", "帮扶资金", "使用", "情况", "审计报告"],
        ),
    ];
    for (title, words) in titles {
        let mut b = example();
        b.meta.title = title.to_string();
        let pages = pages(&rendered(&b, DocxLayout::Official, false, dir.path(), "pdf"), DocxLayout::Official);
        let subtitle = squeeze(&b.meta.subtitle);
        let first = pages[0].body();
        let lines: Vec<&Line> = first.iter().take_while(|l| squeeze(&l.text) != subtitle).collect();
        let texts: Vec<String> = lines.iter().map(|l| squeeze(&l.text)).collect();
        assert_eq!(texts.concat(), title, "the title's lines: {texts:?}");
        assert_eq!(texts.len(), 2, "two lines: {texts:?}");
        // Balanced: neither line shorter than a third of the title.
        let n = |s: &str| s.chars().count();
        assert!(texts.iter().all(|t| n(t) * 3 >= n(title)), "{texts:?}");
        // By meaning: no word cut at the break.
        let at = texts[0].len();
        for w in words {
            let cut = title.match_indices(w).any(|(i, _)| i < at && at < i + w.len());
            assert!(!cut, "the break cuts {w}: {texts:?}");
        }
        // Centred in the type area.
        let (left, right) = edges(1);
        for l in &lines {
            let off = (l.x0 + l.x1) / 2.0 - (left + right) / 2.0 * PT;
            assert!(off.abs() < 11.0, "{} is {off:.1} pt off centre", l.text);
        }
    }
}

/// The text of every table cell of a Word file's document part.
fn table_cell_text(docx: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").expect("document"), &mut xml).expect("utf-8");
    let mut r = quick_xml::Reader::from_str(&xml);
    let (mut cells, mut depth, mut in_text) = (Vec::new(), 0usize, false);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:tc" => {
                    depth += 1;
                    cells.push(String::new());
                }
                b"w:t" => in_text = depth > 0,
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:tc" => depth -= 1,
                b"w:t" => in_text = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                if let Some(c) = cells.last_mut() {
                    c.push_str(&t.decode().expect("text"));
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => panic!("document.xml: {e}"),
            _ => {}
        }
    }
    cells
}

/// The runs of digits in a text, each with the . – % that join it.
fn number_runs(s: &str) -> Vec<String> {
    let joins = |c: char| c.is_ascii_digit() || matches!(c, '.' | '–' | '%');
    s.split(|c: char| !joins(c))
        .map(|r| r.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|r| !r.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn appendix_tables_keep_figures_whole_and_repeat_their_header() {
    if !tools() {
        return;
    }
    // The example, and long figures as a draft writes them out.
    let mut b = example();
    let s = b.new_section(
        briefdesk::model::Role::Custom,
        "附注",
        "三年间共投入帮扶资金126000000元，覆盖1234567户，2021–2023年新增帮扶对象987654人，编号20240315001号。",
    );
    b.sections.push(s);
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = rendered(&b, DocxLayout::Official, true, dir.path(), "pdf");
    let pages = pages(&pdf, DocxLayout::Official);
    let start =
        pages.iter().position(|p| p.lines.iter().any(|l| squeeze(&l.text) == "附录一数字清单")).expect("the appendix");
    let appendix = &pages[start..];
    assert!(appendix.len() >= 2, "the ledger runs over pages");
    // Every figure in the tables stands whole on one line: each run of digits
    // (with its . – %) printed on these pages is one of the runs the tables'
    // cells hold (a figure broken across two lines prints two runs that are
    // not); pdftotext ends a word where Latin meets Chinese.
    let docx = std::fs::read(pdf.with_extension("docx")).expect("the Word file");
    let cells = table_cell_text(&docx);
    let held: std::collections::HashSet<String> = cells.iter().flat_map(|c| number_runs(c)).collect();
    let mut printed = 0;
    for (i, p) in appendix.iter().enumerate() {
        for line in p.body() {
            for run in line.words.iter().flat_map(|w| number_runs(w)) {
                printed += 1;
                assert!(
                    held.contains(&run),
                    "page {}: {run} is no figure of a cell: one broken across lines ({})",
                    start + i + 1,
                    line.text
                );
            }
        }
    }
    assert!(printed > 60, "{printed} figures looked at");
    // Every page of a table starts with its header row.
    for (i, p) in appendix.iter().enumerate() {
        let body = p.body();
        let first = body.first().map(|l| squeeze(&l.text)).unwrap_or_default();
        let header = if first.starts_with("附录") { body.get(1) } else { body.first() };
        let header = header.map(|l| squeeze(&l.text)).unwrap_or_default();
        assert!(
            header == "章节原文数值单位类别" || header == "章节规则问题",
            "page {}: the table's header row is on top (found {header})",
            start + i + 1
        );
    }
}

/// A brief of forty headings over paragraphs of 1 to 7 full lines of
/// Chinese without punctuation (no line breaks move), without title or
/// 落款: set 22 lines a page, four of its headings fall on a page's last line
/// unless they keep with their text.
fn many_headings() -> Brief {
    let mut b = briefdesk::model::Template::ResearchBrief.build(briefdesk::model::Taxonomy::default());
    b.sections.clear();
    b.meta.title.clear();
    b.meta.subtitle.clear();
    b.meta.author.clear();
    b.meta.date = None;
    b.meta.heading_numbers = false;
    let words: Vec<char> = "全市工会围绕消费产业劳务技能教育劳模六种方式开展帮扶工作".chars().collect();
    let mut foot = 0;
    let mut line = 0;
    for i in 0..40usize {
        let lines = 1 + (3 * i + i * i) % 7;
        // Two characters of first-line indent, then full lines of 28.
        let body: String = words.iter().cycle().take(28 * lines - 2).collect();
        let s = b.new_section(briefdesk::model::Role::Custom, format!("工作要点{i}"), body);
        b.sections.push(s);
        foot += usize::from(line % 22 == 21);
        line += 1 + lines;
    }
    assert_eq!(foot, 4, "headings that would end a page of 22 lines");
    b
}

#[test]
fn headings_never_end_a_page_of_a_long_brief() {
    if !tools() {
        return;
    }
    let b = many_headings();
    let dir = tempfile::tempdir().expect("temp dir");
    for layout in [DocxLayout::Official, DocxLayout::Plain] {
        let pages = pages(&rendered(&b, layout, false, dir.path(), "pdf"), layout);
        assert!(pages.len() >= 4, "{layout:?}: {} pages", pages.len());
        no_heading_alone_at_a_foot(&pages, &b);
    }
}

#[test]
fn the_plain_layout_keeps_headings_with_their_text() {
    if !tools() {
        return;
    }
    let b = example();
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = pages(&rendered(&b, DocxLayout::Plain, false, dir.path(), "pdf"), DocxLayout::Plain);
    let text: String = pages.iter().flat_map(|p| &p.lines).map(|l| squeeze(&l.text)).collect();
    for h in headings(&b) {
        assert!(text.contains(&h), "{h} is printed");
    }
    no_heading_alone_at_a_foot(&pages, &b);
    let numbered = pages.iter().flat_map(|p| &p.lines).any(|l| squeeze(&l.text) == "—1—");
    assert!(!numbered, "the plain layout has no page numbers");
}
