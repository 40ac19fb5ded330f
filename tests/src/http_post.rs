//! A minimal blocking HTTP/1.1 client (POST only) over `std::net::TcpStream`:
//! the "any fetch function" a host brings to `mizzle_core::protocol`.
//!
//! One request per connection (`Connection: close`). Responses are read by
//! `Content-Length`, `Transfer-Encoding: chunked`, or to the end of the
//! stream; every read and write has a timeout, so a silent server is an
//! error, never a hang. A body that ends before its declared length (or a
//! chunked body without its last chunk) is [`HttpError::Truncated`], which
//! keeps the bytes that did arrive.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// An `http://` URL split into what a request needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub host: String,
    pub port: u16,
    /// Path and query, at least `/`.
    pub path: String,
    /// Percent-decoded userinfo, when the URL has one.
    pub username: Option<String>,
    pub password: Option<String>,
}

impl Url {
    /// Parses `http://[user[:password]@]host[:port][/path]`.
    pub fn parse(url: &str) -> Result<Url, HttpError> {
        let bad = |why: &str| HttpError::BadUrl(format!("{url}: {why}"));
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| bad("only http:// is supported"))?;
        let (authority, path) = match rest.find(['/', '?']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let path = if path.starts_with('?') {
            format!("/{path}")
        } else {
            path.to_string()
        };
        let (userinfo, hostport) = match authority.rfind('@') {
            Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
            None => (None, authority),
        };
        let (username, password) = match userinfo {
            None => (None, None),
            Some(u) => match u.split_once(':') {
                Some((n, p)) => (Some(percent_decode(n)?), Some(percent_decode(p)?)),
                None => (Some(percent_decode(u)?), None),
            },
        };
        let port_of = |p: &str| p.parse::<u16>().map_err(|_| bad("bad port"));
        let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
            let (h, after) = v6.split_once(']').ok_or_else(|| bad("unclosed ["))?;
            match after {
                "" => (h, 80),
                _ => (
                    h,
                    port_of(after.strip_prefix(':').ok_or_else(|| bad("bad port"))?)?,
                ),
            }
        } else {
            match hostport.rsplit_once(':') {
                Some((h, p)) => (h, port_of(p)?),
                None => (hostport, 80),
            }
        };
        if host.is_empty() {
            return Err(bad("no host"));
        }
        Ok(Url {
            host: host.into(),
            port,
            path,
            username,
            password,
        })
    }

    /// `host:port` as the `Host` header writes it (IPv6 in brackets).
    pub fn authority(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// `http://host:port`, without userinfo or path.
    pub fn origin(&self) -> String {
        format!("http://{}", self.authority())
    }
}

fn percent_decode(s: &str) -> Result<String, HttpError> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| HttpError::BadUrl(format!("bad percent escape in {s:?}")))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| HttpError::BadUrl(format!("{s:?} is not UTF-8")))
}

/// A complete response.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Header names lowercased, in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as UTF-8 (what the protocol parsers take).
    pub fn text(&self) -> Result<&str, HttpError> {
        std::str::from_utf8(&self.body).map_err(|_| HttpError::BadResponse("body is not UTF-8"))
    }
}

/// Why a request produced no complete response.
#[derive(Debug)]
pub enum HttpError {
    BadUrl(String),
    /// A header name or value that would split the request.
    BadHeader(String),
    /// Connecting, writing or reading failed.
    Io(io::Error),
    /// No answer within the timeout.
    Timeout,
    /// The server's bytes are not an HTTP/1.x response.
    BadResponse(&'static str),
    /// The connection ended inside the body: `received` holds what came.
    Truncated {
        status: u16,
        expected: Option<usize>,
        received: Vec<u8>,
    },
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::BadUrl(u) => write!(f, "bad URL {u}"),
            HttpError::BadHeader(h) => write!(f, "bad header {h:?}"),
            HttpError::Io(e) => write!(f, "I/O error: {e}"),
            HttpError::Timeout => write!(f, "timed out"),
            HttpError::BadResponse(why) => write!(f, "bad HTTP response: {why}"),
            HttpError::Truncated {
                status,
                expected,
                received,
            } => write!(
                f,
                "HTTP {status} body cut off after {} bytes (expected {})",
                received.len(),
                expected.map_or("more (chunked)".to_string(), |n| n.to_string())
            ),
        }
    }
}

impl std::error::Error for HttpError {}

fn io_err(e: io::Error) -> HttpError {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => HttpError::Timeout,
        _ => HttpError::Io(e),
    }
}

/// Whether a read error means the peer went away (so the body is cut off).
fn is_disconnect(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::UnexpectedEof
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
    )
}

/// POSTs `body` to `url` with `headers` (plus `Host`, `Content-Length` and
/// `Connection: close`). Userinfo in the URL is ignored: pass credentials
/// as a header. `timeout` bounds connecting and each read and write.
pub fn post(
    url: &str,
    headers: &[(&str, String)],
    body: &[u8],
    timeout: Duration,
) -> Result<Response, HttpError> {
    let u = Url::parse(url)?;
    let mut head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        u.path,
        u.authority(),
        body.len()
    );
    for (name, value) in headers {
        let splits = |s: &str| s.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0));
        if name.is_empty() || splits(name) || name.contains(':') || splits(value) {
            return Err(HttpError::BadHeader(format!("{name}: {value}")));
        }
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");

    let addrs = (u.host.as_str(), u.port)
        .to_socket_addrs()
        .map_err(HttpError::Io)?;
    let mut last = None;
    let mut stream = None;
    for a in addrs {
        match TcpStream::connect_timeout(&a, timeout) {
            Ok(s) => {
                stream = Some(s);
                break;
            }
            Err(e) => last = Some(e),
        }
    }
    let mut stream = match stream {
        Some(s) => s,
        None => {
            return Err(io_err(last.unwrap_or_else(|| {
                io::Error::new(io::ErrorKind::NotFound, "no address")
            })))
        }
    };
    stream
        .set_read_timeout(Some(timeout))
        .map_err(HttpError::Io)?;
    stream
        .set_write_timeout(Some(timeout))
        .map_err(HttpError::Io)?;
    let _ = stream.set_nodelay(true);

    // A server may answer (413, an injected fault) before reading the whole
    // body and close: then the answer counts, not the failed write.
    let written = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body))
        .and_then(|()| stream.flush());
    let response = read_response(BufReader::new(&stream));
    match (written, response) {
        (_, Ok(r)) => Ok(r),
        (Err(w), Err(_)) => Err(io_err(w)),
        (Ok(()), Err(e)) => Err(e),
    }
}

/// One CRLF-terminated line, without the terminator; at most 64 KiB.
fn read_line(r: &mut impl BufRead) -> Result<Option<String>, io::Error> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(65536).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "line without an end",
        ));
    }
    buf.pop();
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "header is not UTF-8"))
}

/// Reads one response from `r` (public so the chunked and truncated paths
/// can be checked on canned bytes).
pub fn read_response(mut r: impl BufRead) -> Result<Response, HttpError> {
    let status_line = read_line(&mut r)
        .map_err(io_err)?
        .ok_or(HttpError::BadResponse(
            "connection closed before a status line",
        ))?;
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/1.") {
        return Err(HttpError::BadResponse("not an HTTP/1.x status line"));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .filter(|s| (100..=999).contains(s))
        .ok_or(HttpError::BadResponse("bad status code"))?;

    let mut headers = Vec::new();
    loop {
        let line = read_line(&mut r)
            .map_err(io_err)?
            .ok_or(HttpError::BadResponse(
                "connection closed inside the headers",
            ))?;
        if line.is_empty() {
            break;
        }
        let (name, value) = line
            .split_once(':')
            .ok_or(HttpError::BadResponse("header line without a colon"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        if headers.len() > 200 {
            return Err(HttpError::BadResponse("too many headers"));
        }
    }
    if (100..200).contains(&status) {
        // An interim response: the real one follows.
        return read_response(r);
    }
    let find = |n: &str| {
        headers
            .iter()
            .find(|(h, _)| h == n)
            .map(|(_, v)| v.as_str())
    };
    let chunked = find("transfer-encoding").is_some_and(|te| {
        te.rsplit(',')
            .next()
            .is_some_and(|last| last.trim().eq_ignore_ascii_case("chunked"))
    });
    let body = if status == 204 || status == 304 {
        Vec::new()
    } else if chunked {
        read_chunked(&mut r, status)?
    } else if let Some(len) = find("content-length") {
        let len: usize = len
            .parse()
            .map_err(|_| HttpError::BadResponse("bad Content-Length"))?;
        read_exact_len(&mut r, status, len)?
    } else {
        let mut body = Vec::new();
        r.read_to_end(&mut body).map_err(io_err)?;
        body
    };
    Ok(Response {
        status,
        headers,
        body,
    })
}

fn read_exact_len(r: &mut impl Read, status: u16, len: usize) -> Result<Vec<u8>, HttpError> {
    let mut body = Vec::with_capacity(len.min(1 << 24));
    let mut buf = [0u8; 16384];
    while body.len() < len {
        let want = buf.len().min(len - body.len());
        match r.read(&mut buf[..want]) {
            Ok(0) => {
                return Err(HttpError::Truncated {
                    status,
                    expected: Some(len),
                    received: body,
                })
            }
            Ok(n) => body.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if is_disconnect(&e) => {
                return Err(HttpError::Truncated {
                    status,
                    expected: Some(len),
                    received: body,
                })
            }
            Err(e) => return Err(io_err(e)),
        }
    }
    Ok(body)
}

fn read_chunked(r: &mut impl BufRead, status: u16) -> Result<Vec<u8>, HttpError> {
    let mut body = Vec::new();
    loop {
        let line = match read_line(r) {
            Ok(Some(l)) => l,
            Ok(None) => return Err(truncated_chunked(status, body)),
            Err(e) if is_disconnect(&e) => return Err(truncated_chunked(status, body)),
            Err(e) => return Err(io_err(e)),
        };
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| HttpError::BadResponse("bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the empty line (a missing one is tolerated).
            while let Ok(Some(t)) = read_line(r) {
                if t.is_empty() {
                    break;
                }
            }
            return Ok(body);
        }
        let chunk = match read_exact_len(r, status, size) {
            Ok(c) => c,
            Err(HttpError::Truncated { received, .. }) => {
                body.extend_from_slice(&received);
                return Err(truncated_chunked(status, body));
            }
            Err(e) => return Err(e),
        };
        body.extend_from_slice(&chunk);
        match read_line(r) {
            Ok(Some(l)) if l.is_empty() => {}
            Ok(Some(_)) => return Err(HttpError::BadResponse("chunk without its CRLF")),
            Ok(None) => return Err(truncated_chunked(status, body)),
            Err(e) if is_disconnect(&e) => return Err(truncated_chunked(status, body)),
            Err(e) => return Err(io_err(e)),
        }
    }
}

fn truncated_chunked(status: u16, received: Vec<u8>) -> HttpError {
    HttpError::Truncated {
        status,
        expected: None,
        received,
    }
}
