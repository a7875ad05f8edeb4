//! Checking a 100,000-character brief: every rule over every section.
//! Run: `cargo bench --bench checks`. The target is under 10 ms, so that the
//! window can re-check on every edit.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use briefdesk::checks::{Env, check};
use briefdesk::model::{Brief, Role};
use criterion::{Criterion, criterion_group, criterion_main};

/// A brief of about `chars` characters: the example brief's sections, then the
/// corpus paragraphs, as sections of a few paragraphs each. Each pass over the
/// corpus shifts its digits, so the brief is not the same text three times over
/// (a real brief repeats a passage now and then, not two thirds of itself).
fn big_brief(chars: usize) -> Brief {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut b = briefdesk::import::load_path(&root.join("examples/brief.ron")).expect("example");
    let mut paragraphs = Vec::new();
    for name in ["union-aid-feature.txt", "party-school-brief.txt", "union-aid-commentary-traditional.txt"] {
        let text = std::fs::read_to_string(root.join("../shared/corpus").join(name)).expect("corpus");
        paragraphs.extend(text.split('\n').filter(|p| p.chars().count() > 20).map(str::to_string));
    }
    let mut n = 0;
    while b.char_count() < chars {
        let pass = (n * 4) / paragraphs.len();
        let body: Vec<String> =
            (0..4).map(|k| shift_digits(&paragraphs[(n * 4 + k) % paragraphs.len()], pass)).collect();
        let s = b.new_section(Role::Custom, format!("第{n}部分"), body.join("\n\n"));
        b.sections.push(s);
        n += 1;
    }
    b
}

/// Adds `by` to every ASCII digit (mod 10).
fn shift_digits(s: &str, by: usize) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from(b'0' + ((c as u8 - b'0') as usize + by) as u8 % 10) } else { c })
        .collect()
}

fn bench(c: &mut Criterion) {
    let brief = big_brief(100_000);
    let env = Env::default();
    eprintln!(
        "brief: {} characters, {} sections, {} diagnostics",
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
