//! The differ's property on a real SQLite (rusqlite, bundled): for random
//! schema pairs `(a, b)`, a database built by `diff(empty, a)`, given rows,
//! then migrated by `diff(a, b)` (through `migrations::protect_rebuilds`, in
//! one transaction, as the migrators run it):
//!
//! 1. reads back (`introspect::sqlite`) as `b`'s snapshot;
//! 2. keeps the values of every pre-existing row in every kept column whose
//!    type did not change (rows matched by primary key);
//! 3. diffs to nothing against `b` once read back (idempotence).
//!
//! `a` is drawn from a seed (a small deterministic generator: the schema's
//! parts depend on each other too much for proptest's combinators to stay
//! readable); `b` is `a` after 1-4 random edits, renames passed as hints.
//! `PROPTEST_CASES` sets the number of cases (512 by default, about a
//! second in debug; the bugs this test found each showed within a few
//! hundred). `DIFFER_SEED=n cargo test --test differ_property -- replay`
//! replays one case.
//!
//! `a`: 1-4 tables named from a pool with awkward names (`select`, `a"b`,
//! `with space`), each keyed by `id integer` (sometimes AUTOINCREMENT) or a
//! composite key, with 1-5 more columns (integer, text, real, blob,
//! numeric; NOT NULL; number, string, boolean or `(1+1)` defaults), unique
//! columns, indexes (unique, partial, on `lower("c")`), checks in drizzle's
//! `"t"."c" > 0` spelling, generated columns (virtual or stored), foreign
//! keys to an earlier table or to itself with random actions, sometimes a
//! view. Edits: add or drop a table, add a column (nullable, NOT NULL with
//! or without a default), drop one, change its type, NOT NULL or default,
//! add, drop or change an index, change a key's actions, add or drop a
//! check, change, add or drop a view, rename a column or a table (with
//! their hints; create+drop hints for the rest, always when needed and now
//! and then when not). Without hints, a scope where names go and come must
//! be `DiffError::Ambiguous`.
//!
//! What the generator leaves out, and why (SQLite's limits, not the differ's):
//!
//! - NOT NULL added without a default to a column that holds NULLs: no
//!   value to give them, SQLite refuses the copy; the rows written hold no
//!   NULL in such a column, and a table that gains a NOT NULL column
//!   without a default gets no rows. (With a default, the rebuild writes it
//!   where the column held NULL: the one value check (2) lets change.)
//! - Unique indexes and checks of `b` are only on columns `a` had, whose
//!   written values are distinct and positive: on a column added with a
//!   default every row holds the same value, which a unique index refuses.
//! - Primary-key columns are never edited (a key that changes cannot match
//!   rows before and after), and foreign keys only reference earlier tables'
//!   `id` (a cycle has no order to insert rows in).
//!
//! Declared so that the database can give them back (a DSL schema may not):
//!
//! - primary-key and foreign-key names are given once, not derived from the
//!   table's name: SQLite keeps a constraint's name through a rename, and the
//!   differ does not rebuild a table for a name alone;
//! - a view's columns are the source columns' types, nullable: what SQLite
//!   reports for a view (the differ compares them, so a view declared with
//!   other types would be dropped and created again by every diff).
//!
//! Normalised before comparing (nothing else): the snapshots' ids.
#![cfg(feature = "differ")]

mod support;

use std::collections::BTreeMap;

use mizzle_core::declared;
use mizzle_core::differ::{diff, DiffError, Hints, Rename, Target};
use mizzle_core::introspect::{self, SQLITE_QUERY};
use mizzle_core::migrations::{protect_rebuilds, ForeignKey, SqliteSchema};
use mizzle_core::snapshot::{Snapshot, SqliteSnapshot};
use proptest::prelude::*;
use rusqlite::types::Value as Sql;
use rusqlite::Connection;
use serde_json::{json, Value as Json};

// ---------------------------------------------------------------- the model

#[derive(Clone, Debug)]
enum Def {
    Num(&'static str),
    Str(&'static str),
    Bool(bool),
    Sql(&'static str),
}

#[derive(Clone, Debug)]
struct Col {
    id: u32,
    name: String,
    ty: &'static str,
    not_null: bool,
    default: Option<Def>,
    /// A generated column (`"id" * 2`), virtual unless `stored`.
    generated: bool,
    stored: bool,
    unique: Option<String>,
    /// Existed in `a` (its written values are distinct and positive).
    from_a: bool,
}

#[derive(Clone, Debug)]
struct Idx {
    name: String,
    col: u32,
    unique: bool,
    /// A partial index's `WHERE "t"."c" > 0`, on this column.
    where_col: Option<u32>,
    /// The key is the expression `lower("c")`, not the column.
    expr: bool,
}

#[derive(Clone, Debug)]
struct Fk {
    /// Given once: SQLite keeps a constraint's name through renames.
    name: String,
    col: u32,
    parent: u32,
    on_delete: &'static str,
    on_update: &'static str,
}

#[derive(Clone, Debug)]
struct Tbl {
    id: u32,
    name: String,
    cols: Vec<Col>,
    /// The primary key's columns (one `id integer` or two).
    pk: Vec<u32>,
    /// A composite key's name, given once (as `Fk::name`).
    pk_name: String,
    /// `id integer PRIMARY KEY AUTOINCREMENT`.
    autoincrement: bool,
    idx: Vec<Idx>,
    fks: Vec<Fk>,
    /// `(name, column)`: `CHECK("t"."c" > 0)`.
    checks: Vec<(String, u32)>,
}

#[derive(Clone, Debug)]
struct View {
    name: String,
    table: u32,
    cols: Vec<u32>,
}

#[derive(Clone, Debug, Default)]
struct Model {
    tables: Vec<Tbl>,
    views: Vec<View>,
    next_id: u32,
    counter: u32,
}

const TABLES: &[&str] = &[
    "users",
    "select",
    "a\"b",
    "with space",
    "posts",
    "Items",
    "t_7",
    "order",
];
const COLUMNS: &[&str] = &[
    "c",
    "group",
    "x\"y",
    "with space",
    "val",
    "note",
    "n2",
    "Key",
    "from",
    "z",
];
const VIEWS: &[&str] = &["v", "view one", "v\"q"];
const TYPES: &[&str] = &["integer", "text", "real", "blob", "numeric"];
const ON_DELETE: &[&str] = &[
    "cascade",
    "set null",
    "set default",
    "no action",
    "restrict",
];
const ON_UPDATE: &[&str] = &["cascade", "set null", "no action", "restrict"];

/// splitmix64: a seed's whole case, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

fn q(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Model {
    fn fresh(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }
    fn name(&mut self, prefix: &str) -> String {
        self.counter += 1;
        format!("{prefix}_{}", self.counter)
    }
    fn table(&self, id: u32) -> Option<&Tbl> {
        self.tables.iter().find(|t| t.id == id)
    }
    /// A table name neither in `taken` nor used now (case-insensitively).
    fn free_table_name(&self, r: &mut Rng, taken: &[String]) -> Option<String> {
        let free: Vec<&str> = TABLES
            .iter()
            .copied()
            .filter(|n| {
                !taken.iter().any(|t| t.eq_ignore_ascii_case(n))
                    && !self.tables.iter().any(|t| t.name.eq_ignore_ascii_case(n))
                    && !self.views.iter().any(|v| v.name.eq_ignore_ascii_case(n))
            })
            .collect();
        (!free.is_empty()).then(|| r.pick(&free).to_string())
    }
}

impl Tbl {
    fn col(&self, id: u32) -> Option<&Col> {
        self.cols.iter().find(|c| c.id == id)
    }
    fn free_col_name(&self, r: &mut Rng, taken: &[String]) -> Option<String> {
        let free: Vec<&str> = COLUMNS
            .iter()
            .copied()
            .filter(|n| {
                !taken.iter().any(|t| t.eq_ignore_ascii_case(n))
                    && !self.cols.iter().any(|c| c.name.eq_ignore_ascii_case(n))
            })
            .collect();
        (!free.is_empty()).then(|| r.pick(&free).to_string())
    }
    /// Columns a mutation may touch: not in the key, not generated.
    fn plain(&self) -> Vec<u32> {
        self.cols
            .iter()
            .filter(|c| !self.pk.contains(&c.id) && !c.generated)
            .map(|c| c.id)
            .collect()
    }
    fn single_id(&self) -> bool {
        self.pk.len() == 1
    }
}

fn random_default(r: &mut Rng, ty: &str) -> Def {
    match (r.below(8), ty) {
        (0, _) => Def::Sql("(1+1)"),
        (1 | 2, "text") => Def::Str(r.pick(&["abc", "it's", ""])),
        (3, _) => Def::Bool(r.chance(50)),
        _ => Def::Num(r.pick(&["7", "0", "1.5", "42"])),
    }
}

fn random_col(m: &mut Model, r: &mut Rng, name: String, from_a: bool) -> Col {
    let ty = r.pick(TYPES);
    let not_null = r.chance(30);
    let default = (not_null || r.chance(30)).then(|| random_default(r, ty));
    Col {
        id: m.fresh(),
        name,
        ty,
        not_null,
        default,
        generated: false,
        stored: false,
        unique: None,
        from_a,
    }
}

/// A random table (its name given), referencing only `parents`.
fn random_table(m: &mut Model, r: &mut Rng, name: String, parents: &[u32], from_a: bool) -> Tbl {
    let tid = m.fresh();
    let mut t = Tbl {
        id: tid,
        name,
        cols: Vec::new(),
        pk: Vec::new(),
        pk_name: m.name("pk"),
        autoincrement: false,
        idx: Vec::new(),
        fks: Vec::new(),
        checks: Vec::new(),
    };
    if r.chance(75) {
        let id = m.fresh();
        t.cols.push(Col {
            id,
            name: "id".into(),
            ty: "integer",
            not_null: true,
            default: None,
            generated: false,
            stored: false,
            unique: None,
            from_a,
        });
        t.pk = vec![id];
        t.autoincrement = r.chance(20);
    } else {
        for ty in ["integer", "text"] {
            let Some(n) = t.free_col_name(r, &[]) else {
                continue;
            };
            let id = m.fresh();
            t.cols.push(Col {
                id,
                name: n,
                ty,
                not_null: true,
                default: None,
                generated: false,
                stored: false,
                unique: None,
                from_a,
            });
            t.pk.push(id);
        }
    }
    let extra = 1 + r.below(5);
    for _ in 0..extra {
        if let Some(n) = t.free_col_name(r, &[]) {
            let c = random_col(m, r, n, from_a);
            t.cols.push(c);
        }
    }
    if t.single_id() && r.chance(20) {
        if let Some(n) = t.free_col_name(r, &[]) {
            let id = m.fresh();
            t.cols.push(Col {
                id,
                name: n,
                ty: "integer",
                not_null: false,
                default: None,
                generated: true,
                stored: r.chance(40),
                unique: None,
                from_a,
            });
        }
    }
    let plain = t.plain();
    for &c in &plain {
        if r.chance(15) {
            let name = m.name("uq");
            if let Some(col) = t.cols.iter_mut().find(|x| x.id == c) {
                col.unique = Some(name);
            }
        } else if r.chance(20) {
            let idx = Idx {
                name: m.name("ix"),
                col: c,
                unique: r.chance(30),
                where_col: r.chance(30).then(|| r.pick(&plain)),
                expr: r.chance(20),
            };
            t.idx.push(idx);
        } else if r.chance(15) {
            t.checks.push((m.name("ck"), c));
        }
    }
    // Now and then a table references itself.
    let mut parents = parents.to_vec();
    if t.single_id() && r.chance(15) {
        parents.push(tid);
    }
    if !parents.is_empty() && !plain.is_empty() && r.chance(60) {
        let c = r.pick(&plain);
        if let Some(col) = t.cols.iter_mut().find(|x| x.id == c) {
            col.ty = "integer";
            col.default = None;
            col.not_null = false;
        }
        t.fks.push(Fk {
            name: m.name("fk"),
            col: c,
            parent: r.pick(&parents),
            on_delete: r.pick(ON_DELETE),
            on_update: r.pick(ON_UPDATE),
        });
    }
    t
}

fn random_a(r: &mut Rng) -> Model {
    let mut m = Model::default();
    let n = 1 + r.below(4);
    for _ in 0..n {
        let Some(name) = m.free_table_name(r, &[]) else {
            break;
        };
        let parents: Vec<u32> = m
            .tables
            .iter()
            .filter(|t| t.single_id())
            .map(|t| t.id)
            .collect();
        let t = random_table(&mut m, r, name, &parents, true);
        m.tables.push(t);
    }
    if r.chance(30) {
        add_view(&mut m, r);
    }
    m
}

fn add_view(m: &mut Model, r: &mut Rng) {
    let free: Vec<&str> = VIEWS
        .iter()
        .copied()
        .filter(|n| !m.views.iter().any(|v| v.name == *n))
        .collect();
    if free.is_empty() || m.tables.is_empty() {
        return;
    }
    let t = &m.tables[r.below(m.tables.len())];
    let cols: Vec<u32> = t
        .cols
        .iter()
        .filter(|_| r.chance(60))
        .map(|c| c.id)
        .collect();
    let cols = if cols.is_empty() {
        vec![t.cols[0].id]
    } else {
        cols
    };
    m.views.push(View {
        name: r.pick(&free).into(),
        table: t.id,
        cols,
    });
}

// ---------------------------------------------------------------- the edits

/// What the rows written to `a` must respect for `b` to be reachable.
#[derive(Default, Debug)]
struct Needs {
    /// Tables (by id) that must stay empty.
    empty: Vec<u32>,
    /// Columns (by id) that must hold no NULL.
    no_null: Vec<u32>,
}

fn drop_col(t: &mut Tbl, c: u32) {
    t.cols.retain(|x| x.id != c);
    t.idx.retain(|i| i.col != c && i.where_col != Some(c));
    t.fks.retain(|f| f.col != c);
    t.checks.retain(|(_, x)| *x != c);
}

/// Whether column `c` was a foreign key in `a` (its values repeat).
fn a_key(a: &Model, c: u32) -> bool {
    a.tables.iter().any(|t| t.fks.iter().any(|f| f.col == c))
}

fn edit(m: &mut Model, r: &mut Rng, a: &Model, needs: &mut Needs) {
    let taken_tables: Vec<String> = a.tables.iter().map(|t| t.name.clone()).collect();
    if m.tables.is_empty() || r.chance(8) {
        if let Some(name) = m.free_table_name(r, &taken_tables) {
            let parents: Vec<u32> = m
                .tables
                .iter()
                .filter(|t| t.single_id())
                .map(|t| t.id)
                .collect();
            let t = random_table(m, r, name, &parents, false);
            m.tables.push(t);
        }
        return;
    }
    let ti = r.below(m.tables.len());
    let tid = m.tables[ti].id;
    let taken_cols: Vec<String> = a
        .table(tid)
        .map(|t| t.cols.iter().map(|c| c.name.clone()).collect())
        .unwrap_or_default();
    let plain = m.tables[ti].plain();
    // Columns whose written values are distinct and positive (a key's repeat).
    let from_a: Vec<u32> = plain
        .iter()
        .copied()
        .filter(|c| m.tables[ti].col(*c).is_some_and(|c| c.from_a))
        .filter(|c| !a_key(a, *c))
        .collect();
    match r.below(14) {
        0 => {
            m.tables.remove(ti);
            for t in &mut m.tables {
                t.fks.retain(|f| f.parent != tid);
            }
            m.views.retain(|v| v.table != tid);
        }
        1 | 2 => {
            let Some(n) = m.tables[ti].free_col_name(r, &taken_cols) else {
                return;
            };
            let mut c = random_col(m, r, n, false);
            match r.below(3) {
                0 => {
                    c.not_null = false;
                }
                1 => {
                    c.not_null = true;
                    c.default.get_or_insert(Def::Num("7"));
                }
                _ => {
                    c.not_null = true;
                    c.default = None;
                    needs.empty.push(tid);
                }
            }
            m.tables[ti].cols.push(c);
        }
        3 if !plain.is_empty() => {
            let c = r.pick(&plain);
            drop_col(&mut m.tables[ti], c);
            for v in &mut m.views {
                v.cols.retain(|x| *x != c);
            }
            m.views.retain(|v| !v.cols.is_empty());
        }
        4 if !plain.is_empty() => {
            let c = r.pick(&plain);
            let ty = r.pick(TYPES);
            if let Some(col) = m.tables[ti].cols.iter_mut().find(|x| x.id == c) {
                col.ty = ty;
            }
        }
        5 if !plain.is_empty() => {
            let c = r.pick(&plain);
            let t = &mut m.tables[ti];
            // A key's value may be NULL (no parent row yet): its table stays empty.
            let key = t.fks.iter().any(|f| f.col == c);
            let Some(col) = t.cols.iter_mut().find(|x| x.id == c) else {
                return;
            };
            if col.not_null {
                col.not_null = false;
            } else {
                col.not_null = true;
                // With a default, the rebuild writes it where the column held NULL.
                if col.default.is_none() {
                    needs.no_null.push(c);
                }
                if key || (col.default.is_none() && r.chance(50)) {
                    needs.empty.push(tid);
                }
            }
        }
        6 if !plain.is_empty() => {
            let c = r.pick(&plain);
            let d = r.chance(70);
            let t = &mut m.tables[ti];
            let Some(col) = t.cols.iter_mut().find(|x| x.id == c) else {
                return;
            };
            col.default = if d || col.not_null {
                Some(random_default(r, col.ty))
            } else {
                None
            };
        }
        7 if !from_a.is_empty() => {
            let c = r.pick(&from_a);
            let name = m.name("ix");
            let w = r.chance(30).then(|| r.pick(&from_a));
            m.tables[ti].idx.push(Idx {
                name,
                col: c,
                unique: r.chance(40),
                where_col: w,
                expr: r.chance(20),
            });
        }
        8 if !m.tables[ti].idx.is_empty() => {
            let t = &mut m.tables[ti];
            let i = r.below(t.idx.len());
            if r.chance(50) {
                t.idx.remove(i);
            } else {
                let ix = &mut t.idx[i];
                ix.unique = !ix.unique;
                let from_a_unique =
                    t.cols.iter().any(|c| c.id == ix.col && c.from_a) && !a_key(a, ix.col);
                if ix.unique && !from_a_unique {
                    ix.unique = false;
                }
            }
        }
        9 if !m.tables[ti].fks.is_empty() => {
            let t = &mut m.tables[ti];
            let i = r.below(t.fks.len());
            t.fks[i].on_delete = r.pick(ON_DELETE);
            t.fks[i].on_update = r.pick(ON_UPDATE);
        }
        10 => {
            let t = &mut m.tables[ti];
            if !t.checks.is_empty() && r.chance(50) {
                let i = r.below(t.checks.len());
                t.checks.remove(i);
            } else if !from_a.is_empty() {
                let c = r.pick(&from_a);
                let name = m.name("ck");
                m.tables[ti].checks.push((name, c));
            }
        }
        11 => {
            if m.views.is_empty() || r.chance(30) {
                add_view(m, r);
            } else {
                let vi = r.below(m.views.len());
                if r.chance(30) {
                    m.views.remove(vi);
                    return;
                }
                let Some(t) = m.table(m.views[vi].table) else {
                    return;
                };
                let cols: Vec<u32> = t
                    .cols
                    .iter()
                    .filter(|_| r.chance(50))
                    .map(|c| c.id)
                    .collect();
                if !cols.is_empty() {
                    m.views[vi].cols = cols;
                }
            }
        }
        12 if !plain.is_empty() => {
            let c = r.pick(&plain);
            let Some(n) = m.tables[ti].free_col_name(r, &taken_cols) else {
                return;
            };
            if let Some(col) = m.tables[ti].cols.iter_mut().find(|x| x.id == c) {
                col.name = n;
            }
        }
        13 => {
            if let Some(n) = m.free_table_name(r, &taken_tables) {
                m.tables[ti].name = n;
            }
        }
        _ => {}
    }
}

// ------------------------------------------------------------ to the wire

fn def_json(d: &Def) -> Json {
    match d {
        Def::Num(t) => json!({ "kind": "number", "text": t }),
        Def::Str(s) => json!({ "kind": "string", "value": s }),
        Def::Bool(b) => json!({ "kind": "boolean", "value": b }),
        Def::Sql(s) => json!({ "kind": "sql", "sql": s }),
    }
}

fn cname(t: &Tbl, c: u32) -> String {
    t.col(c).map(|c| c.name.clone()).unwrap_or_default()
}

fn table_json(m: &Model, t: &Tbl) -> Json {
    let id_name = t.pk.first().map(|c| cname(t, *c)).unwrap_or_default();
    let columns: Vec<Json> = t
        .cols
        .iter()
        .map(|c| {
            let mut o = json!({ "name": c.name, "sqlType": c.ty, "notNull": c.not_null });
            if t.single_id() && t.pk[0] == c.id {
                o["primaryKey"] = json!(true);
                o["autoIncrement"] = json!(t.autoincrement);
            }
            if let Some(d) = &c.default {
                o["default"] = def_json(d);
            }
            if c.generated {
                let mode = if c.stored { "stored" } else { "virtual" };
                o["generated"] = json!({ "sql": format!("{} * 2", q(&id_name)), "mode": mode });
            }
            if let Some(u) = &c.unique {
                o["unique"] = json!(u);
            }
            o
        })
        .collect();
    let indexes: Vec<Json> = t
        .idx
        .iter()
        .map(|i| {
            let key = match i.expr {
                true => json!({ "kind": "expression", "sql": format!("lower({})", q(&cname(t, i.col))) }),
                false => json!({ "kind": "column", "name": cname(t, i.col) }),
            };
            let mut o = json!({ "name": i.name, "unique": i.unique, "columns": [key] });
            if let Some(w) = i.where_col {
                o["where"] = json!(format!("{}.{} > 0", q(&t.name), q(&cname(t, w))));
            }
            o
        })
        .collect();
    let fks: Vec<Json> = t
        .fks
        .iter()
        .filter_map(|f| {
            let p = m.table(f.parent)?;
            let from = cname(t, f.col);
            Some(
                json!({ "name": f.name, "columns": [from], "foreignTable": p.name,
                "foreignColumns": ["id"], "onDelete": f.on_delete, "onUpdate": f.on_update }),
            )
        })
        .collect();
    let pks: Vec<Json> = if t.single_id() {
        Vec::new()
    } else {
        let cols: Vec<String> = t.pk.iter().map(|c| cname(t, *c)).collect();
        vec![json!({ "name": t.pk_name, "columns": cols })]
    };
    let checks: Vec<Json> = t
        .checks
        .iter()
        .map(|(n, c)| json!({ "name": n, "sql": format!("{}.{} > 0", q(&t.name), q(&cname(t, *c))) }))
        .collect();
    json!({ "name": t.name, "columns": columns, "indexes": indexes, "foreignKeys": fks,
        "primaryKeys": pks, "checks": checks })
}

fn view_json(m: &Model, v: &View) -> Option<Json> {
    let t = m.table(v.table)?;
    let cols: Vec<&Col> = v.cols.iter().filter_map(|c| t.col(*c)).collect();
    if cols.is_empty() {
        return None;
    }
    let list: Vec<String> = cols.iter().map(|c| q(&c.name)).collect();
    // A view's columns are what the database says of its query: the source
    // columns' declared types, nullable.
    let columns: Vec<Json> = cols
        .iter()
        .map(|c| json!({ "name": c.name, "sqlType": c.ty }))
        .collect();
    Some(json!({ "name": v.name, "columns": columns,
        "definition": format!("select {} from {}", list.join(", "), q(&t.name)) }))
}

fn snapshot(m: &Model) -> Snapshot {
    let tables: Vec<Json> = m.tables.iter().map(|t| table_json(m, t)).collect();
    let views: Vec<Json> = m.views.iter().filter_map(|v| view_json(m, v)).collect();
    let text = json!({ "dialect": "sqlite", "tables": tables, "views": views }).to_string();
    let d = declared::read(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    declared::to_snapshot(&d).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// The hints for `a` -> `b`: renames by identity; with `create_drop`, a
/// create+drop target for every other name that appears or disappears.
fn hints(a: &Model, b: &Model, create_drop: bool) -> Hints {
    let mut h = Hints::default();
    for tb in &b.tables {
        let Some(ta) = a.table(tb.id) else { continue };
        if ta.name != tb.name {
            h.renames.push(Rename {
                table: None,
                from: ta.name.clone(),
                to: tb.name.clone(),
            });
        }
        for cb in &tb.cols {
            if let Some(ca) = ta.col(cb.id) {
                if ca.name != cb.name {
                    h.renames.push(Rename {
                        table: Some(tb.name.clone()),
                        from: ca.name.clone(),
                        to: cb.name.clone(),
                    });
                }
            }
        }
    }
    let (removed, added) = scope(
        &names(a.tables.iter().map(|t| (t.id, &t.name))),
        &names(b.tables.iter().map(|t| (t.id, &t.name))),
    );
    if create_drop || (!removed.is_empty() && !added.is_empty()) {
        for n in removed.into_iter().chain(added) {
            h.create_drop.push(Target {
                table: n,
                column: None,
            });
        }
    }
    for tb in &b.tables {
        let Some(ta) = a.table(tb.id) else { continue };
        let (removed, added) = scope(
            &names(ta.cols.iter().map(|c| (c.id, &c.name))),
            &names(tb.cols.iter().map(|c| (c.id, &c.name))),
        );
        if create_drop || (!removed.is_empty() && !added.is_empty()) {
            for n in removed.into_iter().chain(added) {
                h.create_drop.push(Target {
                    table: tb.name.clone(),
                    column: Some(n),
                });
            }
        }
    }
    h
}

fn names<'a>(it: impl Iterator<Item = (u32, &'a String)>) -> Vec<(u32, String)> {
    it.map(|(i, n)| (i, n.clone())).collect()
}

/// The names that disappear and appear that are not renames (by identity).
fn scope(a: &[(u32, String)], b: &[(u32, String)]) -> (Vec<String>, Vec<String>) {
    let removed = a
        .iter()
        .filter(|(i, n)| !b.iter().any(|(j, m)| i == j || m == n))
        .map(|(_, n)| n.clone())
        .collect();
    let added = b
        .iter()
        .filter(|(i, n)| !a.iter().any(|(j, m)| i == j || m == n))
        .map(|(_, n)| n.clone())
        .collect();
    (removed, added)
}

/// Whether, by names alone, some scope has a name going and one coming.
fn ambiguous_without_hints(a: &Model, b: &Model) -> bool {
    let by_name = |xs: Vec<&String>, ys: Vec<&String>| {
        xs.iter().any(|x| !ys.contains(x)) && ys.iter().any(|y| !xs.contains(y))
    };
    let at: Vec<&String> = a.tables.iter().map(|t| &t.name).collect();
    let bt: Vec<&String> = b.tables.iter().map(|t| &t.name).collect();
    if by_name(at, bt) {
        return true;
    }
    b.tables.iter().any(|tb| {
        a.tables
            .iter()
            .find(|ta| ta.name == tb.name)
            .is_some_and(|ta| {
                by_name(
                    ta.cols.iter().map(|c| &c.name).collect(),
                    tb.cols.iter().map(|c| &c.name).collect(),
                )
            })
    })
}

// ------------------------------------------------------------ the database

fn run(db: &Connection, sql: &str) {
    db.execute_batch(sql)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A query's rows as text, for failure messages.
fn dump(db: &Connection, sql: &str) -> Vec<Vec<String>> {
    let mut st = db.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        Ok((0..n)
            .map(|i| format!("{:?}", r.get::<_, Sql>(i).unwrap()))
            .collect())
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn introspect(db: &Connection) -> SqliteSnapshot {
    let doc: String = db
        .query_row(SQLITE_QUERY, [], |r| r.get(0))
        .expect("SQLITE_QUERY runs");
    introspect::sqlite(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}"))
}

/// The database's foreign keys and columns, as the migrators read them.
fn sqlite_schema(db: &Connection) -> SqliteSchema {
    let mut s = SqliteSchema::default();
    let mut st = db.prepare(SqliteSchema::FOREIGN_KEYS_QUERY).unwrap();
    s.foreign_keys = st
        .query_map([], |r| {
            Ok(ForeignKey {
                child: r.get(0)?,
                parent: r.get(1)?,
                column: r.get(2)?,
                on_delete: r.get(3)?,
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut st = db.prepare(SqliteSchema::COLUMNS_QUERY).unwrap();
    s.columns = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    s
}

/// `statements` run as the migrators run them: through `protect_rebuilds`
/// with the database's foreign keys and columns read before the migration,
/// inside the caller's transaction; each statement run is appended to `ran`.
fn migrate(db: &Connection, statements: &[String], ran: &mut Vec<String>) -> Result<(), String> {
    let protected = protect_rebuilds(statements, &sqlite_schema(db)).map_err(|e| e.to_string())?;
    for (s, _) in protected {
        ran.push(s.clone());
        db.execute_batch(&s).map_err(|e| format!("{s}: {e}"))?;
    }
    Ok(())
}

fn value(r: &mut Rng, c: &Col, row: usize, ci: usize, nullable: bool) -> Sql {
    if nullable && r.chance(20) {
        return Sql::Null;
    }
    let n = (row as i64 + 1) * 100 + ci as i64;
    match c.ty {
        "integer" | "numeric" => Sql::Integer(n),
        "real" => Sql::Real(n as f64 + 0.5),
        "text" => Sql::Text(format!("v{n}")),
        _ => Sql::Blob(vec![row as u8 + 1, ci as u8]),
    }
}

/// Writes up to 4 rows per table (parents first); a row SQLite refuses is skipped.
fn insert_rows(db: &Connection, r: &mut Rng, a: &Model, needs: &Needs) {
    let mut ids: BTreeMap<u32, Vec<i64>> = BTreeMap::new();
    for t in &a.tables {
        if needs.empty.contains(&t.id) {
            continue;
        }
        'row: for row in 0..r.below(5) {
            let mut names = Vec::new();
            let mut values = Vec::new();
            for (ci, c) in t.cols.iter().enumerate() {
                if c.generated {
                    continue;
                }
                let nullable = !c.not_null && !needs.no_null.contains(&c.id);
                let v = match t.fks.iter().find(|f| f.col == c.id) {
                    Some(f) => {
                        let parents = ids.get(&f.parent).cloned().unwrap_or_default();
                        if parents.is_empty() && !nullable {
                            continue 'row;
                        }
                        if parents.is_empty() || (nullable && r.chance(25)) {
                            Sql::Null
                        } else {
                            Sql::Integer(r.pick(&parents))
                        }
                    }
                    None => value(r, c, row, ci, nullable),
                };
                names.push(q(&c.name));
                values.push(v);
            }
            let marks: Vec<&str> = values.iter().map(|_| "?").collect();
            let sql = format!(
                "insert into {} ({}) values ({})",
                q(&t.name),
                names.join(", "),
                marks.join(", ")
            );
            if db
                .execute(&sql, rusqlite::params_from_iter(values.iter()))
                .is_ok()
                && t.single_id()
            {
                ids.entry(t.id).or_default().push(db.last_insert_rowid());
            }
        }
    }
}

/// A table's rows: primary key (as text) -> column id -> value.
type Rows = BTreeMap<String, BTreeMap<u32, Sql>>;

fn read_rows(db: &Connection, t: &Tbl) -> Rows {
    let cols: Vec<&Col> = t.cols.iter().filter(|c| !c.generated).collect();
    let list: Vec<String> = cols.iter().map(|c| q(&c.name)).collect();
    let sql = format!("select {} from {}", list.join(", "), q(&t.name));
    let mut st = db.prepare(&sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let mut out = Rows::new();
    let mut rows = st.query([]).unwrap();
    while let Some(row) = rows.next().unwrap() {
        let mut m = BTreeMap::new();
        for (i, c) in cols.iter().enumerate() {
            m.insert(c.id, row.get::<_, Sql>(i).unwrap());
        }
        let key: Vec<String> = t.pk.iter().map(|k| format!("{:?}", m.get(k))).collect();
        out.insert(key.join(","), m);
    }
    out
}

use support::normalized as normal;

// ------------------------------------------------------------ the property

fn check(seed: u64) {
    let mut r = Rng(seed);
    let a = random_a(&mut r);
    let mut b = a.clone();
    let mut needs = Needs::default();
    for _ in 0..1 + r.below(4) {
        edit(&mut b, &mut r, &a, &mut needs);
    }
    // A new NOT NULL column without a default has no value for old rows.
    for t in &b.tables {
        let required = |c: &Col| !c.from_a && c.not_null && c.default.is_none();
        if t.cols.iter().any(required) {
            needs.empty.push(t.id);
        }
        // NULLs made the default repeat it, which a unique index refuses (or
        // enter a unique partial index), and `> 0` is not said of every default.
        for c in &t.cols {
            let unique = c.unique.is_some()
                || t.idx
                    .iter()
                    .any(|i| i.unique && (i.col == c.id || i.where_col == Some(c.id)));
            let checked = t.checks.iter().any(|(_, x)| *x == c.id);
            if (unique || checked) && c.not_null {
                needs.no_null.push(c.id);
            }
        }
    }
    let (sa, sb) = (snapshot(&a), snapshot(&b));

    if ambiguous_without_hints(&a, &b) {
        let e = diff(&sa, &sb, &Hints::default());
        assert!(
            matches!(e, Err(DiffError::Ambiguous { .. })),
            "expected an ambiguity: {e:?}"
        );
    }
    let h = hints(&a, &b, r.chance(30));

    let db = Connection::open_in_memory().unwrap();
    run(&db, "PRAGMA foreign_keys=ON");
    let empty = snapshot(&Model::default());
    for s in diff(&empty, &sa, &Hints::default()).unwrap().statements {
        run(&db, &s);
    }
    insert_rows(&db, &mut r, &a, &needs);
    let before: Vec<(u32, Rows)> = a.tables.iter().map(|t| (t.id, read_rows(&db, t))).collect();

    let d = diff(&sa, &sb, &h).unwrap_or_else(|e| panic!("diff: {e}\nhints {h:?}"));
    run(&db, "BEGIN");
    let mut ran = Vec::new();
    if let Err(e) = migrate(&db, &d.statements, &mut ran) {
        panic!("{e}\nmigration: {ran:#?}\na: {a:#?}\nb: {b:#?}");
    }
    if let Err(e) = db.execute_batch("COMMIT") {
        let pending = dump(&db, "select * from pragma_foreign_key_check");
        panic!("COMMIT: {e}\nforeign_key_check: {pending:?}\nmigration: {ran:#?}");
    }

    // (i) the database is b.
    let found = Snapshot::Sqlite(introspect(&db));
    assert_eq!(
        normal(&found),
        normal(&sb),
        "statements: {:#?}",
        d.statements
    );

    // (ii) kept rows keep their values.
    for tb in &b.tables {
        let (Some(ta), Some((_, old))) = (a.table(tb.id), before.iter().find(|(i, _)| *i == tb.id))
        else {
            continue;
        };
        let new = read_rows(&db, tb);
        for (key, row) in old {
            let Some(now) = new.get(key) else {
                panic!(
                    "{}: row {key} lost; statements: {:#?}",
                    tb.name, d.statements
                );
            };
            for cb in tb.cols.iter().filter(|c| !c.generated) {
                let Some(ca) = ta.col(cb.id).filter(|ca| ca.ty == cb.ty) else {
                    continue;
                };
                // A NULL in a column made NOT NULL becomes its default.
                let filled = !ca.not_null && cb.not_null && cb.default.is_some();
                if filled && row.get(&ca.id) == Some(&Sql::Null) {
                    assert_ne!(now.get(&cb.id), Some(&Sql::Null));
                    continue;
                }
                assert_eq!(
                    row.get(&ca.id),
                    now.get(&cb.id),
                    "{}.{} of row {key}; statements: {:#?}",
                    tb.name,
                    cb.name,
                    d.statements
                );
            }
        }
    }
    let violations: i64 = db
        .query_row("select count(*) from pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(violations, 0, "foreign keys broken");

    // (iii) idempotence.
    let again = diff(&found, &sb, &Hints::default()).unwrap();
    assert!(again.statements.is_empty(), "{:#?}", again.statements);
}

/// `DIFFER_SEED=n cargo test ... -- replay` replays one case.
#[test]
fn replay() {
    if let Some(seed) = std::env::var("DIFFER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        check(seed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_migrated_database_is_the_next_schema_with_its_rows(seed in any::<u64>()) {
        check(seed);
    }
}
