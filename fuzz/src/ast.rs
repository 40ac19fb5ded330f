//! Target `render`: a statement built from the bytes, rendered by every
//! dialect. The builder reads its choices with `arbitrary::Unstructured`
//! (bytes running out give the first choice, so every input builds a
//! statement), covers every AST variant, and bounds depth and size so that
//! the renderers, not the builder, are what the fuzzer explores. Names and
//! raw SQL come from a small hostile vocabulary or from the bytes.

use arbitrary::Unstructured;
use mizzle_core::ast::{
    AggregateFn, Assignment, BinaryOp, ColumnRef, Cte, CteBody, Delete, Distinct, Expr, FromItem,
    IndexHint, IndexHintKind, Insert, InsertSource, InsertValue, Join, JoinKind, JsonEncoding,
    Lock, LockStrength, LockWait, NullsOrder, OnConflict, OnConflictAction, OrderBy, Query,
    RawPart, Select, SelectItem, SetExpr, SetOp, Statement, TableRef, Transaction, Update, With,
};
use mizzle_core::dialect::MySql;
use mizzle_core::relational::{Relation, RelationKind, RelationalField, RelationalQuery};
use mizzle_core::render::{SqlWriter, ToSql};
use mizzle_core::schema::SqlType;
use mizzle_core::{DialectKind, Value};

type U<'a> = Unstructured<'a>;

/// Names: ordinary, reserved, quoting-hostile, empty, long, non-ASCII.
const NAMES: &[&str] = &[
    "users",
    "id",
    "name",
    "t",
    "select",
    "order",
    "a\"b",
    "a`b",
    "a'b",
    "",
    " ",
    "a.b",
    "é",
    "x\0y",
    "?",
    "$1",
    "--",
    "/*",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
];

/// Raw SQL fragments, placeholders and quotes included.
const RAW: &[&str] = &[
    "select 1", " and ", "?", "$1", "'", "\"", "`", "--", "/*", "*/", "\\", ";", "now()", "", "(",
    ")", "e'", "$$", "$tag$", "\0", "1e400", ":name",
];

const FUNCTIONS: &[&str] = &[
    "lower",
    "coalesce",
    "json_extract",
    "count",
    "a b",
    "x(",
    "",
];

/// At most this many nested levels of expressions and queries.
const MAX_DEPTH: u32 = 6;

struct B<'a, 'b> {
    u: &'b mut U<'a>,
    depth: u32,
    /// Nodes left to build; lists come out empty once it is spent.
    budget: u32,
}

impl<'a> B<'a, '_> {
    fn n(&mut self, below: u32) -> u32 {
        self.u
            .int_in_range(0..=below.saturating_sub(1))
            .unwrap_or(0)
    }
    fn bool(&mut self) -> bool {
        self.u.arbitrary().unwrap_or(false)
    }
    fn pick<T: Copy>(&mut self, list: &[T]) -> T {
        list[self.n(list.len() as u32) as usize]
    }
    fn count(&mut self, max: u32) -> usize {
        if self.budget == 0 {
            return 0;
        }
        self.n(max + 1) as usize
    }
    fn text(&mut self) -> String {
        if self.n(4) == 0 {
            let len = self.n(24) as usize;
            let bytes = self.u.bytes(len.min(self.u.len())).unwrap_or(&[]);
            String::from_utf8_lossy(bytes).into_owned()
        } else {
            self.pick(NAMES).into()
        }
    }
    fn opt_text(&mut self) -> Option<String> {
        self.bool().then(|| self.text())
    }
    fn deeper<T>(
        &mut self,
        leaf: impl FnOnce(&mut Self) -> T,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        if self.depth >= MAX_DEPTH || self.budget == 0 {
            return leaf(self);
        }
        self.depth += 1;
        self.budget -= 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    fn value(&mut self) -> Value {
        match self.n(8) {
            0 => Value::Null,
            1 => Value::Bool(self.bool()),
            2 => Value::Int(self.u.arbitrary().unwrap_or(0)),
            3 => Value::Int(self.pick(&[0, -1, i64::MIN, i64::MAX, 9_007_199_254_740_993])),
            4 => Value::Float(self.u.arbitrary().unwrap_or(0.0)),
            5 => Value::Float(self.pick(&[f64::NAN, f64::INFINITY, -0.0, 1e300, 5e-324])),
            6 => {
                let len = self.n(8) as usize;
                Value::Blob(self.u.bytes(len.min(self.u.len())).unwrap_or(&[]).to_vec())
            }
            _ => Value::Text(if self.bool() {
                self.pick(RAW).into()
            } else {
                self.text()
            }),
        }
    }

    fn sql_type(&mut self) -> SqlType {
        let p = |b: &mut Self| b.bool().then(|| b.n(70));
        match self.n(26) {
            0 => SqlType::TinyInt,
            1 => SqlType::SmallInt,
            2 => SqlType::Integer,
            3 => SqlType::BigInt,
            4 => SqlType::SmallSerial,
            5 => SqlType::Serial,
            6 => SqlType::BigSerial,
            7 => SqlType::Real,
            8 => SqlType::Double,
            9 => SqlType::Numeric {
                precision: p(self),
                scale: p(self),
            },
            10 => SqlType::Boolean,
            11 => SqlType::Text,
            12 => SqlType::Varchar(p(self)),
            13 => SqlType::Char(p(self)),
            14 => SqlType::Blob,
            15 => SqlType::Binary(p(self)),
            16 => SqlType::Varbinary(p(self)),
            17 => SqlType::Uuid,
            18 => SqlType::Json,
            19 => SqlType::Jsonb,
            20 => SqlType::Timestamp {
                precision: p(self),
                with_time_zone: self.bool(),
            },
            21 => SqlType::DateTime { precision: p(self) },
            22 => SqlType::Date,
            23 => SqlType::Time {
                precision: p(self),
                with_time_zone: self.bool(),
            },
            24 => match self.n(4) {
                0 => SqlType::Interval,
                1 => SqlType::NamedEnum {
                    schema: self.opt_text(),
                    name: self.text(),
                },
                2 => SqlType::InlineEnum((0..self.count(3)).map(|_| self.text()).collect()),
                _ => SqlType::Custom(self.text()),
            },
            _ => self.deeper(
                |_| SqlType::Integer,
                |b| SqlType::Array(Box::new(b.sql_type())),
            ),
        }
    }

    fn column(&mut self) -> ColumnRef {
        ColumnRef {
            table: self.opt_text(),
            name: self.text(),
        }
    }

    fn raw_part(&mut self) -> RawPart {
        match self.n(5) {
            0 | 1 => RawPart::Sql(self.pick(RAW).into()),
            2 => RawPart::Value(self.value()),
            3 => RawPart::Ident(self.text()),
            _ => RawPart::Expr(self.expr()),
        }
    }

    fn leaf(&mut self) -> Expr {
        match self.n(6) {
            0 | 1 => Expr::Column(self.column()),
            2 | 3 => Expr::Value(self.value()),
            4 => Expr::Placeholder(self.text()),
            _ => Expr::Slot(self.n(10)),
        }
    }

    fn exprs(&mut self, max: u32) -> Vec<Expr> {
        (0..self.count(max)).map(|_| self.expr()).collect()
    }

    fn bexpr(&mut self) -> Box<Expr> {
        Box::new(self.expr())
    }

    fn expr(&mut self) -> Expr {
        self.deeper(Self::leaf, |b| match b.n(26) {
            0..=5 => b.leaf(),
            6 => Expr::Raw((0..b.count(4)).map(|_| b.raw_part()).collect()),
            7 | 8 => Expr::Binary {
                op: b.pick(&[
                    BinaryOp::Eq,
                    BinaryOp::Ne,
                    BinaryOp::Lt,
                    BinaryOp::Le,
                    BinaryOp::Gt,
                    BinaryOp::Ge,
                    BinaryOp::Add,
                    BinaryOp::Sub,
                    BinaryOp::Mul,
                    BinaryOp::Div,
                    BinaryOp::Mod,
                    BinaryOp::Concat,
                    BinaryOp::ArrayContains,
                    BinaryOp::ArrayContained,
                    BinaryOp::ArrayOverlaps,
                ]),
                left: b.bexpr(),
                right: b.bexpr(),
            },
            9 => Expr::And(b.exprs(3)),
            10 => Expr::Or(b.exprs(3)),
            11 => Expr::Not(b.bexpr()),
            12 => Expr::Neg(b.bexpr()),
            13 => Expr::Like {
                expr: b.bexpr(),
                pattern: b.bexpr(),
                negated: b.bool(),
                case_insensitive: b.bool(),
            },
            14 => Expr::InList {
                expr: b.bexpr(),
                list: b.exprs(3),
                negated: b.bool(),
            },
            15 => Expr::InQuery {
                expr: b.bexpr(),
                query: Box::new(b.query()),
                negated: b.bool(),
            },
            16 => Expr::Between {
                expr: b.bexpr(),
                low: b.bexpr(),
                high: b.bexpr(),
                negated: b.bool(),
            },
            17 => Expr::IsNull {
                expr: b.bexpr(),
                negated: b.bool(),
            },
            18 => Expr::Exists {
                query: Box::new(b.query()),
                negated: b.bool(),
            },
            19 => Expr::Subquery(Box::new(b.query())),
            20 => Expr::Cast {
                expr: b.bexpr(),
                ty: b.sql_type(),
            },
            21 => Expr::Function {
                name: b.pick(FUNCTIONS).into(),
                args: b.exprs(3),
            },
            22 => Expr::Aggregate {
                func: b.pick(&[
                    AggregateFn::Count,
                    AggregateFn::Sum,
                    AggregateFn::Avg,
                    AggregateFn::Min,
                    AggregateFn::Max,
                ]),
                arg: b.bool().then(|| b.bexpr()),
                distinct: b.bool(),
            },
            23 => Expr::Excluded(b.text()),
            24 => Expr::Case {
                whens: (0..b.count(2)).map(|_| (b.expr(), b.expr())).collect(),
                otherwise: b.bool().then(|| b.bexpr()),
            },
            _ => match b.n(3) {
                0 => Expr::JsonArray(b.exprs(3)),
                1 => Expr::JsonValue {
                    expr: b.bexpr(),
                    enc: b.encoding(),
                },
                _ => Expr::JsonArrayAgg {
                    expr: b.bexpr(),
                    order_by: b.order_by(),
                    limit: b.bool().then(|| b.bexpr()),
                    offset: b.bool().then(|| b.bexpr()),
                },
            },
        })
    }

    fn encoding(&mut self) -> JsonEncoding {
        self.pick(&[
            JsonEncoding::Plain,
            JsonEncoding::Text,
            JsonEncoding::Hex,
            JsonEncoding::Json,
            JsonEncoding::JsonBlob,
        ])
    }

    fn order_by(&mut self) -> Vec<OrderBy> {
        (0..self.count(2))
            .map(|_| OrderBy {
                expr: self.expr(),
                desc: self.bool(),
                nulls: self.pick(&[None, Some(NullsOrder::First), Some(NullsOrder::Last)]),
                bare: self.bool(),
            })
            .collect()
    }

    fn table(&mut self) -> TableRef {
        TableRef {
            schema: self.bool().then(|| self.text()).filter(|_| self.bool()),
            name: self.text(),
            alias: self.opt_text(),
        }
    }

    fn source_item(&mut self) -> FromItem {
        match self.n(4) {
            0 | 1 => FromItem::Table(self.table()),
            2 => FromItem::IndexHinted {
                table: self.table(),
                hints: (0..self.count(2))
                    .map(|_| IndexHint {
                        kind: self.pick(&[
                            IndexHintKind::Use,
                            IndexHintKind::Force,
                            IndexHintKind::Ignore,
                        ]),
                        indexes: (0..self.count(2)).map(|_| self.text()).collect(),
                    })
                    .collect(),
            },
            _ => self.deeper(
                |b| FromItem::Table(b.table()),
                |b| FromItem::Subquery {
                    query: Box::new(b.query()),
                    alias: b.text(),
                },
            ),
        }
    }

    fn select_items(&mut self, max: u32) -> Vec<SelectItem> {
        (0..self.count(max))
            .map(|_| match self.n(6) {
                0 => SelectItem::Star(self.opt_text()),
                _ => SelectItem::Expr {
                    expr: self.expr(),
                    alias: self.opt_text(),
                },
            })
            .collect()
    }

    fn select(&mut self) -> Select {
        Select {
            distinct: match self.n(4) {
                0 | 1 => Distinct::All,
                2 => Distinct::Distinct,
                _ => Distinct::On(self.exprs(2)),
            },
            columns: self.select_items(4),
            from: self.bool().then(|| self.source_item()),
            joins: (0..self.count(2))
                .map(|_| Join {
                    kind: self.pick(&[
                        JoinKind::Inner,
                        JoinKind::Left,
                        JoinKind::Right,
                        JoinKind::Full,
                        JoinKind::Cross,
                    ]),
                    lateral: self.bool(),
                    target: self.source_item(),
                    on: self.bool().then(|| self.expr()),
                })
                .collect(),
            where_: self.bool().then(|| self.expr()),
            group_by: self.exprs(2),
            having: self.bool().then(|| self.expr()),
        }
    }

    fn set_expr(&mut self) -> SetExpr {
        match self.n(4) {
            0 | 1 => SetExpr::Select(Box::new(self.select())),
            2 => self.deeper(
                |b| SetExpr::Select(Box::new(b.select())),
                |b| SetExpr::SetOp {
                    op: b.pick(&[SetOp::Union, SetOp::Intersect, SetOp::Except]),
                    all: b.bool(),
                    left: Box::new(b.set_expr()),
                    right: Box::new(b.set_expr()),
                },
            ),
            _ => self.deeper(
                |b| SetExpr::Select(Box::new(b.select())),
                |b| SetExpr::Query(Box::new(b.query())),
            ),
        }
    }

    fn with(&mut self) -> Option<With> {
        if self.n(4) != 0 {
            return None;
        }
        self.deeper(
            |_| None,
            |b| {
                Some(With {
                    recursive: b.bool(),
                    ctes: (0..b.count(2))
                        .map(|_| Cte {
                            name: b.text(),
                            columns: (0..b.count(2)).map(|_| b.text()).collect(),
                            body: match b.n(5) {
                                0 | 1 => CteBody::Query(Box::new(b.query())),
                                2 => CteBody::Insert(Box::new(b.insert())),
                                3 => CteBody::Update(Box::new(b.update())),
                                _ => match b.bool() {
                                    true => CteBody::Delete(Box::new(b.delete())),
                                    false => CteBody::Sql(b.expr()),
                                },
                            },
                        })
                        .collect(),
                })
            },
        )
    }

    fn limit(&mut self) -> Option<Expr> {
        match self.n(4) {
            0 => None,
            1 => Some(Expr::Value(Value::Int(self.n(5).into()))),
            2 => Some(Expr::Slot(self.n(4))),
            _ => Some(self.expr()),
        }
    }

    fn query(&mut self) -> Query {
        self.deeper(
            |b| {
                Query::select(Select {
                    columns: vec![SelectItem::Expr {
                        expr: b.leaf(),
                        alias: None,
                    }],
                    ..Default::default()
                })
            },
            |b| Query {
                with: b.with(),
                body: b.set_expr(),
                order_by: b.order_by(),
                limit: b.limit(),
                offset: b.limit(),
                lock: b.bool().then(|| Lock {
                    strength: b.pick(&[
                        LockStrength::Update,
                        LockStrength::NoKeyUpdate,
                        LockStrength::Share,
                        LockStrength::KeyShare,
                    ]),
                    of: (0..b.count(2)).map(|_| b.text()).collect(),
                    wait: b.pick(&[LockWait::Wait, LockWait::NoWait, LockWait::SkipLocked]),
                }),
            },
        )
    }

    fn assignments(&mut self, max: u32) -> Vec<Assignment> {
        (0..self.count(max))
            .map(|_| Assignment {
                column: self.text(),
                value: self.expr(),
            })
            .collect()
    }

    fn insert(&mut self) -> Insert {
        let columns: Vec<String> = (0..self.count(3)).map(|_| self.text()).collect();
        let width = if self.n(8) == 0 {
            self.n(4) as usize
        } else {
            columns.len()
        };
        Insert {
            with: self.with(),
            table: self.table(),
            source: match self.n(6) {
                0..=2 => InsertSource::Values(
                    (0..self.count(3).max(1))
                        .map(|_| {
                            (0..width)
                                .map(|_| {
                                    if self.n(4) == 0 {
                                        InsertValue::Default
                                    } else {
                                        InsertValue::Expr(self.expr())
                                    }
                                })
                                .collect()
                        })
                        .collect(),
                ),
                3 => InsertSource::Query(Box::new(self.query())),
                4 => InsertSource::Sql(self.expr()),
                _ => InsertSource::DefaultValues,
            },
            columns,
            on_conflict: self.bool().then(|| OnConflict {
                target: (0..self.count(2)).map(|_| self.text()).collect(),
                target_where: self.bool().then(|| self.expr()),
                action: match self.bool() {
                    false => OnConflictAction::DoNothing,
                    true => OnConflictAction::DoUpdate {
                        set: self.assignments(2),
                        where_: self.bool().then(|| self.expr()),
                    },
                },
            }),
            on_duplicate_key_update: self.assignments(2),
            ignore: self.bool(),
            returning: self.select_items(2),
            defaults: (0..self.count(3))
                .map(|_| self.bool().then(|| self.expr()))
                .collect(),
        }
    }

    fn update(&mut self) -> Update {
        Update {
            with: self.with(),
            table: self.table(),
            set: self.assignments(3),
            from: (0..self.count(2)).map(|_| self.source_item()).collect(),
            where_: self.bool().then(|| self.expr()),
            order_by: self.order_by(),
            limit: self.limit(),
            returning: self.select_items(2),
        }
    }

    fn delete(&mut self) -> Delete {
        Delete {
            with: self.with(),
            table: self.table(),
            where_: self.bool().then(|| self.expr()),
            order_by: self.order_by(),
            limit: self.limit(),
            returning: self.select_items(2),
        }
    }

    fn relational(&mut self) -> RelationalQuery {
        let relations = if self.depth < MAX_DEPTH && self.budget > 0 {
            self.depth += 1;
            let r = (0..self.count(2))
                .map(|_| Relation {
                    name: self.text(),
                    kind: self.pick(&[RelationKind::One, RelationKind::Many]),
                    on: (0..self.count(2))
                        .map(|_| (self.text(), self.text()))
                        .collect(),
                    query: self.relational(),
                })
                .collect();
            self.depth -= 1;
            r
        } else {
            Vec::new()
        };
        RelationalQuery {
            table: self.table(),
            fields: (0..self.count(3))
                .map(|_| RelationalField {
                    name: self.text(),
                    expr: self.expr(),
                    encoding: self.encoding(),
                })
                .collect(),
            relations,
            filter: self.bool().then(|| self.expr()),
            order_by: self.order_by(),
            limit: self.limit(),
            offset: self.limit(),
        }
    }

    fn statement(&mut self) -> Statement {
        match self.n(8) {
            0 | 1 => Statement::Query(self.query()),
            2 => Statement::Insert(self.insert()),
            3 => Statement::Update(self.update()),
            4 => Statement::Delete(self.delete()),
            5 => Statement::Sql(self.expr()),
            6 => Statement::Relational(self.relational()),
            _ => Statement::Transaction(match self.n(6) {
                0 => Transaction::Begin,
                1 => Transaction::Commit,
                2 => Transaction::Rollback,
                3 => Transaction::Savepoint(self.u.arbitrary().unwrap_or(0)),
                4 => Transaction::Release(self.u.arbitrary().unwrap_or(0)),
                _ => Transaction::RollbackTo(self.u.arbitrary().unwrap_or(0)),
            }),
        }
    }
}

/// Builds the statement the bytes describe (also for tests and seeds).
pub fn statement(data: &[u8]) -> Statement {
    let mut u = Unstructured::new(data);
    B {
        u: &mut u,
        depth: 0,
        budget: 200,
    }
    .statement()
}

pub(crate) fn render(data: &[u8]) {
    let stmt = statement(data);
    for kind in [
        DialectKind::Sqlite,
        DialectKind::Postgres,
        DialectKind::MySql,
    ] {
        let _ = mizzle_core::render(&stmt, kind);
        let _ = mizzle_core::render_inline(&stmt, kind);
    }
    let mut w = SqlWriter::new(&MySql::MARIADB);
    if stmt.to_sql(&mut w).is_ok() {
        let _ = w.finish_with_offsets();
    }
}
