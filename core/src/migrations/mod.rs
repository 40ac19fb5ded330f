//! Migrations, part 1: drizzle-kit's migration folders (and wrangler's flat
//! `.sql` files, [`Folder::wrangler`]) read into an ordered list of
//! [`Migration`]s, matched against the rows of drizzle's (or wrangler's)
//! tracking table, and the statements a host runs to apply what is pending.
//!
//! Pure data in, statements or a typed [`MigrationError`] out; hosts read the
//! files (or a bundle), run the statements in their atomic unit and nothing
//! else. The rules, and where they differ from drizzle-orm's migrator, are in
//! `npm-package/README.md`, "Migrations".
//!
//! ```
//! use mizzle_core::migrations::{plan, Folder, History, Tracking};
//! use mizzle_core::DialectKind;
//! let journal = r#"{"version":"7","dialect":"sqlite","entries":[
//!   {"idx":0,"version":"6","when":1700000000000,"tag":"0000_init","breakpoints":true}]}"#;
//! let sql = "CREATE TABLE `t` (`id` integer);--> statement-breakpoint\nCREATE INDEX `i` ON `t` (`id`);";
//! let folder = Folder::journal(journal, &[("0000_init", sql)]).unwrap();
//! let p = plan(&folder, &History::default(), Default::default()).unwrap();
//! assert_eq!(p.pending.len(), 1);
//! assert_eq!(p.pending[0].statements.len(), 2);
//! let t = Tracking::new(DialectKind::Sqlite, None, None);
//! assert!(t.record(&p.pending[0], false).unwrap().starts_with("insert into \"__drizzle_migrations\""));
//! ```

mod error;
mod folder;
mod history;
mod rebuild;
mod sqlite_split;
mod squash;
mod statements;
mod tracking;
mod wrangler;

pub use error::MigrationError;
pub use folder::{sha256_hex, Folder, Migration};
pub use history::{plan, Accept, AppliedRow, History, Plan};
pub use rebuild::{protect_rebuilds, ForeignKey, SqliteSchema};
pub use sqlite_split::split_sqlite;
pub use squash::{replaced_by, squash_header, Replaced, SQUASH_PREFIX};
pub use statements::{is_blank, split_breakpoints};
pub use tracking::Tracking;
