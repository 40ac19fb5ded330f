//! The SQLite differ. SQLite's ALTER TABLE can rename a table or a column,
//! add a column that needs no table scan (no primary key, no stored
//! generated expression, a constant default when NOT NULL), and drop a
//! column nothing else names; anything else rebuilds the table as
//! drizzle-kit does (`__new_T` created, rows copied, `T` dropped, `__new_T`
//! renamed), a pattern the migrator (`migrations::protect_rebuilds`) makes
//! safe for child rows on every host.
//!
//! Order: views and changed indexes go first (a rebuild must not trip over
//! a view of a table that is briefly gone), then renames, new tables
//! (referenced ones first), changes to kept tables, dropped tables
//! (children first, after the tables that stop referencing them), and last
//! the indexes and views of the new state.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::matching::{pair_schema, Matched, Pairing};
use super::out::Out;
use super::sqlite_ddl::{self as ddl, q};
use super::sqlite_protect::protect;
use super::{DestructiveKind, Diff, DiffError, Hints};
use crate::snapshot::{
    ForeignKey, SqliteColumn, SqliteIndex, SqliteSnapshot, SqliteTable, SqliteView,
};

/// One kept table: its names and its columns' pairing.
struct Kept<'a> {
    prev: &'a SqliteTable,
    next: &'a SqliteTable,
    cols: Matched,
    rebuild: bool,
}

pub(super) fn diff(
    a: &SqliteSnapshot,
    b: &SqliteSnapshot,
    hints: &Hints,
) -> Result<Diff, DiffError> {
    let keys = |s: &SqliteSnapshot| -> Vec<String> { s.tables.keys().map(String::from).collect() };
    let (an, bn) = (keys(a), keys(b));
    let columns = |t: &str, in_prev: bool| -> Vec<String> {
        let s = if in_prev { a } else { b };
        s.tables
            .get(t)
            .map(|t| t.columns.keys().map(String::from).collect())
            .unwrap_or_default()
    };
    let pairing = pair_schema(&refs(&an), &refs(&bn), &columns, hints)?;
    let renames = pairing.renames();
    let Pairing {
        tables,
        kept: pairs,
    } = pairing;
    let mut kept: Vec<Kept> = pairs
        .into_iter()
        .filter_map(|(p, n, cols)| {
            Some(Kept {
                prev: a.tables.get(&p)?,
                next: b.tables.get(&n)?,
                cols,
                rebuild: false,
            })
        })
        .collect();
    for k in &mut kept {
        k.rebuild = needs_rebuild(k, &tables);
    }
    let expression = |s: &SqliteSnapshot, index: &str, key: &str| {
        s.internal
            .as_ref()
            .and_then(|i| i.indexes.as_ref())
            .and_then(|i| i.get(index))
            .and_then(|i| i.columns.get(key))
            .is_some_and(|c| c.is_expression == Some(true))
    };

    let mut out = Out::new();
    out.diff.renames = renames;

    // Views: those that change or go, and all of them around a rebuild or
    // rename (SQLite checks every view when a table is renamed).
    let reshaped = kept.iter().any(|k| k.rebuild)
        || !out.diff.renames.is_empty()
        || !tables.dropped.is_empty();
    let mut views_back = Vec::new();
    for (name, v) in a.views.iter() {
        let same = b.views.get(name).is_some_and(|w| same_view(w, v));
        if v.is_existing || (same && !reshaped) {
            continue;
        }
        out.push(format!("DROP VIEW {}", q(name)?));
        if same {
            views_back.push(name);
        }
    }

    // Indexes of kept tables that go or change (a rebuild drops the rest).
    for k in &kept {
        for (name, i) in k.prev.indexes.iter() {
            let renamed = renamed_index(i, &k.cols);
            let next = k.next.indexes.get(name);
            let same = next.is_some_and(|n| {
                *n == renamed && expression(a, name, "") == expression(b, name, "")
            });
            if !same && !k.rebuild {
                out.push(format!("DROP INDEX {}", q(name)?));
            }
        }
    }

    for (p, n) in tables.pairs.iter().filter(|(p, n)| p != n) {
        out.push(format!("ALTER TABLE {} RENAME TO {}", q(p)?, q(n)?));
    }

    for name in referenced_first(&tables.created, b) {
        if let Some(t) = b.tables.get(name) {
            out.push(ddl::create_table(name, t)?);
        }
    }

    // Parents first: a parent's rebuild keeps its children's rows aside under
    // the children's names and columns as they are until their own change.
    for k in parents_first(&kept, &tables) {
        if k.rebuild {
            rebuild(&mut out, k)?;
        } else {
            alter(&mut out, k)?;
        }
    }

    let mut dropped = tables.dropped.clone();
    dropped.reverse();
    for name in referenced_first(&dropped, a).into_iter().rev() {
        let at = out.push(format!("DROP TABLE {}", q(name)?));
        out.flag(at, DestructiveKind::DropTable { table: name.into() });
    }

    for name in &tables.created {
        if let Some(t) = b.tables.get(name) {
            for (_, i) in t.indexes.iter() {
                out.push(ddl::create_index(name, i, &|key| {
                    expression(b, &i.name, key)
                })?);
            }
        }
    }
    for k in &kept {
        for (name, i) in k.next.indexes.iter() {
            let prev = k
                .prev
                .indexes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, i)| renamed_index(i, &k.cols));
            let same =
                prev.is_some_and(|p| p == *i && expression(a, name, "") == expression(b, name, ""));
            if k.rebuild || !same {
                out.push(ddl::create_index(&k.next.name, i, &|key| {
                    expression(b, name, key)
                })?);
            }
        }
    }

    for (name, v) in b.views.iter() {
        let same = a.views.get(name).is_some_and(|w| same_view(w, v));
        if !same || views_back.contains(&name) {
            if let Some(sql) = ddl::create_view(v)? {
                out.push(sql);
            }
        }
    }
    let statements = core::mem::take(&mut out.diff.statements);
    out.diff.statements = protect(statements, &mut out.diff.destructive, a, &tables)?;
    Ok(out.diff)
}

/// Views compare by what the database holds: their SQL. Their columns are
/// the DSL's typing of the result (SQLite reports the source columns' types),
/// which no DDL states.
fn same_view(a: &SqliteView, b: &SqliteView) -> bool {
    a.definition == b.definition && a.is_existing == b.is_existing
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// `i` with its columns under their next names.
fn renamed_index(i: &SqliteIndex, cols: &Matched) -> SqliteIndex {
    let mut i = i.clone();
    for c in &mut i.columns {
        if let Some(n) = cols.next_of(c) {
            *c = n.into();
        }
    }
    i
}

/// `names` ordered so that a table comes after the tables it references
/// (among `names`); cycles keep their given order (SQLite checks foreign
/// keys when rows change, not when tables are created).
fn referenced_first<'a>(names: &'a [String], s: &SqliteSnapshot) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    let mut visiting: Vec<&str> = Vec::new();
    fn visit<'a>(
        n: &'a str,
        names: &'a [String],
        s: &SqliteSnapshot,
        out: &mut Vec<&'a str>,
        visiting: &mut Vec<&'a str>,
    ) {
        if out.contains(&n) || visiting.contains(&n) {
            return;
        }
        visiting.push(n);
        if let Some(t) = s.tables.get(n) {
            for (_, fk) in t.foreign_keys.iter() {
                if let Some(p) = names.iter().find(|x| **x == fk.table_to) {
                    visit(p, names, s, out, visiting);
                }
            }
        }
        visiting.pop();
        out.push(n);
    }
    for n in names {
        visit(n, names, s, &mut out, &mut visiting);
    }
    out
}

/// The kept tables, each after the kept tables it references before or
/// after the change (both count: until a child's own change runs, the
/// database holds its previous keys, which a parent's rebuild must keep;
/// after it, its next ones). Cycles keep `kept`'s order.
fn parents_first<'k, 'a>(kept: &'k [Kept<'a>], tables: &Matched) -> Vec<&'k Kept<'a>> {
    let parents = |k: &Kept| -> Vec<String> {
        let before = k
            .prev
            .foreign_keys
            .iter()
            .map(|(_, f)| String::from(tables.next_of(&f.table_to).unwrap_or(&f.table_to)));
        let after = k.next.foreign_keys.iter().map(|(_, f)| f.table_to.clone());
        before.chain(after).collect()
    };
    fn visit<'k, 'a>(
        i: usize,
        kept: &'k [Kept<'a>],
        parents: &dyn Fn(&Kept) -> Vec<String>,
        out: &mut Vec<usize>,
        visiting: &mut Vec<usize>,
    ) {
        if out.contains(&i) || visiting.contains(&i) {
            return;
        }
        visiting.push(i);
        for p in parents(&kept[i]) {
            if let Some(j) = kept.iter().position(|k| k.next.name == p) {
                visit(j, kept, parents, out, visiting);
            }
        }
        visiting.pop();
        out.push(i);
    }
    let mut out = Vec::new();
    let mut visiting = Vec::new();
    for i in 0..kept.len() {
        visit(i, kept, &parents, &mut out, &mut visiting);
    }
    out.into_iter().map(|i| &kept[i]).collect()
}

/// Whether a kept table's change needs the rebuild.
fn needs_rebuild(k: &Kept, tables: &Matched) -> bool {
    for (p, n) in &k.cols.pairs {
        let (Some(pc), Some(nc)) = (k.prev.columns.get(p), k.next.columns.get(n)) else {
            continue;
        };
        if !same_column(pc, nc) {
            return true;
        }
    }
    let pks = |t: &SqliteTable, map: &dyn Fn(&str) -> String| -> Vec<Vec<String>> {
        let mut v: Vec<Vec<String>> = t
            .composite_primary_keys
            .iter()
            .map(|(_, pk)| pk.columns.iter().map(|c| map(c)).collect())
            .collect();
        v.sort();
        v
    };
    let to_next = |c: &str| String::from(k.cols.next_of(c).unwrap_or(c));
    let same = |c: &str| String::from(c);
    if pks(k.prev, &to_next) != pks(k.next, &same) {
        return true;
    }
    let checks = |t: &SqliteTable| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = t
            .check_constraints
            .iter()
            .flat_map(|c| c.iter())
            .map(|(_, c)| (c.name.clone(), c.value.clone()))
            .collect();
        v.sort();
        v
    };
    if checks(k.prev) != checks(k.next) {
        return true;
    }
    let prev_fks: Vec<FkShape> = k
        .prev
        .foreign_keys
        .iter()
        .map(|(_, f)| shape(f, &to_next, tables))
        .collect();
    let next_fks: Vec<FkShape> = k
        .next
        .foreign_keys
        .iter()
        .map(|(_, f)| shape(f, &same, &Matched::default()))
        .collect();
    if prev_fks.iter().any(|f| !next_fks.contains(f)) {
        return true;
    }
    for f in next_fks.iter().filter(|f| !prev_fks.contains(f)) {
        // A new key on one new column is written inline in ADD COLUMN.
        let inline = f.from.len() == 1 && k.cols.created.contains(&f.from[0]);
        if !inline {
            return true;
        }
    }
    for c in &k.cols.created {
        if !addable(k, c) {
            return true;
        }
    }
    k.cols.dropped.iter().any(|c| !droppable(k.prev, c))
}

/// A foreign key without its name (SQLite stores none unless written).
#[derive(PartialEq)]
struct FkShape {
    from: Vec<String>,
    to_table: String,
    to: Vec<String>,
    on_delete: String,
    on_update: String,
}

fn shape(f: &ForeignKey, map: &dyn Fn(&str) -> String, tables: &Matched) -> FkShape {
    let action = |a: &Option<String>| {
        a.clone()
            .unwrap_or_else(|| "no action".into())
            .to_lowercase()
    };
    FkShape {
        from: f.columns_from.iter().map(|c| map(c)).collect(),
        to_table: String::from(tables.next_of(&f.table_to).unwrap_or(&f.table_to)),
        to: f.columns_to.clone(),
        on_delete: action(&f.on_delete),
        on_update: action(&f.on_update),
    }
}

fn same_column(a: &SqliteColumn, b: &SqliteColumn) -> bool {
    a.type_ == b.type_
        && a.primary_key == b.primary_key
        && a.not_null == b.not_null
        && a.autoincrement.unwrap_or(false) == b.autoincrement.unwrap_or(false)
        && a.default == b.default
        && a.generated == b.generated
}

/// Whether ADD COLUMN can add `name` (SQLite's own rules for it).
fn addable(k: &Kept, name: &str) -> bool {
    let Some(c) = k.next.columns.get(name) else {
        return false;
    };
    let expression_default = c
        .default
        .as_ref()
        .is_some_and(|d| d.as_str().is_some_and(|s| s.starts_with('(')));
    let in_pk = k
        .next
        .composite_primary_keys
        .iter()
        .any(|(_, pk)| pk.columns.iter().any(|x| x == name));
    let stored = c.generated.as_ref().is_some_and(|g| g.kind == "stored");
    let needs_value = c.not_null && c.default.is_none() && c.generated.is_none();
    !(c.primary_key || in_pk || stored || expression_default || needs_value)
}

/// Whether DROP COLUMN can drop `name`: nothing else in the table names it.
fn droppable(t: &SqliteTable, name: &str) -> bool {
    let Some(c) = t.columns.get(name) else {
        return false;
    };
    let mentions = |sql: &str| sql.contains(name);
    !c.primary_key
        && !t
            .composite_primary_keys
            .iter()
            .any(|(_, pk)| pk.columns.iter().any(|x| x == name))
        && !t
            .foreign_keys
            .iter()
            .any(|(_, f)| f.columns_from.iter().any(|x| x == name))
        && !t
            .check_constraints
            .iter()
            .flat_map(|c| c.iter())
            .any(|(_, c)| mentions(&c.value))
        && !t
            .columns
            .iter()
            .any(|(_, o)| o.generated.as_ref().is_some_and(|g| mentions(&g.as_)))
}

/// Renames, adds and drops by ALTER TABLE.
fn alter(out: &mut Out, k: &Kept) -> Result<(), DiffError> {
    let t = q(&k.next.name)?;
    for (p, n) in k.cols.pairs.iter().filter(|(p, n)| p != n) {
        out.push(format!(
            "ALTER TABLE {t} RENAME COLUMN {} TO {}",
            q(p)?,
            q(n)?
        ));
    }
    for name in &k.cols.created {
        let Some(c) = k.next.columns.get(name) else {
            continue;
        };
        let fk = k
            .next
            .foreign_keys
            .iter()
            .map(|(_, f)| f)
            .find(|f| f.columns_from.len() == 1 && f.columns_from[0] == *name);
        out.push(format!("ALTER TABLE {t} ADD {}", ddl::column(c, fk)?));
    }
    for name in &k.cols.dropped {
        let at = out.push(format!("ALTER TABLE {t} DROP COLUMN {}", q(name)?));
        out.flag(
            at,
            DestructiveKind::DropColumn {
                table: k.next.name.clone(),
                column: name.clone(),
            },
        );
    }
    Ok(())
}

/// The rebuild: the rows set aside in a plain copy, the table dropped and
/// created again under its own name, the rows put back. Unlike drizzle-kit's
/// (`__new_T` filled, `T` dropped, `__new_T` renamed), the rows enter `T`
/// after the drop: SQLite counts the drop's deferred foreign-key violations
/// (NO ACTION / RESTRICT children) and only an INSERT into the parent clears
/// them, so drizzle-kit's form fails at commit when such children have rows.
/// No rename also means checks keep drizzle's `"T"."c"` spelling as is.
/// Children the drop would change (CASCADE, SET NULL) are kept by
/// `sqlite_protect`, which wraps the drop.
fn rebuild(out: &mut Out, k: &Kept) -> Result<(), DiffError> {
    let name = &k.next.name;
    // A renamed table is already under its next name (renames run first).
    let table = q(name)?;
    let aside = q(&format!("__mizzle_old_{name}"))?;
    let mut into = Vec::new();
    let mut from = Vec::new();
    for (p, n) in &k.cols.pairs {
        let (Some(pc), Some(nc)) = (k.prev.columns.get(p), k.next.columns.get(n)) else {
            continue;
        };
        if pc.generated.is_some() || nc.generated.is_some() {
            continue;
        }
        into.push(q(n)?);
        // A column that becomes NOT NULL takes its default where it held NULL
        // (drizzle-kit copies the NULL and the rebuild fails).
        match (&nc.default, nc.not_null && !pc.not_null) {
            (Some(d), true) => from.push(format!("coalesce({}, {})", q(p)?, ddl::default_sql(d))),
            _ => from.push(q(p)?),
        }
    }
    out.push("PRAGMA foreign_keys=OFF".into());
    out.push(format!("CREATE TABLE {aside} AS SELECT * FROM {table}"));
    out.push(format!("DROP TABLE {table}"));
    out.push(ddl::create_table(name, k.next)?);
    let copy = out.push(format!(
        "INSERT INTO {table}({}) SELECT {} FROM {aside}",
        into.join(", "),
        from.join(", "),
    ));
    for (p, n) in &k.cols.pairs {
        let (Some(pc), Some(nc)) = (k.prev.columns.get(p), k.next.columns.get(n)) else {
            continue;
        };
        if pc.type_ != nc.type_ {
            let kind = DestructiveKind::ChangeType {
                table: name.clone(),
                column: n.clone(),
                from: pc.type_.clone(),
                to: nc.type_.clone(),
            };
            out.flag(copy, kind);
        }
    }
    for c in &k.cols.dropped {
        let kind = DestructiveKind::DropColumn {
            table: name.clone(),
            column: c.clone(),
        };
        out.flag(copy, kind);
    }
    out.push(format!("DROP TABLE {aside}"));
    out.push("PRAGMA foreign_keys=ON".into());
    Ok(())
}
