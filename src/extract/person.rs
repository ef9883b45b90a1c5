//! People: names anchored by titles, bylines, lists of names, and later bare
//! mentions of people already met.
//!
//! A name is only taken where something vouches for it. The strongest cue is a
//! title chain right before it ("光明区委副书记,区政府区长、党组书记邱文航"): the chain
//! also says whether the person is a district official (区委书记, 区长 ...) or
//! someone else (市委社会工作部部长, 院士), and which district. A name's length
//! is settled by what follows it: "李强主持" is 李强 because 主持 is a verb, and
//! 李强主 leaves 持 dangling; jieba's person tag breaks the remaining ties.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use jieba_rs::Jieba;
use regex::Regex;

use super::district;
use super::word_at;
use crate::rules::{Level, Rules};

/// A post in a district: (district, title as recorded).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Post {
    pub district: Option<String>,
    pub title: String,
}

/// A person named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// Character offset within the sentence.
    pub at: usize,
    pub len: usize,
    pub name: String,
    /// District posts the mention gives the person.
    pub posts: Vec<Post>,
    /// Other roles (编辑, 市委社会工作部部长 ...).
    pub roles: Vec<String>,
}

/// Words that may follow a name: what a name is followed by settles its length.
const FOLLOW: &[&str] = &[
    "和", "与", "及", "同", "等", "一行", "同志", "在", "以", "对", "就", "为", "是", "也", "还",
    "要", "先后", "分别", "一同", "共同", "亲自", "专门", "现场", "带领", "陪同", "作", "代表",
    "介绍", "说", "称", "透露", "希望", "认为", "参观", "了解", "深入", "实地", "随后", "并", "率",
    "携", "于", "来到", "进行", "开展", "采取", "连续", "密集", "专题", "观看", "看望", "主持",
    "通过", "向", "从", "会同", "则", "又", "再", "已", "将", "曾", "的", "了", "赴", "到", "去",
    "走进", "前往", "出席", "参加", "表示", "指出", "强调", "要求", "提出", "听取", "调研", "检查",
    "督导", "会见", "考察", "研究", "召开", "宣布", "讲话", "致辞", "带队", "率队", "做客", "主讲",
    "作为",
];

/// Characters that never open a name, whatever follows them: what stands after
/// a title when no name does (区委书记等, 区长办公会).
const NOT_NAME_OPENING: &str = "等们及和与同在对就为是也还要并率携于到赴的了办会处室级助";

/// Words that mark what stands before a generic post as city or higher.
const CITY_MARKS: &[&str] = &[
    "市委",
    "市政府",
    "市人大",
    "市政协",
    "市",
    "省",
    "中央",
    "国家",
    "国务院",
    "全国",
];
/// Words that mark what stands before a generic post as a district's.
const DISTRICT_MARKS: &[&str] = &[
    "区委",
    "区政府",
    "区人大",
    "区政协",
    "县委",
    "县政府",
    "新区",
    "管委会",
    "党工委",
    "街道",
    "镇",
    "区",
];

/// Finds people in sentences.
pub struct PersonFinder<'r> {
    rules: &'r Rules,
    jieba: &'r Jieba,
    chain: Regex,
    follow: Vec<String>,
}

impl<'r> PersonFinder<'r> {
    pub fn new(rules: &'r Rules, jieba: &'r Jieba) -> PersonFinder<'r> {
        let titles: Vec<String> = rules
            .titles
            .iter()
            .map(|t| regex::escape(&t.written))
            .collect();
        let alt = titles.join("|");
        let seg = format!(r"[^,、。;:!?\s()《》]{{0,12}}?(?:{alt})");
        let chain =
            Regex::new(&format!(r"{seg}(?:[、,]{seg})*")).expect("title chain pattern is valid");
        let mut follow: Vec<String> = FOLLOW.iter().map(|s| s.to_string()).collect();
        follow.extend(rules.verbs.iter().map(|(v, _)| v.clone()));
        follow.extend(rules.held_verbs.iter().cloned());
        follow.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        follow.dedup();
        PersonFinder {
            rules,
            jieba,
            chain,
            follow,
        }
    }

    /// People named after a title chain. `context` is the district a bare
    /// "区委书记" or "新区党工委书记" belongs to.
    pub fn titled(&self, sentence: &str, context: Option<&str>) -> Vec<PersonMention> {
        let chars: Vec<char> = sentence.chars().collect();
        let mut out: Vec<PersonMention> = Vec::new();
        let mut from = 0;
        while from < sentence.len() {
            let Some(m) = self.chain.find_at(sentence, from) else {
                break;
            };
            // A report's signature sets the name apart: "宝安区人民政府区长 梁某某".
            let title_end = sentence[..m.end()].chars().count();
            let gap = chars[title_end..]
                .iter()
                .take(2)
                .take_while(|c| c.is_whitespace())
                .count();
            let end_char = title_end + gap;
            let len = self
                .name_at(&chars, end_char)
                .or_else(|| self.unlisted_name_at(&chars, end_char));
            let Some(len) = len else {
                from = next_char_boundary(sentence, m.start());
                continue;
            };
            let name: String = chars[end_char..end_char + len].iter().collect();
            // A chain right after a listed name ("坪山区委书记杨帆、区长赵宇") shares its district.
            let linked = out
                .last()
                .filter(|p| p.at + p.len + 1 == sentence[..m.start()].chars().count());
            let context = linked
                .and_then(|p| p.posts.first())
                .and_then(|p| p.district.clone())
                .or(context.map(String::from));
            let (posts, roles) = self.read_chain(m.as_str(), context.as_deref());
            out.push(PersonMention {
                at: end_char,
                len,
                name,
                posts,
                roles,
            });
            let after = chars[..end_char + len].iter().map(|c| c.len_utf8()).sum();
            from = after;
        }
        out
    }

    /// Splits a title chain into district posts and other roles.
    fn read_chain(&self, chain: &str, context: Option<&str>) -> (Vec<Post>, Vec<String>) {
        let mut posts = Vec::new();
        let mut roles = Vec::new();
        let mut previous: Option<Level> = None;
        let mut chain_district: Option<String> = None;
        for seg in chain.split(['、', ',']) {
            let Some(title) = self
                .rules
                .titles
                .iter()
                .filter(|t| seg.ends_with(&t.written))
                .max_by_key(|t| t.written.len())
            else {
                continue;
            };
            let prefix = &seg[..seg.len() - title.written.len()];
            let prefix = strip_leading_verbs(prefix);
            let level = match title.level {
                Level::District if CITY_MARKS[..4].iter().any(|m| prefix.contains(m)) => {
                    Level::City
                }
                Level::Inherit => {
                    if DISTRICT_MARKS.iter().any(|m| prefix.contains(m))
                        || !district::find_known(self.rules, prefix).is_empty()
                    {
                        Level::District
                    } else if CITY_MARKS.iter().any(|m| prefix.contains(m)) {
                        Level::City
                    } else {
                        previous.unwrap_or(Level::Other)
                    }
                }
                level => level,
            };
            previous = Some(level);
            if level == Level::District {
                // A district the chain itself named beats the sentence's:
                // "黄埔区委副书记、区长钟毅" is 黄埔区's 区长 wherever the paragraph is.
                // A street or town is in the district the text is about.
                let local = title.keeps_place.then_some(context).flatten();
                let district = self
                    .prefix_district(prefix, &title.written, None)
                    .or_else(|| chain_district.clone())
                    .or_else(|| self.prefix_district(prefix, &title.written, context))
                    .or_else(|| local.map(String::from));
                if district.is_some() {
                    chain_district = district.clone();
                }
                let title_text = if title.level == Level::Inherit {
                    strip_scope(self.rules, prefix) + &title.canonical
                } else if title.keeps_place {
                    self.place_of(prefix) + &title.canonical
                } else {
                    title.canonical.clone()
                };
                posts.push(Post {
                    district,
                    title: title_text,
                });
            } else {
                roles.push(format!("{prefix}{}", title.written));
            }
        }
        // A district named anywhere in the chain holds for every post in it.
        if let Some(d) = chain_district {
            for p in &mut posts {
                p.district.get_or_insert_with(|| d.clone());
            }
        }
        (posts, roles)
    }

    /// The district a title's prefix names: 福田(区委书记), 盐田区(区长), 新区(党工委书记).
    fn prefix_district(&self, prefix: &str, title: &str, context: Option<&str>) -> Option<String> {
        if let Some(m) = district::find_known(self.rules, prefix).last() {
            return Some(m.name.clone());
        }
        let is_new_area = prefix.ends_with("新区");
        if is_new_area {
            return context
                .filter(|c| c.ends_with("新区"))
                .map(String::from)
                .or(context.map(String::from));
        }
        // Another city's district: 天河(区委书记), 余杭区(区长), 某某(县长).
        let han: String = prefix.chars().filter(|c| is_han(*c)).collect();
        let han = han.rsplit('市').next().unwrap_or("").to_string();
        // "书记区长" is two titles run together, not a district 书记区.
        if self.rules.titles.iter().any(|t| han.ends_with(&t.written)) {
            return context.map(String::from);
        }
        for unit in ["区", "县"] {
            let candidate = if han.ends_with(unit) {
                han.clone()
            } else if title.starts_with(unit) && !han.is_empty() {
                let tail: String = han
                    .chars()
                    .rev()
                    .take(2)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                format!("{tail}{unit}")
            } else {
                continue;
            };
            if let Some(full) = district::full_form(&candidate) {
                return Some(full);
            }
        }
        // A district written before a street or town: 余杭区瓶窑(镇党委书记).
        let han_chars: Vec<char> = han.chars().collect();
        if let Some(unit_at) = han_chars.iter().rposition(|c| *c == '区' || *c == '县') {
            for stem in [2, 3] {
                if unit_at >= stem {
                    let form: String = han_chars[unit_at - stem..=unit_at].iter().collect();
                    if let Some(full) = district::full_form(&form) {
                        return Some(full);
                    }
                }
            }
        }
        if prefix.is_empty() || DISTRICT_MARKS.iter().any(|m| prefix.starts_with(m)) {
            context.map(String::from)
        } else {
            None
        }
    }

    /// The street or town a local post's prefix names, without the district:
    /// 余杭区仓前 -> 仓前 (of 仓前街道党工委书记). What is no place name, such as
    /// the verb in "听取了镇党委书记", gives none.
    fn place_of(&self, prefix: &str) -> String {
        let mut p = after_last_district(self.rules, prefix);
        if let Some(i) = p.rfind(['区', '县', '市']) {
            p = &p[i + '区'.len_utf8()..];
        }
        let place: String = p.chars().filter(|c| is_han(*c)).collect();
        let last = self
            .jieba
            .tag(&place, true)
            .last()
            .map(|t| t.tag.to_string());
        let function_word =
            last.is_some_and(|t| ["v", "u", "ul", "uj", "p", "c", "d", "r"].contains(&t.as_str()));
        if place.chars().count() > 4 || function_word {
            String::new()
        } else {
            place
        }
    }

    /// The length of a name starting at `pos`, if one does.
    pub fn name_at(&self, chars: &[char], pos: usize) -> Option<usize> {
        for surname_len in [2, 1] {
            if pos + surname_len > chars.len() {
                continue;
            }
            let surname: String = chars[pos..pos + surname_len].iter().collect();
            if !self.rules.is_surname(&surname) {
                continue;
            }
            for given in [2, 1] {
                let end = pos + surname_len + given;
                if end > chars.len() || !chars[pos..end].iter().all(|c| is_han(*c)) {
                    continue;
                }
                if self.boundary_at(chars, end) {
                    return Some(surname_len + given);
                }
            }
            // No clear boundary: let jieba's person tag decide.
            let window: String = chars[pos..(pos + 8).min(chars.len())].iter().collect();
            if let Some(tag) = self.jieba.tag(&window, true).first() {
                let n = tag.word.chars().count();
                if tag.tag.starts_with("nr") && (2..=4).contains(&n) && n > surname_len {
                    return Some(n);
                }
            }
        }
        None
    }

    /// A name right after a title whose surname is not in the surname table
    /// (a rare surname, or one the table lacks): the title vouches for a name
    /// there, so two or three characters up to a clear boundary are taken, as
    /// long as they do not open with a word that follows names (主持, 和).
    fn unlisted_name_at(&self, chars: &[char], pos: usize) -> Option<usize> {
        let opens_with_follow = self.follow.iter().any(|w| word_at(chars, pos, w));
        if opens_with_follow
            || chars
                .get(pos)
                .is_some_and(|c| NOT_NAME_OPENING.contains(*c))
        {
            return None;
        }
        // A common word where the name should start (这周, 一肩挑) is no name; a
        // name opens with a one-character surname or is tagged a person.
        let window: String = chars[pos..(pos + 6).min(chars.len())].iter().collect();
        if let Some(first) = self.jieba.tag(&window, true).first()
            && !first.tag.starts_with("nr")
            && (first.word.chars().count() > 1
                || ["m", "r", "d", "p", "c", "u", "v", "q"].contains(&first.tag))
        {
            return None;
        }
        [3, 2].into_iter().find(|&len| {
            let end = pos + len;
            if end > chars.len() || !chars[pos..end].iter().all(|c| is_han(*c)) {
                return false;
            }
            let word: String = chars[pos..end].iter().collect();
            self.boundary_at(chars, end)
                && self
                    .rules
                    .titles
                    .iter()
                    .all(|t| !word.contains(t.written.as_str()) && !t.written.starts_with(&word))
        })
    }

    /// True when a name may end right before `pos`.
    fn boundary_at(&self, chars: &[char], pos: usize) -> bool {
        let Some(&c) = chars.get(pos) else {
            return true;
        };
        if !is_han(c) && !c.is_ascii_alphanumeric() {
            return true;
        }
        if c.is_ascii_digit() {
            return true;
        }
        self.follow.iter().any(|w| word_at(chars, pos, w))
    }

    /// Names printed in bylines: "编辑 吴雅琴 审读 张青松", "(记者 黄建华)".
    pub fn bylines(&self, sentence: &str) -> Vec<PersonMention> {
        static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(\p{Han}{2,4})\s*[:：]?\s+(\p{Han}{2,3})(?:\s|$|[)）|｜,，])").unwrap()
        });
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(c) = BYLINE.captures_at(sentence, from) {
            let (Some(role), Some(name)) = (c.get(1), c.get(2)) else {
                break;
            };
            from = name.start();
            let role_word = self
                .rules
                .credits
                .iter()
                .find(|r| role.as_str().ends_with(r.as_str()));
            let Some(role_word) = role_word else { continue };
            let chars: Vec<char> = name.as_str().chars().collect();
            let surname_ok = self
                .rules
                .is_surname(&chars[..1].iter().collect::<String>())
                || (chars.len() > 2
                    && self
                        .rules
                        .is_surname(&chars[..2].iter().collect::<String>()));
            if !surname_ok {
                continue;
            }
            out.push(PersonMention {
                at: sentence[..name.start()].chars().count(),
                len: chars.len(),
                name: name.as_str().to_string(),
                posts: Vec::new(),
                roles: vec![role_word.clone()],
            });
        }
        out
    }

    /// Mentions of already known names, longest name first.
    pub fn known(&self, sentence: &str, names: &BTreeSet<String>) -> Vec<(usize, usize, String)> {
        let chars: Vec<char> = sentence.chars().collect();
        let mut sorted: Vec<&String> = names.iter().collect();
        sorted.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        let mut taken = vec![false; chars.len()];
        let mut out = Vec::new();
        for name in sorted {
            let n: Vec<char> = name.chars().collect();
            if n.is_empty() || n.len() > chars.len() {
                continue;
            }
            for i in 0..=chars.len() - n.len() {
                if chars[i..i + n.len()] == n[..]
                    && !taken[i..i + n.len()].iter().any(|t| *t)
                    && self.boundary_at(&chars, i + n.len())
                {
                    taken[i..i + n.len()].iter_mut().for_each(|t| *t = true);
                    out.push((i, n.len(), name.clone()));
                }
            }
        }
        out.sort();
        out
    }

    /// A list of two or more names opening a clause ("范文远、左志明密集会见企业"),
    /// each confirmed by jieba as a person name.
    pub fn name_list(&self, clause: &str) -> Vec<(usize, usize, String)> {
        let chars: Vec<char> = clause.chars().collect();
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(len) = self.name_at(&chars, pos) {
            let name: String = chars[pos..pos + len].iter().collect();
            out.push((pos, len, name));
            pos += len;
            if chars.get(pos) == Some(&'、') {
                pos += 1;
            } else {
                break;
            }
        }
        if out.len() < 2 {
            return Vec::new();
        }
        let tags = self.jieba.tag(clause, true);
        let person_words: BTreeSet<&str> = tags
            .iter()
            .filter(|t| t.tag.starts_with("nr"))
            .map(|t| t.word)
            .collect();
        let confirmed = out
            .iter()
            .filter(|(_, _, n)| {
                person_words.contains(n.as_str())
                    || person_words
                        .iter()
                        .any(|w| n.starts_with(w) && w.chars().count() >= 2)
            })
            .count();
        if confirmed * 2 >= out.len() {
            out
        } else {
            Vec::new()
        }
    }
}

fn next_char_boundary(s: &str, at: usize) -> usize {
    s[at..]
        .chars()
        .next()
        .map_or(s.len(), |c| at + c.len_utf8())
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Drops the verb an invitation or list puts before a title: "邀请中国工程院院士" -> "中国工程院院士".
fn strip_leading_verbs(prefix: &str) -> &str {
    const LEADS: &[&str] = &[
        "邀请", "特邀", "请", "由", "和", "与", "及", "同", "陪同", "会见", "会同",
    ];
    let mut p = prefix;
    for lead in LEADS {
        if let Some(i) = p.rfind(lead) {
            p = &p[i + lead.len()..];
        }
    }
    p
}

/// What a prefix says after the last known district it names: 南山区委宣传部 -> 委宣传部.
fn after_last_district<'p>(rules: &Rules, prefix: &'p str) -> &'p str {
    match district::find_known(rules, prefix).last() {
        Some(m) => {
            let byte: usize = prefix
                .chars()
                .take(m.at + m.len)
                .map(|c| c.len_utf8())
                .sum();
            &prefix[byte..]
        }
        None => prefix,
    }
}

/// The office part of a prefix, without the district: 南山区委宣传部 -> 宣传部.
fn strip_scope(rules: &Rules, prefix: &str) -> String {
    let mut p = after_last_district(rules, prefix).to_string();
    for scope in ["区委", "区政府", "县委", "县政府", "新区", "区"] {
        if let Some(rest) = p.strip_prefix(scope) {
            p = rest.to_string();
            break;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    type Found = (String, Vec<(Option<String>, String)>, Vec<String>);

    fn finder_test(sentence: &str, context: Option<&str>) -> Vec<Found> {
        let rules = Rules::builtin();
        let jieba = Jieba::new();
        let f = PersonFinder::new(&rules, &jieba);
        f.titled(sentence, context)
            .into_iter()
            .map(|p| {
                (
                    p.name,
                    p.posts.into_iter().map(|q| (q.district, q.title)).collect(),
                    p.roles,
                )
            })
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn titles_with_district_prefix() {
        let got = finder_test("4月24日至27日,福田区委书记李四率队赴北京。", None);
        assert_eq!(
            got,
            vec![(
                "李四".into(),
                vec![(s("福田区"), "区委书记".into())],
                vec![]
            )]
        );
    }

    #[test]
    fn name_length_is_settled_by_what_follows() {
        let got = finder_test(
            "盐田区委常委会召开会议,区委书记李强主持会议并讲话。",
            s("盐田区").as_deref(),
        );
        assert_eq!(got[0].0, "李强");
        let got = finder_test(
            "区委副书记、区长吴海峰主持召开区政府常务会议",
            s("福田区").as_deref(),
        );
        assert_eq!(got[0].0, "吴海峰");
        assert_eq!(
            got[0].1,
            vec![
                (s("福田区"), "区委副书记".into()),
                (s("福田区"), "区长".into())
            ]
        );
    }

    #[test]
    fn a_chain_with_a_comma_and_an_inherited_post() {
        let got = finder_test(
            "4月25日,光明区委副书记,区政府区长、党组书记邱文航做客《民心桥》节目。",
            None,
        );
        assert_eq!(got[0].0, "邱文航");
        let titles: Vec<&str> = got[0].1.iter().map(|p| p.1.as_str()).collect();
        assert_eq!(titles, vec!["区委副书记", "区长", "党组书记"]);
        assert!(got[0].1.iter().all(|p| p.0.as_deref() == Some("光明区")));
    }

    #[test]
    fn city_officials_and_experts_are_not_district_officials() {
        let got = finder_test(
            "邀请市委社会工作部部长、市委“两新”工委书记何某飞,围绕主题开展讲座",
            s("南山区").as_deref(),
        );
        assert_eq!(got[0].0, "何某飞");
        assert!(got[0].1.is_empty(), "{got:?}");
        let got = finder_test(
            "学习会邀请中国工程院院士、先进玻璃材料专家彭程,以主题作辅导",
            None,
        );
        assert_eq!(got[0].0, "彭程");
        assert!(got[0].1.is_empty());
        assert_eq!(got[0].2, vec!["中国工程院院士", "先进玻璃材料专家"]);
    }

    #[test]
    fn new_area_and_management_committee() {
        let got = finder_test(
            "新区党工委副书记、管委会主任孟某某参加并致辞。",
            s("大鹏新区").as_deref(),
        );
        assert_eq!(
            got[0].1,
            vec![
                (s("大鹏新区"), "党工委副书记".into()),
                (s("大鹏新区"), "管委会主任".into())
            ]
        );
    }

    #[test]
    fn a_listed_second_official_shares_the_district() {
        let got = finder_test("坪山区委书记杨某、区长赵某参加会议。", None);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1],
            ("赵某".into(), vec![(s("坪山区"), "区长".into())], vec![])
        );
    }

    #[test]
    fn other_cities_and_counties() {
        let got = finder_test("广州市天河区委书记张某某主持会议", None);
        assert_eq!(got[0].1, vec![(s("天河区"), "区委书记".into())]);
        let got = finder_test("县委书记王某某、县长李某出席", s("某某县").as_deref());
        assert_eq!(got[1].1, vec![(s("某某县"), "县长".into())]);
    }

    #[test]
    fn deputy_and_acting_heads() {
        let got = finder_test("区委常委、宣传部部长王远航出席", s("南山区").as_deref());
        let titles: Vec<&str> = got[0].1.iter().map(|p| p.1.as_str()).collect();
        assert_eq!(titles, vec!["区委常委", "宣传部部长"]);
        let got = finder_test("代区长刘某某主持召开会议", s("福田区").as_deref());
        assert_eq!(got[0].1, vec![(s("福田区"), "代区长".into())]);
    }

    #[test]
    fn a_title_vouches_for_a_name_with_an_unlisted_surname() {
        // 蹇 is a real surname the table does not list.
        let got = finder_test("区委书记蹇嘉言主持会议。", s("南山区").as_deref());
        assert_eq!(got[0].0, "蹇嘉言");
        let got = finder_test("区委书记蹇言、区长钱某出席。", s("南山区").as_deref());
        assert_eq!(got[0].0, "蹇言");
        // No name at all after the title: nothing is made up.
        assert!(finder_test("区委书记主持召开会议。", s("南山区").as_deref()).is_empty());
        assert!(finder_test("各区区委书记、区长等参加。", None).is_empty());
        assert!(finder_test("深圳各区书记区长这周都在忙啥?", None).is_empty());
        assert!(finder_test("区委书记、区长一肩挑", s("南山区").as_deref()).is_empty());
    }

    #[test]
    fn street_and_town_posts_keep_their_place() {
        let got = finder_test(
            "区委常委、仓前街道党工委书记孙某某等参加会议",
            s("余杭区").as_deref(),
        );
        let titles: Vec<&str> = got[0].1.iter().map(|p| p.1.as_str()).collect();
        assert_eq!(titles, vec!["区委常委", "仓前街道党工委书记"]);
        let got = finder_test("余杭区瓶窑镇党委书记方某某介绍", None);
        assert_eq!(got[0].1, vec![(s("余杭区"), "瓶窑镇党委书记".into())]);
        let got = finder_test("转塘街道党工委书记邵某某陪同检查", s("西湖区").as_deref());
        assert_eq!(got[0].1, vec![(s("西湖区"), "转塘街道党工委书记".into())]);
    }

    #[test]
    fn bylines_are_staff_not_officials() {
        let rules = Rules::builtin();
        let jieba = Jieba::new();
        let f = PersonFinder::new(&rules, &jieba);
        let got: Vec<(String, Vec<String>)> = f
            .bylines("编辑 吴雅琴 审读 张青松 二审 桂涛 三审 甘露")
            .into_iter()
            .map(|p| (p.name, p.roles))
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], ("吴雅琴".into(), vec!["编辑".into()]));
        assert_eq!(got[3], ("甘露".into(), vec!["三审".into()]));
    }
}
