//! The introspection queries' JSON documents read field by field: each
//! value found where it should be, or a typed error naming its path
//! (`objects[3].columns[0].name`). Shared by the SQLite, PostgreSQL and MySQL readers.

// Some getters serve only the PostgreSQL reader, left out of builds without it.
#![cfg_attr(not(feature = "dialect-postgres"), allow(dead_code))]

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{Map, Value as Json};

use super::error::IntrospectError;

type Result<T> = core::result::Result<T, IntrospectError>;

/// A JSON object at a path, read field by field into typed errors.
pub(super) struct Obj<'a> {
    map: &'a Map<String, Json>,
    path: String,
}

impl<'a> Obj<'a> {
    pub(super) fn new(v: &'a Json, path: String) -> Result<Obj<'a>> {
        match v {
            Json::Object(map) => Ok(Obj { map, path }),
            _ => Err(IntrospectError::Shape {
                path,
                expected: "an object",
            }),
        }
    }

    pub(super) fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    pub(super) fn shape(&self, key: &str, expected: &'static str) -> IntrospectError {
        IntrospectError::Shape {
            path: self.at(key),
            expected,
        }
    }

    pub(super) fn get(&self, key: &str) -> Result<&'a Json> {
        self.map.get(key).ok_or_else(|| self.shape(key, "a value"))
    }

    pub(super) fn str(&self, key: &str) -> Result<String> {
        self.opt_str(key)?
            .ok_or_else(|| self.shape(key, "a string"))
    }

    pub(super) fn opt_str(&self, key: &str) -> Result<Option<String>> {
        match self.map.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.shape(key, "a string or null")),
        }
    }

    pub(super) fn bool(&self, key: &str) -> Result<bool> {
        self.opt_bool(key)?
            .ok_or_else(|| self.shape(key, "a boolean"))
    }

    pub(super) fn opt_bool(&self, key: &str) -> Result<Option<bool>> {
        match self.map.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.shape(key, "a boolean or null")),
        }
    }

    pub(super) fn int(&self, key: &str) -> Result<i64> {
        self.get(key)?
            .as_i64()
            .ok_or_else(|| self.shape(key, "an integer"))
    }

    pub(super) fn opt_int(&self, key: &str) -> Result<Option<i64>> {
        match self.map.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| self.shape(key, "an integer or null")),
        }
    }

    pub(super) fn array(&self, key: &str) -> Result<&'a Vec<Json>> {
        match self.get(key)? {
            Json::Array(a) => Ok(a),
            _ => Err(self.shape(key, "an array")),
        }
    }

    pub(super) fn strings(&self, key: &str) -> Result<Vec<String>> {
        self.array(key)?
            .iter()
            .enumerate()
            .map(|(i, v)| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| IntrospectError::Shape {
                        path: format!("{}[{i}]", self.at(key)),
                        expected: "a string",
                    })
            })
            .collect()
    }

    pub(super) fn list<T>(&self, key: &str, f: impl Fn(&Obj) -> Result<T>) -> Result<Vec<T>> {
        self.array(key)?
            .iter()
            .enumerate()
            .map(|(i, v)| f(&Obj::new(v, format!("{}[{i}]", self.at(key)))?))
            .collect()
    }
}

/// The document's JSON, checked to be the version the queries write.
pub(super) fn parse(json: &str) -> Result<Json> {
    let doc: Json = serde_json::from_str(json).map_err(|e| IntrospectError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let version = Obj::new(&doc, String::new())?.get("version")?.clone();
    if version.as_i64() != Some(1) {
        return Err(IntrospectError::Version(version.to_string()));
    }
    Ok(doc)
}
