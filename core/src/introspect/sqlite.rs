//! A live SQLite database read into drizzle-kit 0.31's SQLite snapshot: what
//! `drizzle-kit generate` would have written for the schema the database was
//! created from (by drizzle-kit's own SQL), as far as a database keeps it.
//!
//! The catalog (`pragma_table_xinfo`, `pragma_index_list`,
//! `pragma_index_info`, `pragma_foreign_key_list`) gives columns, keys and
//! indexes; the rest is only in `sqlite_master.sql` and read from that text
//! ([`super::sql_text`]). Where the database does not keep a name, the name
//! is drizzle-kit's convention (the one its serializer and its `pull` use):
//!
//! - composite primary key: `<table>_<col>_<col>_pk` (drizzle-kit's SQLite
//!   DDL never names it);
//! - foreign key: `<tableFrom>_<colsFrom>_<tableTo>_<colsTo>_fk` (columns
//!   joined by `_`) unless the text says `CONSTRAINT name`; drizzle-kit's
//!   DDL never does, so a custom name in a drizzle schema is not recoverable;
//! - unnamed CHECK: `<table>_check_<n>`, n counting from 1 within the table
//!   (drizzle-kit `pull` counts across tables, which depends on table order);
//! - inline `UNIQUE` of hand-written DDL (an automatic index, origin `u`):
//!   an index `<table>_<cols>_unique` with `isUnique: true`, the name
//!   drizzle-kit gives a column's `.unique()`, or the constraint's own name.
//!   drizzle-kit itself creates unique constraints as `CREATE UNIQUE INDEX`,
//!   which come back as the named indexes they are. Primary keys' automatic
//!   indexes (origin `pk`) are not indexes in a snapshot.
//!
//! Types are the declared text (`text(320)`, a custom `point_text`): that is
//! what drizzle-kit writes both into the snapshot and into the DDL, while
//! `table_xinfo` normalises it (`INTEGER`). Views' columns have no declared
//! text, so theirs are the catalog's, lowercased.
//!
//! Defaults follow drizzle-kit `pull`: a number is a JSON number, `true` /
//! `false` booleans, a quoted string stays as SQL text (`'anon'`), anything
//! else is an expression in parentheses (`(unixepoch())`; SQLite gives back
//! `DEFAULT (x)` as `x`).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::Value as Json;

use super::document::{self, Obj};
use super::error::IntrospectError;
use super::js_value::{js_number, looks_numeric};
use super::sql_text;
use crate::snapshot::{
    Check, ForeignKey, Generated, InternalColumn, InternalColumns, Keyed, SqliteColumn,
    SqliteIndex, SqlitePrimaryKey, SqliteSnapshot, SqliteTable, SqliteView,
};

/// The one statement that reads a SQLite database's schema: a single row,
/// single text column, holding the JSON document [`sqlite`] reads:
///
/// ```text
/// { "version": 1,
///   "objects": [ { "name", "type": "table" | "view", "sql",
///     "columns":     [ { cid, name, type, notNull, default, pk, hidden } ],
///     "indexes":     [ { seq, name, unique, origin, partial, sql,
///                        columns: [ { seqno, cid, name } ] } ],
///     "foreignKeys": [ { id, seq, table, from, to, onUpdate, onDelete } ] } ] }
/// ```
///
/// Only SELECTs over `sqlite_master` and the pragma table-valued functions,
/// which Cloudflare D1 and Durable Objects allow (they refuse `PRAGMA`
/// statements that write): the very ones drizzle-kit's `pull` runs on D1.
/// Index keys come from `pragma_index_info` (key columns only, cid -2 for an
/// expression, -1 for the rowid), which is what `pragma_index_xinfo` with
/// `key = 1` would give. Subqueries' JSON goes through `json()` so it
/// nests as JSON rather than as text. Row order is not relied on: columns,
/// index keys and foreign-key rows carry their positions. A view whose
/// source table is gone makes the whole statement fail (SQLite cannot
/// describe its columns).
///
/// Left out, by name: SQLite's own (`sqlite_%`), Cloudflare's (`_cf_%`, e.g.
/// `_cf_KV`), the migration journals (`d1_migrations`, drizzle's
/// `__drizzle_migrations`), and what drizzle-kit's `pull` skips too
/// (`_litestream_seq`, `_litestream_lock`, `libsql_wasm_func_table`).
/// Virtual tables are left out as well (a snapshot cannot hold them, and
/// reading their columns needs their module); their shadow tables are
/// ordinary tables and stay.
pub const SQLITE_QUERY: &str = r#"SELECT json_object(
  'version', 1,
  'objects', json((SELECT json_group_array(json_object(
    'name', m.name,
    'type', m.type,
    'sql', m.sql,
    'columns', json((SELECT json_group_array(json_object(
      'cid', c.cid, 'name', c.name, 'type', c.type, 'notNull', c."notnull",
      'default', c.dflt_value, 'pk', c.pk, 'hidden', c.hidden))
      FROM pragma_table_xinfo(m.name) AS c)),
    'indexes', json((SELECT json_group_array(json_object(
      'seq', il.seq, 'name', il.name, 'unique', il."unique", 'origin', il.origin,
      'partial', il.partial,
      'sql', (SELECT s.sql FROM sqlite_master AS s WHERE s.type = 'index' AND s.name = il.name),
      'columns', json((SELECT json_group_array(json_object(
        'seqno', ix.seqno, 'cid', ix.cid, 'name', ix.name))
        FROM pragma_index_info(il.name) AS ix))))
      FROM pragma_index_list(m.name) AS il)),
    'foreignKeys', json((SELECT json_group_array(json_object(
      'id', f.id, 'seq', f.seq, 'table', f."table", 'from', f."from", 'to', f."to",
      'onUpdate', f.on_update, 'onDelete', f.on_delete))
      FROM pragma_foreign_key_list(m.name) AS f))))
    FROM sqlite_master AS m
    WHERE m.type IN ('table', 'view')
      AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
      AND m.name NOT LIKE '\_cf\_%' ESCAPE '\'
      AND m.name NOT IN ('d1_migrations', '__drizzle_migrations', '_litestream_seq',
        '_litestream_lock', 'libsql_wasm_func_table')
      AND coalesce(m.sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%'))
) AS snapshot"#;

type Result<T> = core::result::Result<T, IntrospectError>;

/// Turns [`SQLITE_QUERY`]'s result into a snapshot: id and prevId empty,
/// [`Layout::Generated`](crate::snapshot::Layout::Generated), `_meta` empty (with `schemas`, as the serializer
/// writes it) and `internal.indexes` marking expression index columns
/// (always present, `{}` when there are none, as drizzle-kit writes it).
/// Never panics: any other input is an [`IntrospectError`].
pub fn sqlite(json: &str) -> Result<SqliteSnapshot> {
    let doc = document::parse(json)?;
    let root = Obj::new(&doc, String::new())?;
    let objects = root
        .array("objects")?
        .iter()
        .enumerate()
        .map(|(i, v)| Object::read(v, format!("objects[{i}]")))
        .collect::<Result<Vec<_>>>()?;

    let mut tables = Keyed::default();
    let mut views = Keyed::default();
    let mut expressions = Keyed::default();
    for o in &objects {
        if o.type_ == "view" {
            views.insert(o.name.clone(), view(o)?);
        } else {
            tables.insert(o.name.clone(), table(o, &objects, &mut expressions)?);
        }
    }
    Ok(SqliteSnapshot::new(tables, views, expressions))
}

fn sql_error(object: &str, reason: &'static str) -> IntrospectError {
    IntrospectError::Sql {
        object: object.to_string(),
        reason,
    }
}

fn table(
    o: &Object,
    all: &[Object],
    expressions: &mut Keyed<InternalColumns>,
) -> Result<SqliteTable> {
    let text =
        sql_text::table(o.sql.as_deref().unwrap_or("")).map_err(|r| sql_error(&o.name, r))?;
    let name = &o.name;

    let pk = o.primary_key();
    let mut columns = Keyed::default();
    for c in &o.columns {
        if c.hidden == 1 {
            continue; // a virtual table's hidden column
        }
        let written = text.columns.iter().find(|t| same(&t.name, &c.name));
        let type_ = match written {
            Some(w) if !w.type_.is_empty() => w.type_.clone(),
            _ => c.type_.to_ascii_lowercase(),
        };
        let generated = match c.hidden {
            2 | 3 => {
                let as_ = written
                    .and_then(|w| w.generated.clone())
                    .ok_or_else(|| sql_error(name, "a generated column without AS (..)"))?;
                let kind = if c.hidden == 3 { "stored" } else { "virtual" };
                Some(Generated {
                    as_,
                    kind: kind.to_string(),
                })
            }
            _ => None,
        };
        let column = SqliteColumn {
            name: c.name.clone(),
            type_,
            primary_key: pk.len() == 1 && c.pk != 0,
            not_null: c.not_null,
            autoincrement: Some(written.is_some_and(|w| w.autoincrement)),
            generated,
            default: c.default.as_deref().map(default_value),
        };
        columns.insert(c.name.clone(), column);
    }

    let mut composite_primary_keys = Keyed::default();
    if pk.len() > 1 {
        let pk_name = text
            .primary_key
            .clone()
            .unwrap_or_else(|| format!("{name}_{}_pk", pk.join("_")));
        composite_primary_keys.insert(
            pk_name.clone(),
            SqlitePrimaryKey {
                columns: pk,
                name: Some(pk_name),
            },
        );
    }

    let mut indexes = Keyed::default();
    let mut list: Vec<&Index> = o.indexes.iter().collect();
    // `pragma_index_list` lists the newest first.
    list.sort_by_key(|i| core::cmp::Reverse(i.seq));
    for ix in list {
        let mut keys: Vec<&IndexColumn> = ix.columns.iter().collect();
        keys.sort_by_key(|k| k.seqno);
        match ix.origin.as_str() {
            "pk" => continue,
            "u" => {
                let cols: Vec<String> = keys.iter().filter_map(|k| k.name.clone()).collect();
                let index_name = text
                    .uniques
                    .iter()
                    .find(|u| u.name.is_some() && same_list(&u.columns, &cols))
                    .and_then(|u| u.name.clone())
                    .unwrap_or_else(|| format!("{name}_{}_unique", cols.join("_")));
                indexes.insert(
                    index_name.clone(),
                    SqliteIndex {
                        name: index_name,
                        columns: cols,
                        is_unique: true,
                        where_: None,
                    },
                );
            }
            _ => {
                let parsed = sql_text::index(ix.sql.as_deref().unwrap_or(""))
                    .map_err(|r| sql_error(&ix.name, r))?;
                let mut cols = Vec::with_capacity(keys.len());
                let mut internal = Keyed::default();
                for (n, k) in keys.iter().enumerate() {
                    let col = match (&k.name, k.cid) {
                        (Some(c), _) if k.cid >= 0 => c.clone(),
                        (_, -1) => "rowid".to_string(),
                        _ => {
                            let term = parsed.terms.get(n).cloned().ok_or_else(|| {
                                sql_error(&ix.name, "an expression not in the text")
                            })?;
                            internal.insert(
                                term.clone(),
                                InternalColumn {
                                    is_expression: Some(true),
                                    ..InternalColumn::default()
                                },
                            );
                            term
                        }
                    };
                    cols.push(col);
                }
                if !internal.is_empty() {
                    expressions.insert(ix.name.clone(), InternalColumns { columns: internal });
                }
                indexes.insert(
                    ix.name.clone(),
                    SqliteIndex {
                        name: ix.name.clone(),
                        columns: cols,
                        is_unique: ix.unique,
                        where_: parsed.where_,
                    },
                );
            }
        }
    }

    let mut foreign_keys = Keyed::default();
    let mut rows: Vec<&ForeignKeyRow> = o.foreign_keys.iter().collect();
    // `pragma_foreign_key_list` numbers the last declared 0.
    rows.sort_by_key(|r| (core::cmp::Reverse(r.id), r.seq));
    let mut rest = rows.as_slice();
    while let Some(&first) = rest.first() {
        let n = rest.iter().take_while(|r| r.id == first.id).count();
        let (group, after) = rest.split_at(n);
        rest = after;
        let table_to = first.table.clone();
        let from: Vec<String> = group.iter().map(|r| r.from.clone()).collect();
        let to: Vec<String> = if group.iter().all(|r| r.to.is_some()) {
            group.iter().filter_map(|r| r.to.clone()).collect()
        } else {
            // `REFERENCES t` without columns: t's primary key.
            all.iter()
                .find(|t| same(&t.name, &table_to))
                .map(Object::primary_key)
                .unwrap_or_default()
        };
        let fk_name = text
            .foreign_keys
            .iter()
            .find(|f| f.name.is_some() && same(&f.table, &table_to) && same_list(&f.columns, &from))
            .and_then(|f| f.name.clone())
            .unwrap_or_else(|| format!("{name}_{}_{table_to}_{}_fk", from.join("_"), to.join("_")));
        foreign_keys.insert(
            fk_name.clone(),
            ForeignKey {
                name: fk_name,
                table_from: name.clone(),
                table_to,
                schema_to: None,
                columns_from: from,
                columns_to: to,
                on_delete: Some(first.on_delete.to_ascii_lowercase()),
                on_update: Some(first.on_update.to_ascii_lowercase()),
            },
        );
    }

    let mut checks = Keyed::default();
    let mut unnamed = 0;
    for (check_name, value) in text.checks {
        let check_name = check_name.unwrap_or_else(|| {
            unnamed += 1;
            format!("{name}_check_{unnamed}")
        });
        checks.insert(
            check_name.clone(),
            Check {
                name: check_name,
                value,
            },
        );
    }

    Ok(SqliteTable {
        name: name.clone(),
        columns,
        indexes,
        foreign_keys,
        composite_primary_keys,
        unique_constraints: Keyed::default(),
        check_constraints: Some(checks),
    })
}

fn view(o: &Object) -> Result<SqliteView> {
    let definition =
        sql_text::view(o.sql.as_deref().unwrap_or("")).map_err(|r| sql_error(&o.name, r))?;
    let mut columns = Keyed::default();
    for c in &o.columns {
        columns.insert(
            c.name.clone(),
            SqliteColumn {
                name: c.name.clone(),
                type_: c.type_.to_ascii_lowercase(),
                primary_key: false,
                not_null: c.not_null,
                autoincrement: Some(false),
                generated: None,
                default: None,
            },
        );
    }
    Ok(SqliteView {
        columns,
        name: o.name.clone(),
        is_existing: false,
        definition: Some(definition),
    })
}

/// Identifiers compare as SQLite compares them: ASCII case-insensitively.
fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn same_list(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
}

/// A `dflt_value` as drizzle-kit `pull` maps it, the value then serialised
/// as `JSON.stringify` would (`Number("1.50")` is `1.5`, NaN is `null`).
fn default_value(text: &str) -> Json {
    if looks_numeric(text) {
        return js_number(text);
    }
    match text {
        "true" => Json::Bool(true),
        "false" => Json::Bool(false),
        _ if text.len() >= 2 && text.starts_with('\'') && text.ends_with('\'') => {
            Json::String(text.to_string())
        }
        _ => Json::String(format!("({text})")),
    }
}

/// One `sqlite_master` row with its catalog rows, read from the document.
struct Object {
    name: String,
    type_: String,
    sql: Option<String>,
    columns: Vec<Column>,
    indexes: Vec<Index>,
    foreign_keys: Vec<ForeignKeyRow>,
}

struct Column {
    cid: i64,
    name: String,
    type_: String,
    not_null: bool,
    default: Option<String>,
    pk: i64,
    hidden: i64,
}

struct Index {
    seq: i64,
    name: String,
    unique: bool,
    origin: String,
    sql: Option<String>,
    columns: Vec<IndexColumn>,
}

struct IndexColumn {
    seqno: i64,
    cid: i64,
    name: Option<String>,
}

struct ForeignKeyRow {
    id: i64,
    seq: i64,
    table: String,
    from: String,
    to: Option<String>,
    on_update: String,
    on_delete: String,
}

impl Object {
    fn read(v: &Json, path: String) -> Result<Object> {
        let o = Obj::new(v, path)?;
        let mut columns = o.list("columns", |c| {
            Ok(Column {
                cid: c.int("cid")?,
                name: c.str("name")?,
                type_: c.opt_str("type")?.unwrap_or_default(),
                not_null: c.int("notNull")? != 0,
                default: c.opt_str("default")?,
                pk: c.int("pk")?,
                hidden: c.int("hidden")?,
            })
        })?;
        columns.sort_by_key(|c| c.cid);
        Ok(Object {
            name: o.str("name")?,
            type_: o.str("type")?,
            sql: o.opt_str("sql")?,
            columns,
            indexes: o.list("indexes", |i| {
                Ok(Index {
                    seq: i.int("seq")?,
                    name: i.str("name")?,
                    unique: i.int("unique")? != 0,
                    origin: i.str("origin")?,
                    sql: i.opt_str("sql")?,
                    columns: i.list("columns", |k| {
                        Ok(IndexColumn {
                            seqno: k.int("seqno")?,
                            cid: k.int("cid")?,
                            name: k.opt_str("name")?,
                        })
                    })?,
                })
            })?,
            foreign_keys: o.list("foreignKeys", |f| {
                Ok(ForeignKeyRow {
                    id: f.int("id")?,
                    seq: f.int("seq")?,
                    table: f.str("table")?,
                    from: f.str("from")?,
                    to: f.opt_str("to")?,
                    on_update: f.str("onUpdate")?,
                    on_delete: f.str("onDelete")?,
                })
            })?,
        })
    }

    /// The primary key's columns, in key order.
    fn primary_key(&self) -> Vec<String> {
        let mut pk: Vec<&Column> = self.columns.iter().filter(|c| c.pk > 0).collect();
        pk.sort_by_key(|c| c.pk);
        pk.into_iter().map(|c| c.name.clone()).collect()
    }
}
