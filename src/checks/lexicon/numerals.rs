//! Words of numerals, dates and stretches of years (BD108, BD109, BD113), and
//! the words that tell a pasted passage from a parallel one (BD111).
//!
//! Data, not logic: each list says in one line who reads it. The figure
//! engine reads the lists of the first group while it reads numbers, so that
//! the characters it takes for digits are written down here, once.

// ---------------------------------------------------------------------------
// Numerals damaged in typing or extraction
// ---------------------------------------------------------------------------

/// Latin letters typed (or read by OCR) for the digit they look like, with
/// that digit: 2O23年, 38O万元, l2个. Read by the figure engine's repair pass
/// (`figures::damage`), which reads them as digits only inside a run of
/// digits that a unit or a date word closes; BD113 reports them.
pub const LETTERS_FOR_DIGITS: &[(char, char)] = &[('O', '0'), ('o', '0'), ('l', '1'), ('I', '1')];

/// Characters typed for 〇 among Chinese digits in a year (二0二一年, 二O二三年):
/// an Arabic zero, full-width or not, and the letter O. Read by the figure
/// engine (`figures::damage`), which reads such a year whole; BD113 reports it.
pub const ZEROS_AMONG_CHINESE: &[char] = &['0', '０', 'O', 'o', 'Ｏ'];

/// The most digits a year with extra digits can have (201920年, 20192020年):
/// from five up to this many, the first four a year, the run is a year that
/// cannot be right. Read by the figure engine (`figures::damage`).
pub const MAX_RUN_ON_YEAR_DIGITS: usize = 8;

/// Set phrases that hold a numeral after a character of their own, so that
/// the numeral is no figure: 三十年如一日 (years spent as if one day), where
/// 一日 is no date. Read by the figure engine's scanner at the numeral,
/// looking back at the lead.
pub const IDIOMS_WITH_A_LEAD: &[&str] = &["如一日"];
