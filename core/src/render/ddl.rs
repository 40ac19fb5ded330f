//! DDL for the schema model. DDL takes no parameters, so values (defaults,
//! CHECK and partial-index conditions, view bodies) are written as escaped literals.

use alloc::vec::Vec;

use crate::ast::TableRef;
use crate::dialect::DialectKind;
use crate::error::{Error, Feature};
use crate::params::Rendered;
use crate::render::{SqlWriter, ToSql};
use crate::schema::{Column, ColumnDefault, EnumType, ForeignKey, Index, Table, View};

fn ddl(
    dialect: DialectKind,
    f: impl FnOnce(&mut SqlWriter<'_>) -> Result<(), Error>,
) -> Result<Rendered, Error> {
    let mut w = SqlWriter::ddl(dialect.try_dialect()?);
    f(&mut w)?;
    Ok(w.finish())
}

/// `CREATE TABLE` with columns, keys, uniques, foreign keys and checks.
///
/// ```
/// use mizzle_core::{render::create_table, schema::*, DialectKind};
/// let t = Table::new("users").column(Column::new("id", SqlType::Integer).primary_key());
/// let sql = create_table(&t, DialectKind::MySql, false).unwrap().sql;
/// assert_eq!(sql, "create table `users` (`id` int primary key)");
/// ```
pub fn create_table(
    table: &Table,
    dialect: DialectKind,
    if_not_exists: bool,
) -> Result<Rendered, Error> {
    ddl(dialect, |w| {
        if table.columns.is_empty() {
            return Err(Error::Invalid("a table needs at least one column".into()));
        }
        w.sql(if if_not_exists {
            "create table if not exists "
        } else {
            "create table "
        });
        w.qualified(table.schema.as_deref(), &table.name)?;
        w.sql(" (");
        w.list(&table.columns, ", ", write_column)?;
        if let Some(pk) = &table.primary_key {
            w.sql(", ");
            if pk.columns.is_empty() {
                return Err(Error::Invalid(
                    "a primary key needs at least one column".into(),
                ));
            }
            write_constraint_name(w, pk.name.as_deref())?;
            w.sql("primary key (");
            w.list(&pk.columns, ", ", |w, c| w.ident(c))?;
            w.sql(")");
        }
        for u in &table.uniques {
            w.sql(", ");
            if u.columns.is_empty() {
                return Err(Error::Invalid(
                    "a unique constraint needs at least one column".into(),
                ));
            }
            write_constraint_name(w, u.name.as_deref())?;
            w.sql("unique (");
            w.list(&u.columns, ", ", |w, c| w.ident(c))?;
            w.sql(")");
        }
        // Column references are written as table constraints: MySQL ignores inline REFERENCES.
        let column_fks = table
            .columns
            .iter()
            .filter_map(|c| c.references.as_ref().map(|fk| (Some(c), fk)));
        let table_fks = table.foreign_keys.iter().map(|fk| (None, fk));
        for (col, fk) in column_fks.chain(table_fks) {
            w.sql(", ");
            write_foreign_key(w, col, fk)?;
        }
        for check in &table.checks {
            w.sql(", ");
            write_constraint_name(w, Some(&check.name))?;
            w.sql("check (");
            check.expr.to_sql(w)?;
            w.sql(")");
        }
        w.sql(")");
        Ok(())
    })
}

fn write_constraint_name(w: &mut SqlWriter<'_>, name: Option<&str>) -> Result<(), Error> {
    if let Some(n) = name {
        w.sql("constraint ");
        w.ident(n)?;
        w.sql(" ");
    }
    Ok(())
}

fn write_column(w: &mut SqlWriter<'_>, col: &Column) -> Result<(), Error> {
    let d = w.dialect();
    w.ident(&col.name)?;
    w.sql(" ");
    d.write_column_type(w, &col.ty)?;
    if col.primary_key {
        w.sql(" primary key");
    }
    d.write_auto_increment(w, col)?;
    if col.not_null {
        w.sql(" not null");
    }
    match &col.default {
        None => {}
        Some(ColumnDefault::Literal(v)) => {
            w.sql(" default ");
            w.value(v)?;
        }
        Some(ColumnDefault::Expr(e)) => {
            w.sql(" default (");
            e.to_sql(w)?;
            w.sql(")");
        }
    }
    if col.unique {
        w.sql(" unique");
    }
    Ok(())
}

fn write_foreign_key(
    w: &mut SqlWriter<'_>,
    col: Option<&Column>,
    fk: &ForeignKey,
) -> Result<(), Error> {
    let columns = match col {
        Some(_) if fk.columns.is_empty() => 1,
        _ => fk.columns.len(),
    };
    if columns == 0 || fk.foreign_columns.len() != columns {
        return Err(Error::Invalid(
            "a foreign key needs one referenced column per column".into(),
        ));
    }
    write_constraint_name(w, fk.name.as_deref())?;
    w.sql("foreign key (");
    match col {
        Some(c) if fk.columns.is_empty() => w.ident(&c.name)?,
        _ => w.list(&fk.columns, ", ", |w, c| w.ident(c))?,
    }
    w.sql(") references ");
    w.qualified(fk.foreign_table.schema.as_deref(), &fk.foreign_table.name)?;
    w.sql(" (");
    w.list(&fk.foreign_columns, ", ", |w, c| w.ident(c))?;
    w.sql(")");
    if let Some(a) = fk.on_delete {
        w.sql(" on delete ");
        w.sql(a.sql());
    }
    if let Some(a) = fk.on_update {
        w.sql(" on update ");
        w.sql(a.sql());
    }
    Ok(())
}

/// `CREATE [UNIQUE] INDEX`, with a method (PostgreSQL; btree/hash on MySQL)
/// and a partial condition (SQLite, PostgreSQL).
///
/// ```
/// use mizzle_core::{render::create_index, schema::Index, ast::*, DialectKind};
/// let mut i = Index::new("by_email", TableRef::new("users"), vec![Expr::bare("email")]);
/// i.unique = true;
/// assert_eq!(create_index(&i, DialectKind::Sqlite).unwrap().sql, r#"create unique index "by_email" on "users" ("email")"#);
/// ```
pub fn create_index(index: &Index, dialect: DialectKind) -> Result<Rendered, Error> {
    ddl(dialect, |w| {
        let d = w.dialect();
        if index.on.is_empty() {
            return Err(Error::Invalid("an index needs at least one column".into()));
        }
        w.sql(if index.unique {
            "create unique index "
        } else {
            "create index "
        });
        d.write_index_target(w, &index.name, &index.table)?;
        let method = index.method.as_deref();
        if let (Some(m), false) = (method, d.index_method_after_columns()) {
            d.write_index_method(w, m)?;
        }
        w.sql(" (");
        w.list(&index.on, ", ", |w, e| match e {
            crate::ast::Expr::Column(_) => e.to_sql(w),
            // Expression keys need their own parentheses (MySQL 8 requires them).
            other => {
                w.require(Feature::ExpressionIndex)?;
                w.sql("(");
                other.to_sql(w)?;
                w.sql(")");
                Ok(())
            }
        })?;
        w.sql(")");
        if let (Some(m), true) = (method, d.index_method_after_columns()) {
            d.write_index_method(w, m)?;
        }
        if let Some(cond) = &index.where_ {
            w.require(Feature::PartialIndex)?;
            w.sql(" where ");
            cond.to_sql(w)?;
        }
        Ok(())
    })
}

/// `CREATE TYPE ... AS ENUM` (PostgreSQL).
pub fn create_type(e: &EnumType, dialect: DialectKind) -> Result<Rendered, Error> {
    ddl(dialect, |w| w.dialect().write_create_enum(w, e))
}

/// `CREATE [MATERIALIZED] VIEW name AS query`.
pub fn create_view(view: &View, dialect: DialectKind) -> Result<Rendered, Error> {
    ddl(dialect, |w| {
        if view.materialized {
            w.require(Feature::MaterializedView)?;
        }
        w.sql(if view.materialized {
            "create materialized view "
        } else {
            "create view "
        });
        w.qualified(view.name.schema.as_deref(), &view.name.name)?;
        w.sql(" as ");
        view.query.to_sql(w)
    })
}

/// `CREATE SCHEMA IF NOT EXISTS` (PostgreSQL).
pub fn create_schema(name: &str, dialect: DialectKind) -> Result<Rendered, Error> {
    ddl(dialect, |w| {
        w.require(Feature::Schemas)?;
        w.sql("create schema if not exists ");
        w.ident(name)
    })
}

fn drop(
    dialect: DialectKind,
    what: &str,
    name: &TableRef,
    if_exists: bool,
) -> Result<Rendered, Error> {
    ddl(dialect, |w| {
        w.sql("drop ");
        w.sql(what);
        w.sql(if if_exists { " if exists " } else { " " });
        w.qualified(name.schema.as_deref(), &name.name)
    })
}

/// `DROP TABLE [IF EXISTS]`.
pub fn drop_table(
    table: &TableRef,
    dialect: DialectKind,
    if_exists: bool,
) -> Result<Rendered, Error> {
    drop(dialect, "table", table, if_exists)
}

/// `DROP VIEW [IF EXISTS]`.
pub fn drop_view(
    view: &TableRef,
    dialect: DialectKind,
    if_exists: bool,
) -> Result<Rendered, Error> {
    drop(dialect, "view", view, if_exists)
}

/// `DROP TYPE [IF EXISTS]` (PostgreSQL).
pub fn drop_type(e: &EnumType, dialect: DialectKind, if_exists: bool) -> Result<Rendered, Error> {
    let name = TableRef {
        schema: e.schema.clone(),
        name: e.name.clone(),
        alias: None,
    };
    if dialect.try_dialect()?.lacks().contains(&Feature::EnumType) {
        return Err(Error::Unsupported {
            feature: Feature::EnumType,
            dialect,
        });
    }
    drop(dialect, "type", &name, if_exists)
}

/// Every statement that creates `tables` in order (tables, then their indexes).
pub fn create_all(
    tables: &[Table],
    indexes: &[Index],
    dialect: DialectKind,
) -> Result<Vec<Rendered>, Error> {
    let mut out = Vec::new();
    for t in tables {
        out.push(create_table(t, dialect, false)?);
    }
    for i in indexes {
        out.push(create_index(i, dialect)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    extern crate std;

    use alloc::string::ToString;
    use alloc::vec;

    use super::*;
    use crate::ast::Expr;
    use crate::schema::{PrimaryKey, SqlType, Unique};

    /// Empty key column lists are malformed input, not `primary key ()`.
    #[test]
    fn empty_constraint_columns_are_invalid() {
        let base = Table::new("t").column(Column::new("a", SqlType::Integer));
        let mut pk = base.clone();
        pk.primary_key = Some(PrimaryKey {
            name: None,
            columns: vec![],
        });
        let mut unique = base.clone();
        unique.uniques = vec![Unique {
            name: None,
            columns: vec![],
        }];
        let mut fk = base.clone();
        fk.foreign_keys = vec![ForeignKey::new(&[], TableRef::new("u"), &["id"])];
        let mut refs = base.clone();
        refs.columns[0].references = Some(ForeignKey::new(&[], TableRef::new("u"), &[]));
        for d in DialectKind::ALL {
            for t in [&pk, &unique, &fk, &refs] {
                assert!(
                    matches!(create_table(t, d, false), Err(Error::Invalid(_))),
                    "{d:?} {t:?}"
                );
            }
        }
        // A column reference takes its own column.
        let mut ok = base;
        ok.columns[0].references = Some(ForeignKey::new(&[], TableRef::new("u"), &["id"]));
        assert!(create_table(&ok, DialectKind::Sqlite, false).is_ok());
    }

    /// SQLite qualifies the index, not the table, with the schema.
    #[test]
    fn sqlite_index_on_a_table_in_another_schema() {
        let index = Index::new(
            "i",
            TableRef::new("t").in_schema("aux"),
            vec![Expr::bare("a")],
        );
        let sql = create_index(&index, DialectKind::Sqlite).unwrap().sql;
        assert_eq!(sql, r#"create index "aux"."i" on "t" ("a")"#);
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("attach ':memory:' as aux; create table aux.t (a integer)")
            .unwrap();
        conn.execute_batch(&sql).unwrap();
        let pg = create_index(&index, DialectKind::Postgres).unwrap().sql;
        assert_eq!(pg, r#"create index "i" on "aux"."t" ("a")"#.to_string());
    }
}
