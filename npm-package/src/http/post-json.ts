/**
 * One JSON POST for the HTTP drivers (Neon, PlanetScale), with the failures
 * a network and a server can produce turned into typed errors: no answer
 * within `timeoutMs` (`timeout`), an unreachable host, a body cut off
 * mid-way or one that is not JSON (`protocol`). Status codes are left to the
 * caller, which knows what its server means by them.
 */
import { MizzleError } from '../errors.js';

/** What every HTTP driver takes besides its URL. */
export interface HttpOptions {
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Give up after this many milliseconds (default: wait). */
  timeoutMs?: number;
}

/**
 * A parsed answer: its status and JSON body (undefined when the body was
 * empty, or was not JSON on an error status: gateways answer 5xx in text).
 */
export interface JsonAnswer {
  status: number;
  body: unknown;
  /** The body as text, when it was not JSON. */
  text?: string;
}

/** POSTs `body` to `url`; `what` names the server in errors. */
export async function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: HttpOptions,
  what: string,
): Promise<JsonAnswer> {
  const doFetch = options.fetch ?? globalThis.fetch;
  if (typeof doFetch !== 'function') throw new MizzleError('invalid', `${what}: no fetch function (pass { fetch })`);
  const controller = options.timeoutMs !== undefined ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), options.timeoutMs) : undefined;
  try {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
        signal: controller?.signal,
      });
    } catch (cause) {
      throw failure(cause, controller, options, what, 'could not be reached');
    }
    let text: string;
    try {
      text = await res.text();
    } catch (cause) {
      throw failure(cause, controller, options, what, `cut its answer off (HTTP ${res.status})`);
    }
    if (text === '') return { status: res.status, body: undefined };
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch (cause) {
      // An error status keeps its meaning whatever the body: the caller reports the status.
      if (res.status !== 200) return { status: res.status, body: undefined, text };
      throw new MizzleError(
        'protocol',
        `${what} answered HTTP 200 with a body that is not JSON: ${text.slice(0, 200)}`,
        { cause },
      );
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function failure(
  cause: unknown,
  controller: AbortController | undefined,
  options: HttpOptions,
  what: string,
  happened: string,
): MizzleError {
  if (controller?.signal.aborted)
    return new MizzleError('timeout', `${what} gave no answer within ${options.timeoutMs} ms`, { cause });
  const msg = cause instanceof Error ? cause.message : String(cause);
  return new MizzleError('protocol', `${what} ${happened}: ${msg}`, { cause });
}
