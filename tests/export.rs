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
    assert!(
        nodes.contains("\"'=HYPERLINK("),
        "formula not neutralised:\n{nodes}"
    );
    let rels = std::fs::read_to_string(d.join("relationships.csv")).unwrap();
    assert!(rels.starts_with(":START_ID,:END_ID,:TYPE,"));
}

/// Virtual time for the page's scripts: more for the 5,000-node page.
fn budget_ms(extra: &[&str]) -> u32 {
    if extra.contains(&"--big") {
        60_000
    } else {
        4_000
    }
}

fn chromium(d: &Path, page: &Path, query: &str, extra: &[&str]) -> Output {
    need("chromium");
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
    assert_eq!(g.edge_count(), 2);
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
    let dom = chromium(&d, &page, "?search=人员42", &["--dump-dom", "--big"]);
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
