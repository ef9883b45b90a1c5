//! Projects: named works, found by the word they end in (项目, 工程, 产业园 ...).
//!
//! A project name runs back from its ending to the nearest punctuation or stop
//! word (推动, 建成, 等 ...), so "谋划推动南湾中部片区土地整备利益统筹项目" gives
//! 南湾中部片区土地整备利益统筹项目. A name made only of generic words (重点项目)
//! is no project. A list before a shared ending is shared out:
//! "吉华中、平湖西等利益统筹项目" gives two projects. A name that only stands
//! after 在 and before 举行 is a venue (a place), not a project.

use jieba_rs::Jieba;

use crate::rules::Rules;

use super::is_han;
use super::word_at;

/// A project or venue found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectMention {
    /// Character offset within the sentence.
    pub at: usize,
    pub len: usize,
    pub name: String,
    /// True when the text only uses it as the venue of an event.
    pub venue: bool,
}

/// Marks that continue a name past its ending: phases (一期, (筹)) and the works
/// done on it (改扩建, 达标整治), as reports name them.
const PHASES: &[&str] = &[
    "(一期)",
    "(二期)",
    "(筹)",
    "(暂定名)",
    "第一期",
    "第二期",
    "一期",
    "二期",
    "三期",
    "四期",
    "五期",
    "北段",
    "南段",
    "东段",
    "西段",
    "北延",
    "南延",
    "东延",
    "西延",
];
/// What is done to a work, when a report names the work by it: 区中医院改扩建.
const WORKS_DONE: &[&str] = &[
    "改扩建",
    "旧址改造",
    "场馆改造",
    "改造完善工程",
    "提升改造工程",
    "改造",
    "达标整治",
];
/// What a works does, when its name says it right before the ending:
/// 综合整治提升工程, 道路完善工程.
const WORKS_WORDS: &[&str] = &[
    "提升", "完善", "优化", "整治", "改造", "修缮", "建设", "保护", "活化", "治理", "修复", "扩容",
];
/// Locative openings dropped from names: 深圳坪山正奇未来城项目 -> 正奇未来城项目.
const CITY_PREFIXES: &[&str] = &["深圳市", "深圳"];
/// Modifiers that say nothing about which project is meant.
const GENERIC_MODIFIERS: &[&str] = &[
    "前期",
    "升级",
    "连片",
    "系统",
    "信息化",
    "周边",
    "复合型",
    "国有",
    "重点",
    "重大",
    "产业",
    "民生",
    "一批",
    "新",
    "各类",
    "相关",
    "这些",
    "该",
    "此",
    "本",
    "市级",
    "区级",
    "省级",
    "国家级",
    "优质",
    "一个",
    "首个",
    "首批",
    "城市更新",
    "政府投资",
    "社会投资",
    "基础设施",
    "公共",
    "配套",
    "示范",
    "试点",
    "标杆",
    "建设",
    "在建",
    "续建",
    "新开工",
    "已完工",
    "工业上楼",
    "招商",
    "亿元以上",
    "优质产业",
    "服务业",
    "企业",
    "场景",
    "应用",
    "合作",
    "专项债",
    "基金投资",
    "补改投",
    "年度",
    "主题",
    "零碳",
    "近零碳",
    "大型",
    "高品质",
    "其他",
    "多个",
    "部分",
    "全部",
    "有关",
    "相应",
    "国际",
    "全国",
    "全市",
    "全区",
    "世界一流",
    "一流",
    "高水平",
    "研究型",
];

/// Word classes that never open a project name (jieba's tags): verbs, adverbs,
/// prepositions, conjunctions, pronouns, particles.
const NOT_OPENING: &[&str] = &[
    "v", "vd", "d", "p", "c", "r", "u", "ad", "ul", "uj", "uz", "ud", "ug", "uv", "t",
];

/// Projects and venues named in `sentence`.
///
/// An abbreviation note inside a name is read past: "高等研究院(以下简称“高研院”)
/// 永久场地建设工程" names 高等研究院永久场地建设工程; the mention's offsets still
/// cover the name as written, note and all.
pub fn find(rules: &Rules, jieba: &Jieba, sentence: &str) -> Vec<ProjectMention> {
    let (clean, origin) = without_notes(sentence);
    let mut found = find_in(rules, jieba, &clean);
    for m in &mut found {
        let start = origin[m.at];
        let end = origin[m.at + m.len - 1] + 1;
        m.at = start;
        m.len = end - start;
    }
    found
}

/// The sentence without its abbreviation notes ("(以下简称“高研院”)"), and for
/// each character left, its offset in the sentence.
fn without_notes(sentence: &str) -> (String, Vec<usize>) {
    const NOTES: &[&str] = &["(以下简称", "(简称", "(下称", "(以下称"];
    let chars: Vec<char> = sentence.chars().collect();
    let mut clean = String::with_capacity(sentence.len());
    let mut origin = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if NOTES.iter().any(|n| word_at(&chars, i, n))
            && let Some(close) = chars[i..(i + 20).min(chars.len())]
                .iter()
                .position(|c| *c == ')')
        {
            i += close + 1;
            continue;
        }
        clean.push(chars[i]);
        origin.push(i);
        i += 1;
    }
    (clean, origin)
}

fn find_in(rules: &Rules, jieba: &Jieba, sentence: &str) -> Vec<ProjectMention> {
    let chars: Vec<char> = sentence.chars().collect();
    // Where jieba ends its words: a name may end there, and a one-character stop
    // word (为, 和) only cuts a name where it stands as a word of its own.
    let mut bounds = std::collections::BTreeSet::from([0]);
    let mut at = 0;
    for token in jieba.cut(sentence, true) {
        at += token.word.chars().count();
        bounds.insert(at);
    }
    let mut out: Vec<ProjectMention> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(suffix) = rules
            .project_suffixes
            .iter()
            .find(|s| word_at(&chars, i, &s.suffix))
        else {
            i += 1;
            continue;
        };
        let mut end = i + suffix.suffix.chars().count();
        // 工程项目, 项目一期: the name goes on.
        loop {
            if let Some(next) = rules
                .project_suffixes
                .iter()
                .find(|s| word_at(&chars, end, &s.suffix))
            {
                end += next.suffix.chars().count();
            } else if let Some(n) = district_segment(rules, &chars, end) {
                end += n;
            } else if let Some(phase) = PHASES
                .iter()
                .chain(WORKS_DONE)
                .find(|p| word_at(&chars, end, p))
            {
                end += phase.chars().count();
            } else {
                break;
            }
        }
        // A parenthesis right after the ending belongs to it: 第二高级中学(东校区);
        // an abbreviation note "(以下简称“高研院”)" does not.
        let note = ["(以下简称", "(简称", "(下称", "(含"]
            .iter()
            .any(|w| word_at(&chars, end, w));
        if chars.get(end) == Some(&'(')
            && !note
            && let Some(close) = chars[end..(end + 16).min(chars.len())]
                .iter()
                .position(|c| *c == ')')
        {
            end += close + 1;
        }
        // Up to a 项目 or 工程 close behind, the name goes on: 医院节能改造提升工程.
        if let Some(more) = reach_works_word(rules, &chars, end) {
            end = more;
        }
        // A longer word that merely contains the ending is not it: 中心区 is no 中心.
        let closes = (ends_with(&chars, end, "项目") || ends_with(&chars, end, "工程"))
            && !chars
                .get(end)
                .is_some_and(|c| "院师有公局部处学家界标目".contains(*c));
        // A company's name goes on past the works word: 中广核工程有限公司.
        // ... and "总部经济" is a kind of economy, not a headquarters.
        let company = [
            "有限",
            "公司",
            "集团",
            "股份",
            "院",
            "经济",
            "片区",
            "集聚区",
        ]
        .iter()
        .any(|w| word_at(&chars, end, w));
        if company
            || !closes
                && chars.get(end).is_some_and(|c| is_han(*c))
                && !boundary_after(rules, &chars, end)
                && !bounds.contains(&end)
        {
            i = end;
            continue;
        }
        let start = quoted_start(&chars, end).unwrap_or_else(|| {
            let start = name_start(rules, &chars, i, &bounds);
            skip_leading_function_words(rules, jieba, &chars, start, i)
        });
        let mut mentions = shared_out(rules, &chars, start, end);
        mentions.retain(|m| names_something(rules, jieba, &m.name));
        if !mentions.is_empty() {
            let first = mentions.iter().map(|m| m.at).min().unwrap_or(start);
            out.retain(|o| o.at < first || o.at >= end);
        }
        if mentions.is_empty() {
            mentions.extend(shared_head(&chars, start, end));
        }
        if mentions.is_empty()
            && let Some(m) = candidate(rules, &chars, start, end, suffix.min_chars)
            && names_something(rules, jieba, &m.name)
        {
            mentions.push(m);
        }
        // Only 项目 and 工程 name a project by themselves; a park, school or hall
        // is one when its clause says it is being built or opened.
        // A name that says what is done to it (改扩建, 达标整治) is a works too.
        let works_done = WORKS_DONE.iter().any(|p| {
            chars[start.min(end)..end]
                .iter()
                .collect::<String>()
                .ends_with(p)
        });
        let self_naming = works_done
            || ["项目", "工程"].iter().any(|w| {
                ends_with(&chars, end, w) || chars[i..end].iter().collect::<String>().starts_with(w)
            });
        if !self_naming
            && !clause_builds(rules, &chars, start, end, suffix.institution)
            && !listed_as_projects(&chars, end)
        {
            mentions.clear();
        }
        for m in mentions {
            if !out
                .iter()
                .any(|o| o.at <= m.at && m.at + m.len <= o.at + o.len)
            {
                out.push(m);
            }
        }
        i = end;
    }
    // The longest reading wins: 深圳市第二人民医院龙华医院 over 深圳市第二人民医院.
    let spans: Vec<(usize, usize)> = out.iter().map(|m| (m.at, m.at + m.len)).collect();
    out.retain(|m| {
        !spans
            .iter()
            .any(|&(a, b)| a <= m.at && m.at + m.len <= b && b - a > m.len)
    });
    // Whatever path found a name, the same tests of a name apply.
    out.retain(|m| acceptable(rules, jieba, &m.name));
    // "区中医院、区妇保院改扩建": the works done is said once for the list.
    out.sort_by_key(|m| m.at);
    for k in (0..out.len().saturating_sub(1)).rev() {
        let (first, second) = (&out[k], &out[k + 1]);
        let joined =
            first.at + first.len + 1 == second.at && chars.get(first.at + first.len) == Some(&'、');
        let finished = ["项目", "工程"]
            .iter()
            .chain(WORKS_DONE)
            .any(|w| first.name.ends_with(w));
        let done = WORKS_DONE
            .iter()
            .find(|w| second.name.ends_with(*w) && !finished);
        if let (true, Some(done)) = (joined, done) {
            out[k].name.push_str(done);
        }
    }
    out.extend(metro_lines(sentence));
    for m in &mut out {
        m.venue = is_venue(&chars, m.at, m.at + m.len);
    }
    out
}

/// Metro lines: "3号线四期", "地铁17、22、25、27号线一期工程" (one project per line).
fn metro_lines(sentence: &str) -> Vec<ProjectMention> {
    static LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(地铁)?((?:\d{1,2}、)*\d{1,2})号线([一二三四五六七八九]期)?(工程)?")
            .expect("metro pattern is valid")
    });
    let mut out = Vec::new();
    for c in LINE.captures_iter(sentence) {
        let (Some(whole), Some(numbers)) = (c.get(0), c.get(2)) else {
            continue;
        };
        if c.get(3).is_none() && c.get(4).is_none() {
            continue; // a line without a phase is a service, not a works
        }
        let metro = c.get(1).map_or("", |m| m.as_str());
        let phase = c.get(3).map_or("", |m| m.as_str());
        let works = c.get(4).map_or("", |m| m.as_str());
        let at = sentence[..whole.start()].chars().count();
        let len = whole.as_str().chars().count();
        for n in numbers.as_str().split('、') {
            out.push(ProjectMention {
                at,
                len,
                name: format!("{metro}{n}号线{phase}{works}"),
                venue: false,
            });
        }
    }
    out
}

/// Moves a name's start past verbs and particles jieba finds at its head:
/// "并前往轨道交通工程" -> "轨道交通工程".
fn skip_leading_function_words(
    rules: &Rules,
    jieba: &Jieba,
    chars: &[char],
    start: usize,
    suffix_at: usize,
) -> usize {
    let mut start = start;
    while start < suffix_at {
        let head: String = chars[start..suffix_at].iter().collect();
        let Some(first) = jieba.tag(&head, true).into_iter().next() else {
            break;
        };
        let n = first.word.chars().count();
        let single_ok = n > 1
            || "并在对将向从以由把被为和与及等的了也还又再已均都共所其该此这那要需应会能可"
                .contains(first.word);
        // jieba calls some name parts verbs (适航): a verb goes only when it is one
        // a report opens a clause with.
        let known_verb = rules
            .project_stops
            .iter()
            .chain(&rules.project_build_verbs)
            .any(|v| v == first.word);
        let verb = first.tag.starts_with('v');
        if !NOT_OPENING.contains(&first.tag)
            || !single_ok
            || (verb && !known_verb)
            || start + n >= suffix_at
        {
            break;
        }
        start += n;
    }
    start
}

/// The end of a 项目/工程 that continues the name within a few characters.
fn reach_works_word(rules: &Rules, chars: &[char], end: usize) -> Option<usize> {
    for n in 1..=12 {
        let at = end + n;
        if at > chars.len() || !chars[at - 1..at].iter().all(|c| name_char(*c)) {
            return None;
        }
        if ["项目", "工程"].iter().any(|w| word_at(chars, at, w)) {
            let between: String = chars[end..at].iter().collect();
            // 城市更新, 改扩建, 节能改造提升: what is done to it, not a new name.
            let joins = ['等', '个', '和', '与', '及', '、', '(']
                .iter()
                .any(|c| between.contains(*c));
            let acts = rules
                .project_build_verbs
                .iter()
                .chain(&rules.project_develop_verbs)
                .any(|v| {
                    v.chars().count() > 1
                        && between.contains(v.as_str())
                        && !WORKS_DONE.iter().any(|p| between.contains(p))
                });
            // "新院区建设工程": building it is what the works is called after.
            if between == "建设" {
                return Some(at + 2);
            }
            // "深圳中学高中园纳入省重点项目": what a list puts it in is no part of it.
            let stops = ["纳入", "列入", "入选", "获评", "成为"]
                .iter()
                .any(|w| between.contains(w));
            if joins || acts || stops {
                return None;
            }
            return Some(at + 2);
        }
    }
    None
}

/// True when a name ending in 项目 or 工程 says which one: it holds a place or
/// proper name (jieba's ns, nz, nt, nr), a number, a quoted name, or another
/// works word (研发中心项目). "招商引资项目" and "水污染治理工程" say no more
/// than what kind of work it is.
fn names_something(rules: &Rules, jieba: &Jieba, name: &str) -> bool {
    let Some(modifier) = ["项目", "工程"]
        .iter()
        .chain(WORKS_DONE)
        .find_map(|w| name.strip_suffix(w))
    else {
        return true;
    };
    let modifier = modifier.trim_end_matches(|c: char| "一二三四五六期()".contains(c));
    // Whose and when say nothing of which: "龙岗区2025年民生实事项目" is as
    // generic as "民生实事项目".
    let modifier = modifier
        .trim_start_matches("深圳市")
        .trim_start_matches("深圳");
    let modifier = match crate::extract::mention::place::find(rules, modifier)
        .0
        .first()
    {
        Some(d) if d.at == 0 => modifier.chars().skip(d.len).collect::<String>(),
        _ => modifier.to_string(),
    };
    let modifier = YEAR.replace(&modifier, "");
    let modifier = modifier.as_ref();
    if modifier
        .chars()
        .any(|c| c.is_ascii_alphanumeric() || c == '“' || c == '(')
    {
        return true;
    }
    const WORKS: &[&str] = &[
        "中心", "园", "路", "街", "站", "厂", "场", "馆", "院", "楼", "厦", "线", "道", "桥", "港",
        "城", "区", "村", "湖", "河", "山", "湾", "岛", "校", "库", "所", "基地", "枢纽", "码头",
    ];
    if WORKS.iter().any(|w| modifier.contains(w)) {
        return true;
    }
    jieba
        .tag(modifier, true)
        .iter()
        .any(|t| matches!(t.tag, "ns" | "nz" | "nt" | "nr" | "nrt" | "nrfg" | "eng"))
}

/// A year at the head of a name's modifier: "2025年", "2025年度".
static YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:19|20)\d{2}年度?").expect("year pattern is valid")
});

/// True when a name stands in a list the clause calls projects: "A、B等6个项目".
fn listed_as_projects(chars: &[char], end: usize) -> bool {
    // Past the rest of the list ("、新洲小学、福田供电局大楼"), "等" must follow.
    let mut at = end;
    while chars.get(at) == Some(&'、') {
        at += 1;
        while at < chars.len() && name_char(chars[at]) && chars[at] != '等' {
            at += 1;
        }
    }
    if chars.get(at) != Some(&'等') {
        return false;
    }
    let stop = |c: &char| matches!(c, ',' | ';' | '。' | '!' | '?' | ':');
    let to = chars[at..]
        .iter()
        .position(stop)
        .map_or(chars.len(), |p| at + p);
    let after: String = chars[at..to].iter().collect();
    after.contains("项目") || after.contains("工程") || after.contains("综合体")
}

/// "布吉、横岗文体中心": the first item takes the second's ending.
fn shared_head(chars: &[char], start: usize, end: usize) -> Vec<ProjectMention> {
    if start < 4 || chars[start - 1] != '、' {
        return Vec::new();
    }
    let item_end = start - 1;
    let mut item_start = item_end;
    while item_start > 0 && is_han(chars[item_start - 1]) && item_end - item_start < 4 {
        item_start -= 1;
    }
    let item_len = item_end - item_start;
    let opens_cleanly = item_start == 0 || !is_han(chars[item_start - 1]);
    if !(2..=4).contains(&item_len) || !opens_cleanly || end - start < item_len + 4 {
        return Vec::new();
    }
    let first: String = chars[item_start..item_end].iter().collect();
    let second: String = chars[start..end].iter().collect();
    let rest: String = chars[start + item_len..end].iter().collect();
    vec![
        ProjectMention {
            at: item_start,
            len: item_len,
            name: format!("{first}{rest}"),
            venue: false,
        },
        ProjectMention {
            at: start,
            len: end - start,
            name: second,
            venue: false,
        },
    ]
}

/// True when the clause around a name says it is built, opened or developed.
fn clause_builds(
    rules: &Rules,
    chars: &[char],
    start: usize,
    end: usize,
    institution: bool,
) -> bool {
    let stop = |c: &char| matches!(c, ',' | ';' | '。' | '!' | '?' | ':');
    let from = chars[..start].iter().rposition(stop).map_or(0, |p| p + 1);
    let to = chars[end..]
        .iter()
        .position(stop)
        .map_or(chars.len(), |p| end + p);
    let before: String = chars[from..start].iter().collect();
    let after: String = chars[end..to].iter().collect();
    let weak: &[String] = if institution {
        &[]
    } else {
        &rules.project_develop_verbs
    };
    rules
        .project_build_verbs
        .iter()
        .chain(weak)
        .any(|v| before.contains(v.as_str()) || after.contains(v.as_str()))
}

fn ends_with(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && end <= chars.len() && chars[end - n..end].iter().copied().eq(word.chars())
}

/// Characters a project name may contain.
fn name_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '(' | ')' | '“' | '”' | '-' | '·')
}

/// True when what follows `end` shows the name ended there.
fn boundary_after(rules: &Rules, chars: &[char], end: usize) -> bool {
    const AFTER: &[&str] = &[
        "整备",
        "等",
        "和",
        "与",
        "及",
        "建设",
        "开工",
        "完工",
        "竣工",
        "封顶",
        "建成",
        "投用",
        "交付",
        "落地",
        "项目",
        "工程",
        "正式",
        "已",
        "将",
        "在",
        "于",
        "一期",
        "二期",
        "三期",
        "四期",
        "的",
        "为",
        "是",
        "实现",
        "进入",
        "启用",
        "开业",
        "开园",
        "落户",
        "揭牌",
        "达",
        "共",
        "总",
        "改造",
        "改扩建",
        "动工",
        "主体",
        "加快",
        "顺利",
        "完成",
        "项",
        "以",
        "拆迁",
        "框架",
        "上盖",
        "站城",
        "周边",
        "扩容",
        "规划",
        "建筑",
        "纳入",
        "入选",
        "获评",
        "获",
        "占地",
        "位于",
        "定位",
        "成为",
        "也",
        "还",
        "到",
        "旧址",
        "迁址",
        "扩产",
        "电力",
        "公共",
        "一体化",
    ];
    AFTER.iter().any(|w| word_at(chars, end, w))
        || rules.project_stops.iter().any(|w| word_at(chars, end, w))
}

/// Where a name ending at `suffix_at` starts: after punctuation or the last stop word.
/// A name wrapped in quotes is taken whole: “人工智能及机器人专业园区”.
fn quoted_start(chars: &[char], end: usize) -> Option<usize> {
    if chars.get(end) != Some(&'”') {
        return None;
    }
    let open = chars[end.saturating_sub(30)..end]
        .iter()
        .rposition(|c| *c == '“')?;
    let start = end.saturating_sub(30) + open + 1;
    (!chars[start..end].contains(&'”')).then_some(start)
}

fn name_start(
    rules: &Rules,
    chars: &[char],
    suffix_at: usize,
    bounds: &std::collections::BTreeSet<usize>,
) -> usize {
    let mut start = suffix_at;
    let mut depth = 0;
    while start > 0 && suffix_at - start < 30 {
        let c = chars[start - 1];
        if c == ')' {
            depth += 1;
        } else if c == '(' {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if !name_char(c) {
            break;
        }
        start -= 1;
    }
    // The name starts after the last stop word inside that run.
    let mut best = start;
    for pos in start..suffix_at {
        // Participation verbs end a name too: "谢某出席留仙洞人工智能产业园开园仪式".
        let verbs = rules
            .verbs
            .iter()
            .map(|v| &v.word)
            .filter(|v| v.chars().count() > 1);
        let stops = rules.project_stops.iter().map(|s| (s, false));
        for (stop, is_verb) in stops.chain(verbs.map(|v| (v, true))) {
            let n = stop.chars().count();
            // A verb that does not end a word is no verb: 研究院 is not 研究.
            let whole_word = (n > 1 && (!is_verb || bounds.contains(&(pos + n))))
                || (bounds.contains(&pos) && bounds.contains(&(pos + n)));
            // A works word right before the ending is part of the name
            // (综合整治提升工程), and a stop before 区, 型 or 式 makes a word (启动区, 服务型).
            let names_left = pos + n + 2 <= suffix_at || !WORKS_WORDS.contains(&stop.as_str());
            let names_area = chars.get(pos + n).is_some_and(|c| "区型式".contains(*c));
            if ends_with(chars, pos + n, stop)
                && pos + n <= suffix_at
                && pos >= start
                && whole_word
                && names_left
                && !names_area
            {
                best = best.max(pos + stop.chars().count());
            }
        }
    }
    // An earlier works word ends an apposition: "全国最大的环境修复项目玉龙填埋场
    // 环境修复工程" names 玉龙填埋场环境修复工程.
    let apposition = (best..suffix_at.saturating_sub(2))
        .filter(|&pos| word_at(chars, pos, "项目") || word_at(chars, pos, "工程"))
        .map(|pos| pos + 2)
        .max();
    if let Some(after) = apposition {
        best = best.max(after);
    }
    while best < suffix_at && chars[best] == '”' {
        best += 1;
    }
    best
}

fn candidate(
    rules: &Rules,
    chars: &[char],
    mut start: usize,
    end: usize,
    min_chars: usize,
) -> Option<ProjectMention> {
    for prefix in CITY_PREFIXES {
        if word_at(chars, start, prefix) {
            let after = start + prefix.chars().count();
            // Only the city together with a district is locative: 深圳坪山 -> drop both.
            let district_follows = rules.district_forms().iter().any(|(f, _)| {
                // 深圳坪山 is a place; 深圳市龙华区第二人民医院 is a hospital's own name.
                word_at(chars, after, f)
                    && !f.ends_with('区')
                    && !word_at(chars, after, &format!("{f}区"))
            });
            if district_follows {
                let form_len = rules
                    .district_forms()
                    .iter()
                    .find(|(f, _)| word_at(chars, after, f))
                    .map_or(0, |(f, _)| f.chars().count());
                let rest: String = chars[after + form_len..end].iter().collect();
                if !is_generic(rules, &rest) {
                    start = after + form_len;
                }
            }
            break;
        }
    }
    let name: String = chars[start..end].iter().collect();
    let name = balance(&name);
    if name.chars().count() < min_chars
        || is_generic(rules, &name)
        || is_category(rules, &name)
        || rules
            .project_false_endings
            .iter()
            .any(|e| name.ends_with(e.as_str()))
        || name.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    if name.contains('个') || name.contains('家') && name.chars().count() < 6 || counted(&name) {
        return None;
    }
    Some(ProjectMention {
        at: start,
        len: name.chars().count(),
        name,
        venue: false,
    })
}

/// A stretch of a line named after a district: 广汕高铁深汕段.
fn district_segment(rules: &Rules, chars: &[char], at: usize) -> Option<usize> {
    rules.district_forms().iter().find_map(|(form, _)| {
        let n = form.chars().count();
        (word_at(chars, at, form) && chars.get(at + n) == Some(&'段')).then_some(n + 1)
    })
}

/// The tests every project name passes, however it was found.
fn acceptable(rules: &Rules, jieba: &Jieba, name: &str) -> bool {
    !is_generic(rules, name)
        && !is_category(rules, name)
        && !counted(name)
        && !name.contains('的')
        && !rules
            .project_false_endings
            .iter()
            .any(|e| name.ends_with(e.as_str()))
        && names_something(rules, jieba, name)
}

/// True when a 项目/工程 names a kind of project: 人工智能新兴产业项目, 投资项目.
fn is_category(rules: &Rules, name: &str) -> bool {
    let modifier = name
        .strip_suffix("项目")
        .or_else(|| name.strip_suffix("工程"));
    modifier.is_some_and(|m| {
        rules
            .project_categories
            .iter()
            .any(|c| m.ends_with(c.as_str()))
    })
}

/// True when a name opens with a count ("一所", "五大", "三项"): a kind of work
/// counted, not one work named.
fn counted(name: &str) -> bool {
    let numeral = |c: char| "一二两三四五六七八九十百几数多首".contains(c) || c.is_ascii_digit();
    let chars: Vec<char> = name.chars().collect();
    // A count anywhere counts: "刑拘率三项涉毒打击项目", "3条以上主干道".
    (0..chars.len()).any(|i| {
        let opens = i == 0 || !numeral(chars[i - 1]);
        let next = chars[i..]
            .iter()
            .position(|c| !numeral(*c))
            .map(|n| chars[i + n]);
        let phase = i > 0 && chars[i - 1] == '第';
        opens
            && numeral(chars[i])
            && !phase
            && next.is_some_and(|c| "所个座条大项批家类种支".contains(c))
    })
}

/// Drops a leading close mark or trailing open mark that a cut left behind.
fn balance(name: &str) -> String {
    let mut s = name.trim_start_matches([')', '”', '、']).to_string();
    let opens = s.matches('(').count();
    let closes = s.matches(')').count();
    if closes > opens
        && let Some(i) = s.find(')')
    {
        s = s[i + 1..].to_string();
    }
    let q_open = s.matches('“').count();
    let q_close = s.matches('”').count();
    if q_open > q_close {
        s = s.replacen('“', "", 1);
    } else if q_close > q_open {
        s = s.replacen('”', "", 1);
    }
    s
}

fn is_generic(rules: &Rules, name: &str) -> bool {
    let name = PHASES
        .iter()
        .find_map(|p| name.strip_suffix(p))
        .unwrap_or(name);
    if rules.project_generic.contains(name) {
        return true;
    }
    let mut rest = name.to_string();
    if let Some(s) = rules
        .project_suffixes
        .iter()
        .find(|s| rest.ends_with(&s.suffix))
    {
        rest.truncate(rest.len() - s.suffix.len());
    }
    for m in GENERIC_MODIFIERS {
        rest = rest.replace(m, "");
    }
    rest.chars()
        .filter(|c| is_han(*c) || c.is_alphanumeric())
        .count()
        == 0
}

/// "吉华中、平湖西等利益统筹项目": each listed item with the shared ending.
fn shared_out(rules: &Rules, chars: &[char], start: usize, end: usize) -> Vec<ProjectMention> {
    if start < 2 || chars[start - 1] != '等' {
        return Vec::new();
    }
    // A kind of work is shared out ("等城市更新项目"); a judgement is not
    // ("等重点产业项目" says the items matter, not what they are).
    let shared: String = chars[start..end].iter().collect();
    const JUDGEMENTS: &[&str] = &[
        "重点",
        "重大",
        "一批",
        "优质",
        "标杆",
        "示范",
        "标志性",
        "高品质",
    ];
    let judged = JUDGEMENTS.iter().any(|j| shared.contains(j));
    let numbered = counted(&shared) || shared.starts_with(|c: char| c.is_ascii_digit());
    if rules.project_generic.contains(&shared) || judged || numbered {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut item_end = start - 1;
    let mut pos = item_end;
    while pos > 0 {
        let c = chars[pos - 1];
        if c == '、' {
            items.push((pos, item_end));
            item_end = pos - 1;
        } else if !is_han(c) || item_end - pos > 9 {
            break;
        }
        pos -= 1;
    }
    let first_start = name_start(rules, chars, item_end, &std::collections::BTreeSet::new());
    if first_start < item_end && item_end - first_start <= 9 {
        items.push((first_start, item_end));
    }
    if items.len() < 2 {
        return Vec::new();
    }
    items.reverse();
    items
        .into_iter()
        .map(|(a, b)| {
            let item: String = chars[a..b].iter().collect();
            let name = format!("{item}{shared}");
            ProjectMention {
                at: a,
                len: b - a,
                name,
                venue: false,
            }
        })
        .collect()
}

/// True when the name stands as the place of an event: 在X举行.
fn is_venue(chars: &[char], start: usize, end: usize) -> bool {
    let before_at = start >= 1 && (chars[start - 1] == '在' || chars[start - 1] == '于');
    let rest: String = chars[end..(end + 12).min(chars.len())].iter().collect();
    before_at
        && [
            "举行", "举办", "召开", "开幕", "开赛", "闭幕", "揭牌", "参展", "成立", "开展",
        ]
        .iter()
        .any(|v| rest.contains(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str) -> Vec<String> {
        find(&Rules::builtin(), &Jieba::new(), sentence)
            .into_iter()
            .filter(|m| !m.venue)
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn names_start_after_verbs() {
        assert_eq!(
            names("谋划推动南湾中部片区土地整备利益统筹项目等一批前期重点项目转新开工"),
            vec!["南湾中部片区土地整备利益统筹项目"]
        );
    }

    #[test]
    fn locative_openings_are_dropped() {
        assert_eq!(
            names("12月10日,深圳坪山正奇未来城项目封顶"),
            vec!["正奇未来城项目"]
        );
        assert_eq!(
            names("加快建设福田教育科技产业园"),
            vec!["福田教育科技产业园"]
        );
    }

    #[test]
    fn shared_endings_are_shared_out() {
        assert_eq!(
            names("稳步推进吉华中、平湖西等利益统筹项目整备"),
            vec!["吉华中利益统筹项目", "平湖西利益统筹项目"]
        );
    }

    #[test]
    fn venues_are_not_projects() {
        let found = find(&Rules::builtin(), &Jieba::new(), "论坛在锦绣科学园举办");
        assert!(found.iter().all(|m| m.venue), "{found:?}");
    }

    #[test]
    fn generic_names_are_not_projects() {
        assert!(names("全力推动重点项目建设提速提质").is_empty());
    }
}
