//! What the integration tests that run the built binary share.

// Each test file uses a part of this module.
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

/// The built `govgraph` binary, run from the system's temporary folder: a
/// build records its output as the current graph in the working folder
/// (`.govgraph`), which must not be the repository's. Tests pass absolute paths.
pub fn govgraph() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_govgraph"));
    cmd.current_dir(std::env::temp_dir());
    cmd
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh temporary folder for one test, named after its test file.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "govgraph-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `cmd` with `input` on its standard input (and its output captured).
pub fn with_stdin(cmd: &mut Command, input: impl AsRef<[u8]>) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("govgraph runs");
    // A child that fails on its arguments exits before it reads: the pipe
    // breaks, and its output still tells what happened.
    if let Err(e) = child.stdin.take().expect("stdin").write_all(input.as_ref()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

/// Runs `cmd` and requires it to succeed.
pub fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("govgraph runs");
    assert!(
        out.status.success(),
        "govgraph failed: {}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A fresh folder laid out as the repository's root, as a reader who cloned
/// it would run examples from: copies of `seeds/`, `graphs/` and `examples/`,
/// and `tests/` linked (read only).
pub fn repo_scratch(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for sub in ["seeds", "graphs", "examples"] {
        copy_tree(&root().join(sub), &dir.join(sub));
    }
    std::os::unix::fs::symlink(root().join("tests"), dir.join("tests")).unwrap();
    dir
}

/// `PATH` with the built binary's folder first, so that `govgraph` in a
/// shell line is the one under test.
pub fn path_with_govgraph() -> String {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_govgraph"));
    format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A run's standard error, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The warnings of a build's stderr.
pub fn warnings(out: &Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with("govgraph: warning:"))
        .map(String::from)
        .collect()
}

/// The last line of stderr.
pub fn last_line(out: &Output) -> String {
    stderr(out).lines().last().unwrap_or_default().to_string()
}
