//! Every date option of the command line, run as the real binary on the seed
//! graph: one parser (`govgraph::query::DateSpan`) reads a day, a month or a
//! year in every form (2024-12-11, 2024/12/11, 2024.12.11, 2024年12月11日,
//! 2024-12, 2024/12, 2024年12月, 2024, 2024年, full-width digits too), `--from`
//! takes a month's or year's first day, `--to` and `--on` its last, `--date`
//! all of it; a bad date is one line and exit 2 everywhere, before any graph
//! is read.

mod common;

use std::path::PathBuf;
use std::process::Output;
use std::sync::OnceLock;

use common::{govgraph, root, run, temp_dir};
use serde_json::Value;

/// The seed graph, built once into a temporary folder (run there, so that
/// the `.govgraph` the build leaves is in that folder).
fn seed_graph() -> &'static PathBuf {
    static GRAPH: OnceLock<PathBuf> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let dir = temp_dir("seeds");
        run(govgraph()
            .arg("build")
            .arg(root().join("seeds"))
            .args(["-o", "out", "-q"])
            .current_dir(&dir));
        dir.join("out/graph.json")
    })
}

/// Runs `govgraph ARGS...` on the seed graph (`--graph` added after the
/// command: `query`, `changes` or `export`).
fn on_seeds(args: &[&str]) -> Output {
    let graph = seed_graph().display().to_string();
    let mut all = args.to_vec();
    all.splice(1..1, ["--graph", graph.as_str()]);
    govgraph()
        .args(&all)
        .env_remove("GOVGRAPH_GRAPH")
        .current_dir(root())
        .output()
        .expect("govgraph runs")
}

/// The stdout of a run that must succeed.
fn ok(args: &[&str]) -> String {
    let out = on_seeds(args);
    assert!(
        out.status.success(),
        "govgraph {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The JSON answer of a query that must succeed.
fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let out = ok(&all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

/// Asserts that every variant of `args` (the date at `at` replaced by each of
/// `forms`) prints what `args` prints, and returns that.
fn same_for(args: &[&str], at: usize, forms: &[&str]) -> String {
    let want = ok(args);
    for form in forms {
        let mut other = args.to_vec();
        other[at] = form;
        assert_eq!(ok(&other), want, "govgraph {other:?} differs from {args:?}");
    }
    want
}

fn dates(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(|r| r["date"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn every_form_of_a_day_reads_the_same() {
    let args = [
        "query",
        "attendees",
        "--date",
        "2024-12-13",
        "--format",
        "json",
    ];
    let out = same_for(
        &args,
        3,
        &[
            "2024/12/13",
            "2024.12.13",
            "2024年12月13日",
            "2024年12月13号",
            "２０２４年１２月１３日",
            "２０２４－１２－１３",
            " 2024-12-13 ",
        ],
    );
    // The events of that day, and those of several days that include it.
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(dates(&v).iter().any(|d| d == "2024-12-13"), "{v:#}");
    assert!(
        dates(&v).iter().all(|d| d.as_str() <= "2024-12-13"),
        "{v:#}"
    );
}

#[test]
fn a_month_runs_from_its_first_day_to_its_last() {
    // --from takes the first day, --to the last.
    let args = [
        "query",
        "events",
        "--from",
        "2024-12-01",
        "--to",
        "2024-12-31",
    ];
    let want = ok(&args);
    for (from, to) in [
        ("2024-12", "2024-12"),
        ("2024/12", "2024/12"),
        ("2024年12月", "2024年12月"),
        ("２０２４年１２月", "2024.12"),
        ("2024-12", "2024-12-31"),
    ] {
        let got = ok(&["query", "events", "--from", from, "--to", to]);
        assert_eq!(got, want, "--from {from} --to {to}");
    }
    let v = json(&["query", "events", "--from", "2024-12", "--to", "2024-12"]);
    assert!(!dates(&v).is_empty());
    assert!(dates(&v).iter().all(|d| d.starts_with("2024-12")), "{v:#}");
}

#[test]
fn a_year_runs_from_january_to_december() {
    let all = json(&["query", "events"]);
    let year = same_for(
        &[
            "query", "events", "--from", "2024", "--to", "2024", "--format", "json",
        ],
        3,
        &["2024年", "2024-01-01", "2024-01"],
    );
    // Every dated seed event is of 2024; the undated ones drop out.
    let v: Value = serde_json::from_str(&year).unwrap();
    assert!(!dates(&v).is_empty());
    assert!(dates(&v).iter().all(|d| d.starts_with("2024-")), "{v:#}");
    let count = |v: &Value| v.as_array().unwrap().len();
    assert!(count(&all) > count(&v), "the seeds have events of 2025 too");
    let later = json(&["query", "events", "--from", "2025年"]);
    assert!(!dates(&later).is_empty());
    assert!(
        dates(&later).iter().all(|d| d.starts_with("2025-")),
        "{later:#}"
    );
    let to_year = ok(&["query", "events", "--to", "2024年"]);
    assert_eq!(to_year, ok(&["query", "events", "--to", "2024-12-31"]));
    let earlier = json(&["query", "events", "--from", "2022", "--to", "2022年"]);
    assert!(!dates(&earlier).is_empty());
    assert!(
        dates(&earlier).iter().all(|d| d.starts_with("2022-")),
        "{earlier:#}"
    );
}

#[test]
fn attended_takes_months_and_years() {
    let want = ok(&[
        "query",
        "attended",
        "--person",
        "黄伟",
        "--from",
        "2024-12-01",
        "--to",
        "2024-12-31",
    ]);
    let got = ok(&[
        "query",
        "attended",
        "--person",
        "黄伟",
        "--from",
        "2024年12月",
        "--to",
        "2024/12",
    ]);
    assert_eq!(got, want);
    let v = json(&["query", "attended", "--person", "黄伟", "--from", "2024-12"]);
    assert!(dates(&v).len() >= 5, "{v:#}");
}

#[test]
fn attendees_of_a_month_are_those_of_its_days() {
    let month = json(&["query", "attendees", "--date", "2024-12"]);
    let rows = month.as_array().unwrap();
    assert!(
        rows.iter()
            .all(|r| r["date"].as_str().is_some_and(|d| d.starts_with("2024-12"))),
        "{month:#}"
    );
    let day = json(&["query", "attendees", "--date", "2024-12-13"]);
    let day_rows = day.as_array().unwrap();
    assert!(!day_rows.is_empty());
    for r in day_rows {
        assert!(rows.contains(r), "{r} is of December");
    }
    assert!(
        rows.len() > day_rows.len(),
        "December has more than one day"
    );
    assert_eq!(
        ok(&["query", "attendees", "--date", "2024年", "--format", "json"]),
        ok(&["query", "attendees", "--date", "2024", "--format", "json"])
    );
    // With --event, the event only if it took place in the span.
    let event = day_rows[0]["event_id"].as_str().unwrap();
    let of = |date: &str| json(&["query", "attendees", "--event", event, "--date", date]);
    assert!(!of("2024-12").as_array().unwrap().is_empty());
    assert!(!of("2024").as_array().unwrap().is_empty());
    assert!(of("2024-11").as_array().unwrap().is_empty());
}

#[test]
fn officials_on_a_month_or_year_are_the_holders_at_its_end() {
    let secretary = |on: &str| {
        let v = json(&["query", "officials", "--district", "龙岗区", "--on", on]);
        v.as_array()
            .unwrap()
            .iter()
            .filter(|o| o["title"] == "区委书记")
            .map(|o| o["person"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(secretary("2024-04"), secretary("2024-04-30"));
    assert_eq!(secretary("2024年4月"), ["张礼卫"]);
    assert_eq!(secretary("2024-12"), secretary("2024-12-31"));
    assert_eq!(secretary("2024"), secretary("2024-12-31"));
    assert_eq!(secretary("2024年"), ["余锡权"]);
}

#[test]
fn changes_take_every_form_in_both_commands() {
    for command in [&["changes"][..], &["query", "changes"][..]] {
        let with = |from: &str, to: &str| {
            let mut args = command.to_vec();
            args.extend_from_slice(&["--from", from, "--to", to]);
            ok(&args)
        };
        let want = with("2024-12-01", "2024-12-31");
        assert_eq!(with("2024-12", "2024年12月"), want, "{command:?}");
        assert_eq!(
            with("2024/12/1", "２０２４．１２．３１"),
            want,
            "{command:?}"
        );
        assert_eq!(
            with("2024", "2024"),
            with("2024-01-01", "2024-12-31"),
            "{command:?}"
        );
    }
}

#[test]
fn export_takes_every_form() {
    let export =
        |from: &str, to: &str| ok(&["export", "--format", "json", "--from", from, "--to", to]);
    let want = export("2024-12-01", "2024-12-31");
    for (from, to) in [
        ("2024-12", "2024-12"),
        ("2024年12月", "2024/12/31"),
        ("2024.12.1", "2024年12月31日"),
        ("２０２４年１２月", "２０２４年１２月"),
    ] {
        assert_eq!(export(from, to), want, "--from {from} --to {to}");
    }
    assert_eq!(export("2024", "2024年"), export("2024-01-01", "2024-12-31"));
}

/// Runs a command that must fail on its date: exit 2, one line, the option and
/// the date named. A graph that does not exist is given, so the date must be
/// refused before any graph is read.
fn refused(args: &[&str], flag: &str, date: &str) {
    let mut all = args.to_vec();
    all.splice(1..1, ["--graph", "no/such/graph.json"]);
    let out = govgraph()
        .args(&all)
        .env_remove("GOVGRAPH_GRAPH")
        .current_dir(root())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{all:?}: {err}");
    assert!(out.stdout.is_empty(), "{all:?}");
    assert_eq!(err.lines().count(), 1, "{all:?}: {err}");
    let want = format!("govgraph: bad date {date:?} for {flag}: give a day (");
    assert!(err.starts_with(&want), "{all:?}: {err}");
    assert!(err.contains("2024年12月"), "the forms are listed: {err}");
}

#[test]
fn a_bad_date_is_a_usage_error_everywhere() {
    for bad in [
        "2024-13-01",
        "2024-02-30",
        "yesterday",
        "2024-12-",
        "24-12",
        "2024-13",
    ] {
        refused(&["query", "officials", "--on", bad], "--on", bad);
        refused(
            &["query", "attended", "--person", "黄伟", "--from", bad],
            "--from",
            bad,
        );
        refused(
            &["query", "attended", "--person", "黄伟", "--to", bad],
            "--to",
            bad,
        );
        refused(&["query", "attendees", "--date", bad], "--date", bad);
        refused(
            &["query", "attendees", "--event", "会议", "--date", bad],
            "--date",
            bad,
        );
        refused(&["query", "events", "--from", bad], "--from", bad);
        refused(&["query", "events", "--to", bad], "--to", bad);
        refused(&["query", "changes", "--from", bad], "--from", bad);
        refused(&["changes", "--from", bad], "--from", bad);
        refused(&["changes", "--to", bad], "--to", bad);
        refused(&["export", "--format", "dot", "--from", bad], "--from", bad);
        refused(&["export", "--format", "dot", "--to", bad], "--to", bad);
    }
    // Full-width and Chinese forms are named as typed.
    refused(
        &["query", "events", "--from", "2024年2月30日"],
        "--from",
        "2024年2月30日",
    );
}

#[test]
fn a_range_that_ends_before_it_starts_is_a_usage_error() {
    for args in [
        &["query", "events", "--from", "2024-12", "--to", "2024-11"][..],
        &["changes", "--from", "2025", "--to", "2024"][..],
        &[
            "export",
            "--format",
            "dot",
            "--from",
            "2024-12-02",
            "--to",
            "2024-12-01",
        ][..],
    ] {
        let out = on_seeds(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("is after --to"), "{err}");
    }
    // One month as both ends is a range, not an empty one.
    ok(&["query", "events", "--from", "2024-12", "--to", "2024-12"]);
}

#[test]
fn the_help_lists_the_date_forms() {
    for args in [
        &["query", "--help"][..],
        &["changes", "--help"][..],
        &["export", "--help"][..],
    ] {
        let out = run(govgraph().args(args));
        let text = String::from_utf8_lossy(&out.stdout);
        for form in ["2024/12/11", "2024年12月11日", "2024-12", "2024年"] {
            assert!(text.contains(form), "{args:?} lacks {form}:\n{text}");
        }
    }
}
