//! The extraction pipeline over `seeds/`, stage by stage, in bytes per second.
//!
//! Rules and jieba's dictionary load once (as `govgraph build` does); then each
//! stage runs over every seed article several times and the median is printed:
//! normalising, annotating, extracting the facts of each document alone, and the
//! whole two-round build into one graph. Run with `cargo bench --bench pipeline`;
//! under `cargo test --all-targets` it runs each stage once as a smoke test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use govgraph::annotate::Annotated;
use govgraph::normalise::{Document, normalise};
use govgraph::pipeline::Pipeline;
use govgraph::read::read_inputs;
use govgraph::rules::Rules;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(label: &str, bytes: usize, rounds: usize, mut f: impl FnMut()) {
    let runs: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    let m = median(runs);
    let mb_s = bytes as f64 / m.as_secs_f64() / 1_000_000.0;
    println!(
        "{label:<28} {:>9.2} ms  {mb_s:>7.2} MB/s",
        m.as_secs_f64() * 1000.0
    );
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let rounds = if bench { 7 } else { 1 };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = read_inputs(&[root.join("seeds")]).expect("seeds/ is readable");
    let bytes: usize = report.files.iter().map(|f| f.text.len()).sum();

    let start = Instant::now();
    let pipeline = Pipeline::new(Rules::builtin());
    println!(
        "{:<28} {:>9.2} ms",
        "load rules + jieba",
        start.elapsed().as_secs_f64() * 1000.0
    );

    let docs: Vec<Document> = report
        .files
        .iter()
        .map(|f| normalise(&f.name, &f.text))
        .collect();
    time("normalise", bytes, rounds, || {
        for f in &report.files {
            black_box(normalise(&f.name, &f.text));
        }
    });
    time("annotate", bytes, rounds, || {
        for d in &docs {
            black_box(Annotated::new(&d.text));
        }
    });
    time("extract (each alone)", bytes, rounds, || {
        for d in &docs {
            black_box(pipeline.facts(d));
        }
    });
    time("build (two rounds, resolve)", bytes, rounds, || {
        black_box(pipeline.build_documents(&docs, |_| {}));
    });
}
