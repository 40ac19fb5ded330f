//! drizzle-kit 0.31's PostgreSQL snapshot (`version: "7"`), in the key order
//! its serializer writes (`generatePgSnapshot`; the top level starts with
//! `id`, `prevId`). Tables, enums, sequences and views are keyed
//! `"<schema>.<name>"`.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value as Json};

use super::json::{as_str, Fields, Out, Result};
use super::keyed::Keyed;
use super::shared::{Check, ForeignKey, Generated, Internal, Meta, MetaOrder};
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgTable {
    pub name: String,
    /// `""` for `public`.
    pub schema: String,
    pub columns: Keyed<PgColumn>,
    pub indexes: Keyed<PgIndex>,
    pub foreign_keys: Keyed<ForeignKey>,
    pub composite_primary_keys: Keyed<PgKey>,
    pub unique_constraints: Option<Keyed<PgUnique>>,
    pub policies: Option<Keyed<PgPolicy>>,
    pub check_constraints: Option<Keyed<Check>>,
    pub is_rls_enabled: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgColumn {
    pub name: String,
    pub type_: String,
    /// The enum's schema, for enum columns.
    pub type_schema: Option<String>,
    pub primary_key: bool,
    pub not_null: bool,
    pub generated: Option<Generated>,
    pub identity: Option<PgIdentity>,
    pub default: Option<Json>,
    /// Column-level unique, as snapshots before `uniqueConstraints` wrote it
    /// (typed `any` by drizzle-kit).
    pub is_unique: Option<Json>,
    pub unique_name: Option<String>,
    pub nulls_not_distinct: Option<bool>,
}

/// `GENERATED ALWAYS|BY DEFAULT AS IDENTITY` and its sequence's options (as strings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgIdentity {
    /// `always` or `byDefault`.
    pub type_: String,
    pub name: String,
    pub schema: String,
    pub increment: Option<String>,
    pub start_with: Option<String>,
    pub min_value: Option<String>,
    pub max_value: Option<String>,
    pub cache: Option<String>,
    pub cycle: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgIndex {
    pub name: String,
    pub columns: Vec<PgIndexColumn>,
    pub is_unique: bool,
    pub where_: Option<String>,
    pub concurrently: Option<bool>,
    pub method: Option<String>,
    pub with: Option<Map<String, Json>>,
}

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

/// A primary key: `{name, columns}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgKey {
    pub name: String,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgUnique {
    pub name: String,
    pub nulls_not_distinct: bool,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgEnum {
    pub name: String,
    pub schema: String,
    pub values: Vec<String>,
}

/// A sequence; its numbers are strings, as drizzle-kit writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgSequence {
    pub name: String,
    pub schema: String,
    pub increment: Option<String>,
    pub start_with: Option<String>,
    pub min_value: Option<String>,
    pub max_value: Option<String>,
    pub cache: Option<String>,
    pub cycle: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgRole {
    pub name: String,
    pub create_db: Option<bool>,
    pub create_role: Option<bool>,
    pub inherit: Option<bool>,
}

/// A row-level security policy. `schema` and `on` are set on the top-level
/// ones only (the table they are linked to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgPolicy {
    pub name: String,
    /// `PERMISSIVE` or `RESTRICTIVE`.
    pub as_: Option<String>,
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
    pub for_: Option<String>,
    pub to: Option<Vec<String>>,
    pub using: Option<String>,
    pub with_check: Option<String>,
    pub schema: Option<String>,
    pub on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgView {
    pub columns: Keyed<PgColumn>,
    pub definition: Option<String>,
    pub name: String,
    pub schema: String,
    pub is_existing: bool,
    pub with: Option<Map<String, Json>>,
    pub with_no_data: Option<bool>,
    pub materialized: bool,
    pub tablespace: Option<String>,
    pub using: Option<String>,
}

impl PgSnapshot {
    pub(super) fn read(f: &mut Fields, layout: Layout) -> Result<PgSnapshot> {
        Ok(PgSnapshot {
            layout,
            id: f.str("id")?,
            prev_id: f.str("prevId")?,
            tables: f.keyed("tables", PgTable::read)?,
            enums: f.keyed("enums", PgEnum::read)?,
            schemas: f.keyed("schemas", as_str)?,
            sequences: f.opt_keyed("sequences", PgSequence::read)?,
            roles: f.opt_keyed("roles", PgRole::read)?,
            policies: f.opt_keyed("policies", PgPolicy::read)?,
            views: f.opt_keyed("views", PgView::read)?,
            meta: f.nested("_meta", Meta::read)?,
            internal: f.opt_nested("internal", Internal::read)?,
        })
    }

    pub(super) fn write(&self) -> Json {
        let l = self.layout;
        Out::new()
            .str("id", &self.id)
            .str("prevId", &self.prev_id)
            .str("version", "7")
            .str("dialect", "postgresql")
            .keyed("tables", &self.tables, |v| v.write(l))
            .keyed("enums", &self.enums, |v| v.write(l))
            .keyed("schemas", &self.schemas, |s| Json::String(s.clone()))
            .opt_keyed("sequences", &self.sequences, |v| v.write(l))
            .opt_keyed("roles", &self.roles, |v| v.write(l))
            .opt_keyed("policies", &self.policies, |v| v.write(l))
            .opt_keyed("views", &self.views, |v| v.write(l))
            .put("_meta", self.meta.write(l, MetaOrder::ColumnsFirst))
            .opt("internal", self.internal.as_ref().map(|v| v.write(l)))
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

impl PgTable {
    fn read(v: &Json, path: &str) -> Result<PgTable> {
        let mut f = Fields::new(v, path)?;
        let t = PgTable {
            name: f.str("name")?,
            schema: f.str("schema")?,
            columns: f.keyed("columns", PgColumn::read)?,
            indexes: f.keyed("indexes", PgIndex::read)?,
            foreign_keys: f.keyed("foreignKeys", |v, p| ForeignKey::read(v, p, true))?,
            composite_primary_keys: f.keyed("compositePrimaryKeys", PgKey::read)?,
            unique_constraints: f.opt_keyed("uniqueConstraints", PgUnique::read)?,
            policies: f.opt_keyed("policies", PgPolicy::read)?,
            check_constraints: f.opt_keyed("checkConstraints", Check::read)?,
            is_rls_enabled: f.opt_bool("isRLSEnabled")?,
        };
        f.done()?;
        Ok(t)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .str("schema", &self.schema)
            .keyed("columns", &self.columns, |v| v.write(l))
            .keyed("indexes", &self.indexes, |v| v.write(l))
            .keyed("foreignKeys", &self.foreign_keys, |v| v.write(l))
            .keyed("compositePrimaryKeys", &self.composite_primary_keys, |v| {
                v.write(l)
            })
            .opt_keyed("uniqueConstraints", &self.unique_constraints, |v| {
                v.write(l)
            })
            .opt_keyed("policies", &self.policies, |v| v.write(l))
            .opt_keyed("checkConstraints", &self.check_constraints, |v| v.write(l))
            .opt_bool("isRLSEnabled", self.is_rls_enabled)
            .done()
    }
}

impl PgColumn {
    fn read(v: &Json, path: &str) -> Result<PgColumn> {
        let mut f = Fields::new(v, path)?;
        let c = PgColumn {
            name: f.str("name")?,
            type_: f.str("type")?,
            type_schema: f.opt_str("typeSchema")?,
            primary_key: f.bool("primaryKey")?,
            not_null: f.bool("notNull")?,
            generated: f.opt_nested("generated", Generated::read)?,
            identity: f.opt_nested("identity", PgIdentity::read)?,
            default: f.opt_any("default"),
            is_unique: f.opt_any("isUnique"),
            unique_name: f.opt_str("uniqueName")?,
            nulls_not_distinct: f.opt_bool("nullsNotDistinct")?,
        };
        f.done()?;
        Ok(c)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .str("type", &self.type_)
            .opt_str("typeSchema", &self.type_schema)
            .bool("primaryKey", self.primary_key)
            .bool("notNull", self.not_null)
            .opt("generated", self.generated.as_ref().map(|v| v.write(l)))
            .opt("identity", self.identity.as_ref().map(|v| v.write(l)))
            .opt("default", self.default.clone())
            .opt("isUnique", self.is_unique.clone())
            .opt_str("uniqueName", &self.unique_name)
            .opt_bool("nullsNotDistinct", self.nulls_not_distinct)
            .done_in(
                l,
                &[
                    "name",
                    "type",
                    "typeSchema",
                    "primaryKey",
                    "notNull",
                    "default",
                    "isUnique",
                    "uniqueName",
                    "nullsNotDistinct",
                    "generated",
                    "identity",
                ],
            )
    }
}

impl PgIdentity {
    fn read(v: &Json, path: &str) -> Result<PgIdentity> {
        let mut f = Fields::new(v, path)?;
        let i = PgIdentity {
            type_: f.str("type")?,
            name: f.str("name")?,
            schema: f.str("schema")?,
            increment: f.opt_str("increment")?,
            start_with: f.opt_str("startWith")?,
            min_value: f.opt_str("minValue")?,
            max_value: f.opt_str("maxValue")?,
            cache: f.opt_str("cache")?,
            cycle: f.opt_bool("cycle")?,
        };
        f.done()?;
        Ok(i)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("type", &self.type_)
            .str("name", &self.name)
            .str("schema", &self.schema)
            .opt_str("increment", &self.increment)
            .opt_str("startWith", &self.start_with)
            .opt_str("minValue", &self.min_value)
            .opt_str("maxValue", &self.max_value)
            .opt_str("cache", &self.cache)
            .opt_bool("cycle", self.cycle)
            .done_in(
                l,
                &[
                    "name",
                    "increment",
                    "minValue",
                    "maxValue",
                    "startWith",
                    "cache",
                    "cycle",
                    "schema",
                    "type",
                ],
            )
    }
}

impl PgIndex {
    fn read(v: &Json, path: &str) -> Result<PgIndex> {
        let mut f = Fields::new(v, path)?;
        let i = PgIndex {
            name: f.str("name")?,
            columns: f.list("columns", PgIndexColumn::read)?,
            is_unique: f.bool("isUnique")?,
            where_: f.opt_str("where")?,
            concurrently: f.opt_bool("concurrently")?,
            method: f.opt_str("method")?,
            with: f.opt_object("with")?,
        };
        f.done()?;
        Ok(i)
    }

    fn write(&self, l: Layout) -> Json {
        let columns = self.columns.iter().map(|v| v.write(l)).collect();
        Out::new()
            .str("name", &self.name)
            .put("columns", Json::Array(columns))
            .bool("isUnique", self.is_unique)
            .opt_str("where", &self.where_)
            .opt_bool("concurrently", self.concurrently)
            .opt_str("method", &self.method)
            .opt("with", self.with.clone().map(Json::Object))
            .done_in(
                l,
                &[
                    "name",
                    "columns",
                    "isUnique",
                    "with",
                    "method",
                    "where",
                    "concurrently",
                ],
            )
    }
}

impl PgIndexColumn {
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

impl PgKey {
    fn read(v: &Json, path: &str) -> Result<PgKey> {
        let mut f = Fields::new(v, path)?;
        let k = PgKey {
            name: f.str("name")?,
            columns: f.strings("columns")?,
        };
        f.done()?;
        Ok(k)
    }

    fn write(&self, _: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .strings("columns", &self.columns)
            .done()
    }
}

impl PgUnique {
    fn read(v: &Json, path: &str) -> Result<PgUnique> {
        let mut f = Fields::new(v, path)?;
        let u = PgUnique {
            name: f.str("name")?,
            nulls_not_distinct: f.bool("nullsNotDistinct")?,
            columns: f.strings("columns")?,
        };
        f.done()?;
        Ok(u)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .bool("nullsNotDistinct", self.nulls_not_distinct)
            .strings("columns", &self.columns)
            .done_in(l, &["name", "columns", "nullsNotDistinct"])
    }
}

impl PgEnum {
    fn read(v: &Json, path: &str) -> Result<PgEnum> {
        let mut f = Fields::new(v, path)?;
        let e = PgEnum {
            name: f.str("name")?,
            schema: f.str("schema")?,
            values: f.strings("values")?,
        };
        f.done()?;
        Ok(e)
    }

    fn write(&self, _: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .str("schema", &self.schema)
            .strings("values", &self.values)
            .done()
    }
}

impl PgSequence {
    fn read(v: &Json, path: &str) -> Result<PgSequence> {
        let mut f = Fields::new(v, path)?;
        let s = PgSequence {
            name: f.str("name")?,
            schema: f.str("schema")?,
            increment: f.opt_str("increment")?,
            start_with: f.opt_str("startWith")?,
            min_value: f.opt_str("minValue")?,
            max_value: f.opt_str("maxValue")?,
            cache: f.opt_str("cache")?,
            cycle: f.opt_bool("cycle")?,
        };
        f.done()?;
        Ok(s)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .str("schema", &self.schema)
            .opt_str("increment", &self.increment)
            .opt_str("startWith", &self.start_with)
            .opt_str("minValue", &self.min_value)
            .opt_str("maxValue", &self.max_value)
            .opt_str("cache", &self.cache)
            .opt_bool("cycle", self.cycle)
            .done_in(
                l,
                &[
                    "name",
                    "increment",
                    "minValue",
                    "maxValue",
                    "startWith",
                    "cache",
                    "cycle",
                    "schema",
                ],
            )
    }
}

impl PgRole {
    fn read(v: &Json, path: &str) -> Result<PgRole> {
        let mut f = Fields::new(v, path)?;
        let r = PgRole {
            name: f.str("name")?,
            create_db: f.opt_bool("createDb")?,
            create_role: f.opt_bool("createRole")?,
            inherit: f.opt_bool("inherit")?,
        };
        f.done()?;
        Ok(r)
    }

    fn write(&self, _: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .opt_bool("createDb", self.create_db)
            .opt_bool("createRole", self.create_role)
            .opt_bool("inherit", self.inherit)
            .done()
    }
}

impl PgPolicy {
    fn read(v: &Json, path: &str) -> Result<PgPolicy> {
        let mut f = Fields::new(v, path)?;
        let p = PgPolicy {
            name: f.str("name")?,
            as_: f.opt_str("as")?,
            for_: f.opt_str("for")?,
            to: f.opt_strings("to")?,
            using: f.opt_str("using")?,
            with_check: f.opt_str("withCheck")?,
            schema: f.opt_str("schema")?,
            on: f.opt_str("on")?,
        };
        f.done()?;
        Ok(p)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .opt_str("as", &self.as_)
            .opt_str("for", &self.for_)
            .opt_strings("to", &self.to)
            .opt_str("using", &self.using)
            .opt_str("withCheck", &self.with_check)
            .opt_str("schema", &self.schema)
            .opt_str("on", &self.on)
            .done_in(
                l,
                &[
                    "name",
                    "as",
                    "for",
                    "to",
                    "using",
                    "withCheck",
                    "on",
                    "schema",
                ],
            )
    }
}

impl PgView {
    fn read(v: &Json, path: &str) -> Result<PgView> {
        let mut f = Fields::new(v, path)?;
        let view = PgView {
            columns: f.keyed("columns", PgColumn::read)?,
            definition: f.opt_str("definition")?,
            name: f.str("name")?,
            schema: f.str("schema")?,
            is_existing: f.bool("isExisting")?,
            with: f.opt_object("with")?,
            with_no_data: f.opt_bool("withNoData")?,
            materialized: f.bool("materialized")?,
            tablespace: f.opt_str("tablespace")?,
            using: f.opt_str("using")?,
        };
        f.done()?;
        Ok(view)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .keyed("columns", &self.columns, |v| v.write(l))
            .opt_str("definition", &self.definition)
            .str("name", &self.name)
            .str("schema", &self.schema)
            .bool("isExisting", self.is_existing)
            .opt("with", self.with.clone().map(Json::Object))
            .opt_bool("withNoData", self.with_no_data)
            .bool("materialized", self.materialized)
            .opt_str("tablespace", &self.tablespace)
            .opt_str("using", &self.using)
            .done_in(
                l,
                &[
                    "name",
                    "schema",
                    "columns",
                    "definition",
                    "materialized",
                    "with",
                    "isExisting",
                    "withNoData",
                    "using",
                    "tablespace",
                ],
            )
    }
}
