//! The long tail of the figure engine (issue 13): one row per rule of Chinese
//! usage, written for this project. Each row is a sentence and the figure a
//! careful reader takes from it, or the words that must not be read as one.
//! The facts (a string and its value) follow the usage that the public test
//! suites of cn2an, JioNLP, chinese2digits and Recognizers-Text also state.

use briefdesk::figures::{Figure, Kind, extract};

/// input, the figure's text as written, kind, value, value_max, unit, qualifier.
type Row = (&'static str, &'static str, Kind, f64, Option<f64>, &'static str, &'static str);

use Kind::{Date, Fraction, Ordinal, Percent, Quantity};

const FIGURES: &[Row] = &[
    // Found on published texts.
    ("全县一半以上的行政村建起了扶贫车间。", "一半以上", Fraction, 0.5, None, "", "at_least"),
    ("农村居民人均收入五年翻一番。", "翻一番", Quantity, 1.0, None, "番", "exact"),
    ("电商销售额比2015年翻了两番。", "翻了两番", Quantity, 2.0, None, "番", "exact"),
    ("全力打造百亿元产业集群。", "百亿元", Quantity, 1e10, None, "元", "exact"),
    ("粮食产量稳定在千亿斤以上。", "千亿斤以上", Quantity, 1e11, None, "斤", "at_least"),
    ("全县总面积1256平方千米。", "1256平方千米", Quantity, 1256.0, None, "平方千米", "exact"),
    ("新建光伏电站装机80千瓦。", "80千瓦", Quantity, 80.0, None, "千瓦", "exact"),
    ("建成220千伏变电站两座。", "220千伏", Quantity, 220.0, None, "千伏", "exact"),
    ("年均降水量650毫米。", "650毫米", Quantity, 650.0, None, "毫米", "exact"),
    ("新建易地搬迁安置房36栋。", "36栋", Quantity, 36.0, None, "栋", "exact"),
    ("开展无人机植保作业120架次。", "120架次", Quantity, 120.0, None, "架次", "exact"),
    ("合作社全年出栏肉鸡3.5万羽。", "3.5万羽", Quantity, 35000.0, None, "羽", "exact"),
    ("户均住房面积达到96平米。", "96平米", Quantity, 96.0, None, "平米", "exact"),
    ("他家共有5口人。", "5口人", Quantity, 5.0, None, "口人", "exact"),
    ("全国财政收入达到4万多亿元。", "4万多亿元", Quantity, 4e12, None, "元", "over"),
    ("城镇化率提高2个多百分点。", "2个多百分点", Percent, 2.0, None, "百分点", "over"),
    ("全市市场主体突破10万户。", "突破10万户", Quantity, 100000.0, None, "户", "over"),
    ("农村贫困人口减少1亿多。", "1亿多", Quantity, 1e8, None, "", "over"),
    ("市委十二届七次全委会作出部署。", "七次", Ordinal, 7.0, None, "次", "exact"),
    ("签发日期：2020421", "2020421", Date, 2020.0, None, "", "exact"),
    // Found by running other projects' test suites.
    ("当日气温负5摄氏度。", "负5摄氏度", Quantity, -5.0, None, "℃", "exact"),
    ("出口额同比增长-3.5%。", "-3.5%", Percent, -3.5, None, "%", "exact"),
    ("库存变化为－2吨。", "－2吨", Quantity, -2.0, None, "吨", "exact"),
    ("价格下降了百分之负十。", "百分之负十", Percent, -10.0, None, "%", "exact"),
    ("夜间最低气温零下4摄氏度。", "零下4摄氏度", Quantity, -4.0, None, "℃", "exact"),
    ("撥付資金一萬二千元。", "一萬二千元", Quantity, 12000.0, None, "元", "exact"),
    ("帶動三點五萬人就業。", "三點五萬人", Quantity, 35000.0, None, "人", "exact"),
    ("比重提高五個百分點。", "五個百分點", Percent, 5.0, None, "百分点", "exact"),
    ("新建十幾個合作社。", "十幾個", Quantity, 10.0, None, "个", "over"),
    ("共有兩千戶受益。", "兩千戶", Quantity, 2000.0, None, "户", "exact"),
    ("贫困发生率下降了百 分 之 2.4。", "百 分 之 2.4", Percent, 2.4, None, "%", "exact"),
    ("覆盖率提高 2.4 个百分 点。", "2.4 个百分 点", Percent, 2.4, None, "百分点", "exact"),
    ("全年接待游客４，５６５人次。", "４，５６５人次", Quantity, 4565.0, None, "人次", "exact"),
    ("约３／５的农户参加了合作社。", "约３／５", Fraction, 0.6, None, "", "approx"),
    ("新增就业3万4000人。", "3万4000人", Quantity, 34000.0, None, "人", "exact"),
    ("完成投资5万4千6百元。", "5万4千6百元", Quantity, 54600.0, None, "元", "exact"),
    ("发放补贴1千零1元。", "1千零1元", Quantity, 1001.0, None, "元", "exact"),
    ("筹集资金100万三千元。", "100万三千元", Quantity, 1003000.0, None, "元", "exact"),
    ("当年全国有四万万同胞。", "四万万", Quantity, 4e8, None, "", "exact"),
    ("每户分得三又三分之一亩。", "三又三分之一", Fraction, 10.0 / 3.0, None, "", "exact"),
    ("病人体温39℃。", "39℃", Quantity, 39.0, None, "℃", "exact"),
    ("冷库温度设为零下18度。", "零下18度", Quantity, -18.0, None, "度", "exact"),
    ("每袋装2.5千克。", "2.5千克", Quantity, 2.5, None, "千克", "exact"),
    ("每份餐食热量约650千卡。", "约650千卡", Quantity, 650.0, None, "千卡", "approx"),
    ("学生平均身高152公分。", "152公分", Quantity, 152.0, None, "公分", "exact"),
    ("电网频率50赫兹。", "50赫兹", Quantity, 50.0, None, "赫兹", "exact"),
    ("每日补充维生素2.4微克。", "2.4微克", Quantity, 2.4, None, "微克", "exact"),
    ("每包净含量200克。", "200克", Quantity, 200.0, None, "克", "exact"),
    ("参训人数超过了3000人。", "超过了3000人", Quantity, 3000.0, None, "人", "over"),
    ("每个村至少有2名网格员。", "至少有2名", Quantity, 2.0, None, "名", "at_least"),
    ("补贴标准最多为500元。", "最多为500元", Quantity, 500.0, None, "元", "at_most"),
    ("外出务工3个多月。", "3个多月", Quantity, 3.0, None, "个月", "over"),
    ("培训持续了两个多星期。", "两个多星期", Quantity, 2.0, None, "个星期", "over"),
    ("助农直播间单价￥300。", "￥300", Quantity, 300.0, None, "元", "exact"),
    ("海外捐赠$20万。", "$20万", Quantity, 200000.0, None, "美元", "exact"),
    ("收到港币2960元。", "港币2960元", Quantity, 2960.0, None, "港元", "exact"),
    ("外资项目投资300美圆。", "300美圆", Quantity, 300.0, None, "美元", "exact"),
    ("收到捐款壹元整。", "壹元整", Quantity, 1.0, None, "元", "exact"),
    ("收费标准为每张壹角。", "壹角", Quantity, 0.1, None, "元", "exact"),
    ("19年底实现全部脱贫。", "19年底", Date, 2019.0, None, "年", "exact"),
    ("九七年一季度开始试点。", "九七年一季度", Date, 1997.0, None, "年", "exact"),
    ("98年4月成立合作社。", "98年4月", Date, 1998.0, None, "月", "exact"),
    ("工程于2020年3月左右开工。", "2020年3月左右", Date, 2020.0, None, "月", "approx"),
    ("事故发生在8月28日许。", "8月28日许", Date, 8.0, None, "日", "approx"),
    ("对60周岁以上老人发放补贴。", "60周岁以上", Quantity, 60.0, None, "周岁", "at_least"),
    ("人均收入低于4000元的农户。", "低于4000元", Quantity, 4000.0, None, "元", "under"),
    ("奖补金额从8500到3万港元不等。", "8500到3万港元", Quantity, 8500.0, Some(30000.0), "港元", "range"),
    ("贷款额度1万元--5万元。", "1万元--5万元", Quantity, 10000.0, Some(50000.0), "元", "range"),
    ("培训周期3天——8天。", "3天——8天", Quantity, 3.0, Some(8.0), "天", "range"),
    ("收购黄金三十两。", "三十两", Quantity, 30.0, None, "两", "exact"),
    ("整改须在90日内完成。", "90日", Quantity, 90.0, None, "日", "exact"),
    ("专项行动为期60日。", "60日", Quantity, 60.0, None, "日", "exact"),
    ("新建一两个示范点。", "一两个", Quantity, 1.0, Some(2.0), "个", "range"),
    ("七成六的农户加入了合作社。", "七成六", Percent, 76.0, None, "%", "exact"),
];

/// An input and the text whose first character no quantity, percentage or fraction may cover.
const NOT_FIGURES: &[(&str, &str)] = &[
    ("实现“十个全覆盖”目标。", "十个"),
    ("落实“三个1亿人”部署。", "1亿人"),
    ("党的十八届三中全会提出改革。", "三中"),
    ("优化三次产业结构。", "三次"),
    ("鼓励软件二次开发。", "二次"),
    ("一是健全机制；2. 加强培训；3. 完善考核。", "2"),
    ("委托第三方机构开展评估。", "第三"),
    ("贫困户分为三\n四户一组开展互助。", "三\n四户"),
    ("村干部十分重视。", "十分"),
    ("他两度获得表彰。", "两度"),
];

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn check(row: &Row) -> Result<(), String> {
    let (input, text, kind, value, value_max, unit, qualifier) = *row;
    let figs = extract(input);
    let found: Vec<&Figure> = figs.iter().filter(|f| squash(&input[f.span.clone()]) == squash(text)).collect();
    let [f] = found.as_slice() else {
        let all: Vec<String> = figs.iter().map(|f| format!("{:?}", &input[f.span.clone()])).collect();
        return Err(format!("no figure {text:?}; found {}", all.join(", ")));
    };
    let got = (f.kind, f.value, f.value_max, f.unit, f.qualifier.as_str());
    let ok = f.kind == kind
        && close(f.value, value)
        && f.value_max.map(|m| (m * 1e6).round()) == value_max.map(|m| (m * 1e6).round())
        && f.unit == unit
        && f.qualifier.as_str() == qualifier;
    if ok { Ok(()) } else { Err(format!("{text}: got {got:?}")) }
}

#[test]
fn each_usage_reads_as_a_careful_reader_reads_it() {
    let failed: Vec<String> =
        FIGURES.iter().filter_map(|r| check(r).err().map(|e| format!("{:?}: {e}", r.0))).collect();
    assert!(failed.is_empty(), "{} of {} rows fail:\n{}", failed.len(), FIGURES.len(), failed.join("\n"));
}

#[test]
fn slogans_ordinals_and_words_are_no_figures() {
    let mut failed = Vec::new();
    for (input, probe) in NOT_FIGURES {
        let at = input.find(probe).expect("the probe is in the input");
        let hit = extract(input).into_iter().find(|f| {
            matches!(f.kind, Kind::Quantity | Kind::Percent | Kind::Fraction) && f.span.start <= at && at < f.span.end
        });
        if let Some(f) = hit {
            failed.push(format!("{input:?}: {:?} read as {:?}", &input[f.span.clone()], f.kind));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn third_party_is_a_word() {
    // 第三方 (a third party) was read as the ordinal 第三 every time.
    assert!(extract("委托第三方机构开展评估。").is_empty());
}

#[test]
fn a_date_that_lost_its_year_and_month_is_broken() {
    let f = extract("签发日期：2020421").into_iter().find(|f| f.kind == Kind::Date).expect("a date");
    let d = f.date.expect("parts");
    assert!(d.compact && !d.valid, "{d:?}");
    assert_eq!((d.year, d.month, d.day), (Some(2020), Some(4), Some(21)));
}

#[test]
fn four_digits_and_ri_after_a_year_lost_their_yue() {
    // 2020年1015日 is 10月15日 without its 月: a day that cannot exist.
    let f = extract("2020年1015日，全市消费扶贫推进会召开。");
    let day = f.iter().find(|f| f.kind == Kind::Date && f.span.start > 0).expect("the day");
    assert!(!day.date.as_ref().expect("parts").valid, "{day:?}");
    // Without a year before it, 1015日 is a number of days.
    assert!(extract("历时1015日完成。").iter().all(|f| f.kind == Kind::Quantity));
}
