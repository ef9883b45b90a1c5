//! `govgraph eval`: extraction measured against gold annotations.
//!
//! Each gold file's article is built alone, with the same rules and
//! dictionaries `build` would use, and scored by [`crate::eval::score`]. A gold
//! folder that is missing, a gold file that does not parse or an article that
//! cannot be found stops the run with one line naming it: a partial evaluation
//! would report numbers for a yardstick nobody asked for.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use crate::eval::{FileReport, Report, load_dir, score};
use crate::pipeline::Pipeline;
use crate::rules::Rules;

macro_rules! examples {
    () => {
        "Examples:
  govgraph eval --gold tests/gold
  govgraph eval --gold tests/gold --inputs seeds --summary
  govgraph eval --gold tests/gold --format json > eval.json
  govgraph eval --gold tests/gold --dict examples/names.txt --summary
  govgraph eval --gold tests/cases --inputs tests/cases --check"
    };
}

const EXAMPLES: &str = examples!();

const LONG_HELP: &str = concat!(
    "For each gold file (DIR/000_x.json, format in tests/gold/FORMAT.md) the article
its `file` field names is read from the inputs folder, built into a graph of its
own, and compared with the gold file. Printed per file and micro-averaged over
all files: precision, recall and F1 of officials (name, district), titles (name,
district, title) and participations (person, day); the accuracy of chaired vs
attended on matched participations; the recall of district events (district,
day); precision and recall of projects (by name, ignoring quotes, 《》 and a
trailing 项目/工程) and the accuracy of their districts. A ratio of 0/0 is shown
as `-` (null in JSON) and never misses a target.

The table lists what was missed and what was wrong first (leave it out with
--summary), then the scores of each file, the total and the targets. JSON always
has everything. Details in docs/eval.md.

",
    examples!()
);

/// Measure extraction against hand-made gold annotations.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES, after_long_help = LONG_HELP)]
pub struct EvalArgs {
    /// The folder of gold files (*.json, one per article).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// The folder holding the articles the gold files name.
    #[arg(long, value_name = "DIR", default_value = "seeds")]
    pub inputs: PathBuf,
    /// A user dictionary, as for `govgraph build` (repeatable).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// How to print the report.
    #[arg(long, value_enum, value_name = "F", default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,
    /// Exit with status 1, and one line per miss on stderr, when the totals miss
    /// a target (officials F1 0.98, titles F1 0.95, participations F1 0.90, ...:
    /// the table in docs/eval.md).
    #[arg(long)]
    pub check: bool,
    /// Print only the scores, not the list of what was missed and wrong.
    #[arg(long)]
    pub summary: bool,
    /// The year of dates written without one, as for `govgraph build --year`.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2100))]
    pub year: Option<i32>,
}

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Text tables for people.
    Table,
    /// JSON for scripts (field names are stable).
    Json,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let golds = load_dir(&args.gold)?;
    if !args.inputs.is_dir() {
        anyhow::bail!(
            "{}: no such inputs folder (the articles the gold files name)",
            args.inputs.display()
        );
    }
    let rules = Rules::load(&args.dicts)?;
    let pipeline = Pipeline::new(rules).with_year(args.year);
    let mut files = Vec::with_capacity(golds.len());
    for gold_file in golds {
        let article = find_article(&gold_file.path, &args.inputs, &gold_file.gold.file)?;
        let report = crate::read::read_inputs(std::slice::from_ref(&article))
            .with_context(|| format!("{}: reading its article", gold_file.path.display()))?;
        if report.files.is_empty() {
            let why = (report.skipped.first()).map_or_else(
                || "is not text govgraph can read".to_string(),
                |s| format!("cannot be read: {}", s.why),
            );
            anyhow::bail!(
                "{}: its article {} {why}",
                gold_file.path.display(),
                article.display()
            );
        }
        let graph = pipeline.build(&report.files, |_| {});
        let gold_name = gold_file
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        files.push(FileReport {
            gold: gold_name,
            article: article.display().to_string(),
            score: score(&graph, &gold_file.gold),
        });
    }
    let report = Report::new(files);
    let text = match args.format {
        EvalFormat::Table => report.to_table(!args.summary),
        EvalFormat::Json => report.to_json(),
    };
    super::print_out(&text)?;
    if args.check {
        let missed: Vec<_> = report.missed_targets().collect();
        if !missed.is_empty() {
            for t in missed {
                eprintln!(
                    "govgraph: target missed: {} is {}, below {:.2}",
                    t.measure,
                    crate::eval::fmt_ratio(t.value),
                    t.target
                );
            }
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The article a gold file names, which must be a file in `inputs`.
fn find_article(gold_path: &Path, inputs: &Path, file: &str) -> anyhow::Result<PathBuf> {
    let article = inputs.join(file);
    if !article.is_file() {
        anyhow::bail!(
            "{}: its article {} does not exist",
            gold_path.display(),
            article.display()
        );
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<EvalArgs, clap::Error> {
        let cli = Cli::try_parse_from(std::iter::once("govgraph").chain(args.iter().copied()))?;
        match cli.command {
            Command::Eval(args) => Ok(args),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let args = parse(&["eval", "--gold", "g"]).unwrap();
        assert_eq!(args.gold, PathBuf::from("g"));
        assert_eq!(args.inputs, PathBuf::from("seeds"));
        assert_eq!(args.format, EvalFormat::Table);
        assert!(!args.check && !args.summary && args.dicts.is_empty());
    }

    #[test]
    fn all_flags() {
        let args = parse(&[
            "eval",
            "--gold",
            "g",
            "--inputs",
            "in",
            "--dict",
            "a",
            "--dict",
            "b",
            "--format",
            "json",
            "--check",
            "--summary",
        ])
        .unwrap();
        assert_eq!(args.dicts.len(), 2);
        assert_eq!(args.format, EvalFormat::Json);
        assert!(args.check && args.summary);
    }

    #[test]
    fn gold_is_required_and_formats_are_checked() {
        assert!(parse(&["eval"]).is_err());
        assert!(parse(&["eval", "--gold", "g", "--format", "xml"]).is_err());
    }
}
