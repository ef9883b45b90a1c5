//! `govgraph build`: articles in, graph files out.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::export::Format;
use crate::pipeline::Pipeline;
use crate::rules::Rules;

/// Build the graph of the articles under INPUT... and write it to DIR.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  govgraph build seeds -o graphs\n  govgraph build article.html more/ -o out --formats json,dot,graphml\n  govgraph build seeds --dict my-names.txt\n  govgraph build seeds -o out --threads 1"
)]
pub struct BuildArgs {
    /// Files or folders to read (folders recursively: .txt, .md, .html).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The folder to write graph.json (with its query sidecar graph.json.idx)
    /// and graph.dot into.
    #[arg(short, long, value_name = "DIR", default_value = "graphs")]
    pub output: PathBuf,
    /// The formats to write, comma-separated (json, dot, and any format `export` knows).
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "json,dot"
    )]
    pub formats: Vec<String>,
    /// A user dictionary of people, titles, districts, organisations and projects
    /// (repeatable; format in README.md).
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// The year of dates written without one, for articles that give no year
    /// anywhere (no dateline, no front-matter date, no full date): 12月11日
    /// is then YEAR-12-11. Without it such dates stay undated.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2100))]
    pub year: Option<i32>,
    /// Threads to read articles on, up to 256 (default, or 0: one per core).
    /// The graph is the same for any number.
    #[arg(long, value_name = "N", default_value_t = 0, hide_default_value = true,
          value_parser = clap::value_parser!(u16).range(0..=256))]
    pub threads: u16,
}

pub fn run(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let formats = args
        .formats
        .iter()
        .map(|f| Format::parse(f.trim()))
        .collect::<Result<Vec<_>, _>>()?;
    let rules = Rules::load(&args.dicts)?;
    let entries = crate::read::list_inputs(&args.inputs)?;
    if entries.is_empty() {
        anyhow::bail!("no articles (.txt, .md, .html) found in the inputs");
    }
    let pipeline = Pipeline::new(rules)
        .with_year(args.year)
        .with_threads(usize::from(args.threads));
    let listed = entries.len();
    let mut shown = 0;
    let built = pipeline.build_entries(&entries, |done| {
        // About every tenth of a long run.
        if !args.quiet && listed > 20 && done * 10 / listed > shown {
            shown = done * 10 / listed;
            eprintln!("govgraph: read {done}/{listed} articles");
        }
    })?;
    for warning in &built.warnings {
        eprintln!("govgraph: warning: {warning}");
    }
    if built.documents == 0 {
        anyhow::bail!("no articles (.txt, .md, .html) could be read in the inputs");
    }
    let graph = built.graph;
    let total = built.documents;
    let again = built.read_again;
    for format in formats {
        let written = crate::export::write(&graph, format, &args.output, &Default::default())
            .with_context(|| format!("writing {} into {}", format.name(), args.output.display()))?;
        if !args.quiet {
            for path in written {
                eprintln!("govgraph: wrote {}", path.display());
            }
        }
    }
    if !args.quiet {
        let articles = if total == 1 { "article" } else { "articles" };
        eprintln!(
            "govgraph: {total} {articles} ({again} read again for officials other articles introduced), {} nodes, {} edges",
            graph.node_count(),
            graph.edge_count()
        );
        let undated = graph
            .nodes()
            .iter()
            .filter(|n| n.kind == crate::graph::NodeKind::Event && n.date.is_none())
            .count();
        if undated > 0 {
            let (noun, verb) = if undated == 1 {
                ("event", "has")
            } else {
                ("events", "have")
            };
            eprintln!(
                "govgraph: {undated} {noun} {verb} no date: their articles give no day or year{}",
                if args.year.is_none() {
                    " (--year YEAR supplies a year)"
                } else {
                    ""
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
