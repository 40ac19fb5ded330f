//! A live PostgreSQL database read into drizzle-kit 0.31's PostgreSQL
//! snapshot: what `drizzle-kit generate` would have written for the schema
//! the database was created from (by drizzle-kit's own SQL), as far as a
//! database keeps it.
//!
//! The host runs [`POSTGRES_QUERY`] (one statement over `pg_catalog`, one
//! round trip, no parameters) and hands its single text cell to
//! [`postgres`]. Where the catalog and drizzle-kit's serializer spell a
//! thing differently, this follows the serializer (what `generate` writes):
//!
//! - types are drizzle-orm's `getSQLType()` spellings ([`super::pg_types`]):
//!   `varchar(320)`, `char(4)`, `numeric(10, 2)`, `timestamp (3) with time
//!   zone` (the default `mode: 'date'` spelling; `mode: 'string'` writes
//!   `timestamp(3)`, which a database cannot tell apart);
//! - `integer` / `bigint` / `smallint` with a `nextval(..)` default from a
//!   sequence the column owns are `serial` / `bigserial` / `smallserial`,
//!   without a default, as drizzle-kit `pull` reads them;
//! - an enum column's type is the enum's bare name, with `typeSchema`;
//! - a single-column primary key named `<table>_pkey` (PostgreSQL's name for
//!   an inline `PRIMARY KEY`, what drizzle-kit writes for `.primaryKey()`)
//!   is the column's `primaryKey`; any other is a composite primary key
//!   (drizzle-kit names those `CONSTRAINT "<name>" PRIMARY KEY(..)`);
//! - every `UNIQUE` constraint is a `uniqueConstraints` entry: drizzle-kit
//!   0.31 moves a column's `.unique()` there too (`<table>_<col>_unique`);
//! - an index column's `opclass` is written only when it is not the type's
//!   default operator class (drizzle-kit writes it only when given);
//! - `roles` is left empty: which roles a schema declares (as opposed to the
//!   cluster's own, or `.existing()` ones) is not in the database.
//!
//! Defaults follow [`super::pg_types::default_value`].

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{Map, Value as Json};

use super::document::{self, Obj};
use super::error::IntrospectError;
use super::pg_types;
use crate::snapshot::Layout;
use crate::snapshot::{
    Check, ForeignKey, Generated, Keyed, Meta, PgColumn, PgEnum, PgIdentity, PgIndex,
    PgIndexColumn, PgKey, PgPolicy, PgSequence, PgSnapshot, PgTable, PgUnique, PgView,
};

/// The one statement that reads a PostgreSQL database's schema: one row,
/// one text column, holding the JSON document [`postgres`] reads:
///
/// ```text
/// { "version": 1,
///   "schemas":   [ name ],                      -- besides public
///   "tables":    [ { schema, name, kind, rls, options, tablespace,
///                    accessMethod, populated, definition,
///                    columns:     [ { num, name, type, dims, enumSchema, enumName,
///                                     isArray, notNull, default, generated,
///                                     identity, sequence } ],
///                    constraints: [ { name, type, definition, columns, refSchema,
///                                     refTable, refColumns, onDelete, onUpdate,
///                                     nullsNotDistinct } ],
///                    indexes:     [ { name, unique, method, options, where,
///                                     columns: [ { expression, column, isExpression,
///                                       desc, nullsFirst, opclass, opclassDefault } ] } ],
///                    policies:    [ { name, permissive, command, roles, using,
///                                     withCheck } ] } ],
///   "enums":     [ { schema, name, values } ],
///   "sequences": [ { schema, name, increment, start, min, max, cache, cycle } ] }
/// ```
///
/// `tables` holds tables (`relkind` r, p; partitions left out) and views
/// (v, m). Left out: PostgreSQL's own schemas (`pg_*`,
/// `information_schema`), objects an extension owns, the migrations table
/// `drizzle.__drizzle_migrations` (the `drizzle` schema too when it holds
/// nothing else; a custom migrations table or schema is not recognised),
/// indexes that back a primary key, unique or exclusion constraint (they
/// are the constraint), and sequences owned by a serial or identity column
/// (they are the column's). `nullsNotDistinct` is read through `to_jsonb`
/// so that the statement also runs before PostgreSQL 15 (always false
/// there). Numbers of sequences are text, as the snapshot keeps them.
pub const POSTGRES_QUERY: &str = r#"SELECT json_build_object(
  'version', 1,
  'schemas', (SELECT coalesce(json_agg(n.nspname ORDER BY n.nspname), '[]')
    FROM pg_catalog.pg_namespace AS n
    WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname NOT IN ('information_schema', 'public')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS d
        WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
      AND (n.nspname <> 'drizzle' OR EXISTS (SELECT FROM pg_catalog.pg_class AS c
        WHERE c.relnamespace = n.oid AND c.relname NOT IN ('__drizzle_migrations',
          '__drizzle_migrations_id_seq', '__drizzle_migrations_pkey'))
        OR EXISTS (SELECT FROM pg_catalog.pg_type AS t WHERE t.typnamespace = n.oid AND t.typtype = 'e'))),
  'tables', (SELECT coalesce(json_agg(json_build_object(
    'schema', n.nspname,
    'name', c.relname,
    'kind', c.relkind,
    'rls', c.relrowsecurity,
    'options', c.reloptions,
    'tablespace', ts.spcname,
    'accessMethod', am.amname,
    'populated', c.relispopulated,
    'definition', CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END,
    'columns', (SELECT coalesce(json_agg(json_build_object(
      'num', a.attnum,
      'name', a.attname,
      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'dims', a.attndims,
      'enumSchema', CASE WHEN et.typtype = 'e' THEN etn.nspname END,
      'enumName', CASE WHEN et.typtype = 'e' THEN et.typname END,
      'isArray', t.typcategory = 'A',
      'notNull', a.attnotnull,
      'default', CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END,
      'generated', CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END,
      'identity', a.attidentity,
      'sequence', (SELECT json_build_object(
          'schema', sn.nspname, 'name', sc.relname,
          'increment', s.seqincrement::text, 'start', s.seqstart::text,
          'min', s.seqmin::text, 'max', s.seqmax::text, 'cache', s.seqcache::text,
          'cycle', s.seqcycle, 'kind', d.deptype)
        FROM pg_catalog.pg_depend AS d
        JOIN pg_catalog.pg_class AS sc ON sc.oid = d.objid AND sc.relkind = 'S'
        JOIN pg_catalog.pg_namespace AS sn ON sn.oid = sc.relnamespace
        JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = sc.oid
        WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refobjid = c.oid
          AND d.refobjsubid = a.attnum AND d.deptype IN ('a', 'i')
        LIMIT 1)
    ) ORDER BY a.attnum), '[]')
      FROM pg_catalog.pg_attribute AS a
      JOIN pg_catalog.pg_type AS t ON t.oid = a.atttypid
      LEFT JOIN pg_catalog.pg_type AS et
        ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
      LEFT JOIN pg_catalog.pg_namespace AS etn ON etn.oid = et.typnamespace
      LEFT JOIN pg_catalog.pg_attrdef AS ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
    'constraints', (SELECT coalesce(json_agg(json_build_object(
      'name', k.conname,
      'type', k.contype,
      'definition', pg_catalog.pg_get_constraintdef(k.oid, true),
      'columns', (SELECT coalesce(json_agg(ka.attname ORDER BY u.i), '[]')
        FROM unnest(k.conkey) WITH ORDINALITY AS u(num, i)
        JOIN pg_catalog.pg_attribute AS ka ON ka.attrelid = k.conrelid AND ka.attnum = u.num),
      'refSchema', fn.nspname,
      'refTable', fc.relname,
      'refColumns', (SELECT coalesce(json_agg(ka.attname ORDER BY u.i), '[]')
        FROM unnest(k.confkey) WITH ORDINALITY AS u(num, i)
        JOIN pg_catalog.pg_attribute AS ka ON ka.attrelid = k.confrelid AND ka.attnum = u.num),
      'onDelete', k.confdeltype,
      'onUpdate', k.confupdtype,
      'nullsNotDistinct', coalesce((to_jsonb(ki) ->> 'indnullsnotdistinct')::boolean, false)
    ) ORDER BY k.conname), '[]')
      FROM pg_catalog.pg_constraint AS k
      LEFT JOIN pg_catalog.pg_class AS fc ON fc.oid = k.confrelid
      LEFT JOIN pg_catalog.pg_namespace AS fn ON fn.oid = fc.relnamespace
      LEFT JOIN pg_catalog.pg_index AS ki ON ki.indexrelid = k.conindid AND k.contype IN ('p', 'u')
      WHERE k.conrelid = c.oid AND k.contype IN ('p', 'u', 'f', 'c')),
    'indexes', (SELECT coalesce(json_agg(json_build_object(
      'name', ic.relname,
      'unique', i.indisunique,
      'method', iam.amname,
      'options', ic.reloptions,
      'where', pg_catalog.pg_get_expr(i.indpred, i.indrelid, true),
      'columns', (SELECT coalesce(json_agg(json_build_object(
          'expression', pg_catalog.pg_get_indexdef(i.indexrelid, u.i::int, true),
          'column', (SELECT ka.attname FROM pg_catalog.pg_attribute AS ka
            WHERE ka.attrelid = i.indrelid AND ka.attnum = u.num AND u.num > 0),
          'isExpression', u.num = 0,
          'desc', (i.indoption[u.i - 1] & 1) <> 0,
          'nullsFirst', (i.indoption[u.i - 1] & 2) <> 0,
          'opclass', op.opcname,
          'opclassDefault', op.opcdefault
        ) ORDER BY u.i), '[]')
        FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u(num, i)
        LEFT JOIN pg_catalog.pg_opclass AS op ON op.oid = i.indclass[u.i - 1]
        WHERE u.i <= i.indnkeyatts)
    ) ORDER BY ic.relname), '[]')
      FROM pg_catalog.pg_index AS i
      JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
      JOIN pg_catalog.pg_am AS iam ON iam.oid = ic.relam
      WHERE i.indrelid = c.oid
        AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint AS k WHERE k.conindid = i.indexrelid
          AND k.conrelid = c.oid AND k.contype IN ('p', 'u', 'x'))),
    'policies', (SELECT coalesce(json_agg(json_build_object(
      'name', p.polname,
      'permissive', p.polpermissive,
      'command', p.polcmd,
      'roles', (SELECT coalesce(json_agg(CASE WHEN u.oid = 0 THEN 'public' ELSE ro.rolname END ORDER BY u.i), '[]')
        FROM unnest(p.polroles) WITH ORDINALITY AS u(oid, i)
        LEFT JOIN pg_catalog.pg_roles AS ro ON ro.oid = u.oid),
      'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid, true),
      'withCheck', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true)
    ) ORDER BY p.polname), '[]')
      FROM pg_catalog.pg_policy AS p WHERE p.polrelid = c.oid)
  ) ORDER BY n.nspname, c.relname), '[]')
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_tablespace AS ts ON ts.oid = c.reltablespace
    LEFT JOIN pg_catalog.pg_am AS am ON am.oid = c.relam
    WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
      AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
      AND NOT (n.nspname = 'drizzle' AND c.relname = '__drizzle_migrations')
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS d
        WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')),
  'enums', (SELECT coalesce(json_agg(json_build_object(
    'schema', n.nspname,
    'name', t.typname,
    'values', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
      FROM pg_catalog.pg_enum AS e WHERE e.enumtypid = t.oid)
  ) ORDER BY n.nspname, t.typname), '[]')
    FROM pg_catalog.pg_type AS t
    JOIN pg_catalog.pg_namespace AS n ON n.oid = t.typnamespace
    WHERE t.typtype = 'e' AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS d
        WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')),
  'sequences', (SELECT coalesce(json_agg(json_build_object(
    'schema', n.nspname, 'name', c.relname,
    'increment', s.seqincrement::text, 'start', s.seqstart::text,
    'min', s.seqmin::text, 'max', s.seqmax::text, 'cache', s.seqcache::text,
    'cycle', s.seqcycle
  ) ORDER BY n.nspname, c.relname), '[]')
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = c.oid
    WHERE c.relkind = 'S' AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS d
        WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
          AND d.deptype IN ('a', 'i', 'e')))
)::text AS snapshot"#;

type Result<T> = core::result::Result<T, IntrospectError>;

/// Turns [`POSTGRES_QUERY`]'s result into a snapshot as drizzle-kit's
/// serializer makes one: ids empty, [`Layout::Generated`], `_meta` without
/// renames, no `internal`, `roles` and top-level `policies` empty (a
/// policy is read on its table, `.link()`ed or not). Never panics: any
/// other input is an [`IntrospectError`].
pub fn postgres(json: &str) -> Result<PgSnapshot> {
    let doc = document::parse(json)?;
    let root = Obj::new(&doc, String::new())?;

    let mut schemas = Keyed::default();
    for (i, s) in root.array("schemas")?.iter().enumerate() {
        let name = s.as_str().ok_or_else(|| IntrospectError::Shape {
            path: format!("schemas[{i}]"),
            expected: "a string",
        })?;
        schemas.insert(name, name.to_string());
    }

    let mut enums = Keyed::default();
    for e in root.list("enums", |e| {
        let values = match e.get("values")? {
            Json::Null => Vec::new(),
            _ => e.strings("values")?,
        };
        Ok(PgEnum {
            name: e.str("name")?,
            schema: e.str("schema")?,
            values,
        })
    })? {
        enums.insert(format!("{}.{}", e.schema, e.name), e);
    }

    let mut sequences = Keyed::default();
    for s in root.list("sequences", |s| sequence(s).map(|(_, q)| q))? {
        sequences.insert(format!("{}.{}", s.schema, s.name), s);
    }

    let mut tables = Keyed::default();
    let mut views = Keyed::default();
    for (i, t) in root.array("tables")?.iter().enumerate() {
        let t = Obj::new(t, format!("tables[{i}]"))?;
        let schema = t.str("schema")?;
        let name = t.str("name")?;
        let key = format!("{schema}.{name}");
        match t.str("kind")?.as_str() {
            "v" | "m" => {
                views.insert(key, view(&t, schema, name)?);
            }
            _ => {
                tables.insert(key, table(&t, schema, name)?);
            }
        }
    }

    Ok(PgSnapshot {
        layout: Layout::Generated,
        id: String::new(),
        prev_id: String::new(),
        tables,
        enums,
        schemas,
        sequences: Some(sequences),
        roles: Some(Keyed::default()),
        policies: Some(Keyed::default()),
        views: Some(views),
        meta: Meta {
            schemas: Some(Keyed::default()),
            ..Meta::default()
        },
        internal: None,
    })
}

/// A sequence's options; the first value is the owning dependency's kind
/// (`a` serial, `i` identity) when the document gives one.
fn sequence(s: &Obj) -> Result<(Option<String>, PgSequence)> {
    Ok((
        s.opt_str("kind")?,
        PgSequence {
            name: s.str("name")?,
            schema: s.str("schema")?,
            increment: s.opt_str("increment")?,
            start_with: s.opt_str("start")?,
            min_value: s.opt_str("min")?,
            max_value: s.opt_str("max")?,
            cache: s.opt_str("cache")?,
            cycle: Some(s.bool("cycle")?),
        },
    ))
}

fn table(t: &Obj, schema: String, name: String) -> Result<PgTable> {
    let constraints = t.list("constraints", |k| {
        Ok(Constraint {
            name: k.str("name")?,
            type_: k.str("type")?,
            definition: k.opt_str("definition")?.unwrap_or_default(),
            columns: k.strings("columns")?,
            ref_schema: k.opt_str("refSchema")?,
            ref_table: k.opt_str("refTable")?,
            ref_columns: k.strings("refColumns")?,
            on_delete: k.opt_str("onDelete")?,
            on_update: k.opt_str("onUpdate")?,
            nulls_not_distinct: k.opt_bool("nullsNotDistinct")?.unwrap_or(false),
        })
    })?;
    // drizzle-kit's `.primaryKey()` is an inline PRIMARY KEY, which
    // PostgreSQL names `<table>_pkey`.
    let inline_pk = format!("{name}_pkey");
    let pk_column = constraints
        .iter()
        .find(|k| k.type_ == "p" && k.columns.len() == 1 && k.name == inline_pk)
        .and_then(|k| k.columns.first().cloned());

    let mut columns = Keyed::default();
    for c in t.list("columns", |c| column(c, &name))? {
        let mut c = c;
        c.primary_key = pk_column.as_deref() == Some(c.name.as_str());
        columns.insert(c.name.clone(), c);
    }

    let mut composite_primary_keys = Keyed::default();
    let mut unique_constraints = Keyed::default();
    let mut foreign_keys = Keyed::default();
    let mut checks = Keyed::default();
    for k in constraints {
        match k.type_.as_str() {
            "p" if pk_column.is_some() && k.name == inline_pk => {}
            "p" => composite_primary_keys.insert(
                k.name.clone(),
                PgKey {
                    name: k.name,
                    columns: k.columns,
                },
            ),
            "u" => unique_constraints.insert(
                k.name.clone(),
                PgUnique {
                    name: k.name,
                    nulls_not_distinct: k.nulls_not_distinct,
                    columns: k.columns,
                },
            ),
            "f" => {
                let table_to = k.ref_table.ok_or_else(|| IntrospectError::Sql {
                    object: k.name.clone(),
                    reason: "a foreign key without its referenced table",
                })?;
                foreign_keys.insert(
                    k.name.clone(),
                    ForeignKey {
                        name: k.name,
                        table_from: name.clone(),
                        table_to,
                        // drizzle-kit writes it for a `pgSchema` table only.
                        schema_to: k.ref_schema.filter(|s| s != "public"),
                        columns_from: k.columns,
                        columns_to: k.ref_columns,
                        on_delete: k.on_delete.as_deref().map(action),
                        on_update: k.on_update.as_deref().map(action),
                    },
                );
            }
            "c" => checks.insert(
                k.name.clone(),
                Check {
                    value: check_body(&k.definition),
                    name: k.name,
                },
            ),
            _ => {}
        }
    }

    let mut indexes = Keyed::default();
    for ix in t.list("indexes", index)? {
        indexes.insert(ix.name.clone(), ix);
    }
    let mut policies = Keyed::default();
    for p in t.list("policies", policy)? {
        policies.insert(p.name.clone(), p);
    }

    Ok(PgTable {
        name,
        schema: if schema == "public" {
            String::new()
        } else {
            schema
        },
        columns,
        indexes,
        foreign_keys,
        composite_primary_keys,
        unique_constraints: Some(unique_constraints),
        policies: Some(policies),
        check_constraints: Some(checks),
        is_rls_enabled: Some(t.opt_bool("rls")?.unwrap_or(false)),
    })
}

struct Constraint {
    name: String,
    type_: String,
    definition: String,
    columns: Vec<String>,
    ref_schema: Option<String>,
    ref_table: Option<String>,
    ref_columns: Vec<String>,
    on_delete: Option<String>,
    on_update: Option<String>,
    nulls_not_distinct: bool,
}

/// `pg_constraint.confdeltype` / `confupdtype` as drizzle-kit writes them.
fn action(code: &str) -> String {
    match code {
        "r" => "restrict",
        "c" => "cascade",
        "n" => "set null",
        "d" => "set default",
        _ => "no action",
    }
    .to_string()
}

/// `CHECK (x > 0)` (with ` NOT VALID`, maybe) -> `x > 0`.
fn check_body(definition: &str) -> String {
    let d = definition.trim();
    let d = d.strip_suffix(" NOT VALID").unwrap_or(d);
    let d = d.strip_suffix(" NO INHERIT").unwrap_or(d);
    match d.strip_prefix("CHECK (").and_then(|r| r.strip_suffix(')')) {
        Some(inner) => inner.to_string(),
        None => d.to_string(),
    }
}

fn column(c: &Obj, table: &str) -> Result<PgColumn> {
    let name = c.str("name")?;
    // PostgreSQL's MAXDIM is 6; a larger count is not from its catalog.
    let dims = usize::try_from(c.opt_int("dims")?.unwrap_or(0))
        .unwrap_or(0)
        .min(6);
    let is_array = c.opt_bool("isArray")?.unwrap_or(false);
    let (mut type_, type_schema) = match (c.opt_str("enumName")?, c.opt_str("enumSchema")?) {
        (Some(e), Some(s)) => {
            let mut t = e;
            for _ in 0..(if is_array { dims.max(1) } else { 0 }) {
                t.push_str("[]");
            }
            (t, Some(s))
        }
        _ => (pg_types::column_type(&c.str("type")?, dims), None),
    };
    let owned = match c.get("sequence")? {
        Json::Null => None,
        v => Some(sequence(&Obj::new(v, c.at("sequence"))?)?),
    };
    let mut default = c.opt_str("default")?;

    let identity = match c.opt_str("identity")?.as_deref() {
        None | Some("") => None,
        Some(kind) => {
            let (_, s) = owned.clone().ok_or_else(|| IntrospectError::Sql {
                object: format!("{table}.{name}"),
                reason: "an identity column without its sequence",
            })?;
            Some(PgIdentity {
                type_: if kind == "a" { "always" } else { "byDefault" }.to_string(),
                name: s.name,
                schema: s.schema,
                increment: s.increment,
                start_with: s.start_with,
                min_value: s.min_value,
                max_value: s.max_value,
                cache: s.cache,
                cycle: s.cycle,
            })
        }
    };

    // A serial: an integer column whose default draws from a sequence it owns.
    let serial_owned = matches!(&owned, Some((Some(kind), _)) if kind == "a");
    if identity.is_none()
        && serial_owned
        && default
            .as_deref()
            .is_some_and(|d| d.starts_with("nextval("))
    {
        let serial = match type_.as_str() {
            "integer" => Some("serial"),
            "bigint" => Some("bigserial"),
            "smallint" => Some("smallserial"),
            _ => None,
        };
        if let Some(s) = serial {
            type_ = s.to_string();
            default = None;
        }
    }

    let generated = c.opt_str("generated")?.map(|as_| Generated {
        as_,
        kind: "stored".to_string(),
    });
    let default = default
        .as_deref()
        .and_then(|d| pg_types::default_value(d, &type_));

    Ok(PgColumn {
        name,
        type_,
        type_schema,
        primary_key: false,
        not_null: c.bool("notNull")?,
        generated,
        identity,
        default,
        is_unique: None,
        unique_name: None,
        nulls_not_distinct: None,
    })
}

fn index(i: &Obj) -> Result<PgIndex> {
    let columns = i.list("columns", |k| {
        let is_expression = k.bool("isExpression")?;
        let expression = match k.opt_str("column")? {
            Some(c) if !is_expression => c,
            _ => k.str("expression")?,
        };
        let desc = k.bool("desc")?;
        let default_class = k.opt_bool("opclassDefault")?.unwrap_or(true);
        Ok(PgIndexColumn {
            expression,
            is_expression,
            asc: !desc,
            nulls: Some(
                if k.bool("nullsFirst")? {
                    "first"
                } else {
                    "last"
                }
                .to_string(),
            ),
            opclass: if default_class {
                None
            } else {
                k.opt_str("opclass")?
            },
        })
    })?;
    Ok(PgIndex {
        name: i.str("name")?,
        columns,
        is_unique: i.bool("unique")?,
        where_: i.opt_str("where")?,
        // Not in the catalog once built.
        concurrently: Some(false),
        method: Some(i.str("method")?),
        with: Some(options(i, "options", false)?),
    })
}

/// `reloptions` (`["fillfactor=70"]`) as drizzle-kit's `with` object;
/// keys camelCased where drizzle-orm names them so (views).
fn options(o: &Obj, key: &str, camel: bool) -> Result<Map<String, Json>> {
    let mut map = Map::new();
    let list = match o.get(key)? {
        Json::Null => return Ok(map),
        _ => o.strings(key)?,
    };
    for entry in list {
        let (k, v) = entry.split_once('=').unwrap_or((entry.as_str(), ""));
        let k = if camel {
            pg_types::camel_case(k)
        } else {
            k.to_string()
        };
        map.insert(k, pg_types::option_value(v));
    }
    Ok(map)
}

fn policy(p: &Obj) -> Result<PgPolicy> {
    let for_ = match p.str("command")?.as_str() {
        "r" => "SELECT",
        "a" => "INSERT",
        "w" => "UPDATE",
        "d" => "DELETE",
        _ => "ALL",
    };
    Ok(PgPolicy {
        name: p.str("name")?,
        as_: Some(
            if p.bool("permissive")? {
                "PERMISSIVE"
            } else {
                "RESTRICTIVE"
            }
            .to_string(),
        ),
        for_: Some(for_.to_string()),
        to: Some(p.strings("roles")?),
        using: p.opt_str("using")?,
        with_check: p.opt_str("withCheck")?,
        schema: None,
        on: None,
    })
}

fn view(t: &Obj, schema: String, name: String) -> Result<PgView> {
    let materialized = t.str("kind")? == "m";
    let mut columns = Keyed::default();
    for c in t.list("columns", |c| column(c, &name))? {
        columns.insert(c.name.clone(), c);
    }
    let with = options(t, "options", true)?;
    let definition = t.opt_str("definition")?.map(|d| {
        let d = d.trim();
        d.strip_suffix(';').unwrap_or(d).trim_end().to_string()
    });
    Ok(PgView {
        columns,
        definition,
        name,
        schema,
        is_existing: false,
        with: if with.is_empty() { None } else { Some(with) },
        with_no_data: (materialized && !t.opt_bool("populated")?.unwrap_or(true)).then_some(true),
        materialized,
        tablespace: if materialized {
            t.opt_str("tablespace")?
        } else {
            None
        },
        // `heap` is the default drizzle-kit leaves unwritten.
        using: if materialized {
            t.opt_str("accessMethod")?.filter(|m| m != "heap")
        } else {
            None
        },
    })
}
