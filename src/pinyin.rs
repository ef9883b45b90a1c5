//! Names in pinyin, for readers who do not read Chinese: 黄卫东 is `Huang Weidong`,
//! 福田区 is `Futian District`, and a query may name either way.
//!
//! A character's usual reading comes from the `pinyin` crate (rust-pinyin),
//! chosen because it is kept since 2015 by the author of pypinyin and follows
//! his pinyin-data table (Unihan-based, most common reading first, every Han
//! character of Unicode, Traditional ones too), compiled in with no runtime
//! file and, with its `plain` feature alone, no other dependency.
//!
//! The usual reading is not always how a name reads. What names read otherwise
//! is in data tables, not in code:
//! - `data/pinyin_surnames.tsv`: surnames read apart from their usual reading
//!   (曾 Zeng, 单 Shan, 解 Xie) and the compound surnames (欧阳, 尉迟 Yuchi,
//!   万俟 Moqi); the two-character surnames of `data/surnames.txt` are compound
//!   surnames too;
//! - `data/pinyin_readings.tsv`: place-name readings (重庆 Chongqing, 蚌埠
//!   Bengbu, 长 cháng in 长安), given-name readings, the English of district
//!   suffixes (区 District, 自治县 Autonomous County, 新区 New Area) and of the
//!   ethnic groups of autonomous counties (满族 Manchu).
//!
//! Names are written as GB/T 28039-2011 has them: the surname, then the given
//! name as one word, each capitalised once (`Zhang Lixin`, `Ouyang Jianguo`),
//! with an apostrophe where a syllable starting with a, o or e follows another
//! inside a word (`Xi'an`, `Chang'an`), and ü kept (`Lü`). Every function costs
//! time linear in the name: each character is looked up a bounded number of
//! times (once per length up to the longest table word).
//!
//! [`fold`] and [`search_key`] give the key queries compare: lowercase, no
//! spaces, apostrophes or tone marks, so `huang weidong`, `HuangWeidong` and `Huáng Wèidōng`
//! all name 黄卫东.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ::pinyin::ToPinyin;

const SURNAMES: &str = include_str!("../data/pinyin_surnames.tsv");
const READINGS: &str = include_str!("../data/pinyin_readings.tsv");
/// The surnames the mention layer knows; its two-character ones are compound.
const SURNAME_LIST: &str = include_str!("../data/surnames.txt");

/// Characters that separate the parts of a transcribed name (阿不都·热合曼).
const INTERPUNCTS: &[char] = &['·', '・', '･', '•', '‧', '∙', '⋅', '．'];

/// Words with their readings, matched longest first.
#[derive(Default)]
struct Readings {
    words: HashMap<&'static str, Vec<&'static str>>,
    /// The longest word, in characters: how far a match looks ahead.
    longest: usize,
}

impl Readings {
    fn insert(&mut self, word: &'static str, reading: &'static str) {
        self.longest = self.longest.max(word.chars().count());
        self.words
            .insert(word, reading.split_whitespace().collect());
    }
}

/// Every table, parsed once.
#[derive(Default)]
struct Tables {
    /// Surname to its syllables as a surname.
    surnames: HashMap<&'static str, Vec<&'static str>>,
    /// Two-character surnames.
    compound: HashSet<&'static str>,
    place: Readings,
    given: Readings,
    /// District suffix and its English, longest suffix first.
    suffixes: Vec<(&'static str, &'static str)>,
    /// An ethnic group's form as written and its English, longest form first.
    ethnic: Vec<(&'static str, &'static str)>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut t = Tables::default();
    for line in data_lines(SURNAMES) {
        if let Some((surname, reading)) = line.split_once('\t') {
            if surname.chars().count() == 2 {
                t.compound.insert(surname);
            }
            t.surnames
                .insert(surname, reading.split_whitespace().collect());
        }
    }
    for line in data_lines(SURNAME_LIST) {
        if line.chars().count() == 2 {
            t.compound.insert(line);
        }
    }
    for line in data_lines(READINGS) {
        let mut cols = line.split('\t');
        let (Some(kind), Some(key), Some(value)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        match kind {
            "place" => t.place.insert(key, value),
            "given" => t.given.insert(key, value),
            "suffix" => t.suffixes.push((key, value)),
            "ethnic" => t.ethnic.extend(key.split('|').map(|form| (form, value))),
            _ => {}
        }
    }
    let by_length = |a: &(&str, &str), b: &(&str, &str)| {
        (b.0.chars().count(), b.0).cmp(&(a.0.chars().count(), a.0))
    };
    t.suffixes.sort_by(by_length);
    t.ethnic.sort_by(by_length);
    t
});

/// The data lines of a table: trimmed, neither empty nor comments.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A person's name in pinyin: the surname, a space, the given name as one word,
/// each capitalised. A name written in parts with an interpunct (a transcribed
/// minority or foreign name) gives one capitalised word per part. `None` when a
/// character has no reading (Latin letters, digits, punctuation) or the name is
/// empty.
///
/// Surnames read as surnames (曾 Zeng, 单 Shan, 区 Ou) and compound surnames
/// (欧阳, 尉迟 Yuchi) come from `data/pinyin_surnames.tsv`.
///
/// # Examples
/// ```
/// use govgraph::pinyin::person;
/// assert_eq!(person("黄卫东").as_deref(), Some("Huang Weidong"));
/// assert_eq!(person("张立平").as_deref(), Some("Zhang Liping"));
/// assert_eq!(person("欧阳建国").as_deref(), Some("Ouyang Jianguo"));
/// assert_eq!(person("曾志安").as_deref(), Some("Zeng Zhi'an"));
/// assert_eq!(person("阿不都·热合曼").as_deref(), Some("Abudu Reheman"));
/// assert_eq!(person("黄W"), None);
/// ```
pub fn person(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let t = &*TABLES;
    if name.contains(INTERPUNCTS) {
        let parts: Option<Vec<String>> = name
            .split(INTERPUNCTS)
            .map(|part| {
                let part = part.trim();
                (!part.is_empty())
                    .then(|| syllables(part, &t.given))
                    .flatten()
                    .map(|s| word(&s))
            })
            .collect();
        return parts.map(|p| p.join(" "));
    }
    let chars = name.chars().count();
    let split = if chars > 2 && t.compound.contains(prefix(name, 2)) {
        prefix(name, 2).len()
    } else {
        prefix(name, 1).len()
    };
    let (surname, given) = name.split_at(split);
    let surname = match t.surnames.get(surname) {
        Some(reading) => word(reading),
        None => word(&syllables(surname, &Readings::default())?),
    };
    if given.is_empty() {
        return Some(surname);
    }
    Some(format!("{surname} {}", word(&syllables(given, &t.given)?)))
}

/// A district's name in pinyin and English: the proper name as one capitalised
/// word, then the ethnic groups of an autonomous county and the generic part in
/// English (`data/pinyin_readings.tsv`). The longest suffix that leaves a name
/// before it is the generic part; a name with none is one word. A one-syllable
/// name keeps a one-character suffix in its word too, as China's place-name
/// rules (GB/T 17693.1) have it: 单县 is `Shanxian County`. Place names
/// read as places do (重庆 Chongqing, 蚌埠 Bengbu). `None` when a character has
/// no reading or the name is empty.
///
/// # Examples
/// ```
/// use govgraph::pinyin::district;
/// assert_eq!(district("福田区").as_deref(), Some("Futian District"));
/// assert_eq!(district("进贤县").as_deref(), Some("Jinxian County"));
/// assert_eq!(district("鄂托克前旗").as_deref(), Some("Etuokeqian Banner"));
/// assert_eq!(district("大鹏新区").as_deref(), Some("Dapeng New Area"));
/// assert_eq!(district("长安区").as_deref(), Some("Chang'an District"));
/// assert_eq!(
///     district("青龙满族自治县").as_deref(),
///     Some("Qinglong Manchu Autonomous County")
/// );
/// assert_eq!(
///     district("深汕特别合作区").as_deref(),
///     Some("Shenshan Special Cooperation Zone")
/// );
/// ```
pub fn district(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let t = &*TABLES;
    let (mut base, suffix) = t
        .suffixes
        .iter()
        .find_map(|&(s, english)| {
            let base = name.strip_suffix(s)?;
            (!base.is_empty()).then_some((base, Some((s, english))))
        })
        .unwrap_or((name, None));
    // Ethnic groups before the suffix, last first: 围场满族蒙古族自治县.
    let autonomous = suffix.is_some_and(|(s, _)| s.starts_with("自治"));
    let mut groups = Vec::new();
    while let Some(&(form, english)) = t
        .ethnic
        .iter()
        .find(|(form, _)| base.ends_with(form) && (autonomous || form.ends_with('族')))
    {
        groups.push(english);
        base = &base[..base.len() - form.len()];
    }
    groups.reverse();
    let mut parts = Vec::new();
    if !base.is_empty() {
        let mut proper = syllables(base, &t.place)?;
        // A one-syllable name keeps its generic part in pinyin too, as
        // China's place-name rules have it: 单县 is Shanxian County.
        if let (1, Some((s, _)), true) = (proper.len(), suffix, groups.is_empty())
            && s.chars().count() == 1
        {
            proper.extend(syllables(s, &t.place)?);
        }
        parts.push(word(&proper));
    }
    if !groups.is_empty() {
        parts.push(and_list(&groups));
    }
    if let Some((_, english)) = suffix {
        parts.push(english.to_string());
    }
    Some(parts.join(" "))
}

/// The plain syllables of a place name as written, one per character (or per
/// word of the place readings: 台儿庄 is `tai er zhuang`), lowercase and
/// without tones: what a web address spells a place by (`huancui.gov.cn` for
/// 环翠区). `None` when a character has no reading.
///
/// ```
/// use govgraph::pinyin::place_syllables;
/// assert_eq!(place_syllables("环翠"), Some(vec!["huan", "cui"]));
/// assert_eq!(place_syllables("涉县"), Some(vec!["she", "xian"]));
/// assert_eq!(place_syllables("A区"), None);
/// ```
pub fn place_syllables(text: &str) -> Option<Vec<&'static str>> {
    syllables(text, &TABLES.place)
}

/// `A`, `A and B`, `A, B and C`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The first `n` characters of `text` (all of it when shorter).
fn prefix(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The syllables of `text`: at each character the longest word of `readings`
/// that starts there, else the character's usual reading. `None` when a
/// character has no reading.
fn syllables(text: &str, readings: &Readings) -> Option<Vec<&'static str>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    'chars: while i < chars.len() {
        for len in (1..=readings.longest.min(chars.len() - i)).rev() {
            if let Some(reading) = readings.words.get(&text[chars[i].0..end(i + len)]) {
                out.extend_from_slice(reading);
                i += len;
                continue 'chars;
            }
        }
        out.push(chars[i].1.to_pinyin()?.plain());
        i += 1;
    }
    Some(out)
}

/// Syllables as one capitalised word, with an apostrophe before a syllable
/// starting with a, o or e that follows another (`Xi'an`).
fn word(syllables: &[&str]) -> String {
    let mut out = String::new();
    for (i, s) in syllables.iter().enumerate() {
        if i > 0 && s.starts_with(['a', 'o', 'e', 'ê']) {
            out.push('\'');
        }
        out.push_str(s);
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

/// Letters with tone marks (and ü, and v as keyboards write ü) to the letter
/// a folded key uses.
const TONES: &[(char, char)] = &[
    ('ā', 'a'),
    ('á', 'a'),
    ('ǎ', 'a'),
    ('à', 'a'),
    ('ē', 'e'),
    ('é', 'e'),
    ('ě', 'e'),
    ('è', 'e'),
    ('ê', 'e'),
    ('ế', 'e'),
    ('ề', 'e'),
    ('ī', 'i'),
    ('í', 'i'),
    ('ǐ', 'i'),
    ('ì', 'i'),
    ('ō', 'o'),
    ('ó', 'o'),
    ('ǒ', 'o'),
    ('ò', 'o'),
    ('ū', 'u'),
    ('ú', 'u'),
    ('ǔ', 'u'),
    ('ù', 'u'),
    ('ü', 'u'),
    ('ǖ', 'u'),
    ('ǘ', 'u'),
    ('ǚ', 'u'),
    ('ǜ', 'u'),
    ('v', 'u'),
    ('ń', 'n'),
    ('ň', 'n'),
    ('ǹ', 'n'),
    ('ḿ', 'm'),
];

/// Characters a folded key leaves out: word separators and apostrophes.
const SEPARATORS: &[char] = &[
    '\'', '’', '‘', 'ʼ', '`', '´', '-', '‐', '‑', '–', '—', '.', '_', '·', '・', '•', '‧',
];

/// The key pinyin is compared by: lowercase, without spaces, apostrophes,
/// hyphens, tone marks or tone numbers, ü and v as u, `lyu` (as passports write
/// 吕) as `lu`. Other characters, Chinese ones too, are kept as they are.
///
/// # Examples
/// ```
/// use govgraph::pinyin::fold;
/// assert_eq!(fold("Huang Wei"), "huangwei");
/// assert_eq!(fold("Huáng Wěi"), "huangwei");
/// assert_eq!(fold("huang2 wei3"), "huangwei");
/// assert_eq!(fold("Xi'an"), "xian");
/// assert_eq!(fold("Lü Bin"), fold("lv bin"));
/// assert_eq!(fold("LYU Bin"), "lubin");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_whitespace()
            || c.is_ascii_digit()
            || SEPARATORS.contains(&c)
            || ('\u{300}'..='\u{36f}').contains(&c)
        {
            continue;
        }
        match TONES.iter().find(|(marked, _)| *marked == c) {
            Some(&(_, plain)) => out.push(plain),
            None => out.push(c),
        }
    }
    if out.contains("lyu") {
        out = out.replace("lyu", "lu");
    }
    out
}

/// The folded key of a query written in pinyin, or `None` when it is not: when
/// its key is empty or holds anything but the letters a to z (Chinese
/// characters, say). Queries compare it with [`fold`] of a node's `pinyin`.
///
/// # Examples
/// ```
/// use govgraph::pinyin::search_key;
/// assert_eq!(search_key("Huang Wei").as_deref(), Some("huangwei"));
/// assert_eq!(search_key(" futian ").as_deref(), Some("futian"));
/// assert_eq!(search_key("黄卫东"), None);
/// assert_eq!(search_key("2024"), None);
/// ```
pub fn search_key(text: &str) -> Option<String> {
    let key = fold(text);
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase())).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str) -> String {
        person(name).unwrap_or_else(|| panic!("no pinyin for {name}"))
    }

    fn d(name: &str) -> String {
        district(name).unwrap_or_else(|| panic!("no pinyin for {name}"))
    }

    #[test]
    fn people_are_surname_then_given_name() {
        assert_eq!(p("黄伟"), "Huang Wei");
        assert_eq!(p("张礼卫"), "Zhang Liwei");
        assert_eq!(p("王守睿"), "Wang Shourui");
        assert_eq!(p("黄"), "Huang");
        assert_eq!(p(" 黄伟 "), "Huang Wei");
    }

    #[test]
    fn compound_surnames_are_one_word() {
        assert_eq!(p("欧阳建国"), "Ouyang Jianguo");
        assert_eq!(p("司马光"), "Sima Guang");
        assert_eq!(p("诸葛亮"), "Zhuge Liang");
        assert_eq!(p("尉迟恭"), "Yuchi Gong");
        assert_eq!(p("万俟卨"), "Moqi Xie");
        assert_eq!(p("长孙无忌"), "Zhangsun Wuji");
        assert_eq!(p("澹台灭明"), "Tantai Mieming");
        // Two characters are a single surname and a given name.
        assert_eq!(p("欧阳"), "Ou Yang");
    }

    #[test]
    fn surnames_read_as_surnames() {
        for (name, want) in [
            ("单雄信", "Shan Xiongxin"),
            ("曾国藩", "Zeng Guofan"),
            ("解缙", "Xie Jin"),
            ("仇英", "Qiu Ying"),
            ("区伟", "Ou Wei"),
            ("朴成", "Piao Cheng"),
            ("查良镛", "Zha Liangyong"),
            ("盖伟", "Ge Wei"),
            ("翟志刚", "Zhai Zhigang"),
            ("乐伟", "Yue Wei"),
            ("华伟", "Hua Wei"),
            ("覃伟", "Qin Wei"),
            ("召伟", "Shao Wei"),
            ("繁伟", "Po Wei"),
            ("员伟", "Yun Wei"),
            ("缪伟", "Miao Wei"),
            ("宓伟", "Mi Wei"),
            ("秘伟", "Bi Wei"),
            ("卜伟", "Bu Wei"),
            ("长伟", "Chang Wei"),
        ] {
            assert_eq!(p(name), want, "{name}");
        }
    }

    #[test]
    fn given_names_read_as_names() {
        assert_eq!(p("李长春"), "Li Changchun");
        assert_eq!(p("王朝晖"), "Wang Zhaohui");
        // A surname's special reading is for the surname only.
        assert_eq!(p("范德繁"), "Fan Defan");
        assert_eq!(p("吕斌"), "Lü Bin");
    }

    #[test]
    fn apostrophes_part_syllables_inside_a_word() {
        assert_eq!(p("张立安"), "Zhang Li'an");
        assert_eq!(p("王欧"), "Wang Ou");
        assert_eq!(p("李德恩"), "Li De'en");
        assert_eq!(d("西安区"), "Xi'an District");
        assert_eq!(d("长安区"), "Chang'an District");
        assert_eq!(d("东阿县"), "Dong'e County");
        // None at the start of a word.
        assert_eq!(p("安娜"), "An Na");
        assert_eq!(d("鄂托克前旗"), "Etuokeqian Banner");
    }

    #[test]
    fn names_in_parts_give_a_word_per_part() {
        assert_eq!(p("阿不都·热合曼"), "Abudu Reheman");
        assert_eq!(p("买买提・吐尔逊"), "Maimaiti Tu'erxun");
        assert_eq!(person("阿不都·"), None);
    }

    #[test]
    fn no_reading_is_no_pinyin() {
        assert_eq!(person(""), None);
        assert_eq!(person("黄W"), None);
        assert_eq!(person("黄1"), None);
        assert_eq!(district(""), None);
        assert_eq!(district("A区"), None);
    }

    #[test]
    fn districts_translate_their_suffix() {
        assert_eq!(d("福田区"), "Futian District");
        assert_eq!(d("进贤县"), "Jinxian County");
        assert_eq!(d("大鹏新区"), "Dapeng New Area");
        assert_eq!(d("深汕特别合作区"), "Shenshan Special Cooperation Zone");
        assert_eq!(d("瑞金市"), "Ruijin City");
        assert_eq!(d("神农架林区"), "Shennongjia Forestry District");
        assert_eq!(d("六枝特区"), "Liuzhi Special District");
        assert_eq!(d("井陉矿区"), "Jingxing Mining District");
        // A suffix that is the whole name leaves the next shorter one, and a
        // one-syllable name keeps a one-character suffix in pinyin.
        assert_eq!(d("矿区"), "Kuangqu District");
        assert_eq!(d("城区"), "Chengqu District");
        assert_eq!(d("芒市"), "Mangshi City");
        assert_eq!(d("兴县"), "Xingxian County");
        // No suffix: one word.
        assert_eq!(d("福田"), "Futian");
    }

    #[test]
    fn autonomous_counties_name_their_peoples() {
        assert_eq!(d("进贤自治县"), "Jinxian Autonomous County");
        assert_eq!(d("青龙满族自治县"), "Qinglong Manchu Autonomous County");
        assert_eq!(
            d("围场满族蒙古族自治县"),
            "Weichang Manchu and Mongol Autonomous County"
        );
        assert_eq!(
            d("元江哈尼族彝族傣族自治县"),
            "Yuanjiang Hani, Yi and Dai Autonomous County"
        );
        assert_eq!(d("鄂伦春自治旗"), "Oroqen Autonomous Banner");
        assert_eq!(
            d("察布查尔锡伯自治县"),
            "Chabucha'er Xibe Autonomous County"
        );
        assert_eq!(d("梅里斯达斡尔族区"), "Meilisi Daur District");
        assert_eq!(
            d("龙胜各族自治县"),
            "Longsheng Various Nationalities Autonomous County"
        );
    }

    #[test]
    fn places_read_as_places() {
        assert_eq!(d("重庆"), "Chongqing");
        assert_eq!(d("蚌山区"), "Bengshan District");
        assert_eq!(d("长子县"), "Zhangzi County");
        assert_eq!(d("长沙县"), "Changsha County");
        assert_eq!(d("单县"), "Shanxian County");
        assert_eq!(d("番禺区"), "Panyu District");
        assert_eq!(d("六合区"), "Luhe District");
        assert_eq!(d("都江堰市"), "Dujiangyan City");
        assert_eq!(d("乐亭县"), "Laoting County");
        assert_eq!(d("新乐市"), "Xinle City");
        assert_eq!(d("喀什市"), "Kashi City");
    }

    #[test]
    fn every_county_of_the_gazetteer_has_pinyin() {
        let gazetteer = include_str!("../data/gazetteer.tsv");
        let mut n = 0;
        for line in data_lines(gazetteer) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols[0] == "county" {
                let name = cols[2];
                let py = district(name).unwrap_or_else(|| panic!("no pinyin for {name}"));
                assert!(py.is_ascii() || py.contains('ü'), "{name}: {py}");
                n += 1;
            }
        }
        assert!(n > 2800, "{n} counties");
    }

    #[test]
    fn every_surname_table_row_parses() {
        let t = &*TABLES;
        assert!(t.compound.contains("欧阳") && t.compound.contains("万俟"));
        assert!(t.surnames.values().all(|r| !r.is_empty()));
        assert!(
            t.suffixes
                .iter()
                .any(|&(s, e)| s == "区" && e == "District")
        );
        assert_eq!(t.suffixes[0].0.chars().count(), 9);
    }

    #[test]
    fn fold_ignores_case_spaces_apostrophes_and_tones() {
        for q in [
            "huang wei",
            "Huang Wei",
            "huangwei",
            "HuangWei",
            "Huáng Wěi",
        ] {
            assert_eq!(fold(q), "huangwei", "{q}");
            assert_eq!(search_key(q).as_deref(), Some("huangwei"));
        }
        assert_eq!(fold("Chang'an District"), "changandistrict");
        assert_eq!(fold("黄伟"), "黄伟");
        assert_eq!(search_key("黄伟"), None);
        assert_eq!(search_key("   "), None);
        assert_eq!(fold(&p("吕斌")), fold("Lyu Bin"));
    }
}
