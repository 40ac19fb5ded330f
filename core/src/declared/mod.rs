//! The schema as the DSL declares it (`sqliteTable(...)`, `pgTable(...)`…),
//! read off the TypeScript objects by `npm-package/src/kit/describe.ts` (or
//! built by a Rust program), and turned into the snapshot drizzle-kit 0.31
//! would write for the same schema ([`to_snapshot`]). The differ only ever
//! compares snapshots, so a history written by drizzle-kit and one written by
//! mizzle continue each other.
//!
//! The split: the host reads what only its objects know (names after casing,
//! `getSQLType()`, expressions rendered in drizzle's spelling); the engine
//! decides everything drizzle-kit's serializer decides (default literals,
//! single-column primary keys, unique constraints as indexes, generated
//! columns' parentheses, `internal` hints, duplicate names).

mod error;
#[cfg(feature = "dialect-mysql")]
mod mysql;
#[cfg(feature = "dialect-postgres")]
mod postgres;
mod sqlite;

use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;

pub use error::DeclaredError;

use crate::snapshot::Snapshot;

/// A whole declared schema; its JSON is the wire format between the hosts
/// and the engine (`wasm/src/migrations.rs` declares its TypeScript type).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredSchema {
    pub dialect: DeclaredDialect,
    pub tables: Vec<DeclaredTable>,
    #[serde(default)]
    pub views: Vec<DeclaredView>,
    /// PostgreSQL: `pgEnum`s (an enum column's `sqlType` is its name).
    #[serde(default)]
    pub enums: Vec<DeclaredEnum>,
    /// PostgreSQL: `pgSchema`s declared (besides `public`).
    #[serde(default)]
    pub schemas: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeclaredDialect {
    Sqlite,
    Postgresql,
    Mysql,
}

/// A PostgreSQL enum type.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredEnum {
    #[serde(default)]
    pub schema: Option<String>,
    pub name: String,
    pub values: Vec<String>,
}

/// A table, its constraints resolved as `getTableConfig` returns them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredTable {
    #[serde(default)]
    pub schema: Option<String>,
    pub name: String,
    pub columns: Vec<DeclaredColumn>,
    #[serde(default)]
    pub indexes: Vec<DeclaredIndex>,
    #[serde(default)]
    pub foreign_keys: Vec<DeclaredForeignKey>,
    #[serde(default)]
    pub primary_keys: Vec<DeclaredPrimaryKey>,
    #[serde(default)]
    pub uniques: Vec<DeclaredUnique>,
    #[serde(default)]
    pub checks: Vec<DeclaredCheck>,
}

/// A column. `sql_type` is `getSQLType()`'s text (`text(320)`, `integer`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredColumn {
    pub name: String,
    pub sql_type: String,
    #[serde(default)]
    pub not_null: bool,
    #[serde(default)]
    pub primary_key: bool,
    #[serde(default)]
    pub auto_increment: bool,
    #[serde(default)]
    pub default: Option<DeclaredDefault>,
    #[serde(default)]
    pub generated: Option<DeclaredGenerated>,
    /// The name of a column-level `.unique()`, resolved by the DSL.
    #[serde(default)]
    pub unique: Option<String>,
    /// PostgreSQL: `.unique(name, { nulls: 'not distinct' })`.
    #[serde(default)]
    pub unique_nulls_not_distinct: bool,
    /// PostgreSQL: the enum's schema of an enum (or enum array) column.
    #[serde(default)]
    pub type_schema: Option<String>,
    /// PostgreSQL: `generatedAlwaysAsIdentity()` / `generatedByDefaultAsIdentity()`.
    #[serde(default)]
    pub identity: Option<DeclaredIdentity>,
    /// MySQL: `.onUpdateNow()`.
    #[serde(default)]
    pub on_update_now: bool,
}

/// An identity column's sequence, options as given (numbers or their text).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredIdentity {
    /// `always` or `byDefault`.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub sequence_name: Option<String>,
    #[serde(default)]
    pub increment: Option<serde_json::Value>,
    #[serde(default)]
    pub min_value: Option<serde_json::Value>,
    #[serde(default)]
    pub max_value: Option<serde_json::Value>,
    #[serde(default)]
    pub start_with: Option<serde_json::Value>,
    #[serde(default)]
    pub cache: Option<serde_json::Value>,
    #[serde(default)]
    pub cycle: Option<bool>,
}

/// A `.default(...)`: SQL, or a value the engine writes as a literal.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum DeclaredDefault {
    /// `sql\`...\``, rendered.
    Sql {
        sql: String,
    },
    String {
        value: String,
    },
    /// A number (or bigint) as JavaScript's `String()` writes it.
    Number {
        text: String,
    },
    Boolean {
        value: bool,
    },
    /// An object or array, as `JSON.stringify` writes it.
    Json {
        text: String,
    },
    /// PostgreSQL: an array for an array column (`'{"a","b"}'`), as JSON.
    Array {
        items: serde_json::Value,
    },
    /// A `Date`, as `toISOString()` writes it.
    Date {
        iso: String,
    },
}

/// `.generatedAlwaysAs(...)`: the rendered expression and the mode given.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredGenerated {
    pub sql: String,
    #[serde(default)]
    pub mode: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredIndex {
    /// PostgreSQL: none given is `<table>_<columns>_index`, as drizzle-kit names it.
    #[serde(default)]
    pub name: Option<String>,
    pub columns: Vec<IndexPart>,
    /// PostgreSQL: `.using('gin', ...)` (default btree).
    #[serde(default)]
    pub method: Option<String>,
    /// PostgreSQL: `.with({ fillfactor: 70 })`.
    #[serde(default)]
    pub with: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    pub concurrently: bool,
    /// MySQL: `.algorithm()` and `.lock()`.
    #[serde(default)]
    pub algorithm: Option<String>,
    #[serde(default)]
    pub lock: Option<String>,
    #[serde(default)]
    pub unique: bool,
    #[serde(default, rename = "where")]
    pub where_: Option<String>,
}

/// One key of an index: a column, or an expression's rendered SQL.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum IndexPart {
    /// With PostgreSQL's order, nulls and operator class where given.
    Column {
        name: String,
        #[serde(default)]
        desc: bool,
        #[serde(default)]
        nulls: Option<String>,
        #[serde(default)]
        opclass: Option<String>,
    },
    Expression {
        sql: String,
    },
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredForeignKey {
    pub name: String,
    pub columns: Vec<String>,
    pub foreign_table: String,
    #[serde(default)]
    pub foreign_schema: Option<String>,
    pub foreign_columns: Vec<String>,
    #[serde(default)]
    pub on_delete: Option<String>,
    #[serde(default)]
    pub on_update: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredPrimaryKey {
    pub name: String,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredUnique {
    pub name: String,
    pub columns: Vec<String>,
    /// PostgreSQL 15's `NULLS NOT DISTINCT`.
    #[serde(default)]
    pub nulls_not_distinct: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredCheck {
    pub name: String,
    pub sql: String,
}

/// A view: its selected columns, and its query's SQL unless `.existing()`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeclaredView {
    #[serde(default)]
    pub schema: Option<String>,
    pub name: String,
    pub columns: Vec<DeclaredColumn>,
    #[serde(default)]
    pub definition: Option<String>,
    #[serde(default)]
    pub existing: bool,
    /// PostgreSQL: `pgMaterializedView`.
    #[serde(default)]
    pub materialized: bool,
    /// PostgreSQL: `.with({ ... })` (its keys in drizzle's camelCase).
    #[serde(default)]
    pub with: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    pub using: Option<String>,
    #[serde(default)]
    pub tablespace: Option<String>,
    #[serde(default)]
    pub with_no_data: Option<bool>,
    /// MySQL: `.algorithm()`, `.sqlSecurity()`, `.withCheckOption()`.
    #[serde(default)]
    pub algorithm: Option<String>,
    #[serde(default)]
    pub sql_security: Option<String>,
    #[serde(default)]
    pub with_check_option: Option<String>,
}

/// An index's keys as drizzle-kit's SQLite and MySQL serializers write
/// them: column names (each checked with `has`), or an expression's SQL,
/// marked as one in `internal.indexes` (`expressions`).
pub(super) fn index_keys(
    i: &DeclaredIndex,
    name: &str,
    has: &dyn Fn(&str) -> Result<(), DeclaredError>,
    expressions: &mut crate::snapshot::Keyed<crate::snapshot::InternalColumns>,
) -> Result<Vec<String>, DeclaredError> {
    let mut keys = Vec::new();
    for part in &i.columns {
        match part {
            IndexPart::Column { name: column, .. } => {
                has(column)?;
                keys.push(column.clone());
            }
            IndexPart::Expression { sql } => {
                let mut hint = expressions.get(name).cloned().unwrap_or_default();
                let expression = crate::snapshot::InternalColumn {
                    is_expression: Some(true),
                    ..Default::default()
                };
                hint.columns.insert(sql.clone(), expression);
                expressions.insert(name, hint);
                keys.push(sql.clone());
            }
        }
    }
    Ok(keys)
}

/// Reads the wire format from an already parsed JSON value (a host's
/// request that holds the schema among other fields: one parse, not two).
pub fn from_value(json: serde_json::Value) -> Result<DeclaredSchema, DeclaredError> {
    serde_json::from_value(json)
        .map_err(|e| DeclaredError::Syntax(alloc::string::ToString::to_string(&e)))
}

/// Reads the wire format.
pub fn read(json: &str) -> Result<DeclaredSchema, DeclaredError> {
    serde_json::from_str(json)
        .map_err(|e| DeclaredError::Syntax(alloc::string::ToString::to_string(&e)))
}

/// The schema of an empty database, whose snapshot is a first migration's
/// previous state.
pub fn empty(dialect: DeclaredDialect) -> DeclaredSchema {
    DeclaredSchema {
        dialect,
        tables: Vec::new(),
        views: Vec::new(),
        enums: Vec::new(),
        schemas: Vec::new(),
    }
}

/// The snapshot drizzle-kit would write for `schema` (its `id` and `prevId`
/// empty: the writer of a folder sets them).
pub fn to_snapshot(schema: &DeclaredSchema) -> Result<Snapshot, DeclaredError> {
    let mut s = match schema.dialect {
        DeclaredDialect::Sqlite => sqlite::snapshot(schema).map(Snapshot::Sqlite)?,
        #[cfg(feature = "dialect-postgres")]
        DeclaredDialect::Postgresql => postgres::snapshot(schema).map(Snapshot::Postgres)?,
        #[cfg(not(feature = "dialect-postgres"))]
        DeclaredDialect::Postgresql => return Err(DeclaredError::NotBuilt("postgresql")),
        #[cfg(feature = "dialect-mysql")]
        DeclaredDialect::Mysql => mysql::snapshot(schema).map(Snapshot::MySql)?,
        #[cfg(not(feature = "dialect-mysql"))]
        DeclaredDialect::Mysql => return Err(DeclaredError::NotBuilt("mysql")),
    };
    if schema.tables.is_empty() && schema.views.is_empty() {
        s.set_ids(crate::snapshot::EMPTY_ID, "");
    }
    Ok(s)
}
