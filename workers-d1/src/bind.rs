//! How each engine value is bound on a Worker's SQL hosts, so that none of the `worker` crate's traps
//! (`../shared/reference/workers-rs.md` §1-2, observed in workerd) changes it on the way in:
//!
//! - a boolean: a Durable Object stores a JS `true` as the TEXT `'true'`, and D1's reads give back a
//!   number that serde will not read as `bool`: bound as the integer 1 or 0, what drizzle stores too;
//! - an integer: both hosts take JS numbers only (no BigInt), so one beyond ±(2^53-1) would be stored
//!   rounded (2^53+1 becomes 2^53, silently): refused, typed, as mizzle's JS D1 driver refuses it;
//!   `D1Type::Integer` is i32 and is not used;
//! - a float that is not finite: refused (D1 sends parameters as JSON, which has no NaN);
//! - bytes: a `Uint8Array` (D1's `D1Type::Blob` would send a JS Array of numbers);
//! - `undefined` never: an absent value is NULL (`D1_TYPE_ERROR` otherwise).
//!
//! Both hosts take at most [`MAX_PARAMETERS`] per statement.

use mizzle_core::Value;

use crate::{Error, MAX_SAFE_INTEGER as MAX_SAFE};

/// D1's and Durable Objects' limit of bound parameters per statement.
pub const MAX_PARAMETERS: usize = 100;

/// The host a statement runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    D1,
    DurableObject,
}

impl Host {
    fn name(self) -> &'static str {
        match self {
            Host::D1 => "D1",
            Host::DurableObject => "a Durable Object",
        }
    }
}

/// A value as the host receives it (the JS value it becomes is named by the variant).
#[derive(Debug, Clone, PartialEq)]
pub enum Bound {
    /// `null`.
    Null,
    /// A JS number.
    Number(f64),
    /// A JS string.
    Text(String),
    /// A `Uint8Array`.
    Bytes(Vec<u8>),
}

/// Every parameter of one statement, bound for `host`.
pub fn bind(values: &[Value], host: Host) -> Result<Vec<Bound>, Error> {
    if values.len() > MAX_PARAMETERS {
        return Err(Error::Bind {
            index: MAX_PARAMETERS,
            reason: format!(
                "{} takes at most {MAX_PARAMETERS} parameters per statement, this one has {}",
                host.name(),
                values.len()
            ),
        });
    }
    values
        .iter()
        .enumerate()
        .map(|(index, v)| bind_one(v, host).map_err(|reason| Error::Bind { index, reason }))
        .collect()
}

fn bind_one(v: &Value, host: Host) -> Result<Bound, String> {
    Ok(match v {
        Value::Null => Bound::Null,
        Value::Bool(b) => Bound::Number(if *b { 1.0 } else { 0.0 }),
        Value::Int(i) if (-MAX_SAFE..=MAX_SAFE).contains(i) => Bound::Number(*i as f64),
        Value::Int(i) => {
            return Err(format!(
                "{host} cannot bind the integer {i}: it takes JS numbers only, exact to ±(2^53-1), and would \
                 store a rounded value (keep such a column as text)",
                host = host.name()
            ))
        }
        Value::Float(f) if f.is_finite() => Bound::Number(*f),
        Value::Float(f) => return Err(format!("{} cannot bind the float {f}", host.name())),
        Value::Text(s) => Bound::Text(s.clone()),
        Value::Blob(b) => Bound::Bytes(b.clone()),
    })
}

#[cfg(target_arch = "wasm32")]
impl Bound {
    /// The JS value the host receives.
    pub fn to_js(&self) -> wasm_bindgen::JsValue {
        use wasm_bindgen::JsValue;
        match self {
            Bound::Null => JsValue::NULL,
            Bound::Number(n) => JsValue::from_f64(*n),
            Bound::Text(s) => JsValue::from_str(s),
            Bound::Bytes(b) => js_sys::Uint8Array::from(b.as_slice()).into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_are_integers_on_both_hosts() {
        for host in [Host::D1, Host::DurableObject] {
            let got = bind(&[Value::Bool(true), Value::Bool(false)], host).unwrap();
            assert_eq!(got, [Bound::Number(1.0), Bound::Number(0.0)]);
        }
    }

    #[test]
    fn integers_are_exact_or_refused() {
        let edge = [MAX_SAFE, -MAX_SAFE, 0, 7];
        let got = bind(&edge.map(Value::Int), Host::D1).unwrap();
        assert_eq!(got, edge.map(|i| Bound::Number(i as f64)));
        for i in [MAX_SAFE + 1, -MAX_SAFE - 1, i64::MAX, i64::MIN] {
            let e = bind(&[Value::Null, Value::Int(i)], Host::DurableObject).unwrap_err();
            let Error::Bind { index, reason } = e else {
                panic!("{e:?}")
            };
            assert_eq!(index, 1);
            assert!(reason.contains(&i.to_string()), "{reason}");
        }
    }

    #[test]
    fn floats_must_be_finite() {
        assert_eq!(
            bind(&[Value::Float(1.5)], Host::D1).unwrap(),
            [Bound::Number(1.5)]
        );
        for f in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(matches!(
                bind(&[Value::Float(f)], Host::D1),
                Err(Error::Bind { index: 0, .. })
            ));
        }
    }

    #[test]
    fn text_bytes_and_null_pass() {
        let got = bind(
            &[
                Value::Text("x".into()),
                Value::Blob(vec![0, 255]),
                Value::Null,
            ],
            Host::D1,
        )
        .unwrap();
        assert_eq!(
            got,
            [
                Bound::Text("x".into()),
                Bound::Bytes(vec![0, 255]),
                Bound::Null
            ]
        );
    }

    #[test]
    fn at_most_one_hundred_parameters() {
        assert_eq!(bind(&vec![Value::Null; 100], Host::D1).unwrap().len(), 100);
        let e = bind(&vec![Value::Null; 101], Host::D1).unwrap_err();
        assert!(e.to_string().contains("at most 100"), "{e}");
    }
}
