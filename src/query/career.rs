//! A person's career: every post they held, in order, across districts, in
//! the row shape of political-elite databases such as CPED (person, post,
//! district, start, end, level), with the evidence of each.

use petgraph::Direction;
use serde::Serialize;

use super::render::Row;
use super::tenure;
use super::util::{edges_of, sentences, sources};
use super::{QueryError, resolve};
use crate::graph::{Evidence, GovGraph, NodeKind, Relation};

/// One post one person held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spell {
    pub person: String,
    pub person_id: String,
    /// The post as people read it: 代区长 for an acting holder of 区长.
    pub post: String,
    pub district: String,
    pub district_id: String,
    /// The district's city and province, where known.
    pub city: Option<String>,
    pub province: Option<String>,
    /// The first day: the personnel fact's start, else the first sighting.
    pub start: Option<String>,
    /// `start` (a personnel fact) or `first_seen` (a sighting).
    pub start_basis: Option<String>,
    /// The last day: the personnel fact's end, else the last sighting.
    pub end: Option<String>,
    /// `end` (a personnel fact) or `last_seen` (a sighting).
    pub end_basis: Option<String>,
    /// `county` for a post of a county-level division (区, 县, 旗, county-level
    /// city), `township` for a street's or town's (街道, 镇, 乡).
    pub level: String,
    pub acting: bool,
    /// The personnel facts about the post: `change@date` (appointed@2024-11-20).
    pub changes: Vec<String>,
    /// How many documents show it.
    pub sources: usize,
    pub evidence: Vec<Evidence>,
}

/// Every post `person` held, sorted by start (undated last), then district and
/// post. Cost: the person's edges.
///
/// # Errors
/// [`QueryError::Unknown`] or [`QueryError::Ambiguous`] for a name that
/// designates no person or several.
pub fn career(g: &GovGraph, person: &str) -> Result<Vec<Spell>, QueryError> {
    let p = resolve(g, person, &[NodeKind::Person])?;
    let who = g.node_at(p);
    let personnel: Vec<_> = [Relation::Appointed, Relation::Removed]
        .into_iter()
        .flat_map(|r| edges_of(g, p, Direction::Outgoing, r))
        .collect();
    let mut out = Vec::new();
    for (edge, d) in edges_of(g, p, Direction::Outgoing, Relation::HoldsPost) {
        let district = g.node_at(d);
        let title = edge.title.clone().unwrap_or_default();
        let township = crate::rules::TOWN_UNITS.iter().any(|u| title.contains(u));
        let mut changes: Vec<String> = personnel
            .iter()
            .filter(|(e, pd)| *pd == d && e.title.as_deref() == Some(title.as_str()))
            .map(|(e, _)| {
                let change = e.change.as_deref().unwrap_or(e.relation.as_str());
                match &e.date {
                    Some(day) => format!("{change}@{day}"),
                    None => change.to_string(),
                }
            })
            .collect();
        changes.sort();
        changes.dedup();
        let start = edge.tenure_from().map(str::to_string);
        let start_basis = start.as_ref().map(|s| {
            if edge.start.as_ref() == Some(s) {
                "start"
            } else {
                "first_seen"
            }
            .to_string()
        });
        let end = edge.end.clone().or(edge.last_seen.clone());
        let end_basis = end.as_ref().map(|_| {
            if edge.end.is_some() {
                "end"
            } else {
                "last_seen"
            }
            .to_string()
        });
        out.push(Spell {
            person: who.name.clone(),
            person_id: who.id.clone(),
            post: tenure::shown_title(edge),
            district: district.name.clone(),
            district_id: district.id.clone(),
            city: district.city.clone(),
            province: district.province.clone(),
            start,
            start_basis,
            end,
            end_basis,
            level: if township { "township" } else { "county" }.to_string(),
            acting: edge.acting,
            changes,
            sources: sources(&edge.evidence),
            evidence: edge.evidence.clone(),
        });
    }
    out.sort_by(|a, b| {
        (a.start.is_none(), &a.start, &a.district_id, &a.post).cmp(&(
            b.start.is_none(),
            &b.start,
            &b.district_id,
            &b.post,
        ))
    });
    Ok(out)
}

impl Row for Spell {
    fn headers(evidence: bool) -> Vec<&'static str> {
        let mut h = vec![
            "person", "post", "district", "start", "end", "level", "changes", "sources",
        ];
        if evidence {
            h.push("evidence");
        }
        h
    }

    fn cells(&self, evidence: bool) -> Vec<String> {
        let day = |d: &Option<String>, basis: &Option<String>| match (d, basis.as_deref()) {
            (Some(d), Some("first_seen" | "last_seen")) => format!("{d} (seen)"),
            (Some(d), _) => d.clone(),
            (None, _) => String::new(),
        };
        let mut c = vec![
            self.person.clone(),
            self.post.clone(),
            self.district.clone(),
            day(&self.start, &self.start_basis),
            day(&self.end, &self.end_basis),
            self.level.clone(),
            self.changes.join(" "),
            self.sources.to_string(),
        ];
        if evidence {
            c.push(sentences(&self.evidence));
        }
        c
    }
}
