//! Events: what a dated sentence says took place, and its name.
//!
//! Three shapes of sentence name an event, tried in this order on each clause:
//!
//! - held: `召开/举行/举办/出席/主持召开 NAME` — the name is the object, up to
//!   its last event word (会议, 发布会, 论坛 ...);
//! - at: `NAME 在/于 PLACE 举行/开幕` — the name is the subject;
//! - happened: `NAME 召开/开幕/封顶/上线` at the end of the clause.
//!
//! A bare object such as 会议 or 签约仪式 names no new event: it points back at
//! the event the sentence (or paragraph) is about ("黄立山主持会议。").

use crate::rules::Rules;

/// How a clause names an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// A new event with this name.
    New(String),
    /// A pointer back to the event in hand ("出席会议").
    Anaphor,
}

/// Finds the event a clause names, if any.
pub fn named_in_clause(rules: &Rules, clause: &str) -> Option<Named> {
    if let Some(named) = held_object(rules, clause) {
        return Some(named);
    }
    if let Some(name) = venue_meeting(rules, clause) {
        return Some(Named::New(name));
    }
    if let Some(name) = subject_before_place(rules, clause) {
        return Some(Named::New(name));
    }
    subject_before_verb(rules, clause).map(Named::New)
}

/// `召开 X会议`: the object up to its last event word.
fn held_object(rules: &Rules, clause: &str) -> Option<Named> {
    for verb in &rules.held_verbs {
        let Some(at) = clause.find(verb.as_str()) else {
            continue;
        };
        let subject = &clause[..at];
        let mut object = &clause[at + verb.len()..];
        object = object.trim_start_matches(['了', '的']);
        let object = object.split('并').next().unwrap_or(object);
        // "宣布项目开竣工", "宣布大会开幕": what is declared to start is the
        // event in hand, whose short head (项目, 大会) names nothing new.
        let declared = object.trim_end_matches(['。', ',', ';', '!']);
        if let Some(happened) = rules
            .happened_verbs
            .iter()
            .find(|v| declared.ends_with(v.as_str()))
            && declared[..declared.len() - happened.len()].chars().count() <= 3
        {
            return Some(Named::Anaphor);
        }
        let Some(end) = last_event_word_end(rules, object) else {
            continue;
        };
        let name = object[..end].trim();
        if name.is_empty() {
            continue;
        }
        let anaphor = rules.words.has("anaphor", name);
        if anaphor || name.chars().count() <= 4 {
            // Taking part in "会议" points back; an organ holding "会议" names its own:
            // "南山区委常委会召开会议", "某研究院举行奠基仪式".
            let subject = clean_name(subject);
            let takes_part = ["出席", "参加", "参与", "主持", "做客"].contains(&verb.as_str());
            if takes_part
                || subject.is_empty()
                || looks_like_place(&subject)
                || subject.chars().count() < 2
            {
                return Some(Named::Anaphor);
            }
            // Only an organ lends its name; a meeting a person holds is named by
            // its own words ("区长某某主持召开专题会议": 专题会议).
            if is_organ(rules, &subject) {
                return Some(Named::New(format!("{subject}{name}")));
            }
            if anaphor {
                return Some(Named::Anaphor);
            }
            return Some(Named::New(clean_name(name)));
        }
        return Some(Named::New(clean_name(name)));
    }
    None
}

/// `在X会议上`: a meeting where something was said or done ("副县长甲在县政府
/// 全体会议上强调"). The name runs from 在 to the last event word before 上.
fn venue_meeting(rules: &Rules, clause: &str) -> Option<String> {
    let at = clause.find('在')?;
    let rest = &clause[at + '在'.len_utf8()..];
    // The 上 that closes a meeting's name, not one inside a place (上城区).
    rest.match_indices('上').find_map(|(on, _)| {
        let name = &rest[..on];
        let end = last_event_word_end(rules, name)?;
        (end == name.len() && name.chars().count() >= 4).then(|| clean_name(name))
    })
}

/// `X在Y举行`, `X于Y开幕`: the subject X.
fn subject_before_place(rules: &Rules, clause: &str) -> Option<String> {
    for marker in ["在", "于"] {
        let mut search = 0;
        while let Some(rel) = clause[search..].find(marker) {
            let at = search + rel;
            search = at + marker.len();
            let rest = &clause[at + marker.len()..];
            let happened = rules.happened_verbs.iter().any(|v| {
                rest.contains(v.as_str())
                    && rest
                        .find(v.as_str())
                        .is_some_and(|i| rest[..i].chars().count() <= 24)
            });
            if !happened {
                continue;
            }
            let subject = clean_name(&clause[..at]);
            if subject.chars().count() >= 4 {
                return Some(subject);
            }
        }
    }
    None
}

/// `X召开`, `X正式启用`: the subject X, with the verb when X is no event itself.
fn subject_before_verb(rules: &Rules, clause: &str) -> Option<String> {
    let clause = clause.trim_end_matches(['。', '!', '?']);
    for verb in &rules.happened_verbs {
        let Some(subject) = clause.strip_suffix(verb.as_str()) else {
            continue;
        };
        let subject = subject
            .trim_end_matches("正式")
            .trim_end_matches("顺利")
            .trim_end_matches("隆重")
            .trim_end_matches("盛大");
        let subject = clean_name(subject);
        if subject.chars().count() < 4 || subject.ends_with('的') {
            continue;
        }
        return Some(
            if last_event_word_end(rules, &subject) == Some(subject.len()) {
                subject
            } else {
                format!("{subject}{verb}")
            },
        );
    }
    None
}

/// The byte offset just past the last event word in `text`.
fn last_event_word_end(rules: &Rules, text: &str) -> Option<usize> {
    let mut best: Option<usize> = None;
    for noun in &rules.event_nouns {
        if let Some(i) = text.rfind(noun.as_str()) {
            let end = i + noun.len();
            // "会" alone only ends a name at the end of the text: 会见, 会长 are no meetings.
            if noun == "会" && end != text.len() && !text[end..].starts_with(['议', '(', ')', '”'])
            {
                continue;
            }
            best = Some(best.map_or(end, |b: usize| b.max(end)));
        }
    }
    // A closing mark right after the word belongs to the name: “…宣讲会”活动.
    best
}

/// True for a body that holds meetings in its own name: 区委常委会, 区政府,
/// 某研究院, 管委会 (`organ_ending` in `data/words.tsv`).
fn is_organ(rules: &Rules, s: &str) -> bool {
    rules
        .words
        .of("organ_ending")
        .iter()
        .any(|e| s.ends_with(e.as_str()))
}

fn looks_like_place(s: &str) -> bool {
    s.ends_with("区") || s.ends_with("市") || s.ends_with("县")
}

/// Trims what surrounds a name: a leading theme clause (以…为主题的), a
/// parenthetical abbreviation note, and stray marks.
pub fn clean_name(raw: &str) -> String {
    let mut s = raw.trim().to_string();
    if let Some(i) = s.find("为主题的") {
        s = s[i + "为主题的".len()..].to_string();
    }
    while let Some(open) = s.find("(以下简称") {
        match s[open..].find(')') {
            Some(close) => s.replace_range(open..open + close + 1, ""),
            None => break,
        }
    }
    s.trim_matches(|c: char| c == ',' || c == '、' || c.is_whitespace())
        .to_string()
}

/// A short name for an activity with no formal name: the clause after its
/// participants, cut to 30 characters.
pub fn activity_name(text_after_people: &str) -> String {
    let t = text_after_people.trim_start_matches(['、', '和', '与', ' ']);
    let t = t
        .trim_start_matches("分别")
        .trim_start_matches("一同")
        .trim_start_matches("共同");
    let name: String = t.chars().take(30).collect();
    name.trim_end_matches(['、', ',', '并']).to_string()
}

/// The part of an event id that names it: punctuation and marks dropped.
///
/// ```
/// assert_eq!(govgraph::extract::event::key("“模力福地”行动方案发布会"), "模力福地行动方案发布会");
/// ```
pub fn key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(clause: &str) -> Option<Named> {
        named_in_clause(&Rules::builtin(), clause)
    }

    fn new(s: &str) -> Option<Named> {
        Some(Named::New(s.to_string()))
    }

    #[test]
    fn a_meeting_named_as_the_occasion_ends_at_its_own_shang() {
        // The 上 of 上城区 is no end of the occasion.
        assert_eq!(
            named("在杭州市上城区第一届人民代表大会第四次会议上 上城区人民政府区长 甲某某"),
            new("杭州市上城区第一届人民代表大会第四次会议")
        );
    }

    #[test]
    fn held_objects() {
        assert_eq!(
            named("福田举办“模力福地”行动方案发布会"),
            new("“模力福地”行动方案发布会")
        );
        assert_eq!(
            named("区长某某主持召开区政府2024年第十一次党组(扩大)会议"),
            new("区政府2024年第十一次党组(扩大)会议")
        );
        assert_eq!(
            named("龙岗区召开“加强政企合作,共促园区发展”——园区企业座谈会"),
            new("“加强政企合作,共促园区发展”——园区企业座谈会")
        );
        assert_eq!(named("区委书记某某出席会议并讲话"), Some(Named::Anaphor));
    }

    #[test]
    fn declaring_the_start_points_back() {
        // What is declared started is the ceremony in hand.
        assert_eq!(named("并郑重宣布项目开竣工"), Some(Named::Anaphor));
        assert_eq!(named("宣布大会开幕"), Some(Named::Anaphor));
        // A named work declared started names no new event either, but a
        // meeting held is one.
        assert_eq!(named("区长某某主持召开专题会议"), new("专题会议"));
    }

    #[test]
    fn an_organs_own_meeting() {
        assert_eq!(named("南山区委常委会召开会议"), new("南山区委常委会会议"));
        // A person lends a meeting no name.
        assert_eq!(named("区长某某主持召开专题会议"), new("专题会议"));
        assert_eq!(
            named("洛阳市老城区委书记某某主持召开书记专题会"),
            new("书记专题会")
        );
    }

    #[test]
    fn subjects_of_place_and_verb() {
        assert_eq!(
            named("2024深圳音协合唱团山海音乐会在盐田区云海公园举行"),
            new("2024深圳音协合唱团山海音乐会")
        );
        assert_eq!(
            named(
                "以“AI赋新质·智能赢未来”为主题的2024年龙华区人工智能及机器人产业发展论坛在锦绣科学园举办"
            ),
            new("2024年龙华区人工智能及机器人产业发展论坛")
        );
        assert_eq!(
            named("龙华区委理论学习中心组(扩大)学习会召开"),
            new("龙华区委理论学习中心组(扩大)学习会")
        );
        assert_eq!(
            named("深圳市第二人民医院龙华医院正式启用"),
            new("深圳市第二人民医院龙华医院启用")
        );
    }

    #[test]
    fn keys_drop_marks() {
        assert_eq!(
            key("区政府2024年第十一次党组(扩大)会议"),
            "区政府2024年第十一次党组扩大会议"
        );
    }
}
