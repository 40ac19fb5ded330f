//! The migrator's exports (`migrator` build, feature `migrations`): core's
//! folder readers, pending-set planner and tracking-table SQL, for the JS
//! hosts' `migrate()`. Not a hot path, so requests and plans cross as plain JS
//! objects (JSON through the host's own `JSON`), typed once here for
//! TypeScript by the custom section below.

use js_sys::JSON;
use mizzle_core::migrations::{
    plan, squash_header, Accept, AppliedRow, Folder, ForeignKey, History, MigrationError,
    SqliteSchema, Tracking,
};
use mizzle_core::DialectKind;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::error::js_error;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A migrations folder as a host read it (`migrate()` in npm-package/src/migrator/). */
export type MigrationFolder =
  /** drizzle-kit 0.31: meta/_journal.json's text and the folder's .sql files as [name without .sql, text]. */
  | { journal: string; files: [string, string][] }
  /** drizzle-kit's bundled migrations.js: the journal as JSON text, texts keyed m0000, m0001... */
  | { bundle: string; texts: [string, string][] }
  /** drizzle-kit 1.0: [folder name, migration.sql text] per sub-folder. */
  | { nested: [string, string][] }
  /** `wrangler d1 migrations apply`'s flat files: [file name with .sql, text] per file. */
  | { wrangler: [string, string][] };

export interface MigrationRequest {
  dialect: 'sqlite' | 'postgresql' | 'mysql';
  /** Whose tracking table: drizzle's (default) or wrangler's `d1_migrations` (SQLite only). */
  layout?: 'drizzle' | 'wrangler' | null;
  table?: string | null;
  schema?: string | null;
  folder: MigrationFolder;
  /** The tracking table's rows: [hash, created_at (a number or its decimal text), name (1.0 tables)]. */
  rows: [string | null, number | string | null, string | null][];
  /** Whether the table has drizzle 1.0's `name` column (then new rows record it too). */
  hasName: boolean;
  accept?: { missing?: boolean; changed?: boolean };
  /**
   * SQLite: the database's foreign keys ([child, parent, column, on_delete]) and insertable columns
   * ([table, column]), read with `MigrationSetup.sqlite`: table rebuilds are then made safe for child rows.
   */
  sqlite?: { foreignKeys: [string, string, string, string][]; columns: [string, string][] } | null;
}

export interface PendingMigration {
  name: string;
  createdAt: number;
  hash: string;
  statements: string[];
  /** For each of `statements`, its number in the file (from 1), or 0 for one the engine added. */
  sources: number[];
  /** The INSERT that records it. */
  record: string;
  /** PostgreSQL: run after `lock` in the same transaction; fails it if another run recorded this one meanwhile. */
  guard: string | null;
}

export interface MigrationPlan {
  pending: PendingMigration[];
  /** How many of the folder's migrations are recorded. */
  applied: number;
  /** Mismatches `accept` let through. */
  accepted: { kind: string; message: string }[];
}

export interface MigrationSetup {
  /** Creates drizzle's tracking table (and schema) if missing. */
  create: string[];
  /** One row per column of the tracking table, its name in `name`. */
  columns: string;
  rows: string;
  rowsWithName: string;
  /**
   * A statement that always fails, and what its error says: hosts that cannot tell which statement of a
   * batch failed (D1, Neon) re-run prefixes of the failed unit, each ending with it, so each rolls back.
   */
  probe: { sql: string; marker: string };
  /**
   * Against concurrent runs. PostgreSQL: `lock` runs first in every atomic unit, then each migration's
   * `guard`; a guard's error contains `concurrent`, and the run then reads the table again. MySQL: `lock`
   * runs once before the table is read (its `locked` column must be 1), `unlock` at the end. SQLite: none.
   */
  lock: string | null;
  lockInUnit: boolean;
  unlock: string | null;
  concurrent: string;
  /** SQLite only: the queries whose rows make `MigrationRequest.sqlite`. */
  sqlite: { foreignKeys: string; columns: string } | null;
}
"#;

/// The statements that create and read the tracking table (`layout`:
/// `"wrangler"` for wrangler's `d1_migrations`, else drizzle's).
#[wasm_bindgen(js_name = migrationsSetup, unchecked_return_type = "MigrationSetup")]
pub fn migrations_setup(
    dialect: &str,
    table: Option<String>,
    schema: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "'drizzle' | 'wrangler' | null | undefined")]
    layout: Option<String>,
) -> Result<JsValue, JsValue> {
    let t = tracking(
        dialect_of(dialect)?,
        layout.as_deref(),
        table.as_deref(),
        schema.as_deref(),
    )
    .map_err(|e| input(&e))?;
    let out = json!({
        "create": t.create().map_err(error)?,
        "columns": t.columns_query().map_err(error)?,
        "rows": t.rows_query(false).map_err(error)?,
        "rowsWithName": t.rows_query(true).map_err(error)?,
        "probe": { "sql": t.probe().0, "marker": t.probe().1 },
        "lock": t.lock().map_err(error)?,
        "lockInUnit": dialect == "postgresql",
        "unlock": t.unlock().map_err(error)?,
        "concurrent": Tracking::CONCURRENT,
        "sqlite": (dialect == "sqlite").then(|| json!({
            "foreignKeys": SqliteSchema::FOREIGN_KEYS_QUERY,
            "columns": SqliteSchema::COLUMNS_QUERY,
        })),
    });
    to_js(&out)
}

/// The header of a baseline replacing `history` (`[tag, createdAt, file text]`
/// per migration, in folder order): the comment lines `mizzle-kit squash`
/// starts the baseline with, which `migrationsPlan` reads back
/// (core/src/migrations/squash.rs holds the format).
#[wasm_bindgen(js_name = squashHeader)]
pub fn squash_header_js(
    #[wasm_bindgen(unchecked_param_type = "[string, number, string][]")] history: JsValue,
) -> Result<String, JsValue> {
    let text: String = JSON::stringify(&history)
        .map_err(|_| input("the history is not JSON-serialisable"))?
        .into();
    let v: Value = serde_json::from_str(&text).map_err(|e| input(&e.to_string()))?;
    let bad = || input("squashHeader: expected [tag, createdAt, text] triples");
    let mut triples = Vec::new();
    for t in v.as_array().ok_or_else(bad)? {
        let created_at = t[1].as_i64().or_else(|| t[1].as_f64().map(|f| f as i64));
        match (t[0].as_str(), created_at, t[2].as_str()) {
            (Some(tag), Some(at), Some(sql)) => triples.push((tag, at, sql)),
            _ => return Err(bad()),
        }
    }
    squash_header(&triples).map_err(error)
}

/// What to run: the pending migrations with their statements and records.
#[wasm_bindgen(js_name = migrationsPlan, unchecked_return_type = "MigrationPlan")]
pub fn migrations_plan(
    #[wasm_bindgen(unchecked_param_type = "MigrationRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let text: String = JSON::stringify(&request)
        .map_err(|_| input("the request is not JSON-serialisable"))?
        .into();
    let r: Value = serde_json::from_str(&text).map_err(|e| input(&e.to_string()))?;
    let out = plan_json(&r).map_err(|e| match e {
        Failure::Input(m) => input(&m),
        Failure::Migration(e) => error(e),
    })?;
    to_js(&out)
}

enum Failure {
    Input(String),
    Migration(MigrationError),
}

impl From<MigrationError> for Failure {
    fn from(e: MigrationError) -> Self {
        Failure::Migration(e)
    }
}

/// The request's fields to core and the plan back, without JS types (so the
/// native tests run it).
fn plan_json(r: &Value) -> Result<Value, Failure> {
    let bad = |what: &str| Failure::Input(format!("migration request: {what}"));
    let dialect = r["dialect"]
        .as_str()
        .and_then(dialect_kind)
        .ok_or_else(|| bad("dialect"))?;
    let t = tracking(
        dialect,
        r["layout"].as_str(),
        r["table"].as_str(),
        r["schema"].as_str(),
    )
    .map_err(Failure::Input)?;
    let pairs = |v: &Value| -> Option<Vec<(String, String)>> {
        v.as_array()?
            .iter()
            .map(|p| {
                Some((
                    p.get(0)?.as_str()?.to_owned(),
                    p.get(1)?.as_str()?.to_owned(),
                ))
            })
            .collect()
    };
    let f = &r["folder"];
    let folder = if let Some(j) = f["journal"].as_str() {
        Folder::journal(
            j,
            &borrow(&pairs(&f["files"]).ok_or_else(|| bad("folder.files"))?),
        )?
    } else if let Some(j) = f["bundle"].as_str() {
        Folder::bundle(
            j,
            &borrow(&pairs(&f["texts"]).ok_or_else(|| bad("folder.texts"))?),
        )?
    } else if let Some(files) = f.get("wrangler") {
        Folder::wrangler(&borrow(
            &pairs(files).ok_or_else(|| bad("folder.wrangler"))?,
        ))?
    } else {
        Folder::nested(&borrow(&pairs(&f["nested"]).ok_or_else(|| bad("folder"))?))?
    };
    let mut history = History::default();
    for row in r["rows"].as_array().ok_or_else(|| bad("rows"))? {
        let created_at = match &row[1] {
            Value::Null => None,
            Value::String(s) => Some(s.trim().parse::<i64>().map_err(|_| bad("created_at"))?),
            n => Some(
                n.as_i64()
                    .or_else(|| n.as_f64().map(|f| f as i64))
                    .ok_or_else(|| bad("created_at"))?,
            ),
        };
        history.rows.push(AppliedRow {
            hash: row[0].as_str().unwrap_or("").to_owned(),
            created_at,
            name: row[2].as_str().map(str::to_owned),
        });
    }
    let accept = Accept {
        missing: r["accept"]["missing"].as_bool().unwrap_or(false),
        changed: r["accept"]["changed"].as_bool().unwrap_or(false),
    };
    let has_name = r["hasName"].as_bool().unwrap_or(false);
    let mut p = plan(&folder, &history, accept)?;
    if let Some(sqlite) = r.get("sqlite").filter(|v| !v.is_null()) {
        p.protect_rebuilds(&sqlite_schema(sqlite).ok_or_else(|| bad("sqlite"))?)?;
    }
    let mut pending = Vec::with_capacity(p.pending.len());
    for m in &p.pending {
        pending.push(json!({
            "name": m.name,
            "createdAt": m.created_at,
            "hash": m.hash,
            "statements": m.statements,
            "sources": m.sources,
            "record": t.record(m, has_name)?,
            "guard": t.guard(m)?,
        }));
    }
    let accepted: Vec<Value> = p
        .accepted
        .iter()
        .map(|e| json!({ "kind": e.kind(), "message": e.to_string() }))
        .collect();
    Ok(json!({
        "pending": pending,
        "applied": p.applied,
        "accepted": accepted,
    }))
}

/// drizzle's table, or wrangler's (D1's flat folders: SQLite only).
fn tracking(
    dialect: DialectKind,
    layout: Option<&str>,
    table: Option<&str>,
    schema: Option<&str>,
) -> Result<Tracking, String> {
    match layout {
        None | Some("drizzle") => Ok(Tracking::new(dialect, table, schema)),
        Some("wrangler") if dialect == DialectKind::Sqlite => Ok(Tracking::wrangler(table)),
        Some("wrangler") => Err(String::from(
            "layout 'wrangler' is D1's (wrangler d1 migrations apply): SQLite hosts only",
        )),
        Some(other) => Err(format!("unknown migrations layout {other:?}")),
    }
}

fn sqlite_schema(v: &Value) -> Option<SqliteSchema> {
    let text = |v: &Value, i: usize| v.get(i)?.as_str().map(str::to_owned);
    let mut schema = SqliteSchema::default();
    for f in v["foreignKeys"].as_array()? {
        schema.foreign_keys.push(ForeignKey {
            child: text(f, 0)?,
            parent: text(f, 1)?,
            column: text(f, 2)?,
            on_delete: text(f, 3)?,
        });
    }
    for c in v["columns"].as_array()? {
        schema.columns.push((text(c, 0)?, text(c, 1)?));
    }
    Some(schema)
}

fn borrow(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

fn dialect_kind(name: &str) -> Option<DialectKind> {
    DialectKind::ALL.into_iter().find(|d| d.name() == name)
}

fn dialect_of(name: &str) -> Result<DialectKind, JsValue> {
    dialect_kind(name).ok_or_else(|| input(&format!("unknown dialect {name:?}")))
}

fn to_js(v: &Value) -> Result<JsValue, JsValue> {
    JSON::parse(&v.to_string()).map_err(|_| input("the plan is not JSON"))
}

fn input(message: &str) -> JsValue {
    js_error("invalid", message, None)
}

fn error(e: MigrationError) -> JsValue {
    js_error(e.kind(), &e.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_a_request() {
        let r = json!({
            "dialect": "postgresql",
            "folder": {"journal": r#"{"entries":[{"idx":0,"when":5,"tag":"0000_a"},{"idx":1,"when":6,"tag":"0001_b"}]}"#,
                       "files": [["0000_a", "create table a (id int);"], ["0001_b", "select 1"]]},
            "rows": [[mizzle_core::migrations::sha256_hex("create table a (id int);"), "5", null]],
            "hasName": false
        });
        let p = match plan_json(&r) {
            Ok(p) => p,
            Err(_) => panic!("no plan"),
        };
        assert_eq!(p["applied"], 1);
        assert_eq!(p["pending"][0]["name"], "0001_b");
        assert_eq!(p["pending"][0]["statements"], json!(["select 1"]));
        assert!(p["pending"][0]["guard"]
            .as_str()
            .unwrap()
            .contains(Tracking::CONCURRENT));
    }

    #[test]
    fn plans_a_wrangler_folder() {
        let r = json!({
            "dialect": "sqlite",
            "layout": "wrangler",
            "folder": {"wrangler": [["0002_b.sql", "select 2; select 3;"], ["0001_a.sql", "select 1"]]},
            "rows": [[null, null, "0001_a.sql"]],
            "hasName": true
        });
        let Ok(p) = plan_json(&r) else {
            panic!("no plan")
        };
        assert_eq!(p["applied"], 1);
        assert_eq!(
            p["pending"][0]["statements"],
            json!(["select 2", "select 3"])
        );
        assert_eq!(
            p["pending"][0]["record"],
            "insert into \"d1_migrations\" (\"name\") values ('0002_b.sql')"
        );
        let pg = json!({"dialect": "postgresql", "layout": "wrangler", "folder": {"wrangler": []}, "rows": []});
        assert!(
            matches!(plan_json(&pg), Err(Failure::Input(m)) if m.contains("SQLite hosts only"))
        );
    }

    #[test]
    fn typed_failures() {
        let bad = json!({"dialect": "oracle", "folder": {"nested": []}, "rows": []});
        assert!(matches!(plan_json(&bad), Err(Failure::Input(_))));
        let missing =
            json!({"dialect": "sqlite", "folder": {"nested": []}, "rows": [["h", 1, null]]});
        assert!(matches!(
            plan_json(&missing),
            Err(Failure::Migration(MigrationError::Missing { .. }))
        ));
        // A database behind a squash: the baseline's history recorded only in part.
        let header =
            squash_header(&[("0000_a", 5, "select 1"), ("0001_b", 6, "select 2")]).unwrap();
        let behind = json!({
            "dialect": "sqlite",
            "folder": {"journal": r#"{"entries":[{"idx":0,"when":6,"tag":"0000_base"}]}"#,
                       "files": [["0000_base", format!("{header}select 3")]]},
            "rows": [[mizzle_core::migrations::sha256_hex("select 1"), 5, null]],
        });
        let Err(Failure::Migration(e)) = plan_json(&behind) else {
            panic!("no error")
        };
        assert_eq!(e.kind(), "migration_squashed");
    }
}
