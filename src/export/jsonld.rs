//! schema.org JSON-LD, for linked-data users.
//!
//! People are `Person`, each post a `Role` under `memberOf` (`roleName`,
//! `startDate` and `endDate` of the tenure, `description` `acting` for an
//! acting holder), and each appointment or removal a `Role` too, starting or
//! ending on its day, with the change as `description` and `subjectOf` the
//! decision: a `CreativeWork` with its day as `dateCreated` and the deciding body
//! as `creator`. Districts are `AdministrativeArea`, organisations
//! `GovernmentOrganization`, events `Event` (`startDate`, `endDate`, `location`,
//! `organizer` for who chaired, `attendee` for who attended, `about` for the
//! projects), projects `Project` (`location`), places `Place`
//! (`containedInPlace`), documents `CreativeWork`. Node evidence becomes
//! `subjectOf` a `CreativeWork` (the document, with the sentence as `text`).
//! Ids are `urn:govgraph:` plus the graph.json id, percent-encoded where an IRI
//! needs it.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::tenure;
use crate::graph::{GovGraph, Node, NodeKind, Relation};

/// The graph as JSON-LD text.
pub fn to_jsonld(graph: &GovGraph) -> String {
    let mut items: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for node in graph.nodes() {
        items.insert(node.id.clone(), describe(node));
    }
    for edge in graph.edges() {
        let target = json!({"@id": iri(&edge.target)});
        let (subject, property, value) = match edge.relation {
            Relation::HoldsPost => {
                let mut role = Map::new();
                role.insert("@type".into(), json!("Role"));
                role.insert("memberOf".into(), target);
                if let Some(t) = &edge.title {
                    role.insert("roleName".into(), json!(t));
                }
                // A tenure's start and end where personnel facts give them,
                // else the days the post was seen held.
                let (from, to) = tenure(edge);
                if let Some(d) = from {
                    role.insert("startDate".into(), json!(d));
                }
                if let Some(d) = to {
                    role.insert("endDate".into(), json!(d));
                }
                // An acting holder (代区长): the post is roleName, `acting`
                // its description, as the change of an acting appointment.
                if edge.acting {
                    role.insert("description".into(), json!("acting"));
                }
                (&edge.source, "memberOf", Value::Object(role))
            }
            // A personnel fact: a Role that starts (or ends) on its day.
            Relation::Appointed | Relation::Removed => {
                let mut role = Map::new();
                role.insert("@type".into(), json!("Role"));
                role.insert("memberOf".into(), target);
                if let Some(t) = &edge.title {
                    role.insert("roleName".into(), json!(t));
                }
                if let Some(d) = &edge.date {
                    let key = if edge.relation == Relation::Appointed {
                        "startDate"
                    } else {
                        "endDate"
                    };
                    role.insert(key.into(), json!(d));
                }
                if let Some(c) = &edge.change {
                    role.insert("description".into(), json!(c));
                }
                // The decision is a work (made on its day, by the deciding body
                // where named) whose subject is the role; it also tells this
                // role from the tenure's.
                let mut decision = Map::new();
                decision.insert("@type".into(), json!("CreativeWork"));
                if let Some(d) = &edge.date {
                    decision.insert("dateCreated".into(), json!(d));
                }
                if let Some(b) = &edge.body {
                    let body = json!({"@type": "GovernmentOrganization", "name": b});
                    decision.insert("creator".into(), body);
                }
                role.insert("subjectOf".into(), Value::Object(decision));
                (&edge.source, "memberOf", Value::Object(role))
            }
            Relation::Chaired => (&edge.target, "organizer", json!({"@id": iri(&edge.source)})),
            Relation::Attended => (&edge.target, "attendee", json!({"@id": iri(&edge.source)})),
            Relation::HeldIn => (&edge.source, "location", target),
            Relation::LocatedIn => {
                let place = graph
                    .node(&edge.source)
                    .is_some_and(|n| n.kind == NodeKind::Place);
                let p = if place {
                    "containedInPlace"
                } else {
                    "location"
                };
                (&edge.source, p, target)
            }
            Relation::Concerns => (&edge.source, "about", target),
            Relation::Involves => (&edge.source, "contributor", target),
        };
        if let Some(item) = items.get_mut(subject) {
            push(item, property, value);
        }
    }
    let doc = json!({
        "@context": {"@vocab": "https://schema.org/"},
        "@graph": items.into_values().map(Value::Object).collect::<Vec<_>>(),
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

fn describe(node: &Node) -> Map<String, Value> {
    let kind = match node.kind {
        NodeKind::Person => "Person",
        NodeKind::District => "AdministrativeArea",
        NodeKind::Event => "Event",
        NodeKind::Project => "Project",
        NodeKind::Organization => "GovernmentOrganization",
        NodeKind::Place => "Place",
        NodeKind::Document => "CreativeWork",
    };
    let mut m = Map::new();
    m.insert("@id".into(), json!(iri(&node.id)));
    m.insert("@type".into(), json!(kind));
    m.insert("name".into(), json!(node.name));
    if !node.aliases.is_empty() {
        m.insert("alternateName".into(), json!(node.aliases));
    }
    if let Some(d) = &node.date {
        m.insert("startDate".into(), json!(d));
    }
    if let Some(d) = &node.end_date {
        m.insert("endDate".into(), json!(d));
    }
    if !node.roles.is_empty() {
        m.insert("jobTitle".into(), json!(node.roles));
    }
    if !node.evidence.is_empty() {
        let ev: Vec<Value> = node
            .evidence
            .iter()
            .map(|e| json!({"@type": "CreativeWork", "name": e.doc, "text": e.text}))
            .collect();
        m.insert("subjectOf".into(), json!(ev));
    }
    m
}

fn push(item: &mut Map<String, Value>, key: &str, value: Value) {
    match item.get_mut(key) {
        Some(Value::Array(list)) => list.push(value),
        _ => {
            item.insert(key.into(), json!([value]));
        }
    }
}

/// `urn:govgraph:` + the id, with what an IRI may not hold percent-encoded.
fn iri(id: &str) -> String {
    let mut out = String::from("urn:govgraph:");
    for c in id.chars() {
        if c.is_control() || c.is_whitespace() || "<>\"{}|\\^`%#?[]".contains(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}
