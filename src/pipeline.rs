//! The pipeline from source files to one graph.
//!
//! Two rounds over the documents: the first collects the officials each one
//! names with a title, so that in the second an article that only writes
//! "郭亮、吴海峰与17家国企座谈" still links the people another article introduced.

use crate::extract::{Extractor, Facts, KnownOfficials};
use crate::graph::GovGraph;
use crate::normalise::{Document, normalise};
use crate::read::SourceFile;
use crate::rules::Rules;

/// Rules and models loaded once, applied to any number of documents.
pub struct Pipeline {
    extractor: Extractor,
}

impl Pipeline {
    pub fn new(rules: Rules) -> Pipeline {
        Pipeline {
            extractor: Extractor::new(rules),
        }
    }

    /// Assumes `year` for dates in documents that give no year anywhere
    /// (no dateline, no full date, no year in their opening).
    pub fn with_year(mut self, year: Option<i32>) -> Pipeline {
        self.extractor = self.extractor.with_year(year);
        self
    }

    /// The graph of `files`; `progress` is told how many documents are done.
    pub fn build(&self, files: &[SourceFile], progress: impl FnMut(usize)) -> GovGraph {
        let docs: Vec<Document> = files.iter().map(|f| normalise(&f.name, &f.text)).collect();
        self.build_documents(&docs, progress)
    }

    /// The graph of already normalised documents.
    pub fn build_documents(&self, docs: &[Document], mut progress: impl FnMut(usize)) -> GovGraph {
        let mut known = KnownOfficials::new();
        for doc in docs {
            for (name, districts) in self.extractor.officials_in(doc) {
                known.entry(name).or_default().extend(districts);
            }
        }
        let mut all: Vec<Facts> = Vec::with_capacity(docs.len());
        for (i, doc) in docs.iter().enumerate() {
            all.push(self.extractor.extract(doc, &known));
            progress(i + 1);
        }
        crate::resolve::resolve(&all, self.extractor.rules())
    }

    /// The facts of one document alone.
    pub fn facts(&self, doc: &Document) -> Facts {
        self.extractor.extract(doc, &KnownOfficials::new())
    }
}
