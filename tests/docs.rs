//! Every example in README.md and docs/*.md runs, and shows what it prints.
//!
//! A ```` ```console ```` block holds commands (`$ govgraph …`) each followed by
//! its standard output. The commands of one file run in order, through `sh`, in
//! a scratch folder holding copies of `seeds/`, `graphs/` and `examples/` (and
//! the repository's `tests/`), as a reader who cloned the repository would run
//! them from its root. Output is compared line by line, trailing spaces aside.
//!
//! After a change of output, `GOVGRAPH_BLESS=1 cargo test --test docs` writes
//! the real outputs into the files (review the diff before committing).

mod common;

use common::{path_with_govgraph, repo_scratch, root};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One `$ command` of a console block: where its output lines are in the file.
struct Example {
    line: usize,
    command: String,
    /// Line range `[start, end)` of the shown output.
    output: (usize, usize),
}

/// The console examples of a Markdown file, in order.
fn examples(lines: &[&str]) -> Vec<Example> {
    let mut out = Vec::new();
    let mut in_console = false;
    let mut current: Option<Example> = None;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_end();
        if !in_console {
            if trimmed == "```console" {
                in_console = true;
            }
            continue;
        }
        let closes = trimmed == "```";
        if (closes || trimmed.starts_with("$ "))
            && let Some(mut ex) = current.take()
        {
            ex.output.1 = i;
            out.push(ex);
        }
        if closes {
            in_console = false;
        } else if let Some(command) = trimmed.strip_prefix("$ ") {
            current = Some(Example {
                line: i + 1,
                command: command.to_string(),
                output: (i + 1, i + 1),
            });
        }
    }
    assert!(
        current.is_none() && !in_console,
        "a console block is not closed"
    );
    out
}

fn normal(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// Runs the examples of one file; returns the mismatches, and with
/// `GOVGRAPH_BLESS` set, rewrites the file with the real outputs.
fn check(file: &Path) -> Vec<String> {
    let text = fs::read_to_string(file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let examples = examples(&lines);
    if examples.is_empty() {
        return Vec::new();
    }
    let name = file.file_stem().unwrap().to_string_lossy().into_owned();
    let dir = repo_scratch(&format!("docs-{name}"));
    let path = path_with_govgraph();
    let bless = std::env::var_os("GOVGRAPH_BLESS").is_some();
    let mut failures = Vec::new();
    let mut replaced: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for ex in &examples {
        let where_ = format!("{}:{}: $ {}", file.display(), ex.line, ex.command);
        assert!(
            ex.command.starts_with("govgraph "),
            "{where_}: a console example runs govgraph (put other commands in a sh block)"
        );
        let out = Command::new("sh")
            .arg("-c")
            .arg(&ex.command)
            .current_dir(&dir)
            .env("PATH", &path)
            .env_remove("GOVGRAPH_GRAPH")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        if !out.status.success() {
            failures.push(format!(
                "{where_}\n  exits {}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ));
            continue;
        }
        let got = normal(&String::from_utf8_lossy(&out.stdout));
        let shown = normal(&lines[ex.output.0..ex.output.1].join("\n"));
        if got != shown {
            let mut msg = format!("{where_}\n  shown:\n");
            for l in &shown {
                msg.push_str(&format!("    {l}\n"));
            }
            msg.push_str("  printed:\n");
            for l in &got {
                msg.push_str(&format!("    {l}\n"));
            }
            failures.push(msg);
            let mut new = got;
            // Keep the blank line that separates this output from the next command.
            if lines[ex.output.0..ex.output.1]
                .last()
                .is_some_and(|l| l.trim().is_empty())
            {
                new.push(String::new());
            }
            replaced.push((ex.output.0, ex.output.1, new));
        }
    }
    if bless && !replaced.is_empty() {
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        for (start, end, new) in replaced {
            out.extend(lines[i..start].iter().map(|l| l.to_string()));
            out.extend(new);
            i = end;
        }
        out.extend(lines[i..].iter().map(|l| l.to_string()));
        fs::write(file, out.join("\n") + "\n").unwrap();
    }
    let _ = fs::remove_dir_all(&dir);
    failures
}

fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

#[test]
fn every_console_example_runs_and_prints_what_it_shows() {
    let mut failures = Vec::new();
    for file in markdown_files() {
        failures.extend(check(&file));
    }
    assert!(
        failures.is_empty(),
        "{} example(s) differ (GOVGRAPH_BLESS=1 rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_readme_is_short_and_shows_its_examples() {
    let text = fs::read_to_string(root().join("README.md")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() < 200, "README.md has {} lines", lines.len());
    assert!(
        examples(&lines).len() >= 5,
        "README.md shows real output of the questions the graph answers"
    );
}

#[test]
fn links_between_the_docs_lead_somewhere() {
    let link = regex::Regex::new(r"\]\(([^)#\s]+)(#[^)]*)?\)").unwrap();
    let mut broken = Vec::new();
    for file in markdown_files() {
        let text = fs::read_to_string(&file).unwrap();
        for cap in link.captures_iter(&text) {
            let target = &cap[1];
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            if !file.parent().unwrap().join(target).exists() {
                broken.push(format!("{}: {target}", file.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to nothing:\n{}",
        broken.join("\n")
    );
}

#[test]
fn a_console_block_is_read_as_commands_and_outputs() {
    let md =
        "x\n```console\n$ govgraph a\none\ntwo\n\n$ govgraph b\n```\n```sh\n$ govgraph c\n```\n";
    let lines: Vec<&str> = md.lines().collect();
    let ex = examples(&lines);
    assert_eq!(ex.len(), 2);
    assert_eq!(
        (ex[0].command.as_str(), ex[0].output),
        ("govgraph a", (3, 6))
    );
    assert_eq!(
        (ex[1].command.as_str(), ex[1].output),
        ("govgraph b", (7, 7))
    );
}
