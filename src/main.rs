use std::process::ExitCode;

use briefdesk::cli::{self, Cli};
use clap::Parser;

/// The allocator the app and the CLI run with (see Cargo.toml); the benches use it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = Cli::parse();
    // The one place the clock is read: `--today` stands in for it.
    let env = cli::env(args.today);
    match args.command {
        Some(command) => cli::exit_code(cli::run(command, &env)),
        None => open_window(args.file, args.screenshot, env),
    }
}

#[cfg(feature = "gui")]
fn open_window(
    file: Option<std::path::PathBuf>,
    screenshot: Option<std::path::PathBuf>,
    env: briefdesk::checks::Env,
) -> ExitCode {
    cli::exit_code(briefdesk::app::run(file, screenshot, env).map(|()| cli::Outcome::Clean))
}

#[cfg(not(feature = "gui"))]
fn open_window(
    _file: Option<std::path::PathBuf>,
    _screenshot: Option<std::path::PathBuf>,
    _env: briefdesk::checks::Env,
) -> ExitCode {
    cli::exit_code(Err(anyhow::anyhow!(
        "this build has no window (built without the `gui` feature); use a subcommand such as `briefdesk check FILE`"
    )))
}
