use serde::{Deserialize, Serialize};

use super::{Brief, BriefKind, Meta, Role, Taxonomy};

/// The templates a new brief can start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Template {
    /// 市情研究 / 调研报告: 内容提要; 一、基本情况; 二、主要做法 (one part per aid mode);
    /// 三、存在的问题; 四、对策建议.
    ResearchBrief,
    /// 新闻综述: 导语, one part per aid mode, 结语.
    Feature,
    /// 工作动态: 导语 and short bracketed news items.
    Roundup,
}

impl Template {
    pub const ALL: [Template; 3] = [Template::ResearchBrief, Template::Feature, Template::Roundup];

    /// The key used on the command line (`--template brief`).
    pub fn key(self) -> &'static str {
        match self {
            Template::ResearchBrief => "brief",
            Template::Feature => "feature",
            Template::Roundup => "roundup",
        }
    }

    pub fn from_key(key: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn kind(self) -> BriefKind {
        match self {
            Template::ResearchBrief => BriefKind::ResearchBrief,
            Template::Feature => BriefKind::Feature,
            Template::Roundup => BriefKind::Roundup,
        }
    }

    /// Builds an empty brief from this template over a taxonomy.
    pub fn build(self, taxonomy: Taxonomy) -> Brief {
        let mut b = Brief {
            meta: Meta {
                title: "未命名简报".into(),
                kind: self.kind(),
                heading_numbers: self == Template::ResearchBrief,
                ..Meta::default()
            },
            taxonomy,
            ..Brief::default()
        };
        let modes: Vec<(String, String)> = b.taxonomy.modes.iter().map(|m| (m.id.clone(), m.name.clone())).collect();
        let mode_sections = |b: &mut Brief| -> Vec<_> {
            modes.iter().map(|(id, name)| b.new_section(Role::AidMode(id.clone()), name.clone(), "")).collect()
        };
        b.sections = match self {
            Template::ResearchBrief => {
                let summary = b.new_section(Role::Summary, "内容提要", "");
                let background = b.new_section(Role::Background, "基本情况", "");
                let mut measures = b.new_section(Role::Measures, "主要做法", "");
                measures.children = mode_sections(&mut b);
                let problems = b.new_section(Role::Problems, "存在的问题", "");
                let recs = b.new_section(Role::Recommendations, "对策建议", "");
                vec![summary, background, measures, problems, recs]
            }
            Template::Feature => {
                let mut v = vec![b.new_section(Role::Summary, "导语", "")];
                v.extend(mode_sections(&mut b));
                v.push(b.new_section(Role::Conclusion, "结语", ""));
                v
            }
            Template::Roundup => vec![
                b.new_section(Role::Summary, "导语", ""),
                b.new_section(Role::Custom, "【工作动态】", ""),
                b.new_section(Role::Custom, "【经验做法】", ""),
                b.new_section(Role::Custom, "【基层声音】", ""),
            ],
        };
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_cover_the_taxonomy() {
        let tax = Taxonomy::preset("six-areas").expect("preset");
        let feature = Template::Feature.build(tax.clone());
        let aid: Vec<_> = feature.sections.iter().filter(|s| matches!(s.role, Role::AidMode(_))).collect();
        assert_eq!(aid.len(), 6);
        assert_eq!(aid[4].title, "党建扶贫");
        assert!(!feature.meta.heading_numbers);
        let brief = Template::ResearchBrief.build(tax);
        assert_eq!(brief.sections[2].children.len(), 6);
        assert!(brief.meta.heading_numbers);
        for t in Template::ALL {
            assert_eq!(Template::from_key(t.key()), Some(t));
        }
    }
}
