//! The example's statements, shared by the D1 routes and the Durable Object: built once, run on either.

use mizzle_workers::prelude::*;
use mizzle_workers::query::{Find, Select};

use crate::schema::{Post, User};

/// Every user with their posts (newest first), each post with its author: one statement, reading only the
/// fields `UserWithPosts` has (drizzle's `columns`).
pub fn feed() -> Find<User> {
    find_many::<User>()
        .columns(|u| (u.id, u.name, u.admin, u.created_at, u.prefs))
        .order_by(|u| u.id.asc())
        .with_many::<Post>(
            "posts",
            |u, p| on(u.id, p.author_id),
            |posts| {
                posts
                    .columns(|p| (p.id, p.title, p.views))
                    .order_by(|p| p.id.desc())
                    .with_one::<User>(
                        "author",
                        |p, a| on(p.author_id, a.id),
                        |a| a.columns(|a| (a.name, a.avatar)),
                    )
            },
        )
}

/// Posts and total views per author, authors without posts included.
pub fn stats() -> Select<(User, Post)> {
    select::<User>()
        .left_join::<Post>(|(u, p)| p.author_id.eq(u.id))
        .columns(|(u, p)| {
            (
                u.name,
                p.id.count().named("posts"),
                p.views.sum().named("views"),
            )
        })
        .group_by(|(u, _)| u.id)
        .order_by(|(u, _)| u.id.asc())
}

/// What SQLite stored for a user's columns (`typeof`), to show no value changed type on the way in.
pub fn stored_types(name: String) -> Select<User> {
    select::<User>()
        .columns(|u| {
            (
                sql("typeof(")
                    .ex(u.admin)
                    .push(")")
                    .typed::<String>("admin"),
                sql("typeof(")
                    .ex(u.created_at)
                    .push(")")
                    .typed::<String>("created_at"),
                sql("typeof(")
                    .ex(u.avatar)
                    .push(")")
                    .typed::<String>("avatar"),
                sql("typeof(")
                    .ex(u.email)
                    .push(")")
                    .typed::<String>("email"),
                // An integer in raw SQL: bound as a JS number, read as REAL unless cast.
                sql("typeof(")
                    .value(7)
                    .push(" / 2)")
                    .typed::<String>("seven_halves"),
            )
        })
        .filter(move |u| u.name.eq(name))
}

/// `count` posts for `author` with `views` as given (an insert over the 100-parameter limit when large).
pub fn posts_for(author: i64, count: usize, views: i64) -> Vec<Post> {
    (0..count)
        .map(|i| Post {
            id: None,
            author_id: author,
            title: format!("bulk {i}"),
            views,
        })
        .collect()
}
