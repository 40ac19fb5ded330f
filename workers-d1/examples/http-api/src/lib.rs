#![cfg(target_arch = "wasm32")]
//! mizzle's example Rust Worker on PostgreSQL over Neon's SQL-over-HTTP and MySQL over PlanetScale's HTTP
//! API (`mizzle_workers::{Neon, PlanetScale}`): the same typed tables and queries as on D1, rendered for
//! each dialect by the engine. Run by tests/workers/http.test.mjs against the stand-ins in front of the
//! local PostgreSQL and MariaDB.
//!
//! Routes, each under `/neon` and `/planetscale`: `POST /migrate` (drizzle-kit's folder for the dialect),
//! `POST /reset` (drops what it created), `POST /setup` (drops and creates the query tables),
//! `POST /users`, `GET /users`, `GET /feed` (a relational query), `POST /batch` (atomic), `GET /stats`.
//! Bindings (vars): `NEON_ENDPOINT`, `NEON_CONNECTION`, `PS_ORIGIN`, `PS_USERNAME`, `PS_PASSWORD`.

use mizzle_workers::prelude::*;
use mizzle_workers::query::Statement;
use mizzle_workers::{Json, Neon, PlanetScale, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::json;
use worker::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    pub theme: String,
}

#[derive(Debug, Clone, PartialEq, Table, Serialize, Deserialize)]
#[mizzle(table = "workers_users")]
pub struct User {
    #[mizzle(primary_key, auto_increment)]
    pub id: Option<i64>,
    pub name: String,
    #[mizzle(default)]
    pub admin: Option<bool>,
    pub created_at: Timestamp,
    pub prefs: Json<Prefs>,
    pub avatar: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Table, Serialize, Deserialize)]
#[mizzle(table = "workers_posts")]
pub struct Post {
    #[mizzle(primary_key, auto_increment)]
    pub id: Option<i64>,
    pub author_id: i64,
    pub title: String,
    pub views: i64,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct UserWithPosts {
    pub id: i64,
    pub name: String,
    pub admin: bool,
    pub avatar: Option<Vec<u8>>,
    pub posts: Vec<Post>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Stats {
    pub name: String,
    pub posts: i64,
    pub views: Option<i64>,
}

/// drizzle-kit's folders for schema-pg.ts and schema-mysql.ts, embedded at compile time.
const PG_MIGRATIONS: mizzle_workers::migrate::Migrations = migrations!("migrations-pg");
const MYSQL_MIGRATIONS: mizzle_workers::migrate::Migrations = migrations!("migrations-mysql");

const PG_SCHEMA: &[&str] = &[
    "drop table if exists workers_posts",
    "drop table if exists workers_users",
    "create table workers_users (id bigserial primary key, name text not null unique, \
     admin boolean not null default false, created_at bigint not null, prefs jsonb not null, avatar bytea)",
    "create table workers_posts (id bigserial primary key, author_id bigint not null \
     references workers_users(id) on delete cascade, title text not null, views bigint not null)",
];

const MYSQL_SCHEMA: &[&str] = &[
    "drop table if exists workers_posts",
    "drop table if exists workers_users",
    "create table workers_users (id bigint auto_increment primary key, name varchar(100) not null unique, \
     admin boolean not null default false, created_at bigint not null, prefs json not null, avatar blob)",
    "create table workers_posts (id bigint auto_increment primary key, author_id bigint not null, \
     title text not null, views bigint not null)",
];

fn feed() -> mizzle_workers::query::Find<User> {
    find_many::<User>()
        .order_by(|u| u.id.asc())
        .with_many::<Post>(
            "posts",
            |u, p| on(u.id, p.author_id),
            |p| p.order_by(|p| p.id.desc()),
        )
}

fn stats() -> mizzle_workers::query::Select<(User, Post)> {
    select::<User>()
        .left_join::<Post>(|(u, p)| p.author_id.eq(u.id))
        .columns(|(u, p)| {
            (
                u.name,
                p.id.count().named("posts"),
                p.views.sum().named("views"),
            )
        })
        .group_by(|(u, _)| (u.id, u.name))
        .order_by(|(u, _)| u.id.asc())
}

fn reply<T: Serialize>(r: std::result::Result<T, mizzle_workers::Error>) -> Result<Response> {
    match r {
        Ok(v) => Response::from_json(&v),
        Err(e) => {
            let code = match &e {
                mizzle_workers::Error::Host { code, .. } => code.clone(),
                _ => None,
            };
            Ok(
                Response::from_json(&json!({ "error": e.to_string(), "code": code }))?
                    .with_status(500),
            )
        }
    }
}

async fn body<T: serde::de::DeserializeOwned>(req: &mut Request) -> Result<T> {
    Ok(serde_json::from_str(&req.text().await?)?)
}

/// One database behind either protocol, with the calls the routes need.
enum Db {
    Neon(Neon),
    PlanetScale(PlanetScale),
}

impl Db {
    fn of(name: &str, env: &Env) -> Result<Db> {
        let var = |k: &str| env.var(k).map(|v| v.to_string());
        match name {
            "neon" => Ok(Db::Neon(Neon::new(
                &var("NEON_ENDPOINT")?,
                &var("NEON_CONNECTION")?,
            ))),
            "planetscale" => Ok(Db::PlanetScale(PlanetScale::new(
                &var("PS_ORIGIN")?,
                &var("PS_USERNAME")?,
                &var("PS_PASSWORD")?,
            ))),
            _ => Err(Error::RustError(format!("no database {name}"))),
        }
    }

    async fn all<T: serde::de::DeserializeOwned>(
        &self,
        q: impl Build,
    ) -> std::result::Result<Vec<T>, mizzle_workers::Error> {
        match self {
            Db::Neon(db) => db.all(q).await,
            Db::PlanetScale(db) => db.all(q).await,
        }
    }

    async fn run(
        &self,
        q: impl Build,
    ) -> std::result::Result<mizzle_workers::Meta, mizzle_workers::Error> {
        match self {
            Db::Neon(db) => db.run(q).await,
            Db::PlanetScale(db) => db.run(q).await,
        }
    }

    async fn batch(
        &self,
        s: Vec<Statement>,
    ) -> std::result::Result<Vec<mizzle_workers::Results>, mizzle_workers::Error> {
        match self {
            Db::Neon(db) => db.batch(s).await,
            Db::PlanetScale(db) => db.batch(s).await,
        }
    }

    /// Drops what `migrate` creates (the tables and their tracking table).
    fn reset(&self) -> &'static [&'static str] {
        match self {
            Db::Neon(_) => &[
                "drop table if exists mw_books",
                "drop table if exists mw_authors",
                "drop table if exists drizzle.workers_migrations",
            ],
            Db::PlanetScale(_) => &[
                "drop table if exists mw_books",
                "drop table if exists mw_authors",
                "drop table if exists workers_migrations",
            ],
        }
    }

    fn schema(&self) -> &'static [&'static str] {
        match self {
            Db::Neon(_) => PG_SCHEMA,
            Db::PlanetScale(_) => MYSQL_SCHEMA,
        }
    }
}

#[event(fetch)]
async fn fetch(mut req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let path = req.path();
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let db = Db::of(parts[0], &env)?;
    match (req.method(), &parts[1..]) {
        (Method::Post, ["setup"]) => {
            let mut r = Ok(());
            for s in db.schema() {
                if let Err(e) = db.run(Statement::raw(s, Default::default())).await {
                    r = Err(e);
                    break;
                }
            }
            reply(r.map(|()| json!({ "ok": true })))
        }
        (Method::Post, ["migrate"]) => {
            // Tracked in its own table: the shared test database's drizzle table belongs to other suites.
            let r = match &db {
                Db::Neon(n) => n.migrate_in(&PG_MIGRATIONS, "workers_migrations").await,
                Db::PlanetScale(p) => p.migrate_in(&MYSQL_MIGRATIONS, "workers_migrations").await,
            };
            reply(r.map(|r| json!({ "applied": r.applied, "alreadyApplied": r.already_applied })))
        }
        (Method::Post, ["reset"]) => {
            let mut r = Ok(());
            for s in db.reset() {
                if let Err(e) = db.run(Statement::raw(s, Default::default())).await {
                    r = Err(e);
                    break;
                }
            }
            reply(r.map(|()| json!({ "ok": true })))
        }
        (Method::Post, ["users"]) => {
            let user: User = body(&mut req).await?;
            // MySQL has no `returning`: the row is read back by its name.
            let name = user.name.clone();
            let r = match db.run(insert(&user)).await {
                Ok(_) => {
                    db.all::<User>(select::<User>().filter(move |u| u.name.eq(name)))
                        .await
                }
                Err(e) => Err(e),
            };
            reply(r.map(|mut v| v.pop()))
        }
        (Method::Post, ["users", id, "posts"]) => {
            let mut post: Post = body(&mut req).await?;
            post.author_id = id.parse().unwrap_or(-1);
            reply(
                db.run(insert(&post))
                    .await
                    .map(|m| json!({ "changes": m.changes })),
            )
        }
        (Method::Get, ["users"]) => reply(
            db.all::<User>(select::<User>().order_by(|u| u.id.asc()))
                .await,
        ),
        (Method::Get, ["feed"]) => reply(db.all::<UserWithPosts>(feed()).await),
        (Method::Get, ["stats"]) => reply(db.all::<Stats>(stats()).await),
        (Method::Post, ["batch"]) => {
            let users: Vec<User> = body(&mut req).await?;
            let statements = users
                .iter()
                .map(|u| insert(u).build())
                .collect::<std::result::Result<Vec<_>, _>>();
            let r = match statements {
                Ok(s) => db.batch(s).await.map(|r| r.len()),
                Err(e) => Err(e),
            };
            reply(r.map(|n| json!({ "statements": n })))
        }
        _ => Response::error("no such route", 404),
    }
}
