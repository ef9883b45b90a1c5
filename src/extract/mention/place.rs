//! Place mentions: districts and counties (区, 县, 县级市, 旗) of all of China,
//! the project's own districts and zones, and the cities and provinces that
//! tell two districts of one name apart.
//!
//! Every form comes from the national gazetteer (`data/gazetteer.tsv`) and the
//! project's table (`data/districts.tsv`), so no district is ever made from
//! running text: "新当选的区政协主席" holds no district "选的区". A county name
//! that is also a common word (城区, 老城区, 市中区; `data/place_words.tsv`) or
//! has only two characters (赵县, 东区) counts only where a district must stand:
//! before one of its organs or titles (老城区委书记, 环翠区委常委会, 龙湖区在…召开)
//! or after its city (洛阳市老城区). Linear in the sentence: one pass of the
//! gazetteer's automaton.

use crate::rules::{PlaceKind, Rules};

/// A district or county named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictMention {
    /// Character offset and length in the searched text.
    pub at: usize,
    pub len: usize,
    /// The full name (福田区 for 福田).
    pub name: String,
    /// The city, where the text says it (洛阳市老城区) or only one district has
    /// the name.
    pub city: Option<String>,
}

/// A city or province named in a text: what tells 北京市朝阳区 from 长春市朝阳区.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityMention {
    pub at: usize,
    pub len: usize,
    /// Its full name (杭州市, 浙江省, 北京市).
    pub name: String,
}

/// Districts and cities in `text`.
///
/// ```
/// use govgraph::rules::Rules;
/// use govgraph::extract::mention::place::find;
/// let rules = Rules::builtin();
/// let (districts, _) = find(&rules, "洛阳市老城区委书记某某调研,新当选的区政协主席出席");
/// let names: Vec<&str> = districts.iter().map(|d| d.name.as_str()).collect();
/// assert_eq!(names, ["老城区"]);
/// assert_eq!(districts[0].city.as_deref(), Some("洛阳市"));
/// ```
pub fn find(rules: &Rules, text: &str) -> (Vec<DistrictMention>, Vec<CityMention>) {
    let chars: Vec<char> = text.chars().collect();
    let mut districts = Vec::new();
    let mut cities: Vec<CityMention> = Vec::new();
    for m in rules.gazetteer.find(text) {
        let end = m.at + m.len;
        match m.form.kind {
            PlaceKind::City | PlaceKind::Province => {
                // A short city form must be followed by what a city is followed
                // by, or stand right before a district: "杭州" in "杭州湾" is no city.
                cities.push(CityMention {
                    at: m.at,
                    len: m.len,
                    name: m.form.name.clone(),
                });
            }
            PlaceKind::Listed => {
                // "门牙村南山": a short form after a village or a road names a
                // spot there, not the district.
                let short = m.len < m.form.name.chars().count();
                // "光明区域": 区 begins another word, as for the gazetteer's.
                if chars.get(end) == Some(&'域') {
                    continue;
                }
                // "宝安日报": a short form in an outlet's name names the paper,
                // which reports its neighbours too (`outlet` in data/words.tsv).
                if short
                    && rules
                        .words
                        .of("outlet")
                        .iter()
                        .any(|o| crate::extract::word_at(&chars, end, o))
                {
                    continue;
                }
                if short
                    && m.at > 0
                    && matches!(
                        chars[m.at - 1],
                        '村' | '镇' | '乡' | '路' | '街' | '巷' | '屯' | '组'
                    )
                {
                    continue;
                }
                let city = rules
                    .district_named(&m.form.name)
                    .and_then(|d| d.city.clone());
                districts.push(DistrictMention {
                    at: m.at,
                    len: m.len,
                    name: m.form.name.clone(),
                    city,
                });
            }
            PlaceKind::County => {
                let name = &m.form.name;
                // 西安区域, 南山区域: 区 begins another word.
                if chars.get(end) == Some(&'域') {
                    continue;
                }
                // "代县长" is a title, not 代县 and 长.
                if crate::extract::title_opens_at(rules, &chars, m.at, m.len) {
                    continue;
                }
                let organ = rules
                    .words
                    .of("after_district")
                    .iter()
                    .any(|o| crate::extract::word_at(&chars, end, o));
                let city_before = cities
                    .last()
                    .filter(|c| {
                        c.at + c.len == m.at
                            || (c.at + c.len + 1 == m.at && chars[m.at - 1] == '市')
                    })
                    .and_then(|c| {
                        rules
                            .gazetteer
                            .counties_written(name)
                            .find(|k| {
                                k.city.as_deref() == Some(c.name.as_str()) || k.province == c.name
                            })
                            .map(|k| k.city_or_province())
                    });
                // The party before it: 中共某县…, or 中国共产党 before a committee
                // of the county's ("中国共产党眉县第十七届委员会"; 中国共产党和县级
                // 以上… names no 和县).
                let party = m.at >= 2 && crate::extract::word_at(&chars, m.at - 2, "中共")
                    || m.at >= 5
                        && crate::extract::word_at(&chars, m.at - 5, "中国共产党")
                        && matches!(chars.get(end), Some('第' | '委'));
                // "区委书记和县委书记": a two-character name needs a clear start.
                let clear_start = m.at == 0 || !crate::extract::is_han(chars[m.at - 1]);
                let anchored =
                    (organ && (m.len >= 3 || clear_start)) || city_before.is_some() || party;
                let plain = m.len >= 3 && !rules.place_words.contains(name);
                if !anchored && !plain {
                    continue;
                }
                // "何建平县长": a county that ends where a 县长 or 区长 begins, right
                // after a character, is a name and a title, not a district.
                let title_after = ["长", "委"]
                    .iter()
                    .any(|t| crate::extract::word_at(&chars, end, t));
                if !anchored
                    && title_after
                    && m.at > 0
                    && crate::extract::is_han(chars[m.at - 1])
                    && rules.is_surname(&chars[m.at - 1].to_string())
                {
                    continue;
                }
                let city = city_before.or_else(|| {
                    rules
                        .gazetteer
                        .county_written(name)
                        .map(|k| k.city_or_province())
                });
                districts.push(DistrictMention {
                    at: m.at,
                    len: m.len,
                    name: name.clone(),
                    city,
                });
            }
        }
    }
    (districts, cities)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let rules = Rules::builtin();
        find(&rules, text)
            .0
            .into_iter()
            .map(|d| (d.name, d.city))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn an_outlets_name_and_a_region_are_no_district() {
        // 宝安日报 is a paper, 光明区域 a region; 宝安区 written whole is.
        assert!(names("来源:宝安日报 深圳新闻网讯 打造光明区域公共服务中心").is_empty());
        assert_eq!(
            names("深圳市宝安区召开会议"),
            vec![("宝安区".into(), s("深圳市"))]
        );
    }

    #[test]
    fn districts_of_all_china() {
        assert_eq!(
            names("10月23日,洛阳市老城区委书记某某主持召开书记专题会"),
            vec![("老城区".into(), s("洛阳市"))]
        );
        assert_eq!(
            names("威海市环翠区委常委会召开会议,龙湖区在区委区政府大楼召开会议"),
            vec![
                ("环翠区".into(), s("威海市")),
                ("龙湖区".into(), s("汕头市"))
            ]
        );
        assert_eq!(names("萧山区委书记"), vec![("萧山区".into(), s("杭州市"))]);
        assert_eq!(
            names("准格尔旗旗长"),
            vec![("准格尔旗".into(), s("鄂尔多斯市"))]
        );
    }

    #[test]
    fn a_former_county_keeps_the_name_it_had() {
        // 洪泽县 is 洪泽区 today: the page's county is the one of its time,
        // of today's county's city.
        assert_eq!(
            names("洪泽县委书记某某主持会议"),
            vec![("洪泽县".into(), s("淮安市"))]
        );
        assert_eq!(
            names("子长县召开会议"),
            vec![("子长县".into(), s("延安市"))]
        );
        // A county renamed since (上饶县: 广信区 since 2019) or merged (萝岗区:
        // 黄埔区 since 2014) is found by the name of its time, in its city.
        assert_eq!(
            names("上饶县委书记某某主持会议,萝岗区领导出席"),
            vec![
                ("上饶县".into(), s("上饶市")),
                ("萝岗区".into(), s("广州市"))
            ]
        );
        // Renamed under its code (庐山区: 濂溪区 since 2016), or written as an
        // autonomous county's short form (北川县: 北川羌族自治县).
        assert_eq!(
            names("庐山区委书记某某主持会议,北川县委书记某某出席"),
            vec![
                ("庐山区".into(), s("九江市")),
                ("北川羌族自治县".into(), s("绵阳市"))
            ]
        );
    }

    #[test]
    fn national_new_areas_are_districts_of_their_own() {
        // Its 党工委 and 管委会 run it, over parts of several districts.
        assert_eq!(
            names("赣江新区党工委书记某某调研"),
            vec![("赣江新区".into(), s("南昌市"))]
        );
        // 金州新区 is no 金州区 said with a unit.
        assert_eq!(
            names("大连金普新区、金州新区党工委召开会议"),
            vec![
                ("金普新区".into(), s("大连市")),
                ("金州新区".into(), s("大连市"))
            ]
        );
        // Named by its full official name, as the gold files write it.
        assert_eq!(
            names("湘江新区党工委书记某某调研"),
            vec![("湖南湘江新区".into(), s("长沙市"))]
        );
        // One a district's leaders run is no district here.
        assert_eq!(
            names("松北区委书记、哈尔滨新区党工委书记某某"),
            vec![("松北区".into(), s("哈尔滨市"))]
        );
    }

    #[test]
    fn one_name_many_districts() {
        assert_eq!(
            names("北京市朝阳区委书记"),
            vec![("朝阳区".into(), s("北京市"))]
        );
        assert_eq!(names("长春朝阳区"), vec![("朝阳区".into(), s("长春市"))]);
        assert_eq!(names("朝阳区召开会议"), vec![("朝阳区".into(), None)]);
    }

    #[test]
    fn no_district_from_running_text() {
        assert!(names("新当选的区政协主席,工业强区,政府县,老城区改造").is_empty());
        // 新建 is to build: 新建县医院 is a county hospital to be built.
        assert!(names("调研新建县医院项目").is_empty());
        assert!(names("西安区域经济").is_empty());
        assert!(names("区委书记和县委书记").is_empty());
    }

    #[test]
    fn a_two_character_county_after_the_party_before_its_committee() {
        // "中国共产党眉县第十七届委员会": the party's full name anchors it.
        assert_eq!(
            names("中国共产党赵县第十七届委员会第三次全体会议召开"),
            vec![("赵县".into(), s("石家庄市"))]
        );
        // Not before anything else: 中国共产党和县级以上… names no 和县.
        assert!(names("传达学习中国共产党和县级以上国家机关工作人员纪律规定").is_empty());
        // Not in running text with nothing to anchor it, nor alone on its line
        // (a section's heading: 东区, 新县).
        assert!(names("赵县开展学习活动").is_empty());
        assert!(names("东区").is_empty());
    }
}
