//! What follows a number: an inner marker (6000余万), the unit, money
//! subunits (角, 分), 半, and a marker after it (左右, 以上).

use super::super::dec::Dec;
use super::super::lexicon::{
    CURRENCY_AFTER_YUAN, GE_UNITS, INNER_MARKERS, LATIN_UNITS, POSTFIX_MARKERS, RANGE_CONNECTORS, UNIT_BLOCKERS, UNITS,
    UnitDef,
};
use super::super::number::{Form, Num, digit_value, is_cn_digit, is_cn_numeral};
use super::super::text::{ByFirst, Cursor, begins_with};
use super::super::{Figure, Kind, Qualifier};

/// What follows a number: its unit and markers.
pub(super) struct Tail {
    pub(super) end: usize,
    pub(super) unit: &'static str,
    pub(super) money: bool,
    pub(super) inner: Option<&'static str>,
    pub(super) postfix: Option<(&'static str, Qualifier)>,
    /// Added by 角/分 after 元, 半 after a unit, or the tenths after 成 (七成六).
    pub(super) extra: Dec,
    pub(super) percent_cheng: bool,
    /// A power of ten the value is scaled by: -1 for 角, -2 for 分 (壹角).
    pub(super) shift: i32,
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The longest unit at the cursor, with the spaces PDF extraction leaves
/// inside a word allowed, looked up by its first character. Returns the unit
/// and where it ends.
fn units_at(c: &Cursor) -> Option<(&'static UnitDef, usize)> {
    static BY_FIRST: std::sync::LazyLock<ByFirst<UnitDef>> =
        std::sync::LazyLock::new(|| ByFirst::new(UNITS, |u| u.written.chars().next()));
    let first = c.peek()?;
    BY_FIRST
        .get(first)
        .iter()
        .filter_map(|u| c.eat(u.written).map(|end| (*u, end)))
        .max_by_key(|(u, _)| u.written.len())
}

pub(super) fn postfix(c: &Cursor) -> Option<(&'static str, Qualifier, usize)> {
    // Looked up by the character at the cursor: most figures have no marker after them.
    static BY_FIRST: std::sync::LazyLock<ByFirst<(&'static str, Qualifier)>> =
        std::sync::LazyLock::new(|| ByFirst::new(POSTFIX_MARKERS, |(m, _)| m.chars().next()));
    let (m, q, end) = BY_FIRST.get(c.peek()?).iter().find_map(|(m, q)| c.eat(m).map(|end| (*m, *q, end)))?;
    // 上下 after a figure only when no word goes on (全市上下一心 is no marker).
    if m == "上下" && Cursor::at(c.text(), end).peek().is_some_and(is_han) {
        return None;
    }
    Some((m, q, end))
}

/// The longest unit at the cursor (after figure-internal spaces), if not part of a longer word.
pub(super) fn unit_at(c: &Cursor) -> Option<(&'static UnitDef, usize)> {
    let mut c = c.clone();
    c.skip_ws();
    let (best, end) = units_at(&c)?;
    let next = Cursor::at(c.text(), end).peek();
    if let Some((_, blockers)) = UNIT_BLOCKERS
        .iter()
        .find(|(w, _)| w.len() == best.written.len() && begins_with(w.as_bytes(), best.written.as_bytes()))
        && next.is_some_and(|n| blockers.contains(&n))
    {
        return None;
    }
    Some((best, end))
}

/// Units after which 多 means "and some" (3年多, 1小时多, 5斤多).
const MORE_AFTER: &[&str] =
    &["年", "个月", "天", "周", "小时", "个小时", "分钟", "斤", "公斤", "吨", "亩", "米", "公里", "岁", "个星期"];

/// Reads what follows the number `n`: inner marker, unit, money subunits, 半, postfix marker.
pub(super) fn tail(c: &Cursor, n: &Num) -> Tail {
    let text = c.text();
    let mut t = Tail {
        end: c.pos,
        unit: "",
        money: false,
        inner: None,
        postfix: None,
        extra: Dec::ZERO,
        percent_cheng: false,
        shift: 0,
    };
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
    if !ge_unit(&mut t, &mut cur) {
        plain_unit(&mut t, &mut cur, n);
    }
    if t.inner.is_some() && t.unit.is_empty() {
        // 余/多/几 with no unit: a marker before a word (1000多农户) or after a
        // multiplier (减少1亿多); not a stray 几 before punctuation.
        let next = cur.peek();
        let before_word = next.is_some_and(is_han);
        let after_multiplier = n.has_unit && !next.is_some_and(|c| c.is_ascii_alphanumeric());
        let keep = before_word || after_multiplier && t.inner != Some("几");
        if !keep {
            t.inner = None;
            t.end = c.pos;
            return t;
        }
    }
    if t.money {
        money_tail(&mut t, &mut cur);
    }
    if matches!(t.unit, "年" | "天" | "小时" | "个月" | "斤" | "公斤" | "亩" | "吨" | "米") && cur.starts_with("半")
    {
        t.extra = t.extra.add(Dec { mant: 5, scale: -1 }).unwrap_or(t.extra);
        t.end = cur.pos + "半".len();
        cur = Cursor::at(text, t.end);
    }
    if t.inner.is_none() && MORE_AFTER.contains(&t.unit) && cur.starts_with("多") {
        let next = Cursor::at(text, cur.pos + "多".len()).peek();
        if !next.is_some_and(|n| "元种样个家方项次措人位名户条件批类少".contains(n)) {
            t.inner = Some("多");
            t.end = cur.pos + "多".len();
            cur = Cursor::at(text, t.end);
        }
    }
    let mut p = cur.clone();
    p.skip_ws_inline();
    if let Some((m, q, end)) = postfix(&p) {
        t.postfix = Some((m, q));
        t.end = end;
    }
    t
}

/// 个 with an inner marker before the rest of its unit: 3个多月, 2个多百分点.
fn ge_unit(t: &mut Tail, cur: &mut Cursor) -> bool {
    if t.inner.is_some() || !cur.starts_with("个") {
        return false;
    }
    let mut la = cur.clone();
    la.advance("个".len());
    let Some(m) = INNER_MARKERS.iter().find(|m| la.starts_with(m)) else {
        return false;
    };
    la.advance(m.len());
    let Some((unit, end)) = GE_UNITS.iter().find_map(|(w, u)| la.eat(w).map(|e| (*u, e))) else {
        return false;
    };
    t.inner = Some(m);
    t.unit = unit;
    t.end = end;
    *cur = Cursor::at(cur.text(), end);
    true
}

/// The unit proper: a unit word, 个半月, a Latin unit, or 成 (三成, 七成六, 三成半).
fn plain_unit(t: &mut Tail, cur: &mut Cursor, n: &Num) {
    let text = cur.text();
    // 一个半月.
    if cur.starts_with("个半") {
        let mut la = cur.clone();
        la.advance("个半".len());
        if la.starts_with("月") || la.starts_with("小时") {
            let w = if la.starts_with("月") { "月" } else { "小时" };
            t.unit = if w == "月" { "个月" } else { "小时" };
            t.end = la.pos + w.len();
            t.extra = Dec { mant: 5, scale: -1 };
            *cur = Cursor::at(text, t.end);
            return;
        }
    }
    if n.capital
        && let Some((shift, w)) = [(-1, "角"), (-2, "分")].into_iter().find(|(_, w)| cur.starts_with(w))
    {
        // 壹角, 叁分: financial capitals count 角 and 分 of a 元.
        t.unit = "元";
        t.money = true;
        t.shift = shift;
        t.end = cur.pos + w.len();
        *cur = Cursor::at(text, t.end);
    } else if let Some((u, end)) = unit_at(cur) {
        t.unit = u.unit;
        t.money = u.money;
        t.end = end;
        *cur = Cursor::at(text, end);
        // 20个比特币: a classifier before a currency counts the currency.
        if u.unit == "个"
            && let Some((m, e)) = unit_at(cur).filter(|(m, _)| m.money)
        {
            t.unit = m.unit;
            t.money = true;
            t.end = e;
            *cur = Cursor::at(text, e);
        }
    } else if n.form == Form::Arabic
        && let Some(u) = LATIN_UNITS.iter().find(|u| cur.starts_with(u))
    {
        let next = cur.rest()[u.len()..].chars().next();
        if !next.is_some_and(|n| n.is_ascii_alphabetic()) {
            t.unit = u;
            t.end = cur.pos + u.len();
            *cur = Cursor::at(text, t.end);
        }
    } else if cur.starts_with("成") {
        let next = cur.rest()["成".len()..].chars().next();
        let blocked = next.is_some_and(|n| "员本为功果绩就立熟长交都效品型年人份分不".contains(n));
        if !blocked && t.inner.is_none() {
            t.unit = "%";
            t.percent_cheng = true;
            t.end = cur.pos + "成".len();
            *cur = Cursor::at(text, t.end);
            cheng_tenths(t, cur);
        }
    }
}

/// The tenths of a 成 after it: 七成六 is 76%, 三成半 35%.
fn cheng_tenths(t: &mut Tail, cur: &mut Cursor) {
    let mut la = cur.clone();
    la.skip_ws_inline();
    let (d, len) = match la.peek() {
        Some('半') => (5, '半'.len_utf8()),
        Some(c) if is_cn_digit(c) && c != '两' && c != '零' => (digit_value(c).unwrap_or(0), c.len_utf8()),
        _ => return,
    };
    let after = Cursor::at(la.text(), la.pos + len).peek();
    // 七成六 ends there; 三成五个 or 三成三十 goes on into another figure.
    if after.is_some_and(|c| is_cn_numeral(c) || c.is_ascii_digit() || "个人户名成万".contains(c)) {
        return;
    }
    t.extra = Dec::int(d as i128);
    t.end = la.pos + len;
    *cur = Cursor::at(la.text(), t.end);
}

/// After a money unit: 角 and 分 (一百三十五块六角七分钱, 壹元零壹分), 钱 and 整,
/// and the currency that a 元 stands for (9000元日币).
fn money_tail(t: &mut Tail, cur: &mut Cursor) {
    let text = cur.text();
    if t.unit == "元"
        && let Some((unit, end)) = CURRENCY_AFTER_YUAN.iter().find_map(|(w, u)| cur.eat(w).map(|e| (*u, e)))
    {
        t.unit = unit;
        t.end = end;
        *cur = Cursor::at(text, end);
    }
    let mut la = cur.clone();
    for (sub, scale) in [("角", -1), ("毛", -1), ("分", -2)] {
        la.skip_ws_inline();
        let mut d = la.clone();
        if d.starts_with("零") {
            d.bump();
        }
        if let Some(v) = d.peek().and_then(digit_value)
            && d.peek2().is_some_and(|n| sub.starts_with(n))
        {
            d.bump();
            d.advance(sub.len());
            t.extra = t.extra.add(Dec { mant: v as i128, scale }).unwrap_or(t.extra);
            t.end = d.pos;
            la = d;
        }
    }
    *cur = Cursor::at(text, t.end);
    for w in ["钱", "整"] {
        if cur.starts_with(w) {
            t.end = cur.pos + w.len();
            *cur = Cursor::at(text, t.end);
        }
    }
}

/// Applies 成 (×10) and subunits to a value.
pub(super) fn scale_tail(v: Dec, t: &Tail) -> f64 {
    let v = if t.percent_cheng { v.mul_int(10).unwrap_or(v) } else { v };
    let v = v.shift(t.shift).unwrap_or(v);
    v.add(t.extra).unwrap_or(v).to_f64()
}

/// Whether a number with this tail is a figure a reader would see.
pub(super) fn accept(n: &Num, t: &Tail, has_prefix: bool) -> bool {
    if n.form == Form::Arabic {
        return true;
    }
    let marked = has_prefix || n.inner_marker.is_some() || n.shu.is_some() || t.inner.is_some() || t.postfix.is_some();
    let has_unit = !t.unit.is_empty();
    // 两度, 三度 say "twice", "three times", and 十分 "very"; 三十九度 is a temperature.
    if matches!(t.unit, "度" | "分") && n.chars == 1 {
        return false;
    }
    if n.bare_unit {
        // 百余家, 近千名, 数十亿元: a bare multiplier needs a marker and a unit
        // or magnitude; 百亿元, 千亿斤 (two multipliers, one large) need the unit.
        return marked && (has_unit || n.has_large) || has_unit && n.has_large && n.chars >= 2;
    }
    // 一 alone is "a" or "one" (一个, 一种); 壹 is written only as a figure (壹元整).
    // With a marker before it, it counts again: 近一吨, 约一个月, 超过一年.
    let lone_one = n.chars == 1 && n.value == Dec::int(1) && !n.capital;
    if lone_one {
        return has_unit && (matches!(t.unit, "倍" | "%" | "番") || has_prefix) || t.extra != Dec::ZERO;
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
