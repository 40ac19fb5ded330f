//! Generates `npm-package/src/engine/wire.generated.ts` from the wire tables
//! and checks the committed file against it: the TypeScript side of every
//! tag is derived, never typed by hand. `MIZZLE_WRITE_WIRE=1 cargo test -p
//! mizzle-wasm --lib wire` rewrites the file; without it a difference fails.

use super::*;
use mizzle_core::Codec;

/// The generated files, relative to this crate.
const TARGET: &str = "../npm-package/src/engine/wire.generated.ts";
const SAMPLE_TARGET: &str = "../npm-package/test/hosts/shape.generated.mjs";

/// One table: its TypeScript name, doc and tags.
type Table = (
    &'static str,
    &'static str,
    &'static [(&'static str, i64, &'static str)],
);

/// Every table, in the order the file lists them.
const TABLES: &[Table] = &[
    ("Stmt", Stmt::DOC, Stmt::TAGS),
    ("Txn", Txn::DOC, Txn::TAGS),
    ("SetExpr", SetExpr::DOC, SetExpr::TAGS),
    ("SetOp", SetOp::DOC, SetOp::TAGS),
    ("Distinct", Distinct::DOC, Distinct::TAGS),
    ("Item", Item::DOC, Item::TAGS),
    ("From", From::DOC, From::TAGS),
    ("Join", Join::DOC, Join::TAGS),
    ("Order", Order::DOC, Order::TAGS),
    ("Nulls", Nulls::DOC, Nulls::TAGS),
    ("Lock", Lock::DOC, Lock::TAGS),
    ("LockWait", LockWait::DOC, LockWait::TAGS),
    ("Expr", Expr::DOC, Expr::TAGS),
    ("RawPart", RawPart::DOC, RawPart::TAGS),
    ("BinaryOp", BinaryOp::DOC, BinaryOp::TAGS),
    ("Aggregate", Aggregate::DOC, Aggregate::TAGS),
    ("Type", Type::DOC, Type::TAGS),
    ("InsertSource", InsertSource::DOC, InsertSource::TAGS),
    ("InsertCell", InsertCell::DOC, InsertCell::TAGS),
    ("Conflict", Conflict::DOC, Conflict::TAGS),
    ("ConflictAction", ConflictAction::DOC, ConflictAction::TAGS),
    ("Relation", Relation::DOC, Relation::TAGS),
    ("Dialect", Dialect::DOC, Dialect::TAGS),
    ("ValueTag", ValueTag::DOC, ValueTag::TAGS),
    ("Codec", Codec::DOC, Codec::TAGS),
];

/// `TemporalText` -> `temporalText`: TypeScript members are camelCase.
fn member(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A JSDoc block from `///` text (each line starts with the space after `///`).
fn jsdoc(doc: &str, indent: &str) -> String {
    let lines: Vec<&str> = doc
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        many => {
            let mut out = format!("{indent}/**\n");
            for l in many {
                out.push_str(&format!("{indent} * {l}\n"));
            }
            out.push_str(&format!("{indent} */\n"));
            out
        }
    }
}

/// The whole generated file.
fn render() -> String {
    let mut out = String::from(
        "// GENERATED from wasm/src/wire/mod.rs and core/src/codec.rs by\n\
         // `cargo test -p mizzle-wasm --lib wire` (MIZZLE_WRITE_WIRE=1 rewrites it). Do not edit.\n\
         // Only the encoder (./encoder.ts) and the value-buffer codecs may use these numbers;\n\
         // the grammar that strings them together is wasm/README.md, \"Opcodes\".\n\n",
    );
    out.push_str("/** \"Absent\" wherever an optional string id or size is expected. */\n");
    out.push_str(&format!("export const NONE = {NONE};\n"));
    out.push_str(
        "/** How deep a shape's expressions and nested queries may go (the reader's guard). */\n",
    );
    out.push_str(&format!("export const MAX_DEPTH = {MAX_DEPTH};\n"));
    for (name, doc, tags) in TABLES {
        out.push('\n');
        out.push_str(&jsdoc(doc, ""));
        // Const enums: the package is bundled from its sources by esbuild, which
        // writes their numbers in place across modules (biome.jsonc says so too).
        out.push_str(&format!("export const enum {name} {{\n"));
        for (tag, value, tag_doc) in tags.iter() {
            out.push_str(&jsdoc(tag_doc, "  "));
            out.push_str(&format!("  {} = {value},\n", member(tag)));
        }
        out.push_str("}\n");
    }
    out
}

/// The host tests' sample shape (wire/sample.rs) and the value tags their
/// hand-made params buffer uses, as plain JS (the host tests copy it into
/// each app they bundle, so it imports nothing).
fn render_sample() -> String {
    // Twenty numbers a line keeps the file under the 120-column limit.
    let ops: Vec<String> = super::sample::select_by_id()
        .chunks(20)
        .map(|line| {
            let nums: Vec<String> = line.iter().map(i32::to_string).collect();
            format!("\n  {},", nums.join(", "))
        })
        .collect();
    let strings: Vec<String> = super::sample::STRINGS
        .iter()
        .map(|s| format!("'{s}'"))
        .collect();
    format!(
        "// GENERATED from wasm/src/wire/sample.rs by `cargo test -p mizzle-wasm --lib wire`\n\
         // (MIZZLE_WRITE_WIRE=1 rewrites it). Do not edit.\n\n\
         /** The interned strings of SELECT_BY_ID, in id order. */\n\
         export const STRINGS = [{}];\n\n\
         /** `select \"users\".\"id\", \"users\".\"name\" from \"users\" where \"users\".\"id\" = ? limit ?` */\n\
         export const SELECT_BY_ID = [{}\n];\n\n\
         /** The value tags of the embedded database's params buffer that the host tests write. */\n\
         export const VALUE_TAG = {{ number: {}, text: {} }};\n",
        strings.join(", "),
        ops.concat(),
        ValueTag::Number.repr(),
        ValueTag::Text.repr(),
    )
}

/// Compares (or with MIZZLE_WRITE_WIRE set, writes) one generated file.
fn check(target: &str, want: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(target);
    if std::env::var_os("MIZZLE_WRITE_WIRE").is_some() {
        std::fs::write(&path, want).expect("write a generated file");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is out of date with wasm/src/wire/: run \
         `MIZZLE_WRITE_WIRE=1 cargo test -p mizzle-wasm --lib wire` and commit the result",
        path.display()
    );
}

#[test]
fn typescript_constants_match_the_wire_tables() {
    check(TARGET, &render());
}

#[test]
fn host_sample_matches_the_wire_tables() {
    check(SAMPLE_TARGET, &render_sample());
}
