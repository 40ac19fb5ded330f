/** The postgresql DSL for the schema reader (declared.ts): its `getTableConfig`, `getViewConfig` and quoting. */
import { getTableConfig } from '../pg-core/table.js';
import { getViewConfig } from '../pg-core/view.js';
import type { Dsl, TableConfig } from './declared.js';

export const pgDsl: Dsl = {
  dialect: 'postgresql',
  tableConfig: (t) => getTableConfig(t) as unknown as TableConfig,
  viewConfig: (v) => getViewConfig(v),
  generatedSource: undefined,
  info: 'pg',
  quote: '"',
};
