//! What both hosts share at the JS boundary: bound values, rows read as cells, the hosts' errors as one
//! typed error, and SELECT items named by position (D1's `batch` gives rows as objects keyed by name).

use js_sys::Array;
use mizzle_core::ast::{SelectItem, SetExpr, Statement as Ast};
use mizzle_core::{DialectKind, Rendered};
use wasm_bindgen::JsValue;

use crate::bind::{bind, Host};
use crate::cell::Cell;
use crate::query::Statement;
use crate::Error;

/// The statement's SQL and its values as the host must receive them.
pub fn prepare(s: &Statement, host: Host) -> Result<(Rendered, Vec<JsValue>), Error> {
    let r = s.render(DialectKind::Sqlite)?;
    let values = bind(&r.values().map_err(Error::Engine)?, host)?;
    Ok((r, values.iter().map(|b| b.to_js()).collect()))
}

/// A JS array of row arrays as cells.
pub fn rows_of(rows: &Array) -> Result<Vec<Vec<Cell>>, Error> {
    rows.iter().map(|r| row_of(&Array::from(&r))).collect()
}

pub fn row_of(row: &Array) -> Result<Vec<Cell>, Error> {
    row.iter()
        .enumerate()
        .map(|(i, v)| Cell::from_js(&v, i))
        .collect()
}

/// A host's failure: its message, and the SQLite result code it names (`SQLITE_CONSTRAINT`) or D1's
/// prefix (`D1_ERROR`, `D1_TYPE_ERROR`) as the code.
pub fn host_error(e: worker::Error) -> Error {
    let message = match e {
        worker::Error::D1(d1) => d1.cause(),
        worker::Error::JsError(m) | worker::Error::RustError(m) => m,
        other => other.to_string(),
    };
    Error::Host {
        code: code_of(&message),
        message,
    }
}

/// The same for a raw JS exception.
pub fn js_error(v: JsValue) -> Error {
    let message = js_sys::Reflect::get(&v, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| v.as_string())
        .unwrap_or_else(|| format!("{v:?}"));
    Error::Host {
        code: code_of(&message),
        message,
    }
}

fn code_of(message: &str) -> Option<String> {
    let word = |start: usize| {
        message[start..]
            .split(|c: char| !(c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()))
            .next()
            .map(str::to_owned)
    };
    if let Some(i) = message.find("SQLITE_") {
        return word(i);
    }
    if message.starts_with("D1_") {
        return word(0);
    }
    None
}

/// Names a query's or `returning`'s items `_0`, `_1`, ... so rows keyed by name (a D1 batch's objects)
/// read back by position even when two joined tables share a column name. False when the statement's
/// items keep their names (a relational query's are its unique field names; raw SQL's its own).
pub fn name_by_position(ast: &mut Ast) -> bool {
    let items = match ast {
        Ast::Query(q) => match &mut q.body {
            SetExpr::Select(s) => &mut s.columns,
            _ => return false,
        },
        Ast::Insert(i) => &mut i.returning,
        Ast::Update(u) => &mut u.returning,
        Ast::Delete(d) => &mut d.returning,
        _ => return false,
    };
    for (i, item) in items.iter_mut().enumerate() {
        if let SelectItem::Expr { alias, .. } = item {
            *alias = Some(format!("_{i}"));
        }
    }
    true
}
