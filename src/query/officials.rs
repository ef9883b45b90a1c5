//! Who holds which post: the holds_post facts, optionally at one date.
//!
//! The holders at a date follow one rule, per post (district and title):
//! 1. the people whose seen range `[first_seen, last_seen]` contains the date;
//! 2. if there are none, the person of that post last seen on or before the date
//!    (the latest `last_seen` not after it; ties all kept), since a post is
//!    assumed held until a source shows someone else in it;
//! 3. if nobody was seen in the post by then, nobody: a post is never assumed
//!    held before a source shows it.
//!
//! The `basis` of each answer says which of 1 (`seen`) and 2 (`last_seen_before`)
//! gave it.

use std::collections::BTreeMap;

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use super::date::parse_opt;
use super::render::Row;
use super::util::{edges_of, sentences, sources};
use super::{QueryError, resolve};
use crate::graph::{Evidence, GovGraph, NodeKind, Relation};

/// Which officials to list.
#[derive(Debug, Clone, Default)]
pub struct OfficialsOptions {
    /// Only the posts of this district (a name, alias or id).
    pub district: Option<String>,
    /// Only the holders at this date (see the module docs for the rule).
    pub on: Option<String>,
}

/// One person in one post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Official {
    pub district: String,
    pub district_id: String,
    pub title: String,
    pub person: String,
    pub person_id: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// How many documents show the post held.
    pub sources: usize,
    /// With `on`: `seen` (the date is within the seen range) or
    /// `last_seen_before` (the latest holder seen before the date); else null.
    pub basis: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// The posts held, sorted by district, title, first seen and person.
pub fn officials(g: &GovGraph, opts: &OfficialsOptions) -> Result<Vec<Official>, QueryError> {
    let on = parse_opt(&opts.on)?;
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
    for (_, holders) in posts {
        let seen: Vec<Official> = holders
            .iter()
            .filter(|o| {
                o.first_seen.as_deref().is_some_and(|f| f <= on)
                    && o.last_seen.as_deref().is_some_and(|l| on <= l)
            })
            .cloned()
            .collect();
        if !seen.is_empty() {
            out.extend(seen.into_iter().map(|mut o| {
                o.basis = Some("seen".into());
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

impl Row for Official {
    fn headers(evidence: bool) -> Vec<&'static str> {
        let mut h = vec![
            "district",
            "title",
            "person",
            "first_seen",
            "last_seen",
            "sources",
        ];
        if evidence {
            h.push("evidence");
        }
        h
    }

    fn cells(&self, evidence: bool) -> Vec<String> {
        let mut c = vec![
            self.district.clone(),
            self.title.clone(),
            self.person.clone(),
            self.first_seen.clone().unwrap_or_default(),
            self.last_seen.clone().unwrap_or_default(),
            self.sources.to_string(),
        ];
        if evidence {
            c.push(sentences(&self.evidence));
        }
        c
    }
}
