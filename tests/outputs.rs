//! Outputs replaced as a set: `build -o DIR` writes every file into a hidden
//! temporary folder in DIR, moves them in by rename and writes
//! graph.manifest.json last; an unwritable DIR fails before any article is
//! read; a failed write replaces nothing; leftovers of killed builds are
//! removed by the next; a reader told of a graph.json the manifest does not
//! list. Run as the real binary, killed with SIGKILL too.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use common::{govgraph, root, run, temp_dir};

const MANIFEST: &str = "graph.manifest.json";
const FORMATS: &str = "json,dot,graphml,gexf";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn seeds() -> String {
    root().join("seeds").display().to_string()
}

/// `govgraph build INPUT -o DIR --formats …` (quiet).
fn build(input: &Path, dir: &Path, formats: &str) -> Command {
    let mut cmd = govgraph();
    cmd.arg("build")
        .arg(input)
        .arg("-o")
        .arg(dir)
        .args(["-q", "--formats", formats]);
    cmd
}

fn xxh3_hex(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// Every entry of `dir` (hidden ones too) with its bytes; folders as `None`.
fn snapshot(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = match e.file_type().unwrap().is_dir() {
                true => None,
                false => Some(fs::read(e.path()).unwrap()),
            };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

fn hidden(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = snapshot(dir)
        .into_keys()
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&fs::read(dir.join(MANIFEST)).unwrap()).unwrap()
}

/// The files the manifest in `dir` lists whose size or hash is not the
/// file's (a missing file included).
fn unlike_manifest(dir: &Path) -> Vec<String> {
    let m = manifest(dir);
    m["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let name = f["name"].as_str().unwrap();
            match fs::read(dir.join(name)) {
                Ok(bytes) => {
                    f["size"] != bytes.len() as u64 || f["xxh3_128"] != xxh3_hex(&bytes).as_str()
                }
                Err(_) => true,
            }
        })
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect()
}

fn is_root() -> bool {
    fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1).map(|uid| uid == "0"))
        .unwrap_or(false)
}

#[test]
fn the_manifest_lists_every_file_with_its_hash() {
    let dir = temp_dir("manifest");
    let out = dir.join("out");
    let all = "json,dot,graphml,gexf,cytoscape,neo4j,jsonld,html";
    let built = run(govgraph()
        .arg("build")
        .arg(seeds())
        .arg("-o")
        .arg(&out)
        .args(["--formats", all]));
    assert!(
        stderr(&built).contains(&format!("wrote {}\n", out.join(MANIFEST).display())),
        "{}",
        stderr(&built)
    );
    let m = manifest(&out);
    assert_eq!(m["format"], "govgraph-manifest-1");
    assert_eq!(m["govgraph"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        m["formats"],
        serde_json::json!([
            "json",
            "dot",
            "graphml",
            "gexf",
            "cytoscape",
            "neo4j",
            "jsonld",
            "html"
        ])
    );
    assert_eq!(m["inputs"]["paths"], serde_json::json!([seeds()]));
    assert_eq!(m["inputs"]["documents"], 5);
    // Every file but the manifest is listed, sorted, with its size and hash.
    let on_disk: Vec<String> = snapshot(&out)
        .into_keys()
        .filter(|n| n != MANIFEST)
        .collect();
    let listed: Vec<String> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, on_disk);
    assert_eq!(listed.len(), 12, "{listed:?}");
    assert!(unlike_manifest(&out).is_empty());
    // No leftover: no hidden entry.
    assert!(hidden(&out).is_empty(), "{:?}", hidden(&out));
    // The same build, the same manifest, whatever the order of the formats.
    let again = dir.join("again");
    run(govgraph()
        .arg("build")
        .arg(seeds())
        .arg("-o")
        .arg(&again)
        .args([
            "-q",
            "--formats",
            "html,jsonld,neo4j,cytoscape,gexf,graphml,dot,json,json",
        ]));
    assert_eq!(snapshot(&out), snapshot(&again));
    let text = fs::read_to_string(out.join(MANIFEST)).unwrap();
    assert!(!text.contains(&dir.display().to_string()), "{text}");
    // And a reader of it is quiet.
    let out = run(govgraph()
        .args(["query", "stats", "--graph"])
        .arg(out.join("graph.json")));
    assert_eq!(stderr(&out), "");
}

#[test]
fn an_unwritable_output_fails_before_any_article_is_read() {
    let dir = temp_dir("unwritable");
    let file = dir.join("somefile");
    fs::write(&file, "a file, not a folder").unwrap();
    // The input does not exist: were it read first, the error would say so.
    let missing = dir.join("no-such-input");
    let mut cases = vec![
        (
            file.join("out"),
            "Not a directory (os error 20)".to_string(),
        ),
        (file.clone(), "it is a file, not a folder".to_string()),
    ];
    if !is_root() {
        let ro = dir.join("read-only");
        fs::create_dir(&ro).unwrap();
        let mut perm = fs::metadata(&ro).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o555);
        fs::set_permissions(&ro, perm).unwrap();
        cases.push((ro.clone(), "Permission denied (os error 13)".into()));
        cases.push((ro.join("out"), "Permission denied (os error 13)".into()));
    }
    for (output, reason) in &cases {
        for input in [missing.clone(), root().join("seeds")] {
            let started = Instant::now();
            let out = govgraph()
                .arg("build")
                .arg(&input)
                .arg("-o")
                .arg(output)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1));
            assert_eq!(
                stderr(&out),
                format!(
                    "govgraph: cannot write into the output folder {}: {reason}\n",
                    output.display()
                ),
                "no progress, no summary: one line"
            );
            assert!(started.elapsed() < Duration::from_secs(5));
        }
        // `export -o` too, before the graph is read.
        let out = govgraph()
            .args(["export", "--format", "neo4j", "--graph"])
            .arg(&missing)
            .arg("-o")
            .arg(output)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stderr(&out),
            format!(
                "govgraph: cannot write into the output folder {}: {reason}\n",
                output.display()
            )
        );
    }
    // A single-file export under a file: its folder is what cannot be made.
    let out = govgraph()
        .args(["export", "--format", "dot", "--graph"])
        .arg(&missing)
        .arg("-o")
        .arg(file.join("x/graph.dot"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "govgraph: cannot write into the output folder {}: Not a directory (os error 20)\n",
            file.join("x").display()
        )
    );
    // A build that fails for another reason leaves no folder it made.
    let out = govgraph()
        .arg("build")
        .arg(&missing)
        .arg("-o")
        .arg(dir.join("new/out"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("new").exists());
    if !is_root() {
        let ro = dir.join("read-only");
        let mut perm = fs::metadata(&ro).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perm, 0o755);
        fs::set_permissions(&ro, perm).unwrap();
    }
}

/// The seeds' first article alone: a set that differs from the seeds'.
fn one_article(dir: &Path) -> PathBuf {
    let input = dir.join("one");
    fs::create_dir_all(&input).unwrap();
    let mut first: Vec<PathBuf> = fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    first.sort();
    fs::copy(&first[0], input.join("a.txt")).unwrap();
    input
}

#[test]
fn a_failed_write_replaces_nothing() {
    let dir = temp_dir("failed");
    let out = dir.join("out");
    run(&mut build(&one_article(&dir), &out, FORMATS));
    let before = snapshot(&out);

    // The disk fills up: no file over a size limit between graph.json's and
    // graph.graphml's of the seeds, so graph.json, its sidecar and graph.dot
    // are written into the temporary folder, and graph.graphml fails.
    let size = |name: &str| {
        fs::metadata(root().join("graphs").join(name))
            .unwrap()
            .len()
    };
    let limit = size("graph.json") + 4096;
    assert!(limit < size("graph.graphml") && size("graph.dot") < limit);
    // SIGXFSZ ignored (before exec, so it stays so): a write past the limit
    // fails with EFBIG, as on a full disk, instead of killing the process.
    let line = format!(
        "trap '' XFSZ; ulimit -f {}; exec \"$0\" \"$@\"",
        limit.div_ceil(512)
    );
    let failed = Command::new("sh")
        .args(["-c", &line, env!("CARGO_BIN_EXE_govgraph"), "build"])
        .arg(seeds())
        .arg("-o")
        .arg(&out)
        .args(["--formats", FORMATS])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    assert_eq!(
        stderr(&failed).lines().last().unwrap_or_default(),
        format!(
            "govgraph: writing graph.graphml into {}: File too large (os error 27); nothing in {} was replaced",
            out.display(),
            out.display()
        )
    );
    // No progress bar (stderr is not a terminal), no summary, no "wrote".
    assert!(!stderr(&failed).contains("wrote"), "{}", stderr(&failed));
    assert_eq!(snapshot(&out), before, "the previous set, byte for byte");

    // A folder stands where graph.gexf goes: refused before any rename.
    fs::remove_file(out.join("graph.gexf")).unwrap();
    fs::create_dir(out.join("graph.gexf")).unwrap();
    let before = snapshot(&out);
    let failed = build(&root().join("seeds"), &out, FORMATS)
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(
        stderr(&failed),
        format!(
            "govgraph: cannot replace {}: it is a folder; nothing in {} was replaced\n",
            out.join("graph.gexf").display(),
            out.display()
        )
    );
    assert_eq!(snapshot(&out), before, "the previous set, byte for byte");
    // And a query of it says nothing is amiss.
    let q = run(govgraph()
        .args(["query", "stats", "--graph"])
        .arg(out.join("graph.json")));
    assert_eq!(stderr(&q), "");
}

#[test]
fn leftovers_of_killed_builds_are_removed_by_the_next() {
    let dir = temp_dir("leftovers");
    let out = dir.join("out");
    fs::create_dir_all(&out).unwrap();
    // A process that was killed: its id names what it left.
    let mut child = Command::new("sleep").arg("30").spawn().unwrap();
    let dead = child.id();
    child.kill().unwrap();
    child.wait().unwrap();
    let tmp = out.join(format!(".govgraph-tmp-{dead}-0"));
    fs::create_dir_all(tmp.join("previous")).unwrap();
    fs::write(tmp.join("graph.json"), "half a gra").unwrap();
    fs::write(out.join(format!(".graph.json.{dead}.tmp")), "half").unwrap();
    fs::write(out.join(format!(".graph.json.idx.{dead}.tmp")), "half").unwrap();
    fs::write(out.join(format!(".graph.dot.{dead}.tmp")), "half").unwrap();
    // A live process's (this test's): another build may be writing it.
    let live = out.join(format!(".govgraph-tmp-{}-0", std::process::id()));
    fs::create_dir(&live).unwrap();
    // Not govgraph's.
    fs::write(out.join(format!(".notes.{dead}.tmp")), "mine").unwrap();
    let built = run(govgraph().arg("build").arg(seeds()).arg("-o").arg(&out));
    assert!(
        stderr(&built).starts_with(&format!(
            "govgraph: removed 4 leftovers of interrupted builds from {}\n",
            out.display()
        )),
        "{}",
        stderr(&built)
    );
    assert_eq!(
        hidden(&out),
        [
            format!(".govgraph-tmp-{}-0", std::process::id()),
            format!(".notes.{dead}.tmp")
        ]
    );
    assert!(unlike_manifest(&out).is_empty());
}

#[test]
fn a_graph_json_replaced_behind_the_manifest_is_warned_of() {
    let dir = temp_dir("replaced");
    let out = dir.join("out");
    let other = dir.join("other");
    run(&mut build(&root().join("seeds"), &out, "json,dot"));
    run(&mut build(&one_article(&dir), &other, "json,dot"));
    // A kill between the renames of graph.json (and its sidecar) and the
    // manifest: the new graph.json beside the old manifest.
    std::thread::sleep(Duration::from_millis(20));
    for name in ["graph.json", "graph.json.idx"] {
        fs::copy(other.join(name), out.join(name)).unwrap();
    }
    let json = out.join("graph.json");
    let warning = format!(
        "govgraph: warning: {} is not the one graph.manifest.json lists (an interrupted build?)\n",
        json.display()
    );
    for args in [
        &["query", "stats"][..],
        &["query", "officials", "--format", "json"],
        &["changes"],
        &["export", "--format", "dot"],
    ] {
        let q = govgraph()
            .args(args)
            .arg("--graph")
            .arg(&json)
            .output()
            .unwrap();
        assert!(q.status.success(), "{args:?}: {}", stderr(&q));
        assert_eq!(stderr(&q), warning, "{args:?}");
        assert!(!q.stdout.is_empty(), "{args:?}: and goes on");
    }
    // Through .govgraph too, as a build left it.
    let work = dir.join("work");
    fs::create_dir_all(&work).unwrap();
    fs::write(work.join(".govgraph"), format!("{}\n", json.display())).unwrap();
    let q = govgraph()
        .args(["query", "stats"])
        .current_dir(&work)
        .env_remove("GOVGRAPH_GRAPH")
        .output()
        .unwrap();
    assert_eq!(stderr(&q), warning);
    // The same size but other bytes, written after the manifest: hashed, told.
    run(&mut build(&root().join("seeds"), &out, "json,dot"));
    std::thread::sleep(Duration::from_millis(20));
    let text = fs::read_to_string(&json).unwrap();
    let at = text.find("\n ").unwrap() + 1;
    let text = format!("{}\t{}", &text[..at], &text[at + 1..]);
    fs::write(&json, text).unwrap();
    let q = govgraph()
        .args(["query", "stats", "--graph"])
        .arg(&json)
        .output()
        .unwrap();
    assert!(q.status.success(), "{}", stderr(&q));
    assert_eq!(stderr(&q), warning);
    // Put back as it was, it is the manifest's again, though newer.
    run(&mut build(&root().join("seeds"), &other, "json,dot"));
    fs::copy(other.join("graph.json"), &json).unwrap();
    let q = run(govgraph().args(["query", "stats", "--graph"]).arg(&json));
    assert_eq!(stderr(&q), "");
}

#[test]
fn an_export_into_a_folder_is_a_set_too() {
    let dir = temp_dir("export");
    let out = dir.join("out");
    run(&mut build(&root().join("seeds"), &out, "json,dot"));
    let graph = out.join("graph.json");
    let neo = dir.join("neo4j");
    let export = |to: &Path, extra: &[&str]| {
        govgraph()
            .args(["export", "--format", "neo4j", "--graph"])
            .arg(&graph)
            .arg("-o")
            .arg(to)
            .args(extra)
            .output()
            .unwrap()
    };
    let first = export(&neo, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let names: Vec<String> = snapshot(&neo).into_keys().collect();
    assert_eq!(names, ["load.cypher", "nodes.csv", "relationships.csv"]);
    // One file blocked: none of the three replaced.
    let before = snapshot(&neo);
    fs::remove_file(neo.join("relationships.csv")).unwrap();
    fs::create_dir(neo.join("relationships.csv")).unwrap();
    let before_blocked = snapshot(&neo);
    let failed = export(&neo, &["--district", "福田区"]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(
        stderr(&failed),
        format!(
            "govgraph: cannot replace {}: it is a folder; nothing in {} was replaced\n",
            neo.join("relationships.csv").display(),
            neo.display()
        )
    );
    assert_eq!(snapshot(&neo), before_blocked);
    fs::remove_dir(neo.join("relationships.csv")).unwrap();
    let again = export(&neo, &[]);
    assert!(again.status.success());
    assert_eq!(snapshot(&neo), before);
    // Into a build's folder: a file the manifest lists, replaced with other
    // bytes, is warned of; the same bytes are not.
    let same = govgraph()
        .args(["export", "--format", "dot", "--graph"])
        .arg(&graph)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        stderr(&same),
        format!("govgraph: wrote {}\n", out.join("graph.dot").display())
    );
    for to in [out.clone(), out.join("graph.dot")] {
        let cut = govgraph()
            .args([
                "export",
                "--format",
                "dot",
                "--district",
                "福田区",
                "--graph",
            ])
            .arg(&graph)
            .arg("-o")
            .arg(&to)
            .output()
            .unwrap();
        assert!(cut.status.success());
        assert!(
            stderr(&cut).ends_with(&format!(
                "govgraph: warning: {} replaced the one {} lists: the folder no longer holds one build's files\n",
                out.join("graph.dot").display(),
                out.join(MANIFEST).display()
            )),
            "{}",
            stderr(&cut)
        );
    }
    assert!(hidden(&out).is_empty() && hidden(&neo).is_empty());
}

/// When a build is killed.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// A third of the way through reading.
    Reading,
    /// This long after its temporary folder appeared.
    Writing(Duration),
    /// As soon as graph.json is another file (renamed over).
    Renaming,
}

/// The ends a killed build may leave: the state of DIR after it.
#[derive(Debug, PartialEq, Eq)]
enum After {
    /// The set the manifest lists, whole: the old one.
    Old,
    /// The set the manifest lists, whole: the new one.
    New,
    /// A mix, which a reader is warned of.
    MixWarned,
}

#[test]
fn a_build_killed_at_any_moment_leaves_one_whole_set_or_a_warning() {
    let dir = temp_dir("killed");
    // A larger input: the seeds 40 times over.
    let corpus = dir.join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    for i in 0..40 {
        for entry in fs::read_dir(root().join("seeds")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy();
            fs::copy(&path, corpus.join(format!("{i:03}_{name}"))).unwrap();
        }
    }
    // The old set, and the new one built whole, timing its write phase (from
    // the temporary folder's appearance to the manifest's).
    let old = dir.join("old");
    run(&mut build(&root().join("seeds"), &old, FORMATS));
    let new = dir.join("new");
    let started = Instant::now();
    let mut child = build(&corpus, &new, FORMATS)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let staged = wait_for_staging(&new, &mut child).expect("the build writes");
    let write_phase = loop {
        if new.join(MANIFEST).exists() || child.try_wait().unwrap().is_some() {
            break staged.elapsed();
        }
        std::thread::sleep(Duration::from_micros(200));
    };
    assert!(child.wait().unwrap().success());
    let reading = started.elapsed() - write_phase;
    let old_manifest = fs::read(old.join(MANIFEST)).unwrap();
    let new_manifest = fs::read(new.join(MANIFEST)).unwrap();
    assert_ne!(old_manifest, new_manifest);

    // Killed while reading, at moments through the write phase, and as soon
    // as graph.json is seen replaced (the renames have begun).
    let mut moments = vec![Kill::Reading];
    for tenths in [0, 2, 5, 8, 10, 12] {
        moments.push(Kill::Writing(write_phase * tenths / 10));
    }
    moments.push(Kill::Renaming);
    let out = dir.join("out");
    let mut ends = Vec::new();
    for moment in moments {
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(&out).unwrap();
        for (name, bytes) in snapshot(&old) {
            fs::write(out.join(name), bytes.unwrap()).unwrap();
        }
        let mut child = build(&corpus, &out, FORMATS)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        match moment {
            Kill::Reading => std::thread::sleep(reading / 3),
            Kill::Writing(after) => {
                wait_for_staging(&out, &mut child);
                std::thread::sleep(after);
            }
            Kill::Renaming => {
                use std::os::unix::fs::MetadataExt;
                let inode = |p: &Path| fs::metadata(p).map(|m| m.ino()).ok();
                let first = inode(&out.join("graph.json"));
                wait_for_staging(&out, &mut child);
                while inode(&out.join("graph.json")) == first && child.try_wait().unwrap().is_none()
                {
                    std::hint::spin_loop();
                }
            }
        }
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();

        let manifest = fs::read(out.join(MANIFEST)).unwrap();
        let end = if unlike_manifest(&out).is_empty() {
            if manifest == old_manifest {
                After::Old
            } else {
                assert_eq!(manifest, new_manifest, "killed at {moment:?}");
                After::New
            }
        } else {
            let q = govgraph()
                .args(["query", "stats", "--graph"])
                .arg(out.join("graph.json"))
                .output()
                .unwrap();
            assert!(q.status.success(), "killed at {moment:?}: {}", stderr(&q));
            assert!(
                stderr(&q).contains("is not the one graph.manifest.json lists"),
                "killed at {moment:?}: a mix without a warning: {:?}",
                unlike_manifest(&out)
            );
            After::MixWarned
        };
        // Whole, or the old: every file a reader opens parses.
        let json: Value =
            serde_json::from_slice(&fs::read(out.join("graph.json")).unwrap()).unwrap();
        assert!(json["nodes"].is_array(), "killed at {moment:?}");
        ends.push((moment, end));
    }
    eprintln!("killed at → what was left: {ends:?}");
    assert_eq!(ends[0].1, After::Old, "killed while reading");
    // The next build removes what the killed ones left, and completes the set.
    let next = run(&mut build(&corpus, &out, FORMATS));
    assert!(hidden(&out).is_empty(), "{:?}", hidden(&out));
    assert!(unlike_manifest(&out).is_empty());
    assert_eq!(fs::read(out.join(MANIFEST)).unwrap(), new_manifest);
    assert_eq!(stderr(&next), "");
}

/// Waits until the build `child` writing into `dir` has made its temporary
/// folder (the write phase began); the moment it saw it, or `None` if the
/// build ended first.
fn wait_for_staging(dir: &Path, child: &mut std::process::Child) -> Option<Instant> {
    loop {
        if let Ok(entries) = fs::read_dir(dir)
            && entries.flatten().any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(".govgraph-tmp-")
            })
        {
            return Some(Instant::now());
        }
        if child.try_wait().unwrap().is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}
