//! The schema differ's exports (`migrator` build): a declared schema (read
//! off the DSL by npm-package/src/migrator/declared.ts) to its snapshot, and
//! the DDL from a previous snapshot to it, for `mizzle-kit generate / push`
//! and `push()` inside a Worker or a browser. Requests cross as JSON text,
//! typed once here for TypeScript.

use mizzle_core::declared::{self, DeclaredError};
use mizzle_core::differ::{adopt_declared_spelling, diff, keep_managed, DiffError, Filter, Hints};
use mizzle_core::introspect::{self, IntrospectError};
use mizzle_core::snapshot::{self, Layout, Snapshot, SnapshotError};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::error::js_error;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A schema as the DSL declares it (core/src/declared/mod.rs: the serde types are the source of truth). */
export interface DeclaredSchema {
  dialect: 'sqlite' | 'postgresql' | 'mysql';
  tables: DeclaredTable[];
  views?: DeclaredView[];
  /** PostgreSQL: `pgEnum`s. */
  enums?: { schema?: string | null; name: string; values: string[] }[];
  /** PostgreSQL: `pgSchema`s besides public. */
  schemas?: string[];
}
export interface DeclaredTable {
  schema?: string | null;
  name: string;
  columns: DeclaredColumn[];
  indexes?: {
    /** PostgreSQL: null is named `<table>_<columns>_index`. */
    name?: string | null;
    columns: DeclaredIndexPart[];
    unique?: boolean;
    where?: string | null;
    /** PostgreSQL's `.using()` method, MySQL's `using`. */
    method?: string | null;
    with?: Record<string, unknown> | null;
    concurrently?: boolean;
    /** MySQL: `.algorithm()`, `.lock()`. */
    algorithm?: string | null;
    lock?: string | null;
  }[];
  foreignKeys?: {
    name: string;
    columns: string[];
    foreignTable: string;
    foreignSchema?: string | null;
    foreignColumns: string[];
    onDelete?: string | null;
    onUpdate?: string | null;
  }[];
  primaryKeys?: { name: string; columns: string[] }[];
  uniques?: { name: string; columns: string[]; nullsNotDistinct?: boolean }[];
  checks?: { name: string; sql: string }[];
}
export type DeclaredIndexPart =
  | { kind: 'column'; name: string; desc?: boolean; nulls?: string | null; opclass?: string | null }
  | { kind: 'expression'; sql: string };
export interface DeclaredColumn {
  name: string;
  /** `getSQLType()`. */
  sqlType: string;
  notNull?: boolean;
  primaryKey?: boolean;
  autoIncrement?: boolean;
  default?: DeclaredDefault | null;
  generated?: { sql: string; mode?: string | null } | null;
  /** The name of a column's `.unique()`. */
  unique?: string | null;
  /** PostgreSQL: `.unique(name, { nulls: 'not distinct' })`. */
  uniqueNullsNotDistinct?: boolean;
  /** PostgreSQL: an enum column's enum schema. */
  typeSchema?: string | null;
  /** PostgreSQL: an identity column's type and sequence options. */
  identity?: {
    type: string;
    sequenceName?: string | null;
    increment?: unknown;
    minValue?: unknown;
    maxValue?: unknown;
    startWith?: unknown;
    cache?: unknown;
    cycle?: boolean;
  } | null;
  /** MySQL: `.onUpdateNow()`. */
  onUpdateNow?: boolean;
}
export type DeclaredDefault =
  | { kind: 'sql'; sql: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'json'; text: string }
  | { kind: 'array'; items: unknown }
  | { kind: 'date'; iso: string };
export interface DeclaredView {
  schema?: string | null;
  name: string;
  columns: DeclaredColumn[];
  definition?: string | null;
  existing?: boolean;
  materialized?: boolean;
  with?: Record<string, unknown> | null;
  using?: string | null;
  tablespace?: string | null;
  withNoData?: boolean | null;
  /** MySQL's view options. */
  algorithm?: string | null;
  sqlSecurity?: string | null;
  withCheckOption?: string | null;
}

/** Which disappearing names are renames, and which are a create plus a drop. */
export interface DiffHints {
  /** `table` set: a column of that table (its new name) renamed; else a table. */
  renames?: { table?: string | null; from: string; to: string }[];
  createDrop?: { table: string; column?: string | null }[];
  /** Ignore a hint that names nothing that changes (push: one set of hints for every instance); else refused. */
  ignoreUnused?: boolean;
}

export interface SchemaDiffRequest {
  /** The next state: the schema as declared, or (`mizzle-kit generate --down`) a snapshot file's text. */
  declared?: DeclaredSchema;
  nextSnapshot?: string;
  /** The previous snapshot file's text (a folder's last, or an introspection); null: an empty database. */
  prev: string | null;
  hints?: DiffHints;
  /** The new snapshot's id (its prevId is `prev`'s id). */
  id: string;
  /** `generate --custom`: no statements; the snapshot is `prev`'s under the new id. */
  custom?: boolean;
  /**
   * `push`: the live database's state instead of `prev`, the one text cell `schemaIntrospection(dialect)`'s
   * query returned.
   */
  introspected?: string | null;
  /**
   * `push`: drizzle-kit's `tablesFilter` (globs over table names, `!` excludes) and `schemaFilter`
   * (PostgreSQL): tables outside them are neither created nor dropped.
   */
  tablesFilter?: string[];
  schemaFilter?: string[];
}

/** What `snapshotInfo` reads off a snapshot file (after checking all of it). */
export interface SnapshotInfo {
  dialect: 'sqlite' | 'postgresql' | 'mysql';
  id: string;
  prevId: string;
}

export interface SchemaDiff {
  /**
   * Set when names disappear while others appear (tables: `table` null; else that table's columns): only
   * hints decide which are renames. Nothing else is set then.
   */
  ambiguous: { table: string | null; removed: string[]; added: string[] } | null;
  statements: string[];
  /** The statements that lose data, by index into `statements`. */
  destructive: { statement: number; kind: string; message: string }[];
  /** The new snapshot file's text, its `_meta` holding the renames (empty when ambiguous). */
  snapshot: string;
}
"#;

/// The query whose one text cell `SchemaDiffRequest.introspected` takes.
#[wasm_bindgen(js_name = schemaIntrospection)]
pub fn schema_introspection(
    #[wasm_bindgen(unchecked_param_type = "'sqlite' | 'postgresql' | 'mysql'")] dialect: &str,
) -> Result<String, JsValue> {
    match dialect {
        "sqlite" => Ok(introspect::SQLITE_QUERY.into()),
        #[cfg(feature = "dialect-postgres")]
        "postgresql" => Ok(introspect::POSTGRES_QUERY.into()),
        #[cfg(feature = "dialect-mysql")]
        "mysql" => Ok(introspect::MYSQL_QUERY.into()),
        other => Err(js_error(
            "unsupported",
            &format!("no introspection of {other} in this build"),
            None,
        )),
    }
}

/// A snapshot file read whole (a typed error where it is not drizzle-kit
/// 0.31's), its dialect and ids returned: `mizzle-kit check`.
#[wasm_bindgen(js_name = snapshotInfo, unchecked_return_type = "SnapshotInfo")]
pub fn snapshot_info(text: &str) -> Result<JsValue, JsValue> {
    let s = snapshot::read(text).map_err(|e| {
        let f = Failure::from(e);
        js_error(f.kind, &f.message, f.code)
    })?;
    let dialect = match s {
        Snapshot::Sqlite(_) => "sqlite",
        Snapshot::Postgres(_) => "postgresql",
        Snapshot::MySql(_) => "mysql",
    };
    let out = json!({ "dialect": dialect, "id": s.id(), "prevId": s.prev_id() });
    js_sys::JSON::parse(&out.to_string()).map_err(|_| js_error("invalid", "not JSON", None))
}

/// The snapshot file's text drizzle-kit would write for a declared schema
/// (its `id` and `prevId` empty): what the differ compares, shown by tools.
#[wasm_bindgen(js_name = schemaSnapshot)]
pub fn schema_snapshot(
    #[wasm_bindgen(unchecked_param_type = "DeclaredSchema")] declared: JsValue,
) -> Result<String, JsValue> {
    let text: String = js_sys::JSON::stringify(&declared)
        .map_err(|_| js_error("invalid", "the schema is not JSON-serialisable", None))?
        .into();
    let fail = |f: Failure| js_error(f.kind, &f.message, f.code);
    let schema = declared::read(&text).map_err(|e| fail(e.into()))?;
    let s = declared::to_snapshot(&schema).map_err(|e| fail(e.into()))?;
    Ok(snapshot::write(&s))
}

/// The snapshot file's text of an introspected database (the text cell of
/// `schemaIntrospection`'s query): what `push` diffs from, shown by tools.
#[wasm_bindgen(js_name = introspectedSnapshot)]
pub fn introspected_snapshot(
    #[wasm_bindgen(unchecked_param_type = "'sqlite' | 'postgresql' | 'mysql'")] dialect: &str,
    document: &str,
) -> Result<String, JsValue> {
    let fail = |e: IntrospectError| {
        let f = Failure::from(e);
        js_error(f.kind, &f.message, f.code)
    };
    let s = match dialect {
        "sqlite" => Snapshot::Sqlite(introspect::sqlite(document).map_err(fail)?),
        #[cfg(feature = "dialect-postgres")]
        "postgresql" => Snapshot::Postgres(introspect::postgres(document).map_err(fail)?),
        #[cfg(feature = "dialect-mysql")]
        "mysql" => Snapshot::MySql(introspect::mysql(document).map_err(fail)?),
        other => {
            let message = format!("no introspection of {other} in this build");
            return Err(js_error("unsupported", &message, None));
        }
    };
    Ok(snapshot::write(&s))
}

/// The DDL from `request.prev` to `request.declared`, and the new snapshot.
#[wasm_bindgen(js_name = schemaDiff, unchecked_return_type = "SchemaDiff")]
pub fn schema_diff(
    #[wasm_bindgen(unchecked_param_type = "SchemaDiffRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let text: String = js_sys::JSON::stringify(&request)
        .map_err(|_| js_error("invalid", "the request is not JSON-serialisable", None))?
        .into();
    let out = diff_json(&text).map_err(|f| js_error(f.kind, &f.message, f.code))?;
    js_sys::JSON::parse(&out.to_string())
        .map_err(|_| js_error("invalid", "the diff is not JSON", None))
}

/// An error's kind (the `MizzleError` kinds of npm-package/src/errors.ts), message, and core's finer
/// kind as its `code`.
pub struct Failure {
    pub kind: &'static str,
    pub message: String,
    pub code: Option<&'static str>,
}

impl Failure {
    fn new(kind: &'static str, code: &'static str, message: String) -> Failure {
        Failure {
            kind,
            message,
            code: Some(code),
        }
    }
}

impl From<DeclaredError> for Failure {
    fn from(e: DeclaredError) -> Self {
        Failure::new("schema", e.kind(), e.to_string())
    }
}

impl From<DiffError> for Failure {
    fn from(e: DiffError) -> Self {
        Failure::new("schema_diff", e.kind(), e.to_string())
    }
}

impl From<IntrospectError> for Failure {
    fn from(e: IntrospectError) -> Self {
        Failure::new("introspection", e.kind(), e.to_string())
    }
}

impl From<SnapshotError> for Failure {
    fn from(e: SnapshotError) -> Self {
        Failure::new("migration_folder", e.kind(), e.to_string())
    }
}

/// The request's text to the diff's JSON, without JS types (native tests).
pub fn diff_json(text: &str) -> Result<Value, Failure> {
    let bad = |m: String| Failure {
        kind: "invalid",
        message: format!("schema diff request: {m}"),
        code: None,
    };
    let mut r: Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let (schema, mut next) = match (
        r.get_mut("declared").map(Value::take),
        r.get("nextSnapshot"),
    ) {
        (Some(d), _) if !d.is_null() => {
            let schema = declared::from_value(d)?;
            let next = declared::to_snapshot(&schema)?;
            (schema, next)
        }
        (_, Some(Value::String(text))) => {
            let next = snapshot::read(text)?;
            (declared::empty(dialect_of(&next)), next)
        }
        _ => return Err(bad("no `declared` nor `nextSnapshot`".into())),
    };
    let introspected = r.get("introspected").and_then(Value::as_str);
    let mut prev = match (introspected, r.get("prev").and_then(Value::as_str)) {
        (Some(doc), _) => match schema.dialect {
            declared::DeclaredDialect::Sqlite => Snapshot::Sqlite(introspect::sqlite(doc)?),
            #[cfg(feature = "dialect-postgres")]
            declared::DeclaredDialect::Postgresql => Snapshot::Postgres(introspect::postgres(doc)?),
            #[cfg(feature = "dialect-mysql")]
            declared::DeclaredDialect::Mysql => Snapshot::MySql(introspect::mysql(doc)?),
            #[allow(unreachable_patterns)]
            _ => return Err(bad("no introspection of this dialect in this build".into())),
        },
        (None, Some(t)) => snapshot::read(t)?,
        (None, None) => declared::to_snapshot(&declared::empty(schema.dialect))?,
    };
    let filter = Filter {
        tables: strings(&r, "tablesFilter").map_err(bad)?,
        schemas: strings(&r, "schemaFilter").map_err(bad)?,
    };
    keep_managed(&mut prev, &filter);
    keep_managed(&mut next, &filter);
    if introspected.is_some() {
        // The server's reprint of an unchanged expression is no change (differ/live_spelling.rs).
        adopt_declared_spelling(&mut prev, &next);
    }
    let hints = match r.get_mut("hints").map(Value::take) {
        Some(h) if !h.is_null() => Hints::from_value(h)?,
        _ => Hints::default(),
    };
    let id = r.get("id").and_then(Value::as_str).unwrap_or_default();
    if r.get("custom").and_then(Value::as_bool) == Some(true) {
        let mut same = prev.clone();
        same.set_ids(id, prev.id());
        same.set_layout(Layout::Parsed);
        return Ok(
            json!({ "ambiguous": null, "statements": [], "destructive": [], "snapshot": snapshot::write(&same) }),
        );
    }
    let d = match diff(&prev, &next, &hints) {
        Err(DiffError::Ambiguous {
            table,
            removed,
            added,
        }) => {
            let ambiguous = json!({ "table": table, "removed": removed, "added": added });
            return Ok(
                json!({ "ambiguous": ambiguous, "statements": [], "destructive": [], "snapshot": "" }),
            );
        }
        d => d?,
    };
    next.set_ids(id, prev.id());
    next.record_renames(&d.renames);
    let destructive: Vec<Value> = d
        .destructive
        .iter()
        .map(|x| json!({ "statement": x.statement, "kind": x.kind.code(), "message": x.kind.describe() }))
        .collect();
    Ok(json!({
        "ambiguous": null,
        "statements": d.statements,
        "destructive": destructive,
        "snapshot": snapshot::write(&next),
    }))
}

/// The request's `key`, an optional list of text.
fn strings(r: &Value, key: &str) -> Result<Vec<String>, String> {
    match r.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(String::from)
                    .ok_or_else(|| format!("`{key}` holds a non-text item"))
            })
            .collect(),
        Some(_) => Err(format!("`{key}` must be a list of text")),
    }
}

/// The declared-schema dialect of a snapshot.
fn dialect_of(s: &Snapshot) -> declared::DeclaredDialect {
    match s {
        Snapshot::Sqlite(_) => declared::DeclaredDialect::Sqlite,
        Snapshot::Postgres(_) => declared::DeclaredDialect::Postgresql,
        Snapshot::MySql(_) => declared::DeclaredDialect::Mysql,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(tables: Value, prev: Option<&str>, extra: Value) -> Value {
        let mut r = json!({ "declared": { "dialect": "sqlite", "tables": tables }, "prev": prev, "id": "b" });
        if let (Some(r), Some(extra)) = (r.as_object_mut(), extra.as_object()) {
            r.extend(extra.clone());
        }
        r
    }

    fn run(r: &Value) -> Value {
        match diff_json(&r.to_string()) {
            Ok(v) => v,
            Err(f) => panic!("{}: {}", f.kind, f.message),
        }
    }

    #[test]
    fn a_first_diff_creates_and_chains_the_snapshot() {
        let t = json!([{ "name": "t", "columns": [{ "name": "id", "sqlType": "integer", "primaryKey": true }] }]);
        let out = run(&request(t.clone(), None, json!({})));
        assert_eq!(out["ambiguous"], Value::Null);
        assert!(out["statements"][0]
            .as_str()
            .is_some_and(|s| s.starts_with("CREATE TABLE \"t\"")));
        let snap: Value =
            serde_json::from_str(out["snapshot"].as_str().unwrap_or("")).unwrap_or_default();
        assert_eq!(snap["id"], "b");
        assert_eq!(snap["prevId"], "00000000-0000-0000-0000-000000000000");
        // The same schema again: nothing to do.
        let again = run(&request(t, out["snapshot"].as_str(), json!({})));
        assert_eq!(again["statements"], json!([]));
    }

    #[test]
    fn an_ambiguity_is_an_answer_and_hints_resolve_it() {
        let col = |n: &str| json!([{ "name": "t", "columns": [{ "name": n, "sqlType": "text" }] }]);
        let first = run(&request(col("a"), None, json!({})));
        let prev = first["snapshot"].as_str();
        let out = run(&request(col("b"), prev, json!({})));
        assert_eq!(
            out["ambiguous"],
            json!({ "table": "t", "removed": ["a"], "added": ["b"] })
        );
        let hints = json!({ "hints": { "renames": [{ "table": "t", "from": "a", "to": "b" }] } });
        let renamed = run(&request(col("b"), prev, hints));
        assert_eq!(
            renamed["statements"],
            json!(["ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"b\""])
        );
        let snap: Value =
            serde_json::from_str(renamed["snapshot"].as_str().unwrap_or("")).unwrap_or_default();
        assert_eq!(
            snap["_meta"]["columns"],
            json!({ "\"t\".\"a\"": "\"t\".\"b\"" })
        );
    }

    #[test]
    fn bad_requests_are_typed() {
        let Err(f) = diff_json("{}") else {
            panic!("accepted")
        };
        assert_eq!(f.kind, "invalid");
        let r = json!({ "declared": { "dialect": "sqlite", "tables": [{ "name": "t", "columns": [] }, { "name": "t", "columns": [] }] } });
        let Err(f) = diff_json(&r.to_string()) else {
            panic!("accepted")
        };
        assert_eq!((f.kind, f.code), ("schema", Some("schema_duplicate_table")));
        let r = request(json!([]), Some("{"), json!({}));
        let Err(f) = diff_json(&r.to_string()) else {
            panic!("accepted")
        };
        assert_eq!(f.kind, "migration_folder");
    }
}
