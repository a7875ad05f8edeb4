//! The command line: one file per subcommand, clap derive.
//!
//! Exit codes: 0 clean, 1 findings, 2 error. Errors print as
//! `briefdesk: <what failed>: <path>`. A closed stdout pipe is not an error.

pub mod check;
mod claims;
mod convert;
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
    /// A brief to open in the window (.ron, .md).
    pub file: Option<PathBuf>,
    /// Render the window once, save it as a PNG and exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new brief from a template.
    New(new::NewArgs),
    /// Check the figures of a brief (.ron, .md, .txt).
    Check(FileArgs),
    /// List every figure in a text.
    Figures(FileArgs),
    /// Show what the checks read: each figure's metric, time, modality and place, and how figures relate.
    Claims(FileArgs),
    /// Export a brief as Markdown or HTML.
    Export(convert::ExportArgs),
    /// Import a Markdown or text draft as a brief.
    Import(convert::ImportArgs),
    /// List the check rules, or print one rule's documentation.
    Rules(RulesArgs),
}

/// Arguments of `check` and `figures`: a file and an output format.
#[derive(Debug, clap::Args)]
pub struct FileArgs {
    /// The file to read.
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
    /// Nothing to report: exit 0.
    Clean,
    /// Findings were reported: exit 1.
    Findings,
}

/// Runs a subcommand. Errors come back to `main`, which prints them.
pub fn run(command: Command) -> anyhow::Result<Outcome> {
    match command {
        Command::New(args) => new::run(args),
        Command::Export(args) => convert::export(args),
        Command::Import(args) => convert::import(args),
        Command::Check(args) => check::run(args),
        Command::Figures(args) => figures::run(args),
        Command::Claims(args) => claims::run(args),
        Command::Rules(args) => rules::run(args),
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

/// Refuses to overwrite a file unless asked to, so no command loses work.
pub fn check_overwrite(path: &Path, force: bool) -> anyhow::Result<()> {
    if path.exists() && !force {
        anyhow::bail!("the output file exists already; pass --force to replace it: {}", path.display());
    }
    Ok(())
}
