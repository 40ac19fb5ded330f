//! drizzle-orm's tracking table, spelled per dialect: the same table, schema,
//! columns and values, so a database migrated by drizzle-orm continues here
//! and the reverse. Values are written as literals (one audited literal
//! writer, `render::literal`) because the statements run in batches and on
//! PlanetScale, which has no parameters.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::error::MigrationError;
use super::folder::Migration;
use crate::dialect::DialectKind;
use crate::render::SqlWriter;
use crate::value::Value;

/// drizzle-orm's defaults.
pub const DEFAULT_TABLE: &str = "__drizzle_migrations";
/// PostgreSQL only: drizzle-orm keeps the table in this schema.
pub const DEFAULT_PG_SCHEMA: &str = "drizzle";

/// The tracking table of one database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracking {
    dialect: DialectKind,
    table: String,
    /// PostgreSQL only (drizzle-orm ignores `migrationsSchema` elsewhere).
    schema: Option<String>,
    /// wrangler's `d1_migrations` (rows keyed by file name) instead of drizzle's.
    wrangler: bool,
}

impl Tracking {
    /// `table` defaults to `__drizzle_migrations`, `schema` (PostgreSQL only) to `drizzle`.
    pub fn new(dialect: DialectKind, table: Option<&str>, schema: Option<&str>) -> Tracking {
        let schema = match dialect {
            DialectKind::Postgres => Some(schema.unwrap_or(DEFAULT_PG_SCHEMA).into()),
            _ => None,
        };
        Tracking {
            dialect,
            table: table.unwrap_or(DEFAULT_TABLE).into(),
            schema,
            wrangler: false,
        }
    }

    /// wrangler's table on D1 (SQLite), `d1_migrations` by default (its
    /// `migrations_table`): `id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT
    /// UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL`, one
    /// row per applied file with its name (`0001_init.sql`); wrangler reads
    /// the names `ORDER BY id` and inserts only `name`. For the folders of
    /// [`crate::migrations::Folder::wrangler`].
    pub fn wrangler(table: Option<&str>) -> Tracking {
        Tracking {
            dialect: DialectKind::Sqlite,
            table: table.unwrap_or(super::wrangler::DEFAULT_TABLE).into(),
            schema: None,
            wrangler: true,
        }
    }

    fn writer(&self) -> Result<SqlWriter<'static>, MigrationError> {
        let d = self
            .dialect
            .try_dialect()
            .map_err(|e| MigrationError::Invalid(format!("{e}")))?;
        Ok(SqlWriter::inline(d))
    }

    fn name(&self, w: &mut SqlWriter<'_>) -> Result<(), MigrationError> {
        w.qualified(self.schema.as_deref(), &self.table)
            .map_err(invalid)
    }

    /// Creates the schema (PostgreSQL) and the table if missing, with
    /// drizzle-orm 0.45's columns. (SQLite's `id SERIAL PRIMARY KEY` is not a
    /// rowid alias, so `id` stays NULL there, as drizzle's rows have it.)
    pub fn create(&self) -> Result<Vec<String>, MigrationError> {
        let mut out = Vec::new();
        if let Some(s) = &self.schema {
            let mut w = self.writer()?;
            w.sql("create schema if not exists ");
            w.ident(s).map_err(invalid)?;
            out.push(w.finish().sql);
        }
        let mut w = self.writer()?;
        w.sql("create table if not exists ");
        self.name(&mut w)?;
        w.sql(match self.dialect {
            _ if self.wrangler => {
                " (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, \
                 applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)"
            }
            DialectKind::Sqlite => {
                " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)"
            }
            _ => " (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)",
        });
        out.push(w.finish().sql);
        Ok(out)
    }

    /// One row per column of the table, its name in the first column: tells
    /// whether the table has drizzle 1.0's `name` column.
    pub fn columns_query(&self) -> Result<String, MigrationError> {
        let mut w = self.writer()?;
        let text =
            |w: &mut SqlWriter<'_>, s: &str| w.value(&Value::Text(s.into())).map_err(invalid);
        match self.dialect {
            DialectKind::Sqlite => {
                w.sql("select name from pragma_table_info(");
                text(&mut w, &self.table)?;
                w.sql(")");
            }
            DialectKind::Postgres => {
                w.sql("select column_name as name from information_schema.columns where table_schema = ");
                text(&mut w, self.schema.as_deref().unwrap_or(DEFAULT_PG_SCHEMA))?;
                w.sql(" and table_name = ");
                text(&mut w, &self.table)?;
            }
            DialectKind::MySql => {
                w.sql(
                    "select column_name as name from information_schema.columns where table_schema = database() and table_name = ",
                );
                text(&mut w, &self.table)?;
            }
        }
        Ok(w.finish().sql)
    }

    /// The recorded migrations: `hash, created_at` (and `name` when the table
    /// has it), oldest first. `created_at` comes back as the server types it
    /// (text for PostgreSQL's bigint over HTTP): hosts read it as an integer.
    /// wrangler's table: `name` only, in its order (`id`).
    pub fn rows_query(&self, has_name: bool) -> Result<String, MigrationError> {
        let mut w = self.writer()?;
        if self.wrangler {
            w.sql("select name from ");
            self.name(&mut w)?;
            w.sql(" order by id");
            return Ok(w.finish().sql);
        }
        w.sql(if has_name {
            "select hash, created_at, name from "
        } else {
            "select hash, created_at from "
        });
        self.name(&mut w)?;
        w.sql(" order by created_at, id");
        Ok(w.finish().sql)
    }

    /// The row that records `m` as applied (drizzle's columns and values;
    /// wrangler's: the file name, `id` and `applied_at` left to their defaults).
    pub fn record(&self, m: &Migration, has_name: bool) -> Result<String, MigrationError> {
        let mut w = self.writer()?;
        w.sql("insert into ");
        self.name(&mut w)?;
        if self.wrangler {
            w.sql(" (");
            w.ident("name").map_err(invalid)?;
            w.sql(") values (");
            w.value(&Value::Text(m.name.clone())).map_err(invalid)?;
            w.sql(")");
            return Ok(w.finish().sql);
        }
        w.sql(" (");
        let cols: &[&str] = if has_name {
            &["hash", "created_at", "name"]
        } else {
            &["hash", "created_at"]
        };
        for (i, c) in cols.iter().enumerate() {
            if i > 0 {
                w.sql(", ");
            }
            w.ident(c).map_err(invalid)?;
        }
        w.sql(") values (");
        w.value(&Value::Text(m.hash.clone())).map_err(invalid)?;
        w.sql(", ");
        w.value(&Value::Int(m.created_at)).map_err(invalid)?;
        if has_name {
            w.sql(", ");
            w.value(&Value::Text(m.name.clone())).map_err(invalid)?;
        }
        w.sql(")");
        Ok(w.finish().sql)
    }

    /// The statement that holds off concurrent runs, where the server has a
    /// lock. PostgreSQL: a transaction-scoped advisory lock keyed by the table
    /// (run first in the atomic unit, with [`Tracking::guard`]). MySQL:
    /// `get_lock`, session-scoped (the host runs it before the first
    /// migration, checks `locked` is 1, and runs [`Tracking::unlock`] at the
    /// end). SQLite: none: D1, a Durable Object and the embedded database each
    /// have one writer, and a second run's unit that repeats a migration fails
    /// on its DDL and rolls back.
    pub fn lock(&self) -> Result<Option<String>, MigrationError> {
        let mut w = self.writer()?;
        match self.dialect {
            DialectKind::Sqlite => return Ok(None),
            DialectKind::Postgres => {
                w.sql("select pg_advisory_xact_lock(hashtext(");
                w.value(&Value::Text(format!(
                    "mizzle migrations {}",
                    self.qualified_text()?
                )))
                .map_err(invalid)?;
                w.sql("))");
            }
            DialectKind::MySql => {
                w.sql("select get_lock(");
                w.value(&Value::Text(self.lock_name())).map_err(invalid)?;
                w.sql(", 60) as locked");
            }
        }
        Ok(Some(w.finish().sql))
    }

    /// What [`Tracking::guard`]'s error says: a host that sees it reads the
    /// table again and plans anew (the other run applied what it had planned).
    pub const CONCURRENT: &'static str = "was applied by another run meanwhile";

    /// PostgreSQL: fails the transaction if another run recorded `m` after
    /// this run read the table (the pending set is read before the lock is
    /// taken). Runs after [`Tracking::lock`], in the same unit as `m`.
    pub fn guard(&self, m: &Migration) -> Result<Option<String>, MigrationError> {
        if self.dialect != DialectKind::Postgres {
            return Ok(None);
        }
        let mut w = self.writer()?;
        w.sql("do $mizzle$ begin if exists (select 1 from ");
        self.name(&mut w)?;
        w.sql(" where created_at = ");
        w.value(&Value::Int(m.created_at)).map_err(invalid)?;
        w.sql(" and hash = ");
        w.value(&Value::Text(m.hash.clone())).map_err(invalid)?;
        w.sql(") then raise exception ");
        w.value(&Value::Text(format!(
            "mizzle: migration {} {}",
            m.name,
            Self::CONCURRENT
        )))
        .map_err(invalid)?;
        w.sql("; end if; end $mizzle$");
        Ok(Some(w.finish().sql))
    }

    /// A statement that always fails, whatever the schema, and a text its
    /// error message contains. A host that cannot tell which statement of a
    /// failed batch failed (D1, Neon) bisects by re-running prefixes of the
    /// batch that end with it: each prefix runs and then rolls back.
    pub fn probe(&self) -> (&'static str, &'static str) {
        match self.dialect {
            // Refused when prepared, wherever it is: RAISE() outside a trigger.
            DialectKind::Sqlite => ("select raise(abort, 'mizzle probe')", "RAISE()"),
            DialectKind::Postgres => (
                "do $mizzle$ begin raise exception 'mizzle probe: rolls back the batch'; end $mizzle$",
                "mizzle probe",
            ),
            // MySQL runs no batches of migrations (DDL commits implicitly).
            DialectKind::MySql => ("signal sqlstate '45000' set message_text = 'mizzle probe'", "mizzle probe"),
        }
    }

    /// MySQL: releases [`Tracking::lock`]'s lock (none elsewhere).
    pub fn unlock(&self) -> Result<Option<String>, MigrationError> {
        if self.dialect != DialectKind::MySql {
            return Ok(None);
        }
        let mut w = self.writer()?;
        w.sql("select release_lock(");
        w.value(&Value::Text(self.lock_name())).map_err(invalid)?;
        w.sql(")");
        Ok(Some(w.finish().sql))
    }

    fn lock_name(&self) -> String {
        // get_lock names are at most 64 characters.
        let mut n = format!("mizzle:{}", self.table);
        while n.len() > 64 {
            n.pop();
        }
        n
    }

    fn qualified_text(&self) -> Result<String, MigrationError> {
        let mut w = self.writer()?;
        self.name(&mut w)?;
        Ok(w.finish().sql)
    }
}

fn invalid(e: crate::Error) -> MigrationError {
    MigrationError::Invalid(format!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::Folder;

    fn one() -> Migration {
        let j = r#"{"entries":[{"when":1700000000000,"tag":"0000_it's"}]}"#;
        Folder::journal(j, &[("0000_it's", "select 1")])
            .unwrap()
            .migrations
            .remove(0)
    }

    #[test]
    fn drizzles_table_per_dialect() {
        let pg = Tracking::new(DialectKind::Postgres, None, None);
        assert_eq!(
            pg.create().unwrap(),
            [
                "create schema if not exists \"drizzle\"",
                "create table if not exists \"drizzle\".\"__drizzle_migrations\" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)"
            ]
        );
        let my = Tracking::new(DialectKind::MySql, Some("m`x"), Some("ignored"));
        assert_eq!(
            my.rows_query(false).unwrap(),
            "select hash, created_at from `m``x` order by created_at, id"
        );
        let lite = Tracking::new(DialectKind::Sqlite, None, Some("ignored"));
        assert_eq!(
            lite.record(&one(), true).unwrap(),
            "insert into \"__drizzle_migrations\" (\"hash\", \"created_at\", \"name\") values \
             ('822ae07d4783158bc1912bb623e5107cc9002d519e1143a9c200ed6ee18b6d0f', 1700000000000, '0000_it''s')"
        );
    }

    #[test]
    fn locks_where_the_server_has_them() {
        let lite = Tracking::new(DialectKind::Sqlite, None, None);
        assert_eq!(
            (lite.lock().unwrap(), lite.guard(&one()).unwrap()),
            (None, None)
        );
        let pg = Tracking::new(DialectKind::Postgres, None, None);
        assert!(pg
            .lock()
            .unwrap()
            .unwrap()
            .contains("pg_advisory_xact_lock"));
        let guard = pg.guard(&one()).unwrap().unwrap();
        assert!(
            guard.contains("created_at = 1700000000000 and hash = '822ae07d"),
            "{guard}"
        );
        assert!(
            guard.contains("migration 0000_it''s was applied by another run"),
            "{guard}"
        );
        let my = Tracking::new(DialectKind::MySql, None, None);
        assert!(my.lock().unwrap().unwrap().starts_with("select get_lock("));
        assert!(my.unlock().unwrap().is_some());
    }

    #[test]
    fn wranglers_table() {
        let t = Tracking::wrangler(None);
        assert_eq!(
            t.create().unwrap(),
            ["create table if not exists \"d1_migrations\" (id INTEGER PRIMARY KEY AUTOINCREMENT, \
              name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)"]
        );
        assert_eq!(
            t.rows_query(false).unwrap(),
            "select name from \"d1_migrations\" order by id"
        );
        let m = Folder::wrangler(&[("0001_it's.sql", "select 1;")])
            .unwrap()
            .migrations
            .remove(0);
        assert_eq!(
            t.record(&m, true).unwrap(),
            "insert into \"d1_migrations\" (\"name\") values ('0001_it''s.sql')"
        );
        assert_eq!(
            (t.lock().unwrap(), t.guard(&m).unwrap(), t.unlock().unwrap()),
            (None, None, None)
        );
        let custom = Tracking::wrangler(Some("my_migrations"));
        assert!(custom.create().unwrap()[0].contains("\"my_migrations\""));
    }

    #[test]
    fn bad_names_are_typed() {
        let t = Tracking::new(DialectKind::Sqlite, Some("a\0b"), None);
        assert_eq!(t.create().unwrap_err().kind(), "invalid");
    }
}
