//! The embedded SQLite database (`sqlite` feature) in Node:
//! `wasm-pack test --node --features sqlite`. The cases live in
//! `common/embedded_cases.rs`; `embedded_browser.rs` runs them in Chromium.

#![cfg(all(feature = "sqlite", target_arch = "wasm32"))]

#[path = "common/embedded_cases.rs"]
mod cases;
