//! Answers as aligned tables and as CSV.
//!
//! Tables are laid out by comfy-table: it pads columns by display width
//! (Chinese characters take two columns in a terminal), not by `char` count.
//! CSV is written by the `csv` crate's Writer: quoting is the library's, not
//! ours. JSON needs no help here: every answer is `Serialize`.

use comfy_table::{ContentArrangement, presets};
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
        // A cell is one line: comfy-table would break a cell at a line break.
        // Tables go to terminals: no control character of the article's text
        // (an escape sequence that clears the screen, a bell) reaches one.
        let clean = |cells: &[String]| -> Vec<String> {
            cells
                .iter()
                .map(|c| {
                    c.chars()
                        .filter_map(|ch| match ch {
                            '\n' | '\r' | '\t' => Some(' '),
                            ch if ch.is_control() => None,
                            ch => Some(ch),
                        })
                        .collect()
                })
                .collect()
        };
        let mut headers = clean(&self.headers);
        let mut table = comfy_table::Table::new();
        table
            .load_preset(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Disabled)
            .force_no_tty()
            .set_header(headers.clone())
            .add_rows(self.rows.iter().map(|row| clean(row)));
        // The rule under the headers is each column's width in dashes. It is
        // the headers' second line rather than comfy-table's header separator,
        // which would run on under the padding between columns.
        let widths: Vec<usize> = table
            .column_max_content_widths()
            .into_iter()
            .enumerate()
            .map(|(i, width)| {
                // comfy-table makes a column at least one cell wide; one with
                // nothing to show (cells past the headers, say) is none wide.
                let blank = || {
                    table
                        .column_cells_with_header_iter(i)
                        .all(|cell| cell.is_none_or(|c| c.content().width() == 0))
                };
                if width == 1 && blank() {
                    0
                } else {
                    width.into()
                }
            })
            .collect();
        if widths.is_empty() {
            // No columns: comfy-table draws nothing, a table is still its lines.
            return "\n".repeat(2 + self.rows.len());
        }
        headers.resize(widths.len(), String::new());
        for (header, width) in headers.iter_mut().zip(&widths) {
            header.push('\n');
            header.push_str(&"-".repeat(*width));
        }
        table.set_header(headers);
        // Two spaces after each column; an empty one, one cell wide, takes one.
        for (column, width) in table.column_iter_mut().zip(&widths) {
            column.set_padding((0, if *width == 0 { 1 } else { 2 }));
        }
        let mut text = String::new();
        for line in table.lines() {
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text
    }

    /// The table as CSV (RFC 4180): a header line, then one line per row, each
    /// ending in `\n`, a cell quoted only when it holds a comma, quote or line
    /// break. (A record that is one empty cell is written `""`, so that it is
    /// not read as a blank line; every answer has two columns or more.)
    pub fn to_csv(&self) -> String {
        // For people and their spreadsheets: a cell that looks like a formula
        // is quoted and gets a leading `'` (the rule: `escape::looks_like_formula`).
        // Writing into memory does not fail, rows of any length are taken, and
        // every cell is a `String`, so the output is UTF-8: none of these
        // `expect`s can be reached.
        let bytes = crate::export::escape::csv(
            &self.headers,
            self.rows.iter(),
            crate::export::escape::CsvFor::Spreadsheets,
        )
        .expect("CSV into memory");
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

    #[test]
    fn no_control_character_reaches_a_terminal() {
        let mut t = Table::new(&["event"]);
        t.push(vec!["\u{1b}[2J发布会\u{7}\u{9b}31m".into()]);
        assert_eq!(t.to_text(), "event\n------------\n[2J发布会31m\n");
    }

    #[test]
    fn a_formula_in_a_csv_cell_stays_text_in_a_spreadsheet() {
        let mut t = Table::new(&["event", "n"]);
        t.push(vec!["=1+1发布会".into(), "-3".into()]);
        t.push(vec!["@SUM(A1)".into(), "+86 755".into()]);
        assert_eq!(
            t.to_csv(),
            "event,n\n\"'=1+1发布会\",-3\n\"'@SUM(A1)\",\"'+86 755\"\n"
        );
    }
}
