//! Dates: the document's period, and every day mention resolved to ISO 8601.
//!
//! Weekly round-ups write "12月11日" and leave the year to the heading
//! ("2024年12月9日至12月15日"), so the period is found first and lends its year
//! (the nearer one, when a week spans new year) to every day that lacks one.
//! A day with no year anywhere in reach gets no date: an undated fact is better
//! than a wrongly dated one. "13日" takes its month from the last date read;
//! "同日"/"当晚" repeat it and "次日" adds a day. "近日"/"本周" mark a sentence as
//! undated on purpose.

use std::sync::LazyLock;

use regex::Regex;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Day { year, month, day })
    }

    /// ISO 8601: 2024-12-11.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    pub fn parse_iso(s: &str) -> Option<Day> {
        let mut it = s.get(..10)?.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Day::new(y, m, d)
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

    /// Days since 0000-03-01, for distances between days.
    fn ordinal(&self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 12)
        } else {
            (self.year as i64, self.month as i64)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + self.day as i64
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The days a mention names: one day, or a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub first: Day,
    pub last: Option<Day>,
}

/// What a sentence says about its own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceDate {
    /// It names its day (or span).
    Own(Dated),
    /// It says "近日", "本周" ...: deliberately undated.
    Undated,
    /// It says nothing: it continues the sentence before.
    Silent,
}

/// The period a document reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Day,
    pub to: Day,
}

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日?(?:[上下]午|晚上?)?\s*(?:至|到|-|—|–|~|～)\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日").unwrap()
});
static SINGLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日").unwrap());
static DAY_ONLY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{1,2})日").unwrap());
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年").unwrap());

/// A dateline with a time, as news sites print when they published a story:
/// "2024-11-14 08:12:03 来源:杭州日报", "2025年4月18日 08:30".
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*\d{1,2}:\d{2}").unwrap()
});

/// Words that count days back from the day a story was published.
const DAYS_BEFORE_PUBLICATION: &[(&str, u32)] = &[
    ("今天", 0),
    ("今日", 0),
    ("昨天", 1),
    ("昨日", 1),
    ("前天", 2),
];

/// Words that repeat the previous date, or add a day to it.
const SAME_DAY: &[&str] = &["同日", "当日", "当天", "当晚", "同一天"];
const NEXT_DAY: &[&str] = &["次日", "翌日", "第二天"];
/// Words that mark a sentence as deliberately undated.
const UNDATED: &[&str] = &[
    "近日",
    "日前",
    "近期",
    "本周",
    "上周",
    "这周",
    "近年来",
    "近年",
    "此前",
    "今年以来",
    "近来",
];

/// Resolves day mentions within one document.
#[derive(Debug, Clone)]
pub struct DateResolver {
    pub period: Option<Period>,
    year: Option<i32>,
    /// The day the story was published, which "昨天" counts back from.
    published: Option<Day>,
    /// The last date read, for "13日" and "同日".
    last: Option<Day>,
}

impl DateResolver {
    /// Reads the period and year of a document from its opening and front matter.
    pub fn for_document(text: &str, title: Option<&str>, front_date: Option<&str>) -> DateResolver {
        let opening: String = text.chars().take(600).collect();
        let mut period = None;
        for source in [Some(opening.as_str()), title].into_iter().flatten() {
            if let Some(c) = RANGE.captures(source) {
                let y1 = c.get(1).and_then(|m| m.as_str().parse().ok());
                let y2 = c.get(4).and_then(|m| m.as_str().parse().ok()).or(y1);
                if let (Some(y1), Some(y2)) = (y1, y2) {
                    let m1: u32 = c[2].parse().unwrap_or(0);
                    let d1: u32 = c[3].parse().unwrap_or(0);
                    let m2: u32 = c.get(5).and_then(|m| m.as_str().parse().ok()).unwrap_or(m1);
                    let d2: u32 = c[6].parse().unwrap_or(0);
                    if let (Some(from), Some(to)) = (Day::new(y1, m1, d1), Day::new(y2, m2, d2)) {
                        period = Some(Period { from, to });
                        break;
                    }
                }
            }
        }
        let dateline = PUBLISHED
            .captures(&opening)
            .and_then(|c| Day::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?));
        let published = front_date.and_then(Day::parse_iso).or(dateline);
        let head: String = text.chars().take(2000).collect();
        let year = period
            .map(|p| p.from.year)
            .or(published.map(|d| d.year))
            .or_else(|| YEAR.captures(&head).and_then(|c| c[1].parse().ok()));
        let period = period.or(published.map(|d| Period { from: d, to: d }));
        DateResolver {
            period,
            year,
            published,
            last: None,
        }
    }

    /// The year a month and day without one belong to.
    fn year_for(&self, month: u32, day: u32) -> Option<i32> {
        if let Some(p) = self.period {
            // The candidate year nearest the period wins (a week across new year).
            let mut best: Option<(i64, i32)> = None;
            for y in [p.from.year - 1, p.from.year, p.to.year, p.to.year + 1] {
                if let Some(d) = Day::new(y, month, day) {
                    let dist = if d < p.from {
                        p.from.ordinal() - d.ordinal()
                    } else if d > p.to {
                        d.ordinal() - p.to.ordinal()
                    } else {
                        0
                    };
                    // Round-ups look back, not forward: a later date is penalised.
                    let dist = if d > p.to { dist * 3 } else { dist };
                    if best.is_none_or(|(b, _)| dist < b) {
                        best = Some((dist, y));
                    }
                }
            }
            return best.map(|(_, y)| y);
        }
        self.year
    }

    /// Finds the date a sentence states about itself, and remembers it.
    pub fn sentence_date(&mut self, sentence: &str, previous: Option<Dated>) -> SentenceDate {
        let start: String = sentence.chars().take(6).collect();
        if let Some(prev) = previous.or(self.last.map(|d| Dated {
            first: d,
            last: None,
        })) {
            if NEXT_DAY.iter().any(|w| start.starts_with(w)) {
                let next = prev.first.next();
                self.last = Some(next);
                return SentenceDate::Own(Dated {
                    first: next,
                    last: None,
                });
            }
            // "同日" restates the last date read, even across a paragraph break.
            if SAME_DAY.iter().any(|w| start.starts_with(w)) {
                return SentenceDate::Own(prev);
            }
        }
        if let Some((_, back)) = DAYS_BEFORE_PUBLICATION
            .iter()
            .find(|(w, _)| start.starts_with(w))
        {
            let Some(published) = self.published else {
                return SentenceDate::Undated;
            };
            let day = (0..*back).fold(published, |d, _| d.previous());
            self.last = Some(day);
            return SentenceDate::Own(Dated {
                first: day,
                last: None,
            });
        }
        if let Some(dated) = self.first_date_in(sentence) {
            return SentenceDate::Own(dated);
        }
        let head: String = sentence.chars().take(12).collect();
        if UNDATED.iter().any(|w| head.contains(w)) {
            return SentenceDate::Undated;
        }
        SentenceDate::Silent
    }

    /// The first date written in `text` outside quotes and book titles.
    pub fn first_date_in(&mut self, text: &str) -> Option<Dated> {
        let guarded = mask_quoted(text);
        let mut found: Vec<(usize, Dated)> = Vec::new();
        if let Some(c) = RANGE.captures(&guarded) {
            let m1: u32 = c[2].parse().ok()?;
            let d1: u32 = c[3].parse().ok()?;
            let y1 = c
                .get(1)
                .and_then(|m| m.as_str().parse().ok())
                .or_else(|| self.year_for(m1, d1));
            let m2: u32 = c.get(5).and_then(|m| m.as_str().parse().ok()).unwrap_or(m1);
            let d2: u32 = c[6].parse().ok()?;
            if let Some(y1) = y1 {
                let y2 = c
                    .get(4)
                    .and_then(|m| m.as_str().parse().ok())
                    .unwrap_or(if m2 < m1 { y1 + 1 } else { y1 });
                if let (Some(a), Some(b)) = (Day::new(y1, m1, d1), Day::new(y2, m2, d2))
                    && b > a
                {
                    found.push((
                        c.get(0).map_or(0, |m| m.start()),
                        Dated {
                            first: a,
                            last: Some(b),
                        },
                    ));
                }
            }
        }
        for c in SINGLE.captures_iter(&guarded) {
            let m: u32 = c[2].parse().unwrap_or(0);
            let d: u32 = c[3].parse().unwrap_or(0);
            let y = c
                .get(1)
                .and_then(|y| y.as_str().parse().ok())
                .or_else(|| self.year_for(m, d));
            if let Some(day) = y.and_then(|y| Day::new(y, m, d)) {
                found.push((
                    c.get(0).map_or(0, |m| m.start()),
                    Dated {
                        first: day,
                        last: None,
                    },
                ));
                break;
            }
        }
        if let Some(last) = self.last {
            for c in DAY_ONLY.captures_iter(&guarded) {
                let m0 = c.get(0).map_or(0, |m| m.start());
                let before = guarded[..m0].chars().next_back();
                if before.is_some_and(|b| b.is_ascii_digit() || b == '月' || b == '-' || b == '至')
                {
                    continue;
                }
                let d: u32 = c[1].parse().unwrap_or(0);
                if let Some(day) = Day::new(last.year, last.month, d) {
                    found.push((
                        m0,
                        Dated {
                            first: day,
                            last: None,
                        },
                    ));
                }
                break;
            }
        }
        // The earliest mention wins; at one place a span beats a single day.
        found.sort_by_key(|(at, d)| (*at, d.last.is_none()));
        let (_, dated) = found.into_iter().next()?;
        self.last = Some(dated.first);
        Some(dated)
    }
}

/// Blanks out what stands inside 《》 and “” so dates in titles are not read.
fn mask_quoted(text: &str) -> String {
    let mut depth = 0;
    text.chars()
        .map(|c| match c {
            '《' | '“' => {
                depth += 1;
                c
            }
            '》' | '”' => {
                depth = (depth - 1).max(0);
                c
            }
            c if depth > 0 && c.is_ascii_digit() => '_',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver() -> DateResolver {
        DateResolver::for_document("2024年12月9日至12月15日。\n本周...", None, None)
    }

    fn own(r: &mut DateResolver, s: &str) -> (String, Option<String>) {
        match r.sentence_date(s, None) {
            SentenceDate::Own(d) => (d.first.iso(), d.last.map(|l| l.iso())),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn period_comes_from_the_opening() {
        let r = resolver();
        let p = r.period.unwrap();
        assert_eq!(
            (p.from.iso(), p.to.iso()),
            ("2024-12-09".into(), "2024-12-15".into())
        );
    }

    #[test]
    fn days_take_the_period_year() {
        let mut r = resolver();
        assert_eq!(
            own(&mut r, "12月11日,福田举办发布会。"),
            ("2024-12-11".into(), None)
        );
    }

    #[test]
    fn spans_keep_start_and_end() {
        let mut r = resolver();
        assert_eq!(
            own(&mut r, "12月11至14日,连续4天赴街道。"),
            ("2024-12-11".into(), Some("2024-12-14".into()))
        );
        assert_eq!(
            own(&mut r, "12月9日至13日,密集会见企业。"),
            ("2024-12-09".into(), Some("2024-12-13".into()))
        );
        let mut r = DateResolver::for_document("2024年4月22日至4月28日。", None, None);
        assert_eq!(
            own(&mut r, "4月24日至27日,率队赴北京。"),
            ("2024-04-24".into(), Some("2024-04-27".into()))
        );
        assert_eq!(
            own(&mut r, "4月26-27日,赴北京。"),
            ("2024-04-26".into(), Some("2024-04-27".into()))
        );
    }

    #[test]
    fn bare_day_takes_the_month_read_last() {
        let mut r = resolver();
        own(&mut r, "12月11至14日,检查。");
        assert_eq!(
            own(&mut r, "13日通过公众号推出活动。"),
            ("2024-12-13".into(), None)
        );
    }

    #[test]
    fn relative_days() {
        let mut r = resolver();
        let prev = Dated {
            first: Day::new(2024, 12, 10).unwrap(),
            last: None,
        };
        assert_eq!(
            r.sentence_date("同日,参加会议。", Some(prev)),
            SentenceDate::Own(prev)
        );
        match r.sentence_date("次日,出发。", Some(prev)) {
            SentenceDate::Own(d) => assert_eq!(d.first.iso(), "2024-12-11"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn yesterday_counts_back_from_the_dateline() {
        let mut r = DateResolver::for_document(
            "杭州两区一周\n2024-11-14 08:12:03 来源:杭州日报\n11月11日,调研。",
            None,
            None,
        );
        assert_eq!(
            r.period.map(|p| p.from.iso()).as_deref(),
            Some("2024-11-14")
        );
        assert_eq!(own(&mut r, "昨天,签约仪式举行。").0, "2024-11-13");
        let mut r = DateResolver::for_document("2025-03-01 10:00 来源", None, None);
        assert_eq!(own(&mut r, "昨日上午,会议召开。").0, "2025-02-28");
        // With no dateline, yesterday is no day at all.
        let mut r = resolver();
        assert_eq!(
            r.sentence_date("昨天,签约仪式举行。", None),
            SentenceDate::Undated
        );
    }

    #[test]
    fn undated_words_are_never_guessed() {
        let mut r = resolver();
        assert_eq!(
            r.sentence_date("近日,大鹏新区党工委会议召开。", None),
            SentenceDate::Undated
        );
        assert_eq!(
            r.sentence_date("会议强调,要抓好工作。", None),
            SentenceDate::Silent
        );
    }

    #[test]
    fn no_year_anywhere_means_no_date() {
        let mut r = DateResolver::for_document("全区上下坚持发展。", None, None);
        assert_eq!(
            r.sentence_date("7月11日,召开大会。", None),
            SentenceDate::Silent
        );
        let mut r = DateResolver::for_document("正文", None, Some("2022-02-11"));
        assert_eq!(own(&mut r, "2月7日,坪山区召开大会。").0, "2022-02-07");
    }

    #[test]
    fn a_week_across_new_year() {
        let mut r = DateResolver::for_document("2024年12月30日至2025年1月5日。", None, None);
        assert_eq!(own(&mut r, "1月2日,召开会议。").0, "2025-01-02");
        assert_eq!(own(&mut r, "12月31日,召开会议。").0, "2024-12-31");
    }
}
