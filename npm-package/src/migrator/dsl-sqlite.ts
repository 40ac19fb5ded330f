/** The sqlite DSL for the schema reader (declared.ts): its `getTableConfig`, `getViewConfig` and quoting. */
import { getTableConfig } from '../sqlite-core/table.js';
import { getViewConfig } from '../sqlite-core/view.js';
import type { Dsl, TableConfig } from './declared.js';

export const sqliteDsl: Dsl = {
  dialect: 'sqlite',
  tableConfig: (t) => getTableConfig(t) as unknown as TableConfig,
  viewConfig: (v) => getViewConfig(v),
  generatedSource: 'indexes',
  info: 'sqlite',
  quote: '"',
};
