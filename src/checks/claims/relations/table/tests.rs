//! The table patterns on tables of our own: for each, tables that break it
//! and a clean look-alike that must stay silent.

use crate::checks::Lang;
use crate::checks::rules::testing::run_text;
use crate::model::Severity;

/// The findings of rule `id` on a body: (error?, message in Chinese).
fn found(body: &str, id: &str) -> Vec<(bool, String)> {
    run_text(body)
        .into_iter()
        .filter(|d| d.rule == id)
        .map(|d| (d.severity == Severity::Error, d.message(Lang::Zh)))
        .collect()
}

/// Every finding on a body, any rule, with its severity.
fn noise(body: &str) -> Vec<String> {
    run_text(body)
        .into_iter()
        .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
        .map(|d| format!("{} {}", d.rule, d.message(Lang::Zh)))
        .collect()
}

fn table(rows: &[&str]) -> String {
    let mut out = vec![rows[0].to_string()];
    let cols = rows[0].matches('|').count() - 1;
    out.push(format!("|{}", "---|".repeat(cols)));
    out.extend(rows[1..].iter().map(|r| r.to_string()));
    out.join("\n")
}

fn solar(total_households: &str) -> String {
    let t = table(&[
        "| 村 | 光伏收益（万元） | 受益户（户） |",
        "| 上营村 | 38.6 | 112 |",
        "| 下营村 | 27.4 | 86 |",
        "| 河口村 | 19.5 | 64 |",
        &format!("| 合　计 | 85.5 | {total_households} |"),
    ]);
    format!("各村光伏电站收益分配情况如下。\n{t}")
}

#[test]
fn a_total_row_is_the_sum_of_the_rows_above_it() {
    assert_eq!(
        found(&solar("272"), "BD103"),
        [(true, "“合计”行“受益户（户）”列为272，而上方各行之和为262".to_string())]
    );
    assert!(noise(&solar("262")).is_empty(), "{:?}", noise(&solar("262")));
    // Thousands separators and units in the cells.
    let cells = table(&["| 合作社 | 销售额 |", "| 青禾 | 2,310万元 |", "| 丰源 | 1,045万元 |", "| 合计 | 3,355万元 |"]);
    assert!(noise(&cells).is_empty(), "{:?}", noise(&cells));
    let wrong = cells.replace("3,355万元", "3,535万元");
    assert_eq!(found(&wrong, "BD103"), [(true, "“合计”行“销售额”列为3535万元，而上方各行之和为3355万元".to_string())]);
}

#[test]
fn a_total_row_under_the_header_is_the_sum_of_the_rows_below_it() {
    let tab = |funds: &str| {
        format!(
            "衔接资金项目安排统计表\n类别\t项目数（个）\t资金（万元）\n合计\t57\t{funds}\n产业发展\t21\t1830\n\
             基础设施\t24\t1210\n公益岗位\t12\t420"
        )
    };
    assert!(noise(&tab("3460")).is_empty(), "{:?}", noise(&tab("3460")));
    assert_eq!(
        found(&tab("3640"), "BD103"),
        [(true, "“合计”行“资金（万元）”列为3640，而下方各行之和为3460".to_string())]
    );
}

#[test]
fn subtotals_add_their_group_and_the_total_adds_every_row_once() {
    let t = |b: &str, total: &str| {
        table(&[
            "| 片区 | 培训人次 |",
            "| 北坡村 | 15 |",
            "| 南坡村 | 22 |",
            "| 北片小计 | 37 |",
            "| 石门村 | 8 |",
            "| 柳林村 | 11 |",
            "| 后沟村 | 6 |",
            &format!("| 南片小计 | {b} |"),
            &format!("| 合计 | {total} |"),
        ])
    };
    assert!(noise(&t("25", "62")).is_empty(), "{:?}", noise(&t("25", "62")));
    assert_eq!(
        found(&t("27", "62"), "BD103"),
        [(true, "“南片小计”行“培训人次”列为27，而本组各行之和为25".to_string())]
    );
    assert_eq!(found(&t("25", "64"), "BD103"), [(true, "“合计”行“培训人次”列为64，而上方各行之和为62".to_string())]);
}

#[test]
fn a_total_that_fits_a_hierarchy_of_rows_is_read_that_way() {
    // 一、 rows carry the sums of their 1. rows: the 合计 adds the 一、 rows.
    let nested = table(&[
        "| 项目 | 资金（万元） |",
        "| 一、产业类 | 900 |",
        "| 1.种植 | 500 |",
        "| 2.养殖 | 400 |",
        "| 二、基础设施类 | 600 |",
        "| 1.道路 | 450 |",
        "| 2.水利 | 150 |",
        "| 合计 | 1500 |",
    ]);
    assert!(noise(&nested).is_empty(), "{:?}", noise(&nested));
    // The same without numbers: the parent rows are the sums of the rows after them.
    let bare = nested.replace("一、", "").replace("二、", "").replace("1.", "").replace("2.", "");
    assert!(noise(&bare).is_empty(), "{:?}", noise(&bare));
    // A whole row (全县) over some of its towns only bounds them.
    let some = table(&["| 乡镇 | 新增就业（人） |", "| 全县 | 5200 |", "| 城关镇 | 1800 |", "| 河西镇 | 1300 |"]);
    assert!(noise(&some).is_empty(), "{:?}", noise(&some));
    assert_eq!(found(&some.replace("1300", "3600"), "BD103").len(), 1);
}

#[test]
fn a_total_column_is_the_sum_of_its_row() {
    let t = |b: &str| {
        table(&[
            "| 项目 | 中央资金（万元） | 省级资金（万元） | 合计（万元） | 占比（%） |",
            "| 产业 | 640 | 210 | 850 | 50.0 |",
            &format!("| 住房 | 300 | 125 | {b} | 25.0 |"),
            "| 教育 | 330 | 95 | 425 | 25.0 |",
        ])
    };
    assert!(noise(&t("425")).is_empty(), "{:?}", noise(&t("425")));
    assert_eq!(
        found(&t("452"), "BD103"),
        [(true, "“住房”行“合计（万元）”列为452，而本行其他各列之和为425".to_string())]
    );
    // The 合计 column first, as extracted tables often have it.
    let first = "年度\t合计\t中央\t省级\n2022年\t730\t500\t230\n2023年\t910\t600\t310";
    assert!(noise(first).is_empty(), "{:?}", noise(first));
    assert_eq!(found(&first.replace("910", "901"), "BD103").len(), 1);
}

#[test]
fn a_subset_row_or_column_stays_within_what_it_is_part_of() {
    let t = |women: &str, poor: &str| {
        table(&[
            "| 乡镇 | 参训人数（人） |",
            "| 东坝镇 | 230 |",
            "| 西坝镇 | 190 |",
            "| 合计 | 420 |",
            &format!("| 其中：女性 | {women} |"),
            &format!("| 其中：脱贫户 | {poor} |"),
        ])
    };
    // Two subsets that overlap: each under the total, never added to it.
    assert!(noise(&t("300", "250")).is_empty(), "{:?}", noise(&t("300", "250")));
    assert_eq!(
        found(&t("430", "250"), "BD103"),
        [(true, "“其中：女性”行“参训人数（人）”列为430，大于它所属的“合计”行（420）".to_string())]
    );
    // Under a row of the body: a part of that row.
    let mid = table(&[
        "| 项目 | 资金（万元） |",
        "| 产业发展 | 800 |",
        "| 其中：种植业 | 950 |",
        "| 就业帮扶 | 200 |",
        "| 合计 | 1000 |",
    ]);
    assert_eq!(
        found(&mid, "BD103"),
        [(true, "“其中：种植业”行“资金（万元）”列为950，大于它所属的“产业发展”行（800）".to_string())]
    );
    // A 其中 column, under the column before it.
    let col = table(&[
        "| 村 | 务工人数（人） | 其中：省外（人） |",
        "| 龙潭村 | 140 | 62 |",
        "| 凤鸣村 | 95 | 101 |",
        "| 合计 | 235 | 163 |",
    ]);
    assert_eq!(
        found(&col, "BD103"),
        [(true, "“凤鸣村”行“其中：省外（人）”列为101，大于它所属的“务工人数（人）”列（95）".to_string())]
    );
}

#[test]
fn share_columns_make_a_hundred() {
    let stated = table(&[
        "| 产业 | 产值占比（%） |",
        "| 茶叶 | 46.5 |",
        "| 中药材 | 31.0 |",
        "| 蔬菜 | 20.5 |",
        "| 合计 | 100.0 |",
    ]);
    assert_eq!(
        found(&stated, "BD104"),
        [(true, "“产值占比（%）”列各行之和为98%，与“合计”行所写的100%不符".to_string())]
    );
    // No 合计 row: the whole is assumed, and said.
    let assumed = table(&["| 去向 | 构成（%） |", "| 务工 | 58.2 |", "| 经商 | 24.6 |", "| 务农 | 20.1 |"]);
    assert_eq!(
        found(&assumed, "BD104"),
        [(false, "“构成（%）”列各行之和为102.9%，超过100%（按各项为同一整体的组成部分理解）".to_string())]
    );
    // Fractions of one, with a 合计 of 1.
    let fractions =
        "类别\t金额（亿元）\t占总额比例\n合计\t4.20\t1\n道路\t1.89\t0.45\n水利\t1.47\t0.35\n住房\t1.05\t0.30";
    assert_eq!(found(fractions, "BD104").len(), 1, "{:?}", noise(fractions));
    // Rates are each row's own; a short column without a 合计 may list some parts.
    let rates = table(&["| 村 | 就业率（%） |", "| 甲村 | 91.2 |", "| 乙村 | 88.7 |"]);
    assert!(noise(&rates).is_empty(), "{:?}", noise(&rates));
    let short = table(&["| 产业 | 占比（%） |", "| 茶叶 | 46.5 |", "| 中药材 | 31.0 |"]);
    assert!(noise(&short).is_empty(), "{:?}", noise(&short));
}

#[test]
fn shares_along_a_row_make_a_hundred_when_the_other_rows_do() {
    let t = |b: &str| {
        table(&[
            "| 村 | 男性占比（%） | 女性占比（%） |",
            "| 龙潭村 | 55.4 | 44.6 |",
            &format!("| 凤鸣村 | 48.0 | {b} |"),
            "| 石桥村 | 60.5 | 39.5 |",
        ])
    };
    assert!(noise(&t("52.0")).is_empty(), "{:?}", noise(&t("52.0")));
    assert_eq!(found(&t("53.5"), "BD104"), [(true, "“凤鸣村”行各占比之和为101.5%，超过100%".to_string())]);
    // The columns are not added down: 55.4 + 48.0 + 60.5 is no slip.
    assert!(found(&t("52.0"), "BD104").is_empty());
}

#[test]
fn a_growth_column_is_the_change_between_its_two_years() {
    let t = |g: &str| {
        table(&[
            "| 合作社 | 上年（万元） | 本年（万元） | 同比增长（%） |",
            "| 青禾 | 500 | 450 | -10.0 |",
            &format!("| 丰源 | 320 | 400 | {g} |"),
            "| 合计 | 820 | 850 | 3.7 |",
        ])
    };
    assert!(noise(&t("25.0")).is_empty(), "{:?}", noise(&t("25.0")));
    assert_eq!(
        found(&t("20.0"), "BD107"),
        [(true, "“丰源”行“同比增长（%）”列为20.0，而由320到400实际增长25%".to_string())]
    );
    // Points between two rates.
    let points = table(&[
        "| 县 | 2021年（%） | 2023年（%） | 增减（百分点） |",
        "| 甲县 | 3.2 | 0.8 | -2.4 |",
        "| 乙县 | 4.1 | 1.5 | -2.9 |",
    ]);
    assert_eq!(found(&points, "BD107").len(), 1, "{:?}", noise(&points));
    // Plan and done name no times: 完成率 is a rate, no growth.
    let plan = table(&[
        "| 项目 | 计划（万元） | 完成（万元） | 完成率（%） |",
        "| 道路 | 400 | 380 | 95.0 |",
        "| 水利 | 200 | 210 | 105.0 |",
    ]);
    assert!(noise(&plan).is_empty(), "{:?}", noise(&plan));
}

#[test]
fn a_rate_column_is_worked_out_as_the_other_rows_work_it_out() {
    let t = |d: &str| {
        table(&[
            "| 村 | 应参保（人） | 已参保（人） | 参保率（%） |",
            "| 龙潭村 | 1240 | 1178 | 95.0 |",
            "| 凤鸣村 | 860 | 843 | 98.0 |",
            &format!("| 石桥村 | 1530 | 1469 | {d} |"),
            "| 柳岸村 | 610 | 586 | 96.1 |",
        ])
    };
    assert!(noise(&t("96.0")).is_empty(), "{:?}", noise(&t("96.0")));
    assert_eq!(
        found(&t("69.0"), "BD105"),
        [(
            true,
            "“石桥村”行“参保率（%）”列为69.0，而已参保1469÷应参保1530=96.01%（本表其他各行均如此计算）".to_string()
        )]
    );
    // A rate no two columns explain says nothing.
    let lone = table(&[
        "| 村 | 劳动力（人） | 务工就业率（%） |",
        "| 龙潭村 | 1240 | 81.0 |",
        "| 凤鸣村 | 860 | 77.5 |",
        "| 石桥村 | 1530 | 90.2 |",
    ]);
    assert!(noise(&lone).is_empty(), "{:?}", noise(&lone));
}

#[test]
fn a_header_unit_the_cells_do_not_follow_is_a_slip() {
    let t = table(&[
        "| 资金来源 | 金额（万元） |",
        "| 财政 | 312000 |",
        "| 社会 | 284000 |",
        "| 金融 | 268000 |",
        "| 合计 | 86.4 |",
    ]);
    assert_eq!(
        found(&t, "BD103"),
        [(
            true,
            "“合计”行“金额（万元）”列为86.4，而上方各行之和为86.4万，相差1万倍，不是同一单位：表头单位为“万元”，数值大的一方疑以“元”填写"
                .to_string()
        )]
    );
    // The text in 亿元 and the table in 万元 agree.
    let rows =
        ["| 资金来源 | 金额（万元） |", "| 财政 | 31200 |", "| 社会 | 28400 |", "| 金融 | 26800 |", "| 合计 | 86400 |"];
    let agree = format!("三项资金共计8.64亿元，构成见下表。\n{}", table(&rows));
    assert!(noise(&agree).is_empty(), "{:?}", noise(&agree));
}

#[test]
fn a_total_in_the_text_before_a_table_is_the_table_s() {
    let t = |said: &str| {
        format!(
            "全镇5个村的合作社共带动脱贫户{said}户，分村情况见下表。\n{}",
            table(&[
                "| 村 | 带动脱贫户（户） |",
                "| 龙潭村 | 84 |",
                "| 凤鸣村 | 65 |",
                "| 石桥村 | 71 |",
                "| 柳岸村 | 52 |",
                "| 后山村 | 44 |",
            ])
        )
    };
    assert!(noise(&t("316")).is_empty(), "{:?}", noise(&t("316")));
    assert_eq!(
        found(&t("326"), "BD103"),
        [(true, "文中所写的326户与下表“带动脱贫户（户）”列各行之和316不符".to_string())]
    );
    // Against a 合计 row, with a caption between.
    let caption = "今年共投入衔接资金4860万元。\n衔接资金投向统计表\n| 投向 | 资金（万元） |\n|---|---|\n| 产业 | 2900 |\n| 就业 | 1780 |\n| 合计 | 4680 |";
    let d = found(caption, "BD103");
    assert!(d.iter().any(|(e, m)| *e && m == "文中所写的4860万元与下表“合计”行“资金（万元）”列的4680不符"), "{d:?}");
    // A table of some of the towns: rows short of the total say nothing; the
    // count of towns leads no total.
    let some = format!(
        "全县共有12个乡镇，共吸纳就业2400人，重点乡镇情况见下表。\n{}",
        table(&["| 乡镇 | 吸纳就业（人） |", "| 城关镇 | 820 |", "| 河西镇 | 610 |"])
    );
    assert!(noise(&some).is_empty(), "{:?}", noise(&some));
}

#[test]
fn cells_past_a_merged_cell_stand_under_their_columns() {
    // An extracted table: the town's cell spans its villages, whose rows lose it.
    let t = |r: &str| {
        format!(
            "乡镇\t行政村\t总户数（户）\t脱贫户（户）\t脱贫户占比（%）\n东坪镇\t岭上村\t420\t63\t15.0\n\
             岭下村\t380\t76\t20.0\n水口村\t250\t40\t{r}\n西坪镇\t沙湾村\t510\t102\t20.0\n小计\t1560\t281\t18.0"
        )
    };
    assert!(noise(&t("16.0")).is_empty(), "{:?}", noise(&t("16.0")));
    assert_eq!(found(&t("61.0"), "BD105").len(), 1, "{:?}", noise(&t("61.0")));
}

#[test]
fn hostile_tables_do_not_panic_and_stay_linear() {
    for body in [
        "|\n|---|\n|",
        "| a |\n|---|\n| 1 |\n| 合计 |",
        "\t\t\n\t1\t\n合计\t\t2",
        "| 合计 | 1 |\n|---|---|\n| 合计 | 合计 |\n| 其中：x | 5 |",
        "a\tb\n1,2,3\t-\n-1.\t.5\n合计\t１，２０６．５％",
        "| 其中 | 其中 |\n|:-:|:-:|\n| 其中 | 3 |",
    ] {
        let _ = run_text(body);
    }
    // 2,000 rows and a 合计: one sum per column, found at once.
    let mut rows = vec!["| 村 | 户数（户） | 人数（人） |".to_string(), "|---|---|---|".to_string()];
    rows.extend((0..2000).map(|i| format!("| 村{i} | {} | {} |", i % 7 + 1, i % 11 + 2)));
    rows.push("| 合计 | 1 | 1 |".to_string());
    assert_eq!(found(&rows.join("\n"), "BD103").len(), 2);
}
