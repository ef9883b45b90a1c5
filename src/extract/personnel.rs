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
//! - a chain before a name marked 原 ("原区长辛调任…") is the post left.
//!
//! Only the district posts of a chain count (city posts are no district's).
//! The people a frame names are what the sentence says of their posts: the
//! discourse layer records these as personnel facts, not as sightings, and
//! gives them no part in the meeting that decided. Linear in the sentence.

use super::mention::Mentions;
use super::mention::title::{Chain, Post};
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
}

/// The personnel frames of one sentence, in the order of their people.
///
/// ```
/// use govgraph::rules::{Change, Rules};
/// use govgraph::extract::{mention::Mentions, personnel};
/// let rules = Rules::builtin();
/// let jieba = jieba_rs::Jieba::new();
/// let m = Mentions::find(&rules, &jieba, "福田区人大常委会召开会议，决定免去甲某某的福田区区长职务，任命乙某某为福田区副区长、代理区长。");
/// let got: Vec<(String, String, Change)> = personnel::read(&rules, &m)
///     .into_iter()
///     .map(|s| (m.people[s.person].name.clone(), s.post.title, s.change))
///     .collect();
/// assert_eq!(got[0], ("甲某某".to_string(), "区长".to_string(), Change::Removed));
/// assert_eq!(got[2].2, Change::Acting);
/// ```
pub fn read(rules: &Rules, m: &Mentions) -> Vec<Staffing> {
    let words = &rules.personnel;
    let chars = &m.chars;
    let n = chars.len();
    let hits: Vec<(usize, usize, Side, Change)> = words
        .lexicon
        .find(&m.text)
        .into_iter()
        .filter_map(|h| {
            let t = &words.triggers[h.word];
            t.change.map(|c| (h.at, h.len, t.side, c))
        })
        .collect();
    let mut out: Vec<Staffing> = Vec::new();
    for (i, &(at, len, side, change)) in hits.iter().enumerate() {
        let stop = hits.get(i + 1).map_or(n, |h| h.0);
        let body = body_before(rules, m, at);
        let each = words
            .each
            .iter()
            .any(|w| text_between(chars, at.saturating_sub(4), at + len).contains(w.as_str()));
        // One-character triggers (任) stand inside many words: they need a
        // name right before them and a chain right after.
        let strict = len == 1;
        let groups = match side {
            Side::After => after_groups(m, at + len, stop),
            Side::Before => before_group(m, at, at + len, stop, strict)
                .into_iter()
                .collect(),
        };
        for (people, chain) in groups {
            let posts: Vec<&Post> = chain.posts.iter().collect();
            let paired = each && people.len() == posts.len() && people.len() > 1;
            for (k, &person) in people.iter().enumerate() {
                let mine: Vec<&Post> = if paired {
                    vec![posts[k]]
                } else {
                    posts.clone()
                };
                for post in mine {
                    out.push(Staffing {
                        person,
                        post: post.clone(),
                        change: change_for(rules, change, post),
                        body: body.clone(),
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
                        });
                    }
                }
            }
        }
    }
    out.sort_by_key(|s| s.person);
    out
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
fn after_groups(m: &Mentions, from: usize, stop: usize) -> Vec<(Vec<usize>, &Chain)> {
    let mut items: Vec<(usize, Result<usize, &Chain>)> = Vec::new();
    for (i, p) in m.people.iter().enumerate() {
        if p.at >= from && p.at < stop {
            items.push((p.at, Ok(i)));
        }
    }
    for c in &m.chains {
        if c.at >= from && c.at < stop && !c.posts.is_empty() {
            items.push((c.at, Err(c)));
        }
    }
    items.sort_by_key(|(at, _)| *at);
    let mut out = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    // The first name must stand right after the trigger.
    let mut last_end = from;
    for (at, item) in items {
        match item {
            Ok(i) => {
                let p = &m.people[i];
                if at.saturating_sub(last_end) > GAP || breaks(&m.chars[last_end.min(at)..at]) {
                    if group.is_empty() && last_end == from {
                        // Nothing stands right after the trigger: no frame.
                        return out;
                    }
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
            between.len() <= gap && !breaks(between)
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
    let chain = m
        .chains
        .iter()
        .find(|c| c.at >= end && c.at < stop && !c.posts.is_empty())?;
    let between = &m.chars[end..chain.at];
    let near = if strict { 1 } else { GAP };
    (between.len() <= near && !breaks(between)).then_some((people, chain))
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
