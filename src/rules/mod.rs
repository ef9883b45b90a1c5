//! The extraction rule tables.

use std::path::PathBuf;

#[derive(Debug, Clone, Default)]
pub struct Rules {}

#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("{0}")]
    Bad(String),
}

impl Rules {
    pub fn load(_dicts: &[PathBuf]) -> Result<Rules, RulesError> {
        Ok(Rules {})
    }
}
