//! `govgraph export`: a built graph in another format.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::export::Format;
use crate::graph::GovGraph;

/// Write a built graph in another format.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  govgraph export --format dot -o out\n  govgraph export --graph graphs/graph.json --format json -o /tmp/g"
)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(short, long, value_name = "F")]
    pub format: String,
    /// The graph to read.
    #[arg(long, value_name = "FILE", default_value = "graphs/graph.json")]
    pub graph: PathBuf,
    /// The folder to write into.
    #[arg(short, long, value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = Format::parse(&args.format)?;
    let text = std::fs::read_to_string(&args.graph)
        .with_context(|| format!("reading {}", args.graph.display()))?;
    let graph =
        GovGraph::from_json(&text).with_context(|| format!("reading {}", args.graph.display()))?;
    for path in crate::export::write(&graph, format, &args.output, &Default::default())? {
        eprintln!("govgraph: wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
