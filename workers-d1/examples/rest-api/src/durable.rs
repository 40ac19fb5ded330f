//! The Durable Object `Accounts`: its own SQLite, used synchronously (a Durable Object's storage is),
//! with the same user routes as the D1 Worker and a transfer between accounts in one transaction.

use mizzle_workers::migrate::Migrations;
use mizzle_workers::prelude::*;
use mizzle_workers::DurableSql;
use serde::Deserialize;
use serde_json::json;
use worker::*;

use crate::queries;
use crate::reply::{body, bulk_args, fail, ok};
use crate::schema::{Account, Post, Session, Stats, User, UserWithPosts};

/// The object's own table, in wrangler's flat layout.
const ACCOUNTS: Migrations = migrations!("do-migrations");

#[durable_object]
pub struct Accounts {
    sql: DurableSql,
}

#[derive(Deserialize)]
struct Transfer {
    from: i64,
    to: i64,
    amount: i64,
}

impl DurableObject for Accounts {
    fn new(state: State, _env: Env) -> Self {
        Accounts {
            sql: DurableSql::new(&state.storage()),
        }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let path = req.path();
        // /do/<name>/<rest...>
        let rest: Vec<&str> = path.split('/').skip(3).collect();
        let db = &self.sql;
        match (req.method(), rest.as_slice()) {
            (Method::Post, ["migrate"]) => {
                let r = db
                    .migrate(&crate::MIGRATIONS)
                    .and_then(|a| Ok((a, db.migrate(&ACCOUNTS)?)));
                ok(r.map(|(a, b)| json!({ "applied": ([a.applied, b.applied].concat()) })))
            }
            (Method::Post, ["users"]) => {
                let user: User = body(&mut req).await?;
                ok(db.get::<User>(insert(&user).returning()))
            }
            (Method::Get, ["users"]) => {
                ok(db.all::<User>(select::<User>().order_by(|u| u.id.asc())))
            }
            (Method::Get, ["users", id]) => {
                let id: i64 = id.parse().unwrap_or(-1);
                // No row must answer 404, not hang (the `worker` crate's `SqlCursor::one()` would).
                match db.get::<User>(select::<User>().filter(|u| u.id.eq(id))) {
                    Ok(None) => fail(404, "not_found", "no such user"),
                    r => ok(r),
                }
            }
            (Method::Post, ["users", id, "posts"]) => {
                let mut post: Post = body(&mut req).await?;
                post.author_id = id.parse().unwrap_or(-1);
                ok(db.get::<Post>(insert(&post).returning()))
            }
            (Method::Post, ["users", id, "posts", "bulk"]) => {
                let (count, views) = bulk_args(&req)?;
                let posts = queries::posts_for(id.parse().unwrap_or(-1), count, views);
                ok(db
                    .run(insert_many(&posts))
                    .map(|m| json!({ "changes": m.changes })))
            }
            (Method::Get, ["feed"]) => ok(db.all::<UserWithPosts>(queries::feed())),
            (Method::Get, ["stats"]) => ok(db.all::<Stats>(queries::stats())),
            (Method::Get, ["types", name]) => ok(db
                .all::<(String, String, String, String, String)>(queries::stored_types(
                    (*name).to_owned(),
                ))),
            (Method::Post, ["accounts"]) => {
                let a: Account = body(&mut req).await?;
                ok(db.get::<Account>(insert(&a).returning()))
            }
            (Method::Get, ["accounts"]) => {
                ok(db.all::<Account>(select::<Account>().order_by(|a| a.id.asc())))
            }
            (Method::Post, ["sessions"]) => {
                let session: Session = body(&mut req).await?;
                ok(db.get::<Session>(insert(&session).returning()))
            }
            (Method::Post, ["users", id, "posts", "bulk-in-transaction"]) => {
                // An insert over 100 parameters (itself one transaction) inside a transaction that then fails:
                // everything rolls back.
                let (n, views) = bulk_args(&req)?;
                let posts = queries::posts_for(id.parse().unwrap_or(-1), n, views);
                let r = db.transaction(move |tx| {
                    tx.run(insert_many(&posts))?;
                    Err::<(), _>(mizzle_workers::Error::Invalid(
                        "refused after the insert".into(),
                    ))
                });
                let left = db.all::<i64>(select::<Post>().columns(|_| count()));
                ok(left.map(|n| json!({ "error": r.err().map(|e| e.to_string()), "posts": n })))
            }
            (Method::Post, ["transfer"]) => {
                let t: Transfer = body(&mut req).await?;
                // Credit first, then debit: a debit below zero fails the CHECK and the credit rolls back.
                let r = db.transaction(move |tx| {
                    tx.run(
                        update::<Account>()
                            .set(|a| a.balance.to(a.balance.plus(t.amount)))
                            .filter(|a| a.id.eq(t.to)),
                    )?;
                    tx.run(
                        update::<Account>()
                            .set(|a| a.balance.to(a.balance.minus(t.amount)))
                            .filter(|a| a.id.eq(t.from)),
                    )?;
                    Ok(())
                });
                ok(
                    r.and_then(|()| {
                        db.all::<Account>(select::<Account>().order_by(|a| a.id.asc()))
                    }),
                )
            }
            _ => fail(404, "not_found", "no such route"),
        }
    }
}
