//! The exports, checked by the programs that read them: Graphviz, xmllint with the
//! GEXF 1.3 schema, networkx, the cytoscape npm package, a Neo4j header checker
//! and headless Chromium. A missing tool fails the test with the command that
//! installs it (`scripts/deps/export.sh`); nothing is skipped.
//!
//! See: issue 5 (exporters).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_govgraph");
const FIXTURE: &str = "tests/export/fixture.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder for one test.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("govgraph-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn need(tool: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{tool} is not installed: run scripts/deps/export.sh (or scripts/test.sh)"
    );
}

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("running {cmd:?}: {e}"))
}

fn ok(cmd: &mut Command) -> Output {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed ({})\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn govgraph(args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(root()).arg("export").args(args);
    cmd
}

/// Exports the fixture in `format` into `out` and returns what was written.
fn export(format: &str, out: &Path, extra: &[&str]) -> PathBuf {
    let mut args = vec!["--graph", FIXTURE, "--format", format, "-o"];
    let o = out.to_str().unwrap();
    args.push(o);
    args.extend_from_slice(extra);
    ok(&mut govgraph(&args));
    out.to_path_buf()
}

fn fixture_counts() -> (usize, usize) {
    let text = std::fs::read_to_string(root().join(FIXTURE)).unwrap();
    let g = govgraph::graph::GovGraph::from_json(&text).unwrap();
    (g.node_count(), g.edge_count())
}

/// A larger graph, to exercise the sfdp hints: districts, people, events.
fn big_graph(d: &Path, people: usize) -> PathBuf {
    use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
    let mut g = GovGraph::new();
    for i in 0..10 {
        g.add_node(Node::new(NodeKind::District, format!("第{i}区")));
    }
    for p in 0..people {
        g.add_node(Node::new(NodeKind::Person, format!("人员{p}")));
        let mut post = Edge::new(
            format!("person:人员{p}"),
            format!("district:第{}区", p % 10),
            Relation::HoldsPost,
        );
        post.title = Some("区长".into());
        g.add_edge(post);
        let mut ev = Node::new(NodeKind::Event, format!("会议{p}"));
        ev.date = Some(format!("2024-{:02}-{:02}", p % 12 + 1, p % 28 + 1));
        g.add_node(ev);
        let mut a = Edge::new(
            format!("person:人员{p}"),
            format!("event:会议{p}"),
            Relation::Attended,
        );
        a.date = Some(format!("2024-{:02}-{:02}", p % 12 + 1, p % 28 + 1));
        g.add_edge(a);
        g.add_edge(Edge::new(
            format!("event:会议{p}"),
            format!("district:第{}区", (p * 7) % 10),
            Relation::HeldIn,
        ));
    }
    let path = d.join("big.json");
    std::fs::write(&path, g.to_json()).unwrap();
    path
}

fn assert_renders_quietly(layout_cmd: &str, dot: &Path) {
    let out = ok(Command::new(layout_cmd).arg("-Tsvg").arg(dot));
    assert!(
        out.stderr.is_empty(),
        "{layout_cmd} -Tsvg {} warned:\n{}",
        dot.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn graphviz_renders_dot_without_a_warning() {
    need("dot");
    need("sfdp");
    let d = dir("dot");
    for layout in ["auto", "dot", "sfdp"] {
        let path = d.join(format!("{layout}.dot"));
        export("dot", &path, &["--layout", layout]);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("legend"), "no legend:\n{text}");
        assert_renders_quietly("dot", &path);
        assert_renders_quietly("sfdp", &path);
    }
    let text = std::fs::read_to_string(d.join("dot.dot")).unwrap();
    assert!(
        text.contains("出席 2024-12-11"),
        "no dated edge label:\n{text}"
    );
    assert!(text.contains("区委书记\\n2024-04-23–2024-12-12"), "{text}");

    // Above AUTO_LIMIT (2,000 nodes) the automatic layout switches to sfdp.
    let big = big_graph(&d, 1100);
    let path = d.join("big.dot");
    ok(&mut govgraph(&[
        "--graph",
        big.to_str().unwrap(),
        "-f",
        "dot",
        "-o",
        path.to_str().unwrap(),
    ]));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("layout=sfdp"),
        "a large graph should get sfdp hints"
    );
    assert_renders_quietly("sfdp", &path);
}

#[test]
fn gexf_validates_against_the_gexf_1_3_schema() {
    need("xmllint");
    let schema = root().join("../shared/schemas/gexf-1.3/gexf.xsd");
    assert!(
        schema.exists(),
        "{} is missing: the tests expect shared/ beside the crate",
        schema.display()
    );
    let d = dir("gexf");
    let path = export("gexf", &d.join("g.gexf"), &[]);
    let out = run(Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&path));
    assert!(
        out.status.success(),
        "GEXF does not validate:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("start=\"2024-12-11\""),
        "events need start times"
    );
    assert!(text.contains("<color r="), "nodes need colours");
}

#[test]
fn networkx_reads_graphml_gexf_and_node_link_with_every_attribute() {
    need("python3");
    let d = dir("networkx");
    let graphml = export("graphml", &d.join("g.graphml"), &[]);
    let gexf = export("gexf", &d.join("g.gexf"), &[]);
    let json = export("node-link", &d.join("g.json"), &[]);
    let out = run(Command::new("python3")
        .current_dir(root())
        .arg("tests/export/check_networkx.py")
        .arg(FIXTURE)
        .args([&graphml, &gexf, &json]));
    assert!(
        out.status.success(),
        "networkx check failed (is networkx installed? scripts/deps/export.sh):\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_cytoscape_package_loads_the_cytoscape_export() {
    need("node");
    assert!(
        root().join("tests/js/node_modules/cytoscape").exists(),
        "tests/js/node_modules is missing: run scripts/deps/export.sh"
    );
    let d = dir("cytoscape");
    let path = export("cytoscape", &d, &[]);
    let file = path.join("graph.cytoscape.json");
    let (n, e) = fixture_counts();
    ok(Command::new("node")
        .current_dir(root().join("tests/js"))
        .arg("check.js")
        .arg(&file)
        .arg(n.to_string())
        .arg(e.to_string()));
}

#[test]
fn neo4j_csvs_follow_the_import_header_rules() {
    need("python3");
    let d = dir("neo4j");
    export("neo4j", &d, &[]);
    ok(Command::new("python3")
        .current_dir(root())
        .arg("tests/export/check_neo4j.py")
        .arg(FIXTURE)
        .arg(&d));
    let nodes = std::fs::read_to_string(d.join("nodes.csv")).unwrap();
    assert!(nodes.starts_with("id:ID,:LABEL,"));
    // A formula-like cell is quoted and kept as the article wrote it: Neo4j
    // stores the article's text, not a guard character.
    assert!(
        nodes.contains(",\"=HYPERLINK(\"\"http://x\"\")\","),
        "formula-like cell not quoted as it is:\n{nodes}"
    );
    assert!(!nodes.contains("'=HYPERLINK"), "{nodes}");
    let rels = std::fs::read_to_string(d.join("relationships.csv")).unwrap();
    assert!(rels.starts_with(":START_ID,:END_ID,:TYPE,"));
}

/// Virtual time for the page's scripts: more for the 5,000-node page, whose
/// layout takes more frames when the machine is busy (each frame steps for a
/// slice of real time); once the layout is done nothing is scheduled and the
/// rest of the budget passes at once.
fn budget_ms(extra: &[&str]) -> u32 {
    if extra.contains(&"--big") {
        300_000
    } else {
        4_000
    }
}

fn chromium(d: &Path, page: &Path, query: &str, extra: &[&str]) -> Output {
    need("chromium");
    // One browser at a time: several at once on a small machine starve the
    // 5,000-node page's layout before its virtual time is spent.
    static ONE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    let url = format!("file://{}{query}", page.display());
    let profile = d.join(format!("profile-{}", extra.len()));
    let _ = std::fs::remove_dir_all(&profile);
    ok(Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1000,700",
        ])
        .arg(format!("--virtual-time-budget={}", budget_ms(extra)))
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra.iter().filter(|a| **a != "--big"))
        .arg(url))
}

#[test]
fn chromium_draws_the_html_view_and_finds_a_person() {
    need("python3");
    let d = dir("html");
    let page = export("html", &d.join("graph.html"), &[]);
    let html = std::fs::read_to_string(&page).unwrap();
    for remote in ["<script src", "<link", "@import", "url(http"] {
        assert!(
            !html.contains(remote),
            "the page loads something ({remote})"
        );
    }

    let dom = chromium(&d, &page, "?search=黄伟", &["--dump-dom"]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    let (n, e) = fixture_counts();
    assert!(
        dom.contains(&format!("<span id=\"node-count\">{n}</span>")),
        "the page does not show {n} nodes:\n{dom}"
    );
    assert!(dom.contains(&format!("<span id=\"edge-count\">{e}</span>")));
    assert!(
        dom.contains("data-selected=\"person:黄伟\""),
        "searching 黄伟 did not select it:\n{dom}"
    );
    assert!(dom.contains("区委书记"), "the facts of 黄伟 are not shown");

    let shot = d.join("shot.png");
    chromium(
        &d,
        &page,
        "",
        &[&format!("--screenshot={}", shot.display())],
    );
    ok(Command::new("python3")
        .current_dir(root())
        .arg("tests/export/check_png.py")
        .arg(&shot)
        .arg("300"));
}

#[test]
fn article_html_in_the_view_stays_text() {
    let d = dir("html-xss");
    let page = export("html", &d.join("graph.html"), &[]);
    let dom = chromium(&d, &page, "?search=alert", &["--dump-dom"]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("data-selected=\"project:&lt;script&gt;alert(1)&lt;/script&gt;\"")
            || dom.contains("data-selected=\"project:<script>alert(1)</script>\""),
        "the hostile node was not selected:\n{dom}"
    );
    assert!(
        !dom.contains("data-pwned=\"1\""),
        "article text ran as code:\n{dom}"
    );
    assert!(
        !dom.contains("<script>alert(1)"),
        "article text became markup:\n{dom}"
    );
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{dom}"
    );
}

#[test]
fn every_format_escapes_hostile_text() {
    need("dot");
    let text = |f: &str| {
        let out = ok(&mut govgraph(&["--graph", FIXTURE, "-f", f]));
        String::from_utf8(out.stdout).unwrap()
    };
    for f in ["graphml", "gexf", "html"] {
        let t = text(f);
        assert!(
            !t.contains("<script>alert"),
            "{f} writes raw <script>:\n{t}"
        );
        assert!(!t.contains("]]>"), "{f} writes ]]> raw");
    }
    for f in ["graphml", "gexf"] {
        assert!(
            text(f).contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;引号&quot; &amp; ]]&gt;")
        );
    }
    // DOT strings are text: once drawn, the name is text in the SVG, not markup.
    let d = dir("escape");
    let path = d.join("g.dot");
    export("dot", &path, &[]);
    let svg = String::from_utf8(ok(Command::new("dot").arg("-Tsvg").arg(&path)).stdout).unwrap();
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/scrip"), "{svg}");
    // JSON formats keep the text as it is, inside JSON strings.
    let v: serde_json::Value = serde_json::from_str(&text("cytoscape")).unwrap();
    assert!(v["elements"]["nodes"].as_array().unwrap().iter().any(|n| {
        n["data"]["name"]
            .as_str()
            .unwrap()
            .starts_with("<script>alert(1)</script> \"引号\" & ]]>")
    }));
}

#[test]
fn output_goes_to_stdout_a_file_or_a_folder() {
    let d = dir("paths");
    let out = ok(&mut govgraph(&["--graph", FIXTURE, "-f", "graphml"]));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<?xml"));

    let file = d.join("mine.graphml");
    export("graphml", &file, &[]);
    assert!(file.is_file());
    let folder = d.join("outdir");
    export("graphml", &folder, &[]);
    assert!(folder.join("graph.graphml").is_file());
    for (f, name) in [
        ("gexf", "graph.gexf"),
        ("cytoscape", "graph.cytoscape.json"),
        ("jsonld", "graph.jsonld"),
        ("html", "graph.html"),
        ("json", "graph.json"),
        ("dot", "graph.dot"),
    ] {
        export(f, &folder, &[]);
        assert!(folder.join(name).is_file(), "{f} did not write {name}");
    }

    let out = run(&mut govgraph(&["--graph", FIXTURE, "-f", "neo4j"]));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("give a folder with -o"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn errors_are_one_clear_line() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["--graph", "nowhere.json", "-f", "dot"],
            "reading nowhere.json",
        ),
        (&["--graph", FIXTURE, "-f", "pdf"], "unknown format \"pdf\""),
        (
            &["--graph", FIXTURE, "-f", "dot", "--district", "罗湖区"],
            "no district named",
        ),
        (
            &["--graph", FIXTURE, "-f", "dot", "--kind", "tree"],
            "unknown kind",
        ),
        (
            &["--graph", FIXTURE, "-f", "dot", "--from", "2024-13-01"],
            "bad date",
        ),
    ];
    for (args, want) in cases {
        let out = run(&mut govgraph(args));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let bad = dir("bad").join("bad.json");
    std::fs::write(&bad, "{not json").unwrap();
    let out = run(&mut govgraph(&[
        "--graph",
        bad.to_str().unwrap(),
        "-f",
        "dot",
    ]));
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr)
            .trim_end()
            .lines()
            .count(),
        1
    );
}

#[test]
fn output_is_byte_identical_whatever_the_input_order() {
    let d = dir("determinism");
    let text = std::fs::read_to_string(root().join(FIXTURE)).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for key in ["nodes", "edges"] {
        v[key].as_array_mut().unwrap().reverse();
    }
    let shuffled = d.join("shuffled.json");
    std::fs::write(&shuffled, serde_json::to_string(&v).unwrap()).unwrap();
    for f in [
        "json",
        "dot",
        "graphml",
        "gexf",
        "cytoscape",
        "jsonld",
        "html",
    ] {
        let a = ok(&mut govgraph(&["--graph", FIXTURE, "-f", f])).stdout;
        let b = ok(&mut govgraph(&[
            "--graph",
            shuffled.to_str().unwrap(),
            "-f",
            f,
        ]))
        .stdout;
        assert!(a == b, "{f} depends on input order");
    }
    let (x, y) = (d.join("a"), d.join("b"));
    export("neo4j", &x, &[]);
    export("neo4j", &y, &[]);
    for name in ["nodes.csv", "relationships.csv", "load.cypher"] {
        assert_eq!(
            std::fs::read(x.join(name)).unwrap(),
            std::fs::read(y.join(name)).unwrap()
        );
    }
}

#[test]
fn filters_cut_the_graph() {
    let json = |args: &[&str]| -> govgraph::graph::GovGraph {
        let mut all = vec!["--graph", FIXTURE, "-f", "json"];
        all.extend_from_slice(args);
        let out = ok(&mut govgraph(&all));
        govgraph::graph::GovGraph::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap()
    };
    let g = json(&["--district", "福田"]);
    assert!(g.node("person:黄伟").is_some());
    assert!(g.node("person:李明").is_none());
    assert!(g.node("district:南山区").is_none());
    assert!(g.node("project:河套深港科技创新合作区").is_some());

    let g = json(&["--from", "2024-01-01", "--to", "2024-12-31"]);
    assert!(g.node("event:2023-09-05:南山区:科技创新大会").is_none());
    assert!(
        g.node("event:2024-12-11:福田区:模力福地行动方案发布会")
            .is_some()
    );
    assert!(
        g.node("person:周江涛").is_none(),
        "no 2024 fact about 周江涛"
    );

    let g = json(&["--around", "黄伟", "--depth", "1"]);
    let mut ids: Vec<String> = g.nodes().iter().map(|n| n.id.clone()).collect();
    ids.sort();
    assert_eq!(ids.len(), 4, "{ids:?}");

    let g = json(&["--kind", "person,district"]);
    assert!(g.nodes().iter().all(|n| matches!(
        n.kind,
        govgraph::graph::NodeKind::Person | govgraph::graph::NodeKind::District
    )));
    // The posts of 黄伟, 周江涛 and 甲某某, the appointment of 甲某某 and the
    // resignation of 乙某某.
    assert_eq!(g.edge_count(), 5);
}

/// The one `<edge ...>...</edge>` element of an XML export holding every needle.
fn xml_edge<'a>(text: &'a str, needles: &[&str]) -> &'a str {
    let found: Vec<&str> = text
        .split("<edge ")
        .skip(1)
        .map(|rest| &rest[..rest.find("</edge>").expect("an unclosed <edge>")])
        .filter(|block| needles.iter().all(|n| block.contains(n)))
        .collect();
    assert_eq!(found.len(), 1, "{needles:?} picks {} edges", found.len());
    found[0]
}

/// A CSV file as rows of cells (RFC 4180 quoting, as the Neo4j export writes it).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// The personnel facts of the fixture (甲某某, acting 区长 of 南山区 from
/// 2024-03-01 to 2024-09-30, appointed acting by 南山区人大常委会; 乙某某, who
/// resigned as 区长 the same day) reach every format with their fields.
#[test]
fn personnel_facts_reach_every_format() {
    let text = |f: &str| {
        let out = ok(&mut govgraph(&["--graph", FIXTURE, "-f", f]));
        String::from_utf8(out.stdout).unwrap()
    };
    let post = ["source=\"person:甲某某\"", "holds_post"];
    let appointed = ["source=\"person:甲某某\"", "appointed"];
    let removed = ["source=\"person:乙某某\"", "removed"];

    // GraphML: typed keys, and the values on the edges.
    let x = text("graphml");
    for (key, kind) in [
        ("start", "string"),
        ("end", "string"),
        ("acting", "boolean"),
        ("change", "string"),
        ("body", "string"),
    ] {
        let decl =
            format!("<key id=\"e_{key}\" for=\"edge\" attr.name=\"{key}\" attr.type=\"{kind}\"/>");
        assert!(x.contains(&decl), "GraphML lacks {decl}");
    }
    let e = xml_edge(&x, &post);
    for data in [
        "<data key=\"e_start\">2024-03-01</data>",
        "<data key=\"e_end\">2024-09-30</data>",
        "<data key=\"e_acting\">true</data>",
        "<data key=\"e_first_seen\">2024-05-10</data>",
        "<data key=\"e_label\">代区长</data>",
    ] {
        assert!(e.contains(data), "GraphML holds_post lacks {data}:\n{e}");
    }
    let e = xml_edge(&x, &appointed);
    for data in [
        "<data key=\"e_title\">区长</data>",
        "<data key=\"e_date\">2024-03-01</data>",
        "<data key=\"e_change\">acting</data>",
        "<data key=\"e_body\">南山区人大常委会</data>",
        "<data key=\"e_label\">代理区长 2024-03-01</data>",
    ] {
        assert!(e.contains(data), "GraphML appointed lacks {data}:\n{e}");
    }
    let e = xml_edge(&x, &removed);
    assert!(e.contains("<data key=\"e_change\">resigned</data>"), "{e}");
    assert!(
        e.contains("<data key=\"e_label\">辞去区长 2024-03-01</data>"),
        "{e}"
    );
    let e = xml_edge(&x, &["source=\"person:黄伟\"", "holds_post"]);
    assert!(
        !e.contains("e_acting"),
        "acting written for a substantive holder"
    );

    // GEXF: the tenure as a spell, the facts on their day, the fields as attributes.
    let x = text("gexf");
    assert!(x.contains("<attribute id=\"acting\" title=\"acting\" type=\"boolean\"/>"));
    for a in ["start", "end", "change", "body"] {
        let decl = format!("<attribute id=\"{a}\" title=\"{a}\" type=\"string\"/>");
        assert!(x.contains(&decl), "GEXF lacks {decl}");
    }
    let e = xml_edge(&x, &post);
    let tag = &e[..e.find('>').unwrap()];
    assert!(
        !tag.contains(" start=") && tag.contains("label=\"代区长\""),
        "{tag}"
    );
    for part in [
        "<spells>\n          <spell start=\"2024-03-01\" end=\"2024-09-30\"/>\n        </spells>",
        "<attvalue for=\"acting\" value=\"true\"/>",
        "<attvalue for=\"start\" value=\"2024-03-01\"/>",
        "<attvalue for=\"end\" value=\"2024-09-30\"/>",
    ] {
        assert!(e.contains(part), "GEXF holds_post lacks {part}:\n{e}");
    }
    // A post only seen held lives from its first to its last sighting.
    let e = xml_edge(&x, &["source=\"person:黄伟\"", "holds_post"]);
    assert!(
        e.contains("<spell start=\"2024-04-23\" end=\"2024-12-12\"/>"),
        "{e}"
    );
    let e = xml_edge(&x, &appointed);
    for part in [
        "start=\"2024-03-01\" end=\"2024-03-01\">",
        "<attvalue for=\"title\" value=\"区长\"/>",
        "<attvalue for=\"change\" value=\"acting\"/>",
        "<attvalue for=\"body\" value=\"南山区人大常委会\"/>",
    ] {
        assert!(e.contains(part), "GEXF appointed lacks {part}:\n{e}");
    }
    let e = xml_edge(&x, &removed);
    assert!(
        e.contains("<attvalue for=\"change\" value=\"resigned\"/>"),
        "{e}"
    );
    assert!(
        e.contains("start=\"2024-03-01\" end=\"2024-03-01\">"),
        "{e}"
    );

    // Neo4j: typed columns, filled on the right rows; load.cypher sets them.
    let d = dir("personnel-neo4j");
    export("neo4j", &d, &[]);
    let rows = csv_rows(&std::fs::read_to_string(d.join("relationships.csv")).unwrap());
    let header = &rows[0];
    for col in ["start:date", "end:date", "acting:boolean", "change", "body"] {
        assert!(header.iter().any(|h| h == col), "no {col} in {header:?}");
    }
    let row = |start: &str, kind: &str| -> std::collections::BTreeMap<&str, &str> {
        let found: Vec<_> = rows[1..]
            .iter()
            .filter(|r| r[0] == start && r[2] == kind)
            .collect();
        assert_eq!(found.len(), 1, "{start} {kind}: {found:?}");
        header
            .iter()
            .map(String::as_str)
            .zip(found[0].iter().map(String::as_str))
            .collect()
    };
    let r = row("person:甲某某", "HOLDS_POST");
    assert_eq!(
        (r["start:date"], r["end:date"], r["acting:boolean"]),
        ("2024-03-01", "2024-09-30", "true")
    );
    assert_eq!(row("person:黄伟", "HOLDS_POST")["acting:boolean"], "false");
    let r = row("person:甲某某", "APPOINTED");
    assert_eq!(
        (r["title"], r["date:date"], r["change"], r["body"]),
        ("区长", "2024-03-01", "acting", "南山区人大常委会")
    );
    assert_eq!(r["acting:boolean"], "", "acting belongs to HOLDS_POST");
    let r = row("person:乙某某", "REMOVED");
    assert_eq!((r["change"], r["date:date"]), ("resigned", "2024-03-01"));
    let cypher = std::fs::read_to_string(d.join("load.cypher")).unwrap();
    let block = |t: &str| {
        cypher
            .split("\n\n")
            .find(|b| b.contains(&format!("row.`:TYPE` = '{t}'")))
            .unwrap_or_else(|| panic!("load.cypher loads no {t}"))
            .to_string()
    };
    let b = block("HOLDS_POST");
    assert!(b.contains("r.start = date(row.`start:date`)"), "{b}");
    assert!(b.contains("r.end = date(row.`end:date`)"), "{b}");
    assert!(
        b.contains("r.acting = toBoolean(row.`acting:boolean`)"),
        "{b}"
    );
    for t in ["APPOINTED", "REMOVED"] {
        let b = block(t);
        assert!(b.contains("r.change = row.change"), "{b}");
        assert!(b.contains("r.body = row.body"), "{b}");
        assert!(b.contains("r.date = date(row.`date:date`)"), "{b}");
    }

    // Cytoscape: every field of the edge, as graph.json has it.
    let v: serde_json::Value = serde_json::from_str(&text("cytoscape")).unwrap();
    let edges = v["elements"]["edges"].as_array().unwrap();
    let edge = |source: &str, relation: &str| {
        edges
            .iter()
            .map(|e| &e["data"])
            .find(|d| d["source"] == source && d["relation"] == relation)
            .unwrap_or_else(|| panic!("no {relation} edge from {source}"))
            .clone()
    };
    let e = edge("person:甲某某", "holds_post");
    assert_eq!(
        (&e["start"], &e["end"], &e["acting"], &e["label"]),
        (
            &serde_json::json!("2024-03-01"),
            &serde_json::json!("2024-09-30"),
            &serde_json::json!(true),
            &serde_json::json!("代区长")
        )
    );
    let e = edge("person:甲某某", "appointed");
    assert_eq!(
        (&e["change"], &e["body"]),
        (&"acting".into(), &"南山区人大常委会".into())
    );
    assert_eq!(edge("person:乙某某", "removed")["change"], "resigned");

    // JSON-LD: the tenure and the facts as Roles.
    let v: serde_json::Value = serde_json::from_str(&text("jsonld")).unwrap();
    let person = |id: &str| {
        v["@graph"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["@id"] == format!("urn:govgraph:person:{id}"))
            .unwrap()["memberOf"]
            .as_array()
            .unwrap()
            .clone()
    };
    let roles = person("甲某某");
    let tenure = roles.iter().find(|r| r["subjectOf"].is_null()).unwrap();
    assert_eq!(tenure["@type"], "Role");
    assert_eq!(tenure["roleName"], "区长");
    assert_eq!(tenure["startDate"], "2024-03-01");
    assert_eq!(tenure["endDate"], "2024-09-30");
    assert_eq!(tenure["description"], "acting");
    let fact = roles.iter().find(|r| !r["subjectOf"].is_null()).unwrap();
    assert_eq!(fact["startDate"], "2024-03-01");
    assert_eq!(fact["subjectOf"]["dateCreated"], "2024-03-01");
    assert_eq!(fact["subjectOf"]["creator"]["name"], "南山区人大常委会");
    let roles = person("乙某某");
    assert_eq!(roles[0]["endDate"], "2024-03-01");
    assert_eq!(roles[0]["description"], "resigned");
    assert!(roles[0].get("startDate").is_none());

    // DOT: the acting post with 代 over its tenure; the facts dashed, with the
    // change and the day.
    let dot = text("dot");
    let line = |needle: &str| {
        dot.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no DOT line with {needle}:\n{dot}"))
            .to_string()
    };
    let l = line("label=\"代区长\\n2024-03-01–2024-09-30\"");
    assert!(
        l.starts_with("  \"person:甲某某\" -> \"district:南山区\""),
        "{l}"
    );
    assert!(!l.contains("dashed"), "{l}");
    let l = line("label=\"代理区长\\n2024-03-01\"");
    assert!(l.contains("style=dashed"), "{l}");
    let l = line("label=\"辞去区长\\n2024-03-01\"");
    assert!(
        l.contains("style=dashed") && l.contains("\"person:乙某某\""),
        "{l}"
    );

    // node-link: graph.json itself round-trips the fields.
    let v: serde_json::Value = serde_json::from_str(&text("json")).unwrap();
    let e = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "person:甲某某" && e["relation"] == "holds_post")
        .unwrap();
    assert_eq!(
        (&e["start"], &e["acting"]),
        (&"2024-03-01".into(), &true.into())
    );
}

#[test]
fn jsonld_uses_schema_org_types() {
    let out = ok(&mut govgraph(&["--graph", FIXTURE, "-f", "jsonld"]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["@context"]["@vocab"], "https://schema.org/");
    let items = v["@graph"].as_array().unwrap();
    let find = |id: &str| items.iter().find(|i| i["@id"] == id).cloned().unwrap();
    let ev = find("urn:govgraph:event:2024-12-11:福田区:模力福地行动方案发布会");
    assert_eq!(ev["@type"], "Event");
    assert_eq!(ev["startDate"], "2024-12-11");
    assert_eq!(ev["location"][0]["@id"], "urn:govgraph:district:福田区");
    let p = find("urn:govgraph:person:黄伟");
    assert_eq!(p["@type"], "Person");
    assert_eq!(p["memberOf"][0]["roleName"], "区委书记");
    assert_eq!(
        find("urn:govgraph:district:福田区")["@type"],
        "AdministrativeArea"
    );
}

#[test]
fn the_html_view_lays_out_five_thousand_nodes() {
    let d = dir("html-big");
    let big = big_graph(&d, 2500);
    let page = d.join("big.html");
    ok(&mut govgraph(&[
        "--graph",
        big.to_str().unwrap(),
        "-f",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]));
    let started = std::time::Instant::now();
    // ?settle=1 runs every layout step before the first drawing: frame pacing
    // in a headless browser depends on the machine's load, the layout not.
    let dom = chromium(
        &d,
        &page,
        "?search=人员42&settle=1",
        &["--dump-dom", "--big"],
    );
    let dom = String::from_utf8_lossy(&dom.stdout);
    let body = dom
        .lines()
        .find(|l| l.contains("<body"))
        .unwrap_or_default();
    assert!(
        dom.contains("<span id=\"node-count\">5010</span>"),
        "the page does not show 5010 nodes"
    );
    assert!(
        body.contains("data-layout=\"done\""),
        "the layout did not settle: {body} (after {:?})",
        started.elapsed()
    );
    assert!(body.contains("data-selected=\"person:人员42\""), "{body}");
}

/// Every export of the fixture, compared byte for byte with the reviewed copy in
/// `tests/export/snapshots/`; `GOVGRAPH_BLESS=1 cargo test` rewrites them.
#[test]
fn exports_match_their_snapshots() {
    let snapshots = root().join("tests/export/snapshots");
    let d = dir("snapshots");
    for f in [
        "json",
        "dot",
        "graphml",
        "gexf",
        "cytoscape",
        "jsonld",
        "html",
    ] {
        export(f, &d, &[]);
    }
    export("neo4j", &d.join("neo4j"), &[]);
    let files = [
        "graph.json",
        "graph.dot",
        "graph.graphml",
        "graph.gexf",
        "graph.cytoscape.json",
        "graph.jsonld",
        "graph.html",
        "neo4j/nodes.csv",
        "neo4j/relationships.csv",
        "neo4j/load.cypher",
    ];
    let bless = std::env::var_os("GOVGRAPH_BLESS").is_some();
    let mut stale = Vec::new();
    for name in files {
        let got = std::fs::read_to_string(d.join(name)).unwrap();
        let path = snapshots.join(name);
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            stale.push(format!(
                "{name}: first difference at line {}\n  got:  {}\n  want: {}",
                line + 1,
                got.lines().nth(line).unwrap_or("<end>"),
                want.lines().nth(line).unwrap_or("<end>")
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "exports differ from tests/export/snapshots (review, then GOVGRAPH_BLESS=1 cargo test --test export):\n{}",
        stale.join("\n")
    );
}
