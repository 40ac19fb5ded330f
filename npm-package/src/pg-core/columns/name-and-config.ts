/**
 * Every builder takes `(name?, config?)` or just `(config?)`: the property
 * key becomes the SQL name when none is given.
 */
export { nameAndConfig } from '../../sqlite-core/columns/name-and-config.js';
