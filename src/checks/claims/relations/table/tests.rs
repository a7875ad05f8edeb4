//! The table patterns on tables of our own.
