/**
 * drizzle-kit's view of mizzle's SQL fragments (see kit-compat.ts): `SQL.prototype.toQuery`, written as
 * drizzle-orm 0.45 writes the same fragment (drizzle-spelling.ts), and {@link kitUnreadable}, which names
 * what drizzle-kit cannot read the same way from mizzle. Node-only: scripts/bundle.mjs imports this module into every
 * group of `bundle/node/` (drizzle-kit loads a schema in Node), and `mizzle/kit` exports `kitUnreadable`;
 * the Worker and browser bundles never include it (about 0.9 KB gzip of a D1 worker).
 */
import { drizzleQuery, isObject, type KitQueryConfig, type Out } from './drizzle-spelling.js';
import { entityKind, TableColumns, TableName } from './kit-compat.js';
import { SQL } from './sql.js';

// Installed here, not in sql.ts, so that the fragment class stays free of drizzle-kit's concerns.
Object.defineProperty(SQL, entityKind, { value: 'SQL' });
Object.defineProperty(SQL.prototype, 'toQuery', {
  value(this: SQL, config: KitQueryConfig): Out {
    return drizzleQuery(this, config);
  },
  writable: true,
  configurable: true,
});

/**
 * What drizzle-kit cannot read from a mizzle schema the way it reads the same drizzle-orm schema, one
 * message per feature found in `schema` (a schema module's exports): views declared with a query builder
 * (drizzle-kit renders the body with drizzle-orm's own select builder), and SQL in defaults, generated
 * columns, checks, indexes or view bodies that holds a subquery, `exists` or an aggregate. Empty when
 * `drizzle-kit generate` writes for `schema` exactly what it writes with drizzle-orm imports; a tool that
 * runs drizzle-kit on a mizzle schema should refuse otherwise.
 *
 * @example
 * const problems = kitUnreadable(await import('./schema.ts'));
 * if (problems.length) throw new Error(problems.join('\n'));
 */
export function kitUnreadable(schema: Record<string, unknown>): string[] {
  const out: string[] = [];
  // By kind, not instanceof: the schema's mizzle may be another copy than this module's (a CLI's own build).
  const isSQL = (x: unknown) => isObject(x) && (x.constructor as { [entityKind]?: string })[entityKind] === 'SQL';
  const check = (where: string, s: unknown) => {
    if (typeof s === 'function') s = s();
    if (!isSQL(s)) return;
    try {
      (s as { toQuery(c: KitQueryConfig): Out }).toQuery({
        escapeName: (n) => n,
        escapeParam: () => '?',
        escapeString: (v) => v,
        casing: { getColumnCasing: (c) => (c as { name: string }).name },
      });
    } catch (e) {
      out.push(`${where}: ${(e as Error).message}`);
    }
  };
  for (const [key, value] of Object.entries(schema)) {
    if (!isObject(value)) continue;
    const view = (value as Record<symbol, { name: string; query: unknown; isExisting: boolean } | undefined>)[
      Symbol.for('drizzle:ViewBaseConfig')
    ];
    if (view !== undefined) {
      if (!view.isExisting && !isSQL(view.query)) {
        out.push(
          `view ${view.name} (${key}): declared with a query builder; declare its columns and write .as(sql\`...\`)`,
        );
      } else check(`view ${view.name}`, view.query);
      continue;
    }
    const t = value as Record<symbol, unknown>;
    const columns = t[TableColumns] as Record<string, { name: string; default: unknown; generated?: { as: unknown } }>;
    if (t[TableName] === undefined || columns === undefined) continue;
    const where = `table ${t[TableName] as string}`;
    for (const c of Object.values(columns)) {
      check(`${where}, column ${c.name} default`, c.default);
      check(`${where}, column ${c.name} generated`, c.generated?.as);
    }
    const extra = t[Symbol.for('drizzle:ExtraConfigBuilder')] as ((cols: unknown) => unknown) | undefined;
    if (extra === undefined) continue;
    const made = extra(t[Symbol.for('drizzle:ExtraConfigColumns')]);
    for (const b of (Array.isArray(made) ? made.flat(1) : Object.values(made as object)) as { build?: Function }[]) {
      const built = b?.build?.(value) as { config?: { columns: unknown[]; where?: unknown }; value?: unknown };
      for (const x of built?.config?.columns ?? []) check(`${where}, index`, x);
      check(`${where}, index where`, built?.config?.where);
      check(`${where}, check`, built?.value);
    }
  }
  return out;
}
