//! A migrations folder embedded in the Worker at compile time by [`crate::migrations!`].

use mizzle_core::migrations::{Folder, MigrationError};

/// A migrations folder's files as `migrations!("path")` embedded them (paths relative to the crate).
#[derive(Debug, Clone, Copy)]
pub enum Migrations {
    /// drizzle-kit 0.31: `meta/_journal.json`'s text and each `.sql` file as `(name without .sql, text)`.
    Journal {
        journal: &'static str,
        files: &'static [(&'static str, &'static str)],
    },
    /// drizzle-kit 1.0: `(folder name, migration.sql text)` per sub-folder.
    Nested(&'static [(&'static str, &'static str)]),
    /// `wrangler d1 migrations apply`'s flat files: `(file name with .sql, text)`.
    Wrangler(&'static [(&'static str, &'static str)]),
}

impl Migrations {
    /// The folder read by the engine (the same reader as the JS migrators').
    pub fn folder(&self) -> Result<Folder, MigrationError> {
        match *self {
            Migrations::Journal { journal, files } => Folder::journal(journal, files),
            Migrations::Nested(dirs) => Folder::nested(dirs),
            Migrations::Wrangler(files) => Folder::wrangler(files),
        }
    }

    /// Whether the folder is tracked in wrangler's `d1_migrations` rather than drizzle's table.
    pub fn is_wrangler(&self) -> bool {
        matches!(self, Migrations::Wrangler(_))
    }
}
