//! The ego network of a node: everything within K facts of it.
//!
//! Facts are followed in both directions, as in [`path`](super::path). With a
//! relation, only facts of that relation are followed.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, NodeIndexable};
use serde::Serialize;

use super::render::{Render, Table};
use super::util::{fact_line, principal_first};
use super::{QueryError, resolve};
use crate::graph::{GovGraph, Relation};

/// How far to look.
#[derive(Debug, Clone)]
pub struct NeighborsOptions {
    /// The number of facts to follow out from the node (at least 1).
    pub depth: usize,
    /// Follow only facts of this relation.
    pub relation: Option<Relation>,
}

impl Default for NeighborsOptions {
    fn default() -> Self {
        NeighborsOptions {
            depth: 1,
            relation: None,
        }
    }
}

/// The nodes around a node, and the facts walked to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighborhood {
    pub center: String,
    pub center_id: String,
    pub depth: usize,
    /// Every node reached, the center excluded, sorted by depth, then id.
    pub nodes: Vec<Neighbor>,
    /// Every fact walked (from a node closer than `depth`), sorted by source,
    /// target, relation, title and date.
    pub edges: Vec<NeighborEdge>,
}

/// A node in an ego network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Neighbor {
    pub id: String,
    pub kind: String,
    pub name: String,
    /// How many facts away from the center.
    pub depth: usize,
    /// The fact it was first reached by, as one line.
    pub via: String,
}

/// A fact in an ego network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeighborEdge {
    pub source: String,
    pub target: String,
    pub relation: Relation,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// The nodes within `opts.depth` facts of the node named `name`.
pub fn neighbors(
    g: &GovGraph,
    name: &str,
    opts: &NeighborsOptions,
) -> Result<Neighborhood, QueryError> {
    if opts.depth == 0 {
        return Err(QueryError::BadArgument("--depth must be at least 1".into()));
    }
    let center = resolve(g, name, &[])?;
    let pg = g.petgraph();
    let mut depth_of: Vec<Option<usize>> = vec![None; pg.node_bound()];
    depth_of[center.index()] = Some(0);
    let mut queue = VecDeque::from([center]);
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    while let Some(u) = queue.pop_front() {
        let du = depth_of[u.index()].unwrap_or(0);
        if du >= opts.depth {
            continue;
        }
        for dir in [Direction::Outgoing, Direction::Incoming] {
            let mut next: Vec<_> = pg.edges_directed(u, dir).collect();
            let out = dir == Direction::Outgoing;
            principal_first(&mut next, |e| {
                let v = if out { e.target() } else { e.source() };
                (e.id().index(), v.index(), e.weight())
            });
            for e in next {
                let edge = e.weight();
                if opts.relation.is_some_and(|r| r != edge.relation) {
                    continue;
                }
                let v: NodeIndex = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                // An edge seen from both ends is pushed twice; dedup drops one.
                edges.push(NeighborEdge {
                    source: edge.source.clone(),
                    target: edge.target.clone(),
                    relation: edge.relation,
                    title: edge.title.clone(),
                    date: edge.date.clone(),
                });
                if depth_of[v.index()].is_none() {
                    depth_of[v.index()] = Some(du + 1);
                    let n = g.node_at(v);
                    nodes.push(Neighbor {
                        id: n.id.clone(),
                        kind: n.kind.to_string(),
                        name: n.name.clone(),
                        depth: du + 1,
                        via: fact_line(g, edge),
                    });
                    queue.push_back(v);
                }
            }
        }
    }
    nodes.sort_by(|a, b| (a.depth, &a.id).cmp(&(b.depth, &b.id)));
    edges.sort_by(|a, b| {
        (&a.source, &a.target, a.relation, &a.title, &a.date)
            .cmp(&(&b.source, &b.target, b.relation, &b.title, &b.date))
    });
    edges.dedup();
    let c = g.node_at(center);
    Ok(Neighborhood {
        center: c.name.clone(),
        center_id: c.id.clone(),
        depth: opts.depth,
        nodes,
        edges,
    })
}

impl Render for Neighborhood {
    fn table(&self, _evidence: bool) -> Table {
        let mut t = Table::new(&["depth", "kind", "name", "via"]);
        for n in &self.nodes {
            t.push(vec![
                n.depth.to_string(),
                n.kind.clone(),
                n.name.clone(),
                n.via.clone(),
            ]);
        }
        t
    }
}
