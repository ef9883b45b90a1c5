//! Small helpers shared by the questions: reading the facts around a node,
//! and citing the sources of the facts.

use std::collections::BTreeSet;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::{Edge, Evidence, GovGraph, Node, NodeKind, Relation};

/// How a document node is cited: its title, date and address, those it has;
/// `None` without a title.
pub fn citation(doc: &Node) -> Option<String> {
    let title = doc.title.as_deref()?;
    let parts: Vec<&str> = std::iter::once(title)
        .chain(doc.date.as_deref())
        .chain(doc.url.as_deref())
        .collect();
    Some(parts.join(", "))
}

/// The edges of `relation` leaving or entering `ix`, with the node at the other end.
pub(crate) fn edges_of(
    g: &GovGraph,
    ix: NodeIndex,
    dir: Direction,
    relation: Relation,
) -> Vec<(&Edge, NodeIndex)> {
    let mut out: Vec<(&Edge, NodeIndex)> = g
        .petgraph()
        .edges_directed(ix, dir)
        .filter(|e| e.weight().relation == relation)
        .map(|e| {
            let other = if dir == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            (e.weight(), other)
        })
        .collect();
    out.sort_by_key(|a| a.0.key());
    out
}

/// The district an event was held in (the first, by id, when a source names several).
pub(crate) fn event_district(g: &GovGraph, event: NodeIndex) -> Option<&Node> {
    edges_of(g, event, Direction::Outgoing, Relation::HeldIn)
        .into_iter()
        .map(|(_, d)| g.node_at(d))
        .find(|n| n.kind == NodeKind::District)
}

/// The post a person held in a district around a date, the most principal
/// where they held several (`rank` in `data/titles.tsv`: 区长 before 区委副书记):
/// among the posts whose tenure covers the date, else those seen last before
/// it, else all. An acting holder's post reads 代区长.
pub(crate) fn title_in(
    g: &GovGraph,
    person: NodeIndex,
    district: Option<&Node>,
    date: Option<&str>,
) -> Option<String> {
    let district = district?;
    let posts: Vec<&Edge> = edges_of(g, person, Direction::Outgoing, Relation::HoldsPost)
        .into_iter()
        .filter(|(_, d)| g.node_at(*d).id == district.id)
        .map(|(e, _)| e)
        .collect();
    let date = date.unwrap_or("");
    let principal = |list: Vec<&&Edge>| {
        list.into_iter()
            .min_by_key(|e| crate::rules::title_rank(e.title.as_deref().unwrap_or("")))
            .map(|e| super::tenure::shown_title(e))
    };
    let covering: Vec<&&Edge> = posts
        .iter()
        .filter(|e| super::tenure::covers(e, date))
        .collect();
    let latest = posts
        .iter()
        .filter_map(|e| e.last_seen.as_deref())
        .filter(|l| *l <= date)
        .max();
    let before: Vec<&&Edge> = posts
        .iter()
        .filter(|e| latest.is_some() && e.last_seen.as_deref() == latest)
        .collect();
    principal(covering)
        .or_else(|| principal(before))
        .or_else(|| principal(posts.iter().collect()))
}

/// Orders a node's edges for a walk: by edge index, but the edges to one
/// neighbour together, the most principal post first (`rank` in
/// `data/titles.tsv`), so that a walk that reaches 福田区 from 周江涛 goes by
/// 区长, not by 区委副书记. `key` gives an edge's index, its neighbour and the
/// edge.
pub(crate) fn principal_first<T>(next: &mut [T], key: impl Fn(&T) -> (usize, usize, &Edge)) {
    let mut first: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for t in next.iter() {
        let (id, other, _) = key(t);
        let f = first.entry(other).or_insert(id);
        *f = (*f).min(id);
    }
    let rank = |e: &Edge| match e.relation {
        Relation::HoldsPost => crate::rules::title_rank(e.title.as_deref().unwrap_or("")),
        _ => 0,
    };
    next.sort_by_key(|t| {
        let (id, other, e) = key(t);
        (first[&other], rank(e), id)
    });
}

/// The number of different documents among the evidence.
pub(crate) fn sources(evidence: &[Evidence]) -> usize {
    evidence
        .iter()
        .map(|e| e.doc.as_ref())
        .collect::<BTreeSet<_>>()
        .len()
}

/// The sentences of the evidence, in order, for a table cell, each followed by
/// its document's name in brackets (`text [doc]`: what [`cite`] turns into
/// the document's title, date and address).
pub(crate) fn sentences(evidence: &[Evidence]) -> String {
    let mut seen = BTreeSet::new();
    evidence
        .iter()
        .filter(|e| seen.insert(e.text.as_ref()))
        .map(|e| format!("{} [{}]", e.text, e.doc))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The citations of `g`'s titled documents, by evidence name: what a table's
/// `[doc]` becomes. Linear in the nodes.
pub fn citations(g: &GovGraph) -> std::collections::HashMap<String, String> {
    let prefix = format!("{}:", NodeKind::Document);
    (g.petgraph().node_weights())
        .filter(|n| n.kind == NodeKind::Document)
        .filter_map(|n| Some((n.id.strip_prefix(&prefix)?.to_string(), citation(n)?)))
        .collect()
}

/// What JSON answers attach to an evidence entry: its document's `title`,
/// `date`, `url` and `source` (those it has), in that order.
pub type DocumentFields = std::collections::HashMap<String, Vec<(&'static str, String)>>;

/// The [`DocumentFields`] of `g`'s documents that have any, by evidence name.
/// Linear in the nodes.
pub fn documents_json(g: &GovGraph) -> DocumentFields {
    let prefix = format!("{}:", NodeKind::Document);
    (g.petgraph().node_weights())
        .filter(|n| n.kind == NodeKind::Document)
        .filter_map(|n| {
            let doc = n.id.strip_prefix(&prefix)?;
            let fields: Vec<(&'static str, String)> = [
                ("title", &n.title),
                ("date", &n.date),
                ("url", &n.url),
                ("source", &n.source),
            ]
            .into_iter()
            .filter_map(|(key, value)| Some((key, value.clone()?)))
            .collect();
            (!fields.is_empty()).then(|| (doc.to_string(), fields))
        })
        .collect()
}

/// A JSON value whose objects keep their keys in the order written (a
/// `serde_json::Value` sorts them), so that citing evidence changes nothing
/// else of an answer.
#[derive(Debug)]
enum Ordered {
    Scalar(serde_json::Value),
    Array(Vec<Ordered>),
    Object(Vec<(String, Ordered)>),
}

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_string<E>(self, v: String) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(v.into()))
            }
            fn visit_unit<E>(self) -> Result<Ordered, E> {
                Ok(Ordered::Scalar(serde_json::Value::Null))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Ordered, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = a.next_element()? {
                    items.push(item);
                }
                Ok(Ordered::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Ordered, A::Error> {
                let mut fields = Vec::new();
                while let Some(field) = a.next_entry()? {
                    fields.push(field);
                }
                Ok(Ordered::Object(fields))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl serde::Serialize for Ordered {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Ordered::Scalar(v) => v.serialize(s),
            Ordered::Array(items) => s.collect_seq(items),
            Ordered::Object(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl Ordered {
    fn cite(&mut self, docs: &DocumentFields) {
        match self {
            Ordered::Scalar(_) => {}
            Ordered::Array(items) => items.iter_mut().for_each(|v| v.cite(docs)),
            Ordered::Object(fields) => {
                let doc = fields.iter().find_map(|(k, v)| match (k.as_str(), v) {
                    ("doc", Ordered::Scalar(serde_json::Value::String(d))) => Some(d.as_str()),
                    _ => None,
                });
                let is_evidence = fields.iter().any(|(k, _)| k == "text");
                match doc.filter(|_| is_evidence).and_then(|d| docs.get(d)) {
                    Some(document) => {
                        let document = Ordered::Object(
                            (document.iter())
                                .map(|(k, v)| (k.to_string(), Ordered::Scalar(v.as_str().into())))
                                .collect(),
                        );
                        fields.push(("document".to_string(), document));
                    }
                    None => fields.iter_mut().for_each(|(_, v)| v.cite(docs)),
                }
            }
        }
    }
}

/// A JSON answer, pretty-printed, with every evidence entry (an object with
/// `doc` and `text`) given its document's citation as `document`, where
/// `docs` has one; keys keep their order. Linear in the answer.
///
/// # Errors
/// When `answer` does not serialize as JSON.
pub fn cited_json<T: serde::Serialize>(
    answer: &T,
    docs: &DocumentFields,
) -> serde_json::Result<String> {
    if docs.is_empty() {
        return serde_json::to_string_pretty(answer);
    }
    let mut value: Ordered = serde_json::from_str(&serde_json::to_string(answer)?)?;
    value.cite(docs);
    serde_json::to_string_pretty(&value)
}

/// A table cell with each `[doc]` after a sentence replaced by the document's
/// citation, where `labels` has one. Linear in the cell.
pub fn cite(cell: &str, labels: &std::collections::HashMap<String, String>) -> String {
    static DOC: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\[([^\[\]]+)\]").expect("citation pattern is valid")
    });
    DOC.replace_all(cell, |c: &regex::Captures| match labels.get(&c[1]) {
        Some(label) => format!("[{label}]"),
        None => c[0].to_string(),
    })
    .into_owned()
}

/// A fact as one line: `郭亮 —holds_post(区委书记)→ 福田区`.
pub(crate) fn fact_line(g: &GovGraph, edge: &Edge) -> String {
    let name = |id: &str| g.node(id).map_or(id.to_string(), |n| n.name.clone());
    let detail = match (&edge.title, &edge.date) {
        (Some(t), Some(d)) => format!("({t}, {d})"),
        (Some(t), None) => format!("({t})"),
        (None, Some(d)) => format!("({d})"),
        (None, None) => String::new(),
    };
    format!(
        "{} —{}{}→ {}",
        name(&edge.source),
        edge.relation,
        detail,
        name(&edge.target)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(doc: &str) -> Evidence {
        Evidence {
            doc: doc.into(),
            start: 0,
            end: 4,
            text: "甲某某出席。".into(),
        }
    }

    #[test]
    fn sentences_cite_a_titled_document_by_title_date_and_address() {
        let mut g = GovGraph::new();
        let mut doc = Node::new(NodeKind::Document, "福田区召开会议");
        doc.id = "document:a1".into();
        doc.title = Some(doc.name.clone());
        doc.date = Some("2024-12-11".into());
        doc.url = Some("https://example.org/a1".into());
        g.add_node(doc);
        let mut plain = Node::new(NodeKind::Document, "b.txt");
        plain.id = "document:b.txt".into();
        plain.date = Some("2024-12-12".into());
        g.add_node(plain);
        let labels = citations(&g);
        let cell = sentences(&[evidence("a1"), evidence("b.txt")]);
        assert_eq!(cell, "甲某某出席。 [a1]", "one sentence, cited once");
        assert_eq!(
            cite(&cell, &labels),
            "甲某某出席。 [福田区召开会议, 2024-12-11, https://example.org/a1]"
        );
        // An untitled document keeps its name; a graph without documents, too.
        assert_eq!(
            cite("甲某某出席。 [b.txt]", &labels),
            "甲某某出席。 [b.txt]"
        );
        assert_eq!(cite(&cell, &citations(&GovGraph::new())), cell);
    }
}
