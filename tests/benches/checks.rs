//! Checking a 100,000-character brief: every rule over every section.
//! Run: `cargo bench --bench checks`. The target is under 10 ms, so that the
//! window can re-check on every edit.

use std::hint::black_box;
use std::time::Duration;

use briefdesk::checks::{Env, check};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common.rs"]
mod common;
use common::big_brief;

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
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
