//! Who holds which post: the holds_post facts, optionally at one date.
//!
//! The holders at a date follow one rule, per post (district and title; an
//! acting holder, 代区长, holds the post 区长), with tenures read as
//! [`super::tenure`] reads them, personnel facts before sightings:
//! 1. nobody a personnel fact puts out of the post that day (removed before
//!    it, appointed after it);
//! 2. the people whose tenure covers the date: from their start (or first
//!    sighting) to their end (or last sighting; an appointment with no end
//!    runs on). For a single-holder post (区委书记, 区长: `single` in
//!    `data/titles.tsv`) the newest of them: a new holder's arrival replaces
//!    the one before, though it ends nothing in the graph;
//! 3. if there are none, the person of that post last seen on or before the date
//!    (the latest `last_seen` not after it; ties all kept), since a post is
//!    assumed held until a source shows someone else in it;
//! 4. if nobody was seen in the post by then, nobody: a post is never assumed
//!    held before a source shows it.
//!
//! The `basis` of each answer says which gave it: `tenure` (2, bounded by a
//! personnel fact), `seen` (2, by sightings alone) or `last_seen_before` (3).
//!
//! A month or a year as the date (`--on 2024-12`, `--on 2024`) is read as its
//! last day: the holders at the end of it.

use std::collections::BTreeMap;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use super::date::parse_to;
use super::render::Row;
use super::tenure;
use super::util::{edges_of, sentences, sources};
use super::{QueryError, resolve};
use crate::graph::{Evidence, GovGraph, NodeKind, Relation};

/// Which officials to list.
#[derive(Debug, Clone, Default)]
pub struct OfficialsOptions {
    /// Only the posts of this district (a name, alias or id).
    pub district: Option<String>,
    /// Only the holders at this date (see the module docs for the rule); a
    /// month or a year means its last day: the holders at its end.
    pub on: Option<String>,
}

/// One person in one post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Official {
    pub district: String,
    pub district_id: String,
    /// The post (区长 for an acting holder too: see `acting`).
    pub title: String,
    pub person: String,
    pub person_id: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The day a personnel fact starts the tenure (任命, 当选), where one does.
    pub start: Option<String>,
    /// The day a personnel fact ends it (免去, 辞去, 调任), where one does.
    pub end: Option<String>,
    /// True for an acting holder (代区长).
    pub acting: bool,
    /// How many documents show the post held.
    pub sources: usize,
    /// With `on`: `tenure` (a personnel fact bounds the tenure covering the
    /// date), `seen` (the date is within the seen range) or `last_seen_before`
    /// (the latest holder seen before the date); else null.
    pub basis: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// The posts held, sorted by district, title, first seen and person.
pub fn officials(g: &GovGraph, opts: &OfficialsOptions) -> Result<Vec<Official>, QueryError> {
    let on = parse_to(&opts.on)?;
    let districts: Vec<NodeIndex> = match &opts.district {
        Some(d) => vec![resolve(g, d, &[NodeKind::District])?],
        None => g
            .petgraph()
            .node_indices()
            .filter(|&ix| g.node_at(ix).kind == NodeKind::District)
            .collect(),
    };
    let mut all = Vec::new();
    for d in districts {
        let district = g.node_at(d);
        for (edge, p) in edges_of(g, d, Direction::Incoming, Relation::HoldsPost) {
            let person = g.node_at(p);
            all.push(Official {
                district: district.name.clone(),
                district_id: district.id.clone(),
                title: edge.title.clone().unwrap_or_default(),
                person: person.name.clone(),
                person_id: person.id.clone(),
                first_seen: edge.first_seen.clone(),
                last_seen: edge.last_seen.clone(),
                start: edge.start.clone(),
                end: edge.end.clone(),
                acting: edge.acting,
                sources: sources(&edge.evidence),
                basis: None,
                evidence: edge.evidence.clone(),
            });
        }
    }
    if let Some(on) = on {
        all = holders_on(all, &on);
    }
    all.sort_by(|a, b| {
        (&a.district_id, &a.title, &a.first_seen, &a.person_id).cmp(&(
            &b.district_id,
            &b.title,
            &b.first_seen,
            &b.person_id,
        ))
    });
    Ok(all)
}

/// Keeps the holders of each post at `on`.
fn holders_on(all: Vec<Official>, on: &str) -> Vec<Official> {
    let mut posts: BTreeMap<(String, String), Vec<Official>> = BTreeMap::new();
    for o in all {
        posts
            .entry((o.district_id.clone(), o.title.clone()))
            .or_default()
            .push(o);
    }
    let mut out = Vec::new();
    for ((_, title), holders) in posts {
        let holders: Vec<Official> = holders
            .into_iter()
            .filter(|o| !tenure::ruled_out(&o.as_edge(), on))
            .collect();
        let mut covering: Vec<Official> = holders
            .iter()
            .filter(|o| tenure::covers(&o.as_edge(), on))
            .cloned()
            .collect();
        if crate::rules::single_holder(&title) {
            // The newest arrival replaces the holders before.
            let newest = (covering.iter())
                .filter_map(|o| o.as_edge().tenure_from().map(str::to_string))
                .max();
            covering.retain(|o| o.as_edge().tenure_from().map(str::to_string) == newest);
        }
        if !covering.is_empty() {
            out.extend(covering.into_iter().map(|mut o| {
                o.basis = Some(tenure::basis(&o.as_edge()).into());
                o
            }));
            continue;
        }
        let latest = holders
            .iter()
            .filter_map(|o| o.last_seen.as_deref())
            .filter(|l| *l <= on)
            .max()
            .map(str::to_string);
        if let Some(latest) = latest {
            out.extend(
                holders
                    .into_iter()
                    .filter(|o| o.last_seen.as_deref() == Some(latest.as_str()))
                    .map(|mut o| {
                        o.basis = Some("last_seen_before".into());
                        o
                    }),
            );
        }
    }
    out
}

impl Official {
    /// The tenure fields as an edge, for [`tenure`]'s rules.
    fn as_edge(&self) -> crate::graph::Edge {
        let mut e = crate::graph::Edge::new("", "", Relation::HoldsPost);
        e.first_seen = self.first_seen.clone();
        e.last_seen = self.last_seen.clone();
        e.start = self.start.clone();
        e.end = self.end.clone();
        e
    }
}

impl Row for Official {
    fn headers(evidence: bool) -> Vec<&'static str> {
        let mut h = vec![
            "district",
            "title",
            "person",
            "first_seen",
            "last_seen",
            "start",
            "end",
            "sources",
            "basis",
        ];
        if evidence {
            h.push("evidence");
        }
        h
    }

    fn cells(&self, evidence: bool) -> Vec<String> {
        let title = if self.acting {
            format!("代{}", self.title)
        } else {
            self.title.clone()
        };
        let mut c = vec![
            self.district.clone(),
            title,
            self.person.clone(),
            self.first_seen.clone().unwrap_or_default(),
            self.last_seen.clone().unwrap_or_default(),
            self.start.clone().unwrap_or_default(),
            self.end.clone().unwrap_or_default(),
            self.sources.to_string(),
            self.basis.clone().unwrap_or_default(),
        ];
        if evidence {
            c.push(sentences(&self.evidence));
        }
        c
    }
}
