//! The parts of a snapshot that two or three dialects write alike: the rename
//! map `_meta`, check constraints, generated columns, foreign keys and the
//! `internal` hints. Each type reads itself and writes itself in drizzle-kit
//! 0.31's key order.

use alloc::string::String;
use alloc::vec::Vec;

use super::fields::object;
use super::json::{keyed, Fields, Result};
use super::keyed::Keyed;

object! {
    /// `_meta`: the renames chosen at generate time, "from" names to "to" names.
    /// SQLite's and MySQL's serializers write `schemas` first; `--custom`
    /// snapshots, and PostgreSQL's always, `columns` first (the zod order).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Meta {
        pub schemas: Option<Keyed<String>> = "schemas" @1,
        pub tables: Keyed<String> = "tables" @2,
        pub columns: Keyed<String> = "columns" @0,
    }
}

object! {
    /// A check constraint: its name and its SQL.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Check {
        pub name: String = "name",
        pub value: String = "value",
    }
}

object! {
    /// A generated column: its expression and `stored` / `virtual`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Generated {
        pub as_: String = "as" @1,
        pub kind: String = "type" @0,
    }
}

object! {
    /// A foreign key. `schema_to` is PostgreSQL's only; the actions are absent
    /// when a PostgreSQL schema declared none.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ForeignKey {
        pub name: String = "name" @0,
        pub table_from: String = "tableFrom" @1,
        pub table_to: String = "tableTo" @3,
        pub schema_to: Option<String> = "schemaTo" @4,
        pub columns_from: Vec<String> = "columnsFrom" @2,
        pub columns_to: Vec<String> = "columnsTo" @5,
        pub on_delete: Option<String> = "onDelete" @7,
        pub on_update: Option<String> = "onUpdate" @6,
    }
}

impl ForeignKey {
    /// SQLite's and MySQL's foreign keys, where `schemaTo` is not a field.
    pub(super) fn keyed_without_schema(
        f: &mut Fields,
        key: &'static str,
    ) -> Result<Keyed<ForeignKey>> {
        f.nested(key, |v, path| {
            keyed(v, path, &|v, p| {
                ForeignKey::read_from(Fields::new(v, p)?.hiding("schemaTo"))
            })
        })
    }
}

object! {
    /// `internal`: drizzle-kit's hints that SQL text cannot carry (which index
    /// columns are expressions, PostgreSQL array dimensions, defaults that are
    /// expressions).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Internal {
        pub tables: Option<Keyed<InternalColumns>> = "tables",
        pub indexes: Option<Keyed<InternalColumns>> = "indexes",
    }
}

object! {
    /// The `columns` of one `internal.tables` or `internal.indexes` entry.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct InternalColumns {
        pub columns: Keyed<InternalColumn> = "columns",
    }
}

object! {
    /// One column's hints; every field is optional in drizzle-kit's schema.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct InternalColumn {
        pub is_array: Option<bool> = "isArray",
        pub dimensions: Option<serde_json::Number> = "dimensions",
        pub raw_type: Option<String> = "rawType",
        pub is_default_an_expression: Option<bool> = "isDefaultAnExpression",
        pub is_expression: Option<bool> = "isExpression",
    }
}
