//! `--screenshot`: render a few frames, capture one, save it as a PNG and
//! close; on the way, report the start-up time and resident memory (the
//! README's figures, measured by `tests/startup.sh`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The result of the capture, filled in by the screenshot callback.
pub type Outcome = Arc<Mutex<Option<Result<(), String>>>>;

pub struct Screenshot {
    out: PathBuf,
    frames: u32,
    /// The picture was asked for.
    requested: bool,
    /// When the process started, for the start-up figure.
    started: Instant,
    result: Outcome,
}

impl Screenshot {
    pub fn new(out: PathBuf, started: Instant, result: Outcome) -> Screenshot {
        Screenshot { out, frames: 0, requested: false, started, result }
    }

    /// Called once per frame; returns true when the window should close. The
    /// picture is taken at the third frame or later, once the findings are
    /// current (`settled`), so that it shows what a user sees after start-up.
    pub fn tick(&mut self, ctx: &egui::Context, settled: bool) -> bool {
        self.frames += 1;
        if self.frames == 1 {
            // The Unix time too, so that a script can measure from before the process started.
            let unix = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            eprintln!(
                "first frame {:.0} ms after start (unix time {:.3} s)",
                self.started.elapsed().as_secs_f64() * 1000.0,
                unix.as_secs_f64()
            );
        }
        // Ten seconds of frames at most: a check that never settles still gives a picture.
        if !self.requested && self.frames >= 3 && (settled || self.frames > 600) {
            self.requested = true;
            let out = self.out.clone();
            let result = self.result.clone();
            ctx.request_screenshot(move |image| {
                let saved = save_png(&image, &out);
                if let Some(rss) = resident_mb() {
                    eprintln!("resident memory {rss:.0} MB");
                }
                if let Ok(mut r) = result.lock() {
                    *r = Some(saved);
                }
            });
        }
        ctx.request_repaint();
        self.result.lock().map(|r| r.is_some()).unwrap_or(true)
    }
}

/// Resident memory of this process, from /proc (Linux only).
fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn save_png(image: &egui::ColorImage, out: &Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or("the screenshot has a wrong size")?;
    buffer.save(out).map_err(|e| format!("cannot write the screenshot ({e}): {}", out.display()))
}
