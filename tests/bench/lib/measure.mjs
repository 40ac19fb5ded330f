// Timing: process.hrtime.bigint() around a loop of n operations; samples from the
// contenders alternate (A B, B A, A B, ...) so drift and background load hit both alike;
// results are medians of ns per operation, and the ratio of the medians.

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
 * The smallest n (a power of two, scaled up at the end) for which `run(n)` takes at least
 * `targetNs`; `run(n)` returns the nanoseconds of n operations.
 */
export function calibrate(run, targetNs) {
  let n = 1;
  for (;;) {
    const ns = run(n);
    if (ns >= targetNs / 4 || n >= 2 ** 30) return Math.max(1, Math.ceil((n * targetNs * 1.1) / Math.max(ns, 1)));
    n *= ns < targetNs / 64 ? 8 : 2;
  }
}

/**
 * Runs `warmup` unrecorded rounds then `rounds` recorded ones; each round takes one sample
 * of every contender, in reverse order every other round. A contender is
 * `{ key, sample(round) -> { ns, ops } }`. Returns, per key, the samples (ns per op, ms per
 * sample) plus the median, and per round the ratio of the first contender to the second.
 */
export function alternate(contenders, { rounds, warmup = 0 }) {
  const out = Object.fromEntries(contenders.map((c) => [c.key, { perOp: [], sampleMs: [], ops: [] }]));
  for (let r = -warmup; r < rounds; r++) {
    const order = r % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) {
      const { ns, ops } = c.sample(r);
      if (r < 0) continue;
      out[c.key].perOp.push(ns / ops);
      out[c.key].sampleMs.push(ns / 1e6);
      out[c.key].ops.push(ops);
    }
  }
  const [a, b] = contenders.map((c) => c.key);
  const result = {};
  for (const [key, s] of Object.entries(out)) {
    result[key] = {
      medianNs: median(s.perOp),
      minNs: Math.min(...s.perOp),
      maxNs: Math.max(...s.perOp),
      samples: s.perOp.length,
      opsPerSample: median(s.ops),
      minSampleMs: Math.min(...s.sampleMs),
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
