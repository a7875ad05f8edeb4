//! The brief model: plain serde data, no I/O.
//!
//! A [`Brief`] is metadata, a taxonomy of aid modes, an ordered tree of
//! [`Section`]s, a fact sheet and check settings. A section's body is plain
//! text, one paragraph per line ([`body`]). Everything else in the crate
//! (checks, exporters, the GUI) reads this model; only `store` and `import`
//! build it from files.

pub mod body;
mod fact;
mod section;
mod settings;
mod source;
mod taxonomy;
mod template;
pub mod value;

pub use fact::FactEntry;

/// The one limit on size, in characters of text (titles and bodies): a
/// brief holds at most this many, however it comes in (opened, imported from
/// text, Markdown, Word or PDF, pasted) or goes out (saved, checked,
/// exported). Four million characters is some ten times the longest work
/// report; a brief of that size still opens, checks and saves. The byte
/// limits on files ([`crate::store::MAX_FILE_BYTES`]) are derived from it.
pub const MAX_CHARS: usize = 4_000_000;
pub use section::{Role, Section, SectionId, heading_marker, heading_number, is_cjk, strip_heading_number};
pub use settings::{CheckSettings, Severity, SeveritySetting, Suppression};
pub use source::SourceRef;
pub use taxonomy::{AidMode, Taxonomy, TaxonomyError};
pub use template::Template;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What sort of document a brief is. It sets the template and the heading style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum BriefKind {
    /// 市情研究 / 调研报告: a numbered research brief.
    #[default]
    ResearchBrief,
    /// 综述: a newsroom feature organised by aid mode.
    Feature,
    /// 动态 / 简讯: a news roundup of short items.
    Roundup,
}

impl BriefKind {
    pub const ALL: [BriefKind; 3] = [BriefKind::ResearchBrief, BriefKind::Feature, BriefKind::Roundup];
}

/// Title page data of a brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Meta {
    pub title: String,
    pub subtitle: String,
    /// 署名/发文单位: the issuing unit, the author or both, as printed
    /// (中共某市委党校 李某); one line each.
    pub author: String,
    /// 成文日期, the report date: the day the brief speaks from. Checks compare 截至 dates with it.
    pub date: Option<NaiveDate>,
    pub kind: BriefKind,
    /// Whether top-level sections carry 一、二、 numbers (research briefs do, features do not).
    pub heading_numbers: bool,
}

impl Meta {
    /// 成文日期 as an official document prints it: 2024年3月15日.
    pub fn date_text(&self) -> Option<String> {
        self.date.map(|d| d.format("%Y年%-m月%-d日").to_string())
    }

    /// The 落款 every export closes the brief with: the issuing unit or
    /// author (署名/发文单位), then the date (成文日期); empty lines left out.
    pub fn signature(&self) -> Vec<String> {
        let author = self.author.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from);
        author.chain(self.date_text()).collect()
    }
}

/// The text of a section a match is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Body,
}

/// One occurrence of a searched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub section: SectionId,
    pub field: Field,
    /// Byte range in the title or the body.
    pub span: std::ops::Range<usize>,
}

/// A whole brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Brief {
    pub meta: Meta,
    pub taxonomy: Taxonomy,
    pub sections: Vec<Section>,
    pub facts: Vec<FactEntry>,
    pub checks: CheckSettings,
    /// The documents the brief's figures are held to (issue 24). Absent from
    /// files written before sources existed, and left out when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
    /// The id the next new section gets. Ids are never reused within a brief.
    pub next_section_id: u32,
}

impl Default for Brief {
    fn default() -> Self {
        Brief {
            meta: Meta { heading_numbers: true, ..Meta::default() },
            taxonomy: Taxonomy::default(),
            sections: Vec::new(),
            facts: Vec::new(),
            checks: CheckSettings::default(),
            sources: Vec::new(),
            next_section_id: 1,
        }
    }
}

impl Brief {
    /// A fresh section id, unique within this brief.
    pub fn new_section_id(&mut self) -> SectionId {
        // Never hand out an id that is already used, even if the file was edited by hand.
        let max_used = self.walk().map(|(s, _)| s.id.0).max().unwrap_or(0);
        let id = self.next_section_id.max(max_used + 1);
        self.next_section_id = id + 1;
        SectionId(id)
    }

    /// Gives every section whose id an earlier section has already (a
    /// section copied in a text editor) a fresh id; returns how many. The
    /// first keeps its id, and with it the suppressions that name it.
    pub fn renumber_duplicate_ids(&mut self) -> usize {
        let mut seen = std::collections::HashSet::new();
        let mut dupes = 0;
        let mut next = self.walk().map(|(s, _)| s.id.0).max().unwrap_or(0).max(self.next_section_id.saturating_sub(1));
        self.for_each_mut(|s| {
            if !seen.insert(s.id) {
                next += 1;
                s.id = SectionId(next);
                seen.insert(s.id);
                dupes += 1;
            }
        });
        if dupes > 0 {
            self.next_section_id = next + 1;
        }
        dupes
    }

    /// Builds a new section with a fresh id.
    pub fn new_section(&mut self, role: Role, title: impl Into<String>, body: impl Into<String>) -> Section {
        Section {
            id: self.new_section_id(),
            role,
            title: title.into(),
            body: body.into(),
            children: Vec::new(),
            written_number: None,
        }
    }

    /// Every section in document order, with its depth (0 for top level).
    pub fn walk(&self) -> impl Iterator<Item = (&Section, usize)> {
        let mut stack: Vec<(&Section, usize)> = self.sections.iter().rev().map(|s| (s, 0)).collect();
        std::iter::from_fn(move || {
            let (s, depth) = stack.pop()?;
            stack.extend(s.children.iter().rev().map(|c| (c, depth + 1)));
            Some((s, depth))
        })
    }

    /// Every section, mutably, in the order of [`Brief::walk`] (document order).
    pub fn for_each_mut(&mut self, mut f: impl FnMut(&mut Section)) {
        fn visit(list: &mut [Section], f: &mut dyn FnMut(&mut Section)) {
            for s in list {
                f(s);
                visit(&mut s.children, f);
            }
        }
        visit(&mut self.sections, &mut f);
    }

    /// The section with this id, anywhere in the tree.
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.walk().map(|(s, _)| s).find(|s| s.id == id)
    }

    /// The section with this id, mutably.
    pub fn section_mut(&mut self, id: SectionId) -> Option<&mut Section> {
        fn find(list: &mut [Section], id: SectionId) -> Option<&mut Section> {
            for s in list {
                if s.id == id {
                    return Some(s);
                }
                if let Some(found) = find(&mut s.children, id) {
                    return Some(found);
                }
            }
            None
        }
        find(&mut self.sections, id)
    }

    /// The list holding section `id` and its index there.
    fn locate_mut(&mut self, id: SectionId) -> Option<(&mut Vec<Section>, usize)> {
        fn go(list: &mut Vec<Section>, id: SectionId) -> Option<(&mut Vec<Section>, usize)> {
            if let Some(i) = list.iter().position(|s| s.id == id) {
                return Some((list, i));
            }
            list.iter_mut().find_map(|s| go(&mut s.children, id))
        }
        go(&mut self.sections, id)
    }

    /// Takes a section (with its children) out of the tree.
    pub fn remove_section(&mut self, id: SectionId) -> Option<Section> {
        let (list, i) = self.locate_mut(id)?;
        Some(list.remove(i))
    }

    /// Moves a section up (-1) or down (+1) among its siblings. Returns whether it moved.
    pub fn move_section(&mut self, id: SectionId, delta: isize) -> bool {
        let Some((list, i)) = self.locate_mut(id) else { return false };
        let j = i as isize + delta;
        if j < 0 || j as usize >= list.len() {
            return false;
        }
        list.swap(i, j as usize);
        true
    }

    /// Adds a section as the last child of `parent`; false when there is no such section.
    pub fn add_child(&mut self, parent: SectionId, section: Section) -> bool {
        match self.section_mut(parent) {
            Some(p) => {
                p.children.push(section);
                true
            }
            None => false,
        }
    }

    /// The section holding `id` among its children (None at the top level).
    pub fn parent_of(&self, id: SectionId) -> Option<SectionId> {
        self.walk().find(|(s, _)| s.children.iter().any(|c| c.id == id)).map(|(s, _)| s.id)
    }

    /// Moves a section one level down, under the sibling before it (as its
    /// last child). False when it is the first of its siblings.
    pub fn indent(&mut self, id: SectionId) -> bool {
        let Some((list, i)) = self.locate_mut(id) else { return false };
        if i == 0 {
            return false;
        }
        let s = list.remove(i);
        list[i - 1].children.push(s);
        true
    }

    /// Moves a section one level up, right after its parent; the siblings
    /// after it stay where they are. False at the top level.
    pub fn outdent(&mut self, id: SectionId) -> bool {
        let Some(parent) = self.parent_of(id) else { return false };
        let Some(s) = self.remove_section(id) else { return false };
        self.insert_after(Some(parent), s);
        true
    }

    /// Inserts a section right after `after` (at its level), or at the end of the brief.
    pub fn insert_after(&mut self, after: Option<SectionId>, section: Section) {
        match after.and_then(|id| self.locate_mut(id)) {
            Some((list, i)) => list.insert(i + 1, section),
            None => self.sections.push(section),
        }
    }

    /// Moves a section next to `target` (before or after it, at its level).
    /// Refused (false) when `target` is the section itself or inside it.
    pub fn move_next_to(&mut self, id: SectionId, target: SectionId, before: bool) -> bool {
        let inside = self.section(id).is_some_and(|s| {
            let mut stack = vec![s];
            while let Some(s) = stack.pop() {
                if s.id == target {
                    return true;
                }
                stack.extend(s.children.iter());
            }
            false
        });
        if inside || self.section(target).is_none() {
            return false;
        }
        let Some(section) = self.remove_section(id) else { return false };
        match self.locate_mut(target) {
            Some((list, i)) => list.insert(if before { i } else { i + 1 }, section),
            // Cannot happen (the target was checked), but never lose the section.
            None => self.sections.push(section),
        }
        true
    }

    /// Every occurrence of `needle` in the section titles and bodies, in
    /// document order (a section's title before its body): what
    /// [`Brief::replace_all`] replaces.
    pub fn find_all(&self, needle: &str) -> Vec<Found> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.walk()
            .flat_map(|(s, _)| {
                let title = s.title.match_indices(needle).map(move |(at, m)| Found {
                    section: s.id,
                    field: Field::Title,
                    span: at..at + m.len(),
                });
                let body = s.body.match_indices(needle).map(move |(at, m)| Found {
                    section: s.id,
                    field: Field::Body,
                    span: at..at + m.len(),
                });
                title.chain(body)
            })
            .collect()
    }

    /// Replaces `needle` in every section title and body; returns how many were replaced.
    pub fn replace_all(&mut self, needle: &str, with: &str) -> usize {
        if needle.is_empty() {
            return 0;
        }
        let mut n = 0;
        self.for_each_mut(|s| {
            for text in [&mut s.title, &mut s.body] {
                let found = text.matches(needle).count();
                if found > 0 {
                    *text = text.replace(needle, with);
                    n += found;
                }
            }
        });
        n
    }

    /// The heading number each section gets when exported (一、 （一） 1. （1）), in
    /// document order. Unnumbered sections (summary, lead, conclusion, or a brief
    /// without heading numbers) get an empty string.
    pub fn heading_numbers(&self) -> Vec<(SectionId, String)> {
        fn go(list: &[Section], depth: usize, numbered: bool, out: &mut Vec<(SectionId, String)>) {
            let mut n = 0;
            for s in list {
                let label = if numbered && s.role.is_numbered() {
                    n += 1;
                    heading_number(depth, n)
                } else {
                    String::new()
                };
                out.push((s.id, label));
                go(&s.children, depth + 1, numbered, out);
            }
        }
        let mut out = Vec::new();
        go(&self.sections, 0, self.meta.heading_numbers, &mut out);
        out
    }

    /// Number of characters (Unicode scalar values) of body text in the whole brief.
    pub fn char_count(&self) -> usize {
        self.walk().map(|(s, _)| s.body.chars().count()).sum()
    }

    /// Characters of the brief's text, titles and bodies, which [`MAX_CHARS`] bounds.
    pub fn text_chars(&self) -> usize {
        let titles: usize = self.walk().map(|(s, _)| s.title.chars().count()).sum();
        self.meta.title.chars().count() + titles + self.char_count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_is_document_order_and_ids_are_fresh() {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        let order: Vec<String> = b.walk().map(|(s, _)| s.title.clone()).collect();
        assert_eq!(order[0], "内容提要");
        assert_eq!(order[3], "消费扶贫", "the first aid mode comes right under 主要做法");
        let ids: std::collections::BTreeSet<u32> = b.walk().map(|(s, _)| s.id.0).collect();
        assert_eq!(ids.len(), b.walk().count(), "ids are unique");
        let fresh = b.new_section_id();
        assert!(!ids.contains(&fresh.0));
    }

    #[test]
    fn sections_move_insert_and_remove_in_place() {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        let consumption = b.sections[2].children[0].id;
        assert!(b.move_section(consumption, 1));
        assert_eq!(b.sections[2].children[1].id, consumption);
        assert!(!b.move_section(b.sections[0].id, -1), "the first section cannot go up");
        let new = b.new_section(Role::AidMode("labour".into()), "劳务协作", "");
        let new_id = new.id;
        b.insert_after(Some(consumption), new);
        assert_eq!(b.sections[2].children[2].id, new_id);
        let removed = b.remove_section(b.sections[2].id).expect("removed");
        assert_eq!(removed.children.len(), 7, "children go with their parent");
        assert!(b.section(new_id).is_none());
    }

    #[test]
    fn heading_numbers_follow_gb_t_9704_levels() {
        let b = Template::ResearchBrief.build(Taxonomy::default());
        let nums: Vec<String> = b.heading_numbers().into_iter().map(|(_, n)| n).collect();
        // 内容提要 is unnumbered; 基本情况 一、; 主要做法 二、 with （一）…（六）.
        assert_eq!(&nums[..5], &["", "一、", "二、", "（一）", "（二）"]);
        assert!(nums.contains(&"四、".to_string()));
        let mut feature = b.clone();
        feature.meta.heading_numbers = false;
        assert!(feature.heading_numbers().iter().all(|(_, n)| n.is_empty()));
    }

    #[test]
    fn a_section_moves_next_to_another_but_never_into_itself() {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        let work = b.sections[2].id;
        let skills = b.sections[2].children[3].id;
        let summary = b.sections[0].id;
        assert!(b.move_next_to(skills, summary, true), "an aid mode can move to the top level");
        assert_eq!(b.sections[0].id, skills);
        assert_eq!(b.sections[3].children.len(), 5);
        assert!(!b.move_next_to(work, b.sections[3].children[0].id, false), "not into its own child");
        assert!(!b.move_next_to(work, work, true));
        let count = b.walk().count();
        assert!(b.move_next_to(work, summary, false));
        assert_eq!(b.walk().count(), count, "nothing is lost");
        assert_eq!(b.sections[2].id, work);
    }

    #[test]
    fn duplicate_ids_are_renumbered_and_the_first_keeps_its_own() {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        let copy = b.sections[1].clone();
        let id = copy.id;
        b.sections.push(copy);
        assert_eq!(b.renumber_duplicate_ids(), 1);
        assert_eq!(b.sections[1].id, id);
        let ids: std::collections::HashSet<_> = b.walk().map(|(s, _)| s.id).collect();
        assert_eq!(ids.len(), b.walk().count(), "ids are unique again");
        assert!(!ids.contains(&b.new_section_id()));
        assert_eq!(b.renumber_duplicate_ids(), 0);
    }

    #[test]
    fn find_and_replace_cover_titles_and_bodies() {
        let mut b = Template::ResearchBrief.build(Taxonomy::default());
        b.sections[0].body = "帮扶资金到位。资金使用规范。".into();
        let found = b.find_all("资金");
        assert_eq!(found.len(), 2);
        assert_eq!(&b.sections[0].body[found[1].span.clone()], "资金");
        assert!(b.find_all("").is_empty());
        let titles_with = b.walk().filter(|(s, _)| s.title.contains("扶贫")).count();
        assert!(titles_with > 0);
        let in_titles = b.find_all("扶贫");
        assert_eq!(in_titles.len(), titles_with, "find counts what replace all replaces");
        assert!(in_titles.iter().all(|f| f.field == Field::Title));
        assert_eq!(b.replace_all("扶贫", "帮扶"), titles_with);
        assert_eq!(b.replace_all("资金", "经费"), 2);
        assert_eq!(b.sections[0].body, "帮扶经费到位。经费使用规范。");
        assert_eq!(b.replace_all("", "x"), 0);
    }
}
