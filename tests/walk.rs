//! `govgraph build` on folders as real corpora leave them: symbolic links
//! (a loop, one that leads nowhere), a FIFO and a binary file named as
//! articles. Each is skipped with its reason on a warning line of its own, the
//! rest is built, and one last line counts what was read and skipped;
//! `--strict` makes any skip an error, with nothing written.
//!
//! Not tested: a file without read permission, for the tests may run as root,
//! who reads it all the same. The articles are invented: people 甲某某,
//! 乙某某 and 丙某某 of 福田区.

#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
use common::{govgraph, last_line, root, run, stderr, temp_dir, warnings};

const FIRST: &str = "12月11日上午，福田区召开优化营商环境推进会。区委书记甲某某出席会议并讲话，区长乙某某主持会议。";
const SECOND: &str =
    "12月12日，福田区举行重点项目集中开工仪式。区委书记甲某某出席活动，副区长丙某某参加。";

/// Runs `cmd`, which must end within a minute: a build that opened a FIFO
/// or walked a loop would wait or walk for ever, and is killed.
fn run_within_a_minute(cmd: &mut Command) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("govgraph runs");
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("govgraph did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

fn build(inputs: &[&Path], out: &Path, flags: &[&str]) -> Output {
    run_within_a_minute(
        govgraph()
            .arg("build")
            .args(inputs)
            .arg("-o")
            .arg(out)
            .args(["--formats", "json"])
            .args(flags),
    )
}

/// The document nodes' ids of the graph under `dir`.
fn documents(dir: &Path) -> Vec<String> {
    let text = fs::read_to_string(dir.join("graph.json")).unwrap();
    let g: Value = serde_json::from_str(&text).unwrap();
    let nodes = g["nodes"].as_array().unwrap();
    let mut docs: Vec<String> = (nodes.iter())
        .filter(|n| n["kind"] == "document")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    docs.sort();
    docs
}

/// A folder of two articles, one of them in a subfolder.
fn corpus(dir: &Path) -> std::path::PathBuf {
    let corpus = dir.join("corpus");
    fs::create_dir_all(corpus.join("sub")).unwrap();
    fs::write(corpus.join("a.txt"), FIRST).unwrap();
    fs::write(corpus.join("sub/b.txt"), SECOND).unwrap();
    corpus
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn a_symlink_loop_is_reported_with_and_without_follow_links() {
    let dir = temp_dir("loop");
    let corpus = corpus(&dir);
    symlink(&corpus, corpus.join("sub/link")).unwrap();

    let out = build(&[&corpus], &dir.join("plain"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warned = warnings(&out);
    assert_eq!(warned.len(), 1, "{}", stderr(&out));
    assert_eq!(
        warned[0],
        format!(
            "govgraph: warning: skipping {}: symbolic link, not followed (--follow-links follows links)",
            corpus.join("sub/link").display()
        )
    );
    assert_eq!(
        last_line(&out),
        "govgraph: 2 read, 1 skipped: 1 symbolic link not followed"
    );
    assert_eq!(
        documents(&dir.join("plain")),
        ["document:a.txt", "document:sub/b.txt"]
    );

    let out = build(&[&corpus], &dir.join("followed"), &["--follow-links"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warned = warnings(&out);
    assert_eq!(warned.len(), 1, "{}", stderr(&out));
    assert_eq!(
        warned[0],
        format!(
            "govgraph: warning: skipping {}: symbolic link loop (it leads back to {})",
            corpus.join("sub/link").display(),
            corpus.display()
        )
    );
    assert_eq!(
        last_line(&out),
        "govgraph: 2 read, 1 skipped: 1 symbolic link loop"
    );
    assert_eq!(
        documents(&dir.join("followed")),
        ["document:a.txt", "document:sub/b.txt"]
    );
}

#[test]
fn follow_links_reads_what_a_link_leads_to() {
    let dir = temp_dir("follow");
    let corpus = corpus(&dir);
    let elsewhere = dir.join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    // Another text: an article the same as one already read counts once.
    fs::write(elsewhere.join("c.txt"), format!("{SECOND}\n又讯。")).unwrap();
    symlink(&elsewhere, corpus.join("more")).unwrap();
    let out = build(&[&corpus], &dir.join("out"), &["--follow-links"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(warnings(&out).is_empty(), "{}", stderr(&out));
    assert_eq!(
        documents(&dir.join("out")),
        [
            "document:a.txt",
            "document:more/c.txt",
            "document:sub/b.txt"
        ]
    );
}

#[test]
fn a_dangling_symlink_is_skipped_with_its_reason() {
    let dir = temp_dir("dangling");
    let corpus = corpus(&dir);
    let link = corpus.join("gone.txt");
    symlink(corpus.join("removed.txt"), &link).unwrap();
    // A link that leads nowhere and is not named as an article would be is
    // passed over, as such a file would be.
    symlink(corpus.join("removed.png"), corpus.join("gone.png")).unwrap();
    let expected = format!(
        "govgraph: warning: skipping {}: dangling symbolic link (what it points to does not exist)",
        link.display()
    );
    for flags in [&[][..], &["--follow-links"][..]] {
        let out = build(&[&corpus], &dir.join("out"), flags);
        assert!(out.status.success(), "{flags:?}: {}", stderr(&out));
        assert_eq!(warnings(&out), std::slice::from_ref(&expected), "{flags:?}");
        assert_eq!(
            last_line(&out),
            "govgraph: 2 read, 1 skipped: 1 dangling symbolic link"
        );
    }
    // Named on the command line, it is skipped too, not taken for a typo.
    let out = build(&[&link, &corpus.join("a.txt")], &dir.join("named"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(warnings(&out), [expected]);
    assert_eq!(documents(&dir.join("named")), ["document:a.txt"]);
}

#[test]
fn a_fifo_named_as_an_article_is_never_opened() {
    let dir = temp_dir("fifo");
    let corpus = corpus(&dir);
    let fifo = corpus.join("x.txt");
    mkfifo(&fifo);
    let expected = format!(
        "govgraph: warning: skipping {}: not a regular file but a FIFO, so never opened",
        fifo.display()
    );
    let out = build(&[&corpus], &dir.join("out"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(warnings(&out), std::slice::from_ref(&expected));
    assert_eq!(
        last_line(&out),
        "govgraph: 2 read, 1 skipped: 1 not a regular file"
    );
    assert_eq!(
        documents(&dir.join("out")),
        ["document:a.txt", "document:sub/b.txt"]
    );
    // Named on the command line: the same.
    let out = build(&[&fifo, &corpus.join("a.txt")], &dir.join("named"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(warnings(&out), [expected]);
    assert_eq!(documents(&dir.join("named")), ["document:a.txt"]);
}

#[test]
fn the_last_line_counts_what_was_read_and_skipped() {
    let dir = temp_dir("summary");
    let corpus = corpus(&dir);
    // Two binary files named as articles, as a crawler may save images.
    let png = [
        0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ];
    fs::write(corpus.join("logo.txt"), png).unwrap();
    fs::write(corpus.join("sub/banner.html"), png).unwrap();
    // In no encoding read (UTF-8, UTF-16, GB18030, Big5).
    fs::write(corpus.join("sub/broken.md"), [0x81u8, 0x20, 0xff, 0xfe]).unwrap();
    mkfifo(&corpus.join("pipe.txt"));
    symlink(corpus.join("removed.txt"), corpus.join("gone.txt")).unwrap();
    // Hidden entries and files of other kinds are passed over in silence.
    fs::create_dir_all(corpus.join(".git")).unwrap();
    fs::write(corpus.join(".git/index.txt"), png).unwrap();
    fs::write(corpus.join(".draft.txt"), png).unwrap();
    fs::write(corpus.join("photo.jpg"), png).unwrap();
    mkfifo(&corpus.join("sub/pipe.log"));

    let out = build(&[&corpus], &dir.join("out"), &["-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warned = warnings(&out);
    assert_eq!(warned.len(), 5, "{}", stderr(&out));
    let path = |name: &str| corpus.join(name).display().to_string();
    // In the order of their paths: the listing's first, then the reading's.
    assert!(warned[0].contains(&path("gone.txt")), "{}", warned[0]);
    assert!(warned[1].contains(&path("pipe.txt")), "{}", warned[1]);
    assert_eq!(
        warned[2],
        format!(
            "govgraph: warning: skipping {}: not text (binary: it holds NUL bytes)",
            path("logo.txt")
        )
    );
    assert!(
        warned[3].contains(&path("sub/banner.html")),
        "{}",
        warned[3]
    );
    assert_eq!(
        warned[4],
        format!(
            "govgraph: warning: skipping {}: not text in UTF-8, UTF-16, GB18030 or Big5 \
             (at best 3 of its 4 characters invalid, in GB18030)",
            path("sub/broken.md")
        )
    );
    assert_eq!(
        last_line(&out),
        "govgraph: 2 read, 5 skipped: 3 not text, 1 dangling symbolic link, 1 not a regular file"
    );
    assert_eq!(
        documents(&dir.join("out")),
        ["document:a.txt", "document:sub/b.txt"]
    );
    // Nothing skipped: no such line.
    let out = build(&[&corpus.join("sub/b.txt")], &dir.join("clean"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("skipped"), "{}", stderr(&out));
}

#[test]
fn strict_makes_any_skip_an_error_and_writes_nothing() {
    let dir = temp_dir("strict");
    let corpus = corpus(&dir);
    // Found while listing: a FIFO.
    let fifo = corpus.join("x.txt");
    mkfifo(&fifo);
    let out = build(&[&corpus], &dir.join("out"), &["--strict"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        last_line(&out),
        "govgraph: --strict: 1 skipped: 1 not a regular file, so no graph is written"
    );
    assert_eq!(stderr(&out).lines().count(), 2, "{}", stderr(&out));
    assert!(!dir.join("out").exists());

    // Found while reading: a binary file.
    fs::remove_file(&fifo).unwrap();
    fs::write(corpus.join("logo.txt"), [0x89u8, b'P', 0, 0, 0xff]).unwrap();
    let out = build(&[&corpus], &dir.join("out"), &["--strict"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        last_line(&out),
        "govgraph: --strict: 1 skipped: 1 not text, so no graph is written"
    );
    assert!(!dir.join("out").exists());

    // Nothing skipped: built as without it.
    fs::remove_file(corpus.join("logo.txt")).unwrap();
    let out = build(&[&corpus], &dir.join("out"), &["--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        documents(&dir.join("out")),
        ["document:a.txt", "document:sub/b.txt"]
    );
    // The seeds are a clean corpus.
    let seeds = root().join("seeds");
    let out = build(&[&seeds], &dir.join("seeds"), &["--strict", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn the_graph_does_not_depend_on_the_order_files_were_made_in() {
    let dir = temp_dir("order");
    let names = ["b.txt", "a/c.txt", "a.txt", "a-b/d.txt", "c.md"];
    let texts = [FIRST, SECOND, FIRST, SECOND, FIRST];
    let make = |folder: &Path, order: &mut dyn Iterator<Item = usize>| {
        for i in order {
            let path = folder.join(names[i]);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, texts[i]).unwrap();
        }
    };
    let (one, two) = (dir.join("one/corpus"), dir.join("two/corpus"));
    make(&one, &mut (0..names.len()));
    make(&two, &mut (0..names.len()).rev());
    let out = build(&[&one], &dir.join("one/out"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = build(&[&two], &dir.join("two/out"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let graph = |d: &str| fs::read(dir.join(d).join("out/graph.json")).unwrap();
    assert!(graph("one") == graph("two"), "the graphs differ");
}

#[test]
fn help_tells_of_follow_links_and_strict() {
    let out = run(govgraph().args(["build", "--help"]));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--follow-links"), "{help}");
    assert!(help.contains("--strict"), "{help}");
}
