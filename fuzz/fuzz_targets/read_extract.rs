//! Arbitrary bytes through the whole reading path: decoded as a file would be,
//! normalised, and built into a graph, which is then written as graph.json
//! and read back. Nothing may panic, and the graph must survive its own JSON.
#![no_main]

use std::sync::LazyLock;

use govgraph::graph::GovGraph;
use govgraph::pipeline::Pipeline;
use govgraph::rules::Rules;
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::new(Rules::builtin()).with_threads(1));

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = govgraph::read::decode(bytes) else {
        return;
    };
    let doc = govgraph::normalise::normalise("fuzz.txt", &decoded.text);
    let graph = PIPELINE.build_documents(&[doc], |_| {});
    let json = graph.to_json();
    let back = GovGraph::from_json(&json).expect("a graph reads its own JSON");
    assert_eq!(back.to_json(), json, "graph.json is stable through a read");
});
