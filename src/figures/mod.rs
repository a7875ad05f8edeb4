//! The figure engine: finds and normalises every figure in Chinese prose.

use serde::{Deserialize, Serialize};

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
