//! Nodes whose name or alias contains a text, or whose pinyin contains it
//! written in pinyin, whatever its case, spaces and tone marks.

use serde::Serialize;

use super::QueryError;
use super::render::Row;
use crate::graph::GovGraph;
use crate::pinyin;

/// A node found by `find`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// `name` when the name contains the text, else `pinyin` when the node's
    /// pinyin does (folded: `futian` is in `Futian District`), else `alias`.
    pub matched: String,
}

/// The nodes whose name or one of whose aliases contains `text`, or whose
/// pinyin contains `text` written in pinyin (compared folded: lowercase, without
/// spaces, apostrophes and tone marks, see [`crate::pinyin::fold`]), sorted by
/// kind, then id.
///
/// # Example
/// ```
/// use govgraph::graph::{GovGraph, Node, NodeKind};
/// use govgraph::query::find;
///
/// let mut g = GovGraph::new();
/// let mut futian = Node::new(NodeKind::District, "福田区");
/// futian.aliases.push("福田".into());
/// g.add_node(futian);
/// g.add_node(Node::new(NodeKind::Person, "郭亮"));
/// let found = find(&g, "福田").unwrap();
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].id, "district:福田区");
///
/// let mut luohu = Node::new(NodeKind::District, "罗湖区");
/// luohu.pinyin = Some("Luohu District".into());
/// g.add_node(luohu);
/// let found = find(&g, "luo hu").unwrap();
/// assert_eq!(found[0].id, "district:罗湖区");
/// assert_eq!(found[0].matched, "pinyin");
/// ```
pub fn find(g: &GovGraph, text: &str) -> Result<Vec<Found>, QueryError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(QueryError::BadArgument(
            "find needs a non-empty text".into(),
        ));
    }
    let key = pinyin::search_key(text);
    let mut out: Vec<Found> = g
        .petgraph()
        .node_weights()
        .filter_map(|n| {
            let matched = if n.name.contains(text) {
                "name"
            } else if let (Some(key), Some(p)) = (&key, &n.pinyin)
                && pinyin::fold(p).contains(key.as_str())
            {
                "pinyin"
            } else if n.aliases.iter().any(|a| a.contains(text)) {
                "alias"
            } else {
                return None;
            };
            Some(Found {
                id: n.id.clone(),
                kind: n.kind.to_string(),
                name: n.name.clone(),
                aliases: n.aliases.clone(),
                matched: matched.into(),
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.kind, &a.id).cmp(&(&b.kind, &b.id)));
    Ok(out)
}

impl Row for Found {
    fn headers(_evidence: bool) -> Vec<&'static str> {
        vec!["kind", "name", "aliases", "id"]
    }

    fn cells(&self, _evidence: bool) -> Vec<String> {
        vec![
            self.kind.clone(),
            self.name.clone(),
            self.aliases.join("、"),
            self.id.clone(),
        ]
    }
}
