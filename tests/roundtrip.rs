//! Brief → RON → Brief and Brief → Markdown → Brief keep every section, role,
//! title and body, for both examples, every template and generated briefs.

use std::path::Path;

use briefdesk::export::to_markdown;
use briefdesk::format::{from_markdown, load_brief};
use briefdesk::model::{Brief, Role, Section, Taxonomy, Template};
use briefdesk::store::{from_ron, to_ron};
use proptest::prelude::*;

/// A section tree without ids: ids are the project file's business and are
/// assigned afresh by a Markdown import.
#[derive(Debug, PartialEq)]
struct Shape {
    role: Role,
    title: String,
    body: String,
    children: Vec<Shape>,
}

fn shape(sections: &[Section]) -> Vec<Shape> {
    sections
        .iter()
        .map(|s| Shape {
            role: s.role.clone(),
            title: s.title.clone(),
            body: s.body.clone(),
            children: shape(&s.children),
        })
        .collect()
}

fn assert_same_brief(a: &Brief, b: &Brief) {
    assert_eq!(a.meta, b.meta);
    assert_eq!(a.taxonomy, b.taxonomy);
    assert_eq!(a.facts, b.facts);
    assert_eq!(a.checks, b.checks);
    assert_eq!(shape(&a.sections), shape(&b.sections));
}

fn examples() -> Vec<Brief> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    ["brief.ron", "feature.md"].iter().map(|f| load_brief(&dir.join(f)).expect(f)).collect()
}

fn count_sections(b: &Brief) -> usize {
    b.walk().count()
}

#[test]
fn examples_are_complete_briefs() {
    for b in examples() {
        let modes: Vec<&str> = b
            .walk()
            .filter_map(|(s, _)| match &s.role {
                Role::AidMode(id) => Some(id.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(modes.len(), 6, "{}: one section per aid mode", b.meta.title);
        for m in &b.taxonomy.modes {
            assert!(modes.contains(&m.id.as_str()), "{} lacks {}", b.meta.title, m.name);
        }
        assert!(b.walk().any(|(s, _)| s.role == Role::Summary));
        assert!(b.char_count() > 1000, "{} is a full brief", b.meta.title);
        assert!(b.meta.date.is_some());
    }
}

#[test]
fn examples_round_trip_through_ron() {
    for b in examples() {
        let text = to_ron(&b).expect("encode");
        let back = from_ron(&text, Path::new("x.ron")).expect("decode");
        assert_eq!(back, b, "RON keeps everything, ids included");
    }
}

#[test]
fn examples_round_trip_through_markdown() {
    for b in examples() {
        let md = to_markdown(&b);
        let back = from_markdown(&md).expect("import");
        assert_same_brief(&b, &back);
        assert_eq!(count_sections(&back), count_sections(&b));
        // And Markdown is a fixed point: exporting again gives the same text.
        assert_eq!(to_markdown(&back), md);
    }
}

#[test]
fn templates_round_trip_through_both_formats() {
    for tax in ["union-six", "six-areas"] {
        for t in Template::ALL {
            let b = t.build(Taxonomy::preset(tax).expect(tax));
            let back = from_ron(&to_ron(&b).expect("encode"), Path::new("x.ron")).expect("decode");
            assert_eq!(back, b);
            assert_same_brief(&b, &from_markdown(&to_markdown(&b)).expect("import"));
        }
    }
}

#[test]
fn sections_whose_role_the_title_does_not_tell_keep_it() {
    let mut b = Template::Feature.build(Taxonomy::default());
    // A custom title on an aid-mode section, and a preface without a title.
    b.sections[1].title = "让山货走出大山".into();
    let preface = b.new_section(Role::Summary, "", "开篇的一段话。");
    b.sections.insert(0, preface);
    let back = from_markdown(&to_markdown(&b)).expect("import");
    assert_same_brief(&b, &back);
}

/// Body lines, including ones that look like Markdown headings.
fn body_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[一-龥，。、0-9a-z]{0,30}",
        Just("# 不是标题".to_string()),
        Just("### 三级".to_string()),
        Just("---".to_string()),
        Just("===".to_string()),
        Just("\\# 原本就有反斜杠".to_string()),
        Just("\\\\---".to_string()),
        Just("- 列表项".to_string()),
        Just("```\n# 代码里的井号\n```".to_string()),
        Just("> # 引用里的井号".to_string()),
        Just("<!-- 注释 -->".to_string()),
    ]
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(body_line(), 0..8).prop_map(|lines| lines.join("\n").trim_matches('\n').to_string())
}

fn title() -> impl Strategy<Value = String> {
    "[一-龥a-z0-9 ]{1,16}".prop_map(|t| t.trim().to_string()).prop_filter("non-empty", |t| !t.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn generated_briefs_round_trip(bodies in prop::collection::vec(body(), 1..6), titles in prop::collection::vec(title(), 6)) {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        b.meta.heading_numbers = false;
        for (i, body) in bodies.iter().enumerate() {
            let mut s = b.new_section(Role::Custom, titles[i].clone(), body.clone());
            if i % 2 == 1 {
                s.children.push(b.new_section(Role::Custom, titles[5].clone(), body.clone()));
            }
            b.sections.push(s);
        }
        let ron_back = from_ron(&to_ron(&b).expect("encode"), Path::new("x.ron")).expect("decode");
        prop_assert_eq!(&ron_back, &b);
        let md_back = from_markdown(&to_markdown(&b)).expect("import");
        prop_assert_eq!(shape(&md_back.sections), shape(&b.sections));
    }
}
