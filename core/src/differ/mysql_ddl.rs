//! MySQL DDL for snapshot objects, with core's identifier quoting. Written
//! for MySQL 8 and MariaDB 10.5+ alike: `RENAME COLUMN`, `DROP CONSTRAINT`
//! for checks, `DROP FOREIGN KEY` for keys.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

pub(super) use super::words::default_sql;
use super::words::{quote, quoted_list};
use super::DiffError;
use crate::dialect::DialectKind;
use crate::snapshot::{ForeignKey, MySqlColumn, MySqlIndex, MySqlTable, MySqlView};

pub(super) fn q(name: &str) -> Result<String, DiffError> {
    quote(DialectKind::MySql, name)
}

pub(super) fn list(names: &[String]) -> Result<String, DiffError> {
    quoted_list(DialectKind::MySql, names, ",")
}

/// A column definition, in drizzle-kit's order of its parts.
pub(super) fn column(c: &MySqlColumn) -> Result<String, DiffError> {
    let mut s = format!("{} {}", q(&c.name)?, c.type_);
    // `serial` is AUTO_INCREMENT already; MariaDB refuses it said twice (drizzle-kit writes both).
    if c.autoincrement == Some(true) && !c.type_.eq_ignore_ascii_case("serial") {
        s.push_str(" AUTO_INCREMENT");
    }
    if let Some(g) = &c.generated {
        s.push_str(&format!(
            " GENERATED ALWAYS AS ({}) {}",
            g.as_,
            g.kind.to_uppercase()
        ));
    }
    if c.not_null {
        s.push_str(" NOT NULL");
    }
    if let Some(d) = &c.default {
        s.push_str(&format!(" DEFAULT {}", default_sql(d)));
    }
    if c.on_update == Some(true) {
        s.push_str(" ON UPDATE CURRENT_TIMESTAMP");
    }
    Ok(s)
}

/// CREATE TABLE with its columns, keys, unique and check constraints
/// (foreign keys come once every table exists).
pub(super) fn create_table(t: &MySqlTable) -> Result<String, DiffError> {
    let mut lines = Vec::new();
    for (_, c) in t.columns.iter() {
        lines.push(column(c)?);
    }
    for (_, k) in t.composite_primary_keys.iter() {
        lines.push(format!(
            "CONSTRAINT {} PRIMARY KEY({})",
            q(&k.name)?,
            list(&k.columns)?
        ));
    }
    for (_, u) in t.unique_constraints.iter().flat_map(|u| u.iter()) {
        lines.push(format!(
            "CONSTRAINT {} UNIQUE({})",
            q(&u.name)?,
            list(&u.columns)?
        ));
    }
    for (_, c) in t.check_constraint.iter().flat_map(|c| c.iter()) {
        lines.push(format!("CONSTRAINT {} CHECK({})", q(&c.name)?, c.value));
    }
    Ok(format!(
        "CREATE TABLE {} (\n\t{}\n)",
        q(&t.name)?,
        lines.join(",\n\t")
    ))
}

pub(super) fn foreign_key(table: &str, fk: &ForeignKey) -> Result<String, DiffError> {
    let mut s = format!(
        "ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}({})",
        q(table)?,
        q(&fk.name)?,
        list(&fk.columns_from)?,
        q(&fk.table_to)?,
        list(&fk.columns_to)?
    );
    if let Some(d) = &fk.on_delete {
        s.push_str(&format!(" ON DELETE {d}"));
    }
    if let Some(u) = &fk.on_update {
        s.push_str(&format!(" ON UPDATE {u}"));
    }
    Ok(s)
}

/// `expression(key)` tells an expression key (written as is) from a column.
pub(super) fn create_index(
    table: &str,
    i: &MySqlIndex,
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
    if let Some(u) = &i.using {
        s.push_str(&format!(" USING {u}"));
    }
    if let Some(a) = &i.algorithm {
        s.push_str(&format!(" ALGORITHM={a}"));
    }
    if let Some(l) = &i.lock {
        s.push_str(&format!(" LOCK={l}"));
    }
    Ok(s)
}

pub(super) fn create_view(v: &MySqlView) -> Result<Option<String>, DiffError> {
    let (Some(definition), false) = (&v.definition, v.is_existing) else {
        return Ok(None);
    };
    let mut s = format!(
        "CREATE ALGORITHM = {} SQL SECURITY {} VIEW {} AS ({definition})",
        v.algorithm,
        v.sql_security,
        q(&v.name)?
    );
    if let Some(o) = &v.with_check_option {
        s.push_str(&format!(" WITH {o} CHECK OPTION"));
    }
    Ok(Some(s))
}
