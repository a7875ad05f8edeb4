//! Import of real drafts and export of finished briefs.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use briefdesk::export::{HtmlOptions, to_html, to_markdown};
use briefdesk::format::load_brief;
use briefdesk::import::decode::decode;
use briefdesk::import::text::{Imported, import_text};
use briefdesk::model::{Brief, Taxonomy};

use support::{here, shared_text};

fn corpus(name: &str) -> Option<String> {
    shared_text(&format!("corpus/{name}"))
}

const CORPUS: [&str; 3] = ["union-aid-feature.txt", "party-school-brief.txt", "union-aid-commentary-traditional.txt"];

/// The outline of an import as a reader checks it: title lines, each section
/// with its depth, role and the opening of its body, then the removed list.
fn outline(imp: &Imported) -> String {
    let b = &imp.brief;
    let mut out = format!(
        "title: {}\nsubtitle: {}\nauthor: {}\ntraditional: {}\n",
        b.meta.title, b.meta.subtitle, b.meta.author, imp.traditional
    );
    for (s, depth) in b.walk() {
        let opening: String = s.body.chars().take(24).collect();
        out.push_str(&format!("{}[{:?}] {} | {}…\n", "  ".repeat(depth), s.role, s.title, opening.replace('\n', "⏎")));
    }
    for r in &imp.removed {
        out.push_str(&format!("removed line {} ({:?}): {}\n", r.line, r.reason, r.text));
    }
    out
}

#[test]
fn corpus_imports_into_sensible_sections() {
    for name in CORPUS {
        let Some(raw) = corpus(name) else { return };
        let imp = import_text(&raw, Taxonomy::default());
        insta::assert_snapshot!(format!("import_{name}"), outline(&imp));
    }
}

/// Non-whitespace characters with their counts. `#` is Markdown markup, not text.
fn chars(texts: &[&str]) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for t in texts {
        for c in t.chars().filter(|c| !c.is_whitespace() && *c != '#') {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// The brief's text: metadata, heading numbers (typed numbers the outline
/// adopted are given back in its own form), titles and bodies.
fn brief_texts(b: &Brief) -> Vec<String> {
    let mut v = vec![b.meta.title.clone(), b.meta.subtitle.clone(), b.meta.author.clone()];
    let numbers: std::collections::HashMap<_, _> = b.heading_numbers().into_iter().collect();
    for (s, _) in b.walk() {
        v.push(numbers.get(&s.id).cloned().unwrap_or_default());
        v.push(s.title.clone());
        v.push(s.body.clone());
    }
    v
}

/// Brackets count alike in either width: an adopted "(一)" comes back as "（一）".
fn same_brackets(s: &str) -> String {
    s.replace('（', "(").replace('）', ")")
}

#[test]
fn no_text_is_lost() {
    for name in CORPUS {
        let Some(raw) = corpus(name) else { return };
        let imp = import_text(&raw, Taxonomy::default());
        let mut kept: Vec<String> = brief_texts(&imp.brief).iter().map(|t| same_brackets(t)).collect();
        kept.extend(imp.removed.iter().map(|r| same_brackets(&r.text)));
        let kept: Vec<&str> = kept.iter().map(String::as_str).collect();
        let raw = same_brackets(&raw);
        assert_eq!(chars(&kept), chars(&[&raw]), "{name}: every character is in the brief or the removed list");
    }
}

#[test]
fn gbk_and_utf16_copies_import_to_the_same_brief() {
    // The feature fits in GBK (the party-school page has no-break spaces, which GBK lacks).
    let Some(raw) = corpus("union-aid-feature.txt") else { return };
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&raw);
    assert!(!unmappable, "the text fits in GBK");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(raw.encode_utf16().flat_map(u16::to_le_bytes));
    let original = import_text(&raw, Taxonomy::default());
    for bytes in [gbk.to_vec(), utf16] {
        let decoded = decode(&bytes).expect("decode");
        assert_eq!(decoded.text, raw);
        let imp = import_text(&decoded.text, Taxonomy::default());
        assert_eq!(to_markdown(&imp.brief), to_markdown(&original.brief));
        assert_eq!(imp.removed, original.removed);
    }
}

#[test]
fn examples_export_golden() {
    for f in ["examples/brief.ron", "examples/feature.md"] {
        let b = load_brief(&here(f)).expect(f);
        let name = Path::new(f).file_name().unwrap().to_string_lossy().replace('.', "_");
        insta::assert_snapshot!(format!("md_{name}"), to_markdown(&b));
        insta::assert_snapshot!(format!("html_{name}"), to_html(&b, HtmlOptions::default()));
    }
}

#[test]
fn hostile_text_is_shown_not_run() {
    let mut b = briefdesk::model::Template::Feature.build(Taxonomy::default());
    b.meta.title = "<script>alert('title')</script>".into();
    b.sections[0].body = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[点我](javascript:alert(3))\n\n<!-- 隐藏的注释 -->\n\n<a href=\"javascript:alert(4)\">链接</a>".into();
    let html = to_html(&b, HtmlOptions { appendix: true, diagnostics: Some(&[]) });
    let lower = html.to_lowercase();
    assert_eq!(lower.matches("<script").count(), 0, "no script element");
    assert!(!lower.contains("<img"), "no image element");
    assert!(!lower.contains("href=\"javascript:"), "no javascript link");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text shows literally");
    assert!(html.contains("&lt;!-- 隐藏的注释 --&gt;"), "comments show as text");
    assert!(html.contains("default-src 'none'"), "a CSP blocks outside requests");
    assert!(!lower.contains("http://") && !lower.contains("https://"), "no outside requests");
}

#[test]
fn a_markdown_drafts_numbers_are_adopted_only_when_the_outline_gives_them() {
    use briefdesk::checks::{Env, check};
    use briefdesk::format::from_markdown;
    // Numbers in order become the brief's numbering; the titles lose them.
    let ordered =
        from_markdown("# 报告\n\n## 一、基本情况\n\n正文。\n\n## 二、主要做法\n\n正文。\n").expect("markdown");
    assert!(ordered.meta.heading_numbers);
    let titles: Vec<&str> = ordered.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["基本情况", "主要做法"]);
    // A skipped number stays in the title as written, and the numbering check reports it.
    let md = "# 报告\n\n## 一、基本情况\n\n正文。\n\n## 二、主要做法\n\n正文。\n\n## 四、存在的问题\n\n正文。\n";
    let skipped = from_markdown(md).expect("markdown");
    assert!(!skipped.meta.heading_numbers);
    assert_eq!(skipped.sections[2].title, "四、存在的问题");
    assert_eq!(skipped.sections[2].role, briefdesk::model::Role::Problems);
    let found: Vec<_> = check(&skipped, &Env::default()).into_iter().filter(|d| d.rule == "BD110").collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].on_title);
}
