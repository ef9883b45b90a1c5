//! Escaping text for each output format.
//!
//! Article text is hostile until proven otherwise: a sentence may hold `<script>`,
//! quotes, `&`, `]]>` or start with `=`. Every exporter passes every string it
//! writes through the escaper of its format, so such text always comes through as
//! plain text and never as markup, code or a spreadsheet formula.

/// Escapes text for XML element content and attribute values (either quote).
///
/// Characters XML 1.0 forbids (most C0 controls) are dropped.
///
/// # Example
/// ```
/// use govgraph::export::escape::xml;
/// assert_eq!(xml("<a href=\"x\">&]]>'"), "&lt;a href=&quot;x&quot;&gt;&amp;]]&gt;&apos;");
/// ```
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
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

/// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break;
/// a cell that a spreadsheet would read as a formula (starting with `=`, `+`,
/// `-`, `@`, tab or carriage return) gets a leading `'` so it stays text.
///
/// # Example
/// ```
/// use govgraph::export::escape::csv;
/// assert_eq!(csv("=1+1"), "'=1+1");
/// assert_eq!(csv("a,\"b\""), "\"a,\"\"b\"\"\"");
/// assert_eq!(csv("2024-12-11"), "2024-12-11");
/// ```
pub fn csv(s: &str) -> String {
    let mut cell = String::with_capacity(s.len() + 2);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number_or_date(s) {
        cell.push('\'');
    }
    cell.push_str(s);
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
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
    fn csv_guards_every_formula_start() {
        for s in ["=A1", "+A1", "@SUM(A1)", "-A1"] {
            assert!(csv(s).starts_with('\''), "{s}");
        }
        assert_eq!(csv("-3"), "-3");
    }
}
