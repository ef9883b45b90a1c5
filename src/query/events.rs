//! Events, with their district and their people.

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::date::{parse_from, parse_to, within};
use super::render::Row;
use super::util::{edges_of, event_district, sentences, sources};
use super::{QueryError, resolve};
use crate::graph::{Evidence, GovGraph, NodeKind, Relation};

/// Which events to list.
#[derive(Debug, Clone, Default)]
pub struct EventsOptions {
    /// Only events held in this district.
    pub district: Option<String>,
    /// Only events starting on or after this date (a month or year: its
    /// first day).
    pub from: Option<String>,
    /// Only events starting on or before this date (a month or year: its
    /// last day).
    pub to: Option<String>,
}

/// An event and who took part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRow {
    pub date: Option<String>,
    pub end_date: Option<String>,
    pub district: Option<String>,
    pub district_id: Option<String>,
    pub event: String,
    pub event_id: String,
    /// The names of who chaired it, sorted.
    pub chaired: Vec<String>,
    /// The names of who attended it, sorted.
    pub attended: Vec<String>,
    /// How many documents report it.
    pub sources: usize,
    pub evidence: Vec<Evidence>,
}

/// The events, sorted by date, district id, then event id.
pub fn events(g: &GovGraph, opts: &EventsOptions) -> Result<Vec<EventRow>, QueryError> {
    let from = parse_from(&opts.from)?;
    let to = parse_to(&opts.to)?;
    let district = opts
        .district
        .as_deref()
        .map(|d| resolve(g, d, &[NodeKind::District]))
        .transpose()?;
    let candidates: Vec<NodeIndex> = match district {
        Some(d) => edges_of(g, d, Direction::Incoming, Relation::HeldIn)
            .into_iter()
            .map(|(_, ev)| ev)
            .collect(),
        None => g
            .petgraph()
            .node_indices()
            .filter(|&ix| g.node_at(ix).kind == NodeKind::Event)
            .collect(),
    };
    let mut out = Vec::new();
    for ev in candidates {
        let node = g.node_at(ev);
        if node.kind != NodeKind::Event {
            continue;
        }
        if (from.is_some() || to.is_some())
            && !within(
                node.date.as_deref().unwrap_or(""),
                from.as_deref(),
                to.as_deref(),
            )
        {
            continue;
        }
        let held = match district {
            Some(d) => Some(g.node_at(d)),
            None => event_district(g, ev),
        };
        let (mut chaired, mut attended) = (Vec::new(), Vec::new());
        let mut evidence = node.evidence.clone();
        for e in g.petgraph().edges_directed(ev, Direction::Incoming) {
            let name = g.node_at(e.source()).name.clone();
            match e.weight().relation {
                Relation::Chaired => chaired.push(name),
                Relation::Attended => attended.push(name),
                _ => continue,
            }
            evidence.extend(e.weight().evidence.iter().cloned());
        }
        chaired.sort();
        chaired.dedup();
        attended.sort();
        attended.dedup();
        evidence.sort();
        evidence.dedup();
        out.push(EventRow {
            date: node.date.clone(),
            end_date: node.end_date.clone(),
            district: held.map(|d| d.name.clone()),
            district_id: held.map(|d| d.id.clone()),
            event: node.name.clone(),
            event_id: node.id.clone(),
            chaired,
            attended,
            sources: sources(&evidence),
            evidence,
        });
    }
    out.sort_by(|a, b| {
        (&a.date, &a.district_id, &a.event_id).cmp(&(&b.date, &b.district_id, &b.event_id))
    });
    out.dedup_by(|a, b| a.event_id == b.event_id);
    Ok(out)
}

impl Row for EventRow {
    fn headers(evidence: bool) -> Vec<&'static str> {
        let mut h = vec![
            "date", "district", "event", "chaired", "attended", "sources",
        ];
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
            self.chaired.join("、"),
            self.attended.join("、"),
            self.sources.to_string(),
        ];
        if evidence {
            c.push(sentences(&self.evidence));
        }
        c
    }
}
