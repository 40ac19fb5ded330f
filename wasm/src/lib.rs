//! mizzle-wasm: the boundary between the JS package and `mizzle-core`.
//! See README.md for the crossing (interned strings, opcode shapes, value
//! slots, decode plans) and the embedded database's buffers.

mod compile;
#[cfg(all(feature = "sqlite", target_arch = "wasm32"))]
mod embedded;
mod error;
#[cfg(any(feature = "inline", test))]
mod interpolate;
#[cfg(any(feature = "protocol", test))]
mod protocol;
mod read;
#[cfg(any(
    all(feature = "sqlite", target_arch = "wasm32"),
    feature = "protocol",
    test
))]
mod rows_buffer;
mod wire;

pub use compile::{compile, intern, slots};
#[cfg(all(feature = "sqlite", target_arch = "wasm32"))]
pub use embedded::Database;
#[cfg(feature = "inline")]
pub use interpolate::interpolate;
#[cfg(feature = "protocol")]
pub use protocol::{neon_rows, planetscale_rows};
