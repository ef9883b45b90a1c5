//! `govgraph build` on records: JSON lines from a file and from standard input,
//! CSV with field names of its own, and what is skipped or doubtful on the way.
//! Every article becomes a `document` node; evidence names it, and `query
//! --evidence` cites it by title, date and address.
//!
//! See: issue 13 (inputs and sources). The articles are invented: people
//! 甲某某, 乙某某 and 丙某某 of 福田区.

use std::fs;
use std::path::Path;

use serde_json::Value;

mod common;
use common::{govgraph, root, run, stderr, temp_dir, warnings, with_stdin};

/// Three articles, each with an id, title, address, date and outlet, each
/// naming a meeting of its day. The third says only "昨日": its record's date
/// dates it, as a dateline would.
const NEWS: &str = r#"{"id": "ft-001", "title": "福田区召开优化营商环境推进会", "url": "https://news.example.org/ft/001.html", "date": "2024-12-11 09:30", "source": "福田区融媒体中心", "text": "12月11日上午，福田区召开优化营商环境推进会。区委书记甲某某出席会议并讲话，区长乙某某主持会议。"}
{"id": "ft-002", "title": "福田区举行重点项目集中开工仪式", "url": "https://news.example.org/ft/002.html", "date": "2024-12-12", "source": "福田区融媒体中心", "text": "12月12日，福田区举行重点项目集中开工仪式。区委书记甲某某出席活动，副区长丙某某参加。"}
{"id": "ft-003", "title": "福田区召开安全生产工作会议", "url": "https://news.example.org/ft/003.html", "date": "2024/12/13", "source": "深圳特区报", "text": "昨日，福田区召开安全生产工作会议。区长乙某某主持会议，副区长丙某某出席。"}
"#;

fn graph(dir: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(dir.join("graph.json")).unwrap()).unwrap()
}

fn documents(g: &Value) -> Vec<&Value> {
    let nodes = g["nodes"].as_array().unwrap();
    nodes.iter().filter(|n| n["kind"] == "document").collect()
}

/// Every evidence of every node and edge names a document node of the graph:
/// the documents named, sorted.
fn evidence_names_documents(g: &Value) -> Vec<String> {
    let ids: Vec<&str> = documents(g)
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let mut docs = Vec::new();
    let all = g["nodes"].as_array().unwrap().iter();
    for e in all.chain(g["edges"].as_array().unwrap()) {
        for ev in e["evidence"].as_array().into_iter().flatten() {
            let doc = ev["doc"].as_str().unwrap();
            assert!(
                ids.contains(&format!("document:{doc}").as_str()),
                "evidence names {doc}, which has no document node"
            );
            docs.push(doc.to_string());
        }
    }
    docs.sort();
    docs.dedup();
    docs
}

/// The answer of `govgraph query --graph DIR/graph.json ARGS...`.
fn ask(dir: &Path, args: &[&str]) -> String {
    let out = run(govgraph()
        .arg("query")
        .arg("--graph")
        .arg(dir.join("graph.json"))
        .args(args));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_jsonl_file_gives_a_document_per_article_and_evidence_cites_them() {
    let dir = temp_dir("jsonl");
    let news = dir.join("news.jsonl");
    fs::write(&news, NEWS).unwrap();
    let out_dir = dir.join("out");
    let out = run(govgraph().arg("build").arg(&news).arg("-o").arg(&out_dir));
    assert!(warnings(&out).is_empty(), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 articles"), "{}", stderr(&out));
    let g = graph(&out_dir);

    let docs = documents(&g);
    assert_eq!(docs.len(), 3);
    let first = docs[0];
    assert_eq!(first["id"], "document:ft-001");
    assert_eq!(first["name"], "福田区召开优化营商环境推进会");
    assert_eq!(first["title"], "福田区召开优化营商环境推进会");
    assert_eq!(first["url"], "https://news.example.org/ft/001.html");
    assert_eq!(first["date"], "2024-12-11");
    assert_eq!(first["source"], "福田区融媒体中心");
    assert_eq!(first["file"], "news.jsonl");
    assert_eq!(docs[2]["date"], "2024-12-13");
    assert_eq!(docs[2]["source"], "深圳特区报");
    assert_eq!(evidence_names_documents(&g), ["ft-001", "ft-002", "ft-003"]);

    // The record's date dates the article: 昨日 is the day before it.
    let edges = g["edges"].as_array().unwrap();
    let chaired: Vec<&str> = edges
        .iter()
        .filter(|e| e["source"] == "person:乙某某" && e["relation"] == "chaired")
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(chaired, ["2024-12-11", "2024-12-12"]);

    // Evidence shows the title, date and address of its article.
    let answer = ask(&out_dir, &["attended", "--person", "甲某某", "--evidence"]);
    assert!(
        answer.contains(
            "区委书记甲某某出席会议并讲话,区长乙某某主持会议。 \
             [福田区召开优化营商环境推进会, 2024-12-11, https://news.example.org/ft/001.html]"
        ),
        "{answer}"
    );
    assert!(
        answer.contains(
            "[福田区举行重点项目集中开工仪式, 2024-12-12, https://news.example.org/ft/002.html]"
        ),
        "{answer}"
    );
    let answer = ask(
        &out_dir,
        &["attendees", "--event", "安全生产工作会议", "--evidence"],
    );
    assert!(
        answer.contains(
            "[福田区召开安全生产工作会议, 2024-12-13, https://news.example.org/ft/003.html]"
        ),
        "{answer}"
    );
    // JSON answers keep the document's id, and cite the document beside it;
    // the answer's own fields keep their order.
    let answer = ask(
        &out_dir,
        &["attended", "--person", "甲某某", "--format", "json"],
    );
    assert!(answer.starts_with("[\n  {\n    \"date\": "), "{answer}");
    let rows: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(rows[0]["evidence"][0]["doc"], "ft-001");
    assert_eq!(
        rows[0]["evidence"][0]["document"],
        serde_json::json!({
            "title": "福田区召开优化营商环境推进会",
            "date": "2024-12-11",
            "url": "https://news.example.org/ft/001.html",
            "source": "福田区融媒体中心"
        })
    );
    let document_keys: Vec<&str> = answer
        .lines()
        .skip_while(|l| !l.contains("\"document\": {"))
        .skip(1)
        .take(4)
        .map(|l| l.trim().split('"').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(document_keys, ["title", "date", "url", "source"]);
}

#[test]
fn standard_input_builds_the_same_graph() {
    let dir = temp_dir("stdin");
    let news = dir.join("news.jsonl");
    fs::write(&news, NEWS).unwrap();
    run(govgraph()
        .arg("build")
        .arg(&news)
        .arg("-o")
        .arg(dir.join("file"))
        .arg("-q"));
    let out = with_stdin(
        govgraph()
            .arg("build")
            .arg("-")
            .arg("-o")
            .arg(dir.join("stdin")),
        NEWS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(warnings(&out).is_empty(), "{}", stderr(&out));
    let (from_file, from_stdin) = (graph(&dir.join("file")), graph(&dir.join("stdin")));
    assert_eq!(from_stdin["edges"], from_file["edges"]);
    // The same nodes, but that standard input is no file.
    let mut nodes = from_file["nodes"].as_array().unwrap().clone();
    for n in &mut nodes {
        n.as_object_mut().unwrap().remove("file");
    }
    assert_eq!(from_stdin["nodes"].as_array().unwrap(), &nodes);
    let answer = ask(
        &dir.join("stdin"),
        &["attended", "--person", "丙某某", "--evidence"],
    );
    assert!(
        answer.contains(
            "[福田区举行重点项目集中开工仪式, 2024-12-12, https://news.example.org/ft/002.html]"
        ),
        "{answer}"
    );

    // Records without an id are named stdin:LINE.
    let no_ids: String = NEWS
        .lines()
        .map(|l| l.replace("\"id\": \"ft-00", "\"no\": \"").to_string() + "\n")
        .collect();
    let out = with_stdin(
        govgraph()
            .arg("build")
            .arg("-")
            .arg("-o")
            .arg(dir.join("no-ids"))
            .arg("-q"),
        format!("\n{no_ids}"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        evidence_names_documents(&graph(&dir.join("no-ids"))),
        ["stdin:2", "stdin:3", "stdin:4"]
    );
}

#[test]
fn plain_text_on_standard_input_is_one_article_named_stdin() {
    let dir = temp_dir("stdin-text");
    let text = "2024年12月11日，福田区召开优化营商环境推进会。区委书记甲某某出席会议。\n";
    let out = with_stdin(
        govgraph()
            .arg("build")
            .arg("-")
            .arg("-o")
            .arg(&dir)
            .arg("-q"),
        text,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let g = graph(&dir);
    let docs = documents(&g);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "document:stdin");
    assert_eq!(docs[0]["name"], "stdin");
    assert!(docs[0].get("file").is_none());
    assert_eq!(evidence_names_documents(&g), ["stdin"]);
    // No title: evidence is cited by the name, as for any plain file.
    let answer = ask(&dir, &["attended", "--person", "甲某某", "--evidence"]);
    assert!(
        answer.contains("区委书记甲某某出席会议。 [stdin]"),
        "{answer}"
    );
}

#[test]
fn csv_with_field_names_of_its_own() {
    let dir = temp_dir("csv");
    let csv = dir.join("news.csv");
    // A quoted text may hold commas and line breaks; the column order is free.
    fs::write(
        &csv,
        "key,headline,outlet,published,link,content\n\
         a1,福田区召开优化营商环境推进会,福田区融媒体中心,2024-12-11,https://news.example.org/a1,\
         \"12月11日,福田区召开优化营商环境推进会。\n区委书记甲某某出席会议并讲话,区长乙某某主持会议。\"\n\
         ,福田区召开安全生产工作会议,深圳特区报,2024年12月13日,,\
         昨日，福田区召开安全生产工作会议。区长乙某某主持会议，副区长丙某某出席。\n",
    )
    .unwrap();
    let out_dir = dir.join("out");
    let out = run(govgraph()
        .arg("build")
        .arg(&csv)
        .args(["--text-field", "content", "--id-field", "key"])
        .args(["--title-field", "headline", "--url-field", "link"])
        .args(["--date-field", "published", "--source-field", "outlet"])
        .arg("-o")
        .arg(&out_dir));
    assert!(warnings(&out).is_empty(), "{}", stderr(&out));
    let g = graph(&out_dir);
    let docs = documents(&g);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "document:a1");
    assert_eq!(docs[0]["url"], "https://news.example.org/a1");
    assert_eq!(docs[0]["source"], "福田区融媒体中心");
    assert_eq!(docs[0]["file"], "news.csv");
    // No id: FILE:LINE, the line the record opens on (the first spans two).
    assert_eq!(docs[1]["id"], "document:news.csv:4");
    assert_eq!(docs[1]["date"], "2024-12-13");
    assert!(docs[1].get("url").is_none());
    assert_eq!(evidence_names_documents(&g), ["a1", "news.csv:4"]);
    let answer = ask(&out_dir, &["attended", "--person", "丙某某", "--evidence"]);
    assert!(answer.starts_with("date"), "{answer}");
    assert!(answer.contains("2024-12-12"), "{answer}");
    assert!(
        answer.contains("[福田区召开安全生产工作会议, 2024-12-13]"),
        "{answer}"
    );

    // Without the field names, the CSV has no text column: nothing to build.
    let out = govgraph()
        .arg("build")
        .arg(&csv)
        .arg("-o")
        .arg(dir.join("none"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no column \"text\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_line_is_skipped_with_a_one_line_warning() {
    let dir = temp_dir("bad-line");
    let news = dir.join("news.jsonl");
    let mut lines: Vec<&str> = NEWS.lines().collect();
    lines.insert(1, "{\"id\": \"cut\", \"text\": \"福田区");
    lines.push("{\"id\": \"ft-004\", \"title\": \"无正文\"}");
    fs::write(&news, lines.join("\n")).unwrap();
    let out = run(govgraph()
        .arg("build")
        .arg(&news)
        .arg("-o")
        .arg(dir.join("out")));
    let warned = warnings(&out);
    assert_eq!(warned.len(), 2, "{}", stderr(&out));
    assert!(
        warned[0].starts_with(&format!(
            "govgraph: warning: skipping {}:2: not JSON",
            news.display()
        )),
        "{}",
        warned[0]
    );
    assert!(
        warned[1].ends_with("news.jsonl:5: no text (field \"text\")"),
        "{}",
        warned[1]
    );
    assert!(stderr(&out).contains("3 articles"), "{}", stderr(&out));
    let g = graph(&dir.join("out"));
    assert_eq!(documents(&g).len(), 3);
}

#[test]
fn an_unknown_file_type_given_explicitly_is_warned_of() {
    let dir = temp_dir("unknown");
    // A JSON array is not JSON lines: read as text, with a warning.
    let notes = dir.join("notes.json");
    fs::write(
        &notes,
        "[\"2024年12月11日，福田区召开优化营商环境推进会。区委书记甲某某出席会议。\"]",
    )
    .unwrap();
    let out = run(govgraph()
        .arg("build")
        .arg(&notes)
        .arg("-o")
        .arg(dir.join("out")));
    let warned = warnings(&out);
    assert_eq!(warned.len(), 1, "{}", stderr(&out));
    assert!(
        warned[0].contains("notes.json: not a known kind of file"),
        "{}",
        warned[0]
    );
    let g = graph(&dir.join("out"));
    assert_eq!(documents(&g)[0]["id"], "document:notes.json");
    // A folder's files of other kinds are passed over in silence, as before;
    // its JSON lines are read.
    let folder = dir.join("folder");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("notes.json"), "{}").unwrap();
    fs::write(folder.join("news.jsonl"), NEWS).unwrap();
    let out = run(govgraph()
        .arg("build")
        .arg(&folder)
        .arg("-o")
        .arg(dir.join("folder-out")));
    assert!(warnings(&out).is_empty(), "{}", stderr(&out));
    assert_eq!(documents(&graph(&dir.join("folder-out"))).len(), 3);
}

#[test]
fn standard_input_given_twice_is_an_error() {
    let dir = temp_dir("stdin-twice");
    let out = with_stdin(govgraph().args(["build", "-", "-", "-o"]).arg(&dir), NEWS);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("standard input"), "{err}");
}

#[test]
fn plain_files_are_documents_named_as_their_evidence_names_them() {
    let dir = temp_dir("seeds");
    run(govgraph()
        .arg("build")
        .arg(root().join("seeds"))
        .arg("-o")
        .arg(&dir)
        .arg("-q"));
    let g = graph(&dir);
    assert_eq!(documents(&g).len(), 5);
    let docs = evidence_names_documents(&g);
    assert_eq!(docs.len(), 5);
    assert!(docs.iter().all(|d| d.ends_with(".txt")), "{docs:?}");
    for d in documents(&g) {
        let id = d["id"].as_str().unwrap();
        assert_eq!(d["file"].as_str(), id.strip_prefix("document:"));
        // Named by the title its front matter gives, else by its file.
        match d.get("title") {
            Some(title) => assert_eq!(&d["name"], title),
            None => assert_eq!(d["name"], d["file"]),
        }
    }
}

#[test]
fn date_gives_undated_articles_a_day_of_publication_and_no_other() {
    let dir = temp_dir("inputs-date");
    // No date anywhere: 昨日 and 12月9日 are read against --date.
    fs::write(
        dir.join("a.txt"),
        "昨日，福田区召开安全生产工作会议。区委书记甲某某主持会议。\n12月9日，甲某某调研重点项目。",
    )
    .unwrap();
    // A front-matter date wins over --date.
    fs::write(
        dir.join("b.md"),
        "---\ndate: 2023-05-06\n---\n昨日，罗湖区召开区委常委会会议。区委书记乙某某主持会议。",
    )
    .unwrap();
    let out_dir = dir.join("out");
    run(govgraph()
        .arg("build")
        .arg(dir.join("a.txt"))
        .arg(dir.join("b.md"))
        .arg("-o")
        .arg(&out_dir)
        .args(["--date", "2024年12月11日", "-q"]));
    let a = ask(
        &out_dir,
        &["attended", "--person", "甲某某", "--format", "csv"],
    );
    assert!(a.contains("2024-12-10,chaired"), "{a}");
    assert!(a.contains("2024-12-09,"), "{a}");
    let b = ask(
        &out_dir,
        &["attended", "--person", "乙某某", "--format", "csv"],
    );
    assert!(b.contains("2023-05-05,chaired"), "{b}");
    let g = graph(&out_dir);
    let dates: Vec<&str> = documents(&g)
        .iter()
        .filter_map(|d| d["date"].as_str())
        .collect();
    assert_eq!(dates, ["2024-12-11", "2023-05-06"]);
    for bad in ["2024-12", "明天"] {
        let out = govgraph()
            .arg("build")
            .arg(dir.join("a.txt"))
            .arg("-o")
            .arg(dir.join("bad"))
            .args(["--date", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            stderr(&out).trim(),
            format!(
                "govgraph: bad date {bad:?} for --date: give a day (2024-12-11, 2024/12/11, 2024年12月11日)"
            )
        );
        assert!(!dir.join("bad").exists());
    }
}
