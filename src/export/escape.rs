//! Escaping text for each output format.
//!
//! Article text is hostile until proven otherwise: a sentence may hold `<script>`,
//! quotes, `&`, `]]>` or start with `=`. Every exporter passes every string it
//! writes through the escaper of its format, so such text always comes through as
//! plain text and never as markup, code or a spreadsheet formula. The escaping
//! itself is the libraries': quick-xml's for XML, the `csv` crate's quoting for
//! CSV; what is here is only what they leave to us.

use std::borrow::Cow;

/// Escapes text for XML element content and attribute values (either quote).
///
/// quick-xml's [`escape`](quick_xml::escape::escape) turns `<`, `>`, `&`, `"`
/// and `'` into entities. Two things it leaves to us are done here: tab, line
/// feed and carriage return become character references (in an attribute value
/// a parser would read them back as spaces, and a carriage return anywhere as a
/// line feed), and characters XML 1.0 forbids (most C0 controls) are dropped.
///
/// # Example
/// ```
/// use govgraph::export::escape::xml;
/// assert_eq!(xml("<a href=\"x\">&]]>'"), "&lt;a href=&quot;x&quot;&gt;&amp;]]&gt;&apos;");
/// assert_eq!(xml("a\nb"), "a&#10;b");
/// ```
pub fn xml(s: &str) -> Cow<'_, str> {
    let kept: Cow<'_, str> = if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|c| is_xml_char(*c)).collect())
    };
    let escaped = quick_xml::escape::escape(kept);
    if !escaped.contains(['\t', '\n', '\r']) {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 8);
    for c in escaped.chars() {
        match c {
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The characters an XML 1.0 document may hold.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Makes JSON text safe to embed inside an HTML `<script>` element: `<`, `>`, `&`
/// and the JavaScript line separators become `\u` escapes, which JSON and
/// JavaScript read back as the same characters, so no `</script>` or `<!--` can
/// end the element early.
///
/// # Example
/// ```
/// use govgraph::export::escape::json_in_html;
/// assert_eq!(json_in_html(r#"{"a":"</script>"}"#), r#"{"a":"\u003c/script\u003e"}"#);
/// ```
pub fn json_in_html(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Guards one CSV cell against formula injection: a cell that a spreadsheet
/// would read as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
/// return, unless it is a plain number) gets a leading `'` so it stays text.
/// Quoting is left to the `csv` crate's writer, which the cell is then given to.
///
/// # Example
/// ```
/// use govgraph::export::escape::formula_guard;
/// assert_eq!(formula_guard("=1+1"), "'=1+1");
/// assert_eq!(formula_guard("-3"), "-3");
/// assert_eq!(formula_guard("2024-12-11"), "2024-12-11");
/// ```
pub fn formula_guard(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number_or_date(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// `-3` or `-1.5` are numbers, not formulas.
fn is_plain_number_or_date(s: &str) -> bool {
    let rest = s.strip_prefix(['-', '+']).unwrap_or(s);
    !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_drops_forbidden_controls() {
        assert_eq!(xml("a\u{1}b\u{FFFE}"), "ab");
    }

    #[test]
    fn xml_escapes_line_breaks_and_tabs() {
        assert_eq!(xml("a\tb\r\nc"), "a&#9;b&#13;&#10;c");
        assert!(matches!(xml("plain 文本"), Cow::Borrowed(_)));
    }

    #[test]
    fn csv_guards_every_formula_start() {
        for s in ["=A1", "+A1", "@SUM(A1)", "-A1", "\tA1", "\rA1"] {
            assert!(formula_guard(s).starts_with('\''), "{s:?}");
        }
        assert_eq!(formula_guard("-3"), "-3");
        assert_eq!(formula_guard("a,b"), "a,b");
    }
}
