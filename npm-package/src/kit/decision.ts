/** A decision `mizzle-kit` could not make alone (exit code 3): a rename to confirm. Nothing was written. */
export class KitDecision extends Error {
  override name = 'KitDecision';
}
