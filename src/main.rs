use std::process::ExitCode;

use briefdesk::cli::{self, Cli};
use clap::Parser;

/// The allocator the app and the CLI run with (see Cargo.toml); the benches use it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of mimalloc 3 (`mi_option_e` in its mimalloc.h, the
/// version libmimalloc-sys 0.1.49 builds): how long freed memory is kept before
/// it goes back to the system, in milliseconds.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// mimalloc 3's default for that option (1 s; `MIMALLOC_VERBOSE=1` lists the
/// options at start): the option is set only if it reads so, so that a
/// mimalloc whose options are numbered otherwise is left as it is.
const MI_PURGE_DELAY_DEFAULT: std::ffi::c_long = 1000;

unsafe extern "C" {
    /// mimalloc's own getter and setter of its options (exported by the library the allocator links).
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// Keeps the process's memory to what it uses. A check allocates and frees in
/// bursts, a sentence at a time; mimalloc 3 keeps freed memory for a second by default,
/// and on a system with transparent huge pages always on, each page it touches
/// is 2 MB. Freed memory goes back at once, and the process asks for small pages:
/// 3.5 M characters of text checked in 135 MB rather than 190 MB (README, Checks →
/// Measured), for a few percent more time in the kernel.
fn keep_memory_small() {
    // SAFETY: the calls only read and set flags, before any other thread is started.
    unsafe {
        if mi_option_get(MI_OPTION_PURGE_DELAY) == MI_PURGE_DELAY_DEFAULT {
            mi_option_set(MI_OPTION_PURGE_DELAY, 0);
        }
        #[cfg(target_os = "linux")]
        // A kernel without the flag refuses it, and nothing changes.
        let _ = libc::prctl(
            libc::PR_SET_THP_DISABLE,
            1 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        );
    }
}

fn main() -> ExitCode {
    keep_memory_small();
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
