//! Target `protocol`: the Neon and PlanetScale codecs of `mizzle_core::protocol`.

use mizzle_core::protocol::serde_json::{self, Value as Json};
use mizzle_core::protocol::{neon, planetscale};
use mizzle_core::Value;

/// HTTP statuses the codecs branch on, and odd ones.
const STATUSES: [u16; 8] = [200, 400, 401, 404, 409, 500, 503, 0];

/// Type OIDs with a decoder (scalars and their arrays) and a few without.
const OIDS: [u32; 32] = [
    16, 17, 20, 21, 23, 25, 26, 114, 700, 701, 1043, 1082, 1083, 1114, 1184, 1186, 1700, 2950,
    3802, 1000, 1001, 1005, 1007, 1016, 1009, 1021, 1022, 1231, 1115, 1185, 3807, 199,
];

/// PlanetScale (Vitess) type names `decode_value` knows, and one it does not.
const VITESS_TYPES: [&str; 24] = [
    "INT8",
    "UINT8",
    "INT16",
    "UINT16",
    "INT24",
    "UINT24",
    "INT32",
    "UINT32",
    "INT64",
    "UINT64",
    "FLOAT32",
    "FLOAT64",
    "DECIMAL",
    "DATE",
    "TIME",
    "DATETIME",
    "TIMESTAMP",
    "YEAR",
    "JSON",
    "BLOB",
    "VARCHAR",
    "BIT",
    "NULL",
    "SET",
];

/// `[selector][arg][body...]`: the selector picks the codec (modulo 10), the
/// argument a status, OID, type or flag set, and the rest is the body (lossy
/// UTF-8 where the codec takes text).
pub fn protocol(data: &[u8]) {
    let [selector, arg, body @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(body);
    let status = STATUSES[usize::from(*arg) % STATUSES.len()];
    match selector % 10 {
        0 => {
            if let Ok(r) = neon::parse_response(status, &text) {
                let _ = r.decode_rows();
            }
        }
        1 => {
            if let Ok(rs) = neon::parse_batch_response(status, &text) {
                for r in rs {
                    let _ = r.decode_rows();
                }
            }
        }
        2 => {
            let _ = neon::parse_error(status, &text);
            let _ = planetscale::parse_error(status, &text);
        }
        3 => {
            let oid = OIDS[usize::from(*arg) % OIDS.len()];
            let _ = neon::decode_text(oid, &text);
            let _ = neon::array_element(oid);
        }
        4 => {
            if let Ok(r) = planetscale::parse_response(status, &text) {
                let _ = r.decode_rows();
            }
        }
        5 => {
            if let Ok(session) = planetscale::parse_session(status, &text) {
                // The session is echoed back in the next request: it must stay JSON.
                let body = planetscale::execute_body("select 1", Some(&session));
                parses(&body);
            }
        }
        6 => {
            let field = planetscale::Field {
                type_name: VITESS_TYPES[usize::from(arg & 0x1f) % VITESS_TYPES.len()].into(),
                charset: if arg & 0x20 != 0 { 63 } else { 255 },
                flags: if arg & 0x40 != 0 { 32 | 128 } else { 0 },
                ..Default::default()
            };
            let _ = planetscale::decode_value(&field, body);
        }
        7 => {
            // Writers: any SQL and values give a body that is JSON.
            let params = values(body);
            parses(&neon::query_body(&text, &params));
            let queries = [(&*text, &params[..]), ("select 1", &[][..])];
            parses(&neon::batch_body(&queries));
            for v in &params {
                let _ = neon::param_text(v);
            }
        }
        8 => {
            let session: Option<Json> = serde_json::from_str(&text).ok();
            parses(&planetscale::execute_body(&text, session.as_ref()));
            let (user, pass) = text.split_once(':').unwrap_or((&text, ""));
            let _ = planetscale::headers(user, pass);
        }
        _ => {
            let _ = neon::parse_result(&text);
            let _ = neon::parse_batch(&text);
            let _ = planetscale::parse_execute(&text);
        }
    }
}

/// A request body must be JSON.
fn parses(body: &str) {
    if let Err(e) = serde_json::from_str::<Json>(body) {
        panic!("request body is not JSON ({e}): {body}");
    }
}

/// Values from bytes: a tag byte, then its payload.
fn values(mut b: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    while let [tag, rest @ ..] = b {
        b = rest;
        let take = |b: &mut &[u8], n: usize| -> Option<Vec<u8>> {
            let n = n.min(b.len());
            let (h, t) = b.split_at(n);
            *b = t;
            Some(h.to_vec())
        };
        let eight = |b: &mut &[u8]| -> [u8; 8] {
            let mut w = [0u8; 8];
            let h = take(b, 8).unwrap_or_default();
            w[..h.len()].copy_from_slice(&h);
            w
        };
        out.push(match tag % 6 {
            0 => Value::Null,
            1 => Value::Int(i64::from_le_bytes(eight(&mut b))),
            2 => Value::Float(f64::from_le_bytes(eight(&mut b))),
            3 => Value::Bool(tag & 0x80 != 0),
            4 => {
                let n = usize::from(tag >> 3);
                Value::Blob(take(&mut b, n).unwrap_or_default())
            }
            _ => {
                let n = usize::from(tag >> 3);
                Value::Text(String::from_utf8_lossy(&take(&mut b, n).unwrap_or_default()).into())
            }
        });
    }
    out
}
