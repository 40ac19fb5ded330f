//! MariaDB (MySQL protocol) through the `mysql` crate, binary protocol with
//! server-side prepared statements.

use mizzle_core::{DialectKind, Rendered, Value};
use mysql::consts::ColumnType;
use mysql::prelude::Queryable;
use mysql::{Conn, Opts, Params, Value as MyValue};

use crate::cell::Cell;
use crate::db::{namespace, Db};

/// A connection using a private database dropped on close.
pub struct MyDb {
    conn: Conn,
    database: String,
}

impl MyDb {
    /// Connects to 127.0.0.1:3306 as root and creates a private database.
    pub fn open(tag: &str) -> Result<Self, String> {
        let url = std::env::var("MIZZLE_MYSQL_URL")
            .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".into());
        let opts = Opts::from_url(&url).map_err(|e| e.to_string())?;
        let mut conn = Conn::new(opts).map_err(|e| format!("MariaDB at {url}: {e}"))?;
        let database = namespace(tag);
        conn.query_drop(format!(
            "drop database if exists `{database}`; create database `{database}` character set utf8mb4 collate utf8mb4_bin; use `{database}`"
        ))
        .map_err(|e| e.to_string())?;
        Ok(MyDb { conn, database })
    }
}

impl Drop for MyDb {
    fn drop(&mut self) {
        let _ = self.conn.query_drop(format!(
            "rollback; drop database if exists `{}`",
            self.database
        ));
    }
}

fn to_param(v: &Value) -> MyValue {
    match v {
        Value::Null => MyValue::NULL,
        Value::Bool(b) => MyValue::Int((*b).into()),
        Value::Int(i) => MyValue::Int(*i),
        Value::Float(f) => MyValue::Double(*f),
        Value::Text(s) => MyValue::Bytes(s.as_bytes().to_vec()),
        Value::Blob(b) => MyValue::Bytes(b.clone()),
    }
}

fn params(r: &Rendered) -> Result<Params, String> {
    let values = r.values().map_err(|e| e.to_string())?;
    Ok(if values.is_empty() {
        Params::Empty
    } else {
        Params::Positional(values.iter().map(to_param).collect())
    })
}

const BINARY_CHARSET: u16 = 63;

fn cell(v: MyValue, col: &mysql::Column) -> Cell {
    match v {
        MyValue::NULL => Cell::Null,
        MyValue::Int(i) => Cell::Int(i),
        MyValue::UInt(u) => i64::try_from(u)
            .map(Cell::Int)
            .unwrap_or_else(|_| Cell::Text(u.to_string())),
        MyValue::Float(f) => Cell::Float(f.into()),
        MyValue::Double(f) => Cell::Float(f),
        MyValue::Bytes(b) => {
            let decimal = matches!(
                col.column_type(),
                ColumnType::MYSQL_TYPE_NEWDECIMAL | ColumnType::MYSQL_TYPE_DECIMAL
            );
            if col.character_set() == BINARY_CHARSET && !decimal {
                Cell::Bytes(b)
            } else {
                Cell::Text(String::from_utf8_lossy(&b).into_owned())
            }
        }
        MyValue::Date(y, mo, d, h, mi, s, us) => Cell::Text(format!(
            "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}.{us:06}"
        )),
        MyValue::Time(neg, d, h, m, s, us) => Cell::Text(format!(
            "{}{}:{m:02}:{s:02}.{us:06}",
            if neg { "-" } else { "" },
            d * 24 + u32::from(h)
        )),
    }
}

impl Db for MyDb {
    fn kind(&self) -> DialectKind {
        DialectKind::MySql
    }
    fn name(&self) -> &'static str {
        "mariadb"
    }
    fn query(&mut self, r: &Rendered) -> Result<Vec<Vec<Cell>>, String> {
        let params = params(r)?;
        let result = self
            .conn
            .exec_iter(r.sql.as_str(), params)
            .map_err(|e| e.to_string())?;
        let columns = result.columns();
        let columns: Vec<mysql::Column> = columns.as_ref().to_vec();
        let mut out = Vec::new();
        for row in result {
            let row = row.map_err(|e| e.to_string())?;
            let values = row.unwrap();
            out.push(
                values
                    .into_iter()
                    .zip(&columns)
                    .map(|(v, c)| cell(v, c))
                    .collect(),
            );
        }
        Ok(out)
    }
    fn exec(&mut self, r: &Rendered) -> Result<u64, String> {
        let params = params(r)?;
        let result = self
            .conn
            .exec_iter(r.sql.as_str(), params)
            .map_err(|e| e.to_string())?;
        Ok(result.affected_rows())
    }
    fn raw(&mut self, sql: &str) -> Result<(), String> {
        self.conn.query_drop(sql).map_err(|e| e.to_string())
    }
}
