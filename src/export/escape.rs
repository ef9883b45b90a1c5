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

/// True for a cell a spreadsheet would read as a formula: one starting with
/// `=`, `+`, `-`, `@`, tab or carriage return, unless it is a plain number
/// (OWASP, "CSV Injection").
///
/// govgraph's one rule for such cells, in every CSV it writes: the cell is
/// always written between quotes; where the CSV is meant for people and their
/// spreadsheets (`query --format csv`) it also gets a leading `'`
/// ([`formula_guard`]), the mark that makes Excel, LibreOffice and Google
/// Sheets keep it as text (quotes alone do not: a spreadsheet still evaluates a
/// quoted `"=1+1"`). Where the CSV is data for a database (the Neo4j export)
/// the value is kept as it is, quoted, so that Neo4j stores what the article
/// wrote; those files are for `neo4j-admin` and `LOAD CSV`, not spreadsheets.
///
/// # Example
/// ```
/// use govgraph::export::escape::looks_like_formula;
/// assert!(looks_like_formula("=1+1发布会"));
/// assert!(!looks_like_formula("-3"));
/// ```
pub fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number_or_date(s)
}

/// Guards one CSV cell meant for a spreadsheet against formula injection: a
/// cell that [`looks_like_formula`] gets a leading `'` so it stays text.
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
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Who reads a CSV: what [`csv`] does with a cell that [`looks_like_formula`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFor {
    /// People, in spreadsheets: the cell is quoted and gets a leading `'`.
    Spreadsheets,
    /// A database: the cell is quoted, its value kept as it is.
    Database,
}

/// A CSV file: `header` then `rows` (any lengths), RFC 4180 as the `csv`
/// crate writes it (a field quoted when it holds a comma, quote or line
/// break; `\n` after each record), and every cell that [`looks_like_formula`]
/// quoted as well, and guarded for `readers` (see [`looks_like_formula`] for
/// the rule). Linear in the cells.
///
/// # Errors
/// Only what writing into memory can give, which is nothing in practice.
///
/// # Example
/// ```
/// use govgraph::export::escape::{csv, CsvFor};
/// let rows = [vec!["=1+1发布会".to_string(), "a,b".into()]];
/// let header = ["event", "place"];
/// let db = csv(&header, rows.iter(), CsvFor::Database).unwrap();
/// assert_eq!(String::from_utf8(db).unwrap(), "event,place\n\"=1+1发布会\",\"a,b\"\n");
/// let sheet = csv(&header, rows.iter(), CsvFor::Spreadsheets).unwrap();
/// assert_eq!(String::from_utf8(sheet).unwrap(), "event,place\n\"'=1+1发布会\",\"a,b\"\n");
/// ```
pub fn csv<H, R>(
    header: &[H],
    rows: impl IntoIterator<Item = R>,
    readers: CsvFor,
) -> std::io::Result<Vec<u8>>
where
    H: AsRef<str>,
    R: AsRef<[String]>,
{
    let builder = |style| {
        let mut b = ::csv::WriterBuilder::new();
        b.terminator(::csv::Terminator::Any(b'\n'))
            .flexible(true)
            .quote_style(style);
        b
    };
    // Plain cells as the writer sees fit; formula-like ones always quoted,
    // which the writer is asked for one cell at a time.
    let plain = builder(::csv::QuoteStyle::Necessary);
    let quoted = builder(::csv::QuoteStyle::Always);
    let mut out = plain.from_writer(Vec::new());
    out.write_record(header.iter().map(AsRef::as_ref))?;
    let mut out = out.into_inner().map_err(|e| e.into_error())?;
    let mut line: Vec<u8> = Vec::new();
    for row in rows {
        let row = row.as_ref();
        if !row.iter().any(|c| looks_like_formula(c)) {
            let mut w = plain.from_writer(std::mem::take(&mut out));
            w.write_record(row)?;
            out = w.into_inner().map_err(|e| e.into_error())?;
            continue;
        }
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let formula = looks_like_formula(cell);
            let cell = match (formula, readers) {
                (true, CsvFor::Spreadsheets) => formula_guard(cell),
                _ => Cow::Borrowed(cell.as_str()),
            };
            let mut w =
                (if formula { &quoted } else { &plain }).from_writer(std::mem::take(&mut line));
            w.write_record([cell.as_ref()])?;
            line = w.into_inner().map_err(|e| e.into_error())?;
            // One field of its own: an empty one is written `""`, which in a
            // row of several is the empty cell, written as nothing.
            let field: &[u8] = match line.strip_suffix(b"\n") {
                Some(b"\"\"") if !formula => b"",
                Some(f) => f,
                None => &line,
            };
            out.extend_from_slice(field);
            line.clear();
        }
        out.push(b'\n');
    }
    Ok(out)
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
