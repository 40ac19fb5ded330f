/**
 * drizzle's logger classes (`drizzle-orm/logger`): `DefaultLogger` writing
 * through a `LogWriter` (the console by default), `ConsoleLogWriter` and
 * `NoopLogger`. Any object with `logQuery` is a logger to the drivers; these
 * are what application code passes as `logger` or subclasses.
 *
 * @example
 * drizzle(env.DB, { logger: new DefaultLogger({ writer: { write: (m) => lines.push(m) } }) });
 */
import { DefaultLogger as ConsoleLogger, type Logger } from './driver.js';

export type { Logger };

/** Where `DefaultLogger` writes each line. */
export interface LogWriter {
  write(message: string): void;
}

/** Writes each line with `console.log`. */
export class ConsoleLogWriter implements LogWriter {
  write(message: string): void {
    console.log(message);
  }
}

/**
 * drizzle's line format (`Query: <sql> -- params: [<json>, ...]`) written to
 * `config.writer`, the console by default. A subclass of the console logger
 * the drivers create for `logger: true` (same format), which takes no writer.
 */
export class DefaultLogger extends ConsoleLogger {
  readonly writer: LogWriter;
  constructor(config?: { writer?: LogWriter }) {
    super();
    this.writer = config?.writer ?? new ConsoleLogWriter();
  }

  override logQuery(query: string, params: unknown[]): void {
    const shown = params.map((p) => {
      try {
        return JSON.stringify(p);
      } catch {
        return String(p);
      }
    });
    this.writer.write(`Query: ${query}${shown.length ? ` -- params: [${shown.join(', ')}]` : ''}`);
  }
}

/** Logs nothing. */
export class NoopLogger implements Logger {
  logQuery(): void {}
}
