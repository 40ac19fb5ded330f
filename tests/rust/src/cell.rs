//! A database value normalised across drivers, and the loose comparison that
//! lets `3` match PostgreSQL's `3::numeric` and MariaDB's `"3.00"` decimal.

use std::fmt;

/// One value read back from a database.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Bytes(Vec<u8>),
}

impl Cell {
    /// Whether this value read from a database matches the `expected` one.
    /// Numbers compare by value whatever their wire type (integer, float,
    /// decimal text); text matches text or UTF-8 bytes.
    pub fn matches(&self, expected: &Cell) -> bool {
        match (expected, self) {
            (Cell::Null, Cell::Null) => true,
            (Cell::Int(e), actual) => actual.as_f64().is_some_and(|a| a == *e as f64),
            (Cell::Float(e), actual) => actual
                .as_f64()
                .is_some_and(|a| (a - e).abs() <= 1e-9_f64.max(e.abs() * 1e-6)),
            (Cell::Text(e), Cell::Text(a)) => e == a,
            (Cell::Text(e), Cell::Bytes(a)) => e.as_bytes() == a.as_slice(),
            (Cell::Bytes(e), Cell::Bytes(a)) => e == a,
            _ => false,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Cell::Int(i) => Some(*i as f64),
            Cell::Float(f) => Some(*f),
            Cell::Text(t) => t.trim().parse().ok(),
            Cell::Bytes(b) => std::str::from_utf8(b).ok()?.trim().parse().ok(),
            Cell::Null => None,
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Null => f.write_str("NULL"),
            Cell::Int(i) => write!(f, "{i}"),
            Cell::Float(x) => write!(f, "{x}"),
            Cell::Text(t) => write!(f, "{t:?}"),
            Cell::Bytes(b) => write!(
                f,
                "x'{}'",
                b.iter().map(|x| format!("{x:02x}")).collect::<String>()
            ),
        }
    }
}

impl From<i64> for Cell {
    fn from(v: i64) -> Self {
        Cell::Int(v)
    }
}
impl From<i32> for Cell {
    fn from(v: i32) -> Self {
        Cell::Int(v.into())
    }
}
impl From<f64> for Cell {
    fn from(v: f64) -> Self {
        Cell::Float(v)
    }
}
impl From<bool> for Cell {
    fn from(v: bool) -> Self {
        Cell::Int(v.into())
    }
}
impl From<&str> for Cell {
    fn from(v: &str) -> Self {
        Cell::Text(v.into())
    }
}
impl From<String> for Cell {
    fn from(v: String) -> Self {
        Cell::Text(v)
    }
}
impl From<Vec<u8>> for Cell {
    fn from(v: Vec<u8>) -> Self {
        Cell::Bytes(v)
    }
}
impl From<&Cell> for Cell {
    fn from(v: &Cell) -> Self {
        v.clone()
    }
}
impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Cell::Null, Into::into)
    }
}

/// Rows of cells: `rows![[1, "ann"], [2, Cell::Null]]`.
#[macro_export]
macro_rules! rows {
    ($([$($c:expr),* $(,)?]),* $(,)?) => {
        vec![$(vec![$($crate::Cell::from($c)),*]),*]
    };
}

/// Renders rows for failure messages.
pub fn show(rows: &[Vec<Cell>]) -> String {
    let lines: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "[{}]",
                r.iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    format!("[{}]", lines.join(", "))
}
