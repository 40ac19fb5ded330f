//! Case groups, one file per area of the AST.

mod aggregate;
mod cte;
mod ddl;
mod delete;
mod dml;
mod expr;
mod hostile;
mod index_hints;
mod insert;
mod join;
mod lock;
mod relational;
mod select;
mod set_ops;
mod update;
mod upsert;

use mizzle_tests::Harness;

/// Runs every case group.
pub fn run_all(h: &mut Harness) {
    select::run(h);
    expr::run(h);
    aggregate::run(h);
    join::run(h);
    index_hints::run(h);
    cte::run(h);
    set_ops::run(h);
    lock::run(h);
    insert::run(h);
    upsert::run(h);
    update::run(h);
    delete::run(h);
    ddl::run(h);
    hostile::run(h);
    relational::run(h);
}
