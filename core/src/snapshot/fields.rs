//! A snapshot object's fields declared once. [`object!`] takes a struct whose
//! fields each name their JSON key (`pub not_null: bool = "notNull"`), in the
//! order drizzle-kit's serializer writes them, and implements [`Node`] for it:
//! `read` asks for the keys in that order (so the first missing or mistyped
//! field is the one reported), `write` puts them in that order. A field's
//! type says how it is read and written ([`Field`]): `Option` for a key that
//! may be absent, else required.
//!
//! `@N` after a key is the field's place in [`Layout::Parsed`] (the zod
//! schema's order), where that differs from the serializer's; a struct
//! without any is written in one order for both layouts.
//!
//! `via path` reads a field with `path(&mut Fields, key)` instead of by its
//! type (SQLite's and MySQL's foreign keys, which have no `schemaTo`).

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::{Map, Number, Value as Json};

use super::json::{as_bool, as_str, as_strings, keyed, keyed_out, strings, type_error};
use super::json::{Fields, Out, Result};
use super::keyed::Keyed;
use super::Layout;

/// A JSON value in a snapshot: read at a path (for errors), written in a layout.
pub(super) trait Node: Sized {
    fn read(v: &Json, path: &str) -> Result<Self>;
    fn write(&self, l: Layout) -> Json;
}

/// A struct field at its key: required for a [`Node`], absent for `None`
/// (as `JSON.stringify` skips `undefined`).
pub(super) trait Field: Sized {
    fn get(f: &mut Fields, key: &'static str) -> Result<Self>;
    fn put(&self, o: &mut Out, key: &str, l: Layout);
}

impl<T: Node> Field for T {
    fn get(f: &mut Fields, key: &'static str) -> Result<T> {
        f.nested(key, T::read)
    }

    fn put(&self, o: &mut Out, key: &str, l: Layout) {
        o.put(key, self.write(l));
    }
}

impl<T: Node> Field for Option<T> {
    fn get(f: &mut Fields, key: &'static str) -> Result<Option<T>> {
        f.opt_nested(key, T::read)
    }

    fn put(&self, o: &mut Out, key: &str, l: Layout) {
        if let Some(v) = self {
            o.put(key, v.write(l));
        }
    }
}

impl Node for String {
    fn read(v: &Json, path: &str) -> Result<String> {
        as_str(v, path)
    }

    fn write(&self, _: Layout) -> Json {
        Json::String(self.clone())
    }
}

impl Node for bool {
    fn read(v: &Json, path: &str) -> Result<bool> {
        as_bool(v, path)
    }

    fn write(&self, _: Layout) -> Json {
        Json::Bool(*self)
    }
}

/// Column names and the like (the error says "an array of strings").
impl Node for Vec<String> {
    fn read(v: &Json, path: &str) -> Result<Vec<String>> {
        as_strings(v, path)
    }

    fn write(&self, _: Layout) -> Json {
        strings(self)
    }
}

/// What drizzle-kit types as `any` (a column default): kept as JSON, numbers
/// with their text (serde_json's `arbitrary_precision`).
impl Node for Json {
    fn read(v: &Json, _: &str) -> Result<Json> {
        Ok(v.clone())
    }

    fn write(&self, _: Layout) -> Json {
        self.clone()
    }
}

impl Node for Number {
    fn read(v: &Json, path: &str) -> Result<Number> {
        match v {
            Json::Number(n) => Ok(n.clone()),
            _ => Err(type_error(path, "a number")),
        }
    }

    fn write(&self, _: Layout) -> Json {
        Json::Number(self.clone())
    }
}

/// An object of arbitrary values (index `with`, SQLite's empty `enums`).
impl Node for Map<String, Json> {
    fn read(v: &Json, path: &str) -> Result<Map<String, Json>> {
        match v {
            Json::Object(m) => Ok(m.clone()),
            _ => Err(type_error(path, "an object")),
        }
    }

    fn write(&self, _: Layout) -> Json {
        Json::Object(self.clone())
    }
}

impl<T: Node> Node for Keyed<T> {
    fn read(v: &Json, path: &str) -> Result<Keyed<T>> {
        keyed(v, path, &T::read)
    }

    fn write(&self, l: Layout) -> Json {
        keyed_out(self, |v| v.write(l))
    }
}

/// Declares a snapshot object's struct, each field with its JSON key, and
/// implements [`Node`] for it (see the module's doc).
macro_rules! object {
    (
        $(#[$attr:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_attr:meta])*
                pub $field:ident: $ty:ty = $key:literal $(@ $rank:literal)? $(via $read:path)?,
            )*
        }
    ) => {
        $(#[$attr])*
        pub struct $name {
            $($(#[$field_attr])* pub $field: $ty,)*
        }

        impl $name {
            /// Reads the fields from `f`, then refuses any other.
            fn read_from(
                mut f: $crate::snapshot::json::Fields,
            ) -> $crate::snapshot::json::Result<$name> {
                let value = $name {
                    $($field: object!(@get f, $key $(, $read)?),)*
                };
                f.done()?;
                Ok(value)
            }
        }

        impl $crate::snapshot::fields::Node for $name {
            fn read(v: &::serde_json::Value, path: &str) -> $crate::snapshot::json::Result<$name> {
                $name::read_from($crate::snapshot::json::Fields::new(v, path)?)
            }

            fn write(&self, l: $crate::snapshot::Layout) -> ::serde_json::Value {
                let mut o = $crate::snapshot::json::Out::new();
                $($crate::snapshot::fields::Field::put(&self.$field, &mut o, $key, l);)*
                o.done_ranked(l, &[$($(($key, $rank),)?)*])
            }
        }
    };
    (@get $f:ident, $key:literal) => {
        $crate::snapshot::fields::Field::get(&mut $f, $key)?
    };
    (@get $f:ident, $key:literal, $read:path) => {
        $read(&mut $f, $key)?
    };
}

pub(super) use object;
