//! Where the official layout breaks and places text: a long title broken by
//! meaning into a balanced shape (GB/T 9704 7.3.3), the 落款 placed right of
//! centre (7.3.5.2), and table columns sized so that figures stay whole.

/// The width of text in characters of its size, as Word sets it in Times
/// New Roman beside a CJK font: CJK one, ASCII half, a space a quarter.
pub fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| match c {
            ' ' => 0.25,
            c if c.is_ascii() => 0.5,
            _ => 1.0,
        })
        .sum()
}

/// A width no renderer exceeds: digits and Latin letters as wide as in the
/// fonts a machine without Times New Roman falls back to (DejaVu Serif's
/// digits are 0.64 em), so a column sized by it holds its figures whole.
fn safe_width(s: &str) -> f64 {
    s.chars()
        .map(|c| match c {
            ' ' => 0.35,
            c if c.is_ascii() => 0.65,
            _ => 1.0,
        })
        .sum()
}

/// The widest stretch of a cell no line may break inside: a figure or a
/// range of figures (`126000000`, `2021–2023`, `1.26`), a Latin word.
fn widest_unbreakable(s: &str) -> f64 {
    let joins = |c: char| c.is_ascii_graphic() || matches!(c, '–' | '—' | '～' | '％' | '‰');
    s.split(|c: char| !joins(c)).map(safe_width).fold(0.0, f64::max)
}

/// How bad a line break between words is: after a particle (的), a
/// conjunction word or punctuation it is natural; between other words
/// possible; inside a word or a figure never.
fn break_cost(title: &str, at: usize, words: &[std::ops::Range<usize>]) -> Option<f64> {
    if !words.iter().any(|w| w.start == at) {
        return None;
    }
    let before = title[..at].chars().next_back()?;
    let after = title[at..].chars().next()?;
    // Closing punctuation never starts a line, opening never ends one.
    if "，。、；：？！）》”’".contains(after) || "（《“‘".contains(before) {
        return None;
    }
    if "，、；：）》”".contains(before) || before == '的' || "与和及暨并同".contains(after) || "（《“".contains(after)
    {
        Some(0.0)
    } else {
        Some(2.0)
    }
}

/// Breaks a title into lines of at most `per_line` characters, at word
/// boundaries, balanced (a trapezoid for two lines, a diamond or trapezoid
/// for three): among the breaks that fit, the one whose lines are closest in
/// length, a natural break (after 的, before 与) weighing as much as two
/// characters of imbalance. A title that fits stays one line.
pub fn break_title(title: &str, per_line: f64) -> Vec<String> {
    let title = title.trim();
    let total = width(title);
    if total <= per_line || title.contains('\n') {
        return vec![title.to_string()];
    }
    let words = word_starts(title);
    let lines = (total / per_line).ceil() as usize;
    let cuts: Vec<usize> = title.char_indices().map(|(i, _)| i).filter(|&i| i > 0).collect();
    let ideal = total / lines as f64;
    let line_cost = |from: usize, to: usize| -> Option<f64> {
        let w = width(&title[from..to]);
        (w <= per_line && w >= 2.0).then_some((w - ideal).abs())
    };
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut consider = |breaks: Vec<usize>| {
        let mut bounds = vec![0];
        bounds.extend(&breaks);
        bounds.push(title.len());
        let mut cost = 0.0;
        for w in bounds.windows(2) {
            match line_cost(w[0], w[1]) {
                Some(c) => cost += c,
                None => return,
            }
        }
        for b in &breaks {
            match break_cost(title, *b, &words) {
                Some(c) => cost += c,
                None => return,
            }
        }
        if best.as_ref().is_none_or(|(c, _)| cost < *c) {
            best = Some((cost, breaks));
        }
    };
    match lines {
        2 => cuts.iter().for_each(|&a| consider(vec![a])),
        3 => {
            for (i, &a) in cuts.iter().enumerate() {
                for &b in &cuts[i + 1..] {
                    consider(vec![a, b]);
                }
            }
        }
        // Longer titles than three lines: left to the word processor.
        _ => {}
    }
    match best {
        Some((_, breaks)) => {
            let mut bounds = vec![0];
            bounds.extend(breaks);
            bounds.push(title.len());
            bounds.windows(2).map(|w| title[w[0]..w[1]].to_string()).collect()
        }
        None => vec![title.to_string()],
    }
}

/// Where the words of a title start (byte offsets), figures kept whole.
fn word_starts(title: &str) -> Vec<std::ops::Range<usize>> {
    let figures: Vec<_> = crate::figures::extract(title).into_iter().map(|f| f.span).collect();
    let mut words = Vec::new();
    crate::checks::words::segmenter().words(title, 0..title.len(), &figures, &mut words);
    words.into_iter().map(|w| w.span).collect()
}

/// Where a line of the 落款 stands: set flush right with a right indent, or
/// flush left with a left indent (in characters, from the type area's edges).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    Right(f64),
    Left(f64),
}

/// The places of the issuing unit and the date of a 落款 without a seal
/// (GB/T 9704 7.3.5.2), in a type area `line` characters wide: the unit
/// 右空二字 and the date on the next line starting two characters right of
/// the unit's start; a date longer than that is 右空二字 and the unit starts
/// two characters left of it.
///
/// The line that decides is set flush right, the other flush left from the
/// decider's start, so that only the decider's width is estimated: a unit is
/// nearly always Chinese (its width exact), while the digits of a date are as
/// wide as the font makes them.
pub fn signature_places(unit: &str, date: &str, line: f64) -> (Place, Place) {
    let (wu, wd) = (width(unit), width(date));
    if unit.is_empty() || date.is_empty() {
        return (Place::Right(2.0), Place::Right(2.0));
    }
    if wd + 2.0 <= wu {
        // The unit decides: the date starts two characters right of its start.
        (Place::Right(2.0), Place::Left(line - 2.0 - wu + 2.0))
    } else {
        // The date decides: the unit starts two characters left of the date's start.
        (Place::Left((line - 2.0 - wd - 2.0).max(0.0)), Place::Right(2.0))
    }
}

/// Column widths (twips) for a table of `rows` in `total` twips: each
/// column gets at least the width of its longest figure or short cell (so a
/// number never breaks inside a cell), the rest shared by how much text the
/// columns hold. `char_twips` is one character's width.
pub fn column_widths(rows: &[Vec<String>], total: usize, char_twips: usize) -> Vec<usize> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let pad = 2 * 108 + char_twips / 2;
    let mut need = vec![0usize; cols];
    let mut weight = vec![1.0f64; cols];
    let twips = |w: f64| (w * char_twips as f64).ceil() as usize + pad;
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            let w = safe_width(c);
            // A cell that fits on one line of a quarter of the table stays
            // whole; in any cell a figure does.
            let whole = w * char_twips as f64 <= total as f64 / 4.0;
            let keep = if whole { w } else { widest_unbreakable(c) };
            need[i] = need[i].max(twips(keep));
            weight[i] += width(c).min(60.0);
        }
    }
    let fixed: usize = need.iter().sum();
    if fixed >= total {
        // Too many wide columns: shared by need alone.
        return need.iter().map(|n| n * total / fixed.max(1)).collect();
    }
    let spare = (total - fixed) as f64;
    let wsum: f64 = weight.iter().sum();
    need.iter().zip(&weight).map(|(n, w)| n + (spare * w / wsum) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_break_by_meaning_into_a_balanced_shape() {
        let lines = break_title("以工会之力巩固拓展脱贫攻坚成果的实践与思考", 20.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l) >= 8.0), "no line left with a character or two: {lines:?}");
        assert_eq!(lines.concat(), "以工会之力巩固拓展脱贫攻坚成果的实践与思考");
        let lines = break_title("关于进一步完善困难职工帮扶机制推动全市工会消费扶贫工作高质量发展的调研报告", 20.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!((width(&lines[0]) - width(&lines[1])).abs() <= 6.0, "{lines:?}");
        assert_eq!(break_title("关于消费扶贫的调研", 20.0), ["关于消费扶贫的调研"]);
    }

    #[test]
    fn a_signature_is_two_characters_in_from_the_right() {
        // The unit is longer than the date: unit 右空二字, the date starts two right of the unit.
        let unit = "中共青川市委党校课题组";
        let (u, d) = signature_places(unit, "2024年3月15日", 28.0);
        assert_eq!(u, Place::Right(2.0));
        assert_eq!(
            d,
            Place::Left(28.0 - 2.0 - width(unit) + 2.0),
            "the date's first character two right of the unit's"
        );
        // A short unit: the date 右空二字, the unit starts two characters left of it.
        let (u, d) = signature_places("市委", "2024年3月15日", 28.0);
        assert_eq!(d, Place::Right(2.0));
        assert_eq!(u, Place::Left(28.0 - 2.0 - width("2024年3月15日") - 2.0));
        // No date: the unit 右空二字.
        assert_eq!(signature_places(unit, "", 28.0).0, Place::Right(2.0));
    }

    #[test]
    fn columns_hold_their_figures_whole() {
        let rows = vec![
            vec!["章节".to_string(), "原文".into(), "数值".into()],
            vec!["一、基本情况的很长的章节标题文字".into(), "6000余万元".into(), "60000000".into()],
        ];
        let w = column_widths(&rows, 8800, 316);
        assert_eq!(w.len(), 3);
        assert!(
            w[1] >= (safe_width("6000余万元") * 316.0) as usize && w[2] >= (safe_width("60000000") * 316.0) as usize,
            "{w:?}"
        );
        assert!(w.iter().sum::<usize>() <= 8800);
        // A long cell keeps its figure range whole, though not the whole cell.
        let long = "二〇二一年至二〇二三年间，2021–2023年累计投入帮扶资金";
        assert_eq!(widest_unbreakable(long), safe_width("2021–2023"));
        let w = column_widths(&[vec![long.to_string(), "x".into()]], 8800, 316);
        assert!(w[0] >= (safe_width("2021–2023") * 316.0) as usize, "{w:?}");
    }
}
