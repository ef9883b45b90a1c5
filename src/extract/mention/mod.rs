//! Layer 1 of extraction: mentions, wherever they stand in a sentence.
//!
//! Reads one sentence and adds spans of kinds: dates ([`date`]), districts and
//! cities ([`place`]), title chains ([`title`]), people ([`person`]) and verbs.
//! Nothing here knows about clauses or about other sentences; the frame layer
//! ([`super::frame`]) reads these spans as who did what, and the discourse layer
//! ([`super::discourse`]) carries context between sentences.
//!
//! Every offset is in characters, relative to the sentence. The sentence is
//! segmented by jieba once, and every table is matched by one automaton, so a
//! sentence costs time linear in its length.

pub mod date;
pub mod person;
pub mod place;
pub mod project;
pub mod title;

use jieba_rs::Jieba;

use crate::rules::{Lexicon, Rules};
use date::DateMention;
use person::{Cue, NameReader, PersonMention, Sentence};
use place::{CityMention, DistrictMention};
use title::Chain;

/// A verb of `data/verbs.tsv` written in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbMention {
    pub at: usize,
    pub len: usize,
    /// Index into [`Rules::verbs`].
    pub verb: usize,
}

/// Everything layer 1 finds in one sentence.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// The sentence, and its characters.
    pub text: String,
    pub chars: Vec<char>,
    pub dates: Vec<DateMention>,
    pub districts: Vec<DistrictMention>,
    pub cities: Vec<CityMention>,
    pub chains: Vec<Chain>,
    /// People, left to right, never overlapping.
    pub people: Vec<PersonMention>,
    pub verbs: Vec<VerbMention>,
    /// jieba's reading: word starts and tags, kept to read known names later.
    word_start: Vec<bool>,
    tags: Tags,
    bound: Vec<bool>,
    blocked: Vec<bool>,
    title_at: Vec<bool>,
    verb_at: Vec<bool>,
}

/// jieba's words of a sentence, by the character they start at: their
/// part-of-speech tag and length, and whether jieba's dictionary lacks the
/// word (its HMM joined the characters: often a name of a rare surname,
/// 戢某某). Fourteen bytes a character (a thin pointer to the interned tag, a
/// length, two flags), read as `(tag, length)` pairs.
#[derive(Debug, Clone, Default)]
pub struct Tags {
    tag: Vec<Option<&'static &'static str>>,
    len: Vec<u32>,
    unknown: Vec<bool>,
    pair_word: Vec<bool>,
}

impl Tags {
    fn new(n: usize) -> Tags {
        Tags {
            tag: vec![None; n],
            len: vec![0; n],
            unknown: vec![false; n],
            pair_word: vec![false; n],
        }
    }

    /// True where a character that ends given names (`name_end` of
    /// data/names.tsv) and the one after it make a word of jieba's dictionary
    /// (来到, 为主), whatever jieba's reading of the sentence joined.
    pub fn opens_pair_word(&self, pos: usize) -> bool {
        self.pair_word.get(pos).copied().unwrap_or(false)
    }

    /// True where a word of two characters or more starts that jieba's
    /// dictionary lacks.
    pub fn unknown_at(&self, pos: usize) -> bool {
        self.unknown.get(pos).copied().unwrap_or(false)
    }

    fn set(&mut self, pos: usize, tag: &'static &'static str, len: usize) {
        if pos < self.tag.len() {
            self.tag[pos] = Some(tag);
            self.len[pos] = u32::try_from(len).unwrap_or(u32::MAX);
        }
    }

    /// As a slice's `get`: `None` past the end, `Some(None)` inside a word,
    /// `Some(Some((tag, length)))` where one starts.
    pub fn get(&self, pos: usize) -> Option<Option<(&'static str, usize)>> {
        let tag = self.tag.get(pos)?;
        Some(tag.map(|t| (*t, self.len[pos] as usize)))
    }
}

/// jieba's part-of-speech tag, kept once per thread: tags are a small set
/// (jieba's own and those of the user's dictionary), so each is allocated once
/// and a sentence's tags cost no allocation.
fn intern_tag(tag: &str) -> &'static &'static str {
    thread_local! {
        static TAGS: std::cell::RefCell<std::collections::HashMap<String, &'static &'static str>> =
            std::cell::RefCell::default();
    }
    TAGS.with(|tags| {
        let mut tags = tags.borrow_mut();
        if let Some(t) = tags.get(tag) {
            return *t;
        }
        let text: &'static str = Box::leak(tag.to_string().into_boxed_str());
        let kept: &'static &'static str = Box::leak(Box::new(text));
        tags.insert(tag.to_string(), kept);
        kept
    })
}

impl Mentions {
    /// The words of four characters or more jieba's dictionary holds in the
    /// sentence that write no unit or organ (阳光明媚, 光明日报; not 井冈山市,
    /// 县委书记): a county's stem inside them names no county. Linear in the
    /// sentence.
    pub fn idioms(&self) -> Vec<String> {
        (0..self.chars.len())
            .filter_map(|p| match self.tags.get(p) {
                Some(Some((_, n))) if n >= 4 && !self.tags.unknown[p] => {
                    let word: String = self.chars[p..(p + n).min(self.chars.len())]
                        .iter()
                        .collect();
                    (!word.contains(['区', '县', '市', '旗', '镇', '乡', '州', '盟', '委']))
                        .then_some(word)
                }
                _ => None,
            })
            .collect()
    }

    /// The mentions of one sentence.
    ///
    /// ```
    /// use govgraph::rules::Rules;
    /// use govgraph::extract::mention::Mentions;
    /// let rules = Rules::builtin();
    /// let jieba = jieba_rs::Jieba::new();
    /// let m = Mentions::find(&rules, &jieba, "12月11日,福田区委书记李某某出席发布会。");
    /// assert_eq!(m.people[0].name, "李某某");
    /// assert_eq!(m.people[0].posts[0].title, "区委书记");
    /// assert_eq!(m.districts[0].name, "福田区");
    /// ```
    pub fn find(rules: &Rules, jieba: &Jieba, text: &str) -> Mentions {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let dates = date::find(text);
        let (districts, cities) = place::find(rules, text);
        let mut blocked = vec![false; n + 1];
        let mut bound = rules.boundary_lexicon.starts(text);
        for d in &dates {
            for b in blocked.iter_mut().skip(d.at).take(d.len) {
                *b = true;
            }
            bound[d.at] = true;
        }
        for d in &districts {
            bound[d.at] = true;
        }
        let mut word_start = vec![false; n + 1];
        let mut tags = Tags::new(n + 1);
        let mut pos = 0;
        for t in jieba.tag(text, true) {
            let len = t.word.chars().count();
            word_start[pos] = true;
            tags.set(pos, intern_tag(t.tag), len);
            if len >= 2 && pos < n && !jieba.has_word(t.word) {
                tags.unknown[pos] = true;
            }
            pos += len;
        }
        word_start[n] = true;
        // Checked only after the few characters that end given names: one
        // dictionary look-up each.
        for (i, pair) in chars.windows(2).enumerate() {
            if rules.name_end.contains(&pair[0]) {
                tags.pair_word[i] = jieba.has_word(&pair.iter().collect::<String>());
            }
        }
        // A label in lenticular brackets ("【解说】5月31日,…", a video
        // script's) holds no verb of the sentence.
        let mut labelled = bracket_labels(&chars);
        // Nor does a purpose clause the sentence opens with ("为进一步…,为代表
        // 们在大会上提出建议创造条件,12月10日,…": 提出 reports no speech).
        for (i, m) in purpose_clauses(&chars).into_iter().enumerate() {
            labelled[i] |= m;
        }
        let verbs: Vec<VerbMention> = rules
            .verb_lexicon
            .find(text)
            .into_iter()
            .filter(|h| !labelled[h.at])
            .map(|h| VerbMention {
                at: h.at,
                len: h.len,
                verb: h.word,
            })
            .collect();
        // No title's scope runs back over a date or a verb.
        let mut scope_blocked = blocked.clone();
        for v in &verbs {
            scope_blocked[v.at + v.len - 1] = true;
        }
        let chains = title::chains(rules, &chars, text, &districts, &cities, &scope_blocked);
        let mut title_at = vec![false; n + 1];
        for c in &chains {
            title_at[c.at] = true;
            for &t in &c.title_starts {
                title_at[t] = true;
            }
        }
        let mut verb_at = vec![false; n + 1];
        for v in &verbs {
            verb_at[v.at] = true;
        }
        let mut m = Mentions {
            text: text.to_string(),
            chars,
            dates,
            districts,
            cities,
            chains,
            people: Vec::new(),
            verbs,
            word_start,
            tags,
            bound,
            blocked,
            title_at,
            verb_at,
        };
        let reader = NameReader::new(rules);
        let sentence_people = {
            let s = m.sentence(text, &m.tags);
            let mut people = reader.people(&s, &m.chains);
            people.extend(reader.bylines(&s));
            people
        };
        m.add_people(sentence_people);
        m
    }

    fn sentence<'a>(&'a self, text: &'a str, tags: &'a Tags) -> Sentence<'a> {
        Sentence {
            text,
            chars: &self.chars,
            word_start: &self.word_start,
            tag_at: tags,
            bound: &self.bound,
            blocked: &self.blocked,
            title_at: &self.title_at,
            verb_at: &self.verb_at,
        }
    }

    /// Adds people, keeping the list ordered and free of overlaps (the first
    /// added wins a place).
    fn add_people(&mut self, people: Vec<PersonMention>) {
        for p in people {
            let overlaps = self
                .people
                .iter()
                .any(|q| p.at < q.at + q.len && q.at < p.at + p.len);
            if !overlaps {
                self.people.push(p);
            }
        }
        self.people.sort_by_key(|p| p.at);
    }

    /// Adds mentions of names known from elsewhere (this document's titled
    /// people, a dictionary, other documents), where a name stands alone:
    /// at a word start, and ending at a boundary.
    pub fn add_known(&mut self, known: &Lexicon, names: &[String]) {
        let mut found = Vec::new();
        for hit in known.find(&self.text) {
            if self.opens_alone(hit.at) && self.stands_alone(hit.at, hit.len) {
                found.push(PersonMention {
                    at: hit.at,
                    len: hit.len,
                    name: names[hit.word].clone(),
                    posts: Vec::new(),
                    roles: Vec::new(),
                    cue: Cue::Known,
                    anchor: None,
                });
            }
        }
        self.add_people(found);
    }

    /// Names the sentence writes bare, where a known name would be read
    /// ([`Mentions::add_known`]): a name as the person layer reads one,
    /// standing alone, at no person, place or title mention, and not opening
    /// with a word jieba knows as anything but a name (全区, 经济, 公司工作).
    /// Whether each is an
    /// official is for other documents to tell. Linear in the sentence.
    pub fn bare_names(&self, rules: &Rules) -> Vec<String> {
        let s = self.sentence(&self.text, &self.tags);
        let reader = NameReader::new(rules);
        let mut covered = vec![false; self.chars.len()];
        let spans = (self.people.iter().map(|p| (p.at, p.len)))
            .chain(self.districts.iter().map(|d| (d.at, d.len)))
            .chain(self.cities.iter().map(|c| (c.at, c.len)))
            .chain(self.chains.iter().map(|c| (c.at, c.end - c.at)));
        for (at, len) in spans {
            for c in covered.iter_mut().skip(at).take(len) {
                *c = true;
            }
        }
        let mut names = Vec::new();
        let mut pos = 0;
        while pos < self.chars.len() {
            if self.opens_alone(pos)
                && !covered[pos]
                && let Some((len, name)) = reader.name_at(&s, pos, false)
                && self.stands_alone(pos, len)
                && !covered[pos..pos + len].iter().any(|c| *c)
                && !matches!(s.tag_at.get(pos), Some(Some((t, n))) if n >= 2 && !t.starts_with("nr"))
            {
                names.push(name);
                pos += len;
            } else {
                pos += 1;
            }
        }
        names
    }

    /// True where a name may start at `at`: a word's start or a boundary, not
    /// inside a run of Chinese characters.
    fn opens_alone(&self, at: usize) -> bool {
        at == 0
            || !crate::extract::is_han(self.chars[at - 1])
            || self.word_start[at]
            || self.bound[at]
    }

    /// True where `len` characters at `at` end at a boundary a name may end at.
    fn stands_alone(&self, at: usize, len: usize) -> bool {
        let end = at + len;
        end >= self.chars.len()
            || !crate::extract::is_han(self.chars[end])
            || self.bound[end]
            || self.blocked[end]
            || self.word_start[end]
    }

    /// Reads a name at `pos` (a roster line, a list), as the person layer would.
    pub fn name_at(&self, rules: &Rules, pos: usize, vouched: bool) -> Option<(usize, String)> {
        let s = self.sentence(&self.text, &self.tags);
        NameReader::new(rules).name_at(&s, pos, vouched)
    }

    /// Adds a person read by the discourse layer (a roster's name line).
    pub fn add_person(&mut self, person: PersonMention) {
        self.add_people(vec![person]);
    }
}

/// Marks the purpose clauses a sentence opens with: each clause from 为 or
/// 为了 up to its comma, one after another ("为进一步…,为…创造条件,"). Not
/// 为期 (a span) nor a clause of more than 80 characters. Linear in the
/// sentence.
fn purpose_clauses(chars: &[char]) -> Vec<bool> {
    let mut marked = vec![false; chars.len() + 1];
    let mut i = 0;
    while i < chars.len() && chars[i] == ' ' {
        i += 1;
    }
    while chars.get(i) == Some(&'为') && chars.get(i + 1) != Some(&'期') {
        let Some(comma) = chars[i..]
            .iter()
            .take(80)
            .position(|c| matches!(c, ',' | '，'))
        else {
            break;
        };
        marked[i..i + comma].iter_mut().for_each(|m| *m = true);
        i += comma + 1;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
    }
    marked
}

/// Marks the characters inside each lenticular bracket pair 【…】 of at most
/// 12 characters: a label (【解说】, 【本报讯】), not the sentence's words.
/// Linear in the text.
fn bracket_labels(chars: &[char]) -> Vec<bool> {
    let mut marked = vec![false; chars.len() + 1];
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '【' => open = Some(i),
            '】' => {
                if let Some(o) = open.take().filter(|&o| i - o <= 13) {
                    marked[o..=i].iter_mut().for_each(|m| *m = true);
                }
            }
            _ => {}
        }
    }
    marked
}
