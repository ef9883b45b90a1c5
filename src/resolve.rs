//! From the facts of many documents to one graph.
//!
//! One node per real entity: a person is one node however many articles name
//! them, 福田 and 福田区 are one district (ids use the canonical name), and the
//! same meeting reported twice is one event (same date, district and name). A
//! post keeps the first and last day any source shows it held. People with no
//! district post are kept with their roles, and take part in no event edges:
//! the graph's participation facts are about officials; what a document says
//! of names it writes bare holds for those that are officials
//! ([`Pending::settle`]). Every document is a `document` node, `document:`
//! and the name its evidence gives it.

use std::collections::BTreeSet;

use crate::extract::{Facts, Pending};
use crate::graph::{Edge, GovGraph, Node, NodeKind, Relation, StageSeen};
use crate::normalise::About;
use crate::pinyin;
use crate::rules::Rules;

/// Builds one graph from the facts of every document, dropping each
/// document's facts once merged, so that the facts and the graph they make are
/// not all held at once. Each document's node knows it by its name only; see
/// [`resolve_documents`].
pub fn resolve(all: Vec<Facts>, rules: &Rules) -> GovGraph {
    let all = all
        .into_iter()
        .map(|f| {
            let about = About::named(&f.doc);
            (f, about)
        })
        .collect();
    resolve_documents(all, rules)
}

/// [`resolve`], with what is known of each document besides its facts (its
/// title, date, address ...) for its `document` node.
pub fn resolve_documents(all: Vec<(Facts, About)>, rules: &Rules) -> GovGraph {
    let officials: BTreeSet<String> = all
        .iter()
        .map(|(f, _)| f)
        .flat_map(|f| {
            (f.posts.iter().map(|p| p.person.clone()))
                .chain(f.personnel.iter().map(|p| p.person.clone()))
        })
        .collect();
    let officials: BTreeSet<&str> = officials.iter().map(String::as_str).collect();
    let mut g = GovGraph::new();
    for (mut facts, about) in all {
        // What it says of names it writes bare holds for those that are officials.
        Pending::settle(&mut facts, |name| officials.contains(name));
        add_document(&mut g, &facts, about);
        merge(&mut g, &facts, rules, &officials);
    }
    g.normalize();
    g
}

/// A document's node: named by its title, else by its name; dated by its
/// metadata, else by the day the document itself gives as its publication
/// (a dateline, read as its period of one day).
fn add_document(g: &mut GovGraph, facts: &Facts, about: About) {
    let mut node = Node::new(
        NodeKind::Document,
        about.title.as_deref().unwrap_or(&about.name),
    );
    node.id = format!("{}:{}", NodeKind::Document, facts.doc);
    node.date = about.date.or_else(|| {
        facts
            .period
            .as_ref()
            .filter(|p| p.from == p.to)
            .map(|p| p.from.iso())
    });
    node.title = about.title;
    node.url = about.url;
    node.source = about.source;
    node.file = about.file;
    g.add_node(node);
}

/// One document's facts into the graph.
fn merge(g: &mut GovGraph, facts: &Facts, rules: &Rules, officials: &BTreeSet<&str>) {
    add_people(g, facts, rules);
    add_events(g, facts, rules, officials);
    add_projects(g, facts, rules);
}

/// The node of a district, by the national gazetteer: its id is
/// `district:NAME` while the name is one division's, `district:CITYNAME`
/// (district:北京市朝阳区) for a name several divisions hold, and
/// `district:NAME` marked `ambiguous` where the city cannot be told.
fn district_id(g: &mut GovGraph, rules: &Rules, name: &str, city: Option<&str>) -> String {
    let listed = rules.district_named(name);
    let city = city.or(listed.and_then(|d| d.city.as_deref()));
    let mut node = Node::new(NodeKind::District, name);
    if let Some(d) = listed {
        node.aliases = d.aliases.clone();
    }
    with_pinyin(&mut node, pinyin::district(name));
    let ambiguous = rules.gazetteer.is_ambiguous(name);
    match rules.gazetteer.county(name, city) {
        Some(county) => {
            node.city = county.city.clone();
            node.province = Some(county.province.clone());
            node.code = Some(county.code.clone());
            if ambiguous {
                let city = county.city.as_deref().unwrap_or(&county.province);
                node.id = format!("district:{city}{name}");
            }
        }
        None if ambiguous => node.ambiguous = true,
        None => {
            node.city = city.map(String::from);
            node.province = city
                .and_then(|c| rules.gazetteer.province_of(c))
                .map(String::from);
        }
    }
    let id = node.id.clone();
    g.add_node(node);
    id
}

fn person(g: &mut GovGraph, facts: &Facts, name: &str) -> String {
    let mut node = Node::new(NodeKind::Person, name);
    if let Some(w) = facts.written_forms.get(name) {
        node.aliases.push(w.clone());
    }
    with_pinyin(&mut node, pinyin::person(name));
    let id = node.id.clone();
    g.add_node(node);
    id
}

/// A person's or district's name in pinyin, as its `pinyin` and an alias.
fn with_pinyin(node: &mut Node, pinyin: Option<String>) {
    if let Some(p) = &pinyin {
        node.aliases.push(p.clone());
    }
    node.pinyin = pinyin;
}

/// A holds_post edge for a title as written: an acting title (代区长,
/// 代理区长) holds its post (区长), acting.
fn post_edge(person: String, district: String, title: &str, rules: &Rules) -> Edge {
    let mut e = Edge::new(person, district, Relation::HoldsPost);
    match rules.acting_post(title) {
        Some(post) => {
            e.title = Some(post.to_string());
            e.acting = true;
        }
        None => e.title = Some(title.to_string()),
    }
    e
}

fn add_people(g: &mut GovGraph, facts: &Facts, rules: &Rules) {
    for post in &facts.posts {
        let p = person(g, facts, &post.person);
        let d = district_id(g, rules, &post.district, post.city.as_deref());
        let mut e = post_edge(p, d, &post.title, rules);
        e.first_seen = post.seen.map(|s| s.iso());
        e.last_seen = post.seen.map(|s| s.iso());
        e.evidence.push(post.evidence.clone());
        g.add_edge(e);
    }
    // A personnel fact is an edge of its own, and starts or ends the tenure
    // of its post (a nomination does neither).
    for fact in &facts.personnel {
        let p = person(g, facts, &fact.person);
        let d = district_id(g, rules, &fact.district, fact.city.as_deref());
        let day = fact.date.map(|s| s.iso());
        let mut tenure = post_edge(p.clone(), d.clone(), &fact.title, rules);
        let relation = if fact.change.ends() {
            Relation::Removed
        } else {
            Relation::Appointed
        };
        let mut e = Edge::new(p, d, relation);
        e.title = tenure.title.clone();
        e.date = day.clone();
        e.change = Some(fact.change.as_str().to_string());
        e.body = fact.body.clone();
        e.evidence.push(fact.evidence.clone());
        g.add_edge(e);
        if fact.change.starts() {
            tenure.start = day;
        } else if fact.change.ends() {
            tenure.end = day;
        } else {
            continue;
        }
        tenure.evidence.push(fact.evidence.clone());
        g.add_edge(tenure);
    }
    for role in &facts.roles {
        let mut node = Node::new(NodeKind::Person, &role.person);
        node.roles.push(role.role.clone());
        if let Some(w) = facts.written_forms.get(&role.person) {
            node.aliases.push(w.clone());
        }
        with_pinyin(&mut node, pinyin::person(&role.person));
        g.add_node(node);
    }
}

fn add_events(g: &mut GovGraph, facts: &Facts, rules: &Rules, officials: &BTreeSet<&str>) {
    let attended: BTreeSet<&str> = facts
        .participations
        .iter()
        .map(|p| p.event.as_str())
        .collect();
    for ev in &facts.events {
        // An undated happening nobody took part in says too little to keep.
        if ev.date.is_none() && !attended.contains(ev.id.as_str()) {
            continue;
        }
        let mut node = Node::new(NodeKind::Event, &ev.name);
        node.id = ev.id.clone();
        node.date = ev.date.map(|d| d.iso());
        node.end_date = ev.end_date.map(|d| d.iso());
        node.evidence.push(ev.evidence.clone());
        g.add_node(node);
        if let Some(d) = &ev.district {
            let d = district_id(g, rules, d, ev.city.as_deref());
            g.add_edge(Edge::new(ev.id.clone(), d, Relation::HeldIn));
        }
    }
    // Chairing a meeting says more than attending it: keep the stronger fact.
    let chaired: BTreeSet<(&str, &str)> = facts
        .participations
        .iter()
        .filter(|p| p.relation == Relation::Chaired)
        .map(|p| (p.person.as_str(), p.event.as_str()))
        .collect();
    for part in &facts.participations {
        if !officials.contains(part.person.as_str()) {
            continue;
        }
        if part.relation == Relation::Attended
            && chaired.contains(&(part.person.as_str(), part.event.as_str()))
        {
            continue;
        }
        let p = person(g, facts, &part.person);
        let mut e = Edge::new(p, part.event.clone(), part.relation);
        e.date = part.date.map(|d| d.iso());
        e.title = part.title.clone();
        e.evidence.push(part.evidence.clone());
        g.add_edge(e);
    }
}

/// The name a project is known by when a document writes it more than one way:
/// "X一期" and "地铁X" are X when X itself is written too.
fn base_project_name<'a>(name: &'a str, names: &BTreeSet<&'a str>) -> &'a str {
    const VARIANTS: &[&str] = &[
        "(一期)",
        "(二期)",
        "第一期",
        "第二期",
        "一期",
        "二期",
        "三期",
        "四期",
    ];
    for v in VARIANTS {
        if let Some(base) = name.strip_suffix(v)
            && let Some(found) = names.get(base)
        {
            return found;
        }
    }
    if let Some(base) = name.strip_prefix("地铁")
        && let Some(found) = names.get(base)
    {
        return found;
    }
    // "平大路" and "平大路提升改造工程" in one report are one work, named in full.
    const FULL: &[&str] = &["工程", "项目", "改扩建", "改造", "达标整治"];
    let longer = names.iter().filter(|other| {
        other.len() > name.len()
            && other.starts_with(name)
            && other[name.len()..].chars().count() <= 8
            && FULL.iter().any(|f| other.ends_with(f))
            && !VARIANTS.iter().any(|v| other.ends_with(v))
    });
    longer.min_by_key(|o| o.len()).copied().unwrap_or(name)
}

fn add_projects(g: &mut GovGraph, facts: &Facts, rules: &Rules) {
    let projects: BTreeSet<&str> = facts
        .projects
        .iter()
        .filter(|p| p.project)
        .map(|p| p.name.as_str())
        .collect();
    for p in &facts.projects {
        let kind = if projects.contains(p.name.as_str()) {
            NodeKind::Project
        } else {
            NodeKind::Place
        };
        let name = if kind == NodeKind::Project {
            base_project_name(&p.name, &projects)
        } else {
            &p.name
        };
        let mut node = Node::new(kind, name);
        node.evidence.push(p.evidence.clone());
        if name != p.name {
            node.aliases.push(p.name.clone());
        }
        node.aliases.extend(p.aliases.iter().cloned());
        if kind == NodeKind::Project {
            let day = p.date.map(|d| d.iso());
            node.first_seen = day.clone();
            node.last_seen = day.clone();
            if let Some(stage) = &p.stage {
                node.stages.push(StageSeen {
                    date: day,
                    stage: stage.clone(),
                    doc: p.evidence.doc.to_string(),
                });
            }
        }
        if let Some(w) = facts.written_forms.get(&p.name) {
            node.aliases.push(w.clone());
        }
        let id = node.id.clone();
        g.add_node(node);
        // A project lies in one district: the first a source gives it.
        let placed = g
            .out_edges(&id)
            .iter()
            .any(|e| e.relation == Relation::LocatedIn);
        if let Some(d) = &p.district
            && !placed
        {
            let d = district_id(g, rules, d, p.city.as_deref());
            g.add_edge(Edge::new(id, d, Relation::LocatedIn));
        }
    }
    for (name, evidence) in &facts.organizations {
        let mut node = Node::new(NodeKind::Organization, name);
        node.evidence.push(evidence.clone());
        g.add_node(node);
    }
    for (event, org) in &facts.involves {
        g.add_edge(Edge::new(
            event.clone(),
            format!("organization:{org}"),
            Relation::Involves,
        ));
    }
    for (event, project) in &facts.concerns {
        let project = base_project_name(project, &projects);
        g.add_edge(Edge::new(
            event.clone(),
            format!("project:{project}"),
            Relation::Concerns,
        ));
    }
}
