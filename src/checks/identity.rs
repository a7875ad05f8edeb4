//! When two figures count as one quantity: the identity test every rule that
//! pairs figures across clauses reads (BD101, BD102).
//!
//! Two claims are one quantity only when their subject, metric, time,
//! modality, place and scope agree:
//!
//! - **Metric**: the same words once normalised (see `claims::reading`):
//!   转移就业农村劳动力 and 农村劳动力转移就业 are one metric; 培训贫困劳动力 and
//!   技能培训贫困劳动力 are two. A rewording through the lexicon's table of
//!   equivalents or a measure ending (销售额 for 销售) is an assumption.
//! - **Subject**: named on both sides and the same, or named on neither. A
//!   metric of generic words only (总投资, 建筑面积, 实施项目, 新增就业) never meets
//!   another without the same named subject: two notes' 总投资 are two projects'.
//!   One side named and the other not is an assumption (the unnamed one is
//!   taken to speak of the same).
//! - **Time**: the same year and period (a span such as 十三五 never meets one
//!   of its years); one side dated and the other silent is an assumption.
//! - **Modality**: a target never meets an actual.
//! - **Place**: the same place, or one whole unit and a place of its level
//!   (全县 and 阜平县) as an assumption.
//! - **Adjunct**: both name the same one, or one names none (向柘岭县捐赠 and 捐赠).
//!
//! The verdict says what was assumed: a finding built on no assumption is an
//! error the text proves; one built on assumptions is a warning that says them.

use serde::Serialize;

use super::Context;
use super::claims::{Claim, ClaimId, Modality, Period, Place, Time, family};
use crate::figures::Figure;
use crate::lang::Lang;

/// What an identity rested on that the text does not say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "assumed")]
pub enum Assumption {
    /// One mention names its subject and the other does not.
    Subject { named: String },
    /// One mention says its time and the other does not.
    Time { said: String },
    /// One mention names a place and the other the whole unit, or none.
    Place { named: String },
    /// A word read as another: a measure as its act, or the table of equivalents.
    Reworded { from: String, to: String },
    /// One mention names whom the act was for or with (向柘岭县), the other not.
    Adjunct { named: String },
    /// The other mention is worded otherwise (its metric as written): the two are
    /// read as one figure because their values differ only by a slip of the pen.
    Slip { there: String },
    /// Two documents of different years: the later one's total over years that
    /// take in the earlier one's, and the earlier one's total to its date, are
    /// read as one count of one thing (see [`crate::sources::verify`]).
    Stock { earlier: i32, later: i32 },
    /// Two counts of one kind of thing (8个国有林场 and 6个国有林场) read as
    /// counts of one set: the set as both name it.
    SameSet { set: String },
}

impl Assumption {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Assumption::Subject { named }, Lang::Zh) => format!("两处都按“{named}”理解"),
            (Assumption::Subject { named }, Lang::En) => format!("both read as {named}"),
            (Assumption::Time { said }, Lang::Zh) => format!("两处都按{said}理解"),
            (Assumption::Time { said }, Lang::En) => format!("both read as {said}"),
            (Assumption::Place { named }, Lang::Zh) => format!("两处都按{named}理解"),
            (Assumption::Place { named }, Lang::En) => format!("both read as {named}"),
            (Assumption::Reworded { from, to }, Lang::Zh) => format!("“{from}”按“{to}”理解"),
            (Assumption::Reworded { from, to }, Lang::En) => format!("{from} read as {to}"),
            (Assumption::Adjunct { named }, Lang::Zh) => format!("两处都按涉及“{named}”理解"),
            (Assumption::Adjunct { named }, Lang::En) => format!("both read as concerning {named}"),
            (Assumption::Slip { there }, Lang::Zh) => {
                format!("另一处写作“{there}”，两数只差一处笔误（数字颠倒、小数点错位或多写漏写一位），按同一数字理解")
            }
            (Assumption::Stock { earlier, later }, Lang::Zh) => format!(
                "按同一事物的累计数理解：{later}年文件所说的多年合计涵盖{earlier}年文件所说的年份，不应少于当时的累计数"
            ),
            (Assumption::Stock { earlier, later }, Lang::En) => format!(
                "both read as totals of one thing: the {later} document's total over years takes in those of the {earlier} document, so it cannot be smaller than the total then"
            ),
            (Assumption::SameSet { set }, Lang::Zh) => format!("两处都按同一组“{set}”理解，个数应相同"),
            (Assumption::SameSet { set }, Lang::En) => {
                format!("both read as one set of {set}, which has one number")
            }
            (Assumption::Slip { there }, Lang::En) => format!(
                "the other reads “{there}”; the two differ only by a slip of the pen (swapped digits, a moved point, a digit dropped or doubled), so they are read as one figure"
            ),
        }
    }
}

/// Why two claims are not one quantity, for `check --explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Difference {
    Kind,
    Unit,
    Metric,
    /// A metric of generic words without the same named subject.
    GenericWithoutSubject,
    Subject,
    Adjunct,
    Time,
    Modality,
    Place,
    Scope,
}

impl Difference {
    pub fn message(self, lang: Lang) -> &'static str {
        use Difference::*;
        match (self, lang) {
            (Kind, Lang::Zh) => "数字类型不同",
            (Kind, Lang::En) => "different kinds of figure",
            (Unit, Lang::Zh) => "单位不同",
            (Unit, Lang::En) => "different units",
            (Metric, Lang::Zh) => "指标不同",
            (Metric, Lang::En) => "different metrics",
            (GenericWithoutSubject, Lang::Zh) => "指标过于笼统，且未说明是同一对象",
            (GenericWithoutSubject, Lang::En) => "a generic metric without the same named subject",
            (Subject, Lang::Zh) => "对象不同",
            (Subject, Lang::En) => "different subjects",
            (Adjunct, Lang::Zh) => "对象（向/与/为…）不同",
            (Adjunct, Lang::En) => "different recipients or partners",
            (Time, Lang::Zh) => "时间不同",
            (Time, Lang::En) => "different times",
            (Modality, Lang::Zh) => "性质不同（实际数、目标、预计）",
            (Modality, Lang::En) => "different modalities (actual, target, forecast)",
            (Place, Lang::Zh) => "地方不同",
            (Place, Lang::En) => "different places",
            (Scope, Lang::Zh) => "范围不同（不同章节所述对象）",
            (Scope, Lang::En) => "different scopes (sections about different entities)",
        }
    }
}

/// The identity test's verdict on two claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// One quantity; what it assumed (none: the text proves it).
    Same(Vec<Assumption>),
    Different(Difference),
}

/// A time as words, for an assumption's message: 2020年, 上半年, 累计.
pub fn time_words(t: &Time) -> String {
    let mut s = String::new();
    if let Some(y) = t.year
        && !matches!(t.period, Period::Years(..) | Period::Since(Some(_)))
    {
        s.push_str(&format!("{y}年"));
    }
    if let Some(r) = t.relative {
        s.push_str(match r {
            0 => "今年",
            -1 => "上年",
            _ => "明年",
        });
    }
    match t.period {
        Period::Whole => {}
        Period::Months(1, 6) => s.push_str("上半年"),
        Period::Months(a, b) if a == b => s.push_str(&format!("{a}月")),
        Period::Months(a, b) => s.push_str(&format!("{a}—{b}月")),
        Period::ToDate => s.push_str("以来"),
        Period::Since(Some(y)) => s.push_str(&format!("{y}年以来累计")),
        Period::Since(None) => s.push_str("累计"),
        Period::AnnualAverage => s.push_str("年均"),
        Period::Past(n) => s.push_str(&format!("近{n}年")),
        Period::Years(a, b) => s.push_str(&format!("{a}—{b}年")),
    }
    s
}

/// A place as words: 阜平县, 全县.
pub fn place_words(p: &Place) -> String {
    match p {
        Place::Unnamed => String::new(),
        Place::Whole(l) => format!("全{l}"),
        Place::Named(n, _) => n.clone(),
    }
}

/// Whether claims `a` and `b` are one quantity, and on what assumptions.
pub fn identity(cx: &Context, a: ClaimId, b: ClaimId) -> Verdict {
    let (ca, cb) = (&cx.claims.all[a], &cx.claims.all[b]);
    let fa = &cx.sections[ca.section].figures[ca.figure];
    let fb = &cx.sections[cb.section].figures[cb.figure];
    // Kind and unit first, as `check --explain` has always said them.
    if fa.kind != fb.kind || family(fa.unit) != family(fb.unit) || ca.scope == cb.scope {
        return identity_of((ca, fa), (cb, fb));
    }
    Verdict::Different(Difference::Scope)
}

/// Whether two claims of two documents (a draft and its source) are one
/// quantity: the same test as [`identity`] but for the section scope, which
/// numbers the sections of one document and means nothing across two.
pub fn identity_across(a: (&Claim, &Figure), b: (&Claim, &Figure)) -> Verdict {
    identity_of(a, b)
}

fn identity_of((ca, fa): (&Claim, &Figure), (cb, fb): (&Claim, &Figure)) -> Verdict {
    let (wa, wb) = (&ca.words, &cb.words);
    if fa.kind != fb.kind {
        return Verdict::Different(Difference::Kind);
    }
    if family(fa.unit) != family(fb.unit) {
        return Verdict::Different(Difference::Unit);
    }
    if ca.modality != cb.modality || ca.modality == Modality::Standard {
        return Verdict::Different(Difference::Modality);
    }
    if !wa.is_specific() || wa.metric != wb.metric {
        return Verdict::Different(Difference::Metric);
    }
    let mut assumed = Vec::new();
    match (&wa.subject, &wb.subject) {
        (Some(x), Some(y)) if x.text != y.text => return Verdict::Different(Difference::Subject),
        (Some(_), Some(_)) => {}
        (Some(s), None) | (None, Some(s)) => {
            if wa.generic {
                return Verdict::Different(Difference::GenericWithoutSubject);
            }
            // A thing within a place (a school, a workshop) is no figure of the whole
            // place (全县在校学生): the other names the whole.
            let unnamed = if wa.subject.is_none() { ca } else { cb };
            if matches!(unnamed.place, Place::Whole(_)) {
                return Verdict::Different(Difference::Subject);
            }
            assumed.push(Assumption::Subject { named: s.text.clone() });
        }
        (None, None) if wa.generic => return Verdict::Different(Difference::GenericWithoutSubject),
        (None, None) => {}
    }
    match (&wa.adjunct, &wb.adjunct) {
        (Some(x), Some(y)) if x != y => return Verdict::Different(Difference::Adjunct),
        (Some(x), None) | (None, Some(x)) => assumed.push(Assumption::Adjunct { named: x.clone() }),
        _ => {}
    }
    // Money spent on one thing is not money spent on nothing said: purposes agree or are both absent.
    if wa.purpose != wb.purpose {
        return Verdict::Different(Difference::Adjunct);
    }
    if !ca.time.agrees(&cb.time) {
        return Verdict::Different(Difference::Time);
    }
    let silent = Time::default();
    if ca.time_unsure || cb.time_unsure {
        let said = if ca.time_unsure { &cb.time } else { &ca.time };
        let said = if *said == silent { "同一时期".to_string() } else { time_words(said) };
        assumed.push(Assumption::Time { said });
    } else if (ca.time == silent) != (cb.time == silent) {
        let said = if ca.time == silent { &cb.time } else { &ca.time };
        assumed.push(Assumption::Time { said: time_words(said) });
    }
    if !ca.place.agrees(&cb.place) {
        return Verdict::Different(Difference::Place);
    }
    if ca.place != cb.place {
        let named = match (&ca.place, &cb.place) {
            (Place::Named(..), _) => &ca.place,
            (_, Place::Named(..)) => &cb.place,
            (Place::Whole(_), _) => &ca.place,
            _ => &cb.place,
        };
        assumed.push(Assumption::Place { named: place_words(named) });
    }
    // Words read as others on one side only, or differently on the two.
    if wa.rewordings != wb.rewordings {
        for r in wa.rewordings.iter().chain(&wb.rewordings) {
            if let Some((from, to)) = r.split_once('→') {
                let a = Assumption::Reworded { from: from.to_string(), to: to.to_string() };
                if !assumed.contains(&a) {
                    assumed.push(a);
                }
            }
        }
    }
    Verdict::Same(assumed)
}
