// A `.wasm` module import as workerd (and wrangler's bundler) provide it: the compiled module.
// Only the *.workerd.ts loaders import `.wasm` files.
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
