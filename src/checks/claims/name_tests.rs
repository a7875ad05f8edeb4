//! Tests of how the claims read the names figures are about (see `subjects`,
//! `names` and `reading`): each rule with sentences of our own and a look-alike
//! it must leave alone.

use super::names::tests::subject_of;

/// A name is built of nouns, and of words that act elsewhere once a noun of the
/// name stands before them (`SentenceWords::name_start`).
#[test]
fn words_that_act_elsewhere_belong_to_a_name_after_its_nouns() {
    assert_eq!(subject_of("桐溪绿源农业发展有限公司今年销售额1.2亿元。", "1.2亿元"), "桐溪绿源农业发展有限公司");
    assert_eq!(subject_of("青禾养猪能繁基地今年投资3000万元。", "3000万元"), "青禾养猪能繁基地");
    assert_eq!(subject_of("北京新能投资有限公司年发电量2000万千瓦时。", "2000万千瓦时"), "新能投资有限公司");
    // With no noun before it, the word is the act, and names nothing.
    assert_eq!(subject_of("加快农业发展，全县新增合作社15家。", "15家"), "-");
}

/// A count of years after a verb of founding is the age of the body named
/// before the verb (`SentenceWords::anniversary_of`).
#[test]
fn an_anniversary_is_of_the_body_founded() {
    assert_eq!(subject_of("隆重庆祝桐溪中学建校八十周年。", "八十周年"), "桐溪中学");
    assert_eq!(subject_of("今年是青峰农机合作社成立二十周年。", "二十周年"), "青峰农机合作社");
    assert_eq!(subject_of("庆祝青禾农业合作社创立十周年，社员大会召开。", "十周年"), "青禾农业合作社");
    // No body before the verb: no subject.
    assert_eq!(subject_of("全县上下热烈庆祝建党100周年。", "100周年"), "-");
}

/// A clause right after a closing bracket goes on the clause the bracket
/// stands in, and keeps its subject.
#[test]
fn a_clause_after_a_bracket_goes_on_the_clause_before_it() {
    assert_eq!(subject_of("县教育局修订了助学金管理细则（修订稿）等4项制度。", "4项"), "县教育局");
    assert_eq!(subject_of("梅坳集团发布了帮扶计划（2024年版）等3份文件。", "3份"), "梅坳集团");
    assert_eq!(subject_of("市人社局印发了技能培训办法（试行）等5个文件。", "5个"), "市人社局");
    // A clause after a bracket that names a place of its own speaks of that place.
    assert_eq!(subject_of("县民政局发放了临时救助金（第二批），梅坳镇受助群众300人。", "300人"), "-");
}

/// A name right before a figure, with what is said of it after the figure: the
/// figure is said of that thing (`SentenceWords::read`).
#[test]
fn a_name_right_before_a_figure_is_its_topic() {
    assert_eq!(subject_of("桐溪水厂两台机组已投入运行。", "两台"), "桐溪水厂");
    assert_eq!(subject_of("青峰古窑遗址三次发掘取得重要成果。", "三次"), "青峰古窑遗址");
    assert_eq!(subject_of("宁屿冷链产业园三栋冷库全部完工。", "三栋"), "宁屿冷链产业园");
    // A count of a kind with nothing of its own after it counts the kind.
    assert_eq!(subject_of("全镇现有造纸企业2家正在生产。", "2家"), "-");
}

/// The items of a list each measure the thing they name
/// (`SentenceWords::item_name`).
#[test]
fn each_item_of_a_list_is_its_own_subject() {
    assert_eq!(subject_of("国有林面积2万公顷，其中：青峰林场1.2万公顷，白石林场8000公顷。", "8000公顷"), "白石林场");
    assert_eq!(subject_of("国有林面积2万公顷，其中：青峰林场1.2万公顷，白石林场8000公顷。", "1.2万公顷"), "青峰林场");
    assert_eq!(
        subject_of("两家企业产值9亿元，其中梅坳食品有限公司5亿元，青禾纸业有限公司4亿元。", "4亿元"),
        "青禾纸业有限公司"
    );
    // An item that counts things of a kind names the kind, no one thing.
    assert_eq!(subject_of("规上企业12家，其中化工企业3家，食品企业9家。", "9家"), "-");
}

/// An owner right before a measure of it owns the figure, whatever act came
/// before it.
#[test]
fn an_owner_before_its_measure_owns_the_figure() {
    assert_eq!(subject_of("依法关停桐溪造纸有限公司日产80吨生产线。", "80吨"), "桐溪造纸有限公司");
    assert_eq!(subject_of("引进宁屿锂电材料集团投资12亿元建设负极材料项目。", "12亿元"), "宁屿锂电材料集团");
    assert_eq!(subject_of("收购梅坳食品公司年产5万吨加工线。", "5万吨"), "梅坳食品公司");
    // A bare kind before the measure is no owner of its own.
    assert_eq!(subject_of("全年完成项目投资5亿元。", "5亿元"), "-");
}

/// A 、 joins members of a list inside one clause: a name after it is no
/// subject of the clause.
#[test]
fn a_list_after_a_preposition_names_no_subject() {
    assert_eq!(subject_of("我县先后与宁屿物流、桐溪商贸、梅坳电力等多家大型企业签订合作协议20余份。", "20余份"), "-");
    assert_eq!(subject_of("全市与中粮集团、华润集团等龙头企业对接，签约项目12个。", "12个"), "-");
    assert_eq!(subject_of("县里向梅坳小学、桐溪中学等学校捐赠图书3000册。", "3000册"), "-");
    // The clause's own subject, before the list, is kept.
    assert_eq!(
        subject_of("桐溪供销合作社联合中粮集团、华润集团开展消费帮扶，投入资金80万元。", "80万元"),
        "桐溪供销合作社"
    );
}
