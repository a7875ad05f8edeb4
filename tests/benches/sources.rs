//! Sources (issue 24): a 300-page source read and indexed, and a brief checked
//! against five such sources once they are indexed. The source is a text of
//! our own (a county's statistical compilation, figures drawn from a fixed
//! seed) turned into a PDF by LibreOffice when the bench starts; without
//! LibreOffice the PDF part says so and measures the text alone.
//! Run: `cargo bench --bench sources`. Targets: read and index in at most 2 s;
//! a check against five indexed sources within the window's usual latency.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use briefdesk::checks::{Env, check};
use criterion::{Criterion, criterion_group, criterion_main};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TOWNS: [&str; 6] = ["东岭镇", "西川乡", "南坪镇", "北沟乡", "石门镇", "柳湾乡"];

/// About 300 pages of A4 once LibreOffice lays it out: 390 chapters of twelve paragraphs.
fn compilation() -> String {
    // A small linear congruential generator: the same text on every run.
    let mut seed: u64 = 4;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let mut out = String::from("某县统计资料汇编（测试）\n\n");
    for ch in 1..=390 {
        out.push_str(&format!("第{ch}章 {}发展情况\n\n", TOWNS[next(6) as usize]));
        for p in 0..12 {
            out.push_str(&format!(
                "{}年，{}完成农业总产值{}.{:02}亿元，新建村级道路{}公里，转移就业农村劳动力{}人，发放产业帮扶资金{}万元，全年接待游客{}万人次，较上年有较大提高，群众收入持续增加，各项事业稳步推进。\n\n",
                2015 + p % 9,
                TOWNS[next(6) as usize],
                10 + next(990),
                next(100),
                10 + next(890),
                100 + next(8900),
                100 + next(9900),
                1 + next(300)
            ));
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let txt = dir.path().join("compilation.txt");
    std::fs::write(&txt, compilation()).expect("write");
    let pdf = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&txt)
        .output()
        .ok()
        .map(|_| txt.with_extension("pdf"))
        .filter(|p| p.exists());
    let mut group = c.benchmark_group("sources");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    match &pdf {
        Some(pdf) => {
            let index = briefdesk::sources::read(pdf).expect("the PDF");
            eprintln!("PDF: {} pages, {} claims indexed", index.pages.unwrap_or(0), index.claims.len());
            group.bench_function("read_and_index_300_page_pdf", |b| {
                b.iter(|| briefdesk::sources::read(black_box(pdf)).expect("read").claims.len())
            });
        }
        None => eprintln!("skipped the PDF: soffice is not installed (apt-get install libreoffice-writer-nogui)"),
    }
    group.bench_function("read_and_index_same_text_as_txt", |b| {
        b.iter(|| briefdesk::sources::read(black_box(&txt)).expect("read").claims.len())
    });
    // Five sources indexed (the window keeps them in its cache), and a brief of their kind.
    let index = Arc::new(briefdesk::sources::read(&txt).expect("read"));
    let env = Env { sources: vec![index.clone(); 5], ..Env::default() };
    let mut brief = briefdesk::model::Brief::default();
    let text: String = compilation().split("\n\n").skip(3).step_by(40).take(60).collect::<Vec<_>>().join("\n");
    let s = brief.new_section(briefdesk::model::Role::Custom, "正文", text);
    brief.sections.push(s);
    eprintln!(
        "brief: {} characters, {} findings of BD114",
        brief.char_count(),
        check(&brief, &env).iter().filter(|d| d.rule == "BD114").count()
    );
    let none = Env::default();
    group.bench_function("check_brief_no_sources", |b| b.iter(|| check(black_box(&brief), &none).len()));
    group.bench_function("check_brief_five_indexed_sources", |b| b.iter(|| check(black_box(&brief), &env).len()));
    // A source dated a year before the brief, its figures of no year (totals to
    // date), and a brief that looks back over five years: every figure of the
    // brief is held to the source's totals by their words (`sources::verify`).
    let dated = |date: &str, body: &str| format!("县政府工作报告\n{date}在县人民代表大会上\n各位代表：\n{body}");
    let undated: String =
        compilation().lines().map(|l| l.split_once("年，").map_or(l, |(_, rest)| rest)).collect::<Vec<_>>().join("\n");
    let earlier = Arc::new(briefdesk::sources::SourceIndex::from_text("2024.txt", &dated("2024年1月10日", &undated)));
    let env = Env { sources: vec![earlier; 5], ..Env::default() };
    let mut later = briefdesk::model::Brief::default();
    later.meta.date = chrono::NaiveDate::from_ymd_opt(2025, 1, 12);
    let looked_back: String =
        undated.split("\n\n").skip(3).step_by(40).take(60).map(|p| format!("五年来，{p}")).collect();
    let s = later.new_section(briefdesk::model::Role::Custom, "正文", looked_back);
    later.sections.push(s);
    group.bench_function("check_later_brief_five_sources_of_the_year_before", |b| {
        b.iter(|| check(black_box(&later), &env).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
