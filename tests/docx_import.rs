//! Word import of what editors' files hold, each file written here part by
//! part as Word and LibreOffice write them: headings numbered by Word's list
//! numbering on List Paragraph (一、（一）1.（1）), a header cell merged across
//! two columns, headers and footers of two sections, a table of contents
//! (Word's, in a content control, and LibreOffice's), a tracked change written
//! as three runs; and the CLI's help naming .docx.

mod support;

use std::io::Write;
use std::process::Command;

use briefdesk::format::{LoadOptions, Loaded, load};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// A Word file to write: the body's XML, styles, numbering, and more parts
/// (headers, footers) with their relationship ids.
#[derive(Default)]
struct Draft {
    body: String,
    numbering: Option<String>,
    /// (part name under word/, relationship id, kind: "header" or "footer", XML).
    parts: Vec<(String, String, &'static str, String)>,
}

/// The paragraph styles Chinese Word writes (ids "1", "2" for the headings),
/// List Paragraph, Word's TOC styles and LibreOffice's.
fn styles() -> String {
    let style = |id: &str, name: &str, extra: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="a"/>{extra}</w:style>"#
        )
    };
    [
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>"#
        ),
        style("1", "heading 1", r#"<w:pPr><w:outlineLvl w:val="0"/></w:pPr>"#),
        style("2", "heading 2", r#"<w:pPr><w:outlineLvl w:val="1"/></w:pPr>"#),
        style("a3", "List Paragraph", r#"<w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr>"#),
        // Word's TOC Heading is based on Heading 1.
        r#"<w:style w:type="paragraph" w:styleId="TOC"><w:name w:val="TOC Heading"/><w:basedOn w:val="1"/></w:style>"#
            .into(),
        style("10", "toc 1", ""),
        style("ContentsHeading", "Contents Heading", r#"<w:pPr><w:outlineLvl w:val="0"/></w:pPr>"#),
        style("Contents1", "Contents 1", ""),
        "</w:styles>".into(),
    ]
    .concat()
}

impl Draft {
    fn new(body: impl Into<String>) -> Draft {
        Draft { body: body.into(), ..Draft::default() }
    }

    fn pack(&self) -> Vec<u8> {
        let mut types = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{WML}.styles+xml"/>"#
        );
        let mut rels = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="{R}/styles" Target="styles.xml"/>"#
        );
        if self.numbering.is_some() {
            types.push_str(&format!(r#"<Override PartName="/word/numbering.xml" ContentType="{WML}.numbering+xml"/>"#));
            rels.push_str(&format!(r#"<Relationship Id="rIdNumbering" Type="{R}/numbering" Target="numbering.xml"/>"#));
        }
        for (name, id, kind, _) in &self.parts {
            types.push_str(&format!(r#"<Override PartName="/word/{name}" ContentType="{WML}.{kind}+xml"/>"#));
            rels.push_str(&format!(r#"<Relationship Id="{id}" Type="{R}/{kind}" Target="{name}"/>"#));
        }
        types.push_str("</Types>");
        rels.push_str("</Relationships>");
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{}</w:body></w:document>"#,
            self.body
        );
        let mut files = vec![
            ("[Content_Types].xml".to_string(), types),
            (
                "_rels/.rels".into(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>"#
                ),
            ),
            ("word/_rels/document.xml.rels".into(), rels),
            ("word/document.xml".into(), document),
            ("word/styles.xml".into(), styles()),
        ];
        if let Some(n) = &self.numbering {
            files.push(("word/numbering.xml".into(), n.clone()));
        }
        for (name, _, _, xml) in &self.parts {
            files.push((format!("word/{name}"), xml.clone()));
        }
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in files {
            z.start_file(name, opts).expect("zip");
            z.write_all(text.as_bytes()).expect("zip");
        }
        z.finish().expect("zip").into_inner()
    }

    fn import(&self) -> Loaded {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("draft.docx");
        std::fs::write(&path, self.pack()).expect("write");
        load(&path, &LoadOptions::default()).expect("the draft imports")
    }
}

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A List Paragraph numbered by list 1 at `level`, with no number in its text.
fn item(level: usize, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="a3"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// (reason, text) of each line of the import report.
fn report(l: &Loaded) -> Vec<(String, String)> {
    l.report.removed.iter().map(|r| (format!("{:?}", r.reason), r.text.clone())).collect()
}

/// The number shown before each titled section and its title, with its depth.
fn outline(l: &Loaded) -> Vec<(usize, String, String)> {
    let numbers: std::collections::HashMap<_, _> = l.brief.heading_numbers().into_iter().collect();
    l.brief
        .walk()
        .filter(|(s, _)| !s.title.is_empty())
        .map(|(s, d)| {
            let shown = s.written_number.clone().or_else(|| numbers.get(&s.id).cloned()).unwrap_or_default();
            (d, shown, s.title.clone())
        })
        .collect()
}

#[test]
fn list_paragraphs_numbered_by_word_are_headings_with_the_numbers_word_shows() {
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let body = [
        p("关于工会帮扶的调研"),
        item(0, "基本情况"),
        p("全市共有脱贫户4.6万户。"),
        item(0, "主要做法"),
        item(1, "消费扶贫"),
        p("采购农副产品4820万元。"),
        item(1, "产业扶贫"),
        item(2, "食用菌基地"),
        p("带动脱贫户3200户。"),
        item(2, "中药材种植"),
        item(3, "种植面积"),
        p("种植面积1.2万亩。"),
        item(3, "带动农户"),
        item(0, "存在的问题"),
        p("部分项目抗风险能力弱。"),
        item(0, "对策建议"),
        // A numbered item that is a sentence: body text, with its number.
        item(2, "每年安排不低于产业帮扶资金总额30%的资金用于合作社品牌建设。"),
    ]
    .concat();
    let l = Draft { numbering: Some(numbering), ..Draft::new(body) }.import();
    let got = outline(&l);
    let want: Vec<(usize, String, String)> = [
        (0, "一、", "基本情况"),
        (0, "二、", "主要做法"),
        (1, "（一）", "消费扶贫"),
        (1, "（二）", "产业扶贫"),
        (2, "1.", "食用菌基地"),
        (2, "2.", "中药材种植"),
        (3, "（1）", "种植面积"),
        (3, "（2）", "带动农户"),
        (0, "三、", "存在的问题"),
        (0, "四、", "对策建议"),
    ]
    .into_iter()
    .map(|(d, n, t)| (d, n.to_string(), t.to_string()))
    .collect();
    assert_eq!(got, want, "every numbered heading is a section of its level, numbered as Word shows it");
    assert_eq!(l.brief.meta.title, "关于工会帮扶的调研");
    let last = l.brief.walk().last().expect("a section").0;
    assert!(
        last.body.contains("1.每年安排不低于产业帮扶资金总额30%"),
        "the sentence keeps its number: {:?}",
        last.body
    );
}

/// The cells of the first Markdown table in a brief's bodies.
fn first_table(l: &Loaded) -> Vec<Vec<String>> {
    let body = l.brief.walk().map(|(s, _)| s.body.clone()).find(|b| b.contains('|')).expect("a table");
    body.lines()
        .filter(|line| line.starts_with('|') && !line.contains("---"))
        .map(|line| line.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect())
        .collect()
}

#[test]
fn a_header_cell_merged_across_two_columns_keeps_the_row_in_its_columns() {
    let cell = |text: &str, span: usize| {
        let span = if span > 1 { format!(r#"<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>"#) } else { String::new() };
        format!("<w:tc>{span}{}</w:tc>", p(text))
    };
    let table = format!(
        r#"<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>"#,
        cell("帮扶方式及金额", 2),
        cell("备注", 1),
        cell("消费扶贫", 1),
        cell("4820万元", 1),
        cell("已完成", 1),
        cell("产业扶贫", 1),
        cell("3650万元", 1),
        cell("进行中", 1),
    );
    let l = Draft::new([styled("1", "一、帮扶资金"), p("各方式投入如下。"), table].concat()).import();
    let rows = first_table(&l);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows.iter().all(|r| r.len() == 3), "every row has three cells: {rows:?}");
    assert_eq!(rows[0], ["帮扶方式及金额", "", "备注"], "备注 stands above 已完成");
    assert_eq!(rows[1], ["消费扶贫", "4820万元", "已完成"]);
}

#[test]
fn headers_and_footers_of_every_section_are_reported() {
    let hdr = |tag: &str, text: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag} xmlns:w="{W}">{}</w:{tag}>"#,
            p(text)
        )
    };
    let refs = |h: &str, f: &str| {
        format!(
            r#"<w:headerReference w:type="default" r:id="{h}"/><w:footerReference w:type="default" r:id="{f}"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>"#
        )
    };
    let body = [
        styled("1", "一、基本情况"),
        p("全市共有脱贫户4.6万户。"),
        // The first section ends with this paragraph: its properties hold its header and footer.
        format!(
            r#"<w:p><w:pPr><w:sectPr>{}</w:sectPr></w:pPr><w:r><w:t>第一部分完。</w:t></w:r></w:p>"#,
            refs("rIdH1", "rIdF1")
        ),
        styled("1", "二、附件"),
        p("帮扶项目清单。"),
        format!("<w:sectPr>{}</w:sectPr>", refs("rIdH2", "rIdF2")),
    ]
    .concat();
    let mut draft = Draft::new(body);
    for (name, id, kind, tag, text) in [
        ("header1.xml", "rIdH1", "header", "hdr", "内部资料 注意保存"),
        ("footer1.xml", "rIdF1", "footer", "ftr", "正文页脚"),
        ("header2.xml", "rIdH2", "header", "hdr", "附件页眉"),
        ("footer2.xml", "rIdF2", "footer", "ftr", "附件页脚"),
    ] {
        draft.parts.push((name.into(), id.into(), kind, hdr(tag, text)));
    }
    let l = draft.import();
    let listed: Vec<String> = report(&l).into_iter().filter(|(r, _)| r == "HeaderFooter").map(|(_, t)| t).collect();
    for text in ["内部资料 注意保存", "正文页脚", "附件页眉", "附件页脚"] {
        assert!(listed.iter().any(|t| t == text), "{text} is listed: {listed:?}");
    }
    let titles: Vec<(usize, String, String)> = outline(&l);
    assert_eq!(titles.len(), 2, "{titles:?}");
}

/// A TOC field over `entries` (each a paragraph of `style`), the first entry
/// opening the field and a last paragraph closing it.
fn toc_field(style: &str, entries: &[&str]) -> String {
    let mut out = String::new();
    for (i, e) in entries.iter().enumerate() {
        let (title, page) = e.split_once('\t').expect("title and page");
        let open = if i == 0 {
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
        } else {
            ""
        };
        out.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8296"/></w:tabs></w:pPr>{open}<w:r><w:t>{title}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{page}</w:t></w:r></w:p>"#
        ));
    }
    out.push_str(r#"<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#);
    out
}

#[test]
fn a_table_of_contents_is_left_out_and_reported() {
    let entries = ["一、基本情况\t1", "二、主要做法\t2", "（一）消费扶贫\t2"];
    let rest = [
        styled("1", "一、基本情况"),
        p("全市共有脱贫户4.6万户。"),
        styled("1", "二、主要做法"),
        styled("2", "（一）消费扶贫"),
        p("采购农副产品4820万元。"),
    ]
    .concat();
    // Word: the contents in a content control, under a TOC Heading (based on Heading 1).
    let word = format!(
        r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>{}{}</w:sdtContent></w:sdt>"#,
        styled("TOC", "目  录"),
        toc_field("10", &entries)
    );
    // LibreOffice: Contents Heading and Contents 1, no content control.
    let libre = [styled("ContentsHeading", "目录"), toc_field("Contents1", &entries)].concat();
    for (name, toc) in [("Word", word), ("LibreOffice", libre)] {
        let l = Draft::new([styled("a", "关于职工帮扶的调研"), toc, rest.clone()].concat()).import();
        let got: Vec<(usize, String)> = outline(&l).into_iter().map(|(d, _, t)| (d, t)).collect();
        assert_eq!(
            got,
            [(0, "基本情况".to_string()), (0, "主要做法".into()), (1, "消费扶贫".into())],
            "{name}: the contents are no section"
        );
        let bodies: String = l.brief.walk().map(|(s, _)| s.body.clone()).collect();
        assert!(!bodies.contains("目"), "{name}: no contents line in a body: {bodies}");
        let listed: Vec<String> =
            report(&l).into_iter().filter(|(r, _)| r == "TableOfContents").map(|(_, t)| t).collect();
        assert!(listed.iter().any(|t| t.starts_with('目') && t.ends_with('录')), "{name}: {listed:?}");
        assert!(listed.iter().any(|t| t.contains("二、主要做法") && t.contains('2')), "{name}: {listed:?}");
    }
}

#[test]
fn a_tracked_change_written_as_three_runs_is_reported_once() {
    // As LibreOffice writes a change: one w:del (and w:ins) per run, with its own id.
    let del = |id: usize, t: &str| {
        format!(
            r#"<w:del w:id="{id}" w:author="王编辑" w:date="2024-03-01T10:00:00Z"><w:r><w:delText>{t}</w:delText></w:r></w:del>"#
        )
    };
    let ins = |id: usize, t: &str| {
        format!(
            r#"<w:ins w:id="{id}" w:author="王编辑" w:date="2024-03-01T10:00:00Z"><w:r><w:t>{t}</w:t></w:r></w:ins>"#
        )
    };
    let run = |t: &str| format!(r#"<w:r><w:t>{t}</w:t></w:r>"#);
    let changed = format!(
        "<w:p>{}{}{}{}{}{}{}{}</w:p>",
        run("全市投入帮扶资金"),
        [del(1, "1.2"), del(2, "亿"), del(3, "元")].concat(),
        [ins(4, "1.26"), ins(5, "亿"), ins(6, "元")].concat(),
        run("，其中"),
        del(7, "消费"),
        run("产业扶贫"),
        del(8, "约"),
        run("3650万元。"),
    );
    let l = Draft::new([styled("1", "一、基本情况"), changed].concat()).import();
    let body = &l.brief.walk().find(|(s, _)| s.title == "基本情况").expect("the section").0.body;
    assert_eq!(body, "全市投入帮扶资金1.26亿元，其中产业扶贫3650万元。");
    assert_eq!((l.report.insertions, l.report.deletions), (1, 3), "one change of three runs, two more apart");
    let deleted: Vec<String> = report(&l).into_iter().filter(|(r, _)| r == "TrackedDeletion").map(|(_, t)| t).collect();
    assert_eq!(deleted, ["1.2亿元", "消费", "约"]);
}

#[test]
fn the_cli_help_names_word_files() {
    let help = |cmd: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_briefdesk")).args([cmd, "--help"]).output().expect("run");
        assert!(o.status.success(), "{cmd} --help");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let import = help("import");
    assert!(import.contains(".docx") && !import.contains("a Markdown or text draft"), "{import}");
    let check = help("check");
    assert!(check.contains(".docx") && !check.contains(".ron, .md, .txt)"), "{check}");
    let export = help("export");
    assert!(export.contains("Word") && export.contains("docx") && !export.contains("as Markdown or HTML"), "{export}");
}
