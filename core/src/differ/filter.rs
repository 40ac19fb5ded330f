//! drizzle-kit's `tablesFilter` and `schemaFilter`: which tables of a
//! database `push` manages. A table outside them is left alone on both
//! sides (neither created nor dropped), as drizzle-kit's `push` leaves it.
//!
//! Table patterns are globs over the table's name (`*`, `?`); one starting
//! with `!` excludes. A table is managed when it matches a plain pattern (or
//! there is none) and no excluding one. drizzle-kit matches with minimatch;
//! these are the parts of it a table name can use.

use alloc::string::String;
use alloc::vec::Vec;

use crate::snapshot::Snapshot;

/// The filters; empty lists keep everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub tables: Vec<String>,
    /// PostgreSQL schemas (`public`, `app`); ignored on the other dialects.
    pub schemas: Vec<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.schemas.is_empty()
    }

    /// Whether the table (or view) `name` of `schema` is managed.
    pub fn keeps(&self, schema: Option<&str>, name: &str) -> bool {
        if let Some(s) = schema {
            if !self.schemas.is_empty() && !self.schemas.iter().any(|x| x == s) {
                return false;
            }
        }
        let (not, plain): (Vec<&String>, Vec<&String>) =
            self.tables.iter().partition(|p| p.starts_with('!'));
        (plain.is_empty() || plain.iter().any(|p| glob(p, name)))
            && !not.iter().any(|p| glob(&p[1..], name))
    }
}

/// `s` without the tables, views and (PostgreSQL) enums and schemas the
/// filter leaves out.
pub fn keep_managed(s: &mut Snapshot, f: &Filter) {
    if f.is_empty() {
        return;
    }
    match s {
        Snapshot::Sqlite(s) => {
            s.tables.0.retain(|(_, t)| f.keeps(None, &t.name));
            s.views.0.retain(|(_, v)| f.keeps(None, &v.name));
        }
        Snapshot::Postgres(s) => {
            s.tables
                .0
                .retain(|(_, t)| f.keeps(Some(&t.schema), &t.name));
            if let Some(v) = &mut s.views {
                v.0.retain(|(_, v)| f.keeps(Some(&v.schema), &v.name));
            }
            let schema_kept = |x: &str| f.schemas.is_empty() || f.schemas.iter().any(|s| s == x);
            s.enums.0.retain(|(_, e)| schema_kept(&e.schema));
            s.schemas.0.retain(|(k, _)| schema_kept(k));
        }
        Snapshot::MySql(s) => {
            s.tables.0.retain(|(_, t)| f.keeps(None, &t.name));
            s.views.0.retain(|(_, v)| f.keeps(None, &v.name));
        }
    }
}

/// `*` any run, `?` one character, anything else itself.
fn glob(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // Iterative with one backtrack point: linear enough for names, never recursive.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn globs() {
        assert!(glob("users", "users"));
        assert!(glob("user*", "users"));
        assert!(glob("*_log", "audit_log"));
        assert!(glob("a?c", "abc"));
        assert!(!glob("a?c", "ac"));
        assert!(!glob("user*", "app_users"));
        assert!(glob("*", ""));
    }

    #[test]
    fn plain_and_excluding_patterns() {
        let f = Filter {
            tables: vec!["app_*".into(), "!app_tmp*".into()],
            schemas: vec![],
        };
        assert!(f.keeps(None, "app_users"));
        assert!(!f.keeps(None, "app_tmp1"));
        assert!(!f.keeps(None, "other"));
        let only_not = Filter {
            tables: vec!["!_cf_*".into()],
            schemas: vec!["public".into()],
        };
        assert!(only_not.keeps(Some("public"), "users"));
        assert!(!only_not.keeps(Some("public"), "_cf_KV"));
        assert!(!only_not.keeps(Some("app"), "users"));
    }
}
