//! drizzle-kit 0.31's SQLite snapshot (`version: "6"`), field for field, in
//! the key order its serializer writes (`generateSqliteSnapshot`).

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Value as Json};

use super::json::{Fields, Out, Result};
use super::keyed::Keyed;
use super::shared::{Check, ForeignKey, Generated, Internal, Meta, MetaOrder};
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteTable {
    pub name: String,
    pub columns: Keyed<SqliteColumn>,
    /// Indexes, and unique constraints too (drizzle-kit writes those here).
    pub indexes: Keyed<SqliteIndex>,
    pub foreign_keys: Keyed<ForeignKey>,
    pub composite_primary_keys: Keyed<SqlitePrimaryKey>,
    pub unique_constraints: Keyed<SqliteUnique>,
    /// Absent in snapshots older than checks (drizzle-kit's schema defaults it).
    pub check_constraints: Option<Keyed<Check>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteColumn {
    pub name: String,
    pub type_: String,
    pub primary_key: bool,
    pub not_null: bool,
    pub autoincrement: Option<bool>,
    pub generated: Option<Generated>,
    /// SQL text, or a JSON number / boolean for a plain literal.
    pub default: Option<Json>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteIndex {
    pub name: String,
    /// Column names, or expressions' SQL (marked in `internal.indexes`).
    pub columns: Vec<String>,
    pub is_unique: bool,
    pub where_: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlitePrimaryKey {
    pub columns: Vec<String>,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteUnique {
    pub name: String,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteView {
    pub columns: Keyed<SqliteColumn>,
    pub name: String,
    pub is_existing: bool,
    pub definition: Option<String>,
}

impl SqliteSnapshot {
    /// The fields after `version` and `dialect`, which the caller checked.
    pub(super) fn read(f: &mut Fields, layout: Layout) -> Result<SqliteSnapshot> {
        Ok(SqliteSnapshot {
            layout,
            id: f.str("id")?,
            prev_id: f.str("prevId")?,
            tables: f.keyed("tables", SqliteTable::read)?,
            views: f.keyed("views", SqliteView::read)?,
            enums: f.object("enums")?,
            meta: f.nested("_meta", Meta::read)?,
            internal: f.opt_nested("internal", Internal::read)?,
        })
    }

    pub(super) fn write(&self) -> Json {
        let l = self.layout;
        Out::new()
            .str("version", "6")
            .str("dialect", "sqlite")
            .str("id", &self.id)
            .str("prevId", &self.prev_id)
            .keyed("tables", &self.tables, |v| v.write(l))
            .keyed("views", &self.views, |v| v.write(l))
            .put("enums", Json::Object(self.enums.clone()))
            .put("_meta", self.meta.write(l, MetaOrder::SchemasFirst))
            .opt("internal", self.internal.as_ref().map(|v| v.write(l)))
            .done_in(
                l,
                &[
                    "id", "prevId", "version", "dialect", "tables", "views", "enums", "_meta",
                    "internal",
                ],
            )
    }
}

impl SqliteTable {
    fn read(v: &Json, path: &str) -> Result<SqliteTable> {
        let mut f = Fields::new(v, path)?;
        let t = SqliteTable {
            name: f.str("name")?,
            columns: f.keyed("columns", SqliteColumn::read)?,
            indexes: f.keyed("indexes", SqliteIndex::read)?,
            foreign_keys: f.keyed("foreignKeys", |v, p| ForeignKey::read(v, p, false))?,
            composite_primary_keys: f.keyed("compositePrimaryKeys", SqlitePrimaryKey::read)?,
            unique_constraints: f.keyed("uniqueConstraints", SqliteUnique::read)?,
            check_constraints: f.opt_keyed("checkConstraints", Check::read)?,
        };
        f.done()?;
        Ok(t)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .keyed("columns", &self.columns, |v| v.write(l))
            .keyed("indexes", &self.indexes, |v| v.write(l))
            .keyed("foreignKeys", &self.foreign_keys, |v| v.write(l))
            .keyed("compositePrimaryKeys", &self.composite_primary_keys, |v| {
                v.write(l)
            })
            .keyed("uniqueConstraints", &self.unique_constraints, |v| {
                v.write(l)
            })
            .opt_keyed("checkConstraints", &self.check_constraints, |v| v.write(l))
            .done()
    }
}

impl SqliteColumn {
    fn read(v: &Json, path: &str) -> Result<SqliteColumn> {
        let mut f = Fields::new(v, path)?;
        let c = SqliteColumn {
            name: f.str("name")?,
            type_: f.str("type")?,
            primary_key: f.bool("primaryKey")?,
            not_null: f.bool("notNull")?,
            autoincrement: f.opt_bool("autoincrement")?,
            generated: f.opt_nested("generated", Generated::read)?,
            default: f.opt_any("default"),
        };
        f.done()?;
        Ok(c)
    }

    // `generated` comes before `default`: the serializer's object literal
    // holds `generated` (maybe undefined) and assigns `default` afterwards.
    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .str("type", &self.type_)
            .bool("primaryKey", self.primary_key)
            .bool("notNull", self.not_null)
            .opt_bool("autoincrement", self.autoincrement)
            .opt("generated", self.generated.as_ref().map(|v| v.write(l)))
            .opt("default", self.default.clone())
            .done_in(
                l,
                &[
                    "name",
                    "type",
                    "primaryKey",
                    "notNull",
                    "autoincrement",
                    "default",
                    "generated",
                ],
            )
    }
}

impl SqliteIndex {
    fn read(v: &Json, path: &str) -> Result<SqliteIndex> {
        let mut f = Fields::new(v, path)?;
        let i = SqliteIndex {
            name: f.str("name")?,
            columns: f.strings("columns")?,
            is_unique: f.bool("isUnique")?,
            where_: f.opt_str("where")?,
        };
        f.done()?;
        Ok(i)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .strings("columns", &self.columns)
            .bool("isUnique", self.is_unique)
            .opt_str("where", &self.where_)
            .done_in(l, &["name", "columns", "where", "isUnique"])
    }
}

impl SqlitePrimaryKey {
    fn read(v: &Json, path: &str) -> Result<SqlitePrimaryKey> {
        let mut f = Fields::new(v, path)?;
        let k = SqlitePrimaryKey {
            columns: f.strings("columns")?,
            name: f.opt_str("name")?,
        };
        f.done()?;
        Ok(k)
    }

    fn write(&self, _: Layout) -> Json {
        Out::new()
            .strings("columns", &self.columns)
            .opt_str("name", &self.name)
            .done()
    }
}

impl SqliteUnique {
    fn read(v: &Json, path: &str) -> Result<SqliteUnique> {
        let mut f = Fields::new(v, path)?;
        let u = SqliteUnique {
            name: f.str("name")?,
            columns: f.strings("columns")?,
        };
        f.done()?;
        Ok(u)
    }

    fn write(&self, _: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .strings("columns", &self.columns)
            .done()
    }
}

impl SqliteView {
    fn read(v: &Json, path: &str) -> Result<SqliteView> {
        let mut f = Fields::new(v, path)?;
        let view = SqliteView {
            columns: f.keyed("columns", SqliteColumn::read)?,
            name: f.str("name")?,
            is_existing: f.bool("isExisting")?,
            definition: f.opt_str("definition")?,
        };
        f.done()?;
        Ok(view)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .keyed("columns", &self.columns, |v| v.write(l))
            .str("name", &self.name)
            .bool("isExisting", self.is_existing)
            .opt_str("definition", &self.definition)
            .done_in(l, &["name", "columns", "definition", "isExisting"])
    }
}
