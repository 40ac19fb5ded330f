//! The declared schema's wire format and the snapshot it gives: drizzle-kit's
//! literal rules for defaults, and each mistake a typed error.

use mizzle_core::declared::{self, DeclaredError};
use mizzle_core::snapshot::Snapshot;
use serde_json::{json, Value};

fn snapshot(tables: Value) -> Result<Snapshot, DeclaredError> {
    let text = json!({ "dialect": "sqlite", "tables": tables }).to_string();
    declared::to_snapshot(&declared::read(&text)?)
}

fn column_default(default: Value) -> Option<Value> {
    let t = json!([{ "name": "t", "columns": [{ "name": "c", "sqlType": "text", "default": default }] }]);
    let Ok(Snapshot::Sqlite(s)) = snapshot(t) else {
        panic!("a SQLite snapshot");
    };
    s.tables.get("t")?.columns.get("c")?.default.clone()
}

#[test]
fn defaults_are_written_as_drizzle_kit_writes_them() {
    let quoted = column_default(json!({ "kind": "string", "value": "it's" }));
    assert_eq!(quoted, Some(json!("'it''s'")));
    assert_eq!(
        column_default(json!({ "kind": "number", "text": "1.50" }))
            .unwrap()
            .to_string(),
        "1.50"
    );
    assert_eq!(
        column_default(json!({ "kind": "boolean", "value": true })),
        Some(json!(true))
    );
    assert_eq!(
        column_default(json!({ "kind": "sql", "sql": "(unixepoch())" })),
        Some(json!("(unixepoch())"))
    );
    // drizzle-kit leaves a quote in JSON undoubled (invalid SQL); doubled here.
    let object = column_default(json!({ "kind": "json", "text": "{\"a\":\"it's\"}" }));
    assert_eq!(object, Some(json!("'{\"a\":\"it''s\"}'")));
    // JSON.stringify writes NaN as null.
    assert_eq!(
        column_default(json!({ "kind": "number", "text": "NaN" })),
        Some(Value::Null)
    );
}

#[test]
fn mistakes_are_typed_errors() {
    let col = |name: &str| json!({ "name": name, "sqlType": "integer" });
    let same_table = snapshot(
        json!([{ "name": "t", "columns": [col("a")] }, { "name": "t", "columns": [col("b")] }]),
    );
    assert_eq!(
        same_table.unwrap_err(),
        DeclaredError::DuplicateTable("t".into())
    );
    let same_column = snapshot(json!([{ "name": "t", "columns": [col("a"), col("a")] }]));
    assert!(matches!(
        same_column,
        Err(DeclaredError::DuplicateColumn { .. })
    ));
    let missing = snapshot(json!([{ "name": "t", "columns": [col("a")],
        "primaryKeys": [{ "name": "pk", "columns": ["a", "b"] }] }]));
    assert_eq!(
        missing.unwrap_err(),
        DeclaredError::UnknownColumn {
            table: "t".into(),
            column: "b".into()
        }
    );
    let index = json!({ "name": "i", "columns": [{ "kind": "column", "name": "a" }] });
    let twice =
        snapshot(json!([{ "name": "t", "columns": [col("a")], "indexes": [index, index] }]));
    assert_eq!(
        twice.unwrap_err(),
        DeclaredError::DuplicateConstraint {
            table: "t".into(),
            name: "i".into()
        }
    );
    let unknown_field = declared::read(r#"{"dialect":"sqlite","tables":[],"extra":1}"#);
    assert!(matches!(unknown_field, Err(DeclaredError::Syntax(_))));
    let other_dialect = declared::read(r#"{"dialect":"mssql","tables":[]}"#);
    assert_eq!(other_dialect.unwrap_err().kind(), "schema_syntax");
}

#[test]
fn single_column_keys_and_uniques_land_where_drizzle_kit_puts_them() {
    let t = json!([{ "name": "t",
        "columns": [{ "name": "a", "sqlType": "integer", "unique": "t_a_unique" }, { "name": "b", "sqlType": "text" }],
        "primaryKeys": [{ "name": "t_a_pk", "columns": ["a"] }],
        "uniques": [{ "name": "t_b_u", "columns": ["b"] }],
        "generated": null }]);
    // `generated` is not a table field: refused, not dropped.
    assert!(snapshot(t.clone()).is_err());
    let mut t = t;
    t[0].as_object_mut().unwrap().remove("generated");
    let Ok(Snapshot::Sqlite(s)) = snapshot(t) else {
        panic!("a SQLite snapshot");
    };
    let table = s.tables.get("t").unwrap();
    assert!(table.columns.get("a").unwrap().primary_key);
    assert!(table.composite_primary_keys.is_empty());
    let indexes: Vec<&str> = table.indexes.keys().collect();
    assert_eq!(indexes, ["t_a_unique", "t_b_u"]);
    assert!(table.indexes.iter().all(|(_, i)| i.is_unique));
}
