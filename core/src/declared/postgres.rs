//! A declared PostgreSQL schema as drizzle-kit 0.31's `generatePgSnapshot`
//! writes it: tables keyed `schema.name` (`public` when none, while the
//! table's own `schema` field is then empty), column `.unique()`s as unique
//! constraints, every table-level primary key under `compositePrimaryKeys`,
//! identity sequences with their options filled in, enum columns with their
//! `typeSchema`, unnamed indexes named `<table>_<columns>_index`.
//!
//! Deliberate differences, each where drizzle-kit writes invalid SQL: quotes
//! in an array or JSON default are escaped (drizzle-kit leaves them), and
//! values in checks and index `where`s come inlined from the host (drizzle-kit
//! writes `$1`, which PostgreSQL refuses in DDL).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value as Json;

use super::{
    DeclaredColumn, DeclaredDefault, DeclaredError, DeclaredIdentity, DeclaredSchema,
    DeclaredTable, IndexPart,
};
use crate::snapshot::{
    Check, ForeignKey, Generated, Keyed, Layout, Meta, PgColumn, PgEnum, PgIdentity, PgIndex,
    PgIndexColumn, PgKey, PgSnapshot, PgTable, PgUnique, PgView,
};

pub(super) fn snapshot(schema: &DeclaredSchema) -> Result<PgSnapshot, DeclaredError> {
    let mut tables = Keyed::default();
    for t in &schema.tables {
        let key = format!("{}.{}", t.schema.as_deref().unwrap_or("public"), t.name);
        if tables.get(&key).is_some() {
            return Err(DeclaredError::DuplicateTable(key));
        }
        tables.insert(key, table(t)?);
    }
    let mut enums = Keyed::default();
    for e in &schema.enums {
        let schema = e.schema.clone().unwrap_or_else(|| "public".into());
        let value = PgEnum {
            name: e.name.clone(),
            schema: schema.clone(),
            values: e.values.clone(),
        };
        enums.insert(format!("{schema}.{}", e.name), value);
    }
    let mut schemas = Keyed::default();
    for s in &schema.schemas {
        schemas.insert(s.clone(), s.clone());
    }
    let mut views = Keyed::default();
    for v in &schema.views {
        let schema = v.schema.clone().unwrap_or_else(|| "public".into());
        let key = format!("{schema}.{}", v.name);
        if views.get(&key).is_some() || tables.get(&key).is_some() {
            return Err(DeclaredError::DuplicateTable(key));
        }
        let mut columns = Keyed::default();
        for c in &v.columns {
            columns.insert(c.name.clone(), column(c, &v.name, &schema));
        }
        let view = PgView {
            columns,
            definition: if v.existing {
                None
            } else {
                v.definition.clone()
            },
            name: v.name.clone(),
            schema,
            is_existing: v.existing,
            with: v.with.clone(),
            with_no_data: v.with_no_data,
            materialized: v.materialized,
            tablespace: v.tablespace.clone(),
            using: v.using.clone(),
        };
        views.insert(key, view);
    }
    Ok(PgSnapshot {
        layout: Layout::Generated,
        id: String::new(),
        prev_id: String::new(),
        tables,
        enums,
        schemas,
        sequences: Some(Keyed::default()),
        roles: Some(Keyed::default()),
        policies: Some(Keyed::default()),
        views: Some(views),
        meta: Meta {
            schemas: Some(Keyed::default()),
            ..Default::default()
        },
        internal: None,
    })
}

fn table(t: &DeclaredTable) -> Result<PgTable, DeclaredError> {
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
    let schema = t.schema.clone().unwrap_or_else(|| "public".into());
    let mut columns = Keyed::default();
    let mut uniques: Keyed<PgUnique> = Keyed::default();
    for c in &t.columns {
        if columns.get(&c.name).is_some() {
            return Err(DeclaredError::DuplicateColumn {
                table: t.name.clone(),
                column: c.name.clone(),
            });
        }
        columns.insert(c.name.clone(), column(c, &t.name, &schema));
        if let Some(name) = &c.unique {
            if uniques.get(name).is_some() {
                return Err(duplicate(name));
            }
            let unique = PgUnique {
                name: name.clone(),
                nulls_not_distinct: c.unique_nulls_not_distinct,
                columns: alloc::vec![c.name.clone()],
            };
            uniques.insert(name.clone(), unique);
        }
    }
    let mut keys = Keyed::default();
    for pk in &t.primary_keys {
        for c in &pk.columns {
            has(c)?;
        }
        let key = PgKey {
            name: pk.name.clone(),
            columns: pk.columns.clone(),
        };
        keys.insert(pk.name.clone(), key);
    }
    for u in &t.uniques {
        for c in &u.columns {
            has(c)?;
        }
        if uniques.get(&u.name).is_some() {
            return Err(duplicate(&u.name));
        }
        let unique = PgUnique {
            name: u.name.clone(),
            nulls_not_distinct: u.nulls_not_distinct,
            columns: u.columns.clone(),
        };
        uniques.insert(u.name.clone(), unique);
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
            schema_to: fk.foreign_schema.clone(),
            columns_from: fk.columns.clone(),
            columns_to: fk.foreign_columns.clone(),
            on_delete: fk.on_delete.clone(),
            on_update: fk.on_update.clone(),
        };
        foreign_keys.insert(fk.name.clone(), key);
    }
    let mut indexes = Keyed::default();
    for i in &t.indexes {
        let mut parts = Vec::new();
        let mut names = Vec::new();
        for part in &i.columns {
            parts.push(match part {
                IndexPart::Column {
                    name,
                    desc,
                    nulls,
                    opclass,
                } => {
                    has(name)?;
                    names.push(name.clone());
                    PgIndexColumn {
                        expression: name.clone(),
                        is_expression: false,
                        asc: !desc,
                        nulls: Some(
                            nulls
                                .clone()
                                .unwrap_or_else(|| (if *desc { "first" } else { "last" }).into()),
                        ),
                        opclass: opclass.clone(),
                    }
                }
                IndexPart::Expression { sql } => {
                    names.push(sql.clone());
                    PgIndexColumn {
                        expression: sql.clone(),
                        is_expression: true,
                        asc: true,
                        nulls: Some("last".into()),
                        opclass: None,
                    }
                }
            });
        }
        let name = i
            .name
            .clone()
            .unwrap_or_else(|| format!("{}_{}_index", t.name, names.join("_")));
        if indexes.get(&name).is_some() {
            return Err(duplicate(&name));
        }
        let index = PgIndex {
            name: name.clone(),
            columns: parts,
            is_unique: i.unique,
            where_: i.where_.clone(),
            concurrently: Some(i.concurrently),
            method: Some(i.method.clone().unwrap_or_else(|| "btree".into())),
            with: Some(i.with.clone().unwrap_or_default()),
        };
        indexes.insert(name, index);
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
    Ok(PgTable {
        name: t.name.clone(),
        schema: t.schema.clone().unwrap_or_default(),
        columns,
        indexes,
        foreign_keys,
        composite_primary_keys: keys,
        unique_constraints: Some(uniques),
        policies: Some(Keyed::default()),
        check_constraints: Some(checks),
        is_rls_enabled: Some(false),
    })
}

fn column(c: &DeclaredColumn, table: &str, schema: &str) -> PgColumn {
    PgColumn {
        name: c.name.clone(),
        type_: c.sql_type.clone(),
        type_schema: c.type_schema.clone(),
        primary_key: c.primary_key,
        not_null: c.not_null,
        generated: c.generated.as_ref().map(|g| Generated {
            as_: g.sql.clone(),
            kind: "stored".into(),
        }),
        identity: c
            .identity
            .as_ref()
            .map(|i| identity(i, &c.sql_type, table, &c.name, schema)),
        default: c.default.as_ref().map(|d| default(d, &c.sql_type)),
        is_unique: None,
        unique_name: None,
        nulls_not_distinct: None,
    }
}

/// drizzle-kit's identity sequence: options given, else by the column's
/// type and the increment's sign.
fn identity(i: &DeclaredIdentity, ty: &str, table: &str, column: &str, schema: &str) -> PgIdentity {
    let text = |v: &Option<Json>| match v {
        Some(Json::String(s)) => Some(s.clone()),
        Some(Json::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let increment = text(&i.increment).unwrap_or_else(|| "1".into());
    let down = increment.trim_start().starts_with('-');
    let (min, max) = match ty {
        "smallint" => ("-32768", "32767"),
        "integer" => ("-2147483648", "2147483647"),
        _ => ("-9223372036854775808", "9223372036854775807"),
    };
    let min_value = text(&i.min_value).unwrap_or_else(|| (if down { min } else { "1" }).into());
    let max_value = text(&i.max_value).unwrap_or_else(|| (if down { "-1" } else { max }).into());
    let start_with = text(&i.start_with).unwrap_or_else(|| {
        if down {
            max_value.clone()
        } else {
            min_value.clone()
        }
    });
    PgIdentity {
        type_: i.kind.clone(),
        name: i
            .sequence_name
            .clone()
            .unwrap_or_else(|| format!("{table}_{column}_seq")),
        schema: schema.into(),
        increment: Some(increment),
        start_with: Some(start_with),
        min_value: Some(min_value),
        max_value: Some(max_value),
        cache: Some(text(&i.cache).unwrap_or_else(|| "1".into())),
        cycle: Some(i.cycle.unwrap_or(false)),
    }
}

/// A default as drizzle-kit writes it for PostgreSQL.
fn default(d: &DeclaredDefault, ty: &str) -> Json {
    let lower = ty.to_lowercase();
    match d {
        DeclaredDefault::Sql { sql } => Json::String(sql.clone()),
        DeclaredDefault::String { value } => Json::String(quoted(value)),
        DeclaredDefault::Json { text } if lower == "json" || lower == "jsonb" => {
            Json::String(format!("{}::{lower}", quoted(text)))
        }
        DeclaredDefault::Json { text } => Json::String(quoted(text)),
        DeclaredDefault::Date { iso } => Json::String(quoted(&date(iso, &lower))),
        DeclaredDefault::Array { items } => Json::String(quoted(&array(items))),
        DeclaredDefault::Boolean { value } => Json::Bool(*value),
        DeclaredDefault::Number { text } => serde_json::from_str(text).unwrap_or(Json::Null),
    }
}

fn date(iso: &str, ty: &str) -> String {
    match ty {
        "date" => iso.split('T').next().unwrap_or(iso).into(),
        "timestamp" => iso.replacen('T', " ", 1).chars().take(23).collect(),
        _ => iso.into(),
    }
}

/// drizzle-kit's `buildArrayString`: `{"a","b"}`, `{1,2}`, nested arrays in braces.
fn array(items: &Json) -> String {
    let Json::Array(items) = items else {
        return items.to_string();
    };
    let element = |v: &Json| match v {
        Json::Number(n) => n.to_string(),
        Json::Bool(b) => (if *b { "true" } else { "false" }).into(),
        Json::Array(_) => array(v),
        Json::String(s) => format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")),
        Json::Null => "NULL".into(),
        Json::Object(_) => format!(
            "\"{}\"",
            v.to_string().replace('\\', "\\\\").replace('"', "\\\"")
        ),
    };
    let parts: Vec<String> = items.iter().map(element).collect();
    format!("{{{}}}", parts.join(","))
}

fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}
