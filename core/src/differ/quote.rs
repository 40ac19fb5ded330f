//! Identifiers in the differ's DDL, by core's one identifier writer.

use alloc::string::String;

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
