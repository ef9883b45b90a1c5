//! `govgraph build` on articles in every encoding a Chinese news corpus holds:
//! UTF-8 with and without its byte-order mark, UTF-16LE and UTF-16BE after
//! theirs, GBK, GB18030 and Big5 (a Traditional-character version), as whole
//! files and as records (JSON lines, CSV, standard input). Each is built, and
//! the person and the meeting are found in the graph. A few invalid bytes are
//! replaced with one warning; a binary file is skipped as not text and
//! counted on the last line.
//!
//! The bytes are made by `encoding_rs` (UTF-16 by hand: the Encoding Standard
//! encodes no UTF-16). The article is invented: 张某某 of 福田区.

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::Output;

mod common;
use common::{govgraph, last_line, run, stderr, temp_dir, warnings, with_stdin};

const SIMPLIFIED: &str = "12月3日，福田区召开区委常委会会议。区委书记张某某主持会议。";
const TRADITIONAL: &str = "12月3日，福田區召開區委常委會會議。區委書記張某某主持會議。";

/// The row `attended --person 张某某` answers for the article, in whatever
/// script it was written.
const CHAIRED: &str = ",chaired,福田区,区委书记,区委常委会会议";

fn encoded(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{text} in {}", encoding.name());
    bytes.into_owned()
}

/// UTF-16 after its byte-order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

fn with_bom(text: &str) -> Vec<u8> {
    [b"\xEF\xBB\xBF", text.as_bytes()].concat()
}

/// The article in each encoding, named after it.
fn versions() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("utf8", SIMPLIFIED.as_bytes().to_vec()),
        ("utf8-bom", with_bom(SIMPLIFIED)),
        ("utf16le", utf16(SIMPLIFIED, false)),
        ("utf16be", utf16(SIMPLIFIED, true)),
        ("gbk", encoded(encoding_rs::GBK, SIMPLIFIED)),
        ("gb18030", encoded(encoding_rs::GB18030, SIMPLIFIED)),
        ("big5", encoded(encoding_rs::BIG5, TRADITIONAL)),
    ]
}

fn build(inputs: &[&Path], out: &Path) -> Output {
    govgraph()
        .arg("build")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(["--formats", "json", "-q"])
        .output()
        .expect("govgraph runs")
}

/// The rows of `attended --person 张某某` in the graph under `dir`.
fn attended(dir: &Path) -> Vec<String> {
    let out = run(govgraph()
        .arg("query")
        .arg("--graph")
        .arg(dir.join("graph.json"))
        .args(["attended", "--person", "张某某", "--format", "csv"]));
    let csv = String::from_utf8(out.stdout).expect("UTF-8 answer");
    csv.lines().skip(1).map(String::from).collect()
}

#[test]
fn the_article_is_read_in_every_encoding() {
    let dir = temp_dir("each");
    for (name, bytes) in versions() {
        let file = dir.join(format!("{name}.txt"));
        fs::write(&file, &bytes).unwrap();
        let out_dir = dir.join(format!("out-{name}"));
        let out = build(&[&file], &out_dir);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(warnings(&out), Vec::<String>::new(), "{name}");
        assert_eq!(attended(&out_dir), [CHAIRED], "{name}");
    }
}

#[test]
fn one_bad_byte_is_replaced_with_a_warning() {
    let dir = temp_dir("bad-byte");
    let news = dir.join("news");
    fs::create_dir_all(&news).unwrap();
    // A stray byte after the meeting, as a truncated copy leaves one.
    let mut bytes = SIMPLIFIED.as_bytes().to_vec();
    let at = SIMPLIFIED.find("区委书记").unwrap();
    bytes.insert(at, 0xFF);
    let file = news.join("a.txt");
    fs::write(&file, &bytes).unwrap();
    let out = build(&[&news], &dir.join("out"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        warnings(&out),
        [format!(
            "govgraph: warning: {}: 1 invalid byte replaced (UTF-8)",
            file.display()
        )]
    );
    // Nothing skipped: no last line counting skips.
    assert!(!stderr(&out).contains("skipped"), "{}", stderr(&out));
    assert_eq!(attended(&dir.join("out")), [CHAIRED]);
}

#[test]
fn binary_is_skipped_and_the_last_line_counts_it() {
    let dir = temp_dir("summary");
    let corpus = dir.join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    for (name, bytes) in versions() {
        fs::write(corpus.join(format!("{name}.txt")), bytes).unwrap();
    }
    // A crawler's image saved as a page, and a PDF without a NUL byte.
    let png = [
        0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
    ];
    fs::write(corpus.join("logo.html"), png).unwrap();
    fs::write(corpus.join("report.txt"), b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n").unwrap();
    // UTF-8 with one bad byte: read, with a warning.
    let mut damaged = SIMPLIFIED.as_bytes().to_vec();
    damaged.push(0x80);
    fs::write(corpus.join("z.txt"), damaged).unwrap();

    let out = build(&[&corpus], &dir.join("out"));
    assert!(out.status.success(), "{}", stderr(&out));
    let path = |name: &str| corpus.join(name).display().to_string();
    assert_eq!(
        warnings(&out),
        [
            format!(
                "govgraph: warning: {}: 1 invalid byte replaced (UTF-8)",
                path("z.txt")
            ),
            format!(
                "govgraph: warning: skipping {}: not text (binary: it holds NUL bytes)",
                path("logo.html")
            ),
            format!(
                "govgraph: warning: skipping {}: not text (binary: a PDF document)",
                path("report.txt")
            ),
        ]
    );
    assert_eq!(last_line(&out), "govgraph: 8 read, 2 skipped: 2 not text");
    // Eight articles, one meeting: the same in every encoding.
    assert_eq!(attended(&dir.join("out")), [CHAIRED]);
}

#[test]
fn records_are_decoded_as_files_are() {
    let dir = temp_dir("records");
    let line = |text: &str| format!("{{\"id\": \"a1\", \"text\": \"{text}\"}}\n");
    let row = |text: &str| format!("id,text\na1,{text}\n");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("gbk.jsonl", encoded(encoding_rs::GBK, &line(SIMPLIFIED))),
        ("big5.jsonl", encoded(encoding_rs::BIG5, &line(TRADITIONAL))),
        ("utf16le.jsonl", utf16(&line(SIMPLIFIED), false)),
        ("utf16be.jsonl", utf16(&line(SIMPLIFIED), true)),
        ("utf8-bom.jsonl", with_bom(&line(SIMPLIFIED))),
        ("gbk.csv", encoded(encoding_rs::GBK, &row(SIMPLIFIED))),
        ("big5.csv", encoded(encoding_rs::BIG5, &row(TRADITIONAL))),
        ("utf16le.csv", utf16(&row(SIMPLIFIED), false)),
        ("utf8-bom.csv", with_bom(&row(SIMPLIFIED))),
    ];
    for (name, bytes) in cases {
        let file = dir.join(name);
        fs::write(&file, &bytes).unwrap();
        let out_dir = dir.join(format!("out-{name}"));
        let out = build(&[&file], &out_dir);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(warnings(&out), Vec::<String>::new(), "{name}");
        assert_eq!(attended(&out_dir), [CHAIRED], "{name}");
        let graph = fs::read_to_string(out_dir.join("graph.json")).unwrap();
        assert!(graph.contains("\"document:a1\""), "{name}: no document a1");
    }

    // Lines of one file in two encodings, and one with a bad byte in its
    // text.
    let last = line(SIMPLIFIED);
    let at = last.find("福田").unwrap();
    let mixed = [
        encoded(encoding_rs::GBK, &line(SIMPLIFIED)),
        line("12月4日，罗湖区召开会议。区委书记李某某主持会议。").into_bytes(),
        [&last.as_bytes()[..at], b"\xFF", &last.as_bytes()[at..]].concat(),
    ]
    .concat();
    let file = dir.join("mixed.jsonl");
    fs::write(&file, mixed).unwrap();
    let out = build(&[&file], &dir.join("out-mixed"));
    assert!(out.status.success(), "{}", stderr(&out));
    let warned = warnings(&out);
    // The ids repeat (told of), the bad byte is replaced (told of).
    let replaced: Vec<&String> = warned.iter().filter(|w| w.contains("replaced")).collect();
    assert_eq!(
        replaced,
        [&format!(
            "govgraph: warning: {}:3: 1 invalid byte replaced (UTF-8)",
            file.display()
        )],
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("skipped"), "{}", stderr(&out));
}

#[test]
fn standard_input_in_utf16_is_read() {
    let dir = temp_dir("stdin");
    for (name, bytes) in [
        ("article", utf16(SIMPLIFIED, false)),
        (
            "lines",
            utf16(&format!("{{\"text\": \"{SIMPLIFIED}\"}}\n"), true),
        ),
    ] {
        let out_dir = dir.join(name);
        let out = with_stdin(
            govgraph()
                .args(["build", "-", "-o"])
                .arg(&out_dir)
                .args(["--formats", "json", "-q"]),
            &bytes,
        );
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(warnings(&out), Vec::<String>::new(), "{name}");
        assert_eq!(attended(&out_dir), [CHAIRED], "{name}");
    }
}
