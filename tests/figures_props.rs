//! `extract` never panics, and what it returns is well-formed, on any input.

use briefdesk::figures::extract;
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    let figs = extract(text);
    let mut last = 0;
    for f in &figs {
        prop_assert!(f.span.start < f.span.end, "empty span {:?}", f.span);
        prop_assert!(f.span.start >= last, "overlap at {:?}", f.span);
        prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        prop_assert!(f.value.is_finite(), "value {}", f.value);
        if let Some(hi) = f.value_max {
            prop_assert!(hi.is_finite() && hi > f.value, "range {}..{hi}", f.value);
        }
        last = f.span.end;
    }
    Ok(())
}

/// Text made of the pieces figures are made of, so the scanner's paths are exercised.
fn figure_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一"),
        Just("二"),
        Just("两"),
        Just("十"),
        Just("百"),
        Just("千"),
        Just("万"),
        Just("亿"),
        Just("零"),
        Just("〇"),
        Just("壹"),
        Just("萬"),
        Just("点"),
        Just("分之"),
        Just("百分之"),
        Just("第"),
        Just("半"),
        Just("数"),
        Just("几"),
        Just("余"),
        Just("多"),
        Just("约"),
        Just("近"),
        Just("不低于"),
        Just("以上"),
        Just("左右"),
        Just("至"),
        Just("-"),
        Just("～"),
        Just("元"),
        Just("人"),
        Just("个月"),
        Just("%"),
        Just("个百分点"),
        Just("成"),
        Just("年"),
        Just("月"),
        Just("日"),
        Just("（星期一）"),
        Just("倍"),
        Just("，"),
        Just("。"),
        Just("\n"),
        Just(" "),
        Just("1"),
        Just("2"),
        Just("0"),
        Just("9"),
        Just("."),
        Just(","),
        Just("/"),
        Just(":"),
        Just("２"),
        Just("@"),
        Just("a"),
        Just("电话"),
        Just("（"),
        Just("）"),
        Just("角"),
        Just("分"),
        Just("块"),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        check(&s)?;
    }

    #[test]
    fn figure_like_strings(s in figure_soup()) {
        check(&s)?;
    }
}

#[test]
fn long_digit_runs_and_deep_numerals_do_not_overflow() {
    for s in [
        "9".repeat(5000),
        "九".repeat(5000),
        "万".repeat(5000),
        format!("{}亿亿亿亿亿元", "9".repeat(40)),
        "1.".repeat(3000),
        "一亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿".to_string(),
        // Once read as a numeral that ended on its inner marker, which stalled the scan.
        "十零几十一".to_string(),
    ] {
        check(&s).expect("well-formed");
    }
}
