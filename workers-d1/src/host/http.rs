//! Neon's SQL over HTTP and PlanetScale's HTTP API from a Worker: the engine's PostgreSQL / MySQL SQL,
//! the requests and replies written and read by core's protocol codecs (`mizzle_core::protocol`, their
//! first shipped caller), sent with `worker::Fetch`. Drivers build no SQL: PlanetScale has no parameters,
//! so its statements are rendered with values inlined by core's one audited escaping writer.

use mizzle_core::protocol::{self, neon, planetscale, ProtocolError};
use mizzle_core::DialectKind;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use worker::{Fetch, Headers, Method, Request, RequestInit};

use super::js::host_error;
use super::{Meta, Results};
use crate::cell::Cell;
use crate::decode::{self, Shape};
use crate::migrate::{migrate, MigrationHost, MigrationResult, Migrations, Target};
use crate::query::{Build, Statement};
use crate::Error;

/// POSTs `body` with `headers`; the status and the reply's text.
async fn post(url: &str, headers: &[(&str, String)], body: String) -> Result<(u16, String), Error> {
    let h = Headers::new();
    for (name, value) in headers {
        h.set(name, value).map_err(host_error)?;
    }
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(h)
        .with_body(Some(JsValue::from_str(&body)));
    let req = Request::new_with_init(url, &init).map_err(host_error)?;
    let mut res = Fetch::Request(req).send().await.map_err(host_error)?;
    let status = res.status_code();
    Ok((status, res.text().await.map_err(host_error)?))
}

/// A protocol failure as the crate's error: the server's message and its code (SQLSTATE, errno).
fn protocol_error(e: ProtocolError) -> Error {
    let code = match &e {
        ProtocolError::Neon(s) => s.code.clone(),
        ProtocolError::PlanetScale(s) => s
            .errno
            .map(|n| n.to_string())
            .or_else(|| s.sqlstate.clone()),
        _ => None,
    };
    Error::Host {
        message: e.to_string(),
        code,
    }
}

/// A protocol cell as a host cell (dates, decimals and big integers as the server's text).
fn cell(c: protocol::Cell) -> Cell {
    match c {
        protocol::Cell::Null => Cell::Null,
        protocol::Cell::Bool(b) => Cell::Bool(b),
        protocol::Cell::Int(i) => Cell::Integer(i),
        protocol::Cell::Float(f) => Cell::Real(f),
        protocol::Cell::Numeric(s) | protocol::Cell::Text(s) | protocol::Cell::Temporal(_, s) => {
            Cell::Text(s)
        }
        protocol::Cell::Bytes(b) => Cell::Bytes(b),
        protocol::Cell::Json(j) => Cell::Json(j),
        array @ protocol::Cell::Array(_) => Cell::Json(array_json(array)),
    }
}

fn array_json(c: protocol::Cell) -> serde_json::Value {
    match cell(c) {
        Cell::Null => serde_json::Value::Null,
        Cell::Bool(b) => b.into(),
        Cell::Integer(i) => i.into(),
        Cell::Real(f) => f.into(),
        Cell::Text(s) => s.into(),
        Cell::Bytes(b) => b.into(),
        Cell::Json(j) => j,
    }
}

fn rows(r: Result<Vec<Vec<protocol::Cell>>, ProtocolError>) -> Result<Vec<Vec<Cell>>, Error> {
    Ok(r.map_err(protocol_error)?
        .into_iter()
        .map(|row| row.into_iter().map(cell).collect())
        .collect())
}

fn decode_all<T: DeserializeOwned>(rows: &[Vec<Cell>], shape: &Shape) -> Result<Vec<T>, Error> {
    rows.iter()
        .map(|r| decode::row(r, shape).map_err(Error::from))
        .collect()
}

/// A Neon database over SQL-over-HTTP (one request per statement, a batch in one transaction).
pub struct Neon {
    endpoint: String,
    connection_string: String,
    auth_token: Option<String>,
}

impl Neon {
    /// `endpoint` is the HTTP endpoint (`https://<host>/sql`), `connection_string` the database's
    /// `postgresql://...` URL, which Neon reads from a header.
    pub fn new(endpoint: &str, connection_string: &str) -> Neon {
        Neon {
            endpoint: endpoint.into(),
            connection_string: connection_string.into(),
            auth_token: None,
        }
    }

    /// A JWT for Neon's row-level security (`Authorization: Bearer`).
    pub fn with_auth_token(mut self, token: &str) -> Neon {
        self.auth_token = Some(token.into());
        self
    }

    async fn query(&self, s: &Statement) -> Result<neon::QueryResult, Error> {
        let r = s.render(DialectKind::Postgres)?;
        let values = r.values().map_err(Error::Engine)?;
        let headers = neon::headers(&self.connection_string, self.auth_token.as_deref())
            .map_err(protocol_error)?;
        let (status, text) =
            post(&self.endpoint, &headers, neon::query_body(&r.sql, &values)).await?;
        neon::parse_response(status, &text).map_err(protocol_error)
    }

    /// Every row, decoded as `T`.
    pub async fn all<T: DeserializeOwned>(&self, q: impl Build) -> Result<Vec<T>, Error> {
        let s = q.build()?;
        let r = self.query(&s).await?;
        decode_all(&rows(r.decode_rows())?, &s.shape)
    }

    /// The first row, decoded as `T`.
    pub async fn get<T: DeserializeOwned>(&self, q: impl Build) -> Result<Option<T>, Error> {
        Ok(self.all(q).await?.into_iter().next())
    }

    /// Runs a statement for its effect.
    pub async fn run(&self, q: impl Build) -> Result<Meta, Error> {
        let r = self.query(&q.build()?).await?;
        Ok(Meta {
            changes: r.row_count.unwrap_or(0),
            last_row_id: None,
        })
    }

    /// Statements run in ONE transaction (Neon's batch endpoint); each one's rows in order.
    pub async fn batch(&self, statements: Vec<Statement>) -> Result<Vec<Results>, Error> {
        let mut rendered = Vec::with_capacity(statements.len());
        for s in &statements {
            let r = s.render(DialectKind::Postgres)?;
            let values = r.values().map_err(Error::Engine)?;
            rendered.push((r.sql, values));
        }
        let queries: Vec<(&str, &[mizzle_core::Value])> = rendered
            .iter()
            .map(|(sql, v)| (sql.as_str(), v.as_slice()))
            .collect();
        let headers = neon::batch_headers(
            &self.connection_string,
            self.auth_token.as_deref(),
            &neon::BatchOptions::default(),
        )
        .map_err(protocol_error)?;
        let (status, text) = post(&self.endpoint, &headers, neon::batch_body(&queries)).await?;
        let results = neon::parse_batch_response(status, &text).map_err(protocol_error)?;
        results
            .iter()
            .zip(statements)
            .map(|(r, s)| {
                Ok(Results {
                    rows: rows(r.decode_rows())?,
                    shape: s.shape,
                })
            })
            .collect()
    }
}

/// A PlanetScale database over its HTTP API (one `Execute` per statement; a batch in one session's
/// transaction).
pub struct PlanetScale {
    origin: String,
    username: String,
    password: String,
}

impl PlanetScale {
    /// `origin` is `https://<host>` (no path), with the database's username and password.
    pub fn new(origin: &str, username: &str, password: &str) -> PlanetScale {
        PlanetScale {
            origin: origin.trim_end_matches('/').into(),
            username: username.into(),
            password: password.into(),
        }
    }

    async fn execute(
        &self,
        sql: &str,
        session: Option<&serde_json::Value>,
    ) -> Result<planetscale::ExecuteResult, Error> {
        let url = format!("{}{}", self.origin, planetscale::EXECUTE_PATH);
        let headers = planetscale::headers(&self.username, &self.password);
        let (status, text) = post(&url, &headers, planetscale::execute_body(sql, session)).await?;
        planetscale::parse_response(status, &text).map_err(protocol_error)
    }

    fn sql(s: &Statement) -> Result<String, Error> {
        mizzle_core::render_inline(&s.ast, DialectKind::MySql).map_err(Error::Engine)
    }

    /// Every row, decoded as `T`.
    pub async fn all<T: DeserializeOwned>(&self, q: impl Build) -> Result<Vec<T>, Error> {
        let s = q.build()?;
        let r = self.execute(&Self::sql(&s)?, None).await?;
        decode_all(&rows(r.decode_rows())?, &s.shape)
    }

    /// The first row, decoded as `T`.
    pub async fn get<T: DeserializeOwned>(&self, q: impl Build) -> Result<Option<T>, Error> {
        Ok(self.all(q).await?.into_iter().next())
    }

    /// Runs a statement for its effect.
    pub async fn run(&self, q: impl Build) -> Result<Meta, Error> {
        let r = self.execute(&Self::sql(&q.build()?)?, None).await?;
        Ok(Meta {
            changes: r.rows_affected,
            last_row_id: r.insert_id.parse().ok().filter(|id| *id != 0),
        })
    }

    /// Statements run in one transaction of one session (`begin` ... `commit`; `rollback` when one
    /// fails, and its error returned); each one's rows in order.
    pub async fn batch(&self, statements: Vec<Statement>) -> Result<Vec<Results>, Error> {
        let begun = self.execute("begin", None).await?;
        let mut session = begun.session;
        let mut out = Vec::with_capacity(statements.len());
        for s in statements {
            let r = match Self::sql(&s) {
                Ok(sql) => self.execute(&sql, Some(&session)).await,
                Err(e) => Err(e),
            };
            match r {
                Ok(r) => {
                    session = r.session.clone();
                    out.push(Results {
                        rows: rows(r.decode_rows())?,
                        shape: s.shape,
                    });
                }
                Err(e) => {
                    // The rollback's own failure would hide the statement's error: the session ends
                    // with its connection either way.
                    let _ = self.execute("rollback", Some(&session)).await;
                    return Err(e);
                }
            }
        }
        self.execute("commit", Some(&session)).await?;
        Ok(out)
    }
}

/// A raw statement's rows with their column names (the migrate algorithm's reads).
fn named(
    names: Vec<String>,
    r: Result<Vec<Vec<protocol::Cell>>, ProtocolError>,
) -> Result<(Vec<String>, Vec<Vec<Cell>>), Error> {
    Ok((names, rows(r)?))
}

impl Neon {
    async fn raw(&self, sql: &str) -> Result<neon::QueryResult, Error> {
        let headers = neon::headers(&self.connection_string, self.auth_token.as_deref())
            .map_err(protocol_error)?;
        let (status, text) = post(&self.endpoint, &headers, neon::query_body(sql, &[])).await?;
        neon::parse_response(status, &text).map_err(protocol_error)
    }

    /// Applies a migrations folder embedded by [`crate::migrations!`] as drizzle-orm's `neon-http`
    /// migrator does: every pending migration and its record in one transaction (Neon's batch), under
    /// an advisory lock, tracked in `drizzle.__drizzle_migrations`. [`crate::migrate::migrate`] takes
    /// another tracking table.
    pub async fn migrate(&self, migrations: &Migrations) -> Result<MigrationResult, Error> {
        migrate(self, migrations, Target::of(DialectKind::Postgres)).await
    }

    /// [`Neon::migrate`] tracked in `table` (drizzle's `migrationsTable`; schema `drizzle`).
    pub async fn migrate_in(
        &self,
        migrations: &Migrations,
        table: &str,
    ) -> Result<MigrationResult, Error> {
        let target = Target::of(DialectKind::Postgres).in_table(table);
        migrate(self, migrations, target).await
    }
}

impl MigrationHost for Neon {
    async fn rows(&self, sql: &str) -> Result<(Vec<String>, Vec<Vec<Cell>>), Error> {
        let r = self.raw(sql).await?;
        named(
            r.fields.iter().map(|f| f.name.clone()).collect(),
            r.decode_rows(),
        )
    }

    async fn run(&self, sql: &str) -> Result<(), Error> {
        self.raw(sql).await.map(drop)
    }

    async fn atomic(&self, statements: &[String]) -> Result<(), (Option<usize>, Error)> {
        let queries: Vec<(&str, &[mizzle_core::Value])> =
            statements.iter().map(|s| (s.as_str(), &[][..])).collect();
        let batch = async {
            let headers = neon::batch_headers(
                &self.connection_string,
                self.auth_token.as_deref(),
                &neon::BatchOptions::default(),
            )
            .map_err(protocol_error)?;
            let (status, text) = post(&self.endpoint, &headers, neon::batch_body(&queries)).await?;
            neon::parse_batch_response(status, &text).map_err(protocol_error)
        };
        // Neon's error does not say which statement failed: the algorithm bisects.
        batch.await.map(drop).map_err(|e| (None, e))
    }
}

/// PlanetScale's session for one migration run: MySQL's `get_lock` belongs to a connection, so every
/// statement of the run goes through the same session.
struct Session<'a> {
    db: &'a PlanetScale,
    session: std::cell::RefCell<Option<serde_json::Value>>,
}

impl Session<'_> {
    async fn execute(&self, sql: &str) -> Result<planetscale::ExecuteResult, Error> {
        let current = self.session.borrow().clone();
        let r = self.db.execute(sql, current.as_ref()).await?;
        *self.session.borrow_mut() = Some(r.session.clone());
        Ok(r)
    }
}

impl PlanetScale {
    /// Applies a migrations folder embedded by [`crate::migrations!`] as drizzle-orm's PlanetScale
    /// migrator does: migration by migration (MySQL commits DDL implicitly), each recorded once it ran,
    /// under `get_lock`, in one session.
    pub async fn migrate(&self, migrations: &Migrations) -> Result<MigrationResult, Error> {
        self.migrate_to(migrations, Target::of(DialectKind::MySql))
            .await
    }

    /// [`PlanetScale::migrate`] tracked in `table` (drizzle's `migrationsTable`).
    pub async fn migrate_in(
        &self,
        migrations: &Migrations,
        table: &str,
    ) -> Result<MigrationResult, Error> {
        let target = Target::of(DialectKind::MySql).in_table(table);
        self.migrate_to(migrations, target).await
    }

    async fn migrate_to(
        &self,
        migrations: &Migrations,
        target: Target<'_>,
    ) -> Result<MigrationResult, Error> {
        let s = Session {
            db: self,
            session: std::cell::RefCell::new(None),
        };
        migrate(&s, migrations, target).await
    }
}

impl MigrationHost for Session<'_> {
    async fn rows(&self, sql: &str) -> Result<(Vec<String>, Vec<Vec<Cell>>), Error> {
        let r = self.execute(sql).await?;
        named(
            r.fields.iter().map(|f| f.name.clone()).collect(),
            r.decode_rows(),
        )
    }

    async fn run(&self, sql: &str) -> Result<(), Error> {
        self.execute(sql).await.map(drop)
    }

    async fn atomic(&self, statements: &[String]) -> Result<(), (Option<usize>, Error)> {
        self.execute("begin").await.map_err(|e| (None, e))?;
        for (i, s) in statements.iter().enumerate() {
            if let Err(e) = self.execute(s).await {
                let _ = self.execute("rollback").await;
                return Err((Some(i), e));
            }
        }
        self.execute("commit")
            .await
            .map(drop)
            .map_err(|e| (None, e))
    }
}
