//! SQLite DDL for snapshot objects, in drizzle-kit's shape (one column per
//! line, constraints after the columns), with core's identifier quoting.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub(super) use super::words::default_sql;
use super::words::{quote, quoted_list};
use super::DiffError;
use crate::dialect::DialectKind;
use crate::snapshot::{ForeignKey, SqliteColumn, SqliteIndex, SqliteTable, SqliteView};

/// `name` quoted for SQLite (core's one identifier writer).
pub(super) fn q(name: &str) -> Result<String, DiffError> {
    quote(DialectKind::Sqlite, name)
}

fn list(names: &[String]) -> Result<String, DiffError> {
    quoted_list(DialectKind::Sqlite, names, ", ")
}

/// A column definition. `inline_fk` adds a REFERENCES clause (ADD COLUMN).
pub(super) fn column(
    c: &SqliteColumn,
    inline_fk: Option<&ForeignKey>,
) -> Result<String, DiffError> {
    let mut s = format!("{} {}", q(&c.name)?, c.type_);
    if c.primary_key {
        s.push_str(" PRIMARY KEY");
    }
    if c.autoincrement == Some(true) {
        s.push_str(" AUTOINCREMENT");
    }
    if let Some(d) = &c.default {
        s.push_str(" DEFAULT ");
        s.push_str(&default_sql(d));
    }
    if let Some(g) = &c.generated {
        s.push_str(&format!(
            " GENERATED ALWAYS AS {} {}",
            g.as_,
            g.kind.to_uppercase()
        ));
    }
    if c.not_null {
        s.push_str(" NOT NULL");
    }
    if let Some(fk) = inline_fk {
        s.push_str(&format!(
            " REFERENCES {}({}){}",
            q(&fk.table_to)?,
            list(&fk.columns_to)?,
            actions(fk)
        ));
    }
    Ok(s)
}

fn actions(fk: &ForeignKey) -> String {
    let mut s = String::new();
    if let Some(u) = &fk.on_update {
        s.push_str(&format!(" ON UPDATE {u}"));
    }
    if let Some(d) = &fk.on_delete {
        s.push_str(&format!(" ON DELETE {d}"));
    }
    s
}

/// `CREATE TABLE name (...)` for `t`'s columns and table constraints.
pub(super) fn create_table(name: &str, t: &SqliteTable) -> Result<String, DiffError> {
    let mut lines = Vec::new();
    for (_, c) in t.columns.iter() {
        lines.push(column(c, None)?);
    }
    // Named, unlike drizzle-kit's DDL: SQLite keeps a constraint's name only
    // in the CREATE TABLE text, and introspection reads it back from there.
    for (_, pk) in t.composite_primary_keys.iter() {
        let name = pk
            .name
            .as_deref()
            .map(q)
            .transpose()?
            .map(|n| format!("CONSTRAINT {n} "))
            .unwrap_or_default();
        lines.push(format!("{name}PRIMARY KEY({})", list(&pk.columns)?));
    }
    for (_, fk) in t.foreign_keys.iter() {
        lines.push(format!(
            "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}({}){}",
            q(&fk.name)?,
            list(&fk.columns_from)?,
            q(&fk.table_to)?,
            list(&fk.columns_to)?,
            actions(fk)
        ));
    }
    for (_, c) in t.check_constraints.iter().flat_map(|c| c.iter()) {
        lines.push(format!("CONSTRAINT {} CHECK({})", q(&c.name)?, c.value));
    }
    Ok(format!(
        "CREATE TABLE {} (\n\t{}\n)",
        q(name)?,
        lines.join(",\n\t")
    ))
}

/// `CREATE [UNIQUE] INDEX`; `expression(key)` tells an expression key
/// (written as is) from a column (quoted).
pub(super) fn create_index(
    table: &str,
    i: &SqliteIndex,
    expression: &dyn Fn(&str) -> bool,
) -> Result<String, DiffError> {
    let keys: Result<Vec<String>, DiffError> = i
        .columns
        .iter()
        .map(|k| if expression(k) { Ok(k.clone()) } else { q(k) })
        .collect();
    let unique = if i.is_unique { "UNIQUE " } else { "" };
    let mut s = format!(
        "CREATE {unique}INDEX {} ON {} ({})",
        q(&i.name)?,
        q(table)?,
        keys?.join(",")
    );
    if let Some(w) = &i.where_ {
        s.push_str(" WHERE ");
        s.push_str(w);
    }
    Ok(s)
}

pub(super) fn create_view(v: &SqliteView) -> Result<Option<String>, DiffError> {
    match (&v.definition, v.is_existing) {
        (Some(d), false) => Ok(Some(format!("CREATE VIEW {} AS {d}", q(&v.name)?))),
        _ => Ok(None),
    }
}
