//! The two languages Briefdesk speaks: Chinese first, English second. The
//! window's string table, the findings of the checks and the rule docs are
//! each written in both.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}
