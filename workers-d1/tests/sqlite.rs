//! The Rust API's statements run on a real SQLite (rusqlite, bundled), rows read back as a host's cells
//! and decoded by the engine's codecs: every builder, the decode rules, the insert split and the
//! migrate algorithm, natively. The same API on D1 and Durable Objects runs in workerd
//! (`tests/workers/`).

use mizzle_core::DialectKind;
use mizzle_workers::decode::row;
use mizzle_workers::migrate::{migrate, MigrationHost, Target};
use mizzle_workers::prelude::*;
use mizzle_workers::query::Statement;
use mizzle_workers::{Cell, Error, Value};
use rusqlite::types::{Value as Sql, ValueRef};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Prefs {
    theme: String,
    tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Table, Serialize, Deserialize)]
#[mizzle(table = "users")]
struct User {
    #[mizzle(primary_key, auto_increment)]
    id: Option<i64>,
    name: String,
    email: Option<String>,
    #[mizzle(default)]
    admin: Option<bool>,
    karma: i32,
    #[mizzle(column = "created_at")]
    created: Timestamp,
    prefs: Json<Prefs>,
    avatar: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Table, Serialize, Deserialize)]
#[mizzle(table = "posts")]
struct Post {
    #[mizzle(primary_key)]
    id: i64,
    author_id: i64,
    title: String,
    views: i64,
}

const SCHEMA: &str = "
create table users (id integer primary key autoincrement, name text not null unique, email text,
  admin integer not null default 0, karma integer not null, created_at integer not null, prefs text not null,
  avatar blob);
create table posts (id integer primary key, author_id integer not null references users(id), title text not null,
  views integer not null);";

struct Db(rusqlite::Connection);

fn cell(v: ValueRef<'_>) -> Cell {
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::from_number(i as f64),
        ValueRef::Real(f) => Cell::from_number(f),
        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
    }
}

fn sql_value(v: &Value) -> Sql {
    // As the Workers hosts receive them (bind.rs): booleans as 0/1, integers as JS numbers.
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer((*b).into()),
        Value::Int(i) => Sql::Real(*i as f64),
        Value::Float(f) => Sql::Real(*f),
        Value::Text(s) => Sql::Text(s.clone()),
        Value::Blob(b) => Sql::Blob(b.clone()),
    }
}

impl Db {
    fn new() -> Db {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        c.execute_batch(SCHEMA).unwrap();
        Db(c)
    }

    fn cells(&self, s: &Statement) -> Result<(Vec<String>, Vec<Vec<Cell>>), rusqlite::Error> {
        let r = s.render(DialectKind::Sqlite).unwrap();
        let values = r.values().unwrap();
        // Every value goes through the Workers binding rules first.
        mizzle_workers::bind(&values, mizzle_workers::Host::D1).unwrap();
        let mut st = self.0.prepare(&r.sql)?;
        let names = st.column_names().map(|s| s.to_string()).collect::<Vec<_>>();
        let n = names.len();
        let mut rows = st.query(rusqlite::params_from_iter(values.iter().map(sql_value)))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push((0..n).map(|i| cell(r.get_ref(i).unwrap())).collect());
        }
        Ok((names, out))
    }

    fn all<T: serde::de::DeserializeOwned>(&self, q: impl Build) -> Vec<T> {
        let s = q.build().unwrap();
        let (_, rows) = self.cells(&s).unwrap();
        rows.iter().map(|r| row(r, &s.shape).unwrap()).collect()
    }

    fn run(&self, q: impl Build) {
        for s in q.build_all(Some(100)).unwrap() {
            self.cells(&s).unwrap();
        }
    }
}

fn ann() -> User {
    User {
        id: None,
        name: "ann".into(),
        email: Some("ann@example.com".into()),
        admin: None,
        karma: 3,
        created: Timestamp(1_700_000_000_000),
        prefs: Json(Prefs {
            theme: "dark".into(),
            tags: vec!["a".into(), "b".into()],
        }),
        avatar: Some(vec![0, 255, 7]),
    }
}

fn seeded() -> Db {
    let db = Db::new();
    let bo = User {
        name: "bo".into(),
        email: None,
        karma: 1,
        avatar: None,
        ..ann()
    };
    db.run(insert_many([&ann(), &bo]));
    let big = (1i64 << 53) + 1;
    db.run(insert_many(&[
        Post {
            id: 1,
            author_id: 1,
            title: "one".into(),
            views: big,
        },
        Post {
            id: 2,
            author_id: 1,
            title: "two".into(),
            views: 5,
        },
        Post {
            id: 3,
            author_id: 2,
            title: "three".into(),
            views: -big,
        },
    ]));
    db
}

#[test]
fn insert_returning_and_codecs() {
    let db = Db::new();
    let back: Vec<User> = db.all(insert(&ann()).returning());
    let mut want = ann();
    want.id = Some(1);
    want.admin = Some(false);
    assert_eq!(back, vec![want.clone()]);
    let read: Vec<User> = db.all(select::<User>().filter(|u| u.name.eq("ann")));
    assert_eq!(read, vec![want]);
    // The timestamp column stores seconds, as drizzle's `mode: 'timestamp'`.
    let raw: i64 =
        db.0.query_row("select created_at from users", [], |r| r.get(0))
            .unwrap();
    assert_eq!(raw, 1_700_000_000);
    let iso: Vec<(String,)> = db.all(select::<User>().columns(|u| (u.created,)));
    assert_eq!(iso[0].0, "2023-11-14T22:13:20.000Z");
}

#[test]
fn big_integers_stay_exact() {
    let db = seeded();
    let big = (1i64 << 53) + 1;
    let stored: i64 =
        db.0.query_row("select views from posts where id = 1", [], |r| r.get(0))
            .unwrap();
    assert_eq!(
        stored, big,
        "bound as text cast to an integer, not a rounded number"
    );
    let views: Vec<i64> = db.all(
        select::<Post>()
            .columns(|p| p.views)
            .order_by(|p| p.id.asc()),
    );
    assert_eq!(views, vec![big, 5, -big]);
    let found: Vec<Post> = db.all(select::<Post>().filter(|p| p.views.eq(big)));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, 1);
}

#[test]
fn filters_order_limit_and_aggregates() {
    let db = seeded();
    let names: Vec<String> = db.all(
        select::<User>()
            .columns(|u| u.name)
            .filter(|u| u.karma.gt(0) & (u.email.is_null() | u.name.like("a%")))
            .order_by(|u| u.name.desc())
            .limit(5),
    );
    assert_eq!(names, vec!["bo", "ann"]);
    let none: Vec<String> = db.all(
        select::<User>()
            .columns(|u| u.name)
            .filter(|u| u.id.in_list(Vec::<i64>::new())),
    );
    assert!(none.is_empty());
    #[derive(Deserialize, Debug, PartialEq)]
    struct PerAuthor {
        author_id: i64,
        count: i64,
        views: Option<i64>,
    }
    let per: Vec<PerAuthor> = db.all(
        select::<Post>()
            .columns(|p| (p.author_id, count(), p.views.max().named("views")))
            .group_by(|p| p.author_id)
            .having(|_| count().gt(0))
            .order_by(|p| p.author_id.asc()),
    );
    assert_eq!(
        per,
        vec![
            PerAuthor {
                author_id: 1,
                count: 2,
                views: Some((1 << 53) + 1)
            },
            PerAuthor {
                author_id: 2,
                count: 1,
                views: Some(-(1 << 53) - 1)
            },
        ]
    );
    let n: Vec<i64> = db.all(select::<User>().columns(|_| count()));
    assert_eq!(n, vec![2]);
    let shout: Vec<String> = db.all(
        select::<User>()
            .columns(|u| sql("upper(").ex(u.name).push(")").typed::<String>("shout"))
            .limit(1),
    );
    assert_eq!(shout, vec!["ANN"]);
    // An integer in raw SQL is cast: the hosts bind JS numbers, REAL to SQLite (this harness too).
    let halves: Vec<(String, f64)> = db.all(select::<User>().limit(1).columns(|_| {
        (
            sql("typeof(").value(7).push(" / 2)").typed::<String>("t"),
            sql("").value(7).push(" / 2").typed::<f64>("v"),
        )
    }));
    assert_eq!(halves, vec![("integer".to_string(), 3.0)]);
}

#[test]
fn joins_decode_by_table() {
    let db = seeded();
    db.run(insert(&User {
        name: "cy".into(),
        ..ann()
    }));
    let rows: Vec<(User, Option<Post>)> = db.all(
        select::<User>()
            .left_join::<Post>(|(u, p)| p.author_id.eq(u.id))
            .order_by(|(u, p)| (u.id.asc(), p.id.asc())),
    );
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].1.as_ref().map(|p| p.title.as_str()), Some("one"));
    assert_eq!(rows[3].0.name, "cy");
    assert_eq!(rows[3].1, None, "no post: the joined table's part is None");
    #[derive(Deserialize)]
    struct Named {
        users: User,
        posts: Post,
    }
    let named: Vec<Named> = db.all(
        select::<User>()
            .inner_join::<Post>(|(u, p)| p.author_id.eq(u.id))
            .filter(|(_, p)| p.id.eq(3)),
    );
    assert_eq!(named.len(), 1);
    assert_eq!(
        (named[0].users.name.as_str(), named[0].posts.title.as_str()),
        ("bo", "three")
    );
}

#[test]
fn update_upsert_delete() {
    let db = seeded();
    let up: Vec<User> = db.all(
        update::<User>()
            .set(|u| (u.karma.to(u.karma.plus(10)), u.admin.to(true)))
            .filter(|u| u.name.eq("ann"))
            .returning(),
    );
    assert_eq!((up[0].karma, up[0].admin), (13, Some(true)));
    db.run(
        insert(&User {
            karma: 100,
            ..ann()
        })
        .on_conflict_do_update(|u| u.name, |u| u.karma.to(excluded(u.karma)))
        .update_where(|u| u.karma.lt(50)),
    );
    let karma: Vec<i32> = db.all(
        select::<User>()
            .columns(|u| u.karma)
            .filter(|u| u.name.eq("ann")),
    );
    assert_eq!(karma, vec![100]);
    db.run(insert(&ann()).on_conflict_do_nothing());
    let gone: Vec<Post> = db.all(delete::<Post>().filter(|p| p.author_id.eq(2)).returning());
    assert_eq!(gone.iter().map(|p| p.id).collect::<Vec<_>>(), vec![3]);
    assert!(matches!(
        update::<User>().build(),
        Err(Error::Invalid(m)) if m.contains("nothing to set")
    ));
}

#[test]
fn relational_queries_nest_in_one_statement() {
    let db = seeded();
    #[derive(Deserialize, Debug)]
    struct PostWithAuthor {
        title: String,
        views: i64,
        author: Option<User>,
    }
    #[derive(Deserialize, Debug)]
    struct UserWithPosts {
        name: String,
        avatar: Option<Vec<u8>>,
        prefs: Json<Prefs>,
        admin: Option<bool>,
        posts: Vec<PostWithAuthor>,
    }
    let q = find_many::<User>()
        .order_by(|u| u.id.asc())
        .with_many::<Post>(
            "posts",
            |u, p| on(u.id, p.author_id),
            |posts| {
                posts.order_by(|p| p.id.desc()).with_one::<User>(
                    "author",
                    |p, a| on(p.author_id, a.id),
                    |a| a,
                )
            },
        );
    let s = q.build().unwrap();
    assert_eq!(
        s.render(DialectKind::Sqlite)
            .unwrap()
            .sql
            .matches("select")
            .count(),
        4,
        "one statement"
    );
    let (_, rows) = db.cells(&s).unwrap();
    let users: Vec<UserWithPosts> = rows.iter().map(|r| row(r, &s.shape).unwrap()).collect();
    assert_eq!(users.len(), 2);
    assert_eq!(users[0].name, "ann");
    assert_eq!(users[0].avatar, Some(vec![0, 255, 7]));
    assert_eq!(users[0].prefs.0.tags, vec!["a", "b"]);
    assert_eq!(users[0].admin, Some(false));
    let titles: Vec<_> = users[0].posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, vec!["two", "one"]);
    assert_eq!(
        users[0].posts[1].views,
        (1 << 53) + 1,
        "exact inside nested JSON"
    );
    let author = users[0].posts[0].author.as_ref().unwrap();
    assert_eq!(
        (
            author.name.as_str(),
            author.avatar.as_deref(),
            author.created
        ),
        (
            "ann",
            Some(&[0u8, 255, 7][..]),
            Timestamp(1_700_000_000_000)
        )
    );
    assert!(users[1].avatar.is_none());
}

#[test]
fn relational_columns_pick_the_fields_of_each_level() {
    let db = seeded();
    #[derive(Deserialize, Debug, PartialEq)]
    struct Slim {
        name: String,
        posts: Vec<(String, i64)>,
    }
    let q = find_many::<User>()
        .columns(|u| u.name)
        .order_by(|u| u.id.asc())
        .with_many::<Post>(
            "posts",
            |u, p| on(u.id, p.author_id),
            |p| p.columns(|p| (p.title, p.views)).order_by(|p| p.id.asc()),
        );
    let s = q.build().unwrap();
    let sql = s.render(DialectKind::Sqlite).unwrap().sql;
    assert!(
        !sql.contains("avatar") && !sql.contains("\"author_id\" as"),
        "{sql}"
    );
    let (_, rows) = db.cells(&s).unwrap();
    let got: Vec<Slim> = rows.iter().map(|r| row(r, &s.shape).unwrap()).collect();
    assert_eq!(
        got,
        vec![
            Slim {
                name: "ann".into(),
                posts: vec![("one".into(), (1 << 53) + 1), ("two".into(), 5)]
            },
            Slim {
                name: "bo".into(),
                posts: vec![("three".into(), -(1 << 53) - 1)]
            },
        ]
    );
}

#[test]
fn inserts_split_at_the_parameter_limit() {
    let db = Db::new();
    let rows: Vec<Post> = (0..70)
        .map(|i| Post {
            id: i,
            author_id: 1,
            title: format!("t{i}"),
            views: i,
        })
        .collect();
    db.run(insert(&ann()));
    let parts = insert_many(&rows).build_all(Some(100)).unwrap();
    // 4 values a row: 25 rows a statement.
    assert_eq!(parts.len(), 3);
    for p in &parts {
        assert!(p.render(DialectKind::Sqlite).unwrap().params.len() <= 100);
    }
    db.run(insert_many(&rows));
    let n: Vec<i64> = db.all(select::<Post>().columns(|_| count()));
    assert_eq!(n, vec![70]);
    let mixed = [
        ann(),
        User {
            id: Some(9),
            ..ann()
        },
    ];
    assert!(
        matches!(insert_many(&mixed).build(), Err(Error::Invalid(m)) if m.contains("left to its default"))
    );
}

#[test]
fn decode_errors_are_typed() {
    let db = seeded();
    let s = select::<User>()
        .columns(|u| (u.name, u.karma))
        .build()
        .unwrap();
    let (_, rows) = db.cells(&s).unwrap();
    let e = row::<i64>(&rows[0], &s.shape).unwrap_err();
    assert!(e.0.contains("2 columns"), "{e}");
    let e = row::<(i64, i32)>(&rows[0], &s.shape).unwrap_err();
    assert!(e.0.starts_with("`name`: invalid type"), "{e}");
}

/// A rusqlite connection as a migrations host: `atomic` in a transaction, the failing index reported.
impl MigrationHost for Db {
    async fn rows(&self, sql: &str) -> Result<(Vec<String>, Vec<Vec<Cell>>), Error> {
        self.cells(&Statement::raw(sql, Default::default()))
            .map_err(host)
    }
    async fn run(&self, sql: &str) -> Result<(), Error> {
        self.0.execute_batch(sql).map_err(host)
    }
    async fn atomic(&self, statements: &[String]) -> Result<(), (Option<usize>, Error)> {
        self.0.execute_batch("begin").map_err(|e| (None, host(e)))?;
        for (i, s) in statements.iter().enumerate() {
            if let Err(e) = self.0.execute_batch(s) {
                self.0.execute_batch("rollback").ok();
                return Err((Some(i), host(e)));
            }
        }
        self.0.execute_batch("commit").map_err(|e| (None, host(e)))
    }
}

fn host(e: rusqlite::Error) -> Error {
    Error::Host {
        message: e.to_string(),
        code: None,
    }
}

/// Polls a future that is ready at once (the rusqlite host never waits).
fn ready<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("the host waited"),
    }
}

#[test]
fn migrations_embedded_and_applied_as_drizzle_tracks_them() {
    let db = Db(rusqlite::Connection::open_in_memory().unwrap());
    let folder = migrations!("../tests/migrations/fixtures/sqlite");
    let r = ready(migrate(&db, &folder, Target::of(DialectKind::Sqlite))).unwrap();
    assert_eq!(r.applied.len(), 4);
    let hashes: Vec<String> =
        db.0.prepare("select hash from __drizzle_migrations order by created_at")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
    assert_eq!(hashes.len(), 4);
    assert_eq!(
        hashes[0],
        mizzle_core::migrations::sha256_hex(include_str!(
            "../../tests/migrations/fixtures/sqlite/0000_init.sql"
        ))
    );
    let again = ready(migrate(&db, &folder, Target::of(DialectKind::Sqlite))).unwrap();
    assert_eq!((again.applied.len(), again.already_applied), (0, 4));
}

#[test]
fn a_failing_migration_applies_nothing() {
    let db = Db(rusqlite::Connection::open_in_memory().unwrap());
    const BAD: mizzle_workers::migrate::Migrations =
        mizzle_workers::migrate::Migrations::Wrangler(&[
            ("0001_a.sql", "create table a (id integer);"),
            (
                "0002_b.sql",
                "create table b (id integer);\ninsert into nope values (1);",
            ),
        ]);
    let e = ready(migrate(&db, &BAD, Target::of(DialectKind::Sqlite))).unwrap_err();
    let Error::Migration { kind, message } = e else {
        panic!("{e:?}")
    };
    assert_eq!(kind, "migration_failed");
    assert!(
        message.contains("0002_b.sql failed at statement 2 of 2"),
        "{message}"
    );
    let tables: i64 =
        db.0.query_row(
            "select count(*) from sqlite_master where name in ('a', 'b')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0, "rolled back");
}
