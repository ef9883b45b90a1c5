//! `govgraph query`, run as the real binary.
//!
//! Two layers:
//! - on `tests/query/fixture.json`, a hand-written graph in SPEC format that
//!   mirrors facts of the seed articles (黄伟 区委书记 of 福田区; 龙岗区's 区委书记
//!   张礼卫 in April and 余锡权 in December; the 宝安区 meeting of 2024-12-13
//!   chaired by 王守睿 and 王立德 ...), every question's answers are checked;
//! - on the seed articles themselves (`--input seeds`, built in memory), the same
//!   questions users asked in issue 4.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> String {
    root()
        .join("tests/query/fixture.json")
        .display()
        .to_string()
}

/// Runs `govgraph query ARGS...`: exit code, stdout, stderr.
fn govgraph(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_govgraph"))
        .arg("query")
        .args(args)
        .current_dir(root())
        .output()
        .expect("the govgraph binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs a question on the fixture and returns its output, which must succeed.
fn ask(args: &[&str]) -> String {
    let graph = fixture();
    let mut all = vec!["--graph", graph.as_str()];
    all.extend_from_slice(args);
    let (code, out, err) = govgraph(&all);
    assert_eq!(code, 0, "govgraph query {args:?} failed:\n{err}");
    assert!(err.is_empty(), "unexpected stderr: {err}");
    out
}

/// Runs a question on the fixture with `--format json`.
fn ask_json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let out = ask(&all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

/// Runs a question on the fixture that must fail: exit code and stderr.
fn ask_err(args: &[&str]) -> (i32, String) {
    let graph = fixture();
    let mut all = vec!["--graph", graph.as_str()];
    all.extend_from_slice(args);
    let (code, out, err) = govgraph(&all);
    assert!(out.is_empty(), "unexpected stdout: {out}");
    (code, err)
}

fn strs(v: &Value, field: &str) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|x| x[field].as_str().unwrap_or_default().to_string())
        .collect()
}

// ---- officials ----

#[test]
fn officials_lists_every_post_with_dates_and_sources() {
    let v = ask_json(&["officials"]);
    assert_eq!(v.as_array().map(Vec::len), Some(7), "{v:#}");
    let huang = v
        .as_array()
        .and_then(|a| a.iter().find(|o| o["person"] == "黄伟"))
        .expect("黄伟 is listed");
    assert_eq!(huang["district"], "福田区");
    assert_eq!(huang["title"], "区委书记");
    assert_eq!(huang["first_seen"], "2024-04-23");
    assert_eq!(huang["last_seen"], "2024-12-12");
    assert_eq!(huang["sources"], 2);
    assert_eq!(huang["basis"], Value::Null);
    assert!(
        huang["evidence"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("黄伟"))
    );
}

#[test]
fn officials_of_a_district_by_alias() {
    let v = ask_json(&["officials", "--district", "福田"]);
    assert_eq!(strs(&v, "person"), ["黄伟", "周江涛"]);
    assert_eq!(strs(&v, "title"), ["区委书记", "区长"]);
}

#[test]
fn officials_on_a_date_give_the_holder_at_that_date() {
    let secretary = |date: &str| {
        let v = ask_json(&["officials", "--district", "龙岗区", "--on", date]);
        let rows: Vec<&Value> = v
            .as_array()
            .map(|a| a.iter().filter(|o| o["title"] == "区委书记").collect())
            .unwrap_or_default();
        rows.iter()
            .map(|o| {
                format!(
                    "{} {}",
                    o["person"].as_str().unwrap_or(""),
                    o["basis"].as_str().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(secretary("2024-04-24"), ["张礼卫 seen"]);
    assert_eq!(secretary("2024-12-11"), ["余锡权 seen"]);
    assert_eq!(secretary("2024年12月11日"), ["余锡权 seen"]);
    assert_eq!(secretary("2024/12/11"), ["余锡权 seen"]);
    // Between the two: the holder last seen before the date.
    assert_eq!(secretary("2024-08-01"), ["张礼卫 last_seen_before"]);
    // Before anyone was seen in the post: nobody.
    assert!(secretary("2024-01-01").is_empty());
}

#[test]
fn officials_table_aligns_chinese_by_display_width() {
    let out = ask(&["officials", "--district", "龙岗区"]);
    let expected = "\
district  title     person  first_seen  last_seen   start  end  sources  basis
--------  --------  ------  ----------  ----------  -----  ---  -------  -----
龙岗区    区委书记  张礼卫  2024-04-24  2024-04-24              1
龙岗区    区委书记  余锡权  2024-12-10  2024-12-14              1
龙岗区    区长      王策飞  2024-12-10  2024-12-11              1
";
    assert_eq!(out, expected, "\nexpected:\n{expected}\ngot:\n{out}");
}

// ---- attended ----

#[test]
fn attended_gives_a_timeline_with_district_title_and_evidence() {
    let v = ask_json(&["attended", "--person", "黄伟"]);
    assert_eq!(strs(&v, "date"), ["2024-04-23", "2024-12-11", "2024-12-12"]);
    assert_eq!(strs(&v, "relation"), ["chaired", "attended", "attended"]);
    assert_eq!(strs(&v, "district"), ["福田区", "福田区", "福田区"]);
    assert_eq!(strs(&v, "title"), ["区委书记", "区委书记", "区委书记"]);
    assert_eq!(
        v[2]["event_id"],
        "event:2024-12-12:福田区:与17家辖区市属国资国企面对面座谈交流"
    );
    assert!(
        v[2]["evidence"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("黄伟、周江涛与17家"))
    );
}

#[test]
fn attended_filters_by_dates_and_relation() {
    let v = ask_json(&[
        "attended",
        "--person",
        "黄伟",
        "--from",
        "2024-12-01",
        "--to",
        "2024年12月11日",
    ]);
    assert_eq!(strs(&v, "event"), ["“模力福地”行动方案发布会"]);
    let v = ask_json(&["attended", "--person", "黄伟", "--relation", "chaired"]);
    assert_eq!(strs(&v, "event"), ["区委常委会会议"]);
}

#[test]
fn attended_with_evidence_shows_the_sentence() {
    let out = ask(&["attended", "--person", "黄伟", "--evidence"]);
    assert!(
        out.lines().next().is_some_and(|h| h.ends_with("evidence")),
        "{out}"
    );
    assert!(
        out.contains("12月11日,福田举办“模力福地”行动方案发布会,区委书记黄伟参加。"),
        "{out}"
    );
    let plain = ask(&["attended", "--person", "黄伟"]);
    assert!(!plain.contains("福田举办"), "{plain}");
}

#[test]
fn attended_refuses_an_unknown_relation() {
    let (code, err) = ask_err(&["attended", "--person", "黄伟", "--relation", "held_in"]);
    assert_eq!(code, 2);
    assert!(err.contains("chaired or attended"), "{err}");
}

// ---- attendees ----

#[test]
fn attendees_of_a_day_in_a_district() {
    let v = ask_json(&["attendees", "--date", "2024-12-13", "--district", "宝安区"]);
    assert_eq!(strs(&v, "person"), ["王守睿", "王立德"]);
    assert_eq!(strs(&v, "relation"), ["chaired", "chaired"]);
    assert_eq!(
        v[0]["event_id"],
        "event:2024-12-13:宝安区:全区安全生产和平安稳定工作会议"
    );
}

#[test]
fn attendees_of_a_day_everywhere_and_of_one_event() {
    let v = ask_json(&["attendees", "--date", "2024/12/11"]);
    let people = strs(&v, "person");
    for who in ["王守睿", "黄伟", "余锡权", "王策飞"] {
        assert!(
            people.contains(&who.to_string()),
            "{who} missing: {people:?}"
        );
    }
    let v = ask_json(&["attendees", "--event", "面对面座谈交流"]);
    let mut people = strs(&v, "person");
    people.sort();
    assert_eq!(people, ["周江涛", "黄伟"]);
}

#[test]
fn attendees_of_an_event_on_another_day_are_none() {
    let v = ask_json(&[
        "attendees",
        "--event",
        "面对面座谈交流",
        "--date",
        "2024-12-13",
    ]);
    assert_eq!(v, serde_json::json!([]));
}

// ---- met ----

#[test]
fn met_counts_shared_events() {
    let v = ask_json(&["met", "--person", "黄伟"]);
    assert_eq!(strs(&v, "person"), ["周江涛"]);
    assert_eq!(v[0]["count"], 1);
    assert_eq!(v[0]["dates"], serde_json::json!(["2024-12-12"]));
    let v = ask_json(&["met", "--person", "余锡权"]);
    assert_eq!(strs(&v, "person"), ["王策飞"]);
    assert_eq!(v[0]["count"], 2);
}

// ---- path ----

#[test]
fn path_explains_each_fact() {
    let out = ask(&["path", "黄伟", "周江涛"]);
    assert!(out.contains("黄伟 —holds_post(区委书记)→ 福田区"), "{out}");
    assert!(out.contains("周江涛 —holds_post(区长)→ 福田区"), "{out}");
    let v = ask_json(&["path", "张礼卫", "余锡权"]);
    assert_eq!(v["length"], 2);
    assert_eq!(v["steps"][0]["relation"], "holds_post");
    assert_eq!(v["steps"][1]["source"], "余锡权");
}

#[test]
fn path_between_unlinked_entities_says_so() {
    let out = ask(&["path", "黄伟", "王立德"]);
    assert_eq!(out, "no chain of facts links 黄伟 and 王立德\n");
    let v = ask_json(&["path", "黄伟", "王立德"]);
    assert_eq!(v["length"], Value::Null);
}

// ---- neighbors ----

#[test]
fn neighbors_of_a_district() {
    let v = ask_json(&["neighbors", "福田"]);
    assert_eq!(v["center_id"], "district:福田区");
    let names = strs(&v["nodes"], "name");
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names.contains(&"黄伟".to_string()));
    let v = ask_json(&["neighbors", "福田", "--relation", "holds_post"]);
    assert_eq!(strs(&v["nodes"], "name"), ["周江涛", "黄伟"]);
    assert_eq!(v["edges"].as_array().map(Vec::len), Some(2));
}

#[test]
fn neighbors_refuses_an_unknown_relation() {
    let (code, err) = ask_err(&["neighbors", "福田区", "--relation", "knows"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown relation \"knows\"; known: holds_post"),
        "{err}"
    );
}

#[test]
fn neighbors_at_depth_two() {
    let v = ask_json(&["neighbors", "周江涛", "--depth", "2"]);
    let depth2: Vec<String> = v["nodes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|n| n["depth"] == 2)
                .map(|n| n["name"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    assert!(depth2.contains(&"黄伟".to_string()), "{depth2:?}");
}

// ---- projects and events ----

#[test]
fn projects_of_a_district() {
    let v = ask_json(&["projects", "--district", "坪山"]);
    assert_eq!(strs(&v, "project"), ["正奇未来城项目"]);
    assert_eq!(v[0]["district"], "坪山区");
    assert_eq!(
        v[0]["events"],
        serde_json::json!(["event:2024-12-10:坪山区:正奇未来城项目封顶"])
    );
    let v = ask_json(&["projects", "--district", "福田区"]);
    assert_eq!(v, serde_json::json!([]));
}

#[test]
fn events_of_a_district_between_dates() {
    let v = ask_json(&["events", "--district", "龙岗区", "--from", "2024-12-01"]);
    assert_eq!(strs(&v, "date"), ["2024-12-10", "2024-12-11"]);
    assert_eq!(v[0]["attended"], serde_json::json!(["余锡权", "王策飞"]));
    let v = ask_json(&["events", "--to", "2024-04-30"]);
    assert_eq!(strs(&v, "event"), ["区委常委会会议", "龙岗区委常委会会议"]);
    assert_eq!(v[1]["chaired"], serde_json::json!(["张礼卫"]));
}

// ---- stats and find ----

#[test]
fn stats_counts_and_ranks() {
    let v = ask_json(&["stats"]);
    assert_eq!(v["nodes"], 21);
    assert_eq!(v["nodes_by_kind"]["person"], 7);
    assert_eq!(v["edges_by_relation"]["holds_post"], 7);
    assert_eq!(v["documents"], 2);
    assert_eq!(v["date_range"]["from"], "2024-04-23");
    assert_eq!(v["date_range"]["to"], "2024-12-14");
    assert_eq!(v["betweenness_method"], "exact");
    assert_eq!(v["top_people"][0]["name"], "黄伟");
    assert_eq!(v["top_districts"][0]["name"], "龙岗区");
    assert!(
        v["top_districts"][0]["betweenness"]
            .as_f64()
            .is_some_and(|b| b > 0.0)
    );
}

#[test]
fn find_matches_names_and_aliases() {
    let v = ask_json(&["find", "龙岗"]);
    assert_eq!(
        strs(&v, "id"),
        [
            "district:龙岗区",
            "event:2024-04-24:龙岗区:龙岗区委常委会会议"
        ]
    );
    let csv = ask(&["find", "王", "--format", "csv"]);
    assert_eq!(
        csv,
        "kind,name,aliases,id\nperson,王守睿,,person:王守睿\nperson,王立德,,person:王立德\nperson,王策飞,,person:王策飞\n"
    );
}

// ---- errors ----

#[test]
fn an_unknown_name_lists_the_closest_and_exits_2() {
    let (code, err) = ask_err(&["met", "--person", "黄为"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "govgraph: no person named \"黄为\"; closest: 黄伟 (person:黄伟)\n"
    );
}

#[test]
fn an_ambiguous_name_lists_the_candidates_and_exits_2() {
    let (code, err) = ask_err(&["attended", "--person", "王"]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    for who in ["王守睿", "王立德", "王策飞"] {
        assert!(err.contains(who), "{err}");
    }
}

#[test]
fn a_bad_date_is_one_line_and_exits_2() {
    for args in [
        &["officials", "--on", "2024-13-01"][..],
        &["attendees", "--date", "yesterday"][..],
        &["events", "--from", "2024年2月30日"][..],
    ] {
        let (code, err) = ask_err(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("govgraph: bad date"), "{err}");
    }
}

#[test]
fn a_missing_graph_is_one_line() {
    let (code, out, err) = govgraph(&["--graph", "no/such/graph.json", "stats"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/graph.json"), "{err}");
}

#[test]
fn every_question_has_help_with_examples() {
    for q in [
        "officials",
        "attended",
        "attendees",
        "met",
        "path",
        "neighbors",
        "projects",
        "events",
        "stats",
        "find",
        "career",
        "changes",
    ] {
        let (code, out, _) = govgraph(&[q, "--help"]);
        assert_eq!(code, 0, "{q}");
        assert!(out.contains("Examples:"), "{q}:\n{out}");
        assert!(
            out.contains(&format!("govgraph query {q}")) || q == "stats",
            "{q}:\n{out}"
        );
    }
}

// ---- tenure: appointments and removals (tests/cases/b_R01) ----

/// Runs a question on the graph of `tests/cases/b_R01.txt`, built in memory.
fn ask_r01(args: &[&str]) -> Value {
    let mut all = vec!["--input", "tests/cases/b_R01.txt"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = govgraph(&all);
    assert_eq!(code, 0, "govgraph query {args:?} failed:\n{err}");
    serde_json::from_str(&out).expect("JSON")
}

#[test]
fn officials_on_a_date_follow_appointments_and_removals() {
    let heads = |date: &str| -> Vec<String> {
        let v = ask_r01(&["officials", "--district", "福田区", "--on", date]);
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter(|o| o["title"] == "区长")
                    .map(|o| {
                        format!(
                            "{} acting={} {}",
                            o["person"].as_str().unwrap_or(""),
                            o["acting"],
                            o["basis"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    // Removed on 2024-11-20 (免去…职务), while 李文华 is appointed acting 区长.
    assert_eq!(heads("2024-11-25"), ["李文华 acting=true tenure"]);
    assert_eq!(heads("2024-10-01"), ["王建国 acting=false tenure"]);
    // The table shows the acting holder as 代区长.
    let (code, out, _) = govgraph(&[
        "--input",
        "tests/cases/b_R01.txt",
        "officials",
        "--district",
        "福田区",
        "--on",
        "2024-11-25",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("代区长      李文华"), "{out}");
    assert!(!out.contains("王建国"), "{out}");
}

#[test]
fn a_personnel_decision_is_no_attendance() {
    let v = ask_r01(&["attended", "--person", "李文华"]);
    assert_eq!(strs(&v, "date"), ["2024-11-25"], "{v:#}");
}

#[test]
fn career_lists_every_post_in_order_with_its_basis() {
    let v = ask_r01(&["career", "--person", "李文华"]);
    let rows: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["post"].as_str().unwrap(),
                r["start"].as_str().unwrap_or("-"),
                r["start_basis"].as_str().unwrap_or("-"),
                r["changes"][0].as_str().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "代区长 2024-11-20 start acting@2024-11-20",
            "副区长 2024-11-20 start appointed@2024-11-20",
            "区委副书记 2024-11-25 first_seen -"
        ]
    );
    // CSV for researchers: the CPED row shape leads.
    let (code, out, _) = govgraph(&[
        "--input",
        "tests/cases/b_R01.txt",
        "career",
        "--person",
        "李文华",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(
            "person,post,district,start,end,level,changes,sources\n李文华,代区长,福田区,2024-11-20,"
        ),
        "{out}"
    );
}

#[test]
fn changes_give_old_and_new_holders_with_their_basis() {
    let v = ask_r01(&["changes"]);
    let rows: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {}:{} {} → {}:{} {}",
                c["kind"].as_str().unwrap(),
                c["new"]["district"].as_str().unwrap(),
                c["old"]["person"].as_str().unwrap(),
                c["old"]["basis"].as_str().unwrap_or("-"),
                c["old"]["date"].as_str().unwrap_or("-"),
                c["new"]["person"].as_str().unwrap(),
                c["new"]["basis"].as_str().unwrap_or("-"),
                c["new"]["date"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        ["succession 福田区 王建国:end 2024-11-20 → 李文华:start 2024-11-20"]
    );
}

// ---- the seed articles ----

/// Runs a question on a graph built in memory from `seeds/`.
fn ask_seeds(args: &[&str]) -> Value {
    let mut all = vec!["--input", "seeds"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = govgraph(&all);
    assert_eq!(code, 0, "govgraph query {args:?} failed:\n{err}");
    serde_json::from_str(&out).expect("JSON")
}

#[test]
fn seeds_baoan_meeting_of_2024_12_13() {
    let v = ask_seeds(&["attendees", "--date", "2024-12-13", "--district", "宝安区"]);
    let people = strs(&v, "person");
    for who in ["王守睿", "王立德"] {
        assert!(people.contains(&who.to_string()), "{who} missing: {v:#}");
    }
}

#[test]
fn seeds_longgang_secretary_in_april_and_december() {
    let secretary = |date: &str| {
        let v = ask_seeds(&["officials", "--district", "龙岗区", "--on", date]);
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter(|o| o["title"] == "区委书记")
                    .map(|o| o["person"].as_str().unwrap_or("").to_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert_eq!(secretary("2024-04-24"), ["张礼卫"]);
    assert_eq!(secretary("2024-12-11"), ["余锡权"]);
}

#[test]
fn seeds_huang_wei_met_zhou_jiangtao() {
    let v = ask_seeds(&["met", "--person", "黄伟"]);
    assert!(strs(&v, "person").contains(&"周江涛".to_string()), "{v:#}");
}

#[test]
fn seeds_huang_wei_in_december() {
    let v = ask_seeds(&[
        "attended",
        "--person",
        "黄伟",
        "--from",
        "2024-12-01",
        "--to",
        "2024年12月31日",
    ]);
    let rows = v.as_array().expect("a list of events");
    assert!(rows.len() >= 5, "黄伟 was busy in December: {v:#}");
    assert!(
        rows.iter()
            .all(|r| r["date"].as_str().is_some_and(|d| d.starts_with("2024-12"))),
        "{v:#}"
    );
}

#[test]
fn seeds_projects_give_a_timeline() {
    let v = ask_seeds(&["projects", "--district", "坪山区"]);
    let row = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["project"] == "正奇未来城项目")
        .expect("正奇未来城项目 in 坪山区");
    assert_eq!(row["district"], "坪山区");
    assert_eq!(row["first"], "2024-12-10");
    assert_eq!(row["last"], "2024-12-10");
    assert_eq!(row["stages"][0]["stage"], "封顶");
    assert_eq!(row["stages"][0]["date"], "2024-12-10");
    assert_eq!(row["events"].as_array().unwrap().len(), 1);
    assert_eq!(row["sources"], 1);
    // A work report's projects: stages without a day, since the report has none.
    let v = ask_seeds(&["projects", "--district", "龙岗区"]);
    let stages: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["stages"].as_array().unwrap().iter())
        .filter_map(|s| s["stage"].as_str())
        .collect();
    for stage in ["开工", "封顶", "启用"] {
        assert!(stages.contains(&stage), "{stage} not among {stages:?}");
    }
}

#[test]
fn projects_table_shows_the_timeline_columns() {
    let (code, out, _) = govgraph(&["--input", "seeds", "projects", "--district", "坪山区"]);
    assert_eq!(code, 0);
    let head = out.lines().next().unwrap_or_default();
    for col in [
        "district", "project", "first", "last", "stages", "events", "sources",
    ] {
        assert!(head.contains(col), "{col} missing from {head}");
    }
    assert!(out.contains("封顶 2024-12-10"), "{out}");
}

#[test]
fn seeds_changes_show_the_longgang_succession() {
    let out = Command::new(env!("CARGO_BIN_EXE_govgraph"))
        .args(["changes", "--input", "seeds", "--district", "龙岗区"])
        .current_dir(root())
        .output()
        .expect("the govgraph binary runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("succession  龙岗区    区委书记  张礼卫 (last seen 2024-04-24)  → 余锡权 (first seen 2024-12-10)"),
        "{text}"
    );
    // The dates filter the new holder's side.
    let v = ask_seeds(&["changes", "--from", "2024-12-11"]);
    assert_eq!(v.as_array().map(Vec::len), Some(0), "{v:#}");
}

#[test]
fn seeds_career_of_a_district_secretary() {
    let v = ask_seeds(&["career", "--person", "余锡权"]);
    let row = &v[0];
    assert_eq!(row["post"], "区委书记");
    assert_eq!(row["district"], "龙岗区");
    assert_eq!(row["start"], "2024-12-10");
    assert_eq!(row["start_basis"], "first_seen");
    assert_eq!(row["level"], "county");
}

/// A row shows the post its sentence names, the most principal where it names
/// several; where it names none, the most principal post held that day
/// (`rank` in data/titles.tsv). `tests/query/principal_post.txt` is written for
/// this test.
#[test]
fn a_row_shows_the_post_its_sentence_names() {
    let input = "tests/query/principal_post.txt";
    let (code, out, err) = govgraph(&[
        "--input",
        input,
        "attended",
        "--person",
        "林某某",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    // 区委副书记、区长 names both: 区长 ranks first; the bare name takes 区长, the
    // principal post held; the third sentence names 区委副书记 alone.
    assert_eq!(strs(&v, "title"), ["区长", "区长", "区委副书记"], "{v:#}");
    let (code, out, _) = govgraph(&["--input", input, "path", "林某某", "福田区"]);
    assert_eq!(code, 0);
    assert!(out.contains("林某某 —holds_post(区长)→ 福田区"), "{out}");
    let (code, out, _) = govgraph(&[
        "--input",
        input,
        "attendees",
        "--date",
        "2024-05-12",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains(",林某某,区长"), "{out}");
}
