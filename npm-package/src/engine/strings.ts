/**
 * The interned-string table shared with one wasm instance: ids are assigned
 * in order and new strings are sent to wasm once, before the next compile.
 */
import { MizzleError } from '../errors.js';

/** Interned strings of one engine instance. */
export class Strings {
  private readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  private pending: string[] = [];
  /** Characters interned so far (what the engine bounds). */
  chars = 0;

  /** The id of `s`, interning it if new. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      // Checked on a miss only: every string ever interned was checked once.
      if (typeof s !== 'string') {
        throw new MizzleError('invalid', `a name or SQL text must be a string, got ${typeof s}`);
      }
      if (s.includes('\0')) {
        throw new MizzleError('bad_name', `a name or SQL text contains a NUL character: ${JSON.stringify(s)}`);
      }
      id = this.list.length;
      this.ids.set(s, id);
      this.list.push(s);
      this.pending.push(s);
      this.chars += s.length;
    }
    return id;
  }

  /** Sends strings wasm has not seen yet. */
  flush(intern: (joined: string) => void): void {
    if (this.pending.length > 0) {
      intern(this.pending.join('\0'));
      this.pending = [];
    }
  }
}
