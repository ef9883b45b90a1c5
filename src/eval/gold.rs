//! Gold annotation files: one hand-made JSON file per article (`tests/gold/FORMAT.md`).
//!
//! A gold file is a yardstick, so a broken one must stop the evaluation rather
//! than quietly score against less: a file that does not parse, a date that is
//! not `YYYY-MM-DD`, or a gold file not named after its article is an error that
//! names the file. Keys the scorer does not read (`note`, `undated` ...) are
//! allowed, so annotators can keep their remarks in the file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::graph::Relation;

/// What a careful reader takes from one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    /// The article's file name, found in the inputs folder.
    pub file: String,
    /// The span the article reports on, when it has one.
    #[serde(default)]
    pub period: Option<Period>,
    pub officials: Vec<GoldOfficial>,
    /// Named people who are not district officials.
    #[serde(default)]
    pub other_people: Vec<OtherPerson>,
    pub participations: Vec<GoldParticipation>,
    /// Dated district events with no named official.
    pub events: Vec<GoldEvent>,
    pub projects: Vec<GoldProject>,
    /// Decisions on district posts and changes of their holders (appointed,
    /// removed …); `None` in files written before they were annotated, which
    /// leaves personnel unscored for them.
    #[serde(default)]
    pub personnel: Option<Vec<GoldPersonnel>>,
}

/// One post one personnel decision or change gives one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldPersonnel {
    pub person: String,
    pub district: String,
    /// As written without the district; an acting post as 代区长.
    pub title: String,
    /// appointed, elected, nominated, acting, removed, resigned or transferred.
    pub change: String,
    /// The day of the decision, where the article tells it.
    #[serde(default)]
    pub date: Option<String>,
    /// The deciding body, where named (not scored).
    #[serde(default)]
    pub body: Option<String>,
}

/// The days an article reports on (ISO 8601, both ends included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldOfficial {
    pub name: String,
    /// The canonical full name (福田区, 大鹏新区 ...).
    pub district: String,
    /// Titles as written without the district prefix (区委书记, 区长 ...).
    #[serde(default)]
    pub titles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherPerson {
    pub name: String,
    #[serde(default)]
    pub note: String,
}

/// How an official took part in an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldRelation {
    Chaired,
    Attended,
}

impl GoldRelation {
    /// The graph relation this stands for.
    pub fn relation(self) -> Relation {
        match self {
            GoldRelation::Chaired => Relation::Chaired,
            GoldRelation::Attended => Relation::Attended,
        }
    }
}

/// One (official, first day of an activity); scoring keys on (person, date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldParticipation {
    pub person: String,
    pub date: String,
    pub relation: GoldRelation,
    #[serde(default)]
    pub district: Option<String>,
    /// A human label of the activity, shown in the details.
    #[serde(default)]
    pub event: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEvent {
    pub date: String,
    pub district: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldProject {
    pub name: String,
    /// `null` where the reader cannot tell the district: scored by name only.
    #[serde(default)]
    pub district: Option<String>,
}

/// A gold file as read from disk.
#[derive(Debug, Clone)]
pub struct GoldFile {
    pub path: PathBuf,
    pub gold: Gold,
}

#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{}: no such gold folder", .0.display())]
    NoDir(PathBuf),
    #[error("reading {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: no gold files (*.json) in this folder", .0.display())]
    Empty(PathBuf),
    #[error("{}: not a gold file: {source}", path.display())]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

impl Gold {
    /// Parses one gold file's text; see [`Gold::validate`] for the checks beyond JSON.
    pub fn from_json(text: &str) -> Result<Gold, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// Checks what serde cannot: dates are ISO days, names are not empty.
    pub fn validate(&self) -> Result<(), String> {
        if self.file.trim().is_empty() {
            return Err("`file` is empty".into());
        }
        let day = |what: &str, d: &str| -> Result<(), String> {
            if is_iso_day(d) {
                Ok(())
            } else {
                Err(format!("{what}: date {d:?} is not YYYY-MM-DD"))
            }
        };
        if let Some(p) = &self.period {
            day("period.from", &p.from)?;
            day("period.to", &p.to)?;
        }
        for (i, o) in self.officials.iter().enumerate() {
            if o.name.trim().is_empty() || o.district.trim().is_empty() {
                return Err(format!("officials[{i}]: name or district is empty"));
            }
        }
        for (i, p) in self.participations.iter().enumerate() {
            if p.person.trim().is_empty() {
                return Err(format!("participations[{i}]: person is empty"));
            }
            day(&format!("participations[{i}]"), &p.date)?;
        }
        for (i, e) in self.events.iter().enumerate() {
            if e.district.trim().is_empty() {
                return Err(format!("events[{i}]: district is empty"));
            }
            day(&format!("events[{i}]"), &e.date)?;
        }
        for (i, p) in self.personnel.iter().flatten().enumerate() {
            if p.person.trim().is_empty() || p.district.trim().is_empty() {
                return Err(format!("personnel[{i}]: person or district is empty"));
            }
            if crate::rules::Change::parse(&p.change).is_none() {
                return Err(format!(
                    "personnel[{i}]: change {:?} is none of appointed, elected, nominated, acting, removed, resigned, transferred",
                    p.change
                ));
            }
            if let Some(d) = &p.date {
                day(&format!("personnel[{i}]"), d)?;
            }
        }
        for (i, p) in self.projects.iter().enumerate() {
            let no_district = p.district.as_deref().is_some_and(|d| d.trim().is_empty());
            if p.name.trim().is_empty() || no_district {
                return Err(format!(
                    "projects[{i}]: name or district is empty (null: not known)"
                ));
            }
        }
        Ok(())
    }
}

/// True for `YYYY-MM-DD` with a plausible month and day.
fn is_iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Reads and checks every `*.json` file directly in `dir`, sorted by name.
///
/// Each gold file must be named after its article: `000_x.json` for `000_x.txt`.
pub fn load_dir(dir: &Path) -> Result<Vec<GoldFile>, GoldError> {
    if !dir.is_dir() {
        return Err(GoldError::NoDir(dir.to_path_buf()));
    }
    let io = |source| GoldError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let is_json = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json && path.is_file() {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(GoldError::Empty(dir.to_path_buf()));
    }
    paths.sort();
    paths.into_iter().map(|p| load_file(&p)).collect()
}

/// Reads and checks one gold file.
pub fn load_file(path: &Path) -> Result<GoldFile, GoldError> {
    let text = fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let gold = Gold::from_json(&text).map_err(|source| GoldError::Parse {
        path: path.to_path_buf(),
        source,
    })?;
    let invalid = |message| GoldError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    gold.validate().map_err(invalid)?;
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    let article_stem = stem(Path::new(&gold.file));
    if stem(path) != article_stem {
        return Err(invalid(format!(
            "its `file` is {:?}, but a gold file must be named after its article ({}.json)",
            gold.file,
            article_stem.unwrap_or_default()
        )));
    }
    Ok(GoldFile {
        path: path.to_path_buf(),
        gold,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days() {
        assert!(is_iso_day("2024-12-09"));
        assert!(!is_iso_day("2024-12-9"));
        assert!(!is_iso_day("2024-13-01"));
        assert!(!is_iso_day("本周"));
    }

    #[test]
    fn unknown_keys_are_allowed_and_missing_lists_are_not() {
        let ok = r#"{"file":"a.txt","period":null,"officials":[],"participations":[],
                    "events":[],"projects":[],"note":"x","undated":[]}"#;
        assert!(Gold::from_json(ok).is_ok());
        let missing = r#"{"file":"a.txt","officials":[],"participations":[],"events":[]}"#;
        let err = Gold::from_json(missing).unwrap_err().to_string();
        assert!(err.contains("projects"), "{err}");
    }

    #[test]
    fn a_bad_relation_is_named() {
        let bad = r#"{"file":"a.txt","officials":[],"events":[],"projects":[],
            "participations":[{"person":"甲乙","date":"2024-01-01","relation":"hosted"}]}"#;
        let err = Gold::from_json(bad).unwrap_err().to_string();
        assert!(err.contains("hosted"), "{err}");
    }
}
