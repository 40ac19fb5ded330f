//! `introspect::postgres` against drizzle-kit 0.31's own snapshots: a
//! database built from drizzle-kit's SQL on a real PostgreSQL (127.0.0.1:5432,
//! as CI provides; unreachable is a failure, not a skip), read back with
//! `POSTGRES_QUERY`, must give the snapshot drizzle-kit wrote for that
//! schema (ids cleared, objects compared with their keys sorted; arrays,
//! such as an index's columns, keep their order).
//!
//! - `tests/migrations/fixtures/pg/`: migrations 0000..N applied, then
//!   compared with `meta/NNNN_snapshot.json`, for every N.
//! - `core/tests/fixtures/snapshots/postgresql/0000_snapshot.json`,
//!   `0001_snapshot.json` (`tests/migrations/kit/pg.ts`, `KIT_VERSION` 1
//!   and 2) and `extra_snapshot.json` (`extra.ts`): their SQL is not in the
//!   repo, so [`KIT_0000_SQL`], [`KIT_0001_SQL`] and [`EXTRA_SQL`] are the
//!   DDL drizzle-kit 0.31 generates for them, and what a database cannot
//!   give back is patched into the expectation, each with its reason
//!   ([`kit_unrecoverable`], [`extra_unrecoverable`]).
//!
//! Each test works in its own database, `mizzle_introspect_pg_<pid>_<n>`,
//! dropped at the end, even on failure.
#![cfg(all(feature = "differ", feature = "dialect-postgres"))]

mod support;

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use mizzle_core::introspect::{self, IntrospectError, POSTGRES_QUERY};
use mizzle_core::snapshot::{read, PgSnapshot, PgTable, Snapshot};
use postgres::{Client, NoTls};
use proptest::prelude::*;

/// A connection to the server's `test` database, as `postgres` or `root`.
fn admin() -> Client {
    let mut errors = Vec::new();
    for user in ["postgres", "root"] {
        match Client::connect(
            &format!("host=127.0.0.1 port=5432 user={user} dbname=test"),
            NoTls,
        ) {
            Ok(c) => return c,
            Err(e) => errors.push(format!("{user}: {e}")),
        }
    }
    panic!(
        "PostgreSQL is needed at 127.0.0.1:5432 (trust auth, database `test`): {}",
        errors.join("; ")
    );
}

/// The server's message (`postgres::Error`'s Display is only "db error").
fn detail(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("{}: {}", d.code().code(), d.message()),
        None => e.to_string(),
    }
}

/// A fresh database of this test's own, dropped when this goes out of scope.
struct Db {
    name: String,
    client: Option<Client>,
}

impl Db {
    fn new() -> Db {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "mizzle_introspect_pg_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        let mut admin = admin();
        let user: String = admin
            .query_one("SELECT current_user::text", &[])
            .expect("current_user")
            .get(0);
        // One statement each: CREATE DATABASE cannot run in a transaction block.
        for sql in [
            format!("DROP DATABASE IF EXISTS \"{name}\""),
            format!("CREATE DATABASE \"{name}\""),
        ] {
            admin
                .batch_execute(&sql)
                .unwrap_or_else(|e| panic!("{sql}: {}", detail(&e)));
        }
        let client = Client::connect(
            &format!("host=127.0.0.1 port=5432 user={user} dbname={name}"),
            NoTls,
        )
        .unwrap_or_else(|e| panic!("connect to {name}: {e}"));
        Db {
            name,
            client: Some(client),
        }
    }

    fn client(&mut self) -> &mut Client {
        self.client.as_mut().expect("open until dropped")
    }

    /// drizzle-kit's SQL, statement by statement.
    fn apply(&mut self, sql: &str) {
        for statement in sql.split("--> statement-breakpoint") {
            if !statement.trim().is_empty() {
                self.client()
                    .batch_execute(statement)
                    .unwrap_or_else(|e| panic!("{statement}: {}", detail(&e)));
            }
        }
    }

    fn document(&mut self) -> String {
        self.client()
            .query_one(POSTGRES_QUERY, &[])
            .unwrap_or_else(|e| panic!("POSTGRES_QUERY: {}", detail(&e)))
            .get(0)
    }

    fn introspect(&mut self) -> PgSnapshot {
        let doc = self.document();
        introspect::postgres(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}"))
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        drop(self.client.take());
        let dropped = admin().batch_execute(&format!(
            "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
            self.name
        ));
        if let Err(e) = dropped {
            eprintln!("DROP DATABASE {}: {}", self.name, detail(&e));
        }
    }
}

/// The snapshot as comparable text (support/mod.rs).
fn normal(snapshot: &PgSnapshot) -> String {
    support::normalized(&Snapshot::Postgres(snapshot.clone()))
}

fn read_pg(path: &Path) -> PgSnapshot {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match read(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
        Snapshot::Postgres(s) => s,
        _ => panic!("{}: not PostgreSQL", path.display()),
    }
}

#[test]
fn every_migration_of_the_fixture_folder_reads_back_as_its_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/migrations/fixtures/pg");
    let mut sql: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    sql.sort();
    assert_eq!(sql.len(), 4, "the fixture folder changed: {sql:?}");
    for n in 0..sql.len() {
        let mut db = Db::new();
        for file in &sql[..=n] {
            db.apply(&fs::read_to_string(file).unwrap());
        }
        let expected = read_pg(&dir.join(format!("meta/{n:04}_snapshot.json")));
        assert_eq!(
            normal(&db.introspect()),
            normal(&expected),
            "after migration {n:04}"
        );
    }
}

/// `found` and `expected` compared; on a difference both are written to
/// the temporary directory (`<label>.found.json`, `<label>.expected.json`)
/// for a `diff`.
fn assert_same(label: &str, found: &PgSnapshot, expected: &PgSnapshot) {
    let (f, e) = (normal(found), normal(expected));
    if f != e {
        let dir = std::env::temp_dir();
        let fp = dir.join(format!("{label}.found.json"));
        let ep = dir.join(format!("{label}.expected.json"));
        let _ = fs::write(&fp, &f);
        let _ = fs::write(&ep, &e);
        panic!(
            "{label}: the snapshot read back differs: diff {} {}",
            ep.display(),
            fp.display()
        );
    }
}

fn fixture(name: &str) -> PgSnapshot {
    read_pg(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/snapshots/postgresql")
            .join(name),
    )
}

/// [`KIT_0001_SQL`] for `KIT_VERSION=1` (`0000_snapshot.json`).
const KIT_0000_SQL: &str = r#"CREATE SCHEMA "app";
--> statement-breakpoint
CREATE TYPE "app"."level" AS ENUM('low', 'high');--> statement-breakpoint
CREATE TYPE "public"."mood" AS ENUM('sad', 'happy');--> statement-breakpoint
CREATE TABLE "app"."events" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "members" (
	"org_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"title" text,
	CONSTRAINT "members_org_id_user_id_pk" PRIMARY KEY("org_id","user_id"),
	CONSTRAINT "members_title_uq" UNIQUE NULLS NOT DISTINCT("org_id","title")
);
--> statement-breakpoint
CREATE TABLE "app"."orgs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "app"."orgs_id_seq" INCREMENT BY 2 MINVALUE 1 MAXVALUE 2147483647 START WITH 100 CACHE 1),
	"seq" bigint GENERATED BY DEFAULT AS IDENTITY (sequence name "app"."orgs_seq_custom" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 5),
	"name" text NOT NULL,
	"level" "app"."level" DEFAULT 'low' NOT NULL,
	"owner_id" integer
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" "smallserial" NOT NULL,
	"serial_no" integer GENERATED BY DEFAULT AS IDENTITY (sequence name "posts_serial_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"author_id" integer,
	"parent_id" bigint,
	"slug" text NOT NULL,
	CONSTRAINT "posts_author_id_slug_unique" UNIQUE("author_id","slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(320) NOT NULL,
	"handle" text,
	"code" char(4),
	"mood" "mood" DEFAULT 'happy',
	"small" smallint DEFAULT 1,
	"big" bigint,
	"active" boolean DEFAULT true NOT NULL,
	"score" real,
	"ratio" double precision DEFAULT 0.5,
	"price" numeric(10, 2) DEFAULT '0',
	"prefs" jsonb DEFAULT '{"theme":"dark"}'::jsonb,
	"raw" json,
	"tags" text[] DEFAULT '{}'::text[],
	"nums" integer[],
	"labels" varchar(16)[] DEFAULT '{"a","b"}',
	"stamp" timestamp(6) DEFAULT now(),
	"day" date,
	"lastLogin" timestamp with time zone,
	"exact" numeric,
	"grand" bigint DEFAULT 0,
	"uid" uuid DEFAULT gen_random_uuid(),
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp,
	"born" date,
	"wakes" time,
	"span" interval,
	"note" text DEFAULT 'it''s',
	"token" text,
	"lower" text GENERATED ALWAYS AS (lower(email)) STORED,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_handle_uq" UNIQUE NULLS NOT DISTINCT("handle"),
	CONSTRAINT "users_ratio_ok" CHECK ("users"."ratio" >= 0),
	CONSTRAINT "users_ops_ok" CHECK ((("users"."email" is not null and "users"."mood" <> 'sad') or not "users"."note" is null or "users"."ratio" > 0))
);
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "app"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."orgs" ADD CONSTRAINT "orgs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_parent_id_posts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "posts_slug_idx" ON "posts" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "users_ops_idx" ON "users" USING btree ("handle") WHERE ("users"."handle" like 'a%' and "users"."small" between 0 and 10 and "users"."code" in ('ab') and "users"."active" = true);--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_active_idx" ON "users" USING btree ("mood","active") WHERE "users"."active" = true;--> statement-breakpoint
CREATE INDEX "users_tags_idx" ON "users" USING gin ("tags");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_raw_idx" ON "users" USING btree ("score");--> statement-breakpoint
CREATE UNIQUE INDEX "users_code_born_index" ON "users" USING btree ("code","born");--> statement-breakpoint
CREATE INDEX "users_handle_idx" ON "users" USING btree ("handle" text_pattern_ops) WITH (fillfactor=70);--> statement-breakpoint
CREATE VIEW "public"."active_users" WITH (security_barrier = true) AS (select id, email from users where active);--> statement-breakpoint
CREATE VIEW "app"."app_view" AS (select id from app.orgs);--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."user_counts" AS (select count(*) as n from users) WITH NO DATA;"#;

/// What `drizzle-kit generate` 0.31 writes from scratch for
/// `tests/migrations/kit/pg.ts` with `KIT_VERSION=2`
/// (`core/tests/fixtures/snapshots/postgresql/0001_snapshot.json`), but
/// for the `$n` placeholders drizzle-kit keeps from `sql` with parameters
/// (in `users_ops_ok` and `users_ops_idx`), which PostgreSQL refuses in
/// DDL: the values are inlined.
const KIT_0001_SQL: &str = r#"CREATE SCHEMA "app";
--> statement-breakpoint
CREATE TYPE "app"."level" AS ENUM('low', 'high');--> statement-breakpoint
CREATE TYPE "public"."mood" AS ENUM('sad', 'ok', 'happy');--> statement-breakpoint
CREATE TABLE "app"."events" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "members" (
	"org_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"title" text,
	"rank" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "members_org_id_user_id_pk" PRIMARY KEY("org_id","user_id"),
	CONSTRAINT "members_title_uq" UNIQUE NULLS NOT DISTINCT("org_id","title")
);
--> statement-breakpoint
CREATE TABLE "app"."orgs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "app"."orgs_id_seq" INCREMENT BY 2 MINVALUE 1 MAXVALUE 2147483647 START WITH 100 CACHE 1),
	"seq" bigint GENERATED BY DEFAULT AS IDENTITY (sequence name "app"."orgs_seq_custom" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 5),
	"name" text NOT NULL,
	"level" "app"."level" DEFAULT 'low' NOT NULL,
	"owner_id" integer
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" "smallserial" NOT NULL,
	"serial_no" integer GENERATED BY DEFAULT AS IDENTITY (sequence name "posts_serial_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"author_id" integer,
	"parent_id" bigint,
	"slug" text NOT NULL,
	CONSTRAINT "posts_author_id_slug_unique" UNIQUE("author_id","slug")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" serial PRIMARY KEY NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(320) NOT NULL,
	"handle" text,
	"code" char(4),
	"mood" "mood" DEFAULT 'happy',
	"small" smallint DEFAULT 1,
	"big" bigint,
	"active" boolean DEFAULT true NOT NULL,
	"score" real,
	"ratio" double precision DEFAULT 0.5,
	"price" numeric(10, 2) DEFAULT '0',
	"prefs" jsonb DEFAULT '{"theme":"dark"}'::jsonb,
	"raw" json,
	"tags" text[] DEFAULT '{}'::text[],
	"nums" integer[],
	"labels" varchar(16)[] DEFAULT '{"a","b"}',
	"stamp" timestamp(6) DEFAULT now(),
	"day" date,
	"lastLogin" timestamp with time zone,
	"exact" numeric,
	"grand" bigint DEFAULT 0,
	"uid" uuid DEFAULT gen_random_uuid(),
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp,
	"born" date,
	"wakes" time,
	"span" interval,
	"note" text DEFAULT 'it''s',
	"token" text,
	"lower" text GENERATED ALWAYS AS (lower(email)) STORED,
	"age" integer DEFAULT 18,
	"nick" varchar(64),
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_handle_uq" UNIQUE NULLS NOT DISTINCT("handle"),
	CONSTRAINT "users_ratio_ok" CHECK ("users"."ratio" >= 0),
	CONSTRAINT "users_ops_ok" CHECK ((("users"."email" is not null and "users"."mood" <> 'sad') or not "users"."note" is null or "users"."ratio" > 0)),
	CONSTRAINT "users_small_ok" CHECK ("users"."small" > 0)
);
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "app"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."orgs" ADD CONSTRAINT "orgs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_parent_id_posts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_ops_idx" ON "users" USING btree ("handle") WHERE ("users"."handle" like 'a%' and "users"."small" between 0 and 10 and "users"."code" in ('ab') and "users"."active" = true);--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_active_idx" ON "users" USING btree ("mood","active") WHERE "users"."active" = true;--> statement-breakpoint
CREATE INDEX "users_tags_idx" ON "users" USING gin ("tags");--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_raw_idx" ON "users" USING btree ("score");--> statement-breakpoint
CREATE UNIQUE INDEX "users_code_born_index" ON "users" USING btree ("code","born");--> statement-breakpoint
CREATE INDEX "users_handle_idx" ON "users" USING btree ("handle" text_pattern_ops) WITH (fillfactor=70);--> statement-breakpoint
CREATE INDEX "users_seen_at_index" ON "users" USING btree ("seen_at");--> statement-breakpoint
CREATE VIEW "public"."active_users" WITH (security_barrier = true) AS (select id, email from users where active);--> statement-breakpoint
CREATE VIEW "app"."app_view" AS (select id from app.orgs);--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."user_counts" AS (select count(*) as n from users) WITH NO DATA;"#;

/// What the database cannot give back of the kit snapshot, patched into
/// the expectation (nothing else is):
///
/// - SQL text: PostgreSQL keeps checks, index predicates and expressions,
///   generated columns and view queries as parsed trees and prints them
///   back its own way (`ratio >= 0::double precision` for
///   `"users"."ratio" >= 0`, `SELECT users.id, ...` for a view's `select`);
///   the values below are PostgreSQL 15's;
/// - literals PostgreSQL normalises: a jsonb default (`{"theme": "dark"}`),
///   an array literal (`'{a,b}'` for `'{"a","b"}'`), and `sql\`0\`` (a
///   string in the snapshot, the number 0 in the database);
/// - `'{}'::text[]`, a `sql` default with a cast, reads back without it, as
///   a JavaScript array default (`labels`) is written;
/// - `stamp`: `timestamp(6)` is `mode: 'string'`'s spelling; the database
///   has no mode, and reads back as the default mode's `timestamp (6)`;
/// - `users_handle_idx`: `.nullsFirst()` with an opclass, which
///   drizzle-kit's DDL leaves out (`("handle" text_pattern_ops)`);
/// - `users_raw_idx.concurrently`: how an index was built is not kept;
/// - `legacy_view`: `.existing()`, a view drizzle-kit never creates;
/// - `user_counts.n`: a view column's type is its query's (`count(*)` is
///   `bigint`), not the one the view's TypeScript declared (`integer`).
fn kit_unrecoverable(s: &mut PgSnapshot) {
    let users = s.tables.get_mut("public.users").unwrap();
    let checks = users.check_constraints.as_mut().unwrap();
    for (name, value) in [
        (
            "users_ops_ok",
            "email IS NOT NULL AND mood <> 'sad'::mood OR NOT note IS NULL OR ratio > 0::double precision",
        ),
        ("users_ratio_ok", "ratio >= 0::double precision"),
        ("users_small_ok", "small > 0"),
    ] {
        // `users_small_ok` is the second version's only.
        if let Some(check) = checks.get_mut(name) {
            check.value = value.into();
        }
    }
    let set_default = |t: &mut PgTable, c: &str, v: serde_json::Value| {
        t.columns.get_mut(c).unwrap().default = Some(v);
    };
    set_default(users, "grand", 0.into());
    set_default(users, "labels", "'{a,b}'".into());
    set_default(users, "prefs", r#"'{"theme": "dark"}'::jsonb"#.into());
    set_default(users, "tags", "'{}'".into());
    users.columns.get_mut("stamp").unwrap().type_ = "timestamp (6)".into();
    users
        .columns
        .get_mut("lower")
        .unwrap()
        .generated
        .as_mut()
        .unwrap()
        .as_ = "lower((email)::text)".into();
    let ix = &mut users.indexes;
    ix.get_mut("users_active_idx").unwrap().where_ = Some("active = true".into());
    ix.get_mut("users_ops_idx").unwrap().where_ = Some(
        "handle ~~ 'a%'::text AND small >= 0 AND small <= 10 AND code = 'ab'::bpchar AND active = true".into(),
    );
    ix.get_mut("users_email_lower_idx").unwrap().columns[0].expression =
        "lower(email::text)".into();
    ix.get_mut("users_handle_idx").unwrap().columns[0].nulls = Some("last".into());
    ix.get_mut("users_raw_idx").unwrap().concurrently = Some(false);

    let views = s.views.as_mut().unwrap();
    views.0.retain(|(k, _)| k != "public.legacy_view");
    for (key, definition) in [
        ("app.app_view", "SELECT orgs.id\n   FROM app.orgs"),
        (
            "public.active_users",
            "SELECT users.id,\n    users.email\n   FROM users\n  WHERE users.active",
        ),
        ("public.user_counts", "SELECT count(*) AS n\n   FROM users"),
    ] {
        views.get_mut(key).unwrap().definition = Some(definition.into());
    }
    let counts = views.get_mut("public.user_counts").unwrap();
    counts.columns.get_mut("n").unwrap().type_ = "bigint".into();
}

#[test]
fn the_kit_snapshots_read_back_from_their_ddl() {
    for (file, sql) in [
        ("0000_snapshot.json", KIT_0000_SQL),
        ("0001_snapshot.json", KIT_0001_SQL),
    ] {
        let unpatched = fixture(file);
        let mut expected = unpatched.clone();
        kit_unrecoverable(&mut expected);
        let mut db = Db::new();
        db.apply(sql);
        let found = db.introspect();
        assert_same(&format!("introspect_pg_kit_{file}"), &found, &expected);
        assert_ne!(
            normal(&found),
            normal(&unpatched),
            "{file}: nothing to patch: the list of what cannot be read back is stale"
        );
    }
}

/// What `drizzle-kit generate` 0.31 writes from scratch for
/// `core/tests/fixtures/snapshots/postgresql/extra.ts`
/// (`extra_snapshot.json`), but for its roles' names: roles belong to the
/// whole server, so the test's are its own (`{admin}`, `{reader}`, see
/// [`Roles`]), and `docs.id`'s `MAXVALUE`: drizzle-kit writes `-1` (a
/// descending identity's default) with `START WITH 100`, which PostgreSQL
/// refuses; `100` here.
const EXTRA_SQL: &str = r#"CREATE SEQUENCE "public"."counter" INCREMENT BY 2 MINVALUE 1 MAXVALUE 1000 START WITH 10 CACHE 5 CYCLE;--> statement-breakpoint
CREATE SEQUENCE "public"."down" INCREMENT BY -1 MINVALUE -9223372036854775808 MAXVALUE -1 START WITH -1 CACHE 1;--> statement-breakpoint
CREATE ROLE "{admin}" WITH CREATEROLE NOINHERIT;--> statement-breakpoint
CREATE TABLE "docs" (
	"id" integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "docs_id_seq" INCREMENT BY -5 MINVALUE -32768 MAXVALUE 100 START WITH 100 CACHE 1),
	"owner" text NOT NULL,
	"title" text,
	"score" double precision DEFAULT 0.5,
	"body" text DEFAULT 'x' || 'y',
	CONSTRAINT "docs_owner_title_uq" UNIQUE NULLS NOT DISTINCT("owner","title"),
	CONSTRAINT "docs_score" CHECK ("docs"."score" <= 1)
);
--> statement-breakpoint
ALTER TABLE "docs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outside" (
	"id" integer
);
--> statement-breakpoint
ALTER TABLE "outside" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "docs_title_desc" ON "docs" USING btree ("title" DESC NULLS LAST,"owner" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "docs_expr" ON "docs" USING gin (to_tsvector('english', "body")) WITH (fastupdate=false) WHERE "docs"."score" > 0;--> statement-breakpoint
CREATE INDEX CONCURRENTLY "docs_conc" ON "docs" USING btree ("owner");--> statement-breakpoint
CREATE MATERIALIZED VIEW "public"."heavy" USING "heap" WITH (fillfactor = 70) TABLESPACE pg_default AS (select count(*) as n from docs);--> statement-breakpoint
CREATE POLICY "docs_own" ON "docs" AS RESTRICTIVE FOR UPDATE TO "{admin}", public USING ("docs"."owner" = current_user) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "docs_read" ON "docs" AS PERMISSIVE FOR ALL TO "{reader}" USING (true);--> statement-breakpoint
CREATE POLICY "outside_pol" ON "outside" AS PERMISSIVE FOR SELECT TO public USING (true);"#;

/// Roles of this test's own (`mizzle_introspect_<pid>_<role>`), dropped
/// when this goes out of scope (after the databases that use them).
struct Roles(Vec<String>);

impl Roles {
    fn new(roles: &[&str]) -> Roles {
        let names: Vec<String> = roles
            .iter()
            .map(|r| format!("mizzle_introspect_{}_{r}", std::process::id()))
            .collect();
        let mut admin = admin();
        for n in &names {
            let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS \"{n}\""));
        }
        Roles(names)
    }
}

impl Drop for Roles {
    fn drop(&mut self) {
        let mut admin = admin();
        for n in &self.0 {
            if let Err(e) = admin.batch_execute(&format!("DROP ROLE IF EXISTS \"{n}\"")) {
                eprintln!("DROP ROLE {n}: {}", detail(&e));
            }
        }
    }
}

/// What the database cannot give back of the extra snapshot, patched into
/// the expectation (nothing else is):
///
/// - the roles' names, the test's own, and `docs.id`'s `maxValue` (see
///   [`EXTRA_SQL`]);
/// - `docs_own.to`: PostgreSQL keeps only `public` of `TO admin, public`
///   (`public` includes every role);
/// - `outside.isRLSEnabled`: drizzle-kit's DDL enables row-level security
///   on a table a policy is `.link()`ed to, while its snapshot keeps
///   `false`;
/// - `roles`: which roles a schema declares is not in the database (a
///   server has its own, and `.existing()` ones are declared too), so
///   none are read;
/// - SQL text, printed back by PostgreSQL its own way (see
///   [`kit_unrecoverable`]): the check, the policies' expressions, the
///   index predicate and expression, the default `'x' || 'y'`, the view;
/// - `docs_conc.concurrently`: how an index was built is not kept;
/// - `heavy`: `.using('heap')` and `.tablespace('pg_default')` are the
///   defaults, which the catalog does not tell from unwritten ones, and its
///   column's type is its query's (`count(*)` is `bigint`).
fn extra_unrecoverable(s: &mut PgSnapshot, reader_role: &str) {
    s.roles = Some(Default::default());
    let docs = s.tables.get_mut("public.docs").unwrap();
    let id = docs
        .columns
        .get_mut("id")
        .unwrap()
        .identity
        .as_mut()
        .unwrap();
    id.max_value = Some("100".into());
    let policies = docs.policies.as_mut().unwrap();
    let own = policies.get_mut("docs_own").unwrap();
    own.to = Some(vec!["public".into()]);
    own.using = Some("owner = CURRENT_USER".into());
    let read = policies.get_mut("docs_read").unwrap();
    read.to = Some(vec![reader_role.into()]);
    docs.check_constraints
        .as_mut()
        .unwrap()
        .get_mut("docs_score")
        .unwrap()
        .value = "score <= 1::double precision".into();
    docs.columns.get_mut("body").unwrap().default = Some("('x'::text || 'y'::text)".into());
    let expr = docs.indexes.get_mut("docs_expr").unwrap();
    expr.where_ = Some("score > 0::double precision".into());
    expr.columns[0].expression = "to_tsvector('english'::regconfig, body)".into();
    docs.indexes.get_mut("docs_conc").unwrap().concurrently = Some(false);
    s.tables.get_mut("public.outside").unwrap().is_rls_enabled = Some(true);

    let heavy = s.views.as_mut().unwrap().get_mut("public.heavy").unwrap();
    heavy.using = None;
    heavy.tablespace = None;
    heavy.definition = Some("SELECT count(*) AS n\n   FROM docs".into());
    heavy.columns.get_mut("n").unwrap().type_ = "bigint".into();
}

#[test]
fn the_extra_snapshot_reads_back_from_its_ddl() {
    let roles = Roles::new(&["admin", "reader"]);
    let (admin_role, reader_role) = (&roles.0[0], &roles.0[1]);
    let unpatched = fixture("extra_snapshot.json");
    let mut expected = unpatched.clone();
    extra_unrecoverable(&mut expected, reader_role);
    let mut db = Db::new();
    db.apply(&format!("CREATE ROLE \"{reader_role}\""));
    db.apply(
        &EXTRA_SQL
            .replace("{admin}", admin_role)
            .replace("{reader}", reader_role),
    );
    let found = db.introspect();
    drop(db);
    assert_same("introspect_pg_extra", &found, &expected);
    assert_ne!(
        normal(&found),
        normal(&unpatched),
        "nothing to patch: the list of what cannot be read back is stale"
    );
}

#[test]
fn the_migrations_table_is_left_out() {
    let mut db = Db::new();
    db.apply(
        "CREATE SCHEMA drizzle;
         CREATE TABLE drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);
         CREATE TABLE t (id integer);",
    );
    let s = db.introspect();
    let names: Vec<&str> = s.tables.keys().collect();
    assert_eq!(names, ["public.t"]);
    assert!(s.schemas.is_empty(), "{:?}", s.schemas);
    assert!(s.sequences.as_ref().unwrap().is_empty());
    db.apply("CREATE TABLE drizzle.kept (id integer);");
    let s = db.introspect();
    let schemas: Vec<&str> = s.schemas.keys().collect();
    assert_eq!(schemas, ["drizzle"]);
}

#[test]
fn malformed_documents_are_typed_errors() {
    let ok = r#"{"version":1,"schemas":[],"tables":[],"enums":[],"sequences":[]}"#;
    assert!(introspect::postgres(ok).is_ok());
    let cases = [
        ("", "introspect_syntax"),
        ("[]", "introspect_shape"),
        (
            r#"{"version":2,"schemas":[],"tables":[],"enums":[],"sequences":[]}"#,
            "introspect_version",
        ),
        (
            r#"{"version":1,"schemas":[1],"tables":[],"enums":[],"sequences":[]}"#,
            "introspect_shape",
        ),
        (
            r#"{"version":1,"schemas":[],"tables":[{"schema":"public","name":"t","kind":"r"}],"enums":[],"sequences":[]}"#,
            "introspect_shape",
        ),
        (
            r#"{"version":1,"schemas":[],"tables":[{"schema":"public","name":"t","kind":"r","rls":false,"options":null,
              "columns":[{"name":"id","type":"integer","notNull":true,"identity":"a","sequence":null}],
              "constraints":[],"indexes":[],"policies":[]}],"enums":[],"sequences":[]}"#,
            "introspect_sql",
        ),
    ];
    for (doc, kind) in cases {
        let e: IntrospectError = introspect::postgres(doc).unwrap_err();
        assert_eq!(e.kind(), kind, "{doc}: {e}");
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = introspect::postgres(&s);
    }

    #[test]
    fn arbitrary_catalog_text_never_panics(
        type_ in "[ -~\u{e9}]{0,30}",
        default in "[ -~\u{e9}\u{4e2d}]{0,30}",
        definition in "[ -~]{0,30}",
        option in "[ -~]{0,20}",
        dims in -3i64..4,
        kind in "[a-z ]{0,2}",
    ) {
        let doc = serde_json::json!({
            "version": 1, "schemas": ["app"], "enums": [], "sequences": [],
            "tables": [{
                "schema": "public", "name": "t", "kind": kind, "rls": true,
                "options": [option], "definition": definition, "populated": false,
                "columns": [{
                    "name": "a", "type": type_, "dims": dims, "isArray": true,
                    "notNull": false, "default": default, "generated": null,
                    "identity": kind, "enumName": null, "enumSchema": null,
                    "sequence": {"schema": "public", "name": "s", "kind": kind,
                        "increment": "1", "start": "1", "min": "1", "max": "9",
                        "cache": "1", "cycle": false}
                }],
                "constraints": [{"name": "c", "type": kind, "definition": definition,
                    "columns": ["a"], "refSchema": null, "refTable": null, "refColumns": [],
                    "onDelete": kind, "onUpdate": kind, "nullsNotDistinct": null}],
                "indexes": [{"name": "i", "unique": false, "method": "btree",
                    "options": [option], "where": definition,
                    "columns": [{"expression": default, "column": null, "isExpression": true,
                        "desc": true, "nullsFirst": false, "opclass": "x", "opclassDefault": false}]}],
                "policies": [{"name": "p", "permissive": false, "command": kind,
                    "roles": ["public"], "using": default, "withCheck": null}]
            }]
        });
        let _ = introspect::postgres(&doc.to_string());
    }
}
