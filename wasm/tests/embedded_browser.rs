//! The embedded SQLite cases of `common/embedded_cases.rs` in a headless
//! browser: `wasm-pack test --headless --chrome --features sqlite`.

#![cfg(all(feature = "sqlite", target_arch = "wasm32"))]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/embedded_cases.rs"]
mod cases;
