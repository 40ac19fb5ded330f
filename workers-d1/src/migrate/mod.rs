//! Migrations from Rust: drizzle-kit's folders embedded by [`crate::migrations!`], planned by the
//! engine's planner (`mizzle_core::migrations`) and applied in one atomic unit, tracked in drizzle's
//! `__drizzle_migrations` (or wrangler's `d1_migrations`) exactly as the JS migrators do, so a JS Worker
//! and a Rust Worker share one database and one folder.

mod folder;
mod run;

pub use folder::Migrations;
pub use run::{migrate, MigrationHost, MigrationResult, Target};
