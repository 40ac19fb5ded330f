//! The MySQL differ. A column changes by one `MODIFY COLUMN` with its whole
//! new definition (type, nullability, default, AUTO_INCREMENT, ON UPDATE);
//! a generated column's expression by a drop and an add. MySQL commits each
//! DDL statement by itself, so the order is what keeps each step valid:
//! views and what goes or changes first, then renames, new tables, columns,
//! new keys and constraints, foreign keys once every table exists, indexes,
//! dropped tables, views.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::matching::{pair_schema, Matched, Pairing};
use super::mysql_ddl::{self as ddl, q};
use super::out::Out;
use super::{DestructiveKind, Diff, DiffError, Hints};
use crate::snapshot::{ForeignKey, MySqlKey, MySqlSnapshot, MySqlTable};

struct Kept<'a> {
    prev: &'a MySqlTable,
    next: &'a MySqlTable,
    cols: Matched,
}

pub(super) fn diff(a: &MySqlSnapshot, b: &MySqlSnapshot, hints: &Hints) -> Result<Diff, DiffError> {
    let (an, bn): (Vec<&str>, Vec<&str>) = (a.tables.keys().collect(), b.tables.keys().collect());
    let column_names = |t: &str, in_prev: bool| -> Vec<String> {
        let s = if in_prev { a } else { b };
        s.tables
            .get(t)
            .map(|t| t.columns.keys().map(String::from).collect())
            .unwrap_or_default()
    };
    let pairing = pair_schema(&an, &bn, &column_names, hints)?;
    let renames = pairing.renames();
    let Pairing {
        tables,
        kept: pairs,
    } = pairing;
    let kept: Vec<Kept> = pairs
        .into_iter()
        .filter_map(|(p, n, cols)| {
            Some(Kept {
                prev: a.tables.get(&p)?,
                next: b.tables.get(&n)?,
                cols,
            })
        })
        .collect();
    let expression = |s: &MySqlSnapshot, index: &str, key: &str| {
        s.internal
            .as_ref()
            .and_then(|i| i.indexes.as_ref())
            .and_then(|i| i.get(index))
            .and_then(|i| i.columns.get(key))
            .is_some_and(|c| c.is_expression == Some(true))
    };
    let mut out = Out::new();
    out.diff.renames = renames;

    for (name, v) in a.views.iter() {
        let same = b
            .views
            .get(name)
            .is_some_and(|w| w.definition == v.definition && w.algorithm == v.algorithm);
        if !v.is_existing && !same {
            out.push(format!("DROP VIEW {}", q(name)?));
        }
    }

    // What goes or changes on kept tables, before anything is added.
    for k in &kept {
        let t = q(&k.prev.name)?;
        for (name, fk) in k.prev.foreign_keys.iter() {
            if k.next.foreign_keys.get(name) != Some(&renamed_fk(fk, &k.cols, &tables)) {
                out.push(format!("ALTER TABLE {t} DROP FOREIGN KEY {}", q(name)?));
            }
        }
        for (name, u) in k.prev.unique_constraints.iter().flat_map(|u| u.iter()) {
            let next = k.next.unique_constraints.as_ref().and_then(|u| u.get(name));
            if next != Some(&moved(u, &k.cols)) {
                out.push(format!("ALTER TABLE {t} DROP INDEX {}", q(name)?));
            }
        }
        for (name, c) in k.prev.check_constraint.iter().flat_map(|c| c.iter()) {
            if k.next.check_constraint.as_ref().and_then(|c| c.get(name)) != Some(c) {
                out.push(format!("ALTER TABLE {t} DROP CONSTRAINT {}", q(name)?));
            }
        }
        let keys = |t: &MySqlTable, cols: Option<&Matched>| -> Vec<Vec<String>> {
            t.composite_primary_keys
                .iter()
                .map(|(_, k)| match cols {
                    Some(m) => moved(k, m).columns,
                    None => k.columns.clone(),
                })
                .collect()
        };
        if keys(k.prev, Some(&k.cols)) != keys(k.next, None)
            && !k.prev.composite_primary_keys.is_empty()
        {
            out.push(format!("ALTER TABLE {t} DROP PRIMARY KEY"));
        }
        for (name, i) in k.prev.indexes.iter() {
            let mut m = i.clone();
            m.columns = m.columns.iter().map(|c| next_col(&k.cols, c)).collect();
            let same = k.next.indexes.get(name) == Some(&m)
                && expression(a, name, "") == expression(b, name, "");
            if !same {
                out.push(format!("DROP INDEX {} ON {t}", q(name)?));
            }
        }
    }

    for (p, n) in tables.pairs.iter().filter(|(p, n)| p != n) {
        out.push(format!("RENAME TABLE {} TO {}", q(p)?, q(n)?));
    }
    for name in &tables.created {
        if let Some(t) = b.tables.get(name) {
            out.push(ddl::create_table(t)?);
        }
    }
    for k in &kept {
        columns(&mut out, k)?;
    }

    for k in &kept {
        let t = q(&k.next.name)?;
        for (name, u) in k.next.unique_constraints.iter().flat_map(|u| u.iter()) {
            let prev = k
                .prev
                .unique_constraints
                .as_ref()
                .and_then(|p| p.get(name))
                .map(|p| moved(p, &k.cols));
            if prev.as_ref() != Some(u) {
                out.push(format!(
                    "ALTER TABLE {t} ADD CONSTRAINT {} UNIQUE({})",
                    q(name)?,
                    ddl::list(&u.columns)?
                ));
            }
        }
        for (name, c) in k.next.check_constraint.iter().flat_map(|c| c.iter()) {
            if k.prev.check_constraint.as_ref().and_then(|p| p.get(name)) != Some(c) {
                out.push(format!(
                    "ALTER TABLE {t} ADD CONSTRAINT {} CHECK({})",
                    q(name)?,
                    c.value
                ));
            }
        }
        let prev_keys: Vec<Vec<String>> = k
            .prev
            .composite_primary_keys
            .iter()
            .map(|(_, p)| moved(p, &k.cols).columns)
            .collect();
        let next_keys: Vec<Vec<String>> = k
            .next
            .composite_primary_keys
            .iter()
            .map(|(_, p)| p.columns.clone())
            .collect();
        if prev_keys != next_keys {
            for (_, key) in k.next.composite_primary_keys.iter() {
                out.push(format!(
                    "ALTER TABLE {t} ADD PRIMARY KEY({})",
                    ddl::list(&key.columns)?
                ));
            }
        }
    }

    for name in &tables.created {
        if let Some(t) = b.tables.get(name) {
            for (_, fk) in t.foreign_keys.iter() {
                out.push(ddl::foreign_key(&t.name, fk)?);
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
                out.push(ddl::foreign_key(&k.next.name, fk)?);
            }
        }
    }

    for name in &tables.created {
        if let Some(t) = b.tables.get(name) {
            for (_, i) in t.indexes.iter() {
                out.push(ddl::create_index(&t.name, i, &|key| {
                    expression(b, &i.name, key)
                })?);
            }
        }
    }
    for k in &kept {
        for (name, i) in k.next.indexes.iter() {
            let prev = k.prev.indexes.get(name).map(|p| {
                let mut m = p.clone();
                m.columns = m.columns.iter().map(|c| next_col(&k.cols, c)).collect();
                m
            });
            let same =
                prev.as_ref() == Some(i) && expression(a, name, "") == expression(b, name, "");
            if !same {
                out.push(ddl::create_index(&k.next.name, i, &|key| {
                    expression(b, name, key)
                })?);
            }
        }
    }

    for name in &tables.dropped {
        if let Some(t) = a.tables.get(name) {
            for (fk, _) in t.foreign_keys.iter() {
                out.push(format!(
                    "ALTER TABLE {} DROP FOREIGN KEY {}",
                    q(&t.name)?,
                    q(fk)?
                ));
            }
        }
    }
    for name in &tables.dropped {
        let at = out.push(format!("DROP TABLE {}", q(name)?));
        out.flag(
            at,
            DestructiveKind::DropTable {
                table: name.clone(),
            },
        );
    }
    for (name, v) in b.views.iter() {
        let same = a
            .views
            .get(name)
            .is_some_and(|w| w.definition == v.definition && w.algorithm == v.algorithm);
        if !same {
            if let Some(sql) = ddl::create_view(v)? {
                out.push(sql);
            }
        }
    }
    Ok(out.diff)
}

fn next_col(cols: &Matched, c: &str) -> String {
    String::from(cols.next_of(c).unwrap_or(c))
}

fn moved(k: &MySqlKey, cols: &Matched) -> MySqlKey {
    MySqlKey {
        name: k.name.clone(),
        columns: k.columns.iter().map(|c| next_col(cols, c)).collect(),
    }
}

fn renamed_fk(fk: &ForeignKey, cols: &Matched, tables: &Matched) -> ForeignKey {
    let mut f = fk.clone();
    f.columns_from = f.columns_from.iter().map(|c| next_col(cols, c)).collect();
    if let Some(n) = tables.next_of(&f.table_to) {
        f.table_to = n.into();
    }
    f
}

/// A kept table's columns: renames, additions, changes, drops.
fn columns(out: &mut Out, k: &Kept) -> Result<(), DiffError> {
    let t = q(&k.next.name)?;
    for (p, n) in k.cols.pairs.iter().filter(|(p, n)| p != n) {
        out.push(format!(
            "ALTER TABLE {t} RENAME COLUMN {} TO {}",
            q(p)?,
            q(n)?
        ));
    }
    for name in &k.cols.created {
        if let Some(c) = k.next.columns.get(name) {
            out.push(format!("ALTER TABLE {t} ADD {}", ddl::column(c)?));
        }
    }
    for (p, n) in &k.cols.pairs {
        let (Some(a), Some(b)) = (k.prev.columns.get(p), k.next.columns.get(n)) else {
            continue;
        };
        let mut renamed = a.clone();
        renamed.name = b.name.clone();
        if renamed == *b {
            continue;
        }
        if a.generated != b.generated {
            let at = out.push(format!("ALTER TABLE {t} DROP COLUMN {}", q(n)?));
            out.flag(at, drop_column(k, n));
            out.push(format!("ALTER TABLE {t} ADD {}", ddl::column(b)?));
            continue;
        }
        // NOT NULL with a default: rows holding NULL take the default first
        // (the MODIFY would refuse them; drizzle-kit's does).
        if let (true, false, Some(d)) = (b.not_null, a.not_null, &b.default) {
            out.push(format!(
                "UPDATE {t} SET {} = {} WHERE {} IS NULL",
                q(n)?,
                ddl::default_sql(d),
                q(n)?
            ));
        }
        let at = out.push(format!("ALTER TABLE {t} MODIFY COLUMN {}", ddl::column(b)?));
        if a.type_ != b.type_ {
            let kind = DestructiveKind::ChangeType {
                table: k.next.name.clone(),
                column: n.clone(),
                from: a.type_.clone(),
                to: b.type_.clone(),
            };
            out.flag(at, kind);
        }
    }
    for name in &k.cols.dropped {
        let at = out.push(format!("ALTER TABLE {t} DROP COLUMN {}", q(name)?));
        out.flag(at, drop_column(k, name));
    }
    Ok(())
}

fn drop_column(k: &Kept, column: &str) -> DestructiveKind {
    DestructiveKind::DropColumn {
        table: k.next.name.clone(),
        column: column.into(),
    }
}
