//! The differ's DDL words every dialect writes alike: identifiers quoted by
//! core's one identifier writer, lists of them, and a snapshot's default as
//! SQL.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value as Json;

use super::DiffError;
use crate::dialect::DialectKind;
use crate::render::SqlWriter;

/// `name` quoted for `dialect`; a name DDL cannot hold is [`DiffError::Name`].
pub(super) fn quote(dialect: DialectKind, name: &str) -> Result<String, DiffError> {
    let d = dialect.try_dialect().map_err(|_| DiffError::Dialect)?;
    let mut w = SqlWriter::inline(d);
    w.ident(name).map_err(|_| DiffError::Name(name.into()))?;
    Ok(w.finish().sql)
}

/// `names` quoted, joined by `separator`.
pub(super) fn quoted_list(
    dialect: DialectKind,
    names: &[String],
    separator: &str,
) -> Result<String, DiffError> {
    let quoted: Result<Vec<String>, DiffError> = names.iter().map(|n| quote(dialect, n)).collect();
    Ok(quoted?.join(separator))
}

/// A snapshot default's SQL: text as written, JSON numbers and booleans as
/// literals.
pub(super) fn default_sql(d: &Json) -> String {
    match d {
        Json::String(s) => s.clone(),
        Json::Bool(b) => (if *b { "true" } else { "false" }).into(),
        Json::Null => "NULL".into(),
        other => other.to_string(),
    }
}
