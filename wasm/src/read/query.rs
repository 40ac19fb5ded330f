//! `query`, `with`, `setexpr`, `select`, items, FROM items, joins, ORDER BY
//! and row locks (README.md, "Opcodes").

use mizzle_core::ast::*;

use super::{bad, DecodeError, Reader, Shape, MAX_CTE_STATEMENTS, R};
use crate::wire;

impl Reader<'_> {
    pub(super) fn query(&mut self) -> R<Query> {
        self.deeper(|r| {
            let collecting = core::mem::take(&mut r.collect);
            let with = r.maybe(Self::with)?;
            r.collect = collecting;
            let body = r.set_expr()?;
            r.collect = false;
            let order_by = r.list(Self::order)?;
            let limit = r.maybe(Self::expr)?;
            let offset = r.maybe(Self::expr)?;
            let lock = r.lock()?;
            Ok(Query {
                with,
                body,
                order_by,
                limit,
                offset,
                lock,
            })
        })
    }

    pub(super) fn with(&mut self) -> R<With> {
        let recursive = self.flag()?;
        let ctes = self.list(|r| {
            let name = r.string()?;
            let columns = r.list(Self::string)?;
            let body = r.cte_body()?;
            Ok(Cte {
                name,
                columns,
                body,
            })
        })?;
        Ok(With { recursive, ctes })
    }

    /// `cte`: a statement tag and what it tags (a relational query or a
    /// transaction cannot be a CTE).
    fn cte_body(&mut self) -> R<CteBody> {
        let tag = self.tag(wire::Stmt::from_repr, "unknown statement tag")?;
        match tag {
            wire::Stmt::Query => return Ok(CteBody::Query(Box::new(self.query()?))),
            wire::Stmt::Sql => return Ok(CteBody::Sql(self.expr()?)),
            wire::Stmt::Insert | wire::Stmt::Update | wire::Stmt::Delete => {}
            wire::Stmt::Relational | wire::Stmt::Transaction => {
                return bad("a CTE holds a query, an INSERT, UPDATE or DELETE, or raw SQL")
            }
        }
        if self.cte_statements >= MAX_CTE_STATEMENTS {
            return Err(DecodeError::TooDeep);
        }
        self.cte_statements += 1;
        let body = self.tagged_body(tag);
        self.cte_statements -= 1;
        match body? {
            Shape::Statement(Statement::Insert(i)) => Ok(CteBody::Insert(Box::new(i))),
            Shape::Statement(Statement::Update(u)) => Ok(CteBody::Update(Box::new(u))),
            Shape::Statement(Statement::Delete(d)) => Ok(CteBody::Delete(Box::new(d))),
            _ => bad("statement kind"),
        }
    }

    fn set_expr(&mut self) -> R<SetExpr> {
        self.deeper(
            |r| match r.tag(wire::SetExpr::from_repr, "unknown query body tag")? {
                wire::SetExpr::Select => Ok(SetExpr::Select(Box::new(r.select()?))),
                wire::SetExpr::SetOp => {
                    let op = match r.tag(wire::SetOp::from_repr, "unknown set operator")? {
                        wire::SetOp::Union => SetOp::Union,
                        wire::SetOp::Intersect => SetOp::Intersect,
                        wire::SetOp::Except => SetOp::Except,
                    };
                    let all = r.flag()?;
                    let left = Box::new(r.set_expr()?);
                    let right = Box::new(r.set_expr()?);
                    Ok(SetExpr::SetOp {
                        op,
                        all,
                        left,
                        right,
                    })
                }
                wire::SetExpr::Query => Ok(SetExpr::Query(Box::new(r.query()?))),
            },
        )
    }

    fn select(&mut self) -> R<Select> {
        let collecting = core::mem::take(&mut self.collect);
        let distinct = match self.tag(wire::Distinct::from_repr, "unknown distinct tag")? {
            wire::Distinct::All => Distinct::All,
            wire::Distinct::Rows => Distinct::Distinct,
            wire::Distinct::On => Distinct::On(self.list(Self::expr)?),
        };
        let columns = self.items(collecting)?;
        let from = if self.peek_is(wire::From::None.repr()) {
            None
        } else {
            Some(self.source_item()?)
        };
        let joins = self.list(Self::join)?;
        let where_ = self.maybe(Self::expr)?;
        let group_by = self.list(Self::expr)?;
        let having = self.maybe(Self::expr)?;
        Ok(Select {
            distinct,
            columns,
            from,
            joins,
            where_,
            group_by,
            having,
        })
    }

    /// Select items; when `record`, their codecs become the decode plan.
    pub(super) fn items(&mut self, record: bool) -> R<Vec<SelectItem>> {
        let n = self.count()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            match self.tag(wire::Item::from_repr, "unknown select item tag")? {
                wire::Item::Expr => {
                    let expr = self.expr()?;
                    let alias = self.opt_string()?;
                    let codec = self.next()?;
                    if record {
                        self.plan.push(codec);
                    }
                    items.push(SelectItem::Expr { expr, alias });
                }
                wire::Item::Star => items.push(SelectItem::Star(self.opt_string()?)),
            }
        }
        Ok(items)
    }

    pub(super) fn table(&mut self) -> R<TableRef> {
        let schema = self.opt_string()?;
        let name = self.string()?;
        let alias = self.opt_string()?;
        Ok(TableRef {
            schema,
            name,
            alias,
        })
    }

    pub(super) fn source_item(&mut self) -> R<FromItem> {
        match self.tag(wire::From::from_repr, "unknown from tag")? {
            wire::From::Table => Ok(FromItem::Table(self.table()?)),
            wire::From::Subquery => {
                let query = Box::new(self.query()?);
                let alias = self.string()?;
                Ok(FromItem::Subquery { query, alias })
            }
            wire::From::IndexHinted => {
                let table = self.table()?;
                let mut hints = Vec::new();
                for kind in [
                    IndexHintKind::Use,
                    IndexHintKind::Force,
                    IndexHintKind::Ignore,
                ] {
                    let indexes = self.list(Self::string)?;
                    if !indexes.is_empty() {
                        hints.push(IndexHint { kind, indexes });
                    }
                }
                Ok(FromItem::IndexHinted { table, hints })
            }
            wire::From::None => bad("a join or FROM list item cannot be empty"),
        }
    }

    fn join(&mut self) -> R<Join> {
        let kind = match self.tag(wire::Join::from_repr, "unknown join kind")? {
            wire::Join::Inner => JoinKind::Inner,
            wire::Join::Left => JoinKind::Left,
            wire::Join::Right => JoinKind::Right,
            wire::Join::Full => JoinKind::Full,
            wire::Join::Cross => JoinKind::Cross,
        };
        let lateral = self.flag()?;
        let target = self.source_item()?;
        let on = self.maybe(Self::expr)?;
        Ok(Join {
            kind,
            lateral,
            target,
            on,
        })
    }

    pub(super) fn order(&mut self) -> R<OrderBy> {
        let expr = self.expr()?;
        let (desc, bare) = match self.tag(wire::Order::from_repr, "unknown order direction")? {
            wire::Order::Asc => (false, false),
            wire::Order::Desc => (true, false),
            wire::Order::AsWritten => (false, true),
        };
        let nulls = match self.tag(wire::Nulls::from_repr, "unknown nulls order")? {
            wire::Nulls::Default => None,
            wire::Nulls::First => Some(NullsOrder::First),
            wire::Nulls::Last => Some(NullsOrder::Last),
        };
        Ok(OrderBy {
            expr,
            desc,
            nulls,
            bare,
        })
    }

    fn lock(&mut self) -> R<Option<Lock>> {
        let strength = match self.tag(wire::Lock::from_repr, "unknown lock strength")? {
            wire::Lock::None => return Ok(None),
            wire::Lock::Update => LockStrength::Update,
            wire::Lock::NoKeyUpdate => LockStrength::NoKeyUpdate,
            wire::Lock::Share => LockStrength::Share,
            wire::Lock::KeyShare => LockStrength::KeyShare,
        };
        let of = self.list(Self::string)?;
        let wait = match self.tag(wire::LockWait::from_repr, "unknown lock wait")? {
            wire::LockWait::Wait => LockWait::Wait,
            wire::LockWait::NoWait => LockWait::NoWait,
            wire::LockWait::SkipLocked => LockWait::SkipLocked,
        };
        Ok(Some(Lock { strength, of, wait }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_from(ops: &[i32], strings: &[&str]) -> R<FromItem> {
        let strings: Vec<String> = strings.iter().map(|s| s.to_string()).collect();
        let mut r = Reader::new(ops, &strings);
        let item = r.source_item()?;
        assert_eq!(r.pos, ops.len(), "the whole item is read");
        Ok(item)
    }

    #[test]
    fn index_hinted_tables_keep_their_non_empty_lists_in_order() {
        // posts as p: use (), force (a, b), ignore (a)
        let ops = [3, -1, 0, 1, 0, 2, 2, 3, 1, 2];
        let item = read_from(&ops, &["posts", "p", "a", "b"]).unwrap();
        assert_eq!(
            item,
            FromItem::IndexHinted {
                table: TableRef::new("posts").alias("p"),
                hints: vec![
                    IndexHint::new(IndexHintKind::Force, &["a", "b"]),
                    IndexHint::new(IndexHintKind::Ignore, &["a"]),
                ],
            }
        );
        for end in 0..ops.len() {
            assert!(read_from(&ops[..end], &["posts", "p", "a", "b"]).is_err());
        }
        // An index name that is not an interned string is an error, not a panic.
        assert!(read_from(&[3, -1, 0, -1, 1, 9, 0, 0], &["posts"]).is_err());
    }
}
