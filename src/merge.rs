//! The seam between extraction and resolution: facts as records, and the
//! merge that makes one graph of any set of them.
//!
//! `govgraph extract` is the map step: each document, read alone, gives one
//! [`Record`], a line of JSON Lines:
//!
//! ```text
//! {"hash":"<32 hex digits>","key":"district:福田区","about":{"name":"a.md",…},"facts":{…}}
//! ```
//!
//! `hash` is the xxh3-128 of what extraction reads of the document (its
//! normalised text, title and date): two copies of one article have one hash
//! whatever their file names. `key` is the entity the document is mostly about
//! (its most named district, else its first official, else the document
//! itself), for a cluster to group records by. `about` is what its `document`
//! node shows; `facts` are [`Facts`], names written bare kept in
//! [`Facts::pending`].
//!
//! `govgraph merge` is the reduce step. Its state, [`Merge`], is a set of
//! records, one per hash (of two records of one hash, the one whose document
//! name sorts first), so merging is a set union: associative, commutative and
//! idempotent, and any grouping and order of fact files gives the same set,
//! written ([`Merge::write_jsonl`]) and resolved ([`Merge::graph`]) in one
//! order, by document name then hash. Resolution is where what no document
//! could know alone is settled: the officials are the people any record
//! names with a district post, and each record's pending facts about a bare
//! name hold when that name is one of them ([`crate::extract::Pending::settle`]). A graph
//! written by `build` or `merge` keeps its records beside it
//! (`graph.facts.jsonl`), so new documents are merged into it without reading
//! the old ones again.
//!
//! Cost: reading and writing are linear in the records; resolving is linear
//! in the facts (times the logarithm of the entities, for the graph's maps).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::extract::Facts;
use crate::graph::GovGraph;
use crate::normalise::{About, Document};
use crate::rules::Rules;

/// The file beside graph.json that holds the records it was resolved from.
pub const FACTS_FILE: &str = "graph.facts.jsonl";

/// One document's facts: a line of `govgraph extract`'s output.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// xxh3-128 of the normalised text, title and date (32 hex digits).
    pub hash: String,
    /// The entity to group the record by: `district:NAME`, `person:NAME`
    /// or `document:HASH`.
    pub key: String,
    /// What the document's node shows; `about.name` names it in evidence.
    pub about: About,
    pub facts: Facts,
}

impl Record {
    /// The record of a document and the facts read from it.
    pub fn new(doc: &Document, facts: Facts) -> Record {
        let hash = content_hash(doc);
        let key = key_of(&facts).unwrap_or_else(|| format!("document:{hash}"));
        Record {
            hash,
            key,
            about: doc.about(),
            facts,
        }
    }

    /// The record as one line of JSON (no line break).
    pub fn to_json(&self) -> String {
        // Facts hold strings, numbers and maps with string keys only.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The order records are resolved and written in.
    fn order(&self) -> (&str, &str) {
        (&self.about.name, &self.hash)
    }
}

/// The content hash of what extraction reads of a document: 32 hex digits.
pub fn content_hash(doc: &Document) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in [
        doc.text.as_str(),
        doc.title.as_deref().unwrap_or(""),
        doc.date.as_deref().unwrap_or(""),
    ] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    format!("{:032x}", h.digest128())
}

/// The district the facts name most (posts, personnel facts, events and
/// projects; a tie goes to the name that sorts first), else the first
/// official named.
fn key_of(facts: &Facts) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let districts = (facts.posts.iter().map(|p| p.district.as_str()))
        .chain(facts.personnel.iter().map(|p| p.district.as_str()))
        .chain(facts.events.iter().filter_map(|e| e.district.as_deref()))
        .chain(facts.projects.iter().filter_map(|p| p.district.as_deref()));
    for d in districts {
        *counts.entry(d).or_default() += 1;
    }
    let most = counts
        .iter()
        .max_by_key(|(d, n)| (**n, std::cmp::Reverse(**d)));
    match most {
        Some((d, _)) => Some(format!("district:{d}")),
        None => (facts.posts.iter().map(|p| &p.person))
            .chain(facts.personnel.iter().map(|p| &p.person))
            .min()
            .map(|p| format!("person:{p}")),
    }
}

/// Why fact files could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error(
        "{file}:{line}: not a facts record ({why}); fact files come from `govgraph extract` or `govgraph merge --facts`"
    )]
    NotRecord {
        file: String,
        line: u64,
        why: String,
    },
    #[error("cannot read {file}: {err}")]
    Io { file: String, err: std::io::Error },
    #[error(
        "{graph} has no {FACTS_FILE} beside it, so nothing can be merged into it: build it again with `govgraph build` (which writes one)"
    )]
    NoFacts { graph: String },
}

/// The reduce step's state: a set of records, one per content hash.
#[derive(Debug, Default)]
pub struct Merge {
    records: BTreeMap<String, Record>,
    /// The content hash of each document name.
    names: BTreeMap<String, String>,
    /// Names two different articles share (an edited article added again).
    clashes: BTreeSet<String>,
}

impl Merge {
    pub fn new() -> Merge {
        Merge::default()
    }

    /// Records held.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// True when a record of this content hash is held.
    pub fn contains(&self, hash: &str) -> bool {
        self.records.contains_key(hash)
    }

    /// Adds a record; false when one of its hash was held already (of the
    /// two, the one whose document name sorts first is kept, so the set is
    /// the same in any order).
    pub fn add(&mut self, record: Record) -> bool {
        use std::collections::btree_map::Entry;
        match self.names.entry(record.about.name.clone()) {
            Entry::Vacant(v) => {
                v.insert(record.hash.clone());
            }
            Entry::Occupied(o) => {
                if *o.get() != record.hash {
                    self.clashes.insert(record.about.name.clone());
                }
            }
        }
        match self.records.entry(record.hash.clone()) {
            Entry::Vacant(v) => {
                v.insert(record);
                true
            }
            Entry::Occupied(mut o) => {
                if record.about.name < o.get().about.name {
                    o.insert(record);
                }
                false
            }
        }
    }

    /// Document names that two different articles share, in order: both are
    /// kept, as one `document` node (an article edited since it was merged
    /// is added, not replaced: build again from the articles to replace it).
    pub fn clashes(&self) -> impl Iterator<Item = &String> {
        self.clashes.iter()
    }

    /// Adds the records of a JSON Lines stream (blank lines skipped), named
    /// `file` in errors; the number of new ones.
    pub fn read_jsonl(&mut self, reader: impl BufRead, file: &str) -> Result<usize, MergeError> {
        let mut added = 0;
        for (i, line) in reader.lines().enumerate() {
            let line = line.map_err(|err| MergeError::Io {
                file: file.to_string(),
                err,
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let record: Record =
                serde_json::from_str(&line).map_err(|e| MergeError::NotRecord {
                    file: file.to_string(),
                    line: i as u64 + 1,
                    why: e.to_string(),
                })?;
            added += usize::from(self.add(record));
        }
        Ok(added)
    }

    /// Adds the records of a fact file, or of the graph.json a build or
    /// merge wrote (the records beside it); the number of new ones.
    pub fn read_path(&mut self, path: &Path) -> Result<usize, MergeError> {
        let facts: PathBuf = match facts_beside(path) {
            Some(facts) => {
                if !facts.is_file() {
                    return Err(MergeError::NoFacts {
                        graph: path.display().to_string(),
                    });
                }
                facts
            }
            None => path.to_path_buf(),
        };
        let file = std::fs::File::open(&facts).map_err(|err| MergeError::Io {
            file: facts.display().to_string(),
            err,
        })?;
        self.read_jsonl(std::io::BufReader::new(file), &facts.display().to_string())
    }

    /// The records in order (document name, then hash).
    fn ordered(&self) -> Vec<&Record> {
        let mut all: Vec<&Record> = self.records.values().collect();
        all.sort_by(|a, b| a.order().cmp(&b.order()));
        all
    }

    /// Writes the records as JSON Lines, in order.
    pub fn write_jsonl(&self, mut out: impl Write) -> std::io::Result<()> {
        for r in self.ordered() {
            out.write_all(r.to_json().as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// The records as JSON Lines, in order.
    pub fn to_jsonl(&self) -> Vec<u8> {
        let mut out = Vec::new();
        // Writing to memory does not fail.
        let _ = self.write_jsonl(&mut out);
        out
    }

    /// The graph of every record: pending facts settled against the
    /// officials of all, then resolved in order. Copies the facts; see
    /// [`Merge::into_graph`].
    pub fn graph(&self, rules: &Rules) -> GovGraph {
        resolve(self.ordered().into_iter().cloned().collect(), rules)
    }

    /// [`Merge::graph`], consuming the records rather than copying them, so
    /// the facts are held once while the graph is made.
    pub fn into_graph(self, rules: &Rules) -> GovGraph {
        let mut all: Vec<Record> = self.records.into_values().collect();
        all.sort_by(|a, b| a.order().cmp(&b.order()));
        resolve(all, rules)
    }
}

/// Records, in order, resolved into a graph (which settles their pending
/// facts against the officials of all).
fn resolve(records: Vec<Record>, rules: &Rules) -> GovGraph {
    let all = records.into_iter().map(|r| (r.facts, r.about)).collect();
    crate::resolve::resolve_documents(all, rules)
}

/// The records file beside a graph.json (`graph.json` → `graph.facts.jsonl`);
/// `None` for a path that names no graph.json (a fact file).
pub fn facts_beside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".json")?;
    Some(path.with_file_name(format!("{stem}.facts.jsonl")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, text: &str) -> Record {
        let doc = crate::normalise::normalise(name, text);
        let ex = crate::extract::Extractor::new(Rules::builtin());
        Record::new(&doc, ex.extract(&doc))
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let r = record(
            "a.md",
            "2024年12月9日至12月15日。\n12月11日,福田区委书记李某某出席发布会。",
        );
        let line = r.to_json();
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back.to_json(), line);
        assert_eq!(r.key, "district:福田区");
        assert_eq!(r.hash.len(), 32);
    }

    #[test]
    fn one_text_under_two_names_is_one_record_whatever_the_order() {
        let text = "2024年12月9日至12月15日。\n12月11日,福田区委书记李某某出席发布会。";
        let mut a = Merge::new();
        assert!(a.add(record("b.md", text)));
        assert!(!a.add(record("a.md", text)));
        let mut b = Merge::new();
        b.add(record("a.md", text));
        b.add(record("b.md", text));
        assert_eq!(a.to_jsonl(), b.to_jsonl());
        assert_eq!(a.len(), 1);
        assert!(
            String::from_utf8(a.to_jsonl())
                .unwrap()
                .contains("\"a.md\"")
        );
    }

    #[test]
    fn a_bare_name_takes_part_once_another_record_makes_it_an_official() {
        let bare = record(
            "b.md",
            "2024年12月9日至12月15日。\n12月10日,范某某、左某某密集会见企业。",
        );
        assert!(bare.facts.participations.is_empty());
        assert!(
            bare.facts
                .pending
                .participations
                .iter()
                .any(|p| p.person == "范某某"),
            "{:?}",
            bare.facts.pending
        );
        let rules = Rules::builtin();
        let mut alone = Merge::new();
        alone.add(bare.clone());
        let g = alone.graph(&rules);
        assert!(g.edges().iter().all(|e| e.source != "person:范某某"));
        let mut both = alone;
        both.add(record(
            "a.md",
            "2024年12月9日至12月15日。\n12月11日,罗湖区委书记范某某出席发布会。",
        ));
        let g = both.graph(&rules);
        assert!(
            g.edges()
                .iter()
                .any(|e| e.source == "person:范某某" && e.target.contains("会见企业")),
            "{:?}",
            g.edges()
        );
    }

    #[test]
    fn a_graph_json_names_the_facts_beside_it() {
        assert_eq!(
            facts_beside(Path::new("out/graph.json")),
            Some(PathBuf::from("out/graph.facts.jsonl"))
        );
        assert_eq!(facts_beside(Path::new("x/a.jsonl")), None);
    }
}
