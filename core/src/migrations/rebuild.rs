//! SQLite table rebuilds that keep child rows.
//!
//! drizzle-kit rebuilds a SQLite table for most changes: `CREATE TABLE
//! __new_T`, copy, `DROP TABLE T`, `ALTER TABLE __new_T RENAME TO T`, wrapped
//! in `PRAGMA foreign_keys=OFF/ON`. That pragma does nothing inside a
//! transaction, and D1 and Durable Objects ignore it everywhere (checked in
//! workerd: `PRAGMA foreign_keys` still reads 1 after it), so `DROP TABLE T`
//! deletes T's rows with foreign keys enforced: every `ON DELETE CASCADE` child
//! row goes, `SET NULL` children lose their keys, and `NO ACTION` children
//! fail the drop (drizzle #5782, #4938, #4089).
//!
//! Given the database's foreign keys, a migration that drops a table and
//! creates it again (by that rename or a `CREATE TABLE`) is rewritten:
//! `PRAGMA defer_foreign_keys = ON` first (`NO ACTION` references are then
//! checked at commit, when T exists again), and around the drop, each table
//! the drop would change (cascading children, recursively, and `SET NULL` /
//! `SET DEFAULT` children) is copied aside and put back once T is back:
//! deleted rows re-inserted with their rowids, changed keys restored. The
//! same SQL runs on every SQLite host, since none can turn foreign keys off
//! inside its atomic unit.
//!
//! Not covered, on purpose: tables created earlier in the same run (the
//! foreign keys are read before it), `WITHOUT ROWID` children (their copy
//! fails, so the unit rolls back with the server's error: nothing is lost),
//! `RESTRICT` children (SQLite refuses the drop immediately, deferred or not:
//! the same), and triggers on the children (they fire on the re-insert).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::error::MigrationError;
use crate::dialect::DialectKind;
use crate::render::SqlWriter;

/// One foreign key of the database: `child.column` references `parent`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignKey {
    pub child: String,
    pub parent: String,
    pub column: String,
    /// `CASCADE`, `SET NULL`, `SET DEFAULT`, `RESTRICT` or `NO ACTION`.
    pub on_delete: String,
}

/// The database's tables as far as rebuilds need them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SqliteSchema {
    pub foreign_keys: Vec<ForeignKey>,
    /// `(table, column)` for every column a row can be inserted with (not generated).
    pub columns: Vec<(String, String)>,
}

impl SqliteSchema {
    /// Reads the foreign keys: rows of `child, parent, col, on_delete`.
    /// (Workers' internal `_cf_*` tables are left out: their pragmas are refused.)
    pub const FOREIGN_KEYS_QUERY: &'static str = "select m.name as child, f.\"table\" as parent, \
         f.\"from\" as col, f.on_delete as on_delete from sqlite_master m \
         join pragma_foreign_key_list(m.name) f where m.type = 'table' \
         and m.name not like '\\_cf\\_%' escape '\\'";

    /// Reads the insertable (not generated, not hidden) columns: rows of `tbl, col`.
    pub const COLUMNS_QUERY: &'static str =
        "select m.name as tbl, c.name as col from sqlite_master m \
         join pragma_table_xinfo(m.name) c where m.type = 'table' and c.hidden = 0 \
         and m.name not like '\\_cf\\_%' escape '\\' order by m.name, c.cid";
}

/// How a drop changes a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loss {
    /// Rows deleted by `ON DELETE CASCADE`.
    Rows,
    /// Keys set by `ON DELETE SET NULL / SET DEFAULT` (the columns are in `keys`).
    Keys,
}

struct Affected {
    table: String,
    loss: Loss,
    keys: Vec<String>,
}

/// The first statement of a protected migration (its marker, too).
const DEFER: &str = "PRAGMA defer_foreign_keys = ON";

/// `statements` with every rebuild of a referenced table made safe for its
/// children (the module's doc); unchanged when nothing references what it drops.
/// Each statement comes with its index in `statements`, or `None` when added.
pub fn protect_rebuilds(
    statements: &[String],
    schema: &SqliteSchema,
) -> Result<Vec<(String, Option<usize>)>, MigrationError> {
    // Already protected (mizzle-kit writes the protection into its files):
    // a second pass would keep the same rows aside twice.
    let marker = |s: &str| {
        s.trim()
            .trim_end_matches(';')
            .trim_end()
            .eq_ignore_ascii_case(DEFER)
    };
    if statements.iter().any(|s| marker(s)) {
        return Ok(statements
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, s)| (s, Some(i)))
            .collect());
    }
    let mut out: Vec<(String, Option<usize>)> = Vec::with_capacity(statements.len());
    // Restores waiting for the statement that brings their table back: (table, statements).
    let mut waiting: Vec<(String, Vec<String>)> = Vec::new();
    let mut keep = 0usize;
    let mut deferred = false;
    for (i, s) in statements.iter().enumerate() {
        if let Some(t) = dropped_table(s) {
            // A self-reference counts: its RESTRICT rows refuse the drop unless deferred.
            let referenced = schema.foreign_keys.iter().any(|f| same(&f.parent, &t));
            if referenced && comes_back(&statements[i + 1..], &t) {
                if !deferred {
                    // First in the migration: deferral lasts until the unit commits.
                    out.insert(0, (String::from(DEFER), None));
                    deferred = true;
                }
                let mut restore = Vec::new();
                for a in affected(schema, &t) {
                    let aside = format!("__mizzle_keep_{keep}");
                    keep += 1;
                    out.push((
                        format!(
                            "create table {} as select rowid as \"__mizzle_rowid\", * from {}",
                            ident(&aside)?,
                            ident(&a.table)?
                        ),
                        None,
                    ));
                    restore.push(put_back(schema, &a, &aside)?);
                    restore.push(format!("drop table {}", ident(&aside)?));
                }
                out.push((s.clone(), Some(i)));
                waiting.push((t, restore));
                continue;
            }
        }
        out.push((s.clone(), Some(i)));
        if let Some(t) = created_table(s) {
            if let Some(at) = waiting.iter().position(|(w, _)| same(w, &t)) {
                out.extend(waiting.remove(at).1.into_iter().map(|r| (r, None)));
            }
        }
    }
    Ok(out)
}

/// The tables a drop of `t` changes, parents before children.
fn affected(schema: &SqliteSchema, t: &str) -> Vec<Affected> {
    let mut out: Vec<Affected> = Vec::new();
    let mut deleted: Vec<String> = alloc::vec![String::from(t)];
    let mut next = 0;
    while next < deleted.len() {
        let parent = deleted[next].clone();
        next += 1;
        for f in schema
            .foreign_keys
            .iter()
            .filter(|f| same(&f.parent, &parent))
        {
            // T itself (a self-reference, or a cycle back to it) is copied by the rebuild.
            if same(&f.child, t) {
                continue;
            }
            match f.on_delete.to_ascii_uppercase().as_str() {
                "CASCADE" => {
                    if same(&f.child, &parent) || deleted.iter().any(|d| same(d, &f.child)) {
                        continue;
                    }
                    // A table first seen as losing keys now loses rows: its copy covers both.
                    out.retain(|a| !same(&a.table, &f.child));
                    deleted.push(f.child.clone());
                    out.push(Affected {
                        table: f.child.clone(),
                        loss: Loss::Rows,
                        keys: Vec::new(),
                    });
                }
                "SET NULL" | "SET DEFAULT" => {
                    if deleted.iter().any(|d| same(d, &f.child)) {
                        continue;
                    }
                    match out.iter_mut().find(|a| same(&a.table, &f.child)) {
                        Some(a) => a.keys.push(f.column.clone()),
                        None => out.push(Affected {
                            table: f.child.clone(),
                            loss: Loss::Keys,
                            keys: alloc::vec![f.column.clone()],
                        }),
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn put_back(schema: &SqliteSchema, a: &Affected, aside: &str) -> Result<String, MigrationError> {
    let table = ident(&a.table)?;
    let aside = ident(aside)?;
    match a.loss {
        Loss::Rows => {
            let mut cols = String::from("rowid");
            for (t, c) in &schema.columns {
                if same(t, &a.table) {
                    cols.push_str(", ");
                    cols.push_str(&ident(c)?);
                }
            }
            let from = cols.replacen("rowid", "\"__mizzle_rowid\"", 1);
            Ok(format!(
                "insert into {table} ({cols}) select {from} from {aside} \
                 where \"__mizzle_rowid\" not in (select rowid from {table})"
            ))
        }
        Loss::Keys => {
            let mut set = String::new();
            for (i, k) in a.keys.iter().enumerate() {
                let k = ident(k)?;
                if i > 0 {
                    set.push_str(", ");
                }
                set.push_str(&format!(
                    "{k} = (select k.{k} from {aside} k where k.\"__mizzle_rowid\" = {table}.rowid)"
                ));
            }
            Ok(format!(
                "update {table} set {set} where rowid in (select \"__mizzle_rowid\" from {aside})"
            ))
        }
    }
}

fn ident(name: &str) -> Result<String, MigrationError> {
    let d = DialectKind::Sqlite
        .try_dialect()
        .map_err(|e| MigrationError::Invalid(format!("{e}")))?;
    let mut w = SqlWriter::inline(d);
    w.ident(name)
        .map_err(|e| MigrationError::Invalid(format!("{e}")))?;
    Ok(w.finish().sql)
}

fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Whether a later statement makes `t` exist again.
fn comes_back(rest: &[String], t: &str) -> bool {
    rest.iter()
        .any(|s| created_table(s).is_some_and(|c| same(&c, t)))
}

/// `DROP TABLE [IF EXISTS] [schema.]name` -> name.
fn dropped_table(sql: &str) -> Option<String> {
    let mut w = Words::new(sql);
    w.keyword("drop")?;
    w.keyword("table")?;
    w.optional(&["if", "exists"]);
    w.table_name()
}

/// `ALTER TABLE x RENAME TO name` or `CREATE [TEMP] TABLE [IF NOT EXISTS] name` -> name.
fn created_table(sql: &str) -> Option<String> {
    let mut w = Words::new(sql);
    if w.keyword("alter").is_some() {
        w.keyword("table")?;
        w.table_name()?;
        w.keyword("rename")?;
        w.keyword("to")?;
        return w.table_name();
    }
    let mut w = Words::new(sql);
    w.keyword("create")?;
    if w.keyword("temp").is_none() {
        w.keyword("temporary");
    }
    w.keyword("table")?;
    w.optional(&["if", "not", "exists"]);
    w.table_name()
}

/// Just enough of a SQLite lexer to read a statement's first words and names.
struct Words<'a> {
    s: &'a str,
}

impl<'a> Words<'a> {
    fn new(s: &'a str) -> Self {
        Words { s }
    }

    fn skip_blank(&mut self) {
        loop {
            let t = self.s.trim_start();
            if let Some(r) = t.strip_prefix("--") {
                self.s = r.find('\n').map_or("", |n| &r[n + 1..]);
            } else if let Some(r) = t.strip_prefix("/*") {
                self.s = r.find("*/").map_or("", |n| &r[n + 2..]);
            } else {
                self.s = t;
                return;
            }
        }
    }

    fn keyword(&mut self, k: &str) -> Option<()> {
        self.skip_blank();
        let head = self.s.get(..k.len())?;
        let after = self.s[k.len()..].chars().next();
        if head.eq_ignore_ascii_case(k) && !after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.s = &self.s[k.len()..];
            Some(())
        } else {
            None
        }
    }

    fn optional(&mut self, ks: &[&str]) {
        let at = self.s;
        if ks.iter().any(|k| self.keyword(k).is_none()) {
            self.s = at;
        }
    }

    /// `name` or `schema.name` -> name, unquoted.
    fn table_name(&mut self) -> Option<String> {
        let first = self.name()?;
        if self.s.starts_with('.') {
            self.s = &self.s[1..];
            return self.name();
        }
        Some(first)
    }

    fn name(&mut self) -> Option<String> {
        self.skip_blank();
        let open = self.s.chars().next()?;
        let close = match open {
            '"' => '"',
            '`' => '`',
            '[' => ']',
            c if c.is_alphanumeric() || c == '_' => {
                let end = self
                    .s
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                    .unwrap_or(self.s.len());
                let n = String::from(&self.s[..end]);
                self.s = &self.s[end..];
                return Some(n);
            }
            _ => return None,
        };
        let mut out = String::new();
        let mut rest = &self.s[1..];
        loop {
            let at = rest.find(close)?;
            out.push_str(&rest[..at]);
            rest = &rest[at + 1..];
            // A doubled quote is one quote inside the name (not for `[...]`).
            if close != ']' && rest.starts_with(close) {
                out.push(close);
                rest = &rest[1..];
            } else {
                break;
            }
        }
        self.s = rest;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn fk(child: &str, parent: &str, column: &str, on_delete: &str) -> ForeignKey {
        ForeignKey {
            child: child.into(),
            parent: parent.into(),
            column: column.into(),
            on_delete: on_delete.into(),
        }
    }

    fn rebuild(t: &str) -> Vec<String> {
        [
            "PRAGMA foreign_keys=OFF;".to_string(),
            format!("CREATE TABLE `__new_{t}` (`id` integer PRIMARY KEY NOT NULL);"),
            format!("INSERT INTO `__new_{t}`(\"id\") SELECT \"id\" FROM `{t}`;"),
            format!("DROP TABLE `{t}`;"),
            format!("ALTER TABLE `__new_{t}` RENAME TO `{t}`;"),
            "PRAGMA foreign_keys=ON;".to_string(),
        ]
        .into()
    }

    #[test]
    fn reads_names_in_every_quoting() {
        assert_eq!(dropped_table("DROP TABLE `a``b`;").as_deref(), Some("a`b"));
        assert_eq!(
            dropped_table(" -- x\n drop table if exists main.\"u\"").as_deref(),
            Some("u")
        );
        assert_eq!(dropped_table("drop tablex"), None);
        assert_eq!(
            created_table("ALTER TABLE `__new_u` RENAME TO [u];").as_deref(),
            Some("u")
        );
        assert_eq!(
            created_table("create table if not exists users (id)").as_deref(),
            Some("users")
        );
        assert_eq!(created_table("ALTER TABLE u ADD x int"), None);
    }

    #[test]
    fn unreferenced_rebuilds_stay_as_written() {
        let s = SqliteSchema {
            foreign_keys: vec![fk("posts", "users", "uid", "CASCADE")],
            columns: vec![],
        };
        let out = protect_rebuilds(&rebuild("posts"), &s).unwrap();
        let sql: Vec<String> = out.iter().map(|(s, _)| s.clone()).collect();
        assert_eq!(sql, rebuild("posts"));
        assert!(out.iter().enumerate().all(|(i, (_, at))| *at == Some(i)));
    }

    #[test]
    fn cascading_children_are_copied_aside_and_put_back() {
        let s = SqliteSchema {
            foreign_keys: vec![
                fk("posts", "users", "uid", "CASCADE"),
                fk("comments", "posts", "pid", "CASCADE"),
                fk("likes", "users", "uid", "SET NULL"),
            ],
            columns: vec![
                ("posts".into(), "id".into()),
                ("posts".into(), "uid".into()),
                ("comments".into(), "id".into()),
                ("comments".into(), "pid".into()),
            ],
        };
        let marked = protect_rebuilds(&rebuild("users"), &s).unwrap();
        let out: Vec<String> = marked.iter().map(|(s, _)| s.clone()).collect();
        assert_eq!(out[0], "PRAGMA defer_foreign_keys = ON");
        // The file's statements keep their numbers; the added ones have none.
        let drop_at = marked
            .iter()
            .find(|(s, _)| s == "DROP TABLE `users`;")
            .unwrap()
            .1;
        assert_eq!(drop_at, Some(3));
        assert_eq!(marked.iter().filter(|(_, at)| at.is_some()).count(), 6);
        let drop = out.iter().position(|x| x == "DROP TABLE `users`;").unwrap();
        let rename = out
            .iter()
            .position(|x| x.starts_with("ALTER TABLE"))
            .unwrap();
        let before: Vec<&String> = out[..drop]
            .iter()
            .filter(|x| x.contains("__mizzle_keep"))
            .collect();
        assert_eq!(before.len(), 3, "{out:#?}");
        assert!(before[0].ends_with("from \"posts\""), "{out:#?}");
        let after = &out[rename + 1..];
        assert!(after[0].starts_with("insert into \"posts\" (rowid, \"id\", \"uid\") select \"__mizzle_rowid\", \"id\", \"uid\""), "{after:#?}");
        assert!(
            after
                .iter()
                .any(|x| x.starts_with("update \"likes\" set \"uid\" = (select k.\"uid\"")),
            "{after:#?}"
        );
        assert_eq!(
            after
                .iter()
                .filter(|x| x.starts_with("drop table \"__mizzle_keep_"))
                .count(),
            3
        );
    }
}
