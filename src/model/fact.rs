use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::figures::Qualifier;

/// A figure the editor has verified and wants the draft held to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactEntry {
    /// What is measured: 全市帮扶资金, 培训贫困劳动力.
    pub label: String,
    /// The value with 万/亿 folded in (78.645万元 is 786450).
    pub value: f64,
    /// The upper end, for a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// 元, 人, 户, %, …; empty for a bare count.
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub qualifier: Qualifier,
    /// Where the figure comes from: 市扶贫办统计, a document number.
    #[serde(default)]
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
}
