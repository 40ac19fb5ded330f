/** All SQLite column builders and their types. */
export * from './all.js';
export * from './blob.js';
export * from './common.js';
export * from './custom.js';
export * from './integer.js';
export * from './numeric.js';
export * from './real.js';
export * from './text.js';
