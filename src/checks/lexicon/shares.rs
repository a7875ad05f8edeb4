//! Words of shares and ratios: how a share names its whole (占全部…的, 占总数的,
//! 占总人口的), the ratios that reports state by their name alone (存贷比), the
//! verbs that send each part of one whole one way (销往, 用于), and the words
//! of a yearly figure said again by the month. Read by the rate, share-list
//! and average patterns of `checks::claims::relations`.

/// Words before the name of a whole that say "all of it" and name nothing
/// (占全部进驻项目的 is a share of the 进驻项目): the name is read without them.
/// Read by `relations::rate` (`whole_name`).
pub const WHOLE_ALL_PREFIXES: &[&str] = &["全部", "所有"];

/// Names of a whole that say only "the total" (占总数的59.4%, 占总量的): the
/// whole is the total of the list the share's part stands in. Read by
/// `relations::rate`.
pub const GENERIC_WHOLES: &[&str] = &["总数", "总量", "合计", "总计"];

/// Names of a whole that say "everyone" or "every household" of a place
/// (占总人口的16%, 占总户数的): with its unit, the whole may be the stock of
/// that unit the paragraph states with a word of [`STOCK_WORDS`] (全镇共有9717户、
/// 30384人). Read by `relations::earlier` (the whole stated earlier).
pub const POPULATION_WHOLES: &[(&str, &str)] =
    &[("总人口", "人"), ("人口总数", "人"), ("总人数", "人"), ("总户数", "户"), ("户数总数", "户")];

/// Words before a figure that state a stock (全镇共有9717户, 总计, 合计). Read by
/// `relations::earlier`.
pub const STOCK_WORDS: &[&str] = &["共有", "共计", "总计", "合计", "总人口", "总户数"];

/// Ratios that reports state by their name alone, with the words of the
/// figure divided and the figure it is divided by: 存贷比 is loans over
/// deposits (存款余额130.6亿元，贷款余额65.5亿元，存贷比50.2%). Read by
/// `relations::named_ratio`.
pub const NAMED_RATIOS: &[(&str, &str, &str)] =
    &[("存贷比", "贷款", "存款"), ("贷存比", "贷款", "存款"), ("资产负债率", "负债", "资产")];

/// Verbs that send each part of one whole one way (80%销往国内，20%销往国外;
/// 60%的资金用于产业，40%用于基础设施): shares of one whole that each such verb
/// follows cannot overlap, and cannot add up past 100%. Read by
/// `relations::share_lists`.
pub const ALLOCATION_VERBS: &[&str] =
    &["销往", "出口到", "出口至", "用于", "投向", "流向", "供应", "供给", "供", "投入到", "投入", "分配给", "安排给"];

/// Measure words of the steps one amount is paid or done in (分3个阶段，分别按
/// 应奖励额的30%、30%和40%兑现; 分两期拨付): that many shares said 分别 after
/// them are the steps' shares, which make 100%. Read by `relations::share_lists`.
pub const STEP_WORDS: &[&str] = &["个阶段", "阶段", "期", "次", "批"];

/// Measure words of the kinds a whole is said to be made of (由山地、丘陵、台地和
/// 盆地4种类型构成; 分为三类): that many shares of one named whole in the
/// paragraph after are the kinds' shares, which make 100%. Read by
/// `relations::share_lists`, with a word of [`MADE_OF_WORDS`] after the count.
pub const KIND_WORDS: &[&str] = &["种类型", "类", "种", "个类型", "部分", "大类"];
/// Words after the count of kinds that say the whole is made of them (构成, 组成,
/// 分为). Read by `relations::share_lists`.
pub const MADE_OF_WORDS: &[&str] = &["构成", "组成"];

/// Words before an average by the month that follows a figure for the year
/// (年产值9600万元，月平均产值800万元): the month's is the year's ÷ 12. Read by
/// `relations::average` (the monthly average).
pub const MONTHLY_AVERAGE_WORDS: &[&str] = &["月平均", "月均", "平均每月", "每月平均"];

/// Words that open a rate of completion (完成全年任务的105%, 完成了计划的98%).
/// Read by `relations::named_ratio`, with a word of [`PLAN_WORDS`] after them.
pub const COMPLETION_WORDS: &[&str] = &["完成"];
/// Words that name a plan: in a completion rate after [`COMPLETION_WORDS`]
/// (完成省州下达任务111.89%), and before its planned amount (计划搬迁1297户).
/// Read by `relations::named_ratio`.
pub const PLAN_WORDS: &[&str] = &["任务", "计划", "目标"];
/// Words in the clause of a figure for a whole year (年平均工资, 全年, 年收入) that a
/// monthly average after it divides by 12. Read by `relations::monthly`.
pub const YEARLY_WORDS: &[&str] =
    &["年平均", "平均年", "年均", "全年", "年人均", "人均年", "年收入", "年工资", "年薪", "年产值", "年销售"];
