//! GraphML with a typed `<key>` for every attribute, for yEd, Gephi and networkx.
//!
//! Every value but `acting` is a string (GraphML has no date type): dates stay
//! ISO 8601, lists (aliases, roles) are joined with `|`, and evidence is text,
//! one `doc:start-end sentence` a line. Nodes and edges also carry `label` and
//! `color` (`#rrggbb`, by kind or relation), which Gephi's GraphML importer uses
//! as the label and colour, and yEd's Properties Mapper can map. No yFiles
//! graphics: Gephi would report them as attributes without a type.
//!
//! Personnel facts are edges like any other: holds_post carries its tenure
//! (`start`, `end`) beside its sightings (`first_seen`, `last_seen`) and
//! `acting` (a boolean key, written only when true); appointed and removed carry
//! `title`, `date`, `change` and `body`.

use std::fmt::Write;

use super::escape::xml;
use super::{edge_label, evidence_text};
use crate::graph::GovGraph;

const NODE_KEYS: [&str; 12] = [
    "kind", "name", "label", "color", "aliases", "date", "end_date", "roles", "city", "province",
    "code", "evidence",
];
/// Edge keys with their GraphML types: `acting` is a boolean, written only
/// when true (as graph.json does); the rest are strings.
const EDGE_KEYS: [(&str, &str); 13] = [
    ("relation", "string"),
    ("label", "string"),
    ("color", "string"),
    ("title", "string"),
    ("date", "string"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("start", "string"),
    ("end", "string"),
    ("acting", "boolean"),
    ("change", "string"),
    ("body", "string"),
    ("evidence", "string"),
];

/// The graph as GraphML text.
pub fn to_graphml(graph: &GovGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for k in NODE_KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"n_{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"string\"/>"
        );
    }
    for (k, t) in EDGE_KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"e_{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{t}\"/>"
        );
    }
    out.push_str("  <graph id=\"govgraph\" edgedefault=\"directed\">\n");
    for node in graph.nodes() {
        let _ = writeln!(out, "    <node id=\"{}\">", xml(&node.id));
        let values = [
            Some(node.kind.to_string()),
            Some(node.name.clone()),
            Some(node.name.clone()),
            Some(super::dot::style(node.kind).1.to_string()),
            join(&node.aliases),
            node.date.clone(),
            node.end_date.clone(),
            join(&node.roles),
            node.city.clone(),
            node.province.clone(),
            node.code.clone(),
            some_text(evidence_text(&node.evidence)),
        ];
        data(&mut out, "n", &NODE_KEYS, &values);
        out.push_str("    </node>\n");
    }
    for (i, edge) in graph.edges().into_iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml(&edge.source),
            xml(&edge.target)
        );
        let values = [
            Some(edge.relation.to_string()),
            Some(edge_label(edge)),
            Some(super::dot::edge_colour(edge.relation).to_string()),
            edge.title.clone(),
            edge.date.clone(),
            edge.first_seen.clone(),
            edge.last_seen.clone(),
            edge.start.clone(),
            edge.end.clone(),
            edge.acting.then(|| "true".to_string()),
            edge.change.clone(),
            edge.body.clone(),
            some_text(evidence_text(&edge.evidence)),
        ];
        let keys = EDGE_KEYS.map(|(k, _)| k);
        data(&mut out, "e", &keys, &values);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn data(out: &mut String, prefix: &str, keys: &[&str], values: &[Option<String>]) {
    for (k, v) in keys.iter().zip(values) {
        if let Some(v) = v {
            let _ = writeln!(out, "      <data key=\"{prefix}_{k}\">{}</data>", xml(v));
        }
    }
}

fn join(items: &[String]) -> Option<String> {
    some_text(items.join("|"))
}

fn some_text(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Node, NodeKind};

    #[test]
    fn names_are_escaped() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Project, "<script>&\"]]>"));
        let x = to_graphml(&g);
        assert!(x.contains("&lt;script&gt;&amp;&quot;]]&gt;"), "{x}");
        assert!(!x.contains("<script>"));
    }
}
