//! From raw article text to the one text every later stage reads.
//!
//! Evidence offsets refer to the text made here, so everything that changes what
//! a character is happens here and only here: front matter is lifted into
//! metadata, HTML is reduced to its text, full-width ASCII forms (，：（) are
//! folded to their half-width twins so every rule sees one form, and lines are
//! trimmed. Each remaining line is one paragraph.
//!
//! The text made is a normal form: normalising it again gives it back. What
//! one reading leaves that a second would still change (an escaped tag that
//! decodes to markup, a link inside a link, a line `---` that would open
//! front matter) is read again until nothing changes.
//!
//! A record (a JSON line, a CSV row) gives its title and date as fields
//! instead of front matter; they are read exactly as front matter's `title:`
//! and `date:` are ([`normalise_with`]), so that a record's date dates its
//! article as a dateline does. A page's own title (`og:title`, `ArticleTitle`,
//! `<title>`) is its title when neither gives one.
//!
//! HTML is parsed by `scraper` (html5ever, the HTML5 parsing algorithm
//! browsers follow), so unclosed tags, comments, scripts and every entity come
//! out as a browser shows them, where regular expressions would guess.

use std::sync::LazyLock;

use regex::Regex;

use crate::read::Metadata;

/// An article ready for annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    /// The record's title, else `title:` from front matter, else an HTML
    /// page's own title, if any.
    pub title: Option<String>,
    /// `date:` from front matter (ISO 8601 day), if any.
    pub date: Option<String>,
    /// The article's address, where its record gives one.
    pub url: Option<String>,
    /// The outlet that published it, where its record gives one.
    pub source: Option<String>,
    /// The file it was read from, named as evidence names files (several
    /// records share one); `None` for standard input.
    pub file: Option<String>,
    /// The normalised text: one paragraph per line.
    pub text: String,
}

/// What is known of a document besides its text: what its `document` node
/// shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct About {
    /// The name evidence gives it.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The day of publication (ISO 8601) its metadata gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl About {
    /// A document known by its name only.
    pub fn named(name: &str) -> About {
        About {
            name: name.to_string(),
            ..About::default()
        }
    }
}

impl Document {
    /// Everything but the text.
    pub fn about(&self) -> About {
        About {
            name: self.name.clone(),
            title: self.title.clone(),
            date: self.date.clone(),
            url: self.url.clone(),
            source: self.source.clone(),
            file: self.file.clone(),
        }
    }
}

/// Normalises one article.
///
/// ```
/// let doc = govgraph::normalise::normalise("a.md", "---\ndate: 2022-02-11 15:07\n---\n<p>福田：区长出席。</p>");
/// assert_eq!(doc.date.as_deref(), Some("2022-02-11"));
/// assert_eq!(doc.text, "福田:区长出席。");
/// ```
pub fn normalise(name: &str, raw: &str) -> Document {
    normalise_with(name, raw, &Metadata::default())
}

/// Normalises one article whose source gives `meta` besides its text: a
/// record's `title` and `date` are read as front matter's are (and win over
/// the text's own front matter), its `url`, `source` and `file` are kept.
///
/// ```
/// use govgraph::read::Metadata;
/// let meta = Metadata {
///     date: Some("2024/12/11 08:30".into()),
///     title: Some("福田区召开会议".into()),
///     ..Metadata::default()
/// };
/// let doc = govgraph::normalise::normalise_with("news.jsonl:1", "区长出席。", &meta);
/// assert_eq!(doc.date.as_deref(), Some("2024-12-11"));
/// assert_eq!(doc.title.as_deref(), Some("福田区召开会议"));
/// ```
pub fn normalise_with(name: &str, raw: &str, meta: &Metadata) -> Document {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let (front, body) = split_front_matter(&raw);
    let mut title = None;
    let mut date = None;
    let mut url = None;
    let mut source = None;
    let given = [("title", &meta.title), ("date", &meta.date)];
    let given = given
        .iter()
        .filter_map(|(key, value)| Some((*key, value.as_deref()?)));
    for (key, value) in front.lines().filter_map(|l| l.split_once(':')).chain(given) {
        let value = value.trim().trim_matches('"').trim_matches('\'').trim();
        match key.trim() {
            "title" if !value.is_empty() => title = Some(fold_width(value)),
            "date" => date = iso_day_prefix(value),
            "url" if !value.is_empty() => url = Some(value.to_string()),
            "source" if !value.is_empty() => source = Some(value.to_string()),
            _ => {}
        }
    }
    let kept = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(String::from)
    };
    let (mut text, page_title) = body_text(body);
    if title.is_none() {
        title = page_title.map(|t| fold_width(&t));
    }
    // The text is a normal form: what reading it again would still change (a
    // tag its entities spelled, &lt;p&gt;; a link inside a link; a width form
    // that folds into a link's brackets) is changed now, so that normalising
    // the text again gives it back. Each reading that changes the text
    // shortens it or leaves it as it will stay; a few rounds at most.
    for _ in 0..ROUNDS {
        let (again, _) = body_text(&text);
        if again == text {
            break;
        }
        text = again;
    }
    Document {
        name: name.to_string(),
        title,
        date,
        // A record's url and source win over its text's front matter.
        url: kept(&meta.url).or(url),
        source: kept(&meta.source).or(source),
        file: kept(&meta.file),
        text,
    }
}

/// Readings of a text after the first, at most, until it no longer changes.
const ROUNDS: usize = 16;

/// The text of a body (front matter lifted already), and an HTML page's own
/// title: HTML reduced to its text, Markdown links to theirs, pinyin glosses
/// dropped, widths folded, lines trimmed, runs of spaces collapsed; empty
/// lines and lines of dashes alone (a Markdown rule, a leftover fence: no
/// text, and read as a front-matter fence at the top) dropped.
fn body_text(body: &str) -> (String, Option<String>) {
    let (body, page_title) = if looks_like_html(body) {
        html_text(body)
    } else {
        (body.to_string(), None)
    };
    let body = strip_markdown_links(&body);
    let body = mend_lost_month(&mend_lost_county(&strip_pinyin_glosses(&body)));
    // The same mirrors double a list's mark ("林某,、陈某"): one 、 is meant.
    let body = body.replace(",、", "、").replace("，、", "、");
    // A carriage return left in the body (HTML's &#13;) ends a line as the
    // raw text's did.
    let lines: Vec<String> = fold_width(&body)
        .split(['\n', '\r'])
        .map(|l| join_spaced_dates(&join_spaced_letters(&collapse_spaces(l.trim()))))
        .filter(|l| !l.is_empty() && !is_rule(l) && !is_bare_link(l))
        .collect();
    (
        join_wrapped_lines(join_list_tails(join_roster_continuations(
            join_report_bylines(lines),
        )))
        .join("\n"),
        page_title,
    )
}

/// A roster's row of names broken over two lines ("副县长:李某之 马平 王某伟" /
/// "魏某玉 钟某斌 高岩"): a line of nothing but names set apart by spaces, after
/// a line whose last colon is followed by such names, goes on that line.
/// Linear in the lines.
fn join_roster_continuations(lines: Vec<String>) -> Vec<String> {
    // Two to four Chinese characters each, set apart by spaces.
    let names_only = |s: &str| {
        let tokens: Vec<&str> = s.split(' ').filter(|t| !t.is_empty()).collect();
        !tokens.is_empty()
            && tokens.iter().all(|t| {
                let n = t.chars().count();
                (2..=4).contains(&n) && t.chars().all(crate::script::is_han)
            })
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        match out.last_mut() {
            Some(last)
                if line.contains(' ')
                    && names_only(&line)
                    && last
                        .rsplit_once([':', '：'])
                        .is_some_and(|(_, names)| names.contains(' ') && names_only(names)) =>
            {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
    }
    out
}

/// A paragraph a page wrapped at a fixed width ("5月14日上午,某县委" /
/// "书记甲,…到我区参观考" / "察并…主持座谈会。"): two lines or more of one width
/// (give or take [`WRAP_SLACK`] characters, [`WRAP_WIDTH`] at least), each
/// ending mid-sentence, and the shorter line that ends the sentence, are one
/// line. A list of items, one a line, ends in no stop, so it stays. Linear in
/// the lines.
fn join_wrapped_lines(lines: Vec<String>) -> Vec<String> {
    let width = |s: &str| s.chars().count();
    let open = |s: &str| {
        s.chars()
            .last()
            .is_some_and(|c| crate::script::is_han(c) || matches!(c, ',' | '，' | '、'))
    };
    let closed = |s: &str| s.ends_with(['。', ';', '；', '!', '！', '?', '？']);
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let w = width(&lines[i]);
        // lines[i..j] are full and open; lines[j] closes the sentence.
        let mut j = i;
        while j < lines.len()
            && w >= WRAP_WIDTH
            && open(&lines[j])
            && width(&lines[j]).abs_diff(w) <= WRAP_SLACK
        {
            j += 1;
        }
        let run = &lines[i..j];
        let joins = j - i >= 2
            && j < lines.len()
            && width(&lines[j]) <= w + WRAP_SLACK
            && closed(&lines[j])
            && run.iter().any(|l| l.contains([',', '，', '、']));
        if joins {
            out.push(lines[i..=j].concat());
            i = j + 1;
        } else {
            out.push(lines[i].clone());
            i += 1;
        }
    }
    out
}

/// The least width of a line [`join_wrapped_lines`] reads as wrapped.
const WRAP_WIDTH: usize = 16;
/// How many characters the lines of one wrapped paragraph may differ by.
const WRAP_SLACK: usize = 2;

/// A list of names broken before its close, as pages set out for phones do
/// ("邢某、李某、罗某" / "等区领导参加会议。"): a line that opens with 等 goes on
/// the line before, where that line ends in no stop. Linear in the lines.
fn join_list_tails(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        match out.last_mut() {
            Some(last)
                if line.starts_with('等')
                    && last.chars().last().is_some_and(crate::script::is_han) =>
            {
                last.push_str(&line);
            }
            _ => out.push(line),
        }
    }
    out
}

/// A report's byline set on two lines, the occasion and then its speaker
/// ("——2025年5月27日在某区第一届人民代表大会第四次会议上" / "某区人民政府区长 甲某"),
/// joined into one line as it is read. Linear in the lines.
fn join_report_bylines(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let speaker =
            line.chars().count() <= 30 && !line.contains(['。', ',', '，', ';', '；', ':', '：']);
        match out.last_mut() {
            // "——2025年1月7日在某区第十七届人民代表大会" / "第五次会议上": the
            // occasion itself broken over two lines.
            Some(last)
                if line.chars().count() <= 20
                    && OCCASION_CLOSE.is_match(&line)
                    && !REPORT_OCCASION.is_match(last)
                    && REPORT_OCCASION.is_match(&format!("{last}{line}")) =>
            {
                last.push_str(&line);
            }
            Some(last) if speaker && REPORT_OCCASION.is_match(last) => {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
    }
    out
}

/// The end of an occasion broken onto a line of its own ("第五次会议上").
static OCCASION_CLOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^。，,；;]{0,18}(?:会议|大会|会)上[)）]?$")
        .expect("occasion close pattern is valid")
});

/// The occasion line of a report's byline: a dash or a date, 在, and a meeting
/// ending in 上 ("——2024年1月17日在…会议上").
static REPORT_OCCASION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[—-]+\s*)?[(（]?(?:(?:19|20)\d{2}年|[〇零一二三四五六七八九○]{4}年).{0,12}在[^。，,；;]{2,60}(?:会议|大会|会)上[)）]?$")
        .expect("report occasion pattern is valid")
});

/// A line of three dashes or more and nothing else: a Markdown rule.
fn is_rule(line: &str) -> bool {
    line.len() >= 3 && line.bytes().all(|b| b == b'-')
}

/// A line that is only a web address (a related story's link pasted into the
/// body): it says nothing, and the day in its path dates nothing after it.
fn is_bare_link(line: &str) -> bool {
    (line.starts_with("http://") || line.starts_with("https://"))
        && !line.contains(char::is_whitespace)
}

/// Folds full-width ASCII forms to ASCII, and the ideographic space to a space.
///
/// ```
/// assert_eq!(govgraph::normalise::fold_width("１２月，（区长）：是！"), "12月,(区长):是!");
/// ```
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' => ' ',
            _ => c,
        })
        .collect()
}

fn split_front_matter(raw: &str) -> (&str, &str) {
    let Some(rest) = raw.strip_prefix("---\n") else {
        return ("", raw);
    };
    match rest.find("\n---") {
        Some(end) => {
            let after = &rest[end + 4..];
            let after = after.split_once('\n').map_or("", |(_, b)| b);
            (&rest[..end], after)
        }
        None => ("", raw),
    }
}

/// The day a metadata date opens with: 2024-12-11, 2024/12/11 or 2024年12月11日,
/// with or without a time after it. Only a day that exists, in the years
/// govgraph writes ([`YEARS`](crate::extract::calendar::YEARS)): 9999-12-31,
/// 2023-02-29 or 2024-12-111 date nothing.
fn iso_day_prefix(value: &str) -> Option<String> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([0-9]{4})(?:[-/]([0-9]{1,2})[-/]([0-9]{1,2})(?:[^0-9]|$)|年([0-9]{1,2})月([0-9]{1,2})日)")
            .unwrap()
    });
    let c = DAY.captures(value)?;
    let part = |a: usize, b: usize| c.get(a).or(c.get(b))?.as_str().parse().ok();
    let (y, m, d): (i32, u32, u32) = (c[1].parse().ok()?, part(2, 4)?, part(3, 5)?);
    crate::extract::calendar::Day::new(y, m, d).map(|d| d.iso())
}

fn looks_like_html(s: &str) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)</?(p|div|br|span|strong|b|section|article|h[1-6]|li|ul|table|tr|td|html|body)\b[^>]*>")
            .unwrap()
    });
    TAG.is_match(s)
}

/// A whole page, not text with a few tags in it: it has a doctype, or an
/// `<html>`, `<head>` or `<body>` tag.
fn is_page(s: &str) -> bool {
    static PAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)<(!doctype\s+html|html|head|body)\b").unwrap());
    PAGE.is_match(s)
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "iframe", "object", "svg", "math",
    "canvas",
];

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The text of an HTML page or fragment, one block a line, and the page's
/// title (`og:title`, else the `ArticleTitle` meta government sites give,
/// else `<title>`).
///
/// The parser is html5ever's (through `scraper`): tags left open, comments,
/// scripts that hold tags in strings and entities come out as a browser would
/// have them. Block elements (`p`, `div`, `li`, `tr`, headings, `br` ...)
/// break lines; inline ones join; table cells are parted by a space. The
/// content of `head`, `script`, `style`, `noscript`, `template` and the like
/// is dropped. In a whole page (a doctype, `<html>` or `<body>`) a line break
/// of the source is a space, as a browser shows it, and nothing between two
/// wide (CJK) characters; in text with a few tags in it (Markdown that holds
/// HTML) its line breaks are its author's paragraphs and stay.
fn html_text(s: &str) -> (String, Option<String>) {
    let html = scraper::Html::parse_document(s);
    let mut out = Text::new(is_page(s));
    let root = html.tree.root();
    let mut next = root.first_child();
    while let Some(node) = next {
        // Enter the node: its text, or its element opened.
        let mut enter = false;
        match node.value() {
            scraper::Node::Text(text) => out.push_str(text),
            scraper::Node::Element(e) if !DROPPED.contains(&e.name()) => {
                out.open(e.name());
                enter = true;
            }
            _ => {}
        }
        if enter && let Some(child) = node.first_child() {
            next = Some(child);
            continue;
        }
        // Leave it, and every parent it is the last child of.
        let mut done = node;
        loop {
            if enter && let Some(e) = done.value().as_element() {
                out.close(e.name());
            }
            // Every parent left here had been entered.
            enter = true;
            if let Some(sibling) = done.next_sibling() {
                next = Some(sibling);
                break;
            }
            match done.parent() {
                Some(parent) if parent.id() != root.id() => done = parent,
                _ => {
                    next = None;
                    break;
                }
            }
        }
    }
    let meta = |key: &str, name: &str| {
        root.descendants()
            .filter_map(|n| n.value().as_element())
            .find(|e| {
                e.name() == "meta" && e.attr(key).is_some_and(|v| v.eq_ignore_ascii_case(name))
            })
            .and_then(|e| e.attr("content"))
            .map(String::from)
    };
    let title_element = || {
        let title = root.descendants().find(|n| {
            n.value().as_element().is_some_and(|e| e.name() == "title")
                && !n
                    .ancestors()
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "svg"))
        })?;
        Some(
            title
                .children()
                .filter_map(|c| c.value().as_text())
                .map(|t| &**t)
                .collect::<String>(),
        )
    };
    let title = [
        meta("property", "og:title"),
        meta("name", "ArticleTitle"),
        title_element(),
    ]
    .into_iter()
    .flatten()
    .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
    .find(|t| !t.is_empty());
    (out.text, title)
}

/// The text of an HTML tree, as it is walked.
struct Text {
    text: String,
    /// Whether the source's line breaks are spaces (a whole page).
    page: bool,
    /// White space seen since the last character: none, a space, or a run
    /// with a line break in it.
    space: Owed,
    /// A line break is owed before the next character.
    line: bool,
    /// Inside `pre` (how deep): white space as written.
    pre: usize,
}

/// White space owed, the least first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Owed {
    Nothing,
    Space,
    Break,
}

impl Text {
    fn new(page: bool) -> Text {
        Text {
            text: String::new(),
            page,
            space: Owed::Nothing,
            line: false,
            pre: 0,
        }
    }

    fn open(&mut self, name: &str) {
        match name {
            "br" => self.newline(),
            "td" | "th" => self.space = self.space.max(Owed::Space),
            "pre" => {
                self.line = true;
                self.pre += 1;
            }
            _ if BLOCKS.contains(&name) => self.line = true,
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "pre" => {
                self.line = true;
                self.pre = self.pre.saturating_sub(1);
            }
            _ if BLOCKS.contains(&name) => self.line = true,
            _ => {}
        }
    }

    /// A line break that `<br>` asks for: also after an empty line.
    fn newline(&mut self) {
        self.text.push('\n');
        self.space = Owed::Nothing;
        self.line = false;
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if self.pre > 0 {
                if c == '\n' {
                    self.newline();
                } else {
                    self.push(c);
                }
            } else if c == '\n' && !self.page {
                self.line = true;
            } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                let space = if c == '\n' { Owed::Break } else { Owed::Space };
                self.space = self.space.max(space);
            } else {
                self.push(c);
            }
        }
    }

    /// Pushes a character, after the line break or space owed.
    fn push(&mut self, c: char) {
        let last = self.text.chars().next_back();
        if self.line {
            if last.is_some_and(|l| l != '\n') {
                self.text.push('\n');
            }
        } else if let Some(last) = last.filter(|&l| l != '\n') {
            let wide = |c: char| unicode_width::UnicodeWidthChar::width(c) == Some(2);
            match self.space {
                Owed::Break if wide(last) && wide(c) => {}
                Owed::Space | Owed::Break => self.text.push(' '),
                Owed::Nothing => {}
            }
        }
        self.space = Owed::Nothing;
        self.line = false;
        self.text.push(c);
    }
}

/// Markdown links keep their text; bare autolinks go.
fn strip_markdown_links(s: &str) -> String {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[([^\]\n]*)\]\([^)\n]*\)").unwrap());
    static AUTO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<(https?:)?//[^>\s]*>").unwrap());
    // A link inside a link's text ("[[a](b)](c)") is read until none is
    // left; each round removes at least four characters.
    let mut s = s.to_string();
    loop {
        let once = LINK.replace_all(&s, "$1");
        let once = AUTO.replace_all(&once, "").into_owned();
        if once == s {
            return s;
        }
        s = once;
    }
}

/// Drops the pinyin some mirror sites paste after a character: "區(qū)委書記"
/// -> "區委書記". Only a bracketed syllable with a tone mark right after a
/// Chinese character goes, so "(AI)" or "(2024)" stay.
fn strip_pinyin_glosses(s: &str) -> String {
    static GLOSS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\p{Han})[(（]([a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,7})[)）]")
            .expect("pinyin pattern is valid")
    });
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
    // Glosses one after another ("區(qū)(qū)") go until none is left; each
    // round removes at least three characters.
    let mut s = s.to_string();
    loop {
        let once = GLOSS
            .replace_all(&s, |c: &regex::Captures| {
                if c[2].chars().any(|ch| TONED.contains(ch)) {
                    c[1].to_string()
                } else {
                    c[0].to_string()
                }
            })
            .into_owned();
        if once == s {
            return s;
        }
        s = once;
    }
}

/// Mends the 縣 (county) that the same mirror sites lose in a bad re-encoding:
/// "…開工儀式??h委副書記" -> "…開工儀式。縣委副書記". GBK writes 縣 as the bytes
/// BF 68; when the character before it ends in the byte A3 (。 is A1 A3, 海 is
/// BA A3), a decoder that pairs A3 with BF writes "?" for the pair and "h" for
/// 68, and the character before is lost too. That character is most often the
/// full stop before a new sentence (縣委常委…), so the mend writes 。縣: where it
/// was a place's last character (寧海縣 -> 寧?h) the place stays lost, and no
/// other county (寧縣) is made up. "?h" before a Chinese character is no
/// writing of its own, so nothing else changes. Linear in the text.
fn mend_lost_county(s: &str) -> String {
    static LOST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\?{1,2}h(\p{Han})").expect("lost county pattern is valid"));
    if !s.contains("?h") {
        return s.to_string();
    }
    LOST.replace_all(s, "。縣$1").into_owned()
}

/// Mends the 年 and 月 that mirror sites drop from a date: "…讯(记者 某某)
/// 1123日,区长…" -> "11月23日", "2022325日下午" -> "2022年3月25日下午". Only
/// where the digits split into one month and day alone ("1123", "428日":
/// 4月28日, "74日上午": 7月4日, two digits no day can be; not "123日", 1月23日
/// or 12月3日, which the date layer reads by the page's date), before 日,
/// right after a sentence's start or a dateline,
/// or before a time of day (not "130日内", nor "运行215日,"). Linear in the
/// text.
fn mend_lost_month(s: &str) -> String {
    static LOST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(^|[^0-9])((?:19|20)[0-9]{2})?([0-9]{2,4})日(上午|下午|晚|早|凌晨|中午|夜|[,，、 ]|$)?")
            .expect("lost month pattern is valid")
    });
    LOST.replace_all(s, |c: &regex::Captures| {
        let opens = c[1].is_empty() || "\n,，。)）讯".contains(&c[1]);
        // In running text only a time of day after it makes it a date
        // ("运行215日," is a count of days).
        let timed = c
            .get(4)
            .is_some_and(|m| m.as_str().chars().all(char::is_alphabetic));
        if !opens && !timed {
            return c[0].to_string();
        }
        let year = c
            .get(2)
            .map_or(String::new(), |y| format!("{}年", y.as_str()));
        let after = c.get(4).map_or("", |m| m.as_str());
        let digits = &c[3];
        // Two digits are a day of their own up to 31.
        if digits.len() == 2 && digits.parse::<u32>().is_ok_and(|n| n <= 31) {
            return c[0].to_string();
        }
        let split = |m: &str, d: &str| {
            let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
        };
        // Every way to read the digits as a month and a day: one only.
        let readings: Vec<(u32, u32)> = (1..digits.len())
            .filter_map(|k| {
                let (m, d) = digits.split_at(k);
                (d.len() <= 2 && !m.starts_with('0') && !d.starts_with('0'))
                    .then(|| split(m, d))
                    .flatten()
            })
            .collect();
        match readings.as_slice() {
            [(m, d)] => format!("{}{year}{m}月{d}日{after}", &c[1]),
            _ => c[0].to_string(),
        }
    })
    .into_owned()
}

/// A short line set out letter by letter, as headings and signatures are
/// ("政 府 工 作 报 告", "区 长 魏某某", "区长 陈 某"): single Han
/// characters standing between spaces are one word again. Lines longer than
/// 24 characters are running text and stay as they are. A line of nothing
/// but single characters between spaces, a banner's letters
/// ("D o n g F e n g . G o v . C n"), is one word whatever its length.
fn join_spaced_letters(line: &str) -> String {
    let tokens: Vec<&str> = line.split(' ').filter(|t| !t.is_empty()).collect();
    if tokens.len() >= 5 && tokens.iter().all(|t| t.chars().count() == 1) {
        return tokens.concat();
    }
    if line.chars().count() > 24 || !line.contains(' ') {
        return line.to_string();
    }
    let single = |t: &str| {
        let mut cs = t.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if crate::script::is_han(c))
    };
    let mut out: Vec<String> = Vec::new();
    let mut run = false;
    for token in line.split(' ') {
        let one = single(token);
        match out.last_mut() {
            Some(last) if one && run => last.push_str(token),
            _ => out.push(token.to_string()),
        }
        run = one;
    }
    out.join(" ")
}

/// A date written with spaces between its parts ("12月 10日 至11日",
/// "12 月11日 上午") is one date again: "12月10日至11日", "12月11日 上午".
/// Only spaces between a number and 年, 月, 日 or 号, after 年 or 月 before a
/// number, and after 日 before 至. Linear in the line.
fn join_spaced_dates(line: &str) -> String {
    static SPACED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([0-9])\s+([年月日号])|([年月])\s+([0-9])|(日)\s+(至)")
            .expect("spaced date pattern is valid")
    });
    if !line.contains(' ') {
        return line.to_string();
    }
    let join = |s: &str| {
        SPACED
            .replace_all(s, |c: &regex::Captures| {
                let pair = [(1, 2), (3, 4), (5, 6)]
                    .into_iter()
                    .find(|(a, _)| c.get(*a).is_some())
                    .map(|(a, b)| format!("{}{}", &c[a], &c[b]));
                pair.unwrap_or_else(|| c[0].to_string())
            })
            .into_owned()
    };
    // Twice: "3 月" in "2023 年 3 月" shares 年's neighbour with "2023 年".
    join(&join(line))
}

/// Runs of spaces and tabs as one space, and none beside a list's mark 、
/// (web pages pad list items: "甲、 乙 、丙" is "甲、乙、丙").
fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last_space = false;
    for c in line.chars() {
        let space = c == ' ' || c == '\t';
        if space && (last_space || out.ends_with('、')) {
            continue;
        }
        if c == '、' && last_space {
            out.pop();
        }
        out.push(if space { ' ' } else { c });
        last_space = space;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_a_bare_link_goes() {
        let doc = normalise(
            "x.md",
            "在14日晚召开的座谈会上,县长甲某某介绍情况。\nhttp://www.example.org/a/2019-03-15/70193.html\n座谈会由乙某某主持。",
        );
        assert_eq!(
            doc.text,
            "在14日晚召开的座谈会上,县长甲某某介绍情况。\n座谈会由乙某某主持。"
        );
    }

    #[test]
    fn spaces_beside_a_list_mark_are_dropped() {
        assert_eq!(
            collapse_spaces("县领导甲某、 乙某 、丙某  参加"),
            "县领导甲某、乙某、丙某 参加"
        );
    }

    #[test]
    fn front_matter_becomes_metadata() {
        let doc = normalise(
            "x.md",
            "---\nlayout: post\ntitle: \"虎年开工首周\"\ndate: 2022-02-11 15:07:34 +0800\n---\n正文",
        );
        assert_eq!(doc.title.as_deref(), Some("虎年开工首周"));
        assert_eq!(doc.date.as_deref(), Some("2022-02-11"));
        assert_eq!(doc.text, "正文");
    }

    #[test]
    fn html_paragraphs_become_lines_and_entities_decode() {
        let doc = normalise(
            "x.html",
            "<p>虎年伊始&nbsp;万象更新。</p>\n <p><strong>坪山</strong></p><p>A&amp;B &lt;script&gt;</p>",
        );
        assert_eq!(doc.text, "虎年伊始 万象更新。\n坪山\nA&B <script>");
    }

    #[test]
    fn a_date_set_out_with_spaces_is_one_date() {
        assert_eq!(
            join_spaced_dates("12月 10日 至11日,州人大常委会主任"),
            "12月10日至11日,州人大常委会主任"
        );
        assert_eq!(join_spaced_dates("12 月11日 上午,"), "12月11日 上午,");
        assert_eq!(join_spaced_dates("2023 年 3 月"), "2023年3月");
        // A number before a word is no date.
        assert_eq!(join_spaced_dates("共 27 人"), "共 27 人");
    }

    #[test]
    fn scripts_are_dropped() {
        let doc = normalise("x.html", "<p>a</p><script>alert(1)</script><p>b</p>");
        assert_eq!(doc.text, "a\nb");
    }

    #[test]
    fn markdown_links_keep_their_text() {
        let doc = normalise("x.md", "[返回首页](//x.com/) <http://a.b/c>\n");
        assert_eq!(doc.text, "返回首页");
    }

    #[test]
    fn a_report_byline_on_two_lines_is_read_as_one() {
        let doc = normalise(
            "x.txt",
            "政府工作报告\n\n——2025年5月27日在某区第一届人民代表大会第四次会议上\n\n某区人民政府区长  甲某某\n\n各位代表:",
        );
        assert_eq!(
            doc.text,
            "政府工作报告\n——2025年5月27日在某区第一届人民代表大会第四次会议上 某区人民政府区长 甲某某\n各位代表:"
        );
        let doc = normalise(
            "x.txt",
            "政府工作报告\n——2025年1月7日在某区第十七届人民代表大会\n第五次会议上\n某区人民政府区长甲某某\n各位代表:",
        );
        assert_eq!(
            doc.text,
            "政府工作报告\n——2025年1月7日在某区第十七届人民代表大会第五次会议上 某区人民政府区长甲某某\n各位代表:"
        );
        // A sentence that ends in 会议上 is no byline; nor is a long line after it.
        let doc = normalise("x.txt", "区长甲某某在会议上\n强调了三点要求。");
        assert_eq!(doc.text, "区长甲某某在会议上\n强调了三点要求。");
    }

    #[test]
    fn a_list_broken_before_its_close_is_one_line() {
        let doc = normalise(
            "x.txt",
            "上午10时30分,\n葛立山、卢文海、方建春\n等区领导参加会议。",
        );
        assert_eq!(
            doc.text,
            "上午10时30分,\n葛立山、卢文海、方建春等区领导参加会议。"
        );
        // Not after a line that ends in a stop.
        let doc = normalise("x.txt", "会议结束。\n等待通知。");
        assert_eq!(doc.text, "会议结束。\n等待通知。");
    }

    #[test]
    fn pinyin_glosses_go() {
        let doc = normalise("x.txt", "區(qū)委書記黃偉,區(qū)長(zhǎng)周某(AI)");
        assert_eq!(doc.text, "區委書記黃偉,區長周某(AI)");
    }

    #[test]
    fn a_month_a_mirror_dropped_is_mended_where_the_digits_read_one_way() {
        let doc = normalise(
            "x.txt",
            "本报讯(记者 某某)1123日,区长柴明调研。428日,出席。123日,出席。2022325日下午,召开会议。限130日内完成。已运行215日,运行良好。74日上午,督查。25日上午,督查。限60日内完成",
        );
        assert_eq!(
            doc.text,
            "本报讯(记者 某某)11月23日,区长柴明调研。4月28日,出席。123日,出席。2022年3月25日下午,召开会议。限130日内完成。已运行215日,运行良好。7月4日上午,督查。25日上午,督查。限60日内完成"
        );
    }

    #[test]
    fn a_doubled_list_mark_is_one() {
        let doc = normalise("x.txt", "縣政協領導林某,、陳某,、張某帶領");
        assert_eq!(doc.text, "縣政協領導林某、陳某、張某帶領");
    }

    #[test]
    fn a_county_lost_in_re_encoding_is_mended_as_a_new_sentence() {
        let doc = normalise(
            "x.txt",
            "舉行開工儀式??h委副書記柴明出席,常委會議?h委常委虎勇主持。問?how",
        );
        assert_eq!(
            doc.text,
            "舉行開工儀式。縣委副書記柴明出席,常委會議。縣委常委虎勇主持。問?how"
        );
    }

    #[test]
    fn a_record_reads_as_front_matter() {
        let meta = Metadata {
            title: Some("\"福田区召开会议\"".into()),
            date: Some("2024年12月11日 10:00".into()),
            url: Some(" https://example.org/a ".into()),
            source: Some(String::new()),
            file: Some("news.jsonl".into()),
        };
        let doc = normalise_with(
            "a1",
            "---\ntitle: 旧标题\ndate: 2020-01-01\n---\n正文",
            &meta,
        );
        assert_eq!(doc.title.as_deref(), Some("福田区召开会议"));
        assert_eq!(doc.date.as_deref(), Some("2024-12-11"));
        assert_eq!(doc.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(doc.source, None);
        assert_eq!(doc.file.as_deref(), Some("news.jsonl"));
        assert_eq!(doc.text, "正文");
        // No record: the front matter alone, as before.
        let plain = normalise("a.md", "---\ntitle: 旧标题\ndate: 2020-1-2\n---\n正文");
        assert_eq!(plain.title.as_deref(), Some("旧标题"));
        assert_eq!(plain.date.as_deref(), Some("2020-01-02"));
        assert_eq!(plain.about().url, None);
    }

    /// A district government's article page as its CMS writes it: navigation,
    /// a meta title, a style, scripts with tags in their strings, comments,
    /// nested divs, a paragraph left open, `<br>`, a table, entities.
    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="福田区召开优化营商环境推进会">
<meta name="PubDate" content="2024-12-11 09:30">
<title>福田区召开优化营商环境推进会_福田政府在线</title>
<link rel="stylesheet" href="/css/article.css">
<style>.content p { text-indent: 2em; }</style>
<script>var tpl = "<p>模板里的段落</p>"; document.write('<div>' + tpl + '</div>');</script>
</head>
<body>
<!-- 头部 开始 -->
<div class="header"><div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/xxgk/">信息公开</a></li>
</ul></div></div>
<!-- <p>注释里的段落</p> -->
<div class="main"><div class="article">
  <h1 class="title">福田区召开优化营商环境推进会</h1>
  <div class="info">发布时间：2024-12-11&nbsp;&nbsp;来源：<span>福田区融媒体中心</span></div>
  <div class="content" id="zoom">
    <p>12月11日上午，福田区召开优化营商环境推进会。区委书记甲某某出席会议并讲话，
      区长乙某某主持会议。
    <p>会议要求，要推动&#x4E2D;小企业&amp;个体工商户&#20849;同发展，做到&ldquo;无事不扰&rdquo;。
    <p>出席人员：<br>区委副书记丙某某<br/>副区长丁某某</p>
    <table border="1"><tbody>
      <tr><td>项目</td><td>责任单位</td></tr>
      <tr>
        <td>营商环境提升行动</td>
        <td><p>区发展改革局</p></td>
      </tr>
    </tbody></table>
    <script type="text/javascript">if (a < b) { document.write("<p>脚本里的段落</p>"); }</script>
    <noscript><p>请开启脚本</p></noscript>
    <template><p>模板</p></template>
  </div>
</div></div>
<div class="footer">主办：深圳市福田区人民政府办公室</div>
</body>
</html>
"#;

    #[test]
    fn a_government_page_becomes_its_lines() {
        let doc = normalise("ft-001.html", PAGE);
        assert_eq!(
            doc.text,
            "首页\n信息公开\n\
             福田区召开优化营商环境推进会\n\
             发布时间:2024-12-11 来源:福田区融媒体中心\n\
             12月11日上午,福田区召开优化营商环境推进会。区委书记甲某某出席会议并讲话,区长乙某某主持会议。\n\
             会议要求,要推动中小企业&个体工商户共同发展,做到“无事不扰”。\n\
             出席人员:\n区委副书记丙某某\n副区长丁某某\n\
             项目 责任单位\n\
             营商环境提升行动\n区发展改革局\n\
             主办:深圳市福田区人民政府办公室"
        );
        // The page's meta title, not <title> with the site's name after it.
        assert_eq!(doc.title.as_deref(), Some("福田区召开优化营商环境推进会"));
    }

    #[test]
    fn a_page_title_is_og_title_else_title_and_yields_to_front_matter() {
        let page = "<html><head><title>\n  龙华区召开安全生产工作会议 - 龙华政府在线\n</title>\
                    <meta property=\"og:title\" content=\"龙华区召开安全生产工作会议\"></head>\
                    <body><p>区长戊某某主持会议。</p></body></html>";
        let doc = normalise("a.html", page);
        assert_eq!(doc.title.as_deref(), Some("龙华区召开安全生产工作会议"));
        assert_eq!(doc.text, "区长戊某某主持会议。");
        let bare = page.replace(
            "<meta property=\"og:title\" content=\"龙华区召开安全生产工作会议\">",
            "",
        );
        let doc = normalise("a.html", &bare);
        assert_eq!(
            doc.title.as_deref(),
            Some("龙华区召开安全生产工作会议 - 龙华政府在线")
        );
        let front = format!("---\ntitle: 前言标题\n---\n{page}");
        assert_eq!(normalise("a.md", &front).title.as_deref(), Some("前言标题"));
        let meta = Metadata {
            title: Some("记录标题".into()),
            ..Metadata::default()
        };
        let doc = normalise_with("r1", page, &meta);
        assert_eq!(doc.title.as_deref(), Some("记录标题"));
        // No title anywhere: none.
        assert_eq!(normalise("b.html", "<p>正文</p>").title, None);
    }

    #[test]
    fn text_with_a_few_tags_keeps_its_line_breaks() {
        let doc = normalise(
            "a.md",
            "第一段,区委书记己某某出席。<br>\n第二段\n<strong>第三段</strong>\n\n第四&nbsp;段",
        );
        assert_eq!(
            doc.text,
            "第一段,区委书记己某某出席。\n第二段\n第三段\n第四 段"
        );
    }

    #[test]
    fn inline_elements_join_and_pre_keeps_its_lines() {
        let doc = normalise(
            "a.html",
            "<body><p><strong>坪山</strong>区委书记<span>庚某某</span> <em>调研</em></p>\
             <pre>一、总体要求\n二、重点任务</pre></body>",
        );
        assert_eq!(
            doc.text,
            "坪山区委书记庚某某 调研\n一、总体要求\n二、重点任务"
        );
    }

    #[test]
    fn a_metadata_date_must_be_a_day_govgraph_writes() {
        for bad in [
            "9999-12-31",
            "2101年1月1日",
            "1000-01-01 15:07",
            "2023-02-29",
            "2024-04-31",
            "2024-12-111",
            "0000-00-00",
        ] {
            let doc = normalise("a.md", &format!("---\ndate: {bad}\n---\n正文"));
            assert_eq!(doc.date, None, "{bad}");
        }
        for (good, day) in [
            ("2024-02-29", "2024-02-29"),
            ("2100-12-31 23:59", "2100-12-31"),
            ("1900/1/1", "1900-01-01"),
            ("2024年12月11日", "2024-12-11"),
        ] {
            let doc = normalise("a.md", &format!("---\ndate: {good}\n---\n正文"));
            assert_eq!(doc.date.as_deref(), Some(day), "{good}");
        }
    }

    #[test]
    fn front_matter_gives_the_address_and_a_record_wins() {
        let raw = "---\nurl: http://a.gov.cn/1.html\nsource: 某报\n---\n区长出席。";
        let doc = normalise("t.md", raw);
        assert_eq!(doc.url.as_deref(), Some("http://a.gov.cn/1.html"));
        assert_eq!(doc.source.as_deref(), Some("某报"));
        let meta = Metadata {
            url: Some("http://b.gov.cn/2.html".into()),
            ..Metadata::default()
        };
        let doc = normalise_with("t.md", raw, &meta);
        assert_eq!(doc.url.as_deref(), Some("http://b.gov.cn/2.html"));
    }

    #[test]
    fn a_line_set_out_letter_by_letter_is_words_again() {
        assert_eq!(join_spaced_letters("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(join_spaced_letters("区 长 魏某某"), "区长 魏某某");
        assert_eq!(
            join_spaced_letters("区人民政府区长 陈 某"),
            "区人民政府区长 陈某"
        );
        // Running text keeps its spaces; so does a lone letter between words.
        let long = "记者 王 某 报道：今天上午区委召开常委会会议，研究部署下一阶段重点工作";
        assert_eq!(join_spaced_letters(long), long);
        assert_eq!(join_spaced_letters("区长 某 出席"), "区长 某 出席");

        // A banner's address, letter by letter, whatever its length.
        assert_eq!(
            join_spaced_letters("T o n g Y u . G o v . C n"),
            "TongYu.Gov.Cn"
        );
        let doc = normalise("t.md", "区 长 魏某某\n各位代表:");
        assert_eq!(doc.text, "区长 魏某某\n各位代表:");
    }

    #[test]
    fn a_rosters_row_broken_over_two_lines_is_one_line() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            join_roster_continuations(lines(&[
                "副县长:李某之 马平 王某伟",
                "魏某玉 钟某斌 高岩",
                "县政协主席:王某成"
            ])),
            lines(&[
                "副县长:李某之 马平 王某伟 魏某玉 钟某斌 高岩",
                "县政协主席:王某成"
            ])
        );
        // Not after a line whose names are not set apart, nor a line of prose.
        assert_eq!(
            join_roster_continuations(lines(&["县长:董某琴", "魏某玉 钟某斌"])),
            lines(&["县长:董某琴", "魏某玉 钟某斌"])
        );
    }

    #[test]
    fn widths_fold() {
        assert_eq!(fold_width("４月２４日，区长"), "4月24日,区长");
    }
}
