use std::path::PathBuf;

use clap::ValueEnum;

use super::{Outcome, check_overwrite, print};
use crate::import::OutputKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The brief to export (.ron, .md).
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
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The draft to import (.md; .txt once text import lands).
    pub file: PathBuf,
    /// Where to write the brief (.ron or .md).
    #[arg(long, short)]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn export(args: ExportArgs) -> anyhow::Result<Outcome> {
    let brief = crate::import::load_path(&args.file)?;
    let text = match args.to {
        ExportFormat::Md => crate::export::to_markdown(&brief),
        ExportFormat::Html => return Err(super::not_yet("export --to html")),
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
    let brief = crate::import::load_path(&args.file)?;
    check_overwrite(&args.output, args.force)?;
    OutputKind::for_path(&args.output)?.save(&args.output, &brief)?;
    Ok(Outcome::Clean)
}
