//! The knowledge graph: typed nodes and edges over petgraph, with an id index.
//!
//! This module knows nothing of Chinese text or of how facts were found. It only
//! guarantees two things every consumer relies on: one node per id (adding a node
//! or edge twice merges it, evidence and all), and a deterministic order (nodes by
//! id, edges by key) whatever order facts were added in, so that the same input
//! always gives byte-identical output.

mod json;
pub mod sidecar;

pub use json::{FORMAT, GraphFile, LoadError};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    Person,
    District,
    Event,
    Project,
    Organization,
    Place,
    Document,
}

impl NodeKind {
    pub const ALL: [NodeKind; 7] = [
        NodeKind::Person,
        NodeKind::District,
        NodeKind::Event,
        NodeKind::Project,
        NodeKind::Organization,
        NodeKind::Place,
        NodeKind::Document,
    ];

    /// The lowercase name used in ids and in graph.json.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::District => "district",
            NodeKind::Event => "event",
            NodeKind::Project => "project",
            NodeKind::Organization => "organization",
            NodeKind::Place => "place",
            NodeKind::Document => "document",
        }
    }

    pub fn parse(s: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of fact an edge states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// person -> district, with `title`, `first_seen`, `last_seen`.
    HoldsPost,
    /// person -> event, with `date`.
    Chaired,
    /// person -> event, with `date`.
    Attended,
    /// event -> district.
    HeldIn,
    /// project or place -> district.
    LocatedIn,
    /// event -> project.
    Concerns,
    /// event -> organization taking part in it.
    Involves,
    /// person -> district: a personnel fact that starts a post (任命, 当选,
    /// 提名, 代理), with `title`, `date`, `change` and `body`.
    Appointed,
    /// person -> district: a personnel fact that ends a post (免去, 辞去,
    /// 调任), with `title`, `date`, `change` and `body`.
    Removed,
}

impl Relation {
    pub const ALL: [Relation; 9] = [
        Relation::HoldsPost,
        Relation::Chaired,
        Relation::Attended,
        Relation::HeldIn,
        Relation::LocatedIn,
        Relation::Concerns,
        Relation::Involves,
        Relation::Appointed,
        Relation::Removed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::HoldsPost => "holds_post",
            Relation::Chaired => "chaired",
            Relation::Attended => "attended",
            Relation::HeldIn => "held_in",
            Relation::LocatedIn => "located_in",
            Relation::Concerns => "concerns",
            Relation::Involves => "involves",
            Relation::Appointed => "appointed",
            Relation::Removed => "removed",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Chaired and attended: a person taking part in an event.
    pub fn is_participation(self) -> bool {
        matches!(self, Relation::Chaired | Relation::Attended)
    }

    /// Appointed and removed: a personnel fact about a post.
    pub fn is_personnel(self) -> bool {
        matches!(self, Relation::Appointed | Relation::Removed)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a fact was read: a span of a document's normalised text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The document's name (its path relative to the input folder). Shared:
    /// every fact of a document holds the same one.
    pub doc: Arc<str>,
    /// Character offsets (Unicode scalar values) into the normalised text.
    pub start: usize,
    pub end: usize,
    /// The sentence the fact came from. Shared by every fact of the sentence
    /// (and of the same sentence in other documents), so evidence costs one
    /// copy of the text however many facts it supports.
    pub text: Arc<str>,
}

/// A node: one real entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    pub name: String,
    /// Other names the same entity goes by (short forms, forms as written).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// For events: the first day (ISO 8601). For documents: the day of
    /// publication, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// For events spanning several days: the last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// For documents: the article's title, where known (`name` is the title,
    /// else the file name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For documents: the article's address, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// For documents: the outlet that published the article, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// For documents: the file the article was read from, named as the input
    /// names it (a JSON-lines or CSV file holds many articles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// For people who are not district officials: the roles the sources give them
    /// (编辑, 市委社会工作部部长, 院士 ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// For districts: the prefecture-level city (杭州市; 北京市 for a
    /// municipality's district), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// For districts: the province (浙江省), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// For districts: the GB/T 2260 code (330109), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// For people and districts: the name in pinyin (`Huang Wei`, `Futian
    /// District`), also listed in `aliases`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinyin: Option<String>,
    /// For districts: true when several divisions have the name and the
    /// sources do not say which one is meant.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// For projects: the first and last days a source mentions it (ISO 8601):
    /// the day its sentence is about, else the document's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// For projects: the stages sources give it (签约, 开工, 封顶, 竣工, 投产,
    /// 启用), each with its day where known, sorted by day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageSeen>,
    /// Where the entity itself was read (events, projects).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// A stage of a project as one source gives it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StageSeen {
    /// The day (ISO 8601), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The stage: 签约, 开工, 封顶, 竣工, 投产 or 启用.
    pub stage: String,
    /// The document that gives it.
    pub doc: String,
}

impl Node {
    /// A node of `kind` named `name`, with the id `kind:name`.
    pub fn new(kind: NodeKind, name: impl Into<String>) -> Node {
        let name = name.into();
        Node {
            id: format!("{}:{}", kind, name),
            kind,
            name,
            aliases: Vec::new(),
            date: None,
            end_date: None,
            title: None,
            url: None,
            source: None,
            file: None,
            roles: Vec::new(),
            city: None,
            province: None,
            code: None,
            pinyin: None,
            ambiguous: false,
            first_seen: None,
            last_seen: None,
            stages: Vec::new(),
            evidence: Vec::new(),
        }
    }

    /// Folds another description of the same entity into this one.
    fn merge(&mut self, other: Node) {
        for alias in other.aliases {
            push_unique(&mut self.aliases, alias);
        }
        for role in other.roles {
            push_unique(&mut self.roles, role);
        }
        // Evidence and stages grow with every mention: appended here, sorted
        // once by `GovGraph::normalize`, so merging stays linear.
        self.evidence.extend(other.evidence);
        if self.date.is_none() {
            self.date = other.date;
        }
        if self.end_date.is_none() {
            self.end_date = other.end_date;
        }
        if self.title.is_none() {
            self.title = other.title;
        }
        if self.url.is_none() {
            self.url = other.url;
        }
        if self.source.is_none() {
            self.source = other.source;
        }
        if self.file.is_none() {
            self.file = other.file;
        }
        if self.city.is_none() {
            self.city = other.city;
        }
        if self.province.is_none() {
            self.province = other.province;
        }
        if self.code.is_none() {
            self.code = other.code;
        }
        if self.pinyin.is_none() {
            self.pinyin = other.pinyin;
        }
        self.ambiguous = self.ambiguous && other.ambiguous;
        self.first_seen = min_some(self.first_seen.take(), other.first_seen);
        self.last_seen = max_some(self.last_seen.take(), other.last_seen);
        self.stages.extend(other.stages);
        self.aliases.retain(|a| a != &self.name);
        self.aliases.sort();
        self.roles.sort();
    }

    fn normalize(&mut self) {
        self.aliases.retain(|a| a != &self.name);
        self.aliases.sort();
        self.aliases.dedup();
        self.roles.sort();
        self.roles.dedup();
        self.evidence.sort();
        self.evidence.dedup();
        self.stages.sort();
        self.stages.dedup();
    }

    /// True when `text` is the node's name or one of its aliases.
    pub fn is_named(&self, text: &str) -> bool {
        self.name == text || self.aliases.iter().any(|a| a == text)
    }
}

/// The earlier of two optional ISO days.
fn min_some(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The later of two optional ISO days.
fn max_some(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// An edge: one fact linking two nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub relation: Relation,
    /// For holds_post, appointed and removed: the post as written without the
    /// district (区委书记, 区长 ...). For chaired and attended: the post the
    /// sentence names for the person, where it names one (not part of the
    /// fact's identity: the first source naming one gives it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For chaired/attended: the day of the event (its first day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// For holds_post: the earliest and latest days a source shows the post held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// For holds_post: the day a personnel fact starts the tenure (任命, 当选,
    /// 代理), the earliest where several do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// For holds_post: the day a personnel fact ends it (免去, 辞去, 调任), the
    /// latest where several do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// For holds_post: true when every source shows the holder acting (代区长
    /// holds the 区长 post, acting).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub acting: bool,
    /// For appointed and removed: the kind of change, one of `appointed`,
    /// `elected`, `nominated`, `acting`, `removed`, `resigned`, `transferred`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// For appointed and removed: the deciding body, where named (区人大常委会).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl Edge {
    pub fn new(source: impl Into<String>, target: impl Into<String>, relation: Relation) -> Edge {
        Edge {
            source: source.into(),
            target: target.into(),
            relation,
            title: None,
            date: None,
            first_seen: None,
            last_seen: None,
            start: None,
            end: None,
            acting: false,
            change: None,
            body: None,
            evidence: Vec::new(),
        }
    }

    /// What makes two edges the same fact: endpoints, relation, title, date
    /// and (for personnel facts) the kind of change.
    pub fn key(&self) -> EdgeKey {
        EdgeKey {
            source: self.source.clone(),
            target: self.target.clone(),
            relation: self.relation,
            title: (!self.relation.is_participation())
                .then(|| self.title.clone())
                .flatten(),
            date: self.date.clone(),
            change: self.change.clone(),
        }
    }

    /// For holds_post: the first day the post is shown held: its `start`, or
    /// its `first_seen` when earlier or when there is no start.
    pub fn tenure_from(&self) -> Option<&str> {
        match (self.start.as_deref(), self.first_seen.as_deref()) {
            (Some(s), Some(f)) => Some(s.min(f)),
            (s, f) => s.or(f),
        }
    }

    /// For holds_post: the last day: its `end`, else its `last_seen`.
    pub fn tenure_to(&self) -> Option<&str> {
        self.end.as_deref().or(self.last_seen.as_deref())
    }

    /// For holds_post: true when a `start` has no `end`, a tenure that runs on.
    pub fn tenure_open(&self) -> bool {
        self.start.is_some() && self.end.is_none()
    }

    fn merge(&mut self, other: Edge) {
        self.first_seen = min_opt(self.first_seen.take(), other.first_seen);
        self.last_seen = max_opt(self.last_seen.take(), other.last_seen);
        self.start = min_opt(self.start.take(), other.start);
        self.end = max_opt(self.end.take(), other.end);
        self.acting = self.acting && other.acting;
        // The body (or a participation's post) named first wins; a later source
        // naming none takes nothing away.
        if self.body.is_none() {
            self.body = other.body;
        }
        if self.title.is_none() {
            self.title = other.title;
        }
        self.evidence.extend(other.evidence);
    }
}

/// The identity of an edge; edges sort by it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EdgeKey {
    pub source: String,
    pub target: String,
    pub relation: Relation,
    pub title: Option<String>,
    pub date: Option<String>,
    pub change: Option<String>,
}

/// The graph: petgraph underneath, an id index on top.
#[derive(Debug, Clone, Default)]
pub struct GovGraph {
    graph: StableDiGraph<Node, Edge>,
    by_id: HashMap<String, NodeIndex>,
    /// Every edge by its key; left empty by `sidecar::load` (questions never
    /// add edges) and filled by the first `add_edge`.
    by_key: HashMap<EdgeKey, EdgeIndex>,
}

impl GovGraph {
    pub fn new() -> GovGraph {
        GovGraph::default()
    }

    /// Adds a node, or merges it into the node that already has its id.
    pub fn add_node(&mut self, mut node: Node) -> NodeIndex {
        if let Some(&ix) = self.by_id.get(&node.id) {
            self.graph[ix].merge(node);
            ix
        } else {
            node.normalize();
            let id = node.id.clone();
            let ix = self.graph.add_node(node);
            self.by_id.insert(id, ix);
            ix
        }
    }

    /// Adds an edge, or merges it into the same fact already stated.
    ///
    /// Returns `None` when either endpoint is not in the graph: an edge to nowhere
    /// is a bug in the caller, never something to write out.
    pub fn add_edge(&mut self, mut edge: Edge) -> Option<EdgeIndex> {
        let a = *self.by_id.get(&edge.source)?;
        let b = *self.by_id.get(&edge.target)?;
        if self.by_key.len() != self.graph.edge_count() {
            self.by_key = (self.graph.edge_indices())
                .map(|ix| (self.graph[ix].key(), ix))
                .collect();
        }
        let key = edge.key();
        if let Some(&ix) = self.by_key.get(&key) {
            self.graph[ix].merge(edge);
            Some(ix)
        } else {
            edge.evidence.sort();
            edge.evidence.dedup();
            let ix = self.graph.add_edge(a, b, edge);
            self.by_key.insert(key, ix);
            Some(ix)
        }
    }

    /// Sorts and deduplicates what merging appended (evidence, stages): once,
    /// after the last merge, in O(E log E) for E pieces of evidence. The
    /// graph's lists are in SPEC order after it; `resolve` calls it.
    pub fn normalize(&mut self) {
        for node in self.graph.node_weights_mut() {
            node.normalize();
        }
        for edge in self.graph.edge_weights_mut() {
            edge.evidence.sort();
            edge.evidence.dedup();
        }
    }

    /// The document node an evidence's `doc` names (`document:DOC`), if the
    /// graph has one.
    pub fn document(&self, doc: &str) -> Option<&Node> {
        self.node(&format!("{}:{doc}", NodeKind::Document))
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.by_id.get(id).map(|&ix| &self.graph[ix])
    }

    /// The petgraph index of the node with this id.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// The node at a petgraph index.
    pub fn node_at(&self, ix: NodeIndex) -> &Node {
        &self.graph[ix]
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// All nodes, sorted by id.
    pub fn nodes(&self) -> Vec<&Node> {
        let mut nodes: Vec<&Node> = self.graph.node_weights().collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        nodes
    }

    /// All edges, sorted by key.
    pub fn edges(&self) -> Vec<&Edge> {
        let mut edges: Vec<&Edge> = self.graph.edge_weights().collect();
        edges.sort_by_key(|e| e.key());
        edges
    }

    /// Edges leaving the node `id`, sorted by key.
    pub fn out_edges(&self, id: &str) -> Vec<&Edge> {
        self.edges_dir(id, petgraph::Direction::Outgoing)
    }

    /// Edges arriving at the node `id`, sorted by key.
    pub fn in_edges(&self, id: &str) -> Vec<&Edge> {
        self.edges_dir(id, petgraph::Direction::Incoming)
    }

    fn edges_dir(&self, id: &str, dir: petgraph::Direction) -> Vec<&Edge> {
        let Some(&ix) = self.by_id.get(id) else {
            return Vec::new();
        };
        let mut edges: Vec<&Edge> = self
            .graph
            .edges_directed(ix, dir)
            .map(|e| e.weight())
            .collect();
        edges.sort_by_key(|e| e.key());
        edges
    }

    /// The underlying petgraph graph, for algorithms (paths, centrality ...).
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.graph
    }

    /// A new graph holding only the nodes `keep` accepts and the edges between them.
    pub fn filter_nodes(&self, keep: impl Fn(&Node) -> bool) -> GovGraph {
        let mut out = GovGraph::new();
        for node in self.nodes() {
            if keep(node) {
                out.add_node(node.clone());
            }
        }
        for edge in self.edges() {
            if out.by_id.contains_key(&edge.source) && out.by_id.contains_key(&edge.target) {
                out.add_edge(edge.clone());
            }
        }
        out
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, item: T) {
    if !v.contains(&item) {
        v.push(item);
    }
}

fn min_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_a_node_twice_merges_it() {
        let mut g = GovGraph::new();
        let mut a = Node::new(NodeKind::District, "福田区");
        a.aliases.push("福田".into());
        g.add_node(a);
        let mut b = Node::new(NodeKind::District, "福田区");
        b.aliases.push("福田".into());
        b.aliases.push("福田区".into());
        g.add_node(b);
        assert_eq!(g.node_count(), 1);
        assert_eq!(g.node("district:福田区").unwrap().aliases, vec!["福田"]);
    }

    #[test]
    fn merging_keeps_the_first_pinyin() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "黄伟"));
        let mut b = Node::new(NodeKind::Person, "黄伟");
        b.pinyin = Some("Huang Wei".into());
        g.add_node(b);
        let mut c = Node::new(NodeKind::Person, "黄伟");
        c.pinyin = Some("other".into());
        g.add_node(c);
        assert_eq!(
            g.node("person:黄伟").unwrap().pinyin.as_deref(),
            Some("Huang Wei")
        );
    }

    #[test]
    fn holds_post_keeps_first_and_last_seen() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "甲乙"));
        g.add_node(Node::new(NodeKind::District, "福田区"));
        for day in ["2024-12-12", "2024-04-23", "2024-06-01"] {
            let mut e = Edge::new("person:甲乙", "district:福田区", Relation::HoldsPost);
            e.title = Some("区委书记".into());
            e.first_seen = Some(day.into());
            e.last_seen = Some(day.into());
            g.add_edge(e);
        }
        let edges = g.edges();
        assert_eq!(edges.len(), 1);
        assert_eq!(edges[0].first_seen.as_deref(), Some("2024-04-23"));
        assert_eq!(edges[0].last_seen.as_deref(), Some("2024-12-12"));
    }

    #[test]
    fn an_edge_to_a_missing_node_is_refused() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "甲乙"));
        let e = Edge::new("person:甲乙", "district:nowhere", Relation::HoldsPost);
        assert!(g.add_edge(e).is_none());
        assert_eq!(g.edge_count(), 0);
    }
}
