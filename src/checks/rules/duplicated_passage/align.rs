//! A banded alignment: the fewest edits that turn one sequence of tokens into
//! another, found only when there are few. Two passages that differ by a word
//! or two lie near the diagonal of the edit matrix, so only a band of
//! `2·max + 1` cells around it is filled: time and memory grow with the
//! length times `max`, not with the square of the length.

/// One step of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The token stands in both.
    Same,
    /// A token of the first replaced by one of the second.
    Sub,
    /// A token of the first dropped.
    Del,
    /// A token of the second added.
    Ins,
}

/// The edits that turn `a` into `b`, in order, when at most `max` are needed;
/// None when more are (or when the lengths alone differ by more than `max`).
pub fn align(a: &[u32], b: &[u32], max: usize) -> Option<Vec<Op>> {
    // What both open and close with is aligned already: only the middle is searched.
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..].iter().rev().zip(b[head..].iter().rev()).take_while(|(x, y)| x == y).count();
    let mut ops = vec![Op::Same; head];
    ops.extend(middle(&a[head..a.len() - tail], &b[head..b.len() - tail], max)?);
    ops.extend(std::iter::repeat_n(Op::Same, tail));
    Some(ops)
}

/// [`align`] over the whole matrix band.
fn middle(a: &[u32], b: &[u32], max: usize) -> Option<Vec<Op>> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    let width = 2 * max + 1;
    const FAR: u32 = u32::MAX / 2;
    // cost[i * width + k] is the cost of a[..i] against b[..j], j = i + k − max.
    let mut cost = vec![FAR; (n + 1) * width];
    let cell = |i: usize, j: usize| -> Option<usize> {
        let k = (j + max).checked_sub(i).filter(|k| *k < width)?;
        Some(i * width + k)
    };
    for i in 0..=n {
        let mut best = FAR;
        for j in i.saturating_sub(max)..=(i + max).min(m) {
            let here = cell(i, j).unwrap_or(0);
            cost[here] = if i == 0 {
                j as u32
            } else if j == 0 {
                i as u32
            } else {
                let at = |i, j| cell(i, j).map_or(FAR, |c| cost[c]);
                let diag = at(i - 1, j - 1) + u32::from(a[i - 1] != b[j - 1]);
                diag.min(at(i - 1, j) + 1).min(at(i, j - 1) + 1)
            };
            best = best.min(cost[here]);
        }
        // Costs only grow down the rows: once a whole row is over, so is the end.
        if best as usize > max {
            return None;
        }
    }
    if cost[cell(n, m)?] as usize > max {
        return None;
    }
    // Back from the end: a step along the diagonal first, then a drop, then an addition.
    let at = |i, j| cell(i, j).map_or(FAR, |c| cost[c]);
    let (mut i, mut j) = (n, m);
    let mut ops = Vec::with_capacity(n.max(m));
    while i > 0 || j > 0 {
        let here = at(i, j);
        if i > 0 && j > 0 && at(i - 1, j - 1) + u32::from(a[i - 1] != b[j - 1]) == here {
            ops.push(if a[i - 1] == b[j - 1] { Op::Same } else { Op::Sub });
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && at(i - 1, j) + 1 == here {
            ops.push(Op::Del);
            i -= 1;
        } else {
            ops.push(Op::Ins);
            j -= 1;
        }
    }
    ops.reverse();
    Some(ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edit distance over the whole matrix: the plain reference.
    fn distance(a: &[u32], b: &[u32]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut prev = row[0];
            row[0] = i;
            for j in 1..=b.len() {
                let diag = prev + usize::from(a[i - 1] != b[j - 1]);
                prev = row[j];
                row[j] = diag.min(row[j] + 1).min(row[j - 1] + 1);
            }
        }
        row[b.len()]
    }

    /// Applies the edits to `a`, taking added and replacing tokens from `b`.
    fn apply(a: &[u32], b: &[u32], ops: &[Op]) -> Vec<u32> {
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        for op in ops {
            match op {
                Op::Same => {
                    out.push(a[i]);
                    i += 1;
                    j += 1;
                }
                Op::Sub => {
                    out.push(b[j]);
                    i += 1;
                    j += 1;
                }
                Op::Del => i += 1,
                Op::Ins => {
                    out.push(b[j]);
                    j += 1;
                }
            }
        }
        out
    }

    #[test]
    fn the_band_finds_what_the_whole_matrix_finds() {
        // Every pair of sequences over three tokens up to length five, against every band.
        let mut seqs: Vec<Vec<u32>> = vec![Vec::new()];
        for len in 1..=5u32 {
            for code in 0..3u32.pow(len) {
                seqs.push((0..len).map(|p| code / 3u32.pow(p) % 3).collect());
            }
        }
        for a in seqs.iter().step_by(3) {
            for b in seqs.iter().step_by(2) {
                let d = distance(a, b);
                for max in 0..=4 {
                    match align(a, b, max) {
                        Some(ops) => {
                            assert!(d <= max, "{a:?} {b:?} {max}");
                            assert_eq!(ops.iter().filter(|o| **o != Op::Same).count(), d, "{a:?} {b:?}");
                            assert_eq!(apply(a, b, &ops), *b, "{a:?} {b:?}");
                        }
                        None => assert!(d > max, "{a:?} {b:?} {max}: distance {d}"),
                    }
                }
            }
        }
    }

    #[test]
    fn a_word_changed_in_a_long_passage() {
        let a: Vec<u32> = (0..500).collect();
        let mut b = a.clone();
        b[250] = 9999;
        b.insert(400, 7777);
        let ops = align(&a, &b, 3).expect("two edits");
        assert_eq!(ops.iter().filter(|o| **o != Op::Same).count(), 2);
        assert!(align(&a, &b, 1).is_none());
    }
}
