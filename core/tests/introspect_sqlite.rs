//! `introspect::sqlite` against drizzle-kit 0.31's own snapshots: a database
//! built from drizzle-kit's SQL, read back with `SQLITE_QUERY`, must give the
//! snapshot drizzle-kit wrote for that schema (ids cleared, objects compared
//! with their keys sorted, since table and index order may differ; arrays,
//! such as an index's columns, keep their order).
//!
//! - `tests/migrations/fixtures/sqlite/`: migrations 0000..N applied, then
//!   compared with `meta/NNNN_snapshot.json`, for every N.
//! - `core/tests/fixtures/snapshots/sqlite/0001_snapshot.json` (from
//!   `tests/migrations/kit/sqlite.ts`): its SQL is not in the repo, so
//!   [`KIT_0001_SQL`] is the DDL drizzle-kit 0.31 writes for it, and what a
//!   database cannot give back is patched into the expectation, each with
//!   its reason ([`kit_0001_unrecoverable`]).
#![cfg(feature = "differ")]

mod support;

use std::fs;
use std::path::Path;

use mizzle_core::introspect::{self, IntrospectError, SQLITE_QUERY};
use mizzle_core::snapshot::{read, Check, Snapshot, SqliteSnapshot};
use proptest::prelude::*;
use rusqlite::Connection;

fn apply(db: &Connection, sql: &str) {
    for statement in sql.split("--> statement-breakpoint") {
        if !statement.trim().is_empty() {
            db.execute_batch(statement)
                .unwrap_or_else(|e| panic!("{statement}: {e}"));
        }
    }
}

fn introspect(db: &Connection) -> SqliteSnapshot {
    let doc: String = db
        .query_row(SQLITE_QUERY, [], |r| r.get(0))
        .expect("SQLITE_QUERY runs");
    introspect::sqlite(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}"))
}

/// The snapshot as comparable text (support/mod.rs).
fn normal(snapshot: &SqliteSnapshot) -> String {
    support::normalized(&Snapshot::Sqlite(snapshot.clone()))
}

fn read_sqlite(path: &Path) -> SqliteSnapshot {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
        Snapshot::Sqlite(s) => s,
        _ => panic!("{}: not SQLite", path.display()),
    }
}

#[test]
fn every_migration_of_the_fixture_folder_reads_back_as_its_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/migrations/fixtures/sqlite");
    let mut sql: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    sql.sort();
    assert_eq!(sql.len(), 4, "the fixture folder changed: {sql:?}");
    for n in 0..sql.len() {
        let db = Connection::open_in_memory().unwrap();
        for file in &sql[..=n] {
            apply(&db, &fs::read_to_string(file).unwrap());
        }
        let expected = read_sqlite(&dir.join(format!("meta/{n:04}_snapshot.json")));
        assert_eq!(
            normal(&introspect(&db)),
            normal(&expected),
            "after migration {n:04}"
        );
    }
}

/// The DDL `drizzle-kit generate` 0.31 writes for
/// `core/tests/fixtures/snapshots/sqlite/0001_snapshot.json` from scratch,
/// except the `?` placeholders of two expressions (see
/// [`kit_0001_unrecoverable`]), which SQLite refuses in DDL.
const KIT_0001_SQL: &str = r#"CREATE TABLE `members` (
	`org_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`title` text,
	`rank` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`org_id`, `user_id`),
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_title_uq` ON `members` (`org_id`,`title`);--> statement-breakpoint
CREATE TABLE `orgs` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`owner_id` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE cascade ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY NOT NULL,
	`author_id` integer,
	`parent_id` integer,
	`slug` text NOT NULL,
	`body` text,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `posts_author_id_slug_unique` ON `posts` (`author_id`,`slug`);--> statement-breakpoint
CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text(320) NOT NULL,
	`handle` text,
	`role` text DEFAULT 'member' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`seen_at` integer,
	`score` real DEFAULT 1.5,
	`balance` numeric DEFAULT '0',
	`amount` numeric,
	`huge` numeric,
	`count` integer DEFAULT 0,
	`lastLogin` integer,
	`prefs` text DEFAULT '{"theme":"dark"}',
	`avatar` blob,
	`meta` blob,
	`big` blob,
	`at` point_text,
	`note` text DEFAULT 'it''s',
	`token` text,
	`updated_at` integer,
	`lower` text GENERATED ALWAYS AS (lower(email)) VIRTUAL,
	`upper` text GENERATED ALWAYS AS (upper(email)) STORED,
	`age` integer DEFAULT 18,
	CONSTRAINT "users_score_ok" CHECK("users"."score" >= 0),
	CONSTRAINT "users_ops_ok" CHECK((("users"."email" is not null and "users"."role" <> 'x') or not "users"."note" is null or "users"."score" > 1)),
	CONSTRAINT "users_age_ok" CHECK("users"."created_at" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_handle_uq` ON `users` (`handle`);--> statement-breakpoint
CREATE INDEX `users_ops_idx` ON `users` (`handle`) WHERE ("users"."handle" like 'a%' and "users"."score" between 0 and 9 and "users"."role" in ('admin') and "users"."active" = 1);--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_lower_idx` ON `users` (lower("email"));--> statement-breakpoint
CREATE INDEX `users_active_idx` ON `users` (`role`,`active`) WHERE "users"."active" = 1;--> statement-breakpoint
CREATE INDEX `users_seen_idx` ON `users` (`seen_at`);--> statement-breakpoint
CREATE VIEW `active_users` AS select id, email from users where active = 1;"#;

/// What the database cannot give back of the kit snapshot, patched into the
/// expectation (nothing else is):
///
/// - `members_user_fk`: a foreign key's custom name; drizzle-kit's SQLite
///   DDL does not write it, so it reads back by the naming convention;
/// - `users_ops_idx.where` and the check `users_ops_ok`: drizzle-kit keeps
///   `?` placeholders from `sql` with parameters, which SQLite refuses in
///   DDL; the DDL above inlines values, and reads back with them;
/// - `legacy_view`: `.existing()`, a view drizzle-kit never creates;
/// - `active_users.email`: a view column's type is the source column's
///   (`text(320)`), not the one the view's TypeScript declared (`text`).
fn kit_0001_unrecoverable(s: &mut SqliteSnapshot) {
    let members = s.tables.get_mut("members").unwrap();
    let mut fk = members.foreign_keys.get("members_user_fk").unwrap().clone();
    members
        .foreign_keys
        .0
        .retain(|(k, _)| k != "members_user_fk");
    fk.name = "members_user_id_users_id_fk".into();
    members.foreign_keys.insert(fk.name.clone(), fk);

    let users = s.tables.get_mut("users").unwrap();
    users.indexes.get_mut("users_ops_idx").unwrap().where_ = Some(
        r#"("users"."handle" like 'a%' and "users"."score" between 0 and 9 and "users"."role" in ('admin') and "users"."active" = 1)"#.into(),
    );
    let checks = users.check_constraints.as_mut().unwrap();
    *checks.get_mut("users_ops_ok").unwrap() = Check {
        name: "users_ops_ok".into(),
        value: r#"(("users"."email" is not null and "users"."role" <> 'x') or not "users"."note" is null or "users"."score" > 1)"#.into(),
    };

    s.views.0.retain(|(k, _)| k != "legacy_view");
    let view = s.views.get_mut("active_users").unwrap();
    view.columns.get_mut("email").unwrap().type_ = "text(320)".into();
}

#[test]
fn the_kit_snapshot_reads_back_from_its_ddl() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/snapshots/sqlite/0001_snapshot.json");
    let unpatched = read_sqlite(&path);
    let mut expected = unpatched.clone();
    kit_0001_unrecoverable(&mut expected);
    let db = Connection::open_in_memory().unwrap();
    apply(&db, KIT_0001_SQL);
    let found = normal(&introspect(&db));
    assert_eq!(found, normal(&expected));
    assert_ne!(found, normal(&unpatched), "the patches are all needed");
}

#[test]
fn internal_and_foreign_tables_are_left_out() {
    let db = Connection::open_in_memory().unwrap();
    apply(
        &db,
        "CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT);
         CREATE TABLE _cf_KV (k text PRIMARY KEY, v blob);
         CREATE TABLE _cf_METADATA (k text);
         CREATE TABLE d1_migrations (id integer);
         CREATE TABLE __drizzle_migrations (id integer);
         CREATE TABLE cf_kept (id integer);
         INSERT INTO t DEFAULT VALUES;",
    );
    let s = introspect(&db);
    let names: Vec<&str> = s.tables.keys().collect();
    assert_eq!(names, ["t", "cf_kept"]);
}

/// Hand-written DDL (not drizzle-kit's): the conventions of the module doc.
#[test]
fn hand_written_ddl_follows_drizzle_kits_conventions() {
    let db = Connection::open_in_memory().unwrap();
    apply(
        &db,
        r#"CREATE TABLE [a b] (
             "id" INTEGER NOT NULL -- a comment, with (parens
               CONSTRAINT pk PRIMARY KEY /* and AUTOINCREMENT */,
             x VARCHAR ( 10 ) UNIQUE CHECK (x <> 'a,)'),
             y int DEFAULT -1.50 CONSTRAINT y_pos CHECK(y > 0),
             z double DEFAULT CURRENT_TIMESTAMP CONSTRAINT z_once UNIQUE,
             n blob DEFAULT NULL,
             e real DEFAULT 1e21,
             CHECK (y < 10),
             CONSTRAINT xy UNIQUE (x, y)
           );
           CREATE TABLE c (
             a int, b int, p int REFERENCES [a b],
             CONSTRAINT c_ab FOREIGN KEY (a, b) REFERENCES "a b" (y, x) ON DELETE SET NULL,
             PRIMARY KEY (b, a)
           );
           CREATE INDEX c_expr ON c (a + b DESC, b) WHERE a IS NOT NULL;"#,
    );
    let s = introspect(&db);
    let ab = s.tables.get("a b").unwrap();
    let id = ab.columns.get("id").unwrap();
    assert_eq!(
        (id.type_.as_str(), id.primary_key, id.autoincrement),
        ("INTEGER", true, Some(false))
    );
    assert_eq!(ab.columns.get("x").unwrap().type_, "VARCHAR ( 10 )");
    let defaults: Vec<String> = ["y", "z", "n", "e"]
        .iter()
        .map(|c| {
            ab.columns
                .get(c)
                .unwrap()
                .default
                .as_ref()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        defaults,
        ["-1.5", r#""(CURRENT_TIMESTAMP)""#, r#""(NULL)""#, "1e+21"]
    );
    let checks: Vec<(&str, &str)> = ab
        .check_constraints
        .as_ref()
        .unwrap()
        .iter()
        .map(|(k, c)| (k, c.value.as_str()))
        .collect();
    assert_eq!(
        checks,
        [
            ("a b_check_1", "x <> 'a,)'"),
            ("y_pos", "y > 0"),
            ("a b_check_2", "y < 10")
        ]
    );
    let uniques: Vec<(&str, &Vec<String>)> =
        ab.indexes.iter().map(|(k, i)| (k, &i.columns)).collect();
    assert_eq!(
        uniques,
        [
            ("a b_x_unique", &vec!["x".to_string()]),
            ("z_once", &vec!["z".into()]),
            ("xy", &vec!["x".into(), "y".into()])
        ]
    );

    let c = s.tables.get("c").unwrap();
    let pk = c.composite_primary_keys.get("c_b_a_pk").unwrap();
    assert_eq!(pk.columns, ["b", "a"]);
    let fks: Vec<(&str, &Vec<String>, Option<&str>)> = c
        .foreign_keys
        .iter()
        .map(|(k, f)| (k, &f.columns_to, f.on_delete.as_deref()))
        .collect();
    assert_eq!(
        fks,
        [
            ("c_p_a b_id_fk", &vec!["id".to_string()], Some("no action")),
            ("c_ab", &vec!["y".into(), "x".into()], Some("set null")),
        ]
    );
    let ix = c.indexes.get("c_expr").unwrap();
    assert_eq!(ix.columns, ["a + b DESC", "b"]);
    assert_eq!(ix.where_.as_deref(), Some("a IS NOT NULL"));
    let internal = s.internal.as_ref().unwrap().indexes.as_ref().unwrap();
    let marked: Vec<&str> = internal.get("c_expr").unwrap().columns.keys().collect();
    assert_eq!(marked, ["a + b DESC"]);
}

#[test]
fn malformed_documents_are_typed_errors() {
    let cases = [
        ("", "introspect_syntax"),
        ("[]", "introspect_shape"),
        (r#"{"version":2,"objects":[]}"#, "introspect_version"),
        (
            r#"{"version":1,"objects":[{"name":"t"}]}"#,
            "introspect_shape",
        ),
        (
            r#"{"version":1,"objects":[{"name":"t","type":"table","sql":"CREATE TABLE t (a text GENERATED ALWAYS AS (x) VIRTUAL","columns":[],"indexes":[],"foreignKeys":[]}]}"#,
            "introspect_sql",
        ),
        (
            r#"{"version":1,"objects":[{"name":"t","type":"table","sql":"CREATE TABLE t (a)","columns":[{"cid":0,"name":"a","type":"","notNull":0,"default":null,"pk":0,"hidden":2}],"indexes":[],"foreignKeys":[]}]}"#,
            "introspect_sql",
        ),
    ];
    for (doc, kind) in cases {
        let e: IntrospectError = introspect::sqlite(doc).unwrap_err();
        assert_eq!(e.kind(), kind, "{doc}: {e}");
    }
}

/// A document whose SQL texts and catalog values are arbitrary.
fn doc(sql: &str, index_sql: &str, view_sql: &str, hidden: i64, cid: i64, dflt: &str) -> String {
    serde_json::json!({
        "version": 1,
        "objects": [
            {
                "name": "t", "type": "table", "sql": sql,
                "columns": [
                    {"cid": 0, "name": "a", "type": "x", "notNull": 1, "default": dflt, "pk": 1, "hidden": hidden},
                    {"cid": 1, "name": "b", "type": "y", "notNull": 0, "default": null, "pk": 2, "hidden": 0}
                ],
                "indexes": [
                    {"seq": 0, "name": "i", "unique": 1, "origin": "c", "partial": 1, "sql": index_sql,
                     "columns": [{"seqno": 0, "cid": cid, "name": null}, {"seqno": 1, "cid": 1, "name": "b"}]},
                    {"seq": 1, "name": "u", "unique": 1, "origin": "u", "partial": 0, "sql": null,
                     "columns": [{"seqno": 0, "cid": 0, "name": "a"}]}
                ],
                "foreignKeys": [
                    {"id": 0, "seq": 0, "table": "v", "from": "a", "to": null, "onUpdate": "X", "onDelete": "Y"}
                ]
            },
            {
                "name": "v", "type": "view", "sql": view_sql,
                "columns": [], "indexes": [], "foreignKeys": []
            }
        ]
    })
    .to_string()
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = introspect::sqlite(&s);
    }

    #[test]
    fn arbitrary_sql_in_a_valid_document_never_panics(
        sql in "[ -~\\n\u{e9}\u{4e2d}]{0,80}",
        index_sql in "(CREATE INDEX i ON t )?[ -~\u{e9}]{0,40}",
        view_sql in "[ -~\u{4e2d}]{0,40}",
        hidden in -1i64..5,
        cid in -3i64..3,
        dflt in "[-0-9.e'a-z()]{0,12}",
    ) {
        let _ = introspect::sqlite(&doc(&sql, &index_sql, &view_sql, hidden, cid, &dflt));
    }

    #[test]
    fn structured_sql_never_panics(
        parts in prop::collection::vec(
            prop::sample::select(vec![
                "(", ")", ",", "'", "\"", "`", "[", "]", "--", "/*", "*/", "\n", " ",
                "CONSTRAINT", "CHECK", "AS", "GENERATED", "REFERENCES", "FOREIGN", "KEY",
                "PRIMARY", "UNIQUE", "AUTOINCREMENT", "ON", "WHERE", "a", "b", "t", "x",
                "CREATE TABLE t", "CREATE INDEX i ON t", "CREATE VIEW v AS",
            ]),
            0..40,
        ),
        hidden in 0i64..4,
        cid in -2i64..2,
    ) {
        let sql = parts.concat();
        let _ = introspect::sqlite(&doc(&sql, &sql, &sql, hidden, cid, &sql));
    }
}
