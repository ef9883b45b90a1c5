//! Paragraphs, sentences and clauses, with character offsets.
//!
//! A paragraph is one line of the normalised text. Sentences end at 。！？；
//! (and their half-width forms) or at the end of the line; a closing quote or
//! bracket right after the stop stays with its sentence. Clauses split sentences
//! at commas, but never inside quotes, brackets or book-title marks:
//! “加强政企合作,共促园区发展” is one name, not two clauses.
//!
//! Every span is in characters (Unicode scalar values) of the document text,
//! which is what evidence offsets count.

/// A half-open range of character offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// A paragraph and its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Vec<Span>,
}

/// A document's text as characters, cut into paragraphs and sentences.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub chars: Vec<char>,
    pub paragraphs: Vec<Paragraph>,
}

const STOPS: &[char] = &['。', '!', '?', ';', '！', '？', '；'];
const CLOSERS: &[char] = &['”', '’', '"', '\'', ')', '）', '」', '』', '》'];

impl Annotated {
    /// Cuts `text` into paragraphs and sentences.
    ///
    /// ```
    /// let a = govgraph::annotate::Annotated::new("12月11日,区长出席。会议强调\n福田");
    /// assert_eq!(a.paragraphs.len(), 2);
    /// assert_eq!(a.text(a.paragraphs[0].sentences[1]), "会议强调");
    /// ```
    pub fn new(text: &str) -> Annotated {
        let chars: Vec<char> = text.chars().collect();
        let mut paragraphs = Vec::new();
        let mut line_start = 0;
        for i in 0..=chars.len() {
            if i == chars.len() || chars[i] == '\n' {
                if i > line_start {
                    let span = Span {
                        start: line_start,
                        end: i,
                    };
                    paragraphs.push(Paragraph {
                        span,
                        sentences: split_sentences(&chars, span),
                    });
                }
                line_start = i + 1;
            }
        }
        Annotated { chars, paragraphs }
    }

    /// The text of a span.
    pub fn text(&self, span: Span) -> String {
        self.chars[span.start..span.end].iter().collect()
    }

    /// The clauses of a sentence.
    pub fn clauses(&self, sentence: Span) -> Vec<Span> {
        split_clauses(&self.chars, sentence)
    }
}

fn split_sentences(chars: &[char], para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = para.start;
    let mut i = para.start;
    while i < para.end {
        if STOPS.contains(&chars[i]) {
            let mut end = i + 1;
            while end < para.end && (CLOSERS.contains(&chars[end]) || STOPS.contains(&chars[end])) {
                end += 1;
            }
            push_trimmed(chars, &mut out, start, end);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(chars, &mut out, start, para.end);
    out
}

/// The longest sentence extraction reads at once. News sentences are far
/// shorter; a longer run (a table flattened into one line, a page without
/// punctuation) is cut at its last comma before the limit, or at the limit, so
/// that no input can make extraction slow.
pub const MAX_SENTENCE: usize = 400;

fn push_trimmed(chars: &[char], out: &mut Vec<Span>, mut start: usize, end: usize) {
    while end - start > MAX_SENTENCE {
        let limit = start + MAX_SENTENCE;
        let cut = (start + MAX_SENTENCE / 2..limit)
            .rev()
            .find(|&i| matches!(chars[i], ',' | '，' | '、' | ' '))
            .map_or(limit, |i| i + 1);
        push_one(chars, out, start, cut);
        start = cut;
    }
    push_one(chars, out, start, end);
}

fn push_one(chars: &[char], out: &mut Vec<Span>, mut start: usize, mut end: usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start {
        out.push(Span { start, end });
    }
}

/// Splits at commas outside quotes and brackets; the comma belongs to no clause.
fn split_clauses(chars: &[char], sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut depth: i32 = 0;
    let mut start = sentence.start;
    for i in sentence.start..sentence.end {
        match chars[i] {
            '“' | '‘' | '(' | '（' | '《' | '「' | '『' | '[' => depth += 1,
            '”' | '’' | ')' | '）' | '》' | '」' | '』' | ']' => depth = (depth - 1).max(0),
            ',' | '，' | ':' | '：' if depth == 0 => {
                push_trimmed(chars, &mut out, start, i);
                start = i + 1;
            }
            _ => {}
        }
    }
    let mut end = sentence.end;
    while end > start && STOPS.contains(&chars[end - 1]) {
        end -= 1;
    }
    push_trimmed(chars, &mut out, start, end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_closing_quotes() {
        let a = Annotated::new("他说:“好。”然后走了。");
        let s: Vec<String> = a.paragraphs[0]
            .sentences
            .iter()
            .map(|&s| a.text(s))
            .collect();
        assert_eq!(s, vec!["他说:“好。”", "然后走了。"]);
    }

    #[test]
    fn clauses_do_not_split_quoted_names() {
        let a = Annotated::new(
            "12月10日,龙岗区召开“加强政企合作,共促园区发展”——园区企业座谈会,区长出席会议。",
        );
        let sentence = a.paragraphs[0].sentences[0];
        let c: Vec<String> = a.clauses(sentence).iter().map(|&c| a.text(c)).collect();
        assert_eq!(
            c,
            vec![
                "12月10日",
                "龙岗区召开“加强政企合作,共促园区发展”——园区企业座谈会",
                "区长出席会议"
            ]
        );
    }

    #[test]
    fn overlong_runs_are_cut() {
        let text = "区委书记".repeat(1000);
        let a = Annotated::new(&text);
        let spans = &a.paragraphs[0].sentences;
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE));
        assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), 4000);
    }

    #[test]
    fn offsets_are_characters() {
        let a = Annotated::new("福田\n区长出席。");
        assert_eq!(a.paragraphs[1].sentences[0], Span { start: 3, end: 8 });
    }
}
