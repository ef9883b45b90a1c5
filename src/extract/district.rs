//! Districts: mentions of known districts, headings that open a district's
//! section, and districts of other cities written in full.
//!
//! Known districts are matched by every written form, longest first, so that
//! 深汕特别合作区 is not read as 深汕. A district of another city is only taken
//! when its full form stands where a district must stand: before a title
//! (天河区委书记), after a city (广州市天河区), or alone as a heading; a bare
//! "全区" or "园区" is never a district.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::Rules;

/// A district mentioned at a character offset of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictMention {
    /// Offset in characters within the searched text.
    pub at: usize,
    pub len: usize,
    /// The canonical name (福田区).
    pub name: String,
    /// The form as written (福田).
    pub written: String,
}

/// Words ending in 区/县 that are never districts.
const NOT_DISTRICTS: &[&str] = &[
    "全区",
    "城区",
    "辖区",
    "园区",
    "片区",
    "社区",
    "小区",
    "景区",
    "校区",
    "院区",
    "各区",
    "该区",
    "本区",
    "我区",
    "新区",
    "市区",
    "郊区",
    "山区",
    "老区",
    "特区",
    "湾区",
    "街区",
    "商区",
    "展区",
    "赛区",
    "分区",
    "示范区",
    "先行区",
    "集聚区",
    "合作区",
    "试验区",
    "开发区",
    "保护区",
    "功能区",
    "核心区",
    "中心区",
    "先导区",
    "自贸区",
    "度假区",
    "风景区",
    "工业区",
    "产业区",
    "住宅区",
    "生活区",
    "服务区",
    "管理区",
    "行政区",
    "城区",
    "全县",
    "各县",
    "该县",
    "本县",
    "一区",
    "两区",
    "三区",
    "多区",
    "六区",
];

/// Cities whose districts are read when written right after the city's name.
const CITIES: &[&str] = &[
    "北京",
    "上海",
    "天津",
    "重庆",
    "广州",
    "深圳",
    "杭州",
    "南京",
    "武汉",
    "成都",
    "西安",
    "苏州",
    "东莞",
    "佛山",
    "珠海",
    "惠州",
    "厦门",
    "青岛",
    "宁波",
    "长沙",
    "郑州",
    "合肥",
    "福州",
    "济南",
    "沈阳",
    "大连",
    "哈尔滨",
    "长春",
    "昆明",
    "南宁",
    "贵阳",
    "南昌",
    "太原",
    "石家庄",
    "兰州",
    "海口",
    "无锡",
    "温州",
    "中山",
    "汕头",
    "江门",
    "湛江",
    "肇庆",
    "清远",
    "汕尾",
    "河源",
    "梅州",
    "揭阳",
    "潮州",
    "阳江",
    "茂名",
    "韶关",
    "云浮",
];

/// Known districts mentioned in `text`, left to right, longest form first.
pub fn find_known(rules: &Rules, text: &str) -> Vec<DistrictMention> {
    let chars: Vec<char> = text.chars().collect();
    let forms = rules.district_forms();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut matched = None;
        for (form, district) in &forms {
            let n = form.chars().count();
            if i + n <= chars.len() && chars[i..i + n].iter().copied().eq(form.chars()) {
                matched = Some((n, district.name.clone(), form.to_string()));
                break;
            }
        }
        if let Some((n, name, written)) = matched {
            out.push(DistrictMention {
                at: i,
                len: n,
                name,
                written,
            });
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// The district a heading line opens: "福田区", "坪山", "福田:", "【南山区】".
pub fn heading(rules: &Rules, line: &str) -> Option<String> {
    let core = line
        .trim()
        .trim_matches(|c: char| {
            matches!(
                c,
                ':' | '：' | '【' | '】' | '[' | ']' | '#' | '*' | ' ' | '、' | '.'
            ) || c.is_ascii_digit()
        })
        .trim();
    if core.chars().count() > 8 {
        return None;
    }
    if let Some(d) = rules.district_named(core) {
        return Some(d.name.clone());
    }
    full_form(core).filter(|f| f == core)
}

/// A district of any city written in full (天河区, 余杭区, 某某县), if `text` is one.
pub fn full_form(text: &str) -> Option<String> {
    static FULL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\p{Han}{1,4}?(?:新区|区|县)$").unwrap());
    (FULL.is_match(text)
        && !NOT_DISTRICTS
            .iter()
            .any(|w| text.ends_with(w) && text.chars().count() <= w.chars().count() + 1)
        && !is_generic(text))
    .then(|| text.to_string())
}

fn is_generic(text: &str) -> bool {
    NOT_DISTRICTS.contains(&text)
        || text.starts_with('全')
        || text.starts_with('各')
        || text.starts_with('本')
}

/// The district or county an article is about when it never says so where a
/// district must stand (a county paper writes "县委书记某某" and "蒲江县2025年
/// ..."): the full form "XX县"/"XX区" written most often, when it is written at
/// least three times and twice as often as any other. Each 县/区 is read with
/// the two and the three characters before it, and the form most occurrences
/// share wins, so "也是蒲江县" does not make a district "是蒲江县".
pub fn most_written_full_form(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for (end, c) in chars.iter().enumerate() {
        if *c != '县' && *c != '区' {
            continue;
        }
        for len in [2, 3] {
            if end < len {
                continue;
            }
            let stem = &chars[end - len..end];
            if !stem.iter().all(|c| super::is_han(*c)) {
                continue;
            }
            let form: String = chars[end - len..=end].iter().collect();
            if let Some(form) = full_form(&form) {
                *counts.entry(form).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.chars().count().cmp(&b.0.chars().count()))
    });
    let (best, n) = ranked.first()?.clone();
    let rival = ranked
        .iter()
        .skip(1)
        .filter(|(form, _)| !form.ends_with(&best) && !best.ends_with(form.as_str()))
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    (n >= 3 && n >= 2 * rival).then_some(best)
}

/// Districts of other cities after a city name: 广州市天河区, 北京海淀区, 杭州市余杭区.
pub fn find_after_city(text: &str) -> Vec<DistrictMention> {
    static DISTRICT_AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^市?(\p{Han}{1,3}?(?:新区|区|县))").unwrap());
    let mut out = Vec::new();
    for city in CITIES {
        for (at, _) in text.match_indices(city) {
            let rest = &text[at + city.len()..];
            let Some(c) = DISTRICT_AFTER.captures(rest) else {
                continue;
            };
            let Some(d) = c.get(1) else { continue };
            if let Some(name) = full_form(d.as_str()) {
                let at = text[..at + city.len() + d.start()].chars().count();
                out.push(DistrictMention {
                    at,
                    len: name.chars().count(),
                    written: name.clone(),
                    name,
                });
            }
        }
    }
    out.sort_by_key(|m| m.at);
    out
}

/// Districts of any city written in full before a title or organ: 黄埔区委书记,
/// 天河区区长, 佛冈县委, 余杭区政府.
pub fn find_before_title(text: &str) -> Vec<DistrictMention> {
    const ORGANS: &[&str] = &[
        "委",
        "政府",
        "人民政府",
        "人大",
        "政协",
        "区长",
        "县长",
        "党工委",
        "管委会",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for end in 1..=chars.len() {
        let unit = chars[end - 1];
        if unit != '区' && unit != '县' {
            continue;
        }
        let after: String = chars[end..(end + 4).min(chars.len())].iter().collect();
        if !ORGANS.iter().any(|o| after.starts_with(o)) {
            continue;
        }
        // The name must start a phrase: "主持召开区政府" holds no district 持召开区.
        for len in [3, 4] {
            if len > end {
                continue;
            }
            let start = end - len;
            let ends_with_city = |city: &str| {
                let c: Vec<char> = city.chars().collect();
                let with_shi = start > c.len()
                    && chars[start - 1] == '市'
                    && chars[start - 1 - c.len()..start - 1] == c[..];
                (start >= c.len() && chars[start - c.len()..start] == c[..]) || with_shi
            };
            let opens = start == 0
                || !super::is_han(chars[start - 1])
                || CITIES.iter().any(|c| ends_with_city(c));
            let name: String = chars[start..end].iter().collect();
            if opens && let Some(name) = full_form(&name) {
                out.push(DistrictMention {
                    at: start,
                    len,
                    written: name.clone(),
                    name,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_form_wins() {
        let rules = Rules::builtin();
        let found = find_known(&rules, "在深圳市深汕特别合作区百安半岛,福田区与福田");
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["深汕特别合作区", "福田区", "福田区"]);
        assert_eq!(found[2].written, "福田");
    }

    #[test]
    fn headings() {
        let rules = Rules::builtin();
        assert_eq!(heading(&rules, "坪山").as_deref(), Some("坪山区"));
        assert_eq!(heading(&rules, "福田:").as_deref(), Some("福田区"));
        assert_eq!(heading(&rules, "天河区").as_deref(), Some("天河区"));
        assert_eq!(heading(&rules, "全区"), None);
        assert_eq!(heading(&rules, "福田区启动实施行动方案"), None);
    }

    #[test]
    fn districts_before_titles() {
        let found =
            find_before_title("4月16日,黄埔区委副书记、区长钟某到现场,佛冈县委书记朱某、全区上下");
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["黄埔区", "佛冈县"]);
    }

    #[test]
    fn the_county_an_article_is_about() {
        let text = "2025年是蒲江县加快发展之年。蒲江县召开大会。也是蒲江县的节日。全县上下。";
        assert_eq!(most_written_full_form(text).as_deref(), Some("蒲江县"));
        assert_eq!(most_written_full_form("蒲江县召开大会。全县上下。"), None);
    }

    #[test]
    fn other_cities_districts() {
        let found = find_after_city("广州市天河区召开会议,北京海淀区也来了,全区上下");
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["天河区", "海淀区"]);
        assert_eq!(full_form("园区"), None);
        assert_eq!(full_form("余杭区").as_deref(), Some("余杭区"));
    }
}
