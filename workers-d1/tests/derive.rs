//! What `#[derive(Table)]` writes, checked against the runtime: one field per `mode`, so the macro's list
//! of modes and `Kind::MODES` cannot drift apart (a mode the macro lacks does not compile here; one the
//! runtime gains fails the count).

use mizzle_workers::schema::Kind;
use mizzle_workers::Table;
use mizzle_workers::Timestamp;

#[allow(dead_code)]
#[derive(Table)]
#[mizzle(table = "modes")]
struct Modes {
    #[mizzle(mode = "number")]
    number: i64,
    #[mizzle(mode = "bigint")]
    bigint: i64,
    #[mizzle(mode = "real")]
    real: f64,
    #[mizzle(mode = "boolean")]
    boolean: bool,
    #[mizzle(mode = "text")]
    text: String,
    #[mizzle(mode = "blob")]
    blob: Vec<u8>,
    #[mizzle(mode = "json")]
    json: String,
    #[mizzle(mode = "timestamp")]
    timestamp: Timestamp,
    #[mizzle(mode = "timestamp_ms")]
    timestamp_ms: Timestamp,
}

#[test]
fn every_mode_of_the_runtime_is_one_of_the_macro() {
    assert_eq!(Modes::COLUMNS.len(), Kind::MODES.len());
    for (c, mode) in Modes::COLUMNS.iter().zip(Kind::MODES) {
        assert_eq!(c.name, mode);
        assert_eq!(Some(c.kind), Kind::from_mode(mode), "{mode}");
    }
}

#[allow(dead_code)]
#[derive(Table)]
#[mizzle(table = "people")]
struct Person {
    #[mizzle(primary_key, auto_increment)]
    id: Option<i64>,
    #[mizzle(column = "full_name")]
    name: String,
    #[mizzle(default)]
    score: Option<i32>,
}

#[test]
fn columns_carry_the_declaration() {
    let [id, name, score] = Person::COLUMNS else {
        panic!("three columns")
    };
    assert_eq!(
        (
            id.name,
            id.kind,
            id.nullable,
            id.primary_key,
            id.auto_increment
        ),
        ("id", Kind::BigInt, true, true, true)
    );
    assert_eq!(
        (name.name, name.field, name.kind, name.nullable),
        ("full_name", "name", Kind::Text, false)
    );
    assert!(score.has_default && score.nullable);
    let p = Person {
        id: None,
        name: "ann".into(),
        score: None,
    };
    // Absent values on columns the database fills are left out of an insert.
    assert_eq!(
        p.values().unwrap(),
        vec![None, Some(mizzle_workers::Value::Text("ann".into())), None]
    );
}

fn seven() -> i32 {
    7
}

#[allow(dead_code)]
#[derive(Table)]
#[mizzle(table = "tokens")]
struct Token {
    #[mizzle(primary_key, default_fn = mizzle_workers::random::uuid_v4)]
    id: Option<uuid::Uuid>,
    #[mizzle(default_fn = seven)]
    uses: Option<i32>,
}

#[test]
fn default_fns_fill_absent_fields_per_row() {
    let t = Token {
        id: None,
        uses: None,
    };
    let first: Vec<_> = t.values().unwrap();
    let (Some(mizzle_workers::Value::Text(a)), Some(uses)) = (&first[0], &first[1]) else {
        panic!("{first:?}")
    };
    let a = a.clone();
    assert_eq!(uses, &mizzle_workers::Value::Int(7));
    let b = match &t.values().unwrap()[0] {
        Some(mizzle_workers::Value::Text(b)) => b.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!((a.len(), &a[14..15]), (36, "4"), "{a}");
    assert_ne!(a, b, "a new value per row");
    let given = uuid::Uuid::nil();
    let kept = Token {
        id: Some(given),
        uses: Some(1),
    }
    .values()
    .unwrap();
    assert_eq!(
        kept[0],
        Some(mizzle_workers::Value::Text(given.to_string()))
    );
}
