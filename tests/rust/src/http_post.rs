//! A blocking HTTP POST on `ureq`: the "any fetch function" a host brings to
//! `mizzle_core::protocol`, for the protocol tests against the stand-ins.
//!
//! Every status is a response (the codecs decide what 4xx/5xx mean), each
//! request has its own connection (no pool: the stand-ins' injected faults
//! cut connections), and a body that ends before its `Content-Length` (or a
//! chunked body without its last chunk) is [`HttpError::Truncated`], which
//! keeps the bytes that did arrive so a test can show the codec refuses them.

use std::fmt;
use std::io::Read;
use std::time::Duration;

use percent_encoding::percent_decode_str;
use ureq::http::Uri;

/// The parts of an `http://[user[:password]@]host[:port][/path]` URL the
/// tests need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// `http://host:port`, without userinfo or path.
    pub origin: String,
    /// Percent-decoded userinfo, when the URL has one.
    pub username: Option<String>,
    pub password: Option<String>,
}

impl Url {
    pub fn parse(url: &str) -> Result<Url, HttpError> {
        let bad = || HttpError::BadUrl(url.into());
        let uri: Uri = url.parse().map_err(|_| bad())?;
        let authority = uri.authority().ok_or_else(bad)?.as_str();
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let decode = |s: &str| {
            percent_decode_str(s)
                .decode_utf8()
                .map(|c| c.into_owned())
                .map_err(|_| bad())
        };
        let (username, password) = match userinfo.map(|u| u.split_once(':').unwrap_or((u, ""))) {
            None => (None, None),
            Some((n, "")) => (Some(decode(n)?), None),
            Some((n, p)) => (Some(decode(n)?), Some(decode(p)?)),
        };
        Ok(Url {
            origin: format!("{}://{hostport}", uri.scheme_str().ok_or_else(bad)?),
            username,
            password,
        })
    }
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
    pub fn text(&self) -> Result<&str, std::str::Utf8Error> {
        std::str::from_utf8(&self.body)
    }
}

/// Why a request produced no complete response.
#[derive(Debug)]
pub enum HttpError {
    BadUrl(String),
    /// No response: a refused connection, a timeout, a bad header value...
    Request(ureq::Error),
    /// The response ended inside its body: `received` holds what came.
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
            HttpError::Request(e) => write!(f, "request failed: {e}"),
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

/// POSTs `body` to `url` with `headers`; `timeout` bounds the whole exchange.
/// Userinfo in the URL is not sent: pass credentials as a header.
pub fn post(
    url: &str,
    headers: &[(&str, String)],
    body: &[u8],
    timeout: Duration,
) -> Result<Response, HttpError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .max_idle_connections(0)
        .build()
        .into();
    let mut request = agent.post(url);
    for (name, value) in headers {
        request = request.header(*name, value.as_str());
    }
    let response = request.send(body).map_err(HttpError::Request)?;
    let status = response.status().as_u16();
    let headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .map(|(n, v)| {
            let v = String::from_utf8_lossy(v.as_bytes()).into_owned();
            (n.as_str().to_string(), v)
        })
        .collect();
    let expected = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok()?.parse().ok());
    // Read by hand rather than `read_to_vec` (10 MB limit, and it drops the
    // partial body on an error).
    let mut reader = response.into_body().into_reader();
    let mut received = Vec::new();
    let mut buf = [0u8; 16384];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => received.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => {
                return Err(HttpError::Truncated {
                    status,
                    expected,
                    received,
                })
            }
        }
    }
    Ok(Response {
        status,
        headers,
        body: received,
    })
}
