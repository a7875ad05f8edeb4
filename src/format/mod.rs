//! File formats: which files Briefdesk reads and writes, and the one loader.
//!
//! [`FileKind`] is decided here and nowhere else. [`load`] reads any of them
//! the same way for the CLI and the window: bytes → text (UTF-8, UTF-16 with a
//! BOM, GB18030) → brief, or a Word file through [`docx`] (.doc and .wps
//! converted by LibreOffice first), with what an import took out ([`ImportReport`]) and
//! where each section stands in the file ([`SourceMap`]). [`save`] writes the
//! formats a brief can be kept in. Loading never writes.
//!
//! Uses the model, `store` (RON and atomic writes) and `import` (decoding and
//! the text clean-up); no UI.

pub mod docx;
pub mod html;
pub mod legacy;
pub mod markdown;
pub mod pdf;
pub mod source_map;

use std::path::{Path, PathBuf};

pub use markdown::{MarkdownError, from_markdown, to_markdown};
pub use source_map::{Part, Position, SourceMap, TextIndex};

use crate::import::decode::{self, DecodeError, Decoded};
use crate::import::text::{Removed, import_text};
use crate::model::{Brief, Taxonomy};
use crate::store::{self, StoreError};

/// The kinds of file Briefdesk reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A project file (.ron).
    Ron,
    /// A Markdown brief (.md), as Briefdesk writes it or as a draft.
    Markdown,
    /// A plain-text draft (.txt), pasted from a PDF or a web page.
    Text,
    /// A Word draft (.docx).
    Docx,
    /// A Word or WPS file in an old binary format (.doc, .wps): converted to
    /// .docx through LibreOffice when it is installed.
    LegacyWord,
    /// A PDF with a text layer: its text is imported as a draft, page by page.
    Pdf,
    /// A web page saved as .html or .htm: its text is imported as a draft.
    Html,
}

/// Why a file could not be read or written as a brief. Each message says
/// what failed and what to do, with the path last.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot read the Markdown brief: {cause}: {}", path.display())]
    Markdown { path: PathBuf, cause: MarkdownError },
    #[error("cannot open this kind of file; Briefdesk reads .ron and .md briefs and imports .txt, .docx, .doc, .wps, .pdf and .html drafts: {}", path.display())]
    UnknownKind { path: PathBuf },
    #[error("cannot save as this kind of file; a brief is saved as .ron or .md: {}", path.display())]
    NotSavable { path: PathBuf },
    #[error("cannot read the Word file: {cause}: {}", path.display())]
    Docx { path: PathBuf, cause: docx::DocxError },
    #[error(
        "cannot read this old Word/WPS format without LibreOffice; install LibreOffice (soffice) or save the file as .docx in Word or WPS: {}",
        path.display()
    )]
    NeedsLibreOffice { path: PathBuf },
    #[error("LibreOffice could not convert the file to .docx ({cause}); save it as .docx in Word or WPS: {}", path.display())]
    Convert { path: PathBuf, cause: String },
    #[error(
        "LibreOffice did not finish converting the file within {seconds:.0} s and was stopped; save it as .docx in Word or WPS, or set BRIEFDESK_CONVERT_TIMEOUT to more seconds: {}",
        path.display()
    )]
    ConvertTimeout { path: PathBuf, seconds: f64 },
    #[error(
        "the file is not a Word or WPS document (it does not begin as a .doc, .wps or .docx file does); check that this is the right file: {}",
        path.display()
    )]
    NotWord { path: PathBuf },
    #[error("the file is empty, so there is nothing to import; check that this is the right file: {}", path.display())]
    EmptyDraft { path: PathBuf },
    #[error("comments can be written only into a Word draft (.docx, .doc, .wps); export the brief to Word with --comments instead: {}", path.display())]
    NotWordDraft { path: PathBuf },
    #[error(
        "the brief would be a {:.1} MB file, more than the {} MB a brief can be; nothing was written; split the text into smaller briefs: {}",
        *size as f64 / 1_048_576.0, crate::store::MAX_FILE_BYTES / 1_048_576, path.display()
    )]
    TooLargeToSave { path: PathBuf, size: usize },
    #[error(
        "the text has {chars} characters, more than the {} a brief can hold; nothing was changed; split the text into smaller briefs: {}",
        crate::model::MAX_CHARS, path.display()
    )]
    TooManyChars { path: PathBuf, chars: usize },
    #[error("cannot read the web page: {cause}: {}", path.display())]
    Html { path: PathBuf, cause: html::HtmlError },
    #[error("cannot read the PDF: {cause}: {}", path.display())]
    Pdf { path: PathBuf, cause: pdf::PdfError },
    #[error("cannot read the text: {cause}: {}", path.display())]
    Decode { path: PathBuf, cause: DecodeError },
    #[error(
        "cannot convert to Simplified characters (the conversion tables could not be loaded: {cause}); import without conversion: {}",
        path.display()
    )]
    Simplify { path: PathBuf, cause: String },
}

impl FileKind {
    /// The kind named by a path's extension.
    pub fn of(path: &Path) -> Result<FileKind, LoadError> {
        let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("ron") => Ok(FileKind::Ron),
            Some("md" | "markdown") => Ok(FileKind::Markdown),
            Some("txt" | "text") => Ok(FileKind::Text),
            Some("docx") => Ok(FileKind::Docx),
            Some("doc" | "wps") => Ok(FileKind::LegacyWord),
            Some("pdf") => Ok(FileKind::Pdf),
            Some("html" | "htm") => Ok(FileKind::Html),
            _ => Err(LoadError::UnknownKind { path: path.to_path_buf() }),
        }
    }

    /// Whether the file is a brief that is opened as it is (and saved back to
    /// its path); a draft is imported as a new, unsaved brief instead.
    pub fn is_brief(self) -> bool {
        matches!(self, FileKind::Ron | FileKind::Markdown)
    }
}

/// How to read a draft.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The aid-mode taxonomy that headings of a draft are recognised by.
    pub taxonomy: Taxonomy,
    /// Convert Traditional characters to Simplified (drafts only).
    pub to_simplified: bool,
}

/// What an import did to a draft, shown to the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Lines and annotations taken out (boilerplate, pinyin).
    pub removed: Vec<Removed>,
    /// The text is Traditional and was kept as written: offer conversion.
    pub traditional: bool,
    /// The encoding the file was decoded from.
    pub encoding: &'static str,
    /// Tracked changes of a Word file: insertions kept, deletions dropped
    /// (their text is in `removed`).
    pub insertions: usize,
    pub deletions: usize,
}

/// A file read as a brief.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub kind: FileKind,
    pub brief: Brief,
    pub report: ImportReport,
    /// Where each section's title and body stand in the text read (after any
    /// conversion to Simplified characters).
    /// It holds the file's text as read ([`Loaded::text`]): one copy, not two.
    pub source: SourceMap,
    /// Where each page starts in the text (a PDF); empty for a file without pages.
    pub pages: Vec<usize>,
}

impl Loaded {
    /// The file's text as read.
    pub fn text(&self) -> &str {
        self.source.text()
    }
}

/// Reads a brief or a draft. It never writes. A brief or draft of more than
/// [`crate::model::MAX_CHARS`] characters is refused with the count.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let loaded = load_any(path, options)?;
    within_limit(path, &loaded.brief)?;
    Ok(loaded)
}

/// Whether a brief is within the one limit on size ([`crate::model::MAX_CHARS`]).
pub fn within_limit(path: &Path, brief: &Brief) -> Result<(), LoadError> {
    let chars = brief.text_chars();
    if chars > crate::model::MAX_CHARS {
        return Err(LoadError::TooManyChars { path: path.to_path_buf(), chars });
    }
    Ok(())
}

fn load_any(path: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let kind = FileKind::of(path)?;
    if matches!(kind, FileKind::Docx | FileKind::LegacyWord) {
        return load_word(path, kind, options);
    }
    if kind == FileKind::Pdf {
        return load_pdf(path, options);
    }
    // A project file is UTF-8, as Briefdesk writes it; drafts and Markdown come in whatever encoding their editor used.
    let Decoded { text, encoding } = match kind {
        FileKind::Ron => Decoded { text: store::read_text(path)?, encoding: encoding_rs::UTF_8.name() },
        FileKind::Text | FileKind::Html => read_decoded(path).map_err(|e| match e {
            // A draft has no backup to open: it is only empty.
            LoadError::Store(StoreError::Empty { path }) => LoadError::EmptyDraft { path },
            e => e,
        })?,
        _ => read_decoded(path)?,
    };
    let mut report = ImportReport { encoding, ..ImportReport::default() };
    // Zero-width and bidi controls make a figure read otherwise than it shows: a
    // draft loses them, and the report lists each line (the text keeps them, for positions).
    let (clean, invisible) = match kind {
        FileKind::Ron => (std::borrow::Cow::Borrowed(""), Vec::new()),
        _ => crate::import::invisible::strip(&text, 1),
    };
    let (brief, text) = match kind {
        FileKind::Ron => {
            drop(clean);
            (store::from_ron(&text, path)?, text)
        }
        FileKind::Markdown => {
            let brief =
                from_markdown(&clean).map_err(|cause| LoadError::Markdown { path: path.to_path_buf(), cause })?;
            drop(clean);
            (brief, text)
        }
        FileKind::Docx | FileKind::LegacyWord | FileKind::Pdf => unreachable!("read by load_word and load_pdf"),
        FileKind::Html => {
            let page = html::to_text(&clean).map_err(|cause| LoadError::Html { path: path.to_path_buf(), cause })?;
            drop(clean);
            let (text, clean) = if options.to_simplified {
                let page = simplified(&page, path)?;
                (page.clone(), page)
            } else {
                (page.clone(), page)
            };
            let imported = import_text(&clean, options.taxonomy.clone());
            report.removed = imported.removed;
            report.traditional = imported.traditional;
            (imported.brief, text)
        }
        FileKind::Text => {
            let imported = import_clean(&clean, path, options)?;
            // The text imported may borrow the text read (nothing invisible in it): done with it first.
            drop(clean);
            let text = as_imported(text, path, options)?;
            report.removed = imported.removed;
            report.traditional = imported.traditional;
            (imported.brief, text)
        }
    };
    report.removed.splice(0..0, invisible);
    let source = SourceMap::align_owned(text, &brief);
    Ok(Loaded { kind, brief, report, source, pages: Vec::new() })
}

/// Imports a draft's text less its invisible characters, in Simplified script
/// where the options ask for it.
fn import_clean(clean: &str, path: &Path, options: &LoadOptions) -> Result<crate::import::text::Imported, LoadError> {
    Ok(if options.to_simplified {
        import_text(&simplified(clean, path)?, options.taxonomy.clone())
    } else {
        import_text(clean, options.taxonomy.clone())
    })
}

/// The text read, converted as its import was (see [`import_clean`]), for the
/// positions of the source map. Called once the cleaned text is let go, so a
/// long draft is not held three times.
fn as_imported(text: String, path: &Path, options: &LoadOptions) -> Result<String, LoadError> {
    if options.to_simplified { simplified(&text, path) } else { Ok(text) }
}

/// Reads a PDF draft: the text of its pages, one after another, imported as
/// a pasted text is (hard wraps joined, spaces between characters closed up),
/// with where each page starts.
fn load_pdf(path: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let pages = pdf::read_pages(path)?;
    let mut text = String::with_capacity(pages.iter().map(|p| p.len() + 1).sum());
    let mut starts = Vec::with_capacity(pages.len());
    for page in &pages {
        starts.push(text.len());
        text.push_str(page.trim_end_matches(['\n', '\r', '\u{c}']));
        text.push('\n');
    }
    let built = text.len();
    let (clean, invisible) = crate::import::invisible::strip(&text, 1);
    let imported = import_clean(&clean, path, options)?;
    drop(clean);
    let text = as_imported(text, path, options)?;
    let mut report = ImportReport { encoding: encoding_rs::UTF_8.name(), ..ImportReport::default() };
    report.removed = invisible;
    report.removed.extend(imported.removed);
    report.traditional = imported.traditional;
    // Conversion to Simplified may change byte lengths: then pages are not told.
    let starts = if text.len() == built { starts } else { Vec::new() };
    let source = SourceMap::align_owned(text, &imported.brief);
    Ok(Loaded { kind: FileKind::Pdf, brief: imported.brief, report, source, pages: starts })
}

/// Reads a Word draft: .docx directly, .doc and .wps through LibreOffice;
/// the first bytes decide, not the name.
fn load_word(path: &Path, kind: FileKind, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let raw = store::read_bytes(path)?;
    let bytes = word_bytes(path, kind, raw)?;
    let mut read = docx::read_docx(&bytes).map_err(|cause| LoadError::Docx { path: path.to_path_buf(), cause })?;
    // Zero-width and bidi controls out of every paragraph and cell, listed.
    let mut invisible = Vec::new();
    let mut strip = |t: &mut String| {
        let (clean, removed) = crate::import::invisible::strip(t, 0);
        if !removed.is_empty() {
            *t = clean.into_owned();
            invisible.extend(removed);
        }
    };
    for block in &mut read.blocks {
        match block {
            docx::Block::Paragraph { text, .. } => strip(text),
            docx::Block::Table(rows) => rows.iter_mut().flatten().for_each(&mut strip),
        }
    }
    let mut report = ImportReport {
        encoding: encoding_rs::UTF_8.name(),
        insertions: read.insertions,
        deletions: read.deletions,
        ..ImportReport::default()
    };
    let mut text = docx::blocks_text(&read.blocks);
    report.traditional = crate::import::text::looks_traditional(&text);
    let (mut brief, removed) = docx::to_brief(&read, options.taxonomy.clone());
    if options.to_simplified {
        // The brief and the text its positions point into are converted alike.
        brief = simplify_brief(brief, path)?;
        text = simplified(&text, path)?;
    }
    report.removed = invisible;
    report.removed.extend(removed);
    report.removed.extend(read.asides);
    let source = SourceMap::align_owned(text, &brief);
    Ok(Loaded { kind, brief, report, source, pages: Vec::new() })
}

/// The .docx bytes of a Word file: a .docx as it is, an old-format file
/// converted. A password-protected .docx (an OLE2 file holding an encrypted
/// package) is told apart from a .doc named .docx, which is converted.
pub fn word_bytes(path: &Path, kind: FileKind, raw: Vec<u8>) -> Result<Vec<u8>, LoadError> {
    use docx::package::Signature;
    match (Signature::of(&raw), kind) {
        (Signature::Empty, _) => Err(LoadError::EmptyDraft { path: path.to_path_buf() }),
        (Signature::Encrypted, _) => {
            Err(LoadError::Docx { path: path.to_path_buf(), cause: docx::DocxError::Encrypted })
        }
        (Signature::Ole2 | Signature::Rtf, _) => legacy::Converter::from_env().to_docx(path, &raw),
        (Signature::Other, FileKind::LegacyWord) => Err(LoadError::NotWord { path: path.to_path_buf() }),
        _ => Ok(raw),
    }
}

/// Converts every text of a brief to Simplified characters.
fn simplify_brief(mut brief: Brief, path: &Path) -> Result<Brief, LoadError> {
    fn walk(s: &mut [crate::model::Section], f: &dyn Fn(&str) -> Result<String, LoadError>) -> Result<(), LoadError> {
        for s in s {
            s.title = f(&s.title)?;
            s.body = f(&s.body)?;
            walk(&mut s.children, f)?;
        }
        Ok(())
    }
    let f = |t: &str| simplified(t, path);
    brief.meta.title = f(&brief.meta.title)?;
    brief.meta.subtitle = f(&brief.meta.subtitle)?;
    walk(&mut brief.sections, &f)?;
    Ok(brief)
}

/// Reads a brief or a draft with the default options, for the brief alone.
pub fn load_brief(path: &Path) -> Result<Brief, LoadError> {
    load(path, &LoadOptions::default()).map(|l| l.brief)
}

/// Saves a brief as .ron (keeping a backup) or .md, atomically, replacing the file there.
pub fn save(path: &Path, brief: &Brief) -> Result<(), LoadError> {
    let text = brief_text(path, brief)?;
    Ok(store::write_atomic(path, text.as_bytes(), true)?)
}

/// Saves a brief into a new file: if the name was taken meanwhile (another
/// save, another import), nothing is replaced and the error says so.
pub fn save_new(path: &Path, brief: &Brief) -> Result<(), LoadError> {
    let text = brief_text(path, brief)?;
    Ok(store::create_new(path, text.as_bytes())?)
}

/// A brief as the text of the kind of file `path` names (.ron or .md). A
/// brief larger than a brief file can be ([`store::MAX_FILE_BYTES`]) is
/// refused before anything is written: it could not be opened again.
fn brief_text(path: &Path, brief: &Brief) -> Result<String, LoadError> {
    within_limit(path, brief)?;
    let text = match FileKind::of(path) {
        Ok(FileKind::Ron) => {
            store::to_ron(brief).map_err(|e| StoreError::Encode { path: path.to_path_buf(), message: e.to_string() })?
        }
        Ok(FileKind::Markdown) => to_markdown(brief),
        _ => return Err(LoadError::NotSavable { path: path.to_path_buf() }),
    };
    if text.len() as u64 > store::MAX_FILE_BYTES {
        return Err(LoadError::TooLargeToSave { path: path.to_path_buf(), size: text.len() });
    }
    Ok(text)
}

/// Reads a text file and decodes it (UTF-8, UTF-16 with a BOM, GB18030/GBK).
pub fn read_decoded(path: &Path) -> Result<Decoded, LoadError> {
    let bytes = store::read_bytes(path)?;
    decode::decode(&bytes).map_err(|cause| match cause {
        DecodeError::Empty => LoadError::Store(StoreError::Empty { path: path.to_path_buf() }),
        cause => LoadError::Decode { path: path.to_path_buf(), cause },
    })
}

/// Converts Traditional characters to Simplified with OpenCC's t2s tables
/// (ferrous-opencc, pure Rust). Offered when a draft looks Traditional; never
/// applied on its own.
fn simplified(text: &str, path: &Path) -> Result<String, LoadError> {
    let cc = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
        .map_err(|e| LoadError::Simplify { path: path.to_path_buf(), cause: e.to_string() })?;
    Ok(cc.convert(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_extension() {
        assert_eq!(FileKind::of(Path::new("a.RON")).unwrap(), FileKind::Ron);
        assert_eq!(FileKind::of(Path::new("a.markdown")).unwrap(), FileKind::Markdown);
        assert_eq!(FileKind::of(Path::new("a.txt")).unwrap(), FileKind::Text);
        assert_eq!(FileKind::of(Path::new("a.PDF")).unwrap(), FileKind::Pdf);
        assert!(matches!(FileKind::of(Path::new("a.odt")), Err(LoadError::UnknownKind { .. })));
        assert!(FileKind::Ron.is_brief() && !FileKind::Text.is_brief());
    }

    #[test]
    fn a_brief_too_large_to_open_again_is_not_saved() {
        let dir = tempfile::tempdir().unwrap();
        let mut b = crate::model::Template::ResearchBrief.build(Taxonomy::default());
        b.sections[0].body = "扶贫".repeat(crate::model::MAX_CHARS / 2 + 1);
        for name in ["big.ron", "big.md"] {
            let path = dir.path().join(name);
            let err = save(&path, &b).expect_err(name);
            assert!(matches!(err, LoadError::TooManyChars { .. }), "{err}");
            assert!(!path.exists(), "{name}: nothing written");
        }
        b.sections[0].body = "扶贫".repeat(1_000);
        save(&dir.path().join("small.ron"), &b).expect("a brief of ordinary size saves");
    }

    #[test]
    fn a_draft_past_the_limit_in_characters_is_refused_with_its_count() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.txt");
        // ASCII keeps the file small in bytes: the limit is on characters, not bytes.
        let line = format!("{}\n", "x".repeat(99));
        let text = line.repeat(crate::model::MAX_CHARS / 100 + 1);
        std::fs::write(&path, &text).unwrap();
        match load(&path, &LoadOptions::default()) {
            Err(LoadError::TooManyChars { chars, .. }) => assert!(chars > crate::model::MAX_CHARS, "{chars}"),
            other => panic!("expected TooManyChars, got {:?}", other.map(|l| l.brief.text_chars())),
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "a failed load changes nothing");
        // One line fewer than the limit loads.
        std::fs::write(&path, line.repeat(crate::model::MAX_CHARS / 100 - 1)).unwrap();
        assert!(load(&path, &LoadOptions::default()).is_ok());
    }

    #[test]
    fn a_traditional_draft_converts_on_request() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.txt");
        std::fs::write(&path, "參與精準脫貧攻堅是工會組織的重要政治任務。").unwrap();
        let kept = load(&path, &LoadOptions::default()).unwrap();
        assert!(kept.report.traditional);
        let options = LoadOptions { to_simplified: true, ..LoadOptions::default() };
        let converted = load(&path, &options).unwrap();
        assert!(!converted.report.traditional);
        let body: String = converted.brief.walk().map(|(s, _)| s.body.clone()).collect();
        assert_eq!(body, "参与精准脱贫攻坚是工会组织的重要政治任务。");
    }
}
