//! drizzle-kit 0.31's MySQL snapshot (`version: "5"`), in the key order its
//! serializer writes (`generateMySqlSnapshot`). Note the singular
//! `checkConstraint` of its tables.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value as Json;

use super::fields::{object, Field};
use super::json::{Fields, Out, Result};
use super::keyed::Keyed;
use super::shared::{Check, ForeignKey, Generated, Internal, Meta};
use super::Layout;

/// A whole MySQL snapshot file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MySqlSnapshot {
    /// The key order it was read in, and is written in.
    pub layout: Layout,
    pub id: String,
    pub prev_id: String,
    pub tables: Keyed<MySqlTable>,
    pub views: Keyed<MySqlView>,
    pub meta: Meta,
    pub internal: Option<Internal>,
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct MySqlTable {
        pub name: String = "name",
        pub columns: Keyed<MySqlColumn> = "columns",
        pub indexes: Keyed<MySqlIndex> = "indexes",
        pub foreign_keys: Keyed<ForeignKey> = "foreignKeys" via ForeignKey::keyed_without_schema,
        /// Every primary key, single-column ones included (`<table>_<column>`).
        pub composite_primary_keys: Keyed<MySqlKey> = "compositePrimaryKeys",
        pub unique_constraints: Option<Keyed<MySqlKey>> = "uniqueConstraints",
        /// `checkConstraint` on disk.
        pub check_constraint: Option<Keyed<Check>> = "checkConstraint",
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct MySqlColumn {
        pub name: String = "name" @0,
        pub type_: String = "type" @1,
        pub primary_key: bool = "primaryKey" @2,
        pub not_null: bool = "notNull" @3,
        pub autoincrement: Option<bool> = "autoincrement" @4,
        /// `ON UPDATE CURRENT_TIMESTAMP`.
        pub on_update: Option<bool> = "onUpdate" @6,
        pub generated: Option<Generated> = "generated" @7,
        pub default: Option<Json> = "default" @5,
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct MySqlIndex {
        pub name: String = "name",
        pub columns: Vec<String> = "columns",
        pub is_unique: bool = "isUnique",
        pub using: Option<String> = "using",
        pub algorithm: Option<String> = "algorithm",
        pub lock: Option<String> = "lock",
    }
}

object! {
    /// A primary key or a unique constraint: `{name, columns}`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct MySqlKey {
        pub name: String = "name",
        pub columns: Vec<String> = "columns",
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct MySqlView {
        pub columns: Keyed<MySqlColumn> = "columns" @1,
        pub name: String = "name" @0,
        pub is_existing: bool = "isExisting" @3,
        pub definition: Option<String> = "definition" @2,
        /// `local` or `cascaded`.
        pub with_check_option: Option<String> = "withCheckOption" @6,
        pub algorithm: String = "algorithm" @4,
        pub sql_security: String = "sqlSecurity" @5,
    }
}

impl MySqlSnapshot {
    pub(super) fn read(f: &mut Fields, layout: Layout) -> Result<MySqlSnapshot> {
        Ok(MySqlSnapshot {
            layout,
            id: Field::get(f, "id")?,
            prev_id: Field::get(f, "prevId")?,
            tables: Field::get(f, "tables")?,
            views: Field::get(f, "views")?,
            meta: Field::get(f, "_meta")?,
            internal: Field::get(f, "internal")?,
        })
    }

    pub(super) fn write(&self) -> Json {
        let l = self.layout;
        Out::new()
            .str("version", "5")
            .str("dialect", "mysql")
            .field("id", &self.id, l)
            .field("prevId", &self.prev_id, l)
            .field("tables", &self.tables, l)
            .field("views", &self.views, l)
            .field("_meta", &self.meta, l)
            .field("internal", &self.internal, l)
            .done_in(
                l,
                &[
                    "id", "prevId", "version", "dialect", "tables", "views", "_meta", "internal",
                ],
            )
    }
}
