//! `intern` and `compile`: the two calls a new query shape makes; and
//! `forget_strings`, which bounds the intern table.

use std::cell::RefCell;

use mizzle_core::render::SqlWriter;
use mizzle_core::{ast::Statement, relational, render::ToSql, DialectKind, Param};
use wasm_bindgen::prelude::*;

use crate::error;
use crate::read::{DecodeError, Reader, Shape};
use crate::wire::Dialect;

thread_local! {
    /// The interned strings, in id order (README.md, "The crossing").
    static STRINGS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The last compile's parameter slots and plan, until `slots` takes them.
    static SLOTS: RefCell<Vec<i32>> = const { RefCell::new(Vec::new()) };
}

/// Appends strings to the intern table; `joined` holds them separated by NUL.
#[cfg_attr(feature = "engine", wasm_bindgen)]
pub fn intern(joined: &str) {
    STRINGS.with(|s| s.borrow_mut().extend(joined.split('\0').map(String::from)));
}

/// Empties the intern table: the JS side starts its ids over, so names and
/// raw SQL text from long-lived isolates do not accumulate (issue 14).
#[cfg_attr(feature = "engine", wasm_bindgen)]
pub fn forget_strings() {
    STRINGS.with(|s| s.borrow_mut().clear());
}

/// A compiled shape: SQL text, where each parameter comes from, and the
/// decode plan (one codec per result column).
pub(crate) struct Compiled {
    pub(crate) sql: String,
    pub(crate) params: Vec<i32>,
    /// Byte offset of each parameter's placeholder in `sql` (for `interpolate`).
    pub(crate) offsets: Vec<i32>,
    pub(crate) plan: Vec<i32>,
}

/// Pure form of [`compile`], for native tests.
pub(crate) fn compile_with(
    dialect: u8,
    ops: &[i32],
    strings: &[String],
) -> Result<Compiled, CompileError> {
    let id = Dialect::from_repr(dialect).ok_or(CompileError::Decode(DecodeError::Malformed(
        "unknown dialect",
    )))?;
    let dialect: DialectKind = id.kind();
    let mut reader = Reader::new(ops, strings);
    // The renderer carries the MySQL flavour; the planner needs only the kind.
    let mut w = SqlWriter::new(id.renderer().map_err(CompileError::Render)?);
    // Each kind renders itself directly: `Statement::to_sql` would also link
    // the by-reference relational planner, which copies its tree.
    let written = match reader.statement().map_err(CompileError::Decode)? {
        Shape::Statement(Statement::Query(q)) => q.to_sql(&mut w),
        Shape::Statement(Statement::Insert(i)) => i.to_sql(&mut w),
        Shape::Statement(Statement::Update(u)) => u.to_sql(&mut w),
        Shape::Statement(Statement::Delete(d)) => d.to_sql(&mut w),
        Shape::Statement(Statement::Sql(e)) => e.to_sql(&mut w),
        Shape::Statement(Statement::Transaction(t)) => t.to_sql(&mut w),
        Shape::Statement(Statement::Relational(_)) => {
            return Err(CompileError::Decode(DecodeError::Malformed(
                "statement kind",
            )))
        }
        Shape::Relational(q) => relational::plan_owned(q, dialect).and_then(|planned| {
            w.dialect().write_relational_prefix(&mut w);
            planned.to_sql(&mut w)
        }),
    };
    written.map_err(CompileError::Render)?;
    let (rendered, offsets) = w.finish_with_offsets();
    let mut params = Vec::with_capacity(rendered.params.len());
    for p in &rendered.params {
        params.push(match p {
            Param::Slot(n) => i32::try_from(*n)
                .map_err(|_| CompileError::Decode(DecodeError::Malformed("slot")))?,
            Param::Placeholder(id) => {
                let id: i32 = id
                    .parse()
                    .map_err(|_| CompileError::Decode(DecodeError::Malformed("placeholder")))?;
                -1 - id
            }
            // The opcode form has no inline values; a value here is a bug in the reader.
            Param::Value(_) => {
                return Err(CompileError::Decode(DecodeError::Malformed("inline value")))
            }
        });
    }
    let offsets = offsets
        .into_iter()
        .map(|o| {
            i32::try_from(o)
                .map_err(|_| CompileError::Decode(DecodeError::Malformed("statement too long")))
        })
        .collect::<Result<_, _>>()?;
    Ok(Compiled {
        sql: rendered.sql,
        params,
        offsets,
        plan: reader.plan,
    })
}

/// Why a shape did not compile.
#[derive(Debug)]
pub(crate) enum CompileError {
    Decode(DecodeError),
    Render(mizzle_core::Error),
}

/// Compiles one query shape for `dialect` (0 sqlite, 1 postgres, 2 mysql 8, 3 mariadb) and
/// returns its SQL; [`slots`] then gives its parameters and plan. Two plain
/// returns instead of an exported struct: no JS wrapper object, finalizer or
/// per-field getter copies (README.md, "The crossing").
#[cfg_attr(feature = "engine", wasm_bindgen)]
pub fn compile(dialect: u8, ops: &[i32]) -> Result<String, JsValue> {
    let c = STRINGS
        .with(|s| compile_with(dialect, ops, &s.borrow()))
        .map_err(|e| match e {
            CompileError::Decode(DecodeError::Malformed(what)) => error::engine_input(what),
            CompileError::Decode(DecodeError::TooDeep) => {
                error::js_error("too_deep", "query shape nests too deeply", None)
            }
            CompileError::Render(e) => error::from_core(&e),
        })?;
    SLOTS.with(|s| {
        let mut s = s.borrow_mut();
        s.clear();
        s.reserve(1 + 2 * c.params.len() + c.plan.len());
        s.push(c.params.len() as i32);
        s.extend_from_slice(&c.params);
        s.extend_from_slice(&c.offsets);
        s.extend_from_slice(&c.plan);
    });
    Ok(c.sql)
}

/// The last compiled shape's `[n_params, params..., offsets..., plan...]`.
#[cfg_attr(feature = "engine", wasm_bindgen)]
pub fn slots() -> Vec<i32> {
    SLOTS.with(|s| core::mem::take(&mut *s.borrow_mut()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn select_by_id() {
        // The sample the JS host tests compile too (wire/sample.rs).
        let s = strings(crate::wire::sample::STRINGS);
        let ops = crate::wire::sample::select_by_id();
        let c = compile_with(0, &ops, &s).unwrap();
        assert_eq!(
            c.sql,
            r#"select "users"."id", "users"."name" from "users" where "users"."id" = ? limit ?"#
        );
        assert_eq!(c.params, vec![0, 1]);
        assert_eq!(c.offsets, vec![70, 78]);
        assert_eq!(&c.sql[70..71], "?");
        assert_eq!(c.plan, vec![1, 9]);
        let pg = compile_with(1, &ops, &s).unwrap();
        assert!(pg.sql.ends_with("= $1 limit $2"));
    }

    #[test]
    fn relational_shape_is_planned_per_dialect() {
        // users { id, posts: many posts (id -> author_id) { title (bytes) } } limit slot 0
        let s = strings(&["users", "id", "posts", "p", "title", "author_id"]);
        let ops = [
            6, -1, 0, -1, // relational: users
            1, 1, 0, 1, 1, 1, // field users.id as "id", codec number
            1, 2, 2, // relation "posts", many
            1, 1, 5, // on id = author_id
            -1, 2, 3, // table posts as p
            1, 1, 3, 4, 4, 7, // field p.title as "title", codec bytes
            0, 0, 0, 0, 0, // no relations, where, order, limit, offset
            0, 0, 1, 2, 0, 0, // top: no where/order, limit slot 0, no offset
        ];
        let c = compile_with(0, &ops, &s).unwrap();
        assert!(
            c.sql.contains(
                r#"json_array(case when "p"."title" is null then null else hex("p"."title") end)"#
            ),
            "{}",
            c.sql
        );
        assert_eq!(c.plan, vec![1, 7]);
        assert_eq!(c.params, vec![0]);
        let pg = compile_with(1, &ops, &s).unwrap();
        assert!(pg.sql.contains("left join lateral"), "{}", pg.sql);
        // Dialect 2 is MySQL 8 (PlanetScale): no MariaDB-only prefix; 3 is MariaDB's flavour.
        let mysql8 = compile_with(2, &ops, &s).unwrap();
        assert!(mysql8.sql.starts_with("select "), "{}", mysql8.sql);
        let mariadb = compile_with(3, &ops, &s).unwrap();
        assert!(mariadb.sql.starts_with("set statement "), "{}", mariadb.sql);
        for end in 0..ops.len() {
            assert!(compile_with(0, &ops[..end], &s).is_err());
        }
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let s = strings(&["t"]);
        for ops in [
            &[][..],
            &[1],
            &[9],
            &[1, 0, 1, 0, 99],
            &[1, 0, 1, 0, i32::MAX],
            &[1, 0, 1, 0, 1, 1, 1, 7, 0],
        ] {
            assert!(compile_with(0, ops, &s).is_err(), "{ops:?}");
        }
        // Every prefix of a valid stream fails cleanly.
        let ops = [1, 0, 1, 0, 1, 1, 2, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        assert!(compile_with(0, &ops, &s).is_ok());
        for end in 0..ops.len() {
            assert!(compile_with(0, &ops[..end], &s).is_err());
        }
    }

    #[test]
    fn deep_nesting_is_too_deep() {
        let s = strings(&["t"]);
        let mut ops = vec![1, 0, 1, 0, 1, 1];
        ops.extend(std::iter::repeat_n(8, 10_000));
        ops.extend([2, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert!(matches!(
            compile_with(0, &ops, &s),
            Err(CompileError::Decode(DecodeError::TooDeep))
        ));
    }

    #[test]
    fn cte_bodies_nest_boundedly_and_hold_no_relational_query() {
        let s = strings(&["t"]);
        // delete := [with: recursive 0, one CTE "t", no columns, body: delete := [with: ...]]...
        let mut ops = vec![4];
        for _ in 0..10_000 {
            ops.extend([1, 0, 1, 0, 0, 4]);
        }
        assert!(matches!(
            compile_with(1, &ops, &s),
            Err(CompileError::Decode(DecodeError::TooDeep))
        ));
        // with "t" as (<relational t>) select ...: refused where the CTE's body is read.
        let ops = [1, 1, 0, 1, 0, 0, 6, -1, 0, -1, 0, 0, 0, 0, 0, 0, 0];
        assert!(matches!(
            compile_with(1, &ops, &s),
            Err(CompileError::Decode(DecodeError::Malformed(m))) if m.contains("a CTE holds")
        ));
    }
}
