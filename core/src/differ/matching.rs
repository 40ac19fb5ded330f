//! Pairs the names of one scope (the tables, or one table's columns) of two
//! snapshots: kept, renamed by a hint, created, dropped; or ambiguous.

use alloc::string::String;
use alloc::vec::Vec;

use super::hints::{Hints, Rename};
use super::DiffError;

/// The outcome for one scope; names in `prev`'s or `next`'s order.
#[derive(Debug, Default)]
pub(super) struct Matched {
    /// `(prev name, next name)`: the same name, or a rename.
    pub pairs: Vec<(String, String)>,
    pub created: Vec<String>,
    pub dropped: Vec<String>,
}

impl Matched {
    /// The next name of a prev one that stays.
    pub fn next_of(&self, prev: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(p, _)| p == prev)
            .map(|(_, n)| n.as_str())
    }
}

/// Which hints were used, so that an unused one is reported once all scopes ran.
pub(super) struct Used {
    renames: Vec<bool>,
    create_drop: Vec<bool>,
}

impl Used {
    pub fn new(h: &Hints) -> Used {
        Used {
            renames: alloc::vec![false; h.renames.len()],
            create_drop: alloc::vec![false; h.create_drop.len()],
        }
    }

    /// The first hint no scope used.
    pub fn check(&self, h: &Hints) -> Result<(), DiffError> {
        self.first_unused(h, false)
    }

    /// The first table hint (not a column's) the table scope left unused.
    pub fn check_tables(&self, h: &Hints) -> Result<(), DiffError> {
        self.first_unused(h, true)
    }

    fn first_unused(&self, h: &Hints, tables_only: bool) -> Result<(), DiffError> {
        if h.ignore_unused {
            return Ok(());
        }
        // With `tables_only`, a column's hint is not reported: its table's scope never ran.
        let skip = |used: bool, column: bool| used || (tables_only && column);
        let mut renames = self.renames.iter().enumerate();
        if let Some((i, _)) = renames.find(|(i, u)| !skip(**u, h.renames[*i].table.is_some())) {
            let r = &h.renames[i];
            let at = r
                .table
                .as_ref()
                .map(|t| alloc::format!("{t}."))
                .unwrap_or_default();
            return Err(DiffError::UnusedHint(alloc::format!(
                "rename {at}{}={}",
                r.from,
                r.to
            )));
        }
        let mut targets = self.create_drop.iter().enumerate();
        if let Some((i, _)) = targets.find(|(i, u)| !skip(**u, h.create_drop[*i].column.is_some()))
        {
            let t = &h.create_drop[i];
            let col = t
                .column
                .as_ref()
                .map(|c| alloc::format!(".{c}"))
                .unwrap_or_default();
            return Err(DiffError::UnusedHint(alloc::format!(
                "create+drop {}{col}",
                t.table
            )));
        }
        Ok(())
    }
}

/// Pairs `prev` and `next` (names of one scope). `table` is None for the
/// tables, else the table (by its next name) whose columns these are.
pub(super) fn pair(
    prev: &[&str],
    next: &[&str],
    table: Option<&str>,
    hints: &Hints,
    used: &mut Used,
) -> Result<Matched, DiffError> {
    let mut out = Matched::default();
    let mut removed: Vec<&str> = prev.iter().copied().filter(|p| !next.contains(p)).collect();
    let mut added: Vec<&str> = next.iter().copied().filter(|n| !prev.contains(n)).collect();
    for p in prev.iter().filter(|p| next.contains(p)) {
        out.pairs.push((String::from(*p), String::from(*p)));
    }
    for (i, r) in hints.renames.iter().enumerate() {
        if r.table.as_deref() != table {
            continue;
        }
        let (Some(a), Some(b)) = (
            removed.iter().position(|x| *x == r.from),
            added.iter().position(|x| *x == r.to),
        ) else {
            continue;
        };
        out.pairs
            .push((removed.remove(a).into(), added.remove(b).into()));
        used.renames[i] = true;
    }
    for (i, t) in hints.create_drop.iter().enumerate() {
        let (scope, name) = match (&t.column, table) {
            (None, None) => (None, &t.table),
            (Some(c), Some(_)) => (Some(t.table.as_str()), c),
            _ => continue,
        };
        if scope != table {
            continue;
        }
        if let Some(a) = removed.iter().position(|x| x == name) {
            out.dropped.push(removed.remove(a).into());
            used.create_drop[i] = true;
        } else if let Some(b) = added.iter().position(|x| x == name) {
            out.created.push(added.remove(b).into());
            used.create_drop[i] = true;
        }
    }
    if !removed.is_empty() && !added.is_empty() {
        return Err(DiffError::Ambiguous {
            table: table.map(String::from),
            removed: removed.into_iter().map(String::from).collect(),
            added: added.into_iter().map(String::from).collect(),
        });
    }
    out.dropped.extend(removed.into_iter().map(String::from));
    out.created.extend(added.into_iter().map(String::from));
    Ok(out)
}

/// Two snapshots' tables paired, and each kept table's columns: where every
/// dialect's differ starts.
pub(super) struct Pairing {
    pub tables: Matched,
    /// `(prev key, next key, columns)` of each kept table.
    pub kept: Vec<(String, String, Matched)>,
}

impl Pairing {
    /// The renames, for the next snapshot's `_meta`: tables by key, columns
    /// under their table's next key.
    pub fn renames(&self) -> Vec<Rename> {
        let moved = |(p, n): &(String, String)| p != n;
        let tables = self
            .tables
            .pairs
            .iter()
            .filter(|x| moved(x))
            .map(|(p, n)| Rename {
                table: None,
                from: p.clone(),
                to: n.clone(),
            });
        let columns = self.kept.iter().flat_map(|(_, t, cols)| {
            cols.pairs
                .iter()
                .filter(|x| moved(x))
                .map(move |(p, n)| Rename {
                    table: Some(t.clone()),
                    from: p.clone(),
                    to: n.clone(),
                })
        });
        tables.chain(columns).collect()
    }
}

/// Pairs the tables (`prev`, `next`: their keys) and each kept table's
/// columns (`columns(key, in_prev)`). An unused hint is reported before the
/// ambiguity it would have resolved (a typo in a rename is the likelier
/// mistake), a column ambiguity after every table is paired.
pub(super) fn pair_schema(
    prev: &[&str],
    next: &[&str],
    columns: &dyn Fn(&str, bool) -> Vec<String>,
    hints: &Hints,
) -> Result<Pairing, DiffError> {
    let mut used = Used::new(hints);
    let tables = match pair(prev, next, None, hints, &mut used) {
        Ok(t) => t,
        Err(e) => return Err(used.check_tables(hints).err().unwrap_or(e)),
    };
    let mut ambiguous = None;
    let mut kept = Vec::new();
    for (p, n) in &tables.pairs {
        let (pc, nc) = (columns(p, true), columns(n, false));
        let pc: Vec<&str> = pc.iter().map(String::as_str).collect();
        let nc: Vec<&str> = nc.iter().map(String::as_str).collect();
        match pair(&pc, &nc, Some(n), hints, &mut used) {
            Ok(cols) => kept.push((p.clone(), n.clone(), cols)),
            Err(e) => {
                ambiguous.get_or_insert(e);
            }
        }
    }
    used.check(hints)?;
    match ambiguous {
        Some(e) => Err(e),
        None => Ok(Pairing { tables, kept }),
    }
}
