//! Dates measured end to end, as the project's owners measure them: every row
//! of `tests/dates/cases.tsv` (forms of the test suite of JioNLP's time parser,
//! written as our own sentences, and forms of government news) is put into a
//! one-sentence article whose front-matter date is the row's time base, once
//! at the start of the sentence and once after the name
//! ("福田区委书记某某<date>出席…"). The participation's date must be the row's
//! first day; where the row is `undated`, there must be no dated participation.
//!
//! Targets (NOTES, 2026-11-29): at least 85% exact in both positions, and no
//! wrong date ever (undated is acceptable where the text is not definite).

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

struct Case {
    base: String,
    expression: String,
    first: String,
}

fn cases() -> Vec<Case> {
    let text = fs::read_to_string("tests/dates/cases.tsv").expect("tests/dates/cases.tsv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Case {
                base: c[0].to_string(),
                expression: c[1].to_string(),
                first: c[2].to_string(),
            }
        })
        .collect()
}

/// A name no other case uses: a surname and two characters from the case number.
fn name(i: usize) -> String {
    const GIVEN: &[char] = &[
        '明', '华', '强', '军', '伟', '芳', '敏', '静', '丽', '涛', '斌', '超', '波', '杰', '峰',
        '磊',
    ];
    format!(
        "郑{}{}",
        GIVEN[i / GIVEN.len() % GIVEN.len()],
        GIVEN[i % GIVEN.len()]
    )
}

/// The date of each case's participation, by name, from one build of all cases.
fn dates(position: &str, cases: &[Case]) -> Vec<Option<String>> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("dates-{position}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("in")).unwrap();
    for (i, c) in cases.iter().enumerate() {
        let who = name(i);
        let sentence = if position == "start" {
            format!("{},福田区委书记{who}出席福田区科技创新大会。", c.expression)
        } else {
            format!("福田区委书记{who}{}出席福田区科技创新大会。", c.expression)
        };
        let article = format!("---\ndate: {}\n---\n{sentence}\n", c.base);
        fs::write(dir.join("in").join(format!("c{i:03}.md")), article).unwrap();
    }
    // Run from the system's temporary folder: a build records its output as
    // the working folder's current graph (.govgraph), never the repository's.
    let out = Command::new(env!("CARGO_BIN_EXE_govgraph"))
        .current_dir(std::env::temp_dir())
        .arg("build")
        .arg(dir.join("in"))
        .arg("-o")
        .arg(dir.join("out"))
        .arg("-q")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let g: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("out/graph.json")).unwrap()).unwrap();
    (0..cases.len())
        .map(|i| {
            let source = format!("person:{}", name(i));
            g["edges"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["source"] == source.as_str() && e["relation"] == "attended")
                .filter_map(|e| e["date"].as_str().map(String::from))
                .min()
        })
        .collect()
}

#[test]
fn dates_are_exact_in_both_positions_and_never_wrong() {
    let cases = cases();
    assert!(cases.len() >= 130, "{} cases", cases.len());
    let mut report = String::new();
    for position in ["start", "middle"] {
        let got = dates(position, &cases);
        let (mut exact, mut wrong) = (0, Vec::new());
        for (c, g) in cases.iter().zip(&got) {
            match (c.first.as_str(), g.as_deref()) {
                ("undated", None) => exact += 1,
                ("undated", Some(d)) => {
                    wrong.push(format!("{} @ {}: {d}, want undated", c.expression, c.base))
                }
                (want, Some(d)) if want == d => exact += 1,
                (want, Some(d)) => {
                    wrong.push(format!("{} @ {}: {d}, want {want}", c.expression, c.base))
                }
                (want, None) => report.push_str(&format!(
                    "  {position}: undated {} @ {} (want {want})\n",
                    c.expression, c.base
                )),
            }
        }
        let share = exact as f64 / cases.len() as f64;
        report.push_str(&format!(
            "{position}: {exact}/{} exact ({share:.3}), {} wrong\n",
            cases.len(),
            wrong.len()
        ));
        assert!(
            wrong.is_empty(),
            "wrong dates ({position}):\n{}\n{report}",
            wrong.join("\n")
        );
        assert!(share >= 0.85, "{report}");
    }
    eprintln!("{report}");
}
