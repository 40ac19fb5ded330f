/** Runners of ./steps.ts: one for synchronous hosts (Durable Objects), one for the others. */
import { fromEngineError, MizzleError } from '../errors.js';
import type { MigrationResult } from './config.js';
import type { Step, Steps } from './steps.js';

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

type Next = IteratorResult<Step, MigrationResult>;

export function runSync(steps: Steps, host: SyncHost): MigrationResult {
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

export async function runAsync(steps: Steps, host: AsyncHost): Promise<MigrationResult> {
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
function advance(f: () => Next): Next {
  try {
    return f();
  } catch (e) {
    throw e instanceof MizzleError ? e : fromEngineError(e);
  }
}
