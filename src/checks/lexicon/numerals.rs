//! Words of numerals, dates and stretches of years (BD108, BD109, BD113), and
//! the words that tell a pasted passage from a parallel one (BD111).
//!
//! Data, not logic: each list says in one line who reads it. The figure
//! engine reads the lists of the first group while it reads numbers, so that
//! the characters it takes for digits are written down here, once.

// ---------------------------------------------------------------------------
// Numerals damaged in typing or extraction
// ---------------------------------------------------------------------------

/// Latin letters typed (or read by OCR) for the digit they look like, with
/// that digit: 2O23年, 38O万元, l2个. Read by the figure engine's repair pass
/// (`figures::damage`), which reads them as digits only inside a run of
/// digits that a unit or a date word closes; BD113 reports them.
pub const LETTERS_FOR_DIGITS: &[(char, char)] = &[('O', '0'), ('o', '0'), ('l', '1'), ('I', '1')];

/// Characters typed for 〇 among Chinese digits in a year (二0二一年, 二O二三年):
/// an Arabic zero, full-width or not, and the letter O. Read by the figure
/// engine (`figures::damage`), which reads such a year whole; BD113 reports it.
pub const ZEROS_AMONG_CHINESE: &[char] = &['0', '０', 'O', 'o', 'Ｏ'];

/// The most digits a year with extra digits can have (201920年, 20192020年):
/// from five up to this many, the first four a year, the run is a year that
/// cannot be right. Read by the figure engine (`figures::damage`).
pub const MAX_RUN_ON_YEAR_DIGITS: usize = 8;

/// Set phrases that hold a numeral after a character of their own, so that
/// the numeral is no figure: 三十年如一日 (years spent as if one day), where
/// 一日 is no date. Read by the figure engine's scanner at the numeral,
/// looking back at the lead.
pub const IDIOMS_WITH_A_LEAD: &[&str] = &["如一日"];

// ---------------------------------------------------------------------------
// Dates and weekdays
// ---------------------------------------------------------------------------

/// Words that name a weekday before its number (星期三, 礼拜天, 周三). Read by
/// the figure engine's date reader (`figures::date`), which takes a weekday
/// written after a date as that date's; BD109 checks it.
pub const WEEKDAY_WORDS: &[&str] = &["星期", "礼拜", "周"];

/// The day after a weekday word, 1 = Monday … 7 = Sunday (星期日 and 星期天 are
/// both Sunday). Read by the figure engine's date reader.
pub const WEEKDAY_DAYS: &[(char, u32)] =
    &[('一', 1), ('二', 2), ('三', 3), ('四', 4), ('五', 5), ('六', 6), ('日', 7), ('天', 7)];

/// Connectors between the two ends of a range of dates or of weekdays
/// (5月20日至24日（周一至周五）). Read by the figure engine's date reader and
/// by BD109, which carries the month of a range's first date to its last.
pub const DATE_RANGE_CONNECTORS: &[&str] = &["至", "到", "——", "—", "－", "-", "～", "~"];

/// Words that mark a date of the lunar calendar (农历正月十五, 阴历八月十五),
/// which neither the Gregorian month lengths nor its weekdays apply to. Read
/// by the figure engine's date reader, which marks such a date lunar.
pub const LUNAR_MARKERS: &[&str] = &["农历", "阴历", "夏历"];

/// The lunar months that can end in the next Gregorian year (冬月, 腊月): a
/// Gregorian date of January or February in brackets after one of them may
/// be in the year after the one written. Read by BD109, which leaves the
/// weekday of such a date unchecked.
pub const LATE_LUNAR_MONTHS: &[&str] = &["冬月", "腊月", "十一月", "十二月"];

/// Words before a number of days that make it days still to go (屈指156天,
/// 还有20天, 仅剩45天). Read by BD109, which counts them from the report's date.
pub const DAYS_LEFT_WORDS: &[&str] = &["屈指", "还有", "还剩", "仅剩", "只剩", "剩下", "仅有", "只有"];

/// Words for the end of the report's year, what days still to go run up to
/// when no date is named (年底, 岁末, 全年工作的圆满收官). Read by BD109.
pub const YEAR_END_WORDS: &[&str] = &["年底", "年末", "岁末", "年终", "收官"];

/// Words before a date that days still to go are counted up to (距离年底,
/// 距2021年国庆). Read by BD109.
pub const DAYS_UNTIL_WORDS: &[&str] = &["距离", "距", "离"];

// ---------------------------------------------------------------------------
// Stretches of years
// ---------------------------------------------------------------------------

/// Words before a number of years that make it the stretch a review looks
/// back over (这五年, 过去五年, 近五年, 经过七年努力). Read by BD108, which
/// compares it with the years a comparison in the same paragraph spans.
pub const REVIEW_SPAN_BEFORE: &[&str] = &["这", "这些", "过去", "过去的", "近", "最近", "经过"];

/// Words after a number of years that make it the stretch up to now (五年来,
/// 七年以来). Read by BD108, as [`REVIEW_SPAN_BEFORE`].
pub const REVIEW_SPAN_AFTER: &[&str] = &["来", "以来"];

/// Words before the first year of a comparison (由2010年的…, 从2017年的…).
/// Read by BD108.
pub const COMPARISON_FROM: &[&str] = &["由", "从"];

/// What the word before the second year of a comparison ends with (增加到
/// 2015年的…, 增至2022年): 到 or 至. Read by BD108.
pub const COMPARISON_TO: &[&str] = &["到", "至"];

/// Words between the two years of 2005年与2000年相比 (the later year first).
/// Read by BD108.
pub const COMPARED_WITH: &[&str] = &["与", "同", "和", "较", "比"];

/// Words that close a comparison of two years (…相比, …比较). Read by BD108.
pub const COMPARED_END: &[&str] = &["相比", "比较", "相较"];

/// The word before a number of years that says they ran without a break
/// (连续三年). Read by BD108, which counts the years listed with it.
pub const CONSECUTIVE_WORDS: &[&str] = &["连续"];

/// What may stand between the years of a list (2018年、2019年, 2019和2020年).
/// Read by BD108.
pub const YEAR_LIST_SEPARATORS: &[&str] = &["、", "和", "与", "及", "，", ","];

/// Words that may stand between a list of years and 连续 (2019、2020年均连续…).
/// Read by BD108.
pub const BEFORE_CONSECUTIVE: &[&str] = &["均", "都", "已", "先后", "，", ","];

/// The words that open and close a list of earlier times an event was held
/// (继2018年…、2019年…之后，连续三年…): the years listed and this one run on
/// without a break. Read by BD108.
pub const FOLLOWING_OPEN: &[&str] = &["继"];
/// The words that close that list. Read by BD108.
pub const FOLLOWING_CLOSE: &[&str] = &["之后", "以后"];

/// Words before a starting year (自1993年…以来, 从2013年起). Read by BD108,
/// which counts the years since it up to the text's own date.
pub const SINCE_OPEN: &[&str] = &["自从", "自", "从"];
/// Words after a starting year and its event that leave the stretch open up
/// to now. Read by BD108.
pub const SINCE_CLOSE: &[&str] = &["以来", "起", "开始"];
/// Words after a number of years that make it the stretch since that start
/// (28年如一日, 28年来). Read by BD108.
pub const SINCE_SPAN_AFTER: &[&str] = &["如一日", "来", "以来"];

/// Words after a five-year plan's short name (十三五) that make it the plan's
/// years (“十三五”期间, 十四五规划, “十三五”前三年). Read by BD108, which
/// knows each plan's years.
pub const PLAN_WORDS_AFTER: &[&str] = &["期间", "时期", "规划", "以来", "前", "后"];

// ---------------------------------------------------------------------------
// Passages pasted twice with a word changed
// ---------------------------------------------------------------------------

/// Groups of words a writer swaps for one another without changing the fact
/// a sentence states. Read by BD111, for which two passages that differ only
/// by such a swap are one passage pasted twice.
pub const SAME_MEANING: &[&[&str]] = &[
    // Conjunctions joining two parties or things.
    &["与", "和", "同", "及", "以及", "跟"],
    // The year of the report.
    &["今年", "全年", "本年", "当年", "年内", "本年度"],
    // Totals.
    &["共", "共计", "合计", "总计", "累计"],
    // The terms of poverty alleviation renamed in 2021 for the consolidation
    // of its results (扶贫车间 → 帮扶车间, 贫困户 → 脱贫户, 扶贫资金 → 衔接资金).
    &["扶贫", "帮扶", "衔接"],
    &["贫困", "脱贫"],
    // Reaching a figure.
    &["达到", "达", "为", "是"],
];

/// Words that a writer adds to or drops from a sentence without making it
/// state another fact: openers that tie it to the one before (同时，此外，),
/// and adverbs of degree or manner (进一步, 大力). Read by BD111, as
/// [`SAME_MEANING`]; any other one or two characters added or dropped are
/// taken as wording too, unless [`FACT_CHANGING`] holds one of them.
pub const ADDED_WITHOUT_A_NEW_FACT: &[&str] = &[
    "同时",
    "此外",
    "另外",
    "与此同时",
    "其中",
    "进一步",
    "全面",
    "积极",
    "大力",
    "不断",
    "持续",
    "切实",
    "深入",
    "有效",
];

/// Characters that, added, dropped or swapped, make a sentence state another
/// fact: a negation (不, 未), a level of place (县 总工会 and 市总工会 are two
/// subjects), a distributive (各, 每). Read by BD111, for which passages that
/// differ by one of them are no paste.
pub const FACT_CHANGING: &[char] =
    &['不', '未', '没', '无', '非', '否', '省', '市', '县', '区', '镇', '乡', '村', '州', '旗', '各', '每'];

/// What numbers a session or a plenum by its order, right before the numeral
/// (九届十一次全会, 第十一次党代会, 十九届五中全会): a numeral after it names the
/// session, and GB/T 15835-2011 keeps Chinese numerals in such names. Read by
/// BD113, which leaves such a numeral alone.
pub const SESSION_ORDER_MARKS: &[&str] = &["届", "第"];

/// What a session's name ends with after its numbers (十一次、十二次全会精神,
/// 十一次党代会): a Chinese numeral before one of these, past a list of its
/// like, names the session. Read by BD113.
pub const SESSION_WORDS: &[&str] = &["全会", "全体会议", "代表大会", "党代会", "会议"];
