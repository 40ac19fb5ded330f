//! The PostgreSQL differ. Unlike SQLite, every change has its ALTER: a
//! column's type by `SET DATA TYPE ... USING`, nullability, defaults and
//! identity in place, constraints and indexes dropped and added by name.
//! Tables and hints are named `schema.table` (`public.` when a hint gives
//! none).
//!
//! Order: schemas and enum types first, then views and the constraints and
//! indexes that go or change (so nothing depends on what changes next),
//! renames, new tables (without foreign keys), each kept table's columns,
//! its new constraints, every foreign key once all tables exist, indexes,
//! dropped tables, dropped types and schemas, and last the views.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::matching::{pair_schema, Matched, Pairing};
use super::out::Out;
use super::postgres_ddl::{self as ddl, q, qualified};
use super::{DestructiveKind, Diff, DiffError, Hints, Rename, Target};
use crate::snapshot::{PgColumn, PgSnapshot, PgTable};

struct Kept<'a> {
    prev: &'a PgTable,
    next: &'a PgTable,
    name: String,
    cols: Matched,
}

/// Hints with table names qualified (`users` is `public.users`).
fn qualify(h: &Hints) -> Hints {
    let full = |t: &str| {
        if t.contains('.') {
            String::from(t)
        } else {
            format!("public.{t}")
        }
    };
    Hints {
        renames: h
            .renames
            .iter()
            .map(|r| match &r.table {
                None => Rename {
                    table: None,
                    from: full(&r.from),
                    to: full(&r.to),
                },
                Some(t) => Rename {
                    table: Some(full(t)),
                    from: r.from.clone(),
                    to: r.to.clone(),
                },
            })
            .collect(),
        create_drop: h
            .create_drop
            .iter()
            .map(|t| Target {
                table: full(&t.table),
                column: t.column.clone(),
            })
            .collect(),
        ignore_unused: h.ignore_unused,
    }
}

pub(super) fn diff(a: &PgSnapshot, b: &PgSnapshot, hints: &Hints) -> Result<Diff, DiffError> {
    let hints = qualify(hints);
    let (an, bn): (Vec<&str>, Vec<&str>) = (a.tables.keys().collect(), b.tables.keys().collect());
    let column_names = |t: &str, in_prev: bool| -> Vec<String> {
        let s = if in_prev { a } else { b };
        s.tables
            .get(t)
            .map(|t| t.columns.keys().map(String::from).collect())
            .unwrap_or_default()
    };
    let pairing = pair_schema(&an, &bn, &column_names, &hints)?;
    let mut out = Out::new();
    out.diff.renames = pairing.renames();
    let Pairing {
        tables,
        kept: pairs,
    } = pairing;
    let mut kept = Vec::new();
    for (p, n, cols) in pairs {
        let (Some(prev), Some(next)) = (a.tables.get(&p), b.tables.get(&n)) else {
            continue;
        };
        let name = qualified(&next.schema, &next.name)?;
        kept.push(Kept {
            prev,
            next,
            name,
            cols,
        });
    }

    for (name, _) in b.schemas.iter().filter(|(s, _)| a.schemas.get(s).is_none()) {
        out.push(format!("CREATE SCHEMA {}", q(name)?));
    }
    enums(&mut out, a, b)?;

    let (av, bv) = (views(a), views(b));
    for (key, v) in &av {
        let same = bv
            .iter()
            .any(|(k, w)| k == key && w.definition == v.definition && w.with == v.with);
        if !v.is_existing && !same {
            let kind = if v.materialized {
                "MATERIALIZED VIEW"
            } else {
                "VIEW"
            };
            out.push(format!("DROP {kind} {}", qualified(&v.schema, &v.name)?));
        }
    }

    // What goes or changes on kept tables, before anything is added.
    for k in &kept {
        // By its previous name: the renames come next.
        let t = &qualified(&k.prev.schema, &k.prev.name)?;
        for (name, fk) in k.prev.foreign_keys.iter() {
            if k.next.foreign_keys.get(name) != Some(&renamed_fk(fk, &k.cols, &tables)) {
                out.push(format!("ALTER TABLE {t} DROP CONSTRAINT {}", q(name)?));
            }
        }
        for (name, u) in k.prev.unique_constraints.iter().flat_map(|u| u.iter()) {
            let next = k.next.unique_constraints.as_ref().and_then(|u| u.get(name));
            let mut moved = u.clone();
            moved.columns = moved.columns.iter().map(|c| next_col(&k.cols, c)).collect();
            if next != Some(&moved) {
                out.push(format!("ALTER TABLE {t} DROP CONSTRAINT {}", q(name)?));
            }
        }
        for (name, c) in k.prev.check_constraints.iter().flat_map(|c| c.iter()) {
            if k.next.check_constraints.as_ref().and_then(|c| c.get(name)) != Some(c) {
                out.push(format!("ALTER TABLE {t} DROP CONSTRAINT {}", q(name)?));
            }
        }
        for (name, pk) in k.prev.composite_primary_keys.iter() {
            let mut moved = pk.clone();
            moved.columns = moved.columns.iter().map(|c| next_col(&k.cols, c)).collect();
            if k.next.composite_primary_keys.get(name) != Some(&moved) {
                out.push(format!("ALTER TABLE {t} DROP CONSTRAINT {}", q(name)?));
            }
        }
        for (name, i) in k.prev.indexes.iter() {
            let mut moved = i.clone();
            for c in moved.columns.iter_mut().filter(|c| !c.is_expression) {
                c.expression = next_col(&k.cols, &c.expression);
            }
            if k.next.indexes.get(name) != Some(&moved) {
                out.push(format!("DROP INDEX {}", qualified(&k.prev.schema, name)?));
            }
        }
    }

    for (p, n) in tables.pairs.iter().filter(|(p, n)| p != n) {
        let (Some(from), Some(to)) = (a.tables.get(p), b.tables.get(n)) else {
            continue;
        };
        if schema_of(from) != schema_of(to) {
            out.push(format!(
                "ALTER TABLE {} SET SCHEMA {}",
                qualified(&from.schema, &from.name)?,
                q(schema_of(to))?
            ));
        }
        if from.name != to.name {
            out.push(format!(
                "ALTER TABLE {} RENAME TO {}",
                qualified(&to.schema, &from.name)?,
                q(&to.name)?
            ));
            // A column's PRIMARY KEY is named `<table>_pkey` by PostgreSQL, which a rename keeps:
            // renamed too, so the key stays the column's (the introspection reads it so) and the
            // later steps find it by the new name.
            if from.columns.iter().any(|(_, c)| c.primary_key) {
                out.push(format!(
                    "ALTER TABLE {} RENAME CONSTRAINT {} TO {}",
                    qualified(&to.schema, &to.name)?,
                    q(&format!("{}_pkey", from.name))?,
                    q(&format!("{}_pkey", to.name))?
                ));
            }
        }
    }

    for name in &tables.created {
        if let Some(t) = b.tables.get(name) {
            out.push(ddl::create_table(t)?);
        }
    }

    for k in &kept {
        columns(&mut out, k)?;
    }

    // New constraints of kept tables.
    for k in &kept {
        let t = &k.name;
        for (name, u) in k.next.unique_constraints.iter().flat_map(|u| u.iter()) {
            let prev = k
                .prev
                .unique_constraints
                .as_ref()
                .and_then(|u| u.get(name))
                .map(|u| {
                    let mut moved = u.clone();
                    moved.columns = moved.columns.iter().map(|c| next_col(&k.cols, c)).collect();
                    moved
                });
            if prev.as_ref() != Some(u) {
                out.push(format!(
                    "ALTER TABLE {t} ADD {}",
                    ddl::unique_sql(name, &u.columns, u.nulls_not_distinct)?
                ));
            }
        }
        for (name, c) in k.next.check_constraints.iter().flat_map(|c| c.iter()) {
            if k.prev.check_constraints.as_ref().and_then(|c| c.get(name)) != Some(c) {
                out.push(format!(
                    "ALTER TABLE {t} ADD CONSTRAINT {} CHECK ({})",
                    q(name)?,
                    c.value
                ));
            }
        }
        for (name, pk) in k.next.composite_primary_keys.iter() {
            let prev = k.prev.composite_primary_keys.get(name).map(|p| {
                let mut moved = p.clone();
                moved.columns = moved.columns.iter().map(|c| next_col(&k.cols, c)).collect();
                moved
            });
            if prev.as_ref() != Some(pk) {
                out.push(format!(
                    "ALTER TABLE {t} ADD CONSTRAINT {} PRIMARY KEY({})",
                    q(name)?,
                    ddl::list(&pk.columns)?
                ));
            }
        }
    }

    // Foreign keys once every table exists.
    for name in &tables.created {
        if let Some(t) = b.tables.get(name) {
            for (_, fk) in t.foreign_keys.iter() {
                out.push(ddl::foreign_key(&qualified(&t.schema, &t.name)?, fk)?);
            }
        }
    }
    for k in &kept {
        for (name, fk) in k.next.foreign_keys.iter() {
            let prev = k
                .prev
                .foreign_keys
                .get(name)
                .map(|f| renamed_fk(f, &k.cols, &tables));
            if prev.as_ref() != Some(fk) {
                out.push(ddl::foreign_key(&k.name, fk)?);
            }
        }
    }

    for name in &tables.created {
        if let Some(t) = b.tables.get(name) {
            for (_, i) in t.indexes.iter() {
                out.push(ddl::create_index(&qualified(&t.schema, &t.name)?, i)?);
            }
        }
    }
    for k in &kept {
        for (name, i) in k.next.indexes.iter() {
            let prev = k.prev.indexes.get(name).map(|p| {
                let mut moved = p.clone();
                for c in moved.columns.iter_mut().filter(|c| !c.is_expression) {
                    c.expression = next_col(&k.cols, &c.expression);
                }
                moved
            });
            if prev.as_ref() != Some(i) {
                out.push(ddl::create_index(&k.name, i)?);
            }
        }
    }

    // Dropped tables: their foreign keys first, so the order among them does not matter.
    for name in &tables.dropped {
        if let Some(t) = a.tables.get(name) {
            for (fk, _) in t.foreign_keys.iter() {
                out.push(format!(
                    "ALTER TABLE {} DROP CONSTRAINT {}",
                    qualified(&t.schema, &t.name)?,
                    q(fk)?
                ));
            }
        }
    }
    for name in &tables.dropped {
        if let Some(t) = a.tables.get(name) {
            let at = out.push(format!("DROP TABLE {}", qualified(&t.schema, &t.name)?));
            out.flag(
                at,
                DestructiveKind::DropTable {
                    table: name.clone(),
                },
            );
        }
    }
    for (_, e) in a.enums.iter().filter(|(k, _)| b.enums.get(k).is_none()) {
        out.push(format!("DROP TYPE {}", qualified(&e.schema, &e.name)?));
    }
    for (name, _) in a.schemas.iter().filter(|(s, _)| b.schemas.get(s).is_none()) {
        out.push(format!("DROP SCHEMA {}", q(name)?));
    }

    for (key, v) in &bv {
        let same = av
            .iter()
            .any(|(k, w)| k == key && w.definition == v.definition && w.with == v.with);
        if !same {
            if let Some(sql) = ddl::create_view(v)? {
                out.push(sql);
            }
        }
    }
    Ok(out.diff)
}

fn schema_of(t: &PgTable) -> &str {
    if t.schema.is_empty() {
        "public"
    } else {
        &t.schema
    }
}

fn views(s: &PgSnapshot) -> Vec<(&str, &crate::snapshot::PgView)> {
    s.views.iter().flat_map(|v| v.iter()).collect()
}

fn next_col(cols: &Matched, c: &str) -> String {
    String::from(cols.next_of(c).unwrap_or(c))
}

/// A previous foreign key under the names it has after the renames.
fn renamed_fk(
    fk: &crate::snapshot::ForeignKey,
    cols: &Matched,
    tables: &Matched,
) -> crate::snapshot::ForeignKey {
    let mut f = fk.clone();
    f.columns_from = f.columns_from.iter().map(|c| next_col(cols, c)).collect();
    let key = format!(
        "{}.{}",
        f.schema_to.as_deref().unwrap_or("public"),
        f.table_to
    );
    if let Some(n) = tables.next_of(&key) {
        if let Some((s, t)) = n.split_once('.') {
            f.table_to = t.into();
            f.schema_to = (s != "public").then(|| s.into());
        }
    }
    f
}

/// Enum types: created, values added (ALTER TYPE ... ADD VALUE, in place).
/// A value removed or reordered cannot be altered in PostgreSQL.
fn enums(out: &mut Out, a: &PgSnapshot, b: &PgSnapshot) -> Result<(), DiffError> {
    for (key, e) in b.enums.iter() {
        let name = qualified(&e.schema, &e.name)?;
        let Some(prev) = a.enums.get(key) else {
            let values: Vec<String> = e
                .values
                .iter()
                .map(|v| format!("'{}'", v.replace('\'', "''")))
                .collect();
            out.push(format!("CREATE TYPE {name} AS ENUM({})", values.join(", ")));
            continue;
        };
        let kept: Vec<&String> = e
            .values
            .iter()
            .filter(|v| prev.values.contains(v))
            .collect();
        if kept.len() != prev.values.len() || kept.iter().zip(&prev.values).any(|(x, y)| *x != y) {
            return Err(DiffError::Unsupported(format!(
                "enum {key}: values removed or reordered (PostgreSQL can only add values)"
            )));
        }
        for (i, v) in e
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| !prev.values.contains(v))
        {
            let value = format!("'{}'", v.replace('\'', "''"));
            // Before the next kept value, so the order is the declared one.
            let place = e.values[i + 1..]
                .iter()
                .find(|n| prev.values.contains(n))
                .map(|n| format!(" BEFORE '{}'", n.replace('\'', "''")))
                .unwrap_or_default();
            out.push(format!("ALTER TYPE {name} ADD VALUE {value}{place}"));
        }
    }
    Ok(())
}

/// A kept table's columns: renames, additions, changes in place, drops.
fn columns(out: &mut Out, k: &Kept) -> Result<(), DiffError> {
    let t = &k.name;
    for (p, n) in k.cols.pairs.iter().filter(|(p, n)| p != n) {
        out.push(format!(
            "ALTER TABLE {t} RENAME COLUMN {} TO {}",
            q(p)?,
            q(n)?
        ));
    }
    for name in &k.cols.created {
        if let Some(c) = k.next.columns.get(name) {
            out.push(format!("ALTER TABLE {t} ADD COLUMN {}", ddl::column(c)?));
        }
    }
    for (p, n) in &k.cols.pairs {
        let (Some(a), Some(b)) = (k.prev.columns.get(p), k.next.columns.get(n)) else {
            continue;
        };
        alter_column(out, t, &k.next.name, a, b)?;
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

/// `serial` is `integer` with a sequence default: compared as its type.
fn base_type(ty: &str) -> &str {
    match ty {
        "serial" => "integer",
        "bigserial" => "bigint",
        "smallserial" => "smallint",
        t => t,
    }
}

fn alter_column(
    out: &mut Out,
    t: &str,
    table: &str,
    a: &PgColumn,
    b: &PgColumn,
) -> Result<(), DiffError> {
    let c = q(&b.name)?;
    let col = format!("ALTER TABLE {t} ALTER COLUMN {c}");
    if a.generated != b.generated {
        // A generated expression cannot be altered: the column is made again.
        let at = out.push(format!("ALTER TABLE {t} DROP COLUMN {c}"));
        out.flag(
            at,
            DestructiveKind::DropColumn {
                table: table.into(),
                column: b.name.clone(),
            },
        );
        out.push(format!("ALTER TABLE {t} ADD COLUMN {}", ddl::column(b)?));
        return Ok(());
    }
    let type_changed = base_type(&a.type_) != base_type(&b.type_) || a.type_schema != b.type_schema;
    if type_changed {
        let ty = ddl::type_sql(&PgColumn {
            type_: base_type(&b.type_).into(),
            ..b.clone()
        })?;
        if a.default.is_some() {
            out.push(format!("{col} DROP DEFAULT"));
        }
        let at = out.push(format!("{col} SET DATA TYPE {ty} USING {c}::{ty}"));
        out.flag(
            at,
            DestructiveKind::ChangeType {
                table: table.into(),
                column: b.name.clone(),
                from: a.type_.clone(),
                to: b.type_.clone(),
            },
        );
    }
    let serial = |c: &PgColumn| c.type_ != base_type(&c.type_);
    if (a.default != b.default || type_changed) && !serial(b) {
        match &b.default {
            Some(d) => out.push(format!("{col} SET DEFAULT {}", ddl::default_sql(d))),
            None if a.default.is_some() && !type_changed => out.push(format!("{col} DROP DEFAULT")),
            None => 0,
        };
    }
    if a.identity != b.identity {
        if a.identity.is_some() {
            out.push(format!("{col} DROP IDENTITY"));
        }
        if let Some(i) = &b.identity {
            out.push(format!("{col} ADD {}", ddl::identity_sql(i)?));
        }
    }
    if a.not_null != b.not_null && !(b.primary_key && a.primary_key) {
        // NOT NULL with a default: rows holding NULL take the default first.
        if let (true, Some(d)) = (b.not_null, &b.default) {
            out.push(format!(
                "UPDATE {t} SET {c} = {} WHERE {c} IS NULL",
                ddl::default_sql(d)
            ));
        }
        let verb = if b.not_null { "SET" } else { "DROP" };
        out.push(format!("{col} {verb} NOT NULL"));
    }
    if a.primary_key != b.primary_key {
        let key = format!("{table}_pkey");
        if a.primary_key {
            out.push(format!("ALTER TABLE {t} DROP CONSTRAINT {}", q(&key)?));
        }
        if b.primary_key {
            out.push(format!("ALTER TABLE {t} ADD PRIMARY KEY ({c})"));
        }
    }
    Ok(())
}
