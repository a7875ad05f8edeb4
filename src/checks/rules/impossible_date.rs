use chrono::NaiveDate;

use super::super::{Context, Diagnostic, Finding, RelatedRole, Rule, RuleDoc};
use crate::figures::{Damage, DateParts, Kind};
use crate::model::Severity;

pub struct ImpossibleDate;

static DOC: RuleDoc = RuleDoc {
    id: "BD109",
    name: "impossible-date",
    severity: Severity::Error,
    title_zh: "日期有误",
    title_en: "A date that is wrong",
    what_zh: "报告不存在的日期（2021年2月29日、35日、13月）、与日期不符的星期（2020年10月14日（星期一））以及晚于报告日期的“截至”日期。",
    what_en: "Reports dates that cannot exist (2021年2月29日, 35日, 13月), a bracketed weekday that contradicts its date (2020年10月14日（星期一）), and a 截至 date after the report date.",
    why_zh: "日期错误多来自录入或文本提取时丢字，一旦刊发很难更正。",
    why_en: "Wrong dates usually come from typing or from characters lost in extraction, and are hard to correct once published.",
    example: "2021年2月29日，市总工会召开推进会。",
    corrected: "2021年2月28日，市总工会召开推进会。",
    fix_zh: "核对原始材料改正日期；星期按日期改正；截至日期不应晚于报告日期。",
    fix_en: "Correct the date from the source; correct the weekday from the date; a 截至 date must not be after the report date.",
};

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

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

impl Rule for ImpossibleDate {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // A date without its year (11月10日（星期一）) is read in the last year
        // named before it, in this section or an earlier one.
        let mut year: Option<i32> = None;
        for s in &cx.sections {
            for f in &s.figures {
                let (Kind::Date, Some(d)) = (f.kind, f.date.as_ref()) else {
                    continue;
                };
                // 201920年 is BD113's: a numeral damaged in typing, not a date.
                if f.damage == Some(Damage::RunOnYear) {
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
                if d.year.is_some() {
                    year = d.year;
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
                let dated = DateParts { year: d.year.or(year), ..d.clone() };
                if let (Some(w), Some(actual), Some(ws)) = (d.weekday, dated.actual_weekday(), d.weekday_span.clone())
                    && w != actual
                {
                    let note = &s.body[ws.clone()];
                    let written = WEEKDAYS[(w as usize).saturating_sub(1).min(6)];
                    let right = WEEKDAYS[(actual as usize).saturating_sub(1).min(6)];
                    // Keep the writer's brackets and word (星期, 周), change only the day.
                    let fixed = note.replacen(&format!("期{written}"), &format!("期{right}"), 1).replacen(
                        &format!("周{written}"),
                        &format!("周{right}"),
                        1,
                    );
                    let finding = Finding::Weekday { date: text.to_string(), actual, written: w };
                    out.push(
                        Diagnostic::new(self, s.id, ws, finding)
                            .related(s.id, f.span.clone(), RelatedRole::Date, text)
                            .fix(fixed),
                    );
                    continue;
                }
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
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::testing::{fired, run_text};

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
