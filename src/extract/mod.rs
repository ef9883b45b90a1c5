//! Extraction: one document in, the facts it states out, in three layers.
//!
//! 1. [`mention`]: what each sentence names, wherever it stands: dates
//!    ([`mention::date`], resolved against the document's [`calendar`]),
//!    districts, cities and streets of the national gazetteer
//!    ([`mention::place`]), title chains ([`mention::title`]), names
//!    ([`mention::person`]) and verbs. Reads `data/gazetteer.tsv`,
//!    `districts.tsv`, `place_words.tsv`, `titles.tsv`, `organs.tsv`,
//!    `names.tsv`, `surnames.txt`, `credits.tsv`.
//! 2. [`frame`]: each clause as a frame, who did what, when, to which meeting;
//!    a clause of names lends them to the next one's verb. Reads `verbs.tsv`
//!    and, through [`event`], `events.tsv`.
//! 3. [`discourse`]: what carries from sentence to sentence as a reader
//!    carries it: the publication date and the last date read, the district of
//!    the section, paragraph and document, the official a paragraph is about,
//!    the meeting in hand, the visit others escort. It resolves everything
//!    into [`Facts`].
//!
//! Projects ([`project`], `projects.tsv`) are read per sentence beside these.
//!
//! A new kind of sentence should be a new row in a table or a new mention
//! form, not a new branch. Extraction runs on a Simplified copy of the text
//! that has exactly as many characters as the text as written, so every
//! offset is an offset into both and evidence quotes the article as it was
//! written. Each layer costs time linear in the sentence (or, for discourse,
//! the document): every table is one automaton, and the mention layer has
//! jieba segment each sentence once (the project reader, and the pipeline's
//! first pass over all documents, still segment again: see the performance
//! issue).

pub mod calendar;
pub mod discourse;
pub mod event;
pub mod frame;
pub mod mention;
pub mod personnel;

use std::collections::{BTreeMap, BTreeSet};

use jieba_rs::Jieba;

use serde::{Deserialize, Serialize};

use crate::graph::{Evidence, Relation};
use crate::normalise::Document;
use crate::rules::{Rules, WordSet};
pub use calendar::{Dated, Day, Period};

/// A person holding a post in a district, as one sentence shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostFact {
    pub person: String,
    pub district: String,
    /// The district's city, where the text or the gazetteer tells it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<Day>,
    pub evidence: Evidence,
}

/// A decision on a district post, or a change of its holder, as one sentence
/// states it (任命甲为福田区副区长, 免去乙的区长职务, 丙调任…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonnelFact {
    pub person: String,
    pub district: String,
    /// The district's city, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The title as the chain records it (代理区长 stays as written: the graph
    /// folds acting titles into their post).
    pub title: String,
    pub change: crate::rules::Change,
    /// The day of the decision: the sentence's date, else the running one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    /// The deciding body, where the sentence names it (福田区人大常委会).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    pub evidence: Evidence,
}

/// A role that is not a district post (编辑, 院士, 市委社会工作部部长).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleFact {
    pub person: String,
    pub role: String,
    /// The name as written, when it differs (Traditional script).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
}

/// An event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFact {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Day>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The district's city, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub evidence: Evidence,
}

/// A person taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    pub person: String,
    pub event: String,
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
    /// The post the sentence names for the person, the most principal where it
    /// names several (区委副书记、区长某某: 区长); `None` where it names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub evidence: Evidence,
}

/// A project, a venue, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectFact {
    pub name: String,
    /// Other forms of the name as written (福田区某某新材…, with the district
    /// read off its name).
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The district's city, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// True when the name is a project; false for a venue only.
    pub project: bool,
    /// True when an event is held at it.
    pub venue: bool,
    /// The stage its sentence gives it (签约, 开工, 封顶, 竣工, 投产, 启用).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// The day its sentence is about, else the document's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<calendar::Day>,
    pub evidence: Evidence,
}

/// Everything one document states: what `govgraph extract` writes for each
/// document (one JSON Lines record, see [`crate::merge`]) and what
/// [`crate::resolve`] makes a graph of. Empty lists are left out of the JSON.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    pub doc: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub posts: Vec<PostFact>,
    /// Appointments, elections, removals: what personnel news states.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub personnel: Vec<PersonnelFact>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleFact>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventFact>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participations: Vec<Participation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<ProjectFact>,
    /// (event id, project name)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<(String, String)>,
    /// Organisations named, with the sentence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<(String, Evidence)>,
    /// (event id, organisation name)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub involves: Vec<(String, String)>,
    /// Names as written in Traditional script, by Simplified name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub written_forms: BTreeMap<String, String>,
    /// What holds only if a name the document writes bare (no title) is an
    /// official another document names: resolved when facts are merged.
    #[serde(skip_serializing_if = "Pending::is_empty")]
    pub pending: Pending,
    /// Every project candidate read, kept or not, with its signs and score: what
    /// the project weights are fitted on (`examples/fit_projects.rs`). Empty
    /// unless [`Extractor::keeping_candidates`] asked for them; never written.
    #[serde(skip)]
    pub project_candidates: Vec<mention::project::ProjectMention>,
}

/// Facts about names a document writes bare ("范某某、左某某密集会见企业"),
/// read as if each were an official: they hold for the names that turn out to
/// be officials once every document's facts are merged (an official is a
/// person some document names with a district post). The document alone
/// cannot tell, and no document waits for another: see [`crate::merge`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pending {
    /// Each bare name's part in an event; `person` is the bare name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participations: Vec<Participation>,
    /// Events only these participations make (the document's own reading
    /// has no such event).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventFact>,
    /// (event id, project name) of those events.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<(String, String)>,
    /// (event id, organisation name) of those events.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub involves: Vec<(String, String)>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.participations.is_empty()
    }

    /// The participations of the people `keep` holds, the events they take
    /// part in that are none of `known`, and those events' links. Linear in
    /// the facts (times a set lookup).
    pub fn kept(self, keep: impl Fn(&str) -> bool, known: &[EventFact]) -> Pending {
        let participations: Vec<Participation> = (self.participations.into_iter())
            .filter(|p| keep(&p.person))
            .collect();
        let taken: BTreeSet<&str> = participations.iter().map(|p| p.event.as_str()).collect();
        let known: BTreeSet<&str> = known.iter().map(|e| e.id.as_str()).collect();
        let events: Vec<EventFact> = (self.events.into_iter())
            .filter(|e| taken.contains(e.id.as_str()) && !known.contains(e.id.as_str()))
            .collect();
        let new: BTreeSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
        let links = |list: Vec<(String, String)>| -> Vec<(String, String)> {
            list.into_iter()
                .filter(|(e, _)| new.contains(e.as_str()))
                .collect()
        };
        Pending {
            concerns: links(self.concerns),
            involves: links(self.involves),
            participations,
            events,
        }
    }

    /// What of `facts`' pending facts holds once `officials` are known
    /// ([`Pending::kept`] of those that are officials), moved into `facts`,
    /// with the sightings of posts they add. Linear in the facts.
    pub fn settle(facts: &mut Facts, is_official: impl Fn(&str) -> bool) {
        let held = std::mem::take(&mut facts.pending).kept(is_official, &facts.events);
        facts.events.extend(held.events);
        facts.concerns.extend(held.concerns);
        facts.involves.extend(held.involves);
        let extra = seen_active(&facts.posts, &held.participations);
        facts.posts.extend(extra);
        facts.participations.extend(held.participations);
    }
}

/// A post is seen on the first and the last day its holder is seen active in
/// the document (a post needs no more, since it is kept with its first and
/// last sightings): the sightings `participations` add to `posts`, each post
/// once. Linear in both (times a map lookup).
pub(crate) fn seen_active(posts: &[PostFact], participations: &[Participation]) -> Vec<PostFact> {
    let mut span: BTreeMap<&str, (Day, Day)> = BTreeMap::new();
    for p in participations {
        if let Some(d) = p.date {
            let e = span.entry(p.person.as_str()).or_insert((d, d));
            e.0 = e.0.min(d);
            e.1 = e.1.max(d);
        }
    }
    let mut extra = Vec::new();
    let mut done: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
    for post in posts {
        let key = (
            post.person.as_str(),
            post.district.as_str(),
            post.title.as_str(),
        );
        let Some(&(first, last)) = span.get(post.person.as_str()) else {
            continue;
        };
        if !done.insert(key) {
            continue;
        }
        for d in [first, last] {
            if post.seen != Some(d) {
                extra.push(PostFact {
                    seen: Some(d),
                    ..post.clone()
                });
            }
        }
    }
    extra
}

/// The share of Traditional-only characters above which an article is folded to
/// Simplified. Simplified articles score near zero, Traditional ones far above.
const TRADITIONAL_SHARE: f32 = 0.02;

/// Extracts facts from documents.
pub struct Extractor {
    rules: Rules,
    jieba: Jieba,
    /// The year to assume where a text gives none (`--year`).
    year: Option<i32>,
    /// Keep every project candidate in the facts (for fitting weights).
    pub(crate) keep_candidates: bool,
    /// The user dictionary's people: a document takes those it holds, so a
    /// large dictionary costs one scan a document.
    dictionary_people: WordSet,
}

impl Extractor {
    pub fn new(rules: Rules) -> Extractor {
        let mut jieba = Jieba::new();
        for name in rules.user_people() {
            jieba.add_word(name, Some(100_000), Some("nr"));
        }
        for name in &rules.organizations {
            jieba.add_word(name, Some(100_000), Some("nt"));
        }
        for name in rules.projects.keys() {
            jieba.add_word(name, Some(100_000), Some("nz"));
        }
        for word in &rules.segmentation_words {
            jieba.add_word(word, Some(100_000), None);
        }
        Extractor {
            jieba,
            year: None,
            keep_candidates: false,
            dictionary_people: WordSet::new(&rules.people.keys().collect::<Vec<_>>()),
            rules,
        }
    }

    /// The dictionary's people that `text` holds, each once, in name order.
    /// Linear in the text.
    pub(crate) fn dictionary_people_in(&self, text: &str) -> BTreeSet<&String> {
        self.dictionary_people.held(text)
    }

    /// Keeps every project candidate, decided or not, in
    /// [`Facts::project_candidates`] (what `examples/fit_projects.rs` fits on).
    pub fn keeping_candidates(mut self) -> Extractor {
        self.keep_candidates = true;
        self
    }

    /// Assumes `year` where a document gives no year for its dates.
    pub fn with_year(mut self, year: Option<i32>) -> Extractor {
        self.year = year;
        self
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The facts a document states, read alone: names it writes bare are
    /// kept in [`Facts::pending`]. Linear in the document.
    pub fn extract(&self, doc: &Document) -> Facts {
        discourse::read(self, doc, None, None).unwrap_or_default()
    }

    /// As [`Extractor::extract`], adding to `read` the bytes of each sentence
    /// (UTF-8, as normalised) as its mentions are found, so that a progress
    /// display moves within a large article.
    pub fn extract_counting(&self, doc: &Document, read: &std::sync::atomic::AtomicU64) -> Facts {
        discourse::read(self, doc, Some(read), None).unwrap_or_default()
    }

    /// As [`Extractor::extract`] (counting into `read` when given), but
    /// `None` once `limit` has passed since it began: it stops between two
    /// sentences, so a runaway article costs at most `limit` and a sentence.
    pub fn extract_within(
        &self,
        doc: &Document,
        read: Option<&std::sync::atomic::AtomicU64>,
        limit: std::time::Duration,
    ) -> Option<Facts> {
        let deadline = std::time::Instant::now().checked_add(limit);
        discourse::read(self, doc, read, deadline)
    }
}

/// The text in Simplified script: folded when it is mostly Traditional.
pub(crate) fn simplified(text: &str) -> std::borrow::Cow<'_, str> {
    if crate::script::traditional_share(text) > TRADITIONAL_SHARE {
        crate::script::to_simplified(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// True for a CJK ideograph (the script names and titles are written in):
/// the one definition, [`crate::script::is_han`].
pub(crate) use crate::script::is_han;

/// True when `word` ends in `chars` right before character offset `end`.
pub(crate) fn word_ends_at(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && word_at(chars, end - n, word)
}

/// True when a title of the table longer than `len` characters opens at
/// `at`: what a place match of `len` characters there is part of ("代县长"
/// holds no 代县). Linear in the number of titles.
pub(crate) fn title_opens_at(rules: &Rules, chars: &[char], at: usize, len: usize) -> bool {
    rules
        .titles
        .iter()
        .any(|t| t.written.chars().count() > len && word_at(chars, at, &t.written))
}

/// True when `word` stands in `chars` at character offset `at`.
pub(crate) fn word_at(chars: &[char], at: usize, word: &str) -> bool {
    // Compared as it goes: no count of the word's characters first.
    (at..)
        .zip(word.chars())
        .all(|(i, c)| chars.get(i) == Some(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Facts {
        let ex = Extractor::new(Rules::builtin());
        let doc = crate::normalise::normalise("t.txt", text);
        ex.extract(&doc)
    }

    #[test]
    fn one_sentence_gives_post_event_and_participation() {
        let f = facts(
            "2024年12月9日至12月15日。\n12月11日,福田举办“模力福地”行动方案发布会,区委书记李某某参加。",
        );
        assert_eq!(f.posts[0].person, "李某某");
        assert_eq!(f.posts[0].district, "福田区");
        assert_eq!(
            f.events[0].id,
            "event:2024-12-11:福田区:模力福地行动方案发布会"
        );
        assert_eq!(f.participations[0].relation, Relation::Attended);
    }

    #[test]
    fn anaphoric_meeting_in_the_next_sentence() {
        let f = facts(
            "2024年12月9日至12月15日。\n12月12日,南山区委常委会召开会议,同时套开学习会。区委书记黄某某主持会议。",
        );
        let p = &f.participations[0];
        assert_eq!(p.relation, Relation::Chaired);
        assert_eq!(p.event, "event:2024-12-12:南山区:南山区委常委会会议");
    }

    #[test]
    fn round_up_pairs_take_the_roster_titles() {
        let f = facts(
            "2024年12月9日至12月15日。各区区委书记、区长忙些什么。\n本周罗湖区专题研究安全生产。\n12月9日至13日,范文远、左志明密集会见企业。",
        );
        let posts: Vec<(&str, &str, &str)> = f
            .posts
            .iter()
            .map(|p| (p.person.as_str(), p.district.as_str(), p.title.as_str()))
            .collect();
        assert!(
            posts.contains(&("范文远", "罗湖区", "区委书记")),
            "{posts:?}"
        );
        assert!(posts.contains(&("左志明", "罗湖区", "区长")), "{posts:?}");
    }

    #[test]
    fn a_clause_of_names_lends_them_to_the_next_activity() {
        let f = facts(
            "2024年6月17日至6月23日。\n6月18日,龙华区委书记柯某某主持召开区委常委会会议。\n6月19日,柯某某,区委副书记、区长邵某某到观澜街道调研。",
        );
        let on_19th: Vec<&str> = f
            .participations
            .iter()
            .filter(|p| p.date.map(|d| d.iso()).as_deref() == Some("2024-06-19"))
            .map(|p| p.person.as_str())
            .collect();
        assert_eq!(on_19th, vec!["柯某某", "邵某某"]);
    }

    #[test]
    fn officials_who_escort_a_visitor_attend_the_visit() {
        let f = facts(
            "2024年6月17日至6月23日。\n6月17日,市委常委、常务副市长贺某到宝安调研防汛工作,先后察看碧道工程。宝安区委书记钟某某、区长祁某某陪同。",
        );
        let got: Vec<(&str, &str)> = f
            .participations
            .iter()
            .map(|p| (p.person.as_str(), p.event.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("钟某某", "event:2024-06-17:宝安区:到宝安调研防汛工作"),
                ("祁某某", "event:2024-06-17:宝安区:到宝安调研防汛工作")
            ]
        );
    }

    #[test]
    fn editors_are_no_officials() {
        let f = facts("2024年12月9日至12月15日。\n编辑 吴雅琴 审读 张青松");
        assert!(f.posts.is_empty());
        assert_eq!(f.roles.len(), 2);
    }
}
