//! PostgreSQL DDL for snapshot objects, with core's identifier quoting.
//! `CREATE INDEX` is written without CONCURRENTLY even where declared: the
//! migrators run a migration in a transaction, where PostgreSQL refuses it.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

pub(super) use super::words::default_sql;
use super::words::{quote, quoted_list};
use super::DiffError;
use crate::dialect::DialectKind;
use crate::snapshot::{ForeignKey, PgColumn, PgIdentity, PgIndex, PgTable, PgView};

pub(super) fn q(name: &str) -> Result<String, DiffError> {
    quote(DialectKind::Postgres, name)
}

/// `"schema"."name"`, or `"name"` in `public` (or no schema).
pub(super) fn qualified(schema: &str, name: &str) -> Result<String, DiffError> {
    match schema {
        "" | "public" => q(name),
        s => Ok(format!("{}.{}", q(s)?, q(name)?)),
    }
}

pub(super) fn list(names: &[String]) -> Result<String, DiffError> {
    quoted_list(DialectKind::Postgres, names, ", ")
}

/// A column's type: an enum's name quoted (and its schema), array brackets kept.
pub(super) fn type_sql(c: &PgColumn) -> Result<String, DiffError> {
    let Some(schema) = &c.type_schema else {
        return Ok(c.type_.clone());
    };
    let base = c.type_.trim_end_matches("[]");
    let dims = &c.type_[base.len()..];
    Ok(format!("{}{dims}", qualified(schema, base)?))
}

pub(super) fn identity_sql(i: &PgIdentity) -> Result<String, DiffError> {
    let kind = if i.type_ == "always" {
        "ALWAYS"
    } else {
        "BY DEFAULT"
    };
    let mut options = format!("sequence name {}", qualified(&i.schema, &i.name)?);
    let mut opt = |label: &str, v: &Option<String>| {
        if let Some(v) = v {
            options.push_str(&format!(" {label} {v}"));
        }
    };
    opt("INCREMENT BY", &i.increment);
    opt("MINVALUE", &i.min_value);
    opt("MAXVALUE", &i.max_value);
    opt("START WITH", &i.start_with);
    opt("CACHE", &i.cache);
    if i.cycle == Some(true) {
        options.push_str(" CYCLE");
    }
    Ok(format!("GENERATED {kind} AS IDENTITY ({options})"))
}

/// A column definition (CREATE TABLE, ADD COLUMN).
pub(super) fn column(c: &PgColumn) -> Result<String, DiffError> {
    let mut s = format!("{} {}", q(&c.name)?, type_sql(c)?);
    if c.primary_key {
        s.push_str(" PRIMARY KEY");
    }
    if let Some(d) = &c.default {
        s.push_str(&format!(" DEFAULT {}", default_sql(d)));
    }
    if let Some(g) = &c.generated {
        s.push_str(&format!(" GENERATED ALWAYS AS ({}) STORED", g.as_));
    }
    if let Some(i) = &c.identity {
        s.push(' ');
        s.push_str(&identity_sql(i)?);
    }
    if c.not_null {
        s.push_str(" NOT NULL");
    }
    Ok(s)
}

/// CREATE TABLE with its columns, primary key, unique and check constraints
/// (foreign keys come after every table exists).
pub(super) fn create_table(t: &PgTable) -> Result<String, DiffError> {
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
        lines.push(unique_sql(&u.name, &u.columns, u.nulls_not_distinct)?);
    }
    for (_, c) in t.check_constraints.iter().flat_map(|c| c.iter()) {
        lines.push(format!("CONSTRAINT {} CHECK ({})", q(&c.name)?, c.value));
    }
    Ok(format!(
        "CREATE TABLE {} (\n\t{}\n)",
        qualified(&t.schema, &t.name)?,
        lines.join(",\n\t")
    ))
}

pub(super) fn unique_sql(
    name: &str,
    columns: &[String],
    nulls_not_distinct: bool,
) -> Result<String, DiffError> {
    let nulls = if nulls_not_distinct {
        " NULLS NOT DISTINCT"
    } else {
        ""
    };
    Ok(format!(
        "CONSTRAINT {} UNIQUE{nulls}({})",
        q(name)?,
        list(columns)?
    ))
}

pub(super) fn foreign_key(table: &str, fk: &ForeignKey) -> Result<String, DiffError> {
    let to = qualified(fk.schema_to.as_deref().unwrap_or("public"), &fk.table_to)?;
    let mut s = format!(
        "ALTER TABLE {table} ADD CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {to}({})",
        q(&fk.name)?,
        list(&fk.columns_from)?,
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

pub(super) fn create_index(table: &str, i: &PgIndex) -> Result<String, DiffError> {
    let mut keys = Vec::new();
    for c in &i.columns {
        let mut k = if c.is_expression {
            c.expression.clone()
        } else {
            q(&c.expression)?
        };
        if let Some(op) = &c.opclass {
            k.push(' ');
            k.push_str(op);
        }
        // Only what differs from the defaults (ASC; NULLS LAST ascending, FIRST descending).
        if !c.asc {
            k.push_str(" DESC");
        }
        match (c.asc, c.nulls.as_deref()) {
            (true, Some("first")) => k.push_str(" NULLS FIRST"),
            (false, Some("last")) => k.push_str(" NULLS LAST"),
            _ => {}
        }
        keys.push(k);
    }
    let unique = if i.is_unique { "UNIQUE " } else { "" };
    let method = i.method.as_deref().unwrap_or("btree");
    let mut s = format!(
        "CREATE {unique}INDEX {} ON {table} USING {method} ({})",
        q(&i.name)?,
        keys.join(",")
    );
    if let Some(with) = i.with.as_ref().filter(|w| !w.is_empty()) {
        let options: Vec<String> = with
            .iter()
            .map(|(k, v)| format!("{}={}", snake(k), default_sql(v)))
            .collect();
        s.push_str(&format!(" WITH ({})", options.join(", ")));
    }
    if let Some(w) = &i.where_ {
        s.push_str(&format!(" WHERE {w}"));
    }
    Ok(s)
}

pub(super) fn create_view(v: &PgView) -> Result<Option<String>, DiffError> {
    let (Some(definition), false) = (&v.definition, v.is_existing) else {
        return Ok(None);
    };
    let kind = if v.materialized {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    };
    let mut s = format!("CREATE {kind} {}", qualified(&v.schema, &v.name)?);
    if let Some(using) = &v.using {
        s.push_str(&format!(" USING {using}"));
    }
    if let Some(with) = v.with.as_ref().filter(|w| !w.is_empty()) {
        let options: Vec<String> = with
            .iter()
            .map(|(k, v)| format!("{}={}", snake(k), default_sql(v)))
            .collect();
        s.push_str(&format!(" WITH ({})", options.join(", ")));
    }
    if let Some(space) = &v.tablespace {
        s.push_str(&format!(" TABLESPACE {space}"));
    }
    s.push_str(&format!(" AS ({definition})"));
    if v.with_no_data == Some(true) {
        s.push_str(" WITH NO DATA");
    }
    Ok(Some(s))
}

/// drizzle's camelCase storage options (`securityBarrier`) as PostgreSQL's names.
fn snake(k: &str) -> String {
    let mut out = String::new();
    for ch in k.chars() {
        if ch.is_ascii_uppercase() {
            out.push('_');
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out.to_string()
}
