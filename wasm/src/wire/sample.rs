//! The one sample shape that both sides compile: the Rust unit test in
//! `compile.rs` and every JS host test (`npm-package/test/hosts/`, through the
//! generated `shape.generated.mjs`). Written with the wire tables' names, so
//! it is also a readable example of the grammar.

use super::*;
use mizzle_core::Codec;

/// The interned strings the sample refers to, in id order.
pub(crate) const STRINGS: &[&str] = &["users", "id", "name"];

/// `select "users"."id", "users"."name" from "users" where "users"."id" = ? limit ?`
pub(crate) fn select_by_id() -> Vec<i32> {
    let (users, id, name) = (0, 1, 2);
    let column = |table: i32, col: i32| [Expr::Column.repr(), table, col];
    let mut ops = vec![Stmt::Query.repr(), 0 /* no with */];
    ops.extend([SetExpr::Select.repr(), Distinct::All.repr(), 2]);
    for (col, codec) in [(id, Codec::Number), (name, Codec::Text)] {
        ops.push(Item::Expr.repr());
        ops.extend(column(users, col));
        ops.extend([NONE /* no alias */, i32::from(codec.repr())]);
    }
    ops.extend([From::Table.repr(), NONE, users, NONE]);
    ops.push(0); // no joins
    ops.extend([1, Expr::Binary.repr(), BinaryOp::Eq.repr()]); // where
    ops.extend(column(users, id));
    ops.extend([Expr::Slot.repr(), 0]);
    ops.extend([0, 0, 0]); // no group by, having, order by
    ops.extend([1, Expr::Slot.repr(), 1]); // limit
    ops.extend([0, Lock::None.repr()]); // no offset, no lock
    ops
}
