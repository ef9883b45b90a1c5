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
//! every node is a source and the values are exact. Above it, the sums come from
//! k sources evenly spread over the nodes in graph order (graph.json's order, by
//! id, for a loaded graph), scaled by V/k: an unbiased estimate (Brandes & Pich
//! 2007) that ranks the hubs of a graph reliably. k is chosen so the searches
//! visit about [`SAMPLING_WORK`] nodes and arcs in all, between [`MIN_SOURCES`]
//! and [`MAX_SOURCES`]: 64 sources for 10,000 nodes, 4 for 100,000 nodes and
//! 290,000 edges. The choice of sources is fixed, so the output is stable.

use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use serde::Serialize;

use super::QueryError;
use super::render::{Render, Table};
use crate::graph::{Evidence, GovGraph, NodeKind};

/// Up to this many nodes, betweenness is exact.
pub const EXACT_LIMIT: usize = 5_000;
/// Above [`EXACT_LIMIT`], sources are sampled so that the searches visit about
/// this many nodes and arcs in all (one search visits every node and arc of a
/// connected graph once).
pub const SAMPLING_WORK: usize = 3_000_000;
/// The fewest sources sampled, however large the graph.
pub const MIN_SOURCES: usize = 4;
/// The most sources sampled.
pub const MAX_SOURCES: usize = 64;
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
    /// The number of documents any evidence points into.
    pub documents: usize,
    /// The earliest and latest dates on any node or edge (a chaired or attended
    /// date is its event's date).
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
    let mut nodes_by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut documents = Documents::default();
    let mut range: Option<(&str, &str)> = None;
    fn widen<'a>(range: &mut Option<(&'a str, &'a str)>, date: Option<&'a String>) {
        if let Some(d) = date.map(String::as_str) {
            *range = Some(match *range {
                Some((lo, hi)) => (lo.min(d), hi.max(d)),
                None => (d, d),
            });
        }
    }
    for n in pg.node_weights() {
        *nodes_by_kind.entry(n.kind.as_str()).or_insert(0) += 1;
        documents.add(&n.evidence);
        widen(&mut range, n.date.as_ref());
        widen(&mut range, n.end_date.as_ref());
    }
    let mut edges_by_relation: BTreeMap<&str, usize> = BTreeMap::new();
    let mut ends: Vec<(NodeIndex, NodeIndex)> = Vec::with_capacity(pg.edge_count());
    let mut degree = vec![0usize; pg.node_bound()];
    for r in pg.edge_references() {
        ends.push((r.source(), r.target()));
        degree[r.source().index()] += 1;
        degree[r.target().index()] += 1;
        let e = r.weight();
        *edges_by_relation.entry(e.relation.as_str()).or_insert(0) += 1;
        documents.add(&e.evidence);
        // A chaired/attended date is its event's date, already seen above.
        if !e.relation.is_participation() {
            widen(&mut range, e.date.as_ref());
        }
        widen(&mut range, e.first_seen.as_ref());
        widen(&mut range, e.last_seen.as_ref());
    }
    let date_range = range.map(|(from, to)| DateRange {
        from: from.to_string(),
        to: to.to_string(),
    });
    let documents = documents.seen.len();
    let counts = |m: BTreeMap<&str, usize>| -> BTreeMap<String, usize> {
        m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    };
    let (between, sources) = brandes(g, &ends);
    let mut people = Vec::new();
    let mut districts = Vec::new();
    for ix in pg.node_indices() {
        let b = (between[ix.index()] * 1000.0).round() / 1000.0;
        match pg[ix].kind {
            NodeKind::Person => people.push((degree[ix.index()], b, ix)),
            NodeKind::District => districts.push((degree[ix.index()], b, ix)),
            _ => {}
        }
    }
    let top = |mut list: Vec<(usize, f64, NodeIndex)>| {
        list.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| b.1.total_cmp(&a.1))
                .then_with(|| pg[a.2].id.cmp(&pg[b.2].id))
        });
        list.into_iter()
            .take(TOP)
            .map(|(degree, betweenness, ix)| Central {
                id: pg[ix].id.clone(),
                name: pg[ix].name.clone(),
                degree,
                betweenness,
            })
            .collect::<Vec<_>>()
    };
    Ok(Stats {
        nodes: pg.node_count(),
        edges: pg.edge_count(),
        nodes_by_kind: counts(nodes_by_kind),
        edges_by_relation: counts(edges_by_relation),
        documents,
        date_range,
        betweenness_method: if sources >= pg.node_count() {
            "exact".into()
        } else {
            "sampled".into()
        },
        betweenness_sources: sources,
        top_people: top(people),
        top_districts: top(districts),
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
    let ends: Vec<_> = pg
        .edge_references()
        .map(|r| (r.source(), r.target()))
        .collect();
    brandes(g, &ends)
}

/// Brandes' algorithm over the undirected simple graph of the edges `ends`.
fn brandes(g: &GovGraph, ends: &[(NodeIndex, NodeIndex)]) -> (Vec<f64>, usize) {
    let pg = g.petgraph();
    let bound = pg.node_bound();
    // Dense ids in node order (graph.json order, by id, for a loaded graph).
    let nodes: Vec<_> = pg.node_indices().collect();
    let n = nodes.len();
    let mut dense = vec![u32::MAX; bound];
    for (i, ix) in nodes.iter().enumerate() {
        dense[ix.index()] = i as u32;
    }
    // The undirected simple graph as a compressed adjacency list (CSR): the
    // neighbours of `v` are `adj[start[v]..start[v + 1]]`, sorted, no repeats.
    let arcs = || {
        ends.iter().filter_map(|&(a, b)| {
            let (a, b) = (dense[a.index()], dense[b.index()]);
            (a != b).then_some((a as usize, b as usize))
        })
    };
    let mut start = vec![0u32; n + 1];
    for (a, b) in arcs() {
        start[a + 1] += 1;
        start[b + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut adj = vec![0u32; start[n] as usize];
    let mut fill: Vec<u32> = start[..n].to_vec();
    for (a, b) in arcs() {
        adj[fill[a] as usize] = b as u32;
        fill[a] += 1;
        adj[fill[b] as usize] = a as u32;
        fill[b] += 1;
    }
    drop(fill);
    let mut kept = 0usize;
    for v in 0..n {
        let (lo, hi) = (start[v] as usize, start[v + 1] as usize);
        adj[lo..hi].sort_unstable();
        start[v] = kept as u32;
        let mut last = u32::MAX;
        for i in lo..hi {
            if adj[i] != last {
                last = adj[i];
                adj[kept] = last;
                kept += 1;
            }
        }
    }
    start[n] = kept as u32;
    adj.truncate(kept);
    let neighbours = |v: usize| &adj[start[v] as usize..start[v + 1] as usize];

    let k = if n <= EXACT_LIMIT {
        n
    } else {
        (SAMPLING_WORK / (n + adj.len())).clamp(MIN_SOURCES, MAX_SOURCES)
    };
    let mut bc = vec![0.0f64; n];
    // One record per node, so that a visit touches one cache line, not three.
    #[derive(Clone, Copy)]
    struct State {
        dist: u32,
        sigma: f64,
        delta: f64,
    }
    const UNSEEN: State = State {
        dist: u32::MAX,
        sigma: 0.0,
        delta: 0.0,
    };
    let mut st = vec![UNSEEN; n];
    // The breadth-first order, and the shortest-path arcs (v, w) in the order
    // found; read backwards, they are Brandes' stack.
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut dag: Vec<(u32, u32)> = Vec::with_capacity(adj.len() / 2);
    for j in 0..k {
        let s = if k == n { j } else { j * n / k };
        for &v in &order {
            st[v as usize] = UNSEEN;
        }
        order.clear();
        dag.clear();
        st[s] = State {
            dist: 0,
            sigma: 1.0,
            delta: 0.0,
        };
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            let State {
                dist: dv,
                sigma: sv,
                ..
            } = st[v as usize];
            for &w in neighbours(v as usize) {
                let sw = &mut st[w as usize];
                if sw.dist == u32::MAX {
                    sw.dist = dv + 1;
                    order.push(w);
                }
                if sw.dist == dv + 1 {
                    sw.sigma += sv;
                    dag.push((v, w));
                }
            }
        }
        // An arc (v, w) comes after every arc leaving w, so backwards, delta[w]
        // is complete when it is passed on to v.
        for &(v, w) in dag.iter().rev() {
            let State {
                sigma: sw,
                delta: dw,
                ..
            } = st[w as usize];
            let sv = &mut st[v as usize];
            sv.delta += sv.sigma / sw * (1.0 + dw);
        }
        for &w in &order {
            if w as usize != s {
                bc[w as usize] += st[w as usize].delta;
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
    for (i, ix) in nodes.iter().enumerate() {
        out[ix.index()] = bc[i] * scale;
    }
    (out, k)
}

/// The distinct documents among evidence.
///
/// Most evidence repeats a document already seen, and on a large graph the
/// lookups dominate `stats`: comparing against a stored name costs a cache miss.
/// So the set holds 64-bit FNV-1a hashes of the names, compared without touching
/// the names. Two different names with the same 64-bit hash would count once;
/// at 100,000 documents the odds are about 1 in 10^9.
#[derive(Default)]
struct Documents {
    seen: HashSet<u64, BuildHasherDefault<Prehashed>>,
}

impl Documents {
    fn add(&mut self, evidence: &[Evidence]) {
        for e in evidence {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in e.doc.bytes() {
                h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
            }
            self.seen.insert(h);
        }
    }
}

/// A hasher for values that already are hashes.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
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
        row("documents", "total", self.documents.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node, Relation};

    /// People 0-1-2-... chained through events: p0 - e0 - p1 - e1 - p2 ...
    fn chain(people: usize) -> GovGraph {
        let mut g = GovGraph::new();
        for i in 0..people {
            g.add_node(Node::new(NodeKind::Person, format!("p{i:05}")));
        }
        for i in 0..people - 1 {
            g.add_node(Node::new(NodeKind::Event, format!("e{i:05}")));
            for p in [i, i + 1] {
                g.add_edge(Edge::new(
                    format!("person:p{p:05}"),
                    format!("event:e{i:05}"),
                    Relation::Attended,
                ));
            }
        }
        g
    }

    #[test]
    fn exact_betweenness_on_a_path() {
        // p0 - e0 - p1: only e0 is between, for the one pair (p0, p1).
        let g = chain(2);
        let (b, k) = betweenness(&g);
        assert_eq!(k, 3);
        let at = |id: &str| b[g.index_of(id).unwrap().index()];
        assert_eq!(at("event:e00000"), 1.0);
        assert_eq!(at("person:p00000"), 0.0);
        // p0 - e0 - p1 - e1 - p2: p1 lies between (p0|e0) and (e1|p2): 4 pairs.
        let g = chain(3);
        let (b, _) = betweenness(&g);
        assert_eq!(b[g.index_of("person:p00001").unwrap().index()], 4.0);
    }

    #[test]
    fn parallel_facts_count_once() {
        let mut g = chain(2);
        let mut e = Edge::new("person:p00000", "event:e00000", Relation::Chaired);
        e.date = Some("2024-01-01".into());
        g.add_edge(e);
        let (b, _) = betweenness(&g);
        assert_eq!(b[g.index_of("event:e00000").unwrap().index()], 1.0);
    }

    #[test]
    fn large_graphs_are_sampled_and_still_find_the_hub() {
        // A star of 6,000 people around one event: beyond EXACT_LIMIT.
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Event, "hub"));
        for i in 0..6_000 {
            g.add_node(Node::new(NodeKind::Person, format!("p{i:05}")));
            g.add_edge(Edge::new(
                format!("person:p{i:05}"),
                "event:hub",
                Relation::Attended,
            ));
        }
        let (b, k) = betweenness(&g);
        assert_eq!(k, MAX_SOURCES);
        let hub = b[g.index_of("event:hub").unwrap().index()];
        assert!(b.iter().all(|&x| x <= hub), "the hub is the most between");
        // Exact: all pairs of the 6,000 leaves, 17,997,000; the estimate is close
        // (the first source is the hub itself, which sees nothing through itself).
        let exact = 6_000.0 * 5_999.0 / 2.0;
        assert!((hub - exact).abs() / exact < 0.05, "{hub} vs {exact}");
        let s = stats(&g).unwrap();
        assert_eq!(s.betweenness_method, "sampled");
    }
}
