//! Extraction quality measured against hand-made gold annotations.
