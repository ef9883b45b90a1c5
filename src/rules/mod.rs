//! The extraction rule tables: districts, titles, verbs, event words, surnames,
//! bylines and project words.
//!
//! The rules live in tab-separated text files under `data/` that a reader of
//! Chinese can edit without reading Rust; they are compiled into the binary with
//! `include_str!` and parsed by the same code that reads a user's dictionary, so
//! a user's lines behave exactly like built-in ones. A test proves every shipped
//! line parses, so [`Rules::builtin`] cannot fail at run time.

mod dict;
mod gazetteer;
mod lexicon;
mod personnel;
mod projects;

pub use dict::UserEntry;
pub use gazetteer::{County, Form, Gazetteer, PlaceKind, PlaceMatch};
pub(crate) use gazetteer::{address_host, sole_most};
pub use lexicon::{Boundaries, Hit, Lexicon, WordSet};
pub use personnel::{Change, PersonnelWords, Side, Trigger};
pub use projects::{Ending, EndingClass, Feature, ProjectModel, ProjectWords, WordHit, WordKind};

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::graph::Relation;

const DISTRICTS: &str = include_str!("../../data/districts.tsv");
const GAZETTEER: &str = include_str!("../../data/gazetteer.tsv");
const PLACE_WORDS: &str = include_str!("../../data/place_words.tsv");
const TITLES: &str = include_str!("../../data/titles.tsv");
const VERBS: &str = include_str!("../../data/verbs.tsv");
const EVENTS: &str = include_str!("../../data/events.tsv");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const CREDITS: &str = include_str!("../../data/credits.tsv");
const NAMES: &str = include_str!("../../data/names.tsv");
const ORGANS: &str = include_str!("../../data/organs.tsv");
const WORDS: &str = include_str!("../../data/words.tsv");
const PROJECTS: &str = include_str!("../../data/projects.tsv");
const PROJECT_FEATURES: &str = include_str!("../../data/project_features.tsv");
const PERSONNEL: &str = include_str!("../../data/personnel.tsv");

/// A rule table line that does not parse.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    #[error("reading dictionary {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// How far up the hierarchy a post is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A district (county, town) post: its holder is a district official.
    District,
    /// Its level comes from what is written before it.
    Inherit,
    /// Above the district: city, province.
    City,
    /// Outside government.
    Other,
    /// A group word around a list of names (区领导甲、乙): district officials.
    Group,
}

/// One known district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct District {
    pub name: String,
    pub aliases: Vec<String>,
    pub city: Option<String>,
}

/// One known post title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub written: String,
    pub level: Level,
    pub canonical: String,
    /// A post in a street or town of the district (level `local` in the
    /// table): the title keeps the place written before it, 仓前街道党工委书记,
    /// because the street says which post it is.
    pub keeps_place: bool,
    /// One holder per district (区委书记, 区长): a second name in a list after
    /// it does not share it.
    pub single: bool,
    /// May also follow the name it belongs to: 邵庭区长, 黄伟书记.
    pub after: bool,
    /// How principal the post is, 1 the most (区委书记); `None` below every
    /// ranked post.
    pub rank: Option<u32>,
}

/// What a verb does to the subjects of its clause (`data/verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbKind {
    /// They take part in the clause's activity.
    Activity,
    /// They join someone else's activity (陪同).
    Escort,
    /// Reported speech (表示, 强调): no activity.
    Speech,
    /// An accompaniment (带领, 率): the activity comes after it.
    Lead,
    /// A decision on posts (任命, 免去): no participation for those it names.
    Personnel,
    /// An activity that is joining an event (出席, 参加): said alone, it joins
    /// the meeting named before.
    Join,
}

/// The units of a district's streets and towns (街道, 镇, 乡): a title that
/// names one is a local post, kept with the street or town (仓前街道党工委书记).
pub const TOWN_UNITS: [&str; 3] = ["街道", "镇", "乡"];

/// The units a county-level body's organs are written with (区委, 县政协, 旗人大).
pub const COUNTY_UNITS: [char; 3] = ['区', '县', '旗'];

/// The kinds of word list `data/words.tsv` holds.
pub const WORD_KINDS: &[&str] = &[
    "scope_stop",
    "scope_through",
    "title_then_body",
    "title_of_name",
    "department",
    "year_past",
    "year_past_early",
    "below_town",
    "town_organ",
    "street_organ",
    "year_of_record",
    "year_of_record_after",
    "outlet",
    "occasion_end",
    "object_mark",
    "year_review",
    "stem_word",
    "guest_after",
    "guest_leaves",
    "guest_comes",
    "opens_group_list",
    "joins_group_list",
    "group_qualifier",
    "district_mark",
    "city_organ",
    "city_mark",
    "organ_alone",
    "bare_head",
    "zone",
    "after_district",
    "anaphor",
    "organ_ending",
    "destination",
    "destination_away",
    "not_name_scope",
    "join_after",
    "title_qualifier",
    "speech_done_after",
    "speech_noun_after",
    "speech_noun_opener",
    "unread_opening",
    "year_plan",
    "byline_after",
    "written_organ",
    "listed_organ",
    "annual_session",
];

/// Word lists by kind (`data/words.tsv`): what each layer reads beyond its
/// own tables.
#[derive(Debug, Clone, Default)]
pub struct Words {
    lists: BTreeMap<String, Vec<String>>,
}

impl Words {
    /// The words of a kind, in the table's order (empty for a kind with none).
    pub fn of(&self, kind: &str) -> &[String] {
        self.lists.get(kind).map_or(&[], |v| v.as_slice())
    }

    /// True when `word` is one of a kind.
    pub fn has(&self, kind: &str, word: &str) -> bool {
        self.of(kind).iter().any(|w| w == word)
    }

    /// The words of a kind, each written after a county-level unit
    /// ([`COUNTY_UNITS`]): 委 gives 区委, 县委, 旗委.
    pub fn with_units(&self, kind: &str) -> impl Iterator<Item = String> + '_ {
        self.of(kind)
            .iter()
            .flat_map(|w| COUNTY_UNITS.map(|u| format!("{u}{w}")))
    }
}

/// One verb of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    pub word: String,
    pub relation: Relation,
    pub kind: VerbKind,
}

/// Every table extraction reads.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub districts: Vec<District>,
    pub titles: Vec<Title>,
    pub verbs: Vec<Verb>,
    pub event_nouns: Vec<String>,
    pub held_verbs: Vec<String>,
    /// Verbs by which an official joins someone else's activity (陪同).
    pub escort_verbs: Vec<String>,
    /// Words that may stand before the verb of a clause whose subject is left out.
    pub adverbs: Vec<String>,
    pub happened_verbs: Vec<String>,
    pub surnames: BTreeSet<String>,
    pub credits: Vec<String>,
    /// Project words by kind (`data/projects.tsv`).
    pub project_words: ProjectWords,
    /// The weights project candidates are scored by (`data/project_features.tsv`).
    pub project_model: ProjectModel,
    /// People the user names: name -> (district, title) when given.
    pub people: BTreeMap<String, Option<(String, String)>>,
    pub organizations: BTreeSet<String>,
    /// Words the user's dictionaries give without a kind: segmentation keeps
    /// them whole, nothing more.
    pub segmentation_words: BTreeSet<String>,
    /// Project names the user names, with their district when given.
    pub projects: BTreeMap<String, Option<String>>,
    /// Every county-level division of China, cities and provinces (`data/gazetteer.tsv`).
    pub gazetteer: Gazetteer,
    /// County names that are also common words (城区, 老城区): districts only
    /// where a district must stand.
    pub place_words: BTreeSet<String>,
    /// [`Rules::titles`] compiled: a hit's `word` indexes `titles`.
    pub title_lexicon: Lexicon,
    /// [`Rules::verbs`] compiled: a hit's `word` indexes `verbs`.
    pub verb_lexicon: Lexicon,
    /// Words that may stand right after a name (`data/names.tsv`).
    pub name_follow: Vec<String>,
    /// Characters that never open a name.
    pub name_not_opening: BTreeSet<char>,
    /// Common words that open with a surname but are never names (全部, 部分).
    pub not_names: BTreeSet<String>,
    /// Follow words that end given names too (王大为, 张家和): a three-character
    /// name may end in one when a word that follows names comes right after.
    pub name_end: BTreeSet<char>,
    /// Follow words that may also open a preposition's object (新当选, 新任):
    /// after 为 they end no given name ("区政协主席梁某为新当选的委员颁证").
    pub name_follow_object: Vec<String>,
    /// Characters Mongolian, Tibetan and Uyghur names are transliterated with
    /// (巴, 图, 格, 日, 勒 ...): a titled name written without an interpunct
    /// may run to six characters of them (宝音满都呼).
    pub name_transliteration: BTreeSet<char>,
    /// Bodies that are no leading body of a district (工商联, 法院): a generic
    /// title after them is no district post.
    pub other_bodies: Vec<String>,
    /// Word lists by kind (`data/words.tsv`).
    pub words: Words,
    /// Words tying names to the title chain after them (任命甲为区长).
    pub post_links: Vec<String>,
    /// Words after which such a list of names starts (任命, 选举).
    pub list_openers: Vec<String>,
    /// Every word a name may end before: follow words, verbs and titles,
    /// compiled to report every start (overlapping).
    pub boundary_lexicon: Boundaries,
    /// Appointment and removal news (`data/personnel.tsv`).
    pub personnel: PersonnelWords,
    alias_index: HashMap<String, usize>,
}

impl Rules {
    /// The rules shipped with govgraph.
    pub fn builtin() -> Rules {
        Rules::parse_builtin().expect("the shipped rule tables parse (checked by a test)")
    }

    fn parse_builtin() -> Result<Rules, RulesError> {
        let mut rules = Rules::default();
        for (line_no, cols) in rows("data/gazetteer.tsv", GAZETTEER) {
            gazetteer_row(&mut rules.gazetteer, line_no, &cols)?;
        }
        for (_, cols) in rows("data/place_words.tsv", PLACE_WORDS) {
            rules.place_words.insert(cols[0].clone());
        }
        for (line_no, cols) in rows("data/districts.tsv", DISTRICTS) {
            rules.add_district(district_row("data/districts.tsv", line_no, &cols)?);
        }
        for (line_no, cols) in rows("data/titles.tsv", TITLES) {
            rules
                .titles
                .push(title_row("data/titles.tsv", line_no, &cols)?);
        }
        for (line_no, cols) in rows("data/verbs.tsv", VERBS) {
            if cols.get(2).is_some_and(|k| k == "adverb") {
                rules.adverbs.push(cols[0].clone());
                continue;
            }
            let relation = match cols.get(1).map(String::as_str) {
                Some("chaired") => Relation::Chaired,
                Some("attended") => Relation::Attended,
                other => {
                    return Err(bad(
                        "data/verbs.tsv",
                        line_no,
                        format!("unknown relation {other:?}"),
                    ));
                }
            };
            let kind = match cols.get(2).map(String::as_str) {
                None | Some("") | Some("activity") => VerbKind::Activity,
                Some("escort") => VerbKind::Escort,
                Some("speech") => VerbKind::Speech,
                Some("lead") => VerbKind::Lead,
                Some("personnel") => VerbKind::Personnel,
                Some("join") => VerbKind::Join,
                Some(other) => {
                    return Err(bad(
                        "data/verbs.tsv",
                        line_no,
                        format!(
                            "unknown kind {other:?} (activity, escort, speech, lead, personnel, join, adverb)"
                        ),
                    ));
                }
            };
            if kind == VerbKind::Escort {
                rules.escort_verbs.push(cols[0].clone());
            }
            rules.verbs.push(Verb {
                word: cols[0].clone(),
                relation,
                kind,
            });
        }
        for (line_no, cols) in rows("data/events.tsv", EVENTS) {
            let word = cols
                .get(1)
                .cloned()
                .ok_or_else(|| bad("data/events.tsv", line_no, "missing word".into()))?;
            match cols[0].as_str() {
                "noun" => rules.event_nouns.push(word),
                "held" => rules.held_verbs.push(word),
                "happened" => rules.happened_verbs.push(word),
                other => {
                    return Err(bad(
                        "data/events.tsv",
                        line_no,
                        format!("unknown kind {other:?}"),
                    ));
                }
            }
        }
        for (_, cols) in rows("data/surnames.txt", SURNAMES) {
            rules.surnames.insert(cols[0].clone());
        }
        for (line_no, cols) in rows("data/names.tsv", NAMES) {
            let word = cols
                .get(1)
                .cloned()
                .ok_or_else(|| bad("data/names.tsv", line_no, "missing word".into()))?;
            match cols[0].as_str() {
                "follow" => rules.name_follow.push(word),
                // Follow words that open the object of a preposition (为新当选
                // 的委员颁证): they follow names, but end no given name at 为.
                "follow_object" => {
                    rules.name_follow.push(word.clone());
                    rules.name_follow_object.push(word);
                }
                "not_opening" => rules.name_not_opening.extend(word.chars()),
                "not_name" => {
                    rules.not_names.insert(word);
                }
                "name_end" => rules.name_end.extend(word.chars()),
                "transliteration" => rules.name_transliteration.extend(word.chars()),
                "post_link" => rules.post_links.push(word),
                "opens_list" => rules.list_openers.push(word),
                other => {
                    return Err(bad(
                        "data/names.tsv",
                        line_no,
                        format!(
                            "unknown kind {other:?} (follow, follow_object, not_opening, not_name, name_end, transliteration, post_link, opens_list)"
                        ),
                    ));
                }
            }
        }
        for (line_no, cols) in rows("data/words.tsv", WORDS) {
            let kind = cols[0].as_str();
            let word = cols
                .get(1)
                .cloned()
                .ok_or_else(|| bad("data/words.tsv", line_no, "missing word".into()))?;
            if !WORD_KINDS.contains(&kind) {
                return Err(bad(
                    "data/words.tsv",
                    line_no,
                    format!("unknown kind {kind:?} ({})", WORD_KINDS.join(", ")),
                ));
            }
            rules
                .words
                .lists
                .entry(kind.to_string())
                .or_default()
                .push(word);
        }
        for (_, cols) in rows("data/organs.tsv", ORGANS) {
            rules.other_bodies.push(cols[0].clone());
        }
        for (_, cols) in rows("data/credits.tsv", CREDITS) {
            rules.credits.push(cols[0].clone());
        }
        rules.project_words = ProjectWords::parse("data/projects.tsv", PROJECTS)?;
        rules.project_model = ProjectModel::parse("data/project_features.tsv", PROJECT_FEATURES)?;
        rules.personnel = PersonnelWords::parse("data/personnel.tsv", PERSONNEL)?;
        // A personnel trigger ties the names beside it to the title chain after
        // them (names.tsv's post_link and opens_list, for the person layer):
        // those before a `before` trigger, those after an `after` one.
        for t in &rules.personnel.triggers {
            let list = match t.side {
                _ if t.change.is_none() => continue,
                Side::Before => &mut rules.post_links,
                Side::After => &mut rules.list_openers,
            };
            if !list.contains(&t.word) {
                list.push(t.word.clone());
            }
        }
        // A personnel trigger makes its clause a decision on posts: those it
        // names take no part in the meeting that decides it. One-character
        // triggers (任) stand inside too many words to be verbs.
        for t in &rules.personnel.triggers {
            if t.change.is_some()
                && t.word.chars().count() > 1
                && !rules.verbs.iter().any(|v| v.word == t.word)
            {
                rules.verbs.push(Verb {
                    word: t.word.clone(),
                    relation: Relation::Attended,
                    kind: VerbKind::Personnel,
                });
            }
        }
        rules.sort_tables();
        Ok(rules)
    }

    /// The built-in rules plus the user's dictionaries.
    pub fn load(dicts: &[PathBuf]) -> Result<Rules, RulesError> {
        let mut rules = Rules::builtin();
        for path in dicts {
            rules.add_dictionary_file(path)?;
        }
        Ok(rules)
    }

    /// Adds one user dictionary file (format: see [`dict`]).
    pub fn add_dictionary_file(&mut self, path: &Path) -> Result<(), RulesError> {
        let text = std::fs::read(path).map_err(|source| RulesError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        // A dictionary is read as an article is, but must be whole: a name
        // with a byte replaced would be a name no article holds.
        let line = |message: String| RulesError::Line {
            file: path.display().to_string(),
            line: 0,
            message,
        };
        let text = crate::read::decode(&text).map_err(|not| line(not.to_string()))?;
        if text.replaced > 0 {
            let (bytes, encoding) = (text.invalid_bytes, text.encoding);
            let s = if bytes == 1 { "" } else { "s" };
            let message =
                format!("{bytes} invalid byte{s} in {encoding}: a dictionary must be whole");
            return Err(line(message));
        }
        self.add_dictionary(&path.display().to_string(), &text.text)
    }

    /// Adds user dictionary text; `origin` names it in error messages.
    pub fn add_dictionary(&mut self, origin: &str, text: &str) -> Result<(), RulesError> {
        for entry in dict::parse(origin, text)? {
            match entry {
                UserEntry::Person { name, post } => {
                    self.people.insert(name, post);
                }
                UserEntry::District(d) => self.add_district(d),
                UserEntry::Title(t) => self.titles.push(t),
                UserEntry::Organization(name) => {
                    self.organizations.insert(name);
                }
                UserEntry::Word(word) => {
                    self.segmentation_words.insert(word);
                }
                UserEntry::Project { name, district } => {
                    self.projects.insert(name, district);
                }
            }
        }
        self.sort_tables();
        Ok(())
    }

    fn add_district(&mut self, d: District) {
        if let Some(&ix) = self.alias_index.get(&d.name) {
            let known = &mut self.districts[ix];
            for a in d.aliases {
                if !known.aliases.contains(&a) {
                    known.aliases.push(a);
                }
            }
        } else {
            self.districts.push(d);
        }
        self.alias_index.clear();
        for (ix, d) in self.districts.iter().enumerate() {
            self.alias_index.insert(d.name.clone(), ix);
            for a in &d.aliases {
                self.alias_index.insert(a.clone(), ix);
            }
        }
    }

    /// Longest forms first, so that 区委副书记 wins over 书记 and 深汕合作区 over 深汕.
    fn sort_tables(&mut self) {
        self.qualified_groups();
        self.titles
            .sort_by(|a, b| longest_first(&a.written, &b.written));
        self.titles.dedup_by(|a, b| a.written == b.written);
        self.verbs.sort_by(|a, b| longest_first(&a.word, &b.word));
        for list in [
            &mut self.event_nouns,
            &mut self.held_verbs,
            &mut self.happened_verbs,
            &mut self.credits,
        ] {
            list.sort_by(|a, b| longest_first(a, b));
            list.dedup();
        }
        self.gazetteer
            .compile(&self.districts, self.words.of("stem_word"));
        let titles: Vec<&str> = self.titles.iter().map(|t| t.written.as_str()).collect();
        self.title_lexicon = Lexicon::new(&titles);
        let verbs: Vec<&str> = self.verbs.iter().map(|v| v.word.as_str()).collect();
        self.verb_lexicon = Lexicon::new(&verbs);
        let mut bounds: Vec<&str> = self.name_follow.iter().map(String::as_str).collect();
        bounds.extend(self.post_links.iter().map(String::as_str));
        bounds.extend(verbs.iter().copied());
        bounds.extend(titles.iter().copied());
        bounds.extend(self.held_verbs.iter().map(String::as_str));
        self.boundary_lexicon = Boundaries::new(&bounds);
    }

    /// The canonical name of the district written `form` (福田 -> 福田区).
    pub fn district_named(&self, form: &str) -> Option<&District> {
        self.alias_index.get(form).map(|&ix| &self.districts[ix])
    }

    /// Every written form of every district, longest first.
    pub fn district_forms(&self) -> Vec<(&str, &District)> {
        let mut forms: Vec<(&str, &District)> = Vec::new();
        for d in &self.districts {
            forms.push((d.name.as_str(), d));
            for a in &d.aliases {
                forms.push((a.as_str(), d));
            }
        }
        forms.sort_by(|a, b| longest_first(a.0, b.0));
        forms
    }

    /// The title written exactly `form`.
    pub fn title(&self, form: &str) -> Option<&Title> {
        self.titles.iter().find(|t| t.written == form)
    }

    /// The relation a participation verb states.
    pub fn verb(&self, word: &str) -> Option<Relation> {
        self.verbs
            .iter()
            .find(|v| v.word == word)
            .map(|v| v.relation)
    }

    /// The post an acting title holds: 代理区长 and 代区长 hold 区长 (the
    /// prefixes of `data/personnel.tsv`, before a title flagged `single` in
    /// `data/titles.tsv`); `None` for any other title.
    pub fn acting_post<'t>(&self, title: &'t str) -> Option<&'t str> {
        self.personnel
            .acting_post(title, |t| self.title(t).is_some_and(|t| t.single))
    }

    pub fn is_surname(&self, s: &str) -> bool {
        self.surnames.contains(s)
    }

    /// Names of people the user listed.
    pub fn user_people(&self) -> impl Iterator<Item = &str> {
        self.people.keys().map(String::as_str)
    }
}

/// The shipped titles table alone, parsed once per process by the same
/// [`title_row`] as the full rules: what questions read of posts without
/// loading every rule.
fn shipped_titles() -> &'static [Title] {
    static TITLES_ONLY: std::sync::LazyLock<Vec<Title>> = std::sync::LazyLock::new(|| {
        rows("data/titles.tsv", TITLES)
            .filter_map(|(line, cols)| title_row("data/titles.tsv", line, &cols).ok())
            .collect()
    });
    &TITLES_ONLY
}

/// How principal a post is (`rank` in `data/titles.tsv`: 区委书记 1, 区长 2 …),
/// for a title as the graph records it; `u32::MAX` for an unranked one. What
/// a row shows when a person holds several posts.
pub fn title_rank(title: &str) -> u32 {
    static RANKS: std::sync::LazyLock<HashMap<&'static str, u32>> =
        std::sync::LazyLock::new(|| {
            let mut ranks = HashMap::new();
            for t in shipped_titles() {
                if let Some(rank) = t.rank {
                    for name in [t.written.as_str(), t.canonical.as_str()] {
                        let r = ranks.entry(name).or_insert(rank);
                        *r = (*r).min(rank);
                    }
                }
            }
            ranks
        });
    RANKS.get(title).copied().unwrap_or(u32::MAX)
}

/// True when a post has one holder per district (区委书记, 区长: the flag
/// `single` in `data/titles.tsv`), for a title as the graph records it.
pub fn single_holder(title: &str) -> bool {
    static SINGLE: std::sync::LazyLock<BTreeSet<&'static str>> = std::sync::LazyLock::new(|| {
        (shipped_titles().iter())
            .filter(|t| t.single)
            .map(|t| t.canonical.as_str())
            .collect()
    });
    SINGLE.contains(title)
}

fn longest_first(a: &str, b: &str) -> std::cmp::Ordering {
    b.chars()
        .count()
        .cmp(&a.chars().count())
        .then_with(|| a.cmp(b))
}

/// Lines of a table: `(line number, tab-separated columns)`, comments and blanks skipped.
fn rows<'a>(_file: &'a str, text: &'a str) -> impl Iterator<Item = (usize, Vec<String>)> + 'a {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        Some((
            i + 1,
            line.split('\t').map(|c| c.trim().to_string()).collect(),
        ))
    })
}

fn bad(file: &str, line: usize, message: String) -> RulesError {
    RulesError::Line {
        file: file.to_string(),
        line,
        message,
    }
}

fn district_row(file: &str, line: usize, cols: &[String]) -> Result<District, RulesError> {
    let name = cols
        .first()
        .filter(|n| !n.is_empty())
        .ok_or_else(|| bad(file, line, "missing district name".into()))?;
    let aliases = cols
        .get(1)
        .map(|a| {
            a.split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let city = cols.get(2).filter(|c| !c.is_empty()).cloned();
    Ok(District {
        name: name.clone(),
        aliases,
        city,
    })
}

fn gazetteer_row(g: &mut Gazetteer, line: usize, cols: &[String]) -> Result<(), RulesError> {
    const FILE: &str = "data/gazetteer.tsv";
    let col = |i: usize| cols.get(i).map(String::as_str).unwrap_or("");
    match col(0) {
        "county" if !col(1).is_empty() && !col(2).is_empty() => g.add_county(County {
            code: col(1).to_string(),
            name: col(2).to_string(),
            city: Some(col(3).to_string()).filter(|c| !c.is_empty()),
            province: col(4).to_string(),
        }),
        "city" if !col(1).is_empty() => {
            g.cities.insert(col(1).to_string(), col(2).to_string());
        }
        "former" if !col(1).is_empty() && !col(2).is_empty() => g.add_renamed(County {
            code: col(1).to_string(),
            name: col(2).to_string(),
            city: Some(col(3).to_string()).filter(|c| !c.is_empty()),
            province: col(4).to_string(),
        }),
        "province" if !col(1).is_empty() => g.provinces.push(col(1).to_string()),
        "street" if !col(1).is_empty() => {
            if !g.add_street(col(1), col(2)) {
                return Err(bad(FILE, line, format!("no county with code {:?}", col(2))));
            }
        }
        other => return Err(bad(FILE, line, format!("unknown row {other:?}"))),
    }
    Ok(())
}

impl Rules {
    /// A group word of an organ also said with a qualifier before its 领导
    /// (`group_qualifier` in data/words.tsv): 县政协全体领导 is 县政协领导's
    /// form, recorded as it. Linear in titles × qualifiers (a set of the
    /// written forms tells a form the table already has).
    fn qualified_groups(&mut self) {
        let qualifiers = self.words.of("group_qualifier");
        let mut known: std::collections::HashSet<String> =
            self.titles.iter().map(|t| t.written.clone()).collect();
        let mut added = Vec::new();
        for t in &self.titles {
            let Some(organ) = t.written.strip_suffix("领导") else {
                continue;
            };
            if t.level != Level::Group || organ.chars().count() < 2 {
                continue;
            }
            for q in qualifiers.iter().filter(|q| !q.is_empty()) {
                let written = format!("{organ}{q}领导");
                if known.insert(written.clone()) {
                    added.push(Title {
                        written,
                        ..t.clone()
                    });
                }
            }
        }
        self.titles.extend(added);
    }
}

fn title_row(file: &str, line: usize, cols: &[String]) -> Result<Title, RulesError> {
    let written = cols
        .first()
        .filter(|n| !n.is_empty())
        .ok_or_else(|| bad(file, line, "missing title".into()))?;
    let level = match cols.get(1).map(String::as_str) {
        Some("district") | Some("local") | None => Level::District,
        Some("inherit") => Level::Inherit,
        Some("city") => Level::City,
        Some("other") => Level::Other,
        Some("group") => Level::Group,
        Some(other) => {
            return Err(bad(
                file,
                line,
                format!("unknown level {other:?} (district, local, inherit, group, city, other)"),
            ));
        }
    };
    let mut single = false;
    let mut after = false;
    for flag in cols.get(3).map(String::as_str).unwrap_or("").split(',') {
        match flag.trim() {
            "" => {}
            "single" => single = true,
            "after" => after = true,
            other => {
                return Err(bad(
                    file,
                    line,
                    format!("unknown flag {other:?} (single, after)"),
                ));
            }
        }
    }
    let canonical = cols
        .get(2)
        .filter(|c| !c.is_empty())
        .unwrap_or(written)
        .clone();
    let rank = match cols.get(4).map(String::as_str) {
        None | Some("") => None,
        Some(r) => Some(
            r.parse::<u32>()
                .map_err(|_| bad(file, line, format!("rank {r:?} is not a whole number")))?,
        ),
    };
    Ok(Title {
        written: written.clone(),
        level,
        canonical,
        keeps_place: cols.get(1).is_some_and(|l| l == "local"),
        single,
        after,
        rank,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_table_parses() {
        let rules = Rules::parse_builtin().unwrap();
        // Shenzhen's ten districts and zones, 深汕, two new areas that are a
        // district's other name (西海岸新区, 南沙新区), twenty banners of Inner
        // Mongolia by their abbreviations (东乌旗), two counties by the names
        // they had before they were renamed (户县, 蓟县), twelve districts
        // abolished since (江干区), 东莞市's 32 towns and streets, and twelve
        // national new areas run by their own bodies (赣江新区).
        assert_eq!(rules.districts.len(), 91);
        assert_eq!(
            rules.district_named("江干区").unwrap().city.as_deref(),
            Some("杭州市")
        );
        assert_eq!(rules.district_named("东乌旗").unwrap().name, "东乌珠穆沁旗");
        assert!(rules.title("区委书记").is_some());
        assert_eq!(rules.title("区政府区长").unwrap().canonical, "区长");
        assert_eq!(rules.verb("主持召开"), Some(Relation::Chaired));
        assert!(rules.is_surname("欧阳"));
        assert!(!rules.project_words.endings.is_empty());
    }

    #[test]
    fn short_forms_resolve() {
        let rules = Rules::builtin();
        assert_eq!(rules.district_named("福田").unwrap().name, "福田区");
        assert_eq!(
            rules.district_named("深汕合作区").unwrap().name,
            "深汕特别合作区"
        );
        assert!(rules.district_named("广州").is_none());
    }

    #[test]
    fn longest_titles_come_first() {
        let rules = Rules::builtin();
        let a = rules
            .titles
            .iter()
            .position(|t| t.written == "区委副书记")
            .unwrap();
        let b = rules
            .titles
            .iter()
            .position(|t| t.written == "书记")
            .unwrap();
        assert!(a < b);
    }
}
