//! Dates as users type them: 2024-12-11, 2024/12/11, 2024年12月11日.
//!
//! Every date is turned into ISO 8601 (`2024-12-11`), the form graph.json uses,
//! so that dates compare as strings. A date that does not exist (2024-02-30) is
//! refused rather than silently moved.

use super::QueryError;

/// The ISO form of a date typed as 2024-12-11, 2024/12/11, 2024.12.11 or
/// 2024年12月11日 (full-width digits and one-digit months and days accepted).
///
/// # Example
/// ```
/// use govgraph::query::parse_date;
/// assert_eq!(parse_date("2024年4月24日").unwrap(), "2024-04-24");
/// assert_eq!(parse_date("2024/12/11").unwrap(), "2024-12-11");
/// assert!(parse_date("2024-13-01").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<String, QueryError> {
    let bad = || QueryError::BadDate(text.to_string());
    let mut s = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).ok_or_else(bad)?,
            '年' | '月' | '/' | '.' | '／' | '－' => '-',
            '日' | '号' => continue,
            c => c,
        };
        s.push(c);
    }
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let digits = |p: &str, max_len: usize| {
        !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit())
    };
    if y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return Err(bad());
    }
    let (y, m, d): (u32, u32, u32) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days {
        return Err(bad());
    }
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

/// Parses an optional date.
pub(crate) fn parse_opt(text: &Option<String>) -> Result<Option<String>, QueryError> {
    text.as_deref().map(parse_date).transpose()
}

/// True when `date` lies within the optional bounds (inclusive).
pub(crate) fn within(date: &str, from: Option<&str>, to: Option<&str>) -> bool {
    from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_three_forms() {
        for text in [
            "2024-12-11",
            "2024/12/11",
            "2024年12月11日",
            " 2024.12.11 ",
            "２０２４年１２月１１日",
        ] {
            assert_eq!(parse_date(text).unwrap(), "2024-12-11", "{text}");
        }
        assert_eq!(parse_date("2024-4-3").unwrap(), "2024-04-03");
        assert_eq!(parse_date("2024-02-29").unwrap(), "2024-02-29");
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "",
            "yesterday",
            "2024-02-30",
            "2023-02-29",
            "24-12-11",
            "2024-12",
            "2024-12-11-1",
            "2024-00-10",
            "2024-1x-10",
        ] {
            assert!(parse_date(text).is_err(), "{text}");
        }
    }
}
