//! Names in pinyin, run as the real binary: the graph built from the seed
//! articles gives people and districts their pinyin, and queries take it in
//! any case and spacing (`huang wei` is 黄伟, `futian` finds 福田区).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{govgraph, root, run, temp_dir};
use serde_json::Value;

/// graph.json built from seeds/ once for the whole file (and its sidecar).
fn seed_graph() -> &'static Path {
    static GRAPH: OnceLock<PathBuf> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let dir = temp_dir("seeds");
        run(govgraph()
            .arg("build")
            .arg(root().join("seeds"))
            .arg("-o")
            .arg(&dir)
            .arg("-q"));
        dir.join("graph.json")
    })
}

/// `govgraph query ARGS... --graph GRAPH`: exit code, stdout, stderr.
fn query(graph: &Path, args: &[&str]) -> (i32, String, String) {
    let out = govgraph()
        .arg("query")
        .args(args)
        .arg("--graph")
        .arg(graph)
        .output()
        .expect("govgraph runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A question on the seed graph that must succeed, as JSON.
fn ask_json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = query(seed_graph(), &all);
    assert_eq!(code, 0, "govgraph query {args:?} failed:\n{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

fn node<'a>(graph: &'a Value, id: &str) -> &'a Value {
    graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn people_and_districts_carry_their_pinyin_as_field_and_alias() {
    let graph: Value = serde_json::from_str(&fs::read_to_string(seed_graph()).unwrap()).unwrap();
    for (id, pinyin) in [
        ("person:黄伟", "Huang Wei"),
        ("person:张礼卫", "Zhang Liwei"),
        ("district:福田区", "Futian District"),
        ("district:宝安区", "Bao'an District"),
        ("district:大鹏新区", "Dapeng New Area"),
        (
            "district:深汕特别合作区",
            "Shenshan Special Cooperation Zone",
        ),
    ] {
        let n = node(&graph, id);
        assert_eq!(n["pinyin"], pinyin, "{id}");
        assert!(
            n["aliases"].as_array().unwrap().iter().any(|a| a == pinyin),
            "{id} lists {pinyin} among its aliases"
        );
    }
    // Every person and district has it; nothing else does.
    for n in graph["nodes"].as_array().unwrap() {
        let named = matches!(n["kind"].as_str(), Some("person" | "district"));
        assert_eq!(n.get("pinyin").is_some(), named, "{}", n["id"]);
    }
}

#[test]
fn a_person_is_found_by_pinyin_in_any_case_and_spacing() {
    let by_name = ask_json(&["attended", "--person", "黄伟"]);
    assert!(!by_name.as_array().unwrap().is_empty());
    for spelled in [
        "huang wei",
        "Huang Wei",
        "huangwei",
        "HuangWei",
        "Huáng Wěi",
    ] {
        assert_eq!(
            ask_json(&["attended", "--person", spelled]),
            by_name,
            "--person {spelled:?}"
        );
    }
    assert_eq!(
        ask_json(&["met", "--person", "zhang liwei"]),
        ask_json(&["met", "--person", "张礼卫"])
    );
}

#[test]
fn a_district_is_found_by_pinyin() {
    assert_eq!(
        ask_json(&["officials", "--district", "futian"]),
        ask_json(&["officials", "--district", "福田区"])
    );
    assert_eq!(
        ask_json(&["officials", "--district", "Bao'an District"]),
        ask_json(&["officials", "--district", "宝安区"])
    );
}

#[test]
fn find_takes_pinyin() {
    let found = ask_json(&["find", "futian"]);
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["id"], "district:福田区");
    assert_eq!(found[0]["matched"], "pinyin");
    let (code, out, _) = query(seed_graph(), &["find", "futian"]);
    assert_eq!(code, 0);
    assert!(out.contains("福田区") && out.contains("Futian District"));
    // A part of a pinyin name finds everyone who has it.
    let huang: Vec<Value> = ask_json(&["find", "HUANG"])
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].clone())
        .collect();
    assert_eq!(huang, ["person:黄伟", "person:黄建华", "person:黄湘岳"]);
}

#[test]
fn a_part_of_a_pinyin_name_held_by_several_is_ambiguous() {
    let (code, out, err) = query(seed_graph(), &["attended", "--person", "huang"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    for name in ["黄伟", "黄建华", "黄湘岳"] {
        assert!(err.contains(name), "{err}");
    }
}

#[test]
fn people_with_the_same_pinyin_are_ambiguous() {
    let dir = temp_dir("same");
    let graph = dir.join("graph.json");
    let json = r#"{"format": "govgraph-1", "directed": true, "multigraph": true,
      "nodes": [
        {"id": "person:王卫", "kind": "person", "name": "王卫",
         "aliases": ["Wang Wei"], "pinyin": "Wang Wei"},
        {"id": "person:汪伟", "kind": "person", "name": "汪伟",
         "aliases": ["Wang Wei"], "pinyin": "Wang Wei"},
        {"id": "person:王维华", "kind": "person", "name": "王维华",
         "aliases": ["Wang Weihua"], "pinyin": "Wang Weihua"}
      ],
      "edges": []}"#;
    fs::write(&graph, json).unwrap();
    for spelled in ["wang wei", "Wang Wei", "WANGWEI"] {
        let (code, out, err) = query(&graph, &["attended", "--person", spelled]);
        assert_eq!(code, 2, "{spelled}: {out}{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("王卫") && err.contains("汪伟"), "{err}");
        assert!(
            !err.contains("王维华"),
            "an exact spelling beats a longer one: {err}"
        );
    }
    // The longer name is still its own.
    let (code, _, err) = query(&graph, &["attended", "--person", "wang weihua"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_misspelt_pinyin_name_lists_the_closest() {
    let (code, _, err) = query(seed_graph(), &["met", "--person", "hunag wei"]);
    assert_eq!(code, 2);
    assert!(err.contains("黄伟 (person:黄伟)"), "{err}");
}
