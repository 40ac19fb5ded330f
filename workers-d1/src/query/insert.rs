//! `insert`: rows of a table, with upserts and `returning`.

use std::marker::PhantomData;

use mizzle_core::ast::{self, InsertValue, OnConflict, OnConflictAction, TableRef};

use super::assign::Assigns;
use super::selection::{returning_all, Selection};
use super::statement::{Build, Statement};
use crate::decode::Shape;
use crate::expr::{value_expr, Cond};
use crate::schema::Table;
use crate::Error;

/// An INSERT into `T`.
pub struct Insert<T> {
    ast: Result<ast::Insert, Error>,
    shape: Shape,
    table: PhantomData<fn() -> T>,
}

/// `insert into T values (row)`: every field, except an `Option` field that is `None` on a column with
/// a default or auto-increment (left to the database).
pub fn insert<T: Table>(row: &T) -> Insert<T> {
    insert_many(std::slice::from_ref(row))
}

/// Several rows in one statement (split into atomic parts over a host's parameter limit). A column left
/// to its default must be left so in every row, or set in every row.
pub fn insert_many<'a, T: Table>(rows: impl IntoIterator<Item = &'a T>) -> Insert<T> {
    Insert {
        ast: values(rows),
        shape: Shape::default(),
        table: PhantomData,
    }
}

fn values<'a, T: Table>(rows: impl IntoIterator<Item = &'a T>) -> Result<ast::Insert, Error> {
    let rows = rows
        .into_iter()
        .map(Table::values)
        .collect::<Result<Vec<_>, _>>()?;
    if rows.is_empty() {
        return Err(Error::Invalid(format!("insert into {}: no rows", T::NAME)));
    }
    let mut columns = Vec::new();
    let mut kept = Vec::new();
    for (i, c) in T::COLUMNS.iter().enumerate() {
        let set = rows.iter().filter(|r| r[i].is_some()).count();
        if set == 0 {
            continue;
        }
        if set != rows.len() {
            return Err(Error::Invalid(format!(
                "insert into {}: column {} is set in some rows and left to its default in others; \
                 insert those rows separately",
                T::NAME,
                c.name
            )));
        }
        columns.push(c.name);
        kept.push(i);
    }
    let cells = rows
        .into_iter()
        .map(|mut r| {
            kept.iter()
                .map(|&i| {
                    InsertValue::Expr(value_expr(r[i].take().unwrap_or(mizzle_core::Value::Null)))
                })
                .collect()
        })
        .collect();
    if columns.is_empty() {
        let mut ins = ast::Insert::values(TableRef::new(T::NAME), &[], Vec::new());
        ins.source = ast::InsertSource::DefaultValues;
        return Ok(ins);
    }
    Ok(ast::Insert::values(TableRef::new(T::NAME), &columns, cells))
}

impl<T: Table> Insert<T> {
    fn conflict(mut self, target: Vec<String>, action: OnConflictAction) -> Self {
        if let Ok(ins) = &mut self.ast {
            ins.on_conflict = Some(OnConflict {
                target,
                target_where: None,
                action,
            });
        }
        self
    }

    /// `on conflict (target) do nothing`; no target: any conflict.
    pub fn on_conflict_do_nothing(self) -> Self {
        self.conflict(Vec::new(), OnConflictAction::DoNothing)
    }

    /// `on conflict (target) do update set ...` (drizzle's `onConflictDoUpdate`); `target` names the
    /// unique columns, `set` the assignments, which may read [`excluded`](super::excluded) values.
    pub fn on_conflict_do_update<X: Selection<T>, A: Assigns<T>>(
        self,
        target: impl FnOnce(T::Columns<T>) -> X,
        set: impl FnOnce(T::Columns<T>) -> A,
    ) -> Self {
        let mut items = Vec::new();
        target(T::columns_in(T::NAME)).items(&mut items);
        let target = items
            .into_iter()
            .filter_map(|(i, _)| match i {
                ast::SelectItem::Expr { expr, .. } => column_name(expr),
                ast::SelectItem::Star(_) => None,
            })
            .collect();
        let set = set(T::columns_in(T::NAME)).assignments();
        self.conflict(target, OnConflictAction::DoUpdate { set, where_: None })
    }

    /// The upsert's update only where `cond` holds (`do update set ... where`).
    pub fn update_where(mut self, cond: impl FnOnce(T::Columns<T>) -> Cond<T>) -> Self {
        let c = cond(T::columns_in(T::NAME)).expr;
        if let Ok(ast::Insert {
            on_conflict:
                Some(OnConflict {
                    action: OnConflictAction::DoUpdate { where_, .. },
                    ..
                }),
            ..
        }) = &mut self.ast
        {
            *where_ = Some(c);
        }
        self
    }

    /// `returning` every column: the inserted rows decode into `T`.
    pub fn returning(mut self) -> Self {
        let (items, shape) = returning_all::<T>();
        if let Ok(ins) = &mut self.ast {
            ins.returning = items;
        }
        self.shape = shape;
        self
    }

    /// The insert as statements of at most `max_params` values each (one atomic unit for the host).
    pub fn build_split(self, max_params: usize) -> Result<Vec<Statement>, Error> {
        let shape = self.shape;
        Ok(self
            .ast?
            .split_rows(max_params)
            .into_iter()
            .map(|i| Statement {
                ast: i.into(),
                shape: shape.clone(),
            })
            .collect())
    }
}

/// The column a conflict target names (a BigInt column is selected through a cast).
fn column_name(e: ast::Expr) -> Option<String> {
    match e {
        ast::Expr::Column(c) => Some(c.name),
        ast::Expr::Cast { expr, .. } => column_name(*expr),
        _ => None,
    }
}

impl<T: Table> Build for Insert<T> {
    fn build(self) -> Result<Statement, Error> {
        Ok(Statement {
            ast: self.ast?.into(),
            shape: self.shape,
        })
    }

    fn build_all(self, max_params: Option<usize>) -> Result<Vec<Statement>, Error> {
        match max_params {
            Some(max) => self.build_split(max),
            None => Ok(vec![self.build()?]),
        }
    }
}
