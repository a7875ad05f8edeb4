//! Words of places: names of the national list of divisions that are
//! ordinary words too, and the words that name a level of place.

/// Full names of divisions that are ordinary words in a report (城区 of
/// 长治市 is every town's 城区). Read by: `checks::words::places` (never a place).
pub const DIVISION_NAMES_THAT_ARE_WORDS: &[&str] = &["城区", "郊区", "矿区", "东区", "西区", "新区"];

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
