#!/usr/bin/env node
// Fails when a TypeScript or JavaScript line is longer than the 120 columns biome.json sets.
// Biome's formatter wraps code to that width but leaves comments and long strings alone, so
// this check covers what the formatter cannot. Same files as biome.json: the tracked sources
// of npm-package/, www-demo/, tests/ and scripts/ (not generated wasm glue or lockfiles).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const WIDTH = 120;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /^(npm-package|www-demo|tests|scripts)\//.test(f) && /\.(ts|mts|js|mjs)$/.test(f))
  .filter((f) => !/(^|\/)(node_modules|dist|bundle|dist-test)\//.test(f) && !f.startsWith('npm-package/wasm/'));
const long = [];
for (const f of files) {
  let text;
  try {
    text = readFileSync(f, 'utf8');
  } catch {
    continue; // deleted in the work tree
  }
  text.split('\n').forEach((line, i) => {
    if ([...line].length > WIDTH) long.push(`${f}:${i + 1}: ${[...line].length} columns`);
  });
}
if (long.length > 0) {
  console.error(`${long.length} lines over ${WIDTH} columns:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`line width: ${files.length} files, no line over ${WIDTH} columns`);
