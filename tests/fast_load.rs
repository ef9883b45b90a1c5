//! `govgraph query` through graph.json's sidecar (graph.json.idx), run as the
//! real binary: every question, in every format, must print exactly what it
//! prints from graph.json alone; a stale or damaged sidecar must be ignored.
//!
//! Each graph is kept twice: `with/graph.json` beside its sidecar, and
//! `without/graph.json`, the same bytes alone. The library's
//! `sidecar::load` shows that the first is really read through its sidecar.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use govgraph::graph::sidecar::{self, Wanted};
use serde_json::json;

mod common;
use common::{govgraph, root, run, temp_dir};

/// `govgraph query --graph GRAPH ARGS...`.
fn query(graph: &Path, args: &[&str]) -> Output {
    govgraph()
        .arg("query")
        .arg("--graph")
        .arg(graph)
        .args(args)
        .output()
        .expect("govgraph runs")
}

/// The seed articles built once, with the sidecar `build` writes, and a copy
/// of graph.json without it.
fn seeds() -> &'static (PathBuf, PathBuf) {
    static SEEDS: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = temp_dir("seeds");
        run(govgraph()
            .arg("build")
            .arg(root().join("seeds"))
            .arg("-o")
            .arg(dir.join("with"))
            .arg("-q"));
        twins(&dir)
    })
}

/// `dir/with/graph.json` (with its sidecar) and `dir/without/graph.json`, a copy.
fn twins(dir: &Path) -> (PathBuf, PathBuf) {
    let with = dir.join("with/graph.json");
    let without = dir.join("without/graph.json");
    fs::create_dir_all(without.parent().unwrap()).unwrap();
    fs::copy(&with, &without).unwrap();
    assert!(
        sidecar::path_for(&with).is_file(),
        "no sidecar beside {}",
        with.display()
    );
    assert!(!sidecar::path_for(&without).exists());
    (with, without)
}

/// Questions over the seed graph, each asked in every format below.
const SEED_QUESTIONS: &[&[&str]] = &[
    &["officials"],
    &["officials", "--district", "福田区"],
    &["officials", "--district", "龙岗区", "--on", "2024-04-24"],
    &["officials", "--district", "坪山", "--on", "2024年12月11日"],
    &["attended", "--person", "黄伟"],
    &[
        "attended",
        "--person",
        "黄伟",
        "--from",
        "2024-12-01",
        "--to",
        "2024-12-31",
    ],
    &["attended", "--person", "王守睿", "--relation", "chaired"],
    &["attendees", "--date", "2024-12-13", "--district", "宝安区"],
    &["attendees", "--date", "2024-04-23"],
    &["attendees", "--event", "区委常委会会议"],
    &["met", "--person", "黄伟"],
    &["met", "--person", "邱浩航"],
    &["path", "黄伟", "王守睿"],
    &["path", "黄伟", "宝安区"],
    &["path", "黄伟", "黄伟"],
    &["neighbors", "福田区"],
    &["neighbors", "黄伟", "--depth", "2"],
    &["neighbors", "福田区", "--relation", "holds_post"],
    &["projects"],
    &["projects", "--district", "坪山区"],
    &["events"],
    &["events", "--district", "福田区"],
    &["events", "--from", "2024-12-01", "--to", "2024-12-31"],
    &["stats"],
    &["find", "福田"],
    &["find", "会议"],
    &["career", "--person", "余锡权"],
    &["career", "--person", "黄伟"],
    &["changes"],
    &["changes", "--district", "龙岗区", "--from", "2024-12-01"],
    // Errors must read the same too.
    &["attended", "--person", "无此人"],
    &["officials", "--on", "2024-02-30"],
    &["path", "黄伟", "无此地"],
    &["neighbors", "福田区", "--relation", "likes"],
];

/// Every format: table, CSV and JSON, tables and CSV also with --evidence.
const FORMATS: &[&[&str]] = &[
    &[],
    &["--evidence"],
    &["--format", "csv"],
    &["--format", "csv", "--evidence"],
    &["--format", "json"],
];

/// Asks every question in every format of both twins, and of `also` (graphs
/// whose sidecar must be ignored), and asserts that all print the same.
fn assert_same_answers(with: &Path, without: &Path, also: &[&Path], questions: &[&[&str]]) {
    let mut compared = 0;
    for q in questions {
        for f in FORMATS {
            let args: Vec<&str> = q.iter().chain(f.iter()).copied().collect();
            let want = query(without, &args);
            for graph in std::iter::once(with).chain(also.iter().copied()) {
                let got = query(graph, &args);
                let show = |o: &Output| {
                    format!(
                        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
                        o.status.code(),
                        String::from_utf8_lossy(&o.stdout),
                        String::from_utf8_lossy(&o.stderr)
                    )
                };
                // Error messages name the file read: the same up to its path.
                let err = |o: &Output, g: &Path| {
                    String::from_utf8_lossy(&o.stderr).replace(&g.display().to_string(), "GRAPH")
                };
                assert!(
                    got.stdout == want.stdout
                        && err(&got, graph) == err(&want, without)
                        && got.status.code() == want.status.code(),
                    "govgraph query {} differs on {}\n=== with the sidecar:\n{}\n=== from graph.json:\n{}",
                    args.join(" "),
                    graph.display(),
                    show(&got),
                    show(&want)
                );
                compared += 1;
            }
        }
    }
    assert!(compared >= questions.len() * FORMATS.len());
}

#[test]
fn every_question_reads_the_same_through_the_sidecar() {
    let (with, without) = seeds();
    assert!(
        sidecar::load(with, &Wanted::default()).is_some(),
        "the sidecar is used"
    );
    assert!(sidecar::load(with, &Wanted::everything()).is_some());
    assert_same_answers(with, without, &[], SEED_QUESTIONS);
}

#[test]
fn answers_show_evidence_of_the_sidecar_graph() {
    // Not vacuous: the seed answers do carry sentences.
    let (with, _) = seeds();
    let out = run(govgraph().arg("query").arg("--graph").arg(with).args([
        "events",
        "--district",
        "福田区",
        "--evidence",
    ]));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("福田"), "{text}");
    assert!(!text.contains('\0'), "a placeholder leaked: {text}");
    assert!(text.contains(".txt]"), "no evidence shown: {text}");
}

/// A graph written by hand to stress the sentences: quotes, backslashes,
/// control characters, commas, line separators, sentences shared by several
/// facts, and facts of one document and span read from different sentences.
fn tricky_graph() -> serde_json::Value {
    let ev = |doc: &str, start: usize, text: &str| json!({"doc": doc, "start": start, "end": start + 5, "text": text});
    let shared = "区委书记黄伟参加，“会议”说：\\n \"quoted\"\t tab\u{2028}ls, comma";
    json!({
        "format": "govgraph-1",
        "directed": true,
        "multigraph": true,
        "nodes": [
            {"id": "district:福田区", "kind": "district", "name": "福田区", "aliases": ["福田"],
             "city": "深圳市", "province": "广东省", "code": "440304", "pinyin": "Futian District"},
            {"id": "event:2024-12-11:福田区:发布会", "kind": "event", "name": "发布会",
             "date": "2024-12-11", "end_date": "2024-12-12",
             "evidence": [ev("b.txt", 1, "Z 最后一句"), ev("a.txt", 1, shared), ev("a.txt", 1, "A 同一处的另一句")]},
            {"id": "person:黄伟", "kind": "person", "name": "黄伟", "roles": ["编辑"]},
            {"id": "person:吴海峰", "kind": "person", "name": "吴海峰"},
            {"id": "project:正奇未来城项目", "kind": "project", "name": "正奇未来城项目",
             "first_seen": "2024-03-01", "last_seen": "2024-12-10",
             "stages": [{"date": "2024-12-10", "stage": "封顶", "doc": "c.txt"}, {"stage": "开工", "doc": "c.txt"}],
             "evidence": [ev("c.txt", 9, "正奇未来城项目封顶。")]}
        ],
        "edges": [
            {"source": "event:2024-12-11:福田区:发布会", "target": "district:福田区", "relation": "held_in"},
            {"source": "event:2024-12-11:福田区:发布会", "target": "project:正奇未来城项目", "relation": "concerns"},
            {"source": "person:吴海峰", "target": "event:2024-12-11:福田区:发布会", "relation": "attended",
             "date": "2024-12-11", "evidence": [ev("a.txt", 1, shared), ev("d.txt", 3, "吴海峰出席。")]},
            {"source": "person:黄伟", "target": "district:福田区", "relation": "holds_post", "title": "区委书记",
             "first_seen": "2024-04-23", "last_seen": "2024-12-12",
             "evidence": [ev("a.txt", 1, shared), ev("b.txt", 2, "黄伟, \"书记\"")]},
            {"source": "person:黄伟", "target": "event:2024-12-11:福田区:发布会", "relation": "chaired",
             "date": "2024-12-11", "evidence": [ev("a.txt", 1, shared)]},
            {"source": "project:正奇未来城项目", "target": "district:福田区", "relation": "located_in",
             "evidence": [ev("c.txt", 9, "正奇未来城项目封顶。"), ev("c.txt", 9, "位于福田。")]}
        ]
    })
}

#[test]
fn tricky_sentences_read_the_same() {
    let dir = temp_dir("tricky");
    let source = dir.join("source.json");
    fs::write(
        &source,
        serde_json::to_string_pretty(&tricky_graph()).unwrap(),
    )
    .unwrap();
    // `export --format json` writes graph.json and its sidecar, as `build` does.
    run(govgraph()
        .arg("export")
        .arg("--graph")
        .arg(&source)
        .args(["--format", "json", "-o"])
        .arg(dir.join("with")));
    let (with, without) = twins(&dir);
    assert!(sidecar::load(&with, &Wanted::everything()).is_some());
    let questions: &[&[&str]] = &[
        &["officials"],
        &["attended", "--person", "黄伟"],
        &["attendees", "--date", "2024-12-12"],
        &["events"],
        &["projects"],
        &["path", "吴海峰", "正奇未来城项目"],
        &["stats"],
        &["find", "福"],
    ];
    assert_same_answers(&with, &without, &[], questions);
}

#[test]
fn a_sidecar_is_deterministic_and_written_by_export_too() {
    let dir = temp_dir("determinism");
    run(govgraph()
        .arg("build")
        .arg(root().join("seeds"))
        .arg("-o")
        .arg(&dir)
        .arg("-q"));
    let (with, _) = seeds();
    let a = fs::read(sidecar::path_for(with)).unwrap();
    let b = fs::read(sidecar::path_for(&dir.join("graph.json"))).unwrap();
    assert!(a == b, "two builds of the seeds give different sidecars");
    // A single-file export gets its own: out.json beside out.json.idx.
    let file = dir.join("copy/out.json");
    run(govgraph()
        .arg("export")
        .arg("--graph")
        .arg(with)
        .args(["--format", "json", "-o"])
        .arg(&file));
    assert_eq!(fs::read(&file).unwrap(), fs::read(with).unwrap());
    assert!(fs::read(sidecar::path_for(&file)).unwrap() == a);
}

/// Writes `text` over graph.json, as a later build or a hand edit would.
fn rewrite(path: &Path, text: &str) {
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(path, text).unwrap();
}

#[test]
fn a_stale_sidecar_is_ignored() {
    let (with, _) = seeds();
    let dir = temp_dir("stale");
    let original = fs::read_to_string(with).unwrap();
    let side = fs::read(sidecar::path_for(with)).unwrap();
    // Same length: one name changed for another of as many bytes.
    let same_len = original.replace("黄伟", "黄炜");
    assert_eq!(same_len.len(), original.len());
    assert_ne!(same_len, original);
    // Another length: one sentence edited; and a graph cut short.
    let shorter = original.replacen("\"text\": \"", "\"text\": \"(edited) ", 1);
    let cut = &original[..original.floor_char_boundary(original.len() / 2)];
    for (name, text) in [
        ("same-length", same_len.as_str()),
        ("shorter", shorter.as_str()),
        ("cut", cut),
    ] {
        let d = dir.join(name);
        fs::create_dir_all(d.join("with")).unwrap();
        let stale = d.join("with/graph.json");
        fs::write(&stale, &original).unwrap();
        fs::write(sidecar::path_for(&stale), &side).unwrap();
        assert!(
            sidecar::load(&stale, &Wanted::default()).is_some(),
            "{name}: fresh to start with"
        );
        rewrite(&stale, text);
        assert!(
            sidecar::load(&stale, &Wanted::default()).is_none(),
            "{name}: stale sidecar used"
        );
        assert!(
            sidecar::load(&stale, &Wanted::everything()).is_none(),
            "{name}: stale sidecar used"
        );
        let (with, without) = twins(&d);
        let questions: &[&[&str]] = &[
            &["officials", "--district", "福田区"],
            &["attended", "--person", "黄炜"],
            &["events", "--district", "福田区"],
            &["stats"],
        ];
        assert_same_answers(&with, &without, &[], questions);
    }
}

#[test]
fn a_copied_graph_with_its_sidecar_is_still_read_through_it() {
    // A copy makes graph.json newer than its sidecar; the full hash vouches for it.
    let (with, _) = seeds();
    let dir = temp_dir("copied");
    let side = dir.join("graph.json.idx");
    let json = dir.join("graph.json");
    fs::copy(sidecar::path_for(with), &side).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::copy(with, &json).unwrap();
    assert!(
        fs::metadata(&json).unwrap().modified().unwrap()
            > fs::metadata(&side).unwrap().modified().unwrap()
    );
    assert!(sidecar::load(&json, &Wanted::default()).is_some());
}

#[test]
fn a_damaged_sidecar_falls_back_to_graph_json() {
    let (with, without) = seeds();
    let side = fs::read(sidecar::path_for(with)).unwrap();
    let dir = temp_dir("damaged");
    let mut flipped = side.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x5a;
    let mut bad_header = side.clone();
    bad_header[9] ^= 1; // the version
    // The evidence, last in the file: caught by its checksum when it is read.
    let mut bad_evidence = side.clone();
    let last = bad_evidence.len() - 2;
    bad_evidence[last] ^= 0x01;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated", side[..side.len() / 3].to_vec()),
        ("header-only", side[..68].to_vec()), // 68: the header's length
        ("flipped", flipped),
        ("version", bad_header),
        ("evidence", bad_evidence),
        ("garbage", b"not a sidecar at all\n".repeat(100)),
        ("json", fs::read(with).unwrap()),
    ];
    let mut graphs = Vec::new();
    for (name, bytes) in &cases {
        let d = dir.join(name);
        fs::create_dir_all(&d).unwrap();
        let g = d.join("graph.json");
        fs::copy(with, &g).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        fs::write(sidecar::path_for(&g), bytes).unwrap();
        // Without evidence, the evidence section is not even read.
        if *name != "evidence" {
            let used = sidecar::load(&g, &Wanted::default()).is_some();
            assert!(!used, "{name}: damaged sidecar used");
        }
        let used = sidecar::load(&g, &Wanted::everything()).is_some();
        assert!(!used, "{name}: damaged sidecar used");
        graphs.push(g);
    }
    // A sidecar that is a folder, not a file.
    let d = dir.join("folder");
    fs::create_dir_all(sidecar::path_for(&d.join("graph.json"))).unwrap();
    fs::copy(with, d.join("graph.json")).unwrap();
    graphs.push(d.join("graph.json"));
    let also: Vec<&Path> = graphs.iter().map(PathBuf::as_path).collect();
    let questions: &[&[&str]] = &[
        &["officials", "--district", "龙岗区", "--on", "2024-04-24"],
        &["attended", "--person", "黄伟"],
        &["path", "黄伟", "宝安区"],
        &["stats"],
        &["find", "福田"],
    ];
    assert_same_answers(with, without, &also, questions);
}

#[test]
fn sentences_not_where_the_sidecar_says_fall_back_to_graph_json() {
    // A sidecar whose header vouches for graph.json but whose sentence spans
    // are one byte off: made from graph.json with a space added before the
    // first sentence, under the header of graph.json itself. It loads, its
    // sentences cannot be read, and the question is answered from graph.json.
    let (with, without) = seeds();
    let text = fs::read_to_string(with).unwrap();
    let shifted = text.replacen("\"text\": \"", "\"text\":  \"", 1);
    assert_ne!(shifted, text);
    let right = sidecar::encode(text.as_bytes()).unwrap();
    let off = sidecar::encode(shifted.as_bytes()).unwrap();
    // Header: magic, version, json_len, json_xxh3, json_sample (36 bytes) |
    // the sections' lengths and hashes, then the sections.
    let mut franken = right[..36].to_vec();
    franken.extend_from_slice(&off[36..]);
    let dir = temp_dir("spans");
    let g = dir.join("graph.json");
    fs::copy(with, &g).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(sidecar::path_for(&g), &franken).unwrap();

    let loaded = sidecar::load(&g, &Wanted::everything()).expect("the header matches graph.json");
    let texts = loaded.texts.unwrap();
    let placeholders: Vec<&str> = loaded
        .graph
        .edges()
        .into_iter()
        .flat_map(|e| &e.evidence)
        .map(|e| e.text.as_ref())
        .collect();
    assert!(!placeholders.is_empty());
    let json = serde_json::to_string(&placeholders).unwrap();
    assert!(
        texts.fill_json(&json).is_err(),
        "sentences read from the wrong place"
    );

    let questions: &[&[&str]] = &[
        &["officials"],
        &["events", "--district", "福田区"],
        &["path", "黄伟", "宝安区"],
        &["stats"],
    ];
    assert_same_answers(&g, without, &[], questions);
}
