//! `mizzle-workers`: mizzle's engine for Rust Workers.
//!
//! Tables are declared once with `#[derive(Table)]`; queries are built with typed column handles
//! ([`query`]), rendered by the engine (`mizzle-core`), bound so that none of the `worker` crate's value
//! traps changes a value ([`bind`], `../shared/reference/workers-rs.md`), run on D1, a Durable
//! Object's SQLite, Neon or PlanetScale (features `neon`, `planetscale`), and their rows decoded into any `serde::Deserialize` type by the engine's codecs
//! ([`decode`]). Migrations folders are embedded at compile time ([`migrations!`]) and applied by the
//! engine's planner, tracked as drizzle tracks them ([`migrate`]). `workers-d1/README.md` has the whole API.
//!
//! ```ignore
//! use mizzle_workers::{prelude::*, D1};
//!
//! #[derive(Table, serde::Serialize, serde::Deserialize)]
//! #[mizzle(table = "users")]
//! struct User { #[mizzle(primary_key, auto_increment)] id: Option<i64>, name: String }
//!
//! let db = D1::new(env.d1("DB")?);
//! db.migrate(&migrations!("migrations")).await?;
//! db.run(insert(&User { id: None, name: "ann".into() })).await?;
//! let ann: Option<User> = db.get(select::<User>().filter(|u| u.name.eq("ann"))).await?;
//! ```

pub mod bind;
pub mod cell;
pub mod decode;
mod error;
pub mod expr;
#[cfg(target_arch = "wasm32")]
mod host;
pub mod migrate;
pub mod query;
pub mod random;
pub mod schema;
mod types;

pub use bind::{bind, Bound, Host};
pub use cell::Cell;
pub use error::Error;
#[cfg(target_arch = "wasm32")]
pub use host::{Batch, DurableSql, Meta, Results, D1};
#[cfg(all(target_arch = "wasm32", any(feature = "neon", feature = "planetscale")))]
pub use host::{Neon, PlanetScale};
pub use mizzle_core::Value;
// `Table` names both the trait and its derive (as `serde::Serialize` does).
pub use mizzle_workers_macros::{migrations, Table};
pub use schema::Table;
pub use types::{Json, Timestamp};

/// Everything a query needs in scope.
pub mod prelude {
    pub use crate::expr::{and, count, count_distinct, or, sql};
    pub use crate::migrations;
    pub use crate::query::{
        delete, excluded, find_first, find_many, insert, insert_many, on, select, select_from,
        update, Build,
    };
    pub use crate::{Json, Table, Timestamp};
}

/// The largest integer a JS number holds exactly (2^53 - 1): the hosts' limit both ways.
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;
