use std::path::PathBuf;

use clap::ValueEnum;

use super::{Outcome, print, same_file, write_output};
use crate::format::LoadOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    /// Word, in the GB/T 9704 official-document layout.
    Docx,
    /// Word, in the reader's default styles.
    DocxPlain,
    /// PDF: the official layout through the Word export and LibreOffice.
    Pdf,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The brief to export (.ron, .md; a .txt, .docx, .doc or .wps draft is imported first).
    pub file: PathBuf,
    /// What to export to.
    #[arg(long, value_enum)]
    pub to: ExportFormat,
    /// Where to write; standard output if not given (for Word: the brief's name with .docx).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists (a brief replaced is kept as .bak).
    #[arg(long)]
    pub force: bool,
    /// HTML and Word: add the figures ledger and the check report as an appendix.
    #[arg(long)]
    pub appendix: bool,
    /// Word: add each finding as a comment (批注) on its words, as an editor would.
    #[arg(long)]
    pub comments: bool,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The draft to import (.txt or .md in UTF-8, UTF-16 or GBK; .docx; .doc or .wps through LibreOffice).
    pub file: PathBuf,
    /// Where to write the brief (.ron or .md).
    #[arg(long, short)]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Convert Traditional characters to Simplified (off by default).
    #[arg(long)]
    pub to_simplified: bool,
}

/// Refuses an output that would destroy a brief: the file being exported
/// itself, or a project file (.ron) that an export would fill with another format.
fn check_output(args: &ExportArgs, path: &std::path::Path) -> anyhow::Result<()> {
    if same_file(&args.file, path) {
        anyhow::bail!("the output is the file being exported; choose another output file: {}", path.display());
    }
    if crate::format::FileKind::of(path).is_ok_and(|k| k == crate::format::FileKind::Ron) {
        anyhow::bail!(
            "an export does not write a project file (.ron); give the output the extension of its format (.md, .html, .docx): {}",
            path.display()
        );
    }
    Ok(())
}

pub fn export(args: ExportArgs, env: &crate::checks::Env) -> anyhow::Result<Outcome> {
    let brief = crate::format::load_brief(&args.file)?;
    let diags = args.appendix.then(|| crate::checks::check(&brief, env));
    if args.to == ExportFormat::Pdf {
        let options = crate::export::WordOptions { now: Some(chrono::Utc::now()), ..Default::default() };
        let docx =
            crate::export::to_word(&brief, &options).map_err(|e| anyhow::anyhow!("cannot write the Word file: {e}"))?;
        let pdf = crate::export::pdf::docx_to_pdf(&docx)?;
        let path = args.output.clone().unwrap_or_else(|| args.file.with_extension("pdf"));
        check_output(&args, &path)?;
        write_output(&path, &pdf, args.force)?;
        return Ok(Outcome::Clean);
    }
    if let ExportFormat::Docx | ExportFormat::DocxPlain = args.to {
        use crate::format::docx::DocxLayout;
        let layout = if args.to == ExportFormat::Docx { DocxLayout::Official } else { DocxLayout::Plain };
        let findings = args.appendix || args.comments;
        let diags = findings.then(|| crate::checks::check(&brief, env));
        let options = crate::export::WordOptions {
            layout,
            appendix: args.appendix,
            comments: args.comments,
            diagnostics: diags.as_deref(),
            now: Some(chrono::Utc::now()),
        };
        let bytes =
            crate::export::to_word(&brief, &options).map_err(|e| anyhow::anyhow!("cannot write the Word file: {e}"))?;
        let path = args.output.clone().unwrap_or_else(|| args.file.with_extension("docx"));
        check_output(&args, &path)?;
        write_output(&path, &bytes, args.force)?;
        return Ok(Outcome::Clean);
    }
    let text = match args.to {
        ExportFormat::Docx | ExportFormat::DocxPlain | ExportFormat::Pdf => unreachable!("written above"),
        ExportFormat::Md => crate::export::to_markdown(&brief),
        ExportFormat::Html => {
            let options = crate::export::HtmlOptions { appendix: args.appendix, diagnostics: diags.as_deref() };
            crate::export::to_html(&brief, options)
        }
    };
    match &args.output {
        Some(path) => {
            check_output(&args, path)?;
            write_output(path, text.as_bytes(), args.force)?;
        }
        None => print(&text)?,
    }
    Ok(Outcome::Clean)
}

pub fn import(args: ImportArgs) -> anyhow::Result<Outcome> {
    let options = LoadOptions { to_simplified: args.to_simplified, ..LoadOptions::default() };
    let loaded = crate::format::load(&args.file, &options)?;
    super::check_overwrite(&args.output, args.force)?;
    if same_file(&args.file, &args.output) {
        anyhow::bail!("the output is the draft being imported; choose another output file: {}", args.output.display());
    }
    // A new file is created exclusively: two imports racing for one name cannot both write it.
    if args.force && std::fs::symlink_metadata(&args.output).is_ok() {
        crate::format::save(&args.output, &loaded.brief)?;
    } else {
        crate::format::save_new(&args.output, &loaded.brief)?;
    }
    // What the import took out is shown, never dropped silently.
    let mut note = String::new();
    if loaded.report.encoding != encoding_rs::UTF_8.name() {
        note.push_str(&format!("briefdesk: the text was read as {}\n", loaded.report.encoding));
    }
    for r in &loaded.report.removed {
        match r.line {
            // Word's notes, comments, headers and footers stand on no line of the text.
            0 => note.push_str(&format!("briefdesk: removed ({}): {}\n", r.reason.label_zh(), r.text)),
            n => note.push_str(&format!("briefdesk: removed line {n} ({}): {}\n", r.reason.label_zh(), r.text)),
        }
    }
    if loaded.report.insertions + loaded.report.deletions > 0 {
        note.push_str(&format!(
            "briefdesk: tracked changes read as shown: {} insertions kept, {} deletions dropped (their text is listed above)\n",
            loaded.report.insertions, loaded.report.deletions
        ));
    }
    if loaded.report.traditional {
        note.push_str("briefdesk: the text is in Traditional characters and was kept as written; pass --to-simplified to convert it\n");
    }
    eprint!("{note}");
    Ok(Outcome::Clean)
}
