//! Questions over a built graph, one file per question.
//!
//! Each question is a function over `&GovGraph`, re-exported here flat (as
//! petgraph re-exports its algorithms), so a user writes
//! `govgraph::query::attended(&g, "郭亮", &Default::default())`. Every answer is
//! a plain, serialisable value sorted in a fixed order and carries the evidence it
//! rests on; [`Render`] turns it into a table for people and CSV for
//! spreadsheets, and serde turns it into the JSON documented in `docs/commands.md`.
//!
//! The decisions behind the answers:
//! - names are resolved by [`resolve`]: exactly, then by alias (福田 → 福田区),
//!   then by substring; anything else is a [`QueryError`] listing the closest
//!   candidates, never a guess;
//! - dates are accepted as a day (2024-12-11, 2024/12/11, 2024.12.11,
//!   2024年12月11日), a month (2024-12, 2024年12月) or a year (2024, 2024年), each
//!   a span of days ([`DateSpan`]) whose first or last day an option takes;
//! - nothing is precomputed: every question but `stats` walks only the
//!   neighbourhood of the nodes it names, plus one linear scan to resolve names,
//!   which stays well within 200 ms on 100,000 nodes (`benches/query.rs`);
//!   `stats` samples the sources of its betweenness centrality on large graphs.
//!
//! # Example
//! ```
//! use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
//! use govgraph::query;
//!
//! // 郭亮 --holds_post(区委书记)--> 福田区
//! let mut g = GovGraph::new();
//! g.add_node(Node::new(NodeKind::Person, "郭亮"));
//! let mut futian = Node::new(NodeKind::District, "福田区");
//! futian.aliases.push("福田".into());
//! g.add_node(futian);
//! let mut post = Edge::new("person:郭亮", "district:福田区", Relation::HoldsPost);
//! post.title = Some("区委书记".into());
//! post.first_seen = Some("2024-04-23".into());
//! post.last_seen = Some("2024-12-12".into());
//! g.add_edge(post);
//!
//! let opts = query::OfficialsOptions { district: Some("福田".into()), on: Some("2024年5月1日".into()) };
//! let holders = query::officials(&g, &opts).unwrap();
//! assert_eq!(holders[0].person, "郭亮");
//! assert_eq!(holders[0].title, "区委书记");
//! ```

mod attended;
mod attendees;
mod career;
mod changes;
mod date;
mod events;
mod find;
mod met;
mod neighbors;
mod officials;
mod path;
mod projects;
mod render;
mod resolve;
mod stats;
mod tenure;
mod util;

pub use attended::{AttendedOptions, Participation, attended};
pub use attendees::{Attendance, AttendeesOptions, attendees};
pub use career::{Spell, career};
pub use changes::{ChangesOptions, PostChange, Side, changes};
pub use date::{DATE_FORMS, DateSpan, parse_date};
pub use events::{EventRow, EventsOptions, events};
pub use find::{Found, find};
pub use met::{Met, met};
pub use neighbors::{Neighbor, NeighborEdge, Neighborhood, NeighborsOptions, neighbors};
pub use officials::{Official, OfficialsOptions, officials};
pub use path::{PathAnswer, Step, path};
pub use projects::{ProjectRow, projects};
pub use render::{Render, Row, Table};
pub use resolve::resolve;
pub use stats::{Central, DateRange, Stats, betweenness, stats};
pub use util::{DocumentFields, citation, citations, cite, cited_json, documents_json};

use crate::graph::NodeKind;

/// Why a question could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// No node matches the name, even as a substring.
    #[error("no {kind} named {name:?}{}", closest(candidates))]
    Unknown {
        kind: String,
        name: String,
        /// The closest names, as `name (id)`.
        candidates: Vec<String>,
    },
    /// Several nodes match the name equally well.
    #[error("{name:?} could be {}; give the full name or the id", list(candidates))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    /// A date in none of the accepted forms.
    #[error("bad date {0:?}: give {forms}", forms = DATE_FORMS)]
    BadDate(String),
    /// Any other argument that makes no sense (an unknown relation, an empty name).
    #[error("{0}")]
    BadArgument(String),
}

impl QueryError {
    /// The exit status the command line gives this error: 2, a usage error.
    pub fn exit_code(&self) -> u8 {
        2
    }
}

fn closest(candidates: &[String]) -> String {
    if candidates.is_empty() {
        String::new()
    } else {
        format!("; closest: {}", list(candidates))
    }
}

fn list(candidates: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut text = candidates
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if candidates.len() > SHOWN {
        text.push_str(&format!(" and {} more", candidates.len() - SHOWN));
    }
    text
}

/// The words used for a set of kinds in messages: "person", "district or event".
pub(crate) fn kinds_word(kinds: &[NodeKind]) -> String {
    if kinds.is_empty() {
        return "node".into();
    }
    kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}
