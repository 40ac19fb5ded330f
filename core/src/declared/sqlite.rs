//! A declared SQLite schema as drizzle-kit 0.31's `generateSqliteSnapshot`
//! writes it: column `.unique()`s and unique constraints become unique
//! indexes (SQLite has no named UNIQUE constraint drizzle-kit can alter),
//! a one-column primary key becomes the column's `primaryKey`, actions not
//! given read `no action`, generated columns are parenthesised and virtual
//! unless stored.
//!
//! One deliberate difference: drizzle-kit writes an object default as
//! `'${JSON.stringify(v)}'` without doubling its single quotes (invalid SQL
//! for `{ a: "it's" }`); here they are doubled, as for a string default.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value as Json;

use super::{
    index_keys, DeclaredColumn, DeclaredDefault, DeclaredError, DeclaredSchema, DeclaredTable,
};
use crate::snapshot::{
    Check, ForeignKey, Generated, InternalColumns, Keyed, SqliteColumn, SqliteIndex,
    SqlitePrimaryKey, SqliteSnapshot, SqliteTable, SqliteView,
};

pub(super) fn snapshot(schema: &DeclaredSchema) -> Result<SqliteSnapshot, DeclaredError> {
    let mut tables = Keyed::default();
    let mut expressions: Keyed<InternalColumns> = Keyed::default();
    for t in &schema.tables {
        if tables.get(&t.name).is_some() {
            return Err(DeclaredError::DuplicateTable(t.name.clone()));
        }
        tables.insert(t.name.clone(), table(t, &mut expressions)?);
    }
    let mut views = Keyed::default();
    for v in &schema.views {
        if views.get(&v.name).is_some() || tables.get(&v.name).is_some() {
            return Err(DeclaredError::DuplicateTable(v.name.clone()));
        }
        let mut columns = Keyed::default();
        for c in &v.columns {
            columns.insert(c.name.clone(), column(c));
        }
        let view = SqliteView {
            columns,
            name: v.name.clone(),
            is_existing: v.existing,
            definition: if v.existing {
                None
            } else {
                v.definition.clone()
            },
        };
        views.insert(v.name.clone(), view);
    }
    Ok(SqliteSnapshot::new(tables, views, expressions))
}

fn table(
    t: &DeclaredTable,
    expressions: &mut Keyed<InternalColumns>,
) -> Result<SqliteTable, DeclaredError> {
    let duplicate = |name: &str| DeclaredError::DuplicateConstraint {
        table: t.name.clone(),
        name: name.to_string(),
    };
    let has = |c: &str| -> Result<(), DeclaredError> {
        match t.columns.iter().any(|x| x.name == c) {
            true => Ok(()),
            false => Err(DeclaredError::UnknownColumn {
                table: t.name.clone(),
                column: c.to_string(),
            }),
        }
    };
    let mut columns: Keyed<SqliteColumn> = Keyed::default();
    let mut indexes: Keyed<SqliteIndex> = Keyed::default();
    for c in &t.columns {
        if columns.get(&c.name).is_some() {
            return Err(DeclaredError::DuplicateColumn {
                table: t.name.clone(),
                column: c.name.clone(),
            });
        }
        columns.insert(c.name.clone(), column(c));
        if let Some(name) = &c.unique {
            if indexes.get(name).is_some() {
                return Err(duplicate(name));
            }
            indexes.insert(
                name.clone(),
                unique_index(name, alloc::vec![c.name.clone()]),
            );
        }
    }
    let mut foreign_keys = Keyed::default();
    for fk in &t.foreign_keys {
        for c in &fk.columns {
            has(c)?;
        }
        let key = ForeignKey {
            name: fk.name.clone(),
            table_from: t.name.clone(),
            table_to: fk.foreign_table.clone(),
            schema_to: None,
            columns_from: fk.columns.clone(),
            columns_to: fk.foreign_columns.clone(),
            on_delete: Some(fk.on_delete.clone().unwrap_or_else(|| "no action".into())),
            on_update: Some(fk.on_update.clone().unwrap_or_else(|| "no action".into())),
        };
        // drizzle-kit keeps the last of two keys of one name; refuse instead.
        if foreign_keys.get(&fk.name).is_some() {
            return Err(duplicate(&fk.name));
        }
        foreign_keys.insert(fk.name.clone(), key);
    }
    for i in &t.indexes {
        // drizzle-kit requires a SQLite index's name (its DSL does).
        let name = i.name.clone().unwrap_or_default();
        if indexes.get(&name).is_some() {
            return Err(duplicate(&name));
        }
        let keys = index_keys(i, &name, &has, expressions)?;
        let index = SqliteIndex {
            name: name.clone(),
            columns: keys,
            is_unique: i.unique,
            where_: i.where_.clone(),
        };
        indexes.insert(name, index);
    }
    for u in &t.uniques {
        for c in &u.columns {
            has(c)?;
        }
        if indexes.get(&u.name).is_some() {
            return Err(duplicate(&u.name));
        }
        indexes.insert(u.name.clone(), unique_index(&u.name, u.columns.clone()));
    }
    let mut composite_primary_keys = Keyed::default();
    for pk in &t.primary_keys {
        for c in &pk.columns {
            has(c)?;
        }
        match pk.columns.as_slice() {
            [one] => {
                if let Some(c) = columns.get_mut(one) {
                    c.primary_key = true;
                }
            }
            _ => {
                let key = SqlitePrimaryKey {
                    columns: pk.columns.clone(),
                    name: Some(pk.name.clone()),
                };
                composite_primary_keys.insert(pk.name.clone(), key);
            }
        }
    }
    let mut checks = Keyed::default();
    for c in &t.checks {
        if checks.get(&c.name).is_some() {
            return Err(duplicate(&c.name));
        }
        let check = Check {
            name: c.name.clone(),
            value: c.sql.clone(),
        };
        checks.insert(c.name.clone(), check);
    }
    Ok(SqliteTable {
        name: t.name.clone(),
        columns,
        indexes,
        foreign_keys,
        composite_primary_keys,
        unique_constraints: Keyed::default(),
        check_constraints: Some(checks),
    })
}

fn unique_index(name: &str, columns: Vec<String>) -> SqliteIndex {
    SqliteIndex {
        name: name.into(),
        columns,
        is_unique: true,
        where_: None,
    }
}

fn column(c: &DeclaredColumn) -> SqliteColumn {
    SqliteColumn {
        name: c.name.clone(),
        type_: c.sql_type.clone(),
        primary_key: c.primary_key,
        not_null: c.not_null,
        autoincrement: Some(c.auto_increment),
        generated: c.generated.as_ref().map(|g| Generated {
            as_: alloc::format!("({})", g.sql),
            kind: g.mode.clone().unwrap_or_else(|| "virtual".into()),
        }),
        default: c.default.as_ref().map(default),
    }
}

/// A default as drizzle-kit writes it: SQL as given, text quoted, numbers
/// and booleans as JSON values.
fn default(d: &DeclaredDefault) -> Json {
    match d {
        DeclaredDefault::Sql { sql } => Json::String(sql.clone()),
        DeclaredDefault::String { value } => Json::String(quoted(value)),
        DeclaredDefault::Json { text } => Json::String(quoted(text)),
        DeclaredDefault::Boolean { value } => Json::Bool(*value),
        // `JSON.stringify` writes NaN and the infinities as null.
        DeclaredDefault::Number { text } => serde_json::from_str(text).unwrap_or(Json::Null),
        // Not SQLite's: written as drizzle-kit writes an object.
        DeclaredDefault::Array { items } => Json::String(quoted(&items.to_string())),
        DeclaredDefault::Date { iso } => Json::String(quoted(&alloc::format!("\"{iso}\""))),
    }
}

fn quoted(s: &str) -> String {
    alloc::format!("'{}'", s.replace('\'', "''"))
}
