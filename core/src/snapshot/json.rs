//! Reading a snapshot's JSON into the typed model with a path for errors, and
//! writing the model back in drizzle-kit's key order. Each dialect module says
//! which fields exist and in which order; this holds only the mechanics.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{Map, Value as Json};

use super::error::{SnapshotError, SnapshotErrorKind};
use super::keyed::Keyed;
use super::Layout;

pub(super) type Result<T> = core::result::Result<T, SnapshotError>;

fn type_error(path: &str, expected: &'static str) -> SnapshotError {
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
}

impl<'a> Fields<'a> {
    pub(super) fn new(value: &'a Json, path: &str) -> Result<Fields<'a>> {
        match value {
            Json::Object(map) => Ok(Fields {
                map,
                path: path.to_string(),
                known: Vec::new(),
            }),
            _ => Err(type_error(path, "an object")),
        }
    }

    pub(super) fn path(&self, key: &str) -> String {
        child(&self.path, key)
    }

    pub(super) fn opt(&mut self, key: &'static str) -> Option<&'a Json> {
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

    pub(super) fn opt_bool(&mut self, key: &'static str) -> Result<Option<bool>> {
        self.opt(key)
            .map(|v| as_bool(v, &self.path(key)))
            .transpose()
    }

    pub(super) fn strings(&mut self, key: &'static str) -> Result<Vec<String>> {
        let v = self.req(key)?;
        as_strings(v, &self.path(key))
    }

    pub(super) fn opt_strings(&mut self, key: &'static str) -> Result<Option<Vec<String>>> {
        self.opt(key)
            .map(|v| as_strings(v, &self.path(key)))
            .transpose()
    }

    /// A value drizzle-kit types as `any` (a column default): kept as JSON,
    /// numbers with their text (serde_json's `arbitrary_precision`).
    pub(super) fn opt_any(&mut self, key: &'static str) -> Option<Json> {
        self.opt(key).cloned()
    }

    pub(super) fn number(&mut self, key: &'static str) -> Result<Option<serde_json::Number>> {
        match self.opt(key) {
            None => Ok(None),
            Some(Json::Number(n)) => Ok(Some(n.clone())),
            Some(_) => Err(type_error(&self.path(key), "a number")),
        }
    }

    /// An object of arbitrary values (index `with`, sqlite's empty `enums`).
    pub(super) fn opt_object(&mut self, key: &'static str) -> Result<Option<Map<String, Json>>> {
        match self.opt(key) {
            None => Ok(None),
            Some(Json::Object(m)) => Ok(Some(m.clone())),
            Some(_) => Err(type_error(&self.path(key), "an object")),
        }
    }

    pub(super) fn object(&mut self, key: &'static str) -> Result<Map<String, Json>> {
        let path = self.path(key);
        self.opt_object(key)?
            .ok_or_else(|| SnapshotError::new(path, SnapshotErrorKind::Missing))
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

    /// An array of objects, each read by `f`.
    pub(super) fn list<T>(
        &mut self,
        key: &'static str,
        f: impl Fn(&Json, &str) -> Result<T>,
    ) -> Result<Vec<T>> {
        self.nested(key, |v, p| {
            let Json::Array(items) = v else {
                return Err(type_error(p, "an array"));
            };
            let mut out = Vec::with_capacity(items.len());
            for (n, item) in items.iter().enumerate() {
                out.push(f(item, &format!("{p}[{n}]"))?);
            }
            Ok(out)
        })
    }

    /// An object of entities keyed by name, each read by `f`.
    pub(super) fn keyed<T>(
        &mut self,
        key: &'static str,
        f: impl Fn(&Json, &str) -> Result<T>,
    ) -> Result<Keyed<T>> {
        self.nested(key, |v, p| keyed(v, p, &f))
    }

    pub(super) fn opt_keyed<T>(
        &mut self,
        key: &'static str,
        f: impl Fn(&Json, &str) -> Result<T>,
    ) -> Result<Option<Keyed<T>>> {
        self.opt_nested(key, |v, p| keyed(v, p, &f))
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

fn as_bool(v: &Json, path: &str) -> Result<bool> {
    v.as_bool().ok_or_else(|| type_error(path, "a boolean"))
}

fn as_strings(v: &Json, path: &str) -> Result<Vec<String>> {
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

    pub(super) fn opt_bool(&mut self, key: &str, value: Option<bool>) -> &mut Out {
        if let Some(v) = value {
            self.bool(key, v);
        }
        self
    }

    pub(super) fn strings(&mut self, key: &str, value: &[String]) -> &mut Out {
        self.put(key, strings(value))
    }

    pub(super) fn opt_strings(&mut self, key: &str, value: &Option<Vec<String>>) -> &mut Out {
        if let Some(v) = value {
            self.strings(key, v);
        }
        self
    }

    pub(super) fn opt(&mut self, key: &str, value: Option<Json>) -> &mut Out {
        if let Some(v) = value {
            self.put(key, v);
        }
        self
    }

    pub(super) fn keyed<T>(
        &mut self,
        key: &str,
        value: &Keyed<T>,
        f: impl Fn(&T) -> Json,
    ) -> &mut Out {
        self.put(key, keyed_out(value, f))
    }

    pub(super) fn opt_keyed<T>(
        &mut self,
        key: &str,
        value: &Option<Keyed<T>>,
        f: impl Fn(&T) -> Json,
    ) -> &mut Out {
        if let Some(v) = value {
            self.keyed(key, v, f);
        }
        self
    }

    pub(super) fn done(&mut self) -> Json {
        Json::Object(core::mem::take(&mut self.0))
    }

    /// The object in `layout`'s order: as written for [`Layout::Generated`],
    /// else with its keys in `parsed`'s order (the zod schema's shape).
    pub(super) fn done_in(&mut self, layout: Layout, parsed: &[&str]) -> Json {
        if layout == Layout::Parsed {
            let at = |k: &str| parsed.iter().position(|p| *p == k).unwrap_or(parsed.len());
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

fn strings(value: &[String]) -> Json {
    Json::Array(value.iter().map(|s| Json::String(s.clone())).collect())
}
