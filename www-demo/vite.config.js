import { defineConfig } from 'vite';

const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

export default defineConfig({
  // mizzle loads its wasm with `new URL('…_bg.wasm', import.meta.url)`: the dev
  // server's dependency pre-bundling would break that path (vitejs/vite#8427).
  optimizeDeps: { exclude: ['mizzle'] },
  build: {
    // es2022: top-level await and class fields as written; every current browser runs it.
    target: 'es2022',
    // Everything the page needs is emitted into dist/: no CDN, no remote fonts.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  // Cross-origin isolation headers, for the dev server and for `vite preview` (what `./x demo` serves dist/
  // with): the page's performance.now() then ticks in 5 µs steps instead of 100 µs, which the SQL panel's
  // per-statement times need. Every asset is same-origin, so nothing is blocked by them.
  server: {
    host: '127.0.0.1',
    headers: ISOLATION,
    // "mizzle": "file:../npm-package" is a symlink that Vite follows to its real
    // path, outside this root: the dev server refuses to serve files from there
    // (403 on the .wasm) unless the folder is allowed. Not needed for a registry install.
    fs: { allow: ['.', '../npm-package'] },
  },
  preview: { host: '127.0.0.1', headers: ISOLATION },
});
