//! `govgraph query`: questions against a built graph.

use std::process::ExitCode;

use clap::Args;

/// Ask a built graph a question.
#[derive(Debug, Args)]
pub struct QueryArgs {}

pub fn run(_args: QueryArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("query is being written")
}
