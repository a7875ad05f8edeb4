//! Names a figure stands in, modifies or follows as a topic: rules of Chinese
//! by which a claim's subject is a name said around the figure rather than in
//! the topic position before it (see `subjects` for that).
//!
//! - A figure inside quotation marks is part of a name: 落实“8337”发展思路.
//! - A figure before 的 modifies the name after it: 投资5.5亿元的城东污水处理厂.
//! - A sentence or an item that opens with a name alone is about that thing:
//!   梅坳水库，设计库容…; 二是桐溪茶叶采摘园，占地…
//! - A facility named after a place's short form keeps the place: 柳河站.
//! - A run-in heading that opens with an act names a task, not a thing.

use std::ops::Range;

use super::reading::{SentenceWords, Subject, SubjectKind, is_anaphor, is_frame_word, is_in, normalise_subject};
use super::scope;
use super::subjects::{acts, ending_kind, says_of};
use crate::checks::lexicon::claims::{LIGHT_VERBS, ORGANISATION_ENDINGS, PLACE_ENDINGS, PROJECT_ENDINGS};
use crate::checks::words::{Pos, Word};

impl SentenceWords {
    /// A proper name made of a place's short form and a bare kind keeps the
    /// place: 柳河站, 姜家店水库, 松岭林场, 北京站. Facilities are named after the
    /// place they serve written short, without its level word, and the kind alone
    /// (站, 水库) would name nothing. A place written whole (柳河县企业, 全县学校)
    /// is where a kind of thing is, and stays out of the name.
    ///
    /// Returns where the name starts: `start`, or the short form's first word.
    pub(super) fn short_place_in_name(&self, body: &str, words: &[Word], start: usize, k: usize) -> usize {
        let Some(first) = words.get(start) else { return start };
        let name = &body[first.span.start..words[k].span.end];
        if start == 0 || !is_anaphor(name) {
            return start;
        }
        let Some(m) = self.places.iter().find(|m| m.short && m.span.end == first.span.start) else { return start };
        let mut s = start;
        while s > 0 && words[s - 1].span.start >= m.span.start {
            s -= 1;
        }
        if s < start && words[s].span.start == m.span.start { s } else { start }
    }

    /// The name a figure stands inside quotation marks of (落实“8337”发展思路,
    /// “冀麦3号”亩产…): the quoted words and the nouns of two characters or more
    /// right after them (“8337”发展思路). A figure inside quotation marks is part of
    /// the name of a plan, a slogan or a variety, and the claim is about that name.
    /// So is a count right before a quoted name (五个“桐溪之变”, 三个“一百”): it
    /// counts the parts of the named idea.
    ///
    /// Left alone: a time in quotation marks (“十四五”), a count before an opening
    /// quotation mark that names a place (3个“组组通”村 is still a count of villages
    /// and takes the rule of counts).
    pub(super) fn quoted_around(&self, body: &str, figure: &Range<usize>) -> Option<Subject> {
        let k = self.words.iter().position(|w| w.span.start == figure.start && w.pos == Pos::Figure)?;
        let text = |w: &Word| &body[w.span.clone()];
        let open = (k.saturating_sub(4)..k).rev().find(|&i| matches!(text(&self.words[i]), "“" | "”" | "《" | "》"));
        let (open, close) = match open {
            Some(i) if text(&self.words[i]) == "“" || text(&self.words[i]) == "《" => {
                let want = if text(&self.words[i]) == "“" { "”" } else { "》" };
                let j = (k + 1..(k + 5).min(self.words.len())).find(|&j| text(&self.words[j]) == want)?;
                (i, j)
            }
            _ => {
                // A count right before the name: 五个“桐溪之变”.
                let next = self.words.get(k + 1)?;
                if text(next) != "“" {
                    return None;
                }
                let unit = crate::figures::extract(text(&self.words[k])).first().map_or("", |f| f.unit);
                if unit != "个" {
                    return None;
                }
                let j = (k + 2..(k + 8).min(self.words.len())).find(|&j| text(&self.words[j]) == "”")?;
                (k + 1, j)
            }
        };
        let inner = &body[self.words[open].span.end..self.words[close].span.start];
        // A quoted figure that a definition follows (〔6〕“135”：…，“5”即…) labels a
        // part of the idea defined, not a name of its own.
        if self.words.get(close + 1).is_some_and(|w| matches!(text(w), "即" | "指" | "是" | "为")) {
            return None;
        }
        // A year alone (“2020”) is a time; other digits alone (“8337”) are a code.
        let digits = inner.chars().all(|c| c.is_ascii_digit());
        let year = digits && inner.len() == 4 && matches!(inner.parse::<u32>(), Ok(1900..=2100));
        if inner.is_empty() || !scope::plans(inner).is_empty() || (scope::is_time_clause(inner) && (!digits || year)) {
            return None;
        }
        // A count alone in quotation marks, with its classifier, names a class of people or things
        // (“两户”家庭, “三类”人员): what is counted, not one named thing.
        let unit = crate::figures::extract(inner).first().filter(|f| f.span == (0..inner.len())).map(|f| f.unit);
        if unit.is_some_and(|u| !u.is_empty()) {
            return None;
        }
        // The words of two characters or more after it (a verb inside: 振兴方略), to
        // the last noun among them.
        let mut end = close;
        let mut k = close;
        while k + 1 < self.words.len() && k < close + 3 {
            let w = &self.words[k + 1];
            let t = text(w);
            let fits = matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::Other | Pos::VerbNoun | Pos::Verb);
            // A light verb inside the name (发展思路) is no frame of the claim here.
            let frame = is_frame_word(t) && !is_in(LIGHT_VERBS, t);
            if !fits || t.chars().count() < 2 || frame {
                break;
            }
            k += 1;
            if matches!(w.pos, Pos::Noun | Pos::Unknown | Pos::Other) && !says_of(w, t) {
                end = k;
            }
        }
        let name = body[self.words[open].span.start..self.words[end].span.end].to_string();
        Some(Subject { text: name, kind: SubjectKind::Quoted })
    }

    /// The thing a figure measures as the modifier of its name (投资5.5亿元的城东
    /// 污水处理厂二期工程, 日处理300吨的垃圾焚烧厂): a figure right before 的, then
    /// a name that runs, with no act and no mark but a dash (海—宝公路), to the
    /// ending of a name. The figure is that thing's, and the thing is the claim's
    /// subject.
    ///
    /// Left alone: a name that is only a kind (投资300万元的项目), a figure before 的
    /// that ends a clause of its own (增长12%的基础上: no name after it).
    pub(super) fn modified_name(&self, body: &str, figure: &Range<usize>) -> Option<Subject> {
        let k = self.words.iter().position(|w| w.span.start == figure.start && w.pos == Pos::Figure)?;
        let text = |w: &Word| &body[w.span.clone()];
        if self.words.get(k + 1).map(text) != Some("的") {
            return None;
        }
        let from = k + 2;
        let mut end = from;
        while end < self.words.len() {
            let w = &self.words[end];
            let t = text(w);
            let dash = matches!(t, "—" | "－" | "-");
            if (w.pos == Pos::Punctuation && !dash) || matches!(w.pos, Pos::Verb | Pos::Preposition) || is_frame_word(t)
            {
                break;
            }
            end += 1;
        }
        // No word of a name after 的 (4.6万户的 （…）: a clause ends there).
        if end == from {
            return None;
        }
        let start = self.words.get(from)?.span.start;
        let run = &body[start..self.words.get(end - 1)?.span.end];
        // The last ending of a name in the run (…二期工程建设: 工程).
        let (at, kind) = ORGANISATION_ENDINGS
            .iter()
            .chain(PROJECT_ENDINGS)
            .chain(PLACE_ENDINGS)
            .filter_map(|e| run.rfind(e).map(|i| (i + e.len(), ending_kind(e).unwrap_or(SubjectKind::Project))))
            .max_by_key(|(at, _)| *at)?;
        let name = normalise_subject(&run[..at]);
        // The name must end a word of the run, not a word's first part but a kind's act
        // after it (工程建设), and must be more than a kind.
        let ends_word = self.words[from..end].iter().any(|w| w.span.end == start + at)
            || ["建设", "改造"].iter().any(|a| run[at..].starts_with(a));
        (ends_word && !is_anaphor(&name) && !is_in(PLACE_ENDINGS, &name)).then_some(Subject { text: name, kind })
    }

    /// The thing an anniversary is of: a count of years (周年) right after a verb
    /// of founding (`FOUNDING_VERBS`) is the age of the thing named before the
    /// verb, which the claim is about, whatever act frames it (隆重庆祝中国共产党
    /// 成立95周年: the party's; 纪念县人民医院建院七十周年: the hospital's).
    ///
    /// Left alone: a verb of founding with no name of an organisation or a project
    /// before it (建党100周年, 新中国成立70周年: no body's own figure).
    pub(super) fn anniversary_of(&self, body: &str, figure: &Range<usize>) -> Option<Subject> {
        use crate::checks::lexicon::claims::FOUNDING_VERBS;
        // Most figures are no count of years: asked first, as it costs nothing.
        if !body[figure.clone()].ends_with("周年") {
            return None;
        }
        let k = self.words.iter().position(|w| w.span.start == figure.start && w.pos == Pos::Figure)?;
        let unit = crate::figures::extract(&body[figure.clone()]).first().map_or("", |f| f.unit);
        if unit != "周年" || k < 2 || !is_in(FOUNDING_VERBS, &body[self.words[k - 1].span.clone()]) {
            return None;
        }
        let named = &self.words[k - 2];
        let kind = ending_kind(&body[named.span.clone()])?;
        if matches!(named.pos, Pos::Verb | Pos::Figure | Pos::Punctuation) {
            return None;
        }
        let start = self.name_start(body, &self.words, k - 2);
        let name = normalise_subject(&body[self.words[start].span.start..named.span.end]);
        (!is_anaphor(&name)).then_some(Subject { text: name, kind })
    }
}

/// The thing a sentence names as its topic: its first clause is nothing but a
/// name, after an item's marker if any, and the clauses after it say things of
/// it. Every claim of the sentence without a subject of its own is about that
/// thing, not about its paragraph's.
///
/// - 梅坳水库，设计库容120万立方米，正常水位88米。: the reservoir's.
/// - 二是桐溪茶叶加工厂，占地40亩，年产干茶300吨；: the factory's (the item's
///   head is the item's subject).
///
/// Left alone: a clause that acts (二是加强道路建设，…), a time (2020年，…), a
/// sentence of one clause.
pub(super) fn sentence_topic(body: &str, words: &SentenceWords, first_clause: Range<usize>) -> Option<Subject> {
    use crate::checks::lexicon::relations::ITEM_MARKERS;
    let clause = &body[first_clause.clone()];
    let skip = ITEM_MARKERS.iter().find(|m| clause.starts_with(**m)).map_or(0, |m| m.len());
    let range = first_clause.start + skip..first_clause.end;
    if range.is_empty() || scope::is_time_clause(&body[range.clone()]) {
        return None;
    }
    // The marker must be a word of its own, not glued to the name.
    if words.words.iter().any(|w| w.span.start < range.start && w.span.end > range.start) {
        return None;
    }
    if skip == 0 {
        return words.name_clause(body, range);
    }
    // An item's head may name a site by what is done there (桐溪茶叶采摘园, 梅坳
    // 垂钓山庄): a verb inside the name, after its first word, before its ending.
    let content: Vec<&Word> = words.within(&range).iter().filter(|w| w.pos != Pos::Punctuation).collect();
    let (first, last) = (content.first()?, content.last()?);
    let head = body[first.span.start..last.span.end].trim();
    let kind = ending_kind(head)?;
    let names = |w: &Word| {
        let t = &body[w.span.clone()];
        !matches!(w.pos, Pos::Figure | Pos::Time | Pos::Preposition | Pos::Adverb) && !is_frame_word(t)
    };
    let first_names = !acts(first, &body[first.span.clone()]) && first.pos != Pos::Adjective;
    (first_names && content.iter().all(|w| names(w)) && !is_anaphor(head))
        .then(|| Subject { text: head.to_string(), kind })
}

/// Whether a heading's first word is an act: a verb, or a word the dictionaries
/// do not hold, of two characters, a verb and its result (做响, 抓牢, 建强), which
/// the segmenter leaves as one unknown word; not a name (盛鹏: the second is a noun). A heading
/// that opens with an act names a task (做响特色品牌。), not a thing.
pub(super) fn opens_with_verb(first: &str, pos: Pos) -> bool {
    if pos == Pos::Verb {
        return true;
    }
    let mut chars = first.chars();
    let (Some(c), Some(r), None, true) = (chars.next(), chars.next(), chars.next(), pos == Pos::Unknown) else {
        return false;
    };
    // The result: a verb or a word of quality (做响, 建强), not a noun (盛鹏 is a name).
    let seg = crate::checks::words::segmenter();
    seg.pos_of(c.encode_utf8(&mut [0; 4])) == Some(Pos::Verb)
        && matches!(seg.pos_of(r.encode_utf8(&mut [0; 4])), Some(Pos::Verb | Pos::Adjective | Pos::Other))
}

#[cfg(test)]
pub(super) mod tests {
    use crate::checks::{Context, Env};
    use crate::model::{Brief, Role};

    /// The subject the checks read for the figure written `figure` in `text` (the
    /// body of one section), or "-".
    pub(in crate::checks::claims) fn subject_of(text: &str, figure: &str) -> String {
        let mut b = Brief::default();
        let s = b.new_section(Role::Custom, "正文", text);
        b.sections.push(s);
        let env = Env::default();
        let cx = Context::new(&b, &env);
        let c = cx
            .claims
            .all
            .iter()
            .find(|c| {
                let view = &cx.sections[c.section];
                &view.body[view.figures[c.figure].span.clone()] == figure
            })
            .unwrap_or_else(|| panic!("no claim {figure} in {text}"));
        c.subject().map_or("-".to_string(), |s| s.text.clone())
    }

    #[test]
    fn a_figure_inside_quotation_marks_is_part_of_a_name() {
        assert_eq!(subject_of("全面落实“3521”振兴方略，各项工作稳步推进。", "3521"), "“3521”振兴方略");
        assert_eq!(subject_of("“晋麦7号”创全省旱地小麦单产纪录。", "7"), "“晋麦7号”");
        assert_eq!(subject_of("四个“梅坳之变”让群众看到了希望。", "四个"), "“梅坳之变”");
        // A count alone in quotation marks names a class, and a plan's years are a time.
        assert_eq!(subject_of("全县“三类”人员共1200人，全部纳入监测。", "三类"), "-");
        assert_eq!(subject_of("“十四五”期间新建道路120公里。", "120公里"), "-");
    }

    #[test]
    fn a_figure_before_de_measures_the_name_after_it() {
        assert_eq!(subject_of("总投资3.2亿元的桐溪物流园二期工程建成投用。", "3.2亿元"), "桐溪物流园二期工程");
        assert_eq!(subject_of("日处理600吨的城北垃圾焚烧厂并网发电。", "600吨"), "城北垃圾焚烧厂");
        assert_eq!(subject_of("投资1800万元的梅—柘乡村公路通车。", "1800万元"), "梅—柘乡村公路");
        // A bare kind after 的 is no name.
        assert_eq!(subject_of("全年新开工投资500万元以上的项目86个。", "500万元以上"), "-");
        // Nothing after 的 but a mark: no name, and no slice past the figure.
        assert_eq!(subject_of("4.6万户的 （星期一）", "4.6万户"), "-");
        assert_eq!(subject_of("覆盖3000人的，", "3000人"), "-");
    }

    #[test]
    fn a_sentence_that_opens_with_a_name_is_about_it() {
        assert_eq!(subject_of("梅坳水库，总库容120万立方米，正常水位88米。", "88米"), "梅坳水库");
        assert_eq!(subject_of("一是桐溪茶叶采摘园，占地120亩，年接待游客8000余人。", "8000余人"), "桐溪茶叶采摘园");
        assert_eq!(subject_of("三是青禾垂钓山庄，投资200万元，建成客房40间。", "200万元"), "青禾垂钓山庄");
        // An item that acts is no name.
        assert_eq!(subject_of("二是加快道路建设，新建通村公路40公里。", "40公里"), "-");
    }

    #[test]
    fn a_station_named_after_a_place_keeps_the_place() {
        assert_eq!(subject_of("柳河站位于县城北部，距梅河口站32公里。", "32公里"), "柳河站");
        assert_eq!(subject_of("阜平站始建于1958年，年发送旅客30万人次。", "30万人次"), "阜平站");
        assert_eq!(subject_of("贵阳医院今年接诊病人12万人次。", "12万人次"), "贵阳医院");
        // A place written whole stays out of a kind's name.
        assert_ne!(subject_of("柳河县企业今年新增就业1200人。", "1200人"), "柳河县企业");
    }

    #[test]
    fn a_heading_that_opens_with_an_act_names_no_thing() {
        assert_eq!(subject_of("做强特色品牌。全年新增绿色食品认证12个。", "12个"), "-");
        assert_eq!(subject_of("抓牢园区建设。园区新入驻企业8家。", "8家"), "-");
        assert_eq!(subject_of("建强村级组织。新建村级活动场所15处。", "15处"), "-");
        // A heading that names a thing gives its paragraph's subject.
        assert_eq!(subject_of("3.“组组通”公路。全长28公里，投资2100万元。", "28公里"), "“组组通”公路");
    }
}

#[cfg(test)]
mod subject_tests {
    use super::tests::subject_of;

    #[test]
    fn an_owner_before_de_owns_the_figure_after_any_act() {
        assert_eq!(subject_of("要把省级财政的12亿元奖补资金用到实处。", "12亿元"), "省级财政");
        assert_eq!(subject_of("把城投公司的3000万元存量资金盘活。", "3000万元"), "城投公司");
        assert_eq!(subject_of("发挥梅坳合作社的200名社员作用。", "200名"), "梅坳合作社");
        // A kind alone before 的 owns nothing of its own.
        assert_eq!(subject_of("发放企业的120万元稳岗补贴。", "120万元"), "-");
    }

    #[test]
    fn a_budget_that_funds_is_a_subject() {
        assert_eq!(subject_of("中央财政下达补助资金8亿元。", "8亿元"), "中央财政");
        assert_eq!(subject_of("省级财政安排奖补资金2.6亿元。", "2.6亿元"), "省级财政");
        assert_eq!(subject_of("市级财政投入4300万元。", "4300万元"), "市级财政");
        // Money said of no one keeps no subject.
        assert_eq!(subject_of("全年筹措资金4300万元。", "4300万元"), "-");
    }

    #[test]
    fn a_note_that_opens_with_a_count_of_things_names_none() {
        assert_eq!(subject_of("〔3〕4个冷链仓储中心：分布在梅坳、桐溪等地，总库容2万吨。", "2万吨"), "-");
        assert_eq!(subject_of("〔5〕2所寄宿制学校：新增学位900个。", "900个"), "-");
        assert_eq!(subject_of("〔8〕3个标准化养殖小区：存栏肉牛1500头。", "1500头"), "-");
        // A count that opens a slogan is part of one idea's name.
        assert_eq!(subject_of("〔9〕五个坚持：年内落实举措20项。", "20项"), "五个坚持");
    }

    #[test]
    fn a_name_before_a_colon_is_the_labels_not_the_clauses() {
        // The body that owns a noted idea names where it applies: the note is the idea's.
        assert_eq!(subject_of("〔4〕市委“一三五”工作布局：即抓好一个中心、突出三项重点。", "三项"), "“一三五”工作布局");
        assert_eq!(subject_of("〔6〕县委“四个一”要求：落实四项机制。", "四项"), "“四个一”要求");
        assert_eq!(subject_of("〔7〕省委“两翼”战略：建设两个示范区。", "两个"), "“两翼”战略");
        // A label cut inside brackets is no label, and an extent is a lead-in.
        assert_eq!(subject_of("（二）辖区范围：总面积36平方公里。", "36平方公里"), "-");
    }

    #[test]
    fn a_figure_that_counts_a_kind_has_no_subject() {
        assert_eq!(subject_of("高新技术企业新增14家，总数达到52家。", "14家"), "-");
        assert_eq!(subject_of("农民专业合作社达到86家。", "86家"), "-");
        assert_eq!(subject_of("“小散乱”作坊关停近800个。", "近800个"), "-");
        // A name with a counted noun of its own stays the subject.
        assert_eq!(subject_of("桐溪物流公司拥有冷库12座。", "12座"), "桐溪物流公司");
    }
}
