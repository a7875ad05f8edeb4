//! The words the figure engine knows: units, markers, connectors, idioms.
//! Data, not logic: extend these tables rather than the scanner.

use super::Qualifier;

/// A unit as written, the unit reported, and whether it is money.
pub struct UnitDef {
    pub written: &'static str,
    pub unit: &'static str,
    pub money: bool,
}

const fn u(written: &'static str, unit: &'static str) -> UnitDef {
    UnitDef { written, unit, money: false }
}

const fn m(written: &'static str, unit: &'static str) -> UnitDef {
    UnitDef { written, unit, money: true }
}

/// Units, longest first where one is a prefix of another.
pub const UNITS: &[UnitDef] = &[
    // Percentages.
    u("个百分点", "百分点"),
    u("百分点", "百分点"),
    u("%", "%"),
    u("％", "%"),
    u("‰", "‰"),
    u("‱", "‱"),
    // Money.
    m("人民币", "元"),
    m("新台币", "新台币"),
    m("台币", "新台币"),
    m("美元", "美元"),
    m("美金", "美元"),
    m("港元", "港元"),
    m("港币", "港元"),
    m("欧元", "欧元"),
    m("日元", "日元"),
    m("英镑", "英镑"),
    m("卢布", "卢布"),
    m("泰铢", "泰铢"),
    m("韩元", "韩元"),
    m("澳元", "澳元"),
    m("加元", "加元"),
    m("块钱", "元"),
    m("元", "元"),
    m("圆", "元"),
    m("块", "元"),
    // Counts and measures, as written.
    u("人次", "人次"),
    u("户次", "户次"),
    u("场次", "场次"),
    u("个月", "个月"),
    u("平方公里", "平方公里"),
    u("平方米", "平方米"),
    u("立方米", "立方米"),
    u("公顷", "公顷"),
    u("公里", "公里"),
    u("千米", "千米"),
    u("公斤", "公斤"),
    u("千克", "千克"),
    u("周年", "周年"),
    u("小时", "小时"),
    u("分钟", "分钟"),
    u("个", "个"),
    u("人", "人"),
    u("名", "名"),
    u("户", "户"),
    u("家", "家"),
    u("所", "所"),
    u("项", "项"),
    u("场", "场"),
    u("期", "期"),
    u("次", "次"),
    u("册", "册"),
    u("本", "本"),
    u("斤", "斤"),
    u("吨", "吨"),
    u("亩", "亩"),
    u("米", "米"),
    u("天", "天"),
    u("年", "年"),
    u("周", "周"),
    u("岁", "岁"),
    u("台", "台"),
    u("辆", "辆"),
    u("套", "套"),
    u("批", "批"),
    u("座", "座"),
    u("条", "条"),
    u("支", "支"),
    u("只", "只"),
    u("头", "头"),
    u("株", "株"),
    u("棵", "棵"),
    u("件", "件"),
    u("份", "份"),
    u("位", "位"),
    u("间", "间"),
    u("处", "处"),
    u("篇", "篇"),
    u("张", "张"),
    u("部", "部"),
    u("种", "种"),
    u("类", "类"),
    u("箱", "箱"),
    u("袋", "袋"),
    u("倍", "倍"),
    u("届", "届"),
    u("轮", "轮"),
];

/// Latin units after Arabic digits (100MW, 3.5km).
pub const LATIN_UNITS: &[&str] =
    &["kWh", "km²", "km", "kg", "MW", "kW", "GW", "m²", "㎡", "ha", "cm", "mm", "ml", "t", "m", "g", "L"];

/// What a unit may not be followed by (年级 is a school grade, 元素 an element).
pub const UNIT_BLOCKERS: &[(&str, &[char])] = &[
    ("年", &['级', '代', '轻', '龄', '纪', '鉴', '画', '货', '会', '终']),
    ("元", &['素', '宵', '旦', '首', '帅', '气', '老']),
    ("人", &['民', '才', '员', '士', '生', '心', '类', '口', '大', '物', '工', '文', '权', '们', '社']),
    ("名", &['单', '称', '义', '字', '片', '额', '录', '牌', '人', '气']),
    ("家", &['庭', '长', '乡', '属', '人', '园', '务', '政', '门', '底', '具', '电', '畜', '禽', '国']),
    ("所", &['有', '以', '在', '得', '属', '谓', '需', '长', '能']),
    ("项", &['目']),
    ("场", &['所', '景', '地', '馆', '合', '面', '上', '外', '内', '长']),
    ("期", &['间', '待', '望', '限', '刊']),
    ("次", &['要', '生', '序']),
    ("个", &['体', '性', '别', '案']),
    ("本", &['地', '市', '县', '区', '领', '身', '着', '科', '质', '次', '年', '职', '土', '届', '系', '单', '部']),
    ("台", &['阶', '账', '湾', '风', '州']),
    ("条", &['件', '例', '款', '线']),
    ("支", &['持', '援', '出', '付', '部', '柱']),
    ("只", &['有', '要', '是', '能']),
    ("头", &['部', '脑', '雁', '羊']),
    ("份", &['子', '额']),
    ("位", &['置', '于', '一']),
    ("间", &['接', '隔', '距']),
    ("处", &['理', '于', '长', '置', '罚', '室', '境']),
    ("张", &['家']),
    ("部", &['分', '门', '署', '委', '长', '队', '位', '署']),
    ("种", &['植', '养', '子', '苗', '类']),
    ("类", &['型', '似']),
    ("周", &['边', '围', '期', '转', '到', '全', '末']),
    ("米", &['面']),
    ("天", &['然', '津', '气', '地', '下', '空']),
    ("块", &['地', '头']),
    ("户", &['籍', '口', '外', '主']),
    ("届", &['时', '满']),
    ("批", &['准', '示', '评', '复', '发', '次']),
    ("座", &['谈', '位']),
    ("件", &['事']),
    ("倍", &['受']),
    ("轮", &['流', '换', '椅']),
];

/// Markers before a figure, longest first.
pub const PREFIX_MARKERS: &[(&str, Qualifier)] = &[
    ("不低于", Qualifier::AtLeast),
    ("不少于", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("大约", Qualifier::Approx),
    ("接近", Qualifier::Nearly),
    ("将近", Qualifier::Nearly),
    ("超过", Qualifier::Over),
    ("不到", Qualifier::Under),
    ("不足", Qualifier::Under),
    ("至少", Qualifier::AtLeast),
    ("最多", Qualifier::AtMost),
    ("约", Qualifier::Approx),
    ("近", Qualifier::Nearly),
    ("超", Qualifier::Over),
    ("逾", Qualifier::Over),
    // 上千, 上万: only before a bare multiplier (checked by the scanner).
    ("上", Qualifier::Over),
];

/// Characters before a one-character prefix marker that make it part of a word (节约, 最近).
pub const PREFIX_BLOCKERS: &[(&str, &[char])] = &[
    (
        "约",
        &['节', '制', '公', '条', '签', '预', '契', '邀', '相', '履', '违', '集', '简', '隐', '婚', '特', '规', '合'],
    ),
    ("近", &['最', '附', '邻', '亲', '靠', '就', '贴', '走', '临', '遥', '远', '拉']),
    ("超", &['赶', '高']),
];

/// Markers after a figure, longest first.
pub const POSTFIX_MARKERS: &[(&str, Qualifier)] = &[
    ("（含）以上", Qualifier::AtLeast),
    ("(含)以上", Qualifier::AtLeast),
    ("及以上", Qualifier::AtLeast),
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
];

/// Markers between a number and its multiplier or unit (6000余万, 300多天, 十几块钱).
pub const INNER_MARKERS: &[&str] = &["余", "多", "几"];

/// Connectors between the two ends of a range.
pub const RANGE_CONNECTORS: &[&str] = &["至", "到", "——", "—", "–", "～", "〜", "~", "－", "-"];

/// Set phrases whose numerals are no figures.
pub const IDIOMS: &[&str] = &[
    "四梁八柱",
    "五湖四海",
    "一带一路",
    "两学一做",
    "三农",
    "六位一体",
    "五位一体",
    "四个全面",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确保",
    "两个一百年",
    "四个不摘",
    "三个代表",
    "八项规定",
    "三大攻坚战",
    "十三五",
    "十四五",
    "十二五",
    "一对一",
    "一站式",
    "三严三实",
    "两不愁",
    "三保障",
    "一户一档",
    "一村一品",
    "千方百计",
    "万众一心",
    "三令五申",
    "七上八下",
    "九牛一毛",
    "一技之长",
    "五省六地",
    "三区三州",
    "两委",
    "四下基层",
    "一揽子",
    "三六九等",
    "十全十美",
    "百花齐放",
    "一二三产",
    "一县一",
    "一把手",
    "十九大",
    "二十大",
    "两会",
    "四川",
    "三亚",
    "九江",
    "六盘水",
    "十堰",
    "五指山",
    "七台河",
    "万州",
    "万宁",
    "百色",
    "千岛湖",
    "三门峡",
    "四平",
    "八一",
    "五四",
    "三八",
    "六一",
    "七一",
    "十一",
    "三峡",
    "两岸",
    "四化",
    "五化",
    "三变",
    "两山",
    "三权",
];

/// Words shortly before a number that make it an identifier.
pub const ID_CONTEXT: &[&str] = &[
    "电话",
    "热线",
    "手机",
    "传真",
    "邮编",
    "ICP",
    "备案",
    "编号",
    "证号",
    "代码",
    "账号",
    "帐号",
    "许可证",
    "号码",
    "QQ",
    "微信号",
    "文号",
    "举报",
    "工号",
    "身份证",
    "备字",
];

/// Units after 第N (第十四师, 第七次).
pub const ORDINAL_UNITS: &[&str] = &[
    "季度", "届", "次", "期", "批", "个", "名", "位", "章", "条", "款", "项", "轮", "年", "天", "号", "步", "节", "段",
];

/// Periods after a year (2019年底, 2020年上半年).
pub const YEAR_PERIODS: &[&str] = &[
    "上半年",
    "下半年",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "一季度",
    "二季度",
    "三季度",
    "四季度",
    "前三季度",
    "年底",
    "年末",
    "年初",
    "年中",
    "底",
    "末",
    "初",
];
