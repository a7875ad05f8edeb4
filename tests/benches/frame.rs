//! Frame time while typing, with a 100,000-character brief open. The app runs
//! headless in a plain egui context, as in the window (AccessKit stays off
//! until a screen reader asks for it). A frame here is what the CPU does for
//! one keystroke: input, the app's frame (the edit, layout, and for a brief
//! this large handing the check to the background worker) and tessellation;
//! handing the triangles to the GPU is not included. The findings' delay
//! behind the typing is printed too.
//! Run: `cargo bench --bench frame`. The target is under 16 ms a frame.

use std::time::{Duration, Instant};

use briefdesk::app::{BriefdeskApp, State, body_id, install_fonts};

#[path = "common.rs"]
mod common;

/// The allocator of the app and the CLI (src/main.rs), so the figures are theirs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        events,
        ..Default::default()
    }
}

/// Types `keystrokes` characters into a section's body; returns each frame's
/// time, and how long after the last keystroke the findings were up to date.
fn type_into(state: State, section_title: &str, keystrokes: usize) -> (Vec<Duration>, Duration) {
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let section = state.doc.brief().walk().find(|(s, _)| s.title == section_title).map(|(s, _)| s.id).expect("section");
    let before = state.doc.brief().section(section).map(|s| s.body.len());
    let mut app = BriefdeskApp::new(state);
    app.state.selected = Some(section);
    let mut frame = |events| {
        let mut out = ctx.run_ui(input(events), |ui| app.frame(ui));
        out.textures_delta.clear();
        std::hint::black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    // Warm up: fonts, layout caches; then put the cursor in the body.
    for _ in 0..3 {
        frame(Vec::new());
    }
    ctx.memory_mut(|m| m.request_focus(body_id(section)));
    frame(Vec::new());
    let text = "全年帮扶困难职工1450户，其中城镇职工860户。";
    let mut times = Vec::with_capacity(keystrokes);
    for c in text.chars().cycle().take(keystrokes) {
        let started = Instant::now();
        frame(vec![egui::Event::Text(c.to_string())]);
        times.push(started.elapsed());
    }
    let stopped = Instant::now();
    while app.state.derived.revision != Some(app.state.doc.revision()) {
        std::thread::sleep(Duration::from_micros(200));
        app.state.refresh();
    }
    let caught_up = stopped.elapsed();
    let after = app.state.doc.brief().section(section).map(|s| s.body.len());
    assert!(after > before, "the keystrokes went into the section");
    (times, caught_up)
}

fn report(name: &str, (mut times, caught_up): (Vec<Duration>, Duration)) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
    let pct = |p: f64| ms(times[((times.len() - 1) as f64 * p) as usize]);
    println!(
        "{name}: {} frames, mean {mean:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms; findings current {:.1} ms after the last key",
        times.len(),
        pct(0.5),
        pct(0.95),
        ms(*times.last().expect("frames")),
        ms(caught_up)
    );
}

fn main() {
    // `cargo test --benches` runs this once with no arguments; `cargo bench` passes --bench.
    let frames = if std::env::args().any(|a| a == "--bench") { 300 } else { 5 };
    let Some(brief) = common::big_brief(100_000) else { return };
    let state = State::new(brief.clone(), None);
    println!(
        "brief: {} characters, {} sections, {} findings",
        brief.char_count(),
        brief.walk().count(),
        state.derived.diagnostics.len()
    );
    let title = "第60部分";
    let len = brief.walk().find(|(s, _)| s.title == title).map_or(0, |(s, _)| s.body.chars().count());
    report(&format!("typing in a {len}-character section"), type_into(state, title, frames));

    // The worst case: the whole text in one section (a long paste with no headings).
    let mut one = brief;
    let body: Vec<String> = one.walk().map(|(s, _)| s.body.clone()).collect();
    one.sections.truncate(1);
    one.sections[0].children.clear();
    let all = one.new_section(briefdesk::model::Role::Custom, "全文", body.join("\n\n"));
    one.sections.push(all);
    report(
        &format!("typing in one {}-character section", one.char_count()),
        type_into(State::new(one, None), "全文", frames),
    );
}
