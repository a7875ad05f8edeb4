//! The names of the list of divisions as a trie of characters: from a place
//! in a text, every name that starts there is found in one walk forward,
//! which stops at the first character no name goes on with (most walks stop
//! after one or two). Read by [`super::Divisions::find_in_words`].

use rustc_hash::FxHashMap;

/// A set of names, walked character by character.
#[derive(Default)]
pub(super) struct NameTrie {
    /// The node reached from a node by a character; node 0 is the root.
    edges: FxHashMap<(u32, char), u32>,
    /// Whether a name ends at each node.
    ends_name: Vec<bool>,
}

impl NameTrie {
    pub(super) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> NameTrie {
        let mut trie = NameTrie { edges: FxHashMap::default(), ends_name: vec![false] };
        for name in names {
            let mut node = 0u32;
            for c in name.chars() {
                let next = trie.ends_name.len() as u32;
                node = *trie.edges.entry((node, c)).or_insert_with(|| next);
                if node == next {
                    trie.ends_name.push(false);
                }
            }
            if node != 0 {
                trie.ends_name[node as usize] = true;
            }
        }
        trie
    }

    /// Whether some name starts with `c`.
    #[inline]
    pub(super) fn starts_with(&self, c: char) -> bool {
        self.edges.contains_key(&(0, c))
    }

    /// The ends (byte offsets in `text`) of every name that starts at byte `at`
    /// and ends at `end` or before, shortest first, appended to `out`.
    pub(super) fn ends_from(&self, text: &str, at: usize, end: usize, out: &mut Vec<usize>) {
        let Some(rest) = text.get(at..end) else { return };
        let mut node = 0u32;
        for (i, c) in rest.char_indices() {
            let Some(&next) = self.edges.get(&(node, c)) else { return };
            node = next;
            if self.ends_name[node as usize] {
                out.push(at + i + c.len_utf8());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_that_starts_at_a_place_is_found() {
        let trie = NameTrie::new(["阜平", "阜平县", "阜平县城", "龙泉关镇", "平阳"]);
        let text = "在阜平县龙泉关镇";
        let at = "在".len();
        let mut ends = Vec::new();
        trie.ends_from(text, at, text.len(), &mut ends);
        let names: Vec<&str> = ends.iter().map(|e| &text[at..*e]).collect();
        assert_eq!(names, ["阜平", "阜平县"]);
        // Bounded by `end`: a name that runs past it is not found.
        ends.clear();
        trie.ends_from(text, at, at + "阜平".len(), &mut ends);
        assert_eq!(ends.len(), 1);
        assert!(trie.starts_with('阜') && trie.starts_with('平') && !trie.starts_with('县'));
        // A prefix of a name that is no name (龙泉) ends nothing.
        ends.clear();
        trie.ends_from("龙泉山", 0, "龙泉山".len(), &mut ends);
        assert!(ends.is_empty());
    }
}
