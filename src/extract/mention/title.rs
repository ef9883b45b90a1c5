//! Title mentions: chains of post titles, and what each title says of the post.
//!
//! A chain is one or more titles joined by 、 or a comma, each with what is
//! written before it: "杭州市委常委、萧山区委书记", "区委副书记,区政府区长、党组书记",
//! "区人大常委会主任". Titles come from `data/titles.tsv`; what stands before a
//! title (its scope: a district, a city, an organ such as 区委 or 宣传部, a street)
//! decides the level of a generic title (部长, 主任) and which district a post is
//! in. A scope never runs over a verb, a preposition or a date ("会议由区委书记",
//! "新当选的区政协主席"), so running text never becomes part of a title.
//!
//! The title recorded is the title as written without the district's own name:
//! 萧山区委书记 -> 区委书记, 白云区区长 -> 区长, 仓前街道党工委书记 stays whole (a
//! street or town says which post it is), and a bare head after another title
//! takes that title's organ: "区人大常委会主任甲、副主任乙" gives 乙 the title
//! 区人大常委会副主任. Linear in the sentence: one pass of the title lexicon,
//! and a bounded look back before each title.

use super::place::{CityMention, DistrictMention};
use crate::extract::{is_han, word_at, word_ends_at};
use crate::rules::{Level, Rules};

/// A post a chain names: a title, its level, and the district where the chain
/// itself names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// The title as recorded (区委书记, 区人大常委会副主任, 仓前街道党工委书记).
    pub title: String,
    /// District, local (street or town), city or other.
    pub level: Level,
    /// The district the chain names for this post (萧山区委书记 -> 萧山区);
    /// `None` when it leaves it to the context ("区委书记某某").
    pub district: Option<(String, Option<String>)>,
    /// One holder per district (区委书记, 区长).
    pub single: bool,
    /// For a street or town post, the street or town (仓前街道, 瓶窑镇).
    pub local: Option<String>,
}

/// A chain of titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// Character offset of the chain's first scope or title, and the offset
    /// just past its last title.
    pub at: usize,
    pub end: usize,
    /// District-level posts (level district or local), in order.
    pub posts: Vec<Post>,
    /// What the chain says when it is no district post: 市委常委, 董事长, 院士.
    pub roles: Vec<String>,
    /// The group word the chain is (区领导), when it is one.
    pub group: Option<String>,
    /// Where a name written before the title may start ("甲某区长", "乙某书记"):
    /// what stands before a title that may follow its name, when it holds no
    /// place or organ.
    pub name_before: Option<usize>,
    /// True when an organ with its unit stands right before that name, its
    /// head after it ("区委某某书记").
    pub organ_before_name: bool,
    /// Where each of its titles starts.
    pub title_starts: Vec<usize>,
    /// District posts written as left (历下区原区长, 前任区委书记): no post held
    /// now, but the post a transfer ends.
    pub former: Vec<Post>,
}

/// The chains of titles in a sentence. `districts` and `cities` are the place
/// mentions of the same sentence; `blocked[i]` is true where another mention
/// (a date) stands or a verb ends right before `i + 1`, which no scope runs
/// over ("赵某某主持召开|书记专题会").
pub fn chains(
    rules: &Rules,
    chars: &[char],
    text: &str,
    districts: &[DistrictMention],
    cities: &[CityMention],
    blocked: &[bool],
) -> Vec<Chain> {
    let hits = rules.title_lexicon.find(text);
    let mut out: Vec<Chain> = Vec::new();
    // What one chain lends the next: its last title, and the street or town
    // of its last local post.
    let mut carry = Carry::default();
    let mut name_before: Option<usize> = None;
    let mut organ_before_name = false;
    // Segments of the chain being read: (scope start, title start, title end, title index).
    let mut segments: Vec<(usize, usize, usize, usize)> = Vec::new();
    for hit in hits {
        let title_end = hit.at + hit.len;
        // 常委会 is an organ, not the title 常委.
        if rules.titles[hit.word].written.ends_with('委') && chars.get(title_end) == Some(&'会') {
            continue;
        }
        // 区领导班子, 区领导小组: a body, not people.
        if rules
            .words
            .of("title_then_body")
            .iter()
            .any(|w| word_at(chars, title_end, w))
        {
            continue;
        }
        // A title that continues the chain: only a separator and a scope between.
        let continues = segments.last().and_then(|&(_, _, prev_end, prev)| {
            // Two posts of the district's bodies written with nothing between
            // ("区委常委副区长", a table's cell run together).
            let district = |ix: usize| rules.titles[ix].level == Level::District;
            if hit.at == prev_end && district(prev) && district(hit.word) {
                return Some(hit.at);
            }
            let sep = chars.get(prev_end).copied()?;
            // 兼 joins a post held at once ("管委会副主任兼某镇党委书记").
            if !matches!(sep, '、' | ',' | '，' | '兼') || hit.at < prev_end + 1 {
                return None;
            }
            let start = scope_start(rules, chars, prev_end + 1, hit.at, blocked);
            if start == prev_end + 1 {
                return Some(start);
            }
            // A bracketed aside in the scope ("滩地公园(农业高新区)管委会党委书记")
            // does not break the chain; the scope is read from after it.
            let open = aside_before(chars, start)?;
            (open > prev_end + 1
                && scope_start(rules, chars, prev_end + 1, open, blocked) == prev_end + 1)
                .then_some(start)
        });
        match continues {
            Some(start) => segments.push((start, hit.at, title_end, hit.word)),
            None => {
                if !segments.is_empty() {
                    let mut chain =
                        read_chain(rules, chars, districts, cities, &segments, &mut carry);
                    chain.name_before = name_before;
                    chain.organ_before_name = organ_before_name;
                    out.push(chain);
                }
                // A scope never runs back over the chain before it.
                let floor = segments.last().map_or(0, |s| s.2);
                let mut start = scope_start(rules, chars, floor, hit.at, blocked);
                // A scope opens at its place: what stands before the place is a
                // name or running text ("…:王某市南区代区长"), unless it is an organ
                // that names the place (政协鄂托克前旗…, 中共福田区委).
                let first_place = districts
                    .iter()
                    .map(|d| d.at)
                    .chain(cities.iter().map(|c| c.at))
                    .filter(|&p| p >= start && p < hit.at)
                    .min();
                if let Some(p) = first_place
                    && p > start
                {
                    let before: String = chars[start..p].iter().collect();
                    let before = short_organs(&before, '区');
                    if !["政协", "中共", "党", "委"]
                        .iter()
                        .any(|o| before.ends_with(o))
                    {
                        start = p;
                    }
                }
                name_before = None;
                organ_before_name = false;
                // "区委某某书记": the organ stands before the name, the head after it.
                let head = &rules.titles[hit.word].written;
                let organ_end = organ_opening(rules, chars, start, hit.at, head);
                if rules.titles[hit.word].after
                    && could_be_name(rules, chars, organ_end, hit.at, districts)
                {
                    name_before = Some(organ_end);
                    organ_before_name = organ_end > start;
                    start = hit.at;
                }
                segments = vec![(start, hit.at, title_end, hit.word)];
            }
        }
    }
    if !segments.is_empty() {
        let mut chain = read_chain(rules, chars, districts, cities, &segments, &mut carry);
        chain.name_before = name_before;
        chain.organ_before_name = organ_before_name;
        out.push(chain);
    }
    out
}

/// Where the organ a scope opens with ends, when it is a `written_organ` with
/// its unit (区委, 县政协) and a bare head's post of the table; else `from`.
fn organ_opening(rules: &Rules, chars: &[char], from: usize, to: usize, head: &str) -> usize {
    let scope: String = chars[from..to].iter().collect();
    organ_posts(rules, head)
        .into_iter()
        .filter(|(organ, _)| scope.starts_with(organ.as_str()))
        .map(|(organ, _)| from + organ.chars().count())
        .max()
        .unwrap_or(from)
}

/// The organs of `written_organ` with their unit (区政协, 县委) whose post the
/// bare head `head` names, each with that post as the table writes it (区政协
/// and 区政协副主席 for 副主席); none for a head that is not bare.
fn organ_posts(rules: &Rules, head: &str) -> Vec<(String, String)> {
    if !rules.words.has("bare_head", head) {
        return Vec::new();
    }
    rules
        .words
        .with_units("written_organ")
        .filter_map(|organ| {
            let title = rules
                .title(&format!("{organ}{head}"))
                .filter(|t| t.level == Level::District)?;
            Some((organ, title.written.clone()))
        })
        .collect()
}

/// True when what stands before a title (from `from` to `to`) may be the name
/// of its holder: two to four characters, or parts joined by ·, holding no
/// place and no organ ("甲某|区长" but not "政协|主席", "福田|区委书记").
fn could_be_name(
    rules: &Rules,
    chars: &[char],
    from: usize,
    to: usize,
    districts: &[DistrictMention],
) -> bool {
    let n = to - from;
    (2..=4).contains(&n)
        && chars[from..to]
            .iter()
            .all(|c| !rules.words.has("not_name_scope", &c.to_string()))
        && !districts.iter().any(|d| d.at < to && d.at + d.len > from)
}

/// Where the scope of a title at `title_at` starts, looking back no further
/// than `floor` and at most 32 characters (a formal organ name is long:
/// "中国人民政治协商会议某某土家族自治县第十一届委员会主席").
fn scope_start(
    rules: &Rules,
    chars: &[char],
    floor: usize,
    title_at: usize,
    blocked: &[bool],
) -> usize {
    let mut j = title_at;
    while j > floor && title_at - j < 32 {
        let c = chars[j - 1];
        if !is_han(c) || blocked.get(j - 1).copied().unwrap_or(false) {
            break;
        }
        // A stop inside a word of the scope is no stop ("经济开发区" is not
        // "经|济开发区", "协同发展领导小组" not "协同|发展…").
        let through = |w: &str| {
            let n = w.chars().count();
            rules.words.of("scope_through").iter().any(|t| {
                t.find(w).is_some_and(|byte| {
                    let k = t[..byte].chars().count();
                    j >= n + k && word_at(chars, j - n - k, t)
                })
            })
        };
        // Nor is a stop inside a town's name before the title (阳和土家族乡).
        let in_town = |w: &str| {
            let n = w.chars().count();
            rules.gazetteer.street_covers(chars, j - n, j, title_at)
        };
        if rules
            .words
            .of("scope_stop")
            .iter()
            .any(|w| word_ends_at(chars, j, w) && !through(w) && !in_town(w))
        {
            break;
        }
        j -= 1;
    }
    j
}

/// The district organ written before `at` whose post the bare head `head`
/// names, as the title that organ and head make ("区政协…,副主席" ->
/// 区政协副主席): the last organ of `written_organ` written with its unit (区,
/// 县, 旗) where the title table knows that post. Linear in `at`.
fn organ_written_before(
    rules: &Rules,
    chars: &[char],
    at: usize,
    head: &str,
) -> Option<(Level, String)> {
    let text: String = chars[..at].iter().collect();
    organ_posts(rules, head)
        .into_iter()
        .filter_map(|(organ, title)| text.rfind(organ.as_str()).map(|i| (i, title)))
        .max_by_key(|(i, t)| (*i, t.len()))
        .map(|(_, t)| (Level::District, t))
}

/// The opening bracket of a short aside of Han text that closes right before
/// `at` ("(农业高新区)"), if there is one.
fn aside_before(chars: &[char], at: usize) -> Option<usize> {
    if at < 2 || !matches!(chars[at - 1], ')' | '）') {
        return None;
    }
    let open = (at.saturating_sub(18)..at - 1)
        .rev()
        .take_while(|&k| is_han(chars[k]) || matches!(chars[k], '(' | '（'))
        .find(|&k| matches!(chars[k], '(' | '（'))?;
    (open > 0 && is_han(chars[open - 1])).then_some(open)
}

/// What a chain lends the chains after it in a sentence.
#[derive(Debug, Clone, Default)]
struct Carry {
    /// The level and recorded form of the last title.
    last_title: Option<(Level, String)>,
    /// The street or town of the last local post (西渡街道).
    street: Option<String>,
    /// The unit (区, 县, 旗) the sentence's titles write before their organs.
    unit: Option<char>,
}

/// Reads one chain's segments into posts and roles.
fn read_chain(
    rules: &Rules,
    chars: &[char],
    districts: &[DistrictMention],
    cities: &[CityMention],
    segments: &[(usize, usize, usize, usize)],
    carry: &mut Carry,
) -> Chain {
    let w = &rules.words;
    let before = &carry.last_title.clone();
    let mut posts: Vec<Post> = Vec::new();
    let mut former: Vec<Post> = Vec::new();
    let mut roles = Vec::new();
    let mut group = None;
    let mut previous: Option<(Level, String)> = None;
    let mut first = true;
    let mut chain_district: Option<(String, Option<String>)> = None;
    // Posts read from a generic title under a department or an office of a
    // district organ (区委统战部副部长, 区政府办主任), and whether the chain
    // holds a leading body's post from the table (区委常委).
    let mut in_department: Vec<usize> = Vec::new();
    let mut leading = false;
    for &(scope_at, title_at, title_end, ix) in segments {
        let title = &rules.titles[ix];
        let scope: String = chars[scope_at..title_at].iter().collect();
        // A bare head opening the sentence's titles takes the organ the
        // sentence wrote before it ("区政协全会闭幕,副主席甲主持").
        let written = (first && before.is_none() && scope_at == title_at)
            .then(|| organ_written_before(rules, chars, scope_at, &title.written))
            .flatten();
        let before = if written.is_some() { &written } else { before };
        // The district the scope names; one that runs into the title counts
        // (白云区长: 白云区 + 区长).
        let place = districts
            .iter()
            .rfind(|d| d.at >= scope_at && d.at < title_at.max(scope_at + 1));
        // "贵州松桃经济开发区": a province's name before a county's stem names
        // the county's zone, not a body of the province.
        let county_after = |c: &CityMention| {
            let rest: String = chars[(c.at + c.len).min(title_at)..title_at]
                .iter()
                .collect();
            rules
                .gazetteer
                .provinces
                .contains(&c.name)
                .then(|| rules.gazetteer.county_opening(&c.name, &rest))
                .flatten()
        };
        let scope_cities: Vec<Option<&crate::rules::County>> = cities
            .iter()
            .filter(|c| c.at >= scope_at && c.at < title_at)
            .map(county_after)
            .collect();
        let zone_county = scope_cities.iter().find_map(|c| *c);
        let city_scope = scope_cities.iter().any(Option::is_none) && place.is_none();
        let county_city = place.is_some_and(|d| d.name.ends_with('市'));
        // 区工商联主席, 区人大常委会原主任: no post of a leading body, or no longer held.
        let left = (rules.personnel.former.iter()).any(|f| scope.ends_with(f.as_str()));
        // Read on the short organ names: 中国人民政治协商会议 holds no 商会.
        let short_scope = short_organs(&scope, '区');
        // A special committee of the congress or the CPPCC (区人大城市建设
        // 环境保护委员会, 区政协提案委员会) is no leading body (FORMAT.md).
        // (A CPPCC's own formal name holds 委员会 too: 政协某县委员会主席; its
        // special committees are led by a 主任.)
        let special_committee = short_scope.contains("委员会")
            && (short_scope.contains("人大")
                || short_scope.contains("人民代表大会")
                || (short_scope.contains("政协") && title.written.contains("主任")));
        let not_leading = special_committee
            || rules
                .other_bodies
                .iter()
                .any(|b| short_scope.contains(b.as_str()));
        let other_body = not_leading || left;
        // 广州开发区党工委书记、管委会主任: a zone's second post stays with the zone.
        let zone_continues = scope_at == title_at
            && !first
            && previous.as_ref().is_some_and(|(l, _)| *l == Level::City)
            && (title.written.starts_with("党工委") || title.written.starts_with("管委会"));
        let level = match title.level {
            _ if other_body && title.level != Level::Group => Level::Other,
            Level::District if zone_continues => Level::City,
            // 市经济技术开发区党工委副书记: a city's zone.
            Level::District
                if place.is_none() && (scope.starts_with('市') || scope.starts_with('省')) =>
            {
                Level::City
            }
            // A county-level city's 市委书记 is a district official.
            Level::City if county_city => Level::District,
            Level::District
                if city_scope
                    || w.of("city_organ")
                        .iter()
                        .any(|m| scope.contains(m.as_str()))
                        && place.is_none() =>
            {
                Level::City
            }
            Level::Inherit => {
                if city_scope {
                    Level::City
                } else if place.is_some()
                    || w.of("district_mark")
                        .iter()
                        .any(|m| scope.contains(m.as_str()))
                {
                    Level::District
                } else if w
                    .of("city_organ")
                    .iter()
                    .chain(w.of("city_mark"))
                    .any(|m| scope.contains(m.as_str()))
                {
                    Level::City
                } else {
                    // Only a title with nothing before it, or an organ alone
                    // ("…以及人大工委主任乙"), takes the level of the chain before
                    // ("区长甲、副区长乙" but not "…会见议会副主席").
                    let organ_only = w.has("organ_alone", &scope);
                    let before = if !first {
                        &previous
                    } else if scope_at == title_at || organ_only {
                        before
                    } else {
                        &None
                    };
                    before.as_ref().map_or(Level::Other, |(l, _)| *l)
                }
            }
            Level::Group if scope.contains('市') || scope.contains('省') => Level::City,
            level => level,
        };
        let district = place
            .map(|d| (d.name.clone(), d.city.clone()))
            .or_else(|| zone_county.map(|c| (c.name.clone(), c.city.clone())));
        if district.is_some() {
            chain_district = district.clone();
        }
        // The title as written without the district's own name.
        let unit = place.map_or('区', |d| d.name.chars().last().unwrap_or('区'));
        let own = match place {
            Some(d) => {
                let past = (d.at + d.len).min(title_at).max(scope_at);
                let rest: String = chars[past..title_end].iter().collect();
                // "政协鄂托克前旗第十一届委员会主席": the organ before the name stays.
                // So is "政协第十届…委员会主席", "中国人民政治协商会议…委员会主席".
                // The city written between stays out ("政协北京市东城区…").
                let organ_end = cities
                    .iter()
                    .filter(|c| c.at >= scope_at && c.at + c.len <= d.at)
                    .map(|c| c.at)
                    .min()
                    .unwrap_or(d.at);
                let before: String = chars[scope_at..organ_end.max(scope_at)].iter().collect();
                let rest = if short_organs(&before, unit).ends_with("政协") {
                    format!("政协{rest}")
                } else {
                    rest
                };
                // 萧山区委书记: the name is 萧山区, the title keeps 区委.
                if d.at + d.len <= title_at && starts_with_organ(&short_organs(&rest, unit)) {
                    format!("{unit}{rest}")
                } else {
                    rest
                }
            }
            None => chars[scope_at..title_end].iter().collect(),
        };
        let own = short_organs(own.trim_start_matches("中共"), unit);
        // A named zone the title writes ("某经开区管委会主任"): later titles of
        // the sentence that write only its bodies belong to it.
        let mut zone: Option<String> = None;
        // A bare head ("主任甲,副主任乙") and the title before it, whose organ
        // it takes.
        let bare = scope_at == title_at && w.has("bare_head", &title.written);
        let organ_before = if first { before } else { &previous };
        let took_organ = bare && organ_before.is_some();
        let recorded = if title.level == Level::Group {
            title.canonical.clone()
        } else if title.canonical != title.written && own.ends_with(&title.written) {
            // 区政府区长 -> 区长.
            title.canonical.clone()
        } else if title.keeps_place {
            // "七里坪镇人大主席甲、副主席乙,镇长丙": the town holds on.
            match carry.street.as_ref().filter(|street| {
                own == title.written
                    && crate::rules::TOWN_UNITS
                        .iter()
                        .any(|u| street.ends_with(u) && own.contains(u))
            }) {
                // "东晓街道党工委书记甲,街道党工委副书记乙": the unit is
                // written once (东晓街道党工委副书记).
                Some(street) => {
                    // (Not the 镇 of 镇长: 七里坪镇镇长.)
                    let organ = |r: &str| {
                        [
                            "党工委",
                            "党委",
                            "办事处",
                            "人大",
                            "纪工委",
                            "纪委",
                            "人民政府",
                        ]
                        .iter()
                        .any(|o| r.starts_with(o))
                    };
                    let rest = crate::rules::TOWN_UNITS
                        .iter()
                        .find(|u| street.ends_with(*u) && own.strip_prefix(*u).is_some_and(organ))
                        .map_or(own.as_str(), |u| &own[u.len()..]);
                    format!("{street}{rest}")
                }
                None => own.clone(),
            }
        } else if let Some(street) = carry.street.as_ref().filter(|_| {
            ["党工委", "办事处", "人大工委", "党委", "管委会", "纪工委"]
                .iter()
                .any(|o| own.starts_with(o))
        }) {
            // "西渡街道党工委书记甲,党工委副书记、办事处主任乙": the street holds on;
            // so does a zone ("某经开区管委会主任甲,管委会副主任乙").
            format!("{street}{own}")
        } else if bare {
            // "区人大常委会主任甲、副主任乙": the bare head takes the organ before it.
            match organ_before {
                Some((_, prev)) => organ_of(w, prev) + &title.written,
                None => title.canonical.clone(),
            }
        } else if title.level == Level::District {
            // A district post is recorded as the table writes it: "区政府常务副区长",
            // "新区党工委书记" (新区 is the district, said short) are 常务副区长, 党工委书记;
            // a zone stays: 经开区党工委书记.
            let rest = own.strip_suffix(title.written.as_str()).unwrap_or("");
            if w.of("zone")
                .iter()
                .any(|z| rest.ends_with(z.as_str()) && rest != "新区")
            {
                zone = Some(rest.to_string());
                format!("{rest}{}", title.canonical)
            } else {
                title.canonical.clone()
            }
        } else {
            own.clone()
        };
        // A county-level city's own post written with its government
        // (漳平市政府副市长) is recorded as the table records the county form
        // (县政府副县长 -> 副县长): 副市长.
        let recorded = match rules.title(&recorded.replace('市', "县")) {
            Some(t)
                if county_city
                    && title.level == Level::City
                    && t.canonical != t.written
                    && t.level == Level::District =>
            {
                t.canonical.replace('县', "市")
            }
            _ => recorded,
        };
        // 人大 and 政协 keep their unit, and lend it to a title after them that
        // writes none ("区政协副主席甲,政协党组副书记乙": 区政协党组副书记).
        let recorded = match carry.unit {
            Some(u)
                if title.level == Level::Inherit
                    && level == Level::District
                    && (recorded.starts_with("政协") || recorded.starts_with("人大")) =>
            {
                format!("{u}{recorded}")
            }
            _ => recorded,
        };
        if let Some(u) = recorded
            .chars()
            .next()
            .filter(|c| matches!(c, '区' | '县' | '旗'))
            && ["委", "人大", "政协"]
                .iter()
                .any(|o| recorded[u.len_utf8()..].starts_with(o))
        {
            carry.unit = Some(u);
        }
        let local = crate::rules::TOWN_UNITS
            .iter()
            .filter_map(|u| recorded.find(u).map(|i| i + u.len()))
            .min()
            .map(|i| recorded[..i].to_string())
            .filter(|p| p.chars().count() > 2);
        // "陇县东南镇党委副书记": the county written before a town of its own is
        // no part of the town's post.
        let county_cut = local.as_deref().and_then(|l| {
            l.char_indices().skip(2).take(4).find_map(|(i, _)| {
                let (county, town) = l.split_at(i);
                (rules
                    .gazetteer
                    .counties_of_street(town)
                    .any(|c| c.name == county))
                .then_some(i)
            })
        });
        let (recorded, local) = match county_cut {
            Some(i) => (recorded[i..].to_string(), local.map(|l| l[i..].to_string())),
            None => (recorded, local),
        };
        if let Some(l) = local.as_ref().or(zone.as_ref()) {
            carry.street = Some(l.clone());
        }
        if left && !not_leading && title.level == Level::District {
            former.push(Post {
                title: recorded.clone(),
                level: Level::District,
                district: district.clone(),
                single: title.single,
                local: local.clone(),
            });
        }
        // A community's or a village's post (文华社区党委书记, 某村党支部书记) is
        // below the streets and towns: no district official (FORMAT.md),
        // whatever the chain before it lends (`below_town` in data/words.tsv).
        let below_town = w
            .of("below_town")
            .iter()
            .any(|b| recorded.contains(b.as_str()));
        if level == Level::District && !below_town {
            if title.level == Level::Inherit
                && w.of("department")
                    .iter()
                    .any(|d| scope.trim_end().ends_with(d.as_str()))
            {
                in_department.push(posts.len());
            } else if title.level == Level::District {
                leading = true;
            }
        }
        match level {
            Level::District if below_town => roles.push(recorded.clone()),
            Level::District => posts.push(Post {
                title: recorded.clone(),
                level: if title.keeps_place {
                    Level::District
                } else {
                    level
                },
                district: district.clone(),
                single: title.single,
                local,
            }),
            Level::Group => {
                group = Some(recorded.clone());
                posts.push(Post {
                    title: recorded.clone(),
                    level: Level::Group,
                    district: district.clone(),
                    single: false,
                    local: None,
                });
            }
            // "市人大常委会主任甲,副主任乙": 乙's role is the organ's too.
            _ if took_organ => roles.push(recorded.clone()),
            _ => roles.push(own.clone()),
        }
        if title.keeps_place
            && level == Level::District
            && let Some(unit) = crate::rules::TOWN_UNITS
                .iter()
                .find(|u| title.written.starts_with(*u))
            && let Some(i) = recorded.find(unit).filter(|&i| i > 0)
        {
            carry.street = Some(recorded[..i + unit.len()].to_string());
        }
        previous = Some((level, recorded));
        first = false;
    }
    carry.last_title = previous.clone();
    // A department's or an office's head is no leader of the district
    // (FORMAT.md) unless the chain gives a leading post too ("区委常委、宣传
    // 部部长" keeps both): alone, the title is a role.
    if !leading {
        for i in in_department.into_iter().rev() {
            roles.push(posts.remove(i).title);
        }
    }
    // A district named anywhere in the chain holds for every post in it.
    if let Some(d) = chain_district {
        for p in posts.iter_mut().chain(&mut former) {
            p.district.get_or_insert_with(|| d.clone());
        }
    }
    let at = segments.first().map_or(0, |s| s.0);
    let end = segments.last().map_or(0, |s| s.2);
    Chain {
        at,
        end,
        posts,
        roles,
        group,
        name_before: None,
        organ_before_name: false,
        title_starts: segments.iter().map(|s| s.1).collect(),
        former,
    }
}

/// A title written with formal organ names, in the short form the table and
/// readers use: "区第十一届人大常委会主任" -> 区人大常委会主任, "第八届人民代表大会常务
/// 委员会副主任" -> 人大常委会副主任, "政协第十一届委员会主席" -> 旗政协主席 (with
/// `unit` 旗).
fn short_organs(title: &str, unit: char) -> String {
    static SESSION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"第?[0-9一二三四五六七八九十百]*届").expect("session pattern is valid")
    });
    let t = SESSION.replace_all(title, "");
    let t = t
        .replace("人民代表大会常务委员会", "人大常委会")
        .replace("人大常务委员会", "人大常委会")
        .replace("中国人民政治协商会议", "政协")
        .replace("纪律检查委员会", "纪委")
        // 中共西城区委员会书记: the party committee, said short.
        .replace("委员会书记", "委书记")
        .replace("委员会副书记", "委副书记");
    match t.strip_prefix("政协委员会") {
        Some(head) => format!("{unit}政协{head}"),
        // 区政协十四届委员会主席: the session gone, the committee is 区政协.
        None => t.replace("政协委员会", "政协"),
    }
}

/// True when a title as written starts with an organ that needs its unit:
/// 委书记, 人大常委会主任, 政协主席.
fn starts_with_organ(rest: &str) -> bool {
    [
        "委",
        "人大",
        "政协",
        "政府",
        "人民政府",
        "纪委",
        "监委",
        "监察委",
    ]
    .iter()
    .any(|o| rest.starts_with(o))
}

/// The organ of a recorded title: 区人大常委会主任 -> 区人大常委会.
pub(crate) fn organ_of(words: &crate::rules::Words, title: &str) -> String {
    let mut heads: Vec<&str> = words
        .of("bare_head")
        .iter()
        .map(String::as_str)
        .chain(["党组书记", "党组副书记", "党组成员"])
        .collect();
    heads.sort_by_key(|h| std::cmp::Reverse(h.chars().count()));
    for h in heads {
        if let Some(organ) = title.strip_suffix(h) {
            return organ.to_string();
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mention::place;

    /// (posts as (title, district), roles) of each chain.
    /// (posts as (title, district), roles) of one chain.
    type Read = (Vec<(String, Option<String>)>, Vec<String>);

    fn read(text: &str) -> Vec<Read> {
        let rules = Rules::builtin();
        let chars: Vec<char> = text.chars().collect();
        let (districts, cities) = place::find(&rules, text);
        let blocked = vec![false; chars.len()];
        chains(&rules, &chars, text, &districts, &cities, &blocked)
            .into_iter()
            .map(|c| {
                (
                    c.posts
                        .into_iter()
                        .map(|p| (p.title, p.district.map(|d| d.0)))
                        .collect(),
                    c.roles,
                )
            })
            .collect()
    }

    fn post(t: &str, d: Option<&str>) -> (String, Option<String>) {
        (t.to_string(), d.map(String::from))
    }

    #[test]
    fn a_district_before_the_title() {
        assert_eq!(
            read("福田区委书记某某"),
            vec![(vec![post("区委书记", Some("福田区"))], vec![])]
        );
        assert_eq!(
            read("白云区长余某某"),
            vec![(vec![post("区长", Some("白云区"))], vec![])]
        );
    }

    #[test]
    fn a_bracketed_aside_does_not_break_the_chain() {
        let chains = read("惠济区委副书记、某某公园(某某高新区)管委会党委书记、区委党校校长某某");
        assert_eq!(chains.len(), 1, "{chains:?}");
        let titles: Vec<&str> = chains[0].0.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(titles, ["区委副书记", "管委会党委书记", "区委党校校长"]);
    }

    #[test]
    fn a_province_before_a_county_stem_names_the_countys_zone() {
        let chains = read("贵州松桃经济开发区党工委副书记某某");
        assert_eq!(chains[0].0.len(), 1, "{chains:?}");
        assert!(chains[0].1.is_empty(), "{chains:?}");
        // A province's own body stays the province's.
        let chains = read("贵州省委副书记某某");
        assert!(chains[0].0.is_empty(), "{chains:?}");
    }

    /// The titles of every post the chains of `text` hold.
    fn titles(text: &str) -> Vec<String> {
        read(text)
            .into_iter()
            .flat_map(|(p, _)| p.into_iter().map(|p| p.0))
            .collect()
    }

    #[test]
    fn formal_organ_names_are_said_short() {
        // 人大常务委员会 is the 人大常委会; a session's number goes, and the
        // committee of a CPPCC written with it is the CPPCC.
        assert_eq!(
            titles("通榆县人大常务委员会副主任葛立山"),
            ["县人大常委会副主任"]
        );
        assert_eq!(titles("区政协十四届委员会主席卢文海"), ["区政协主席"]);
        // A government's party group, with 人民政府 said short.
        assert_eq!(titles("通榆县人民政府党组书记葛立山"), ["县政府党组书记"]);
        // A supervisory commission keeps its unit, as the party committee does.
        assert_eq!(titles("洮北区监察委员会主任方建春"), ["区监察委员会主任"]);
    }

    #[test]
    fn a_stop_inside_a_towns_name_is_no_stop() {
        // 和 joins lists, but 阳和土家族乡 is a township of 慈利县.
        assert_eq!(
            read("葛立山当选阳和土家族乡人民政府副乡长"),
            vec![(vec![post("阳和土家族乡人民政府副乡长", None)], vec![])]
        );
    }

    #[test]
    fn a_special_committee_is_no_leading_body() {
        // The congress's and the CPPCC's special committees are led by a 主任;
        // the CPPCC's own formal name holds 委员会 too.
        assert!(titles("区人大城市建设环境保护委员会主任葛立山").is_empty());
        assert!(titles("区人民代表大会社会建设委员会主任委员卢文海").is_empty());
        assert!(titles("区政协提案委员会主任方建春").is_empty());
        assert_eq!(titles("政协通榆县委员会副主席柴明"), ["县政协副主席"]);
        assert_eq!(
            titles("通榆县第十届人民代表大会常务委员会主任虎勇"),
            ["县人大常委会主任"]
        );
    }

    #[test]
    fn a_sessions_presiding_member_holds_no_post() {
        // 执行主席 chairs one sitting of a session: a role, beside the post.
        assert_eq!(
            read("县人大常委会副主任、大会执行主席葛立山"),
            vec![(
                vec![post("县人大常委会副主任", None)],
                vec!["大会执行主席".to_string()]
            )]
        );
    }

    #[test]
    fn a_cppcc_written_with_its_city_is_the_districts() {
        assert_eq!(
            read("政协北京市东城区第十四届委员会主席某某"),
            vec![(vec![post("区政协主席", Some("东城区"))], vec![])]
        );
    }

    #[test]
    fn a_city_title_before_a_district_title() {
        assert_eq!(
            read("杭州市委常委、萧山区委书记某某"),
            vec![(
                vec![post("区委书记", Some("萧山区"))],
                vec!["杭州市委常委".to_string()]
            )]
        );
    }

    #[test]
    fn scopes_stop_at_running_text() {
        assert_eq!(
            read("新当选的区政协主席某某"),
            vec![(vec![post("区政协主席", None)], vec![])]
        );
        assert_eq!(
            read("会议由区委书记某某主持"),
            vec![(vec![post("区委书记", None)], vec![])]
        );
    }

    #[test]
    fn a_communitys_post_is_no_district_post() {
        let posts = titles;
        assert_eq!(
            posts("黄贝街道党工委书记甲,文华社区党委书记乙"),
            ["黄贝街道党工委书记"]
        );
        assert!(posts("新华村党支部书记丙").is_empty());
        // 党支部 also ends like a department (部): the post is dropped once.
        assert!(posts("黄阁镇新华村党支部书记丁视频致辞").is_empty());
    }

    #[test]
    fn bare_heads_take_the_organ_before() {
        assert_eq!(
            read("区人大常委会主任甲、副主任乙"),
            vec![
                (vec![post("区人大常委会主任", None)], vec![]),
                (vec![post("区人大常委会副主任", None)], vec![])
            ]
        );
        assert_eq!(
            read("区委常委、宣传部部长某某"),
            vec![(
                vec![post("区委常委", None), post("宣传部部长", None)],
                vec![]
            )]
        );
    }

    #[test]
    fn posts_held_at_once_join_the_chain() {
        // 兼 joins the chain as 、 does; a zone's second body stays with it.
        let chains = read("区委副书记、区长兼经开区党工委书记、管委会主任某某");
        let titles: Vec<&str> = chains
            .iter()
            .flat_map(|(posts, _)| posts.iter().map(|p| p.0.as_str()))
            .collect();
        assert_eq!(
            titles,
            ["区委副书记", "区长", "经开区党工委书记", "经开区管委会主任"]
        );
        // Two posts with nothing between them are one chain too.
        let chains = read("区委常委副区长某某");
        assert_eq!(chains.len(), 1, "{chains:?}");
        let titles: Vec<&str> = chains[0].0.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(titles, ["区委常委", "副区长"]);
    }

    #[test]
    fn a_new_areas_leaders_are_named_as_written() {
        let chains = read("新区领导甲、乙参加");
        let titles: Vec<&str> = chains
            .iter()
            .flat_map(|(posts, _)| posts.iter().map(|p| p.0.as_str()))
            .collect();
        assert_eq!(titles, ["新区领导"]);
    }

    #[test]
    fn a_presidium_is_a_body_and_its_chair_no_post() {
        // 主席团 is a body: no 主席 in it, and its 常务主席 is a role.
        assert_eq!(
            read("区委书记、大会主席团常务主席某某主持"),
            vec![(
                vec![post("区委书记", None)],
                vec!["大会主席团常务主席".to_string()]
            )]
        );
    }

    #[test]
    fn a_street_holds_on_with_its_unit_written_once() {
        let chains = read("罗湖区东晓街道党工委书记甲,街道党工委副书记乙");
        let titles: Vec<&str> = chains
            .iter()
            .flat_map(|(posts, _)| posts.iter().map(|p| p.0.as_str()))
            .collect();
        assert_eq!(titles, ["东晓街道党工委书记", "东晓街道党工委副书记"]);
        // The 镇 of 镇长 is the title's own.
        let chains = read("七里镇人大主席甲,镇长乙");
        let titles: Vec<&str> = chains
            .iter()
            .flat_map(|(posts, _)| posts.iter().map(|p| p.0.as_str()))
            .collect();
        assert_eq!(titles, ["七里镇人大主席", "七里镇镇长"]);
    }

    #[test]
    fn a_departments_head_alone_is_no_leader() {
        // An office's or a department's head, with no leading post in the
        // chain, is a role; with one (区委常委) the department's title stays.
        assert_eq!(
            read("福田区政府办公室主任某某"),
            vec![(vec![], vec!["区政府办公室主任".to_string()])]
        );
        assert_eq!(
            read("福田区委统战部副部长某某"),
            vec![(vec![], vec!["区委统战部副部长".to_string()])]
        );
        assert_eq!(
            read("福田区委常委、统战部部长某某"),
            vec![(
                vec![
                    post("区委常委", Some("福田区")),
                    post("统战部部长", Some("福田区"))
                ],
                vec![]
            )]
        );
    }

    #[test]
    fn a_bare_head_after_a_city_title_takes_its_organ_as_a_role() {
        // A county-level city's news writes its posts as a city's: the role
        // keeps the organ, which tells its county form (县人大常委会副主任).
        assert_eq!(
            read("市人大常委会主任甲主持会议,副主任乙、丙出席"),
            vec![
                (vec![], vec!["市人大常委会主任".to_string()]),
                (vec![], vec!["市人大常委会副主任".to_string()])
            ]
        );
    }

    #[test]
    fn others_are_roles() {
        let chains = read("市委社会工作部部长、市委“两新”工委书记某某");
        assert!(
            chains.iter().all(|(posts, _)| posts.is_empty()),
            "{chains:?}"
        );
        assert_eq!(chains[0].1, vec!["市委社会工作部部长".to_string()]);
        let chains = read("大会主席团常务主席、执行主席某某主持大会");
        assert!(
            chains.iter().all(|(posts, _)| posts.is_empty()),
            "{chains:?}"
        );
    }
}
