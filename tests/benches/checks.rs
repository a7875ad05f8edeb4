//! Checking a 100,000-character brief: every rule over every section.
//! Run: `cargo bench --bench checks`. The targets (issue 14): the brief in
//! at most 5 ms on one core, and the same brief with every paragraph pasted
//! twice in at most 2.2 times that.

use std::hint::black_box;
use std::time::Duration;

use briefdesk::checks::{Env, check};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common.rs"]
mod common;
use common::big_brief;

/// The allocator of the app and the CLI (src/main.rs), so the figures are theirs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let Some(brief) = big_brief(100_000) else { return };
    let env = Env::default();
    let figures: usize = brief.walk().map(|(s, _)| briefdesk::figures::extract(&s.body).len()).sum();
    eprintln!(
        "brief: {} characters, {} sections, {figures} figures, {} diagnostics",
        brief.char_count(),
        brief.walk().count(),
        check(&brief, &env).len()
    );
    let mut group = c.benchmark_group("checks");
    group.sample_size(20).measurement_time(Duration::from_secs(6));
    group.bench_function("100k_chars", |b| b.iter(|| check(black_box(&brief), &env).len()));
    let twice = pasted_twice(&brief);
    eprintln!("pasted twice: {} characters, {} diagnostics", twice.char_count(), check(&twice, &env).len());
    group.bench_function("100k_chars_pasted_twice", |b| b.iter(|| check(black_box(&twice), &env).len()));
    // A keystroke in the window: the words of every sentence but the one typed in are
    // in the window's cache. Each check here types one more character into a section.
    let cached = Env { words: Some(std::sync::Arc::new(briefdesk::checks::words::WordCache::new())), ..Env::default() };
    check(&brief, &cached);
    let mut typing = brief.clone();
    let at = typing.sections.len() / 2;
    group.bench_function("100k_chars_keystroke_words_cached", |b| {
        b.iter(|| {
            typing.sections[at].body.push('字');
            check(black_box(&typing), &cached).len()
        })
    });
    // The window as it runs: words and each section's claims kept between checks, so
    // a keystroke re-reads one section's claims.
    let window = Env {
        words: Some(std::sync::Arc::new(briefdesk::checks::words::WordCache::new())),
        claims: Some(std::sync::Arc::new(briefdesk::checks::claims::ClaimCache::new())),
        ..Env::default()
    };
    check(&brief, &window);
    let mut typing = brief.clone();
    group.bench_function("100k_chars_keystroke_window_caches", |b| {
        b.iter(|| {
            typing.sections[at].body.push('字');
            check(black_box(&typing), &window).len()
        })
    });
    group.finish();
}

/// The brief with every paragraph of every section followed by a copy of itself.
fn pasted_twice(brief: &briefdesk::model::Brief) -> briefdesk::model::Brief {
    let mut twice = brief.clone();
    for s in &mut twice.sections {
        double(s);
    }
    twice
}

fn double(s: &mut briefdesk::model::Section) {
    s.body = s.body.split("\n\n").flat_map(|p| [p, p]).collect::<Vec<_>>().join("\n\n");
    for c in &mut s.children {
        double(c);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
