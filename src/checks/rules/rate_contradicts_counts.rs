//! BD105: a rate that its own part and whole contradict. Reads the rates the
//! claims layer found: the whole is the one the rate names (占覆盖职工总数的),
//! the total of the part's breakdown, or the one other count of the sentence;
//! a target is the whole of a rate of achievement.

use super::super::context::half_ulp;
use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use super::{figure, finding_at, interval, text, with};
use crate::figures::{Kind, Qualifier};
use crate::model::Severity;

pub struct RateContradictsCounts;

static DOC: RuleDoc = RuleDoc {
    id: "BD105",
    name: "rate-contradicts-counts",
    severity: Severity::Error,
    title_zh: "比率与其分子分母不符",
    title_en: "A rate or share contradicted by its own counts",
    what_zh: "对“××率为X%”“占X%”“占三分之一”“约占三成”这类比率，按含义找出它的分子和分母：分母是比率写明的整体（“占覆盖职工总数的”）、分项所属的总数，或句中另一个计数；完成率、达成率的分母是目标数。用分子除以分母，与所写比率按其写法的精度和约数词比较，不符即报错。找不准分子分母时不报。",
    what_en: "For a rate (上岗率为85.5%), a share (占48%) or a fraction (占三分之一, 约占三成), finds its numerator and denominator by meaning: the whole the rate names (占覆盖职工总数的), the total of the part's breakdown, or the sentence's one other count; for a rate of achievement the target is the denominator. Divides, and compares with the stated rate at the precision and with the markers it is written with. When it cannot find both, it says nothing.",
    why_zh: "比率是读者最常拿来复核的数字，与计数对不上会让整段数据失去可信度。",
    why_en: "Rates are what readers recompute first; one that disagrees with its own counts discredits the paragraph.",
    example: "开发公益岗位1200个，已上岗930人，上岗率为85.5%。",
    corrected: "开发公益岗位1200个，已上岗930人，上岗率为77.5%。",
    fix_zh: "重新计算比率（部分÷整体），或核对两个计数。",
    fix_en: "Recompute the rate (part ÷ whole), or check the two counts.",
};

impl Rule for RateContradictsCounts {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for r in &cx.claims.relations.rates {
            let rate = figure(cx, r.rate);
            // The stated rate as a fraction of one, with its precision.
            let (lo, hi) = match rate.kind {
                Kind::Fraction => {
                    let tol = if rate.qualifier == Qualifier::Exact { 0.005 } else { 0.02 };
                    match rate.qualifier {
                        Qualifier::Over | Qualifier::AtLeast => (rate.value - tol, f64::INFINITY),
                        Qualifier::Nearly | Qualifier::Under | Qualifier::AtMost => (0.0, rate.value + tol),
                        _ => (rate.value - tol, rate.value + tol),
                    }
                }
                _ => {
                    let (a, b) = interval(cx, r.rate);
                    let half = half_ulp(text(cx, r.rate), rate.value);
                    // 约: within a point either side besides rounding.
                    let (a, b) = if rate.qualifier == Qualifier::Approx {
                        (rate.value - 1.0 - half, rate.value + 1.0 + half)
                    } else {
                        (a, b)
                    };
                    (a / 100.0, b / 100.0)
                }
            };
            // The quotient over the counts' own intervals, for each reading the text allows.
            let holds = |part, whole| {
                let (p_lo, p_hi) = interval(cx, part);
                let (w_lo, w_hi) = interval(cx, whole);
                let (q_lo, q_hi) = (p_lo / w_hi.max(1e-12), p_hi / w_lo.max(1e-12));
                q_lo <= hi + 1e-9 && lo - 1e-9 <= q_hi
            };
            if holds(r.part, r.whole)
                || r.alt_part.is_some_and(|p| holds(p, r.whole))
                || r.alt_pair.is_some_and(|(p, w)| holds(p, w))
            {
                continue;
            }
            let (part, whole) = (figure(cx, r.part).value, figure(cx, r.whole).value);
            let finding = Finding::Rate {
                part,
                whole,
                actual: part / whole * 100.0,
                stated: text(cx, r.rate).to_string(),
                whole_assumed: r.whole_assumed,
                whole_named: r.whole_named.clone(),
            };
            let mut d = finding_at(self, cx, r.rate, finding);
            if r.whole_assumed {
                d.severity = crate::model::Severity::Warning;
            }
            out.push(with(with(d, cx, r.whole, RelatedRole::Whole), cx, r.part, RelatedRole::Part));
        }
        // Rate columns of tables, worked out as the table's other rows are.
        out.extend(cx.claims.relations.tables.rates.iter().filter_map(|t| t.diagnostic(self, cx)));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::Lang;
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn the_whole_may_follow_when_it_says_it_is_the_total() {
        assert_eq!(fired("家庭医生签约服务脱贫人口3.2万人，签约率达到98%，脱贫人口总数为3.5万人。", "BD105"), 1);
        assert_eq!(fired("家庭医生签约服务脱贫人口3.2万人，签约率达到91.4%，脱贫人口总数为3.5万人。", "BD105"), 0);
    }

    #[test]
    fn a_whole_named_as_a_total_or_an_amount_is_the_figure_of_what_it_counts() {
        // 总销售额 is the 1.4亿元 of sales; 培训总人数 the 2000 trained.
        let sales = "全县通过消费扶贫销售农产品1.4亿元，其中线上销售5600万元，占总销售额的45%。";
        assert_eq!(fired(sales, "BD105"), 1);
        assert_eq!(fired("全县通过消费扶贫销售农产品1.4亿元，其中线上销售5600万元，占总销售额的40%。", "BD105"), 0);
        assert_eq!(fired("全县培训贫困劳动力2000人，其中女性800人，占培训总人数的45%。", "BD105"), 1);
        assert_eq!(fired("全县培训贫困劳动力2000人，其中女性800人，占培训总人数的40%。", "BD105"), 0);
        // A whole that names something no figure counts stays unread.
        assert_eq!(fired("全县培训贫困劳动力2000人，其中女性800人，占全县劳动力总数的45%。", "BD105"), 0);
    }

    #[test]
    fn a_whole_stated_only_in_the_background_is_read_there() {
        use crate::checks::rules::testing::two_sections;
        let count = |background: &str, body: &str| {
            crate::checks::check(&two_sections(background, body), &crate::checks::Env::default())
                .iter()
                .filter(|d| d.rule == "BD105")
                .count()
        };
        let background = "2014年全县识别建档立卡贫困户12000户。";
        assert_eq!(count(background, "产业扶贫带动贫困户8600户，占贫困户总数的75%。"), 1);
        assert_eq!(count(background, "产业扶贫带动贫困户8600户，占贫困户总数的71.7%。"), 0);
        // Two counts there that could be the whole: none is taken.
        let two = "2014年全县识别建档立卡贫困户12000户，2016年动态调整后贫困户10500户。";
        assert_eq!(count(two, "产业扶贫带动贫困户8600户，占贫困户总数的75%。"), 0);
        // A count of another year is no whole of this year's part.
        assert_eq!(count(background, "2020年，产业扶贫带动贫困户8600户，占贫困户总数的75%。"), 0);
    }

    #[test]
    fn fires_on_a_wrong_rate() {
        let d = run_text("开发公益岗位1200个，已上岗930人，上岗率为85.5%。");
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD105").collect();
        assert_eq!(d.len(), 1);
        assert!(d[0].message(Lang::Zh).contains("77.5%"), "{}", d[0].message(Lang::Zh));
        assert_eq!(fired("扶持合作社126家，有52家尚未盈利，约占三分之一。", "BD105"), 1);
        assert_eq!(fired("覆盖职工13.6万人，其中农民工会员5.1万人，占覆盖职工总数的39.5%。", "BD105"), 1);
        assert_eq!(fired("安置就业困难人员450人，其中贫困家庭劳动力占40%，共198人。", "BD105"), 1);
    }

    #[test]
    fn silent_when_the_rate_matches_its_precision() {
        assert_eq!(fired("开发公益岗位1200个，已上岗1080人，上岗率为90%。", "BD105"), 0);
        assert_eq!(fired("培训9450人次，实现就业6800人次，就业率达72%。", "BD105"), 0);
        assert_eq!(fired("扶持合作社126家，有42家尚未盈利，约占三分之一。", "BD105"), 0);
        // With three counts it is not clear which two the rate is about.
        assert_eq!(fired("共有职工500人，其中女职工200人、党员120人，党员占比24%。", "BD105"), 0);
        // 超过八成 holds at 85%; a target is the whole of a rate of achievement.
        assert_eq!(fired("全村有劳动力420人，已就业357人，就业率超过八成。", "BD105"), 0);
        assert_eq!(fired("年度目标为帮扶1200户，实际完成1260户，任务达成率为105%。", "BD105"), 0);
        // A share of a whole whose count is not given.
        assert_eq!(fired("开发岗位8600个，实际上岗5700人，上岗人员中贫困劳动力占72%。", "BD105"), 0);
    }

    #[test]
    fn silent_when_the_counts_nearby_are_not_the_rates() {
        // The unemployment rate is not re-employment over new jobs.
        assert_eq!(fired("全年新增就业5611人，实现再就业2529人，城镇登记失业率控制在3.65%。", "BD105"), 0);
        // A rate said of each item of a list.
        assert_eq!(fired("办理人大代表建议68件、政协委员提案118件，办结率均达100%。", "BD105"), 0);
        assert_eq!(fired("办结人大代表建议68件、政协委员提案101件，办结率100%。", "BD105"), 0);
        assert_eq!(fired("实施学前教育三年行动计划，学前三年入园率及公办园入园率分别达到96.4%和50.2%。", "BD105"), 0);
        // A share of a whole outside the text; two values of one thing at two times.
        assert_eq!(fired("高速铁路运营里程从9000多公里增加到2.5万公里、占世界三分之二。", "BD105"), 0);
        // A change and last year's rate.
        assert_eq!(
            fired("今年拟安排财政赤字1.62万亿元，比去年增加2700亿元，赤字率从去年的2.1%提高到2.3%。", "BD105"),
            0
        );
        // One group counted in households and people.
        assert_eq!(fired("目前建档立卡贫困户1898户7683人，贫困发生率29%。", "BD105"), 0);
        // The share of a group named before 占, whose count is not given.
        assert_eq!(fired("总人口11184人，实际在家人口3900人，其中朝鲜族占人口总数的42%。", "BD105"), 0);
    }

    #[test]
    fn fires_when_the_whole_is_named_without_de() {
        assert_eq!(fired("总人口13340人，劳动力7068人，占总人口54.78%。", "BD105"), 1);
        assert_eq!(fired("总人口13340人，劳动力7068人，占总人口52.98%。", "BD105"), 0);
    }

    #[test]
    fn a_share_alone_in_its_clause_divides_the_whole_named_with_zhong() {
        // 过半, 接近三分之一, 超过四成 after the count, the whole opening the sentence.
        assert_eq!(fired("全乡412户种植户中，有190户加入了合作社，占比过半。", "BD105"), 1);
        assert_eq!(fired("全乡412户种植户中，有230户加入了合作社，占比过半。", "BD105"), 0);
        assert_eq!(fired("全市150所乡村学校中，已有70所开通了专递课堂，接近三分之一。", "BD105"), 1);
        assert_eq!(fired("全市150所乡村学校中，已有48所开通了专递课堂，接近三分之一。", "BD105"), 0);
        assert_eq!(fired("全县90个合作社中，有30个办起了加工车间，超过四成。", "BD105"), 1);
        // Clean look-alike: no whole named with …中, so the bare share stays unread.
        assert_eq!(fired("今年又有30个合作社办起了加工车间，超过四成。", "BD105"), 0);
    }

    #[test]
    fn a_share_as_the_subject_is_the_count_restated_after_it() {
        assert_eq!(fired("全镇800名留守老人中，有35%接受了上门体检，共计360人。", "BD105"), 1);
        assert_eq!(fired("全镇800名留守老人中，有45%接受了上门体检，共计360人。", "BD105"), 0);
        assert_eq!(fired("全区2400名护林员中，有五成参加了防火培训，计1500人。", "BD105"), 1);
        assert_eq!(fired("该村500户村民中，已有20%安装了光伏板，共有130户。", "BD105"), 1);
        // Clean look-alike: the clause after counts something else.
        assert_eq!(fired("全镇800名留守老人中，有45%接受了上门体检，发放药品600盒。", "BD105"), 0);
    }

    #[test]
    fn the_group_and_whole_may_stand_in_the_sentence_before_the_share() {
        let s = "今年全县新增就业岗位3600个，其中由帮扶车间提供的1200个。帮扶车间提供的岗位占新增就业岗位总数的40%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "今年全县新增就业岗位3600个，其中由帮扶车间提供的1200个。帮扶车间提供的岗位占新增就业岗位总数的33.3%。";
        assert_eq!(fired(s, "BD105"), 0);
        let s = "全市培训农村劳动力5000人，其中返乡青年2000人。返乡青年占培训农村劳动力总数的25%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "全区建成光伏电站80座，其中村级电站60座。村级电站占光伏电站总数的九成。";
        assert_eq!(fired(s, "BD105"), 1);
        // Clean look-alike: a group that no part names (女性) is not read as 返乡青年.
        let s = "全市培训农村劳动力5000人，其中返乡青年2000人。女性占培训农村劳动力总数的25%。";
        assert_eq!(fired(s, "BD105"), 0);
    }

    #[test]
    fn zhanbi_with_no_whole_in_its_sentence_takes_the_one_in_the_sentence_before() {
        assert_eq!(fired("全县共有易地搬迁群众3.2万人。目前已有2.4万人实现稳定就业，占比达到60%。", "BD105"), 1);
        assert_eq!(fired("全县共有易地搬迁群众3.2万人。目前已有2.4万人实现稳定就业，占比达到75%。", "BD105"), 0);
        assert_eq!(fired("全乡登记残疾人420人。今年已有126人领取了护理补贴，占比四成。", "BD105"), 1);
        assert_eq!(fired("本村耕地共1800亩。流转给合作社的有900亩，占比六成。", "BD105"), 1);
        // The whole is a reading: a warning that says which figure it took.
        let d = run_text("全乡登记残疾人420人。今年已有126人领取了护理补贴，占比四成。");
        let d = d.iter().find(|d| d.rule == "BD105").expect("BD105");
        assert_eq!(d.severity, crate::model::Severity::Warning);
        assert!(d.message(crate::lang::Lang::Zh).contains("前一句中的420"), "{}", d.message(crate::lang::Lang::Zh));
        // Clean look-alike: two counts before (which is the whole is a guess).
        let s = "全县共有易地搬迁群众3.2万人、安置点住户1.1万人。目前已有2.4万人实现稳定就业，占比达到60%。";
        assert_eq!(fired(s, "BD105"), 0);
    }

    #[test]
    fn a_whole_named_with_quanbu_is_the_figure_of_what_follows_it() {
        // 全部 says "all of it": 占全部政务服务事项的 is a share of the 政务服务事项.
        let s = "全市梳理政务服务事项860项，其中可全程网办的774项，占全部政务服务事项的95%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "全市梳理政务服务事项860项，其中可全程网办的774项，占全部政务服务事项的90%。";
        assert_eq!(fired(s, "BD105"), 0);
        let s = "今年共排查隐患道路120处，已整治96处，占所有隐患道路的70%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "今年共排查隐患道路120处，已整治96处，占所有隐患道路的80%。";
        assert_eq!(fired(s, "BD105"), 0);
    }

    #[test]
    fn households_and_people_share_out_by_their_like_unit() {
        // The whole is a pair (1200户4500人); a part in people is of the people.
        let s = "全县完成危房改造任务1200户4500人，其中脱贫户960户3600人，占改造人口的85%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "全县完成危房改造任务1200户4500人，其中脱贫户960户3600人，占改造人口的80%。";
        assert_eq!(fired(s, "BD105"), 0);
        let s = "本轮共识别低收入人口2600户5200人，其中老年人口1820户3380人，占识别人口的70%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "本轮共识别低收入人口2600户5200人，其中老年人口1820户3380人，占识别人口的65%。";
        assert_eq!(fired(s, "BD105"), 0);
    }

    #[test]
    fn zhan_zongshu_in_a_list_after_qizhong_is_of_the_list_s_total() {
        let s = "全县有乡村医生860人，其中：女性301人，占总数的35%；大专以上学历215人，占总数的30%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "全县有乡村医生860人，其中：女性301人，占总数的35%；大专以上学历215人，占总数的25%。";
        assert_eq!(fired(s, "BD105"), 0);
        let s = "全市建成农家书屋420个，其中：村级352个，占总数的83.8%；社区级68个，占总数的20.2%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "全区认定家庭农场1500家，其中种植类900家，占总量的50%。";
        assert_eq!(fired(s, "BD105"), 1);
        // Clean look-alike: no count of the whole before 占总数的 in the sentence.
        assert_eq!(fired("全年接待游客12万人次。外地游客4万人次，占总数的六成。", "BD105"), 0);
    }

    #[test]
    fn a_whole_named_earlier_in_the_text_is_read_and_the_warning_says_so() {
        let text =
            "全乡现辖6个行政村，总人口4200户15600人。\n\n境内有河流3条，水库2座。\n\n全乡劳动力9360人，占总人口的70%。";
        let d = run_text(text);
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD105").collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, crate::model::Severity::Warning);
        assert!(d[0].message(Lang::Zh).contains("“总人口”按前文所写的1.56万"), "{}", d[0].message(Lang::Zh));
        let text =
            "全乡现辖6个行政村，总人口4200户15600人。\n\n境内有河流3条，水库2座。\n\n全乡劳动力9360人，占总人口的60%。";
        assert_eq!(fired(text, "BD105"), 0);
        // The stock of people said with 共有, naming no group, in the paragraph.
        assert_eq!(fired("全乡共有3100户、9800人。辖区回族2900人，占总人口的35%。", "BD105"), 1);
        assert_eq!(fired("全乡共有3100户、9800人。辖区回族2900人，占总人口的29.6%。", "BD105"), 0);
        // A list's total or its last part may be the share's part: either reading holds it.
        let s = "全镇共有5200户、16000人。劳动力9600人，其中外出务工6400人、在家3200人，占总人口的60%。";
        assert_eq!(fired(s, "BD105"), 0);
        let s = "全镇共有5200户、16000人。劳动力9600人，其中外出务工6400人、在家3200人，占总人口的50%。";
        assert_eq!(fired(s, "BD105"), 1);
        // Clean look-alike: a stock that names a group (党员) is no 总人口.
        assert_eq!(fired("全村共有党员45人。其中女党员12人，占总人口的1.2%。", "BD105"), 0);
    }

    #[test]
    fn a_ratio_said_by_its_name_divides_the_figures_its_words_name() {
        // 存贷比 is loans over deposits.
        assert_eq!(fired("年末各项存款余额86.4亿元，各项贷款余额51.2亿元，存贷比为62.3%。", "BD105"), 1);
        assert_eq!(fired("年末各项存款余额86.4亿元，各项贷款余额51.2亿元，存贷比为59.3%。", "BD105"), 0);
        assert_eq!(fired("存款余额240亿元；贷款余额180亿元；存贷比85%。", "BD105"), 1);
        assert_eq!(fired("存款余额240亿元；贷款余额180亿元；存贷比75%。", "BD105"), 0);
        // A change between the balances is no balance.
        let s = "全行存款余额12.4亿元，比年初增加1.5亿元，贷款余额9.3亿元，比年初增加0.6亿元，存贷比达到70%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "全行存款余额12.4亿元，比年初增加1.5亿元，贷款余额9.3亿元，比年初增加0.6亿元，存贷比达到75%。";
        assert_eq!(fired(s, "BD105"), 0);
        // Clean look-alike: deposits not stated, and a ratio that changed.
        assert_eq!(fired("各项贷款余额51.2亿元，存贷比为62.3%。", "BD105"), 0);
        assert_eq!(fired("存款余额240亿元，贷款余额180亿元，存贷比提高到80%。", "BD105"), 0);
    }

    #[test]
    fn a_completion_rate_divides_what_was_done_by_the_plan_before_it() {
        let s = "全年计划改造农村公路320公里。截至年底实际改造352公里，完成年度计划的115%。";
        let d = run_text(s);
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD105").collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, crate::model::Severity::Warning);
        assert!(d[0].message(Lang::Zh).contains("“计划”按前文所写的320"), "{}", d[0].message(Lang::Zh));
        let s = "全年计划改造农村公路320公里。截至年底实际改造352公里，完成年度计划的110%。";
        assert_eq!(fired(s, "BD105"), 0);
        // Households and people: either unit's pair may give the rate.
        let s = "计划搬迁1250户5600人，其中脱贫人口4100人。已搬迁入住1300户5800人，完成下达任务的103.6%。";
        assert_eq!(fired(s, "BD105"), 0);
        let s = "计划搬迁1250户5600人，其中脱贫人口4100人。已搬迁入住1300户5800人，完成下达任务的108%。";
        assert_eq!(fired(s, "BD105"), 1);
        let s = "今年目标新增就业岗位2000个。截至年底新增2180个，完成目标任务的118%。";
        assert_eq!(fired(s, "BD105"), 1);
        // Clean look-alike: no planned amount of the part's unit before it.
        assert_eq!(fired("今年计划投资8亿元。截至年底新增就业岗位2180个，完成全年任务的98%。", "BD105"), 0);
    }
}
