//! A live database's snapshot given the schema's spelling wherever the two
//! say the same thing ([`super::equivalent`]), before `push` diffs them: the
//! server's reprint of a check, an index, a default, a generated column or a
//! view is not a change. What a catalog cannot tell (whether an index was
//! built `CONCURRENTLY`) is taken from the schema too.
//!
//! SQLite keeps the text it was given, so its snapshots need none of this.

use crate::snapshot::Snapshot;

/// `live` (introspected) with `declared`'s text where they are equivalent.
pub fn adopt_declared_spelling(live: &mut Snapshot, declared: &Snapshot) {
    match (live, declared) {
        #[cfg(feature = "dialect-postgres")]
        (Snapshot::Postgres(l), Snapshot::Postgres(d)) => reprint::postgres(l, d),
        #[cfg(feature = "dialect-mysql")]
        (Snapshot::MySql(l), Snapshot::MySql(d)) => reprint::mysql(l, d),
        _ => {}
    }
}

/// The comparisons, for the dialects whose servers reprint.
#[cfg(any(feature = "dialect-postgres", feature = "dialect-mysql"))]
mod reprint {
    use alloc::string::String;

    use super::super::equivalent::{same_expression, same_type};
    use crate::snapshot::{Check, Generated, Keyed};
    use serde_json::Value as Json;

    #[cfg(feature = "dialect-postgres")]
    pub(super) fn postgres(
        live: &mut crate::snapshot::PgSnapshot,
        decl: &crate::snapshot::PgSnapshot,
    ) {
        const TYPE_SYNONYMS: &[(&str, &str)] = &[];
        for (key, t) in live.tables.0.iter_mut() {
            let Some(d) = decl.tables.get(key) else {
                continue;
            };
            columns(&mut t.columns, &d.columns, TYPE_SYNONYMS);
            for (name, ix) in t.indexes.0.iter_mut() {
                let Some(di) = d.indexes.get(name) else {
                    continue;
                };
                optional(&mut ix.where_, &di.where_);
                if ix.columns.len() == di.columns.len() {
                    for (a, b) in ix.columns.iter_mut().zip(&di.columns) {
                        if a.is_expression && b.is_expression {
                            text(&mut a.expression, &b.expression);
                        }
                    }
                }
                ix.concurrently = di.concurrently;
            }
            if let (Some(l), Some(d)) = (&mut t.check_constraints, &d.check_constraints) {
                checks(l, d);
            }
        }
        if let (Some(l), Some(d)) = (&mut live.views, &decl.views) {
            for (key, v) in l.0.iter_mut() {
                if let Some(dv) = d.get(key) {
                    optional(&mut v.definition, &dv.definition);
                }
            }
        }
    }

    #[cfg(feature = "dialect-mysql")]
    pub(super) fn mysql(
        live: &mut crate::snapshot::MySqlSnapshot,
        decl: &crate::snapshot::MySqlSnapshot,
    ) {
        // `real` is `double` unless the server runs in REAL_AS_FLOAT mode, which changes the type anyway.
        const TYPE_SYNONYMS: &[(&str, &str)] = &[("real", "double")];
        for (key, t) in live.tables.0.iter_mut() {
            let Some(d) = decl.tables.get(key) else {
                continue;
            };
            columns(&mut t.columns, &d.columns, TYPE_SYNONYMS);
            for (name, ix) in t.indexes.0.iter_mut() {
                let Some(di) = d.indexes.get(name) else {
                    continue;
                };
                if ix.columns.len() == di.columns.len() {
                    for (a, b) in ix.columns.iter_mut().zip(&di.columns) {
                        text(a, b);
                    }
                }
                // The catalog cannot tell `USING BTREE` (the default) said from unsaid, nor how
                // an index was built (`algorithm`, `lock`).
                if ix.using.is_none() && di.using.as_deref() == Some("btree") {
                    ix.using.clone_from(&di.using);
                }
                ix.algorithm.clone_from(&di.algorithm);
                ix.lock.clone_from(&di.lock);
            }
            if let (Some(l), Some(d)) = (&mut t.check_constraint, &d.check_constraint) {
                checks(l, d);
            }
        }
        for (key, v) in live.views.0.iter_mut() {
            if let Some(dv) = decl.views.get(key) {
                optional(&mut v.definition, &dv.definition);
            }
        }
    }

    /// The parts of a column a server reprints, for either dialect's column type.
    trait Reprinted {
        fn parts(&mut self) -> (&mut String, &mut Option<Json>, &mut Option<Generated>);
    }

    #[cfg(feature = "dialect-postgres")]
    impl Reprinted for crate::snapshot::PgColumn {
        fn parts(&mut self) -> (&mut String, &mut Option<Json>, &mut Option<Generated>) {
            (&mut self.type_, &mut self.default, &mut self.generated)
        }
    }

    #[cfg(feature = "dialect-mysql")]
    impl Reprinted for crate::snapshot::MySqlColumn {
        fn parts(&mut self) -> (&mut String, &mut Option<Json>, &mut Option<Generated>) {
            (&mut self.type_, &mut self.default, &mut self.generated)
        }
    }

    fn columns<C: Reprinted + Clone>(
        live: &mut Keyed<C>,
        decl: &Keyed<C>,
        synonyms: &[(&str, &str)],
    ) {
        for (name, c) in live.0.iter_mut() {
            let Some(d) = decl.get(name) else {
                continue;
            };
            let mut d = d.clone();
            let (dt, dd, dg) = d.parts();
            let (ty, default, generated) = c.parts();
            if *ty != *dt && same_type(ty, dt, synonyms) {
                ty.clone_from(dt);
            }
            if let (Some(l), Some(d)) = (default.as_ref(), dd.as_ref()) {
                if l != d && same_expression(&json_text(l), &json_text(d)) {
                    *default = Some(d.clone());
                }
            }
            if let (Some(l), Some(d)) = (generated, dg.as_ref()) {
                if l.kind == d.kind {
                    text(&mut l.as_, &d.as_);
                }
            }
        }
    }

    fn checks(live: &mut Keyed<Check>, decl: &Keyed<Check>) {
        for (name, c) in live.0.iter_mut() {
            if let Some(d) = decl.get(name) {
                text(&mut c.value, &d.value);
            }
        }
    }

    fn optional(live: &mut Option<String>, decl: &Option<String>) {
        if let (Some(l), Some(d)) = (live, decl) {
            text(l, d);
        }
    }

    fn text(live: &mut String, decl: &str) {
        if live != decl && same_expression(live, decl) {
            *live = String::from(decl);
        }
    }

    /// A default as SQL text: snapshots keep numbers and booleans as JSON values.
    fn json_text(v: &Json) -> String {
        match v {
            Json::String(s) => s.clone(),
            other => alloc::string::ToString::to_string(other),
        }
    }
}
