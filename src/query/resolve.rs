//! From a name as a user types it to one node.
//!
//! A name is tried, in order, as a node id (`person:郭亮`), as a node's exact
//! name, as one of its aliases (福田 → 福田区), as a person's or district's
//! pinyin whatever the case, spaces, apostrophes and tone marks (`huang wei`,
//! `HuangWei` and `Huáng Wěi` are `Huang Wei`, 黄伟), and as a substring of a
//! name or alias, or of the pinyin so folded (`futian` → `Futian District`).
//! The first step that matches exactly one node wins; a step that matches
//! several is an ambiguity, reported with the candidates rather than guessed, and
//! a name that matches nothing is reported with the closest names in the graph.
//! Resolution is one linear scan of the nodes: a few milliseconds on 100,000.

use std::collections::BTreeSet;

use petgraph::stable_graph::NodeIndex;

use super::{QueryError, kinds_word};
use crate::graph::{GovGraph, Node, NodeKind};
use crate::pinyin;

/// The node `name` designates, among the nodes of `kinds` (any kind when empty).
///
/// # Example
/// ```
/// use govgraph::graph::{GovGraph, Node, NodeKind};
/// use govgraph::query::resolve;
///
/// let mut g = GovGraph::new();
/// let mut futian = Node::new(NodeKind::District, "福田区");
/// futian.aliases.push("福田".into());
/// g.add_node(futian);
/// let ix = resolve(&g, "福田", &[NodeKind::District]).unwrap();
/// assert_eq!(g.node_at(ix).id, "district:福田区");
/// assert!(resolve(&g, "罗湖", &[NodeKind::District]).is_err());
///
/// // Pinyin, whatever the case and spacing.
/// let mut huang = Node::new(NodeKind::Person, "黄伟");
/// huang.pinyin = Some("Huang Wei".into());
/// huang.aliases.push("Huang Wei".into());
/// g.add_node(huang);
/// for name in ["huang wei", "HuangWei", "Huáng Wěi"] {
///     let ix = resolve(&g, name, &[NodeKind::Person]).unwrap();
///     assert_eq!(g.node_at(ix).id, "person:黄伟");
/// }
/// ```
pub fn resolve(g: &GovGraph, name: &str, kinds: &[NodeKind]) -> Result<NodeIndex, QueryError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(QueryError::BadArgument(format!(
            "an empty name cannot designate a {}",
            kinds_word(kinds)
        )));
    }
    if let Some(ix) = g.index_of(name)
        && (kinds.is_empty() || kinds.contains(&g.node_at(ix).kind))
    {
        return Ok(ix);
    }
    // A question about any node means the facts' nodes: a document (whose
    // title holds half the words of its facts) only by its id.
    let wanted = |n: &Node| {
        if kinds.is_empty() {
            n.kind != NodeKind::Document
        } else {
            kinds.contains(&n.kind)
        }
    };
    let pg = g.petgraph();
    // A name written in Latin letters may be pinyin: its folded key.
    let key = pinyin::search_key(name);
    let folded = |n: &Node| match (&key, &n.pinyin) {
        (Some(_), Some(p)) => Some(pinyin::fold(p)),
        _ => None,
    };
    let mut exact = Vec::new();
    let mut alias = Vec::new();
    let mut spelled = Vec::new();
    let mut partial = Vec::new();
    for ix in pg.node_indices() {
        let n = &pg[ix];
        if !wanted(n) {
            continue;
        }
        if n.name == name {
            exact.push(ix);
        } else if n.aliases.iter().any(|a| a == name) {
            alias.push(ix);
        } else if let (Some(key), Some(p)) = (&key, folded(n))
            && p.contains(key.as_str())
        {
            if p == *key {
                spelled.push(ix);
            } else {
                partial.push(ix);
            }
        } else if n.name.contains(name) || n.aliases.iter().any(|a| a.contains(name)) {
            partial.push(ix);
        }
    }
    for found in [exact, alias, spelled, partial] {
        match found.len() {
            0 => continue,
            1 => return Ok(found[0]),
            _ => {
                let mut found = found;
                found.sort_by(|a, b| g.node_at(*a).id.cmp(&g.node_at(*b).id));
                return Err(QueryError::Ambiguous {
                    name: name.to_string(),
                    candidates: described(g, found),
                });
            }
        }
    }
    Err(QueryError::Unknown {
        kind: kinds_word(kinds),
        name: name.to_string(),
        candidates: closest(g, name, kinds),
    })
}

/// `name (id)` for each node, in the order given.
fn described(g: &GovGraph, nodes: Vec<NodeIndex>) -> Vec<String> {
    nodes
        .into_iter()
        .map(|ix| {
            let n = g.node_at(ix);
            format!("{} ({})", n.name, n.id)
        })
        .collect()
}

/// Up to five nodes whose names share the most characters with `name`; for a
/// name in pinyin, the people and districts are compared by their folded pinyin
/// (letters shared with the folded name).
fn closest(g: &GovGraph, name: &str, kinds: &[NodeKind]) -> Vec<String> {
    /// How close `candidate` is to a name of `len` characters `wanted`.
    fn score(wanted: &BTreeSet<char>, len: i64, candidate: &str) -> (i64, i64) {
        let chars: BTreeSet<char> = candidate.chars().collect();
        let shared = wanted.intersection(&chars).count() as i64;
        let diff = (candidate.chars().count() as i64 - len).abs();
        (shared, -diff)
    }
    let wanted: BTreeSet<char> = name.chars().collect();
    let len = name.chars().count() as i64;
    let key = pinyin::search_key(name);
    let key_chars: BTreeSet<char> = key.iter().flat_map(|k| k.chars()).collect();
    let key_len = key.as_ref().map_or(0, |k| k.len() as i64);
    let mut scored: Vec<(i64, i64, NodeIndex)> = Vec::new();
    for ix in g.petgraph().node_indices() {
        let n = g.node_at(ix);
        if !kinds.is_empty() && !kinds.contains(&n.kind) {
            continue;
        }
        let best = match (&key, &n.pinyin) {
            (Some(_), Some(p)) => score(&key_chars, key_len, &pinyin::fold(p)),
            _ => std::iter::once(&n.name)
                .chain(&n.aliases)
                .map(|candidate| score(&wanted, len, candidate))
                .max()
                .unwrap_or((0, 0)),
        };
        if best.0 > 0 {
            scored.push((best.0, best.1, ix));
        }
    }
    scored.sort_by(|a, b| {
        (b.0, b.1)
            .cmp(&(a.0, a.1))
            .then_with(|| g.node_at(a.2).id.cmp(&g.node_at(b.2).id))
    });
    described(g, scored.into_iter().take(5).map(|s| s.2).collect())
}
