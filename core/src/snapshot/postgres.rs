//! drizzle-kit 0.31's PostgreSQL snapshot (`version: "7"`), in the key order
//! its serializer writes (`generatePgSnapshot`; the top level starts with
//! `id`, `prevId`). Tables, enums, sequences and views are keyed
//! `"<schema>.<name>"`.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value as Json};

use super::fields::{object, Field, Node};
use super::json::{list, Fields, Out, Result};
use super::keyed::Keyed;
use super::shared::{Check, ForeignKey, Generated, Internal, Meta};
use super::Layout;

/// A whole PostgreSQL snapshot file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgSnapshot {
    /// The key order it was read in, and is written in.
    pub layout: Layout,
    pub id: String,
    pub prev_id: String,
    pub tables: Keyed<PgTable>,
    pub enums: Keyed<PgEnum>,
    /// Schemas other than `public`, name to name.
    pub schemas: Keyed<String>,
    pub sequences: Option<Keyed<PgSequence>>,
    pub roles: Option<Keyed<PgRole>>,
    /// Policies on tables the schema does not declare (`.link()`).
    pub policies: Option<Keyed<PgPolicy>>,
    pub views: Option<Keyed<PgView>>,
    pub meta: Meta,
    pub internal: Option<Internal>,
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgTable {
        pub name: String = "name",
        /// `""` for `public`.
        pub schema: String = "schema",
        pub columns: Keyed<PgColumn> = "columns",
        pub indexes: Keyed<PgIndex> = "indexes",
        pub foreign_keys: Keyed<ForeignKey> = "foreignKeys",
        pub composite_primary_keys: Keyed<PgKey> = "compositePrimaryKeys",
        pub unique_constraints: Option<Keyed<PgUnique>> = "uniqueConstraints",
        pub policies: Option<Keyed<PgPolicy>> = "policies",
        pub check_constraints: Option<Keyed<Check>> = "checkConstraints",
        pub is_rls_enabled: Option<bool> = "isRLSEnabled",
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgColumn {
        pub name: String = "name" @0,
        pub type_: String = "type" @1,
        /// The enum's schema, for enum columns.
        pub type_schema: Option<String> = "typeSchema" @2,
        pub primary_key: bool = "primaryKey" @3,
        pub not_null: bool = "notNull" @4,
        pub generated: Option<Generated> = "generated" @9,
        pub identity: Option<PgIdentity> = "identity" @10,
        pub default: Option<Json> = "default" @5,
        /// Column-level unique, as snapshots before `uniqueConstraints` wrote it
        /// (typed `any` by drizzle-kit).
        pub is_unique: Option<Json> = "isUnique" @6,
        pub unique_name: Option<String> = "uniqueName" @7,
        pub nulls_not_distinct: Option<bool> = "nullsNotDistinct" @8,
    }
}

object! {
    /// `GENERATED ALWAYS|BY DEFAULT AS IDENTITY` and its sequence's options (as strings).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgIdentity {
        /// `always` or `byDefault`.
        pub type_: String = "type" @8,
        pub name: String = "name" @0,
        pub schema: String = "schema" @7,
        pub increment: Option<String> = "increment" @1,
        pub start_with: Option<String> = "startWith" @4,
        pub min_value: Option<String> = "minValue" @2,
        pub max_value: Option<String> = "maxValue" @3,
        pub cache: Option<String> = "cache" @5,
        pub cycle: Option<bool> = "cycle" @6,
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgIndex {
        pub name: String = "name" @0,
        pub columns: Vec<PgIndexColumn> = "columns" @1,
        pub is_unique: bool = "isUnique" @2,
        pub where_: Option<String> = "where" @5,
        pub concurrently: Option<bool> = "concurrently" @6,
        pub method: Option<String> = "method" @4,
        pub with: Option<Map<String, Json>> = "with" @3,
    }
}

/// Not an `object!` struct (fields.rs): its keys' order depends on `is_expression` (below).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgIndexColumn {
    /// A column name, or an expression's SQL.
    pub expression: String,
    pub is_expression: bool,
    pub asc: bool,
    /// `first` or `last`.
    pub nulls: Option<String>,
    pub opclass: Option<String>,
}

object! {
    /// A primary key: `{name, columns}`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgKey {
        pub name: String = "name",
        pub columns: Vec<String> = "columns",
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgUnique {
        pub name: String = "name" @0,
        pub nulls_not_distinct: bool = "nullsNotDistinct" @2,
        pub columns: Vec<String> = "columns" @1,
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgEnum {
        pub name: String = "name",
        pub schema: String = "schema",
        pub values: Vec<String> = "values",
    }
}

object! {
    /// A sequence; its numbers are strings, as drizzle-kit writes them.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgSequence {
        pub name: String = "name" @0,
        pub schema: String = "schema" @7,
        pub increment: Option<String> = "increment" @1,
        pub start_with: Option<String> = "startWith" @4,
        pub min_value: Option<String> = "minValue" @2,
        pub max_value: Option<String> = "maxValue" @3,
        pub cache: Option<String> = "cache" @5,
        pub cycle: Option<bool> = "cycle" @6,
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgRole {
        pub name: String = "name",
        pub create_db: Option<bool> = "createDb",
        pub create_role: Option<bool> = "createRole",
        pub inherit: Option<bool> = "inherit",
    }
}

object! {
    /// A row-level security policy. `schema` and `on` are set on the top-level
    /// ones only (the table they are linked to).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgPolicy {
        pub name: String = "name" @0,
        /// `PERMISSIVE` or `RESTRICTIVE`.
        pub as_: Option<String> = "as" @1,
        /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
        pub for_: Option<String> = "for" @2,
        pub to: Option<Vec<String>> = "to" @3,
        pub using: Option<String> = "using" @4,
        pub with_check: Option<String> = "withCheck" @5,
        pub schema: Option<String> = "schema" @7,
        pub on: Option<String> = "on" @6,
    }
}

object! {
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PgView {
        pub columns: Keyed<PgColumn> = "columns" @2,
        pub definition: Option<String> = "definition" @3,
        pub name: String = "name" @0,
        pub schema: String = "schema" @1,
        pub is_existing: bool = "isExisting" @6,
        pub with: Option<Map<String, Json>> = "with" @5,
        pub with_no_data: Option<bool> = "withNoData" @7,
        pub materialized: bool = "materialized" @4,
        pub tablespace: Option<String> = "tablespace" @9,
        pub using: Option<String> = "using" @8,
    }
}

impl PgSnapshot {
    pub(super) fn read(f: &mut Fields, layout: Layout) -> Result<PgSnapshot> {
        Ok(PgSnapshot {
            layout,
            id: Field::get(f, "id")?,
            prev_id: Field::get(f, "prevId")?,
            tables: Field::get(f, "tables")?,
            enums: Field::get(f, "enums")?,
            schemas: Field::get(f, "schemas")?,
            sequences: Field::get(f, "sequences")?,
            roles: Field::get(f, "roles")?,
            policies: Field::get(f, "policies")?,
            views: Field::get(f, "views")?,
            meta: Field::get(f, "_meta")?,
            internal: Field::get(f, "internal")?,
        })
    }

    pub(super) fn write(&self) -> Json {
        let l = self.layout;
        Out::new()
            .field("id", &self.id, l)
            .field("prevId", &self.prev_id, l)
            .str("version", "7")
            .str("dialect", "postgresql")
            .field("tables", &self.tables, l)
            .field("enums", &self.enums, l)
            .field("schemas", &self.schemas, l)
            .field("sequences", &self.sequences, l)
            .field("roles", &self.roles, l)
            .field("policies", &self.policies, l)
            .field("views", &self.views, l)
            // Its serializer writes `_meta` in the zod order already.
            .field("_meta", &self.meta, Layout::Parsed)
            .field("internal", &self.internal, l)
            .done_in(
                l,
                &[
                    "id",
                    "prevId",
                    "version",
                    "dialect",
                    "tables",
                    "enums",
                    "schemas",
                    "views",
                    "sequences",
                    "roles",
                    "policies",
                    "_meta",
                    "internal",
                ],
            )
    }
}

impl Node for PgIndexColumn {
    fn read(v: &Json, path: &str) -> Result<PgIndexColumn> {
        let mut f = Fields::new(v, path)?;
        let c = PgIndexColumn {
            expression: f.str("expression")?,
            is_expression: f.bool("isExpression")?,
            asc: f.bool("asc")?,
            nulls: f.opt_str("nulls")?,
            opclass: f.opt_str("opclass")?,
        };
        f.done()?;
        Ok(c)
    }

    // The serializer builds expression and column entries from two object
    // literals whose keys differ in order (`asc` first for expressions).
    fn write(&self, l: Layout) -> Json {
        let mut o = Out::new();
        o.str("expression", &self.expression);
        if self.is_expression {
            o.bool("asc", self.asc).bool("isExpression", true);
        } else {
            o.bool("isExpression", false).bool("asc", self.asc);
        }
        o.opt_str("nulls", &self.nulls)
            .opt_str("opclass", &self.opclass)
            .done_in(
                l,
                &["expression", "isExpression", "asc", "nulls", "opclass"],
            )
    }
}

/// `PgIndex::columns` (an array of objects, unlike the other lists).
impl Node for Vec<PgIndexColumn> {
    fn read(v: &Json, path: &str) -> Result<Vec<PgIndexColumn>> {
        list(v, path, PgIndexColumn::read)
    }

    fn write(&self, l: Layout) -> Json {
        Json::Array(self.iter().map(|v| v.write(l)).collect())
    }
}
