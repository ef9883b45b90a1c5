//! The Spark job of examples/spark builds the graph `govgraph build` builds:
//! `extract` on the workers, records shuffled by entity key, `merge --facts`
//! per partition and one final `merge` give the same graph set, byte for byte.
//! It runs Spark in local mode, so it needs pyspark and Java 17: a missing one
//! fails the test with the command that installs it (`scripts/deps/spark.sh`);
//! nothing is skipped.

use std::fs::{self, File};
use std::path::Path;
use std::process::Command;

mod common;
use common::{govgraph, root, run, temp_dir};

/// The files of a graph set, all compared.
const GRAPH_SET: [&str; 5] = [
    "graph.json",
    "graph.json.idx",
    "graph.dot",
    "graph.facts.jsonl",
    "graph.manifest.json",
];

fn need_spark() {
    let python = Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        python,
        "python3 with pyspark is not installed: run scripts/deps/spark.sh (or scripts/test.sh)"
    );
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        java,
        "java is not installed: run scripts/deps/spark.sh (or scripts/test.sh)"
    );
}

/// Runs a Python script of examples/spark and requires it to succeed.
fn python(dir: &Path, args: &[&str]) {
    let out = Command::new("python3")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("python3 runs");
    // Spark's Java traces come first; the job's own message is the last line.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "python3 {args:?} failed: {}: {}\nstderr:\n{err}",
        out.status,
        err.lines().last().unwrap_or_default()
    );
}

/// Requires the file `name` to be the same in both folders, naming the first
/// line that differs (graph.json.idx is binary: its "lines" are only a hint).
fn same_file(name: &str, spark: &Path, build: &Path) {
    let read = |dir: &Path| fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (a, b) = (read(spark), read(build));
    if a == b {
        return;
    }
    let (a, b) = (String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let at = la.iter().zip(&lb).position(|(x, y)| x != y);
    let at = at.unwrap_or(la.len().min(lb.len()));
    let line = |lines: &[&str]| {
        lines
            .get(at)
            .map(|l| l.chars().take(300).collect::<String>())
    };
    panic!(
        "{name} differs between the Spark job ({} lines) and build ({} lines), first at line {}:\nspark: {:?}\nbuild: {:?}",
        la.len(),
        lb.len(),
        at + 1,
        line(&la),
        line(&lb)
    );
}

#[test]
fn the_spark_job_builds_the_graph_build_builds() {
    need_spark();
    let dir = temp_dir("spark");
    let repo = root();
    let articles = dir.join("articles.jsonl");
    let (spark, build) = (dir.join("spark"), dir.join("build"));
    let path = |p: &Path| p.to_str().unwrap().to_string();

    // The seeds and the articles of the cases (not their gold .json files
    // nor README.md), one record a line, each with its own id.
    let mut cases: Vec<String> = fs::read_dir(repo.join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension() == Some("txt".as_ref()))
        .map(|p| path(&p))
        .collect();
    cases.sort();
    let to_jsonl = path(&repo.join("examples/spark/to_jsonl.py"));
    let seeds = path(&repo.join("seeds"));
    let mut args = vec![to_jsonl.as_str(), seeds.as_str()];
    args.extend(cases.iter().map(String::as_str));
    let out = path(&articles);
    args.extend(["-o", out.as_str()]);
    python(&dir, &args);
    let seed_count = fs::read_dir(repo.join("seeds")).unwrap().count();
    let records = fs::read_to_string(&articles).unwrap().lines().count();
    assert_eq!(records, seed_count + cases.len());

    // Four partitions on two cores: the records of one key are shuffled
    // together from several map tasks.
    python(
        &dir,
        &[
            &path(&repo.join("examples/spark/govgraph_job.py")),
            &path(&articles),
            &path(&spark),
            "--master",
            "local[2]",
            "--partitions",
            "4",
            "--govgraph",
            env!("CARGO_BIN_EXE_govgraph"),
        ],
    );
    run(govgraph()
        .args(["build", "-", "-o", &path(&build), "-q"])
        .stdin(File::open(&articles).unwrap()));

    for name in GRAPH_SET {
        same_file(name, &spark, &build);
    }
    // Every article is in the graph, once.
    let facts = fs::read_to_string(spark.join("graph.facts.jsonl")).unwrap();
    assert_eq!(facts.lines().count(), records);
    let _ = fs::remove_dir_all(&dir);
}
