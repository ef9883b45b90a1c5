//! The personnel table (`data/personnel.tsv`): the words of appointment and
//! removal news (任命, 当选, 免去, 辞去, 调任 …), which side of them the people
//! stand on, what each does to a post, and the words around them (deciding
//! bodies, 代理, 分别, 原).

use super::{Lexicon, RulesError, bad, longest_first, rows};

/// What a personnel fact does to a post (SPEC "Personnel facts": `change`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// 任命, 担任, 履新, 接任: the post starts.
    Appointed,
    /// 当选, 选举…为: the post starts.
    Elected,
    /// 提名…为…候选人, 拟任: a candidacy; no post yet.
    Nominated,
    /// Appointed to an acting title (代理区长, 代区长): the post starts, acting.
    Acting,
    /// 免去…职务, 不再担任: the post ends.
    Removed,
    /// 辞去…职务: the post ends.
    Resigned,
    /// 调任: the post left for another ends.
    Transferred,
}

impl Change {
    pub const ALL: [Change; 7] = [
        Change::Appointed,
        Change::Elected,
        Change::Nominated,
        Change::Acting,
        Change::Removed,
        Change::Resigned,
        Change::Transferred,
    ];

    /// The word graph.json uses (`appointed`, `elected` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Appointed => "appointed",
            Change::Elected => "elected",
            Change::Nominated => "nominated",
            Change::Acting => "acting",
            Change::Removed => "removed",
            Change::Resigned => "resigned",
            Change::Transferred => "transferred",
        }
    }

    pub fn parse(s: &str) -> Option<Change> {
        Change::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// True when the change starts a tenure (appointed, elected, acting).
    pub fn starts(self) -> bool {
        matches!(self, Change::Appointed | Change::Elected | Change::Acting)
    }

    /// True when the change ends a tenure (removed, resigned, transferred).
    pub fn ends(self) -> bool {
        matches!(
            self,
            Change::Removed | Change::Resigned | Change::Transferred
        )
    }
}

/// Where a trigger's people stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// After it: 任命甲为…, 免去乙的…职务.
    After,
    /// Right before it: 甲当选为…, 乙调任….
    Before,
}

/// One trigger of the table; `change` is `None` for a word that holds a
/// trigger but is none (曾任, 主任).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub word: String,
    pub side: Side,
    pub change: Option<Change>,
}

/// The personnel table, compiled.
#[derive(Debug, Clone, Default)]
pub struct PersonnelWords {
    /// Triggers (and the words that are none), longest first; `lexicon`'s hits
    /// index into it.
    pub triggers: Vec<Trigger>,
    pub lexicon: Lexicon,
    /// Deciding bodies (人大常委会, 区委), longest first; `body_lexicon` indexes it.
    pub bodies: Vec<String>,
    pub body_lexicon: Lexicon,
    /// Prefixes making a single-holder title acting (代理, 代), longest first.
    pub acting: Vec<String>,
    /// Words pairing people with posts in order (分别).
    pub each: Vec<String>,
    /// Words before a title naming the post left (原).
    pub former: Vec<String>,
}

impl PersonnelWords {
    /// Parses the table. Errors name the file and line.
    pub fn parse(file: &str, text: &str) -> Result<PersonnelWords, RulesError> {
        let mut out = PersonnelWords::default();
        for (line, cols) in rows(file, text) {
            let word = cols
                .get(1)
                .filter(|w| !w.is_empty())
                .cloned()
                .ok_or_else(|| bad(file, line, "missing word".into()))?;
            let change = || {
                let c = cols.get(2).map(String::as_str).unwrap_or("");
                Change::parse(c).ok_or_else(|| {
                    let all: Vec<&str> = Change::ALL.iter().map(|c| c.as_str()).collect();
                    bad(
                        file,
                        line,
                        format!("unknown change {c:?} ({})", all.join(", ")),
                    )
                })
            };
            match cols[0].as_str() {
                "after" => out.triggers.push(Trigger {
                    word,
                    side: Side::After,
                    change: Some(change()?),
                }),
                "before" => out.triggers.push(Trigger {
                    word,
                    side: Side::Before,
                    change: Some(change()?),
                }),
                "not" => out.triggers.push(Trigger {
                    word,
                    side: Side::Before,
                    change: None,
                }),
                "body" => out.bodies.push(word),
                "acting" => out.acting.push(word),
                "each" => out.each.push(word),
                "former" => out.former.push(word),
                other => {
                    return Err(bad(
                        file,
                        line,
                        format!(
                            "unknown kind {other:?} (after, before, not, body, acting, each, former)"
                        ),
                    ));
                }
            }
        }
        out.triggers.sort_by(|a, b| longest_first(&a.word, &b.word));
        out.triggers.dedup_by(|a, b| a.word == b.word);
        out.bodies.sort_by(|a, b| longest_first(a, b));
        out.acting.sort_by(|a, b| longest_first(a, b));
        let words: Vec<&str> = out.triggers.iter().map(|t| t.word.as_str()).collect();
        out.lexicon = Lexicon::new(&words);
        out.body_lexicon = Lexicon::new(&out.bodies);
        Ok(out)
    }

    /// The post an acting title holds, when `title` is one: 代理区长 and 代区长
    /// give `Some("区长")` when `is_single("区长")`, a single-holder title of
    /// the titles table; anything else `None`.
    pub fn acting_post<'t>(
        &self,
        title: &'t str,
        is_single: impl Fn(&str) -> bool,
    ) -> Option<&'t str> {
        self.acting
            .iter()
            .filter_map(|p| title.strip_prefix(p.as_str()))
            .find(|rest| is_single(rest))
    }
}
