//! The parts of a snapshot that two or three dialects write alike: the rename
//! map `_meta`, check constraints, generated columns, foreign keys and the
//! `internal` hints. Each type reads itself and writes itself in drizzle-kit
//! 0.31's key order.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Value as Json;

use super::json::{as_str, Fields, Out, Result};
use super::keyed::Keyed;
use super::Layout;

/// `_meta`: the renames chosen at generate time, "from" names to "to" names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub schemas: Option<Keyed<String>>,
    pub tables: Keyed<String>,
    pub columns: Keyed<String>,
}

/// In which order a dialect writes `_meta`'s keys (PostgreSQL's differs).
#[derive(Clone, Copy)]
pub(super) enum MetaOrder {
    SchemasFirst,
    ColumnsFirst,
}

impl Meta {
    pub(super) fn read(v: &Json, path: &str) -> Result<Meta> {
        let mut f = Fields::new(v, path)?;
        let meta = Meta {
            schemas: f.opt_keyed("schemas", as_str)?,
            tables: f.keyed("tables", as_str)?,
            columns: f.keyed("columns", as_str)?,
        };
        f.done()?;
        Ok(meta)
    }

    /// `--custom` snapshots have drizzle-kit's `columns, schemas, tables` whatever the dialect.
    pub(super) fn write(&self, l: Layout, generated: MetaOrder) -> Json {
        let order = match l {
            Layout::Generated => generated,
            Layout::Parsed => MetaOrder::ColumnsFirst,
        };
        let s = |v: &String| Json::String(v.clone());
        let mut o = Out::new();
        match order {
            MetaOrder::SchemasFirst => o
                .opt_keyed("schemas", &self.schemas, s)
                .keyed("tables", &self.tables, s)
                .keyed("columns", &self.columns, s),
            MetaOrder::ColumnsFirst => o
                .keyed("columns", &self.columns, s)
                .opt_keyed("schemas", &self.schemas, s)
                .keyed("tables", &self.tables, s),
        };
        o.done()
    }
}

/// A check constraint: its name and its SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: String,
    pub value: String,
}

impl Check {
    pub(super) fn read(v: &Json, path: &str) -> Result<Check> {
        let mut f = Fields::new(v, path)?;
        let c = Check {
            name: f.str("name")?,
            value: f.str("value")?,
        };
        f.done()?;
        Ok(c)
    }

    pub(super) fn write(&self, _: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .str("value", &self.value)
            .done()
    }
}

/// A generated column: its expression and `stored` / `virtual`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub as_: String,
    pub kind: String,
}

impl Generated {
    pub(super) fn read(v: &Json, path: &str) -> Result<Generated> {
        let mut f = Fields::new(v, path)?;
        let g = Generated {
            as_: f.str("as")?,
            kind: f.str("type")?,
        };
        f.done()?;
        Ok(g)
    }

    pub(super) fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("as", &self.as_)
            .str("type", &self.kind)
            .done_in(l, &["type", "as"])
    }
}

/// A foreign key. `schema_to` is PostgreSQL's only; the actions are absent
/// when a PostgreSQL schema declared none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKey {
    pub name: String,
    pub table_from: String,
    pub table_to: String,
    pub schema_to: Option<String>,
    pub columns_from: Vec<String>,
    pub columns_to: Vec<String>,
    pub on_delete: Option<String>,
    pub on_update: Option<String>,
}

impl ForeignKey {
    pub(super) fn read(v: &Json, path: &str, with_schema: bool) -> Result<ForeignKey> {
        let mut f = Fields::new(v, path)?;
        let fk = ForeignKey {
            name: f.str("name")?,
            table_from: f.str("tableFrom")?,
            table_to: f.str("tableTo")?,
            schema_to: if with_schema {
                f.opt_str("schemaTo")?
            } else {
                None
            },
            columns_from: f.strings("columnsFrom")?,
            columns_to: f.strings("columnsTo")?,
            on_delete: f.opt_str("onDelete")?,
            on_update: f.opt_str("onUpdate")?,
        };
        f.done()?;
        Ok(fk)
    }

    pub(super) fn write(&self, l: Layout) -> Json {
        Out::new()
            .str("name", &self.name)
            .str("tableFrom", &self.table_from)
            .str("tableTo", &self.table_to)
            .opt_str("schemaTo", &self.schema_to)
            .strings("columnsFrom", &self.columns_from)
            .strings("columnsTo", &self.columns_to)
            .opt_str("onDelete", &self.on_delete)
            .opt_str("onUpdate", &self.on_update)
            .done_in(
                l,
                &[
                    "name",
                    "tableFrom",
                    "columnsFrom",
                    "tableTo",
                    "schemaTo",
                    "columnsTo",
                    "onUpdate",
                    "onDelete",
                ],
            )
    }
}

/// `internal`: drizzle-kit's hints that SQL text cannot carry (which index
/// columns are expressions, PostgreSQL array dimensions, defaults that are
/// expressions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Internal {
    pub tables: Option<Keyed<InternalColumns>>,
    pub indexes: Option<Keyed<InternalColumns>>,
}

/// The `columns` of one `internal.tables` or `internal.indexes` entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InternalColumns {
    pub columns: Keyed<InternalColumn>,
}

/// One column's hints; every field is optional in drizzle-kit's schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InternalColumn {
    pub is_array: Option<bool>,
    pub dimensions: Option<serde_json::Number>,
    pub raw_type: Option<String>,
    pub is_default_an_expression: Option<bool>,
    pub is_expression: Option<bool>,
}

impl Internal {
    pub(super) fn read(v: &Json, path: &str) -> Result<Internal> {
        let mut f = Fields::new(v, path)?;
        let i = Internal {
            tables: f.opt_keyed("tables", InternalColumns::read)?,
            indexes: f.opt_keyed("indexes", InternalColumns::read)?,
        };
        f.done()?;
        Ok(i)
    }

    pub(super) fn write(&self, l: Layout) -> Json {
        Out::new()
            .opt_keyed("tables", &self.tables, |v| v.write(l))
            .opt_keyed("indexes", &self.indexes, |v| v.write(l))
            .done()
    }
}

impl InternalColumns {
    fn read(v: &Json, path: &str) -> Result<InternalColumns> {
        let mut f = Fields::new(v, path)?;
        let c = InternalColumns {
            columns: f.keyed("columns", InternalColumn::read)?,
        };
        f.done()?;
        Ok(c)
    }

    fn write(&self, l: Layout) -> Json {
        Out::new()
            .keyed("columns", &self.columns, |v| v.write(l))
            .done()
    }
}

impl InternalColumn {
    fn read(v: &Json, path: &str) -> Result<InternalColumn> {
        let mut f = Fields::new(v, path)?;
        let c = InternalColumn {
            is_array: f.opt_bool("isArray")?,
            dimensions: f.number("dimensions")?,
            raw_type: f.opt_str("rawType")?,
            is_default_an_expression: f.opt_bool("isDefaultAnExpression")?,
            is_expression: f.opt_bool("isExpression")?,
        };
        f.done()?;
        Ok(c)
    }

    fn write(&self, _: Layout) -> Json {
        Out::new()
            .opt_bool("isArray", self.is_array)
            .opt("dimensions", self.dimensions.clone().map(Json::Number))
            .opt_str("rawType", &self.raw_type)
            .opt_bool("isDefaultAnExpression", self.is_default_an_expression)
            .opt_bool("isExpression", self.is_expression)
            .done()
    }
}
