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
