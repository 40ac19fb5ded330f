//! `relational` and `rel`: one level of a relational query and its relations
//! (README.md, "Opcodes"). Field codecs join the plan in pre-order: a level's
//! fields, then each relation's level.

use mizzle_core::relational::{Relation, RelationKind, RelationalField, RelationalQuery};
use mizzle_core::Codec;

use super::{DecodeError, Reader, R};
use crate::wire;

impl Reader<'_> {
    pub(super) fn relational(&mut self) -> R<RelationalQuery> {
        // Fields record their codecs themselves; a subquery in a field, a
        // filter or an order must not record its select list too.
        self.collect = false;
        self.deeper(|r| {
            let table = r.table()?;
            let fields = r.list(|r| {
                let expr = r.expr()?;
                let name = r.string()?;
                let codec = r.next()?;
                let encoding = u8::try_from(codec)
                    .ok()
                    .and_then(Codec::from_repr)
                    .ok_or(DecodeError::Malformed("unknown codec"))?
                    .json_encoding();
                r.plan.push(codec);
                Ok(RelationalField {
                    name,
                    expr,
                    encoding,
                })
            })?;
            let relations = r.list(|r| {
                let name = r.string()?;
                let kind = match r.tag(wire::Relation::from_repr, "unknown relation kind")? {
                    wire::Relation::One => RelationKind::One,
                    wire::Relation::Many => RelationKind::Many,
                };
                let on = r.list(|r| Ok((r.string()?, r.string()?)))?;
                let query = r.relational()?;
                Ok(Relation {
                    name,
                    kind,
                    on,
                    query,
                })
            })?;
            let filter = r.maybe(Self::expr)?;
            let order_by = r.list(Self::order)?;
            let limit = r.maybe(Self::expr)?;
            let offset = r.maybe(Self::expr)?;
            Ok(RelationalQuery {
                table,
                fields,
                relations,
                filter,
                order_by,
                limit,
                offset,
            })
        })
    }
}
