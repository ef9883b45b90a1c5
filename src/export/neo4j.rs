//! Neo4j: `nodes.csv` and `relationships.csv` for `neo4j-admin database import`,
//! and `load.cypher`, which loads the same files with `LOAD CSV` and `MERGE`.
//!
//! Headers follow neo4j-admin's rules: `id:ID`, `:LABEL` (the kind, capitalised,
//! plus `GovGraph` on every node), `:START_ID`, `:END_ID`, `:TYPE` (the relation
//! in upper case), typed properties (`date:date`, `aliases:string[]` with `;`
//! between items). Every text cell is CSV-escaped and guarded against formula
//! injection (a leading `'`); evidence is one cell, its entries separated by
//! ` || ` and line breaks turned into spaces, so no field spans lines.
//!
//! Personnel facts: every relationship row has `start:date`, `end:date`,
//! `acting:boolean`, `change` and `body` cells. HOLDS_POST fills its tenure
//! (`start`, `end`) and `acting` (`true` or `false`, so `NOT r.acting` finds the
//! substantive holders); APPOINTED and REMOVED fill `title`, `date`, `change`
//! and `body`; other cells stay empty, which neo4j-admin and LOAD CSV leave
//! unset. load.cypher sets on each relationship type the properties it has.

use std::fmt::Write;

use super::OutputFile;
use super::escape::csv;
use crate::graph::{Edge, Evidence, GovGraph, NodeKind, Relation};

/// The neo4j label of a kind.
pub fn label(kind: NodeKind) -> String {
    let s = kind.as_str();
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// The relationship type of a relation.
pub fn rel_type(r: Relation) -> String {
    r.as_str().to_ascii_uppercase()
}

/// The three files.
pub fn to_neo4j(graph: &GovGraph) -> Vec<OutputFile> {
    let mut nodes = String::from(
        "id:ID,:LABEL,name,aliases:string[],date:date,end_date:date,roles:string[],city,province,code,evidence\n",
    );
    for n in graph.nodes() {
        let cells = [
            csv(&n.id),
            format!("{};GovGraph", label(n.kind)),
            csv(&n.name),
            csv(&list(&n.aliases)),
            csv(n.date.as_deref().unwrap_or("")),
            csv(n.end_date.as_deref().unwrap_or("")),
            csv(&list(&n.roles)),
            csv(n.city.as_deref().unwrap_or("")),
            csv(n.province.as_deref().unwrap_or("")),
            csv(n.code.as_deref().unwrap_or("")),
            csv(&evidence(&n.evidence)),
        ];
        nodes.push_str(&cells.join(","));
        nodes.push('\n');
    }
    let mut rels = String::from(
        ":START_ID,:END_ID,:TYPE,key,title,date:date,first_seen:date,last_seen:date,\
         start:date,end:date,acting:boolean,change,body,evidence\n",
    );
    for e in graph.edges() {
        let cells = [
            csv(&e.source),
            csv(&e.target),
            rel_type(e.relation),
            csv(&key(e)),
            csv(e.title.as_deref().unwrap_or("")),
            csv(e.date.as_deref().unwrap_or("")),
            csv(e.first_seen.as_deref().unwrap_or("")),
            csv(e.last_seen.as_deref().unwrap_or("")),
            csv(e.start.as_deref().unwrap_or("")),
            csv(e.end.as_deref().unwrap_or("")),
            acting(e).to_string(),
            csv(e.change.as_deref().unwrap_or("")),
            csv(e.body.as_deref().unwrap_or("")),
            csv(&evidence(&e.evidence)),
        ];
        rels.push_str(&cells.join(","));
        rels.push('\n');
    }
    vec![
        OutputFile {
            name: "load.cypher".into(),
            bytes: cypher().into_bytes(),
        },
        OutputFile {
            name: "nodes.csv".into(),
            bytes: nodes.into_bytes(),
        },
        OutputFile {
            name: "relationships.csv".into(),
            bytes: rels.into_bytes(),
        },
    ]
}

/// What tells two relationships between the same nodes apart: relation, title,
/// date and, for a personnel fact, the kind of change (the graph's edge key).
fn key(e: &Edge) -> String {
    let mut k = format!(
        "{}|{}|{}",
        e.relation,
        e.title.as_deref().unwrap_or(""),
        e.date.as_deref().unwrap_or("")
    );
    if let Some(c) = &e.change {
        k.push('|');
        k.push_str(c);
    }
    k
}

/// The `acting:boolean` cell: `true`/`false` on HOLDS_POST, empty elsewhere.
fn acting(e: &Edge) -> &'static str {
    match (e.relation, e.acting) {
        (Relation::HoldsPost, true) => "true",
        (Relation::HoldsPost, false) => "false",
        _ => "",
    }
}

/// Array items joined with neo4j's default `;`; a `;` inside an item becomes `；`.
fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| s.replace(';', "；"))
        .collect::<Vec<_>>()
        .join(";")
}

fn evidence(ev: &[Evidence]) -> String {
    ev.iter()
        .map(|e| format!("{}:{}-{} {}", e.doc, e.start, e.end, e.text))
        .map(|s| s.replace(['\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join(" || ")
}

fn cypher() -> String {
    let mut out = String::from(
        "// Loads nodes.csv and relationships.csv (put them in Neo4j's import folder).\n\
         // The same graph as `neo4j-admin database import full --nodes=nodes.csv \
         --relationships=relationships.csv`.\n\
         CREATE CONSTRAINT govgraph_id IF NOT EXISTS FOR (n:GovGraph) REQUIRE n.id IS UNIQUE;\n\n\
         LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n\
         MERGE (n:GovGraph {id: row.`id:ID`})\n\
         SET n.name = row.name,\n    \
         n.aliases = CASE WHEN row.`aliases:string[]` IS NULL THEN null ELSE split(row.`aliases:string[]`, ';') END,\n    \
         n.date = date(row.`date:date`),\n    \
         n.end_date = date(row.`end_date:date`),\n    \
         n.roles = CASE WHEN row.`roles:string[]` IS NULL THEN null ELSE split(row.`roles:string[]`, ';') END,\n    \
         n.city = row.city,\n    \
         n.province = row.province,\n    \
         n.code = row.code,\n    \
         n.evidence = row.evidence;\n",
    );
    for kind in NodeKind::ALL {
        let l = label(kind);
        let _ = write!(
            out,
            "\nLOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n\
             WITH row WHERE row.`:LABEL` = '{l};GovGraph'\n\
             MATCH (n:GovGraph {{id: row.`id:ID`}})\n\
             SET n:{l};\n"
        );
    }
    for r in Relation::ALL {
        let t = rel_type(r);
        // What only some relationship types have: a tenure and acting on
        // HOLDS_POST, the change and its deciding body on personnel facts.
        let extra = match r {
            Relation::HoldsPost => {
                "r.start = date(row.`start:date`),\n    \
                 r.end = date(row.`end:date`),\n    \
                 r.acting = toBoolean(row.`acting:boolean`),\n    "
            }
            Relation::Appointed | Relation::Removed => {
                "r.change = row.change,\n    \
                 r.body = row.body,\n    "
            }
            _ => "",
        };
        let _ = write!(
            out,
            "\nLOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n\
             WITH row WHERE row.`:TYPE` = '{t}'\n\
             MATCH (a:GovGraph {{id: row.`:START_ID`}}), (b:GovGraph {{id: row.`:END_ID`}})\n\
             MERGE (a)-[r:{t} {{key: row.key}}]->(b)\n\
             SET r.title = row.title,\n    \
             r.date = date(row.`date:date`),\n    \
             r.first_seen = date(row.`first_seen:date`),\n    \
             r.last_seen = date(row.`last_seen:date`),\n    \
             {extra}r.evidence = row.evidence;\n"
        );
    }
    out
}
