//! Changes of holders: who followed whom in a single-holder post (区委书记,
//! 区长), and who moved to a new post (a promotion, a transfer across
//! districts), each side with its date and evidence.
//!
//! Dates come from tenures as [`super::tenure`] reads them: the old side's end
//! (a personnel fact) or last sighting, the new side's start or first
//! sighting; the row says which. A succession is two holders of one post in
//! order of arrival. A move is one person's next post where the one before
//! had ended by then: by a personnel fact (an end, or a start of the next
//! post on or after the last sighting of the one before), or, with
//! sightings alone, in another district of the same city, last seen before
//! the next is first seen (two posts of one district seen at different times
//! are more often held together, 区委副书记 and 区长; one name in two cities is
//! more often two people). Cost: one pass over the holds_post facts, sorted.

use std::collections::BTreeMap;

use serde::Serialize;

use super::date::{parse_from, parse_to, within};
use super::render::Row;
use super::tenure;
use super::util::sentences;
use super::{QueryError, resolve};
use crate::graph::{Edge, Evidence, GovGraph, NodeKind, Relation};

/// Which changes to list.
#[derive(Debug, Clone, Default)]
pub struct ChangesOptions {
    /// Only changes touching this district (name, alias or id).
    pub district: Option<String>,
    /// Only changes on or after this date (the new side's date; a month or
    /// year: its first day).
    pub from: Option<String>,
    /// Only changes on or before this date (a month or year: its last day).
    pub to: Option<String>,
}

/// One side of a change: a person in a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    pub person: String,
    pub person_id: String,
    /// As people read it: 代区长 for an acting holder.
    pub post: String,
    pub district: String,
    pub district_id: String,
    /// The old side's last day or the new side's first.
    pub date: Option<String>,
    /// `end` or `last_seen` (old side), `start` or `first_seen` (new side).
    pub basis: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// A post changing hands, or a person changing posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostChange {
    /// `succession` (a post's holder changed) or `move` (a person's post did).
    pub kind: String,
    pub old: Side,
    pub new: Side,
}

/// The changes, sorted by the new side's date, then district and post.
///
/// # Errors
/// An unknown or ambiguous district, or a date in none of the accepted forms.
pub fn changes(g: &GovGraph, opts: &ChangesOptions) -> Result<Vec<PostChange>, QueryError> {
    let from = parse_from(&opts.from)?;
    let to = parse_to(&opts.to)?;
    let district = match &opts.district {
        Some(d) => Some(g.node_at(resolve(g, d, &[NodeKind::District])?).id.clone()),
        None => None,
    };
    let posts: Vec<&Edge> = g
        .edges()
        .into_iter()
        .filter(|e| e.relation == Relation::HoldsPost)
        .filter(|e| {
            g.node(&e.target)
                .is_some_and(|n| n.kind == NodeKind::District)
        })
        .collect();
    let mut out = Vec::new();
    // Successions: the holders of each single-holder post, by arrival.
    let mut by_post: BTreeMap<(&str, &str), Vec<&Edge>> = BTreeMap::new();
    for e in &posts {
        let title = e.title.as_deref().unwrap_or("");
        if crate::rules::single_holder(title) {
            by_post.entry((&e.target, title)).or_default().push(e);
        }
    }
    for holders in by_post.values_mut() {
        holders.sort_by_key(|e| (e.tenure_from().is_none(), e.tenure_from(), &e.source));
        for pair in holders.windows(2) {
            let (old, new) = (pair[0], pair[1]);
            if old.source != new.source && new.tenure_from() > old.tenure_from() {
                out.push(PostChange {
                    kind: "succession".into(),
                    old: side(g, old, false),
                    new: side(g, new, true),
                });
            }
        }
    }
    // Moves: a person's next post, once the one before has ended.
    let mut by_person: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in &posts {
        by_person.entry(&e.source).or_default().push(e);
    }
    for held in by_person.values_mut() {
        held.retain(|e| e.tenure_from().is_some());
        held.sort_by_key(|e| (e.tenure_from(), &e.target, &e.title));
        for pair in held.windows(2) {
            let (old, new) = (pair[0], pair[1]);
            let (was, next) = (old.tenure_from(), new.tenure_from());
            let by_fact = (old.end.is_some() || new.start.is_some())
                && !old.tenure_open()
                && old.tenure_to().is_some_and(|t| Some(t) <= next);
            let city = |id: &str| g.node(id).and_then(|n| n.city.clone());
            let by_sight = old.target != new.target
                && city(&old.target).is_some()
                && city(&old.target) == city(&new.target)
                && old.start.is_none()
                && old.end.is_none()
                && old.last_seen.as_deref().is_some_and(|t| Some(t) < next);
            if (by_fact || by_sight) && was < next {
                out.push(PostChange {
                    kind: "move".into(),
                    old: side(g, old, false),
                    new: side(g, new, true),
                });
            }
        }
    }
    out.retain(|c| {
        let touches = district
            .as_ref()
            .is_none_or(|d| &c.old.district_id == d || &c.new.district_id == d);
        let dated = c
            .new
            .date
            .as_deref()
            .map_or(from.is_none() && to.is_none(), |day| {
                within(day, from.as_deref(), to.as_deref())
            });
        touches && dated
    });
    out.sort_by(|a, b| {
        (
            &a.new.date,
            &a.new.district_id,
            &a.new.post,
            &a.kind,
            &a.old.person_id,
        )
            .cmp(&(
                &b.new.date,
                &b.new.district_id,
                &b.new.post,
                &b.kind,
                &b.old.person_id,
            ))
    });
    Ok(out)
}

/// One side of a change: the old side's end, or the new side's start.
fn side(g: &GovGraph, e: &Edge, new: bool) -> Side {
    let name = |id: &str| g.node(id).map_or(id.to_string(), |n| n.name.clone());
    let (date, basis) = if new {
        let day = e.tenure_from().map(str::to_string);
        let basis = match (&day, &e.start) {
            (Some(d), Some(s)) if d == s => "start",
            (Some(_), _) => "first_seen",
            (None, _) => "",
        };
        (day, basis)
    } else {
        match (&e.end, &e.last_seen) {
            (Some(end), _) => (Some(end.clone()), "end"),
            (None, Some(seen)) => (Some(seen.clone()), "last_seen"),
            (None, None) => (None, ""),
        }
    };
    Side {
        person: name(&e.source),
        person_id: e.source.clone(),
        post: tenure::shown_title(e),
        district: name(&e.target),
        district_id: e.target.clone(),
        date,
        basis: (!basis.is_empty()).then(|| basis.to_string()),
        evidence: e.evidence.clone(),
    }
}

impl Side {
    /// "张三 (last seen 2024-04-24)"; `post` too when the post is not the
    /// row's ("李四 (代区长, start 2024-11-20)").
    fn cell(&self, row_post: &str) -> String {
        let mut notes = Vec::new();
        if self.post != row_post {
            notes.push(self.post.clone());
        }
        if let (Some(d), Some(b)) = (&self.date, self.basis.as_deref()) {
            notes.push(format!("{} {d}", b.replace('_', " ")));
        }
        if notes.is_empty() {
            self.person.clone()
        } else {
            format!("{} ({})", self.person, notes.join(", "))
        }
    }
}

impl Row for PostChange {
    fn headers(evidence: bool) -> Vec<&'static str> {
        let mut h = vec!["kind", "district", "post", "old", "new"];
        if evidence {
            h.extend(["old_evidence", "new_evidence"]);
        }
        h
    }

    fn cells(&self, evidence: bool) -> Vec<String> {
        let (district, post) = if self.kind == "succession" {
            let plain = |p: &str| p.strip_prefix('代').unwrap_or(p).to_string();
            (self.new.district.clone(), plain(&self.old.post))
        } else {
            let d = if self.old.district_id == self.new.district_id {
                self.new.district.clone()
            } else {
                format!("{} → {}", self.old.district, self.new.district)
            };
            (d, format!("{} → {}", self.old.post, self.new.post))
        };
        // A move's posts are in the post column already.
        let moved = self.kind != "succession";
        let old = self.old.cell(if moved { &self.old.post } else { &post });
        let new = self.new.cell(if moved { &self.new.post } else { &post });
        let mut c = vec![self.kind.clone(), district, post, old, format!("→ {new}")];
        if evidence {
            c.push(sentences(&self.old.evidence));
            c.push(sentences(&self.new.evidence));
        }
        c
    }
}
