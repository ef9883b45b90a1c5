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
//!
//! XML is written by quick-xml's Writer: escaping and nesting are the library's,
//! not ours.

use std::io;

use super::xml::{XmlWriter, attr, edge_facts, finish, some_text, start, text};
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
///
/// Errors only if the writer does, which writing into memory does not.
pub fn to_graphml(graph: &GovGraph) -> io::Result<Vec<u8>> {
    let mut w = start()?;
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns \
                 http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            let node_keys = NODE_KEYS.map(|k| (k, "string"));
            keys(w, "node", "n", &node_keys)?;
            keys(w, "edge", "e", &EDGE_KEYS)?;
            w.create_element("graph")
                .with_attributes([("id", "govgraph"), ("edgedefault", "directed")])
                .write_inner_content(|w| {
                    for node in graph.nodes() {
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
                        w.create_element("node")
                            .with_attribute(attr("id", &node.id))
                            .write_inner_content(|w| data(w, "n", &NODE_KEYS, &values))?;
                    }
                    let edge_keys = EDGE_KEYS.map(|(k, _)| k);
                    for (i, edge) in graph.edges().into_iter().enumerate() {
                        let values: Vec<Option<String>> = [
                            Some(edge.relation.to_string()),
                            Some(edge_label(edge)),
                            Some(super::dot::edge_colour(edge.relation).to_string()),
                        ]
                        .into_iter()
                        .chain(edge_facts(edge))
                        .collect();
                        w.create_element("edge")
                            .with_attribute(("id", format!("e{i}").as_str()))
                            .with_attribute(attr("source", &edge.source))
                            .with_attribute(attr("target", &edge.target))
                            .write_inner_content(|w| data(w, "e", &edge_keys, &values))?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(finish(w))
}

/// One `<key>` for each attribute of nodes or edges, typed.
fn keys(w: &mut XmlWriter, class: &str, prefix: &str, keys: &[(&str, &str)]) -> io::Result<()> {
    for &(k, t) in keys {
        w.create_element("key")
            .with_attributes([
                ("id", format!("{prefix}_{k}").as_str()),
                ("for", class),
                ("attr.name", k),
                ("attr.type", t),
            ])
            .write_empty()?;
    }
    Ok(())
}

/// A `<data>` for each value there is.
fn data(
    w: &mut XmlWriter,
    prefix: &str,
    keys: &[&str],
    values: &[Option<String>],
) -> io::Result<()> {
    for (k, v) in keys.iter().zip(values) {
        if let Some(v) = v {
            w.create_element("data")
                .with_attribute(("key", format!("{prefix}_{k}").as_str()))
                .write_text_content(text(v))?;
        }
    }
    Ok(())
}

fn join(items: &[String]) -> Option<String> {
    some_text(items.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Node, NodeKind};

    #[test]
    fn names_are_escaped() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Project, "<script>&\"]]>"));
        let x = String::from_utf8(to_graphml(&g).unwrap()).unwrap();
        assert!(x.contains("&lt;script&gt;&amp;&quot;]]&gt;"), "{x}");
        assert!(!x.contains("<script>"));
    }
}
