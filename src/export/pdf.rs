//! Brief → PDF, through the Word export and LibreOffice: the official layout
//! as Word would print it. LibreOffice (`soffice`) converts the .docx in a
//! temporary folder with a profile of its own, so a running LibreOffice of
//! the user's is not disturbed; without it the error says what to install.

use std::path::{Path, PathBuf};

/// The LibreOffice programs looked for, in order.
const PROGRAMS: [&str; 2] = ["soffice", "libreoffice"];

/// The LibreOffice program on the PATH, if there is one.
pub fn libreoffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| PROGRAMS.map(|p| dir.join(p))).find(|p| p.is_file())
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "PDF export needs LibreOffice; install it (apt install libreoffice-writer) or export Word (.docx) and print it from Word or WPS"
    )]
    NoLibreOffice,
    #[error("cannot write the Word file to convert ({0})")]
    Word(String),
    #[error("LibreOffice could not convert the brief to PDF ({0})")]
    Convert(String),
}

/// Converts a Word file's bytes to PDF bytes with LibreOffice.
pub fn docx_to_pdf(docx: &[u8]) -> Result<Vec<u8>, PdfError> {
    let program = libreoffice().ok_or(PdfError::NoLibreOffice)?;
    let dir = tempfile::tempdir().map_err(|e| PdfError::Convert(e.to_string()))?;
    let input = dir.path().join("brief.docx");
    std::fs::write(&input, docx).map_err(|e| PdfError::Convert(e.to_string()))?;
    let out = dir.path().join("out");
    let run = std::process::Command::new(&program)
        .arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(&input)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()
        .map_err(|e| PdfError::Convert(e.to_string()))?;
    std::fs::read(out.join("brief.pdf")).map_err(|_| {
        let said = String::from_utf8_lossy(&run.stderr);
        PdfError::Convert(said.trim().lines().last().unwrap_or("no output").to_string())
    })
}

/// The brief as a PDF at `path`: the Word export in the official layout, converted.
pub fn write_pdf(brief: &crate::model::Brief, path: &Path) -> Result<(), String> {
    let options = super::WordOptions { now: Some(chrono::Utc::now()), ..Default::default() };
    let docx = super::to_word(brief, &options).map_err(|e| PdfError::Word(e).to_string())?;
    let pdf = docx_to_pdf(&docx).map_err(|e| e.to_string())?;
    crate::store::write_atomic(path, &pdf, false).map_err(|e| e.to_string())
}
