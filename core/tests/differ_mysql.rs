//! The MySQL differ's statements for each kind of change (tests/migrations/generate.test.mjs runs them on
//! MariaDB 10.11 against drizzle-kit's folders and the engine's introspection).

use mizzle_core::declared;
use mizzle_core::differ::{diff, DestructiveKind, DiffError, Hints, Rename};
use mizzle_core::snapshot::Snapshot;
use serde_json::{json, Value};

fn snap(tables: Value) -> Snapshot {
    let text = json!({ "dialect": "mysql", "tables": tables }).to_string();
    declared::to_snapshot(&declared::read(&text).unwrap()).unwrap()
}

fn users(columns: Value) -> Value {
    let id = json!({ "name": "id", "sqlType": "int", "primaryKey": true, "notNull": true, "autoIncrement": true });
    let mut all = vec![id];
    all.extend(columns.as_array().unwrap().iter().cloned());
    json!([{ "name": "users", "columns": all }])
}

#[test]
fn a_column_changes_by_one_modify_and_nulls_take_the_default_first() {
    let a = snap(users(json!([{ "name": "n", "sqlType": "varchar(10)" }])));
    let b = snap(users(
        json!([{ "name": "n", "sqlType": "varchar(20)", "notNull": true,
        "default": { "kind": "string", "value": "x" } }]),
    ));
    let d = diff(&a, &b, &Hints::default()).unwrap();
    assert_eq!(
        d.statements,
        [
            "UPDATE `users` SET `n` = 'x' WHERE `n` IS NULL",
            "ALTER TABLE `users` MODIFY COLUMN `n` varchar(20) NOT NULL DEFAULT 'x'"
        ]
    );
    assert!(matches!(
        d.destructive[0].kind,
        DestructiveKind::ChangeType { .. }
    ));
    assert_eq!(d.destructive[0].statement, 1);
    assert!(diff(&b, &b, &Hints::default())
        .unwrap()
        .statements
        .is_empty());
}

#[test]
fn the_primary_key_is_a_named_composite_key_as_drizzle_kit_writes_it() {
    let Snapshot::MySql(s) = snap(users(json!([]))) else {
        panic!("a MySQL snapshot");
    };
    let t = s.tables.get("users").unwrap();
    assert_eq!(
        t.composite_primary_keys.keys().collect::<Vec<_>>(),
        ["users_id"]
    );
    assert!(!t.columns.get("id").unwrap().primary_key);
    let d = diff(&snap(json!([])), &Snapshot::MySql(s), &Hints::default()).unwrap();
    assert_eq!(
        d.statements,
        ["CREATE TABLE `users` (\n\t`id` int AUTO_INCREMENT NOT NULL,\n\tCONSTRAINT `users_id` PRIMARY KEY(`id`)\n)"]
    );
}

#[test]
fn renames_need_hints_and_tables_are_renamed_in_place() {
    let a = snap(users(json!([{ "name": "name", "sqlType": "text" }])));
    let b = snap(users(json!([{ "name": "full_name", "sqlType": "text" }])));
    assert!(matches!(
        diff(&a, &b, &Hints::default()),
        Err(DiffError::Ambiguous { .. })
    ));
    let hints = Hints {
        renames: vec![Rename {
            table: Some("users".into()),
            from: "name".into(),
            to: "full_name".into(),
        }],
        ..Default::default()
    };
    let d = diff(&a, &b, &hints).unwrap();
    assert_eq!(
        d.statements,
        ["ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`"]
    );
}
