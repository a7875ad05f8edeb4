//! The command line: one file per subcommand, clap derive.
//!
//! Exit codes: 0 when the command did its work (for `check`: no error-level
//! finding; warnings alone exit 0), 1 when `check` found at least one
//! error-level finding, 2 when the command failed. Errors print as
//! `briefdesk: <what failed>: <path>`. A closed stdout pipe is not an error.
//!
//! The clock is read in one place, [`env`]: `--today` replaces it, so that a
//! run (and a test) does not depend on the date.

pub mod check;
mod claims;
mod convert;
pub mod diff;
pub mod figures;
mod new;
mod rules;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Briefdesk (简报台): write poverty-alleviation briefs and check their figures.
///
/// With no subcommand, or with only a file, opens the desktop app.
#[derive(Debug, Parser)]
#[command(name = "briefdesk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A brief to open in the window (.ron, .md), or a draft to import (.txt, .docx, .doc, .wps).
    pub file: Option<PathBuf>,
    /// Render the window once, save it as a PNG and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The date the checks take for today (for a brief without a report date), instead of the clock.
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<chrono::NaiveDate>,
}

/// The outside world of a run: today's date from `--today`, else from the
/// clock. The one place the command line reads the clock.
pub fn env(today: Option<chrono::NaiveDate>) -> crate::checks::Env {
    match today {
        Some(day) => crate::checks::Env { today: Some(day), ..crate::checks::Env::default() },
        None => crate::checks::Env::now(),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new brief from a template.
    New(new::NewArgs),
    /// Check the figures of a brief or a draft (.ron, .md, .txt, .docx, .doc, .wps); with --annotate, write a
    /// Word draft back with each finding as a comment (批注).
    Check(check::CheckArgs),
    /// List every figure in a text (.ron, .md, .txt, .docx, .doc, .wps).
    Figures(FileArgs),
    /// Show what the checks read: each figure's metric, time, modality and place, and how figures relate.
    Claims(FileArgs),
    /// Export a brief as Markdown, HTML or Word (.docx, in the GB/T 9704 layout or plain).
    Export(convert::ExportArgs),
    /// Import a draft (.txt, .md, .docx, .doc, .wps) as a brief (.ron or .md).
    Import(convert::ImportArgs),
    /// List the check rules, or print one rule's documentation.
    Rules(RulesArgs),
    /// List the figures that changed, were added or were removed between two versions of a draft
    /// (.ron, .md, .txt, .docx, .pdf); exit 0 when no figure changed, 1 when some did.
    Diff(diff::DiffArgs),
}

/// Arguments of `check` and `figures`: a file and an output format.
#[derive(Debug, Clone, clap::Args)]
pub struct FileArgs {
    /// The file to read: a brief (.ron, .md) or a draft (.txt, .docx, .doc, .wps).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// A rule id such as BD101.
    pub id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Html,
}

/// How a successful run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The command did its work and found no error-level finding: exit 0.
    Clean,
    /// `check` found at least one error-level finding: exit 1.
    Findings,
}

/// Runs a subcommand in `env` (today's date). Errors come back to `main`, which prints them.
pub fn run(command: Command, env: &crate::checks::Env) -> anyhow::Result<Outcome> {
    match command {
        Command::New(args) => new::run(args),
        Command::Export(args) => convert::export(args, env),
        Command::Import(args) => convert::import(args),
        Command::Check(args) => check::run(args, env),
        Command::Figures(args) => figures::run(args),
        Command::Claims(args) => claims::run(args, env),
        Command::Rules(args) => rules::run(args),
        Command::Diff(args) => diff::run(args),
    }
}

/// Maps a run's result to the process exit code, printing any error.
pub fn exit_code(result: anyhow::Result<Outcome>) -> ExitCode {
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "briefdesk: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
}

/// Writes text to stdout; a closed pipe surfaces as an io error that
/// [`exit_code`] treats as success.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Refuses to overwrite a file unless asked to, so no command loses work. A
/// symbolic link counts as a file there, even one whose target is missing.
pub fn check_overwrite(path: &Path, force: bool) -> anyhow::Result<()> {
    if path.is_dir() {
        anyhow::bail!("the output is a folder; give a file name in it, such as {}", path.join("brief.ron").display());
    }
    if std::fs::symlink_metadata(path).is_ok() && !force {
        anyhow::bail!("the output file exists already; pass --force to replace it: {}", path.display());
    }
    Ok(())
}

/// Writes a command's output file: a new file is created exclusively (two
/// runs racing for one name cannot both write it); with `--force` a file
/// there is replaced, keeping a backup (.bak) when it is a brief.
pub fn write_output(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    check_overwrite(path, force)?;
    if force && std::fs::symlink_metadata(path).is_ok() {
        let brief = crate::format::FileKind::of(path).is_ok_and(|k| k.is_brief());
        crate::store::write_atomic(path, bytes, brief)?;
    } else {
        crate::store::create_new(path, bytes)?;
    }
    Ok(())
}

/// Whether two paths name one file (the output would replace the input).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
