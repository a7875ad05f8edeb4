//! Words of change over time: what a value is stated per (每人每年), the
//! stretches a yearly average runs over (五年来, “十三五”时期), and the words
//! that set out a plan's targets. Read by the growth and direction patterns of
//! `checks::claims::relations` and by BD107.

/// What a standard is stated per, standing between 由 or 从 and its value
/// (补助标准由每人每年240元提高到280元, 由人均600元提高到720元): the words are no
/// subject of their own, and the value still opens the change. Read by the
/// direction pattern (`relations::direction`).
pub const PER_BASIS_WORDS: &[&str] =
    &["每人每年", "每人每月", "每户每年", "每亩每年", "每人", "每户", "每亩", "每年", "人均", "户均", "亩均"];

/// Words between a plan's rate and its value that make the value the level the
/// rate leads to (地区生产总值增长7%，达到110亿元). Read by the target pattern
/// (`relations::target`).
pub const REACH_WORDS: &[&str] = &["达到", "达"];

/// Words of a rise that set a plan's rate (增长8%, 年均增长7%, 提高5%). Read by the
/// target pattern (`relations::target`); a plan's fall (能耗下降3%) rarely
/// states the level it leads to, and is left alone.
pub const TARGET_RISE_WORDS: &[&str] = &["年均增长", "增长", "年均提高", "提高", "年均递增", "递增"];

/// Five-year plans, each a stretch of five years (“十三五”时期, 十四五期间).
/// Read by the stretch reader of `relations::target`.
pub const PLAN_PERIODS: &[&str] = &["十一五", "十二五", "十三五", "十四五", "十五五"];

/// Words before a count of years that make it a stretch running to or from the
/// report (未来五年, 今后五年, 过去五年, 近三年, 这五年); after it, 来 does
/// the same (五年来). Read by the stretch reader of `relations::target`.
pub const STRETCH_OPENERS: &[&str] = &["未来", "今后", "过去", "近", "这"];
