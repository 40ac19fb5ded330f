//! A Durable Object's SQLite: synchronous as the platform is (`exec` runs at once), transactions through
//! `storage.transactionSync` (not bound by the `worker` crate; reached through `js_sys::Reflect`), rows
//! read by position with `raw()`, never `SqlCursor::one()` (it hangs the request on zero rows).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use worker::{SqlCursor, SqlStorage, SqlStorageValue, Storage};

use super::js::{host_error, js_error, prepare};
use super::{Meta, Results};
use crate::bind::{Host, MAX_PARAMETERS};
use crate::cell::Cell;
use crate::decode;
use crate::migrate::{migrate, MigrationHost, MigrationResult, Migrations, Target};
use crate::query::{Build, Statement};
use crate::Error;
use mizzle_core::DialectKind;

/// A Durable Object's SQL storage (the class must be SQLite-backed).
#[derive(Clone)]
pub struct DurableSql {
    sql: SqlStorage,
    storage: JsValue,
}

fn cell(v: SqlStorageValue) -> Cell {
    match v {
        SqlStorageValue::Null => Cell::Null,
        SqlStorageValue::Boolean(b) => Cell::Bool(b),
        SqlStorageValue::Integer(i) => Cell::Integer(i),
        SqlStorageValue::Float(f) => Cell::from_number(f),
        SqlStorageValue::String(s) => Cell::Text(s),
        SqlStorageValue::Blob(b) => Cell::Bytes(b),
    }
}

impl DurableSql {
    /// The object's SQL storage: `DurableSql::new(&state.storage())`.
    pub fn new(storage: &Storage) -> DurableSql {
        DurableSql {
            sql: storage.sql(),
            storage: AsRef::<JsValue>::as_ref(storage.as_raw()).clone(),
        }
    }

    fn exec(&self, s: &Statement) -> Result<SqlCursor, Error> {
        let (r, values) = prepare(s, Host::DurableObject)?;
        self.sql.exec_raw(&r.sql, values).map_err(host_error)
    }

    fn read(cursor: &SqlCursor) -> Result<Vec<Vec<Cell>>, Error> {
        cursor
            .raw()
            .map(|r| {
                r.map(|row| row.into_iter().map(cell).collect())
                    .map_err(host_error)
            })
            .collect()
    }

    fn cells(&self, q: impl Build) -> Result<(Vec<Vec<Cell>>, decode::Shape), Error> {
        let mut parts = q.build_all(Some(MAX_PARAMETERS))?;
        if parts.len() == 1 {
            let s = parts.remove(0);
            let rows = Self::read(&self.exec(&s)?)?;
            return Ok((rows, s.shape));
        }
        let shape = parts[0].shape.clone();
        let results = self.batch(parts)?;
        Ok((results.into_iter().flat_map(|r| r.rows).collect(), shape))
    }

    /// Every row, decoded as `T`.
    pub fn all<T: DeserializeOwned>(&self, q: impl Build) -> Result<Vec<T>, Error> {
        let (rows, shape) = self.cells(q)?;
        rows.iter()
            .map(|r| decode::row(r, &shape).map_err(Error::from))
            .collect()
    }

    /// The first row, decoded as `T`.
    pub fn get<T: DeserializeOwned>(&self, q: impl Build) -> Result<Option<T>, Error> {
        let (rows, shape) = self.cells(q)?;
        rows.first()
            .map(|r| decode::row(r, &shape).map_err(Error::from))
            .transpose()
    }

    /// Runs a statement for its effect (an insert over 100 parameters in one transaction).
    pub fn run(&self, q: impl Build) -> Result<Meta, Error> {
        let parts = q.build_all(Some(MAX_PARAMETERS))?;
        if parts.len() == 1 {
            self.exec(&parts[0])?;
            return self.meta(0);
        }
        let this = self.clone();
        self.transaction(move |_| {
            let mut total = Meta::default();
            for s in &parts {
                this.exec(s)?;
                total = this.meta(total.changes)?;
            }
            Ok(total)
        })
    }

    /// What the last statement changed, plus `before`: a cursor's `rowsWritten` also counts index and
    /// `sqlite_sequence` writes, so SQLite's own `changes()` is asked (a Durable Object has no meta).
    fn meta(&self, before: u64) -> Result<Meta, Error> {
        let c = self
            .sql
            .exec_raw("select changes(), last_insert_rowid()", None)
            .map_err(host_error)?;
        let row = Self::read(&c)?.into_iter().next().unwrap_or_default();
        let int = |i: usize| match row.get(i) {
            Some(Cell::Integer(n)) => *n,
            _ => 0,
        };
        Ok(Meta {
            changes: before + int(0) as u64,
            last_row_id: Some(int(1)).filter(|id| *id != 0),
        })
    }

    /// Statements run in one transaction (all or nothing); each one's rows in order.
    pub fn batch(&self, statements: Vec<Statement>) -> Result<Vec<Results>, Error> {
        let this = self.clone();
        self.transaction(move |_| {
            statements
                .into_iter()
                .map(|s| {
                    let rows = Self::read(&this.exec(&s)?)?;
                    Ok(Results {
                        rows,
                        shape: s.shape,
                    })
                })
                .collect()
        })
    }

    /// Runs `f` in a transaction (`storage.transactionSync`): an `Err` from `f` rolls everything back
    /// and is returned as is.
    pub fn transaction<R: 'static>(
        &self,
        f: impl FnOnce(&DurableSql) -> Result<R, Error> + 'static,
    ) -> Result<R, Error> {
        let slot: Rc<RefCell<Option<Result<R, Error>>>> = Rc::default();
        let out = slot.clone();
        let this = self.clone();
        let body = Closure::once_into_js(move || -> Result<JsValue, JsValue> {
            let r = f(&this);
            let failed = r.is_err();
            *out.borrow_mut() = Some(r);
            if failed {
                // Throwing is what makes transactionSync roll back.
                Err(JsValue::from_str(
                    "mizzle: the transaction failed and was rolled back",
                ))
            } else {
                Ok(JsValue::UNDEFINED)
            }
        });
        let tx: Function = Reflect::get(&self.storage, &"transactionSync".into())
            .map_err(js_error)?
            .dyn_into()
            .map_err(js_error)?;
        let called = tx.call1(&self.storage, &body);
        let result = slot.borrow_mut().take();
        match (result, called) {
            (Some(r), _) => r,
            (None, Err(e)) => Err(js_error(e)),
            (None, Ok(_)) => Err(Error::Invalid(
                "transactionSync did not run the transaction".into(),
            )),
        }
    }

    /// Applies a migrations folder embedded by [`crate::migrations!`]: every pending migration and its
    /// record in one transaction, tracked in `__drizzle_migrations` as drizzle-orm's migrator does.
    pub fn migrate(&self, migrations: &Migrations) -> Result<MigrationResult, Error> {
        ready(migrate(self, migrations, Target::of(DialectKind::Sqlite)))
    }

    /// [`DurableSql::migrate`] tracked in `table` (drizzle's `migrationsTable`).
    pub fn migrate_in(
        &self,
        migrations: &Migrations,
        table: &str,
    ) -> Result<MigrationResult, Error> {
        let target = Target::of(DialectKind::Sqlite).in_table(table);
        ready(migrate(self, migrations, target))
    }
}

/// Polls a future that never waits (every step of a Durable Object's host is synchronous).
fn ready<F: std::future::Future<Output = Result<MigrationResult, Error>>>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => Err(Error::Invalid(
            "a Durable Object's migration step waited".into(),
        )),
    }
}

impl MigrationHost for DurableSql {
    async fn rows(&self, sql: &str) -> Result<(Vec<String>, Vec<Vec<Cell>>), Error> {
        let c = self.sql.exec_raw(sql, None).map_err(host_error)?;
        Ok((c.column_names(), Self::read(&c)?))
    }

    async fn run(&self, sql: &str) -> Result<(), Error> {
        self.sql.exec_raw(sql, None).map(drop).map_err(host_error)
    }

    async fn atomic(&self, statements: &[String]) -> Result<(), (Option<usize>, Error)> {
        let failed_at: Rc<RefCell<Option<usize>>> = Rc::default();
        let at = failed_at.clone();
        let statements = statements.to_vec();
        let r = self.transaction(move |this| {
            for (i, s) in statements.iter().enumerate() {
                if let Err(e) = this.sql.exec_raw(s, None) {
                    *at.borrow_mut() = Some(i);
                    return Err(host_error(e));
                }
            }
            Ok(())
        });
        r.map_err(|e| (failed_at.borrow_mut().take(), e))
    }
}
