//! mizzle-wasm: the boundary between the JS package and `mizzle-core`.
//! See README.md for the crossing (interned strings, opcode shapes, value
//! slots, decode plans) and the embedded database's buffers.

// Without `engine` (the migrator build) its exports are gone and the compiler is dead code.
#[cfg_attr(not(feature = "engine"), allow(dead_code))]
mod compile;
#[cfg(all(feature = "sqlite", target_arch = "wasm32"))]
mod embedded;
mod error;
#[cfg(any(feature = "inline", test))]
mod interpolate;
#[cfg(any(feature = "migrations", test))]
mod migrations;
#[cfg(any(feature = "protocol", test))]
mod protocol;
mod read;
#[cfg(any(
    all(feature = "sqlite", target_arch = "wasm32"),
    feature = "protocol",
    test
))]
mod rows_buffer;
#[cfg(any(feature = "differ", test))]
mod schema_diff;
mod wire;

pub use compile::{compile, forget_strings, intern, slots};
#[cfg(all(feature = "sqlite", target_arch = "wasm32"))]
pub use embedded::Database;
#[cfg(feature = "inline")]
pub use interpolate::interpolate;
#[cfg(feature = "migrations")]
pub use migrations::{migrations_plan, migrations_setup};
#[cfg(feature = "protocol")]
pub use protocol::{neon_rows, planetscale_rows};
#[cfg(feature = "differ")]
pub use schema_diff::{
    introspected_snapshot, schema_diff, schema_introspection, schema_snapshot, snapshot_info,
};

/// JsValue-free entry points for the fuzz crate (`fuzz/`, cargo feature
/// `fuzzing`, native only): the wasm exports' errors are JS objects, which
/// cannot be made off wasm32, so these return the typed errors as text.
#[cfg(feature = "fuzzing")]
pub mod fuzzing {
    /// What `compile` + `slots` give for one shape.
    #[derive(Debug)]
    pub struct Compiled {
        pub sql: String,
        pub params: Vec<i32>,
        /// Byte offset of each placeholder in `sql` (what `interpolate` takes).
        pub offsets: Vec<i32>,
        pub plan: Vec<i32>,
    }

    /// [`crate::compile`] with an explicit intern table.
    pub fn compile(dialect: u8, ops: &[i32], strings: &[String]) -> Result<Compiled, String> {
        crate::compile::compile_with(dialect, ops, strings)
            .map(|c| Compiled {
                sql: c.sql,
                params: c.params,
                offsets: c.offsets,
                plan: c.plan,
            })
            .map_err(|e| format!("{e:?}"))
    }

    /// [`crate::interpolate`].
    pub fn interpolate(
        dialect: u8,
        sql: &str,
        offsets: &[u32],
        values: &[u8],
    ) -> Result<String, String> {
        crate::interpolate::interpolate_with(dialect, sql, offsets, values)
            .map_err(|e| format!("{e:?}"))
    }
}
