//! Schema snapshots as drizzle-kit 0.31 writes them (`meta/NNNN_snapshot.json`):
//! SQLite v6, PostgreSQL v7, MySQL v5, read into a typed model per dialect
//! and written back byte for byte (`JSON.stringify(snapshot, null, 2)`, no
//! trailing newline, keys in the order drizzle-kit's serializer emits them).
//! This is the previous state the schema differ (issue 16) starts from.
//!
//! Entity maps are [`Keyed`] (ordered as in the file). Anything drizzle-kit
//! types as `any` (column defaults, index `with`) stays JSON, numbers with
//! their text. Unknown fields are refused ([`SnapshotErrorKind::Unknown`])
//! rather than dropped, as drizzle-kit's strict schemas do.
//!
//! ```
//! use mizzle_core::snapshot::{read, write, Snapshot};
//! let text = r#"{
//!   "version": "6",
//!   "dialect": "sqlite",
//!   "id": "a",
//!   "prevId": "00000000-0000-0000-0000-000000000000",
//!   "tables": {},
//!   "views": {},
//!   "enums": {},
//!   "_meta": {
//!     "schemas": {},
//!     "tables": {},
//!     "columns": {}
//!   },
//!   "internal": {
//!     "indexes": {}
//!   }
//! }"#;
//! let snapshot = read(text).unwrap();
//! assert!(matches!(snapshot, Snapshot::Sqlite(_)));
//! assert_eq!(write(&snapshot), text);
//! ```

mod error;
mod fields;
mod json;
mod keyed;
mod mysql;
mod postgres;
mod shared;
mod sqlite;

use alloc::string::{String, ToString};

use serde_json::Value as Json;

pub use error::{SnapshotError, SnapshotErrorKind};
pub use keyed::Keyed;
pub use mysql::{MySqlColumn, MySqlIndex, MySqlKey, MySqlSnapshot, MySqlTable, MySqlView};
pub use postgres::{
    PgColumn, PgEnum, PgIdentity, PgIndex, PgIndexColumn, PgKey, PgPolicy, PgRole, PgSequence,
    PgSnapshot, PgTable, PgUnique, PgView,
};
pub use shared::{Check, ForeignKey, Generated, Internal, InternalColumn, InternalColumns, Meta};
pub use sqlite::{
    SqliteColumn, SqliteIndex, SqlitePrimaryKey, SqliteSnapshot, SqliteTable, SqliteUnique,
    SqliteView,
};

use json::Fields;

/// The key order a file was written in. drizzle-kit 0.31 writes a snapshot
/// either from its serializer (`generate`) or, for `generate --custom`, the
/// previous snapshot as its zod schema parsed it, which reorders every
/// object's keys to the schema's shape (`id`, `prevId` first). A snapshot
/// read keeps its layout, so either writes back byte for byte.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// `drizzle-kit generate`'s order (what a new snapshot is written in).
    #[default]
    Generated,
    /// The zod schema's order (`generate --custom`).
    Parsed,
}

/// The `prevId` of a folder's first snapshot: the empty database's id.
pub const EMPTY_ID: &str = "00000000-0000-0000-0000-000000000000";

/// One snapshot file, by dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Snapshot {
    Sqlite(SqliteSnapshot),
    Postgres(PgSnapshot),
    MySql(MySqlSnapshot),
}

impl Snapshot {
    pub fn id(&self) -> &str {
        match self {
            Snapshot::Sqlite(s) => &s.id,
            Snapshot::Postgres(s) => &s.id,
            Snapshot::MySql(s) => &s.id,
        }
    }

    /// Sets the `id` and `prevId` a folder's writer chose.
    pub fn set_ids(&mut self, id: &str, prev_id: &str) {
        let (i, p) = match self {
            Snapshot::Sqlite(s) => (&mut s.id, &mut s.prev_id),
            Snapshot::Postgres(s) => (&mut s.id, &mut s.prev_id),
            Snapshot::MySql(s) => (&mut s.id, &mut s.prev_id),
        };
        *i = id.into();
        *p = prev_id.into();
    }

    /// Sets the key order the snapshot is written in (`generate --custom`
    /// writes the previous snapshot in [`Layout::Parsed`], as drizzle-kit).
    pub fn set_layout(&mut self, layout: Layout) {
        match self {
            Snapshot::Sqlite(s) => s.layout = layout,
            Snapshot::Postgres(s) => s.layout = layout,
            Snapshot::MySql(s) => s.layout = layout,
        }
    }

    /// Records renames in `_meta` as drizzle-kit does (`"old"` -> `"new"`,
    /// `"table"."old"` -> `"table"."new"`), so that the next generate of a
    /// tool that reads them knows.
    pub fn record_renames(&mut self, renames: &[crate::differ::Rename]) {
        let meta = match self {
            Snapshot::Sqlite(s) => &mut s.meta,
            Snapshot::Postgres(s) => &mut s.meta,
            Snapshot::MySql(s) => &mut s.meta,
        };
        for r in renames {
            match &r.table {
                None => meta.tables.insert(
                    alloc::format!("\"{}\"", r.from),
                    alloc::format!("\"{}\"", r.to),
                ),
                Some(t) => meta.columns.insert(
                    alloc::format!("\"{t}\".\"{}\"", r.from),
                    alloc::format!("\"{t}\".\"{}\"", r.to),
                ),
            }
        }
    }

    pub fn prev_id(&self) -> &str {
        match self {
            Snapshot::Sqlite(s) => &s.prev_id,
            Snapshot::Postgres(s) => &s.prev_id,
            Snapshot::MySql(s) => &s.prev_id,
        }
    }
}

/// Reads a snapshot file's text. Never panics: anything else than a
/// drizzle-kit 0.31 snapshot of the three dialects is a [`SnapshotError`]
/// naming the place.
pub fn read(text: &str) -> Result<Snapshot, SnapshotError> {
    let value: Json = serde_json::from_str(text).map_err(|e| {
        SnapshotError::new(
            "",
            SnapshotErrorKind::Syntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            },
        )
    })?;
    let mut f = Fields::new(&value, "")?;
    let dialect = f.str("dialect")?;
    let version = f.str("version")?;
    type ReadRest = fn(&mut Fields, Layout) -> json::Result<Snapshot>;
    let (expected, read_rest): (&'static str, ReadRest) = match dialect.as_str() {
        "sqlite" => ("6", |f, l| SqliteSnapshot::read(f, l).map(Snapshot::Sqlite)),
        "postgresql" => ("7", |f, l| PgSnapshot::read(f, l).map(Snapshot::Postgres)),
        "mysql" => ("5", |f, l| MySqlSnapshot::read(f, l).map(Snapshot::MySql)),
        _ => {
            let kind = SnapshotErrorKind::Dialect(dialect);
            return Err(SnapshotError::new("dialect", kind));
        }
    };
    if version != expected {
        let kind = SnapshotErrorKind::Version {
            expected,
            found: version,
        };
        return Err(SnapshotError::new("version", kind));
    }
    let snapshot = read_rest(&mut f, layout_of(&value, &dialect))?;
    f.done()?;
    Ok(snapshot)
}

/// The layout, from the top level's key order: drizzle-kit's serializer puts
/// `version` before `id` (SQLite, MySQL) and `sequences` before `views`
/// (PostgreSQL, which starts with `id` either way); the zod shape the reverse.
fn layout_of(value: &Json, dialect: &str) -> Layout {
    let Json::Object(map) = value else {
        return Layout::Generated;
    };
    let at = |key: &str| map.keys().position(|k| k == key);
    let parsed = match dialect {
        "postgresql" => matches!((at("views"), at("sequences")), (Some(v), Some(s)) if v < s),
        _ => matches!((at("id"), at("version")), (Some(i), Some(v)) if i < v),
    };
    if parsed {
        Layout::Parsed
    } else {
        Layout::Generated
    }
}

/// The file drizzle-kit would write for `snapshot`, in its [`Layout`].
pub fn write(snapshot: &Snapshot) -> String {
    let json = match snapshot {
        Snapshot::Sqlite(s) => s.write(),
        Snapshot::Postgres(s) => s.write(),
        Snapshot::MySql(s) => s.write(),
    };
    // serde_json's pretty form is JSON.stringify(v, null, 2)'s: two-space
    // indent, `": "`, `{}` / `[]` when empty, the same string escapes.
    alloc::format!("{json:#}")
}
