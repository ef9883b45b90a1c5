//! Date mentions: every way a news sentence writes a day, read where it stands.
//!
//! A mention is read into a [`DateExpr`] that says what the text says and no
//! more (12月11日 has no year; 昨天 is one day before something); the
//! [`Clock`] of the document (its publication date, the period it reports on,
//! the last day read) turns it into days. What is read:
//!
//! - absolute and partial days: 2024年12月11日, 12月11日, 29日, 15号, in Arabic
//!   or Chinese numerals (二〇二四年十二月十一日), two-digit years (15年3月2日),
//!   numeric forms (2024-12-11, 2019/04/19, 2019.9.6);
//! - relative days, months, years and weeks: 昨天, 前天, 明天, 上个月15号,
//!   去年3月3日, 上周五, 本周三, 下周六;
//! - holidays, solar terms and lunar days: 国庆, 春节, 清明, 冬至, 正月十五,
//!   农历腊月二十三;
//! - spans and lists: 12月9日至13日, 12月9日零时至12月16日24时, 24日、25日;
//! - words that restate or advance the last day (同日, 当晚, 次日) and words
//!   that say a sentence is deliberately undated (近日, 本月, 上半年).
//!
//! Clock times, parts of the day and weekday notes in brackets are read as
//! part of a mention and then ignored. A bare month (今年3月) or a year alone
//! names no day. Scanning is linear in the sentence: a mention starts only at a
//! digit, a numeral or a listed word, and reads at most a few dozen characters.

use crate::extract::calendar::{self, Dated, Day, Period};

/// A year as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    /// 去年 = -1, 今年 = 0, 明年 = 1, 前年 = -2.
    Relative(i32),
    /// 15年: the century is the clock's.
    TwoDigit(i32),
}

/// A month as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthRef {
    Absolute(u32),
    /// 上个月 = -1, 本月 = 0, 下月 = 1.
    Relative(i32),
}

/// A named day of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// A fixed solar day, possibly a span of `days` days (国庆: 10-01, 7 days).
    Solar { month: u32, day: u32, days: u32 },
    /// A lunar day (春节, 中秋 ...), moved by `offset` days (除夕: the day
    /// before 春节, whether the twelfth month has 29 days or 30).
    Lunar { month: u32, day: u32, offset: i32 },
    /// A solar term (清明, 冬至 ...), by its place in [`calendar::SOLAR_TERMS`].
    Term(u8),
    /// The nth weekday of a month (母亲节: the 2nd Sunday of May).
    NthWeekday { month: u32, n: u32, weekday: u32 },
}

/// One point in time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// A day, with what the text gives of its year and month.
    Day {
        year: Option<YearRef>,
        month: Option<MonthRef>,
        day: u32,
        lunar: bool,
    },
    /// Days from the publication date: 昨天 = -1.
    RelativeDay(i32),
    /// A weekday (1 = Monday) of a week relative to the publication date's.
    Weekday { week: i32, weekday: u32 },
    /// The nth weekday of a month: 6月第3个星期日.
    NthWeekday {
        year: Option<YearRef>,
        month: u32,
        n: u32,
        weekday: u32,
    },
    Holiday {
        year: Option<YearRef>,
        holiday: Holiday,
    },
    /// A month and day whose 月 a scraper dropped, the three digits read two
    /// ways: "123日" is 1月23日 or 12月3日. The one nearest on or before the
    /// publication date is meant.
    Squashed { year: Option<YearRef>, digits: u16 },
}

/// What a date mention says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateExpr {
    Point(Point),
    /// From the first point to the second; the second takes what it leaves
    /// out (year, month) from the first.
    Range(Point, Point),
    /// Separate occasions: 24日、25日.
    List(Vec<Point>),
    /// The day last read: 同日, 当天, 当晚.
    SameDay,
    /// The day after the day last read: 次日, 翌日.
    NextDay,
    /// Deliberately no day: 近日, 本月, 上半年.
    Undated,
    /// A month with no day (今年3月, a chronicle's heading "7月"): no day of
    /// its own, but the month a later day-only date (1日) is in.
    Month {
        year: Option<YearRef>,
        month: u32,
    },
}

/// A date written in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Character offset and length in the searched text.
    pub at: usize,
    pub len: usize,
    pub expr: DateExpr,
    /// False for a date that bounds something rather than dating it: 截至6月30日,
    /// 2019年以来, 2025年底前.
    pub occasion: bool,
}

/// What a document tells about time, against which dates are resolved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    /// The publication date (front matter, dateline).
    pub published: Option<Day>,
    /// The span a round-up reports on.
    pub period: Option<Period>,
    /// The year to assume when the text gives none (`--year`), or the year of
    /// the last full date read where no publication date is known.
    pub year: Option<i32>,
    /// The last day read: 同日, 次日 and a bare 13日 count from it.
    pub last: Option<Day>,
    /// The sentence announces (将于, 拟于): a day after the publication date is
    /// meant, not one a year before.
    pub future: bool,
    /// The month a chronicle's heading ("7月") or a sentence ("今年3月") last
    /// named: a day-only date (1日) after it is in it.
    pub month: Option<(i32, u32)>,
    /// The text is a chronicle (大事记): its items are of days long before
    /// the page was posted, so a day-only date (6日) with no month heading or
    /// day read before it names no day.
    pub chronicle: bool,
    /// The day the text itself calls today ("今天(8月10日)下午"): 今晨, 昨天
    /// and the other relative days after it count from this day, not from the
    /// publication date.
    pub today: Option<Day>,
}

impl Clock {
    /// The year a month and day without one belong to: the one nearest the
    /// period or the publication date, a later one counting three times its
    /// distance (news reports what happened), unless the sentence announces.
    fn year_for(&self, month: u32, day: u32, lunar: bool) -> Option<i32> {
        let (from, to) = match (self.period, self.published) {
            (Some(p), _) => (p.from, p.to),
            (None, Some(d)) => (d, d),
            (None, None) => return self.year,
        };
        let mut best: Option<(i64, i32)> = None;
        for y in [from.year - 1, from.year, to.year, to.year + 1] {
            let Some(d) = (if lunar {
                calendar::lunar_to_solar(y, month, day)
            } else {
                Day::new(y, month, day)
            }) else {
                continue;
            };
            let dist = if d < from {
                from.ordinal() - d.ordinal()
            } else if d > to {
                let ahead = d.ordinal() - to.ordinal();
                if self.future { ahead } else { ahead * 3 }
            } else {
                0
            };
            if best.is_none_or(|(b, _)| dist < b) {
                best = Some((dist, y));
            }
        }
        best.map(|(_, y)| y)
    }

    /// The (year, month) a month mention names, if the year can be told.
    pub fn month_of(&self, expr: &DateExpr) -> Option<(i32, u32)> {
        let DateExpr::Month { year, month } = expr else {
            return None;
        };
        let y = match year {
            Some(y) => self.year_of(*y)?,
            None => self.year_for(*month, 1, false)?,
        };
        Some((y, *month))
    }

    fn base(&self) -> Option<Day> {
        self.published.or(self.period.map(|p| p.to))
    }

    fn year_of(&self, y: YearRef) -> Option<i32> {
        match y {
            YearRef::Absolute(y) => Some(y),
            YearRef::Relative(n) => Some(self.base()?.year + n),
            YearRef::TwoDigit(yy) => {
                let now = self.base().map_or(2025, |d| d.year);
                let century = now - now % 100;
                Some(if century + yy > now + 1 {
                    century - 100 + yy
                } else {
                    century + yy
                })
            }
        }
    }

    /// The day of one point, with `like` lending the year and month a range's
    /// second point leaves out.
    fn point(&self, p: Point, like: Option<Day>) -> Option<Dated> {
        match p {
            Point::Day {
                year,
                month,
                day,
                lunar,
            } => {
                let month_abs = match month {
                    Some(MonthRef::Absolute(m)) => Some(m),
                    Some(MonthRef::Relative(n)) => {
                        let base = self.base()?;
                        return base.add_months(n, day).map(Dated::day);
                    }
                    None => None,
                };
                let Some(m) = month_abs else {
                    // 29日: the month a heading named, the month of the day read
                    // last, or of the base.
                    // A day after the dateline is not reported ("发布时间:
                    // 2022-10-04 … 29日下午…举行" is of September): it falls
                    // to the dateline's rule below, unless the sentence
                    // announces (将于).
                    let reported = |d: Day| {
                        like.is_some() || self.future || self.published.is_none_or(|p| d <= p)
                    };
                    if like.is_none()
                        && let Some((y, m)) = self.month
                        && let Some(d) = Day::new(y, m, day)
                        && reported(d)
                    {
                        return Some(Dated::day(d));
                    }
                    if let Some(l) = like.or(self.last) {
                        let y = year.and_then(|y| self.year_of(y)).unwrap_or(l.year);
                        let d = Day::new(y, l.month, day)?;
                        if reported(d) {
                            return Some(Dated::day(d));
                        }
                    }
                    if self.chronicle {
                        return None;
                    }
                    let base = self.published?;
                    let back = if day > base.day { -1 } else { 0 };
                    return base.add_months(back, day).map(Dated::day);
                };
                let y = match year {
                    Some(y) => self.year_of(y)?,
                    None => match like {
                        Some(l) if !lunar => {
                            if m < l.month {
                                l.year + 1
                            } else {
                                l.year
                            }
                        }
                        _ => self.year_for(m, day, lunar)?,
                    },
                };
                if lunar {
                    calendar::lunar_to_solar(y, m, day).map(Dated::day)
                } else {
                    Day::new(y, m, day).map(Dated::day)
                }
            }
            // "今天开幕会" in a story dated the day after the meeting it reports
            // is the meeting's day: today is the day last read when that day is
            // at most two days before publication, or when the story gives no
            // day of publication ("1月16日上午,…开幕。…今天上午,委员们…").
            Point::RelativeDay(0)
                if self.today.is_none()
                    && self.last.is_some_and(|l| {
                        self.published
                            .is_none_or(|p| (0..=2).contains(&(p.ordinal() - l.ordinal())))
                    }) =>
            {
                self.last.map(Dated::day)
            }
            Point::RelativeDay(n) => self
                .today
                .or(self.published)?
                .add_days(n as i64)
                .map(Dated::day),
            Point::Weekday { week, weekday } => {
                let base = self.published?;
                let monday = base.add_days(1 - base.weekday() as i64)?;
                monday
                    .add_days(week as i64 * 7 + weekday as i64 - 1)
                    .map(Dated::day)
            }
            Point::NthWeekday {
                year,
                month,
                n,
                weekday,
            } => {
                let y = match year {
                    Some(y) => self.year_of(y)?,
                    None => self.year_for(month, 1, false)?,
                };
                nth_weekday(y, month, n, weekday).map(Dated::day)
            }
            Point::Squashed { year, digits } => {
                let published = self.published?;
                squashed_readings(digits)
                    .into_iter()
                    .flatten()
                    .filter_map(|(m, d)| {
                        let y = match year {
                            Some(y) => self.year_of(y)?,
                            None => self.year_for(m, d, false)?,
                        };
                        Day::new(y, m, d)
                    })
                    .filter(|d| *d <= published)
                    .max()
                    .map(Dated::day)
            }
            Point::Holiday { year, holiday } => {
                let (m, d) = match holiday {
                    Holiday::Solar { month, day, .. } => (month, day),
                    Holiday::Lunar { month, day, .. } => (month, day),
                    Holiday::Term(ix) => {
                        let first = calendar::solar_term(2001, calendar::SOLAR_TERMS[ix as usize])?;
                        (first.month, first.day)
                    }
                    Holiday::NthWeekday { month, .. } => (month, 15),
                };
                let lunar = matches!(holiday, Holiday::Lunar { .. });
                let y = match year {
                    Some(y) => self.year_of(y)?,
                    None => self.year_for(m, d, lunar)?,
                };
                match holiday {
                    Holiday::Solar { month, day, days } => {
                        let first = Day::new(y, month, day)?;
                        let last = first.add_days(days as i64 - 1)?;
                        Some(Dated::span(first, last))
                    }
                    Holiday::Lunar { month, day, offset } => {
                        calendar::lunar_to_solar(y, month, day)
                            .and_then(|d| d.add_days(offset as i64))
                            .map(Dated::day)
                    }
                    Holiday::Term(ix) => {
                        calendar::solar_term(y, calendar::SOLAR_TERMS[ix as usize]).map(Dated::day)
                    }
                    Holiday::NthWeekday { month, n, weekday } => {
                        nth_weekday(y, month, n, weekday).map(Dated::day)
                    }
                }
            }
        }
    }

    /// The days a mention names: one, a span, or several occasions (a list).
    /// Empty when the text does not say enough (undated, or no clock to count
    /// from). [`DateExpr::SameDay`] and [`DateExpr::NextDay`] count from
    /// [`Clock::last`].
    pub fn resolve(&self, expr: &DateExpr) -> Vec<Dated> {
        match expr {
            DateExpr::Point(p) => self.point(*p, None).into_iter().collect(),
            DateExpr::Range(a, b) => {
                let Some(first) = self.point(*a, None) else {
                    return Vec::new();
                };
                let end = match self.point(*b, Some(first.first)) {
                    Some(e) => e.last.unwrap_or(e.first),
                    None => return vec![first],
                };
                if end < first.first {
                    return vec![first];
                }
                vec![Dated::span(first.first, end)]
            }
            DateExpr::List(points) => {
                let mut out: Vec<Dated> = Vec::new();
                for p in points {
                    let like = out.last().map(|d| d.first);
                    if let Some(d) = self.point(*p, like) {
                        out.push(d);
                    }
                }
                out
            }
            DateExpr::SameDay => self.last.map(Dated::day).into_iter().collect(),
            // The day after 2100-12-31 is out of the years a date may name.
            DateExpr::NextDay => self
                .last
                .and_then(|d| d.add_days(1))
                .map(Dated::day)
                .into_iter()
                .collect(),
            DateExpr::Undated | DateExpr::Month { .. } => Vec::new(),
        }
    }
}

fn nth_weekday(year: i32, month: u32, n: u32, weekday: u32) -> Option<Day> {
    let first = Day::new(year, month, 1)?;
    let offset = (weekday + 7 - first.weekday()) % 7;
    first
        .add_days((offset + (n.max(1) - 1) * 7) as i64)
        .filter(|d| d.month == month)
}

// ------------------------------------------------------------------ reading

/// The words dates are read with (`data/dates.tsv`), compiled in.
struct Words {
    same_day: Vec<String>,
    next_day: Vec<String>,
    undated: Vec<String>,
    /// Parts of a year or a month (二季度, 年底), read as `undated` too.
    period: Vec<String>,
    relative_day: Vec<(String, i32)>,
    planned: Vec<String>,
    bound_before: Vec<String>,
    bound_after: Vec<String>,
    dateline_after: Vec<String>,
    occasion_label: Vec<String>,
    not_day_hao: Vec<String>,
    relative_noun_before: Vec<String>,
    holidays: Vec<(String, Holiday)>,
    term_alone: Vec<String>,
    content_opening: Vec<String>,
    issuer: Vec<String>,
    issuance: Vec<String>,
    holiday_noun: Vec<String>,
    anniversary: Vec<(String, i32)>,
    /// A plan or a congress and its first and last years (十四五: 2021, 2025).
    plan: Vec<(String, i32, Option<i32>)>,
}

const DATES: &str = include_str!("../../../data/dates.tsv");

/// The shipped table, read once (a test proves it reads).
fn words() -> &'static Words {
    static WORDS: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| {
        parse_words(DATES).expect("data/dates.tsv reads (checked by a test)")
    });
    &WORDS
}

/// The verbs of acts in `data/verbs.tsv` (the frame layer's table; its
/// adverbs left out): what may follow a holiday that dates an act.
fn act_verbs() -> &'static [String] {
    static VERBS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        include_str!("../../../data/verbs.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let verb = cols.next()?;
                (cols.next() != Some("-")).then(|| verb.to_string())
            })
            .collect()
    });
    &VERBS
}

/// The one-character surnames of `data/surnames.txt` (the person layer's
/// table): what tells 李国庆, a name, from 国庆, a holiday.
fn surnames() -> &'static std::collections::HashSet<char> {
    static SURNAMES: std::sync::LazyLock<std::collections::HashSet<char>> =
        std::sync::LazyLock::new(|| {
            include_str!("../../../data/surnames.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.starts_with('#') && l.chars().count() == 1)
                .filter_map(|l| l.chars().next())
                .collect()
        });
    &SURNAMES
}

/// Reads `data/dates.tsv`; an error names the line.
fn parse_words(text: &str) -> Result<Words, String> {
    let mut w = Words {
        same_day: Vec::new(),
        next_day: Vec::new(),
        undated: Vec::new(),
        period: Vec::new(),
        relative_day: Vec::new(),
        planned: Vec::new(),
        bound_before: Vec::new(),
        bound_after: Vec::new(),
        dateline_after: Vec::new(),
        occasion_label: Vec::new(),
        not_day_hao: Vec::new(),
        relative_noun_before: Vec::new(),
        holidays: Vec::new(),
        term_alone: Vec::new(),
        content_opening: Vec::new(),
        issuer: Vec::new(),
        issuance: Vec::new(),
        holiday_noun: Vec::new(),
        anniversary: Vec::new(),
        plan: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        let bad = || format!("data/dates.tsv:{}: cannot read {line:?}", i + 1);
        let num = |k: usize| -> Result<u32, String> {
            c.get(k).and_then(|v| v.parse().ok()).ok_or_else(bad)
        };
        let word = c
            .get(1)
            .filter(|x| !x.is_empty())
            .ok_or_else(bad)?
            .to_string();
        match c[0] {
            "same_day" => w.same_day.push(word),
            "next_day" => w.next_day.push(word),
            "undated" => w.undated.push(word),
            "period" => {
                w.period.push(word.clone());
                w.undated.push(word);
            }
            "planned" => w.planned.push(word),
            "bound_before" => w.bound_before.push(word),
            "bound_after" => w.bound_after.push(word),
            "dateline_after" => w.dateline_after.push(word),
            "occasion_label" => w.occasion_label.push(word),
            "not_day_hao" => w.not_day_hao.push(word),
            "relative_noun_before" => w.relative_noun_before.push(word),
            "term_alone" => w.term_alone.push(word),
            "content_opening" => w.content_opening.push(word),
            "issuer" => w.issuer.push(word),
            "issuance" => w.issuance.push(word),
            "holiday_noun" => w.holiday_noun.push(word),
            "plan" => {
                let first: i32 = c.get(2).and_then(|v| v.parse().ok()).ok_or_else(bad)?;
                let last: Option<i32> = match c.get(3).copied() {
                    None | Some("-") => None,
                    Some(v) => Some(v.parse().map_err(|_| bad())?),
                };
                w.plan.push((word, first, last));
            }
            "anniversary" => {
                let base: i32 = c.get(2).and_then(|v| v.parse().ok()).ok_or_else(bad)?;
                w.anniversary.push((word, base));
            }
            "relative_day" => {
                let n: i32 = c.get(2).and_then(|v| v.parse().ok()).ok_or_else(bad)?;
                w.relative_day.push((word, n));
            }
            "holiday" => {
                let h = match c.get(2).copied() {
                    Some("solar") => Holiday::Solar {
                        month: num(3)?,
                        day: num(4)?,
                        days: num(5)?,
                    },
                    Some("lunar") => Holiday::Lunar {
                        month: num(3)?,
                        day: num(4)?,
                        offset: match c.get(5) {
                            Some(v) => v.parse().map_err(|_| bad())?,
                            None => 0,
                        },
                    },
                    Some("nth") => Holiday::NthWeekday {
                        month: num(3)?,
                        n: num(4)?,
                        weekday: num(5)?,
                    },
                    Some("term") => {
                        let term = c.get(3).ok_or_else(bad)?;
                        let ix = calendar::SOLAR_TERMS
                            .iter()
                            .position(|t| t == term)
                            .ok_or_else(bad)?;
                        Holiday::Term(ix as u8)
                    }
                    _ => return Err(bad()),
                };
                w.holidays.push((word, h));
            }
            _ => return Err(bad()),
        }
    }
    Ok(w)
}

/// The first word of `list` written at `at` (the longest), and its length.
fn listed_at<'w>(chars: &[char], at: usize, list: &'w [String]) -> Option<(&'w str, usize)> {
    list.iter()
        .filter(|w| word_at(chars, at, w))
        .max_by_key(|w| w.chars().count())
        .map(|w| (w.as_str(), w.chars().count()))
}

/// Every date mention in `text`, left to right, with character offsets.
///
/// ```
/// use govgraph::extract::mention::date::{find, DateExpr};
/// let found = find("区委书记某某12月11日出席会议");
/// assert_eq!((found[0].at, found[0].len), (6, 6));
/// assert!(matches!(found[0].expr, DateExpr::Point(_)));
/// ```
pub fn find(text: &str) -> Vec<DateMention> {
    let chars: Vec<char> = mask_quoted(text);
    // "会议传达学习12月6日中央政治局会议精神…": what a meeting took up, with
    // the dates of its own; none of them is an occasion of this text's acts.
    let content = words()
        .content_opening
        .iter()
        .any(|w| text.trim_start().starts_with(w.as_str()));
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !may_open(chars[i]) {
            i += 1;
            continue;
        }
        if let Some((expr, end)) = read_expr(&chars, i) {
            let holiday = matches!(expr, DateExpr::Point(Point::Holiday { .. }));
            // Two holidays run together ("中秋国庆节前") are read as the second.
            let in_phrase = holiday
                && matches!(
                    read_expr(&chars, end),
                    Some((DateExpr::Point(Point::Holiday { .. }), _))
                );
            // "春节期间坚守岗位的职工": a holiday's span, no day of an act.
            let season = holiday
                && (chars[i..end].ends_with(&['期', '间'])
                    || crate::extract::word_at(&chars, end, "期间"));
            // "省、市中秋节值班视频调度会", "了解中秋假期供水保障": a holiday
            // before anything but an act's verb names a kind of thing, not its
            // day (`holiday_noun` in data/dates.tsv, and the verbs of
            // data/verbs.tsv).
            let modifier = holiday
                && chars.get(end).is_some_and(|c| crate::extract::is_han(*c))
                && (listed_at(&chars, end, &words().holiday_noun).is_some()
                    || (listed_at(&chars, end, &words().same_day).is_none()
                        && !act_verbs().iter().any(|v| word_at(&chars, end, v))));
            // "全力奋战二季度": a part of the year inside a clause is what is
            // spoken of; one opening its clause ("上半年,") may date it.
            let spoken_period = listed_at(&chars, i, &words().period)
                .is_some_and(|(_, n)| i + n == end)
                && !opens_clause_at(&chars, i);
            let occasion = !in_phrase
                && !modifier
                && !spoken_period
                && !content
                && !season
                && is_occasion(&chars, i, end)
                && !issued_by_bodies(&chars, end);
            out.push(DateMention {
                at: i,
                len: end - i,
                expr,
                occasion,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    // "国庆、中秋来临之际": the holidays of a list share what bounds the last.
    for k in (0..out.len().saturating_sub(1)).rev() {
        let (a, b) = (&out[k], &out[k + 1]);
        let joined = b.at == a.at + a.len + 1 && matches!(chars[a.at + a.len], '、' | '和' | '与');
        if joined && !b.occasion && matches!(a.expr, DateExpr::Point(Point::Holiday { .. })) {
            out[k].occasion = false;
        }
    }
    // "今天(2月7日)上午": the day written in parentheses dates the act.
    for k in 0..out.len().saturating_sub(1) {
        let gap: String = chars[out[k].at + out[k].len..out[k + 1].at]
            .iter()
            .filter(|c| !matches!(c, ' ' | '╠' | '╣' | '【' | '】'))
            .collect();
        let relative = matches!(
            out[k].expr,
            DateExpr::SameDay | DateExpr::Point(Point::RelativeDay(_))
        );
        if relative && gap == "(" {
            out[k].occasion = false;
        }
    }
    out
}

/// True when `at` opens a clause: the text's start, or a mark before it
/// (spaces aside).
fn opens_clause_at(chars: &[char], at: usize) -> bool {
    chars[..at]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_none_or(|c| ",，。;；:：、!！?？)）】".contains(*c))
}

/// True when a date mention may start with `c`: a digit, a numeral, or the
/// first character of a word the reader knows (昨, 春, 上, 农 ...).
fn may_open(c: char) -> bool {
    static OPENERS: std::sync::LazyLock<std::collections::HashSet<char>> =
        std::sync::LazyLock::new(|| {
            let w = words();
            let listed = w
                .same_day
                .iter()
                .chain(&w.next_day)
                .chain(&w.undated)
                .chain(w.relative_day.iter().map(|(x, _)| x))
                .chain(w.holidays.iter().map(|(x, _)| x))
                .map(String::as_str);
            let words = listed
                .chain([
                    "同月",
                    "去年",
                    "今年",
                    "明年",
                    "前年",
                    "后年",
                    "本年",
                    "上年",
                    "大前年",
                    "农历",
                    "阴历",
                    "夏历",
                    "大年初",
                    "上个月",
                    "上月",
                    "下个月",
                    "下月",
                    "本月",
                    "这个月",
                    "正月",
                    "腊月",
                    "冬月",
                    "上上周",
                    "上周",
                    "上个星期",
                    "上星期",
                    "上个礼拜",
                    "上礼拜",
                    "本周",
                    "这周",
                    "这个星期",
                    "本星期",
                    "下周",
                    "下个星期",
                    "下星期",
                    "下个礼拜",
                    "下礼拜",
                    "星期",
                    "礼拜",
                    "周",
                ])
                .chain(calendar::SOLAR_TERMS);
            let mut set: std::collections::HashSet<char> =
                words.filter_map(|w| w.chars().next()).collect();
            set.extend("0123456789〇零一二三四五六七八九十廿卅两".chars());
            set
        });
    OPENERS.contains(&c)
}

/// Digits inside 《》 and “” name titles, not days: they are blanked, except in
/// a quoted holiday of two characters (“十一”, “五一”).
fn mask_quoted(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text.chars().collect();
    // Each kind of mark pairs with its own: an unclosed “ leaves 《…》 masked.
    let mut spans = Vec::new();
    for (open_mark, close_mark) in [('《', '》'), ('“', '”')] {
        let mut open: Vec<usize> = Vec::new();
        for (i, c) in chars.iter().enumerate() {
            if *c == open_mark {
                open.push(i);
            } else if *c == close_mark
                && let Some(start) = open.pop()
                && open.is_empty()
            {
                spans.push((start + 1, i));
            }
        }
    }
    for (from, to) in spans {
        if to - from <= 2 {
            continue;
        }
        for c in &mut chars[from..to] {
            if c.is_ascii_digit() || numeral(*c).is_some() {
                *c = '_';
            }
        }
    }
    chars
}

/// True when the date ending at `end` is followed by bodies that issue a
/// document ("8月6日,国务院印发《…》", "6月25日,市委、市政府制定出台了…"):
/// it dates a document, not an act of anyone the text follows. The bodies
/// are joined by 、和及与, each ending in an `issuer` word, right before an
/// `issuance` word (data/dates.tsv). Linear in the clause's length.
fn issued_by_bodies(chars: &[char], end: usize) -> bool {
    let w = words();
    let mut from = end;
    while chars
        .get(from)
        .is_some_and(|c| matches!(c, ',' | '，' | ' ' | '\u{3000}'))
    {
        from += 1;
    }
    // The first issuance word within reach, before any clause break.
    let limit = (from + 24).min(chars.len());
    let Some(verb) = (from..limit)
        .take_while(|&i| !matches!(chars[i], '，' | ',' | '。' | '；' | ';' | '《' | '“'))
        .find(|&i| listed_at(chars, i, &w.issuance).is_some())
    else {
        return false;
    };
    if verb == from {
        return false;
    }
    chars[from..verb]
        .split(|c| matches!(c, '、' | '和' | '及' | '与'))
        .all(|body| {
            let body = body.iter().collect::<String>();
            !body.is_empty() && w.issuer.iter().any(|e| body.ends_with(e.as_str()))
        })
}

/// True when the date at `at..end` is written in figures (2017-02-06,
/// 2017/2/6) and a clock time follows it (14:56, 14:56:54).
fn stamped(chars: &[char], at: usize, end: usize) -> bool {
    let figures = chars[at..end]
        .iter()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
        .count();
    let dashed = chars[at..at + figures]
        .iter()
        .any(|c| matches!(c, '-' | '/'));
    let mut p = at + figures;
    while chars.get(p) == Some(&' ') {
        p += 1;
    }
    let hour = chars[p.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    figures >= 8
        && dashed
        && (1..=2).contains(&hour)
        && matches!(chars.get(p + hour), Some(':'))
        && chars.get(p + hour + 1).is_some_and(|c| c.is_ascii_digit())
}

fn is_occasion(chars: &[char], at: usize, end: usize) -> bool {
    let w = words();
    // "会议时间:2025年12月13日(星期六)13:30": a form's line gives the meeting's
    // day, wherever the line ends.
    let mut label_end = at;
    while label_end > 0 && matches!(chars[label_end - 1], ':' | '：' | ' ') {
        label_end -= 1;
    }
    if label_end < at
        && w.occasion_label
            .iter()
            .any(|l| crate::extract::word_ends_at(chars, label_end, l))
    {
        return true;
    }
    // "2017-02-06 14:56:54": a date in figures with a clock time after it
    // is a page's stamp (a list of notices, a post's time), no act's day.
    if stamped(chars, at, end) {
        return false;
    }
    // A dateline dates the page, not an occasion: "2024年3月6日讯",
    // "2023-03-02 来源:", "编辑:某某2021-10-17 17:25" at the end of a line.
    let mut after_space = end;
    while chars.get(after_space) == Some(&' ') {
        after_space += 1;
    }
    // A day written alone with no year ("12月20日", "9日" on their own line) is
    // the heading of what follows, as chronicles and phone pages set it.
    let heading_day = at == 0
        && after_space >= chars.len()
        && chars[at..end].last() == Some(&'日')
        && !chars[at..end].contains(&'年');
    // "2021年1月21日下午" alone on its line: a part of the day is said of an
    // act, never of a page's date.
    let of_an_act = end >= at + 2
        && TIMES_OF_DAY
            .iter()
            .filter(|t| t.chars().count() == 2)
            .any(|t| crate::extract::word_ends_at(chars, end, t));
    let at_line_end = after_space >= chars.len()
        && chars[at].is_ascii_digit()
        && (at == 0 || !crate::extract::is_han(chars[at - 1]))
        && !heading_day
        && !of_an_act;
    // "中国台湾网2月3日广州讯 1月27日,…": a place between the date and 讯, 电
    // or 消息 ("6月18日某县消息 日前,…").
    let placed_dateline = (2..=4).any(|k| {
        let tail = after_space + k;
        let mark = match chars.get(tail) {
            Some('讯' | '电') => 1,
            Some('消') if chars.get(tail + 1) == Some(&'息') => 2,
            _ => return false,
        };
        chars[after_space..tail.min(chars.len())].len() == k
            && chars[after_space..tail]
                .iter()
                .all(|c| crate::extract::is_han(*c))
            && !chars
                .get(tail + mark)
                .is_some_and(|c| crate::extract::is_han(*c))
    });
    if listed_at(chars, after_space, &w.dateline_after).is_some() || at_line_end || placed_dateline
    {
        return false;
    }
    // A day announced for later dates what is planned, not what is reported.
    let before = w
        .planned
        .iter()
        .chain(&w.bound_before)
        .any(|x| crate::extract::word_ends_at(chars, at, x));
    // A quoted name of the holidays may stand between: 中秋、国庆“两节”即将到来之际.
    let mut end = end;
    if chars.get(end) == Some(&'“')
        && let Some(close) = chars[end..(end + 6).min(chars.len())]
            .iter()
            .position(|c| *c == '”')
    {
        end += close + 1;
    }
    let after = listed_at(chars, end, &w.bound_after).is_some();
    !before && !after
}

/// The year a text says it is by an anniversary ("今年是新中国成立75周年" is
/// 2024), or by the celebration of one it reports ("召开庆祝中国共产党成立102
/// 周年大会" is 2023: a founding is celebrated in its anniversary's year, while
/// a commemoration's speech, 纪念…周年大会上的讲话, is studied for months
/// after): the founding years are the `anniversary` rows of data/dates.tsv.
/// Linear in the text.
///
/// ```
/// use govgraph::extract::mention::date::anniversary_year;
/// assert_eq!(anniversary_year("今年是新中国成立75周年,是关键一年"), Some(2024));
/// assert_eq!(anniversary_year("今年是建党一百周年"), None); // 一百: three places
/// assert_eq!(anniversary_year("纪念新中国成立75周年"), None); // not said of this year
/// assert_eq!(anniversary_year("区委召开庆祝中国共产党成立102周年大会"), Some(2023));
/// assert_eq!(anniversary_year("学习在庆祝中国共产党成立100周年大会上的重要讲话"), None);
/// ```
pub fn anniversary_year(text: &str) -> Option<i32> {
    after_leads(text, &["今年是", "庆祝"], |chars, at| {
        words().anniversary.iter().find_map(|(word, base)| {
            if !word_at(chars, at, word) {
                return None;
            }
            let from = at + word.chars().count();
            let (n, end) = if chars.get(from)?.is_ascii_digit() {
                ascii_number(chars, from, 3)?
            } else {
                number(chars, from)?
            };
            // Not a speech given there, studied since ("学习…在庆祝…100周年
            // 大会上的重要讲话精神").
            let after: String = chars.iter().skip(end).take(14).collect();
            (word_at(chars, end, "周年") && !after.contains("讲话") && !after.contains("精神"))
                .then(|| base + n as i32)
        })
    })
}

/// The first reading `read` makes of what follows a "今年是" of `text` (its
/// characters, and the offset right after 今年是). Linear in the text.
fn after_this_year(text: &str, read: impl Fn(&[char], usize) -> Option<i32>) -> Option<i32> {
    after_leads(text, &["今年是"], read)
}

/// The first reading `read` makes of what follows one of the `leads` in
/// `text` (its characters, and the offset right after the lead). Linear in
/// the text.
fn after_leads(
    text: &str,
    leads: &[&str],
    read: impl Fn(&[char], usize) -> Option<i32>,
) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| {
        leads
            .iter()
            .find(|l| word_at(&chars, i, l))
            .and_then(|l| read(&chars, i + l.chars().count()))
    })
}

/// The year a text says it is by a plan's or a congress's year ("今年是“十四
/// 五”规划的收官之年" is 2025, "今年是全面贯彻落实党的二十大精神的开局之年"
/// 2023): after 今年是 and before the next stop, a `plan` row of
/// data/dates.tsv and then, within eight characters, 开局之年 (its first
/// year) or 收官之年 (its last). Linear in the text.
///
/// ```
/// use govgraph::extract::mention::date::plan_year;
/// assert_eq!(plan_year("今年是“十四五”规划的收官之年,也是关键一年"), Some(2025));
/// assert_eq!(plan_year("今年是“十五五”开局之年"), Some(2026));
/// assert_eq!(plan_year("“十四五”开局之年"), None); // not said of this year
/// ```
pub fn plan_year(text: &str) -> Option<i32> {
    after_this_year(text, |chars, from| {
        let end = (from..chars.len().min(from + 40))
            .find(|&k| matches!(chars[k], '。' | ',' | '，' | ';' | '；'))
            .unwrap_or(chars.len().min(from + 40));
        (from..end).find_map(|k| {
            words().plan.iter().find_map(|(word, first, last)| {
                if !word_at(chars, k, word) {
                    return None;
                }
                let after = k + word.chars().count();
                (after..end.min(after + 10)).find_map(|j| {
                    if word_at(chars, j, "开局之年") {
                        Some(*first)
                    } else if word_at(chars, j, "收官之年") {
                        *last
                    } else {
                        None
                    }
                })
            })
        })
    })
}

/// True when `chars` before `at` end with a word that announces what is
/// planned (将于): the sentence is about the future.
pub fn announces(text: &str) -> bool {
    words().planned.iter().any(|p| text.contains(p.as_str()))
}

fn word_at(chars: &[char], at: usize, word: &str) -> bool {
    crate::extract::word_at(chars, at, word)
}

/// The first of `words` written at `at`, and its length in characters.
fn any_at<'w>(chars: &[char], at: usize, words: &[&'w str]) -> Option<(&'w str, usize)> {
    words
        .iter()
        .filter(|w| word_at(chars, at, w))
        .max_by_key(|w| w.chars().count())
        .map(|w| (*w, w.chars().count()))
}

/// Reads one date expression starting at `i`: a point, a span or a list.
fn read_expr(chars: &[char], i: usize) -> Option<(DateExpr, usize)> {
    if i >= chars.len() {
        return None;
    }
    // A date glued to a word before it is part of that word (第3日, 每日, 近3日),
    // and none starts inside a number ("2015年625日": 25日 is no day).
    if i > 0
        && (matches!(chars[i - 1], '第' | '每' | '近' | '逐' | '隔' | '数' | '几')
            || (chars[i - 1].is_ascii_digit() && chars[i].is_ascii_digit()))
    {
        return None;
    }
    let w = words();
    if let Some((_, n)) = listed_at(chars, i, &w.next_day) {
        return Some((DateExpr::NextDay, skip_time(chars, i + n)));
    }
    if let Some((_, n)) = listed_at(chars, i, &w.same_day) {
        return Some((DateExpr::SameDay, skip_time(chars, i + n)));
    }
    if word_at(chars, i, "同月") {
        // 同月9日: the month of an earlier sentence, which a reader cannot always tell.
        let end = read_point(chars, i + 2).map_or(i + 2, |(_, e)| e);
        return Some((DateExpr::Undated, end));
    }
    let (first, mut end) = match read_point(chars, i) {
        Some(p) => p,
        None => {
            if let Some((_, n)) = listed_at(chars, i, &w.undated) {
                // "甲、孙年初、乙": a word right after a surname in a list of
                // names ends a name, as a holiday does (李国庆).
                let surname = i > 0 && surnames().contains(&chars[i - 1]);
                let listed = (i >= 2 && matches!(chars[i - 2], '、' | ':' | '：'))
                    || chars.get(i + n) == Some(&'、');
                if surname && listed {
                    return None;
                }
                return Some((DateExpr::Undated, i + n));
            }
            return read_month_only(chars, i);
        }
    };
    let start_of_range = first;
    // A range: A至B, A-B, A—B; "12月11至14日" writes A without its 日.
    let after_first = skip_time(chars, end);
    if let Some((_, n)) = any_at(
        chars,
        after_first,
        &["至", "到", "-", "—", "–", "~", "～", "－", "——"],
    ) {
        let from = after_first + n;
        let from = from + usize::from(chars.get(from) == Some(&'自'));
        if let Some((second, e2)) = read_point(chars, from).or_else(|| read_bare_day(chars, from)) {
            let mut e2 = skip_time(chars, e2);
            if chars.get(e2) == Some(&'止') {
                e2 += 1;
            }
            return Some((DateExpr::Range(start_of_range, second), e2));
        }
    }
    // A list of days: 24日、25日; 3月4日、6日; 周一上午、周三下午 (a bare weekday
    // after the first is in the first's week: 上周一、周三).
    let mut list = vec![first];
    let mut e = after_first;
    while chars.get(e) == Some(&'、') {
        match (first, read_point(chars, e + 1)) {
            (_, Some((p @ Point::Day { .. }, e2))) => {
                list.push(p);
                e = skip_time(chars, e2);
            }
            (Point::Weekday { week, .. }, Some((Point::Weekday { weekday, .. }, e2)))
                if weekday_name(chars, e + 1).is_some() =>
            {
                list.push(Point::Weekday { week, weekday });
                e = skip_time(chars, e2);
            }
            _ => break,
        }
    }
    if list.len() > 1 {
        return Some((DateExpr::List(list), e));
    }
    end = after_first;
    if chars.get(end) == Some(&'起') {
        end += 1;
    }
    Some((DateExpr::Point(start_of_range), end))
}

/// "12月11" before 至: a month and day with the 日 left to the range's end.
fn read_bare_day(chars: &[char], i: usize) -> Option<(Point, usize)> {
    let (n, e) = number(chars, i)?;
    ((1..=31).contains(&n) && chars.get(e).is_some_and(|c| matches!(c, '日' | '号'))).then_some((
        Point::Day {
            year: None,
            month: None,
            day: n,
            lunar: false,
        },
        e + 1,
    ))
}

/// 今年3月, 2024年12月, 3月份, 6月上旬: a month with no day.
fn read_month_only(chars: &[char], i: usize) -> Option<(DateExpr, usize)> {
    // The last month of a span of months ("2021年1-9月份经济运行情况") is
    // what a report is about, no day of the sentence's.
    if i >= 2
        && matches!(
            chars[i - 1],
            '-' | '—' | '–' | '~' | '～' | '－' | '至' | '到'
        )
        && (chars[i - 2].is_ascii_digit() || chars[i - 2] == '月')
    {
        return None;
    }
    let (year, after_year) = read_year(chars, i).unwrap_or((None, i));
    let (m, e) = number(chars, after_year)?;
    if !(1..=12).contains(&m) || chars.get(e) != Some(&'月') {
        return None;
    }
    // A year written alone before it is needed for Chinese numerals (三月 is
    // often no date), unless the month is a line of its own: a chronicle's
    // heading ("一月", "一月:").
    let heading = i == 0
        && chars[e + 1..]
            .iter()
            .all(|c| matches!(c, ':' | '：' | ' ' | '\u{3000}'));
    if after_year == i && !chars[i].is_ascii_digit() && !heading {
        return None;
    }
    let mut end = e + 1;
    if chars.get(end) == Some(&'份') {
        end += 1;
    }
    // 6月上旬, 3月底: part of a month is no month to count days in.
    if let Some((_, n)) = any_at(
        chars,
        end,
        &["上旬", "中旬", "下旬", "初", "底", "末", "中"],
    ) {
        return Some((DateExpr::Undated, end + n));
    }
    Some((DateExpr::Month { year, month: m }, end))
}

/// A year: 2024年, 二〇二四年, 15年, 零七年, 去年, 今年, 明年, 前年.
fn read_year(chars: &[char], i: usize) -> Option<(Option<YearRef>, usize)> {
    if let Some((w, n)) = any_at(
        chars,
        i,
        &[
            "去年",
            "今年",
            "明年",
            "前年",
            "后年",
            "本年",
            "上年",
            "大前年",
        ],
    ) {
        let rel = match w {
            "去年" | "上年" => -1,
            "今年" | "本年" => 0,
            "明年" => 1,
            "前年" => -2,
            "后年" => 2,
            _ => -3,
        };
        return Some((Some(YearRef::Relative(rel)), i + n));
    }
    // Digits, Arabic or Chinese, written one by one.
    let mut digits = Vec::new();
    let mut e = i;
    while e < chars.len() && digits.len() < 4 {
        match digit(chars[e]) {
            Some(d) => digits.push(d),
            None => break,
        }
        e += 1;
    }
    if chars.get(e) != Some(&'年') || (digits.len() != 4 && digits.len() != 2) {
        return None;
    }
    // "三五年" is three to five years; a two-digit year in numerals shows its
    // zero (零七年, 九〇年) or a month after it.
    let numerals = !chars[i].is_ascii_digit();
    if digits.len() == 2
        && numerals
        && !chars[i..e].iter().any(|c| matches!(c, '零' | '〇'))
        && !number(chars, e + 1)
            .is_some_and(|(m, me)| (1..=12).contains(&m) && chars.get(me) == Some(&'月'))
    {
        return None;
    }
    // A run of more digits is a number, not a year (12345年).
    if i > 0 && digit(chars[i - 1]).is_some() {
        return None;
    }
    let value = digits.iter().fold(0, |v, d| v * 10 + *d as i32);
    let year = if digits.len() == 4 {
        YearRef::Absolute(value)
    } else {
        YearRef::TwoDigit(value)
    };
    Some((Some(year), e + 1))
}

/// One point in time starting at `i`.
fn read_point(chars: &[char], i: usize) -> Option<(Point, usize)> {
    if let Some(p) = read_relative_day(chars, i) {
        return Some(p);
    }
    if let Some(p) = read_squashed(chars, i) {
        return Some(p);
    }
    if let Some(p) = read_weekday(chars, i) {
        return Some(p);
    }
    if let Some(p) = read_numeric(chars, i) {
        return Some(p);
    }
    let (year, after_year) = match read_year(chars, i) {
        Some((y, e)) => (y, e),
        None => (None, i),
    };
    if let Some((holiday, e)) = read_holiday(chars, after_year, year.is_some()) {
        return Some((Point::Holiday { year, holiday }, e));
    }
    read_month_day(chars, after_year, year, i)
}

/// A date whose 月 (and 年) a scraper dropped, its digits read two ways:
/// "123日上午" (1月23日 or 12月3日), "2024123日上午", before a time of day, or
/// before a stop where it opens the sentence, so that a count of days
/// ("130日内", "运行115日,") is none. The clock tells which
/// (see [`Point::Squashed`]); digits that read one way only were mended when
/// the document was normalised. Linear in the digits.
fn read_squashed(chars: &[char], i: usize) -> Option<(Point, usize)> {
    let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let end = i + run;
    if chars.get(end) != Some(&'日') || !matches!(run, 3 | 7) {
        return None;
    }
    let after = end + 1;
    // A stop after it is enough only where the date opens the sentence: in
    // running text "运行115日," is a count of days.
    let opens = i == 0
        || matches!(
            chars[i - 1],
            '\n' | ',' | '，' | '。' | ')' | '）' | '讯' | ' '
        );
    let timed = ["上午", "下午", "晚", "早", "凌晨", "中午", "夜"]
        .iter()
        .any(|w| word_at(chars, after, w))
        || (opens
            && chars
                .get(after)
                .is_none_or(|c| matches!(c, ',' | '，' | '、' | ' ' | '至')));
    if !timed {
        return None;
    }
    let digits: String = chars[i..end].iter().collect();
    let (year, rest) = if run >= 7 {
        let y: i32 = digits[..4].parse().ok()?;
        if !(1990..=2099).contains(&y) {
            return None;
        }
        (Some(YearRef::Absolute(y)), &digits[4..])
    } else {
        (None, digits.as_str())
    };
    let n: u16 = rest.parse().ok()?;
    match squashed_readings(n) {
        [Some(_), Some(_)] => Some((Point::Squashed { year, digits: n }, skip_time(chars, after))),
        _ => None,
    }
}

/// The two readings of three digits run together as a month and a day: "123"
/// is (1, 23) and (12, 3); each `None` where no such day is.
fn squashed_readings(n: u16) -> [Option<(u32, u32)>; 2] {
    let n = u32::from(n);
    let valid = |m: u32, d: u32| ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d));
    [valid(n / 100, n % 100), valid(n / 10, n % 10)]
}

/// 12月11日, 十二月十一日, 上个月15号, 农历八月十五, 正月初八, 29日, 大年初十.
fn read_month_day(
    chars: &[char],
    at: usize,
    year: Option<YearRef>,
    start: usize,
) -> Option<(Point, usize)> {
    let mut i = at;
    let mut lunar = false;
    if let Some((_, n)) = any_at(chars, i, &["农历", "阴历", "夏历"]) {
        lunar = true;
        i += n;
        // 农历二〇二〇年十二月二十九日: the lunar year after the marker.
        if year.is_none()
            && let Some((y, e)) = read_year(chars, i)
        {
            return read_month_day_lunar(chars, e, y, start);
        }
    }
    if word_at(chars, i, "大年初") {
        let (d, e) = number(chars, i + 3)?;
        return ((1..=30).contains(&d)).then_some((
            Point::Day {
                year,
                month: Some(MonthRef::Absolute(1)),
                day: d,
                lunar: true,
            },
            skip_time(chars, e),
        ));
    }
    // The month.
    let (month, after_month) = if let Some((w, n)) = any_at(
        chars,
        i,
        &["上个月", "上月", "下个月", "下月", "本月", "这个月"],
    ) {
        let rel = match w {
            "上个月" | "上月" => -1,
            "下个月" | "下月" => 1,
            _ => 0,
        };
        // 上月 alone is no day; with a day it is one.
        (Some(MonthRef::Relative(rel)), i + n)
    } else if let Some((w, n)) = any_at(chars, i, &["正月", "腊月", "冬月"]) {
        lunar = true;
        let m = match w {
            "正月" => 1,
            "冬月" => 11,
            _ => 12,
        };
        (Some(MonthRef::Absolute(m)), i + n)
    } else if let Some((m, e)) = number(chars, i)
        && (1..=12).contains(&m)
        && chars.get(e) == Some(&'月')
    {
        let mut e = e + 1;
        if chars.get(e) == Some(&'份') {
            e += 1;
        }
        (Some(MonthRef::Absolute(m)), e)
    } else {
        (None, i)
    };
    // 6月第3个星期日, 八月份的第一个周二.
    if let Some(MonthRef::Absolute(m)) = month
        && !lunar
    {
        let mut j = after_month;
        if chars.get(j) == Some(&'的') {
            j += 1;
        }
        if chars.get(j) == Some(&'第')
            && let Some((n, e)) = number(chars, j + 1)
        {
            let e = if chars.get(e) == Some(&'个') {
                e + 1
            } else {
                e
            };
            if let Some((wd, e2)) = weekday_name(chars, e) {
                return Some((
                    Point::NthWeekday {
                        year,
                        month: m,
                        n,
                        weekday: wd,
                    },
                    skip_time(chars, e2),
                ));
            }
        }
    }
    // The day.
    let (day, after_day) = if word_at(chars, after_month, "初") && (lunar || month.is_some()) {
        let (d, e) = number(chars, after_month + 1)?;
        lunar = true;
        (d, e)
    } else {
        let (d, e) = number(chars, after_month)?;
        let unit = chars.get(e).copied();
        match unit {
            Some('日') => (d, e + 1),
            Some('号') if is_day_hao(chars, e + 1, month.is_some()) => (d, e + 1),
            // 正月十五, 农历八月十五: a lunar day needs no 日.
            _ if lunar && month.is_some() => (d, e),
            // 12月11至14日: the first day of a span leaves its 日 to the last.
            Some('至' | '到' | '-' | '—' | '–' | '~' | '～') if month.is_some() => (d, e),
            // "16-20日" opening a chronicle's line: days of the month in hand.
            Some('-' | '—' | '–' | '至' | '~' | '～')
                if start == 0 && year.is_none() && closes_day_span(chars, e + 1) =>
            {
                (d, e)
            }
            // 3月4下午: a part of the day stands for the 日.
            _ if month.is_some() && any_at(chars, e, TIMES_OF_DAY).is_some_and(|(_, n)| n > 1) => {
                (d, e)
            }
            _ => return None,
        }
    };
    if !(1..=31).contains(&day) {
        return None;
    }
    // A day written alone must be in Arabic digits: 三日 is more often "three days".
    if month.is_none() && !lunar && !chars[after_month].is_ascii_digit() {
        return None;
    }
    if month.is_none() && year.is_some() {
        return None;
    }
    Some((
        Point::Day {
            year,
            month,
            day,
            lunar,
        },
        skip_time(chars, after_day),
    ))
}

/// True when a day of the span's end, written in Arabic digits with its 日,
/// stands at `at` ("16-20日"), and no 内 or 以内 follows it (3-5日内 is a
/// length of time).
fn closes_day_span(chars: &[char], at: usize) -> bool {
    let digits = chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (1..=2).contains(&digits)
        && chars.get(at + digits) == Some(&'日')
        && !matches!(chars.get(at + digits + 1), Some('内' | '以' | '之'))
}

fn read_month_day_lunar(
    chars: &[char],
    at: usize,
    year: Option<YearRef>,
    start: usize,
) -> Option<(Point, usize)> {
    match read_month_day(chars, at, year, start)? {
        (
            Point::Day {
                year, month, day, ..
            },
            e,
        ) => Some((
            Point::Day {
                year,
                month,
                day,
                lunar: true,
            },
            e,
        )),
        other => Some(other),
    }
}

/// True when `号` after a number is a day, not a number of a line or building.
fn is_day_hao(chars: &[char], after: usize, has_month: bool) -> bool {
    if listed_at(chars, after, &words().not_day_hao).is_some() {
        return false;
    }
    has_month || chars.get(after).is_none_or(|c| !crate::extract::is_han(*c)) || {
        any_at(chars, after, TIMES_OF_DAY).is_some() || chars.get(after) == Some(&'、')
    }
}

/// True when a word of `list` ends right at `at`.
fn table_ends_at(chars: &[char], at: usize, list: &[String]) -> bool {
    list.iter()
        .any(|w| crate::extract::word_ends_at(chars, at, w))
}

/// 昨天, 今日, 前天, 明天, 后天, 大后天, 昨晚.
fn read_relative_day(chars: &[char], i: usize) -> Option<(Point, usize)> {
    let table = &words().relative_day;
    let (w, n) = table
        .iter()
        .filter(|(x, _)| word_at(chars, i, x))
        .max_by_key(|(x, _)| x.chars().count())
        .map(|(x, _)| (x.as_str(), x.chars().count()))?;
    // 今日头条, 明日之星: a relative day is no part of a name.
    if word_at(chars, i + n, "头条") || word_at(chars, i + n, "之") {
        return None;
    }
    // "谋划美好明天", "更加灿烂的明天": a time to come, no day.
    if table_ends_at(chars, i, &words().relative_noun_before) {
        return None;
    }
    let rel = table.iter().find(|(x, _)| x == w).map(|(_, r)| *r)?;
    let mut e = skip_time(chars, i + n);
    // 今天(上午): a bracket that restates no day is passed over; one that
    // does (今天(9月14日)) is read as a date of its own, which dates the act.
    if matches!(chars.get(e), Some('(') | Some('（'))
        && let Some(close) = chars[e..]
            .iter()
            .take(14)
            .position(|c| matches!(c, ')' | '）'))
        && !chars[e..e + close].iter().any(|c| matches!(c, '日' | '号'))
    {
        e = skip_time(chars, e + close + 1);
    }
    Some((Point::RelativeDay(rel), e))
}

/// True when an ordinal count "第N个" stands right before offset `i`
/// (第28个, 第四十个), in Arabic digits or Chinese numerals.
fn counted_before(chars: &[char], i: usize) -> bool {
    let Some(ge) = i.checked_sub(1).filter(|&g| chars[g] == '个') else {
        return false;
    };
    let digits = chars[..ge]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit() || "〇零一二三四五六七八九十百".contains(**c))
        .count();
    digits > 0 && ge > digits && chars[ge - digits - 1] == '第'
}

/// 上周五, 本周三, 下个星期一, 星期天, 周二.
fn read_weekday(chars: &[char], i: usize) -> Option<(Point, usize)> {
    let (week, after) = match any_at(
        chars,
        i,
        &[
            "上上周",
            "上周",
            "上个星期",
            "上星期",
            "上个礼拜",
            "上礼拜",
            "本周",
            "这周",
            "这个星期",
            "本星期",
            "下周",
            "下个星期",
            "下星期",
            "下个礼拜",
            "下礼拜",
        ],
    ) {
        Some((w, n)) => {
            let week = if w.starts_with("上上") {
                -2
            } else if w.starts_with('上') {
                -1
            } else if w.starts_with('下') {
                1
            } else {
                0
            };
            // The unit is part of the words above, except 上周/本周/下周/这周, which
            // end with it; what follows must be the day.
            (week, i + n)
        }
        None => (0, i),
    };
    let (wd, e) = if after == i {
        weekday_name(chars, i)?
    } else {
        // "上周五": the unit was read, the day follows; "上个星期一" likewise.
        match day_of_week(chars.get(after).copied()) {
            Some(d) => (d, after + 1),
            None => return None,
        }
    };
    Some((Point::Weekday { week, weekday: wd }, skip_time(chars, e)))
}

/// 星期一, 周日, 礼拜天: the weekday (1 = Monday) and the end offset.
fn weekday_name(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let (form, n) = any_at(chars, i, &["星期", "礼拜", "周"])?;
    let d = day_of_week(chars.get(i + n).copied())?;
    // A name in a list of names is no weekday: "区领导周一某、乙", "甲、周五某".
    let han = |k: usize| chars.get(k).is_some_and(|c| crate::extract::is_han(*c));
    let listed = (i > 0 && chars[i - 1] == '、') || chars.get(i + n + 2) == Some(&'、');
    // (Not a part of the day after it: "周一上午、周二下午".)
    let part_of_day = chars
        .get(i + n + 1)
        .is_some_and(|c| "上下中晚早夜凌傍午深".contains(*c));
    if form == "周" && han(i + n + 1) && !part_of_day && listed {
        return None;
    }
    Some((d, i + n + 1))
}

fn day_of_week(c: Option<char>) -> Option<u32> {
    match c? {
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '日' | '天' | '末' => Some(7),
        _ => None,
    }
}

/// 2024-12-11, 2019/04/19, 2019.9.6, with an optional clock time after it.
fn read_numeric(chars: &[char], i: usize) -> Option<(Point, usize)> {
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.') {
        return None;
    }
    let (y, e) = ascii_number(chars, i, 4)?;
    if e - i != 4 {
        return None;
    }
    let sep = *chars.get(e)?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let (m, e2) = ascii_number(chars, e + 1, 2)?;
    if chars.get(e2) != Some(&sep) {
        return None;
    }
    let (d, e3) = ascii_number(chars, e2 + 1, 2)?;
    // 2019.9.6亿: a number, not a day.
    if chars
        .get(e3)
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | '亿' | '万'))
    {
        return None;
    }
    Day::new(y as i32, m, d)?;
    Some((
        Point::Day {
            year: Some(YearRef::Absolute(y as i32)),
            month: Some(MonthRef::Absolute(m)),
            day: d,
            lunar: false,
        },
        skip_time(chars, e3),
    ))
}

fn ascii_number(chars: &[char], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut v = 0u32;
    let mut e = i;
    while e < chars.len() && e - i < max && chars[e].is_ascii_digit() {
        v = v * 10 + chars[e].to_digit(10)?;
        e += 1;
    }
    (e > i).then_some((v, e))
}

/// Holidays and solar terms, with what `year_before` says of the context: a
/// solar term that is also a common word (大雪, 小满) needs a year or 节气.
fn read_holiday(chars: &[char], i: usize, year_before: bool) -> Option<(Holiday, usize)> {
    let table = &words().holidays;
    if let Some((w, n)) = table
        .iter()
        .filter(|(x, _)| word_at(chars, i, x))
        .max_by_key(|(x, _)| x.chars().count())
        .map(|(x, _)| (x.as_str(), x.chars().count()))
    {
        let h = table.iter().find(|(x, _)| x == w).map(|(_, h)| *h)?;
        let mut e = i + n;
        let marked = any_at(chars, e, &["假期", "期间", "当天", "前夕", "节"]);
        if let Some((_, k)) = marked {
            e += k;
        }
        // 李国庆, 王春节: an unmarked holiday right after a surname is a given name.
        let after_surname = i > 0 && surnames().contains(&chars[i - 1]);
        if marked.is_none() && !w.ends_with('节') && after_surname && !year_before {
            return None;
        }
        // 第28个教师节: a holiday counted by its years names the occasion
        // ("研究召开庆祝第28个教师节表彰大会事宜"); it dates nothing.
        if counted_before(chars, i) {
            return None;
        }
        return Some((h, skip_time(chars, e)));
    }
    // Solar terms: 清明, 冬至 and 立春 read alone; the rest need a year or 节气.
    for (ix, term) in calendar::SOLAR_TERMS.iter().enumerate() {
        if word_at(chars, i, term) {
            let e = i + 2;
            let marked =
                word_at(chars, e, "节气") || word_at(chars, e, "当天") || word_at(chars, e, "这天");
            // 张清明, 王冬至: a term read alone right after a surname is a
            // given name, as a holiday is.
            let after_surname = i > 0 && surnames().contains(&chars[i - 1]);
            let alone_ok = words().term_alone.iter().any(|t| t == *term) && !after_surname;
            if year_before || marked || alone_ok {
                let e = if word_at(chars, e, "节气") {
                    e + 2
                } else {
                    e
                };
                return Some((Holiday::Term(ix as u8), skip_time(chars, e)));
            }
        }
    }
    None
}

const TIMES_OF_DAY: &[&str] = &[
    "上午", "下午", "晚上", "晚间", "早上", "早晨", "凌晨", "中午", "午间", "傍晚", "夜间", "夜里",
    "深夜", "黎明", "午夜", "清晨", "零时", "晚", "早", "夜",
];

/// Skips what may follow a day without changing it: a part of the day, a clock
/// time (9:30, 8时11分许, 24时, 下午3点), a weekday in brackets, 左右.
fn skip_time(chars: &[char], mut i: usize) -> usize {
    loop {
        let start = i;
        if matches!(chars.get(i), Some('(') | Some('（'))
            && let Some(close) = chars[i..]
                .iter()
                .take(24)
                .position(|c| matches!(c, ')' | '）'))
        {
            let inner: String = chars[i + 1..i + close].iter().collect();
            if inner.starts_with('周')
                || inner.starts_with("星期")
                || inner.starts_with('即')
                || inner.contains("农历")
            {
                i += close + 1;
            }
        }
        if let Some((_, n)) = any_at(chars, i, TIMES_OF_DAY) {
            // 晚会, 早期: a part of the day must not start a word.
            let next = chars.get(i + n).copied();
            let glued = n == 1 && next.is_some_and(|c| "会期报饭餐宴些班点年".contains(c));
            if !glued {
                i += n;
            }
        }
        // Clock: 9:30, 18:59:03, 20时15分, 3点, 十时, 8时11分许 (after a space too).
        if let Some((_, e)) = clock(chars, i) {
            i = e;
        } else if chars.get(i) == Some(&' ')
            && let Some((_, e)) = clock(chars, i + 1)
        {
            i = e;
        }
        if let Some((_, n)) = any_at(chars, i, &["左右", "许", "前后"]) {
            i += n;
        }
        if i == start {
            return i;
        }
    }
}

fn clock(chars: &[char], i: usize) -> Option<((), usize)> {
    let (h, e) = number(chars, i)?;
    if h > 24 {
        return None;
    }
    match chars.get(e) {
        Some(':') | Some('：') => {
            let (_, e2) = ascii_number(chars, e + 1, 2)?;
            let mut end = e2;
            while matches!(chars.get(end), Some(':') | Some('：')) {
                match ascii_number(chars, end + 1, 2) {
                    Some((_, e3)) => end = e3,
                    None => break,
                }
            }
            if chars.get(end) == Some(&'时') {
                end += 1;
            }
            Some(((), end))
        }
        Some('时') | Some('点') => {
            let mut end = e + 1;
            if let Some((_, e2)) = number(chars, end)
                && matches!(chars.get(e2), Some('分'))
            {
                end = e2 + 1;
                if let Some((_, e3)) = number(chars, end)
                    && chars.get(e3) == Some(&'秒')
                {
                    end = e3 + 1;
                }
            } else if let Some((_, n)) = any_at(chars, end, &["半", "整", "一刻"]) {
                end += n;
            }
            Some(((), end))
        }
        _ => None,
    }
}

/// A Chinese or Arabic digit's value.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '〇' | '零' | 'Ｏ' | 'O' => Some(0),
        _ => numeral(c).filter(|v| *v <= 9),
    }
}

fn numeral(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '廿' => 20,
        '卅' => 30,
        _ => return None,
    })
}

/// A number of one or two places, in Arabic digits (1-2 digits) or Chinese
/// numerals (十二, 二十八, 廿二, 三十一): its value and end offset.
fn number(chars: &[char], i: usize) -> Option<(u32, usize)> {
    if chars.get(i)?.is_ascii_digit() {
        let (v, e) = ascii_number(chars, i, 2)?;
        // A longer run of digits is no month or day.
        if chars.get(e).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        return Some((v, e));
    }
    let mut e = i;
    let mut value: u32 = 0;
    let mut current: u32 = 0;
    let mut seen = false;
    while let Some(&c) = chars.get(e) {
        let Some(v) = numeral(c) else { break };
        if c == '两' && seen {
            break;
        }
        match v {
            10 => {
                value += current.max(1) * 10;
                current = 0;
            }
            20 | 30 => {
                value += v;
                current = 0;
            }
            _ => current = current * 10 + v,
        }
        seen = true;
        e += 1;
        if e - i >= 3 {
            break;
        }
    }
    seen.then_some((value + current, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(published: &str) -> Clock {
        Clock {
            published: Day::parse_iso(published),
            ..Clock::default()
        }
    }

    /// The ISO days the first date mention of `text` names, against `base`.
    fn days(base: &str, text: &str) -> Vec<String> {
        let found = find(text);
        let Some(m) = found.first() else {
            return vec!["none".into()];
        };
        let c = clock(base);
        let got = c.resolve(&m.expr);
        if got.is_empty() {
            return vec!["undated".into()];
        }
        got.iter()
            .map(|d| match d.last {
                Some(l) => format!("{}..{}", d.first.iso(), l.iso()),
                None => d.first.iso(),
            })
            .collect()
    }

    #[test]
    fn a_span_of_months_is_what_is_reported_on() {
        // "汇报了2021年1-9月份经济运行情况" dates nothing, as a month does.
        assert!(find("汇报了2021年1-9月份经济运行情况").is_empty());
        assert!(find("1至9月全县完成投资").is_empty());
        assert_eq!(days("2024-12-15", "3月份"), ["undated"]);
    }

    #[test]
    fn digits_run_together_read_by_the_pages_date() {
        // 1月23日 or 12月3日: the one nearest on or before the page's date.
        assert_eq!(days("2024-01-24", "123日上午,会议闭幕"), ["2024-01-23"]);
        assert_eq!(days("2023-12-05", "123日上午,会议闭幕"), ["2023-12-03"]);
        assert_eq!(days("2022-01-20", "2022118日下午,会议闭幕"), ["2022-01-18"]);
        // Without a page's date, no reading is preferred.
        assert_eq!(days("", "123日上午,会议闭幕"), ["undated"]);
        // A count of days is no date.
        assert_eq!(days("2024-01-24", "限120日内完成"), ["none"]);
        assert_eq!(days("2024-03-08", "项目已安全运行115日,运行良好"), ["none"]);
    }

    #[test]
    fn absolute_and_partial_days() {
        assert_eq!(days("2024-12-15", "2024年12月9日"), ["2024-12-09"]);
        assert_eq!(
            days("2024-12-15", "区委书记某某12月11日出席"),
            ["2024-12-11"]
        );
        assert_eq!(days("2025-01-06", "12月28日,召开会议"), ["2024-12-28"]);
        assert_eq!(days("2024-12-11", "二〇二四年十二月十日"), ["2024-12-10"]);
        assert_eq!(days("2024-12-12", "十二月十一日"), ["2024-12-11"]);
        assert_eq!(days("2021-06-14", "15年3月2日"), ["2015-03-02"]);
        assert_eq!(days("2017-10-30", "零七年八月二十九号"), ["2007-08-29"]);
        assert_eq!(days("2021-06-14", "2019.9.6"), ["2019-09-06"]);
        assert_eq!(days("2021-06-14", "2019/04/19"), ["2019-04-19"]);
    }

    #[test]
    fn day_only_takes_the_base_month_or_the_one_before() {
        assert_eq!(days("2020-12-30", "29日上午,召开会议"), ["2020-12-29"]);
        assert_eq!(days("2025-01-03", "29日"), ["2024-12-29"]);
        assert_eq!(days("2021-09-01", "8号晚上9点"), ["2021-08-08"]);
        // The day read last lends its month, but not to a day it would put
        // after the dateline: a report is of the month before.
        let day = |last: &str, future: bool| {
            let c = Clock {
                last: Day::parse_iso(last),
                future,
                ..clock("2022-10-04")
            };
            c.resolve(&find("29日下午").remove(0).expr)[0].first.iso()
        };
        assert_eq!(day("2022-10-04", false), "2022-09-29");
        assert_eq!(day("2022-09-03", false), "2022-09-29");
        assert_eq!(day("2022-10-04", true), "2022-10-29"); // 将于29日
    }

    #[test]
    fn spans_and_lists() {
        assert_eq!(
            days("2024-12-15", "12月11至14日"),
            ["2024-12-11..2024-12-14"]
        );
        assert_eq!(
            days("2024-08-23", "8月21日—8月22日"),
            ["2024-08-21..2024-08-22"]
        );
        assert_eq!(
            days("2024-12-08", "12月9日零时至12月16日24时"),
            ["2024-12-09..2024-12-16"]
        );
        assert_eq!(
            days("2024-12-26", "24日、25日"),
            ["2024-12-24", "2024-12-25"]
        );
        assert_eq!(
            days("2025-03-10", "3月4日、6日"),
            ["2025-03-04", "2025-03-06"]
        );
        assert_eq!(
            days("2025-01-05", "2024年12月30日至2025年1月3日"),
            ["2024-12-30..2025-01-03"]
        );
        // Weekdays listed: each one an occasion, in the first one's week.
        assert_eq!(
            days("2024-12-13", "周一上午、周三下午"),
            ["2024-12-09", "2024-12-11"]
        );
        assert_eq!(
            days("2024-12-13", "上周一、周四"),
            ["2024-12-02", "2024-12-05"]
        );
    }

    #[test]
    fn relative_days_weeks_and_years() {
        assert_eq!(days("2024-03-01", "昨天"), ["2024-02-29"]);
        assert_eq!(days("2024-12-11", "昨日上午"), ["2024-12-10"]);
        assert_eq!(days("2024-12-11", "上周五"), ["2024-12-06"]);
        // A name in a list of names is no weekday; a part of the day keeps it one.
        assert_eq!(
            days("2024-12-11", "区领导葛立山、周一某、卢文海出席"),
            ["none"]
        );
        assert_eq!(days("2024-12-11", "区领导周五某、卢文海出席"), ["none"]);
        // Nor is a word of no date at the end of a name in a list.
        assert!(find("执行主席是:卢文海、孙年初、方建春").is_empty());
        assert_eq!(find("今年年初,卢文海调研").len(), 1);
        assert_eq!(days("2024-12-11", "某某、周二下午"), ["2024-12-10"]);
        assert_eq!(days("2024-12-15", "本周三"), ["2024-12-11"]);
        assert_eq!(days("2024-12-11", "下周六"), ["2024-12-21"]);
        assert_eq!(days("2024-12-10", "去年10月15日"), ["2023-10-15"]);
        assert_eq!(days("2021-06-14", "上个月15号"), ["2021-05-15"]);
    }

    #[test]
    fn holidays_terms_and_lunar_days() {
        assert_eq!(days("2023-10-09", "国庆期间"), ["2023-10-01..2023-10-07"]);
        assert_eq!(days("2025-02-10", "春节"), ["2025-01-29"]);
        assert_eq!(days("2023-04-10", "清明节"), ["2023-04-05"]);
        assert_eq!(days("2024-02-20", "正月十五"), ["2024-02-24"]);
        assert_eq!(days("2025-01-25", "农历腊月二十三"), ["2025-01-22"]);
        // 除夕 is the day before 春节: 腊月三十 in 2023's year, 腊月二十九 in 2024's.
        assert_eq!(days("2023-01-25", "除夕"), ["2023-01-21"]);
        assert_eq!(days("2024-02-12", "除夕"), ["2024-02-09"]);
        assert_eq!(days("2024-02-12", "大年三十"), ["2024-02-09"]);
    }

    #[test]
    fn a_holiday_in_a_given_name_is_no_date() {
        assert_eq!(
            days(
                "2019-03-10",
                "县人民检察院检察长李国庆以及县人大各委室负责人列席会议"
            ),
            ["none"]
        );
        assert_eq!(days("2024-09-20", "欢度国庆"), ["2024-10-01..2024-10-07"]);
        // A solar term read alone is a given name after a surname too.
        assert_eq!(
            days("2022-04-21", "执行主席葛立山、张清明在主席台就座"),
            ["none"]
        );
        assert_eq!(
            days("2024-09-20", "李某国庆节期间"),
            ["2024-10-01..2024-10-07"]
        );
    }

    #[test]
    fn a_holiday_counted_by_its_years_is_no_date() {
        assert_eq!(
            days("2012-09-04", "研究了召开庆祝第28个教师节表彰大会的有关事宜"),
            ["none"]
        );
        assert_eq!(days("2012-09-04", "庆祝教师节大会"), ["2012-09-10"]);
    }

    #[test]
    fn a_holiday_at_the_very_end_reads_no_further() {
        // Once a panic: the check for a second holiday read past the end.
        for text in [
            "国庆9:30",
            "区委书记某某国庆 10:00",
            "清明廿:9",
            "。 国庆9:9",
        ] {
            let _ = find(text);
        }
        assert_eq!(days("2024-09-20", "国庆9:30"), ["2024-10-01..2024-10-07"]);
    }

    #[test]
    fn the_shipped_table_reads() {
        let w = parse_words(DATES).unwrap();
        assert!(w.holidays.len() >= 20 && w.undated.contains(&"近日".to_string()));
        assert!(parse_words("holiday\t某节\tsolar\t13").is_err());
    }

    #[test]
    fn a_part_of_the_year_dates_only_the_clause_it_opens() {
        let found = find("这次活动是全力冲刺二季度,力保上半年目标的动员");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| !d.occasion), "{found:?}");
        let found = find("上半年,区长某某先后调研");
        assert!(found[0].occasion && matches!(found[0].expr, DateExpr::Undated));
        // Recent-time words date the clause wherever they stand.
        assert!(find("区长某某近日调研")[0].occasion);
    }

    #[test]
    fn undated_and_not_dates() {
        assert_eq!(days("2024-12-11", "近日"), ["undated"]);
        // A chronicle's "是月" item is of the month, no day of it.
        assert_eq!(days("2024-12-11", "是月"), ["undated"]);
        assert_eq!(days("2024-12-11", "今年3月"), ["undated"]);
        assert_eq!(days("2024-12-11", "连续三日"), ["none"]);
        // A time to come is no day.
        assert_eq!(days("2024-12-11", "共商发展大计,谋划美好明天"), ["none"]);
        assert_eq!(days("2024-12-11", "共创更加灿烂的明天"), ["none"]);
        assert_eq!(days("2024-12-11", "明天上午"), ["2024-12-12"]);
        assert_eq!(days("2024-12-11", "地铁3号线"), ["none"]);
        assert_eq!(days("2024-12-11", "《2024年12月工作要点》"), ["none"]);
        assert!(!find("截至6月30日")[0].occasion);
        // A day alone on its line is the page's date, unless a part of the
        // day says it is an act's.
        assert!(!find("2021年1月22日")[0].occasion);
        assert!(find("2021年1月21日下午")[0].occasion);
        // A stamp with its clock time, in a list of notices, dates no act.
        let found = find("最新公告: 某部门预算2017-02-06 14:56:54 某调研报告2016-09-08 15:39");
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| !d.occasion), "{found:?}");
        // A meeting's time on a form's line dates the meeting, not the page.
        assert!(find("会议时间:2025年12月13日(星期六)13:30")[0].occasion);
        assert!(!find("发布时间:2025-12-13 13:30")[0].occasion);
        assert!(find("6月30日,召开")[0].occasion);
        // What a meeting took up dates none of its acts; a picture's stamp
        // and a dateline with its place date the page.
        let took_up = find("会议传达学习12月6日中央政治局会议精神;听取当前工作汇报。");
        assert!(took_up.iter().all(|d| !d.occasion));
        assert!(!find("截屏2023-07-24 15.04.30")[0].occasion);
        assert!(!find("看望慰问春节期间坚守岗位的职工")[0].occasion);
        let placed = find("中国台湾网2月3日广州讯 1月27日,区委举办团拜会");
        assert_eq!(
            placed.iter().map(|d| d.occasion).collect::<Vec<_>>(),
            [false, true]
        );
        // The place may stand before the date, and 消息 end it.
        let placed = find("某某网南京1月15日消息(记者某某)1月13日上午,开工仪式举行");
        assert_eq!(
            placed.iter().map(|d| d.occasion).collect::<Vec<_>>(),
            [false, true]
        );
    }

    #[test]
    fn holidays_ahead_date_no_act() {
        let found = find("在国庆、中秋来临之际,9月24日,举办比赛");
        let occasions: Vec<bool> = found.iter().map(|d| d.occasion).collect();
        assert_eq!(occasions, [false, false, true]);
        let found = find("在中秋、国庆“两节”即将到来之际,9月27日,开展活动");
        assert!(!found[0].occasion && !found[1].occasion && found[2].occasion);
    }

    #[test]
    fn a_chronicles_day_needs_its_month() {
        let mut c = clock("2009-09-04");
        c.chronicle = true;
        let six = find("6日 盐田区召开会议")[0].expr.clone();
        assert!(c.resolve(&six).is_empty());
        c.month = Some((2008, 8));
        assert_eq!(c.resolve(&six)[0].first.iso(), "2008-08-06");
        // Outside a chronicle the page's month is meant (the month before,
        // for a day after the page's).
        assert_eq!(
            clock("2009-09-04").resolve(&six)[0].first.iso(),
            "2009-08-06"
        );
        let three = find("3日 盐田区召开会议")[0].expr.clone();
        assert_eq!(
            clock("2009-09-04").resolve(&three)[0].first.iso(),
            "2009-09-03"
        );
    }

    #[test]
    fn the_day_after_the_last_year_is_no_day() {
        let clock = |last| Clock {
            last: Day::parse_iso(last),
            ..Clock::default()
        };
        assert_eq!(
            clock("2100-12-31").resolve(&DateExpr::NextDay),
            Vec::<Dated>::new()
        );
        assert_eq!(
            clock("2100-12-30").resolve(&DateExpr::NextDay),
            vec![Dated::day(Day::parse_iso("2100-12-31").unwrap())]
        );
    }

    #[test]
    fn a_day_in_parentheses_dates_the_act_over_today() {
        let found = find("今天╠(2月7日)╣ 上午,调研");
        assert!(!found[0].occasion, "{found:?}");
        assert!(found[1].occasion, "{found:?}");
        // Written with plain brackets too; a bracket with no day is passed over.
        let found = find("今天(12月27日)下午,会议召开");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(!found[0].occasion && found[1].occasion, "{found:?}");
        assert_eq!(find("今天(周五)下午,会议召开").len(), 1);
    }

    #[test]
    fn a_day_a_body_issued_a_document_on_is_no_occasion() {
        assert!(!find("8月6日,国务院印发《某某方案》")[0].occasion);
        assert!(!find("6月25日,市委、市政府制定出台了《若干意见》")[0].occasion);
        assert!(!find("3月1日，省发展改革委和省财政厅联合印发通知")[0].occasion);
        // An official's act, or a launch event, is dated as ever.
        assert!(find("8月6日,区委书记某某出席发布会")[0].occasion);
        assert!(find("8月6日,区政府新闻发布会召开")[0].occasion);
        assert!(find("8月6日,某某发布《报告》")[0].occasion);
    }

    #[test]
    fn a_dateline_may_end_in_its_place_and_xiaoxi() {
        let found = find("某网6月18日某县消息 日前,考察团一行");
        assert!(!found[0].occasion, "{found:?}");
    }

    #[test]
    fn a_day_alone_on_its_line_heads_what_follows() {
        assert!(find("12月20日")[0].occasion);
        assert!(find("9日")[0].occasion);
        // A page's own date, with its year, stays no occasion.
        assert!(!find("2022年12月20日")[0].occasion);
        assert!(!find("2022-12-20")[0].occasion);
    }

    #[test]
    fn a_chronicles_line_may_open_with_a_span_of_days() {
        assert_eq!(days("2007-05-31", "16-20日"), ["2007-05-16..2007-05-20"]);
        assert_eq!(days("2007-05-31", "11~13日"), ["2007-05-11..2007-05-13"]);
        // A length of time is no span of days; nor is a span inside a sentence.
        assert!(
            find("3-5日内完成")
                .iter()
                .all(|d| !matches!(d.expr, DateExpr::Range(..)))
        );
        assert!(
            find("工期为16-20日")
                .iter()
                .all(|d| !matches!(d.expr, DateExpr::Range(..)))
        );
    }

    #[test]
    fn the_end_a_meeting_runs_to_is_no_occasion() {
        let found = find("会期持续至22日");
        assert!(!found[0].occasion, "{found:?}");
        let found = find("即日起至3月31日举办系列活动");
        assert!(found.iter().all(|d| !d.occasion), "{found:?}");
    }

    #[test]
    fn a_chronicles_month_heading_may_end_in_a_colon() {
        for heading in ["一月", "一月:", "十二月："] {
            assert!(
                matches!(
                    find(heading)[..],
                    [DateMention {
                        expr: DateExpr::Month { .. },
                        ..
                    }]
                ),
                "{heading}"
            );
        }
        assert!(find("一月一次").is_empty());
    }

    #[test]
    fn a_holiday_before_a_noun_is_no_occasion() {
        let found = find("9月11日,县长某某收听收看省、市中秋节值班视频调度会后");
        assert!(found[0].occasion && !found[1].occasion, "{found:?}");
        assert!(!find("国庆假期值班安排")[0].occasion);
        assert!(!find("向元旦假期坚守岗位的劳动者致以问候")[0].occasion);
        assert!(!find("详细了解中秋假期供水保障情况")[0].occasion);
        // Before an act's verb it dates the act.
        assert!(find("区委书记某某国庆出席活动")[0].occasion);
        // Standing alone or before a part of the day, it dates the act.
        assert!(find("中秋节,县长某某走访")[0].occasion);
        assert!(find("中秋节当天,县长某某走访")[0].occasion);
        assert!(find("国庆节上午,县长某某检查")[0].occasion);
    }
}
