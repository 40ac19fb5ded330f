//! Reads the opcode form of a query shape (README.md, "Opcodes") into the
//! core AST. Every read is bounds-checked: malformed input from JS is a
//! [`DecodeError`], never a panic (a panic would be a wasm trap).

use mizzle_core::ast::*;
use mizzle_core::relational::{Relation, RelationKind, RelationalField, RelationalQuery};
use mizzle_core::schema::SqlType;

/// What went wrong while reading opcodes.
#[derive(Debug, PartialEq)]
pub(crate) enum DecodeError {
    /// The stream ended early, a tag was unknown, or an id was out of range.
    Malformed(&'static str),
    /// The shape nests deeper than the decoder allows.
    TooDeep,
}

type R<T> = Result<T, DecodeError>;

/// What an opcode stream describes.
pub(crate) enum Shape {
    /// A statement to render as is.
    Statement(Statement),
    /// A relational query, planned per dialect first.
    Relational(RelationalQuery),
}

/// How a field with `codec` travels inside nested JSON rows (README.md, "Codecs").
fn json_encoding(codec: i32) -> JsonEncoding {
    match codec {
        // bigint, string_number: text, since a JSON number would round them;
        // temporal_text: the column's own text form, not the JSON function's.
        6 | 12 | 16 => JsonEncoding::Text,
        7 => JsonEncoding::Hex,
        5 | 14 => JsonEncoding::Json,
        8 => JsonEncoding::JsonBlob,
        _ => JsonEncoding::Plain,
    }
}

/// Nesting guard for the decoder's own recursion (the renderer has its own).
const MAX_DEPTH: u32 = 200;

/// A cursor over one opcode stream.
pub(crate) struct Reader<'a> {
    ops: &'a [i32],
    pos: usize,
    strings: &'a [String],
    depth: u32,
    /// True until the outermost SELECT (or RETURNING list) records its codecs.
    collect: bool,
    /// Codec per result column: the decode plan.
    pub(crate) plan: Vec<i32>,
}

fn bad<T>(what: &'static str) -> R<T> {
    Err(DecodeError::Malformed(what))
}

impl<'a> Reader<'a> {
    pub(crate) fn new(ops: &'a [i32], strings: &'a [String]) -> Self {
        Reader {
            ops,
            pos: 0,
            strings,
            depth: 0,
            collect: true,
            plan: Vec::new(),
        }
    }

    fn next(&mut self) -> R<i32> {
        let v = self
            .ops
            .get(self.pos)
            .copied()
            .ok_or(DecodeError::Malformed("opcodes end early"))?;
        self.pos += 1;
        Ok(v)
    }

    fn flag(&mut self) -> R<bool> {
        match self.next()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => bad("a flag must be 0 or 1"),
        }
    }

    /// A count, bounded by what is left so a hostile count cannot allocate.
    fn count(&mut self) -> R<usize> {
        let n = self.next()?;
        let n = usize::try_from(n).map_err(|_| DecodeError::Malformed("negative count"))?;
        if n > self.ops.len().saturating_sub(self.pos) + 1 {
            return bad("count larger than the stream");
        }
        Ok(n)
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> R<T>) -> R<Vec<T>> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(each(self)?);
        }
        Ok(out)
    }

    fn string(&mut self) -> R<String> {
        let id = self.next()?;
        usize::try_from(id)
            .ok()
            .and_then(|i| self.strings.get(i))
            .cloned()
            .ok_or(DecodeError::Malformed("unknown string id"))
    }

    fn opt_string(&mut self) -> R<Option<String>> {
        if self.ops.get(self.pos) == Some(&-1) {
            self.pos += 1;
            return Ok(None);
        }
        self.string().map(Some)
    }

    fn opt_u32(&mut self) -> R<Option<u32>> {
        let v = self.next()?;
        if v == -1 {
            return Ok(None);
        }
        u32::try_from(v)
            .map(Some)
            .map_err(|_| DecodeError::Malformed("negative size"))
    }

    fn maybe<T>(&mut self, each: impl FnOnce(&mut Self) -> R<T>) -> R<Option<T>> {
        if self.flag()? {
            each(self).map(Some)
        } else {
            Ok(None)
        }
    }

    fn deeper<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        if self.depth >= MAX_DEPTH {
            return Err(DecodeError::TooDeep);
        }
        self.depth += 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    /// The whole stream as one statement; trailing opcodes are an error.
    pub(crate) fn statement(&mut self) -> R<Shape> {
        let stmt = match self.next()? {
            1 => Shape::Statement(Statement::Query(self.query()?)),
            2 => Shape::Statement(Statement::Insert(self.insert()?)),
            3 => Shape::Statement(Statement::Update(self.update()?)),
            4 => Shape::Statement(Statement::Delete(self.delete()?)),
            5 => Shape::Statement(Statement::Sql(self.expr()?)),
            6 => Shape::Relational(self.relational()?),
            _ => return bad("unknown statement tag"),
        };
        if self.pos != self.ops.len() {
            return bad("opcodes after the statement");
        }
        Ok(stmt)
    }

    /// One level of a relational query; field codecs join the plan in
    /// pre-order (a level's fields, then each relation's level).
    fn relational(&mut self) -> R<RelationalQuery> {
        self.deeper(|r| {
            let table = r.table()?;
            let fields = r.list(|r| {
                let expr = r.expr()?;
                let name = r.string()?;
                let codec = r.next()?;
                r.plan.push(codec);
                Ok(RelationalField {
                    name,
                    expr,
                    encoding: json_encoding(codec),
                })
            })?;
            let relations = r.list(|r| {
                let name = r.string()?;
                let kind = match r.next()? {
                    1 => RelationKind::One,
                    2 => RelationKind::Many,
                    _ => return bad("unknown relation kind"),
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

    fn query(&mut self) -> R<Query> {
        self.deeper(|r| {
            let collecting = std::mem::take(&mut r.collect);
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

    fn with(&mut self) -> R<With> {
        let recursive = self.flag()?;
        let ctes = self.list(|r| {
            let name = r.string()?;
            let columns = r.list(Self::string)?;
            let query = Box::new(r.query()?);
            Ok(Cte {
                name,
                columns,
                query,
            })
        })?;
        Ok(With { recursive, ctes })
    }

    fn set_expr(&mut self) -> R<SetExpr> {
        self.deeper(|r| match r.next()? {
            1 => Ok(SetExpr::Select(Box::new(r.select()?))),
            2 => {
                let op = match r.next()? {
                    1 => SetOp::Union,
                    2 => SetOp::Intersect,
                    3 => SetOp::Except,
                    _ => return bad("unknown set operator"),
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
            3 => Ok(SetExpr::Query(Box::new(r.query()?))),
            _ => bad("unknown query body tag"),
        })
    }

    fn select(&mut self) -> R<Select> {
        let collecting = std::mem::take(&mut self.collect);
        let distinct = match self.next()? {
            0 => Distinct::All,
            1 => Distinct::Distinct,
            2 => Distinct::On(self.list(Self::expr)?),
            _ => return bad("unknown distinct tag"),
        };
        let columns = self.items(collecting)?;
        let from = match self.ops.get(self.pos) {
            Some(0) => {
                self.pos += 1;
                None
            }
            _ => Some(self.source_item()?),
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
    fn items(&mut self, record: bool) -> R<Vec<SelectItem>> {
        let n = self.count()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            match self.next()? {
                1 => {
                    let expr = self.expr()?;
                    let alias = self.opt_string()?;
                    let codec = self.next()?;
                    if record {
                        self.plan.push(codec);
                    }
                    items.push(SelectItem::Expr { expr, alias });
                }
                2 => items.push(SelectItem::Star(self.opt_string()?)),
                _ => return bad("unknown select item tag"),
            }
        }
        Ok(items)
    }

    fn table(&mut self) -> R<TableRef> {
        let schema = self.opt_string()?;
        let name = self.string()?;
        let alias = self.opt_string()?;
        Ok(TableRef {
            schema,
            name,
            alias,
        })
    }

    fn source_item(&mut self) -> R<FromItem> {
        match self.next()? {
            1 => Ok(FromItem::Table(self.table()?)),
            2 => {
                let query = Box::new(self.query()?);
                let alias = self.string()?;
                Ok(FromItem::Subquery { query, alias })
            }
            _ => bad("unknown from tag"),
        }
    }

    fn join(&mut self) -> R<Join> {
        let kind = match self.next()? {
            1 => JoinKind::Inner,
            2 => JoinKind::Left,
            3 => JoinKind::Right,
            4 => JoinKind::Full,
            5 => JoinKind::Cross,
            _ => return bad("unknown join kind"),
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

    fn order(&mut self) -> R<OrderBy> {
        let expr = self.expr()?;
        // 0 asc, 1 desc, 2 as written (a raw term carrying its own direction).
        let (desc, bare) = match self.next()? {
            0 => (false, false),
            1 => (true, false),
            2 => (false, true),
            _ => return bad("unknown order direction"),
        };
        let nulls = match self.next()? {
            0 => None,
            1 => Some(NullsOrder::First),
            2 => Some(NullsOrder::Last),
            _ => return bad("unknown nulls order"),
        };
        Ok(OrderBy {
            expr,
            desc,
            nulls,
            bare,
        })
    }

    fn lock(&mut self) -> R<Option<Lock>> {
        let strength = match self.next()? {
            0 => return Ok(None),
            1 => LockStrength::Update,
            2 => LockStrength::NoKeyUpdate,
            3 => LockStrength::Share,
            4 => LockStrength::KeyShare,
            _ => return bad("unknown lock strength"),
        };
        let of = self.list(Self::string)?;
        let wait = match self.next()? {
            0 => LockWait::Wait,
            1 => LockWait::NoWait,
            2 => LockWait::SkipLocked,
            _ => return bad("unknown lock wait"),
        };
        Ok(Some(Lock { strength, of, wait }))
    }

    fn slot(&mut self) -> R<u32> {
        u32::try_from(self.next()?).map_err(|_| DecodeError::Malformed("negative slot"))
    }

    fn expr(&mut self) -> R<Expr> {
        self.deeper(Self::expr_body)
    }

    fn boxed(&mut self) -> R<Box<Expr>> {
        self.expr().map(Box::new)
    }

    fn expr_body(&mut self) -> R<Expr> {
        Ok(match self.next()? {
            1 => {
                let table = self.opt_string()?;
                let name = self.string()?;
                Expr::Column(ColumnRef { table, name })
            }
            2 => Expr::Slot(self.slot()?),
            3 => {
                // The placeholder is named by its interned id: JS knows the name,
                // and `compile` hands the id back without any lookup.
                let id = self.next()?;
                self.pos -= 1;
                self.string()?;
                Expr::Placeholder(id.to_string())
            }
            4 => Expr::Raw(self.list(|r| {
                Ok(match r.next()? {
                    1 => RawPart::Sql(r.string()?),
                    2 => RawPart::Expr(Expr::Slot(r.slot()?)),
                    3 => RawPart::Expr(r.expr()?),
                    4 => RawPart::Ident(r.string()?),
                    _ => return bad("unknown raw part"),
                })
            })?),
            5 => {
                let op = match self.next()? {
                    1 => BinaryOp::Eq,
                    2 => BinaryOp::Ne,
                    3 => BinaryOp::Lt,
                    4 => BinaryOp::Le,
                    5 => BinaryOp::Gt,
                    6 => BinaryOp::Ge,
                    7 => BinaryOp::Add,
                    8 => BinaryOp::Sub,
                    9 => BinaryOp::Mul,
                    10 => BinaryOp::Div,
                    11 => BinaryOp::Mod,
                    12 => BinaryOp::Concat,
                    _ => return bad("unknown binary operator"),
                };
                Expr::Binary {
                    op,
                    left: self.boxed()?,
                    right: self.boxed()?,
                }
            }
            6 => Expr::And(self.list(Self::expr)?),
            7 => Expr::Or(self.list(Self::expr)?),
            8 => Expr::Not(self.boxed()?),
            9 => Expr::Neg(self.boxed()?),
            10 => {
                let negated = self.flag()?;
                let case_insensitive = self.flag()?;
                Expr::Like {
                    negated,
                    case_insensitive,
                    expr: self.boxed()?,
                    pattern: self.boxed()?,
                }
            }
            11 => {
                let negated = self.flag()?;
                let expr = self.boxed()?;
                Expr::InList {
                    negated,
                    expr,
                    list: self.list(Self::expr)?,
                }
            }
            12 => {
                let negated = self.flag()?;
                let expr = self.boxed()?;
                Expr::InQuery {
                    negated,
                    expr,
                    query: Box::new(self.query()?),
                }
            }
            13 => {
                let negated = self.flag()?;
                Expr::Between {
                    negated,
                    expr: self.boxed()?,
                    low: self.boxed()?,
                    high: self.boxed()?,
                }
            }
            14 => {
                let negated = self.flag()?;
                Expr::IsNull {
                    negated,
                    expr: self.boxed()?,
                }
            }
            15 => {
                let negated = self.flag()?;
                Expr::Exists {
                    negated,
                    query: Box::new(self.query()?),
                }
            }
            16 => Expr::Subquery(Box::new(self.query()?)),
            17 => {
                let ty = self.sql_type()?;
                Expr::Cast {
                    ty,
                    expr: self.boxed()?,
                }
            }
            18 => {
                let name = self.string()?;
                Expr::Function {
                    name,
                    args: self.list(Self::expr)?,
                }
            }
            19 => {
                let func = match self.next()? {
                    1 => AggregateFn::Count,
                    2 => AggregateFn::Sum,
                    3 => AggregateFn::Avg,
                    4 => AggregateFn::Min,
                    5 => AggregateFn::Max,
                    _ => return bad("unknown aggregate"),
                };
                let distinct = self.flag()?;
                Expr::Aggregate {
                    func,
                    distinct,
                    arg: self.maybe(Self::boxed)?,
                }
            }
            20 => Expr::Excluded(self.string()?),
            21 => {
                let whens = self.list(|r| Ok((r.expr()?, r.expr()?)))?;
                Expr::Case {
                    whens,
                    otherwise: self.maybe(Self::boxed)?,
                }
            }
            _ => return bad("unknown expression tag"),
        })
    }

    fn sql_type(&mut self) -> R<SqlType> {
        Ok(match self.next()? {
            1 => SqlType::TinyInt,
            2 => SqlType::SmallInt,
            3 => SqlType::Integer,
            4 => SqlType::BigInt,
            5 => SqlType::Real,
            6 => SqlType::Double,
            7 => SqlType::Numeric {
                precision: self.opt_u32()?,
                scale: self.opt_u32()?,
            },
            8 => SqlType::Boolean,
            9 => SqlType::Text,
            10 => SqlType::Varchar(self.opt_u32()?),
            11 => SqlType::Char(self.opt_u32()?),
            12 => SqlType::Blob,
            13 => SqlType::Json,
            14 => SqlType::Jsonb,
            15 => SqlType::Date,
            16 => SqlType::Timestamp {
                precision: self.opt_u32()?,
                with_time_zone: self.flag()?,
            },
            17 => SqlType::Custom(self.string()?),
            _ => return bad("unknown type tag"),
        })
    }

    fn assignments(&mut self) -> R<Vec<Assignment>> {
        self.list(|r| {
            Ok(Assignment {
                column: r.string()?,
                value: r.expr()?,
            })
        })
    }

    fn returning(&mut self) -> R<Vec<SelectItem>> {
        let record = std::mem::take(&mut self.collect);
        self.items(record)
    }

    fn dml_with(&mut self) -> R<Option<With>> {
        let collecting = std::mem::take(&mut self.collect);
        let with = self.maybe(Self::with)?;
        self.collect = collecting;
        Ok(with)
    }

    fn insert(&mut self) -> R<Insert> {
        let with = self.dml_with()?;
        let table = self.table()?;
        let columns = self.list(Self::string)?;
        let width = columns.len();
        let source = match self.next()? {
            1 => InsertSource::Values(self.list(|r| {
                (0..width)
                    .map(|_| match r.next()? {
                        0 => Ok(InsertValue::Default),
                        1 => Ok(InsertValue::Expr(r.expr()?)),
                        _ => bad("unknown insert cell tag"),
                    })
                    .collect()
            })?),
            2 => {
                let collecting = std::mem::take(&mut self.collect);
                let q = self.query()?;
                self.collect = collecting;
                InsertSource::Query(Box::new(q))
            }
            3 => InsertSource::DefaultValues,
            _ => return bad("unknown insert source"),
        };
        let on_conflict = match self.next()? {
            0 => None,
            1 => {
                let target = self.list(Self::string)?;
                let target_where = self.maybe(Self::expr)?;
                let action = match self.next()? {
                    1 => OnConflictAction::DoNothing,
                    2 => OnConflictAction::DoUpdate {
                        set: self.assignments()?,
                        where_: self.maybe(Self::expr)?,
                    },
                    _ => return bad("unknown conflict action"),
                };
                Some(OnConflict {
                    target,
                    target_where,
                    action,
                })
            }
            _ => return bad("unknown on-conflict tag"),
        };
        let on_duplicate_key_update = self.assignments()?;
        let ignore = self.flag()?;
        let returning = self.returning()?;
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

    fn update(&mut self) -> R<Update> {
        let with = self.dml_with()?;
        let table = self.table()?;
        let set = self.assignments()?;
        let from = self.list(Self::source_item)?;
        let where_ = self.maybe(Self::expr)?;
        let order_by = self.list(Self::order)?;
        let limit = self.maybe(Self::expr)?;
        let returning = self.returning()?;
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

    fn delete(&mut self) -> R<Delete> {
        let with = self.dml_with()?;
        let table = self.table()?;
        let where_ = self.maybe(Self::expr)?;
        let order_by = self.list(Self::order)?;
        let limit = self.maybe(Self::expr)?;
        let returning = self.returning()?;
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
