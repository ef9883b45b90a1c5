//! Layer 3 of extraction: discourse, what a reader carries from sentence to
//! sentence.
//!
//! Reads the frames of a whole document ([`super::frame`]) in order and keeps
//! what the text leaves unsaid:
//!
//! - **time**: the publication date (front matter, a dateline in any common
//!   form), the period a round-up reports on, and the last day read, against
//!   which every date mention resolves ([`Clock`]); a sentence without a date
//!   continues the one before, across the one-sentence paragraphs of web pages
//!   too, until a new date or 近日 is written;
//! - **place**: the district a section heading opens, the district a
//!   paragraph names first, the district the document is about (what 我区 and
//!   a bare 区委书记 refer to), and the city that tells 朝阳区 from 朝阳区;
//! - **topic**: the officials who lead the paragraph; a clause that leaves its
//!   subject out continues them ("区长乙8月15日调研…。8月19日晚,主持召开…");
//! - **meeting**: the event in hand, which 出席会议 and a later "X出席" join;
//! - **visits**: what a visitor came to do, which those who 陪同 them attend.
//!
//! It resolves every mention into the facts of [`super::Facts`]. Cost: one pass
//! over the sentences, each read once by the mention layer; linear in the
//! document.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use super::calendar::{Dated, Day, Period};
use super::event::{self, Named};
use super::frame::{self, Act, Frame};
use super::mention::date::{Clock, DateExpr};
use super::mention::person::{Cue, PersonMention};
use super::mention::place::DistrictMention;
use super::mention::{Mentions, project};
use super::personnel::{self, Staffing};
use super::{
    EventFact, Extractor, Facts, Participation, Pending, PersonnelFact, PostFact, ProjectFact,
    RoleFact,
};
use crate::annotate::{Annotated, Span};
use crate::graph::{Evidence, Relation};
use crate::normalise::Document;
use crate::rules::{Level, Lexicon, Rules, VerbKind};

/// A district as the facts name it: its full name, and its city where known.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub name: String,
    pub city: Option<String>,
}

/// One sentence, read.
#[derive(Clone)]
struct Read {
    span: Span,
    para: usize,
    mentions: Mentions,
    /// Clause spans, relative to the sentence.
    clauses: Vec<(usize, usize)>,
    frames: Vec<Frame>,
    /// The personnel table's triggers the sentence writes.
    triggers: Vec<personnel::TriggerHit>,
}

/// Reads a document into facts; `read`, when given, counts the bytes of the
/// sentences whose mentions are found. Past `deadline` it stops between two
/// sentences and gives `None`: the caller skips the document.
///
/// The document is read alone. Names it writes bare (no title, no
/// dictionary entry: "范某某、左某某密集会见企业") may be officials that other
/// documents name; the document is then read a second time (its mentions
/// found once, the frames and discourse again) as if they were, and what that
/// adds about them goes to [`Facts::pending`], for the merge to keep for those
/// that turn out to be officials. Linear in the document (the second reading
/// at most doubles the cost of layers 2 and 3).
pub fn read(
    ex: &Extractor,
    doc: &Document,
    read: Option<&std::sync::atomic::AtomicU64>,
    deadline: Option<std::time::Instant>,
) -> Option<Facts> {
    let late = || deadline.is_some_and(|d| std::time::Instant::now() >= d);
    let simplified = super::simplified(&doc.text);
    let text = Annotated::new(&simplified);
    let written: Vec<char> = doc.text.chars().collect();
    let rules = &ex.rules;
    // Layer 1, once per sentence.
    let mut sentences: Vec<Read> = Vec::new();
    for (pi, para) in text.paragraphs.iter().enumerate() {
        // A list a semicolon ends, with no verb of its own, runs on into the
        // next sentence that gives it one ("县委书记甲,县长乙,县政协副主席;县直
        // 有关部门负责同志;各镇党委书记等参加活动。"): one sentence.
        for span in run_on_lists(rules, &text, &para.sentences) {
            if late() {
                return None;
            }
            let s = text.text(span);
            let mentions = Mentions::find(rules, &ex.jieba, &s);
            if let Some(read) = read {
                read.fetch_add(s.len() as u64, std::sync::atomic::Ordering::Relaxed);
            }
            let clauses = text
                .clauses(span)
                .into_iter()
                .map(|c| (c.start - span.start, c.end - span.start))
                .collect();
            sentences.push(Read {
                span,
                para: pi,
                mentions,
                clauses,
                frames: Vec::new(),
                triggers: Vec::new(),
            });
        }
    }
    drop_stray_short_forms(rules, &simplified, &mut sentences);
    let stems = county_stems(&sentences);
    // Only names no title vouches for: 区委书记高明 is a person of 高明区's
    // stem's name.
    for s in &mut sentences {
        s.mentions
            .people
            .retain(|p| matches!(p.cue, Cue::Title | Cue::TitleAfter) || !stems.contains(&p.name));
    }
    date_bare_day_lines(&simplified, doc.title.as_deref(), &mut sentences);
    read_rosters(rules, &text, &mut sentences);
    for s in &mut sentences {
        s.triggers = personnel::triggers(rules, &s.mentions.text);
        personnel::add_names(rules, &mut s.mentions, &s.triggers);
    }
    for s in &mut sentences {
        read_bio(rules, s);
    }
    let bare: BTreeSet<String> = sentences
        .iter()
        .flat_map(|s| s.mentions.bare_names(rules))
        .filter(|n| !stems.contains(n))
        .collect();
    let read_with = |sentences, written, known: &BTreeSet<String>| {
        reading(
            ex,
            doc,
            &simplified,
            &text,
            written,
            sentences,
            known,
            deadline,
        )
    };
    let (mut facts, read_as_officials) =
        read_with(sentences.clone(), written.clone(), &BTreeSet::new())?;
    // Those with a role of another kind (市委书记, 院士) may still be district
    // officials somewhere else.
    let bare: BTreeSet<String> = (bare.into_iter())
        .chain(facts.roles.iter().map(|r| r.person.clone()))
        .filter(|n| !read_as_officials.contains(n))
        .collect();
    if !bare.is_empty() {
        let (as_officials, _) = read_with(sentences, written, &bare)?;
        facts.pending = pending(as_officials, &bare, &facts);
    }
    Some(facts)
}

/// What a reading with `bare` names taken for officials says of them beyond
/// what `facts` (the reading without) says: their participations, and the
/// events and links only those make.
fn pending(as_officials: Facts, bare: &BTreeSet<String>, facts: &Facts) -> Pending {
    let all = Pending {
        participations: as_officials.participations,
        events: as_officials.events,
        concerns: as_officials.concerns,
        involves: as_officials.involves,
    };
    all.kept(|name| bare.contains(name), &facts.events)
}

/// Layers 2 and 3 over the sentences whose mentions are found, with `known`
/// names read as officials wherever they stand: the facts, and the names the
/// document itself reads as officials.
#[allow(clippy::too_many_arguments)]
fn reading(
    ex: &Extractor,
    doc: &Document,
    simplified: &str,
    text: &Annotated,
    written: Vec<char>,
    mut sentences: Vec<Read>,
    known: &BTreeSet<String>,
    deadline: Option<std::time::Instant>,
) -> Option<(Facts, BTreeSet<String>)> {
    let late = || deadline.is_some_and(|d| std::time::Instant::now() >= d);
    let rules = &ex.rules;
    forget_foreign_zones(rules, &mut sentences);
    let mut reader = Reader::new(ex, doc, simplified, written, known, &sentences);
    // Names the document introduced are read wherever they stand again.
    let lexicon = Lexicon::new(&reader.names);
    for s in &mut sentences {
        s.mentions.add_known(&lexicon, &reader.names);
    }
    reader.resolve_cities(&mut sentences);
    // Layer 2.
    for s in &mut sentences {
        s.frames = frame::frames(rules, &s.mentions, &s.clauses);
    }
    // Layer 3.
    if late() || !reader.walk(text, &sentences, deadline) {
        return None;
    }
    let officials = std::mem::take(&mut reader.read_as_officials);
    Some((reader.finish(), officials))
}

/// A roster: a line holding only a title chain, the holder's name on the next
/// line ("盐田区委书记、区长\n韦　晴"); the chain may open with a word that
/// says when it is held (`title_of_name`: "现任县委书记\n某某", an infobox's).
/// Linear in the sentences.
fn read_rosters(rules: &Rules, text: &Annotated, sentences: &mut [Read]) {
    for i in 0..sentences.len().saturating_sub(1) {
        let (head, rest) = sentences.split_at_mut(i + 1);
        let title_line = &head[i];
        let name_line = &mut rest[0];
        if name_line.para != title_line.para + 1
            || text.paragraphs[title_line.para].sentences.len() != 1
            || !title_line.mentions.people.is_empty()
        {
            continue;
        }
        let Some(chain) = title_line.mentions.chains.last() else {
            continue;
        };
        let n = title_line.mentions.chars.len();
        let opening: String = title_line.mentions.chars[..chain.at].iter().collect();
        let held_when = rules.words.has("title_of_name", opening.trim());
        if (chain.at > 0 && !held_when) || chain.end + 1 < n || chain.posts.is_empty() {
            continue;
        }
        let len = name_line.mentions.chars.len();
        if !(2..=5).contains(&len) || !name_line.mentions.people.is_empty() {
            continue;
        }
        if let Some((l, name)) = name_line.mentions.name_at(rules, 0, true)
            && l == len
        {
            name_line.mentions.add_person(PersonMention {
                at: 0,
                len,
                name,
                posts: chain.posts.clone(),
                roles: chain.roles.clone(),
                cue: Cue::Title,
                anchor: None,
            });
        }
    }
}

/// True when a clause from its joining verb on says nothing but that someone
/// joined: "参加。", "出席会议", "在主席台就座" (`join_after` in `data/words.tsv`).
fn bare_join(rules: &Rules, verb_len: usize, from_verb: &[char]) -> bool {
    let text: String = from_verb.iter().skip(verb_len).collect();
    let mut rest = text.trim();
    while let Some(r) = rules
        .words
        .of("join_after")
        .iter()
        .find_map(|a| rest.strip_prefix(a.as_str()))
    {
        rest = r.trim();
    }
    rest.is_empty()
}

/// What a reader carries from one sentence to the next.
#[derive(Debug, Default)]
struct Context {
    /// The days the text last named.
    running: Vec<Dated>,
    /// The paragraph that named them.
    running_para: usize,
    /// The officials (or others) who lead the paragraph.
    topic: Vec<String>,
    /// The event in hand.
    event: Option<String>,
    /// The paragraph that named it.
    event_para: usize,
    /// What a visitor who is none of ours came to do, and on which days.
    visit: Option<(String, Vec<Dated>)>,
    /// The last meeting the text named, and its days: a later bare "区领导甲、乙
    /// 参加" joins it, whatever was dated in between.
    meeting: Option<(String, Vec<Dated>)>,
    /// Where visitors last went ("赴永平县考察"): the district of those who
    /// 陪同 them.
    destination: Option<Place>,
}

/// A profile: "某某,1962年12月生,江苏沭阳县委书记": a name alone, its birth, then
/// a chain of titles alone: the chain is the name's.
fn read_bio(rules: &Rules, s: &mut Read) {
    let m = &s.mentions;
    let [(a0, a1), rest @ ..] = s.clauses.as_slice() else {
        return;
    };
    if rest.is_empty() || !m.people.iter().all(|p| p.at >= *a1) {
        return;
    }
    // The name opens the clause, or ends it after 是, 为 or a colon ("…分别是某某").
    let opening = m
        .name_at(rules, *a0, true)
        .map(|(len, name)| (*a0, len, name));
    let closing = (*a0 + 1..a1.saturating_sub(1))
        .filter(|&i| matches!(m.chars[i - 1], '是' | '为' | ':' | '：'))
        .find_map(|i| {
            m.name_at(rules, i, true)
                .filter(|(len, _)| i + len == *a1)
                .map(|(len, name)| (i, len, name))
        });
    let Some((at, len, name)) = opening.or(closing) else {
        return;
    };
    // The name, and at most a note such as (女).
    let tail: String = m.chars[at + len..*a1].iter().collect();
    if !(tail.is_empty() || tail == "(女)" || tail == "(男)") {
        return;
    }
    for (k, &(c0, c1)) in rest.iter().enumerate() {
        let chain = m.chains.iter().find(|c| c.at == c0 && c.end + 1 >= c1);
        if let Some(chain) = chain.filter(|c| !c.posts.is_empty()) {
            // Between them only what a profile says of a person: birth, sex,
            // nation, home ("1962年12月生", "女", "汉族").
            let about = rest[..k].iter().all(|&(b0, b1)| {
                b1 - b0 <= 12 && m.chars[b0..b1].iter().any(|c| "生女男族籍".contains(*c))
            });
            // With nothing between, the chain must end the sentence's last clause.
            let closes = k > 0 || k + 1 == rest.len();
            if about && closes {
                let person = PersonMention {
                    at,
                    len,
                    name,
                    posts: chain.posts.clone(),
                    roles: chain.roles.clone(),
                    cue: Cue::Title,
                    anchor: Some((chain.at, chain.end)),
                };
                s.mentions.add_person(person);
            }
            return;
        }
    }
}

struct Reader<'a> {
    rules: &'a Rules,
    jieba: &'a jieba_rs::Jieba,
    written: Vec<char>,
    clock: Clock,
    facts: Facts,
    /// Names read with a title anywhere in the document (and known ones).
    names: Vec<String>,
    /// Officials: names with a district post here, in a dictionary, or elsewhere.
    officials: BTreeSet<String>,
    /// The names the document itself reads as officials before it is walked
    /// (a titled name with a district post, or a dictionary official).
    read_as_officials: BTreeSet<String>,
    /// The one street or town the document names (a town's own news): the
    /// town of its town posts written bare (镇长甲 is 醪桥镇镇长).
    town: Option<String>,
    /// The district the document is about.
    home: Option<Place>,
    /// Cities the document names, for districts of one name.
    cities: BTreeSet<String>,
    event_index: BTreeMap<String, usize>,
    /// Events read before any the text dates itself (a headline, a lead-in):
    /// dated by the page's own day, if at all, not by the text.
    lead_events: BTreeSet<String>,
    /// Districts whose delegations visit: never a paragraph's own.
    guests: BTreeSet<Place>,
    /// The person being read escorts visitors to `destination` (陪同).
    escorting: bool,
    /// An event of a sentence that names its own date has been read.
    dated_yet: bool,
    /// The last district post read (县委书记): the organ a bare head of a
    /// later line takes ("县委书记:甲" then "副书记:乙": 县委副书记).
    last_post: Option<String>,
    /// The sentence being read names a date of an occasion.
    own_date: bool,
    /// The titles a round-up covers ("各区区委书记、区长"), in order.
    roster: Vec<String>,
    titled: BTreeSet<String>,
    /// The district with most of the document's mentions, for projects.
    dominant: Option<String>,
    /// Every district the document names.
    named: BTreeSet<Place>,
    /// Those it names only as places visited ("赴陆丰市和深汕合作区调研").
    visited: BTreeSet<Place>,
    /// The sentence read now sends its subjects away (赴乙县…, 考察团到…):
    /// the places it names are none of theirs.
    going_away: bool,
    /// Keep every project candidate in the facts.
    keep_candidates: bool,
    /// The document's name, shared by all its evidence.
    doc_name: std::sync::Arc<str>,
    /// A decision a semicolon left open, and the paragraph it was read in.
    personnel_carry: Option<personnel::Carried>,
    personnel_para: usize,
    /// The page reposts an annual session of an earlier year: its year is
    /// the report's, whatever dates of the page the text reads.
    reposted: bool,
}

impl<'a> Reader<'a> {
    fn new(
        ex: &'a Extractor,
        doc: &'a Document,
        simplified: &'a str,
        written: Vec<char>,
        known: &BTreeSet<String>,
        sentences: &[Read],
    ) -> Reader<'a> {
        let rules = &ex.rules;
        // The folder the site files the page in (/2023/01/, t20231225_…).
        let filed = doc.url.as_deref().and_then(address_date);
        let mut published = published(doc, simplified, filed).map(|d| report_day(simplified, d));
        let first_month = || {
            sentences
                .iter()
                .flat_map(|s| &s.mentions.dates)
                .find_map(|d| match &d.expr {
                    DateExpr::Point(super::mention::date::Point::Day {
                        year: None,
                        month: Some(super::mention::date::MonthRef::Absolute(m)),
                        ..
                    }) => Some(*m),
                    _ => None,
                })
        };
        // An annual session's report of two or more years before the page's
        // date (a repost's, an archive's: "2007年…执行情况与2008年…计划" on a page
        // of 2020) is of its own year, which its report tells, not the page's.
        let reposted = published
            .filter(|_| annual_session(rules, simplified))
            .and_then(|p| {
                first_year(rules, simplified, first_month()).filter(|y| *y <= p.year - 2)
            });
        if reposted.is_some() {
            published = None;
        }
        // A reposted session's page dates (its source line's too) are none of its own.
        let period = period(simplified, doc.title.as_deref())
            .filter(|p| reposted.is_none_or(|y| p.from.year == y))
            .or(published.map(|d| Period { from: d, to: d }));
        // With no dateline, the year of the folder the site files the page in
        // (/2023/01/), else of the first full date read, else the first year
        // the opening writes ("今年是…", "2025年…").
        let year = ex
            .year
            .or(reposted)
            .or(filed.map(|(y, _, _)| y))
            .or_else(|| doc.url.as_deref().and_then(address_year))
            .or_else(|| {
                sentences
                    .iter()
                    .flat_map(|s| &s.mentions.dates)
                    .find_map(|d| match &d.expr {
                        DateExpr::Point(super::mention::date::Point::Day {
                            year: Some(super::mention::date::YearRef::Absolute(y)),
                            month: Some(_),
                            ..
                        }) => Some(*y),
                        _ => None,
                    })
                    .or_else(|| first_year(rules, simplified, first_month()))
            });
        let clock = Clock {
            published,
            period,
            year,
            last: None,
            future: false,
            month: None,
            chronicle: is_chronicle(simplified, doc.title.as_deref()),
            today: None,
        };
        let mut names: BTreeSet<String> = BTreeSet::new();
        let mut officials: BTreeSet<String> = BTreeSet::new();
        let mut titled = BTreeSet::new();
        for s in sentences {
            for p in &s.mentions.people {
                if p.cue != Cue::Known {
                    names.insert(p.name.clone());
                    titled.insert(p.name.clone());
                }
                if p.posts
                    .iter()
                    .any(|q| q.level == Level::District || q.level == Level::Group)
                {
                    officials.insert(p.name.clone());
                }
            }
        }
        // The dictionary's people the text holds (those it does not change nothing).
        for name in ex.dictionary_people_in(simplified) {
            names.insert(name.clone());
            if rules.people.get(name).is_some_and(|post| post.is_some()) {
                officials.insert(name.clone());
            }
        }
        let mut read_as_officials: BTreeSet<String> =
            officials.intersection(&names).cloned().collect();
        for name in known {
            names.insert(name.clone());
            officials.insert(name.clone());
        }
        // Cities the document names, and those of districts only one city has.
        let mut cities = BTreeSet::new();
        let mut counts: BTreeMap<Place, usize> = BTreeMap::new();
        // Districts whose delegations visit ("枞阳县党政代表团来我县考察"): guests,
        // never the district the text is about.
        let mut guests: BTreeSet<Place> = BTreeSet::new();
        let mut at_home: BTreeSet<Place> = BTreeSet::new();
        for s in sentences {
            for c in &s.mentions.cities {
                cities.insert(c.name.clone());
            }
            for d in &s.mentions.districts {
                if let Some(c) = &d.city {
                    cities.insert(c.clone());
                }
                let place = Place {
                    name: d.name.clone(),
                    city: d.city.clone(),
                };
                if is_guest(rules, &s.mentions, d) {
                    guests.insert(place.clone());
                }
                if !is_destination(rules, &s.mentions, d) {
                    at_home.insert(place.clone());
                }
                *counts.entry(place).or_default() += 1;
            }
        }
        // Places only gone to (赴甲县, 到乙县) are not the text's own.
        let visited: BTreeSet<Place> = counts
            .keys()
            .filter(|p| !at_home.contains(*p))
            .cloned()
            .collect();
        let hosts: BTreeMap<Place, usize> = counts
            .iter()
            .filter(|(p, _)| !guests.contains(*p) && !visited.contains(*p))
            .map(|(p, n)| (p.clone(), *n))
            .collect();
        // A stem inside a name is no county ("吴新建" holds no 新建区): names go
        // first, wherever the text writes them, also where no title marks them
        // ("审稿人:何宏伟" holds no 宏伟区).
        let by_stem = || {
            let mut read: BTreeSet<&str> = sentences
                .iter()
                .flat_map(|s| s.mentions.people.iter().map(|p| p.name.as_str()))
                .filter(|n| n.chars().count() >= 2)
                .collect();
            // Nor is one inside an idiom or a set phrase jieba reads (阳光明媚
            // holds no 光明区).
            let idioms: Vec<String> = sentences.iter().flat_map(|s| s.mentions.idioms()).collect();
            read.extend(idioms.iter().map(String::as_str));
            home_by_stem(
                rules,
                &mask_names(simplified, &read),
                doc.url.as_deref(),
                &cities,
            )
        };
        // With no host, a district only visited may be the text's; a guest never is.
        let others: BTreeMap<Place, usize> = counts
            .iter()
            .filter(|(p, _)| !guests.contains(*p))
            .map(|(p, n)| (p.clone(), *n))
            .collect();
        let voters = if hosts.is_empty() { &others } else { &hosts };
        let home = home_district(voters, doc.title.as_deref(), rules);
        // A text whose titles are of another unit than the district it names
        // most ("云龙区党政代表团来沛考察…县委书记甲") is about a county of
        // its titles' unit, found as a text naming none is.
        let unit_home = match (&home, own_unit(simplified)) {
            (Some(h), Some(u)) if !h.name.ends_with(u) => by_stem(),
            _ => None,
        };
        let home = home.or_else(|| by_stem().filter(|p| !visited.contains(p)));
        // A county's own government site (zhangdian.gov.cn) is about that
        // county, whatever districts its pages name for visitors and guests.
        let own_site = own_unit(simplified).and_then(|unit| {
            let url = doc
                .url
                .as_deref()
                .filter(|u| crate::rules::address_host(u).ends_with(".gov.cn"))?;
            one_of_spelled(&rules.gazetteer.counties_by_address(url, unit), simplified)
                .filter(|p| p.city.is_some())
        });
        let home = match (home, own_site) {
            (Some(h), Some(site)) if h.name != site.name => Some(site),
            (h, site) => h.or(site),
        };
        // A county-level city's own site (its address spells it) is about that
        // city, whatever district its leaders' words name in passing ("要学习
        // 某市某区的经验").
        let home = match (home, city_site(rules, simplified, doc.url.as_deref())) {
            (Some(h), Some(c)) if !h.name.ends_with('市') => Some(c),
            (h, c) => h.or(c),
        };
        // In a county-level city's own news its leaders are officials.
        if home.as_ref().is_some_and(|h| h.name.ends_with('市')) {
            for s in sentences {
                for p in &s.mentions.people {
                    if p.cue != Cue::Known && !county_city_titles(rules, &p.roles).is_empty() {
                        officials.insert(p.name.clone());
                        read_as_officials.insert(p.name.clone());
                    }
                }
            }
        }
        // A town that is itself the district (东莞市's 厚街镇) is the town its
        // posts keep (厚街镇党委书记, 厚街镇镇长), as a district's own street is.
        let town = match home.as_ref() {
            Some(h) if crate::rules::TOWN_UNITS.iter().any(|u| h.name.ends_with(u)) => {
                Some(h.name.clone())
            }
            _ => rules.gazetteer.sole_street(simplified),
        };
        let head: String =
            simplified.chars().take(800).collect::<String>() + doc.title.as_deref().unwrap_or("");
        let facts = Facts {
            doc: doc.name.clone(),
            period: clock.period,
            ..Facts::default()
        };
        let dominant = dominant_district(&counts);
        let mut named: BTreeSet<Place> = counts.keys().cloned().collect();
        named.extend(unit_home);
        Reader {
            rules,
            jieba: &ex.jieba,
            written,
            clock,
            facts,
            names: names.into_iter().collect(),
            officials,
            read_as_officials,
            home,
            cities,
            event_index: BTreeMap::new(),
            lead_events: BTreeSet::new(),
            guests,
            escorting: false,
            dated_yet: false,
            own_date: false,
            last_post: None,
            roster: roster_of(&head),
            titled,
            dominant,
            named,
            visited,
            going_away: false,
            keep_candidates: ex.keep_candidates,
            doc_name: doc.name.as_str().into(),
            personnel_carry: None,
            personnel_para: usize::MAX,
            town,
            reposted: reposted.is_some(),
        }
    }

    /// Gives districts of one name their city from the cities the document names.
    fn resolve_cities(&mut self, sentences: &mut [Read]) {
        for s in sentences {
            for d in &mut s.mentions.districts {
                if d.city.is_some() || !self.rules.gazetteer.is_ambiguous(&d.name) {
                    continue;
                }
                d.city = self.city_in_document(&d.name).or_else(|| {
                    self.rules
                        .district_named(&d.name)
                        .and_then(|l| l.city.clone())
                });
            }
        }
        if let Some(name) = self.home.as_ref().map(|h| h.name.clone())
            && self.home.as_ref().is_some_and(|h| h.city.is_none())
            && self.rules.gazetteer.is_ambiguous(&name)
        {
            let city = self.city_in_document(&name);
            if let Some(h) = &mut self.home {
                h.city = city;
            }
        }
    }

    /// The one city the document names that has a district of this name.
    fn city_in_document(&self, name: &str) -> Option<String> {
        let fits: Vec<String> = self
            .rules
            .gazetteer
            .counties_named(name)
            .filter_map(|k| k.city.clone())
            .filter(|c| self.cities.contains(c))
            .collect();
        match fits.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    }

    fn evidence(&self, span: Span) -> Evidence {
        Evidence {
            doc: self.doc_name.clone(),
            start: span.start,
            end: span.end,
            text: self.written[span.start..span.end]
                .iter()
                .collect::<String>()
                .into(),
        }
    }

    /// The walk through the document.
    /// Reads the sentences in order; false when `deadline` passed first.
    fn walk(
        &mut self,
        text: &Annotated,
        sentences: &[Read],
        deadline: Option<std::time::Instant>,
    ) -> bool {
        let mut section: Option<Place> = None;
        let mut previous_para: Option<Place> = None;
        let mut para_place: Option<Place> = None;
        let mut current_para = usize::MAX;
        // A page's abstract ("[摘要]…") restates its report before it, and its
        // links ("查看完整版本:…") lead elsewhere: neither is read
        // (`unread_opening`).
        let mut unread_para = None;
        let mut cx = Context::default();
        let has_headings = sentences.iter().any(|s| self.heading(text, s).is_some());
        // Each paragraph's own district, found in one pass.
        let mut own_of: BTreeMap<usize, Place> = BTreeMap::new();
        for x in sentences {
            if !own_of.contains_key(&x.para)
                && let Some(p) =
                    own_context(self.rules, &x.mentions).filter(|p| !self.guests.contains(p))
            {
                own_of.insert(x.para, p);
            }
        }
        for s in sentences {
            if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                return false;
            }
            if s.para != current_para {
                current_para = s.para;
                let opening = s.mentions.text.trim_start();
                if (self.rules.words.of("unread_opening"))
                    .iter()
                    .any(|w| opening.starts_with(w.as_str()))
                {
                    unread_para = Some(s.para);
                }
                if let Some(h) = self.heading(text, s) {
                    section = Some(h.clone());
                    previous_para = Some(h);
                    cx.topic.clear();
                    cx.event = None;
                    cx.meeting = None;
                    para_place = None;
                    continue;
                }
                // The district of the paragraph: the first it names that is not
                // a destination, else the section's, the document's, the last one.
                let own = own_of.get(&s.para).cloned();
                // A document mostly about one district returns to it; one about
                // many (a round-up) continues the paragraph before.
                let dominant = self
                    .dominant
                    .as_ref()
                    .and_then(|d| self.home.clone().filter(|h| &h.name == d));
                para_place = own
                    .or_else(|| if has_headings { section.clone() } else { None })
                    .or(dominant)
                    .or_else(|| previous_para.clone())
                    .or_else(|| self.home.clone());
                previous_para = para_place.clone();
            } else if self.heading(text, s).is_some() {
                continue;
            }
            // A photo's caption repeats the report, sometimes with a slip
            // (another year): it tells nothing and moves no date.
            if unread_para == Some(s.para) || is_caption(&s.mentions.text) {
                continue;
            }
            self.sentence(s, para_place.clone(), &mut cx);
        }
        true
    }

    /// A heading line that opens a district's section: "福田区", "坪山", "【南山区】".
    fn heading(&self, text: &Annotated, s: &Read) -> Option<Place> {
        if text.paragraphs[s.para].sentences.len() != 1 {
            return None;
        }
        let m = &s.mentions;
        let core: String = m
            .chars
            .iter()
            .filter(|c| {
                !matches!(
                    c,
                    ':' | '：' | '【' | '】' | '[' | ']' | '#' | '*' | ' ' | '、' | '.'
                ) && !c.is_ascii_digit()
            })
            .collect();
        let d = m.districts.first()?;
        let written: String = m.chars[d.at..d.at + d.len].iter().collect();
        (m.districts.len() == 1 && core == written && core.chars().count() <= 8).then(|| Place {
            name: d.name.clone(),
            city: d.city.clone(),
        })
    }

    fn sentence(&mut self, s: &Read, para_place: Option<Place>, cx: &mut Context) {
        let Context {
            running,
            running_para,
            topic,
            event: current_event,
            event_para,
            visit,
            meeting,
            destination,
        } = cx;
        let m = &s.mentions;
        let evidence = self.evidence(s.span);
        // The sentence's date: its first date of an occasion, else the running one.
        // What follows a speech verb is what was said: its dates date no act.
        // A speech verb written as a noun ("按照…的要求,", "工作要求":
        // `speech_noun_after`) says nothing.
        let said_from = s
            .frames
            .iter()
            .filter(|f| f.act == Act::Speech)
            .filter_map(|f| f.verb_at)
            .find(|&at| {
                !(self.rules.words.of("speech_noun_after"))
                    .iter()
                    .any(|w| super::word_ends_at(&m.chars, at, w))
                    && !speech_noun_opened(self.rules, &m.chars, at)
            })
            .unwrap_or(usize::MAX);
        // But a speech written as a thing done ("作了说明,", "的讲话,":
        // `speech_done_after`) may be followed by another speaker's clause,
        // one a titled person opens ("…作了说明,县长乙作了…的讲话").
        let done_speech = said_from != usize::MAX
            && (self.rules.words.of("speech_done_after"))
                .iter()
                .any(|w| super::word_ends_at(&m.chars, said_from, w));
        let new_speaker = |f: &super::frame::Frame| {
            done_speech
                && f.people
                    .first()
                    .is_some_and(|(i, _)| m.people[*i].cue == Cue::Title && opens_clause(m, f, *i))
        };
        let own_dates: Vec<usize> = (0..m.dates.len())
            .filter(|&i| m.dates[i].occasion && m.dates[i].at < said_from)
            .collect();
        let sentence_text: String = m.chars.iter().collect();
        self.clock.future = super::mention::date::announces(&sentence_text);
        // A span a heading or an earlier paragraph names ("(5月20日—5月24日)")
        // dates no later paragraph's items: any day of it may be theirs.
        if *running_para != s.para && running.first().is_some_and(|d| d.last.is_some()) {
            running.clear();
        }
        let mut own = false;
        // "今天(8月10日)下午": the day in brackets is the text's today, from
        // which its later 今晨 and 昨天 count.
        for pair in m.dates.windows(2) {
            if let DateExpr::Point(super::mention::date::Point::RelativeDay(n)) = pair[0].expr
                && m.chars.get(pair[0].at + pair[0].len) == Some(&'(')
                && pair[1].at == pair[0].at + pair[0].len + 1
                && let Some(day) = self.clock.resolve(&pair[1].expr).first()
                && day.last.is_none()
            {
                self.clock.today = day.first.add_days(-(n as i64));
            }
        }
        // A month named alone ("7月", "今年3月") is the month of the days after it.
        for d in &m.dates {
            if let Some(month) = self.clock.month_of(&d.expr) {
                self.clock.month = Some(month);
            }
        }
        self.own_date = !own_dates.is_empty();
        if let Some(&first) = own_dates.first() {
            *running_para = s.para;
            let days = self.clock.resolve(&m.dates[first].expr);
            own = true;
            if days.is_empty() && !matches!(m.dates[first].expr, DateExpr::SameDay) {
                running.clear();
            } else if !days.is_empty() {
                *running = days;
            }
            self.note_dates(running);
            *current_event = None;
        }
        // A sentence that names districts but none of its own sends its
        // subjects away (own_context: every place is one they go to).
        let own_place = own_context(self.rules, m);
        self.going_away = own_place.is_none() && !m.districts.is_empty();
        let sentence_place = own_place.or(para_place.clone());
        let events_before = self.facts.events.len();
        // Where visitors went: the district those who 陪同 them serve, or the
        // text's own ("来我县考察").
        if let Some(d) = m
            .districts
            .iter()
            .rev()
            .find(|d| is_destination(self.rules, m, d))
        {
            *destination = Some(Place {
                name: d.name.clone(),
                city: d.city.clone(),
            });
        } else if self.home.is_some() && comes_to_us(self.rules, &m.chars) {
            *destination = self.home.clone();
        }
        // Decisions on posts: what they say of a post is a personnel fact, not
        // a sighting, and those they name take no part in the meeting.
        if self.personnel_para != s.para {
            if !self.personnel_carry.as_ref().is_some_and(|c| c.heading) {
                self.personnel_carry = None;
            }
            self.personnel_para = s.para;
        }
        let (staffing, carry) =
            personnel::read(self.rules, m, &s.triggers, self.personnel_carry.as_ref());
        self.personnel_carry = carry;
        let parts_before = self.facts.participations.len();
        // Posts and roles the sentence states.
        for (i, p) in m.people.iter().enumerate() {
            let decided: Vec<&Staffing> = staffing.iter().filter(|s| s.person == i).collect();
            // Those who escort, also where a list of names is lent to 陪同.
            let escorts = s.frames.iter().any(|f| {
                f.act == Act::Escort
                    && ((p.at >= f.start && p.at < f.end) || f.lent.iter().any(|(k, _)| *k == i))
            });
            let context = if escorts { destination.clone() } else { None };
            self.escorting = escorts && destination.is_some();
            let context = context.or_else(|| para_place.clone());
            self.note_person(
                s,
                p,
                context.as_ref(),
                running.first().map(|d| d.first),
                &evidence,
                &decided,
            );
            for st in decided {
                let context = context_before(self.rules, m, p.at).or(context.clone());
                let Some(place) = self.post_place(&st.post, context.as_ref()) else {
                    continue;
                };
                self.facts.personnel.push(PersonnelFact {
                    person: p.name.clone(),
                    district: place.name,
                    city: place.city,
                    title: county_city_canonical(self.rules, &self.town_post(&st.post)),
                    change: st.change,
                    // A decision the text does not date is the news of the day.
                    date: running.first().map(|d| d.first).or(self.clock.published),
                    body: st.body.clone(),
                    evidence: evidence.clone(),
                });
            }
        }
        // Round-ups: two unknown names opening an activity take the round-up's titles.
        if !self.roster.is_empty()
            && let Some(place) = &sentence_place
        {
            self.roster_names(s, place, running.first().map(|d| d.first), &evidence);
        }
        let mut sentence_event_made = false;
        let mut dates_here = running.clone();
        // A line that gives a telephone number ("区委书记 甲 15537328017") is a
        // page's contact list, no one's part in an event.
        let contact = m
            .chars
            .split(|c| !c.is_ascii_digit())
            .any(|run| run.len() >= 7);
        for f in &s.frames {
            if (f.start > said_from && !new_speaker(f)) || contact {
                break;
            }
            // A clause with its own date dates what follows in the sentence.
            if let Some(&d) = f.dates.iter().find(|&&d| m.dates[d].occasion)
                && Some(&d) != own_dates.first()
            {
                let days = self.clock.resolve(&m.dates[d].expr);
                if !days.is_empty() {
                    dates_here = days;
                    self.note_dates(&dates_here);
                }
            }
            let participants: Vec<(String, Relation)> = f
                .lent
                .iter()
                .chain(&f.people)
                .map(|(i, r)| (m.people[*i].name.clone(), *r))
                .collect();
            let officials: Vec<(String, Relation)> = participants
                .iter()
                .filter(|(n, _)| self.officials.contains(n))
                .cloned()
                .collect();
            // What a visitor who is none of ours came to do, for those who 陪同 them.
            // The first such activity of a day is the visit.
            if f.act == Act::Activity
                && officials.is_empty()
                && (own || f.subjects > 0 || f.other_subject)
                && visit.as_ref().is_none_or(|(_, d)| *d != dates_here)
                && let Some(at) = f.verb_at
            {
                let from: String = m.chars[at..f.end].iter().collect();
                *visit = Some((event::activity_name(&from), dates_here.clone()));
            }
            // The topic: whoever stands before the verb.
            if f.subjects > 0 || !f.lent.is_empty() {
                let subjects: Vec<String> = f
                    .lent
                    .iter()
                    .chain(f.people.iter().take(f.subjects))
                    .map(|(i, _)| m.people[*i].name.clone())
                    .collect();
                if !subjects.is_empty() && f.act != Act::None {
                    *topic = subjects;
                }
            } else if f.other_subject && f.act == Act::Activity {
                topic.clear();
            }
            let mut takers = officials.clone();
            if f.subjectless && f.lent.is_empty() && f.subjects == 0 && f.act == Act::Activity {
                takers.extend(
                    topic
                        .iter()
                        .filter(|n| self.officials.contains(*n))
                        .map(|n| (n.clone(), f.relation)),
                );
            }
            let clause: String = m.chars[f.start..f.end].iter().collect();
            // A silent sentence ("会议提出,…开展行动") names no event of its own,
            // and a second activity 开展-ed inside an event is part of it.
            let may_name = own && !(sentence_event_made && clause.contains("开展"));
            // Speaking at the meeting in hand is taking part in it:
            // "新区党工委书记甲主持会议并讲话,管委会主任乙提出工作要求".
            // So is any other part an official takes in it that the verb table
            // does not list ("常务副区长丙通报经济运行情况").
            // The official opens the clause, as a subject does: names at the
            // end of running text ("名单的还有县长甲") take no part.
            let unlisted_part = f.act == Act::None
                && !f.names_only
                && f.people
                    .first()
                    .is_some_and(|(i, _)| opens_clause(m, f, *i))
                && f.people
                    .iter()
                    .take(f.subjects)
                    .any(|(i, _)| m.people[*i].cue != Cue::Known);
            if (f.act == Act::Speech || unlisted_part)
                && !officials.is_empty()
                && (!own || sentence_event_made)
                && let Some(id) = current_event.clone()
            {
                let date = dates_here.first().map(|d| d.first);
                for (name, _) in &officials {
                    self.facts.participations.push(Participation {
                        person: name.clone(),
                        event: id.clone(),
                        relation: Relation::Attended,
                        date,
                        title: None,
                        evidence: evidence.clone(),
                    });
                }
                continue;
            }
            if !matches!(f.act, Act::Activity | Act::Escort) {
                // A meeting named where no one acts ("…常委会召开会议") is in hand.
                if f.act == Act::None
                    && may_name
                    && let Some(Named::New(name)) = &f.event
                {
                    let ids = self.events(name, &dates_here, sentence_place.clone(), &evidence);
                    sentence_event_made = true;
                    *current_event = ids.first().cloned();
                    *event_para = s.para;
                    *meeting = ids.first().map(|id| (id.clone(), dates_here.clone()));
                }
                continue;
            }
            if takers.is_empty() {
                // An event the clause names is in hand for a later clause.
                if let Some(Named::New(name)) = &f.event
                    && f.act == Act::Activity
                    && may_name
                {
                    let ids = self.events(name, &dates_here, sentence_place.clone(), &evidence);
                    sentence_event_made = true;
                    *current_event = ids.first().cloned();
                    *event_para = s.para;
                    *meeting = ids.first().map(|id| (id.clone(), dates_here.clone()));
                } else if f.act == Act::Activity
                    && let Some(at) = f.verb_at
                    && m.chains
                        .iter()
                        .any(|c| c.group.is_some() && c.at >= f.start && c.end <= at)
                {
                    // "区四套班子领导…看望了委员们": the district's leaders as a group
                    // did something; the names a later sentence lists did it.
                    let from: String = m.chars[at..f.end].iter().collect();
                    let name = event::activity_name(&from);
                    let ids = self.events(&name, &dates_here, sentence_place.clone(), &evidence);
                    sentence_event_made = true;
                    *current_event = ids.first().cloned();
                    *event_para = s.para;
                }
                continue;
            }
            // A visit of several days an earlier paragraph dated is the one
            // those who 陪同 it join where nothing dates them anew ("5月29日至
            // 30日,州长甲率团赴乙市考察。¶乙县委书记丙陪同考察"): on its first day.
            let escorted = visit.as_ref().filter(|(_, d)| {
                *d == dates_here
                    || (dates_here.is_empty() && d.first().is_some_and(|x| x.last.is_some()))
            });
            // "区领导甲、乙参加。": nothing but the joining is said, so it is the
            // meeting last named, on its day, whatever was dated since.
            // The event this paragraph named comes first, though ("…率队调研…。区领导
            // 甲、乙参加。").
            let joins_meeting = !own
                && !sentence_event_made
                && (current_event.is_none() || *event_para != s.para)
                && matches!(f.event, None | Some(Named::Anaphor))
                && f.joins
                && f.verb_at.is_some_and(|at| {
                    m.verbs
                        .iter()
                        .find(|v| v.at == at)
                        .is_some_and(|v| bare_join(self.rules, v.len, &m.chars[at..f.end]))
                });
            let mut dates_for = dates_here.clone();
            let ids: Vec<String> = if joins_meeting && let Some((id, days)) = meeting.as_ref() {
                dates_for = days.clone();
                vec![id.clone()]
            } else if f.act == Act::Escort && (escorted.is_some() || current_event.is_some()) {
                match escorted {
                    Some((name, days)) => {
                        dates_for = days.clone();
                        self.events(name, days, sentence_place.clone(), &evidence)
                    }
                    None => current_event.iter().cloned().collect(),
                }
            } else {
                match &f.event {
                    Some(Named::New(name)) => {
                        sentence_event_made = true;
                        let ids = self.events(name, &dates_here, sentence_place.clone(), &evidence);
                        *meeting = ids.first().map(|id| (id.clone(), dates_here.clone()));
                        ids
                    }
                    Some(Named::Anaphor) if current_event.is_some() => {
                        current_event.iter().cloned().collect()
                    }
                    _ if current_event.is_some() && (!own || sentence_event_made) => {
                        current_event.iter().cloned().collect()
                    }
                    _ => {
                        let Some(at) = f.verb_at else { continue };
                        let from: String = m.chars[at..f.end].iter().collect();
                        sentence_event_made = true;
                        self.events(
                            &event::activity_name(&from),
                            &dates_here,
                            sentence_place.clone(),
                            &evidence,
                        )
                    }
                }
            };
            // Joining the activity in hand, of several days, that nothing
            // dates anew: on its first day, as the escort above.
            if dates_for.is_empty()
                && let [id] = ids.as_slice()
                && current_event.as_ref() == Some(id)
                && let Some(e) = self.facts.events.iter().rev().find(|e| e.id == *id)
                && let (Some(first), Some(last)) = (e.date, e.end_date)
            {
                dates_for = vec![Dated::span(first, last)];
            }
            if let Some(first) = ids.first() {
                *current_event = Some(first.clone());
                *event_para = s.para;
            }
            for (k, id) in ids.iter().enumerate() {
                let date = dates_for.get(k).or(dates_for.first()).map(|d| d.first);
                for (name, relation) in &takers {
                    self.facts.participations.push(Participation {
                        person: name.clone(),
                        event: id.clone(),
                        relation: *relation,
                        date,
                        title: None,
                        evidence: evidence.clone(),
                    });
                }
            }
        }
        // People listed for the sentence's event whom no verb took. The event
        // of an earlier paragraph takes only a list that is a paragraph of its
        // own (the leaders a meeting's sentence announced), not names in
        // running text ("进入公示名单的还有县长甲").
        // A paragraph that opens with a joining verb and the word that opens
        // its list ("在主席台就坐的还有:区领导甲、乙") is such a list too.
        let first_person = m.people.iter().map(|p| p.start()).min();
        let opens_with_people = first_person.is_some_and(|k| {
            let before = &m.chars[..k];
            !before.iter().any(|c| crate::extract::is_han(*c)) || {
                let lead: String = before.iter().collect();
                let lead = lead.trim_end_matches([':', '：', ' ']);
                let joined = m
                    .verbs
                    .iter()
                    .any(|v| v.at < k && self.rules.verbs[v.verb].kind == VerbKind::Join);
                joined
                    && (self.rules.words.of("opens_group_list").iter())
                        .any(|w| lead.ends_with(w.as_str()))
            }
        });
        if let Some(last) = s.frames.last()
            && !contact
            && (sentence_event_made || (!own && (*event_para == s.para || opens_with_people)))
            && let Some(id) = current_event.clone()
        {
            let date = running.first().map(|d| d.first);
            for &i in &last.trailing {
                let name = &m.people[i].name;
                // Those an appointment names take no part in the meeting that makes
                // it, and a bare name without a verb says too little.
                let cue = m.people[i].cue;
                if self.officials.contains(name) && cue != Cue::Appointment && cue != Cue::Known {
                    self.facts.participations.push(Participation {
                        person: name.clone(),
                        event: id.clone(),
                        relation: Relation::Attended,
                        date,
                        title: None,
                        evidence: evidence.clone(),
                    });
                }
            }
        }
        // Each participation shows the post its sentence names.
        for part in &mut self.facts.participations[parts_before..] {
            part.title = (m.people.iter())
                .filter(|p| p.name == part.person)
                .flat_map(|p| &p.posts)
                .filter(|q| q.level == Level::District)
                .min_by_key(|q| crate::rules::title_rank(&q.title))
                .map(|q| q.title.clone());
        }
        // Those a decision on posts names take no part in the meeting that
        // makes it; one that only qualifies them ("新当选的区长甲出席") was made
        // before.
        if !staffing.is_empty() {
            let decided: BTreeSet<&str> = staffing
                .iter()
                .filter(|st| !st.qualifies)
                .map(|st| m.people[st.person].name.as_str())
                .collect();
            let here = self.facts.participations.split_off(parts_before);
            self.facts.participations.extend(
                here.into_iter()
                    .filter(|p| !decided.contains(p.person.as_str())),
            );
        }
        // A dated sentence that names no event with people but says something happened.
        if own
            && !running.is_empty()
            && !sentence_event_made
            && m.people.iter().all(|p| !self.officials.contains(&p.name))
            && let Some(name) = self.happening(s)
        {
            let ids = self.events(&name, running, sentence_place.clone(), &evidence);
            *current_event = ids.first().cloned();
            *event_para = s.para;
        }
        self.projects_in(
            m,
            s.span,
            sentence_place.as_ref().or(para_place.as_ref()),
            events_before,
            running.first().map(|d| d.first),
            &evidence,
        );
    }

    fn note_dates(&mut self, days: &[Dated]) {
        if let Some(d) = days.last() {
            self.clock.last = Some(d.first);
            self.clock.month = Some((d.first.year, d.first.month));
            if self.clock.published.is_none() && self.clock.period.is_none() && !self.reposted {
                self.clock.year = Some(d.first.year);
            }
        }
    }

    /// Records the posts and roles a person mention states, but for the posts
    /// a personnel frame `decided` (they are no sightings).
    fn note_person(
        &mut self,
        s: &Read,
        p: &PersonMention,
        para_place: Option<&Place>,
        seen: Option<Day>,
        evidence: &Evidence,
        decided: &[&Staffing],
    ) {
        let escorting = self.escorting;
        self.note_written_form(s.span.start + p.at, p.len, &p.name);
        if p.cue == Cue::Known {
            if let Some(Some((district, title))) = self.rules.people.get(&p.name) {
                let place = self.place_named(district);
                self.post(&p.name, place, title.clone(), seen, evidence);
            }
            return;
        }
        // Those who escort a visiting delegation serve where it goes, not the
        // guests' district named before them ("新津区考察团到我区…区委常委甲陪同").
        let context = context_before(self.rules, &s.mentions, p.anchor.map_or(p.at, |a| a.0))
            .filter(|b| !(escorting && para_place.is_some() && self.guests.contains(b)))
            .or(para_place.cloned());
        let mut any = !decided.is_empty();
        // A post that writes no unit (宣传部长 in 区委常委、宣传部长甲) is where
        // the chain's posts that write one are, not in the context's district.
        let unplaced = |q: &super::mention::title::Post| q.district.is_none() && q.local.is_none();
        let chain_place = p
            .posts
            .iter()
            .filter(|q| unplaced(q) && unit_of(&q.title).is_some())
            .find_map(|q| self.post_place(q, context.as_ref()));
        for post in &p.posts {
            if decided.iter().any(|d| d.post == *post) {
                continue;
            }
            let place = match &chain_place {
                Some(c) if unplaced(post) && unit_of(&post.title).is_none() => Some(c.clone()),
                _ => self.post_place(post, context.as_ref()),
            };
            // A town post written without its town (乡长) in the town's own
            // news is in that town's district.
            let place = place.or_else(|| {
                let town = self.town.as_deref()?;
                (unplaced(post) && self.town_post(post) != post.title)
                    .then(|| self.district_of_street(town, context.as_ref()))
                    .flatten()
            });
            let Some(place) = place else {
                continue;
            };
            any = true;
            let title = self.town_post(post);
            self.last_post = Some(title.clone());
            self.post(&p.name, place, title, seen, evidence);
        }
        // A bare head alone (副书记) takes the organ of the post read before it,
        // on an earlier line too, where that makes a district post: a roster's
        // "县委书记:甲" then "副书记:乙、丙".
        // Not a title after the name ("某某主任", often a visitor's), nor a
        // chain with other titles (市委常委、副书记).
        if let [role] = p.roles.as_slice()
            && p.posts.is_empty()
            && p.cue != Cue::TitleAfter
            && self.rules.words.has("bare_head", role)
            && let Some(last) = self.last_post.as_deref()
            && let Some(place) = context.clone()
        {
            let title = super::mention::title::organ_of(&self.rules.words, last) + role;
            if title != *role
                && self
                    .rules
                    .title(&title)
                    .is_some_and(|t| t.level == Level::District)
            {
                any = true;
                // Who holds a district post takes part as an official
                // ("县政协主席甲出席…。副主席乙、丙出席会议。").
                self.officials.insert(p.name.clone());
                self.post(&p.name, place, title, seen, evidence);
            }
        }
        // On a roster's line, an organ's post written without its unit after
        // a post of the district's ("区委书记:甲" then "人大常委会主任:乙",
        // "政协主席:丙") is the district's, of that post's unit. Not in running
        // text, where it may be a firm's (公司党委书记甲、纪委书记乙).
        let roster_line = p
            .anchor
            .is_some_and(|(_, end)| matches!(s.mentions.chars.get(end), Some(':' | '：')));
        if let [role] = p.roles.as_slice()
            && roster_line
            && p.posts.is_empty()
            && p.cue != Cue::TitleAfter
            && (self.rules.words.of("organ_alone"))
                .iter()
                .any(|o| role.starts_with(o.as_str()))
            && let Some(unit) = self.last_post.as_deref().and_then(unit_of)
            && let Some(place) = context.clone().filter(|c| c.name.ends_with(unit))
        {
            let title = format!("{unit}{role}");
            if self
                .rules
                .title(&title)
                .is_some_and(|t| t.level == Level::District)
            {
                any = true;
                self.officials.insert(p.name.clone());
                self.post(&p.name, place, title, seen, evidence);
            }
        }
        // A county-level city writes its own posts as a city's (市委书记, 副市长
        // in 桂平市's news): where the text is about one, a city title whose
        // county form is a district post (县委书记, 副县长) is its post. A
        // title naming its city (贵港市委书记) is the prefecture's and stays a
        // role.
        // The titles' unit is the city's: a district of another unit the
        // paragraph carries (named in passing) gives way to the home city.
        let city = |c: &&Place| c.name.ends_with('市');
        if let Some(place) = context
            .as_ref()
            .filter(city)
            .or(self.home.as_ref().filter(city))
            .cloned()
        {
            for role in county_city_titles(self.rules, &p.roles) {
                any = true;
                let title = county_city_canonical(self.rules, role);
                self.post(&p.name, place.clone(), title, seen, evidence);
            }
        }
        // A town's own news writes its town's organs bare ("党委书记甲,党委副
        // 书记、镇长乙"): a role that is a town organ's bare head is the
        // town's post (`town_organ` in data/words.tsv).
        // A street's organs are its 党工委 and 人大工委 (`street_organ`); a
        // person with another role too (总经理、党委副书记) is a firm's.
        let organs = match self.town.as_deref() {
            Some(t) if t.ends_with("街道") => self.rules.words.of("street_organ"),
            _ => self.rules.words.of("town_organ"),
        };
        let town_role = |role: &String| {
            organs
                .iter()
                .find_map(|o| role.strip_prefix(o.as_str()))
                .is_some_and(|head| self.rules.words.has("bare_head", head))
        };
        // The town's district, as `post_place` finds a town post's.
        if let Some(town) = self.town.clone()
            && !p.roles.is_empty()
            && p.roles.iter().all(town_role)
            && let Some(place) = self
                .district_of_street(&town, context.as_ref())
                .or_else(|| context.clone())
        {
            any = true;
            self.officials.insert(p.name.clone());
            for role in &p.roles {
                self.post(
                    &p.name,
                    place.clone(),
                    format!("{town}{role}"),
                    seen,
                    evidence,
                );
            }
        }
        if !any {
            for role in &p.roles {
                self.facts.roles.push(RoleFact {
                    person: p.name.clone(),
                    role: role.clone(),
                    written: None,
                });
            }
        }
    }

    /// Records that `person` holds `title` in `place`, as `evidence` shows.
    fn post(
        &mut self,
        person: &str,
        place: Place,
        title: String,
        seen: Option<Day>,
        evidence: &Evidence,
    ) {
        // A group word that writes no unit (副处级以上领导: `领导` in
        // data/titles.tsv) names the leaders of the district's own unit.
        let title = match place.name.chars().last() {
            Some(unit @ ('区' | '县' | '旗' | '市')) if title == "领导" => {
                format!("{unit}领导")
            }
            _ => title,
        };
        self.facts.posts.push(PostFact {
            person: person.to_string(),
            district: place.name,
            city: place.city,
            title,
            seen,
            evidence: evidence.clone(),
        });
    }

    /// The district a post is in: the one its chain names, else the district
    /// of its street or town, else `context`.
    fn post_place(
        &self,
        post: &super::mention::title::Post,
        context: Option<&Place>,
    ) -> Option<Place> {
        match &post.district {
            Some((name, city)) => Some(Place {
                name: name.clone(),
                city: city.clone().or_else(|| self.city_for(name)),
            }),
            // A street or town is in the district the gazetteer puts it in.
            None => match post.local.as_deref() {
                Some(street) => self
                    .district_of_street(street, context)
                    .or_else(|| context.cloned()),
                None => self.place_of_unit(&post.title, context),
            },
        }
    }

    /// The place of a title that names no district: the context, if its unit
    /// fits the title's (a 县委书记 serves a 县, not the 区 of the sentence
    /// before); else the one district of that unit the document names; else
    /// none.
    fn place_of_unit(&self, title: &str, context: Option<&Place>) -> Option<Place> {
        let Some(unit) = unit_of(title) else {
            return context.cloned();
        };
        if let Some(c) = context.filter(|c| c.name.ends_with(unit)) {
            return Some(c.clone());
        }
        // Only where one such district is named: among several, which one
        // the title serves is a guess.
        // A place only visited serves no one's title there, where another fits.
        let fitting: Vec<&Place> = self
            .named
            .iter()
            .filter(|p| p.name.ends_with(unit))
            .collect();
        let sole = |places: &[&Place]| match places {
            [one] => Some((*one).clone()),
            _ => None,
        };
        // In a sentence that sends its subjects away, a place they go to is
        // none of theirs; elsewhere the one place of the unit may be the host
        // whose officials escort visitors ("赴乙县考察,县委书记丙陪同").
        let hosts: Vec<&Place> = fitting
            .iter()
            .copied()
            .filter(|p| !self.visited.contains(*p))
            .collect();
        if self.going_away {
            return sole(&hosts);
        }
        // Where the text names none of that unit but its guests' places, the
        // title is the text's own district's ("乙县委书记某某率考察团到我区…,
        // 区委书记丙出席座谈会": 我区).
        sole(&fitting).or_else(|| sole(&hosts)).or_else(|| {
            self.home
                .clone()
                .filter(|h| fitting.is_empty() && h.name.ends_with(unit))
        })
    }

    /// Unknown names listed as the subject of a round-up's activity take the
    /// round-up's titles in order: "范某、左某密集会见企业" under 罗湖.
    fn roster_names(&mut self, s: &Read, place: &Place, seen: Option<Day>, evidence: &Evidence) {
        let m = &s.mentions;
        for &(start, end) in &s.clauses {
            let mut pos = start;
            while pos < end && m.dates.iter().any(|d| pos >= d.at && pos < d.at + d.len) {
                pos += 1;
            }
            let mut list = Vec::new();
            let mut at = pos;
            while let Some((len, name)) = m.name_at(self.rules, at, false) {
                if at + len > end {
                    break;
                }
                list.push(name);
                at += len;
                if m.chars.get(at) == Some(&'、') {
                    at += 1;
                } else {
                    break;
                }
            }
            // The list is the subject of a verb that follows it closely
            // ("范某、左某密集会见企业"), not words of running text ("高质量、高水平服务").
            let acts = m.verbs.iter().any(|v| v.at >= at && v.at <= at + 3);
            if acts
                && list.len() == self.roster.len()
                && list.iter().all(|n| !self.titled.contains(n))
            {
                for (i, name) in list.into_iter().enumerate() {
                    self.officials.insert(name.clone());
                    let title = self.roster[i].clone();
                    self.post(&name, place.clone(), title, seen, evidence);
                }
            }
        }
    }

    /// A town post written without its town (镇长, 街道党工委书记) is of the
    /// one town the document names: 醪桥镇镇长, 醪桥镇党委书记; a town's head
    /// written with its government is said short (高行镇人民政府镇长 ->
    /// 高行镇镇长). Other posts stay as written.
    fn town_post(&self, post: &super::mention::title::Post) -> String {
        if post.local.is_some() {
            for head in ["镇长", "副镇长", "乡长", "副乡长"] {
                let long = format!("人民政府{head}");
                if let Some(town) = post.title.strip_suffix(long.as_str())
                    && town.ends_with(['镇', '乡'])
                {
                    return format!("{town}{head}");
                }
            }
        }
        let Some(town) = self
            .town
            .as_deref()
            .filter(|t| post.local.is_none() && !post.title.starts_with(t))
        else {
            return post.title.clone();
        };
        // "街道党工委副书记、办事处主任甲": a street's office, written bare.
        if town.ends_with("街道") && post.title.starts_with("办事处") {
            return format!("{town}{}", post.title);
        }
        let Some(unit) = crate::rules::TOWN_UNITS
            .into_iter()
            .find(|u| town.ends_with(u) && post.title.contains(u))
        else {
            return post.title.clone();
        };
        match post.title.strip_prefix(unit) {
            // 镇党委书记: the town's organ.
            Some(organ) if !organ.starts_with('长') => format!("{town}{organ}"),
            // 镇长, 副镇长: the town's head.
            _ if self.rules.title(&post.title).is_some_and(|t| t.keeps_place) => {
                format!("{town}{}", post.title)
            }
            _ => post.title.clone(),
        }
    }

    fn note_written_form(&mut self, at: usize, len: usize, name: &str) {
        if at + len > self.written.len() {
            return;
        }
        let written: String = self.written[at..at + len].iter().collect();
        if written != name
            && written.chars().filter(|c| !c.is_whitespace()).count() == name.chars().count()
        {
            self.facts.written_forms.insert(name.to_string(), written);
        }
    }

    /// The district of a street or town: the one county that has it, or of
    /// several the context's or the one in a city the document names.
    fn district_of_street(&self, street: &str, context: Option<&Place>) -> Option<Place> {
        let all: Vec<_> = self.rules.gazetteer.counties_of_street(street).collect();
        if let [one] = all.as_slice() {
            return Some(place_of(one));
        }
        if let Some(c) = context
            && let Some(k) = all.iter().find(|k| k.name == c.name)
        {
            return Some(place_of(k));
        }
        let in_cities: Vec<_> = all
            .iter()
            .filter(|k| k.city.as_ref().is_some_and(|c| self.cities.contains(c)))
            .collect();
        match in_cities.as_slice() {
            [one] => Some(place_of(one)),
            _ => None,
        }
    }

    fn city_for(&self, name: &str) -> Option<String> {
        let k = self.rules.gazetteer.county(name, None)?;
        Some(k.city_or_province())
    }

    fn place_named(&self, name: &str) -> Place {
        let canonical = self
            .rules
            .district_named(name)
            .map_or(name.to_string(), |d| d.name.clone());
        let city = self
            .rules
            .district_named(name)
            .and_then(|d| d.city.clone())
            .or_else(|| self.city_for(&canonical));
        Place {
            name: canonical,
            city,
        }
    }

    /// Adds (or finds) one event per day of `dates` (one undated event when
    /// there are none) and returns their ids.
    fn events(
        &mut self,
        name: &str,
        dates: &[Dated],
        place: Option<Place>,
        evidence: &Evidence,
    ) -> Vec<String> {
        let days: Vec<Option<Dated>> = if dates.is_empty() {
            vec![None]
        } else {
            dates.iter().copied().map(Some).collect()
        };
        let mut out = Vec::new();
        for date in days {
            let key = event::key(name);
            let day = date
                .map(|d| d.first.iso())
                .unwrap_or_else(|| "undated".into());
            let id = match &place {
                Some(d) => format!("event:{day}:{}:{key}", d.name),
                None => format!("event:{day}:{key}"),
            };
            if !self.event_index.contains_key(&id) {
                if self.own_date {
                    self.dated_yet = true;
                } else if !self.dated_yet {
                    self.lead_events.insert(id.clone());
                }
                self.event_index.insert(id.clone(), self.facts.events.len());
                self.facts.events.push(EventFact {
                    id: id.clone(),
                    name: name.to_string(),
                    date: date.map(|d| d.first),
                    end_date: date.and_then(|d| d.last),
                    district: place.as_ref().map(|p| p.name.clone()),
                    city: place.as_ref().and_then(|p| p.city.clone()),
                    evidence: evidence.clone(),
                });
            }
            out.push(id);
        }
        out
    }

    /// An event for a dated sentence whose first clause says something took place.
    fn happening(&self, s: &Read) -> Option<String> {
        let m = &s.mentions;
        let (start, end) = s.clauses.iter().copied().find(|&(a, b)| {
            let covered = m
                .dates
                .iter()
                .filter(|d| d.at >= a && d.at + d.len <= b)
                .map(|d| d.len)
                .sum::<usize>();
            covered < b - a
        })?;
        let clause: String = m.chars[start..end].iter().collect();
        let happened = self
            .rules
            .happened_verbs
            .iter()
            .any(|v| clause.contains(v.as_str()));
        if !happened {
            return None;
        }
        let skip: usize = m
            .dates
            .iter()
            .filter(|d| d.at == start)
            .map(|d| d.len)
            .sum();
        let rest: String = m.chars[start + skip..end].iter().collect();
        let rest = rest.trim_start_matches([',', ' ', '，']);
        Some(event::activity_name(rest))
    }

    /// Projects the sentence names: the user's, and those layer 1 scores as
    /// projects or venues. Each is linked to the events this sentence made, and
    /// placed in the district its name, the document, the sentence or the
    /// paragraph gives.
    fn projects_in(
        &mut self,
        m: &Mentions,
        span: Span,
        place: Option<&Place>,
        events_from: usize,
        date: Option<Day>,
        evidence: &Evidence,
    ) {
        let sentence: &str = &m.text;
        let home = self.home.clone();
        let context_place = place.or(home.as_ref());
        let context = context_place.map(|p| p.name.clone());
        let date = date
            .or(self.clock.published)
            .or(self.clock.period.map(|p| p.from));
        // The city of a project's district: the context's when it is that district.
        let city_of = |d: &Option<String>| -> Option<String> {
            let d = d.as_ref()?;
            match context_place {
                Some(p) if &p.name == d => p.city.clone(),
                _ => self.rules.district_named(d).and_then(|x| x.city.clone()),
            }
        };
        let mut found: Vec<ProjectFact> = Vec::new();
        for (name, home) in &self.rules.projects {
            if sentence.contains(name.as_str()) {
                let home = home
                    .clone()
                    .or_else(|| self.project_district(name, None, context.as_deref()));
                found.push(ProjectFact {
                    name: name.clone(),
                    aliases: Vec::new(),
                    city: city_of(&home),
                    district: home,
                    project: true,
                    venue: false,
                    stage: project::stage_of(self.rules, self.jieba, m, name),
                    date,
                    evidence: evidence.clone(),
                });
            }
        }
        let candidates = project::candidates(self.rules, self.jieba, m);
        let kept = project::select(&candidates);
        if self.keep_candidates {
            self.facts.project_candidates.extend(candidates);
        }
        for p in kept {
            if self.rules.projects.contains_key(&p.name) {
                continue;
            }
            let home = self.project_district(&p.name, p.district.as_deref(), context.as_deref());
            // A county's stem before the name is its place, as its full name
            // would be ("浦江宝掌山居" in 浦江县: also 宝掌山居), where enough is
            // left to name the work (not "诏安南站") and jieba ends a word with
            // the stem (not 金水河 in 金水区). The name as written stays the
            // node's: two counties' 现代产业园 are two works.
            let (name, mut aliases) = (p.name, p.aliases);
            if let Some(rest) = home.as_deref().and_then(|d| without_stem(&name, d)) {
                let stem_len = name.len() - rest.len();
                let mut at = 0;
                let boundary = self.jieba.cut(&name, false).iter().any(|w| {
                    at += w.word.len();
                    at == stem_len
                });
                if boundary {
                    aliases.push(rest);
                }
            }
            found.push(ProjectFact {
                city: city_of(&home),
                district: home,
                name,
                aliases,
                project: p.project,
                venue: p.venue,
                stage: p.stage,
                date,
                evidence: evidence.clone(),
            });
        }
        for p in found {
            if let Some(at) = sentence.find(p.name.as_str()) {
                let at = sentence[..at].chars().count();
                self.note_written_form(span.start + at, p.name.chars().count(), &p.name);
            }
            if p.project {
                for e in &self.facts.events[events_from..] {
                    self.facts.concerns.push((e.id.clone(), p.name.clone()));
                }
            }
            self.facts.projects.push(p);
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
    }

    /// The district a project is in: the one written before its name, else one
    /// its name opens with, else the district the document is mostly about,
    /// else the sentence's or the paragraph's (`context`).
    fn project_district(
        &self,
        name: &str,
        before: Option<&str>,
        context: Option<&str>,
    ) -> Option<String> {
        if let Some(d) = before {
            return Some(d.to_string());
        }
        let inside = super::mention::place::find(self.rules, name).0;
        let opens = inside.first().filter(|m| m.at == 0).map(|m| m.name.clone());
        match &self.dominant {
            Some(dom) if inside.iter().any(|m| &m.name == dom) => Some(dom.clone()),
            _ => opens
                .or_else(|| self.dominant.clone())
                .or(context.map(String::from)),
        }
    }

    /// A post is seen on every day its holder is seen active in this document;
    /// with no dated activity, on the document's period.
    /// A headline's event is the one the text reports under the same name in
    /// the same district on the day it names ("某某主持召开县政府常务会议" over
    /// "4月2日,…主持召开县政府常务会议"): not another held on the day the
    /// page was posted. Its participations move to that event, and it goes.
    /// Linear in the events and participations.
    fn merge_lead_events(&mut self) {
        // (name, district) -> (id, day) of the first event the text dates itself.
        type Key<'e> = (&'e str, Option<&'e str>);
        let mut named_later: BTreeMap<Key, (&str, Option<Day>)> = BTreeMap::new();
        for e in &self.facts.events {
            if e.date.is_some() && !self.lead_events.contains(&e.id) {
                named_later
                    .entry((e.name.as_str(), e.district.as_deref()))
                    .or_insert((e.id.as_str(), e.date));
            }
        }
        let moved: BTreeMap<String, (String, Option<Day>)> = self
            .facts
            .events
            .iter()
            .filter(|e| self.lead_events.contains(&e.id))
            .filter_map(|e| {
                let (id, date) = named_later.get(&(e.name.as_str(), e.district.as_deref()))?;
                Some((e.id.clone(), (id.to_string(), *date)))
            })
            .collect();
        if moved.is_empty() {
            return;
        }
        self.facts.events.retain(|e| !moved.contains_key(&e.id));
        for p in &mut self.facts.participations {
            if let Some((id, date)) = moved.get(&p.event) {
                p.event = id.clone();
                p.date = *date;
            }
        }
        // One participation per person, event and relation: the one the
        // dated sentence gives, whose evidence says the day.
        let mut seen = BTreeSet::new();
        let parts = &mut self.facts.participations;
        parts.reverse();
        parts.retain(|p| seen.insert((p.person.clone(), p.event.clone(), p.relation)));
        parts.reverse();
    }

    fn finish(mut self) -> Facts {
        self.merge_lead_events();
        // A project no sentence placed is in the district the document's
        // officials serve, when most of them serve one; else where most of its
        // other projects are.
        let mut serving: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &self.facts.posts {
            *serving.entry(p.district.as_str()).or_default() += 1;
        }
        if serving.is_empty() {
            for p in &self.facts.projects {
                if let Some(d) = &p.district {
                    *serving.entry(d.as_str()).or_default() += 1;
                }
            }
        }
        let total: usize = serving.values().sum();
        let main = serving
            .iter()
            .max_by_key(|(_, n)| **n)
            .filter(|(_, n)| **n * 2 > total)
            .map(|(d, _)| d.to_string());
        if let Some(main) = main {
            let city = self
                .rules
                .district_named(&main)
                .and_then(|d| d.city.clone());
            for p in &mut self.facts.projects {
                if p.district.is_none() {
                    p.district = Some(main.clone());
                    p.city = city.clone();
                }
            }
        }
        let extra = super::seen_active(&self.facts.posts, &self.facts.participations);
        self.facts.posts.extend(extra);
        let period = self.facts.period;
        for post in &mut self.facts.posts {
            if post.seen.is_none() {
                post.seen = period.map(|p| p.from);
            }
        }
        self.facts
    }
}

/// The first district a sentence names that is not a destination: what the
/// sentence (and, for its first, the paragraph) is about; else a district
/// visitors come to ("督导组来到乙市,在副市长丙陪同下"). A sentence whose
/// places are all where its subjects go away to (`destination_away` in
/// data/words.tsv: "区长甲带领考察团赴乙县、丙区考察学习") is about the
/// district they come from: the paragraph's, the section's or the
/// document's. Quadratic in the sentence's districts (a handful).
fn own_context(rules: &Rules, m: &Mentions) -> Option<Place> {
    // A delegation (`guest_after`: 考察团到…, 代表团到…) goes away whatever
    // its word.
    let away = |d: &DistrictMention| {
        destination_word(rules, m, d).is_some_and(|(w, at)| {
            let before = at - w.chars().count();
            rules.words.of("destination_away").iter().any(|a| a == w)
                || (rules.words.of("guest_after"))
                    .iter()
                    .any(|g| super::word_ends_at(&m.chars, before, g))
        })
    };
    m.districts
        .iter()
        .find(|d| !is_destination(rules, m, d))
        .or_else(|| {
            m.districts
                .first()
                .filter(|_| !m.districts.iter().any(away))
        })
        .map(|d| Place {
            name: d.name.clone(),
            city: d.city.clone(),
        })
}

/// True when person `i` (title chain included) opens frame `f`, as a subject
/// does: nothing but punctuation and spaces before it in the clause.
fn opens_clause(m: &Mentions, f: &super::frame::Frame, i: usize) -> bool {
    let start = m.people[i].start();
    start >= f.start
        && !m.chars[f.start..start]
            .iter()
            .any(|c| crate::extract::is_han(*c))
}

/// The district nearest before `at` in a sentence that is not a destination.
fn context_before(rules: &Rules, m: &Mentions, at: usize) -> Option<Place> {
    m.districts
        .iter()
        .rfind(|d| d.at < at && !is_destination(rules, m, d))
        .map(|d| Place {
            name: d.name.clone(),
            city: d.city.clone(),
        })
}

/// True when the sentence has visitors come to the text's own county: a
/// destination word before 我县, 我区 or 我旗 ("率党政代表团来我县考察").
fn comes_to_us(rules: &Rules, chars: &[char]) -> bool {
    (1..chars.len()).any(|i| {
        chars[i] == '我'
            && matches!(chars.get(i + 1), Some('县' | '区' | '旗'))
            && rules
                .words
                .of("destination")
                .iter()
                .any(|w| super::word_ends_at(chars, i, w))
    })
}

/// True when the speech verb at `at` closes a phrase that a word of
/// `speech_noun_opener` opens in the same clause ("按照一手抓防控、一手抓发展
/// 要求,3月18日…"): the verb is a noun there, and nothing said follows it.
/// Linear in the clause.
fn speech_noun_opened(rules: &Rules, chars: &[char], at: usize) -> bool {
    let start = chars[..at.min(chars.len())]
        .iter()
        .rposition(|c| matches!(c, ',' | '，' | ';' | '；' | '。' | ':' | '：' | ')' | '）'))
        .map_or(0, |p| p + 1);
    let start = start
        + chars[start..at]
            .iter()
            .take_while(|c| c.is_whitespace())
            .count();
    rules
        .words
        .of("speech_noun_opener")
        .iter()
        .any(|w| super::word_at(chars, start, w))
}

/// How far after a district, in characters, a word of `guest_comes` is looked for.
const GUEST_REACH: usize = 40;

/// A project's name without its district's stem opening it ("浦江宝掌山居" in
/// 浦江县: "宝掌山居"), where the stem has two characters or more and four or
/// more are left; None where the name does not open so.
fn without_stem(name: &str, district: &str) -> Option<String> {
    let stem = district
        .strip_suffix('县')
        .or_else(|| district.strip_suffix('区'))
        .or_else(|| district.strip_suffix('市'))
        .or_else(|| district.strip_suffix('旗'))?;
    if stem.chars().count() < 2 || stem.contains('族') {
        return None;
    }
    let rest = name.strip_prefix(stem)?;
    let unit_next = rest.starts_with(['县', '区', '市', '旗', '段', '境', '籍']);
    (rest.chars().count() >= 4 && !unit_next).then(|| rest.to_string())
}

/// True when a district is a visiting delegation's: a guest word follows it
/// ("枞阳县党政代表团来我县考察"), and no word sending the delegation out of it
/// ("率金山区党政代表团赴六安市") unless to 我县; or a word of `guest_comes`
/// brings it to the text's own county later in its clause ("获嘉县政协到我县调研").
/// Cost: at most [`GUEST_REACH`] characters after the district.
/// Zones named by their own name alone, their city left out (临港经开区 for
/// 威海临港经济技术开发区), in a text that names other cities and neither the
/// zone's city nor its province: another city's zone of that name, which no
/// table holds (宜宾's 临港经开区). Such a mention names no district, and no post
/// takes it. Linear in the mentions.
fn forget_foreign_zones(rules: &Rules, sentences: &mut [Read]) {
    let written = |m: &Mentions, d: &DistrictMention| -> String {
        m.chars[d.at..(d.at + d.len).min(m.chars.len())]
            .iter()
            .collect()
    };
    // The cities the text names, and the zones it names without theirs.
    let mut named: BTreeSet<String> = BTreeSet::new();
    let mut zones = Vec::new();
    for s in sentences.iter() {
        named.extend(s.mentions.cities.iter().map(|c| c.name.clone()));
        for d in &s.mentions.districts {
            let written = written(&s.mentions, d);
            match rules.gazetteer.zone_without_city(&d.name, &written) {
                Some(zone) => zones.push((d.name.clone(), zone)),
                None => named.extend(d.city.clone()),
            }
        }
    }
    let foreign: BTreeSet<String> = zones
        .into_iter()
        .filter(|(_, zone)| {
            let its_own = |c: &String| zone.city.as_ref() == Some(c) || zone.province == *c;
            !named.is_empty() && !named.iter().any(its_own)
        })
        .map(|(name, _)| name)
        .collect();
    if foreign.is_empty() {
        return;
    }
    let forget = |p: &mut super::mention::title::Post| {
        if p.district
            .as_ref()
            .is_some_and(|(n, _)| foreign.contains(n))
        {
            p.district = None;
        }
    };
    for s in sentences.iter_mut() {
        let m = &mut s.mentions;
        m.districts.retain(|d| !foreign.contains(&d.name));
        m.chains
            .iter_mut()
            .flat_map(|c| &mut c.posts)
            .for_each(forget);
        m.people
            .iter_mut()
            .flat_map(|p| &mut p.posts)
            .for_each(forget);
    }
}

fn is_guest(rules: &Rules, m: &Mentions, d: &DistrictMention) -> bool {
    let chars = &m.chars[..];
    let after = d.at + d.len;
    let clause_end = (after..chars.len())
        .find(|&i| {
            matches!(
                chars[i],
                '，' | ',' | '。' | '；' | ';' | '！' | '？' | '\n'
            )
        })
        .unwrap_or(chars.len());
    let comes = (after..clause_end.min(after + GUEST_REACH)).find(|&i| {
        rules
            .words
            .of("guest_comes")
            .iter()
            .any(|w| super::word_at(chars, i, w))
    });
    // Not where the words describe a county named after them ("甲县委书记乙
    // 会见了到我县考察的丙县代表团": 丙县 comes, 甲县 is the host).
    if let Some(at) = comes {
        return !m.districts.iter().any(|o| o.at > at && o.at < clause_end);
    }
    let Some(guest) = rules
        .words
        .of("guest_after")
        .iter()
        .filter(|w| super::word_at(chars, after, w))
        .max_by_key(|w| w.chars().count())
    else {
        return false;
    };
    let next = after + guest.chars().count();
    !rules.words.of("guest_leaves").iter().any(|w| {
        super::word_at(chars, next, w) && chars.get(next + w.chars().count()) != Some(&'我')
    })
}

/// True when a district is where someone goes: a destination word before it
/// ("赴南山区"), also with its city between ("赴六安市叶集区"), or an item
/// joined to such a district ("赴陆丰市和深汕合作区", "赴甲县、乙区").
fn is_destination(rules: &Rules, m: &Mentions, d: &DistrictMention) -> bool {
    destination_word(rules, m, d).is_some()
}

/// The destination word that makes a district a destination (see
/// [`is_destination`]), if one does, and where it ends. A list may run on
/// past a comma to a place its province or city opens ("赴江西省甲县、乙县,
/// 浙江省丙县").
fn destination_word<'r>(
    rules: &'r Rules,
    m: &Mentions,
    d: &DistrictMention,
) -> Option<(&'r str, usize)> {
    let mut at = d.at;
    // Each step moves to an earlier district of the list: at most one per
    // mention, so the whole check is linear in the sentence's districts.
    loop {
        let start = m
            .cities
            .iter()
            .find(|c| c.at + c.len == at)
            .map_or(at, |c| c.at);
        // The verb may take 了 ("观摩了乙县").
        let verb_end = if start > 0 && m.chars[start - 1] == '了' {
            start - 1
        } else {
            start
        };
        if let Some(w) = rules
            .words
            .of("destination")
            .iter()
            .filter(|w| super::word_ends_at(&m.chars, verb_end, w))
            .max_by_key(|w| w.chars().count())
        {
            return Some((w.as_str(), verb_end));
        }
        let placed = start < at;
        let joined = start > 0
            && (matches!(m.chars[start - 1], '和' | '、' | '及' | '与')
                || (placed && matches!(m.chars[start - 1], ',' | '，')));
        match m
            .districts
            .iter()
            .find(|e| joined && e.at + e.len + 1 == start)
        {
            Some(e) => at = e.at,
            None => return None,
        }
    }
}

/// The district a document is about: one with most of its mentions, else the
/// one its title names.
fn home_district(
    counts: &BTreeMap<Place, usize>,
    title: Option<&str>,
    rules: &Rules,
) -> Option<Place> {
    let mut ranked: Vec<(&Place, usize)> = counts.iter().map(|(p, n)| (p, *n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total: usize = ranked.iter().map(|(_, n)| n).sum();
    if let Some((top, n)) = ranked.first() {
        let second = ranked.get(1).map_or(0, |(_, n)| *n);
        if n * 2 > total || (*n >= 3 && *n >= 2 * second) {
            return Some((*top).clone());
        }
    }
    let title = title?;
    let (districts, _) = super::mention::place::find(rules, title);
    districts.first().map(|d| Place {
        name: d.name.clone(),
        city: d.city.clone(),
    })
}

/// The unit of the county a text speaks of as its own (区委书记…, 我县): 区, 县
/// or 旗, whichever its organs (区委, 县长, 区人大, 县政府, 旗政协) and "我区/全县"
/// name most. Linear in the text.
fn own_unit(text: &str) -> Option<char> {
    let units = crate::rules::COUNTY_UNITS.map(|u| (u, unit_count(text, u)));
    let (unit, n) = units.into_iter().max_by_key(|(_, n)| *n)?;
    (n > 0).then_some(unit)
}

/// The unit a title writes first (区委常委, 副县长, 旗长), if any.
fn unit_of(title: &str) -> Option<char> {
    title
        .trim_start_matches("常务")
        .trim_start_matches(['副', '代'])
        .chars()
        .next()
        .filter(|c| matches!(c, '区' | '县' | '旗'))
}

/// A county-level city's title as the table records its county form
/// (市人民政府市长 -> 市长, as 县人民政府县长 is 县长); other titles as written.
fn county_city_canonical(rules: &Rules, role: &str) -> String {
    let role = own_city(role);
    // A district's or a county's title is recorded as the title layer read it
    // (代理区长 stays).
    if !acting(role).1.contains('市') {
        return role.to_string();
    }
    match county_form(rules, role) {
        // 代理市长 -> 代市长, 市人民政府市长 -> 市长.
        Some((lead, t)) if !lead.is_empty() || t.canonical != t.written => {
            format!("{lead}{}", t.canonical.replace('县', "市"))
        }
        _ => role.to_string(),
    }
}

/// The title table's row for a county-level city's title read as a
/// county's (我市市委书记 and 市委书记: 县委书记; 代理市长: 县长), with its
/// acting mark ("代" or ""). `None` where the county form is no title.
fn county_form<'r>(
    rules: &'r Rules,
    role: &str,
) -> Option<(&'static str, &'r crate::rules::Title)> {
    let (lead, rest) = acting(own_city(role));
    rules.title(&rest.replace('市', "县")).map(|t| (lead, t))
}

/// A city title written after 我市 ("我市市委书记甲", "我市副市长乙", "我市领导
/// 丙"): the home city's own, as written bare (市委书记, 副市长, 市领导).
fn own_city(title: &str) -> &str {
    match title.strip_prefix('我') {
        Some(rest) if rest.starts_with("市市") || !rest.starts_with("市委") => rest
            .strip_prefix('市')
            .filter(|r| r.starts_with(['市', '副', '常', '代']))
            .unwrap_or(rest),
        Some(rest) => rest,
        None => title,
    }
}

/// A title split into its acting mark (代理 or 代, written 代) and the post:
/// 代理市长 -> ("代", "市长").
fn acting(title: &str) -> (&'static str, &str) {
    match title
        .strip_prefix("代理")
        .or_else(|| title.strip_prefix('代'))
    {
        Some(rest) => ("代", rest),
        None => ("", title),
    }
}

/// The titles of a person's roles that a county-level city writes for its
/// own posts: city titles written bare (市委书记, 常务副市长: no city named
/// before them) whose county form is a district post of the title table
/// (县委书记, 常务副县长). None when a role names its city (鹰潭市委常委、副市长:
/// the chain is the prefecture's).
fn county_city_titles<'r>(rules: &Rules, roles: &'r [String]) -> Vec<&'r String> {
    let bare = |r: &str| own_city(r).starts_with(['市', '副', '常', '代']);
    if roles.iter().any(|r| r.contains('市') && !bare(r)) {
        return Vec::new();
    }
    roles
        .iter()
        .filter(|r| {
            bare(r)
                && county_form(rules, r)
                    .is_some_and(|(_, t)| matches!(t.level, Level::District | Level::Group))
        })
        .collect()
}

/// The stems of the counties a document names in full, which are no names of
/// people there: "杭锦" in 杭锦旗's news ("旗领导甲、乙及杭锦经济开发区…") is
/// the county's short form, not a person of the surname 杭. Linear in the
/// mentions.
fn county_stems(sentences: &[Read]) -> BTreeSet<String> {
    sentences
        .iter()
        .flat_map(|s| &s.mentions.districts)
        .filter_map(|d| {
            let n = d.name.chars().count();
            (n >= 3).then(|| d.name.chars().take(n - 1).collect())
        })
        .collect()
}

/// Drops the two-character short forms of the project's own districts
/// (南山, 光明, 龙华 for 深圳市's) from a document that names neither their city
/// nor any of that city's listed districts in full: there they are a mountain,
/// a word (南山, a mountain of 重庆市南岸区, in that district's news). Linear in the mentions.
fn drop_stray_short_forms(rules: &Rules, text: &str, sentences: &mut [Read]) {
    // Each listed city asked once: the document is searched a bounded number
    // of times (the table's few cities), not once per mention.
    let mut anchored: BTreeMap<&str, bool> = BTreeMap::new();
    for s in sentences {
        s.mentions.districts.retain(|d| {
            let short = d.len == 2 && d.len < d.name.chars().count();
            match rules
                .district_named(&d.name)
                .and_then(|l| l.city.as_deref())
            {
                Some(city) if short => *anchored.entry(city).or_insert_with(|| {
                    text.contains(city.trim_end_matches('市'))
                        || rules
                            .districts
                            .iter()
                            .filter(|l| l.city.as_deref() == Some(city))
                            .any(|l| text.contains(l.name.as_str()))
                }),
                _ => true,
            }
        });
    }
}

/// The county-level city whose own site a page is: one that writes its posts
/// as a city's (市委书记, 市长) more than any county's, at an address that
/// spells the city (zhuji.gov.cn is 诸暨市). Only the address: a city's news
/// names counties in passing.
fn city_site(rules: &Rules, text: &str, url: Option<&str>) -> Option<Place> {
    let others = crate::rules::COUNTY_UNITS.map(|u| unit_count(text, u));
    if unit_count(text, '市') <= others.into_iter().max().unwrap_or(0) {
        return None;
    }
    url.and_then(|u| rules.gazetteer.county_by_address(u, '市'))
        .map(place_of)
}

/// How often a text writes a unit's organs (区委, 县长, 市政府 …) or speaks of
/// its own (我区, 全县). Linear in the text.
fn unit_count(text: &str, unit: char) -> usize {
    ["委", "长", "人大", "政府", "政协", "党工委", "管委会"]
        .iter()
        .map(|organ| text.matches(&format!("{unit}{organ}")).count())
        .chain(
            ["我", "全"]
                .iter()
                .map(|w| text.matches(&format!("{w}{unit}")).count()),
        )
        .sum()
}

/// A paragraph's sentences, where a list a semicolon ends, with no act and no
/// decision on posts of its own, runs on into the next sentence that gives it
/// its verb ("县委书记甲,县长乙,县政协副主席;县直有关部门负责同志;各镇党委书记
/// 等参加活动。" is one sentence). Lists whose last item gives no verb either
/// ("甲,某区委书记;乙,某县委书记。") stay apart, as does a decision's item
/// ("乙为区长；", read across semicolons by the personnel layer). Linear in the
/// paragraph.
fn run_on_lists(rules: &Rules, text: &Annotated, sentences: &[Span]) -> Vec<Span> {
    let has_verb = |t: &str| !rules.verb_lexicon.find(t).is_empty();
    let lists = |t: &str, verb: bool| {
        t.trim_end().ends_with([';', '；'])
            && !t.contains('为')
            && !verb
            && personnel::triggers(rules, t).is_empty()
    };
    // A run opens with a list of posts (县委书记甲,县长乙,…;), not with a
    // work report's list of tasks (加快…建设;推进…改扩建;…).
    let titled = |t: &str| {
        rules
            .titles
            .iter()
            .any(|title| title.written.chars().count() >= 2 && t.contains(title.written.as_str()))
    };
    let mut out = Vec::with_capacity(sentences.len());
    let mut run: Vec<Span> = Vec::new();
    for &s in sentences {
        let t = text.text(s);
        let verb = has_verb(&t);
        let long = run
            .first()
            .is_some_and(|f| s.end - f.start > crate::annotate::MAX_SENTENCE);
        if lists(&t, verb) && !long && (!run.is_empty() || titled(&t)) {
            run.push(s);
            continue;
        }
        match run.first() {
            Some(first) if !long && verb => out.push(Span {
                start: first.start,
                end: s.end,
            }),
            _ => {
                out.append(&mut run);
                out.push(s);
            }
        }
        run.clear();
    }
    out.append(&mut run);
    out
}

/// A county of the gazetteer as a place, identified with its city (or
/// province).
fn place_of(county: &crate::rules::County) -> Place {
    Place {
        name: county.name.clone(),
        city: Some(county.city_or_province()),
    }
}

/// The county among those a web address spells that a page is about: the
/// only one, or the one whose city the text names; where several share a
/// name and the text names none of their cities, that name without a city
/// (xinhuaqu.gov.cn is a 新华区, of 平顶山市, 石家庄市 or 沧州市). Linear in the
/// text.
fn one_of_spelled(spelled: &[&crate::rules::County], text: &str) -> Option<Place> {
    let named: Vec<&crate::rules::County> = spelled
        .iter()
        .copied()
        .filter(|c| {
            let city = c.city_or_province();
            text.contains(city.trim_end_matches('市'))
        })
        .collect();
    // Else the one whose own stem the text writes (mdx.gov.cn: 牟定县, the
    // page naming 牟定 in a park's name but not 楚雄).
    let own: Vec<&crate::rules::County> = spelled
        .iter()
        .copied()
        .filter(|c| {
            let n = c.name.chars().count();
            n >= 3 && text.contains(&c.name.chars().take(n - 1).collect::<String>())
        })
        .collect();
    match (spelled, named.as_slice(), own.as_slice()) {
        ([one], _, _) | (_, [one], _) | (_, [], [one]) => Some(place_of(one)),
        ([first, rest @ ..], [], _) if rest.iter().all(|c| c.name == first.name) => Some(Place {
            name: first.name.clone(),
            city: None,
        }),
        _ => None,
    }
}

/// For a text that never writes a district in full but speaks of its own
/// (区委书记…, 我县): the county its web address spells (`huancui.gov.cn` for
/// 环翠区), else the county it names by stem ("讲好黄陂故事").
fn home_by_stem(
    rules: &Rules,
    text: &str,
    url: Option<&str>,
    near: &BTreeSet<String>,
) -> Option<Place> {
    // A town's own news may write no unit of the county (镇长, 镇党委书记):
    // the one town it names says which.
    let Some(unit) = own_unit(text) else {
        // A county-level city's own news (乐清城市网 … 事关乐清全局 … 市委书记):
        // the county-level city its stem names most, and more often than the
        // city above it (温州市), whose news it would otherwise be.
        let city_news = unit_count(text, '市') > 0;
        let stem_count = |name: &str| {
            let name = name.trim_end_matches('市');
            text.matches(name.get(..name.len().min(6)).unwrap_or(name))
                .count()
        };
        return rules
            .gazetteer
            .county_by_streets(text, None)
            .or_else(|| {
                city_news
                    .then(|| rules.gazetteer.county_by_stem(text, '市', near))
                    .flatten()
                    .filter(|c| stem_count(&c.name) > stem_count(&c.city_or_province()))
            })
            .map(place_of);
    };
    // The outlet a source line names is the county's own ("来源:大观新闻网",
    // "来源:今日临安"): it says more than a portal's address (an investment
    // portal's qsh.investchn.com is no 青山湖区).
    if let Some(county) = SOURCE_LINE.captures_iter(text).find_map(|c| {
        let outlet = c.get(1).or(c.get(2))?.as_str();
        rules.gazetteer.county_by_stem(outlet, unit, near)
    }) {
        return Some(place_of(county));
    }
    // The page's own address, then a government site's address the page
    // prints in its banner ("DongFeng.Gov.Cn"), read the same way.
    static BANNER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:www\.)?[a-z][a-z0-9-]{2,30}\.gov\.cn\b")
            .expect("address pattern is valid")
    });
    let opening: String = text.chars().take(300).collect();
    let banner = BANNER.find(&opening).map(|a| a.as_str());
    if let Some(place) = url.into_iter().chain(banner).find_map(|address| {
        one_of_spelled(&rules.gazetteer.counties_by_address(address, unit), text)
    }) {
        return Some(place);
    }
    // A government site named by its city's initials and its county's
    // (shpt.gov.cn: 上海市普陀区), where the page is the government's own or
    // names that city.
    if let Some(u) = url {
        let gov = crate::rules::address_host(u).ends_with(".gov.cn");
        let fitting: Vec<_> = rules
            .gazetteer
            .counties_by_city_initials(u, unit)
            .into_iter()
            .filter(|c| gov || text.contains(c.city_or_province().trim_end_matches('市')))
            .collect();
        if let [one] = fitting.as_slice() {
            return Some(place_of(one));
        }
    }
    // A county of two characters written in full ("房县50万人民") says it best,
    // unless it opens with a word of its own ("县委和县政府" holds no 和县).
    // nor ends in a title ("代理县长" holds no 理县), nor opens one (代县长).
    let chars: Vec<char> = text.chars().collect();
    let mut short: BTreeMap<String, usize> = BTreeMap::new();
    for m in rules.gazetteer.find(text) {
        let first = m.form.name.chars().next().unwrap_or(' ');
        // After a character of a word it is that word's end ("德清古县衙",
        // "品牌兴县"), unless that character ends a city's or a province's
        // name ("十堰市房县") or is a word of its own that follows names or
        // leads to places ("感谢县委和房县人民", "赴房县"); "代理县长" holds no
        // 理县 either.
        let glued = m.at > 0 && {
            let prev = chars[m.at - 1];
            let alone = |words: &[String]| words.iter().any(|w| w.chars().eq([prev]));
            super::is_han(prev)
                && (!(matches!(prev, '市' | '省' | '州' | '盟')
                    || alone(&rules.name_follow)
                    || alone(rules.words.of("destination")))
                    || chars
                        .get(m.at + 2)
                        .is_some_and(|c| matches!(c, '长' | '委')))
        };
        // "、代县长甲": a title (代县长) starts there, not 代县.
        let in_title = super::title_opens_at(rules, &chars, m.at, m.len);
        if m.len == 2
            && m.form.name.ends_with(unit)
            && !rules.name_not_opening.contains(&first)
            && !glued
            && !in_title
        {
            *short.entry(m.form.name.clone()).or_default() += 1;
        }
    }
    let clear = crate::rules::sole_most(short).map(|(name, _)| name);
    let county = match clear.and_then(|c| rules.gazetteer.county(&c, None)) {
        Some(c) => c,
        None => match rules.gazetteer.county_by_streets(text, Some(unit)) {
            Some(c) => c,
            None => rules.gazetteer.county_by_stem(text, unit, near)?,
        },
    };
    Some(place_of(county))
}

/// The outlet of a source line: "来源:大观新闻网" -> 大观新闻网, "(抚宁发布)" -> 抚宁.
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:来源|稿源|来自)\s*[:：]\s*([^\s|:：]{2,24})|[(（]([^()（）\s]{2,10})发布[)）]")
        .expect("source pattern is valid")
});

/// `text` with every occurrence of the `names` blanked, char for char, so that
/// offsets hold. Linear in the text (one automaton over all names).
fn mask_names(text: &str, names: &BTreeSet<&str>) -> String {
    if names.is_empty() {
        return text.to_string();
    }
    let Ok(ac) = aho_corasick::AhoCorasick::new(names.iter()) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    ac.replace_all_with(text, &mut out, |_, found, dst| {
        dst.extend(std::iter::repeat_n(' ', found.chars().count()));
        true
    });
    out
}

/// The district a document is mostly about, by a strict count: at least five
/// mentions and seven in ten of them.
fn dominant_district(counts: &BTreeMap<Place, usize>) -> Option<String> {
    let total: usize = counts.values().sum();
    let (place, n) = counts.iter().max_by_key(|(_, n)| **n)?;
    (*n >= 5 && n * 10 >= total * 7).then(|| place.name.clone())
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
        // "区委副书记、区长甲" is one person's chain, no round-up's roster.
        let covers = |m: &str| {
            head.match_indices(m)
                .any(|(at, _)| !head[..at].ends_with('副'))
        };
        if marks.iter().any(|m| covers(m)) {
            return roster.iter().map(|s| s.to_string()).collect();
        }
    }
    Vec::new()
}

// ------------------------------------------------------------------ time

/// A date with a label, or opening a line before the page's source (both
/// the page's own: groups 1 and 4), or alone on a line with a clock time
/// (group 7):
/// "发布时间:2025-09-15", "2023-03-02 来源:湾区日报", "2024-11-14 08:12:03".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)(?:(?:发布时间|发布日期|生成日期|刊发日期|发表日期|发表时间|更新时间|日期|时间)\s*[:：]\s*",
        r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?",
        r"|^[ \t\u{3000}]*((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})[ \t\u{3000}]*来源",
        r"|^\s*((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\s*(?:$|\d{1,2}:\d{2}|\||\s))"
    ))
    .expect("dateline pattern is valid")
});

/// The first dateline of `text` (see [`DATELINE`]) that is not an archive's
/// ("归档时间:2017-11-15" files the page long after it ran).
fn dateline(text: &str) -> Option<regex::Captures<'_>> {
    DATELINE.captures_iter(text).find(|c| {
        !c.get(0)
            .is_some_and(|m| text[..m.start()].ends_with("归档"))
    })
}

/// A date written in words alone on its line, as a newspaper's page prints it
/// ("2023年12月20日", "2023年12月20日 星期三"); a site's banner prints today's
/// so too, so it counts only where the page has no other dateline.
static PAGE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*(?:星期.|周.)?\s*$")
        .expect("page date pattern is valid")
});

/// "2024年3月6日讯", "2024-03-06 08:12" anywhere in the opening; never the end
/// of a longer number ("12024年3月6日讯" names no year govgraph can write).
static NEWS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])(?:((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:电|讯)|((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*\d{1,2}:\d{2})")
        .expect("news date pattern is valid")
});

/// "28.06.2017  17:49" alone on its line: a mirror's dateline written day
/// first, as Europe writes it.
static DAY_FIRST_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?:\s+\d{1,2}:\d{2})?\s*$")
        .expect("day-first date pattern is valid")
});

/// "来源:某某发布 2020/1/9": a repost's source line names its outlet and the
/// day the story first ran there.
static SOURCE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"来源\s*[:：]\s*[^\s\d:：]{2,20}?\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
        .expect("source date pattern is valid")
});

/// The day a document was published (see [`page_day`]), or, for a repost
/// whose source line names an earlier day within a year, that day: a mirror
/// posts the story later, and its day-only dates are the story's.
fn published(doc: &Document, text: &str, filed: Option<(i32, u32, Option<u32>)>) -> Option<Day> {
    let opening: String = text.chars().take(1200).collect();
    let page = page_day(doc, text, &opening, filed)?;
    let source = SOURCE_DATE
        .captures(&opening)
        .and_then(|c| Day::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?));
    match source {
        Some(s) if s < page && page.ordinal() - s.ordinal() <= 366 => Some(s),
        _ => Some(page),
    }
}

/// The day a page was posted: its front matter, else a dateline in its
/// opening (or, for a labelled one, its close), else the day of `filed`, the
/// date folder of its address, which also overrules unlabelled datelines of
/// another month.
/// `opening` is the text's first 1,200 characters.
fn page_day(
    doc: &Document,
    text: &str,
    opening: &str,
    filed: Option<(i32, u32, Option<u32>)>,
) -> Option<Day> {
    let day = |c: &regex::Captures, i: usize| -> Option<Day> {
        Day::new(
            c.get(i)?.as_str().parse().ok()?,
            c.get(i + 1)?.as_str().parse().ok()?,
            c.get(i + 2)?.as_str().parse().ok()?,
        )
    };
    // The page's own label ("发布时间:2022-04-29") says it best; then the
    // metadata a scraper gives (front matter), then a bare dateline.
    // A date before the source opens the page only in its first lines (lower
    // down it is a related story's), and within a week of the day the
    // scraper gives, if any.
    let scraped = doc.date.as_deref().and_then(Day::parse_iso);
    let heads_page = |c: &regex::Captures, d: &Day| {
        c.get(4)
            .is_some_and(|g| opening[..g.start()].chars().count() < 300)
            && scraped.is_none_or(|s| (s.ordinal() - d.ordinal()).abs() <= 7)
    };
    if let Some(c) = dateline(opening)
        && let Some(d) = day(&c, 1).or_else(|| day(&c, 4).filter(|d| heads_page(&c, d)))
    {
        return Some(d);
    }
    if let Some(d) = doc.date.as_deref().and_then(Day::parse_iso) {
        return Some(d);
    }
    // The folder a site files the page in beats an unlabelled date in the
    // page, which is often the day the site was built again
    // ("publishdate:2024-06-21 15:22" under /2023/01/): `filed` is
    // [`address_date`] of the page's address.
    let agrees = |d: &Day| filed.is_none_or(|(y, m, _)| d.year == y && d.month == m);
    if let Some(c) = dateline(opening)
        && let Some(d) = day(&c, 7).or_else(|| day(&c, 4)).filter(agrees)
    {
        return Some(d);
    }
    if let Some(c) = NEWS_DATE.captures(opening)
        && let Some(d) = day(&c, 1).or_else(|| day(&c, 4)).filter(agrees)
    {
        return Some(d);
    }
    if let Some(c) = DAY_FIRST_DATE.captures(opening)
        && let Some(d) = c[3]
            .parse()
            .ok()
            .and_then(|y| Day::new(y, c[2].parse().ok()?, c[1].parse().ok()?))
            .filter(agrees)
    {
        return Some(d);
    }
    if let Some((year, month, Some(d))) = filed {
        return Day::new(year, month, d);
    }
    if let Some(c) = PAGE_DATE.captures(opening)
        && let Some(d) = day(&c, 1).filter(agrees)
    {
        return Some(d);
    }
    let n = text.chars().count();
    let closing: String = text.chars().skip(n.saturating_sub(600)).collect();
    dateline(&closing)
        .and_then(|c| day(&c, 1).or_else(|| day(&c, 4)).or_else(|| day(&c, 7)))
        .or_else(|| {
            NEWS_DATE
                .captures(&closing)
                .and_then(|c| day(&c, 1).or_else(|| day(&c, 4)))
        })
        .filter(agrees)
}

/// "本报7月25日讯", "2月3日广州讯": the day a newspaper's report was filed,
/// at most three days before the paper that prints it. Its 今天 and 昨天 count
/// from that day, and it is the news of the day. Reads the opening only.
static REPORT_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9年])(\d{1,2})月(\d{1,2})日\p{Han}{0,4}?[讯电]")
        .expect("report dateline pattern is valid")
});

/// The day a newspaper report was filed, else `published` (see
/// [`REPORT_DATELINE`]).
fn report_day(text: &str, published: Day) -> Day {
    let opening: String = text.chars().take(600).collect();
    REPORT_DATELINE
        .captures(&opening)
        .and_then(|c| {
            let (month, day) = (c[1].parse().ok()?, c[2].parse().ok()?);
            let year = published.year - i32::from(month > published.month);
            Day::new(year, month, day)
        })
        .filter(|d| (0..=3).contains(&(published.ordinal() - d.ordinal())))
        .unwrap_or(published)
}

/// The date a web address files its page under: a day (`/2021/12/16/`,
/// `t20231225_1811571.html`, `/2014-10-16/`) or only a month (`/202311/`), as
/// (year, month, day). County and district sites file news by the day they
/// post it. The last date in the address wins (a page's own beats its
/// section's). A portal's path that opens with a two-digit year and the
/// month and day (`/25/0301/14/…`) files it so too. Linear in the address.
fn address_date(url: &str) -> Option<(i32, u32, Option<u32>)> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:199|20\d)\d)([-/_]?)(0[1-9]|1[0-2])(?:([-/_]?)(0[1-9]|[12]\d|3[01]))?(?:[^0-9]|$)")
            .expect("address date pattern is valid")
    });
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([0-2]\d)/(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")
            .expect("short address date pattern is valid")
    });
    let path = address_path(url);
    // A date stands alone or after one letter (t20171215_…); after a word
    // the digits are the page's number (news205703.htm).
    let alone = |c: &regex::Captures| {
        let before = &path[..c.get(1).map_or(0, |m| m.start())];
        before
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic())
            .count()
            <= 1
    };
    let Some(c) = DATE.captures_iter(path).filter(alone).last() else {
        let c = SHORT.captures(path)?;
        let year: i32 = c[1].parse().ok()?;
        return Some((2000 + year, c[2].parse().ok()?, c[3].parse().ok()));
    };
    let year = c[1].parse().ok()?;
    let month = c[3].parse().ok()?;
    // A day only written the way the month is (2021/12/16, 20231225).
    let day = c
        .get(5)
        .filter(|_| c.get(4).map(|m| m.as_str()) == c.get(2).map(|m| m.as_str()))
        .and_then(|d| d.as_str().parse().ok());
    Some((year, month, day))
}

/// The path of a web address, after its host: "a.cn/x/1.html" -> "x/1.html".
fn address_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split_once('/').map_or("", |(_, p)| p)
}

/// The year of a folder a web address files its page in by year alone
/// (`/html/2012/zxbd_1217/`): a segment of the path that is a year and
/// nothing else. Not in the host (file2019.a.cn). Linear in the address.
fn address_year(url: &str) -> Option<i32> {
    let path = address_path(url).split(['?', '#']).next().unwrap_or("");
    let mut segments: Vec<&str> = path.split('/').collect();
    segments.pop(); // the page's own name
    segments
        .iter()
        .rev()
        // No site filed news before 1990: /info/1941/ is a section's number.
        .filter(|s| s.len() == 4 && (s.starts_with("199") || s.starts_with("20")))
        .find_map(|s| s.parse().ok())
}

/// True for a photo's caption: a sentence that ends with its photographer's
/// credit, "…在区法院举行(某某 摄)". Linear in the sentence.
fn is_caption(sentence: &str) -> bool {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[(（][^()（）]{1,15}摄影?[)）][。.]?$").expect("caption pattern is valid")
    });
    CREDIT.is_match(sentence.trim_end())
}

/// True for a chronicle (大事记): a line of its opening, or its title, of at
/// most 40 characters names one, or three lines or more open with a bare day
/// set apart ("6日 盐田区召开…", "9日" alone). Linear in the text.
fn is_chronicle(text: &str, title: Option<&str>) -> bool {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^\s*\d{1,2}日(?:\s|$)").expect("chronicle item pattern is valid")
    });
    heading_lines(text, title)
        .any(|l| l.chars().count() <= 40 && ["大事记", "大事纪"].iter().any(|w| l.contains(w)))
        || ITEM.find_iter(text).nth(2).is_some()
}

/// A month's chronicle ("2023年4月大事记") may head each day's items with the
/// day's number alone on its line ("3", then the items): there each such line
/// is read as that day ("3日"). Only in a chronicle whose heading names a
/// month, and only where two such lines or more count up, so that a page or
/// picture number is no day. Linear in the sentences.
fn date_bare_day_lines(text: &str, title: Option<&str>, sentences: &mut [Read]) {
    let month = heading_lines(text, title)
        .find_map(chronicle_period)
        .is_some_and(|p| p.from.month == p.to.month);
    if !month {
        return;
    }
    let bare = |s: &Read| -> Option<u32> {
        let t = s.mentions.text.trim();
        (t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    let days: Vec<(usize, u32)> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.mentions.dates.is_empty())
        .filter_map(|(i, s)| bare(s).map(|d| (i, d)))
        .collect();
    if days.len() < 2 || days.windows(2).any(|w| w[1].1 <= w[0].1) {
        return;
    }
    for (i, day) in days {
        let s = &mut sentences[i];
        let at = s
            .mentions
            .text
            .chars()
            .take_while(|c| c.is_whitespace())
            .count();
        s.mentions.dates.push(super::mention::date::DateMention {
            at,
            len: s.mentions.text.trim().chars().count(),
            expr: DateExpr::Point(super::mention::date::Point::Day {
                year: None,
                month: None,
                day,
                lunar: false,
            }),
            occasion: true,
        });
    }
}

/// The lines a chronicle's heading may stand on: the page's title and the
/// first 16 lines of its text.
fn heading_lines<'t>(text: &'t str, title: Option<&'t str>) -> impl Iterator<Item = &'t str> {
    title.into_iter().chain(text.lines().take(16))
}

/// The span a chronicle's heading names: "2007年大事记" is the year 2007,
/// "二〇二二年一月从化大事记" and "天河区2007年5月份大事记" a month. The chronicle's
/// items are of that span whenever the page was posted. A heading is a line
/// of at most 40 characters with 大事记, 大事纪 or 纪事 in it. Linear in the line.
fn chronicle_period(line: &str) -> Option<Period> {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[^0-9])((?:19|20)\d{2}|[〇○O零一二三四五六七八九]{4})年(?:(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月)?[^年]*(?:大事记|大事纪|纪事)",
        )
        .expect("chronicle heading pattern is valid")
    });
    fn number(s: &str) -> Option<u32> {
        if let Ok(n) = s.parse() {
            return Some(n);
        }
        const DIGITS: &str = "〇一二三四五六七八九";
        let digit = |c: char| match c {
            '○' | 'O' | '零' => Some(0),
            _ => DIGITS.chars().position(|d| d == c).map(|p| p as u32),
        };
        match s.chars().collect::<Vec<_>>().as_slice() {
            ['十'] => Some(10),
            ['十', u] => Some(10 + digit(*u)?),
            [_, _, _, _] => s.chars().try_fold(0, |n, c| Some(n * 10 + digit(c)?)),
            [u] => digit(*u),
            _ => None,
        }
    }
    if line.chars().count() > 40 {
        return None;
    }
    let c = HEADING.captures(line)?;
    let year = i32::try_from(number(&c[1])?).ok()?;
    match c.get(2) {
        Some(m) => {
            let month = number(m.as_str())?;
            Some(Period {
                from: Day::new(year, month, 1)?,
                to: Day::new(year, month, super::calendar::days_in_month(year, month))?,
            })
        }
        None => Some(Period {
            from: Day::new(year, 1, 1)?,
            to: Day::new(year, 12, 31)?,
        }),
    }
}

/// The first year an opening writes (2025年), if plausible: four digits, not
/// the end of a longer number (12025年). In a text whose first day falls in
/// January to April (`early`), the season of the annual sessions, a year
/// that a report looks back on (`year_past_early` words: "报告指出,2024年,…")
/// and a first year the text also writes the year after of ("回顾了2022年…
/// 2023年是开局之年") are the year before the text's own. A document's
/// number ("政发[2001]23号") writes a year too, and a part of a year after 关于
/// ("关于2020年上半年…") is the text's own year. A year of a record (a birth,
/// a founding, a span's start: "1980年11月生", "成立于2010年", "自2002年") and a
/// year's 年度 under review ("表彰了2022年度…") are none, except that in a
/// text of January to April awards for a year date it the year after, and in
/// one of November or December (`late`) a year under review before the year
/// it plans ("2024年工作回顾…2025年重点工作") is the text's own. Where no year
/// is written, an event's name, an anniversary or a plan's year may say it.
/// Linear in the text.
/// True when the opening of `text` (its first 400 characters) holds a word
/// of an annual session (`annual_session` in data/words.tsv: 人民代表大会第,
/// 届人大, 政治协商会议 …), whose report tells the year it is held in.
fn annual_session(rules: &Rules, text: &str) -> bool {
    let opening: String = text.chars().take(400).collect();
    // A standing committee's meeting (届人大常委会第十次会议, 人民代表大会常务
    // 委员会第…) meets all year round: no annual session.
    let standing = |rest: &str| rest.starts_with("常委会") || rest.starts_with("常务委员会");
    rules.words.of("annual_session").iter().any(|w| {
        opening
            .match_indices(w.as_str())
            .any(|(i, _)| !standing(&opening[i + w.len()..]))
    })
}

fn first_year(rules: &Rules, text: &str, month: Option<u32>) -> Option<i32> {
    let early = month.is_some_and(|m| m <= 4);
    let late = month.is_some_and(|m| m >= 11);
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)\d{2})年(度)?").expect("year pattern is valid")
    });
    let head: String = text.chars().take(2000).collect();
    // "关于2022年…工作情况的报告" names the year a report is about, not its own;
    // so does a year under review ("2021年度…考评情况", `year_review` words
    // within 12 characters), often reviewed the year after.
    // A year's 年度 under review may also follow its verb ("表彰了2022年度…").
    let reviewed = |start: usize, end: usize, annual: bool| {
        let next: String = head[end..].chars().take(12).collect();
        let before = head[..start].trim_end_matches('了');
        rules
            .words
            .of("year_review")
            .iter()
            .any(|w| next.contains(w.as_str()) || (annual && before.ends_with(w.as_str())))
    };
    // A year of someone's or something's record ("1980年11月生", "成立于
    // 2010年"): a profile's, no year of the text's own (`year_of_record`
    // words before the year, `year_of_record_after` words right after it).
    let recorded = |start: usize, end: usize| {
        let next: String = head[end..].chars().take(8).collect();
        // The month of a birth goes with it: "1980年11月生".
        let next = next.trim_start_matches(|c: char| c.is_ascii_digit());
        rules
            .words
            .of("year_of_record")
            .iter()
            .any(|w| head[..start].ends_with(w.as_str()))
            || rules
                .words
                .of("year_of_record_after")
                .iter()
                .any(|w| next.starts_with(w.as_str()))
    };
    // "刚刚过去的2024年": the text is of the year after (`year_past` words).
    // In a text of January to April, "回顾了2018年…" counts as "回顾2018年…";
    // elsewhere it may be a year-end review of the text's own year.
    let past = |start: usize| {
        let before = head[..start].trim_end_matches([',', '，', ' ']);
        let said = head[..start].trim_end_matches('了');
        let year_past = rules.words.of("year_past");
        year_past
            .iter()
            .any(|w| head[..start].ends_with(w.as_str()))
            || (early
                && (year_past.iter().any(|w| said.ends_with(w.as_str()))
                    || rules
                        .words
                        .of("year_past_early")
                        .iter()
                        .any(|w| before.ends_with(w.as_str()))))
    };
    // The year after, written as a year (not 12026年), anywhere in the opening.
    let writes = |year: i32| {
        let y = format!("{year}年");
        head.match_indices(&y).any(|(at, _)| {
            !head[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit())
        })
    };
    // "关于2020年上半年…执行情况": a part of the year, reviewed in that year.
    let part_of_year = |end: usize| {
        [
            "上半年",
            "前三季度",
            "一季度",
            "第一季度",
            "1-",
            "1—",
            "1至",
        ]
        .iter()
        .any(|w| head[end..].starts_with(w))
    };
    // A document's number (济历城政发[2001]23号) writes the year it was issued.
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\p{Han}[\[〔【]((?:19|20)\d{2})[\]〕】] ?\d{1,4}号")
            .expect("document number pattern is valid")
    });
    let numbered = NUMBERED
        .captures(&head)
        .and_then(|c| Some((c.get(1)?.start(), c[1].parse::<i32>().ok()?)));
    // A government page's index number (索引号: 11410403MB0N459981/2023-00008)
    // writes the year it was filed in.
    static INDEXED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"索引号[^\n]{0,40}?/((?:19|20)\d{2})-\d{3,}")
            .expect("index number pattern is valid")
    });
    let indexed = INDEXED
        .captures(&head)
        .and_then(|c| Some((c.get(1)?.start(), c[1].parse::<i32>().ok()?)));
    let written = YEAR
        .captures_iter(&head)
        .find(|c| {
            let (start, end) = (
                c.get(1).map_or(0, |m| m.start()),
                c.get(0).map_or(0, |m| m.end()),
            );
            !reviewed(
                start,
                c.get(2).or(c.get(1)).map_or(0, |m| m.end()),
                c.get(2).is_some(),
            ) && !recorded(start, end)
                && c.get(1).is_some_and(|m| {
                    !head[..m.start()].ends_with("关于")
                        || part_of_year(c.get(0).map_or(0, |w| w.end()))
                })
        })
        .and_then(|c| {
            let m = c.get(1)?;
            let year: i32 = m.as_str().parse().ok()?;
            Some((
                m.start(),
                if past(m.start()) || (early && writes(year + 1)) {
                    year + 1
                } else {
                    year
                },
            ))
        });
    // "表彰了2024年度先进集体" in a text of January to April, with no year of
    // its own: the awards of a year are given early in the next.
    let reviewed_early = || {
        YEAR.captures_iter(&head).find_map(|c| {
            let (m, annual) = (c.get(1)?, c.get(2)?);
            (early && reviewed(m.start(), annual.end(), true))
                .then(|| m.as_str().parse::<i32>().ok().map(|y| y + 1))
                .flatten()
        })
    };
    // "一是2024年工作回顾;二是2025年重点工作安排" in a text of November or
    // December: a report on the year ending, and a plan for the next.
    let reviewed_year = || {
        YEAR.captures_iter(&head).find_map(|c| {
            let m = c.get(1)?;
            let end = c.get(2).unwrap_or(m).end();
            reviewed(m.start(), end, c.get(2).is_some())
                .then(|| m.as_str().parse::<i32>().ok())
                .flatten()
        })
    };
    [written, numbered, indexed]
        .into_iter()
        .flatten()
        .min()
        .map(|(at, year)| {
            // "审议通过了2020年工作要点" on 12月28日: a plan for the year to come.
            let planned = || {
                let next: String = head[at..].chars().skip(5).take(12).collect();
                rules
                    .words
                    .of("year_plan")
                    .iter()
                    .any(|w| next.contains(w.as_str()))
            };
            if late && (reviewed_year() == Some(year - 1) || planned()) {
                year - 1
            } else {
                year
            }
        })
        .or_else(reviewed_early)
        // "2025全球华人汽车精英联合年会": an event named with its year.
        .or_else(|| event_year(rules, &head))
        // "今年是新中国成立75周年": a year by an anniversary.
        .or_else(|| super::mention::date::anniversary_year(&head))
        // "今年是“十四五”规划的收官之年": a year by a plan's.
        .or_else(|| super::mention::date::plan_year(&head))
}

/// The year an event's name opens with, where the text writes no 年 after
/// it ("2025全球华人汽车精英联合年会…在嘉定举办", "2025长三角阅读马拉松大赛"):
/// four digits, then a name of Chinese characters that ends in an event noun
/// of data/events.tsv within 20 characters. A number with a unit (2025亩)
/// names no year. Linear in the text.
fn event_year(rules: &Rules, text: &str) -> Option<i32> {
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)\d{2})(\p{Han}[^0-9,，。;；:：!！?？\n]{1,19})")
            .expect("event year pattern is valid")
    });
    const UNITS: &str = "年亩万元人个户名吨米千百多余平套间家项件次位条辆台只头株";
    NAMED.captures_iter(text).find_map(|c| {
        let name = &c[2];
        let opens_with_unit = name.chars().next().is_some_and(|ch| UNITS.contains(ch));
        let names_event = rules
            .event_nouns
            .iter()
            .filter(|n| n.chars().count() >= 2)
            .any(|n| name.contains(n.as_str()));
        (!opens_with_unit && names_event)
            .then(|| c[1].parse().ok())
            .flatten()
    })
}

/// The span a round-up reports on: "2024年12月9日至12月15日" in its opening or title.
fn period(text: &str, title: Option<&str>) -> Option<Period> {
    if let Some(p) = heading_lines(text, title).find_map(chronicle_period) {
        return Some(p);
    }
    let opening: String = text.chars().take(600).collect();
    for source in [Some(opening.as_str()), title].into_iter().flatten() {
        for m in super::mention::date::find(source) {
            let DateExpr::Range(a, b) = &m.expr else {
                continue;
            };
            // Only a range that writes its own year is a period.
            let clock = Clock::default();
            if let Some(d) = clock.resolve(&DateExpr::Range(*a, *b)).first()
                && let Some(last) = d.last
            {
                return Some(Period {
                    from: d.first,
                    to: last,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{address_date, address_year, without_stem};
    use crate::extract::{Extractor, Facts};
    use crate::rules::Rules;

    fn facts(text: &str) -> Facts {
        let ex = Extractor::new(Rules::builtin());
        let doc = crate::normalise::normalise("t.md", text);
        ex.extract(&doc)
    }

    /// (person, day) of every participation, sorted.
    fn took_part(f: &Facts) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = f
            .participations
            .iter()
            .map(|p| {
                let day = p.date.map_or("undated".to_string(), |d| d.iso());
                (p.person.clone(), day)
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn a_reports_own_dateline_dates_its_today() {
        // The paper of the 26th prints the report filed on the 25th.
        let text = "---\ndate: 2024-07-26\n---\n本报7月25日讯 今天上午,新区通报会召开。某区委书记甲某出席会议。";
        assert_eq!(took_part(&facts(text)), pairs(&[("甲某", "2024-07-25")]));
        // A month and day far from the paper's date is no report dateline.
        let text = "---\ndate: 2024-07-26\n---\n本报3月5日讯 今天上午,某区委书记甲某出席会议。";
        assert_eq!(took_part(&facts(text)), pairs(&[("甲某", "2024-07-26")]));
    }

    #[test]
    fn names_at_the_end_of_running_text_join_no_earlier_meeting() {
        let text = "---\ndate: 2024-06-19\n---\n6月17日下午,西湖区领导干部会议召开。\n\n\
                    进入公示名单的还有安化县县长葛立山、宁乡县县长卢文海等。";
        assert_eq!(took_part(&facts(text)), Vec::<(String, String)>::new());
        // A paragraph that is only the list of leaders still joins it.
        let text = "---\ndate: 2024-06-19\n---\n6月17日下午,西湖区领导干部会议召开。\n\n\
                    西湖区委书记葛立山,区委副书记、区长卢文海。";
        assert_eq!(
            took_part(&facts(text)),
            pairs(&[("卢文海", "2024-06-17"), ("葛立山", "2024-06-17")])
        );
    }

    #[test]
    fn hosts_who_welcome_visitors_take_part_in_the_visit() {
        let text = "---\ndate: 2024-09-05\n---\n9月3日上午,某学院考察组一行赴西湖区考察学习。\n\
                    考察组受到了西湖区委书记、新区建设指挥部副指挥长葛立山,副区长卢文海的热情欢迎。";
        assert_eq!(
            took_part(&facts(text)),
            pairs(&[("卢文海", "2024-09-03"), ("葛立山", "2024-09-03")])
        );
    }

    #[test]
    fn a_chronicles_month_heading_dates_its_days() {
        let text = "---\nurl: x\n---\n一月:\n2日 区长葛立山参加全区工作会议。\n今年是2024年。";
        assert_eq!(took_part(&facts(text)), pairs(&[("葛立山", "2024-01-02")]));
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_sentence_without_subject_continues_the_paragraph_official() {
        let f = facts(
            "---\ndate: 2025-08-25\n---\n区委副书记、区长葛立山8月15日调研重点项目。8月19日晚,主持召开区政府常务会议。8月21日,走访企业。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[
                ("葛立山", "2025-08-15"),
                ("葛立山", "2025-08-19"),
                ("葛立山", "2025-08-21")
            ])
        );
    }

    #[test]
    fn the_date_carries_over_one_sentence_paragraphs_until_a_new_one() {
        let f = facts(
            "---\ndate: 2024-10-24\n---\n10月23日上午,西湖区委常委会召开会议。\n区委书记严立新主持会议。\n区领导于建明、尹长山出席。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[
                ("严立新", "2024-10-23"),
                ("于建明", "2024-10-23"),
                ("尹长山", "2024-10-23")
            ])
        );
    }

    #[test]
    fn a_dateline_dates_yesterday_and_is_no_occasion_itself() {
        let f = facts(
            "湾区新闻网2024年3月6日讯(记者 丁某)昨日下午,坪山区召开区政府常务会议,区委副书记、区长贺立远主持会议。",
        );
        assert_eq!(took_part(&f), pairs(&[("贺立远", "2024-03-05")]));
        let f = facts("生成日期:2025-08-11\n8月8日,区委书记严立新调研。");
        assert_eq!(took_part(&f), pairs(&[("严立新", "2025-08-08")]));
    }

    #[test]
    fn speech_makes_no_activity_of_its_own() {
        let f = facts(
            "2024年12月9日至12月15日\n12月10日,福田区委副书记、代区长俞立平表示,要全力推进重点项目建设。",
        );
        assert!(f.participations.is_empty(), "{:?}", f.participations);
        assert!(f.posts.iter().any(|p| p.title == "代区长"), "{:?}", f.posts);
    }

    #[test]
    fn the_day_a_text_calls_today_dates_its_later_relative_days() {
        let f = facts(
            "发布时间:2023-08-14\n今天(8月10日)下午,蓟州区区长葛立山赴区应急指挥中心调度防汛工作。\n葛立山对今晨出现强降雨的镇进行了调度。",
        );
        assert!(!f.participations.is_empty());
        for p in &f.participations {
            assert_eq!(
                p.date.map(|d| d.iso()).as_deref(),
                Some("2023-08-10"),
                "{p:?}"
            );
        }
    }

    #[test]
    fn a_rankings_year_is_not_the_texts() {
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n10月27日上午,天河区第十届人民代表大会第一次会议开幕。区长葛立山作政府工作报告。报告说,天河区位列2020年某某百强区第一。",
        );
        assert_eq!(f.participations.len(), 1);
        assert_eq!(f.participations[0].date, None, "{:?}", f.participations);
    }

    #[test]
    fn a_pages_abstract_is_not_read() {
        // The abstract restates the report before its date; only the report
        // dates who sat on the rostrum.
        let f = facts(
            "---\ndate: 2021-01-22\n---\n[摘要]区委书记葛立山在主席台前排就座。\n2021年1月21日下午\n未央区政协全会闭幕。\n区委书记葛立山在主席台前排就座。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2021-01-21")]));
        // A link to another page is no act of the text's official.
        let f = facts(
            "---\ndate: 2013-11-20\n---\n11月19日,江北区委书记葛立山出席会议。\n查看完整版本: 某某官员大执位",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2013-11-19")]));
        assert_eq!(f.participations.len(), 1, "{:?}", f.participations);
    }

    #[test]
    fn hosts_who_join_their_guests_meeting_serve_the_texts_district() {
        // The host's bare title, in the sentence that names only the guests'
        // county, is the text's own district's.
        let f = facts(
            "城阳融媒\n5月14日上午,渭源县委书记卢文海率考察团到我区参观考察并交流座谈,区委书记葛立山出席座谈会。",
        );
        let held: Vec<(&str, &str)> = f
            .posts
            .iter()
            .map(|p| (p.person.as_str(), p.district.as_str()))
            .collect();
        assert!(held.contains(&("葛立山", "城阳区")), "{held:?}");
        assert!(held.contains(&("卢文海", "渭源县")), "{held:?}");
    }

    #[test]
    fn a_contact_line_joins_no_meeting() {
        let f = facts(
            "---\ndate: 2023-06-21\n---\n6月20日下午,卫滨区区长方建春主持召开区政府常务会议。\n区委书记 葛立山 15500001111",
        );
        assert_eq!(took_part(&f), pairs(&[("方建春", "2023-06-20")]));
    }

    #[test]
    fn a_requirement_followed_is_no_speech() {
        // "按照…要求," says why; the date and the act after it are the text's.
        let f = facts(
            "2020年3月20日\n按照一手抓防控、一手抓发展要求,3月18日上午,渝北区招商引资项目签约活动举行,区长方建春出席。",
        );
        assert_eq!(took_part(&f), pairs(&[("方建春", "2020-03-18")]));
    }

    #[test]
    fn those_who_escort_visitors_serve_the_district_visited() {
        let f = facts(
            "---\ndate: 2023-11-14\n---\n11月13日,鹤庆县委书记段立丽率鹤庆县党政考察团到永平县考察交流。县领导李立琦、罗晓东陪同考察。",
        );
        let escorts: Vec<(&str, &str)> = f
            .posts
            .iter()
            .filter(|p| p.title == "县领导")
            .map(|p| (p.person.as_str(), p.district.as_str()))
            .collect();
        assert_eq!(escorts, [("李立琦", "永平县"), ("罗晓东", "永平县")]);
        assert!(took_part(&f).contains(&("李立琦".to_string(), "2023-11-13".to_string())));
    }

    #[test]
    fn a_leading_groups_head_in_a_chain_keeps_the_post_before_it() {
        let f = facts(
            "---\ndate: 2021-06-05\n---\n房山区召开会议\n6月4日,区委书记、区委区政府推进协同发展领导小组组长陈德平,区委副书记、区长、领导小组组长卢文海参加会议。",
        );
        let posts: Vec<(&str, &str)> = f
            .posts
            .iter()
            .map(|p| (p.person.as_str(), p.title.as_str()))
            .collect();
        assert_eq!(
            posts,
            [
                ("陈德平", "区委书记"),
                ("卢文海", "区委副书记"),
                ("卢文海", "区长")
            ]
        );
    }

    #[test]
    fn a_banner_address_spelled_letter_by_letter_names_the_county() {
        // 惠民生 is no 惠民县.
        let f = facts(
            "---\ndate: 2023-11-15\n---\nT o n g Y u . G o v . C n\n11月13日,县委副书记、县长柴明主持召开会议。会议要求谋划一批惠民生的大项目。",
        );
        let posts: Vec<(&str, &str)> = f
            .posts
            .iter()
            .map(|p| (p.person.as_str(), p.district.as_str()))
            .collect();
        assert_eq!(posts, [("柴明", "通榆县"), ("柴明", "通榆县")]);
    }

    #[test]
    fn a_year_under_review_is_not_the_texts() {
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n1月25日上午,政协珠海市香洲区八届七次会议开幕。报告从五个方面对2015年区政协工作进行了总结。报告提出了2016年的工作思路。区政协主席葛立山作工作报告。",
        );
        assert_eq!(
            took_part(&f),
            [("葛立山".to_string(), "2016-01-25".to_string())]
        );
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n2月28日上午,舞阳县第十六届人民代表大会第五次会议开幕。县委书记葛立山出席。报告分三个部分:一是2024年工作回顾;二是2025年工作安排。",
        );
        assert_eq!(
            took_part(&f),
            [("葛立山".to_string(), "2025-02-28".to_string())]
        );
    }

    #[test]
    fn a_year_an_events_name_opens_with() {
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n10月24日,2025产教融合创新发展大会在嘉定举行。嘉定区委书记葛立山出席。",
        );
        assert_eq!(
            took_part(&f),
            [("葛立山".to_string(), "2025-10-24".to_string())]
        );
        // A number with a unit names no year.
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n10月24日,嘉定区委书记葛立山出席现场会,察看2025亩高标准农田建设活动现场。",
        );
        assert_eq!(
            took_part(&f),
            [("葛立山".to_string(), "undated".to_string())]
        );
    }

    #[test]
    fn a_year_said_by_an_anniversary() {
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n1月31日,佛山市禅城区第五届人民代表大会第五次会议开幕。区委书记葛立山出席会议。今年是新中国成立75周年。",
        );
        assert_eq!(
            took_part(&f),
            [("葛立山".to_string(), "2024-01-31".to_string())]
        );
    }

    #[test]
    fn a_delegation_sent_out_is_the_texts_own() {
        let f = facts(
            "---\ndate: 2025-05-23\n---\n5月19日至20日,区委书记葛立山率金山区党政代表团赴六安市霍邱县、叶集区考察调研。区领导卢文海、方建春参加考察。",
        );
        let posts: Vec<(&str, &str)> = f
            .posts
            .iter()
            .map(|p| (p.person.as_str(), p.district.as_str()))
            .collect();
        assert_eq!(
            posts,
            [
                ("葛立山", "金山区"),
                ("卢文海", "金山区"),
                ("方建春", "金山区")
            ]
        );
    }

    #[test]
    fn every_place_of_a_list_after_a_destination_word_is_visited() {
        let f = facts(
            "---\ndate: 2021-12-05\n---\n罗湖区要闻\n12月3日,区委书记葛立山带队赴陆丰市和深汕合作区调研。区领导卢文海参加调研。",
        );
        let districts: Vec<&str> = f.posts.iter().map(|p| p.district.as_str()).collect();
        assert_eq!(districts, ["罗湖区", "罗湖区"]);
    }

    #[test]
    fn a_newspaper_pages_date_alone_on_its_line_dates_the_page() {
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n第一版:要闻\n\n2023年12月20日\n区政协常委会议召开\n本报讯 昨天下午,松江区政协常委会议召开。区政协主席葛立山主持会议。",
        );
        assert_eq!(
            took_part(&f),
            [("葛立山".to_string(), "2023-12-19".to_string())]
        );
        // A site's banner prints today's date so too: the page's own dateline
        // wins.
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n2025年08月10日 星期日\n\n我县召开县长办公会\n\n2022-02-21 09:13:33\n2月18日,通榆县县长葛立山主持召开县长办公会。",
        );
        assert_eq!(
            took_part(&f),
            [("葛立山".to_string(), "2022-02-18".to_string())]
        );
    }

    #[test]
    fn a_congress_that_reviews_a_year_sits_the_year_after() {
        let f = facts(
            "---\nurl: http://example.com/a/1.html\n---\n1月15日,中国共产党深圳市光明区第二届代表大会第三次会议召开。会议回顾总结2024年工作,谋划部署2025年任务。区委书记葛立山代表区委向大会作报告。",
        );
        assert_eq!(
            took_part(&f),
            [("葛立山".to_string(), "2025-01-15".to_string())]
        );
    }

    #[test]
    fn a_county_paper_names_its_county_in_passing() {
        let f = facts(
            "---\ndate: 2019-11-03\n---\n11月2日,我县组织开展项目观摩活动。县委书记钟立民,县委副书记、县长叶立堂参加了观摩活动。\n幸福进贤",
        );
        let districts: Vec<&str> = f.posts.iter().map(|p| p.district.as_str()).collect();
        assert!(districts.iter().all(|d| *d == "进贤县"), "{districts:?}");
    }

    #[test]
    fn a_county_site_names_its_county_in_its_address() {
        let f = facts(
            "---\ndate: 2023-03-07\nurl: http://10.0.0.1/wuyangdongtai/1.html\n---\n3月7日下午,县委书记郑立民带领有关部门负责同志察看项目建设进度。县领导罗晓东参加。",
        );
        let posts: Vec<(&str, &str)> = f
            .posts
            .iter()
            .map(|p| (p.person.as_str(), p.district.as_str()))
            .collect();
        assert_eq!(posts, [("郑立民", "舞阳县"), ("罗晓东", "舞阳县")]);
    }

    #[test]
    fn a_bare_head_takes_the_organ_of_the_post_on_the_line_before() {
        let posts = |text: &str| {
            let mut v: Vec<(String, String)> = facts(text)
                .posts
                .iter()
                .map(|p| (p.person.clone(), p.title.clone()))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        // A roster: "副书记" is the 县委's, from the line before.
        let got =
            posts("---\ndate: 2012-05-01\n---\n通榆县领导\n县委书记:柴明\n副书记:方建春、卢文海\n");
        assert!(
            got.contains(&("方建春".into(), "县委副书记".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("卢文海".into(), "县委副书记".into())),
            "{got:?}"
        );
        // Not a chain with a city's title, nor a title after a name.
        let got = posts(
            "---\ndate: 2012-05-01\n---\n通榆县委书记柴明主持会议。\n市委常委、副书记虎勇出席。方建春书记讲话。\n",
        );
        assert_eq!(got, [("柴明".to_string(), "县委书记".to_string())]);
    }

    #[test]
    fn the_year_just_past_is_the_year_before_the_texts() {
        // No dateline: the first year written is the year just past, so the
        // text is of the year after it.
        let f = facts(
            "1月9日下午,通榆县政协会议闭幕。县委书记柴明出席。柴明指出,刚刚过去的2024年极不平凡。",
        );
        assert_eq!(took_part(&f), pairs(&[("柴明", "2025-01-09")]));
        let f = facts("1月9日下午,通榆县政协会议闭幕。县委书记柴明出席。柴明指出,2024年要再加力。");
        assert_eq!(took_part(&f), pairs(&[("柴明", "2024-01-09")]));
    }

    #[test]
    fn a_repost_dates_its_story_by_its_source_line() {
        // A mirror posted the story on 12月29日; its source ran it on 1月9日,
        // so 1月6日 is of that January, not of the next.
        let f = facts(
            "---\ndate: 2020-12-29\n---\n来源:新区发布 2020/1/9\n1月6日,通榆县委书记柴明调研企业。",
        );
        assert_eq!(took_part(&f), pairs(&[("柴明", "2020-01-06")]));
        // A source line of no day, or a later one, leaves the page's day.
        let f =
            facts("---\ndate: 2020-12-29\n---\n来源:新区发布\n12月28日,通榆县委书记柴明调研企业。");
        assert_eq!(took_part(&f), pairs(&[("柴明", "2020-12-28")]));
    }

    #[test]
    fn a_headline_is_the_meeting_the_text_dates() {
        // The headline stands before the page's date and the day the text
        // names: its meeting is the one of 4月2日, not another of 4月3日.
        let f = facts(
            "---\nurl: http://x.gov.cn/a/1.htm\n---\n欢迎访问本网站!今天是:\n柴明主持召开县政府常务会议\n发布日期:2022-04-03\n\n4月2日,通榆县委副书记、县长柴明主持召开县政府常务会议。",
        );
        assert_eq!(took_part(&f), pairs(&[("柴明", "2022-04-02")]));
        assert_eq!(f.events.len(), 1, "{:?}", f.events);
        // A headline of another meeting keeps its own (the page's title:
        // undated).
        let f = facts(
            "---\nurl: http://x.gov.cn/a/1.htm\n---\n柴明主持召开县委常委会\n发布日期:2022-04-03\n\n4月2日,通榆县委副书记、县长柴明主持召开县政府常务会议。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[("柴明", "2022-04-02"), ("柴明", "undated")])
        );
    }

    #[test]
    fn a_name_several_counties_share_is_the_county_without_its_city() {
        let posts = |text: &str| {
            facts(text)
                .posts
                .iter()
                .map(|p| (p.district.clone(), p.city.clone()))
                .collect::<Vec<_>>()
        };
        // Three cities have a 新华区: the address names the district, not
        // which; a city the text names says which.
        let page = "---\ndate: 2024-03-04\nurl: https://xinhuaqu.gov.cn/c/1.html\n---\n3月4日,区委书记柴明主持召开区委常委会。区领导虎勇参加。";
        assert_eq!(
            posts(page),
            [("新华区".to_string(), None), ("新华区".to_string(), None)]
        );
        let named = page.replace("。区领导", ",研究沧州港务工作。区领导");
        assert_eq!(
            posts(&named),
            [
                ("新华区".to_string(), Some("沧州市".to_string())),
                ("新华区".to_string(), Some("沧州市".to_string()))
            ]
        );
    }

    #[test]
    fn a_web_address_files_its_page_by_day_or_month() {
        assert_eq!(
            address_date("http://a.gov.cn/xwzx/202312/t20231225_1811571.html"),
            Some((2023, 12, Some(25)))
        );
        assert_eq!(
            address_date("http://a.cn/art/2021/12/16/art_1.html"),
            Some((2021, 12, Some(16)))
        );
        assert_eq!(
            address_date("http://a.cn/html/3/2014-10-16/09.shtml"),
            Some((2014, 10, Some(16)))
        );
        assert_eq!(
            address_date("http://a.cn/c1/202311/ebbb.shtml"),
            Some((2023, 11, None))
        );
        // A portal's year of two digits, then month and day.
        assert_eq!(
            address_date("http://henan.a.com/25/0301/14/JPIPQIS0043999E5.html"),
            Some((2025, 3, Some(1)))
        );
        // A number that is no date, and a host that holds one, say nothing.
        assert_eq!(address_date("http://a.cn/content_21409286.htm"), None);
        assert_eq!(address_date("http://a.cn/25/9901/1.html"), None);
        // The page's number after a word is no date (2057-03).
        assert_eq!(address_date("http://a.cn/jz/ysx/news205703.htm"), None);
        assert_eq!(address_date("http://file2019.a.cn/list?id=85"), None);
        // A folder of the year alone gives the year only.
        assert_eq!(
            address_year("http://a.cn/html/2012/zxbd_1217/2995.html"),
            Some(2012)
        );
        assert_eq!(address_year("http://file2019.a.cn/list/1.html"), None);
        assert_eq!(address_year("http://a.cn/news/2012.html"), None);
        // A section's number, not a year: no site filed news in 1941.
        assert_eq!(address_year("http://a.gov.cn/info/1941/1090792.htm"), None);
        // With no year in the text, the month's folder gives the year.
        let f = facts(
            "---\nurl: http://a.gov.cn/c1/202311/ebbb.shtml\n---\n11月13日,福田区委书记郑立民调研重点项目。",
        );
        assert_eq!(
            took_part(&f),
            [("郑立民".to_string(), "2023-11-13".to_string())]
        );
    }

    #[test]
    fn the_streets_a_text_visits_name_its_district() {
        // "安定" is a word here, not 安定区; the streets are 鲤城区's.
        let f = facts(
            "10月15日上午,区委书记郑立民带队深入浮桥街道、江南街道调研,要求营造安定、祥和的环境。",
        );
        let districts: Vec<&str> = f.posts.iter().map(|p| p.district.as_str()).collect();
        assert_eq!(districts, ["鲤城区"]);
    }

    #[test]
    fn appointees_take_no_part_in_the_meeting_that_appoints_them() {
        let f = facts(
            "2024年11月20日,福田区人大常委会召开会议,决定接受张立国辞去福田区区长职务的请求,任命李立华为福田区副区长、代理区长。",
        );
        assert!(f.participations.is_empty(), "{:?}", f.participations);
        // What a decision says of posts is no sighting of them.
        assert!(f.posts.is_empty(), "{:?}", f.posts);
        let mut decided: Vec<(&str, &str, &str, String)> = f
            .personnel
            .iter()
            .map(|p| {
                let day = p.date.map(|d| d.iso()).unwrap_or_default();
                (p.person.as_str(), p.title.as_str(), p.change.as_str(), day)
            })
            .collect();
        decided.sort();
        let day = "2024-11-20".to_string();
        assert_eq!(
            decided,
            [
                ("张立国", "区长", "resigned", day.clone()),
                ("李立华", "代理区长", "acting", day.clone()),
                ("李立华", "副区长", "appointed", day.clone())
            ]
        );
        assert!(
            f.personnel
                .iter()
                .all(|p| p.body.as_deref() == Some("福田区人大常委会"))
        );
    }

    /// (person, title) of every post read, sorted, once each.
    fn held_titles(f: &Facts) -> Vec<(&str, &str)> {
        let mut posts: Vec<(&str, &str)> = f
            .posts
            .iter()
            .map(|p| (p.person.as_str(), p.title.as_str()))
            .collect();
        posts.sort();
        posts.dedup();
        posts
    }

    #[test]
    fn a_roster_line_gives_the_name_on_the_next_line_its_title() {
        let f =
            facts("截至6月30日:\n盐田区\n盐田区委书记、区长\n韦　晴\n盐田区人大常委会主任\n骆立邦");
        assert_eq!(
            held_titles(&f),
            [
                ("韦晴", "区委书记"),
                ("韦晴", "区长"),
                ("骆立邦", "区人大常委会主任")
            ]
        );
        // An infobox's label says the post is held now (现任).
        let f = facts("平乡县\n区划代码\n130532\n现任县委书记\n\n葛立山\n现任县长\n\n卢文海\n地理");
        assert_eq!(
            held_titles(&f),
            [("卢文海", "县长"), ("葛立山", "县委书记")]
        );
    }

    fn days_of(f: &Facts, person: &str) -> Vec<String> {
        let mut out: Vec<String> = f
            .participations
            .iter()
            .filter(|p| p.person == person)
            .filter_map(|p| p.date.map(|d| d.iso()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn posts_grow_with_the_text_not_with_its_square() {
        // Once a post was copied for every day its holder was seen.
        let text: String = (1..=200)
            .map(|i| {
                format!(
                    "2024年{}月{}日,福田区委书记张立明出席会议。\n",
                    i % 12 + 1,
                    i % 28 + 1
                )
            })
            .collect();
        let f = facts(&text);
        assert!(f.posts.len() <= 2 * 200 + 2, "{} posts", f.posts.len());
    }

    #[test]
    fn the_year_a_report_is_about_dates_nothing() {
        let f = facts(
            "3月30日,昆都仑区人大常委会召开会议,区人大常委会主任甲某某主持会议。\n会议听取了关于2022年规范性文件备案审查工作情况的报告。",
        );
        let dated: Vec<String> = (f.events.iter())
            .filter_map(|e| e.date.map(|d| d.iso()))
            .collect();
        assert!(dated.iter().all(|d| !d.starts_with("2022")), "{dated:?}");
    }

    #[test]
    fn a_chronicle_month_heading_dates_its_day_only_items() {
        let f = facts(
            "发布时间:2021-10-11 来源:区政府办公室\n7月\n1日 区委副书记、代区长高立伟出席全区防汛工作部署会。\n2日 高立伟率队深入街道调研。",
        );
        assert_eq!(days_of(&f, "高立伟"), ["2021-07-01", "2021-07-02"]);
        // A heading in Chinese numerals, under a page dated months later.
        let f = facts(
            "发布时间:2020-06-01\n2020年第一季度大事记\n一月\n12日下午,区委书记郑立民调研信访工作。",
        );
        assert_eq!(days_of(&f, "郑立民"), ["2020-01-12"]);
    }

    #[test]
    fn the_pages_own_label_beats_the_scrapers_date() {
        let f = facts(
            "---\ndate: 2024-03-13\n---\n发布时间:2022-04-29\n1月4日,区委书记沈立敏主持召开区委常委会会议。",
        );
        assert_eq!(days_of(&f, "沈立敏"), ["2022-01-04"]);
    }

    #[test]
    fn today_in_a_story_printed_the_next_day_is_the_meetings_day() {
        let f = facts(
            "发布时间:2024-01-03\n1月2日下午,区政协第七届委员会第三次全体会议开幕。区委书记姚立江出席。应邀出席今天开幕会的还有区委副书记施立智。",
        );
        assert_eq!(days_of(&f, "施立智"), ["2024-01-02"]);
    }

    #[test]
    fn a_street_post_sits_in_the_district_of_its_street() {
        let f = facts(
            "2024年11月8日,朱某到转塘街道检查消防安全工作。转塘街道党工委书记邵立波陪同检查。",
        );
        let districts: Vec<&str> = f
            .posts
            .iter()
            .filter(|p| p.person == "邵立波")
            .map(|p| p.district.as_str())
            .collect();
        assert!(
            districts.iter().all(|d| *d == "西湖区") && !districts.is_empty(),
            "{districts:?}"
        );
    }

    #[test]
    fn a_year_glued_after_digits_is_no_year() {
        // "12024年3月6日讯" is no dateline: nothing to count 昨日 from.
        let f = facts(
            "湾区新闻网12024年3月6日讯 昨日下午,坪山区召开区政府常务会议,区委副书记、区长甲某某主持会议。",
        );
        assert_eq!(took_part(&f), pairs(&[("甲某某", "undated")]));
        let f = facts("12024-03-06 08:12 昨日下午,区长甲某某主持会议。");
        assert_eq!(took_part(&f), pairs(&[("甲某某", "undated")]));
        let rules = crate::rules::Rules::builtin();
        let first_year = |t: &str| super::first_year(&rules, t, None);
        assert_eq!(first_year("12019年至2020年"), Some(2020));
        assert_eq!(first_year("关于2022年工作的报告,2023年"), Some(2023));
        assert_eq!(first_year("2021年"), Some(2021));
        assert_eq!(first_year("听取2021年度全县目标考评结果汇报"), None);
        assert_eq!(first_year("召开2024年度第一次联席会议"), Some(2024));
        assert_eq!(
            first_year("听取关于2020年上半年财政预算执行情况的报告"),
            Some(2020)
        );
        assert_eq!(
            first_year("区政府以某政发[2001] 23号文印发《2002年度实施方案》"),
            Some(2001)
        );
        // A year under review after its verb, and a year of a record (born,
        // founded, joined) are no years of the text's own.
        assert_eq!(first_year("会议表彰了2022年度突出贡献企业"), None);
        assert_eq!(first_year("回顾了2022年工作"), Some(2022));
        assert_eq!(first_year("葛立山,男,1980年11月生,大学学历"), None);
        assert_eq!(first_year("该公司成立于2010年,扎根本区15年"), None);
        assert_eq!(
            first_year("卢文海,1975年出生,1998年参加工作。2024年3月任区长"),
            Some(2024)
        );
        assert_eq!(first_year("2024年生产总值增长5%"), Some(2024));
        assert_eq!(first_year("自2002年结对以来,距今已有23年"), None);
    }

    #[test]
    fn a_chronicles_heading_names_its_span() {
        let span = |l: &str| super::chronicle_period(l).map(|p| (p.from.iso(), p.to.iso()));
        let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(span("2007年大事记"), s("2007-01-01", "2007-12-31"));
        assert_eq!(
            span("二〇二二年一月从化大事记"),
            s("2022-01-01", "2022-01-31")
        );
        assert_eq!(
            span("二O二一年七月某区大事记"),
            s("2021-07-01", "2021-07-31")
        );
        assert_eq!(
            span("天河区2007年5月份大事记"),
            s("2007-05-01", "2007-05-31")
        );
        assert_eq!(span("2024年工作总结"), None);
        assert_eq!(span("当前位置: 首页 > 大事记"), None);
    }

    #[test]
    fn a_profile_gives_the_name_its_titles() {
        let f = facts(
            "采访对象:\n蒋立明,1962年12月生,江苏沭阳县委书记;\n王立江,天镇县委书记、二级巡视员;",
        );
        let posts: Vec<(&str, &str, &str)> = f
            .posts
            .iter()
            .map(|p| (p.person.as_str(), p.district.as_str(), p.title.as_str()))
            .collect();
        assert!(
            posts.contains(&("蒋立明", "沭阳县", "县委书记")),
            "{posts:?}"
        );
        assert!(
            posts.contains(&("王立江", "天镇县", "县委书记")),
            "{posts:?}"
        );
    }

    #[test]
    fn a_chronicles_heading_beats_the_date_it_was_posted() {
        let f = facts(
            "---\nurl: http://x.gov.cn/dsj/200801/t20080117_1.htm\ndate: 2008-01-17\n---\n2007年大事记\n1月12日,区委书记葛立山主持召开区委全会。",
        );
        assert_eq!(days_of(&f, "葛立山"), ["2007-01-12"]);
        let f = facts(
            "发布时间:2022-03-29\n二〇二二年一月某区大事记\n  14日  区政协主席卢文海主持召开区政协常委会会议。",
        );
        assert_eq!(days_of(&f, "卢文海"), ["2022-01-14"]);
    }

    #[test]
    fn a_day_alone_on_its_line_dates_the_lines_after_it() {
        // A phone page sets its lead out a phrase a line.
        let f = facts(
            "---\ndate: 2022-12-20\n---\n12月20日\n\n某区第十一届\n\n人民代表大会第二次会议开幕\n\nimage.png\n\n会议由区人大常委会副主任卢文海主持。",
        );
        assert_eq!(took_part(&f), pairs(&[("卢文海", "2022-12-20")]));
    }

    #[test]
    fn a_chronicle_with_no_month_dates_nothing_by_its_page() {
        // Items of bare days, posted a year later: their month is not the page's.
        let text = "发布时间:2009-09-04\n1日 某区召开汇报会。区委副书记卢文海主持会议。\n3日 某区新图书馆开馆。\n6日 某区召开专项工作会议,区长葛立山主持。";
        assert_eq!(
            took_part(&facts(text)),
            pairs(&[("卢文海", "undated"), ("葛立山", "undated")])
        );
        assert!(super::is_chronicle("1日 甲\n3日 乙\n6日\n丙", None));
        assert!(!super::is_chronicle(
            "29日,区长甲调研。\n30日,区长甲主持会议。",
            None
        ));
    }

    #[test]
    fn a_two_character_county_inside_a_word_names_no_county() {
        let f = facts(
            "---\ndate: 2024-11-20\n---\n11月19日,县委书记葛立山提出品牌兴县战略,随后参观古县衙。",
        );
        assert!(
            held(&f).iter().all(|(_, d, _)| d != "兴县"),
            "{:?}",
            held(&f)
        );
        // After a word of its own it is the county ("感谢县委和房县人民").
        let f =
            facts("---\ndate: 2016-05-13\n---\n5月13日,县委书记葛立山感谢县委和房县人民的信任。");
        assert!(
            held(&f).iter().any(|(_, d, _)| d == "房县"),
            "{:?}",
            held(&f)
        );
    }

    #[test]
    fn a_stray_short_form_or_stem_names_no_district_far_away() {
        // 南山 is a mountain of 重庆's 南岸区 here, and 广阳 an island there: not
        // 深圳's 南山区, nor 廊坊's 广阳区.
        let f = facts(
            "---\ndate: 2017-12-15\n---\n12月14日,区委副书记、区长葛立山主持召开区长办公会。葛立山要求,保护好南山植物园,规划好广阳岛,建设好广阳岛。重庆南岸要走在前列。",
        );
        let posts = held(&f);
        assert!(
            posts.iter().any(|(p, d, _)| p == "葛立山" && d == "南岸区"),
            "{posts:?}"
        );
    }

    #[test]
    fn a_photos_caption_moves_no_date() {
        // The caption's slip (another year) dates nothing, not even the next item.
        let f = facts(
            "发布时间:2022-03-29\n二〇二二年一月某区大事记\n  11日  区图书馆新馆开馆。\n  2021年1月11日,区图书馆新馆开馆仪式举行(方建春 摄)\n  14日  区政协主席卢文海主持召开区政协常委会会议。",
        );
        assert_eq!(days_of(&f, "卢文海"), ["2022-01-14"]);
        assert!(super::is_caption("启动仪式在区法院举行(方建春 摄)"));
        assert!(!super::is_caption("区委书记葛立山(左二)调研企业。"));
    }

    #[test]
    fn a_year_under_review_is_no_year_of_the_text() {
        // No dateline: "2021年度…考评" says nothing of the meeting's year.
        let f = facts(
            "6月30日,县委书记葛立山主持召开县委常委会会议。会议听取了2021年度全县目标考评结果汇报。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "undated")]));
    }

    #[test]
    fn a_town_post_written_bare_is_of_the_towns_the_text_names() {
        let f = facts(
            "---\ndate: 2021-09-10\n---\n9月8日,斋堂镇第六届人民代表大会第一次会议召开。镇长柴明、镇党委书记陈德平出席会议。斋堂镇人大主席团主持。",
        );
        let posts = held(&f);
        for (person, title) in [("柴明", "斋堂镇镇长"), ("陈德平", "斋堂镇党委书记")]
        {
            assert!(
                posts.contains(&(person.into(), "门头沟区".into(), title.into())),
                "{posts:?}"
            );
        }
    }

    #[test]
    fn a_county_level_citys_posts_written_with_its_name() {
        // 霸州市政协领导 names the city's CPPCC leaders; 漳平市政府副市长 is
        // its 副市长, as 县政府副县长 is 副县长.
        let f = facts(
            "---\ndate: 2022-01-27\n---\n1月26日,洮南市政协领导葛立山、卢文海出席开幕会。洮南市政府副市长方建春作报告。",
        );
        let mut posts = held(&f);
        posts.sort();
        assert_eq!(
            posts,
            [
                ("卢文海".into(), "洮南市".into(), "市政协领导".into()),
                ("方建春".into(), "洮南市".into(), "副市长".into()),
                ("葛立山".into(), "洮南市".into(), "市政协领导".into())
            ]
        );
    }

    #[test]
    fn a_county_level_citys_own_news_gives_its_city_titles() {
        let f = facts(
            "---\ndate: 2024-10-09\n---\n10月9日,市委书记葛立山检查防汛工作,市委常委、副市长卢文海一同检查。\n来源| 义乌市融媒体中心",
        );
        let posts = held(&f);
        for (person, title) in [
            ("葛立山", "市委书记"),
            ("卢文海", "副市长"),
            ("卢文海", "市委常委"),
        ] {
            assert!(
                posts.contains(&(person.into(), "义乌市".into(), title.into())),
                "{posts:?}"
            );
        }
        assert_eq!(
            took_part(&f),
            pairs(&[("卢文海", "2024-10-09"), ("葛立山", "2024-10-09")])
        );
        // Its own site, whatever district its leaders' words name in passing;
        // 代市长 and the 市领导 it lists are its too.
        let f = facts(
            "---\nurl: http://www.zhuji.gov.cn/zhuji/yw/20210615/1.html\ndate: 2021-06-15\n---\n6月14日上午,市委书记葛立山,市委副书记、代市长卢文海到某村调研。\n葛立山指出,要学习杭州市西湖区的经验。\n市领导方建春、陈德平一同调研。",
        );
        let posts = held(&f);
        for (person, title) in [
            ("葛立山", "市委书记"),
            ("卢文海", "代市长"),
            ("方建春", "市领导"),
            ("陈德平", "市领导"),
        ] {
            assert!(
                posts.contains(&(person.into(), "诸暨市".into(), title.into())),
                "{posts:?}"
            );
        }
        // A city title that names its city is the prefecture's.
        let f = facts(
            "---\ndate: 2024-10-09\n---\n10月9日,金华市委常委、副市长方建春到义乌市调研,义乌市委书记葛立山陪同。",
        );
        assert!(
            held(&f).iter().all(|(p, _, _)| p != "方建春"),
            "{:?}",
            held(&f)
        );
    }

    #[test]
    fn a_chains_post_without_a_unit_is_where_its_units_posts_are() {
        // 亚东县 is the guests'; 宣传部长 is the 区委常委's district's.
        let f = facts(
            "---\ndate: 2015-05-25\n---\n7日 区委书记葛立山会见亚东县人大代表团,县委副书记卢文海带队。\n  22日 普陀区图书馆新馆开馆,区委常委、宣传部长方建春出席。",
        );
        let posts = held(&f);
        for title in ["区委常委", "宣传部长"] {
            assert!(
                posts.contains(&("方建春".into(), "普陀区".into(), title.into())),
                "{posts:?}"
            );
        }
    }

    /// (person, district, title) of every post, sorted.
    fn held(f: &Facts) -> Vec<(String, String, String)> {
        let mut out: Vec<(String, String, String)> = f
            .posts
            .iter()
            .map(|p| (p.person.clone(), p.district.clone(), p.title.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn a_source_line_names_the_county_by_its_outlet() {
        let f = facts(
            "---\ndate: 2023-02-13\n---\n来源:大观新闻网 发布时间:2023-02-13\n2月13日上午,区长甲某某主持召开区政府常务会议。",
        );
        assert_eq!(
            held(&f),
            [("甲某某".into(), "大观区".into(), "区长".into())]
        );
        // The outlet says more than a portal's address: qsh's initials would
        // be 青山湖区's.
        let f = facts(
            "---\nurl: http://qsh.example.com/news/1.html\ndate: 2021-09-30\n---\n发布时间:2021-09-30 来源:今日临安\n9月29日下午,区委副书记、区长葛立山检查安全生产工作。",
        );
        let districts: Vec<String> = held(&f).into_iter().map(|p| p.1).collect();
        assert_eq!(districts, ["临安区", "临安区"], "{:?}", held(&f));
    }

    #[test]
    fn a_towns_own_news_writes_its_organs_bare() {
        // 阳和土家族乡 is 慈利县's: its 党委书记 and 党委副书记 are the township's.
        let f = facts(
            "---\ndate: 2023-03-05\n---\n3月4日,阳和土家族乡举行项目观摩活动,由党委书记葛立山,党委副书记、乡长卢文海带领各村干部观摩。",
        );
        let mut titles: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.2)).collect();
        titles.sort();
        assert_eq!(
            titles,
            [
                ("卢文海".to_string(), "阳和土家族乡乡长".to_string()),
                ("卢文海".to_string(), "阳和土家族乡党委副书记".to_string()),
                ("葛立山".to_string(), "阳和土家族乡党委书记".to_string())
            ]
        );
        // A firm's 党委书记 beside its 总经理 is no town's post.
        let f = facts(
            "---\ndate: 2023-03-05\n---\n3月4日,阳和土家族乡乡长卢文海走访企业,某公司总经理、党委书记葛立山介绍情况。",
        );
        assert!(held(&f).iter().all(|p| p.0 != "葛立山"), "{:?}", held(&f));
    }

    #[test]
    fn a_name_read_once_is_no_county_stem_anywhere() {
        // 宏伟 is a county's stem (宏伟区) and a given name: once 李宏伟 is read
        // as a person, the credit line's 李宏伟 is no county either.
        let f = facts(
            "---\ndate: 2023-02-13\n---\n2月13日上午,区长甲某某主持召开区政府常务会议,区政府办公室主任李宏伟出席。会议要求讲好大观故事。\n(审稿人:李宏伟)",
        );
        let districts: Vec<String> = held(&f).into_iter().map(|p| p.1).collect();
        assert!(!districts.is_empty(), "{districts:?}");
        assert!(districts.iter().all(|d| d == "大观区"), "{districts:?}");
    }

    #[test]
    fn a_stem_of_several_counties_is_the_one_in_the_city_named() {
        let f = facts(
            "---\ndate: 2016-07-28\n---\n7月27日,区人大常委会召开会议。区人大常委会主任甲某某出席。会议听取了贯彻实施《西安市扬尘污染防治条例》情况的报告,要求为长安经济社会发展作出贡献。",
        );
        let posts: Vec<(String, Option<String>)> = f
            .posts
            .iter()
            .map(|p| (p.district.clone(), p.city.clone()))
            .collect();
        assert_eq!(posts, [("长安区".into(), Some("西安市".into()))]);
    }

    #[test]
    fn a_screenshot_stamp_dates_nothing() {
        let f = facts(
            "---\ndate: 2023-07-24\n---\n7月21日上午,奉贤区人代会在区会议中心闭幕。\n截屏2023-07-24 15.04.30\n奉贤区委书记甲某某讲话。",
        );
        assert_eq!(took_part(&f), pairs(&[("甲某某", "2023-07-21")]));
    }

    #[test]
    fn a_report_byline_on_two_lines_names_its_speaker_at_the_congress() {
        let f = facts(
            "---\ndate: 2025-06-05\n---\n政府工作报告\n——2025年5月27日在杭州市上城区第一届人民代表大会第四次会议上\n上城区人民政府区长  甲某某\n各位代表:\n现在,我代表区人民政府向大会报告工作。",
        );
        assert_eq!(took_part(&f), pairs(&[("甲某某", "2025-05-27")]));
    }

    #[test]
    fn the_executive_chairs_of_a_session_attend_it() {
        let f = facts(
            "---\ndate: 2021-11-20\n---\n11月19日,坪山区人大会议举行第三次全体会议。区委书记甲某某、区长乙某某出席。第三次全体会议的执行主席是甲某某、乙某某、丙某某。区人大常委会主任丙某某主持会议。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[
                ("丙某某", "2021-11-19"),
                ("乙某某", "2021-11-19"),
                ("甲某某", "2021-11-19")
            ])
        );
    }

    #[test]
    fn bodies_and_departments_hold_no_district_post() {
        // 领导班子 is a body; 台办 is a department, not a leading body.
        let f = facts(
            "---\ndate: 2021-12-18\n---\n12月17日,玉屏侗族自治县政协会议闭幕。县委书记甲某某,玉屏经开区领导班子出席。天河区台办主任乙某某出席。",
        );
        assert_eq!(
            held(&f),
            [("甲某某".into(), "玉屏侗族自治县".into(), "县委书记".into())]
        );
    }

    #[test]
    fn a_zone_of_the_county_keeps_its_whole_name_in_the_title() {
        let f = facts(
            "---\ndate: 2024-03-08\n---\n3月7日,绛县县委书记甲某某调研重点企业。县经济开发区党工委副书记乙某某参加调研。",
        );
        assert!(
            held(&f).contains(&(
                "乙某某".into(),
                "绛县".into(),
                "县经济开发区党工委副书记".into()
            )),
            "{:?}",
            held(&f)
        );
    }

    #[test]
    fn a_name_ends_before_the_verb_zhi() {
        let f = facts(
            "---\ndate: 2021-09-29\n---\n9月27日,红安县柳林镇召开人代会。镇党委书记阮立兵致闭幕词。",
        );
        let people: Vec<String> = held(&f).into_iter().map(|p| p.0).collect();
        assert_eq!(people, ["阮立兵"]);
    }

    #[test]
    fn a_town_of_a_stems_name_is_no_county_and_stems_may_overlap() {
        // 东平镇 is a town (of 政和县), not 东平县; "和政和" holds 政和 as well as 和政.
        let f = facts(
            "---\ndate: 2016-09-22\n---\n9月20日,县委副书记甲某某到东平镇检查项目和政和茶产业园建设。东平镇党委书记乙某某陪同。甲某某要求加快东平发展、讲好政和故事。",
        );
        let districts: Vec<String> = held(&f).into_iter().map(|p| p.1).collect();
        assert!(!districts.is_empty());
        assert!(districts.iter().all(|d| d == "政和县"), "{districts:?}");
        // 滨湖功能区 is a zone named after a place, not 滨湖区 said short.
        let f = facts(
            "---\ndate: 2024-01-10\n---\n1月9日,区政协会议开幕。区委书记卢文海出席。滨湖功能区、滨湖片区负责人列席会议。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
    }

    #[test]
    fn one_persons_chain_is_no_round_up_roster() {
        // "区委副书记、区长" is one man's two posts: no round-up pairs 高质量、高水平
        // with 区委书记 and 区长.
        let f = facts(
            "---\ndate: 2022-01-10\n---\n1月9日,南海区委副书记、区长甲某某出席会议。区政协将高质量、高水平服务好全区发展大局。",
        );
        let mut people: Vec<String> = held(&f).into_iter().map(|p| p.0).collect();
        people.dedup();
        assert_eq!(people, ["甲某某"]);
    }

    #[test]
    fn a_spot_after_a_village_is_no_district() {
        // 南山 is Shenzhen's 南山区 said short, but "门牙村南山" is a hillside.
        let f = facts(
            "---\ndate: 2001-07-30\n---\n济南市历城区召开会议。\n12日 区人大常委会主任甲某某出席签字仪式。该项目位于仲宫镇门牙村南山。\n13日 区人大常委会副主任乙某某参加调研。",
        );
        let districts: Vec<String> = held(&f).into_iter().map(|p| p.1).collect();
        assert_eq!(districts, ["历城区", "历城区"]);
    }

    #[test]
    fn a_county_title_serves_a_county_not_the_visiting_district() {
        let f = facts(
            "---\ndate: 2021-10-19\n---\n云龙区党政代表团来沛考察学习\n10月18日,云龙区党政代表团来沛县考察。县委书记甲某某,县委副书记、代县长乙某某陪同。近年来,沛县坚持高质量发展。",
        );
        let districts: Vec<String> = held(&f).into_iter().map(|p| p.1).collect();
        assert!(!districts.is_empty());
        assert!(districts.iter().all(|d| d == "沛县"), "{districts:?}");
    }

    #[test]
    fn a_common_word_is_no_county_stem() {
        // 资源 is the stem of 资源县, and a word every report writes: a page
        // that names no county gets none from it.
        let f = facts(
            "---\ndate: 2017-03-01\n---\n2月28日,县委书记甲某某主持召开县委常委会。会议要求统筹资源,盘活资源,整合资源。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
        // Nor is 温泉 (温泉县) in a hot-spring resort's name.
        let f = facts(
            "---\ndate: 2017-03-01\n---\n2月28日,县委书记甲某某调研某某山温泉度假区和天鹅湾温泉综合体。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
        // Nor 大兴 (大兴区) in 大兴调查研究之风, nor 新民 (新民市) in 新民主主义.
        let f = facts(
            "---\ndate: 2023-12-30\n---\n12月29日,区委书记葛立山主持召开会议,要求大兴调查研究之风,学习新民主主义革命史。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
        // Nor 安宁 (安宁区, 安宁市) in 守护万家安宁.
        let f = facts(
            "---\ndate: 2024-02-10\n---\n2月9日,区委副书记、区长葛立山带队检查值班值守工作,感谢干警守护万家安宁。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
        // Nor 台前 (台前县) in 主席台前排, nor 朝天 (朝天区) in 热火朝天, though
        // each stands there twice.
        let f = facts(
            "---\ndate: 2019-03-06\n---\n3月6日,县人代会开幕。县委书记葛立山、县长卢文海在主席台前排就座,柴明、方建春在主席台前排就座。现场热火朝天,干劲热火朝天。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
    }

    #[test]
    fn a_government_pages_index_number_dates_it() {
        // 索引号 …/2023-00008: the page was filed in 2023.
        let f = facts(
            "---\nurl: x\n---\n索引号 | 11410403MB0N459981/2023-00008 | 主题分类 | 工作信息\n10月30日上午,通榆县委书记葛立山调研生态环境保护工作。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2023-10-30")]));
    }

    #[test]
    fn a_celebrated_anniversary_dates_the_text() {
        let f = facts(
            "---\nurl: x\n---\n6月28日,通榆县召开庆祝中国共产党成立102周年暨表彰大会。县委书记葛立山出席会议并讲话。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2023-06-28")]));
    }

    #[test]
    fn a_march_report_reviewing_a_year_is_of_the_next() {
        let f = facts(
            "---\nurl: x\n---\n3月6日,通榆县人民代表大会开幕。县长葛立山作政府工作报告。葛立山首先回顾了2018年县人民政府工作。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2019-03-06")]));
    }

    #[test]
    fn a_december_report_on_its_year_is_of_that_year() {
        // Reviewing 2024 and planning 2025 on 26 December: 2024.
        let f = facts(
            "---\nurl: x\n---\n12月26日上午,通榆县第九届人民代表大会第四次会议开幕。县长葛立山作政府工作报告。报告分为两个部分:一是2024年工作回顾;二是2025年重点工作安排。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2024-12-26")]));
    }

    #[test]
    fn a_districts_own_word_for_its_leaders_names_no_place() {
        // Nanning's districts call themselves 城区: 城区领导 are the
        // district's leaders, not those of 阳泉市's or 晋城市's 城区.
        let f = facts(
            "---\nurl: http://www.taobei.gov.cn/a.html\ndate: 2025-04-26\n---\n4月25日,洮北区举行重大项目开工现场会,城区领导葛立山、卢文海等四家班子领导参加活动。",
        );
        let districts: Vec<String> = held(&f).into_iter().map(|p| p.1).collect();
        assert_eq!(districts, ["洮北区", "洮北区"], "{:?}", held(&f));
    }

    #[test]
    fn a_new_area_run_with_a_district_is_that_district() {
        let f = facts(
            "---\ndate: 2024-07-26\n---\n7月25日,西海岸新区工委书记、区委书记甲某某出席会议。",
        );
        let districts: std::collections::BTreeSet<String> =
            held(&f).into_iter().map(|p| p.1).collect();
        assert_eq!(districts, ["黄岛区".to_string()].into());
    }

    #[test]
    fn a_transliterated_name_is_read_whole() {
        let f = facts(
            "---\ndate: 2024-11-20\n---\n8月14日,乌审旗召开会议。旗委书记甲某某,旗人大常委会主任宝音满都日,旗政协主席乙某某出席。",
        );
        let people: Vec<String> = held(&f).into_iter().map(|p| p.0).collect();
        assert_eq!(people, ["乙某某", "宝音满都日", "甲某某"]);
    }

    #[test]
    fn a_verb_is_never_a_name() {
        let f = facts(
            "---\ndate: 2024-08-22\n---\n8月21日,渝中区政协会议开幕。区政协主席甲某某出席。区政协调研员应邀参加开幕会。",
        );
        let people: Vec<String> = held(&f).into_iter().map(|p| p.0).collect();
        assert_eq!(people, ["甲某某"]);
        assert!(f.roles.iter().all(|r| r.person != "应邀"), "{:?}", f.roles);
    }

    #[test]
    fn a_dateline_with_its_place_dates_the_page_not_the_act() {
        let f = facts(
            "---\ndate: 2016-02-03\n---\n中国台湾网2月3日广州讯 1月27日,白云区委、区政府举办各界人士迎春团拜会。区委副书记、代区长甲某某出席。",
        );
        assert_eq!(took_part(&f), pairs(&[("甲某某", "2016-01-27")]));
    }

    #[test]
    fn speech_at_the_meeting_is_attending_it() {
        let f = facts(
            "---\ndate: 2019-02-14\n---\n2月13日,江夏区委全体会议召开。“我们的环境更优美了。”江夏区委书记甲某某在会上说,过去的一年成绩来之不易。",
        );
        assert_eq!(took_part(&f), pairs(&[("甲某某", "2019-02-13")]));
        // Speech alone, with no meeting named before it, is no activity.
        let f =
            facts("---\ndate: 2019-02-14\n---\n2月13日,江夏区委书记甲某某表示,要抓好招商引资。");
        assert!(took_part(&f).is_empty(), "{:?}", took_part(&f));
    }

    #[test]
    fn a_name_ending_in_a_follow_word_keeps_it_before_deng() {
        // 为 may follow a name, but "陈立为等" ends a list: the name is 陈立为.
        let f = facts(
            "---\ndate: 2017-10-21\n---\n10月20日,法库县召开会议。县委副书记、代县长陈立为等在家县委常委参加会议。",
        );
        let mut people: Vec<String> = held(&f).into_iter().map(|p| p.0).collect();
        people.dedup();
        assert_eq!(people, ["陈立为"]);
    }

    #[test]
    fn an_acting_title_is_no_county() {
        // 代县 is a county, but "代县长" is an acting 县长: a page that names no
        // county places its officials nowhere rather than in 代县.
        let f = facts(
            "---\ndate: 2026-02-22\n---\n2月22日上午,县委副书记、代县长甲某某看望慰问春节期间坚守岗位的一线职工。",
        );
        assert!(
            f.posts.iter().all(|p| p.district != "代县"),
            "{:?}",
            held(&f)
        );
        // 春节期间 describes the workers; the act is dated by its own day.
        assert_eq!(took_part(&f), pairs(&[("甲某某", "2026-02-22")]));
    }

    #[test]
    fn hosts_escort_a_visiting_delegation_in_their_own_county() {
        // 枞阳县 is named most, but as the guests; 我县 is the host, 怀宁县, and
        // those listed before 陪同 serve it. 代 opens a name no surname list
        // holds, and 等 ends it.
        let f = facts(
            "---\ndate: 2025-11-05\n---\n枞阳县党政代表团来怀考察\n11月4日,枞阳县委书记甲某某率党政代表团来我县考察学习。县委书记乙某某,县委副书记、县长丙某某,县委副书记代瑜等陪同。\n当天下午,枞阳县党政代表团先后来到企业考察。近年来,怀宁县坚持高质量发展。",
        );
        let hosts: Vec<(String, String)> = held(&f)
            .into_iter()
            .filter(|p| p.0 != "甲某某")
            .map(|p| (p.0, p.1))
            .collect();
        assert_eq!(
            hosts,
            [
                ("丙某某".into(), "怀宁县".into()),
                ("丙某某".into(), "怀宁县".into()),
                ("乙某某".into(), "怀宁县".into()),
                ("代瑜".into(), "怀宁县".into()),
            ]
        );
    }

    #[test]
    fn a_county_that_comes_to_ours_is_a_guest() {
        // 通榆县 comes to 我县 (guest_comes), so the 县政协主席 who escorts it
        // is not 通榆县's; the host is named only by its towns (金寨县's).
        let f = facts(
            "---\ndate: 2019-10-18\n---\n通榆县政协到我县调研考察\n10月16日,通榆县政协主席甲某某带领委员调研我县产业园区。县政协主席乙某某、副主席丙某某陪同。\n调研组一行先后察看了梅山镇、白塔畈镇的产业园。",
        );
        let hosts: Vec<(String, String)> = held(&f)
            .into_iter()
            .filter(|p| p.0 != "甲某某")
            .map(|p| (p.0, p.1))
            .collect();
        assert_eq!(
            hosts,
            [
                ("丙某某".into(), "金寨县".into()),
                ("乙某某".into(), "金寨县".into()),
            ]
        );
        // Those who escort guests named before them in their sentence serve
        // the text's own county (its outlet: 金寨融媒), not the guests'.
        let f = facts(
            "---\ndate: 2022-03-15\n---\n通榆县党政考察团来金考察\n来源:金寨融媒 2022年03月15日\n3月15日,通榆县党政考察团到我县考察学习,县委常委、副县长甲某某陪同考察。\n考察团表示,金寨在乡村振兴方面积累了许多好经验。",
        );
        let hosts: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.1)).collect();
        assert!(hosts.iter().all(|h| h.1 == "金寨县"), "{hosts:?}");
        assert!(!hosts.is_empty());
        // Retirees who come to the county (来县考察) are guests too; the county
        // they come to is the text's own.
        let f = facts(
            "---\ndate: 2015-05-18\n---\n通榆县离退休老同志来县考察交流\n县委书记乙某某陪同考察\n5月16日,通榆县部分离退休老同志来到金寨县考察交流。县委书记乙某某陪同。",
        );
        let hosts: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(hosts, [("乙某某".into(), "金寨县".into())]);
    }

    #[test]
    fn a_name_ends_before_lai_and_a_leading_group_is_recorded_as_its_leaders() {
        let f = facts(
            "---\ndate: 2023-12-15\n---\n12月14日下午,射阳县委副书记孙立树来盘湾镇调研指导。区长王来出席。\n12月15日,甲某某、乙某某等县四大班子领导出席射阳县迎春茶话会。",
        );
        let posts: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.2)).collect();
        assert_eq!(
            posts,
            [
                ("乙某某".into(), "县领导".into()),
                ("孙立树".into(), "县委副书记".into()),
                ("甲某某".into(), "县领导".into()),
            ]
        );
    }

    #[test]
    fn an_annual_session_is_of_the_year_after_the_one_its_report_looks_back_on() {
        // No dateline and no year with the day: the report's year is the year
        // before in the season of the sessions (January to April) ...
        let session = "2月2日上午,通榆县第六届人民代表大会第三次会议开幕。县委书记葛立山出席,县长卢文海作政府工作报告。报告指出,2023年,通榆县经济稳中有进。";
        assert_eq!(
            took_part(&facts(session)),
            pairs(&[("卢文海", "2024-02-02"), ("葛立山", "2024-02-02")])
        );
        // ... as is a first year the text also writes the year after of ...
        let plan = "1月4日,通榆县人大常委会召开会议。县人大常委会主任方建春主持会议,听取2021年民生实事完成情况和2022年民生实事候选项目的报告。";
        assert_eq!(took_part(&facts(plan)), pairs(&[("方建春", "2022-01-04")]));
        // ... but not in the rest of the year.
        let autumn = session.replace("2月2日", "10月2日");
        assert_eq!(
            took_part(&facts(&autumn)),
            pairs(&[("卢文海", "2023-10-02"), ("葛立山", "2023-10-02")])
        );
    }

    #[test]
    fn a_reposted_sessions_days_take_its_reports_year() {
        // A page of 2020 (its source line says 2018) reposts a session whose
        // report approves 2007's accounts and 2008's plan: it met in 2008.
        let text = "---\ndate: 2020-09-28\n---\n来源:某区人民政府 2018/09/10 发布时间:2020-09-28\n通榆县第六届人民代表大会第三次会议于1月18日上午闭幕。县委书记葛立山出席。会议通过了关于2007年计划执行情况与2008年计划的决议。";
        assert_eq!(took_part(&facts(text)), pairs(&[("葛立山", "2008-01-18")]));
        // A report of the page's own year, or the year before, leaves the page's date.
        let own = text.replace("2007年", "2019年").replace("2008年", "2020年");
        assert_eq!(took_part(&facts(&own)), pairs(&[("葛立山", "2020-01-18")]));
        // A standing committee meets all year: its page's date stands.
        let standing = "---\ndate: 2020-09-28\n---\n通榆县第十六届人大常委会第十次会议于9月18日召开。县人大常委会主任葛立山主持。会议听取了关于2007年计划执行情况与2008年计划的报告。";
        assert_eq!(
            took_part(&facts(standing)),
            pairs(&[("葛立山", "2020-09-18")])
        );
    }

    #[test]
    fn those_who_join_a_visit_of_several_days_join_on_its_first_day() {
        let text = "---\ndate: 2014-06-03\n---\n5月29日至30日,州委副书记、州长甲某率州直部门负责人赴六盘水考察学习。\n\n市委常委、水城县县委书记葛立山陪同考察并出席座谈会。\n\n州人大常委会副主任、兴仁县委书记卢文海参加考察活动。";
        assert_eq!(
            took_part(&facts(text)),
            pairs(&[("卢文海", "2014-05-29"), ("葛立山", "2014-05-29")])
        );
        // A later paragraph that does something else takes no day of the span.
        let other = "---\ndate: 2014-06-03\n---\n5月29日至30日,州委副书记、州长甲某率州直部门负责人赴六盘水考察学习。\n\n兴仁县委书记卢文海主持召开县委常委会会议。";
        assert_eq!(took_part(&facts(other)), pairs(&[("卢文海", "undated")]));
    }

    #[test]
    fn a_paragraph_of_those_also_seated_joins_the_meeting() {
        let text = "---\ndate: 2024-01-19\n---\n1月18日,通榆县第六届人民代表大会第三次会议闭幕。县领导葛立山在主席台前排就座。\n\n在主席台就坐的还有:县领导卢文海、方建春,县法院院长吴明理。\n\n上午九时,卢文海宣布大会开幕。";
        assert_eq!(
            took_part(&facts(text)),
            pairs(&[
                ("卢文海", "2024-01-18"),
                ("方建春", "2024-01-18"),
                ("葛立山", "2024-01-18")
            ])
        );
        // One event: 宣布大会开幕 points back at the session.
        let f = facts(text);
        assert_eq!(f.events.len(), 1, "{:?}", f.events);
    }

    #[test]
    fn today_with_no_day_of_publication_is_the_day_last_read() {
        let text = "1月16日上午,政协通榆县第十届委员会第三次会议开幕。今天上午,委员们走进会场。县委书记葛立山,县长卢文海到会祝贺,并在主席台就座。县政协主席方建春主持开幕大会。刚刚过去的2023年,全县经济稳中有进。";
        assert_eq!(
            took_part(&facts(text)),
            pairs(&[
                ("卢文海", "2024-01-16"),
                ("方建春", "2024-01-16"),
                ("葛立山", "2024-01-16")
            ])
        );
    }

    #[test]
    fn a_bracketed_label_holds_no_verb_of_the_sentence() {
        // 说 in a video script's 【解说】 reports no speech: the day dates the act.
        let f = facts(
            "---\ndate: 2011-05-31\n---\n【解说】5月30日,通榆县召开全县动员大会。县委书记葛立山出席。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2011-05-30")]));
    }

    #[test]
    fn a_county_level_citys_title_is_recorded_as_the_tables() {
        let rules = Rules::builtin();
        let canonical = |r: &str| super::county_city_canonical(&rules, r);
        assert_eq!(canonical("市人民政府市长"), "市长");
        assert_eq!(canonical("市政府副市长"), "副市长");
        assert_eq!(canonical("市人民政府副市长"), "副市长");
        assert_eq!(canonical("市人民政府常务副市长"), "常务副市长");
        assert_eq!(canonical("代理市长"), "代市长");
        assert_eq!(canonical("代市长"), "代市长");
        assert_eq!(canonical("代县长"), "代县长");
        assert_eq!(canonical("我市市委书记"), "市委书记");
        assert_eq!(canonical("我市委书记"), "市委书记");
        assert_eq!(canonical("我市副市长"), "副市长");
        assert_eq!(canonical("我市领导"), "市领导");
        assert_eq!(canonical("市委书记"), "市委书记");
        assert_eq!(canonical("区人大常委会主任"), "区人大常委会主任");
    }

    #[test]
    fn a_county_level_citys_own_leaders_are_its_officials() {
        // 洮南市's own news: 我市领导 are the city's leaders, on a visit to
        // another county-level city.
        let f = facts(
            "---
date: 2023-05-15
---
5月15日,洮南市委书记葛立山率洮南市党政代表团赴通榆县考察学习。我市领导卢文海、方建春参加考察。
来源:洮南市融媒体中心",
        );
        let posts = held(&f);
        for person in ["卢文海", "方建春"] {
            assert!(
                posts.contains(&(person.into(), "洮南市".into(), "市领导".into())),
                "{posts:?}"
            );
        }
    }

    #[test]
    fn a_delegation_going_away_stays_its_districts() {
        // The places 区长 and 区领导 go to are not theirs: the page is 洮北区's.
        let f = facts(
            "---\nurl: http://www.taobei.gov.cn/info/1.htm\n---\n洮北区党政考察团赴周边县区考察学习\n\n来源:洮北头条  发布时间:2023年11月19日\n\n11月18日,区委副书记、区长葛立山带领党政考察团赴沂水县、沂南县、河东区、临沭县、郯城县、兰陵县考察学习城市建设工作。区领导卢文海、方建春参加考察。\n\n考察团一行先后到沂水县西城新区开发项目、沂南县朝阳公园建设项目、河东区滨河公园项目参观。\n\n上一条:葛立山调研热线工作 下一条:洮北区召开区委常委会会议",
        );
        let places: std::collections::BTreeSet<String> =
            held(&f).into_iter().map(|p| p.1).collect();
        assert_eq!(
            places,
            std::collections::BTreeSet::from(["洮北区".to_string()])
        );
        // Visitors who come to a county are escorted by its own officials.
        let f = facts(
            "---\ndate: 2017-10-05\n---\n洮北区督导秸秆禁烧工作\n\n4日下午,督导组一行来到通榆县,在通榆县副县长卢文海陪同下进行实地核实。",
        );
        assert_eq!(
            held(&f),
            [("卢文海".into(), "通榆县".into(), "副县长".into())]
        );
    }

    #[test]
    fn a_place_only_visited_serves_no_title() {
        // A delegation goes (考察团到…, a list run on past a comma to a place
        // its province opens): the places it visits are not its own.
        let f = facts(
            "---\ndate: 2022-02-14\n---\n赵县党政考察团外出考察学习\n\n2月13日,县委书记葛立山带领县党政考察团到洮南市、通榆县考察学习。县长卢文海,县领导方建春参加。",
        );
        let places: std::collections::BTreeSet<String> =
            held(&f).into_iter().map(|p| p.1).collect();
        assert_eq!(
            places,
            std::collections::BTreeSet::from(["赵县".to_string()])
        );
        // Where the host's own officials escort the visitors, the one county
        // of their titles' unit is theirs.
        let f = facts(
            "---\ndate: 2022-03-08\n---\n3月7日,洮北区区长葛立山带领考察团赴通榆县考察学习,县委书记柴明陪同考察。",
        );
        assert!(
            held(&f).contains(&("柴明".into(), "通榆县".into(), "县委书记".into())),
            "{:?}",
            held(&f)
        );
        let f = facts(
            "---\ndate: 2022-03-22\n---\n3月19日至21日,县委书记葛立山率我县党政考察团赴江西省兴国县、婺源县,浙江省安吉县等地考察学习。县领导卢文海参加考察学习。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
    }

    #[test]
    fn a_zone_named_without_its_city_in_another_citys_text_is_none() {
        // 临港经开区 is 威海's zone of the table, but the text is 宜宾's.
        let f = facts(
            "---\ndate: 2024-05-10\n---\n宜宾市临港经开区党工委书记葛立山5月9日调研重点项目建设。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
        // Where the text names no other city, or the zone's own, it is that zone.
        for text in [
            "临港经开区党工委书记葛立山5月9日调研重点项目建设。",
            "威海市临港经开区党工委书记葛立山5月9日调研重点项目建设。",
        ] {
            let f = facts(&format!("---\ndate: 2024-05-10\n---\n{text}"));
            assert_eq!(
                held(&f),
                [(
                    "葛立山".to_string(),
                    "威海临港经济技术开发区".to_string(),
                    "党工委书记".to_string()
                )]
            );
        }
    }

    #[test]
    fn a_stem_inside_a_set_phrase_names_no_county() {
        // 阳光明媚 holds 光明 (光明区's stem): no district of it.
        let f = facts(
            "---\ndate: 2021-02-22\n---\n初春,阳光明媚,暖意融融。2月22日下午,示范区党工委书记葛立山汇报重点项目建设情况。",
        );
        assert!(held(&f).is_empty(), "{:?}", held(&f));
        // The district written whole still names it.
        let f = facts(
            "---\ndate: 2021-02-22\n---\n初春,阳光明媚。2月22日,深圳市光明区委书记葛立山汇报重点项目建设情况。",
        );
        assert_eq!(
            held(&f),
            [(
                "葛立山".to_string(),
                "光明区".to_string(),
                "区委书记".to_string()
            )]
        );
    }

    #[test]
    fn a_countys_stem_in_its_own_news_is_no_person() {
        // 金 is a surname, but 金寨 in 金寨县's news is the county.
        let f = facts(
            "---\ndate: 2023-08-08\n---\n8月8日,金寨县委书记葛立山调研文化旅游工作。县领导卢文海、方建春及金寨经济开发区、县直有关部门负责同志陪同调研。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[
                ("卢文海", "2023-08-08"),
                ("方建春", "2023-08-08"),
                ("葛立山", "2023-08-08")
            ])
        );
        assert!(f.pending.participations.is_empty(), "{:?}", f.pending);
        // A titled person of a stem's name stays.
        let f = facts(
            "---\ndate: 2023-08-08\n---\n8月8日,佛山市委常委、高明区委书记高明主持召开区委常委会会议。",
        );
        assert!(
            held(&f).contains(&("高明".into(), "高明区".into(), "区委书记".into())),
            "{:?}",
            held(&f)
        );
    }

    #[test]
    fn a_county_said_again_before_its_organ_is_the_county() {
        // 赵县 has two characters: "赵县县委书记" names it, as 赵县委书记 would.
        let f = facts(
            "---
date: 2024-11-30
---
11月29日,赵县县委书记葛立山率队赴通榆县考察。通榆县委书记卢文海陪同考察。",
        );
        let posts = held(&f);
        assert!(
            posts.contains(&("葛立山".into(), "赵县".into(), "县委书记".into())),
            "{posts:?}"
        );
    }

    #[test]
    fn a_day_a_report_is_about_dates_no_act() {
        let f = facts(
            "---
date: 2022-08-06
---
8月5日晚,通榆县委书记葛立山主持召开全县工作调度会。会上,县委常委、副县长卢文海通报了8月4日全县核酸检测开展情况。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[("卢文海", "2022-08-05"), ("葛立山", "2022-08-05")])
        );
    }

    #[test]
    fn the_leader_of_an_oath_takes_part_in_it() {
        let f = facts(
            "---
date: 2017-01-09
---
1月9日,通榆县举行宪法宣誓仪式。县人大常委会主任卢文海领誓,县委书记葛立山监誓。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[("卢文海", "2017-01-09"), ("葛立山", "2017-01-09")])
        );
    }

    #[test]
    fn a_chronicles_bare_day_numbers_date_its_items() {
        let text = "---
url: x
---
2023年4月大事记

2

洮北区召开安全生产工作会议,区长葛立山主持会议。

3

区委书记卢文海调研重点项目。

同日

副区长方建春出席签约仪式。";
        assert_eq!(
            took_part(&facts(text)),
            pairs(&[
                ("卢文海", "2023-04-03"),
                ("方建春", "2023-04-03"),
                ("葛立山", "2023-04-02")
            ])
        );
        // Numbers that do not count up are no days: a page's numbers.
        let text = "---
url: x
---
2023年4月大事记

3

洮北区召开安全生产工作会议,区长葛立山主持会议。

2

区委书记卢文海调研重点项目。";
        assert_eq!(
            took_part(&facts(text)),
            pairs(&[("卢文海", "undated"), ("葛立山", "undated")])
        );
    }

    #[test]
    fn a_date_whose_month_a_mirror_dropped_is_read_by_the_pages_date() {
        // "123日" is 1月23日 or 12月3日: the one nearest before the page's date.
        let text = "---
date: 2024-01-24
---
123日上午,通榆县政协会议闭幕。县委书记葛立山出席会议。";
        assert_eq!(took_part(&facts(text)), pairs(&[("葛立山", "2024-01-23")]));
        let text = "---
date: 2023-12-05
---
123日上午,通榆县政协会议闭幕。县委书记葛立山出席会议。";
        assert_eq!(took_part(&facts(text)), pairs(&[("葛立山", "2023-12-03")]));
        // A year before the digits: 2024年1月23日.
        let text = "---
date: 2024-01-30
---
2024123日下午,通榆县政协会议闭幕。县委书记葛立山出席会议。";
        assert_eq!(took_part(&facts(text)), pairs(&[("葛立山", "2024-01-23")]));
    }

    #[test]
    fn awards_for_a_year_given_early_date_the_text_the_year_after() {
        let text = "---
url: x
---
1月9日上午,通榆县政协会议闭幕。县政协主席葛立山主持会议。会议表彰了2024年度政协先进集体。";
        assert_eq!(took_part(&facts(text)), pairs(&[("葛立山", "2025-01-09")]));
    }

    #[test]
    fn a_rank_word_names_the_leaders_of_the_districts_own_unit() {
        let f = facts(
            "---\ndate: 2025-01-08\n---\n1月8日,通榆县政协会议闭幕。县委书记葛立山出席。在主席台就座的还有:卢文海、方建春等其他副处级以上领导。",
        );
        let posts: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.2)).collect();
        assert!(
            posts.contains(&("卢文海".into(), "县领导".into())),
            "{posts:?}"
        );
        assert!(
            posts.contains(&("方建春".into(), "县领导".into())),
            "{posts:?}"
        );
    }

    #[test]
    fn a_zones_own_site_is_about_that_zone() {
        // jkq.xinxiang.gov.cn is 新乡's 经开区: its 区党工委书记 and 区领导 are
        // the zone's, though the page never writes the zone in full.
        let f = facts(
            "---\nurl: http://jkq.xinxiang.gov.cn/2021/0712/1.html\ndate: 2021-07-12\n---\n\n7月10日上午,经开区参加全省重大项目推进会,区党工委书记葛立山,区领导卢文海、方建春参加会议。\n",
        );
        let places: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.1)).collect();
        for name in ["葛立山", "卢文海", "方建春"] {
            assert!(
                places.contains(&(name.into(), "新乡经济技术开发区".into())),
                "{places:?}"
            );
        }
    }

    #[test]
    fn a_site_whose_initials_several_counties_share_is_the_one_the_page_names() {
        // mdx is the initials of more than one county: the page names 牟定 (its
        // 产业园区), not its city, and a stem of another county (创新和人才:
        // 新和县) read in passing does not unseat it.
        let f = facts(
            "---\nurl: https://mdx.gov.cn/info/1040/1.htm\n---\n\n2月28日下午,县委副书记、县长卢文海主持召开县人民政府专题会议。\n\n会议听取了牟定产业园区管委会的汇报。\n\n卢文海要求,要加强科技创新和人才培养。\n",
        );
        let places: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.1)).collect();
        assert!(
            places.contains(&("卢文海".into(), "牟定县".into())),
            "{places:?}"
        );
    }

    #[test]
    fn a_countys_own_site_is_about_that_county() {
        // taobei.gov.cn is 洮北区's site: its street's bulletin names 博山区
        // most, for its visitors, but its own 区领导 are 洮北区's.
        let f = facts(
            "---\nurl: http://www.taobei.gov.cn/gk/doc_1.html\ndate: 2022-05-16\n---\n新华街道一周工作播报\n5月9日,市领导到新华街道观摩。区领导卢文海陪同。\n5月14日,博山区委副书记方建春带领博山区考察团到新华街道观摩考察。博山区考察团一行还参观了博山区的展区。",
        );
        let places: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.1)).collect();
        assert!(
            places.contains(&("卢文海".into(), "洮北区".into())),
            "{places:?}"
        );
        assert!(
            places.contains(&("方建春".into(), "博山区".into())),
            "{places:?}"
        );
    }

    #[test]
    fn a_dongguan_town_is_its_own_district() {
        // 东莞市 has no counties: its towns are the units, and their posts
        // keep the town's name.
        let f = facts(
            "---\ndate: 2024-03-20\n---\n3月20日,厚街镇第十八届人民代表大会第八次会议开幕。镇党委书记葛立山,镇党委副书记、镇长卢文海,副镇长柴明出席会议。",
        );
        let posts: Vec<(String, String, String)> = held(&f);
        assert!(
            posts.contains(&("卢文海".into(), "厚街镇".into(), "厚街镇镇长".into())),
            "{posts:?}"
        );
        assert!(
            posts.contains(&("葛立山".into(), "厚街镇".into(), "厚街镇党委书记".into())),
            "{posts:?}"
        );
        assert!(
            posts.contains(&("柴明".into(), "厚街镇".into(), "厚街镇副镇长".into())),
            "{posts:?}"
        );
    }

    #[test]
    fn a_list_a_semicolon_ends_takes_the_verb_that_follows() {
        let f = facts(
            "---\ndate: 2019-12-23\n---\n12月23日,通榆县重点项目观摩团到新华乡观摩。县委书记葛立山,县委副书记、县长卢文海,县政协副主席;县直有关部门主要负责同志;各镇党委书记等参加活动。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[("卢文海", "2019-12-23"), ("葛立山", "2019-12-23")])
        );
        // A list whose last item gives no verb either stays a list of items.
        let f = facts(
            "---\ndate: 2019-12-23\n---\n拟推荐对象是:方建春,镇赉县委书记;葛立山,通榆县委书记;卢文海,洮南市委书记。",
        );
        let places: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.1)).collect();
        assert!(
            places.contains(&("葛立山".into(), "通榆县".into())),
            "{places:?}"
        );
    }

    #[test]
    fn reporting_to_a_meeting_is_attending_it() {
        let f = facts(
            "---\ndate: 2024-09-29\n---\n9月29日,通榆县召开重大项目推进会。县长卢文海汇报全县项目进展情况。",
        );
        assert_eq!(took_part(&f), pairs(&[("卢文海", "2024-09-29")]));
    }

    #[test]
    fn bare_heads_that_take_a_post_take_part() {
        // 副主席 takes the organ of the post before it: they are officials,
        // and the meeting is theirs too.
        let f = facts(
            "---\ndate: 2016-11-25\n---\n11月25日上午,通榆县政协召开常委会议。县政协主席葛立山出席会议并讲话。副主席卢文海、方建春以及常务委员共36人出席会议。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[
                ("卢文海", "2016-11-25"),
                ("方建春", "2016-11-25"),
                ("葛立山", "2016-11-25")
            ])
        );
    }

    #[test]
    fn a_place_seen_a_day_first_dateline_a_speech_done_and_the_newly_elected() {
        // 观摩了乙县: a place the meeting's members go to see is not theirs.
        let f = facts(
            "---\ndate: 2022-08-18\n---\n8月15日,中国共产党赵县第十七届委员会第三次全体会议召开。\n\n会议分两个阶段进行。8月15日,与会人员集中观摩了通榆县及我县重点项目;8月16日上午召开大会,县委书记葛立山讲话。",
        );
        assert_eq!(
            held(&f),
            [("葛立山".into(), "赵县".into(), "县委书记".into())]
        );
        // A mirror's dateline written day first dates the page.
        let f = facts(
            "洮北区人大常委会召开第三次会议\n\n28.06.2017  17:49\n\n6月27日上午,洮北区人大常委会第三次会议召开。区人大常委会主任葛立山主持会议。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2017-06-27")]));
        // A date before the page's source line is the page's own, before the
        // day its address files it under.
        let f = facts(
            "---\ndate: 2020-04-22\n---\n通榆县政协九届四次会议胜利闭幕\n2020/04/21 来源:  \n今天上午,县政协主席葛立山出席闭幕会。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2020-04-21")]));
        // An archive's date is no page's; the page's own label after it is.
        let f = facts(
            "归档时间:2017-11-15\n\n来源: 某镇 发布时间: 2016-07-05 00:00\n\n7月4日上午,通榆县委常委、纪委书记葛立山督查防汛工作。",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2016-07-04")]));
        // A day a meeting decides on for later dates nothing after it.
        let f = facts(
            "---\ndate: 2022-07-27\n---\n7月26日,通榆县人大常委会主任葛立山主持召开主任会议。\n会议决定7月29日召开县人大常委会第五次会议。\n县人大常委会副主任卢文海出席会议。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[("卢文海", "2022-07-26"), ("葛立山", "2022-07-26")])
        );
        // Not a related story's date lower down, far from the scraper's day.
        let f = facts(
            "---\ndate: 2024-03-08\n---\n3月7日,洮北区召开会议,区委书记葛立山出席。\n\n相关新闻\n\n2019-05-06 来源:白城日报\n\n洮北区召开春耕生产会议",
        );
        assert_eq!(took_part(&f), pairs(&[("葛立山", "2024-03-07")]));
        // A speech written as a thing done ("作了说明,") reports nothing after it.
        let f = facts(
            "---\ndate: 2024-02-05\n---\n2月4日,通榆县第十三次代表大会第五次会议召开。会上,县委副书记卢文海就《实施意见》作了说明,县长方建春作了题为《坚持稳中求进》的讲话。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[("卢文海", "2024-02-04"), ("方建春", "2024-02-04")])
        );
        // Those newly elected before take part in what they attend now.
        let f = facts(
            "---\ndate: 2022-01-13\n---\n1月12日上午,洮北区政协第十四届委员会第一次会议闭幕。\n区委书记葛立山,新当选的区政协主席方建春,副主席柴明出席闭幕式。",
        );
        assert_eq!(
            took_part(&f),
            pairs(&[
                ("方建春", "2022-01-12"),
                ("柴明", "2022-01-12"),
                ("葛立山", "2022-01-12")
            ])
        );
    }

    #[test]
    fn an_organs_post_without_its_unit_is_of_the_unit_before() {
        // A yearbook's roster: the congress's and the CPPCC's heads unwritten.
        let f = facts(
            "---\ndate: 2015-05-01\n---\n  • 洮北区\n\n区委书记:葛立山\n\n人大常委会主任:卢文海\n\n区长:方建春\n\n政协主席:柴明\n",
        );
        let mut got = held(&f);
        got.sort();
        assert_eq!(
            got,
            [
                ("卢文海".into(), "洮北区".into(), "区人大常委会主任".into()),
                ("方建春".into(), "洮北区".into(), "区长".into()),
                ("柴明".into(), "洮北区".into(), "区政协主席".into()),
                ("葛立山".into(), "洮北区".into(), "区委书记".into())
            ]
        );
        // Not in running text, where it may be a firm's.
        let f = facts(
            "---\ndate: 2024-03-08\n---\n3月7日,区委书记葛立山到国网洮北供电公司调研。公司党委书记卢文海、纪委书记方建春陪同。",
        );
        assert!(held(&f).iter().all(|p| p.0 != "方建春"), "{:?}", held(&f));
        // Not without a district's post before it.
        assert!(
            held(&facts(
                "---\ndate: 2015-05-01\n---\n人大常委会主任:卢文海\n"
            ))
            .is_empty()
        );
    }

    #[test]
    fn a_streets_office_written_bare_is_the_streets() {
        let f = facts(
            "---\ndate: 2019-09-30\n---\n9月29日,洮北区委书记葛立山到新华街道调研。街道党工委副书记、办事处主任卢文海汇报工作。",
        );
        let mut got = held(&f);
        got.sort();
        assert!(
            got.contains(&(
                "卢文海".into(),
                "洮北区".into(),
                "新华街道办事处主任".into()
            )),
            "{got:?}"
        );
    }

    #[test]
    fn a_towns_post_keeps_its_town_once_and_no_county_before_it() {
        // The county written before its town stays out of the town's post.
        let f = facts(
            "---\ndate: 2023-07-14\n---\n7月13日,陇县人大常委会组织观摩。陇县东南镇党委副书记、镇长卢文海陪同观摩。",
        );
        let mut got = held(&f);
        got.sort();
        assert_eq!(
            got,
            [
                ("卢文海".into(), "陇县".into(), "东南镇党委副书记".into()),
                ("卢文海".into(), "陇县".into(), "东南镇镇长".into())
            ]
        );
        // 同心同德 names no 同德县 (`stem_word`).
        let f = facts(
            "---\ndate: 2020-05-13\n---\n5月12日,县政协九届五次会议闭幕。县委书记葛立山出席。希望同心同德,再创辉煌。",
        );
        assert!(held(&f).iter().all(|p| p.1 != "同德县"), "{:?}", held(&f));
        // A town whose name opens with its unit (镇罗营镇) is written once.
        let f = facts(
            "---\ndate: 2025-06-05\n---\n6月4日,平谷区副区长葛立山到镇罗营镇调研。镇罗营镇党委书记卢文海陪同。",
        );
        assert!(
            held(&f).contains(&("卢文海".into(), "平谷区".into(), "镇罗营镇党委书记".into())),
            "{:?}",
            held(&f)
        );
    }

    #[test]
    fn a_county_stem_before_a_project_is_its_place() {
        assert_eq!(
            without_stem("浦江宝掌山居", "浦江县").as_deref(),
            Some("宝掌山居")
        );
        // Too little left to name a work, or the stem runs on into a word.
        assert_eq!(without_stem("诏安南站", "诏安县"), None);
        assert_eq!(without_stem("彭阳段公路建设项目", "彭阳县"), None);
        assert_eq!(without_stem("东方希望集团项目", "浦江县"), None);
        // In a county's own news the name as written stays the node's, and
        // goes also without the stem; not where the stem runs into a word
        // (金水河 in 金水区).
        let f = facts(
            "---\ndate: 2017-10-16\n---\n10月16日,金寨县委书记葛立山出席开工仪式。金寨甲乙山居项目正式开工。",
        );
        let p = f
            .projects
            .iter()
            .find(|p| p.name.starts_with("金寨甲乙山居"))
            .unwrap_or_else(|| {
                panic!(
                    "{:?}",
                    f.projects.iter().map(|p| &p.name).collect::<Vec<_>>()
                )
            });
        assert_eq!(p.district.as_deref(), Some("金寨县"));
        assert!(
            p.aliases.iter().any(|a| a.starts_with("甲乙山居")),
            "{:?}",
            p.aliases
        );
        let f = facts(
            "---\ndate: 2017-10-16\n---\n10月16日,金水区委书记葛立山调研金水河综合整治工程。",
        );
        assert!(
            f.projects
                .iter()
                .all(|p| p.aliases.iter().all(|a| !a.starts_with("河综合"))),
            "{:?}",
            f.projects
        );
    }

    #[test]
    fn a_county_the_words_of_coming_describe_is_the_guest() {
        // 到我县考察的 describes 通榆县's delegation, named after it: 金寨县,
        // whose 县委书记 receives it, is the host.
        let f = facts(
            "---\ndate: 2024-03-06\n---\n3月6日,金寨县委书记甲某某会见了到我县考察的通榆县党政代表团。县长乙某某参加会见。",
        );
        let hosts: Vec<(String, String)> = held(&f).into_iter().map(|p| (p.0, p.1)).collect();
        assert!(
            hosts.contains(&("乙某某".into(), "金寨县".into())),
            "{hosts:?}"
        );
        assert!(
            hosts.contains(&("甲某某".into(), "金寨县".into())),
            "{hosts:?}"
        );
    }
}
