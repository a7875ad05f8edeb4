//! **A total in the text right before a table.** A report states a total and
//! then breaks it down in a table (全县4个乡镇的帮扶车间共吸纳就业812人，分乡镇情况
//! 见下表; 共实施项目191项，总投资规模10.581亿元 over the table of projects by
//! type): the table's 合计 row must give the same total, and its rows may not
//! add up to more; when the text names every part (分乡镇, 4个乡镇 over four
//! rows), they must make it up. The total is a figure of the line right
//! before the table (or its caption) that a word of total leads (共, 共计,
//! 总投资); its column is the one amount column of its unit whose header shares
//! a word with it (吸纳就业 and 吸纳就业（人）); where only the unit matches and
//! the sentence sends the reader to the table (见下表), the match is assumed
//! and the finding a warning.
//!
//! - 共吸纳就业812人 over rows of 236, 174, 155, 187: 752.
//!
//! Left alone: a figure that leads no total (全县4个乡镇), a total in 亿元
//! over a table in 万元 that agrees (2.62亿元 and 26200), a total of another
//! unit than every column.

use super::grid::{ColRole, Grid, RowRole};
use super::{TableCell, TextTotal};
use crate::checks::claims::{family, is_count};
use crate::checks::context::{SectionView, interval};
use crate::checks::lexicon::tables as words;
use crate::figures::Kind;

/// Whether the words before a figure make it a total: a word of
/// [`words::TEXT_TOTAL_WORDS`] that is no part of a word that says none (公共).
fn leads_total(clause: &str) -> bool {
    let mut t = clause.to_string();
    for w in words::NOT_TOTAL_WORDS {
        t = t.replace(w, "　");
    }
    words::TEXT_TOTAL_WORDS.iter().any(|w| t.contains(w))
}

/// Whether two texts share a word of two characters.
fn share_a_word(a: &str, b: &str) -> bool {
    let b: Vec<char> = b.chars().filter(|c| crate::model::is_cjk(*c)).collect();
    b.windows(2).any(|w| a.contains(&w.iter().collect::<String>()))
}

/// Reads the totals of the line before the table.
pub(super) fn text_totals(s: &SectionView, g: &Grid, out: &mut Vec<TextTotal>) {
    let body = s.body;
    let head = body[..g.before].trim_end_matches(['\n', '\r']);
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let line = &body[line_start..head.len()];
    if line.trim().is_empty() || line.contains('\t') || line.trim_start().starts_with('|') {
        return;
    }
    let from = s.figures.partition_point(|f| f.span.start < line_start);
    let figures: Vec<usize> = (from..s.figures.len()).take_while(|k| s.figures[*k].span.end <= head.len()).collect();
    let pointer = words::TABLE_POINTERS.iter().any(|w| line.contains(w));
    let parts_rows: Vec<usize> = (0..g.rows.len()).filter(|r| g.rows[*r].role == RowRole::Part).collect();
    let label_words = g.cols.iter().find(|c| c.role == ColRole::Label).map(|c| c.words.as_str()).unwrap_or("");
    // The rows name every part: 分乡镇情况, or 全县4个乡镇 over four rows.
    let complete = words::BREAKDOWN_POINTERS.iter().any(|w| line.contains(w))
        || (!label_words.is_empty()
            && figures.iter().any(|k| {
                let f = &s.figures[*k];
                is_count(f.unit) && f.value == parts_rows.len() as f64 && body[f.span.end..].starts_with(label_words)
            }));
    for &k in &figures {
        let f = &s.figures[k];
        if f.kind != Kind::Quantity || f.unit.is_empty() {
            continue;
        }
        let before = &body[line_start..f.span.start];
        let clause_at = before
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '，' | '。' | '；' | '：' | ',' | ';' | ':' | '、'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let clause = &before[clause_at..];
        if !leads_total(clause) {
            continue;
        }
        let fam = family(f.unit);
        let candidates: Vec<usize> = (0..g.cols.len())
            .filter(|c| {
                matches!(g.cols[*c].role, ColRole::Value | ColRole::Total)
                    && g.cols[*c].unit.as_ref().is_some_and(|u| family(u.base) == fam)
            })
            .collect();
        let named: Vec<usize> =
            candidates.iter().copied().filter(|c| share_a_word(clause, &g.cols[*c].words)).collect();
        let (col, assumed) = match (&named[..], &candidates[..]) {
            ([c], _) => (*c, false),
            ([], [c]) if pointer => (*c, true),
            (many, _) if many.len() > 1 => {
                let totals: Vec<usize> = many.iter().copied().filter(|c| g.cols[*c].role == ColRole::Total).collect();
                match totals[..] {
                    [c] => (c, false),
                    _ => continue,
                }
            }
            _ => continue,
        };
        let Some(unit) = &g.cols[col].unit else { continue };
        let (lo, hi) = interval(f, s.text(f));
        let totals: Vec<usize> =
            (0..g.rows.len()).filter(|r| g.rows[*r].role == RowRole::Total && g.cell(*r, col).is_some()).collect();
        let total: Option<TableCell> = match totals[..] {
            [r] => g.table_cell(r, col),
            [] => None,
            _ => continue,
        };
        let parts: Vec<TableCell> = parts_rows.iter().filter_map(|r| g.table_cell(*r, col)).collect();
        if total.is_none() && parts.len() < 2 {
            continue;
        }
        out.push(TextTotal {
            section: g.section,
            span: f.span.clone(),
            text: s.text(f).to_string(),
            value: f.value / unit.scale,
            lo: lo / unit.scale,
            hi: hi / unit.scale,
            total,
            parts,
            complete,
            column: g.cols[col].name.clone(),
            unit: g.shown_unit(col),
            assumed,
        });
    }
}
