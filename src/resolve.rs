//! Mentions to one graph.
