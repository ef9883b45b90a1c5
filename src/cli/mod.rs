//! The `govgraph` command line: one file per subcommand.
//!
//! Only this layer speaks `anyhow`: every error below it is a typed error that
//! names the thing at fault, and here it gets the context of what the user asked
//! for and is printed as one line, `govgraph: reading seeds/a.txt: ...`, with a
//! non-zero exit. A closed pipe (`govgraph query ... | head`) is not an error.

mod build;
mod eval;
mod export;
mod extract;
mod merge;
mod query;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns Chinese government news into a knowledge graph of officials, districts,
/// events and projects, and answers questions about it.
#[derive(Debug, Parser)]
#[command(name = "govgraph", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  govgraph build seeds -o graphs\n  govgraph query officials --district 福田区\n  govgraph query attended --person 黄伟\n  govgraph export --format graphml -o graph.graphml\n  govgraph eval --gold tests/gold --inputs seeds"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build graph.json and graph.dot from articles.
    Build(build::BuildArgs),
    /// Read articles, each alone, and write one JSON Lines record of facts per article.
    Extract(extract::ExtractArgs),
    /// Merge fact files (from extract, or a built graph.json) into one graph.
    Merge(merge::MergeArgs),
    /// Ask a built graph a question.
    Query(query::QueryArgs),
    /// Posts whose holder changed, and people who moved to a new post.
    Changes(query::ChangesArgs),
    /// Write a built graph in another format.
    Export(export::ExportArgs),
    /// Measure extraction against hand-made gold annotations.
    Eval(eval::EvalArgs),
}

/// Runs the command line and turns the outcome into an exit code.
pub fn main() -> ExitCode {
    quiet_panics();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version: clap's own text, on stdout.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        Err(err)
            if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            // `govgraph` alone: the help, as a failure.
            let _ = err.print();
            return ExitCode::from(2);
        }
        Err(err) => {
            // A usage error is one line, as every other error: clap's message
            // up to its first blank line ("error: invalid value … [possible
            // values: …]"), then where to read more.
            let text = err.render().to_string();
            let message: Vec<&str> = text
                .lines()
                .take_while(|l| !l.trim().is_empty())
                .map(str::trim)
                .collect();
            let message = message.join(" ");
            let message = message.strip_prefix("error: ").unwrap_or(&message);
            eprintln!("govgraph: {message} (see --help)");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            if let Some(exit) = err.downcast_ref::<ExitWith>() {
                eprintln!("govgraph: {}", exit.message);
                return ExitCode::from(exit.code);
            }
            eprintln!("govgraph: {}", one_line(&err));
            ExitCode::from(1)
        }
    }
}

/// Runs one parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Query(args) => query::run(args),
        Command::Changes(args) => query::run_changes(args),
        Command::Export(args) => export::run(args),
        Command::Eval(args) => eval::run(args),
    }
}

/// Writes text to stdout; a closed pipe surfaces as an error `main` ignores.
#[allow(dead_code)] // used by the query and eval commands
pub(crate) fn print_out(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// An error that should end the program with this exit status, after its message.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub(crate) struct ExitWith {
    pub code: u8,
    pub message: String,
}

/// The error and its causes as one line, like anyhow's `{:#}`, but a cause
/// whose text its parent already quotes (`reading a.txt: {source}`) is not
/// said twice.
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// A bug must still reach the user as one line, never as a backtrace.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        eprintln!("govgraph: internal error: {msg} (please report this)");
    }));
}

/// A usage error: its message on one line, and exit status 2.
pub(crate) fn usage_error(message: String) -> anyhow::Error {
    ExitWith { code: 2, message }.into()
}

/// The span of the date given to option `flag`, if any; a date that is not
/// one is a usage error naming the option, before any graph is read.
pub(crate) fn date_option(
    flag: &str,
    text: Option<&str>,
) -> anyhow::Result<Option<crate::query::DateSpan>> {
    text.map(|t| {
        crate::query::DateSpan::parse(t).map_err(|_| {
            usage_error(format!(
                "bad date {:?} for {flag}: give {}",
                t.trim(),
                crate::query::DATE_FORMS
            ))
        })
    })
    .transpose()
}

/// Checks `--from` and `--to`: each a date, and the range not empty (a month
/// or year counts from its first day to its last).
pub(crate) fn date_range(from: Option<&str>, to: Option<&str>) -> anyhow::Result<()> {
    let first = date_option("--from", from)?;
    let last = date_option("--to", to)?;
    if let (Some(first), Some(last), Some(from), Some(to)) = (first, last, from, to)
        && first.first > last.last
    {
        return Err(usage_error(format!(
            "--from {} is after --to {}: no day is in the range",
            from.trim(),
            to.trim()
        )));
    }
    Ok(())
}

/// The state file `govgraph build -o DIR` leaves in the working folder: one
/// line, the path of DIR/graph.json (relative paths are relative to the
/// working folder, as typed).
pub(crate) const STATE_FILE: &str = ".govgraph";
/// The environment variable naming the graph to read, over the state file.
pub(crate) const GRAPH_ENV: &str = "GOVGRAPH_GRAPH";
/// The graph read when nothing names one.
pub(crate) const DEFAULT_GRAPH: &str = "graphs/graph.json";
/// The help of every `--graph` option: which graph is read.
pub(crate) const GRAPH_HELP: &str = "The graph.json to read [default: $GOVGRAPH_GRAPH if set, \
     else the graph the last `govgraph build` in this folder wrote (named in ./.govgraph), \
     else graphs/graph.json]";

/// Which graph a command reads, and what named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GraphLocation {
    pub path: PathBuf,
    pub from: GraphFrom,
}

/// What named the graph, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GraphFrom {
    /// `--graph FILE`.
    Option,
    /// `$GOVGRAPH_GRAPH`.
    Env,
    /// `.govgraph`, written by `govgraph build`.
    State,
    /// Nothing: graphs/graph.json.
    Default,
}

impl GraphLocation {
    /// The graph to read: `--graph`, else `$GOVGRAPH_GRAPH`, else the graph
    /// `.govgraph` in the working folder names, else graphs/graph.json.
    pub(crate) fn find(option: Option<&Path>) -> anyhow::Result<GraphLocation> {
        if let Some(path) = option {
            return Ok(GraphLocation {
                path: path.to_path_buf(),
                from: GraphFrom::Option,
            });
        }
        if let Some(path) = std::env::var_os(GRAPH_ENV).filter(|v| !v.is_empty()) {
            return Ok(GraphLocation {
                path: PathBuf::from(path),
                from: GraphFrom::Env,
            });
        }
        match std::fs::read_to_string(STATE_FILE) {
            Ok(text) => {
                let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
                if !line.trim().is_empty() {
                    return Ok(GraphLocation {
                        path: PathBuf::from(line),
                        from: GraphFrom::State,
                    });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!(
                    "reading {STATE_FILE} (the graph `govgraph build` last wrote here)"
                )));
            }
        }
        Ok(GraphLocation {
            path: PathBuf::from(DEFAULT_GRAPH),
            from: GraphFrom::Default,
        })
    }

    /// What named the graph, for messages: "" for `--graph` and the default,
    /// else " (from $GOVGRAPH_GRAPH)" or " (named in .govgraph by `govgraph build`)".
    pub(crate) fn origin(&self) -> String {
        match self.from {
            GraphFrom::Option | GraphFrom::Default => String::new(),
            GraphFrom::Env => format!(" (from ${GRAPH_ENV})"),
            GraphFrom::State => format!(" (named in {STATE_FILE} by `govgraph build`)"),
        }
    }
}

/// Prints one warning line when the graph.json at `path` is not the one the
/// manifest beside it lists ([`crate::output::check_beside`]): a build was
/// killed between two renames, or the file was replaced since.
pub(crate) fn warn_if_mixed(path: &Path) {
    if let Some(warning) = crate::output::check_beside(path) {
        eprintln!("govgraph: warning: {warning}");
    }
}

/// Records `graph` as the graph of the working folder, in `.govgraph`,
/// atomically (a temporary file, then a rename).
pub(crate) fn record_graph(graph: &Path) -> anyhow::Result<()> {
    use anyhow::Context;
    let text = graph
        .to_str()
        .with_context(|| format!("{} is not UTF-8", graph.display()))?;
    let tmp = PathBuf::from(format!("{STATE_FILE}.{}.tmp", std::process::id()));
    let written =
        std::fs::write(&tmp, format!("{text}\n")).and_then(|()| std::fs::rename(&tmp, STATE_FILE));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.with_context(|| format!("recording the graph in {STATE_FILE}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_takes_inputs_and_output() {
        let cli = Cli::try_parse_from(["govgraph", "build", "seeds", "-o", "out"]).unwrap();
        match cli.command {
            Command::Build(args) => {
                assert_eq!(args.inputs, vec![std::path::PathBuf::from("seeds")]);
                assert_eq!(args.out.output, std::path::PathBuf::from("out"));
            }
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn an_error_quoting_its_cause_says_it_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let err = anyhow::Error::new(crate::rules::RulesError::Io {
            path: "a.dict".into(),
            source: io,
        })
        .context("loading dictionaries");
        assert_eq!(
            one_line(&err),
            "loading dictionaries: reading dictionary a.dict: no such file"
        );
    }

    #[test]
    fn a_bad_date_names_its_option_and_exits_2() {
        let err = date_option("--on", Some("2024-02-30")).unwrap_err();
        let exit = err.downcast_ref::<ExitWith>().expect("a usage error");
        assert_eq!(exit.code, 2);
        assert!(
            exit.message
                .starts_with("bad date \"2024-02-30\" for --on: give a day ("),
            "{}",
            exit.message
        );
        let span = date_option("--date", Some("2024年12月")).unwrap().unwrap();
        assert_eq!(
            (span.first.as_str(), span.last.as_str()),
            ("2024-12-01", "2024-12-31")
        );
        assert!(date_option("--on", None).unwrap().is_none());
    }

    #[test]
    fn a_range_must_not_end_before_it_starts() {
        assert!(date_range(Some("2024-12"), Some("2024-12")).is_ok());
        assert!(date_range(Some("2024-12-31"), Some("2024年12月")).is_ok());
        assert!(date_range(None, Some("2024")).is_ok());
        let err = date_range(Some("2025"), Some("2024-12-31")).unwrap_err();
        let exit = err.downcast_ref::<ExitWith>().expect("a usage error");
        assert_eq!(exit.code, 2);
        assert!(
            exit.message
                .contains("--from 2025 is after --to 2024-12-31")
        );
        let err = date_range(Some("2024"), Some("soon")).unwrap_err();
        assert!(err.to_string().contains("for --to"), "{err}");
    }

    #[test]
    fn build_needs_an_input() {
        assert!(Cli::try_parse_from(["govgraph", "build"]).is_err());
    }
}
