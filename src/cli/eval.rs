//! `govgraph eval`: extraction measured against gold annotations.

use std::process::ExitCode;

use clap::Args;

/// Measure extraction against gold annotations.
#[derive(Debug, Args)]
pub struct EvalArgs {}

pub fn run(_args: EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("eval is being written")
}
