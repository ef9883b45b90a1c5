//! Paragraphs, sections and sentences.
