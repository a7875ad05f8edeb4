//! Words of places: names of the national list of divisions that are
//! ordinary words too, and the words that name a level of place.

/// Full names of divisions that are ordinary words in a report (城区 of
/// 长治市 is every town's 城区; 老城区 of 洛阳市 is every city's old town, 新城区
/// its new one). Read by: `checks::words::places` (never a place).
pub const DIVISION_NAMES_THAT_ARE_WORDS: &[&str] =
    &["城区", "郊区", "矿区", "东区", "西区", "新区", "老城区", "新城区"];

/// The regions of the country that plans and reports name as places (东部地区,
/// 中西部地区): a figure said of one is that region's. Read by
/// `checks::claims::places` (a named place at the level of regions).
pub const REGION_NAMES: &[&str] = &[
    "东中部地区",
    "中西部地区",
    "东中西部地区",
    "东部地区",
    "中部地区",
    "西部地区",
    "东北地区",
    "东部沿海地区",
    "西北地区",
    "西南地区",
];

/// Characters of a verb of making before a level word that turn a name into a
/// slogan (生态立县, 文旅兴县, 工业强县, 科教兴国, 人才强省: "make the county strong
/// by industry"), where three characters or more stand before the level: no place.
/// Read by `checks::claims::places`.
pub const SLOGAN_VERBS: &[char] = &['兴', '强', '立', '富', '活', '美'];

/// Short forms of divisions that are ordinary words in a report, though the
/// dictionary is silent or calls them places (来宾 "guests", 日照 "sunshine",
/// 城关 "the town centre" of any county). Read by: `checks::words::places`
/// (never a short form of a place).
pub const SHORT_FORMS_THAT_ARE_WORDS: &[&str] =
    &["来宾", "大同", "日照", "开封", "阿里", "东方", "城关", "新市", "西市", "东市", "北关", "南关", "城中"];

/// How often (in jieba's counts) the dictionary may have seen a county's short
/// form as a place name for it still to be read as one: 阜平 (36) and 涞源 (5)
/// are names; 长安 (5355), 古城 (1664) and 平原 (7457) are words first.
/// Read by: `checks::words::places`.
pub const RARE_PLACE_WORD: usize = 100;

/// Words that say where a subject lies (亨通镇地处吉林省东南部, 项目位于阜平县, 距县城
/// 45公里): the place after one is no place a figure is said of. Read by
/// `checks::claims::places`.
pub const LOCATION_WORDS: &[&str] = &["位于", "地处", "坐落", "坐落于", "距", "距离", "毗邻", "邻近", "紧邻", "地跨"];

/// Names of the whole country. Read by `checks::claims::places` (全国).
pub const NATION_WORDS: &[&str] = &["中国", "中华人民共和国", "我国", "全国"];

/// Words after a level character that make it the whole unit (县域, 镇内, 市内:
/// 全县, 全镇, 全市). Read by `checks::claims::places`.
pub const WHOLE_UNIT_WORDS: &[&str] = &["域", "内", "域内", "境内"];

/// Words before a place that make it what a figure is ranked or compared
/// against (居全国第3位, 位列全市第一, 高于全省平均水平, 快于城镇居民, 占全县的20%).
/// Read by `checks::claims::places` (a base, not the figure's place).
pub const RANKING_BEFORE: &[&str] = &[
    "居",
    "位居",
    "位列",
    "列",
    "排名",
    "排",
    "排在",
    "跻身",
    "进入",
    "高于",
    "低于",
    "快于",
    "慢于",
    "超过",
    "超出",
    "领先",
    "优于",
    "占",
    "相当于",
    "重返",
];

/// Words right after a place that make it a base of ranking or of level
/// (全国前列, 全省首位, 国内先进水平, 全省平均). Read by `checks::claims::places`.
pub const RANKING_AFTER: &[&str] =
    &["前列", "前茅", "首位", "首列", "之首", "之最", "先进", "领先", "一流", "平均", "同类", "同期", "同行业"];

/// Nouns after an ordinal that make it a rank (全国第3位, 全省第一方阵, 全市第二名), not
/// the number of an event (全省第七次人口普查). Read by `checks::claims::places`.
pub const RANK_NOUNS: &[&str] = &["位", "名", "方阵", "梯队", "阵营", "档"];

/// Prepositions that name who does the act of a passive or a commission (由阜平县
/// 新强牧业有限公司承接的项目, 由县交通局负责): the agent's place is not the place
/// of the figures said of the thing. Read by `checks::claims::places`.
pub const AGENT_PREPOSITIONS: &[&str] = &["由", "经由", "委托"];

/// Prepositions that open a frame of manner or focus (以广顺镇为主的基地, 以县为
/// 单位): the place inside says how the thing is laid out, not where a figure
/// is. Read by `checks::claims::places`.
pub const MANNER_PREPOSITIONS: &[&str] = &["以"];
