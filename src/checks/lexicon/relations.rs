//! Words that tie figures into relations: changes and their direction, the
//! words that open or end a list of parts, and the cuts along which parts
//! overlap. Read by `checks::claims::relations` and its patterns.

/// Words of a rise between two values (由A增加到B). Read by the direction
/// pattern (`relations::direction`).
pub const RISE_WORDS: &[&str] =
    &["增加", "增长", "提高", "提升", "上升", "扩大", "增至", "升至", "提至", "攀升", "跃升", "递增", "拓展", "延长"];

/// Words of a fall between two values (由A下降到B, 从A压减至B). Read by the
/// direction pattern (`relations::direction`).
pub const FALL_WORDS: &[&str] = &[
    "减少", "下降", "降低", "降至", "减至", "压减", "压缩", "缩小", "缩减", "回落", "缩短", "下调", "减到", "降到",
    "递减",
];

/// Measures that statistics report at comparable prices: their growth rates
/// may not be the arithmetic of the nominal values written beside them
/// (全县生产总值从56.1亿元增长到77.2亿元，累计增长44.44%). Read by BD107
/// (`rules::growth_contradicts_values`), which then only warns.
pub const COMPARABLE_PRICE_MEASURES: &[&str] = &["生产总值", "增加值", "GDP"];

/// Words that say a growth is at comparable prices (按可比价格计算): it is not the
/// arithmetic of the values beside it. Read by BD107, which then says nothing.
pub const COMPARABLE_PRICE_WORDS: &[&str] = &["可比价"];

/// Units of a stretch of time: a figure in one is a part of a list only as a
/// stretch of a longer one. Read by `relations::breakdown`.
pub const STRETCH_UNITS: &[&str] = &["年", "个月", "月", "天", "日", "周", "小时", "季度"];

/// Words right before a stretch that say which end of a longer one it is
/// (前三年, 后两年, 最后一年, 第二年). Read by `relations::breakdown`.
pub const STRETCH_ENDS: &[&str] = &["前", "后", "头", "最后", "第", "剩余", "其余"];
