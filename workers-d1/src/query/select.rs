//! `select`: rows of one table or of joined tables, filtered, grouped, ordered and limited.

use std::marker::PhantomData;

use mizzle_core::ast::{
    self, Distinct, Expr, FromItem, Join, JoinKind, Query, SelectItem, TableRef,
};

use super::scope::Scope;
use super::selection::{all_columns, and_into, Selection};
use super::statement::{Build, Statement};
use crate::decode::{Column, Group, Shape};
use crate::expr::{Cond, Orders};
use crate::schema::Table;
use crate::Error;

/// A SELECT over the tables `S`.
pub struct Select<S> {
    aliases: Vec<&'static str>,
    from: TableRef,
    joins: Vec<Join>,
    items: Vec<(SelectItem, Column)>,
    groups: Vec<Group>,
    /// Whether the selection is still "every column of every table" (joins then add theirs).
    whole: bool,
    distinct: bool,
    filter: Option<Expr>,
    group_by: Vec<Expr>,
    having: Option<Expr>,
    order_by: Vec<ast::OrderBy>,
    limit: Option<i64>,
    offset: Option<i64>,
    scope: PhantomData<fn() -> S>,
}

/// Every column of `T` (drizzle's `db.select().from(t)`); rows decode into `T` or any struct or tuple
/// of its fields.
pub fn select<T: Table>() -> Select<T> {
    select_from::<T>(T::NAME)
}

/// [`select`] reading `T` under an alias (for self-joins).
pub fn select_from<T: Table>(alias: &'static str) -> Select<T> {
    let mut from = TableRef::new(T::NAME);
    if alias != T::NAME {
        from = from.alias(alias);
    }
    Select {
        aliases: vec![alias],
        from,
        joins: Vec::new(),
        items: all_columns(alias, T::COLUMNS),
        groups: Vec::new(),
        whole: true,
        distinct: false,
        filter: None,
        group_by: Vec::new(),
        having: None,
        order_by: Vec::new(),
        limit: None,
        offset: None,
        scope: PhantomData,
    }
}

impl<S: Scope> Select<S> {
    fn rescope<S2>(self) -> Select<S2> {
        Select {
            aliases: self.aliases,
            from: self.from,
            joins: self.joins,
            items: self.items,
            groups: self.groups,
            whole: self.whole,
            distinct: self.distinct,
            filter: self.filter,
            group_by: self.group_by,
            having: self.having,
            order_by: self.order_by,
            limit: self.limit,
            offset: self.offset,
            scope: PhantomData,
        }
    }

    /// Adds a joined table: its columns join the selection (when it is still every column) as their
    /// own group, named by the table's alias.
    fn join<U: Table, S2: Scope>(
        mut self,
        kind: JoinKind,
        alias: &'static str,
        on: impl FnOnce(S2::Handles) -> Cond<S2>,
    ) -> Select<S2> {
        if self.whole {
            if self.groups.is_empty() {
                self.groups.push(Group {
                    name: self.aliases[0].into(),
                    start: 0,
                    end: self.items.len(),
                    nullable: false,
                });
            }
            let start = self.items.len();
            self.items.extend(all_columns(alias, U::COLUMNS));
            self.groups.push(Group {
                name: alias.into(),
                start,
                end: self.items.len(),
                nullable: kind == JoinKind::Left,
            });
        }
        self.aliases.push(alias);
        let cond = on(S2::handles(&self.aliases));
        let mut target = TableRef::new(U::NAME);
        if alias != U::NAME {
            target = target.alias(alias);
        }
        self.joins.push(Join {
            kind,
            lateral: false,
            target: FromItem::Table(target),
            on: Some(cond.expr),
        });
        self.rescope()
    }

    /// `where`, and-ed with an earlier one.
    pub fn filter(mut self, f: impl FnOnce(S::Handles) -> Cond<S>) -> Self {
        and_into(&mut self.filter, f(S::handles(&self.aliases)).expr);
        self
    }

    /// Selects these values instead (drizzle's `db.select({ ... })`): rows decode into a tuple of their
    /// types, or a struct with fields of their names.
    pub fn columns<X: Selection<S>>(mut self, f: impl FnOnce(S::Handles) -> X) -> Self {
        let mut items = Vec::new();
        f(S::handles(&self.aliases)).items(&mut items);
        self.items = items;
        self.groups.clear();
        self.whole = false;
        self
    }

    /// `select distinct`.
    pub fn distinct(mut self) -> Self {
        self.distinct = true;
        self
    }

    /// `group by`.
    pub fn group_by<X: Selection<S>>(mut self, f: impl FnOnce(S::Handles) -> X) -> Self {
        let mut items = Vec::new();
        f(S::handles(&self.aliases)).items(&mut items);
        self.group_by
            .extend(items.into_iter().filter_map(|(i, _)| match i {
                // A BigInt column is selected as text; it groups by the column itself.
                SelectItem::Expr {
                    expr: Expr::Cast { expr, .. },
                    ..
                } => Some(*expr),
                SelectItem::Expr { expr, .. } => Some(expr),
                SelectItem::Star(_) => None,
            }));
        self
    }

    /// `having`.
    pub fn having(mut self, f: impl FnOnce(S::Handles) -> Cond<S>) -> Self {
        self.having = Some(f(S::handles(&self.aliases)).expr);
        self
    }

    /// `order by`, after earlier terms.
    pub fn order_by<O: Orders<S>>(mut self, f: impl FnOnce(S::Handles) -> O) -> Self {
        self.order_by.extend(f(S::handles(&self.aliases)).terms());
        self
    }

    /// `limit n`.
    pub fn limit(mut self, n: i64) -> Self {
        self.limit = Some(n);
        self
    }

    /// `offset n`.
    pub fn offset(mut self, n: i64) -> Self {
        self.offset = Some(n);
        self
    }

    /// The engine query (for a subquery, or to render it yourself).
    pub fn query(self) -> (Query, Shape) {
        let (items, columns): (Vec<_>, Vec<_>) = self.items.into_iter().unzip();
        let select = ast::Select {
            distinct: if self.distinct {
                Distinct::Distinct
            } else {
                Distinct::All
            },
            columns: items,
            from: Some(FromItem::Table(self.from)),
            joins: self.joins,
            where_: self.filter,
            group_by: self.group_by,
            having: self.having,
        };
        let mut q = Query::select(select).order_by(self.order_by);
        q.limit = self.limit.map(Expr::val);
        q.offset = self.offset.map(Expr::val);
        (
            q,
            Shape {
                columns,
                groups: self.groups,
            },
        )
    }
}

impl<A: Table> Select<A> {
    /// `inner join U on ...`; rows decode into `(A, U)` or a struct with fields named by the tables.
    pub fn inner_join<U: Table>(
        self,
        on: impl FnOnce(<(A, U) as Scope>::Handles) -> Cond<(A, U)>,
    ) -> Select<(A, U)> {
        self.join::<U, (A, U)>(JoinKind::Inner, U::NAME, on)
    }

    /// `left join U on ...`; `U`'s part of a row is `None` when no row matched.
    pub fn left_join<U: Table>(
        self,
        on: impl FnOnce(<(A, U) as Scope>::Handles) -> Cond<(A, U)>,
    ) -> Select<(A, U)> {
        self.join::<U, (A, U)>(JoinKind::Left, U::NAME, on)
    }

    /// [`Select::left_join`] with `U` read under `alias` (a self-join).
    pub fn left_join_as<U: Table>(
        self,
        alias: &'static str,
        on: impl FnOnce(<(A, U) as Scope>::Handles) -> Cond<(A, U)>,
    ) -> Select<(A, U)> {
        self.join::<U, (A, U)>(JoinKind::Left, alias, on)
    }
}

impl<A: Table, B: Table> Select<(A, B)> {
    /// A third table, inner-joined.
    pub fn inner_join<U: Table>(
        self,
        on: impl FnOnce(<(A, B, U) as Scope>::Handles) -> Cond<(A, B, U)>,
    ) -> Select<(A, B, U)> {
        self.join::<U, (A, B, U)>(JoinKind::Inner, U::NAME, on)
    }

    /// A third table, left-joined.
    pub fn left_join<U: Table>(
        self,
        on: impl FnOnce(<(A, B, U) as Scope>::Handles) -> Cond<(A, B, U)>,
    ) -> Select<(A, B, U)> {
        self.join::<U, (A, B, U)>(JoinKind::Left, U::NAME, on)
    }
}

impl<S: Scope> Build for Select<S> {
    fn build(self) -> Result<Statement, Error> {
        let (q, shape) = self.query();
        Ok(Statement {
            ast: q.into(),
            shape,
        })
    }
}
