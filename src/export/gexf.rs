//! GEXF 1.3 for Gephi: attributes, colour, size and shape by kind, and time.
//!
//! The graph is `dynamic` with `timeformat="date"`: events carry `start`/`end`
//! (their date and end date) and so do dated edges (chaired, attended, appointed
//! and removed on their day), so Gephi's timeline plays the year. A holds_post
//! edge lives for its tenure, written as `<spells><spell start=".." end=".."/>`:
//! from `start` (the personnel fact that began it) or else `first_seen`, to `end`
//! or else `last_seen`; a side not known is left open. Its `start`, `end` and
//! `acting` (a boolean) are attributes too, and so are the `change` and `body` of
//! appointed and removed edges. Undated nodes and edges are always visible.
//! Colour, size and shape are written as the GEXF 1.3 schema declares them (in
//! the GEXF namespace), which validates against `gexf.xsd` and which Gephi reads
//! as viz attributes.

use std::fmt::Write;

use super::escape::xml;
use super::{edge_label, evidence_text, tenure};
use crate::graph::{GovGraph, NodeKind, Relation};

const NODE_ATTRS: [(&str, &str); 9] = [
    ("kind", "string"),
    ("aliases", "string"),
    ("date", "string"),
    ("end_date", "string"),
    ("roles", "string"),
    ("city", "string"),
    ("province", "string"),
    ("code", "string"),
    ("evidence", "string"),
];
/// Edge attributes with their GEXF types: `acting` is a boolean, written only
/// when true (as graph.json does); the rest are strings.
const EDGE_ATTRS: [(&str, &str); 11] = [
    ("relation", "string"),
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

/// Colour (r, g, b), size and GEXF shape of each kind of node.
fn viz(kind: NodeKind) -> ((u8, u8, u8), u32, &'static str) {
    let colour = hex(super::dot::style(kind).1);
    let (size, shape) = match kind {
        NodeKind::District => (20, "square"),
        NodeKind::Person => (10, "disc"),
        NodeKind::Event => (6, "triangle"),
        NodeKind::Project => (8, "diamond"),
        _ => (6, "disc"),
    };
    (colour, size, shape)
}

/// `#rrggbb` to its channels.
pub(crate) fn hex(s: &str) -> (u8, u8, u8) {
    let v = u32::from_str_radix(s.trim_start_matches('#'), 16).unwrap_or(0);
    ((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// The graph as GEXF 1.3 text.
pub fn to_gexf(graph: &GovGraph) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" \
         version=\"1.3\">\n",
    );
    out.push_str("  <meta>\n    <creator>govgraph</creator>\n");
    out.push_str("    <description>officials, districts, events and projects read from government news</description>\n");
    out.push_str("  </meta>\n");
    out.push_str(
        "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" idtype=\"string\">\n",
    );
    attributes(&mut out, "node", &NODE_ATTRS);
    attributes(&mut out, "edge", &EDGE_ATTRS);
    let nodes = graph.nodes();
    let _ = writeln!(out, "    <nodes count=\"{}\">", nodes.len());
    for node in nodes {
        let _ = write!(
            out,
            "      <node id=\"{}\" label=\"{}\"",
            xml(&node.id),
            xml(&node.name)
        );
        if let Some(d) = &node.date {
            let end = node.end_date.as_deref().unwrap_or(d);
            if is_date(d) && is_date(end) {
                let _ = write!(out, " start=\"{d}\" end=\"{end}\"");
            }
        }
        out.push_str(">\n");
        let values = [
            Some(node.kind.to_string()),
            join(&node.aliases),
            node.date.clone(),
            node.end_date.clone(),
            join(&node.roles),
            node.city.clone(),
            node.province.clone(),
            node.code.clone(),
            some_text(evidence_text(&node.evidence)),
        ];
        attvalues(&mut out, &NODE_ATTRS, &values);
        let ((r, g, b), size, shape) = viz(node.kind);
        let _ = writeln!(out, "        <color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        let _ = writeln!(out, "        <size value=\"{size}\"/>");
        let _ = writeln!(out, "        <shape value=\"{shape}\"/>");
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n");
    let edges = graph.edges();
    let _ = writeln!(out, "    <edges count=\"{}\">", edges.len());
    for (i, edge) in edges.into_iter().enumerate() {
        let _ = write!(
            out,
            "      <edge id=\"e{i}\" source=\"{}\" target=\"{}\" label=\"{}\" kind=\"{}\"",
            xml(&edge.source),
            xml(&edge.target),
            xml(&edge_label(edge)),
            edge.relation
        );
        // A holds_post edge lives for its tenure (a spell, below); a dated edge
        // on its day.
        let span = match (edge.relation, &edge.date, &edge.first_seen, &edge.last_seen) {
            (Relation::HoldsPost, ..) => None,
            (_, Some(d), _, _) => Some((d, d)),
            (_, None, Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        if let Some((a, b)) = span.filter(|(a, b)| is_date(a) && is_date(b)) {
            let _ = write!(out, " start=\"{a}\" end=\"{b}\"");
        }
        out.push_str(">\n");
        if edge.relation == Relation::HoldsPost {
            let (from, to) = tenure(edge);
            let (from, to) = (from.filter(|d| is_date(d)), to.filter(|d| is_date(d)));
            if from.is_some() || to.is_some() {
                out.push_str("        <spells>\n          <spell");
                if let Some(a) = from {
                    let _ = write!(out, " start=\"{a}\"");
                }
                if let Some(b) = to {
                    let _ = write!(out, " end=\"{b}\"");
                }
                out.push_str("/>\n        </spells>\n");
            }
        }
        let values = [
            Some(edge.relation.to_string()),
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
        attvalues(&mut out, &EDGE_ATTRS, &values);
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// Only `YYYY-MM-DD` goes into `start`/`end`, which the schema types as dates.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn attributes(out: &mut String, class: &str, attrs: &[(&str, &str)]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    for (name, kind) in attrs {
        let _ = writeln!(
            out,
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{kind}\"/>"
        );
    }
    out.push_str("    </attributes>\n");
}

fn attvalues(out: &mut String, attrs: &[(&str, &str)], values: &[Option<String>]) {
    if values.iter().all(Option::is_none) {
        return;
    }
    out.push_str("        <attvalues>\n");
    for ((name, _), v) in attrs.iter().zip(values) {
        if let Some(v) = v {
            let _ = writeln!(
                out,
                "          <attvalue for=\"{name}\" value=\"{}\"/>",
                xml(v)
            );
        }
    }
    out.push_str("        </attvalues>\n");
}

fn join(items: &[String]) -> Option<String> {
    some_text(items.join("|"))
}

fn some_text(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}
