//! Neo4j: `nodes.csv` and `relationships.csv` for `neo4j-admin database import`,
//! and `load.cypher`, which loads the same files with `LOAD CSV` and `MERGE`.
//!
//! Headers follow neo4j-admin's rules: `id:ID`, `:LABEL` (the kind, capitalised,
//! plus `GovGraph` on every node), `:START_ID`, `:END_ID`, `:TYPE` (the relation
//! in upper case), typed properties (`date:date`, `aliases:string[]` with `;`
//! between items). A cell that looks like a spreadsheet formula is quoted and
//! kept as it is, so Neo4j stores what the article wrote (the rule:
//! [`super::escape::looks_like_formula`]); evidence is one cell, its entries
//! separated by ` || ` and line breaks turned into spaces, so no field spans
//! lines.
//!
//! Personnel facts: every relationship row has `start:date`, `end:date`,
//! `acting:boolean`, `change` and `body` cells. HOLDS_POST fills its tenure
//! (`start`, `end`) and `acting` (`true` or `false`, so `NOT r.acting` finds the
//! substantive holders); APPOINTED and REMOVED fill `title`, `date`, `change`
//! and `body`; other cells stay empty, which neo4j-admin and LOAD CSV leave
//! unset. load.cypher sets on each relationship type the properties it has.
//!
//! CSV is written by the `csv` crate's Writer: quoting is the library's, not
//! ours; only the formula rule ([`super::escape::looks_like_formula`]) is ours.

use std::fmt::Write;
use std::path::PathBuf;

use super::escape::{CsvFor, csv};
use super::{ExportError, OutputFile};
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

const NODE_HEADER: [&str; 11] = [
    "id:ID",
    ":LABEL",
    "name",
    "aliases:string[]",
    "date:date",
    "end_date:date",
    "roles:string[]",
    "city",
    "province",
    "code",
    "evidence",
];

const REL_HEADER: [&str; 14] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "key",
    "title",
    "date:date",
    "first_seen:date",
    "last_seen:date",
    "start:date",
    "end:date",
    "acting:boolean",
    "change",
    "body",
    "evidence",
];

/// The three files.
///
/// Errors only if the CSV writer does, which writing into memory does not.
pub fn to_neo4j(graph: &GovGraph) -> Result<Vec<OutputFile>, ExportError> {
    let text = |s: Option<&String>| s.cloned().unwrap_or_default();
    let nodes = graph.nodes().into_iter().map(|n| {
        [
            n.id.clone(),
            format!("{};GovGraph", label(n.kind)),
            n.name.clone(),
            list(&n.aliases),
            text(n.date.as_ref()),
            text(n.end_date.as_ref()),
            list(&n.roles),
            text(n.city.as_ref()),
            text(n.province.as_ref()),
            text(n.code.as_ref()),
            evidence(&n.evidence),
        ]
    });
    let nodes = csv_file("nodes.csv", NODE_HEADER, nodes)?;
    let rels = graph.edges().into_iter().map(|e| {
        [
            e.source.clone(),
            e.target.clone(),
            rel_type(e.relation),
            key(e),
            text(e.title.as_ref()),
            text(e.date.as_ref()),
            text(e.first_seen.as_ref()),
            text(e.last_seen.as_ref()),
            text(e.start.as_ref()),
            text(e.end.as_ref()),
            acting(e).to_string(),
            text(e.change.as_ref()),
            text(e.body.as_ref()),
            evidence(&e.evidence),
        ]
    });
    let rels = csv_file("relationships.csv", REL_HEADER, rels)?;
    Ok(vec![
        OutputFile {
            name: "load.cypher".into(),
            bytes: cypher().into_bytes(),
        },
        nodes,
        rels,
    ])
}

/// A CSV file of a header and rows, written by the `csv` crate: RFC 4180,
/// fields quoted when they hold a comma, quote or line break or look like a
/// formula (kept as they are), `\n` after each record.
fn csv_file<const N: usize>(
    name: &str,
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<OutputFile, ExportError> {
    let bytes = csv(&header, rows, CsvFor::Database).map_err(|source| ExportError::Io {
        path: PathBuf::from(name),
        source,
    })?;
    Ok(OutputFile {
        name: name.to_string(),
        bytes,
    })
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
