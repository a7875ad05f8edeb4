//! What a rule found, as data: the figures as written and the arithmetic.
//! The Chinese and English messages are rendered from it where a finding is
//! shown (the CLI, the window, the HTML report), in one place.

use chrono::NaiveDate;
use serde::Serialize;

use crate::figures::Damage;
use crate::lang::Lang;

/// A value for a message: 1500, 42000 as 4.2万, 85.5 (the one formatter, `model::value`).
pub fn show(v: f64) -> String {
    crate::model::value::show(v)
}

/// How a growth figure was meant, for its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Relative,
    Points,
    Times,
    ToTimes,
    Doublings,
    Absolute,
    AnnualAverage,
    /// 年均增长13.14亿元: the difference over the years.
    AnnualAmount,
}

/// A heading number's problem.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum Numbering {
    /// 1. directly under 一、 with no （一） between.
    MissingLevel {
        marker: String,
    },
    Repeated {
        number: u32,
    },
    Skipped {
        expected: u32,
        found: u32,
    },
}

/// Where a table cell stands, for a message: its row's label and its column's header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellAt {
    pub row: String,
    pub column: String,
}

impl CellAt {
    fn zh(&self) -> String {
        format!("“{}”行“{}”列", self.row, self.column)
    }

    fn en(&self) -> String {
        format!("row “{}”, column “{}”,", self.row, self.column)
    }
}

/// What a total of a table adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableParts {
    /// The rows above it (合计 at the foot of the table).
    RowsAbove,
    /// The rows below it (合计 right under the header).
    RowsBelow,
    /// The rows of its group (小计).
    Group,
    /// The other columns of its row (a 合计 column).
    Columns,
}

impl TableParts {
    fn zh(self) -> &'static str {
        match self {
            TableParts::RowsAbove => "上方各行之和",
            TableParts::RowsBelow => "下方各行之和",
            TableParts::Group => "本组各行之和",
            TableParts::Columns => "本行其他各列之和",
        }
    }

    fn en(self) -> &'static str {
        match self {
            TableParts::RowsAbove => "the rows above it",
            TableParts::RowsBelow => "the rows below it",
            TableParts::Group => "the rows of its group",
            TableParts::Columns => "the other columns of its row",
        }
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "finding")]
pub enum Finding {
    /// BD101: the same metric with another value elsewhere.
    SameMetric {
        metric: String,
        here: String,
        there: String,
        there_section: String,
        /// What the identity of the two rested on (none: the text proves it).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        assumed: Vec<super::identity::Assumption>,
    },
    /// BD102: a mention of a fact-sheet entry with another value.
    FactSheet { fact: usize, label: String, value: f64, unit: String, here: String },
    /// BD103: one part larger than its total.
    PartOverTotal { part: f64, total: f64, unit: String },
    /// BD103: parts that add up to more than their total.
    PartsOverTotal { sum: f64, total: f64, unit: String },
    /// BD103: a complete list of parts that adds up to less than its total.
    PartsUnderTotal { sum: f64, total: f64, unit: String },
    /// BD103: a count said of the items named beside it that is not their number
    /// (甲、乙、丙、丁等3个项目: four named).
    ListCount { named: usize, said: String },
    /// BD103: a count of things at a later step (投产, 首批) above the count of the
    /// same things at an earlier one; `stated`: the later count names them itself.
    LaterStepOver { later: (String, f64), earlier: (String, f64), unit: String, stated: bool },
    /// BD103: a count in the text that differs from the count its note opens with.
    NoteCount { said: String, mark: String, in_note: usize },
    /// BD104: a ratio that shares out one whole (三次产业结构) whose terms do not make 100.
    RatioNot100 { ratio: String, sum: f64 },
    /// BD103: a total of a table (a 合计 or 小计 row, a 合计 column) that is not
    /// the sum of its parts; `open`: a whole row (全县) that its rows exceed.
    TableTotal { cell: CellAt, stated: f64, sum: f64, unit: String, parts: TableParts, open: bool },
    /// BD103: a 其中 row or column larger than the row or column it is part of.
    TableSubsetOver { cell: CellAt, part: f64, whole: f64, of: CellAt, by_row: bool, unit: String },
    /// BD103: a total of a table and its parts that differ by a power of ten:
    /// the header's unit and the figures disagree.
    TableUnitSlip {
        cell: CellAt,
        stated: f64,
        sum: f64,
        parts: TableParts,
        factor: f64,
        header: String,
        likely: String,
    },
    /// BD103: a total stated in the text before a table that the table contradicts:
    /// its 合计 row (`total_row`) or its rows' sum.
    TableTextTotal { stated: String, table: f64, unit: String, column: String, total_row: bool, assumed: bool },
    /// BD104: shares in a table column (or along a row) that do not make 100%.
    TableShares { row: Option<String>, column: Option<String>, sum: f64, stated: Option<f64>, assumed: bool },
    /// BD105: a rate in a table that its row's figures contradict, where the
    /// table's other rows prove how it is worked out.
    TableRate {
        cell: CellAt,
        part: f64,
        whole: f64,
        part_name: String,
        whole_name: String,
        actual: f64,
        stated: String,
    },
    /// BD107: a growth in a table that its row's two values contradict.
    TableGrowth { cell: CellAt, from: f64, to: f64, actual: f64, stated: String, points: bool },
    /// BD104: shares of one whole over 100%.
    SharesOver { sum: f64 },
    /// BD104: shares short of the 100% written with them.
    SharesUnderStated { sum: f64 },
    /// BD104: the shares of every part the text names (分3个阶段…, 由4种类型构成),
    /// short of 100%.
    SharesUnderComplete { sum: f64, parts: usize },
    /// BD105: a rate that its part and whole contradict. `whole_assumed`: the
    /// whole was read from the sentence before (a warning that says so).
    Rate {
        part: f64,
        whole: f64,
        actual: f64,
        stated: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        whole_assumed: bool,
        /// The whole was read earlier in the text by this name (占总人口的).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        whole_named: Option<String>,
    },
    /// BD106: a monthly average that is not its year's figure ÷ 12.
    MonthlyAverage { year: f64, actual: f64, unit: String, stated: String },
    /// BD106: an average that its total and count contradict.
    Average { total: f64, count: f64, count_unit: String, actual: f64, unit: String, stated: String },
    /// BD107: a change that its two values contradict.
    Growth { from: f64, to: f64, unit: String, kind: ChangeKind, actual: f64, stated: String, down: bool },
    /// BD107: a change that its two values contradict, read with something its
    /// words do not say: the base from another section (`base_at`, its name),
    /// or the years of a yearly average from the stretch named around it
    /// (`years`). A warning that says what it took.
    GrowthAssumed {
        from: f64,
        to: f64,
        unit: String,
        kind: ChangeKind,
        actual: f64,
        stated: String,
        years: Option<u8>,
        base_at: Option<String>,
    },
    /// BD107: a change said to go one way between two values that go the other.
    Direction { from: String, to: String, word: String, down: bool },
    /// BD107: a change whose word goes one way (增长10%) between two values
    /// that go the other (由420户减少到378户); `fell` is the values' way.
    ChangeAgainstValues { from: String, to: String, word: String, stated: String, fell: bool },
    /// BD106: an average that its total and count allow only at the far end of
    /// their rounding (7.36亿元 ÷ 1.6万人 is 4.6万元; 4.8万元 needs 1.6万 to be
    /// 1.55万): `count` is the value the count must stand for.
    AverageAtEdge { total: f64, count: f64, count_unit: String, actual: f64, unit: String, stated: String, needed: f64 },
    /// BD106: a total that is not the count times what each got (42所学校各配备
    /// 一套价值18万元的设备，设备总价值820万元).
    EachTotal { each: String, count: String, product: f64, unit: String, stated: String },
    /// BD106: an average whose count is stated in another section, named there
    /// by the act the total is of (慰问…860户 in 内容提要; 慰问金258万元，户均3200元).
    AverageCountElsewhere {
        total: f64,
        count: f64,
        count_unit: String,
        actual: f64,
        unit: String,
        stated: String,
        section: String,
    },
    /// BD107: a percentage written where two rates differ by points.
    PointsAsPercent {
        points: f64,
        stated: String,
        /// The relative change the written rates give, where it fits the stated
        /// percentage only at the far end of their rounding (a warning).
        relative: Option<f64>,
    },
    /// BD107: 增长N倍 written where B is N times A.
    TimesAsTimesOver { from: f64, to: f64, ratio: f64, stated: String },
    /// BD108: a span of years and the number written with it.
    YearSpan { span: String, years: i64, stated: String },
    /// BD108: a stretch a review looks back over (五年来, 这五年) against the
    /// years a comparison in its paragraph runs from and to.
    ReviewSpan { stated: String, from: i32, to: i32 },
    /// BD108: 连续N年 against the years listed with it; `running` is whether they
    /// follow one another, `this_one` whether the list is of earlier times (继…之后).
    ConsecutiveYears { listed: String, stated: String, count: usize, running: bool, this_one: bool },
    /// BD108: a stretch since a starting year (自1993年…以来，28年如一日) against
    /// the text's own year.
    YearsSince { since: i32, to: i32, stated: String },
    /// BD108: the years given for a five-year plan (“十三五”期间（2016—2020年）)
    /// or a part of it (前三年) that are not the plan's.
    PlanYears { plan: String, part: String, years: String, stated: String },
    /// BD109: a date that cannot exist.
    NoSuchDate { date: String },
    /// BD109: a date written as one run of digits (2020421).
    CompactDate { date: String, fixed: String },
    /// BD109: a date that does not exist in the year and month the text before
    /// it gives it (2月29日 under a 2023年 named earlier), `read` in full.
    NoSuchDateInYear { date: String, read: String },
    /// BD109: a weekday that is not the date's; `assumed` is the year taken
    /// from the text before a date that names none.
    Weekday { date: String, actual: u32, written: u32, assumed: Option<i32> },
    /// BD109: a range of weekdays that is not the range of dates' (5月20日至24日（周二至周六）).
    WeekdayRange { from: String, to: String, actual: [u32; 2], written: [u32; 2], assumed: Option<i32> },
    /// BD109: days still to go, counted from the report's date, that the calendar contradicts.
    DaysLeft { stated: String, from: NaiveDate, to: NaiveDate, days: i64 },
    /// BD109: a 截至 date after the report date.
    AfterReport { date: String, report: NaiveDate },
    /// BD110: heading numbers out of sequence.
    Numbering(Numbering),
    /// BD111: a passage that stands twice.
    /// A run of `passages` paragraphs (or one sentence) standing twice or more;
    /// `last_section` names where the copied run ends when it runs past its first section.
    Duplicate {
        chars: usize,
        paragraph: bool,
        other_section: String,
        times: usize,
        passages: usize,
        last_section: String,
    },
    /// BD111: a passage that nearly repeats an earlier one: the same words
    /// with figures or marks written another way (`changes` empty), or a word
    /// or two changed (`changes`: each as written there and here).
    NearDuplicate { chars: usize, paragraph: bool, other_section: String, changes: Vec<(String, String)> },
    /// BD112: two approximation markers on one figure.
    StackedMarkers { figure: String, markers: Vec<String> },
    /// BD113: a figure in Chinese numerals among Arabic ones.
    ChineseNumerals { figure: String },
    /// BD113: full-width digits (one figure, or a whole paragraph of them).
    FullWidth { figure: String, fixed: String, count: usize, extent: Extent },
    /// BD113: a zero-padded month or day.
    PaddedDate { date: String, fixed: String },
    /// BD113: a two-digit year.
    TwoDigitYear { date: String },
    /// BD113: a decade without its century (80年代).
    DecadeWithoutCentury { decade: String },
    /// BD113: a range whose first end drops 万, 亿 or %.
    RangeDropsUnit { range: String, fixed: String },
    /// BD113: digits a PDF spaced apart (`3 .4 6 万户`), one figure or `count` in a section.
    SpacedDigits { figure: String, fixed: String, count: usize, extent: Extent },
    /// BD113: a numeral damaged in typing: a letter for a digit (2O23年), a
    /// zero among Chinese digits (二0二一年), a year with extra digits (201920年).
    DamagedNumeral { figure: String, damage: crate::figures::Damage, fixed: Option<String> },
    /// BD114: a figure that a source gives with another value.
    SourceMismatch {
        /// The source's file name.
        source: String,
        page: Option<usize>,
        line: usize,
        here: String,
        there: String,
        /// The source's sentence, quoted.
        sentence: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        assumed: Vec<super::identity::Assumption>,
    },
    /// BD114: a figure that none of the brief's sources gives (无来源).
    Unsourced { here: String },
}

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

fn weekday(n: u32) -> &'static str {
    WEEKDAYS[(n as usize).saturating_sub(1).min(6)]
}

fn pct(v: f64) -> String {
    format!("{}%", show(v))
}

/// A share or a growth the checker worked out, to two decimals (55.56%, not
/// 55.5556%): more would be precision the figures it came from do not have.
fn pct_worked(v: f64) -> String {
    pct(two_decimals(v))
}

/// A value the checker worked out, to two decimals (an average of 1872.62元).
fn two_decimals(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

impl Finding {
    /// The message, in the language asked for.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            // A Chinese unit follows its figure without a space (1.3亿元, 860户).
            Lang::En => crate::model::value::tidy_units(&self.en()),
        }
    }

    fn zh(&self) -> String {
        use Finding::*;
        match self {
            SameMetric { metric, here, there, there_section, assumed } => {
                // A text with no headings has no section to name: the other mention is earlier.
                let mut m = if there_section.is_empty() {
                    format!("“{metric}”此处为{here}，前文为{there}，前后不一致")
                } else {
                    format!("“{metric}”此处为{here}，在“{there_section}”中为{there}，前后不一致")
                };
                if !assumed.is_empty() {
                    let said: Vec<String> = assumed.iter().map(|a| a.message(Lang::Zh)).collect();
                    m.push_str(&format!("（{}）", said.join("；")));
                }
                m
            }
            FactSheet { label, value, unit, here, .. } => {
                format!("事实表中“{label}”为{}{unit}，此处写作{here}", show(*value))
            }
            PartOverTotal { part, total, unit } => format!("分项{}{unit}大于总数{}{unit}", show(*part), show(*total)),
            GrowthAssumed { from, to, unit, kind, actual, stated, years, base_at } => {
                let base =
                    base_at.as_ref().map(|s| format!("以“{s}”中的{}{unit}为基数，", show(*from))).unwrap_or_default();
                let span = years.map(|n| format!("按{n}年计，")).unwrap_or_default();
                let verb = if to < from { "下降" } else { "增长" };
                let change = match kind {
                    ChangeKind::AnnualAverage => format!("年均{verb}{}", pct_worked(*actual)),
                    ChangeKind::AnnualAmount => format!("年均{verb}{}{unit}", show(two_decimals(*actual))),
                    ChangeKind::Absolute => format!("相差{}{unit}", show(*actual)),
                    _ => format!("实际{verb}{}", pct_worked(*actual)),
                };
                format!("{base}{span}由{}{unit}到{}{unit}，{change}，与所写的{stated}不符", show(*from), show(*to))
            }
            Direction { from, to, word, down } => {
                let way = if *down { "比前者大，不是减少" } else { "比前者小，不是增加" };
                format!("由{from}“{word}”到{to}，但{to}{way}")
            }
            ChangeAgainstValues { from, to, word, stated, fell } => {
                let way = if *fell { "减少" } else { "增加" };
                format!("由{from}到{to}是{way}，与所写的“{word}{stated}”方向相反")
            }
            AverageAtEdge { total, count, count_unit, actual, unit, stated, needed } => format!(
                "{}{unit}÷{}{count_unit}={}{unit}，与所写的{stated}不符；只有{}{count_unit}实为{}{count_unit}左右时才相符",
                show(*total),
                show(*count),
                show(two_decimals(*actual)),
                show(*count),
                show(two_decimals(*needed))
            ),
            EachTotal { each, count, product, unit, stated } => {
                format!("{count}各{each}，合计应为{}{unit}，与所写的{stated}不符", show(*product))
            }
            AverageCountElsewhere { total, count, count_unit, actual, unit, stated, section } => format!(
                "按“{section}”中的{}{count_unit}计，{}{unit}÷{}{count_unit}={}{unit}，与所写的{stated}不符",
                show(*count),
                show(*total),
                show(*count),
                show(two_decimals(*actual))
            ),
            PartsOverTotal { sum, total, unit } => {
                format!("分项合计{}{unit}，超过总数{}{unit}", show(*sum), show(*total))
            }
            PartsUnderTotal { sum, total, unit } => {
                format!("分项合计{}{unit}，少于总数{}{unit}", show(*sum), show(*total))
            }
            ListCount { named, said } => format!("此处列出{named}项，却写作“{said}”"),
            NoteCount { said, mark, in_note } => format!("此处写作“{said}”，注释{mark}写作{in_note}"),
            LaterStepOver { later, earlier, unit, stated } => {
                let (l, e) = (show(later.1), show(earlier.1));
                if *stated {
                    format!("{e}{unit}{}中{}{l}{unit}，多于总数", earlier.0, later.0)
                } else {
                    format!(
                        "“{}”{l}{unit}多于“{}”{e}{unit}（按同一批对象理解，前者应包含在后者之中）",
                        later.0, earlier.0
                    )
                }
            }
            RatioNot100 { ratio, sum } => format!("比例{ratio}各项之和为{}，应为100", show(*sum)),
            TableTotal { cell, stated, sum, unit, parts, open } => {
                let (s, t) = (show(*stated), show(*sum));
                if *open {
                    format!("{}为{s}{unit}，而{}为{t}{unit}，已超过它", cell.zh(), parts.zh())
                } else {
                    format!("{}为{s}{unit}，而{}为{t}{unit}", cell.zh(), parts.zh())
                }
            }
            TableSubsetOver { cell, part, whole, of, by_row, unit } => {
                let of = if *by_row { format!("“{}”行", of.row) } else { format!("“{}”列", of.column) };
                format!("{}为{}{unit}，大于它所属的{of}（{}{unit}）", cell.zh(), show(*part), show(*whole))
            }
            TableUnitSlip { cell, stated, sum, parts, factor, header, likely } => format!(
                "{}为{}，而{}为{}，相差{}倍，不是同一单位：表头单位为“{header}”，数值大的一方疑以“{likely}”填写",
                cell.zh(),
                show(*stated),
                parts.zh(),
                show(*sum),
                show(*factor)
            ),
            TableTextTotal { stated, table, unit, column, total_row, assumed } => {
                let table = show(*table);
                let mut m = if *total_row {
                    format!("文中所写的{stated}与下表“合计”行“{column}”列的{table}{unit}不符")
                } else {
                    format!("文中所写的{stated}与下表“{column}”列各行之和{table}{unit}不符")
                };
                if *assumed {
                    m.push_str(&format!("（按文中总数即下表“{column}”列的合计理解）"));
                }
                m
            }
            TableShares { row, column, sum, stated, assumed } => {
                let line = match (row, column) {
                    (Some(r), _) => format!("“{r}”行各占比之和为{}", pct(*sum)),
                    (None, Some(c)) => format!("“{c}”列各行之和为{}", pct(*sum)),
                    (None, None) => format!("各占比之和为{}", pct(*sum)),
                };
                let mut m = match stated {
                    Some(t) => format!("{line}，与“合计”行所写的{}不符", pct(*t)),
                    None if *sum > 100.0 => format!("{line}，超过100%"),
                    None => format!("{line}，不足100%"),
                };
                if *assumed {
                    m.push_str("（按各项为同一整体的组成部分理解）");
                }
                m
            }
            TableRate { cell, part, whole, part_name, whole_name, actual, stated } => format!(
                "{}为{stated}，而{part_name}{}÷{whole_name}{}={}（本表其他各行均如此计算）",
                cell.zh(),
                show(*part),
                show(*whole),
                pct_worked(*actual)
            ),
            TableGrowth { cell, from, to, actual, stated, points } => {
                if *points {
                    format!(
                        "{}为{stated}，而由{}到{}相差{}个百分点",
                        cell.zh(),
                        show(*from),
                        show(*to),
                        show(two_decimals(*actual))
                    )
                } else {
                    let verb = if to < from { "下降" } else { "增长" };
                    format!(
                        "{}为{stated}，而由{}到{}实际{verb}{}",
                        cell.zh(),
                        show(*from),
                        show(*to),
                        pct_worked(actual.abs())
                    )
                }
            }
            SharesOver { sum } => format!("各部分占比合计{}，超过100%", pct(*sum)),
            SharesUnderStated { sum } => format!("各部分占比合计{}，不足所写的100%", pct(*sum)),
            SharesUnderComplete { sum, parts } => format!("文中所列{parts}个部分的占比合计{}，不足100%", pct(*sum)),
            Rate { part, whole, actual, stated, whole_assumed, whole_named } => {
                let m = format!("{}÷{}={}，与所写的{stated}不符", show(*part), show(*whole), pct_worked(*actual));
                match whole_named {
                    Some(name) => format!("{m}（“{name}”按前文所写的{}理解）", show(*whole)),
                    None if *whole_assumed => format!("{m}（总数按前一句中的{}理解）", show(*whole)),
                    None => m,
                }
            }
            MonthlyAverage { year, actual, unit, stated } => format!(
                "全年{}{unit}÷12={}{unit}，与所写的月平均{stated}不符",
                show(*year),
                show(two_decimals(*actual))
            ),
            Average { total, count, count_unit, actual, unit, stated } => {
                format!(
                    "{}{unit}÷{}{count_unit}={}{unit}，与所写的{stated}不符",
                    show(*total),
                    show(*count),
                    show(two_decimals(*actual))
                )
            }
            Growth { from, to, unit, kind, actual, stated, down } => {
                let verb = if *down { "下降" } else { "增长" };
                match kind {
                    ChangeKind::Relative => {
                        format!(
                            "由{}{unit}到{}{unit}，实际{verb}{}，与所写的{stated}不符",
                            show(*from),
                            show(*to),
                            pct_worked(*actual)
                        )
                    }
                    ChangeKind::AnnualAverage => {
                        format!(
                            "由{}{unit}到{}{unit}，年均{verb}{}，与所写的{stated}不符",
                            show(*from),
                            show(*to),
                            pct_worked(*actual)
                        )
                    }
                    ChangeKind::Points => {
                        format!("由{}到{}，相差{}个百分点，与所写的{stated}不符", pct(*from), pct(*to), show(*actual))
                    }
                    ChangeKind::Times | ChangeKind::ToTimes => {
                        format!(
                            "由{}{unit}到{}{unit}，为{}倍，与所写的{stated}不符",
                            show(*from),
                            show(*to),
                            show(*actual)
                        )
                    }
                    ChangeKind::Doublings => {
                        format!(
                            "由{}{unit}到{}{unit}，仅为{}倍，不足所写的{stated}",
                            show(*from),
                            show(*to),
                            show(*actual)
                        )
                    }
                    ChangeKind::Absolute => {
                        format!(
                            "由{}{unit}到{}{unit}，相差{}{unit}，与所写的{stated}不符",
                            show(*from),
                            show(*to),
                            show(*actual)
                        )
                    }
                    ChangeKind::AnnualAmount => {
                        format!(
                            "由{}{unit}到{}{unit}，年均{verb}{}{unit}，与所写的{stated}不符",
                            show(*from),
                            show(*to),
                            show(two_decimals(*actual))
                        )
                    }
                }
            }
            PointsAsPercent { points, stated, relative } => {
                let rel = relative.map(|r| format!("；按所写数值，相对增幅为{}", pct_worked(r))).unwrap_or_default();
                format!("两个比率相差{}个百分点，不宜写作“{stated}”{rel}", show(*points))
            }
            TimesAsTimesOver { from, to, ratio, stated } => format!(
                "{}是{}的{}倍，应写“增至{stated}”或“增长{}倍”",
                show(*to),
                show(*from),
                show(*ratio),
                show(ratio - 1.0)
            ),
            YearSpan { span, years, stated } => format!("{span}共{years}年（含首尾），与所写{stated}不符"),
            ReviewSpan { stated, from, to } => {
                format!("“{stated}”与比较的起止年份{from}年至{to}年（相隔{}年）不符", to - from)
            }
            ConsecutiveYears { listed, stated, count, running, this_one } => {
                if !running {
                    format!("所列年份{listed}并不相连，与“{stated}”不符")
                } else if *this_one {
                    format!("所列年份{listed}加上本次共{}年，与“{stated}”不符", count + 1)
                } else {
                    format!("所列年份{listed}共{count}年，与“{stated}”不符")
                }
            }
            YearsSince { since, to, stated } => {
                format!("从{since}年到报告的{to}年是{}年，与所写的“{stated}”不符", to - since)
            }
            PlanYears { plan, part, years, stated } => format!("“{plan}”{part}是{years}，与所写的{stated}不符"),
            NoSuchDate { date } => format!("日期“{date}”不存在"),
            CompactDate { date, fixed } => format!("日期“{date}”缺了“年”“月”，应为“{fixed}”"),
            NoSuchDateInYear { date, read } => format!("“{date}”按上文读作{read}，这一天不存在"),
            Weekday { date, actual, written, assumed } => {
                let year = assumed.map(|y| format!("按上文的{y}年计，")).unwrap_or_default();
                format!("{year}{date}是星期{}，不是星期{}", weekday(*actual), weekday(*written))
            }
            WeekdayRange { from, to, actual, written, assumed } => {
                let year = assumed.map(|y| format!("按上文的{y}年计，")).unwrap_or_default();
                format!(
                    "{year}{from}至{to}是星期{}至星期{}，不是星期{}至星期{}",
                    weekday(actual[0]),
                    weekday(actual[1]),
                    weekday(written[0]),
                    weekday(written[1])
                )
            }
            DaysLeft { stated, from, to, days } => format!(
                "从报告日期{}到{}还有{days}天，与所写的{stated}不符",
                from.format("%Y年%-m月%-d日"),
                to.format("%Y年%-m月%-d日")
            ),
            AfterReport { date, report } => format!("截至日期{date}晚于报告日期{}", report.format("%Y年%-m月%-d日")),
            Numbering(n) => match n {
                self::Numbering::MissingLevel { marker } => {
                    format!("序号“{marker}”的上一级序号缺失（层级应为一、→（一）→1.→（1））")
                }
                self::Numbering::Repeated { number } => format!("序号{number}与上一个同级序号重复"),
                self::Numbering::Skipped { expected, found } => format!("序号应为{expected}，写作{found}"),
            },
            Duplicate { chars, paragraph, other_section, times, passages, last_section } => {
                let many = format!("{passages}段");
                let (what, one) = match (*paragraph, *passages > 1) {
                    (true, false) => ("这一段".to_string(), "一段"),
                    (true, true) if last_section.is_empty() => (format!("这{many}"), many.as_str()),
                    (true, true) => (format!("从这里到“{last_section}”的{many}"), many.as_str()),
                    (false, _) => ("这句话".to_string(), "一句"),
                };
                let place = if other_section.is_empty() {
                    "前文".to_string()
                } else if *passages > 1 && *paragraph {
                    format!("从“{other_section}”起的{one}")
                } else {
                    format!("“{other_section}”中的{one}")
                };
                match (*times > 2, *paragraph) {
                    (true, _) => format!("{what}（{chars}字）在文中出现{times}次，首次在{place}"),
                    (false, true) => format!("{what}（{chars}字）与{place}重复，可能粘贴了两次"),
                    (false, false) => format!("{what}（{chars}字）与{place}重复"),
                }
            }
            NearDuplicate { chars, paragraph, other_section, changes } => {
                let (what, one) = if *paragraph { ("这一段", "一段") } else { ("这句话", "一句") };
                let place = if other_section.is_empty() {
                    "前文".to_string()
                } else {
                    format!("“{other_section}”中的{one}")
                };
                if changes.is_empty() {
                    format!("{what}（{chars}字）与{place}相同，只是数字或标点的写法不同，可能粘贴了两次")
                } else {
                    let list: Vec<String> = changes
                        .iter()
                        .map(|(from, to)| match (from.is_empty(), to.is_empty()) {
                            (true, _) => format!("多了“{to}”"),
                            (_, true) => format!("少了“{from}”"),
                            _ => format!("“{from}”改为“{to}”"),
                        })
                        .collect();
                    format!("{what}（{chars}字）与{place}几乎相同（只是{}），可能粘贴了两次", list.join("、"))
                }
            }
            StackedMarkers { figure, markers } => {
                format!("“{figure}”同时用了“{}”，约数词叠用或矛盾", markers.join("”和“"))
            }
            ChineseNumerals { figure } => format!("“{figure}”用汉字书写，与文中其他同类数字的阿拉伯数字写法不一致"),
            FullWidth { figure, fixed, count, extent } => {
                if *count > 1 {
                    let place = match extent {
                        Extent::Paragraph => "本段",
                        Extent::Section => "本节",
                        Extent::Document => "全文",
                    };
                    format!("{place}{count}处数字用了全角（如“{figure}”），应改为半角")
                } else {
                    format!("“{figure}”用了全角数字，应写作“{fixed}”")
                }
            }
            PaddedDate { date, fixed } => format!("日期“{date}”的月、日前不应补零，应写作“{fixed}”"),
            TwoDigitYear { date } => format!("“{date}”的年份只写了两位，应写全四位"),
            SourceMismatch { source, page, line, here, there, sentence, assumed } => {
                let at = crate::sources::Locator { page: *page, line: *line }.words(Lang::Zh);
                let mut m = format!("来源《{source}》{at}写作{there}，此处写作{here}：“{sentence}”");
                if !assumed.is_empty() {
                    let said: Vec<String> = assumed.iter().map(|a| a.message(Lang::Zh)).collect();
                    m.push_str(&format!("（{}）", said.join("；")));
                }
                m
            }
            Unsourced { here } => format!("无来源：所列来源中没有{here}这一数字"),
            DecadeWithoutCentury { decade } => {
                format!("“{decade}”未写明世纪，宜写作“20世纪{decade}”或“上世纪{decade}”")
            }
            RangeDropsUnit { range, fixed } => format!("范围“{range}”的前项省略了单位，应写作“{fixed}”"),
            SpacedDigits { figure, fixed, count, extent } => {
                if *count > 1 {
                    let place = if *extent == Extent::Document { "全文" } else { "本节" };
                    format!(
                        "{place}{count}处数字被空格断开（如“{figure}”，多见于从PDF复制的文字），已按连写读取，请删去空格"
                    )
                } else {
                    format!("“{figure}”的数字被空格断开（多见于从PDF复制的文字），已按“{fixed}”读取，请删去空格")
                }
            }
            DamagedNumeral { figure, damage, fixed } => {
                let fixed = fixed.as_deref().unwrap_or_default();
                match damage {
                    Damage::LetterForDigit => format!("“{figure}”中把字母当作了数字，应写作“{fixed}”"),
                    Damage::ZeroAmongChinese => {
                        format!("“{figure}”在汉字数字中夹用了阿拉伯数字0或字母O，应写作“{fixed}”")
                    }
                    Damage::RunOnYear => {
                        format!("“{figure}”不是有效的年份：年份应为四位数，可能多打了数字或两个年份连在了一起")
                    }
                    Damage::SpacedDigits => format!("“{figure}”的数字被空格断开，应写作“{fixed}”"),
                }
            }
        }
    }

    fn en(&self) -> String {
        use Finding::*;
        match self {
            SameMetric { metric, here, there, there_section, assumed } => {
                let mut m = if there_section.is_empty() {
                    format!("{metric} is {here} here but {there} earlier")
                } else {
                    format!("{metric} is {here} here but {there} in “{there_section}”")
                };
                if !assumed.is_empty() {
                    let said: Vec<String> = assumed.iter().map(|a| a.message(Lang::En)).collect();
                    m.push_str(&format!(" (assuming {})", said.join("; ")));
                }
                m
            }
            FactSheet { label, value, unit, here, .. } => {
                format!("the fact sheet gives {label} as {} {unit}; the text says {here}", show(*value))
            }
            PartOverTotal { part, total, unit } => {
                format!("the part {} {unit} is larger than the total {} {unit}", show(*part), show(*total))
            }
            GrowthAssumed { from, to, unit, kind, actual, stated, years, base_at } => {
                let base = base_at
                    .as_ref()
                    .map(|s| format!("taking the {} {unit} of “{s}” as the base, ", show(*from)))
                    .unwrap_or_default();
                let span = years.map(|n| format!("over {n} years, ")).unwrap_or_default();
                let verb = if to < from { "fall" } else { "rise" };
                let change = match kind {
                    ChangeKind::AnnualAverage => format!("an average yearly {verb} of {}", pct_worked(*actual)),
                    ChangeKind::AnnualAmount => {
                        format!("an average yearly {verb} of {} {unit}", show(two_decimals(*actual)))
                    }
                    ChangeKind::Absolute => format!("a difference of {} {unit}", show(*actual)),
                    _ => format!("a {verb} of {}", pct_worked(*actual)),
                };
                format!("{base}{span}from {} to {} {unit} is {change}, not {stated}", show(*from), show(*to))
            }
            Direction { from, to, word, down } => {
                let way = if *down { "higher, not a fall" } else { "lower, not a rise" };
                format!("from {from} “{word}” to {to}, but {to} is {way}")
            }
            ChangeAgainstValues { from, to, word, stated, fell } => {
                let way = if *fell { "fall" } else { "rise" };
                format!("from {from} to {to} is a {way}, but the text says “{word}{stated}”")
            }
            AverageAtEdge { total, count, count_unit, actual, unit, stated, needed } => format!(
                "{} {unit} ÷ {} {count_unit} = {} {unit}, not the stated {stated}; it fits only if {} {count_unit} stands for about {} {count_unit}",
                show(*total),
                show(*count),
                show(two_decimals(*actual)),
                show(*count),
                show(two_decimals(*needed))
            ),
            EachTotal { each, count, product, unit, stated } => {
                format!("{each} each for {count} makes {} {unit}, not the stated {stated}", show(*product))
            }
            AverageCountElsewhere { total, count, count_unit, actual, unit, stated, section } => format!(
                "taking the {} {count_unit} of “{section}” as the count, {} {unit} ÷ {} {count_unit} = {} {unit}, not the stated {stated}",
                show(*count),
                show(*total),
                show(*count),
                show(two_decimals(*actual))
            ),
            PartsOverTotal { sum, total, unit } => {
                format!("the parts add up to {} {unit}, more than the total {} {unit}", show(*sum), show(*total))
            }
            PartsUnderTotal { sum, total, unit } => {
                format!("the parts add up to {} {unit}, less than the total {} {unit}", show(*sum), show(*total))
            }
            ListCount { named, said } => format!("{named} items are named here, but the text says “{said}”"),
            NoteCount { said, mark, in_note } => format!("the text says “{said}” here, but note {mark} says {in_note}"),
            LaterStepOver { later, earlier, unit, stated } => {
                let (l, e) = (show(later.1), show(earlier.1));
                if *stated {
                    format!(
                        "{l}{unit} of the {e}{unit} {} are said to be {}: more than all of them",
                        earlier.0, later.0
                    )
                } else {
                    format!(
                        "{l}{unit} “{}” is more than {e}{unit} “{}” (taken as the same things, the first within the second)",
                        later.0, earlier.0
                    )
                }
            }
            RatioNot100 { ratio, sum } => {
                format!("the terms of the ratio {ratio} add up to {}, not 100", show(*sum))
            }
            TableTotal { cell, stated, sum, unit, parts, open } => {
                let (s, t) = (show(*stated), show(*sum));
                if *open {
                    format!("{} is {s}{unit}, less than {} add up to ({t}{unit})", cell.en(), parts.en())
                } else {
                    format!("{} is {s}{unit}, but {} add up to {t}{unit}", cell.en(), parts.en())
                }
            }
            TableSubsetOver { cell, part, whole, of, by_row, unit } => {
                let of = if *by_row {
                    format!("the row “{}”", of.row)
                } else {
                    format!("the column “{}”", of.column)
                };
                format!("{} is {}{unit}, more than {of} it is part of ({}{unit})", cell.en(), show(*part), show(*whole))
            }
            TableUnitSlip { cell, stated, sum, parts, factor, header, likely } => format!(
                "{} is {}, but {} add up to {}: a factor of {}, so they are not in one unit; the header says {header}, and the larger figures look like {likely}",
                cell.en(),
                show(*stated),
                parts.en(),
                show(*sum),
                show(*factor)
            ),
            TableTextTotal { stated, table, unit, column, total_row, assumed } => {
                let table = show(*table);
                let mut m = if *total_row {
                    format!("the text says {stated}, but the table's 合计 row gives {table}{unit} in column “{column}”")
                } else {
                    format!(
                        "the text says {stated}, but the rows of the table's column “{column}” add up to {table}{unit}"
                    )
                };
                if *assumed {
                    m.push_str(&format!(" (assuming the text's total is the total of column “{column}”)"));
                }
                m
            }
            TableShares { row, column, sum, stated, assumed } => {
                let line = match (row, column) {
                    (Some(r), _) => format!("the shares of row “{r}” add up to {}", pct(*sum)),
                    (None, Some(c)) => format!("the rows of column “{c}” add up to {}", pct(*sum)),
                    (None, None) => format!("the shares add up to {}", pct(*sum)),
                };
                let mut m = match stated {
                    Some(t) => format!("{line}, not the {} its 合计 row states", pct(*t)),
                    None if *sum > 100.0 => format!("{line}, more than 100%"),
                    None => format!("{line}, short of 100%"),
                };
                if *assumed {
                    m.push_str(" (assuming they are the parts of one whole)");
                }
                m
            }
            TableRate { cell, part, whole, part_name, whole_name, actual, stated } => format!(
                "{} is {stated}, but {part_name} ÷ {whole_name} = {} ÷ {} = {}, as the table's other rows work it out",
                cell.en(),
                show(*part),
                show(*whole),
                pct_worked(*actual)
            ),
            TableGrowth { cell, from, to, actual, stated, points } => {
                if *points {
                    format!(
                        "{} is {stated}, but from {} to {} is {} percentage points",
                        cell.en(),
                        show(*from),
                        show(*to),
                        show(two_decimals(*actual))
                    )
                } else {
                    let verb = if to < from { "fall" } else { "rise" };
                    format!(
                        "{} is {stated}, but from {} to {} is a {verb} of {}",
                        cell.en(),
                        show(*from),
                        show(*to),
                        pct_worked(actual.abs())
                    )
                }
            }
            SharesOver { sum } => format!("the shares add up to {}, more than 100%", pct(*sum)),
            SharesUnderStated { sum } => format!("the shares add up to {}, short of the stated 100%", pct(*sum)),
            SharesUnderComplete { sum, parts } => {
                format!("the shares of the {parts} parts the text names add up to {}, short of 100%", pct(*sum))
            }
            Rate { part, whole, actual, stated, whole_assumed, whole_named } => {
                let m =
                    format!("{} ÷ {} = {}, not the stated {stated}", show(*part), show(*whole), pct_worked(*actual));
                match whole_named {
                    Some(name) => format!("{m} (“{name}” read as the {} stated earlier)", show(*whole)),
                    None if *whole_assumed => {
                        format!("{m} (the whole read as the {} of the sentence before)", show(*whole))
                    }
                    None => m,
                }
            }
            MonthlyAverage { year, actual, unit, stated } => format!(
                "{} {unit} for the year ÷ 12 = {} {unit}, not the stated monthly {stated}",
                show(*year),
                show(two_decimals(*actual))
            ),
            Average { total, count, count_unit, actual, unit, stated } => format!(
                "{} {unit} ÷ {} {count_unit} = {} {unit}, not the stated {stated}",
                show(*total),
                show(*count),
                show(two_decimals(*actual))
            ),
            Growth { from, to, unit, kind, actual, stated, down } => {
                let verb = if *down { "fall" } else { "rise" };
                match kind {
                    ChangeKind::Relative => format!(
                        "from {} to {} {unit} is a {verb} of {}, not {stated}",
                        show(*from),
                        show(*to),
                        pct_worked(*actual)
                    ),
                    ChangeKind::AnnualAverage => format!(
                        "from {} to {} {unit} is an average yearly {verb} of {}, not {stated}",
                        show(*from),
                        show(*to),
                        pct_worked(*actual)
                    ),
                    ChangeKind::Points => format!(
                        "from {} to {} is {} percentage points, not {stated}",
                        pct(*from),
                        pct(*to),
                        show(*actual)
                    ),
                    ChangeKind::Times | ChangeKind::ToTimes => {
                        format!("from {} to {} {unit} is {} times, not {stated}", show(*from), show(*to), show(*actual))
                    }
                    ChangeKind::Doublings => format!(
                        "from {} to {} {unit} is only {} times, short of {stated}",
                        show(*from),
                        show(*to),
                        show(*actual)
                    ),
                    ChangeKind::Absolute => format!(
                        "from {} to {} {unit} is a difference of {} {unit}, not {stated}",
                        show(*from),
                        show(*to),
                        show(*actual)
                    ),
                    ChangeKind::AnnualAmount => format!(
                        "from {} to {} {unit} is an average yearly {verb} of {} {unit}, not {stated}",
                        show(*from),
                        show(*to),
                        show(two_decimals(*actual))
                    ),
                }
            }
            PointsAsPercent { points, stated, relative } => {
                let rel = relative
                    .map(|r| format!("; as written, the relative change is {}", pct_worked(r)))
                    .unwrap_or_default();
                format!(
                    "the two rates differ by {} percentage points; {stated} reads as a relative change{rel}",
                    show(*points)
                )
            }
            TimesAsTimesOver { from, to, ratio, stated } => format!(
                "{} is {} times {}: write 增至{stated}, or 增长{}倍",
                show(*to),
                show(*ratio),
                show(*from),
                show(ratio - 1.0)
            ),
            YearSpan { span, years, stated } => {
                format!("{span} covers {years} years (both ends included), not {stated}")
            }
            ReviewSpan { stated, from, to } => {
                format!("{stated} does not fit the comparison of {from} with {to}, {} years apart", to - from)
            }
            ConsecutiveYears { listed, stated, count, running, this_one } => {
                if !running {
                    format!("the years listed, {listed}, do not follow one another, as {stated} says they do")
                } else if *this_one {
                    format!("the years listed, {listed}, and this one make {} years, not {stated}", count + 1)
                } else {
                    format!("the years listed, {listed}, are {count} years, not {stated}")
                }
            }
            YearsSince { since, to, stated } => {
                format!("from {since} to the report's year {to} is {} years, not {stated}", to - since)
            }
            PlanYears { plan, part, years, stated } => {
                let part = if part.is_empty() { String::new() } else { format!(" ({part})") };
                format!("{plan}{part} is {years}, not {stated}")
            }
            NoSuchDate { date } => format!("the date {date} does not exist"),
            CompactDate { date, fixed } => format!("the date {date} lost its 年 and 月; write {fixed}"),
            NoSuchDateInYear { date, read } => {
                format!("{date}, read as {read} from the text before it, does not exist")
            }
            Weekday { date, actual, written, assumed } => {
                let year = assumed.map(|y| format!("read in {y} (the year named before it), ")).unwrap_or_default();
                format!("{year}{date} is a 星期{} (weekday {actual}), not 星期{}", weekday(*actual), weekday(*written))
            }
            WeekdayRange { from, to, actual, written, assumed } => {
                let year = assumed.map(|y| format!("read in {y} (the year named before it), ")).unwrap_or_default();
                format!(
                    "{year}{from} to {to} runs from 星期{} to 星期{}, not 星期{} to 星期{}",
                    weekday(actual[0]),
                    weekday(actual[1]),
                    weekday(written[0]),
                    weekday(written[1])
                )
            }
            DaysLeft { stated, from, to, days } => {
                format!("from the report's date {from} to {to} is {days} days, not the stated {stated}")
            }
            AfterReport { date, report } => format!("the 截至 date {date} is after the report date {report}"),
            Numbering(n) => match n {
                self::Numbering::MissingLevel { marker } => {
                    format!("the {marker} level comes without the level above it")
                }
                self::Numbering::Repeated { number } => {
                    format!("number {number} repeats the previous one at this level")
                }
                self::Numbering::Skipped { expected, found } => {
                    format!("expected number {expected} here, found {found}")
                }
            },
            Duplicate { chars, paragraph, other_section, times, passages, last_section } => {
                let what = match (*paragraph, *passages > 1) {
                    (true, false) => "paragraph".to_string(),
                    (true, true) if last_section.is_empty() => format!("run of {passages} paragraphs"),
                    (true, true) => format!("run of {passages} paragraphs, to “{last_section}”,"),
                    (false, _) => "sentence".to_string(),
                };
                let place = if other_section.is_empty() {
                    "earlier in the text".to_string()
                } else if *passages > 1 && *paragraph {
                    format!("starting in “{other_section}”")
                } else {
                    format!("in “{other_section}”")
                };
                if *times > 2 {
                    format!("this {what} ({chars} characters) stands {times} times, first {place}")
                } else {
                    format!("this {what} ({chars} characters) repeats text {place}; it may have been pasted twice")
                }
            }
            NearDuplicate { chars, paragraph, other_section, changes } => {
                let what = if *paragraph { "paragraph" } else { "sentence" };
                let place =
                    if other_section.is_empty() { "earlier".to_string() } else { format!("in “{other_section}”") };
                if changes.is_empty() {
                    format!(
                        "this {what} ({chars} characters) is the one {place} with only its figures or punctuation written differently; it may have been pasted twice"
                    )
                } else {
                    let list: Vec<String> = changes
                        .iter()
                        .map(|(from, to)| match (from.is_empty(), to.is_empty()) {
                            (true, _) => format!("{to} added"),
                            (_, true) => format!("{from} dropped"),
                            _ => format!("{from} changed to {to}"),
                        })
                        .collect();
                    format!(
                        "this {what} ({chars} characters) nearly repeats the one {place} (only {}); it may have been pasted twice",
                        list.join(", ")
                    )
                }
            }
            StackedMarkers { figure, markers } => format!("{figure} stacks the markers {}", markers.join(" and ")),
            ChineseNumerals { figure } => {
                format!("{figure} is in Chinese numerals while figures of its kind elsewhere are in Arabic numerals")
            }
            FullWidth { figure, fixed, count, extent } => {
                if *count > 1 {
                    let place = match extent {
                        Extent::Paragraph => "this paragraph",
                        Extent::Section => "this section",
                        Extent::Document => "the text",
                    };
                    format!("{count} figures in {place} use full-width digits (such as {figure}); write half-width")
                } else {
                    format!("{figure} uses full-width digits; write {fixed}")
                }
            }
            PaddedDate { fixed, .. } => format!("no leading zeros in months and days: write {fixed}"),
            TwoDigitYear { date } => format!("{date} writes the year with two digits; write all four"),
            SourceMismatch { source, page, line, here, there, sentence, assumed } => {
                let at = crate::sources::Locator { page: *page, line: *line }.words(Lang::En);
                let mut m = format!("the source {source} ({at}) gives {there}; the text says {here}: “{sentence}”");
                if !assumed.is_empty() {
                    let said: Vec<String> = assumed.iter().map(|a| a.message(Lang::En)).collect();
                    m.push_str(&format!(" ({})", said.join("; ")));
                }
                m
            }
            Unsourced { here } => format!("no source: none of the sources gives {here}"),
            DecadeWithoutCentury { decade } => {
                format!("{decade} does not name its century; write 20世纪{decade}")
            }
            RangeDropsUnit { range, fixed } => {
                format!("the range {range} drops the magnitude on its first end; write {fixed}")
            }
            SpacedDigits { figure, fixed, count, extent } => {
                if *count > 1 {
                    let place = if *extent == Extent::Document { "the text" } else { "this section" };
                    format!(
                        "{count} figures in {place} have their digits spaced apart (such as {figure}, as text copied from a PDF often has); they are read whole: remove the spaces"
                    )
                } else {
                    format!(
                        "the digits of {figure} are spaced apart (as text copied from a PDF often has); read as {fixed}: remove the spaces"
                    )
                }
            }
            DamagedNumeral { figure, damage, fixed } => {
                let fixed = fixed.as_deref().unwrap_or_default();
                match damage {
                    Damage::LetterForDigit => format!("{figure} has a letter where a digit belongs; write {fixed}"),
                    Damage::ZeroAmongChinese => {
                        format!("{figure} mixes an Arabic 0 or the letter O into Chinese digits; write {fixed}")
                    }
                    Damage::RunOnYear => format!(
                        "{figure} is no year: a year has four digits, so a digit was typed twice or two years ran together"
                    ),
                    Damage::SpacedDigits => format!("the digits of {figure} are spaced apart; write {fixed}"),
                }
            }
        }
    }
}

/// How far a finding about a form reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Extent {
    Paragraph,
    Section,
    Document,
}

/// What a related figure is to the finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    OtherMention,
    Part,
    Total,
    Whole,
    Share,
    Count,
    Start,
    End,
    /// The change between two values (比上年增加1637亿元).
    Change,
    /// The last paragraph of a copied run that crosses headings.
    LastCopied,
    Date,
    Years,
    FirstCopy,
}

impl Role {
    /// The role's name, in the language asked for.
    pub fn name(self, lang: Lang) -> &'static str {
        use Role::*;
        match (self, lang) {
            (OtherMention, Lang::Zh) => "另一处",
            (OtherMention, Lang::En) => "other mention",
            (Part, Lang::Zh) => "分项",
            (Part, Lang::En) => "part",
            (Total, Lang::Zh) => "总数",
            (Total, Lang::En) => "total",
            (Whole, Lang::Zh) => "整体",
            (Whole, Lang::En) => "whole",
            (Share, Lang::Zh) => "占比",
            (Share, Lang::En) => "share",
            (Count, Lang::Zh) => "数量",
            (Count, Lang::En) => "count",
            (Change, Lang::Zh) => "增减量",
            (Change, Lang::En) => "change",
            (LastCopied, Lang::Zh) => "重复段落的末段",
            (LastCopied, Lang::En) => "last repeated paragraph",
            (Start, Lang::Zh) => "起始值",
            (Start, Lang::En) => "start",
            (End, Lang::Zh) => "结束值",
            (End, Lang::En) => "end",
            (Date, Lang::Zh) => "日期",
            (Date, Lang::En) => "date",
            (Years, Lang::Zh) => "起止年份",
            (Years, Lang::En) => "years",
            (FirstCopy, Lang::Zh) => "首次出现",
            (FirstCopy, Lang::En) => "first copy",
        }
    }
}
