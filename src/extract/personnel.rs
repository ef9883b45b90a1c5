//! Personnel frames: who a decision on posts names, for which post, and what
//! it does to the post.
//!
//! Reads one sentence's mentions ([`Mentions`]) with the personnel table
//! (`data/personnel.tsv`): a trigger (任命, 免去, 当选, 辞去, 调任 …), the
//! people on its side of it, and the title chains after them:
//!
//! - `after` triggers take the people that follow them, each group of names
//!   with the chain right after it: "任命甲为福田区副区长、代理区长，乙为…",
//!   "免去丙的福田区区长职务";
//! - `before` triggers take the names right before them and the chain right
//!   after them: "丁当选为区长", "接受戊辞去区长职务的请求",
//!   "己、庚分别担任区委书记、区长" (分别 pairs names and posts in order);
//! - a chain before a name marked 原 ("原区长辛调任…") is the post left;
//! - a trigger before 的 qualifies the titled name after it: "新当选的区长壬";
//! - a decision runs on over the sentences a semicolon ends ("任命甲为X；乙为Y"):
//!   [`read`] returns what carries, and takes what the sentence before carried.
//!
//! Only the district posts of a chain count (city posts are no district's).
//! The people a frame names are what the sentence says of their posts: the
//! discourse layer records these as personnel facts, not as sightings, and
//! gives them no part in the meeting that decided. Linear in the sentence.

use super::mention::Mentions;
use super::mention::person::{Cue, PersonMention};
use super::mention::title::{Chain, Post};
use crate::extract::is_han;
use crate::rules::{Change, Rules, Side};

/// How far a trigger's people or chain may stand from it, in characters
/// (同志, 被, 将 …, 为, 的 stand between).
const GAP: usize = 4;

/// One post a personnel frame gives one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staffing {
    /// Index into [`Mentions::people`].
    pub person: usize,
    /// The post, as its chain reads it.
    pub post: Post,
    pub change: Change,
    /// The deciding body as the sentence names it (福田区人大常委会), if it does.
    pub body: Option<String>,
    /// The decision only qualifies the person ("新当选的区长甲出席…"): it was
    /// made before, and the sentence may tell what the person does now.
    pub qualifies: bool,
}

/// A trigger of the personnel table written in a sentence (a word of kind
/// `not` is none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriggerHit {
    /// Character offset and length in the sentence.
    pub at: usize,
    pub len: usize,
    pub side: Side,
    pub change: Change,
}

/// The triggers a sentence writes, left to right: one automaton pass, shared by
/// [`add_names`] and [`read`].
pub fn triggers(rules: &Rules, text: &str) -> Vec<TriggerHit> {
    let words = &rules.personnel;
    (words.lexicon.find(text).into_iter())
        .filter_map(|h| {
            let t = &words.triggers[h.word];
            t.change.map(|change| TriggerHit {
                at: h.at,
                len: h.len,
                side: t.side,
                change,
            })
        })
        .collect()
}

/// An `after` trigger whose list of decisions the sentence's semicolon leaves
/// open: "选举甲为区人大常委会主任；乙为区长": the next sentence's "乙为区长"
/// is decided by it too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    pub change: Change,
    pub body: Option<String>,
    /// The trigger stands alone as a heading ("任命：" over a list of
    /// "甲为…" lines): it carries across lines, as long as they read as its
    /// list.
    pub heading: bool,
}

/// The personnel frames of one sentence, in the order of their people, and
/// the decision its closing semicolon carries to the next sentence. `found`
/// are the sentence's [`triggers`]; `carried` is what the sentence before
/// carried.
///
/// ```
/// use govgraph::rules::{Change, Rules};
/// use govgraph::extract::{mention::Mentions, personnel};
/// let rules = Rules::builtin();
/// let jieba = jieba_rs::Jieba::new();
/// let m = Mentions::find(&rules, &jieba, "福田区人大常委会召开会议，决定免去甲某某的福田区区长职务，任命乙某某为福田区副区长、代理区长。");
/// let found = personnel::triggers(&rules, &m.text);
/// let got: Vec<(String, String, Change)> = personnel::read(&rules, &m, &found, None)
///     .0
///     .into_iter()
///     .map(|s| (m.people[s.person].name.clone(), s.post.title, s.change))
///     .collect();
/// assert_eq!(got[0], ("甲某某".to_string(), "区长".to_string(), Change::Removed));
/// assert_eq!(got[2].2, Change::Acting);
/// ```
pub fn read(
    rules: &Rules,
    m: &Mentions,
    found: &[TriggerHit],
    carried: Option<&Carried>,
) -> (Vec<Staffing>, Option<Carried>) {
    let words = &rules.personnel;
    let chars = &m.chars;
    let n = chars.len();
    let mut hits: Vec<(usize, usize, Side, Change)> = (found.iter())
        .map(|h| (h.at, h.len, h.side, h.change))
        .collect();
    // What the sentence before left open reads this one from its start.
    if let Some(c) = carried {
        hits.insert(0, (0, 0, Side::After, c.change));
    }
    let mut out: Vec<Staffing> = Vec::new();
    for (i, &(at, len, side, change)) in hits.iter().enumerate() {
        let stop = hits.get(i + 1).map_or(n, |h| h.0);
        let body = match carried {
            Some(c) if i == 0 => c.body.clone(),
            _ => body_before(rules, m, at),
        };
        let each = words
            .each
            .iter()
            .any(|w| text_between(chars, at.saturating_sub(4), at + len).contains(w.as_str()));
        // One-character triggers (任) stand inside many words: they need a
        // name right before them and a chain right after.
        let strict = len == 1;
        let (groups, qualifies) = match side {
            Side::After => match after_groups(m, at + len, stop) {
                // "选举产生镇人大主席甲、副主席乙,镇长丙": each name its own title.
                found if found.is_empty() => (titled_list(m, at + len, stop), false),
                found => (found, false),
            },
            Side::Before => match attributive(m, at + len) {
                found if !found.is_empty() => (found, true),
                _ => (
                    before_group(m, at, at + len, stop, strict)
                        .into_iter()
                        .collect(),
                    false,
                ),
            },
        };
        for (people, chain) in groups {
            let posts: Vec<&Post> = chain.posts.iter().collect();
            let paired = each && people.len() == posts.len() && people.len() > 1;
            // "甲、乙分别担任罗湖区、福田区区委书记": one post, a district each.
            let places: Vec<(String, Option<String>)> = m
                .districts
                .iter()
                .filter(|d| d.at >= at + len && d.at < chain.end)
                .map(|d| (d.name.clone(), d.city.clone()))
                .collect();
            let by_place =
                each && posts.len() == 1 && people.len() > 1 && places.len() == people.len();
            for (k, &person) in people.iter().enumerate() {
                let mine: Vec<Post> = if by_place {
                    let mut post = posts[0].clone();
                    post.district = Some(places[k].clone());
                    vec![post]
                } else if paired {
                    vec![posts[k].clone()]
                } else {
                    posts.iter().map(|p| (*p).clone()).collect()
                };
                for post in &mine {
                    out.push(Staffing {
                        person,
                        post: post.clone(),
                        change: change_for(rules, change, post),
                        body: body.clone(),
                        qualifies,
                    });
                }
                if side == Side::Before {
                    // "原区长甲调任…": the post left ends.
                    for post in former_posts(m, person) {
                        out.push(Staffing {
                            person,
                            post: post.clone(),
                            change: Change::Transferred,
                            body: body.clone(),
                            qualifies,
                        });
                    }
                }
            }
        }
    }
    out.sort_by_key(|s| s.person);
    // A semicolon at the end leaves the last `after` decision open; so does a
    // trigger written alone as a heading ("任命：").
    let open = matches!(chars.last(), Some(';' | '；'));
    let heading = |&(at, len, _, _): &(usize, usize, Side, Change)| {
        len > 0
            && chars[at + len..]
                .iter()
                .all(|c| matches!(c, ':' | '：' | ' ' | '　'))
            && chars[..at]
                .iter()
                .all(|c| !is_han(*c) || matches!(c, '决' | '定'))
    };
    let last = hits.last();
    let carry = match (last, carried) {
        // A heading's list runs on while its lines read as the list.
        (Some(&(0, 0, _, _)), Some(c)) if hits.len() == 1 && c.heading && !out.is_empty() => {
            Some(c.clone())
        }
        (Some(h), _) if h.2 == Side::After && (open || heading(h)) => Some(Carried {
            change: h.3,
            body: match carried {
                Some(c) if h.0 == 0 && h.1 == 0 => c.body.clone(),
                _ => body_before(rules, m, h.0),
            },
            heading: heading(h),
        }),
        _ => None,
    };
    (out, carry)
}

/// "新当选的福田区区长甲、区政协主席乙": a trigger before 的 qualifies the
/// titled names after it, each with its own title.
fn attributive(m: &Mentions, end: usize) -> Vec<(Vec<usize>, &Chain)> {
    if m.chars.get(end) != Some(&'的') {
        return Vec::new();
    }
    titled_list(m, end + 1, m.chars.len())
}

/// A list of titled names starting at `at`, up to `stop`: "镇人大主席甲、副主席乙,
/// 镇长丙、副镇长丁、戊" gives each name its own chain; a name with none
/// (戊) shares the chain before it. Linear in the mentions.
fn titled_list(m: &Mentions, mut at: usize, stop: usize) -> Vec<(Vec<usize>, &Chain)> {
    let mut out: Vec<(Vec<usize>, &Chain)> = Vec::new();
    while at < stop {
        // The name's own chain, else the one before it, shared.
        let (chain, name_at) = match m.chains.iter().find(|c| c.at == at && !c.posts.is_empty()) {
            Some(c) => (c, c.end),
            None => match out.last() {
                Some((_, c)) => (*c, at),
                None => break,
            },
        };
        let Some(person) = m.people.iter().position(|p| p.at == name_at) else {
            break;
        };
        out.push((vec![person], chain));
        let p = &m.people[person];
        at = p.at + p.len;
        if !matches!(m.chars.get(at), Some('、' | ',' | '，')) {
            break;
        }
        at += 1;
    }
    out
}

/// Reads the names a trigger vouches for where the person layer read none:
/// the list right after an `after` trigger ("免除甲同志常务副县长一职",
/// "任命乙、丙为…"), and the list opening the clause of a `before` trigger
/// ("丁、戊分别担任…", "己以190票当选为…"). They are added to the sentence's
/// people, with no post (the frame gives them theirs). Run once per sentence,
/// before the frames; linear in the sentence.
pub fn add_names(rules: &Rules, m: &mut Mentions, hits: &[TriggerHit]) {
    let mut found: Vec<PersonMention> = Vec::new();
    for &TriggerHit { at, len, side, .. } in hits {
        // One-character triggers stand inside too many words to vouch.
        if len < 2 {
            continue;
        }
        let start = match side {
            Side::After => at + len,
            Side::Before => {
                let named = m
                    .people
                    .iter()
                    .any(|p| p.at + p.len <= at && at - (p.at + p.len) <= GAP + 8);
                if named {
                    continue;
                }
                (0..at)
                    .rev()
                    .find(|&i| breaks(&m.chars[i..=i]))
                    .map_or(0, |i| i + 1)
            }
        };
        if m.people.iter().any(|p| p.at == start) {
            continue;
        }
        let list = name_list(rules, m, start);
        let closes = list.last().is_some_and(|p| match side {
            Side::After => true,
            Side::Before => {
                let end = p.at + p.len;
                let between = &m.chars[end.min(at)..at];
                end <= at && ((between.len() <= GAP && !breaks(between)) || vote(between))
            }
        });
        if closes {
            found.extend(list);
        }
    }
    // A line of a list under a heading ("任命：" / "甲为区人民政府副区长"): names
    // opening the sentence, then 为 or 的 and a title chain.
    if !m.people.iter().any(|p| p.at == 0) {
        let list = name_list(rules, m, 0);
        if let Some(last) = list.last() {
            let end = last.at + last.len;
            let linked = matches!(m.chars.get(end), Some('为' | '的'))
                && m.chains
                    .iter()
                    .any(|c| c.at == end + 1 && !c.posts.is_empty());
            if linked {
                found.extend(list);
            }
        }
    }
    for p in found {
        m.add_person(p);
    }
}

/// Names separated by 、 (和, 与), each perhaps followed by 同志, from `pos`.
fn name_list(rules: &Rules, m: &Mentions, mut pos: usize) -> Vec<PersonMention> {
    let mut out = Vec::new();
    while let Some((mut len, mut name)) = m.name_at(rules, pos, true) {
        // "郭某以190票当选": 以 before a count opens the vote, not the name.
        let next = m.chars.get(pos + len).copied().unwrap_or(' ');
        if len == 3
            && name.ends_with('以')
            && (next.is_ascii_digit() || "一二三四五六七八九十".contains(next))
        {
            len -= 1;
            name.pop();
        }
        out.push(PersonMention {
            at: pos,
            len,
            name,
            posts: Vec::new(),
            roles: Vec::new(),
            cue: Cue::Appointment,
            anchor: None,
        });
        pos += len;
        if m.chars[pos..].starts_with(&['同', '志']) {
            pos += 2;
        }
        match m.chars.get(pos) {
            Some('、' | '和' | '与') => pos += 1,
            _ => break,
        }
    }
    out
}

/// "以190票的高票": a vote count between a name and 当选.
fn vote(between: &[char]) -> bool {
    between.first() == Some(&'以')
        && between.contains(&'票')
        && between.len() <= 12
        && !breaks(between)
}

/// The change a trigger makes to one post: a transfer appoints to the post
/// written after the person; an appointment to an acting title is `acting`.
fn change_for(rules: &Rules, change: Change, post: &Post) -> Change {
    let change = if change == Change::Transferred {
        Change::Appointed
    } else {
        change
    };
    if change.starts() && rules.acting_post(&post.title).is_some() {
        Change::Acting
    } else {
        change
    }
}

/// After a trigger (`from`, up to `stop`): each group of names with the chain
/// right after it ("甲为区长、乙、丙为副区长"). Names no chain follows are
/// no one's appointees.
fn after_groups(m: &Mentions, mut from: usize, stop: usize) -> Vec<(Vec<usize>, &Chain)> {
    // "决定任命：甲为…": a list may open after a colon.
    while matches!(m.chars.get(from), Some(':' | '：' | ' ')) {
        from += 1;
    }
    let mut items: Vec<(usize, Result<usize, &Chain>)> = Vec::new();
    for (i, p) in m.people.iter().enumerate() {
        if p.at >= from && p.at < stop {
            items.push((p.at, Ok(i)));
        }
    }
    // A chain right before a name is that name's title (…、镇长乙), no post of
    // the names before it.
    for c in &m.chains {
        let titles_a_name = m.people.iter().any(|p| p.at == c.end);
        if c.at >= from && c.at < stop && !c.posts.is_empty() && !titles_a_name {
            items.push((c.at, Err(c)));
        }
    }
    items.sort_by_key(|(at, _)| *at);
    // The first name must stand right after the trigger ("对副县长甲…作出停职
    // 检查决定" after "免去…；" is no list of its).
    // "任命县委副书记甲同志为…": the first name may carry its title.
    let lead = m
        .chains
        .iter()
        .filter(|c| c.at >= from && c.at <= from + GAP && !breaks(&m.chars[from..c.at]))
        .find(|c| m.people.iter().any(|p| p.at == c.end))
        .map_or(from, |c| c.end);
    if items.first().is_none_or(|(at, item)| {
        item.is_err() || *at < lead || *at - lead > GAP || breaks(&m.chars[lead..*at])
    }) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    let mut last_end = from;
    for (at, item) in items {
        match item {
            Ok(i) => {
                let p = &m.people[i];
                if at.saturating_sub(last_end) > GAP || breaks(&m.chars[last_end.min(at)..at]) {
                    group.clear();
                }
                group.push(i);
                last_end = p.at + p.len;
            }
            Err(chain) => {
                if !group.is_empty()
                    && at >= last_end
                    && at - last_end <= GAP
                    && !breaks(&m.chars[last_end..at])
                {
                    out.push((std::mem::take(&mut group), chain));
                }
                group.clear();
                last_end = chain.end;
            }
        }
    }
    out
}

/// Before a trigger at `at` (ending at `end`): the names right before it and
/// the chain right after it, within the clause.
fn before_group(
    m: &Mentions,
    at: usize,
    end: usize,
    stop: usize,
    strict: bool,
) -> Option<(Vec<usize>, &Chain)> {
    let gap = if strict { 2 } else { GAP };
    // The names: the last one ends right before the trigger; others are
    // joined to it by 、 和 与 or nothing.
    let mut people: Vec<usize> = Vec::new();
    let mut edge = at;
    for (i, p) in m.people.iter().enumerate().rev() {
        let p_end = p.at + p.len;
        if p_end > edge {
            continue;
        }
        let between = &m.chars[p_end..edge];
        let joined = if people.is_empty() {
            (between.len() <= gap && !breaks(between)) || (!strict && vote(between))
        } else {
            between.is_empty() || matches!(between, ['、'] | ['和'] | ['与'] | ['及'])
        };
        if !joined {
            break;
        }
        people.push(i);
        edge = p.at;
    }
    people.reverse();
    if people.is_empty() {
        return None;
    }
    // A chain of one clause right before a name is that name's title, not
    // the post taken ("甲调任省委巡视组组长、历下区区长乙调任…": 区长 is 乙's).
    let owns_next_name = |c: &&Chain| {
        m.people.iter().any(|p| p.at == c.end)
            && !m.chars[c.at..c.end]
                .iter()
                .any(|ch| matches!(ch, ',' | '，'))
    };
    let chain = m
        .chains
        .iter()
        .find(|c| c.at >= end && c.at < stop && !c.posts.is_empty() && !owns_next_name(c))?;
    let between = &m.chars[end..chain.at];
    let near = if strict { 1 } else { GAP };
    // "甲、乙分别任中阳县、方山县县委书记": places listed before the chain.
    let places_only = (end..chain.at).all(|i| {
        m.chars[i] == '、'
            || m.districts.iter().any(|d| d.at <= i && i < d.at + d.len)
            || m.cities.iter().any(|c| c.at <= i && i < c.at + c.len)
    });
    ((between.len() <= near && !breaks(between)) || places_only).then_some((people, chain))
}

/// The posts the chain right before a name writes as left (原, 前任, read by
/// the title layer): "历下区原区长甲调任…".
fn former_posts(m: &Mentions, person: usize) -> Vec<&Post> {
    let p = &m.people[person];
    m.chains
        .iter()
        .find(|c| c.end == p.at)
        .map_or(Vec::new(), |c| c.former.iter().collect())
}

/// The deciding body named before a trigger in the sentence, with the
/// district written before it: "福田区第八届人大常委会第二十次会议决定任命"
/// gives 福田区人大常委会.
fn body_before(rules: &Rules, m: &Mentions, at: usize) -> Option<String> {
    let words = &rules.personnel;
    // A body inside a title (市中区委书记) is none.
    let hit = words
        .body_lexicon
        .find(&text_between(&m.chars, 0, at))
        .into_iter()
        .rfind(|h| !m.chains.iter().any(|c| h.at < c.end && c.at < h.at + h.len))?;
    let word = &words.bodies[hit.word];
    let district = m
        .districts
        .iter()
        .rfind(|d| d.at + d.len <= hit.at && hit.at - (d.at + d.len) <= 8)
        .filter(|d| !breaks(&m.chars[d.at + d.len..hit.at]));
    Some(match district {
        Some(d) => {
            // 福田区 + 区委 is 福田区委.
            let last = d.name.chars().last().map(String::from).unwrap_or_default();
            match word.strip_prefix(last.as_str()) {
                Some(rest) if !rest.is_empty() => format!("{}{rest}", d.name),
                _ => format!("{}{word}", d.name),
            }
        }
        None => word.clone(),
    })
}

/// True when the characters hold a clause or sentence break.
fn breaks(chars: &[char]) -> bool {
    chars
        .iter()
        .any(|c| matches!(c, ',' | '，' | ';' | '；' | '。' | ':' | '：' | '\n'))
}

fn text_between(chars: &[char], from: usize, to: usize) -> String {
    chars[from.min(chars.len())..to.min(chars.len())]
        .iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::rules::Rules;

    /// (person, district, title, change, date) of each personnel fact, sorted.
    fn decided(text: &str) -> Vec<(String, String, String, &'static str, String)> {
        let ex = Extractor::new(Rules::builtin());
        let doc =
            crate::normalise::normalise("t.txt", &format!("---\ndate: 2024-11-20\n---\n{text}"));
        let f = ex.extract(&doc);
        let mut out: Vec<_> = f
            .personnel
            .iter()
            .map(|p| {
                (
                    p.person.clone(),
                    p.district.clone(),
                    p.title.clone(),
                    p.change.as_str(),
                    p.date.map(|d| d.iso()).unwrap_or_default(),
                )
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn row(
        person: &str,
        district: &str,
        title: &str,
        change: &'static str,
    ) -> (String, String, String, &'static str, String) {
        (
            person.into(),
            district.into(),
            title.into(),
            change,
            "2024-11-20".into(),
        )
    }

    #[test]
    fn appointed_by_a_standing_committee() {
        assert_eq!(
            decided("会议决定任命甲某某同志为南山区副区长。"),
            [row("甲某某", "南山区", "副区长", "appointed")]
        );
        assert_eq!(
            decided("南山区人大常委会任命乙某某为南山区副区长，丙某某为南山区副区长。"),
            [
                row("丙某某", "南山区", "副区长", "appointed"),
                row("乙某某", "南山区", "副区长", "appointed")
            ]
        );
    }

    #[test]
    fn appointed_without_wei() {
        // 被任命 with no 为 before the post names it all the same.
        assert_eq!(
            decided("甲某某被任命通榆县委副书记。"),
            [row("甲某某", "通榆县", "县委副书记", "appointed")]
        );
    }

    #[test]
    fn removed_and_no_longer_serving() {
        assert_eq!(
            decided("会议决定免去甲某某的宝安区副区长职务。"),
            [row("甲某某", "宝安区", "副区长", "removed")]
        );
        assert_eq!(
            decided("同时，乙某某、丙某某不再担任宝安区人大常委会副主任职务。"),
            [
                row("丙某某", "宝安区", "区人大常委会副主任", "removed"),
                row("乙某某", "宝安区", "区人大常委会副主任", "removed")
            ]
        );
    }

    #[test]
    fn elected_at_a_congress() {
        assert_eq!(
            decided("大会选举甲某某为罗湖区人大常委会主任；乙某某为罗湖区人民政府区长。"),
            [
                row("乙某某", "罗湖区", "区长", "elected"),
                row("甲某某", "罗湖区", "区人大常委会主任", "elected")
            ]
        );
        assert_eq!(
            decided("丙某某当选为罗湖区区长。"),
            [row("丙某某", "罗湖区", "区长", "elected")]
        );
    }

    #[test]
    fn nominated_as_a_candidate() {
        assert_eq!(
            decided("提名甲某某为盐田区区长候选人。"),
            [row("甲某某", "盐田区", "区长", "nominated")]
        );
    }

    #[test]
    fn acting_heads_hold_the_post_acting() {
        assert_eq!(
            decided("决定任命甲某某为龙华区副区长、代理区长。"),
            [
                row("甲某某", "龙华区", "代理区长", "acting"),
                row("甲某某", "龙华区", "副区长", "appointed")
            ]
        );
        assert_eq!(
            decided("决定任命乙某某为进贤县代县长。"),
            [row("乙某某", "进贤县", "代县长", "acting")]
        );
    }

    #[test]
    fn resigned_posts_end() {
        assert_eq!(
            decided("会议决定接受甲某某辞去坪山区区长职务的请求。"),
            [row("甲某某", "坪山区", "区长", "resigned")]
        );
    }

    #[test]
    fn a_chain_before_the_next_name_is_no_post_taken() {
        // 区长 is 乙某某's title, not where 甲某某 goes.
        assert_eq!(
            decided("历下区区委书记甲某某调任省委巡视组组长、历下区区长乙某某调任平度市委书记。"),
            [row("乙某某", "平度市", "市委书记", "appointed")]
        );
    }

    #[test]
    fn transfers_end_the_post_left_and_start_the_next() {
        assert_eq!(
            decided("历下区原区长甲某某调任市中区委书记。"),
            [
                row("甲某某", "历下区", "区长", "transferred"),
                row("甲某某", "市中区", "区委书记", "appointed")
            ]
        );
    }

    #[test]
    fn taking_up_and_succeeding_to_a_post() {
        assert_eq!(
            decided("甲某某履新光明区委书记。"),
            [row("甲某某", "光明区", "区委书记", "appointed")]
        );
        assert_eq!(
            decided("由乙某某接任光明区区长。"),
            [row("乙某某", "光明区", "区长", "appointed")]
        );
    }

    #[test]
    fn respectively_pairs_names_and_posts_in_order() {
        assert_eq!(
            decided("甲某某、乙某某分别担任大鹏新区党工委书记、管委会主任。"),
            [
                row("乙某某", "大鹏新区", "管委会主任", "appointed"),
                row("甲某某", "大鹏新区", "党工委书记", "appointed")
            ]
        );
    }

    #[test]
    fn names_no_title_vouches_for_are_read_in_the_slot() {
        assert_eq!(
            decided("会议决定，免除甲某同志南山区常务副区长一职。"),
            [row("甲某", "南山区", "常务副区长", "removed")]
        );
        assert_eq!(
            decided("乙某某以190票当选为南山区人民政府区长。"),
            [row("乙某某", "南山区", "区长", "elected")]
        );
    }

    #[test]
    fn respectively_pairs_names_and_districts_in_order() {
        assert_eq!(
            decided("黄某、高某某分别担任罗湖区、福田区区委书记。"),
            [
                row("高某某", "福田区", "区委书记", "appointed"),
                row("黄某", "罗湖区", "区委书记", "appointed")
            ]
        );
    }

    #[test]
    fn a_list_after_a_colon_and_a_name_with_its_title() {
        assert_eq!(
            decided("决定任命：甲某某为南山区人民政府副区长。"),
            [row("甲某某", "南山区", "副区长", "appointed")]
        );
        assert_eq!(
            decided("任命南山区委副书记乙某某同志为南山区人民政府副区长、代理区长。"),
            [
                row("乙某某", "南山区", "代理区长", "acting"),
                row("乙某某", "南山区", "副区长", "appointed")
            ]
        );
    }

    #[test]
    fn the_newly_elected_named_in_a_list_of_titled_names() {
        assert_eq!(
            decided("区委书记甲某某给新当选的南山区区长张海涛、区政协主席陈立新颁发当选证书。"),
            [
                row("张海涛", "南山区", "区长", "elected"),
                row("陈立新", "南山区", "区政协主席", "elected")
            ]
        );
    }

    #[test]
    fn a_semicolon_carries_a_list_of_decisions_not_another_act() {
        assert_eq!(
            decided(
                "按程序免去甲某某南山区副区长职务；对副区长乙某某、南山区粤海街道党工委书记丙某某作出停职检查决定。"
            ),
            [row("甲某某", "南山区", "副区长", "removed")]
        );
    }

    #[test]
    fn a_heading_carries_over_its_list_of_lines() {
        assert_eq!(
            decided(
                "南山区人大常委会任免名单\n任命：\n甲某某为南山区人民政府副区长\n乙某某为南山区人民政府副区长\n免去：\n陈立新的南山区人民政府副区长职务\n会议结束。区委书记李某某出席会议。"
            ),
            [
                row("乙某某", "南山区", "副区长", "appointed"),
                row("甲某某", "南山区", "副区长", "appointed"),
                row("陈立新", "南山区", "副区长", "removed")
            ]
        );
    }

    #[test]
    fn a_list_of_decisions_one_per_line() {
        assert_eq!(
            decided("任免名单：\n任命甲某某为福田区副区长；\n免去乙某某的福田区副区长职务。"),
            [
                row("乙某某", "福田区", "副区长", "removed"),
                row("甲某某", "福田区", "副区长", "appointed")
            ]
        );
    }

    #[test]
    fn a_photo_caption_names_the_newly_elected() {
        assert_eq!(
            decided("图为新当选的福田区区长甲某某（左）。"),
            [row("甲某某", "福田区", "区长", "elected")]
        );
    }

    #[test]
    fn past_and_present_posts_are_no_decisions() {
        assert!(decided("甲某某曾任福田区副区长。").is_empty());
        assert!(decided("区委书记甲某某主持召开会议，研究部署任务。").is_empty());
        assert!(decided("某市副市长甲某某曾担任福田区委书记。").is_empty());
    }

    #[test]
    fn an_election_lists_each_name_with_its_own_title() {
        assert_eq!(
            decided(
                "红安县柳林镇人代会选举产生柳林镇人大主席甲某某、副主席乙某某,镇长丙某某、副镇长丁某某、戊某某。"
            ),
            [
                row("丁某某", "红安县", "柳林镇副镇长", "elected"),
                row("丙某某", "红安县", "柳林镇镇长", "elected"),
                row("乙某某", "红安县", "柳林镇人大副主席", "elected"),
                row("戊某某", "红安县", "柳林镇副镇长", "elected"),
                row("甲某某", "红安县", "柳林镇人大主席", "elected"),
            ]
        );
    }

    #[test]
    fn respectively_pairs_names_with_the_places_listed_before_one_title() {
        assert_eq!(
            decided("甲某某、乙某某分别任吕梁市中阳县、方山县县委书记。"),
            [
                row("乙某某", "方山县", "县委书记", "appointed"),
                row("甲某某", "中阳县", "县委书记", "appointed"),
            ]
        );
    }

    #[test]
    fn a_formal_cppcc_name_is_the_county_cppcc() {
        assert_eq!(
            decided("大会选举甲某某为政协第十届玉屏侗族自治县委员会主席。"),
            [row("甲某某", "玉屏侗族自治县", "县政协主席", "elected")]
        );
        assert_eq!(
            decided("乙某某当选中国人民政治协商会议石柱土家族自治县第十一届委员会主席。"),
            [row("乙某某", "石柱土家族自治县", "县政协主席", "elected")]
        );
    }
}
