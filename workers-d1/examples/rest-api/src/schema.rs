//! The example's tables, declared once in Rust as `schema.ts` declares them for drizzle (the migrations
//! folder drizzle-kit generated from it creates them), and the Durable Object's own `accounts`.

use mizzle_workers::{Json, Table, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    pub theme: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Table, Serialize, Deserialize)]
#[mizzle(table = "users")]
pub struct User {
    #[mizzle(primary_key, auto_increment)]
    pub id: Option<i64>,
    pub name: String,
    pub email: Option<String>,
    #[mizzle(default)]
    pub admin: Option<bool>,
    pub created_at: Timestamp,
    pub prefs: Json<Prefs>,
    pub avatar: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Table, Serialize, Deserialize)]
#[mizzle(table = "posts")]
pub struct Post {
    #[mizzle(primary_key, auto_increment)]
    pub id: Option<i64>,
    pub author_id: i64,
    pub title: String,
    pub views: i64,
}

#[derive(Debug, Clone, PartialEq, Table, Serialize, Deserialize)]
#[mizzle(table = "accounts")]
pub struct Account {
    #[mizzle(primary_key)]
    pub id: i64,
    pub owner: String,
    pub balance: i64,
}

/// A session of an account; its id is made in Rust when absent (`$defaultFn(() => uuidv7())`).
#[derive(Debug, Clone, PartialEq, Table, Serialize, Deserialize)]
#[mizzle(table = "sessions")]
pub struct Session {
    #[mizzle(primary_key, default_fn = mizzle_workers::random::uuid_v7)]
    pub id: Option<uuid::Uuid>,
    pub account_id: i64,
    #[mizzle(default_fn = Timestamp::now)]
    pub created_at: Option<Timestamp>,
}

/// A user with their posts, newest first (`db.query.users.findMany({ with: { posts: true } })`).
#[derive(Debug, Serialize, Deserialize)]
pub struct UserWithPosts {
    pub id: i64,
    pub name: String,
    pub admin: bool,
    pub created_at: Timestamp,
    pub prefs: Json<Prefs>,
    pub posts: Vec<PostWithAuthor>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PostWithAuthor {
    pub id: i64,
    pub title: String,
    pub views: i64,
    pub author: Option<Author>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    pub avatar: Option<Vec<u8>>,
}

/// Per-author figures (a join, `group by`, aggregates).
#[derive(Debug, Serialize, Deserialize)]
pub struct Stats {
    pub name: String,
    pub posts: i64,
    pub views: Option<i64>,
}
