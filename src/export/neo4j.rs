//! Neo4j: `nodes.csv` and `relationships.csv` for `neo4j-admin database import`,
//! and `load.cypher`, which loads the same files with `LOAD CSV` and `MERGE`.
//!
//! Headers follow neo4j-admin's rules: `id:ID`, `:LABEL` (the kind, capitalised,
//! plus `GovGraph` on every node), `:START_ID`, `:END_ID`, `:TYPE` (the relation
//! in upper case), typed properties (`date:date`, `aliases:string[]` with `;`
//! between items, a `;` inside an item written `；`). A cell that looks like a
//! spreadsheet formula is quoted and kept as it is, so Neo4j stores what the
//! article wrote (the rule: [`super::escape::looks_like_formula`]); evidence is
//! one cell, its entries separated by ` || `. Line breaks in any cell become
//! spaces, so no field spans lines (neo4j-admin reads one record a line unless
//! told `--multiline-fields`).
//!
//! Node properties, in this column order: `id:ID`, `:LABEL`, `name`,
//! `aliases:string[]`, `date:date`, `end_date:date`, `roles:string[]`, `city`,
//! `province`, `code`, `evidence`, then every other field graph.json gives a
//! node, appended after the older columns so that scripts which read columns by
//! position keep working:
//!
//! - documents: `title`, `url`, `source` (the outlet), `file` (the file the
//!   article was read from);
//! - people and districts: `pinyin` (also among the aliases);
//! - districts: `ambiguous:boolean` (`true` when several divisions have the
//!   name and the sources do not say which; `false` on every other district, so
//!   `NOT d.ambiguous` finds the resolved ones);
//! - projects: `first_seen:date`, `last_seen:date` and `stages:string[]`, one
//!   item a stage seen, `DATE STAGE DOC` with single spaces: the day (ISO
//!   8601, `-` where unknown), the stage (签约, 开工, 封顶, 竣工, 投产, 启用)
//!   and the document that gives it, named as in evidence (the rest of the
//!   item; its node is `document:DOC`), in graph.json's order (by day).
//!
//! A cell is empty where graph.json has no value (and on nodes of other
//! kinds), which neo4j-admin and LOAD CSV leave unset.
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
use crate::graph::{Edge, Evidence, GovGraph, Node, NodeKind, Relation, StageSeen};

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

/// The node columns: the first eleven as they were before the others were
/// added; new columns go at the end.
const NODE_HEADER: [&str; 20] = [
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
    "title",
    "url",
    "source",
    "file",
    "pinyin",
    "ambiguous:boolean",
    "first_seen:date",
    "last_seen:date",
    "stages:string[]",
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
            text(n.title.as_ref()),
            text(n.url.as_ref()),
            text(n.source.as_ref()),
            text(n.file.as_ref()),
            text(n.pinyin.as_ref()),
            ambiguous(n).to_string(),
            text(n.first_seen.as_ref()),
            text(n.last_seen.as_ref()),
            stages(&n.stages),
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
/// fields quoted when they hold a comma or quote or look like a formula (kept
/// as they are), `\n` after each record. Line breaks in a cell become spaces
/// first, so every record is one line.
fn csv_file<const N: usize>(
    name: &str,
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<OutputFile, ExportError> {
    let rows = rows.map(|row| row.map(one_line));
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

/// The `ambiguous:boolean` cell: `true`/`false` on a district, empty elsewhere.
fn ambiguous(n: &Node) -> &'static str {
    if n.ambiguous {
        "true"
    } else if n.kind == NodeKind::District {
        "false"
    } else {
        ""
    }
}

/// The `stages:string[]` cell: `DATE STAGE DOC` a stage, `-` for an unknown day.
fn stages(stages: &[StageSeen]) -> String {
    let items: Vec<String> = stages
        .iter()
        .map(|s| format!("{} {} {}", s.date.as_deref().unwrap_or("-"), s.stage, s.doc))
        .collect();
    list(&items)
}

/// A cell on one line: line breaks become spaces.
fn one_line(cell: String) -> String {
    if cell.contains(['\n', '\r']) {
        cell.replace(['\n', '\r'], " ")
    } else {
        cell
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
         n.evidence = row.evidence,\n    \
         n.title = row.title,\n    \
         n.url = row.url,\n    \
         n.source = row.source,\n    \
         n.file = row.file,\n    \
         n.pinyin = row.pinyin,\n    \
         n.ambiguous = toBoolean(row.`ambiguous:boolean`),\n    \
         n.first_seen = date(row.`first_seen:date`),\n    \
         n.last_seen = date(row.`last_seen:date`),\n    \
         n.stages = CASE WHEN row.`stages:string[]` IS NULL THEN null ELSE split(row.`stages:string[]`, ';') END;\n",
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of nodes.csv, each as its header field → cell.
    fn node_rows(g: &GovGraph) -> Vec<std::collections::BTreeMap<String, String>> {
        let files = to_neo4j(g).unwrap();
        let nodes = files.iter().find(|f| f.name == "nodes.csv").unwrap();
        let mut reader = ::csv::Reader::from_reader(nodes.bytes.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, NODE_HEADER);
        reader
            .records()
            .map(|r| {
                header
                    .iter()
                    .cloned()
                    .zip(r.unwrap().iter().map(String::from))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_documents_citation_and_a_projects_timeline_reach_nodes_csv() {
        let mut g = GovGraph::new();
        let mut doc = Node::new(NodeKind::Document, "关于某某项目的报道");
        doc.id = "document:a.txt".into();
        doc.title = Some("关于某某项目的报道,\n续".into());
        doc.url = Some("https://example.gov.cn/a.html".into());
        doc.source = Some("某某日报".into());
        doc.file = Some("news.jsonl".into());
        doc.date = Some("2024-12-10".into());
        g.add_node(doc);
        let mut project = Node::new(NodeKind::Project, "正奇未来城项目");
        project.first_seen = Some("2024-06-01".into());
        project.last_seen = Some("2024-12-10".into());
        project.stages = vec![
            StageSeen {
                date: None,
                stage: "签约".into(),
                doc: "b;c.txt".into(),
            },
            StageSeen {
                date: Some("2024-12-10".into()),
                stage: "封顶".into(),
                doc: "a.txt".into(),
            },
        ];
        g.add_node(project);
        let mut district = Node::new(NodeKind::District, "龙华区");
        district.ambiguous = true;
        district.pinyin = Some("Longhua District".into());
        g.add_node(district);
        g.add_node(Node::new(NodeKind::District, "福田区"));

        let rows = node_rows(&g);
        let row = |id: &str| rows.iter().find(|r| r["id:ID"] == id).unwrap();
        let d = row("document:a.txt");
        assert_eq!(d["title"], "关于某某项目的报道, 续", "one line");
        assert_eq!(d["url"], "https://example.gov.cn/a.html");
        assert_eq!(
            (d["source"].as_str(), d["file"].as_str()),
            ("某某日报", "news.jsonl")
        );
        assert_eq!(d["date:date"], "2024-12-10");
        assert_eq!(d["first_seen:date"], "");
        let p = row("project:正奇未来城项目");
        assert_eq!(p["first_seen:date"], "2024-06-01");
        assert_eq!(p["last_seen:date"], "2024-12-10");
        assert_eq!(
            p["stages:string[]"],
            "- 签约 b；c.txt;2024-12-10 封顶 a.txt"
        );
        assert_eq!(
            (p["title"].as_str(), p["ambiguous:boolean"].as_str()),
            ("", "")
        );
        let l = row("district:龙华区");
        assert_eq!(l["ambiguous:boolean"], "true");
        assert_eq!(l["pinyin"], "Longhua District");
        assert_eq!(row("district:福田区")["ambiguous:boolean"], "false");
    }

    #[test]
    fn load_cypher_sets_the_new_node_properties() {
        let c = cypher();
        let nodes = c.split("\n\n").find(|b| b.contains("SET n.name")).unwrap();
        for set in [
            "n.title = row.title",
            "n.url = row.url",
            "n.source = row.source",
            "n.file = row.file",
            "n.pinyin = row.pinyin",
            "n.ambiguous = toBoolean(row.`ambiguous:boolean`)",
            "n.first_seen = date(row.`first_seen:date`)",
            "n.last_seen = date(row.`last_seen:date`)",
            "n.stages = CASE WHEN row.`stages:string[]` IS NULL THEN null \
             ELSE split(row.`stages:string[]`, ';') END",
        ] {
            assert!(nodes.contains(set), "load.cypher lacks {set}:\n{nodes}");
        }
    }
}
