//! A word list compiled for finding all its words in a text in one pass.
//!
//! Titles, verbs and the names a document has introduced are each a
//! [`Lexicon`]: an Aho-Corasick automaton (leftmost-longest, so 区委副书记 wins
//! over 书记 where both start) that reports character offsets, as every stage of
//! extraction counts in characters. Finding costs time linear in the text,
//! whatever the number of words.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A word found in a text: character offset, length in characters, and the
/// index of the word in the list the lexicon was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub at: usize,
    pub len: usize,
    pub word: usize,
}

/// A compiled word list.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    matcher: Option<AhoCorasick>,
}

impl Lexicon {
    /// Compiles `words`; a hit's `word` is the index into this list.
    pub fn new<S: AsRef<str>>(words: &[S]) -> Lexicon {
        // An empty word would match everywhere, between the bytes of a
        // character: it keeps its index but stands for a text no article holds.
        let words: Vec<&str> = words
            .iter()
            .map(|w| {
                if w.as_ref().is_empty() {
                    "\0\0"
                } else {
                    w.as_ref()
                }
            })
            .collect();
        if words.iter().all(|w| *w == "\0\0") {
            return Lexicon::default();
        }
        Lexicon {
            matcher: AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&words)
                .ok(),
        }
    }

    /// Every word in `text`, left to right, never overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut chars = 0;
        let mut byte = 0;
        for found in m.find_iter(text) {
            chars += text[byte..found.start()].chars().count();
            let len = text[found.start()..found.end()].chars().count();
            out.push(Hit {
                at: chars,
                len,
                word: found.pattern().as_usize(),
            });
            chars += len;
            byte = found.end();
        }
        out
    }
}

/// A word list that says which of its words a text holds, anywhere and
/// overlapping ones too: the user dictionary's people a document names, the
/// officials other documents introduced that it names. Linear in the text.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl WordSet {
    /// Compiles `words`. An empty word would match everywhere: it stands for
    /// a text no article holds.
    pub fn new<S: AsRef<str>>(words: &[S]) -> WordSet {
        let words: Vec<String> = words.iter().map(|w| w.as_ref().to_string()).collect();
        let patterns: Vec<&str> = words
            .iter()
            .map(|w| if w.is_empty() { "\0\0" } else { w.as_str() })
            .collect();
        let matcher = if words.is_empty() {
            None
        } else {
            AhoCorasick::new(&patterns).ok()
        };
        WordSet { words, matcher }
    }

    /// The words `text` holds, each once, in their own (string) order.
    pub fn held(&self, text: &str) -> std::collections::BTreeSet<&String> {
        match &self.matcher {
            Some(m) => m
                .find_overlapping_iter(text)
                .map(|hit| &self.words[hit.pattern().as_usize()])
                .collect(),
            None => std::collections::BTreeSet::new(),
        }
    }
}

/// Words of which only the places they start matter: every start is
/// reported, overlapping or not (used to find where a name may end).
#[derive(Debug, Clone, Default)]
pub struct Boundaries {
    matcher: Option<AhoCorasick>,
}

impl Boundaries {
    pub fn new<S: AsRef<str>>(words: &[S]) -> Boundaries {
        let words: Vec<&str> = words
            .iter()
            .map(|w| w.as_ref())
            .filter(|w| !w.is_empty())
            .collect();
        Boundaries {
            matcher: AhoCorasick::new(&words).ok(),
        }
    }

    /// `starts[i]` is true where one of the words starts at character `i` of
    /// `text`; the vector has one more entry than `text` has characters.
    pub fn starts(&self, text: &str) -> Vec<bool> {
        let mut byte_to_char = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, _) in text.char_indices() {
            byte_to_char[b] = n;
            n += 1;
        }
        byte_to_char[text.len()] = n;
        let mut out = vec![false; n + 1];
        if let Some(m) = &self.matcher {
            for found in m.find_overlapping_iter(text) {
                out[byte_to_char[found.start()]] = true;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_finds_every_word_held_overlapping_or_not() {
        let set = WordSet::new(&["黄某", "黄某某", "", "李某"]);
        let held: Vec<&str> = set
            .held("区委书记黄某某调研")
            .iter()
            .map(|w| w.as_str())
            .collect();
        assert_eq!(held, ["黄某", "黄某某"]);
        assert!(set.held("无人").is_empty());
        assert!(WordSet::new::<&str>(&[]).held("黄某").is_empty());
    }

    #[test]
    fn longest_word_wins_and_offsets_are_characters() {
        let lex = Lexicon::new(&["书记", "区委副书记", "区长"]);
        let hits = lex.find("福田区委副书记、区长某某");
        assert_eq!(
            hits,
            vec![
                Hit {
                    at: 2,
                    len: 5,
                    word: 1
                },
                Hit {
                    at: 8,
                    len: 2,
                    word: 2
                }
            ]
        );
        assert!(Lexicon::new::<&str>(&[]).find("区长").is_empty());
        // An empty word matches nothing and moves no index.
        let hits = Lexicon::new(&["", "区长"]).find("区长某某");
        assert_eq!(
            hits,
            vec![Hit {
                at: 0,
                len: 2,
                word: 1
            }]
        );
    }
}
