//! Which graph `query`, `export` and `changes` read, and what `build` shows
//! while it works, run as the real binary in temporary working folders.
//!
//! The graph read is `--graph FILE`, else `$GOVGRAPH_GRAPH`, else the graph
//! the last `govgraph build -o DIR` in the working folder wrote (its path in
//! `.govgraph`), else `graphs/graph.json`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{govgraph, root, run, temp_dir};

/// `govgraph ARGS...` in `dir`, with no `$GOVGRAPH_GRAPH` unless set after.
fn in_dir(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = govgraph();
    cmd.args(args).current_dir(dir).env_remove("GOVGRAPH_GRAPH");
    cmd
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Builds the seeds in `dir` into `out` (relative), quietly.
fn build_seeds(dir: &Path, out: &str) {
    let seeds = root().join("seeds").display().to_string();
    run(&mut in_dir(dir, &["build", &seeds, "-o", out, "-q"]));
}

/// The fixture graph of tests/query: another graph than the seeds'.
fn fixture() -> String {
    root()
        .join("tests/query/fixture.json")
        .display()
        .to_string()
}

/// The questions that read a graph, one per command.
const QUESTIONS: &[&[&str]] = &[
    &["query", "stats", "--format", "json"],
    &["changes", "--format", "json"],
    &["export", "--format", "json"],
];

/// Each question's answer, run by `cmd`.
fn answers(cmd: impl Fn(&[&str]) -> Command) -> Vec<String> {
    QUESTIONS
        .iter()
        .map(|q| {
            let out = cmd(q).output().unwrap();
            assert!(out.status.success(), "{q:?}: {}", stderr(&out));
            stdout(&out)
        })
        .collect()
}

/// `args` with `--graph PATH` after the command.
fn with_graph<'a>(args: &[&'a str], path: &'a str) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.splice(1..1, ["--graph", path]);
    all
}

#[test]
fn build_records_its_graph_and_the_commands_read_it() {
    let dir = temp_dir("recorded");
    build_seeds(&dir, "out");
    let state = fs::read_to_string(dir.join(".govgraph")).expect(".govgraph written");
    assert_eq!(state, "out/graph.json\n");
    // No temporary file is left behind.
    let left: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let recorded = answers(|q| in_dir(&dir, q));
    let named = answers(|q| in_dir(&dir, &with_graph(q, "out/graph.json")));
    assert_eq!(recorded, named);
    // Not graphs/graph.json, which does not exist here.
    assert!(!dir.join("graphs").exists());
    // A later build elsewhere is the graph from then on.
    build_seeds(&dir, "second");
    assert_eq!(
        fs::read_to_string(dir.join(".govgraph")).unwrap(),
        "second/graph.json\n"
    );
    fs::remove_dir_all(dir.join("out")).unwrap();
    assert_eq!(answers(|q| in_dir(&dir, q)), named);
}

#[test]
fn the_environment_wins_over_the_state_file_and_the_option_over_both() {
    let dir = temp_dir("precedence");
    build_seeds(&dir, "out");
    let fixture = fixture();
    let of_fixture = answers(|q| in_dir(&dir, &with_graph(q, &fixture)));
    let of_seeds = answers(|q| in_dir(&dir, q));
    assert_ne!(of_fixture, of_seeds, "two different graphs");
    // $GOVGRAPH_GRAPH over .govgraph.
    let by_env = answers(|q| {
        let mut cmd = in_dir(&dir, q);
        cmd.env("GOVGRAPH_GRAPH", &fixture);
        cmd
    });
    assert_eq!(by_env, of_fixture);
    // --graph over $GOVGRAPH_GRAPH.
    let by_option = answers(|q| {
        let mut cmd = in_dir(&dir, &with_graph(q, "out/graph.json"));
        cmd.env("GOVGRAPH_GRAPH", &fixture);
        cmd
    });
    assert_eq!(by_option, of_seeds);
    // An empty variable is no variable.
    let empty = answers(|q| {
        let mut cmd = in_dir(&dir, q);
        cmd.env("GOVGRAPH_GRAPH", "");
        cmd
    });
    assert_eq!(empty, of_seeds);
}

#[test]
fn without_a_state_file_the_default_graph_is_read() {
    let dir = temp_dir("default");
    // Nothing here: the error names graphs/graph.json.
    let out = in_dir(&dir, &["query", "stats"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("reading graphs/graph.json"), "{err}");
    // A build into the default folder is read too.
    build_seeds(&dir, "graphs");
    assert_eq!(
        fs::read_to_string(dir.join(".govgraph")).unwrap(),
        "graphs/graph.json\n"
    );
    fs::remove_file(dir.join(".govgraph")).unwrap();
    let default = answers(|q| in_dir(&dir, q));
    let named = answers(|q| in_dir(&dir, &with_graph(q, "graphs/graph.json")));
    assert_eq!(default, named);
}

#[test]
fn a_recorded_graph_that_is_gone_is_an_error_naming_the_state_file() {
    let dir = temp_dir("gone");
    fs::write(dir.join(".govgraph"), "nowhere/graph.json\n").unwrap();
    for q in QUESTIONS {
        let out = in_dir(&dir, q).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{q:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("nowhere/graph.json") && err.contains(".govgraph"),
            "{q:?}: {err}"
        );
    }
    // The environment's graph is named as such.
    let out = in_dir(&dir, &["query", "stats"])
        .env("GOVGRAPH_GRAPH", "elsewhere.json")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(
        err.contains("elsewhere.json") && err.contains("GOVGRAPH_GRAPH"),
        "{err}"
    );
}

#[test]
fn a_build_without_graph_json_records_nothing() {
    let dir = temp_dir("dot-only");
    let seeds = root().join("seeds").display().to_string();
    run(&mut in_dir(
        &dir,
        &["build", &seeds, "-o", "out", "--formats", "dot", "-q"],
    ));
    assert!(dir.join("out/graph.dot").exists());
    assert!(!dir.join(".govgraph").exists());
}

#[test]
fn the_help_says_which_graph_is_read() {
    for args in [
        &["query", "--help"][..],
        &["changes", "--help"][..],
        &["export", "--help"][..],
    ] {
        let out = run(govgraph().args(args));
        let text = stdout(&out);
        for word in ["GOVGRAPH_GRAPH", ".govgraph", "graphs/graph.json"] {
            assert!(text.contains(word), "{args:?} lacks {word}:\n{text}");
        }
    }
}

#[test]
fn a_piped_build_draws_no_progress_bar() {
    let dir = temp_dir("piped");
    let seeds = root().join("seeds").display().to_string();
    let out = run(&mut in_dir(&dir, &["build", &seeds, "-o", "out"]));
    let err = stderr(&out);
    // Only whole lines of govgraph's, the summary among them.
    assert!(
        !err.contains('\r') && !err.contains('\u{1b}'),
        "terminal control in piped stderr: {err:?}"
    );
    for bar in ["=>", "articles/s", "MB/s"] {
        assert!(!err.contains(bar), "a progress bar in piped stderr: {err}");
    }
    assert!(err.lines().all(|l| l.starts_with("govgraph: ")), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains(" nodes, ") && l.contains(" edges")),
        "the summary line: {err}"
    );
    // --quiet: nothing.
    let out = run(&mut in_dir(&dir, &["build", &seeds, "-o", "out", "-q"]));
    assert_eq!(stderr(&out), "");
}
