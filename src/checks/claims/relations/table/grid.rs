//! Reading the tables of a section body into grids.
//!
//! A table arrives in a body in one of two ways: as Markdown rows (`| a | b |`
//! under a `|---|` row), the way a Word or Markdown table is imported (see
//! [`crate::model::body`]), and as lines of cells separated by tabs, the way a
//! published text extracted to .txt keeps its tables. Either way the grid has
//! header rows (the rows before the first that holds an amount), then body
//! rows; each column a unit and a role read from its header (资金（万元）,
//! 占比（%）, 合计, 其中：女性（人））, each row a role read from its label (合计,
//! 东片小计, 其中：…, 全县).
//!
//! Text extraction drops the cells a merged cell covered, so a tab row may
//! hold fewer cells than the table has columns: its cells are placed at the
//! right or at the left, whichever puts its amounts under the columns of
//! amounts (the cells on the left are the merged ones, as a town's name over
//! its villages). A header cell wider than the rows (分年度投资计划（万元） over
//! the year column) is a stub: its unit is the whole table's.
//!
//! Reading is linear in the table's size.

use std::ops::Range;

use crate::checks::claims::family;
use crate::checks::context::{SectionView, interval, lines};
use crate::checks::lexicon::tables as words;
use crate::figures::{Kind, extract};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColRole {
    /// Names, years, serial numbers: never added.
    Label,
    /// Amounts that add up down the column (资金（万元）).
    Value,
    /// 合计: the sum of the other value columns of its row.
    Total,
    /// 其中：…: a subset of the value column it names (by index).
    Subset(usize),
    /// 占比（%）: shares of one whole.
    Share,
    /// 就业率（%）: a rate of each row's own, never added.
    Rate,
    /// 增长（%）: the change between two value columns.
    Growth,
    /// Averages, prices, other percentages: never added.
    Other,
}

/// What a body row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// One part among the rows.
    Part,
    /// 合计, 总计: the sum of the parts above it (or below, when it comes first).
    Total,
    /// 全县: the whole the rows divide; they may list only some of it.
    Whole,
    /// 小计: the sum of the parts since the previous subtotal.
    Subtotal,
    /// 其中：…: a subset of the row above it.
    Subset,
    /// A row with no amount (一、产业类): a heading of the rows after it.
    Group,
}

/// A unit read from a header (万元) or from the cells (320人).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// As written in the header (万元, %), or the cells' unit.
    pub written: String,
    /// The unit without its magnitude (元 of 万元).
    pub base: &'static str,
    /// The magnitude (1e4 for 万元).
    pub scale: f64,
    /// Read from a header (资金（万元）, a 户 under 当前贫困人口), not from cells.
    pub in_header: bool,
}

impl Unit {
    /// Whether the unit is a percentage (%, ‰) or points.
    pub fn is_percent(&self) -> bool {
        matches!(self.base, "%" | "‰" | "‱" | "百分点")
    }
}

/// A column: its header and what it holds.
#[derive(Debug, Clone)]
pub struct Col {
    /// The header as written, the header rows joined (当前贫困人口（户）).
    pub name: String,
    /// The header without its unit, spaces taken out (资金).
    pub words: String,
    pub unit: Option<Unit>,
    pub role: ColRole,
    /// The year the header names (2022年（万元）).
    pub year: Option<i32>,
}

/// A body row.
#[derive(Debug, Clone)]
pub struct Row {
    /// The label that names it in messages (the last text cell before its amounts).
    pub label: String,
    pub role: RowRole,
    /// Its heading level, where its label opens with a heading number (一、 1.).
    pub level: Option<usize>,
    /// For a subset row: the row it is part of.
    pub parent: Option<usize>,
}

/// A figure in a cell.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The figure's bytes in the body.
    pub span: Range<usize>,
    /// Its value in its column's unit, and the interval its rounding and markers allow.
    pub value: f64,
    pub lo: f64,
    pub hi: f64,
}

/// A table of a section as rows and columns.
#[derive(Debug)]
pub struct Grid<'a> {
    pub section: usize,
    pub body: &'a str,
    /// Where the text before the table ends: the start of its caption, if it
    /// has one (…统计表, 单位：万元), or of its first line.
    pub before: usize,
    pub cols: Vec<Col>,
    pub rows: Vec<Row>,
    /// The cells, row by row.
    cells: Vec<Option<Cell>>,
}

impl Grid<'_> {
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.get(row * self.cols.len() + col).and_then(Option::as_ref)
    }
}

/// A number read from a cell, before its column's unit is known.
#[derive(Debug, Clone)]
struct Num {
    /// The figure's bytes (the cell's, for a plain number).
    span: Range<usize>,
    value: f64,
    lo: f64,
    hi: f64,
    /// Its own unit (人 of 320人, 元 of 1.26亿元 with 亿 folded in), or none.
    unit: &'static str,
}

/// What a cell holds before the columns are known.
#[derive(Debug, Clone)]
enum Raw {
    Empty,
    Text(Range<usize>),
    Num(Num, Range<usize>),
}

impl Raw {
    fn is_num(&self) -> bool {
        matches!(self, Raw::Num(..))
    }
    fn is_text(&self) -> bool {
        matches!(self, Raw::Text(_))
    }
    fn range(&self) -> Option<Range<usize>> {
        match self {
            Raw::Empty => None,
            Raw::Text(r) | Raw::Num(_, r) => Some(r.clone()),
        }
    }
}

/// The most columns a table is read with; wider ones are read no further.
const MAX_COLS: usize = 64;

/// The tables of a section, read.
pub fn grids<'a>(si: usize, s: &SectionView<'a>) -> Vec<Grid<'a>> {
    let body = s.body;
    if !body.contains('|') && !body.contains('\t') {
        return Vec::new();
    }
    let all: Vec<(usize, &str)> = lines(body).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        if let Some((rows, header, end)) = bar_table(body, &all, i) {
            out.extend(read(si, s, &all, i, rows, Some(header)));
            i = end;
        } else if let Some((rows, end)) = tab_table(body, &all, i) {
            out.extend(read(si, s, &all, i, rows, None));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The byte range `a..b` of `body` without the spaces around it.
fn trimmed(body: &str, a: usize, b: usize) -> Range<usize> {
    let t = &body[a..b];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead == t.len() { a..a } else { a + lead..b - trail }
}

fn is_bar_line(line: &str) -> bool {
    let t = line.trim();
    t.len() > 1 && t.starts_with('|') && t.ends_with('|')
}

/// The cells of a `| a | b |` line, split at bars that are not escaped.
fn bar_cells(body: &str, at: usize, line: &str) -> Vec<Range<usize>> {
    let lead = line.len() - line.trim_start().len();
    let t = line.trim();
    let base = at + lead + 1;
    let inner = &t[1..t.len() - 1];
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        if c == '|' && !escaped {
            cells.push(trimmed(body, base + start, base + i));
            start = i + 1;
        }
        escaped = c == '\\';
    }
    cells.push(trimmed(body, base + start, base + inner.len()));
    cells
}

/// A Markdown table starting at line `i`: its rows' cells (the delimiter row
/// left out), how many header rows, and the line after it.
type Rows = Vec<Vec<Range<usize>>>;
fn bar_table(body: &str, all: &[(usize, &str)], i: usize) -> Option<(Rows, usize, usize)> {
    let run = all[i..].iter().take_while(|(_, l)| is_bar_line(l)).count();
    if run < 3 {
        return None;
    }
    let (at, delim) = all[i + 1];
    let cells = bar_cells(body, at, delim);
    let is_delim = cells.iter().all(|c| {
        let t = &body[c.clone()];
        !t.is_empty() && t.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
    });
    if !is_delim {
        return None;
    }
    let mut rows = vec![bar_cells(body, all[i].0, all[i].1)];
    rows.extend(all[i + 2..i + run].iter().map(|(at, l)| bar_cells(body, *at, l)));
    Some((rows, 1, i + run))
}

/// The cells of a line of tab-separated cells, trailing empty ones dropped.
fn tab_cells(body: &str, at: usize, line: &str) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, _) in line.match_indices('\t').chain([(line.len(), "")]) {
        cells.push(trimmed(body, at + start, at + i));
        start = i + 1;
    }
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

/// A table of tab-separated lines starting at line `i`: two or more lines of
/// two or more cells (blank lines between them skipped); and the line after it.
fn tab_table(body: &str, all: &[(usize, &str)], i: usize) -> Option<(Rows, usize)> {
    let row = |k: usize| -> Option<Vec<Range<usize>>> {
        let (at, l) = all[k];
        if !l.contains('\t') {
            return None;
        }
        let cells = tab_cells(body, at, l);
        (cells.iter().filter(|c| !c.is_empty()).count() >= 2).then_some(cells)
    };
    let mut rows = vec![row(i)?];
    let mut k = i + 1;
    let mut end = k;
    while k < all.len() {
        if all[k].1.trim().is_empty() {
            k += 1;
            continue;
        }
        match row(k) {
            Some(r) => {
                rows.push(r);
                k += 1;
                end = k;
            }
            None => break,
        }
    }
    (rows.len() >= 2).then_some((rows, end))
}

/// A cell that is a plain number (1,260, -5.2, 0.370, 27.32%, full-width
/// digits too): its value and half a unit of its last digit, and whether it
/// ends with %. Read here, not by the figure engine, which reads a unit across
/// a line break (23.14 at a row's end and 克炳村 opening the next is no 23.14克)
/// and takes a bare four-digit number for a year.
fn plain_number(text: &str) -> Option<(f64, f64, bool)> {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            '－' | '−' | '—' => '-',
            '％' => '%',
            c => c,
        })
        .collect();
    let (t, percent) = match ascii.strip_suffix('%') {
        Some(t) => (t.trim_end(), true),
        None => (ascii.as_str(), false),
    };
    let (negative, t) = match t.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let groups: Vec<&str> = int.split(',').collect();
    let grouped = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if int.is_empty()
        || !grouped
        || !int.bytes().all(|b| b.is_ascii_digit() || b == b',')
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (t.contains('.') && frac.is_empty())
    {
        return None;
    }
    let digits: String = int.chars().filter(char::is_ascii_digit).collect();
    let v: f64 = format!("{digits}.{frac}0").parse().ok()?;
    let half = if frac.is_empty() { 0.0 } else { 0.5 * 10f64.powi(-(frac.len() as i32)) };
    Some((if negative { -v } else { v }, half, percent))
}

/// Classifies a cell: a figure that is all the cell holds (a count, an amount,
/// a percentage: 1,260, 320人, 41.5%, -5.2), text, or nothing (—, /).
fn raw_cell(s: &SectionView, cell: Range<usize>) -> Raw {
    let text = &s.body[cell.clone()];
    if text.is_empty() || text.chars().all(|c| matches!(c, '-' | '—' | '－' | '/' | '／' | '…' | '*' | '　')) {
        return Raw::Empty;
    }
    if let Some((v, half, percent)) = plain_number(text) {
        let num =
            Num { span: cell.clone(), value: v, lo: v - half, hi: v + half, unit: if percent { "%" } else { "" } };
        return Raw::Num(num, cell);
    }
    let from = s.figures.partition_point(|f| f.span.start < cell.start);
    let inside: Vec<usize> =
        (from..s.figures.len()).take_while(|k| s.figures[*k].span.start < cell.end).take(2).collect();
    if let [k] = inside[..] {
        let f = &s.figures[k];
        let rest_ok = f.span.end <= cell.end
            && s.body[cell.start..f.span.start].trim().is_empty()
            && s.body[f.span.end..cell.end].trim().trim_matches(['%', '％']).is_empty();
        if rest_ok && matches!(f.kind, Kind::Quantity | Kind::Percent | Kind::Fraction) && f.value.is_finite() {
            let (lo, hi) = interval(f, s.text(f));
            let num = Num { span: f.span.clone(), value: f.value, lo, hi, unit: f.unit };
            return Raw::Num(num, cell);
        }
    }
    Raw::Text(cell)
}

/// Text without its spaces (合　计 is 合计).
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A unit as a header writes it (万元, %, 户, 万亩), or None.
fn parse_unit(text: &str) -> Option<Unit> {
    let t = squeeze(text);
    let t = words::UNIT_OPENERS.iter().find_map(|o| t.strip_prefix(o)).unwrap_or(&t).to_string();
    if t.is_empty() || t.contains(['/', '／']) || t.chars().count() > 5 {
        return None;
    }
    if t == "百分点" || t == "个百分点" {
        return Some(Unit { written: t, base: "百分点", scale: 1.0, in_header: true });
    }
    let probe = format!("1{t}");
    let figs = extract(&probe);
    let [f] = &figs[..] else { return None };
    if f.span != (0..probe.len()) || f.unit.is_empty() || !matches!(f.kind, Kind::Quantity | Kind::Percent) {
        return None;
    }
    Some(Unit { written: t, base: f.unit, scale: f.value, in_header: true })
}

/// A header cell's words and unit: 资金（万元） is 资金 in 万元; 占比% is 占比 in %;
/// a cell that is only a unit (户, under 当前贫困人口) is that unit.
fn header_unit(text: &str) -> (String, Option<Unit>, bool) {
    let t = squeeze(text);
    if let Some(u) = parse_unit(&t) {
        return (String::new(), Some(u), false);
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(a) = t.rfind(open)
            && let Some(len) = t[a..].find(close)
        {
            let inner = &t[a + open.len_utf8()..a + len];
            let rest = format!("{}{}", &t[..a], &t[a + len + close.len_utf8()..]);
            if inner.contains(['/', '／']) {
                return (rest, None, true);
            }
            if let Some(u) = parse_unit(inner) {
                return (rest, Some(u), false);
            }
        }
    }
    if let Some(stem) = t.strip_suffix(['%', '％']) {
        return (stem.to_string(), parse_unit("%"), false);
    }
    let per = t.contains(['/', '／']);
    (t, None, per)
}

/// The year a header names (2022年, 2022年（万元）).
fn header_year(words: &str) -> Option<i32> {
    let digits: String = words.chars().take_while(char::is_ascii_digit).collect();
    let rest = &words[digits.len()..];
    (digits.len() == 4 && (rest.is_empty() || rest.starts_with('年')))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn any_word(text: &str, list: &[&str]) -> bool {
    list.iter().any(|w| text.contains(w))
}

/// Whether a label names a total (合计, 全县合计, 总计).
pub fn is_total_label(label: &str) -> bool {
    let l = squeeze(label);
    words::TOTAL_LABELS.iter().any(|w| l == *w || l.ends_with(w))
}

/// Reads one table: its lines from `first`, cells per row; `header` rows
/// when the table says (Markdown), else found as the rows before the first amount.
fn read<'a>(
    si: usize,
    s: &SectionView<'a>,
    all: &[(usize, &str)],
    first: usize,
    lines_cells: Rows,
    header: Option<usize>,
) -> Option<Grid<'a>> {
    let raws: Vec<Vec<Raw>> =
        lines_cells.iter().map(|r| r.iter().take(MAX_COLS).map(|c| raw_cell(s, c.clone())).collect()).collect();
    let first_num = raws.iter().position(|r| r.iter().any(Raw::is_num))?;
    // The header: the rows the table declares (Markdown's first), then the rows
    // before the first amount that name two or more columns (a row of units
    // under a merged cell); a row of one name is a heading among the rows.
    let mut head_n = header.unwrap_or(0);
    while head_n < first_num && raws[head_n].iter().filter(|c| !matches!(c, Raw::Empty)).count() >= 2 {
        head_n += 1;
    }
    if head_n == 0 {
        return None;
    }
    let (heads, data) = raws.split_at(head_n);
    let width = data.iter().map(Vec::len).max()?;
    if width < 2 {
        return None;
    }
    // Which columns hold amounts, from the rows that fill every column (or,
    // where none does, from every row at the right).
    let full: Vec<&Vec<Raw>> = data.iter().filter(|r| r.len() == width).collect();
    let mut nums = vec![0i32; width];
    for r in data.iter().filter(|r| full.is_empty() || r.len() == width) {
        for (i, cell) in r.iter().enumerate() {
            let c = i + width - r.len();
            nums[c] += i32::from(cell.is_num()) - i32::from(cell.is_text());
        }
    }
    let tab = header.is_none();
    let placed: Vec<Vec<Raw>> = data.iter().map(|r| place(r, width, &nums, tab)).collect();

    // The header, each of its rows placed over the columns.
    let stub_unit = heads
        .iter()
        .filter(|h| h.len() > width)
        .flat_map(|h| h[..h.len() - width].iter())
        .filter_map(|c| c.range().and_then(|r| header_unit(&s.body[r]).1))
        .next();
    let mut names: Vec<Vec<String>> = vec![Vec::new(); width];
    let mut below: Option<usize> = None;
    for h in heads.iter().rev() {
        let h: &[Raw] = if h.len() > width { &h[h.len() - width..] } else { h };
        let texts: Vec<String> =
            h.iter().map(|c| c.range().map(|r| s.body[r].to_string()).unwrap_or_default()).collect();
        let spots = header_spots(texts.len(), width, below);
        for (t, cols) in texts.into_iter().zip(spots) {
            for c in cols {
                names[c].insert(0, t.clone());
            }
        }
        below = Some(h.len().min(width));
    }
    // The table's unit: a stub header cell's, or its caption's (单位：万元).
    let (caption, before) = caption_before(s.body, all, first);
    let unit = stub_unit.or_else(|| caption.and_then(stated_unit)).map(|mut u| {
        u.in_header = true;
        u
    });

    let mut cols: Vec<Col> =
        names.iter().enumerate().map(|(c, parts)| column(parts, nums[c] > 0, unit.as_ref())).collect();
    // Columns without a unit of their own take their cells' unit.
    for (c, col) in cols.iter_mut().enumerate() {
        if col.unit.is_none() && col.role != ColRole::Label {
            col.unit = placed.iter().find_map(|r| match &r[c] {
                Raw::Num(n, _) if !n.unit.is_empty() => {
                    let u = n.unit;
                    Some(Unit { written: u.to_string(), base: u, scale: 1.0, in_header: false })
                }
                _ => None,
            });
            if col.unit.as_ref().is_some_and(Unit::is_percent) && col.role == ColRole::Value {
                col.role = ColRole::Other;
            }
        }
    }
    resolve_subsets(&mut cols);

    let mut cells = Vec::with_capacity(placed.len() * width);
    let mut rows = Vec::with_capacity(placed.len());
    for r in &placed {
        for (c, raw) in r.iter().enumerate() {
            cells.push(match raw {
                Raw::Num(n, _) if cols[c].role != ColRole::Label => cell_value(n, cols[c].unit.as_ref()),
                _ => None,
            });
        }
        rows.push(row(s.body, r, &cols));
    }
    link_subsets(&mut rows);
    Some(Grid { section: si, body: s.body, before, cols, rows, cells })
}

/// Where each cell of a row of `n` cells goes among `width` columns: at the
/// left or at the right, whichever puts more of its amounts under columns of
/// amounts and its text under columns of text; at the right when both do
/// alike in a tab table (the merged cells are on the left), at the left in a
/// Markdown one (a short row lost its last cells).
fn place(r: &[Raw], width: usize, nums: &[i32], tab: bool) -> Vec<Raw> {
    let n = r.len().min(width);
    let score = |off: usize| -> i32 {
        r.iter()
            .take(n)
            .enumerate()
            .map(|(i, c)| match c {
                Raw::Num(..) => nums[off + i].signum(),
                Raw::Text(_) => -nums[off + i].signum(),
                Raw::Empty => 0,
            })
            .sum()
    };
    let right = width - n;
    let off = match score(0).cmp(&score(right)) {
        std::cmp::Ordering::Greater => 0,
        std::cmp::Ordering::Less => right,
        std::cmp::Ordering::Equal if tab => right,
        std::cmp::Ordering::Equal => 0,
    };
    let mut out = vec![Raw::Empty; width];
    for (i, c) in r.iter().take(n).enumerate() {
        out[off + i] = c.clone();
    }
    out
}

/// The columns each of `n` header cells stands over. The row under the
/// header's last row covers the last `below` columns; a row over it names
/// the columns left of that one by one, and the rest over those below it,
/// its first such cell spanning what is left over (当前贫困人口 over 户 and 人,
/// 贫困发生率 over %). A lone header row narrower than the table stands at
/// the right.
fn header_spots(n: usize, width: usize, below: Option<usize>) -> Vec<Range<usize>> {
    match below {
        Some(k) if k < width && n > width - k && n - (width - k) <= k => {
            let left = width - k;
            let over = n - left;
            let mut spots: Vec<Range<usize>> = (0..left).map(|c| c..c + 1).collect();
            let first_span = k - over + 1;
            spots.push(left..left + first_span);
            spots.extend((left + first_span..width).map(|c| c..c + 1));
            spots
        }
        _ => {
            let off = width.saturating_sub(n);
            (0..n.min(width)).map(|i| off + i..off + i + 1).collect()
        }
    }
}

/// The caption lines right before a table (…统计表, …基本情况, 单位：万元: at
/// most two short lines that end as a title does or state a unit), and
/// where the text before the table ends.
fn caption_before<'b>(body: &'b str, all: &[(usize, &'b str)], first: usize) -> (Option<&'b str>, usize) {
    let start = all[first].0;
    let mut before = start;
    for prev in (first.saturating_sub(2)..first).rev() {
        let t = all[prev].1.trim().trim_end_matches(['）', ')']);
        let title = t.chars().count() <= 40
            && (words::CAPTION_ENDINGS.iter().any(|w| t.ends_with(w))
                || words::UNIT_OPENERS.iter().any(|w| t.contains(w)));
        if !title || all[prev].1.contains('\t') || is_bar_line(all[prev].1) {
            break;
        }
        before = all[prev].0;
    }
    ((before < start).then(|| &body[before..start]), before)
}

/// The unit a caption states (单位：万元, （单位：亿元）).
fn stated_unit(caption: &str) -> Option<Unit> {
    let t = squeeze(caption);
    let at = words::UNIT_OPENERS.iter().find_map(|o| t.find(o).map(|i| i + o.len()))?;
    let rest: String = t[at..].chars().take_while(|c| !matches!(c, '）' | ')' | '，' | '；' | '。')).collect();
    parse_unit(&rest)
}

/// A column from its header rows' cells.
fn column(parts: &[String], numeric: bool, table_unit: Option<&Unit>) -> Col {
    let mut unit = None;
    let mut per = false;
    let mut stem = String::new();
    let mut name = String::new();
    for (i, p) in parts.iter().enumerate() {
        let (w, u, pr) = header_unit(p);
        per |= pr;
        if u.is_some() {
            unit = u;
        }
        // A merged header cell stands over each of its columns: named once.
        if !parts[..i].contains(p) {
            if w.is_empty() && !name.is_empty() {
                name = format!("{name}（{}）", squeeze(p));
            } else {
                name.push_str(p.trim());
            }
        }
        if !stem.contains(&w) {
            stem.push_str(&w);
        }
    }
    let year = header_year(&stem);
    let role = if !numeric || words::LABEL_HEADERS.iter().any(|w| stem == *w) {
        ColRole::Label
    } else if words::SUBSET_OPENERS.iter().any(|w| stem.starts_with(w)) {
        ColRole::Subset(usize::MAX)
    } else if any_word(&stem, words::GROWTH_HEADERS) {
        ColRole::Growth
    } else if any_word(&stem, words::RATE_HEADERS) {
        ColRole::Rate
    } else if unit.as_ref().is_some_and(Unit::is_percent) || (unit.is_none() && any_word(&stem, &["比例", "比重"]))
    {
        if any_word(&stem, words::SHARE_HEADERS) { ColRole::Share } else { ColRole::Other }
    } else if per || any_word(&stem, words::NOT_ADDED_HEADERS) {
        ColRole::Other
    } else if is_total_label(&stem) {
        ColRole::Total
    } else {
        ColRole::Value
    };
    if unit.is_none() && matches!(role, ColRole::Value | ColRole::Total | ColRole::Subset(_)) {
        unit = table_unit.cloned();
    }
    Col { name: if name.is_empty() { stem.clone() } else { name }, words: stem, unit, role, year }
}

/// A 其中 column is a subset of the nearest value column on its left of its unit.
fn resolve_subsets(cols: &mut [Col]) {
    for c in 0..cols.len() {
        if cols[c].role != ColRole::Subset(usize::MAX) {
            continue;
        }
        let fam = cols[c].unit.as_ref().map(|u| family(u.base));
        let of = (0..c).rev().find(|k| {
            matches!(cols[*k].role, ColRole::Value | ColRole::Total)
                && cols[*k].unit.as_ref().map(|u| family(u.base)) == fam
        });
        cols[c].role = match of {
            Some(k) => ColRole::Subset(k),
            None => ColRole::Other,
        };
    }
}

/// A cell's figure in its column's unit: a bare number is in the header's
/// unit; a figure with a unit of its own (1.26亿元, 320人) is converted to it;
/// one of another unit than its column's is left out.
fn cell_value(n: &Num, unit: Option<&Unit>) -> Option<Cell> {
    let scale = match unit {
        _ if n.unit.is_empty() => 1.0,
        Some(u) if family(u.base) == family(n.unit) => u.scale,
        Some(_) => return None,
        None => 1.0,
    };
    Some(Cell { span: n.span.clone(), value: n.value / scale, lo: n.lo / scale, hi: n.hi / scale })
}

/// A body row's label and role.
fn row(body: &str, r: &[Raw], cols: &[Col]) -> Row {
    let texts: Vec<&str> =
        r.iter().filter_map(|c| if let Raw::Text(t) = c { Some(&body[t.clone()]) } else { None }).collect();
    let first_num = r.iter().position(Raw::is_num).unwrap_or(r.len());
    let label = r[..first_num]
        .iter()
        .rev()
        .find_map(|c| if let Raw::Text(t) = c { Some(body[t.clone()].to_string()) } else { None })
        .or_else(|| texts.first().map(|t| t.to_string()))
        .unwrap_or_default();
    let has_amount = r.iter().enumerate().any(|(c, x)| x.is_num() && cols[c].role != ColRole::Label);
    let role = if !has_amount {
        RowRole::Group
    } else if texts.iter().any(|t| is_total_label(t)) {
        RowRole::Total
    } else if texts.iter().any(|t| words::SUBTOTAL_LABELS.iter().any(|w| t.contains(w))) {
        RowRole::Subtotal
    } else if texts.iter().any(|t| words::SUBSET_OPENERS.iter().any(|w| squeeze(t).starts_with(w))) {
        RowRole::Subset
    } else if texts.iter().any(|t| words::WHOLE_LABELS.contains(&squeeze(t).as_str())) {
        RowRole::Whole
    } else {
        RowRole::Part
    };
    let level = crate::model::heading_marker(label.trim()).map(|(l, _, _)| l);
    Row { label: squeeze(&label), role, level, parent: None }
}

/// A subset row is part of the nearest row above it that is no subset.
fn link_subsets(rows: &mut [Row]) {
    let mut last = None;
    for (r, row) in rows.iter_mut().enumerate() {
        match row.role {
            RowRole::Subset => row.parent = last,
            RowRole::Group => {}
            _ => last = Some(r),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{Context, Env};
    use crate::model::{Brief, Role};

    /// A grid as the tests read it: header cells, column roles, row labels and roles, values.
    type Read = (Vec<String>, Vec<ColRole>, Vec<(String, RowRole)>, Vec<Vec<Option<f64>>>);

    fn grids_of(body: &str) -> Vec<Read> {
        let mut b = Brief::default();
        let s = b.new_section(Role::Custom, "正文", body);
        b.sections.push(s);
        let cx = Context::new(&b, &Env::default());
        grids(0, &cx.sections[0])
            .iter()
            .map(|g| {
                let values = (0..g.rows.len())
                    .map(|r| (0..g.cols.len()).map(|c| g.cell(r, c).map(|x| x.value)).collect())
                    .collect();
                (
                    g.cols.iter().map(|c| c.name.clone()).collect(),
                    g.cols.iter().map(|c| c.role).collect(),
                    g.rows.iter().map(|r| (r.label.clone(), r.role)).collect(),
                    values,
                )
            })
            .collect()
    }

    #[test]
    fn a_markdown_table_with_units_in_its_header() {
        let t = grids_of(
            "各村情况如下。\n| 村 | 资金（万元） | 占比（%） | 其中：女性（人） |\n|---|---|---|---|\n| 东村 | 1,260 | 60.0 | 3 |\n| 西村 | 840 | 40.0 | 2 |\n| 合　计 | 2100 | 100.0 | 5 |",
        );
        assert_eq!(t.len(), 1);
        let (names, roles, rows, values) = &t[0];
        assert_eq!(names, &["村", "资金（万元）", "占比（%）", "其中：女性（人）"]);
        assert_eq!(roles, &[ColRole::Label, ColRole::Value, ColRole::Share, ColRole::Other]);
        assert_eq!(rows[2], ("合计".to_string(), RowRole::Total));
        assert_eq!(values[0][1], Some(1260.0));
    }

    #[test]
    fn tab_rows_short_of_cells_stand_under_their_columns() {
        // A town over its villages: the villages' rows lost the merged town cell.
        let body = "乡镇\t村\t人口（人）\t脱贫人口（人）\t发生率（%）\n\
                    南岭镇\t上坪村\t1200\t300\t25.00\n下坪村\t800\t100\t12.50\n\
                    小计\t2000\t400\t20.00";
        let t = grids_of(body);
        let (_, roles, rows, values) = &t[0];
        assert_eq!(roles, &[ColRole::Label, ColRole::Label, ColRole::Value, ColRole::Value, ColRole::Rate]);
        assert_eq!(rows[1].0, "下坪村");
        assert_eq!(values[1][2], Some(800.0));
        assert_eq!(rows[2].1, RowRole::Subtotal);
        assert_eq!(values[2][4], Some(20.0));
    }

    #[test]
    fn a_stub_header_cell_gives_the_table_its_unit() {
        let body = "投资计划（万元）\t年度\t合计\t道路\t供水\n2022年\t500\t300\t200\n2023年\t700\t400\t300";
        let t = grids_of(body);
        let (names, roles, _, values) = &t[0];
        assert_eq!(names, &["年度", "合计", "道路", "供水"]);
        assert_eq!(roles, &[ColRole::Label, ColRole::Total, ColRole::Value, ColRole::Value]);
        assert_eq!(values[1][1], Some(700.0));
    }

    #[test]
    fn a_unit_row_under_a_header_with_a_merged_cell() {
        let body = "乡镇\t村\t贫困人口\t发生率\n户\t人\t%\n东镇\t甲村\t20\t70\t8.50%\n乙村\t30\t90\t9.10%";
        let t = grids_of(body);
        let (names, roles, _, values) = &t[0];
        assert_eq!(names[2], "贫困人口（户）");
        assert_eq!(names[3], "贫困人口（人）");
        assert_eq!(roles[4], ColRole::Rate);
        assert_eq!(values[1][3], Some(90.0));
    }

    #[test]
    fn prose_with_a_stray_bar_or_tab_is_no_table() {
        assert!(grids_of("一、\t基本情况\n全县共有人口12万人。").is_empty());
        assert!(grids_of("| 只有一行 |\n全县共有人口12万人。").is_empty());
    }
}
