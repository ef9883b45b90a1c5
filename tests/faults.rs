//! The fault battery: each everyday fault of a real corpus, with the message
//! it gives, the exit status, and what is kept.
//!
//! Faults covered elsewhere, by the file that owns them: the directory walk
//! (symbolic link loops, dangling links, FIFOs, `--strict`) in `walk.rs`;
//! encodings (UTF-16, GBK, Big5, invalid bytes) in `encodings.rs`; outputs
//! replaced as a set (unwritable `-o`, disk full, a kill mid-write, stale
//! temporary files) in `outputs.rs`; dates and offsets for any text in
//! `properties.rs`. This file holds the rest: the bounds per article, text
//! that attacks spreadsheets and terminals, file names that clash.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{govgraph, stderr, temp_dir};

const ARTICLE: &str = "12月3日，福田区召开区委常委会会议。区委书记甲某某主持会议。";

fn build(inputs: &[&Path], out_dir: &Path, extra: &[&str]) -> Output {
    govgraph()
        .arg("build")
        .args(inputs)
        .arg("-o")
        .arg(out_dir)
        .args(extra)
        .output()
        .unwrap()
}

fn documents(out_dir: &Path) -> Vec<String> {
    let g: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out_dir.join("graph.json")).unwrap()).unwrap();
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "document")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

fn query(out_dir: &Path, args: &[&str]) -> Output {
    govgraph()
        .arg("query")
        .arg("--graph")
        .arg(out_dir.join("graph.json"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_file_over_the_size_bound_is_skipped_unread_and_the_rest_is_built() {
    let dir = temp_dir("faults-size");
    fs::write(dir.join("small.txt"), ARTICLE).unwrap();
    // 2.5 MiB of one article repeated: over a 1 MiB bound.
    let huge = ARTICLE.repeat((5 << 19) / ARTICLE.len() + 1);
    assert!(huge.len() > 5 << 19 && huge.len() < 3 << 20);
    fs::write(dir.join("huge.txt"), huge).unwrap();
    let out = build(&[&dir], &dir.join("out"), &["--max-file-size", "1M"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("huge.txt: larger than 1 MiB (3 MiB; --max-file-size raises the limit)"),
        "{err}"
    );
    assert!(
        err.contains("govgraph: 1 read, 1 skipped: 1 too large"),
        "{err}"
    );
    assert_eq!(documents(&dir.join("out")), ["document:small.txt"]);
    // A bad size is a usage error.
    let out = build(&[&dir], &dir.join("bad"), &["--max-file-size", "lots"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\"lots\" is not a size"),
        "{}",
        stderr(&out)
    );
    // --strict makes the skip an error, and nothing is written.
    let out = build(
        &[&dir],
        &dir.join("strict"),
        &["--max-file-size", "1M", "--strict"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("strict/graph.json").exists());
}

#[test]
fn an_article_over_the_time_bound_is_skipped_with_its_reason_never_the_build() {
    let dir = temp_dir("faults-time");
    fs::write(dir.join("short.txt"), ARTICLE).unwrap();
    // A chronicle of 40,000 sentences: far more than a millisecond's reading.
    let chronicle: String = (0..40_000)
        .map(|i| {
            format!(
                "{}月{}日，区委书记乙某某调研重点项目。",
                i % 12 + 1,
                i % 28 + 1
            )
        })
        .collect();
    fs::write(dir.join("chronicle.txt"), chronicle).unwrap();
    let out = build(&[&dir], &dir.join("out"), &["--max-file-seconds", "0.001"]);
    let err = stderr(&out);
    // Both may overrun a millisecond; the chronicle surely does, and the
    // build goes on all the same.
    assert!(
        err.contains(
            "chronicle.txt: took longer than 0.001 s to read, so left out \
             (--max-file-seconds raises the limit)"
        ),
        "{err}"
    );
    assert!(err.contains("too slow to read"), "{err}");
    assert!(matches!(out.status.code(), Some(0) | Some(1)), "{err}");
    // With the default bound both are read.
    let out = build(&[&dir], &dir.join("all"), &["-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(documents(&dir.join("all")).len(), 2);
    let out = build(&[&dir], &dir.join("bad"), &["--max-file-seconds", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_formula_in_an_article_reaches_no_spreadsheet_and_neo4j_keeps_the_text() {
    let dir = temp_dir("faults-formula");
    fs::write(
        dir.join("a.txt"),
        "12月3日，福田区举行=1+1发布会。区委书记甲某某出席=1+1发布会。",
    )
    .unwrap();
    let out = build(&[&dir], &dir.join("out"), &["-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = query(
        &dir.join("out"),
        &["attended", "--person", "甲某某", "--format", "csv"],
    );
    let csv = String::from_utf8(csv.stdout).unwrap();
    let event = csv.lines().nth(1).unwrap().split(',').nth(4).unwrap();
    assert!(event.starts_with("\"'="), "{csv}");
    // The Neo4j export keeps the value, quoted.
    let neo = dir.join("neo4j");
    let out = govgraph()
        .args(["export", "--format", "neo4j", "--graph"])
        .arg(dir.join("out/graph.json"))
        .arg("-o")
        .arg(&neo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let nodes = fs::read_to_string(neo.join("nodes.csv")).unwrap();
    assert!(!nodes.contains("'="), "{nodes}");
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_terminal() {
    let dir = temp_dir("faults-escape");
    // A few escape sequences in a page of text (more would make it "not text").
    let page = format!(
        "12月3日，福田区召开\u{1b}[2J\u{1b}]0;pwned\u{7}区委常委会会议。区委书记甲某某主持会议。\n{}",
        "会议强调，要抓紧抓实各项工作，确保全年目标任务圆满完成。".repeat(20)
    );
    fs::write(dir.join("a.txt"), page).unwrap();
    let out = build(&[&dir], &dir.join("out"), &["-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = query(
        &dir.join("out"),
        &["attended", "--person", "甲某某", "--evidence"],
    );
    assert_eq!(table.status.code(), Some(0));
    assert!(!table.stdout.iter().any(|b| *b == 0x1b || *b == 0x07));
    assert!(String::from_utf8_lossy(&table.stdout).contains("甲某某"));
}

#[test]
fn files_of_one_name_in_two_inputs_are_named_apart_whatever_the_order() {
    let dir = temp_dir("faults-names");
    for (folder, district) in [("X", "福田区"), ("Y", "罗湖区")] {
        fs::create_dir_all(dir.join(folder)).unwrap();
        fs::write(
            dir.join(folder).join("a.txt"),
            format!("12月3日，{district}召开区委常委会会议。区委书记甲某某主持会议。"),
        )
        .unwrap();
    }
    let (x, y) = (dir.join("X"), dir.join("Y"));
    for (order, out_dir) in [([&x, &y], "xy"), ([&y, &x], "yx")] {
        let out = build(&order.map(|p| p.as_path()), &dir.join(out_dir), &["-q"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(
            documents(&dir.join(out_dir)),
            ["document:X/a.txt", "document:Y/a.txt"]
        );
    }
    assert_eq!(
        fs::read(dir.join("xy/graph.json")).unwrap(),
        fs::read(dir.join("yx/graph.json")).unwrap()
    );
    // No evidence names a path of this machine.
    let json = fs::read_to_string(dir.join("xy/graph.json")).unwrap();
    assert!(!json.contains(dir.to_str().unwrap()));
}

#[test]
fn an_absurd_year_dates_nothing_and_is_never_clamped() {
    let dir = temp_dir("faults-years");
    fs::write(
        dir.join("a.txt"),
        "9999年12月31日，福田区召开区委常委会会议。区委书记甲某某主持会议。次日，甲某某出席签约仪式。",
    )
    .unwrap();
    let out = build(&[&dir], &dir.join("out"), &["-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = fs::read_to_string(dir.join("out/graph.json")).unwrap();
    for year in ["9999-", "10000-", "2100-12-31", "2101-"] {
        assert!(!json.contains(year), "{year} in {json}");
    }
}
