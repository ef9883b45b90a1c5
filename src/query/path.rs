//! The shortest chain of facts linking two entities.
//!
//! Facts are followed in either direction (an undirected breadth-first search),
//! since "郭亮 attended X" and "吴海峰 attended X" link the two people through X
//! although both edges point at X. Each step is still told in the direction the
//! fact was stated: `郭亮 —holds_post(区委书记)→ 福田区`. Among chains of the same
//! length, the one through the earliest-added edges is given, so the answer is the
//! same every time for the same graph.json.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, NodeIndexable};
use serde::Serialize;

use super::render::{Render, Table};
use super::util::{fact_line, principal_first, sentences};
use super::{QueryError, resolve};
use crate::graph::{Evidence, GovGraph, Relation};

/// A chain of facts from one node to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathAnswer {
    pub from: String,
    pub from_id: String,
    pub to: String,
    pub to_id: String,
    /// The number of facts in the chain; null when nothing links the two.
    pub length: Option<usize>,
    pub steps: Vec<Step>,
}

/// One fact of a chain, as stated in the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub source: String,
    pub source_id: String,
    pub relation: Relation,
    pub title: Option<String>,
    pub date: Option<String>,
    pub target: String,
    pub target_id: String,
    /// The fact as one line: `郭亮 —holds_post(区委书记)→ 福田区`.
    pub fact: String,
    pub evidence: Vec<Evidence>,
}

/// The shortest chain of facts between the nodes named `a` and `b` (any kind).
///
/// # Example
/// ```
/// use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
/// use govgraph::query::path;
///
/// // 郭亮 --holds_post(区委书记)--> 福田区 <--holds_post(区长)-- 吴海峰
/// let mut g = GovGraph::new();
/// for name in ["郭亮", "吴海峰"] {
///     g.add_node(Node::new(NodeKind::Person, name));
/// }
/// g.add_node(Node::new(NodeKind::District, "福田区"));
/// for (who, title) in [("郭亮", "区委书记"), ("吴海峰", "区长")] {
///     let mut e = Edge::new(format!("person:{who}"), "district:福田区", Relation::HoldsPost);
///     e.title = Some(title.into());
///     g.add_edge(e);
/// }
/// let answer = path(&g, "郭亮", "吴海峰").unwrap();
/// assert_eq!(answer.steps[0].fact, "郭亮 —holds_post(区委书记)→ 福田区");
/// assert_eq!(answer.steps[1].fact, "吴海峰 —holds_post(区长)→ 福田区");
/// ```
pub fn path(g: &GovGraph, a: &str, b: &str) -> Result<PathAnswer, QueryError> {
    let start = resolve(g, a, &[])?;
    let goal = resolve(g, b, &[])?;
    let pg = g.petgraph();
    let mut came: Vec<Option<(NodeIndex, EdgeIndex)>> = vec![None; pg.node_bound()];
    let mut seen = vec![false; pg.node_bound()];
    seen[start.index()] = true;
    let mut queue = VecDeque::from([start]);
    'search: while let Some(u) = queue.pop_front() {
        for dir in [Direction::Outgoing, Direction::Incoming] {
            let mut next: Vec<_> = pg.edges_directed(u, dir).collect();
            let out = dir == Direction::Outgoing;
            principal_first(&mut next, |e| {
                let v = if out { e.target() } else { e.source() };
                (e.id().index(), v.index(), e.weight())
            });
            for e in next {
                let v = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if !seen[v.index()] {
                    seen[v.index()] = true;
                    came[v.index()] = Some((u, e.id()));
                    if v == goal {
                        break 'search;
                    }
                    queue.push_back(v);
                }
            }
        }
    }
    let (from, to) = (g.node_at(start), g.node_at(goal));
    let mut answer = PathAnswer {
        from: from.name.clone(),
        from_id: from.id.clone(),
        to: to.name.clone(),
        to_id: to.id.clone(),
        length: None,
        steps: Vec::new(),
    };
    if start == goal {
        answer.length = Some(0);
        return Ok(answer);
    }
    if !seen[goal.index()] {
        return Ok(answer);
    }
    let mut at = goal;
    while let Some((prev, e)) = came[at.index()] {
        let edge = &pg[e];
        let (s, t) = (g.node(&edge.source), g.node(&edge.target));
        answer.steps.push(Step {
            source: s.map_or_else(|| edge.source.clone(), |n| n.name.clone()),
            source_id: edge.source.clone(),
            relation: edge.relation,
            title: edge.title.clone(),
            date: edge.date.clone(),
            target: t.map_or_else(|| edge.target.clone(), |n| n.name.clone()),
            target_id: edge.target.clone(),
            fact: fact_line(g, edge),
            evidence: edge.evidence.clone(),
        });
        at = prev;
        if at == start {
            break;
        }
    }
    answer.steps.reverse();
    answer.length = Some(answer.steps.len());
    Ok(answer)
}

impl Render for PathAnswer {
    fn table(&self, evidence: bool) -> Table {
        let mut headers = vec!["step", "fact"];
        if evidence {
            headers.push("evidence");
        }
        let mut t = Table::new(&headers);
        for (i, step) in self.steps.iter().enumerate() {
            let mut row = vec![(i + 1).to_string(), step.fact.clone()];
            if evidence {
                row.push(sentences(&step.evidence));
            }
            t.push(row);
        }
        t
    }
}
