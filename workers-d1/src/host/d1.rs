//! D1: statements run with `raw({ columnNames: true })` (rows by position, never by object keys that
//! collide in joins), an insert over 100 parameters split into one atomic `batch`, `batch` for atomic
//! groups, Sessions for read replication, and migrations in one batch.

use js_sys::{Array, Function, Object, Promise, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use worker::{D1Database, D1DatabaseSession, D1PreparedStatement, D1Result};

use super::js::{host_error, js_error, name_by_position, prepare, rows_of};
use super::{Meta, Results};
use crate::bind::{Host, MAX_PARAMETERS};
use crate::cell::Cell;
use crate::decode;
use crate::migrate::{migrate, MigrationHost, MigrationResult, Migrations, Target};
use crate::query::{Build, Statement};
use crate::Error;
use mizzle_core::DialectKind;

enum Conn {
    Db(D1Database),
    Session(D1DatabaseSession),
}

/// A D1 database (or one Session of it).
pub struct D1 {
    conn: Conn,
}

impl D1 {
    /// The database of a binding: `D1::new(env.d1("DB")?)`.
    pub fn new(db: D1Database) -> D1 {
        D1 { conn: Conn::Db(db) }
    }

    /// A Session (read replication with sequential consistency): `None` starts unconstrained,
    /// `Some("first-primary")` at the primary, any other text after that bookmark.
    pub fn session(db: &D1Database, constraint_or_bookmark: Option<&str>) -> Result<D1, Error> {
        let s = db
            .with_session(constraint_or_bookmark)
            .map_err(host_error)?;
        Ok(D1 {
            conn: Conn::Session(s),
        })
    }

    /// The Session's latest bookmark (to continue it in a later request); `None` outside a Session.
    pub fn bookmark(&self) -> Result<Option<String>, Error> {
        match &self.conn {
            Conn::Session(s) => s.get_bookmark().map_err(host_error),
            Conn::Db(_) => Ok(None),
        }
    }

    fn prepare_raw(&self, sql: &str) -> D1PreparedStatement {
        match &self.conn {
            Conn::Db(db) => db.prepare(sql),
            Conn::Session(db) => db.prepare(sql),
        }
    }

    fn statement(&self, s: &Statement) -> Result<D1PreparedStatement, Error> {
        let (r, values) = prepare(s, Host::D1)?;
        let p = self.prepare_raw(&r.sql);
        if values.is_empty() {
            Ok(p)
        } else {
            p.bind(&values).map_err(host_error)
        }
    }

    async fn batch_raw(
        &self,
        statements: Vec<D1PreparedStatement>,
    ) -> Result<Vec<D1Result>, Error> {
        match &self.conn {
            Conn::Db(db) => db.batch(statements).await,
            Conn::Session(db) => db.batch(statements).await,
        }
        .map_err(host_error)
    }

    /// One statement's rows, by position.
    async fn rows(&self, s: &Statement) -> Result<Vec<Vec<Cell>>, Error> {
        Ok(raw_rows(&self.statement(s)?).await?.1)
    }

    /// The statements a builder gives on D1 (one, or an insert's parts within 100 parameters).
    async fn cells(&self, q: impl Build) -> Result<(Vec<Vec<Cell>>, decode::Shape), Error> {
        let mut parts = q.build_all(Some(MAX_PARAMETERS))?;
        if parts.len() == 1 {
            let s = parts.remove(0);
            let rows = self.rows(&s).await?;
            return Ok((rows, s.shape));
        }
        let shape = parts[0].shape.clone();
        let results = self.batch(parts).await?;
        Ok((results.into_iter().flat_map(|r| r.rows).collect(), shape))
    }

    /// Every row, decoded as `T`.
    pub async fn all<T: DeserializeOwned>(&self, q: impl Build) -> Result<Vec<T>, Error> {
        let (rows, shape) = self.cells(q).await?;
        rows.iter()
            .map(|r| decode::row(r, &shape).map_err(Error::from))
            .collect()
    }

    /// The first row, decoded as `T`.
    pub async fn get<T: DeserializeOwned>(&self, q: impl Build) -> Result<Option<T>, Error> {
        let (rows, shape) = self.cells(q).await?;
        rows.first()
            .map(|r| decode::row(r, &shape).map_err(Error::from))
            .transpose()
    }

    /// Runs a statement for its effect.
    pub async fn run(&self, q: impl Build) -> Result<Meta, Error> {
        let mut parts = q.build_all(Some(MAX_PARAMETERS))?;
        let results = if parts.len() == 1 {
            let p = self.statement(&parts.remove(0))?;
            vec![p.run().await.map_err(host_error)?]
        } else {
            let prepared = parts
                .iter()
                .map(|s| self.statement(s))
                .collect::<Result<Vec<_>, _>>()?;
            self.batch_raw(prepared).await?
        };
        let mut meta = Meta::default();
        for r in &results {
            if let Some(m) = r.meta().map_err(host_error)? {
                meta.changes += m.changes.unwrap_or(0) as u64;
                meta.last_row_id = m.last_row_id.or(meta.last_row_id);
            }
        }
        Ok(meta)
    }

    /// Statements run as ONE transaction (D1's `batch`: all or nothing); each one's rows in order.
    pub async fn batch(&self, statements: Vec<Statement>) -> Result<Vec<Results>, Error> {
        let mut shapes = Vec::with_capacity(statements.len());
        let mut prepared = Vec::with_capacity(statements.len());
        for mut s in statements {
            let positional = name_by_position(&mut s.ast);
            prepared.push(self.statement(&s)?);
            shapes.push((s.shape, positional));
        }
        let results = self.batch_raw(prepared).await?;
        results
            .into_iter()
            .zip(shapes)
            .map(|(r, (shape, positional))| {
                // The `worker` crate hands batch rows out only through serde.
                let objects: Vec<serde_json::Value> = r.results().map_err(host_error)?;
                let rows = objects
                    .iter()
                    .map(|o| cells_by_key(o, &shape, positional))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Results { rows, shape })
            })
            .collect()
    }

    /// Applies a migrations folder embedded by [`crate::migrations!`]: every pending migration and its
    /// record in one batch, tracked in `__drizzle_migrations` as drizzle-orm's D1 migrator does.
    pub async fn migrate(&self, migrations: &Migrations) -> Result<MigrationResult, Error> {
        migrate(self, migrations, Target::of(DialectKind::Sqlite)).await
    }

    /// [`D1::migrate`] tracked in `table` (drizzle's `migrationsTable`).
    pub async fn migrate_in(
        &self,
        migrations: &Migrations,
        table: &str,
    ) -> Result<MigrationResult, Error> {
        let target = Target::of(DialectKind::Sqlite).in_table(table);
        migrate(self, migrations, target).await
    }
}

/// A statement's rows by position, and its column names (`raw({ columnNames: true })`, which the
/// `worker` crate's `raw()` cannot ask for).
async fn raw_rows(p: &D1PreparedStatement) -> Result<(Vec<String>, Vec<Vec<Cell>>), Error> {
    let raw: Function = Reflect::get(p.inner(), &"raw".into())
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    let options = Object::new();
    Reflect::set(&options, &"columnNames".into(), &JsValue::TRUE).map_err(js_error)?;
    let promise: Promise = raw
        .call1(p.inner(), &options)
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    let all: Array = JsFuture::from(promise)
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    let names = Array::from(&all.get(0))
        .iter()
        .filter_map(|n| n.as_string())
        .collect();
    Ok((names, rows_of(&all.slice(1, all.length()))?))
}

/// A batch row (an object) read by the keys [`name_by_position`] gave, or else by the shape's names.
fn cells_by_key(
    o: &serde_json::Value,
    shape: &decode::Shape,
    positional: bool,
) -> Result<Vec<Cell>, Error> {
    shape
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let key = if positional {
                format!("_{i}")
            } else {
                c.name().to_owned()
            };
            Cell::from_json(o.get(&key).unwrap_or(&serde_json::Value::Null), i)
        })
        .collect()
}

impl MigrationHost for D1 {
    async fn rows(&self, sql: &str) -> Result<(Vec<String>, Vec<Vec<Cell>>), Error> {
        raw_rows(&self.prepare_raw(sql)).await
    }

    async fn run(&self, sql: &str) -> Result<(), Error> {
        self.prepare_raw(sql)
            .run()
            .await
            .map(drop)
            .map_err(host_error)
    }

    async fn atomic(&self, statements: &[String]) -> Result<(), (Option<usize>, Error)> {
        let prepared = statements.iter().map(|s| self.prepare_raw(s)).collect();
        // D1 does not say which statement of a batch failed: the migrate algorithm bisects.
        self.batch_raw(prepared)
            .await
            .map(drop)
            .map_err(|e| (None, e))
    }
}
