// Timing: process.hrtime.bigint() around repeated chunks of operations until a sample
// has lasted long enough; samples from the contenders alternate (A B, B A, A B, ...) so drift
// and background load hit both alike; results are medians of ns per operation, and the ratio
// of the medians.

/** Nanoseconds taken by `fn()`. */
export function timeNs(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0);
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Operations per chunk so that `run(chunk)` takes about `chunkNs` (starting from 1 and
 * growing; `run(n)` returns the nanoseconds of n operations).
 */
export function calibrate(run, chunkNs) {
  let n = 1;
  for (;;) {
    const ns = run(n);
    if (ns >= chunkNs / 2 || n >= 2 ** 30) return Math.max(1, Math.round((n * chunkNs) / Math.max(ns, 1)));
    n *= ns < chunkNs / 64 ? 8 : 2;
  }
}

/**
 * Runs `warmup` unrecorded rounds then `rounds` recorded ones; each round takes one sample
 * of every contender, in reverse order every other round. A contender is
 * `{ key, chunk, run(k), before?(), after?(ops) }`. One sample: `before()` (untimed, e.g. to
 * prepare inputs), then `run(chunk)` again and again under one clock until at least
 * `minNs` have passed (once when minNs is 0), then `after(ops)` (untimed, e.g. to check
 * what the operations did). Returns, per key, ns per operation (median, min, max), ops per
 * sample and the shortest sample; and the ratio of the first contender's median to the
 * second's, with the range of the per-round ratios.
 */
export function alternate(contenders, { rounds, warmup = 0, minNs = 0 }) {
  const out = Object.fromEntries(contenders.map((c) => [c.key, { perOp: [], sampleMs: [], ops: [] }]));
  for (let r = -warmup; r < rounds; r++) {
    const order = (r + warmup) % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) {
      c.before?.();
      let ops = 0;
      const t0 = process.hrtime.bigint();
      let ns;
      do {
        c.run(c.chunk);
        ops += c.chunk;
        ns = Number(process.hrtime.bigint() - t0);
      } while (ns < minNs);
      c.after?.(ops);
      if (r < 0) continue;
      const o = out[c.key];
      o.perOp.push(ns / ops);
      o.sampleMs.push(ns / 1e6);
      o.ops.push(ops);
    }
  }
  return summarize(out);
}

/**
 * Per key of `out` (`{ perOp: ns[], sampleMs?: ms[], ops?: n[] }`, paired by index across
 * keys): median, min, max ns per operation; and the ratio of the first key to the second.
 */
export function summarize(out) {
  const [a, b] = Object.keys(out);
  const result = {};
  for (const [key, s] of Object.entries(out)) {
    result[key] = {
      medianNs: median(s.perOp),
      minNs: Math.min(...s.perOp),
      maxNs: Math.max(...s.perOp),
      samples: s.perOp.length,
      ...(s.ops ? { opsPerSample: median(s.ops), minSampleMs: Math.min(...s.sampleMs) } : {}),
      perOpNs: s.perOp,
    };
  }
  if (b !== undefined) {
    const paired = out[a].perOp.map((x, i) => x / out[b].perOp[i]);
    result.ratio = {
      of: `${a}/${b}`,
      medians: result[a].medianNs / result[b].medianNs,
      pairedMin: Math.min(...paired),
      pairedMax: Math.max(...paired),
    };
  }
  return result;
}

/** `alternate()` for contenders whose `run(k)` returns a promise (awaited inside the clock). */
export async function alternateAsync(contenders, { rounds, warmup = 0, minNs = 0 }) {
  const out = Object.fromEntries(contenders.map((c) => [c.key, { perOp: [], sampleMs: [], ops: [] }]));
  for (let r = -warmup; r < rounds; r++) {
    const order = (r + warmup) % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) {
      c.before?.();
      let ops = 0;
      const t0 = process.hrtime.bigint();
      let ns;
      do {
        await c.run(c.chunk);
        ops += c.chunk;
        ns = Number(process.hrtime.bigint() - t0);
      } while (ns < minNs);
      c.after?.(ops);
      if (r < 0) continue;
      const o = out[c.key];
      o.perOp.push(ns / ops);
      o.sampleMs.push(ns / 1e6);
      o.ops.push(ops);
    }
  }
  return summarize(out);
}

/** Operations per chunk for an async `run(n)` (see calibrate). */
export async function calibrateAsync(run, chunkNs) {
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    await run(n);
    const ns = Number(process.hrtime.bigint() - t0);
    if (ns >= chunkNs / 2 || n >= 2 ** 30) return Math.max(1, Math.round((n * chunkNs) / Math.max(ns, 1)));
    n *= ns < chunkNs / 64 ? 8 : 2;
  }
}
