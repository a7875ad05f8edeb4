//! BD103: parts that do not fit their total. Reads the breakdowns the claims
//! layer found: a complete list (分别为, 三项合计) must make up its total; an
//! open one (其中, 包括…等) must not exceed it; parts that may overlap (two
//! dimensions, such as 女生 and 建档立卡家庭子女) are each held under it.

use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use super::{figure, finding_at, interval, with};
use crate::checks::claims::relations::scale;
use crate::model::Severity;

pub struct BreakdownExceedsTotal;

static DOC: RuleDoc = RuleDoc {
    id: "BD103",
    name: "breakdown-exceeds-total",
    severity: Severity::Error,
    title_zh: "分项合计与总数不符",
    title_en: "Parts that do not fit their total",
    what_zh: "找出总数和它的分项（“其中”“包括”“分别为”“三项合计”“有A、B、C三类共N个”），把分项加起来与总数比较：分项之和超过总数，或某一分项大于总数，即报错；列全的分项（“分别为”、写明项数）之和少于总数也报错。带“等”“主要”的列举只查是否超过；按不同维度划分、可能重叠的分项（如女生与建档立卡家庭子女）只查每一项是否超过总数。也读不带“其中”的写法：总数后括号内的分项、“分…看”“从…看”、“一是…二是…”、分项后的“共有”“以上共计”及下一句的总数；男女、城镇农村等两分项须合成总数；分项同时以两种单位列出（“整组搬迁1783户7378人，零星搬迁3303户13024人”）时，每种单位各自与总数比较，一种单位的分项恰好合成总数即说明已列全；总数的小数位少于各分项时，按截尾理解（“150.1公里”可为105.655与44.509之和）；“即：”后的列举和各段时间（“五年奖励，其中前三年给予80%，后两年给予50%”）也读；“甲、乙、丙等3个”所说的个数不能少于列出的项数；正文的个数须与注释开头的个数一致（“等6所幼儿园〔26〕”与“〔26〕6所幼儿园：”）；同一批对象后一环节的数不能多于前一环节（“42个项目开工45个”报错；“已建成24个，投入使用31个”“新增46家，总数达到38家”按同一批对象理解，给出警告）。",
    what_en: "Finds a total and its parts (其中, 包括, 分别为, 三项合计, 有A、B、C三类共N个) and adds the parts up. Parts that add up to more than the total, or one part larger than the total, is an error; so is a complete list (分别为, or a stated number of items) that falls short. A list with 等 or 主要 is only checked for exceeding; parts on different dimensions that may overlap (女生 and 建档立卡家庭子女) are each checked against the total. Parts without 其中 are read too: in brackets after the total, under 分…看 / 从…看, under 一是…二是, before 共有 / 以上共计 or a total in the next sentence; two sides of one split (男/女, 城镇/农村) must make the total; parts counted two ways (整组搬迁1783户7378人，零星搬迁3303户13024人) are added in each measure, and one measure whose parts make up its total exactly proves the list complete; a total written with fewer decimals than every part may be cut rather than rounded (150.1公里 for 105.655 + 44.509); lists after 即： and the ends of a stretch each said with its own rate (五年奖励，其中前三年给予80%，后两年给予50%) are read; a count said of named items (甲、乙、丙等3个) may not be fewer than the items named; a count in the text must be the count its note opens with (等6所幼儿园〔26〕 and 〔26〕6所幼儿园：); of the same things, a later step may not count more than an earlier one (42个项目开工45个 is an error; 已建成24个，投入使用31个 and 新增46家，总数达到38家 warn, taking them as the same things).",
    why_zh: "分项之和大于总数是最容易被读者发现、也最损害可信度的数字错误，多因改稿时只改了总数或只改了分项。",
    why_en: "Parts that add up to more than their total are the error readers spot first and trust least; it usually comes from editing the total or a part but not both.",
    example: "共帮扶困难职工1450户，其中城镇职工860户，农民工640户。",
    corrected: "共帮扶困难职工1450户，其中城镇职工810户，农民工640户。",
    fix_zh: "核对原始数据，改正总数或分项，使分项之和与总数相符。",
    fix_en: "Check the source and correct the total or the parts so that they agree.",
};

impl Rule for BreakdownExceedsTotal {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for b in &cx.claims.relations.breakdowns {
            let (t_lo, t_hi) = interval(cx, b.total);
            let total = figure(cx, b.total);
            let unit = total.unit.to_string();
            let (mut lo, mut hi, mut sum) = (0.0, 0.0, 0.0);
            // Parts in another unit of mass (86吨 beside 4.2万千克) count in the total's.
            let k = |p: usize| scale(figure(cx, p).unit) / scale(total.unit);
            for &p in &b.parts {
                let (a, z) = interval(cx, p);
                lo += a * k(p);
                hi += z * k(p);
                sum += figure(cx, p).value * k(p);
            }
            // A rounded total (4.6万人) stands for values from 4.55万 up to, not
            // including, 4.65万 (四舍五入): parts that reach 4.65万 at their least
            // are more than it, and parts that reach 4.55万 at most are less.
            let rounded = total.qualifier == crate::figures::Qualifier::Exact && t_hi > t_lo;
            // A total written coarser than every part may be cut, not rounded (截尾): parts of
            // 105.655公里 and 44.509公里 under a total of 150.1公里. It then stands for values up
            // to, not including, one unit of its last digit above it.
            let finer = b.parts.iter().all(|p| {
                let (a, z) = interval(cx, *p);
                (z - a) * k(*p) < (t_hi - t_lo) * 0.5
            });
            let t_hi = if rounded && finer { t_hi.max(total.value + (t_hi - t_lo)) } else { t_hi };
            let biggest = b.parts.iter().copied().find(|p| interval(cx, *p).0 * k(*p) > t_hi);
            let finding = if let Some(p) = biggest {
                Finding::PartOverTotal { part: figure(cx, p).value * k(p), total: total.value, unit }
            } else if b.overlapping || b.parts.len() < 2 {
                continue;
            } else if lo > t_hi || (rounded && lo >= t_hi) {
                Finding::PartsOverTotal { sum, total: total.value, unit }
            } else if b.complete && (hi < t_lo || (rounded && hi <= t_lo)) {
                Finding::PartsUnderTotal { sum, total: total.value, unit }
            } else {
                continue;
            };
            let mut d = finding_at(self, cx, b.total, finding);
            for &p in &b.parts {
                d = with(d, cx, p, RelatedRole::Part);
            }
            out.push(d);
        }
        // A count said of the items named beside it (甲、乙、丙、丁等3个项目).
        for l in cx.claims.relations.named_lists.iter().filter(|l| l.named.0 > l.said) {
            let s = &cx.sections[l.section];
            let said = s.body[l.span.clone()].to_string();
            out.push(Diagnostic::new(self, s.id, l.span.clone(), Finding::ListCount { named: l.named.0, said }));
        }
        // A later step of the same things counted above an earlier one.
        for x in cx.claims.relations.successions.iter() {
            let (lo, _) = interval(cx, x.later);
            let (_, hi) = interval(cx, x.earlier);
            if lo <= hi {
                continue;
            }
            let (earlier, later) = (figure(cx, x.earlier), figure(cx, x.later));
            let finding = Finding::LaterStepOver {
                later: (x.words.1.clone(), later.value),
                earlier: (x.words.0.clone(), earlier.value),
                unit: later.unit.to_string(),
                stated: x.stated,
            };
            let mut d = finding_at(self, cx, x.later, finding);
            if !x.stated {
                d.severity = Severity::Warning;
            }
            out.push(with(d, cx, x.earlier, RelatedRole::Whole));
        }
        // A count that its note opens with again (等6所幼儿园〔26〕, 〔26〕6所幼儿园：…).
        for n in &cx.claims.relations.note_counts {
            let s = &cx.sections[n.section];
            let said = s.body[n.span.clone()].to_string();
            let finding = Finding::NoteCount { said, mark: n.mark.clone(), in_note: n.in_note };
            out.push(Diagnostic::new(self, s.id, n.span.clone(), finding));
        }
        // What tables state by their layout: 合计 and 小计 rows, 合计 columns,
        // 其中 rows and columns, and a total in the text before a table.
        let tables = &cx.claims.relations.tables;
        out.extend(tables.sums.iter().filter_map(|t| t.diagnostic(self, cx)));
        out.extend(tables.subsets.iter().filter_map(|t| t.diagnostic(self, cx)));
        out.extend(tables.text_totals.iter().filter_map(|t| t.diagnostic(self, cx)));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::Lang;
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn a_total_opening_its_clause_after_the_parts() {
        assert_eq!(fired("东坪村建成光伏电站3座、西坪村5座、南坪村4座，共有14座。", "BD103"), 1);
        assert_eq!(fired("甲镇销售山货420万元，乙镇销售390万元，以上共销售860万元。", "BD103"), 1);
        assert_eq!(fired("东坪村建成光伏电站3座、西坪村5座、南坪村4座，共12座。", "BD103"), 0);
        // 每人…共: a product (10 teachers each train 3), not a list of parts.
        assert_eq!(fired("选派8名农技员，每人联系5户种植大户，共40户。", "BD103"), 0);
        assert_eq!(fired("东坪村建成光伏电站3座、西坪村5座，共同管护设施20座。", "BD103"), 0);
    }

    #[test]
    fn a_rounded_total_excludes_the_upper_end_of_its_rounding() {
        // 2.1+1.7+1.5 = 5.3 against 5.1: at their least the parts make 5.15, where 5.1 ends.
        let text = |t: &str| format!("全乡外出务工{t}万人。从务工地点看，乡内2.1万人，市内乡外1.7万人，市外1.5万人。");
        assert_eq!(fired(&text("5.1"), "BD103"), 1);
        assert_eq!(fired(&text("5.3"), "BD103"), 0);
        // Within the rounding: 5.2 may be 5.25 rounded down from parts of 5.3.
        assert_eq!(fired(&text("5.2"), "BD103"), 0);
        assert_eq!(
            fired("全县培训农民工1.2万人次，其中电商培训0.5万人次、家政培训0.4万人次、焊工培训0.5万人次。", "BD103"),
            1
        );
    }

    #[test]
    fn stretches_of_a_stretch_with_a_rate_each() {
        // Each end of the stretch has its own rate; the ends still add up to the stretch.
        assert_eq!(fired("按地方贡献给予四年补贴，其中前两年给予60%的补贴，后三年给予30%的补贴。", "BD103"), 1);
        assert_eq!(fired("连续奖励6年，即：前4年按50%奖励，后3年按30%奖励。", "BD103"), 1);
        assert_eq!(fired("项目建设期三年，其中前两年完成投资的70%，后两年完成30%。", "BD103"), 1);
        // Look-alikes: ends that make the stretch; ordinal years (第一年) of it.
        assert_eq!(fired("按地方贡献给予五年奖励，其中前三年给予80%的奖励，后两年给予50%的奖励。", "BD103"), 0);
        assert_eq!(fired("给予三年租金减免，其中第一年减免100%，第二年减免60%，第三年减免30%。", "BD103"), 0);
    }

    #[test]
    fn a_total_coarser_than_its_parts_may_be_cut_not_rounded() {
        // 38.46 + 21.42 = 59.88, written 59.8: cut at its last digit (rounded, it would be 59.9).
        assert_eq!(fired("全县新修道路59.8公里，其中：县道38.46公里，乡道21.42公里。", "BD103"), 0);
        assert_eq!(fired("累计完成造林12.4万亩，其中人工造林8.47万亩、封山育林3.99万亩。", "BD103"), 0);
        // A whole unit of the last digit over is too much, cut or rounded.
        assert_eq!(fired("全县新修道路59.8公里，其中：县道38.46公里，乡道21.48公里。", "BD103"), 1);
        // Parts written as finely as the total are held to its rounding.
        assert_eq!(fired("全县新修道路59.8公里，其中：县道38.6公里，乡道21.4公里。", "BD103"), 1);
    }

    #[test]
    fn parts_in_tonnes_and_kilograms_add_up_in_one_unit() {
        assert_eq!(fired("收购核桃52吨、板栗1.6万千克、花椒3000千克，合计7.1万千克。", "BD103"), 0);
        assert_eq!(fired("收购核桃52吨、板栗1.6万千克、花椒3000千克，合计6.5万千克。", "BD103"), 1);
        assert_eq!(fired("收购核桃5.2吨、板栗1600公斤，合计6.8吨。", "BD103"), 0);
    }

    #[test]
    fn parts_counted_two_ways_add_up_in_each_measure() {
        // Each part in households and people, or in area and output: each measure on its own.
        assert_eq!(fired("全乡脱贫户860户2950人，其中：一般脱贫户610户2130人，低保脱贫户280户820人。", "BD103"), 1);
        let tea = "全镇共有茶园1.2万亩，年产干茶900吨，其中：绿茶面积7000亩，年产520吨；红茶5000亩，产量420吨。";
        assert_eq!(fired(tea, "BD103"), 1);
        // The noun counted may stand between a count and its second figure.
        let projects = "全年实施重点项目36个，完成投资28.6亿元；其中市级重点项目12个，完成投资31.2亿元。";
        assert_eq!(fired(projects, "BD103"), 1);
        // One measure adds up exactly, so the list is complete and the other falls short.
        let town = "社区总户数5200户，13600人。其中，老城片区2100户，人口5400人；新城片区2900户，人口8200人。";
        assert_eq!(fired(town, "BD103"), 1);
        // The parts of the whole said first, not of the part said with its share.
        let moved = "全县搬迁任务3000户11000人，其中建档立卡户2400户9000人，占搬迁人口的81.8%，\
                     其中：集中安置1800户6600人，分散安置1200户4400人。";
        assert_eq!(fired(moved, "BD103"), 0);
        // After a series of totals joined by ；, a list that fits none may be of any of them.
        let series = "全镇蔬菜面积80公顷，产量2600吨；水果面积30公顷，产量170吨。\
                      其中：苹果面积12公顷，产量90吨；烟叶面积40公顷，产量60吨。";
        assert_eq!(fired(series, "BD103"), 0);
        // Look-alikes: pairs that fit; a part whose second figure is another thing.
        assert_eq!(fired("全乡脱贫户860户2950人，其中：一般脱贫户600户2130人，低保脱贫户260户820人。", "BD103"), 0);
        assert_eq!(fired("全村800人，其中劳动力500人，耕地3000亩，外出务工600人。", "BD103"), 0);
    }

    #[test]
    fn two_sides_of_one_split_make_up_the_total() {
        // 男/女 with nothing else named: the split is complete, so short is wrong too.
        assert_eq!(fired("全村常住人口2360人，其中男性人口1190人，女性人口1070人。", "BD103"), 1);
        assert_eq!(fired("参训学员820人，其中男学员430人、女学员350人。", "BD103"), 1);
        assert_eq!(fired("全县外出务工劳动力5400人，其中：城镇劳动力1900人，农村劳动力3100人。", "BD103"), 1);
        // Look-alikes: sides that fit, sides of a part of the total, sides that differ.
        assert_eq!(fired("全村常住人口2360人，其中男性人口1190人，女性人口1170人。", "BD103"), 0);
        assert_eq!(fired("全村常住人口2360人，其中男性劳动力690人，女性劳动力570人。", "BD103"), 0);
        assert_eq!(fired("今年债务限额900亿元，其中中央代发债券400亿元，地方自发债券380亿元。", "BD103"), 0);
    }

    #[test]
    fn fires_when_parts_exceed_the_total() {
        let d = run_text("共帮扶困难职工1450户，其中城镇职工860户，农民工640户。");
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD103").collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message(Lang::Zh), "分项合计1500户，超过总数1450户");
        assert_eq!(d[0].related.len(), 2);
        assert_eq!(fired("全市投入帮扶资金1200万元，其中产业项目1500万元。", "BD103"), 1);
        assert_eq!(fired("三个县分别投入300万元、450万元和200万元，共计900万元。", "BD103"), 1);
        // A complete list that falls short.
        assert_eq!(fired("三个车间共吸纳就业215人，分别为78人、69人和81人。", "BD103"), 1);
        assert_eq!(fired("全年发放救助资金820万元、医疗资金430万元、助学资金310万元，三项合计1500万元。", "BD103"), 1);
    }

    #[test]
    fn averages_and_the_bases_of_comparisons_are_no_parts() {
        // A per-capita income and the base of a comparison after 其中 do not add up to the total.
        let text = "农村居民人均可支配收入10000元，增长8.1%，其中贫困户人均纯收入9650元，比2014年的2860元增加6790元。";
        assert_eq!(fired(text, "BD103"), 0);
        assert_eq!(fired("全县销售农产品5000万元，其中线上销售3200万元，比上年的2100万元增加1100万元。", "BD103"), 0);
        // Counts after the same words still are.
        assert_eq!(fired("全县销售农产品5000万元，其中线上销售3200万元，线下销售2100万元。", "BD103"), 1);
    }

    #[test]
    fn a_list_goes_on_through_its_semicolons_past_each_parts_growth() {
        // 其中 opening a sentence, each part with its own growth, the parts joined by ；.
        let bulletin = |first: &str| {
            format!(
                "全县实现地区生产总值142.6亿元，增长4.8%。其中，第一产业增加值{first}亿元，增长4.1%；\
                 第二产业增加值48.5亿元，增长5.6%；第三产业增加值67.8亿元，增长4.5%。"
            )
        };
        assert_eq!(fired(&bulletin("28.3"), "BD103"), 1);
        assert_eq!(fired(&bulletin("26.3"), "BD103"), 0);
        // 增加值 is a measure, not an increase: the list does not stop at it.
        assert_eq!(fired("实现增加值50亿元，其中工业增加值30亿元，建筑业增加值25亿元。", "BD103"), 1);
        // Past a part's growth the list goes on only to a part named in parallel: 规模以上工业
        // is a part of 工业, 过夜游客 another cut of the visitors.
        let nested = "全县第二产业增加值60.5亿元，增长5.6%。其中，工业增加值40.2亿元，增长6.1%；规模以上工业增加值36.8亿元，增长6.5%。";
        assert_eq!(fired(nested, "BD103"), 0);
        let inline =
            "全县第二产业增加值60.5亿元，其中工业增加值40.2亿元，增长6.1%，规模以上工业增加值36.8亿元，增长6.5%。";
        assert_eq!(fired(inline, "BD103"), 0);
        let cut = "全年接待游客860万人次，增长12%。其中，乡村旅游接待游客520万人次，增长15%；过夜游客410万人次。";
        assert_eq!(fired(cut, "BD103"), 0);
        assert_eq!(fired("全县销售额2.6亿元，其中线上销售1.5亿元，同比增长20%，线下销售1.3亿元。", "BD103"), 1);
    }

    #[test]
    fn the_base_of_a_comparison_is_no_total() {
        // 其中 after 较2020年的1.8亿元增长35%: the parts are of this year's 2.63亿.
        let text = "全县农副产品销售额达2.63亿元，较2020年的1.8亿元增长46%，其中线上销售1.5亿元，线下销售1.3亿元。";
        let d = run_text(text);
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD103").collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].message(Lang::Zh), "分项合计2.8亿元，超过总数2.63亿元");
        let fits = "全县农副产品销售额达2.63亿元，较2020年的1.8亿元增长46%，其中线上销售1.4亿元，线下销售1.2亿元。";
        assert_eq!(fired(fits, "BD103"), 0);
    }

    #[test]
    fn steps_of_one_process_are_no_split() {
        // Trained, of whom some sat the test, of whom some passed: each holds the next.
        let text = "全市开展技能培训36000人次，其中参加考核32000人次，考核合格29400人次，合格率91.9%。";
        assert_eq!(fired(text, "BD103"), 0);
        assert_eq!(fired(text, "BD105"), 0);
        // Passed and failed split those who sat the test: they add up.
        assert_eq!(fired("参加考核32000人次，其中考核合格29400人次，考核不合格3600人次。", "BD103"), 1);
        assert_eq!(fired("参加考核32000人次，其中考核合格29400人次，考核不合格2600人次。", "BD103"), 0);
    }

    #[test]
    fn silent_when_parts_fit() {
        assert_eq!(fired("共帮扶困难职工1450户，其中城镇职工810户，农民工640户。", "BD103"), 0);
        assert_eq!(fired("吸纳就业近2000人，其中建档立卡贫困人口1460人。", "BD103"), 0);
        assert_eq!(
            fired("带动脱贫户8600余户，其中食用菌基地带动3200户，中药材带动2900户，肉牛养殖带动2600户。", "BD103"),
            0
        );
        assert_eq!(fired("三个县分别投入300万元、450万元和150万元，共计900万元。", "BD103"), 0);
        // A part of another unit is no part: 户均 is money per household.
        assert_eq!(fired("共带动脱贫户860户，其中户均增收3200元。", "BD103"), 0);
        // Overlapping dimensions, an open list, a part of a part.
        assert_eq!(fired("资助学生860名，其中女生470名，建档立卡贫困家庭子女520名。", "BD103"), 0);
        assert_eq!(fired("帮扶职工1380户，其中因病致困520户、因残致困310户、因子女上学致困240户等。", "BD103"), 0);
        assert_eq!(fired("建成车间58个，其中东区21个（含新建9个）、西区17个、南区20个。", "BD103"), 0);
    }
}
