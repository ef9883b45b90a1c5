//! The evaluation report: per-file scores, the micro-averaged total, the
//! targets, and what was missed or wrong, as a table for people or JSON for
//! scripts.
//!
//! The table puts the details first and the scores last, so the numbers are
//! what a terminal shows when the run ends; `details: false` leaves the details
//! out. The JSON always has everything, under field names that only grow.

use std::fmt::Write as _;

use serde::Serialize;

use super::score::{FileScore, Prf, Scores, Share};
use super::{TARGETS, TargetCheck};

/// One gold file and the score of its article's graph.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// The gold file's name (`000_x.json`).
    pub gold: String,
    /// The article's path as read (`seeds/000_x.txt`).
    pub article: String,
    #[serde(flatten)]
    pub score: FileScore,
}

/// The micro-averaged sum over all files.
#[derive(Debug, Clone, Serialize)]
pub struct Total {
    pub files: usize,
    #[serde(flatten)]
    pub scores: Scores,
    /// Files whose graph period matches the gold one, of the files whose graph
    /// has a period; `None` when no graph has one.
    pub period: Option<Share>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub total: Total,
    /// Every target of [`TARGETS`] against the total.
    pub targets: Vec<TargetCheck>,
}

impl Report {
    /// Sums the files into the total and checks it against [`TARGETS`].
    pub fn new(files: Vec<FileReport>) -> Report {
        let mut scores = Scores::default();
        let mut period: Option<Share> = None;
        for f in &files {
            scores.add(&f.score.scores);
            if let Some(p) = &f.score.period {
                let share = period.get_or_insert_with(Share::default);
                share.of += 1;
                share.right += usize::from(p.matches);
            }
        }
        let targets = TARGETS.check(&scores);
        Report {
            total: Total {
                files: files.len(),
                scores,
                period,
            },
            files,
            targets,
        }
    }

    /// The targets the total misses.
    pub fn missed_targets(&self) -> impl Iterator<Item = &TargetCheck> {
        self.targets.iter().filter(|t| !t.met)
    }

    /// The report as pretty JSON, with a final newline.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialising cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The report as text tables: details (unless `details` is false), the
    /// scores of each file, the total, and the targets.
    pub fn to_table(&self, details: bool) -> String {
        let mut out = String::new();
        if details {
            for f in &self.files {
                if f.score.findings.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "== {}: missed and wrong", f.gold);
                for finding in &f.score.findings {
                    let _ = write!(
                        out,
                        "  {:<8} {:<16} {}",
                        finding.kind.label(),
                        finding.measure.label(),
                        finding.item
                    );
                    if let Some(note) = &finding.note {
                        let _ = write!(out, "  [{note}]");
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
        }
        for f in &self.files {
            let _ = writeln!(out, "== {} ({})", f.gold, f.article);
            write_scores(&mut out, &f.score.scores);
            if let Some(p) = &f.score.period {
                let gold = p
                    .gold
                    .as_ref()
                    .map_or("none".to_string(), |(a, b)| format!("{a}..{b}"));
                let _ = writeln!(
                    out,
                    "  period            {}..{} (gold {gold}): {}",
                    p.graph.0,
                    p.graph.1,
                    if p.matches { "match" } else { "no match" }
                );
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "== TOTAL over {} files (micro-averaged)",
            self.total.files
        );
        write_scores(&mut out, &self.total.scores);
        if let Some(p) = &self.total.period {
            let _ = writeln!(out, "  period            {}/{} files match", p.right, p.of);
        }
        out.push('\n');
        let _ = writeln!(out, "== targets");
        for t in &self.targets {
            let _ = writeln!(
                out,
                "  {:<26} {:>6}  >= {:.2}  {}",
                t.measure,
                fmt_ratio(t.value),
                t.target,
                if t.met { "ok" } else { "MISSED" }
            );
        }
        out
    }
}

const HEADER: &str =
    "  measure            graph   gold  matched  precision  recall     F1  accuracy";

fn write_scores(out: &mut String, s: &Scores) {
    let _ = writeln!(out, "{HEADER}");
    prf_row(out, "officials", &s.officials);
    prf_row(out, "titles", &s.titles);
    prf_row(out, "participations", &s.participations);
    share_row(out, "chaired/attended", &s.relation);
    let _ = writeln!(
        out,
        "  {:<16} {:>7} {:>6} {:>8} {:>10} {:>7}",
        "district events",
        "",
        s.events.of,
        s.events.right,
        "",
        fmt_ratio(s.events.value())
    );
    prf_row(out, "projects", &s.projects);
    share_row(out, "project district", &s.project_district);
    prf_row(out, "personnel", &s.personnel);
    share_row(out, "personnel dates", &s.personnel_dates);
}

fn prf_row(out: &mut String, name: &str, p: &Prf) {
    let matched = if p.matched_graph == p.matched_gold {
        p.matched_gold.to_string()
    } else {
        format!("{}|{}", p.matched_graph, p.matched_gold)
    };
    let _ = writeln!(
        out,
        "  {:<16} {:>7} {:>6} {:>8} {:>10} {:>7} {:>6}",
        name,
        p.graph,
        p.gold,
        matched,
        fmt_ratio(p.precision()),
        fmt_ratio(p.recall()),
        fmt_ratio(p.f1())
    );
}

fn share_row(out: &mut String, name: &str, s: &Share) {
    let _ = writeln!(
        out,
        "  {:<16} {:>7} {:>6} {:>8} {:>10} {:>7} {:>6} {:>9}",
        name,
        "",
        "",
        format!("{}/{}", s.right, s.of),
        "",
        "",
        "",
        fmt_ratio(s.value())
    );
}

/// Three decimals, or `-` for an undefined ratio.
pub(crate) fn fmt_ratio(v: Option<f64>) -> String {
    v.map_or("-".to_string(), |v| format!("{v:.3}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undefined_is_a_dash() {
        assert_eq!(fmt_ratio(None), "-");
        assert_eq!(fmt_ratio(Some(2.0 / 3.0)), "0.667");
    }
}
