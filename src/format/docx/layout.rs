//! Where the official layout breaks and places text: a long title broken by
//! meaning into a balanced shape (GB/T 9704 7.3.3), the 落款 placed right of
//! centre (7.3.5.2), and table columns sized so that figures stay whole.

/// The width of text in characters of its size: CJK one, ASCII half.
pub fn width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
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

/// Right indents (in characters) of the issuing unit and the date of a 落款
/// without a seal: the unit 右空二字, the date on the next line starting two
/// characters right of the unit; a date longer than that makes the date 右空二字
/// and moves the unit left.
pub fn signature_indents(unit: &str, date: &str) -> (f64, f64) {
    let (wu, wd) = (width(unit), width(date));
    if unit.is_empty() {
        return (2.0, 2.0);
    }
    let rd = (wu - wd).max(2.0);
    let ru = rd - wu + wd + 2.0;
    (ru, rd)
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
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            let w = width(c);
            // A cell that fits on one line of a quarter of the table stays whole.
            let whole = w * char_twips as f64 <= total as f64 / 4.0;
            if whole {
                need[i] = need[i].max((w * char_twips as f64).ceil() as usize + pad);
            }
            weight[i] += w.min(60.0);
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
        // The unit is longer than the date: unit 右空二字, date starts two right of the unit.
        let (ru, rd) = signature_indents("中共青川市委党校课题组", "2024年3月15日");
        assert_eq!(ru, 2.0);
        let (wu, wd) = (width("中共青川市委党校课题组"), width("2024年3月15日"));
        assert_eq!((wu + ru) - (wd + rd), 2.0, "the date's first character two right of the unit's");
        // A short unit: the date 右空二字.
        let (ru, rd) = signature_indents("市委", "2024年3月15日");
        assert_eq!(rd, 2.0);
        assert!(ru > 2.0);
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
            w[1] >= (width("6000余万元") * 316.0) as usize && w[2] >= (width("60000000") * 316.0) as usize,
            "{w:?}"
        );
        assert!(w.iter().sum::<usize>() <= 8800);
    }
}
