//! Words of counted sets: how a report counts a set of named things (8个国有林场,
//! 6项民生实事, 五大片区), the measure words that count one noun alike, and the words
//! that make a count another set (新建, 再, 其中) or the same one again (全县共有,
//! 县人大票决的, 分别是). Read by BD101's tier of sets counted twice
//! (`rules::same_metric_different_values::recount`).

/// Measure words that count things of a kind (8个国有林场, 6项民生实事, 3所学校),
/// as the first character after a numeral. 大 counts a set the report names as
/// its big ones (五大片区): such a count meets only another 大 count. Read by the
/// recount tier.
pub const SET_MEASURES: &[&str] = &["个", "项", "件", "家", "所", "座", "条", "处", "类", "批", "支", "种", "大"];

/// Measure words that count one noun alike (19件民生实事 and 19项民生实事): each
/// group is one measure to the recount tier. 个 counts anything and meets every
/// measure but 大.
pub const SAME_MEASURES: &[&[&str]] = &[&["项", "件"], &["所", "座", "处"]];

/// What 个 and its fellows also count that is no kind of thing: stretches of
/// time and points of a rate (3个月, 2个百分点). Read by the recount tier.
pub const NOT_KINDS: &[&str] = &["月", "百分点", "小时", "工作日", "季度", "星期", "年度", "方面"];

/// Words before a count that make it another set than one named before:
/// what was added or is still to come (新建3个, 再建2个, 另有4个), a part of a
/// whole (其中2个), a first batch, or a change by so many (增加5个). Read by the
/// recount tier, which leaves such counts alone.
pub const OTHER_SET_WORDS: &[&str] = &[
    "新增",
    "新建",
    "新开工",
    "新培育",
    "新认定",
    "新引进",
    "新落地",
    "新创建",
    "新评",
    "再",
    "又",
    "另",
    "其中",
    "其余",
    "剩余",
    "首批",
    "第一批",
    "第二批",
    "增加",
    "增长",
    "减少",
    "提高",
    "下降",
    "扩大",
    "缩小",
    "多",
    "少",
    "超过",
    "以上",
    "近",
    "约",
    "余",
    "累计",
    "之一",
];

/// Verbs that state what a place has (全县共有8个国有林场): with a whole place
/// (全县, 全市) before them, a count of the kind as it stands. Read by the
/// recount tier.
pub const STOCK_VERBS: &[&str] = &["共有", "现有", "拥有", "有"];

/// Verbs of a body deciding a set (县人代会确定的19项民生实事, 县人大票决的6项):
/// said in a clause with 的 before the count, they name one set by who chose it.
/// Read by the recount tier.
pub const DECIDING_VERBS: &[&str] = &["确定", "票决", "下达", "审定", "议定", "决定"];

/// The set named by who decided it, written before the kind in one word (19件县定
/// 民生实事: decided by the county, as 县人代会确定的 is). Read by the recount tier.
pub const DECIDED_BY: &[&str] = &["省定", "市定", "县定", "区定", "镇定", "乡定"];

/// Words after a kind that speak of the whole set just counted (20项民生工程全部
/// 完成, 11个烟叶种植基地分别是). Read by the recount tier.
pub const WHOLE_SET_WORDS: &[&str] = &["全部", "均", "分别", "都", "一律"];

/// Words that make a count the same each year of a stretch (连续实施20项民生工程):
/// such a count meets one year's count of the set. Read by the recount tier.
pub const EACH_YEAR_WORDS: &[&str] = &["连续", "每年", "年年"];

/// Verbs of planning a set (谋划建设6个产业园区) and of carrying a planned set on
/// (推进6个产业园区建设): a review's plan and a later text's work on it count one
/// set. Read by the recount tier.
pub const PLANNING_VERBS: &[&str] = &["谋划", "规划", "筹划"];
/// See [`PLANNING_VERBS`]: the verbs of carrying a planned set on.
pub const CARRYING_VERBS: &[&str] = &["推进", "加快", "继续"];

/// Words that end the name of a kind after its count (6项民生实事和…, 6个园区的): the
/// name of the kind runs to the first of them. Read by the recount tier.
pub const KIND_ENDS: &[&str] = &["和", "及", "与", "的", "等", "为", "是", "共", "已", "按照"];

/// Verbs of an honour won year after year (连续五年被评为省级先进): a subject's
/// streak said twice is one streak. Read by the recount tier, after 连续 and a
/// count of years.
pub const HONOUR_VERBS: &[&str] = &["被评为", "被授予", "被命名为", "获评", "荣获", "获得"];
