//! The lexicon of the checks: every word list a check reads, grouped by
//! meaning. Data, not logic: a rule asks "is this a word of change?", and the
//! answer lives here, once. Each list says in one line who reads it.
//!
//! The figure engine keeps its own words (units, markers, idioms) in
//! [`crate::figures::lexicon`]; the segmenter's dictionary of our field and the
//! national list of administrative divisions are data files under `assets/`,
//! loaded by [`crate::checks::words`].
//!
//! Groups, one file each:
//! - [`numerals`]: numerals, dates and stretches of years as editors write them
//!   (BD108, BD109, BD113).
//! - [`places`]: names of divisions that are ordinary words (the segmenter's places).
//! - [`claims`]: words that frame a claim (grammar, scope, light verbs, time and
//!   modality), the endings of subjects' names, generic metric words and the
//!   short table of equivalents.
//! - [`growth`]: words of change over time (what a value is stated per, the
//!   stretches a yearly average runs over, the words of a plan's targets).
//! - [`relations`]: words that tie figures into relations (changes and their
//!   direction, lists of parts).
//! - [`shares`]: how shares name their whole, ratios stated by name (存贷比),
//!   verbs that send each part of a whole one way, steps and kinds of one whole.
//! - [`sets`]: how a report counts a set of named things, and the words that make
//!   a count the same set again or another one (BD101's sets counted twice).
//! - [`lookup`]: the lists above as the claims' readers look words up in them
//!   (hashed sets and endings by their last character), built from the lists,
//!   never written again.
//! - [`tables`]: how tables label their rows and columns (合计, 小计, 其中,
//!   占比（%）, 增长（%）, 单位：万元) and how the text before a table announces it
//!   (the table relations of BD103, BD104, BD105, BD107).

pub mod claims;
pub mod growth;
pub mod lookup;
pub mod numerals;
pub mod places;
pub mod relations;
pub mod sets;
pub mod shares;
pub mod tables;
