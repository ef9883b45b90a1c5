//! A person's timeline: the events they chaired or attended.

use petgraph::Direction;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::date::{parse_from, parse_to, within};
use super::render::Row;
use super::util::{event_district, sentences, title_in};
use super::{QueryError, resolve};
use crate::graph::{Evidence, GovGraph, NodeKind, Relation};

/// Which part of the timeline to give.
#[derive(Debug, Clone, Default)]
pub struct AttendedOptions {
    /// Events on or after this date (a month or year: its first day).
    pub from: Option<String>,
    /// Events on or before this date (a month or year: its last day).
    pub to: Option<String>,
    /// Only `chaired` or only `attended`.
    pub relation: Option<Relation>,
}

/// One person taking part in one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participation {
    pub date: Option<String>,
    pub end_date: Option<String>,
    pub person: String,
    pub person_id: String,
    /// `chaired` or `attended`.
    pub relation: Relation,
    /// The person's post in the event's district at the time, when known.
    pub title: Option<String>,
    pub event: String,
    pub event_id: String,
    pub district: Option<String>,
    pub district_id: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// The events `person` chaired or attended, sorted by date, then event id.
///
/// # Example
/// ```
/// use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
/// use govgraph::query::{attended, AttendedOptions};
///
/// // 郭亮 --attended(2024-12-11)--> 发布会
/// let mut g = GovGraph::new();
/// g.add_node(Node::new(NodeKind::Person, "郭亮"));
/// let mut event = Node::new(NodeKind::Event, "发布会");
/// event.date = Some("2024-12-11".into());
/// g.add_node(event);
/// let mut e = Edge::new("person:郭亮", "event:发布会", Relation::Attended);
/// e.date = Some("2024-12-11".into());
/// g.add_edge(e);
/// let timeline = attended(&g, "郭亮", &AttendedOptions::default()).unwrap();
/// assert_eq!(timeline[0].event, "发布会");
/// ```
pub fn attended(
    g: &GovGraph,
    person: &str,
    opts: &AttendedOptions,
) -> Result<Vec<Participation>, QueryError> {
    let from = parse_from(&opts.from)?;
    let to = parse_to(&opts.to)?;
    let p = resolve(g, person, &[NodeKind::Person])?;
    let mut out = Vec::new();
    for e in g.petgraph().edges_directed(p, Direction::Outgoing) {
        let edge = e.weight();
        if !edge.relation.is_participation() || opts.relation.is_some_and(|r| r != edge.relation) {
            continue;
        }
        let part = participation(g, p, e.target(), edge);
        let date = part.date.as_deref().unwrap_or("");
        if (from.is_some() || to.is_some()) && !within(date, from.as_deref(), to.as_deref()) {
            continue;
        }
        out.push(part);
    }
    sort(&mut out);
    Ok(out)
}

/// The participation stated by `edge`, from person `p` to event `ev`.
pub(crate) fn participation(
    g: &GovGraph,
    p: petgraph::stable_graph::NodeIndex,
    ev: petgraph::stable_graph::NodeIndex,
    edge: &crate::graph::Edge,
) -> Participation {
    let person = g.node_at(p);
    let event = g.node_at(ev);
    let district = event_district(g, ev);
    let date = edge.date.clone().or_else(|| event.date.clone());
    Participation {
        title: edge
            .title
            .clone()
            .or_else(|| title_in(g, p, district, date.as_deref())),
        date,
        end_date: event.end_date.clone(),
        person: person.name.clone(),
        person_id: person.id.clone(),
        relation: edge.relation,
        event: event.name.clone(),
        event_id: event.id.clone(),
        district: district.map(|d| d.name.clone()),
        district_id: district.map(|d| d.id.clone()),
        evidence: edge.evidence.clone(),
    }
}

fn sort(out: &mut [Participation]) {
    out.sort_by(|a, b| {
        (&a.date, &a.event_id, &a.relation, &a.person_id).cmp(&(
            &b.date,
            &b.event_id,
            &b.relation,
            &b.person_id,
        ))
    });
}

impl Row for Participation {
    fn headers(evidence: bool) -> Vec<&'static str> {
        let mut h = vec!["date", "relation", "district", "title", "event"];
        if evidence {
            h.push("evidence");
        }
        h
    }

    fn cells(&self, evidence: bool) -> Vec<String> {
        let mut c = vec![
            self.date.clone().unwrap_or_default(),
            self.relation.to_string(),
            self.district.clone().unwrap_or_default(),
            self.title.clone().unwrap_or_default(),
            self.event.clone(),
        ];
        if evidence {
            c.push(sentences(&self.evidence));
        }
        c
    }
}
