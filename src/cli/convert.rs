use std::path::PathBuf;

use clap::ValueEnum;

use super::{Outcome, check_overwrite, print};
use crate::format::LoadOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    /// Word, in the GB/T 9704 official-document layout.
    Docx,
    /// Word, in the reader's default styles.
    DocxPlain,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The brief to export (.ron, .md; a .txt or .docx draft is imported first).
    pub file: PathBuf,
    /// What to export to.
    #[arg(long, value_enum)]
    pub to: ExportFormat,
    /// Where to write; standard output if not given.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// HTML and Word: add the figures ledger and the check report as an appendix.
    #[arg(long)]
    pub appendix: bool,
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

pub fn export(args: ExportArgs) -> anyhow::Result<Outcome> {
    let brief = crate::format::load_brief(&args.file)?;
    if let ExportFormat::Docx | ExportFormat::DocxPlain = args.to {
        use crate::format::docx::DocxLayout;
        let layout = if args.to == ExportFormat::Docx { DocxLayout::Official } else { DocxLayout::Plain };
        let diags = args.appendix.then(|| crate::checks::check(&brief, &crate::checks::Env::now()));
        let bytes = crate::export::to_word(&brief, layout, args.appendix, diags.as_deref())
            .map_err(|e| anyhow::anyhow!("cannot write the Word file: {e}"))?;
        let path = args.output.unwrap_or_else(|| args.file.with_extension("docx"));
        check_overwrite(&path, args.force)?;
        crate::store::write_atomic(&path, &bytes, false)?;
        return Ok(Outcome::Clean);
    }
    let text = match args.to {
        ExportFormat::Docx | ExportFormat::DocxPlain => unreachable!("written above"),
        ExportFormat::Md => crate::export::to_markdown(&brief),
        ExportFormat::Html => {
            let diags = args.appendix.then(|| crate::checks::check(&brief, &crate::checks::Env::now()));
            let options = crate::export::HtmlOptions { appendix: args.appendix, diagnostics: diags.as_deref() };
            crate::export::to_html(&brief, options)
        }
    };
    match args.output {
        Some(path) => {
            check_overwrite(&path, args.force)?;
            crate::store::write_atomic(&path, text.as_bytes(), false)?;
        }
        None => print(&text)?,
    }
    Ok(Outcome::Clean)
}

pub fn import(args: ImportArgs) -> anyhow::Result<Outcome> {
    let options = LoadOptions { to_simplified: args.to_simplified, ..LoadOptions::default() };
    let loaded = crate::format::load(&args.file, &options)?;
    check_overwrite(&args.output, args.force)?;
    crate::format::save(&args.output, &loaded.brief)?;
    // What the import took out is shown, never dropped silently.
    let mut note = String::new();
    for r in &loaded.report.removed {
        note.push_str(&format!("briefdesk: removed line {} ({}): {}\n", r.line, r.reason.label_zh(), r.text));
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
