//! Calendar days, and the calendar knowledge dates need: weeks, holidays, solar
//! terms and the lunar calendar.
//!
//! This module knows dates, not text: [`super::mention::date`] reads what a
//! sentence writes, and [`super::mention::date::Clock`] turns it into days against what the document
//! says of its own time (its publication date, the period it reports on, the
//! last date read). Lunar days and solar terms come from `tyme4rs`, the Rust
//! port of the 6tail calendar libraries (MIT), which the Chinese calendar
//! community maintains and tests against the Purple Mountain Observatory tables.

use tyme4rs::tyme::lunar::LunarDay;
use tyme4rs::tyme::solar::SolarTerm;

/// A calendar day of the proleptic Gregorian calendar. Serialised as its ISO
/// 8601 form (`"2024-12-11"`), as graph.json writes days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Day::parse_iso(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 day: {s:?}")))
    }
}

/// The years a date may name: what govgraph will ever write into a graph.
/// Outside them a date is taken for a typo and left undated.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

impl Day {
    /// The day, if it exists (and its year is in [`YEARS`]).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        (YEARS.contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Day { year, month, day })
    }

    /// ISO 8601: 2024-12-11.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Reads `YYYY-MM-DD` (and ignores what follows it).
    pub fn parse_iso(s: &str) -> Option<Day> {
        let mut it = s.get(..10)?.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Day::new(y, m, d)
    }

    /// Days since 0000-03-01: the distance between two days is a subtraction.
    pub fn ordinal(&self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 12)
        } else {
            (self.year as i64, self.month as i64)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + self.day as i64
    }

    /// `n` days later (earlier for negative `n`); `None` outside [`YEARS`].
    pub fn add_days(&self, n: i64) -> Option<Day> {
        let mut d = *self;
        if n >= 0 {
            for _ in 0..n {
                d = d.next();
            }
        } else {
            for _ in 0..-n {
                d = d.previous();
            }
        }
        YEARS.contains(&d.year).then_some(d)
    }

    pub fn next(&self) -> Day {
        if self.day < days_in_month(self.year, self.month) {
            Day {
                day: self.day + 1,
                ..*self
            }
        } else if self.month < 12 {
            Day {
                month: self.month + 1,
                day: 1,
                ..*self
            }
        } else {
            Day {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }

    pub fn previous(&self) -> Day {
        if self.day > 1 {
            Day {
                day: self.day - 1,
                ..*self
            }
        } else if self.month > 1 {
            Day {
                month: self.month - 1,
                day: days_in_month(self.year, self.month - 1),
                ..*self
            }
        } else {
            Day {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }

    /// 1 for Monday to 7 for Sunday (ISO 8601).
    pub fn weekday(&self) -> u32 {
        // The ordinal of a Monday is 6 modulo 7 (2024-12-09 was a Monday).
        ((self.ordinal() + 1).rem_euclid(7) + 1) as u32
    }

    /// The same day `n` months later, if it exists.
    pub fn add_months(&self, n: i32, day: u32) -> Option<Day> {
        let months = self.year * 12 + self.month as i32 - 1 + n;
        Day::new(
            months.div_euclid(12),
            (months.rem_euclid(12) + 1) as u32,
            day,
        )
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The days a date names: one day, or a span from `first` to `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub first: Day,
    pub last: Option<Day>,
}

impl Dated {
    pub fn day(first: Day) -> Dated {
        Dated { first, last: None }
    }

    /// A span, or one day when `last` is not after `first`.
    pub fn span(first: Day, last: Day) -> Dated {
        Dated {
            first,
            last: (last > first).then_some(last),
        }
    }
}

/// The span of days a document reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Period {
    pub from: Day,
    pub to: Day,
}

/// A solar (Gregorian) day of a lunar date: `year` is the lunar year, which
/// starts at 春节. `None` for a day the lunar month does not have.
pub fn lunar_to_solar(year: i32, month: u32, day: u32) -> Option<Day> {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let lunar = LunarDay::new(year as isize, month as isize, day as usize).ok()?;
    let s = lunar.get_solar_day();
    Day::new(
        s.get_year() as i32,
        s.get_month() as u32,
        s.get_day() as u32,
    )
}

/// The 24 solar terms (节气), in the order of the year from 小寒.
pub const SOLAR_TERMS: [&str; 24] = [
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
    "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
];

/// The day of a solar term (清明, 冬至 ...) in a solar year; `None` for a
/// name that is no solar term.
pub fn solar_term(year: i32, name: &str) -> Option<Day> {
    // tyme4rs panics on a name it does not know: only ever pass it one of ours.
    if !YEARS.contains(&year) || !SOLAR_TERMS.contains(&name) {
        return None;
    }
    // tyme4rs counts a year's terms from the 冬至 before it.
    for y in [year, year + 1] {
        let term = SolarTerm::new(y as isize, name).ok()?;
        let s = term.get_solar_day();
        if s.get_year() as i32 == year {
            return Day::new(year, s.get_month() as u32, s.get_day() as u32);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Day {
        Day::parse_iso(s).unwrap()
    }

    #[test]
    fn weekdays_and_arithmetic() {
        assert_eq!(d("2024-12-11").weekday(), 3);
        assert_eq!(d("2021-06-20").weekday(), 7);
        assert_eq!(d("2024-03-01").add_days(-1), Some(d("2024-02-29")));
        assert_eq!(d("2024-12-31").add_days(1), Some(d("2025-01-01")));
        assert_eq!(d("2021-06-14").add_months(-1, 30), Some(d("2021-05-30")));
        assert_eq!(Day::new(10000, 1, 1), None);
    }

    #[test]
    fn lunar_days_and_solar_terms() {
        assert_eq!(lunar_to_solar(2024, 1, 15), Some(d("2024-02-24")));
        assert_eq!(lunar_to_solar(2024, 12, 23), Some(d("2025-01-22")));
        assert_eq!(solar_term(2024, "清明"), Some(d("2024-04-04")));
        assert_eq!(solar_term(2024, "冬至"), Some(d("2024-12-21")));
        assert_eq!(solar_term(2025, "立春"), Some(d("2025-02-03")));
        assert_eq!(solar_term(2024, "不是节气"), None);
    }
}
