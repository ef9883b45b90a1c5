//! What the integration tests that run the built binary share.

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
