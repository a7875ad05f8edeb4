//! A figure said twice, once with a slip of the pen.
//!
//! Reports restate their figures: the review gives a count and the plan takes
//! it up again (已建成分散养殖场86个 … 完成86个分散养殖场的配套建设), a profile's
//! opening and its section on people both give the population (总人口1.1万人 …
//! 现有人口1.1万人), a note repeats the area of a park named in the text. The
//! words around the two mentions differ (a verb added, 总 dropped, the subject
//! moved before the metric), so the strict identity test of BD101 does not
//! pair them. What pairs them here is the shape of the difference: the two
//! values are one string of digits written twice, once with a typing slip:
//!
//! - two neighbouring digits swapped: 1669亩 and 1696亩, 57870人 and 58770人,
//!   also over a point that stays (15.07亿元 and 10.57亿元);
//! - the decimal point dropped or moved: 1.1万人 and 11万人;
//! - one digit (not a zero) dropped or doubled: 19.9公里 and 9.9公里.
//!
//! Two different quantities rarely differ by exactly such a slip *and* share
//! their unit and most of their metric's words, so the pair is read as one
//! figure; but that rests on a reading, so the finding is a warning that says
//! what it assumed. Look-alikes left alone: values whose digits differ in
//! another way (12个 and 15个, two quantities), round numbers that differ by a
//! zero (100个 and 10个), approximations (约12万), and two explicit different
//! years of the same actual metric (2019年新建12个, 2020年新建21个).

use crate::checks::claims::ClaimWords;
use crate::checks::lexicon::claims::{STAGE_VERBS, WHOLE_PREFIXES};

/// How two writings of one figure differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    /// Two neighbouring digits swapped (1669 / 1696).
    Transposed,
    /// The decimal point dropped or moved (1.1 / 11).
    Point,
    /// One digit other than 0 dropped or written twice (19.9 / 9.9).
    Digit,
}

/// The digits of a figure as written, with its decimal point, and the scale
/// word after them (万, 亿 or none): 1.1万人 gives ("1.1", '万'). None when
/// the figure is not written in Arabic digits.
pub fn written_digits(written: &str) -> Option<(String, Option<char>)> {
    let start = written.find(|c: char| c.is_ascii_digit())?;
    let rest = &written[start..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let digits = rest[..end].trim_end_matches('.').to_string();
    let scale = rest[end..].chars().next().filter(|c| matches!(c, '万' | '亿'));
    Some((digits, scale))
}

/// The key under which a figure is indexed: its digits without the point or
/// leading zeros, sorted (a swap or a moved point keeps the key).
pub fn slip_key(digits: &str) -> String {
    let mut d: Vec<char> = bare(digits).chars().collect();
    d.sort_unstable();
    d.into_iter().collect()
}

/// The keys of the figure with one digit (not 0) left out: where a figure
/// with a digit dropped is found.
pub fn dropped_keys(digits: &str) -> Vec<String> {
    let d = bare(digits);
    if d.chars().count() < 3 {
        return Vec::new();
    }
    let mut keys: Vec<String> = d
        .char_indices()
        .filter(|(_, c)| *c != '0')
        .map(|(i, _)| slip_key(&format!("{}{}", &d[..i], &d[i + 1..])))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn bare(digits: &str) -> String {
    let d: String = digits.chars().filter(|c| *c != '.').collect();
    let d = d.trim_start_matches('0');
    d.to_string()
}

/// Whether two writings (digits and scale word) are one figure with a slip.
pub fn slip(a: &(String, Option<char>), b: &(String, Option<char>)) -> Option<Slip> {
    let ((da, sa), (db, sb)) = (a, b);
    if sa != sb || da == db {
        return None;
    }
    let (ca, cb): (Vec<char>, Vec<char>) = (da.chars().collect(), db.chars().collect());
    if ca.len() == cb.len() {
        let diff: Vec<usize> = (0..ca.len()).filter(|&i| ca[i] != cb[i]).collect();
        if let [i, j] = diff[..]
            && j == i + 1
            && ca[i] == cb[j]
            && ca[j] == cb[i]
            && ca[i].is_ascii_digit()
            && ca[j].is_ascii_digit()
        {
            return Some(Slip::Transposed);
        }
    }
    let (ba, bb) = (bare(da), bare(db));
    // Two neighbouring digits swapped over the point, which stays (15.07 / 10.57).
    let point = |d: &str| d.find('.');
    if point(da).is_some() && point(da) == point(db) && ba.len() == bb.len() {
        let (xa, xb): (Vec<char>, Vec<char>) = (ba.chars().collect(), bb.chars().collect());
        let diff: Vec<usize> = (0..xa.len()).filter(|&i| xa[i] != xb[i]).collect();
        if let [i, j] = diff[..]
            && j == i + 1
            && xa[i] == xb[j]
            && xa[j] == xb[i]
        {
            return Some(Slip::Transposed);
        }
    }
    if ba == bb && !ba.is_empty() && ba.trim_end_matches('0').len() >= 2 {
        return Some(Slip::Point);
    }
    let (long, short) = if ba.len() > bb.len() { (&ba, &bb) } else { (&bb, &ba) };
    if long.len() == short.len() + 1 && long.trim_end_matches('0').len() >= 3 {
        let dropped =
            (0..long.len()).any(|i| &long[i..i + 1] != "0" && format!("{}{}", &long[..i], &long[i + 1..]) == *short);
        // A point that stays where it was (19.9 / 9.9) or no point at all.
        let same_point = da.split('.').nth(1).map(str::len) == db.split('.').nth(1).map(str::len);
        if dropped && same_point {
            return Some(Slip::Digit);
        }
    }
    None
}

/// The characters of a claim's metric words, leaving out the verbs of a stage
/// of work ([`STAGE_VERBS`]) and a leading 总 (总人口 and 人口 are one measure
/// of a place).
pub fn metric_chars(w: &ClaimWords) -> Vec<char> {
    let mut cs: Vec<char> = w
        .metric
        .iter()
        .filter(|m| !STAGE_VERBS.contains(&m.as_str()))
        .flat_map(|m| {
            WHOLE_PREFIXES.iter().find_map(|p| m.strip_prefix(p)).filter(|s| !s.is_empty()).unwrap_or(m).chars()
        })
        .collect();
    cs.sort_unstable();
    cs.dedup();
    cs
}

/// Whether two claims' words say the same thing, one more fully than the
/// other: their metrics share two characters or more, and one metric's words
/// (without verbs of a stage of work) are all in the other's words or subject
/// (分散养殖场已建成 within 宝迪养猪分散养殖场; 项目占地 under 装配式建筑产业园
/// within 占地1669亩的装配式建筑产业园). Two metrics that each have a word of their
/// own (烤烟种植面积, 松子种植面积) are two things.
pub fn near_metric(a: &ClaimWords, b: &ClaimWords) -> bool {
    metric_within(a, b) || metric_within(b, a)
}

/// Whether `a` says what `b` says, as fully or less: their metrics share two
/// characters or more, and `a`'s metric words (without verbs of a stage of
/// work) are all in `b`'s words or subject, so `a` names the same thing as
/// `b` or a wider one (易地搬迁安置区 within 易地扶贫搬迁安置区; 学校 within
/// 农村寄宿制学校, but not the other way). A generic metric (占地, 实施项目)
/// says what it is through its subject, which must be within `b` too.
pub fn metric_within(a: &ClaimWords, b: &ClaimWords) -> bool {
    chars_within((&metric_chars(a), a), (&metric_chars(b), b))
}

/// [`metric_within`] with the metrics' characters ([`metric_chars`]) read
/// once: a source's claims are held to many figures of a draft.
pub fn chars_within((ma, a): (&[char], &ClaimWords), (mb, b): (&[char], &ClaimWords)) -> bool {
    // Both sorted: a shared character is found by binary search.
    if ma.iter().filter(|c| mb.binary_search(c).is_ok()).count() < 2 {
        return false;
    }
    let theirs = b.subject.as_ref().map_or("", |s| s.text.as_str());
    let inside = |c: &char| mb.binary_search(c).is_ok() || theirs.contains(*c);
    ma.iter().all(inside)
        && (!a.generic
            || a.subject.as_ref().is_some_and(|s| {
                !s.text.is_empty() && s.text.chars().filter(|c| crate::model::is_cjk(*c)).all(|c| inside(&c))
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(w: &str) -> (String, Option<char>) {
        written_digits(w).unwrap()
    }

    #[test]
    fn swapped_digits_moved_points_and_dropped_digits_are_slips() {
        assert_eq!(slip(&s("1669亩"), &s("1696亩")), Some(Slip::Transposed));
        assert_eq!(slip(&s("3.46万户"), &s("3.64万户")), Some(Slip::Transposed));
        // Over the point, which stays where it was.
        assert_eq!(slip(&s("26.08亿元"), &s("20.68亿元")), Some(Slip::Transposed));
        assert_eq!(slip(&s("4.3"), &s("3.4")), Some(Slip::Transposed));
        assert_eq!(slip(&s("2.3万人"), &s("23万人")), Some(Slip::Point));
        assert_eq!(slip(&s("47.5公里"), &s("7.5公里")), Some(Slip::Digit));
        assert_eq!(slip(&s("3185人"), &s("385人")), Some(Slip::Digit));
    }

    #[test]
    fn other_differences_are_no_slips() {
        // Another digit, a zero dropped from a round number, another scale word.
        assert_eq!(slip(&s("12个"), &s("15个")), None);
        assert_eq!(slip(&s("100个"), &s("10个")), None);
        assert_eq!(slip(&s("150公顷"), &s("10公顷")), None);
        assert_eq!(slip(&s("2.4万人"), &s("2.4亿人")), None);
        // Swapped digits that are not neighbours, or two digits changed over the point.
        assert_eq!(slip(&s("1234个"), &s("4231个")), None);
        assert_eq!(slip(&s("26.08亿元"), &s("20.86亿元")), None);
        // A figure in Chinese numerals has no digits to compare.
        assert!(written_digits("三十个").is_none());
    }

    #[test]
    fn keys_meet_for_every_slip() {
        assert_eq!(slip_key("1669"), slip_key("1696"));
        assert_eq!(slip_key("2.3"), slip_key("23"));
        assert!(dropped_keys("3185").contains(&slip_key("385")));
        assert!(dropped_keys("100").is_empty() || !dropped_keys("100").contains(&slip_key("10")));
    }

    fn words(metric: &[&str], subject: Option<&str>) -> ClaimWords {
        ClaimWords {
            metric: metric.iter().map(|m| m.to_string()).collect(),
            subject: subject.map(|t| crate::checks::claims::Subject {
                text: t.to_string(),
                kind: crate::checks::claims::SubjectKind::Note,
            }),
            ..Default::default()
        }
    }

    #[test]
    fn near_metrics_share_most_of_their_words() {
        assert!(near_metric(&words(&["总人口"], None), &words(&["人口"], None)));
        assert!(near_metric(
            &words(&["分散", "养殖场", "建成"], None),
            &words(&["宝迪", "分散", "养殖场", "养猪"], None)
        ));
        let mut park = words(&["占地"], Some("光伏产业园"));
        park.generic = true;
        assert!(near_metric(&park, &words(&["光伏", "产业园", "占地"], None)));
        // A generic metric of another subject, or of none, is no restatement.
        let mut done = words(&["项目"], Some("水毁道路修复"));
        done.generic = true;
        assert!(!near_metric(&done, &words(&["农村", "饮水", "项目"], None)));
        // Clean look-alikes: each metric with a word of its own, or one character shared.
        assert!(!near_metric(&words(&["烤烟", "种植面积"], None), &words(&["松子", "种植面积"], None)));
        assert!(!near_metric(&words(&["村"], None), &words(&["城中", "改造", "村"], None)));
    }

    #[test]
    fn a_metric_within_another_names_the_same_thing_or_a_wider_one() {
        let wide = words(&["学校", "建成"], None);
        let narrow = words(&["农村", "寄宿制", "学校"], None);
        assert!(metric_within(&wide, &narrow));
        assert!(!metric_within(&narrow, &wide));
        // A word written with a qualifier inside it: 易地搬迁 within 易地扶贫搬迁.
        assert!(metric_within(
            &words(&["易地搬迁", "安置区"], None),
            &words(&["易地扶贫搬迁", "安置区", "投用"], None)
        ));
    }
}
