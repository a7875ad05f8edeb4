//! Old Word and WPS files (.doc, .wps) converted to .docx by LibreOffice.
//!
//! The file's first bytes decide first ([`Signature`]): an OLE2 compound file
//! (.doc, .wps) or RTF is converted; a zip is a .docx under an old name and is
//! read as one; anything else is refused, so random bytes named .doc never
//! import as mojibake. The conversion runs `soffice --headless` in a
//! temporary folder of its own, with its own profile, as a process group with
//! a time limit: when it hangs, the whole group is killed and the folder
//! removed, so no copy of the draft is left behind.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::LoadError;
use super::docx::package::Signature;

/// How LibreOffice is run.
#[derive(Debug, Clone)]
pub struct Converter {
    /// The program: `soffice` on the PATH unless `BRIEFDESK_SOFFICE` names another.
    pub program: OsString,
    /// How long a conversion may take: 60 s unless `BRIEFDESK_CONVERT_TIMEOUT`
    /// gives seconds. LibreOffice converts a 100-page .doc in a few seconds
    /// once started; its first start takes longer.
    pub timeout: Duration,
}

impl Converter {
    /// The converter the environment names (see the fields).
    pub fn from_env() -> Converter {
        let program = std::env::var_os("BRIEFDESK_SOFFICE").unwrap_or_else(|| "soffice".into());
        let timeout = std::env::var("BRIEFDESK_CONVERT_TIMEOUT")
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map_or(Duration::from_secs(60), Duration::from_secs_f64);
        Converter { program, timeout }
    }

    /// The .docx bytes of an old-format file (`bytes`, read from `path`).
    pub fn to_docx(&self, path: &Path, bytes: &[u8]) -> Result<Vec<u8>, LoadError> {
        let err = |cause: String| LoadError::Convert { path: path.to_path_buf(), cause };
        let ext = match Signature::of(bytes) {
            Signature::Rtf => "rtf",
            _ => match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
                Some("wps") => "wps",
                _ => "doc",
            },
        };
        let dir = tempfile::Builder::new().prefix("briefdesk-convert-").tempdir().map_err(|e| err(e.to_string()))?;
        // A copy with a plain name: soffice names its output after the input.
        let input = dir.path().join(format!("draft.{ext}"));
        std::fs::write(&input, bytes).map_err(|e| err(e.to_string()))?;
        let out = dir.path().join("out");
        let log = std::fs::File::create(dir.path().join("soffice.log")).map_err(|e| err(e.to_string()))?;
        let mut command = Command::new(&self.program);
        command
            .arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()))
            .args(["--headless", "--norestore", "--convert-to", "docx", "--outdir"])
            .arg(&out)
            .arg(&input)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log);
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = match command.spawn() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(LoadError::NeedsLibreOffice { path: path.to_path_buf() });
            }
            Err(e) => return Err(err(e.to_string())),
        };
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if started.elapsed() >= self.timeout => break Err(()),
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                Err(e) => {
                    kill_group(&mut child);
                    return Err(err(e.to_string()));
                }
            }
        };
        // Whatever soffice started and left running goes with it.
        kill_group(&mut child);
        if status.is_err() {
            return Err(LoadError::ConvertTimeout { path: path.to_path_buf(), seconds: self.timeout.as_secs_f64() });
        }
        let converted = out.join("draft.docx");
        let result = match std::fs::metadata(&converted) {
            Ok(m) if m.len() > crate::store::MAX_FILE_BYTES => {
                Err(err(format!("the converted file is {} MB, more than a brief can be", m.len() / 1_048_576)))
            }
            Ok(_) => std::fs::read(&converted).map_err(|e| err(e.to_string())),
            Err(_) => {
                let log = std::fs::read_to_string(dir.path().join("soffice.log")).unwrap_or_default();
                let last = log.trim().lines().last().unwrap_or("it wrote no .docx").chars().take(300).collect();
                Err(err(last))
            }
        };
        // The folder, with the copy of the draft, is removed here; a failure to is reported.
        dir.close().map_err(|e| err(format!("the temporary folder could not be removed: {e}")))?;
        result
    }
}

/// Kills the child's process group (soffice starts soffice.bin under it) and reaps the child.
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: killpg only sends a signal; the group is the one the child leads
        // (process_group(0) above), so nothing outside the conversion is touched.
        unsafe {
            libc::killpg(pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}
