/** The mysql DSL for the schema reader (declared.ts): its `getTableConfig`, `getViewConfig` and quoting. */
import { getTableConfig } from '../mysql-core/table.js';
import { getViewConfig } from '../mysql-core/view.js';
import type { Dsl, TableConfig, ViewConfig } from './declared.js';

export const mysqlDsl: Dsl = {
  dialect: 'mysql',
  tableConfig: (t) => getTableConfig(t) as unknown as TableConfig,
  viewConfig: (v) => getViewConfig(v) as ViewConfig | undefined,
  generatedSource: undefined,
  info: 'mysql',
  quote: '`',
};
