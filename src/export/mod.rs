//! Writing a graph in the formats other tools read.
//!
//! Exporters know nothing of extraction: they read a [`GovGraph`] and write
//! bytes. Each writes its own format by hand, in sorted id order, so the same
//! graph always gives byte-identical files; and each escapes every text it
//! writes for its own format.

mod dot;

use std::path::{Path, PathBuf};

use crate::graph::GovGraph;

/// The formats govgraph writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// graph.json, the node-link file of SPEC.md.
    Json,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    pub const ALL: &'static [Format] = &[Format::Json, Format::Dot];

    /// Parses a format name as the command line takes it.
    pub fn parse(name: &str) -> Result<Format, ExportError> {
        match name {
            "json" | "node-link" => Ok(Format::Json),
            "dot" => Ok(Format::Dot),
            other => Err(ExportError::UnknownFormat(other.to_string())),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
        }
    }
}

/// Choices that shape an export.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {}

/// One file an export produces: its name inside the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown format {0:?} (known: json, node-link, dot)")]
    UnknownFormat(String),
    #[error("writing {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The files `format` makes of `graph`.
pub fn render(
    graph: &GovGraph,
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<OutputFile>, ExportError> {
    let _ = opts;
    Ok(match format {
        Format::Json => vec![OutputFile {
            name: "graph.json".into(),
            bytes: graph.to_json().into_bytes(),
        }],
        Format::Dot => vec![OutputFile {
            name: "graph.dot".into(),
            bytes: dot::to_dot(graph).into_bytes(),
        }],
    })
}

/// Renders `format` and writes its files atomically into `dir`.
pub fn write(
    graph: &GovGraph,
    format: Format,
    dir: &Path,
    opts: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for file in render(graph, format, opts)? {
        let path = dir.join(&file.name);
        crate::output::write_atomic(&path, &file.bytes).map_err(|source| ExportError::Io {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}
