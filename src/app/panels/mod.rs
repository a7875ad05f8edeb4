//! Each panel reads the state and pushes commands; none changes the document.

pub mod editor;
pub mod facts;
pub mod figures;
pub mod find;
pub mod import_report;
pub mod outline;
pub mod problems;
pub mod status;
