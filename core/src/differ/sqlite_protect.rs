//! Child rows kept through the differ's own rebuilds, in the SQL it writes:
//! `migrations::protect_rebuilds` (part 1's rewrite, which mizzle's migrator
//! applies to drizzle-kit's folders) run at generate time, with the previous
//! snapshot's foreign keys as the database's. A folder mizzle-kit writes is
//! then safe under every migrator: drizzle-orm's, drizzle-kit's, wrangler's
//! (none of which can turn foreign keys off inside their transaction).
//!
//! Names are those in force when a rebuild runs: tables under their new
//! names (renames run first), columns under their previous ones (a table's
//! own renames run with its change, after its parents').

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::matching::Matched;
use super::{Destructive, DiffError};
use crate::migrations::{protect_rebuilds, ForeignKey, SqliteSchema};
use crate::snapshot::SqliteSnapshot;

/// What `protect_rebuilds` puts first, and its marker of a protected migration.
const DEFER: &str = "PRAGMA defer_foreign_keys = ON";

pub(super) fn protect(
    statements: Vec<String>,
    destructive: &mut [Destructive],
    prev: &SqliteSnapshot,
    tables: &Matched,
) -> Result<Vec<String>, DiffError> {
    let now = |t: &str| String::from(tables.next_of(t).unwrap_or(t));
    let mut schema = SqliteSchema::default();
    for (name, t) in prev.tables.iter() {
        for (_, fk) in t.foreign_keys.iter() {
            for column in &fk.columns_from {
                schema.foreign_keys.push(ForeignKey {
                    child: now(name),
                    parent: now(&fk.table_to),
                    column: column.clone(),
                    on_delete: fk.on_delete.clone().unwrap_or_else(|| "no action".into()),
                });
            }
        }
        for (c, col) in t.columns.iter() {
            if col.generated.is_none() {
                schema.columns.push((now(name), c.into()));
            }
        }
    }
    let mut protected =
        protect_rebuilds(&statements, &schema).map_err(|e| DiffError::Name(e.to_string()))?;
    // A table dropped for good that references itself (RESTRICT) needs the
    // same deferral, or SQLite refuses the drop at once. (Other tables stop
    // referencing it before: children are dropped first, kept ones changed.)
    let referenced = |t: &String| {
        schema
            .foreign_keys
            .iter()
            .any(|f| f.parent == *t && f.child == *t)
    };
    let deferred = protected.first().is_some_and(|(s, _)| s == DEFER);
    if !deferred && tables.dropped.iter().any(referenced) {
        protected.insert(0, (DEFER.into(), None));
    }
    // Each flag follows its statement to its new place.
    for d in destructive.iter_mut() {
        if let Some(at) = protected.iter().position(|(_, i)| *i == Some(d.statement)) {
            d.statement = at;
        }
    }
    Ok(protected.into_iter().map(|(s, _)| s).collect())
}
