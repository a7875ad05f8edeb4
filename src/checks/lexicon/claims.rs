//! Words that frame a claim: what a figure is about is its words minus these.
//! Read by `checks::claims::reading`, which turns the words around a figure
//! into its subject, its metric and its adjuncts.

/// Words of grammar that name nothing: particles, prepositions, adverbs of
/// degree and aspect, copulas. Dropped from a metric (培训了 is 培训).
pub const FUNCTION_WORDS: &[&str] = &[
    "的",
    "了",
    "着",
    "过",
    "之",
    "所",
    "其",
    "该",
    "本",
    "此",
    "又",
    "再",
    "还",
    "也",
    "都",
    "就",
    "均",
    "并",
    "且",
    "而",
    "及",
    "和",
    "与",
    "同",
    "跟",
    "以及",
    "或",
    "或者",
    "为",
    "是",
    "有",
    "在",
    "于",
    "对",
    "向",
    "把",
    "被",
    "给",
    "让",
    "从",
    "由",
    "到",
    "至",
    "达",
    "已",
    "已经",
    "将",
    "要",
    "可",
    "能",
    "共",
    "计",
    "约",
    "近",
    "超",
    "逾",
    "余",
    "多",
    "以",
    "来",
    "中",
    "内",
    "里",
    "上",
    "下",
    "后",
    "前",
    "每",
    "这",
    "那",
    "我",
    "我们",
    "其他",
    "等",
    "等等",
    "个",
    "一",
    "些",
    "一批",
    "一些",
    "先后",
    "陆续",
    "持续",
    "不断",
    "进一步",
    "大力",
    "积极",
    "全面",
    "有效",
    "切实",
    "深入",
    "扎实",
    "稳步",
    "加快",
    "加大",
    "着力",
    "重点",
    "主要",
    "基本",
    "正在",
    "正式",
    "顺利",
    "圆满",
    "如期",
    "分别",
    "同时",
    "通过",
    "依托",
    "围绕",
    "按照",
    "根据",
    "作为",
    "左右",
    "以上",
    "以下",
    "以内",
    "不到",
    "不足",
    "超过",
    "突破",
    "大约",
    "接近",
    "将近",
    "不低于",
    "不少于",
    "至少",
    "高达",
    "达到了",
    "实际",
];

/// Words that say how much of a whole, or that a figure is a total or a
/// part, not what is counted. Dropped from a metric; the claim's scope reads them.
pub const SCOPE_WORDS: &[&str] = &[
    "共", "共计", "合计", "总计", "一共", "总共", "累计", "其中", "全部", "所有", "各", "各级", "各类", "各种", "各项",
    "各地", "全体", "整体", "总体", "共有", "现有", "剩余", "尚有", "拥有", "目前", "现", "新",
];

/// Verbs that carry no act of their own: they stand before the act (帮助…实现
/// 转移就业 is 转移就业; 完成投资 is 投资), or make someone do it (组织职工购买
/// is 购买). Dropped from a metric.
pub const LIGHT_VERBS: &[&str] = &[
    "实现",
    "达到",
    "完成",
    "帮助",
    "帮扶",
    "组织",
    "动员",
    "引导",
    "鼓励",
    "推动",
    "促进",
    "开展",
    "进行",
    "参与",
    "参加",
    "获得",
    "取得",
    "发展到",
    "发展",
    "增加到",
    "增长到",
    "提高到",
    "提升到",
    "上升到",
    "下降到",
    "减少到",
    "降至",
    "减至",
    "增至",
    "达成",
];

/// Words of time and of how sure a figure is. Dropped from a metric; the
/// claim's time and modality read them (see `claims::scope`).
pub const TIME_AND_MODALITY_WORDS: &[&str] = &[
    "今年",
    "去年",
    "明年",
    "全年",
    "当年",
    "年内",
    "本年",
    "同期",
    "上年",
    "上半年",
    "下半年",
    "前三季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "年底",
    "年末",
    "年初",
    "以来",
    "期间",
    "时期",
    "截至",
    "截止",
    "年均",
    "力争",
    "争取",
    "目标",
    "确保",
    "计划",
    "拟",
    "预期",
    "力求",
    "规划",
    "预计",
    "预测",
    "估计",
    "有望",
    "可望",
    "任务",
    "目标任务",
];

/// Words that end the name of an organisation, a body of people or a place of
/// work: a noun phrase that ends with one and stands before the act is who
/// acts (县总工会投入…, 梅坳镇服装帮扶车间吸纳就业…), the claim's subject.
pub const ORGANISATION_ENDINGS: &[&str] = &[
    "总工会",
    "工会",
    "工会系统",
    "政府",
    "人民政府",
    "委员会",
    "党委",
    "人大",
    "政协",
    "局",
    "厅",
    "委",
    "办",
    "办公室",
    "公司",
    "集团",
    "合作社",
    "协会",
    "学会",
    "商会",
    "基金会",
    "中心",
    "学校",
    "中学",
    "小学",
    "学院",
    "大学",
    "幼儿园",
    "医院",
    "卫生院",
    "银行",
    "研究院",
    "研究所",
    "车间",
    "帮扶车间",
    "扶贫车间",
    "工作室",
    "劳模工作室",
    "企业",
    "工厂",
    "厂",
    "站",
    "队",
    "部门",
    "机关",
    "单位",
    "社区",
    "村委会",
    "院",
    "馆",
    // A government's budget as a funding body (中央财政安排…, 省级财政补助…).
    "财政",
    // State farms and forest farms, units with land and staff of their own (五道沟林场, 国营农场).
    "林场",
    "农场",
    "牧场",
    // A party, named whole (中国共产党成立…周年).
    "共产党",
];

/// Words that end the name of a place below the list of divisions (a village,
/// a community, a road): a run-in heading that ends with one names what its
/// paragraph is about (3.长青村。…). Read by `checks::claims::subjects`.
pub const PLACE_ENDINGS: &[&str] = &["镇", "乡", "村", "街道", "社区", "屯", "公路", "路", "桥", "河", "湖"];

/// Words that end the name of a project, a site or a product line: a noun
/// phrase that ends with one and stands before what is measured of it
/// (冷链物流园项目总投资…, 一期工程总投资…) is what the figure is about.
pub const PROJECT_ENDINGS: &[&str] = &[
    "项目",
    "工程",
    "一期",
    "二期",
    "三期",
    "园区",
    "产业园",
    "物流园",
    "基地",
    "示范区",
    "景区",
    "公园",
    "电站",
    "水库",
    "安置区",
    "小区",
    "品牌",
    "行动",
    "活动",
    "计划",
    "仓储中心",
    "预冷站",
    // Sites of rural leisure, named by what visitors do there.
    "采摘园",
    "山庄",
    "农庄",
    "度假村",
    // Sites of heritage, named by what was found there (某某遗址, 某某墓地).
    "遗址",
    "墓地",
];

/// Metric words that say too little alone: a claim whose metric is made of
/// these only (总投资, 建筑面积, 投入资金, 实施项目, 新增就业) is compared with
/// another only when both name the same subject.
pub const GENERIC_METRIC_WORDS: &[&str] = &[
    "总投资",
    "投资",
    "投入",
    "资金",
    "面积",
    "建筑面积",
    "占地面积",
    "总建筑面积",
    "占地",
    "项目",
    "实施",
    "新增",
    "就业",
    "新建",
    "建设",
    "建成",
    "产值",
    "收入",
    "人口",
    "规模",
    "数量",
    "个数",
    "总数",
    "总量",
    "总额",
    "金额",
    "用地",
    "长度",
    "全长",
    "容量",
    "库容",
    "装机",
    "装机容量",
    "年产",
    "日产",
    "日处理",
    "产能",
    "总面积",
    "总产值",
    "总收入",
    "开工",
    "完工",
    "落地",
    "入驻",
    "签约",
    "引进",
    "增长",
    "增加",
];

/// Words between a figure and an earlier word of the same clause that start
/// a new phrase: the metric of a figure after them reads no further back.
/// Read with the trail after a figure too: the counted noun stops at them.
pub const METRIC_STOPS: &[&str] = &[
    "其中",
    "同比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "比",
    "较",
    "占",
    "分别",
    "共计",
    "合计",
    "总计",
    "增长",
    "下降",
    "增加",
    "减少",
    "提高",
    "降低",
];

/// Endings that make a measure of an act (销售额, 培训人数, 采购量): the
/// measure names the same quantity as the act counted in the measure's
/// unit (销售…产品1.36亿元 is 产品销售额1.36亿元). Stripped from a metric word
/// that is longer than the ending.
pub const MEASURE_ENDINGS: &[&str] =
    &["总额", "金额", "额", "总量", "数量", "量", "人数", "户数", "人次数", "次数", "规模"];

/// Prefixes that name the whole of what the rest of the word measures: 总人口
/// is the 人口 of a place, 总面积 its 面积. Read by the restated-figure
/// pattern (`relations::restated`), which compares metrics without them.
pub const WHOLE_PREFIXES: &[&str] = &["总"];

/// Verbs that say how far work on a thing has got or how hard it is pushed,
/// not what the thing is: a plan that takes up the review's count changes them
/// (谋划建设6个园区 … 推进6个园区建设; 已建成86个 … 完成86个). Read by the
/// restated-figure pattern (`relations::restated`), which compares metrics
/// without them.
pub const STAGE_VERBS: &[&str] = &[
    "建成",
    "建设",
    "新建",
    "开工",
    "投用",
    "建成投用",
    "并网",
    "竣工",
    "完工",
    "投产",
    "启动",
    "推进",
    "强力",
    "全力",
    "加快",
    "谋划",
    "实施",
    "陆续",
    "连续",
    "壮大",
    "发展壮大",
    "全面",
    "持续",
];

/// Words that say what a total has come to, with all there was before it
/// (林果种植总面积发展到33万亩, 现有企业116家): a level, not a count of what was
/// done in some years. Read by `sources::verify`: a level is not held to a
/// later document's total over years, which may leave out what came before.
/// A word of the metric that starts with a [`WHOLE_PREFIXES`] prefix (总面积,
/// 总数) says the same.
pub const LEVEL_WORDS: &[&str] =
    &["发展到", "达到", "增加到", "增长到", "提高到", "提升到", "扩大到", "增至", "达", "现有", "共有", "拥有", "总计"];

/// Verbs that say work on a thing has begun or is being pushed, not that it
/// is done (启动了城区9所学校新扩建, 开工建设6个园区). Read by `sources::verify`:
/// a count of works begun is not a count of works done, so two documents'
/// totals meet only when both or neither say one of these.
pub const BEGUN_VERBS: &[&str] = &["启动", "开工", "新开工", "谋划", "推进", "加快", "在建", "筹建", "动工"];

/// Words of a metric written with a wrong character of the same sound (别字),
/// as (right, written): 幅原面积 is the 幅员面积 of a place. A reader reads them
/// as the right word, so the metric does too (and notes the rewording). Only
/// words the word cutter keeps whole belong here (种值面积 is cut apart, so
/// 种值 would not meet 种植面积). Read by the claims reader (`claims::reading`),
/// with [`EQUIVALENTS`].
pub const MISWRITTEN_WORDS: &[(&str, &str)] = &[("幅员", "幅原")];

/// Equivalent words: each pair names one act or thing in the reports we read,
/// so a metric written with either meets one written with the other. Kept
/// short on purpose: 带动就业 of a workshop is the jobs it gave (吸纳就业);
/// 扶贫 and 帮扶 name the same aid before and after 2021; 农民 is 农村居民 in
/// income statistics.
pub const EQUIVALENTS: &[(&str, &str)] = &[
    ("带动就业", "吸纳就业"),
    ("扶贫车间", "帮扶车间"),
    ("扶贫产品", "帮扶产品"),
    ("消费扶贫", "消费帮扶"),
    ("产业扶贫", "产业帮扶"),
    ("扶贫资金", "帮扶资金"),
    ("农民", "农村居民"),
    ("职工", "员工"),
];

/// Prepositions that open an adjunct: who receives or whom the act is done
/// with (向柘岭县捐赠, 与脱贫村结对, 为困难职工发放). Read by
/// `checks::claims::reading`: the adjunct is kept apart from the metric, and
/// two claims that both name one must name the same.
pub const ADJUNCT_PREPOSITIONS: &[&str] = &["向", "为", "给", "与", "同", "对", "到", "帮"];

/// Verbs of founding, before a count of years (中国共产党成立95周年, 学校建校60周年):
/// the anniversary is of the thing named before the verb. Read by
/// `checks::claims::names` (`anniversary_of`).
pub const FOUNDING_VERBS: &[&str] = &["成立", "建立", "诞生", "创建", "创立", "建校", "建院", "组建", "挂牌"];

/// Words that open a purpose (用于“三农”的投入, 投向产业项目): money or effort
/// spent on one thing is not the same money spent on nothing said. Read by
/// `checks::claims::reading` (an adjunct of purpose) and `checks::identity`
/// (two claims meet only when both say the same purpose, or neither does).
pub const PURPOSE_WORDS: &[&str] = &["用于", "投向", "用在", "专项用于", "主要用于"];

/// Units that count things one by one (41个安置区, 3所学校): a figure in one
/// counts what follows it and is never part of that thing's name. Read by
/// `checks::claims::subjects`.
pub const COUNTING_UNITS: &[&str] =
    &["个", "座", "家", "所", "处", "条", "栋", "户", "名", "人", "位", "批", "支", "间", "套", "台", "辆", "件", "只"];

/// Words that end a lead-in before a colon, not a name (主要预期目标是：, 要求：,
/// 建设标准：, 具体情况如下：). Read by `checks::claims::subjects`: such a label is no
/// subject of the clauses after it.
pub const LEAD_IN_WORDS: &[&str] = &[
    "是", "为", "有", "包括", "如下", "要求", "标准", "目标", "任务", "情况", "措施", "重点", "查明", "主要", "具体",
    "其中", "分别", "一是", "目前", "方面", "内容", "原则", "做法", "成效", "问题", "建议", "范围", "概况",
];

/// Units that count organisations and sites one by one (企业12家, 学校3所, 水库2座):
/// a figure in one with no noun after it, right after a name, counts things of
/// that name's kind. Read by `checks::claims::reading`: such a name is what is
/// counted, not the claim's subject.
pub const KIND_COUNTING_UNITS: &[&str] = &["家", "所", "座", "个", "处"];
