use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::SectionId;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A brief's override of a rule's default severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeveritySetting {
    Off,
    Info,
    Warning,
    Error,
}

/// One diagnostic the editor chose to ignore. It is matched by rule, section and
/// the flagged text, not by position, so it survives edits elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    pub rule: String,
    pub section: SectionId,
    /// The text of the diagnostic's primary span.
    pub text: String,
}

/// Per-brief check settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CheckSettings {
    /// Rule id (BD101) to severity override.
    pub severities: BTreeMap<String, SeveritySetting>,
    pub suppressed: Vec<Suppression>,
}
