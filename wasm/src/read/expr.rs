//! `expr` and `type` (README.md, "Opcodes").

use mizzle_core::ast::*;
use mizzle_core::schema::SqlType;

use super::{Reader, R};
use crate::wire;

impl Reader<'_> {
    pub(super) fn expr(&mut self) -> R<Expr> {
        self.deeper(Self::expr_body)
    }

    fn boxed(&mut self) -> R<Box<Expr>> {
        self.expr().map(Box::new)
    }

    fn expr_body(&mut self) -> R<Expr> {
        use wire::Expr as E;
        Ok(match self.tag(E::from_repr, "unknown expression tag")? {
            E::Column => {
                let table = self.opt_string()?;
                let name = self.string()?;
                Expr::Column(ColumnRef { table, name })
            }
            E::Slot => Expr::Slot(self.slot()?),
            // The placeholder is named by its interned id: JS knows the name,
            // and `compile` hands the id back without any lookup.
            E::Placeholder => Expr::Placeholder(self.string_id()?.to_string()),
            E::Raw => Expr::Raw(self.list(|r| {
                Ok(match r.tag(wire::RawPart::from_repr, "unknown raw part")? {
                    wire::RawPart::Sql => RawPart::Sql(r.string()?),
                    wire::RawPart::Slot => RawPart::Expr(Expr::Slot(r.slot()?)),
                    wire::RawPart::Expr => RawPart::Expr(r.expr()?),
                    wire::RawPart::Ident => RawPart::Ident(r.string()?),
                })
            })?),
            E::Binary => {
                use wire::BinaryOp as B;
                let op = match self.tag(B::from_repr, "unknown binary operator")? {
                    B::Eq => BinaryOp::Eq,
                    B::Ne => BinaryOp::Ne,
                    B::Lt => BinaryOp::Lt,
                    B::Le => BinaryOp::Le,
                    B::Gt => BinaryOp::Gt,
                    B::Ge => BinaryOp::Ge,
                    B::Add => BinaryOp::Add,
                    B::Sub => BinaryOp::Sub,
                    B::Mul => BinaryOp::Mul,
                    B::Div => BinaryOp::Div,
                    B::Mod => BinaryOp::Mod,
                    B::Concat => BinaryOp::Concat,
                    B::ArrayContains => BinaryOp::ArrayContains,
                    B::ArrayContained => BinaryOp::ArrayContained,
                    B::ArrayOverlaps => BinaryOp::ArrayOverlaps,
                };
                Expr::Binary {
                    op,
                    left: self.boxed()?,
                    right: self.boxed()?,
                }
            }
            E::And => Expr::And(self.list(Self::expr)?),
            E::Or => Expr::Or(self.list(Self::expr)?),
            E::Not => Expr::Not(self.boxed()?),
            E::Neg => Expr::Neg(self.boxed()?),
            E::Like => {
                let negated = self.flag()?;
                let case_insensitive = self.flag()?;
                Expr::Like {
                    negated,
                    case_insensitive,
                    expr: self.boxed()?,
                    pattern: self.boxed()?,
                }
            }
            E::InList => {
                let negated = self.flag()?;
                let expr = self.boxed()?;
                Expr::InList {
                    negated,
                    expr,
                    list: self.list(Self::expr)?,
                }
            }
            E::InQuery => {
                let negated = self.flag()?;
                let expr = self.boxed()?;
                Expr::InQuery {
                    negated,
                    expr,
                    query: Box::new(self.query()?),
                }
            }
            E::Between => {
                let negated = self.flag()?;
                Expr::Between {
                    negated,
                    expr: self.boxed()?,
                    low: self.boxed()?,
                    high: self.boxed()?,
                }
            }
            E::IsNull => {
                let negated = self.flag()?;
                Expr::IsNull {
                    negated,
                    expr: self.boxed()?,
                }
            }
            E::Exists => {
                let negated = self.flag()?;
                Expr::Exists {
                    negated,
                    query: Box::new(self.query()?),
                }
            }
            E::Subquery => Expr::Subquery(Box::new(self.query()?)),
            E::Cast => {
                let ty = self.sql_type()?;
                Expr::Cast {
                    ty,
                    expr: self.boxed()?,
                }
            }
            E::Function => {
                let name = self.string()?;
                Expr::Function {
                    name,
                    args: self.list(Self::expr)?,
                }
            }
            E::Aggregate => {
                use wire::Aggregate as A;
                let func = match self.tag(A::from_repr, "unknown aggregate")? {
                    A::Count => AggregateFn::Count,
                    A::Sum => AggregateFn::Sum,
                    A::Avg => AggregateFn::Avg,
                    A::Min => AggregateFn::Min,
                    A::Max => AggregateFn::Max,
                };
                let distinct = self.flag()?;
                Expr::Aggregate {
                    func,
                    distinct,
                    arg: self.maybe(Self::boxed)?,
                }
            }
            E::Excluded => Expr::Excluded(self.string()?),
            E::Case => {
                let whens = self.list(|r| Ok((r.expr()?, r.expr()?)))?;
                Expr::Case {
                    whens,
                    otherwise: self.maybe(Self::boxed)?,
                }
            }
        })
    }

    fn sql_type(&mut self) -> R<SqlType> {
        use wire::Type as T;
        Ok(match self.tag(T::from_repr, "unknown type tag")? {
            T::TinyInt => SqlType::TinyInt,
            T::SmallInt => SqlType::SmallInt,
            T::Integer => SqlType::Integer,
            T::BigInt => SqlType::BigInt,
            T::Real => SqlType::Real,
            T::Double => SqlType::Double,
            T::Numeric => SqlType::Numeric {
                precision: self.opt_u32()?,
                scale: self.opt_u32()?,
            },
            T::Boolean => SqlType::Boolean,
            T::Text => SqlType::Text,
            T::Varchar => SqlType::Varchar(self.opt_u32()?),
            T::Char => SqlType::Char(self.opt_u32()?),
            T::Blob => SqlType::Blob,
            T::Json => SqlType::Json,
            T::Jsonb => SqlType::Jsonb,
            T::Date => SqlType::Date,
            T::Timestamp => SqlType::Timestamp {
                precision: self.opt_u32()?,
                with_time_zone: self.flag()?,
            },
            T::Custom => SqlType::Custom(self.string()?),
        })
    }
}
