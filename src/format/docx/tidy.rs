//! What an import keeps, bounded: control characters out of every text (a
//! brief file cannot hold them), report entries cut to length and count, and
//! the body no larger than a brief can be.

use std::collections::BTreeMap;

use super::read::{Block, DocxError, DocxText};
use crate::import::boilerplate::Reason;
use crate::import::text::Removed;

/// The most text one import takes, in bytes, while it is read: room for
/// [`crate::model::MAX_CHARS`] characters of up to four bytes. The brief it
/// makes is then held to the limit in characters, which speaks first.
pub const MAX_TEXT_BYTES: u64 = crate::model::MAX_CHARS as u64 * 4;
/// A report entry's length: longer texts (a 200 MB footnote) are cut, with
/// the count of what was left out.
pub const MAX_ENTRY_CHARS: usize = 2_000;
/// The report's entries: past this, the rest are counted in one line.
pub const MAX_ENTRIES: usize = 2_000;
/// A part the import could not read, as a report line.
pub(super) fn unreadable(part: &str, why: &str) -> Removed {
    Removed { line: 0, text: format!("{part}：{why}"), reason: Reason::Unreadable }
}

/// Control characters out of every text (they cannot stand in a brief file),
/// counted in one report line; report entries cut to length and count; the
/// body's size held to what a brief can be.
pub(super) fn finish(out: &mut DocxText) -> Result<(), DocxError> {
    let mut controls: BTreeMap<char, usize> = BTreeMap::new();
    let mut strip = |s: &mut String| {
        if s.chars().any(is_unwanted) {
            for c in s.chars().filter(|c| is_unwanted(*c)) {
                *controls.entry(c).or_default() += 1;
            }
            s.retain(|c| !is_unwanted(c));
        }
    };
    let mut size = 0usize;
    for b in &mut out.blocks {
        match b {
            Block::Paragraph { text, .. } => {
                strip(text);
                size += text.len() + 2;
            }
            Block::Table(rows) => {
                for cell in rows.iter_mut().flatten() {
                    strip(cell);
                    size += cell.len() + 3;
                }
            }
        }
    }
    if size as u64 > MAX_TEXT_BYTES {
        return Err(DocxError::TooMuchText { bytes: size, limit: MAX_TEXT_BYTES });
    }
    for a in &mut out.asides {
        strip(&mut a.text);
        let n = a.text.chars().count();
        if n > MAX_ENTRY_CHARS {
            let cut: String = a.text.chars().take(MAX_ENTRY_CHARS).collect();
            a.text = format!("{cut}……（共 {n} 字，其余 {} 字未列出）", n - MAX_ENTRY_CHARS);
        }
    }
    out.asides.retain(|a| !a.text.trim().is_empty());
    if out.asides.len() > MAX_ENTRIES {
        let more = out.asides.len() - MAX_ENTRIES + 1;
        out.asides.truncate(MAX_ENTRIES - 1);
        out.asides.push(Removed {
            line: 0,
            text: format!("……另有 {more} 条未列出（{more} more entries not listed）"),
            reason: Reason::Unreadable,
        });
    }
    if !controls.is_empty() {
        let list: Vec<String> = controls.iter().map(|(c, n)| format!("U+{:04X} ×{n}", u32::from(*c))).collect();
        out.asides.push(Removed { line: 0, text: list.join("，"), reason: Reason::ControlCharacters });
    }
    Ok(())
}

/// Characters a brief does not keep: control characters other than tab and
/// line break (a NUL makes a brief file unreadable), and the two noncharacters
/// XML refuses.
fn is_unwanted(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}
