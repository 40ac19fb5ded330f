// Memory under a workload that builds new SQL text and new names per query (issue 14, item 6): the
// engine's string table, its wasm copy and the shape cache must stay bounded. Run by soak.test.mjs
// (200,000 queries, part of `./x test js`) and by `./x bench` (2,000,000). Prints one JSON line:
// heap and wasm (Node's `external`, where wasm memory is counted) in MB after warm-up and at the end.
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'mizzle';
import { alias, integer, sqliteTable, text } from 'mizzle/sqlite-core';
import { createDatabase, drizzle } from 'mizzle/sqlite-wasm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const total = Number(process.argv[2] ?? 200_000);
const warmup = Math.min(50_000, Math.floor(total / 4));

const users = sqliteTable('users', { id: integer().primaryKey(), name: text().notNull() });
const client = await createDatabase();
client.exec("create table users (id integer primary key, name text not null); insert into users values (1, 'ann');");
const db = drizzle(client);

const mb = (n) => Math.round((n / 2 ** 20) * 10) / 10;
function measure() {
  gc();
  const m = process.memoryUsage();
  return { heap: mb(m.heapUsed), wasm: mb(m.external) };
}

let checksum = 0;
let after;
const started = performance.now();
for (let i = 0; i < total; i++) {
  if (i === warmup) after = measure();
  // New raw SQL text every time (interned as a string), run on the embedded SQLite.
  checksum += db.get(sql.raw(`select ${i} as n`)).n;
  // A new alias name every fourth query: a new name in the table and a new shape.
  if (i % 4 === 0) {
    const u = alias(users, `u${i}`);
    checksum += db.select({ id: u.id }).from(u).where(sql`${u.name} = ${'ann'}`).all().length;
  }
}
const end = measure();
console.log(
  JSON.stringify({ total, warmup, afterWarmup: after, end, checksum, seconds: (performance.now() - started) / 1e3 }),
);
