//! graph.json: the node-link file of SPEC.md, read and written.
//!
//! `directed` and `multigraph` are always true so that networkx's
//! `node_link_graph(data, edges="edges")` reads the file as it is.

use super::{Edge, GovGraph, Node};
use serde::{Deserialize, Serialize};

/// The value of the `format` field.
pub const FORMAT: &str = "govgraph-1";

/// The file as it is on disk.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GraphFile {
    pub format: String,
    pub directed: bool,
    pub multigraph: bool,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// The file as it is written: [`GraphFile`] borrowing the graph's nodes and
/// edges, so writing a graph does not copy it.
#[derive(Serialize)]
struct GraphFileRef<'a> {
    format: &'a str,
    directed: bool,
    multigraph: bool,
    nodes: Vec<&'a Node>,
    edges: Vec<&'a Edge>,
}

/// Why a graph.json could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("not a govgraph graph.json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unknown graph format {0:?} (expected {FORMAT:?})")]
    Format(String),
    #[error("edge {from} -> {to} names a node that is not in the graph")]
    DanglingEdge { from: String, to: String },
}

impl GovGraph {
    /// The graph in SPEC order: nodes by id, edges by key.
    pub fn to_file(&self) -> GraphFile {
        GraphFile {
            format: FORMAT.to_string(),
            directed: true,
            multigraph: true,
            nodes: self.nodes().into_iter().cloned().collect(),
            edges: self.edges().into_iter().cloned().collect(),
        }
    }

    /// graph.json text, pretty-printed, ending in a newline.
    pub fn to_json(&self) -> String {
        let file = GraphFileRef {
            format: FORMAT,
            directed: true,
            multigraph: true,
            nodes: self.nodes(),
            edges: self.edges(),
        };
        let mut text = serde_json::to_string_pretty(&file).expect("graph values always serialise");
        text.push('\n');
        text
    }

    /// Reads graph.json text.
    pub fn from_json(text: &str) -> Result<GovGraph, LoadError> {
        let file: GraphFile = serde_json::from_str(text)?;
        GovGraph::from_file(file)
    }

    pub fn from_file(file: GraphFile) -> Result<GovGraph, LoadError> {
        if file.format != FORMAT {
            return Err(LoadError::Format(file.format));
        }
        let mut g = GovGraph::new();
        for node in file.nodes {
            g.add_node(node);
        }
        for edge in file.edges {
            let (source, target) = (edge.source.clone(), edge.target.clone());
            if g.add_edge(edge).is_none() {
                return Err(LoadError::DanglingEdge {
                    from: source,
                    to: target,
                });
            }
        }
        Ok(g)
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn json_round_trips_byte_for_byte() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "甲乙"));
        g.add_node(Node::new(NodeKind::District, "福田区"));
        let mut e = Edge::new("person:甲乙", "district:福田区", Relation::HoldsPost);
        e.title = Some("区长".into());
        g.add_edge(e);
        let text = g.to_json();
        let back = GovGraph::from_json(&text).unwrap();
        assert_eq!(back.to_json(), text);
        assert!(text.contains("\"multigraph\": true"));
    }

    #[test]
    fn a_dangling_edge_is_an_error() {
        let text = r#"{"format":"govgraph-1","directed":true,"multigraph":true,
            "nodes":[],"edges":[{"source":"a","target":"b","relation":"held_in"}]}"#;
        let err = GovGraph::from_json(text).unwrap_err();
        assert!(err.to_string().contains("a -> b"), "{err}");
    }
}
