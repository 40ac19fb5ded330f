//! Cases for the embedded database, shared by the Node (`embedded.rs`) and
//! browser (`embedded_browser.rs`) test binaries. Buffers are built and
//! decoded here exactly as README.md "Embedded SQLite" describes them.

use js_sys::Reflect;
use mizzle_wasm::Database;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

// ---- the params buffer (JS -> wasm) ---------------------------------------

#[derive(Default)]
struct Params(Vec<u8>);

impl Params {
    fn null(mut self) -> Self {
        self.0.push(0);
        self
    }
    /// An integer as JS writes it: `number` (tag 1, f64) when it is a safe
    /// integer, else `bigint` (tag 5, i64).
    fn int(mut self, v: i64) -> Self {
        if v.unsigned_abs() < 1 << 53 {
            self.0.push(1);
            self.0.extend_from_slice(&(v as f64).to_le_bytes());
        } else {
            self.0.push(5);
            self.0.extend_from_slice(&v.to_le_bytes());
        }
        self
    }
    fn boolean(mut self, v: bool) -> Self {
        self.0.push(6);
        self.0.push(u8::from(v));
        self
    }
    fn float(mut self, v: f64) -> Self {
        self.0.push(2);
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    fn text(mut self, v: &str) -> Self {
        self.0.push(3);
        self.0.extend_from_slice(&(v.len() as u32).to_le_bytes());
        self.0.extend_from_slice(v.as_bytes());
        self
    }
    fn blob(mut self, v: &[u8]) -> Self {
        self.0.push(4);
        self.0.extend_from_slice(&(v.len() as u32).to_le_bytes());
        self.0.extend_from_slice(v);
        self
    }
    fn bytes(&self) -> &[u8] {
        &self.0
    }
}

fn none() -> Params {
    Params::default()
}

// ---- the rows buffer (wasm -> JS) ------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum V {
    Null,
    Num(f64),
    Float(f64),
    Text(String),
    Blob(Vec<u8>),
    Big(i64),
    Bool(bool),
    Date(f64),
}

#[derive(Debug)]
struct Rows {
    cols: Vec<String>,
    rows: Vec<Vec<V>>,
}

struct Dec<'a>(&'a [u8], usize);

impl Dec<'_> {
    fn take(&mut self, n: usize) -> &[u8] {
        let s = &self.0[self.1..self.1 + n];
        self.1 += n;
        s
    }
    fn u8(&mut self) -> u8 {
        self.take(1)[0]
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take(4).try_into().unwrap())
    }
    fn f64(&mut self) -> f64 {
        f64::from_le_bytes(self.take(8).try_into().unwrap())
    }
    fn i64(&mut self) -> i64 {
        i64::from_le_bytes(self.take(8).try_into().unwrap())
    }
    fn bytes(&mut self) -> Vec<u8> {
        let n = self.u32() as usize;
        self.take(n).to_vec()
    }
}

fn decode(buf: &[u8]) -> Rows {
    let mut d = Dec(buf, 0);
    let n_cols = d.u32() as usize;
    let cols = (0..n_cols)
        .map(|_| String::from_utf8(d.bytes()).unwrap())
        .collect();
    let n_rows = d.u32() as usize;
    let mut rows = Vec::with_capacity(n_rows);
    for _ in 0..n_rows {
        let row = (0..n_cols)
            .map(|_| match d.u8() {
                0 => V::Null,
                1 => V::Num(d.f64()),
                2 => V::Float(d.f64()),
                3 => V::Text(String::from_utf8(d.bytes()).unwrap()),
                4 => V::Blob(d.bytes()),
                5 => V::Big(d.i64()),
                6 => V::Bool(d.u8() == 1),
                7 => V::Date(d.f64()),
                t => panic!("unknown tag {t}"),
            })
            .collect();
        rows.push(row);
    }
    assert_eq!(d.1, buf.len(), "trailing bytes in the rows buffer");
    Rows { cols, rows }
}

// ---- helpers ----------------------------------------------------------------

fn db() -> Database {
    Database::new().expect("open")
}

fn q(db: &Database, sql: &str, params: Params, codecs: &[u8]) -> Rows {
    decode(&db.query(sql, params.bytes(), codecs).expect(sql))
}

fn run(db: &Database, sql: &str, params: Params) -> (f64, f64) {
    let r = db.run(sql, params.bytes()).expect(sql);
    assert_eq!(r.len(), 2);
    (r[0], r[1])
}

fn count(db: &Database, table: &str) -> f64 {
    match &q(
        db,
        &format!("select count(*) as n from {table}"),
        none(),
        &[],
    )
    .rows[0][0]
    {
        V::Num(n) => *n,
        other => panic!("count: {other:?}"),
    }
}

struct Err {
    name: String,
    kind: String,
    code: Option<String>,
    message: String,
}

fn err(e: JsValue) -> Err {
    let get = |k: &str| Reflect::get(&e, &JsValue::from_str(k)).unwrap().as_string();
    Err {
        name: get("name").unwrap_or_default(),
        kind: get("kind").unwrap_or_default(),
        code: get("code"),
        message: get("message").unwrap_or_default(),
    }
}

fn db_err(e: JsValue, code: &str) -> Err {
    let e = err(e);
    assert_eq!(e.name, "MizzleError");
    assert_eq!(e.kind, "database", "{}", e.message);
    assert_eq!(e.code.as_deref(), Some(code), "{}", e.message);
    e
}

fn protocol_err(e: JsValue) -> Err {
    let e = err(e);
    assert_eq!(e.name, "MizzleError");
    assert_eq!(e.kind, "engine_input", "{}", e.message);
    assert_eq!(e.code, None);
    e
}

const SCHEMA: &str = "
    create table t (id integer primary key, i integer, f real, s text, b blob, n);
    create table u (id integer primary key autoincrement, email text not null unique);
";

// ---- cases ------------------------------------------------------------------

#[wasm_bindgen_test]
fn every_param_tag_round_trips() {
    let db = db();
    db.exec(SCHEMA).unwrap();
    let big = i64::MAX;
    let safe = (1i64 << 53) - 1;
    let rows = [
        none()
            .int(1)
            .int(42)
            .float(1.5)
            .text("héllo ✓")
            .blob(&[0, 1, 255])
            .null(),
        none()
            .int(2)
            .int(-safe)
            .float(-0.25)
            .text("")
            .blob(&[])
            .int(safe),
        none()
            .int(3)
            .int(big)
            .float(1e300)
            .text("a\0b")
            .blob(&[7])
            .int(-(1 << 53)),
        none().int(4).null().null().null().null().float(3.0),
    ];
    for p in rows {
        run(
            &db,
            "insert into t (id, i, f, s, b, n) values (?, ?, ?, ?, ?, ?)",
            p,
        );
    }
    let r = q(
        &db,
        "select id, i, f, s, b, n as other from t order by id",
        none(),
        &[],
    );
    assert_eq!(r.cols, ["id", "i", "f", "s", "b", "other"]);
    assert_eq!(
        r.rows,
        vec![
            vec![
                V::Num(1.0),
                V::Num(42.0),
                V::Float(1.5),
                V::Text("héllo ✓".into()),
                V::Blob(vec![0, 1, 255]),
                V::Null
            ],
            vec![
                V::Num(2.0),
                V::Num(-safe as f64),
                V::Float(-0.25),
                V::Text(String::new()),
                V::Blob(vec![]),
                V::Num(safe as f64)
            ],
            vec![
                V::Num(3.0),
                V::Big(big),
                V::Float(1e300),
                V::Text("a\0b".into()),
                V::Blob(vec![7]),
                V::Big(-(1 << 53))
            ],
            vec![
                V::Num(4.0),
                V::Null,
                V::Null,
                V::Null,
                V::Null,
                V::Float(3.0)
            ],
        ]
    );
    // Empty text and blob are values, not NULL.
    let r = q(
        &db,
        "select typeof(s), typeof(b) from t where id = 2",
        none(),
        &[],
    );
    assert_eq!(r.rows[0], [V::Text("text".into()), V::Text("blob".into())]);
    // A statement without result columns: zero columns, zero rows.
    let r = q(
        &db,
        "update t set n = null where id = ?",
        none().int(4),
        &[],
    );
    assert!(r.cols.is_empty() && r.rows.is_empty());
}

#[wasm_bindgen_test]
fn codecs_are_applied_by_storage_class() {
    let db = db();
    let sql = "select 1 as a, 0 as b, null as c, 'yes' as d, 1700000000 as e, 2.5 as f, \
               1700000000123 as g, 'x' as h, 9007199254740993 as i, 5 as j";
    // boolean x4, timestamp x2, timestamp_ms x2, raw, and j past the plan's end.
    let r = q(&db, sql, none(), &[2, 2, 2, 2, 3, 3, 4, 4, 0]);
    assert_eq!(
        r.rows[0],
        [
            V::Bool(true),
            V::Bool(false),
            V::Null,
            V::Text("yes".into()),
            V::Date(1_700_000_000_000.0),
            V::Float(2.5),
            V::Date(1_700_000_000_123.0),
            V::Text("x".into()),
            V::Big(9_007_199_254_740_993),
            V::Num(5.0),
        ]
    );
    // Codecs finished in JS leave the value as SQLite gave it.
    let r = q(
        &db,
        "select '{\"a\":1}', '123', x'7b7d', 7",
        none(),
        &[5, 6, 8, 11],
    );
    assert_eq!(
        r.rows[0],
        [
            V::Text("{\"a\":1}".into()),
            V::Text("123".into()),
            V::Blob(b"{}".to_vec()),
            V::Num(7.0)
        ]
    );
    // Negative seconds (before 1970) and a plan longer than the columns.
    let r = q(&db, "select -86400", none(), &[3, 2, 2]);
    assert_eq!(r.rows[0], [V::Date(-86_400_000.0)]);
    // An unknown codec id is a protocol error.
    protocol_err(db.query("select 1", &[], &[17]).unwrap_err());
}

#[wasm_bindgen_test]
fn constraint_and_sql_errors_carry_extended_codes() {
    let db = db();
    db.exec(SCHEMA).unwrap();
    let ins = "insert into u (email) values (?)";
    run(&db, ins, none().text("a@x"));
    let e = db_err(
        db.run(ins, none().text("a@x").bytes()).unwrap_err(),
        "SQLITE_CONSTRAINT_UNIQUE",
    );
    assert!(
        e.message.contains("UNIQUE constraint failed: u.email"),
        "{}",
        e.message
    );
    db_err(
        db.run(ins, none().null().bytes()).unwrap_err(),
        "SQLITE_CONSTRAINT_NOTNULL",
    );
    db_err(
        db.run("insert into u (id, email) values (1, 'b@x')", &[])
            .unwrap_err(),
        "SQLITE_CONSTRAINT_PRIMARYKEY",
    );
    let e = db_err(db.query("selec 1", &[], &[]).unwrap_err(), "SQLITE_ERROR");
    assert!(e.message.contains("syntax error"), "{}", e.message);
    let e = db_err(
        db.query("select * from nope", &[], &[]).unwrap_err(),
        "SQLITE_ERROR",
    );
    assert!(e.message.contains("no such table"), "{}", e.message);
    db_err(
        db.exec("create table t (x); create table t (y);")
            .unwrap_err(),
        "SQLITE_ERROR",
    );
    // The failing statement was reset: it runs again, and the connection is fine.
    run(&db, ins, none().text("b@x"));
    assert_eq!(count(&db, "u"), 2.0);
}

#[wasm_bindgen_test]
fn malformed_params_are_protocol_errors() {
    let db = db();
    db.exec(SCHEMA).unwrap();
    let sql = "select ?";
    let half = [&[1u8][..], &0.5f64.to_le_bytes()].concat();
    let cases: [&[u8]; 9] = [
        &[9],                         // unknown tag
        &[7, 0, 0, 0, 0, 0, 0, 0, 0], // a date: no SQLite type
        &half,                        // a `number` that is not an integer
        &[1, 0, 0, 0],                // truncated f64
        &[5, 0, 0, 0],                // truncated i64
        &[2],                         // missing f64
        &[3, 5, 0, 0, 0, b'a'],       // text shorter than its length
        &[4, 0xff, 0xff, 0xff, 0xff], // blob length past the end
        &[3, 0, 0],                   // truncated length
    ];
    for buf in cases {
        protocol_err(db.query(sql, buf, &[]).unwrap_err());
        protocol_err(db.run(sql, buf).unwrap_err());
    }
    // A boolean binds as 0/1.
    assert_eq!(
        q(&db, sql, none().boolean(true), &[]).rows[0],
        [V::Num(1.0)]
    );
    // The wrong number of parameters is a database error (SQLITE_RANGE).
    let e = db_err(
        db.query("select ?, ?", none().int(1).bytes(), &[])
            .unwrap_err(),
        "SQLITE_RANGE",
    );
    assert!(e.message.contains("2 parameter"), "{}", e.message);
    db_err(
        db.run("select 1", none().int(1).bytes()).unwrap_err(),
        "SQLITE_RANGE",
    );
    // Still usable.
    assert_eq!(q(&db, sql, none().int(7), &[]).rows[0], [V::Num(7.0)]);
}

#[wasm_bindgen_test]
fn statement_shape_errors() {
    let db = db();
    db_err(db.query("", &[], &[]).unwrap_err(), "SQLITE_MISUSE");
    db_err(
        db.query("  -- only a comment", &[], &[]).unwrap_err(),
        "SQLITE_MISUSE",
    );
    db_err(
        db.query("select 1; select 2", &[], &[]).unwrap_err(),
        "SQLITE_MISUSE",
    );
    db_err(db.run("select 1\0", &[]).unwrap_err(), "SQLITE_MISUSE");
    db_err(db.exec("select 1\0").unwrap_err(), "SQLITE_MISUSE");
    // Trailing semicolons, whitespace and comments are fine.
    assert_eq!(
        q(&db, "select 1; -- done\n ;", none(), &[]).rows[0],
        [V::Num(1.0)]
    );
    // exec takes several statements.
    db.exec("create table a (x); insert into a values (1); insert into a values (2);")
        .unwrap();
    assert_eq!(count(&db, "a"), 2.0);
}

#[wasm_bindgen_test]
fn transactions_and_savepoints() {
    let db = db();
    db.exec(SCHEMA).unwrap();
    let ins = "insert into u (email) values (?)";
    db.exec("begin").unwrap();
    run(&db, ins, none().text("a"));
    assert_eq!(count(&db, "u"), 1.0);
    db.exec("rollback").unwrap();
    assert_eq!(count(&db, "u"), 0.0);

    db.exec("begin").unwrap();
    run(&db, ins, none().text("a"));
    db.exec("commit").unwrap();
    assert_eq!(count(&db, "u"), 1.0);

    // Nested savepoints: roll back the inner one only.
    db.exec("savepoint outer_sp").unwrap();
    run(&db, ins, none().text("b"));
    db.exec("savepoint inner_sp").unwrap();
    run(&db, ins, none().text("c"));
    assert_eq!(count(&db, "u"), 3.0);
    db.exec("rollback to inner_sp").unwrap();
    db.exec("release inner_sp").unwrap();
    db.exec("release outer_sp").unwrap();
    let r = q(&db, "select email from u order by id", none(), &[]);
    assert_eq!(r.rows, [[V::Text("a".into())], [V::Text("b".into())]]);

    // A failed statement inside a transaction leaves it open; rollback undoes it all.
    db.run("begin", &[]).unwrap();
    run(&db, ins, none().text("d"));
    db_err(
        db.run(ins, none().text("d").bytes()).unwrap_err(),
        "SQLITE_CONSTRAINT_UNIQUE",
    );
    db.run("rollback", &[]).unwrap();
    assert_eq!(count(&db, "u"), 2.0);
    // Committing without a transaction is an error with a code.
    db_err(db.exec("commit").unwrap_err(), "SQLITE_ERROR");
}

#[wasm_bindgen_test]
fn changes_and_last_insert_rowid() {
    let db = db();
    db.exec(SCHEMA).unwrap();
    assert_eq!(
        run(&db, "insert into t (i) values (?)", none().int(1)),
        (1.0, 1.0)
    );
    assert_eq!(
        run(
            &db,
            "insert into t (i) values (?), (?)",
            none().int(2).int(3)
        ),
        (2.0, 3.0)
    );
    assert_eq!(
        run(
            &db,
            "insert into t (id, i) values (?, ?)",
            none().int(100).int(4)
        ),
        (1.0, 100.0)
    );
    assert_eq!(
        run(&db, "update t set f = 1.0 where i >= ?", none().int(2)),
        (3.0, 100.0)
    );
    assert_eq!(
        run(&db, "update t set f = 2.0 where i > ?", none().int(99)),
        (0.0, 100.0)
    );
    // A read or DDL changes nothing, even right after a write.
    assert_eq!(run(&db, "select * from t", none()), (0.0, 100.0));
    assert_eq!(run(&db, "create table z (x)", none()), (0.0, 100.0));
    assert_eq!(
        run(&db, "delete from t where id < ?", none().int(100)),
        (3.0, 100.0)
    );
    // RETURNING through run: rows are stepped through and dropped.
    assert_eq!(
        run(&db, "insert into t (i) values (5) returning id", none()),
        (1.0, 101.0)
    );
    // ... and through query: the rows come back.
    let r = q(
        &db,
        "insert into t (i) values (?) returning id, i",
        none().int(6),
        &[],
    );
    assert_eq!(r.cols, ["id", "i"]);
    assert_eq!(r.rows, [[V::Num(102.0), V::Num(6.0)]]);
}

#[wasm_bindgen_test]
fn statements_are_cached_and_reused() {
    let db = db();
    db.exec(SCHEMA).unwrap();
    let ins = "insert into t (i) values (?)";
    for i in 0..100 {
        run(&db, ins, none().int(i));
    }
    // SQLite's own statement table (SQLITE_ENABLE_STMTVTAB): one statement, run 100 times.
    let stmts = "select run, busy from sqlite_stmt where sql = ?";
    let r = q(&db, stmts, none().text(ins), &[]);
    assert_eq!(r.rows, [[V::Num(100.0), V::Num(0.0)]]);
    // query reuses too, with fresh bindings each time.
    let sel = "select i from t where i = ?";
    for i in 0..10 {
        assert_eq!(q(&db, sel, none().int(i), &[]).rows, [[V::Num(i as f64)]]);
    }
    assert_eq!(
        q(&db, stmts, none().text(sel), &[]).rows,
        [[V::Num(10.0), V::Num(0.0)]]
    );
    // The schema changes under a cached statement: SQLite re-prepares it.
    let star = "select * from t where i = 1";
    assert_eq!(q(&db, star, none(), &[]).cols.len(), 6);
    db.exec("alter table t add column extra text default 'e'")
        .unwrap();
    let r = q(&db, star, none(), &[]);
    assert_eq!(r.cols.len(), 7);
    assert_eq!(r.rows[0][6], V::Text("e".into()));
    // The cache is bounded: 200 distinct statements leave at most 64 (+ the counting one).
    for i in 0..200 {
        q(&db, &format!("select {i}"), none(), &[]);
    }
    let r = q(&db, "select count(*) from sqlite_stmt", none(), &[]);
    match r.rows[0][0] {
        V::Num(n) => assert!((2.0..=65.0).contains(&n), "{n} statements alive"),
        ref v => panic!("{v:?}"),
    }
    // An evicted statement is simply prepared again.
    run(&db, ins, none().int(1000));
    assert_eq!(count(&db, "t"), 101.0);
}

#[wasm_bindgen_test]
fn close_and_isolation() {
    let a = db();
    let b = db();
    a.exec("create table only_a (x); insert into only_a values (1)")
        .unwrap();
    // Each Database is its own private in-memory database.
    db_err(
        b.query("select * from only_a", &[], &[]).unwrap_err(),
        "SQLITE_ERROR",
    );
    let mut a = a;
    q(&a, "select x from only_a", none(), &[]);
    a.close();
    a.close();
    db_err(a.query("select 1", &[], &[]).unwrap_err(), "SQLITE_MISUSE");
    db_err(a.run("select 1", &[]).unwrap_err(), "SQLITE_MISUSE");
    db_err(a.exec("select 1").unwrap_err(), "SQLITE_MISUSE");
    // Many open/close cycles: nothing leaks badly enough to fail.
    for _ in 0..200 {
        let mut d = db();
        d.exec("create table x (y); insert into x values (1);")
            .unwrap();
        q(&d, "select y from x", none(), &[]);
        d.close();
    }
    assert_eq!(q(&b, "select 2", none(), &[]).rows[0], [V::Num(2.0)]);
}

#[wasm_bindgen_test]
fn ten_thousand_rows() {
    let db = db();
    db.exec("create table big (id integer primary key, name text, score real, flag integer, at integer)")
        .unwrap();
    let now = js_sys::Date::now;
    let t0 = now();
    db.exec("begin").unwrap();
    let ins = "insert into big (name, score, flag, at) values (?, ?, ?, ?)";
    for i in 0..10_000i64 {
        let p = none()
            .text(&format!("user {i}"))
            .float(i as f64 * 0.5)
            .int(i % 2)
            .int(1_700_000_000 + i);
        db.run(ins, p.bytes()).unwrap();
    }
    db.exec("commit").unwrap();
    let t1 = now();
    let buf = db
        .query(
            "select id, name, score, flag, at from big order by id",
            &[],
            &[1, 9, 1, 2, 3],
        )
        .unwrap();
    let t2 = now();
    let r = decode(&buf);
    let t3 = now();
    assert_eq!(r.rows.len(), 10_000);
    assert_eq!(
        r.rows[9_999],
        [
            V::Num(10_000.0),
            V::Text("user 9999".into()),
            V::Float(4_999.5),
            V::Bool(true),
            V::Date(1_700_009_999_000.0)
        ]
    );
    console_log!(
        "embedded sqlite: 10,000 inserts (one transaction) {:.1} ms; select 10,000 rows {:.1} ms ({} bytes); \
         decode in test {:.1} ms",
        t1 - t0,
        t2 - t1,
        buf.len(),
        t3 - t2
    );
}
