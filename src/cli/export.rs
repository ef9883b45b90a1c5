//! `govgraph export`: a built graph in another format, whole or filtered.
//!
//! Single-file formats go to stdout unless `-o` is given, so they can be piped;
//! `-o` names the file when it ends in the format's extension, a folder otherwise
//! (neo4j always writes a folder). The graph read is `--graph`, else
//! `$GOVGRAPH_GRAPH`, else the one `.govgraph` names, else graphs/graph.json
//! ([`super::GraphLocation`]); `--from`/`--to` are checked before it is read.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::export::{ExportOptions, Filter, Format, Layout, Target};
use crate::graph::{GovGraph, NodeKind};

/// Write a built graph in another format.
///
/// Formats: json (alias node-link), dot, graphml, gexf, cytoscape, neo4j, jsonld, html.
/// Filters combine, applied in this order: --from/--to, --district, --around, --kind.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
govgraph export --format html -o graph.html\n  \
govgraph export --format dot --district 福田区 | dot -Tsvg > futian.svg\n  \
govgraph export --format gexf --from 2024-01-01 --to 2024-12-31 -o out/\n  \
govgraph export --format graphml --around 黄伟 --depth 2 -o huangwei.graphml\n  \
govgraph export --format neo4j -o neo4j/\n  \
govgraph export --format dot --layout sfdp | sfdp -Tsvg > all.svg\n  \
govgraph export --graph graphs/graph.json --format cytoscape --kind person,event\n\n\
Dates: a day (2024-12-11, 2024/12/11, 2024.12.11, 2024年12月11日), a month\n\
(2024-12, 2024/12, 2024年12月) or a year (2024, 2024年); full-width digits too.\n\
--from takes a month's or year's first day, --to its last.")]
pub struct ExportArgs {
    /// The format to write: json (node-link), dot, graphml, gexf, cytoscape, neo4j,
    /// jsonld or html.
    #[arg(short, long, value_name = "F")]
    pub format: String,
    /// The graph to read.
    #[arg(long, value_name = "FILE", help = super::GRAPH_HELP)]
    pub graph: Option<PathBuf>,
    /// Where to write: a file if PATH ends in the format's extension (.dot,
    /// .graphml, .gexf, .json, .cyjs, .jsonld, .html), else a folder that gets
    /// the default name (graph.graphml, graph.cytoscape.json ...; neo4j:
    /// nodes.csv, relationships.csv, load.cypher). Without it, single-file
    /// formats go to stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Keep only this district (name, alias or id): what is held or located in
    /// it, the people holding a post there, and the events they took part in.
    #[arg(long, value_name = "D")]
    pub district: Option<String>,
    /// Keep only nodes of these kinds (comma-separated or repeated):
    /// person, district, event, project, organization, place, document.
    #[arg(long = "kind", value_name = "K", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Keep events (and dated facts) on or after this date (a day, or a month's
    /// or year's first: 2024-12-11, 2024年12月, 2024).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Keep events (and dated facts) on or before this date (a day, or a
    /// month's or year's last: 2024-12-31, 2024-12, 2024年).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Keep only the neighbourhood of this node (name, alias or id).
    #[arg(long, value_name = "NAME")]
    pub around: Option<String>,
    /// With --around: how many edges away to go.
    #[arg(long, value_name = "K", requires = "around", default_value_t = 1)]
    pub depth: usize,
    /// DOT layout hints: auto (dot up to 2,000 nodes, sfdp above), dot, or sfdp.
    #[arg(long, value_name = "L", default_value = "auto")]
    pub layout: String,
}

impl ExportArgs {
    fn options(&self) -> anyhow::Result<ExportOptions> {
        let kinds = self
            .kinds
            .iter()
            .map(|k| {
                NodeKind::parse(k.trim()).with_context(|| {
                    format!(
                        "unknown kind {k:?} (known: person, district, event, project, organization, place, document)"
                    )
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let layout = Layout::parse(&self.layout).with_context(|| {
            format!("unknown layout {:?} (known: auto, dot, sfdp)", self.layout)
        })?;
        Ok(ExportOptions {
            filter: Filter {
                district: self.district.clone(),
                kinds,
                from: self.from.clone(),
                to: self.to.clone(),
                around: self.around.clone(),
                depth: self.around.as_ref().map(|_| self.depth),
            },
            layout,
        })
    }
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = Format::parse(&args.format)?;
    super::date_range(args.from.as_deref(), args.to.as_deref())?;
    let opts = args.options()?;
    // Before the graph is read: where -o points must be writable.
    let output = match &args.output {
        Some(path) => Some(prepare(format, path)?),
        None => None,
    };
    let location = super::GraphLocation::find(args.graph.as_deref())?;
    super::warn_if_mixed(&location.path);
    let read = || format!("reading {}{}", location.path.display(), location.origin());
    let text = std::fs::read_to_string(&location.path).with_context(read)?;
    let graph = GovGraph::from_json(&text).with_context(read)?;
    match output {
        Some((Target::File(path), out)) => {
            let written = crate::export::write_to(&graph, format, &Target::File(path), &opts)
                .with_context(|| format!("exporting {}", format.name()))?;
            out.keep();
            for path in &written {
                eprintln!("govgraph: wrote {}", path.display());
            }
            if let Some(file) = written.first() {
                warn_replaced(file)?;
            }
        }
        Some((Target::Folder(dir), out)) => {
            // The files of the format as a set: all of them replaced, or none.
            let mut staging = out.stage()?;
            staging
                .add_format(&graph, format, &opts)
                .with_context(|| format!("exporting {}", format.name()))?;
            let files = staging.files().to_vec();
            let written = staging.commit(None)?;
            for path in written {
                eprintln!("govgraph: wrote {}", path.display());
            }
            for name in crate::output::replaced_listed(&dir, &files) {
                eprintln!("{}", replaced_message(&dir, &name));
            }
        }
        None => {
            if format.file_name().is_none() {
                anyhow::bail!(
                    "{} writes several files: give a folder with -o, e.g. -o {}/",
                    format.name(),
                    format.name()
                );
            }
            let files = crate::export::render(&graph, format, &opts)
                .with_context(|| format!("exporting {}", format.name()))?;
            for file in files {
                super::print_out(&String::from_utf8_lossy(&file.bytes))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where `-o PATH` goes, and its folder, created if need be and proved
/// writable ([`crate::output::OutputDir::prepare`]): one clear line and exit
/// status 1 if it cannot be written.
fn prepare(
    format: Format,
    path: &std::path::Path,
) -> anyhow::Result<(Target, crate::output::OutputDir)> {
    use crate::output::OutputDir;
    let target = Target::for_path(format, path);
    let out = match &target {
        Target::Folder(dir) => OutputDir::prepare(dir)?,
        Target::File(file) => {
            let dir = file.parent().unwrap_or(std::path::Path::new(""));
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let sidecar = format!("{name}{}", crate::graph::sidecar::SUFFIX);
            OutputDir::prepare_for(dir, &[&name, &sidecar])?
        }
    };
    Ok((target, out))
}

/// Warns when the file just written at `path` replaced one of the files the
/// manifest of its folder lists, with other bytes (hashed only when listed).
fn warn_replaced(path: &std::path::Path) -> anyhow::Result<()> {
    use crate::output::{Manifest, file_hash};
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Ok(());
    };
    let Ok(Some(manifest)) = Manifest::read(dir) else {
        return Ok(());
    };
    if let Some(listed) = manifest.file(name) {
        let hash = file_hash(path).with_context(|| format!("reading {}", path.display()))?;
        if hash != listed.xxh3_128 {
            eprintln!("{}", replaced_message(dir, name));
        }
    }
    Ok(())
}

/// `govgraph: warning: out/graph.gexf replaced the one out/graph.manifest.json
/// lists: the folder no longer holds one build's files`.
fn replaced_message(dir: &std::path::Path, name: &str) -> String {
    format!(
        "govgraph: warning: {} replaced the one {} lists: the folder no longer holds one build's files",
        dir.join(name).display(),
        dir.join(crate::output::MANIFEST).display()
    )
}

#[cfg(test)]
mod tests {
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn filters_parse() {
        let cli = Cli::try_parse_from([
            "govgraph",
            "export",
            "--format",
            "gexf",
            "--kind",
            "person,event",
            "--around",
            "郭亮",
            "--depth",
            "2",
            "--from",
            "2024",
        ])
        .unwrap();
        let Command::Export(args) = cli.command else {
            panic!("not export");
        };
        let opts = args.options().unwrap();
        assert_eq!(opts.filter.kinds.len(), 2);
        assert_eq!(opts.filter.depth, Some(2));
        assert_eq!(args.output, None);
    }

    #[test]
    fn depth_needs_around() {
        assert!(Cli::try_parse_from(["govgraph", "export", "-f", "dot", "--depth", "2"]).is_err());
    }
}
