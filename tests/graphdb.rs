//! The Neo4j export loaded into a real embedded Cypher database answers as
//! `govgraph query` does.
//!
//! `tests/graphdb/load_and_ask.py` creates the typed tables LadybugDB (the
//! maintained fork of Kùzu) needs from the neo4j-admin headers of nodes.csv
//! and relationships.csv, loads them, gives back every node as loaded (each
//! property, typed: dates, booleans, string arrays; compared here with
//! graph.json) and asks four questions in Cypher: a person's events, the
//! people met at them, a district's officials on a day, the shortest chains
//! of facts between two nodes. Each answer is compared field by field with
//! `govgraph query ... --format json`, for every person, every district on
//! every day a post's dates name (and one before and one after all), and
//! every pair of a person and a person, district or event it is linked to
//! (with one it is not): on the seed graph, on the export fixture, whose
//! posts have personnel facts (start, end, acting), and on a small graph made
//! here for the rules the seed articles do not reach.
//!
//! Without LadybugDB (or Kùzu) the test fails with the command that installs
//! it (`scripts/deps/graphdb.sh`); nothing is skipped.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use govgraph::graph::{Edge, Evidence, GovGraph, Node, NodeKind, Relation, StageSeen};
use serde_json::Value;

use common::{govgraph, root, run, temp_dir};

const SCRIPT: &str = "tests/graphdb/load_and_ask.py";
const INSTALL: &str = "scripts/deps/graphdb.sh";

/// The fields of each answer row, all of them: a field `govgraph query` adds
/// fails the test until the database answers it too.
const ATTENDED: [&str; 11] = [
    "date",
    "end_date",
    "person",
    "person_id",
    "relation",
    "title",
    "event",
    "event_id",
    "district",
    "district_id",
    "evidence",
];
const MET: [&str; 5] = ["person", "person_id", "count", "dates", "events"];
const OFFICIALS: [&str; 13] = [
    "district",
    "district_id",
    "title",
    "person",
    "person_id",
    "first_seen",
    "last_seen",
    "start",
    "end",
    "acting",
    "sources",
    "basis",
    "evidence",
];
const PATH: [&str; 6] = ["from", "from_id", "to", "to_id", "length", "steps"];
const STEP: [&str; 9] = [
    "source",
    "source_id",
    "relation",
    "title",
    "date",
    "target",
    "target_id",
    "fact",
    "evidence",
];

/// Fails, naming the install script, unless python3 has LadybugDB (or Kùzu).
fn need_database() {
    let found = Command::new("python3")
        .args([
            "-c",
            "import importlib.util, sys; \
             sys.exit(not any(importlib.util.find_spec(m) for m in ('real_ladybug', 'kuzu')))",
        ])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "LadybugDB (the Python package real_ladybug) is not installed for python3: \
         run {INSTALL} (or scripts/test.sh)"
    );
}

/// What to ask of one graph: node ids, and days.
struct Questions {
    people: Vec<String>,
    officials: Vec<(String, String)>,
    paths: Vec<(String, String)>,
}

/// The questions for `g`: every person; every district on every day a
/// holds_post, appointed or removed fact names, and on a day before and a day
/// after all; every person with every person, district and event linked to it
/// by some chain of facts, and with the first district (by id) that is not.
fn questions(g: &GovGraph) -> Questions {
    let of_kind = |kind| -> Vec<String> {
        let nodes = g.nodes().into_iter().filter(|n| n.kind == kind);
        nodes.map(|n| n.id.clone()).collect()
    };
    let (people, districts) = (of_kind(NodeKind::Person), of_kind(NodeKind::District));
    let events = of_kind(NodeKind::Event);

    let mut days = BTreeSet::from(["1990-01-01".to_string(), "2099-12-31".to_string()]);
    for e in g.edges() {
        if matches!(
            e.relation,
            Relation::HoldsPost | Relation::Appointed | Relation::Removed
        ) {
            let dates = [&e.date, &e.first_seen, &e.last_seen, &e.start, &e.end];
            days.extend(dates.into_iter().flatten().cloned());
        }
    }
    let officials = (districts.iter())
        .flat_map(|d| days.iter().map(move |day| (d.clone(), day.clone())))
        .collect();

    let component = components(g);
    let mut paths = BTreeSet::new();
    for p in &people {
        for other in people.iter().chain(&districts).chain(&events) {
            if other != p && component[other] == component[p] {
                let pair = if other.starts_with("person:") && other < p {
                    (other.clone(), p.clone())
                } else {
                    (p.clone(), other.clone())
                };
                paths.insert(pair);
            }
        }
        if let Some(d) = districts.iter().find(|d| component[*d] != component[p]) {
            paths.insert((p.clone(), d.clone()));
        }
    }
    Questions {
        people,
        officials,
        paths: paths.into_iter().collect(),
    }
}

/// Each node id's connected component (facts followed either way), as the
/// smallest id in it.
fn components(g: &GovGraph) -> BTreeMap<String, String> {
    let mut parent: BTreeMap<String, String> = (g.nodes().into_iter())
        .map(|n| (n.id.clone(), n.id.clone()))
        .collect();
    fn root_of(parent: &BTreeMap<String, String>, mut id: String) -> String {
        while parent[&id] != id {
            id = parent[&id].clone();
        }
        id
    }
    for e in g.edges() {
        let (a, b) = (
            root_of(&parent, e.source.clone()),
            root_of(&parent, e.target.clone()),
        );
        let (low, high) = if a < b { (a, b) } else { (b, a) };
        parent.insert(high, low);
    }
    let ids: Vec<String> = parent.keys().cloned().collect();
    ids.into_iter()
        .map(|id| (id.clone(), root_of(&parent, id)))
        .collect()
}

/// The database's answers: the script's JSON.
fn ask_database(export: &Path, scratch: &Path, q: &Questions) -> Value {
    let mut cmd = Command::new("python3");
    cmd.arg(root().join(SCRIPT))
        .arg(export)
        .arg(scratch)
        .arg("--titles")
        .arg(root().join("data/titles.tsv"))
        .arg("--nodes");
    for p in &q.people {
        cmd.args(["--attended", p, "--met", p]);
    }
    for (d, day) in &q.officials {
        cmd.args(["--officials", d, day]);
    }
    for (a, b) in &q.paths {
        cmd.args(["--path", a, b]);
    }
    let out = cmd.output().expect("python3 runs");
    assert!(
        out.status.success(),
        "{SCRIPT} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

/// A node as the export stores it and the database loads it: every property
/// by its column's name, an empty cell null, line breaks as spaces, `;` in an
/// array item as `；`, a project's stages as `DATE STAGE DOC` items (`-`: no
/// day), `ambiguous` true or false on a district.
fn stored_node(n: &Node) -> Value {
    let line = |s: &str| s.replace(['\n', '\r'], " ");
    let text = |s: &Option<String>| s.as_deref().map_or(Value::Null, |s| Value::from(line(s)));
    let list = |items: Vec<String>| {
        let items: Vec<Value> = (items.iter())
            .map(|i| Value::from(line(i).replace(';', "；")))
            .collect();
        if items.is_empty() {
            Value::Null
        } else {
            Value::Array(items)
        }
    };
    let stages = (n.stages.iter())
        .map(|s| format!("{} {} {}", s.date.as_deref().unwrap_or("-"), s.stage, s.doc))
        .collect();
    let ambiguous = match n.kind {
        NodeKind::District => Value::Bool(n.ambiguous),
        _ if n.ambiguous => Value::Bool(true),
        _ => Value::Null,
    };
    serde_json::json!({
        "id": line(&n.id),
        "name": line(&n.name),
        "aliases": list(n.aliases.clone()),
        "date": text(&n.date),
        "end_date": text(&n.end_date),
        "roles": list(n.roles.clone()),
        "city": text(&n.city),
        "province": text(&n.province),
        "code": text(&n.code),
        "evidence": evidence_cell(&serde_json::to_value(&n.evidence).unwrap()),
        "title": text(&n.title),
        "url": text(&n.url),
        "source": text(&n.source),
        "file": text(&n.file),
        "pinyin": text(&n.pinyin),
        "ambiguous": ambiguous,
        "first_seen": text(&n.first_seen),
        "last_seen": text(&n.last_seen),
        "stages": list(stages),
    })
}

/// `govgraph query ARGS --format json` on `graph`.
fn ask_govgraph(graph: &Path, args: &[&str]) -> Value {
    let out = run(govgraph()
        .arg("query")
        .arg("--graph")
        .arg(graph)
        .args(args)
        .args(["--format", "json"]));
    serde_json::from_slice(&out.stdout).expect("govgraph query prints JSON")
}

/// An evidence list as the export writes it in one cell (`doc:start-end
/// text`, ` || ` between entries, line breaks as spaces); null when empty,
/// since an empty cell is unset.
fn evidence_cell(list: &Value) -> Value {
    let entries: Vec<String> = (list.as_array().expect("evidence is a list").iter())
        .map(|e| {
            let text = e["text"].as_str().expect("evidence has text");
            format!(
                "{}:{}-{} {}",
                e["doc"].as_str().expect("evidence names its document"),
                e["start"],
                e["end"],
                text.replace(['\n', '\r'], " ")
            )
        })
        .collect();
    if entries.is_empty() {
        Value::Null
    } else {
        Value::String(entries.join(" || "))
    }
}

/// A govgraph row as the database gives it: exactly `fields` (the row must
/// have no other), evidence as its cell.
fn as_stored(row: &Value, fields: &[&str], what: &str) -> Value {
    let object = row.as_object().expect("a row is an object");
    let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        fields.iter().copied().collect(),
        "{what}: govgraph's fields changed; teach {SCRIPT} the new ones"
    );
    let mut out = object.clone();
    if let Some(evidence) = out.get_mut("evidence") {
        *evidence = evidence_cell(evidence);
    }
    Value::Object(out)
}

/// Rows in a fixed order, for comparing answers whose order is the same by
/// rule but not by the database's ties.
fn sorted(rows: Vec<Value>) -> Vec<Value> {
    let mut rows: Vec<(String, Value)> = (rows.into_iter()).map(|r| (r.to_string(), r)).collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(_, r)| r).collect()
}

fn same_rows(what: &str, govgraph: &Value, database: &Value, fields: &[&str]) {
    let want = (govgraph.as_array().expect("an answer is a list").iter())
        .map(|r| as_stored(r, fields, what))
        .collect();
    let got = database.as_array().expect("an answer is a list").clone();
    let (got, want) = (sorted(got), sorted(want));
    assert!(
        got == want,
        "{what}: the database and govgraph query differ\ndatabase: {:#}\ngovgraph: {:#}",
        Value::Array(got),
        Value::Array(want)
    );
}

/// What the answers covered, so that a graph that no longer exercises a rule
/// fails rather than passes emptily.
#[derive(Default)]
struct Seen {
    attended: usize,
    met: usize,
    bases: BTreeSet<String>,
    acting: bool,
    path_lengths: BTreeSet<Option<u64>>,
    ties: usize,
    /// Nodes loaded with the properties only some kinds have: documents with
    /// a title and an address, projects with a first day and a stage, nodes
    /// with a pinyin name, ambiguous districts.
    documents: usize,
    projects: usize,
    pinyin: usize,
    ambiguous: usize,
}

/// The database's answers to the questions of one kind, as many as asked,
/// each with what it answers (`echo`: the question's arguments, in order).
fn answers_to<'a>(
    answers: &'a Value,
    kind: &str,
    echo: &[&str],
    asked: &[Vec<&str>],
) -> Vec<&'a Value> {
    let list = answers[kind]
        .as_array()
        .unwrap_or_else(|| panic!("no {kind} answers"));
    assert_eq!(list.len(), asked.len(), "{kind}: a wrong number of answers");
    for (answer, question) in list.iter().zip(asked) {
        let said: Vec<&str> = echo
            .iter()
            .map(|k| answer[*k].as_str().unwrap_or_default())
            .collect();
        assert_eq!(&said, question, "{kind}: answers out of order");
    }
    list.iter().map(|a| &a["answer"]).collect()
}

/// Exports `graph` to Neo4j, loads it into the database and compares every
/// answer with govgraph's.
fn compare(graph: &Path, dir: &Path, seen: &mut Seen) {
    let export = dir.join("neo4j");
    run(govgraph()
        .args(["export", "--format", "neo4j", "--graph"])
        .arg(graph)
        .arg("-o")
        .arg(&export));
    let g = GovGraph::from_json(&std::fs::read_to_string(graph).unwrap()).unwrap();
    let q = questions(&g);
    let answers = ask_database(&export, &dir.join("db"), &q);
    let name = graph.display();

    // Every node with every property, as the export wrote it and the database
    // loaded it (the typed columns: dates, booleans, string arrays).
    let loaded = answers["nodes"].as_array().expect("the nodes as loaded");
    let mut want: Vec<&Node> = g.nodes();
    want.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(loaded.len(), want.len(), "{name}: a wrong number of nodes");
    for (got, n) in loaded.iter().zip(want) {
        let stored = stored_node(n);
        assert!(
            *got == stored,
            "{name}: {} loads as {got:#}\nexpected {stored:#}",
            n.id
        );
        seen.documents += usize::from(n.url.is_some() && n.title.is_some());
        seen.projects += usize::from(n.first_seen.is_some() && !n.stages.is_empty());
        seen.pinyin += usize::from(n.pinyin.is_some());
        seen.ambiguous += usize::from(n.ambiguous);
    }

    let people: Vec<Vec<&str>> = q.people.iter().map(|p| vec![p.as_str()]).collect();
    let officials: Vec<Vec<&str>> = (q.officials.iter())
        .map(|(d, day)| vec![d.as_str(), day])
        .collect();
    let paths: Vec<Vec<&str>> = q.paths.iter().map(|(a, b)| vec![a.as_str(), b]).collect();

    let asked = answers_to(&answers, "attended", &["person"], &people);
    for (p, db) in q.people.iter().zip(asked) {
        let ours = ask_govgraph(graph, &["attended", "--person", p]);
        same_rows(&format!("{name}: attended {p}"), &ours, db, &ATTENDED);
        seen.attended += usize::from(!ours.as_array().unwrap().is_empty());
    }
    let asked = answers_to(&answers, "met", &["person"], &people);
    for (p, db) in q.people.iter().zip(asked) {
        let ours = ask_govgraph(graph, &["met", "--person", p]);
        same_rows(&format!("{name}: met {p}"), &ours, db, &MET);
        seen.met += usize::from(!ours.as_array().unwrap().is_empty());
    }
    let asked = answers_to(&answers, "officials", &["district", "on"], &officials);
    for ((d, day), db) in q.officials.iter().zip(asked) {
        let ours = ask_govgraph(graph, &["officials", "--district", d, "--on", day]);
        let what = format!("{name}: officials --district {d} --on {day}");
        same_rows(&what, &ours, db, &OFFICIALS);
        for row in ours.as_array().unwrap() {
            seen.bases
                .insert(row["basis"].as_str().unwrap().to_string());
            seen.acting |= row["acting"] == Value::Bool(true);
        }
    }
    let asked = answers_to(&answers, "path", &["a", "b"], &paths);
    for ((a, b), db) in q.paths.iter().zip(asked) {
        let ours = ask_govgraph(graph, &["path", a, b]);
        let what = format!("{name}: path {a} {b}");
        let mut head = as_stored(&ours, &PATH, &what);
        let steps = head.as_object_mut().unwrap().remove("steps").unwrap();
        for field in ["from", "from_id", "to", "to_id", "length"] {
            assert_eq!(db[field], head[field], "{what}: {field} differs");
        }
        let steps: Vec<Value> = (steps.as_array().unwrap().iter())
            .map(|s| as_stored(s, &STEP, &what))
            .collect();
        let chains = db["paths"].as_array().unwrap();
        if ours["length"].is_null() {
            assert!(chains.is_empty(), "{what}: the database links them");
        } else {
            let chain = Value::Array(steps);
            assert!(
                chains.contains(&chain),
                "{what}: govgraph's chain {chain:#}\nis none of the database's shortest ones:\n{:#}",
                db["paths"]
            );
        }
        seen.path_lengths.insert(ours["length"].as_u64());
        seen.ties += usize::from(chains.len() > 1);
    }
}

/// The posts of [`rules_graph`]: person, district, title (代 before it: acting),
/// first seen, last seen, start, end (`-`: none).
const POSTS: &str = "
张一 甲区 区长 2024-01-10 2024-11-20 - -
王二 甲区 区长 2024-06-01 2024-06-30 - -
李三 甲区 副区长 2024-02-01 2024-08-01 - -
赵四 甲区 副区长 2024-05-01 2024-09-01 - -
钱五 甲区 区委书记 - - 2024-03-01 -
孙六 甲区 区委书记 2023-05-01 2024-01-20 - 2024-02-15
周七 甲区 区委书记 2024-09-20 2024-10-05 2024-10-01 -
吴八 乙区 区委副书记 2024-01-01 2024-03-01 - -
吴八 乙区 代区长 2024-01-01 2024-12-01 - -
郑九 乙区 区委副书记 2024-01-01 2024-04-01 - -
郑九 乙区 区委常委 2024-01-01 2024-06-01 - -
";

/// A graph for the rules of `officials --on`, `attended` and `met` that the
/// seed articles do not reach: two holders of a single-holder post seen at
/// once (the newer one holds it), two of another post (both do), an
/// appointment without sightings, a removal, a start after the first
/// sighting; people with two posts in a district (the more principal one
/// shows, 代区长 when acting; after both, the one seen last), on a day both
/// cover, after both, and with no day; an event held in two districts, one
/// held in none, one chaired and attended by the same person, one attended on
/// its second day; evidence from two documents, with a comma, quotes and a
/// line break; a document with its citation, a project with its stages and
/// an ambiguous district.
fn rules_graph(path: &Path) {
    let mut g = GovGraph::new();
    let person = |name: &str| format!("person:{name}");
    let district = |name: &str| format!("district:{name}");
    let event = |name: &str| format!("event:{name}");
    for name in [
        "张一", "王二", "李三", "赵四", "钱五", "孙六", "周七", "吴八", "郑九",
    ] {
        g.add_node(Node::new(NodeKind::Person, name));
    }
    for name in ["甲区", "乙区"] {
        g.add_node(Node::new(NodeKind::District, name));
    }
    let evidence = |doc: &str, text: &str| Evidence {
        doc: doc.into(),
        start: 3,
        end: 12,
        text: text.into(),
    };
    for line in POSTS.lines().filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        let [who, place, title, dates @ ..] = cells.as_slice() else {
            panic!("a post line: {line}");
        };
        let mut e = Edge::new(person(who), district(place), Relation::HoldsPost);
        e.title = Some(title.trim_start_matches('代').into());
        e.acting = title.starts_with('代');
        let day = |i: usize| Some(dates[i]).filter(|d| *d != "-").map(String::from);
        [e.first_seen, e.last_seen, e.start, e.end] = [day(0), day(1), day(2), day(3)];
        if *who == "张一" {
            e.evidence = vec![
                evidence("a.txt", "甲区区长张一,主持\"会议\"。"),
                evidence("b.txt", "张一\n调研。"),
            ];
        }
        g.add_edge(e);
    }
    for (who, relation, date, change) in [
        ("钱五", Relation::Appointed, "2024-03-01", "appointed"),
        ("孙六", Relation::Removed, "2024-02-15", "removed"),
    ] {
        let mut e = Edge::new(person(who), district("甲区"), relation);
        e.title = Some("区委书记".into());
        e.date = Some(date.into());
        e.change = Some(change.into());
        e.body = Some("甲区人大常委会".into());
        g.add_edge(e);
    }
    let events: [(&str, Option<&str>, &[&str]); 6] = [
        ("会议一", Some("2024-02-01"), &["乙区"]),
        ("会议二", Some("2024-12-20"), &["乙区"]),
        ("会议三", None, &["乙区"]),
        ("会议四", Some("2024-06-15"), &["甲区"]),
        ("会议五", Some("2024-03-01"), &["甲区", "乙区"]),
        ("会议六", Some("2024-07-01"), &[]),
    ];
    for (name, date, places) in events {
        let mut node = Node::new(NodeKind::Event, name);
        node.date = date.map(String::from);
        if name == "会议四" {
            node.end_date = Some("2024-06-17".into());
        }
        g.add_node(node);
        for place in places {
            g.add_edge(Edge::new(event(name), district(place), Relation::HeldIn));
        }
    }
    // (person, relation, event, the post the sentence names, the day when
    // it is not the event's first)
    for (who, relation, name, title, day) in [
        ("吴八", Relation::Attended, "会议一", None, None),
        ("郑九", Relation::Attended, "会议一", None, None),
        ("吴八", Relation::Attended, "会议二", None, None),
        ("郑九", Relation::Chaired, "会议二", None, None),
        ("郑九", Relation::Attended, "会议二", None, None),
        ("吴八", Relation::Attended, "会议三", None, None),
        ("张一", Relation::Attended, "会议四", None, None),
        (
            "王二",
            Relation::Attended,
            "会议四",
            None,
            Some("2024-06-16"),
        ),
        ("钱五", Relation::Chaired, "会议四", Some("区委书记"), None),
        ("李三", Relation::Attended, "会议五", None, None),
        ("李三", Relation::Attended, "会议六", None, None),
    ] {
        let mut e = Edge::new(person(who), event(name), relation);
        e.title = title.map(String::from);
        e.date = day.map(String::from);
        g.add_edge(e);
    }
    // The node properties the seed articles leave unset: a document's
    // citation, a project's timeline (a stage without a day), an ambiguous
    // district.
    let mut doc = Node::new(NodeKind::Document, "甲区召开\"会议\",部署工作");
    doc.id = "document:a.txt".into();
    doc.title = doc.name.clone().into();
    doc.url = Some("https://example.gov.cn/a.html?x=1;y=2".into());
    doc.source = Some("甲区融媒体中心".into());
    doc.file = Some("news.jsonl".into());
    doc.date = Some("2024-02-01".into());
    g.add_node(doc);
    let mut project = Node::new(NodeKind::Project, "甲区科技园项目");
    project.first_seen = Some("2024-03-01".into());
    project.last_seen = Some("2024-12-20".into());
    project.stages = vec![
        StageSeen {
            date: None,
            stage: "签约".into(),
            doc: "b.txt".into(),
        },
        StageSeen {
            date: Some("2024-12-20".into()),
            stage: "开工".into(),
            doc: "a.txt".into(),
        },
    ];
    g.add_node(project);
    let mut district = Node::new(NodeKind::District, "丙区");
    district.ambiguous = true;
    district.pinyin = Some("Bing District".into());
    g.add_node(district);
    std::fs::write(path, g.to_json()).unwrap();
}

#[test]
fn the_neo4j_export_loaded_into_ladybugdb_answers_as_govgraph_query() {
    need_database();
    let dir = temp_dir("graphdb");
    let seed = dir.join("seed");
    run(govgraph()
        .arg("build")
        .arg(root().join("seeds"))
        .arg("-o")
        .arg(&seed)
        .arg("--quiet"));
    let (fixture, rules) = (dir.join("fixture"), dir.join("rules"));
    std::fs::create_dir_all(&fixture).unwrap();
    std::fs::create_dir_all(&rules).unwrap();
    rules_graph(&rules.join("graph.json"));

    let mut seen = Seen::default();
    compare(&seed.join("graph.json"), &seed, &mut seen);
    compare(
        &root().join("tests/export/fixture.json"),
        &fixture,
        &mut seen,
    );
    compare(&rules.join("graph.json"), &rules, &mut seen);

    assert!(seen.attended >= 10, "few timelines: {}", seen.attended);
    assert!(seen.met >= 5, "few people met anyone: {}", seen.met);
    for basis in ["seen", "tenure", "last_seen_before"] {
        assert!(seen.bases.contains(basis), "no holder by {basis}");
    }
    assert!(seen.acting, "no acting holder");
    for length in [None, Some(1), Some(2), Some(5)] {
        assert!(
            seen.path_lengths.contains(&length),
            "no path of length {length:?}: {:?}",
            seen.path_lengths
        );
    }
    assert!(seen.ties > 0, "no path with several shortest chains");
    assert!(
        seen.documents > 0,
        "no document with a title and an address"
    );
    assert!(seen.projects > 0, "no project with a first day and a stage");
    assert!(seen.pinyin > 0, "no node with a pinyin name");
    assert!(seen.ambiguous > 0, "no ambiguous district");
    let _ = std::fs::remove_dir_all(&dir);
}
