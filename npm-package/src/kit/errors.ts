/**
 * What `mizzle-kit` refuses before touching a database: a wrong command line, a config file it cannot
 * find, load or read, or a host mizzle cannot reach from Node (yet). All exit with code 2.
 */
export type KitErrorKind = 'usage' | 'config' | 'unsupported' | 'folder';

export class KitError extends Error {
  override name = 'KitError';
  constructor(
    readonly kind: KitErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
