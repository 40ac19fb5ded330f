// The part of the generator that only PostgreSQL and MySQL take: operators and statements of pg-core / mysql-core
// that sqlite-core lacks (or that SQLite runs differently). gen.mjs draws from here only for a dialect with
// `has.extras`, before its own draws, so that SQLite's seeds replay as they always did.
import { col, pickValue, where } from './gen.mjs';

/** A where condition of the dialect's own, or undefined for none. */
export function extraWhere(r, schema, t) {
  const pg = schema.dialect.name === 'pg';
  const text = t.cols.filter((c) => ['text', 'vc'].includes(c.kind));
  const arrays = t.cols.filter((c) => c.kind.endsWith('arr'));
  if (pg && arrays.length && r.chance(0.5)) {
    const c = r.pick(arrays);
    const f = r.pick(['arrayContains', 'arrayContained', 'arrayOverlaps']);
    return `ops.${f}(${col(t, c)}, ${pickValue(r, schema, c)})`;
  }
  if (pg && text.length) {
    const c = r.pick(text);
    return `ops.${r.pick(['ilike', 'notIlike'])}(${col(t, c)}, ${r.pick(["'%A%'", "'ß'", "'_'", "'%\\\\%'", "'Ü%'"])})`;
  }
  return undefined;
}

/** A statement of the dialect's own: { code, ordered, mutates }, or undefined for none. */
export function extraStatement(r, schema, t) {
  const pg = schema.dialect.name === 'pg';
  const [p, ...kids] = schema.tables;
  const kind = r.int(0, 3);
  if (kind === 0 && kids.length) {
    // Joins SQLite gained late and MySQL lacks in part: right everywhere, full on pg.
    const kid = r.pick(kids);
    const j = pg ? r.pick(['rightJoin', 'fullJoin']) : 'rightJoin';
    return {
      code:
        `return await db.select().from(t0).${j}(${kid.key}, ops.eq(${kid.key}.ref, t0.id))` +
        `.orderBy(t0.id, ${kid.key}.id);`,
      ordered: true,
    };
  }
  if (kind === 1 && kids.length) {
    // UPDATE ... FROM (pg) / a multi-table UPDATE through a join condition in where (MySQL: a subquery).
    const kid = r.pick(kids);
    const c = r.pick(kid.cols.filter((x) => !x.pk && x.key !== 'ref'));
    if (!c) return undefined;
    const set = `{ ${c.key}: ${pickValue(r, schema, c)} }`;
    if (pg) {
      return {
        code:
          `return await db.update(${kid.key}).set(${set}).from(t0)` +
          `.where(ops.and(ops.eq(${kid.key}.ref, t0.id), ${where(r, schema, p)})).returning();`,
        mutates: kid.key,
      };
    }
    return {
      code:
        `return await db.update(${kid.key}).set(${set})` +
        `.where(ops.inArray(${kid.key}.ref, db.select({ x: t0.id }).from(t0).where(${where(r, schema, p)})));`,
      mutates: kid.key,
    };
  }
  if (kind === 2) {
    // A locking read (one statement: the lock ends with it).
    const lock = pg
      ? r.pick(["'update'", "'share'", "'no key update'", "'key share'"])
      : r.pick(["'update'", "'share'"]);
    return {
      code: `return await db.select().from(${t.key}).where(${where(r, schema, t)}).orderBy(${t.key}.id).for(${lock});`,
      ordered: true,
    };
  }
  // An aggregate over a join with ordering by the aggregate and a limit.
  const c = r.pick(t.cols);
  return {
    code:
      `return await db.select({ k: ${col(t, c)}, n: ops.count() }).from(${t.key}).groupBy(${col(t, c)})` +
      `.orderBy(ops.desc(ops.count()), ${col(t, c)}).limit(${r.int(1, 5)});`,
  };
}
