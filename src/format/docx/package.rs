//! A Word package opened with bounds, before any parser sees it.
//!
//! A .docx is a zip of XML parts, and a zip's headers can lie: a 137 KB file
//! can inflate to gigabytes, claim millions of entries, or nest its XML so
//! deep that a recursive reader overflows the stack (which no panic guard
//! catches). [`Package::open`] therefore
//!
//! * reads the end-of-central-directory record itself and refuses more than
//!   [`MAX_ENTRIES`] entries before the zip crate sizes anything by them;
//! * inflates every part it keeps through a limit ([`MAX_PART_BYTES`] each,
//!   [`MAX_TOTAL_BYTES`] together), whatever size the header claims;
//! * scans every XML part once with a streaming reader: nesting deeper than
//!   [`MAX_DEPTH`], more than [`MAX_PARAGRAPHS`] paragraphs or [`MAX_RUNS`]
//!   runs, refuse the file;
//! * leaves images, fonts and embedded objects unread (nothing of the text is
//!   in them).
//!
//! What it keeps is packed again ([`Package::repacked`]) with truthful
//! headers, so docx-rs, which trusts a header's size, reads a bounded zip.
//! Notes parts that do not parse are set aside with the reason, for the
//! import report ([`Package::unreadable`]).

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use super::DocxError;

/// More entries than any Word file has (one with a thousand images has about
/// 1,020).
pub const MAX_ENTRIES: u64 = 10_000;
/// One XML part, inflated. A 100,000-character brief's document.xml is about
/// 1 MB as Word writes it; 32 MB holds more text than a brief can.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// Every part kept, inflated, together.
pub const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;
/// Element nesting of any XML part. Word's deepest (a table in a text box
/// in a table) stays under 40; docx-rs reads tables recursively.
pub const MAX_DEPTH: usize = 128;
/// Paragraphs in all parts. docx-rs keeps about 4 KB per paragraph, so
/// 50,000 of them take about 200 MB; a brief has a few thousand.
pub const MAX_PARAGRAPHS: usize = 50_000;
/// Runs in all parts (about 1.2 KB each in docx-rs).
pub const MAX_RUNS: usize = 250_000;

/// The parts of a Word file that hold text, read within the bounds above.
#[derive(Debug, Default)]
pub struct Package {
    parts: BTreeMap<String, Vec<u8>>,
    /// Parts left unread and why: (part name, reason).
    pub unreadable: Vec<(String, String)>,
}

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    /// A zip: a .docx (or another Office Open XML file).
    Zip,
    /// An OLE2 compound file holding an encrypted package: a .docx with a password.
    Encrypted,
    /// Any other OLE2 compound file: a .doc, or a .wps of WPS or Works.
    Ole2,
    /// Rich Text Format, which Word saves under .doc on request.
    Rtf,
    Empty,
    Other,
}

const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl Signature {
    pub fn of(bytes: &[u8]) -> Signature {
        if bytes.is_empty() {
            Signature::Empty
        } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            Signature::Zip
        } else if bytes.starts_with(OLE2) {
            // An encrypted Office file keeps its package in a stream of this name (UTF-16).
            let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
            if memchr::memmem::find(bytes, &name).is_some() { Signature::Encrypted } else { Signature::Ole2 }
        } else if bytes.starts_with(b"{\\rtf") {
            Signature::Rtf
        } else {
            Signature::Other
        }
    }
}

/// Whether a part is read: XML and relationships; not media, fonts or
/// embedded files, which hold none of the text.
fn kept(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".xml") || lower.ends_with(".rels"))
        && !lower.starts_with("word/media/")
        && !lower.starts_with("word/embeddings/")
}

/// Notes parts: read by Briefdesk itself; when they do not parse, the notes
/// are reported unread and the rest of the file is read.
pub(super) fn is_notes(name: &str) -> bool {
    matches!(name, "word/footnotes.xml" | "word/endnotes.xml")
}

impl Package {
    /// Opens a .docx's bytes within the bounds. It never panics and never
    /// allocates by what a header claims.
    pub fn open(bytes: &[u8]) -> Result<Package, DocxError> {
        match Signature::of(bytes) {
            Signature::Zip => {}
            Signature::Encrypted => return Err(DocxError::Encrypted),
            Signature::Ole2 | Signature::Rtf => return Err(DocxError::OldFormat),
            Signature::Empty => return Err(DocxError::Damaged("the file is empty".into())),
            Signature::Other => return Err(DocxError::Damaged("it is not a zip package".into())),
        }
        let entries = central_directory_entries(bytes)?;
        if entries > MAX_ENTRIES {
            return Err(DocxError::TooManyEntries { entries, limit: MAX_ENTRIES });
        }
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Damaged(e.to_string()))?;
        let mut pkg = Package::default();
        let mut total = 0u64;
        let mut counts = Counts::default();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).map_err(|e| DocxError::Damaged(e.to_string()))?;
            if f.is_dir() {
                continue;
            }
            // Windows zippers write '\'.
            let name = f.name().replace('\\', "/").trim_start_matches('/').to_string();
            if !kept(&name) {
                continue;
            }
            let mut data = Vec::new();
            // Through a limit, whatever the header says the part inflates to.
            (&mut f).take(MAX_PART_BYTES + 1).read_to_end(&mut data).map_err(|e| {
                if is_notes(&name) {
                    DocxError::Damaged(format!("{name}: {e}"))
                } else {
                    DocxError::Damaged(format!("{name} cannot be unpacked: {e}"))
                }
            })?;
            if data.len() as u64 > MAX_PART_BYTES {
                return Err(DocxError::TooLarge { part: name, limit: MAX_PART_BYTES });
            }
            total += data.len() as u64;
            if total > MAX_TOTAL_BYTES {
                return Err(DocxError::TooLarge { part: name, limit: MAX_TOTAL_BYTES });
            }
            if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
                data.drain(..3);
            }
            match scan(&data, &mut counts) {
                Ok(()) => {}
                Err(Scan::Limit(e)) => return Err(e.named(&name)),
                Err(Scan::Unreadable(why)) if is_notes(&name) => {
                    pkg.unreadable.push((name, why));
                    continue;
                }
                // docx-rs reads the other parts; a broken one is reported by it, or ignored as Word does.
                Err(Scan::Unreadable(_)) => {}
            }
            pkg.parts.insert(name, data);
        }
        if !pkg.parts.contains_key("[Content_Types].xml") {
            return Err(DocxError::Damaged("it has no [Content_Types].xml, so it is no Word package".into()));
        }
        Ok(pkg)
    }

    /// A part's bytes (the BOM taken off), if it was kept.
    pub fn part(&self, name: &str) -> Option<&[u8]> {
        self.parts.get(name).map(Vec::as_slice)
    }

    /// The kept parts packed again, uncompressed, with truthful headers.
    pub fn repacked(&self) -> Result<Vec<u8>, DocxError> {
        let size: usize = self.parts.iter().map(|(n, d)| d.len() + n.len() * 2 + 128).sum();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(size + 1024)));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for (name, data) in &self.parts {
            out.start_file(name.as_str(), opts).map_err(|e| DocxError::Damaged(e.to_string()))?;
            out.write_all(data).map_err(|e| DocxError::Damaged(e.to_string()))?;
        }
        Ok(out.finish().map_err(|e| DocxError::Damaged(e.to_string()))?.into_inner())
    }
}

/// The number of entries a zip's end-of-central-directory record (or its
/// Zip64 record) declares, read before the zip crate sizes its list by it.
fn central_directory_entries(bytes: &[u8]) -> Result<u64, DocxError> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let from = bytes.len().saturating_sub(22 + 65_535);
    let at = memchr::memmem::rfind(&bytes[from..], EOCD)
        .map(|i| from + i)
        .ok_or_else(|| DocxError::Damaged("the zip's directory is missing (the file may be cut short)".into()))?;
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])));
    let entries = u16_at(at + 10).ok_or_else(|| DocxError::Damaged("the zip's directory is cut short".into()))?;
    if entries != 0xFFFF {
        return Ok(entries);
    }
    // Zip64: the locator stands right before the record and points at the Zip64 record.
    let u64_at = |i: usize| bytes.get(i..i + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0xFF; 8])));
    let locator = at.checked_sub(20).filter(|l| bytes.get(*l..*l + 4) == Some(b"PK\x06\x07"));
    let record = locator.and_then(|l| u64_at(l + 8)).and_then(|r| usize::try_from(r).ok());
    match record.filter(|r| bytes.get(*r..*r + 4) == Some(b"PK\x06\x06")).and_then(|r| u64_at(r + 32)) {
        Some(n) => Ok(n),
        None => Ok(entries),
    }
}

#[derive(Default)]
struct Counts {
    paragraphs: usize,
    runs: usize,
}

enum Scan {
    /// A bound was passed: the file is refused.
    Limit(DocxError),
    /// The part does not parse as XML (a DTD, an undeclared entity, broken markup).
    Unreadable(String),
}

impl DocxError {
    fn named(self, part: &str) -> DocxError {
        match self {
            DocxError::TooDeep { limit, .. } => DocxError::TooDeep { part: part.to_string(), limit },
            e => e,
        }
    }
}

/// Reads an XML part once, without building anything: its nesting depth,
/// paragraphs and runs against the bounds; a DTD or an entity XML does not
/// define makes it unreadable.
fn scan(xml: &[u8], counts: &mut Counts) -> Result<(), Scan> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut buf = Vec::new();
    let count = |name: &[u8], counts: &mut Counts| -> Result<(), Scan> {
        match name {
            b"w:p" => counts.paragraphs += 1,
            b"w:r" => counts.runs += 1,
            _ => {}
        }
        if counts.paragraphs > MAX_PARAGRAPHS {
            return Err(Scan::Limit(DocxError::TooMany { what: "paragraphs", limit: MAX_PARAGRAPHS }));
        }
        if counts.runs > MAX_RUNS {
            return Err(Scan::Limit(DocxError::TooMany { what: "runs of text", limit: MAX_RUNS }));
        }
        Ok(())
    };
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Scan::Limit(DocxError::TooDeep { part: String::new(), limit: MAX_DEPTH }));
                }
                count(e.name().as_ref(), counts)?;
            }
            Ok(Event::Empty(e)) => count(e.name().as_ref(), counts)?,
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::DocType(_)) => {
                return Err(Scan::Unreadable("it declares a DTD, which no Word file does".into()));
            }
            Ok(Event::GeneralRef(r)) => {
                let name: &[u8] = &r;
                let known = matches!(name, b"amp" | b"lt" | b"gt" | b"quot" | b"apos");
                if !known && !matches!(r.resolve_char_ref(), Ok(Some(_))) {
                    let name = String::from_utf8_lossy(name);
                    return Err(Scan::Unreadable(format!("it uses the entity &{name}; that XML does not define")));
                }
            }
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                return Err(Scan::Unreadable(format!("its XML is broken at byte {}: {e}", reader.error_position())));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in parts {
            z.start_file(*name, zip::write::SimpleFileOptions::default()).expect("zip");
            z.write_all(data).expect("zip");
        }
        z.finish().expect("zip").into_inner()
    }

    #[test]
    fn signatures() {
        assert_eq!(Signature::of(b""), Signature::Empty);
        assert_eq!(Signature::of(b"PK\x03\x04rest"), Signature::Zip);
        assert_eq!(Signature::of(b"{\\rtf1\\ansi"), Signature::Rtf);
        let mut ole = OLE2.to_vec();
        ole.extend_from_slice(&[0; 64]);
        assert_eq!(Signature::of(&ole), Signature::Ole2);
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(Signature::of(&ole), Signature::Encrypted);
        assert_eq!(Signature::of(b"random bytes"), Signature::Other);
    }

    #[test]
    fn entries_are_read_from_the_directory_record() {
        let z = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("a.xml", b"<a/>")]);
        assert_eq!(central_directory_entries(&z).expect("entries"), 2);
        assert!(central_directory_entries(b"PK\x03\x04 no directory").is_err());
    }

    #[test]
    fn scans_count_and_bound() {
        let mut c = Counts::default();
        assert!(scan(b"<w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p/></w:body>", &mut c).is_ok());
        assert_eq!((c.paragraphs, c.runs), (2, 1));
        let deep = format!("{}{}", "<a>".repeat(MAX_DEPTH + 1), "</a>".repeat(MAX_DEPTH + 1));
        assert!(matches!(scan(deep.as_bytes(), &mut c), Err(Scan::Limit(DocxError::TooDeep { .. }))));
        let ok = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        assert!(scan(ok.as_bytes(), &mut c).is_ok());
        assert!(matches!(scan(b"<!DOCTYPE x [<!ENTITY e \"y\">]><a>&e;</a>", &mut c), Err(Scan::Unreadable(_))));
        assert!(matches!(scan(b"<a>&nbsp;</a>", &mut c), Err(Scan::Unreadable(_))));
        assert!(scan(b"<a>&amp;&#x4E00;</a>", &mut c).is_ok());
    }

    #[test]
    fn media_is_left_unread() {
        let z = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("word/media/image1.png", &[0u8; 100])]);
        let p = Package::open(&z).expect("open");
        assert!(p.part("word/media/image1.png").is_none() && p.part("[Content_Types].xml").is_some());
        let again = Package::open(&p.repacked().expect("repack")).expect("reopen");
        assert_eq!(again.part("[Content_Types].xml"), Some(&b"<Types/>"[..]));
    }
}
