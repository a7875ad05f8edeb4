//! Paragraph styles → what they make a paragraph (title, heading of a level,
//! table of contents), following `basedOn`, and the list numbering they carry.

use std::collections::HashMap;

use docx_rs::{Docx, Paragraph};

use super::read::ParaKind;
use super::{APPENDIX, SIGNATURE};

/// Paragraph style ids → what they make a paragraph, following `basedOn`.
pub(super) struct StyleKinds {
    kinds: HashMap<String, ParaKind>,
    /// Styles that carry list numbering (a heading style of a numbered
    /// outline): their numbering id, if given, and level.
    numbered: HashMap<String, (Option<usize>, usize)>,
}

impl StyleKinds {
    pub(super) fn new(docx: &Docx) -> StyleKinds {
        let mut raw: HashMap<String, (String, Option<usize>, Option<String>)> = HashMap::new();
        for s in &docx.styles.styles {
            let name =
                serde_json::to_value(&s.name).ok().and_then(|v| v.as_str().map(str::to_lowercase)).unwrap_or_default();
            let based = s
                .based_on
                .as_ref()
                .and_then(|b| serde_json::to_value(b).ok())
                .and_then(|v| v.as_str().map(String::from));
            raw.insert(s.style_id.clone(), (name, s.paragraph_property.outline_lvl.as_ref().map(|o| o.v), based));
        }
        let kind_of = |id: &str| -> ParaKind {
            let mut id = id.to_string();
            for _ in 0..8 {
                let Some((name, outline, based)) = raw.get(&id) else { break };
                let lower_id = id.to_lowercase();
                if id == SIGNATURE {
                    return ParaKind::Signature;
                }
                if id == APPENDIX {
                    return ParaKind::Appendix;
                }
                // Word's "TOC Heading" is based on Heading 1: contents first.
                let contents = ["toc", "contents", "目录"];
                if contents.iter().any(|c| name.starts_with(c)) || lower_id.starts_with("toc") {
                    return ParaKind::Contents;
                }
                if name == "title" || name == "标题" || lower_id == "title" {
                    return ParaKind::Title;
                }
                if name == "subtitle" || name == "副标题" || lower_id == "subtitle" {
                    return ParaKind::Subtitle;
                }
                for prefix in ["heading ", "标题 ", "heading", "标题"] {
                    if let Some(n) = name.strip_prefix(prefix).and_then(|n| n.trim().parse::<usize>().ok())
                        && (1..=9).contains(&n)
                    {
                        return ParaKind::Heading(n);
                    }
                }
                if let Some(v) = outline.filter(|v| *v < 9) {
                    return ParaKind::Heading(v + 1);
                }
                match based {
                    Some(b) => id = b.clone(),
                    None => break,
                }
            }
            ParaKind::Body
        };
        let kinds = raw.keys().map(|id| (id.clone(), kind_of(id))).collect();
        let numbered = docx
            .styles
            .styles
            .iter()
            .filter_map(|s| {
                let n = s.paragraph_property.numbering_property.as_ref()?;
                Some((s.style_id.clone(), (n.id.as_ref().map(|i| i.id), n.level.as_ref().map_or(0, |l| l.val))))
            })
            .collect();
        StyleKinds { kinds, numbered }
    }

    /// The list numbering Word gives the paragraph (numPr on it, or on its
    /// style): (numbering id, level). Id 0 takes numbering off.
    pub(super) fn numbering(&self, p: &Paragraph) -> Option<(usize, usize)> {
        let style = p.property.style.as_ref().and_then(|s| self.numbered.get(&s.val));
        let own = p.property.numbering_property.as_ref();
        let id = own.and_then(|n| n.id.as_ref().map(|i| i.id)).or_else(|| style.and_then(|s| s.0))?;
        let level = own.and_then(|n| n.level.as_ref().map(|l| l.val)).or_else(|| style.map(|s| s.1)).unwrap_or(0);
        (id != 0).then_some((id, level.min(8)))
    }

    pub(super) fn of(&self, p: &Paragraph) -> ParaKind {
        if let Some(v) = p.property.outline_lvl.as_ref().map(|o| o.v).filter(|v| *v < 9) {
            return ParaKind::Heading(v + 1);
        }
        p.property.style.as_ref().and_then(|s| self.kinds.get(&s.val)).copied().unwrap_or(ParaKind::Body)
    }
}
