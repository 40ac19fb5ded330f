// Errors as plain objects (classes do not survive RPC or JSON), with the fields the tests check.

/** `{ ok: true, result }` or `{ ok: false, error }` of a synchronous call. */
export function outcome(f) {
  try {
    return { ok: true, result: f() };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}

/** The same for an asynchronous call. */
export async function attempt(f) {
  try {
    return { ok: true, result: await f() };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}

export function describeError(e) {
  return {
    name: e?.name,
    kind: e?.kind,
    message: String(e?.message ?? e),
    migration: e?.migration,
    statement: e?.statement,
    applied: e?.applied,
    cause: e?.cause ? String(e.cause.message ?? e.cause) : undefined,
  };
}
