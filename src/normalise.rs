//! From raw article text to the one text every later stage reads.
//!
//! Evidence offsets refer to the text made here, so everything that changes what
//! a character is happens here and only here: front matter is lifted into
//! metadata, HTML is reduced to its text, full-width ASCII forms (，：（) are
//! folded to their half-width twins so every rule sees one form, and lines are
//! trimmed. Each remaining line is one paragraph.
//!
//! A record (a JSON line, a CSV row) gives its title and date as fields
//! instead of front matter; they are read exactly as front matter's `title:`
//! and `date:` are ([`normalise_with`]), so that a record's date dates its
//! article as a dateline does.

use std::sync::LazyLock;

use regex::Regex;

use crate::read::Metadata;

/// An article ready for annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    /// `title:` from front matter, if any.
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct About {
    /// The name evidence gives it.
    pub name: String,
    pub title: Option<String>,
    /// The day of publication (ISO 8601) its metadata gives.
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
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
    let given = [("title", &meta.title), ("date", &meta.date)];
    let given = given
        .iter()
        .filter_map(|(key, value)| Some((*key, value.as_deref()?)));
    for (key, value) in front.lines().filter_map(|l| l.split_once(':')).chain(given) {
        let value = value.trim().trim_matches('"').trim_matches('\'').trim();
        match key.trim() {
            "title" if !value.is_empty() => title = Some(fold_width(value)),
            "date" => date = iso_day_prefix(value),
            _ => {}
        }
    }
    let kept = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(String::from)
    };
    let body = if looks_like_html(body) {
        strip_html(body)
    } else {
        body.to_string()
    };
    let body = strip_markdown_links(&body);
    let body = strip_pinyin_glosses(&body);
    let text = fold_width(&body)
        .lines()
        .map(|l| collapse_spaces(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Document {
        name: name.to_string(),
        title,
        date,
        url: kept(&meta.url),
        source: kept(&meta.source),
        file: kept(&meta.file),
        text,
    }
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
/// with or without a time after it.
fn iso_day_prefix(value: &str) -> Option<String> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})(?:[-/](\d{1,2})[-/](\d{1,2})|年(\d{1,2})月(\d{1,2})日)").unwrap()
    });
    let c = DAY.captures(value)?;
    let part = |a: usize, b: usize| c.get(a).or(c.get(b))?.as_str().parse().ok();
    let (y, m, d): (u32, u32, u32) = (c[1].parse().ok()?, part(2, 4)?, part(3, 5)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn looks_like_html(s: &str) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)</?(p|div|br|span|strong|b|section|article|h[1-6]|li|ul|table|tr|td|html|body)\b[^>]*>")
            .unwrap()
    });
    TAG.is_match(s)
}

/// Reduces HTML to text: blocks become lines, scripts and styles vanish, entities
/// are decoded.
fn strip_html(s: &str) -> String {
    static DROP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?is)<(script|style|head)\b.*?</(script|style|head)\s*>|<!--.*?-->").unwrap()
    });
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)<\s*(br|/?p|/?div|/?h[1-6]|/?li|/?tr|/?section|/?article|/?blockquote)\b[^>]*>",
        )
        .unwrap()
    });
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^<>]*>").unwrap());
    let s = DROP.replace_all(s, "");
    let s = BLOCK.replace_all(&s, "\n");
    let s = TAG.replace_all(&s, "");
    decode_entities(&s)
}

/// Decodes the HTML entities that turn up in news pages.
pub fn decode_entities(s: &str) -> String {
    static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").unwrap()
    });
    ENTITY
        .replace_all(s, |c: &regex::Captures| {
            let body = &c[1];
            let decoded =
                if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                } else if let Some(dec) = body.strip_prefix('#') {
                    dec.parse().ok().and_then(char::from_u32)
                } else {
                    match body {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        "nbsp" | "ensp" | "emsp" => Some(' '),
                        "ldquo" => Some('“'),
                        "rdquo" => Some('”'),
                        "lsquo" => Some('‘'),
                        "rsquo" => Some('’'),
                        "middot" => Some('·'),
                        "mdash" => Some('—'),
                        "hellip" => Some('…'),
                        _ => None,
                    }
                };
            decoded.map_or_else(|| c[0].to_string(), String::from)
        })
        .into_owned()
}

/// Markdown links keep their text; bare autolinks go.
fn strip_markdown_links(s: &str) -> String {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[([^\]\n]*)\]\([^)\n]*\)").unwrap());
    static AUTO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<(https?:)?//[^>\s]*>").unwrap());
    let s = LINK.replace_all(s, "$1");
    AUTO.replace_all(&s, "").into_owned()
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
    GLOSS
        .replace_all(s, |c: &regex::Captures| {
            if c[2].chars().any(|ch| TONED.contains(ch)) {
                c[1].to_string()
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}

fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last_space = false;
    for c in line.chars() {
        let space = c == ' ' || c == '\t';
        if !(space && last_space) {
            out.push(if space { ' ' } else { c });
        }
        last_space = space;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn pinyin_glosses_go() {
        let doc = normalise("x.txt", "區(qū)委書記黃偉,區(qū)長(zhǎng)周某(AI)");
        assert_eq!(doc.text, "區委書記黃偉,區長周某(AI)");
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

    #[test]
    fn widths_fold() {
        assert_eq!(fold_width("４月２４日，区长"), "4月24日,区长");
    }
}
