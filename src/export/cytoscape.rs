//! Cytoscape.js elements JSON, in the `.cyjs` layout Cytoscape desktop also reads.
//!
//! `{"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}`; each
//! node's `data` has `id`, `label` and every graph.json field, each edge's `data`
//! has `id` (`e0`, `e1`... in edge order), `source`, `target` and every field.
//! Nodes carry their kind as a class, for styling (`node.person`), and so do
//! edges their relation (`edge.appointed`). The fields pass through as graph.json
//! writes them: a holds_post edge's `start`, `end` and `acting` (present only
//! when true), an appointed or removed edge's `title`, `date`, `change` and
//! `body`; the label reads `代区长` for an acting holder and `辞去区长 2024-03-01`
//! for a personnel fact.

use serde_json::{Map, Value, json};

use super::edge_label;
use crate::graph::GovGraph;

/// The graph as Cytoscape.js JSON text.
pub fn to_cytoscape(graph: &GovGraph) -> String {
    let nodes: Vec<Value> = graph
        .nodes()
        .into_iter()
        .map(|n| {
            let mut data = as_object(n);
            data.insert("label".into(), json!(n.name));
            json!({"data": data, "classes": n.kind.as_str()})
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let mut data = as_object(e);
            data.insert("id".into(), json!(format!("e{i}")));
            data.insert("label".into(), json!(edge_label(e)));
            json!({"data": data, "classes": e.relation.as_str()})
        })
        .collect();
    let doc = json!({
        "format_version": "1.0",
        "generated_by": "govgraph",
        "target_cytoscapejs_version": "~3",
        "data": {"name": "govgraph"},
        "elements": {"nodes": nodes, "edges": edges},
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

fn as_object(value: &impl serde::Serialize) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}
