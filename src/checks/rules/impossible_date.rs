mod days_left;

use chrono::NaiveDate;

use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc, SectionView};
use crate::checks::lexicon::numerals::{
    DATE_RANGE_CONNECTORS, LATE_LUNAR_MONTHS, LUNAR_MARKERS, WEEKDAY_DAYS, WEEKDAY_WORDS,
};
use crate::figures::{Damage, DateParts, Figure, Kind};
use crate::model::Severity;

pub struct ImpossibleDate;

static DOC: RuleDoc = RuleDoc {
    id: "BD109",
    name: "impossible-date",
    severity: Severity::Error,
    title_zh: "日期有误",
    title_en: "A date that is wrong",
    what_zh: "报告不存在的日期（2021年2月29日、4月31日、35日、13月；2000年是闰年，1900年不是）、与日期不符的星期（2020年10月14日（星期一）、2023年10月17日星期一、5月20日至24日（周二至周六））以及晚于报告日期的“截至”日期。没写年份的日期按上文最近写出的年份读（同一段内为错误，跨段为提示，并说明所按的年份）；范围后一端只写“日”的，沿用前一端的年月；农历日期不按公历检查，括号中与之并列的公历日期照常检查。文中按报告日期数剩余天数（距离年底还有N天、屈指N天）的，按报告日期核对。",
    what_en: "Reports dates that cannot exist (2021年2月29日, 4月31日, 35日, 13月; 2000 is a leap year, 1900 is not), a weekday that contradicts its date (2020年10月14日（星期一）, 2023年10月17日星期一, 5月20日至24日（周二至周六）), and a 截至 date after the report date. A date without its year is read in the last year named before it (an error in the same paragraph, a warning that names the year when carried further); the last end of a range that writes only its day takes the first end's month. A lunar date is not checked against the Gregorian calendar; the Gregorian date bracketed beside it is. Days still to go counted from the report's date (距离年底还有N天, 屈指N天) are counted again from the date the text gives itself.",
    why_zh: "日期错误多来自录入或文本提取时丢字，一旦刊发很难更正。",
    why_en: "Wrong dates usually come from typing or from characters lost in extraction, and are hard to correct once published.",
    example: "2021年2月29日，市总工会召开推进会。",
    corrected: "2021年2月28日，市总工会召开推进会。",
    fix_zh: "核对原始材料改正日期；星期按日期改正；截至日期不应晚于报告日期；剩余天数按报告日期重算。",
    fix_en: "Correct the date from the source; correct the weekday from the date; a 截至 date must not be after the report date; count days still to go again from the report's date.",
};

/// The last day a date covers: 2019年 → 2019-12-31, 2020年3月 → 2020-03-31.
fn last_day(d: &DateParts) -> Option<NaiveDate> {
    let y = d.year?;
    let m = d.month.unwrap_or(12);
    match d.day {
        Some(day) => NaiveDate::from_ymd_opt(y, m, day),
        None => {
            let next =
                if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
            next.and_then(|n| n.pred_opt())
        }
    }
}

/// The year named last before a date, and where it was named: the section,
/// and the start of the paragraph.
#[derive(Clone, Copy)]
struct Named {
    year: i32,
    section: usize,
    paragraph: usize,
}

/// Where the paragraph holding a byte starts, for bytes asked about in
/// order: each byte of the body is looked at once, however long a line is.
struct Paragraphs<'a> {
    body: &'a [u8],
    scanned: usize,
    start: usize,
}

impl<'a> Paragraphs<'a> {
    fn new(body: &'a str) -> Self {
        Paragraphs { body: body.as_bytes(), scanned: 0, start: 0 }
    }

    /// The start of the paragraph holding byte `at`; `at` never goes back.
    fn start_of(&mut self, at: usize) -> usize {
        if at > self.scanned {
            if let Some(nl) = memchr::memrchr(b'\n', &self.body[self.scanned..at]) {
                self.start = self.scanned + nl + 1;
            }
            self.scanned = at;
        }
        self.start
    }
}

/// A date as BD109 reads it: the parts it writes, and the year and month it
/// takes from the text before it.
struct Dated<'a> {
    figure: &'a Figure,
    parts: DateParts,
    /// The year it does not name itself, taken from the last year named before it.
    assumed: Option<i32>,
    /// Whether the year stands in the date or in its own paragraph: then a
    /// finding is what the text proves (an error); else it rests on the year
    /// carried from an earlier paragraph (a warning that names the year).
    near: bool,
}

impl Rule for ImpossibleDate {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // A date without its year (11月10日（星期一）) is read in the last year
        // named before it, in this section or an earlier one.
        let mut year: Option<Named> = None;
        for (si, s) in cx.sections.iter().enumerate() {
            let mut prev: Option<Dated> = None;
            let mut paragraphs = Paragraphs::new(s.body);
            for f in &s.figures {
                let (Kind::Date, Some(d)) = (f.kind, f.date.as_ref()) else {
                    continue;
                };
                // 201920年 is BD113's: a numeral damaged in typing, not a date.
                // A lunar date keeps neither the Gregorian month lengths nor its weekdays.
                if f.damage == Some(Damage::RunOnYear) || d.lunar {
                    continue;
                }
                let text = s.text(f);
                if d.compact
                    && let (Some(y), Some(m), Some(day)) = (d.year, d.month, d.day)
                {
                    let fixed = format!("{y}年{m}月{day}日");
                    let finding = Finding::CompactDate { date: text.to_string(), fixed: fixed.clone() };
                    out.push(Diagnostic::new(self, s.id, f.span.clone(), finding).fix(fixed));
                    continue;
                }
                let paragraph = paragraphs.start_of(f.span.start);
                if let Some(y) = d.year {
                    year = Some(Named { year: y, section: si, paragraph });
                }
                if !d.valid {
                    out.push(Diagnostic::new(
                        self,
                        s.id,
                        f.span.clone(),
                        Finding::NoSuchDate { date: text.to_string() },
                    ));
                    continue;
                }
                let range_start = prev.take().filter(|p| joined_as_range(s, p.figure, f));
                let dated = read_in_context(si, paragraph, f, d, range_start.as_ref(), year);
                if late_lunar_bracket(s, f, &dated.parts) {
                    continue;
                }
                if !self.exists_in_its_year(s, &dated, out) {
                    continue;
                }
                self.weekday(s, &dated, range_start.as_ref(), out);
                let lead = super::before(s.body, f.span.start, 0, 4);
                if (lead.ends_with("截至") || lead.ends_with("截止") || lead.ends_with("截止到"))
                    && let (Some(end), Some(report)) = (last_day(d), cx.report_date)
                    && d.period.is_none()
                    && end > report
                {
                    out.push(Diagnostic::new(
                        self,
                        s.id,
                        f.span.clone(),
                        Finding::AfterReport { date: text.to_string(), report },
                    ));
                }
                prev = Some(dated);
            }
        }
        days_left::check(self, cx, out);
    }
}

/// Whether `b` ends a range of dates that `a` opens: only a range connector
/// (and `a`'s weekday note) stands between them (6月8日（星期一）至6月11日, 5月20日至24日).
fn joined_as_range(s: &SectionView, a: &Figure, b: &Figure) -> bool {
    let from = a.date.as_ref().and_then(|d| d.weekday_span.as_ref()).map_or(a.span.end, |w| w.end.max(a.span.end));
    let Some(between) = s.body.get(from..b.span.start) else { return false };
    let between = between.trim_matches(crate::figures::is_space);
    DATE_RANGE_CONNECTORS.contains(&between)
}

/// A date with the year and month the text gives it: a day after a range
/// connector takes the month and year of the range's first date (5月20日至24日);
/// a date without its year takes the last year named before it.
fn read_in_context<'a>(
    si: usize,
    paragraph: usize,
    f: &'a Figure,
    d: &DateParts,
    range_start: Option<&Dated>,
    year: Option<Named>,
) -> Dated<'a> {
    let mut parts = d.clone();
    let mut near = d.year.is_some();
    if parts.month.is_none()
        && parts.day.is_some()
        && let Some(r) = range_start
    {
        parts.month = r.parts.month;
        parts.year = parts.year.or(r.parts.year);
        near |= r.near;
    }
    let mut assumed = None;
    if parts.year.is_none()
        && let Some(n) = year
    {
        parts.year = Some(n.year);
        assumed = Some(n.year);
        near |= n.section == si && n.paragraph == paragraph;
    }
    Dated { figure: f, parts, assumed, near }
}

impl ImpossibleDate {
    /// A date the text writes must exist in the year and month it is read in:
    /// 2月29日 under a 2023年 named before it does not (2024年 and 2000年 are
    /// leap years, 2023年 and 1900年 are not), nor does the 31日 of
    /// 4月30日至31日. Returns whether the date exists.
    fn exists_in_its_year(&self, s: &SectionView, d: &Dated, out: &mut Vec<Diagnostic>) -> bool {
        let (Some(y), Some(m), Some(day)) = (d.parts.year, d.parts.month, d.parts.day) else { return true };
        if NaiveDate::from_ymd_opt(y, m, day).is_some() {
            return true;
        }
        let finding =
            Finding::NoSuchDateInYear { date: s.text(d.figure).to_string(), read: format!("{y}年{m}月{day}日") };
        out.push(self.graded(Diagnostic::new(self, s.id, d.figure.span.clone(), finding), d.near));
        false
    }

    /// A weekday note must name the date's weekday (2023年3月15日（周三）);
    /// a range of weekdays after a range of dates names both ends' (5月20日至24日
    /// （周一至周五）). A range of weekdays after one date is not read.
    fn weekday(&self, s: &SectionView, d: &Dated, range_start: Option<&Dated>, out: &mut Vec<Diagnostic>) {
        let (Some(ws), Some(written), Some(actual)) =
            (d.parts.weekday_span.clone(), d.parts.weekday, d.parts.actual_weekday())
        else {
            return;
        };
        let note = &s.body[ws.clone()];
        let date = s.text(d.figure).to_string();
        let diag = match (d.parts.weekday_from, range_start) {
            (None, _) if written != actual => {
                let finding = Finding::Weekday { date, actual, written, assumed: d.assumed };
                Diagnostic::new(self, s.id, ws, finding).fix(fix_note(note, &[actual]))
            }
            (Some(from_written), Some(r)) => {
                let Some(from_actual) = r.parts.actual_weekday() else { return };
                if (from_written, written) == (from_actual, actual) {
                    return;
                }
                let finding = Finding::WeekdayRange {
                    from: s.text(r.figure).to_string(),
                    to: date,
                    actual: [from_actual, actual],
                    written: [from_written, written],
                    assumed: d.assumed.or(r.assumed),
                };
                Diagnostic::new(self, s.id, ws, finding)
                    .related(s.id, r.figure.span.clone(), RelatedRole::Date, s.text(r.figure))
                    .fix(fix_note(note, &[from_actual, actual]))
            }
            _ => return,
        };
        let diag = diag.related(s.id, d.figure.span.clone(), RelatedRole::Date, s.text(d.figure));
        out.push(self.graded(diag, d.near && range_start.is_none_or(|r| r.near)));
    }

    /// An error where the text names the date's year in it or in its own
    /// paragraph; a warning where the year is carried from further back (the
    /// message names the year it assumed).
    fn graded(&self, mut d: Diagnostic, near: bool) -> Diagnostic {
        if !near {
            d.severity = Severity::Warning;
        }
        d
    }
}

/// The weekday note with each weekday's day set to the days given, in order,
/// keeping the writer's brackets and words (星期, 周, 礼拜): （周二至周六） with
/// [1, 5] is （周一至周五）.
fn fix_note(note: &str, days: &[u32]) -> String {
    let mut out = String::with_capacity(note.len());
    let mut rest = note;
    let mut k = 0;
    while let Some(c) = rest.chars().next() {
        if let Some(w) = WEEKDAY_WORDS.iter().find(|w| rest.starts_with(**w))
            && let Some(day) = days.get(k)
            && let Some(old) = rest[w.len()..].chars().next().filter(|c| WEEKDAY_DAYS.iter().any(|(d, _)| d == c))
        {
            out.push_str(w);
            // 星期天 stays 天 where Sunday is right.
            let right = if *day == 7 && old == '天' { '天' } else { weekday_char(*day) };
            out.push(right);
            rest = &rest[w.len() + old.len_utf8()..];
            k += 1;
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn weekday_char(day: u32) -> char {
    WEEKDAY_DAYS.iter().find(|(_, d)| *d == day).map_or('一', |(c, _)| *c)
}

/// Whether a date in brackets with no year of its own follows a lunar date of
/// the 11th or 12th month (2023年农历腊月二十（1月30日）): such a date may fall
/// in the year after the one written, so its year is not certain.
fn late_lunar_bracket(s: &SectionView, f: &Figure, d: &DateParts) -> bool {
    let own_year = f.date.as_ref().is_some_and(|p| p.year.is_some());
    if own_year || d.month.is_none_or(|m| m > 2) {
        return false;
    }
    let before = super::before(s.body, f.span.start, 0, 16);
    LUNAR_MARKERS.iter().filter_map(|m| before.rfind(m).map(|i| &before[i + m.len()..])).any(|after| {
        let after = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
        LATE_LUNAR_MONTHS.iter().any(|m| after.starts_with(m))
    })
}
#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};
    use crate::model::Severity;

    #[test]
    fn fires_on_wrong_dates() {
        assert_eq!(fired("2021年2月29日，市总工会召开推进会。", "BD109"), 1);
        assert_eq!(fired("3月35日召开会议。", "BD109"), 1);
        assert_eq!(fired("截至2024年6月30日，全市建成扶贫车间38个。", "BD109"), 1);
        let d = run_text("2020年10月14日（星期一），北京市举办报告会。");
        let d: Vec<_> = d.iter().filter(|d| d.rule == "BD109").collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fix.as_deref(), Some("（星期三）"));
        // The second date of a span, and a date in a later section, keep the year named before.
        assert_eq!(fired("2020年6月8日（星期一）至6月11日（星期二），举办培训班。", "BD109"), 1);
        assert_eq!(fired("签发日期：2020421", "BD109"), 1);
    }

    /// BD109's findings on a text: (severity, message, fix).
    fn bd109(text: &str) -> Vec<(Severity, String, Option<String>)> {
        run_text(text)
            .into_iter()
            .filter(|d| d.rule == "BD109")
            .map(|d| (d.severity, d.message(crate::checks::Lang::Zh), d.fix.clone()))
            .collect()
    }

    #[test]
    fn a_weekday_after_a_date_is_read_bracketed_or_not() {
        // 2022-06-06 was a Monday.
        assert_eq!(fired("2022年6月6日星期二，县里召开春耕生产调度会。", "BD109"), 1);
        assert_eq!(fired("2022年6月6日周二，县里召开春耕生产调度会。", "BD109"), 1);
        assert_eq!(fired("2022年6月6日（礼拜二），县里召开春耕生产调度会。", "BD109"), 1);
        assert_eq!(fired("2022年6月6日周一，县里召开春耕生产调度会。", "BD109"), 0);
        // A recurring day after 起 is no weekday of the date.
        assert_eq!(fired("自2022年6月6日起，每周二上午开放扶贫超市。", "BD109"), 0);
    }

    #[test]
    fn a_range_of_weekdays_names_both_ends_of_a_range_of_dates() {
        // 2022-09-05 was a Monday, 09-09 a Friday; 09-26 a Monday and 10-01 a Saturday.
        let d = bd109("2022年9月5日至9日（周二至周六），乡里集中开展技能培训。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].2.as_deref(), Some("（周一至周五）"));
        assert!(d[0].1.contains("9日是星期一至星期五"), "{}", d[0].1);
        assert_eq!(fired("2022年9月5日到9日（星期一到星期六），乡里集中开展技能培训。", "BD109"), 1);
        assert_eq!(fired("2022年9月5日至9日（星期一至星期五），乡里集中开展技能培训。", "BD109"), 0);
        assert_eq!(fired("2022年9月26日至10月1日（周一至周六），驻村工作队集中走访。", "BD109"), 0);
    }

    #[test]
    fn a_gregorian_date_beside_a_lunar_one_is_checked_and_the_lunar_one_is_not() {
        // 2022-09-10 was a Saturday (the 15th of the eighth lunar month).
        assert_eq!(fired("2022年农历八月十五（9月10日，星期日），村里举办丰收节。", "BD109"), 1);
        assert_eq!(fired("2022年农历八月十五（9月10日，星期六），村里举办丰收节。", "BD109"), 0);
        // A lunar month has a 30th day; its date has no Gregorian weekday.
        assert_eq!(fired("农历二月三十日，全村举办庙会。", "BD109"), 0);
        // After the 12th lunar month a January date may be in the next year: not checked.
        assert_eq!(fired("2022年农历腊月二十（1月11日，星期三），村里发放年货。", "BD109"), 0);
    }

    #[test]
    fn leap_days_and_thirty_day_months() {
        for wrong in [
            "1900年2月29日",
            "2100年2月29日",
            "2023年2月29日",
            "2022年4月31日",
            "2022年6月31日",
            "2022年9月31日",
            "2022年11月31日",
        ] {
            assert_eq!(fired(&format!("{wrong}，县里召开推进会。"), "BD109"), 1, "{wrong}");
        }
        for right in ["2000年2月29日", "2024年2月29日", "2022年8月31日", "2022年12月31日"] {
            assert_eq!(fired(&format!("{right}，县里召开推进会。"), "BD109"), 0, "{right}");
        }
        // A number of days is no day of a month.
        assert_eq!(fired("2022年6月1日起，开展为期31日的送清凉活动。", "BD109"), 0);
    }

    #[test]
    fn a_date_without_its_year_is_read_in_the_year_named_before_it() {
        // In its own paragraph the year is the text's: an error.
        let d = bd109("2021年2月3日，工程开工，2月29日主体完工。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Error);
        assert!(d[0].1.contains("2021年2月29日"), "{}", d[0].1);
        // Carried from an earlier paragraph: a warning that names the year.
        let d = bd109("2021年2月3日，工程开工。\n2月29日，主体完工。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, Severity::Warning);
        let d = bd109("2022年3月1日，县里召开动员会。\n3月8日（星期三），督导组下乡。");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].1.starts_with("按上文的2022年计"), "{}", d[0].1);
        assert_eq!(fired("2024年2月3日，工程开工。\n2月29日，主体完工。", "BD109"), 0);
    }

    #[test]
    fn days_still_to_go_are_counted_from_the_report_date() {
        // The test brief is dated 2024-03-15: 291 days to the year's end, 107 to 30 June.
        assert_eq!(fired("距离年底还有219天，全年任务必须加快推进。", "BD109"), 1);
        assert_eq!(fired("屈指算来还有近200天，确保全年目标圆满收官。", "BD109"), 0, "an approximate count");
        assert_eq!(fired("仅剩200天，我们要确保全年工作圆满收官。", "BD109"), 1);
        assert_eq!(fired("距2024年6月30日只剩170天，各项工程要抓紧扫尾。", "BD109"), 1);
        assert_eq!(fired("距离年底还有291天，全年任务必须加快推进。", "BD109"), 0);
        assert_eq!(fired("距2024年6月30日只剩107天，各项工程要抓紧扫尾。", "BD109"), 0);
        // No end named and no year's end: nothing to count against.
        assert_eq!(fired("还有20天，新厂房就要投产。", "BD109"), 0);
        let d = bd109("距离年底还有219天，全年任务必须加快推进。");
        assert_eq!(d[0].0, Severity::Warning);
    }

    #[test]
    fn silent_on_right_dates() {
        assert_eq!(fired("2020年2月29日，市总工会召开推进会。", "BD109"), 0);
        assert_eq!(fired("2020年10月14日（星期三），北京市举办报告会。", "BD109"), 0);
        assert_eq!(fired("截至2023年12月31日，全市建有基层工会组织5120个。", "BD109"), 0);
        assert_eq!(fired("截至2023年底，全市建有基层工会组织5120个。", "BD109"), 0);
        assert_eq!(fired("2020年6月8日（星期一）至6月11日（星期四），举办培训班。", "BD109"), 0);
        assert_eq!(fired("自2020年7月2日起，每周三下午开展直供活动。", "BD109"), 0);
    }
}
