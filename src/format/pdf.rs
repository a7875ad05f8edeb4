//! PDF: the text layer of a PDF, page by page.
//!
//! Sources are mostly PDFs (statistical communiqués, work reports), and a
//! draft may come as one. The text is read with a maintained crate (see the
//! README for the comparison that chose it), page by page so that a finding
//! cites its page. What extraction breaks (hard line breaks inside
//! sentences, spaces between characters, digits split by spaces) is repaired
//! by the import's clean-up ([`crate::import::clean`]) and the figure
//! engine's reading of damaged numerals, as for a pasted PDF.
//!
//! A hostile file cannot stall or crash the program: the file is read only
//! up to [`MAX_PDF_BYTES`], the crate runs on a thread of its own under
//! `catch_unwind` and is given [`TIME_LIMIT`], and the text kept is bounded
//! ([`MAX_TEXT_BYTES`], [`MAX_PAGES`]).

use std::path::Path;
use std::time::Duration;

/// The largest PDF read: scanned reports run to tens of megabytes; past this
/// a file is refused before it is read.
pub const MAX_PDF_BYTES: u64 = 200 * 1024 * 1024;
/// The most pages read.
pub const MAX_PAGES: usize = 5_000;
/// The most text kept, in bytes: room for [`crate::model::MAX_CHARS`]
/// characters of up to four bytes.
pub const MAX_TEXT_BYTES: usize = crate::model::MAX_CHARS * 4;
/// How long the text may take to read.
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// Why a PDF's text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error(
        "the PDF has no text layer (it is a scan or pictures of pages); run it through OCR, or copy its text from the original document"
    )]
    NoText,
    #[error(
        "the PDF is encrypted (password-protected); open it in a PDF reader, and save or print an unprotected copy"
    )]
    Encrypted,
    #[error("the PDF is damaged or is not a PDF ({0}); open it in a PDF reader and save a new copy")]
    Damaged(String),
    #[error("the PDF is {size_mb} MB, more than the {} MB read; split it or save its text as .txt", MAX_PDF_BYTES / 1_048_576)]
    TooLarge { size_mb: u64 },
    #[error("reading the PDF took more than {} s and was stopped; save its text as .txt from a PDF reader", TIME_LIMIT.as_secs())]
    TooSlow,
}

/// The text of each page of a PDF file.
pub fn read_pages(path: &Path) -> Result<Vec<String>, crate::format::LoadError> {
    use crate::format::LoadError;
    let pdf_err = |cause| LoadError::Pdf { path: path.to_path_buf(), cause };
    let read_err = |cause| LoadError::Store(crate::store::StoreError::Read { path: path.to_path_buf(), cause });
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if !meta.is_file() {
        return Err(LoadError::Store(crate::store::StoreError::NotAFile { path: path.to_path_buf() }));
    }
    if meta.len() > MAX_PDF_BYTES {
        return Err(pdf_err(PdfError::TooLarge { size_mb: meta.len() / 1_048_576 }));
    }
    if meta.len() == 0 {
        return Err(LoadError::EmptyDraft { path: path.to_path_buf() });
    }
    let bytes = {
        use std::io::Read;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::fs::File::open(path).map_err(read_err)?.take(MAX_PDF_BYTES).read_to_end(&mut bytes).map_err(read_err)?;
        bytes
    };
    pages_of(bytes).map_err(pdf_err)
}

/// The text of each page of a PDF's bytes, bounded in time and caught if the crate panics.
pub fn pages_of(bytes: Vec<u8>) -> Result<Vec<String>, PdfError> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(PAGE_THREADS);
    pages_on(bytes, threads)
}

/// The same, reading pages on at most `threads` threads (tests compare one
/// thread with several: the pages must be the same, in the same order).
pub fn pages_on(bytes: Vec<u8>, threads: usize) -> Result<Vec<String>, PdfError> {
    if !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(PdfError::Damaged("no PDF header".into()));
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("pdf-text".into()).spawn(move || {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(&bytes, threads)));
        let _ = tx.send(result);
    });
    if spawned.is_err() {
        return Err(PdfError::Damaged("no thread to read it on".into()));
    }
    // A thread that runs past the limit is left to finish on its own: its result is dropped.
    let pages = match rx.recv_timeout(TIME_LIMIT) {
        Ok(Ok(result)) => result?,
        Ok(Err(_panic)) => return Err(PdfError::Damaged("the PDF reader failed on it".into())),
        Err(_) => return Err(PdfError::TooSlow),
    };
    if pages.iter().all(|p| p.chars().filter(|c| !c.is_whitespace()).count() < 2) {
        return Err(PdfError::NoText);
    }
    Ok(pages)
}

/// The crate's extraction, page by page, bounded in pages and text.
///
/// Pages are read on up to [`PAGE_THREADS`] threads, each over its own run
/// of pages with its own copy of the document (the crate's page caches are
/// per document): a 300-page source takes about half the time on two cores.
/// A thread's share of [`MAX_TEXT_BYTES`] bounds what it keeps, and the
/// pages are joined in order and cut at the limit as one reading would be.
fn extract(bytes: &[u8], threads: usize) -> Result<Vec<String>, PdfError> {
    let doc = open(bytes)?;
    let count = doc.page_count().map_err(damaged)?.min(MAX_PAGES);
    let threads = threads.min(count.div_ceil(PAGES_PER_THREAD)).max(1);
    let budget = MAX_TEXT_BYTES / threads + 1;
    let runs: Vec<Vec<String>> = if threads == 1 {
        vec![read_run(&doc, 0..count, budget)]
    } else {
        drop(doc);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let pages = t * count / threads..(t + 1) * count / threads;
                    scope.spawn(move || open(bytes).map(|doc| read_run(&doc, pages, budget)))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Err(PdfError::Damaged("the PDF reader failed on it".into()))))
                .collect::<Result<Vec<_>, _>>()
        })?
    };
    let mut pages = Vec::with_capacity(count);
    let mut total = 0;
    'runs: for (t, run) in runs.into_iter().enumerate() {
        // A run that stopped at its budget ends the reading there: the pages
        // after it would otherwise be numbered wrong.
        let whole = run.len() == (t + 1) * count / threads - t * count / threads;
        for text in run {
            total += text.len();
            if total > MAX_TEXT_BYTES {
                break 'runs;
            }
            pages.push(text);
        }
        if !whole {
            break;
        }
    }
    Ok(pages)
}

/// How many threads read a PDF's pages at most.
const PAGE_THREADS: usize = 4;

/// A thread is worth starting for at least this many pages.
const PAGES_PER_THREAD: usize = 16;

/// The document, opened and unlocked with the empty password if it needs one.
fn open(bytes: &[u8]) -> Result<pdf_oxide::PdfDocument, PdfError> {
    let doc = pdf_oxide::PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| {
        let said = e.to_string().to_lowercase();
        if said.contains("encrypt") || said.contains("password") { PdfError::Encrypted } else { damaged(e) }
    })?;
    // The crate tries the empty user password itself; a file that still needs one is closed to us.
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

fn damaged(e: pdf_oxide::error::Error) -> PdfError {
    PdfError::Damaged(first_line(&e.to_string()))
}

/// The text of a run of pages, until `budget` bytes are read (the page that
/// passes it is kept, so the join can tell the limit was reached).
fn read_run(doc: &pdf_oxide::PdfDocument, pages: std::ops::Range<usize>, budget: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(pages.len());
    let mut total = 0;
    for i in pages {
        // A page that cannot be read is kept empty: the others still cite their pages.
        let text = doc.extract_text(i).unwrap_or_default();
        total += text.len();
        out.push(text);
        if total > budget {
            break;
        }
    }
    out
}

/// An error's first line, at most 200 characters.
fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").chars().take(200).collect()
}
