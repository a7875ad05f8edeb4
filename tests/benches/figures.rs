//! Figure extraction speed over the real texts of ../shared/corpus/, repeated
//! to about 1 MB and about 10 MB. Run: `cargo bench --bench figures`.
//! Throughput is in characters (Unicode scalar values) per second, one core.

use std::hint::black_box;
use std::time::Duration;

#[path = "../support/mod.rs"]
mod support;

use briefdesk::figures::extract;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator of the app and the CLI (src/main.rs), so the figures are theirs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Option<String> {
    let mut text = String::new();
    for name in ["union-aid-feature.txt", "party-school-brief.txt", "union-aid-commentary-traditional.txt"] {
        text.push_str(&support::shared_text(&format!("corpus/{name}"))?);
        text.push('\n');
    }
    Some(text)
}

fn repeated(base: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + base.len());
    while s.len() < bytes {
        s.push_str(base);
    }
    s
}

fn bench(c: &mut Criterion) {
    let Some(base) = corpus() else { return };
    let mut group = c.benchmark_group("figures");
    group.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    for (label, bytes) in [("1MB", 1 << 20), ("10MB", 10 << 20)] {
        let text = repeated(&base, bytes);
        group.throughput(Throughput::Elements(text.chars().count() as u64));
        group.bench_function(label, |b| b.iter(|| extract(black_box(&text)).len()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
