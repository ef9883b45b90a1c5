//! Cutting a readable picture out of a large graph before it is exported.
//!
//! Filters combine: each one narrows what the one before it kept, in this order:
//! dates, district, ego network, kinds. A node is kept with its edges to other kept
//! nodes; no filter invents nodes or edges. The semantics:
//!
//! - `from`/`to` (inclusive; a day, a month or a year in any form
//!   [`crate::query::DateSpan`] reads: `2024-12-11`, `2024年12月`, `2024`; a
//!   month or year counts from its first day to its last): events are kept
//!   when their date (or span, with `end_date`) meets the range, and dated edges
//!   (chaired, attended, appointed, removed) when their date is in it; a
//!   holds_post edge is kept when its tenure meets the range: from its `start`
//!   (or `first_seen`, the earlier) to its `end` (or `last_seen`; a start with
//!   no end runs on). Undated events are dropped;
//!   people, projects and others are dropped when the range left them no edge.
//!   Districts always stay.
//! - `district`: the district (by name, alias or id), the events held in it and the
//!   projects and places located in it, the people holding a post there (or
//!   appointed to or removed from one), and the events those people chaired or
//!   attended.
//! - `around` + `depth`: the node named (by id, name or alias) and every node at most
//!   `depth` edges away, edges followed in either direction.
//! - `kinds`: only nodes of these kinds.

use std::collections::{BTreeSet, VecDeque};

use crate::graph::{Edge, GovGraph, Node, NodeKind, Relation};
use crate::query::{DATE_FORMS, DateSpan};

/// Which part of the graph to export. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub district: Option<String>,
    pub kinds: Vec<NodeKind>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub around: Option<String>,
    /// For `around`: how many edges away to go (default 1).
    pub depth: Option<usize>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FilterError {
    #[error("no district named {0:?} in the graph")]
    NoDistrict(String),
    #[error("no node named {0:?} in the graph")]
    NoNode(String),
    #[error("{name:?} names several nodes ({}); give one of these ids", ids.join(", "))]
    Ambiguous { name: String, ids: Vec<String> },
    #[error("bad date {0:?}: give {forms}", forms = DATE_FORMS)]
    BadDate(String),
    #[error("--from {from} is after --to {to}")]
    EmptyRange { from: String, to: String },
}

impl Filter {
    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The part of `graph` this filter keeps.
    ///
    /// # Example
    /// ```
    /// use govgraph::export::Filter;
    /// use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
    ///
    /// // 郭亮 --holds_post--> 福田区    吴海峰 (no edge)
    /// let mut g = GovGraph::new();
    /// g.add_node(Node::new(NodeKind::Person, "郭亮"));
    /// g.add_node(Node::new(NodeKind::Person, "吴海峰"));
    /// g.add_node(Node::new(NodeKind::District, "福田区"));
    /// g.add_edge(Edge::new("person:郭亮", "district:福田区", Relation::HoldsPost));
    /// let f = Filter { district: Some("福田区".into()), ..Filter::default() };
    /// let cut = f.apply(&g).unwrap();
    /// assert_eq!(cut.node_count(), 2);
    /// assert!(cut.node("person:吴海峰").is_none());
    /// ```
    pub fn apply(&self, graph: &GovGraph) -> Result<GovGraph, FilterError> {
        let mut g = self.dates(graph)?;
        if let Some(name) = &self.district {
            g = district(&g, name)?;
        }
        if let Some(name) = &self.around {
            g = around(&g, name, self.depth.unwrap_or(1))?;
        }
        if !self.kinds.is_empty() {
            g = g.filter_nodes(|n| self.kinds.contains(&n.kind));
        }
        Ok(g)
    }

    fn dates(&self, graph: &GovGraph) -> Result<GovGraph, FilterError> {
        if self.from.is_none() && self.to.is_none() {
            return Ok(graph.clone());
        }
        let from = match &self.from {
            Some(d) => span(d)?.first,
            None => String::new(),
        };
        let to = match &self.to {
            Some(d) => span(d)?.last,
            None => "9999-12-31".to_string(),
        };
        if from > to {
            return Err(FilterError::EmptyRange { from, to });
        }
        let meets = |a: &str, b: &str| a <= to.as_str() && b >= from.as_str();
        let nodes: Vec<&Node> = graph
            .nodes()
            .into_iter()
            .filter(|n| match (n.kind, &n.date) {
                (NodeKind::Event, Some(d)) => meets(d, n.end_date.as_deref().unwrap_or(d)),
                (NodeKind::Event, None) => false,
                _ => true,
            })
            .collect();
        let edges: Vec<&Edge> = graph
            .edges()
            .into_iter()
            .filter(|e| match (&e.date, e.tenure_from(), e.tenure_to()) {
                (Some(d), _, _) => meets(d, d),
                (None, Some(a), _) if e.tenure_open() => meets(a, "9999-12-31"),
                (None, Some(a), Some(b)) => meets(a, b),
                (None, Some(d), None) | (None, None, Some(d)) => meets(d, d),
                (None, None, None) => true,
            })
            .collect();
        let mut out = rebuild(&nodes, &edges);
        // Drop what the range left stranded, but keep districts as landmarks.
        let linked: BTreeSet<String> = out
            .edges()
            .iter()
            .flat_map(|e| [e.source.clone(), e.target.clone()])
            .collect();
        out = out.filter_nodes(|n| n.kind == NodeKind::District || linked.contains(&n.id));
        Ok(out)
    }
}

/// The days a date names (`2024`: all of 2024), as `query` reads dates.
fn span(d: &str) -> Result<DateSpan, FilterError> {
    DateSpan::parse(d).map_err(|_| FilterError::BadDate(d.trim().to_string()))
}

fn rebuild(nodes: &[&Node], edges: &[&Edge]) -> GovGraph {
    let mut g = GovGraph::new();
    for n in nodes {
        g.add_node((*n).clone());
    }
    for e in edges {
        g.add_edge((*e).clone());
    }
    g
}

/// The ids of the nodes `name` names: an id, else a name, else an alias.
fn find(graph: &GovGraph, name: &str, kind: Option<NodeKind>) -> Vec<String> {
    if let Some(n) = graph.node(name) {
        return vec![n.id.clone()];
    }
    let of_kind = |n: &&Node| kind.is_none_or(|k| n.kind == k);
    let by_name: Vec<String> = graph
        .nodes()
        .into_iter()
        .filter(of_kind)
        .filter(|n| n.name == name)
        .map(|n| n.id.clone())
        .collect();
    if !by_name.is_empty() {
        return by_name;
    }
    graph
        .nodes()
        .into_iter()
        .filter(of_kind)
        .filter(|n| n.is_named(name))
        .map(|n| n.id.clone())
        .collect()
}

fn one(graph: &GovGraph, name: &str, kind: Option<NodeKind>) -> Result<String, FilterError> {
    let mut ids = find(graph, name, kind);
    match ids.len() {
        0 if kind == Some(NodeKind::District) => Err(FilterError::NoDistrict(name.into())),
        0 => Err(FilterError::NoNode(name.into())),
        1 => Ok(ids.remove(0)),
        _ => Err(FilterError::Ambiguous {
            name: name.into(),
            ids,
        }),
    }
}

fn district(graph: &GovGraph, name: &str) -> Result<GovGraph, FilterError> {
    let id = one(graph, name, Some(NodeKind::District))?;
    let mut keep = BTreeSet::from([id.clone()]);
    let mut people = BTreeSet::new();
    for e in graph.in_edges(&id) {
        match e.relation {
            Relation::HeldIn | Relation::LocatedIn => {
                keep.insert(e.source.clone());
            }
            Relation::HoldsPost | Relation::Appointed | Relation::Removed => {
                keep.insert(e.source.clone());
                people.insert(e.source.clone());
            }
            _ => {}
        }
    }
    for person in &people {
        for e in graph.out_edges(person) {
            if e.relation.is_participation() {
                keep.insert(e.target.clone());
            }
        }
    }
    Ok(graph.filter_nodes(|n| keep.contains(&n.id)))
}

fn around(graph: &GovGraph, name: &str, depth: usize) -> Result<GovGraph, FilterError> {
    let start = one(graph, name, None)?;
    let mut seen = BTreeSet::from([start.clone()]);
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((id, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        let next = graph
            .out_edges(&id)
            .into_iter()
            .map(|e| e.target.clone())
            .chain(graph.in_edges(&id).into_iter().map(|e| e.source.clone()));
        for n in next {
            if seen.insert(n.clone()) {
                queue.push_back((n, d + 1));
            }
        }
    }
    Ok(graph.filter_nodes(|n| seen.contains(&n.id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> GovGraph {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "郭亮"));
        g.add_node(Node::new(NodeKind::District, "福田区"));
        g.add_node(Node::new(NodeKind::District, "南山区"));
        let mut ev = Node::new(NodeKind::Event, "发布会");
        ev.date = Some("2024-12-11".into());
        g.add_node(ev);
        let mut old = Node::new(NodeKind::Event, "座谈会");
        old.date = Some("2023-03-01".into());
        g.add_node(old);
        let mut post = Edge::new("person:郭亮", "district:福田区", Relation::HoldsPost);
        post.first_seen = Some("2024-04-23".into());
        post.last_seen = Some("2024-12-12".into());
        g.add_edge(post);
        let mut a = Edge::new("person:郭亮", "event:发布会", Relation::Attended);
        a.date = Some("2024-12-11".into());
        g.add_edge(a);
        g.add_edge(Edge::new(
            "event:发布会",
            "district:南山区",
            Relation::HeldIn,
        ));
        g.add_edge(Edge::new(
            "event:座谈会",
            "district:南山区",
            Relation::HeldIn,
        ));
        g
    }

    #[test]
    fn an_open_tenure_meets_every_later_range() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "甲某某"));
        g.add_node(Node::new(NodeKind::District, "福田区"));
        let mut post = Edge::new("person:甲某某", "district:福田区", Relation::HoldsPost);
        post.start = Some("2024-11-20".into());
        g.add_edge(post);
        let kept = |from: &str| {
            let f = Filter {
                from: Some(from.into()),
                ..Filter::default()
            };
            f.apply(&g).unwrap().edge_count()
        };
        assert_eq!(kept("2025-06"), 1, "appointed, never removed: still held");
        // The same post, now with the end a removal gives it.
        let mut ended = g.clone();
        let mut post = Edge::new("person:甲某某", "district:福田区", Relation::HoldsPost);
        post.end = Some("2024-12-31".into());
        ended.add_edge(post);
        let f = Filter {
            from: Some("2025".into()),
            ..Filter::default()
        };
        assert_eq!(f.apply(&ended).unwrap().edge_count(), 0, "removed by then");
    }

    #[test]
    fn dates_keep_events_in_range() {
        let f = Filter {
            from: Some("2024".into()),
            ..Filter::default()
        };
        let g = f.apply(&sample()).unwrap();
        assert!(g.node("event:发布会").is_some());
        assert!(g.node("event:座谈会").is_none());
        assert!(g.node("district:南山区").is_some());
    }

    #[test]
    fn dates_take_every_form_query_takes() {
        let kept = |from: &str, to: &str| {
            let f = Filter {
                from: Some(from.into()),
                to: Some(to.into()),
                ..Filter::default()
            };
            let g = f.apply(&sample()).unwrap();
            let ids: Vec<String> = g.nodes().iter().map(|n| n.id.clone()).collect();
            (ids, g.edge_count())
        };
        let want = kept("2024-12-01", "2024-12-31");
        assert!(want.0.contains(&"event:发布会".to_string()));
        assert_eq!(kept("2024年12月", "2024/12"), want);
        assert_eq!(kept("２０２４年１２月１１日", "2024.12.11"), want);
        assert!(
            !kept("2024-11", "2024-11")
                .0
                .contains(&"event:发布会".to_string())
        );
        let f = Filter {
            from: Some("2024-12-01".into()),
            to: Some("2024-11".into()),
            ..Filter::default()
        };
        assert!(matches!(
            f.apply(&sample()),
            Err(FilterError::EmptyRange { .. })
        ));
    }

    #[test]
    fn district_keeps_its_people_and_their_events() {
        let f = Filter {
            district: Some("福田区".into()),
            ..Filter::default()
        };
        let g = f.apply(&sample()).unwrap();
        let ids: Vec<&str> = g.nodes().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["district:福田区", "event:发布会", "person:郭亮"]);
    }

    #[test]
    fn around_walks_both_directions() {
        let f = Filter {
            around: Some("南山区".into()),
            depth: Some(2),
            ..Filter::default()
        };
        let g = f.apply(&sample()).unwrap();
        assert!(g.node("person:郭亮").is_some());
        assert!(g.node("district:福田区").is_none());
    }

    #[test]
    fn errors_name_the_problem() {
        let f = Filter {
            district: Some("罗湖区".into()),
            ..Filter::default()
        };
        assert_eq!(
            f.apply(&sample()).unwrap_err().to_string(),
            "no district named \"罗湖区\" in the graph"
        );
        let f = Filter {
            from: Some("2024-13".into()),
            ..Filter::default()
        };
        assert!(matches!(f.apply(&sample()), Err(FilterError::BadDate(_))));
    }
}
