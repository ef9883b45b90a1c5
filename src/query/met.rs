//! Co-attendance: the people who took part in the same events as someone.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::Direction;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::render::Row;
use super::{QueryError, resolve};
use crate::graph::{GovGraph, NodeKind};

/// Another person met at shared events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Met {
    pub person: String,
    pub person_id: String,
    /// The number of events both took part in (chaired or attended).
    pub count: usize,
    /// The days of those events, sorted, without repeats.
    pub dates: Vec<String>,
    /// The ids of those events, sorted.
    pub events: Vec<String>,
}

/// The people who shared an event with `person`, most shared events first, then
/// by person id.
///
/// # Example
/// ```
/// use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
/// use govgraph::query::met;
///
/// // 郭亮 --attended--> 座谈会 <--attended-- 吴海峰
/// let mut g = GovGraph::new();
/// for name in ["郭亮", "吴海峰"] {
///     g.add_node(Node::new(NodeKind::Person, name));
/// }
/// let mut talk = Node::new(NodeKind::Event, "座谈会");
/// talk.date = Some("2024-12-12".into());
/// g.add_node(talk);
/// for name in ["郭亮", "吴海峰"] {
///     g.add_edge(Edge::new(format!("person:{name}"), "event:座谈会", Relation::Attended));
/// }
/// let people = met(&g, "郭亮").unwrap();
/// assert_eq!(people[0].person, "吴海峰");
/// assert_eq!(people[0].dates, ["2024-12-12"]);
/// ```
pub fn met(g: &GovGraph, person: &str) -> Result<Vec<Met>, QueryError> {
    let p = resolve(g, person, &[NodeKind::Person])?;
    let pg = g.petgraph();
    let mut shared: BTreeMap<_, BTreeSet<_>> = BTreeMap::new();
    let events: BTreeSet<_> = pg
        .edges_directed(p, Direction::Outgoing)
        .filter(|e| e.weight().relation.is_participation())
        .map(|e| e.target())
        .collect();
    for ev in events {
        for e in pg.edges_directed(ev, Direction::Incoming) {
            let other = e.source();
            if other != p && e.weight().relation.is_participation() {
                shared.entry(other).or_default().insert(ev);
            }
        }
    }
    let mut out: Vec<Met> = shared
        .into_iter()
        .map(|(other, evs)| {
            let node = g.node_at(other);
            let dates: BTreeSet<String> = evs
                .iter()
                .filter_map(|&ev| g.node_at(ev).date.clone())
                .collect();
            let mut events: Vec<String> = evs.iter().map(|&ev| g.node_at(ev).id.clone()).collect();
            events.sort();
            Met {
                person: node.name.clone(),
                person_id: node.id.clone(),
                count: events.len(),
                dates: dates.into_iter().collect(),
                events,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.person_id.cmp(&b.person_id))
    });
    Ok(out)
}

impl Row for Met {
    fn headers(_evidence: bool) -> Vec<&'static str> {
        vec!["person", "count", "dates"]
    }

    fn cells(&self, _evidence: bool) -> Vec<String> {
        vec![
            self.person.clone(),
            self.count.to_string(),
            self.dates.join(" "),
        ]
    }
}
