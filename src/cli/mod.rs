//! The `govgraph` command line: one file per subcommand.
//!
//! Only this layer speaks `anyhow`: every error below it is a typed error that
//! names the thing at fault, and here it gets the context of what the user asked
//! for and is printed as one line, `govgraph: reading seeds/a.txt: ...`, with a
//! non-zero exit. A closed pipe (`govgraph query ... | head`) is not an error.

mod build;
mod eval;
mod export;
mod query;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns Chinese government news into a knowledge graph of officials, districts,
/// events and projects, and answers questions about it.
#[derive(Debug, Parser)]
#[command(name = "govgraph", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  govgraph build seeds -o graphs\n  govgraph query officials --district 福田区\n  govgraph query attended --person 郭亮\n  govgraph export --format graphml -o graph.graphml\n  govgraph eval --gold tests/gold --inputs seeds"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build graph.json and graph.dot from articles.
    Build(build::BuildArgs),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_takes_inputs_and_output() {
        let cli = Cli::try_parse_from(["govgraph", "build", "seeds", "-o", "out"]).unwrap();
        match cli.command {
            Command::Build(args) => {
                assert_eq!(args.inputs, vec![std::path::PathBuf::from("seeds")]);
                assert_eq!(args.output, std::path::PathBuf::from("out"));
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
    fn build_needs_an_input() {
        assert!(Cli::try_parse_from(["govgraph", "build"]).is_err());
    }
}
