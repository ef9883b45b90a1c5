//! `govgraph merge`: fact files in, one graph out (the reduce step; see
//! [`crate::merge`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::build::{GraphOut, clashes, formats, prepare, undated_note, write_outputs};
use crate::merge::Merge;
use crate::rules::Rules;

/// Merge fact files (from `extract`, `merge --facts`, or the graph.json a
/// build wrote) into one graph.
#[derive(Debug, Args)]
#[command(
    after_help = "Any grouping and order of the same fact files gives the same graph, byte for byte; an article in two files (the same text, title and date) counts once.\n\nExamples:\n  govgraph extract seeds -o seeds.facts.jsonl && govgraph merge seeds.facts.jsonl -o out\n  govgraph extract examples/articles.jsonl -o new.jsonl && govgraph merge graphs/graph.json new.jsonl -o out\n  govgraph extract seeds | govgraph merge --facts - > merged.jsonl"
)]
pub struct MergeArgs {
    /// Fact files (JSON Lines, as `extract` and `merge --facts` write them),
    /// `-` for standard input, or a graph.json written by `build` or `merge`
    /// (the graph.facts.jsonl beside it is read; its articles are not).
    #[arg(required = true, value_name = "FACTS")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub out: GraphOut,
    /// Write the merged records to standard output (JSON Lines, as `extract`
    /// writes them) instead of a graph: a partial merge, to be merged again.
    #[arg(long)]
    pub facts: bool,
    /// A user dictionary, as given to `extract` (its districts name nodes).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let formats = formats(&args.out.formats)?;
    let out = if args.facts {
        None
    } else {
        Some(prepare(&args.out.output, args.quiet)?)
    };
    let mut merge = Merge::new();
    let mut read = 0usize;
    let mut stdin_read = false;
    for input in &args.inputs {
        let before = merge.len();
        if input == Path::new("-") {
            if std::mem::replace(&mut stdin_read, true) {
                anyhow::bail!("standard input (-) is named twice");
            }
            merge.read_jsonl(std::io::stdin().lock(), "stdin")?;
        } else {
            merge.read_path(input)?;
        }
        read += merge.len() - before;
    }
    clashes(merge.clashes());
    if args.facts {
        let stdout = std::io::stdout();
        merge.write_jsonl(std::io::BufWriter::new(stdout.lock()))?;
        return Ok(ExitCode::SUCCESS);
    }
    if merge.is_empty() {
        anyhow::bail!("no facts records in the inputs");
    }
    let rules = Rules::load(&args.dicts)?;
    let facts = merge.to_jsonl();
    let graph = merge.into_graph(&rules);
    if let Some(out) = out {
        write_outputs(
            out,
            &graph,
            facts,
            &formats,
            &args.inputs,
            &args.out.output,
            args.quiet,
        )?;
    }
    if !args.quiet {
        let articles = if read == 1 { "article" } else { "articles" };
        eprintln!(
            "govgraph: {read} {articles}, {} nodes, {} edges",
            graph.node_count(),
            graph.edge_count()
        );
        undated_note(&graph, false);
    }
    Ok(ExitCode::SUCCESS)
}
