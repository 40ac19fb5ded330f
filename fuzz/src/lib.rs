//! mizzle's fuzz targets: each takes arbitrary bytes and must return without
//! panicking, aborting or overflowing the stack; a typed error is a pass.
//! The libFuzzer binaries in `fuzz_targets/` call these (README.md says how
//! they are built on stable Rust), and `tests/corpus.rs` replays the kept
//! corpus (`corpus/<target>/`) through them in the ordinary `cargo test`.
//!
//! Each target's byte layout is documented on its function; the `encode_*`
//! helpers write seeds in the same layouts (`tests/corpus.rs`,
//! `MIZZLE_WRITE_SEEDS=1`).

mod ast;
mod migrations;
mod protocol;

pub use migrations::{encode_migrations, migrations};
pub use protocol::protocol;

/// A fuzz target: any bytes, no panic.
pub type Target = fn(&[u8]);

/// The targets by name, as the corpus folders and binaries are named.
pub const TARGETS: &[(&str, Target)] = &[
    ("compile", compile),
    ("render", render),
    ("interpolate", interpolate),
    ("protocol", protocol),
    ("migrations", migrations),
];

/// Opcodes from bytes: each byte is one opcode as a signed byte (`-1`, the
/// wire's NONE, is `0xff`), except `0x80`, which is followed by a full
/// little-endian `i32`. Small tags, counts and ids dominate real shapes, so
/// one byte per opcode keeps mutations meaningful.
pub fn ops_from_bytes(bytes: &[u8]) -> Vec<i32> {
    let mut ops = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if b == 0x80 {
            let Some(word) = bytes.get(i..i + 4) else {
                break;
            };
            ops.push(i32::from_le_bytes([word[0], word[1], word[2], word[3]]));
            i += 4;
        } else {
            ops.push(i32::from(b as i8));
        }
    }
    ops
}

/// The inverse of [`ops_from_bytes`].
pub fn ops_to_bytes(ops: &[i32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ops.len());
    for &op in ops {
        match i8::try_from(op) {
            Ok(b) if b != i8::MIN => out.push(b as u8),
            _ => {
                out.push(0x80);
                out.extend_from_slice(&op.to_le_bytes());
            }
        }
    }
    out
}

/// `compile` input: `[dialect][n][n bytes: the intern table, NUL-separated
/// (as `intern` takes it)][opcodes, as ops_from_bytes reads them]`. The
/// dialect byte is taken modulo 5 (4 is an unknown dialect).
pub fn encode_compile(dialect: u8, strings: &[&str], ops: &[i32]) -> Vec<u8> {
    let table = strings.join("\0");
    assert!(table.len() < 256, "seed intern table too long");
    let mut out = vec![dialect, table.len() as u8];
    out.extend_from_slice(table.as_bytes());
    out.extend(ops_to_bytes(ops));
    out
}

/// Target `compile`: an opcode stream and intern table through the wasm
/// engine's reader, planner and renderer (`compile_with`). On success the
/// parameter offsets must point into the SQL, and the SQL must interpolate
/// with NULL for every parameter.
pub fn compile(data: &[u8]) {
    let [dialect, n, rest @ ..] = data else {
        return;
    };
    let dialect = dialect % 5;
    let n = usize::from(*n).min(rest.len());
    let (table, ops) = rest.split_at(n);
    let strings: Vec<String> = if table.is_empty() {
        Vec::new()
    } else {
        String::from_utf8_lossy(table)
            .split('\0')
            .map(String::from)
            .collect()
    };
    let ops = ops_from_bytes(ops);
    let Ok(c) = mizzle_wasm::fuzzing::compile(dialect, &ops, &strings) else {
        return;
    };
    assert_eq!(c.params.len(), c.offsets.len(), "one offset per parameter");
    let mut offsets = Vec::with_capacity(c.offsets.len());
    for &o in &c.offsets {
        let o = usize::try_from(o).expect("offset is negative");
        assert!(
            o < c.sql.len() && c.sql.is_char_boundary(o),
            "offset {o} in {:?}",
            c.sql
        );
        offsets.push(o as u32);
    }
    let nulls = vec![0u8; offsets.len()]; // ValueTag::Null
    if let Err(e) = mizzle_wasm::fuzzing::interpolate(dialect, &c.sql, &offsets, &nulls) {
        panic!(
            "compiled SQL does not interpolate: {e}\n{}\n{offsets:?}",
            c.sql
        );
    }
}

/// Target `render`: an AST built from the bytes (`ast.rs`) rendered by every
/// dialect: SQLite, PostgreSQL, MySQL 8 and MariaDB, with bound parameters
/// and (where it has no placeholders) inline.
pub fn render(data: &[u8]) {
    ast::render(data)
}

/// `interpolate` input: `[dialect][k][offsets][sql length: u16 le][sql][values]`.
/// With `k < 0x80`, `k` offsets follow as u16 le each; with `k >= 0x80` none
/// follow and the offsets are those of every `?` and `$` in the SQL (so that
/// they mostly hit placeholders). The SQL is lossy UTF-8; the values buffer
/// is the wasm `interpolate`'s (ValueTag + payload, repeated).
pub fn encode_interpolate(
    dialect: u8,
    sql: &str,
    offsets: Option<&[u16]>,
    values: &[u8],
) -> Vec<u8> {
    let mut out = vec![dialect];
    match offsets {
        Some(list) => {
            out.push(list.len() as u8);
            for o in list {
                out.extend_from_slice(&o.to_le_bytes());
            }
        }
        None => out.push(0x80),
    }
    out.extend_from_slice(&(sql.len() as u16).to_le_bytes());
    out.extend_from_slice(sql.as_bytes());
    out.extend_from_slice(values);
    out
}

/// Target `interpolate`: the wasm `interpolate` (values buffer decoding and
/// core's literal writer) on arbitrary SQL, offsets and values.
pub fn interpolate(data: &[u8]) {
    let [dialect, k, tail @ ..] = data else {
        return;
    };
    let mut rest: &[u8] = tail;
    let mut offsets: Option<Vec<u32>> = None;
    if *k < 0x80 {
        let mut list = Vec::new();
        for _ in 0..*k {
            let [a, b, tail @ ..] = rest else { return };
            list.push(u32::from(u16::from_le_bytes([*a, *b])));
            rest = tail;
        }
        offsets = Some(list);
    }
    let [a, b, rest @ ..] = rest else { return };
    let n = usize::from(u16::from_le_bytes([*a, *b])).min(rest.len());
    let (sql, values) = rest.split_at(n);
    let sql = String::from_utf8_lossy(sql);
    let offsets = offsets.unwrap_or_else(|| {
        sql.bytes()
            .enumerate()
            .filter(|&(_, c)| c == b'?' || c == b'$')
            .map(|(i, _)| i as u32)
            .collect()
    });
    let _ = mizzle_wasm::fuzzing::interpolate(dialect % 5, &sql, &offsets, values);
}
