//! One self-contained HTML page: an interactive, offline view of the graph.
//!
//! Everything is inline (the CSS and JS in `html/`, written for govgraph, and
//! the graph as JSON), so the page works from a USB stick with no network. The
//! graph goes in a `<script type="application/json">` element with `<`, `>` and
//! `&` as `\u` escapes, and the script puts every text into the page through
//! `textContent`, so article text is never read as HTML or code. The view: a
//! force-directed layout on a canvas (springs, repulsion bucketed on a grid so
//! 5,000 nodes stay fluid, cooling until it settles), zoom and pan, colour by
//! kind, edges coloured by relation with a legend that also filters them,
//! labels by zoom level and degree (placed so none overlaps another, the
//! selection's first), the selection's neighbourhood highlighted and the rest
//! faded, search (also `?search=NAME`), filters by kind and district, a time
//! slider over the graph's dates (also `?from=YYYY-MM-DD&to=YYYY-MM-DD`) that
//! hides events and their participation outside the range and fades posts and
//! personnel facts outside it, a career strip for a selected person (each post
//! as a bar from its start or first sighting to its end or last sighting, with
//! the appointments and removals on it), and a click on a node shows its facts
//! with their sentences, each citing its article (title, date, outlet, and its
//! address as a link when that is an http or https one).
//!
//! Document nodes are not drawn: they have no edges (evidence names them), so
//! on the canvas they would only be a ring of loose dots, one an article. The
//! page carries them as a table of sources, by the name evidence gives, for the
//! citations.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use super::escape::json_in_html;
use crate::graph::{GovGraph, Node, NodeKind, Relation};

const CSS: &str = include_str!("html/view.css");
const JS: &str = include_str!("html/view.js");

/// The page of `graph`'s facts (its document nodes left out of the drawing),
/// citing its evidence by the document nodes of `sources`: `graph` itself, or
/// the whole graph when `graph` is a part cut out of it whose filters dropped
/// them.
pub fn to_html(graph: &GovGraph, sources: &GovGraph) -> String {
    let drawn;
    let graph = if graph.nodes().iter().any(|n| n.kind == NodeKind::Document) {
        drawn = graph.filter_nodes(|n| n.kind != NodeKind::Document);
        &drawn
    } else {
        graph
    };
    let colors: serde_json::Map<String, serde_json::Value> = NodeKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), json!(super::dot::style(*k).1)))
        .collect();
    let data = json!({
        "graph": graph.to_file(),
        "colors": colors,
        "districts": districts_of(graph),
        "documents": documents_cited(graph, sources),
        "relations": Relation::ALL
            .iter()
            .map(|r| json!({"name": r.as_str(), "color": relation_colour(*r)}))
            .collect::<Vec<_>>(),
    });
    let data = json_in_html(&serde_json::to_string(&data).unwrap_or_default());
    let mut out = String::with_capacity(data.len() + CSS.len() + JS.len() + 4096);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>govgraph</title>\n<style>\n",
    );
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(
        "<div id=\"side\">\n<h1>govgraph</h1>\n\
         <div id=\"counts\"><span id=\"node-count\"></span> nodes, \
         <span id=\"edge-count\"></span> edges<br><span id=\"shown\"></span></div>\n\
         <fieldset><legend>search</legend>\
         <input type=\"search\" id=\"search\" placeholder=\"name, e.g. 黄伟\" autocomplete=\"off\">\
         <div id=\"matches\"></div></fieldset>\n\
         <fieldset id=\"time\"><legend>time</legend>\
         <div id=\"time-label\"></div><div id=\"time-hist\"></div>\
         <div class=\"dual\"><input type=\"range\" id=\"time-lo\" aria-label=\"from\">\
         <input type=\"range\" id=\"time-hi\" aria-label=\"to\"></div>\
         <div class=\"dates\"><input type=\"date\" id=\"from\" aria-label=\"from\"> – \
         <input type=\"date\" id=\"to\" aria-label=\"to\"> \
         <button id=\"time-reset\" type=\"button\">all</button></div>\
         <details id=\"range-events\"><summary id=\"range-summary\"></summary>\
         <ol id=\"range-list\"></ol></details></fieldset>\n\
         <fieldset><legend>kinds</legend><div id=\"kinds\"></div></fieldset>\n\
         <fieldset><legend>relations</legend><div id=\"legend\"></div></fieldset>\n\
         <fieldset><legend>district</legend><select id=\"district\">\
         <option value=\"\">all districts</option></select></fieldset>\n\
         <button id=\"fit\" type=\"button\">fit to window</button>\n\
         <div id=\"details\"><p>Click a node to see its facts and their sources.</p></div>\n\
         </div>\n<div id=\"main\"><canvas id=\"canvas\"></canvas><div id=\"tip\" hidden></div>\
         <div id=\"career\" hidden></div><div id=\"status\"></div></div>\n",
    );
    out.push_str("<script type=\"application/json\" id=\"govgraph-data\">");
    out.push_str(&data);
    out.push_str("</script>\n<script>\n");
    out.push_str(JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The colour of each relation's edges in the view and its legend: one hue a
/// relation, so the legend tells them apart (the selection is drawn in black).
fn relation_colour(relation: Relation) -> &'static str {
    match relation {
        Relation::HoldsPost => "#4e79a7",
        Relation::Chaired => "#e15759",
        Relation::Attended => "#f28e2b",
        Relation::HeldIn => "#a0a0a0",
        Relation::LocatedIn => "#9c755f",
        Relation::Concerns => "#ff7fb0",
        Relation::Involves => "#3fa7a0",
        Relation::Appointed => "#2ca02c",
        Relation::Removed => "#7b3fa0",
    }
}

/// The documents `graph`'s evidence names, by that name, each as its citation
/// (`name`, and `title`, `date`, `source`, `url`, `file` where known), from
/// the document nodes of `sources`. A name with no document node is left out:
/// the view then cites the evidence by its name alone.
fn documents_cited(
    graph: &GovGraph,
    sources: &GovGraph,
) -> serde_json::Map<String, serde_json::Value> {
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for n in graph.nodes() {
        names.extend(n.evidence.iter().map(|e| e.doc.as_ref()));
    }
    for e in graph.edges() {
        names.extend(e.evidence.iter().map(|e| e.doc.as_ref()));
    }
    names
        .into_iter()
        .filter_map(|name| Some((name.to_string(), citation(sources.document(name)?))))
        .collect()
}

/// A document node as the view cites it.
fn citation(doc: &Node) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    out.insert("name".into(), json!(doc.name));
    for (key, value) in [
        ("title", &doc.title),
        ("date", &doc.date),
        ("source", &doc.source),
        ("url", &doc.url),
        ("file", &doc.file),
    ] {
        if let Some(v) = value {
            out.insert(key.into(), json!(v));
        }
    }
    serde_json::Value::Object(out)
}

/// For each node, the districts whose `--district` filter would keep it.
fn districts_of(graph: &GovGraph) -> BTreeMap<String, Vec<String>> {
    let mut homes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in graph
        .nodes()
        .into_iter()
        .filter(|n| n.kind == NodeKind::District)
    {
        let mut add = |id: &str| {
            homes
                .entry(id.to_string())
                .or_default()
                .insert(d.id.clone());
        };
        add(&d.id);
        for e in graph.in_edges(&d.id) {
            match e.relation {
                Relation::HeldIn | Relation::LocatedIn => add(&e.source),
                Relation::HoldsPost => {
                    add(&e.source);
                    for p in graph.out_edges(&e.source) {
                        if p.relation.is_participation() {
                            add(&p.target);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    homes
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Node;

    #[test]
    fn script_text_cannot_close_the_data_element() {
        let mut g = GovGraph::new();
        g.add_node(Node::new(
            NodeKind::Project,
            "</script><script>alert(1)</script>",
        ));
        let page = to_html(&g, &g);
        assert!(!page.contains("alert(1)</script>"));
        assert_eq!(page.matches("</script>").count(), 2);
    }

    #[test]
    fn documents_are_cited_not_drawn() {
        use crate::graph::{Edge, Evidence};
        let mut g = GovGraph::new();
        g.add_node(Node::new(NodeKind::Person, "张某某"));
        g.add_node(Node::new(NodeKind::District, "南山区"));
        let mut cited = Node::new(NodeKind::Document, "南山区召开区委常委会会议");
        cited.id = "document:ns-001".into();
        cited.title = Some(cited.name.clone());
        cited.url = Some("https://example.org/1.html".into());
        cited.date = Some("2024-12-03".into());
        g.add_node(cited);
        let mut other = Node::new(NodeKind::Document, "b.txt");
        other.id = "document:b.txt".into();
        other.file = Some("b.txt".into());
        g.add_node(other);
        let mut post = Edge::new("person:张某某", "district:南山区", Relation::HoldsPost);
        post.evidence = vec![Evidence {
            doc: "ns-001".into(),
            start: 0,
            end: 4,
            text: "南山区委书记张某某".into(),
        }];
        g.add_edge(post);
        let page = to_html(&g, &g);
        assert!(page.contains(
            "\"documents\":{\"ns-001\":{\"date\":\"2024-12-03\",\"name\":\"南山区召开区委常委会会议\",\
             \"title\":\"南山区召开区委常委会会议\",\"url\":\"https://example.org/1.html\"}}"
        ));
        assert!(!page.contains("\"id\":\"document:"));
        assert!(!page.contains("b.txt"));
        // A part of the graph, its documents filtered out, cites the whole's.
        let part = g.filter_nodes(|n| n.kind != NodeKind::Document);
        assert!(to_html(&part, &g).contains("\"documents\":{\"ns-001\":{"));
        assert!(to_html(&part, &part).contains("\"documents\":{}"));
    }

    #[test]
    fn every_relation_has_a_colour_of_its_own() {
        let colours: BTreeSet<&str> = Relation::ALL.iter().map(|r| relation_colour(*r)).collect();
        assert_eq!(colours.len(), Relation::ALL.len());
        let page = to_html(&GovGraph::new(), &GovGraph::new());
        for r in Relation::ALL {
            assert!(page.contains(&format!(
                "{{\"color\":\"{}\",\"name\":\"{}\"}}",
                relation_colour(r),
                r.as_str()
            )));
        }
    }
}
