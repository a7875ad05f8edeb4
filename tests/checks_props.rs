//! The checks never panic, and what they report is well-formed, on any brief:
//! sections whose bodies are arbitrary text, or text made of the words the
//! claims layer reacts to (totals and parts, shares, rates, growth, dates,
//! targets), pasted twice, in full-width digits, across sections.

use briefdesk::checks::{Env, check};
use briefdesk::model::{Brief, Role, Taxonomy, Template};
use proptest::prelude::*;

/// Pieces of briefing prose, so that every relation and rule has something to read.
fn claim_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("全市共有脱贫户"),
        Just("4.6万户"),
        Just("其中"),
        Just("分别为"),
        Just("城镇职工860户"),
        Just("农民工640户"),
        Just("共1450户"),
        Just("占"),
        Just("的"),
        Just("59.4%"),
        Just("就业率达"),
        Just("90%"),
        Just("由1250万元增至1875万元"),
        Just("增长50%"),
        Just("年均增长12%"),
        Just("翻一番"),
        Just("人均"),
        Just("户均"),
        Just("2021年至2023年"),
        Just("2020年2月30日"),
        Just("（星期一）"),
        Just("截至2023年12月31日"),
        Just("力争明年"),
        Just("预计全年"),
        Just("累计"),
        Just("约"),
        Just("近"),
        Just("余"),
        Just("三分之二"),
        Just("１２００人"),
        Just("一、"),
        Just("（二）"),
        Just("3."),
        Just("，"),
        Just("。"),
        Just("；"),
        Just("、"),
        Just("\n"),
        Just("\n\n"),
        Just(" "),
        Just("“"),
        Just("”"),
        Just("等"),
        Just("包括"),
        Just("带动"),
        Just("培训"),
        Just("人次"),
        Just("元"),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn brief(bodies: Vec<String>, twice: bool) -> Brief {
    let mut b = Template::ResearchBrief.build(Taxonomy::default());
    for (i, body) in bodies.into_iter().enumerate() {
        let body = if twice { format!("{body}\n\n{body}") } else { body };
        // The template's own sections first, then more: summary, background and aid modes all get text.
        match b.sections.get_mut(i) {
            Some(s) => s.body = body,
            None => {
                let s = b.new_section(Role::Custom, format!("第{i}部分"), body);
                b.sections.push(s);
            }
        }
    }
    b
}

fn well_formed(b: &Brief) -> Result<(), TestCaseError> {
    for d in check(b, &Env::default()) {
        let s = b.section(d.section);
        prop_assert!(s.is_some(), "{} names a section that does not exist", d.rule);
        let body = &s.expect("checked").body;
        prop_assert!(d.span.start <= d.span.end && d.span.end <= body.len(), "{} span {:?}", d.rule, d.span);
        prop_assert!(body.is_char_boundary(d.span.start) && body.is_char_boundary(d.span.end));
        for r in &d.related {
            let other = b.section(r.section).map(|s| s.body.as_str()).unwrap_or("");
            prop_assert!(r.span.end <= other.len() && other.is_char_boundary(r.span.start));
        }
        for f in &d.fixes_elsewhere {
            let other = b.section(f.section).map(|s| s.body.as_str()).unwrap_or("");
            prop_assert!(f.span.end <= other.len() && other.is_char_boundary(f.span.start));
        }
        prop_assert!(!d.message(briefdesk::lang::Lang::Zh).is_empty());
        prop_assert!(!d.message(briefdesk::lang::Lang::En).is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn checks_never_panic_on_briefing_prose(bodies in prop::collection::vec(claim_soup(), 1..8), twice in any::<bool>()) {
        well_formed(&brief(bodies, twice))?;
    }

    #[test]
    fn checks_never_panic_on_any_text(bodies in prop::collection::vec(any::<String>(), 1..5)) {
        well_formed(&brief(bodies, false))?;
    }
}
