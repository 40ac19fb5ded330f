/** All MySQL column builders and their types. */
export * from './all.js';
export * from './binary.js';
export * from './boolean.js';
export * from './common.js';
export * from './custom.js';
export * from './date.js';
export * from './decimal.js';
export * from './int.js';
export * from './json.js';
export * from './string.js';
