//! `govgraph build` on the real seed articles, run as a user runs it.
//!
//! See: issue 2 (the backbone) and issue 3 (dictionaries, Traditional script).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

mod common;
use common::{govgraph, root, run, temp_dir};

/// The seed graph, built once for all tests in this file.
fn seed_graph() -> &'static Value {
    static GRAPH: OnceLock<Value> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let dir = temp_dir("seeds");
        run(govgraph()
            .arg("build")
            .arg(root().join("seeds"))
            .arg("-o")
            .arg(&dir)
            .arg("-q"));
        let text = fs::read_to_string(dir.join("graph.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    })
}

fn edges<'a>(g: &'a Value, relation: &str) -> Vec<&'a Value> {
    g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["relation"] == relation)
        .collect()
}

fn node<'a>(g: &'a Value, id: &str) -> Option<&'a Value> {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
}

/// (person, district) -> titles, from holds_post edges.
fn posts(g: &Value) -> BTreeMap<(String, String), BTreeSet<String>> {
    let mut out: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for e in edges(g, "holds_post") {
        let person = e["source"]
            .as_str()
            .unwrap()
            .trim_start_matches("person:")
            .to_string();
        // The district by its name: an id may carry the city (district:深圳市南山区).
        let target = e["target"].as_str().unwrap();
        let district = node(g, target)
            .and_then(|n| n["name"].as_str().map(String::from))
            .unwrap_or_else(|| target.trim_start_matches("district:").to_string());
        out.entry((person, district))
            .or_default()
            .insert(e["title"].as_str().unwrap().to_string());
    }
    out
}

#[test]
fn named_facts_of_the_seeds() {
    let g = seed_graph();
    let posts = posts(g);
    assert!(
        posts[&("黄伟".into(), "福田区".into())].contains("区委书记"),
        "{posts:?}"
    );
    let chaired = edges(g, "chaired");
    assert!(
        chaired.iter().any(|e| e["source"] == "person:黄伟"
            && e["date"] == "2024-04-23"
            && e["target"].as_str().unwrap().contains("区委常委会会议")),
        "黄伟 chaired the 区委常委会会议 on 2024-04-23"
    );
    // 龙岗区's 区委书记: 张礼卫 in April 2024, 余锡权 in December 2024.
    let longgang: Vec<&Value> = edges(g, "holds_post")
        .into_iter()
        .filter(|e| e["target"] == "district:龙岗区" && e["title"] == "区委书记")
        .collect();
    let holder = |who: &str| {
        longgang
            .iter()
            .find(|e| e["source"] == format!("person:{who}"))
            .copied()
    };
    let zhang = holder("张礼卫").expect("张礼卫 is 龙岗区委书记");
    assert!(zhang["first_seen"].as_str().unwrap().starts_with("2024-04"));
    let yu = holder("余锡权").expect("余锡权 is 龙岗区委书记");
    assert!(yu["first_seen"].as_str().unwrap().starts_with("2024-12"));
    assert_eq!(yu["last_seen"], "2024-12-14");
    // An editor is a person with a role, never an official.
    let editor = node(g, "person:吴诗敏").expect("the editor is kept as a person");
    assert_eq!(editor["roles"][0], "编辑");
    assert!(!posts.keys().any(|(p, _)| p == "吴诗敏"));
    // A city official and an academician are not district officials.
    for outsider in ["何奕飞", "彭寿"] {
        assert!(
            !posts.keys().any(|(p, _)| p == outsider),
            "{outsider} is no district official"
        );
    }
}

#[test]
fn the_22_officials_of_seeds_000_to_002_and_no_one_else() {
    let g = seed_graph();
    let posts = posts(g);
    let mut expected: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for gold in [
        "000_22503a7b7beed9b0",
        "001_e40446eeb754cd0f",
        "002_184aa66930443cca",
    ] {
        let text = fs::read_to_string(root().join(format!("tests/gold/{gold}.json"))).unwrap();
        let gold: Value = serde_json::from_str(&text).unwrap();
        for o in gold["officials"].as_array().unwrap() {
            let key = (
                o["name"].as_str().unwrap().to_string(),
                o["district"].as_str().unwrap().to_string(),
            );
            let titles = expected.entry(key).or_default();
            for t in o["titles"].as_array().unwrap() {
                titles.insert(t.as_str().unwrap().to_string());
            }
        }
    }
    assert_eq!(expected.len(), 22);
    assert_eq!(
        posts, expected,
        "officials and titles differ from the gold files"
    );
}

#[test]
fn events_have_dates_districts_and_evidence() {
    let g = seed_graph();
    let ev =
        node(g, "event:2024-12-11:福田区:模力福地行动方案发布会").expect("the 发布会 is an event");
    assert_eq!(ev["date"], "2024-12-11");
    assert_eq!(ev["name"], "“模力福地”行动方案发布会");
    // A multi-day trip keeps its span.
    let trip = g["nodes"].as_array().unwrap().iter().find(|n| {
        n["kind"] == "event" && n["date"] == "2024-04-24" && n["end_date"] == "2024-04-27"
    });
    assert!(trip.is_some(), "4月24日至27日 gives a span");
    // Seed 003's 新春第一会 have no named official but are events all the same.
    assert!(node(g, "event:2022-02-07:坪山区:高质量推动城市建设工作大会").is_some());
    for e in edges(g, "attended").into_iter().chain(edges(g, "chaired")) {
        let evidence = e["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty(), "{e}");
        assert!(evidence[0]["text"].as_str().unwrap().chars().count() > 5);
    }
}

#[test]
fn evidence_offsets_point_into_the_normalised_text() {
    let g = seed_graph();
    let text = fs::read_to_string(root().join("seeds/000_22503a7b7beed9b0.txt")).unwrap();
    let doc = govgraph::normalise::normalise("000_22503a7b7beed9b0.txt", &text);
    let chars: Vec<char> = doc.text.chars().collect();
    let mut checked = 0;
    for e in g["edges"].as_array().unwrap() {
        for ev in e["evidence"].as_array().into_iter().flatten() {
            if ev["doc"] == "000_22503a7b7beed9b0.txt" {
                let (s, t) = (
                    ev["start"].as_u64().unwrap() as usize,
                    ev["end"].as_u64().unwrap() as usize,
                );
                let quoted: String = chars[s..t].iter().collect();
                assert_eq!(quoted, ev["text"].as_str().unwrap());
                checked += 1;
            }
        }
    }
    assert!(checked > 20);
}

#[test]
fn projects_are_located_in_their_district() {
    let g = seed_graph();
    let located: BTreeMap<&str, &str> = edges(g, "located_in")
        .into_iter()
        .map(|e| (e["source"].as_str().unwrap(), e["target"].as_str().unwrap()))
        .collect();
    assert_eq!(
        located.get("project:正奇未来城项目"),
        Some(&"district:坪山区")
    );
    // Every project the seed gold names that the graph found is where the
    // gold puts it.
    let mut checked = 0;
    for entry in std::fs::read_dir("tests/gold").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for p in gold["projects"].as_array().into_iter().flatten() {
            let (Some(name), Some(district)) = (p["name"].as_str(), p["district"].as_str()) else {
                continue;
            };
            if let Some(found) = located.get(format!("project:{name}").as_str()) {
                assert!(
                    found.ends_with(district),
                    "{name} is located in {found}, the gold says {district}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} gold projects found");
}

#[test]
fn committed_graphs_match_a_fresh_build() {
    // Built as scripts/build-graphs.sh builds graphs/: `seeds` as typed, so
    // that the manifest, which lists the inputs as given, is the same too.
    let scratch = common::repo_scratch("fresh");
    run(govgraph()
        .current_dir(&scratch)
        .args(["build", "seeds", "-o", "fresh", "-q", "--formats"])
        .arg("json,dot,graphml,gexf,cytoscape,neo4j,jsonld,html"));
    let dir = scratch.join("fresh");
    let mut compared = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name();
        let fresh = fs::read(dir.join(&name)).unwrap();
        let committed = fs::read(root().join("graphs").join(&name)).unwrap_or_default();
        assert!(
            fresh == committed,
            "graphs/{} is stale: run scripts/build-graphs.sh",
            name.to_string_lossy()
        );
        compared += 1;
    }
    assert!(
        compared >= 10,
        "every format and the manifest are committed"
    );
    // The manifest lists every other file with its size, and nothing else.
    let manifest: Value =
        serde_json::from_slice(&fs::read(dir.join("graph.manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["inputs"]["paths"], serde_json::json!(["seeds"]));
    let listed: BTreeSet<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = f["name"].as_str().unwrap();
            let size = fs::metadata(dir.join(name)).unwrap().len();
            assert_eq!(f["size"], size, "{name}");
            name
        })
        .collect();
    assert_eq!(listed.len(), compared - 1);
    assert!(!listed.contains("graph.manifest.json"));
}

#[test]
fn builds_are_byte_identical() {
    let a = temp_dir("det-a");
    let b = temp_dir("det-b");
    // The same articles given in another order give the same bytes.
    run(govgraph()
        .arg("build")
        .arg(root().join("seeds"))
        .arg("-o")
        .arg(&a)
        .arg("-q"));
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.reverse();
    run(govgraph()
        .arg("build")
        .args(&files)
        .arg("-o")
        .arg(&b)
        .arg("-q"));
    for f in ["graph.json", "graph.dot"] {
        assert!(
            fs::read(a.join(f)).unwrap() == fs::read(b.join(f)).unwrap(),
            "{f} differs between runs"
        );
    }
}

#[test]
fn graphviz_renders_the_dot_without_warnings() {
    let out = Command::new("dot")
        .arg("-Tsvg")
        .arg(root().join("graphs/graph.dot"))
        .output()
        .expect("graphviz `dot` is installed (scripts/deps/graphviz.sh)");
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("黄伟"));
}

fn build_one(name: &str, article: &str, extra: &[&str]) -> Value {
    let dir = temp_dir(name);
    fs::write(dir.join("article.txt"), article).unwrap();
    run(govgraph()
        .arg("build")
        .arg(dir.join("article.txt"))
        .arg("-o")
        .arg(dir.join("out"))
        .arg("-q")
        .args(extra));
    serde_json::from_str(&fs::read_to_string(dir.join("out/graph.json")).unwrap()).unwrap()
}

#[test]
fn other_cities_counties_and_new_officials() {
    let article = "2025年3月3日至3月9日。\n3月4日,广州市天河区委书记张晓明主持召开区委常委会会议。\n3月5日,蒲江县委书记王大山、县长李小川出席全县经济工作会议。\n3月6日,代区长刘一鸣赴企业调研。";
    let g = build_one("cities", article, &[]);
    let posts = posts(&g);
    assert!(
        posts[&("张晓明".into(), "天河区".into())].contains("区委书记"),
        "{posts:?}"
    );
    assert!(
        posts[&("王大山".into(), "蒲江县".into())].contains("县委书记"),
        "{posts:?}"
    );
    assert!(
        posts[&("李小川".into(), "蒲江县".into())].contains("县长"),
        "{posts:?}"
    );
    assert!(
        edges(&g, "chaired")
            .iter()
            .any(|e| e["source"] == "person:张晓明" && e["date"] == "2025-03-04")
    );
}

#[test]
fn a_user_dictionary_adds_a_person_the_rules_miss() {
    let article = "2024年12月9日至12月15日。\n福田区\n12月11日,欧阳明远出席福田区科技创新大会。";
    let without = build_one("nodict", article, &[]);
    assert!(node(&without, "person:欧阳明远").is_none());
    let dir = temp_dir("dictfile");
    let dict = dir.join("people.tsv");
    fs::write(&dict, "# my people\nperson\t欧阳明远\t福田区\t副区长\n").unwrap();
    let with = build_one("dict", article, &["--dict", dict.to_str().unwrap()]);
    let posts = posts(&with);
    assert!(
        posts[&("欧阳明远".into(), "福田区".into())].contains("副区长"),
        "{posts:?}"
    );
    assert!(
        edges(&with, "attended")
            .iter()
            .any(|e| e["source"] == "person:欧阳明远" && e["date"] == "2024-12-11")
    );
}

#[test]
fn a_user_dictionary_adds_projects_and_organisations() {
    let article = "2024年12月9日至12月15日。\n12月11日,福田区召开推进会,研究新洲片区综合提升计划,深圳联通参加。";
    let without = build_one("nodict2", article, &[]);
    assert!(node(&without, "project:新洲片区综合提升计划").is_none());
    let dir = temp_dir("dictfile2");
    let dict = dir.join("works.tsv");
    fs::write(
        &dict,
        "project\t新洲片区综合提升计划\t福田区\norganization\t深圳联通\n",
    )
    .unwrap();
    let with = build_one("dict2", article, &["--dict", dict.to_str().unwrap()]);
    let located: Vec<&Value> = edges(&with, "located_in")
        .into_iter()
        .filter(|e| e["source"] == "project:新洲片区综合提升计划")
        .collect();
    assert_eq!(located[0]["target"], "district:福田区");
    assert!(
        edges(&with, "concerns")
            .iter()
            .any(|e| e["target"] == "project:新洲片区综合提升计划")
    );
    assert!(
        edges(&with, "involves")
            .iter()
            .any(|e| e["target"] == "organization:深圳联通")
    );
}

#[test]
fn traditional_script_gives_the_same_graph() {
    let simplified = "2024年12月9日至12月15日。\n12月11日,龙岗区召开国资国企工作会议,区委书记余锡权、区长王策飞出席会议。";
    let traditional = "2024年12月9日至12月15日。\n12月11日,龍崗區召開國資國企工作會議,區委書記余錫權、區長王策飛出席會議。";
    let a = build_one("simp", simplified, &[]);
    let b = build_one("trad", traditional, &[]);
    assert_eq!(posts(&a), posts(&b));
    let ids = |g: &Value| {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    // The form as written is kept as an alias, and evidence quotes the article.
    assert!(
        node(&b, "person:余锡权").unwrap()["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "余錫權")
    );
    assert!(
        edges(&b, "attended")[0]["evidence"][0]["text"]
            .as_str()
            .unwrap()
            .contains("龍崗區")
    );
}

#[test]
fn gbk_articles_are_read_and_binary_files_skipped() {
    let dir = temp_dir("gbk");
    let text = "2024年12月9日至12月15日。\n12月11日,宝安区委书记王守睿主持召开区委常委会会议。";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    fs::write(dir.join("gbk.txt"), &gbk).unwrap();
    fs::write(dir.join("broken.txt"), [0x89u8, b'P', 0, 0, 0xff]).unwrap();
    let out = run(govgraph()
        .arg("build")
        .arg(&dir)
        .arg("-o")
        .arg(dir.join("out")));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.txt"),
        "the skipped file is named: {stderr}"
    );
    let g: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("out/graph.json")).unwrap()).unwrap();
    assert!(posts(&g).contains_key(&("王守睿".into(), "宝安区".into())));
}

#[test]
fn bad_input_gives_one_line_and_a_failure() {
    let dir = temp_dir("bad");
    let cases: Vec<Vec<String>> = vec![
        vec!["build".into(), dir.join("missing").display().to_string()],
        vec![
            "build".into(),
            dir.display().to_string(),
            "--formats".into(),
            "pdf".into(),
        ],
        vec!["build".into(), dir.display().to_string()],
        vec![
            "build".into(),
            root().join("seeds").display().to_string(),
            "--dict".into(),
            dir.join("nope.tsv").display().to_string(),
        ],
        // Usage errors too: clap's message on one line.
        vec![
            "build".into(),
            root().join("seeds").display().to_string(),
            "--threads".into(),
            "abc".into(),
        ],
        vec![
            "build".into(),
            root().join("seeds").display().to_string(),
            "--threads".into(),
            "-1".into(),
        ],
        vec!["bild".into()],
    ];
    for args in cases {
        let out = govgraph().args(&args).current_dir(&dir).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert_eq!(
            stderr.trim().lines().count(),
            1,
            "{args:?}: one line, got {stderr}"
        );
        assert!(stderr.starts_with("govgraph: "), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let bad_dict = dir.join("bad.tsv");
    fs::write(&bad_dict, "person\t张三\t罗湖区\n").unwrap();
    let out = govgraph()
        .arg("build")
        .arg(root().join("seeds"))
        .arg("--dict")
        .arg(&bad_dict)
        .arg("-o")
        .arg(dir.join("o"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.tsv:1:"),
        "the bad line is named: {stderr}"
    );
}

#[test]
fn help_has_examples() {
    for sub in ["build", "query", "export", "eval"] {
        let out = run(govgraph().arg(sub).arg("--help"));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("Examples:") && text.contains(&format!("govgraph {sub}")),
            "{sub} --help shows examples: {text}"
        );
    }
}

/// Documents are read on several threads and collected in order: the graph
/// is the same bytes with one thread and with many, over articles of every
/// kind the repository holds.
#[test]
fn threads_do_not_change_the_graph() {
    let inputs = ["seeds", "tests/blind", "tests/heldout", "tests/cases"];
    let build = |threads: &str, name: &str| {
        let out = temp_dir(name);
        run(govgraph()
            .arg("build")
            .args(inputs.iter().map(|i| root().join(i)))
            .args(["--threads", threads, "-q", "--formats", "json,dot,graphml"])
            .arg("-o")
            .arg(&out));
        out
    };
    let one = build("1", "threads-1");
    let many = build("3", "threads-3");
    let all = build("0", "threads-all");
    for f in ["graph.json", "graph.dot", "graph.graphml"] {
        let a = fs::read(one.join(f)).unwrap();
        assert!(a.len() > 10_000, "{f} holds the graph");
        assert!(
            a == fs::read(many.join(f)).unwrap(),
            "{f}: 1 thread and 3 differ"
        );
        assert!(
            a == fs::read(all.join(f)).unwrap(),
            "{f}: 1 thread and all differ"
        );
    }
    // A number of threads the machine cannot start is refused, not attempted.
    let out = govgraph()
        .arg("build")
        .arg(root().join("seeds"))
        .args(["--threads", "20000", "-o"])
        .arg(temp_dir("threads-too-many"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not in 0..=256"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A document read once, alone, is read again when it names an official only
/// another document introduced with a title: the bare name then takes part.
#[test]
fn an_official_another_article_introduced_is_linked() {
    let dir = temp_dir("known-across");
    fs::write(
        dir.join("a.txt"),
        "2024年12月3日 本报讯\n12月3日，福田区委书记甄立仁出席低空经济产业大会。\n",
    )
    .unwrap();
    fs::write(
        dir.join("b.txt"),
        "2024年12月6日 本报讯\n12月5日，甄立仁、郝思源与12家企业座谈，听取意见建议。\n",
    )
    .unwrap();
    let attended = |inputs: &[&str], out: &str| -> Vec<String> {
        let out = dir.join(out);
        run(govgraph()
            .arg("build")
            .args(inputs.iter().map(|i| dir.join(i)))
            .arg("-q")
            .arg("-o")
            .arg(&out));
        let g: Value =
            serde_json::from_str(&fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
        edges(&g, "attended")
            .iter()
            .filter(|e| e["source"] == "person:甄立仁")
            .map(|e| e["date"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(attended(&["b.txt"], "alone"), Vec::<String>::new());
    assert_eq!(
        attended(&["a.txt", "b.txt"], "both"),
        ["2024-12-03", "2024-12-05"]
    );
}
