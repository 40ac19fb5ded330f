//! JSON replies: a result as 200, a mizzle error as a typed JSON error with a status that says whose it
//! is (409 for a constraint, 400 for a value the host cannot take, 500 otherwise).

use serde::Serialize;
use serde_json::json;
use worker::{Request, Response, Result, RouteContext};

/// `r` as JSON, or its error.
pub fn ok<T: Serialize>(r: std::result::Result<T, mizzle_workers::Error>) -> Result<Response> {
    match r {
        Ok(v) => Response::from_json(&v),
        Err(e) => {
            let (status, kind, code) = match &e {
                mizzle_workers::Error::Host { code, .. } => {
                    let conflict = code
                        .as_deref()
                        .is_some_and(|c| c.starts_with("SQLITE_CONSTRAINT"));
                    (if conflict { 409 } else { 500 }, "host", code.clone())
                }
                mizzle_workers::Error::Bind { .. } => (400, "bind", None),
                mizzle_workers::Error::Invalid(_) => (400, "invalid", None),
                mizzle_workers::Error::Migration { kind, .. } => (500, *kind, None),
                mizzle_workers::Error::Decode(_) => (500, "decode", None),
                _ => (500, "engine", None),
            };
            Ok(
                Response::from_json(
                    &json!({ "error": e.to_string(), "kind": kind, "code": code }),
                )?
                .with_status(status),
            )
        }
    }
}

/// A JSON error with `status`.
pub fn fail(status: u16, kind: &str, message: &str) -> Result<Response> {
    Ok(Response::from_json(&json!({ "error": message, "kind": kind }))?.with_status(status))
}

/// The request's JSON body as `T`, parsed by serde_json from the text (the `worker` crate's `json()`
/// goes through JS numbers, which would round an integer beyond 2^53).
pub async fn body<T: serde::de::DeserializeOwned>(req: &mut Request) -> Result<T> {
    Ok(serde_json::from_str(&req.text().await?)?)
}

/// The `:id` of the route.
pub fn id_of<D>(ctx: &RouteContext<D>) -> Result<i64> {
    ctx.param("id")
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| worker::Error::RustError("the id must be an integer".into()))
}

/// `?count=N&views=V` of a bulk insert.
pub fn bulk_args(req: &Request) -> Result<(usize, i64)> {
    let url = req.url()?;
    let get = |k: &str| {
        url.query_pairs()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.into_owned())
    };
    let count = get("count").and_then(|v| v.parse().ok()).unwrap_or(1);
    let views = get("views").and_then(|v| v.parse().ok()).unwrap_or(0);
    Ok((count, views))
}
