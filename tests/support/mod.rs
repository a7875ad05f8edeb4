//! What the integration tests share: paths into the repo and into `../shared/`.
//!
//! `../shared/` (the corpus and the public yardsticks) sits beside the repo in
//! this workplace and is not ours to copy in. A test that needs it calls
//! [`shared`]: on a bare clone it skips with a line naming the missing path;
//! when the `CI` variable is set a missing path is a failure instead, so CI
//! runs everything.
#![allow(dead_code)] // each test file uses part of this

use std::io::Write;
use std::path::{Path, PathBuf};

/// A path in the repo.
pub fn here(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// A path under `../shared/`, or None (with a note on standard error) when it is absent.
#[track_caller]
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    if path.exists() {
        return Some(path);
    }
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    assert!(!ci, "CI is set but {} is missing: the shared test material must be beside the repo", path.display());
    let caller = std::panic::Location::caller();
    // Written to the real stderr, past the test harness's capture, so a bare-clone run lists what it skipped.
    let _ = writeln!(
        std::io::stderr(),
        "skipped ({}:{}): {} is absent (a clone without ../shared)",
        caller.file(),
        caller.line(),
        path.display()
    );
    None
}

/// Reads a text under `../shared/`, or None when it is absent (see [`shared`]).
#[track_caller]
pub fn shared_text(rel: &str) -> Option<String> {
    let path = shared(rel)?;
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display())))
}

/// Caps the address space of the child `cmd` starts at `bytes` (RLIMIT_AS), so a
/// test of a hostile file fails by a refused allocation instead of taking the machine.
#[cfg(unix)]
pub fn limit_memory(cmd: &mut std::process::Command, bytes: u64) {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// No cap where there is no RLIMIT_AS.
#[cfg(not(unix))]
pub fn limit_memory(_: &mut std::process::Command, _: u64) {}
