//! `insert`, `update`, `delete` and their parts: assignments, RETURNING,
//! ON CONFLICT (README.md, "Opcodes").

use mizzle_core::ast::*;

use super::{Reader, R};
use crate::wire;

impl Reader<'_> {
    fn assignments(&mut self) -> R<Vec<Assignment>> {
        self.list(|r| {
            Ok(Assignment {
                column: r.string()?,
                value: r.expr()?,
            })
        })
    }

    /// Whether this statement's RETURNING records the decode plan: taken before
    /// anything else is read, so a subquery in its WITH, VALUES, SET or WHERE
    /// cannot take the plan's slots first.
    fn records(&mut self) -> bool {
        core::mem::take(&mut self.collect)
    }

    pub(super) fn insert(&mut self) -> R<Insert> {
        let record = self.records();
        let with = self.maybe(Self::with)?;
        let table = self.table()?;
        let columns = self.list(Self::string)?;
        let width = columns.len();
        let source = match self.tag(wire::InsertSource::from_repr, "unknown insert source")? {
            wire::InsertSource::Values => InsertSource::Values(self.list(|r| {
                (0..width)
                    .map(|_| {
                        match r.tag(wire::InsertCell::from_repr, "unknown insert cell tag")? {
                            wire::InsertCell::Default => Ok(InsertValue::Default),
                            wire::InsertCell::Expr => Ok(InsertValue::Expr(r.expr()?)),
                        }
                    })
                    .collect()
            })?),
            wire::InsertSource::Query => InsertSource::Query(Box::new(self.query()?)),
            wire::InsertSource::DefaultValues => InsertSource::DefaultValues,
            wire::InsertSource::Sql => InsertSource::Sql(self.expr()?),
        };
        let on_conflict = match self.tag(wire::Conflict::from_repr, "unknown on-conflict tag")? {
            wire::Conflict::None => None,
            wire::Conflict::On => {
                let target = self.list(Self::string)?;
                let target_where = self.maybe(Self::expr)?;
                let action =
                    match self.tag(wire::ConflictAction::from_repr, "unknown conflict action")? {
                        wire::ConflictAction::DoNothing => OnConflictAction::DoNothing,
                        wire::ConflictAction::DoUpdate => OnConflictAction::DoUpdate {
                            set: self.assignments()?,
                            where_: self.maybe(Self::expr)?,
                        },
                    };
                Some(OnConflict {
                    target,
                    target_where,
                    action,
                })
            }
        };
        let on_duplicate_key_update = self.assignments()?;
        let ignore = self.flag()?;
        let returning = self.items(record)?;
        let defaults = self.list(|r| r.maybe(Self::expr))?;
        Ok(Insert {
            with,
            table,
            columns,
            source,
            on_conflict,
            on_duplicate_key_update,
            ignore,
            returning,
            defaults,
        })
    }

    pub(super) fn update(&mut self) -> R<Update> {
        let record = self.records();
        let with = self.maybe(Self::with)?;
        let table = self.table()?;
        let set = self.assignments()?;
        let from = self.list(Self::source_item)?;
        let where_ = self.maybe(Self::expr)?;
        let order_by = self.list(Self::order)?;
        let limit = self.maybe(Self::expr)?;
        let returning = self.items(record)?;
        Ok(Update {
            with,
            table,
            set,
            from,
            where_,
            order_by,
            limit,
            returning,
        })
    }

    pub(super) fn delete(&mut self) -> R<Delete> {
        let record = self.records();
        let with = self.maybe(Self::with)?;
        let table = self.table()?;
        let where_ = self.maybe(Self::expr)?;
        let order_by = self.list(Self::order)?;
        let limit = self.maybe(Self::expr)?;
        let returning = self.items(record)?;
        Ok(Delete {
            with,
            table,
            where_,
            order_by,
            limit,
            returning,
        })
    }
}
