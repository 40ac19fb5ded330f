//! The one writer every node renders into: SQL text plus ordered parameters.

use alloc::string::String;
use alloc::vec::Vec;

use crate::dialect::Dialect;
use crate::error::Error;
use crate::params::{Param, Rendered};
use crate::render::literal;
use crate::value::Value;

/// Deepest nesting the renderer accepts; deeper input is [`Error::TooDeep`]
/// rather than a stack overflow inside a wasm host.
const MAX_DEPTH: u16 = 200;

/// Collects SQL text and bound values while an AST renders itself.
///
/// ```
/// use mizzle_core::{render::SqlWriter, DialectKind, Value};
/// let mut w = SqlWriter::new(DialectKind::Postgres.dialect());
/// w.sql("select ");
/// w.value(&Value::Int(1)).unwrap();
/// assert_eq!(w.finish().sql, "select $1");
/// ```
pub struct SqlWriter<'d> {
    dialect: &'d dyn Dialect,
    sql: String,
    params: Vec<Param>,
    /// Byte offset of each parameter's placeholder in `sql`.
    offsets: Vec<usize>,
    inline_values: bool,
    /// Inline values are DDL text the server stores and prints back
    /// (`literal::write_ddl_literal`).
    ddl: bool,
    depth: u16,
}

impl<'d> SqlWriter<'d> {
    /// A writer that binds values as parameters.
    pub fn new(dialect: &'d dyn Dialect) -> Self {
        SqlWriter {
            dialect,
            // Most statements fit: fewer reallocations while rendering.
            sql: String::with_capacity(128),
            params: Vec::new(),
            offsets: Vec::new(),
            inline_values: false,
            ddl: false,
            depth: 0,
        }
    }

    /// A writer that writes values as escaped literals (DDL, parameterless protocols).
    pub fn inline(dialect: &'d dyn Dialect) -> Self {
        SqlWriter {
            inline_values: true,
            ..SqlWriter::new(dialect)
        }
    }

    /// An inline writer for DDL (defaults, checks, view bodies).
    pub(crate) fn ddl(dialect: &'d dyn Dialect) -> Self {
        SqlWriter {
            ddl: true,
            ..SqlWriter::inline(dialect)
        }
    }

    /// The dialect being rendered.
    pub fn dialect(&self) -> &'d dyn Dialect {
        self.dialect
    }

    /// Appends SQL text verbatim.
    pub fn sql(&mut self, text: &str) {
        self.sql.push_str(text);
    }

    /// Appends a quoted identifier. Empty names and NUL characters are refused
    /// because no server accepts them and they would truncate the text.
    pub fn ident(&mut self, name: &str) -> Result<(), Error> {
        if name.is_empty() || name.contains('\0') {
            return Err(Error::BadName(name.into()));
        }
        let q = self.dialect.quote_char();
        self.sql.push(q);
        // Whole runs between quote characters (doubled): one copy per run, not per char.
        for (i, run) in name.split(q).enumerate() {
            if i > 0 {
                self.sql.push(q);
                self.sql.push(q);
            }
            self.sql.push_str(run);
        }
        self.sql.push(q);
        Ok(())
    }

    /// `"schema"."name"` or `"name"`.
    pub fn qualified(&mut self, schema: Option<&str>, name: &str) -> Result<(), Error> {
        if let Some(s) = schema {
            self.ident(s)?;
            self.sql(".");
        }
        self.ident(name)
    }

    /// Binds a value (or writes it as a literal in inline mode).
    pub fn value(&mut self, v: &Value) -> Result<(), Error> {
        if self.ddl {
            return literal::write_ddl_literal(self.dialect, &mut self.sql, v);
        }
        if self.inline_values {
            return literal::write_literal(self.dialect, &mut self.sql, v);
        }
        self.params.push(Param::Value(v.clone()));
        self.offsets.push(self.sql.len());
        self.dialect
            .write_placeholder(&mut self.sql, self.params.len());
        Ok(())
    }

    /// A named placeholder, filled at execution time.
    pub fn placeholder(&mut self, name: &str) -> Result<(), Error> {
        if self.inline_values {
            return Err(Error::Invalid(
                "placeholders cannot be written as literals".into(),
            ));
        }
        self.params.push(Param::Placeholder(name.into()));
        self.offsets.push(self.sql.len());
        self.dialect
            .write_placeholder(&mut self.sql, self.params.len());
        Ok(())
    }

    /// A host value slot, filled at execution time.
    pub fn slot(&mut self, n: u32) -> Result<(), Error> {
        if self.inline_values {
            return Err(Error::Invalid(
                "value slots cannot be written as literals".into(),
            ));
        }
        self.params.push(Param::Slot(n));
        self.offsets.push(self.sql.len());
        self.dialect
            .write_placeholder(&mut self.sql, self.params.len());
        Ok(())
    }

    /// Runs `f` one nesting level deeper, refusing input nested past the limit.
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::TooDeep);
        }
        self.depth += 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    /// Writes `items` separated by `sep`, each with `each`.
    pub fn list<T>(
        &mut self,
        items: &[T],
        sep: &str,
        mut each: impl FnMut(&mut Self, &T) -> Result<(), Error>,
    ) -> Result<(), Error> {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.sql(sep);
            }
            each(self, item)?;
        }
        Ok(())
    }

    /// Fails with [`Error::Unsupported`] when the dialect lacks `feature`.
    pub fn require(&self, feature: crate::error::Feature) -> Result<(), Error> {
        if self.dialect.lacks().contains(&feature) {
            Err(Error::Unsupported {
                feature,
                dialect: self.dialect.kind(),
            })
        } else {
            Ok(())
        }
    }

    /// The SQL and parameters written so far.
    pub fn finish(self) -> Rendered {
        Rendered {
            sql: self.sql,
            params: self.params,
        }
    }

    /// [`finish`](Self::finish), plus the byte offset of each parameter's
    /// placeholder in the SQL (what [`interpolate`](crate::render::interpolate) takes).
    pub fn finish_with_offsets(self) -> (Rendered, Vec<usize>) {
        (
            Rendered {
                sql: self.sql,
                params: self.params,
            },
            self.offsets,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DialectKind;

    #[test]
    fn ident_doubles_every_quote_character() {
        for (kind, name, quoted) in [
            (DialectKind::Sqlite, "plain", r#""plain""#),
            (DialectKind::Sqlite, r#""a""b""#, r#""""a""""b""""#),
            (DialectKind::Postgres, r#"x"y"#, r#""x""y""#),
            (DialectKind::MySql, "a`b``", "`a``b`````"),
            (DialectKind::MySql, r#"a"b"#, r#"`a"b`"#),
        ] {
            let mut w = SqlWriter::new(kind.dialect());
            w.ident(name).unwrap();
            assert_eq!(w.finish().sql, quoted);
        }
    }
}
