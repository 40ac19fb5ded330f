//! Reading a snapshot's JSON into the typed model with a path for errors, and
//! writing the model back in drizzle-kit's key order. Each dialect module says
//! which fields exist and in which order; this holds only the mechanics.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{Map, Value as Json};

use super::error::{SnapshotError, SnapshotErrorKind};
use super::fields::Field;
use super::keyed::Keyed;
use super::Layout;

pub(super) type Result<T> = core::result::Result<T, SnapshotError>;

pub(super) fn type_error(path: &str, expected: &'static str) -> SnapshotError {
    SnapshotError::new(path, SnapshotErrorKind::Type { expected })
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// One JSON object being read: every field asked for is remembered, and
/// [`Fields::done`] refuses the others (drizzle-kit's schemas are strict).
pub(super) struct Fields<'a> {
    map: &'a Map<String, Json>,
    path: String,
    known: Vec<&'static str>,
    hidden: Option<&'static str>,
}

impl<'a> Fields<'a> {
    pub(super) fn new(value: &'a Json, path: &str) -> Result<Fields<'a>> {
        match value {
            Json::Object(map) => Ok(Fields {
                map,
                path: path.to_string(),
                known: Vec::new(),
                hidden: None,
            }),
            _ => Err(type_error(path, "an object")),
        }
    }

    pub(super) fn path(&self, key: &str) -> String {
        child(&self.path, key)
    }

    /// The same object with `key` never asked for, so [`Fields::done`]
    /// refuses it (a field another dialect's variant of the object has).
    pub(super) fn hiding(self, key: &'static str) -> Fields<'a> {
        Fields {
            hidden: Some(key),
            ..self
        }
    }

    pub(super) fn opt(&mut self, key: &'static str) -> Option<&'a Json> {
        if self.hidden == Some(key) {
            return None;
        }
        self.known.push(key);
        self.map.get(key)
    }

    fn req(&mut self, key: &'static str) -> Result<&'a Json> {
        let path = self.path(key);
        self.opt(key)
            .ok_or_else(|| SnapshotError::new(path, SnapshotErrorKind::Missing))
    }

    pub(super) fn str(&mut self, key: &'static str) -> Result<String> {
        let v = self.req(key)?;
        as_str(v, &self.path(key))
    }

    pub(super) fn opt_str(&mut self, key: &'static str) -> Result<Option<String>> {
        self.opt(key)
            .map(|v| as_str(v, &self.path(key)))
            .transpose()
    }

    pub(super) fn bool(&mut self, key: &'static str) -> Result<bool> {
        let v = self.req(key)?;
        as_bool(v, &self.path(key))
    }

    /// A nested object read by `f`.
    pub(super) fn nested<T>(
        &mut self,
        key: &'static str,
        f: impl Fn(&Json, &str) -> Result<T>,
    ) -> Result<T> {
        let v = self.req(key)?;
        f(v, &self.path(key))
    }

    pub(super) fn opt_nested<T>(
        &mut self,
        key: &'static str,
        f: impl Fn(&Json, &str) -> Result<T>,
    ) -> Result<Option<T>> {
        self.opt(key).map(|v| f(v, &self.path(key))).transpose()
    }

    /// Refuses any field not asked for.
    pub(super) fn done(self) -> Result<()> {
        match self.map.keys().find(|k| !self.known.contains(&k.as_str())) {
            Some(k) => Err(SnapshotError::new(
                child(&self.path, k),
                SnapshotErrorKind::Unknown,
            )),
            None => Ok(()),
        }
    }
}

pub(super) fn keyed<T>(
    value: &Json,
    path: &str,
    f: &impl Fn(&Json, &str) -> Result<T>,
) -> Result<Keyed<T>> {
    let Json::Object(map) = value else {
        return Err(type_error(path, "an object"));
    };
    let mut out = Vec::with_capacity(map.len());
    for (k, v) in map {
        out.push((k.clone(), f(v, &format!("{path}[{k:?}]"))?));
    }
    Ok(Keyed(out))
}

pub(super) fn as_str(v: &Json, path: &str) -> Result<String> {
    v.as_str()
        .map(String::from)
        .ok_or_else(|| type_error(path, "a string"))
}

pub(super) fn as_bool(v: &Json, path: &str) -> Result<bool> {
    v.as_bool().ok_or_else(|| type_error(path, "a boolean"))
}

pub(super) fn as_strings(v: &Json, path: &str) -> Result<Vec<String>> {
    let Json::Array(items) = v else {
        return Err(type_error(path, "an array of strings"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(as_str(item, &format!("{path}[{i}]"))?);
    }
    Ok(out)
}

/// A JSON object built in the order fields are written (serde_json's
/// `preserve_order`), skipping absent optionals as `JSON.stringify` skips
/// `undefined`.
#[derive(Default)]
pub(super) struct Out(Map<String, Json>);

impl Out {
    pub(super) fn new() -> Out {
        Out::default()
    }

    pub(super) fn put(&mut self, key: &str, value: Json) -> &mut Out {
        self.0.insert(key.to_string(), value);
        self
    }

    /// A struct field at `key` (skipped when `None`).
    pub(super) fn field(&mut self, key: &str, value: &impl Field, l: Layout) -> &mut Out {
        value.put(self, key, l);
        self
    }

    pub(super) fn str(&mut self, key: &str, value: &str) -> &mut Out {
        self.put(key, Json::String(value.to_string()))
    }

    pub(super) fn opt_str(&mut self, key: &str, value: &Option<String>) -> &mut Out {
        if let Some(v) = value {
            self.str(key, v);
        }
        self
    }

    pub(super) fn bool(&mut self, key: &str, value: bool) -> &mut Out {
        self.put(key, Json::Bool(value))
    }

    pub(super) fn done(&mut self) -> Json {
        Json::Object(core::mem::take(&mut self.0))
    }

    /// The object in `layout`'s order: as written for [`Layout::Generated`],
    /// else with its keys in `parsed`'s order (the zod schema's shape).
    pub(super) fn done_in(&mut self, layout: Layout, parsed: &[&str]) -> Json {
        let at = |k: &str| parsed.iter().position(|p| *p == k).unwrap_or(parsed.len());
        self.sort_in(layout, at)
    }

    /// The same, each key with its place in `parsed` (a key not there goes
    /// last; none at all keeps the written order, a stable sort).
    pub(super) fn done_ranked(&mut self, layout: Layout, parsed: &[(&str, u8)]) -> Json {
        let at = |k: &str| {
            parsed
                .iter()
                .find(|(p, _)| *p == k)
                .map_or(u8::MAX, |(_, n)| *n)
        };
        self.sort_in(layout, at)
    }

    fn sort_in<K: Ord>(&mut self, layout: Layout, at: impl Fn(&str) -> K) -> Json {
        if layout == Layout::Parsed {
            let mut entries: Vec<(String, Json)> =
                core::mem::take(&mut self.0).into_iter().collect();
            entries.sort_by_key(|(k, _)| at(k));
            self.0 = entries.into_iter().collect();
        }
        self.done()
    }
}

pub(super) fn keyed_out<T>(value: &Keyed<T>, f: impl Fn(&T) -> Json) -> Json {
    Json::Object(value.iter().map(|(k, v)| (k.to_string(), f(v))).collect())
}

pub(super) fn strings(value: &[String]) -> Json {
    Json::Array(value.iter().map(|s| Json::String(s.clone())).collect())
}

/// An array of objects, each read by `f`.
pub(super) fn list<T>(
    value: &Json,
    path: &str,
    f: impl Fn(&Json, &str) -> Result<T>,
) -> Result<Vec<T>> {
    let Json::Array(items) = value else {
        return Err(type_error(path, "an array"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (n, item) in items.iter().enumerate() {
        out.push(f(item, &format!("{path}[{n}]"))?);
    }
    Ok(out)
}
