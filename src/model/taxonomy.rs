use serde::{Deserialize, Serialize};

/// One aid mode (帮扶方式) of a taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AidMode {
    /// A stable key that sections refer to (`consumption`).
    pub id: String,
    /// The name as written in briefs (消费扶贫).
    pub name: String,
    /// One line on what the mode covers.
    #[serde(default)]
    pub description: String,
}

/// An ordered list of aid modes. Taxonomies are data: the presets live in
/// `assets/taxonomies/*.ron`, and a brief carries its own copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taxonomy {
    pub name: String,
    pub modes: Vec<AidMode>,
}

#[derive(Debug, thiserror::Error)]
pub enum TaxonomyError {
    #[error("unknown taxonomy '{0}'; the presets are: union-six, six-areas")]
    Unknown(String),
    #[error("taxonomy is not valid RON: {0}")]
    Parse(#[from] ron::error::SpannedError),
    #[error("taxonomy has no aid modes")]
    Empty,
    #[error("taxonomy lists the id '{0}' twice")]
    DuplicateId(String),
}

/// The presets shipped with Briefdesk: (key, RON text).
const PRESETS: &[(&str, &str)] = &[
    ("union-six", include_str!("../../assets/taxonomies/union-six.ron")),
    ("six-areas", include_str!("../../assets/taxonomies/six-areas.ron")),
];

impl Taxonomy {
    /// Parses and validates a taxonomy from RON text.
    pub fn from_ron(text: &str) -> Result<Taxonomy, TaxonomyError> {
        let t: Taxonomy = ron::from_str(text)?;
        if t.modes.is_empty() {
            return Err(TaxonomyError::Empty);
        }
        let mut seen = std::collections::HashSet::new();
        for m in &t.modes {
            if !seen.insert(m.id.as_str()) {
                return Err(TaxonomyError::DuplicateId(m.id.clone()));
            }
        }
        Ok(t)
    }

    /// A shipped preset by key (`union-six`, `six-areas`).
    pub fn preset(key: &str) -> Result<Taxonomy, TaxonomyError> {
        let (_, text) =
            PRESETS.iter().find(|(k, _)| *k == key).ok_or_else(|| TaxonomyError::Unknown(key.to_string()))?;
        Taxonomy::from_ron(text)
    }

    /// Keys of the shipped presets.
    pub fn preset_keys() -> impl Iterator<Item = &'static str> {
        PRESETS.iter().map(|(k, _)| *k)
    }

    pub fn mode(&self, id: &str) -> Option<&AidMode> {
        self.modes.iter().find(|m| m.id == id)
    }
}

impl Default for Taxonomy {
    /// The six modes of the trade-union model.
    fn default() -> Self {
        // The preset is compiled in and covered by a test, so this cannot fail at run time;
        // fall back to an empty list rather than panic all the same.
        Taxonomy::preset("union-six").unwrap_or(Taxonomy { name: String::new(), modes: Vec::new() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_parse_and_default_is_the_union_six() {
        for key in Taxonomy::preset_keys() {
            let t = Taxonomy::preset(key).expect(key);
            assert_eq!(t.modes.len(), 6, "{key}");
            assert!(t.modes.iter().all(|m| !m.description.is_empty()), "{key}");
        }
        let names: Vec<_> = Taxonomy::default().modes.into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["消费扶贫", "产业扶贫", "劳务扶贫", "技能扶贫", "教育扶贫", "劳模扶贫"]);
    }

    #[test]
    fn rejects_bad_taxonomies() {
        assert!(matches!(Taxonomy::from_ron("(name: \"x\", modes: [])"), Err(TaxonomyError::Empty)));
        let dup = r#"(name: "x", modes: [(id: "a", name: "甲"), (id: "a", name: "乙")])"#;
        assert!(matches!(Taxonomy::from_ron(dup), Err(TaxonomyError::DuplicateId(_))));
        assert!(matches!(Taxonomy::preset("nope"), Err(TaxonomyError::Unknown(_))));
    }
}
