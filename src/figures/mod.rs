//! The figure engine: finds and normalises every figure in Chinese prose.
//!
//! [`extract`] makes one left-to-right pass over the text. Wherever a number
//! can start (a digit, a Chinese numeral, 第, 半), it reads the number, then
//! what stands around it: approximation markers (约, 余, 以上), the unit,
//! a range's other end, a date's month and day. Spaces and single hard line
//! breaks that PDF extraction leaves inside a figure are stepped over, so
//! `6000余万\n元` is one figure, and so are digits a PDF spaced apart
//! (`3 .4 6 万户`). Values fold in 万 and 亿 and are computed as exact
//! decimals. A numeral damaged in typing or extraction (2O23年, 二0二一年,
//! 201920年) is read as meant where that is certain, and marked with its
//! [`Damage`].

mod chinese;
mod damage;
mod date;
mod dec;
mod lexicon;
mod number;
mod scan;
mod text;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use damage::Damage;
pub use date::DateParts;
pub use text::{WordSet, is_space};

/// How a figure is qualified: exact, or bounded by an approximation marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    /// 约, 大约, 左右, 上下.
    Approx,
    /// 余, 多, 超, 超过, 逾, 几, 数: the value is a lower bound.
    Over,
    /// 近, 接近, 将近.
    Nearly,
    /// 不到, 不足.
    Under,
    /// 不低于, 不少于, 至少, 以上.
    AtLeast,
    /// 不超过, 不高于, 最多, 以内, 以下.
    AtMost,
    /// Two ends: 2至4个月, 两三个.
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }
}

/// What sort of figure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Counts, money and measures.
    Quantity,
    /// %, ‰, ‱, 百分之, 成, and 个百分点 (unit 百分点).
    Percent,
    /// 三分之二, 2/3.
    Fraction,
    /// Years, months, full dates, periods (年底, 上半年).
    Date,
    /// 第三, 第十四师, 十九届.
    Ordinal,
    /// Phone, licence and ICP numbers, codes, numbers in e-mail addresses or URLs.
    Identifier,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Percent => "percent",
            Kind::Fraction => "fraction",
            Kind::Date => "date",
            Kind::Ordinal => "ordinal",
            Kind::Identifier => "identifier",
        }
    }

    /// The kind's name for a reader (exports and reports).
    pub fn name(self, lang: crate::lang::Lang) -> &'static str {
        use crate::lang::Lang;
        match (self, lang) {
            (Kind::Quantity, Lang::Zh) => "数量",
            (Kind::Percent, Lang::Zh) => "百分比",
            (Kind::Fraction, Lang::Zh) => "分数",
            (Kind::Date, Lang::Zh) => "日期",
            (Kind::Ordinal, Lang::Zh) => "序数",
            (Kind::Identifier, Lang::Zh) => "编号",
            (k, Lang::En) => k.as_str(),
        }
    }
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte range in the input, markers and unit included.
    pub span: Range<usize>,
    pub kind: Kind,
    /// The value with 万/亿 folded in; a range's low end; a percentage in points.
    pub value: f64,
    /// A range's high end.
    pub value_max: Option<f64>,
    /// 元 (or the currency as written), a measure word, %, ‰, ‱ or 百分点; empty before a noun.
    pub unit: &'static str,
    pub qualifier: Qualifier,
    /// The marker as written (约, 余, 至); markers on both sides are joined with `+`.
    pub marker: String,
    /// For dates: the parts and whether the date can exist. Boxed: most figures
    /// are no dates, and a long text holds tens of thousands of figures.
    pub date: Option<Box<DateParts>>,
    /// How the numeral was damaged in typing or extraction, when it was
    /// (2O23年, 二0二一年, `3 .4 6 万户`): read as meant, and marked.
    pub damage: Option<Damage>,
}

impl Figure {
    fn new(span: Range<usize>, kind: Kind, value: f64, unit: &'static str) -> Figure {
        Figure {
            span,
            kind,
            value,
            value_max: None,
            unit,
            qualifier: Qualifier::Exact,
            marker: String::new(),
            date: None,
            damage: None,
        }
    }

    /// Whether this is a date that cannot exist.
    pub fn is_invalid_date(&self) -> bool {
        self.date.as_ref().is_some_and(|d| !d.valid)
    }
}

/// Finds every figure in `text`, in order and without overlaps. Linear in the
/// length of the text; never panics.
pub fn extract(text: &str) -> Vec<Figure> {
    let mut figures = scan::extract(text);
    // A check keeps every section's figures to its end: no room left over from growing.
    figures.shrink_to_fit();
    figures
}

/// A value for people to read: at most 6 decimals, trailing zeros dropped, no float noise.
pub fn format_value(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}
