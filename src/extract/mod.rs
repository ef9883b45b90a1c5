//! Mentions found in a document.
