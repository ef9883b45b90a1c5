//! The pipeline from source files to one graph.

use crate::graph::GovGraph;
use crate::read::SourceFile;
use crate::rules::Rules;

pub struct Pipeline {
    #[allow(dead_code)]
    rules: Rules,
}

impl Pipeline {
    pub fn new(rules: Rules) -> Pipeline {
        Pipeline { rules }
    }

    pub fn build(&self, files: &[SourceFile], mut progress: impl FnMut(usize)) -> GovGraph {
        for (i, _) in files.iter().enumerate() {
            progress(i + 1);
        }
        GovGraph::new()
    }
}
