//! drizzle-kit 0.31's SQLite snapshot (`version: "6"`), field for field, in
//! the key order its serializer writes (`generateSqliteSnapshot`).

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value as Json};

use super::fields::{object, Field};
use super::json::{Fields, Out, Result};
use super::keyed::Keyed;
use super::shared::{Check, ForeignKey, Generated, Internal, Meta};
use super::Layout;

/// A whole SQLite snapshot file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteSnapshot {
    /// The key order it was read in, and is written in.
    pub layout: Layout,
    pub id: String,
    pub prev_id: String,
    pub tables: Keyed<SqliteTable>,
    pub views: Keyed<SqliteView>,
    /// Always `{}` for SQLite; kept as read.
    pub enums: Map<String, Json>,
    pub meta: Meta,
    pub internal: Option<Internal>,
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SqliteTable {
        pub name: String = "name",
        pub columns: Keyed<SqliteColumn> = "columns",
        /// Indexes, and unique constraints too (drizzle-kit writes those here).
        pub indexes: Keyed<SqliteIndex> = "indexes",
        pub foreign_keys: Keyed<ForeignKey> = "foreignKeys" via ForeignKey::keyed_without_schema,
        pub composite_primary_keys: Keyed<SqlitePrimaryKey> = "compositePrimaryKeys",
        pub unique_constraints: Keyed<SqliteUnique> = "uniqueConstraints",
        /// Absent in snapshots older than checks (drizzle-kit's schema defaults it).
        pub check_constraints: Option<Keyed<Check>> = "checkConstraints",
    }
}

object! {
    // `generated` comes before `default`: the serializer's object literal
    // holds `generated` (maybe undefined) and assigns `default` afterwards.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SqliteColumn {
        pub name: String = "name" @0,
        pub type_: String = "type" @1,
        pub primary_key: bool = "primaryKey" @2,
        pub not_null: bool = "notNull" @3,
        pub autoincrement: Option<bool> = "autoincrement" @4,
        pub generated: Option<Generated> = "generated" @6,
        /// SQL text, or a JSON number / boolean for a plain literal.
        pub default: Option<Json> = "default" @5,
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SqliteIndex {
        pub name: String = "name" @0,
        /// Column names, or expressions' SQL (marked in `internal.indexes`).
        pub columns: Vec<String> = "columns" @1,
        pub is_unique: bool = "isUnique" @3,
        pub where_: Option<String> = "where" @2,
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SqlitePrimaryKey {
        pub columns: Vec<String> = "columns",
        pub name: Option<String> = "name",
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SqliteUnique {
        pub name: String = "name",
        pub columns: Vec<String> = "columns",
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SqliteView {
        pub columns: Keyed<SqliteColumn> = "columns" @1,
        pub name: String = "name" @0,
        pub is_existing: bool = "isExisting" @3,
        pub definition: Option<String> = "definition" @2,
    }
}

impl SqliteSnapshot {
    /// A snapshot as drizzle-kit's serializer makes one (ids empty, `_meta`
    /// without renames): `expressions` are `internal.indexes`, the index
    /// keys that are expressions.
    pub fn new(
        tables: Keyed<SqliteTable>,
        views: Keyed<SqliteView>,
        expressions: Keyed<super::InternalColumns>,
    ) -> SqliteSnapshot {
        SqliteSnapshot {
            layout: Layout::Generated,
            id: String::new(),
            prev_id: String::new(),
            tables,
            views,
            enums: Map::new(),
            meta: Meta {
                schemas: Some(Keyed::default()),
                ..Default::default()
            },
            internal: Some(Internal {
                tables: None,
                indexes: Some(expressions),
            }),
        }
    }

    /// The fields after `version` and `dialect`, which the caller checked.
    pub(super) fn read(f: &mut Fields, layout: Layout) -> Result<SqliteSnapshot> {
        Ok(SqliteSnapshot {
            layout,
            id: Field::get(f, "id")?,
            prev_id: Field::get(f, "prevId")?,
            tables: Field::get(f, "tables")?,
            views: Field::get(f, "views")?,
            enums: Field::get(f, "enums")?,
            meta: Field::get(f, "_meta")?,
            internal: Field::get(f, "internal")?,
        })
    }

    pub(super) fn write(&self) -> Json {
        let l = self.layout;
        Out::new()
            .str("version", "6")
            .str("dialect", "sqlite")
            .field("id", &self.id, l)
            .field("prevId", &self.prev_id, l)
            .field("tables", &self.tables, l)
            .field("views", &self.views, l)
            .field("enums", &self.enums, l)
            .field("_meta", &self.meta, l)
            .field("internal", &self.internal, l)
            .done_in(
                l,
                &[
                    "id", "prevId", "version", "dialect", "tables", "views", "enums", "_meta",
                    "internal",
                ],
            )
    }
}
