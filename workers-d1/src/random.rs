//! Random defaults (drizzle's `$defaultFn(() => crypto.randomUUID())`): bytes from `getrandom`, whose
//! `wasm_js` backend is `crypto.getRandomValues` in a Worker (getrandom 0.4: the feature alone selects
//! it, no `--cfg` needed, so a `RUSTFLAGS` in CI cannot switch it off), and UUIDs built by the `uuid`
//! crate from those bytes. Use as `#[mizzle(default_fn = mizzle_workers::random::uuid_v4)]`.

use uuid::Uuid;

use crate::{Error, Timestamp};

/// `N` random bytes.
pub fn bytes<const N: usize>() -> Result<[u8; N], Error> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b)
        .map_err(|e| Error::Invalid(format!("no randomness from the host: {e}")))?;
    Ok(b)
}

/// A random (version 4) UUID.
pub fn uuid_v4() -> Result<Uuid, Error> {
    Ok(uuid::Builder::from_random_bytes(bytes()?).into_uuid())
}

/// A time-ordered (version 7) UUID: milliseconds since the epoch, then random bits (ids that sort by
/// creation keep inserts at the end of an index).
pub fn uuid_v7() -> Result<Uuid, Error> {
    let ms = Timestamp::now().0.max(0) as u64;
    Ok(uuid::Builder::from_unix_timestamp_millis(ms, &bytes()?).into_uuid())
}

impl crate::schema::SqlField for Uuid {
    const KIND: crate::schema::Kind = crate::schema::Kind::Text;
    fn to_value(&self, _: crate::schema::Kind) -> mizzle_core::Value {
        mizzle_core::Value::Text(self.hyphenated().to_string())
    }
}

impl crate::expr::ValueOf<Uuid> for Uuid {
    fn into_value(self, kind: crate::schema::Kind) -> mizzle_core::Value {
        crate::schema::SqlField::to_value(&self, kind)
    }
}

impl crate::expr::ValueOf<Option<Uuid>> for Uuid {
    fn into_value(self, kind: crate::schema::Kind) -> mizzle_core::Value {
        crate::schema::SqlField::to_value(&self, kind)
    }
}

impl<S> crate::expr::Rhs<S, Uuid> for Uuid {
    fn rhs(self, kind: crate::schema::Kind) -> mizzle_core::ast::Expr {
        mizzle_core::ast::Expr::Value(crate::schema::SqlField::to_value(&self, kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_their_version_and_differ() {
        let a = uuid_v4().unwrap();
        let b = uuid_v4().unwrap();
        assert_eq!(a.get_version_num(), 4);
        assert_ne!(a, b);
        let t = uuid_v7().unwrap();
        assert_eq!(t.get_version_num(), 7);
        let (secs, _) = t.get_timestamp().unwrap().to_unix();
        assert!(secs.abs_diff(Timestamp::now().0 as u64 / 1000) < 5);
    }
}
