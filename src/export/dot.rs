//! Graphviz DOT: districts as clusters, shape and colour by kind, dates on edges.
//!
//! Every node is drawn inside the cluster of the district it belongs to (the one
//! it is held in, located in, or holds a post in) so the picture reads as one box
//! per district. Labels use a CJK font name so Chinese renders on any machine
//! that has one of the common CJK fonts installed.
//!
//! Personnel facts (appointed, removed) are dashed edges labelled with the change
//! and the post (`任命副区长`, `代理区长`, `免去区长`) over the day; an acting
//! holds_post shows `代` before its post (`代区长`) over its tenure.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::{acting_title, tenure};
use crate::graph::{Edge, GovGraph, Node, NodeKind, Relation};

/// Fonts tried in order; Graphviz picks the first that fontconfig knows.
pub const FONT: &str = "Noto Sans CJK SC,WenQuanYi Zen Hei,SimHei,sans-serif";

/// Shape and fill colour of each kind of node.
pub fn style(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Person => ("ellipse", "#8ecae6"),
        NodeKind::District => ("house", "#ffb703"),
        NodeKind::Event => ("box", "#e9edc9"),
        NodeKind::Project => ("component", "#cdb4db"),
        NodeKind::Organization => ("hexagon", "#bde0fe"),
        NodeKind::Place => ("octagon", "#d8e2dc"),
        NodeKind::Document => ("note", "#eeeeee"),
    }
}

/// Colour of each kind of edge.
pub fn edge_colour(relation: Relation) -> &'static str {
    match relation {
        Relation::HoldsPost => "#d62828",
        Relation::Chaired => "#003049",
        Relation::Attended => "#457b9d",
        Relation::HeldIn | Relation::LocatedIn => "#999999",
        Relation::Concerns => "#7b2cbf",
        Relation::Involves => "#588157",
        Relation::Appointed => "#2a9d8f",
        Relation::Removed => "#6c757d",
    }
}

/// Quotes a string for DOT: backslashes and double quotes escaped, line breaks kept
/// as `\n` escapes so no label can end the statement.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Quotes text that Graphviz shows (labels, tooltips): as [`quote`], and `&` as
/// `&amp;`, since Graphviz reads HTML entities in such text.
pub fn label(s: &str) -> String {
    quote(&s.replace('&', "&amp;"))
}

/// The district each node is drawn in, if any.
pub fn home_districts(graph: &GovGraph) -> BTreeMap<String, String> {
    let mut home = BTreeMap::new();
    for edge in graph.edges() {
        let belongs = matches!(
            edge.relation,
            Relation::HeldIn
                | Relation::LocatedIn
                | Relation::HoldsPost
                | Relation::Appointed
                | Relation::Removed
        );
        if belongs {
            home.entry(edge.source.clone())
                .or_insert_with(|| edge.target.clone());
        }
    }
    home
}

fn node_label(node: &Node) -> String {
    let name = shorten(&node.name, 24);
    match (&node.date, node.kind) {
        (Some(date), NodeKind::Event) => format!("{name}\n{date}"),
        _ => name,
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

fn write_node(out: &mut String, node: &Node, indent: &str) {
    let (shape, fill) = style(node.kind);
    let _ = writeln!(
        out,
        "{indent}{} [label={}, shape={shape}, fillcolor={}, tooltip={}];",
        quote(&node.id),
        label(&node_label(node)),
        quote(fill),
        label(&node.name),
    );
}

/// Layout hints written into the DOT file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// `dot` for graphs up to [`Layout::AUTO_LIMIT`] nodes, `sfdp` above.
    #[default]
    Auto,
    /// Left-to-right layers, one box per district: best for small graphs.
    Dot,
    /// Force-directed, scales to thousands of nodes; no district boxes.
    Sfdp,
}

impl Layout {
    /// Above this many nodes `Auto` chooses `sfdp`.
    pub const AUTO_LIMIT: usize = 2000;

    pub fn parse(s: &str) -> Option<Layout> {
        match s {
            "auto" => Some(Layout::Auto),
            "dot" => Some(Layout::Dot),
            "sfdp" => Some(Layout::Sfdp),
            _ => None,
        }
    }

    fn resolve(self, nodes: usize) -> Layout {
        match self {
            Layout::Auto if nodes > Layout::AUTO_LIMIT => Layout::Sfdp,
            Layout::Auto => Layout::Dot,
            other => other,
        }
    }
}

/// The graph as DOT text, with `layout`'s hints.
pub fn to_dot_with(graph: &GovGraph, layout: Layout) -> String {
    let layout = layout.resolve(graph.node_count());
    let mut out = String::new();
    out.push_str("digraph govgraph {\n");
    match layout {
        Layout::Sfdp => out.push_str(
            "  graph [layout=sfdp, overlap=prism, overlap_scaling=-4, splines=false, \
             outputorder=edgesfirst, beautify=true, fontname=",
        ),
        _ => out.push_str(
            "  graph [layout=dot, rankdir=LR, compound=true, newrank=true, splines=true, \
             nodesep=0.3, ranksep=0.8, fontname=",
        ),
    }
    out.push_str(&quote(FONT));
    out.push_str(", labelloc=t, label=\"govgraph\"];\n");
    let _ = writeln!(
        out,
        "  node [style=filled, fontname={}, fontsize=11];",
        quote(FONT)
    );
    let _ = writeln!(out, "  edge [fontname={}, fontsize=9];", quote(FONT));
    legend(&mut out, graph);

    let home = home_districts(graph);
    let mut members: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    let mut loose = Vec::new();
    for node in graph.nodes() {
        if layout == Layout::Sfdp {
            loose.push(node);
        } else if node.kind == NodeKind::District {
            members.entry(node.id.as_str()).or_default();
        } else if let Some(district) = home.get(&node.id) {
            members.entry(district.as_str()).or_default().push(node);
        } else {
            loose.push(node);
        }
    }
    for (i, (district_id, nodes)) in members.iter().enumerate() {
        let Some(district) = graph.node(district_id) else {
            continue;
        };
        let _ = writeln!(out, "  subgraph cluster_{i} {{");
        let _ = writeln!(
            out,
            "    label={}; style=\"rounded,filled\"; fillcolor=\"#fafafa\"; color=\"#bbbbbb\";",
            label(&district.name)
        );
        write_node(&mut out, district, "    ");
        for node in nodes {
            write_node(&mut out, node, "    ");
        }
        out.push_str("  }\n");
    }
    for node in loose {
        write_node(&mut out, node, "  ");
    }
    for edge in graph.edges() {
        let text = edge_text(edge);
        let tooltip = match &edge.body {
            Some(body) => format!("{} ({body})", edge.relation),
            None => edge.relation.to_string(),
        };
        let _ = write!(
            out,
            "  {} -> {} [color={}, tooltip={}",
            quote(&edge.source),
            quote(&edge.target),
            quote(edge_colour(edge.relation)),
            label(&tooltip),
        );
        if edge.relation.is_personnel() {
            out.push_str(", style=dashed");
        }
        if !text.is_empty() && layout != Layout::Sfdp {
            let _ = write!(out, ", label={}", label(&text));
        }
        out.push_str("];\n");
    }
    out.push_str("}\n");
    out
}

/// The words on an edge: the post and when it was seen, or the verb and the day.
fn edge_text(edge: &Edge) -> String {
    match edge.relation {
        Relation::HoldsPost => {
            let title = edge
                .title
                .as_deref()
                .map(|t| acting_title(edge, t))
                .unwrap_or_default();
            // The tenure where personnel facts give it, else the sightings; an
            // open side (a start with no end yet) keeps its dash.
            match tenure(edge) {
                (Some(a), Some(b)) if a != b => format!("{title}\n{a}–{b}"),
                (Some(a), Some(_)) => format!("{title}\n{a}"),
                (Some(a), None) if edge.start.is_some() => format!("{title}\n{a}–"),
                (None, Some(b)) if edge.end.is_some() => format!("{title}\n–{b}"),
                (Some(a), None) | (None, Some(a)) => format!("{title}\n{a}"),
                (None, None) => title,
            }
        }
        Relation::Appointed | Relation::Removed => {
            let change = edge.change.as_deref().map(change_verb).unwrap_or_default();
            let title = edge.title.as_deref().unwrap_or_default();
            match &edge.date {
                Some(d) => format!("{change}{title}\n{d}"),
                None => format!("{change}{title}"),
            }
        }
        Relation::Chaired | Relation::Attended => {
            let verb = if edge.relation == Relation::Chaired {
                "主持"
            } else {
                "出席"
            };
            match &edge.date {
                Some(d) => format!("{verb} {d}"),
                None => verb.to_string(),
            }
        }
        _ => String::new(),
    }
}

/// The change of a personnel fact as the verb a decision uses (an unknown
/// change as it is).
pub(crate) fn change_verb(change: &str) -> &str {
    match change {
        "appointed" => "任命",
        "elected" => "当选",
        "nominated" => "提名",
        "acting" => "代理",
        "removed" => "免去",
        "resigned" => "辞去",
        "transferred" => "调离",
        other => other,
    }
}

/// A key to the colours and shapes: the kinds and relations the graph uses.
fn legend(out: &mut String, graph: &GovGraph) {
    let kinds: BTreeSet<NodeKind> = graph.nodes().iter().map(|n| n.kind).collect();
    let relations: BTreeSet<Relation> = graph.edges().iter().map(|e| e.relation).collect();
    if kinds.is_empty() {
        return;
    }
    out.push_str("  legend [shape=plaintext, style=\"\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">");
    out.push_str("<TR><TD COLSPAN=\"2\"><B>legend</B></TD></TR>");
    for kind in kinds {
        let (shape, fill) = style(kind);
        let _ = write!(
            out,
            "<TR><TD BGCOLOR=\"{fill}\">{}</TD><TD>{shape}</TD></TR>",
            kind.as_str()
        );
    }
    for r in relations {
        let arrow = if r.is_personnel() {
            "╌╌▶"
        } else {
            "──▶"
        };
        let _ = write!(
            out,
            "<TR><TD><FONT COLOR=\"{}\">{arrow}</FONT></TD><TD>{}</TD></TR>",
            edge_colour(r),
            r.as_str()
        );
    }
    out.push_str("</TABLE>>];\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    #[test]
    fn quotes_cannot_break_out() {
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }

    #[test]
    fn districts_become_clusters() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "甲乙"));
        g.add_node(Node::new(NodeKind::District, "福田区"));
        let mut e = Edge::new("person:甲乙", "district:福田区", Relation::HoldsPost);
        e.title = Some("区长".into());
        g.add_edge(e);
        let dot = to_dot_with(&g, Layout::Auto);
        assert!(dot.contains("subgraph cluster_0"), "{dot}");
        assert!(dot.contains("label=\"区长\""), "{dot}");
    }

    #[test]
    fn an_open_tenure_keeps_its_dash_and_facts_are_dashed() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "甲某某"));
        g.add_node(Node::new(NodeKind::District, "福田区"));
        let mut post = Edge::new("person:甲某某", "district:福田区", Relation::HoldsPost);
        post.title = Some("区长".into());
        post.start = Some("2024-11-20".into());
        post.acting = true;
        g.add_edge(post);
        let mut fact = Edge::new("person:甲某某", "district:福田区", Relation::Removed);
        fact.title = Some("副区长".into());
        fact.date = Some("2024-11-20".into());
        fact.change = Some("transferred".into());
        g.add_edge(fact);
        let dot = to_dot_with(&g, Layout::Dot);
        assert!(dot.contains("label=\"代区长\\n2024-11-20–\""), "{dot}");
        assert!(
            dot.contains("style=dashed, label=\"调离副区长\\n2024-11-20\""),
            "{dot}"
        );
    }
}
