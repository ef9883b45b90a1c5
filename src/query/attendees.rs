//! Who chaired and who attended what: one event, or every event of a day (or
//! of a month or a year).

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::attended::participation;
use super::date::parse_span_opt;
use super::render::Row;
use super::util::{event_district, sentences};
use super::{DateSpan, QueryError, resolve};
use crate::graph::{Evidence, GovGraph, NodeKind, Relation};

/// Which events to list the people of: `event`, or `date` (and `district`);
/// with both `event` and `date`, the event only if it took place that day
/// (or in that month or year).
#[derive(Debug, Clone, Default)]
pub struct AttendeesOptions {
    /// One event, by name, substring of its name, or id.
    pub event: Option<String>,
    /// Every event on this day, or in this month or year (an event spanning
    /// days counts on each of them).
    pub date: Option<String>,
    /// Only events held in this district.
    pub district: Option<String>,
}

/// One person at one event, as `attendees` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendance {
    pub date: Option<String>,
    pub district: Option<String>,
    pub district_id: Option<String>,
    pub event: String,
    pub event_id: String,
    /// `chaired` or `attended`.
    pub relation: Relation,
    pub person: String,
    pub person_id: String,
    /// The person's post in the event's district at the time, when known.
    pub title: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// The people of the chosen events, sorted by date, district, event, then
/// chairs before attendees, then person id.
///
/// # Example
/// ```
/// use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
/// use govgraph::query::{attendees, AttendeesOptions};
///
/// // 王子健 --chaired--> 会议 --held_in--> 宝安区
/// let mut g = GovGraph::new();
/// g.add_node(Node::new(NodeKind::Person, "王子健"));
/// g.add_node(Node::new(NodeKind::District, "宝安区"));
/// let mut meeting = Node::new(NodeKind::Event, "会议");
/// meeting.date = Some("2024-12-13".into());
/// g.add_node(meeting);
/// g.add_edge(Edge::new("event:会议", "district:宝安区", Relation::HeldIn));
/// g.add_edge(Edge::new("person:王子健", "event:会议", Relation::Chaired));
/// let opts = AttendeesOptions {
///     date: Some("2024年12月13日".into()),
///     district: Some("宝安区".into()),
///     ..Default::default()
/// };
/// let people = attendees(&g, &opts).unwrap();
/// assert_eq!(people[0].person, "王子健");
/// assert_eq!(people[0].district.as_deref(), Some("宝安区"));
/// ```
pub fn attendees(g: &GovGraph, opts: &AttendeesOptions) -> Result<Vec<Attendance>, QueryError> {
    let date = parse_span_opt(&opts.date)?;
    let district = match &opts.district {
        Some(d) => Some(resolve(g, d, &[NodeKind::District])?),
        None => None,
    };
    // An event whose day (or days, from date to end_date) meet the span.
    let on_day = |ix: NodeIndex, span: &DateSpan| {
        let n = g.node_at(ix);
        n.kind == NodeKind::Event
            && n.date
                .as_deref()
                .is_some_and(|d| span.meets(d, n.end_date.as_deref().unwrap_or(d).max(d)))
    };
    let events: Vec<NodeIndex> = match (&opts.event, &date) {
        (Some(e), _) => {
            let ev = resolve(g, e, &[NodeKind::Event])?;
            // With a date too, the event only if it took place that day.
            match &date {
                Some(day) if !on_day(ev, day) => Vec::new(),
                _ => vec![ev],
            }
        }
        (None, Some(day)) => g
            .petgraph()
            .node_indices()
            .filter(|&ix| on_day(ix, day))
            .collect(),
        (None, None) => {
            return Err(QueryError::BadArgument(
                "attendees needs --event EVENT or --date DATE".into(),
            ));
        }
    };
    let mut out = Vec::new();
    for ev in events {
        let held = event_district(g, ev);
        if let Some(d) = district
            && held.map(|h| h.id.as_str()) != Some(g.node_at(d).id.as_str())
        {
            continue;
        }
        for e in g.petgraph().edges_directed(ev, Direction::Incoming) {
            if !e.weight().relation.is_participation() {
                continue;
            }
            let p = participation(g, e.source(), ev, e.weight());
            out.push(Attendance {
                date: p.date,
                district: p.district,
                district_id: p.district_id,
                event: p.event,
                event_id: p.event_id,
                relation: p.relation,
                person: p.person,
                person_id: p.person_id,
                title: p.title,
                evidence: p.evidence,
            });
        }
    }
    out.sort_by(|a, b| {
        (
            &a.date,
            &a.district_id,
            &a.event_id,
            &a.relation,
            &a.person_id,
        )
            .cmp(&(
                &b.date,
                &b.district_id,
                &b.event_id,
                &b.relation,
                &b.person_id,
            ))
    });
    Ok(out)
}

impl Row for Attendance {
    fn headers(evidence: bool) -> Vec<&'static str> {
        let mut h = vec!["date", "district", "event", "relation", "person", "title"];
        if evidence {
            h.push("evidence");
        }
        h
    }

    fn cells(&self, evidence: bool) -> Vec<String> {
        let mut c = vec![
            self.date.clone().unwrap_or_default(),
            self.district.clone().unwrap_or_default(),
            self.event.clone(),
            self.relation.to_string(),
            self.person.clone(),
            self.title.clone().unwrap_or_default(),
        ];
        if evidence {
            c.push(sentences(&self.evidence));
        }
        c
    }
}
