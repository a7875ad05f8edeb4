//! Half said in words as a share: 过半, 过半数, 超过半数, 半数以上, 近半数.

use super::super::lexicon::{HALF_SHARE_LEADS, NOT_HALF_SHARE_BEFORE};
use super::super::text::Cursor;
use super::tail::{postfix, set_marker};
use super::{Figure, Kind, Qualifier, Scanner};

impl Scanner<'_> {
    /// Reads half said as a share of a whole, a fraction 0.5 with its bound:
    ///
    /// - 过半数 (more than half the number): anywhere — 过半数的村建起了合作社;
    /// - 过半 after a share's word ([`HALF_SHARE_LEADS`]) — 占比过半, 所占比重过半;
    /// - 半数 with a bound before or after it — 超过半数, 近半数, 半数以上.
    ///
    /// Left alone: 时间过半 and 过半个月 (no share), 半数 without a bound
    /// (半数村民 says half only loosely), and 上半年, 一半 (read elsewhere).
    pub(super) fn half_share(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let rest = &text[pos..];
        // 过 is no character a figure starts at: 过半 is read from its 半.
        // 超过半数 is 半数 with its bound 超过, read below.
        let gone = (text[..pos].ends_with('过') && !text[..pos].ends_with("超过"))
            .then(|| pos - '过'.len_utf8())
            .filter(|g| *g >= self.floor);
        if let Some(start) = gone {
            let after = &rest['半'.len_utf8()..];
            let whole_count = after.starts_with('数');
            let before = text[self.floor..start].trim_end_matches(['已', '均', '都']);
            // 过半个月 is half a month gone by; 时间过半 no share.
            if after.starts_with('个') || !whole_count && !HALF_SHARE_LEADS.iter().any(|w| before.ends_with(w)) {
                return None;
            }
            let end = pos + if whole_count { "半数".len() } else { '半'.len_utf8() };
            let mut f = Figure::new(start..end, Kind::Fraction, 0.5, "");
            f.qualifier = Qualifier::Over;
            f.marker = "过".to_string();
            return Some(self.push(f));
        }
        if !rest.starts_with("半数") || text[..pos].ends_with(NOT_HALF_SHARE_BEFORE) {
            return None;
        }
        let mut f = Figure::new(pos..pos + "半数".len(), Kind::Fraction, 0.5, "");
        let mut after = Cursor::at(text, f.span.end);
        after.skip_ws();
        if let Some((m, q, end)) = postfix(&after) {
            f.span.end = end;
            set_marker(&mut f, q, m);
        }
        self.prefix(&mut f);
        if f.marker.is_empty() {
            return None;
        }
        Some(self.push(f))
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::{Kind, Qualifier, extract};

    /// The halves read, as (text, qualifier).
    fn halves(text: &str) -> Vec<(String, Qualifier)> {
        extract(text)
            .into_iter()
            .filter(|f| f.kind == Kind::Fraction && f.value == 0.5)
            .map(|f| (text[f.span.clone()].to_string(), f.qualifier))
            .collect()
    }

    #[test]
    fn half_as_a_share_is_a_bounded_fraction() {
        assert_eq!(halves("参加培训的妇女占比过半。"), vec![("过半".to_string(), Qualifier::Over)]);
        assert_eq!(halves("过半数的合作社已经分红。"), vec![("过半数".to_string(), Qualifier::Over)]);
        assert_eq!(halves("外出务工的青年超过半数。"), vec![("超过半数".to_string(), Qualifier::Over)]);
        assert_eq!(halves("种茶的农户近半数。"), vec![("近半数".to_string(), Qualifier::Nearly)]);
        assert_eq!(halves("半数以上的村通了客车。"), vec![("半数以上".to_string(), Qualifier::AtLeast)]);
    }

    #[test]
    fn half_that_is_no_share_is_left_alone() {
        // Half the time gone, half a month, half the villagers loosely, the first half-year.
        assert!(halves("时间过半，任务过半。").is_empty());
        assert!(halves("工期已过半个月。").is_empty());
        assert!(halves("半数村民赶来帮忙。").is_empty());
        assert!(halves("上半年完成投资。").is_empty());
    }
}
