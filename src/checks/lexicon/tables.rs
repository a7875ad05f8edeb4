//! Words of tables: how Chinese reports label the rows and columns of a
//! table (合计, 小计, 其中, 占比（%）, 增长（%）) and how the text before a table
//! announces it (共吸纳就业812人，分乡镇情况见下表). Labels are compared with
//! their spaces taken out (合　计 is 合计).

/// Row labels and column headers of a total of all the parts listed with it
/// (the rows above or below, the other columns of its row); a label that ends
/// with one (全县合计) is one too. Read by: `checks::claims::relations::table::grid`.
pub const TOTAL_LABELS: &[&str] = &["合计", "总计", "共计", "总合计"];

/// Row labels of a subtotal: the sum of the rows since the previous subtotal
/// (东片小计). Read by: `checks::claims::relations::table::grid`.
pub const SUBTOTAL_LABELS: &[&str] = &["小计"];

/// Row labels that name the whole place the other rows divide (全县 over its
/// towns): the rows may not add up to more, but a table may list only some
/// of them. Read by: `checks::claims::relations::table::grid`.
pub const WHOLE_LABELS: &[&str] =
    &["全国", "全省", "全区", "全市", "全州", "全盟", "全县", "全旗", "全镇", "全乡", "全部", "总体"];

/// What opens the label of a subset row or column (其中：易地搬迁安置点, 其中：女性（人）):
/// a part of the row above or the column before, never another part to add.
/// Read by: `checks::claims::relations::table::grid`.
pub const SUBSET_OPENERS: &[&str] = &["其中"];

/// Headers of columns that hold names, times or numbers that are no amounts
/// (序号, 年份): never added. Read by: `checks::claims::relations::table::grid`.
pub const LABEL_HEADERS: &[&str] = &[
    "序号",
    "编号",
    "代码",
    "年份",
    "年度",
    "时间",
    "日期",
    "月份",
    "排名",
    "名次",
    "位次",
    "电话",
    "联系电话",
    "备注",
];

/// Words in a header that make a column's figures no amounts to add up:
/// averages, prices, standards, indexes, multiples. Read by:
/// `checks::claims::relations::table::grid`, and by `sources::verify`, where a
/// metric with one of them is no total that grows over the years.
pub const NOT_ADDED_HEADERS: &[&str] =
    &["人均", "户均", "亩均", "平均", "均价", "单价", "价格", "标准", "指数", "倍数", "系数", "密度", "年龄", "岁"];

/// Words in the header of a percentage column that make it the shares of one
/// whole (占比（%）, 所占比重, 占总投资比例, 构成（%）). Read by:
/// `checks::claims::relations::table::grid`.
pub const SHARE_HEADERS: &[&str] = &["占比", "比重", "比例", "构成", "结构", "份额", "占"];

/// Words in the header of a percentage column that make it a rate of each
/// row's own (就业率, 贫困发生率, 完成率): never added, never summed to 100.
/// Read by: `checks::claims::relations::table::grid`.
pub const RATE_HEADERS: &[&str] = &["率"];

/// Words in the header of a column of change between two value columns
/// (增长（%）, 同比增减, 增幅). Read by: `checks::claims::relations::table::grid`.
pub const GROWTH_HEADERS: &[&str] = &["增长", "增幅", "增速", "增减", "同比", "比上年", "较上年", "变动", "变化"];

/// Words of a column header that name the earlier and the later of two
/// values compared, where no year does (上年 and 本年). Read by:
/// `checks::claims::relations::table::grid`.
pub const EARLIER_HEADERS: &[&str] = &["上年同期", "上年", "去年同期", "去年", "同期", "基期", "上期"];
/// See [`EARLIER_HEADERS`].
pub const LATER_HEADERS: &[&str] = &["本年", "今年", "当年", "本期", "报告期"];

/// What opens a statement of the unit of a whole table (单位：万元), in a
/// caption, a header cell or a line of its own. Read by:
/// `checks::claims::relations::table::grid`.
pub const UNIT_OPENERS: &[&str] = &["单位：", "单位:", "计量单位："];

/// How the caption line over a table ends (…统计表, …基本情况, …一览): a
/// title, not a sentence of the text. Read by: `checks::claims::relations::table::grid`.
pub const CAPTION_ENDINGS: &[&str] = &["表", "情况", "一览", "明细", "统计", "汇总", "构成", "分布"];

/// Magnitudes a header unit may carry before its unit (万元, 亿元, 万亩),
/// largest first, with the words named for a unit slip. Read by:
/// `checks::claims::relations::table` (the unit a slipped column was likely filled in).
pub const MAGNITUDES: &[(&str, f64)] =
    &[("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("万", 1e4), ("千", 1e3), ("百", 1e2)];

/// Words before a figure in the text that make it a total (共吸纳就业812人,
/// 总投资规模10.581亿元, 共计2.62亿元): the total a table right after breaks
/// down. Read by: `checks::claims::relations::table`.
pub const TEXT_TOTAL_WORDS: &[&str] = &[
    "共计",
    "合计",
    "总计",
    "一共",
    "总共",
    "共有",
    "共",
    "总投资",
    "总规模",
    "总金额",
    "总额",
    "总数",
    "总量",
    "总人数",
    "总户数",
    "总产值",
    "总收入",
    "总面积",
    "总资金",
];

/// Words that hold 共 or 总 and say no total (公共服务, 共同富裕, 总书记).
/// Read by: `checks::claims::relations::table` (with [`TEXT_TOTAL_WORDS`]).
pub const NOT_TOTAL_WORDS: &[&str] = &[
    "公共",
    "共同",
    "共享",
    "共建",
    "共产",
    "共识",
    "共赢",
    "共富",
    "共担",
    "共治",
    "共青",
    "共商",
    "总书记",
    "总体",
    "总结",
    "总队",
    "总工会",
    "总部",
    "总而言之",
    "总是",
];

/// Words of the text before a table that send the reader to it, and say that
/// the table breaks down what the sentence states (分乡镇情况见下表).
/// Read by: `checks::claims::relations::table`.
pub const TABLE_POINTERS: &[&str] = &["见下表", "如下表", "详见下表", "见表", "下表", "如下"];

/// Words of a sentence before a table that say the rows are a breakdown of
/// the whole the sentence states (分乡镇情况, 各类资金安排): with them, rows that
/// fall short of the total are a slip too. Read by: `checks::claims::relations::table`.
pub const BREAKDOWN_POINTERS: &[&str] =
    &["分乡镇", "分镇", "分村", "分县", "分区", "分类", "分项", "各类", "各项", "构成"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_word_is_listed_twice_in_a_list() {
        for list in [
            TOTAL_LABELS,
            SUBTOTAL_LABELS,
            WHOLE_LABELS,
            SUBSET_OPENERS,
            LABEL_HEADERS,
            NOT_ADDED_HEADERS,
            SHARE_HEADERS,
            GROWTH_HEADERS,
            EARLIER_HEADERS,
            LATER_HEADERS,
            TEXT_TOTAL_WORDS,
            NOT_TOTAL_WORDS,
            TABLE_POINTERS,
            CAPTION_ENDINGS,
            BREAKDOWN_POINTERS,
        ] {
            let mut seen = std::collections::HashSet::new();
            assert!(list.iter().all(|w| seen.insert(*w)), "{list:?}");
        }
    }

    #[test]
    fn magnitudes_run_largest_first() {
        assert!(MAGNITUDES.windows(2).all(|w| w[0].1 > w[1].1));
    }
}
