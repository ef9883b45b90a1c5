//! Traditional-to-Simplified folding, one character for one character.
//!
//! Hong Kong and Taiwan outlets report on the same districts and officials as
//! mainland ones, in Traditional characters: `龍崗區委書記` is `龙岗区委书记`. The
//! rule tables and the lexicon are written in Simplified, so extraction runs on a
//! Simplified copy of the text.
//!
//! Evidence points into the text as written, by character offsets (Unicode scalar
//! values). [`to_simplified`] therefore maps every character to exactly one
//! character, never to none or to two: the copy has the same number of characters
//! as the original, and an offset found in the copy is the same offset in the
//! original. OpenCC's phrase dictionary (`TSPhrases`, which keeps `乾` in `乾隆`)
//! is not used: folding is one table lookup per character, with no context.
//!
//! Byte offsets are *not* preserved: some characters change their UTF-8 length
//! (`㑮` is three bytes, its Simplified `𫝈` four). Work in characters.
//!
//! The table, `data/t2s.tsv`, comes from OpenCC's `TSCharacters` dictionary
//! (Apache-2.0) and is made by `scripts/gen-t2s.py`, which documents its source
//! and rules: first OpenCC candidate, identity entries dropped, chains resolved
//! so that folding twice is the same as folding once.
//!
//! A few keys of the table also occur in Simplified text (for instance `乾` in
//! `乾隆`, the surname `於`, `後`, `徵`, `麽`); they are folded all the same, as
//! OpenCC's first candidate says. So Simplified text can show a small nonzero
//! [`traditional_share`].

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The table as shipped: `TRAD<TAB>SIMP` lines after a `#` comment header.
const TABLE: &str = include_str!("../data/t2s.tsv");

/// Traditional character to Simplified character, parsed once.
static T2S: LazyLock<HashMap<char, char>> =
    LazyLock::new(|| table_lines().filter_map(parse_line).collect());

/// The data lines of [`TABLE`]: not empty, not comments.
fn table_lines() -> impl Iterator<Item = &'static str> {
    TABLE
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// One `TRAD<TAB>SIMP` line, each side exactly one character.
fn parse_line(line: &str) -> Option<(char, char)> {
    let (trad, simp) = line.split_once('\t')?;
    Some((single_char(trad)?, single_char(simp)?))
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// The Simplified form of `text`, with exactly as many characters as `text`.
///
/// Each Traditional character in the table becomes its Simplified character;
/// everything else (Simplified, Latin, digits, punctuation) is kept. Returns
/// [`Cow::Borrowed`] when nothing changes.
///
/// # Example
///
/// ```
/// use govgraph::script::to_simplified;
///
/// assert_eq!(to_simplified("區委書記郭亮出席會議"), "区委书记郭亮出席会议");
/// assert_eq!(to_simplified("龍崗區"), "龙岗区");
/// assert_eq!(to_simplified("盧"), "卢");
///
/// // Offsets carry over: same number of characters.
/// let text = "深圳市龍崗區2024年發佈會";
/// assert_eq!(to_simplified(text).chars().count(), text.chars().count());
///
/// // Simplified text is not copied.
/// assert!(matches!(to_simplified("区委书记"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn to_simplified(text: &str) -> Cow<'_, str> {
    let table = &*T2S;
    let Some(first) = text.find(|c| table.contains_key(&c)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    out.extend(
        text[first..]
            .chars()
            .map(|c| table.get(&c).copied().unwrap_or(c)),
    );
    Cow::Owned(out)
}

/// Whether `c` is a Traditional character that [`to_simplified`] changes.
///
/// # Example
///
/// ```
/// use govgraph::script::is_traditional;
///
/// assert!(is_traditional('區'));
/// assert!(!is_traditional('区'));
/// assert!(!is_traditional('工'));
/// assert!(!is_traditional('A'));
/// ```
pub fn is_traditional(c: char) -> bool {
    T2S.contains_key(&c)
}

/// The fraction of Han characters in `text` that are Traditional (see
/// [`is_traditional`]); `0.0` when there are none. For diagnostics: which
/// documents were written in Traditional.
///
/// # Example
///
/// ```
/// use govgraph::script::traditional_share;
///
/// assert_eq!(traditional_share("區委書記"), 0.75); // 委 is the same in both
/// assert_eq!(traditional_share("区委书记"), 0.0);
/// assert_eq!(traditional_share("2024 GDP"), 0.0);
/// ```
pub fn traditional_share(text: &str) -> f32 {
    let (han, traditional) = text
        .chars()
        .filter(|&c| is_han(c))
        .fold((0usize, 0usize), |(han, trad), c| {
            (han + 1, trad + usize::from(is_traditional(c)))
        });
    if han == 0 {
        0.0
    } else {
        traditional as f32 / han as f32
    }
}

/// CJK unified and compatibility ideographs, all extensions.
pub(crate) fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FA1F}'
            | '\u{30000}'..='\u{323AF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_line_parses() {
        let mut count = 0;
        for (number, line) in TABLE.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            assert!(!line.is_empty(), "empty line {}", number + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 2, "line {}: {line:?}", number + 1);
            assert!(
                fields.iter().all(|f| f.chars().count() == 1),
                "line {}: not one character on each side: {line:?}",
                number + 1
            );
            assert!(parse_line(line).is_some(), "line {}", number + 1);
            count += 1;
        }
        assert!(count > 4000, "table has only {count} entries");
        // No duplicate keys: every line made it into the map.
        assert_eq!(T2S.len(), count);
    }

    #[test]
    fn table_is_sorted_with_no_identity_entries_and_no_chains() {
        let pairs: Vec<(char, char)> = table_lines().filter_map(parse_line).collect();
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0), "not sorted");
        for &(trad, simp) in &pairs {
            assert_ne!(trad, simp);
            assert!(!T2S.contains_key(&simp), "{trad} -> {simp} is a chain");
        }
    }

    #[test]
    fn table_header_names_source_and_licence() {
        let header: Vec<&str> = TABLE.lines().take_while(|l| l.starts_with('#')).collect();
        assert!(header.iter().any(|l| l.contains("OpenCC")));
        assert!(header.iter().any(|l| l.contains("Apache")));
    }

    #[test]
    fn char_count_preserved_on_long_mixed_text() {
        let text = "【香港商報訊】2024年3月15日，深圳市龍崗區委書記郭亮率隊赴寶安區、\
                    南山區調研重點項目建設情況，並出席區政府常務會議。會議強調，要堅持\
                    「穩中求進」工作總基調，加快推進Shenzhen–Hong Kong合作區（前海）\
                    建設；區長、副區長及各街道黨工委書記參加。㑮𠀀 ABC 123 😀\n\
                    鎮黨委書記、縣長、廣州市天河區、杭州市餘杭區亦有代表出席發佈會。";
        let simplified = to_simplified(text);
        assert!(matches!(simplified, Cow::Owned(_)));
        assert_eq!(simplified.chars().count(), text.chars().count());
        // Position by position: a character changes only if it is Traditional.
        for (a, b) in text.chars().zip(simplified.chars()) {
            assert_eq!(a != b, is_traditional(a), "{a} -> {b}");
            assert!(!is_traditional(b), "{b} still Traditional");
        }
        assert!(simplified.contains("龙岗区委书记郭亮"));
        assert!(simplified.contains("Shenzhen–Hong Kong"));
        // Folding is idempotent.
        assert_eq!(to_simplified(&simplified), simplified);
    }

    #[test]
    fn simplified_text_is_borrowed_and_unchanged() {
        let text =
            "深圳市龙岗区委书记郭亮出席区政府常务会议，强调加快推进重点项目建设。工程 GDP 2024";
        let out = to_simplified(text);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(out, text);
        assert_eq!(traditional_share(text), 0.0);
        assert!(matches!(to_simplified(""), Cow::Borrowed("")));
    }

    #[test]
    fn common_government_words() {
        let cases = [
            ("會議", "会议"),
            ("會見", "会见"),
            ("調研", "调研"),
            ("檢查", "检查"),
            ("書記", "书记"),
            ("區長", "区长"),
            ("縣長", "县长"),
            ("鎮黨委書記", "镇党委书记"),
            ("街道黨工委書記", "街道党工委书记"),
            ("廣州", "广州"),
            ("天河區", "天河区"),
            ("海澱區", "海淀区"),
            ("海淀區", "海淀区"),
            ("餘杭區", "余杭区"),
            ("發佈會", "发布会"),
            ("項目", "项目"),
            ("工程", "工程"),
            ("龍崗區", "龙岗区"),
            ("盧", "卢"),
        ];
        for (trad, simp) in cases {
            assert_eq!(to_simplified(trad), simp, "{trad}");
        }
        assert!(matches!(to_simplified("工程"), Cow::Borrowed(_)));
    }

    #[test]
    fn traditional_share_counts_han_only() {
        assert_eq!(traditional_share(""), 0.0);
        assert_eq!(traditional_share("會議 meeting 2024"), 1.0);
        assert_eq!(traditional_share("會议"), 0.5);
        assert!(traditional_share("龍崗區委書記郭亮") > 0.5);
    }

    #[test]
    fn supplementary_plane_characters() {
        // 㑮 (BMP) folds to 𫝈 (plane 2): one character, more bytes.
        assert_eq!(to_simplified("㑮"), "𫝈");
        assert!(is_han('𫝈') && !is_traditional('𫝈'));
    }
}
