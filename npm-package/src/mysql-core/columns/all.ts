/**
 * The column builders handed to the callback form of `mysqlTable`.
 */
import { binary, varbinary } from './binary.js';
import { boolean } from './boolean.js';
import { customType } from './custom.js';
import { date, datetime, time, timestamp, year } from './date.js';
import { decimal, double, float, real } from './decimal.js';
import { bigint, int, mediumint, serial, smallint, tinyint } from './int.js';
import { json } from './json.js';
import { char, longtext, mediumtext, mysqlEnum, text, tinytext, varchar } from './string.js';

// Built once: the callback form is called once per table.
const builders = {
  bigint,
  binary,
  boolean,
  char,
  customType,
  date,
  datetime,
  decimal,
  double,
  float,
  int,
  json,
  longtext,
  mediumint,
  mediumtext,
  mysqlEnum,
  real,
  serial,
  smallint,
  text,
  time,
  timestamp,
  tinyint,
  tinytext,
  varbinary,
  varchar,
  year,
};

/**
 * The builders object of `mysqlTable('t', (t) => ({ id: t.int() }))`.
 *
 * @example
 * const { int, varchar } = getMySqlColumnBuilders();
 */
export function getMySqlColumnBuilders(): MySqlColumnBuilders {
  return builders;
}

/** The type of {@link getMySqlColumnBuilders}'s result. */
export type MySqlColumnBuilders = typeof builders;
