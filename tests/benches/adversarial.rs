//! Texts made to be slow, each against ordinary text of the same length: the
//! checks must stay within twice the ordinary time (issue 20). Each text is one
//! section's body, as a paste into the window makes it.
//! Run: `cargo bench --no-default-features --bench adversarial`.
//!
//! - one sentence pattern with 其中 repeated 40,000 times (every sentence a total and its part);
//! - one line of 1,000,000 characters (the corpus with its line breaks taken out);
//! - a table of 2,000 rows pasted as text: a row a line, figures separated by tabs or
//!   spaces, no sentence end;
//! - 百分之 repeated 100,000 times (a figure every six characters, no mark at all).
//!
//! The ordinary text is the published texts of `../shared/corpus/real*/` cut to the
//! same number of characters; without them the bench says so and measures nothing.

use std::hint::black_box;
use std::time::Duration;

use briefdesk::checks::{Env, check};
use briefdesk::model::{Brief, Role};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../support/mod.rs"]
mod support;

/// The allocator of the app and the CLI (src/main.rs), so the figures are theirs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The published texts, one after another, as often as needed for `chars` characters.
fn ordinary(chars: usize) -> Option<String> {
    let mut texts = Vec::new();
    for dir in ["corpus/real", "corpus/real2"] {
        let path = support::shared(dir)?;
        let mut names: Vec<_> = std::fs::read_dir(path).ok()?.flatten().map(|e| e.path()).collect();
        names.sort();
        for p in names.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            texts.push(std::fs::read_to_string(p).ok()?);
        }
    }
    let all = texts.join("\n");
    Some(all.chars().cycle().take(chars).collect())
}

fn brief_of(text: String) -> Brief {
    let mut b = Brief::default();
    let s = b.new_section(Role::Custom, "正文", text);
    b.sections.push(s);
    b
}

/// A table of `rows` rows as the .txt import makes it: a row a line, a name and
/// four figures, separated by a tab or by two spaces, with no sentence end.
pub fn table(rows: usize) -> String {
    let mut out = String::new();
    for i in 0..rows {
        let sep = if i % 2 == 0 { "\t" } else { "  " };
        let n = |k: usize| (i * 7919 + k * 104_729) % 9000 + 100;
        out.push_str(&format!(
            "第{i}组{sep}{}户{sep}{}人{sep}{}.{}万元{sep}{}.{}%\n",
            n(1),
            n(2) * 3,
            n(3) % 999,
            n(4) % 10,
            n(5) % 99,
            n(6) % 10
        ));
    }
    out
}

fn bench(c: &mut Criterion) {
    let inputs: Vec<(&str, String)> = vec![
        ("qizhong_x40000", "全年培训贫困劳动力3200人次，其中电商培训1200人次。".repeat(40_000)),
        ("one_line_1m", {
            let Some(text) = ordinary(1_200_000) else { return };
            text.replace(['\n', '\r'], "").chars().take(1_000_000).collect()
        }),
        ("table_2000_rows", table(2_000)),
        ("baifenzhi_x100000", "百分之".repeat(100_000)),
    ];
    let env = Env::default();
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    for (name, text) in inputs {
        let chars = text.chars().count();
        let Some(plain) = ordinary(chars) else { return };
        let (odd, plain) = (brief_of(text), brief_of(plain));
        eprintln!(
            "{name}: {chars} characters, {} findings; ordinary text {}",
            check(&odd, &env).len(),
            check(&plain, &env).len()
        );
        group.bench_function(name, |b| b.iter(|| check(black_box(&odd), &env).len()));
        group.bench_function(format!("{name}_ordinary"), |b| b.iter(|| check(black_box(&plain), &env).len()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
