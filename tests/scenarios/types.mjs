// Scenarios on column types: every sqlite-core column mode and custom types (SQLite), and the typed-values table
// of pg-core and mysql-core (PostgreSQL, MySQL) written, read back and used in where clauses.
// The scenario format is described in index.mjs.
import { byDialect, D, KIND1_MY, KIND1_PG, normalize } from './util.mjs';

export const scenarios = [
  // ---------------------------------------------------------------- column modes
  {
    name: 'integer number mode',
    only: ['sqlite'],
    run: async (db, t, { eq }) => [
      await db.select({ v: t.kinds.intNum }).from(t.kinds).orderBy(t.kinds.id),
      await db.insert(t.kinds).values({ id: 3, intNum: -7 }).returning({ v: t.kinds.intNum }),
      await db.select({ id: t.kinds.id }).from(t.kinds).where(eq(t.kinds.intNum, 42)),
    ],
    check: (r, a) => a.deepEqual(r, [[{ v: 42 }, { v: null }], [{ v: -7 }], [{ id: 1 }]]),
  },
  {
    name: 'integer boolean mode',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.bool }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, bool: false },
          { id: 4, bool: true },
        ])
        .returning({ v: t.kinds.bool }),
      await db.values(sql`select bool from kinds where id >= 3 order by id`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: true }, { v: null }],
        [{ v: false }, { v: true }],
        [[0], [1]],
      ]),
  },
  {
    name: 'integer timestamp mode truncates to seconds',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.ts }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, ts: new Date('2024-05-06T07:08:09.999Z') })
        .returning({ v: t.kinds.ts }),
      await db.values(sql`select ts from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [[{ v: D(1700000000000) }, { v: null }], [{ v: D('2024-05-06T07:08:09.000Z') }], [[1714979289]]]),
  },
  {
    name: 'integer timestamp_ms mode',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.tsMs }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, tsMs: new Date('2024-05-06T07:08:09.999Z') })
        .returning({ v: t.kinds.tsMs }),
      await db.values(sql`select ts_ms from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: D(1700000000123) }, { v: null }],
        [{ v: D('2024-05-06T07:08:09.999Z') }],
        [[1714979289999]],
      ]),
  },
  {
    name: 'text and enum modes',
    only: ['sqlite'],
    run: async (db, t, { eq }) => [
      await db.select({ txt: t.kinds.txt, en: t.kinds.en }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, txt: 'ünïcødé ✓ \'quoted\' "double"', en: 'c' })
        .returning({ txt: t.kinds.txt, en: t.kinds.en }),
      await db.select({ id: t.kinds.id }).from(t.kinds).where(eq(t.kinds.en, 'b')),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { txt: 'hi', en: 'b' },
          { txt: null, en: null },
        ],
        [{ txt: 'ünïcødé ✓ \'quoted\' "double"', en: 'c' }],
        [{ id: 1 }],
      ]),
  },
  {
    name: 'text json mode',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.js }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, js: { a: [1, { b: 'c' }], n: null } },
          { id: 4, js: [1, 2] },
          { id: 5, js: 'str' },
        ])
        .returning({ v: t.kinds.js }),
      await db.values(sql`select js from kinds where id >= 3 order by id`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: { k: [1, 2] } }, { v: null }],
        [{ v: { a: [1, { b: 'c' }], n: null } }, { v: [1, 2] }, { v: 'str' }],
        [['{"a":[1,{"b":"c"}],"n":null}'], ['[1,2]'], ['"str"']],
      ]),
  },
  {
    name: 'real mode',
    only: ['sqlite'],
    run: async (db, t) => [
      await db.select({ v: t.kinds.re }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, re: 0.1 + 0.2 },
          { id: 4, re: -1e300 },
          { id: 5, re: 3 },
        ])
        .returning({ v: t.kinds.re }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: 1.5 }, { v: null }],
        [{ v: 0.30000000000000004 }, { v: -1e300 }, { v: 3 }],
      ]),
  },
  {
    name: 'numeric string mode',
    only: ['sqlite'],
    run: async (db, t) => [
      await db.select({ v: t.kinds.num }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, num: '10' },
          { id: 4, num: '0.125' },
          { id: 5, num: 'abc' },
        ])
        .returning({ v: t.kinds.num }),
    ],
    check: (r, a) => {
      a.deepEqual(r[0], [{ v: '12.5' }, { v: null }]);
      a.deepEqual(
        r[1].map((x) => typeof x.v),
        ['string', 'string', 'string'],
      );
      a.equal(r[1][2].v, 'abc');
    },
  },
  {
    name: 'numeric number mode',
    only: ['sqlite'],
    run: async (db, t) => [
      await db.select({ v: t.kinds.numN }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values([
          { id: 3, numN: 7 },
          { id: 4, numN: 0.5 },
        ])
        .returning({ v: t.kinds.numN }),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: 3.25 }, { v: null }],
        [{ v: 7 }, { v: 0.5 }],
      ]),
  },
  {
    name: 'numeric bigint mode',
    only: ['sqlite'],
    run: async (db, t) => [
      await db.select({ v: t.kinds.numB }).from(t.kinds).orderBy(t.kinds.id),
      await db.insert(t.kinds).values({ id: 3, numB: 9007199254740991n }).returning({ v: t.kinds.numB }),
    ],
    check: (r, a) => a.deepEqual(r, [[{ v: '1234567890123n' }, { v: null }], [{ v: '9007199254740991n' }]]),
  },
  {
    name: 'blob buffer mode',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.blobBuf }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, blobBuf: new Uint8Array([0, 1, 2, 254, 255]) })
        .returning({ v: t.kinds.blobBuf }),
      await db.values(sql`select typeof(blob_buf), hex(blob_buf) from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [[{ v: 'hex:00ff10' }, { v: null }], [{ v: 'hex:000102feff' }], [['blob', '000102FEFF']]]),
  },
  {
    name: 'blob json mode',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.blobJson }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, blobJson: { list: [1, 2], s: 'x' } })
        .returning({ v: t.kinds.blobJson }),
      await db.values(sql`select typeof(blob_json), cast(blob_json as text) from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: { a: 1 } }, { v: null }],
        [{ v: { list: [1, 2], s: 'x' } }],
        [['blob', '{"list":[1,2],"s":"x"}']],
      ]),
  },
  {
    name: 'blob bigint mode',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.select({ v: t.kinds.blobBig }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, blobBig: -123456789012345678901234567890n })
        .returning({ v: t.kinds.blobBig }),
      await db.values(sql`select typeof(blob_big), cast(blob_big as text) from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [{ v: '18446744073709551617n' }, { v: null }],
        [{ v: '-123456789012345678901234567890n' }],
        [['blob', '-123456789012345678901234567890']],
      ]),
  },
  {
    name: 'customType text and integer',
    only: ['sqlite'],
    run: async (db, t, { sql }) => [
      await db.select({ tags: t.kinds.tags, price: t.kinds.price }).from(t.kinds).orderBy(t.kinds.id),
      await db
        .insert(t.kinds)
        .values({ id: 3, tags: ['p', 'q', 'r'], price: 12.34 })
        .returning({ tags: t.kinds.tags, price: t.kinds.price }),
      await db.values(sql`select tags, price from kinds where id = 3`),
    ],
    check: (r, a) =>
      a.deepEqual(r, [
        [
          { tags: ['x', 'y'], price: 19.99 },
          { tags: null, price: null },
        ],
        [{ tags: ['p', 'q', 'r'], price: 12.34 }],
        [['p,q,r', 1234]],
      ]),
  },
  {
    name: 'customType in where',
    only: ['sqlite'],
    run: (db, t, { eq }) => db.select({ id: t.kinds.id }).from(t.kinds).where(eq(t.kinds.price, 19.99)),
    check: (r, a) => a.deepEqual(r, [{ id: 1 }]),
  },
  {
    name: 'all modes full row select',
    only: ['sqlite'],
    run: (db, t) => db.select().from(t.kinds).orderBy(t.kinds.id),
    check: (r, a) => {
      a.equal(r.length, 2);
      a.equal(Object.keys(r[0]).length, 17);
      a.ok(Object.values(r[1]).every((v, i) => i === 0 || v === null || v === 2));
    },
  },
  {
    name: 'update every mode',
    only: ['sqlite'],
    run: (db, t, { eq }) =>
      db
        .update(t.kinds)
        .set({
          intNum: 1,
          bool: false,
          ts: new Date(1600000000000),
          tsMs: new Date(1600000000001),
          txt: 't',
          en: 'a',
          js: { u: 1 },
          re: 2.5,
          num: '3.5',
          numN: 4.5,
          numB: 5n,
          blobBuf: new Uint8Array([9]),
          blobJson: [true],
          blobBig: 6n,
          tags: ['m'],
          price: 1.01,
        })
        .where(eq(t.kinds.id, 2))
        .returning(),
    check: (r, a) =>
      a.deepEqual(r, [
        {
          id: 2,
          intNum: 1,
          bool: false,
          ts: D(1600000000000),
          tsMs: D(1600000000001),
          txt: 't',
          en: 'a',
          js: { u: 1 },
          re: 2.5,
          num: '3.5',
          numN: 4.5,
          numB: '5n',
          blobBuf: 'hex:09',
          blobJson: [true],
          blobBig: '6n',
          tags: ['m'],
          price: 1.01,
        },
      ]),
  },
  // ---------------------------------------------------------------- typed values
  {
    name: 'typed values seeded row',
    only: ['pg', 'mysql'],
    run: (db, t) => db.select().from(t.kinds).orderBy(t.kinds.id),
    check: (r, a, d) => {
      a.deepEqual(r[0], d === 'pg' ? KIND1_PG : KIND1_MY);
      a.ok(Object.entries(r[1]).every(([k, v]) => k === 'id' || k === 'u' || v === null));
    },
  },
  {
    name: 'typed values round trip',
    only: ['pg', 'mysql'],
    run: byDialect({
      pg: async (db, t, { eq, sql }) => {
        const k = t.kinds;
        await db.insert(k).values(PG_WRITE);
        await db.insert(k).values({ id: 4 });
        const [row] = await db.select().from(k).where(eq(k.id, 3));
        const [nulls] = await db.select().from(k).where(eq(k.id, 4));
        const [text] = await db
          .select({
            bigB: sql`${k.bigB}::text`,
            num: sql`${k.num}::text`,
            ts: sql`${k.ts}::text`,
            tsTz: sql`${k.tsTz}::text`,
            d: sql`${k.d}::text`,
            iv: sql`${k.iv}::text`,
            jsb: sql`${k.jsb}::text`,
            ints: sql`${k.ints}::text`,
            txts: sql`${k.txts}::text`,
          })
          .from(k)
          .where(eq(k.id, 3));
        const uuidOk = (u) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u);
        return { row: { ...row, u: uuidOk(row.u) }, nulls: { ...nulls, u: uuidOk(nulls.u) }, text };
      },
      mysql: async (db, t, { eq, sql }) => {
        const k = t.kinds;
        await db.insert(k).values(MY_WRITE);
        await db.insert(k).values({ id: 4 });
        const [row] = await db.select().from(k).where(eq(k.id, 3));
        const [nulls] = await db.select().from(k).where(eq(k.id, 4));
        const [text] = await db
          .select({
            bigB: sql`cast(${k.bigB} as char)`,
            dec: sql`cast(${k.dec} as char)`,
            dt: sql`cast(${k.dt} as char)`,
            dtStr: sql`cast(${k.dtStr} as char)`,
            ts: sql`cast(${k.ts} as char)`,
            d: sql`cast(${k.d} as char)`,
            bin: sql`hex(${k.bin})`,
            vbin: sql`hex(${k.vbin})`,
            bool: sql`cast(${k.bool} as char)`,
          })
          .from(k)
          .where(eq(k.id, 3));
        return { row, nulls, text };
      },
    }),
    check: byDialect({
      pg: (r, a) => {
        a.deepEqual(r.row, { ...normalize(PG_READ), u: true });
        a.deepEqual(r.nulls, { ...Object.fromEntries(Object.keys(PG_READ).map((key) => [key, null])), id: 4, u: true });
        a.deepEqual(r.text, {
          bigB: '9223372036854775807',
          num: '12345678901234567890.1234',
          ts: '2024-02-29 12:34:56.789',
          tsTz: '2024-02-29 12:34:56.789+00',
          d: '2024-02-29',
          iv: '1 day 02:03:04',
          jsb: '{"a": [1, "x", null], "b": {"c": true}}',
          ints: '{1,-2,3}',
          txts: '{a,"b,c","d \\"e",f\'g,"h\\\\i","NULL",""}',
        });
      },
      mysql: (r, a) => {
        a.deepEqual(r.row, normalize(MY_READ));
        a.deepEqual(r.nulls, { ...Object.fromEntries(Object.keys(MY_READ).map((key) => [key, null])), id: 4 });
        a.deepEqual(r.text, {
          bigB: '18446744073709551615',
          dec: '12345678901234567890.1234',
          dt: '2024-02-29 12:34:56.789',
          dtStr: '2024-02-29 12:34:56.123456',
          ts: '2024-02-29 12:34:56.789',
          d: '2024-02-29',
          bin: '61620000',
          vbin: '7A5C7827',
          bool: '1',
        });
      },
    }),
  },
  {
    // drizzle's arrayContains / arrayContained / arrayOverlaps, the values bound through the array column.
    name: 'pg array operators',
    only: ['pg'],
    run: async (db, t, { arrayContains, arrayContained, arrayOverlaps, inArray }) => {
      const k = t.kinds;
      await db.insert(k).values([
        { id: 3, ints: [1, -2, 3] },
        { id: 4, ints: [5] },
      ]);
      const ids = async (cond) => (await db.select({ id: k.id }).from(k).where(cond).orderBy(k.id)).map((r) => r.id);
      const mine = inArray(k.id, [3, 4]);
      return {
        contains: await ids(arrayContains(k.ints, [3, 1])),
        containsNone: await ids(arrayContains(k.ints, [1, 9])),
        contained: await ids(arrayContained(k.ints, [1, -2, 3, 5])),
        overlaps: await ids(arrayOverlaps(k.ints, [9, -2, 5])),
        mine: await ids(mine),
      };
    },
    check: (r, a) => {
      a.deepEqual(r.mine, [3, 4]);
      a.deepEqual(r.contains, [3]);
      a.deepEqual(r.containsNone, []);
      a.ok(r.contained.includes(3) && r.contained.includes(4));
      a.ok(r.overlaps.includes(3) && r.overlaps.includes(4));
    },
  },
  {
    // inet, cidr, macaddr, macaddr8: text both ways, in PostgreSQL's normalised spelling.
    name: 'pg network types',
    only: ['pg'],
    run: async (db, t, { eq, sql }) => {
      const n = t.nets;
      await db
        .insert(n)
        .values({ id: 3, ip: '::1', net: '192.168.100.128/25', mac: '08-00-2B-01-02-0A', mac8: '0800.2b01.0203.0405' });
      const cols = { id: n.id, ip: n.ip, net: n.net, mac: n.mac, mac8: n.mac8 };
      const rows = await db.select(cols).from(n).orderBy(n.id);
      const inNet = await db.select({ id: n.id }).from(n).where(sql`${n.ip} << ${'192.168.0.0/16'}::inet`);
      await db.update(n).set({ ip: '10.1.2.3' }).where(eq(n.id, 2));
      const updated = await db.select({ ip: n.ip }).from(n).where(eq(n.mac, '08:00:2b:01:02:03'));
      const columns = { id: true, ip: true, net: true, mac: true, mac8: true };
      return { rows, inNet, updated, two: await db.query.nets.findFirst({ columns, where: eq(n.id, 2) }) };
    },
    check: (r, a) => {
      a.deepEqual(r.rows[0], {
        id: 1,
        ip: '192.168.1.5/24',
        net: '10.0.0.0/8',
        mac: '08:00:2b:01:02:03',
        mac8: '08:00:2b:01:02:03:04:05',
      });
      a.deepEqual(r.rows[2], {
        id: 3,
        ip: '::1',
        net: '192.168.100.128/25',
        mac: '08:00:2b:01:02:0a',
        mac8: '08:00:2b:01:02:03:04:05',
      });
      a.deepEqual(r.inNet, [{ id: 1 }]);
      a.deepEqual(r.updated, [{ ip: '192.168.1.5/24' }]);
      a.deepEqual(r.two, { id: 2, ip: '10.1.2.3', net: null, mac: null, mac8: null });
    },
  },
  {
    // point and line in drizzle's modes: tuple / xy, tuple / abc; PostgreSQL's text both ways, also inside JSON.
    name: 'pg point and line modes',
    only: ['pg'],
    run: async (db, t, { eq }) => {
      const n = t.nets;
      await db
        .insert(n)
        .values({ id: 3, at: [0.5, -4], atXy: { x: 3, y: 4 }, edge: [2, 3, 4], edgeAbc: { a: 1, b: 0, c: 7 } });
      await db
        .update(n)
        .set({ at: [9, 9] })
        .where(eq(n.id, 1));
      const cols = { id: n.id, at: n.at, atXy: n.atXy, edge: n.edge, edgeAbc: n.edgeAbc };
      const rows = await db.select(cols).from(n).orderBy(n.id);
      const nested = await db.query.nets.findFirst({
        columns: { at: true, atXy: true, edge: true, edgeAbc: true },
        where: eq(n.id, 3),
      });
      return { rows, nested };
    },
    check: (r, a) => {
      a.deepEqual(r.rows, [
        { id: 1, at: [9, 9], atXy: { x: -1.5, y: 2.25 }, edge: [1, -1, 0], edgeAbc: { a: 0, b: 1, c: -3 } },
        { id: 2, at: null, atXy: null, edge: null, edgeAbc: null },
        { id: 3, at: [0.5, -4], atXy: { x: 3, y: 4 }, edge: [2, 3, 4], edgeAbc: { a: 1, b: 0, c: 7 } },
      ]);
      a.deepEqual(r.nested, { at: [0.5, -4], atXy: { x: 3, y: 4 }, edge: [2, 3, 4], edgeAbc: { a: 1, b: 0, c: 7 } });
    },
  },
  {
    name: 'typed values in where and update',
    only: ['pg', 'mysql'],
    run: async (db, t, { eq, and, sql }, d) => {
      const k = t.kinds;
      if (d === 'pg') {
        const hit = await db
          .select({ id: k.id })
          .from(k)
          .where(
            and(
              eq(k.bigB, 1234567890123n),
              eq(k.ts, new Date('2023-11-14T22:13:20.123Z')),
              eq(k.d, new Date('2023-11-14')),
              eq(k.mood, 'ok'),
            ),
          );
        await db
          .update(k)
          .set({ bigB: -5n, ints: [7], txts: ['q r'], mood: 'sad', tsTz: new Date(0), jsb: [1, { a: null }] })
          .where(eq(k.id, 1));
        const [row] = await db
          .select({ bigB: k.bigB, ints: k.ints, txts: k.txts, mood: k.mood, tsTz: k.tsTz, jsb: k.jsb })
          .from(k)
          .where(eq(k.id, 1));
        return { hit, row };
      }
      const hit = await db
        .select({ id: k.id })
        .from(k)
        .where(
          and(
            eq(k.bigB, 1234567890123n),
            eq(k.dt, new Date('2023-11-14T22:13:20.123Z')),
            eq(k.d, new Date('2023-11-14')),
            eq(k.en, 'b'),
          ),
        );
      await db
        .update(k)
        .set({ bigB: 5n, js: [1, { a: null }], en: 'c', dt: new Date(0), bool: false })
        .where(eq(k.id, 1));
      const [row] = await db
        .select({ bigB: k.bigB, js: k.js, en: k.en, dt: k.dt, bool: k.bool, raw: sql`${k.bool} + 0`.mapWith(Number) })
        .from(k)
        .where(eq(k.id, 1));
      return { hit, row };
    },
    check: (r, a, d) => {
      a.deepEqual(r.hit, [{ id: 1 }]);
      a.deepEqual(
        r.row,
        d === 'pg'
          ? { bigB: '-5n', ints: [7], txts: ['q r'], mood: 'sad', tsTz: D(0), jsb: [1, { a: null }] }
          : { bigB: '5n', js: [1, { a: null }], en: 'c', dt: D(0), bool: false, raw: 0 },
      );
    },
  },
];

// What the typed-values scenarios write, and read back (PostgreSQL, MySQL).
const PG_WRITE = {
  id: 3,
  bigN: 9007199254740991,
  bigB: 9223372036854775807n,
  num: '12345678901234567890.1234',
  numN: 0.1,
  ts: new Date('2024-02-29T12:34:56.789Z'),
  tsTz: new Date('2024-02-29T12:34:56.789Z'),
  tsStr: '2024-02-29 12:34:56.789',
  tsTzStr: '2024-02-29 12:34:56.789+00',
  d: new Date('2024-02-29T00:00:00Z'),
  dStr: '2024-02-29',
  tm: '23:59:58',
  iv: '1 day 02:03:04',
  js: { a: [1, 'x', null], b: { c: true } },
  jsb: { a: [1, 'x', null], b: { c: true } },
  ints: [1, -2, 3],
  txts: ['a', 'b,c', 'd "e', "f'g", 'h\\i', 'NULL', ''],
  bool: false,
  mood: 'happy',
  re: -0.5,
  dp: 1e300,
  sm: -32768,
};
const PG_READ = { ...PG_WRITE, u: '<uuid>' };
const MY_WRITE = {
  id: 3,
  bigN: -9007199254740991,
  bigB: 18446744073709551615n,
  dec: '12345678901234567890.1234',
  dt: new Date('2024-02-29T12:34:56.789Z'),
  dtStr: '2024-02-29 12:34:56.123456',
  ts: new Date('2024-02-29T12:34:56.789Z'),
  tsStr: '2024-02-29 12:34:56',
  d: new Date('2024-02-29T00:00:00Z'),
  dStr: '2024-02-29',
  tm: '23:59:58.250',
  js: { a: [1, 'x', null], b: { c: true } },
  bool: true,
  en: 'c',
  bin: 'ab',
  vbin: "z\\x'",
  yr: 2024,
  tiny: 127,
  dbl: 1e300,
};
const MY_READ = { ...MY_WRITE, bin: 'ab\u0000\u0000' };
