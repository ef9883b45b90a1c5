//! The `--help` of every command: its examples run on the seed graph, and it
//! speaks to users (no words of the project's own planning).
//!
//! Each page's example lines (`  govgraph …` under "Examples:") run in order
//! through `bash -o pipefail`, with the built binary first on PATH, from a scratch folder
//! laid out as the repository's root (copies of `seeds/`, `graphs/`,
//! `examples/`; `tests/` linked), as a reader would paste them.

mod common;

use common::{path_with_govgraph, repo_scratch};
use std::fs;
use std::path::PathBuf;
use std::process::Command;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_govgraph"))
}

fn help(path: &[String]) -> String {
    let out = Command::new(bin())
        .args(path)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success(), "{path:?} --help fails");
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands a help page lists under "Commands:" (`help` aside).
fn subcommands(page: &str) -> Vec<String> {
    page.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// Every help page: the command path and its text.
fn pages() -> Vec<(Vec<String>, String)> {
    let mut todo = vec![Vec::new()];
    let mut out = Vec::new();
    while let Some(path) = todo.pop() {
        let page = help(&path);
        for sub in subcommands(&page) {
            let mut p = path.clone();
            p.push(sub);
            todo.push(p);
        }
        out.push((path, page));
    }
    out.sort();
    out
}

fn examples(page: &str) -> Vec<String> {
    page.lines()
        .skip_while(|l| !l.starts_with("Examples:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.trim().to_string())
        .filter(|l| l.contains("govgraph "))
        .collect()
}

#[test]
fn every_command_has_examples_and_they_all_run_on_the_seed_graph() {
    let path = path_with_govgraph();
    let mut failures = Vec::new();
    let mut count = 0;
    for (cmd, page) in pages() {
        let examples = examples(&page);
        if !cmd.is_empty() && examples.is_empty() {
            failures.push(format!(
                "govgraph {} --help shows no example",
                cmd.join(" ")
            ));
        }
        let dir = repo_scratch(&format!("help-{}", cmd.join("-")));
        for line in examples {
            count += 1;
            let out = Command::new("bash")
                .args(["-e", "-o", "pipefail", "-c"])
                .arg(&line)
                .current_dir(&dir)
                .env("PATH", &path)
                .env_remove("GOVGRAPH_GRAPH")
                .output()
                .unwrap();
            if !out.status.success() {
                failures.push(format!(
                    "govgraph {} --help: `{line}` exits {}: {}",
                    cmd.join(" "),
                    out.status,
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
        }
        let _ = fs::remove_dir_all(&dir);
    }
    assert!(count > 40, "only {count} examples found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn help_speaks_to_users() {
    let internal = regex::Regex::new(r"(?i)\bissue\b|\bTODO\b|\bFIXME\b|郭亮").unwrap();
    for (cmd, page) in pages() {
        assert!(
            !internal.is_match(&page),
            "govgraph {} --help: {:?}",
            cmd.join(" "),
            internal.find(&page).map(|m| m.as_str())
        );
    }
}
