//! Errors thrown into JS: one `Error` shape with `name = "MizzleError"`, a
//! `kind`, an optional `code`, so the JS package can wrap them in its typed classes.

use js_sys::{Error as JsErrorObject, Reflect};
use mizzle_core::Error as CoreError;
use wasm_bindgen::JsValue;

/// Builds a JS `Error` with `name`, `kind` and (when given) `code`.
pub(crate) fn js_error(kind: &str, message: &str, code: Option<&str>) -> JsValue {
    let e = JsErrorObject::new(message);
    e.set_name("MizzleError");
    let obj: &JsValue = e.as_ref();
    let _ = Reflect::set(obj, &JsValue::from_str("kind"), &JsValue::from_str(kind));
    if let Some(code) = code {
        let _ = Reflect::set(obj, &JsValue::from_str("code"), &JsValue::from_str(code));
    }
    e.into()
}

/// A core rendering error as a JS error.
pub(crate) fn from_core(e: &CoreError) -> JsValue {
    let kind = match e {
        CoreError::Unsupported { .. } => "unsupported",
        CoreError::Invalid(_) => "invalid",
        CoreError::BadName(_) => "bad_name",
        CoreError::TooDeep => "too_deep",
        CoreError::MissingPlaceholder(_) => "missing_placeholder",
        CoreError::NotBuilt(_) => "unsupported",
        _ => "invalid",
    };
    js_error(kind, &e.to_string(), None)
}

/// The error kind of input the engine cannot read (malformed opcodes or
/// value buffers): a bug in the JS package's encoder, not in the database or
/// the server (whose malformed answers are `protocol` errors).
pub(crate) const ENGINE_INPUT: &str = "engine_input";

/// Malformed input from the JS package.
pub(crate) fn engine_input(message: &str) -> JsValue {
    js_error(ENGINE_INPUT, message, None)
}
