//! The baseline of `scripts/bench.sh`: plain jieba-rs segmentation of the same
//! bytes `govgraph build` reads, on one thread.
//!
//! Building a graph segments every article and then does more (mentions, dates,
//! posts, projects, the graph itself), so a build that runs slower than plain
//! segmentation of its input spends most of its time somewhere other than the one
//! step it cannot avoid. This program gives that floor: it lists and decodes the
//! articles with govgraph's own reader (`govgraph::read`: folders recursively,
//! sorted, `.txt`, `.md`, `.html`, UTF-8 or else GB18030) and runs
//! `Jieba::new().cut(text, true)` over each file's whole text.
//!
//!     cargo run --release --example cut -- seeds
//!     target/release/examples/cut target/bench/copies-10
//!
//! The dictionary is loaded once, before the clock starts; the clock covers
//! reading, decoding and cutting. It prints one line:
//!
//!     bytes=N seconds=S mb_per_s=X words=W
//!
//! `bytes` counts the files cut, as stored on disk, `mb_per_s` is in 10^6 bytes a
//! second, and `words` (the number of tokens) is a checksum that keeps the work
//! from being optimised away. Errors print one line on stderr and exit 1.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use govgraph::read::{list_inputs, read_entry};
use jieba_rs::Jieba;

fn main() -> ExitCode {
    match run() {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("cut: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let inputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() || inputs.iter().any(|p| p == "-h" || p == "--help") {
        return Err(
            "usage: cut DIR_OR_FILE... (segments .txt/.md/.html files with jieba-rs on one thread)"
                .into(),
        );
    }
    let entries = list_inputs(&inputs).map_err(|e| e.to_string())?;
    if entries.is_empty() {
        return Err("no .txt, .md or .html files in the inputs".into());
    }

    let jieba = Jieba::new();
    let start = Instant::now();
    let mut bytes: u64 = 0;
    let mut words: u64 = 0;
    for entry in &entries {
        match read_entry(entry) {
            Ok(file) => {
                bytes += std::fs::metadata(&file.path).map_or(0, |m| m.len());
                words += jieba.cut(&file.text, true).len() as u64;
            }
            Err(skipped) => eprintln!("cut: {skipped}"),
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let mb_per_s = if seconds > 0.0 {
        bytes as f64 / 1e6 / seconds
    } else {
        0.0
    };
    Ok(format!(
        "bytes={bytes} seconds={seconds:.3} mb_per_s={mb_per_s:.3} words={words}"
    ))
}
