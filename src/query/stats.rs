//! What the graph holds: counts, coverage, and its most connected people and
//! districts.
//!
//! Connectedness is measured two ways: degree (the number of facts about a node)
//! and betweenness centrality (how many shortest chains of facts between other
//! nodes pass through it), computed with Brandes' algorithm on the undirected
//! simple graph underneath (facts in either direction, parallel facts counted
//! once). petgraph 0.8 has no betweenness, so it is implemented here over a
//! compact adjacency list built from `g.petgraph()`.
//!
//! Brandes costs one breadth-first search per source node, O(V·E) in all, which
//! a graph of 100,000 nodes cannot afford in 200 ms. Up to [`EXACT_LIMIT`] nodes
//! every node is a source and the values are exact; above it, [`SAMPLED_SOURCES`]
//! sources evenly spread over the nodes in id order are used and the sums are
//! scaled by V/k, an unbiased estimate (Brandes & Pich 2007) that ranks the hubs
//! of a graph reliably. The choice of sources is fixed, so the output is stable.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::visit::NodeIndexable;
use serde::Serialize;

use super::QueryError;
use super::render::{Render, Table};
use crate::graph::{GovGraph, NodeKind};

/// Up to this many nodes, betweenness is exact.
pub const EXACT_LIMIT: usize = 5_000;
/// Above [`EXACT_LIMIT`], the number of sampled source nodes.
pub const SAMPLED_SOURCES: usize = 32;
/// How many people and districts `stats` lists.
const TOP: usize = 10;

/// The numbers `stats` gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub nodes: usize,
    pub edges: usize,
    /// Node counts by kind, kinds sorted by name (kinds with no node left out).
    pub nodes_by_kind: BTreeMap<String, usize>,
    /// Edge counts by relation, sorted by name.
    pub edges_by_relation: BTreeMap<String, usize>,
    /// The documents any evidence points into, sorted.
    pub documents: Vec<String>,
    /// The earliest and latest dates on any node or edge.
    pub date_range: Option<DateRange>,
    /// Whether betweenness is exact (`exact`) or estimated from sampled sources.
    pub betweenness_method: String,
    /// The number of source nodes betweenness was computed from.
    pub betweenness_sources: usize,
    /// The most connected people, by degree, then betweenness, then id.
    pub top_people: Vec<Central>,
    /// The most connected districts, in the same order.
    pub top_districts: Vec<Central>,
}

/// The first and last date seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub from: String,
    pub to: String,
}

/// A node with its centrality.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Central {
    pub id: String,
    pub name: String,
    /// The number of facts (edges in and out).
    pub degree: usize,
    /// Betweenness centrality (undirected, unnormalised, rounded to 0.001).
    pub betweenness: f64,
}

/// Counts, coverage and centrality of the whole graph.
pub fn stats(g: &GovGraph) -> Result<Stats, QueryError> {
    let pg = g.petgraph();
    let mut nodes_by_kind = BTreeMap::new();
    let mut documents = BTreeSet::new();
    let mut dates: Vec<&str> = Vec::new();
    for n in pg.node_weights() {
        *nodes_by_kind.entry(n.kind.to_string()).or_insert(0) += 1;
        documents.extend(n.evidence.iter().map(|e| e.doc.as_str()));
        dates.extend(n.date.as_deref());
        dates.extend(n.end_date.as_deref());
    }
    let mut edges_by_relation = BTreeMap::new();
    for e in pg.edge_weights() {
        *edges_by_relation.entry(e.relation.to_string()).or_insert(0) += 1;
        documents.extend(e.evidence.iter().map(|e| e.doc.as_str()));
        dates.extend(e.date.as_deref());
        dates.extend(e.first_seen.as_deref());
        dates.extend(e.last_seen.as_deref());
    }
    let date_range = match (dates.iter().min(), dates.iter().max()) {
        (Some(from), Some(to)) => Some(DateRange {
            from: from.to_string(),
            to: to.to_string(),
        }),
        _ => None,
    };
    let (between, sources) = betweenness(g);
    let top = |kind: NodeKind| {
        let mut list: Vec<Central> = pg
            .node_indices()
            .filter(|&ix| pg[ix].kind == kind)
            .map(|ix| Central {
                id: pg[ix].id.clone(),
                name: pg[ix].name.clone(),
                degree: pg.edges_directed(ix, petgraph::Direction::Outgoing).count()
                    + pg.edges_directed(ix, petgraph::Direction::Incoming).count(),
                betweenness: (between[ix.index()] * 1000.0).round() / 1000.0,
            })
            .collect();
        list.sort_by(|a, b| {
            b.degree
                .cmp(&a.degree)
                .then_with(|| b.betweenness.total_cmp(&a.betweenness))
                .then_with(|| a.id.cmp(&b.id))
        });
        list.truncate(TOP);
        list
    };
    Ok(Stats {
        nodes: pg.node_count(),
        edges: pg.edge_count(),
        nodes_by_kind,
        edges_by_relation,
        documents: documents.into_iter().map(str::to_string).collect(),
        date_range,
        betweenness_method: if sources >= pg.node_count() {
            "exact".into()
        } else {
            "sampled".into()
        },
        betweenness_sources: sources,
        top_people: top(NodeKind::Person),
        top_districts: top(NodeKind::District),
    })
}

/// Betweenness centrality of every node, indexed by `NodeIndex::index()`, and the
/// number of sources used (see the module docs for when it samples).
///
/// # Example
/// ```
/// use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
/// use govgraph::query::betweenness;
///
/// // 甲 --attended--> 会 <--attended-- 乙: every chain 甲..乙 passes through 会.
/// let mut g = GovGraph::new();
/// g.add_node(Node::new(NodeKind::Person, "甲"));
/// g.add_node(Node::new(NodeKind::Person, "乙"));
/// let hub = g.add_node(Node::new(NodeKind::Event, "会"));
/// g.add_edge(Edge::new("person:甲", "event:会", Relation::Attended));
/// g.add_edge(Edge::new("person:乙", "event:会", Relation::Attended));
/// let (b, sources) = betweenness(&g);
/// assert_eq!(sources, 3);
/// assert_eq!(b[hub.index()], 1.0);
/// ```
pub fn betweenness(g: &GovGraph) -> (Vec<f64>, usize) {
    let pg = g.petgraph();
    let bound = pg.node_bound();
    // Dense ids in node-id order, and an undirected simple adjacency list.
    let mut order: Vec<_> = pg.node_indices().collect();
    order.sort_by(|a, b| pg[*a].id.cmp(&pg[*b].id));
    let n = order.len();
    let mut dense = vec![usize::MAX; bound];
    for (i, ix) in order.iter().enumerate() {
        dense[ix.index()] = i;
    }
    let mut adj: Vec<Vec<u32>> = vec![Vec::new(); n];
    for e in pg.edge_indices() {
        if let Some((a, b)) = pg.edge_endpoints(e) {
            let (a, b) = (dense[a.index()], dense[b.index()]);
            if a != b {
                adj[a].push(b as u32);
                adj[b].push(a as u32);
            }
        }
    }
    for list in &mut adj {
        list.sort_unstable();
        list.dedup();
    }
    let k = if n <= EXACT_LIMIT {
        n
    } else {
        SAMPLED_SOURCES.min(n)
    };
    let mut bc = vec![0.0f64; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![-1i64; n];
    let mut delta = vec![0.0f64; n];
    let mut stack: Vec<u32> = Vec::with_capacity(n);
    let mut queue: VecDeque<u32> = VecDeque::new();
    for j in 0..k {
        let s = if k == n { j } else { j * n / k };
        for &v in &stack {
            sigma[v as usize] = 0.0;
            dist[v as usize] = -1;
            delta[v as usize] = 0.0;
        }
        stack.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s as u32);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            let v = v as usize;
            for &w in &adj[v] {
                let w = w as usize;
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w as u32);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &w in stack.iter().rev() {
            let w = w as usize;
            for &v in &adj[w] {
                let v = v as usize;
                if dist[v] >= 0 && dist[v] == dist[w] - 1 {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                bc[w] += delta[w];
            }
        }
    }
    // Each undirected pair is counted from both ends; sampling scales by n/k.
    let scale = if k == 0 {
        0.0
    } else {
        n as f64 / k as f64 / 2.0
    };
    let mut out = vec![0.0; bound];
    for (i, ix) in order.iter().enumerate() {
        out[ix.index()] = bc[i] * scale;
    }
    (out, k)
}

impl Render for Stats {
    fn table(&self, _evidence: bool) -> Table {
        let mut t = Table::new(&["section", "item", "value"]);
        let mut row = |a: &str, b: &str, c: String| t.push(vec![a.into(), b.into(), c]);
        row("nodes", "total", self.nodes.to_string());
        for (k, v) in &self.nodes_by_kind {
            row("nodes", k, v.to_string());
        }
        row("edges", "total", self.edges.to_string());
        for (k, v) in &self.edges_by_relation {
            row("edges", k, v.to_string());
        }
        row("documents", "total", self.documents.len().to_string());
        if let Some(r) = &self.date_range {
            row("dates", "from", r.from.clone());
            row("dates", "to", r.to.clone());
        }
        row(
            "betweenness",
            &self.betweenness_method,
            format!("{} sources", self.betweenness_sources),
        );
        for (section, list) in [
            ("person", &self.top_people),
            ("district", &self.top_districts),
        ] {
            for c in list {
                row(
                    section,
                    &c.name,
                    format!("degree {}, betweenness {}", c.degree, c.betweenness),
                );
            }
        }
        t
    }
}
