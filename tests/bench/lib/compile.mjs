// The compile matrix (BENCHMARKS.md, "Compile: ten query shapes"): build + SQL for ten shapes,
// each first time (never-seen shape) and repeated, plain (`.toSQL()`) and prepared
// (`.prepare()` then `.execute(placeholder values)` against a stub D1 binding that returns
// no rows, the same stub for both ORMs). Every shape is source text, compiled per ORM with
// `new Function` (as in orms.mjs) so the label is what runs.
//
// Never-seen shapes: a "set" k is three fresh tables users_k, posts_k, comments_k (same
// columns). The measured shape over set k has never been compiled; its names are interned
// beforehand (untimed) by compiling an unrelated one-table select per table, so, like (b),
// a first-time figure is a new shape over known names.

/** D1 stub that executes nothing and returns no rows, for `.prepare().execute()`. */
export function emptyD1() {
  const meta = { changes: 0, last_row_id: 0, duration: 0, rows_read: 0, rows_written: 0 };
  const stmt = {
    bind() {
      return stmt;
    },
    all: async () => ({ results: [], success: true, meta }),
    raw: async () => [],
    run: async () => ({ results: [], success: true, meta }),
    first: async () => null,
  };
  return {
    prepare: () => stmt,
    batch: async (list) => list.map(() => ({ results: [], success: true, meta })),
    exec: async () => ({ count: 0, duration: 0 }),
  };
}

/** Schema set `k` for one ORM (root `o`, core `c`): `{ users, posts, comments, relations }`. */
export function schemaSet(o, k) {
  const { sqliteTable, integer, text } = o.core;
  const users = sqliteTable(`users_${k}`, {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email'),
    age: integer('age'),
  });
  const posts = sqliteTable(`posts_${k}`, {
    id: integer('id').primaryKey(),
    authorId: integer('author_id').notNull(),
    title: text('title').notNull(),
    views: integer('views'),
  });
  const comments = sqliteTable(`comments_${k}`, {
    id: integer('id').primaryKey(),
    postId: integer('post_id').notNull(),
    body: text('body'),
  });
  const { relations } = o.root;
  const schema = {
    users,
    posts,
    comments,
    usersRelations: relations(users, ({ many }) => ({ posts: many(posts) })),
    postsRelations: relations(posts, ({ one, many }) => ({
      author: one(users, { fields: [posts.authorId], references: [users.id] }),
      comments: many(comments),
    })),
    commentsRelations: relations(comments, ({ one }) => ({
      post: one(posts, { fields: [comments.postId], references: [posts.id] }),
    })),
  };
  return schema;
}

/**
 * The shapes. `t` = schema set, `o` = operators, `v(name, value)` = the value (plain) or
 * `sql.placeholder(name)` (prepared). `pv` = the placeholder values of one execution.
 * `relational: true` shapes use `db.query.*` (each ORM plans its own SQL: no SQL check).
 */
// biome-ignore-start lint/suspicious/noTemplateCurlyInString: source text; `${i}` is for new Function
const IDS = 'Array.from({ length: 10 }, (_, i) => v(`id${i}`, i + 1))';
const ROWS =
  'Array.from({ length: 100 }, (_, i) => ' +
  '({ name: v(`name${i}`, `user ${i}`), email: v(`email${i}`, `u${i}@x.test`), age: v(`age${i}`, 20 + (i % 50)) }))';
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: end of IDS and ROWS
export const SHAPES = [
  { key: 'selectById', label: 'select by id', text: 'db.select().from(t.users).where(o.eq(t.users.id, v("id", 1)))' },
  {
    key: 'join3',
    label: '3-table join, and(eq, gt, like, inArray of 10), group by, order by, limit/offset',
    text:
      'db.select({ name: t.users.name, title: t.posts.title, n: o.count(t.comments.id) }).from(t.users)' +
      '.innerJoin(t.posts, o.eq(t.posts.authorId, t.users.id))' +
      '.leftJoin(t.comments, o.eq(t.comments.postId, t.posts.id))' +
      '.where(o.and(o.eq(t.users.email, v("email", "a@x.test")), o.gt(t.posts.views, v("views", 10)), ' +
      `o.like(t.posts.title, v("title", "%orm%")), o.inArray(t.posts.id, ${IDS})))` +
      '.groupBy(t.users.name, t.posts.title).orderBy(o.desc(t.posts.title))' +
      '.limit(v("limit", 20)).offset(v("offset", 40))',
  },
  {
    key: 'insert1',
    label: 'insert 1 row',
    text: 'db.insert(t.users).values({ name: v("name", "ann"), email: v("email", "a@x.test"), age: v("age", 30) })',
  },
  { key: 'insert100', label: 'insert 100 rows', text: `db.insert(t.users).values(${ROWS})` },
  {
    key: 'update',
    label: 'update',
    text: 'db.update(t.users).set({ name: v("name", "bob"), age: v("age", 31) }).where(o.eq(t.users.id, v("id", 1)))',
  },
  { key: 'delete', label: 'delete', text: 'db.delete(t.users).where(o.eq(t.users.id, v("id", 1)))' },
  {
    key: 'upsert',
    label: 'upsert (onConflictDoUpdate)',
    text:
      'db.insert(t.users).values({ id: v("id", 1), name: v("name", "ann") })' +
      '.onConflictDoUpdate({ target: t.users.id, set: { name: v("name2", "ann2") } })',
  },
  {
    key: 'cte',
    label: 'CTE ($with / with)',
    text:
      '((sq) => db.with(sq).select().from(sq).where(o.like(sq.name, v("name", "a%"))))' +
      '(db.$with("sq").as(db.select({ id: t.users.id, name: t.users.name }).from(t.users)' +
      '.where(o.gt(t.users.age, v("age", 18)))))',
  },
  {
    key: 'findManyPosts',
    label: 'findMany with posts',
    relational: true,
    text: 'db.query.users.findMany({ with: { posts: true } })',
  },
  {
    key: 'findFirstAuthorComments',
    label: 'findFirst with author and comments',
    relational: true,
    text:
      'db.query.posts.findFirst({ where: (p, { eq }) => eq(p.id, v("id", 1)), ' +
      'with: { author: true, comments: true } })',
  },
];

/** Placeholder values of one prepared execution of every shape (a superset of the names). */
export const PLACEHOLDER_VALUES = (() => {
  const pv = {
    id: 1,
    email: 'a@x.test',
    views: 10,
    title: '%orm%',
    limit: 20,
    offset: 40,
    name: 'ann',
    name2: 'ann2',
    age: 30,
  };
  for (let i = 0; i < 10; i++) pv[`id${i}`] = i + 1;
  for (let i = 0; i < 100; i++)
    Object.assign(pv, { [`name${i}`]: `user ${i}`, [`email${i}`]: `u${i}@x.test`, [`age${i}`]: 20 + (i % 50) });
  return pv;
})();

/**
 * Per ORM and shape: `plain(db, sets, start, n)` builds shapes over sets[start..start+n) and
 * returns the last `toSQL()`; `prepared(db|dbs, sets, start, n, pv)` (async) builds with
 * placeholders, prepares and executes each once. For relational shapes `db` is per set
 * (`dbs[i]`), since drizzle's `db.query` comes from the schema given to `drizzle()`.
 */
export function shapeLoops(shape) {
  const pick = shape.relational ? 'dbs[i]' : 'dbs';
  const plainV = 'const v = (_, x) => x;';
  const prepV = 'const v = (name) => o.sql.placeholder(name);';
  return {
    plain: new Function(
      'dbs',
      'o',
      'sets',
      'start',
      'n',
      `${plainV} let r; for (let i = start; i < start + n; i++) ` +
        `{ const db = ${pick}; const t = sets[i]; r = ${shape.text}.toSQL(); } return r;`,
    ),
    prepared: new Function(
      'dbs',
      'o',
      'sets',
      'start',
      'n',
      'pv',
      `${prepV} return (async () => { let r; for (let i = start; i < start + n; i++) ` +
        `{ const db = ${pick}; const t = sets[i]; r = await ${shape.text}.prepare().execute(pv); } return r; })();`,
    ),
  };
}

/** The operators the shapes use, from one ORM's root export. */
export function operatorsOf(root) {
  const { eq, and, gt, like, inArray, count, desc, sql } = root;
  return { eq, and, gt, like, inArray, count, desc, sql };
}

/**
 * Whether the two ORMs' SQL for a shape say the same thing: 'identical'; 'qualifier' (equal
 * once every `"table".` qualifier is dropped: drizzle-orm leaves them out of one-table select
 * lists and CTE bodies, mizzle writes them); 'default columns' (an insert equal once
 * drizzle-orm's columns that it fills with a literal `null` in every row are dropped: mizzle
 * leaves unset columns out); parameters must be identical. Throws otherwise.
 */
export function sameSqlLoose(m, d, what) {
  if (JSON.stringify(m.params) !== JSON.stringify(d.params)) throw disagree(m, d, what);
  if (m.sql === d.sql) return 'identical';
  const unq = (s) => s.replace(/"(?:[^"]|"")+"\./g, '');
  if (unq(m.sql) === unq(d.sql)) return 'qualifier';
  const ins = /^insert into ("(?:[^"]|"")+") \(([^)]*)\) values (\(.*?\))( on conflict .*)?$/s;
  const a = ins.exec(unq(d.sql));
  if (a) {
    const cols = a[2].split(', ');
    const rows = a[3]
      .slice(1, -1)
      .split('), (')
      .map((r) => r.split(', '));
    const keep = cols.map((_, i) => !rows.every((r) => r[i] === 'null'));
    const pick = (xs) => xs.filter((_, i) => keep[i]).join(', ');
    const values = rows.map((r) => `(${pick(r)})`).join(', ');
    const dropped = `insert into ${a[1]} (${pick(cols)}) values ${values}${a[4] ?? ''}`;
    if (dropped === unq(m.sql)) return 'default columns';
  }
  throw disagree(m, d, what);
}
const disagree = (m, d, what) =>
  new Error(
    `${what}: mizzle and drizzle-orm disagree\n` +
      `  mizzle:      ${m.sql}  ${JSON.stringify(m.params)}\n` +
      `  drizzle-orm: ${d.sql}  ${JSON.stringify(d.params)}`,
  );

/**
 * Runs the compile matrix. `orms` = { mizzle, drizzle } with `root`, `core`, `d1`;
 * `engine` = mizzle's engine (its `compiles` counter proves first-time shapes miss). Returns
 * `{ sqlCheck: { key: kind }, rows: [{ key, label, relational, firstPlain, repeatedPlain,
 * firstPrepared, repeatedPrepared }] }`.
 */
export async function runCompile({ orms, smoke, alternate, alternateAsync, calibrate, calibrateAsync, timeNs, log }) {
  const rounds = smoke ? 1 : 9;
  // Warm-up rounds (unrecorded): 3 for repeated shapes (drizzle-orm's first samples of a new
  // shape were up to 5x slower over the first 60 ms), 2 for first-time ones.
  const warmup = smoke ? 0 : 3;
  const warmupFirst = smoke ? 0 : 2;
  const SAMPLE_NS = 20e6;
  const perFirst = smoke ? 2 : 150; // never-seen shapes per sample (each sample exactly this many)
  const nSets = (rounds + warmupFirst) * perFirst;
  const plainShapes = SHAPES.filter((s) => !s.relational);

  // Phase 1 (repeated forms) has only set 0, the schema an app has; phase 2 (first time) then
  // adds the never-seen sets 1 .. nSets (plain) and nSets+1 .. 2*nSets (prepared). Measured in
  // that order because 3,300 generated schemas per ORM, and the shapes compiled over them,
  // leave a heap that no app has and slow every later sample of either ORM (BENCHMARKS.md, Notes).
  const state = {};
  for (const key of ['mizzle', 'drizzle']) {
    const orm = orms[key];
    const o = operatorsOf(orm.root);
    const db = orm.d1.drizzle(emptyD1());
    const sets = [schemaSet(orm, 0)];
    const rdbs = [orm.d1.drizzle(emptyD1(), { schema: sets[0] })];
    state[key] = { orm, o, db, sets, rdbs, loops: Object.fromEntries(SHAPES.map((s) => [s.key, shapeLoops(s)])) };
  }
  const addNeverSeenSets = () => {
    for (const st of Object.values(state)) {
      for (let k = 1; k <= 2 * nSets; k++) {
        const t = schemaSet(st.orm, k);
        for (const tbl of [t.users, t.posts, t.comments]) st.db.select().from(tbl).toSQL(); // intern the names
        st.sets.push(t);
        st.rdbs.push(st.orm.d1.drizzle(emptyD1(), { schema: t }));
      }
    }
  };
  const engine = orms.mizzle.engine;
  const mz = state.mizzle;
  const dz = state.drizzle;

  // SQL check: set 0, plain and prepared texts, for every shape mizzle has.
  const sqlCheck = {};
  for (const s of plainShapes) {
    sqlCheck[s.key] = sameSqlLoose(
      mz.loops[s.key].plain(mz.db, mz.o, mz.sets, 0, 1),
      dz.loops[s.key].plain(dz.db, dz.o, dz.sets, 0, 1),
      s.key,
    );
  }
  // Relational shapes: each ORM plans its own statement; both must at least bind the same values.
  for (const s of SHAPES.filter((x) => x.relational)) {
    const m = mz.loops[s.key].plain(mz.rdbs, mz.o, mz.sets, 0, 1);
    const d = dz.loops[s.key].plain(dz.rdbs, dz.o, dz.sets, 0, 1);
    if (!/json_group_array/.test(m.sql)) throw new Error(`${s.key}: mizzle's SQL is not a JSON plan: ${m.sql}`);
    sqlCheck[s.key] = `own plan (mizzle ${m.params.length} params, drizzle-orm ${d.params.length})`;
  }
  // Prepared once on set 0 (compiles the prepared shapes of set 0 for the repeated rows).
  for (const s of SHAPES) {
    await mz.loops[s.key].prepared(s.relational ? mz.rdbs : mz.db, mz.o, mz.sets, 0, 1, PLACEHOLDER_VALUES);
    await dz.loops[s.key].prepared(s.relational ? dz.rdbs : dz.db, dz.o, dz.sets, 0, 1, PLACEHOLDER_VALUES);
  }

  const timing = { rounds, warmup, minNs: smoke ? 0 : SAMPLE_NS };
  const chunkNs = SAMPLE_NS / 10;
  let sink;
  const rows = SHAPES.map((s) => ({ key: s.key, label: s.label, text: s.text, relational: !!s.relational }));
  const keys = ['mizzle', 'drizzle'];
  const dbsOf = (s, k) => (s.relational ? state[k].rdbs : state[k].db);
  // Phase 1: repeated forms, set 0 only.
  for (const [i, s] of SHAPES.entries()) {
    const row = rows[i];
    row.repeatedPlain = alternate(
      keys.map((k) => {
        const st = state[k];
        const run = (n) => {
          for (let j = 0; j < n; j++) sink = st.loops[s.key].plain(dbsOf(s, k), st.o, st.sets, 0, 1);
        };
        return { key: k, chunk: smoke ? 2 : calibrate((n) => timeNs(() => run(n)), chunkNs), run };
      }),
      timing,
    );
    const prepContenders = [];
    for (const k of keys) {
      const st = state[k];
      const run = async (n) => {
        for (let j = 0; j < n; j++)
          sink = await st.loops[s.key].prepared(dbsOf(s, k), st.o, st.sets, 0, 1, PLACEHOLDER_VALUES);
      };
      const chunk = smoke ? 2 : await calibrateAsync(run, chunkNs);
      prepContenders.push({ key: k, chunk, run });
    }
    row.repeatedPrepared = await alternateAsync(prepContenders, timing);
  }
  // Phase 2: first time, plain and prepared: each sample walks the next perFirst never-seen sets.
  addNeverSeenSets();
  for (const [i, s] of SHAPES.entries()) {
    const row = rows[i];
    for (const [mode, base] of [
      ['firstPlain', 1],
      ['firstPrepared', nSets + 1],
    ]) {
      const contenders = keys.map((k) => {
        const st = state[k];
        let at = base;
        let size = 0;
        const c = {
          key: k,
          chunk: perFirst,
          before: () => (size = engine.compiles),
          after: (ops) => {
            if (k === 'mizzle' && engine.compiles !== size + ops)
              throw new Error(`compile ${s.key} ${mode}: ${ops} never-seen shapes, ${engine.compiles - size} compiles`);
          },
        };
        if (mode === 'firstPlain') {
          c.run = (n) => {
            sink = st.loops[s.key].plain(dbsOf(s, k), st.o, st.sets, at, n);
            at += n;
          };
        } else {
          c.run = async (n) => {
            sink = await st.loops[s.key].prepared(dbsOf(s, k), st.o, st.sets, at, n, PLACEHOLDER_VALUES);
            at += n;
          };
        }
        return c;
      });
      const t = { rounds, warmup: warmupFirst, minNs: 0 };
      row[mode] = mode === 'firstPlain' ? alternate(contenders, t) : await alternateAsync(contenders, t);
    }
    const f = (r) => `${r.ratio.medians.toFixed(3)}x`;
    log(
      `compile ${s.key}: first ${f(row.firstPlain)} / prepared ${f(row.firstPrepared)}; ` +
        `repeated ${f(row.repeatedPlain)} / prepared ${f(row.repeatedPrepared)}`,
    );
  }
  void sink;
  return {
    sqlCheck,
    rows,
    settings: { rounds, warmup, warmupFirst, sampleMs: SAMPLE_NS / 1e6, neverSeenPerSample: perFirst },
  };
}
