//! What a rendered statement carries besides its SQL text.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Error;
use crate::value::Value;

/// One parameter slot of a rendered statement, in placeholder order.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Param {
    /// A value known when the query was built.
    Value(Value),
    /// A named placeholder (`sql.placeholder("id")`), filled at execution time.
    Placeholder(String),
    /// The host's value number `n` (see [`crate::ast::Expr::Slot`]).
    Slot(u32),
}

/// SQL text plus its parameters, ready for a driver.
///
/// ```
/// use mizzle_core::{Rendered, Param, Value};
/// let r = Rendered { sql: "select ?".into(), params: vec![Param::Placeholder("id".into())] };
/// let mut named = std::collections::BTreeMap::new();
/// named.insert("id".to_string(), Value::Int(7));
/// assert_eq!(r.bind(&named).unwrap(), vec![Value::Int(7)]);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Rendered {
    /// The statement text with dialect placeholders (`?` or `$n`).
    pub sql: String,
    /// Parameters in placeholder order.
    pub params: Vec<Param>,
}

impl Rendered {
    /// Resolves placeholders against `named`, giving the values to bind in order.
    /// A placeholder without a value is [`Error::MissingPlaceholder`].
    pub fn bind(&self, named: &BTreeMap<String, Value>) -> Result<Vec<Value>, Error> {
        self.params
            .iter()
            .map(|p| match p {
                Param::Value(v) => Ok(v.clone()),
                Param::Placeholder(name) => named
                    .get(name)
                    .cloned()
                    .ok_or_else(|| Error::MissingPlaceholder(name.clone())),
                Param::Slot(n) => Err(Error::Invalid(alloc::format!(
                    "value slot {n} is filled by the host"
                ))),
            })
            .collect()
    }

    /// The values when the statement has no placeholders.
    pub fn values(&self) -> Result<Vec<Value>, Error> {
        self.bind(&BTreeMap::new())
    }
}
