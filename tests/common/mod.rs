//! What the integration tests that run the built binary share.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

/// The built `govgraph` binary.
pub fn govgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govgraph"))
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
