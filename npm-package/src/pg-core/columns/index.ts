/** All PostgreSQL column builders and their types. */
export * from './all.js';
export * from './common.js';
export * from './custom.js';
export * from './datetime.js';
export * from './enum.js';
export * from './geometric.js';
export * from './integer.js';
export * from './misc.js';
export * from './network.js';
export * from './numeric.js';
export * from './text.js';
