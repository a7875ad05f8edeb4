//! Frame time while typing, with a 100,000-character brief open. The window is
//! driven headless by egui_kittest; a frame here is what the CPU does for one
//! keystroke: input, the app's frame (the edit, re-checking the whole brief,
//! layout) and tessellation. Handing the triangles to the GPU is not included.
//! Run: `cargo bench --bench frame`. The target is under 16 ms a frame.

use std::time::{Duration, Instant};

use briefdesk::app::{BriefdeskApp, State, install_fonts};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[path = "common.rs"]
mod common;

/// Types `keystrokes` characters into the selected section's body and returns each frame's time.
fn type_into(state: State, section_title: &str, keystrokes: usize) -> Vec<Duration> {
    let section = state.doc.brief.walk().find(|(s, _)| s.title == section_title).map(|(s, _)| s.id);
    let before = section.and_then(|id| state.doc.brief.section(id)).map(|s| s.body.len());
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.frame(ui), BriefdeskApp::new(state));
    // The corpus has Traditional characters outside the bundled GB2312 subset; the
    // window falls back to system fonts for them, the bench draws boxes.
    h.ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    h.state_mut().state.selected = section;
    h.run();
    h.get_by_label("正文").focus();
    h.run();
    let text = "全年帮扶困难职工1450户，其中城镇职工860户。";
    let mut times = Vec::with_capacity(keystrokes);
    for c in text.chars().cycle().take(keystrokes) {
        h.event(egui::Event::Text(c.to_string()));
        let started = Instant::now();
        h.step();
        let shapes = h.output().shapes.clone();
        let ppp = h.ctx.pixels_per_point();
        std::hint::black_box(h.ctx.tessellate(shapes, ppp));
        times.push(started.elapsed());
    }
    let state = &h.state().state;
    let after = state.selected.and_then(|id| state.doc.brief.section(id)).map(|s| s.body.len());
    assert!(after > before, "the keystrokes went into the section");
    times
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
    let pct = |p: f64| ms(times[((times.len() - 1) as f64 * p) as usize]);
    println!(
        "{name}: {} frames, mean {mean:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(0.5),
        pct(0.95),
        ms(*times.last().expect("frames"))
    );
}

fn main() {
    // `cargo test --benches` runs this once with no arguments; `cargo bench` passes --bench.
    let frames = if std::env::args().any(|a| a == "--bench") { 300 } else { 5 };
    let brief = common::big_brief(100_000);
    let chars = brief.char_count();
    let sections = brief.walk().count();
    println!("brief: {chars} characters, {sections} sections");
    let typed = "第60部分";
    report(
        &format!(
            "typing in a {}-character section",
            brief.walk().find(|(s, _)| s.title == "第60部分").map_or(0, |(s, _)| s.body.chars().count())
        ),
        type_into(State::new(brief.clone(), None), typed, frames),
    );

    // The worst case: the whole text in one section (a long paste with no headings).
    let mut one = brief;
    let body: Vec<String> = one.walk().map(|(s, _)| s.body.clone()).collect();
    one.sections.truncate(1);
    one.sections[0].children.clear();
    let all = one.new_section(briefdesk::model::Role::Custom, "全文", body.join("\n\n"));
    one.sections.push(all);
    println!("one section: {} characters", one.char_count());
    report("typing in one 100,000-character section", type_into(State::new(one, None), "全文", frames));
}
