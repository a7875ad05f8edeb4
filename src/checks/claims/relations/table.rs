//! Tables: the relations a table states by how it is laid out.
//!
//! Chinese reports carry their key figures in tables, and a table says how
//! its figures relate without a word of prose: a 合计 row is the sum of the
//! rows it closes, a 合计 column the sum of the columns of its row, a 小计 the
//! sum of its group, a 其中 row a part of the row above it, a 占比（%） column
//! the shares of one whole, a 增长（%） column the change between two year
//! columns, a 发生率 column the quotient of two columns. Each way is one
//! pattern below, read from the grid of [`grid`] (header units such as
//! 资金（万元）, units in the cells, thousands separators, merged cells of
//! extracted text); the rules judge them: BD103 the sums and subsets, BD104
//! the shares, BD105 the rates, BD107 the growth.
//!
//! Precision first: a relation the layout states (合计, 小计, 其中, 增长 with two
//! years) is an error when it fails; one the checker infers (that a 占比
//! column without a 合计 row is shares of one whole, that a total in the text
//! is the table's) is a warning that says what it assumed. A 合计 that fits
//! another reading of the rows (a hierarchy of 一、 and 1., rows that are the
//! sums of the rows after them) is read that way, not flagged.

mod grid;
mod judge;
mod text;

use std::ops::Range;

use grid::{ColRole, Grid, RowRole};
pub use judge::MAX_RELATED;

use super::breakdown::overlap;
use crate::checks::claims::family;
use crate::checks::context::SectionView;
use crate::checks::finding::{CellAt, TableParts};
use crate::checks::lexicon::tables as words;

/// A figure in a table cell, where it stands, and its value in its column's unit.
#[derive(Debug, Clone)]
pub struct TableCell {
    /// Index of its section in the context.
    pub section: usize,
    /// The figure's bytes in the section's body.
    pub span: Range<usize>,
    pub at: CellAt,
    /// Its value in its column's unit (12600 under 资金（万元）), and the
    /// interval its rounding and markers allow.
    pub value: f64,
    pub lo: f64,
    pub hi: f64,
    /// The figure as written.
    pub text: String,
}

/// A total of a table and the cells it adds up.
#[derive(Debug, Clone)]
pub struct TableSum {
    pub total: TableCell,
    pub parts: Vec<TableCell>,
    pub of: TableParts,
    /// A whole row (全县): the rows may list only some of it, so they are held
    /// under it, not to it.
    pub open: bool,
    /// The unit written after values in messages: empty where the header names it.
    pub unit: String,
    /// The header's unit with its magnitude (亿元, 1e8), for a unit slip.
    pub header: Option<(String, f64)>,
}

/// A 其中 row or column and the row or column it is part of.
#[derive(Debug, Clone)]
pub struct TableSubset {
    pub part: TableCell,
    pub whole: TableCell,
    /// A 其中 row (under the row above), not a 其中 column.
    pub by_row: bool,
    pub unit: String,
}

/// The shares of one whole in a column (or along a row) of a table.
#[derive(Debug, Clone)]
pub struct TableShares {
    pub shares: Vec<TableCell>,
    /// The total the 合计 row states (100, or 1 for fractions).
    pub stated: Option<TableCell>,
    /// The row they run along, or the column they run down.
    pub row: Option<String>,
    pub column: Option<String>,
    /// Written as fractions of one (0.370), not percentages.
    pub fraction: bool,
    /// That they are the parts of one whole is read from the header alone.
    pub assumed: bool,
}

/// A growth in a table and the two values of its row it is between.
#[derive(Debug, Clone)]
pub struct TableGrowth {
    pub from: TableCell,
    pub to: TableCell,
    pub change: TableCell,
    /// In percentage points (增减（百分点））, not per cent.
    pub points: bool,
}

/// A rate in a table and the two figures its table works it out of.
#[derive(Debug, Clone)]
pub struct TableRate {
    pub rate: TableCell,
    pub part: TableCell,
    pub whole: TableCell,
    /// The rate as a fraction of one (0.370), not a percentage.
    pub fraction: bool,
    pub part_name: String,
    pub whole_name: String,
}

/// A total stated in the text right before a table, and what the table gives for it.
#[derive(Debug, Clone)]
pub struct TextTotal {
    pub section: usize,
    pub span: Range<usize>,
    /// As written (812人).
    pub text: String,
    /// In the column's unit, with its interval.
    pub value: f64,
    pub lo: f64,
    pub hi: f64,
    /// The table's 合计 cell of the column, where it has one.
    pub total: Option<TableCell>,
    /// Else the column's rows.
    pub parts: Vec<TableCell>,
    /// The rows name every part (分乡镇情况见下表, 全县4个乡镇 over four rows):
    /// they must make up the total, not only stay under it.
    pub complete: bool,
    pub column: String,
    pub unit: String,
    /// Matched to the column by its unit alone, not by its words.
    pub assumed: bool,
}

/// Every relation read from the tables of a brief.
#[derive(Debug, Default)]
pub struct Tables {
    pub sums: Vec<TableSum>,
    pub subsets: Vec<TableSubset>,
    pub shares: Vec<TableShares>,
    pub growth: Vec<TableGrowth>,
    pub rates: Vec<TableRate>,
    pub text_totals: Vec<TextTotal>,
}

/// Reads every table of every section.
pub fn find(sections: &[SectionView]) -> Tables {
    let mut t = Tables::default();
    for (si, s) in sections.iter().enumerate() {
        for g in grid::grids(si, s) {
            total_rows(&g, &mut t.sums);
            total_columns(&g, &mut t.sums);
            subsets(&g, &mut t.subsets);
            shares(&g, &mut t.shares);
            growth(&g, &mut t.growth);
            rates(&g, &mut t.rates);
            text::text_totals(s, &g, &mut t.text_totals);
        }
    }
    t
}

impl Grid<'_> {
    /// The cell at `row`, `col` as a relation holds it.
    fn table_cell(&self, row: usize, col: usize) -> Option<TableCell> {
        let c = self.cell(row, col)?;
        Some(TableCell {
            section: self.section,
            span: c.span.clone(),
            at: CellAt { row: self.rows[row].label.clone(), column: self.cols[col].name.clone() },
            value: c.value,
            lo: c.lo,
            hi: c.hi,
            text: self.body[c.span.clone()].to_string(),
        })
    }

    /// Whether the column adds up down its rows: amounts, totals, subsets.
    fn adds_up(&self, col: usize) -> bool {
        matches!(self.cols[col].role, ColRole::Value | ColRole::Total | ColRole::Subset(_))
    }

    /// The unit to write after a column's values: none where its header names one.
    fn shown_unit(&self, col: usize) -> String {
        match &self.cols[col].unit {
            Some(u) if !u.in_header => u.written.clone(),
            _ => String::new(),
        }
    }

    /// The header's unit and its magnitude, for a unit slip.
    fn header_unit(&self, col: usize) -> Option<(String, f64)> {
        self.cols[col].unit.as_ref().filter(|u| u.in_header).map(|u| (u.written.clone(), u.scale))
    }

    fn family(&self, col: usize) -> Option<&'static str> {
        self.cols[col].unit.as_ref().map(|u| family(u.base))
    }
}

/// Whether parts fit a total within their intervals; `open`: only stay under it.
pub(super) fn fits(total: (f64, f64), parts: impl Iterator<Item = (f64, f64)>, open: bool) -> bool {
    let (lo, hi) = parts.fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    let eps = 1e-9 * (1.0 + total.1.abs().max(hi.abs()));
    lo <= total.1 + eps && (open || hi >= total.0 - eps)
}

/// The readings of the rows a total adds up, most literal first. Reports lay
/// rows out flat (every row a part), in a hierarchy of heading numbers (一、
/// over 1.: only the top level adds up to the total), or with parent rows that
/// are the sums of the rows after them, numbered or not; and the rows after a
/// 其中 row may be more subsets of it (其中：种植业…, 养殖业…).
fn readings(g: &Grid, parts: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![parts.to_vec()];
    // By heading level: the top level alone.
    let levels: Vec<usize> = parts.iter().filter_map(|r| g.rows[*r].level).collect();
    if let (Some(top), Some(deep)) = (levels.iter().min(), levels.iter().max())
        && top < deep
    {
        out.push(parts.iter().copied().filter(|r| g.rows[*r].level == Some(*top)).collect());
    }
    // Without the rows that follow a 其中 row.
    let mut after_subset = false;
    let mut kept = Vec::new();
    let (first, last) = (parts.first().copied().unwrap_or(0), parts.last().copied().unwrap_or(0));
    for r in first..=last {
        match g.rows[r].role {
            RowRole::Subset => after_subset = true,
            RowRole::Part if !after_subset => kept.push(r),
            RowRole::Part => {}
            _ => after_subset = false,
        }
    }
    if kept.len() < parts.len() && !kept.is_empty() {
        out.push(kept);
    }
    // Parent rows that are the sums of a run of rows right after them.
    if let Some(col) = (0..g.cols.len()).find(|c| g.adds_up(*c)) {
        let tops = parent_rows(g, parts, col);
        if tops.len() < parts.len() {
            out.push(tops);
        }
    }
    out
}

/// The rows of `parts` left when each row that is the exact sum of two or
/// more of the rows right after it stands for them (linear: prefix sums and
/// a map from each prefix to where it stands).
fn parent_rows(g: &Grid, parts: &[usize], col: usize) -> Vec<usize> {
    let key = |v: f64| (v * 1000.0).round() as i64;
    let values: Vec<Option<f64>> = parts.iter().map(|r| g.cell(*r, col).map(|c| c.value)).collect();
    let mut prefix = Vec::with_capacity(parts.len() + 1);
    prefix.push(0.0);
    for v in &values {
        prefix.push(prefix.last().copied().unwrap_or(0.0) + v.unwrap_or(0.0));
    }
    let mut at: rustc_hash::FxHashMap<i64, usize> = Default::default();
    for (i, p) in prefix.iter().enumerate() {
        at.insert(key(*p), i);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        out.push(parts[i]);
        let end = values[i].filter(|v| *v > 0.0).and_then(|v| at.get(&key(prefix[i + 1] + v)).copied());
        match end {
            Some(e) if e >= i + 3 => i = e,
            _ => i += 1,
        }
    }
    out
}

/// **合计 and 小计 rows.** A 合计 (总计, 共计) row is the sum of the rows it
/// closes: the rows above it since the last total, or the rows below it when
/// it comes first under the header (合计⇥191⇥10.581 over the categories); a
/// 小计 row the sum of the rows since the last 小计, and a 合计 under 小计s
/// the sum of all the rows, not of the 小计s too; a 其中 row is never added;
/// a whole row (全县) only bounds its rows, which may be some of it. Per column
/// that adds up (not shares, rates, averages).
///
/// - | 梅坳镇 | 236 | … | 云栈乡 | 187 | 合计 | 772 |: 236+174+155+187 = 752, not 772.
/// - 东片小计 21 over 12 and 9, 西片小计 19 over 8 and 9 (17), 合计 38.
///
/// Left alone: | 合计 | 38 | 752 | with a 其中：易地搬迁安置点 row of 14 and 318
/// under it; a 合计 that is the sum of the 一、 rows, not of the 1. rows under them.
fn total_rows(g: &Grid, out: &mut Vec<TableSum>) {
    let n = g.rows.len();
    let mut seg = 0;
    let mut group = 0;
    for r in 0..n {
        let role = g.rows[r].role;
        match role {
            RowRole::Subtotal => {
                let parts: Vec<usize> = (group..r).filter(|k| g.rows[*k].role == RowRole::Part).collect();
                sum_rows(g, r, &parts, TableParts::Group, false, out);
                group = r + 1;
            }
            RowRole::Total | RowRole::Whole => {
                let above: Vec<usize> = (seg..r).filter(|k| g.rows[*k].role == RowRole::Part).collect();
                let open = role == RowRole::Whole;
                if above.is_empty() {
                    // First under the header: the rows below, to the next total.
                    let end =
                        (r + 1..n).find(|k| matches!(g.rows[*k].role, RowRole::Total | RowRole::Whole)).unwrap_or(n);
                    let below: Vec<usize> = (r + 1..end).filter(|k| g.rows[*k].role == RowRole::Part).collect();
                    let all: Vec<usize> = (0..r).filter(|k| g.rows[*k].role == RowRole::Part).collect();
                    if !below.is_empty() {
                        sum_rows(g, r, &below, TableParts::RowsBelow, open, out);
                    } else if !all.is_empty() {
                        // 总计 under the 合计s of several blocks: all the rows.
                        sum_rows(g, r, &all, TableParts::RowsAbove, open, out);
                    }
                } else {
                    sum_rows(g, r, &above, TableParts::RowsAbove, open, out);
                    seg = r + 1;
                }
                group = r + 1;
            }
            _ => {}
        }
    }
}

/// The sums of row `total` over `parts`, per column that adds up, in the
/// reading of the rows that fits the most columns.
fn sum_rows(g: &Grid, total: usize, parts: &[usize], of: TableParts, open: bool, out: &mut Vec<TableSum>) {
    if parts.is_empty() {
        return;
    }
    let cols: Vec<usize> = (0..g.cols.len()).filter(|c| g.adds_up(*c) && g.cell(total, *c).is_some()).collect();
    let fitting = |rows: &[usize]| {
        cols.iter()
            .filter(|c| {
                let t = g.cell(total, **c).map(|x| (x.lo, x.hi)).unwrap_or_default();
                fits(t, rows.iter().filter_map(|r| g.cell(*r, **c)).map(|x| (x.lo, x.hi)), open)
            })
            .count()
    };
    let options = if of == TableParts::Group { vec![parts.to_vec()] } else { readings(g, parts) };
    let flat = fitting(&options[0]);
    // The literal reading, unless another fits more columns.
    let rows = options[1..]
        .iter()
        .map(|o| (fitting(o), o))
        .filter(|(f, _)| *f > flat)
        .max_by_key(|(f, _)| *f)
        .map_or(&options[0], |(_, o)| o);
    for &c in &cols {
        let Some(total) = g.table_cell(total, c) else { continue };
        let parts: Vec<TableCell> = rows.iter().filter_map(|r| g.table_cell(*r, c)).collect();
        if parts.is_empty() {
            continue;
        }
        out.push(TableSum { total, parts, of, open, unit: g.shown_unit(c), header: g.header_unit(c) });
    }
}

/// **A 合计 column.** A column headed 合计 (总计) is the sum of the other columns
/// of its row that are amounts of its unit (2022年（万元）, 2023年（万元）,
/// 合计（万元））; a 其中 column, a share, a rate or a growth is no part of it.
/// Where the 合计 column stands first (合计⇥交通⇥水利…) or last, the columns
/// on its other side are tried too; a 合计 column that no reading of its
/// columns fits in any row is not read.
///
/// - | 临澜区 | 380 | 450 | 840 |: 380+450 = 830, not 840.
///
/// Left alone: | 培训人数（人） | 其中：女性（人） | with no 合计 column.
fn total_columns(g: &Grid, out: &mut Vec<TableSum>) {
    for t in (0..g.cols.len()).filter(|c| g.cols[*c].role == ColRole::Total) {
        let fam = g.family(t);
        let same = |c: usize| c != t && g.cols[c].role == ColRole::Value && g.family(c) == fam;
        if (0..g.cols.len()).any(|c| c != t && g.cols[c].role == ColRole::Total && g.family(c) == fam) {
            continue;
        }
        let sets: [Vec<usize>; 3] = [
            (0..g.cols.len()).filter(|c| same(*c)).collect(),
            (t + 1..g.cols.len()).filter(|c| same(*c)).collect(),
            (0..t).filter(|c| same(*c)).collect(),
        ];
        let rows: Vec<usize> = (0..g.rows.len()).filter(|r| g.cell(*r, t).is_some()).collect();
        let fitting = |set: &[usize]| {
            rows.iter()
                .filter(|r| {
                    let x = g.cell(**r, t).map(|x| (x.lo, x.hi)).unwrap_or_default();
                    set.iter().any(|c| g.cell(**r, *c).is_some())
                        && fits(x, set.iter().filter_map(|c| g.cell(**r, *c)).map(|x| (x.lo, x.hi)), false)
                })
                .count()
        };
        let Some(set) = sets.iter().filter(|s| s.len() >= 2).max_by_key(|s| fitting(s)) else { continue };
        if fitting(set) == 0 && rows.len() >= 2 {
            continue;
        }
        for &r in &rows {
            let Some(total) = g.table_cell(r, t) else { continue };
            let parts: Vec<TableCell> = set.iter().filter_map(|c| g.table_cell(r, *c)).collect();
            if parts.is_empty() {
                continue;
            }
            out.push(TableSum {
                total,
                parts,
                of: TableParts::Columns,
                open: false,
                unit: g.shown_unit(t),
                header: g.header_unit(t),
            });
        }
    }
}

/// **其中 rows and columns.** A row whose label opens with 其中 is a part of
/// the row above it (of the 合计 row, when it stands under it), never another
/// part to add; a column headed 其中：… is a part of the amount column before
/// it of its unit. A part may not exceed what it is part of.
///
/// - | 合计 | 752 | over | 其中：脱贫劳动力 | 786 |: 786 > 752.
/// - | 梅坳镇 | 320 | 186 | under 培训人数（人） and 其中：女性（人）: 186 ≤ 320.
///
/// Left alone: 其中 rows that add up to more than their whole (其中：女性,
/// 其中：脱贫户 overlap): each is held under it alone.
fn subsets(g: &Grid, out: &mut Vec<TableSubset>) {
    for (r, row) in g.rows.iter().enumerate() {
        let Some(p) = row.parent.filter(|_| row.role == RowRole::Subset) else { continue };
        for c in (0..g.cols.len()).filter(|c| g.adds_up(*c)) {
            if let (Some(part), Some(whole)) = (g.table_cell(r, c), g.table_cell(p, c)) {
                out.push(TableSubset { part, whole, by_row: true, unit: g.shown_unit(c) });
            }
        }
    }
    for c in 0..g.cols.len() {
        let ColRole::Subset(of) = g.cols[c].role else { continue };
        for r in 0..g.rows.len() {
            if let (Some(part), Some(whole)) = (g.table_cell(r, c), g.table_cell(r, of)) {
                out.push(TableSubset { part, whole, by_row: false, unit: g.shown_unit(c) });
            }
        }
    }
}

/// Whether a share column's header alone makes it the shares of the table's
/// whole: its share word alone (占比, 构成), or after 占/所 and the whole it
/// names (占总投资比例, 所占比重). 脱贫户占比 may be each row's own split
/// (脱贫户 of all households), and 县内就业占比 beside 县外就业占比 is.
fn shares_of_whole(g: &Grid, col: usize) -> bool {
    let stem = &g.cols[col].words;
    let Some((before, _)) = words::SHARE_HEADERS.iter().find_map(|w| stem.split_once(w)) else { return false };
    let before = before.trim_start_matches(['所', '的']);
    before.is_empty() || before.starts_with('占')
}

/// **Share columns.** A percentage column headed 占比, 比重 or 构成 holds the
/// shares of one whole: its rows (not the 合计, 小计 or 其中 rows) make 100, or
/// the 1 of a column of fractions (0.370 of 10.581亿元), within the rounding
/// of every share. A 合计 row that states 100 makes it certain; without one
/// the whole is assumed and the finding is a warning. Two or more share
/// columns whose rows each make 100 (县内就业占比, 县外就业占比) are each row's
/// split instead: a row that does not is flagged, the columns are not added.
///
/// - | 县内 | 41.5 | 省内县外 | 27.3 | 省外 | 33.2 |: 102.0%.
/// - | 桐溪镇 | 38.5 | 63.5 |, where the other towns make 100: 102.0%.
///
/// Left alone: 务工就业率（%） (a rate: each town's own), parts named on
/// dimensions that overlap (女性, 脱贫户), and shares that fall short of 100
/// with no 合计 row (a table may list the largest parts only).
fn shares(g: &Grid, out: &mut Vec<TableShares>) {
    let cols: Vec<usize> = (0..g.cols.len()).filter(|c| g.cols[*c].role == ColRole::Share).collect();
    let parts: Vec<usize> = (0..g.rows.len()).filter(|r| g.rows[*r].role == RowRole::Part).collect();
    let fraction = |c: usize| {
        !g.cols[c].unit.as_ref().is_some_and(|u| u.is_percent())
            && (0..g.rows.len()).all(|r| g.cell(r, c).is_none_or(|x| x.value <= 1.0))
    };
    // Along the rows: every share column of the row, each row its own whole.
    if cols.len() >= 2 {
        let rows: Vec<usize> = (0..g.rows.len()).filter(|r| cols.iter().all(|c| g.cell(*r, *c).is_some())).collect();
        let whole = |r: usize| {
            let scale = if fraction(cols[0]) { 100.0 } else { 1.0 };
            fits((100.0, 100.0), cols.iter().filter_map(|c| g.cell(r, *c)).map(|x| (x.lo * scale, x.hi * scale)), false)
        };
        let proving = rows.iter().filter(|r| whole(**r)).count();
        if proving >= 2 && proving * 3 >= rows.len() * 2 {
            for r in rows {
                out.push(TableShares {
                    shares: cols.iter().filter_map(|c| g.table_cell(r, *c)).collect(),
                    stated: None,
                    row: Some(g.rows[r].label.clone()),
                    column: None,
                    fraction: fraction(cols[0]),
                    assumed: false,
                });
            }
            return;
        }
    }
    let labels: Vec<&str> = parts.iter().map(|r| g.rows[*r].label.as_str()).collect();
    if overlap(&labels) {
        return;
    }
    for &c in &cols {
        // What the rows prove: each row's own split (脱贫户 ÷ 总户数) is no share
        // of the whole; each row over the 合计 row is.
        let proven = recipe(g, c);
        if proven.is_some_and(|(_, w, _)| w.is_some()) {
            continue;
        }
        let shares: Vec<TableCell> = parts.iter().filter_map(|r| g.table_cell(*r, c)).collect();
        let stated = (0..g.rows.len()).find(|r| g.rows[*r].role == RowRole::Total).and_then(|r| g.table_cell(r, c));
        let assumed = stated.is_none() && proven.is_none();
        if shares.len() < 2 || (assumed && !shares_of_whole(g, c)) {
            continue;
        }
        out.push(TableShares {
            shares,
            assumed,
            stated,
            row: None,
            column: Some(g.cols[c].name.clone()),
            fraction: fraction(c),
        });
    }
}

/// The year or time a value column names (2022年, 上年), as a rank to order two by.
fn when(g: &Grid, col: usize) -> Option<i32> {
    let w = &g.cols[col].words;
    g.cols[col]
        .year
        .or_else(|| words::EARLIER_HEADERS.iter().any(|x| w.contains(x)).then_some(0))
        .or_else(|| words::LATER_HEADERS.iter().any(|x| w.contains(x)).then_some(1))
}

/// **A growth column.** A column headed 增长, 增幅, 同比 or 增减 in per cent
/// (or in 百分点) is the change between the two amount columns of its unit
/// that name two times (2022年（万元） and 2023年（万元）, 上年 and 本年):
/// (later − earlier) ÷ earlier, or later − earlier in points.
///
/// - | 临澜区 | 350 | 420 | 25.0 |: 420 ÷ 350 is a rise of 20.0%.
///
/// Left alone: a growth column beside amounts that name no times (计划, 完成),
/// or beside percentages with a growth in per cent (a change of a rate said
/// in per cent may be relative or in points).
fn growth(g: &Grid, out: &mut Vec<TableGrowth>) {
    for c in (0..g.cols.len()).filter(|c| g.cols[*c].role == ColRole::Growth) {
        let points = g.cols[c].unit.as_ref().is_some_and(|u| u.base == "百分点");
        if !points && g.cols[c].unit.as_ref().is_none_or(|u| u.base != "%") {
            continue;
        }
        let timed: Vec<usize> = (0..c)
            .rev()
            .filter(|k| {
                matches!(g.cols[*k].role, ColRole::Value | ColRole::Total | ColRole::Other) && when(g, *k).is_some()
            })
            .take(2)
            .collect();
        let [b, a] = timed[..] else { continue };
        let (a, b) = if when(g, a) <= when(g, b) { (a, b) } else { (b, a) };
        if when(g, a) == when(g, b) || g.family(a) != g.family(b) {
            continue;
        }
        let percents = g.cols[a].unit.as_ref().is_some_and(|u| u.is_percent());
        if percents != points {
            continue;
        }
        for r in 0..g.rows.len() {
            if let (Some(from), Some(to), Some(change)) = (g.table_cell(r, a), g.table_cell(r, b), g.table_cell(r, c)) {
                out.push(TableGrowth { from, to, change, points });
            }
        }
    }
}

/// How a rate of a table is worked out: part and whole column (the whole
/// `None` where it is the 合计 row of the part's column), and the scale.
type Recipe = (usize, Option<usize>, f64);

/// **A rate column.** A column of rates or shares (贫困发生率, 占总投资比例) is
/// the quotient of two columns of its row (贫困人口 ÷ 总人口数), or of its row
/// and the 合计 row in one column (3.917 ÷ 10.581 = 0.370). The header does not
/// say which: the table does, when at least three of its rows and three in
/// four of them are worked out one way. Then a row that is not is a slip.
///
/// - | 长江村 | 1122 | 488 | 34.49 |, where every other village's rate is
///   poor ÷ population: 488 ÷ 1122 = 43.49%.
///
/// Left alone: a rate column no two columns explain (务工就业率 beside the
/// number of workers only), and a weighted 全县 rate.
fn rates(g: &Grid, out: &mut Vec<TableRate>) {
    let total_row = (0..g.rows.len()).find(|r| g.rows[*r].role == RowRole::Total);
    for c in (0..g.cols.len()).filter(|c| matches!(g.cols[*c].role, ColRole::Rate | ColRole::Share)) {
        let Some((p, w, scale)) = recipe(g, c) else { continue };
        for r in (0..g.rows.len()).filter(|r| g.cell(*r, c).is_some()) {
            let whole_row = if w.is_some() { Some(r) } else { total_row };
            let (Some(rate), Some(part), Some(whole)) =
                (g.table_cell(r, c), g.table_cell(r, p), whole_row.and_then(|wr| g.table_cell(wr, w.unwrap_or(p))))
            else {
                continue;
            };
            let whole_name = match w {
                Some(w) => g.cols[w].words.clone(),
                None => format!("{}{}", g.rows[whole_row.unwrap_or(r)].label, g.cols[p].words),
            };
            out.push(TableRate {
                rate,
                part,
                whole,
                fraction: scale == 1.0,
                part_name: g.cols[p].words.clone(),
                whole_name,
            });
        }
    }
}

/// How the rows of a rate column `c` are worked out, where at least three
/// rows and three in four of them agree on one way (linear in the rows, for
/// at most sixteen amount columns).
fn recipe(g: &Grid, c: usize) -> Option<Recipe> {
    let values: Vec<usize> = (0..g.cols.len()).filter(|c| g.adds_up(*c)).take(16).collect();
    let total_row = (0..g.rows.len()).find(|r| g.rows[*r].role == RowRole::Total);
    let rows: Vec<usize> = (0..g.rows.len()).filter(|r| g.cell(*r, c).is_some()).collect();
    let quotient = |r: usize, (p, w, scale): Recipe| -> Option<bool> {
        let rate = g.cell(r, c)?;
        let part = g.cell(r, p)?;
        let whole_row = match w {
            Some(_) => r,
            None => total_row?,
        };
        let whole = g.cell(whole_row, w.unwrap_or(p))?;
        if whole.lo <= 0.0 {
            return None;
        }
        let (lo, hi) = (part.lo / whole.hi * scale, part.hi / whole.lo * scale);
        Some(lo <= rate.hi + 1e-9 && rate.lo - 1e-9 <= hi)
    };
    let mut recipes: Vec<Recipe> = Vec::new();
    for &p in &values {
        for scale in [100.0, 1.0] {
            recipes.push((p, None, scale));
            recipes.extend(values.iter().filter(|w| **w != p).map(|w| (p, Some(*w), scale)));
        }
    }
    let score = |k: Recipe| {
        let (mut fit, mut all) = (0, 0);
        for &r in &rows {
            if let Some(f) = quotient(r, k) {
                all += 1;
                fit += usize::from(f);
            }
        }
        (fit, all)
    };
    let (best, (fit, all)) = recipes.iter().map(|k| (*k, score(*k))).max_by_key(|(_, (fit, _))| *fit)?;
    (fit >= 3 && fit >= 3 * (all - fit)).then_some(best)
}

#[cfg(test)]
mod tests;
