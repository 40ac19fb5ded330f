//! PostgreSQL through the `postgres` crate. Parameters go in text format, as
//! Neon's HTTP protocol sends them, so the server parses each for its type.

use std::error::Error as StdError;

use mizzle_core::{DialectKind, Rendered, Value};
use postgres::types::{FromSql, IsNull, Kind, ToSql, Type};
use postgres::{Client, NoTls};

use crate::cell::Cell;
use crate::db::{namespace, Db};

/// A connection whose `search_path` is a private schema dropped on close.
pub struct PgDb {
    client: Client,
    schema: String,
}

impl PgDb {
    /// Connects to 127.0.0.1:5432/test and creates a private schema.
    pub fn open(tag: &str) -> Result<Self, String> {
        let url = std::env::var("MIZZLE_PG_URL")
            .unwrap_or_else(|_| "host=127.0.0.1 port=5432 user=postgres dbname=test".into());
        let mut client =
            Client::connect(&url, NoTls).map_err(|e| format!("PostgreSQL at {url}: {e}"))?;
        let schema = namespace(tag);
        client
            .batch_execute(&format!(
                "drop schema if exists \"{schema}\" cascade; create schema \"{schema}\"; set search_path to \"{schema}\""
            ))
            .map_err(|e| e.to_string())?;
        Ok(PgDb { client, schema })
    }

    /// The private schema's name.
    pub fn schema(&self) -> &str {
        &self.schema
    }
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let _ = self.client.batch_execute(&format!(
            "rollback; drop schema if exists \"{}\" cascade",
            self.schema
        ));
    }
}

/// A parameter in Postgres text format (or raw bytes for bytea).
#[derive(Debug)]
enum PgParam {
    Null,
    Text(String),
    Bytes(Vec<u8>),
}

impl ToSql for PgParam {
    fn to_sql(
        &self,
        _ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn StdError + Sync + Send>> {
        match self {
            PgParam::Null => return Ok(IsNull::Yes),
            PgParam::Text(s) => out.extend_from_slice(s.as_bytes()),
            PgParam::Bytes(b) => out.extend_from_slice(b),
        }
        Ok(IsNull::No)
    }
    fn accepts(_ty: &Type) -> bool {
        true
    }
    fn encode_format(&self, _ty: &Type) -> postgres::types::Format {
        match self {
            PgParam::Bytes(_) => postgres::types::Format::Binary,
            _ => postgres::types::Format::Text,
        }
    }
    postgres::types::to_sql_checked!();
}

fn to_param(v: &Value) -> PgParam {
    match v {
        Value::Null => PgParam::Null,
        Value::Bool(b) => PgParam::Text(if *b { "true" } else { "false" }.into()),
        Value::Int(i) => PgParam::Text(i.to_string()),
        Value::Float(f) => PgParam::Text(format!("{f:?}")),
        Value::Text(s) => PgParam::Text(s.clone()),
        Value::Blob(b) => PgParam::Bytes(b.clone()),
    }
}

/// Any column value, decoded from the binary format by type.
struct AnyCell(Cell);

impl<'a> FromSql<'a> for AnyCell {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn StdError + Sync + Send>> {
        let be = |n: usize| -> Result<&[u8], Box<dyn StdError + Sync + Send>> {
            raw.get(..n).ok_or_else(|| "short value".into())
        };
        let cell = match *ty {
            Type::BOOL => Cell::Int(i64::from(be(1)?[0] != 0)),
            Type::INT2 => Cell::Int(i16::from_be_bytes(be(2)?.try_into()?).into()),
            Type::INT4 | Type::OID => Cell::Int(i32::from_be_bytes(be(4)?.try_into()?).into()),
            Type::INT8 => Cell::Int(i64::from_be_bytes(be(8)?.try_into()?)),
            Type::FLOAT4 => Cell::Float(f32::from_be_bytes(be(4)?.try_into()?).into()),
            Type::FLOAT8 => Cell::Float(f64::from_be_bytes(be(8)?.try_into()?)),
            Type::NUMERIC => Cell::Text(numeric_text(raw)?),
            Type::BYTEA => Cell::Bytes(raw.to_vec()),
            Type::JSONB => Cell::Text(String::from_utf8(
                raw.get(1..).unwrap_or_default().to_vec(),
            )?),
            Type::UUID => Cell::Text(uuid_text(raw)),
            _ => match String::from_utf8(raw.to_vec()) {
                Ok(s) if is_textual(ty) => Cell::Text(s),
                _ => return Err(format!("test adapter cannot decode type {ty}").into()),
            },
        };
        Ok(AnyCell(cell))
    }
    fn from_sql_null(_ty: &Type) -> Result<Self, Box<dyn StdError + Sync + Send>> {
        Ok(AnyCell(Cell::Null))
    }
    fn accepts(_ty: &Type) -> bool {
        true
    }
}

fn is_textual(ty: &Type) -> bool {
    matches!(
        *ty,
        Type::TEXT
            | Type::VARCHAR
            | Type::BPCHAR
            | Type::NAME
            | Type::UNKNOWN
            | Type::JSON
            | Type::CHAR
    ) || matches!(ty.kind(), Kind::Enum(_))
}

fn uuid_text(raw: &[u8]) -> String {
    let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    if hex.len() != 32 {
        return hex;
    }
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// NUMERIC's binary form (base-10000 digits) as decimal text.
fn numeric_text(raw: &[u8]) -> Result<String, Box<dyn StdError + Sync + Send>> {
    let word = |i: usize| -> Result<i16, Box<dyn StdError + Sync + Send>> {
        Ok(i16::from_be_bytes(
            raw.get(i * 2..i * 2 + 2)
                .ok_or("short numeric")?
                .try_into()?,
        ))
    };
    let (ndigits, weight, sign, dscale) = (
        word(0)? as usize,
        word(1)? as i32,
        word(2)? as u16,
        word(3)? as usize,
    );
    if sign == 0xC000 {
        return Ok("NaN".into());
    }
    let digits: Vec<i16> = (0..ndigits)
        .map(|i| word(4 + i))
        .collect::<Result<_, _>>()?;
    let mut int_part = String::new();
    for pos in 0..=weight.max(0) {
        let d = if pos <= weight {
            digits.get(pos as usize).copied().unwrap_or(0)
        } else {
            0
        };
        if int_part.is_empty() {
            if d != 0 || pos == weight {
                int_part = d.to_string();
            }
        } else {
            int_part.push_str(&format!("{d:04}"));
        }
    }
    if weight < 0 {
        int_part = "0".into();
    }
    let mut frac = String::new();
    let mut idx = weight + 1;
    while frac.len() < dscale {
        let d = if idx >= 0 {
            digits.get(idx as usize).copied().unwrap_or(0)
        } else {
            0
        };
        frac.push_str(&format!("{d:04}"));
        idx += 1;
    }
    frac.truncate(dscale);
    let mut s = if sign == 0x4000 {
        format!("-{int_part}")
    } else {
        int_part
    };
    if dscale > 0 {
        s.push('.');
        s.push_str(&frac);
    }
    Ok(s)
}

/// A server error as `SQLSTATE: message`.
fn pg_err(e: postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{}: {}", db.code().code(), db.message()),
        None => e.to_string(),
    }
}

fn params(r: &Rendered) -> Result<Vec<PgParam>, String> {
    Ok(r.values()
        .map_err(|e| e.to_string())?
        .iter()
        .map(to_param)
        .collect())
}

fn refs(params: &[PgParam]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
}

impl Db for PgDb {
    fn kind(&self) -> DialectKind {
        DialectKind::Postgres
    }
    fn name(&self) -> &'static str {
        "postgresql"
    }
    fn query(&mut self, r: &Rendered) -> Result<Vec<Vec<Cell>>, String> {
        let params = params(r)?;
        let rows = self
            .client
            .query(r.sql.as_str(), &refs(&params))
            .map_err(pg_err)?;
        rows.iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| {
                        row.try_get::<_, AnyCell>(i)
                            .map(|c| c.0)
                            .map_err(|e| format!("column {i}: {e:?}"))
                    })
                    .collect()
            })
            .collect()
    }
    fn exec(&mut self, r: &Rendered) -> Result<u64, String> {
        let params = params(r)?;
        self.client
            .execute(r.sql.as_str(), &refs(&params))
            .map_err(pg_err)
    }
    fn raw(&mut self, sql: &str) -> Result<(), String> {
        self.client.batch_execute(sql).map_err(pg_err)
    }
}
