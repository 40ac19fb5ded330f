//! The only `unsafe` code of the embedded database: small owning wrappers
//! over `sqlite-wasm-rs`' C API. Everything above this file is safe Rust.
//!
//! Why not rusqlite (measured 2026-12-07, issue 12): the embedded `Database`
//! ported to rusqlite 0.41.1 (features `cache` + `ffi-sqlite-wasm-rs`, over the
//! same sqlite-wasm-rs 0.6.2; `prepare_cached` with 64 entries; this file gone,
//! mod.rs 204 lines) passed wasm/tests/embedded.rs and returned the same rows
//! buffer byte for byte, but was both larger and slower. The `embedded` build
//! (wasm-opt -Oz as in wasm/builds.mjs), `_bg.wasm` raw / gzip -9: 911,126 /
//! 431,623 B here, 923,789 / 437,295 B on rusqlite (+5.5 KB gzip: within the
//! 450 KB budget, so size alone does not decide). `Database` calls in Node 20,
//! medians of 41 alternating rounds, both run orders: `query` of 10,000 rows x
//! 6 columns 7.6 ms here vs 8.0 ms (+6-11%); 10,000 `run` inserts binding int,
//! text and blob 16.4-16.9 vs 20.8-22.4 ms (+23-31%); 10,000 one-row `query`s
//! 30-33 vs 34-37 ms (+11%). The costs are rusqlite's API, not the port:
//! `SQLITE_TRANSIENT` copies every text/blob parameter (here: `SQLITE_STATIC`,
//! below), and each cached use hashes the SQL, copies it into a new key,
//! clears the bindings and re-inserts the statement into its LRU.
//!
//! Invariants kept here:
//! - A [`Connection`] owns one `sqlite3*` opened by `sqlite3_open_v2` and
//!   closes it with `sqlite3_close`, which refuses (`SQLITE_BUSY`, the
//!   handle stays open) while any statement is unfinalized, so a
//!   [`Statement`]'s `db` pointer stays valid for the statement's whole life
//!   whatever the drop order. (`sqlite3_close_v2` is not exported by
//!   `sqlite-wasm-rs`.) The owner drops statements first, so nothing leaks.
//! - A [`Statement`] owns one non-null `sqlite3_stmt*` and finalizes it on drop.
//! - Parameters are bound with `SQLITE_STATIC` (no copy) only inside
//!   [`Statement::execute`], which resets the statement and clears the
//!   bindings before it returns, so SQLite never keeps a pointer into the
//!   borrowed parameter buffer after the borrow ends.
//! - Column text/blob slices borrow the [`Active`] statement immutably; every
//!   call that can invalidate them (`step`) takes it mutably.

use core::ffi::{c_char, c_int, CStr};
use core::ptr::{self, NonNull};
use std::ffi::CString;

use sqlite_wasm_rs as sys;

use super::params::Value;

/// A SQLite failure: the (extended) result code and the message.
#[derive(Debug)]
pub(crate) struct SqliteError {
    pub code: c_int,
    pub message: String,
}

impl SqliteError {
    pub fn new(code: c_int, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

pub(crate) type Result<T> = core::result::Result<T, SqliteError>;

/// One column value of the current row, borrowing SQLite's memory.
pub(crate) enum Column<'a> {
    Null,
    Integer(i64),
    Float(f64),
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

/// Non-null, aligned pointer for zero-length text/blob bindings: SQLite
/// binds NULL when handed a null pointer, so an empty string needs a real one.
static EMPTY: [u8; 1] = [0];

/// The `sqlite3*` error state as a [`SqliteError`], for a call that returned `rc`.
///
/// Prefers the extended code when it refines `rc` (API-armor misuse returns a
/// code without touching the connection's error state).
fn error_from(db: NonNull<sys::sqlite3>, rc: c_int) -> SqliteError {
    // SAFETY: `db` is a live connection handle (module invariants); both calls
    // only read its error state. `sqlite3_errmsg` returns a NUL-terminated
    // UTF-8 string owned by SQLite, valid until the next API call on `db`: it
    // is copied before any other call.
    let (ext, message) = unsafe {
        let ext = sys::sqlite3_extended_errcode(db.as_ptr());
        let msg = sys::sqlite3_errmsg(db.as_ptr());
        let message = if msg.is_null() {
            String::new()
        } else {
            CStr::from_ptr(msg).to_string_lossy().into_owned()
        };
        (ext, message)
    };
    let code = if ext & 0xff == rc & 0xff { ext } else { rc };
    let message = if message.is_empty() || message == "not an error" {
        // SAFETY: `sqlite3_errstr` takes any int and returns a static string (or null).
        let s = unsafe { sys::sqlite3_errstr(code) };
        if s.is_null() {
            String::from("unknown error")
        } else {
            // SAFETY: non-null, static, NUL-terminated ASCII.
            unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned()
        }
    } else {
        message
    };
    SqliteError::new(code, message)
}

/// An open SQLite connection.
pub(crate) struct Connection {
    db: NonNull<sys::sqlite3>,
}

impl Connection {
    /// Opens a private in-memory database (`:memory:`: SQLite's own pager
    /// memory, whatever the default VFS; each connection gets its own).
    pub fn open_in_memory() -> Result<Self> {
        let mut db: *mut sys::sqlite3 = ptr::null_mut();
        let flags = sys::SQLITE_OPEN_READWRITE | sys::SQLITE_OPEN_CREATE;
        // SAFETY: the filename is a static NUL-terminated string, `db` is a
        // valid out pointer, a null VFS name selects the default VFS.
        let rc = unsafe { sys::sqlite3_open_v2(c":memory:".as_ptr(), &mut db, flags, ptr::null()) };
        let Some(handle) = NonNull::new(db) else {
            return Err(SqliteError::new(
                if rc == sys::SQLITE_OK {
                    sys::SQLITE_NOMEM
                } else {
                    rc
                },
                "could not open the in-memory database",
            ));
        };
        let conn = Connection { db: handle };
        if rc != sys::SQLITE_OK {
            // `conn` drops here and closes the half-open handle, as SQLite asks.
            return Err(error_from(handle, rc));
        }
        // SAFETY: `db` is a live handle; this only sets a flag.
        unsafe { sys::sqlite3_extended_result_codes(handle.as_ptr(), 1) };
        // Double-quoted strings: `"x"` is a string literal where no column `x`
        // exists, in DDL and DML, as on D1 and Durable Objects (measured in
        // workerd), because real drizzle-kit histories contain `DEFAULT "x"`.
        // sqlite-wasm-rs builds with SQLite's default (on) today; set here so
        // a build flag (SQLITE_DQS=0) cannot change it.
        for op in [sys::SQLITE_DBCONFIG_DQS_DDL, sys::SQLITE_DBCONFIG_DQS_DML] {
            // SAFETY: live handle; these options take an int (1 = on) and an
            // optional `int*` for the new value (null: not wanted).
            let rc = unsafe {
                sys::sqlite3_db_config(handle.as_ptr(), op, 1 as c_int, ptr::null_mut::<c_int>())
            };
            if rc != sys::SQLITE_OK {
                return Err(error_from(handle, rc));
            }
        }
        Ok(conn)
    }

    /// Runs one or more statements (`sqlite3_exec`, no row callback).
    pub fn exec(&self, sql: &str) -> Result<()> {
        let Ok(sql) = CString::new(sql) else {
            return Err(SqliteError::new(
                sys::SQLITE_MISUSE,
                "SQL text contains a NUL character",
            ));
        };
        // SAFETY: live handle, NUL-terminated SQL that outlives the call, no
        // callback (so no user data), null errmsg out pointer (the message is
        // read from the connection instead, nothing to free).
        let rc = unsafe {
            sys::sqlite3_exec(
                self.db.as_ptr(),
                sql.as_ptr(),
                None,
                ptr::null_mut(),
                ptr::null_mut(),
            )
        };
        self.check(rc)
    }

    /// Compiles the first statement of `sql`. Returns the statement (`None`
    /// when `sql` holds only whitespace/comments) and the byte offset where the
    /// unparsed rest (`pzTail`) begins.
    pub fn prepare(&self, sql: &str) -> Result<(Option<Statement>, usize)> {
        if sql.as_bytes().contains(&0) {
            return Err(SqliteError::new(
                sys::SQLITE_MISUSE,
                "SQL text contains a NUL character",
            ));
        }
        let Ok(len) = c_int::try_from(sql.len()) else {
            return Err(SqliteError::new(sys::SQLITE_TOOBIG, "SQL text is too long"));
        };
        let start = sql.as_ptr().cast::<c_char>();
        let mut stmt: *mut sys::sqlite3_stmt = ptr::null_mut();
        let mut tail: *const c_char = ptr::null();
        // SAFETY: live handle; `start..start+len` is the borrowed `sql`
        // (SQLite reads at most `len` bytes and never past them, no NUL is
        // needed when the length is given); `stmt`/`tail` are valid out pointers.
        let rc = unsafe {
            sys::sqlite3_prepare_v3(
                self.db.as_ptr(),
                start,
                len,
                sys::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                &mut tail,
            )
        };
        if rc != sys::SQLITE_OK {
            // SQLite leaves `stmt` null on error.
            return Err(error_from(self.db, rc));
        }
        // `tail` points into `sql` (or is null); compare addresses, no pointer arithmetic.
        let rest = (tail as usize)
            .checked_sub(start as usize)
            .filter(|&off| off <= sql.len())
            .unwrap_or(sql.len());
        let stmt = NonNull::new(stmt).map(|stmt| Statement { stmt, db: self.db });
        Ok((stmt, rest))
    }

    /// Rows changed by the most recent INSERT/UPDATE/DELETE.
    pub fn changes(&self) -> i64 {
        // SAFETY: live handle, read-only accessor.
        unsafe { sys::sqlite3_changes64(self.db.as_ptr()) }
    }

    /// Rows changed since the connection opened (used to tell whether the
    /// last statement changed anything).
    pub fn total_changes(&self) -> i64 {
        // SAFETY: live handle, read-only accessor.
        unsafe { sys::sqlite3_total_changes64(self.db.as_ptr()) }
    }

    /// The rowid of the most recent successful INSERT.
    pub fn last_insert_rowid(&self) -> i64 {
        // SAFETY: live handle, read-only accessor.
        unsafe { sys::sqlite3_last_insert_rowid(self.db.as_ptr()) }
    }

    fn check(&self, rc: c_int) -> Result<()> {
        if rc == sys::SQLITE_OK {
            Ok(())
        } else {
            Err(error_from(self.db, rc))
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        // SAFETY: we own the handle and never use it again. If a statement
        // were still alive, `sqlite3_close` would return SQLITE_BUSY and keep
        // the handle (a leak, never a dangling pointer); the owner finalizes
        // its statements first.
        unsafe { sys::sqlite3_close(self.db.as_ptr()) };
    }
}

/// A prepared statement, finalized on drop.
pub(crate) struct Statement {
    stmt: NonNull<sys::sqlite3_stmt>,
    /// The owning connection (never freed while this exists, see module docs).
    db: NonNull<sys::sqlite3>,
}

impl Statement {
    /// The number of parameters (the largest `?NNN` index).
    pub fn param_count(&self) -> usize {
        // SAFETY: live statement, read-only accessor.
        let n = unsafe { sys::sqlite3_bind_parameter_count(self.stmt.as_ptr()) };
        usize::try_from(n).unwrap_or(0)
    }

    /// Binds `params` (1-based, in order), runs `body` on the bound statement,
    /// then resets it and clears the bindings, whatever happened. The
    /// statement is ready for the next use afterwards.
    pub fn execute<T>(
        &mut self,
        params: &[Value<'_>],
        body: impl FnOnce(&mut Active<'_>) -> Result<T>,
    ) -> Result<T> {
        let result = match self.bind_all(params) {
            Ok(()) => body(&mut Active { stmt: self }),
            Err(e) => Err(e),
        };
        // SAFETY: live statement. `reset` stops the VM and releases its
        // registers; `clear_bindings` then drops every binding, so no pointer
        // into `params` (bound with SQLITE_STATIC) survives this function.
        // `reset` repeats the last step error, already reported by `body`.
        unsafe {
            sys::sqlite3_reset(self.stmt.as_ptr());
            sys::sqlite3_clear_bindings(self.stmt.as_ptr());
        }
        result
    }

    fn bind_all(&mut self, params: &[Value<'_>]) -> Result<()> {
        for (i, value) in params.iter().enumerate() {
            let Some(index) = i.checked_add(1).and_then(|n| c_int::try_from(n).ok()) else {
                return Err(SqliteError::new(sys::SQLITE_RANGE, "too many parameters"));
            };
            let stmt = self.stmt.as_ptr();
            // SAFETY: live statement; text/blob pointers come from slices
            // borrowed for the whole of `execute` (bindings are cleared before
            // it returns, see there), with their exact lengths; SQLITE_STATIC
            // (no destructor) tells SQLite not to copy or free them.
            let rc = unsafe {
                match *value {
                    Value::Null => sys::sqlite3_bind_null(stmt, index),
                    Value::Integer(v) => sys::sqlite3_bind_int64(stmt, index, v),
                    Value::Float(v) => sys::sqlite3_bind_double(stmt, index, v),
                    Value::Text(bytes) => sys::sqlite3_bind_text64(
                        stmt,
                        index,
                        non_null(bytes).cast::<c_char>(),
                        bytes.len() as u64,
                        sys::SQLITE_STATIC(),
                        sys::SQLITE_UTF8 as u8,
                    ),
                    Value::Blob(bytes) => sys::sqlite3_bind_blob64(
                        stmt,
                        index,
                        non_null(bytes).cast(),
                        bytes.len() as u64,
                        sys::SQLITE_STATIC(),
                    ),
                }
            };
            if rc != sys::SQLITE_OK {
                return Err(error_from(self.db, rc));
            }
        }
        Ok(())
    }
}

/// A pointer SQLite will not mistake for "bind NULL".
fn non_null(bytes: &[u8]) -> *const u8 {
    if bytes.is_empty() {
        EMPTY.as_ptr()
    } else {
        bytes.as_ptr()
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        // SAFETY: we own the statement and never use it again; the connection
        // is still allocated (`sqlite3_close` refuses while statements live).
        unsafe { sys::sqlite3_finalize(self.stmt.as_ptr()) };
    }
}

/// A statement with its parameters bound, being stepped.
pub(crate) struct Active<'s> {
    stmt: &'s mut Statement,
}

impl Active<'_> {
    fn raw(&self) -> *mut sys::sqlite3_stmt {
        self.stmt.stmt.as_ptr()
    }

    /// Advances to the next row: `true` when a row is ready, `false` when done.
    pub fn step(&mut self) -> Result<bool> {
        // SAFETY: live statement with valid bindings (see `execute`).
        let rc = unsafe { sys::sqlite3_step(self.raw()) };
        match rc {
            sys::SQLITE_ROW => Ok(true),
            sys::SQLITE_DONE => Ok(false),
            _ => Err(error_from(self.stmt.db, rc)),
        }
    }

    /// The number of result columns.
    pub fn column_count(&self) -> c_int {
        // SAFETY: live statement, read-only accessor.
        unsafe { sys::sqlite3_column_count(self.raw()) }
    }

    /// The name of column `i` as UTF-8 bytes (empty when SQLite has none).
    pub fn column_name(&self, i: c_int) -> &[u8] {
        // SAFETY: live statement; SQLite checks `i` and returns null when out
        // of range or out of memory. The string is owned by the statement and
        // stays valid until it is stepped (needs `&mut self`) or finalized.
        unsafe {
            let p = sys::sqlite3_column_name(self.raw(), i);
            if p.is_null() {
                &[]
            } else {
                CStr::from_ptr(p).to_bytes()
            }
        }
    }

    /// Column `i` of the current row, in its storage class.
    pub fn column(&self, i: c_int) -> Column<'_> {
        let stmt = self.raw();
        // SAFETY: live statement positioned on a row (callers only read after
        // `step` returned `true`; otherwise SQLite returns NULL/0). For text
        // and blob, the pointer is fetched first and `column_bytes` second, as
        // SQLite documents, with no type conversion in between; the memory
        // stays valid until the next step/reset/finalize, all of which need
        // `&mut self` or happen after this borrow ends.
        unsafe {
            match sys::sqlite3_column_type(stmt, i) {
                sys::SQLITE_INTEGER => Column::Integer(sys::sqlite3_column_int64(stmt, i)),
                sys::SQLITE_FLOAT => Column::Float(sys::sqlite3_column_double(stmt, i)),
                sys::SQLITE_TEXT => {
                    let p = sys::sqlite3_column_text(stmt, i);
                    Column::Text(slice(p, sys::sqlite3_column_bytes(stmt, i)))
                }
                sys::SQLITE_BLOB => {
                    let p = sys::sqlite3_column_blob(stmt, i).cast::<u8>();
                    Column::Blob(slice(p, sys::sqlite3_column_bytes(stmt, i)))
                }
                _ => Column::Null,
            }
        }
    }
}

/// A byte slice from SQLite's `(pointer, length)`; empty for null or `len <= 0`.
///
/// # Safety
/// When non-null, `p` must point to `len` readable bytes that outlive `'a`.
unsafe fn slice<'a>(p: *const u8, len: c_int) -> &'a [u8] {
    match usize::try_from(len) {
        Ok(len) if len > 0 && !p.is_null() => {
            // SAFETY: guaranteed by the caller.
            unsafe { core::slice::from_raw_parts(p, len) }
        }
        _ => &[],
    }
}
