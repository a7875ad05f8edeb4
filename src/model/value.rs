//! How a value is written for a reader, in one place: the window (ledger,
//! fact sheet), the HTML and Word appendices, the CLI's figure list and the
//! checks' messages all write values through [`show`], as a Chinese editor
//! reads figures: 1.26亿, 4.2万, 3850, 85.5.

/// A value as an editor writes it: 万 or 亿 where that makes it shorter and
/// exact to two decimals (42000 as 4.2万, 126000000 as 1.26亿, 1350000 as
/// 135万), else the digits with at most four decimals (12345, 1030.6637).
pub fn show(v: f64) -> String {
    let fmt = |x: f64| {
        let s = format!("{x:.4}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" { "0".to_string() } else { s.to_string() }
    };
    let whole = |x: f64| (x - x.round()).abs() < 1e-6;
    if v.abs() >= 1e8 && whole(v / 1e6) {
        format!("{}亿", fmt(v / 1e8))
    } else if v.abs() >= 1e4 && whole(v / 1e2) {
        format!("{}万", fmt(v / 1e4))
    } else {
        fmt(v)
    }
}

/// A value or a range of values: 1.26亿, 2万–3万.
pub fn show_range(value: f64, max: Option<f64>) -> String {
    match max {
        Some(hi) => format!("{}–{}", show(value), show(hi)),
        None => show(value),
    }
}

/// A value with its unit: 1.26亿元, 4.2万人, 85%, and a space only before a
/// unit in Latin letters (220 kV).
pub fn with_unit(v: f64, unit: &str) -> String {
    let spaced = unit.starts_with(|c: char| c.is_ascii_alphabetic());
    format!("{}{}{unit}", show(v), if spaced { " " } else { "" })
}

/// Takes out the space an English sentence puts between a figure and a
/// Chinese unit (1.3亿 元 → 1.3亿元, 860 户 → 860户).
pub fn tidy_units(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' '
            && i > 0
            && (chars[i - 1].is_ascii_digit() || matches!(chars[i - 1], '万' | '亿'))
            && chars.get(i + 1).is_some_and(|&n| super::is_cjk(n))
        {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_an_editor_writes_them() {
        assert_eq!(show(126_000_000.0), "1.26亿");
        assert_eq!(show(42_000.0), "4.2万");
        assert_eq!(show(38_000.0), "3.8万");
        assert_eq!(show(1_350_000.0), "135万");
        assert_eq!(show(3850.0), "3850");
        assert_eq!(show(12_345.0), "12345");
        assert_eq!(show(10_306_637.0), "10306637");
        assert_eq!(show(85.5), "85.5");
        assert_eq!(show(-0.0), "0");
        assert_eq!(show(0.6667), "0.6667");
        assert_eq!(show_range(20_000.0, Some(30_000.0)), "2万–3万");
        assert_eq!(with_unit(130_000_000.0, "元"), "1.3亿元");
        assert_eq!(with_unit(220.0, "kV"), "220 kV");
        assert_eq!(
            tidy_units("the part 1.3亿 元 is larger than 860 户, in 2020 year"),
            "the part 1.3亿元 is larger than 860户, in 2020 year"
        );
    }
}
