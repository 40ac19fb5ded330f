/** Runners of ./steps.ts: one for synchronous hosts (Durable Objects), one for the others. */
import { fromEngineError, MizzleError } from '../errors.js';
import type { Step } from './steps.js';

/** How a synchronous host runs each kind of step. */
export interface SyncHost {
  rows(sql: string): Record<string, unknown>[];
  run(sql: string): void;
  atomic(statements: string[]): void;
}

/** How an asynchronous host runs each kind of step. */
export interface AsyncHost {
  rows(sql: string): PromiseLike<Record<string, unknown>[]>;
  run(sql: string): PromiseLike<unknown>;
  atomic(statements: string[]): PromiseLike<unknown>;
}

type Next<R> = IteratorResult<Step, R>;

/** Runs a generator of steps (a migration run, a push) on a synchronous host. */
export function runSync<R>(steps: Generator<Step, R, unknown>, host: SyncHost): R {
  let next = advance(() => steps.next());
  while (!next.done) {
    const step = next.value;
    let answer: unknown;
    try {
      answer =
        step.op === 'rows'
          ? host.rows(step.sql)
          : step.op === 'run'
            ? host.run(step.sql)
            : host.atomic(step.statements);
    } catch (e) {
      next = advance(() => steps.throw(e));
      continue;
    }
    next = advance(() => steps.next(answer));
  }
  return next.value;
}

/** Runs a generator of steps on an asynchronous host. */
export async function runAsync<R>(steps: Generator<Step, R, unknown>, host: AsyncHost): Promise<R> {
  let next = advance(() => steps.next());
  while (!next.done) {
    const step = next.value;
    let answer: unknown;
    try {
      answer = await (step.op === 'rows'
        ? host.rows(step.sql)
        : step.op === 'run'
          ? host.run(step.sql)
          : host.atomic(step.statements));
    } catch (e) {
      next = advance(() => steps.throw(e));
      continue;
    }
    next = advance(() => steps.next(answer));
  }
  return next.value;
}

/** Advances the generator; the engine's plain wasm errors (folder, history) become typed ones. */
function advance<R>(f: () => Next<R>): Next<R> {
  try {
    return f();
  } catch (e) {
    throw e instanceof MizzleError ? e : fromEngineError(e);
  }
}
