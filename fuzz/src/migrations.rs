//! Target `migrations`: drizzle-kit folders (and wrangler's flat files), the
//! tracking table's rows and a SQLite schema from bytes, through core's
//! migrations module (folder readers, SQLite statement splitter, planner,
//! rebuild protection, tracking-table SQL), and drizzle-kit's snapshots
//! (`mizzle_core::snapshot`): the journal and every file text are also read as one.

use mizzle_core::migrations::{
    plan, split_sqlite, Accept, AppliedRow, Folder, ForeignKey, History, SqliteSchema, Tracking,
};
use mizzle_core::{snapshot, DialectKind};

/// Field separator, and the end of a list of fields.
const SEP: char = '\0';
const END: &str = "\u{1}";

/// `[mode][fields, NUL-separated]`: the journal text (ignored for 1.0
/// folders), then `name, text` pairs up to a field `\x01`, then rows as
/// `hash|created_at|name` up to `\x01`, then foreign keys
/// `child|parent|column|on_delete` up to `\x01`, then columns `table|column`.
/// `mode % 3` picks the layout (journal, bundle, 1.0 folders; with bit 7 set,
/// 1.0 folders become wrangler's flat files, tracked in `d1_migrations`), bit 2
/// and 3 the `accept` flags, `(mode >> 4) % 3` the dialect of the tracking SQL.
/// The journal text also goes through the SQLite splitter on its own.
pub fn migrations(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut fields = text.split(SEP);
    let journal = fields.next().unwrap_or("");
    let mut until_end = || {
        let mut out = Vec::new();
        for f in fields.by_ref() {
            if f == END {
                break;
            }
            out.push(f);
        }
        out
    };
    let files: Vec<(&str, &str)> = until_end()
        .chunks(2)
        .map(|p| (p[0], p.get(1).copied().unwrap_or("")))
        .collect();
    let rows: Vec<AppliedRow> = until_end()
        .into_iter()
        .map(|r| {
            let mut p = r.split('|');
            AppliedRow {
                hash: p.next().unwrap_or("").into(),
                created_at: p.next().and_then(|c| c.parse().ok()),
                name: p.next().map(Into::into),
            }
        })
        .collect();
    let foreign_keys = until_end()
        .into_iter()
        .map(|f| {
            let mut p = f.split('|').map(String::from);
            ForeignKey {
                child: p.next().unwrap_or_default(),
                parent: p.next().unwrap_or_default(),
                column: p.next().unwrap_or_default(),
                on_delete: p.next().unwrap_or_default(),
            }
        })
        .collect();
    let columns = until_end()
        .into_iter()
        .map(|c| {
            let (t, c) = c.split_once('|').unwrap_or((c, ""));
            (t.into(), c.into())
        })
        .collect();
    splits_in_order(journal);
    snapshot_round_trips(journal);
    files
        .iter()
        .for_each(|(_, text)| snapshot_round_trips(text));
    let wrangler = mode % 3 == 2 && mode & 0x80 != 0;
    let folder = match mode % 3 {
        0 => Folder::journal(journal, &files),
        1 => Folder::bundle(journal, &files),
        _ if wrangler => Folder::wrangler(&files),
        _ => Folder::nested(&files),
    };
    let Ok(folder) = folder else {
        return;
    };
    let accept = Accept {
        missing: mode & 4 != 0,
        changed: mode & 8 != 0,
    };
    let Ok(mut p) = plan(&folder, &History { rows }, accept) else {
        return;
    };
    assert_eq!(p.pending.len() + p.applied, folder.migrations.len());
    let schema = SqliteSchema {
        foreign_keys,
        columns,
    };
    if p.protect_rebuilds(&schema).is_ok() {
        for m in &p.pending {
            assert_eq!(m.sources.len(), m.statements.len());
            let file = folder.migrations.iter().find(|f| f.name == m.name).unwrap();
            // Every statement of the file is still there, in order.
            let kept: Vec<&String> = m
                .statements
                .iter()
                .zip(&m.sources)
                .filter(|(_, n)| **n > 0)
                .map(|(s, _)| s)
                .collect();
            assert_eq!(kept, file.statements.iter().collect::<Vec<_>>());
        }
    }
    let dialect = DialectKind::ALL[usize::from(mode >> 4) % 3];
    let t = if wrangler {
        Tracking::wrangler(files.first().map(|f| f.0))
    } else {
        Tracking::new(dialect, files.first().map(|f| f.0), journal.get(..8))
    };
    let _ = (
        t.create(),
        t.columns_query(),
        t.rows_query(true),
        t.lock(),
        t.unlock(),
    );
    for m in &p.pending {
        let _ = (t.record(m, true), t.guard(m));
    }
}

/// A text that reads as a snapshot writes back to one that reads the same.
fn snapshot_round_trips(text: &str) {
    if let Ok(s) = snapshot::read(text) {
        assert_eq!(snapshot::read(&snapshot::write(&s)), Ok(s));
    }
}

/// `split_sqlite`'s pieces are non-empty, trimmed and found in `sql` in order
/// (each is a verbatim slice of it).
fn splits_in_order(sql: &str) {
    let mut from = 0;
    for piece in split_sqlite(sql) {
        let trimmed = piece.trim_matches(|c: char| c.is_ascii_whitespace());
        assert!(!piece.is_empty() && trimmed == piece, "{piece:?}");
        let at = sql[from..].find(&piece).map(|n| from + n);
        let at = at.unwrap_or_else(|| panic!("{piece:?} is not in order in {sql:?}"));
        from = at + piece.len();
    }
}

/// A `migrations` input in the layout above.
pub fn encode_migrations(
    mode: u8,
    journal: &str,
    files: &[(&str, &str)],
    rows: &[&str],
    fks: &[&str],
    columns: &[&str],
) -> Vec<u8> {
    let mut fields: Vec<&str> = vec![journal];
    for (n, t) in files {
        fields.extend([*n, *t]);
    }
    fields.push(END);
    fields.extend(rows);
    fields.push(END);
    fields.extend(fks);
    fields.push(END);
    fields.extend(columns);
    let mut out = vec![mode];
    out.extend(fields.join("\0").into_bytes());
    out
}
