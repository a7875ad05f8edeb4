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

/// Words right after the base of a comparison that make the next figure the
/// difference between the value and the base, by which way they go: more
/// (比上年的1.12亿元多出2400万元, 比去年高出3个百分点) and less (比上年的760户少80户).
/// Read by the growth pattern (`relations::growth`), only after 比 or 较 and
/// a base figure.
pub const MORE_WORDS: &[&str] = &["多出", "多了", "多", "高出", "高了", "高"];
/// See [`MORE_WORDS`]: the words of less.
pub const LESS_WORDS: &[&str] = &["少了", "少", "低了", "低"];

/// Words that open a clause stating last year's value of the metric just
/// named (2023年就业率为93.6%，上年为89.8%，同比提高3.8个百分点): the value
/// before is compared with it. Read by the growth pattern (`relations::growth`),
/// with only 为, 是 or 达 after them.
pub const LAST_YEAR_WORDS: &[&str] = &["上年同期", "去年同期", "上一年", "上年", "去年", "前一年"];

/// Words that say a change is a change either way, or a fall said as a
/// negative rise (负增长, 增减): a change with one of them says no direction
/// the values could contradict. Read by BD107 (`rules::growth_contradicts_values`).
pub const TWO_WAY_CHANGE_WORDS: &[&str] = &["负增长", "增减", "变化", "变动", "浮动", "波动"];

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

/// Words that open a total said after its parts, at the start of its clause
/// (…云栈乡6家，共有24家; …，以上共计5120万元). Read by the parts-first
/// pattern of `relations::breakdown`, beside the words it finds anywhere in
/// the clause ([`TOTAL_WORDS`]).
pub const TOTAL_OPENERS: &[&str] = &["共有", "以上共", "以上合计", "以上总计", "共"];

/// Words anywhere in a clause that make its figure the total of the parts said
/// before it (三项合计1500万元, 全镇特色种植面积总计6300亩). Read by the
/// parts-first pattern of `relations::breakdown` and by the next-sentence
/// total of `relations::forms`.
pub const TOTAL_WORDS: &[&str] = &["合计", "共计", "总计", "一共", "总共"];

/// Words that begin with 共 but say no total (共同, 共建, 共享): a clause
/// opening with one of them is no total; 共建成 (built in all) is one. Read by `relations::forms`.
pub const NOT_TOTAL_GONG: &[&str] = &["共同", "共建", "共享", "共商", "共赢", "共治", "共抓", "共创", "共育", "共富"];

/// Words that say a sentence gives the parts of the total before it along one
/// cut: 分产业看, 从就业地域看, 按来源分. The sentence opens with the first
/// word and its first clause ends with one of the second. Read by the
/// 分…看 pattern of `relations::forms`.
pub const CUT_OPENERS: &[&str] = &["分", "从", "按"];
/// The ends of a cut's opening clause (分产业看, 从收入来源来看, 按地区分). Read by
/// `relations::forms`.
pub const CUT_ENDS: &[&str] = &["来看", "看", "划分", "分", "统计"];

/// Ordinal markers of items in one sentence (一是…，二是…，三是…). Read by the
/// enumerated-items pattern of `relations::forms`, and by `claims::subjects`
/// (an item whose head is a name is about that thing).
pub const ITEM_MARKERS: &[&str] = &["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"];

/// Words before a ratio a：b：c that make its terms the shares of one whole
/// (三次产业结构为12.1：38.6：49.3), which must make 100. A ratio said as a
/// rule of division (按4：3：2的比例) is no such list. Read by
/// `relations::listed`.
pub const STRUCTURE_WORDS: &[&str] = &["结构", "三次产业比", "三产比", "产业比例", "产业比重"];

/// Measure words a count of named items is said in (甲、乙、丙等3个项目;
/// 涞源、涞水、易县3个县; 医药、汽车、电子三大产业). Read by `relations::listed`.
pub const LIST_COUNT_UNITS: &[&str] = &[
    "个", "项", "家", "条", "处", "座", "所", "类", "种", "大", "方面", "县", "村", "镇", "乡", "批", "支", "片", "区",
];

/// Mass units and their size in kilograms: parts in 吨 and 千克 add up once
/// turned into one unit (茶叶86吨、菌菇4.2万千克，合计13.2万千克). Read by
/// `relations::breakdown` and BD103.
pub const MASS_UNITS: &[(&str, f64)] = &[("吨", 1000.0), ("千克", 1.0), ("公斤", 1.0), ("斤", 0.5), ("克", 0.001)];

/// Pairs of words that split a whole into two sides with nothing left over
/// (男性/女性, 中央/地方, 城镇/农村): two parts named by the two sides of one
/// pair, and otherwise alike, must make up their total. Read by
/// `relations::breakdown` (the list is then complete).
pub const COMPLEMENTS: &[(&str, &str)] = &[
    ("男", "女"),
    ("中央", "地方"),
    ("城镇", "农村"),
    ("城镇", "乡村"),
    ("城市", "农村"),
    ("省内", "省外"),
    ("县内", "县外"),
    ("市内", "市外"),
    ("境内", "境外"),
    ("国内", "国外"),
    ("在职", "离退休"),
    ("公办", "民办"),
];

/// Words with 占 that say how much land or room a thing takes (占地1669亩的产业园,
/// 占用耕地), not a share of a whole (占总数的59.4%). Read by BD101
/// (`rules::same_metric_different_values`), which leaves a share without the
/// name of its part out of its comparisons, but not these.
pub const OCCUPY_WORDS: &[&str] = &["占地", "占用"];

/// Words that may stand alone before a share in its own clause, right after
/// the count it divides (全县368个村中，已有156个村建站，接近三分之一; …，已达四成):
/// a bound or "reached", nothing that names what the share is of. Read by the
/// rate pattern (`relations::rate`), which then takes the whole only from a
/// figure the sentence names with …中.
pub const BARE_SHARE_LEADS: &[&str] = &["已达到", "已达", "达到", "达", "已", "约"];

/// Words that open a clause restating, after a share, how many the share's
/// part is (…有42%参加了培训，共计530人): the clause's figure is the part. Read by
/// the rate pattern (`relations::rate`).
pub const PART_RESTATED: &[&str] = &["共计", "合计", "总计", "共有", "共", "计", "达"];

/// Words alone before a share that opens a clause as the subject of what
/// follows (全县1260名工匠中，有42%参加了认定，共计530人): the share's part is the
/// count the next clause restates. Read by the rate pattern (`relations::rate`).
pub const SHARE_SUBJECT_LEADS: &[&str] = &["有", "已有", "共有"];

/// The steps that projects and firms pass through, in order: of the same
/// things, a later step's count is at most an earlier one's (20家企业签约、15家入驻;
/// 分散养殖场已建成86个，投产59个; 76个项目开工65个). Read by
/// `relations::succession`.
pub const STEPS: &[&[&str]] = &[
    &["签约", "引进"],
    &["落地", "入驻", "开工", "动工", "建设"],
    &["建成", "完工", "竣工", "完成"],
    &["投产", "投用", "投入使用", "投放", "运营", "达产"],
];

/// Words that make a count the first part of a set just named (推进46个村改造，
/// 首批17个村完成征迁). Read by `relations::succession`.
pub const FIRST_BATCH: &[&str] = &["首批", "第一批"];

/// Words that make a step's count a flow of one period (新开工, 全年竣工, 今年签约):
/// two steps' flows of one period need not nest (what is finished this year
/// may have been begun the year before), so they are not compared. Read by
/// `relations::succession`.
pub const PERIOD_FLOW_MARKS: &[&str] =
    &["新开工", "新签约", "新引进", "新建", "新增", "全年", "今年", "年内", "本年", "当年", "同期"];

/// Words a step's clause may hold besides its figure and its step without
/// naming things of its own (已投产59个, 均已建成, 全部竣工). Read by
/// `relations::succession`.
pub const STEP_ADVERBS: &[&str] = &["已经", "已", "均", "全部", "基本", "目前", "现", "共", "累计", "其中", "了"];

/// Words that count what was added in a period (新增29家, 新培育12个), which the
/// level it came to holds (总数达到116家): the added are at most the level.
/// Read by `relations::succession`, with the level words of
/// [`crate::checks::lexicon::claims::LEVEL_WORDS`].
pub const ADDED_WORDS: &[&str] = &["新增", "新培育", "新认定", "新发展", "新引进", "新注册"];

/// Words that make a figure a highlight of the part before it, not another
/// part (苹果6000亩，东村一村种植面积就达3500亩: one village alone, within the
/// 6000亩; 仅县城就有…): they end a list of parts. Matched at the end of the
/// words before the figure (就 alone where the figure takes the verb: 就超过1500人次).
/// Read by `relations::breakdown` and `relations::forms`.
pub const ALONE_MARKS: &[&str] = &["就达", "就有", "就占", "就"];

/// Words between a part and a figure of another measure that make the figure
/// something else than the part counted a second way (500户和300亩 are two
/// things; 其中 opens a list; 共/合计 a total; 占/比 a share or comparison).
/// Read by `relations::breakdown::rides_with`.
pub const RIDER_BREAKS: &[&str] = &["其中", "和", "及", "与", "或", "共", "合计", "另", "占", "比", "较"];
