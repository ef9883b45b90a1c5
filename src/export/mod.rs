//! Writing a graph in the formats other tools read.
//!
//! Exporters know nothing of extraction: they read a [`GovGraph`] and write
//! bytes, in sorted id order, so the same graph always gives byte-identical
//! files; and each escapes every text it writes for its own format (see
//! [`escape`]). GraphML and GEXF are written by quick-xml's Writer, the Neo4j
//! CSVs by the `csv` crate's, so quoting, escaping and nesting are the
//! libraries'. A [`Filter`] can first cut a readable picture out of a large
//! graph.

mod cytoscape;
mod dot;
pub mod escape;
mod filter;
mod gexf;
mod graphml;
mod html;
mod jsonld;
mod neo4j;
mod xml;

use std::path::{Path, PathBuf};

use crate::graph::{GovGraph, NodeKind};

pub use dot::Layout;
pub use filter::{Filter, FilterError};

/// The formats govgraph writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// graph.json, the node-link file of SPEC.md (also called `node-link`).
    Json,
    /// Graphviz DOT.
    Dot,
    /// GraphML with typed keys (yEd, Gephi, networkx).
    Graphml,
    /// GEXF 1.3 with attributes, colours and time (Gephi).
    Gexf,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// neo4j-admin import CSVs plus a LOAD CSV script.
    Neo4j,
    /// schema.org JSON-LD.
    Jsonld,
    /// One self-contained interactive HTML page.
    Html,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Json,
        Format::Dot,
        Format::Graphml,
        Format::Gexf,
        Format::Cytoscape,
        Format::Neo4j,
        Format::Jsonld,
        Format::Html,
    ];

    /// Parses a format name as the command line takes it.
    pub fn parse(name: &str) -> Result<Format, ExportError> {
        match name {
            "json" | "node-link" => Ok(Format::Json),
            "dot" | "graphviz" => Ok(Format::Dot),
            "graphml" => Ok(Format::Graphml),
            "gexf" => Ok(Format::Gexf),
            "cytoscape" | "cyjs" => Ok(Format::Cytoscape),
            "neo4j" => Ok(Format::Neo4j),
            "jsonld" | "json-ld" => Ok(Format::Jsonld),
            "html" => Ok(Format::Html),
            other => Err(ExportError::UnknownFormat(other.to_string())),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Cytoscape => "cytoscape",
            Format::Neo4j => "neo4j",
            Format::Jsonld => "jsonld",
            Format::Html => "html",
        }
    }

    /// The name of the file a single-file format writes into a folder.
    pub fn file_name(self) -> Option<&'static str> {
        match self {
            Format::Json => Some("graph.json"),
            Format::Dot => Some("graph.dot"),
            Format::Graphml => Some("graph.graphml"),
            Format::Gexf => Some("graph.gexf"),
            Format::Cytoscape => Some("graph.cytoscape.json"),
            Format::Neo4j => None,
            Format::Jsonld => Some("graph.jsonld"),
            Format::Html => Some("graph.html"),
        }
    }

    /// File name endings that make `-o PATH` a file rather than a folder.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Json => &[".json"],
            Format::Dot => &[".dot", ".gv"],
            Format::Graphml => &[".graphml"],
            Format::Gexf => &[".gexf"],
            Format::Cytoscape => &[".json", ".cyjs"],
            Format::Neo4j => &[],
            Format::Jsonld => &[".jsonld", ".json"],
            Format::Html => &[".html", ".htm"],
        }
    }
}

/// Choices that shape an export. The default exports the whole graph.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Which part of the graph to export.
    pub filter: Filter,
    /// Layout hints for DOT.
    pub layout: Layout,
}

/// One file an export produces: its name inside the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "unknown format {0:?} (known: json, node-link, dot, graphml, gexf, cytoscape, neo4j, jsonld, html)"
    )]
    UnknownFormat(String),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("writing {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The files `format` makes of `graph`, after `opts.filter`.
///
/// # Example
/// ```
/// use govgraph::export::{render, ExportOptions, Format};
/// use govgraph::graph::{GovGraph, Node, NodeKind};
///
/// let mut g = GovGraph::new();
/// g.add_node(Node::new(NodeKind::Person, "郭亮"));
/// let files = render(&g, Format::Graphml, &ExportOptions::default()).unwrap();
/// assert_eq!(files[0].name, "graph.graphml");
/// assert!(String::from_utf8_lossy(&files[0].bytes).contains("郭亮"));
/// ```
pub fn render(
    graph: &GovGraph,
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<OutputFile>, ExportError> {
    let whole = graph;
    let filtered;
    let graph = if opts.filter.is_empty() {
        graph
    } else {
        filtered = opts.filter.apply(graph)?;
        &filtered
    };
    let name = format.file_name().unwrap_or("graph");
    let one = |bytes: Vec<u8>| {
        vec![OutputFile {
            name: name.to_string(),
            bytes,
        }]
    };
    // The XML and CSV writers write into memory, which does not fail; were one
    // to fail all the same, the error names the file it was making.
    let written = |name: &str, source: std::io::Error| ExportError::Io {
        path: PathBuf::from(name),
        source,
    };
    // Pictures draw the facts: a document node has no edge (evidence names it),
    // so it would stand alone in the drawing. The HTML view cites the documents
    // of the whole graph, which a filter may have cut.
    let facts = || graph.filter_nodes(|n| n.kind != NodeKind::Document);
    Ok(match format {
        Format::Json => one(graph.to_json().into_bytes()),
        Format::Dot => one(dot::to_dot_with(&facts(), opts.layout).into_bytes()),
        Format::Graphml => one(graphml::to_graphml(graph).map_err(|e| written(name, e))?),
        Format::Gexf => one(gexf::to_gexf(graph).map_err(|e| written(name, e))?),
        Format::Cytoscape => one(cytoscape::to_cytoscape(graph).into_bytes()),
        Format::Jsonld => one(jsonld::to_jsonld(graph).into_bytes()),
        Format::Html => one(html::to_html(graph, whole).into_bytes()),
        Format::Neo4j => neo4j::to_neo4j(graph)?,
    })
}

/// Renders `format` and writes its files atomically into the folder `dir`.
///
/// graph.json gets its query sidecar, graph.json.idx, written beside it
/// ([`crate::graph::sidecar`]); it is among the paths returned.
pub fn write(
    graph: &GovGraph,
    format: Format,
    dir: &Path,
    opts: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for file in render(graph, format, opts)? {
        let path = dir.join(&file.name);
        write_file(&path, &file.bytes)?;
        let sidecar = match format {
            Format::Json => write_sidecar(&path, graph, opts, &file.bytes)?,
            _ => None,
        };
        written.push(path);
        written.extend(sidecar);
    }
    Ok(written)
}

/// Where `-o PATH` sends a format: the file itself when PATH ends in one of the
/// format's extensions (single-file formats only) and is not an existing folder,
/// else a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    Folder(PathBuf),
}

impl Target {
    /// # Example
    /// ```
    /// use std::path::{Path, PathBuf};
    /// use govgraph::export::{Format, Target};
    ///
    /// let file = Target::for_path(Format::Html, Path::new("out/futian.html"));
    /// assert_eq!(file, Target::File(PathBuf::from("out/futian.html")));
    /// let folder = Target::for_path(Format::Neo4j, Path::new("out/neo4j"));
    /// assert_eq!(folder, Target::Folder(PathBuf::from("out/neo4j")));
    /// ```
    pub fn for_path(format: Format, path: &Path) -> Target {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let is_file = format.extensions().iter().any(|ext| name.ends_with(ext));
        if is_file && format.file_name().is_some() && !path.is_dir() {
            Target::File(path.to_path_buf())
        } else {
            Target::Folder(path.to_path_buf())
        }
    }
}

/// Renders `format` and writes it to `target`, atomically; returns the paths written.
///
/// # Example
/// ```
/// use govgraph::export::{write_to, ExportOptions, Format, Target};
/// use govgraph::graph::{GovGraph, Node, NodeKind};
///
/// let mut g = GovGraph::new();
/// g.add_node(Node::new(NodeKind::Person, "郭亮"));
/// let dir = std::env::temp_dir().join(format!("govgraph-doc-{}", std::process::id()));
/// let written = write_to(&g, Format::Neo4j, &Target::Folder(dir.clone()), &ExportOptions::default()).unwrap();
/// assert_eq!(written.len(), 3); // load.cypher, nodes.csv, relationships.csv
/// std::fs::remove_dir_all(dir).unwrap();
/// ```
pub fn write_to(
    graph: &GovGraph,
    format: Format,
    target: &Target,
    opts: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    match target {
        Target::Folder(dir) => write(graph, format, dir, opts),
        Target::File(path) => {
            let mut written = Vec::new();
            for file in render(graph, format, opts)? {
                write_file(path, &file.bytes)?;
                written.push(path.clone());
                if format == Format::Json {
                    written.extend(write_sidecar(path, graph, opts, &file.bytes)?);
                }
            }
            Ok(written)
        }
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::output::write_atomic(path, bytes).map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes the query sidecar of the graph.json just written at `path` (or
/// removes a stale one when these bytes cannot have one).
fn write_sidecar(
    path: &Path,
    graph: &GovGraph,
    opts: &ExportOptions,
    json: &[u8],
) -> Result<Option<PathBuf>, ExportError> {
    // The whole graph was written: its sidecar comes from memory; a filtered
    // part is read back from its bytes.
    let written = if opts.filter.is_empty() {
        crate::graph::sidecar::write_beside_graph(path, graph, json)
    } else {
        crate::graph::sidecar::write_beside(path, json)
    };
    written.map_err(|source| ExportError::Io {
        path: crate::graph::sidecar::path_for(path),
        source,
    })
}

/// Evidence as readable text: one `doc:start-end sentence` a line.
pub(crate) fn evidence_text(evidence: &[crate::graph::Evidence]) -> String {
    evidence
        .iter()
        .map(|e| format!("{}:{}-{} {}", e.doc, e.start, e.end, e.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A short label for an edge: the post for holds_post (`代区长` for an acting
/// holder of 区长), the change and the post for a personnel fact (`辞去区长`),
/// the relation otherwise; and the day where there is one.
pub(crate) fn edge_label(edge: &crate::graph::Edge) -> String {
    let verb = match (&edge.change, edge.relation.is_personnel()) {
        (Some(c), true) => dot::change_verb(c),
        _ => "",
    };
    let title = edge
        .title
        .as_ref()
        .map(|t| format!("{verb}{}", acting_title(edge, t)));
    match (title, &edge.date) {
        (Some(t), Some(d)) => format!("{t} {d}"),
        (Some(t), None) => t,
        (None, Some(d)) => format!("{} {d}", edge.relation),
        (None, None) => edge.relation.to_string(),
    }
}

/// The post as shown: `代` before the title of an acting holds_post (代区长).
pub(crate) fn acting_title(edge: &crate::graph::Edge, title: &str) -> String {
    if edge.acting && edge.relation == crate::graph::Relation::HoldsPost {
        format!("代{title}")
    } else {
        title.to_string()
    }
}

/// The span of a holds_post edge: from `start` (a personnel fact) or else
/// `first_seen`, to `end` or else `last_seen`. Either side may be unknown. When
/// the two sides come out of order (the post seen held only before the decision
/// that started it) the span is every day known of the edge, first to last, so
/// it is never inverted.
pub(crate) fn tenure(edge: &crate::graph::Edge) -> (Option<&str>, Option<&str>) {
    let from = edge.start.as_deref().or(edge.first_seen.as_deref());
    let to = edge.end.as_deref().or(edge.last_seen.as_deref());
    match (from, to) {
        (Some(a), Some(b)) if a > b => {
            let days = [&edge.start, &edge.end, &edge.first_seen, &edge.last_seen];
            let days = days.into_iter().flatten().map(String::as_str);
            (days.clone().min(), days.max())
        }
        span => span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_parses_its_own_name() {
        for &f in Format::ALL {
            assert_eq!(Format::parse(f.name()).unwrap(), f);
        }
        assert_eq!(Format::parse("node-link").unwrap(), Format::Json);
        assert!(Format::parse("pdf").is_err());
    }

    #[test]
    fn a_tenure_runs_from_its_start_or_first_sighting_and_is_never_inverted() {
        use crate::graph::{Edge, Relation};
        let mut e = Edge::new("person:甲某某", "district:南山区", Relation::HoldsPost);
        e.first_seen = Some("2024-05-10".into());
        e.last_seen = Some("2024-06-01".into());
        assert_eq!(tenure(&e), (Some("2024-05-10"), Some("2024-06-01")));
        e.start = Some("2024-03-01".into());
        assert_eq!(tenure(&e), (Some("2024-03-01"), Some("2024-06-01")));
        // Seen held only before the decision that started it: every day known.
        e.start = Some("2024-09-01".into());
        assert_eq!(tenure(&e), (Some("2024-05-10"), Some("2024-09-01")));
        // A start and nothing after it: open.
        let mut open = Edge::new("person:甲某某", "district:南山区", Relation::HoldsPost);
        open.start = Some("2024-03-01".into());
        assert_eq!(tenure(&open), (Some("2024-03-01"), None));
        open.acting = true;
        open.title = Some("区长".into());
        assert_eq!(edge_label(&open), "代区长");
    }

    #[test]
    fn output_path_is_a_file_only_with_the_format_extension() {
        let p = Path::new("out/g.graphml");
        assert_eq!(Target::for_path(Format::Graphml, p), Target::File(p.into()));
        assert_eq!(Target::for_path(Format::Gexf, p), Target::Folder(p.into()));
        let csv = Path::new("out/x.json");
        assert_eq!(
            Target::for_path(Format::Neo4j, csv),
            Target::Folder(csv.into())
        );
    }
}
