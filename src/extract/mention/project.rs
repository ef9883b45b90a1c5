//! Project mentions: named works (项目, 工程, 产业园 ...), found as candidates
//! and kept when their signs say they name a project.
//!
//! Candidates come from four places a reader looks at:
//! - a works word ending a phrase (`ending` rows of `data/projects.tsv`):
//!   "东坪教育科技产业园", "城南医院精神卫生中心迁建";
//! - the items of a list closed by 等…项目, whatever their ending:
//!   "某某新材生产研发基地、某某光显等31个项目" gives both items;
//! - a name in quotes: “湾区之眼”;
//! - the phrase before a stage word (开工, 投产, 签约 ...): "金鑫电器二期投产".
//!
//! Every candidate's name is bounded by the same rules (see [`find`]) and then
//! scored on the signs of [`Feature`]: a logistic model whose weights and
//! threshold are in `data/project_features.tsv`, fitted on real articles by
//! `examples/fit_projects.rs`. A candidate at which an event is held (在…举行)
//! is a venue as well, and stays a project when its score says it is one.
//!
//! Cost: one pass of the project-word automaton over the sentence, and for each
//! candidate a walk of at most [`MAX_NAME`] characters: linear in the sentence.

use jieba_rs::Jieba;

use crate::extract::is_han;
use crate::rules::{EndingClass, Feature, Rules, WordHit, WordKind};

use super::Mentions;

/// The longest name a candidate may have, in characters.
pub const MAX_NAME: usize = 40;

/// Character spans, start and end.
type Spans = Vec<(usize, usize)>;

/// Where a candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Ending,
    List,
    Quote,
    Stage,
}

/// A candidate project in a sentence, with its signs and score.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectMention {
    /// Character offset and length of the name as written (prefixes read off).
    pub at: usize,
    pub len: usize,
    /// The name; for a list item sharing its list's ending, with that ending.
    pub name: String,
    /// Other forms of the name as written: with what was read off before it
    /// (福田区某某新材…), without the city it opens with.
    pub aliases: Vec<String>,
    /// The district written right before the name (its full name), read off the name.
    pub district: Option<String>,
    pub source: Source,
    /// The class of its last works word, if it has one.
    pub ending: Option<EndingClass>,
    /// The stage the clause gives it (签约, 开工, 封顶, 竣工, 投产, 启用).
    pub stage: Option<String>,
    /// The signs it shows, in [`Feature::ALL`] order.
    pub signs: Vec<Feature>,
    /// The model's score, 0..1.
    pub score: f64,
    /// True when the score reaches the threshold.
    pub project: bool,
    /// True when an event is held at it (在X举行).
    pub venue: bool,
    /// A list's item with a mark of the list on both sides ("、甲工程、",
    /// "、乙项目等"): its bounds are the list's, so no shorter name inside it
    /// is one of its own.
    pub whole_item: bool,
}

/// Characters a project name may hold.
fn name_char(c: char) -> bool {
    is_han(c)
        || c.is_ascii_alphanumeric()
        || matches!(
            c,
            '(' | ')' | '“' | '”' | '-' | '~' | '·' | '×' | '.' | '+' | '#'
        )
}

/// Clause punctuation: a sign (a verb) counts only within the candidate's clause.
fn clause_mark(c: char) -> bool {
    matches!(c, ',' | ';' | '。' | '!' | '?' | ':' | '\n')
}

/// Numerals, for counts (31个, 一批) and quantities (15万吨).
fn numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二两三四五六七八九十百千万亿几数多首零〇".contains(c)
}

/// The sentence as the project reader sees it.
struct Reading<'a> {
    rules: &'a Rules,
    jieba: &'a Jieba,
    m: &'a Mentions,
    chars: &'a [char],
    /// Project words, by the position they start at.
    starting: Vec<Vec<WordHit>>,
    /// Project words, by the position they end at.
    ending: Vec<Vec<WordHit>>,
    /// Where a name cannot run back past: the end of a person, a title chain,
    /// a date or a verb of `data/verbs.tsv`.
    barrier: Vec<bool>,
    /// Positions covered by a person or a title chain.
    personal: Vec<bool>,
}

impl<'a> Reading<'a> {
    fn new(rules: &'a Rules, jieba: &'a Jieba, m: &'a Mentions) -> Reading<'a> {
        let n = m.chars.len();
        let mut starting = vec![Vec::new(); n + 1];
        let mut ending = vec![Vec::new(); n + 1];
        for h in rules.project_words.find(&m.text) {
            starting[h.at].push(h);
            ending[h.at + h.len].push(h);
        }
        let mut barrier = vec![false; n + 1];
        let mut personal = vec![false; n + 1];
        for p in &m.people {
            barrier[p.at + p.len] = true;
            personal[p.at..p.at + p.len].fill(true);
        }
        for c in &m.chains {
            barrier[c.end] = true;
            personal[c.at..c.end].fill(true);
        }
        // A date that names a day, month or year ends what stands before it;
        // "1号" in "深南东1号" does not.
        for d in &m.dates {
            if m.chars[d.at..d.at + d.len]
                .iter()
                .any(|c| "年月日".contains(*c))
            {
                barrier[d.at + d.len] = true;
            }
        }
        for v in &m.verbs {
            if m.word_start[v.at] && m.word_start[v.at + v.len] {
                barrier[v.at + v.len] = true;
            }
        }
        Reading {
            rules,
            jieba,
            m,
            chars: &m.chars,
            starting,
            ending,
            barrier,
            personal,
        }
    }

    fn n(&self) -> usize {
        self.chars.len()
    }

    /// A word of `kind` starting at `at`, longest first.
    fn starts(&self, at: usize, kind: WordKind) -> Option<WordHit> {
        self.starting
            .get(at)?
            .iter()
            .filter(|h| h.kind == kind)
            .max_by_key(|h| h.len)
            .copied()
    }

    fn word(&self, h: &WordHit) -> &str {
        &self.rules.project_words.of(h.kind)[h.index]
    }

    fn text(&self, a: usize, b: usize) -> String {
        self.chars[a..b].iter().collect()
    }

    /// jieba's word starting at `at`: its tag and length.
    fn token(&self, at: usize) -> Option<(&str, usize)> {
        self.m.tags.get(at)?
    }

    fn word_start(&self, at: usize) -> bool {
        at == 0 || at >= self.n() || self.m.word_start[at]
    }

    /// The clause around `a..b`.
    fn clause(&self, a: usize, b: usize) -> (usize, usize) {
        let from = self.chars[..a]
            .iter()
            .rposition(|c| clause_mark(*c))
            .map_or(0, |p| p + 1);
        let to = self.chars[b..]
            .iter()
            .position(|c| clause_mark(*c))
            .map_or(self.n(), |p| b + p);
        (from, to)
    }

    /// The longest ending that ends at `end` and is a real end there: not the
    /// head of a longer word (中心区, 工程师), and at a word's end.
    fn ending_at(&self, end: usize) -> Option<(usize, EndingClass, usize)> {
        let hit = self.ending[end]
            .iter()
            .filter(|h| h.kind == WordKind::Ending)
            .max_by_key(|h| h.len)?;
        let e = &self.rules.project_words.endings[hit.index];
        if self.starts(end, WordKind::Continues).is_some() {
            return None;
        }
        // 公园 in 公园群: the longer works word is the ending.
        let longer = self.starting[hit.at]
            .iter()
            .any(|h| h.kind == WordKind::Ending && h.len > hit.len && h.at + h.len <= self.n());
        if longer && self.starts(end, WordKind::Phase).is_none() {
            let n = self.starting[hit.at]
                .iter()
                .filter(|h| h.kind == WordKind::Ending)
                .map(|h| h.len)
                .max()
                .unwrap_or(hit.len);
            if self.ending[hit.at + n]
                .iter()
                .any(|h| h.kind == WordKind::Ending && h.at == hit.at)
                && self.chars[end..hit.at + n].iter().all(|c| is_han(*c))
                && !self.word_start(end)
            {
                return None;
            }
        }
        let closes = end >= self.n()
            || !name_char(self.chars[end])
            || e.class == EndingClass::Works
            || self.word_start(end)
            || self.starting[end].iter().any(|h| {
                matches!(
                    h.kind,
                    WordKind::After
                        | WordKind::Stop
                        | WordKind::Stage
                        | WordKind::Build
                        | WordKind::Develop
                        | WordKind::Phase
                        | WordKind::Ending
                )
            });
        closes.then_some((hit.at, e.class, e.min_chars))
    }

    /// Where a name ending at `end` goes on to: phases, further works words,
    /// a parenthesis, a works word close behind (医院节能改造提升工程).
    fn extend(&self, mut end: usize, mut class: EndingClass) -> (usize, EndingClass) {
        loop {
            let digits = self.chars[end.min(self.n())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if let Some(h) = self.starts(end, WordKind::Phase) {
                end += h.len;
            } else if digits > 0 && self.chars.get(end + digits) == Some(&'期') {
                end += digits + 1; // 2期
            } else if let Some(h) = self.starts(end, WordKind::Ending)
                && let Some((_, c, _)) = self.ending_at(end + h.len)
                && continues_name(class, c)
            {
                end += h.len;
                class = c;
            } else if let Some(d) = self.m.districts.iter().find(|d| d.at == end)
                && self.chars.get(d.at + d.len) == Some(&'段')
            {
                end += d.len + 1; // 某某高铁某区段
            } else if self.chars.get(end) == Some(&'(')
                && let Some(close) = self.close_of(end)
                && !self.note_at(end)
            {
                end = close + 1;
            } else if let Some(more) = self.reach_works_word(end) {
                end = more;
                class = EndingClass::Works;
            } else {
                break;
            }
        }
        (end, class)
    }

    /// The `)` closing the `(` at `at`, within 24 characters.
    fn close_of(&self, at: usize) -> Option<usize> {
        let stop = (at + 24).min(self.n());
        self.chars[at + 1..stop]
            .iter()
            .position(|c| *c == ')' || *c == '(')
            .map(|p| at + 1 + p)
            .filter(|&p| self.chars[p] == ')')
    }

    /// An abbreviation note or a list of contents in parentheses: (以下简称…), (含…).
    fn note_at(&self, at: usize) -> bool {
        ["(以下简称", "(简称", "(下称", "(以下称", "(含", "(包括"]
            .iter()
            .any(|w| crate::extract::word_at(self.chars, at, w))
    }

    /// The end of a 项目/工程 within 12 name characters of `end`, when what
    /// stands between says what is done to the work (改造提升, 建设), not
    /// something new (等, 和, a stage word).
    fn reach_works_word(&self, end: usize) -> Option<usize> {
        for at in end + 1..=(end + 12).min(self.n()) {
            if !name_char(self.chars[at - 1]) {
                return None;
            }
            if let Some(h) = self.starts(at, WordKind::Ending)
                && self.rules.project_words.endings[h.index].class == EndingClass::Works
            {
                let joins = self.chars[end..at]
                    .iter()
                    .any(|c| "等个和与及、".contains(*c))
                    || self.chars[end..at].iter().filter(|c| **c == '(').count()
                        != self.chars[end..at].iter().filter(|c| **c == ')').count();
                let acts = self.starting[end..at].iter().flatten().any(|w| {
                    w.at + w.len <= at
                        && matches!(w.kind, WordKind::Stage | WordKind::Stop)
                        && w.len > 1
                });
                // Another work named between ("…项目玉龙填埋场…工程") is a new name.
                let other = (end + 1..at).any(|p| {
                    self.ending[p].iter().any(|w| {
                        w.kind == WordKind::Ending
                            && w.at >= end
                            && self.rules.project_words.endings[w.index].class != EndingClass::Done
                    })
                });
                if joins || acts || other || self.ending_at(at + h.len).is_none() {
                    return None;
                }
                return Some(at + h.len);
            }
        }
        None
    }

    /// Where a name whose head ends at `head_end` starts: back over name
    /// characters to the last barrier (a stop word, a verb, a person, a date),
    /// then past leading function words. In the name of a works (`works`),
    /// 及 joins its parts ("规划路(子羽路-真君路)及真君路隧道联络道建设工程").
    fn start_of(&self, head_end: usize, works: bool) -> usize {
        self.start_between(head_end, works, 3)
    }

    /// [`Self::start_of`], where an apposition's name has `between`
    /// characters or more before the head: two where the head is a place
    /// a works word follows ("…项目青石填埋场环境修复工程"), three elsewhere
    /// ("…PPP项目蓼东大道" is one work).
    fn start_between(&self, head_end: usize, works: bool, between: usize) -> usize {
        let mut start = head_end;
        let mut depth = 0usize;
        while start > 0 && head_end - start < MAX_NAME {
            let c = self.chars[start - 1];
            if c == ')' {
                depth += 1;
            } else if c == '(' {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if !name_char(c) && !self.rate_slash(start - 1) {
                break;
            }
            start -= 1;
        }
        let mut best = start;
        // Inside brackets a name is kept as written: "某线(甲至乙)工程".
        let mut open = 0usize;
        for p in start + 1..=head_end {
            match self.chars[p - 1] {
                '(' => open += 1,
                ')' => open = open.saturating_sub(1),
                _ => {}
            }
            if open > 0 {
                continue;
            }
            if (self.barrier[p] && p < head_end) || self.stop_ends(p, head_end, works) {
                best = p;
            }
        }
        // An earlier works word ends an apposition: "…环境修复项目青石填埋场环境修复工程".
        for p in best + 2..(head_end + 1).saturating_sub(between) {
            if self.ending[p].iter().any(|h| {
                h.kind == WordKind::Ending
                    && self.rules.project_words.endings[h.index].class == EndingClass::Works
            }) && self.ending_at(p).is_some()
                && self.starts(p, WordKind::Phase).is_none()
                && self.starts(p, WordKind::Ending).is_none()
                && self.chars[p] != '('
            {
                best = p;
            }
        }
        while best < head_end && matches!(self.chars[best], '”' | ')' | '-' | '·') {
            best += 1;
        }
        self.skip_function_words(best, head_end)
    }

    /// True when the slash at `p` writes a rate inside a name: a unit before
    /// it, a span of time after it (10万吨/年, 5000立方米/日).
    fn rate_slash(&self, p: usize) -> bool {
        self.chars[p] == '/'
            && p > 0
            && is_han(self.chars[p - 1])
            && self
                .chars
                .get(p + 1)
                .is_some_and(|c| "年日天时".contains(*c))
    }

    /// True when a stop word ends at `p` as a word of its own. Right before
    /// the name's works word a building word is part of the name (建设工程);
    /// in a works' name, 及 joins parts.
    fn stop_ends(&self, p: usize, head_end: usize, works: bool) -> bool {
        let words = &self.rules.project_words;
        self.ending[p].iter().any(|h| {
            if h.kind != WordKind::Stop {
                return false;
            }
            let word = self.word(h);
            // A stop word inside a longer word is none (启动区, 服务型): jieba
            // must start a word at one of its ends, or at both for one character.
            let (left, right) = (self.word_start(h.at), self.word_start(p));
            // ... or a word jieba only guessed (及田), not one of its dictionary (和平).
            let guessed = || {
                self.token(h.at).is_some_and(|(_, n)| {
                    !self
                        .jieba
                        .has_word(&self.text(h.at, (h.at + n).min(self.n())))
                })
            };
            let whole = p == head_end
                || if h.len > 1 {
                    left || right
                } else {
                    left && (right || guessed())
                };
            let building = p == head_end && words.has(WordKind::Build, word);
            // 暨 joins the parts of any name (甲小学暨少年宫建设项目), not an
            // event to a name (集中开工暨甲乙产业园).
            let after_stop = || {
                self.ending[h.at]
                    .iter()
                    .any(|g| matches!(g.kind, WordKind::Stop | WordKind::Stage) && g.len > 1)
            };
            let joins = (works && word == "及") || (word == "暨" && !after_stop());
            let in_person = self.personal[h.at] && p > 0 && self.personal[p - 1];
            // 甲桥至乙段: a range's mark that 段 closes soon after is part
            // of the name (`range_mark`).
            let range = words.has(WordKind::RangeMark, word)
                && (p + 1..(p + 9).min(head_end))
                    .take_while(|&i| name_char(self.chars[i]))
                    .any(|i| self.chars[i] == '段');
            // 启动区, 建设型: a building or developing word before 区, 型 or 式
            // makes a noun of it.
            let noun = p < head_end
                && self.chars.get(p).is_some_and(|c| "区型式".contains(*c))
                && words
                    .of(WordKind::Develop)
                    .iter()
                    .chain(words.of(WordKind::Build))
                    .any(|b| b == word);
            whole && !building && !joins && !in_person && !noun && !range
        })
    }

    /// Moves a name's start past the function words jieba finds at its head
    /// (并, 在, 对, 将 ...) and past verbs a report opens a clause with.
    fn skip_function_words(&self, mut start: usize, head_end: usize) -> usize {
        while start < head_end && self.starts(start, WordKind::Prefix).is_none() {
            // Right after a person or a date, jieba may have read one word
            // across the mention's end (葛立山到 as 山到): a stop word that
            // starts there and ends at a word's start goes all the same.
            if self.barrier[start] && self.token(start).is_none() {
                match self.starting[start].iter().find(|h| {
                    h.kind == WordKind::Stop
                        && start + h.len < head_end
                        && self.word_start(start + h.len)
                }) {
                    Some(h) => {
                        start += h.len;
                        continue;
                    }
                    None => break,
                }
            }
            let Some((tag, n)) = self.token(start) else {
                break;
            };
            if start + n >= head_end {
                break;
            }
            // One character goes only when it is a stop word (并, 在, 对): 吾悦 keeps 吾.
            let single_ok = n > 1
                || self.starting[start]
                    .iter()
                    .any(|h| h.kind == WordKind::Stop && h.len == 1);
            let function = single_ok
                && matches!(
                    tag,
                    "p" | "c" | "r" | "u" | "d" | "ad" | "ul" | "uj" | "uz" | "ud" | "ug" | "uv"
                );
            let known_verb = tag.starts_with('v')
                && self.starting[start].iter().any(|h| {
                    h.len == n
                        && matches!(
                            h.kind,
                            WordKind::Stop | WordKind::Build | WordKind::Develop | WordKind::Visit
                        )
                });
            if !(function || known_verb) {
                break;
            }
            start += n;
        }
        start
    }

    /// Reads off what stands before a name without being part of it: a year,
    /// a count (31个, 一批), a `prefix` word (我县, 年内), a district (福田区),
    /// a city with its district (深圳坪山), a province and a city with theirs
    /// (广东省汕尾市海丰县). A street or town (马坊镇) stays,
    /// and gives the district. Returns the new start and the district.
    fn read_prefixes(&self, mut start: usize, end: usize) -> (usize, Option<String>) {
        let mut district = None;
        let gazetteer = &self.rules.gazetteer;
        loop {
            if let Some(d) = self
                .m
                .dates
                .iter()
                .find(|d| d.at == start && d.at + d.len + 2 <= end)
            {
                start += d.len;
                if self.chars.get(start) == Some(&'度') {
                    start += 1;
                }
                continue;
            }
            // A year: 2021年, 2025年度.
            let digits = self.chars[start..end]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits == 4 && self.chars.get(start + 4) == Some(&'年') && start + 7 <= end {
                start += 5;
                if self.chars.get(start) == Some(&'度') {
                    start += 1;
                }
                continue;
            }
            if let Some(h) = self.starts(start, WordKind::Prefix)
                && start + h.len + 2 <= end
            {
                start += h.len;
                continue;
            }
            // An amount: 14亿元, 8000万元.
            let amount = (start + 2..end.saturating_sub(2))
                .find(|&k| self.chars[k] == '元')
                .filter(|&k| money_before(self.chars, k + 1) == Some(start));
            if let Some(k) = amount {
                start = k + 1;
                continue;
            }
            let count = self.chars[start..end]
                .iter()
                .take_while(|c| numeral(**c))
                .count();
            if count > 0
                && self
                    .chars
                    .get(start + count)
                    .is_some_and(|c| "个项家批件所座条".contains(*c))
                && start + count + 3 <= end
            {
                start += count + 1;
                continue;
            }
            // A province, its city, or both (广东省汕尾市海丰县…).
            let mut at = start;
            while let Some(c) = self.m.cities.iter().find(|c| c.at == at) {
                at += c.len;
            }
            let city = (at > start).then_some(at - start);
            // A county the gazetteer knows by its full name needs no other
            // anchor before a works: 兴县15万吨…项目.
            let county = (2..=5).find_map(|n| {
                let t = self.text(at, (at + n).min(end));
                (t.chars().count() == n
                    && t.ends_with(['县', '区', '旗'])
                    && gazetteer.counties_named(&t).next().is_some())
                .then_some((n, t))
            });
            if let Some((n, name)) = county
                && !self.m.districts.iter().any(|d| d.at == at)
                && at + n + 2 <= end
                && self.names_something(at + n, end)
            {
                district = Some(name);
                start = at + n;
                continue;
            }
            if let Some(d) = self.m.districts.iter().find(|d| d.at == at) {
                let written = self.text(d.at, d.at + d.len);
                let full = written == d.name || written.ends_with(['区', '县', '市', '旗']);
                if (full || city.is_some()) && d.at + d.len + 2 <= end {
                    district = Some(d.name.clone());
                    // A name that says nothing without its district keeps it:
                    // 龙华区第二人民医院 is that hospital's own name. After a
                    // province or a city the district is the name's address.
                    if city.is_none() && !self.names_something(d.at + d.len, end) {
                        break;
                    }
                    start = d.at + d.len;
                    continue;
                }
            }
            // A street or town the gazetteer knows: 江南街道, 马坊镇.
            let street = (3..=7).filter(|n| start + n + 2 <= end).find(|&n| {
                let t = self.text(start, start + n);
                t.ends_with("街道")
                    || t.ends_with(['镇', '乡'])
                        && gazetteer.counties_of_street(&t).next().is_some()
            });
            // The street stays in the name (某某街道长者服务中心); it gives the district.
            if let Some(n) = street {
                let t = self.text(start, start + n);
                let mut counties = gazetteer.counties_of_street(&t);
                if let (Some(c), None) = (counties.next(), counties.next()) {
                    district = district.or(Some(c.name.clone()));
                }
            }
            break;
        }
        (start, district)
    }

    /// True when `a..b`, its works word aside, holds what tells one work from
    /// another: a place, a proper or rare name, a number, quotes.
    fn names_something(&self, a: usize, b: usize) -> bool {
        let head_end = (a..b)
            .find(|&p| {
                self.starting[p]
                    .iter()
                    .any(|h| h.kind == WordKind::Ending && h.at + h.len == b)
            })
            .unwrap_or(b);
        if head_end <= a {
            return false;
        }
        let text = self.text(a, head_end);
        text.chars().any(|c| c.is_ascii_alphanumeric() || c == '“')
            || self
                .m
                .districts
                .iter()
                .any(|d| d.at >= a && d.at < head_end)
            || (a..head_end).any(|p| {
                self.token(p)
                    .is_some_and(|(t, _)| matches!(t, "ns" | "nz" | "nt" | "nr" | "nrt" | "eng"))
            })
            || rare_word(self, self.jieba, a, b)
    }

    /// The text of `a..b` without abbreviation notes: "高等研究院(以下简称“高研院”)
    /// 永久场地" is 高等研究院永久场地.
    fn name_text(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        let mut i = a;
        while i < b {
            if self.chars[i] == '('
                && self.note_at(i)
                && let Some(close) = self.close_of(i).filter(|&c| c < b)
            {
                i = close + 1;
                continue;
            }
            out.push(self.chars[i]);
            i += 1;
        }
        out
    }

    /// Makes a candidate of `start..end`; an item of a list is named with the
    /// list's shared kind and ending appended (`shared`).
    fn candidate(
        &self,
        start: usize,
        end: usize,
        source: Source,
        class: Option<EndingClass>,
        shared: &str,
    ) -> Option<ProjectMention> {
        let written_start = start;
        let (start, district) = self.read_prefixes(start, end);
        if start >= end {
            return None;
        }
        let mut name = balance(&self.name_text(start, end));
        name.push_str(shared);
        if name.chars().count() < 2 {
            return None;
        }
        let mut aliases = Vec::new();
        if written_start < start {
            let prefix = self.name_text(written_start, start);
            aliases.push(format!("{prefix}{name}"));
        }
        // A district kept in the name (龙岗区第六人民医院…): the name goes also
        // without it.
        if let Some(d) = self.m.districts.iter().find(|d| d.at == start)
            && d.len + 3 <= name.chars().count()
        {
            aliases.push(name.chars().skip(d.len).collect());
        }
        // A street or town before the name: the name goes also without it.
        if let Some(n) = (3..=7).find(|n| {
            let t: String = name.chars().take(*n).collect();
            (t.ends_with("街道") || t.ends_with(['镇', '乡']))
                && self.rules.gazetteer.counties_of_street(&t).next().is_some()
        }) && name.chars().count() >= n + 3
        {
            aliases.push(name.chars().skip(n).collect());
        }
        // A city before the name: the name goes with it, and also without.
        if let Some(c) = self.m.cities.iter().find(|c| c.at == start)
            && c.len + 2 <= name.chars().count()
            && self.word_start(c.at + c.len)
        {
            aliases.push(name.chars().skip(c.len).collect());
        }
        // A zone or park the work stands in, written before its name
        // (…工业园石空工业区宁夏某某特钢项目, …古城片区古荥镇…安置房项目): the name
        // goes also without it, from after each such ending.
        for q in start + 3..end.saturating_sub(3) {
            if matches!(
                self.ending_at(q),
                Some((_, EndingClass::Zone | EndingClass::Park, _))
            ) && self.word_start(q)
                // Not what is done to the park itself (…滑雪场建设项目,
                // …古镇保护开发项目, …大学城二期项目): no name of its own.
                && ![
                    WordKind::Build,
                    WordKind::Develop,
                    WordKind::Phase,
                    WordKind::Stop,
                    WordKind::Stage,
                    WordKind::Generic,
                ]
                .iter()
                .any(|k| self.starts(q, *k).is_some())
                && end - q >= 5
            {
                let mut rest = balance(&self.name_text(q, end));
                rest.push_str(shared);
                aliases.push(rest);
            }
        }
        aliases.retain(|a| *a != name);
        Some(ProjectMention {
            at: start,
            len: end - start,
            name,
            aliases,
            district,
            source,
            ending: class,
            stage: None,
            signs: Vec::new(),
            score: 0.0,
            project: false,
            venue: false,
            whole_item: false,
        })
    }
}

/// True when a works word of class `next` right after one of class `class`
/// goes on with the same name: 项目 after anything, what is done to it, a
/// campus of a school (东坪中学新校区), a park of a park (科技园通州园).
fn continues_name(class: EndingClass, next: EndingClass) -> bool {
    use EndingClass::*;
    matches!(
        (class, next),
        (_, Works | Done)
            | (Institution, Institution | Park)
            | (Park, Park | Institution)
            | (Hall, Hall | Park)
    )
}

/// Drops a leading close mark or trailing open mark that a cut left behind.
fn balance(name: &str) -> String {
    let mut s = name.trim_start_matches([')', '”', '、']).to_string();
    if s.matches(')').count() > s.matches('(').count()
        && let Some(i) = s.find(')')
    {
        s = s[i + 1..].to_string();
    }
    if s.matches('(').count() > s.matches(')').count() && s.ends_with('(') {
        s.pop();
    }
    let (open, close) = (s.matches('“').count(), s.matches('”').count());
    if open > close {
        s = s.replacen('“', "", 1);
    } else if close > open {
        s = s.replacen('”', "", 1);
    }
    s
}

/// Every project candidate of a sentence, scored; see the module docs.
pub fn candidates(rules: &Rules, jieba: &Jieba, m: &Mentions) -> Vec<ProjectMention> {
    let r = Reading::new(rules, jieba, m);
    let mut out: Vec<ProjectMention> = Vec::new();
    by_ending(&r, &mut out);
    let (lists, others) = by_list(&r, &mut out);
    // Across a list's 等 or over its closing words, only the items are names.
    out.retain(|c| {
        c.source == Source::List || !lists.iter().any(|&(a, b)| c.at < b && a < c.at + c.len)
    });
    by_quote(&r, &mut out);
    by_stage(&r, &mut out);
    by_line_number(&r, &mut out);
    // The same span found twice keeps one entry; a list's wins.
    out.sort_by(|a, b| (a.at, a.len, &a.name, a.source).cmp(&(b.at, b.len, &b.name, b.source)));
    let mut merged: Vec<ProjectMention> = Vec::new();
    for c in out {
        match merged.last_mut() {
            Some(last) if last.at == c.at && last.len == c.len && last.name == c.name => {
                if c.source == Source::List {
                    last.source = Source::List;
                }
                if last.ending.is_none() {
                    last.ending = c.ending;
                }
            }
            _ => merged.push(c),
        }
    }
    // A name inside 《》 is named by a document's title.
    let titled = |c: &ProjectMention| {
        let before = r.chars[..c.at]
            .iter()
            .rposition(|ch| matches!(ch, '《' | '》'));
        before.is_some_and(|p| r.chars[p] == '《')
    };
    for c in &mut merged {
        let end = c.at + c.len;
        c.whole_item = c.source == Source::List
            && c.at > 0
            && r.chars[c.at - 1] == '、'
            && r.chars.get(end).is_some_and(|ch| matches!(ch, '、' | '等'));
        c.signs = signs(&r, jieba, c, &lists);
        if titled(c) {
            c.signs.push(Feature::InTitle);
            c.signs.sort();
        }
        if others.iter().any(|&(a, b)| c.at < b && a < c.at + c.len) {
            c.signs.push(Feature::ListedOther);
            c.signs.sort();
        }
        c.score = rules.project_model.score(&c.signs);
        c.project = c.score >= rules.project_model.threshold;
        c.venue = is_venue(&r, c.at, c.at + c.len);
        c.stage = stage(&r, c.at, c.at + c.len);
    }
    merged
}

/// The projects and venues of a sentence: candidates that score as projects,
/// the longest where two overlap, and candidates that are venues.
///
/// ```
/// use govgraph::rules::Rules;
/// use govgraph::extract::mention::{Mentions, project};
/// let rules = Rules::builtin();
/// let jieba = jieba_rs::Jieba::new();
/// let m = Mentions::find(&rules, &jieba, "福田区恒远新材生产研发基地、明达光显等31个项目投产投运。");
/// let names: Vec<_> = project::find(&rules, &jieba, &m).into_iter().map(|p| p.name).collect();
/// assert_eq!(names, ["恒远新材生产研发基地", "明达光显"]);
/// ```
pub fn find(rules: &Rules, jieba: &Jieba, m: &Mentions) -> Vec<ProjectMention> {
    select(&candidates(rules, jieba, m))
}

/// The candidates [`find`] keeps: projects, the longest where two overlap, and
/// venues.
pub fn select(all: &[ProjectMention]) -> Vec<ProjectMention> {
    let kept: Vec<&ProjectMention> = all.iter().filter(|c| c.project).collect();
    let mut out: Vec<ProjectMention> = Vec::new();
    for c in all {
        let inside_longer = kept.iter().any(|k| {
            // A list item hides what lies inside it only where the list's marks
            // bound it on both sides: the first item's start is read, not seen.
            let longer = k.len > c.len && (k.source != Source::List || k.whole_item);
            // A list item named with its list's kind wins over its bare name.
            let named = k.len == c.len && k.source == Source::List && c.source != Source::List;
            k.at <= c.at && c.at + c.len <= k.at + k.len && (longer || named)
        });
        if (c.project || c.venue) && !inside_longer {
            out.push(c.clone());
        }
    }
    out.dedup_by(|b, a| a.name == b.name);
    out
}

/// Candidates ending in a works word.
fn by_ending(r: &Reading, out: &mut Vec<ProjectMention>) {
    let first = out.len();
    let mut last_end = 0;
    for end in 1..=r.n() {
        let Some((at, class, min_chars)) = r.ending_at(end) else {
            continue;
        };
        if end <= last_end {
            continue;
        }
        let (stop, class) = r.extend(end, class);
        let joined = matches!(class, EndingClass::Works | EndingClass::Road);
        let between = if stop > end { 2 } else { 3 };
        let start =
            quoted_start(r, at, stop).unwrap_or_else(|| r.start_between(at, joined, between));
        if let Some(c) = r.candidate(start, stop, Source::Ending, Some(class), "") {
            let false_ending = r
                .rules
                .project_words
                .of(WordKind::FalseEnding)
                .iter()
                .any(|f| c.name.ends_with(f.as_str()));
            if c.name.chars().count() >= min_chars && !false_ending {
                shared_heads(r, &c, stop, out);
                out.push(c);
            }
        }
        last_end = stop;
    }
    // "区中医院、区妇幼保健院改扩建": what is done is said once for the list.
    let words = &r.rules.project_words;
    for k in (first..out.len().saturating_sub(1)).rev() {
        let (a, b) = (&out[k], &out[k + 1]);
        let joined = a.at + a.len + 1 == b.at && r.chars.get(a.at + a.len) == Some(&'、');
        let done = words
            .endings
            .iter()
            .filter(|e| e.class == EndingClass::Done && b.name.ends_with(e.word.as_str()))
            .max_by_key(|e| e.word.len());
        let finished = matches!(a.ending, Some(EndingClass::Works | EndingClass::Done));
        if let (true, Some(done), false) = (joined, done, finished) {
            let word = done.word.clone();
            out[k].name.push_str(&word);
            out[k].ending = Some(EndingClass::Done);
        }
    }
}

/// Where a name in quotes starts: the quote closes right after its works word
/// (“智能装备专业园区”) or right before it (“城市之眼”项目).
fn quoted_start(r: &Reading, head_at: usize, stop: usize) -> Option<usize> {
    let open_before = |close: usize| -> Option<usize> {
        let from = close.saturating_sub(30);
        let open = r.chars[from..close].iter().rposition(|c| *c == '“')? + from;
        (!r.chars[open + 1..close].contains(&'”')).then_some(open)
    };
    if r.chars.get(stop) == Some(&'”') {
        return open_before(stop).map(|o| o + 1);
    }
    if head_at > 0 && r.chars[head_at - 1] == '”' {
        let open = open_before(head_at - 1)?;
        let start = r.start_of(open, false);
        return Some(start.min(open));
    }
    None
}

/// A head shared by the items after a name: "青石科技园一期、二期" gives
/// 青石科技园二期; a list of places before it shares its ending:
/// "东坪、西坪文体中心" gives 东坪文体中心.
fn shared_heads(r: &Reading, c: &ProjectMention, end: usize, out: &mut Vec<ProjectMention>) {
    // Items after that are a phase (X一期、二期) or a works word of the same
    // kind with a word or two (X医学院、音乐学院): they share X.
    let item_after = |at: usize| -> Option<(usize, String)> {
        let len = r.chars[at..].iter().take_while(|c| name_char(**c)).count();
        if !(2..=4).contains(&len) {
            return None;
        }
        let (ending_at, class, _) = r.ending_at(at + len)?;
        // 音乐学院 after 医学院 is one more of the same; 青石路 after 东坪路
        // names a road of its own.
        let own_name = ending_at > at && r.names_something(at, at + len);
        (Some(class) == c.ending && class != EndingClass::Works && !own_name)
            .then(|| (len, r.text(at, at + len)))
    };
    if let Some(own) = r.ending[end]
        .iter()
        .filter(|h| h.kind == WordKind::Ending && h.at >= c.at)
        .max_by_key(|h| h.len)
        && r.starts(end, WordKind::Phase).is_none()
    {
        let head = r.text(c.at, own.at);
        let mut at = end;
        while r.chars.get(at) == Some(&'、')
            && let Some((len, item)) = item_after(at + 1)
        {
            out.push(ProjectMention {
                at: at + 1,
                len,
                name: format!("{head}{item}"),
                aliases: Vec::new(),
                ..c.clone()
            });
            at += 1 + len;
        }
    }
    let phase_of = |at: usize| r.starts(at, WordKind::Phase);
    if let Some(own) = (c.at..end)
        .rev()
        .find_map(|p| phase_of(p).filter(|h| h.at + h.len == end))
    {
        let head = r.text(c.at, own.at);
        let mut at = end;
        while r.chars.get(at) == Some(&'、')
            && let Some(h) = phase_of(at + 1)
        {
            let phase = r.word(&h).to_string();
            out.push(ProjectMention {
                at: at + 1,
                len: h.len,
                name: format!("{head}{phase}"),
                aliases: Vec::new(),
                ..c.clone()
            });
            at = h.at + h.len;
        }
    }
    // Places before: A、B文体中心, where B is a place (jieba's ns) and so is A.
    // A place: a district, a street or town the gazetteer knows (布吉 for
    // 布吉街道), or what jieba calls one.
    let place_len = |at: usize| -> Option<usize> {
        if let Some(d) = r.m.districts.iter().find(|d| d.at == at) {
            return Some(d.len);
        }
        let (_, n) = r.token(at)?;
        let word = r.text(at, (at + n).min(r.n()));
        let street = crate::rules::TOWN_UNITS.iter().any(|s| {
            r.rules
                .gazetteer
                .counties_of_street(&format!("{word}{s}"))
                .next()
                .is_some()
        });
        let ns = r.token(at).is_some_and(|(tag, _)| tag == "ns");
        ((street || ns) && (2..=4).contains(&n)).then_some(n)
    };
    if c.at < 3 || r.chars[c.at - 1] != '、' {
        return;
    }
    let Some(head) = place_len(c.at) else {
        return;
    };
    let rest = r.text(c.at + head, c.at + c.len);
    if rest.chars().count() < 2 {
        return;
    }
    let mut item_end = c.at - 1;
    // A whole item of the list: nothing of a name right before it.
    while let Some(item_start) = (item_end.saturating_sub(4)..item_end).find(|&s| {
        place_len(s) == Some(item_end - s)
            && (s == 0 || !name_char(r.chars[s - 1]) || r.chars[s - 1] == '、')
    }) {
        out.push(ProjectMention {
            at: item_start,
            len: item_end - item_start,
            name: format!("{}{rest}", r.text(item_start, item_end)),
            aliases: Vec::new(),
            ..c.clone()
        });
        if item_start == 0 || r.chars[item_start - 1] != '、' {
            break;
        }
        item_end = item_start - 1;
    }
}

/// Items of a list closed by 等…项目 ("A、B等31个项目", "A、B等重点项目").
/// Returns the spans from each list's 等 to the end of its closing works
/// word, and the items of lists closed by something else ("等17家重点企业").
fn by_list(r: &Reading, out: &mut Vec<ProjectMention>) -> (Spans, Spans) {
    let words = &r.rules.project_words;
    let mut lists = Vec::new();
    let mut others = Vec::new();
    for k in 1..r.n() {
        if by_count(r, k, out, &mut lists) {
            continue;
        }
        if by_heading(r, k, out, &mut lists) {
            continue;
        }
        if r.chars[k] != '等' || !name_char(r.chars[k - 1]) {
            continue;
        }
        // After 等: numbers and closer words, then (a kind of work, then) 项目/工程,
        // within 16 characters of one clause.
        let mut at = k + 1;
        loop {
            if r.starts(at, WordKind::Ending).is_some() {
                break;
            } else if let Some(h) = r.starts(at, WordKind::Closer) {
                at += h.len;
            } else if r.chars.get(at).is_some_and(|c| numeral(*c)) {
                at += 1;
            } else {
                break;
            }
        }
        let kind_from = at;
        let limit = (k + 17).min(r.n());
        // "等一批百亿级、十亿级重大项目": judgements listed between.
        let Some(works_at) = (kind_from..limit)
            .take_while(|&p| !clause_mark(r.chars[p]))
            .find(|&p| {
                r.starts(p, WordKind::Ending)
                    .is_some_and(|h| words.endings[h.index].class == EndingClass::Works)
            })
        else {
            // A list closed by another works word (等商业综合体) is of works of
            // that kind; one closed by another noun (等17家企业) of other things.
            let other_works = (kind_from..limit)
                .take_while(|&p| !clause_mark(r.chars[p]) && r.chars[p] != '、')
                .find_map(|p| r.starts(p, WordKind::Ending).map(|h| (p, h)))
                .filter(|(p, h)| {
                    words.endings[h.index].class != EndingClass::Institution
                        && r.ending_at(p + h.len).is_some()
                });
            match other_works {
                Some((p, _)) if !r.m.verbs.iter().any(|v| v.at > k && v.at < p) => {
                    for (a, b) in list_items(r, k) {
                        let own = r.ending_at(b).map(|(_, c, _)| c);
                        if let Some(c) = r.candidate(a, b, Source::List, own, "") {
                            out.push(c);
                        }
                    }
                }
                _ if r.chars.get(kind_from).is_some_and(|c| is_han(*c)) => {
                    others.extend(list_items(r, k));
                }
                _ => {}
            }
            continue;
        };
        let works_end = works_at + r.starts(works_at, WordKind::Ending).map_or(2, |h| h.len);
        // "等地调研重点项目": a verb between 等 and 项目 says the list is of
        // something else (places), and the 项目 is its object.
        // Not a word that judges the works (等19个新建项目, 等建设项目).
        // A closer read before the kind (等新签约项目) is none.
        let verb_between = r.starting[kind_from..works_at].iter().flatten().any(|h| {
            h.at + h.len <= works_at
                && matches!(
                    h.kind,
                    WordKind::Stop | WordKind::Visit | WordKind::Stage | WordKind::Build
                )
                && !only_judgement(r, r.word(h))
        }) || r
            .m
            .verbs
            .iter()
            .any(|v| v.at >= kind_from && v.at < works_at);
        if verb_between {
            continue;
        }
        // A kind of work is passed on to the items ("等利益统筹项目"); a judgement
        // (重点), a count, an amount or a broad category is not.
        let kind = r.text(kind_from, works_at);
        let specific = !kind.is_empty()
            && kind.chars().all(is_han)
            && !kind.chars().any(|c| "的个亿万元".contains(c))
            // A generic kind (`list_kind`: 等城市更新项目) is passed on too.
            && (!only_judgement(r, &kind) || words.has(WordKind::ListKind, &kind));
        let shared = if specific {
            r.text(kind_from, works_end)
        } else {
            String::new()
        };
        let items = list_items(r, k);
        if of_people(r, &items) {
            continue;
        }
        lists.push((k, works_end));
        let mut bounds = Vec::with_capacity(items.len());
        for (a, b) in items {
            // An item ends before a verb it ends with ("盛扬柔创能注册落地").
            let mut b = b;
            while let Some(h) = r.ending[b].iter().find(|h| {
                h.len > 1 && h.at > a && matches!(h.kind, WordKind::Stop | WordKind::Stage)
            }) {
                b = h.at;
            }
            // ... and starts after one it holds; but an item between marks of
            // the list only after one it opens with ("、新建甲项目"): a word
            // inside it is part of its name ("、某某公路建设(一期)工程、"),
            // unless the item holds a clause of its own, 在 and a place
            // ("、乙企业在某区布局丙、").
            let bounded = a > 0
                && r.chars[a - 1] == '、'
                && !(a + 1..b)
                    .any(|p| r.chars[p] == '在' && r.word_start(p) && r.word_start(p + 1));
            let cut = (a + 1..b).rev().find(|&p| {
                r.barrier[p]
                    || (r.stop_ends(p, b, false)
                        && (!bounded || r.ending[p].iter().any(|h| h.at == a)))
            });
            // Cut inside, after words of its own, the item holds the clause
            // that opens the list ("甲、乙们先后到丙、丁等项目"): what stands
            // before it is no item.
            // Only those who go, written before the verb (代表们先后到…,
            // 一行依次来到…), make it the clause; a range's mark (甲至乙改建
            // 项目) or a building word inside a name does not.
            let opens_list = cut.is_some_and(|p| {
                r.ending[p].iter().any(|h| {
                    h.kind == WordKind::Stop
                        && h.at > a
                        && ["们", "先后", "分别", "依次", "一行"]
                            .iter()
                            .any(|w| crate::extract::word_ends_at(r.chars, h.at, w))
                })
            });
            bounds.push((cut.unwrap_or(a), b, opens_list));
        }
        let first = bounds.iter().rposition(|x| x.2).unwrap_or(0);
        for &(a, b, _) in &bounds[first..] {
            if b <= a {
                continue;
            }
            let own = r.ending_at(b).map(|(_, c, _)| c);
            // An item that says what is done to its work (甲改造) names it
            // whole: "甲改造等24个街区精致化建设项目" is 甲改造, not 甲改造街区….
            let works = matches!(own, Some(EndingClass::Works | EndingClass::Done));
            let (shared_here, class_here) = match (works, specific) {
                (false, true) => (shared.as_str(), Some(EndingClass::Works)),
                _ => ("", own),
            };
            if let Some(c) = r.candidate(a, b, Source::List, class_here, shared_here) {
                out.push(c);
            }
        }
    }
    (lists, others)
}

/// Items of a list closed by a count and a works word: "合成生物研究、脑解析与
/// 脑模拟两个大科学装置", "石岩、燕罗两个文体中心" (each item with the works word).
/// True when `k` starts such a closer.
fn by_count(r: &Reading, k: usize, out: &mut Vec<ProjectMention>, lists: &mut Spans) -> bool {
    // The count follows the last item itself, not 等 or another word.
    if !numeral(r.chars[k])
        || !is_han(r.chars[k - 1])
        || numeral(r.chars[k - 1])
        || r.ending[k].iter().any(|h| h.kind == WordKind::Stop)
    {
        return false;
    }
    let count = r.chars[k..].iter().take_while(|c| numeral(**c)).count();
    if !r
        .chars
        .get(k + count)
        .is_some_and(|c| "个座条所家项".contains(*c))
    {
        return false;
    }
    let from = k + count + 1;
    // "甲村、乙3个村城市更新项目": the items are villages; one named so
    // already (甲村) does not take the unit again.
    let unit = r
        .starts(from, WordKind::ItemUnit)
        .filter(|h| {
            r.starts(from, WordKind::Ending)
                .is_none_or(|e| e.len <= h.len)
        })
        .map(|h| r.word(&h).to_string());
    let Some(end) = (from + 2..=(from + 10).min(r.n())).find(|&e| {
        r.ending_at(e).is_some() && (e == r.n() || !name_char(r.chars[e]) || r.word_start(e))
    }) else {
        return false;
    };
    let items = list_items(r, k);
    if items.len() < 2 || of_people(r, &items) {
        return false;
    }
    let kind = r.text(from, end);
    if only_judgement(r, &kind) || !kind.chars().all(is_han) {
        return false;
    }
    let class = r.ending_at(end).map(|(_, c, _)| c);
    for (a, b) in items {
        let own = r.ending_at(b).map(|(_, c, _)| c);
        let named_so = unit.as_deref().filter(|u| r.text(a, b).ends_with(u));
        let shared = match (own, named_so) {
            (Some(_), _) => "",
            (None, Some(u)) => &kind[u.len()..],
            (None, None) => kind.as_str(),
        };
        if let Some(c) = r.candidate(a, b, Source::List, own.or(class), shared) {
            out.push(c);
        }
    }
    lists.push((k, end));
    true
}

/// Items of a list a count of works introduces (`list_intro`): "产业类项目12项,
/// 具体为:甲、乙、丙等", "开工项目3个,分别是甲、乙、丙". True when `k` starts
/// such a list's first item. Linear in the list.
fn by_heading(r: &Reading, k: usize, out: &mut Vec<ProjectMention>, lists: &mut Spans) -> bool {
    let words = &r.rules.project_words;
    // The introducer ends right before `k`, a colon after it or not.
    let colon = matches!(r.chars[k - 1], ':' | '：');
    if matches!(r.chars[k], ':' | '：') {
        return false;
    }
    let intro_end = if colon { k - 1 } else { k };
    let Some(intro) = (intro_end.saturating_sub(4)..intro_end)
        .filter_map(|p| r.starts(p, WordKind::ListIntro))
        .find(|h| h.at + h.len == intro_end)
    else {
        return false;
    };
    // Before it: 项目 or 工程, a count, a comma.
    let mut p = intro.at;
    while p > 0 && matches!(r.chars[p - 1], ',' | '，') {
        p -= 1;
    }
    if p > 0 && "个项".contains(r.chars[p - 1]) {
        let digits = r.chars[..p - 1]
            .iter()
            .rev()
            .take_while(|c| numeral(**c))
            .count();
        if digits > 0 {
            p -= digits + 1;
        }
    }
    let works = r.ending[p]
        .iter()
        .any(|h| h.kind == WordKind::Ending && words.endings[h.index].class == EndingClass::Works);
    if !works {
        return false;
    }
    // The items: joined by 、 up to 等 or the clause's end.
    let end = (k..r.n().min(k + 240))
        .find(|&q| matches!(r.chars[q], '等' | '。' | ';' | '；' | '\n' | ',' | '，'))
        .unwrap_or(r.n());
    let mut items = Vec::new();
    let mut a = k;
    // 和 or 及 between words joins two items too ("分别是甲和乙"; 和平 is a word).
    let joins =
        |q: usize| matches!(r.chars[q], '和' | '及') && r.word_start(q) && r.word_start(q + 1);
    for q in k..=end {
        if q == end || r.chars[q] == '、' || joins(q) {
            if q > a && q - a <= 24 {
                items.push((a, q));
            }
            a = q + 1;
        }
    }
    if items.len() < 2 || of_people(r, &items) {
        return false;
    }
    for (a, b) in items {
        let own = r.ending_at(b).map(|(_, c, _)| c);
        if let Some(c) = r.candidate(a, b, Source::List, own, "") {
            out.push(c);
        }
    }
    // The list's span opens at the count of works: its words (竣工项目两个)
    // are said of the items.
    lists.push((p, end));
    true
}

/// The items of a list closed by the 等 at `k`, left to right: after '、'
/// each, the first from where a name may start.
fn list_items(r: &Reading, k: usize) -> Vec<(usize, usize)> {
    // The items, right to left.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut item_end = k;
    let mut p = k;
    // An item between two marks may be long (a road's works with its range);
    // the first one, which only its start bounds, is read back as a name.
    while p > 0 && item_end - p <= 40 {
        let c = r.chars[p - 1];
        if c == '、' {
            items.push((p, item_end));
            item_end = p - 1;
        } else if !name_char(c) {
            break;
        }
        p -= 1;
    }
    let first = r.start_of(item_end, false);
    if first < item_end && item_end - first <= 24 {
        items.push((first, item_end));
    }
    // "甲、乙及丙等": 及 or 和 before a list's last item joins it to the list.
    if items.len() >= 2 {
        let (a, b) = items[0];
        // jieba may read the mark with the next item's head (及戊己), a
        // word of no dictionary; 和平 is one and stays whole.
        let apart = |q: usize| {
            r.word_start(q + 1)
                || r.token(q)
                    .is_some_and(|(_, n)| !r.jieba.has_word(&r.text(q, (q + n).min(r.n()))))
        };
        if let Some(q) = (a + 2..b.saturating_sub(2))
            .find(|&q| matches!(r.chars[q], '及' | '和') && r.word_start(q) && apart(q))
        {
            items[0] = (q + 1, b);
            items.insert(1, (a, q));
        }
    }
    items.reverse();
    items
}

/// True when half the items of a list or more hold a person's name: a list
/// of people ("甲、乙等分管项目县级领导"), not of works.
fn of_people(r: &Reading, items: &[(usize, usize)]) -> bool {
    let people = items
        .iter()
        .filter(|&&(a, b)| r.m.people.iter().any(|p| p.at >= a && p.at + p.len <= b))
        .count();
    people > 0 && people * 2 >= items.len()
}

/// True when `text` is made of judgement and generic words only, listed or
/// not (重点, 社会民生, 百亿级、十亿级重大, 新建).
fn only_judgement(r: &Reading, text: &str) -> bool {
    let words = &r.rules.project_words;
    let mut list: Vec<&String> = words
        .of(WordKind::Judgement)
        .iter()
        .chain(words.of(WordKind::Generic))
        .collect();
    list.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let mut rest = text.replace('、', "");
    for g in list {
        rest = rest.replace(g.as_str(), "");
    }
    rest.is_empty()
}

/// Names in quotes with a project sign in their clause: “湾区之眼”.
fn by_quote(r: &Reading, out: &mut Vec<ProjectMention>) {
    let mut open = None;
    for (i, c) in r.chars.iter().enumerate() {
        match c {
            '“' => open = Some(i),
            '”' => {
                let in_note =
                    |o: usize| (o.saturating_sub(6)..o).any(|p| r.chars[p] == '(' && r.note_at(p));
                if let Some(o) = open.take()
                    && (2..=30).contains(&(i - o - 1))
                    && !in_note(o)
                    && r.ending_at(i).is_none()
                    && r.starts(i + 1, WordKind::Ending).is_none()
                    && let Some(cand) = r.candidate(o + 1, i, Source::Quote, None, "")
                {
                    out.push(cand);
                }
            }
            _ => {}
        }
    }
}

/// Numbered lines: "9号线二期", "地铁6、8号线一期工程" (one
/// candidate per line). A line named without a phase or 工程 is a service,
/// not a works, and is left alone.
fn by_line_number(r: &Reading, out: &mut Vec<ProjectMention>) {
    static LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(地铁|轨道)?((?:\d{1,2}、)*\d{1,2})号线([一二三四五六七八九十]期)?(工程)?",
        )
        .expect("line pattern is valid")
    });
    let text = &r.m.text;
    // "地铁29号线一期、20号线二期工程": the metro word of a list's first line
    // is its next lines' too.
    let mut carried: Option<(usize, String)> = None;
    for c in LINE.captures_iter(text) {
        let (Some(whole), Some(numbers)) = (c.get(0), c.get(2)) else {
            continue;
        };
        if c.get(3).is_none() && c.get(4).is_none() {
            continue;
        }
        let at = text[..whole.start()].chars().count();
        let len = whole.as_str().chars().count();
        let metro = match (c.get(1), &carried) {
            (Some(m), _) => m.as_str().to_string(),
            (None, Some((end, word))) if *end + 1 == whole.start() => word.clone(),
            _ => String::new(),
        };
        carried = (!metro.is_empty() && text[whole.end()..].starts_with('、'))
            .then(|| (whole.end() + '、'.len_utf8() - 1, metro.clone()));
        let rest = format!(
            "{}{}",
            c.get(3).map_or("", |m| m.as_str()),
            c.get(4).map_or("", |m| m.as_str())
        );
        let class = if c.get(4).is_some() {
            EndingClass::Works
        } else {
            EndingClass::Road
        };
        for n in numbers.as_str().split('、') {
            let name = format!("{metro}{n}号线{rest}");
            // The lines of a list all stand where the list does.
            out.retain(|o| !(o.at >= at && o.at + o.len <= at + len && o.source != Source::List));
            out.push(ProjectMention {
                at,
                len,
                name,
                aliases: Vec::new(),
                district: None,
                source: Source::List,
                ending: Some(class),
                stage: None,
                signs: Vec::new(),
                score: 0.0,
                project: false,
                venue: false,
                whole_item: false,
            });
        }
    }
}

/// The phrase before a stage word: "金鑫电器二期投产", "某某项目正式开工".
fn by_stage(r: &Reading, out: &mut Vec<ProjectMention>) {
    let adverbs = r.rules.project_words.of(WordKind::Adverb);
    for at in 1..r.n() {
        let Some(h) = r.starts(at, WordKind::Stage) else {
            continue;
        };
        if !r.word_start(at) {
            continue;
        }
        // A stage word naming an event (奠基仪式, 开工活动) has no subject here.
        let after = h.at + h.len;
        if r.rules
            .event_nouns
            .iter()
            .any(|e| crate::extract::word_at(r.chars, after, e))
        {
            continue;
        }
        // Back over adverbs and other stage words: 即将完工, 完工投产.
        let mut end = at;
        loop {
            let adverb = adverbs
                .iter()
                .find(|w| crate::extract::word_ends_at(r.chars, end, w))
                .map(|w| w.chars().count());
            let stage = r.ending[end]
                .iter()
                .filter(|w| w.kind == WordKind::Stage)
                .map(|w| w.len)
                .max();
            match adverb.or(stage) {
                Some(n) if n <= end => end -= n,
                _ => break,
            }
        }
        if end == 0
            || !name_char(r.chars[end - 1])
            || r.barrier[end]
            || r.stop_ends(end, usize::MAX, false)
            || r.ending_at(end).is_some()
        {
            continue;
        }
        let start = r.start_of(end, false);
        if end - start >= 3
            && let Some(c) = r.candidate(start, end, Source::Stage, None, "")
        {
            out.push(c);
        }
    }
}

/// The stage the sentence gives a name it holds (a user's project, found by
/// its name): as for candidates, the stage word of its clause.
pub fn stage_of(rules: &Rules, jieba: &Jieba, m: &Mentions, name: &str) -> Option<String> {
    let byte = m.text.find(name)?;
    let at = m.text[..byte].chars().count();
    stage(
        &Reading::new(rules, jieba, m),
        at,
        at + name.chars().count(),
    )
}

/// The signs a candidate shows. An item of a list a count of works
/// introduces (`lists`, see [`by_heading`]) reads its clause from the count
/// on: "竣工项目两个,分别是甲、乙" says 竣工 of 甲 and 乙.
fn signs(r: &Reading, jieba: &Jieba, c: &ProjectMention, lists: &Spans) -> Vec<Feature> {
    let words = &r.rules.project_words;
    let (a, b) = (c.at, c.at + c.len);
    let mut out = Vec::new();
    match c.ending {
        Some(class) => out.push(Feature::of_ending(class)),
        None => out.push(Feature::NoEnding),
    }
    if c.source == Source::List {
        out.push(Feature::Listed);
    }
    let quoted = a > 0 && r.chars[a - 1] == '“' || c.name.starts_with('“');
    if quoted || c.source == Source::Quote {
        out.push(Feature::Quoted);
    }
    let (mut from, to) = r.clause(a, b);
    if c.source == Source::List
        && let Some(&(intro, _)) = lists.iter().find(|&&(p, e)| p < a && b <= e)
    {
        from = from.min(r.clause(intro, intro + 1).0);
    }
    let in_clause = |kind: WordKind| {
        r.starting[from..to]
            .iter()
            .flatten()
            .any(|h| h.kind == kind && h.at + h.len <= to && (h.at + h.len <= a || h.at >= b))
    };
    if in_clause(WordKind::Stage) {
        out.push(Feature::StageWord);
    }
    // "甲产业园开园", "甲项目正式开工": the work is the stage's subject.
    let mut next = b;
    while let Some(h) = r.starts(next, WordKind::Adverb) {
        next += h.len;
    }
    if r.starts(next, WordKind::Stage).is_some() {
        out.push(Feature::StageNext);
    }
    if in_clause(WordKind::Build) {
        out.push(Feature::BuildVerb);
    }
    if in_clause(WordKind::Develop) {
        out.push(Feature::DevelopVerb);
    }
    if in_clause(WordKind::Visit) {
        out.push(Feature::VisitVerb);
    }
    // "5000万元以下项目": an amount that bounds works of no name invests in none.
    if money_before(r.chars, a).is_some() && !generic(r, c) {
        out.push(Feature::Invested);
    }
    // An item of an enumeration: "来到A、B和C".
    let before = a.checked_sub(1).map(|p| r.chars[p]);
    let after = r.chars.get(b).copied();
    if matches!(before, Some('、')) || matches!(after, Some('、' | '和' | '及')) {
        out.push(Feature::Enumerated);
    }
    // The sentence is about works: 项目 or 工程 stands in it, outside the name.
    let works_word = (0..r.n()).any(|p| {
        (p + 2 <= a || p >= b)
            && r.starting[p].iter().any(|h| {
                h.kind == WordKind::Ending
                    && r.rules.project_words.endings[h.index].class == EndingClass::Works
            })
    });
    if works_word {
        out.push(Feature::WorksSentence);
    }
    let tags: Vec<&str> = (a..b).filter_map(|p| r.token(p)).map(|(t, _)| t).collect();
    // A place that tells which work (南湾物流园); the district or city a name
    // opens with only says whose it is (龙岗区重点项目).
    let inside_district = |p: usize| {
        r.m.districts
            .iter()
            .map(|d| (d.at, d.len))
            .chain(r.m.cities.iter().map(|d| (d.at, d.len)))
            .any(|(at, len)| at <= p && p < at + len)
    };
    let place = r.m.districts.iter().any(|d| d.at > a && d.at < b)
        || (a..b).any(|p| r.token(p).is_some_and(|(t, _)| t == "ns") && !inside_district(p));
    if place {
        out.push(Feature::HasPlace);
    }
    let proper = tags
        .iter()
        .any(|t| matches!(*t, "nz" | "nt" | "nr" | "nrt" | "nrfg" | "eng"))
        || c.name.chars().any(|ch| ch.is_ascii_alphabetic());
    if proper {
        out.push(Feature::HasProperName);
    }
    // A number that names (3号线, 220千伏, 二期), not an amount, a year or a
    // count (5000万元以上, 2025年, 11个).
    let chars: Vec<char> = c.name.chars().collect();
    let naming_digit = (0..chars.len()).any(|i| {
        let opens = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        let after = chars[i..]
            .iter()
            .find(|ch| !ch.is_ascii_digit() && **ch != '.');
        opens && !after.is_some_and(|ch| "万亿元年%个家件项批类".contains(*ch))
    });
    // An ordinal that names (第六人民医院, 第三水厂), not a count or a
    // classifier's (第一批, 第一条铁路).
    let ordinal = (0..chars.len()).any(|i| {
        let digits = chars[i + 1..]
            .iter()
            .take_while(|ch| "一二三四五六七八九十百零".contains(**ch))
            .count();
        chars[i] == '第'
            && digits > 0
            && chars
                .get(i + 1 + digits)
                .is_some_and(|ch| !"批次届个项轮季期条座家所位名".contains(*ch))
    });
    let number = naming_digit
        || ordinal
        || words
            .of(WordKind::Phase)
            .iter()
            .any(|p| c.name.contains(p.as_str()));
    if number {
        out.push(Feature::HasNumber);
    }
    let rare = rare_word(r, jieba, a, b);
    if rare {
        out.push(Feature::RareWord);
    }
    if !place && !proper && !number && !rare {
        out.push(Feature::Plain);
    }
    // Signs that count together, as a reader weighs them: a works word after a
    // name; a school being built; a road or park being built or pushed on.
    let named = place || proper || number || rare || quoted;
    let stage_or_build = out.contains(&Feature::StageWord) || out.contains(&Feature::BuildVerb);
    let pushed = stage_or_build || out.contains(&Feature::DevelopVerb);
    match c.ending {
        Some(EndingClass::Works | EndingClass::Done) if named => {
            out.push(Feature::NamedWorks);
            if place {
                out.push(Feature::PlaceWorks);
            }
        }
        // A school or an institute that signs (与甲研究院签署合作协议) is a
        // party to an agreement, not a work being built.
        Some(EndingClass::Institution)
            if out.contains(&Feature::BuildVerb)
                || (out.contains(&Feature::StageWord)
                    && stage(r, a, b).as_deref() != Some("签约")) =>
        {
            out.push(Feature::BuiltInstitution)
        }
        Some(
            EndingClass::Road
            | EndingClass::Park
            | EndingClass::Hall
            | EndingClass::Plant
            | EndingClass::Zone,
        ) if pushed => out.push(Feature::BuiltFacility),
        _ => {}
    }
    if generic(r, c) {
        out.push(Feature::Generic);
    }
    if category(r, c) {
        out.push(Feature::Category);
    }
    if judged_works(r, c) {
        out.push(Feature::JudgedWorks);
    }
    if counted(&c.name) {
        out.push(Feature::Counted);
    }
    if counted_works(&c.name) {
        out.push(Feature::CountedWorks);
    }
    let verb_inside = (a + 1..b.saturating_sub(1)).any(|p| {
        r.m.verbs
            .iter()
            .any(|v| v.at == p && v.at + v.len < b && r.word_start(p) && r.word_start(v.at + v.len))
            || r.starting[p].iter().any(|h| {
                h.kind == WordKind::Stop
                    && h.len > 1
                    && h.at + h.len < b.saturating_sub(1)
                    && r.word_start(h.at)
            })
    });
    if verb_inside {
        out.push(Feature::VerbInside);
    }
    if (a..b).any(|p| r.personal[p]) {
        out.push(Feature::PersonInside);
    }
    if c.district.is_some() {
        out.push(Feature::DistrictBefore);
    }
    // A function word, or a verb a clause opens with, at the name's head.
    if let Some((tag, n)) = r.token(a)
        && r.word_start(a)
    {
        let single_ok = n > 1
            || r.starting[a]
                .iter()
                .any(|h| h.kind == WordKind::Stop && h.len == 1);
        let function = single_ok && matches!(tag.chars().next(), Some('d' | 'p' | 'r' | 'c' | 'u'));
        let verb = tag.starts_with('v')
            && (r.m.verbs.iter().any(|v| v.at == a && v.len == n)
                || r.starting[a].iter().any(|h| {
                    h.len == n
                        && matches!(
                            h.kind,
                            WordKind::Stop | WordKind::Build | WordKind::Develop | WordKind::Visit
                        )
                }));
        if function || verb {
            out.push(Feature::OpensBadly);
        } else if tag.starts_with('v') && n > 1 {
            out.push(Feature::OpensWithVerb);
        }
    }
    let n = c.name.chars().count();
    if n <= 3 {
        out.push(Feature::Short);
    }
    if n > 24 {
        out.push(Feature::Long);
    }
    if is_venue(r, a, b) {
        out.push(Feature::Venue);
    }
    out.sort();
    out.dedup();
    out
}

/// Words rarer than this in jieba's dictionary (counts of its corpus) are rare.
const RARE: usize = 50;

/// True when the name before its works word holds a word jieba's dictionary
/// lacks or rarely saw: a proper name (正奇, 笋岗, 平盐) rather than a
/// description (公共实训, 企业国际化).
fn rare_word(r: &Reading, jieba: &Jieba, a: usize, b: usize) -> bool {
    let head_end = (a..b)
        .find(|&p| {
            r.starting[p]
                .iter()
                .any(|h| matches!(h.kind, WordKind::Ending | WordKind::Phase) && h.at + h.len == b)
        })
        .unwrap_or(b);
    // A name that starts inside one of jieba's words starts with a word jieba
    // did not know apart from its neighbour: 坪山正|奇 for 正奇.
    if a > 0 && !r.word_start(a) && r.chars[a - 1].is_alphabetic() && is_han(r.chars[a - 1]) {
        return true;
    }
    let mut p = a;
    while p < head_end {
        let Some((_, n)) = r.token(p) else {
            p += 1;
            continue;
        };
        let end = (p + n).min(head_end);
        let word = r.text(p, end);
        let han = word.chars().all(is_han);
        let inside_place =
            r.m.districts
                .iter()
                .chain(&[])
                .any(|d| d.at <= p && p < d.at + d.len);
        // Verbs and adjectives jieba guessed (抢抓, 树牢) are no names.
        let named_tag = r
            .token(p)
            .is_none_or(|(t, _)| !matches!(t.chars().next(), Some('v' | 'd' | 'a')));
        if han && !inside_place && named_tag {
            let known = jieba.has_word(&word);
            let freq = if known { jieba.suggest_freq(&word) } else { 0 };
            if (n >= 2 && freq < RARE) || (n == 1 && known && freq < RARE) {
                return true;
            }
        }
        p += n;
    }
    false
}

/// True when the name holds nothing but generic words, its ending and
/// counts: 重点项目, 民生实事项目, 2025年区级重大项目.
fn generic(r: &Reading, c: &ProjectMention) -> bool {
    let words = &r.rules.project_words;
    // Off its end: phases, works words and what is done (repeatedly), then
    // one more works word of any kind: 中心医院改扩建工程 leaves 中心.
    let mut rest = c.name.clone();
    loop {
        let before = rest.len();
        for p in words.of(WordKind::Phase) {
            if let Some(s) = rest.strip_suffix(p.as_str()) {
                rest = s.to_string();
            }
        }
        for e in words
            .endings
            .iter()
            .filter(|e| matches!(e.class, EndingClass::Works | EndingClass::Done))
        {
            if let Some(s) = rest.strip_suffix(e.word.as_str()) {
                rest = s.to_string();
                break;
            }
        }
        if rest.len() == before {
            break;
        }
    }
    if let Some(e) = words
        .endings
        .iter()
        .filter(|e| rest.ends_with(e.word.as_str()))
        .max_by_key(|e| e.word.len())
    {
        rest.truncate(rest.len() - e.word.len());
    }
    // Verbs, adverbs and function words tell what is done, not which work:
    // "要抓好重大项目", "牢固树立项目意识".
    for p in c.at..c.at + c.len {
        if let Some((tag, n)) = r.token(p)
            && p + n <= c.at + c.len
            && matches!(
                tag,
                "v" | "vd" | "d" | "ad" | "r" | "p" | "c" | "u" | "uj" | "ul" | "zg"
            )
        {
            rest = rest.replacen(&r.text(p, p + n), "", 1);
        }
    }
    let empty = |s: &str| {
        s.chars()
            .filter(|ch| {
                (is_han(*ch) || ch.is_alphanumeric())
                    && !numeral(*ch)
                    && !"年度个项类".contains(*ch)
            })
            .count()
            == 0
    };
    // Generic words, longest first, wherever they stand.
    if empty(&words.strip(WordKind::Generic, &rest)) {
        return true;
    }
    // Whose it is and how it is judged say nothing of which: 龙岗区重点项目,
    // 深圳市首批重大项目, 景县项目.
    for d in
        r.m.districts
            .iter()
            .chain(&[])
            .filter(|d| d.at >= c.at && d.at < c.at + c.len)
    {
        rest = rest.replace(&r.text(d.at, d.at + d.len), "");
    }
    for d in
        r.m.cities
            .iter()
            .filter(|d| d.at >= c.at && d.at < c.at + c.len)
    {
        rest = rest.replace(&r.text(d.at, d.at + d.len), "");
    }
    // (某区春季重点建设项目: its district aside, generic words only; a
    // park keeps its city: 甲市工业软件园.)
    let rest = words.strip(WordKind::Judgement, &rest);
    let works = matches!(c.ending, Some(EndingClass::Works | EndingClass::Done));
    empty(&rest) || (works && empty(&words.strip(WordKind::Generic, &rest)))
}

/// True when a 项目/工程 names a kind of project: 人工智能新兴产业项目, 投资项目.
fn category(r: &Reading, c: &ProjectMention) -> bool {
    works_after(r, c, WordKind::Category)
}

/// What stands before a name's 项目 or 工程 (甲乙11个 in 甲乙11个项目), if it ends so.
fn works_modifier(name: &str) -> Option<&str> {
    name.strip_suffix("项目")
        .or_else(|| name.strip_suffix("工程"))
}

/// True when the name is a 项目/工程 right after a word of `kind`.
fn works_after(r: &Reading, c: &ProjectMention, kind: WordKind) -> bool {
    works_modifier(&c.name).is_some_and(|m| {
        r.rules
            .project_words
            .of(kind)
            .iter()
            .any(|w| m.ends_with(w.as_str()))
    })
}

/// True when a 项目/工程 follows a judgement word right away
/// (…第一批重大项目, …招商引资项目, …标志性项目): the works so judged, not one.
fn judged_works(r: &Reading, c: &ProjectMention) -> bool {
    works_after(r, c, WordKind::Judgement)
}

/// True when a name counts works rather than naming one: "一批", "三大", "10件".
fn counted(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    (0..chars.len()).any(|i| {
        let opens = i == 0 || !numeral(chars[i - 1]);
        let next = chars[i..]
            .iter()
            .position(|c| !numeral(*c))
            .map(|n| chars[i + n]);
        let phase = i > 0 && chars[i - 1] == '第';
        opens && numeral(chars[i]) && !phase && next.is_some_and(|c| "个大项批家类种件".contains(c))
    })
}

/// Where an amount of money that ends right before `at` starts ("投资2亿元的",
/// "8000万元"): an investment said of the name after it. Looks back at most
/// 16 characters.
fn money_before(chars: &[char], at: usize) -> Option<usize> {
    let mut k = at;
    if k > 0 && chars[k - 1] == '的' {
        k -= 1;
    }
    if k == 0 || chars[k - 1] != '元' {
        return None;
    }
    k -= 1;
    while k > 0 && "亿万千百".contains(chars[k - 1]) {
        k -= 1;
    }
    let digits_end = k;
    while k > 0 && at - k < 16 && (chars[k - 1].is_ascii_digit() || chars[k - 1] == '.') {
        k -= 1;
    }
    (k < digits_end).then_some(k)
}

/// True when a count stands right before the name's 项目 or 工程
/// (某县11个项目, 三项工程): the name counts works and names none.
fn counted_works(name: &str) -> bool {
    let Some(modifier) = works_modifier(name) else {
        return false;
    };
    let mut rest = modifier.chars().rev();
    rest.next().is_some_and(|unit| "个项批大类".contains(unit)) && rest.next().is_some_and(numeral)
}

/// True when the name stands as the place of an event: 在X举行.
fn is_venue(r: &Reading, a: usize, b: usize) -> bool {
    let before = a >= 1 && matches!(r.chars[a - 1], '在' | '于');
    let (_, to) = r.clause(a, b);
    let rest = r.text(b, to.min(b + 12));
    before
        && r.rules
            .project_words
            .of(WordKind::Held)
            .iter()
            .any(|v| rest.contains(v.as_str()))
}

/// The stage a clause gives a name: the first stage word after it in its
/// clause, else the last before it.
fn stage(r: &Reading, a: usize, b: usize) -> Option<String> {
    let (from, to) = r.clause(a, b);
    let words = &r.rules.project_words;
    let hits: Vec<&WordHit> = r.starting[from..to]
        .iter()
        .flatten()
        .filter(|h| h.kind == WordKind::Stage && h.at + h.len <= to)
        .collect();
    let after = hits
        .iter()
        .filter(|h| h.at >= b)
        .max_by_key(|h| (std::cmp::Reverse(h.at), h.len));
    let before = hits
        .iter()
        .filter(|h| h.at + h.len <= a)
        .max_by_key(|h| (h.at, h.len));
    after.or(before).map(|h| words.stages[h.index].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the projects [`found`] in `sentence`.
    fn found_names(sentence: &str) -> Vec<String> {
        found(sentence).into_iter().map(|p| p.name).collect()
    }

    fn found(sentence: &str) -> Vec<ProjectMention> {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let m = Mentions::find(&rules, &jieba, sentence);
        find(&rules, &jieba, &m)
    }

    /// The names of the candidates that are not generic, in order: the names
    /// the rules bound, whatever the fitted weights decide of them.
    fn names(sentence: &str) -> Vec<String> {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let m = Mentions::find(&rules, &jieba, sentence);
        let mut out: Vec<String> = Vec::new();
        for c in candidates(&rules, &jieba, &m) {
            if !c.signs.contains(&Feature::Generic) && !out.contains(&c.name) {
                out.push(c.name);
            }
        }
        out
    }

    /// The signs of the candidate named `name` in `sentence`.
    fn signs_of(sentence: &str, name: &str) -> Vec<Feature> {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let m = Mentions::find(&rules, &jieba, sentence);
        let all = candidates(&rules, &jieba, &m);
        all.iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no candidate {name} in {all:#?}"))
            .signs
            .clone()
    }

    fn has(sentence: &str, name: &str, sign: Feature) {
        let signs = signs_of(sentence, name);
        assert!(
            signs.contains(&sign),
            "{name} in {sentence}: {signs:?} lacks {sign:?}"
        );
    }

    fn lacks(sentence: &str, name: &str, sign: Feature) {
        let signs = signs_of(sentence, name);
        assert!(
            !signs.contains(&sign),
            "{name} in {sentence}: {signs:?} has {sign:?}"
        );
    }

    // One test per sign of data/project_features.tsv, on a phrase.

    #[test]
    fn sign_ends_works() {
        has("甲乙未来城项目封顶", "甲乙未来城项目", Feature::EndsWorks);
    }

    #[test]
    fn sign_ends_park() {
        has(
            "加快建设甲乙教育科技产业园",
            "甲乙教育科技产业园",
            Feature::EndsPark,
        );
    }

    #[test]
    fn sign_ends_zone() {
        has("推进明珠湾起步区建设", "明珠湾起步区", Feature::EndsZone);
    }

    #[test]
    fn sign_ends_hall() {
        has(
            "调研甲乙国际会展中心",
            "甲乙国际会展中心",
            Feature::EndsHall,
        );
    }

    #[test]
    fn sign_ends_plant() {
        has("甲乙电池生产线投产", "甲乙电池生产线", Feature::EndsPlant);
    }

    #[test]
    fn sign_ends_institution() {
        has("新建甲乙实验学校", "甲乙实验学校", Feature::EndsInstitution);
    }

    #[test]
    fn sign_built_institution() {
        has(
            "甲乙实验学校开工建设",
            "甲乙实验学校",
            Feature::BuiltInstitution,
        );
        // One that signs an agreement is a party to it, not a work.
        let signs = signs_of("与甲乙研究院、丙丁大学签署合作协议。", "甲乙研究院");
        assert!(!signs.contains(&Feature::BuiltInstitution), "{signs:?}");
    }

    #[test]
    fn sign_ends_road() {
        has("甲乙大道建成通车", "甲乙大道", Feature::EndsRoad);
    }

    #[test]
    fn sign_ends_done() {
        has(
            "推进甲乙医院精神卫生中心迁建",
            "甲乙医院精神卫生中心迁建",
            Feature::EndsDone,
        );
    }

    #[test]
    fn sign_no_ending_and_listed() {
        let s = "丙丁新材、创科光显等31个项目投产";
        has(s, "创科光显", Feature::NoEnding);
        has(s, "创科光显", Feature::Listed);
    }

    #[test]
    fn sign_enumerated() {
        has(
            "先后来到甲乙产业园、丙丁物流园",
            "丙丁物流园",
            Feature::Enumerated,
        );
    }

    #[test]
    fn sign_works_sentence() {
        has(
            "察看甲乙产业园项目建设进度",
            "甲乙产业园项目",
            Feature::EndsWorks,
        );
        has(
            "察看甲乙产业园,了解项目进度",
            "甲乙产业园",
            Feature::WorksSentence,
        );
    }

    #[test]
    fn sign_quoted() {
        has("推进“湾区之眼”项目建设", "“湾区之眼”项目", Feature::Quoted);
    }

    #[test]
    fn sign_stage_word() {
        has("甲乙未来城项目开工", "甲乙未来城项目", Feature::StageWord);
    }

    #[test]
    fn sign_stage_next() {
        has("甲乙产业园即将开园", "甲乙产业园", Feature::StageNext);
        lacks(
            "丙丁项目建设进展顺利,已经开工",
            "丙丁项目",
            Feature::StageNext,
        );
        lacks("开工建设甲乙产业园", "甲乙产业园", Feature::StageNext);
    }

    #[test]
    fn sign_build_verb() {
        has("改造甲乙体育公园", "甲乙体育公园", Feature::BuildVerb);
    }

    #[test]
    fn sign_develop_verb() {
        has("推进甲乙科技园建设", "甲乙科技园", Feature::DevelopVerb);
    }

    #[test]
    fn sign_visit_verb() {
        has("区长调研甲乙科技园", "甲乙科技园", Feature::VisitVerb);
    }

    #[test]
    fn sign_has_place() {
        has("推进南湾物流园建设", "南湾物流园", Feature::HasPlace);
        has(
            "实地调研滨湖大道改造工程",
            "滨湖大道改造工程",
            Feature::PlaceWorks,
        );
    }

    #[test]
    fn sign_has_proper_name() {
        has(
            "推进G60科创走廊产业园建设",
            "G60科创走廊产业园",
            Feature::HasProperName,
        );
    }

    #[test]
    fn sign_has_number() {
        has(
            "推进220千伏产业园输变电工程",
            "220千伏产业园输变电工程",
            Feature::HasNumber,
        );
        has(
            "甲乙区第六人民医院节能改造提升工程已完成形象进度95%",
            "甲乙区第六人民医院节能改造提升工程",
            Feature::HasNumber,
        );
        lacks("推进第一批重点项目", "第一批重点项目", Feature::HasNumber);
    }

    #[test]
    fn sign_rare_word() {
        has("笋岗客整所项目开工", "笋岗客整所项目", Feature::RareWord);
        lacks(
            "企业国际化出海基地建设",
            "企业国际化出海基地",
            Feature::RareWord,
        );
    }

    #[test]
    fn sign_plain() {
        has("建设全民健身中心", "全民健身中心", Feature::Plain);
    }

    #[test]
    fn sign_generic() {
        has("全力推动重点项目建设", "重点项目", Feature::Generic);
        has("要抓好重大项目", "重大项目", Feature::Generic);
        // A new round, a count of new entries, a kind of works: no one project.
        has("迅速掀起新一轮项目建设热潮", "新一轮项目", Feature::Generic);
        has("新入库项目个数均超额完成", "新入库项目", Feature::Generic);
        has(
            "建设了一大批重大物流、交通、城建项目",
            "城建项目",
            Feature::Category,
        );
        lacks(
            "加快建设甲乙教育科技产业园",
            "甲乙教育科技产业园",
            Feature::Generic,
        );
    }

    #[test]
    fn sign_judged_works() {
        has(
            "松桃2024年第一批重大项目集中开工",
            "松桃2024年第一批重大项目",
            Feature::JudgedWorks,
        );
        lacks(
            "实地调研滨湖大道改造工程",
            "滨湖大道改造工程",
            Feature::JudgedWorks,
        );
    }

    #[test]
    fn a_list_of_people_names_no_works() {
        // 分管项目 is what the leaders look after, not a kind of works.
        let found = names("区人大主任方建春、区委副书记陈德平等分管项目县级领导作汇报");
        assert!(
            !found
                .iter()
                .any(|n| n.contains("方建春") || n.contains("陈德平")),
            "{found:?}"
        );
    }

    #[test]
    fn a_list_closed_by_judgements_passes_none_on() {
        assert_eq!(
            names("三利谱偏光片、伊利三期等一批百亿级、十亿级重大项目顺利开工"),
            ["三利谱偏光片", "伊利三期"]
        );
        assert_eq!(
            names("调研万达城市综合体、农大果蔬等建设项目施工现场"),
            ["万达城市综合体", "农大果蔬"]
        );
    }

    #[test]
    fn sign_category() {
        has(
            "引进人工智能新兴产业项目",
            "人工智能新兴产业项目",
            Feature::Category,
        );
    }

    #[test]
    fn sign_counted() {
        has("推进三大产业园建设", "三大产业园", Feature::Counted);
        lacks(
            "日产90万支电池项目投产",
            "日产90万支电池项目",
            Feature::Counted,
        );
    }

    #[test]
    fn sign_verb_inside() {
        has(
            "建设“甲乙调研丙丁基地”",
            "甲乙调研丙丁基地",
            Feature::VerbInside,
        );
    }

    #[test]
    fn sign_person_inside() {
        has("区委书记张三丰项目", "张三丰项目", Feature::PersonInside);
    }

    #[test]
    fn sign_district_before() {
        has(
            "福田区华兴新材生产研发基地投产",
            "华兴新材生产研发基地",
            Feature::DistrictBefore,
        );
    }

    #[test]
    fn sign_opens_badly_and_with_verb() {
        has("推广“就地过年”", "就地过年", Feature::OpensBadly);
        has(
            "建设“奋进新征程”主题公园",
            "奋进新征程",
            Feature::OpensWithVerb,
        );
    }

    #[test]
    fn sign_short_and_long() {
        has("建设甲乙路", "甲乙路", Feature::Short);
        has(
            "建设甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥产业园",
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥产业园",
            Feature::Long,
        );
    }

    #[test]
    fn sign_venue() {
        has(
            "签约仪式在甲乙未来城项目现场举行",
            "甲乙未来城项目",
            Feature::Venue,
        );
    }

    // Names bounded by the same rules everywhere.

    #[test]
    fn a_zone_written_before_a_works_name_is_also_left_off() {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let s = "调研通榆工业园石空工业区华盛特钢循环经济项目建设情况。";
        let p = candidates(&rules, &jieba, &Mentions::find(&rules, &jieba, s));
        let found = p
            .iter()
            .find(|m| m.name.ends_with("华盛特钢循环经济项目"))
            .unwrap_or_else(|| panic!("{p:?}"));
        assert!(
            found.aliases.iter().any(|a| a == "华盛特钢循环经济项目"),
            "{:?}",
            found.aliases
        );
    }

    #[test]
    fn list_items_are_projects_whatever_their_ending() {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let s = "福田区华兴新材生产研发基地、创科光显等31个项目投产投运。";
        let p = candidates(&rules, &jieba, &Mentions::find(&rules, &jieba, s));
        let names: Vec<&str> = p.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["华兴新材生产研发基地", "创科光显"]);
        assert_eq!(p[0].district.as_deref(), Some("福田区"));
        assert_eq!(p[0].aliases, ["福田区华兴新材生产研发基地"]);
        assert_eq!(p[0].stage.as_deref(), Some("投产"));
    }

    #[test]
    fn a_province_and_a_city_before_a_district_are_read_off_with_it() {
        // After a province or a city the district is an address, even before
        // a name that says little without it.
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let s = "9月24日,福建省泉州市洛江区产业转移工业园开工。";
        let p = candidates(&rules, &jieba, &Mentions::find(&rules, &jieba, s));
        assert_eq!(p.len(), 1, "{p:#?}");
        assert_eq!(p[0].name, "产业转移工业园");
        assert_eq!(p[0].district.as_deref(), Some("洛江区"));
    }

    #[test]
    fn a_kind_of_works_before_a_name_is_an_apposition() {
        // "全国最大的…项目" says what kind the name after it is; the name has
        // its own place and ending, with two characters or more before them.
        let kept = found_names("全市最大的环境修复项目青石填埋场环境修复工程正式开工。");
        assert_eq!(kept, ["青石填埋场环境修复工程"]);
        // A road of two characters after a works word is a part of it.
        let kept = found_names("代表们来到市政基础设施提升PPP项目甲东大道、乙丙农业项目。");
        assert!(
            kept.contains(&"市政基础设施提升PPP项目甲东大道".to_string()),
            "{kept:?}"
        );
    }

    #[test]
    fn what_stands_before_the_clause_that_opens_a_list_is_no_item() {
        let kept =
            found_names("代表、委员们先后到甲乙七拱桥、丙丁产业园等重点项目的建设现场察看。");
        assert_eq!(kept, ["甲乙七拱桥", "丙丁产业园"]);
        // An amount's bound names no work.
        assert!(
            found_names("甲乙水库除险加固工程等6个5000万元以下项目同步开工。")
                .iter()
                .all(|n| n != "以下项目")
        );
    }

    #[test]
    fn an_item_that_says_what_is_done_takes_no_kind_from_its_list() {
        // The kind closing the list is passed on to items that name a place
        // only, never after a word of what is done to a work.
        let kept = found_names("完成甲山路桥下空间改造等12个街区精致化建设项目。");
        assert_eq!(kept, ["甲山路桥下空间改造"]);
        let kept = found_names("推进甲村、乙村等城市更新项目。");
        assert_eq!(kept, ["甲村城市更新项目", "乙村城市更新项目"]);
    }

    #[test]
    fn an_item_between_the_lists_marks_is_whole() {
        // Long items between marks are items, a verb inside one is part of
        // its name, and no shorter name inside one is a project of its own.
        let s = "督查组先后来到甲乙建材生产线项目、城南片区保障性租赁住房、东河路北路延伸段道路及管网工程、X418线甲村至乙村公路建设(一期)工程、丙镇丁村乡村建设示范村项目等重点项目现场。";
        let kept = found_names(s);
        assert_eq!(
            kept,
            [
                "甲乙建材生产线项目",
                "城南片区保障性租赁住房",
                "东河路北路延伸段道路及管网工程",
                "X418线甲村至乙村公路建设(一期)工程",
                "丙镇丁村乡村建设示范村项目"
            ]
        );
        // An item that holds a clause of its own (在 and a place) starts after it.
        let kept: Vec<String> =
            found("支持甲乙、丙丁两大头部企业在龙岗布局戊己智能、庚辛研发中心等重大项目")
                .into_iter()
                .map(|p| p.name)
                .collect();
        assert!(kept.iter().all(|n| !n.contains("企业")), "{kept:?}");
        assert!(kept.contains(&"庚辛研发中心".to_string()), "{kept:?}");
    }

    #[test]
    fn judgements_are_not_passed_to_items() {
        assert_eq!(
            names("推进甲乙科技园、丙丁物流园等百亿级项目建设"),
            ["甲乙科技园", "丙丁物流园"]
        );
        assert_eq!(names("推动亿利滋等项目落地"), ["亿利滋"]);
    }

    #[test]
    fn exhortations_and_judgements_open_or_make_no_name() {
        assert!(names("二要全力以赴谋项目。").is_empty());
        assert!(names("推进一批重特大项目。").is_empty());
        let kept = found_names("甲乙新城二期项目不仅是省重点工程项目。");
        assert_eq!(kept, ["甲乙新城二期项目"]);
    }

    #[test]
    fn a_sections_range_stays_in_the_name() {
        assert_eq!(
            names("推进330国道甲乙至丙丁段改建工程。"),
            ["330国道甲乙至丙丁段改建工程"]
        );
        // Without 段 after it, 至 still ends what stands before it.
        assert_eq!(names("从县城至甲乙物流园项目"), ["甲乙物流园项目"]);
    }

    #[test]
    fn an_investment_before_a_name_is_a_sign_and_no_part() {
        has(
            "其中包括投资8000万元的甲乙中学扩建项目",
            "甲乙中学扩建项目",
            Feature::Invested,
        );
        lacks(
            "推进甲乙中学扩建项目",
            "甲乙中学扩建项目",
            Feature::Invested,
        );
        // Items of a plan, each after its amount, are projects without a proper name.
        let kept: Vec<String> =
            found("其中包括投资2亿元的职业中学扩建项目,投资2000万元的气象观测站迁建项目等。")
                .into_iter()
                .map(|p| p.name)
                .collect();
        assert_eq!(kept, ["职业中学扩建项目", "气象观测站迁建项目"]);
        assert_eq!(
            names("签约14亿元甲乙新材料产业园项目。"),
            ["甲乙新材料产业园项目"]
        );
    }

    #[test]
    fn ji_joins_the_parts_of_a_name_not_an_event_to_one() {
        let kept = found_names("调研了甲乙小学暨少年宫建设项目。");
        assert_eq!(kept, ["甲乙小学暨少年宫建设项目"]);
        assert_eq!(
            names("举行签约暨甲乙新区文化创意产业园开工仪式。"),
            ["甲乙新区文化创意产业园"]
        );
    }

    #[test]
    fn a_count_of_works_introduces_its_items() {
        let kept = found_names;
        assert_eq!(
            kept("其中产业类项目12项,具体为:甲乙产业园、丙丁物流园、庚辛科技园等。"),
            ["甲乙产业园", "丙丁物流园", "庚辛科技园"]
        );
        assert_eq!(
            kept("此次观摩的三个项目分别是甲乙产业园、丙丁物流园、庚辛科技园。"),
            ["甲乙产业园", "丙丁物流园", "庚辛科技园"]
        );
        // A count of other things introduces no works.
        assert!(kept("参会单位3家,分别是甲乙公司、丙丁公司。").is_empty());
        // The count's stage word is said of its items, joined by 、 or 和.
        assert_eq!(
            kept(
                "竣工项目两个,分别是泓欧电气、岱纬光电。新开工项目两个,分别是澜远生物和伍垣生物。"
            ),
            ["泓欧电气", "岱纬光电", "澜远生物", "伍垣生物"]
        );
        has(
            "竣工项目两个,分别是泓欧电气、岱纬光电。",
            "岱纬光电",
            Feature::StageWord,
        );
    }

    #[test]
    fn brackets_keep_what_they_hold() {
        assert_eq!(
            names("推进甲乙线(丙丁至戊己)工程。"),
            ["甲乙线(丙丁至戊己)工程"]
        );
    }

    #[test]
    fn a_stage_word_between_deng_and_the_works_word_closes_a_list() {
        let kept = found_names("甲乙电子、丙丁科技等新签约项目扎实推进。");
        assert_eq!(kept, ["甲乙电子", "丙丁科技"]);
    }

    #[test]
    fn what_a_clause_says_of_works_names_none() {
        for (sentence, phrase) in [
            ("同时也欢迎广大群众监督项目建设", "项目"),
            ("今年哪些项目将开工", "哪些项目"),
            ("福田区春季重点建设项目集中开工", "春季重点建设项目"),
            ("签约一批重大招商项目", "重大招商项目"),
        ] {
            let kept: Vec<String> = found(sentence).into_iter().map(|p| p.name).collect();
            assert!(
                !kept.iter().any(|k| k.ends_with(phrase)),
                "{sentence}: {kept:?}"
            );
        }
    }

    #[test]
    fn a_rate_stays_in_the_name() {
        assert_eq!(
            names("甲乙化工有限公司一期20万吨/年丙烯项目开工。"),
            ["甲乙化工有限公司一期20万吨/年丙烯项目"]
        );
        // A slash between words is no rate: it ends what stands before it.
        assert_eq!(names("城建/甲乙物流园项目开工。"), ["甲乙物流园项目"]);
    }

    #[test]
    fn a_count_before_the_works_word_names_nothing() {
        has(
            "察看甲乙11个项目建设情况",
            "甲乙11个项目",
            Feature::CountedWorks,
        );
        lacks(
            "推进甲乙11号路项目",
            "甲乙11号路项目",
            Feature::CountedWorks,
        );
        let kept = found_names("县委书记察看了甲乙11个项目建设情况。");
        assert!(kept.is_empty(), "{kept:?}");
    }

    #[test]
    fn a_lists_last_item_after_ji_is_an_item() {
        // "甲、乙及丙等": 及 joins the last item; inside the first it joins parts.
        let kept = found_names;
        assert_eq!(
            kept("甲乙物流园、丙丁广场及戊己大厦等项目开工。"),
            ["甲乙物流园", "丙丁广场", "戊己大厦"]
        );
        let items = kept("甲乙科技城及智能制造产业园、丙丁运河及戊己汽车配件等4个重特大项目签约。");
        for name in ["甲乙科技城及智能制造产业园", "丙丁运河", "戊己汽车配件"]
        {
            assert!(items.contains(&name.to_string()), "{items:?}");
        }
    }

    #[test]
    fn a_generic_kind_closing_a_list_is_passed_on() {
        // 城市更新 alone names no works, but closing a list says what kind
        // its items are.
        let kept = found_names("推进甲乙工业区二期、丙丁旧村一期、戊己厂等城市更新项目。");
        assert_eq!(
            kept,
            [
                "甲乙工业区二期城市更新项目",
                "丙丁旧村一期城市更新项目",
                "戊己厂城市更新项目"
            ]
        );
    }

    #[test]
    fn a_counts_unit_is_not_taken_twice() {
        // "3个村": the items are villages; one named 某村 already keeps one 村.
        assert_eq!(
            names("甲乙庄、丙丁村、戊己寨3个村城市更新安置楼项目奠基。"),
            [
                "甲乙庄村城市更新安置楼项目",
                "丙丁村城市更新安置楼项目",
                "戊己寨村城市更新安置楼项目"
            ]
        );
    }

    #[test]
    fn an_enumerations_marker_is_no_part_of_a_name() {
        assert_eq!(
            names("二是加快推进通榆通用机场建设项目。"),
            ["通榆通用机场建设项目"]
        );
    }

    #[test]
    fn heads_and_phases_are_shared() {
        assert_eq!(
            names("加快罗山科技园一期、二期建设"),
            ["罗山科技园一期", "罗山科技园二期"]
        );
        assert_eq!(
            names("推进甲乙项目、丙丁项目建设"),
            ["甲乙项目", "丙丁项目"]
        );
    }

    #[test]
    fn an_item_without_a_list_keeps_its_own_name() {
        let found = names("加快方正微、平湖智创园项目建设");
        assert!(!found.iter().any(|n| n == "方正微创园项目"), "{found:?}");
        assert!(found.iter().any(|n| n == "平湖智创园项目"), "{found:?}");
    }

    #[test]
    fn years_and_districts_are_read_off_and_ranges_kept() {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let s = "推进2021年西湖区规划路(子羽路-真君路)及真君路隧道联络道建设工程";
        let m = Mentions::find(&rules, &jieba, s);
        let all = candidates(&rules, &jieba, &m);
        let p = all
            .iter()
            .find(|c| c.name == "规划路(子羽路-真君路)及真君路隧道联络道建设工程")
            .unwrap_or_else(|| panic!("{all:#?}"));
        assert_eq!(p.district.as_deref(), Some("西湖区"));
    }

    /// The names of all candidates, kept or not.
    fn candidate_names(sentence: &str) -> Vec<String> {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let m = Mentions::find(&rules, &jieba, sentence);
        candidates(&rules, &jieba, &m)
            .into_iter()
            .map(|c| c.name)
            .collect()
    }

    #[test]
    fn zones_towns_and_plots_end_names() {
        // 集聚区, 商务区, 地块, 安置点, 水厂: endings a reader knows.
        for (sentence, name) in [
            ("加快通榆县甲乙产业集聚区建设", "甲乙产业集聚区"),
            ("推进甲乙滨江商务区开发", "甲乙滨江商务区"),
            ("西门桥地块、求雨山北地块等项目开工", "西门桥地块"),
            ("察看甲乙再生水厂建设", "甲乙再生水厂"),
        ] {
            let found = names(sentence);
            assert!(found.contains(&name.to_string()), "{sentence}: {found:?}");
        }
    }

    #[test]
    fn exhorting_verbs_open_no_name() {
        // 做实做细, 抓好, 紧盯, 立足, 协商, 筹备: what a report urges, before
        // the name it urges on.
        for (sentence, name) in [
            ("要做实做细甲乙水库建设", "甲乙水库"),
            ("全力抓好甲乙科学城产业示范区建设", "甲乙科学城产业示范区"),
            ("会议专题协商甲乙新城建设", "甲乙新城"),
        ] {
            let found = candidate_names(sentence);
            assert!(found.contains(&name.to_string()), "{sentence}: {found:?}");
        }
        for sentence in [
            "持之以恒招项目、扩投资",
            "紧盯项目抓落实",
            "高标准、高水平筹备好项目拉练活动",
            "各部门要充分认识抓项目的重要性",
            "严格把关项目质量",
        ] {
            assert!(
                names(sentence).is_empty(),
                "{sentence}: {:?}",
                names(sentence)
            );
        }
    }

    #[test]
    fn what_is_done_ends_a_name() {
        let found = candidate_names("推进萧山医院精神卫生中心迁建");
        assert!(
            found.contains(&"萧山医院精神卫生中心迁建".to_string()),
            "{found:?}"
        );
        let found = candidate_names("推进03省道东复线改扩建工程");
        assert!(
            found.contains(&"03省道东复线改扩建工程".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn notes_inside_a_name_are_read_past() {
        let found =
            names("甲乙大学高等研究院(以下简称“高研院”)永久场地建设工程项目一期举行奠基仪式");
        assert!(
            found.contains(&"甲乙大学高等研究院永久场地建设工程项目一期".to_string()),
            "{found:?}"
        );
        assert!(!found.iter().any(|n| n.contains("以下简称")), "{found:?}");
    }

    #[test]
    fn a_venue_is_a_project_too() {
        let p = found("签约仪式在甲乙未来城项目现场举行");
        assert!(
            p.iter()
                .any(|m| m.name == "甲乙未来城项目" && m.venue && m.project),
            "{p:?}"
        );
    }

    #[test]
    fn names_start_after_verbs() {
        assert_eq!(
            names("谋划推动南湾中部片区土地整备利益统筹项目等一批前期重点项目转新开工"),
            vec!["南湾中部片区土地整备利益统筹项目"]
        );
    }

    #[test]
    fn a_stop_word_right_after_a_person_goes_where_jieba_reads_across_it() {
        // jieba reads 山到 as one word: the person's end is the name's barrier,
        // and the stop word 到 after it is still no part of the name.
        assert_eq!(
            names("5月9日，县委书记葛立山到光伏产业园项目现场调研。"),
            vec!["光伏产业园项目"]
        );
    }

    #[test]
    fn locative_openings_are_read_off() {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let m = Mentions::find(&rules, &jieba, "12月10日,深圳坪山正奇未来城项目封顶");
        let p = candidates(&rules, &jieba, &m);
        assert_eq!(p[0].name, "正奇未来城项目");
        assert_eq!(p[0].district.as_deref(), Some("坪山区"));
        assert_eq!(p[0].stage.as_deref(), Some("封顶"));
        assert_eq!(
            names("加快建设福田教育科技产业园"),
            vec!["福田教育科技产业园"]
        );
    }

    #[test]
    fn shared_endings_are_shared_out() {
        assert_eq!(
            names("稳步推进吉华中、平湖西等利益统筹项目整备"),
            vec!["吉华中利益统筹项目", "平湖西利益统筹项目"]
        );
    }

    #[test]
    fn venues_are_marked() {
        let p = found("论坛在锦绣科学园举办");
        assert!(!p.is_empty() && p.iter().all(|m| m.venue), "{p:?}");
    }

    #[test]
    fn generic_names_are_not_projects() {
        assert!(names("全力推动重点项目建设提速提质").is_empty());
    }
}
