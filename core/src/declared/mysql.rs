//! A declared MySQL schema as drizzle-kit 0.31's `generateMySqlSnapshot`
//! writes it: every primary key (a column's `.primaryKey()` too, named
//! `<table>_<column>`) under `compositePrimaryKeys` with `primaryKey: false`
//! on the column and its columns NOT NULL; column `.unique()`s as unique
//! constraints; enum types re-quoted; defaults of `text`, `blob` and `json`
//! columns in parentheses (MySQL's expression defaults); checks under the
//! singular `checkConstraint`.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value as Json;

use super::{
    index_keys, DeclaredColumn, DeclaredDefault, DeclaredError, DeclaredSchema, DeclaredTable,
};
use crate::snapshot::{
    Check, ForeignKey, Generated, Internal, InternalColumns, Keyed, Layout, Meta, MySqlColumn,
    MySqlIndex, MySqlKey, MySqlSnapshot, MySqlTable, MySqlView,
};

pub(super) fn snapshot(schema: &DeclaredSchema) -> Result<MySqlSnapshot, DeclaredError> {
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
        let view = MySqlView {
            columns,
            name: v.name.clone(),
            is_existing: v.existing,
            definition: if v.existing {
                None
            } else {
                v.definition.clone()
            },
            with_check_option: v.with_check_option.clone(),
            algorithm: v.algorithm.clone().unwrap_or_else(|| "undefined".into()),
            sql_security: v.sql_security.clone().unwrap_or_else(|| "definer".into()),
        };
        views.insert(v.name.clone(), view);
    }
    Ok(MySqlSnapshot {
        layout: Layout::Generated,
        id: String::new(),
        prev_id: String::new(),
        tables,
        views,
        meta: Meta::default(),
        internal: Some(Internal {
            tables: Some(Keyed::default()),
            indexes: Some(expressions),
        }),
    })
}

fn table(
    t: &DeclaredTable,
    expressions: &mut Keyed<InternalColumns>,
) -> Result<MySqlTable, DeclaredError> {
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
    let mut columns: Keyed<MySqlColumn> = Keyed::default();
    let mut keys = Keyed::default();
    let mut uniques = Keyed::default();
    for c in &t.columns {
        if columns.get(&c.name).is_some() {
            return Err(DeclaredError::DuplicateColumn {
                table: t.name.clone(),
                column: c.name.clone(),
            });
        }
        columns.insert(c.name.clone(), column(c));
        if c.primary_key {
            let name = format!("{}_{}", t.name, c.name);
            keys.insert(
                name.clone(),
                MySqlKey {
                    name,
                    columns: alloc::vec![c.name.clone()],
                },
            );
        }
        if let Some(name) = &c.unique {
            if uniques.get(name).is_some() {
                return Err(duplicate(name));
            }
            uniques.insert(
                name.clone(),
                MySqlKey {
                    name: name.clone(),
                    columns: alloc::vec![c.name.clone()],
                },
            );
        }
    }
    for pk in &t.primary_keys {
        for c in &pk.columns {
            has(c)?;
            if let Some(col) = columns.get_mut(c) {
                col.not_null = true;
            }
        }
        keys.insert(
            pk.name.clone(),
            MySqlKey {
                name: pk.name.clone(),
                columns: pk.columns.clone(),
            },
        );
    }
    for u in &t.uniques {
        for c in &u.columns {
            has(c)?;
        }
        if uniques.get(&u.name).is_some() {
            return Err(duplicate(&u.name));
        }
        uniques.insert(
            u.name.clone(),
            MySqlKey {
                name: u.name.clone(),
                columns: u.columns.clone(),
            },
        );
    }
    let mut foreign_keys = Keyed::default();
    for fk in &t.foreign_keys {
        for c in &fk.columns {
            has(c)?;
        }
        if foreign_keys.get(&fk.name).is_some() {
            return Err(duplicate(&fk.name));
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
        foreign_keys.insert(fk.name.clone(), key);
    }
    let mut indexes = Keyed::default();
    for i in &t.indexes {
        let name = i.name.clone().unwrap_or_default();
        if indexes.get(&name).is_some() {
            return Err(duplicate(&name));
        }
        let parts = index_keys(i, &name, &has, expressions)?;
        let index = MySqlIndex {
            name: name.clone(),
            columns: parts,
            is_unique: i.unique,
            using: i.method.clone(),
            algorithm: i.algorithm.clone(),
            lock: i.lock.clone(),
        };
        indexes.insert(name, index);
    }
    let mut checks = Keyed::default();
    for c in &t.checks {
        if checks.get(&c.name).is_some() {
            return Err(duplicate(&c.name));
        }
        checks.insert(
            c.name.clone(),
            Check {
                name: c.name.clone(),
                value: c.sql.clone(),
            },
        );
    }
    Ok(MySqlTable {
        name: t.name.clone(),
        columns,
        indexes,
        foreign_keys,
        composite_primary_keys: keys,
        unique_constraints: Some(uniques),
        check_constraint: Some(checks),
    })
}

fn column(c: &DeclaredColumn) -> MySqlColumn {
    MySqlColumn {
        name: c.name.clone(),
        type_: enum_type(&c.sql_type),
        primary_key: false,
        not_null: c.not_null,
        autoincrement: Some(c.auto_increment),
        on_update: c.on_update_now.then_some(true),
        generated: c.generated.as_ref().map(|g| Generated {
            as_: g.sql.clone(),
            kind: g.mode.clone().unwrap_or_else(|| "stored".into()),
        }),
        default: c.default.as_ref().map(|d| default(d, &c.sql_type)),
    }
}

/// drizzle-kit's `handleEnumType`: each value's quotes doubled.
fn enum_type(ty: &str) -> String {
    let Some(inner) = ty.strip_prefix("enum(").and_then(|r| r.strip_suffix(')')) else {
        return ty.into();
    };
    let values: Vec<String> = inner
        .split(',')
        .map(|v| {
            let bare = v
                .strip_prefix('\'')
                .and_then(|v| v.strip_suffix('\''))
                .unwrap_or(v);
            quoted(bare)
        })
        .collect();
    format!("enum({})", values.join(","))
}

fn default(d: &DeclaredDefault, ty: &str) -> Json {
    let lower = ty.to_lowercase();
    let value = match d {
        DeclaredDefault::Sql { sql } => return Json::String(sql.clone()),
        DeclaredDefault::String { value } => Json::String(quoted(value)),
        DeclaredDefault::Json { text }
        | DeclaredDefault::Array {
            items: Json::String(text),
        } => Json::String(quoted(text)),
        DeclaredDefault::Array { items } => Json::String(quoted(&items.to_string())),
        DeclaredDefault::Date { iso } if lower == "date" => {
            Json::String(quoted(iso.split('T').next().unwrap_or(iso)))
        }
        DeclaredDefault::Date { iso } => {
            let text: String = iso.replacen('T', " ", 1).chars().take(23).collect();
            Json::String(quoted(&text))
        }
        DeclaredDefault::Boolean { value } => Json::Bool(*value),
        DeclaredDefault::Number { text } => serde_json::from_str(text).unwrap_or(Json::Null),
    };
    // MySQL takes a literal default of these types only as an expression.
    if matches!(ty, "blob" | "text" | "json") {
        let text = match &value {
            Json::String(s) => s.clone(),
            other => other.to_string(),
        };
        return Json::String(format!("({text})"));
    }
    value
}

fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}
