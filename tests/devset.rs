//! The development set's manifest and gold files agree: the repository keeps
//! them without the texts (docs/eval.md, "Real articles"), and a
//! restore (`scripts/devset.py --texts-from RAW`) relies on one row per gold
//! file, each page once.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// (id, url) of each row of a manifest, its header left out.
fn rows(path: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("id\tgenre\tquery\turl"),
        "{}: header",
        path.display()
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                cols.len(),
                4,
                "{}: a row of four columns: {l}",
                path.display()
            );
            (cols[0].to_string(), cols[3].to_string())
        })
        .collect()
}

/// A page's address without its scheme or a trailing slash.
fn page(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.trim_end_matches('/')
}

#[test]
fn every_gold_file_has_one_manifest_row_and_every_page_is_in_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    let manifest = rows(&dir.join("manifest.tsv"));
    let mut ids = BTreeSet::new();
    let mut pages: BTreeMap<&str, &str> = BTreeMap::new();
    for (id, url) in &manifest {
        assert!(ids.insert(id.as_str()), "{id} has two rows");
        if let Some(other) = pages.insert(page(url), id) {
            panic!("{id} and {other} are the same page: {url}");
        }
    }
    let gold: BTreeSet<String> = fs::read_dir(dir.join("gold"))
        .expect("tests/devset/gold")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    let listed: BTreeSet<String> = ids.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        gold.difference(&listed).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "gold files with no manifest row"
    );
    assert_eq!(
        listed.difference(&gold).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "manifest rows with no gold file"
    );
    // Each gold file names its own article.
    for id in &gold {
        let text = fs::read_to_string(dir.join("gold").join(format!("{id}.json"))).unwrap();
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{id}.json: {e}"));
        assert_eq!(
            value["file"],
            format!("{id}.md"),
            "{id}.json names another file"
        );
    }
}

#[test]
fn each_batch_manifest_is_part_of_the_whole() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    let whole: BTreeSet<(String, String)> = rows(&dir.join("manifest.tsv")).into_iter().collect();
    let mut batches = 0;
    for entry in fs::read_dir(dir.join("manifest")).expect("tests/devset/manifest") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "tsv") {
            batches += 1;
            for row in rows(&path) {
                assert!(
                    whole.contains(&row),
                    "{}: {row:?} is not in manifest.tsv",
                    path.display()
                );
            }
        }
    }
    assert!(batches > 0, "no batch manifests");
}
