//! Dates as users type them, for every date option of the command line.
//!
//! A date option takes a day, a month or a year ([`DATE_FORMS`]), each a span
//! of days ([`DateSpan`]): `2024-12-11` is one day, `2024-12` the days from
//! 2024-12-01 to 2024-12-31, `2024` those from 2024-01-01 to 2024-12-31. Which
//! end counts depends on the option: `--from` takes the first day, `--to` the
//! last, `--date` (attendees) the whole span, `--on` (officials) the last day:
//! the holders at the end of the month or year. Every day is written in ISO
//! 8601 (`2024-12-11`), the form graph.json uses, so that dates compare as
//! strings. A date that does not exist (2024-02-30) is refused rather than
//! silently moved. `query` and `export` use this one parser.

use super::QueryError;

/// The forms a date option accepts, as error messages and help list them.
pub const DATE_FORMS: &str = "a day (2024-12-11, 2024/12/11, 2024.12.11, 2024年12月11日), \
     a month (2024-12, 2024/12, 2024年12月) or a year (2024, 2024年)";

/// A day, month or year typed by a user: its first and last day, in ISO 8601.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpan {
    /// The first day: the day itself, the 1st of the month, January 1st.
    pub first: String,
    /// The last day: the day itself, the last of the month, December 31st.
    pub last: String,
}

impl DateSpan {
    /// The span of a date typed as a day (2024-12-11, 2024/12/11, 2024.12.11,
    /// 2024年12月11日), a month (2024-12, 2024/12, 2024.12, 2024年12月) or a
    /// year (2024, 2024年); full-width digits and separators, one-digit months
    /// and days, and 号 for 日 are accepted.
    ///
    /// # Example
    /// ```
    /// use govgraph::query::DateSpan;
    /// let december = DateSpan::parse("２０２４年１２月").unwrap();
    /// assert_eq!((december.first.as_str(), december.last.as_str()), ("2024-12-01", "2024-12-31"));
    /// assert_eq!(DateSpan::parse("2024").unwrap().last, "2024-12-31");
    /// assert!(DateSpan::parse("2024-02-30").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<DateSpan, QueryError> {
        let bad = || QueryError::BadDate(text.trim().to_string());
        let (y, m, d) = parts(text).ok_or_else(bad)?;
        if y == 0 {
            return Err(bad());
        }
        let Some(m) = m else {
            return Ok(DateSpan {
                first: format!("{y:04}-01-01"),
                last: format!("{y:04}-12-31"),
            });
        };
        let days = days_in_month(y, m).ok_or_else(bad)?;
        match d {
            None => Ok(DateSpan {
                first: format!("{y:04}-{m:02}-01"),
                last: format!("{y:04}-{m:02}-{days:02}"),
            }),
            Some(d) if (1..=days).contains(&d) => {
                let day = format!("{y:04}-{m:02}-{d:02}");
                Ok(DateSpan {
                    first: day.clone(),
                    last: day,
                })
            }
            Some(_) => Err(bad()),
        }
    }

    /// True when the span is one day.
    pub fn is_day(&self) -> bool {
        self.first == self.last
    }

    /// True when the days `from..=to` (ISO) share a day with the span.
    pub fn meets(&self, from: &str, to: &str) -> bool {
        from <= self.last.as_str() && to >= self.first.as_str()
    }
}

/// The ISO form of a date typed as one day: 2024-12-11, 2024/12/11,
/// 2024.12.11 or 2024年12月11日 (full-width digits and one-digit months and
/// days accepted). A month or a year is refused: [`DateSpan::parse`] takes them.
///
/// # Example
/// ```
/// use govgraph::query::parse_date;
/// assert_eq!(parse_date("2024年4月24日").unwrap(), "2024-04-24");
/// assert_eq!(parse_date("2024/12/11").unwrap(), "2024-12-11");
/// assert!(parse_date("2024-13-01").is_err());
/// assert!(parse_date("2024-12").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<String, QueryError> {
    let span = DateSpan::parse(text)?;
    if !span.is_day() {
        return Err(QueryError::BadArgument(format!(
            "{:?} is a month or a year, not a day",
            text.trim()
        )));
    }
    Ok(span.first)
}

/// The span of an optional date.
pub(crate) fn parse_span_opt(text: &Option<String>) -> Result<Option<DateSpan>, QueryError> {
    text.as_deref().map(DateSpan::parse).transpose()
}

/// The first day of an optional date, for a lower bound (`--from`).
pub(crate) fn parse_from(text: &Option<String>) -> Result<Option<String>, QueryError> {
    Ok(parse_span_opt(text)?.map(|s| s.first))
}

/// The last day of an optional date, for an upper bound (`--to`, `--on`).
pub(crate) fn parse_to(text: &Option<String>) -> Result<Option<String>, QueryError> {
    Ok(parse_span_opt(text)?.map(|s| s.last))
}

/// True when `date` lies within the optional bounds (inclusive).
pub(crate) fn within(date: &str, from: Option<&str>, to: Option<&str>) -> bool {
    from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t)
}

/// Year, month and day as typed, unchecked against the calendar; `None` when
/// the text has none of the accepted forms.
fn parts(text: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    // Full-width digits and separators as their ASCII twins.
    let s: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' => '-',
            '／' => '/',
            '．' => '.',
            c => c,
        })
        .collect();
    let number = |p: &str, min: usize, max: usize| -> Option<u32> {
        (p.len() >= min && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = |p: &str| number(p, 4, 4);
    let small = |p: &str| number(p, 1, 2);
    if let Some((y, rest)) = s.split_once('年') {
        // 2024年, 2024年12月, 2024年12月11日 (or 号, or no mark after the day).
        let y = year(y)?;
        if rest.is_empty() {
            return Some((y, None, None));
        }
        let (m, rest) = rest.split_once('月')?;
        let m = small(m)?;
        if rest.is_empty() {
            return Some((y, Some(m), None));
        }
        let d = rest
            .strip_suffix('日')
            .or_else(|| rest.strip_suffix('号'))
            .unwrap_or(rest);
        return Some((y, Some(m), Some(small(d)?)));
    }
    // 2024, or 2024-12(-11) with one separator throughout: -, / or .
    let sep = s.chars().find(|c| !c.is_ascii_digit());
    let fields: Vec<&str> = match sep {
        None => vec![s.as_str()],
        Some(sep @ ('-' | '/' | '.')) => s.split(sep).collect(),
        Some(_) => return None,
    };
    match fields.as_slice() {
        [y] => Some((year(y)?, None, None)),
        [y, m] => Some((year(y)?, Some(small(m)?), None)),
        [y, m, d] => Some((year(y)?, Some(small(m)?), Some(small(d)?))),
        _ => None,
    }
}

/// The number of days of month `m` of year `y`; `None` for no such month.
fn days_in_month(y: u32, m: u32) -> Option<u32> {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> (String, String) {
        let s = DateSpan::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (s.first, s.last)
    }

    fn day(d: &str) -> (String, String) {
        (d.to_string(), d.to_string())
    }

    #[test]
    fn accepts_every_form_of_a_day() {
        for text in [
            "2024-12-11",
            "2024/12/11",
            "2024.12.11",
            "2024年12月11日",
            "2024年12月11号",
            "2024年12月11",
            " 2024.12.11 ",
            "２０２４年１２月１１日",
            "２０２４－１２－１１",
            "２０２４／１２／１１",
        ] {
            assert_eq!(span(text), day("2024-12-11"), "{text}");
            assert_eq!(parse_date(text).unwrap(), "2024-12-11", "{text}");
        }
        assert_eq!(span("2024-4-3"), day("2024-04-03"));
        assert_eq!(span("2024年4月3日"), day("2024-04-03"));
        assert_eq!(span("2024-02-29"), day("2024-02-29"));
        assert_eq!(span("2000-02-29"), day("2000-02-29"));
    }

    #[test]
    fn a_month_runs_from_its_first_day_to_its_last() {
        let december = ("2024-12-01".to_string(), "2024-12-31".to_string());
        for text in [
            "2024-12",
            "2024/12",
            "2024.12",
            "2024年12月",
            "２０２４年１２月",
        ] {
            assert_eq!(span(text), december, "{text}");
        }
        assert_eq!(span("2024-2").1, "2024-02-29");
        assert_eq!(span("2023年2月").1, "2023-02-28");
        assert_eq!(span("1900-02").1, "1900-02-28");
        assert_eq!(span("2024-04").1, "2024-04-30");
    }

    #[test]
    fn a_year_runs_from_january_to_december() {
        let year = ("2024-01-01".to_string(), "2024-12-31".to_string());
        for text in ["2024", "2024年", "２０２４", "２０２４年", " 2024 "] {
            assert_eq!(span(text), year, "{text}");
        }
        assert!(!DateSpan::parse("2024").unwrap().is_day());
        assert!(DateSpan::parse("2024-01-01").unwrap().is_day());
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "",
            " ",
            "yesterday",
            "2024-02-30",
            "2023-02-29",
            "24-12-11",
            "24",
            "20241211",
            "2024-12-11-1",
            "2024-00-10",
            "2024-13",
            "2024-00",
            "2024-1x-10",
            "2024-12-",
            "2024-",
            "-2024",
            "2024--11",
            "2024-12/11",
            "2024年13月",
            "2024年12月32日",
            "2024年12月11日日",
            "2024年12",
            "12月11日",
            "0000",
            "2024-123",
            "2024-12-011",
        ] {
            assert!(DateSpan::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn the_error_quotes_the_date_and_lists_the_forms() {
        let err = DateSpan::parse("2024-13-01").unwrap_err().to_string();
        assert!(err.starts_with("bad date \"2024-13-01\": "), "{err}");
        assert!(err.contains(DATE_FORMS), "{err}");
    }

    #[test]
    fn parse_date_wants_a_day() {
        assert!(matches!(
            parse_date("2024-12"),
            Err(QueryError::BadArgument(_))
        ));
        assert!(matches!(parse_date("2024-13"), Err(QueryError::BadDate(_))));
    }

    #[test]
    fn bounds_take_the_right_end() {
        let month = Some("2024年12月".to_string());
        assert_eq!(parse_from(&month).unwrap().as_deref(), Some("2024-12-01"));
        assert_eq!(parse_to(&month).unwrap().as_deref(), Some("2024-12-31"));
        assert_eq!(parse_from(&None).unwrap(), None);
        let s = DateSpan::parse("2024-12").unwrap();
        assert!(s.meets("2024-11-30", "2024-12-01"));
        assert!(s.meets("2024-12-31", "2024-12-31"));
        assert!(!s.meets("2025-01-01", "2025-01-02"));
        assert!(!s.meets("2024-11-01", "2024-11-30"));
    }
}
