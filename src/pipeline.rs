//! The pipeline from source files to one graph.
//!
//! Documents are read on every core (`rayon`), in batches, and collected in
//! their listed order, so the graph is the same whatever the number of threads.
//! Each document is read once, without what other documents teach; then the
//! officials all of them name with a title are known, and only a document whose
//! text holds one of those names it did not read as an official itself is read
//! again with them (so that an article that only writes "郭亮、吴海峰与17家国企座谈"
//! still links the people another article introduced). A build from files
//! ([`Pipeline::build_entries`]) holds one batch of texts at a time and the
//! facts of all; its cost is linear in the corpus (the names' automaton is
//! linear in the names, each scan linear in the text). What a document's
//! metadata says of it (title, date, address, outlet, file) goes beside its
//! facts to `resolve`, which gives every document read its `document` node.

use rayon::prelude::*;

use crate::extract::{Extractor, Facts, KnownOfficials, known_officials};
use crate::graph::GovGraph;
use crate::normalise::{About, Document, normalise_with};
use crate::read::{Entry, Skipped, SourceFile, read_entry_within};
use crate::rules::{Rules, WordSet};

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
    /// Bytes of text read so far in the first round, sentence by sentence.
    reading: Option<std::sync::Arc<std::sync::atomic::AtomicU64>>,
    /// How long one document may take to read, each time it is read.
    time_limit: Option<std::time::Duration>,
    /// The largest article file (or record) read, in bytes.
    max_file_size: u64,
}

/// How far a build has got: what its progress callback is told after each
/// batch of documents read the first time (reading some again and linking
/// the facts come after the last report).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents read, files skipped included.
    pub documents: usize,
    /// Bytes of their normalised text (UTF-8).
    pub bytes: u64,
}

/// What a build from files gives: the graph, and the files it skipped.
#[derive(Debug)]
pub struct Built {
    pub graph: GovGraph,
    /// Articles listed that could not be read, each with why.
    pub skipped: Vec<Skipped>,
    /// Articles read with invalid bytes replaced, in listed order:
    /// `news/a.txt: 2 invalid bytes replaced (UTF-8)`.
    pub warnings: Vec<String>,
    /// Documents read (skipped files not counted).
    pub documents: usize,
    /// Documents read a second time with the officials of others.
    pub read_again: usize,
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
    /// first round reads it: finer than [`Progress`], which comes a batch at a
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
    /// a runaway article costs at most `limit`, never the build. Read again in
    /// the second round and overrunning there, it keeps its first reading.
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
        self.run(files.len(), load, |p: Progress| progress(p.documents))
            .graph
    }

    /// The graph of already normalised documents.
    pub fn build_documents(&self, docs: &[Document], mut progress: impl FnMut(usize)) -> GovGraph {
        let load = |i: usize| -> Result<Document, Skipped> { Ok(docs[i].clone()) };
        self.run(docs.len(), load, |p: Progress| progress(p.documents))
            .graph
    }

    /// The graph of the listed files, read from disk a batch at a time (a
    /// document read again is read from disk again). A file that cannot be
    /// read, or is not text, is skipped and told of in [`Built::skipped`].
    pub fn build_entries(&self, entries: &[Entry], mut progress: impl FnMut(usize)) -> Built {
        self.build_entries_with_progress(entries, |p| progress(p.documents))
    }

    /// As [`Pipeline::build_entries`], telling `progress` the bytes read too.
    pub fn build_entries_with_progress(
        &self,
        entries: &[Entry],
        progress: impl FnMut(Progress),
    ) -> Built {
        // Told once per article (one read again replaces the same bytes),
        // in listed order whatever the thread that read it.
        let replaced = std::sync::Mutex::new(std::collections::BTreeMap::new());
        let load = |i: usize| -> Result<Document, Skipped> {
            read_entry_within(&entries[i], self.max_file_size).map(|f| {
                if let (Some(r), Ok(mut all)) = (&f.replaced, replaced.lock()) {
                    all.insert(i, r.to_string());
                }
                normalise_with(&f.name, &f.text, &f.meta)
            })
        };
        let mut built = self.run(entries.len(), load, progress);
        let replaced = replaced.into_inner().unwrap_or_else(|e| e.into_inner());
        built.warnings = replaced.into_values().collect();
        built
    }

    /// The facts of one document alone.
    pub fn facts(&self, doc: &Document) -> Facts {
        self.extractor.extract(doc, &KnownOfficials::new())
    }

    /// One document's facts, within the time limit if there is one.
    fn extract(
        &self,
        doc: &Document,
        known: &KnownOfficials,
        read: Option<&std::sync::atomic::AtomicU64>,
    ) -> Option<Facts> {
        match self.time_limit {
            Some(limit) => self.extractor.extract_within(doc, known, read, limit),
            None => Some(match read {
                Some(read) => self.extractor.extract_counting(doc, known, read),
                None => self.extractor.extract(doc, known),
            }),
        }
    }

    fn too_slow(&self, doc: &Document) -> Skipped {
        Skipped {
            what: doc.name.clone(),
            why: crate::read::Why::TooSlow(self.time_limit.unwrap_or_default().as_millis() as u64),
        }
    }

    /// Reads documents `0..n`: `load(i)` gives the i-th, or why it is
    /// skipped.
    fn run(
        &self,
        n: usize,
        load: impl Fn(usize) -> Result<Document, Skipped> + Sync,
        progress: impl FnMut(Progress),
    ) -> Built {
        // No pool to be had (threads exhausted): rayon's global one.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads)
            .build()
            .ok();
        let load = |i: usize| {
            load(i).map(|mut doc| {
                if doc.date.is_none() {
                    doc.date.clone_from(&self.date);
                }
                doc
            })
        };
        self.read_all(pool.as_ref(), n, &load, progress)
    }

    fn read_all(
        &self,
        pool: Option<&rayon::ThreadPool>,
        n: usize,
        load: &(impl Fn(usize) -> Result<Document, Skipped> + Sync),
        mut progress: impl FnMut(Progress),
    ) -> Built {
        fn on<R: Send>(pool: Option<&rayon::ThreadPool>, f: impl FnOnce() -> R + Send) -> R {
            match pool {
                Some(p) => p.install(f),
                None => f(),
            }
        }
        let ex = &self.extractor;
        let none = KnownOfficials::new();
        // Round one: every document alone.
        let mut facts: Vec<Option<Facts>> = Vec::with_capacity(n);
        // What each document's node shows: its title, date, address ...
        let mut abouts: Vec<Option<About>> = Vec::with_capacity(n);
        let mut skipped = Vec::new();
        let mut bytes = 0u64;
        for start in (0..n).step_by(BATCH) {
            type Read = (usize, Facts, About);
            let batch: Vec<Result<Read, Skipped>> = on(pool, || {
                (start..n.min(start + BATCH))
                    .into_par_iter()
                    .map(|i| {
                        load(i).and_then(|doc| {
                            let facts = self.extract(&doc, &none, self.reading.as_deref());
                            let facts = facts.ok_or_else(|| self.too_slow(&doc))?;
                            Ok((doc.text.len(), facts, doc.about()))
                        })
                    })
                    .collect()
            });
            for read in batch {
                match read {
                    Ok((len, f, about)) => {
                        abouts.push(Some(about));
                        bytes += len as u64;
                        facts.push(Some(f));
                    }
                    Err(skip) => {
                        skipped.push(skip);
                        facts.push(None);
                        abouts.push(None);
                    }
                }
            }
            progress(Progress {
                documents: facts.len(),
                bytes,
            });
        }
        // The officials every document names with a title.
        let known = known_officials(facts.iter().flatten());
        // Round two: documents whose text holds a known name they did not
        // read as an official themselves.
        let known_names = WordSet::new(&known.keys().collect::<Vec<_>>());
        let mut read_again = 0;
        if !known.is_empty() {
            for start in (0..n).step_by(BATCH) {
                let (first_round, known, known_names) = (&facts, &known, &known_names);
                let batch: Vec<Option<Facts>> = on(pool, || {
                    (start..n.min(start + BATCH))
                        .into_par_iter()
                        .map(|i| {
                            let first = first_round[i].as_ref()?;
                            // Read again: a file that no longer reads keeps
                            // what it gave the first time.
                            let doc = load(i).ok()?;
                            ex.known_in(&doc, first, known_names).and_then(|held| {
                                let known: KnownOfficials = held
                                    .into_iter()
                                    .filter_map(|n| known.get_key_value(n))
                                    .map(|(n, d)| (n.clone(), d.clone()))
                                    .collect();
                                self.extract(&doc, &known, None)
                            })
                        })
                        .collect()
                });
                for (i, again) in (start..).zip(batch) {
                    if let Some(f) = again {
                        facts[i] = Some(f);
                        read_again += 1;
                    }
                }
            }
        }
        let facts: Vec<(Facts, About)> = (facts.into_iter().zip(abouts))
            .filter_map(|(f, about)| Some((f?, about?)))
            .collect();
        let documents = facts.len();
        let graph = crate::resolve::resolve_documents(facts, ex.rules());
        Built {
            graph,
            skipped,
            warnings: Vec::new(),
            documents,
            read_again,
        }
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
        // Every sentence counted once (the text less its line breaks), in the
        // first round only.
        let text: usize = docs.iter().map(|d| d.text.replace('\n', "").len()).sum();
        assert_eq!(counter.load(Ordering::Relaxed), text as u64);
    }
}
