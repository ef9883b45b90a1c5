//! The pipeline from source files to one graph: extraction, the map step,
//! then the merge, the reduce step ([`crate::merge`]).
//!
//! Documents are read on every core (`rayon`), in batches, each alone (no
//! state passes between documents), and their records handed on in their
//! listed order, so the result is the same whatever the number of threads.
//! [`Pipeline::extract_entries`] hands each record to a sink as its batch
//! ends (what `govgraph extract` streams out); [`Pipeline::build_entries`]
//! merges them and resolves the graph. A build from files holds one batch of
//! texts at a time and the facts of all; its cost is linear in the corpus.
//! What a document's metadata says of it (title, date, address, outlet,
//! file) goes into its record beside its facts, for its `document` node.

use rayon::prelude::*;

use crate::extract::{Extractor, Facts};
use crate::graph::GovGraph;
use crate::merge::{Merge, Record};
use crate::normalise::{Document, normalise_with};
use crate::read::{Entry, Skipped, SourceFile, read_entry_within};
use crate::rules::Rules;

/// Documents read together: enough to keep every core busy, few enough that
/// their texts take little memory.
const BATCH: usize = 256;

/// Rules and models loaded once, applied to any number of documents.
pub struct Pipeline {
    extractor: Extractor,
    /// Threads to read documents on; 0 for one per core.
    threads: usize,
    /// The day of publication (ISO 8601) of documents that give none.
    date: Option<String>,
    /// Bytes of text read so far, sentence by sentence.
    reading: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
    /// How long one document may take to read, each time it is read.
    time_limit: Option<std::time::Duration>,
    /// The largest article file (or record) read, in bytes.
    max_file_size: u64,
}

/// How far a build has got: what its progress callback is told after each
/// batch of documents read (linking the facts comes after the last report).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents read, files skipped included.
    pub documents: usize,
    /// Bytes of their normalised text (UTF-8).
    pub bytes: u64,
}

/// What extraction from files gives besides the records: the files it
/// skipped and the warnings to give.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Articles listed that could not be read, each with why.
    pub skipped: Vec<Skipped>,
    /// Articles read with invalid bytes replaced, in listed order:
    /// `news/a.txt: 2 invalid bytes replaced (UTF-8)`.
    pub warnings: Vec<String>,
    /// Documents read (skipped files not counted).
    pub documents: usize,
}

/// What a build from files gives: the graph, the records it was resolved
/// from, and the files it skipped.
#[derive(Debug)]
pub struct Built {
    pub graph: GovGraph,
    /// The records merged, as JSON Lines in order (graph.facts.jsonl).
    pub facts: Vec<u8>,
    /// The number of records merged: one per article, copies counted once.
    pub records: usize,
    /// Document names two different articles share ([`Merge::clashes`]).
    pub clashes: Vec<String>,
    /// Articles listed that could not be read, each with why.
    pub skipped: Vec<Skipped>,
    /// Articles read with invalid bytes replaced, in listed order.
    pub warnings: Vec<String>,
    /// Documents read (skipped files not counted).
    pub documents: usize,
}

impl Pipeline {
    pub fn new(rules: Rules) -> Pipeline {
        Pipeline {
            extractor: Extractor::new(rules),
            threads: 0,
            date: None,
            reading: None,
            time_limit: None,
            max_file_size: crate::read::MAX_FILE_SIZE,
        }
    }

    /// Assumes `year` for dates in documents that give no year anywhere
    /// (no dateline, no full date, no year in their opening).
    pub fn with_year(mut self, year: Option<i32>) -> Pipeline {
        self.extractor = self.extractor.with_year(year);
        self
    }

    /// Gives documents whose front matter or record gives no date of
    /// publication this one (an ISO 8601 day), which dates them as a dateline
    /// does.
    pub fn with_date(mut self, date: Option<String>) -> Pipeline {
        self.date = date;
        self
    }

    /// Adds to `counter` the bytes of each sentence (UTF-8, normalised) as the
    /// pipeline reads it: finer than [`Progress`], which comes a batch at a
    /// time, for a display that moves within a large article.
    pub fn with_reading_counter(
        mut self,
        counter: std::sync::Arc<std::sync::atomic::AtomicU64>,
    ) -> Pipeline {
        self.reading = Some(counter);
        self
    }

    /// Skips a document whose reading takes longer than `limit` (checked
    /// between sentences), with [`Why::TooSlow`](crate::read::Why::TooSlow):
    /// a runaway article costs at most `limit`, never the build.
    pub fn with_time_limit(mut self, limit: Option<std::time::Duration>) -> Pipeline {
        self.time_limit = limit;
        self
    }

    /// Skips, unread, an article file or record larger than `bytes`
    /// (default [`MAX_FILE_SIZE`](crate::read::MAX_FILE_SIZE), 64 MiB).
    pub fn with_max_file_size(mut self, bytes: u64) -> Pipeline {
        self.max_file_size = bytes;
        self
    }

    /// Reads documents on `threads` threads (0: one per core). The graph is the
    /// same for any number.
    pub fn with_threads(mut self, threads: usize) -> Pipeline {
        self.threads = threads;
        self
    }

    /// The graph of `files` already in memory; `progress` is told how many
    /// documents are done.
    pub fn build(&self, files: &[SourceFile], mut progress: impl FnMut(usize)) -> GovGraph {
        let load = |i: usize| -> Result<Document, Skipped> {
            Ok(normalise_with(
                &files[i].name,
                &files[i].text,
                &files[i].meta,
            ))
        };
        self.graph_of(files.len(), load, |p: Progress| progress(p.documents))
    }

    /// The graph of already normalised documents.
    pub fn build_documents(&self, docs: &[Document], mut progress: impl FnMut(usize)) -> GovGraph {
        let load = |i: usize| -> Result<Document, Skipped> { Ok(docs[i].clone()) };
        self.graph_of(docs.len(), load, |p: Progress| progress(p.documents))
    }

    /// The graph of the listed files, read from disk a batch at a time. A
    /// file that cannot be read, or is not text, is skipped and told of in
    /// [`Built::skipped`].
    pub fn build_entries(&self, entries: &[Entry], mut progress: impl FnMut(usize)) -> Built {
        self.build_entries_with_progress(entries, |p| progress(p.documents))
    }

    /// As [`Pipeline::build_entries`], telling `progress` the bytes read too.
    pub fn build_entries_with_progress(
        &self,
        entries: &[Entry],
        progress: impl FnMut(Progress),
    ) -> Built {
        self.update_entries(Merge::new(), entries, progress)
    }

    /// The graph of the records of `merge` and those of the listed files: an
    /// update of a graph with new articles, which reads none of the old ones.
    pub fn update_entries(
        &self,
        mut merge: Merge,
        entries: &[Entry],
        progress: impl FnMut(Progress),
    ) -> Built {
        let extracted = self.extract_entries(entries, progress, |r| {
            merge.add(r);
        });
        Built {
            facts: merge.to_jsonl(),
            records: merge.len(),
            clashes: merge.clashes().cloned().collect(),
            graph: merge.into_graph(self.extractor.rules()),
            skipped: extracted.skipped,
            warnings: extracted.warnings,
            documents: extracted.documents,
        }
    }

    /// The map step over the listed files: each document's record, handed to
    /// `sink` in listed order as each batch ends.
    pub fn extract_entries(
        &self,
        entries: &[Entry],
        progress: impl FnMut(Progress),
        sink: impl FnMut(Record),
    ) -> Extracted {
        // Told once per article, in listed order whatever the thread that read it.
        let replaced = std::sync::Mutex::new(std::collections::BTreeMap::new());
        let load = |i: usize| -> Result<Document, Skipped> {
            read_entry_within(&entries[i], self.max_file_size).map(|f| {
                if let (Some(r), Ok(mut all)) = (&f.replaced, replaced.lock()) {
                    all.insert(i, r.to_string());
                }
                normalise_with(&f.name, &f.text, &f.meta)
            })
        };
        let mut extracted = self.run(entries.len(), load, progress, sink);
        let replaced = replaced.into_inner().unwrap_or_else(|e| e.into_inner());
        extracted.warnings = replaced.into_values().collect();
        extracted
    }

    /// The map step over source files read one at a time from `files` (a
    /// stream: standard input's records): each document's record, handed to
    /// `sink` in order, a batch at a time, so memory holds one batch.
    pub fn extract_stream(
        &self,
        files: impl Iterator<Item = Result<SourceFile, Skipped>>,
        mut progress: impl FnMut(Progress),
        mut sink: impl FnMut(Record),
    ) -> Extracted {
        let mut files = files.peekable();
        let pool = self.pool();
        let mut extracted = Extracted::default();
        let mut done = Progress::default();
        while files.peek().is_some() {
            let batch: Vec<Result<SourceFile, Skipped>> = files.by_ref().take(BATCH).collect();
            for f in batch.iter().flatten() {
                if let Some(r) = &f.replaced {
                    extracted.warnings.push(r.to_string());
                }
            }
            let load = |i: usize| -> Result<Document, Skipped> {
                match &batch[i] {
                    Ok(f) => Ok(normalise_with(&f.name, &f.text, &f.meta)),
                    Err(skip) => Err(skip.clone()),
                }
            };
            let before = done;
            let part = self.run_on(
                pool.as_ref(),
                batch.len(),
                load,
                |p| {
                    done = Progress {
                        documents: before.documents + p.documents,
                        bytes: before.bytes + p.bytes,
                    }
                },
                &mut sink,
            );
            progress(done);
            extracted.skipped.extend(part.skipped);
            extracted.documents += part.documents;
        }
        extracted
    }

    /// The record of one document alone.
    pub fn record(&self, doc: &Document) -> Record {
        Record::new(doc, self.extractor.extract(doc))
    }

    /// The facts of one document alone.
    pub fn facts(&self, doc: &Document) -> Facts {
        self.extractor.extract(doc)
    }

    /// One document's facts, within the time limit if there is one.
    fn extract(
        &self,
        doc: &Document,
        read: Option<&std::sync::atomic::AtomicU64>,
    ) -> Option<Facts> {
        match self.time_limit {
            Some(limit) => self.extractor.extract_within(doc, read, limit),
            None => Some(match read {
                Some(read) => self.extractor.extract_counting(doc, read),
                None => self.extractor.extract(doc),
            }),
        }
    }

    fn too_slow(&self, doc: &Document) -> Skipped {
        Skipped {
            what: doc.name.clone(),
            why: crate::read::Why::TooSlow(self.time_limit.unwrap_or_default().as_millis() as u64),
        }
    }

    /// The graph of documents `0..n`: `load(i)` gives the i-th, or why it is
    /// skipped.
    fn graph_of(
        &self,
        n: usize,
        load: impl Fn(usize) -> Result<Document, Skipped> + Sync,
        progress: impl FnMut(Progress),
    ) -> GovGraph {
        let mut merge = Merge::new();
        self.run(n, load, progress, |r| {
            merge.add(r);
        });
        merge.into_graph(self.extractor.rules())
    }

    /// Threads to extract on: a pool of `threads`, or none (rayon's global
    /// pool) when no pool can be had.
    fn pool(&self) -> Option<rayon::ThreadPool> {
        rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads)
            .build()
            .ok()
    }

    /// Extracts documents `0..n` on a pool of its own; see [`Pipeline::run_on`].
    fn run(
        &self,
        n: usize,
        load: impl Fn(usize) -> Result<Document, Skipped> + Sync,
        progress: impl FnMut(Progress),
        sink: impl FnMut(Record),
    ) -> Extracted {
        self.run_on(self.pool().as_ref(), n, load, progress, sink)
    }

    /// Extracts documents `0..n` on `pool`, a batch at a time: `load(i)`
    /// gives the i-th, or why it is skipped; `sink` takes each record in
    /// order.
    fn run_on(
        &self,
        pool: Option<&rayon::ThreadPool>,
        n: usize,
        load: impl Fn(usize) -> Result<Document, Skipped> + Sync,
        mut progress: impl FnMut(Progress),
        mut sink: impl FnMut(Record),
    ) -> Extracted {
        let read_one = |i: usize| -> Result<(usize, Record), Skipped> {
            let mut doc = load(i)?;
            if doc.date.is_none() {
                doc.date.clone_from(&self.date);
            }
            let facts = self.extract(&doc, self.reading.as_deref());
            let facts = facts.ok_or_else(|| self.too_slow(&doc))?;
            Ok((doc.text.len(), Record::new(&doc, facts)))
        };
        let mut extracted = Extracted::default();
        let mut bytes = 0u64;
        let mut done = 0;
        for start in (0..n).step_by(BATCH) {
            let each = || -> Vec<Result<(usize, Record), Skipped>> {
                (start..n.min(start + BATCH))
                    .into_par_iter()
                    .map(read_one)
                    .collect()
            };
            let batch = match pool {
                Some(p) => p.install(each),
                None => each(),
            };
            for read in batch {
                done += 1;
                match read {
                    Ok((len, record)) => {
                        bytes += len as u64;
                        extracted.documents += 1;
                        sink(record);
                    }
                    Err(skip) => extracted.skipped.push(skip),
                }
            }
            progress(Progress {
                documents: done,
                bytes,
            });
        }
        extracted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn the_reading_counter_moves_sentence_by_sentence_over_the_whole_text() {
        let docs = [
            crate::normalise::normalise("a.txt", "12月3日，福田区召开会议。区委书记甲某某主持。"),
            crate::normalise::normalise("b.txt", "罗湖区区长乙某某调研。"),
        ];
        let counter = Arc::new(AtomicU64::new(0));
        let pipeline = Pipeline::new(Rules::builtin()).with_reading_counter(counter.clone());
        let graph = pipeline.build_documents(&docs, |_| {});
        assert!(graph.node("person:甲某某").is_some());
        // Every sentence counted once (the text less its line breaks), as
        // its mentions are found (a second reading finds none).
        let text: usize = docs.iter().map(|d| d.text.replace('\n', "").len()).sum();
        assert_eq!(counter.load(Ordering::Relaxed), text as u64);
    }
}
