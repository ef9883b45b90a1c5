//! Tenure: when a person held a post, read from a holds_post edge's personnel
//! facts (`start`, `end`) and sightings (`first_seen`, `last_seen`).
//!
//! A personnel fact is stronger than a sighting: a tenure runs from its start
//! (or, without one, the first sighting) to its end (or, without one, the last
//! sighting). A start with no end is an open tenure: the post is held from
//! then on, until a newer holder of a single-holder post arrives. Dates are
//! ISO days, compared as strings.

use crate::graph::Edge;

/// True when a personnel fact says the post was not held on `day`: it ended
/// before or started after.
pub(crate) fn ruled_out(e: &Edge, day: &str) -> bool {
    e.end.as_deref().is_some_and(|end| end < day)
        || (e.start.as_deref().is_some_and(|s| s > day)
            && e.first_seen.as_deref().is_none_or(|f| f > day))
}

/// True when the tenure covers `day`: from on or before it, and an end, a
/// last sighting or an open start on or after it.
pub(crate) fn covers(e: &Edge, day: &str) -> bool {
    if ruled_out(e, day) || e.tenure_from().is_none_or(|f| f > day) {
        return false;
    }
    match e.end.as_deref() {
        Some(end) => end >= day,
        None => e.tenure_open() || e.last_seen.as_deref().is_some_and(|l| l >= day),
    }
}

/// `tenure` when a personnel fact bounds the post, else `seen`.
pub(crate) fn basis(e: &Edge) -> &'static str {
    if e.start.is_some() || e.end.is_some() {
        "tenure"
    } else {
        "seen"
    }
}

/// The title as people read it: 代 before an acting holder's post (代区长).
pub(crate) fn shown_title(e: &Edge) -> String {
    let title = e.title.clone().unwrap_or_default();
    if e.acting {
        format!("代{title}")
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Relation;

    fn post(start: Option<&str>, end: Option<&str>, seen: Option<(&str, &str)>) -> Edge {
        let mut e = Edge::new("person:甲", "district:福田区", Relation::HoldsPost);
        e.title = Some("区长".into());
        e.start = start.map(String::from);
        e.end = end.map(String::from);
        e.first_seen = seen.map(|s| s.0.to_string());
        e.last_seen = seen.map(|s| s.1.to_string());
        e
    }

    #[test]
    fn an_end_rules_out_later_days_and_a_start_earlier_ones() {
        let removed = post(None, Some("2024-11-20"), Some(("2024-06-12", "2024-06-12")));
        assert!(covers(&removed, "2024-10-01"));
        assert!(covers(&removed, "2024-11-20"));
        assert!(!covers(&removed, "2024-11-25"));
        let appointed = post(Some("2024-11-20"), None, None);
        assert!(!covers(&appointed, "2024-11-19"));
        assert!(covers(&appointed, "2025-06-01"), "an open tenure runs on");
    }

    #[test]
    fn sightings_alone_cover_their_range() {
        let seen = post(None, None, Some(("2024-04-23", "2024-12-12")));
        assert!(covers(&seen, "2024-05-01"));
        assert!(!covers(&seen, "2024-12-13"));
        assert_eq!(basis(&seen), "seen");
        let seen_first = post(Some("2024-03-01"), None, Some(("2024-02-01", "2024-05-01")));
        assert_eq!(seen_first.tenure_from(), Some("2024-02-01"));
    }
}
