//! Extraction as a map step, merging as a reduce: `govgraph extract` and
//! `govgraph merge` give the graph `govgraph build` gives; merging is
//! associative and commutative (any grouping and order of fact files gives the
//! same bytes); a graph takes new articles without its old ones being read
//! (`build --update`, `merge graph.json NEW`) and equals a full rebuild; an
//! article already in it changes nothing. On the seeds and the cases.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use common::{govgraph, root, run, stderr, temp_dir, with_stdin};
use govgraph::merge::{Merge, Record};
use govgraph::pipeline::Pipeline;
use govgraph::rules::Rules;
use proptest::prelude::*;

fn seeds() -> PathBuf {
    root().join("seeds")
}

fn cases() -> PathBuf {
    root().join("tests/cases")
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn build(dir: &Path, inputs: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut cmd = govgraph();
    cmd.arg("build").args(inputs).arg("-o").arg(dir).arg("-q");
    cmd.args(extra);
    run(&mut cmd)
}

fn extract(inputs: &[&Path], to: &Path) {
    run(govgraph()
        .arg("extract")
        .args(inputs)
        .arg("-o")
        .arg(to)
        .arg("-q"));
}

#[test]
fn extract_then_merge_gives_the_graph_build_gives() {
    let dir = temp_dir("split");
    build(&dir.join("built"), &[&seeds(), &cases()], &[]);
    extract(&[&seeds(), &cases()], &dir.join("all.jsonl"));
    run(govgraph()
        .arg("merge")
        .arg(dir.join("all.jsonl"))
        .arg("-o")
        .arg(dir.join("merged"))
        .arg("-q"));
    for file in ["graph.json", "graph.dot", "graph.facts.jsonl"] {
        assert!(
            read(&dir.join("built").join(file)) == read(&dir.join("merged").join(file)),
            "{file} differs"
        );
    }
    // One record a document, each with its hash, key and document name.
    let facts = String::from_utf8(read(&dir.join("all.jsonl"))).unwrap();
    let articles = fs::read_dir(seeds()).unwrap().count()
        + fs::read_dir(cases())
            .unwrap()
            .filter(|e| {
                let p = e.as_ref().unwrap().path();
                p.extension().is_some_and(|x| x == "txt" || x == "md")
            })
            .count();
    assert_eq!(facts.lines().count(), articles);
    for line in facts.lines() {
        let r: Record = serde_json::from_str(line).unwrap();
        assert_eq!(r.hash.len(), 32);
        assert!(!r.about.name.is_empty());
        assert!(
            ["district:", "person:", "document:"]
                .iter()
                .any(|k| r.key.starts_with(k)),
            "{}",
            r.key
        );
    }
}

/// A name one article writes bare takes part in its events once another
/// article names it with a district post, and only then: in the merge, for
/// no article is read with another's facts.
#[test]
fn a_bare_name_is_resolved_when_facts_are_merged() {
    let dir = temp_dir("bare");
    let articles = dir.join("articles");
    fs::create_dir_all(&articles).unwrap();
    fs::write(
        articles.join("bare.txt"),
        "2024年12月9日至12月15日。\n12月10日,范某某、左某某密集会见企业,要求完善服务机制。",
    )
    .unwrap();
    fs::write(
        articles.join("titled.txt"),
        "2024年12月11日,罗湖区委书记范某某出席项目签约仪式。",
    )
    .unwrap();
    extract(&[&articles.join("bare.txt")], &dir.join("bare.jsonl"));
    extract(&[&articles.join("titled.txt")], &dir.join("titled.jsonl"));
    let bare = String::from_utf8(read(&dir.join("bare.jsonl"))).unwrap();
    let r: Record = serde_json::from_str(bare.trim()).unwrap();
    assert!(r.facts.participations.is_empty());
    let pending: Vec<&str> = (r.facts.pending.participations.iter())
        .map(|p| p.person.as_str())
        .collect();
    assert!(pending.contains(&"范某某"), "{pending:?}");
    let attended = |facts: &[&str]| -> String {
        let out_dir = dir.join(format!("graph-of-{}", facts.join("+")));
        run(govgraph()
            .arg("merge")
            .args(facts.iter().map(|f| dir.join(f)))
            .arg("-o")
            .arg(&out_dir)
            .arg("-q"));
        let out = govgraph()
            .args(["query", "attended", "--person", "范某某", "--format", "csv"])
            .arg("--graph")
            .arg(out_dir.join("graph.json"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out)
    };
    // Alone, the bare name is nobody the graph knows.
    let alone = attended(&["bare.jsonl"]);
    assert!(alone.contains("no person named \"范某某\""), "{alone}");
    let both = attended(&["titled.jsonl", "bare.jsonl"]);
    assert!(both.contains("2024-12-10,attended,,,会见企业"), "{both}");
    // 左某某 is named with no post anywhere: no official, no part.
    assert!(!both.contains("左某某"));
}

#[test]
fn update_equals_a_full_rebuild_and_an_article_already_in_changes_nothing() {
    let dir = temp_dir("update");
    let full = dir.join("full");
    build(&full, &[&seeds(), &cases()], &[]);
    let grown = dir.join("grown");
    build(&grown, &[&seeds()], &[]);
    let out = build(&grown, &[&cases()], &["--update"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    for file in [
        "graph.json",
        "graph.json.idx",
        "graph.dot",
        "graph.facts.jsonl",
    ] {
        assert!(
            read(&full.join(file)) == read(&grown.join(file)),
            "{file}: update differs from a full rebuild"
        );
    }
    // The seeds again, under other names: nothing changes.
    let copies = dir.join("copies");
    fs::create_dir_all(&copies).unwrap();
    for entry in fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        let name = format!("again-{}", path.file_name().unwrap().to_string_lossy());
        fs::copy(&path, copies.join(name)).unwrap();
    }
    let out = run(govgraph()
        .arg("build")
        .arg(&copies)
        .arg("-o")
        .arg(&grown)
        .arg("--update"));
    assert!(
        stderr(&out).contains("5 the same as ones that were already in"),
        "{}",
        stderr(&out)
    );
    for file in ["graph.json", "graph.facts.jsonl"] {
        assert!(
            read(&full.join(file)) == read(&grown.join(file)),
            "{file}: an article already in changed the graph"
        );
    }
    // An article edited since: added beside the old one, with a warning.
    let edited = dir.join("edited");
    fs::create_dir_all(&edited).unwrap();
    let first = fs::read_dir(seeds())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let name = first.file_name().unwrap().to_string_lossy().into_owned();
    fs::write(
        edited.join(&name),
        fs::read_to_string(&first).unwrap() + "\n（更正）",
    )
    .unwrap();
    let out = run(govgraph()
        .arg("build")
        .arg(&edited)
        .arg("-o")
        .arg(dir.join("grown"))
        .args(["--update", "-q"]));
    assert!(
        stderr(&out).contains(&format!(
            "govgraph: warning: {name} names two different articles, both kept"
        )),
        "{}",
        stderr(&out)
    );
    // merge GRAPH NEW is the same update.
    let seeds_only = dir.join("seeds-only");
    build(&seeds_only, &[&seeds()], &[]);
    extract(&[&cases()], &dir.join("new.jsonl"));
    run(govgraph()
        .arg("merge")
        .arg(seeds_only.join("graph.json"))
        .arg(dir.join("new.jsonl"))
        .arg("-o")
        .arg(dir.join("merged"))
        .arg("-q"));
    assert!(read(&full.join("graph.json")) == read(&dir.join("merged/graph.json")));
}

#[test]
fn extract_streams_standard_input_and_names_records_by_id() {
    let input = "{\"id\":\"a\",\"text\":\"2024年12月11日,福田区委书记李某某出席发布会。\",\"date\":\"2024-12-11\"}\n\n{\"text\":\"罗湖区区长乙某某调研。\"}\nnot json\n";
    let out = with_stdin(govgraph().args(["extract", "-", "-q"]), input);
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<Record> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let names: Vec<&str> = records.iter().map(|r| r.about.name.as_str()).collect();
    assert_eq!(names, ["a", "stdin:3"]);
    assert_eq!(records[0].key, "district:福田区");
    assert_eq!(records[0].about.date.as_deref(), Some("2024-12-11"));
    assert!(
        stderr(&out).contains("stdin:4: not JSON"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn merge_errors_are_one_line_and_write_nothing() {
    let dir = temp_dir("errors");
    fs::write(dir.join("bad.jsonl"), "{\"hash\":1}\n").unwrap();
    let out = govgraph()
        .arg("merge")
        .arg(dir.join("bad.jsonl"))
        .arg("-o")
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.jsonl:1: not a facts record"), "{err}");
    assert!(!dir.join("out/graph.json").exists());
    // A graph.json with no records beside it cannot take more.
    fs::create_dir_all(dir.join("old")).unwrap();
    fs::copy(root().join("graphs/graph.json"), dir.join("old/graph.json")).unwrap();
    let out = govgraph()
        .arg("merge")
        .arg(dir.join("old/graph.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("has no graph.facts.jsonl beside it"),
        "{}",
        stderr(&out)
    );
}

/// The records of the seeds and the cases, read once.
static RECORDS: LazyLock<Vec<Record>> = LazyLock::new(|| {
    let inputs = [seeds(), cases()];
    let listing =
        govgraph::read::list_with(&inputs, &govgraph::read::Fields::default(), false).unwrap();
    let mut records = Vec::new();
    Pipeline::new(Rules::builtin()).extract_entries(&listing.entries, |_| {}, |r| records.push(r));
    records
});

static RULES: LazyLock<Rules> = LazyLock::new(Rules::builtin);

/// The graph of all the records merged at once, as graph.json bytes.
static WHOLE: LazyLock<String> = LazyLock::new(|| {
    let mut m = Merge::new();
    for r in RECORDS.iter() {
        m.add(r.clone());
    }
    m.graph(&RULES).to_json()
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(24)
    ))]

    /// Records dealt into groups in a shuffled order (some twice), each
    /// group merged into a fact file, the files merged in another order:
    /// the same graph as all merged at once, byte for byte.
    #[test]
    fn merging_is_associative_and_commutative(
        deal in proptest::collection::vec((0usize..5, any::<u32>()), 40..80),
        order in any::<u64>(),
    ) {
        let n = RECORDS.len();
        let mut groups: Vec<Merge> = (0..5).map(|_| Merge::new()).collect();
        // Every record once, and some again, in the deal's order.
        let mut dealt: Vec<(usize, usize)> = (0..n).map(|i| (deal[i % deal.len()].0, i)).collect();
        for (g, k) in &deal {
            dealt.push((*g, *k as usize % n));
        }
        dealt.sort_by_key(|(g, i)| (*g, (*i as u64).wrapping_mul(order | 1) % 1_000_003));
        for (g, i) in dealt {
            groups[g].add(RECORDS[i].clone());
        }
        let mut files: Vec<Vec<u8>> = groups.iter().map(Merge::to_jsonl).collect();
        files.rotate_left((order % 5) as usize);
        let mut all = Merge::new();
        for f in &files {
            all.read_jsonl(f.as_slice(), "part").unwrap();
        }
        prop_assert_eq!(all.len(), n);
        let graph = all.graph(&RULES).to_json();
        prop_assert!(graph == *WHOLE, "the graph depends on how the records were grouped");
    }
}
