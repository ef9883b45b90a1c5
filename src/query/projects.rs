//! Projects: where each is, and its timeline: the first and last days sources
//! mention it, the stages they give it (签约, 开工, 封顶, 竣工, 投产, 启用) and
//! the events about it. Linear in the graph's size.

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use super::render::Row;
use super::util::{edges_of, sentences, sources};
use super::{QueryError, resolve};
use crate::graph::{Evidence, GovGraph, NodeKind, Relation, StageSeen};

/// A project, with where it is and the events about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectRow {
    pub project: String,
    pub project_id: String,
    /// The first district (by id) it is located in, when known.
    pub district: Option<String>,
    pub district_id: Option<String>,
    /// The first and last days (ISO 8601) a source mentions it or an event
    /// about it is held.
    pub first: Option<String>,
    pub last: Option<String>,
    /// The stages sources give it, by day.
    pub stages: Vec<StageSeen>,
    /// The ids of the events that concern it, sorted.
    pub events: Vec<String>,
    /// How many documents mention it (its own evidence and its located_in facts).
    pub sources: usize,
    pub evidence: Vec<Evidence>,
}

/// The projects (of one district), sorted by district id, then project id.
pub fn projects(g: &GovGraph, district: Option<&str>) -> Result<Vec<ProjectRow>, QueryError> {
    let only = district
        .map(|d| resolve(g, d, &[NodeKind::District]))
        .transpose()?;
    let candidates: Vec<NodeIndex> = match only {
        Some(d) => edges_of(g, d, Direction::Incoming, Relation::LocatedIn)
            .into_iter()
            .map(|(_, p)| p)
            .filter(|&p| g.node_at(p).kind == NodeKind::Project)
            .collect(),
        None => g
            .petgraph()
            .node_indices()
            .filter(|&ix| g.node_at(ix).kind == NodeKind::Project)
            .collect(),
    };
    let mut out = Vec::new();
    for p in candidates {
        let node = g.node_at(p);
        let located = edges_of(g, p, Direction::Outgoing, Relation::LocatedIn);
        let (edge, d) = match only {
            Some(d) => match located.iter().find(|(_, x)| *x == d) {
                Some(&(e, x)) => (Some(e), Some(x)),
                None => (None, None),
            },
            None => match located.first() {
                Some(&(e, x)) => (Some(e), Some(x)),
                None => (None, None),
            },
        };
        let mut evidence = node.evidence.clone();
        if let Some(e) = edge {
            evidence.extend(e.evidence.iter().cloned());
        }
        evidence.sort();
        evidence.dedup();
        let about = edges_of(g, p, Direction::Incoming, Relation::Concerns);
        let mut events: Vec<String> = about
            .iter()
            .map(|(_, ev)| g.node_at(*ev).id.clone())
            .collect();
        events.sort();
        events.dedup();
        let days: Vec<&String> = node
            .first_seen
            .iter()
            .chain(node.last_seen.iter())
            .chain(
                about
                    .iter()
                    .filter_map(|(_, ev)| g.node_at(*ev).date.as_ref()),
            )
            .collect();
        out.push(ProjectRow {
            project: node.name.clone(),
            project_id: node.id.clone(),
            district: d.map(|d| g.node_at(d).name.clone()),
            district_id: d.map(|d| g.node_at(d).id.clone()),
            first: days.iter().min().map(|d| d.to_string()),
            last: days.iter().max().map(|d| d.to_string()),
            stages: node.stages.clone(),
            events,
            sources: sources(&evidence),
            evidence,
        });
    }
    out.sort_by(|a, b| (&a.district_id, &a.project_id).cmp(&(&b.district_id, &b.project_id)));
    out.dedup_by(|a, b| a.project_id == b.project_id);
    Ok(out)
}

impl Row for ProjectRow {
    fn headers(evidence: bool) -> Vec<&'static str> {
        let mut h = vec![
            "district", "project", "first", "last", "stages", "events", "sources",
        ];
        if evidence {
            h.push("evidence");
        }
        h
    }

    fn cells(&self, evidence: bool) -> Vec<String> {
        let mut c = vec![
            self.district.clone().unwrap_or_default(),
            self.project.clone(),
            self.first.clone().unwrap_or_default(),
            self.last.clone().unwrap_or_default(),
            stages_cell(&self.stages),
            self.events.len().to_string(),
            self.sources.to_string(),
        ];
        if evidence {
            c.push(sentences(&self.evidence));
        }
        c
    }
}

/// "开工 2024-03-01, 封顶 2024-12-10": each stage once, at its first day.
fn stages_cell(stages: &[StageSeen]) -> String {
    let mut seen = std::collections::BTreeSet::new();
    stages
        .iter()
        .filter(|s| seen.insert(s.stage.as_str()))
        .map(|s| match &s.date {
            Some(d) => format!("{} {d}", s.stage),
            None => s.stage.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
