//! Test support: the engine's output executed on real SQLite, PostgreSQL and
//! MariaDB, with rows normalised to [`Cell`]s so one expectation serves all three.

pub mod cell;
pub mod db;
pub mod fixture;
pub mod harness;
pub mod http_post;
pub mod mysql_db;
pub mod postgres_db;
pub mod sqlite_db;

pub use cell::Cell;
pub use db::{connect_all, Db};
pub use harness::{Ctx, Harness};
