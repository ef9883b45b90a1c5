//! Answers as aligned tables and as CSV.
//!
//! Chinese characters take two columns in a terminal, so columns are padded by
//! display width (`unicode-width`), not by `char` count. CSV is written by the
//! `csv` crate's Writer: quoting is the library's, not ours. JSON needs no help
//! here: every answer is `Serialize`.

use unicode_width::UnicodeWidthStr;

/// Rows under headers, ready to print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; a short row is padded with empty cells.
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.headers.len().max(row.len()), String::new());
        self.rows.push(row);
    }

    /// The table with columns aligned by display width, two spaces apart, under a
    /// rule of dashes. Lines carry no trailing spaces.
    ///
    /// # Example
    /// ```
    /// use govgraph::query::Table;
    /// let mut t = Table::new(&["person", "title"]);
    /// t.push(vec!["郭亮".into(), "区委书记".into()]);
    /// assert_eq!(t.to_text(), "person  title\n------  --------\n郭亮    区委书记\n");
    /// ```
    pub fn to_text(&self) -> String {
        let clean = |s: &str| s.replace(['\n', '\r', '\t'], " ");
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                let w = clean(cell).width();
                match widths.get_mut(i) {
                    Some(x) => *x = (*x).max(w),
                    None => widths.push(w),
                }
            }
        }
        let line = |cells: &[String]| {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let cell = clean(cell);
                out.push_str(&cell);
                if i + 1 < cells.len() {
                    let pad = widths[i].saturating_sub(cell.width()) + 2;
                    out.extend(std::iter::repeat_n(' ', pad));
                }
            }
            let mut out = out.trim_end().to_string();
            out.push('\n');
            out
        };
        let mut text = line(&self.headers);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        text.push_str(&line(&rule));
        for row in &self.rows {
            text.push_str(&line(row));
        }
        text
    }

    /// The table as CSV (RFC 4180): a header line, then one line per row, each
    /// ending in `\n`, a cell quoted only when it holds a comma, quote or line
    /// break. (A record that is one empty cell is written `""`, so that it is
    /// not read as a blank line; every answer has two columns or more.)
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .flexible(true)
            .from_writer(Vec::new());
        // Writing into memory does not fail, a flexible writer takes rows of any
        // length, and every cell is a `String`, so the output is UTF-8: none of
        // these `expect`s can be reached.
        for row in std::iter::once(&self.headers).chain(&self.rows) {
            w.write_record(row).expect("CSV into memory");
        }
        let bytes = w.into_inner().expect("CSV into memory");
        String::from_utf8(bytes).expect("CSV of UTF-8 cells")
    }
}

/// An answer that can be shown as a table; `evidence` adds the source sentences.
pub trait Render {
    fn table(&self, evidence: bool) -> Table;
}

/// One row of a list answer: a list of rows renders as a table of them.
pub trait Row {
    /// The column names (with `evidence`, the last is the evidence column).
    fn headers(evidence: bool) -> Vec<&'static str>;
    /// The cells, one per header.
    fn cells(&self, evidence: bool) -> Vec<String>;
}

impl<R: Row> Render for Vec<R> {
    fn table(&self, evidence: bool) -> Table {
        let mut table = Table::new(&R::headers(evidence));
        for row in self {
            table.push(row.cells(evidence));
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut t = Table::new(&["a", "b"]);
        t.push(vec!["x,y".into(), "say \"hi\"".into()]);
        t.push(vec!["line\nbreak".into(), "郭亮".into()]);
        assert_eq!(
            t.to_csv(),
            "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",郭亮\n"
        );
    }

    #[test]
    fn text_pads_by_display_width_and_flattens_newlines() {
        let mut t = Table::new(&["name", "n"]);
        t.push(vec!["福田区".into(), "1".into()]);
        t.push(vec!["a\nb".into(), "22".into()]);
        assert_eq!(
            t.to_text(),
            "name    n\n------  --\n福田区  1\na b     22\n"
        );
    }
}
