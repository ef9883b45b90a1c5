//! Layer 2 of extraction: clause frames, who did what, when, to which meeting.
//!
//! Reads the mentions of one sentence ([`super::mention::Mentions`]) clause by
//! clause (commas outside quotes end a clause) and says for each: the people
//! in it and which of them stand before its verb (the subjects), its verb and
//! what the verb does (`data/verbs.tsv`: an activity, an escort, reported
//! speech, an accompaniment, a decision on posts), the dates it writes, the
//! event it names, and whether it leaves its subject out ("8月19日晚,主持召开…").
//! A clause that holds only people (and their titles and dates) lends them to
//! the next clause: "区委书记甲,区委副书记、代区长乙带领…看望代表" gives the
//! visit two subjects. Nothing here looks beyond the sentence; the discourse
//! layer carries what a clause leaves out. Linear in the sentence.

use super::event::{self, Named};
use super::mention::Mentions;
use crate::graph::Relation;
use crate::rules::{Rules, VerbKind};

/// What a clause's verb makes of its people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// They take part in the clause's activity.
    Activity,
    /// They join someone else's activity (陪同).
    Escort,
    /// Reported speech: no activity.
    Speech,
    /// A decision on posts: those it names take no part.
    Personnel,
    /// No verb: the clause names people, a date, a thing.
    None,
}

/// One clause read as a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Character span within the sentence.
    pub start: usize,
    pub end: usize,
    /// Indices into [`Mentions::people`] of the people in the clause, with the
    /// relation each takes from the first verb after it (or after the list it
    /// opens).
    pub people: Vec<(usize, Relation)>,
    /// People lent by the clauses before (they held nothing but people), with
    /// the relation this clause's verb gives them.
    pub lent: Vec<(usize, Relation)>,
    /// How many of `people` stand before the verb.
    pub subjects: usize,
    pub act: Act,
    /// Where the activity is described from: the verb's offset.
    pub verb_at: Option<usize>,
    /// The verb joins an event (出席, 参加) rather than naming an activity.
    pub joins: bool,
    /// The relation the clause's verb gives a subject it leaves out.
    pub relation: Relation,
    /// Nothing but dates and adverbs stands before the verb.
    pub subjectless: bool,
    /// The clause holds nothing but people, titles, dates and separators.
    pub names_only: bool,
    /// Indices into [`Mentions::dates`] of the dates in the clause.
    pub dates: Vec<usize>,
    /// The event the clause names, if any.
    pub event: Option<Named>,
    /// Something other than a person stands before the verb (会议, 代表团).
    pub other_subject: bool,
    /// On a sentence's last frame: people of verbless clauses that no verb
    /// took ("…区委书记甲,区长乙…等约200人欢聚一堂"): they take part in the
    /// sentence's event, if it names one.
    pub trailing: Vec<usize>,
}

/// The frames of a sentence, one per clause; `clauses` are the clauses'
/// character spans within the sentence.
pub fn frames(rules: &Rules, m: &Mentions, clauses: &[(usize, usize)]) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    let objects = objects(rules, m);
    for &(start, end) in clauses {
        let mut frame = frame(rules, m, &objects, start, end);
        if frame.names_only {
            pending.extend(frame.people.iter().map(|(i, _)| *i));
        } else if frame.act != Act::None && !pending.is_empty() {
            let relation = frame.relation;
            frame.lent = std::mem::take(&mut pending)
                .into_iter()
                .map(|i| (i, relation))
                .collect();
        } else if frame.act == Act::None && !frame.people.is_empty() {
            // A clause of people with more than their titles ("…钱某等县四套班子成员")
            // waits for a verb too.
            pending.extend(frame.people.iter().map(|(i, _)| *i));
        }
        out.push(frame);
    }
    if let Some(last) = out.last_mut() {
        last.trailing = pending;
    }
    out
}

/// True when `mark` makes person `i` an object: it stands right before the
/// person, title chain included, or the chain's scope took it in
/// ("受区长甲委托").
fn marked_by(m: &Mentions, i: usize, mark: &str) -> bool {
    let p = &m.people[i];
    let start = p.start();
    crate::extract::word_ends_at(&m.chars, start, mark)
        || (crate::extract::word_at(&m.chars, start, mark) && start + mark.chars().count() < p.at)
}

/// Which of the sentence's people are objects, not subjects: those a word of
/// `object_mark` in data/words.tsv (向, 给, 受 ...) marks, and the further
/// items of a list on whose behalf one acts ("受区委书记甲、区长乙委托": only
/// 受 lends its mark down a list). One entry per person; linear in them.
fn objects(rules: &Rules, m: &Mentions) -> Vec<bool> {
    let mut behalf = vec![false; m.people.len()];
    for i in 0..m.people.len() {
        let listed = i > 0 && {
            let (prev, p) = (&m.people[i - 1], &m.people[i]);
            let gap = prev.at + prev.len..p.start();
            gap.len() == 1 && matches!(m.chars[gap.start], '、' | '和' | '及' | '与')
        };
        behalf[i] = marked_by(m, i, "受") || (listed && behalf[i - 1]);
    }
    (0..m.people.len())
        .map(|i| {
            behalf[i]
                || (rules.words.of("object_mark"))
                    .iter()
                    .any(|w| marked_by(m, i, w))
        })
        .collect()
}

/// One clause read as a frame; `objects` are [`objects`] of the sentence.
fn frame(rules: &Rules, m: &Mentions, objects: &[bool], start: usize, end: usize) -> Frame {
    // Those the clause holds as objects take no part in its act ("甲向乙颁发了
    // 任命书,并主持了…": 乙 is given it, and chairs nothing).
    let people: Vec<usize> = (0..m.people.len())
        .filter(|&i| m.people[i].at >= start && m.people[i].at < end)
        .filter(|&i| !objects[i])
        .collect();
    let dates: Vec<usize> = (0..m.dates.len())
        .filter(|&i| m.dates[i].at >= start && m.dates[i].at < end)
        .collect();
    let verbs: Vec<_> = m
        .verbs
        .iter()
        .filter(|v| v.at >= start && v.at < end)
        // A verb inside a name or a title is no verb (区长 in 区长办公会 is).
        .filter(|v| !m.people.iter().any(|p| v.at >= p.at && v.at < p.at + p.len))
        .collect();
    // The clause's verb: the first that is not an accompaniment, nor a
    // decision inside a phrase qualifying the subject ("曾担任…的老同志出席":
    // 的 and another verb follow it).
    let attributive = |k: usize| {
        rules.verbs[verbs[k].verb].kind == VerbKind::Personnel
            && verbs[k + 1..].iter().any(|w| {
                rules.verbs[w.verb].kind != VerbKind::Personnel
                    && m.chars[verbs[k].at..w.at].contains(&'的')
            })
    };
    let main = (0..verbs.len())
        .find(|&k| rules.verbs[verbs[k].verb].kind != VerbKind::Lead && !attributive(k))
        .map(|k| &verbs[k])
        .or(verbs.first());
    let act = match main.map(|v| rules.verbs[v.verb].kind) {
        Some(VerbKind::Activity) | Some(VerbKind::Lead) | Some(VerbKind::Join) => Act::Activity,
        Some(VerbKind::Escort) => Act::Escort,
        Some(VerbKind::Speech) => {
            // "主持会议并讲话" reads 主持 first; "某某强调" is speech only.
            Act::Speech
        }
        Some(VerbKind::Personnel) => Act::Personnel,
        None => Act::None,
    };
    // People an appointment names take no part in the meeting that decides it.
    let act = if people
        .iter()
        .any(|&i| m.people[i].cue == super::mention::person::Cue::Appointment)
    {
        Act::Personnel
    } else {
        act
    };
    // A verbless byline, "…在某区第一届人民代表大会第四次会议上 区长甲": the
    // people after the occasion spoke at it, so they attended it.
    let occasion = if main.is_none() && act == Act::None {
        occasion_before(rules, m, start, &people)
    } else {
        None
    };
    // "区委书记甲在会上说": speech at a meeting is attending it.
    let spoke_at = act == Act::Speech
        && main.is_some_and(|v| spoken_at_occasion(rules, m, start, v.at, &people));
    let act = if occasion.is_some() || spoke_at {
        Act::Activity
    } else {
        act
    };
    let verb_at = main.map(|v| v.at).or(occasion);
    let joins = occasion.is_some()
        || spoke_at
        || main.is_some_and(|v| rules.verbs[v.verb].kind == VerbKind::Join);
    let relation = main.map_or(Relation::Attended, |v| {
        relation_of(rules, m, v.verb, v.at, start)
    });
    // Each person takes the relation of the first verb after the list they are in.
    let mut with_relation = Vec::new();
    for (k, &i) in people.iter().enumerate() {
        let list_end = list_end(m, &people[k..]);
        let after = verbs
            .iter()
            .find(|v| v.at >= list_end && rules.verbs[v.verb].kind != VerbKind::Lead);
        let rel = after.map_or(relation, |v| relation_of(rules, m, v.verb, v.at, list_end));
        with_relation.push((i, rel));
    }
    let subjects = match verb_at {
        Some(at) => people.iter().filter(|&&i| m.people[i].at < at).count(),
        None => people.len(),
    };
    // What stands before the verb when no person does.
    let before: Vec<char> = match verb_at {
        Some(at) => (start..at)
            .filter(|&i| {
                !dates
                    .iter()
                    .any(|&d| i >= m.dates[d].at && i < m.dates[d].at + m.dates[d].len)
            })
            .map(|i| m.chars[i])
            .collect(),
        None => Vec::new(),
    };
    let before: String = before
        .into_iter()
        .filter(|c| crate::extract::is_han(*c))
        .collect();
    let bare = strip_adverbs(rules, &before);
    let subjectless = verb_at.is_some() && subjects == 0 && bare.is_empty();
    let other_subject = verb_at.is_some() && subjects == 0 && !bare.is_empty();
    let names_only = !people.is_empty() && covered(rules, m, &people, &dates, start, end);
    let clause: String = m.chars[start..end].iter().collect();
    let event = event::named_in_clause(rules, &clause);
    Frame {
        start,
        end,
        people: with_relation,
        lent: Vec::new(),
        subjects,
        act: if names_only { Act::None } else { act },
        verb_at,
        joins,
        relation,
        subjectless,
        names_only,
        dates,
        event,
        other_subject,
        trailing: Vec::new(),
    }
}

/// Where a clause's occasion stands ("在…会议上", `data/words.tsv` kind
/// `occasion_end`), when it stands after 在 and before the clause's first person.
fn occasion_before(rules: &Rules, m: &Mentions, start: usize, people: &[usize]) -> Option<usize> {
    let first = m.people[*people.first()?].at;
    let at = (start..first).find(|&i| m.chars[i] == '在')?;
    let text: String = m.chars[at..first].iter().collect();
    let text = text.trim_end();
    rules
        .words
        .of("occasion_end")
        .iter()
        .any(|w| text.ends_with(w.as_str()) || text.contains(&format!("{w} ")))
        .then_some(at)
}

/// True when "在…会上" stands right before the speech verb at `verb_at`, after
/// the clause's last person before it ("甲在会上强调", "甲在全区大会上指出").
fn spoken_at_occasion(
    rules: &Rules,
    m: &Mentions,
    start: usize,
    verb_at: usize,
    people: &[usize],
) -> bool {
    let from = people
        .iter()
        .map(|&i| &m.people[i])
        .filter(|p| p.at + p.len <= verb_at)
        .map(|p| p.at + p.len)
        .max()
        .unwrap_or(start);
    let between: String = m.chars[from..verb_at].iter().collect();
    between.starts_with('在')
        && rules
            .words
            .of("occasion_end")
            .iter()
            .any(|w| between.ends_with(w.as_str()))
}

/// Chaired or attended, by a verb at `at`: 召开 makes its subject the chair
/// only when the subject stands right before it, dates and adverbs aside
/// ("区委书记甲8月19日召开…", "8月19日晚,召开…").
fn relation_of(rules: &Rules, m: &Mentions, verb: usize, at: usize, from: usize) -> Relation {
    let v = &rules.verbs[verb];
    if v.word == "召开" {
        let gap: String = (from..at)
            .filter(|&i| !m.dates.iter().any(|d| i >= d.at && i < d.at + d.len))
            .map(|i| m.chars[i])
            .filter(|c| crate::extract::is_han(*c))
            .collect();
        if strip_adverbs(rules, &gap).chars().count() > 2 {
            return Relation::Attended;
        }
    }
    v.relation
}

/// Where the list of people opening with `people[0]` ends: "甲、乙召开" and
/// "甲和区长乙以…" are lists; anything but a separator or a title between two
/// names ends one.
fn list_end(m: &Mentions, people: &[usize]) -> usize {
    let first = &m.people[people[0]];
    let mut end = first.at + first.len;
    for &i in &people[1..] {
        let p = &m.people[i];
        let gap_start = p.start();
        if gap_start < end || gap_start - end > 2 {
            break;
        }
        let gap: String = m.chars[end..gap_start].iter().collect();
        if !gap
            .chars()
            .all(|c| matches!(c, '、' | ',' | '，' | '和' | '及' | '与' | ' '))
        {
            break;
        }
        end = p.at + p.len;
    }
    end
}

/// The clause holds nothing but people, the chains that vouch for them, dates,
/// separators and group words.
fn covered(
    rules: &Rules,
    m: &Mentions,
    people: &[usize],
    dates: &[usize],
    start: usize,
    end: usize,
) -> bool {
    let mut cover = vec![false; end - start];
    let mut mark = |a: usize, b: usize| {
        for c in cover
            .iter_mut()
            .take(b.min(end).saturating_sub(start))
            .skip(a.saturating_sub(start))
        {
            *c = true;
        }
    };
    for &i in people {
        let p = &m.people[i];
        mark(p.at, p.at + p.len);
        if let Some((a, b)) = p.anchor {
            mark(a, b);
        }
    }
    for &d in dates {
        mark(m.dates[d].at, m.dates[d].at + m.dates[d].len);
    }
    for c in &m.chains {
        if c.at >= start && c.end <= end {
            mark(c.at, c.end);
        }
    }
    for d in &m.districts {
        mark(d.at, d.at + d.len);
    }
    // 中共 before a title is part of it, and so is a qualifier
    // (`title_qualifier`: "新当选的区政协主席甲").
    for i in start..end.saturating_sub(1) {
        if crate::extract::word_at(&m.chars, i, "中共") {
            mark(i, i + 2);
        }
        for w in rules.words.of("title_qualifier") {
            let n = w.chars().count();
            if crate::extract::word_at(&m.chars, i, w) && m.chains.iter().any(|c| c.at == i + n) {
                mark(i, i + n);
            }
        }
    }
    (start..end)
        .zip(cover)
        .all(|(i, covered)| covered || matches!(m.chars[i], '、' | '和' | '及' | '与' | ' ' | '等'))
}

/// What is left of the words before a verb once adverbs are taken off.
fn strip_adverbs(rules: &Rules, before: &str) -> String {
    let mut rest = before.to_string();
    let mut changed = true;
    while changed && !rest.is_empty() {
        changed = false;
        for a in &rules.adverbs {
            if let Some(r) = rest.strip_prefix(a.as_str()) {
                rest = r.to_string();
                changed = true;
            }
            if let Some(r) = rest.strip_suffix(a.as_str()) {
                rest = r.to_string();
                changed = true;
            }
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::Annotated;

    fn read(sentence: &str) -> (Mentions, Vec<Frame>) {
        let rules = Rules::builtin();
        let jieba = jieba_rs::Jieba::new();
        let m = Mentions::find(&rules, &jieba, sentence);
        let a = Annotated::new(sentence);
        let clauses: Vec<(usize, usize)> = a
            .clauses(a.paragraphs[0].sentences[0])
            .into_iter()
            .map(|c| (c.start, c.end))
            .collect();
        let f = frames(&rules, &m, &clauses);
        (m, f)
    }

    #[test]
    fn subjects_and_their_relations() {
        let (m, f) = read("区委书记严立新主持会议并讲话,区领导于建明、尹长山出席会议。");
        assert_eq!(f[0].act, Act::Activity);
        assert_eq!(m.people[f[0].people[0].0].name, "严立新");
        assert_eq!(f[0].people[0].1, Relation::Chaired);
        assert_eq!(f[1].people.len(), 2);
        assert!(f[1].people.iter().all(|(_, r)| *r == Relation::Attended));
    }

    #[test]
    fn an_object_takes_no_part() {
        let (m, f) = read("县人大常委会主任方建春向陈德平颁发了任命书,并主持了宪法宣誓仪式。");
        let taking_part: Vec<&str> = f
            .iter()
            .flat_map(|x| x.people.iter().chain(&x.lent))
            .map(|(i, _)| m.people[*i].name.as_str())
            .collect();
        assert_eq!(taking_part, ["方建春"]);
    }

    #[test]
    fn speech_is_no_activity() {
        let (_, f) = read("12月10日,福田区委副书记、代区长俞立平表示,要全力推进重点项目建设。");
        assert!(f.iter().all(|x| x.act != Act::Activity), "{f:?}");
    }

    #[test]
    fn a_clause_of_names_lends_them() {
        let (m, f) = read(
            "11月19日,福田区委书记黎立川,区委副书记、代区长乔建安带领区四套班子领导走访慰问困难群众。",
        );
        let all: Vec<&str> = f
            .iter()
            .flat_map(|x| x.people.iter().chain(&x.lent))
            .filter(|_| true)
            .map(|(i, _)| m.people[*i].name.as_str())
            .collect();
        assert!(
            all.contains(&"黎立川") && all.contains(&"乔建安"),
            "{all:?}"
        );
        let acting = f.iter().find(|x| x.act == Act::Activity).unwrap();
        assert_eq!(acting.lent.len() + acting.people.len(), 2, "{f:?}");
    }

    #[test]
    fn a_clause_without_subject() {
        let (_, f) = read("8月19日上午,主持召开全区重点项目调度会。");
        assert!(f[1].subjectless);
        assert_eq!(f[1].relation, Relation::Chaired);
        let (_, f) = read("会议听取了工作汇报。");
        assert!(!f[0].subjectless && f[0].other_subject);
    }

    #[test]
    fn a_qualified_title_and_a_decision_inside_a_phrase_lend_their_people() {
        // "新当选的" (title_qualifier) leaves a clause of people only.
        let (m, f) = read("区委书记葛立山,新当选的区政协主席方建春,副主席陈德平出席闭幕式。");
        let lent: Vec<&str> = f[2]
            .lent
            .iter()
            .map(|(i, _)| m.people[*i].name.as_str())
            .collect();
        assert_eq!(lent, ["葛立山", "方建春"]);
        assert_eq!(f[2].act, Act::Activity);
        // "曾担任…的老同志出席": the decision qualifies the subject; 出席 is the verb.
        let (m, f) = read("区长卢文海,曾担任区政协主席的老同志出席闭幕式。");
        assert_eq!(f[1].act, Act::Activity);
        assert_eq!(m.people[f[1].lent[0].0].name, "卢文海");
    }

    #[test]
    fn those_on_whose_behalf_one_acts_take_no_part() {
        // 受…委托: the whole list is the object, whoever its chain's scope took in.
        let (m, f) = read("受区委书记葛立山、区长卢文海委托,区领导方建春主持会议。");
        let takers: Vec<&str> = f
            .iter()
            .flat_map(|f| f.lent.iter().chain(&f.people))
            .map(|(i, _)| m.people[*i].name.as_str())
            .collect();
        assert_eq!(takers, ["方建春"]);
        // Only 受 lends its mark down a list: 向 in a street's name does not.
        let (m, f) = read(
            "区委书记葛立山出席,向阳街道党工委书记卢文海、新华街道党工委书记方建春作表态发言。",
        );
        let takers: Vec<&str> = f
            .iter()
            .flat_map(|f| f.lent.iter().chain(&f.people))
            .map(|(i, _)| m.people[*i].name.as_str())
            .collect();
        assert!(takers.contains(&"方建春"), "{takers:?}");
    }
}
