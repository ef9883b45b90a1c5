//! Extraction: one document in, the facts it states out.
//!
//! Each kind of mention has its own module ([`date`], [`district`], [`person`],
//! [`event`], [`project`]); this module walks a document paragraph by paragraph
//! and sentence by sentence and ties the mentions together. Three kinds of
//! context carry over between sentences, because articles rely on them:
//!
//! - the district: a heading ("福田区" alone on a line) opens a section, and a
//!   paragraph without a district continues the one before (or the district the
//!   whole document is about);
//! - the date: a sentence without one continues the sentence before it in the
//!   same paragraph, and "同日"/"当晚"/"次日" restate or advance it;
//! - the event: "黄立山主持会议。" after "南山区委常委会召开会议" is the same meeting.
//!
//! Extraction runs on a Simplified copy of the text that has exactly as many
//! characters as the text as written, so every offset is an offset into both
//! and evidence quotes the article as it was written.

pub mod date;
pub mod district;
pub mod event;
pub mod person;
pub mod project;

use std::collections::{BTreeMap, BTreeSet};

use jieba_rs::Jieba;

use crate::annotate::{Annotated, Span};
use crate::graph::{Evidence, Relation};
use crate::normalise::Document;
use crate::rules::Rules;
use date::{DateResolver, Dated, Day, Period, SentenceDate};
use event::Named;
use person::PersonFinder;

/// A person holding a post in a district, as one sentence shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFact {
    pub person: String,
    pub district: String,
    pub title: String,
    pub seen: Option<Day>,
    pub evidence: Evidence,
}

/// A role that is not a district post (编辑, 院士, 市委社会工作部部长).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFact {
    pub person: String,
    pub role: String,
    /// The name as written, when it differs (Traditional script).
    pub written: Option<String>,
}

/// An event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFact {
    pub id: String,
    pub name: String,
    pub date: Option<Day>,
    pub end_date: Option<Day>,
    pub district: Option<String>,
    pub evidence: Evidence,
}

/// A person taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participation {
    pub person: String,
    pub event: String,
    pub relation: Relation,
    pub date: Option<Day>,
    pub evidence: Evidence,
}

/// A project (or a venue, when `venue`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFact {
    pub name: String,
    pub district: Option<String>,
    pub venue: bool,
    pub evidence: Evidence,
}

/// Everything one document states.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub doc: String,
    pub period: Option<Period>,
    pub posts: Vec<PostFact>,
    pub roles: Vec<RoleFact>,
    pub events: Vec<EventFact>,
    pub participations: Vec<Participation>,
    pub projects: Vec<ProjectFact>,
    /// (event id, project name)
    pub concerns: Vec<(String, String)>,
    /// Organisations named, with the sentence.
    pub organizations: Vec<(String, Evidence)>,
    /// (event id, organisation name)
    pub involves: Vec<(String, String)>,
    /// Names as written in Traditional script, by Simplified name.
    pub written_forms: BTreeMap<String, String>,
}

/// The share of Traditional-only characters above which an article is folded to
/// Simplified. Simplified articles score near zero, Traditional ones far above.
const TRADITIONAL_SHARE: f32 = 0.02;

/// What other documents already taught: officials by name, with their districts.
pub type KnownOfficials = BTreeMap<String, BTreeSet<String>>;

/// Extracts facts from documents.
pub struct Extractor {
    rules: Rules,
    jieba: Jieba,
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
        Extractor { rules, jieba }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The officials a document names with a title, for use across documents.
    pub fn officials_in(&self, doc: &Document) -> KnownOfficials {
        let facts = self.extract(doc, &KnownOfficials::new());
        let mut out = KnownOfficials::new();
        for p in facts.posts {
            out.entry(p.person).or_default().insert(p.district);
        }
        out
    }

    /// The facts a document states. `known` are officials other documents named.
    pub fn extract(&self, doc: &Document, known: &KnownOfficials) -> Facts {
        DocumentWalk::new(self, doc, known).run()
    }
}

/// The state of one walk through one document.
struct DocumentWalk<'a> {
    rules: &'a Rules,
    jieba: &'a Jieba,
    finder: PersonFinder<'a>,
    doc: &'a Document,
    written: Vec<char>,
    text: Annotated,
    dates: DateResolver,
    facts: Facts,
    /// Officials of this document: name -> districts.
    officials: KnownOfficials,
    /// Every name worth looking for as a bare mention.
    names: BTreeSet<String>,
    /// Names this document itself gives a title.
    titled: BTreeSet<String>,
    /// Titles a round-up says it covers ("各区区委书记、区长"), in order.
    roster: Vec<String>,
    dominant: Option<String>,
    /// The district or county an article without known districts is about.
    home: Option<String>,
    event_index: BTreeMap<String, usize>,
}

impl<'a> DocumentWalk<'a> {
    fn new(ex: &'a Extractor, doc: &'a Document, known: &KnownOfficials) -> DocumentWalk<'a> {
        // Only an article written in Traditional script is folded: a Simplified
        // one keeps its rare characters (金昇厂) as written.
        let simplified = if crate::script::traditional_share(&doc.text) > TRADITIONAL_SHARE {
            crate::script::to_simplified(&doc.text)
        } else {
            std::borrow::Cow::Borrowed(doc.text.as_str())
        };
        let text = Annotated::new(&simplified);
        let written: Vec<char> = doc.text.chars().collect();
        let dates =
            DateResolver::for_document(&simplified, doc.title.as_deref(), doc.date.as_deref());
        let mut names: BTreeSet<String> = known.keys().cloned().collect();
        names.extend(ex.rules.user_people().map(String::from));
        let mut officials = KnownOfficials::new();
        for (name, post) in &ex.rules.people {
            if let Some((district, _)) = post {
                officials
                    .entry(name.clone())
                    .or_default()
                    .insert(district.clone());
            }
        }
        for (name, districts) in known {
            officials
                .entry(name.clone())
                .or_default()
                .extend(districts.iter().cloned());
        }
        let head: String =
            simplified.chars().take(800).collect::<String>() + doc.title.as_deref().unwrap_or("");
        let roster = roster_of(&head);
        let known_districts = district::find_known(&ex.rules, &simplified);
        let dominant = dominant_district(&known_districts);
        let home = if known_districts.is_empty() {
            district::most_written_full_form(&simplified)
        } else {
            None
        };
        let facts = Facts {
            doc: doc.name.clone(),
            period: dates.period,
            ..Facts::default()
        };
        DocumentWalk {
            rules: &ex.rules,
            jieba: &ex.jieba,
            finder: PersonFinder::new(&ex.rules, &ex.jieba),
            doc,
            written,
            text,
            dates,
            facts,
            officials,
            names,
            titled: BTreeSet::new(),
            roster,
            dominant,
            home,
            event_index: BTreeMap::new(),
        }
    }

    fn run(mut self) -> Facts {
        let districts = self.paragraph_districts();
        self.find_titled_people(&districts);
        for (ix, para) in self.text.paragraphs.clone().iter().enumerate() {
            if districts[ix].1 {
                continue; // a heading
            }
            self.walk_paragraph(&para.sentences, districts[ix].0.clone());
        }
        self.date_posts();
        self.facts
    }

    fn evidence(&self, span: Span) -> Evidence {
        Evidence {
            doc: self.doc.name.clone(),
            start: span.start,
            end: span.end,
            text: self.written[span.start..span.end].iter().collect(),
        }
    }

    /// The district of each paragraph, and whether the paragraph is a heading.
    fn paragraph_districts(&self) -> Vec<(Option<String>, bool)> {
        let has_headings = self
            .text
            .paragraphs
            .iter()
            .any(|p| district::heading(self.rules, &self.text.text(p.span)).is_some());
        let mut out = Vec::new();
        let mut section: Option<String> = None;
        let mut previous: Option<String> = None;
        for p in &self.text.paragraphs {
            let line = self.text.text(p.span);
            if let Some(d) = district::heading(self.rules, &line) {
                section = Some(d.clone());
                previous = Some(d.clone());
                out.push((Some(d), true));
                continue;
            }
            let own = self.first_district(&line);
            let d = own
                .or_else(|| if has_headings { section.clone() } else { None })
                .or_else(|| self.dominant.clone())
                .or_else(|| previous.clone())
                .or_else(|| self.home.clone());
            previous = d.clone();
            out.push((d, false));
        }
        out
    }

    fn first_district(&self, text: &str) -> Option<String> {
        let mut found = district::find_known(self.rules, text);
        found.extend(district::find_after_city(text));
        found.extend(district::find_before_title(text));
        found.sort_by_key(|m| m.at);
        found.into_iter().next().map(|m| m.name)
    }

    /// Pass one: every titled person and byline, so later bare mentions resolve.
    fn find_titled_people(&mut self, districts: &[(Option<String>, bool)]) {
        for (ix, para) in self.text.paragraphs.clone().iter().enumerate() {
            for &s in &para.sentences {
                let sentence = self.text.text(s);
                let context = self
                    .first_district(&sentence)
                    .or_else(|| districts[ix].0.clone());
                let mut people = self.finder.titled(&sentence, context.as_deref());
                people.extend(self.finder.bylines(&sentence));
                for p in people {
                    self.names.insert(p.name.clone());
                    self.titled.insert(p.name.clone());
                    self.note_written_form(s.start + p.at, p.len, &p.name);
                    for post in &p.posts {
                        if let Some(d) = &post.district {
                            self.officials
                                .entry(p.name.clone())
                                .or_default()
                                .insert(d.clone());
                        }
                    }
                    for role in p.roles {
                        self.facts.roles.push(RoleFact {
                            person: p.name.clone(),
                            role,
                            written: None,
                        });
                    }
                }
            }
        }
    }

    fn note_written_form(&mut self, at: usize, len: usize, name: &str) {
        let written: String = self.written[at..at + len].iter().collect();
        if written != name {
            self.facts.written_forms.insert(name.to_string(), written);
        }
    }

    /// Pass two: one paragraph's events, participations, posts and projects.
    fn walk_paragraph(&mut self, sentences: &[Span], para_district: Option<String>) {
        let mut current_event: Option<String> = None;
        let mut previous: Option<Dated> = None;
        // What a visitor who is no official of ours came to do ("市领导到宝安调研……"),
        // for the officials who 陪同 them.
        let mut visit: Option<(String, Option<Dated>)> = None;
        for &span in sentences {
            let sentence = self.text.text(span);
            let (date, own) = match self.dates.sentence_date(&sentence, previous) {
                SentenceDate::Own(d) => (Some(d), true),
                SentenceDate::Undated => (None, true),
                SentenceDate::Silent => (previous, false),
            };
            if own {
                previous = date;
                current_event = None;
            }
            let district = self
                .first_district(&sentence)
                .or_else(|| para_district.clone());
            let evidence = self.evidence(span);
            let people = self.people_in(&sentence, district.as_deref(), date, &evidence);
            let events_before = self.facts.events.len();
            let mut sentence_event_made = false;
            // "柯某,区委副书记、区长邵某到街道调研": a clause that only names people
            // lends them to the activity of the clause after it.
            let mut lent: Vec<String> = Vec::new();
            for clause in self.text.clauses(span) {
                let clause_text = self.text.text(clause);
                let offset = clause.start - span.start;
                let in_clause: Vec<&(usize, usize, String)> = people
                    .iter()
                    .filter(|(at, _, _)| *at >= offset && *at < offset + clause.len())
                    .collect();
                if in_clause.is_empty()
                    && own
                    && visit.as_ref().is_none_or(|(_, d)| *d != date)
                    && let Some(at) = self.first_verb_at(&clause_text)
                {
                    let from: String = clause_text.chars().skip(at).collect();
                    visit = Some((event::activity_name(&from), date));
                }
                if names_only(&clause_text, &in_clause, offset) {
                    lent.extend(in_clause.iter().map(|(_, _, name)| name.clone()));
                    continue;
                }
                let borrowed = std::mem::take(&mut lent);
                let named = event::named_in_clause(self.rules, &clause_text);
                let target = match named {
                    // A silent sentence ("会议提出,...开展行动") names no new event of its own,
                    // and a second activity 开展-ed inside an event is part of it.
                    Some(Named::New(name))
                        if (own || !in_clause.is_empty())
                            && !(in_clause.is_empty()
                                && sentence_event_made
                                && clause_text.contains("开展")) =>
                    {
                        let id = self.event(&name, date, district.clone(), &evidence);
                        sentence_event_made = true;
                        Some(id)
                    }
                    Some(Named::Anaphor) if current_event.is_some() => current_event.clone(),
                    _ if in_clause.is_empty() => None,
                    _ if current_event.is_some() && (!own || sentence_event_made) => {
                        current_event.clone()
                    }
                    _ => {
                        let last = in_clause.last().map_or(0, |(at, len, _)| at + len - offset);
                        let rest: String = clause_text.chars().skip(last).collect();
                        let escorts =
                            self.rules.escort_verbs.iter().any(|v| {
                                rest.trim_start_matches(['、', ' ']).starts_with(v.as_str())
                            });
                        let escorted = visit
                            .as_ref()
                            .filter(|(_, d)| escorts && *d == date)
                            .map(|(name, _)| name.clone());
                        if let Some(name) = escorted {
                            let id = self.event(&name, date, district.clone(), &evidence);
                            sentence_event_made = true;
                            Some(id)
                        } else if self
                            .rules
                            .verbs
                            .iter()
                            .any(|(v, _)| rest.contains(v.as_str()))
                        {
                            let id = self.event(
                                &event::activity_name(&rest),
                                date,
                                district.clone(),
                                &evidence,
                            );
                            sentence_event_made = true;
                            Some(id)
                        } else {
                            current_event.clone()
                        }
                    }
                };
                if let Some(id) = &target {
                    current_event = Some(id.clone());
                    let relation = self.relation_after(&clause_text, 0);
                    for name in borrowed {
                        self.facts.participations.push(Participation {
                            person: name,
                            event: id.clone(),
                            relation,
                            date: date.map(|d| d.first),
                            evidence: evidence.clone(),
                        });
                    }
                    for (i, (_, _, name)) in in_clause.iter().enumerate() {
                        let list_end = self.list_end(&clause_text, &in_clause[i..], offset);
                        let relation = self.relation_after(&clause_text, list_end);
                        self.facts.participations.push(Participation {
                            person: name.clone(),
                            event: id.clone(),
                            relation,
                            date: date.map(|d| d.first),
                            evidence: evidence.clone(),
                        });
                    }
                }
            }
            // A dated sentence that names no event but says something happened.
            if own
                && date.is_some()
                && !sentence_event_made
                && people.is_empty()
                && let Some(name) = self.happening(span)
            {
                let id = self.event(&name, date, district.clone(), &evidence);
                current_event = Some(id);
            }
            self.projects_in(
                &sentence,
                span,
                district.as_deref(),
                para_district.as_deref(),
                events_before,
                &evidence,
            );
        }
    }

    /// An event for a dated sentence whose first clause says something took place.
    fn happening(&self, span: Span) -> Option<String> {
        let clauses = self.text.clauses(span);
        let clause = clauses
            .iter()
            .map(|c| self.text.text(*c))
            .find(|c| !is_date_only(c))?;
        let happened = self
            .rules
            .happened_verbs
            .iter()
            .any(|v| clause.contains(v.as_str()));
        happened.then(|| event::activity_name(&strip_leading_date(&clause)))
    }

    /// The officials named in a sentence: (offset, length, name), and the posts
    /// and roles the sentence states.
    fn people_in(
        &mut self,
        sentence: &str,
        district: Option<&str>,
        date: Option<Dated>,
        evidence: &Evidence,
    ) -> Vec<(usize, usize, String)> {
        let mut out: Vec<(usize, usize, String)> = Vec::new();
        for p in self.finder.titled(sentence, district) {
            for post in &p.posts {
                if let Some(d) = &post.district {
                    self.facts.posts.push(PostFact {
                        person: p.name.clone(),
                        district: d.clone(),
                        title: post.title.clone(),
                        seen: date.map(|d| d.first),
                        evidence: evidence.clone(),
                    });
                }
            }
            if self.officials.contains_key(&p.name) {
                out.push((p.at, p.len, p.name));
            }
        }
        for (at, len, name) in self.finder.known(sentence, &self.names) {
            let overlaps = out.iter().any(|(a, l, _)| at < a + l && *a < at + len);
            if !overlaps && self.officials.contains_key(&name) {
                // A user's dictionary may give the post the text leaves unsaid.
                if let Some(Some((district, title))) = self.rules.people.get(&name) {
                    self.facts.posts.push(PostFact {
                        person: name.clone(),
                        district: district.clone(),
                        title: title.clone(),
                        seen: date.map(|d| d.first),
                        evidence: evidence.clone(),
                    });
                }
                out.push((at, len, name));
            }
        }
        if !self.roster.is_empty()
            && let Some(d) = district
        {
            out.extend(self.roster_names(sentence, d, date, evidence));
        }
        out.sort();
        out.dedup();
        out
    }

    /// Unknown names listed as the subject of a round-up's activity take the
    /// round-up's titles in order: "范文远、左志明密集会见企业" under 罗湖 gives
    /// 罗湖区's 区委书记 and 区长.
    fn roster_names(
        &mut self,
        sentence: &str,
        district: &str,
        date: Option<Dated>,
        evidence: &Evidence,
    ) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let mut offset = 0;
        for clause in sentence.split([',', ';']) {
            let body = strip_leading_date(clause);
            let skip = clause.chars().count() - body.chars().count();
            let list = self.finder.name_list(&body);
            let unknown = list.iter().all(|(_, _, n)| !self.titled.contains(n));
            if list.len() == self.roster.len() && unknown {
                for (i, (at, len, name)) in list.into_iter().enumerate() {
                    self.names.insert(name.clone());
                    self.officials
                        .entry(name.clone())
                        .or_default()
                        .insert(district.to_string());
                    self.facts.posts.push(PostFact {
                        person: name.clone(),
                        district: district.to_string(),
                        title: self.roster[i].clone(),
                        seen: date.map(|d| d.first),
                        evidence: evidence.clone(),
                    });
                    out.push((offset + skip + at, len, name));
                }
            }
            offset += clause.chars().count() + 1;
        }
        out
    }

    /// Where the list of people starting with `people[0]` ends: "王子健、王德明召开"
    /// and "王子健和区长王德明以" are lists; a verb between two names ends one.
    fn list_end(&self, clause: &str, people: &[&(usize, usize, String)], offset: usize) -> usize {
        let chars: Vec<char> = clause.chars().collect();
        let mut end = people[0].0 + people[0].1 - offset;
        for next in &people[1..] {
            let start = next.0 - offset;
            if start < end || start - end > 4 {
                break;
            }
            let gap: String = chars[end..start].iter().collect();
            if self
                .rules
                .verbs
                .iter()
                .any(|(v, _)| gap.contains(v.as_str()))
            {
                break;
            }
            end = start + next.1;
        }
        end
    }

    /// The first participation verb in `chars`: where it stands, and the verb.
    fn first_verb(&self, chars: &[char]) -> Option<(usize, &str, Relation)> {
        (0..chars.len()).find_map(|i| {
            self.rules
                .verbs
                .iter()
                .find(|(verb, _)| word_at(chars, i, verb))
                .map(|(verb, relation)| (i, verb.as_str(), *relation))
        })
    }

    /// Where the first participation verb of a clause stands, in characters.
    fn first_verb_at(&self, clause: &str) -> Option<usize> {
        let chars: Vec<char> = clause.chars().collect();
        self.first_verb(&chars).map(|(at, _, _)| at)
    }

    /// Chaired or attended: the first participation verb after a person.
    fn relation_after(&self, clause: &str, after: usize) -> Relation {
        let rest: Vec<char> = clause.chars().skip(after).collect();
        // Further names in the same list come first: skip "、王某某" and "和区长".
        match self.first_verb(&rest) {
            // 召开 makes the subject its chair only when the person stands right before it.
            Some((at, "召开", _)) if at > 2 => Relation::Attended,
            Some((_, _, relation)) => relation,
            None => Relation::Attended,
        }
    }

    /// Adds (or finds) an event and returns its id.
    fn event(
        &mut self,
        name: &str,
        date: Option<Dated>,
        district: Option<String>,
        evidence: &Evidence,
    ) -> String {
        let key = event::key(name);
        let day = date
            .map(|d| d.first.iso())
            .unwrap_or_else(|| "undated".into());
        let id = match &district {
            Some(d) => format!("event:{day}:{d}:{key}"),
            None => format!("event:{day}:{key}"),
        };
        if !self.event_index.contains_key(&id) {
            self.event_index.insert(id.clone(), self.facts.events.len());
            self.facts.events.push(EventFact {
                id: id.clone(),
                name: name.to_string(),
                date: date.map(|d| d.first),
                end_date: date.and_then(|d| d.last),
                district,
                evidence: evidence.clone(),
            });
        }
        id
    }

    fn projects_in(
        &mut self,
        sentence: &str,
        span: Span,
        district: Option<&str>,
        para_district: Option<&str>,
        events_from: usize,
        evidence: &Evidence,
    ) {
        // Projects and organisations a user's dictionary names are taken as written.
        for (name, home) in &self.rules.projects {
            if sentence.contains(name.as_str()) {
                let home = home
                    .clone()
                    .or_else(|| self.project_district(name, district.or(para_district)));
                for e in &self.facts.events[events_from..] {
                    self.facts.concerns.push((e.id.clone(), name.clone()));
                }
                self.facts.projects.push(ProjectFact {
                    name: name.clone(),
                    district: home,
                    venue: false,
                    evidence: evidence.clone(),
                });
            }
        }
        for name in &self.rules.organizations {
            if sentence.contains(name.as_str()) {
                for e in &self.facts.events[events_from..] {
                    self.facts.involves.push((e.id.clone(), name.clone()));
                }
                self.facts
                    .organizations
                    .push((name.clone(), evidence.clone()));
            }
        }
        for m in project::find(self.rules, self.jieba, sentence) {
            if self.rules.projects.contains_key(&m.name) {
                continue;
            }
            let home = self.project_district(&m.name, district.or(para_district));
            self.note_written_form(span.start + m.at, m.len, &m.name);
            if !m.venue {
                for e in &self.facts.events[events_from..] {
                    self.facts.concerns.push((e.id.clone(), m.name.clone()));
                }
            }
            self.facts.projects.push(ProjectFact {
                name: m.name,
                district: home,
                venue: m.venue,
                evidence: evidence.clone(),
            });
        }
    }

    /// The district a project is in: the one its name starts with, unless the
    /// document is about one district and the name mentions it.
    fn project_district(&self, name: &str, context: Option<&str>) -> Option<String> {
        let stripped = name.trim_start_matches("深圳市").trim_start_matches("深圳");
        let mentions = district::find_known(self.rules, stripped);
        let starts = mentions
            .first()
            .filter(|m| m.at == 0)
            .map(|m| m.name.clone());
        match &self.dominant {
            Some(dom) if mentions.iter().any(|m| &m.name == dom) => Some(dom.clone()),
            Some(dom) => starts.or(Some(dom.clone())),
            None => starts.or(context.map(String::from)),
        }
    }

    /// A post is seen on every day its holder is seen active in this document;
    /// with no dated activity, on the document's period.
    fn date_posts(&mut self) {
        let mut days: BTreeMap<&str, Vec<Day>> = BTreeMap::new();
        for p in &self.facts.participations {
            if let Some(d) = p.date {
                days.entry(p.person.as_str()).or_default().push(d);
            }
        }
        let mut extra = Vec::new();
        for post in &self.facts.posts {
            for d in days.get(post.person.as_str()).into_iter().flatten() {
                if post.seen != Some(*d) {
                    extra.push(PostFact {
                        seen: Some(*d),
                        ..post.clone()
                    });
                }
            }
        }
        self.facts.posts.extend(extra);
        let period = self.facts.period;
        for post in &mut self.facts.posts {
            if post.seen.is_none() {
                post.seen = period.map(|p| p.from);
            }
        }
    }
}

/// The titles a round-up covers, from its opening: "各区区委书记、区长" -> [区委书记, 区长].
fn roster_of(head: &str) -> Vec<String> {
    for (marks, roster) in [
        (
            &["区委书记、区长", "区委书记和区长", "书记区长", "书记、区长"][..],
            ["区委书记", "区长"],
        ),
        (
            &["县委书记、县长", "书记县长", "书记、县长"][..],
            ["县委书记", "县长"],
        ),
    ] {
        if marks.iter().any(|m| head.contains(m)) {
            return roster.iter().map(|s| s.to_string()).collect();
        }
    }
    Vec::new()
}

/// The district a document is about, when one district has most of its mentions.
fn dominant_district(found: &[district::DistrictMention]) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for m in found {
        *counts.entry(m.name.clone()).or_default() += 1;
    }
    let (name, n) = counts.into_iter().max_by_key(|(_, n)| *n)?;
    (n >= 5 && n * 10 >= found.len() * 7).then_some(name)
}

/// True when `word` stands in `chars` at character offset `at`.
pub(crate) fn word_at(chars: &[char], at: usize, word: &str) -> bool {
    let n = word.chars().count();
    at + n <= chars.len() && chars[at..at + n].iter().copied().eq(word.chars())
}

/// True when a clause holds nothing but the people named in it (and their
/// separators): "柯某" in "6月19日,柯某,区委副书记、区长邵某到街道调研".
fn names_only(clause: &str, people: &[&(usize, usize, String)], offset: usize) -> bool {
    if people.is_empty() {
        return false;
    }
    let chars: Vec<char> = clause.chars().collect();
    let mut covered = vec![false; chars.len()];
    for (at, len, _) in people {
        let from = at - offset;
        for c in covered.iter_mut().skip(from).take(*len) {
            *c = true;
        }
    }
    chars
        .iter()
        .zip(&covered)
        .all(|(c, covered)| *covered || matches!(c, '、' | '和' | ' '))
}

fn is_date_only(clause: &str) -> bool {
    strip_leading_date(clause).trim().is_empty()
}

/// A clause without the date it opens with: "12月9日至13日,范文远" -> "范文远".
fn strip_leading_date(clause: &str) -> String {
    let re = date_prefix();
    re.replace(clause, "").into_owned()
}

fn date_prefix() -> &'static regex::Regex {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:(?:\d{4}年)?\d{1,2}月)?\d{1,2}日?(?:\s*(?:至|到|-)\s*(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚)?|^(?:同日|当晚|当天|次日|近日|本周)").expect("date prefix pattern is valid")
    });
    &RE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Facts {
        let ex = Extractor::new(Rules::builtin());
        let doc = crate::normalise::normalise("t.txt", text);
        ex.extract(&doc, &KnownOfficials::new())
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
