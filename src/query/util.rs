//! Small helpers shared by the questions: reading the facts around a node.

use std::collections::BTreeSet;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::{Edge, Evidence, GovGraph, Node, NodeKind, Relation};

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

/// The sentences of the evidence, in order, for a table cell.
pub(crate) fn sentences(evidence: &[Evidence]) -> String {
    let mut seen = BTreeSet::new();
    evidence
        .iter()
        .filter(|e| seen.insert(e.text.as_ref()))
        .map(|e| format!("{} [{}]", e.text, e.doc))
        .collect::<Vec<_>>()
        .join(" | ")
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
