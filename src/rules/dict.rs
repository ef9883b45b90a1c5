//! User dictionaries: what a user adds to the built-in rules.
//!
//! One entry a line, tab-separated, `#` starts a comment:
//!
//! ```text
//! person        张三      罗湖区    区长        # a person, optionally with district and title
//! district      天河区    天河      广州市      # name, short forms (|-separated), city
//! title         常务副区长 district             # a post and its level
//! organization  深圳联通
//! project       正奇未来城项目  坪山区          # a project, optionally with its district
//! ```
//!
//! jieba's user-dictionary lines (`word [freq] [tag]`, space-separated) are also
//! read: tag `nr` is a person, `nt` an organisation, `ns` a district; a word with
//! no tag or another tag only teaches segmentation to keep it whole. A line that
//! fits neither form is an error naming its line number.

use super::{District, RulesError, Title, bad, district_row, title_row};

/// One line of a user dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserEntry {
    Person {
        name: String,
        /// (district, title) when the line gives them.
        post: Option<(String, String)>,
    },
    District(District),
    Title(Title),
    Organization(String),
    /// A word segmentation keeps whole, and nothing more.
    Word(String),
    Project {
        name: String,
        district: Option<String>,
    },
}

/// Parses a user dictionary.
pub fn parse(origin: &str, text: &str) -> Result<Vec<UserEntry>, RulesError> {
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let cols: Vec<String> = if line.contains('\t') {
            line.split('\t')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect()
        } else {
            line.split_whitespace().map(String::from).collect()
        };
        let entry = match cols[0].as_str() {
            "person" => {
                let name = need(origin, line_no, &cols, 1, "person name")?;
                let post = match (cols.get(2), cols.get(3)) {
                    (Some(d), Some(t)) => Some((d.clone(), t.clone())),
                    (None, None) => None,
                    _ => {
                        return Err(bad(
                            origin,
                            line_no,
                            "a person takes a name, or a name, a district and a title".into(),
                        ));
                    }
                };
                UserEntry::Person { name, post }
            }
            "district" => UserEntry::District(district_row(origin, line_no, &cols[1..])?),
            "title" => UserEntry::Title(title_row(origin, line_no, &cols[1..])?),
            "organization" | "organisation" => {
                UserEntry::Organization(need(origin, line_no, &cols, 1, "organisation name")?)
            }
            "project" => UserEntry::Project {
                name: need(origin, line_no, &cols, 1, "project name")?,
                district: cols.get(2).cloned(),
            },
            _ => jieba_line(origin, line_no, &cols)?,
        };
        entries.push(entry);
    }
    Ok(entries)
}

fn need(
    origin: &str,
    line: usize,
    cols: &[String],
    ix: usize,
    what: &str,
) -> Result<String, RulesError> {
    cols.get(ix)
        .cloned()
        .ok_or_else(|| bad(origin, line, format!("missing {what}")))
}

/// `word [freq] [tag]`, as jieba's user dictionaries write it.
fn jieba_line(origin: &str, line: usize, cols: &[String]) -> Result<UserEntry, RulesError> {
    let word = cols[0].clone();
    let mut rest = cols[1..].iter();
    let mut tag = None;
    if let Some(first) = rest.next() {
        if first.parse::<u64>().is_err() {
            tag = Some(first.as_str());
        } else {
            tag = rest.next().map(String::as_str);
        }
    }
    if rest.next().is_some() || word.is_ascii() {
        return Err(bad(
            origin,
            line,
            format!(
                "cannot read {:?}: expected `person|district|title|organization|project ...` or `word [freq] [tag]`",
                cols.join(" ")
            ),
        ));
    }
    Ok(match tag {
        Some("nr") => UserEntry::Person {
            name: word,
            post: None,
        },
        Some("nt") => UserEntry::Organization(word),
        Some("ns") => UserEntry::District(District {
            name: word,
            aliases: Vec::new(),
            city: None,
        }),
        _ => UserEntry::Word(word),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_without_a_kind_only_keeps_segmentation_whole() {
        let entries = parse("d.txt", "前海深港 5\n琶洲 3 n\n某某集团 nt\n").unwrap();
        assert_eq!(
            entries,
            [
                UserEntry::Word("前海深港".into()),
                UserEntry::Word("琶洲".into()),
                UserEntry::Organization("某某集团".into()),
            ]
        );
    }

    #[test]
    fn reads_both_forms() {
        let text =
            "# people\nperson\t张三\t罗湖区\t区长\n李四 10 nr\ndistrict\t天河区\t天河\t广州市\n";
        let entries = parse("d.txt", text).unwrap();
        assert_eq!(
            entries[0],
            UserEntry::Person {
                name: "张三".into(),
                post: Some(("罗湖区".into(), "区长".into()))
            }
        );
        assert_eq!(
            entries[1],
            UserEntry::Person {
                name: "李四".into(),
                post: None
            }
        );
        match &entries[2] {
            UserEntry::District(d) => assert_eq!(d.aliases, vec!["天河"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = parse("d.txt", "person\t张三\t罗湖区\n").unwrap_err();
        assert!(err.to_string().starts_with("d.txt:1:"), "{err}");
        let err = parse("d.txt", "\nhello world foo bar\n").unwrap_err();
        assert!(err.to_string().starts_with("d.txt:2:"), "{err}");
    }
}
