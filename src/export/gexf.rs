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
//!
//! XML is written by quick-xml's Writer: escaping and nesting are the library's,
//! not ours.

use std::io;

use quick_xml::events::BytesText;

use super::xml::{XmlWriter, attr, edge_facts, finish, some_text, start};
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
///
/// Errors only if the writer does, which writing into memory does not.
pub fn to_gexf(graph: &GovGraph) -> io::Result<Vec<u8>> {
    let mut w = start()?;
    w.create_element("gexf")
        .with_attributes([
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ])
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(BytesText::new("govgraph"))?;
                w.create_element("description")
                    .write_text_content(BytesText::new(
                        "officials, districts, events and projects read from government news",
                    ))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([
                    ("defaultedgetype", "directed"),
                    ("mode", "dynamic"),
                    ("timeformat", "date"),
                    ("idtype", "string"),
                ])
                .write_inner_content(|w| {
                    attributes(w, "node", &NODE_ATTRS)?;
                    attributes(w, "edge", &EDGE_ATTRS)?;
                    nodes(w, graph)?;
                    edges(w, graph)
                })?;
            Ok(())
        })?;
    Ok(finish(w))
}

/// `<nodes>`: each with its label, its time when it has dates, its attributes
/// and its colour, size and shape.
fn nodes(w: &mut XmlWriter, graph: &GovGraph) -> io::Result<()> {
    let nodes = graph.nodes();
    w.create_element("nodes")
        .with_attribute(("count", nodes.len().to_string().as_str()))
        .write_inner_content(|w| {
            for node in nodes {
                let mut element = w
                    .create_element("node")
                    .with_attribute(attr("id", &node.id))
                    .with_attribute(attr("label", &node.name));
                if let Some(d) = &node.date {
                    let end = node.end_date.as_deref().unwrap_or(d);
                    if is_date(d) && is_date(end) {
                        element = element
                            .with_attribute(("start", d.as_str()))
                            .with_attribute(("end", end));
                    }
                }
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
                element.write_inner_content(|w| {
                    attvalues(w, &NODE_ATTRS, &values)?;
                    let ((r, g, b), size, shape) = viz(node.kind);
                    w.create_element("color")
                        .with_attributes([
                            ("r", r.to_string().as_str()),
                            ("g", g.to_string().as_str()),
                            ("b", b.to_string().as_str()),
                        ])
                        .write_empty()?;
                    w.create_element("size")
                        .with_attribute(("value", size.to_string().as_str()))
                        .write_empty()?;
                    w.create_element("shape")
                        .with_attribute(("value", shape))
                        .write_empty()?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `<edges>`: each with its label and kind, its time (a day, or a holds_post
/// tenure as a spell) and its attributes.
fn edges(w: &mut XmlWriter, graph: &GovGraph) -> io::Result<()> {
    let edges = graph.edges();
    w.create_element("edges")
        .with_attribute(("count", edges.len().to_string().as_str()))
        .write_inner_content(|w| {
            for (i, edge) in edges.into_iter().enumerate() {
                let mut element = w
                    .create_element("edge")
                    .with_attribute(("id", format!("e{i}").as_str()))
                    .with_attribute(attr("source", &edge.source))
                    .with_attribute(attr("target", &edge.target))
                    .with_attribute(attr("label", &edge_label(edge)))
                    .with_attribute(("kind", edge.relation.as_str()));
                // A holds_post edge lives for its tenure (a spell, below); a dated
                // edge on its day.
                let span = match (edge.relation, &edge.date, &edge.first_seen, &edge.last_seen) {
                    (Relation::HoldsPost, ..) => None,
                    (_, Some(d), _, _) => Some((d, d)),
                    (_, None, Some(a), Some(b)) => Some((a, b)),
                    _ => None,
                };
                if let Some((a, b)) = span.filter(|(a, b)| is_date(a) && is_date(b)) {
                    element = element
                        .with_attribute(("start", a.as_str()))
                        .with_attribute(("end", b.as_str()));
                }
                let values: Vec<Option<String>> = std::iter::once(Some(edge.relation.to_string()))
                    .chain(edge_facts(edge))
                    .collect();
                element.write_inner_content(|w| {
                    if edge.relation == Relation::HoldsPost {
                        spells(w, tenure(edge))?;
                    }
                    attvalues(w, &EDGE_ATTRS, &values)
                })?;
            }
            Ok(())
        })?;
    Ok(())
}

/// A holds_post edge's tenure as `<spells><spell start=".." end=".."/></spells>`,
/// a side not known left open; nothing when neither side is known.
fn spells(w: &mut XmlWriter, (from, to): (Option<&str>, Option<&str>)) -> io::Result<()> {
    let (from, to) = (from.filter(|d| is_date(d)), to.filter(|d| is_date(d)));
    if from.is_none() && to.is_none() {
        return Ok(());
    }
    w.create_element("spells").write_inner_content(|w| {
        let mut spell = w.create_element("spell");
        if let Some(a) = from {
            spell = spell.with_attribute(("start", a));
        }
        if let Some(b) = to {
            spell = spell.with_attribute(("end", b));
        }
        spell.write_empty()?;
        Ok(())
    })?;
    Ok(())
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

fn attributes(w: &mut XmlWriter, class: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    w.create_element("attributes")
        .with_attributes([("class", class), ("mode", "static")])
        .write_inner_content(|w| {
            for &(name, kind) in attrs {
                w.create_element("attribute")
                    .with_attributes([("id", name), ("title", name), ("type", kind)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn attvalues(
    w: &mut XmlWriter,
    attrs: &[(&str, &str)],
    values: &[Option<String>],
) -> io::Result<()> {
    if values.iter().all(Option::is_none) {
        return Ok(());
    }
    w.create_element("attvalues").write_inner_content(|w| {
        for ((name, _), v) in attrs.iter().zip(values) {
            if let Some(v) = v {
                w.create_element("attvalue")
                    .with_attribute(("for", *name))
                    .with_attribute(attr("value", v))
                    .write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

fn join(items: &[String]) -> Option<String> {
    some_text(items.join("|"))
}
