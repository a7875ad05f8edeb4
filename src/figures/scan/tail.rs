//! What follows a number: an inner marker (6000余万), the unit, money
//! subunits (角, 分), 半 and a marker after it (左右, 以上).

use super::super::dec::Dec;
use super::super::lexicon::{
    INNER_MARKERS, LATIN_UNITS, POSTFIX_MARKERS, RANGE_CONNECTORS, UNIT_BLOCKERS, UNITS, UnitDef,
};
use super::super::number::{Form, Num, digit_value};
use super::super::text::Cursor;
use super::super::{Figure, Kind, Qualifier};

/// What follows a number: its unit and markers.
pub(super) struct Tail {
    pub(super) end: usize,
    pub(super) unit: &'static str,
    pub(super) money: bool,
    pub(super) inner: Option<&'static str>,
    pub(super) postfix: Option<(&'static str, Qualifier)>,
    /// Added by 角/分 after 元, or 半 after a unit.
    pub(super) extra: Dec,
    pub(super) percent_cheng: bool,
}

/// The longest unit that starts `rest`, looked up by its first character.
pub(super) fn units_at(rest: &str) -> Option<&'static UnitDef> {
    static BY_FIRST: std::sync::LazyLock<std::collections::HashMap<char, Vec<&'static UnitDef>>> =
        std::sync::LazyLock::new(|| {
            let mut m: std::collections::HashMap<char, Vec<&'static UnitDef>> = std::collections::HashMap::new();
            for u in UNITS {
                if let Some(c) = u.written.chars().next() {
                    m.entry(c).or_default().push(u);
                }
            }
            m
        });
    let c = rest.chars().next()?;
    BY_FIRST.get(&c)?.iter().copied().filter(|u| rest.starts_with(u.written)).max_by_key(|u| u.written.len())
}

pub(super) fn postfix(c: &Cursor) -> Option<(&'static str, Qualifier)> {
    let (m, q) = POSTFIX_MARKERS.iter().find(|(m, _)| c.starts_with(m))?;
    // 上下 after a figure only when no word goes on (全市上下一心 is no marker).
    if *m == "上下" && c.rest()[m.len()..].chars().next().is_some_and(|n| n as u32 >= 0x4e00 && n as u32 <= 0x9fff) {
        return None;
    }
    Some((m, *q))
}

/// The longest unit at the cursor (after figure-internal spaces), if not part of a longer word.
pub(super) fn unit_at(c: &Cursor) -> Option<(&'static UnitDef, usize)> {
    let mut c = c.clone();
    c.skip_ws();
    let best = units_at(c.rest())?;
    let next = c.rest()[best.written.len()..].chars().next();
    if let Some((_, blockers)) = UNIT_BLOCKERS.iter().find(|(w, _)| *w == best.written)
        && next.is_some_and(|n| blockers.contains(&n))
    {
        return None;
    }
    Some((best, c.pos + best.written.len()))
}

/// Reads what follows a number: inner marker, unit, money subunits, 半, postfix marker.
pub(super) fn tail(c: &Cursor, arabic: bool) -> Tail {
    let text = c.text();
    let mut t =
        Tail { end: c.pos, unit: "", money: false, inner: None, postfix: None, extra: Dec::ZERO, percent_cheng: false };
    let mut cur = c.clone();
    cur.skip_ws();
    if let Some(m) = INNER_MARKERS.iter().find(|m| cur.starts_with(m)) {
        let mut la = cur.clone();
        la.advance(m.len());
        // 多 before 元 in 多元化 has no number before it; after a number it is a marker.
        t.inner = Some(m);
        t.end = la.pos;
        cur = la;
    }
    // 一个半月.
    let mut half = false;
    if cur.starts_with("个半") {
        let mut la = cur.clone();
        la.advance("个半".len());
        if la.starts_with("月") || la.starts_with("小时") {
            half = true;
            let w = if la.starts_with("月") { "月" } else { "小时" };
            t.unit = if w == "月" { "个月" } else { "小时" };
            t.end = la.pos + w.len();
            t.extra = Dec { mant: 5, scale: -1 };
            cur = Cursor::at(text, t.end);
        }
    }
    if !half {
        if let Some((u, end)) = unit_at(&cur) {
            t.unit = u.unit;
            t.money = u.money;
            t.end = end;
            cur = Cursor::at(text, end);
        } else if arabic && let Some(u) = LATIN_UNITS.iter().find(|u| cur.starts_with(u)) {
            let next = cur.rest()[u.len()..].chars().next();
            if !next.is_some_and(|n| n.is_ascii_alphabetic()) {
                t.unit = u;
                t.end = cur.pos + u.len();
                cur = Cursor::at(text, t.end);
            }
        } else if cur.starts_with("成") {
            let next = cur.rest()["成".len()..].chars().next();
            let blocked = next.is_some_and(|n| "员本为功果绩就立熟长交都效品型年人份分不".contains(n));
            if !blocked && t.inner.is_none() {
                t.unit = "%";
                t.percent_cheng = true;
                t.end = cur.pos + "成".len();
                cur = Cursor::at(text, t.end);
            }
        }
    }
    if t.inner.is_some() && t.unit.is_empty() {
        // 余/多/几 with no unit: keep it only before a word (1000多农户), not before punctuation.
        let next = cur.peek();
        if !next.is_some_and(|n| n as u32 >= 0x4e00 && n as u32 <= 0x9fff) || t.inner == Some("几") {
            t.inner = None;
            t.end = c.pos;
            return t;
        }
    }
    if t.money {
        // 角 and 分 after 元: 一百三十五块六角七分钱.
        let mut la = cur.clone();
        for (sub, scale) in [("角", -1), ("毛", -1), ("分", -2)] {
            la.skip_ws_inline();
            if let Some(d) = la.peek().and_then(digit_value)
                && la.peek2().is_some_and(|n| sub.starts_with(n))
            {
                la.bump();
                la.advance(sub.len());
                t.extra = t.extra.add(Dec { mant: d as i128, scale }).unwrap_or(t.extra);
                t.end = la.pos;
            }
        }
        cur = Cursor::at(text, t.end);
        for w in ["钱", "整"] {
            if cur.starts_with(w) {
                t.end = cur.pos + w.len();
                cur = Cursor::at(text, t.end);
            }
        }
    }
    if matches!(t.unit, "年" | "天" | "小时" | "个月" | "斤" | "公斤" | "亩") && cur.starts_with("半") {
        t.extra = t.extra.add(Dec { mant: 5, scale: -1 }).unwrap_or(t.extra);
        t.end = cur.pos + "半".len();
        cur = Cursor::at(text, t.end);
    }
    let mut p = cur.clone();
    p.skip_ws_inline();
    if let Some((m, q)) = postfix(&p) {
        t.postfix = Some((m, q));
        t.end = p.pos + m.len();
    }
    t
}

/// Applies 成 (×10) and subunits to a value.
pub(super) fn scale_tail(v: Dec, t: &Tail) -> f64 {
    let v = if t.percent_cheng { v.mul_int(10).unwrap_or(v) } else { v };
    v.add(t.extra).unwrap_or(v).to_f64()
}

/// Whether a number with this tail is a figure a reader would see.
pub(super) fn accept(n: &Num, t: &Tail, has_prefix: bool) -> bool {
    if n.form == Form::Arabic {
        return true;
    }
    let marked = has_prefix || n.inner_marker.is_some() || n.shu.is_some() || t.inner.is_some() || t.postfix.is_some();
    let has_unit = !t.unit.is_empty();
    let lone_one = n.chars == 1 && n.value == Dec::int(1);
    if n.bare_unit {
        // 百余家, 近千名, 数十亿元: a bare multiplier needs a marker and a unit or magnitude.
        return marked && (has_unit || n.has_large);
    }
    if lone_one {
        return has_unit && matches!(t.unit, "倍" | "%") || t.extra != Dec::ZERO;
    }
    if has_unit {
        return true;
    }
    if n.value_max.is_some() {
        return n.has_unit;
    }
    n.has_large || n.has_decimal || (n.chars >= 3 && n.has_unit) || (marked && n.has_unit)
}

pub(super) fn quantity(n: &Num, t: &Tail) -> Figure {
    let kind = match t.unit {
        "%" | "‰" | "‱" | "百分点" => Kind::Percent,
        "届" => Kind::Ordinal,
        _ => Kind::Quantity,
    };
    Figure::new(n.start..t.end.max(n.end), kind, scale_tail(n.value, t), t.unit)
}

pub(super) fn set_marker(f: &mut Figure, q: Qualifier, m: &str) {
    if f.marker.is_empty() || f.qualifier == Qualifier::Range && !RANGE_CONNECTORS.contains(&f.marker.as_str()) {
        if f.qualifier != Qualifier::Range {
            f.qualifier = q;
        }
        f.marker = m.to_string();
    } else if f.qualifier == Qualifier::Range {
        // A range keeps its qualifier; the connector stays the marker.
    } else {
        f.marker = format!("{}+{m}", f.marker);
    }
}
