//! The PostgreSQL differ's statements for each kind of change (tests/migrations/generate.test.mjs runs them
//! on PostgreSQL 15 against drizzle-kit's folders and the engine's introspection).

use mizzle_core::declared;
use mizzle_core::differ::{diff, DestructiveKind, DiffError, Hints, Rename};
use mizzle_core::snapshot::Snapshot;
use serde_json::{json, Value};

fn snap(tables: Value, enums: Value) -> Snapshot {
    let text = json!({ "dialect": "postgresql", "tables": tables, "enums": enums }).to_string();
    declared::to_snapshot(&declared::read(&text).unwrap()).unwrap()
}

fn col(name: &str, ty: &str) -> Value {
    json!({ "name": name, "sqlType": ty })
}

fn users(columns: Value) -> Value {
    json!([{ "name": "users", "columns": columns }])
}

fn id() -> Value {
    json!({ "name": "id", "sqlType": "serial", "primaryKey": true, "notNull": true })
}

#[test]
fn a_type_change_is_one_alter_with_using_and_is_flagged() {
    let a = snap(users(json!([id(), col("n", "text")])), json!([]));
    let b = snap(users(json!([id(), col("n", "integer")])), json!([]));
    let d = diff(&a, &b, &Hints::default()).unwrap();
    assert_eq!(
        d.statements,
        ["ALTER TABLE \"users\" ALTER COLUMN \"n\" SET DATA TYPE integer USING \"n\"::integer"]
    );
    assert!(matches!(
        d.destructive[0].kind,
        DestructiveKind::ChangeType { .. }
    ));
}

#[test]
fn nullability_and_defaults_change_in_place() {
    let a = snap(users(json!([id(), col("n", "text")])), json!([]));
    let with = json!({ "name": "n", "sqlType": "text", "notNull": true,
        "default": { "kind": "string", "value": "x" } });
    let b = snap(users(json!([id(), with])), json!([]));
    let d = diff(&a, &b, &Hints::default()).unwrap();
    assert_eq!(
        d.statements,
        [
            "ALTER TABLE \"users\" ALTER COLUMN \"n\" SET DEFAULT 'x'",
            // Rows holding NULL take the default before NOT NULL is set.
            "UPDATE \"users\" SET \"n\" = 'x' WHERE \"n\" IS NULL",
            "ALTER TABLE \"users\" ALTER COLUMN \"n\" SET NOT NULL"
        ]
    );
    assert!(diff(&b, &b, &Hints::default())
        .unwrap()
        .statements
        .is_empty());
}

#[test]
fn renames_are_hinted_with_or_without_the_schema() {
    let a = snap(users(json!([id(), col("name", "text")])), json!([]));
    let b = snap(users(json!([id(), col("full_name", "text")])), json!([]));
    assert!(matches!(
        diff(&a, &b, &Hints::default()),
        Err(DiffError::Ambiguous { .. })
    ));
    for table in ["users", "public.users"] {
        let hints = Hints {
            renames: vec![Rename {
                table: Some(table.into()),
                from: "name".into(),
                to: "full_name".into(),
            }],
            ..Default::default()
        };
        let d = diff(&a, &b, &hints).unwrap();
        assert_eq!(
            d.statements,
            ["ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\""]
        );
    }
}

#[test]
fn enum_values_are_added_in_place_and_never_removed() {
    let t = users(json!([id(), { "name": "m", "sqlType": "mood", "typeSchema": "public" }]));
    let mood = |values: Value| json!([{ "name": "mood", "values": values }]);
    let a = snap(t.clone(), mood(json!(["sad", "happy"])));
    let b = snap(t.clone(), mood(json!(["sad", "ok", "happy", "joy"])));
    let d = diff(&a, &b, &Hints::default()).unwrap();
    assert_eq!(
        d.statements,
        [
            "ALTER TYPE \"mood\" ADD VALUE 'ok' BEFORE 'happy'",
            "ALTER TYPE \"mood\" ADD VALUE 'joy'"
        ]
    );
    assert!(matches!(
        diff(&b, &a, &Hints::default()),
        Err(DiffError::Unsupported(_))
    ));
}

#[test]
fn tables_come_before_their_foreign_keys_and_drops_after_them() {
    let posts = json!({ "name": "posts", "columns": [id(), col("user_id", "integer")],
        "foreignKeys": [{ "name": "posts_user_fk", "columns": ["user_id"], "foreignTable": "users",
                          "foreignColumns": ["id"], "onDelete": "cascade" }] });
    let both = snap(
        json!([posts, { "name": "users", "columns": [id()] }]),
        json!([]),
    );
    let empty = snap(json!([]), json!([]));
    let d = diff(&empty, &both, &Hints::default()).unwrap();
    assert!(d.statements[0].starts_with("CREATE TABLE \"posts\""));
    assert!(d.statements[1].starts_with("CREATE TABLE \"users\""));
    assert_eq!(
        d.statements[2],
        "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_user_fk\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") \
         ON DELETE cascade"
    );
    let d = diff(&both, &empty, &Hints::default()).unwrap();
    assert_eq!(
        d.statements[0],
        "ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_user_fk\""
    );
    assert_eq!(d.destructive.len(), 2);
}

/// A renamed table's changed constraints are dropped by its old name, before the rename; its
/// column's primary key, `<old>_pkey`, is renamed with it so it reads back as the column's.
#[test]
fn a_renamed_table_drops_by_its_old_name_and_renames_its_key() {
    let table = |name: &str, unique: &str| {
        json!([{ "name": name, "columns": [id(), { "name": "label", "sqlType": "text",
            "unique": unique }] }])
    };
    let a = snap(table("tags", "tags_label_unique"), json!([]));
    let b = snap(table("labels", "labels_label_unique"), json!([]));
    let hints = Hints {
        renames: vec![Rename {
            table: None,
            from: "tags".into(),
            to: "labels".into(),
        }],
        ..Default::default()
    };
    let d = diff(&a, &b, &hints).unwrap();
    assert_eq!(
        d.statements[..3],
        [
            "ALTER TABLE \"tags\" DROP CONSTRAINT \"tags_label_unique\"",
            "ALTER TABLE \"tags\" RENAME TO \"labels\"",
            "ALTER TABLE \"labels\" RENAME CONSTRAINT \"tags_pkey\" TO \"labels_pkey\"",
        ]
    );
    assert!(d.statements[3].contains("ADD CONSTRAINT \"labels_label_unique\""));
}
