//! drizzle-kit 0.31's MySQL snapshot (`version: "5"`), in the key order its
//! serializer writes (`generateMySqlSnapshot`). Note the singular
//! `checkConstraint` of its tables.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value as Json;

use super::json::{Fields, Out, Result};
use super::keyed::Keyed;
use super::shared::{Check, ForeignKey, Generated, Internal, Meta, MetaOrder};
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MySqlTable {
    pub name: String,
    pub columns: Keyed<MySqlColumn>,
    pub indexes: Keyed<MySqlIndex>,
    pub foreign_keys: Keyed<ForeignKey>,
    /// Every primary key, single-column ones included (`<table>_<column>`).
    pub composite_primary_keys: Keyed<MySqlKey>,
    pub unique_constraints: Option<Keyed<MySqlKey>>,
    /// `checkConstraint` on disk.
    pub check_constraint: Option<Keyed<Check>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MySqlColumn {
    pub name: String,
    pub type_: String,
    pub primary_key: bool,
    pub not_null: bool,
    pub autoincrement: Option<bool>,
    /// `ON UPDATE CURRENT_TIMESTAMP`.
    pub on_update: Option<bool>,
    pub generated: Option<Generated>,
    pub default: Option<Json>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MySqlIndex {
    pub name: String,
    pub columns: Vec<String>,
    pub is_unique: bool,
    pub using: Option<String>,
    pub algorithm: Option<String>,
    pub lock: Option<String>,
}

/// A primary key or a unique constraint: `{name, columns}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MySqlKey {
    pub name: String,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MySqlView {
    pub columns: Keyed<MySqlColumn>,
    pub name: String,
    pub is_existing: bool,
    pub definition: Option<String>,
    /// `local` or `cascaded`.
    pub with_check_option: Option<String>,
    pub algorithm: String,
    pub sql_security: String,
}

impl MySqlSnapshot {
    pub(super) fn read(f: &mut Fields, layout: Layout) -> Result<MySqlSnapshot> {
        Ok(MySqlSnapshot {
            layout,
            id: f.str("id")?,
            prev_id: f.str("prevId")?,
            tables: f.keyed("tables", MySqlTable::read)?,
            views: f.keyed("views", MySqlView::read)?,
            meta: f.nested("_meta", Meta::read)?,
            internal: f.opt_nested("internal", Internal::read)?,
        })
    }

    pub(super) fn write(&self) -> Json {
        let l = self.layout;
        Out::new()
            .str("version", "5")
            .str("dialect", "mysql")
            .str("id", &self.id)
            .str("prevId", &self.prev_id)
            .keyed("tables", &self.tables, |v| v.write(l))
            .keyed("views", &self.views, |v| v.write(l))
            .put("_meta", self.meta.write(l, MetaOrder::SchemasFirst))
            .opt("internal", self.internal.as_ref().map(|v| v.write(l)))
            .done_in(
                l,
                &[
                    "id", "prevId", "version", "dialect", "tables", "views", "_meta", "internal",
                ],
            )
    }
}

impl MySqlTable {
    fn read(v: &Json, path: &str) -> Result<MySqlTable> {
        let mut f = Fields::new(v, path)?;
        let t = MySqlTable {
            name: f.str("name")?,
            columns: f.keyed("columns", MySqlColumn::read)?,
            indexes: f.keyed("indexes", MySqlIndex::read)?,
            foreign_keys: f.keyed("foreignKeys", |v, p| ForeignKey::read(v, p, false))?,
            composite_primary_keys: f.keyed("compositePrimaryKeys", MySqlKey::read)?,
            unique_constraints: f.opt_keyed("uniqueConstraints", MySqlKey::read)?,
            check_constraint: f.opt_keyed("checkConstraint", Check::read)?,
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
            .opt_keyed("uniqueConstraints", &self.unique_constraints, |v| {
                v.write(l)
            })
            .opt_keyed("checkConstraint", &self.check_constraint, |v| v.write(l))
            .done()
    }
}

impl MySqlColumn {
    fn read(v: &Json, path: &str) -> Result<MySqlColumn> {
        let mut f = Fields::new(v, path)?;
        let c = MySqlColumn {
            name: f.str("name")?,
            type_: f.str("type")?,
            primary_key: f.bool("primaryKey")?,
            not_null: f.bool("notNull")?,
            autoincrement: f.opt_bool("autoincrement")?,
            on_update: f.opt_bool("onUpdate")?,
            generated: f.opt_nested("generated", Generated::read)?,
            default: f.opt_any("default"),
        };
        f.done()?;
        Ok(c)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .str("type", &self.type_)
            .bool("primaryKey", self.primary_key)
            .bool("notNull", self.not_null)
            .opt_bool("autoincrement", self.autoincrement)
            .opt_bool("onUpdate", self.on_update)
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
                    "onUpdate",
                    "generated",
                ],
            )
    }
}

impl MySqlIndex {
    fn read(v: &Json, path: &str) -> Result<MySqlIndex> {
        let mut f = Fields::new(v, path)?;
        let i = MySqlIndex {
            name: f.str("name")?,
            columns: f.strings("columns")?,
            is_unique: f.bool("isUnique")?,
            using: f.opt_str("using")?,
            algorithm: f.opt_str("algorithm")?,
            lock: f.opt_str("lock")?,
        };
        f.done()?;
        Ok(i)
    }

    fn write(&self, _: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .strings("columns", &self.columns)
            .bool("isUnique", self.is_unique)
            .opt_str("using", &self.using)
            .opt_str("algorithm", &self.algorithm)
            .opt_str("lock", &self.lock)
            .done()
    }
}

impl MySqlKey {
    fn read(v: &Json, path: &str) -> Result<MySqlKey> {
        let mut f = Fields::new(v, path)?;
        let k = MySqlKey {
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

impl MySqlView {
    fn read(v: &Json, path: &str) -> Result<MySqlView> {
        let mut f = Fields::new(v, path)?;
        let view = MySqlView {
            columns: f.keyed("columns", MySqlColumn::read)?,
            name: f.str("name")?,
            is_existing: f.bool("isExisting")?,
            definition: f.opt_str("definition")?,
            with_check_option: f.opt_str("withCheckOption")?,
            algorithm: f.str("algorithm")?,
            sql_security: f.str("sqlSecurity")?,
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
            .opt_str("withCheckOption", &self.with_check_option)
            .str("algorithm", &self.algorithm)
            .str("sqlSecurity", &self.sql_security)
            .done_in(
                l,
                &[
                    "name",
                    "columns",
                    "definition",
                    "isExisting",
                    "algorithm",
                    "sqlSecurity",
                    "withCheckOption",
                ],
            )
    }
}
