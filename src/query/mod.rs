//! Questions over a built graph, one file per question.
