//! Tests of the recount tier: sentences of our own, each rule with a clean look-alike.
use crate::checks::rules::testing::two_sections;
use crate::checks::{Env, Lang, check};

/// BD101's findings when the two texts are a summary and a body (the first tier
/// may find a count said in the same words first).
fn recounted(summary: &str, body: &str) -> usize {
    check(&two_sections(summary, body), &Env::default()).iter().filter(|d| d.rule == "BD101").count()
}

/// The warnings of this tier alone.
fn as_one_set(summary: &str, body: &str) -> usize {
    check(&two_sections(summary, body), &Env::default())
        .iter()
        .filter(|d| d.rule == "BD101" && d.message(Lang::Zh).contains("同一组"))
        .count()
}

#[test]
fn a_census_meets_a_bare_mention_of_its_set() {
    assert_eq!(as_one_set("全市共有9个森林公园，年接待游客120万人次。", "全市7个森林公园门票收入3100万元。"), 1);
    assert_eq!(recounted("全区现有14个蔬菜育苗基地。", "14个蔬菜育苗基地分别是：东庄、西庄、南庄。"), 0);
    assert_eq!(recounted("全区现有14个蔬菜育苗基地。", "12个蔬菜育苗基地分别是：东庄、西庄、南庄。"), 1);
    // A census and an act on some of the set: not the whole set again.
    assert_eq!(recounted("全市共有9个森林公园。", "今年推进7个森林公园提档升级。"), 0);
}

#[test]
fn a_set_decided_by_a_body_is_one_set() {
    // 件 and 项 count 实事 alike; 区定 is decided by the district as 区人大票决的 is.
    assert_eq!(recounted("全年办结12件区定为民实事。", "去年区人大票决的15项为民实事全部办结。"), 1);
    assert_eq!(recounted("市人代会确定的8项民生实事全面完成。", "今年，市人代会确定的8项民生实事按期推进。"), 0);
    assert_eq!(recounted("全年完成市人大票决的10项民生项目。", "市人大票决的12项民生项目已全部交付。"), 1);
    // Two levels decide two sets.
    assert_eq!(recounted("全年完成市人大票决的10项民生项目。", "县人大票决的12项民生项目已全部交付。"), 0);
}

#[test]
fn numerals_and_digits_are_one_value_and_named_sets_keep_their_count() {
    assert_eq!(recounted("关停东坡、南岭2个石料加工厂。", "这一年，我们关停三个石料加工厂。"), 1);
    assert_eq!(recounted("关停东坡、南岭2个石料加工厂。", "这一年，我们关停两个石料加工厂。"), 0);
    assert_eq!(recounted("滨河、东湖等四大片区夜景亮化完成。", "5大片区亮化全年完成。"), 1);
    // A quoted list's big ones are another set than the members named before.
    assert_eq!(recounted("甲村苹果、乙村核桃三大产业加快见效。", "继续做好“种植、养殖、加工、旅游”四大产业板块。"), 0);
    // A name in quotes is a name, not a count (“十大工程”).
    assert_eq!(recounted("全力推进“十大提升工程”。", "东城、北城、南城三大提升工程加快实施。"), 0);
}

#[test]
fn a_set_carried_each_year_or_planned_and_carried_on() {
    assert_eq!(recounted("五年来，连续实施15项惠民工程。", "15项惠民工程全部完成。"), 0);
    assert_eq!(recounted("五年来，连续实施15项惠民工程。", "18项惠民工程全部完成。"), 1);
    assert_eq!(recounted("谋划建设4个现代物流园区。", "加快推进5个现代物流园区建设。"), 1);
    // Built last year, a new set this year: another set.
    assert_eq!(recounted("去年建成3个冷链仓储中心。", "今年新建5个冷链仓储中心。"), 0);
    assert_eq!(recounted("建成3个冷链仓储中心。", "今年推进5个冷链仓储中心建设。"), 0);
}

#[test]
fn a_note_keeps_the_count_of_the_term_it_explains() {
    let text = "落实“三年帮扶期”[3]要求。";
    let note = |n: &str| format!("{text}\n[3] 三年帮扶期：省里决定，自摘帽之日起设立{n}年帮扶期，其间政策总体稳定。");
    assert_eq!(as_one_set("", &note("4")), 1);
    assert_eq!(as_one_set("", &note("3")), 0);
    assert_eq!(as_one_set("", "[5] 二期工程：共建设两个冷链物流中心，其中2个冷链物流中心已投用。"), 0);
    // A note whose head names no count: stretches of years are not compared.
    assert_eq!(as_one_set("全省设立5年帮扶期。", "[3] 帮扶期：自摘帽之日起设立3年帮扶期。"), 0);
}

#[test]
fn a_streak_of_honours_is_one_streak() {
    let first = "青山园区始建于2010年，曾连续四年被评为市级文明单位。";
    assert_eq!(as_one_set("", &format!("{first}\n青山园区交通便利。青山园区曾连续三年被评为市级文明单位。")), 1);
    assert_eq!(as_one_set("", &format!("{first}\n青山园区曾连续四年被评为市级文明单位，其中两年获一等奖。")), 0);
    assert_eq!(as_one_set("", &format!("{first}\n青山园区先后连续六年获评市级文明单位。")), 0);
    // Two subjects' streaks.
    assert_eq!(as_one_set("", &format!("{first}\n绿水小学曾连续三年被评为市级文明单位。")), 0);
}
