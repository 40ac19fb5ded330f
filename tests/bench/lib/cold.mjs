// One cold sample, run in a fresh `node` process by run.mjs: the time from this module's
// first line to the first query's SQL, split into importing the ORM (root, sqlite-core and
// the D1 driver) and the first `drizzle()` + table + build + toSQL (for mizzle this
// includes reading, compiling and instantiating the engine wasm). Node's own start-up is
// not included. Prints one JSON line.
const t0 = process.hrtime.bigint();
const pkg = process.argv[2];
const [root, core, d1] = await Promise.all([import(pkg), import(`${pkg}/sqlite-core`), import(`${pkg}/d1`)]);
const t1 = process.hrtime.bigint();
const { sqliteTable, integer, text } = core;
const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
});
const stub = {
  prepare() {
    throw new Error('bench: the stub D1 binding executes nothing');
  },
  batch() {
    throw new Error('bench: the stub D1 binding executes nothing');
  },
};
const tTable = process.hrtime.bigint();
const db = d1.drizzle(stub);
const tDb = process.hrtime.bigint();
const q = db.select().from(users).where(root.eq(users.id, 1)).toSQL();
const t2 = process.hrtime.bigint();
// firstNs = table + drizzle() + query; inside it: tableNs, drizzleNs (the `drizzle()` call), queryNs
// (build + toSQL of the first query: for mizzle, where the engine wasm is read, compiled and
// instantiated unless drizzle() did it).
process.stdout.write(
  `${JSON.stringify({
    importNs: Number(t1 - t0),
    firstNs: Number(t2 - t1),
    tableNs: Number(tTable - t1),
    drizzleNs: Number(tDb - tTable),
    queryNs: Number(t2 - tDb),
    totalNs: Number(t2 - t0),
    sql: q.sql,
    params: q.params,
  })}\n`,
);
