//! A live MySQL 8 or MariaDB database read into drizzle-kit 0.31's MySQL
//! snapshot: what `drizzle-kit generate` would have written for the schema
//! the database was created from (by drizzle-kit's own SQL), as far as a
//! database keeps it.
//!
//! The host runs [`MYSQL_QUERY`] (one statement over `information_schema`
//! for the connection's current database, one round trip, no parameters)
//! and hands its single text cell to [`mysql`]. Where the catalog and
//! drizzle-kit's serializer spell a thing differently, this follows the
//! serializer ([`super::mysql_types`] for types and defaults):
//!
//! - every primary key is a `compositePrimaryKeys` entry (drizzle-kit 0.31
//!   writes `.primaryKey()` so too), named as drizzle-kit names it:
//!   `<table>_<column>` for one column, `<table>_<columns>_pk` for several
//!   (the database only knows `PRIMARY`);
//! - a unique index over plain columns is a `uniqueConstraints` entry
//!   (`.unique()`, `unique()`; MySQL keeps no difference between a UNIQUE
//!   constraint and a unique index), one with an expression part (MySQL
//!   8.0.13+) an `indexes` entry with its `internal` hint;
//! - the index MySQL adds for a foreign key (named as the key, on its
//!   columns) is the key's, not an index of the schema;
//! - `serial` is `bigint unsigned NOT NULL AUTO_INCREMENT UNIQUE`: such a
//!   column with its unique index named as the column is `serial`, and that
//!   index is left out;
//! - MariaDB's `json` is `longtext` with a column CHECK `json_valid(col)`
//!   named as the column: read back as `json`, without the check;
//! - an index's `using` is written only for `HASH` (InnoDB keeps `BTREE`
//!   whatever was asked); its `algorithm` and `lock` are DDL options, not
//!   kept;
//! - a view's `algorithm` is MariaDB's `information_schema.VIEWS.ALGORITHM`;
//!   MySQL 8 does not expose it there (only `SHOW CREATE VIEW`), so it is
//!   `undefined` on MySQL 8.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::document::{self, Obj};
use super::error::IntrospectError;
use super::mysql_types::{self, Flavor};
use crate::snapshot::{
    Check, ForeignKey, Generated, Internal, InternalColumn, InternalColumns, Keyed, Layout, Meta,
    MySqlColumn, MySqlIndex, MySqlKey, MySqlSnapshot, MySqlTable, MySqlView,
};

/// The one statement that reads the current database's schema (MySQL 8.0.16+
/// or MariaDB 10.5+): one row, one text column, holding the JSON document
/// [`mysql`] reads, flat lists that the reader groups by table:
///
/// ```text
/// { "version": 1, "server": version(), "database": database(),
///   "tables":      [ { name, type } ],                  -- BASE TABLE / VIEW
///   "columns":     [ { table, name, position, type, nullable, default,
///                      extra, generation } ],
///   "indexes":     [ { table, name, nonUnique, seq, column, expression, type } ],
///   "foreignKeys": [ { table, name, position, column, refTable, refColumn,
///                      onUpdate, onDelete } ],
///   "checks":      [ { table, name, clause } ],
///   "views":       [ { name, definition, checkOption, security, algorithm } ] }
/// ```
///
/// The lists are `CONCAT`ed as text rather than nested in `JSON_OBJECT`:
/// MariaDB returns JSON as text, and a nested aggregate would be quoted as
/// a string. No `ORDER BY` inside `JSON_ARRAYAGG` (MySQL 8 has none): the
/// positions are in the rows. Columns only one server has are read
/// through name resolution: `STATISTICS.EXPRESSION` (MySQL only) and
/// `VIEWS.ALGORITHM` (MariaDB only) are named unqualified in a subquery
/// whose own table may lack them, so that they fall back to an outer
/// `(SELECT NULL AS ...)`; `CHECK_CONSTRAINTS` is `NATURAL JOIN`ed to
/// `TABLE_CONSTRAINTS`, which joins on `TABLE_NAME` too where MariaDB has
/// it (its check names are per table; MySQL's per schema). MariaDB bounds
/// `JSON_ARRAYAGG` by `group_concat_max_len` (1 MB by default): a larger
/// schema needs it raised, else the text is cut and [`mysql`] reports a
/// syntax error. The migrations table `__drizzle_migrations` is left out.
pub const MYSQL_QUERY: &str = r#"SELECT CONCAT(
  '{"version":1,"server":', JSON_QUOTE(version()),
  ',"database":', JSON_QUOTE(database()),
  ',"tables":', COALESCE((SELECT JSON_ARRAYAGG(JSON_OBJECT(
      'name', t.TABLE_NAME, 'type', t.TABLE_TYPE))
    FROM information_schema.TABLES AS t
    WHERE t.TABLE_SCHEMA = database() AND t.TABLE_NAME <> '__drizzle_migrations'), '[]'),
  ',"columns":', COALESCE((SELECT JSON_ARRAYAGG(JSON_OBJECT(
      'table', c.TABLE_NAME, 'name', c.COLUMN_NAME, 'position', c.ORDINAL_POSITION,
      'type', c.COLUMN_TYPE, 'nullable', c.IS_NULLABLE, 'default', c.COLUMN_DEFAULT,
      'extra', c.EXTRA, 'generation', c.GENERATION_EXPRESSION))
    FROM information_schema.COLUMNS AS c
    WHERE c.TABLE_SCHEMA = database() AND c.TABLE_NAME <> '__drizzle_migrations'), '[]'),
  ',"indexes":', COALESCE((SELECT JSON_ARRAYAGG(JSON_OBJECT(
      'table', s.TABLE_NAME, 'name', s.INDEX_NAME, 'nonUnique', s.NON_UNIQUE,
      'seq', s.SEQ_IN_INDEX, 'column', s.COLUMN_NAME, 'type', s.INDEX_TYPE,
      'expression', (SELECT EXPRESSION FROM information_schema.STATISTICS AS s2
        WHERE s2.TABLE_SCHEMA = s.TABLE_SCHEMA AND s2.TABLE_NAME = s.TABLE_NAME
          AND s2.INDEX_NAME = s.INDEX_NAME AND s2.SEQ_IN_INDEX = s.SEQ_IN_INDEX LIMIT 1)))
    FROM (SELECT NULL AS EXPRESSION) AS fallback
    CROSS JOIN information_schema.STATISTICS AS s
    WHERE s.TABLE_SCHEMA = database() AND s.TABLE_NAME <> '__drizzle_migrations'), '[]'),
  ',"foreignKeys":', COALESCE((SELECT JSON_ARRAYAGG(JSON_OBJECT(
      'table', k.TABLE_NAME, 'name', k.CONSTRAINT_NAME, 'position', k.ORDINAL_POSITION,
      'column', k.COLUMN_NAME, 'refTable', k.REFERENCED_TABLE_NAME,
      'refColumn', k.REFERENCED_COLUMN_NAME,
      'onUpdate', r.UPDATE_RULE, 'onDelete', r.DELETE_RULE))
    FROM information_schema.KEY_COLUMN_USAGE AS k
    JOIN information_schema.REFERENTIAL_CONSTRAINTS AS r
      ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME
        AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
    WHERE k.TABLE_SCHEMA = database() AND k.REFERENCED_TABLE_NAME IS NOT NULL
      AND k.TABLE_NAME <> '__drizzle_migrations'), '[]'),
  ',"checks":', COALESCE((SELECT JSON_ARRAYAGG(JSON_OBJECT(
      'table', TABLE_NAME, 'name', CONSTRAINT_NAME, 'clause', CHECK_CLAUSE))
    FROM information_schema.TABLE_CONSTRAINTS
    NATURAL JOIN information_schema.CHECK_CONSTRAINTS
    WHERE CONSTRAINT_SCHEMA = database() AND CONSTRAINT_TYPE = 'CHECK'
      AND TABLE_NAME <> '__drizzle_migrations'), '[]'),
  ',"views":', COALESCE((SELECT JSON_ARRAYAGG(JSON_OBJECT(
      'name', v.TABLE_NAME, 'definition', v.VIEW_DEFINITION, 'checkOption', v.CHECK_OPTION,
      'security', v.SECURITY_TYPE,
      'algorithm', (SELECT ALGORITHM FROM information_schema.VIEWS AS v2
        WHERE v2.TABLE_SCHEMA = v.TABLE_SCHEMA AND v2.TABLE_NAME = v.TABLE_NAME LIMIT 1)))
    FROM (SELECT NULL AS ALGORITHM) AS fallback
    CROSS JOIN information_schema.VIEWS AS v
    WHERE v.TABLE_SCHEMA = database()), '[]'),
  '}') AS snapshot"#;

type Result<T> = core::result::Result<T, IntrospectError>;

struct Column {
    table: String,
    position: i64,
    column: MySqlColumn,
    raw_type: String,
}

struct IndexPart {
    name: String,
    unique: bool,
    seq: i64,
    column: Option<String>,
    expression: Option<String>,
    kind: Option<String>,
}

struct FkPart {
    name: String,
    position: i64,
    column: String,
    ref_table: String,
    ref_column: String,
    on_update: Option<String>,
    on_delete: Option<String>,
}

/// Turns [`MYSQL_QUERY`]'s result into a snapshot as drizzle-kit's
/// serializer makes one: ids empty, [`Layout::Generated`], `_meta` without
/// renames, `internal` with the expression indexes' hints. Never panics:
/// any other input is an [`IntrospectError`].
pub fn mysql(json: &str) -> Result<MySqlSnapshot> {
    let doc = document::parse(json)?;
    let root = Obj::new(&doc, String::new())?;
    let flavor = Flavor::of(&root.opt_str("server")?.unwrap_or_default());
    let database = root.opt_str("database")?.unwrap_or_default();

    // Table name -> is a view, in name order.
    let mut relations: BTreeMap<String, bool> = BTreeMap::new();
    for (name, kind) in root.list("tables", |t| Ok((t.str("name")?, t.str("type")?)))? {
        relations.insert(name, kind == "VIEW");
    }

    let mut columns: BTreeMap<String, Vec<Column>> = BTreeMap::new();
    for c in root.list("columns", |c| column(c, flavor))? {
        columns.entry(c.table.clone()).or_default().push(c);
    }
    let mut indexes: BTreeMap<String, Vec<IndexPart>> = BTreeMap::new();
    for (table, part) in root.list("indexes", |i| {
        let non_unique = i.opt_int("nonUnique")?.unwrap_or(1);
        Ok((
            i.str("table")?,
            IndexPart {
                name: i.str("name")?,
                unique: non_unique == 0,
                seq: i.opt_int("seq")?.unwrap_or(0),
                column: i.opt_str("column")?,
                expression: i.opt_str("expression")?,
                kind: i.opt_str("type")?,
            },
        ))
    })? {
        indexes.entry(table).or_default().push(part);
    }
    let mut fks: BTreeMap<String, Vec<FkPart>> = BTreeMap::new();
    for (table, part) in root.list("foreignKeys", |k| {
        Ok((
            k.str("table")?,
            FkPart {
                name: k.str("name")?,
                position: k.opt_int("position")?.unwrap_or(0),
                column: k.str("column")?,
                ref_table: k.str("refTable")?,
                ref_column: k.str("refColumn")?,
                on_update: k.opt_str("onUpdate")?,
                on_delete: k.opt_str("onDelete")?,
            },
        ))
    })? {
        fks.entry(table).or_default().push(part);
    }
    let mut checks: BTreeMap<String, Vec<Check>> = BTreeMap::new();
    for (table, check) in root.list("checks", |k| {
        Ok((
            k.str("table")?,
            Check {
                name: k.str("name")?,
                value: k.str("clause")?,
            },
        ))
    })? {
        checks.entry(table).or_default().push(check);
    }

    let mut internal_indexes = Keyed::default();
    let mut tables = Keyed::default();
    let mut views = Keyed::default();
    for (name, is_view) in &relations {
        if *is_view {
            continue;
        }
        let mut cols = columns.remove(name).unwrap_or_default();
        cols.sort_by_key(|c| c.position);
        let t = table(
            name,
            cols,
            indexes.remove(name).unwrap_or_default(),
            fks.remove(name).unwrap_or_default(),
            checks.remove(name).unwrap_or_default(),
            flavor,
            &mut internal_indexes,
        );
        tables.insert(name.clone(), t);
    }

    for v in root.list("views", |v| view(v, &database))? {
        let mut cols = columns.remove(&v.name).unwrap_or_default();
        cols.sort_by_key(|c| c.position);
        let mut v = v;
        for c in cols {
            let mut c = c.column;
            // A view column's default is its table's, not the view's.
            c.default = None;
            c.on_update = None;
            c.generated = None;
            c.autoincrement = Some(false);
            v.columns.insert(c.name.clone(), c);
        }
        views.insert(v.name.clone(), v);
    }

    Ok(MySqlSnapshot {
        layout: Layout::Generated,
        id: String::new(),
        prev_id: String::new(),
        tables,
        views,
        meta: Meta {
            schemas: Some(Keyed::default()),
            ..Meta::default()
        },
        internal: Some(Internal {
            tables: Some(Keyed::default()),
            indexes: Some(internal_indexes),
        }),
    })
}

fn column(c: &Obj, flavor: Flavor) -> Result<Column> {
    let raw_type = c.str("type")?;
    let type_ = mysql_types::column_type(&raw_type);
    let extra = c.opt_str("extra")?.unwrap_or_default();
    let lower = extra.to_ascii_lowercase();
    let generated = if lower.contains("virtual generated") {
        Some("virtual")
    } else if lower.contains("stored generated") || lower.contains("persistent generated") {
        Some("stored")
    } else {
        None
    };
    let generated = match generated {
        Some(kind) => Some(Generated {
            as_: mysql_types::expression(&c.opt_str("generation")?.unwrap_or_default(), flavor),
            kind: kind.to_string(),
        }),
        None => None,
    };
    let default = match (&generated, c.opt_str("default")?) {
        (None, Some(d)) => mysql_types::default_value(&d, &type_, &extra, flavor),
        _ => None,
    };
    let name = c.str("name")?;
    Ok(Column {
        table: c.str("table")?,
        position: c.opt_int("position")?.unwrap_or(0),
        raw_type,
        column: MySqlColumn {
            name,
            type_,
            primary_key: false,
            not_null: c.str("nullable")? == "NO",
            autoincrement: Some(lower.contains("auto_increment")),
            on_update: lower.contains("on update").then_some(true),
            generated,
            default,
        },
    })
}

/// One index's parts, in order.
struct Index {
    name: String,
    unique: bool,
    kind: Option<String>,
    /// Column name, or `(expression)` with `true`.
    parts: Vec<(String, bool)>,
}

fn group_indexes(mut parts: Vec<IndexPart>) -> Vec<Index> {
    parts.sort_by(|a, b| a.name.cmp(&b.name).then(a.seq.cmp(&b.seq)));
    let mut out: Vec<Index> = Vec::new();
    for p in parts {
        let part = match (p.column, p.expression) {
            (Some(c), _) => (c, false),
            (None, Some(e)) => (format!("({e})"), true),
            (None, None) => (String::new(), true),
        };
        match out.last_mut() {
            Some(ix) if ix.name == p.name => ix.parts.push(part),
            _ => out.push(Index {
                name: p.name,
                unique: p.unique,
                kind: p.kind,
                parts: alloc::vec![part],
            }),
        }
    }
    out
}

fn table(
    name: &str,
    cols: Vec<Column>,
    index_parts: Vec<IndexPart>,
    fk_parts: Vec<FkPart>,
    checks: Vec<Check>,
    flavor: Flavor,
    internal_indexes: &mut Keyed<InternalColumns>,
) -> MySqlTable {
    let mut index_list = group_indexes(index_parts);

    // Foreign keys, their columns in order.
    let mut fk_parts = fk_parts;
    fk_parts.sort_by(|a, b| a.name.cmp(&b.name).then(a.position.cmp(&b.position)));
    let mut foreign_keys: Keyed<ForeignKey> = Keyed::default();
    for p in fk_parts {
        match foreign_keys.get_mut(&p.name) {
            Some(fk) => {
                fk.columns_from.push(p.column);
                fk.columns_to.push(p.ref_column);
            }
            None => foreign_keys.insert(
                p.name.clone(),
                ForeignKey {
                    name: p.name,
                    table_from: name.to_string(),
                    table_to: p.ref_table,
                    schema_to: None,
                    columns_from: alloc::vec![p.column],
                    columns_to: alloc::vec![p.ref_column],
                    on_delete: Some(action(p.on_delete.as_deref())),
                    on_update: Some(action(p.on_update.as_deref())),
                },
            ),
        }
    }
    // The index InnoDB makes for a foreign key is named as the key.
    index_list.retain(|ix| {
        ix.unique
            || !foreign_keys.get(&ix.name).is_some_and(|fk| {
                ix.parts.iter().map(|p| &p.0).eq(fk.columns_from.iter())
                    && !ix.parts.iter().any(|p| p.1)
            })
    });

    let mut checks = checks;
    let mut columns = Keyed::default();
    for c in cols {
        let mut col = c.column;
        // MariaDB's `json`: `longtext` with CHECK (json_valid(`col`)) named as the column.
        if flavor == Flavor::MariaDb && c.raw_type == "longtext" {
            let clause = format!("json_valid(`{}`)", col.name);
            if let Some(at) = checks
                .iter()
                .position(|k| k.name == col.name && k.value == clause)
            {
                checks.remove(at);
                col.type_ = "json".to_string();
                col.default = col.default.map(mysql_types::parenthesized);
            }
        }
        // `serial`: bigint unsigned NOT NULL AUTO_INCREMENT UNIQUE (an index named as the column).
        if col.type_ == "bigint unsigned" && col.not_null && col.autoincrement == Some(true) {
            if let Some(at) = index_list.iter().position(|ix| {
                ix.unique && ix.name == col.name && ix.parts.len() == 1 && ix.parts[0].0 == col.name
            }) {
                index_list.remove(at);
                col.type_ = "serial".to_string();
            }
        }
        columns.insert(col.name.clone(), col);
    }

    let mut composite_primary_keys = Keyed::default();
    let mut unique_constraints = Keyed::default();
    let mut indexes = Keyed::default();
    for ix in index_list {
        let names: Vec<String> = ix.parts.iter().map(|p| p.0.clone()).collect();
        let has_expression = ix.parts.iter().any(|p| p.1);
        if ix.name == "PRIMARY" {
            let key = if names.len() == 1 {
                format!("{name}_{}", names.join("_"))
            } else {
                format!("{name}_{}_pk", names.join("_"))
            };
            composite_primary_keys.insert(
                key.clone(),
                MySqlKey {
                    name: key,
                    columns: names,
                },
            );
        } else if ix.unique && !has_expression {
            unique_constraints.insert(
                ix.name.clone(),
                MySqlKey {
                    name: ix.name,
                    columns: names,
                },
            );
        } else {
            if has_expression {
                let mut hints = Keyed::default();
                for (part, is_expression) in &ix.parts {
                    if *is_expression {
                        hints.insert(
                            part.clone(),
                            InternalColumn {
                                is_expression: Some(true),
                                ..InternalColumn::default()
                            },
                        );
                    }
                }
                internal_indexes.insert(ix.name.clone(), InternalColumns { columns: hints });
            }
            indexes.insert(
                ix.name.clone(),
                MySqlIndex {
                    name: ix.name,
                    columns: names,
                    is_unique: ix.unique,
                    using: ix
                        .kind
                        .filter(|k| k.eq_ignore_ascii_case("hash"))
                        .map(|_| "hash".to_string()),
                    algorithm: None,
                    lock: None,
                },
            );
        }
    }

    let mut check_constraint = Keyed::default();
    for k in checks {
        check_constraint.insert(k.name.clone(), k);
    }

    MySqlTable {
        name: name.to_string(),
        columns,
        indexes,
        foreign_keys,
        composite_primary_keys,
        unique_constraints: Some(unique_constraints),
        check_constraint: Some(check_constraint),
    }
}

/// `REFERENTIAL_CONSTRAINTS`' rule as drizzle-kit writes it (`set null`).
fn action(rule: Option<&str>) -> String {
    match rule {
        Some(r) => r.to_ascii_lowercase(),
        None => "no action".to_string(),
    }
}

fn view(v: &Obj, database: &str) -> Result<MySqlView> {
    let check = v.opt_str("checkOption")?.unwrap_or_default();
    Ok(MySqlView {
        columns: Keyed::default(),
        name: v.str("name")?,
        is_existing: false,
        definition: v
            .opt_str("definition")?
            .map(|d| mysql_types::view_definition(&d, database)),
        with_check_option: match check.to_ascii_lowercase().as_str() {
            "" | "none" => None,
            c => Some(c.to_string()),
        },
        algorithm: v
            .opt_str("algorithm")?
            .map(|a| a.to_ascii_lowercase())
            .unwrap_or_else(|| "undefined".to_string()),
        sql_security: v
            .opt_str("security")?
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_else(|| "definer".to_string()),
    })
}
