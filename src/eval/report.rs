//! The evaluation report: per-file scores, the micro-averaged total, the
//! targets, and what was missed or wrong, as a table for people or JSON for
//! scripts.
//!
//! The table puts the details first and the scores last, so the numbers are
//! what a terminal shows when the run ends; `details: false` leaves the details
//! out. The JSON always has everything, under field names that only grow.
//!
//! The table's columns are laid out by comfy-table, not by format widths of our
//! own: each column is as wide as it has always been, or wider when a value
//! needs it (the whole column widens, so the block stays aligned).

use std::fmt::Write as _;

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width, presets};
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
                let rows = f.score.findings.iter().map(|finding| {
                    let mut item = finding.item.clone();
                    if let Some(note) = &finding.note {
                        let _ = write!(item, "  [{note}]");
                    }
                    vec![
                        finding.kind.label().to_string(),
                        finding.measure.label().to_string(),
                        item,
                    ]
                });
                out.push_str(&block(None, rows, &FINDING_COLUMNS));
                out.push('\n');
            }
        }
        for f in &self.files {
            let _ = writeln!(out, "== {} ({})", f.gold, f.article);
            out.push_str(&scores(&f.score.scores));
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
        out.push_str(&scores(&self.total.scores));
        if let Some(p) = &self.total.period {
            let _ = writeln!(out, "  period            {}/{} files match", p.right, p.of);
        }
        out.push('\n');
        let _ = writeln!(out, "== targets");
        let rows = self.targets.iter().map(|t| {
            vec![
                t.measure.to_string(),
                fmt_ratio(t.value),
                format!(">= {:.2}", t.target),
                (if t.met { "ok" } else { "MISSED" }).to_string(),
            ]
        });
        out.push_str(&block(None, rows, &TARGET_COLUMNS));
        out
    }
}

/// One column of a block: its least width, whether it aligns right, and the
/// spaces after it.
struct Column {
    width: u16,
    right: bool,
    gap: u16,
}

const fn left(width: u16, gap: u16) -> Column {
    Column {
        width,
        right: false,
        gap,
    }
}

const fn right(width: u16, gap: u16) -> Column {
    Column {
        width,
        right: true,
        gap,
    }
}

/// A finding: kind, measure, and the item with its note.
const FINDING_COLUMNS: [Column; 3] = [left(8, 1), left(16, 1), left(0, 0)];

/// The scores: measure, then numbers.
const SCORE_COLUMNS: [Column; 8] = [
    left(16, 1),
    right(7, 1),
    right(6, 1),
    right(8, 1),
    right(10, 1),
    right(7, 1),
    right(6, 1),
    right(9, 0),
];

const SCORE_HEADER: [&str; 8] = [
    "measure",
    "graph",
    "gold",
    "matched",
    "precision",
    "recall",
    "F1",
    "accuracy",
];

/// A target: measure, value, the target, and whether it is met.
const TARGET_COLUMNS: [Column; 4] = [left(26, 1), right(6, 2), left(0, 2), left(0, 0)];

/// Rows as lines indented by two spaces, columns aligned by comfy-table, with
/// no trailing spaces; a cell missing at the end of a row is empty.
fn block(
    header: Option<Vec<String>>,
    rows: impl IntoIterator<Item = Vec<String>>,
    columns: &[Column],
) -> String {
    let mut table = comfy_table::Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    if let Some(header) = header {
        table.set_header(header);
    }
    table.add_rows(rows);
    for (i, (column, c)) in table.column_iter_mut().zip(columns).enumerate() {
        let padding = (if i == 0 { 2 } else { 0 }, c.gap);
        column.set_padding(padding);
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
            c.width + padding.0 + padding.1,
        )));
        if c.right {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A block of scores under their header: precision, recall and F1 for what is
/// counted both ways; a share for what is judged on matches.
fn scores(s: &Scores) -> String {
    let header = SCORE_HEADER.map(String::from).to_vec();
    let events = vec![
        "district events".to_string(),
        String::new(),
        s.events.of.to_string(),
        s.events.right.to_string(),
        String::new(),
        fmt_ratio(s.events.value()),
    ];
    let rows = [
        prf_row("officials", &s.officials),
        prf_row("titles", &s.titles),
        prf_row("participations", &s.participations),
        share_row("chaired/attended", &s.relation),
        events,
        prf_row("projects", &s.projects),
        share_row("project district", &s.project_district),
        prf_row("personnel", &s.personnel),
        share_row("personnel dates", &s.personnel_dates),
    ];
    block(Some(header), rows, &SCORE_COLUMNS)
}

fn prf_row(name: &str, p: &Prf) -> Vec<String> {
    let matched = if p.matched_graph == p.matched_gold {
        p.matched_gold.to_string()
    } else {
        format!("{}|{}", p.matched_graph, p.matched_gold)
    };
    vec![
        name.to_string(),
        p.graph.to_string(),
        p.gold.to_string(),
        matched,
        fmt_ratio(p.precision()),
        fmt_ratio(p.recall()),
        fmt_ratio(p.f1()),
    ]
}

fn share_row(name: &str, s: &Share) -> Vec<String> {
    vec![
        name.to_string(),
        String::new(),
        String::new(),
        format!("{}/{}", s.right, s.of),
        String::new(),
        String::new(),
        String::new(),
        fmt_ratio(s.value()),
    ]
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
