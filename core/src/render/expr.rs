//! Expressions render themselves; operators parenthesise compound operands so
//! no dialect's precedence rules can regroup them.

use crate::ast::{AggregateFn, BinaryOp, Expr, RawPart};
use crate::error::{Error, Feature};
use crate::render::{names, SqlWriter, ToSql};

impl Expr {
    /// Whether the expression reads as one token group and needs no parentheses
    /// as an operand.
    fn is_atomic(&self) -> bool {
        // A loop, not recursion: a chain of one-item AND/OR lists can be
        // arbitrarily long and is looked at before the depth limit applies.
        let mut e = self;
        loop {
            match e {
                Expr::Column(_)
                | Expr::Value(_)
                | Expr::Placeholder(_)
                | Expr::Slot(_)
                | Expr::Function { .. }
                | Expr::Aggregate { .. }
                | Expr::Cast { .. }
                | Expr::Subquery(_)
                | Expr::Excluded(_)
                | Expr::Case { .. }
                | Expr::JsonArray(_)
                | Expr::JsonArrayAgg { .. } => return true,
                Expr::And(list) | Expr::Or(list) => match list.as_slice() {
                    [only] => e = only,
                    _ => return false,
                },
                _ => return false,
            }
        }
    }

    /// The expression a one-member `and` / `or` renders as (it writes no
    /// operator of its own).
    fn unwrapped(&self) -> &Expr {
        let mut e = self;
        while let Expr::And(list) | Expr::Or(list) = e {
            match list.as_slice() {
                [only] => e = only,
                _ => break,
            }
        }
        e
    }

    /// Writes the expression as an operand of an operator: parenthesised unless atomic.
    ///
    /// ```
    /// use mizzle_core::{ast::Expr, render::SqlWriter, DialectKind};
    /// let mut w = SqlWriter::new(DialectKind::Sqlite.dialect());
    /// (Expr::bare("a") + Expr::bare("b")).write_operand(&mut w).unwrap();
    /// assert_eq!(w.finish().sql, r#"("a" + "b")"#);
    /// ```
    pub fn write_operand(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        if self.is_atomic() {
            self.to_sql(w)
        } else {
            w.sql("(");
            self.to_sql(w)?;
            w.sql(")");
            Ok(())
        }
    }
}

/// `left op right`. Out of line: `Expr::write` recurses once per nesting
/// level, so its own frame must stay small (the depth test walks 200 levels
/// on a 1 MiB stack in a debug build).
#[inline(never)]
fn write_binary(
    w: &mut SqlWriter<'_>,
    op: BinaryOp,
    left: &Expr,
    right: &Expr,
) -> Result<(), Error> {
    if matches!(
        op,
        BinaryOp::ArrayContains | BinaryOp::ArrayContained | BinaryOp::ArrayOverlaps
    ) {
        // Only PostgreSQL has arrays (the dialects without declare it in `lacks`).
        w.require(Feature::ArrayType)?;
    }
    left.write_operand(w)?;
    w.sql(binary_op(op));
    right.write_operand(w)
}

fn binary_op(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Eq => " = ",
        BinaryOp::Ne => " <> ",
        BinaryOp::Lt => " < ",
        BinaryOp::Le => " <= ",
        BinaryOp::Gt => " > ",
        BinaryOp::Ge => " >= ",
        BinaryOp::Add => " + ",
        BinaryOp::Sub => " - ",
        BinaryOp::Mul => " * ",
        BinaryOp::Div => " / ",
        BinaryOp::Mod => " % ",
        BinaryOp::Concat => " || ",
        BinaryOp::ArrayContains => " @> ",
        BinaryOp::ArrayContained => " <@ ",
        BinaryOp::ArrayOverlaps => " && ",
    }
}

fn aggregate_name(f: AggregateFn) -> &'static str {
    match f {
        AggregateFn::Count => "count(",
        AggregateFn::Sum => "sum(",
        AggregateFn::Avg => "avg(",
        AggregateFn::Min => "min(",
        AggregateFn::Max => "max(",
    }
}

/// `(a and b and c)`; the empty list is `empty`.
fn write_junction(
    w: &mut SqlWriter<'_>,
    list: &[Expr],
    sep: &str,
    empty: &str,
) -> Result<(), Error> {
    match list {
        [] => {
            w.sql(empty);
            Ok(())
        }
        [only] => only.to_sql(w),
        many => {
            w.sql("(");
            // AND/OR bind looser than every predicate, so only nested
            // junctions and raw fragments need their own parentheses.
            w.list(many, sep, |w, e| match e {
                Expr::And(_) | Expr::Or(_) | Expr::Raw(_) => e.write_operand(w),
                _ => e.to_sql(w),
            })?;
            w.sql(")");
            Ok(())
        }
    }
}

impl ToSql for Expr {
    fn to_sql(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        w.nested(|w| self.write(w))
    }
}

impl Expr {
    fn write(&self, w: &mut SqlWriter<'_>) -> Result<(), Error> {
        let d = w.dialect();
        match self {
            Expr::Column(c) => {
                if let Some(t) = &c.table {
                    w.ident(t)?;
                    w.sql(".");
                }
                w.ident(&c.name)
            }
            Expr::Value(v) => w.value(v),
            Expr::Placeholder(name) => w.placeholder(name),
            Expr::Slot(n) => w.slot(*n),
            Expr::Raw(parts) => {
                for part in parts {
                    match part {
                        RawPart::Sql(s) => w.sql(s),
                        RawPart::Value(v) => w.value(v)?,
                        RawPart::Expr(e) => e.to_sql(w)?,
                        RawPart::Ident(i) => w.ident(i)?,
                    }
                }
                Ok(())
            }
            Expr::Binary {
                op: BinaryOp::Concat,
                left,
                right,
            } => d.write_concat(w, left, right),
            Expr::Binary { op, left, right } => write_binary(w, *op, left, right),
            Expr::And(list) => write_junction(w, list, " and ", "true"),
            Expr::Or(list) => write_junction(w, list, " or ", "false"),
            Expr::Not(e) => {
                w.sql("not ");
                e.write_operand(w)
            }
            // A value (also inside a one-member `and`) is parenthesised: inlined,
            // a negative literal after the minus would make `--5`, a comment on
            // SQLite and PostgreSQL.
            Expr::Neg(e) if matches!(e.unwrapped(), Expr::Value(_)) => {
                w.sql("-(");
                e.to_sql(w)?;
                w.sql(")");
                Ok(())
            }
            Expr::Neg(e) => {
                w.sql("-");
                e.write_operand(w)
            }
            Expr::Like {
                expr,
                pattern,
                negated,
                case_insensitive,
            } => d.write_like(w, expr, pattern, *negated, *case_insensitive),
            // `x in ()` is a syntax error everywhere: an empty list is a constant.
            Expr::InList { list, negated, .. } if list.is_empty() => {
                w.sql(if *negated { "true" } else { "false" });
                Ok(())
            }
            Expr::InList {
                expr,
                list,
                negated,
            } => {
                expr.write_operand(w)?;
                w.sql(if *negated { " not in (" } else { " in (" });
                w.list(list, ", ", |w, e| e.to_sql(w))?;
                w.sql(")");
                Ok(())
            }
            Expr::InQuery {
                expr,
                query,
                negated,
            } => {
                expr.write_operand(w)?;
                w.sql(if *negated { " not in (" } else { " in (" });
                query.to_sql(w)?;
                w.sql(")");
                Ok(())
            }
            Expr::Between {
                expr,
                low,
                high,
                negated,
            } => {
                expr.write_operand(w)?;
                w.sql(if *negated {
                    " not between "
                } else {
                    " between "
                });
                low.write_operand(w)?;
                w.sql(" and ");
                high.write_operand(w)
            }
            Expr::IsNull { expr, negated } => {
                expr.write_operand(w)?;
                w.sql(if *negated { " is not null" } else { " is null" });
                Ok(())
            }
            Expr::Exists { query, negated } => {
                w.sql(if *negated { "not exists (" } else { "exists (" });
                query.to_sql(w)?;
                w.sql(")");
                Ok(())
            }
            Expr::Subquery(query) => {
                w.sql("(");
                query.to_sql(w)?;
                w.sql(")");
                Ok(())
            }
            Expr::Cast { expr, ty } => {
                w.sql("cast(");
                expr.to_sql(w)?;
                w.sql(" as ");
                d.write_cast_type(w, ty)?;
                w.sql(")");
                Ok(())
            }
            Expr::Function { name, args } => {
                names::check_function_name(name)?;
                w.sql(name);
                w.sql("(");
                w.list(args, ", ", |w, e| e.to_sql(w))?;
                w.sql(")");
                Ok(())
            }
            Expr::Aggregate {
                func,
                arg,
                distinct,
            } => {
                w.sql(aggregate_name(*func));
                if *distinct {
                    w.sql("distinct ");
                }
                match arg {
                    Some(a) => a.to_sql(w)?,
                    None if *func == AggregateFn::Count && !*distinct => w.sql("*"),
                    None => return Err(Error::Invalid("this aggregate needs an argument".into())),
                }
                w.sql(")");
                Ok(())
            }
            Expr::Excluded(column) => d.write_excluded(w, column),
            Expr::Case { whens, otherwise } => {
                if whens.is_empty() {
                    return Err(Error::Invalid("CASE needs at least one WHEN".into()));
                }
                w.sql("case");
                for (cond, then) in whens {
                    w.sql(" when ");
                    cond.to_sql(w)?;
                    w.sql(" then ");
                    then.to_sql(w)?;
                }
                if let Some(e) = otherwise {
                    w.sql(" else ");
                    e.to_sql(w)?;
                }
                w.sql(" end");
                Ok(())
            }
            Expr::JsonArray(items) => {
                w.sql(d.json_array_function());
                w.sql("(");
                w.list(items, ", ", |w, e| e.to_sql(w))?;
                w.sql(")");
                Ok(())
            }
            Expr::JsonValue { expr, enc } => d.write_json_value(w, expr, *enc),
            Expr::JsonArrayAgg {
                expr,
                order_by,
                limit,
                offset,
            } => d.write_json_array_agg(w, expr, order_by, limit.as_deref(), offset.as_deref()),
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use alloc::boxed::Box;
    use alloc::vec;
    use std::thread;

    use crate::ast::{Expr, Query, Select};
    use crate::{render, DialectKind, Error};

    /// Minus over a negative literal inside a one-member `and` (which writes
    /// no parentheses) must not inline as `--1`, a comment (found by the
    /// render property test).
    #[test]
    fn minus_over_a_wrapped_negative_literal_is_no_comment() {
        let e = Expr::Neg(Box::new(Expr::And(vec![Expr::Value(crate::Value::Int(
            -1,
        ))])));
        let stmt = Query::select(Select {
            columns: vec![e.into()],
            ..Default::default()
        })
        .into();
        for d in DialectKind::ALL {
            let sql = crate::render_inline(&stmt, d).unwrap();
            assert!(!sql.contains("--"), "{d:?}: {sql}");
            assert!(sql.contains("-(-1)"), "{d:?}: {sql}");
        }
    }

    /// A long chain of one-item AND/OR lists is refused as too deep, not
    /// walked recursively (which overflowed the stack at ~10,000 levels).
    #[test]
    fn single_item_junction_chain_is_too_deep_not_a_stack_overflow() {
        // Building and dropping the chain recurses per level: use a big stack.
        let big = thread::Builder::new().stack_size(256 << 20);
        big.spawn(|| {
            let mut e = Expr::bare("a");
            for i in 0..100_000 {
                e = if i % 2 == 0 {
                    Expr::And(vec![e])
                } else {
                    Expr::Or(vec![e])
                };
            }
            let q = Query::select(Select {
                columns: vec![Expr::Not(Box::new(e)).into()],
                ..Default::default()
            });
            let stmt = q.into();
            thread::scope(|s| {
                let small = thread::Builder::new().stack_size(1 << 20);
                small
                    .spawn_scoped(s, || {
                        for d in DialectKind::ALL {
                            assert_eq!(render(&stmt, d), Err(Error::TooDeep));
                        }
                    })
                    .unwrap()
                    .join()
                    .unwrap();
            });
        })
        .unwrap()
        .join()
        .unwrap();
    }
}
