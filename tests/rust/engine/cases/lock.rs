//! Row locking: FOR UPDATE / FOR SHARE (LOCK IN SHARE MODE on MySQL), NOWAIT,
//! SKIP LOCKED, OF tables. The locking selects run inside the case's
//! transaction and must still return their rows.

use mizzle_core::ast::{
    Expr, FromItem, Join, JoinKind, Lock, LockStrength, LockWait, OrderBy, Query, Select,
    SelectItem, TableRef,
};
use mizzle_core::{DialectKind, Feature};
use mizzle_tests::fixture::t;
use mizzle_tests::{rows, Harness};

use DialectKind::{MySql, Postgres, Sqlite};

fn lock(strength: LockStrength, of: &[&str], wait: LockWait) -> Lock {
    Lock {
        strength,
        of: of.iter().map(|s| s.to_string()).collect(),
        wait,
    }
}

/// `select users.name from users where users.age > 30 order by users.id <lock>` (ann, dee).
fn older_users(l: Lock) -> Query {
    let q = Query::select(Select {
        columns: vec![Expr::col("users", "name").into()],
        from: Some(FromItem::Table(t("users"))),
        where_: Some(Expr::col("users", "age").gt(Expr::val(30))),
        ..Default::default()
    })
    .order_by(vec![OrderBy::asc(Expr::col("users", "id"))]);
    Query { lock: Some(l), ..q }
}

/// Posts with their authors, `users` aliased `u`, locked with `l`.
fn posts_with_authors(l: Lock) -> Query {
    let s = Select {
        columns: vec![
            SelectItem::from(Expr::col("u", "name")),
            Expr::col("posts", "title").into(),
        ],
        from: Some(FromItem::Table(t("posts"))),
        joins: vec![Join {
            kind: JoinKind::Inner,
            lateral: false,
            target: FromItem::Table(TableRef::new("users").alias("u")),
            on: Some(Expr::col("u", "id").eq(Expr::col("posts", "author_id"))),
        }],
        where_: Some(Expr::col("posts", "views").ge(Expr::val(10))),
        ..Default::default()
    };
    Query {
        lock: Some(l),
        ..Query::select(s).order_by(vec![OrderBy::asc(Expr::col("posts", "id"))])
    }
}

/// The job-queue pattern: the first unpublished post, locked.
fn next_job(wait: LockWait) -> Query {
    let q = Query::select(Select {
        columns: vec![Expr::col("posts", "title").into()],
        from: Some(FromItem::Table(t("posts"))),
        where_: Some(Expr::col("posts", "views").lt(Expr::val(8))),
        ..Default::default()
    })
    .order_by(vec![OrderBy::asc(Expr::col("posts", "id"))])
    .limit(1);
    Query {
        lock: Some(lock(LockStrength::Update, &[], wait)),
        ..q
    }
}

pub fn run(h: &mut Harness) {
    use LockStrength::{KeyShare, NoKeyUpdate, Share, Update};
    use LockWait::{NoWait, SkipLocked, Wait};

    h.case("lock for update", &[Postgres, MySql], |c| {
        let q = older_users(lock(Update, &[], Wait));
        let sql = c.render(&q.clone().into())?.sql;
        c.check(sql.ends_with(" for update"), || sql.clone())?;
        c.assert_rows(q, rows![["ann"], ["dee"]])
    });

    h.case("lock for update nowait", &[Postgres, MySql], |c| {
        c.assert_rows(
            older_users(lock(Update, &[], NoWait)),
            rows![["ann"], ["dee"]],
        )
    });

    h.case("lock for update skip locked", &[Postgres, MySql], |c| {
        c.assert_rows(
            older_users(lock(Update, &[], SkipLocked)),
            rows![["ann"], ["dee"]],
        )
    });

    h.case("lock with limit (job queue)", &[Postgres, MySql], |c| {
        c.assert_rows(next_job(SkipLocked), rows![["Draft"]])?;
        c.assert_rows(next_job(NoWait), rows![["Draft"]])
    });

    h.case("lock for share", &[Postgres, MySql], |c| {
        let q = older_users(lock(Share, &[], Wait));
        let sql = c.render(&q.clone().into())?.sql;
        let expected = if c.dialect() == MySql {
            " lock in share mode"
        } else {
            " for share"
        };
        c.check(sql.ends_with(expected), || sql.clone())?;
        c.assert_rows(q, rows![["ann"], ["dee"]])
    });

    h.case("lock for share nowait and skip locked", &[Postgres], |c| {
        c.assert_rows(
            older_users(lock(Share, &[], NoWait)),
            rows![["ann"], ["dee"]],
        )?;
        c.assert_rows(
            older_users(lock(Share, &[], SkipLocked)),
            rows![["ann"], ["dee"]],
        )
    });
    h.case(
        "lock for share with a wait policy unsupported",
        &[MySql],
        |c| {
            c.assert_unsupported(
                older_users(lock(Share, &[], NoWait)),
                Feature::LockWaitPolicy,
            )?;
            c.assert_unsupported(
                older_users(lock(Share, &[], SkipLocked)),
                Feature::LockWaitPolicy,
            )
        },
    );

    h.case("lock no key update and key share", &[Postgres], |c| {
        c.assert_rows(
            older_users(lock(NoKeyUpdate, &[], Wait)),
            rows![["ann"], ["dee"]],
        )?;
        c.assert_rows(
            older_users(lock(KeyShare, &[], NoWait)),
            rows![["ann"], ["dee"]],
        )
    });
    h.case(
        "lock no key update and key share unsupported",
        &[MySql],
        |c| {
            c.assert_unsupported(
                older_users(lock(NoKeyUpdate, &[], Wait)),
                Feature::RowLocking,
            )?;
            c.assert_unsupported(older_users(lock(KeyShare, &[], Wait)), Feature::RowLocking)
        },
    );

    h.case("lock of tables", &[Postgres], |c| {
        // OF names the table as the query calls it: the alias `u`, or `posts`.
        c.assert_rows(
            posts_with_authors(lock(Update, &["u"], Wait)),
            rows![["ann", "Hello world"], ["ann", "Ownership"]],
        )?;
        c.assert_rows(
            posts_with_authors(lock(Share, &["posts", "u"], SkipLocked)),
            rows![["ann", "Hello world"], ["ann", "Ownership"]],
        )?;
        c.assert_rows(
            older_users(lock(Update, &["users"], NoWait)),
            rows![["ann"], ["dee"]],
        )
    });
    h.case(
        "lock of a table that is not in the query is refused",
        &[Postgres],
        |c| c.assert_db_error(older_users(lock(Update, &["posts"], Wait))),
    );
    h.case("lock of tables unsupported", &[MySql], |c| {
        c.assert_unsupported(
            posts_with_authors(lock(Update, &["u"], Wait)),
            Feature::LockOfTables,
        )?;
        c.assert_unsupported(
            older_users(lock(Share, &["users"], Wait)),
            Feature::LockOfTables,
        )
    });

    h.case("lock on a join", &[Postgres, MySql], |c| {
        c.assert_rows(
            posts_with_authors(lock(Update, &[], Wait)),
            rows![["ann", "Hello world"], ["ann", "Ownership"]],
        )
    });

    h.case("lock unsupported", &[Sqlite], |c| {
        c.assert_unsupported(older_users(lock(Update, &[], Wait)), Feature::RowLocking)?;
        c.assert_unsupported(older_users(lock(Share, &[], Wait)), Feature::RowLocking)?;
        c.assert_unsupported(
            older_users(lock(Update, &[], SkipLocked)),
            Feature::RowLocking,
        )?;
        c.assert_unsupported(
            posts_with_authors(lock(Update, &["u"], NoWait)),
            Feature::RowLocking,
        )
    });
}
