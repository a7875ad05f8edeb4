//! BD113: numeral forms that break GB/T 15835-2011 or disagree with the rest
//! of the brief. Full-width digits are one finding per paragraph (or per
//! section, where a section is set in them throughout), with one fix for all.

use std::ops::Range;

use super::super::claims::{is_count, is_money};
use super::super::finding::Extent;
use super::super::{Context, Diagnostic, Finding, FixElsewhere, Rule, RuleDoc, SectionView};
use crate::figures::{Damage, Figure, Kind, Qualifier};
use crate::model::{SectionId, Severity};

pub struct NumeralForm;

static DOC: RuleDoc = RuleDoc {
    id: "BD113",
    name: "numeral-form",
    severity: Severity::Warning,
    title_zh: "数字用法不规范、不统一",
    title_en: "Numeral forms that break GB/T 15835-2011 or disagree",
    what_zh: "按GB/T 15835-2011检查：同类计量数字有的用阿拉伯数字、有的用汉字（5600余万元……三千余万元）；全角数字；月、日前补零（03月05日）；两位数年份（20年3月）；范围前项省略万、亿或%（10～20万元应为10万～20万元，15～30%应为15%～30%）。还指出录入或提取中损坏的数字：被空格断开的数字（“3 .4 6 万户”按3.46万户读取）、把字母当数字（2O23年、38O万元、l2个）、汉字数字中夹阿拉伯数字0（二0二一年应为二〇二一年）、位数多出的年份（201920年）。",
    what_en: "Following GB/T 15835-2011: figures of one kind written in Arabic numerals in one place and Chinese numerals in another (5600余万元 … 三千余万元); full-width digits; zero-padded months and days (03月05日); two-digit years (20年3月); ranges whose first end drops 万, 亿 or % (10～20万元 for 10万～20万元, 15～30% for 15%～30%). Also numerals damaged in typing or extraction: digits spaced apart (`3 .4 6 万户`, read as 3.46万户), a letter for a digit (2O23年, 38O万元, l2个), an Arabic 0 among Chinese digits (二0二一年 for 二〇二一年), a year with extra digits (201920年).",
    why_zh: "同一篇文稿数字写法不统一显得粗糙；范围省略单位会产生歧义（10～20万元可读作10元至20万元）；损坏的数字在排版后往往看不出来，却会被读错。",
    why_en: "Mixed forms look careless, and a range that drops its magnitude is ambiguous (10～20万元 can read as 10 元 to 200,000 元); a damaged numeral is easy to miss on the page and easy to misread.",
    example: "市级投入5600余万元，县级投入三千余万元，贷款额度为10～20万元。",
    corrected: "市级投入5600余万元，县级投入3000余万元，贷款额度为10万～20万元。",
    fix_zh: "计量和计数统一用阿拉伯数字；数字用半角；去掉月日前的0；年份写全；范围两端都写出万、亿或%；删去数字中的空格，把字母改为数字，汉字年份中的零写作〇，核对位数有误的年份。",
    fix_en: "Use Arabic numerals for counts and measures; half-width digits; no leading zeros in months and days; four-digit years; write 万, 亿 or % on both ends of a range; remove spaces inside figures, write digits for letters, write the zero of a Chinese-numeral year as 〇, and check a year with extra digits against the source.",
};

fn has_arabic(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

fn has_fullwidth(s: &str) -> bool {
    s.chars().any(|c| ('０'..='９').contains(&c))
}

fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '％' => '%',
            '／' => '/',
            c => c,
        })
        .collect()
}

/// Money and counts written in Chinese numerals where Arabic would be standard:
/// not adjacent digits (三五个), not bare multipliers (近千名), not single digits (三个).
fn chinese_measure(f: &Figure, text: &str) -> bool {
    f.kind == Kind::Quantity
        && (is_money(f.unit) || is_count(f.unit))
        && !has_arabic(text)
        && !has_fullwidth(text)
        && f.qualifier != Qualifier::Range
        && f.value >= 10.0
        && text.chars().any(|c| "一二三四五六七八九两壹贰叁肆伍陆柒捌玖".contains(c))
}

/// Whether a figure in Chinese numerals is the order of a session in its name:
/// after 届 or 第 (省委九届十一次全会, 第十一次党代会), or a count of 次 that runs,
/// through a list of its like, into a session word (十一次、十二次全会精神).
/// GB/T 15835-2011 keeps Chinese numerals in such names, so it is no measure.
///
/// Left alone: 开展督查十一次 (a count of times, no session word after it).
fn names_a_session(body: &str, f: &Figure) -> bool {
    use crate::checks::lexicon::numerals::{SESSION_ORDER_MARKS, SESSION_WORDS};
    let before = &body[..f.span.start];
    if SESSION_ORDER_MARKS.iter().any(|m| before.ends_with(m)) {
        return true;
    }
    if f.unit != "次" {
        return false;
    }
    // Past the numerals, 次 and 、 of a list, up to twelve characters.
    let rest: String =
        body[f.span.end..].chars().take(12).skip_while(|c| "、一二三四五六七八九十次".contains(*c)).collect();
    SESSION_WORDS.iter().any(|w| rest.starts_with(w))
}

/// A figure in Chinese numerals written in Arabic (三十五家 → 35家, 三万五千元 →
/// 3.5万元), where the figure is exact and the text is the numeral then its unit.
fn arabic_fix(f: &Figure, text: &str) -> Option<String> {
    let numeral = text.strip_suffix(f.unit)?;
    let all_numeral = numeral.chars().all(|c| "零〇一二三四五六七八九十百千万亿两点".contains(c));
    (f.qualifier == Qualifier::Exact && !numeral.is_empty() && all_numeral)
        .then(|| format!("{}{}", crate::model::value::show(f.value), f.unit))
}

impl Rule for NumeralForm {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let measure = |f: &Figure| f.kind == Kind::Quantity && (is_money(f.unit) || is_count(f.unit));
        let any_arabic = cx.sections.iter().any(|s| s.figures.iter().any(|f| measure(f) && has_arabic(s.text(f))));
        let whole_text = full_width_text(self, cx, out);
        spaced_digits(self, cx, out);
        for s in &cx.sections {
            if !whole_text {
                full_width(self, s, out);
            }
            damaged(self, s, out);
            for f in &s.figures {
                let text = s.text(f);
                if has_fullwidth(text) || f.damage.is_some() {
                    continue;
                }
                if any_arabic && chinese_measure(f, text) && !names_a_session(s.body, f) {
                    let d = Diagnostic::new(
                        self,
                        s.id,
                        f.span.clone(),
                        Finding::ChineseNumerals { figure: text.to_string() },
                    );
                    out.push(match arabic_fix(f, text) {
                        Some(fixed) => d.fix(fixed),
                        None => d,
                    });
                    continue;
                }
                if f.kind == Kind::Date {
                    date_form(self, s.id, f, text, &s.body[..f.span.start], out);
                    continue;
                }
                if year_lost_its_century(s, f) {
                    let finding = Finding::TwoDigitYear { date: text.to_string() };
                    out.push(Diagnostic::new(self, s.id, f.span.clone(), finding));
                    continue;
                }
                if f.qualifier == Qualifier::Range
                    && let Some(fixed) = range_fix(text, &f.marker)
                {
                    let finding = Finding::RangeDropsUnit { range: text.to_string(), fixed: fixed.clone() };
                    out.push(Diagnostic::new(self, s.id, f.span.clone(), finding).fix(fixed));
                }
            }
        }
    }
}

/// 2019年…，20年又新建…: a span of years that is a year with its century lost.
/// It opens its clause, a year of four digits two or three apart stands before
/// it in the sentence, and no word of duration follows (20年来, 20年间).
fn year_lost_its_century(s: &SectionView, f: &Figure) -> bool {
    let text = s.text(f);
    if f.kind != Kind::Quantity || f.unit != "年" || f.qualifier != Qualifier::Exact || text.len() != "20年".len() {
        return false;
    }
    let yy = f.value as i32;
    let before = &s.body[..f.span.start];
    let after = &s.body[f.span.end..];
    let opens_clause = before.is_empty() || before.ends_with(['，', '；', '。', '\n', ',']);
    let duration = ["来", "间", "内", "以来", "多", "后", "前", "的", "左右", "之", "里", "中"]
        .iter()
        .any(|w| after.starts_with(w));
    if !opens_clause || duration {
        return false;
    }
    let Some(sentence) = s.sentence_at(f.span.start) else { return false };
    s.sentence_figures(sentence).iter().take_while(|o| o.span.start < f.span.start).any(|o| {
        o.kind == Kind::Date
            && o.date
                .as_ref()
                .and_then(|d| d.year)
                .is_some_and(|y| y >= 1900 && (y % 100 - yy).abs() <= 3 && y % 100 != yy)
    })
}

/// Numerals damaged in typing or extraction, as the figure engine marked
/// them ([`crate::figures::Damage`]):
/// - digits a PDF spaced apart (`3 .4 6 万户`, read as 3.46万户): Chinese sets
///   no space inside a word, so the spaces are extraction's. One finding per
///   figure, or one for a section with several (a statute whose article
///   numbers all read 第1 0条), with one fix that removes every such space;
/// - a letter typed for the digit it looks like (2O23年, 38O万元, l2个);
/// - an Arabic zero or a letter O among Chinese digits (二0二一年): GB/T
///   15835 writes the zero of a Chinese-numeral year as 〇;
/// - a year with extra digits (201920年): a year has four digits, and no one
///   counts 201920 years.
fn damaged(rule: &NumeralForm, s: &SectionView, out: &mut Vec<Diagnostic>) {
    for f in &s.figures {
        let Some(damage) = f.damage.filter(|d| *d != Damage::SpacedDigits) else { continue };
        let figure = s.text(f).to_string();
        let fixed = damage.fixed(&figure);
        let finding = Finding::DamagedNumeral { figure, damage, fixed: fixed.clone() };
        let mut d = Diagnostic::new(rule, s.id, f.span.clone(), finding);
        if let Some(fixed) = fixed {
            d = d.fix(fixed);
        }
        out.push(d);
    }
}

fn spaced_in<'a>(s: &'a SectionView) -> Vec<&'a Figure> {
    s.figures.iter().filter(|f| f.damage == Some(Damage::SpacedDigits)).collect()
}

/// Digits a PDF spaced apart (`3 .4 6 万户`, read as 3.46万户): Chinese sets no
/// space inside a word, so the spaces are extraction's. One finding for a
/// section, or for the text when several sections have them (a statute whose
/// article numbers all read 第1 0条), with one fix that removes every such space.
fn spaced_digits(rule: &NumeralForm, cx: &Context, out: &mut Vec<Diagnostic>) {
    let join = |t: &str| Damage::SpacedDigits.fixed(t).unwrap_or_else(|| t.to_string());
    let per_section: Vec<(&SectionView, Vec<&Figure>)> =
        cx.sections.iter().map(|s| (s, spaced_in(s))).filter(|(_, f)| !f.is_empty()).collect();
    let count = per_section.iter().map(|(_, f)| f.len()).sum();
    let Some(((first, figs), rest)) = per_section.split_first() else { return };
    let extent = match (rest.is_empty(), count) {
        (false, _) => Extent::Document,
        (true, 1) => Extent::Paragraph,
        (true, _) => Extent::Section,
    };
    let figure = first.text(figs[0]).to_string();
    let finding = Finding::SpacedDigits { fixed: join(&figure), figure, count, extent };
    let (span, fixed) = rewrite_span(first, figs, join);
    let mut d = Diagnostic::new(rule, first.id, span, finding).fix(fixed);
    d.fixes_elsewhere = rest
        .iter()
        .map(|(s, figs)| {
            let (span, with) = rewrite_span(s, figs, join);
            FixElsewhere { section: s.id, span, with }
        })
        .collect();
    out.push(d);
}

/// The figures written with digits, and those of them in full-width digits.
fn digit_figures<'a>(s: &'a SectionView) -> (usize, Vec<&'a Figure>) {
    let digits = s
        .figures
        .iter()
        .filter(|f| s.text(f).chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)))
        .count();
    (digits, s.figures.iter().filter(|f| f.damage.is_none() && has_fullwidth(s.text(f))).collect())
}

/// Whether nine in ten figures written with digits or more are in full-width ones (three or more).
fn set_in_full_width(digits: usize, wide: usize) -> bool {
    wide >= 3 && wide * 10 >= digits * 9
}

/// The section's text from the first full-width figure to the last, with each made half-width.
fn half_width_span(s: &SectionView, wide: &[&Figure]) -> (Range<usize>, String) {
    rewrite_span(s, wide, half_width)
}

/// The section's text from the first of `figs` to the last, each figure rewritten by `rewrite`.
fn rewrite_span(s: &SectionView, figs: &[&Figure], rewrite: impl Fn(&str) -> String) -> (Range<usize>, String) {
    let span = figs[0].span.start..figs[figs.len() - 1].span.end;
    let mut text = String::new();
    let mut at = span.start;
    for f in figs {
        text.push_str(&s.body[at..f.span.start]);
        text.push_str(&rewrite(s.text(f)));
        at = f.span.end;
    }
    text.push_str(&s.body[at..span.end]);
    (span, text)
}

/// A text set in full-width digits throughout (a report typeset that way): one
/// finding, with one fix that changes every section. Returns whether it was.
fn full_width_text(rule: &NumeralForm, cx: &Context, out: &mut Vec<Diagnostic>) -> bool {
    let per_section: Vec<(usize, Vec<&Figure>)> = cx.sections.iter().map(digit_figures).collect();
    let digits: usize = per_section.iter().map(|(d, _)| d).sum();
    let wide: usize = per_section.iter().map(|(_, w)| w.len()).sum();
    let sections_with = per_section.iter().filter(|(_, w)| !w.is_empty()).count();
    if sections_with < 2 || !set_in_full_width(digits, wide) {
        return false;
    }
    let mut fixes = cx
        .sections
        .iter()
        .zip(&per_section)
        .filter(|(_, (_, w))| !w.is_empty())
        .map(|(s, (_, w))| (s, w, half_width_span(s, w)));
    let Some((first, first_wide, (span, fixed))) = fixes.next() else { return false };
    let finding = Finding::FullWidth {
        figure: first.text(first_wide[0]).to_string(),
        fixed: fixed.clone(),
        count: wide,
        extent: Extent::Document,
    };
    let mut d = Diagnostic::new(rule, first.id, span, finding).fix(fixed);
    d.fixes_elsewhere = fixes.map(|(s, _, (span, with))| FixElsewhere { section: s.id, span, with }).collect();
    out.push(d);
    true
}

/// Full-width digits: one finding for a figure alone, or for a paragraph (a
/// section, when it is set in them throughout) with one fix for every figure.
fn full_width(rule: &NumeralForm, s: &SectionView, out: &mut Vec<Diagnostic>) {
    let (digits, wide) = digit_figures(s);
    if wide.is_empty() {
        return;
    }
    let finding = |figs: &[&Figure], fixed: &str, extent| Finding::FullWidth {
        figure: s.text(figs[0]).to_string(),
        fixed: fixed.to_string(),
        count: figs.len(),
        extent,
    };
    if set_in_full_width(digits, wide.len()) {
        let (span, fixed) = half_width_span(s, &wide);
        out.push(Diagnostic::new(rule, s.id, span, finding(&wide, &fixed, Extent::Section)).fix(fixed));
        return;
    }
    // Paragraph by paragraph.
    for (at, line) in super::super::context::lines(s.body) {
        let span = at..at + line.len();
        let figs: Vec<&Figure> = wide.iter().copied().filter(|f| span.contains(&f.span.start)).collect();
        if figs.is_empty() {
            continue;
        }
        let (span, fixed) = half_width_span(s, &figs);
        out.push(Diagnostic::new(rule, s.id, span, finding(&figs, &fixed, Extent::Paragraph)).fix(fixed));
    }
}

fn date_form(rule: &NumeralForm, section: SectionId, f: &Figure, text: &str, before: &str, out: &mut Vec<Diagnostic>) {
    // 03月, 05日: a 0 right before a digit that opens the month or day.
    let padded = ["年0", "月0"].iter().any(|p| text.contains(p)) || text.starts_with('0');
    if padded {
        let fixed = text.replace("年0", "年").replace("月0", "月");
        let fixed = fixed.strip_prefix('0').unwrap_or(&fixed).to_string();
        let finding = Finding::PaddedDate { date: text.to_string(), fixed: fixed.clone() };
        out.push(Diagnostic::new(rule, section, f.span.clone(), finding).fix(fixed));
        return;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 2 && text[2..].starts_with("年代") {
        // 80年代 names a decade; its century is written before it (20世纪80年代, 上世纪80年代).
        if !before.trim_end().ends_with("世纪") {
            let finding = Finding::DecadeWithoutCentury { decade: text.to_string() };
            out.push(Diagnostic::new(rule, section, f.span.clone(), finding));
        }
    } else if digits == 2 && text[2..].starts_with('年') {
        out.push(Diagnostic::new(rule, section, f.span.clone(), Finding::TwoDigitYear { date: text.to_string() }));
    }
}

/// 10～20万元 → 10万～20万元; 15～30% → 15%～30%.
fn range_fix(text: &str, connector: &str) -> Option<String> {
    let (lo, hi) = text.split_once(connector)?;
    let suffix: String = hi.chars().skip_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let magnitude: String = suffix.chars().take_while(|c| matches!(c, '万' | '亿' | '千')).collect();
    let lo_bare = lo.chars().all(|c| c.is_ascii_digit() || c == '.') && !lo.is_empty();
    if !lo_bare || !has_arabic(hi) {
        return None;
    }
    if suffix.starts_with('%') {
        return Some(format!("{lo}%{connector}{hi}"));
    }
    if !magnitude.is_empty() {
        return Some(format!("{lo}{magnitude}{connector}{hi}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};

    #[test]
    fn a_text_set_in_full_width_is_one_finding_whose_fix_reaches_every_section() {
        let md = "# 报告\n\n## 一、回顾\n\n全年投入５９５５亿元，增长３７．９％，惠及１２００万人。\n\n\
                  ## 二、安排\n\n今年安排２９３０亿元，占比１７．６％。\n";
        let brief = crate::format::markdown::from_markdown(md).expect("markdown");
        let d: Vec<_> = crate::checks::check(&brief, &crate::checks::Env::default())
            .into_iter()
            .filter(|d| d.rule == "BD113")
            .collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message(crate::checks::Lang::Zh).starts_with("全文5处"),
            "{}",
            d[0].message(crate::checks::Lang::Zh)
        );
        assert_eq!(d[0].fix.as_deref(), Some("5955亿元，增长37.9%，惠及1200万人"));
        assert_eq!(d[0].fixes_elsewhere.len(), 1);
        assert_eq!(d[0].fixes_elsewhere[0].with, "2930亿元，占比17.6%");
    }

    #[test]
    fn a_year_that_lost_its_century_after_a_full_year() {
        assert_eq!(fired("2019年全县新建扶贫车间12个，20年又新建扶贫车间9个。", "BD113"), 1);
        // A span of years is no date.
        assert_eq!(fired("2019年全县新建扶贫车间12个，20年来累计新建9个。", "BD113"), 0);
        assert_eq!(fired("2019年全县新建扶贫车间12个，用了20年时间。", "BD113"), 0);
        assert_eq!(fired("30年来，全县新建扶贫车间12个。", "BD113"), 0);
    }

    #[test]
    fn fires_on_bad_forms() {
        assert_eq!(fired("市级投入5600余万元，县级投入三千余万元。", "BD113"), 1);
        assert_eq!(fired("共培训１２３人。", "BD113"), 1);
        let d = run_text("贷款额度为10～20万元，贴息比例15～30%，2020年03月05日发放。");
        let fixes: Vec<_> = d.iter().filter(|d| d.rule == "BD113").filter_map(|d| d.fix.clone()).collect();
        assert_eq!(fixes, ["10万～20万元", "15%～30%", "2020年3月5日"]);
        assert_eq!(fired("20年3月召开会议。", "BD113"), 1);
        // A paragraph set in full-width digits is one finding, with one fix that converts ％ too.
        let d = run_text("增长１２％，投入３００万元，帮扶２０００户。");
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD113").collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fix.as_deref(), Some("12%，投入300万元，帮扶2000户"));
    }

    /// The BD113 findings on a text, as (message, fix).
    fn bd113(text: &str) -> Vec<(String, Option<String>)> {
        run_text(text)
            .into_iter()
            .filter(|d| d.rule == "BD113")
            .map(|d| (d.message(crate::checks::Lang::Zh), d.fix.clone()))
            .collect()
    }

    #[test]
    fn digits_a_pdf_spaced_apart_are_read_whole_and_reported() {
        let d = bd113("全乡现有耕地2 .5 8 万亩，其中水田1.2万亩。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1.as_deref(), Some("2.58万亩"));
        assert!(d[0].0.contains("2.58万亩"), "{}", d[0].0);
        assert_eq!(bd113("2 0 2 2 年，全镇新建蔬菜大棚46座。").len(), 1);
        assert_eq!(bd113("全村人均纯收入达到1 2 3 5 0元。").len(), 1);
        // Several in one section: one finding whose fix removes every space.
        let d = bd113("第1 2条 适用范围。第1 3条 实施日期。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1.as_deref(), Some("第12条 适用范围。第13条"));
        // Cells of a table row, and single digits nothing closes, are no damage.
        assert!(bd113("各村情况：甲村 12 8 5 户，乙村 3 4。").is_empty());
    }

    #[test]
    fn numerals_damaged_in_typing_are_reported_with_their_fix() {
        let fix = |t: &str| bd113(t).into_iter().map(|(_, f)| f).collect::<Vec<_>>();
        // A letter for a digit.
        assert_eq!(fix("2O22年，全县新修通村公路46公里。"), [Some("2022年".to_string())]);
        assert_eq!(fix("全年接待游客l5万人次，旅游收入3亿元。"), [Some("15万人次".to_string())]);
        assert_eq!(fix("今年培训农民工12O0人。"), [Some("1200人".to_string())]);
        // An Arabic zero or a letter O for 〇 in a Chinese-numeral year.
        assert_eq!(fix("二0二二年三月，全县召开动员大会。"), [Some("二〇二二年三月".to_string())]);
        assert_eq!(fix("二O一九年，县里成立合作社。"), [Some("二〇一九年".to_string())]);
        // A year with extra digits: no certain fix.
        let d = bd113("201819年，全县新建车间12个。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].0.contains("不是有效的年份"), "{}", d[0].0);
        assert_eq!(bd113("20212022年，全县投入资金3亿元。").len(), 1);
        // Look-alikes: codes, a year written right, round spans of years.
        for clean in [
            "全县推行O2O销售模式，通过ISO14001认证的企业有12家。",
            "二〇二三年，是全县巩固脱贫成果的关键一年。",
            "这片遗址距今10000年，2021年列入保护名录。",
            "自1993年定点帮扶以来，28年如一日，先后选派干部57名。",
        ] {
            assert!(bd113(clean).is_empty(), "{clean}: {:?}", bd113(clean));
        }
    }

    #[test]
    fn chinese_numerals_get_their_arabic_form_as_the_fix() {
        let fixes = |text: &str| -> Vec<String> {
            run_text(text).into_iter().filter(|d| d.rule == "BD113").filter_map(|d| d.fix).collect()
        };
        assert_eq!(fixes("共建成扶贫车间12个，带动三十五家合作社。"), ["35家"]);
        assert_eq!(fixes("市级投入5600万元，县级投入三万五千元。"), ["3.5万元"]);
        // 余 makes the figure a lower bound: no certain rewrite.
        assert!(fixes("市级投入5600余万元，县级投入三千余万元。").is_empty());
    }

    #[test]
    fn the_order_of_a_session_is_a_name() {
        // Chinese numerals number a session in its name, beside Arabic figures elsewhere.
        for text in [
            "全年接待游客120万人次，认真学习省委十届十二次全会精神。",
            "投入资金860万元，筹备召开第十五次党代会。",
            "新建校舍24所，传达贯彻县委十二次、十三次全会精神。",
        ] {
            assert_eq!(fired(text, "BD113"), 0, "{text}");
        }
        // A count of times in Chinese numerals is a measure like any other.
        assert_eq!(fired("全年投入资金860万元，开展联合督查十二次。", "BD113"), 1);
    }

    #[test]
    fn silent_on_standard_forms() {
        assert_eq!(
            fired("市级投入5600余万元，县级投入3000余万元，组建三个分社，近千名职工参加，两三个人一组。", "BD113"),
            0
        );
        assert_eq!(fired("贷款额度为10万～20万元，贴息比例15%～30%，2020年3月5日发放，培训2至4个月。", "BD113"), 0);
    }
}
