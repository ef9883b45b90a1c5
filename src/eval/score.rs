//! Scoring one article's graph against its gold file.
//!
//! Every measure compares sets of keys, not counts of mentions: an official is
//! (name, district), a participation (person, day), a district event (district,
//! day). A fact the graph states twice is still one fact, so repeating it can
//! neither help nor hurt. Names are compared after folding full-width forms and
//! dropping whitespace; project names are further stripped of quotes, 《》 and a
//! trailing 项目/工程 (see [`project_key`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::graph::{GovGraph, NodeKind, Relation};
use crate::normalise::fold_width;

use super::gold::Gold;

/// Precision and recall counts of one measure.
///
/// `matched_graph` and `matched_gold` differ only when several graph items match
/// one gold item (two project nodes whose names normalise alike).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    /// Items the graph states.
    pub graph: usize,
    /// Items in the gold file.
    pub gold: usize,
    /// Graph items that match a gold item.
    pub matched_graph: usize,
    /// Gold items matched by a graph item.
    pub matched_gold: usize,
}

impl Prf {
    /// The counts of two sets compared by equality.
    pub fn of_sets<T: Ord>(graph: &BTreeSet<T>, gold: &BTreeSet<T>) -> Prf {
        let matched = graph.intersection(gold).count();
        Prf {
            graph: graph.len(),
            gold: gold.len(),
            matched_graph: matched,
            matched_gold: matched,
        }
    }

    /// Matched graph items over graph items; `None` for 0/0.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.matched_graph, self.graph)
    }

    /// Matched gold items over gold items; `None` for 0/0.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.matched_gold, self.gold)
    }

    /// The harmonic mean of precision and recall: `None` when both sides are
    /// empty, 0 when only one is.
    pub fn f1(&self) -> Option<f64> {
        match (self.precision(), self.recall()) {
            (None, None) => None,
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            _ => Some(0.0),
        }
    }

    fn add(&mut self, other: &Prf) {
        self.graph += other.graph;
        self.gold += other.gold;
        self.matched_graph += other.matched_graph;
        self.matched_gold += other.matched_gold;
    }
}

impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Prf", 7)?;
        st.serialize_field("graph", &self.graph)?;
        st.serialize_field("gold", &self.gold)?;
        st.serialize_field("matched_graph", &self.matched_graph)?;
        st.serialize_field("matched_gold", &self.matched_gold)?;
        st.serialize_field("precision", &self.precision())?;
        st.serialize_field("recall", &self.recall())?;
        st.serialize_field("f1", &self.f1())?;
        st.end()
    }
}

/// A share of items that are right: `right` of `of`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Share {
    pub right: usize,
    pub of: usize,
}

impl Share {
    /// `right / of`; `None` for 0/0.
    pub fn value(&self) -> Option<f64> {
        ratio(self.right, self.of)
    }

    fn add(&mut self, other: &Share) {
        self.right += other.right;
        self.of += other.of;
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Share", 3)?;
        st.serialize_field("right", &self.right)?;
        st.serialize_field("of", &self.of)?;
        st.serialize_field("value", &self.value())?;
        st.end()
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// The numbers of one file, or their micro-averaged sum over files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Scores {
    /// (name, district) of persons with a holds_post edge to a district.
    pub officials: Prf,
    /// (name, district, title) of each holds_post edge.
    pub titles: Prf,
    /// (person, date) of chaired and attended edges.
    pub participations: Prf,
    /// Matched participations whose relation is right.
    pub relation: Share,
    /// Recall of gold (district, date) events: `of` gold keys, `right` found.
    pub events: Share,
    /// Project nodes against gold projects, by normalised name.
    pub projects: Prf,
    /// Matched gold projects whose graph district is right.
    pub project_district: Share,
    /// Personnel facts (appointed and removed edges) against gold personnel
    /// rows, by (person, district, title, whether the change starts, ends or
    /// nominates).
    #[serde(default)]
    pub personnel: Prf,
    /// Matched gold personnel rows with a date whose graph date is right.
    #[serde(default)]
    pub personnel_dates: Share,
}

impl Scores {
    /// Adds another file's counts: totals are micro-averaged.
    pub fn add(&mut self, other: &Scores) {
        self.officials.add(&other.officials);
        self.titles.add(&other.titles);
        self.participations.add(&other.participations);
        self.relation.add(&other.relation);
        self.events.add(&other.events);
        self.projects.add(&other.projects);
        self.project_district.add(&other.project_district);
        self.personnel.add(&other.personnel);
        self.personnel_dates.add(&other.personnel_dates);
    }
}

/// The graph's period of an article against the gold one (informational).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodCheck {
    /// The first and last day of the graph's document node.
    pub graph: (String, String),
    /// The gold period, if the article has one.
    pub gold: Option<(String, String)>,
    pub matches: bool,
}

/// Which measure a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Officials,
    Titles,
    Participations,
    Relation,
    Events,
    Projects,
    ProjectDistrict,
    Personnel,
    PersonnelDate,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::Officials => "official",
            Measure::Titles => "title",
            Measure::Participations => "participation",
            Measure::Relation => "relation",
            Measure::Events => "district event",
            Measure::Projects => "project",
            Measure::ProjectDistrict => "project district",
            Measure::Personnel => "personnel",
            Measure::PersonnelDate => "personnel date",
        }
    }
}

/// What went wrong with one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// In the gold file, not in the graph (a false negative).
    Missed,
    /// In the graph, not in the gold file (a false positive).
    Wrong,
    /// Matched, but with the other relation or district (counts against accuracy).
    Mismatch,
    /// Matched and counted right, but the graph also states the other relation
    /// that day (does not count; shown so it is not hidden).
    Extra,
}

impl FindingKind {
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Missed => "missed",
            FindingKind::Wrong => "wrong",
            FindingKind::Mismatch => "mismatch",
            FindingKind::Extra => "extra",
        }
    }
}

/// One item missed or wrong, and why, for a developer to follow up.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub measure: Measure,
    pub kind: FindingKind,
    /// The item, as `name @ district`, `person @ date` ...
    pub item: String,
    /// What the other side says about it, when that helps.
    pub note: Option<String>,
}

/// The score of one article's graph against its gold file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileScore {
    #[serde(flatten)]
    pub scores: Scores,
    /// `None` when the graph has no dated document node for the article.
    pub period: Option<PeriodCheck>,
    /// Sorted by measure, kind and item.
    pub findings: Vec<Finding>,
}

/// A name as compared: full-width forms folded, whitespace dropped.
pub fn name_key(name: &str) -> String {
    fold_width(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A post as gold files write it: an acting holder's is 代 and the post
/// (代区长), as the graph records 区长 with `acting`.
fn as_gold_writes(title: &str, acting: bool) -> String {
    if acting {
        format!("代{title}")
    } else {
        title.to_string()
    }
}

/// A title as compared: [`name_key`], with an acting title written one way
/// (代理区长 and 代区长 are both 代区长).
fn title_key(title: &str) -> String {
    let key = name_key(title);
    match key.strip_prefix("代理") {
        Some(rest) if !rest.is_empty() => format!("代{rest}"),
        _ => key,
    }
}

/// What a change does to a post, as scored: `start` (appointed, elected,
/// acting), `end` (removed, resigned, transferred) or `nominated`; readers
/// disagree more on the kind (不再担任 on a transfer) than on this.
fn change_class(change: &str) -> &'static str {
    match crate::rules::Change::parse(change) {
        Some(c) if c.starts() => "start",
        Some(c) if c.ends() => "end",
        _ => "nominated",
    }
}

/// A project name as compared: [`name_key`], without quotes (“”‘’"'「」『』) and
/// 《》, and without a trailing 项目 or 工程 (repeatedly: X工程项目 is X).
///
/// ```
/// use govgraph::eval::project_key;
/// assert_eq!(project_key("“深南东1号”人工智能产学研中心"), "深南东1号人工智能产学研中心");
/// assert_eq!(project_key("东门步行街改造工程"), project_key("东门步行街改造"));
/// assert_eq!(project_key("深圳市第二高级中学（东校区）"), "深圳市第二高级中学(东校区)");
/// ```
pub fn project_key(name: &str) -> String {
    const QUOTES: &[char] = &[
        '“', '”', '‘', '’', '"', '\'', '《', '》', '「', '」', '『', '』',
    ];
    let folded: String = name_key(name)
        .chars()
        .filter(|c| !QUOTES.contains(c))
        .collect();
    let mut s = folded.as_str();
    while let Some(rest) = s.strip_suffix("项目").or_else(|| s.strip_suffix("工程")) {
        if rest.is_empty() {
            break;
        }
        s = rest;
    }
    s.to_string()
}

/// (person, date) -> the relations stated that day, and labels of the events.
type Participations<L> = BTreeMap<(String, String), (BTreeSet<Relation>, L)>;

/// What the graph of one article states, keyed as the gold file is.
#[derive(Default)]
struct GraphFacts {
    officials: BTreeSet<(String, String)>,
    titles: BTreeSet<(String, String, String)>,
    /// (person, date) -> relations, and the names of the events.
    participations: Participations<BTreeSet<String>>,
    /// (district, date) -> event names.
    events: BTreeMap<(String, String), BTreeSet<String>>,
    /// Project nodes: (name, keys of name and aliases, located_in districts).
    projects: Vec<(String, BTreeSet<String>, BTreeSet<String>)>,
    /// (person, district, title, change class) → the dates given.
    personnel: BTreeMap<(String, String, String, &'static str), BTreeSet<String>>,
    /// Dated document nodes: (first, last day).
    periods: Vec<(String, String)>,
}

impl GraphFacts {
    fn read(graph: &GovGraph) -> GraphFacts {
        let mut facts = GraphFacts::default();
        let mut held_in: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut located_in: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for edge in graph.edges() {
            let (Some(source), Some(target)) = (graph.node(&edge.source), graph.node(&edge.target))
            else {
                continue;
            };
            match edge.relation {
                Relation::HoldsPost
                    if source.kind == NodeKind::Person && target.kind == NodeKind::District =>
                {
                    let (name, district) = (name_key(&source.name), name_key(&target.name));
                    if let Some(title) = &edge.title {
                        let title = as_gold_writes(title, edge.acting);
                        facts
                            .titles
                            .insert((name.clone(), district.clone(), title_key(&title)));
                    }
                    facts.officials.insert((name, district));
                }
                Relation::Appointed | Relation::Removed if source.kind == NodeKind::Person => {
                    let change = edge.change.as_deref().unwrap_or("");
                    let Some(title) = &edge.title else { continue };
                    let title = as_gold_writes(title, change == "acting");
                    let key = (
                        name_key(&source.name),
                        name_key(&target.name),
                        title_key(&title),
                        change_class(change),
                    );
                    let dates = facts.personnel.entry(key).or_default();
                    dates.extend(edge.date.clone());
                }
                Relation::Chaired | Relation::Attended if source.kind == NodeKind::Person => {
                    let Some(date) = edge.date.as_ref().or(target.date.as_ref()) else {
                        continue;
                    };
                    let entry = facts
                        .participations
                        .entry((name_key(&source.name), date.trim().to_string()))
                        .or_default();
                    entry.0.insert(edge.relation);
                    entry.1.insert(target.name.clone());
                }
                Relation::HeldIn if target.kind == NodeKind::District => {
                    held_in
                        .entry(&source.id)
                        .or_default()
                        .insert(name_key(&target.name));
                }
                Relation::LocatedIn if target.kind == NodeKind::District => {
                    located_in
                        .entry(&source.id)
                        .or_default()
                        .insert(name_key(&target.name));
                }
                _ => {}
            }
        }
        for node in graph.nodes() {
            match node.kind {
                NodeKind::Event => {
                    let Some(date) = &node.date else { continue };
                    for district in held_in.get(node.id.as_str()).into_iter().flatten() {
                        facts
                            .events
                            .entry((district.clone(), date.trim().to_string()))
                            .or_default()
                            .insert(node.name.clone());
                    }
                }
                NodeKind::Project => {
                    let keys = std::iter::once(&node.name)
                        .chain(&node.aliases)
                        .map(|n| project_key(n))
                        .collect();
                    let districts = located_in.remove(node.id.as_str()).unwrap_or_default();
                    facts.projects.push((node.name.clone(), keys, districts));
                }
                NodeKind::Document => {
                    if let Some(date) = &node.date {
                        let end = node.end_date.as_ref().unwrap_or(date);
                        facts.periods.push((date.clone(), end.clone()));
                    }
                }
                _ => {}
            }
        }
        facts
    }
}

/// Scores the graph of one article against the article's gold file.
///
/// ```
/// use govgraph::eval::{score, Gold};
/// use govgraph::graph::{Edge, GovGraph, Node, NodeKind, Relation};
///
/// //  person:郭亮 --holds_post(区委书记)--> district:福田区
/// let mut g = GovGraph::new();
/// g.add_node(Node::new(NodeKind::Person, "郭亮"));
/// g.add_node(Node::new(NodeKind::District, "福田区"));
/// let mut post = Edge::new("person:郭亮", "district:福田区", Relation::HoldsPost);
/// post.title = Some("区委书记".into());
/// g.add_edge(post);
///
/// let gold = Gold::from_json(r#"{"file": "a.txt", "participations": [], "events": [],
///     "projects": [], "officials": [
///     {"name": "郭亮", "district": "福田区", "titles": ["区委书记", "区长"]}]}"#).unwrap();
/// let s = score(&g, &gold).scores;
/// assert_eq!(s.officials.f1(), Some(1.0));
/// assert_eq!(s.titles.recall(), Some(0.5));
/// assert_eq!(s.projects.f1(), None); // nothing on either side
/// ```
pub fn score(graph: &GovGraph, gold: &Gold) -> FileScore {
    let mut facts = GraphFacts::read(graph);
    let mut findings = Vec::new();
    let mut note_of = |measure, kind, item: String, note: Option<String>| {
        findings.push(Finding {
            measure,
            kind,
            item,
            note,
        })
    };

    // Officials and titles.
    let gold_officials: BTreeSet<(String, String)> = gold
        .officials
        .iter()
        .map(|o| (name_key(&o.name), name_key(&o.district)))
        .collect();
    let gold_titles: BTreeSet<(String, String, String)> = gold
        .officials
        .iter()
        .flat_map(|o| {
            o.titles
                .iter()
                .map(|t| (name_key(&o.name), name_key(&o.district), title_key(t)))
        })
        .collect();
    let other_people: BTreeMap<String, &str> = gold
        .other_people
        .iter()
        .map(|p| (name_key(&p.name), p.note.as_str()))
        .collect();
    let gold_districts_of = |name: &str| -> Vec<&str> {
        gold_officials
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.as_str())
            .collect()
    };
    for (name, district) in gold_officials.difference(&facts.officials) {
        let graph_districts: Vec<&str> = facts
            .officials
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.as_str())
            .collect();
        let note =
            (!graph_districts.is_empty()).then(|| format!("graph: {}", graph_districts.join(", ")));
        note_of(
            Measure::Officials,
            FindingKind::Missed,
            format!("{name} @ {district}"),
            note,
        );
    }
    for (name, district) in facts.officials.difference(&gold_officials) {
        let note = if let Some(n) = other_people.get(name) {
            Some(format!("gold: not a district official: {n}"))
        } else {
            let ds = gold_districts_of(name);
            (!ds.is_empty()).then(|| format!("gold: {}", ds.join(", ")))
        };
        note_of(
            Measure::Officials,
            FindingKind::Wrong,
            format!("{name} @ {district}"),
            note,
        );
    }
    let titles_of = |set: &BTreeSet<(String, String, String)>, name: &str, district: &str| {
        set.iter()
            .filter(|(n, d, _)| n == name && d == district)
            .map(|(_, _, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (name, district, title) in gold_titles.difference(&facts.titles) {
        let have = titles_of(&facts.titles, name, district);
        note_of(
            Measure::Titles,
            FindingKind::Missed,
            format!("{name} @ {district}: {title}"),
            (!have.is_empty()).then(|| format!("graph: {have}")),
        );
    }
    for (name, district, title) in facts.titles.difference(&gold_titles) {
        let want = titles_of(&gold_titles, name, district);
        note_of(
            Measure::Titles,
            FindingKind::Wrong,
            format!("{name} @ {district}: {title}"),
            (!want.is_empty()).then(|| format!("gold: {want}")),
        );
    }

    // Participations and their relation.
    let mut gold_parts: Participations<Vec<&str>> = BTreeMap::new();
    for p in &gold.participations {
        let entry = gold_parts
            .entry((name_key(&p.person), p.date.trim().to_string()))
            .or_default();
        entry.0.insert(p.relation.relation());
        if let Some(event) = &p.event {
            entry.1.push(event);
        }
    }
    let graph_keys: BTreeSet<(String, String)> = facts.participations.keys().cloned().collect();
    let gold_keys: BTreeSet<(String, String)> = gold_parts.keys().cloned().collect();
    let participations = Prf::of_sets(&graph_keys, &gold_keys);
    let mut relation = Share::default();
    let rels =
        |set: &BTreeSet<Relation>| set.iter().map(|r| r.as_str()).collect::<Vec<_>>().join("+");
    for (key, (want, events)) in &gold_parts {
        let (person, date) = key;
        let item = format!("{person} @ {date}");
        let Some((have, graph_events)) = facts.participations.get(key) else {
            let note = (!events.is_empty()).then(|| format!("gold: {}", events.join(" / ")));
            note_of(Measure::Participations, FindingKind::Missed, item, note);
            continue;
        };
        relation.of += 1;
        let graph_events = graph_events.iter().cloned().collect::<Vec<_>>().join(" / ");
        if have.intersection(want).next().is_some() {
            relation.right += 1;
            if !have.is_subset(want) {
                note_of(
                    Measure::Relation,
                    FindingKind::Extra,
                    item,
                    Some(format!(
                        "graph: {} ({graph_events}); gold: {}",
                        rels(have),
                        rels(want)
                    )),
                );
            }
        } else {
            note_of(
                Measure::Relation,
                FindingKind::Mismatch,
                item,
                Some(format!(
                    "graph: {} ({graph_events}); gold: {} ({})",
                    rels(have),
                    rels(want),
                    events.join(" / ")
                )),
            );
        }
    }
    for (key, (have, graph_events)) in &facts.participations {
        if !gold_parts.contains_key(key) {
            let (person, date) = key;
            let graph_events = graph_events.iter().cloned().collect::<Vec<_>>().join(" / ");
            let mut note = format!("graph: {} ({graph_events})", rels(have));
            if let Some(n) = other_people.get(person) {
                note.push_str(&format!("; gold: not a district official: {n}"));
            }
            note_of(
                Measure::Participations,
                FindingKind::Wrong,
                format!("{person} @ {date}"),
                Some(note),
            );
        }
    }

    // District events: recall only, any graph event counts.
    let mut gold_events: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for e in &gold.events {
        gold_events
            .entry((name_key(&e.district), e.date.trim().to_string()))
            .or_default()
            .push(&e.name);
    }
    let mut events = Share {
        right: 0,
        of: gold_events.len(),
    };
    for (key, names) in &gold_events {
        if facts.events.contains_key(key) {
            events.right += 1;
            continue;
        }
        let (district, date) = key;
        let same_day: Vec<String> = facts
            .events
            .iter()
            .filter(|((_, d), _)| d == date)
            .flat_map(|((dist, _), ns)| ns.iter().map(move |n| format!("{n} @ {dist}")))
            .take(3)
            .collect();
        let mut note = format!("gold: {}", names.join(" / "));
        if !same_day.is_empty() {
            note.push_str(&format!("; graph that day: {}", same_day.join(" / ")));
        }
        note_of(
            Measure::Events,
            FindingKind::Missed,
            format!("{district} @ {date}"),
            Some(note),
        );
    }

    // Projects, by normalised name; several graph nodes may match one gold project.
    let gold_projects: Vec<(String, String, Option<String>)> = gold
        .projects
        .iter()
        .map(|p| {
            let district = p.district.as_deref().map(name_key);
            (p.name.clone(), project_key(&p.name), district)
        })
        .collect();
    let gold_project_keys: BTreeSet<&str> = gold_projects.iter().map(|p| p.1.as_str()).collect();
    let mut projects = Prf {
        graph: facts.projects.len(),
        gold: gold_projects.len(),
        ..Prf::default()
    };
    for (name, keys, districts) in &facts.projects {
        if keys.iter().any(|k| gold_project_keys.contains(k.as_str())) {
            projects.matched_graph += 1;
        } else {
            let ds = districts.iter().cloned().collect::<Vec<_>>().join(", ");
            note_of(
                Measure::Projects,
                FindingKind::Wrong,
                if ds.is_empty() {
                    name.clone()
                } else {
                    format!("{name} @ {ds}")
                },
                None,
            );
        }
    }
    let mut project_district = Share::default();
    for (name, key, district) in &gold_projects {
        let matches: Vec<_> = facts
            .projects
            .iter()
            .filter(|(_, keys, _)| keys.contains(key))
            .collect();
        if matches.is_empty() {
            let at = district.as_deref().unwrap_or("?");
            note_of(
                Measure::Projects,
                FindingKind::Missed,
                format!("{name} @ {at}"),
                None,
            );
            continue;
        }
        projects.matched_gold += 1;
        // A project whose district the reader could not tell is scored by name only.
        let Some(district) = district else { continue };
        project_district.of += 1;
        if matches.iter().any(|(_, _, ds)| ds.contains(district)) {
            project_district.right += 1;
        } else {
            let ds: BTreeSet<&str> = matches
                .iter()
                .flat_map(|(_, _, ds)| ds.iter().map(String::as_str))
                .collect();
            let ds = if ds.is_empty() {
                "none".to_string()
            } else {
                ds.into_iter().collect::<Vec<_>>().join(", ")
            };
            note_of(
                Measure::ProjectDistrict,
                FindingKind::Mismatch,
                format!("{name} @ {district}"),
                Some(format!("graph: {ds}")),
            );
        }
    }

    // Personnel, by (person, district, title, class of change); dates where
    // the gold gives one.
    let mut gold_personnel: BTreeMap<(String, String, String, &'static str), Option<String>> =
        BTreeMap::new();
    let annotated = gold.personnel.is_some();
    for p in gold.personnel.iter().flatten() {
        let key = (
            name_key(&p.person),
            name_key(&p.district),
            title_key(&p.title),
            change_class(&p.change),
        );
        let slot = gold_personnel.entry(key).or_default();
        if slot.is_none() {
            *slot = p.date.clone();
        }
    }
    if !annotated {
        facts.personnel.clear();
    }
    let mut personnel = Prf {
        graph: facts.personnel.len(),
        gold: gold_personnel.len(),
        ..Prf::default()
    };
    let mut personnel_dates = Share::default();
    let show = |k: &(String, String, String, &str)| format!("{} @ {}: {} {}", k.0, k.1, k.2, k.3);
    for (key, dates) in &facts.personnel {
        if gold_personnel.contains_key(key) {
            personnel.matched_graph += 1;
        } else {
            let dates = dates.iter().cloned().collect::<Vec<_>>().join(", ");
            note_of(
                Measure::Personnel,
                FindingKind::Wrong,
                show(key),
                Some(dates),
            );
        }
    }
    for (key, date) in &gold_personnel {
        let Some(dates) = facts.personnel.get(key) else {
            note_of(
                Measure::Personnel,
                FindingKind::Missed,
                show(key),
                date.clone(),
            );
            continue;
        };
        personnel.matched_gold += 1;
        if let Some(date) = date {
            personnel_dates.of += 1;
            if dates.contains(date) {
                personnel_dates.right += 1;
            } else {
                let got = dates.iter().cloned().collect::<Vec<_>>().join(", ");
                note_of(
                    Measure::PersonnelDate,
                    FindingKind::Mismatch,
                    format!("{} {date}", show(key)),
                    Some(format!("graph: {got}")),
                );
            }
        }
    }

    // Period, informational, only when the graph has a dated document node.
    let gold_period = gold.period.as_ref().map(|p| (p.from.clone(), p.to.clone()));
    let period = facts.periods.first().map(|graph_period| PeriodCheck {
        graph: graph_period.clone(),
        matches: gold_period.as_ref() == Some(graph_period),
        gold: gold_period,
    });

    findings.sort();
    FileScore {
        scores: Scores {
            officials: Prf::of_sets(&facts.officials, &gold_officials),
            titles: Prf::of_sets(&facts.titles, &gold_titles),
            participations,
            relation,
            events,
            projects,
            project_district,
            personnel,
            personnel_dates,
        },
        period,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_edges() {
        let none = Prf::default();
        assert_eq!(none.f1(), None);
        let only_graph = Prf {
            graph: 3,
            ..Prf::default()
        };
        assert_eq!(only_graph.precision(), Some(0.0));
        assert_eq!(only_graph.recall(), None);
        assert_eq!(only_graph.f1(), Some(0.0));
        let half = Prf {
            graph: 2,
            gold: 2,
            matched_graph: 1,
            matched_gold: 1,
        };
        assert_eq!(half.f1(), Some(0.5));
    }

    #[test]
    fn project_keys() {
        assert_eq!(project_key("《X》工程项目"), "X");
        assert_eq!(project_key("项目"), "项目");
        assert_eq!(project_key(" 正奇未来城项目 "), "正奇未来城");
        assert_eq!(project_key("‘山海经世界’主题文旅"), "山海经世界主题文旅");
    }
}
