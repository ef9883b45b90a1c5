//! Person mentions: names, wherever something vouches for them.
//!
//! A name is only taken where something says it is one: a title chain before it
//! (区委书记林文博) or a title that may follow it (周海平区长, 林文博书记); a group word
//! before or after a list of names (区领导甲、乙、丙; 甲、乙等区领导); a list that
//! continues a titled name (副区长甲、乙、丙); a byline (编辑 某某); or the
//! document's own earlier introduction of the name (a known name). A name is
//! two to four characters from a surname (`data/surnames.txt`), or parts joined
//! by an interpunct (阿依·买合木提; also •, ・), or two characters set apart by a
//! space (林 晓), and what follows it settles its length (`data/names.tsv`):
//! "陈立波及有关部门" is 陈立波, "林文博第一时间" is 林文博, "周海平8月18日" is 周海平.
//! A name is never cut out of a word: where jieba reads the title and the text
//! after it as other words ("海淀区长期可靠": 海淀区 | 长期 | 可靠), there is no
//! name. Linear in the sentence.

use super::title::{Chain, Post};
use crate::extract::is_han;
use crate::rules::{Level, Rules};

/// A sentence as the person layer reads it.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub chars: &'a [char],
    /// `word_start[i]`: jieba starts a word at character `i` (one more entry
    /// than characters).
    pub word_start: &'a [bool],
    /// jieba's tag of the word starting at `i` and its length, where one does.
    pub tag_at: &'a super::Tags,
    /// `bound[i]`: a name may end right before `i` (a follow word, a verb, a
    /// title, a date or a place starts there).
    pub bound: &'a [bool],
    /// `blocked[i]`: `i` is inside a date mention, which no name runs into.
    pub blocked: &'a [bool],
    /// `title_at[i]`: a title chain starts at `i`.
    pub title_at: &'a [bool],
    /// `verb_at[i]`: a verb of the verb table starts at `i`.
    pub verb_at: &'a [bool],
}

impl Sentence<'_> {
    /// True when a name may end right before `pos`.
    fn boundary(&self, pos: usize) -> bool {
        match self.chars.get(pos) {
            None => true,
            Some(c) if !is_han(*c) => true,
            _ => self.bound[pos] || self.blocked[pos],
        }
    }
}

/// How a mention was vouched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A title chain before it.
    Title,
    /// A title after it (程庭区长).
    TitleAfter,
    /// A group word before or after a list (区领导甲、乙).
    Group,
    /// A list continuing a titled name (副区长甲、乙).
    List,
    /// A name the document (or a dictionary, or another document) introduced.
    Known,
    /// A byline (编辑 某某).
    Byline,
    /// An appointment or election ties it to the chain after it (任命甲为区长).
    Appointment,
}

/// A person named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// Character offset and length of the name as written.
    pub at: usize,
    pub len: usize,
    /// The name (spaces dropped, interpuncts written ·).
    pub name: String,
    /// District posts the mention gives (empty for a bare or known name).
    pub posts: Vec<Post>,
    /// Other roles: 市委常委, 编辑, 院士.
    pub roles: Vec<String>,
    pub cue: Cue,
    /// The chain or group word that vouched for it: (start, end).
    pub anchor: Option<(usize, usize)>,
}

impl PersonMention {
    /// Character offset where the mention opens: its title chain or group
    /// word when that stands before the name ("区委书记甲"), else the name.
    pub fn start(&self) -> usize {
        self.anchor.map_or(self.at, |(a, _)| a.min(self.at))
    }
}

const INTERPUNCTS: &[char] = &['·', '•', '・', '‧', '∙'];

/// Reads names.
pub struct NameReader<'r> {
    rules: &'r Rules,
}

impl<'r> NameReader<'r> {
    pub fn new(rules: &'r Rules) -> NameReader<'r> {
        NameReader { rules }
    }

    /// The people a sentence names with titles, group words and lists;
    /// `chains` are its title chains.
    pub fn people(&self, s: &Sentence, chains: &[Chain]) -> Vec<PersonMention> {
        let mut out: Vec<PersonMention> = Vec::new();
        for chain in chains {
            let anchor = Some((chain.at, chain.end));
            if chain.group.is_some() {
                // 区领导甲、乙、丙 (or after a colon: "…就座的领导有:甲、乙") ...
                let from =
                    chain.end + usize::from(matches!(s.chars.get(chain.end), Some(':' | '：')));
                let mut list = self.list_at(s, from, true);
                // ... or after a word opening the list: "就座的县领导有甲、乙",
                // "区领导还有:甲、乙" (`opens_group_list`); two names at least,
                // or a colon, so that 有关 opens no name.
                if list.is_empty() {
                    list = self.led_list(s, chain.end);
                }
                // ... and 区领导甲、乙,丙、丁: a comma joins a second run of
                // names, one set apart by 、 again.
                while let Some(&(at, len, _)) = list.last() {
                    let pos = at + len + 1;
                    let next = match s.chars.get(at + len) {
                        Some(',' | '，') if !s.title_at.get(pos).copied().unwrap_or(false) => {
                            self.name_at(s, pos, true)
                        }
                        _ => None,
                    };
                    match next {
                        Some((n, name))
                            if self.is_listed_surname(&name)
                                && s.chars.get(pos + n) == Some(&'、') =>
                        {
                            let run = self.list_at(s, pos, true);
                            if run.len() < 2 {
                                break;
                            }
                            list.extend(run);
                        }
                        _ => break,
                    }
                }
                if list.is_empty() {
                    // ... or 甲、乙、丙等区领导.
                    // The chain's scope may have taken in a qualifier's last
                    // character ("等在家区级领导"): the list ends before its title.
                    let title = chain.title_starts.first().copied().unwrap_or(chain.at);
                    let mut list = self.list_before(s, chain.at);
                    if list.is_empty() && title > chain.at {
                        list = self.list_before(s, title);
                    }
                    // Leaders of several organs listed (等县委、县政府领导) are
                    // the unit's leaders: 县领导.
                    let general = (self.before_listed_organs(s, chain.at) < chain.at)
                        .then(|| self.unit_leaders(chain))
                        .flatten();
                    let chain = general.as_ref().unwrap_or(chain);
                    for (at, len, name) in list {
                        out.push(mention(at, len, name, chain, Cue::Group, anchor));
                    }
                }
                for (at, len, name) in list {
                    out.push(mention(at, len, name, chain, Cue::Group, anchor));
                }
                continue;
            }
            // A signature sets the name apart: "宝安区人民政府区长　某某某"; a short
            // note may stand between: "党工委副书记(党群)某某".
            let mut gap = s.chars[chain.end..]
                .iter()
                .take(2)
                .take_while(|c| matches!(c, ' ' | ':' | '：'))
                .count();
            if matches!(s.chars.get(chain.end), Some('(' | '（'))
                && let Some(close) = s.chars[chain.end..]
                    .iter()
                    .take(8)
                    .position(|c| matches!(c, ')' | '）'))
            {
                gap = close + 1;
            }
            // 在主席台就座的市领导还有甲、乙: a title of several holders leads a list.
            let several = match chain.posts.last() {
                Some(p) => !p.single,
                None => chain.roles.last().is_some_and(|r| r.ends_with("领导")),
            };
            if gap == 0 && several && self.name_at(s, chain.end, true).is_none() {
                let list = self.led_list(s, chain.end);
                if !list.is_empty() {
                    for (at, len, name) in list {
                        out.push(mention(at, len, name, chain, Cue::Title, anchor));
                    }
                    continue;
                }
            }
            // 甲、乙等市领导: a city's leaders listed before the word, as a group
            // word's are; whose officials they are is the discourse's to say.
            // (甲、乙等如皋市领导: a county-level city's, a post already.)
            let leaders = match chain.posts.last() {
                Some(p) => p.title.ends_with("领导"),
                None => chain.roles.last().is_some_and(|r| r.ends_with("领导")),
            };
            if leaders && self.name_at(s, chain.end + gap, true).is_none() {
                let list = self.list_before(s, chain.at);
                if !list.is_empty() {
                    for (at, len, name) in list {
                        out.push(mention(at, len, name, chain, Cue::Title, anchor));
                    }
                    continue;
                }
            }
            if let Some((len, name)) = self.name_at(s, chain.end + gap, true) {
                let at = chain.end + gap;
                out.push(mention(at, len, name, chain, Cue::Title, anchor));
                // 副区长甲、乙、丙: further names share a post that has several holders.
                let shared =
                    chain.posts.last().is_some_and(|p| !p.single) || chain.posts.is_empty();
                // A roster's line sets its names apart by spaces after a colon
                // ("副县长:李某某 马 某 王某某").
                let roster = gap > 0 && matches!(s.chars.get(chain.end), Some(':' | '：'));
                let rest = self.list_continuation(s, at + len, roster.then_some(len));
                for (at, len, name) in rest {
                    if shared {
                        out.push(mention(at, len, name, chain, Cue::List, anchor));
                    }
                }
                continue;
            }
            // 时任, 现任 right before the chain (`title_of_name`): where it starts.
            let held_when = (self.rules.words.of("title_of_name").iter())
                .find(|w| crate::extract::word_ends_at(s.chars, chain.at, w))
                .map(|w| chain.at - w.chars().count());
            // 时任某区区长的甲: the name after 的 held the title then.
            if s.chars.get(chain.end) == Some(&'的')
                && held_when.is_some()
                && let Some((len, name)) = self.name_at(s, chain.end + 1, true)
            {
                let at = chain.end + 1;
                out.push(mention(at, len, name, chain, Cue::Title, anchor));
                continue;
            }
            // 甲现任中共某区委书记: the name before 现任 (a `title_of_name`
            // word) holds the chain, where the name opens its clause.
            let held_by = held_when.and_then(|end| {
                (2..=4).filter(|n| *n <= end).find_map(|n| {
                    let from = end - n;
                    let clean = from == 0 || !is_han(s.chars[from - 1]) || s.bound[from];
                    clean
                        .then(|| self.name_at(s, from, true))
                        .flatten()
                        .filter(|(len, _)| *len == n)
                        .map(|(len, name)| (from, len, name))
                })
            });
            if let Some((at, len, name)) = held_by {
                out.push(mention(at, len, name, chain, Cue::Title, anchor));
                continue;
            }
            // 任命甲为区长, 乙当选为区政协主席, 接受丙辞去区长职务的请求.
            let linked = self.names_linked_before(s, chain, chains);
            if !linked.is_empty() {
                for (at, len, name) in linked {
                    out.push(mention(at, len, name, chain, Cue::Appointment, anchor));
                }
                continue;
            }
            // 周海平区长, 林文博书记: the name before a title that may follow it;
            // a joining word before it opens no name ("甲副区长和乙副区长"), nor
            // a word after which names stand ("受乙区长委托").
            let name_before = chain.name_before.map(|from| {
                let joined = chain.at >= from + 3
                    && (self.rules.name_not_opening.contains(&s.chars[from])
                        || opens_after(s, from + 1));
                (from + usize::from(joined), joined)
            });
            if let Some((from, joined)) = name_before
                && s.boundary(chain.end)
                && (from == 0
                    || joined
                    || chain.organ_before_name
                    || !is_han(s.chars[from - 1])
                    || s.bound[from]
                    || opens_after(s, from))
                && let Some((len, name)) = self.name_at(s, from, false).or_else(|| {
                    // A surname the table lacks, where jieba reads the name
                    // as one ("审议了凡某主席代表…").
                    matches!(s.tag_at.get(from), Some(Some((t, n)))
                        if t.starts_with("nr") && from + n == chain.at && (2..=3).contains(&n))
                    .then(|| self.name_at(s, from, true))
                    .flatten()
                })
                && from + len == chain.at
            {
                out.push(mention(from, len, name, chain, Cue::TitleAfter, anchor));
            }
        }
        // One name read twice ("原区长甲调任区委书记"): one mention with both readings.
        out.sort_by_key(|m| m.at);
        let mut merged: Vec<PersonMention> = Vec::new();
        for m in out {
            match merged.last_mut() {
                Some(last) if last.at == m.at && last.len == m.len => {
                    for p in m.posts {
                        if !last.posts.contains(&p) {
                            last.posts.push(p);
                        }
                    }
                    for r in m.roles {
                        if !last.roles.contains(&r) {
                            last.roles.push(r);
                        }
                    }
                    if m.cue == Cue::Appointment {
                        last.cue = Cue::Appointment;
                    }
                }
                Some(last) if last.at == m.at => {}
                _ => merged.push(m),
            }
        }
        merged
    }

    /// Names printed in bylines: "编辑 吴某某 审读 张某某", "(记者 黄某某)".
    pub fn bylines(&self, s: &Sentence) -> Vec<PersonMention> {
        let mut out = Vec::new();
        for role in &self.rules.credits {
            let mut from = 0;
            while let Some(rel) = s.text[from..].find(role.as_str()) {
                let byte = from + rel;
                from = byte + role.len();
                let at = s.text[..byte].chars().count() + role.chars().count();
                // A space or a colon sets the name apart.
                let mut pos = at;
                while matches!(s.chars.get(pos), Some(' ') | Some(':') | Some('：')) {
                    pos += 1;
                }
                if pos == at {
                    continue;
                }
                let Some((len, name)) = self.name_at(s, pos, false) else {
                    continue;
                };
                // A name runs on only into a credit or a word of `byline_after`:
                // "编辑:某某视窗" names an outlet.
                let rest: String = s.chars[pos + len..].iter().take(4).collect();
                let runs_on = s.chars.get(pos + len).is_some_and(|c| is_han(*c))
                    && !self
                        .rules
                        .credits
                        .iter()
                        .any(|r| rest.starts_with(r.as_str()))
                    && !self
                        .rules
                        .words
                        .of("byline_after")
                        .iter()
                        .any(|w| rest.starts_with(w.as_str()));
                if !runs_on {
                    out.push(PersonMention {
                        at: pos,
                        len,
                        name,
                        posts: Vec::new(),
                        roles: vec![role.clone()],
                        cue: Cue::Byline,
                        anchor: None,
                    });
                }
            }
        }
        out
    }

    /// A list of names starting at `pos`, joined by 、 (and by 和, 及, 与 before
    /// the last): each must be a name and end at a boundary.
    fn list_at(&self, s: &Sentence, pos: usize, vouched: bool) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let Some((len, name)) = self.name_at(s, pos, vouched) else {
            return out;
        };
        out.push((pos, len, name));
        out.extend(self.list_continuation(s, pos + len, None));
        out
    }

    /// The list a word opens right after a group word or a title of several
    /// holders (`opens_group_list`: "县领导有甲、乙", "区领导还有:甲、乙"): two
    /// names at least, or one after a colon, so that 有关 opens no name.
    fn led_list(&self, s: &Sentence, end: usize) -> Vec<(usize, usize, String)> {
        self.rules
            .words
            .of("opens_group_list")
            .iter()
            // "区领导以及甲、乙等企业家": 以及 joins others to the group.
            .filter(|w| !w.ends_with('及') && crate::extract::word_at(s.chars, end, w))
            .find_map(|w| {
                let after = end + w.chars().count();
                let colon = matches!(s.chars.get(after), Some(':' | '：'));
                let run = self.list_at(s, after + usize::from(colon), true);
                (run.len() >= 2 || (colon && !run.is_empty())).then_some(run)
            })
            .unwrap_or_default()
    }

    /// Further names after a name ending at `end`: "、乙、丙", "和丁"; with
    /// `spaced` (a roster's line: the length of the name before), also names
    /// set apart by spaces whose surname the table lists, and a name of three
    /// run on after one of three where the source lost the space.
    fn list_continuation(
        &self,
        s: &Sentence,
        mut end: usize,
        spaced: Option<usize>,
    ) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        // In a roster's spaced line, the length of the name before: a source
        // that lost a space runs two names of three together ("付某平隋某国").
        let mut last_len = spaced;
        let spaced = spaced.is_some();
        loop {
            let spaces = s.chars[end.min(s.chars.len())..]
                .iter()
                .take_while(|c| matches!(c, ' ' | '\u{3000}'))
                .count();
            let sep = match s.chars.get(end) {
                Some('、') => 1,
                Some('和' | '及' | '与') => 1,
                Some(' ' | '\u{3000}') if spaced => spaces,
                Some(c) if last_len == Some(3) && self.rules.is_surname(&c.to_string()) => 0,
                _ => break,
            };
            let pos = end + sep;
            // Another titled person starts here ("、区长乙"): not this list.
            if s.title_at.get(pos).copied().unwrap_or(false) {
                break;
            }
            let found = match (self.name_at(s, pos, true), self.enclosed_item(s, end)) {
                (Some((len, _)), Some(item)) if item.0 > len => Some(item),
                (None, item) => item,
                (found, _) => found,
            };
            match found {
                Some((len, name))
                    if (s.chars[end] == '、' || self.is_listed_surname(&name))
                        && (sep > 0 || len == 3) =>
                {
                    out.push((pos, len, name));
                    end = pos + len;
                    last_len = last_len.map(|_| len);
                }
                _ => break,
            }
        }
        out
    }

    /// An item of a list set off by 、 before it and 、 or a comma after it
    /// ("县级领导甲、卓玛某吉、索南某某、乙", "副县长甲、才让某某,…"): two to six
    /// characters of Chinese that open with a listed surname and hold no
    /// title, verb, date or stop. The separators bound it, where
    /// the name rules would cut a Tibetan or rare given name short. `sep` is
    /// the position of the 、 before it. Linear in the item.
    fn enclosed_item(&self, s: &Sentence, sep: usize) -> Option<(usize, String)> {
        if s.chars.get(sep) != Some(&'、') {
            return None;
        }
        let pos = sep + 1;
        let len = s.chars[pos..]
            .iter()
            .take(7)
            .position(|c| matches!(c, '、' | ',' | '，'))?;
        let inside = pos..pos + len;
        let word: String = s.chars[inside.clone()].iter().collect();
        // Closed by a comma, an item of four or more is a name only where it
        // is written as a transliterated one ("、才让扎西,"), not a body
        // ("、相关部门,", "、项目业主,").
        if s.chars[pos + len] != '、'
            && len >= 4
            && !word
                .chars()
                .skip(1)
                .all(|c| self.rules.name_transliteration.contains(&c))
        {
            return None;
        }
        // A body is no name ("县领导甲、农业农村局、水利局负责同志").
        let body = self
            .rules
            .words
            .of("organ_ending")
            .iter()
            .any(|o| word.ends_with(o.as_str()))
            || word.ends_with([
                '局', '办', '委', '部', '院', '所', '站', '镇', '乡', '村', '厂', '司',
            ]);
        ((2..=6).contains(&len)
            && !body
            && s.chars[inside.clone()].iter().all(|c| is_han(*c))
            && !inside.clone().any(|i| {
                s.title_at[i] || s.verb_at[i] || s.blocked[i] || (i > pos + 1 && s.bound[i])
            })
            && self.is_listed_surname(&word)
            && !self.rules.not_names.contains(&word))
        .then_some((len, word))
    }

    fn is_listed_surname(&self, name: &str) -> bool {
        let first: String = name.chars().take(1).collect();
        let two: String = name.chars().take(2).collect();
        self.rules.is_surname(&first) || self.rules.is_surname(&two)
    }

    /// The names an appointment or election ties to a chain: the list right
    /// before a link word (为, 任, 当选为, 辞去, 的) that starts a clause or
    /// follows a word that opens such a list (任命, 选举, 免去).
    fn names_linked_before(
        &self,
        s: &Sentence,
        chain: &Chain,
        chains: &[Chain],
    ) -> Vec<(usize, usize, String)> {
        let chars = s.chars;
        let Some(link) = self
            .rules
            .post_links
            .iter()
            .filter(|w| crate::extract::word_ends_at(chars, chain.at, w))
            .max_by_key(|w| w.chars().count())
        else {
            return Vec::new();
        };
        let mut end = chain.at - link.chars().count();
        if end >= 2 && crate::extract::word_at(chars, end - 2, "同志") {
            end -= 2;
        }
        let clause_start = (0..end)
            .rev()
            .find(|&i| matches!(chars[i], ',' | '，' | ';' | '；' | ':' | '：' | '。'))
            .map_or(0, |i| i + 1);
        let mut starts = vec![clause_start];
        // "历下区原区长甲调任…": the list may open right after another chain,
        // or after the separator that follows one ("…为区长、乙为…").
        for c in chains {
            for e in [c.end, c.end + 1] {
                if e > clause_start
                    && e < end
                    && (e == c.end || matches!(chars[c.end], '、' | ',' | '，'))
                {
                    starts.push(e);
                }
            }
        }
        for w in &self.rules.list_openers {
            let n = w.chars().count();
            for i in clause_start..end.saturating_sub(n - 1) {
                if crate::extract::word_at(chars, i, w) {
                    starts.push(i + n);
                }
            }
        }
        // 的 and 为 tie names only where an opener or the clause start says so
        // and, for 的, only after 免去.
        starts.sort_unstable_by(|a, b| b.cmp(a));
        for start in starts {
            if start >= end {
                continue;
            }
            if link == "的" && !(start >= 2 && crate::extract::word_at(chars, start - 2, "免去"))
            {
                continue;
            }
            let list = self.list_at(s, start, true);
            let list_end = list.last().map(|(a, l, _)| a + l);
            let closes = list_end.is_some_and(|e| {
                e == end || (e + 2 == end && crate::extract::word_at(chars, e, "同志"))
            });
            if closes {
                return list;
            }
        }
        Vec::new()
    }

    /// Where organs listed before a group word of another organ start
    /// (`listed_organ`: "县委、县人大常委会、" before 县政府领导); `at` when none.
    fn before_listed_organs(&self, s: &Sentence, mut at: usize) -> usize {
        while at > 0 && s.chars[at - 1] == '、' {
            let organ = self
                .rules
                .words
                .with_units("listed_organ")
                .filter(|o| crate::extract::word_ends_at(s.chars, at - 1, o))
                .map(|o| o.chars().count())
                .max();
            match organ {
                Some(n) => at -= n + 1,
                None => break,
            }
        }
        at
    }

    /// The chain with its group post said as the unit's leaders (县政府领导 ->
    /// 县领导), when the table has that group word.
    fn unit_leaders(&self, chain: &Chain) -> Option<Chain> {
        let mut general = chain.clone();
        for p in &mut general.posts {
            let unit = p.title.chars().next()?;
            let leaders = self.rules.title(&format!("{unit}领导"))?;
            p.title = leaders.canonical.clone();
        }
        Some(general)
    }

    /// "甲、乙、丙等区领导": the list of names that ends right before 等, which
    /// stands right before `at` or before qualifiers: words of
    /// `group_qualifier` in data/words.tsv ("甲、乙等全体在家县领导") or a phrase
    /// of at most 12 characters that ends in 的 ("甲、乙等不是主席团成员的区级领导").
    fn list_before(&self, s: &Sentence, at: usize) -> Vec<(usize, usize, String)> {
        let relative = || {
            (at >= 2 && s.chars[at - 1] == '的')
                .then(|| {
                    // A phrase with no verb and no preposition in it: not
                    // "等专家为参会的县领导作辅导".
                    (at.saturating_sub(14)..at - 1).rev().find(|&i| {
                        s.chars[i] == '等'
                            && s.chars[i + 1..at - 1].iter().all(|c| {
                                crate::extract::is_han(*c) && !"为与和同向对给作".contains(*c)
                            })
                            && !(i + 1..at - 1).any(|j| s.verb_at[j])
                    })
                })
                .flatten()
                .map(|i| i + 1)
        };
        // Organs listed before the group's own ("等县委、县人大常委会、县政府领导").
        let at = self.before_listed_organs(s, at);
        // Qualifiers may follow one another ("等全体在家区级领导").
        let mut at = relative().unwrap_or(at);
        while let Some(w) = self
            .rules
            .words
            .of("group_qualifier")
            .iter()
            .find(|w| !w.is_empty() && crate::extract::word_ends_at(s.chars, at, w))
        {
            at -= w.chars().count();
        }
        if at == 0 || s.chars[at - 1] != '等' {
            return Vec::new();
        }
        // The list starts at the clause's start, or after a word that opens
        // one ("在主席台就座的还有甲、乙等县领导").
        let mut start = at - 1;
        while start > 0
            && !matches!(
                s.chars[start - 1],
                ',' | '，' | '。' | ';' | ':' | '：' | ' '
            )
        {
            start -= 1;
        }
        let mut starts = vec![start];
        let openers = self.rules.words.of("opens_group_list").iter();
        for w in openers.chain(self.rules.words.of("joins_group_list")) {
            let n = w.chars().count();
            starts.extend(
                (start..at.saturating_sub(n))
                    .filter(|&i| crate::extract::word_at(s.chars, i, w))
                    .map(|i| i + n),
            );
        }
        starts.sort_unstable();
        starts.dedup();
        starts
            .into_iter()
            .map(|from| self.list_at(s, from, true))
            .find(|list| matches!(list.last(), Some((p, l, _)) if p + l == at - 1))
            .unwrap_or_default()
    }

    /// The length of a name starting at `pos`, and the name, if one does.
    /// `vouched`: a title or group word stands right before it, so a name whose
    /// surname the table lacks, or with an interpunct, is taken too.
    pub fn name_at(&self, s: &Sentence, pos: usize, vouched: bool) -> Option<(usize, String)> {
        let chars = s.chars;
        let first = *chars.get(pos)?;
        // No name where a title or a date starts ("书记区长这周"), nor where a
        // verb does, unless jieba reads a person there ("区长强调").
        let person_here =
            matches!(s.tag_at.get(pos), Some(Some((t, n))) if t.starts_with("nr") && n >= 2);
        if !is_han(first)
            || s.blocked[pos]
            || s.title_at.get(pos).copied().unwrap_or(false)
            || (s.verb_at[pos] && !person_here)
            || (s.bound[pos] && !person_here && !self.rules.is_surname(&first.to_string()))
        {
            return None;
        }
        // 于, 和, 同 open names as surnames only where jieba reads a person
        // there, or in a list a title vouches for ("区领导于某某、尹某某").
        let found = if self.rules.name_not_opening.contains(&first) {
            let person =
                matches!(s.tag_at.get(pos), Some(Some((t, n))) if t.starts_with("nr") && n >= 2);
            if !self.rules.is_surname(&first.to_string()) {
                return None;
            }
            // Right after a title, 于 and a given name jieba reads as a name
            // or lacks ("县长于某威主持"), not a time or a place ("县长于近日",
            // "区长于沙井调研").
            let given = match s.tag_at.get(pos + 1) {
                Some(Some((t, n)))
                    if vouched
                        && pos > 0
                        && is_han(chars[pos - 1])
                        && (1..=2).contains(&n)
                        && (t.starts_with("nr") || t == "nz" || s.tag_at.unknown_at(pos + 1))
                        && !s.bound[pos + 1]
                        && s.boundary(pos + 1 + n)
                        // "甲副区长和乙副区长": 和 joins a name its title follows.
                        && !s.title_at.get(pos + 1 + n).copied().unwrap_or(false) =>
                {
                    Some(n)
                }
                // ... or one character a verb of the table follows ("区长于某出席").
                _ if vouched
                    && pos > 0
                    && is_han(chars[pos - 1])
                    && chars.get(pos + 1).is_some_and(|c| is_han(*c))
                    && !s.blocked[pos + 1]
                    && !s.bound[pos + 1]
                    && s.verb_at.get(pos + 2).copied().unwrap_or(false) =>
                {
                    Some(1)
                }
                _ => None,
            };
            if person {
                self.name_at_inner(s, pos, vouched)
            } else if let Some(n) = given {
                Some((n + 1, chars[pos..=pos + n].iter().collect()))
            } else {
                let found = self.name_at_inner(s, pos, false)?;
                // An item of a list: 、 after it, or before it ("…、乔某、于某,").
                let listed = vouched
                    && (s.chars.get(pos + found.0) == Some(&'、')
                        || (pos > 0 && s.chars[pos - 1] == '、'));
                // ... or a signature: a title, a space, and the name alone to
                // the line's end ("县人民政府代县长 向某兵").
                let signed = vouched
                    && pos > 0
                    && chars[pos - 1].is_whitespace()
                    && chars.get(pos + found.0).is_none_or(|c| c.is_whitespace());
                (listed || signed).then_some(found)
            }
        } else {
            self.name_at_inner(s, pos, vouched)
        };
        // A verb of the table, or a word that follows names, is never a name
        // ("调研员应邀参加" has no 应邀, "县长、副县长宣誓" no 宣誓), nor is
        // one that ends in a title or a body ("副区长和局长、委员会主任": no
        // 和局长, no 委员会; `organ_ending` in data/words.tsv). Nor does one run
        // into the place that opens the next title chain ("从某区区长任缙云县委
        // 书记" has no 任缙云).
        found.filter(|(len, name)| {
            !(pos + 1..pos + len).any(|i| s.title_at.get(i).copied().unwrap_or(false))
                && !self.rules.verbs.iter().any(|v| v.word == *name)
                && !self.rules.name_follow.contains(name)
                // ... nor one a never-name opens ("县长信箱收到": no 信箱收).
                && !self.rules.not_names.iter().any(|w| name.starts_with(w.as_str()))
                && !self
                    .rules
                    .words
                    .of("organ_ending")
                    .iter()
                    .any(|o| name.ends_with(o.as_str()))
                && !self
                    .rules
                    .titles
                    .iter()
                    .any(|t| t.written.chars().count() >= 2 && name.ends_with(t.written.as_str()))
        })
    }

    fn name_at_inner(&self, s: &Sentence, pos: usize, vouched: bool) -> Option<(usize, String)> {
        let chars = s.chars;
        let first = *chars.get(pos)?;
        // "城区领导都会第一时间": where jieba reads an adverb (or a pronoun, a
        // conjunction) and then a verb, each a word of one character, no name
        // starts ("何/r 建文", "曾/d 新" still do).
        if let Some(Some((tag, 1))) = s.tag_at.get(pos)
            && ["d", "r", "c", "u", "uj", "ul", "ud", "uv", "uz", "ug", "y"].contains(&tag)
            && matches!(s.tag_at.get(pos + 1), Some(Some((t, 1))) if ["v", "d", "p"].contains(&t))
        {
            return None;
        }
        if vouched && let Some(found) = interpunct_name(s, pos, &self.rules.name_end) {
            return Some(found);
        }
        if vouched && let Some(found) = self.transliterated_name_at(s, pos) {
            return Some(found);
        }
        // 蔡 颖: two characters set apart by a space.
        if chars.get(pos + 1) == Some(&' ')
            && chars.get(pos + 2).is_some_and(|c| is_han(*c))
            && self.rules.is_surname(&first.to_string())
            && s.boundary(pos + 3)
            && !s.bound[pos + 2]
        {
            return Some((3, format!("{first}{}", chars[pos + 2])));
        }
        for surname_len in [2, 1] {
            let surname: String = chars.get(pos..pos + surname_len)?.iter().collect();
            if !self.rules.is_surname(&surname) {
                continue;
            }
            for given in [2, 1] {
                let end = pos + surname_len + given;
                if end > chars.len()
                    || !chars[pos..end].iter().all(|c| is_han(*c))
                    || (pos + 1..end).any(|i| s.blocked[i])
                {
                    continue;
                }
                if s.boundary(end) && !splits_a_word(s, pos, self.rules) {
                    // "贺某到宝安": where the last character opens a verb and the
                    // shorter name ends there too, the shorter one is meant.
                    // Not before 等, which ends a list ("代县长陈某为等…").
                    let shorter = end - 1;
                    // A number or an opening quote after a follow word ends
                    // the name before it too ("翁某等24人", "吴某及4名委员",
                    // "柴某以《…》为题").
                    let han_after = chars.get(end).is_some_and(|c| {
                        (is_han(*c) && *c != '等')
                            || c.is_ascii_digit()
                            || matches!(c, '《' | '“' | '「' | '『')
                    });
                    // Unless the last is a follow word that ends names too
                    // (许立为率…; not 任命张某为副区长).
                    if given == 2
                        && han_after
                        && s.bound[shorter]
                        && !s.blocked[shorter]
                        && !self.ends_given_name(s, end)
                    {
                        return Some((shorter - pos, chars[pos..shorter].iter().collect()));
                    }
                    // "区长郑某说,…": a speech verb of one character (说, 称)
                    // before a stop ends no given name.
                    let last = chars[end - 1].to_string();
                    if given == 2
                        && !han_after
                        && self
                            .rules
                            .verbs
                            .iter()
                            .any(|v| v.word == last && v.kind == crate::rules::VerbKind::Speech)
                    {
                        return Some((shorter - pos, chars[pos..shorter].iter().collect()));
                    }
                    return Some((end - pos, chars[pos..end].iter().collect()));
                }
            }
            // No clear boundary: jieba's person tag decides.
            if let Some(Some((tag, n))) = s.tag_at.get(pos)
                && tag.starts_with("nr")
                && (2..=4).contains(&n)
                && n > surname_len
                && pos + n <= chars.len()
            {
                return Some((n, chars[pos..pos + n].iter().collect()));
            }
        }
        if vouched {
            return self.unlisted_name_at(s, pos);
        }
        None
    }

    /// True when a name may end right before `end` in a follow word that also
    /// ends given names (`name_end`: 为, 和): a verb of the table or a word that
    /// follows names, not a title, comes right after it ("许立为率…", but not
    /// "任命张某为副区长"). Where it makes a word with a follow word of one
    /// character after it, the word is meant ("区长甲来到…" is 甲 and 来到;
    /// "副区长乙来陪同" is 乙来, "许立为主持" 许立为). Linear in the two
    /// tables.
    fn ends_given_name(&self, s: &Sentence, end: usize) -> bool {
        let chars = s.chars;
        let at_word = |w: &str| crate::extract::word_at(chars, end, w);
        let longest = self
            .rules
            .name_follow
            .iter()
            .filter(|w| !self.rules.name_follow_object.contains(w))
            .chain(self.rules.verbs.iter().map(|v| &v.word))
            .filter(|w| at_word(w))
            .map(|w| w.chars().count())
            .max();
        end > 0
            && self.rules.name_end.contains(&chars[end - 1])
            && !(longest == Some(1) && s.tag_at.opens_pair_word(end - 1))
            && (longest.is_some()
                // A conjunction never stands before a stop: "钢布和、副主席乙".
                || chars
                    .get(end)
                    .is_some_and(|c| matches!(c, '、' | ',' | '，' | '。' | ';' | '；')))
    }

    /// A titled name of four to six characters transliterated from Mongolian,
    /// Tibetan or Uyghur and written without an interpunct ("宝音满都呼",
    /// "佟格日乐"): every character after the first is one of the table's
    /// `transliteration` characters, and a clear boundary follows. The longest
    /// such run wins.
    fn transliterated_name_at(&self, s: &Sentence, pos: usize) -> Option<(usize, String)> {
        let set = &self.rules.name_transliteration;
        let mut run = s.chars[pos + 1..]
            .iter()
            .take(5)
            .take_while(|c| set.contains(c))
            .count();
        // A character that ends given names (和) may end one ("哈斯布和到会"),
        // never stand inside one ("宝音和巴图" is two), nor before a title
        // ("任命门克某为副区长").
        if run < 5
            && s.chars
                .get(pos + 1 + run)
                .is_some_and(|c| self.rules.name_end.contains(c))
            && !s.chars.get(pos + 2 + run).is_some_and(|c| set.contains(c))
            && self.ends_given_name(s, pos + 2 + run)
        {
            run += 1;
        }
        (4..=run + 1).rev().find_map(|len| {
            let end = pos + len;
            (s.boundary(end) && !(pos + 1..end).any(|i| s.blocked[i]))
                .then(|| (len, s.chars[pos..end].iter().collect()))
        })
    }

    /// A name after a title whose surname the table lacks (a rare surname):
    /// two or three characters up to a clear boundary, unless jieba reads a
    /// common word there (这周, 一肩挑).
    fn unlisted_name_at(&self, s: &Sentence, pos: usize) -> Option<(usize, String)> {
        if s.bound[pos] {
            return None;
        }
        // An item of a list a group word vouches for ("区领导王某、虎某、柴某")
        // is a name even where jieba reads a noun or an adjective there,
        // never a verb ("、决定").
        let listed = pos > 0 && s.chars[pos - 1] == '、';
        // A word jieba's dictionary lacks, of a name's length, right after a
        // title or in a list, is one jieba made of unknown characters: a name
        // ("副主席戢某某主持"), whatever tag it guessed. Not at a clause's
        // start (",后声任…" is a slip of 后升任).
        let after_title = pos > 0 && (is_han(s.chars[pos - 1]) || s.chars[pos - 1] == '、');
        let unknown = match s.tag_at.get(pos) {
            Some(Some((_, n)))
                if after_title && (2..=3).contains(&n) && s.tag_at.unknown_at(pos) =>
            {
                Some(n)
            }
            _ => None,
        };
        if let Some(Some((tag, n))) = s.tag_at.get(pos)
            && unknown.is_none()
            && !(listed && (tag.starts_with('n') || tag == "a"))
            && !tag.starts_with("nr")
            && (n > 1 || ["m", "r", "d", "p", "c", "u", "v", "q"].contains(&tag))
        {
            return None;
        }
        let lengths = match unknown {
            // "钢布和、…": an unknown word jieba cut before a character that
            // ends given names may run on to it (checked below).
            Some(2)
                if s.chars
                    .get(pos + 2)
                    .is_some_and(|c| self.rules.name_end.contains(c)) =>
            {
                vec![3, 2]
            }
            Some(n) => vec![n],
            None => vec![3, 2],
        };
        lengths.into_iter().find_map(|len| {
            let end = pos + len;
            if end > s.chars.len() || !s.chars[pos..end].iter().all(|c| is_han(*c)) {
                return None;
            }
            let word: String = s.chars[pos..end].iter().collect();
            // "代某等陪同": a word that may follow a name ends it, not joins it
            // ("许立为率…" is 许立为, though).
            let last = s.chars[end - 1].to_string();
            if len == 3 && self.rules.name_follow.contains(&last) && !self.ends_given_name(s, end) {
                return None;
            }
            let title_inside = self
                .rules
                .titles
                .iter()
                .any(|t| word.contains(t.written.as_str()) || t.written.starts_with(&word));
            (s.boundary(end) && !title_inside && !splits_a_word(s, pos, self.rules))
                .then_some((len, word))
        })
    }
}

/// True when a name starting at `from` would start inside a word jieba reads
/// across it, and nothing else marks a boundary there: the "期可靠" of
/// "海淀区长期可靠" starts inside 长期.
fn splits_a_word(s: &Sentence, from: usize, rules: &Rules) -> bool {
    let inside = from > 0 && !s.word_start[from] && !s.bound[from] && is_han(s.chars[from - 1]);
    let person = matches!(s.tag_at.get(from), Some(Some((t, _))) if t.starts_with("nr"));
    inside && !person && !rules.is_surname(&s.chars[from].to_string())
}

/// True when what precedes `from` lets a name start there: a separator, or a
/// word names follow in a list or after a preposition (由, 和).
fn opens_after(s: &Sentence, from: usize) -> bool {
    matches!(
        s.chars[from - 1],
        '由' | '和' | '与' | '及' | '、' | '请' | '是' | '了' | '向' | '对' | '受'
    )
}

/// 阿依·买合木提, 阿卜杜•热合曼: parts joined by an interpunct, up to a boundary.
fn interpunct_name(
    s: &Sentence,
    pos: usize,
    name_end: &std::collections::BTreeSet<char>,
) -> Option<(usize, String)> {
    let chars = s.chars;
    let mut end = pos;
    let mut parts = 0;
    // After the interpunct, a character that ends given names runs on where a
    // name's character follows it ("阿卜杜某·阿卜来提的"), not where it opens
    // a word (来到).
    let runs_on = |i: usize| {
        name_end.contains(&chars[i])
            && !s.tag_at.opens_pair_word(i)
            && chars.get(i + 1).is_some_and(|c| is_han(*c))
            && !s.bound.get(i + 1).copied().unwrap_or(true)
    };
    loop {
        let start = end;
        while end < chars.len()
            && is_han(chars[end])
            && end - start < 8
            && (end == start || !s.bound[end] || (parts > 0 && runs_on(end)))
        {
            end += 1;
        }
        if end == start {
            return None;
        }
        parts += 1;
        match chars.get(end) {
            Some(c)
                if INTERPUNCTS.contains(c) && chars.get(end + 1).is_some_and(|c| is_han(*c)) =>
            {
                end += 1;
            }
            _ => break,
        }
    }
    if parts < 2 || end - pos > 16 {
        return None;
    }
    let name: String = chars[pos..end]
        .iter()
        .map(|c| if INTERPUNCTS.contains(c) { '·' } else { *c })
        .collect();
    Some((end - pos, name))
}

fn mention(
    at: usize,
    len: usize,
    name: String,
    chain: &Chain,
    cue: Cue,
    anchor: Option<(usize, usize)>,
) -> PersonMention {
    PersonMention {
        at,
        len,
        name,
        posts: chain
            .posts
            .iter()
            .filter(|p| p.level == Level::District || p.level == Level::Group)
            .cloned()
            .collect(),
        roles: chain.roles.clone(),
        cue,
        anchor,
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::mention::Mentions;
    use crate::rules::Rules;

    /// (name, titles) of each person the sentence names.
    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        Mentions::find(&rules, &jieba, text)
            .people
            .into_iter()
            .map(|p| (p.name, p.posts.into_iter().map(|q| q.title).collect()))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        people(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn a_title_before_or_after_the_name() {
        assert_eq!(
            people("区委书记严某志8月18日下午,实地调研"),
            vec![("严某志".to_string(), vec!["区委书记".to_string()])]
        );
        assert_eq!(
            people("邵某区长主持会议,区委书记鲍某某出席"),
            vec![
                ("邵某".to_string(), vec!["区长".to_string()]),
                ("鲍某某".to_string(), vec!["区委书记".to_string()])
            ]
        );
        assert_eq!(names("会议由窦立群副主席主持"), ["窦立群"]);
    }

    #[test]
    fn names_before_organs_listed_and_a_group_word_are_the_units_leaders() {
        assert_eq!(
            people("葛立山、卢文海等县委、县人大常委会、县政府领导在主席台就座"),
            vec![
                ("葛立山".to_string(), vec!["县领导".to_string()]),
                ("卢文海".to_string(), vec!["县领导".to_string()])
            ]
        );
        // One organ's group word keeps its organ.
        assert_eq!(
            people("葛立山、卢文海等县政府领导出席"),
            vec![
                ("葛立山".to_string(), vec!["县政府领导".to_string()]),
                ("卢文海".to_string(), vec!["县政府领导".to_string()])
            ]
        );
    }

    #[test]
    fn a_bylines_name_runs_on_into_no_outlet() {
        // "编辑:某某视窗" names an outlet; "记者 某某 报道" a person.
        assert!(names("来源:甲乙新闻网 | 编辑:安吉视窗").is_empty());
        assert_eq!(names("(记者 葛立山)"), ["葛立山"]);
        assert_eq!(names("记者 葛立山报道"), ["葛立山"]);
    }

    #[test]
    fn a_title_as_a_modifier_names_nobody() {
        // "省市长项目", "县长信箱": the title says whose, no name follows.
        assert!(names("努力在省市长项目上实现突破").is_empty());
        assert_eq!(names("县长信箱收到群众来信"), Vec::<String>::new());
        assert_eq!(
            names("区政府副区长信访接待日活动举行"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_organ_before_the_name_and_its_head_after() {
        // "区委某某书记": the organ opens the title, the name stands inside.
        assert_eq!(
            people("区委葛立山书记作重要讲话"),
            vec![("葛立山".to_string(), vec!["区委书记".to_string()])]
        );
        assert_eq!(
            people("区政协卢文海主席主持会议"),
            vec![("卢文海".to_string(), vec!["区政协主席".to_string()])]
        );
    }

    #[test]
    fn a_bare_head_takes_the_organ_the_sentence_wrote() {
        assert_eq!(
            people("区政协五届一次会议举行闭幕大会,副主席葛立山主持会议,主席卢文海在主席台就坐"),
            vec![
                ("葛立山".to_string(), vec!["区政协副主席".to_string()]),
                ("卢文海".to_string(), vec!["区政协主席".to_string()])
            ]
        );
        // Where the marks are lost, the meeting's name stays out of the title.
        assert_eq!(
            people("区政协五届一次会议举行闭幕大会副主席葛立山主持会议"),
            vec![("葛立山".to_string(), vec!["区政协副主席".to_string()])]
        );
        assert_eq!(
            people("县人大常委会召开第十次会议,主任方建春主持"),
            vec![("方建春".to_string(), vec!["县人大常委会主任".to_string()])]
        );
    }

    #[test]
    fn a_speech_verb_before_a_stop_ends_the_name() {
        assert_eq!(names("区长郑明说,全区将加快建设"), ["郑明"]);
        // A name of three characters stays whole ("…均" is no speech).
        assert_eq!(
            names("区领导陈德平、于建均、方建春出席"),
            ["陈德平", "于建均", "方建春"]
        );
        assert_eq!(names("区委书记柴志豪放弃休假,深入基层"), ["柴志豪"]);
    }

    #[test]
    fn no_name_ends_in_a_title_or_a_body() {
        assert!(names("政府组成人员包括区长、副区长和局长、委员会主任等").is_empty());
        assert_eq!(
            names("区委常委方建春及区委办、区政府办有关负责人"),
            ["方建春"]
        );
        assert_eq!(names("副区长卢文海,区法院、区检察院负责人列席"), ["卢文海"]);
        // 从 is a surname too, where a title stands before it.
        assert_eq!(
            names("区人大常委会副主任丁某,副区长从立新一同调研"),
            ["丁某", "从立新"]
        );
    }

    #[test]
    fn a_number_or_an_election_after_a_name_ends_it() {
        // 等 and 及 before a count, 新当选 after the name: none is a given name.
        assert_eq!(
            names("区领导卢文海、葛立山、方建等24人出席"),
            ["卢文海", "葛立山", "方建"]
        );
        assert_eq!(names("新当选的区长柴明及4名委员宣誓"), ["柴明"]);
        assert_eq!(names("政协主席虎勇新当选为政协主席"), ["虎勇"]);
    }

    #[test]
    fn a_verb_after_an_after_title_is_no_name() {
        let found = names("区政协主席方建春作报告,于建均副主席宣读了表彰决定");
        assert!(!found.iter().any(|n| n.starts_with('宣')), "{found:?}");
    }

    #[test]
    fn a_tibetan_name_without_an_interpunct_is_whole() {
        assert_eq!(names("县委副书记、县长卓玛当周带队赴西宁"), ["卓玛当周"]);
    }

    #[test]
    fn a_citys_leaders_listed_before_the_word() {
        // 甲、乙等市领导 as 市领导甲、乙; a county-level city's (如皋市领导) is
        // a post of that city already.
        assert_eq!(names("张立、马冰等市领导参加开工仪式"), ["张立", "马冰"]);
        assert_eq!(
            people("葛立山、卢文海等如皋市领导参加开工仪式"),
            vec![
                ("葛立山".to_string(), vec!["市领导".to_string()]),
                ("卢文海".to_string(), vec!["市领导".to_string()])
            ]
        );
    }

    #[test]
    fn a_zones_two_bodies_as_a_group_word() {
        assert_eq!(
            people("航空港实验区党工委、管委会领导葛立山、卢文海参加"),
            vec![
                ("葛立山".to_string(), vec!["党工委、管委会领导".to_string()]),
                ("卢文海".to_string(), vec!["党工委、管委会领导".to_string()])
            ]
        );
    }

    #[test]
    fn a_group_list_joined_to_a_titled_name() {
        // "甲和乙、丙等县领导": the list after 和 is closed by its group word.
        assert_eq!(
            people("县政协主席方建春和蒋文华、唐立宇、李瑞英等县领导参加会议"),
            vec![
                ("方建春".to_string(), vec!["县政协主席".to_string()]),
                ("蒋文华".to_string(), vec!["县领导".to_string()]),
                ("唐立宇".to_string(), vec!["县领导".to_string()]),
                ("李瑞英".to_string(), vec!["县领导".to_string()])
            ]
        );
    }

    #[test]
    fn a_signature_after_a_space_takes_a_surname_that_is_also_a_word() {
        // 向 opens no name in running text (区长向大会报告), but a report's
        // signature, a title, a space and the name alone on its line, is one.
        assert_eq!(names("通榆县人民政府代县长 向立兵\n"), ["向立兵"]);
        assert!(names("县长向大会报告工作").is_empty());
    }

    #[test]
    fn words_after_a_name_and_headline_phrases_are_no_names() {
        // 用 follows names ("虎强用三句话"), and a headline's 谈感受 is a verb's.
        assert_eq!(names("县委书记虎强用“三句话”拉开序幕"), ["虎强"]);
        assert!(names("书记谈感受:这是个了不起的地方").is_empty());
    }

    #[test]
    fn a_group_list_after_a_lead_in() {
        assert_eq!(
            people("在主席台就座的还有葛立山、卢文海、于建均等县领导和老领导"),
            vec![
                ("葛立山".to_string(), vec!["县领导".to_string()]),
                ("卢文海".to_string(), vec!["县领导".to_string()]),
                ("于建均".to_string(), vec!["县领导".to_string()])
            ]
        );
        assert_eq!(
            names("出席会议的有方建春、陈德平等区领导"),
            ["方建春", "陈德平"]
        );
    }

    #[test]
    fn group_words_of_other_forms() {
        assert_eq!(
            names("县政协主席班子成员葛立山、卢文海在主席台前排就座"),
            ["葛立山", "卢文海"]
        );
        assert_eq!(
            people("葛立山、卢文海等县四大家领导出席仪式"),
            vec![
                ("葛立山".to_string(), vec!["县领导".to_string()]),
                ("卢文海".to_string(), vec!["县领导".to_string()])
            ]
        );
        assert_eq!(people("区主要领导方建春出席")[0].1, ["区主要领导"]);
        // Chongqing's counties: leaders the city appoints (市管领导).
        assert_eq!(
            people("葛立山、卢文海等市管领导在主席台就座")[1].1,
            ["市管领导"]
        );
    }

    #[test]
    fn a_name_before_xianren_holds_the_chain_after_it() {
        assert_eq!(
            people("据悉,葛立山现任中共平乡县委书记。"),
            vec![("葛立山".to_string(), vec!["县委书记".to_string()])]
        );
        // Not a name run into running text before it.
        assert!(
            people("该同志的前任现任县委书记")
                .iter()
                .all(|(n, _)| n != "前任")
        );
    }

    #[test]
    fn yu_and_one_character_before_a_verb_is_a_name() {
        // 于 opens a name of two characters right before a verb of the table;
        // not a place or a time it introduces.
        assert_eq!(names("五常市长于平出席会议"), ["于平"]);
        assert!(names("白云区区长于沙井调研").is_empty());
        assert!(names("白云区区长于会上讲话").is_empty());
    }

    #[test]
    fn group_words_and_lists() {
        assert_eq!(
            names("区领导于建明、尹长山、郑海松出席会议"),
            ["于建明", "尹长山", "郑海松"]
        );
        assert_eq!(
            names("区领导陈某鹏、马林波及有关部门负责人陪同"),
            ["陈某鹏", "马林波"]
        );
        assert_eq!(
            names("谢某、王某宏、邹某宇等区领导在主席台就座"),
            ["谢某", "王某宏", "邹某宇"]
        );
        // "在主席台就座的领导还有:甲、乙": leaders on the rostrum, after a colon.
        assert_eq!(
            people("在主席台就座的领导还有:葛立山、卢文海。")[1],
            ("卢文海".to_string(), vec!["领导".to_string()])
        );
        // A comma joins a second run of the list, set apart by 、 again ...
        assert_eq!(
            names("县领导卢文海、方建春,陈德平、柴明以及县直有关单位负责人参加调研"),
            ["卢文海", "方建春", "陈德平", "柴明"]
        );
        // ... not a name the next clause opens.
        assert_eq!(
            names("县领导卢文海、方建春参加,陈德平主持会议"),
            ["卢文海", "方建春"]
        );
        let got = people("副区长梁某、陈某、艾某兵列席会议");
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|(_, t)| t == &["副区长".to_string()]));
        // One holder per district: 乙 is no 区委书记.
        assert_eq!(people("区委书记甲某某、乙某某出席").len(), 1);
    }

    #[test]
    fn names_of_every_shape() {
        assert_eq!(
            names("乌恰县委书记艾力·买买提主持召开会议"),
            ["艾力·买买提"]
        );
        assert_eq!(names("县长阿卜杜•热合曼出席"), ["阿卜杜·热合曼"]);
        assert_eq!(names("区委书记韦 晴主持"), ["韦晴"]);
        assert_eq!(names("区委书记黄某第一时间赶到现场"), ["黄某"]);
        // A life's facts follow the name: 出生 is no part of 李生.
        assert_eq!(names("代区长李生出生于1974年"), ["李生"]);
        // 为 ends a given name when a word that follows names comes after it.
        assert_eq!(names("县委书记许立为率考察团来访"), ["许立为"]);
        assert_eq!(names("县委书记许立为群众办实事"), ["许立"]);
        // ... but not where that word opens 为's object (为新当选的委员).
        assert_eq!(names("区政协主席柴立为新当选的常委颁发证书"), ["柴立"]);
        assert_eq!(names("任命赵建为副区长"), ["赵建"]);
        // A transliterated name may end in 和 (布和), not hold it inside.
        assert_eq!(names("旗人大常委会主任乌力吉和到会祝贺"), ["乌力吉和"]);
        // 下 opens no name: "在区委领导下开展…"; nor does 都 or 由 where
        // jieba reads no person; a common word (全部) and a bureau (经合局)
        // are no names.
        assert!(names("在区委领导下开展履职活动").is_empty());
        assert!(names("区四套班子领导全部出席").is_empty());
        assert_eq!(
            names("葛立山、卢文海等县领导都详细了解情况"),
            ["葛立山", "卢文海"]
        );
        assert_eq!(
            names("副区长卢文海、经合局局长方建春参加"),
            ["卢文海", "方建春"]
        );
        // A name whose surname the table lacks may end in 和 before a stop.
        assert_eq!(
            names("旗政协主席钢布和、副主席卢文海出席"),
            ["钢布和", "卢文海"]
        );
        assert_eq!(
            names("旗人大常委会主任苏伊拉图,副旗长卢文海"),
            ["苏伊拉图", "卢文海"]
        );
        // 以 before an opening quote, and 被, follow names.
        assert_eq!(names("区长柴明以《某某》为题作专题辅导"), ["柴明"]);
        assert_eq!(names("县委书记卢文林被查"), ["卢文林"]);
        // 向 is a preposition before a noun, a surname only where jieba or a
        // list says so.
        assert!(names("新当选的区监察委员会主任向宪法宣誓").is_empty());
        assert_eq!(
            names("副乡长宋立新、向文海、方建春"),
            ["宋立新", "向文海", "方建春"]
        );
        // 代 opens a name in a list, though it also opens acting titles.
        assert_eq!(
            names("县领导卢文海、代文海、方建春出席"),
            ["卢文海", "代文海", "方建春"]
        );
        // A surname that is also a word (须: must).
        assert_eq!(names("区人大常委会副主任须立新带队"), ["须立新"]);
        assert!(names("新当选的县长、副县长宣誓").is_empty());
        // A rare surname in a list a group word vouches for.
        // jieba reads 虎勇 as a noun (n), 虎红 as an adjective (a).
        assert_eq!(
            names("区领导王立群、虎勇、虎红、柴明陪同调研"),
            ["王立群", "虎勇", "虎红", "柴明"]
        );
        assert_eq!(
            names("任命袁某同志为某区人民政府副区长、决定为代理区长"),
            ["袁某"]
        );
        assert_eq!(names("区政协副主席戢立中主持会议"), ["戢立中"]);
        // A word jieba's dictionary lacks after a title is a name of a rare
        // surname, whatever tag jieba guessed (v, ns).
        assert_eq!(names("区政协副主席戢治华主持会议"), ["戢治华"]);
        assert_eq!(names("副区长戢治东主持会议"), ["戢治东"]);
        // Not at a clause's start: no name 后声 in a slip of 后升任.
        assert!(!names("区委书记柴明曾任镇长,后声任副区长").contains(&"后声".to_string()));
        // A roster's line: names set apart by spaces after a colon, a name
        // of two characters spaced out to three.
        assert_eq!(
            names("副县长:方建春 柴 明 卢文海"),
            ["方建春", "柴明", "卢文海"]
        );
        // A name before a title that may follow it, after a verb's 了.
        assert_eq!(names("会议听取了方建春代区长所作的报告"), ["方建春"]);
        // The holder of a title at the time, after 的.
        assert_eq!(
            people("时任通榆县县长的柴明被任命为县委书记"),
            vec![("柴明".to_string(), vec!["县长".to_string()])]
        );
        // 于 opens a name right after a title where jieba reads a name after
        // it, not a time or a place.
        assert_eq!(names("县委副书记、县长于立威主持召开会议"), ["于立威"]);
        assert_eq!(names("副区长于海涛调研"), ["于海涛"]);
        assert!(names("区长于近日主持召开").is_empty());
        assert!(names("县长于现场办公").is_empty());
        // A rare surname (贠) opens a name as a common one does.
        assert_eq!(names("区委书记贠立新在闭幕大会上讲话"), ["贠立新"]);
    }

    #[test]
    fn a_character_that_ends_given_names_ends_one_before_a_verb() {
        // 来 ends 方建来 before 陪同, not 左某 before 来到 (a word of its own).
        assert_eq!(names("区委常委、副区长方建来陪同视察"), ["方建来"]);
        assert_eq!(names("区委副书记、区长卢文来到代表团审议报告"), ["卢文"]);
        // A name of three characters before a reporting verb stays whole.
        assert_eq!(
            names("区委常委、常务副区长柴国才通报全区经济运行情况"),
            ["柴国才"]
        );
        // 为 before a title is the link of an appointment, not the name's end.
        assert_eq!(names("会议决定任命苏伊拉为区人民政府副区长"), ["苏伊拉"]);
        assert_eq!(names("副区长许立为主持会议"), ["许立为"]);
    }

    #[test]
    fn a_name_never_runs_into_the_county_of_the_next_title() {
        // 任 is a verb here: 柴明 left one post for another.
        assert!(names("柴明从洮北区区长任通榆县委书记").is_empty());
        assert_eq!(names("洮北区区长柴明任通榆县委书记"), ["柴明"]);
    }

    #[test]
    fn an_item_a_list_encloses_is_a_name_whole() {
        // Tibetan and Mongolian names the name rules would cut short.
        assert_eq!(
            names("县级领导卢文海、卓玛扬珍、索南项德、柴明应邀出席"),
            ["卢文海", "卓玛扬珍", "索南项德", "柴明"]
        );
        assert_eq!(
            names("旗政协副主席乌云毕力格、高立新参加会议"),
            ["乌云毕力格", "高立新"]
        );
        // A body between the separators is no name.
        assert_eq!(
            names("县领导卢文海、方建春、农业农村局、水利局负责同志陪同"),
            ["卢文海", "方建春"]
        );
        // A character that ends given names runs on after an interpunct
        // where a name's character follows it, not where it opens a word.
        assert_eq!(
            names("决定免去阿卜杜某力·阿卜来提的副区长职务"),
            ["阿卜杜某力·阿卜来提"]
        );
        assert_eq!(names("副区长艾力·买买提来到会场"), ["艾力·买买提"]);
        // 于 opens the last item of a list too.
        assert_eq!(
            names("区政协副主席卢文海、方建春、于建均,秘书长柴明出席"),
            ["卢文海", "方建春", "于建均", "柴明"]
        );
        // A title or a follow word inside is no item.
        assert_eq!(
            names("区领导卢文海、方建春等区委常委出席"),
            ["卢文海", "方建春"]
        );
    }

    #[test]
    fn a_list_closed_by_a_qualified_group_word() {
        assert_eq!(
            names("县委副书记柴明主持会议,卢文海、方建春等在家的县四家班子领导参加会议"),
            ["柴明", "卢文海", "方建春"]
        );
        assert_eq!(
            names("卢文海、方建春等不是主席团成员的区级领导在主席台就座"),
            ["卢文海", "方建春"]
        );
        assert_eq!(
            names("卢文海、方建春等全体在家区级领导在主席台就座"),
            ["卢文海", "方建春"]
        );
        // A phrase with a verb before 的 is no qualifier: the experts are no
        // 县领导.
        assert!(
            people("会上,卢文海、方建春等专家为参会的县领导作专题辅导")
                .iter()
                .all(|(_, posts)| posts.is_empty())
        );
        assert_eq!(
            people("县长葛立山以及卢文海、方建春等县级班子领导出席"),
            vec![
                ("葛立山".to_string(), vec!["县长".to_string()]),
                ("卢文海".to_string(), vec!["县领导".to_string()]),
                ("方建春".to_string(), vec!["县领导".to_string()])
            ]
        );
        // A qualifier inside an organ's group word, before its names.
        assert_eq!(
            people("县委书记葛立山出席,县政协全体领导卢文海、方建春参加会议"),
            vec![
                ("葛立山".to_string(), vec!["县委书记".to_string()]),
                ("卢文海".to_string(), vec!["县政协领导".to_string()]),
                ("方建春".to_string(), vec!["县政协领导".to_string()])
            ]
        );
    }

    #[test]
    fn an_election_congratulated_ties_the_name_to_its_post() {
        assert_eq!(
            people("县委书记葛立山对卢文海同志当选县长表示祝贺"),
            vec![
                ("葛立山".to_string(), vec!["县委书记".to_string()]),
                ("卢文海".to_string(), vec!["县长".to_string()])
            ]
        );
    }

    #[test]
    fn no_name_cut_out_of_a_word() {
        assert!(names("海淀区长期可靠的发展").is_empty());
        // Common words after a title: "区长解答", "总书记殷殷嘱托".
        assert!(names("采用代表提问、区长解答的方式").is_empty());
        assert!(names("牢记总书记殷殷嘱托").is_empty());
        assert!(names("区委书记、区长一肩挑").is_empty());
        assert!(names("新当选的区政协主席作表态发言").is_empty());
    }

    #[test]
    fn a_word_between_a_group_word_and_its_list() {
        // 有, 还有 (opens_group_list) may stand between: two names or a colon.
        assert_eq!(
            people("在主席台就座的县领导有葛立山、卢文海、方建春"),
            vec![
                ("葛立山".to_string(), vec!["县领导".to_string()]),
                ("卢文海".to_string(), vec!["县领导".to_string()]),
                ("方建春".to_string(), vec!["县领导".to_string()])
            ]
        );
        assert_eq!(names("在主席台就坐的区领导还有:柴明"), ["柴明"]);
        assert!(names("县领导有关部门负责人参加").is_empty());
        // 以及 joins others to the group, it opens no list of the group's.
        assert!(
            people("区领导以及陈德平、柴明等企业家代表出席会议")
                .iter()
                .all(|(_, titles)| titles.is_empty())
        );
        // 县上领导 is 县领导 as the north-west writes it.
        assert_eq!(people("县上领导葛立山、卢文海出席")[1].1, ["县领导"]);
        // A city title of several holders leads a list too.
        assert_eq!(
            names("在主席台上就座的市领导还有葛立山、卢文海、方建春"),
            ["葛立山", "卢文海", "方建春"]
        );
    }

    #[test]
    fn a_joining_word_before_a_name_is_none_of_it() {
        // 和 before a name its title follows joins it; so do 受 and 委托 bound it.
        assert_eq!(
            names("王林副区长和张某琥副区长分别作了分析"),
            ["王林", "张某琥"]
        );
        assert_eq!(names("受葛立山区长委托,我代表区政府报告工作"), ["葛立山"]);
        assert_eq!(
            names("受区长葛立山委托,区领导卢文海主持会议"),
            ["葛立山", "卢文海"]
        );
        // 中 and 位 open no name after a title: "区长中唯一的", "一位博士区长".
        assert!(names("他是历任区长中唯一的博士").is_empty());
        assert!(names("迎来了一位博士区长").is_empty());
        // 于 still opens one.
        assert_eq!(names("区长于建均主持会议"), ["于建均"]);
    }

    #[test]
    fn a_list_item_closed_by_a_comma_and_names_a_roster_ran_together() {
        // A Tibetan name closing a list at a comma; 才 is a surname.
        assert_eq!(
            names("副县长胡某军、王伟、尕玛才旦、才让扎西,各乡镇负责人参加会议"),
            ["胡某军", "王伟", "尕玛才旦", "才让扎西"]
        );
        // Not a body closing the list ("、相关部门,"), nor the adverb 才.
        assert_eq!(
            names("副县长卢文海、方建春、相关部门,各乡镇负责同志参加会议"),
            ["卢文海", "方建春"]
        );
        assert!(names("区委书记才刚上任就深入基层调研").is_empty());
        // A Mongolian name after a title.
        assert_eq!(names("副旗长阿拉腾达来主持座谈会"), ["阿拉腾达来"]);
        // A roster line that lost a space between two names of three.
        assert_eq!(
            names("副县长:白福华 韩东安 付树平隋玉国 王永刚"),
            ["白福华", "韩东安", "付树平", "隋玉国", "王永刚"]
        );
        // Not outside a roster's spaced line.
        assert_eq!(names("副县长付树平隋玉国"), ["付树平"]);
    }

    #[test]
    fn words_of_round_twenty_one_are_no_names() {
        // 受 follows a name ("甲受…委托"); 来川 is a visit to 四川; 包抓 a duty.
        assert_eq!(names("区政协主席吴某受区政协常委会委托作报告"), ["吴某"]);
        assert!(names("深入学习总书记来川视察重要指示精神").is_empty());
        assert!(names("实行区级领导包抓").is_empty());
        // 挥锹 follows a name (区长甲挥锹铲土), as a verb does.
        assert_eq!(names("区委副书记、区长廉某挥锹铲土栽种新苗"), ["廉某"]);
        // 县四大组织领导 is a group word.
        assert_eq!(
            people("葛立山、卢文海等县四大组织领导参加会议")[0].1,
            ["县领导"]
        );
    }
}
